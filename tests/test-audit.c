/* test-audit.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The operations record their own lines in the audit log, so the desk and the command line leave the same ones:
 * two workstations of one office, with the same dossiers on the same day, do the same things, one through
 * motcua-cli and one through the real window under the test run's (virtual) X display. Each operation leaves
 * exactly one line, and the two lines are alike: action, subject, detail and person. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "test-util.h"
#include "mc-alerts-page.h"
#include "mc-application.h"
#include "mc-audit.h"
#include "mc-backup.h"
#include "mc-declaration-window.h"
#include "mc-dossier-window.h"
#include "mc-intake-page.h"
#include "mc-preview-window.h"
#include "mc-reports-page.h"
#include "mc-time.h"
#include "mc-window.h"

#define NOW     "2026-11-23T09:10"
#define CLERK   "Lê Thu Hà"
#define PERIOD  "2026-11-01 – 2026-11-30"

/* The dossiers both workstations hold: their codes are the same on both (same office, station and day). */
typedef struct
{
  char *plain;      /* in progress: the slip, the control sheet and the declaration */
  char *due_soon;   /* due tomorrow: the apology letter */
  char *by_post;    /* its result ready, to go by post: the hand-over list */
} Dossiers;

/* One operation's lines on each side. */
typedef struct
{
  const char *name;
  GPtrArray  *cli;
  GPtrArray  *desk;
} Step;

