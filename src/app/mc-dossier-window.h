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
/* A section of the page another part of the desk adds (the fees, the steps through the office): placed after the
 * summary and its steps, before the forms, in the order added. */
void             mc_dossier_window_add_section (McDossierWindow *self,
                                                GtkWidget       *section);

G_END_DECLS
