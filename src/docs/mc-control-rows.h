/* mc-control-rows.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_CONTROL_ROWS_COLUMNS 4

GPtrArray *mc_control_sheet_rows (McDossier *dossier);

G_END_DECLS
