/* mc-application.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mc-accounts.h"
#include "mc-application.h"
#include "mc-audit-window.h"
#include "mc-backup.h"
#include "mc-demo.h"
#include "mc-file-chooser.h"
#include "mc-help.h"
#include "mc-time.h"
#include "mc-preferences-window.h"
#include "mc-window.h"

struct _McApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  McStore        *store;
  char           *demo_dir;   /* --demo: a temporary folder, deleted at exit */
  guint           daily_backup_id;
  guint           first_backup_id;
  gboolean        backup_running;
  GtkFileChooserNative *chooser;
  GtkWidget      *progress_dialog;
};

G_DEFINE_FINAL_TYPE (McApplication, mc_application, ADW_TYPE_APPLICATION)

/*
 * Auxiliary methods
 */

static void
show_open_error (McApplication *self,
                 GError        *error)
{
  GtkWidget *dialog;

  /* No main window to attach to: the message dialog stands alone, and quitting closes the application. */
  dialog = adw_message_dialog_new (NULL, _("The database cannot be opened"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static McWindow *
desk_window (McApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return MC_IS_WINDOW (window) ? MC_WINDOW (window) : NULL;
}

static void
show_message (McApplication *self,
              const char    *heading,
              const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (desk_window (self)), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Settings, accounts, the audit log and restores are the administrator's (when the workstation has accounts). */
static gboolean
administrator_only (McApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (mc_accounts_check (self->store, MC_PERMISSION_ADMINISTER, &error))
    return TRUE;
  show_message (self, _("For Administrators"), error->message);
  return FALSE;
}

/*
 * Actions
 */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  McApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (MC_IS_WINDOW (l->data) && !mc_window_can_close (l->data))
      {
        gtk_window_present (l->data);
        return;
      }
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Một Cửa developers"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Một Cửa"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The one-stop desk of a commune: receive dossiers, keep every deadline, "
                                       "print the official forms."),
                         "developers", developers,
                         "copyright", "© 2026 The Một Cửa developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  McPreferencesWindow *preferences;

  if (self->store == NULL || !mc_store_is_set_up (self->store))
    return;
  if (!administrator_only (self))
    return;
  preferences = mc_preferences_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The user guide at a topic: the one given (a help button), or else that of the window in front (F1). */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *topic = g_variant_get_string (parameter, NULL);

  mc_help_show (window, *topic != '\0' ? topic : mc_help_topic_for_window (window));
}

static void
show_alerts_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (MC_IS_WINDOW (window))
    mc_window_show_page (MC_WINDOW (window), "alerts");
}

/*
 * Backups
 */


static void
show_toast (McApplication *self,
            const char    *text,
            guint          timeout)
{
  McWindow *window = desk_window (self);
  AdwToast *toast;

  if (window == NULL)
    return;
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, timeout);
  mc_window_show_toast (window, toast);
}

typedef struct
{
  McApplication *self;
  gboolean       manual;
} BackupRequest;

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BackupRequest *request = user_data;
  McApplication *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = mc_backup_create_finish (result, &error);

  self->backup_running = FALSE;
  if (path == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The daily backup failed: %s"), error->message);

      /* Said until it is read: a desk without backups must not go unnoticed. */
      if (request->manual)
        show_message (self, _("Backup Failed"), error->message);
      else
        show_toast (self, text, 0);
    }
  else if (request->manual)
    {
      g_autofree char *text = g_strdup_printf (_("Backed up to %s"), path);
      show_toast (self, text, 5);
    }
  g_application_release (G_APPLICATION (self));
  g_object_unref (self);
  g_free (request);
}

static char *
backup_dir (McApplication *self)
{
  g_autofree char *setting = mc_store_get_local (self->store, MC_BACKUP_SETTING_DIR);

  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);
  return mc_backup_default_dir (self->db_path);
}

static void
start_backup (McApplication *self,
              gboolean       manual)
{
  g_autofree char *dir = NULL;
  g_autofree char *keep_text = NULL;
  BackupRequest *request;
  gint64 keep;

  if (self->store == NULL || !mc_store_is_set_up (self->store))
    return;
  if (self->backup_running)
    {
      if (manual)
        show_toast (self, _("A backup is being made already"), 3);
      return;
    }
  dir = backup_dir (self);
  keep_text = mc_store_get_local (self->store, MC_BACKUP_SETTING_KEEP);
  keep = keep_text ? g_ascii_strtoll (keep_text, NULL, 10) : MC_BACKUP_DEFAULT_KEEP;
  request = g_new0 (BackupRequest, 1);
  request->self = g_object_ref (self);
  request->manual = manual;
  self->backup_running = TRUE;
  g_application_hold (G_APPLICATION (self));
  mc_backup_create_async (self->store, dir, keep > 0 ? (guint) keep : MC_BACKUP_DEFAULT_KEEP,
                          manual ? MC_BACKUP_ON_REQUEST : MC_BACKUP_DAILY, NULL, backup_done_cb, request);
}

