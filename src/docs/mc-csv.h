/* mc-csv.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void mc_csv_append_cell (GString    *line,
                         const char *value,
                         gboolean    last);

G_END_DECLS
