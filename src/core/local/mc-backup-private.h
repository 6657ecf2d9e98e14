/* mc-backup-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "mc-backup.h"

G_BEGIN_DECLS

/* What making a backup and restoring one share. */
gboolean  _mc_backup_sqlite_failed  (sqlite3     *db,
                                     int          rc,
                                     const char  *what,
                                     GError     **error);
gboolean  _mc_backup_sync_path      (const char  *path,
                                     gboolean     directory,
                                     GError     **error);
gboolean  _mc_backup_copy_database  (const char  *from,
                                     const char  *to,
                                     const char  *what,
                                     GError     **error);

G_END_DECLS
