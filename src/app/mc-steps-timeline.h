/* mc-steps-timeline.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-calendar.h"
#include "mc-dossier.h"

G_BEGIN_DECLS

#define MC_TYPE_STEPS_TIMELINE (mc_steps_timeline_get_type ())
G_DECLARE_FINAL_TYPE (McStepsTimeline, mc_steps_timeline, MC, STEPS_TIMELINE, GtkWidget)

void  mc_steps_timeline_set_dossier (McStepsTimeline *self,
                                     McDossier       *dossier,
                                     McCalendar      *calendar,
                                     McMinute         now);
guint mc_steps_timeline_get_n_rows  (McStepsTimeline *self);

G_END_DECLS
