/* mc-lock-page.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_LOCK_PAGE (mc_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (McLockPage, mc_lock_page, MC, LOCK_PAGE, GtkWidget)

void     mc_lock_page_set_store (McLockPage *self,
                                 McStore    *store);
void     mc_lock_page_reset     (McLockPage *self);
gboolean mc_lock_page_sign_in   (McLockPage *self,
                                 const char *username,
                                 const char *pin);

G_END_DECLS
