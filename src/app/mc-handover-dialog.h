/* mc-handover-dialog.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_HANDOVER_DIALOG (mc_handover_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McHandoverDialog, mc_handover_dialog, MC, HANDOVER_DIALOG, AdwWindow)

McHandoverDialog *mc_handover_dialog_new (GtkWindow *parent,
                                          McStore   *store,
                                          GPtrArray *dossiers);

G_END_DECLS
