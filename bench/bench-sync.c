/* bench-sync.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sync throughput: a full export of a generated office database, its import into a new workstation of the same
 * office, and the re-import of the same bundle (which must change nothing), each also as events per second and
 * as the processor time it took (a loaded machine stretches the wall-clock figures, not these). Prints figures;
 * asserts nothing: a table for people, then "RESULT key value unit" lines for bench/run.
 *
 *   motcua-bench-sync --db GENERATED.db      (e.g. made by motcua-generate --dossiers 33000: ~100,000 events) */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "mc-bundle.h"
#include "mc-store.h"

/* Processor time of this process so far, user and system, in seconds. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
row (const char *figure,
     double      value,
     const char *unit,
     const char *budget,
     const char *verdict)
{
  g_print ("%-44s %12.3f %-8s %-26s %s\n", figure, value, unit, budget, verdict);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "A generated database", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("motcua-bench-sync-XXXXXX", NULL);
  g_autofree char *bundle = g_build_filename (dir, "full.motcua", NULL);
  g_autofree char *target_db = g_build_filename (dir, "station2.db", NULL);
  g_autoptr(McStore) source = NULL;
  g_autoptr(McStore) target = NULL;
  g_autoptr(McImportPreview) preview = NULL;
  g_autoptr(McImportPreview) again = NULL;
  McStoreSetup setup = { 0 };
  const char *passphrase = "mat-khau-dong-bo-bench";
  guint n = 0;
  gint64 t0;
  double export_s, import_s, reimport_s, import_cpu_s, reimport_cpu_s, c0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL)
    {
      g_printerr ("usage: motcua-bench-sync --db GENERATED.db\n");
      return 2;
    }

  source = mc_store_open (db, FALSE, &error);
  if (source == NULL)
    g_error ("%s", error->message);
  if (!mc_bundle_set_passphrase (source, passphrase, &error))
    g_error ("%s", error->message);

  t0 = g_get_monotonic_time ();
  if (!mc_bundle_export (source, bundle, MC_BUNDLE_EXPORT_FULL, NULL, NULL, &n, NULL, &error))
    g_error ("%s", error->message);
  export_s = (g_get_monotonic_time () - t0) / 1e6;

  target = mc_store_open (target_db, TRUE, &error);
  setup.office_code = mc_store_get_office (source)->code;
  setup.office_name = mc_store_get_office (source)->name;
  setup.station = 2;
  setup.clerk = "Bench";
  if (target == NULL || !mc_store_setup (target, &setup, &error) ||
      !mc_bundle_set_passphrase (target, passphrase, &error))
    g_error ("%s", error->message);

  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  if (!mc_bundle_import (target, bundle, &preview, &error))
    g_error ("%s", error->message);
  import_s = (g_get_monotonic_time () - t0) / 1e6;
  import_cpu_s = cpu_seconds () - c0;

  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  if (!mc_bundle_import (target, bundle, &again, &error))
    g_error ("%s", error->message);
  reimport_s = (g_get_monotonic_time () - t0) / 1e6;
  reimport_cpu_s = cpu_seconds () - c0;

  g_print ("%-44s %12s %-8s %-26s %s\n", "figure", "value", "unit", "budget", "verdict");
  row ("events in the bundle", n, "events", "", "");
  row ("full export", export_s, "s", "<= 5 s per 100k events", export_s * 100000.0 / MAX (n, 1) <= 5 ? "PASS" : "FAIL");
  row ("import into a new workstation", import_s, "s", "", "");
  row ("  as events per second", n / MAX (import_s, 1e-6), "events/s", ">= 100,000 events/s",
       n / MAX (import_s, 1e-6) >= 100000 ? "PASS" : "FAIL");
  row ("  processor time", import_cpu_s, "s", "", "");
  row ("re-import of the same bundle", reimport_s, "s", "", "");
  row ("  as events per second", n / MAX (reimport_s, 1e-6), "events/s", ">= 1,000,000 events/s",
       n / MAX (reimport_s, 1e-6) >= 1000000 ? "PASS" : "FAIL");
  row ("  processor time", reimport_cpu_s, "s", "", "");
  row ("events new on re-import", again->n_new, "events", "0", again->n_new == 0 ? "PASS" : "FAIL");

  g_print ("RESULT events %u events\n", n);
  g_print ("RESULT export_s %.3f s\n", export_s);
  g_print ("RESULT export_s_per_100k %.3f s\n", export_s * 100000.0 / MAX (n, 1));
  g_print ("RESULT import_s %.3f s\n", import_s);
  g_print ("RESULT import_s_per_100k %.3f s\n", import_s * 100000.0 / MAX (n, 1));
  g_print ("RESULT import_events_per_s %.0f events/s\n", n / MAX (import_s, 1e-6));
  g_print ("RESULT import_cpu_s %.3f s\n", import_cpu_s);
  g_print ("RESULT reimport_s %.3f s\n", reimport_s);
  g_print ("RESULT reimport_events_per_s %.0f events/s\n", n / MAX (reimport_s, 1e-6));
  g_print ("RESULT reimport_cpu_s %.3f s\n", reimport_cpu_s);
  g_print ("RESULT reimport_new %u events\n", again->n_new);

  g_clear_object (&source);
  g_clear_object (&target);
  {
    g_autoptr(GError) ignored = NULL;
    char *rm_argv[] = { "rm", "-rf", dir, NULL };
    g_spawn_sync (NULL, rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &ignored);
  }
  return 0;
}
