/* mc-help.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-help"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "mc-help.h"
#include "mc-window.h"

/* The user guide is Mallard, installed with gnome.yelp() and shown by the desktop's help viewer. Each window,
 * and each page of the desk, opens its own topic: F1 and "User Guide" open the topic of what is in front. */

static const struct
{
  const char *type_name;
  const char *topic;
} window_topics[] = {
  { "McDossierWindow", MC_HELP ("ho-so") },
  { "McPreviewWindow", MC_HELP ("giay-hen#cua-so-xem-truoc") },
  { "McDeclarationWindow", MC_HELP ("so-hoa#to-khai") },
  { "McFeedbackWindow", MC_HELP ("so-hoa#phan-anh") },
  { "McAuditWindow", MC_HELP ("tai-khoan#nhat-ky-kiem-soat") },
  { "McPreferencesWindow", MC_HELP ("cai-dat") },
  { "GtkShortcutsWindow", MC_HELP ("phim-tat") },
};

static const struct
{
  const char *page;
  const char *topic;
} desk_topics[] = {
  { "setup", MC_HELP ("thiet-lap") },
  { "locked", MC_HELP ("tai-khoan#khoa-man-hinh") },
  { "intake", MC_HELP ("tiep-nhan") },
  { "alerts", MC_HELP ("canh-bao") },
  { "calendar", MC_HELP ("lich-hen-tra") },
  { "dossiers", MC_HELP ("tim-ho-so") },
  { "reports", MC_HELP ("bao-cao") },
};

#define TOPIC_KEY "mc-help-topic"

/**
 * mc_help_set_topic:
 * @topic: (nullable): a topic marked with MC_HELP()
 *
 * Gives @window (a dialog, for instance) its own topic, which F1 opens while it is in front.
 */
void
mc_help_set_topic (GtkWindow  *window,
                   const char *topic)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_object_set_data (G_OBJECT (window), TOPIC_KEY, (gpointer) topic);
}

/**
 * mc_help_topic_for_window:
 * @window: (nullable): the window in front
 *
 * Returns: the topic of @window: its own, that of its kind, the desk page shown, or else its parent's; %NULL
 * for the guide's first page.
 */
const char *
mc_help_topic_for_window (GtkWindow *window)
{
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    {
      const char *topic = g_object_get_data (G_OBJECT (window), TOPIC_KEY);
      const char *type_name = G_OBJECT_TYPE_NAME (window);

      if (topic != NULL)
        return topic;
      for (guint i = 0; i < G_N_ELEMENTS (window_topics); i++)
        if (g_str_equal (type_name, window_topics[i].type_name))
          return window_topics[i].topic;
      if (MC_IS_WINDOW (window))
        {
          const char *page = mc_window_get_visible_page (MC_WINDOW (window));

          for (guint i = 0; i < G_N_ELEMENTS (desk_topics); i++)
            if (g_strcmp0 (page, desk_topics[i].page) == 0)
              return desk_topics[i].topic;
          return NULL;
        }
    }
  return NULL;
}

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;
  {
    GtkWidget *dialog = adw_message_dialog_new (parent, _("The User Guide Cannot Be Shown"),
                                                _("Install the help viewer (the “yelp” package) to read the guide, "
                                                  "or ask the technical staff."));

    g_debug ("help: %s", error->message);
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/**
 * mc_help_show:
 * @parent: (nullable): the window the viewer is opened for
 * @topic: (nullable): a topic marked with MC_HELP(), or %NULL for the guide's first page
 *
 * Opens the user guide at @topic in the help viewer (help:motcua/PAGE#SECTION).
 */
void
mc_help_show (GtkWindow  *parent,
              const char *topic)
{
  g_autofree char *uri = g_strconcat ("help:" GETTEXT_PACKAGE, topic != NULL && *topic != '\0' ? "/" : "",
                                      topic != NULL ? topic : "", NULL);

  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, shown_cb, parent ? g_object_ref (parent) : NULL);
}
