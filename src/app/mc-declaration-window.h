/* mc-declaration-window.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-declaration.h"
#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_DECLARATION_WINDOW (mc_declaration_window_get_type ())
G_DECLARE_FINAL_TYPE (McDeclarationWindow, mc_declaration_window, MC, DECLARATION_WINDOW, AdwWindow)

McDeclarationWindow *mc_declaration_window_new       (McStore             *store,
                                                      McDossier           *dossier,
                                                      McDeclaration       *declaration,
                                                      GError             **error);
void                 mc_declaration_window_set_answer (McDeclarationWindow *self,
                                                       const char          *key,
                                                       const char          *value);

G_END_DECLS
