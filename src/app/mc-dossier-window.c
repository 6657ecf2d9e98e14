/* mc-dossier-window.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-attachment.h"
#include "mc-declaration-window.h"
#include "mc-digitise.h"
#include "mc-apology.h"
#include "mc-fee-dialog.h"
#include "mc-handover-dialog.h"
#include "mc-steps-timeline.h"
#include "mc-transfer-dialog.h"
#include "mc-dossier-item.h"
#include "mc-dossier-summary.h"
#include "mc-dossier-window-private.h"
#include "mc-forms.h"
#include "mc-help.h"
#include "mc-preview-window.h"
#include "mc-identity.h"
#include "mc-time.h"

G_DEFINE_FINAL_TYPE (McDossierWindow, mc_dossier_window, ADW_TYPE_WINDOW)

/*
 * Auxiliary methods
 */

static const char *
event_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } labels[] = {
    { MC_EVENT_RECEIVED, N_("Received") },
    { MC_EVENT_EDITED, N_("Field corrected") },
    { MC_EVENT_SUPPLEMENT_REQUESTED, N_("Supplement requested") },
    { MC_EVENT_SUPPLEMENT_COMPLETED, N_("Supplement completed") },
    { MC_EVENT_REFUSED, N_("Refused") },
    { MC_EVENT_STOP_REQUESTED, N_("Stopped at the applicant's request") },
    { MC_EVENT_TRANSFERRED, N_("Transferred") },
    { MC_EVENT_RESULT_READY, N_("Result ready") },
    { MC_EVENT_RETURNED, N_("Returned to the citizen") },
    { MC_EVENT_APOLOGY_ISSUED, N_("Apology letter issued") },
    { MC_EVENT_RATING_RECORDED, N_("Rating recorded") },
    { MC_EVENT_DIGITISED, N_("Document digitised") },
    { MC_EVENT_FEE_PAID, N_("Fee paid") },
    { MC_EVENT_FEE_REFUNDED, N_("Fee refunded") },
    { MC_EVENT_DECLARATION_FILLED, N_("Declaration filled in") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].kind, kind))
      return _(labels[i].label);
  return kind;
}

static void
add_detail (McDossierWindow *self,
            const char      *title,
            const char      *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->details_group, row);
  g_ptr_array_add (self->detail_rows, row);
}

static char *
describe_documents (McDossier *d)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *array;

  if (d->documents == NULL || !JSON_NODE_HOLDS_ARRAY (d->documents))
    return NULL;
  array = json_node_get_array (d->documents);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *doc = json_array_get_object_element (array, i);

      if (text->len)
        g_string_append_c (text, '\n');
      /* Translators: a document received: its name, then the number of originals and of copies */
      g_string_append_printf (text, _("%u. %s (originals: %d, copies: %d)"), i + 1,
                              json_object_get_string_member_with_default (doc, "name", ""),
                              (int) json_object_get_int_member_with_default (doc, "original", 0),
                              (int) json_object_get_int_member_with_default (doc, "copy", 0));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_actions (McDossierWindow *self)
{
  McStatus status = self->dossier->status;
  gboolean open = mc_dossier_is_open (self->dossier);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "dossier.request-supplement", status == MC_STATUS_IN_PROGRESS);
  gtk_widget_action_set_enabled (widget, "dossier.complete-supplement", status == MC_STATUS_PAUSED);
  gtk_widget_action_set_enabled (widget, "dossier.result-ready", status == MC_STATUS_IN_PROGRESS);
  gtk_widget_action_set_enabled (widget, "dossier.return",
                                 status == MC_STATUS_IN_PROGRESS || status == MC_STATUS_RESULT_READY);
  gtk_widget_action_set_enabled (widget, "dossier.refuse", open);
  gtk_widget_action_set_enabled (widget, "dossier.stop", open);
  gtk_widget_action_set_enabled (widget, "dossier.apology", status == MC_STATUS_IN_PROGRESS);
  gtk_widget_action_set_enabled (widget, "dossier.handover", open);
  gtk_widget_action_set_enabled (widget, "dossier.transfer", open);
  /* Money is taken while the dossier is handled, and given back in any state. */
  /* Only the forms this dossier's history can fill are offered. */
  /* The flow box wraps each button in a child of its own: hiding that child leaves no gap. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->supplement_form_button),
                          self->dossier->supplement_at != MC_MINUTE_NONE);
  gtk_widget_set_visible (gtk_widget_get_parent (self->refusal_form_button),
                          self->dossier->refused_at != MC_MINUTE_NONE);
  gtk_widget_set_visible (gtk_widget_get_parent (self->stop_form_button),
                          self->dossier->stopped_at != MC_MINUTE_NONE);
  gtk_widget_set_visible (gtk_widget_get_parent (self->apology_form_button), self->dossier->has_apology);
  gtk_widget_set_visible (gtk_widget_get_parent (self->declaration_button),
                          mc_declaration_find (self->dossier->procedure_code) != NULL);
  /* After the retention period the dossier holds no personal data, and takes none. */
  gtk_widget_action_set_enabled (widget, "dossier.fill-declaration", !self->dossier->personal_data_removed);
  gtk_widget_action_set_enabled (widget, "dossier.attach-file", !self->dossier->personal_data_removed);
  gtk_widget_action_set_enabled (widget, "dossier.scan", !self->dossier->personal_data_removed);
}

