/* bench-sync-folder.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sync through a shared folder, at scale: the level above importing a province's year (one subfolder per office,
 * each office's full file of a year), the statistics of that year on the level above, and a sync pass that finds
 * nothing new on a folder holding the files of every workstation an office can have (numbers 01 to 99). Prints
 * figures; asserts nothing: a table for people, then "RESULT key value unit" lines for bench/run.
 *
 *   motcua-bench-sync-folder --cache DIR [--offices N] [--dossiers D] [--stations S] [--runs R]
 *
 * The offices' folders and the workstations' folder are made once under DIR (each by the same code as the app:
 * the demo generator, then a sync pass) and kept; the databases that import them are new at every run. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "mc-bundle.h"
#include "mc-demo.h"
#include "mc-stats.h"
#include "mc-store.h"
#include "mc-sync-folder.h"
#include "mc-time.h"

#define YEAR_END "2026-11-20"
#define PER_YEAR 6000

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("motcua-bench-sync-folder: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static McStore *
new_station (const char *path,
             const char *office_code,
             int         station,
             const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autofree char *name = g_strdup_printf ("UBND xã %s", office_code);
  McStoreSetup setup = { 0 };

  store = mc_store_open (path, TRUE, &error);
  setup.office_code = office_code;
  setup.office_name = name;
  setup.parent_name = "ỦY BAN NHÂN DÂN";
  setup.place = "Tân Lập";
  setup.station = station;
  setup.clerk = "Nguyễn Thị Lan";
  if (store == NULL || !mc_store_setup (store, &setup, &error) ||
      (passphrase != NULL && !mc_bundle_set_passphrase (store, passphrase, &error)))
    fail (path, error);
  return g_steal_pointer (&store);
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", ".sync-lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Generates @n_dossiers of history on a new workstation and writes it into @folder with one pass. */
static guint
fill_folder (const char *scratch,
             const char *folder,
             const char *office_code,
             int         station,
             const char *passphrase,
             guint       n_dossiers,
             guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (scratch, "station.db", NULL);
  g_autoptr(McStore) store = NULL;
  g_autoptr(McSyncReport) report = NULL;
  int end_jdn;
  guint n;

  remove_database (db);
  store = new_station (db, office_code, station, passphrase);
  mc_date_parse (YEAR_END, &end_jdn, NULL);
  if (!mc_demo_generate (store,
                         &(McDemoOptions) { .n_dossiers = n_dossiers, .seed = seed, .end_jdn = end_jdn,
                                            .per_year = PER_YEAR, .batch_size = 5000 },
                         NULL, &error))
    fail ("generate", error);
  g_mkdir_with_parents (folder, 0700);
  report = mc_sync_folder_pass (store, folder, NULL, &error);
  if (report == NULL || report->written == NULL)
    fail ("first pass", error);
  n = report->n_written;
  g_clear_object (&store);
  remove_database (db);
  return n;
}

static char *
office_code (guint i)
{
  return g_strdup_printf ("000.%02u.%02u.H40", i / 100, i % 100);
}

static char *
office_passphrase (guint i)
{
  return g_strdup_printf ("mat-khau-dong-bo-xa-%03u", i);
}

