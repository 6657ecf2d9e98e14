/* mc-cli-workstation.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "mc-cli.h"

/* station [show]: this workstation's number and identity, and the workstations known. */
static int
show_stations (McCli *cli)
{
  g_autoptr(GError) error = NULL;
  const McOffice *office = mc_store_get_office (cli->store);
  g_autoptr(GPtrArray) stations = mc_store_list_stations (cli->store, &error);

  if (stations == NULL)
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_int (builder, "station", office->station);
      mc_json_add_string (builder, "station_id", office->station_id);
      json_builder_set_member_name (builder, "known");
      json_builder_begin_array (builder);
      for (guint i = 0; i < stations->len; i++)
        {
          McStoreStation *s = g_ptr_array_index (stations, i);

          json_builder_begin_object (builder);
          mc_json_add_string (builder, "office", s->office);
          mc_json_add_int (builder, "station", s->number);
          mc_json_add_string (builder, "station_id", s->station_id);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
      return EXIT_OK;
    }
  /* Translators: the station number, then the workstation's identity */
  g_print (_("This workstation: station %02d, identity %s\n"), office->station, office->station_id);
  for (guint i = 0; i < stations->len; i++)
    {
      McStoreStation *s = g_ptr_array_index (stations, i);

      g_print ("  %s  %02d  %s%s\n", s->office, s->number, s->station_id,
               g_strcmp0 (s->station_id, office->station_id) == 0 ? " *" : "");
    }
  return EXIT_OK;
}

/* station renumber N: this workstation takes another station number, free in its office. */
int
mc_cmd_station (McCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  const McOffice *office;
  guint64 number;
  int old, status;

  if (!mc_cli_parse_options ("[show | renumber N]", NULL, &argc, &argv, &status))
    return status;
  if (argc == 1 || (argc == 2 && g_str_equal (argv[1], "show")))
    {
      if (!mc_cli_prepare (cli, &status))
        return status;
      return show_stations (cli);
    }
  if (argc != 3 || !g_str_equal (argv[1], "renumber"))
    return mc_cli_usage_error (_("station takes: show, or renumber N"));
  /* Changing the number this workstation's codes carry is the administrator's. */
  cli->needs |= MC_CLI_NEEDS_ADMIN;
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, 99, &number, NULL))
    return mc_cli_usage_error (_("The station number must be between 1 and 99, and unique in the office"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  office = mc_store_get_office (cli->store);
  old = office->station;
  if (!mc_store_renumber_station (cli->store, (int) number, &error))
    return mc_cli_fail (error);
  /* The office was read again. */
  office = mc_store_get_office (cli->store);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_int (builder, "station", office->station);
      mc_json_add_int (builder, "previous", old);
      mc_json_add_string (builder, "station_id", office->station_id);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
      return EXIT_OK;
    }
  /* Translators: the old and the new station number */
  g_print (_("This workstation is now station %02d (it was %02d). Dossier codes issued before keep their "
             "number.\n"), office->station, old);
  return EXIT_OK;
}
