/* mc-sync-folder-group.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_SYNC_FOLDER_GROUP (mc_sync_folder_group_get_type ())

G_DECLARE_FINAL_TYPE (McSyncFolderGroup, mc_sync_folder_group, MC, SYNC_FOLDER_GROUP, AdwPreferencesGroup)

void mc_sync_folder_group_set_store (McSyncFolderGroup *self,
                                     McStore           *store);

G_END_DECLS
