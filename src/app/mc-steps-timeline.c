/* mc-steps-timeline.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A dossier's way through the office as a timeline: a row per step taken (the unit, the person, when it received
 * and handed on the dossier, the step's deadline and how the step went, in words and colour), then the steps its
 * internal procedure still has to come, dimmed. */

#define G_LOG_DOMAIN "mc-steps-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-dossier-item.h"
#include "mc-dossier-steps.h"
#include "mc-procedure-steps.h"
#include "mc-steps-timeline.h"
#include "mc-time.h"

struct _McStepsTimeline
{
  GtkWidget   parent_instance;

  GtkListBox *list;
  guint       n_rows;
};

G_DEFINE_FINAL_TYPE (McStepsTimeline, mc_steps_timeline, GTK_TYPE_WIDGET)

/*
 * Auxiliary methods
 */

static char *
format_hours (gint64 minutes)
{
  if (minutes % 60 == 0)
    /* Translators: a step's planned time in working hours */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working hour", "%d working hours", minutes / 60),
                            (int) (minutes / 60));
  /* Translators: a step's planned time in working hours and minutes */
  return g_strdup_printf (_("%dh %02dmin of working time"), (int) (minutes / 60), (int) (minutes % 60));
}

static GtkWidget *
step_row (McDossier     *d,
          McDossierStep *step,
          guint          number,
          McCalendar    *calendar,
          McMinute       now)
{
  GtkWidget *row = adw_action_row_new ();
  McDueState state = mc_dossier_step_state (d, step, calendar, now);
  const char *css = mc_due_state_css_class (state);
  g_autofree char *title = NULL;
  g_autofree char *received = mc_time_format_short (step->received);
  g_autofree char *handed = step->handed != MC_MINUTE_NONE ? mc_time_format_short (step->handed) : NULL;
  g_autofree char *due = step->due != MC_MINUTE_NONE ? mc_time_format_short (step->due) : NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (step->person != NULL)
    /* Translators: a step of a dossier: its number, the unit and the person holding it */
    title = g_strdup_printf (_("%u. %s — %s"), number, step->unit, step->person);
  else
    /* Translators: a step of a dossier: its number and the unit holding it */
    title = g_strdup_printf (_("%u. %s"), number, step->unit);
  /* Translators: when the unit received the dossier */
  g_string_append_printf (subtitle, _("received %s"), received);
  if (handed != NULL)
    /* Translators: when the unit handed the dossier on */
    g_string_append_printf (subtitle, _(" · handed on %s"), handed);
  if (due != NULL)
    /* Translators: the step's deadline */
    g_string_append_printf (subtitle, _(" · due %s"), due);
  if (step->note != NULL)
    g_string_append_printf (subtitle, " · %s", step->note);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (css != NULL)
    {
      GtkWidget *label = gtk_label_new (mc_due_state_label (state));

      gtk_widget_add_css_class (label, "due-state");
      gtk_widget_add_css_class (label, css);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  /* The step held now stands out from those done. */
  if (step->handed == MC_MINUTE_NONE && mc_dossier_is_open (d))
    gtk_widget_add_css_class (row, "step-current");
  return row;
}

static GtkWidget *
planned_row (McProcedureStep *planned,
             guint            number)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_("%u. %s"), number, planned->unit);
  g_autofree char *hours = format_hours (planned->minutes);
  /* Translators: a step the dossier has still to go through, and its planned time */
  g_autofree char *subtitle = g_strdup_printf (_("to come · %s"), hours);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/*
 * GObject
 */

static void
mc_steps_timeline_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_STEPS_TIMELINE);
  G_OBJECT_CLASS (mc_steps_timeline_parent_class)->dispose (object);
}

static void
mc_steps_timeline_class_init (McStepsTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_steps_timeline_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-steps-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, McStepsTimeline, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mc_steps_timeline_init (McStepsTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mc_steps_timeline_set_dossier:
 * @now: the moment the states are judged at
 */
void
mc_steps_timeline_set_dossier (McStepsTimeline *self,
                               McDossier       *dossier,
                               McCalendar      *calendar,
                               McMinute         now)
{
  GtkWidget *child;
  guint taken;

  g_return_if_fail (MC_IS_STEPS_TIMELINE (self));
  g_return_if_fail (dossier != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  taken = dossier->steps ? dossier->steps->len : 0;
  for (guint i = 0; i < taken; i++)
    {
      gtk_list_box_append (self->list, step_row (dossier, g_ptr_array_index (dossier->steps, i), i + 1, calendar, now));
      self->n_rows++;
    }
  /* What the internal procedure still plans, while the dossier is open. */
  for (guint i = taken; mc_dossier_is_open (dossier) && dossier->plan && i < dossier->plan->len; i++)
    {
      gtk_list_box_append (self->list, planned_row (g_ptr_array_index (dossier->plan, i), i + 1));
      self->n_rows++;
    }
}

guint
mc_steps_timeline_get_n_rows (McStepsTimeline *self)
{
  g_return_val_if_fail (MC_IS_STEPS_TIMELINE (self), 0);
  return self->n_rows;
}
