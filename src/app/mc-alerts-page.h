/* mc-alerts-page.h
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

#define MC_TYPE_ALERTS_PAGE (mc_alerts_page_get_type ())
G_DECLARE_FINAL_TYPE (McAlertsPage, mc_alerts_page, MC, ALERTS_PAGE, GtkWidget)

void        mc_alerts_page_set_store      (McAlertsPage *self,
                                           McStore      *store,
                                           McClock      *clock);
void        mc_alerts_page_reload         (McAlertsPage *self);
guint       mc_alerts_page_get_count      (McAlertsPage *self);
guint       mc_alerts_page_get_overdue    (McAlertsPage *self);
guint       mc_alerts_page_get_step_late  (McAlertsPage *self);
guint       mc_alerts_page_get_due_soon   (McAlertsPage *self);
char       *mc_alerts_page_dup_notification_body (McAlertsPage *self);
GPtrArray  *mc_alerts_page_get_codes      (McAlertsPage *self);
char       *mc_alerts_describe_distance   (McCalendar   *calendar,
                                           McMinute      due,
                                           McMinute      now);

G_END_DECLS
