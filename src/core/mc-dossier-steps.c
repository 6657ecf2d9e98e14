/* mc-dossier-steps.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A dossier's steps through the office (the hand-overs of the control sheet), as the fold sees them: the first
 * step starts at intake with the internal procedure kept in the "received" event; each hand-over ends the step
 * and starts the next; the result, a refusal, a stop, a transfer or the return end the last one. Every deadline
 * is counted in working time by the calendar's own addition (mc_calendar_add_working_minutes). Whether a
 * hand-over fits is the state machine's question (mc_dossier_check_event_at). */

#define G_LOG_DOMAIN "mc-dossier"

#include "config.h"

#include "mc-calendar.h"
#include "mc-dossier.h"
#include "mc-dossier-steps.h"
#include "mc-event.h"
#include "mc-json-builder.h"
#include "mc-procedure-steps.h"
#include "mc-time.h"

void
mc_dossier_step_free (McDossierStep *step)
{
  if (step == NULL)
    return;
  g_free (step->unit);
  g_free (step->person);
  g_free (step->note);
  g_free (step);
}

static gint64
day_minutes (McCalendar *calendar)
{
  const McOfficeHours *h = mc_calendar_get_hours (calendar);

  return (h->morning_close - h->morning_open) + (h->afternoon_close - h->afternoon_open);
}

/* The step @index of the plan: its minutes (0 past the plan) and its unit (NULL past the plan). */
static gint64
planned_minutes (McDossier *self,
                 guint      index)
{
  if (self->plan == NULL || index >= self->plan->len)
    return 0;
  return ((McProcedureStep *) g_ptr_array_index (self->plan, index))->minutes;
}

static void
start_step (McDossier  *self,
            const char *unit,
            const char *person,
            const char *note,
            McMinute    at,
            McCalendar *calendar)
{
  McDossierStep *step = g_new0 (McDossierStep, 1);

  step->unit = g_strdup (unit);
  step->person = g_strdup (person);
  step->note = g_strdup (note);
  step->received = at;
  step->handed = MC_MINUTE_NONE;
  step->outcome = MC_DUE_STATE_NONE;
  step->allowance = planned_minutes (self, self->steps->len);
  /* Past the planned steps (a dossier sent back for more work) the step has the dossier's own deadline. */
  step->due = step->allowance > 0 ? mc_calendar_add_working_minutes (calendar, at, step->allowance) : self->due;
  g_ptr_array_add (self->steps, step);
}

/* Intake: the plan kept in the "received" event's procedure, or the default split of the time limit kept with
 * it; the desk holds the dossier first, in the person of the clerk who received it. */
void
_mc_dossier_steps_begin (McDossier  *self,
                         JsonObject *procedure,
                         McCalendar *calendar)
{
  JsonNode *node = procedure ? json_object_get_member (procedure, "steps") : NULL;
  const char *unit;

  self->plan = mc_procedure_steps_parse (node, NULL);
  if (self->plan == NULL || self->plan->len == 0)
    {
      g_clear_pointer (&self->plan, g_ptr_array_unref);
      self->plan = mc_procedure_steps_default (mc_procedure_steps_total (self->unit, self->duration,
                                                                         (int) day_minutes (calendar)));
    }
  unit = ((McProcedureStep *) g_ptr_array_index (self->plan, 0))->unit;
  start_step (self, unit, self->received_by, NULL, self->received, calendar);
}

McDossierStep *
mc_dossier_current_step (McDossier *self)
{
  McDossierStep *last;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->steps == NULL || self->steps->len == 0)
    return NULL;
  last = g_ptr_array_index (self->steps, self->steps->len - 1);
  return last->handed == MC_MINUTE_NONE ? last : NULL;
}

void
_mc_dossier_steps_close (McDossier  *self,
                         McMinute    at,
                         McCalendar *calendar)
{
  McDossierStep *step = mc_dossier_current_step (self);

  if (step == NULL || at == MC_MINUTE_NONE)
    return;
  step->handed = MAX (at, step->received);
  step->outcome = mc_calendar_settled_due_state (calendar, step->due, step->handed);
}

