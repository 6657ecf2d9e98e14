/* mc-cli-common.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every command of motcua-cli uses: the messages and their exit statuses, the JSON and dossier printers,
 * option parsing, secrets read from the environment or the terminal, and opening the database. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "mc-accounts.h"
#include "mc-backup.h"
#include "mc-quick-check.h"
#include "mc-identity.h"
#include "mc-cli.h"

/*
 * Output
 */

/* Messages may quote what was typed: never let invalid UTF-8 from an argument reach the terminal or a log. */
void
mc_cli_print_message (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  g_printerr ("motcua-cli: %s\n", valid);
}

int
mc_cli_fail (GError *error)
{
  mc_cli_print_message (error->message);
  return EXIT_USER;
}

int
mc_cli_fail_message (const char *message)
{
  mc_cli_print_message (message);
  return EXIT_USER;
}

int
mc_cli_usage_error (const char *message)
{
  mc_cli_print_message (message);
  g_printerr ("%s\n", _("Run “motcua-cli --help” for the list of commands."));
  return EXIT_USAGE;
}

void
mc_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  mc_cli_print_json_node (root);
}

void
mc_cli_print_json_node (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}




/* An array of the strings of @values (NULL: none). */


static void
print_dossier_line (McDossier  *d,
                    McCalendar *calendar,
                    McMinute    now)
{
  g_autofree char *due = mc_time_format_short (d->due);
  g_autofree char *masked = mc_id_number_mask (d->applicant_id);
  McDueState state = mc_dossier_due_state (d, calendar, now);

  g_print ("%-32s  %s  %-18s  %-14s  %s%s%s%s  %s\n", d->code, due,
           mc_status_label (d->status),
           state == MC_DUE_STATE_NONE ? "" : mc_due_state_label (state),
           d->applicant_name, *masked ? " (" : "", masked, *masked ? ")" : "",
           d->procedure_name ? d->procedure_name : d->procedure_code);
  if (d->step_due != MC_MINUTE_NONE && now > d->step_due && d->held_unit != NULL)
    {
      g_autofree char *holder = d->held_person ? g_strdup_printf ("%s (%s)", d->held_unit, d->held_person)
                                               : g_strdup (d->held_unit);

      g_print ("    ");
      /* Translators: the unit holding a dossier whose step is overdue */
      g_print (_("Step overdue: held by %s"), holder);
      g_print ("\n");
    }
}

int
mc_cli_print_dossier_list (McCli     *cli,
                           GPtrArray *dossiers,
                           McMinute   now)
{
  McCalendar *calendar = mc_store_get_calendar (cli->store);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dossiers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < dossiers->len; i++)
        mc_dossier_to_json (g_ptr_array_index (dossiers, i), builder, calendar, now, FALSE);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else if (dossiers->len == 0)
    g_print ("%s\n", _("No dossiers."));
  else
    for (guint i = 0; i < dossiers->len; i++)
      print_dossier_line (g_ptr_array_index (dossiers, i), calendar, now);
  return EXIT_OK;
}

