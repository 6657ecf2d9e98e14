/* mc-private-file.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-private-file"

#include "config.h"

#include "mc-private-file.h"

/* Every file written with personal data (a saved document, a form, a register, a list) is the user's alone,
 * whatever the umask: mode 0600, the old contents or the new whole, never a half (docs/architecture.md, "Private
 * files"). The files that are written in place by other means (the database, backups, bundles) are created with
 * open (…, 0600) for the same reason. */

/**
 * mc_private_file_write:
 *
 * Writes @data to @path as a file of mode 0600 (a temporary file renamed over @path, which also replaces an
 * older file's mode).
 *
 * Returns: %FALSE with @error (%G_FILE_ERROR) set when the file cannot be written; an older file is then left
 *   as it was
 */
gboolean
mc_private_file_write (const char  *path,
                       const void  *data,
                       gsize        len,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  return g_file_set_contents_full (path, data != NULL ? data : "", (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}
