/* mc-fee-settings-group.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-office.h"

G_BEGIN_DECLS

#define MC_TYPE_FEE_SETTINGS_GROUP (mc_fee_settings_group_get_type ())
G_DECLARE_FINAL_TYPE (McFeeSettingsGroup, mc_fee_settings_group, MC, FEE_SETTINGS_GROUP, AdwPreferencesGroup)

void mc_fee_settings_group_load    (McFeeSettingsGroup *self,
                                    const McOffice     *office);
void mc_fee_settings_group_collect (McFeeSettingsGroup *self,
                                    const McOffice     *office,
                                    GHashTable         *values);

G_END_DECLS
