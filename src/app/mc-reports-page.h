/* mc-reports-page.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-stats.h"
#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_REPORTS_PAGE (mc_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (McReportsPage, mc_reports_page, MC, REPORTS_PAGE, GtkWidget)

void           mc_reports_page_set_store   (McReportsPage *self,
                                            McStore       *store);
void           mc_reports_page_set_period  (McReportsPage *self,
                                            int            from_jdn,
                                            int            to_jdn);
const McStats *mc_reports_page_get_stats   (McReportsPage *self);
void           mc_reports_page_reload      (McReportsPage *self);
gboolean       mc_reports_page_export_register (McReportsPage  *self,
                                                const char     *path,
                                                gboolean        csv,
                                                GError        **error);
gboolean       mc_reports_page_export_late (McReportsPage  *self,
                                            const char     *path,
                                            gboolean        csv,
                                            GError        **error);

G_END_DECLS
