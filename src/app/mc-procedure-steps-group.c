/* mc-procedure-steps-group.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preferences: a procedure's internal procedure (quy trình nội bộ), step by step: the unit, its role and its working
 * hours, steps added, removed and moved, the total held against the procedure's time limit. Saved as the catalogue
 * entry with its steps changed, an event that syncs (as `motcua-cli office steps`); dossiers received before keep
 * the steps of their day (docs/process.md). */

#define G_LOG_DOMAIN "mc-procedure-steps-group"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-procedure.h"
#include "mc-procedure-steps.h"
#include "mc-procedure-steps-group.h"

struct _McProcedureStepsGroup
{
  AdwPreferencesGroup parent_instance;

  McStore       *store;
  GPtrArray     *procedures;   /* McProcedure, as the drop-down lists them */
  GPtrArray     *steps;        /* McProcedureStep being edited */
  gboolean       is_default;

  GtkDropDown   *procedure_dropdown;
  GtkListBox    *steps_list;
  GtkLabel      *total_label;
  GtkLabel      *error_label;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (McProcedureStepsGroup, mc_procedure_steps_group, ADW_TYPE_PREFERENCES_GROUP)

static const char *const roles[] = { "desk", "specialist", "leader", "records", "other" };
static const char *const role_labels[] = {
  N_("One-stop desk"), N_("Specialist"), N_("Leader"), N_("Records clerk"), N_("Other"),
};

static void rebuild (McProcedureStepsGroup *self);

/*
 * Auxiliary methods
 */

static McProcedure *
current_procedure (McProcedureStepsGroup *self)
{
  guint i = gtk_drop_down_get_selected (self->procedure_dropdown);

  if (self->procedures == NULL || i >= self->procedures->len)
    return NULL;
  return g_ptr_array_index (self->procedures, i);
}

static gint64
limit_minutes (McProcedureStepsGroup *self,
               McProcedure           *procedure)
{
  const McOfficeHours *h = mc_calendar_get_hours (mc_store_get_calendar (self->store));
  int day = (h->morning_close - h->morning_open) + (h->afternoon_close - h->afternoon_open);

  return mc_procedure_steps_total (procedure->unit, procedure->duration, day);
}

static McProcedureStep *
step_copy (McProcedureStep *step)
{
  McProcedureStep *copy = g_new0 (McProcedureStep, 1);

  copy->unit = g_strdup (step->unit);
  copy->role = g_strdup (step->role);
  copy->minutes = step->minutes;
  return copy;
}

static guint
role_index (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (role, roles[i]) == 0)
      return i;
  return G_N_ELEMENTS (roles) - 1;
}

/* What the rows say now, back into the steps. */
static void
collect (McProcedureStepsGroup *self)
{
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list)); row != NULL && i < self->steps->len;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      McProcedureStep *step = g_ptr_array_index (self->steps, i);
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkEditable *unit = g_object_get_data (G_OBJECT (box), "unit");
      GtkDropDown *role = g_object_get_data (G_OBJECT (box), "role");
      GtkSpinButton *hours = g_object_get_data (G_OBJECT (box), "hours");

      g_free (step->unit);
      step->unit = g_strstrip (g_strdup (gtk_editable_get_text (unit)));
      g_free (step->role);
      step->role = g_strdup (roles[MIN (gtk_drop_down_get_selected (role), G_N_ELEMENTS (roles) - 1)]);
      step->minutes = (gint64) (gtk_spin_button_get_value (hours) * 60 + 0.5);
    }
}

static void
update_total (McProcedureStepsGroup *self)
{
  McProcedure *procedure = current_procedure (self);
  gint64 sum = 0;
  g_autofree char *text = NULL;
  gint64 limit;

  if (procedure == NULL || self->store == NULL)
    return;
  for (guint i = 0; i < self->steps->len; i++)
    sum += ((McProcedureStep *) g_ptr_array_index (self->steps, i))->minutes;
  limit = limit_minutes (self, procedure);
  /* Translators: the steps' working hours, then the procedure's time limit in working hours */
  text = g_strdup_printf (_("Total: %.1f of %.1f working hours%s"), sum / 60.0, limit / 60.0,
                          self->is_default ? _(" (the default split: no steps saved for this procedure)") : "");
  gtk_label_set_text (self->total_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->total_label), "error");
  if (sum > limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "error");
}

/*
 * Callbacks
 */

static void
value_changed_cb (McProcedureStepsGroup *self)
{
  collect (self);
  update_total (self);
}

