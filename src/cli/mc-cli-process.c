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

int
mc_cmd_handover (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *to = NULL, *person = NULL, *at = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The unit that receives the dossier"), "UNIT" },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The person of that unit who receives it"), "NAME" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it was handed over (default: now)"), "ISO" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the control sheet"), "TEXT" },
    { NULL }
  };
  g_autoptr(JsonObject) payload = json_object_new ();
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || to == NULL)
    return mc_cli_usage_error (_("handover needs a dossier code and --to UNIT"));
  if (at != NULL && !mc_cli_set_time (payload, "at", at, &status))
    return status;
  json_object_set_string_member (payload, "to", to);
  if (person != NULL)
    json_object_set_string_member (payload, "person", person);
  if (note != NULL)
    json_object_set_string_member (payload, "note", note);
  return mc_cli_record (cli, argv[1], MC_EVENT_HANDED_OVER, payload, NULL, NULL);
}

int
mc_cmd_transfer (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *to = NULL, *reason = NULL, *at = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The competent body the dossier is sent to"), "BODY" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (recorded with the dossier)"), "TEXT" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it was transferred (default: now)"), "ISO" },
    { NULL }
  };
  g_autoptr(JsonObject) payload = json_object_new ();
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || to == NULL || reason == NULL)
    return mc_cli_usage_error (_("transfer needs a dossier code, --to BODY and --reason TEXT"));
  if (at != NULL && !mc_cli_set_time (payload, "at", at, &status))
    return status;
  json_object_set_string_member (payload, "to", to);
  json_object_set_string_member (payload, "reason", reason);
  return mc_cli_record (cli, argv[1], MC_EVENT_TRANSFERRED, payload, NULL, NULL);
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