typedef struct
{
  char          *dir;
  char          *cli_db;
  char          *desk_db;
  Dossiers       dossiers;
  GPtrArray     *steps;
  McApplication *app;
  McWindow      *window;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gpointer
find_toplevel (GType type)
{
  GList *windows = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

/* Waits for a window of @type, as a person would for it to appear. */
static gpointer
wait_for_toplevel (GType type)
{
  gpointer found = NULL;

  for (int i = 0; i < 100 && (found = find_toplevel (type)) == NULL; i++)
    iterate (50);
  g_assert_nonnull (found);
  return found;
}

static void
close_preview (void)
{
  McPreviewWindow *preview = wait_for_toplevel (MC_TYPE_PREVIEW_WINDOW);

  gtk_window_destroy (GTK_WINDOW (preview));
  iterate (50);
}

/* As a click on the dialog's button does. */
static void
respond (const char *response)
{
  AdwMessageDialog *dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate (100);
}

/*
 * The two workstations
 */

static char *
receive (McStore    *store,
         const char *name,
         const char *received,
         const char *delivery)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  McIntake in = { 0 };

  in.procedure_code = "1.004873";
  in.applicant_name = name;
  in.id_number = "001090012345";
  in.birth_year = 1990;
  in.address = "Thôn Đông, xã Tân Lập";
  in.result_delivery = delivery;
  g_assert_true (mc_time_parse (received, &in.received, &error));
  dossier = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (dossier->code);
}

/* A workstation with the day's dossiers; no daily backup, so that only the backups asked for are made. */
static void
prepare_station (const char *path,
                 Dossiers   *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(McStore) store = test_open_station (dir, name, 1);
  g_autoptr(JsonNode) ready = payload_new ("at", NOW, NULL);
  g_autoptr(McDossier) recorded = NULL;
  Dossiers dossiers;

  dossiers.due_soon = receive (store, "Trần Thị Gấp", "2026-11-19T09:00", NULL);
  dossiers.plain = receive (store, "Đặng Đức Anh", NOW, NULL);
  dossiers.by_post = receive (store, "Vũ Minh Khôi", NOW, "post");
  recorded = mc_store_record (store, dossiers.by_post, MC_EVENT_RESULT_READY, ready, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_store_set_local (store, MC_BACKUP_SETTING_AUTO, "false", &error));
  g_assert_no_error (error);
  if (out->plain == NULL)
    *out = dossiers;
  else
    {
      /* The same codes on both workstations. */
      g_assert_cmpstr (dossiers.plain, ==, out->plain);
      g_assert_cmpstr (dossiers.due_soon, ==, out->due_soon);
      g_assert_cmpstr (dossiers.by_post, ==, out->by_post);
      g_free (dossiers.plain);
      g_free (dossiers.due_soon);
      g_free (dossiers.by_post);
    }
}

/* The audit log read straight from the file, read-only: what a workstation wrote, whoever has it open. */
static sqlite3 *
open_read_only (const char *db_path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
last_id (const char *db_path)
{
  sqlite3 *db = open_read_only (db_path);
  sqlite3_stmt *stmt = NULL;
  gint64 id = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT IFNULL(max(id), 0) FROM audit", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (id, >=, 0);
  return id;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The lines after @after, oldest first. */
static GPtrArray *
lines_since (const char *db_path,
             gint64      after)
{
  sqlite3 *db = open_read_only (db_path);
  sqlite3_stmt *stmt = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_audit_entry_free);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, at, account, action, subject, detail FROM audit WHERE id > ?"
                                           " ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, after);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      McAuditEntry *entry = g_new0 (McAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = column_text (stmt, 1);
      entry->account = column_text (stmt, 2);
      entry->action = column_text (stmt, 3);
      entry->subject = column_text (stmt, 4);
      entry->detail = column_text (stmt, 5);
      g_ptr_array_add (lines, entry);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return lines;
}

static Step *
add_step (Fixture    *fx,
          const char *name)
{
  Step *step = g_new0 (Step, 1);

  step->name = name;
  g_ptr_array_add (fx->steps, step);
  return step;
}

static void
step_free (Step *step)
{
  g_clear_pointer (&step->cli, g_ptr_array_unref);
  g_clear_pointer (&step->desk, g_ptr_array_unref);
  g_free (step);
}

/*
 * The command line
 */

/* Runs motcua-cli on the command line's workstation; it must succeed. */
static void
cli (Fixture    *fx,
     const char *first,
     ...) G_GNUC_NULL_TERMINATED;

static void
cli (Fixture    *fx,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fx->cli_db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("motcua-cli %s failed: %s", first, err);
}

static void
cli_step (Fixture    *fx,
          const char *name,
          const char *baseline,
          const char *first,
          ...) G_GNUC_NULL_TERMINATED;

/* One operation through the command line; what it recorded after the last line of @baseline (the database, or
 * for a restore the backup) goes into the step of that name. */
static void
cli_step (Fixture    *fx,
          const char *name,
          const char *baseline,
          const char *first,
          ...)
{
  const char *args[16] = { 0 };
  gint64 before = last_id (baseline != NULL ? baseline : fx->cli_db);
  Step *step = add_step (fx, name);
  va_list list;
  guint n = 0;

  va_start (list, first);
  for (const char *arg = first; arg != NULL && n < G_N_ELEMENTS (args) - 1; arg = va_arg (list, const char *))
    args[n++] = arg;
  va_end (list);
  cli (fx, args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7], args[8], args[9], args[10],
       args[11], args[12], args[13], args[14], NULL);
  step->cli = lines_since (fx->cli_db, before);
}

static char *
out_path (Fixture    *fx,
          const char *side,
          const char *name)
{
  g_autofree char *dir = g_build_filename (fx->dir, side, NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

static void
run_command_line (Fixture *fx)
{
  Dossiers *d = &fx->dossiers;
  g_autofree char *slip = out_path (fx, "cli", "giay-tiep-nhan.pdf");
  g_autofree char *control = out_path (fx, "cli", "phieu-kiem-soat.pdf");
  g_autofree char *declaration = out_path (fx, "cli", "to-khai.pdf");
  g_autofree char *apology = out_path (fx, "cli", "xin-loi.pdf");
  g_autofree char *post = out_path (fx, "cli", "ban-giao.pdf");
  g_autofree char *register_pdf = out_path (fx, "cli", "so-theo-doi.pdf");
  g_autofree char *register_csv = out_path (fx, "cli", "so-theo-doi.csv");
  g_autofree char *late_pdf = out_path (fx, "cli", "qua-han.pdf");
  g_autofree char *late_csv = out_path (fx, "cli", "qua-han.csv");
  g_autofree char *backups = out_path (fx, "cli", "backups");

  cli_step (fx, "slip", NULL, "slip", d->plain, "-o", slip, NULL);
  cli_step (fx, "control sheet", NULL, "form", "control", d->plain, "-o", control, NULL);
  cli_step (fx, "declaration", NULL, "declaration", d->plain, "-a", "relationship=Bản thân", "-a",
            "subject_birth_date=01/02/1990", "-a", "subject_sex=Nam", "-a", "marital_status=Chưa đăng ký kết hôn",
            "-a", "purpose=Đăng ký kết hôn", "-o", declaration, NULL);
  cli_step (fx, "apology", NULL, "apology", d->due_soon, "--reason", "Chờ xác minh", "--new-due",
            "2026-11-27T17:00", "-o", apology, NULL);
  cli_step (fx, "post hand-over list", NULL, "post-list", "-o", post, NULL);
  cli_step (fx, "register (PDF)", NULL, "register", "--from", "2026-11-01", "--to", "2026-11-30",
            "-o", register_pdf, NULL);
  cli_step (fx, "register (CSV)", NULL, "register", "--from", "2026-11-01", "--to", "2026-11-30",
            "-o", register_csv, NULL);
  cli_step (fx, "late list (PDF)", NULL, "late-list", "--from", "2026-11-01", "--to", "2026-11-30",
            "-o", late_pdf, NULL);
  cli_step (fx, "late list (CSV)", NULL, "late-list", "--from", "2026-11-01", "--to", "2026-11-30",
            "-o", late_csv, NULL);
  cli_step (fx, "backup", NULL, "backup", "--dir", backups, NULL);
  {
    g_autoptr(GPtrArray) list = mc_backup_list (backups, NULL);

    g_assert_cmpuint (list->len, ==, 1);
    const char *path = ((McBackupInfo *) g_ptr_array_index (list, 0))->path;

    cli_step (fx, "restore", path, "restore", path, NULL);
  }
}

/*
 * The desk
 */

static gint64 desk_before;

static void
desk_begin (Fixture *fx)
{
  desk_before = last_id (fx->desk_db);
}

/* What the desk recorded since desk_begin(), into the step of that name (added by the command line). */
static void
desk_end (Fixture    *fx,
          const char *name)
{
  for (guint i = 0; i < fx->steps->len; i++)
    {
      Step *step = g_ptr_array_index (fx->steps, i);

      if (g_str_equal (step->name, name))
        {
          step->desk = lines_since (fx->desk_db, desk_before);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
start_desk (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  fx->app = mc_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (fx->app), NULL);
  mc_application_set_db_path (fx->app, fx->desk_db);
  g_application_register (G_APPLICATION (fx->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fx->app));
  iterate (300);
  fx->window = MC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fx->app)));
  g_assert_true (MC_IS_WINDOW (fx->window));
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (fx->window));
  iterate (300);
}

static McDossierWindow *
open_dossier (Fixture    *fx,
              const char *code)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "desk.show-dossier", "s", code));
  return wait_for_toplevel (MC_TYPE_DOSSIER_WINDOW);
}

