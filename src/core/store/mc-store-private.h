/* mc-store-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For the core's own modules that keep tables beside the store's (accounts, audit): not for the app. */

#pragma once

#include <sqlite3.h>

#include "mc-store.h"

G_BEGIN_DECLS

sqlite3    *mc_store_get_sqlite (McStore    *self);
void        mc_store_set_actor  (McStore    *self,
                                 const char *username,
                                 const char *full_name);
const char *mc_store_get_actor  (McStore    *self);
McEvent    *mc_store_append_reference_event (McStore    *self,
                                             const char *kind,
                                             JsonNode   *payload,
                                             GError    **error);

G_END_DECLS
