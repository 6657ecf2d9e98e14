/* mc-sync-folder-group.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preferences: the folder this workstation syncs through with the others, and how often. */

#define G_LOG_DOMAIN "motcua"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "mc-file-chooser.h"
#include "mc-sync-folder-group.h"
#include "mc-sync-folder.h"

struct _McSyncFolderGroup
{
  AdwPreferencesGroup   parent_instance;

  McStore              *store;
  gboolean              loading;
  GtkFileChooserNative *chooser;

  AdwActionRow         *folder_row;
  GtkButton            *stop_button;
  GtkSpinButton        *minutes_spin;
};

G_DEFINE_FINAL_TYPE (McSyncFolderGroup, mc_sync_folder_group, ADW_TYPE_PREFERENCES_GROUP)

/* The desk's window runs the passes: it reads the settings again. */
static void
tell_desk (McSyncFolderGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *desk = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  if (desk != NULL)
    gtk_widget_activate_action (GTK_WIDGET (desk), "desk.sync-reload", NULL);
}

static void
show_problem (McSyncFolderGroup *self,
              const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
load (McSyncFolderGroup *self)
{
  g_autofree char *folder = mc_store_get_local (self->store, MC_SYNC_SETTING_FOLDER);
  g_autofree char *minutes = mc_store_get_local (self->store, MC_SYNC_SETTING_MINUTES);
  gboolean set = folder != NULL && *folder != '\0';

  self->loading = TRUE;
  adw_action_row_set_subtitle (self->folder_row,
                               set ? folder : _("None: files are exported and imported by hand"));
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), set);
  gtk_spin_button_set_value (self->minutes_spin,
                             minutes != NULL ? g_ascii_strtod (minutes, NULL) : MC_SYNC_DEFAULT_MINUTES);
  self->loading = FALSE;
}

static void
save (McSyncFolderGroup *self,
      const char        *key,
      const char        *value)
{
  g_autoptr(GError) error = NULL;

  if (!mc_store_set_local (self->store, key, value, &error))
    {
      show_problem (self, error->message);
      return;
    }
  load (self);
  tell_desk (self);
}

static void
folder_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    McSyncFolderGroup *self)
{
  g_autofree char *path = NULL;

  if (!mc_file_chooser_finish (chooser, response, &self->chooser, &path))
    return;
  if (path == NULL || access (path, W_OK) != 0)
    {
      show_problem (self, _("That folder cannot be written to: choose another one"));
      return;
    }
  save (self, MC_SYNC_SETTING_FOLDER, path);
  show_problem (self, _("The workstation now syncs through this folder"));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McSyncFolderGroup *self = MC_SYNC_FOLDER_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *current = mc_store_get_local (self->store, MC_SYNC_SETTING_FOLDER);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Sync Folder"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  if (current != NULL && *current != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (current);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (MC_SYNC_FOLDER_GROUP (widget), MC_SYNC_SETTING_FOLDER, "");
}

static void
minutes_changed_cb (McSyncFolderGroup *self)
{
  g_autofree char *value = NULL;

  if (self->loading || self->store == NULL)
    return;
  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->minutes_spin));
  save (self, MC_SYNC_SETTING_MINUTES, value);
}

static void
mc_sync_folder_group_dispose (GObject *object)
{
  McSyncFolderGroup *self = MC_SYNC_FOLDER_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_SYNC_FOLDER_GROUP);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (mc_sync_folder_group_parent_class)->dispose (object);
}

static void
mc_sync_folder_group_class_init (McSyncFolderGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_sync_folder_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-sync-folder-group.ui");
  gtk_widget_class_bind_template_child (widget_class, McSyncFolderGroup, folder_row);
  gtk_widget_class_bind_template_child (widget_class, McSyncFolderGroup, stop_button);
  gtk_widget_class_bind_template_child (widget_class, McSyncFolderGroup, minutes_spin);
  gtk_widget_class_bind_template_callback (widget_class, minutes_changed_cb);
  gtk_widget_class_install_action (widget_class, "sync-folder.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "sync-folder.stop", NULL, stop_action);
}

static void
mc_sync_folder_group_init (McSyncFolderGroup *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

void
mc_sync_folder_group_set_store (McSyncFolderGroup *self,
                                McStore           *store)
{
  g_return_if_fail (MC_IS_SYNC_FOLDER_GROUP (self));
  g_return_if_fail (MC_IS_STORE (store));

  g_set_object (&self->store, store);
  load (self);
}
