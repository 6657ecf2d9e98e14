/* mc-cli-sync.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sync between the office's workstations and with the level above: the passphrase, other offices' keys,
 * bundles written and read. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "mc-bundle.h"
#include "mc-cli.h"

static char *
read_passphrase (const char *prompt)
{
  return mc_cli_read_secret ("MOTCUA_SYNC_PASSPHRASE", prompt);
}

/* Makes sure this station holds the office's sync key, asking for the passphrase when it does not. For an
 * import (@offer_only), a passphrase given is only offered: kept once the import succeeds, so that a refused
 * import writes nothing, not even the key. */
gboolean
mc_cli_ensure_sync_key (McCli    *cli,
                        gboolean  offer_only,
                        GError  **error)
{
  g_autofree char *passphrase = NULL;
  const char *env = g_getenv ("MOTCUA_SYNC_PASSPHRASE");

  if (mc_bundle_has_key (cli->store) && (env == NULL || *env == '\0'))
    return TRUE;
  passphrase = read_passphrase (_("Office sync passphrase: "));
  if (passphrase == NULL)
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NO_KEY,
                           _("No sync passphrase is set on this station: set MOTCUA_SYNC_PASSPHRASE or run "
                             "motcua-cli passphrase on a terminal"));
      return FALSE;
    }
  /* The key held already, typed again, changes nothing and is anyone's to use; another is the administrator's. */
  if (!mc_bundle_offer_passphrase (cli->store, passphrase, error))
    return FALSE;
  return offer_only || mc_bundle_keep_offered_key (cli->store, error);
}

