/* mc-quick-check.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mc-store.h"

G_BEGIN_DECLS

gboolean  mc_quick_check                (McStore     *store,
                                         GError     **error);
char     *mc_quick_check_newest_backup  (const char  *dir);

G_END_DECLS
