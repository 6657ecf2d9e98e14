/* mc-dossier-summary.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-dossier-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-alerts-page.h"
#include "mc-dossier-item.h"
#include "mc-dossier-summary.h"
#include "mc-time.h"

struct _McDossierSummary
{
  GtkWidget   parent_instance;

  const char *suggested_action;

  GtkLabel   *status_label;
  GtkLabel   *due_state_label;
  GtkLabel   *due_label;
  GtkLabel   *left_label;
  GtkButton  *suggested_button;
  GtkWidget  *steps_box;
};

G_DEFINE_FINAL_TYPE (McDossierSummary, mc_dossier_summary, GTK_TYPE_WIDGET)

/* What the clerk does next with a dossier in each state: the result comes back while it is in progress, goes to
 * the citizen once ready, and the clock restarts when the supplement arrives. A closed dossier has no next step. */
static const struct
{
  McStatus    status;
  const char *action;
  const char *label;
} suggested_steps[] = {
  { MC_STATUS_IN_PROGRESS, "dossier.result-ready", N_("Result _Ready") },
  { MC_STATUS_PAUSED, "dossier.complete-supplement", N_("Supplement _Completed") },
  { MC_STATUS_RESULT_READY, "dossier.return", N_("Re_turned to Citizen…") },
};

const char *
mc_dossier_suggested_action (McStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (suggested_steps); i++)
    if (suggested_steps[i].status == status)
      return suggested_steps[i].action;
  return NULL;
}

static const char *
suggested_label (McStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (suggested_steps); i++)
    if (suggested_steps[i].status == status)
      return _(suggested_steps[i].label);
  return NULL;
}

void
mc_dossier_summary_set_dossier (McDossierSummary *self,
                                McDossier        *dossier,
                                McCalendar       *calendar,
                                McMinute          now)
{
  static const char * const all_css[] = { "on-track", "due-soon", "overdue", "early", "on-time", "late" };
  McDueState state = mc_dossier_due_state (dossier, calendar, now);
  const char *css = mc_due_state_css_class (state);
  McMinute due = dossier->new_due != MC_MINUTE_NONE ? dossier->new_due : dossier->due;
  gboolean open = mc_dossier_is_open (dossier);
  g_autofree char *appointment = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *left = NULL;
  g_autofree char *distance = NULL;

  g_return_if_fail (MC_IS_DOSSIER_SUMMARY (self));

  gtk_label_set_text (self->status_label, mc_status_label (dossier->status));
  for (guint i = 0; i < G_N_ELEMENTS (all_css); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_state_label), all_css[i]);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_state_label), css);
  gtk_label_set_text (self->due_state_label, mc_due_state_label (state));
  gtk_widget_set_visible (GTK_WIDGET (self->due_state_label), css != NULL);

  if (due != MC_MINUTE_NONE)
    {
      appointment = mc_time_format_appointment (due);
      /* Translators: %s is the appointment for the result, e.g. "thứ Năm, 26/11/2026 17:00" */
      due_text = g_strdup_printf (_("Appointment: %s"), appointment);
    }
  gtk_label_set_text (self->due_label, due_text != NULL ? due_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due_text != NULL);

  if (open && dossier->status == MC_STATUS_PAUSED)
    left = g_strdup (_("The clock is stopped until the supplement arrives"));
  else if (open && due != MC_MINUTE_NONE)
    {
      distance = mc_alerts_describe_distance (calendar, due, now);
      /* Translators: %s is a working-time distance such as "2 working days 3h" */
      left = now > due ? g_strdup_printf (_("overdue by %s"), distance)
                       /* Translators: %s is a working-time distance such as "5h 30min of working time" */
                       : g_strdup_printf (_("due in %s"), distance);
    }
  gtk_label_set_text (self->left_label, left != NULL ? left : "");
  gtk_widget_set_visible (GTK_WIDGET (self->left_label), left != NULL);

  self->suggested_action = mc_dossier_suggested_action (dossier->status);
  gtk_widget_set_visible (GTK_WIDGET (self->suggested_button), self->suggested_action != NULL);
  if (self->suggested_action != NULL)
    {
      gtk_button_set_label (self->suggested_button, suggested_label (dossier->status));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->suggested_button), self->suggested_action);
    }

  /* The other steps: only those the state allows, the suggested one not twice. The flow box wraps each button in
   * a child of its own: hiding that child leaves no gap. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->steps_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

      gtk_widget_set_visible (child, gtk_widget_get_sensitive (button) &&
                                     g_strcmp0 (action, self->suggested_action) != 0);
    }
}

const char *
mc_dossier_summary_get_suggested_action (McDossierSummary *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_SUMMARY (self), NULL);
  return self->suggested_action;
}

static void
mc_dossier_summary_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_DOSSIER_SUMMARY);

  G_OBJECT_CLASS (mc_dossier_summary_parent_class)->dispose (object);
}

static void
mc_dossier_summary_class_init (McDossierSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_dossier_summary_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-dossier-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, McDossierSummary, status_label);
  gtk_widget_class_bind_template_child (widget_class, McDossierSummary, due_state_label);
  gtk_widget_class_bind_template_child (widget_class, McDossierSummary, due_label);
  gtk_widget_class_bind_template_child (widget_class, McDossierSummary, left_label);
  gtk_widget_class_bind_template_child (widget_class, McDossierSummary, suggested_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierSummary, steps_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mc_dossier_summary_init (McDossierSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