/* Every ten minutes (and once shortly after start): one backup a day, made in a worker thread. */
static gboolean
daily_backup_cb (gpointer user_data)
{
  McApplication *self = user_data;
  g_autofree char *enabled = NULL;
  g_autofree char *dir = NULL;

  if (self->store == NULL || !mc_store_is_set_up (self->store) || self->demo_dir != NULL)
    return G_SOURCE_CONTINUE;
  enabled = mc_store_get_local (self->store, MC_BACKUP_SETTING_AUTO);
  dir = backup_dir (self);
  if (g_strcmp0 (enabled, "false") != 0 && !mc_backup_made_today (dir))
    start_backup (self, FALSE);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_backup_check_cb (gpointer user_data)
{
  McApplication *self = user_data;

  self->first_backup_id = 0;
  daily_backup_cb (self);
  return G_SOURCE_REMOVE;
}

static void
backup_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  start_backup (MC_APPLICATION (user_data), TRUE);
}

/* The desk starts again on the restored database; the one it replaced stays beside it as a file. */
static void
replace_database (McApplication *self,
                  const char    *prepared)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  gboolean restored;
  McWindow *window;

  g_application_hold (G_APPLICATION (self));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_clear_object (&self->store);

  restored = mc_backup_finish_restore (prepared, self->db_path, &kept, &error);
  self->store = mc_store_open (self->db_path, FALSE, &open_error);
  if (self->store != NULL)
    mc_store_checkpoint_in_background (self->store);
  if (self->store == NULL)
    show_open_error (self, open_error);
  else
    {
      window = mc_window_new (self, self->store);
      gtk_window_present (GTK_WINDOW (window));
      if (!restored)
        show_message (self, _("Nothing Was Restored"), error->message);
      else
        {
          g_autofree char *text = kept ? g_strdup_printf (_("Backup restored. The database it replaced is kept as %s"),
                                                          kept)
                                       : g_strdup (_("Backup restored"));
          show_toast (self, text, 0);
        }
    }
  g_application_release (G_APPLICATION (self));
}

static void
restore_prepared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  McApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *prepared = mc_backup_prepare_restore_finish (result, &error);
  McWindow *window = desk_window (self);

  if (self->progress_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->progress_dialog));
      self->progress_dialog = NULL;
    }
  if (prepared == NULL)
    show_message (self, _("Nothing Was Restored"), error->message);
  else if (window != NULL && !mc_window_can_close (window))
    {
      g_unlink (prepared);
      show_message (self, _("Nothing Was Restored"),
                    _("An intake was being typed meanwhile. Save or clear it, then restore again."));
    }
  else
    replace_database (self, prepared);
  g_application_release (G_APPLICATION (self));
  g_object_unref (self);
}

static void
restore_confirm_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    McApplication    *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  GtkWidget *spinner;

  if (!g_str_equal (response, "restore"))
    return;
  self->progress_dialog = adw_message_dialog_new (GTK_WINDOW (desk_window (self)), _("Checking the Backup…"),
                                                  _("Every dossier is compared with its history before anything "
                                                    "is replaced."));
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self->progress_dialog), spinner);
  gtk_window_present (GTK_WINDOW (self->progress_dialog));
  g_application_hold (G_APPLICATION (self));
  mc_backup_prepare_restore_async (path, self->db_path, NULL, restore_prepared_cb, g_object_ref (self));
}

static void
restore_chosen (McApplication *self,
                const char    *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (st.st_mtime);
      when = g_date_time_format (time, "%d/%m/%Y %H:%M");
    }
  body = g_strdup_printf (_("The backup “%s” (made %s) replaces the database in use. The database in use is "
                            "not deleted: it is kept beside it as a file. The backup is checked whole first, "
                            "then the desk starts again on it."), name, when ? when : "?");
  dialog = adw_message_dialog_new (GTK_WINDOW (desk_window (self)), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_confirm_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     McApplication   *self)
{
  g_autofree char *path = NULL;

  if (!mc_file_chooser_finish (chooser, response, &self->chooser, &path))
    return;
  if (path == NULL)
    show_message (self, _("Nothing Was Restored"), _("Choose a backup file on this computer or on a USB stick."));
  else
    restore_chosen (self, path);
}

static void
restore_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  McApplication *self = user_data;
  McWindow *window = desk_window (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *dir = NULL;

  if (window == NULL || self->store == NULL || !mc_store_is_set_up (self->store) || !administrator_only (self))
    return;
  if (!mc_window_can_close (window))
    {
      show_message (self, _("Finish the Intake First"),
                    _("An intake is being typed. Save or clear it, then restore the backup."));
      return;
    }
  gtk_file_filter_set_name (filter, _("Một Cửa backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Restore From Backup"), GTK_WINDOW (window),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  dir = backup_dir (self);
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (restore_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
audit_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  McApplication *self = user_data;
  McAuditWindow *audit;

  if (self->store == NULL || !mc_store_is_set_up (self->store) || !administrator_only (self))
    return;
  audit = mc_audit_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (audit), gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (audit));
}

static const GActionEntry app_actions[] = {
  { "show-alerts", show_alerts_activated },
  { "help", help_activated, "s" },
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "backup", backup_activated },
  { "restore", restore_activated },
  { "audit", audit_activated },
};

