/* mc-station-row.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_STATION_ROW (mc_station_row_get_type ())

G_DECLARE_FINAL_TYPE (McStationRow, mc_station_row, MC, STATION_ROW, AdwActionRow)

void mc_station_row_set_store (McStationRow *self,
                               McStore      *store);

G_END_DECLS
