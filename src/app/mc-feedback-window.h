/* mc-feedback-window.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_FEEDBACK_WINDOW (mc_feedback_window_get_type ())
G_DECLARE_FINAL_TYPE (McFeedbackWindow, mc_feedback_window, MC, FEEDBACK_WINDOW, AdwWindow)

McFeedbackWindow *mc_feedback_window_new            (McStore          *store);
guint             mc_feedback_window_get_n_rows     (McFeedbackWindow *self);

G_END_DECLS
