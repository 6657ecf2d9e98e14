/* mc-cli-office.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The office's shared settings: shown, and changed one at a time as an event that syncs like the desk's
 * Preferences. The keys, what each accepts and its checks are the office module's (mc-office.c). */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-calendar.h"
#include "mc-cli.h"
#include "mc-office.h"
#include "mc-procedure.h"
#include "mc-procedure-steps.h"

static int
show_settings (McCli *cli)
{
  const McOffice *office = mc_store_get_office (cli->store);
  const char * const *keys = mc_office_shared_keys ();

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_autofree char *value = mc_office_get_value (office, keys[i]);
          mc_json_add_string (builder, keys[i], value);
        }
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
      return EXIT_OK;
    }
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = mc_office_get_value (office, keys[i]);
      g_print ("%s = %s\n", keys[i], value != NULL ? value : "");
    }
  return EXIT_OK;
}

static int
set_setting (McCli      *cli,
             const char *key,
             const char *value)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, (gpointer) key, (gpointer) value);
  if (!mc_store_set_office_values (cli->store, values, &error))
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, key, value);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    /* Translators: %s is a setting's key, then its new value */
    g_print (_("%s is now “%s”\n"), key, value);
  return EXIT_OK;
}

/* The procedure's time limit in working minutes, in this office's working day. */
static gint64
procedure_minutes (McCli       *cli,
                   McProcedure *procedure)
{
  const McOfficeHours *h = mc_calendar_get_hours (mc_store_get_calendar (cli->store));
  int day = (h->morning_close - h->morning_open) + (h->afternoon_close - h->afternoon_open);

  return mc_procedure_steps_total (procedure->unit, procedure->duration, day);
}

/* A procedure's internal procedure (docs/process.md), always as JSON: {"code", "default", "steps"}; "default"
 * when the catalogue gives none and the default split of the time limit applies. */
static int
print_steps (McCli       *cli,
             McProcedure *procedure)
{
  g_autoptr(GPtrArray) fallback = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean is_default = procedure->steps->len == 0;

  if (is_default)
    fallback = mc_procedure_steps_default (procedure_minutes (cli, procedure));
  json_builder_begin_object (builder);
  mc_json_add_string (builder, "code", procedure->code);
  mc_json_add_boolean (builder, "default", is_default);
  json_builder_set_member_name (builder, "steps");
  mc_procedure_steps_to_json (is_default ? fallback : procedure->steps, builder);
  json_builder_end_object (builder);
  mc_cli_print_json (builder);
  return EXIT_OK;
}

/* Replaces a procedure's steps: the catalogue entry as it stands with "steps" changed, as a catalogue event that
 * syncs. Dossiers already received keep the steps of their day. "[]" returns to the default split. */
static int
set_steps (McCli       *cli,
           McProcedure *procedure,
           const char  *steps_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) steps = json_from_string (steps_json, &error);
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(McProcedure) changed = NULL;

  if (steps == NULL)
    return mc_cli_usage_error (_("The steps are a list of {unit, role, hours}"));
  entry = mc_procedure_to_json_node (procedure);
  json_object_set_member (json_node_get_object (entry), "steps", g_steal_pointer (&steps));
  changed = mc_procedure_new_from_json (json_node_get_object (entry), &error);
  if (changed == NULL || !mc_procedure_steps_check_total (changed->steps, procedure_minutes (cli, changed), &error) ||
      !mc_store_set_procedure (cli->store, changed, &error))
    return mc_cli_fail (error);
  return print_steps (cli, changed);
}

static int
office_steps (McCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McProcedure) procedure = NULL;
  int status;

  if (argc == 4)
    cli->needs |= MC_CLI_NEEDS_ADMIN;
  if (!mc_cli_prepare (cli, &status))
    return status;
  procedure = mc_store_get_procedure (cli->store, argv[2], &error);
  if (procedure == NULL)
    return mc_cli_fail (error);
  return argc == 4 ? set_steps (cli, procedure, argv[3]) : print_steps (cli, procedure);
}

int
mc_cmd_office (McCli  *cli,
               int     argc,
               char  **argv)
{
  int status;

  if (!mc_cli_parse_options ("show | set KEY VALUE | steps PROCEDURE [STEPS]", NULL, &argc, &argv, &status))
    return status;
  if (argc == 1 || (argc == 2 && g_str_equal (argv[1], "show")))
    {
      if (!mc_cli_prepare (cli, &status))
        return status;
      return show_settings (cli);
    }
  if (argc == 4 && g_str_equal (argv[1], "set"))
    {
      /* Changing what every station of the office prints is the administrator's. */
      cli->needs |= MC_CLI_NEEDS_ADMIN;
      if (!mc_cli_prepare (cli, &status))
        return status;
      return set_setting (cli, argv[2], argv[3]);
    }
  if ((argc == 3 || argc == 4) && g_str_equal (argv[1], "steps"))
    return office_steps (cli, argc, argv);
  return mc_cli_usage_error (_("office needs “show”, “set KEY VALUE” or “steps PROCEDURE [STEPS]”"));
}
