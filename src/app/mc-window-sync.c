/* mc-window-sync.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The main window's sync with the other workstations: the live sync's status in the header, and the exchange
 * with a file (export and import with their choosers, the passphrase they need, the import's preview and
 * confirmation, the folder last used). */

#define G_LOG_DOMAIN "mc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-bundle.h"
#include "mc-file-chooser.h"
#include "mc-help.h"
#include "mc-time.h"
#include "mc-window-private.h"

static char *
describe_time_text (const char *value)
{
  McMinute t;
  int y, m, d, mod;

  if (value == NULL || !mc_time_parse (value, &t, NULL))
    return g_strdup (_("never"));
  mod = mc_minute_of_day (t);
  mc_jdn_to_ymd (mc_minute_jdn (t), &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%d %02d:%02d", d, m, y, mod / 60, mod % 60);
}

static char *
describe_local_time (McStore    *store,
                     const char *key)
{
  g_autofree char *value = mc_store_get_local (store, key);
  return describe_time_text (value);
}

void
_mc_window_update_sync_label (McWindow *self)
{
  g_autofree char *exported = describe_local_time (self->store, "last_export_at");
  g_autofree char *imported = describe_local_time (self->store, "last_import_at");
  /* Translators: header status: when this station last exported and imported a sync file */
  g_autofree char *text = g_strdup_printf (_("Sync: exported %s · imported %s"), exported, imported);
  g_autofree char *live = self->sync_scheduler ? mc_sync_scheduler_describe (self->sync_scheduler) : NULL;

  gtk_label_set_text (self->sync_label, live != NULL ? live : text);
}

/* A pass through the sync folder ended: the header says how; the clerk hears of what came in, and is asked to
 * look only when a decision is theirs (dossiers changed at two workstations at once). */
static void
sync_pass_done_cb (McWindow *self)
{
  const McSyncReport *report = mc_sync_scheduler_get_report (self->sync_scheduler);
  g_autoptr(GString) tooltip = g_string_new (NULL);

  _mc_window_update_sync_label (self);
  for (guint i = 0; report != NULL && i < report->notes->len; i++)
    {
      McSyncNote *note = g_ptr_array_index (report->notes, i);

      g_string_append_printf (tooltip, "%s%s: %s", tooltip->len ? "\n" : "", note->file, note->message);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_label), tooltip->len ? tooltip->str : NULL);
  if (report == NULL)
    return;
  if (report->n_dossiers > 0)
    {
      /* Translators: a toast after a sync pass */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Changes to %u dossier received from the other "
                                                             "workstations",
                                                             "Changes to %u dossiers received from the other "
                                                             "workstations", report->n_dossiers),
                                                report->n_dossiers);

      mc_window_show_toast (self, adw_toast_new (title));
    }
  if (report->conflicts->len > 0)
    {
      g_autoptr(GString) body = g_string_new (_("These dossiers were changed at two workstations before they "
                                                "synced. Nothing is lost: every change is in the dossier's "
                                                "history. Open each one and check it:"));

      for (guint i = 0; i < report->conflicts->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (report->conflicts, i));
      _mc_window_show_message (self, _("Changed at Two Workstations"), body->str);
    }
}

void
_mc_window_start_live_sync (McWindow *self)
{
  if (self->sync_scheduler != NULL)
    return;
  self->sync_scheduler = mc_sync_scheduler_new (self->store);
  g_signal_connect_object (self->sync_scheduler, "pass-done", G_CALLBACK (sync_pass_done_cb), self,
                           G_CONNECT_SWAPPED);
  /* After work, once the clerk pauses. */
  g_signal_connect_object (self->store, "changed", G_CALLBACK (mc_sync_scheduler_work_done), self->sync_scheduler,
                           G_CONNECT_SWAPPED);
  /* The pass on start. */
  mc_sync_scheduler_reload (self->sync_scheduler);
  _mc_window_update_sync_label (self);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  if (self->sync_scheduler == NULL || !mc_sync_scheduler_is_enabled (self->sync_scheduler))
    {
      _mc_window_show_message (self, _("No Sync Folder"),
                    _("Choose the folder the office's workstations share in Preferences, on the page “Sync and "
                      "Backups”. Until then, sync files are exported and imported by hand."));
      return;
    }
  mc_sync_scheduler_run_now (self->sync_scheduler);
  _mc_window_update_sync_label (self);
}