static void
preview_form (Fixture    *fx,
              const char *step,
              const char *kind)
{
  McDossierWindow *window = open_dossier (fx, fx->dossiers.plain);

  desk_begin (fx);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "dossier.preview-form", "s", kind));
  close_preview ();
  desk_end (fx, step);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
}

/* The reports page's export of the period shown (this month), as its file chooser's answer starts it. */
static void
export_report (Fixture    *fx,
               const char *step,
               gboolean    late,
               const char *name)
{
  McReportsPage *reports = MC_REPORTS_PAGE (child (fx->window, MC_TYPE_WINDOW, "reports_page"));
  g_autofree char *path = out_path (fx, "desk", name);
  g_autoptr(GError) error = NULL;
  gboolean csv = g_str_has_suffix (name, ".csv");

  desk_begin (fx);
  if (late)
    g_assert_true (mc_reports_page_export_late (reports, path, csv, &error));
  else
    g_assert_true (mc_reports_page_export_register (reports, path, csv, &error));
  g_assert_no_error (error);
  desk_end (fx, step);
}

static McAuditEntry *
only_line_since (Fixture *fx,
                 gint64   before)
{
  g_autoptr(GPtrArray) lines = lines_since (fx->desk_db, before);

  g_assert_cmpuint (lines->len, ==, 1);
  return g_ptr_array_steal_index (lines, 0);
}

