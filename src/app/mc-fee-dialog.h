/* mc-fee-dialog.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_FEE_DIALOG (mc_fee_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McFeeDialog, mc_fee_dialog, MC, FEE_DIALOG, AdwWindow)

McFeeDialog *mc_fee_dialog_new (GtkWindow *parent,
                                McStore   *store,
                                McDossier *dossier);

G_END_DECLS