/* The province's folder: one subfolder per office, each with that office's file of a year. Made once. */
static char *
make_province (const char *cache,
               guint       n_offices,
               guint       n_dossiers)
{
  g_autofree char *name = g_strdup_printf ("province-%u-%u", n_offices, n_dossiers);
  g_autofree char *root = g_build_filename (cache, name, NULL);
  g_autofree char *done = g_build_filename (root, ".complete", NULL);
  g_autofree char *scratch = g_build_filename (cache, "scratch", NULL);
  gint64 t0 = g_get_monotonic_time ();

  if (g_file_test (done, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&root);
  g_mkdir_with_parents (scratch, 0700);
  for (guint i = 0; i < n_offices; i++)
    {
      g_autofree char *code = office_code (i);
      g_autofree char *passphrase = office_passphrase (i);
      g_autofree char *folder = g_build_filename (root, code, NULL);

      fill_folder (scratch, folder, code, 1, passphrase, n_dossiers, i + 1);
      g_printerr ("province: office %u / %u, %.0f s elapsed\n", i + 1, n_offices,
                  (g_get_monotonic_time () - t0) / 1e6);
    }
  g_file_set_contents (done, "", 0, NULL);
  return g_steal_pointer (&root);
}

/* An office's folder holding the files of workstations 02 to @n_stations + 1, each with @n_dossiers of history. */
static char *
make_workstations (const char *cache,
                   guint       n_stations,
                   guint       n_dossiers)
{
  g_autofree char *name = g_strdup_printf ("workstations-%u-%u", n_stations, n_dossiers);
  g_autofree char *root = g_build_filename (cache, name, NULL);
  g_autofree char *done = g_build_filename (root, ".complete", NULL);
  g_autofree char *scratch = g_build_filename (cache, "scratch", NULL);

  if (g_file_test (done, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&root);
  g_mkdir_with_parents (scratch, 0700);
  for (guint i = 0; i < n_stations; i++)
    fill_folder (scratch, root, "000.00.12.H40", (int) i + 2, "mat-khau-dong-bo-bench", n_dossiers, 1000 + i);
  g_file_set_contents (done, "", 0, NULL);
  return g_steal_pointer (&root);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
row (const char *figure,
     double      value,
     const char *unit,
     const char *budget,
     const char *verdict)
{
  g_print ("%-52s %12.3f %-8s %-22s %s\n", figure, value, unit, budget, verdict);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = NULL;
  int n_offices = 10, n_dossiers = PER_YEAR, n_stations = 98, station_dossiers = 30, runs = 9;
  GOptionEntry entries[] = {
    { "cache", 0, 0, G_OPTION_ARG_FILENAME, &cache, "Where the folders are made once and kept", "DIR" },
    { "offices", 0, 0, G_OPTION_ARG_INT, &n_offices, "Offices of the province (default 10; the issue's 100)",
      "N" },
    { "dossiers", 0, 0, G_OPTION_ARG_INT, &n_dossiers, "Dossiers of each office's year (default 6000)", "D" },
    { "stations", 0, 0, G_OPTION_ARG_INT, &n_stations, "Other workstations in the office's folder (default 98)",
      "S" },
    { "station-dossiers", 0, 0, G_OPTION_ARG_INT, &station_dossiers, "Dossiers of each (default 30)", "D" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Passes finding nothing new, median taken (default 9)", "R" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *province = NULL, *workstations = NULL, *work = NULL, *top_db = NULL, *desk_db = NULL;
  g_autoptr(McStore) top = NULL;
  g_autoptr(McStore) desk = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint province_events = 0, province_files = 0, noop_files = 0, noop_new = 0;
  double province_s, stats_s, noop_ms, first_pass_s;
  int from, to;
  gint64 t0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || cache == NULL || n_offices < 1 ||
      n_offices > 9999 || n_dossiers < 1 || n_stations < 1 || n_stations > 98 || station_dossiers < 1 || runs < 1)
    {
      g_printerr ("usage: motcua-bench-sync-folder --cache DIR [--offices N] [--dossiers D] [--stations S]\n");
      return 2;
    }
  province = make_province (cache, (guint) n_offices, (guint) n_dossiers);
  workstations = make_workstations (cache, (guint) n_stations, (guint) station_dossiers);
  work = g_build_filename (cache, "scratch", NULL);
  g_mkdir_with_parents (work, 0700);

  /* The level above, new: every office's key registered, then one pass over the province's folder. */
  top_db = g_build_filename (work, "province.db", NULL);
  remove_database (top_db);
  top = new_station (top_db, "000.00.12.H00", 1, NULL);
  if (!mc_bundle_set_aggregator (top, TRUE, &error))
    fail ("aggregator", error);
  for (int i = 0; i < n_offices; i++)
    {
      g_autofree char *code = office_code ((guint) i);
      g_autofree char *passphrase = office_passphrase ((guint) i);

      if (!mc_bundle_add_office_key (top, code, passphrase, &error))
        fail ("office key", error);
    }
  t0 = g_get_monotonic_time ();
  {
    g_autoptr(McSyncReport) report = mc_sync_folder_pass (top, province, NULL, &error);

    if (report == NULL || report->notes->len > 0)
      fail ("the level above's pass", error);
    province_events = report->n_imported;
    province_files = report->n_files_imported;
  }
  province_s = (g_get_monotonic_time () - t0) / 1e6;

  /* The year's statistics of every office on the level above. */
  mc_date_parse (YEAR_END, &to, NULL);
  from = to - 365;
  t0 = g_get_monotonic_time ();
  {
    g_autoptr(McStats) stats = mc_stats_compute (top, from, to, mc_time_now (), NULL, &error);

    if (stats == NULL)
      fail ("statistics", error);
  }
  stats_s = (g_get_monotonic_time () - t0) / 1e6;
  g_clear_object (&top);
  remove_database (top_db);

  /* Workstation 01 joins the office: a first pass catches up from the folder, then passes find nothing new. */
  desk_db = g_build_filename (work, "desk.db", NULL);
  remove_database (desk_db);
  desk = new_station (desk_db, "000.00.12.H40", 1, "mat-khau-dong-bo-bench");
  t0 = g_get_monotonic_time ();
  {
    g_autoptr(McSyncReport) report = mc_sync_folder_pass (desk, workstations, NULL, &error);

    if (report == NULL || report->notes->len > 0)
      fail ("the first pass", error);
    noop_files = report->n_files_imported;
  }
  first_pass_s = (g_get_monotonic_time () - t0) / 1e6;
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(McSyncReport) report = NULL;
      double ms;

      t0 = g_get_monotonic_time ();
      report = mc_sync_folder_pass (desk, workstations, NULL, &error);
      ms = (g_get_monotonic_time () - t0) / 1e3;
      if (report == NULL)
        fail ("a pass", error);
      noop_new += report->n_imported + report->n_written;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  noop_ms = g_array_index (times, double, times->len / 2);
  g_clear_object (&desk);
  remove_database (desk_db);

  g_print ("%-52s %12s %-8s %-22s %s\n", "figure", "value", "unit", "budget", "verdict");
  row ("level above: offices", n_offices, "", "", "");
  row ("level above: events imported", province_events, "events", "", "");
  row ("level above: one pass importing them", province_s, "s", "", "");
  row ("level above: per 1.8 M events", province_s * 1.8e6 / MAX (province_events, 1), "s", "<= 30 s",
       province_s * 1.8e6 / MAX (province_events, 1) <= 30 ? "PASS" : "FAIL");
  row ("level above: statistics of the year", stats_s, "s", "<= 1 s", stats_s <= 1 ? "PASS" : "FAIL");
  row ("workstation joining: files of other workstations", noop_files, "files", "", "");
  row ("workstation joining: first pass", first_pass_s, "s", "", "");
  row ("pass finding nothing new (median)", noop_ms, "ms", "<= 50 ms", noop_ms <= 50 ? "PASS" : "FAIL");
  row ("changes written or imported by those passes", noop_new, "events", "0", noop_new == 0 ? "PASS" : "FAIL");

  g_print ("RESULT province_offices %d offices\n", n_offices);
  g_print ("RESULT province_files %u files\n", province_files);
  g_print ("RESULT province_events %u events\n", province_events);
  g_print ("RESULT province_import_s %.3f s\n", province_s);
  g_print ("RESULT province_s_per_1800k %.3f s\n", province_s * 1.8e6 / MAX (province_events, 1));
  g_print ("RESULT province_stats_s %.3f s\n", stats_s);
  g_print ("RESULT noop_stations %d stations\n", n_stations + 1);
  g_print ("RESULT noop_files %u files\n", noop_files);
  g_print ("RESULT noop_first_pass_s %.3f s\n", first_pass_s);
  g_print ("RESULT noop_pass_ms %.3f ms\n", noop_ms);
  g_print ("RESULT noop_new %u events\n", noop_new);
  return 0;
}
