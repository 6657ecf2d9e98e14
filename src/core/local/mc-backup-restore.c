/* mc-backup-restore.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Restoring a backup.
 *
 * A restore never loses the database it replaces: the backup is copied next to the database and checked whole
 * (the file, then every dossier against its events, with mc_store_check) before anything is touched; the current
 * database is then folded out of WAL mode and kept as motcua.db.before-restore-…, and the copy renamed in. The
 * database must not be open while it is restored.
 *
 * The restore's line in the audit log is written into the restored database itself before it is put in place,
 * so that a database restored always says so and one that was not holds no such line. */

#define G_LOG_DOMAIN "mc-backup"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mc-attachment.h"
#include "mc-audit.h"
#include "mc-backup-private.h"
#include "mc-store.h"

/* Leaves the database at @path as one file (its WAL folded in and removed), so it can be renamed safely. */
static gboolean
fold_wal (const char  *path,
          GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _mc_backup_sqlite_failed (db, rc, _("The current database cannot be set aside"), error);
      sqlite3_close (db);
      return FALSE;
    }
  if (sqlite3_close (db) != SQLITE_OK)
    return _mc_backup_sqlite_failed (NULL, SQLITE_BUSY, _("The current database is still in use"), error);
  return TRUE;
}

/**
 * mc_backup_prepare_restore:
 * @backup_path: the backup to restore
 * @db_path: the database it is to replace (it may be open meanwhile)
 *
 * The long part of a restore, which changes nothing: the backup is copied beside the database, opened as the
 * desk would open it (brought to this version) and checked whole, every dossier against its history. A backup
 * of another office is refused when the current database belongs to one.
 *
 * Returns: (transfer full): the checked copy, for mc_backup_finish_restore(); NULL with @error
 */
char *
mc_backup_prepare_restore (const char  *backup_path,
                           const char  *db_path,
                           GError     **error)
{
  g_autoptr(McBackupInfo) backup = NULL;
  g_autofree char *part = g_strconcat (db_path, ".restore", NULL);

  backup = mc_backup_verify (backup_path, error);
  if (backup == NULL)
    return NULL;
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(McBackupInfo) current = mc_backup_verify (db_path, NULL);

      if (current != NULL && current->office_code != NULL && backup->office_code != NULL &&
          g_strcmp0 (current->office_code, backup->office_code) != 0)
        {
          g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_OTHER_OFFICE,
                       _("The backup belongs to office %s, this database to office %s: nothing was restored"),
                       backup->office_code, current->office_code);
          return NULL;
        }
    }

  g_unlink (part);
  if (!_mc_backup_copy_database (backup_path, part, _("The backup cannot be copied"), error))
    return NULL;
  {
    g_autoptr(GError) local = NULL;
    g_autoptr(McStore) store = mc_store_open (part, FALSE, &local);

    if (store == NULL || !mc_store_check (store, NULL, &local))
      {
        g_clear_object (&store);
        g_unlink (part);
        g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED, _("The backup cannot be used: %s"),
                     local->message);
        return NULL;
      }
    g_clear_object (&store);
    if (!fold_wal (part, error))
      {
        g_unlink (part);
        return NULL;
      }
  }
  /* The documents the backup's dossiers refer to come back too; only missing ones are added, so this changes
   * nothing that is there, whether or not the restore goes on. */
  {
    g_autofree char *folder = g_path_get_dirname (backup_path);
    g_autofree char *backup_documents = g_build_filename (folder, "documents", NULL);
    g_autofree char *documents = mc_attachment_dir_for_database (db_path);
    g_autoptr(GError) local = NULL;

    if (g_file_test (backup_documents, G_FILE_TEST_IS_DIR) &&
        !mc_attachment_copy_missing (backup_documents, documents, NULL, &local))
      {
        g_unlink (part);
        g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("The backup's documents cannot be copied: %s"),
                     local->message);
        return NULL;
      }
  }
  return g_steal_pointer (&part);
}

/* The restored database's line (MC_AUDIT_RESTORE, the name the replaced database is kept under), written into
 * the checked copy before it is put in place; the copy is left as one file again. */
