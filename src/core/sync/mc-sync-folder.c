/* mc-sync-folder.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "mc-audit.h"
#include "mc-bundle-private.h"
#include "mc-sync-folder.h"
#include "mc-time.h"

/* One pass over a shared sync folder: this workstation's new changes written as a file of its own, its older
 * files merged one per period, and every other workstation's file not yet applied imported. The protocol is
 * docs/sync-format.md, "The sync folder". */

/* A file of the folder, as its name describes it: <office>_s<NN>_<station id>_<first>-<last>_<YYYYMMDD>.motcua */
typedef struct
{
  char   *name;        /* relative to the pass's folder */
  char   *path;
  char   *office;
  int     station;
  char   *station_id;
  gint64  first;
  gint64  last;
  int     date;        /* YYYYMMDD, the local day it was written */
} FolderFile;

static void
folder_file_free (FolderFile *f)
{
  g_free (f->name);
  g_free (f->path);
  g_free (f->office);
  g_free (f->station_id);
  g_free (f);
}

static void
note_free (McSyncNote *note)
{
  g_free (note->file);
  g_free (note->message);
  g_free (note);
}

void
mc_sync_report_free (McSyncReport *report)
{
  if (report == NULL)
    return;
  g_free (report->folder);
  g_free (report->written);
  g_ptr_array_unref (report->notes);
  g_ptr_array_unref (report->gaps);
  g_ptr_array_unref (report->conflicts);
  g_free (report);
}

static McSyncReport *
report_new (const char *folder)
{
  McSyncReport *report = g_new0 (McSyncReport, 1);

  report->folder = g_strdup (folder);
  report->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  report->gaps = g_ptr_array_new_with_free_func (g_free);
  report->conflicts = g_ptr_array_new_with_free_func (g_free);
  return report;
}

static void
add_note (McSyncReport   *report,
          McSyncNoteKind  kind,
          const char     *file,
          const char     *message)
{
  McSyncNote *note = g_new0 (McSyncNote, 1);

  note->kind = kind;
  note->file = g_strdup (file);
  note->message = g_strdup (message);
  g_ptr_array_add (report->notes, note);
}

static gboolean
parse_seq (const char *text,
           gint64     *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/* The file a name describes, or %NULL for a name that does not follow the folder's pattern (ignored). */
static FolderFile *
parse_name (const char *dir,
            const char *prefix,
            const char *name)
{
  g_autofree char *stem = NULL;
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) range = NULL;
  guint64 station, date;
  FolderFile *f;

  if (!g_str_has_suffix (name, MC_SYNC_FOLDER_EXTENSION) || name[0] == '.')
    return NULL;
  stem = g_strndup (name, strlen (name) - strlen (MC_SYNC_FOLDER_EXTENSION));
  parts = g_strsplit (stem, "_", -1);
  if (g_strv_length (parts) != 5 || parts[0][0] == '\0' || parts[1][0] != 's' ||
      !g_ascii_string_to_unsigned (parts[1] + 1, 10, 1, 99, &station, NULL) ||
      !g_uuid_string_is_valid (parts[2]) ||
      !g_ascii_string_to_unsigned (parts[4], 10, 20000101, 99991231, &date, NULL))
    return NULL;
  range = g_strsplit (parts[3], "-", -1);
  f = g_new0 (FolderFile, 1);
  if (g_strv_length (range) != 2 || !parse_seq (range[0], &f->first) || !parse_seq (range[1], &f->last) ||
      f->first > f->last)
    {
      folder_file_free (f);
      return NULL;
    }
  f->name = prefix ? g_build_filename (prefix, name, NULL) : g_strdup (name);
  f->path = g_build_filename (dir, name, NULL);
  f->office = g_strdup (parts[0]);
  f->station = (int) station;
  f->station_id = g_strdup (parts[2]);
  f->date = (int) date;
  return f;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  const FolderFile *x = *(FolderFile **) a, *y = *(FolderFile **) b;
  int c = strcmp (x->station_id, y->station_id);

  if (c != 0)
    return c;
  return x->first < y->first ? -1 : x->first > y->first ? 1 : (x->last < y->last ? -1 : x->last > y->last);
}

/* The folder's files (sorted by station, then range); removes this station's temporary files left by a pass
 * that was stopped (the pass lock makes any of them stale). */