/*
 * GApplication
 */

static int
mc_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  McApplication *self = MC_APPLICATION (application);
  const char *db = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "demo"))
    {
      /* A demo runs on its own, beside a real desk that may already be open. */
      self->demo_dir = g_dir_make_tmp ("motcua-demo-XXXXXX", &error);
      if (self->demo_dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
      self->db_path = g_build_filename (self->demo_dir, "demo.db", NULL);
      return -1;
    }
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("motcua %s\n", PACKAGE_VERSION);
      return 0;
    }
  /* A filename option arrives as a bytestring in the file system's encoding. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && *db != '\0')
    {
      mc_application_set_db_path (self, db);
      /* A desk already open on another database must not take this request over: the clerk asked for this
       * file, so this process opens it itself. */
      g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

/* A commune's year of realistic dossiers up to today, so the calendar, alerts and reports are alive. */
static gboolean
fill_demo (McApplication  *self,
           GError        **error)
{
  McStoreSetup setup = {
    .office_code = "000.00.12.H40",
    .office_name = "UBND xã Tân Lập",
    .parent_name = "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
    .place = "Tân Lập",
    .station = 1,
    .clerk = "Nguyễn Thị Lan",
  };

  McDemoOptions demo = {
    .n_dossiers = 6000,
    .seed = 2026,
    .end_jdn = mc_minute_jdn (mc_time_now ()),
    .per_year = 6000,
    .batch_size = 3000,
  };

  return mc_store_setup (self->store, &setup, error) && mc_demo_generate (self->store, &demo, NULL, error);
}

gboolean
mc_application_is_demo (McApplication *self)
{
  g_return_val_if_fail (MC_IS_APPLICATION (self), FALSE);
  return self->demo_dir != NULL;
}

static void
remove_demo (McApplication *self)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (self->demo_dir == NULL)
    return;
  g_clear_object (&self->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->db_path, suffixes[i], NULL);
      g_unlink (path);
    }
  g_rmdir (self->demo_dir);
}

static void
mc_application_shutdown (GApplication *application)
{
  McApplication *self = MC_APPLICATION (application);

  g_clear_handle_id (&self->daily_backup_id, g_source_remove);
  g_clear_handle_id (&self->first_backup_id, g_source_remove);
  g_clear_object (&self->chooser);
  remove_demo (self);
  G_APPLICATION_CLASS (mc_application_parent_class)->shutdown (application);
}

static void
mc_application_startup (GApplication *application)
{
  McApplication *self = MC_APPLICATION (application);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *prefs_accels[] = { "<Control>comma", NULL };
  const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (mc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help('')", help_accels);
}

static void
mc_application_activate (GApplication *application)
{
  McApplication *self = MC_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  /* Launching again raises the window that is already open. */
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      if (self->db_path == NULL)
        self->db_path = mc_store_default_path ();
      self->store = mc_store_open (self->db_path, TRUE, &error);
      if (self->store == NULL || (self->demo_dir != NULL && !fill_demo (self, &error)))
        {
          show_open_error (self, error);
          return;
        }
      mc_store_checkpoint_in_background (self->store);
    }

  window = GTK_WINDOW (mc_window_new (self, self->store));
  gtk_window_present (window);
  if (self->daily_backup_id == 0 && self->demo_dir == NULL)
    {
      self->daily_backup_id = g_timeout_add_seconds (600, daily_backup_cb, self);
      /* The first check waits until the desk has settled after its start. */
      self->first_backup_id = g_timeout_add_seconds (30, first_backup_check_cb, self);
    }
}

static void
mc_application_finalize (GObject *object)
{
  McApplication *self = MC_APPLICATION (object);

  remove_demo (self);
  g_clear_object (&self->store);
  g_free (self->db_path);
  g_free (self->demo_dir);

  G_OBJECT_CLASS (mc_application_parent_class)->finalize (object);
}

static void
mc_application_class_init (McApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mc_application_finalize;
  app_class->handle_local_options = mc_application_handle_local_options;
  app_class->startup = mc_application_startup;
  app_class->activate = mc_application_activate;
  app_class->shutdown = mc_application_shutdown;
}

static void
mc_application_init (McApplication *self)
{
  const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database instead of the default one"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Try the desk on a sample commune's year, deleted at exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

McApplication *
mc_application_new (GApplicationFlags flags)
{
  return g_object_new (MC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/motcua/Desk",
                       NULL);
}

McStore *
mc_application_get_store (McApplication *self)
{
  g_return_val_if_fail (MC_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * mc_application_restore_file:
 * @path: a backup file
 *
 * What choosing @path in "Restore From Backup…" does: asks for confirmation, then checks the backup and starts
 * the desk again on it.
 */
void
mc_application_restore_file (McApplication *self,
                             const char    *path)
{
  g_return_if_fail (MC_IS_APPLICATION (self));
  restore_chosen (self, path);
}

void
mc_application_set_db_path (McApplication *self,
                            const char    *path)
{
  g_return_if_fail (MC_IS_APPLICATION (self));

  g_free (self->db_path);
  self->db_path = g_strdup (path);
}
