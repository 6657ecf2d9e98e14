/* bench-register.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A commune's year: the register book as PDF and CSV, and the year's statistics. Prints figures; asserts
 * nothing: a table for people, then "RESULT key value unit" lines for bench/run.
 *   motcua-bench-register --db DEMO-YEAR.db --from 2025-11-21 --to 2026-11-20 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "mc-register.h"
#include "mc-stats.h"
#include "mc-store.h"
#include "mc-time.h"

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
  g_autofree char *db = NULL, *from_text = NULL, *to_text = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "A generated database", "PATH" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, "First day", "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, "Last day", "DATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("motcua-bench-register-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "register.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "register.csv", NULL);
  double pdf_s, csv_s, stats_s;
  int from, to, pages;
  gint64 t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || from_text == NULL || to_text == NULL ||
      !mc_date_parse (from_text, &from, NULL) || !mc_date_parse (to_text, &to, NULL))
    {
      g_printerr ("usage: motcua-bench-register --db PATH --from DATE --to DATE\n");
      return 2;
    }
  store = mc_store_open (db, FALSE, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  t0 = g_get_monotonic_time ();
  {
    g_autoptr(McDocument) document = mc_register_render (store, from, to, NULL, &error);

    if (document == NULL || !mc_document_write_pdf (document, pdf, &error))
      g_error ("%s", error->message);
    pages = mc_document_get_n_pages (document);
  }
  pdf_s = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  if (!mc_register_write_csv (store, from, to, NULL, csv, &error))
    g_error ("%s", error->message);
  csv_s = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  {
    g_autoptr(McStats) stats = mc_stats_compute (store, from, to, mc_time_now (), NULL, &error);
    if (stats == NULL)
      g_error ("%s", error->message);
  }
  stats_s = (g_get_monotonic_time () - t0) / 1e6;

  g_print ("%-44s %12s %-8s %-26s %s\n", "figure", "value", "unit", "budget", "verdict");
  row ("register PDF pages", pages, "pages", "", "");
  row ("register PDF, render and write", pdf_s, "s", "<= 2 s for a year", pdf_s <= 2 ? "PASS" : "FAIL");
  row ("register CSV", csv_s, "s", "", "");
  row ("statistics for the period", stats_s, "s", "", "");

  g_print ("RESULT register_pages %d pages\n", pages);
  g_print ("RESULT register_pdf_s %.3f s\n", pdf_s);
  g_print ("RESULT register_csv_s %.3f s\n", csv_s);
  g_print ("RESULT register_stats_s %.3f s\n", stats_s);
  g_unlink (pdf);
  g_unlink (csv);
  g_rmdir (dir);
  return 0;
}
