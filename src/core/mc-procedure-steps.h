/* mc-procedure-steps.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mc-types.h"

G_BEGIN_DECLS

/* At most this many steps in a procedure's internal procedure (quy trình nội bộ). */
#define MC_PROCEDURE_MAX_STEPS 12

/* One step of a procedure's internal procedure: who holds the dossier and for how many working minutes. */
typedef struct
{
  char   *unit;      /* as printed on the control sheet: "Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", … */
  char   *role;      /* desk, specialist, leader, records or other */
  gint64  minutes;   /* working minutes; given as "hours" in the catalogue */
} McProcedureStep;

void        mc_procedure_step_free     (McProcedureStep *step);
GPtrArray  *mc_procedure_steps_parse   (JsonNode        *node,
                                        GError         **error);
GPtrArray  *mc_procedure_steps_default (gint64           total_minutes);
gint64      mc_procedure_steps_total   (McUnit           unit,
                                        int              duration,
                                        int              day_minutes);
void        mc_procedure_steps_to_json (GPtrArray       *steps,
                                        JsonBuilder     *builder);
gboolean    mc_procedure_steps_check_total (GPtrArray   *steps,
                                        gint64           total_minutes,
                                        GError         **error);

G_END_DECLS
