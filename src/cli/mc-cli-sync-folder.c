/* mc-cli-sync-folder.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* motcua-cli sync --dir DIR: one pass through the folder the office's workstations share. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-bundle.h"
#include "mc-cli.h"
#include "mc-sync-folder.h"

static const char *
note_kind_name (McSyncNoteKind kind)
{
  switch (kind)
    {
    case MC_SYNC_NOTE_INCOMPLETE:
      return "incomplete";
    case MC_SYNC_NOTE_DAMAGED:
      return "damaged";
    case MC_SYNC_NOTE_OTHER_OFFICE:
      return "other-office";
    case MC_SYNC_NOTE_NEWER_VERSION:
      return "newer-version";
    case MC_SYNC_NOTE_NO_KEY:
      return "no-key";
    case MC_SYNC_NOTE_REFUSED:
      return "refused";
    case MC_SYNC_NOTE_UNREADABLE:
      return "unreadable";
    case MC_SYNC_NOTE_NOT_WRITTEN:
    default:
      return "not-written";
    }
}

static void
print_report_json (McSyncReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  mc_json_add_string (builder, "folder", report->folder);
  mc_json_add_string (builder, "written", report->written);
  mc_json_add_int (builder, "written_events", report->n_written);
  mc_json_add_int (builder, "written_dossiers", report->n_written_dossiers);
  mc_json_add_int (builder, "files_imported", report->n_files_imported);
  mc_json_add_int (builder, "imported_events", report->n_imported);
  mc_json_add_int (builder, "dossiers", report->n_dossiers);
  mc_json_add_int (builder, "compacted", report->n_compacted);
  mc_json_add_int (builder, "waiting", report->n_waiting);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->notes->len; i++)
    {
      McSyncNote *note = g_ptr_array_index (report->notes, i);

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "file", note->file);
      mc_json_add_string (builder, "problem", note_kind_name (note->kind));
      mc_json_add_string (builder, "message", note->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  mc_json_add_strings (builder, "gaps", report->gaps);
  mc_json_add_strings (builder, "conflicts", report->conflicts);
  json_builder_end_object (builder);
  mc_cli_print_json (builder);
}

static void
print_report_text (McSyncReport *report)
{
  if (report->written != NULL)
    /* Translators: how many dossiers, then the folder, then the file's name */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Sent the changes to %u dossier to %s as %s\n",
                          "Sent the changes to %u dossiers to %s as %s\n", report->n_written_dossiers),
             report->n_written_dossiers, report->folder, report->written);
  else
    g_print ("%s\n", _("Nothing new to send."));
  if (report->n_files_imported > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Received the changes to %u dossier\n",
                          "Received the changes to %u dossiers\n", report->n_dossiers), report->n_dossiers);
  else
    g_print ("%s\n", _("Nothing new to receive."));
  if (report->n_compacted > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u older file of this workstation merged\n",
                          "%u older files of this workstation merged\n", report->n_compacted), report->n_compacted);
  for (guint i = 0; i < report->conflicts->len; i++)
    g_print (_("Changed at two workstations at once: %s\n"), (const char *) g_ptr_array_index (report->conflicts, i));
  for (guint i = 0; i < report->gaps->len; i++)
    g_print (_("Missing: %s\n"), (const char *) g_ptr_array_index (report->gaps, i));
  for (guint i = 0; i < report->notes->len; i++)
    {
      McSyncNote *note = g_ptr_array_index (report->notes, i);

      g_printerr ("%s: %s\n", note->file, note->message);
    }
}

int
mc_cmd_sync (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *dir = NULL;
  GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("The folder the office's workstations share"), "DIR" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McSyncReport) report = NULL;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || dir == NULL)
    return mc_cli_usage_error (_("sync needs --dir DIR"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  if (!mc_bundle_is_aggregator (cli->store) && !mc_cli_ensure_sync_key (cli, FALSE, &error))
    return mc_cli_fail (error);
  report = mc_sync_folder_pass (cli->store, dir, NULL, &error);
  if (report == NULL)
    return mc_cli_fail (error);
  if (cli->json)
    print_report_json (report);
  else
    print_report_text (report);
  /* This workstation's own changes did not reach the folder: a script must know. */
  for (guint i = 0; i < report->notes->len; i++)
    if (((McSyncNote *) g_ptr_array_index (report->notes, i))->kind == MC_SYNC_NOTE_NOT_WRITTEN)
      return EXIT_USER;
  return EXIT_OK;
}
