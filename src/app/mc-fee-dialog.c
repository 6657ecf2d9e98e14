/* mc-fee-dialog.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A fee paid or refunded at the desk for one dossier: the amount (whole đồng), the receipt's number and the
 * method, or a refund with its reason. Every refusal is shown in the dialog and nothing is written; "recorded" is
 * emitted once the payment is saved (docs/fees.md). */

#define G_LOG_DOMAIN "mc-fee-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-fee.h"
#include "mc-fee-dialog.h"

struct _McFeeDialog
{
  AdwWindow    parent_instance;

  McStore     *store;
  McDossier   *dossier;

  GtkLabel    *summary_label;
  GtkSwitch   *refund_switch;
  GtkEntry    *amount_entry;
  GtkEntry    *receipt_entry;
  GtkDropDown *method_dropdown;
  GtkEntry    *reason_entry;
  GtkWidget   *reason_row;
  GtkWidget   *receipt_row;
  GtkWidget   *method_row;
  GtkLabel    *error_label;
  GtkWidget   *record_button;
};

G_DEFINE_FINAL_TYPE (McFeeDialog, mc_fee_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *methods[] = { "cash", "transfer", "online" };

static void
update_summary (McFeeDialog *self)
{
  g_autofree char *due = mc_fee_format_amount (MAX (self->dossier->fee_due, 0));
  g_autofree char *paid = mc_fee_format_amount (self->dossier->fee_paid);
  g_autofree char *refunded = mc_fee_format_amount (self->dossier->fee_refunded);
  g_autofree char *text = NULL;

  /* Translators: three amounts in đồng */
  text = g_strdup_printf (_("Due %s đồng · paid %s đồng · refunded %s đồng"), due, paid, refunded);
  gtk_label_set_text (self->summary_label, text);
}

static void
refund_toggled_cb (McFeeDialog *self)
{
  gboolean refund = gtk_switch_get_active (self->refund_switch);

  gtk_widget_set_visible (self->reason_row, refund);
  gtk_widget_set_visible (self->receipt_row, !refund);
  gtk_widget_set_visible (self->method_row, !refund);
  gtk_label_set_text (self->error_label, "");
}

static void
record_cb (McFeeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) after = NULL;
  gboolean refund = gtk_switch_get_active (self->refund_switch);
  McFeePayment payment = { 0 };
  const char *receipt = gtk_editable_get_text (GTK_EDITABLE (self->receipt_entry));
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));

  if (!mc_fee_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)), &payment.amount, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
      return;
    }
  if (refund)
    {
      payment.reason = reason;
      after = mc_store_refund_fee (self->store, self->dossier->uuid, &payment, &error);
    }
  else
    {
      payment.receipt = *receipt ? receipt : NULL;
      payment.method = methods[MIN (gtk_drop_down_get_selected (self->method_dropdown), G_N_ELEMENTS (methods) - 1)];
      after = mc_store_pay_fee (self->store, self->dossier->uuid, &payment, &error);
    }
  if (after == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  mc_dossier_unref (self->dossier);
  self->dossier = g_steal_pointer (&after);
  g_signal_emit (self, signals[RECORDED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
mc_fee_dialog_dispose (GObject *object)
{
  McFeeDialog *self = MC_FEE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->dossier, mc_dossier_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_FEE_DIALOG);
  G_OBJECT_CLASS (mc_fee_dialog_parent_class)->dispose (object);
}

static void
mc_fee_dialog_class_init (McFeeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_fee_dialog_dispose;

  /**
   * McFeeDialog::recorded:
   *
   * A payment or refund was saved.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-fee-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, refund_switch);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, receipt_entry);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, receipt_row);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McFeeDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, record_cb);
  gtk_widget_class_bind_template_callback (widget_class, refund_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_fee_dialog_init (McFeeDialog *self)
{
  const char *labels[] = { _("Cash"), _("Bank transfer"), _("Online"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->method_dropdown, G_LIST_MODEL (gtk_string_list_new (labels)));
}

McFeeDialog *
mc_fee_dialog_new (GtkWindow *parent,
                   McStore   *store,
                   McDossier *dossier)
{
  McFeeDialog *self = g_object_new (MC_TYPE_FEE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  g_autofree char *due = NULL;

  self->store = g_object_ref (store);
  self->dossier = mc_dossier_ref (dossier);
  update_summary (self);
  refund_toggled_cb (self);
  if (dossier->fee_due > dossier->fee_paid - dossier->fee_refunded)
    {
      due = g_strdup_printf ("%" G_GINT64_FORMAT, dossier->fee_due - MAX (dossier->fee_paid - dossier->fee_refunded, 0));
      gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), due);
    }
  return self;
}
