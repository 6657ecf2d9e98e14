/* mc-fee-box.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The amount due at intake, beside the due date: what the fee is counted on (pages, copies, signatures or
 * contracts, as the procedure's schedule says) and the exemption chosen, computed live by mc_fee_compute() as the
 * slip will print it (docs/fees.md). */

#define G_LOG_DOMAIN "mc-fee-box"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-fee.h"
#include "mc-fee-box.h"

struct _McFeeBox
{
  GtkBox          parent_instance;

  McStore        *store;
  McProcedure    *procedure;
  gboolean        online;
  char           *exemption;      /* the code chosen, "" for none; what the intake records */

  GtkLabel       *amount_label;
  GtkLabel       *error_label;
  GtkWidget      *pages_box;
  GtkWidget      *count_box;
  GtkLabel       *count_label;
  GtkSpinButton  *pages_spin;
  GtkSpinButton  *count_spin;
  GtkDropDown    *exemption_dropdown;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (McFeeBox, mc_fee_box, GTK_TYPE_BOX)

static const McFeeSchedule *
schedule (McFeeBox *self)
{
  return self->procedure ? self->procedure->fee_schedule : NULL;
}

static void
update (McFeeBox *self)
{
  const McFeeSchedule *s = schedule (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(McFeeDue) due = NULL;
  g_autofree char *text = NULL;
  guint selected;

  if (self->filling)
    return;
  g_clear_pointer (&self->exemption, g_free);
  if (s == NULL)
    {
      gtk_label_set_text (self->amount_label, "");
      gtk_label_set_text (self->error_label, "");
      return;
    }
  selected = gtk_drop_down_get_selected (self->exemption_dropdown);
  self->exemption = g_strdup (selected > 0 && selected <= s->exemptions->len
                              ? ((McFeeExemption *) g_ptr_array_index (s->exemptions, selected - 1))->code : "");
  due = mc_fee_compute (s, mc_store_get_office (self->store),
                        &(McFeeInput) { gtk_spin_button_get_value_as_int (self->pages_spin),
                                        gtk_spin_button_get_value_as_int (self->count_spin), self->online,
                                        self->exemption },
                        &error);
  if (due == NULL)
    {
      gtk_label_set_text (self->amount_label, "—");
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  /* As the slip prints it: the legal text is in Vietnamese whatever the UI language. */
  text = mc_fee_due_describe (due);
  gtk_label_set_text (self->amount_label, text);
  gtk_label_set_text (self->error_label, "");
}

static void
changed_cb (McFeeBox *self)
{
  update (self);
}

/**
 * mc_fee_box_set_procedure:
 * @online: filed online (some fees are lower)
 *
 * Shows the inputs the procedure's schedule counts on, its exemptions with the usual one chosen, and the amount.
 */
void
mc_fee_box_set_procedure (McFeeBox    *self,
                          McStore     *store,
                          McProcedure *procedure,
                          gboolean     online)
{
  const McFeeSchedule *s;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint chosen = 0;
  gboolean changed;

  g_return_if_fail (MC_IS_FEE_BOX (self));

  changed = procedure != self->procedure;
  g_set_object (&self->store, store);
  self->online = online;
  if (changed)
    {
      g_clear_pointer (&self->procedure, mc_procedure_unref);
      self->procedure = procedure ? mc_procedure_ref (procedure) : NULL;
    }
  s = schedule (self);
  gtk_widget_set_visible (GTK_WIDGET (self), s != NULL);
  if (s == NULL || !changed)
    {
      update (self);
      return;
    }
  self->filling = TRUE;
  gtk_widget_set_visible (self->pages_box, s->basis == MC_FEE_BASIS_PAGE);
  gtk_widget_set_visible (self->count_box, s->basis != MC_FEE_BASIS_NONE && s->basis != MC_FEE_BASIS_DOSSIER);
  gtk_label_set_text (self->count_label, s->basis == MC_FEE_BASIS_SIGNATURE ? _("Cases")
                                         : s->basis == MC_FEE_BASIS_CONTRACT ? _("Contracts")
                                         : _("Copies"));
  gtk_spin_button_set_value (self->pages_spin, 1);
  gtk_spin_button_set_value (self->count_spin, 1);
  gtk_string_list_append (labels, _("No exemption"));
  for (guint i = 0; i < s->exemptions->len; i++)
    {
      McFeeExemption *e = g_ptr_array_index (s->exemptions, i);

      gtk_string_list_append (labels, e->label);
      if (g_strcmp0 (e->code, s->default_exemption) == 0)
        chosen = i + 1;
    }
  gtk_drop_down_set_model (self->exemption_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->exemption_dropdown, chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->exemption_dropdown), s->exemptions->len > 0);
  self->filling = FALSE;
  update (self);
}

/* What the intake records: the counts and the exemption chosen. The strings stay the box's. */
void
mc_fee_box_fill_intake (McFeeBox *self,
                        McIntake *intake)
{
  g_return_if_fail (MC_IS_FEE_BOX (self));

  if (schedule (self) == NULL)
    return;
  intake->fee_pages = gtk_spin_button_get_value_as_int (self->pages_spin);
  intake->fee_count = gtk_spin_button_get_value_as_int (self->count_spin);
  intake->fee_exemption = self->exemption ? self->exemption : "";
}

/* Back to the procedure's usual inputs, for the next citizen. */
void
mc_fee_box_reset (McFeeBox *self)
{
  g_autoptr(McProcedure) procedure = self->procedure ? mc_procedure_ref (self->procedure) : NULL;

  g_clear_pointer (&self->procedure, mc_procedure_unref);
  mc_fee_box_set_procedure (self, self->store, procedure, self->online);
}

static void
mc_fee_box_dispose (GObject *object)
{
  McFeeBox *self = MC_FEE_BOX (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->procedure, mc_procedure_unref);
  g_clear_pointer (&self->exemption, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_FEE_BOX);
  G_OBJECT_CLASS (mc_fee_box_parent_class)->dispose (object);
}

static void
mc_fee_box_class_init (McFeeBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_fee_box_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-fee-box.ui");
  gtk_widget_class_bind_template_child (widget_class, McFeeBox, amount_label);
  gtk_widget_class_bind_template_child (widget_class, McFeeBox, error_label);
  gtk_widget_class_bind_template_child (widget_class, McFeeBox, pages_box);
  gtk_widget_class_bind_template_child (widget_class, McFeeBox, count_box);
  gtk_widget_class_bind_template_child (widget_class, McFeeBox, count_label);
  gtk_widget_class_bind_template_child (widget_class, McFeeBox, pages_spin);
  gtk_widget_class_bind_template_child (widget_class, McFeeBox, count_spin);
  gtk_widget_class_bind_template_child (widget_class, McFeeBox, exemption_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
mc_fee_box_init (McFeeBox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