static void
sync_reload_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  if (self->sync_scheduler != NULL)
    mc_sync_scheduler_reload (self->sync_scheduler);
  _mc_window_update_sync_label (self);
}

/* The passphrase is set in Preferences, on the sync page: the dialog takes the clerk there. */
static void
no_key_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    McWindow         *self)
{
  GList *windows;

  if (!g_str_equal (response, "preferences"))
    return;
  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (self))), "preferences",
                                  NULL);
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      adw_preferences_window_set_visible_page_name (l->data, "sync");
  g_list_free (windows);
}

static gboolean
require_sync_key (McWindow *self)
{
  GtkWidget *dialog;

  if (mc_bundle_has_key (self->store))
    return TRUE;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("No Sync Passphrase"),
                                   _("Set the office's sync passphrase in Preferences first. Every workstation of "
                                     "the office uses the same passphrase; it protects the citizens' data in the "
                                     "file."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"),
                                    "preferences", _("Open _Preferences"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "preferences", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "preferences");
  g_signal_connect_object (dialog, "response", G_CALLBACK (no_key_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* Sync files go to and come from the same place (a USB stick, a shared folder): the chooser starts in the
 * folder last used. */
#define LAST_SYNC_DIR "last_sync_dir"

static void
remember_sync_dir (McWindow   *self,
                   const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  mc_store_set_local (self->store, LAST_SYNC_DIR, dir, NULL);
}

static void
start_in_last_sync_dir (McWindow *self)
{
  g_autofree char *dir = mc_store_get_local (self->store, LAST_SYNC_DIR);

  if (dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
}

/* Long exports keep the window responsive and show how far they are; the window accepts no other input
 * meanwhile, so nothing else touches the database during the export. */
static void
export_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  McWindow *self = user_data;

  if (self->progress_bar != NULL && total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    McWindow        *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = 0, n_documents = 0;
  gboolean ok;

  if (!mc_file_chooser_finish (dialog, response, &self->chooser, &path))
    return;
  if (path == NULL)
    {
      _mc_window_show_message (self, _("Export Failed"), _("Choose a folder on this computer or on a USB stick."));
      return;
    }

  self->progress_dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Exporting…"), NULL);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self->progress_dialog), GTK_WIDGET (self->progress_bar));
  gtk_window_present (GTK_WINDOW (self->progress_dialog));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);

  ok = mc_bundle_export (self->store, path,
                         self->export_documents ? MC_BUNDLE_EXPORT_DOCUMENTS : MC_BUNDLE_EXPORT_INCREMENTAL,
                         export_progress_cb, self, &n, &n_documents, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  gtk_window_destroy (GTK_WINDOW (self->progress_dialog));
  self->progress_dialog = NULL;
  self->progress_bar = NULL;
  if (!ok)
    {
      _mc_window_show_message (self, _("Export Failed"), error->message);
      return;
    }
  remember_sync_dir (self, path);
  _mc_window_update_sync_label (self);
  {
    g_autofree char *name = g_path_get_basename (path);
    /* Translators: a toast after an export: how many changes, the file's name (and the documents) */
    g_autofree char *title = self->export_documents
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change saved as %s, with %u documents",
                                      "%u changes saved as %s, with %u documents", n), n, name, n_documents)
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change saved as %s", "%u changes saved as %s", n), n,
                         name);
    AdwToast *toast = adw_toast_new (title);

    adw_toast_set_button_label (toast, _("Open _Folder"));
    adw_toast_set_action_name (toast, "desk.open-sync-dir");
    adw_toast_set_timeout (toast, 10);
    mc_window_show_toast (self, toast);
  }
}

/* The folder the last sync file went to, in the file manager. */
static void
open_sync_dir_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autofree char *dir = mc_store_get_local (self->store, LAST_SYNC_DIR);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (dir == NULL)
    return;
  folder = g_file_new_for_path (dir);
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  const McOffice *office = mc_store_get_office (self->store);
  g_autofree char *now = mc_time_format_iso (mc_time_now ());
  g_autofree char *name = NULL;

  if (!require_sync_key (self))
    return;
  self->export_documents = g_str_equal (action_name, "desk.export-documents");
  /* "000.00.12.H40-tram01-2026-11-23T0910.motcua" */
  g_strdelimit (now, ":", '-');
  name = g_strdup_printf ("%s-tram%02d-%s.motcua", office->code, office->station, now);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Sync File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  start_in_last_sync_dir (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A large import takes seconds: the core runs it in a worker thread on a connection of its own, so the window
 * keeps drawing; the desk's connection is refreshed once it is committed. */
static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(McWindow) self = user_data;
  g_autoptr(McImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (self->progress_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->progress_dialog));
      self->progress_dialog = NULL;
    }
  if (!mc_bundle_import_finish (MC_STORE (source), result, &preview, &error))
    {
      _mc_window_show_message (self, _("Nothing Was Imported"), error->message);
      return;
    }
  _mc_window_update_sync_label (self);
  summary = preview->n_new > 0
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u new event (%u dossiers)",
                                            "Imported %u new events (%u dossiers)", preview->n_new),
                               preview->n_new, preview->n_dossiers)
            : g_strdup (_("Nothing new: this file was imported before"));
  mc_window_show_toast (self, adw_toast_new (summary));
}

