/* mc-file-chooser.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-app"

#include "config.h"

#include "mc-file-chooser.h"

/**
 * mc_file_chooser_finish:
 * @dialog: the file chooser that answered
 * @chooser: where its owner keeps it; cleared, so the owner can open another
 * @out_path: (out) (transfer full): the local path chosen, or %NULL for a place without one (a phone or a
 *   network share seen through a portal)
 *
 * The one reading of a file chooser's answer for every "choose a file or a folder" of the desk.
 *
 * Returns: %TRUE when the clerk chose something; %FALSE when they cancelled (@out_path is then %NULL)
 */
gboolean
mc_file_chooser_finish (GtkNativeDialog       *dialog,
                        int                    response,
                        GtkFileChooserNative **chooser,
                        char                 **out_path)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GTK_IS_NATIVE_DIALOG (dialog), FALSE);
  g_return_val_if_fail (chooser != NULL && out_path != NULL, FALSE);

  *out_path = NULL;
  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      *out_path = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (chooser);
  return response == GTK_RESPONSE_ACCEPT;
}
