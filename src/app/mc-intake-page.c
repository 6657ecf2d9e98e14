/* mc-intake-page.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "mc-forms.h"
#include "mc-fee-box.h"
#include "mc-id-card.h"
#include "mc-id-card-reader.h"
#include "mc-intake-page-private.h"
#include "mc-preview-window.h"
#include "mc-print-operation.h"
#include "mc-procedure-finder.h"
#include "mc-time.h"

G_DEFINE_FINAL_TYPE (McIntakePage, mc_intake_page, GTK_TYPE_WIDGET)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static McProcedure *
selected_procedure (McIntakePage *self)
{
  return mc_procedure_finder_get_procedure (self->procedure_finder);
}

#define CARD_HINT _("Scan the QR code of the applicant's ID card to fill these fields")

/*
 * Auxiliary methods
 */

static void
update_due_preview (McIntakePage *self)
{
  McProcedure *procedure = selected_procedure (self);
  McCalendar *calendar;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GString) reason = g_string_new (NULL);
  g_autofree char *text = NULL;
  McMinute now, due, start;

  mc_fee_box_set_procedure (self->fee_box, self->store, self->store ? procedure : NULL,
                            adw_combo_row_get_selected (self->channel_row) == MC_CHANNEL_ONLINE);
  if (procedure == NULL || self->store == NULL)
    {
      gtk_label_set_text (self->due_label, _("Choose a procedure"));
      gtk_label_set_text (self->due_reason_label, "");
      return;
    }

  calendar = mc_store_get_calendar (self->store);
  now = mc_time_now ();
  start = mc_calendar_start_of_count (calendar, now, procedure->cutoff);
  due = mc_calendar_compute_due (calendar, now, procedure->unit, procedure->duration, procedure->cutoff);
  /* As the slip prints it: the legal form is in Vietnamese whatever the UI language. */
  text = mc_time_format_vietnamese (due);
  gtk_label_set_text (self->due_label, text);

  if (mc_minute_jdn (start) != mc_minute_jdn (now))
    {
      if (mc_calendar_is_working_day (calendar, mc_minute_jdn (now)))
        g_string_append (reason, _("Received after the cut-off time: counting starts on the next working day."));
      else
        g_string_append (reason, _("Today is not a working day: counting starts on the next working day."));
    }
  skipped = mc_calendar_skipped_holidays (calendar, now, due);
  for (guint i = 0; i < skipped->len; i++)
    {
      if (reason->len)
        g_string_append_c (reason, '\n');
      /* Translators: %s is the name of a holiday that moved the due date */
      g_string_append_printf (reason, _("Moved by: %s"), (const char *) g_ptr_array_index (skipped, i));
    }
  gtk_label_set_text (self->due_reason_label, reason->str);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_due_preview (user_data);
  return G_SOURCE_CONTINUE;
}

static GtkWidget *
make_count_spin (int         value,
                 const char *tooltip)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 99, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return spin;
}

static void
rebuild_documents (McIntakePage *self)
{
  McProcedure *procedure = selected_procedure (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);
  if (procedure == NULL)
    return;

  for (guint i = 0; i < procedure->documents->len; i++)
    {
      McProcedureDocument *doc = g_ptr_array_index (procedure->documents, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *originals = make_count_spin (doc->originals, _("Originals"));
      GtkWidget *copies = make_count_spin (doc->copies, _("Copies"));
      GtkWidget *originals_label = gtk_label_new (_("Orig."));
      GtkWidget *copies_label = gtk_label_new (_("Copies"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), doc->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), doc->required);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_add_css_class (originals_label, "dim-label");
      gtk_widget_add_css_class (copies_label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), originals_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), originals);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copies_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copies);
      g_object_set_data_full (G_OBJECT (row), "document-name", g_strdup (doc->name), g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data (G_OBJECT (row), "originals", originals);
      g_object_set_data (G_OBJECT (row), "copies", copies);
      gtk_list_box_append (self->documents_list, row);
    }
}

static JsonNode *
collect_documents (McIntakePage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check == NULL || !gtk_check_button_get_active (check))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, g_object_get_data (G_OBJECT (row), "document-name"));
      json_builder_set_member_name (builder, "original");
      json_builder_add_int_value (builder,
                                  gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (row), "originals")));
      json_builder_set_member_name (builder, "copy");
      json_builder_add_int_value (builder,
                                  gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (row), "copies")));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
