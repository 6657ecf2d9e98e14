/* mc-fee-box.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_FEE_BOX (mc_fee_box_get_type ())
G_DECLARE_FINAL_TYPE (McFeeBox, mc_fee_box, MC, FEE_BOX, GtkBox)

void mc_fee_box_set_procedure (McFeeBox    *self,
                               McStore     *store,
                               McProcedure *procedure,
                               gboolean     online);
void mc_fee_box_fill_intake   (McFeeBox    *self,
                               McIntake    *intake);
void mc_fee_box_reset         (McFeeBox    *self);

G_END_DECLS