static void
import_confirm_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   McWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  GtkWidget *spinner;

  if (!g_str_equal (response, "import"))
    return;
  /* A modal dialog without a button: nothing else touches the database meanwhile. */
  self->progress_dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Importing…"), NULL);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self->progress_dialog), spinner);
  gtk_window_present (GTK_WINDOW (self->progress_dialog));
  mc_bundle_import_async (self->store, path, NULL, import_done_cb, g_object_ref (self));
}

/* What the file holds, before anything is applied. */
static void
show_import_preview (McWindow   *self,
                     const char *path)
{
  g_autoptr(McImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  remember_sync_dir (self, path);

  preview = mc_bundle_read_preview (self->store, path, &error);
  if (preview == NULL)
    {
      _mc_window_show_message (self, _("Nothing Was Imported"), error->message);
      return;
    }
  /* Translators: import preview; office code, station number, creation time */
  {
    g_autofree char *created = describe_time_text (preview->created);
    g_string_append_printf (body, _("From office %s, station %02d, exported %s."), preview->office_code,
                            preview->source_station, created);
  }
  g_string_append_c (body, '\n');
  g_string_append_printf (body, _("%u events: %u new, %u already here; %u dossiers affected."), preview->n_events,
                          preview->n_new, preview->n_known, preview->n_dossiers);
  for (guint i = 0; preview->conflicts && i < preview->conflicts->len; i++)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("Edited on two stations at once: %s"),
                              (const char *) g_ptr_array_index (preview->conflicts, i));
    }
  for (guint i = 0; preview->gaps && i < preview->gaps->len; i++)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("Missing earlier events: %s"), (const char *) g_ptr_array_index (preview->gaps, i));
    }
  if (preview->n_documents > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "With %u digitised document.",
                                                 "With %u digitised documents.", preview->n_documents),
                              preview->n_documents);
    }
  if (preview->n_new == 0 && preview->n_documents == 0)
    {
      g_string_append_c (body, '\n');
      g_string_append (body, _("Everything in this file is already here: importing changes nothing."));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import This Sync File?"), body->str);
  mc_help_set_topic (GTK_WINDOW (dialog), MC_HELP ("dong-bo#nhap-tep-dong-bo"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (import_confirm_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    McWindow        *self)
{
  g_autofree char *path = NULL;

  if (!mc_file_chooser_finish (dialog, response, &self->chooser, &path))
    return;
  if (path == NULL)
    {
      _mc_window_show_message (self, _("Nothing Was Imported"), _("Choose a file on this computer or on a USB stick."));
      return;
    }
  show_import_preview (self, path);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (!require_sync_key (self))
    return;
  gtk_file_filter_set_name (filter, _("Một Cửa sync files"));
  gtk_file_filter_add_pattern (filter, "*.motcua");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Sync File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  start_in_last_sync_dir (self);
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_mc_window_install_sync_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "desk.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "desk.export-documents", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "desk.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "desk.sync-now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "desk.open-sync-dir", NULL, open_sync_dir_action);
  gtk_widget_class_install_action (widget_class, "desk.sync-reload", NULL, sync_reload_action);
}

/* For tests and scripts: the same preview and confirmation as after choosing a file. */
void
mc_window_import_file (McWindow   *self,
                       const char *path)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  if (require_sync_key (self))
    show_import_preview (self, path);
}
