/* mc-transfer-dialog.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_TRANSFER_DIALOG (mc_transfer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McTransferDialog, mc_transfer_dialog, MC, TRANSFER_DIALOG, AdwWindow)

McTransferDialog *mc_transfer_dialog_new (GtkWindow *parent,
                                          McStore   *store,
                                          McDossier *dossier);

G_END_DECLS