static GPtrArray *
list_folder (const char  *dir,
             const char  *prefix,
             const char  *own_stem,
             GError     **error)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) folder_file_free);
  const char *name;

  if (handle == NULL)
    return NULL;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      FolderFile *f;

      if (own_stem != NULL && g_str_has_prefix (name, own_stem) && g_str_has_suffix (name, ".tmp"))
        {
          g_autofree char *stale = g_build_filename (dir, name, NULL);

          g_unlink (stale);
          continue;
        }
      f = parse_name (dir, prefix, name);
      if (f != NULL)
        g_ptr_array_add (files, f);
    }
  g_ptr_array_sort (files, compare_files);
  return g_steal_pointer (&files);
}

static char *
file_name (const McOffice *office,
           gint64          first,
           gint64          last,
           int             date)
{
  return g_strdup_printf ("%s_s%02d_%s_%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "_%08d" MC_SYNC_FOLDER_EXTENSION,
                          office->code, office->station, office->station_id, first, last, date);
}

/* Today as YYYYMMDD, on the office's clock (the one the tests can set). */
static int
today (void)
{
  g_autofree char *now = mc_time_now_iso_offset ();

  return (int) g_ascii_strtoll (now, NULL, 10) * 10000 + (int) g_ascii_strtoll (now + 5, NULL, 10) * 100 +
         (int) g_ascii_strtoll (now + 8, NULL, 10);
}

/* Writes this station's own events @first to @last as @name in the folder (skipped when it holds none). */
static gboolean
write_own_file (McStore       *store,
                const char    *dir,
                const char    *name,
                gint64         first,
                gint64         last,
                guint         *out_n,
                guint         *out_n_dossiers,
                GError       **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return _mc_bundle_export_own_range (store, path, first, last, out_n, out_n_dossiers, error);
}

static void
note_not_written (McSyncReport *report,
                  const char   *name,
                  GError       *error)
{
  g_autofree char *message =
    /* Translators: %s is the reason (from the system), e.g. "No space left on device" */
    g_strdup_printf (_("This workstation's changes could not be written into the sync folder (%s). Check that "
                       "the folder can be written to and has free space; nothing is lost, the next pass tries "
                       "again."), error->message);

  add_note (report, MC_SYNC_NOTE_NOT_WRITTEN, name, message);
}

/* Writes whatever of this station's own events the folder lacks: normally those made since the last pass, and
 * any range whose file went missing. */
static gboolean
write_missing (McStore       *store,
               const char    *dir,
               GPtrArray     *files,
               McSyncReport  *report,
               GError       **error)
{
  const McOffice *office = mc_store_get_office (store);
  gint64 held = mc_store_get_max_station_seq (store, office->station_id, error);
  gint64 next = 1;
  int date = today ();

  if (held < 0)
    return FALSE;
  for (guint i = 0; i <= files->len && next <= held; i++)
    {
      FolderFile *f = i < files->len ? g_ptr_array_index (files, i) : NULL;
      gint64 end;

      if (f != NULL && !g_str_equal (f->station_id, office->station_id))
        continue;
      end = f != NULL ? MIN (f->first - 1, held) : held;
      if (end >= next && mc_store_count_station_range (store, office->station_id, next, end, error) > 0)
        {
          g_autofree char *name = file_name (office, next, end, date);
          g_autoptr(GError) local = NULL;
          guint n = 0, n_dossiers = 0;

          if (!write_own_file (store, dir, name, next, end, &n, &n_dossiers, &local))
            {
              note_not_written (report, name, local);
              return TRUE;
            }
          report->n_written += n;
          report->n_written_dossiers += n_dossiers;
          g_free (report->written);
          report->written = g_steal_pointer (&name);
        }
      if (f != NULL)
        next = MAX (next, f->last + 1);
    }
  return TRUE;
}

/* The period a file of this station belongs to once it is not today's: its day within the current month, its
 * month before that. 0 for today's files, left as they are. */
static int
period_of (int date,
           int now)
{
  if (date / 100 < now / 100)
    return date / 100 * 100 + 1;
  return date < now ? date : 0;
}

/* Merges this station's files of each past period into one. The merged file is in place before any file it
 * replaces is removed; other stations' files are never touched. */