static void
move_clicked_cb (GtkButton             *button,
                 McProcedureStepsGroup *self)
{
  guint from = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  guint to;

  collect (self);
  if (delta == 0)
    {
      g_ptr_array_remove_index (self->steps, from);
    }
  else
    {
      to = (guint) ((int) from + delta);
      if (to >= self->steps->len)
        return;
      {
        gpointer moved = self->steps->pdata[from];

        self->steps->pdata[from] = self->steps->pdata[to];
        self->steps->pdata[to] = moved;
      }
    }
  self->is_default = FALSE;
  rebuild (self);
}

static GtkWidget *
icon_button (McProcedureStepsGroup *self,
             const char            *icon,
             const char            *tooltip,
             guint                  index,
             int                    delta,
             gboolean               sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (move_clicked_cb), self);
  return button;
}

static GtkWidget *
step_row (McProcedureStepsGroup *self,
          McProcedureStep       *step,
          guint                  index)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%u.", index + 1);
  GtkWidget *label = gtk_label_new (number);
  GtkWidget *unit = gtk_entry_new ();
  g_autoptr(GtkStringList) role_model = gtk_string_list_new (NULL);
  GtkWidget *role;
  GtkWidget *hours = gtk_spin_button_new_with_range (0.5, 2920, 0.5);

  for (guint i = 0; i < G_N_ELEMENTS (role_labels); i++)
    gtk_string_list_append (role_model, _(role_labels[i]));
  role = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&role_model)), NULL);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_box_append (GTK_BOX (row), label);

  gtk_editable_set_text (GTK_EDITABLE (unit), step->unit ? step->unit : "");
  gtk_widget_set_hexpand (unit, TRUE);
  /* The unit's name is what the row is about: it keeps room whatever the language of the roles. */
  gtk_editable_set_width_chars (GTK_EDITABLE (unit), 20);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit holding the dossier"), -1);
  g_signal_connect_swapped (unit, "changed", G_CALLBACK (value_changed_cb), self);
  gtk_box_append (GTK_BOX (row), unit);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (role), role_index (step->role));
  gtk_widget_set_valign (role, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (role, 130, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role"), -1);
  g_signal_connect_swapped (role, "notify::selected", G_CALLBACK (value_changed_cb), self);
  gtk_box_append (GTK_BOX (row), role);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (hours), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (hours), 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hours), step->minutes / 60.0);
  gtk_widget_set_valign (hours, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (hours, _("Working hours"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (hours), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working hours"), -1);
  g_signal_connect_swapped (hours, "value-changed", G_CALLBACK (value_changed_cb), self);
  gtk_box_append (GTK_BOX (row), hours);

  gtk_box_append (GTK_BOX (row), icon_button (self, "go-up-symbolic", _("Move up"), index, -1, index > 0));
  gtk_box_append (GTK_BOX (row), icon_button (self, "go-down-symbolic", _("Move down"), index, 1,
                                              index + 1 < self->steps->len));
  gtk_box_append (GTK_BOX (row), icon_button (self, "user-trash-symbolic", _("Remove this step"), index, 0,
                                              self->steps->len > 1));
  g_object_set_data (G_OBJECT (row), "unit", unit);
  g_object_set_data (G_OBJECT (row), "role", role);
  g_object_set_data (G_OBJECT (row), "hours", hours);
  return row;
}

static void
rebuild (McProcedureStepsGroup *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  for (guint i = 0; i < self->steps->len; i++)
    gtk_list_box_append (self->steps_list, step_row (self, g_ptr_array_index (self->steps, i), i));
  gtk_label_set_text (self->error_label, "");
  update_total (self);
}

static void
load_steps (McProcedureStepsGroup *self)
{
  McProcedure *procedure = current_procedure (self);
  g_autoptr(GPtrArray) fallback = NULL;
  GPtrArray *source;

  g_ptr_array_set_size (self->steps, 0);
  if (procedure == NULL)
    {
      rebuild (self);
      return;
    }
  self->is_default = procedure->steps->len == 0;
  if (self->is_default)
    fallback = mc_procedure_steps_default (limit_minutes (self, procedure));
  source = self->is_default ? fallback : procedure->steps;
  for (guint i = 0; i < source->len; i++)
    g_ptr_array_add (self->steps, step_copy (g_ptr_array_index (source, i)));
  rebuild (self);
}

static void
procedure_selected_cb (McProcedureStepsGroup *self)
{
  load_steps (self);
}

static void
add_step_cb (McProcedureStepsGroup *self)
{
  McProcedureStep step = { (char *) "", (char *) "specialist", 60 };

  if (self->steps->len >= MC_PROCEDURE_MAX_STEPS)
    {
      g_autofree char *text = g_strdup_printf (_("An internal procedure has at most %d steps"), MC_PROCEDURE_MAX_STEPS);

      gtk_label_set_text (self->error_label, text);
      return;
    }
  collect (self);
  g_ptr_array_add (self->steps, step_copy (&step));
  self->is_default = FALSE;
  rebuild (self);
}

static void
default_split_cb (McProcedureStepsGroup *self)
{
  McProcedure *procedure = current_procedure (self);
  g_autoptr(GPtrArray) fallback = NULL;

  if (procedure == NULL)
    return;
  fallback = mc_procedure_steps_default (limit_minutes (self, procedure));
  g_ptr_array_set_size (self->steps, 0);
  for (guint i = 0; i < fallback->len; i++)
    g_ptr_array_add (self->steps, step_copy (g_ptr_array_index (fallback, i)));
  rebuild (self);
}

static void
save_cb (McProcedureStepsGroup *self)
{
  McProcedure *procedure = current_procedure (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(McProcedure) changed = NULL;
  g_autoptr(McProcedure) stored = NULL;
  guint index = gtk_drop_down_get_selected (self->procedure_dropdown);

  if (procedure == NULL)
    return;
  collect (self);
  mc_procedure_steps_to_json (self->steps, builder);
  /* From the procedure as stored now: the catalogue editor may have saved its other fields since. */
  stored = mc_store_get_procedure (self->store, procedure->code, NULL);
  entry = mc_procedure_to_json_node (stored != NULL ? stored : procedure);
  json_object_set_member (json_node_get_object (entry), "steps", json_builder_get_root (builder));
  changed = mc_procedure_new_from_json (json_node_get_object (entry), &error);
  if (changed == NULL || !mc_procedure_steps_check_total (changed->steps, limit_minutes (self, changed), &error) ||
      !mc_store_set_procedure (self->store, changed, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  /* The list holds the procedure as saved, so that the next save starts from it. */
  mc_procedure_unref (self->procedures->pdata[index]);
  self->procedures->pdata[index] = g_steal_pointer (&changed);
  self->is_default = FALSE;
  update_total (self);
  gtk_label_set_text (self->error_label, _("Saved: dossiers received from now on follow these steps."));
}

/*
 * GObject
 */

static void
mc_procedure_steps_group_dispose (GObject *object)
{
  McProcedureStepsGroup *self = MC_PROCEDURE_STEPS_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->procedures, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_PROCEDURE_STEPS_GROUP);
  G_OBJECT_CLASS (mc_procedure_steps_group_parent_class)->dispose (object);
}

static void
mc_procedure_steps_group_class_init (McProcedureStepsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_procedure_steps_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-procedure-steps-group.ui");
  gtk_widget_class_bind_template_child (widget_class, McProcedureStepsGroup, procedure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McProcedureStepsGroup, steps_list);
  gtk_widget_class_bind_template_child (widget_class, McProcedureStepsGroup, total_label);
  gtk_widget_class_bind_template_child (widget_class, McProcedureStepsGroup, error_label);
  gtk_widget_class_bind_template_child (widget_class, McProcedureStepsGroup, save_button);
  gtk_widget_class_bind_template_callback (widget_class, procedure_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_step_cb);
  gtk_widget_class_bind_template_callback (widget_class, default_split_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
}

static void
mc_procedure_steps_group_init (McProcedureStepsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_step_free);
  gtk_drop_down_set_expression (self->procedure_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
}

void
mc_procedure_steps_group_set_store (McProcedureStepsGroup *self,
                                    McStore               *store)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (MC_IS_PROCEDURE_STEPS_GROUP (self));
  g_return_if_fail (MC_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->procedures, g_ptr_array_unref);
  self->procedures = mc_store_list_procedures (store, NULL);
  if (self->procedures == NULL)
    self->procedures = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_unref);
  for (guint i = 0; i < self->procedures->len; i++)
    {
      McProcedure *p = g_ptr_array_index (self->procedures, i);
      g_autofree char *name = g_strdup_printf ("%s — %s", p->code, p->name);

      gtk_string_list_append (names, name);
    }
  g_signal_handlers_block_by_func (self->procedure_dropdown, procedure_selected_cb, self);
  gtk_drop_down_set_model (self->procedure_dropdown, G_LIST_MODEL (names));
  g_signal_handlers_unblock_by_func (self->procedure_dropdown, procedure_selected_cb, self);
  load_steps (self);
}

/* Shows @code's steps; FALSE when the catalogue has no such procedure. */
gboolean
mc_procedure_steps_group_select_procedure (McProcedureStepsGroup *self,
                                           const char            *code)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_STEPS_GROUP (self), FALSE);

  for (guint i = 0; self->procedures && i < self->procedures->len; i++)
    if (g_strcmp0 (((McProcedure *) g_ptr_array_index (self->procedures, i))->code, code) == 0)
      {
        gtk_drop_down_set_selected (self->procedure_dropdown, i);
        load_steps (self);
        return TRUE;
      }
  return FALSE;
}
