/* mc-window.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The desk's main window: setup, the lock, the pages, search, the station and backup in the header, and the
 * desk's actions; the sync with the other workstations is mc-window-sync.c. */

#define G_LOG_DOMAIN "mc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-alerts-page.h"
#include "mc-backup.h"
#include "mc-calendar-page.h"
#include "mc-clock.h"
#include "mc-dossier-list-page.h"
#include "mc-dossier-window.h"
#include "mc-intake-page.h"
#include "mc-lock-page.h"
#include "mc-feedback-window.h"
#include "mc-fee-closing.h"
#include "mc-post-list.h"
#include "mc-posting.h"
#include "mc-preview-window.h"
#include "mc-reports-page.h"
#include "mc-setup-page.h"
#include "mc-sync-scheduler.h"
#include "mc-window-private.h"


G_DEFINE_FINAL_TYPE (McWindow, mc_window, ADW_TYPE_APPLICATION_WINDOW)

/*
 * Auxiliary methods
 */

static void
update_backup_label (McWindow *self)
{
  g_autofree char *setting = mc_store_get_local (self->store, MC_BACKUP_SETTING_DIR);
  g_autofree char *dir = setting && *setting ? g_strdup (setting) : mc_backup_default_dir (mc_store_get_path (self->store));
  g_autoptr(GPtrArray) backups = mc_backup_list (dir, NULL);
  g_autofree char *text = NULL;

  if (backups == NULL || backups->len == 0)
    text = g_strdup (_("Backup: none yet"));
  else
    {
      McBackupInfo *newest = g_ptr_array_index (backups, 0);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (newest->modified);
      g_autofree char *when = g_date_time_format (time, "%d/%m/%Y %H:%M");

      /* Translators: header status: when the newest backup of the database was made */
      text = g_strdup_printf (_("Backup: %s"), when);
    }
  gtk_label_set_text (self->backup_label, text);
}

static void
status_shown_cb (McWindow *self)
{
  _mc_window_update_sync_label (self);
  update_backup_label (self);
}

static const char *
person_at_desk (McWindow *self)
{
  const McOffice *office = mc_store_get_office (self->store);
  const char *signed_in = mc_accounts_get_signed_in (self->store);
  g_autoptr(GPtrArray) accounts = signed_in ? mc_accounts_list (self->store, NULL) : NULL;

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      McAccount *a = g_ptr_array_index (accounts, i);

      if (g_str_equal (a->username, signed_in))
        return g_intern_string (a->full_name);
    }
  return office->clerk ? office->clerk : "";
}

static void
update_station_label (McWindow *self)
{
  const McOffice *office = mc_store_get_office (self->store);
  g_autofree char *station = g_strdup_printf (_("%s · station %02d · %s"), office->name ? office->name : "",
                                              office->station, person_at_desk (self));

  gtk_label_set_text (self->station_label, station);
}

static void
show_desk (McWindow *self)
{

  update_station_label (self);
  _mc_window_update_sync_label (self);
  if (mc_application_is_demo (MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))))
    {
      /* Said plainly, everywhere it shows: nothing here is real. */
      AdwToast *toast = adw_toast_new (_("Demo: an imaginary commune's year of dossiers. Nothing is real, and "
                                         "everything is deleted when you close the window."));

      adw_toast_set_timeout (toast, 0);
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("DEMO — sample data"));
      gtk_window_set_title (GTK_WINDOW (self), _("Một Cửa — Demo"));
      mc_window_show_toast (self, toast);
    }
  mc_intake_page_set_store (self->intake_page, self->store);
  mc_dossier_list_page_set_store (self->list_page, self->store);
  if (self->clock == NULL)
    {
      self->clock = mc_clock_new ();
      /* Due states move with time: reload the list's labels at every minute and at midnight. */
      g_signal_connect_object (self->clock, "minute-changed", G_CALLBACK (mc_dossier_list_page_reload),
                               self->list_page, G_CONNECT_SWAPPED);
    }
  _mc_window_start_live_sync (self);
  mc_calendar_page_set_store (self->calendar_page, self->store, self->clock);
  mc_alerts_page_set_store (self->alerts_page, self->store, self->clock);
  mc_reports_page_set_store (self->reports_page, self->store);
  gtk_stack_set_visible_child_name (self->main_stack, "desk");
  adw_view_stack_set_visible_child_name (self->view_stack, "intake");
  mc_intake_page_focus (self->intake_page);
  self->last_activity = g_get_monotonic_time ();
  /* A workstation with accounts asks who is working before it shows anything. */
  if (mc_accounts_in_use (self->store) && mc_accounts_get_signed_in (self->store) == NULL)
    mc_window_lock (self);
}

