/* mc-late-list.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-document.h"
#include "mc-store.h"

G_BEGIN_DECLS

char        *mc_late_list_short_name (const char  *full_name);
McDocument  *mc_late_list_render     (McStore     *store,
                                      int          from_jdn,
                                      int          to_jdn,
                                      GError     **error);
gboolean     mc_late_list_write_csv  (McStore     *store,
                                      int          from_jdn,
                                      int          to_jdn,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
