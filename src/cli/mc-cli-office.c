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

#include "mc-cli.h"
#include "mc-office.h"

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
          mc_cli_json_add_string (builder, keys[i], value);
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
      mc_cli_json_add_string (builder, key, value);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    /* Translators: %s is a setting's key, then its new value */
    g_print (_("%s is now “%s”\n"), key, value);
  return EXIT_OK;
}

int
mc_cmd_office (McCli  *cli,
               int     argc,
               char  **argv)
{
  int status;

  if (!mc_cli_parse_options ("show | set KEY VALUE", NULL, &argc, &argv, &status))
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
  return mc_cli_usage_error (_("office needs “show” or “set KEY VALUE”"));
}
