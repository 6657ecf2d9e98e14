/* mc-backup.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Backups of the database (their restore is in mc-backup-restore.c).
 *
 * A backup is made with SQLite's online backup API from a read-only connection of its own, so it can run in a
 * worker thread while the desk goes on writing (WAL lets a reader see the last commit). It is written beside
 * its final name, checked with PRAGMA integrity_check, synced and renamed into place: a backup folder only
 * ever holds complete, sound files, named motcua-YYYYMMDD-HHMMSS.db so that their names sort by age, and the
 * oldest beyond the number to keep are removed.
 *
 * A backup records its line in the audit log of the database it copied, once the copy is safe. */

#define G_LOG_DOMAIN "mc-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "mc-attachment.h"
#include "mc-audit.h"
#include "mc-backup-private.h"
#include "mc-store.h"

G_DEFINE_QUARK (mc-backup-error-quark, mc_backup_error)

#define BACKUP_PREFIX "motcua-"
#define BACKUP_SUFFIX ".db"
#define APPLICATION_ID 0x4D435331

gboolean
_mc_backup_sqlite_failed (sqlite3     *db,
                          int          rc,
                          const char  *what,
                          GError     **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (rc == SQLITE_FULL)
    g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO,
                 _("%s: the disk is full. Free some space or choose another folder."), what);
  else if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_PERM)
    g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO,
                 _("%s: the folder cannot be written to (%s)"), what, detail);
  else if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED, _("%s: the file is damaged (%s)"), what, detail);
  else
    g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, "%s: %s", what, detail);
  return FALSE;
}

/* Creates @path empty with mode 0600, so that SQLite then writes into a file nobody else can read. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("Cannot create %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
_mc_backup_sync_path (const char  *path,
                      gboolean     directory,
                      GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int rc;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("Cannot open %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  rc = fsync (fd);
  if (rc != 0)
    {
      int saved = errno;

      close (fd);
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO,
                   saved == ENOSPC ? _("Cannot write %s: the disk is full") : _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Copies the database at @from into @to (created 0600, must not exist) page by page, whatever writes go on at
 * @from meanwhile, and leaves @to a plain (non-WAL) file that passed PRAGMA integrity_check. */
gboolean
_mc_backup_copy_database (const char  *from,
                          const char  *to,
                          const char  *what,
                          GError     **error)
{
  sqlite3 *src = NULL, *dst = NULL;
  sqlite3_backup *backup;
  g_autofree char *check = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!create_private_file (to, error))
    return FALSE;
  rc = sqlite3_open_v2 (from, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      _mc_backup_sqlite_failed (src, rc, what, error);
      goto out;
    }
  rc = sqlite3_open_v2 (to, &dst, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _mc_backup_sqlite_failed (dst, rc, what, error);
      goto out;
    }
  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      _mc_backup_sqlite_failed (dst, sqlite3_errcode (dst), what, error);
      goto out;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 2048);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _mc_backup_sqlite_failed (dst, rc, what, error);
      goto out;
    }
  /* A backup is one self-contained file: no -wal beside it. */
  rc = sqlite3_exec (dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (dst, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      _mc_backup_sqlite_failed (dst, rc, what, error);
      goto out;
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED,
                   _("%s: the database is damaged (%s); the copy was not kept"), what, check ? check : "?");
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close (src);
  if (dst != NULL && sqlite3_close (dst) != SQLITE_OK && ok)
    ok = _mc_backup_sqlite_failed (NULL, SQLITE_IOERR, what, error);
  if (ok)
    ok = _mc_backup_sync_path (to, FALSE, error);
  if (!ok)
    {
      g_autofree char *journal = g_strconcat (to, "-journal", NULL);

      g_unlink (to);
      g_unlink (journal);
    }
  return ok;
}

static gboolean
is_backup_name (const char *name)
{
  /* motcua-YYYYMMDD-HHMMSS.db, or motcua-YYYYMMDD-HHMMSS_NNN.db for a second one in the same second ("_" sorts
   * after ".", so names still sort by age) */
  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return FALSE;
  name += strlen (BACKUP_PREFIX);
  for (int i = 0; i < 15; i++)
    if (i == 8 ? name[i] != '-' : !g_ascii_isdigit (name[i]))
      return FALSE;
  return TRUE;
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The backups in @dir by name, newest first; NULL with @error when the folder cannot be read. */
static GPtrArray *
list_names (const char  *dir,
            GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &local);
  const char *name;

  if (handle == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&names);
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("Cannot read the backup folder %s: %s"), dir,
                   local->message);
      return NULL;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    if (is_backup_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names_newest_first);
  return g_steal_pointer (&names);
}