void
mc_cli_print_dossier (McCli     *cli,
                      McDossier *d)
{
  McCalendar *calendar = mc_store_get_calendar (cli->store);
  McMinute now = mc_time_now ();

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      mc_dossier_to_json (d, builder, calendar, now, TRUE);
      mc_cli_print_json (builder);
    }
  else
    {
      g_autofree char *received = mc_time_format_short (d->received);
      g_autofree char *due = mc_time_format_short (d->due);
      g_autofree char *phone = d->phone ? mc_phone_format (d->phone) : NULL;
      McDueState state = mc_dossier_due_state (d, calendar, now);

      g_print ("%s: %s\n", _("Code"), d->code);
      g_print ("%s: %s — %s\n", _("Procedure"), d->procedure_code, d->procedure_name ? d->procedure_name : "");
      g_print ("%s: %s\n", _("Applicant"), d->applicant_name);
      if (d->applicant_id)
        g_print ("%s: %s\n", _("Personal ID number"), d->applicant_id);
      if (phone)
        g_print ("%s: %s\n", _("Phone"), phone);
      if (d->address)
        g_print ("%s: %s\n", _("Address"), d->address);
      g_print ("%s: %s\n", _("Received"), received);
      g_print ("%s: %s\n", _("Due"), due);
      g_print ("%s: %s%s%s\n", _("Status"), mc_status_label (d->status),
               state == MC_DUE_STATE_NONE ? "" : " — ", state == MC_DUE_STATE_NONE ? "" : mc_due_state_label (state));
      if (d->status_reason)
        g_print ("%s: %s\n", _("Reason"), d->status_reason);
      if (d->new_due != MC_MINUTE_NONE)
        {
          g_autofree char *new_due = mc_time_format_short (d->new_due);
          g_print ("%s: %s\n", _("New appointment (apology letter)"), new_due);
        }
      if (d->returned != MC_MINUTE_NONE)
        {
          g_autofree char *returned = mc_time_format_short (d->returned);
          g_print ("%s: %s%s%s\n", _("Returned"), returned, d->returned_to ? " — " : "",
                   d->returned_to ? d->returned_to : "");
        }
      if (d->lookup_pin)
        g_print ("%s: %s\n", _("Look-up PIN"), d->lookup_pin);
    }
}
/*
 * Options, secrets and the database
 */

/* Parses the command's own options (@entries may be NULL: none); leaves the positional arguments in argv. */
gboolean
mc_cli_parse_options (const char     *parameters,
                      GOptionEntry   *entries,
                      int            *argc,
                      char         ***argv,
                      int            *status)
{
  /* argv[0] already names the command in the usage line. */
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      if (error->domain == G_CONVERT_ERROR)
        *status = mc_cli_usage_error (_("An argument is not valid UTF-8 text. Type it again, or check the terminal's "
                                        "character encoding."));
      else
        *status = mc_cli_usage_error (error->message);
      return FALSE;
    }
  return TRUE;
}

/* An option's time (ISO, local) into an event's @member, with its offset; a time that does not parse is a user
 * error. */
gboolean
mc_cli_set_time (JsonObject *payload,
                 const char *member,
                 const char *text,
                 int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  McMinute t;

  if (!mc_time_parse (text, &t, &error))
    {
      *status = mc_cli_fail (error);
      return FALSE;
    }
  iso = mc_time_format_iso_offset (t);
  json_object_set_string_member (payload, member, iso);
  return TRUE;
}

/* With accounts, the command line works as a person too: MOTCUA_USER, and the PIN from MOTCUA_PIN or the
 * terminal. Their name goes on the events, and the roles apply. */
