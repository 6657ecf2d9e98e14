/* mc-preview-window.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-document.h"

G_BEGIN_DECLS

#define MC_TYPE_PREVIEW_WINDOW (mc_preview_window_get_type ())
G_DECLARE_FINAL_TYPE (McPreviewWindow, mc_preview_window, MC, PREVIEW_WINDOW, AdwWindow)

McPreviewWindow *mc_preview_window_new          (McDocument      *document,
                                                 const char      *title,
                                                 GError         **error);
void             mc_preview_window_set_draft    (McPreviewWindow *self);
int              mc_preview_window_get_n_pages  (McPreviewWindow *self);

G_END_DECLS
