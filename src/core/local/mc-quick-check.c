/* mc-quick-check.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A damaged database seen at once: SQLite's quick check of the file, and the newest backup that is whole, to
 * name in the message that says what to do. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "mc-backup.h"
#include "mc-quick-check.h"
#include "mc-store-private.h"

/**
 * mc_quick_check:
 *
 * SQLite's quick check (every page and record readable, without comparing indexes with their tables), which
 * the command line runs before it works on a database.
 *
 * Returns: %FALSE with @error (%MC_STORE_ERROR_CORRUPT, saying what is damaged) for a damaged file
 */
gboolean
mc_quick_check (McStore  *store,
                GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  rc = sqlite3_prepare_v2 (mc_store_get_sqlite (store), "PRAGMA quick_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (result->len > 0)
        g_string_append (result, "; ");
      g_string_append (result, (const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE && result->len == 0)
    g_string_append (result, sqlite3_errmsg (mc_store_get_sqlite (store)));
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE && g_str_equal (result->str, "ok"))
    return TRUE;
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT, _("The database file is damaged: %s"), result->str);
  return FALSE;
}

/**
 * mc_quick_check_newest_backup:
 *
 * Returns: (transfer full) (nullable): the newest backup in @dir that is whole (mc_backup_verify()), or %NULL
 */
char *
mc_quick_check_newest_backup (const char *dir)
{
  g_autoptr(GPtrArray) backups = mc_backup_list (dir, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      McBackupInfo *info = g_ptr_array_index (backups, i);
      g_autoptr(McBackupInfo) whole = mc_backup_verify (info->path, NULL);

      if (whole != NULL)
        return g_strdup (info->path);
    }
  return NULL;
}
