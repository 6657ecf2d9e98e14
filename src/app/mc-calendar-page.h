/* mc-calendar-page.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-clock.h"
#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_CALENDAR_PAGE (mc_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (McCalendarPage, mc_calendar_page, MC, CALENDAR_PAGE, GtkWidget)

void     mc_calendar_page_set_store     (McCalendarPage *self,
                                         McStore        *store,
                                         McClock        *clock);
void     mc_calendar_page_show_month    (McCalendarPage *self,
                                         int             year,
                                         int             month);
void     mc_calendar_page_select_day    (McCalendarPage *self,
                                         int             jdn);
int      mc_calendar_page_get_selected  (McCalendarPage *self);
void     mc_calendar_page_get_month     (McCalendarPage *self,
                                         int            *year,
                                         int            *month);
gboolean mc_calendar_page_get_counts    (McCalendarPage *self,
                                         int             jdn,
                                         McDayCount     *out);
void     mc_calendar_page_reload        (McCalendarPage *self);

G_END_DECLS
