/* mc-procedure-finder.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_PROCEDURE_FINDER (mc_procedure_finder_get_type ())

G_DECLARE_FINAL_TYPE (McProcedureFinder, mc_procedure_finder, MC, PROCEDURE_FINDER, GtkWidget)

GtkWidget   *mc_procedure_finder_new           (void);
void         mc_procedure_finder_set_store     (McProcedureFinder *self,
                                                McStore           *store);
McProcedure *mc_procedure_finder_get_procedure (McProcedureFinder *self);
gboolean     mc_procedure_finder_select_code   (McProcedureFinder *self,
                                                const char        *code);
void         mc_procedure_finder_clear         (McProcedureFinder *self);
void         mc_procedure_finder_note_received (McProcedureFinder *self,
                                                const char        *code);
GtkEditable *mc_procedure_finder_get_entry     (McProcedureFinder *self);

G_END_DECLS
