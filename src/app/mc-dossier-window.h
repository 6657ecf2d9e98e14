/* mc-dossier-window.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER_WINDOW (mc_dossier_window_get_type ())
G_DECLARE_FINAL_TYPE (McDossierWindow, mc_dossier_window, MC, DOSSIER_WINDOW, AdwWindow)

McDossierWindow *mc_dossier_window_new      (McStore         *store,
                                             const char      *code,
                                             GError         **error);
const char      *mc_dossier_window_get_code (McDossierWindow *self);

G_END_DECLS