static void
compact_own (McStore      *store,
             const char   *dir,
             GPtrArray    *files,
             McSyncReport *report)
{
  const McOffice *office = mc_store_get_office (store);
  int now = today ();

  for (guint i = 0; i < files->len;)
    {
      FolderFile *f = g_ptr_array_index (files, i);
      int period = period_of (f->date, now);
      g_autoptr(GPtrArray) group = g_ptr_array_new ();
      gint64 first = G_MAXINT64, last = 0;
      g_autofree char *name = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_equal (f->station_id, office->station_id) || period == 0)
        {
          i++;
          continue;
        }
      for (guint j = i; j < files->len; j++)
        {
          FolderFile *g = g_ptr_array_index (files, j);

          if (g_str_equal (g->station_id, office->station_id) && period_of (g->date, now) == period)
            {
              g_ptr_array_add (group, g);
              first = MIN (first, g->first);
              last = MAX (last, g->last);
            }
        }
      i++;
      if (group->len < 2)
        continue;
      name = file_name (office, first, last, period);
      if (!write_own_file (store, dir, name, first, last, NULL, NULL, &error))
        {
          note_not_written (report, name, error);
          return;
        }
      for (guint j = 0; j < group->len; j++)
        {
          FolderFile *g = g_ptr_array_index (group, j);

          if (!g_str_equal (g->name, name) && g_unlink (g->path) == 0)
            report->n_compacted++;
          /* Merged: later rounds of this loop skip it. */
          g->date = now;
        }
    }
}

static McSyncNoteKind
note_kind (const GError *error)
{
  if (error->domain != MC_BUNDLE_ERROR)
    return MC_SYNC_NOTE_UNREADABLE;
  switch ((McBundleError) error->code)
    {
    case MC_BUNDLE_ERROR_TRUNCATED:
    case MC_BUNDLE_ERROR_EMPTY:
      return MC_SYNC_NOTE_INCOMPLETE;
    case MC_BUNDLE_ERROR_NOT_A_BUNDLE:
    case MC_BUNDLE_ERROR_CORRUPT:
      return MC_SYNC_NOTE_DAMAGED;
    case MC_BUNDLE_ERROR_OTHER_OFFICE:
      return MC_SYNC_NOTE_OTHER_OFFICE;
    case MC_BUNDLE_ERROR_NEWER_VERSION:
      return MC_SYNC_NOTE_NEWER_VERSION;
    case MC_BUNDLE_ERROR_NO_KEY:
      return MC_SYNC_NOTE_NO_KEY;
    case MC_BUNDLE_ERROR_IO:
      return MC_SYNC_NOTE_UNREADABLE;
    case MC_BUNDLE_ERROR_NOT_SET_UP:
    case MC_BUNDLE_ERROR_WEAK_PASSPHRASE:
    case MC_BUNDLE_ERROR_WRONG_PASSPHRASE:
    case MC_BUNDLE_ERROR_INVALID_EVENT:
    case MC_BUNDLE_ERROR_DUPLICATE_STATION:
    default:
      return MC_SYNC_NOTE_REFUSED;
    }
}

static char *
note_message (McSyncNoteKind  kind,
              const GError   *error)
{
  switch (kind)
    {
    case MC_SYNC_NOTE_INCOMPLETE:
      return g_strdup (_("The file is still being copied or was cut short; it is tried again at the next pass."));
    case MC_SYNC_NOTE_DAMAGED:
      return g_strdup (_("The file is damaged. Delete it: the workstation that wrote it writes it again at its "
                         "next pass."));
    case MC_SYNC_NOTE_OTHER_OFFICE:
      return g_strdup (_("The file belongs to another office; it is left in the folder and not applied."));
    case MC_SYNC_NOTE_NEWER_VERSION:
      return g_strdup (_("The file was written by a newer version of Một Cửa: update this workstation to apply "
                         "it."));
    case MC_SYNC_NOTE_NO_KEY:
    case MC_SYNC_NOTE_REFUSED:
    case MC_SYNC_NOTE_UNREADABLE:
    case MC_SYNC_NOTE_NOT_WRITTEN:
    default:
      /* The import's own message says what is wrong and what to do. */
      return g_strdup (error->message);
    }
}