/* A hand-over that does not fit (no step held, or dated before the current step began) changes nothing. */
gboolean
_mc_dossier_steps_hand_over (McDossier  *self,
                             McEvent    *event,
                             McCalendar *calendar)
{
  McDossierStep *step = mc_dossier_current_step (self);
  McMinute at = mc_event_get_time (event, "at");
  const char *to = mc_event_get_string (event, "to");

  if (step == NULL || at == MC_MINUTE_NONE || at < step->received || to == NULL || *to == '\0')
    return FALSE;
  _mc_dossier_steps_close (self, at, calendar);
  start_step (self, to, mc_event_get_string (event, "person"), mc_event_get_string (event, "note"), at, calendar);
  return TRUE;
}

/* A supplement arrived: the step held carries on with the working time it had left when the dossier paused. */
void
_mc_dossier_steps_resume (McDossier  *self,
                          McMinute    at,
                          McCalendar *calendar)
{
  McDossierStep *step = mc_dossier_current_step (self);
  gint64 left;

  if (step == NULL || self->paused_at == MC_MINUTE_NONE || step->allowance == 0)
    {
      if (step != NULL && step->allowance == 0)
        step->due = self->due;
      return;
    }
  left = MAX (0, mc_calendar_working_minutes_between (calendar, self->paused_at, step->due));
  step->due = mc_calendar_add_working_minutes (calendar, at, left);
}

/**
 * mc_dossier_step_state:
 *
 * A finished step: early, on time or late, as the dossier's own outcome is judged. The step held now: overdue
 * past its deadline, due soon when a quarter of its working time or less is left (at least an hour), on track
 * otherwise; none while the dossier waits for a supplement or once it is closed.
 */
McDueState
mc_dossier_step_state (McDossier     *self,
                       McDossierStep *step,
                       McCalendar    *calendar,
                       McMinute       now)
{
  gint64 left;

  g_return_val_if_fail (self != NULL && step != NULL, MC_DUE_STATE_NONE);

  if (step->handed != MC_MINUTE_NONE)
    return step->outcome;
  if (self->status != MC_STATUS_IN_PROGRESS)
    return MC_DUE_STATE_NONE;
  if (now > step->due)
    return MC_DUE_STATE_OVERDUE;
  if (step->allowance == 0)
    return mc_calendar_open_due_state (calendar, step->due, now);
  left = mc_calendar_working_minutes_between (calendar, now, step->due);
  return left <= MAX (60, step->allowance / 4) ? MC_DUE_STATE_DUE_SOON : MC_DUE_STATE_ON_TRACK;
}



/* {"steps": [{"unit", "person", "received_at", "handed_at", "due", "state", "hours", "note"}]} (docs/cli.md) */
void
mc_dossier_steps_to_json (McDossier   *self,
                          JsonBuilder *builder,
                          McCalendar  *calendar,
                          McMinute     now)
{
  json_builder_begin_object (builder);
  mc_json_add_string (builder, "code", self->code);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; self->steps != NULL && i < self->steps->len; i++)
    {
      McDossierStep *step = g_ptr_array_index (self->steps, i);

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "unit", step->unit);
      mc_json_add_string (builder, "person", step->person);
      mc_json_add_time (builder, "received_at", step->received);
      mc_json_add_time (builder, "handed_at", step->handed);
      mc_json_add_time (builder, "due", step->due);
      mc_json_add_string (builder, "state", mc_due_state_to_string (mc_dossier_step_state (self, step, calendar, now)));
      json_builder_set_member_name (builder, "hours");
      if (step->allowance > 0)
        json_builder_add_double_value (builder, step->allowance / 60.0);
      else
        json_builder_add_null_value (builder);
      mc_json_add_string (builder, "note", step->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The step held now, into the fields the list rows carry: only while a step runs (not while paused, not once
 * the dossier is closed). */
void
_mc_dossier_steps_project (McDossier *self)
{
  McDossierStep *step = mc_dossier_is_open (self) ? mc_dossier_current_step (self) : NULL;

  g_clear_pointer (&self->held_unit, g_free);
  g_clear_pointer (&self->held_person, g_free);
  self->step_due = MC_MINUTE_NONE;
  if (step == NULL)
    return;
  self->held_unit = g_strdup (step->unit);
  self->held_person = g_strdup (step->person);
  if (self->status == MC_STATUS_IN_PROGRESS)
    self->step_due = step->due;
}
