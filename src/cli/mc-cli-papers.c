/* mc-cli-papers.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The papers printed for one dossier or for the desk: the forms of Thông tư 03/2025, the apology letter, the
 * declarations, the post hand-over list and the posting-board sheets. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-accounts.h"
#include "mc-declaration.h"
#include "mc-document.h"
#include "mc-forms.h"
#include "mc-post-list.h"
#include "mc-posting.h"
#include "mc-cli.h"

int
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

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc != 1 || output == NULL)
    return mc_cli_usage_error (_("post-list needs -o FILE.pdf"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  dossiers = mc_post_list_dossiers (cli->store, &error);
  if (dossiers == NULL)
    return mc_cli_fail (error);
  document = mc_post_list_render (cli->store, &error);
  if (document == NULL || !mc_document_write_pdf (document, output, &error))
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "file", output);
      mc_json_add_int (builder, "dossiers", dossiers->len);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u result to send by post, listed in %s\n",
                          "%u results to send by post, listed in %s\n", dossiers->len), dossiers->len, output);
  return EXIT_OK;
}

/* Still printable without the forms' font, but the clerk should know why letters look mixed. */
static void
warn_missing_fonts (void)
{
  g_autoptr(GError) error = NULL;

  if (!mc_document_check_fonts (&error))
    g_printerr ("motcua-cli: %s\n", error->message);
}

/* Writes one dossier's paper (@document, or NULL and the @render_error that prevented it) to @output (the
 * document records its own audit line when it is saved), and reports its name, the dossier, the file and its
 * pages. */
static int
write_paper (McCli      *cli,
             McDocument *document,
             GError     *render_error,
             const char *form,
             const char *code,
             const char *output)
{
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return mc_cli_fail (render_error);
  if (!mc_document_write_pdf (document, output, &error))
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "form", form);
      mc_json_add_string (builder, "code", code);
      mc_json_add_string (builder, "file", output);
      mc_json_add_int (builder, "pages", mc_document_get_n_pages (document));
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print (_("%s: %d page(s) written to %s\n"), form, mc_document_get_n_pages (document), output);
  return EXIT_OK;
}

/* Renders a form of Thông tư 03/2025 for a dossier into a PDF file. */
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
  document = mc_form_issue (cli->store, kind, dossier, events, &error);
  return write_paper (cli, document, error, mc_form_kind_to_string (kind), dossier->code, output);
}

int
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

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || (output == NULL) == !show_fields)
    return mc_cli_usage_error (_("declaration needs a dossier code and either --fields or -o FILE.pdf"));
  /* Showing the fields needs no office; recording and printing the declaration does. */
  if (output != NULL)
    cli->needs |= MC_CLI_NEEDS_OFFICE;
  if (!mc_cli_prepare (cli, &status))
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
              mc_json_add_string (builder, "key", field->key);
              mc_json_add_string (builder, "label", field->label);
              mc_json_add_boolean (builder, "required", field->required);
              mc_json_add_string (builder, "value", value);
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
  return write_paper (cli, document, error, mc_declaration_get_id (declaration), dossier->code, output);
}

/* Both form KIND CODE and slip CODE, which is form slip CODE. */
int
mc_cmd_form (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  gboolean slip = g_str_equal (argv[0], "slip");
  McFormKind kind = MC_FORM_SLIP;
  int status;

  if (!mc_cli_parse_options (slip ? "CODE" : "KIND CODE", entries, &argc, &argv, &status))
    return status;
  if (slip && (argc != 2 || output == NULL))
    return mc_cli_usage_error (_("slip needs a dossier code and -o FILE.pdf"));
  if (!slip && (argc != 3 || output == NULL))
    return mc_cli_usage_error (_("form needs a kind (slip, supplement, refusal, apology, stop, control), a dossier "
                                 "code and -o FILE.pdf"));
  if (!slip && !mc_form_kind_from_string (argv[1], &kind))
    return mc_cli_usage_error (_("Unknown form; the kinds are slip, supplement, refusal, apology, stop and control"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  return write_form (cli, kind, argv[argc - 1], output);
}

int
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
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(McDossier) dossier = NULL;
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || reason == NULL || new_due == NULL)
    return mc_cli_usage_error (_("apology needs a dossier code, --reason and --new-due"));
  if (!mc_cli_set_time (payload, "new_due", new_due, &status) ||
      (at != NULL && !mc_cli_set_time (payload, "at", at, &status)))
    return status;
  json_object_set_string_member (payload, "reason", reason);
  /* With -o the letter is written instead of the dossier printed. */
  status = mc_cli_record (cli, argv[1], MC_EVENT_APOLOGY_ISSUED, payload, NULL, output != NULL ? &dossier : NULL);
  if (status != EXIT_OK || output == NULL)
    return status;
  return write_form (cli, MC_FORM_APOLOGY, dossier->code, output);
}

int
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

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || output == NULL)
    return mc_cli_usage_error (_("posting-sheets needs -o FILE.pdf"));
  if (url_template != NULL && strstr (url_template, "{code}") == NULL)
    return mc_cli_usage_error (_("The URL template must contain {code}"));
  /* The template is a setting of the workstation: the administrator's. */
  if (url_template != NULL)
    cli->needs |= MC_CLI_NEEDS_ADMIN;
  if (!mc_cli_prepare (cli, &status))
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