update_procedure_info (McIntakePage *self)
{
  McProcedure *procedure = selected_procedure (self);
  g_autofree char *duration = NULL;
  g_autofree char *text = NULL;

  if (procedure == NULL)
    {
      gtk_label_set_text (self->procedure_info_label, "");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.serve-on-spot", FALSE);
      return;
    }
  duration = mc_procedure_describe_duration (procedure);
  /* Translators: procedure summary: sector · time limit · fee */
  text = g_strdup_printf (_("%s · %s · Fee: %s"), procedure->sector, duration,
                          *procedure->fee ? procedure->fee : _("none"));
  gtk_label_set_text (self->procedure_info_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.serve-on-spot", procedure->unit == MC_UNIT_SAME_DAY);
}

/*
 * Callbacks
 */

static void
procedure_changed_cb (McIntakePage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  update_procedure_info (self);
  rebuild_documents (self);
  update_due_preview (self);
  if (self->resetting)
    return;
  self->dirty = TRUE;
  /* Chosen in the finder: the applicant comes next. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (selected_procedure (self) != NULL && focus != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->procedure_finder)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
field_changed_cb (McIntakePage *self)
{
  if (self->resetting)
    return;
  self->dirty = TRUE;
  _mc_intake_page_validate (self, FALSE);
}

static void
last_entry_activated_cb (McIntakePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "intake.save", NULL);
}

/*
 * Actions
 */

/* What the form holds, as an intake; the documents' JSON is returned for the caller to free. */
static JsonNode *
fill_intake (McIntakePage  *self,
             McIntake      *intake,
             char         **birth_date)
{
  McProcedure *procedure = selected_procedure (self);
  gboolean proxy = adw_expander_row_get_enable_expansion (self->proxy_expander);
  gboolean year_valid;
  JsonNode *documents = collect_documents (self);

  intake->procedure_code = procedure->code;
  intake->applicant_name = row_text (self->name_row);
  intake->id_number = row_text (self->id_row);
  intake->birth_year = _mc_intake_page_birth_year (self, &year_valid, birth_date);
  intake->birth_date = *birth_date;
  intake->gender = _mc_intake_page_gender (self);
  intake->phone = row_text (self->phone_row);
  intake->email = row_text (self->email_row);
  intake->address = row_text (self->address_row);
  if (proxy)
    {
      intake->proxy_name = row_text (self->proxy_name_row);
      intake->proxy_id_number = row_text (self->proxy_id_row);
      intake->proxy_phone = row_text (self->proxy_phone_row);
      intake->proxy_address = row_text (self->proxy_address_row);
      intake->proxy_email = row_text (self->proxy_email_row);
      intake->proxy_authorisation = row_text (self->proxy_authorisation_row);
    }
  intake->channel = (McChannel) adw_combo_row_get_selected (self->channel_row);
  intake->result_delivery = adw_combo_row_get_selected (self->delivery_row) == 1 ? "post" : "desk";
  intake->documents = documents;
  intake->sets = gtk_spin_button_get_value_as_int (self->sets_spin);
  intake->notes = row_text (self->notes_row);
  intake->received = MC_MINUTE_NONE;
  mc_fee_box_fill_intake (self->fee_box, intake);
  return documents;
}

/* Both ways of receiving start alike: the form checked (the bell and the marked rows when it is not ready), then
 * its content as an intake. */
static JsonNode *
ready_intake (McIntakePage  *self,
              McIntake      *intake,
              char         **birth_date)
{
  if (self->store == NULL)
    return NULL;
  if (!_mc_intake_page_validate (self, TRUE))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }
  return fill_intake (self, intake, birth_date);
}

/* Nothing was saved; every value stays in the form for the clerk to fix. */
static void
show_failure (McIntakePage *self,
              GError       *error)
{
  g_autofree char *text = g_strdup_printf ("• %s", error->message);

  gtk_label_set_text (self->errors_label, text);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McIntakePage *self = MC_INTAKE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(JsonNode) documents = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *birth_date = NULL;
  McIntake intake = { 0 };

  documents = ready_intake (self, &intake, &birth_date);
  if (documents == NULL)
    return;
  dossier = mc_store_intake (self->store, &intake, &warning, &error);
  if (dossier == NULL)
    {
      show_failure (self, error);
      return;
    }

  mc_procedure_finder_note_received (self->procedure_finder, dossier->procedure_code);
  mc_intake_page_reset (self);
  g_free (self->last_code);
  self->last_code = g_strdup (dossier->code);
  {
    /* Translators: %s is the code of the dossier just received */
    g_autofree char *text = g_strdup_printf (_("Last received: %s"), dossier->code);
    gtk_label_set_text (self->last_label, text);
  }
  gtk_widget_set_visible (self->last_box, TRUE);
  gtk_widget_action_set_enabled (widget, "intake.preview-slip", TRUE);
  gtk_widget_action_set_enabled (widget, "intake.print-slip", TRUE);
  g_signal_emit (self, signals[SAVED], 0, dossier->code);
}

/* "5 tại chỗ": the same form, served at once; the receipt replaces the appointment slip. */
static void
serve_on_spot_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McIntakePage *self = MC_INTAKE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(JsonNode) documents = NULL;
  g_autoptr(McDocument) receipt = NULL;
  McPreviewWindow *preview;
  g_autofree char *birth_date = NULL;
  McIntake intake = { 0 };

  documents = ready_intake (self, &intake, &birth_date);
  if (documents == NULL)
    return;
  dossier = mc_store_serve_on_the_spot (self->store, &intake, &error);
  if (dossier == NULL)
    {
      show_failure (self, error);
      return;
    }
  mc_procedure_finder_note_received (self->procedure_finder, dossier->procedure_code);
  mc_intake_page_reset (self);
  g_signal_emit (self, signals[SAVED], 0, dossier->code);
  receipt = mc_form_issue_receipt (self->store, dossier, &error);
  preview = receipt ? mc_preview_window_new (receipt, _("Receipt of Completion"), &error) : NULL;
  if (preview == NULL)
    {
      gtk_label_set_text (self->errors_label, error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (preview));
}

static McDocument *
render_last_slip (McIntakePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  McDocument *document = NULL;

  if (self->last_code == NULL)
    return NULL;
  dossier = mc_store_get_dossier (self->store, self->last_code, &error);
  if (dossier != NULL)
    document = mc_form_issue (self->store, MC_FORM_SLIP, dossier, NULL, &error);
  if (document == NULL)
    {
      g_autofree char *text = g_strdup_printf ("• %s", error->message);
      gtk_label_set_text (self->errors_label, text);
    }
  return document;
}

static void
print_slip_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  McIntakePage *self = MC_INTAKE_PAGE (widget);
  g_autoptr(McDocument) document = render_last_slip (self);

  if (document != NULL)
    mc_print_document (GTK_WINDOW (gtk_widget_get_root (widget)), document, self->last_code);
}