static void
reload_documents (McDossierWindow *self,
                  GPtrArray       *events)
{
  g_autoptr(GPtrArray) attachments = events ? mc_attachment_list_from_events (self->store, events) : NULL;

  for (guint i = 0; i < self->document_rows->len; i++)
    adw_preferences_group_remove (self->documents_group, g_ptr_array_index (self->document_rows, i));
  g_ptr_array_set_size (self->document_rows, 0);

  for (guint i = 0; attachments && i < attachments->len; i++)
    {
      McAttachment *a = g_ptr_array_index (attachments, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *size = g_format_size (a->size);
      McMinute at = MC_MINUTE_NONE;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;

      mc_time_parse (a->occurred_at, &at, NULL);
      when = mc_time_format_short (at);
      subtitle = g_strdup_printf ("%s%s%s — %s — %s%s", a->name, *a->name ? " — " : "",
                                  g_str_equal (a->source, "scanner") ? _("scanned") : _("from a file"), size, when,
                                  a->present ? "" : _(" — not on this workstation"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->component);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (a->present)
        {
          GtkWidget *button = gtk_button_new_with_label (_("View"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dossier.open-document");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", a->hash, a->media_type);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->documents_group, row);
      g_ptr_array_add (self->document_rows, row);
    }
}

void
_mc_dossier_window_reload (McDossierWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = mc_store_get_dossier (self->store, self->code, &error);
  g_autoptr(GPtrArray) events = NULL;
  GtkWidget *child;

  if (dossier == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, error->message);
      return;
    }
  g_clear_pointer (&self->dossier, mc_dossier_unref);
  self->dossier = g_steal_pointer (&dossier);

  adw_window_title_set_title (self->window_title, self->dossier->code);
  adw_window_title_set_subtitle (self->window_title, self->dossier->applicant_name);
  for (guint i = 0; i < self->detail_rows->len; i++)
    adw_preferences_group_remove (self->details_group, g_ptr_array_index (self->detail_rows, i));
  g_ptr_array_set_size (self->detail_rows, 0);

  {
    McDossier *d = self->dossier;
    g_autofree char *procedure = g_strdup_printf ("%s — %s", d->procedure_code, d->procedure_name ? d->procedure_name : "");
    g_autofree char *received = mc_time_format_short (d->received);
    g_autofree char *due = d->due != MC_MINUTE_NONE ? mc_time_format_vietnamese (d->due) : NULL;
    g_autofree char *new_due = d->new_due != MC_MINUTE_NONE ? mc_time_format_vietnamese (d->new_due) : NULL;
    g_autofree char *returned = d->returned != MC_MINUTE_NONE ? mc_time_format_short (d->returned) : NULL;
    g_autofree char *phone = d->phone ? mc_phone_format (d->phone) : NULL;
    g_autofree char *birth = d->birth_year > 0 ? g_strdup_printf ("%d", d->birth_year) : NULL;
    int birth_jdn;
    g_autofree char *documents = describe_documents (d);
    g_autofree char *sets = g_strdup_printf ("%d", d->sets);
    g_autofree char *proxy = NULL;

    if (d->proxy != NULL)
      {
        JsonObject *p = json_node_get_object (d->proxy);
        const char *pid = json_object_get_string_member_with_default (p, "id_number", NULL);
        const char *pphone = json_object_get_string_member_with_default (p, "phone", NULL);

        proxy = g_strdup_printf ("%s%s%s%s%s", json_object_get_string_member_with_default (p, "name", ""),
                                 pid ? " — " : "", pid ? pid : "", pphone ? " — " : "", pphone ? pphone : "");
      }

    add_detail (self, _("Procedure"), procedure);
    add_detail (self, _("Applicant"), d->applicant_name);
    /* The dossier page is where the full number may be shown. */
    add_detail (self, _("Personal ID number"), d->applicant_id);
    if (d->birth_date != NULL && mc_date_parse (d->birth_date, &birth_jdn, NULL))
      {
        g_free (birth);
        birth = mc_date_format_short (birth_jdn);
      }
    add_detail (self, _("Date of birth"), birth);
    add_detail (self, _("Gender"), g_strcmp0 (d->gender, "male") == 0     ? _("Male")
                                   : g_strcmp0 (d->gender, "female") == 0 ? _("Female")
                                                                          : NULL);
    add_detail (self, _("Phone"), phone);
    add_detail (self, _("E-mail"), d->email);
    add_detail (self, _("Address"), d->address);
    add_detail (self, _("Filed by an authorised person"), proxy);
    add_detail (self, _("Channel"), mc_channel_label (d->channel));
    add_detail (self, _("Received at"), received);
    add_detail (self, _("Appointment for the result"), due);
    add_detail (self, _("New appointment (apology letter)"), new_due);
    add_detail (self, _("Reason"), d->status_reason);
    add_detail (self, _("Returned at"), returned);
    add_detail (self, _("Received by"), d->returned_to);
    add_detail (self, _("Result collected"), g_strcmp0 (d->result_delivery, "post") == 0 ? _("By post")
                                                                                      : _("At the desk"));
    add_detail (self, _("Documents received"), documents);
    add_detail (self, _("Number of sets"), sets);
    add_detail (self, _("Notes"), d->notes);
    add_detail (self, _("Official code"), d->official_code);
    add_detail (self, _("Look-up PIN"), d->lookup_pin);
  }
  mc_steps_timeline_set_dossier (self->steps_timeline, self->dossier, mc_store_get_calendar (self->store), mc_time_now ());
  /* One read of the history, for the documents and the history list. */
  events = mc_store_get_events (self->store, self->dossier->uuid, NULL);
  reload_documents (self, events);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  for (guint i = 0; events && i < events->len; i++)
    {
      McEvent *e = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      const char *reason = mc_event_get_string (e, "reason");
      McMinute at = mc_event_get_time (e, "at");
      g_autofree char *when = mc_time_format_short (at);
      g_autofree char *subtitle = NULL;

      if (g_str_equal (e->kind, MC_EVENT_EDITED))
        subtitle = g_strdup_printf ("%s — %s: %s — %s", when, mc_event_get_string (e, "field"),
                                    mc_event_get_string (e, "value") ? mc_event_get_string (e, "value") : "",
                                    e->clerk);
      else if (mc_event_get_string (e, "tracking_number") != NULL)
        /* Translators: when, then the postal tracking number, then who recorded it */
        subtitle = g_strdup_printf (_("%s — tracking number %s — %s"), when, mc_event_get_string (e, "tracking_number"),
                                    e->clerk);
      else
        subtitle = g_strdup_printf ("%s — %s", when, e->clerk);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event_label (e->kind));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (reason != NULL)
        {
          GtkWidget *label = gtk_label_new (reason);

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 1);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      gtk_list_box_append (self->history_list, row);
    }

  update_actions (self);
  mc_dossier_summary_set_dossier (self->summary, self->dossier, mc_store_get_calendar (self->store), mc_time_now ());
}

void
_mc_dossier_window_show_error (McDossierWindow *self,
            GError          *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Not Recorded"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  static const struct { const char *name; McDossierStep step; } steps[] = {
    { "dossier.request-supplement", STEP_REQUEST_SUPPLEMENT },
    { "dossier.complete-supplement", STEP_COMPLETE_SUPPLEMENT },
    { "dossier.result-ready", STEP_RESULT_READY },
    { "dossier.return", STEP_RETURN },
    { "dossier.refuse", STEP_REFUSE },
    { "dossier.stop", STEP_STOP },
    { "dossier.correct", STEP_CORRECT },
    { "dossier.apology", STEP_APOLOGY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (action_name, steps[i].name))
      _mc_dossier_window_run_step (MC_DOSSIER_WINDOW (widget), steps[i].step);
}

void
_mc_dossier_window_preview_form (McDossierWindow *self,
              McFormKind       kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_get_events (self->store, self->dossier->uuid, &error);
  g_autoptr(McDocument) document = NULL;
  g_autofree char *title = NULL;
  McPreviewWindow *preview;

  if (events != NULL)
    document = mc_form_issue (self->store, kind, self->dossier, events, &error);
  if (document == NULL)
    {
      _mc_dossier_window_show_error (self, error);
      return;
    }
  title = g_strdup_printf ("%s — %s", self->dossier->code, mc_form_kind_title (kind));
  preview = mc_preview_window_new (document, title, &error);
  if (preview == NULL)
    {
      _mc_dossier_window_show_error (self, error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (preview));
}

static void
preview_form_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  McFormKind kind;

  if (mc_form_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    _mc_dossier_window_preview_form (MC_DOSSIER_WINDOW (widget), kind);
}

static void
fill_declaration_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  McDeclaration *declaration = mc_declaration_find (self->dossier->procedure_code);
  g_autoptr(GError) error = NULL;
  McDeclarationWindow *window;

  if (declaration == NULL)
    return;
  window = mc_declaration_window_new (self->store, self->dossier, declaration, &error);
  if (window == NULL)
    {
      _mc_dossier_window_show_error (self, error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
attach_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);

  mc_digitise_attach_file (GTK_WINDOW (self), self->store, self->dossier);
}

static void
scan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);

  mc_digitise_scan (GTK_WINDOW (self), self->store, self->dossier);
}

