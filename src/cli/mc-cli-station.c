/* mc-cli-station.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The workstation and its database: setting up the office, checking, backing up and restoring the file,
 * accounts, the audit log and the retention rule. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "mc-accounts.h"
#include "mc-backup.h"
#include "mc-cli.h"

int
mc_cmd_init (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *office_code = NULL, *office_name = NULL, *parent = NULL, *place = NULL, *clerk = NULL;
  int station = -1;
  GOptionEntry entries[] = {
    { "office-code", 0, 0, G_OPTION_ARG_STRING, &office_code, N_("The office's electronic id, e.g. 000.00.12.H40"), "CODE" },
    { "office-name", 0, 0, G_OPTION_ARG_STRING, &office_name, N_("The office's name"), "NAME" },
    { "station", 0, 0, G_OPTION_ARG_INT, &station, N_("This workstation's number in the office (1–99)"), "N" },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_("The parent body as printed on forms"), "NAME" },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("The place name of the date line"), "NAME" },
    { "clerk", 0, 0, G_OPTION_ARG_STRING, &clerk, N_("The clerk working at this station"), "NAME" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  McStoreSetup setup;
  gboolean existed;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return mc_cli_usage_error (_("init takes no arguments"));
  if (office_code == NULL || office_name == NULL || station == -1)
    return mc_cli_usage_error (_("init needs --office-code, --office-name and --station"));

  existed = g_file_test (cli->db_path, G_FILE_TEST_EXISTS);
  if (!mc_cli_prepare (cli, &status))
    return status;

  setup = (McStoreSetup) { office_code, office_name, parent, place, station, clerk };
  if (!mc_store_setup (cli->store, &setup, &error))
    {
      /* A failed first set-up leaves no half-made file behind. */
      if (!existed)
        {
          g_autofree char *wal = g_strconcat (cli->db_path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (cli->db_path, "-shm", NULL);

          g_clear_object (&cli->store);
          g_unlink (cli->db_path);
          g_unlink (wal);
          g_unlink (shm);
        }
      return mc_cli_fail (error);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      const McOffice *office = mc_store_get_office (cli->store);

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "db", cli->db_path);
      mc_json_add_string (builder, "office_code", office->code);
      mc_json_add_string (builder, "office_name", office->name);
      mc_json_add_int (builder, "station", office->station);
      mc_json_add_string (builder, "station_id", office->station_id);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print (_("Office %s set up in %s (station %02d).\n"), office_code, cli->db_path, station);
  return EXIT_OK;
}

int
mc_cmd_check (McCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  int status;

  if (!mc_cli_parse_options (NULL, NULL, &argc, &argv, &status))
    return status;
  if (!mc_cli_prepare (cli, &status))
    return status;
  if (!mc_store_check (cli->store, &report, &error))
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_boolean (builder, "ok", TRUE);
      mc_json_add_string (builder, "report", report);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print ("%s\n", report);
  return EXIT_OK;
}

/* The backup folder and how many to keep: the options, else this workstation's settings, else the defaults. */
static char *
backup_dir_for (McCli      *cli,
                const char *option)
{
  g_autofree char *setting = cli->store ? mc_store_get_local (cli->store, MC_BACKUP_SETTING_DIR) : NULL;

  if (option != NULL)
    return g_strdup (option);
  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);
  return mc_backup_default_dir (cli->db_path);
}

/* Whether @a and @b name the same folder (either may not exist yet). */
static gboolean
same_folder (const char *a,
             const char *b)
{
  g_autofree char *ca = g_canonicalize_filename (a, NULL);
  g_autofree char *cb = g_canonicalize_filename (b, NULL);
  g_autofree char *ra = realpath (ca, NULL);
  g_autofree char *rb = realpath (cb, NULL);

  return g_str_equal (ra ? ra : ca, rb ? rb : cb);
}

