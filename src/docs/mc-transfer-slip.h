/* mc-transfer-slip.h
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

McDocument  *mc_transfer_slip_render (McStore    *store,
                                      McDossier  *dossier,
                                      GError    **error);

G_END_DECLS