static gboolean
sign_in (McCli *cli,
         int   *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McAccount) account = NULL;
  g_autofree char *pin = NULL;
  const char *user = g_getenv ("MOTCUA_USER");

  if (!mc_accounts_in_use (cli->store))
    return TRUE;
  if (user == NULL || *user == '\0')
    {
      *status = mc_cli_fail_message (_("This workstation has accounts: give your user name in MOTCUA_USER, and your "
                                       "PIN in MOTCUA_PIN or when asked"));
      return FALSE;
    }
  pin = mc_cli_read_secret ("MOTCUA_PIN", _("PIN: "));
  account = mc_accounts_sign_in (cli->store, user, pin, &error);
  if (pin != NULL)
    sodium_memzero (pin, strlen (pin));
  if (account == NULL)
    {
      *status = mc_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

/* A damaged database file (SQLite's quick check): a command that works at the desk (it records) is refused, so
 * that nothing more is written into it; one that only reads warns and goes on, so that its data can be rescued.
 * Either way the message names the newest backup that is whole. */
static gboolean
check_file (McCli *cli,
            int   *status)
{
  g_autoptr(GError) damage = NULL;
  g_autofree char *setting = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *message = NULL;
  g_autofree char *newest = NULL;

  if ((cli->needs & MC_CLI_CREATES_DB) != 0 || mc_quick_check (cli->store, &damage))
    return TRUE;
  setting = mc_store_get_local (cli->store, MC_BACKUP_SETTING_DIR);
  dir = setting != NULL && *setting != '\0' ? g_strdup (setting) : mc_backup_default_dir (cli->db_path);
  newest = mc_quick_check_newest_backup (dir);
  if (newest != NULL)
    /* Translators: the first %s says what is damaged, the others name the newest whole backup */
    message = g_strdup_printf (_("%s. Restore the newest good backup, %s, as an administrator: motcua-cli restore "
                                 "%s"), damage->message, newest, newest);
  else
    message = g_strdup_printf (_("%s. There is no whole backup in %s: copy the database file aside and ask for "
                                 "help to rescue its data"), damage->message, dir);
  if ((cli->needs & MC_CLI_NEEDS_OFFICE) != 0)
    {
      *status = mc_cli_fail_message (message);
      return FALSE;
    }
  mc_cli_print_message (message);
  return TRUE;
}

/* What the command's row of the table asks for (cli->needs), done in this order: the database opened (or
 * created), the office checked, the person signed in, the role checked. Commands call it once their own options
 * and arguments are known to be right, so that bad usage is said before the database is touched. */
gboolean
mc_cli_prepare (McCli *cli,
                int   *status)
{
  g_autoptr(GError) error = NULL;
  gboolean opens = (cli->needs & (MC_CLI_OPENS_DB | MC_CLI_CREATES_DB)) != 0 ||
                   ((cli->needs & MC_CLI_OPENS_DB_IF_ANY) != 0 && g_file_test (cli->db_path, G_FILE_TEST_EXISTS));

  cli->prepared = TRUE;
  if (!opens)
    return TRUE;
  cli->store = mc_store_open (cli->db_path, (cli->needs & MC_CLI_CREATES_DB) != 0, &error);
  if (cli->store == NULL)
    {
      *status = mc_cli_fail (error);
      return FALSE;
    }
  if (!check_file (cli, status))
    return FALSE;
  if ((cli->needs & MC_CLI_NEEDS_OFFICE) != 0 && !mc_store_is_set_up (cli->store))
    {
      *status = mc_cli_fail_message (_("This database has no office yet. Set up the office first (motcua-cli init)."));
      return FALSE;
    }
  if ((cli->needs & MC_CLI_SIGNS_IN) != 0 && !sign_in (cli, status))
    return FALSE;
  if ((cli->needs & MC_CLI_NEEDS_ADMIN) != 0 && !mc_accounts_check (cli->store, MC_PERMISSION_ADMINISTER, &error))
    {
      *status = mc_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

/* Records one event of @kind on the dossier @code with @payload, once the command's options are checked. The
 * dossier is printed as show does, or handed to the caller in @recorded when it is not NULL. */
int
mc_cli_record (McCli       *cli,
               const char  *code,
               const char  *kind,
               JsonObject  *payload,
               const char  *clerk,
               McDossier  **recorded)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), payload);
  g_autoptr(McDossier) dossier = NULL;
  int status;

  if (!mc_cli_prepare (cli, &status))
    return status;
  dossier = mc_store_record (cli->store, code, kind, node, clerk, &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  if (recorded != NULL)
    *recorded = g_steal_pointer (&dossier);
  else
    mc_cli_print_dossier (cli, dossier);
  return EXIT_OK;
}

/* The sync passphrase never comes from the command line (other users can read it there): the environment, or
 * the terminal without echo. */
/* A secret from @env_name, else typed on the terminal without echo; never from an argument (the process list
 * and the shell history would show it). NULL when neither is possible. */
char *
mc_cli_read_secret (const char *env_name,
                    const char *prompt)
{
  const char *env = g_getenv (env_name);
  struct termios saved, quiet;
  char buffer[512];
  gboolean restore = FALSE;
  char *line;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (!isatty (STDIN_FILENO))
    return NULL;
  g_printerr ("%s", prompt);
  if (tcgetattr (STDIN_FILENO, &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      restore = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
  line = fgets (buffer, sizeof buffer, stdin);
  if (restore)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  g_printerr ("\n");
  if (line == NULL)
    return NULL;
  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  sodium_memzero (buffer, sizeof buffer);
  return line;
}
