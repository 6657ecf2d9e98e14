/* mc-post-list.h
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

GPtrArray   *mc_post_list_dossiers (McStore     *store,
                                    GError     **error);
McDocument  *mc_post_list_render   (McStore     *store,
                                    GError     **error);

G_END_DECLS
