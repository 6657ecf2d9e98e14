/* mc-file-chooser.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean mc_file_chooser_finish (GtkNativeDialog       *dialog,
                                 int                    response,
                                 GtkFileChooserNative **chooser,
                                 char                 **out_path);

G_END_DECLS
