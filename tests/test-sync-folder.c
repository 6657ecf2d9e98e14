/* test-sync-folder.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "mc-bundle.h"
#include "mc-store.h"
#include "mc-sync-folder.h"
#include "mc-sync-scheduler.h"
#include "mc-time.h"
#include "test-util.h"

/* Live sync through a shared folder (docs/sync-format.md, "The sync folder"), between real SQLite databases:
 * three workstations doing random work with random, sometimes simultaneous passes converge; a new workstation
 * catches up from the folder alone; each workstation merges its own files per period and no other's; a file
 * still being copied, damaged, of another office or of a newer format is left with a note and never blocks the
 * others; a read-only folder; the level above with a subfolder per office.
 *
 * MOTCUA_SYNC_SEEDS=N runs the random test with N seeds (3 by default). */

#define OFFICE_CODE "000.00.12.H40"
#define OTHER_CODE  "000.00.12.H41"
#define PASSPHRASE  "Tân Lập một cửa 2026"
#define START       "2026-11-23T08:00"

typedef TestFolder Fixture;

static McMinute
t (const char *text)
{
  McMinute minute = MC_MINUTE_NONE;

  g_assert_true (mc_time_parse (text, &minute, NULL));
  return minute;
}

static char *
make_folder (Fixture    *fixture,
             const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static McStore *
open_station_full (Fixture    *fixture,
                   const char *name,
                   const char *office,
                   int         station,
                   const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  McStore *store = mc_store_open (path, TRUE, &error);
  McStoreSetup setup = { 0 };

  g_assert_no_error (error);
  setup.office_code = office;
  setup.office_name = "UBND xã Tân Lập";
  setup.station = station;
  setup.clerk = "Lê Thu Hà";
  g_assert_true (mc_store_setup (store, &setup, &error));
  g_assert_no_error (error);
  g_assert_true (mc_bundle_set_passphrase (store, passphrase, &error));
  g_assert_no_error (error);
  return store;
}

static McStore *
open_station (Fixture    *fixture,
              const char *name,
              int         station)
{
  return open_station_full (fixture, name, OFFICE_CODE, station, PASSPHRASE);
}

static char *
intake (McStore    *store,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  McIntake in = { 0 };

  in.procedure_code = "1.001193";
  in.applicant_name = name;
  in.received = t ("2026-11-23T09:00");
  dossier = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return g_strdup (dossier->code);
}

static McSyncReport *
pass (McStore    *store,
      const char *folder)
{
  g_autoptr(GError) error = NULL;
  McSyncReport *report = mc_sync_folder_pass (store, folder, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
pass_quietly (McStore    *store,
              const char *folder)
{
  g_autoptr(McSyncReport) report = pass (store, folder);

  g_assert_cmpuint (report->notes->len, ==, 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every event's uuid and every dossier as the lists show it, sorted: equal for databases in step. */
static char *
dump (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_list_events (store, 0, 0, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  GString *out = g_string_new (NULL);
  McQuery query;

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (lines, g_strdup (((McEvent *) g_ptr_array_index (events, i))->uuid));
  mc_query_init (&query);
  query.now = t ("2026-11-26T10:00");
  query.limit = 100000;
  rows = mc_store_query (store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      McDossier *row = g_ptr_array_index (rows, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      mc_dossier_to_json (row, builder, mc_store_get_calendar (store), query.now, FALSE);
      root = json_builder_get_root (builder);
      g_ptr_array_add (lines, json_to_string (root, FALSE));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static guint
count_files (const char *folder,
             const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, MC_SYNC_FOLDER_EXTENSION) && (needle == NULL || strstr (name, needle) != NULL))
      n++;
  return n;
}

static guint
count_notes (McSyncReport   *report,
             McSyncNoteKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < report->notes->len; i++)
    if (((McSyncNote *) g_ptr_array_index (report->notes, i))->kind == kind)
      n++;
  return n;
}

/*
 * Random work, random passes
 */

typedef struct
{
  McStore    *store;
  const char *folder;
} PassArgs;

static gpointer
pass_thread (gpointer data)
{
  PassArgs *args = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(McSyncReport) report = mc_sync_folder_pass (args->store, args->folder, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->notes->len; i++)
    g_printerr ("%s: %s\n", ((McSyncNote *) g_ptr_array_index (report->notes, i))->file,
                ((McSyncNote *) g_ptr_array_index (report->notes, i))->message);
  g_assert_cmpuint (report->notes->len, ==, 0);
  return NULL;
}

static void
random_step (McStore  *store,
             GRand    *rand,
             guint     step)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Người nộp %u", step);
  g_autoptr(GPtrArray) rows = NULL;
  McQuery query;

  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_free (intake (store, name));
      return;
    }
  /* A correction to a dossier this workstation holds (perhaps received elsewhere). */
  mc_query_init (&query);
  query.now = t ("2026-11-26T10:00");
  query.limit = 1000;
  rows = mc_store_query (store, &query, &error);
  g_assert_no_error (error);
  if (rows->len == 0)
    {
      g_free (intake (store, name));
      return;
    }
  {
    McDossier *row = g_ptr_array_index (rows, g_rand_int_range (rand, 0, rows->len));
    g_autoptr(JsonNode) payload = payload_new ("field", "phone", "value", "0912000111", "reason", name, NULL);
    g_autoptr(McDossier) done = mc_store_record (store, row->code, MC_EVENT_EDITED, payload, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (done);
  }
}

static void
converge_with_seed (Fixture *fixture,
                    guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *folder = NULL;
  g_autofree char *sub = g_strdup_printf ("seed-%u", seed);
  g_autofree char *a_name = g_strdup_printf ("a-%u.db", seed);
  g_autofree char *b_name = g_strdup_printf ("b-%u.db", seed);
  g_autofree char *c_name = g_strdup_printf ("c-%u.db", seed);
  McStore *stations[3];
  g_autofree char *expected = NULL;

  folder = make_folder (fixture, sub);
  stations[0] = open_station (fixture, a_name, 1);
  stations[1] = open_station (fixture, b_name, 2);
  stations[2] = open_station (fixture, c_name, 3);

  for (guint step = 0; step < 60; step++)
    {
      guint who = g_rand_int_range (rand, 0, 3);

      random_step (stations[who], rand, step);
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          pass_quietly (stations[who], folder);
          break;
        case 1:
          {
            /* Two workstations' passes at the same moment on one folder. */
            guint other = (who + 1 + g_rand_int_range (rand, 0, 2)) % 3;
            PassArgs x = { stations[who], folder }, y = { stations[other], folder };
            GThread *tx = g_thread_new ("pass-x", pass_thread, &x);
            GThread *ty = g_thread_new ("pass-y", pass_thread, &y);

            g_thread_join (tx);
            g_thread_join (ty);
          }
          break;
        case 2:
          {
            /* The desk and the command line of one workstation at once: two connections, one database. */
            g_autoptr(GError) error = NULL;
            g_autoptr(McStore) twin = mc_store_open (mc_store_get_path (stations[who]), FALSE, &error);
            PassArgs x = { stations[who], folder }, y = { twin, folder };
            GThread *tx, *ty;

            g_assert_no_error (error);
            tx = g_thread_new ("pass-desk", pass_thread, &x);
            ty = g_thread_new ("pass-cli", pass_thread, &y);
            g_thread_join (tx);
            g_thread_join (ty);
            mc_store_refresh (stations[who]);
          }
          break;
        default:
          break;
        }
    }
  /* Two rounds: the first sends everything, the second brings everyone what the others sent. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 3; i++)
      pass_quietly (stations[i], folder);
  expected = dump (stations[0]);
  for (guint i = 1; i < 3; i++)
    {
      g_autofree char *got = dump (stations[i]);

      g_assert_cmpstr (got, ==, expected);
    }
  /* In step: a pass brings and sends nothing. */
  {
    g_autoptr(McSyncReport) report = pass (stations[1], folder);

    g_assert_null (report->written);
    g_assert_cmpuint (report->n_files_imported, ==, 0);
    g_assert_cmpuint (report->gaps->len, ==, 0);
  }
  for (guint i = 0; i < 3; i++)
    g_object_unref (stations[i]);
}

static void
test_converge (Fixture       *fixture,
               gconstpointer  data)
{
  const char *env = g_getenv ("MOTCUA_SYNC_SEEDS");
  guint n = env != NULL && *env != '\0' ? (guint) g_ascii_strtoull (env, NULL, 10) : 3;

  for (guint32 seed = 1; seed <= n; seed++)
    converge_with_seed (fixture, seed * 7919);
}

/*
 * What the folder holds
 */

/* Each workstation writes only what is new, merges its own past days into one, and never touches another's;
 * a workstation set up later catches up from the folder alone. */
static void
test_compact_and_join (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "shared");
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(McStore) b = open_station (fixture, "b.db", 2);
  g_autoptr(McStore) c = NULL;
  g_autofree char *a_tag = g_strdup_printf ("_s01_%s_", mc_store_get_office (a)->station_id);
  g_autofree char *b_tag = g_strdup_printf ("_s02_%s_", mc_store_get_office (b)->station_id);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  for (int day = 23; day <= 25; day++)
    {
      g_autofree char *now = g_strdup_printf ("2026-11-%dT09:00", day);

      g_setenv ("MOTCUA_NOW", now, TRUE);
      for (int round = 0; round < 3; round++)
        {
          g_autoptr(McSyncReport) report = NULL;

          g_free (intake (a, "Nguyễn Văn An"));
          g_free (intake (b, "Trần Thị Bình"));
          report = pass (a, folder);
          g_assert_nonnull (report->written);
          g_assert_cmpuint (report->n_written_dossiers, ==, 1);
          pass_quietly (b, folder);
        }
    }
  /* Today (25th): three files of each; the 23rd and the 24th: one each, merged. B passed last, so A's
   * merge is done and B's files of the past days are merged at its next pass. */
  g_assert_cmpuint (count_files (folder, a_tag), ==, 2 + 3);
  {
    g_autoptr(McSyncReport) report = pass (b, folder);

    g_assert_cmpuint (report->n_compacted, ==, 0);
    g_assert_null (report->written);
  }
  g_assert_cmpuint (count_files (folder, b_tag), ==, 2 + 3);

  /* A new month: every earlier file of a workstation becomes one. */
  g_setenv ("MOTCUA_NOW", "2026-12-01T09:00", TRUE);
  {
    g_autoptr(McSyncReport) report = pass (a, folder);

    g_assert_cmpuint (report->n_compacted, ==, 5);
  }
  g_assert_cmpuint (count_files (folder, a_tag), ==, 1);
  g_assert_cmpuint (count_files (folder, b_tag), ==, 5);

  /* A workstation that joins now catches up from the folder alone. */
  c = open_station (fixture, "c.db", 3);
  {
    g_autoptr(McSyncReport) report = pass (c, folder);

    g_assert_cmpuint (report->notes->len, ==, 0);
    g_assert_cmpuint (report->n_dossiers, ==, 18);
  }
  /* Once A has C's set-up too, the two hold the same. */
  pass_quietly (a, folder);
  expected = dump (a);
  got = dump (c);
  g_assert_cmpstr (got, ==, expected);

  /* A's file lost from the folder is written again from A's database. */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (strstr (name, a_tag) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          g_assert_cmpint (g_unlink (path), ==, 0);
        }
  }
  {
    g_autoptr(McSyncReport) report = pass (a, folder);

    g_assert_nonnull (report->written);
    g_assert_cmpuint (report->n_written_dossiers, ==, 9);
  }
}

/* Rewrites a file's version (and the prefix check that covers it), as a newer Một Cửa would write it. */
static void
make_newer (const char *path)
{
  g_autofree char *data = NULL;
  guint8 hash[crypto_generichash_BYTES_MIN];
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  data[8] = 0;
  data[9] = 9;
  crypto_generichash (hash, sizeof hash, (const guint8 *) data, 14, NULL, 0);
  memcpy (data + 14, hash, 4);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static char *
only_file (const char *folder,
           const char *tag)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, tag) != NULL && g_str_has_suffix (name, MC_SYNC_FOLDER_EXTENSION))
      {
        g_assert_null (found);
        found = g_build_filename (folder, name, NULL);
      }
  g_assert_nonnull (found);
  return found;
}

