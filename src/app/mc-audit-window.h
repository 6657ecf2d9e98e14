/* mc-audit-window.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_AUDIT_WINDOW (mc_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (McAuditWindow, mc_audit_window, MC, AUDIT_WINDOW, AdwWindow)

McAuditWindow *mc_audit_window_new      (McStore       *store);
guint          mc_audit_window_get_n_rows (McAuditWindow *self);

G_END_DECLS
