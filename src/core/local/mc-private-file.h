/* mc-private-file.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean mc_private_file_write (const char  *path,
                                const void  *data,
                                gsize        len,
                                GError     **error);

G_END_DECLS
