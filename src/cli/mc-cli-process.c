/* mc-cli-process.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The process behind the desk: hand-overs inside the office, a dossier's steps, transfers to another body. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-calendar.h"
#include "mc-cli.h"
#include "mc-dossier-steps.h"
#include "mc-event.h"
#include "mc-handover-list.h"
#include "mc-transfer-slip.h"

/* Writes @document to @output (the document records its own audit line), or fails with @render_error. */
static gboolean
write_document (McDocument  *document,
                GError      *render_error,
                const char  *output,
                int         *status)
{
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    {
      *status = mc_cli_fail (render_error);
      return FALSE;
    }
  if (!mc_document_write_pdf (document, output, &error))
    {
      *status = mc_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

/* One dossier or several at once (all or none), and the hand-over list (sổ giao nhận) when asked for. */
int
mc_cmd_handover (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *to = NULL, *person = NULL, *at = NULL, *note = NULL, *list_pdf = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The unit that receives the dossier"), "UNIT" },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The person of that unit who receives it"), "NAME" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it was handed over (default: now)"), "ISO" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the control sheet"), "TEXT" },
    { "list-pdf", 0, 0, G_OPTION_ARG_FILENAME, &list_pdf, N_("Also write the hand-over list to sign (PDF)"),
      "FILE.pdf" },
    { NULL }
  };
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(McDocument) list = NULL;
  int status;

  if (!mc_cli_parse_options ("CODE…", entries, &argc, &argv, &status))
    return status;
  if (argc < 2 || to == NULL)
    return mc_cli_usage_error (_("handover needs a dossier code and --to UNIT"));
  if (at != NULL && !mc_cli_set_time (payload, "at", at, &status))
    return status;
  json_object_set_string_member (payload, "to", to);
  if (person != NULL)
    json_object_set_string_member (payload, "person", person);
  if (note != NULL)
    json_object_set_string_member (payload, "note", note);
  if (argc == 2 && list_pdf == NULL)
    return mc_cli_record (cli, argv[1], MC_EVENT_HANDED_OVER, payload, NULL, NULL);

  if (!mc_cli_prepare (cli, &status))
    return status;
  node = json_node_init_object (json_node_alloc (), payload);
  after = mc_store_record_many (cli->store, (const char * const *) argv + 1, MC_EVENT_HANDED_OVER, node, NULL,
                                &error);
  if (after == NULL)
    return mc_cli_fail (error);
  if (list_pdf != NULL)
    {
      list = mc_handover_list_render (cli->store, after, &error);
      if (!write_document (list, error, list_pdf, &status))
        return status;
    }
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "handed_over");
      json_builder_begin_array (builder);
      for (guint i = 0; i < after->len; i++)
        json_builder_add_string_value (builder, ((McDossier *) g_ptr_array_index (after, i))->code);
      json_builder_end_array (builder);
      if (list_pdf != NULL)
        mc_json_add_string (builder, "list", list_pdf);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    {
      /* Translators: a count of dossiers, then the unit that received them */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u dossier handed over to %s\n", "%u dossiers handed over to %s\n",
                            after->len), after->len, to);
      if (list_pdf != NULL)
        /* Translators: %s is a file name */
        g_print (_("Hand-over list written to %s\n"), list_pdf);
    }
  return EXIT_OK;
}

int
mc_cmd_transfer (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *to = NULL, *reason = NULL, *at = NULL, *slip = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The competent body the dossier is sent to"), "BODY" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (recorded with the dossier)"), "TEXT" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it was transferred (default: now)"), "ISO" },
    { "slip", 0, 0, G_OPTION_ARG_FILENAME, &slip, N_("Also write the transfer slip (PDF)"), "FILE.pdf" },
    { NULL }
  };
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(McDossier) recorded = NULL;
  g_autoptr(McDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || to == NULL || reason == NULL)
    return mc_cli_usage_error (_("transfer needs a dossier code, --to BODY and --reason TEXT"));
  if (at != NULL && !mc_cli_set_time (payload, "at", at, &status))
    return status;
  json_object_set_string_member (payload, "to", to);
  json_object_set_string_member (payload, "reason", reason);
  status = mc_cli_record (cli, argv[1], MC_EVENT_TRANSFERRED, payload, NULL, &recorded);
  if (status != EXIT_OK)
    return status;
  /* The transfer is recorded whatever happens to the slip: it can be printed again (transfer-slip). */
  if (slip != NULL)
    {
      document = mc_transfer_slip_render (cli->store, recorded, &error);
      if (!write_document (document, error, slip, &status))
        return status;
    }
  mc_cli_print_dossier (cli, recorded);
  return EXIT_OK;
}

/* The slip of a dossier transferred already, printed again. */
int
mc_cmd_transfer_slip (McCli  *cli,
                      int     argc,
                      char  **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(McDocument) document = NULL;
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL)
    return mc_cli_usage_error (_("transfer-slip needs a dossier code and -o FILE.pdf"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  dossier = mc_store_get_dossier (cli->store, argv[1], &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  document = mc_transfer_slip_render (cli->store, dossier, &error);
  if (!write_document (document, error, output, &status))
    return status;
  /* Translators: %s is a file name */
  g_print (_("Transfer slip written to %s\n"), output);
  return EXIT_OK;
}

/* Always JSON: {"code", "steps": [...]} (docs/cli.md). */
int
mc_cmd_steps (McCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *at = NULL;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("Evaluate at this moment instead of now"), "ISO" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  McMinute now = mc_time_now ();
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("Give the dossier code"));
  if (at != NULL && !mc_time_parse (at, &now, &error))
    return mc_cli_fail (error);
  if (!mc_cli_prepare (cli, &status))
    return status;
  dossier = mc_store_get_dossier (cli->store, argv[1], &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  mc_dossier_steps_to_json (dossier, builder, mc_store_get_calendar (cli->store), now);
  mc_cli_print_json (builder);
  return EXIT_OK;
}
