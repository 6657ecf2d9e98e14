/* mc-cli.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the files of motcua-cli share: its state, the helpers of mc-cli-common.c and the commands. */

#pragma once

#include <json-glib/json-glib.h>

#include "mc-json-builder.h"
#include "mc-store.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* Exit statuses documented in docs/cli.md */
#define EXIT_OK    0
#define EXIT_USER  1
#define EXIT_USAGE 2

/* What a command needs before it runs: the flags of its row in the table (motcua-cli.c), carried out once by
 * mc_cli_prepare (). */
typedef enum
{
  MC_CLI_OPENS_DB        = 1 << 0,  /* opens the database, which must exist */
  MC_CLI_OPENS_DB_IF_ANY = 1 << 1,  /* opens the database when the file exists; works without one otherwise */
  MC_CLI_CREATES_DB      = 1 << 2,  /* opens the database, creating it when there is none */
  MC_CLI_NEEDS_OFFICE    = 1 << 3,  /* the database has its office set up */
  MC_CLI_SIGNS_IN        = 1 << 4,  /* where the workstation has accounts: MOTCUA_USER signs in with a PIN */
  MC_CLI_NEEDS_ADMIN     = 1 << 5,  /* where the workstation has accounts: only an administrator */

  /* What most commands need: reading the database as the signed-in person, or working at the office's desk. */
  MC_CLI_READS_DB        = MC_CLI_OPENS_DB | MC_CLI_SIGNS_IN,
  MC_CLI_AT_DESK         = MC_CLI_OPENS_DB | MC_CLI_NEEDS_OFFICE | MC_CLI_SIGNS_IN,
} McCliNeeds;

typedef struct
{
  char       *db_path;
  gboolean    json;
  McCliNeeds  needs;     /* the row's flags; a command may add to them when its arguments ask for more */
  gboolean    prepared;
  McStore    *store;     /* NULL until mc_cli_prepare () opens it */
} McCli;

typedef int (*McCliCommandFunc) (McCli *cli, int argc, char **argv);

/* Output */
void      mc_cli_print_message      (const char    *message);
int       mc_cli_fail               (GError        *error);
gboolean  mc_cli_ensure_sync_key    (McCli         *cli,
                                     gboolean       offer_only,
                                     GError       **error);
int       mc_cli_fail_message       (const char    *message);
int       mc_cli_usage_error        (const char    *message);
void      mc_cli_print_json         (JsonBuilder   *builder);
void      mc_cli_print_json_node    (JsonNode      *root);
int       mc_cli_print_dossier_list (McCli         *cli,
                                     GPtrArray     *dossiers,
                                     McMinute       now);
void      mc_cli_print_dossier      (McCli         *cli,
                                     McDossier     *d);

/* Options, secrets, the database */
gboolean  mc_cli_parse_options      (const char    *parameters,
                                     GOptionEntry  *entries,
                                     int           *argc,
                                     char        ***argv,
                                     int           *status);
char     *mc_cli_read_secret        (const char    *env_name,
                                     const char    *prompt);
gboolean  mc_cli_prepare            (McCli         *cli,
                                     int           *status);
gboolean  mc_cli_set_time           (JsonObject    *payload,
                                     const char    *member,
                                     const char    *text,
                                     int           *status);
int       mc_cli_record             (McCli         *cli,
                                     const char    *code,
                                     const char    *kind,
                                     JsonObject    *payload,
                                     const char    *clerk,
                                     McDossier    **recorded);

/* Commands: one table row each in motcua-cli.c */

/* mc-cli-station.c */
int mc_cmd_init                 (McCli *cli, int argc, char **argv);
int mc_cmd_check                (McCli *cli, int argc, char **argv);
int mc_cmd_office               (McCli *cli, int argc, char **argv);
int mc_cmd_backup               (McCli *cli, int argc, char **argv);
int mc_cmd_restore              (McCli *cli, int argc, char **argv);
int mc_cmd_account              (McCli *cli, int argc, char **argv);
int mc_cmd_audit                (McCli *cli, int argc, char **argv);
int mc_cmd_remove_personal_data (McCli *cli, int argc, char **argv);

/* mc-cli-workstation.c */
int mc_cmd_station              (McCli *cli, int argc, char **argv);

/* mc-cli-calendar.c */
int mc_cmd_procedures           (McCli *cli, int argc, char **argv);
int mc_cmd_lunar                (McCli *cli, int argc, char **argv);
int mc_cmd_holidays             (McCli *cli, int argc, char **argv);
int mc_cmd_due                  (McCli *cli, int argc, char **argv);

/* mc-cli-process.c */
int mc_cmd_handover             (McCli *cli, int argc, char **argv);
int mc_cmd_steps                (McCli *cli, int argc, char **argv);
int mc_cmd_transfer             (McCli *cli, int argc, char **argv);
int mc_cmd_transfer_slip        (McCli *cli, int argc, char **argv);

/* mc-cli-dossier.c */
int mc_cmd_intake               (McCli *cli, int argc, char **argv);
int mc_cmd_show                 (McCli *cli, int argc, char **argv);
int mc_cmd_list                 (McCli *cli, int argc, char **argv);
int mc_cmd_search               (McCli *cli, int argc, char **argv);
int mc_cmd_step                 (McCli *cli, int argc, char **argv);
int mc_cmd_rate                 (McCli *cli, int argc, char **argv);
int mc_cmd_post                 (McCli *cli, int argc, char **argv);
int mc_cmd_correct              (McCli *cli, int argc, char **argv);

/* mc-cli-documents.c */
int mc_cmd_attach               (McCli *cli, int argc, char **argv);
int mc_cmd_scan                 (McCli *cli, int argc, char **argv);
int mc_cmd_scanners             (McCli *cli, int argc, char **argv);
int mc_cmd_documents            (McCli *cli, int argc, char **argv);

/* mc-cli-fees.c */
int mc_cmd_fee                  (McCli *cli, int argc, char **argv);
int mc_cmd_fees                 (McCli *cli, int argc, char **argv);

/* mc-cli-feedback.c */
int mc_cmd_feedback             (McCli *cli, int argc, char **argv);

/* mc-cli-papers.c */
int mc_cmd_form                 (McCli *cli, int argc, char **argv);
int mc_cmd_apology              (McCli *cli, int argc, char **argv);
int mc_cmd_declaration          (McCli *cli, int argc, char **argv);
int mc_cmd_post_list            (McCli *cli, int argc, char **argv);
int mc_cmd_posting_sheets       (McCli *cli, int argc, char **argv);

/* mc-cli-reports.c */
int mc_cmd_overdue              (McCli *cli, int argc, char **argv);
int mc_cmd_stats                (McCli *cli, int argc, char **argv);
int mc_cmd_register             (McCli *cli, int argc, char **argv);
int mc_cmd_late_list            (McCli *cli, int argc, char **argv);

/* mc-cli-sync.c */
int mc_cmd_passphrase           (McCli *cli, int argc, char **argv);
int mc_cmd_office_key           (McCli *cli, int argc, char **argv);
int mc_cmd_export               (McCli *cli, int argc, char **argv);
int mc_cmd_import               (McCli *cli, int argc, char **argv);
int mc_cmd_sync                 (McCli *cli, int argc, char **argv);

G_END_DECLS