int
mc_cmd_passphrase (McCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  int status;

  if (!mc_cli_parse_options (NULL, NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return mc_cli_usage_error (_("passphrase takes no arguments"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  first = read_passphrase (_("New office sync passphrase: "));
  if (first == NULL)
    return mc_cli_fail_message (_("Give the passphrase in MOTCUA_SYNC_PASSPHRASE or type it on a terminal"));
  if (g_getenv ("MOTCUA_SYNC_PASSPHRASE") == NULL || *g_getenv ("MOTCUA_SYNC_PASSPHRASE") == '\0')
    {
      second = read_passphrase (_("Type it again: "));
      if (g_strcmp0 (first, second) != 0)
        return mc_cli_fail_message (_("The two passphrases differ; nothing was changed"));
    }
  if (!mc_bundle_set_passphrase (cli->store, first, &error))
    return mc_cli_fail (error);
  if (!cli->json)
    g_print ("%s\n", _("The sync key is stored on this station. Every station of the office must use the same passphrase."));
  return EXIT_OK;
}

int
mc_cmd_office_key (McCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase = NULL;
  int status;

  if (!mc_cli_parse_options ("OFFICE-CODE", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("office-key needs the code of the office whose bundles this database will import"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  passphrase = read_passphrase (_("That office's sync passphrase: "));
  if (passphrase == NULL)
    return mc_cli_fail_message (_("Give the passphrase in MOTCUA_SYNC_PASSPHRASE or type it on a terminal"));
  /* The level above: it imports many offices' bundles and keeps each office's dossiers apart. */
  if (!mc_bundle_add_office_key (cli->store, argv[1], passphrase, &error) ||
      !mc_bundle_set_aggregator (cli->store, TRUE, &error))
    return mc_cli_fail (error);
  if (!cli->json)
    g_print (_("This database now imports the bundles of office %s.\n"), argv[1]);
  return EXIT_OK;
}

static void
export_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  if (isatty (STDERR_FILENO) && total > 0)
    g_printerr ("\r%u / %u", done, total);
}

int
mc_cmd_export (McCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *output = NULL;
  gboolean full = FALSE, documents = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The bundle file to write (.motcua)"), "FILE" },
    { "full", 0, 0, G_OPTION_ARG_NONE, &full, N_("Every event, not only those not exported before"), NULL },
    { "documents", 0, 0, G_OPTION_ARG_NONE, &documents,
      N_("With the digitised documents the exported events refer to"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  guint n = 0, n_documents = 0;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || output == NULL)
    return mc_cli_usage_error (_("export needs -o FILE"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  if (!mc_cli_ensure_sync_key (cli, FALSE, &error) ||
      !mc_bundle_export (cli->store, output,
                         (full ? MC_BUNDLE_EXPORT_FULL : 0) | (documents ? MC_BUNDLE_EXPORT_DOCUMENTS : 0),
                         export_progress, NULL, &n, &n_documents, &error))
    return mc_cli_fail (error);
  if (isatty (STDERR_FILENO))
    g_printerr ("\n");
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "file", output);
      mc_json_add_int (builder, "events", n);
      mc_json_add_boolean (builder, "full", full);
      mc_json_add_int (builder, "documents", n_documents);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u event exported to %s\n", "%u events exported to %s\n", n), n,
               output);
      if (documents)
        g_print (g_dngettext (GETTEXT_PACKAGE, "with %u digitised document\n", "with %u digitised documents\n",
                              n_documents), n_documents);
    }
  return EXIT_OK;
}

static void
print_preview (McCli           *cli,
               McImportPreview *preview,
               gboolean         applied)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "office_code", preview->office_code);
      mc_json_add_string (builder, "source_station_id", preview->source_station_id);
      mc_json_add_int (builder, "source_station", preview->source_station);
      mc_json_add_string (builder, "created", preview->created);
      mc_json_add_int (builder, "events", preview->n_events);
      mc_json_add_int (builder, "new", preview->n_new);
      mc_json_add_int (builder, "known", preview->n_known);
      mc_json_add_int (builder, "skipped", preview->n_skipped);
      mc_json_add_int (builder, "dossiers", preview->n_dossiers);
      mc_json_add_int (builder, "documents", preview->n_documents);
      mc_json_add_strings (builder, "conflicts", preview->conflicts);
      mc_json_add_strings (builder, "gaps", preview->gaps);
      mc_json_add_boolean (builder, "applied", applied);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
      return;
    }
  g_print (_("Bundle of office %s from station %02d, made %s\n"), preview->office_code, preview->source_station,
           preview->created);
  g_print (_("%u events: %u new, %u already known; %u dossiers affected\n"), preview->n_events, preview->n_new,
           preview->n_known, preview->n_dossiers);
  if (preview->n_documents > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "with %u digitised document\n", "with %u digitised documents\n",
                          preview->n_documents), preview->n_documents);
  for (guint i = 0; preview->conflicts && i < preview->conflicts->len; i++)
    g_print (_("Concurrent edits: %s\n"), (const char *) g_ptr_array_index (preview->conflicts, i));
  for (guint i = 0; preview->gaps && i < preview->gaps->len; i++)
    g_print (_("Missing events: %s\n"), (const char *) g_ptr_array_index (preview->gaps, i));
  if (applied)
    g_print ("%s\n", preview->n_new > 0 ? _("Imported.") : _("Nothing new: the database is unchanged."));
  else
    g_print ("%s\n", _("Dry run: nothing was imported."));
}

int
mc_cmd_import (McCli  *cli,
               int     argc,
               char  **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the bundle and show what it holds, import nothing"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McImportPreview) preview = NULL;
  int status;

  if (!mc_cli_parse_options ("FILE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("import needs the bundle file"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  /* The level above opens each office's bundles with that office's key (office-key), not with its own. */
  if (!mc_bundle_is_aggregator (cli->store) && !mc_cli_ensure_sync_key (cli, TRUE, &error))
    return mc_cli_fail (error);
  if (dry_run)
    preview = mc_bundle_read_preview (cli->store, argv[1], &error);
  else if (!mc_bundle_import (cli->store, argv[1], &preview, &error))
    g_clear_pointer (&preview, mc_import_preview_free);
  if (preview == NULL)
    return mc_cli_fail (error);
  print_preview (cli, preview, !dry_run);
  return EXIT_OK;
}