typedef void (*ConfirmedFunc) (McWindow *self);

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     McWindow         *self)
{
  ConfirmedFunc func = g_object_get_data (G_OBJECT (dialog), "confirmed-func");

  if (g_str_equal (response, "discard"))
    func (self);
}

/* An unsaved intake form is never lost silently: ask first. */
static void
confirm_discard (McWindow      *self,
                 ConfirmedFunc  func)
{
  GtkWidget *dialog;

  if (!mc_intake_page_is_dirty (self->intake_page))
    {
      func (self);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Intake Form?"),
                                   _("The dossier being entered has not been saved. Its details will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "confirmed-func", func);
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reset_intake (McWindow *self)
{
  mc_intake_page_reset (self->intake_page);
  adw_view_stack_set_visible_child_name (self->view_stack, "intake");
  mc_intake_page_focus (self->intake_page);
}

static void
close_confirmed (McWindow *self)
{
  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/*
 * Callbacks
 */

static void
setup_completed_cb (McWindow *self)
{
  show_desk (self);
}

static void
signed_in_cb (McWindow *self)
{
  update_station_label (self);
  self->last_activity = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->main_stack, "desk");
  mc_intake_page_focus (self->intake_page);
}

/* Any key, click or pointer move at the desk. */
static gboolean
activity_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             McWindow                 *self)
{
  self->last_activity = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static gboolean
idle_check_cb (gpointer user_data)
{
  McWindow *self = user_data;
  g_autofree char *setting = NULL;
  gint64 minutes;

  if (self->store == NULL || !mc_accounts_in_use (self->store) || mc_accounts_get_signed_in (self->store) == NULL)
    return G_SOURCE_CONTINUE;
  setting = mc_store_get_local (self->store, MC_ACCOUNTS_SETTING_LOCK_MINUTES);
  minutes = setting ? g_ascii_strtoll (setting, NULL, 10) : MC_ACCOUNTS_DEFAULT_LOCK_MINUTES;
  if (minutes > 0 && g_get_monotonic_time () - self->last_activity > minutes * 60 * G_USEC_PER_SEC)
    mc_window_lock (self);
  return G_SOURCE_CONTINUE;
}

static void
intake_saved_cb (McWindow   *self,
                 const char *code)
{
  AdwToast *toast;
  g_autofree char *title = NULL;

  /* Translators: %s is the new dossier's code */
  title = g_strdup_printf (_("Dossier %s received"), code);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "desk.show-dossier");
  adw_toast_set_action_target_value (toast, g_variant_new_string (code));
  adw_toast_set_timeout (toast, 10);
  mc_window_show_toast (self, toast);
}

/* The badge counts what needs attention; a desktop notification tells when dossiers cross into due soon or
 * overdue (and at start). It names no citizen: notifications can be seen by anyone near the screen. */
static void
alerts_changed_cb (McWindow *self,
                   guint     fresh)
{
  guint count = mc_alerts_page_get_count (self->alerts_page);
  guint overdue = mc_alerts_page_get_overdue (self->alerts_page) + mc_alerts_page_get_step_late (self->alerts_page);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  adw_view_stack_page_set_badge_number (self->alerts_stack_page, count);
  adw_view_stack_page_set_needs_attention (self->alerts_stack_page, overdue > 0);
  if (fresh == 0 || count == 0 || app == NULL)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dossier needs attention", "%u dossiers need attention",
                                        count), count);
  body = mc_alerts_page_dup_notification_body (self->alerts_page);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, overdue > 0 ? G_NOTIFICATION_PRIORITY_HIGH
                                                         : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action (notification, "app.show-alerts");
  g_free (self->last_notification);
  self->last_notification = g_strdup_printf ("%s\n%s", title, body);
  /* Notifications need an application id (the desktop shows them under its name). */
  if (g_application_get_application_id (app) != NULL)
    g_application_send_notification (app, "alerts", notification);
}

static void
search_changed_cb (McWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  mc_dossier_list_page_set_search (self->list_page, text);
  if (*text != '\0')
    adw_view_stack_set_visible_child_name (self->view_stack, "dossiers");
}