static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  const char *hash, *media_type;

  g_variant_get (parameter, "(&s&s)", &hash, &media_type);
  mc_digitise_open (GTK_WINDOW (self), self->store, hash, media_type);
}

static void
store_changed_cb (McDossierWindow *self)
{
  _mc_dossier_window_reload (self);
}

/*
 * GObject
 */

static void
fee_recorded_cb (McDossierWindow *self)
{
  _mc_dossier_window_reload (self);
}

static void
fee_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  McFeeDialog *dialog = mc_fee_dialog_new (GTK_WINDOW (self), self->store, self->dossier);

  g_signal_connect_object (dialog, "recorded", G_CALLBACK (fee_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
process_recorded_cb (McDossierWindow *self)
{
  _mc_dossier_window_reload (self);
}

static void
handover_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  McHandoverDialog *dialog;

  g_ptr_array_add (one, self->dossier);
  dialog = mc_handover_dialog_new (GTK_WINDOW (self), self->store, one);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (process_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  McTransferDialog *dialog = mc_transfer_dialog_new (GTK_WINDOW (self), self->store, self->dossier);

  g_signal_connect_object (dialog, "recorded", G_CALLBACK (process_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mc_dossier_window_dispose (GObject *object)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->dossier, mc_dossier_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_pointer (&self->document_rows, g_ptr_array_unref);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (mc_dossier_window_parent_class)->dispose (object);
}

static void
mc_dossier_window_class_init (McDossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *actions[] = {
    "dossier.request-supplement", "dossier.complete-supplement", "dossier.result-ready", "dossier.return",
    "dossier.refuse", "dossier.stop", "dossier.correct", "dossier.apology",
  };

  object_class->dispose = mc_dossier_window_dispose;

  g_type_ensure (MC_TYPE_STEPS_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, sections_box);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, details_group);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, history_list);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, supplement_form_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, refusal_form_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, stop_form_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, apology_form_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, declaration_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, documents_group);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, steps_timeline);
  gtk_widget_class_install_action (widget_class, "dossier.handover", NULL, handover_action);
  gtk_widget_class_install_action (widget_class, "dossier.transfer", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "dossier.preview-form", "s", preview_form_action);
  gtk_widget_class_install_action (widget_class, "dossier.fill-declaration", NULL, fill_declaration_action);
  gtk_widget_class_install_action (widget_class, "dossier.attach-file", NULL, attach_file_action);
  gtk_widget_class_install_action (widget_class, "dossier.scan", NULL, scan_action);
  gtk_widget_class_install_action (widget_class, "dossier.fee", NULL, fee_action);
  gtk_widget_class_install_action (widget_class, "dossier.open-document", "(ss)", open_document_action);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "dossier.correct", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "dossier.preview-form",
                                       "s", "slip");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The steps' shortcuts, before the focused widget sees the key: a list or an entry takes Ctrl+Shift+A as "select
 * none", so on a page whose focus was in its history the apology's shortcut did nothing. */