/* Files that cannot be applied now are left with a note, tried again next pass, and never block the others. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "shared");
  g_autofree char *other_folder = make_folder (fixture, "other");
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(McStore) b = open_station (fixture, "b.db", 2);
  g_autoptr(McStore) c = open_station (fixture, "c.db", 3);
  g_autoptr(McStore) x = open_station_full (fixture, "x.db", OTHER_CODE, 1, "mật khẩu xã bên");
  g_autofree char *b_tag = g_strdup_printf ("_s02_%s_", mc_store_get_office (b)->station_id);
  g_autofree char *c_tag = g_strdup_printf ("_s03_%s_", mc_store_get_office (c)->station_id);
  g_autofree char *b_file = NULL;
  g_autofree char *c_file = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_free (intake (b, "Trần Thị Bình"));
  g_free (intake (c, "Lê Văn Cường"));
  g_free (intake (x, "Phạm Thị Dung"));
  pass_quietly (b, folder);
  pass_quietly (c, folder);
  pass_quietly (x, other_folder);
  b_file = only_file (folder, b_tag);
  c_file = only_file (folder, c_tag);

  /* A copy of B's file still being copied, under the name of B's next file; C's file from a newer version;
   * another office's file. */
  g_assert_true (g_file_get_contents (b_file, &contents, &len, NULL));
  {
    g_autofree char *next = g_strdup_printf ("%s/%s%s%s-%s_20261123.motcua", folder, OFFICE_CODE, b_tag,
                                             "100", "120");

    partial = g_steal_pointer (&next);
  }
  g_assert_true (g_file_set_contents (partial, contents, len / 2, NULL));
  make_newer (c_file);
  {
    g_autofree char *x_file = only_file (other_folder, "_s01_");
    g_autofree char *x_name = g_path_get_basename (x_file);
    g_autofree char *moved = g_build_filename (folder, x_name, NULL);

    g_assert_cmpint (g_rename (x_file, moved), ==, 0);
  }

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(McSyncReport) report = pass (a, folder);

      for (guint i = 0; i < report->notes->len; i++)
        g_test_message ("%s: %s", ((McSyncNote *) g_ptr_array_index (report->notes, i))->file,
                        ((McSyncNote *) g_ptr_array_index (report->notes, i))->message);
      /* B's complete file is applied all the same. */
      g_assert_cmpuint (report->n_files_imported, ==, round == 0 ? 1 : 0);
      g_assert_cmpuint (report->n_waiting, ==, 3);
      g_assert_cmpuint (count_notes (report, MC_SYNC_NOTE_INCOMPLETE), ==, 1);
      g_assert_cmpuint (count_notes (report, MC_SYNC_NOTE_NEWER_VERSION), ==, 1);
      g_assert_cmpuint (count_notes (report, MC_SYNC_NOTE_OTHER_OFFICE), ==, 1);
    }
  /* Left in the folder, as found. */
  g_assert_true (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder, OTHER_CODE), ==, 1);

  /* C's file written again (deleted, as the note says), and the copy finished: all applied. */
  g_assert_cmpint (g_unlink (c_file), ==, 0);
  g_assert_cmpint (g_unlink (partial), ==, 0);
  {
    g_autoptr(McSyncReport) report = pass (c, folder);

    g_assert_nonnull (report->written);
  }
  {
    g_autoptr(McSyncReport) report = pass (a, folder);

    g_assert_cmpuint (report->n_files_imported, ==, 1);
    g_assert_cmpuint (report->n_waiting, ==, 1);
    g_assert_cmpuint (count_notes (report, MC_SYNC_NOTE_OTHER_OFFICE), ==, 1);
  }
}

