/* motcua-cli.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mc-document.h"
#include "mc-cli.h"

typedef struct
{
  const char       *name;
  McCliCommandFunc  func;
  McCliNeeds        needs;
  const char       *synopsis;
} McCliCommand;

/* The one dispatcher: every command, in the order of --help, with what it needs before it runs (mc-cli.h). The
 * roles of docs/roles.md are these flags; a command whose options ask for more (backup --dir or --keep,
 * posting-sheets --url-template, office set, account add…, remove-personal-data without --dry-run) adds
 * MC_CLI_NEEDS_ADMIN to cli->needs before mc_cli_prepare (), which refuses before anything is written. */
static const McCliCommand commands[] = {
  { "init", mc_cmd_init, MC_CLI_CREATES_DB,
    N_("init --office-code CODE --office-name NAME --station N [--parent NAME] [--place NAME]") },
  { "office", mc_cmd_office, MC_CLI_AT_DESK,
    N_("office [show] | office set KEY VALUE | office steps PROCEDURE [STEPS] — the office's shared settings and "
       "procedures' internal steps, changed for every station") },
  { "procedures", mc_cmd_procedures, MC_CLI_OPENS_DB_IF_ANY,
    N_("procedures [--search TEXT] — the procedure catalogue, or the procedures these words find") },
  { "backup", mc_cmd_backup, MC_CLI_READS_DB,
    N_("backup [--dir DIR] [--keep N] — a verified copy of the database, the oldest removed") },
  { "restore", mc_cmd_restore, MC_CLI_OPENS_DB_IF_ANY | MC_CLI_SIGNS_IN | MC_CLI_NEEDS_ADMIN,
    N_("restore FILE — replace the database with a backup, checked first; the old one is kept") },
  { "station", mc_cmd_station, MC_CLI_AT_DESK,
    N_("station [show] | station renumber N — this workstation's number and identity; another number, free in "
       "the office") },
  { "account", mc_cmd_account, MC_CLI_AT_DESK,
    N_("account list | add USER --name N --role R | pin USER | disable USER | enable USER | unlock USER") },
  { "audit", mc_cmd_audit, MC_CLI_AT_DESK | MC_CLI_NEEDS_ADMIN,
    N_("audit [--limit N] — who exported, printed, corrected or changed accounts") },
  { "remove-personal-data", mc_cmd_remove_personal_data, MC_CLI_AT_DESK,
    N_("remove-personal-data --years N [--dry-run] — the retention rule: names and contacts of old closed dossiers") },
  { "check", mc_cmd_check, MC_CLI_READS_DB,
    N_("check — verify the database: file, search index, codes, every dossier against its history") },
  { "lunar", mc_cmd_lunar, 0,
    N_("lunar YYYY-MM-DD — the lunar date and the year's can chi") },
  { "holidays", mc_cmd_holidays, MC_CLI_OPENS_DB_IF_ANY,
    N_("holidays YEAR — non-working weekdays and worked Saturdays") },
  { "due", mc_cmd_due, MC_CLI_OPENS_DB_IF_ANY,
    N_("due --received ISO (--procedure CODE | --days N | --hours N | --same-day)") },
  { "intake", mc_cmd_intake, MC_CLI_AT_DESK,
    N_("intake --procedure CODE --name NAME [--id-number N] [--phone P] [--address A] [--received ISO]") },
  { "show", mc_cmd_show, MC_CLI_READS_DB,
    N_("show CODE") },
  { "list", mc_cmd_list, MC_CLI_READS_DB,
    N_("list [--status S] [--due-before DATE]") },
  { "search", mc_cmd_search, MC_CLI_READS_DB,
    N_("search TEXT") },
  { "request-supplement", mc_cmd_step, MC_CLI_AT_DESK,
    N_("request-supplement CODE --reason R") },
  { "complete-supplement", mc_cmd_step, MC_CLI_AT_DESK,
    N_("complete-supplement CODE") },
  { "refuse", mc_cmd_step, MC_CLI_AT_DESK,
    N_("refuse CODE --reason R") },
  { "stop", mc_cmd_step, MC_CLI_AT_DESK,
    N_("stop CODE --reason R") },
  { "result-ready", mc_cmd_step, MC_CLI_AT_DESK,
    N_("result-ready CODE") },
  { "return", mc_cmd_step, MC_CLI_AT_DESK,
    N_("return CODE [--receiver NAME] [--at ISO]") },
  { "handover", mc_cmd_handover, MC_CLI_AT_DESK,
    N_("handover CODE… --to UNIT [--person NAME] [--at ISO] [--note TEXT] [--list-pdf FILE] — the dossiers handed "
       "to the next unit, with the hand-over list to sign") },
  { "steps", mc_cmd_steps, MC_CLI_READS_DB,
    N_("steps CODE [--at ISO] — the dossier's steps through the office, each with its deadline (JSON)") },
  { "transfer", mc_cmd_transfer, MC_CLI_AT_DESK,
    N_("transfer CODE --to BODY --reason TEXT [--at ISO] [--slip FILE] — sent to another competent body") },
  { "transfer-slip", mc_cmd_transfer_slip, MC_CLI_AT_DESK,
    N_("transfer-slip CODE -o FILE — the transfer slip of a transferred dossier (PDF)") },
  { "attach", mc_cmd_attach, MC_CLI_AT_DESK,
    N_("attach CODE FILE --component TEXT — a digitised document (PDF, PNG or JPEG)") },
  { "scan", mc_cmd_scan, MC_CLI_AT_DESK,
    N_("scan CODE --component TEXT [--device NAME] [--dpi N] [--color] — scan a document into the dossier") },
  { "scanners", mc_cmd_scanners, 0,
    N_("scanners — the scanners SANE finds") },
  { "documents", mc_cmd_documents, MC_CLI_READS_DB,
    N_("documents CODE [--save N -o FILE] — the dossier's digitised documents") },
  { "post-list", mc_cmd_post_list, MC_CLI_AT_DESK,
    N_("post-list -o FILE.pdf — the hand-over list of results sent by post") },
  { "post", mc_cmd_post, MC_CLI_AT_DESK,
    N_("post CODE --tracking NUMBER [--at ISO] — the result handed to the post, with its tracking number") },
  { "feedback", mc_cmd_feedback, MC_CLI_READS_DB,
    N_("feedback add --content T [--channel C] [--citizen N] [--dossier CODE] … | answer ID --answer T | list [--open]") },
  { "correct", mc_cmd_correct, MC_CLI_AT_DESK,
    N_("correct CODE --field F --value V --reason R") },
  { "rate", mc_cmd_rate, MC_CLI_AT_DESK,
    N_("rate CODE --rating R [--comment C] — the citizen's satisfaction at return") },
  { "fee", mc_cmd_fee, MC_CLI_AT_DESK,
    N_("fee CODE --amount VND [--pages N] [--copies N] [--receipt NUMBER] [--method cash|transfer|online] [--at ISO] "
       "| fee CODE --refund --amount VND --reason TEXT") },
  { "fees", mc_cmd_fees, MC_CLI_AT_DESK,
    N_("fees --from DATE --to DATE [-o FILE.pdf|FILE.csv] [--closing] — the fee book") },
  { "overdue", mc_cmd_overdue, MC_CLI_READS_DB,
    N_("overdue [--at ISO] — due-soon and overdue dossiers") },
  { "apology", mc_cmd_apology, MC_CLI_AT_DESK,
    N_("apology CODE --reason R --new-due ISO [-o FILE.pdf]") },
  { "stats", mc_cmd_stats, MC_CLI_READS_DB,
    N_("stats --from DATE --to DATE [--office CODE] — on-time statistics") },
  { "register", mc_cmd_register, MC_CLI_AT_DESK,
    N_("register --from DATE --to DATE -o FILE.(pdf|csv) [--sector S] — the register book") },
  { "late-list", mc_cmd_late_list, MC_CLI_AT_DESK,
    N_("late-list --from DATE --to DATE -o FILE.(pdf|csv) — late dossiers to publish") },
  { "posting-sheets", mc_cmd_posting_sheets, MC_CLI_AT_DESK,
    N_("posting-sheets -o FILE.pdf [--procedure CODE] [--url-template URL] — the posting board, with QR codes") },
  { "passphrase", mc_cmd_passphrase, MC_CLI_AT_DESK | MC_CLI_NEEDS_ADMIN,
    N_("passphrase — set the office's sync passphrase on this station") },
  { "office-key", mc_cmd_office_key, MC_CLI_AT_DESK | MC_CLI_NEEDS_ADMIN,
    N_("office-key OFFICE-CODE — the level above: import that office's bundles") },
  { "export", mc_cmd_export, MC_CLI_AT_DESK,
    N_("export -o FILE [--full] [--documents] — write a sync bundle") },
  { "import", mc_cmd_import, MC_CLI_AT_DESK,
    N_("import FILE [--dry-run] — apply a sync bundle, all or nothing") },
  { "sync", mc_cmd_sync, MC_CLI_AT_DESK,
    N_("sync --dir DIR — one pass through the folder the workstations share") },
  { "declaration", mc_cmd_declaration, MC_CLI_READS_DB,
    N_("declaration CODE (--fields | [-a KEY=VALUE]… -o FILE.pdf) — the procedure's declaration, filled for the citizen") },
  { "slip", mc_cmd_form, MC_CLI_AT_DESK,
    N_("slip CODE -o FILE.pdf — the appointment slip, two copies") },
  { "form", mc_cmd_form, MC_CLI_AT_DESK,
    N_("form KIND CODE -o FILE.pdf — slip, supplement, refusal, apology, stop, control") },
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

    cli.needs = command->needs;
    status = command->func (&cli, command_argc, command_argv);
    /* What the table says a command needs is done by mc_cli_prepare (), never around it. */
    g_assert (status != EXIT_OK || command->needs == 0 || cli.prepared);
  }

  g_clear_object (&cli.store);
  g_free (cli.db_path);
  return status;
}