/**
 * mc_backup_default_dir:
 *
 * Returns: (transfer full): the "backups" folder beside the database
 */
char *
mc_backup_default_dir (const char *db_path)
{
  g_autofree char *parent = g_path_get_dirname (db_path);

  return g_build_filename (parent, "backups", NULL);
}

/* The copy itself, which touches no McStore: the desk runs it in a worker thread. */
static char *
create_backup (const char  *db_path,
               const char  *dir,
               guint        keep,
               GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = NULL;
  g_autofree char *part = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (db_path != NULL && dir != NULL, NULL);

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("There is no database at %s to back up"), db_path);
      return NULL;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("Cannot create the backup folder %s: %s"), dir,
                   g_strerror (saved));
      return NULL;
    }
  for (int n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf (BACKUP_PREFIX "%s" BACKUP_SUFFIX, stamp)
                                     : g_strdup_printf (BACKUP_PREFIX "%s_%03d" BACKUP_SUFFIX, stamp, n);

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }
  /* The digitised documents first, into one folder every backup shares (a document is stored once under its
   * hash): should this fail, no database backup refers to a document the folder lacks. */
  {
    g_autofree char *documents = mc_attachment_dir_for_database (db_path);
    g_autofree char *backup_documents = g_build_filename (dir, "documents", NULL);
    g_autoptr(GError) local = NULL;

    if (g_file_test (documents, G_FILE_TEST_IS_DIR) &&
        !mc_attachment_copy_missing (documents, backup_documents, NULL, &local))
      {
        g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("The backup failed: %s"), local->message);
        return NULL;
      }
  }
  part = g_strconcat (path, ".part", NULL);
  g_unlink (part);
  if (!_mc_backup_copy_database (db_path, part, _("The backup failed"), error))
    return NULL;
  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      g_unlink (part);
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO, _("The backup failed: cannot name it %s: %s"), path,
                   g_strerror (saved));
      return NULL;
    }
  if (!_mc_backup_sync_path (dir, TRUE, error))
    return NULL;

  /* Only once the new one is safe: the oldest beyond @keep go. */
  names = list_names (dir, NULL);
  for (guint i = MAX (keep, 1); names != NULL && i < names->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      g_unlink (old);
    }
  return g_steal_pointer (&path);
}

static void
record_backup (McStore          *store,
               const char       *path,
               McBackupOccasion  occasion)
{
  g_autofree char *name = g_path_get_basename (path);

  mc_audit_record (store, MC_AUDIT_BACKUP, name, occasion == MC_BACKUP_DAILY ? "daily" : NULL, NULL);
}

/**
 * mc_backup_create:
 * @store: the database to back up (it may be in use meanwhile)
 * @dir: the backup folder, created (mode 0700) when missing
 * @keep: how many backups to keep; older ones are removed (at least 1 is kept)
 * @occasion: why: the audit log's line says "daily" for the automatic backup
 *
 * Makes the backup and records it in the audit log of @store (MC_AUDIT_BACKUP, the backup's name).
 *
 * Returns: (transfer full): the new backup's path, or NULL with @error; a failed backup leaves nothing behind
 * and removes no older one.
 */
char *
mc_backup_create (McStore           *store,
                  const char        *dir,
                  guint              keep,
                  McBackupOccasion   occasion,
                  GError           **error)
{
  char *path;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  path = create_backup (mc_store_get_path (store), dir, keep, error);
  if (path != NULL)
    record_backup (store, path, occasion);
  return path;
}

/**
 * mc_backup_made_today:
 *
 * Whether @dir holds a backup made today (local time): the daily automatic backup is then already done.
 */
gboolean
mc_backup_made_today (const char *dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *prefix = g_date_time_format (now, BACKUP_PREFIX "%Y%m%d-");
  g_autoptr(GPtrArray) names = list_names (dir, NULL);

  return names != NULL && names->len > 0 && g_str_has_prefix (g_ptr_array_index (names, 0), prefix);
}

