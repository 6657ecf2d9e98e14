/* mc-handover-dialog.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A hand-over inside the office for one dossier or several at once: the unit and the person who receive them, the
 * time (now unless the clerk says otherwise) and a note. All the dossiers are handed over or none: a refusal is
 * shown in the dialog and nothing is written. The hand-over list (sổ giao nhận) is offered for both sides to sign;
 * "recorded" is emitted once the hand-overs are saved (docs/process.md). */

#define G_LOG_DOMAIN "mc-handover-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-dossier-steps.h"
#include "mc-event.h"
#include "mc-handover-dialog.h"
#include "mc-handover-list.h"
#include "mc-preview-window.h"
#include "mc-procedure-steps.h"
#include "mc-time.h"

struct _McHandoverDialog
{
  AdwWindow       parent_instance;

  McStore        *store;
  GPtrArray      *dossiers;

  GtkLabel       *summary_label;
  GtkEntry       *unit_entry;
  GtkEntry       *person_entry;
  GtkEntry       *time_entry;
  GtkEntry       *note_entry;
  GtkCheckButton *list_check;
  GtkLabel       *error_label;
  GtkWidget      *record_button;
};

G_DEFINE_FINAL_TYPE (McHandoverDialog, mc_handover_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/*
 * Auxiliary methods
 */

/* The unit the internal procedure hands the dossier to next, when there is one. */
static const char *
next_unit (McDossier *d)
{
  guint next = d->steps ? d->steps->len : 0;

  if (d->plan == NULL || next >= d->plan->len)
    return NULL;
  return ((McProcedureStep *) g_ptr_array_index (d->plan, next))->unit;
}

static void
describe (McHandoverDialog *self)
{
  McDossier *first = g_ptr_array_index (self->dossiers, 0);
  g_autofree char *text = NULL;

  if (self->dossiers->len == 1)
    {
      if (first->held_unit != NULL && first->held_person != NULL)
        /* Translators: the dossier's code, the unit holding it and the person */
        text = g_strdup_printf (_("Dossier %s, held by %s (%s)"), first->code, first->held_unit, first->held_person);
      else if (first->held_unit != NULL)
        /* Translators: the dossier's code and the unit holding it */
        text = g_strdup_printf (_("Dossier %s, held by %s"), first->code, first->held_unit);
      else
        text = g_strdup_printf (_("Dossier %s"), first->code);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dossier, handed over together",
                                         "%u dossiers, handed over together", self->dossiers->len),
                            self->dossiers->len);
  gtk_label_set_text (self->summary_label, text);
}

static void
show_error (McHandoverDialog *self,
            const char       *message,
            GtkWidget        *focus)
{
  gtk_label_set_text (self->error_label, message);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
preview_list (McHandoverDialog *self,
              GPtrArray        *after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDocument) list = mc_handover_list_render (self->store, after, &error);
  McPreviewWindow *preview = list ? mc_preview_window_new (list, _("Hand-over List"), &error) : NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (preview == NULL)
    {
      /* The hand-overs are saved; only the paper failed. */
      GtkWidget *dialog = adw_message_dialog_new (parent, _("The Hand-over List Could Not Be Shown"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (preview), parent);
  gtk_window_present (GTK_WINDOW (preview));
}

/*
 * Callbacks
 */

static void
record_cb (McHandoverDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autofree char *unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry))));
  g_autofree char *person = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_entry))));
  g_autofree char *when = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_entry))));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  g_autofree char *at_text = NULL;
  McMinute at;

  if (*unit == '\0')
    {
      show_error (self, _("Say which unit receives the dossier"), GTK_WIDGET (self->unit_entry));
      return;
    }
  if (!mc_time_parse (when, &at, NULL))
    {
      show_error (self, _("Write the time as YYYY-MM-DD HH:MM, for example 2026-11-23 14:30"),
                  GTK_WIDGET (self->time_entry));
      return;
    }
  at_text = mc_time_format_iso_offset (at);
  json_object_set_string_member (payload, "to", unit);
  json_object_set_string_member (payload, "at", at_text);
  if (*person != '\0')
    json_object_set_string_member (payload, "person", person);
  if (*note != '\0')
    json_object_set_string_member (payload, "note", note);
  node = json_node_init_object (json_node_alloc (), payload);
  for (guint i = 0; i < self->dossiers->len; i++)
    g_ptr_array_add (codes, ((McDossier *) g_ptr_array_index (self->dossiers, i))->code);
  g_ptr_array_add (codes, NULL);
  after = mc_store_record_many (self->store, (const char * const *) codes->pdata, MC_EVENT_HANDED_OVER, node, NULL,
                                &error);
  if (after == NULL)
    {
      show_error (self, error->message, NULL);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0);
  if (gtk_check_button_get_active (self->list_check))
    preview_list (self, after);
  gtk_window_close (GTK_WINDOW (self));
}

/*
 * GObject
 */

static void
mc_handover_dialog_dispose (GObject *object)
{
  McHandoverDialog *self = MC_HANDOVER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->dossiers, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_HANDOVER_DIALOG);
  G_OBJECT_CLASS (mc_handover_dialog_parent_class)->dispose (object);
}

static void
mc_handover_dialog_class_init (McHandoverDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_handover_dialog_dispose;

  /**
   * McHandoverDialog::recorded:
   *
   * The hand-overs were saved.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-handover-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McHandoverDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, McHandoverDialog, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, McHandoverDialog, person_entry);
  gtk_widget_class_bind_template_child (widget_class, McHandoverDialog, time_entry);
  gtk_widget_class_bind_template_child (widget_class, McHandoverDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, McHandoverDialog, list_check);
  gtk_widget_class_bind_template_child (widget_class, McHandoverDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McHandoverDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, record_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_handover_dialog_init (McHandoverDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mc_handover_dialog_new:
 * @dossiers: (element-type McDossier): one dossier or more, all handed to the same unit
 */
McHandoverDialog *
mc_handover_dialog_new (GtkWindow *parent,
                        McStore   *store,
                        GPtrArray *dossiers)
{
  McHandoverDialog *self;
  McMinute now = mc_time_now ();
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;
  const char *unit;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (dossiers != NULL && dossiers->len > 0, NULL);

  self = g_object_new (MC_TYPE_HANDOVER_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->dossiers = g_ptr_array_ref (dossiers);
  describe (self);
  {
    /* A list's or the alerts' rows carry no steps: the proposal reads the first dossier whole. */
    McDossier *first = g_ptr_array_index (dossiers, 0);
    g_autoptr(McDossier) whole = mc_store_get_dossier (store, first->code, NULL);

    unit = next_unit (whole != NULL ? whole : first);
    if (unit != NULL)
      gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), unit);
  }
  date = mc_date_format_iso (mc_minute_jdn (now));
  when = g_strdup_printf ("%s %02d:%02d", date, mc_minute_of_day (now) / 60, mc_minute_of_day (now) % 60);
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), when);
  /* Several dossiers at once are what the paper book is for. */
  gtk_check_button_set_active (self->list_check, dossiers->len > 1);
  return self;
}