/* The code of the one dossier found by @text. */
static char *
find_code (Fixture    *fx,
           const char *text)
{
  g_autoptr(GPtrArray) rows = NULL;
  McQuery query;

  mc_query_init (&query);
  query.text = text;
  rows = mc_store_query (mc_application_get_store (fx->app), &query, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (((McDossier *) g_ptr_array_index (rows, 0))->code);
}

/* What only the desk prints, from the intake page: the slip of the dossier just saved, and the receipt of one
 * served on the spot. */
static void
check_intake_page (Fixture *fx)
{
  GtkWidget *intake = child (fx->window, MC_TYPE_WINDOW, "intake_page");
  gint64 before;

  mc_window_show_page (fx->window, "intake");
  g_assert_true (mc_intake_page_select_procedure (MC_INTAKE_PAGE (intake), "1.004873"));
  gtk_editable_set_text (GTK_EDITABLE (child (intake, MC_TYPE_INTAKE_PAGE, "name_row")), "Ngô Văn Mới");
  g_assert_true (gtk_widget_activate_action (intake, "intake.save", NULL));
  iterate (100);
  before = last_id (fx->desk_db);
  g_assert_true (gtk_widget_activate_action (intake, "intake.preview-slip", NULL));
  close_preview ();
  {
    g_autoptr(McAuditEntry) line = only_line_since (fx, before);
    g_autofree char *code = find_code (fx, "ngo van moi");

    g_assert_cmpstr (line->action, ==, MC_AUDIT_PRINT);
    g_assert_cmpstr (line->subject, ==, code);
    g_assert_cmpstr (line->detail, ==, "slip");
  }

  g_assert_true (mc_intake_page_select_procedure (MC_INTAKE_PAGE (intake), "2.000815"));
  gtk_editable_set_text (GTK_EDITABLE (child (intake, MC_TYPE_INTAKE_PAGE, "name_row")), "Ngô Thị Tại Chỗ");
  before = last_id (fx->desk_db);
  g_assert_true (gtk_widget_activate_action (intake, "intake.serve-on-spot", NULL));
  close_preview ();
  {
    g_autoptr(McAuditEntry) line = only_line_since (fx, before);
    g_autofree char *code = find_code (fx, "ngo thi tai cho");

    g_assert_cmpstr (line->action, ==, MC_AUDIT_PRINT);
    g_assert_cmpstr (line->subject, ==, code);
    g_assert_cmpstr (line->detail, ==, "receipt");
  }
}

static void
run_desk (Fixture *fx)
{
  Dossiers *d = &fx->dossiers;
  g_autofree char *backups = NULL;

  start_desk (fx);

  preview_form (fx, "slip", "slip");
  preview_form (fx, "control sheet", "control");

  /* The declaration, filled from the dossier page and shown. */
  {
    McDossierWindow *window = open_dossier (fx, d->plain);
    McDeclarationWindow *declaration;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "dossier.fill-declaration", NULL));
    declaration = wait_for_toplevel (MC_TYPE_DECLARATION_WINDOW);
    mc_declaration_window_set_answer (declaration, "relationship", "Bản thân");
    mc_declaration_window_set_answer (declaration, "subject_birth_date", "01/02/1990");
    mc_declaration_window_set_answer (declaration, "subject_sex", "Nam");
    mc_declaration_window_set_answer (declaration, "marital_status", "Chưa đăng ký kết hôn");
    mc_declaration_window_set_answer (declaration, "purpose", "Đăng ký kết hôn");
    desk_begin (fx);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (declaration), "declaration.save", NULL));
    close_preview ();
    desk_end (fx, "declaration");
    gtk_window_destroy (GTK_WINDOW (window));
    iterate (50);
  }

  /* The apology letters of the alerts page, for the dossier due tomorrow. */
  {
    GtkWidget *alerts = child (fx->window, MC_TYPE_WINDOW, "alerts_page");

    mc_window_show_page (fx->window, "alerts");
    mc_alerts_page_reload (MC_ALERTS_PAGE (alerts));
    iterate (100);
    gtk_widget_activate_action (alerts, "alerts.select-due-soon", NULL);
    iterate (100);
    desk_begin (fx);
    g_assert_true (gtk_widget_activate_action (alerts, "alerts.batch-apology", NULL));
    /* The drafts are shown first; the letters are recorded only when the clerk says so. */
    respond ("preview");
    respond ("record");
    close_preview ();
    desk_end (fx, "apology");
  }

  desk_begin (fx);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "desk.post-list", NULL));
  close_preview ();
  desk_end (fx, "post hand-over list");

  mc_window_show_page (fx->window, "reports");
  iterate (200);
  export_report (fx, "register (PDF)", FALSE, "so-theo-doi.pdf");
  export_report (fx, "register (CSV)", FALSE, "so-theo-doi.csv");
  export_report (fx, "late list (PDF)", TRUE, "qua-han.pdf");
  export_report (fx, "late list (CSV)", TRUE, "qua-han.csv");

  check_intake_page (fx);

  /* "Back Up Now", then "Restore From Backup…" on it: the desk starts again on the restored database. */
  backups = mc_backup_default_dir (fx->desk_db);
  desk_begin (fx);
  g_action_group_activate_action (G_ACTION_GROUP (fx->app), "backup", NULL);
  for (int i = 0; i < 100 && !mc_backup_made_today (backups); i++)
    iterate (100);
  iterate (300);
  desk_end (fx, "backup");
  {
    g_autoptr(GPtrArray) list = mc_backup_list (backups, NULL);
    McWindow *old_window = fx->window;

    g_assert_cmpuint (list->len, ==, 1);
    desk_before = last_id (((McBackupInfo *) g_ptr_array_index (list, 0))->path);
    mc_application_restore_file (fx->app, ((McBackupInfo *) g_ptr_array_index (list, 0))->path);
    respond ("restore");
    /* The old window is gone by then: compared as a pointer, never dereferenced. */
    for (int i = 0; i < 100 && (gpointer) gtk_application_get_active_window (GTK_APPLICATION (fx->app)) ==
                                 (gpointer) old_window; i++)
      iterate (100);
    fx->window = MC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fx->app)));
    g_assert_true ((gpointer) fx->window != (gpointer) old_window);
    desk_end (fx, "restore");
  }
}