/**
 * mc_backup_list:
 *
 * Returns: (transfer full) (element-type McBackupInfo): the backups in @dir, newest first, described from the
 * folder only (path, time, size; not opened)
 */
GPtrArray *
mc_backup_list (const char  *dir,
                GError     **error)
{
  g_autoptr(GPtrArray) names = list_names (dir, error);
  GPtrArray *list;

  if (names == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_backup_info_free);
  for (guint i = 0; i < names->len; i++)
    {
      McBackupInfo *info = g_new0 (McBackupInfo, 1);
      GStatBuf st;

      info->path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      if (g_stat (info->path, &st) == 0)
        {
          info->modified = st.st_mtime;
          info->size = st.st_size;
        }
      info->dossiers = info->events = -1;
      g_ptr_array_add (list, info);
    }
  return list;
}

static gboolean
read_int (sqlite3     *db,
          const char  *sql,
          gint64      *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW;

  if (ok)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * mc_backup_verify:
 *
 * Opens @path read-only and checks that it is a sound Một Cửa database (SQLite's integrity check); says what it
 * holds. Changes nothing.
 */
McBackupInfo *
mc_backup_verify (const char  *path,
                  GError     **error)
{
  g_autoptr(McBackupInfo) info = g_new0 (McBackupInfo, 1);
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *check = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 application_id = 0;
  GStatBuf st;
  int rc;

  info->path = g_strdup (path);
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_A_BACKUP, _("%s is not a file"), path);
      return NULL;
    }
  info->modified = st.st_mtime;
  info->size = st.st_size;

  /* immutable: nothing is written beside the file, not even on read-only media. */
  {
    g_autofree char *absolute = g_canonicalize_filename (path, NULL);

    file_uri = g_filename_to_uri (absolute, NULL, NULL);
  }
  uri = file_uri ? g_strconcat (file_uri, "?immutable=1", NULL) : NULL;
  rc = uri ? sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) : SQLITE_CANTOPEN;
  if (rc != SQLITE_OK || !read_int (db, "PRAGMA application_id", &application_id) ||
      application_id != APPLICATION_ID)
    {
      sqlite3_close (db);
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_A_BACKUP,
                   _("%s is not a Một Cửa database or backup"), path);
      return NULL;
    }
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (check, "ok") != 0 || !read_int (db, "SELECT count(*) FROM dossier", &info->dossiers) ||
      !read_int (db, "SELECT count(*) FROM event", &info->events))
    {
      sqlite3_close (db);
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED, _("The backup %s is damaged (%s)"), path,
                   check ? check : sqlite3_errstr (SQLITE_CORRUPT));
      return NULL;
    }
  stmt = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT value FROM office_setting WHERE key = 'office_code'", -1, &stmt, NULL) ==
      SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    info->office_code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_steal_pointer (&info);
}

/*
 * In a worker thread, for the desk
 */

typedef struct
{
  char             *db_path;
  char             *dir;
  guint             keep;
  McBackupOccasion  occasion;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->db_path);
  g_free (data->dir);
  g_free (data);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  char *path = create_backup (data->db_path, data->dir, data->keep, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

/* Back in the thread that asked for it: the backup is recorded with that thread's connection. */
static void
backup_made_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TaskData *data = g_task_get_task_data (task);
  GError *error = NULL;
  char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  record_backup (g_task_get_source_object (task), path, data->occasion);
  g_task_return_pointer (task, path, g_free);
}

/**
 * mc_backup_create_async:
 *
 * mc_backup_create() with the copy in a worker thread, on a connection of its own: the desk goes on meanwhile.
 * The audit line is written with @store once the copy is done, in the thread that called this function.
 */
void
mc_backup_create_async (McStore             *store,
                        const char          *dir,
                        guint                keep,
                        McBackupOccasion     occasion,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  TaskData *data = g_new0 (TaskData, 1);
  GTask *task;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (MC_IS_STORE (store));

  data->db_path = g_strdup (mc_store_get_path (store));
  data->dir = g_strdup (dir);
  data->keep = keep;
  data->occasion = occasion;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_backup_create_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  worker = g_task_new (NULL, cancellable, backup_made_cb, task);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, backup_thread);
}

/**
 * mc_backup_create_finish:
 *
 * Returns: (transfer full): the new backup's path, or NULL with @error
 */
char *
mc_backup_create_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mc_backup_create_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
mc_backup_info_free (McBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->office_code);
  g_free (info);
}
