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

#include "mc-application.h"
#include "mc-demo.h"
#include "mc-time.h"
#include "mc-preferences-window.h"
#include "mc-window.h"

struct _McApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  McStore        *store;
  char           *demo_dir;   /* --demo: a temporary folder, deleted at exit */
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
  preferences = mc_preferences_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The Vietnamese user guide: installed beside the application's data, or in the source tree when run from a
 * build directory. */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *candidates[] = { PKGDATADIR "/huong-dan/README.md", SOURCE_DATADIR "/../docs/huong-dan/README.md" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_EXISTS))
      {
        g_autoptr(GFile) file = g_file_new_for_path (candidates[i]);
        g_autofree char *uri = g_file_get_uri (file);

        gtk_show_uri (window, uri, GDK_CURRENT_TIME);
        return;
      }
  {
    GtkWidget *dialog = adw_message_dialog_new (window, _("The User Guide Is Missing"),
                                                _("Reinstall Một Cửa: the guide is part of the package."));
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
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

static const GActionEntry app_actions[] = {
  { "show-alerts", show_alerts_activated },
  { "help", help_activated },
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
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
  if (g_variant_dict_lookup (options, "db", "&s", &db))
    mc_application_set_db_path (self, db);
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

  return mc_store_setup (self->store, &setup, error) &&
         mc_demo_generate (self->store, 6000, 2026, mc_minute_jdn (mc_time_now ()), 6000, 3000, NULL, NULL, NULL,
                           error);
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
  remove_demo (MC_APPLICATION (application));
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
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
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
    }

  window = GTK_WINDOW (mc_window_new (self, self->store));
  gtk_window_present (window);
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

void
mc_application_set_db_path (McApplication *self,
                            const char    *path)
{
  g_return_if_fail (MC_IS_APPLICATION (self));

  g_free (self->db_path);
  self->db_path = g_strdup (path);
}
