/* mc-cli-reports.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reports over the office's dossiers: the alerts, the statistics, the register book and the list of late
 * dossiers. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-document.h"
#include "mc-feedback.h"
#include "mc-late-list.h"
#include "mc-register.h"
#include "mc-stats.h"
#include "mc-stats-units.h"
#include "mc-cli.h"

int
mc_cmd_overdue (McCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *at = NULL;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("Evaluate at this moment instead of now"), "ISO" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
  McQuery query;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return mc_cli_usage_error (_("overdue takes no arguments"));
  mc_query_init (&query);
  if (at != NULL && !mc_time_parse (at, &query.now, &error))
    return mc_cli_fail (error);
  if (!mc_cli_prepare (cli, &status))
    return status;

  query.due_state_mask = (1u << MC_DUE_STATE_OVERDUE) | (1u << MC_DUE_STATE_DUE_SOON);
  query.step_overdue = TRUE;
  query.sort = MC_SORT_DUE;
  query.limit = 1000;
  /* Page through all of them: an unattended check must not stop at the first thousand. */
  for (;;)
    {
      g_autoptr(GPtrArray) page = mc_store_query (cli->store, &query, &error);
      McDossier *last;

      if (page == NULL)
        return mc_cli_fail (error);
      if (page->len == 0)
        break;
      last = g_ptr_array_index (page, page->len - 1);
      query.has_after = TRUE;
      query.after_key = last->due;
      query.after_id = last->row_id;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (dossiers, mc_dossier_ref (g_ptr_array_index (page, i)));
      if (page->len < query.limit)
        break;
    }
  status = mc_cli_print_dossier_list (cli, dossiers, query.now);
  /* Feedback answered late is an alert too; on standard error, so the list's format stays as it was. */
  {
    gint64 late = mc_store_count_overdue_feedback (cli->store,
                                                   mc_minute_jdn (query.now ? query.now : mc_time_now ()), NULL);

    if (late > 0)
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u citizen's feedback is past the day its answer was due "
                                                "(motcua-cli feedback list --open)\n",
                               "%u citizens' feedback entries are past the day their answer was due "
                               "(motcua-cli feedback list --open)\n", (gulong) late), (guint) late);
  }
  return status;
}

/* The period of stats, register and late-list. */
#define PERIOD_OPTIONS(from, to) \
  { "from", 0, 0, G_OPTION_ARG_STRING, &(from), N_("First day of the period"), "DATE" }, \
  { "to", 0, 0, G_OPTION_ARG_STRING, &(to), N_("Last day of the period"), "DATE" }

static gboolean
parse_period (const char  *from_text,
              const char  *to_text,
              int         *from,
              int         *to,
              GError     **error)
{
  if (!mc_date_parse (from_text, from, error) || !mc_date_parse (to_text, to, error))
    return FALSE;
  if (*to < *from)
    {
      g_set_error_literal (error, MC_TIME_ERROR, MC_TIME_ERROR_INVALID, _("The period ends before it starts"));
      return FALSE;
    }
  return TRUE;
}

