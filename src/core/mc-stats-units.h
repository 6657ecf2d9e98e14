/* mc-stats-units.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mc-store.h"

G_BEGIN_DECLS

/* How one unit of the office kept its steps' deadlines (docs/process.md): the leader's view of where dossiers go
 * late. */
typedef struct
{
  char    *unit;
  guint    finished;          /* steps the unit handed on in the period */
  guint    early;
  guint    on_time;
  guint    late;
  gint64   working_minutes;   /* the working time those steps took, summed */
  guint    held;              /* dossiers in progress the unit holds at the reference moment */
  guint    held_overdue;      /* … whose step is past its deadline */
} McUnitFigures;

void        mc_unit_figures_free          (McUnitFigures *self);
GPtrArray  *mc_stats_per_unit             (McStore       *store,
                                           int            from_jdn,
                                           int            to_jdn,
                                           McMinute       now,
                                           GError       **error);
double      mc_unit_figures_on_time_rate  (const McUnitFigures *self);
void        mc_stats_per_unit_to_json     (GPtrArray     *units,
                                           JsonBuilder   *builder);

G_END_DECLS
