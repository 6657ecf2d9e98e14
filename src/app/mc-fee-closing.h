/* mc-fee-closing.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mc-store.h"

G_BEGIN_DECLS

GtkWindow *mc_fee_closing_show (GtkWindow  *parent,
                                McStore    *store,
                                GError    **error);

G_END_DECLS
