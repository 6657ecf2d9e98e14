/* mc-dossier-window-steps.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The dossier page's steps: the dialog each step asks its details in, then the step recorded. */

#define G_LOG_DOMAIN "mc-dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-apology.h"
#include "mc-dossier-window-private.h"
#include "mc-help.h"
#include "mc-identity.h"
#include "mc-time.h"

typedef struct
{
  McDossierWindow *self;
  McDossierStep    step;
  GtkEditable     *reason;
  GtkEditable     *receiver;
  GtkEditable     *tracking;
  GtkEditable     *at;
  GtkDropDown     *field;
  GtkEditable     *value;
  GtkDropDown     *reason_kind;
  GtkEditable     *new_due;
  GtkDropDown     *rating;
  GtkEditable     *rating_comment;
} StepDialog;

/* The 5-level satisfaction scale, plus "declined"; index 0 means the citizen was not asked. */
static const char *rating_values[] = {
  NULL, "very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied", "declined",
};

static const char *correctable_fields[] = {
  "applicant_name", "id_number", "phone", "email", "address", "notes", "official_code",
};

static void
step_dialog_free (gpointer data)
{
  StepDialog *dialog = data;

  g_object_unref (dialog->self);
  g_free (dialog);
}

static void
apology_recorded_cb (McDossier *recorded,
                     gpointer   user_data)
{
  McDossierWindow *self = user_data;

  if (recorded == NULL)
    return;
  _mc_dossier_window_reload (self);
  _mc_dossier_window_preview_form (self, MC_FORM_APOLOGY);
}

static void
step_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  StepDialog       *data)
{
  McDossierWindow *self = data->self;
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(McDossier) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_object_new ();
  const char *kind = NULL;

  json_node_take_object (payload, object);
  if (!g_str_equal (response, "confirm"))
    return;

  switch (data->step)
    {
    case STEP_REQUEST_SUPPLEMENT: kind = MC_EVENT_SUPPLEMENT_REQUESTED; break;
    case STEP_COMPLETE_SUPPLEMENT: kind = MC_EVENT_SUPPLEMENT_COMPLETED; break;
    case STEP_RESULT_READY: kind = MC_EVENT_RESULT_READY; break;
    case STEP_RETURN: kind = MC_EVENT_RETURNED; break;
    case STEP_REFUSE: kind = MC_EVENT_REFUSED; break;
    case STEP_STOP: kind = MC_EVENT_STOP_REQUESTED; break;
    case STEP_CORRECT: kind = MC_EVENT_EDITED; break;
    case STEP_APOLOGY: kind = MC_EVENT_APOLOGY_ISSUED; break;
    default: g_assert_not_reached ();
    }

  if (data->reason_kind != NULL)
    {
      /* The letter prints the reason in Vietnamese whatever the UI language. */
      g_autofree char *reason = mc_apology_reason_text (data->reason_kind, gtk_editable_get_text (data->reason));
      McMinute new_due;

      json_object_set_string_member (object, "reason", reason);
      if (!mc_time_parse (gtk_editable_get_text (data->new_due), &new_due, &error))
        {
          _mc_dossier_window_show_error (self, error);
          return;
        }
      /* Nothing is recorded until the clerk has read the letter and confirmed it. */
      mc_apology_preview_then_record (GTK_WINDOW (self), self->store, self->dossier, reason, new_due,
                                      apology_recorded_cb, self);
      return;
    }

  if (data->reason != NULL && data->reason_kind == NULL)
    json_object_set_string_member (object, "reason", gtk_editable_get_text (data->reason));
  if (data->tracking != NULL)
    {
      json_object_set_string_member (object, "tracking_number", gtk_editable_get_text (data->tracking));
      json_object_set_string_member (object, "receiver", "Bưu chính công ích");
    }
  if (data->receiver != NULL && *gtk_editable_get_text (data->receiver))
    json_object_set_string_member (object, "receiver", gtk_editable_get_text (data->receiver));
  if (data->at != NULL)
    {
      McMinute at;

      if (!mc_time_parse (gtk_editable_get_text (data->at), &at, &error))
        {
          _mc_dossier_window_show_error (self, error);
          return;
        }
      g_autofree char *iso = mc_time_format_iso_offset (at);
      json_object_set_string_member (object, "at", iso);
    }
  if (data->field != NULL)
    {
      guint selected = gtk_drop_down_get_selected (data->field);

      json_object_set_string_member (object, "field", correctable_fields[MIN (selected, G_N_ELEMENTS (correctable_fields) - 1)]);
      json_object_set_string_member (object, "value", gtk_editable_get_text (data->value));
    }

  result = mc_store_record (self->store, self->dossier->uuid, kind, payload, NULL, &error);
  if (result == NULL)
    {
      _mc_dossier_window_show_error (self, error);
      return;
    }
  if (data->rating != NULL && gtk_drop_down_get_selected (data->rating) > 0 &&
      gtk_drop_down_get_selected (data->rating) < G_N_ELEMENTS (rating_values))
    {
      g_autoptr(JsonNode) rating = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(McDossier) rated = NULL;
      JsonObject *rating_object = json_object_new ();
      const char *comment = gtk_editable_get_text (data->rating_comment);

      json_node_take_object (rating, rating_object);
      json_object_set_string_member (rating_object, "rating", rating_values[gtk_drop_down_get_selected (data->rating)]);
      if (*comment)
        json_object_set_string_member (rating_object, "comment", comment);
      rated = mc_store_record (self->store, self->dossier->uuid, MC_EVENT_RATING_RECORDED, rating, NULL, &error);
      if (rated == NULL)
        _mc_dossier_window_show_error (self, error);
    }
  _mc_dossier_window_reload (self);
  /* Steps that produce a form open it straight away, ready to print. */
  switch (data->step)
    {
    case STEP_REQUEST_SUPPLEMENT: _mc_dossier_window_preview_form (self, MC_FORM_SUPPLEMENT); break;
    case STEP_REFUSE: _mc_dossier_window_preview_form (self, MC_FORM_REFUSAL); break;
    case STEP_STOP: _mc_dossier_window_preview_form (self, MC_FORM_STOP_NOTICE); break;
    case STEP_APOLOGY: _mc_dossier_window_preview_form (self, MC_FORM_APOLOGY); break;
    case STEP_COMPLETE_SUPPLEMENT:
    case STEP_RESULT_READY:
    case STEP_RETURN:
    case STEP_CORRECT:
    default:
      break;
    }
}

