/* mc-generate.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* motcua-generate: a realistic database for the benchmarks, made by the same code as the app's demo mode
 * (mc_demo_generate): the office set up through the store, then every dossier's history written as events. */

#include "config.h"

#include <glib.h>
#include <locale.h>

#include "mc-demo.h"
#include "mc-time.h"

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  gint64 started = *(gint64 *) user_data;

  g_printerr ("%" G_GUINT64_FORMAT " / %" G_GUINT64_FORMAT " dossiers, %.0f s elapsed\n", done, total,
              (g_get_monotonic_time () - started) / 1e6);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *office_code = NULL;
  g_autofree char *end_text = NULL;
  gint64 n_dossiers = 0;
  gint64 seed = 1;
  int batch_size = 5000;
  int per_year = 6000;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database to create (must not exist)", "PATH" },
    { "dossiers", 0, 0, G_OPTION_ARG_INT64, &n_dossiers, "Number of dossiers", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)", "S" },
    { "office-code", 0, 0, G_OPTION_ARG_STRING, &office_code, "Office code (default 000.00.12.H40)", "C" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text, "Last day of receipts (default 2026-11-20)", "YYYY-MM-DD" },
    { "per-year", 0, 0, G_OPTION_ARG_INT, &per_year, "Dossiers a year (default 6000; raised so that the "
      "history spans at most 20 years)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch_size, "Dossiers per mc_store_apply_events call (default 5000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— generate a realistic Một Cửa database");
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  McStoreSetup setup = { 0 };
  McDemoStats stats = { 0 };
  gint64 started = g_get_monotonic_time ();
  int end_jdn;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (db_path == NULL || n_dossiers <= 0 || batch_size <= 0 || per_year <= 0)
    {
      g_printerr ("usage: motcua-generate --db PATH --dossiers N [--seed S] [--office-code C] [--end YYYY-MM-DD]\n");
      return 2;
    }
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists; the generator only creates new databases\n", db_path);
      return 2;
    }
  if (!mc_date_parse (end_text ? end_text : "2026-11-20", &end_jdn, &error))
    {
      g_printerr ("--end: %s\n", error->message);
      return 2;
    }

  store = mc_store_open (db_path, TRUE, &error);
  setup.office_code = office_code ? office_code : "000.00.12.H40";
  setup.office_name = "UBND xã Tân Lập";
  setup.parent_name = "ỦY BAN NHÂN DÂN XÃ TÂN LẬP";
  setup.place = "Tân Lập";
  setup.station = 1;
  setup.clerk = "Nguyễn Thị Lan";
  if (store == NULL || !mc_store_setup (store, &setup, &error) ||
      !mc_demo_generate (store,
                         &(McDemoOptions) { .n_dossiers = (guint64) n_dossiers, .seed = (guint32) seed,
                                            .end_jdn = end_jdn, .per_year = per_year,
                                            .batch_size = (guint) batch_size, .progress = progress_cb,
                                            .progress_data = &started },
                         &stats, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_printerr ("done: %" G_GUINT64_FORMAT " dossiers, %" G_GUINT64_FORMAT " events in %u batches; "
              "mc_store_apply_events %.1f s, total %.1f s (%.0f dossiers/s)\n",
              stats.dossiers, stats.events, stats.batches, stats.apply_seconds,
              (g_get_monotonic_time () - started) / 1e6,
              stats.dossiers / ((g_get_monotonic_time () - started) / 1e6));
  return 0;
}
