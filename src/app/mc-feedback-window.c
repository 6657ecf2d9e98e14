/* mc-feedback-window.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feedback register (phản ánh, kiến nghị): recording what a citizen says about the desk, and the office's
 * answer, with the entries past their due day marked. */

#define G_LOG_DOMAIN "mc-feedback-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-feedback.h"
#include "mc-feedback-window.h"
#include "mc-time.h"

struct _McFeedbackWindow
{
  AdwWindow       parent_instance;

  AdwComboRow    *channel_row;
  AdwEntryRow    *content_row;
  AdwEntryRow    *citizen_row;
  AdwEntryRow    *contact_row;
  AdwEntryRow    *dossier_row;
  AdwEntryRow    *procedure_row;
  AdwEntryRow    *staff_row;
  GtkCheckButton *open_only_check;
  GtkListBox     *list;

  McStore        *store;
  guint           n_rows;
};

G_DEFINE_FINAL_TYPE (McFeedbackWindow, mc_feedback_window, ADW_TYPE_WINDOW)

static void
show_error (McFeedbackWindow *self,
            const char       *heading,
            const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_day (int jdn)
{
  int y, m, d;

  mc_jdn_to_ymd (jdn, &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

static GtkWidget *
make_row (McFeedback *f,
          int         today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *received = format_day (f->received_jdn);
  g_autofree char *due = format_day (f->due_jdn);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->content);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: when feedback arrived, and how */
  g_string_append_printf (subtitle, _("Received %s, %s"), received, mc_feedback_channel_label (f->channel));
  if (f->citizen)
    g_string_append_printf (subtitle, " — %s", f->citizen);
  if (f->contact)
    g_string_append_printf (subtitle, " (%s)", f->contact);
  if (f->dossier_code)
    g_string_append_printf (subtitle, _(" — dossier %s"), f->dossier_code);
  if (f->procedure_code)
    g_string_append_printf (subtitle, _(" — procedure %s"), f->procedure_code);
  if (f->staff)
    g_string_append_printf (subtitle, _(" — staff: %s"), f->staff);
  g_string_append_c (subtitle, '\n');
  if (f->answer != NULL)
    {
      g_autofree char *answered = format_day (f->answered_jdn);

      /* Translators: the answer's date, who gave it, then the answer */
      g_string_append_printf (subtitle, _("Answered %s by %s: %s"), answered, f->answered_by ? f->answered_by : "",
                              f->answer);
    }
  else
    g_string_append_printf (subtitle, _("Answer due by %s"), due);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (f->answer == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Answer…"));

      if (f->due_jdn < today)
        {
          GtkWidget *label = gtk_label_new (_("Overdue"));

          gtk_widget_add_css_class (label, "due-state");
          gtk_widget_add_css_class (label, "overdue");
          gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "feedback.answer");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", f->uuid);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
reload (McFeedbackWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = mc_store_list_feedback (self->store,
                                                        gtk_check_button_get_active (self->open_only_check), &error);
  int today = mc_minute_jdn (mc_time_now ());
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  if (entries == NULL)
    {
      show_error (self, _("The Register Cannot Be Read"), error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (entries, i), today));
  self->n_rows = entries->len;
  if (entries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No feedback recorded"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
}

static void
open_only_toggled_cb (McFeedbackWindow *self)
{
  reload (self);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McFeedbackWindow *self = MC_FEEDBACK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *content = row_text (self->content_row);
  g_autofree char *citizen = row_text (self->citizen_row);
  g_autofree char *contact = row_text (self->contact_row);
  g_autofree char *dossier = row_text (self->dossier_row);
  g_autofree char *procedure = row_text (self->procedure_row);
  g_autofree char *staff = row_text (self->staff_row);
  guint selected = adw_combo_row_get_selected (self->channel_row);
  McFeedbackInput input = { 0 };

  input.channel = mc_feedback_channels ()[MIN (selected, g_strv_length ((char **) mc_feedback_channels ()) - 1)];
  input.content = content;
  input.citizen = citizen;
  input.contact = contact;
  input.dossier_code = dossier;
  input.procedure_code = procedure;
  input.staff = staff;
  uuid = mc_store_record_feedback (self->store, &input, &error);
  if (uuid == NULL)
    {
      /* What was typed stays in the form. */
      show_error (self, _("Not Recorded"), error->message);
      return;
    }
  for (AdwEntryRow *const *row = (AdwEntryRow *const[]) { self->content_row, self->citizen_row, self->contact_row,
                                                          self->dossier_row, self->procedure_row, self->staff_row,
                                                          NULL };
       *row; row++)
    gtk_editable_set_text (GTK_EDITABLE (*row), "");
  reload (self);
}

typedef struct
{
  McFeedbackWindow *self;
  char             *uuid;
  GtkEditable      *answer;
} AnswerDialog;

static void
answer_dialog_free (gpointer  data,
                    GClosure *closure)
{
  AnswerDialog *dialog = data;

  g_object_unref (dialog->self);
  g_free (dialog->uuid);
  g_free (dialog);
}

static void open_answer_dialog (McFeedbackWindow *self,
                                const char       *uuid,
                                const char       *text);

static void
answer_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AnswerDialog     *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "answer"))
    return;
  text = g_strdup (gtk_editable_get_text (data->answer));
  if (!mc_store_answer_feedback (data->self->store, data->uuid, text, 0, &error))
    {
      /* Shown again with the answer as typed, behind the message. */
      open_answer_dialog (data->self, data->uuid, text);
      show_error (data->self, _("Not Recorded"), error->message);
      return;
    }
  reload (data->self);
}

static void
open_answer_dialog (McFeedbackWindow *self,
                    const char       *uuid,
                    const char       *text)
{
  g_autoptr(McFeedback) feedback = mc_store_get_feedback (self->store, uuid, NULL);
  AnswerDialog *data;
  GtkWidget *dialog, *entry;

  if (feedback == NULL)
    return;
  data = g_new0 (AnswerDialog, 1);
  data->self = g_object_ref (self);
  data->uuid = g_strdup (uuid);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("The office's answer, as given to the citizen"));
  data->answer = GTK_EDITABLE (entry);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Answer Feedback"), feedback->content);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "answer",
                                    _("_Record Answer"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "answer", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "answer");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (answer_response_cb), data, answer_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_answer_dialog (MC_FEEDBACK_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
mc_feedback_window_dispose (GObject *object)
{
  McFeedbackWindow *self = MC_FEEDBACK_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (mc_feedback_window_parent_class)->dispose (object);
}

static void
mc_feedback_window_class_init (McFeedbackWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_feedback_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-feedback-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, channel_row);
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, content_row);
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, citizen_row);
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, dossier_row);
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, procedure_row);
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, open_only_check);
  gtk_widget_class_bind_template_child (widget_class, McFeedbackWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, open_only_toggled_cb);
  gtk_widget_class_install_action (widget_class, "feedback.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "feedback.answer", "s", answer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_feedback_window_init (McFeedbackWindow *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (const char *const *c = mc_feedback_channels (); *c; c++)
    gtk_string_list_append (channels, mc_feedback_channel_label (*c));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
}

McFeedbackWindow *
mc_feedback_window_new (McStore *store)
{
  McFeedbackWindow *self = g_object_new (MC_TYPE_FEEDBACK_WINDOW, NULL);

  self->store = g_object_ref (store);
  /* Entries recorded on another workstation arrive with an import. */
  g_signal_connect_swapped (store, "changed", G_CALLBACK (reload), self);
  reload (self);
  return self;
}

guint
mc_feedback_window_get_n_rows (McFeedbackWindow *self)
{
  g_return_val_if_fail (MC_IS_FEEDBACK_WINDOW (self), 0);
  return self->n_rows;
}
