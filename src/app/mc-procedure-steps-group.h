/* mc-procedure-steps-group.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_PROCEDURE_STEPS_GROUP (mc_procedure_steps_group_get_type ())
G_DECLARE_FINAL_TYPE (McProcedureStepsGroup, mc_procedure_steps_group, MC, PROCEDURE_STEPS_GROUP, AdwPreferencesGroup)

void     mc_procedure_steps_group_set_store        (McProcedureStepsGroup *self,
                                                    McStore               *store);
gboolean mc_procedure_steps_group_select_procedure (McProcedureStepsGroup *self,
                                                    const char            *code);

G_END_DECLS
