/* motcua-cli.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "mc-accounts.h"
#include "mc-attachment.h"
#include "mc-backup.h"
#include "mc-bundle.h"
#include "mc-feedback.h"
#include "mc-post-list.h"
#include "mc-scanner.h"
#include "mc-declaration.h"
#include "mc-calendar.h"
#include "mc-document.h"
#include "mc-forms.h"
#include "mc-late-list.h"
#include "mc-posting.h"
#include "mc-register.h"
#include "mc-stats.h"
#include "mc-identity.h"
#include "mc-lunar.h"
#include "mc-store.h"
#include "mc-time.h"
#include "mc-cli.h"

typedef struct
{
  const char       *name;
  McCliCommandFunc  func;
  const char       *synopsis;
} McCliCommand;

/*
 * Commands
 */

static int
mc_cmd_post_list (McCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(McDocument) document = NULL;
  int status;

  if (!mc_cli_parse_options ("post-list", NULL, entries, &argc, &argv, &status))
    return status;
  if (argc != 1 || output == NULL)
    return mc_cli_usage_error (_("post-list needs -o FILE.pdf"));
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  dossiers = mc_post_list_dossiers (cli->store, &error);
  if (dossiers == NULL)
    return mc_cli_fail (error);
  document = mc_post_list_render (cli->store, &error);
  if (document == NULL || !mc_document_write_pdf (document, output, &error))
    return mc_cli_fail (error);
  mc_audit_record (cli->store, MC_AUDIT_PRINT, NULL, "post hand-over list", NULL);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_cli_json_add_string (builder, "file", output);
      json_builder_set_member_name (builder, "dossiers");
      json_builder_add_int_value (builder, dossiers->len);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u result to send by post, listed in %s\n",
                          "%u results to send by post, listed in %s\n", dossiers->len), dossiers->len, output);
  return EXIT_OK;
}