/*
 * The comparison
 */

/* A backup's name, or the name a replaced database is kept under, holds the moment it was made. */
static gboolean
same_text (const char *cli,
           const char *desk)
{
  if (cli != NULL && desk != NULL && g_str_has_prefix (cli, "motcua-") && g_str_has_prefix (desk, "motcua-"))
    return g_str_has_suffix (cli, ".db") && g_str_has_suffix (desk, ".db");
  if (cli != NULL && desk != NULL && strstr (cli, ".before-restore-") != NULL)
    return g_str_has_prefix (cli, "cli.db.before-restore-") && g_str_has_prefix (desk, "desk.db.before-restore-");
  return g_strcmp0 (cli, desk) == 0;
}

static void
test_same_lines (Fixture       *fx,
                 gconstpointer  data)
{
  prepare_station (fx->cli_db, &fx->dossiers);
  prepare_station (fx->desk_db, &fx->dossiers);

  run_command_line (fx);
  run_desk (fx);

  for (guint i = 0; i < fx->steps->len; i++)
    {
      Step *step = g_ptr_array_index (fx->steps, i);
      McAuditEntry *cli_line, *desk_line;

      g_assert_nonnull (step->desk);
      g_test_message ("%s: %u line(s) from the command line, %u from the desk", step->name, step->cli->len,
                      step->desk->len);
      g_assert_cmpuint (step->cli->len, ==, 1);
      g_assert_cmpuint (step->desk->len, ==, 1);
      cli_line = g_ptr_array_index (step->cli, 0);
      desk_line = g_ptr_array_index (step->desk, 0);
      g_test_message ("  %s | %s | %s | %s", cli_line->action, cli_line->subject, cli_line->detail,
                      cli_line->account);
      g_assert_cmpstr (desk_line->action, ==, cli_line->action);
      if (!same_text (cli_line->subject, desk_line->subject))
        g_error ("%s: subject “%s” from the command line, “%s” from the desk", step->name, cli_line->subject,
                 desk_line->subject);
      if (!same_text (cli_line->detail, desk_line->detail))
        g_error ("%s: detail “%s” from the command line, “%s” from the desk", step->name, cli_line->detail,
                 desk_line->detail);
      g_assert_cmpstr (desk_line->account, ==, cli_line->account);
      g_assert_cmpstr (cli_line->account, ==, CLERK);
    }
  g_assert_cmpuint (fx->steps->len, ==, 11);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = g_dir_make_tmp ("motcua-audit-XXXXXX", NULL);
  fx->cli_db = g_build_filename (fx->dir, "cli.db", NULL);
  fx->desk_db = g_build_filename (fx->dir, "desk.db", NULL);
  fx->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  g_setenv ("MOTCUA_NOW", NOW, TRUE);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  iterate (50);
  g_clear_object (&fx->app);
  iterate (50);
  test_remove_tree (fx->dir);
  g_clear_pointer (&fx->steps, g_ptr_array_unref);
  g_free (fx->dossiers.plain);
  g_free (fx->dossiers.due_soon);
  g_free (fx->dossiers.by_post);
  g_free (fx->cli_db);
  g_free (fx->desk_db);
  g_free (fx->dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/audit/same-lines", Fixture, NULL, fixture_set_up, test_same_lines, fixture_tear_down);
  return g_test_run ();
}
