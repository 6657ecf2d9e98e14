/* mc-transfer-dialog.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A dossier sent to another competent body (Nghị định 118/2025, Điều 18): the body and the reason, then the
 * transfer slip to go with it. A refusal is shown in the dialog and nothing is written; "recorded" is emitted once
 * the transfer is saved (docs/process.md). */

#define G_LOG_DOMAIN "mc-transfer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-event.h"
#include "mc-preview-window.h"
#include "mc-transfer-dialog.h"
#include "mc-transfer-slip.h"

struct _McTransferDialog
{
  AdwWindow       parent_instance;

  McStore        *store;
  McDossier      *dossier;

  GtkLabel       *summary_label;
  GtkEntry       *body_entry;
  GtkEntry       *reason_entry;
  GtkCheckButton *slip_check;
  GtkLabel       *error_label;
  GtkWidget      *record_button;
};

G_DEFINE_FINAL_TYPE (McTransferDialog, mc_transfer_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/*
 * Auxiliary methods
 */

static void
preview_slip (McTransferDialog *self,
              McDossier        *after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDocument) slip = mc_transfer_slip_render (self->store, after, &error);
  g_autofree char *title = g_strdup_printf ("%s — %s", after->code, _("Transfer Slip"));
  McPreviewWindow *preview = slip ? mc_preview_window_new (slip, title, &error) : NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (preview == NULL)
    {
      /* The transfer is saved; only the paper failed. */
      GtkWidget *dialog = adw_message_dialog_new (parent, _("The Transfer Slip Could Not Be Shown"), error->message);

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
record_cb (McTransferDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(McDossier) after = NULL;
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->body_entry))));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));

  if (*body == '\0')
    {
      gtk_label_set_text (self->error_label, _("Name the competent body the dossier is sent to"));
      gtk_widget_grab_focus (GTK_WIDGET (self->body_entry));
      return;
    }
  json_object_set_string_member (payload, "to", body);
  json_object_set_string_member (payload, "reason", reason);
  node = json_node_init_object (json_node_alloc (), payload);
  after = mc_store_record (self->store, self->dossier->uuid, MC_EVENT_TRANSFERRED, node, NULL, &error);
  if (after == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0);
  if (gtk_check_button_get_active (self->slip_check))
    preview_slip (self, after);
  gtk_window_close (GTK_WINDOW (self));
}

/*
 * GObject
 */

static void
mc_transfer_dialog_dispose (GObject *object)
{
  McTransferDialog *self = MC_TRANSFER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->dossier, mc_dossier_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_TRANSFER_DIALOG);
  G_OBJECT_CLASS (mc_transfer_dialog_parent_class)->dispose (object);
}

static void
mc_transfer_dialog_class_init (McTransferDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_transfer_dialog_dispose;

  /**
   * McTransferDialog::recorded:
   *
   * The transfer was saved.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-transfer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McTransferDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, McTransferDialog, body_entry);
  gtk_widget_class_bind_template_child (widget_class, McTransferDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, McTransferDialog, slip_check);
  gtk_widget_class_bind_template_child (widget_class, McTransferDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McTransferDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, record_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_transfer_dialog_init (McTransferDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

McTransferDialog *
mc_transfer_dialog_new (GtkWindow *parent,
                        McStore   *store,
                        McDossier *dossier)
{
  McTransferDialog *self;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (dossier != NULL, NULL);

  self = g_object_new (MC_TYPE_TRANSFER_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->dossier = mc_dossier_ref (dossier);
  /* Translators: the dossier's code */
  text = g_strdup_printf (_("Dossier %s goes to the body competent to decide it; no deadline runs here any more."),
                          dossier->code);
  gtk_label_set_text (self->summary_label, text);
  return self;
}