static void
add_step_shortcuts (McDossierWindow *self)
{
  static const struct { guint key; const char *action; } shortcuts[] = {
    { GDK_KEY_s, "dossier.request-supplement" },
    { GDK_KEY_c, "dossier.complete-supplement" },
    { GDK_KEY_r, "dossier.result-ready" },
    { GDK_KEY_t, "dossier.return" },
    { GDK_KEY_x, "dossier.refuse" },
    { GDK_KEY_d, "dossier.stop" },
    { GDK_KEY_a, "dossier.apology" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "dossier-steps");
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    GDK_CONTROL_MASK |
                                                                                    GDK_SHIFT_MASK),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
mc_dossier_window_init (McDossierWindow *self)
{
  g_type_ensure (MC_TYPE_DOSSIER_SUMMARY);
  gtk_widget_init_template (GTK_WIDGET (self));
  add_step_shortcuts (self);
  self->detail_rows = g_ptr_array_new ();
  self->document_rows = g_ptr_array_new ();
}

McDossierWindow *
mc_dossier_window_new (McStore     *store,
                       const char  *code,
                       GError     **error)
{
  g_autoptr(McDossier) dossier = mc_store_get_dossier (store, code, error);
  McDossierWindow *self;

  if (dossier == NULL)
    return NULL;
  self = g_object_new (MC_TYPE_DOSSIER_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->code = g_strdup (dossier->code);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  _mc_dossier_window_reload (self);
  return self;
}

void
mc_dossier_window_add_section (McDossierWindow *self,
                               GtkWidget       *section)
{
  g_return_if_fail (MC_IS_DOSSIER_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (section));
  gtk_box_append (self->sections_box, section);
  gtk_widget_set_visible (GTK_WIDGET (self->sections_box), TRUE);
}

const char *
mc_dossier_window_get_code (McDossierWindow *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_WINDOW (self), NULL);
  return self->code;
}