static void
search_activated_cb (McWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "dossiers");
  mc_dossier_list_page_focus_list (self->list_page);
}

/* Down from the search field goes into the results, as Enter does. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       McWindow              *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  search_activated_cb (self);
  return TRUE;
}

static gboolean
close_request_cb (GtkWindow *window)
{
  McWindow *self = MC_WINDOW (window);

  if (mc_window_can_close (self))
    return FALSE;
  confirm_discard (self, close_confirmed);
  return TRUE;
}

/*
 * Actions
 */

static void
new_intake_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  confirm_discard (MC_WINDOW (widget), reset_intake);
}

static void
show_dossier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  McDossierWindow *window;
  GList *windows = gtk_window_list_toplevels ();

  /* One page per dossier: activating it again raises the open one. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (MC_IS_DOSSIER_WINDOW (l->data) && g_strcmp0 (mc_dossier_window_get_code (l->data), code) == 0)
      {
        gtk_window_present (l->data);
        g_list_free (windows);
        return;
      }
  g_list_free (windows);

  window = mc_dossier_window_new (self->store, code, &error);
  if (window == NULL)
    {
      mc_window_show_toast (self, adw_toast_new (error->message));
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "desk") != 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_mc_window_show_message (McWindow   *self,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The posting board (niêm yết): every procedure's sheet after an index of QR codes, in the preview to print. */
static void
posting_sheets_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) procedures = mc_store_list_procedures (self->store, &error);
  g_autofree char *url_template = mc_store_get_local (self->store, MC_POSTING_SETTING_URL_TEMPLATE);
  g_autoptr(McDocument) document = NULL;
  McPreviewWindow *preview;

  if (procedures != NULL)
    document = mc_posting_render (procedures, mc_store_get_office (self->store), url_template, &error);
  preview = document ? mc_preview_window_new (document, _("Posting-Board Sheets"), &error) : NULL;
  if (preview == NULL)
    {
      _mc_window_show_message (self, _("The Sheets Cannot Be Made"), error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (preview));
}

static void
feedback_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  McFeedbackWindow *window = mc_feedback_window_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (window));
}

/* The hand-over list for the postal worker: every result ready to send by post. */
static void
post_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDocument) document = mc_post_list_render (self->store, &error);
  McPreviewWindow *preview = document ? mc_preview_window_new (document, _("Post Hand-over List"), &error) : NULL;

  if (preview == NULL)
    {
      _mc_window_show_message (self, _("The List Cannot Be Made"), error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (preview));
}