static gboolean
record_restore (const char  *prepared_path,
                const char  *kept_path,
                GError     **error)
{
  g_autofree char *name = kept_path != NULL ? g_path_get_basename (kept_path) : NULL;
  g_autoptr(McStore) store = mc_store_open (prepared_path, FALSE, NULL);

  if (store != NULL)
    mc_audit_record (store, MC_AUDIT_RESTORE, NULL, name, NULL);
  g_clear_object (&store);
  return fold_wal (prepared_path, error);
}

/**
 * mc_backup_finish_restore:
 * @prepared_path: what mc_backup_prepare_restore() returned; gone afterwards, whatever the outcome
 * @db_path: the database to replace, closed: no McStore may have it open
 * @out_kept_path: (out) (optional): where the replaced database was kept (NULL when there was none)
 *
 * Sets the current database aside (its WAL folded in) and puts the checked copy in its place, with the
 * restore's line in its audit log. On failure the current database is where it was.
 */
gboolean
mc_backup_finish_restore (const char  *prepared_path,
                          const char  *db_path,
                          char       **out_kept_path,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *kept = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
  g_autofree char *dir = g_path_get_dirname (db_path);
  gboolean have_current = g_file_test (db_path, G_FILE_TEST_EXISTS);

  if (!record_restore (prepared_path, have_current ? kept : NULL, error))
    {
      g_unlink (prepared_path);
      return FALSE;
    }
  if (have_current)
    {
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      if (!fold_wal (db_path, error))
        {
          g_unlink (prepared_path);
          return FALSE;
        }
      if (g_rename (db_path, kept) != 0)
        {
          int saved = errno;

          g_unlink (prepared_path);
          g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("Cannot set the current database aside: %s"),
                       g_strerror (saved));
          return FALSE;
        }
      g_unlink (shm);
    }
  if (g_rename (prepared_path, db_path) != 0)
    {
      int saved = errno;

      /* Put the current one back: nothing changed. */
      if (have_current)
        g_rename (kept, db_path);
      g_unlink (prepared_path);
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("Cannot put the backup in place: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  if (!_mc_backup_sync_path (dir, TRUE, error))
    return FALSE;
  if (out_kept_path != NULL)
    *out_kept_path = have_current ? g_steal_pointer (&kept) : NULL;
  return TRUE;
}

/**
 * mc_backup_restore:
 * @backup_path: the backup to restore
 * @db_path: the database to replace (closed: no McStore may have it open)
 * @out_kept_path: (out) (optional): where the replaced database was kept
 *
 * mc_backup_prepare_restore() then mc_backup_finish_restore(): the backup is checked whole before anything is
 * replaced, and the replaced database is kept beside it.
 */
gboolean
mc_backup_restore (const char  *backup_path,
                   const char  *db_path,
                   char       **out_kept_path,
                   GError     **error)
{
  g_autofree char *prepared = mc_backup_prepare_restore (backup_path, db_path, error);

  return prepared != NULL && mc_backup_finish_restore (prepared, db_path, out_kept_path, error);
}

/*
 * In a worker thread, for the desk
 */

/* The task's data: the backup's path, then the database's. */
static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  char **paths = task_data;
  GError *error = NULL;
  char *prepared = mc_backup_prepare_restore (paths[0], paths[1], &error);

  if (prepared != NULL)
    g_task_return_pointer (task, prepared, g_free);
  else
    g_task_return_error (task, error);
}

/**
 * mc_backup_prepare_restore_async:
 *
 * mc_backup_prepare_restore() in a worker thread.
 */
void
mc_backup_prepare_restore_async (const char          *backup_path,
                                 const char          *db_path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  char **paths = g_new0 (char *, 3);

  paths[0] = g_strdup (backup_path);
  paths[1] = g_strdup (db_path);
  g_task_set_source_tag (task, mc_backup_prepare_restore_async);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, prepare_thread);
}

/**
 * mc_backup_prepare_restore_finish:
 *
 * Returns: (transfer full): the checked copy's path, for mc_backup_finish_restore(); NULL with @error
 */
char *
mc_backup_prepare_restore_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mc_backup_prepare_restore_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