static int
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

  if (!mc_cli_parse_options ("overdue", NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return mc_cli_usage_error (_("overdue takes no arguments"));
  mc_query_init (&query);
  if (at != NULL && !mc_time_parse (at, &query.now, &error))
    return mc_cli_fail (error);
  if (!mc_cli_open_store (cli, FALSE, &status))
    return status;

  query.due_state_mask = (1u << MC_DUE_STATE_OVERDUE) | (1u << MC_DUE_STATE_DUE_SOON);
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

/* Still printable without the forms' font, but the clerk should know why letters look mixed. */
static void
warn_missing_fonts (void)
{
  g_autoptr(GError) error = NULL;

  if (!mc_document_check_fonts (&error))
    g_printerr ("motcua-cli: %s\n", error->message);
}

/* What a written form reports: its name, the dossier, the file and its pages. */
static int
print_written_form (McCli      *cli,
                    const char *form,
                    const char *code,
                    const char *output,
                    McDocument *document)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_cli_json_add_string (builder, "form", form);
      mc_cli_json_add_string (builder, "code", code);
      mc_cli_json_add_string (builder, "file", output);
      json_builder_set_member_name (builder, "pages");
      json_builder_add_int_value (builder, mc_document_get_n_pages (document));
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print (_("%s: %d page(s) written to %s\n"), form, mc_document_get_n_pages (document), output);
  return EXIT_OK;
}

/* Renders a form for a dossier into a PDF file; prints the file and page count. */
static int
write_form (McCli      *cli,
            McFormKind  kind,
            const char *code,
            const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(McDocument) document = NULL;

  warn_missing_fonts ();
  dossier = mc_store_get_dossier (cli->store, code, &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  events = mc_store_get_events (cli->store, dossier->uuid, &error);
  if (events == NULL)
    return mc_cli_fail (error);
  document = mc_form_render (kind, dossier, events, mc_store_get_office (cli->store), &error);
  if (document == NULL || !mc_document_write_pdf (document, output, &error))
    return mc_cli_fail (error);
  mc_audit_record (cli->store, MC_AUDIT_PRINT, dossier->code, mc_form_kind_to_string (kind), NULL);
  return print_written_form (cli, mc_form_kind_to_string (kind), dossier->code, output, document);
}

static int
mc_cmd_declaration (McCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) answer_args = NULL;
  gboolean show_fields = FALSE;
  GOptionEntry entries[] = {
    { "answer", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &answer_args, N_("One answer, as KEY=VALUE (repeat)"),
      "KEY=VALUE" },
    { "fields", 0, 0, G_OPTION_ARG_NONE, &show_fields, N_("List the form's fields and their current answers"),
      NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(McDossier) recorded = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(McDocument) document = NULL;
  McDeclaration *declaration;
  GPtrArray *fields;
  int status;

  if (!mc_cli_parse_options ("declaration", "CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || (output == NULL) == !show_fields)
    return mc_cli_usage_error (_("declaration needs a dossier code and either --fields or -o FILE.pdf"));
  if (!mc_cli_open_store (cli, output != NULL, &status))
    return status;
  dossier = mc_store_get_dossier (cli->store, argv[1], &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  declaration = mc_declaration_find (dossier->procedure_code);
  if (declaration == NULL)
    {
      g_set_error (&error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_NONE,
                   _("Procedure %s has no declaration form in Một Cửa"), dossier->procedure_code);
      return mc_cli_fail (error);
    }
  answers = mc_declaration_initial_answers (declaration, cli->store, dossier, &error);
  if (answers == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; answer_args && answer_args[i]; i++)
    {
      const char *eq = strchr (answer_args[i], '=');
      g_autofree char *key = eq ? g_strndup (answer_args[i], eq - answer_args[i]) : NULL;
      gboolean known = FALSE;

      fields = mc_declaration_get_fields (declaration);
      for (guint j = 0; key && j < fields->len; j++)
        known |= g_str_equal (((McDeclarationField *) g_ptr_array_index (fields, j))->key, key);
      if (!known)
        return mc_cli_usage_error (_("--answer takes KEY=VALUE with a key of the form (see --fields)"));
      g_hash_table_replace (answers, g_steal_pointer (&key), g_strdup (eq + 1));
    }

  fields = mc_declaration_get_fields (declaration);
  if (show_fields)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (!cli->json)
        g_print ("%s (%s)\n", mc_declaration_get_title (declaration), mc_declaration_get_id (declaration));
      json_builder_begin_array (builder);
      for (guint i = 0; i < fields->len; i++)
        {
          McDeclarationField *field = g_ptr_array_index (fields, i);
          const char *value = g_hash_table_lookup (answers, field->key);

          if (cli->json)
            {
              json_builder_begin_object (builder);
              mc_cli_json_add_string (builder, "key", field->key);
              mc_cli_json_add_string (builder, "label", field->label);
              json_builder_set_member_name (builder, "required");
              json_builder_add_boolean_value (builder, field->required);
              mc_cli_json_add_string (builder, "value", value);
              json_builder_end_object (builder);
            }
          else
            g_print ("%s%s — %s: %s\n", field->key, field->required ? " *" : "", field->label, value ? value : "");
        }
      json_builder_end_array (builder);
      if (cli->json)
        mc_cli_print_json (builder);
      return EXIT_OK;
    }

  warn_missing_fonts ();
  recorded = mc_declaration_record (declaration, cli->store, dossier, answers, &error);
  if (recorded == NULL)
    return mc_cli_fail (error);
  document = mc_declaration_render (declaration, cli->store, recorded, answers, &error);
  if (document == NULL || !mc_document_write_pdf (document, output, &error))
    return mc_cli_fail (error);
  mc_audit_record (cli->store, MC_AUDIT_PRINT, dossier->code, mc_declaration_get_id (declaration), NULL);
  return print_written_form (cli, mc_declaration_get_id (declaration), dossier->code, output, document);
}

static int
mc_cmd_slip (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  int status;

  if (!mc_cli_parse_options ("slip", "CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL)
    return mc_cli_usage_error (_("slip needs a dossier code and -o FILE.pdf"));
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  return write_form (cli, MC_FORM_SLIP, argv[1], output);
}

static int
mc_cmd_form (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  McFormKind kind;
  int status;

  if (!mc_cli_parse_options ("form", "KIND CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || output == NULL)
    return mc_cli_usage_error (_("form needs a kind (slip, supplement, refusal, apology, stop, control), a dossier "
                                 "code and -o FILE.pdf"));
  if (!mc_form_kind_from_string (argv[1], &kind))
    return mc_cli_usage_error (_("Unknown form; the kinds are slip, supplement, refusal, apology, stop and control"));
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  return write_form (cli, kind, argv[2], output);
}

static int
mc_cmd_apology (McCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *output = NULL, *reason = NULL, *new_due = NULL, *at = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the result is late"), "R" },
    { "new-due", 0, 0, G_OPTION_ARG_STRING, &new_due, N_("The new appointment for the result"), "ISO" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When the letter is issued (default: now)"), "ISO" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Also write the letter to this PDF file"), "FILE.pdf" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  McMinute t;
  int status;

  json_node_take_object (payload, object);
  if (!mc_cli_parse_options ("apology", "CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || reason == NULL || new_due == NULL)
    return mc_cli_usage_error (_("apology needs a dossier code, --reason and --new-due"));
  if (!mc_time_parse (new_due, &t, &error))
    return mc_cli_fail (error);
  {
    g_autofree char *iso = mc_time_format_iso_offset (t);
    json_object_set_string_member (object, "new_due", iso);
  }
  if (at != NULL)
    {
      g_autofree char *iso = NULL;

      if (!mc_time_parse (at, &t, &error))
        return mc_cli_fail (error);
      iso = mc_time_format_iso_offset (t);
      json_object_set_string_member (object, "at", iso);
    }
  json_object_set_string_member (object, "reason", reason);

  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  dossier = mc_store_record (cli->store, argv[1], MC_EVENT_APOLOGY_ISSUED, payload, NULL, &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  if (output != NULL)
    return write_form (cli, MC_FORM_APOLOGY, dossier->code, output);
  mc_cli_print_dossier (cli, dossier);
  return EXIT_OK;
}

static char *
read_passphrase (const char *prompt)
{
  return mc_cli_read_secret ("MOTCUA_SYNC_PASSPHRASE", prompt);
}

/* Makes sure this station holds the office's sync key, asking for the passphrase when it does not. */
static gboolean
ensure_sync_key (McCli   *cli,
                 GError **error)
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
  return mc_bundle_set_passphrase (cli->store, passphrase, error);
}

static int
mc_cmd_passphrase (McCli  *cli,
                   int     argc,
                   char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  int status;

  if (!mc_cli_parse_options ("passphrase", NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return mc_cli_usage_error (_("passphrase takes no arguments"));
  if (!mc_cli_open_store (cli, TRUE, &status))
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

static int
mc_cmd_office_key (McCli  *cli,
                   int     argc,
                   char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase = NULL;
  int status;

  if (!mc_cli_parse_options ("office-key", "OFFICE-CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("office-key needs the code of the office whose bundles this database will import"));
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  passphrase = read_passphrase (_("That office's sync passphrase: "));
  if (passphrase == NULL)
    return mc_cli_fail_message (_("Give the passphrase in MOTCUA_SYNC_PASSPHRASE or type it on a terminal"));
  /* The level above: it imports many offices' bundles and keeps each office's dossiers apart. */
  if (!mc_bundle_set_aggregator (cli->store, TRUE, &error) ||
      !mc_bundle_add_office_key (cli->store, argv[1], passphrase, &error))
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

static int
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

  if (!mc_cli_parse_options ("export", NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || output == NULL)
    return mc_cli_usage_error (_("export needs -o FILE"));
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  if (!ensure_sync_key (cli, &error) ||
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
      mc_cli_json_add_string (builder, "file", output);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, n);
      json_builder_set_member_name (builder, "full");
      json_builder_add_boolean_value (builder, full);
      json_builder_set_member_name (builder, "documents");
      json_builder_add_int_value (builder, n_documents);
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
      mc_cli_json_add_string (builder, "office_code", preview->office_code);
      mc_cli_json_add_string (builder, "source_station_id", preview->source_station_id);
      json_builder_set_member_name (builder, "source_station");
      json_builder_add_int_value (builder, preview->source_station);
      mc_cli_json_add_string (builder, "created", preview->created);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, preview->n_events);
      json_builder_set_member_name (builder, "new");
      json_builder_add_int_value (builder, preview->n_new);
      json_builder_set_member_name (builder, "known");
      json_builder_add_int_value (builder, preview->n_known);
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, preview->n_skipped);
      json_builder_set_member_name (builder, "dossiers");
      json_builder_add_int_value (builder, preview->n_dossiers);
      json_builder_set_member_name (builder, "documents");
      json_builder_add_int_value (builder, preview->n_documents);
      json_builder_set_member_name (builder, "conflicts");
      json_builder_begin_array (builder);
      for (guint i = 0; preview->conflicts && i < preview->conflicts->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (preview->conflicts, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "gaps");
      json_builder_begin_array (builder);
      for (guint i = 0; preview->gaps && i < preview->gaps->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (preview->gaps, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "applied");
      json_builder_add_boolean_value (builder, applied);
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

static int
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

  if (!mc_cli_parse_options ("import", "FILE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("import needs the bundle file"));
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  /* The level above opens each office's bundles with that office's key (office-key), not with its own. */
  if (!mc_bundle_is_aggregator (cli->store) && !ensure_sync_key (cli, &error))
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

static int
mc_cmd_stats (McCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *from_text = NULL, *to_text = NULL, *office = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the period"), "DATE" },
    { "office", 0, 0, G_OPTION_ARG_STRING, &office, N_("Only this office's dossiers (level above)"), "CODE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McStats) stats = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status, from, to;

  if (!mc_cli_parse_options ("stats", NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || from_text == NULL || to_text == NULL)
    return mc_cli_usage_error (_("stats needs --from DATE and --to DATE"));
  if (!parse_period (from_text, to_text, &from, &to, &error))
    return mc_cli_fail (error);
  if (!mc_cli_open_store (cli, FALSE, &status))
    return status;
  stats = mc_stats_compute (cli->store, from, to, mc_time_now (), office, &error);
  if (stats == NULL)
    return mc_cli_fail (error);
  mc_stats_to_json (stats, builder);
  if (cli->json)
    mc_cli_print_json (builder);
  else
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
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

static int
mc_cmd_register (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *from_text = NULL, *to_text = NULL, *sector = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the period"), "DATE" },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("Only this sector, e.g. “Hộ tịch”"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("FILE.pdf or FILE.csv"), "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int status, from, to;

  if (!mc_cli_parse_options ("register", NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || from_text == NULL || to_text == NULL || output == NULL)
    return mc_cli_usage_error (_("register needs --from DATE, --to DATE and -o FILE.pdf or FILE.csv"));
  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".csv"))
    return mc_cli_usage_error (_("The register is written as .pdf or .csv"));
  if (!parse_period (from_text, to_text, &from, &to, &error))
    return mc_cli_fail (error);
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  if (g_str_has_suffix (output, ".csv"))
    {
      if (!mc_register_write_csv (cli->store, from, to, sector, output, &error))
        return mc_cli_fail (error);
    }
  else
    {
      g_autoptr(McDocument) document = mc_register_render (cli->store, from, to, sector, &error);

      if (document == NULL || !mc_document_write_pdf (document, output, &error))
        return mc_cli_fail (error);
    }
  {
    g_autofree char *name = g_path_get_basename (output);
    g_autofree char *period = g_strdup_printf ("%s – %s", from_text, to_text);

    mc_audit_record (cli->store, MC_AUDIT_REGISTER, name, period, NULL);
  }
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_cli_json_add_string (builder, "file", output);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print (_("Register written to %s\n"), output);
  return EXIT_OK;
}

static int
mc_cmd_late_list (McCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *from_text = NULL, *to_text = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the period"), "DATE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("FILE.pdf or FILE.csv"), "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int status, from, to;

  if (!mc_cli_parse_options ("late-list", NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || from_text == NULL || to_text == NULL || output == NULL)
    return mc_cli_usage_error (_("late-list needs --from DATE, --to DATE and -o FILE.pdf or FILE.csv"));
  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".csv"))
    return mc_cli_usage_error (_("The list is written as .pdf or .csv"));
  if (!parse_period (from_text, to_text, &from, &to, &error))
    return mc_cli_fail (error);
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  if (g_str_has_suffix (output, ".csv"))
    {
      if (!mc_late_list_write_csv (cli->store, from, to, output, &error))
        return mc_cli_fail (error);
    }
  else
    {
      g_autoptr(McDocument) document = mc_late_list_render (cli->store, from, to, &error);

      if (document == NULL || !mc_document_write_pdf (document, output, &error))
        return mc_cli_fail (error);
    }
  {
    g_autofree char *name = g_path_get_basename (output);
    mc_audit_record (cli->store, MC_AUDIT_REGISTER, name, "late dossiers", NULL);
  }
  g_print (_("List written to %s\n"), output);
  return EXIT_OK;
}

static int
mc_cmd_posting_sheets (McCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *url_template = NULL;
  g_autofree char *only = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &only, N_("Only this procedure's sheet"), "CODE" },
    { "url-template", 0, 0, G_OPTION_ARG_STRING, &url_template,
      N_("The portal's page of a procedure, with {code} (kept for this workstation)"), "URL" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) procedures = NULL;
  g_autoptr(McDocument) document = NULL;
  g_autofree char *stored_template = NULL;
  int status;

  if (!mc_cli_parse_options ("posting-sheets", NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || output == NULL)
    return mc_cli_usage_error (_("posting-sheets needs -o FILE.pdf"));
  if (url_template != NULL && strstr (url_template, "{code}") == NULL)
    return mc_cli_usage_error (_("The URL template must contain {code}"));
  if (!mc_cli_open_store (cli, TRUE, &status))
    return status;
  procedures = mc_store_list_procedures (cli->store, &error);
  if (procedures == NULL)
    return mc_cli_fail (error);
  if (only != NULL)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_unref);

      for (guint i = 0; i < procedures->len; i++)
        if (g_str_equal (((McProcedure *) g_ptr_array_index (procedures, i))->code, only))
          g_ptr_array_add (one, mc_procedure_ref (g_ptr_array_index (procedures, i)));
      if (one->len == 0)
        return mc_cli_fail_message (_("There is no such procedure in the catalogue"));
      g_ptr_array_unref (procedures);
      procedures = g_steal_pointer (&one);
    }
  if (url_template != NULL && !mc_store_set_local (cli->store, MC_POSTING_SETTING_URL_TEMPLATE, url_template, &error))
    return mc_cli_fail (error);
  stored_template = mc_store_get_local (cli->store, MC_POSTING_SETTING_URL_TEMPLATE);
  document = mc_posting_render (procedures, mc_store_get_office (cli->store), stored_template, &error);
  if (document == NULL || !mc_document_write_pdf (document, output, &error))
    return mc_cli_fail (error);
  g_print (_("%d page(s) written to %s\n"), mc_document_get_n_pages (document), output);
  return EXIT_OK;
}

static const McCliCommand commands[] = {
  { "init", mc_cmd_init, N_("init --office-code CODE --office-name NAME --station N [--parent NAME] [--place NAME]") },
  { "procedures", mc_cmd_procedures, N_("procedures — the procedure catalogue") },
  { "backup", mc_cmd_backup, N_("backup [--dir DIR] [--keep N] — a verified copy of the database, the oldest removed") },
  { "restore", mc_cmd_restore, N_("restore FILE — replace the database with a backup, checked first; the old one is kept") },
  { "account", mc_cmd_account, N_("account list | add USER --name N --role R | pin USER | disable USER | enable USER") },
  { "audit", mc_cmd_audit, N_("audit [--limit N] — who exported, printed, corrected or changed accounts") },
  { "remove-personal-data", mc_cmd_remove_personal_data,
    N_("remove-personal-data --years N [--dry-run] — the retention rule: names and contacts of old closed dossiers") },
  { "check", mc_cmd_check, N_("check — verify the database: file, search index, codes, every dossier against its history") },
  { "lunar", mc_cmd_lunar, N_("lunar YYYY-MM-DD — the lunar date and the year's can chi") },
  { "holidays", mc_cmd_holidays, N_("holidays YEAR — non-working weekdays and worked Saturdays") },
  { "due", mc_cmd_due, N_("due --received ISO (--procedure CODE | --days N | --hours N | --same-day)") },
  { "intake", mc_cmd_intake, N_("intake --procedure CODE --name NAME [--id-number N] [--phone P] [--address A] [--received ISO]") },
  { "show", mc_cmd_show, N_("show CODE") },
  { "list", mc_cmd_list, N_("list [--status S] [--due-before DATE]") },
  { "search", mc_cmd_search, N_("search TEXT") },
  { "request-supplement", mc_cmd_request_supplement, N_("request-supplement CODE --reason R") },
  { "complete-supplement", mc_cmd_complete_supplement, N_("complete-supplement CODE") },
  { "refuse", mc_cmd_refuse, N_("refuse CODE --reason R") },
  { "stop", mc_cmd_stop, N_("stop CODE --reason R") },
  { "result-ready", mc_cmd_result_ready, N_("result-ready CODE") },
  { "return", mc_cmd_return, N_("return CODE [--receiver NAME] [--at ISO]") },
  { "attach", mc_cmd_attach, N_("attach CODE FILE --component TEXT — a digitised document (PDF, PNG or JPEG)") },
  { "scan", mc_cmd_scan, N_("scan CODE --component TEXT [--device NAME] [--dpi N] [--color] — scan a document into the dossier") },
  { "scanners", mc_cmd_scanners, N_("scanners — the scanners SANE finds") },
  { "documents", mc_cmd_documents, N_("documents CODE [--save N -o FILE] — the dossier's digitised documents") },
  { "post-list", mc_cmd_post_list, N_("post-list -o FILE.pdf — the hand-over list of results sent by post") },
  { "post", mc_cmd_post, N_("post CODE --tracking NUMBER [--at ISO] — the result handed to the post, with its tracking number") },
  { "feedback", mc_cmd_feedback,
    N_("feedback add --content T [--channel C] [--citizen N] [--dossier CODE] … | answer ID --answer T | list [--open]") },
  { "correct", mc_cmd_correct, N_("correct CODE --field F --value V --reason R") },
  { "rate", mc_cmd_rate, N_("rate CODE --rating R [--comment C] — the citizen's satisfaction at return") },
  { "overdue", mc_cmd_overdue, N_("overdue [--at ISO] — due-soon and overdue dossiers") },
  { "apology", mc_cmd_apology, N_("apology CODE --reason R --new-due ISO [-o FILE.pdf]") },
  { "stats", mc_cmd_stats, N_("stats --from DATE --to DATE [--office CODE] — on-time statistics") },
  { "register", mc_cmd_register, N_("register --from DATE --to DATE -o FILE.(pdf|csv) [--sector S] — the register book") },
  { "late-list", mc_cmd_late_list, N_("late-list --from DATE --to DATE -o FILE.(pdf|csv) — late dossiers to publish") },
  { "posting-sheets", mc_cmd_posting_sheets,
    N_("posting-sheets -o FILE.pdf [--procedure CODE] [--url-template URL] — the posting board, with QR codes") },
  { "passphrase", mc_cmd_passphrase, N_("passphrase — set the office's sync passphrase on this station") },
  { "office-key", mc_cmd_office_key, N_("office-key OFFICE-CODE — the level above: import that office's bundles") },
  { "export", mc_cmd_export, N_("export -o FILE [--full] [--documents] — write a sync bundle") },
  { "import", mc_cmd_import, N_("import FILE [--dry-run] — apply a sync bundle, all or nothing") },
  { "declaration", mc_cmd_declaration,
    N_("declaration CODE (--fields | [-a KEY=VALUE]… -o FILE.pdf) — the procedure's declaration, filled for the citizen") },
  { "slip", mc_cmd_slip, N_("slip CODE -o FILE.pdf — the appointment slip, two copies") },
  { "form", mc_cmd_form, N_("form KIND CODE -o FILE.pdf — slip, supplement, refusal, apology, stop, control") },
};

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: motcua-cli [--db PATH] [--json] COMMAND [OPTIONS]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %s\n", _(commands[i].synopsis));
  g_print ("\n%s\n", _("“motcua-cli COMMAND --help” describes a command's options. The database is "
                       "$MOTCUA_DB or ~/.local/share/motcua/motcua.db unless --db is given."));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  McCli cli = { 0 };
  const McCliCommand *command = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The tool draws no interface: forms are the only text it lays out. */
  mc_document_use_forms_fonts_only ();

  /* Global options may come before or after the command. */
  g_ptr_array_add (rest, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        cli.json = TRUE;
      else if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[i] + 5);
        }
      else if (g_str_equal (argv[i], "--db"))
        return mc_cli_usage_error (_("--db needs a path"));
      else if (command == NULL && (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h")))
        {
          print_help ();
          return EXIT_OK;
        }
      else if (command == NULL && g_str_equal (argv[i], "--version"))
        {
          g_print ("motcua-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else if (command == NULL && argv[i][0] != '-')
        {
          for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
            if (g_str_equal (argv[i], commands[c].name))
              command = &commands[c];
          if (command == NULL)
            {
              g_autofree char *msg = g_strdup_printf (_("Unknown command “%s”"), argv[i]);
              return mc_cli_usage_error (msg);
            }
          g_ptr_array_add (rest, argv[i]);
        }
      else if (command == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("Unknown option “%s”"), argv[i]);
          return mc_cli_usage_error (msg);
        }
      else
        g_ptr_array_add (rest, argv[i]);
    }
  if (command == NULL)
    {
      print_help ();
      return EXIT_USAGE;
    }
  if (cli.db_path == NULL)
    cli.db_path = mc_store_default_path ();

  g_ptr_array_add (rest, NULL);
  {
    /* The command's name stands in argv[0] for its option parser. */
    char **command_argv = (char **) rest->pdata + 1;
    int command_argc = (int) rest->len - 2;

    status = command->func (&cli, command_argc, command_argv);
  }

  g_clear_object (&cli.store);
  g_free (cli.db_path);
  return status;
}