/* A folder this workstation cannot write to: its changes wait (with a note saying what to do), the others'
 * files are still applied, and nothing is left half-written. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "shared");
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(McStore) b = open_station (fixture, "b.db", 2);

  g_autofree char *blocker = NULL;

  g_free (intake (b, "Trần Thị Bình"));
  pass_quietly (b, folder);
  g_free (intake (a, "Nguyễn Văn An"));
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  if (geteuid () == 0)
    {
      /* Permissions do not stop root: a directory where the file's temporary copy goes fails the write the
       * same way. */
      const McOffice *office = mc_store_get_office (a);
      g_autofree char *name = g_strdup_printf ("%s_s01_%s_1-%" G_GINT64_FORMAT "_20261123.motcua.tmp",
                                               office->code, office->station_id,
                                               mc_store_get_max_station_seq (a, office->station_id, NULL));

      blocker = g_build_filename (folder, name, NULL);
      g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
    }
  {
    g_autoptr(McSyncReport) report = pass (a, folder);

    g_assert_null (report->written);
    g_assert_cmpuint (count_notes (report, MC_SYNC_NOTE_NOT_WRITTEN), ==, 1);
    g_assert_cmpuint (report->n_files_imported, ==, 1);
  }
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  if (blocker != NULL)
    g_assert_cmpint (g_rmdir (blocker), ==, 0);
  g_assert_cmpuint (count_files (folder, NULL), ==, 1);
  {
    g_autoptr(McSyncReport) report = pass (a, folder);

    g_assert_nonnull (report->written);
    g_assert_cmpuint (report->notes->len, ==, 0);
  }
}