static void
add_strings (GPtrArray *to,
             GPtrArray *from)
{
  for (guint i = 0; from != NULL && i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

/* Imports every file in @files not yet applied here (and, for a workstation, of its own office and not its
 * own). A file is applied when this database holds every event of the range its name gives; a file that
 * cannot be applied now is noted and left for the next pass, and the others go on. */
static gboolean
import_files (McStore       *store,
              GPtrArray     *files,
              gboolean       aggregator,
              McSyncReport  *report,
              GHashTable    *stations,
              GCancellable  *cancellable,
              GError       **error)
{
  for (guint i = 0; i < files->len; i++)
    {
      /* Read again for every file: an import may bring office settings, and the office is then reloaded. */
      const McOffice *office = mc_store_get_office (store);
      FolderFile *f = g_ptr_array_index (files, i);
      g_autoptr(McImportPreview) preview = NULL;
      g_autoptr(GError) local = NULL;
      g_autofree char *through_key = NULL;
      g_autofree char *through_text = NULL;
      gint64 held, through = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!aggregator && g_str_equal (f->station_id, office->station_id))
        continue;
      if (!aggregator && !g_str_equal (f->office, office->code))
        {
          g_autofree char *message = note_message (MC_SYNC_NOTE_OTHER_OFFICE, NULL);

          report->n_waiting++;
          add_note (report, MC_SYNC_NOTE_OTHER_OFFICE, f->name, message);
          continue;
        }
      g_hash_table_insert (stations, g_strdup (f->station_id), GINT_TO_POINTER (f->station));
      if (aggregator)
        {
          /* The level above keeps none of an office's own settings events (n_skipped), so it cannot count
           * them: it remembers how far it applied each station's files without a hole. */
          through_key = g_strconcat ("sync_folder_through:", f->station_id, NULL);
          through_text = mc_store_get_local (store, through_key);
          through = through_text != NULL ? g_ascii_strtoll (through_text, NULL, 10) : 0;
          if (f->last <= through)
            continue;
        }
      held = mc_store_count_station_range (store, f->station_id, f->first, f->last, error);
      if (held < 0)
        return FALSE;
      if (held == f->last - f->first + 1)
        continue;
      if (!mc_bundle_import (store, f->path, &preview, &local))
        {
          g_autofree char *message = NULL;
          McSyncNoteKind kind;

          /* Merged into a newer file by its workstation since the folder was listed: nothing to say. */
          if (!g_file_test (f->path, G_FILE_TEST_EXISTS))
            continue;
          kind = note_kind (local);
          message = note_message (kind, local);
          report->n_waiting++;
          add_note (report, kind, f->name, message);
          continue;
        }
      if (aggregator && f->first <= through + 1)
        {
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, f->last);

          mc_store_set_local (store, through_key, value, NULL);
        }
      report->n_files_imported++;
      report->n_imported += preview->n_new;
      report->n_dossiers += preview->n_dossiers;
      add_strings (report->conflicts, preview->conflicts);
    }
  return TRUE;
}

/* One line per station of the folder whose events this database holds with a hole: a file of that station
 * has not reached the folder yet. */
static gboolean
find_gaps (McStore       *store,
           GHashTable    *stations,
           McSyncReport  *report,
           GError       **error)
{
  g_autoptr(GPtrArray) ids = _mc_bundle_sorted_keys (stations);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      gint64 max = mc_store_get_max_station_seq (store, id, error);
      gint64 held = max > 0 ? mc_store_count_station_range (store, id, 1, max, error) : 0;

      if (max < 0 || held < 0)
        return FALSE;
      if (held < max)
        g_ptr_array_add (report->gaps,
                         /* Translators: a workstation's number, then how many of its changes are missing */
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "workstation %02d: %u change has not reached the folder "
                                                       "yet",
                                                       "workstation %02d: %u changes have not reached the folder "
                                                       "yet", (gulong) (max - held)),
                                          GPOINTER_TO_INT (g_hash_table_lookup (stations, id)),
                                          (guint) (max - held)));
    }
  return TRUE;
}

/* Serialises the passes of one database (the desk and the command line of one workstation): a lock on a file
 * beside the database, held until @fd is closed. Other workstations never write this station's files. */
static int
lock_pass (McStore  *store,
           GError  **error)
{
  const char *db = mc_store_get_path (store);
  g_autofree char *path = NULL;
  int fd;

  if (db == NULL)
    return G_MAXINT;
  path = g_strconcat (db, ".sync-lock", NULL);
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO, _("Could not start a sync pass: %s"),
                   g_strerror (saved));
      return -1;
    }
  return fd;
}

static gboolean
pass_workstation (McStore       *store,
                  const char    *folder,
                  McSyncReport  *report,
                  GHashTable    *stations,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const McOffice *office = mc_store_get_office (store);
  g_autofree char *own_stem = g_strdup_printf ("%s_s%02d_%s_", office->code, office->station, office->station_id);
  g_autoptr(GPtrArray) files = list_folder (folder, NULL, own_stem, error);

  if (files == NULL)
    return FALSE;
  if (!write_missing (store, folder, files, report, error))
    return FALSE;
  compact_own (store, folder, files, report);
  if (report->written != NULL)
    {
      g_autofree char *detail = g_strdup_printf ("%u events into the sync folder", report->n_written);

      mc_audit_record (store, MC_AUDIT_EXPORT, report->written, detail, NULL);
    }
  return import_files (store, files, FALSE, report, stations, cancellable, error);
}

