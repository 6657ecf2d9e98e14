/* mc-cli-feedback.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feedback register (phản ánh, kiến nghị): entries, answers and the list. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-feedback.h"
#include "mc-cli.h"

static int
parse_day (const char *text,
           int        *jdn)
{
  *jdn = 0;
  return text == NULL || mc_date_parse (text, jdn, NULL);
}

int
mc_cmd_feedback (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *channel = NULL, *content = NULL, *citizen = NULL, *contact = NULL, *dossier = NULL;
  g_autofree char *procedure = NULL, *staff = NULL, *date = NULL, *answer = NULL;
  gboolean open_only = FALSE;
  GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("desk, phone, mail, email, portal or box (add)"), "C" },
    { "content", 0, 0, G_OPTION_ARG_STRING, &content, N_("What the citizen says (add)"), "TEXT" },
    { "citizen", 0, 0, G_OPTION_ARG_STRING, &citizen, N_("Who gave it (add)"), "NAME" },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, N_("Telephone or address for the answer (add)"), "TEXT" },
    { "dossier", 0, 0, G_OPTION_ARG_STRING, &dossier, N_("About this dossier (add)"), "CODE" },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &procedure, N_("About this procedure (add)"), "CODE" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("About this staff member (add)"), "NAME" },
    { "answer", 0, 0, G_OPTION_ARG_STRING, &answer, N_("The office's answer (answer)"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it arrived or was answered, YYYY-MM-DD (default today)"),
      "DATE" },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only those awaiting an answer (list)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int status, jdn;

  if (!mc_cli_parse_options ("add | answer ID | list", entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return mc_cli_usage_error (_("feedback needs add, answer or list"));
  if (!parse_day (date, &jdn))
    return mc_cli_usage_error (_("--date is a day written YYYY-MM-DD"));
  /* Reading the register needs no office; writing in it does. */
  if (!g_str_equal (argv[1], "list"))
    cli->needs |= MC_CLI_NEEDS_OFFICE;
  if (!mc_cli_prepare (cli, &status))
    return status;

  if (g_str_equal (argv[1], "add") && argc == 2)
    {
      McFeedbackInput input = { channel ? channel : "desk", citizen, contact, dossier, procedure, staff, content, jdn };
      g_autofree char *uuid = mc_store_record_feedback (cli->store, &input, &error);
      g_autoptr(McFeedback) f = NULL;

      if (uuid == NULL)
        return mc_cli_fail (error);
      f = mc_store_get_feedback (cli->store, uuid, &error);
      if (f == NULL)
        return mc_cli_fail (error);
      if (cli->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autofree char *due = mc_date_format_iso (f->due_jdn);

          json_builder_begin_object (builder);
          mc_json_add_string (builder, "id", uuid);
          mc_json_add_string (builder, "due", due);
          json_builder_end_object (builder);
          mc_cli_print_json (builder);
        }
      else
        {
          g_autofree char *due = mc_date_format_iso (f->due_jdn);
          g_print (_("Feedback %.8s recorded; the answer is due by %s\n"), uuid, due);
        }
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "answer") && argc == 3)
    {
      if (answer == NULL)
        return mc_cli_usage_error (_("feedback answer needs --answer"));
      if (!mc_store_answer_feedback (cli->store, argv[2], answer, jdn, &error))
        return mc_cli_fail (error);
      if (!cli->json)
        g_print (_("Answer recorded.\n"));
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "list") && argc == 2)
    {
      g_autoptr(GPtrArray) list = mc_store_list_feedback (cli->store, open_only, &error);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      int today = mc_minute_jdn (mc_time_now ());

      if (list == NULL)
        return mc_cli_fail (error);
      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          McFeedback *f = g_ptr_array_index (list, i);
          g_autofree char *received = mc_date_format_iso (f->received_jdn);
          g_autofree char *due = mc_date_format_iso (f->due_jdn);
          g_autofree char *answered = f->answer ? mc_date_format_iso (f->answered_jdn) : NULL;
          gboolean overdue = f->answer == NULL && f->due_jdn < today;

          if (cli->json)
            {
              json_builder_begin_object (builder);
              mc_json_add_string (builder, "id", f->uuid);
              mc_json_add_string (builder, "received", received);
              mc_json_add_string (builder, "channel", f->channel);
              mc_json_add_string (builder, "citizen", f->citizen);
              mc_json_add_string (builder, "contact", f->contact);
              mc_json_add_string (builder, "dossier", f->dossier_code);
              mc_json_add_string (builder, "procedure", f->procedure_code);
              mc_json_add_string (builder, "staff", f->staff);
              mc_json_add_string (builder, "content", f->content);
              mc_json_add_string (builder, "due", due);
              mc_json_add_string (builder, "answer", f->answer);
              mc_json_add_string (builder, "answered", answered);
              mc_json_add_boolean (builder, "overdue", overdue);
              json_builder_end_object (builder);
            }
          else
            {
              g_print ("%.8s  %s  %s%s%s\n    %s\n", f->uuid, received, mc_feedback_channel_label (f->channel),
                       f->citizen ? " — " : "", f->citizen ? f->citizen : "", f->content);
              if (f->answer)
                g_print (_("    answered %s: %s\n"), answered, f->answer);
              else
                g_print (overdue ? _("    OVERDUE: the answer was due by %s\n") : _("    answer due by %s\n"), due);
            }
        }
      json_builder_end_array (builder);
      if (cli->json)
        mc_cli_print_json (builder);
      else if (list->len == 0)
        g_print (_("No feedback recorded.\n"));
      return EXIT_OK;
    }
  return mc_cli_usage_error (_("feedback needs add, answer ID or list"));
}
