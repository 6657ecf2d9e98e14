/* mc-handover-list.h
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

McDocument  *mc_handover_list_render (McStore    *store,
                                      GPtrArray  *dossiers,
                                      GError    **error);

G_END_DECLS