/* No passphrase, or no folder: the pass does not run, and says what to do. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "not-there", NULL);
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(McSyncReport) report = mc_sync_folder_pass (a, missing, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not-there"));
}

/* The level above: a subfolder per office, each opened with that office's key. */
static void
test_level_above (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *top_folder = make_folder (fixture, "province");
  g_autofree char *a_folder = make_folder (fixture, "province/tan-lap");
  g_autofree char *x_folder = make_folder (fixture, "province/xa-ben");
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(McStore) b = open_station (fixture, "b.db", 2);
  g_autoptr(McStore) x = open_station_full (fixture, "x.db", OTHER_CODE, 1, "mật khẩu xã bên");
  g_autoptr(McStore) top = open_station_full (fixture, "top.db", "000.00.12.H00", 1, "mật khẩu huyện");
  g_autoptr(GError) error = NULL;

  g_free (intake (a, "Nguyễn Văn An"));
  g_free (intake (b, "Trần Thị Bình"));
  g_free (intake (x, "Phạm Thị Dung"));
  pass_quietly (a, a_folder);
  pass_quietly (b, a_folder);
  pass_quietly (x, x_folder);

  g_assert_true (mc_bundle_set_aggregator (top, TRUE, &error));
  g_assert_true (mc_bundle_add_office_key (top, OFFICE_CODE, PASSPHRASE, &error));
  g_assert_no_error (error);
  /* Without the second office's key: its files wait, the first office's are applied. */
  {
    g_autoptr(McSyncReport) report = pass (top, top_folder);

    g_assert_null (report->written);
    g_assert_cmpuint (report->n_files_imported, ==, 2);
    g_assert_cmpuint (count_notes (report, MC_SYNC_NOTE_NO_KEY), ==, 1);
    g_assert_nonnull (strstr (((McSyncNote *) g_ptr_array_index (report->notes, 0))->file, "xa-ben"));
  }
  g_assert_true (mc_bundle_add_office_key (top, OTHER_CODE, "mật khẩu xã bên", &error));
  g_assert_no_error (error);
  {
    g_autoptr(McSyncReport) report = pass (top, top_folder);

    g_assert_cmpuint (report->n_files_imported, ==, 1);
    g_assert_cmpuint (report->notes->len, ==, 0);
  }
  {
    g_autoptr(McSyncReport) report = pass (top, top_folder);

    g_assert_cmpuint (report->n_files_imported, ==, 0);
  }
  /* The level above writes nothing into the offices' folders. */
  g_assert_cmpuint (count_files (a_folder, NULL), ==, 2);
  g_assert_cmpuint (count_files (x_folder, NULL), ==, 1);
}

