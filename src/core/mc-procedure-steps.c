/* mc-procedure-steps.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The steps of a procedure's internal procedure (domain.md §13.2): read from the catalogue, checked, and the
 * default split of a time limit when the catalogue gives none. */

#define G_LOG_DOMAIN "mc-procedure"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-procedure.h"
#include "mc-procedure-steps.h"
#include "mc-text.h"

static const char *const roles[] = { "desk", "specialist", "leader", "records", "other", NULL };

void
mc_procedure_step_free (McProcedureStep *step)
{
  if (step == NULL)
    return;
  g_free (step->unit);
  g_free (step->role);
  g_free (step);
}

static McProcedureStep *
step_new (const char *unit,
          const char *role,
          gint64      minutes)
{
  McProcedureStep *step = g_new0 (McProcedureStep, 1);

  step->unit = g_strdup (unit);
  step->role = g_strdup (role);
  step->minutes = minutes;
  return step;
}

static GPtrArray *
steps_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_step_free);
}

static gpointer
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID, message);
  return NULL;
}

/**
 * mc_procedure_steps_parse:
 * @node: (nullable): the "steps" member of a catalogue entry: an array of {"unit", "role", "hours"}
 *
 * Returns: (transfer full) (element-type McProcedureStep): the steps, empty when @node is %NULL; %NULL with
 *   @error when a step is not one the office could have meant
 */
GPtrArray *
mc_procedure_steps_parse (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(GPtrArray) steps = steps_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_steal_pointer (&steps);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, _("The steps are a list of {unit, role, hours}"));
  array = json_node_get_array (node);
  if (json_array_get_length (array) > MC_PROCEDURE_MAX_STEPS)
    return refuse (error, _("An internal procedure has at most 12 steps"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *hours;
      g_autofree char *unit = NULL;
      const char *role;
      double value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return refuse (error, _("The steps are a list of {unit, role, hours}"));
      object = json_node_get_object (element);
      unit = mc_text_clean (json_object_get_string_member_with_default (object, "unit", ""), -1, 200, FALSE, NULL);
      if (unit == NULL || *unit == '\0')
        return refuse (error, _("Each step names the unit that holds the dossier"));
      role = json_object_get_string_member_with_default (object, "role", "other");
      if (!g_strv_contains (roles, role))
        return refuse (error, _("A step's role is desk, specialist, leader, records or other"));
      hours = json_object_get_member (object, "hours");
      if (hours == NULL || !JSON_NODE_HOLDS_VALUE (hours) ||
          (json_node_get_value_type (hours) != G_TYPE_INT64 && json_node_get_value_type (hours) != G_TYPE_DOUBLE))
        return refuse (error, _("Each step has its time in working hours, more than 0 and at most 2920"));
      value = json_node_get_double (hours);
      if (!(value > 0 && value <= 2920))
        return refuse (error, _("Each step has its time in working hours, more than 0 and at most 2920"));
      g_ptr_array_add (steps, step_new (unit, role, MAX (1, (gint64) llround (value * 60))));
    }
  return g_steal_pointer (&steps);
}

/**
 * mc_procedure_steps_total:
 * @day_minutes: the working minutes of one of the office's days
 *
 * The working minutes of a time limit: a working day counts as a day of office hours, a same-day procedure as
 * half of one.
 */
gint64
mc_procedure_steps_total (McUnit unit,
                          int    duration,
                          int    day_minutes)
{
  switch (unit)
    {
    case MC_UNIT_WORKING_DAYS:
      return (gint64) duration * day_minutes;
    case MC_UNIT_WORKING_HOURS:
      return (gint64) duration * 60;
    case MC_UNIT_SAME_DAY:
    default:
      return day_minutes / 2;
    }
}

/**
 * mc_procedure_steps_default:
 * @total_minutes: the procedure's time limit in working minutes
 *
 * The split of a time limit when the province approved no internal procedure for it (docs/process.md): the desk
 * receives and hands over within an eighth of the time, at most 4 hours; the leader signs within an eighth; the
 * records clerk (văn thư) issues within a sixteenth; the desk has a sixteenth to take the result back; the
 * specialist has the rest.
 *
 * Returns: (transfer full) (element-type McProcedureStep): five steps whose minutes add up to @total_minutes
 */
GPtrArray *
mc_procedure_steps_default (gint64 total_minutes)
{
  GPtrArray *steps = steps_new ();
  gint64 total = MAX (total_minutes, 16);
  gint64 desk = MIN (240, total / 8);
  gint64 leader = total / 8;
  gint64 records = total / 16;
  gint64 back = total / 16;

  g_ptr_array_add (steps, step_new ("Bộ phận Một cửa", "desk", desk));
  g_ptr_array_add (steps, step_new ("Công chức chuyên môn", "specialist", total - desk - leader - records - back));
  g_ptr_array_add (steps, step_new ("Lãnh đạo UBND", "leader", leader));
  g_ptr_array_add (steps, step_new ("Văn thư", "records", records));
  g_ptr_array_add (steps, step_new ("Bộ phận Một cửa", "desk", back));
  return steps;
}

void
mc_procedure_steps_to_json (GPtrArray   *steps,
                            JsonBuilder *builder)
{
  json_builder_begin_array (builder);
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      McProcedureStep *step = g_ptr_array_index (steps, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, step->unit);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, step->role);
      json_builder_set_member_name (builder, "hours");
      if (step->minutes % 60 == 0)
        json_builder_add_int_value (builder, step->minutes / 60);
      else
        json_builder_add_double_value (builder, step->minutes / 60.0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
hours_text (gint64 minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%d", (int) (minutes / 60));
  return g_strdup_printf ("%.2g", minutes / 60.0);
}

/**
 * mc_procedure_steps_check_total:
 * @total_minutes: the procedure's time limit in working minutes (mc_procedure_steps_total())
 *
 * Steps that together take longer than the procedure's time limit would make every dossier late by design: they are
 * refused, naming both totals. Fewer hours than the limit are allowed (the rest is a margin).
 */
gboolean
mc_procedure_steps_check_total (GPtrArray  *steps,
                                gint64      total_minutes,
                                GError    **error)
{
  gint64 sum = 0;

  g_return_val_if_fail (steps != NULL, FALSE);

  for (guint i = 0; i < steps->len; i++)
    sum += ((McProcedureStep *) g_ptr_array_index (steps, i))->minutes;
  if (sum > total_minutes)
    {
      g_autofree char *taken = hours_text (sum);
      g_autofree char *limit = hours_text (total_minutes);

      /* Translators: two numbers of working hours */
      g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                   _("The steps take %s working hours, more than the procedure's time limit of %s working hours"),
                   taken, limit);
      return FALSE;
    }
  return TRUE;
}