static GtkEditable *
add_entry (GtkBox     *box,
           const char *label_text,
           const char *initial)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (box, label);
  gtk_box_append (box, entry);
  return GTK_EDITABLE (entry);
}

void
_mc_dossier_window_run_step (McDossierWindow *self,
                             McDossierStep    step)
{
  StepDialog *data = g_new0 (StepDialog, 1);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *heading = NULL, *body = NULL, *confirm = NULL;
  gboolean destructive = FALSE;

  data->self = g_object_ref (self);
  data->step = step;

  switch (step)
    {
    case STEP_REQUEST_SUPPLEMENT:
      heading = _("Request a Supplement?");
      body = _("The deadline stops until the applicant completes the dossier. List everything missing at once.");
      confirm = _("_Request Supplement");
      data->reason = add_entry (GTK_BOX (box), _("_What is missing and why"), NULL);
      break;
    case STEP_COMPLETE_SUPPLEMENT:
      heading = _("Supplement Completed?");
      body = _("The time limit starts again from now.");
      confirm = _("_Record");
      break;
    case STEP_RESULT_READY:
      heading = _("Result Ready?");
      body = _("The dossier counts as settled now; the citizen can collect the result.");
      confirm = _("_Record");
      break;
    case STEP_RETURN:
      if (g_strcmp0 (self->dossier->result_delivery, "post") == 0)
        {
          g_autofree char *now = mc_time_format_iso (mc_time_now ());

          /* Sent by post: handed to the postal worker with the hand-over list; the receipt's number is kept. */
          heading = _("Sent by Post?");
          body = _("Record the tracking number printed on the postal receipt and when the result was handed over.");
          confirm = _("_Record");
          data->tracking = add_entry (GTK_BOX (box), _("_Tracking number"), "");
          data->at = add_entry (GTK_BOX (box), _("_Date and time (YYYY-MM-DD HH:MM)"), now);
          break;
        }
      {
        g_autofree char *now = mc_time_format_iso (mc_time_now ());

        heading = _("Returned to the Citizen?");
        body = _("Record who received the result and when.");
        confirm = _("_Record Return");
        const char *ratings[] = { _("Not asked"), _("Very satisfied"), _("Satisfied"), _("Neither"),
                                  _("Dissatisfied"), _("Very dissatisfied"), _("Declined to rate"), NULL };
        GtkWidget *label = gtk_label_new_with_mnemonic (_("Citizen's ra_ting"));

        data->receiver = add_entry (GTK_BOX (box), _("Recei_ved by"), self->dossier->applicant_name);
        data->at = add_entry (GTK_BOX (box), _("_Date and time (YYYY-MM-DD HH:MM)"), now);
        data->rating = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (ratings));
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->rating));
        gtk_box_append (GTK_BOX (box), label);
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->rating));
        data->rating_comment = add_entry (GTK_BOX (box), _("Co_mment (optional)"), NULL);
      }
      break;
    case STEP_REFUSE:
      heading = _("Refuse the Dossier?");
      body = _("The applicant receives a refusal notice with the reason.");
      confirm = _("_Refuse");
      destructive = TRUE;
      data->reason = add_entry (GTK_BOX (box), _("Rea_son"), NULL);
      break;
    case STEP_STOP:
      heading = _("Stop at the Applicant's Request?");
      body = _("Processing ends; this cannot be undone.");
      confirm = _("_Stop Processing");
      destructive = TRUE;
      data->reason = add_entry (GTK_BOX (box), _("_Reason given by the applicant"), NULL);
      break;
    case STEP_CORRECT:
      {
        const char *fields[] = { _("Applicant's name"), _("Personal ID number"), _("Phone"), _("E-mail"),
                                 _("Address"), _("Notes"), _("Official code"), NULL };
        GtkWidget *label = gtk_label_new_with_mnemonic (_("_Field"));

        heading = _("Correct a Field");
        body = _("The previous value stays in the history with the reason.");
        confirm = _("C_orrect");
        data->field = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (fields));
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->field));
        gtk_box_append (GTK_BOX (box), label);
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->field));
        data->value = add_entry (GTK_BOX (box), _("_New value"), NULL);
        data->reason = add_entry (GTK_BOX (box), _("Rea_son"), NULL);
      }
      break;
    case STEP_APOLOGY:
      {
        McMinute proposed = mc_apology_propose_new_due (self->store, self->dossier);
        g_autofree char *proposed_text = mc_time_format_iso (proposed);
        GtkWidget *label = gtk_label_new_with_mnemonic (_("Rea_son"));

        heading = _("Write an Apology Letter?");
        body = _("The head of the deciding body signs it. The return date can be moved only once; statistics "
                 "still count the dossier against its original date.");
        confirm = _("_Preview Letter…");
        data->reason_kind = mc_apology_reason_dropdown_new ();
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->reason_kind));
        gtk_box_append (GTK_BOX (box), label);
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->reason_kind));
        data->reason = add_entry (GTK_BOX (box), _("_Details (in Vietnamese, printed on the letter)"), NULL);
        data->new_due = add_entry (GTK_BOX (box), _("_New appointment (YYYY-MM-DD HH:MM)"), proposed_text);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  if (step == STEP_APOLOGY)
    mc_help_set_topic (GTK_WINDOW (dialog), MC_HELP ("phieu-xin-loi#lap-phieu-cho-mot-ho-so"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "confirm", confirm, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (gtk_widget_get_first_child (box) != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  else
    g_object_ref_sink (box), g_object_unref (box);
  g_signal_connect_data (dialog, "response", G_CALLBACK (step_response_cb), data,
                         (GClosureNotify) (void (*) (void)) step_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

