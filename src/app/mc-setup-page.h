/* mc-setup-page.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_SETUP_PAGE (mc_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (McSetupPage, mc_setup_page, MC, SETUP_PAGE, GtkWidget)

void mc_setup_page_set_store (McSetupPage *self,
                              McStore     *store);

G_END_DECLS
