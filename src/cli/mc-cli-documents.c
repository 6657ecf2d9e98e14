/* mc-cli-documents.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The digitised documents of a dossier: attached from a file, scanned, listed and saved out again. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-attachment.h"
#include "mc-scanner.h"
#include "mc-cli.h"
#include "mc-private-file.h"

static void
print_attachments (McCli     *cli,
                   GPtrArray *list)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          McAttachment *a = g_ptr_array_index (list, i);

          json_builder_begin_object (builder);
          mc_json_add_string (builder, "component", a->component);
          mc_json_add_string (builder, "name", a->name);
          mc_json_add_string (builder, "hash", a->hash);
          mc_json_add_string (builder, "media_type", a->media_type);
          mc_json_add_string (builder, "source", a->source);
          mc_json_add_int (builder, "size", a->size);
          mc_json_add_string (builder, "at", a->occurred_at);
          mc_json_add_string (builder, "clerk", a->clerk);
          mc_json_add_boolean (builder, "present", a->present);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      mc_cli_print_json (builder);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      McAttachment *a = g_ptr_array_index (list, i);
      g_autofree char *size = g_format_size (a->size);

      g_print ("%u. %s — %s, %s (%s)%s\n   %s\n", i + 1, a->component, a->media_type, size, a->source, a->present ? "" : _(" — not on this workstation"), a->hash);
    }
  if (list->len == 0)
    g_print (_("No document of this dossier is digitised.\n"));
}

/* Prints the digitised documents of a dossier (its code or its uuid). */
static int
list_documents (McCli      *cli,
                const char *dossier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mc_store_list_attachments (cli->store, dossier, &error);

  if (list == NULL)
    return mc_cli_fail (error);
  print_attachments (cli, list);
  return EXIT_OK;
}

/* Keeps @data as a document of the dossier @code, then lists the dossier's documents. */
static int
attach_document (McCli      *cli,
                 const char *code,
                 const char *component,
                 const char *name,
                 const char *source,
                 GBytes     *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = mc_store_attach (cli->store, code, component, name, source, data, NULL, &error);

  if (dossier == NULL)
    return mc_cli_fail (error);
  return list_documents (cli, dossier->uuid);
}

int
mc_cmd_attach (McCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *component = NULL;
  GOptionEntry entries[] = {
    { "component", 0, 0, G_OPTION_ARG_STRING, &component,
      N_("Which document of the dossier it is (e.g. “Giấy chứng sinh”)"), "TEXT" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) data = NULL;
  gsize len = 0;
  int status;

  if (!mc_cli_parse_options ("CODE FILE", entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || component == NULL)
    return mc_cli_usage_error (_("attach needs a dossier code, a PDF or image file and --component"));
  if (!g_file_get_contents (argv[2], &contents, &len, &error))
    return mc_cli_fail (error);
  data = g_bytes_new_take (g_steal_pointer (&contents), len);
  name = g_path_get_basename (argv[2]);
  if (!mc_cli_prepare (cli, &status))
    return status;
  return attach_document (cli, argv[1], component, name, "file", data);
}

int
mc_cmd_scanners (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  int status;

  if (!mc_cli_parse_options (NULL, NULL, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return mc_cli_usage_error (_("scanners takes no argument"));
  devices = mc_scanner_list_devices (&error);
  if (devices == NULL)
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < devices->len; i++)
        {
          McScannerDevice *device = g_ptr_array_index (devices, i);

          json_builder_begin_object (builder);
          mc_json_add_string (builder, "name", device->name);
          mc_json_add_string (builder, "label", device->label);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      mc_cli_print_json (builder);
    }
  else if (devices->len == 0)
    g_print (_("No scanner found.\n"));
  else
    for (guint i = 0; i < devices->len; i++)
      {
        McScannerDevice *device = g_ptr_array_index (devices, i);
        g_print ("%s — %s\n", device->name, device->label);
      }
  return EXIT_OK;
}

int
mc_cmd_scan (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *component = NULL, *device = NULL;
  int dpi = 200;
  gboolean color = FALSE;
  GOptionEntry entries[] = {
    { "component", 0, 0, G_OPTION_ARG_STRING, &component,
      N_("Which document of the dossier it is (e.g. “Giấy chứng sinh”)"), "TEXT" },
    { "device", 0, 0, G_OPTION_ARG_STRING, &device, N_("The scanner (see motcua-cli scanners); the first by default"),
      "NAME" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("Resolution, 75 to 600 (200 by default)"), "N" },
    { "color", 0, 0, G_OPTION_ARG_NONE, &color, N_("In colour rather than grey"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *name = NULL;
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || component == NULL)
    return mc_cli_usage_error (_("scan needs a dossier code and --component"));
  if (dpi < 75 || dpi > 600)
    return mc_cli_usage_error (_("--dpi is between 75 and 600"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  /* The dossier first: a wrong code is said before the scanner moves. */
  dossier = mc_store_get_dossier (cli->store, argv[1], &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  if (device == NULL)
    {
      g_autoptr(GPtrArray) devices = mc_scanner_list_devices (&error);

      if (devices == NULL)
        return mc_cli_fail (error);
      if (devices->len == 0)
        return mc_cli_usage_error (_("No scanner found. Check that it is switched on and connected."));
      device = g_strdup (((McScannerDevice *) g_ptr_array_index (devices, 0))->name);
    }
  png = mc_scanner_scan_png (device, dpi, color, NULL, &error);
  if (png == NULL)
    return mc_cli_fail (error);
  {
    McMinute now = mc_time_now ();
    int y, m, d;

    mc_jdn_to_ymd (mc_minute_jdn (now), &y, &m, &d);
    name = g_strdup_printf ("scan-%04d%02d%02d-%02d%02d.png", y, m, d, mc_minute_of_day (now) / 60,
                            mc_minute_of_day (now) % 60);
  }
  return attach_document (cli, argv[1], component, name, "scanner", png);
}

int
mc_cmd_documents (McCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *output = NULL;
  int number = 0;
  GOptionEntry entries[] = {
    { "save", 0, 0, G_OPTION_ARG_INT, &number, N_("Save the document with this number to -o FILE"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to save it"), "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || (number != 0) != (output != NULL))
    return mc_cli_usage_error (_("documents needs a dossier code; --save N goes with -o FILE"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  list = mc_store_list_attachments (cli->store, argv[1], &error);
  if (list == NULL)
    return mc_cli_fail (error);
  if (number != 0)
    {
      g_autoptr(GBytes) data = NULL;
      McAttachment *a;

      if (number < 1 || (guint) number > list->len)
        return mc_cli_usage_error (_("There is no document with that number"));
      a = g_ptr_array_index (list, number - 1);
      data = mc_attachment_load (cli->store, a->hash, &error);
      if (data == NULL ||
          !mc_private_file_write (output, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error))
        return mc_cli_fail (error);
      if (!cli->json)
        g_print (_("Saved to %s\n"), output);
      return EXIT_OK;
    }
  print_attachments (cli, list);
  return EXIT_OK;
}