/* The day's fees for the accountant, printed with signatures. */
static void
fee_closing_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (mc_fee_closing_show (GTK_WINDOW (self), self->store, &error) == NULL)
    _mc_window_show_message (self, _("The List Cannot Be Made"), error->message);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McWindow *self = MC_WINDOW (widget);

  if (!mc_accounts_in_use (self->store))
    {
      _mc_window_show_message (self, _("No Accounts Yet"),
                    _("The desk locks once it has accounts: an administrator adds them in Preferences, "
                      "Accounts."));
      return;
    }
  mc_window_lock (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  mc_window_show_page (MC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/*
 * GObject
 */

static void
mc_window_dispose (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  if (self->sync_scheduler != NULL)
    {
      /* A pass still running holds the scheduler: it stops its timers and reports to nobody. */
      g_signal_handlers_disconnect_by_data (self->sync_scheduler, self);
      g_object_run_dispose (G_OBJECT (self->sync_scheduler));
      g_clear_object (&self->sync_scheduler);
    }
  g_clear_pointer (&self->last_notification, g_free);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (mc_window_parent_class)->dispose (object);
}

static void
mc_window_class_init (McWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mc_window_dispose;
  window_class->close_request = close_request_cb;

  g_type_ensure (MC_TYPE_SETUP_PAGE);
  g_type_ensure (MC_TYPE_LOCK_PAGE);
  g_type_ensure (MC_TYPE_INTAKE_PAGE);
  g_type_ensure (MC_TYPE_DOSSIER_LIST_PAGE);
  g_type_ensure (MC_TYPE_ALERTS_PAGE);
  g_type_ensure (MC_TYPE_CALENDAR_PAGE);
  g_type_ensure (MC_TYPE_REPORTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, McWindow, station_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sync_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, backup_label);
  gtk_widget_class_bind_template_child (widget_class, McWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, McWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, McWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, intake_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, list_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, alerts_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, calendar_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, alerts_stack_page);
  gtk_widget_class_bind_template_callback (widget_class, alerts_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_completed_cb);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, intake_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);

  gtk_widget_class_install_action (widget_class, "desk.new-intake", NULL, new_intake_action);
  gtk_widget_class_install_action (widget_class, "desk.show-dossier", "s", show_dossier_action);
  gtk_widget_class_install_action (widget_class, "desk.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "desk.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "desk.post-list", NULL, post_list_action);
  gtk_widget_class_install_action (widget_class, "desk.fee-closing", NULL, fee_closing_action);
  gtk_widget_class_install_action (widget_class, "desk.feedback", NULL, feedback_action);
  gtk_widget_class_install_action (widget_class, "desk.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "desk.posting-sheets", NULL, posting_sheets_action);
  _mc_window_install_sync_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "desk.new-intake", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "desk.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "desk.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "desk.show-page", "s", "intake");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "desk.show-page", "s", "alerts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "desk.show-page", "s", "calendar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "desk.show-page", "s", "dossiers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "desk.show-page", "s", "reports");
}

static void
mc_window_init (McWindow *self)
{
  GtkEventController *activity = gtk_event_controller_legacy_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the field's text, whose own Down only rings the bell. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_event_controller_set_name (keys, "search-down");
    g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  /* The idle lock counts from the last thing the clerk did in this window. */
  gtk_event_controller_set_propagation_phase (activity, GTK_PHASE_CAPTURE);
  g_signal_connect (activity, "event", G_CALLBACK (activity_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), activity);
  self->last_activity = g_get_monotonic_time ();
  self->idle_check_id = g_timeout_add_seconds (15, idle_check_cb, self);
}

McWindow *
mc_window_new (McApplication *application,
               McStore       *store)
{
  McWindow *self = g_object_new (MC_TYPE_WINDOW, "application", application, NULL);

  self->store = g_object_ref (store);
  if (mc_store_is_set_up (store))
    show_desk (self);
  else
    {
      /* Nothing else is reachable until the office is set up. */
      mc_setup_page_set_store (self->setup_page, store);
      gtk_stack_set_visible_child_name (self->main_stack, "setup");
    }
  return self;
}

/**
 * mc_window_lock:
 *
 * Signs the person out and covers the desk: the lock page shows no citizen's data, and the other windows (a
 * dossier, a preview, a dialog: nothing unsaved lives there) are closed. What was being typed at intake is kept
 * behind the lock.
 */
void
mc_window_lock (McWindow *self)
{
  GList *toplevels;

  g_return_if_fail (MC_IS_WINDOW (self));

  mc_accounts_sign_out (self->store);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) self &&
        (gtk_window_get_application (l->data) == gtk_window_get_application (GTK_WINDOW (self)) ||
         gtk_window_get_transient_for (l->data) == GTK_WINDOW (self)))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_menu_button_popdown (self->status_button);
  mc_lock_page_set_store (self->lock_page, self->store);
  mc_lock_page_reset (self->lock_page);
  gtk_stack_set_visible_child_name (self->main_stack, "locked");
}

gboolean
mc_window_is_locked (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "locked") == 0;
}

gboolean
mc_window_can_close (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), TRUE);
  return self->closing_confirmed || !mc_intake_page_is_dirty (self->intake_page);
}

void
mc_window_show_toast (McWindow *self,
                      AdwToast *toast)
{
  g_return_if_fail (MC_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
mc_window_show_page (McWindow   *self,
                     const char *name)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "desk") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  if (g_str_equal (name, "intake"))
    mc_intake_page_focus (self->intake_page);
  else if (g_str_equal (name, "dossiers"))
    mc_dossier_list_page_focus_list (self->list_page);
  else if (g_str_equal (name, "calendar"))
    mc_calendar_page_select_day (self->calendar_page, mc_calendar_page_get_selected (self->calendar_page));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->alerts_page), GTK_DIR_TAB_FORWARD);
}

/* The text of the last alert notification sent (or that would have been sent without an application id). */
const char *
mc_window_get_last_notification (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);
  return self->last_notification;
}

/**
 * mc_window_get_visible_page:
 *
 * Returns: "setup", "locked", or the name of the desk page shown ("intake", "alerts", …), for the help topic.
 */
const char *
mc_window_get_visible_page (McWindow *self)
{
  const char *name;

  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);
  name = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (name, "desk") == 0)
    return adw_view_stack_get_visible_child_name (self->view_stack);
  return name;
}