int
mc_cmd_stats (McCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *from_text = NULL, *to_text = NULL, *office = NULL;
  GOptionEntry entries[] = {
    PERIOD_OPTIONS (from_text, to_text),
    { "office", 0, 0, G_OPTION_ARG_STRING, &office, N_("Only this office's dossiers (level above)"), "CODE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McStats) stats = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) unit_builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  int status, from, to;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || from_text == NULL || to_text == NULL)
    return mc_cli_usage_error (_("stats needs --from DATE and --to DATE"));
  if (!parse_period (from_text, to_text, &from, &to, &error))
    return mc_cli_fail (error);
  if (!mc_cli_prepare (cli, &status))
    return status;
  stats = mc_stats_compute (cli->store, from, to, mc_time_now (), office, &error);
  if (stats == NULL)
    return mc_cli_fail (error);
  units = mc_stats_per_unit (cli->store, from, to, mc_time_now (), &error);
  if (units == NULL)
    return mc_cli_fail (error);
  mc_stats_to_json (stats, builder);
  root = json_builder_get_root (builder);
  mc_stats_per_unit_to_json (units, unit_builder);
  json_object_set_member (json_node_get_object (root), "per_unit", json_builder_get_root (unit_builder));
  if (cli->json)
    mc_cli_print_json_node (root);
  else
    {
      JsonObject *o = json_node_get_object (root);
      JsonNode *rate = json_object_get_member (o, "on_time_rate");

      /* Plain %lld: xgettext cannot see through G_GINT64_FORMAT. */
      g_print (_("Received: %lld  carried over: %lld\n"),
               (long long) json_object_get_int_member_with_default (o, "received", 0),
               (long long) json_object_get_int_member_with_default (o, "carried_over", 0));
      g_print (_("Settled: %lld (early %lld, on time %lld, late %lld)\n"),
               (long long) json_object_get_int_member_with_default (o, "settled", 0),
               (long long) json_object_get_int_member_with_default (o, "early", 0),
               (long long) json_object_get_int_member_with_default (o, "on_time", 0),
               (long long) json_object_get_int_member_with_default (o, "late", 0));
      g_print (_("In progress: %lld (overdue %lld)\n"),
               (long long) json_object_get_int_member_with_default (o, "in_progress", 0),
               (long long) json_object_get_int_member_with_default (o, "overdue", 0));
      if (rate != NULL && !JSON_NODE_HOLDS_NULL (rate))
        g_print (_("On-time rate: %.2f%%\n"), json_node_get_double (rate) * 100);
    }
  return EXIT_OK;
}

/* One of the period's books: the register, or the late dossiers. */
typedef struct
{
  gboolean    late;
  const char *from_text;
  const char *to_text;
  const char *sector;   /* the register only */
  const char *output;
} Book;

/* Writes @book to its output, as CSV or PDF by its suffix, once the command's @argc and options are right
 * (@needs says what it needs; @not_pdf_or_csv, which suffixes it takes). The writers record the export in the
 * audit log: both books hold personal data. */
static int
write_book (McCli      *cli,
            const Book *book,
            int         argc,
            const char *needs,
            const char *not_pdf_or_csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDocument) document = NULL;
  const char *output = book->output;
  gboolean late = book->late;
  gboolean csv, written;
  int status, from, to;

  if (argc > 1 || book->from_text == NULL || book->to_text == NULL || output == NULL)
    return mc_cli_usage_error (needs);
  csv = g_str_has_suffix (output, ".csv");
  if (!csv && !g_str_has_suffix (output, ".pdf"))
    return mc_cli_usage_error (not_pdf_or_csv);
  if (!parse_period (book->from_text, book->to_text, &from, &to, &error))
    return mc_cli_fail (error);
  if (!mc_cli_prepare (cli, &status))
    return status;
  if (csv)
    written = late ? mc_late_list_write_csv (cli->store, from, to, output, &error)
                   : mc_register_write_csv (cli->store, from, to, book->sector, output, &error);
  else
    {
      document = late ? mc_late_list_render (cli->store, from, to, &error)
                      : mc_register_render (cli->store, from, to, book->sector, &error);
      written = document != NULL && mc_document_write_pdf (document, output, &error);
    }
  if (!written)
    return mc_cli_fail (error);
  return EXIT_OK;
}

int
mc_cmd_register (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *from_text = NULL, *to_text = NULL, *sector = NULL, *output = NULL;
  GOptionEntry entries[] = {
    PERIOD_OPTIONS (from_text, to_text),
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("Only this sector, e.g. “Hộ tịch”"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("FILE.pdf or FILE.csv"), "FILE" },
    { NULL }
  };
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  status = write_book (cli, &(Book) { FALSE, from_text, to_text, sector, output }, argc,
                       _("register needs --from DATE, --to DATE and -o FILE.pdf or FILE.csv"),
                       _("The register is written as .pdf or .csv"));
  if (status != EXIT_OK)
    return status;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "file", output);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print (_("Register written to %s\n"), output);
  return EXIT_OK;
}

int
mc_cmd_late_list (McCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *from_text = NULL, *to_text = NULL, *output = NULL;
  GOptionEntry entries[] = {
    PERIOD_OPTIONS (from_text, to_text),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("FILE.pdf or FILE.csv"), "FILE" },
    { NULL }
  };
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  status = write_book (cli, &(Book) { TRUE, from_text, to_text, NULL, output }, argc,
                       _("late-list needs --from DATE, --to DATE and -o FILE.pdf or FILE.csv"),
                       _("The list is written as .pdf or .csv"));
  if (status != EXIT_OK)
    return status;
  g_print (_("List written to %s\n"), output);
  return EXIT_OK;
}
