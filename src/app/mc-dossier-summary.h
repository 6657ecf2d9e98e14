/* mc-dossier-summary.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER_SUMMARY (mc_dossier_summary_get_type ())
G_DECLARE_FINAL_TYPE (McDossierSummary, mc_dossier_summary, MC, DOSSIER_SUMMARY, GtkWidget)

/* The top of the dossier page: the status, the appointment and the working time left, large; the one step the
 * dossier's status suggests next, and the other steps its status allows as flat buttons. The buttons activate
 * the window's "dossier.*" actions, so call it after the actions' states are set. */
void        mc_dossier_summary_set_dossier          (McDossierSummary *self,
                                                     McDossier        *dossier,
                                                     McCalendar       *calendar,
                                                     McMinute          now);

/* The action of the suggested step ("dossier.result-ready"), NULL when the dossier is closed. */
const char *mc_dossier_summary_get_suggested_action (McDossierSummary *self);

/* The step suggested for a dossier in @status: the action's name, NULL for none (a closed dossier). */
const char *mc_dossier_suggested_action             (McStatus          status);

G_END_DECLS