int
mc_cmd_backup (McCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *dir_option = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *keep_setting = NULL;
  g_autofree char *path = NULL;
  int keep = 0;
  GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_option, N_("The backup folder (default: the workstation's)"), "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, N_("How many backups to keep (default: the workstation's, 14)"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return mc_cli_usage_error (_("backup takes no argument"));
  if (keep < 0 || keep > 1000)
    return mc_cli_usage_error (_("--keep must be between 1 and 1000"));
  /* Anyone may back up into the workstation's folder as it is set; a copy elsewhere (every citizen's data) or a
   * different number kept (pruning) is the administrator's. */
  if (keep != 0)
    cli->needs |= MC_CLI_NEEDS_ADMIN;
  if (!mc_cli_prepare (cli, &status))
    return status;
  dir = backup_dir_for (cli, NULL);
  if (dir_option != NULL && !same_folder (dir_option, dir))
    {
      g_autoptr(GError) role_error = NULL;

      if (!mc_accounts_check (cli->store, MC_PERMISSION_ADMINISTER, &role_error))
        return mc_cli_fail (role_error);
      g_free (dir);
      dir = g_strdup (dir_option);
    }
  keep_setting = mc_store_get_local (cli->store, MC_BACKUP_SETTING_KEEP);
  if (keep == 0)
    keep = keep_setting ? (int) g_ascii_strtoll (keep_setting, NULL, 10) : MC_BACKUP_DEFAULT_KEEP;
  path = mc_backup_create (cli->store, dir, keep > 0 ? (guint) keep : MC_BACKUP_DEFAULT_KEEP, MC_BACKUP_ON_REQUEST,
                           &error);
  if (path == NULL)
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "file", path);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print (_("Backed up to %s\n"), path);
  return EXIT_OK;
}

int
mc_cmd_restore (McCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBackupInfo) info = NULL;
  g_autofree char *kept = NULL;
  int status;

  if (!mc_cli_parse_options ("FILE", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("restore needs the backup file"));
  /* Only an administrator replaces a database (the table's flags); it is closed, since it is replaced
   * underneath. */
  if (!mc_cli_prepare (cli, &status))
    return status;
  g_clear_object (&cli->store);
  info = mc_backup_verify (argv[1], &error);
  if (info == NULL || !mc_backup_restore (argv[1], cli->db_path, &kept, &error))
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "restored", argv[1]);
      mc_json_add_string (builder, "kept", kept);
      mc_json_add_int (builder, "dossiers", info->dossiers);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "Restored %s (%lld dossier).\n", "Restored %s (%lld dossiers).\n",
                            (gulong) info->dossiers),
               argv[1], (long long) info->dossiers);
      if (kept != NULL)
        g_print (_("The database it replaced is kept as %s\n"), kept);
    }
  return EXIT_OK;
}

/* A new PIN: MOTCUA_NEW_PIN, or typed twice on the terminal. */
static char *
read_new_pin (GError **error)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *env = g_getenv ("MOTCUA_NEW_PIN");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  first = mc_cli_read_secret ("MOTCUA_NEW_PIN", _("New PIN: "));
  second = first ? mc_cli_read_secret ("MOTCUA_NEW_PIN", _("The same PIN again: ")) : NULL;
  if (first == NULL || second == NULL)
    {
      g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID,
                           _("Give the new PIN in MOTCUA_NEW_PIN or type it on a terminal"));
      return NULL;
    }
  if (!g_str_equal (first, second))
    {
      g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID,
                           _("The two PINs differ: nothing was changed"));
      return NULL;
    }
  return g_steal_pointer (&first);
}

