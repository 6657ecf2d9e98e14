/* test-backup.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Backups and restore on real SQLite files; and a full disk: a small tmpfs mounted by the test (root only; the
 * test says it skipped otherwise), where intake, export and backup must fail with a clear message and leave the
 * database and what was saved before intact. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-util.h"
#include "mc-attachment.h"
#include "mc-audit.h"
#include "mc-backup.h"
#include "mc-bundle.h"
#include "mc-store.h"
#include "mc-time.h"

#define OFFICE_CODE "000.00.12.H40"

typedef struct
{
  char    *dir;
  char    *db_path;
  char    *backups;
  McStore *store;
} Fixture;

static McStore *
open_office (const char *path,
             const char *office_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (path, TRUE, &error);
  McStoreSetup setup = { office_code, "UBND xã Tân Lập", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Tân Lập", 1, "Lê Thu Hà" };

  g_assert_no_error (error);
  g_assert_true (mc_store_setup (store, &setup, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static char *
intake (McStore    *store,
        const char *name,
        GError    **error)
{
  McIntake in = { 0 };
  g_autoptr(McDossier) dossier = NULL;

  in.procedure_code = "1.004873";
  in.applicant_name = name;
  in.received = MC_MINUTE_NONE;
  dossier = mc_store_intake (store, &in, NULL, error);
  return dossier ? g_strdup (dossier->code) : NULL;
}

static gint64
count_dossiers (McStore *store)
{
  McQuery query;

  mc_query_init (&query);
  return mc_store_count (store, &query, NULL);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("MOTCUA_NOW", "2026-11-23T09:00", TRUE);
  fx->dir = g_dir_make_tmp ("motcua-backup-XXXXXX", &error);
  g_assert_no_error (error);
  fx->db_path = g_build_filename (fx->dir, "motcua.db", NULL);
  fx->backups = mc_backup_default_dir (fx->db_path);
  fx->store = open_office (fx->db_path, OFFICE_CODE);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Nguyễn Văn %c", 'A' + i);
      g_autofree char *code = intake (fx->store, name, &error);

      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->db_path);
  g_free (fx->backups);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

/* A backup of an open, busy database is a sound, private, self-contained copy; the folder keeps N. */
static void
test_create_and_rotate (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(McBackupInfo) info = NULL;
  GStatBuf st;

  g_assert_false (mc_backup_made_today (fx->backups));
  for (int i = 0; i < 4; i++)
    {
      char *path = mc_backup_create (fx->store, fx->backups, 3, MC_BACKUP_ON_REQUEST, &error);

      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_ptr_array_add (made, path);
    }
  g_assert_true (mc_backup_made_today (fx->backups));

  list = mc_backup_list (fx->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* Newest first; the first one made is the one removed. */
  g_assert_cmpstr (((McBackupInfo *) g_ptr_array_index (list, 0))->path, ==, g_ptr_array_index (made, 3));
  g_assert_cmpstr (((McBackupInfo *) g_ptr_array_index (list, 2))->path, ==, g_ptr_array_index (made, 1));
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_stat (g_ptr_array_index (made, 3), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fx->backups, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  {
    g_autofree char *wal = g_strconcat (g_ptr_array_index (made, 3), "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  info = mc_backup_verify (g_ptr_array_index (made, 3), &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->dossiers, ==, 3);
  g_assert_cmpstr (info->office_code, ==, OFFICE_CODE);
}

/* Restore round-trips, and keeps what it replaced. */
static void
test_restore_round_trip (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = mc_backup_create (fx->store, fx->backups, 5, MC_BACKUP_ON_REQUEST, &error);
  g_autofree char *later = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(McStore) restored = NULL;
  g_autoptr(McStore) old = NULL;

  g_assert_no_error (error);
  later = intake (fx->store, "Trần Thị Sau", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_dossiers (fx->store), ==, 4);
  g_clear_object (&fx->store);

  g_assert_true (mc_backup_restore (backup, fx->db_path, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);

  restored = mc_store_open (fx->db_path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_dossiers (restored), ==, 3);
  g_assert_true (mc_store_check (restored, NULL, &error));
  g_assert_no_error (error);
  /* The desk goes on: the next intake gets a new code, and nothing of the kept database was lost. */
  {
    g_autofree char *next = intake (restored, "Lê Văn Tiếp", &error);
    g_assert_no_error (error);
    g_assert_nonnull (next);
  }
  old = mc_store_open (kept, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_dossiers (old), ==, 4);
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (old, later, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (d->applicant_name, ==, "Trần Thị Sau");
  }
}

/* A damaged backup, a file that is not one, and another office's backup are refused; the database is unchanged
 * to the byte. */
static void
test_restore_refused (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = mc_backup_create (fx->store, fx->backups, 5, MC_BACKUP_ON_REQUEST, &error);
  g_autofree char *damaged = g_build_filename (fx->dir, "damaged.db", NULL);
  g_autofree char *text = g_build_filename (fx->dir, "notes.txt", NULL);
  g_autofree char *other_path = g_build_filename (fx->dir, "other.db", NULL);
  g_autofree char *other_backup = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_no_error (error);
  g_clear_object (&fx->store);
  before = file_bytes (fx->db_path);

  /* Damage: overwrite a page in the middle of the copy. */
  {
    g_autoptr(GBytes) good = file_bytes (backup);
    gsize len = 0;
    const void *contents = g_bytes_get_data (good, &len);
    char *bytes = g_memdup2 (contents, len);

    g_assert_cmpuint (len, >, 3 * 4096);
    memset (bytes + 2 * 4096, 0x5a, 4096);
    g_assert_true (g_file_set_contents (damaged, bytes, len, NULL));
    g_free (bytes);
  }
  g_assert_null (mc_backup_verify (damaged, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (mc_backup_restore (damaged, fx->db_path, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "Danh sách hồ sơ\n", -1, NULL));
  g_assert_false (mc_backup_restore (text, fx->db_path, NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_A_BACKUP);
  g_clear_error (&error);

  {
    g_autoptr(McStore) other = open_office (other_path, "000.00.13.H40");
    g_autofree char *other_dir = g_build_filename (fx->dir, "other-backups", NULL);

    other_backup = mc_backup_create (other, other_dir, 5, MC_BACKUP_ON_REQUEST, &error);
    g_assert_no_error (error);
  }
  g_assert_false (mc_backup_restore (other_backup, fx->db_path, NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_OTHER_OFFICE);
  g_assert_nonnull (strstr (error->message, "000.00.13.H40"));

  after = file_bytes (fx->db_path);
  g_assert_true (g_bytes_equal (before, after));
  {
    g_autofree char *restore_part = g_strconcat (fx->db_path, ".restore", NULL);
    g_assert_false (g_file_test (restore_part, G_FILE_TEST_EXISTS));
  }
}

/*
 * A full disk
 */

static gboolean
run (const char *command)
{
  int status = 0;

  return g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) && g_spawn_check_wait_status (status, NULL);
}

/* Fills the filesystem at @dir up to the last few blocks. */
static void
fill (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  g_autofree char *block = g_malloc0 (4096);
  FILE *f = fopen (path, "wb");

  g_assert_nonnull (f);
  while (fwrite (block, 1, 4096, f) == 4096 && fflush (f) == 0)
    ;
  fclose (f);
}

static void
test_full_disk (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mount_point = g_build_filename (fx->dir, "small", NULL);
  g_autofree char *mount = NULL;
  g_autofree char *umount = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *backups = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *first_backup = NULL;
  g_autofree char *code = NULL;
  g_autoptr(GBytes) bundle_before = NULL;
  g_autoptr(GBytes) backup_before = NULL;
  g_autoptr(McStore) store = NULL;
  McIntake in = { 0 };
  guint n = 0;

  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  mount = g_strdup_printf ("mount -t tmpfs -o size=2m,mode=0700 motcua-test %s", mount_point);
  umount = g_strdup_printf ("umount %s", mount_point);
  if (getuid () != 0 || !run (mount))
    {
      g_test_skip ("mounting a small tmpfs needs root (CI runs as root)");
      return;
    }

  db_path = g_build_filename (mount_point, "motcua.db", NULL);
  backups = g_build_filename (mount_point, "backups", NULL);
  bundle = g_build_filename (mount_point, "desk.motcua", NULL);
  store = open_office (db_path, OFFICE_CODE);
  g_assert_true (mc_bundle_set_passphrase (store, "mật khẩu đồng bộ của xã", &error));
  g_assert_no_error (error);
  code = intake (store, "Phạm Thị Đầu", &error);
  g_assert_no_error (error);
  g_assert_true (mc_bundle_export (store, bundle, MC_BUNDLE_EXPORT_FULL, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  first_backup = mc_backup_create (store, backups, 5, MC_BACKUP_ON_REQUEST, &error);
  g_assert_no_error (error);
  bundle_before = file_bytes (bundle);
  backup_before = file_bytes (first_backup);

  fill (mount_point);

  /* Intake: refused with a message about space; the dossier saved before is still there. */
  in.procedure_code = "1.004873";
  in.received = MC_MINUTE_NONE;
  for (int i = 0; i < 200 && error == NULL; i++)
    {
      g_autoptr(McDossier) d = NULL;
      g_autofree char *name = g_strdup_printf ("Người Thứ %d Với Tên Dài Để Lấp Đầy Trang", i);

      in.applicant_name = name;
      d = mc_store_intake (store, &in, NULL, &error);
    }
  g_test_message ("intake: %s", error ? error->message : "(no error)");
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);

  /* Export: refused; the previous bundle is the same file, byte for byte, and no temporary is left. */
  g_assert_false (mc_bundle_export (store, bundle, MC_BUNDLE_EXPORT_FULL, NULL, NULL, &n, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("export: %s", error->message);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  {
    g_autoptr(GBytes) bundle_after = file_bytes (bundle);
    g_assert_true (g_bytes_equal (bundle_before, bundle_after));
  }

  /* Backup: refused, nothing half-written, the older backup untouched. */
  g_assert_null (mc_backup_create (store, backups, 1, MC_BACKUP_ON_REQUEST, &error));
  g_test_message ("backup: %s", error ? error->message : "(no error)");
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) list = mc_backup_list (backups, &error);
    g_autoptr(GBytes) backup_after = file_bytes (first_backup);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_true (g_bytes_equal (backup_before, backup_after));
  }
  {
    g_autoptr(GDir) handle = g_dir_open (backups, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".part"));
  }

  /* Space again: everything saved before the disk filled is there and sound. */
  {
    g_autofree char *filler = g_build_filename (mount_point, "filler", NULL);
    g_autoptr(McDossier) d = NULL;

    g_assert_cmpint (g_unlink (filler), ==, 0);
    d = mc_store_get_dossier (store, code, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (d->applicant_name, ==, "Phạm Thị Đầu");
    g_assert_true (mc_store_check (store, NULL, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_true (run (umount));
}

/* The digitised documents go into the backup folder (once each, whatever the number of backups) and come back
 * with a restore when the database's own folder lost them; a damaged one is not spread. */
static void
test_documents (Fixture       *fx,
                gconstpointer  data)
{
  static const char pdf_bytes[] = "%PDF-1.4\n% giấy khai sinh bản chính\n%%EOF\n";
  static const char png_bytes[] = "\x89PNG\r\n\x1a\nimage";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static (pdf_bytes, sizeof pdf_bytes - 1);
  g_autoptr(GBytes) png = g_bytes_new_static (png_bytes, sizeof png_bytes - 1);
  g_autofree char *code = intake (fx->store, "Phạm Thị Hoa", &error);
  g_autofree char *live = mc_attachment_dir_for_database (fx->db_path);
  g_autofree char *backup = NULL;
  g_autofree char *second = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *png_hash = NULL;
  g_autoptr(McDossier) d = NULL;
  g_autoptr(McDossier) d2 = NULL;
  g_autoptr(McStore) restored = NULL;

  g_assert_no_error (error);
  d = mc_store_attach (fx->store, code, "Giấy khai sinh", "gks.pdf", "file", pdf, NULL, &error);
  g_assert_no_error (error);
  d2 = mc_store_attach (fx->store, code, "Căn cước", "cc.png", "scanner", png, NULL, &error);
  g_assert_no_error (error);
  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  png_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);

  /* The PNG's stored copy is damaged before the backup: it is not copied. */
  {
    g_autofree char *path = mc_attachment_path (fx->store, png_hash);
    g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\naltered", -1, NULL));
  }
  backup = mc_backup_create (fx->store, fx->backups, 5, MC_BACKUP_ON_REQUEST, &error);
  g_assert_no_error (error);
  second = mc_backup_create (fx->store, fx->backups, 5, MC_BACKUP_ON_REQUEST, &error);
  g_assert_no_error (error);
  {
    g_autofree char *prefix = g_strndup (hash, 2);
    g_autofree char *copy = g_build_filename (fx->backups, "documents", prefix, hash, NULL);
    g_autofree char *png_prefix = g_strndup (png_hash, 2);
    g_autofree char *png_copy = g_build_filename (fx->backups, "documents", png_prefix, png_hash, NULL);
    g_autoptr(GBytes) copied = file_bytes (copy);

    g_assert_true (g_bytes_equal (copied, pdf));
    g_assert_false (g_file_test (png_copy, G_FILE_TEST_EXISTS));
  }
  /* Two backups, still two database files: the documents folder is not one of them. */
  {
    g_autoptr(GPtrArray) list = mc_backup_list (fx->backups, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 2);
  }

  /* The live folder lost: the restore brings the documents back. */
  g_clear_object (&fx->store);
  test_remove_tree (live);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (mc_backup_restore (backup, fx->db_path, NULL, &error));
  g_assert_no_error (error);
  restored = mc_store_open (fx->db_path, FALSE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) back = mc_attachment_load (restored, hash, &error);
    g_autoptr(GPtrArray) list = mc_store_list_attachments (restored, code, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, pdf));
    g_assert_cmpuint (list->len, ==, 2);
    g_assert_true (((McAttachment *) g_ptr_array_index (list, 0))->present);
    g_assert_false (((McAttachment *) g_ptr_array_index (list, 1))->present);
  }
}

/*
 * The audit log
 */

/* The newest line of the audit log of @store, or NULL. */
static McAuditEntry *
newest_line (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = mc_audit_list (store, 1, &error);

  g_assert_no_error (error);
  return lines->len > 0 ? g_ptr_array_steal_index (lines, 0) : NULL;
}

static gint64
count_lines (McStore    *store,
             const char *action)
{
  g_autoptr(GPtrArray) lines = mc_audit_list (store, 0, NULL);
  gint64 n = 0;

  for (guint i = 0; i < lines->len; i++)
    n += g_str_equal (((McAuditEntry *) g_ptr_array_index (lines, i))->action, action);
  return n;
}

static void
backup_made_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mc_backup_create_finish (result, &error);
  g_assert_no_error (error);
}

/* A backup records itself in the database it copied (the desk's daily one says so); a restore in the restored
 * database, under the name the replaced one is kept as; what fails records nothing. */
static void
test_audit (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = mc_backup_create (fx->store, fx->backups, 5, MC_BACKUP_ON_REQUEST, &error);
  g_autofree char *daily = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *unwritable = g_build_filename (fx->dir, "file", NULL);
  g_autoptr(McStore) restored = NULL;
  g_autoptr(McStore) old = NULL;

  g_assert_no_error (error);
  {
    g_autoptr(McAuditEntry) line = newest_line (fx->store);
    g_autofree char *name = g_path_get_basename (backup);

    g_assert_nonnull (line);
    g_assert_cmpstr (line->action, ==, MC_AUDIT_BACKUP);
    g_assert_cmpstr (line->subject, ==, name);
    g_assert_null (line->detail);
    g_assert_cmpstr (line->account, ==, "Lê Thu Hà");
  }

  /* The desk's daily backup: the copy in a worker thread, the line written here once it is done. */
  mc_backup_create_async (fx->store, fx->backups, 5, MC_BACKUP_DAILY, NULL, backup_made_cb, &daily);
  g_assert_cmpint (count_lines (fx->store, MC_AUDIT_BACKUP), ==, 1);
  while (daily == NULL)
    g_main_context_iteration (NULL, TRUE);
  {
    g_autoptr(McAuditEntry) line = newest_line (fx->store);
    g_autofree char *name = g_path_get_basename (daily);

    g_assert_nonnull (line);
    g_assert_cmpstr (line->action, ==, MC_AUDIT_BACKUP);
    g_assert_cmpstr (line->subject, ==, name);
    g_assert_cmpstr (line->detail, ==, "daily");
  }

  /* A backup that cannot be made: no line. */
  g_assert_true (g_file_set_contents (unwritable, "", -1, NULL));
  g_assert_null (mc_backup_create (fx->store, unwritable, 5, MC_BACKUP_ON_REQUEST, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (count_lines (fx->store, MC_AUDIT_BACKUP), ==, 2);

  /* A refused restore: nothing in the database it would have replaced. */
  g_clear_object (&fx->store);
  g_assert_false (mc_backup_restore (unwritable, fx->db_path, NULL, &error));
  g_clear_error (&error);

  g_assert_true (mc_backup_restore (backup, fx->db_path, &kept, &error));
  g_assert_no_error (error);
  restored = mc_store_open (fx->db_path, FALSE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(McAuditEntry) line = newest_line (restored);
    g_autofree char *name = g_path_get_basename (kept);

    g_assert_nonnull (line);
    g_assert_cmpstr (line->action, ==, MC_AUDIT_RESTORE);
    g_assert_null (line->subject);
    g_assert_cmpstr (line->detail, ==, name);
    g_assert_cmpint (count_lines (restored, MC_AUDIT_RESTORE), ==, 1);
  }
  /* The replaced database holds its own history, and no restore. */
  old = mc_store_open (kept, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_lines (old, MC_AUDIT_BACKUP), ==, 2);
  g_assert_cmpint (count_lines (old, MC_AUDIT_RESTORE), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/create-and-rotate", Fixture, NULL, fixture_set_up, test_create_and_rotate, fixture_tear_down);
  g_test_add ("/backup/restore", Fixture, NULL, fixture_set_up, test_restore_round_trip, fixture_tear_down);
  g_test_add ("/backup/restore-refused", Fixture, NULL, fixture_set_up, test_restore_refused, fixture_tear_down);
  g_test_add ("/backup/documents", Fixture, NULL, fixture_set_up, test_documents, fixture_tear_down);
  g_test_add ("/backup/audit", Fixture, NULL, fixture_set_up, test_audit, fixture_tear_down);
  g_test_add ("/backup/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);

  return g_test_run ();
}