/* The level above: the folder's own files and one subfolder per office, each opened with that office's key. */
static gboolean
pass_aggregator (McStore       *store,
                 const char    *folder,
                 McSyncReport  *report,
                 GHashTable    *stations,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GDir) handle = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) subfolders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) top = NULL;
  const char *name;

  if (handle == NULL)
    return FALSE;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] != '.' && g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (subfolders, g_strdup (name));
    }
  g_ptr_array_sort (subfolders, _mc_bundle_compare_strings);
  top = list_folder (folder, NULL, NULL, error);
  if (top == NULL || !import_files (store, top, TRUE, report, stations, cancellable, error))
    return FALSE;
  for (guint i = 0; i < subfolders->len; i++)
    {
      const char *sub = g_ptr_array_index (subfolders, i);
      g_autofree char *path = g_build_filename (folder, sub, NULL);
      g_autoptr(GError) local = NULL;
      g_autoptr(GPtrArray) files = list_folder (path, sub, NULL, &local);

      if (files == NULL)
        {
          report->n_waiting++;
          add_note (report, MC_SYNC_NOTE_UNREADABLE, sub, local->message);
          continue;
        }
      if (!import_files (store, files, TRUE, report, stations, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mc_sync_folder_pass:
 * @folder: the folder the office's workstations share (above: one subfolder per office)
 * @cancellable: (nullable): heeded between files; a file is applied whole or not at all
 *
 * One sync pass: writes this workstation's changes the folder lacks as a file of its own (written whole, then
 * renamed into place), merges its files of past periods, and imports every other workstation's file this
 * database has not applied, in one transaction each. A file that cannot be applied now (still being copied,
 * damaged, another office's, of a newer format) is noted in the report and tried again next pass; so is a
 * folder that cannot be written to. An aggregator only imports.
 *
 * Returns: (transfer full): what the pass did, or %NULL with @error when it could not run at all (no office
 *   yet, no passphrase, no such folder)
 */
McSyncReport *
mc_sync_folder_pass (McStore       *store,
                     const char    *folder,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(McSyncReport) report = NULL;
  g_autoptr(GHashTable) stations = NULL;
  gboolean aggregator, ok;
  int lock;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!_mc_bundle_check_ready (store, error))
    return NULL;
  aggregator = mc_bundle_is_aggregator (store);
  if (!aggregator && !mc_bundle_has_key (store))
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NO_KEY,
                           _("No sync passphrase is set on this workstation. Enter the office's sync passphrase "
                             "first (the same on every workstation)."));
      return NULL;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                   _("The sync folder “%s” cannot be found. Check that the shared drive is connected and that the "
                     "folder's path is right."), folder);
      return NULL;
    }
  lock = lock_pass (store, error);
  if (lock < 0)
    return NULL;
  report = report_new (folder);
  stations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = aggregator ? pass_aggregator (store, folder, report, stations, cancellable, error)
                  : pass_workstation (store, folder, report, stations, cancellable, error);
  /* The level above holds no office's settings events, so its holes would not be gaps. */
  ok = ok && (aggregator || find_gaps (store, stations, report, error));
  if (ok)
    {
      g_autofree char *now = mc_time_now_iso_offset ();

      mc_store_set_local (store, "sync_folder_last_pass", now, NULL);
    }
  if (lock != G_MAXINT)
    close (lock);
  return ok ? g_steal_pointer (&report) : NULL;
}

/*
 * In a worker thread
 */

static gpointer
pass_in_worker (McStore       *worker,
                gpointer       folder,
                GCancellable  *cancellable,
                GError       **error)
{
  return mc_sync_folder_pass (worker, folder, cancellable, error);
}

/**
 * mc_sync_folder_pass_async:
 * @store: the caller's connection
 *
 * Runs mc_sync_folder_pass() in a worker thread on a connection of its own to the same database file, in the
 * name of the person signed in on @store. Call mc_sync_folder_pass_finish() from @callback.
 */
void
mc_sync_folder_pass_async (McStore             *store,
                           const char          *folder,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_STORE (store));
  g_return_if_fail (folder != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_sync_folder_pass_async);
  _mc_sync_run_in_worker (task, store, pass_in_worker, g_strdup (folder), g_free,
                          (GDestroyNotify) mc_sync_report_free);
}

/**
 * mc_sync_folder_pass_finish:
 *
 * Finishes mc_sync_folder_pass_async(). When the pass imported anything, @store reads the database again and
 * emits #McStore::changed.
 *
 * Returns: (transfer full): what the pass did, or %NULL with @error
 */
McSyncReport *
mc_sync_folder_pass_finish (McStore       *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  McSyncReport *report;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  report = g_task_propagate_pointer (G_TASK (result), error);
  if (report != NULL && report->n_imported > 0)
    mc_store_refresh (store);
  return report;
}