/*
 * The desk's scheduler
 */

static void
pass_done_cb (McSyncScheduler *scheduler,
              guint           *count)
{
  (*count)++;
}

static void
wait_for_passes (McSyncScheduler *scheduler,
                 guint           *count,
                 guint            until)
{
  while (*count < until || mc_sync_scheduler_is_running (scheduler))
    g_main_context_iteration (NULL, TRUE);
}

/* A pass when the folder is set (on start), after work once the clerk pauses, on demand; the header's state; a
 * folder gone missing said with what to do. */
static void
test_scheduler (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = make_folder (fixture, "shared");
  g_autofree char *gone = g_build_filename (fixture->dir, "unplugged", NULL);
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(McStore) b = open_station (fixture, "b.db", 2);
  g_autoptr(McSyncScheduler) scheduler = mc_sync_scheduler_new (a);
  g_autofree char *text = NULL;
  guint count = 0;

  g_signal_connect (scheduler, "pass-done", G_CALLBACK (pass_done_cb), &count);
  mc_sync_scheduler_reload (scheduler);
  g_assert_false (mc_sync_scheduler_is_enabled (scheduler));
  g_assert_null (mc_sync_scheduler_describe (scheduler));
  mc_sync_scheduler_work_done (scheduler);
  g_assert_false (mc_sync_scheduler_is_running (scheduler));

  g_assert_true (mc_store_set_local (a, MC_SYNC_SETTING_FOLDER, folder, &error));
  g_assert_no_error (error);
  mc_sync_scheduler_reload (scheduler);
  g_assert_true (mc_sync_scheduler_is_running (scheduler));
  wait_for_passes (scheduler, &count, 1);
  g_assert_nonnull (mc_sync_scheduler_get_report (scheduler));
  g_assert_nonnull (mc_sync_scheduler_get_report (scheduler)->written);
  text = mc_sync_scheduler_describe (scheduler);
  g_assert_true (g_str_has_prefix (text, "Sync folder: last pass "));
  g_clear_pointer (&text, g_free);

  /* After work, once the clerk pauses. */
  mc_sync_scheduler_set_idle_delay (scheduler, 10);
  g_free (intake (a, "Nguyễn Văn An"));
  mc_sync_scheduler_work_done (scheduler);
  wait_for_passes (scheduler, &count, 2);
  g_assert_cmpuint (mc_sync_scheduler_get_report (scheduler)->n_written_dossiers, ==, 1);
  {
    g_autoptr(McSyncReport) report = pass (b, folder);

    g_assert_cmpuint (report->n_dossiers, ==, 1);
  }

  /* On demand: B's file arrives. */
  mc_sync_scheduler_run_now (scheduler);
  wait_for_passes (scheduler, &count, 3);
  g_assert_cmpuint (mc_sync_scheduler_get_report (scheduler)->n_files_imported, ==, 1);

  /* The shared drive unplugged: the problem, and what to do. */
  g_assert_true (mc_store_set_local (a, MC_SYNC_SETTING_FOLDER, gone, &error));
  mc_sync_scheduler_reload (scheduler);
  wait_for_passes (scheduler, &count, 4);
  g_assert_nonnull (mc_sync_scheduler_get_error (scheduler));
  text = mc_sync_scheduler_describe (scheduler);
  g_assert_nonnull (strstr (text, "cannot be found"));
  g_assert_nonnull (strstr (text, "unplugged"));
}