int
mc_cmd_account (McCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *role_text = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The person's full name (add)"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("clerk, leader or administrator (add)"), "ROLE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  const char *action;
  int status;

  if (!mc_cli_parse_options ("list | add USER | pin USER | disable USER | enable USER | unlock USER", entries, &argc,
                             &argv, &status))
    return status;
  if (argc < 2)
    return mc_cli_usage_error (_("account needs list, add, pin, disable, enable or unlock"));
  action = argv[1];
  /* Adding, disabling and enabling accounts is the administrator's; a person may change their own PIN (the
   * accounts module checks whose). */
  if (g_str_equal (action, "add") || g_str_equal (action, "disable") || g_str_equal (action, "enable") ||
      g_str_equal (action, "unlock"))
    cli->needs |= MC_CLI_NEEDS_ADMIN;
  if (!mc_cli_prepare (cli, &status))
    return status;

  if (g_str_equal (action, "list") && argc == 2)
    {
      g_autoptr(GPtrArray) accounts = mc_accounts_list (cli->store, &error);

      if (accounts == NULL)
        return mc_cli_fail (error);
      for (guint i = 0; i < accounts->len; i++)
        {
          McAccount *a = g_ptr_array_index (accounts, i);

          g_print ("%-16s  %-14s  %-8s  %s\n", a->username, mc_role_to_string (a->role),
                   a->active ? _("active") : _("disabled"), a->full_name);
        }
      return EXIT_OK;
    }
  if (argc != 3)
    return mc_cli_usage_error (_("account add, pin, disable and enable need a user name"));
  if (g_str_equal (action, "add"))
    {
      g_autofree char *pin = NULL;
      McRole role;

      if (name == NULL || role_text == NULL || !mc_role_from_string (role_text, &role))
        return mc_cli_usage_error (_("account add needs --name NAME and --role clerk, leader or administrator"));
      pin = read_new_pin (&error);
      if (pin == NULL || !mc_accounts_add (cli->store, argv[2], name, role, pin, &error))
        return mc_cli_fail (error);
      g_print (_("Account %s added.\n"), argv[2]);
    }
  else if (g_str_equal (action, "pin"))
    {
      g_autofree char *pin = read_new_pin (&error);

      if (pin == NULL || !mc_accounts_set_pin (cli->store, argv[2], pin, &error))
        return mc_cli_fail (error);
      g_print (_("PIN of %s changed.\n"), argv[2]);
    }
  else if (g_str_equal (action, "disable") || g_str_equal (action, "enable"))
    {
      gboolean enable = g_str_equal (action, "enable");

      if (!mc_accounts_set_active (cli->store, argv[2], enable, &error))
        return mc_cli_fail (error);
      g_print (enable ? _("Account %s enabled.\n") : _("Account %s disabled.\n"), argv[2]);
    }
  else if (g_str_equal (action, "unlock"))
    {
      if (!mc_accounts_unlock (cli->store, argv[2], &error))
        return mc_cli_fail (error);
      g_print (_("Sign-in of %s unlocked.\n"), argv[2]);
    }
  else
    return mc_cli_usage_error (_("account needs list, add, pin, disable, enable or unlock"));
  return EXIT_OK;
}

int
mc_cmd_audit (McCli  *cli,
              int     argc,
              char  **argv)
{
  int limit = 100;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many entries, newest first (default 100)"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries_list = NULL;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || limit < 1)
    return mc_cli_usage_error (_("audit takes only --limit N"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  entries_list = mc_audit_list (cli->store, (guint) limit, &error);
  if (entries_list == NULL)
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "audit");
      json_builder_begin_array (builder);
      for (guint i = 0; i < entries_list->len; i++)
        {
          McAuditEntry *e = g_ptr_array_index (entries_list, i);

          json_builder_begin_object (builder);
          mc_json_add_string (builder, "at", e->at);
          mc_json_add_string (builder, "account", e->account);
          mc_json_add_string (builder, "action", e->action);
          mc_json_add_string (builder, "subject", e->subject);
          mc_json_add_string (builder, "detail", e->detail);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
      return EXIT_OK;
    }
  for (guint i = 0; i < entries_list->len; i++)
    {
      McAuditEntry *e = g_ptr_array_index (entries_list, i);

      g_print ("%s  %-16s  %-40s  %s%s%s\n", e->at, e->account, mc_audit_action_label (e->action),
               e->subject ? e->subject : "", e->detail ? " — " : "", e->detail ? e->detail : "");
    }
  return EXIT_OK;
}

int
mc_cmd_remove_personal_data (McCli  *cli,
                             int     argc,
                             char  **argv)
{
  int years = 0;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("The retention period: dossiers closed longer ago than this"), "N" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only count the dossiers"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  guint count = 0;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || years <= 0)
    return mc_cli_usage_error (_("remove-personal-data needs --years N"));
  if (!dry_run)
    cli->needs |= MC_CLI_NEEDS_ADMIN;
  if (!mc_cli_prepare (cli, &status))
    return status;
  if (!mc_store_remove_personal_data (cli->store, years, dry_run, &count, &error))
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_int (builder, "dossiers", count);
      mc_json_add_boolean (builder, "dry_run", dry_run);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else if (dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u dossier closed more than %d years ago holds personal data.\n",
                          "%u dossiers closed more than %d years ago hold personal data.\n", count), count, years);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Personal data removed from %u dossier.\n",
                          "Personal data removed from %u dossiers.\n", count), count);
  return EXIT_OK;
}