static void
preview_slip_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  McIntakePage *self = MC_INTAKE_PAGE (widget);
  g_autoptr(McDocument) document = render_last_slip (self);
  g_autoptr(GError) error = NULL;
  McPreviewWindow *preview;
  g_autofree char *title = NULL;

  if (document == NULL)
    return;
  /* Translators: window title; %s is a dossier code */
  title = g_strdup_printf (_("Appointment Slip %s"), self->last_code);
  preview = mc_preview_window_new (document, title, &error);
  if (preview == NULL)
    {
      gtk_label_set_text (self->errors_label, error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (preview));
}

/*
 * GObject
 */

static void
mc_intake_page_dispose (GObject *object)
{
  McIntakePage *self = MC_INTAKE_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  GtkWidget *child;

  /* The template's root hangs under a layout manager, not as a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_INTAKE_PAGE);
  g_clear_object (&self->card_reader);
  g_clear_object (&self->store);
  g_clear_pointer (&self->last_code, g_free);

  G_OBJECT_CLASS (mc_intake_page_parent_class)->dispose (object);
}

static void
mc_intake_page_class_init (McIntakePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_intake_page_dispose;

  /**
   * McIntakePage::saved:
   * @code: the new dossier's code
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (MC_TYPE_FEE_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-intake-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, procedure_finder);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, procedure_info_label);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, applicant_group);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, id_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, birth_year_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, gender_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, address_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, proxy_expander);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, proxy_name_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, proxy_id_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, proxy_phone_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, proxy_address_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, proxy_email_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, proxy_authorisation_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, sets_spin);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, documents_list);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, due_label);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, fee_box);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, due_reason_label);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, errors_label);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, last_box);
  gtk_widget_class_bind_template_child (widget_class, McIntakePage, last_label);
  gtk_widget_class_bind_template_callback (widget_class, procedure_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, last_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "intake.serve-on-spot", NULL, serve_on_spot_action);
  gtk_widget_class_install_action (widget_class, "intake.print-slip", NULL, print_slip_action);
  gtk_widget_class_install_action (widget_class, "intake.preview-slip", NULL, preview_slip_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "intake.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "intake.print-slip", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mc_intake_page_init (McIntakePage *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) deliveries = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) genders = gtk_string_list_new (NULL);
  g_type_ensure (MC_TYPE_PROCEDURE_FINDER);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (genders, _("Not given"));
  gtk_string_list_append (genders, _("Male"));
  gtk_string_list_append (genders, _("Female"));
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (genders));
  adw_preferences_group_set_description (self->applicant_group, CARD_HINT);
  self->card_reader = mc_id_card_reader_new (GTK_WIDGET (self));
  g_signal_connect_object (self->card_reader, "line", G_CALLBACK (_mc_intake_page_card_line_cb), self, G_CONNECT_SWAPPED);

  for (int c = MC_CHANNEL_IN_PERSON; c <= MC_CHANNEL_LINKED; c++)
    gtk_string_list_append (channels, mc_channel_label ((McChannel) c));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  /* Some fees are lower online. */
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (update_due_preview), self);
  gtk_string_list_append (deliveries, _("At the desk"));
  gtk_string_list_append (deliveries, _("By post (Bưu chính công ích)"));
  adw_combo_row_set_model (self->delivery_row, G_LIST_MODEL (deliveries));

  self->tick_id = g_timeout_add_seconds (30, tick_cb, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.preview-slip", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.print-slip", FALSE);
}

