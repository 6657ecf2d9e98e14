/* mc-procedure-item.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mc-procedure.h"

G_BEGIN_DECLS

#define MC_TYPE_PROCEDURE_ITEM (mc_procedure_item_get_type ())
G_DECLARE_FINAL_TYPE (McProcedureItem, mc_procedure_item, MC, PROCEDURE_ITEM, GObject)

McProcedureItem *mc_procedure_item_new           (McProcedure     *procedure);
McProcedure     *mc_procedure_item_get_procedure (McProcedureItem *self);
const char      *mc_procedure_item_get_label     (McProcedureItem *self);
const char      *mc_procedure_item_get_search_key (McProcedureItem *self);

G_END_DECLS