/* The periodic pass: with a short interval (MOTCUA_SYNC_SECONDS, for the tests), passes come from the timer alone
 * after the one on start, and the state the header shows follows them: another workstation's dossier arrives,
 * and the last pass's time moves on. */
static void
test_scheduler_timer (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = make_folder (fixture, "shared");
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(McStore) b = open_station (fixture, "b.db", 2);
  g_autoptr(McSyncScheduler) scheduler = NULL;
  g_autofree char *first = NULL, *later = NULL;
  guint count = 0;

  g_setenv ("MOTCUA_SYNC_SECONDS", "1", TRUE);
  scheduler = mc_sync_scheduler_new (a);
  g_signal_connect (scheduler, "pass-done", G_CALLBACK (pass_done_cb), &count);
  g_assert_true (mc_store_set_local (a, MC_SYNC_SETTING_FOLDER, folder, &error));
  g_assert_no_error (error);
  mc_sync_scheduler_reload (scheduler);
  wait_for_passes (scheduler, &count, 1);
  first = mc_store_get_local (a, "sync_folder_last_pass");
  g_assert_nonnull (first);

  g_free (intake (b, "Trần Thị Bình"));
  pass_quietly (b, folder);
  /* Nothing but the timer runs a pass now. */
  g_setenv ("MOTCUA_NOW", "2026-11-23T08:07", TRUE);
  wait_for_passes (scheduler, &count, 2);
  g_assert_cmpuint (mc_sync_scheduler_get_report (scheduler)->n_files_imported, ==, 1);
  g_assert_cmpuint (mc_sync_scheduler_get_report (scheduler)->n_dossiers, ==, 1);
  later = mc_store_get_local (a, "sync_folder_last_pass");
  g_assert_cmpstr (later, !=, first);
  {
    g_autofree char *text = mc_sync_scheduler_describe (scheduler);

    g_assert_true (g_str_has_prefix (text, "Sync folder: last pass "));
  }
  wait_for_passes (scheduler, &count, 3);
  g_assert_cmpuint (mc_sync_scheduler_get_report (scheduler)->n_files_imported, ==, 0);
  g_unsetenv ("MOTCUA_SYNC_SECONDS");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("MOTCUA_PWHASH_FAST", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add ("/sync-folder/converge", Fixture, START, test_folder_set_up, test_converge, test_folder_tear_down);
  g_test_add ("/sync-folder/compact-and-join", Fixture, START, test_folder_set_up, test_compact_and_join,
              test_folder_tear_down);
  g_test_add ("/sync-folder/bad-files", Fixture, START, test_folder_set_up, test_bad_files, test_folder_tear_down);
  g_test_add ("/sync-folder/read-only", Fixture, START, test_folder_set_up, test_read_only_folder,
              test_folder_tear_down);
  g_test_add ("/sync-folder/refused", Fixture, START, test_folder_set_up, test_refused, test_folder_tear_down);
  g_test_add ("/sync-folder/level-above", Fixture, START, test_folder_set_up, test_level_above,
              test_folder_tear_down);
  g_test_add ("/sync-folder/scheduler", Fixture, START, test_folder_set_up, test_scheduler, test_folder_tear_down);
  g_test_add ("/sync-folder/scheduler-timer", Fixture, START, test_folder_set_up, test_scheduler_timer,
              test_folder_tear_down);
  return g_test_run ();
}