/*
 * Public API
 */

void
mc_intake_page_set_store (McIntakePage *self,
                          McStore      *store)
{
  g_return_if_fail (MC_IS_INTAKE_PAGE (self));

  g_set_object (&self->store, store);
  self->resetting = TRUE;
  mc_procedure_finder_set_store (self->procedure_finder, store);
  self->resetting = FALSE;
  procedure_changed_cb (self);
  self->dirty = FALSE;
}

gboolean
mc_intake_page_is_dirty (McIntakePage *self)
{
  g_return_val_if_fail (MC_IS_INTAKE_PAGE (self), FALSE);
  return self->dirty;
}

/* A fresh form for the next citizen, with no procedure: one kept from the last citizen is one saved by mistake
 * when the clerk does not look (the finder ranks the office's usual procedures first instead). */
void
mc_intake_page_reset (McIntakePage *self)
{
  AdwEntryRow *rows[] = {
    self->name_row, self->id_row, self->birth_year_row, self->phone_row, self->email_row, self->address_row,
    self->proxy_name_row, self->proxy_id_row, self->proxy_phone_row, self->proxy_address_row,
    self->proxy_email_row, self->proxy_authorisation_row, self->notes_row,
  };

  g_return_if_fail (MC_IS_INTAKE_PAGE (self));

  self->resetting = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
      _mc_intake_page_mark_row (rows[i], FALSE);
    }
  adw_expander_row_set_enable_expansion (self->proxy_expander, FALSE);
  adw_combo_row_set_selected (self->gender_row, 0);
  adw_preferences_group_set_description (self->applicant_group, CARD_HINT);
  mc_procedure_finder_clear (self->procedure_finder);
  adw_combo_row_set_selected (self->channel_row, 0);
  adw_combo_row_set_selected (self->delivery_row, 0);
  gtk_spin_button_set_value (self->sets_spin, 1);
  rebuild_documents (self);
  mc_fee_box_reset (self->fee_box);
  update_due_preview (self);
  gtk_label_set_text (self->errors_label, "");
  self->resetting = FALSE;
  self->dirty = FALSE;
  mc_intake_page_focus (self);
}

gboolean
mc_intake_page_select_procedure (McIntakePage *self,
                                 const char   *code)
{
  g_return_val_if_fail (MC_IS_INTAKE_PAGE (self), FALSE);
  return mc_procedure_finder_select_code (self->procedure_finder, code);
}

void
mc_intake_page_focus (McIntakePage *self)
{
  g_return_if_fail (MC_IS_INTAKE_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->procedure_finder));
}
