/* mc-window.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_WINDOW (mc_window_get_type ())
G_DECLARE_FINAL_TYPE (McWindow, mc_window, MC, WINDOW, AdwApplicationWindow)

McWindow *mc_window_new          (McApplication *application,
                                  McStore       *store);
gboolean  mc_window_can_close    (McWindow      *self);
void      mc_window_show_toast   (McWindow      *self,
                                  AdwToast      *toast);
void      mc_window_show_page    (McWindow      *self,
                                  const char    *name);
const char *mc_window_get_last_notification (McWindow *self);
void        mc_window_lock         (McWindow      *self);
gboolean    mc_window_is_locked    (McWindow      *self);
const char *mc_window_get_visible_page (McWindow *self);
void        mc_window_import_file  (McWindow      *self,
                                    const char    *path);

G_END_DECLS
