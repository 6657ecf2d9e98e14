/* mc-dossier.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A dossier as the deterministic fold of its events, and the one state machine that says which step fits which
 * state. About 900 lines, on purpose: the machine's table names, for every step, the function of the fold that
 * applies it, so the rule and its effect stay side by side; a dossier's steps and their deadlines (the process
 * behind the desk) and its JSON are in files of their own (mc-dossier-steps.c, mc-json-builder.c). */

#define G_LOG_DOMAIN "mc-dossier"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-calendar.h"
#include "mc-dossier.h"
#include "mc-dossier-steps.h"
#include "mc-event.h"
#include "mc-identity.h"
#include "mc-json-builder.h"
#include "mc-procedure-steps.h"
#include "mc-text.h"
#include "mc-time.h"

G_DEFINE_BOXED_TYPE (McDossier, mc_dossier, mc_dossier_ref, mc_dossier_unref)
G_DEFINE_QUARK (mc-dossier-error-quark, mc_dossier_error)

McDossier *
mc_dossier_new (void)
{
  McDossier *self = g_new0 (McDossier, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->received = self->due = self->paused_at = MC_MINUTE_NONE;
  self->settled = self->returned = self->new_due = MC_MINUTE_NONE;
  self->supplement_at = self->refused_at = self->stopped_at = self->apology_at = MC_MINUTE_NONE;
  self->outcome = MC_DUE_STATE_NONE;
  self->transferred_at = self->step_due = MC_MINUTE_NONE;
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_step_free);
  return self;
}

McDossier *
mc_dossier_ref (McDossier *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mc_dossier_unref (McDossier *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->uuid);
  g_free (self->code);
  g_free (self->official_code);
  g_free (self->lookup_pin);
  g_free (self->procedure_code);
  g_free (self->procedure_name);
  g_free (self->sector);
  g_free (self->book);
  g_free (self->book_entry);
  g_free (self->applicant_name);
  g_free (self->applicant_id);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->gender);
  g_free (self->birth_date);
  g_clear_pointer (&self->proxy, json_node_unref);
  g_clear_pointer (&self->documents, json_node_unref);
  g_free (self->notes);
  g_free (self->result_delivery);
  g_free (self->received_by);
  g_free (self->deciding_body);
  g_free (self->fee);
  g_free (self->fee_exemption);
  g_free (self->supplement_reason);
  g_strfreev (self->supplement_items);
  g_free (self->refusal_reason);
  g_free (self->stop_reason);
  g_free (self->status_reason);
  g_free (self->returned_to);
  g_free (self->apology_reason);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self->transferred_to);
  g_free (self->transfer_reason);
  g_free (self->held_unit);
  g_free (self->held_person);
  g_free (self);
}

/*
 * Auxiliary methods
 */

static char *
dup_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  if (json_node_get_string (node)[0] == '\0')
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The register book's name and the dossier's entry in it (docs/architecture.md, "The register book's numbers").
 * A dossier received before books were recorded was entered in its year's book under its slip number; its code
 * names the station that issued it, so the pair is as unique as the new entries. */
static void
fold_book (McDossier  *self,
           JsonObject *book)
{
  const char *tail = self->code ? strrchr (self->code, '-') : NULL;
  int year, station = 0, number;
  g_autofree char *sector = NULL;

  mc_jdn_to_ymd (mc_minute_jdn (self->received), &year, NULL, NULL);
  if (book != NULL)
    {
      year = (int) json_object_get_int_member_with_default (book, "year", year);
      station = (int) json_object_get_int_member_with_default (book, "station", 0);
      number = (int) json_object_get_int_member_with_default (book, "number", 0);
      sector = dup_member (book, "sector");
    }
  else
    {
      number = self->slip_number;
      if (tail != NULL && g_ascii_isdigit (tail[1]) && g_ascii_isdigit (tail[2]))
        station = (tail[1] - '0') * 10 + (tail[2] - '0');
    }
  self->book = sector ? g_strdup_printf ("%d – %s", year, sector) : g_strdup_printf ("%d", year);
  if (number > 0 && station > 0)
    self->book_entry = g_strdup_printf ("%02d-%04d", station, number);
}

static void
replace_string (char       **field,
                JsonObject  *object,
                const char  *member)
{
  g_free (*field);
  *field = dup_member (object, member);
}

static gboolean
apply_received (McDossier  *self,
                McEvent    *event,
                McCalendar *calendar)
{
  JsonObject *p = json_node_get_object (event->payload);
  JsonObject *procedure = get_object_member (p, "procedure");
  JsonObject *applicant = get_object_member (p, "applicant");
  JsonObject *fee_due;
  JsonNode *node;
  g_autofree char *unit = NULL;
  g_autofree char *channel = NULL;

  self->code = dup_member (p, "code");
  self->on_the_spot = json_object_get_boolean_member_with_default (p, "on_the_spot", FALSE);
  self->procedure_code = dup_member (procedure, "code");
  self->applicant_name = dup_member (applicant, "name");
  self->received = mc_event_get_time (event, "received_at");
  unit = dup_member (procedure, "unit");
  if (self->code == NULL || self->procedure_code == NULL || self->applicant_name == NULL ||
      self->received == MC_MINUTE_NONE || !mc_unit_from_string (unit, &self->unit))
    return FALSE;

  self->uuid = g_strdup (event->dossier_uuid);
  self->lookup_pin = dup_member (p, "lookup_pin");
  self->official_code = dup_member (p, "official_code");
  self->procedure_name = dup_member (procedure, "name");
  self->sector = dup_member (procedure, "sector");
  self->duration = (int) json_object_get_int_member_with_default (procedure, "duration", 0);
  self->cutoff = json_object_get_boolean_member_with_default (procedure, "cutoff", FALSE);
  self->applicant_id = dup_member (applicant, "id_number");
  self->birth_year = (int) json_object_get_int_member_with_default (applicant, "birth_year", 0);
  self->birth_date = dup_member (applicant, "birth_date");
  self->phone = dup_member (applicant, "phone");
  self->email = dup_member (applicant, "email");
  self->address = dup_member (applicant, "address");
  self->gender = dup_member (applicant, "gender");
  /* The 4th digit of a personal ID number says the gender (even: man, odd: woman). */
  if (self->gender == NULL && self->applicant_id != NULL && strlen (self->applicant_id) == 12 &&
      g_ascii_isdigit (self->applicant_id[3]))
    self->gender = g_strdup ((self->applicant_id[3] - '0') % 2 == 0 ? "male" : "female");
  node = json_object_get_member (p, "proxy");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    self->proxy = json_node_copy (node);
  channel = dup_member (p, "channel");
  if (!mc_channel_from_string (channel, &self->channel))
    self->channel = MC_CHANNEL_IN_PERSON;
  node = json_object_get_member (p, "documents");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    self->documents = json_node_copy (node);
  self->sets = (int) json_object_get_int_member_with_default (p, "sets", 1);
  self->notes = dup_member (p, "notes");
  self->result_delivery = dup_member (p, "result_delivery");
  if (self->result_delivery == NULL)
    self->result_delivery = g_strdup ("desk");
  self->received_by = g_strdup (event->clerk);
  self->deciding_body = dup_member (procedure, "deciding_body");
  self->fee = dup_member (procedure, "fee");
  fee_due = get_object_member (p, "fee_due");
  self->fee_due = fee_due ? json_object_get_int_member_with_default (fee_due, "amount", 0) : -1;
  self->fee_exemption = dup_member (fee_due, "exemption");
  self->slip_number = (int) json_object_get_int_member_with_default (p, "slip_number", 0);
  self->control_number = (int) json_object_get_int_member_with_default (p, "control_number", 0);
  fold_book (self, get_object_member (p, "book"));

  self->status = MC_STATUS_IN_PROGRESS;
  self->due = mc_calendar_compute_due (calendar, self->received, self->unit, self->duration, self->cutoff);
  _mc_dossier_steps_begin (self, procedure, calendar);
  return TRUE;
}

/* Corrections keep the history: the event says which field, its new value and why. */
static void
apply_edited (McDossier        *self,
              McEvent          *event,
              McCalendar       *calendar,
              McSupplementMode  mode)
{
  JsonObject *p = json_node_get_object (event->payload);
  const char *field = json_object_get_string_member_with_default (p, "field", "");

  if (strcmp (field, "applicant_name") == 0)
    {
      g_autofree char *value = dup_member (p, "value");
      if (value != NULL)
        {
          g_free (self->applicant_name);
          self->applicant_name = g_steal_pointer (&value);
        }
    }
  else if (strcmp (field, "id_number") == 0)
    replace_string (&self->applicant_id, p, "value");
  else if (strcmp (field, "phone") == 0)
    replace_string (&self->phone, p, "value");
  else if (strcmp (field, "email") == 0)
    replace_string (&self->email, p, "value");
  else if (strcmp (field, "address") == 0)
    replace_string (&self->address, p, "value");
  else if (strcmp (field, "notes") == 0)
    replace_string (&self->notes, p, "value");
  else if (strcmp (field, "official_code") == 0)
    replace_string (&self->official_code, p, "value");
  else if (strcmp (field, "result_delivery") == 0)
    replace_string (&self->result_delivery, p, "value");
  else if (strcmp (field, "birth_year") == 0)
    {
      self->birth_year = (int) json_object_get_int_member_with_default (p, "value", 0);
      /* A corrected year makes the date of another year wrong: only the year is known then. */
      if (self->birth_date != NULL && (self->birth_year <= 0 || (int) g_ascii_strtoll (self->birth_date, NULL, 10) != self->birth_year))
        g_clear_pointer (&self->birth_date, g_free);
    }
}

static void
remove_personal_data (McDossier *self)
{
  g_free (self->applicant_name);
  self->applicant_name = g_strdup (MC_DOSSIER_REMOVED_NAME);
  g_clear_pointer (&self->applicant_id, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->gender, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->returned_to, g_free);
  g_clear_pointer (&self->proxy, json_node_unref);
  self->birth_year = 0;
}

static void
settle (McDossier  *self,
        McCalendar *calendar,
        McMinute    at)
{
  if (self->settled != MC_MINUTE_NONE)
    return;
  self->settled = at;
  self->outcome = mc_calendar_settled_due_state (calendar, self->due, at);
}

/*
 * The steps of a dossier's life after intake
 */

static void
apply_supplement_requested (McDossier        *self,
                            McEvent          *event,
                            McCalendar       *calendar,
                            McSupplementMode  mode)
{
  JsonObject *p = json_node_get_object (event->payload);
  JsonNode *node;

  self->paused_at = mc_event_get_time (event, "at");
  replace_string (&self->status_reason, p, "reason");
  replace_string (&self->supplement_reason, p, "reason");
  g_clear_pointer (&self->supplement_items, g_strfreev);
  node = json_object_get_member (p, "items");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *items = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *item = json_array_get_element (items, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
        }
      self->supplement_items = g_strv_builder_end (builder);
    }
  self->supplement_at = self->paused_at;
  self->supplement_number = (int) json_object_get_int_member_with_default (p, "number", 0);
}

static void
apply_supplement_completed (McDossier        *self,
                            McEvent          *event,
                            McCalendar       *calendar,
                            McSupplementMode  mode)
{
  McMinute at = mc_event_get_time (event, "at");

  if (mode == MC_SUPPLEMENT_RESUME)
    {
      gint64 left = mc_calendar_working_minutes_between (calendar, self->paused_at, self->due);
      self->due = mc_calendar_add_working_minutes (calendar, at, left);
    }
  else
    self->due = mc_calendar_compute_due (calendar, at, self->unit, self->duration, self->cutoff);
  _mc_dossier_steps_resume (self, at, calendar);
  self->paused_at = MC_MINUTE_NONE;
  g_clear_pointer (&self->status_reason, g_free);
}

static void
apply_refused (McDossier        *self,
               McEvent          *event,
               McCalendar       *calendar,
               McSupplementMode  mode)
{
  JsonObject *p = json_node_get_object (event->payload);

  replace_string (&self->status_reason, p, "reason");
  replace_string (&self->refusal_reason, p, "reason");
  self->refused_at = mc_event_get_time (event, "at");
  _mc_dossier_steps_close (self, self->refused_at, calendar);
  self->refusal_number = (int) json_object_get_int_member_with_default (p, "number", 0);
}

static void
apply_stop_requested (McDossier        *self,
                      McEvent          *event,
                      McCalendar       *calendar,
                      McSupplementMode  mode)
{
  JsonObject *p = json_node_get_object (event->payload);

  replace_string (&self->status_reason, p, "reason");
  replace_string (&self->stop_reason, p, "reason");
  self->stopped_at = mc_event_get_time (event, "at");
  _mc_dossier_steps_close (self, self->stopped_at, calendar);
  self->stop_number = (int) json_object_get_int_member_with_default (p, "number", 0);
}

static void
apply_result_ready (McDossier        *self,
                    McEvent          *event,
                    McCalendar       *calendar,
                    McSupplementMode  mode)
{
  McMinute at = mc_event_get_time (event, "at");

  settle (self, calendar, at);
  _mc_dossier_steps_close (self, at, calendar);
}

static void
apply_returned (McDossier        *self,
                McEvent          *event,
                McCalendar       *calendar,
                McSupplementMode  mode)
{
  McMinute at = mc_event_get_time (event, "at");

  self->returned = at;
  replace_string (&self->returned_to, json_node_get_object (event->payload), "receiver");
  settle (self, calendar, at);
  _mc_dossier_steps_close (self, at, calendar);
}

static void
apply_apology_issued (McDossier        *self,
                      McEvent          *event,
                      McCalendar       *calendar,
                      McSupplementMode  mode)
{
  JsonObject *p = json_node_get_object (event->payload);
  McMinute new_due = mc_event_get_time (event, "new_due");

  if (new_due == MC_MINUTE_NONE || mc_event_get_string (event, "new_due") == NULL)
    return;
  self->has_apology = TRUE;
  self->new_due = new_due;
  replace_string (&self->apology_reason, p, "reason");
  self->apology_at = mc_event_get_time (event, "at");
  self->apology_number = (int) json_object_get_int_member_with_default (p, "number", 0);
}

/* Payments and refunds are facts about money that changed hands: they count whatever order they arrive in. */
static void
apply_fee_paid (McDossier        *self,
                McEvent          *event,
                McCalendar       *calendar,
                McSupplementMode  mode)
{
  self->fee_paid += json_object_get_int_member_with_default (json_node_get_object (event->payload), "amount", 0);
}

static void
apply_fee_refunded (McDossier        *self,
                    McEvent          *event,
                    McCalendar       *calendar,
                    McSupplementMode  mode)
{
  self->fee_refunded += json_object_get_int_member_with_default (json_node_get_object (event->payload), "amount",
                                                                 0);
}

/* A hand-over inside the office (the control sheet's rows): only while the dossier is open. */
static void
apply_handed_over (McDossier        *self,
                   McEvent          *event,
                   McCalendar       *calendar,
                   McSupplementMode  mode)
{
  if (mc_dossier_is_open (self))
    _mc_dossier_steps_hand_over (self, event, calendar);
}

/* Sent to the competent body (Nghị định 118/2025, Điều 18): the office's part ends, no deadline runs here. */
static void
apply_transferred (McDossier        *self,
                   McEvent          *event,
                   McCalendar       *calendar,
                   McSupplementMode  mode)
{
  JsonObject *p = json_node_get_object (event->payload);

  self->transferred_at = mc_event_get_time (event, "at");
  replace_string (&self->transferred_to, p, "to");
  replace_string (&self->transfer_reason, p, "reason");
  replace_string (&self->status_reason, p, "reason");
  self->paused_at = MC_MINUTE_NONE;
  _mc_dossier_steps_close (self, self->transferred_at, calendar);
}

#define FROM(status) (1u << (status))
#define ANY_STATE    0u
#define OPEN         (FROM (MC_STATUS_IN_PROGRESS) | FROM (MC_STATUS_PAUSED))
#define KEEPS_STATUS (-1)

typedef enum
{
  RULE_NONE,
  RULE_ONCE,                 /* at most one per dossier: a later one does not count */
  RULE_PERSONAL_DATA,        /* needs the personal data the retention period removes */
  RULE_AFTER_CURRENT_STEP,   /* while a step is held, dated at or after its start (a hand-over) */
} Rule;

typedef enum
{
  REFUSAL_IN_PROGRESS_ONLY,
  REFUSAL_NOT_PAUSED,
  REFUSAL_CLOSED,
  REFUSAL_NO_RESULT,
  REFUSAL_APOLOGY_IN_PROGRESS_ONLY,
  REFUSAL_NOT_RETURNED,
  REFUSAL_NO_PAYMENT,
} Refusal;

typedef struct
{
  const char *kind;
  guint       from;          /* the McStatus bits the step may be recorded in; ANY_STATE for any */
  int         to;            /* the McStatus a transition moves the dossier to; KEEPS_STATUS for the other steps */
  Rule        rule;
  Refusal     refusal;       /* what the clerk is told when the state does not allow the step */
  void      (*apply) (McDossier        *self,
                      McEvent          *event,
                      McCalendar       *calendar,
                      McSupplementMode  mode);   /* NULL: the step is kept in the history only */
} Step;

/* The one state machine of a dossier: for every step after intake, the states it may be recorded in, the state a
 * transition leads to and what the step changes. mc_store_record() refuses a step that does not fit
 * (mc_dossier_check_event()). In the fold, a transition that no longer fits when events recorded on several
 * stations meet in an order none of them saw changes nothing (the first in the total order wins); the other
 * steps are facts about the dossier and count by their own rule (one apology letter, the first). */
static const Step steps[] = {
  { MC_EVENT_EDITED, ANY_STATE, KEEPS_STATUS, RULE_NONE, 0, apply_edited },
  { MC_EVENT_SUPPLEMENT_REQUESTED, FROM (MC_STATUS_IN_PROGRESS), MC_STATUS_PAUSED, RULE_NONE,
    REFUSAL_IN_PROGRESS_ONLY, apply_supplement_requested },
  { MC_EVENT_SUPPLEMENT_COMPLETED, FROM (MC_STATUS_PAUSED), MC_STATUS_IN_PROGRESS, RULE_NONE, REFUSAL_NOT_PAUSED,
    apply_supplement_completed },
  { MC_EVENT_REFUSED, OPEN, MC_STATUS_REFUSED, RULE_NONE, REFUSAL_CLOSED, apply_refused },
  { MC_EVENT_STOP_REQUESTED, OPEN, MC_STATUS_STOPPED, RULE_NONE, REFUSAL_CLOSED, apply_stop_requested },
  { MC_EVENT_HANDED_OVER, OPEN, KEEPS_STATUS, RULE_AFTER_CURRENT_STEP, REFUSAL_CLOSED, apply_handed_over },
  { MC_EVENT_TRANSFERRED, OPEN, MC_STATUS_TRANSFERRED, RULE_NONE, REFUSAL_CLOSED, apply_transferred },
  { MC_EVENT_RESULT_READY, FROM (MC_STATUS_IN_PROGRESS), MC_STATUS_RESULT_READY, RULE_NONE,
    REFUSAL_IN_PROGRESS_ONLY, apply_result_ready },
  { MC_EVENT_RETURNED, FROM (MC_STATUS_IN_PROGRESS) | FROM (MC_STATUS_RESULT_READY), MC_STATUS_RETURNED, RULE_NONE,
    REFUSAL_NO_RESULT, apply_returned },
  { MC_EVENT_APOLOGY_ISSUED, FROM (MC_STATUS_IN_PROGRESS), KEEPS_STATUS, RULE_ONCE,
    REFUSAL_APOLOGY_IN_PROGRESS_ONLY, apply_apology_issued },
  { MC_EVENT_RATING_RECORDED, FROM (MC_STATUS_RESULT_READY) | FROM (MC_STATUS_RETURNED), KEEPS_STATUS, RULE_NONE,
    REFUSAL_NOT_RETURNED, NULL },
  { MC_EVENT_DIGITISED, ANY_STATE, KEEPS_STATUS, RULE_NONE, 0, NULL },
  { MC_EVENT_DECLARATION_FILLED, ANY_STATE, KEEPS_STATUS, RULE_PERSONAL_DATA, 0, NULL },
  /* A fee is paid while the dossier is handled, up to the hand-over of its result; money is given back in any
   * state (a refused or stopped dossier's above all), never more than was paid (mc_store_pay_fee()). */
  { MC_EVENT_FEE_PAID, OPEN | FROM (MC_STATUS_RESULT_READY), KEEPS_STATUS, RULE_NONE, REFUSAL_NO_PAYMENT,
    apply_fee_paid },
  { MC_EVENT_FEE_REFUNDED, ANY_STATE, KEEPS_STATUS, RULE_NONE, 0, apply_fee_refunded },
};

static const Step *
find_step (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (steps); i++)
    if (strcmp (kind, steps[i].kind) == 0)
      return &steps[i];
  return NULL;
}

static gboolean
state_allows (McDossier  *self,
              const Step *step)
{
  return step->from == ANY_STATE || (step->from & FROM (self->status)) != 0;
}

static gboolean
rule_allows (McDossier  *self,
             const Step *step,
             McMinute    at)
{
  McDossierStep *current = mc_dossier_current_step (self);

  if (step->rule == RULE_ONCE)
    return !self->has_apology;
  if (step->rule == RULE_AFTER_CURRENT_STEP)
    return current != NULL && (at == MC_MINUTE_NONE || at >= current->received);
  return step->rule != RULE_PERSONAL_DATA || !self->personal_data_removed;
}

/* What an event changes once it is in the history: a transition only from the states it leads from. */
static void
apply_step (McDossier        *self,
            const Step       *step,
            McEvent          *event,
            McCalendar       *calendar,
            McSupplementMode  mode)
{
  if (step->apply == NULL || !rule_allows (self, step, MC_MINUTE_NONE) ||
      (step->to != KEEPS_STATUS && !state_allows (self, step)))
    return;
  step->apply (self, event, calendar, mode);
  if (step->to != KEEPS_STATUS)
    self->status = step->to;
}

/* Why @step cannot be recorded now, in the clerk's words. */
static void
refuse_step (McDossier   *self,
             const Step  *step,
             McMinute     at,
             GError     **error)
{
  const char *status = mc_status_label (self->status);
  McDossierStep *current = mc_dossier_current_step (self);

  if (step->rule == RULE_ONCE && self->has_apology)
    {
      g_autofree char *promised = mc_time_format_iso (self->new_due);

      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   _("Dossier %s already has an apology letter with a new date (%s). The law allows the "
                     "return date to be moved only once."), self->code, promised);
      return;
    }
  if (step->rule == RULE_PERSONAL_DATA && self->personal_data_removed)
    {
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   _("Dossier %s no longer holds personal data: its declaration cannot be filled"), self->code);
      return;
    }
  if (step->rule == RULE_AFTER_CURRENT_STEP && state_allows (self, step) && current != NULL)
    {
      g_autofree char *since = mc_time_format_iso (current->received);

      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   /* Translators: %s are a dossier code, a unit and a date and time */
                   _("Dossier %s has been with %s since %s: a hand-over cannot be dated before that"), self->code,
                   current->unit, since);
      return;
    }
  switch (step->refusal)
    {
    case REFUSAL_IN_PROGRESS_ONLY:
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   /* Translators: the first %s is a dossier code, the second its status */
                   _("Dossier %s is “%s”: this step applies only while it is in progress"), self->code, status);
      break;
    case REFUSAL_NOT_PAUSED:
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   _("Dossier %s is “%s”: no supplement was requested"), self->code, status);
      break;
    case REFUSAL_CLOSED:
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   _("Dossier %s is already “%s”"), self->code, status);
      break;
    case REFUSAL_NO_RESULT:
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   _("Dossier %s is “%s”: there is no result to return"), self->code, status);
      break;
    case REFUSAL_APOLOGY_IN_PROGRESS_ONLY:
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   _("Dossier %s is “%s”: an apology letter is for a dossier still in progress"), self->code,
                   status);
      break;
    case REFUSAL_NOT_RETURNED:
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   _("Dossier %s is “%s”: the citizen rates the service when the result is returned"), self->code,
                   status);
      break;
    case REFUSAL_NO_PAYMENT:
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW,
                   _("Dossier %s is “%s”: a fee is paid while the dossier is handled, before its result is "
                     "returned"), self->code, status);
      break;
    default:
      g_assert_not_reached ();
    }
}

/*
 * Public API
 */

/**
 * mc_dossier_fold:
 * @events: (element-type McEvent): one dossier's events, in any order
 *
 * The deterministic fold: sorts the events in the total order and applies them. Two stations holding the same
 * events get the same dossier whatever order the events arrived in.
 *
 * Returns: (transfer full) (nullable): the dossier, or %NULL when its "received" event is missing or damaged
 */
McDossier *
mc_dossier_fold (GPtrArray        *events,
                 McCalendar       *calendar,
                 McSupplementMode  mode)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(McDossier) self = NULL;
  McEvent *first;

  g_return_val_if_fail (events != NULL, NULL);

  if (events->len == 0)
    return NULL;
  /* A borrowed view: g_ptr_array_copy() would inherit the free function and unref the events twice. */
  sorted = g_ptr_array_sized_new (events->len);
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (events, i));
  g_ptr_array_sort (sorted, mc_event_compare_indirect);

  first = g_ptr_array_index (sorted, 0);
  if (strcmp (first->kind, MC_EVENT_RECEIVED) != 0)
    return NULL;

  self = mc_dossier_new ();
  if (!apply_received (self, first, calendar))
    return NULL;
  for (guint i = 1; i < sorted->len; i++)
    {
      McEvent *event = g_ptr_array_index (sorted, i);
      const Step *step;

      if (strcmp (event->kind, MC_EVENT_PERSONAL_DATA_REMOVED) == 0)
        self->personal_data_removed = TRUE;
      else if ((step = find_step (event->kind)) != NULL)
        apply_step (self, step, event, calendar, mode);
    }
  _mc_dossier_steps_project (self);
  /* Whatever came before or after it: once the retention period has passed, only the facts remain. */
  if (self->personal_data_removed)
    remove_personal_data (self);

  self->n_events = sorted->len;
  self->last_lamport = ((McEvent *) g_ptr_array_index (sorted, sorted->len - 1))->lamport;
  return g_steal_pointer (&self);
}

/**
 * mc_dossier_check_event:
 * @kind: the kind of a step of the dossier's life after intake (MC_EVENT_RESULT_READY, …)
 *
 * Whether the dossier's state allows the step to be recorded now, by the state machine the fold applies to the
 * history (docs/architecture.md, "The store"). Only the state is checked, not the step's details.
 *
 * Returns: %TRUE when it fits; otherwise %FALSE with @error (%MC_DOSSIER_ERROR) saying why
 */
gboolean
mc_dossier_check_event (McDossier   *self,
                        const char  *kind,
                        GError     **error)
{
  return mc_dossier_check_event_at (self, kind, MC_MINUTE_NONE, error);
}

/**
 * mc_dossier_check_event_at:
 * @at: when the step happened, or %MC_MINUTE_NONE to leave its date out of the question
 *
 * mc_dossier_check_event(), with the rules about a step's date: a hand-over is refused when dated before the
 * step it ends began.
 */
gboolean
mc_dossier_check_event_at (McDossier   *self,
                           const char  *kind,
                           McMinute     at,
                           GError     **error)
{
  const Step *step;

  g_return_val_if_fail (self != NULL, FALSE);

  step = find_step (kind);
  if (step == NULL)
    {
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_UNKNOWN_STEP, _("Unknown action “%s”"),
                   kind ? kind : "");
      return FALSE;
    }
  if (rule_allows (self, step, at) && state_allows (self, step))
    return TRUE;
  refuse_step (self, step, at, error);
  return FALSE;
}

gboolean
mc_dossier_is_open (McDossier *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->status == MC_STATUS_IN_PROGRESS || self->status == MC_STATUS_PAUSED;
}

McDueState
mc_dossier_due_state (McDossier  *self,
                      McCalendar *calendar,
                      McMinute    now)
{
  g_return_val_if_fail (self != NULL, MC_DUE_STATE_NONE);

  if (self->settled != MC_MINUTE_NONE)
    return self->outcome;
  if (self->status != MC_STATUS_IN_PROGRESS)
    return MC_DUE_STATE_NONE;
  return mc_calendar_open_due_state (calendar, self->due, now);
}

/* What the search box matches: folded name, code, official code, identity number and phone. */
char *
mc_dossier_search_key (McDossier *self)
{
  GString *key = g_string_new (NULL);
  g_autofree char *name = mc_text_fold (self->applicant_name ? self->applicant_name : "");

  g_string_append (key, name);
  g_string_append_c (key, ' ');
  g_string_append (key, self->code);
  if (self->official_code)
    g_string_append_printf (key, " %s", self->official_code);
  if (self->applicant_id)
    g_string_append_printf (key, " %s", self->applicant_id);
  if (self->phone)
    g_string_append_printf (key, " %s", self->phone);
  return g_string_free (key, FALSE);
}



/**
 * mc_dossier_to_json:
 * @full_identity: include the unmasked identity number (the dossier page); lists carry only the masked one
 *
 * The dossier as documented in docs/cli.md.
 */
void
mc_dossier_to_json (McDossier   *self,
                    JsonBuilder *builder,
                    McCalendar  *calendar,
                    McMinute     now,
                    gboolean     full_identity)
{
  g_autofree char *masked = mc_id_number_mask (self->applicant_id);

  json_builder_begin_object (builder);
  mc_json_add_string (builder, "code", self->code);
  mc_json_add_string (builder, "uuid", self->uuid);
  mc_json_add_string (builder, "official_code", self->official_code);

  json_builder_set_member_name (builder, "procedure");
  json_builder_begin_object (builder);
  mc_json_add_string (builder, "code", self->procedure_code);
  mc_json_add_string (builder, "name", self->procedure_name);
  mc_json_add_string (builder, "sector", self->sector);
  json_builder_set_member_name (builder, "duration");
  json_builder_add_int_value (builder, self->duration);
  mc_json_add_string (builder, "unit", mc_unit_to_string (self->unit));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "fees");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "due");
  if (self->fee_due >= 0)
    json_builder_add_int_value (builder, self->fee_due);
  else
    json_builder_add_null_value (builder);
  mc_json_add_string (builder, "exemption", self->fee_exemption);
  json_builder_set_member_name (builder, "paid");
  json_builder_add_int_value (builder, self->fee_paid);
  json_builder_set_member_name (builder, "refunded");
  json_builder_add_int_value (builder, self->fee_refunded);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "applicant");
  json_builder_begin_object (builder);
  mc_json_add_string (builder, "name", self->applicant_name);
  if (full_identity)
    {
      mc_json_add_string (builder, "id_number", self->applicant_id);
      mc_json_add_string (builder, "phone", self->phone);
      mc_json_add_string (builder, "email", self->email);
      mc_json_add_string (builder, "address", self->address);
      mc_json_add_string (builder, "gender", self->gender);
      json_builder_set_member_name (builder, "birth_year");
      if (self->birth_year > 0)
        json_builder_add_int_value (builder, self->birth_year);
      else
        json_builder_add_null_value (builder);
      mc_json_add_string (builder, "birth_date", self->birth_date);
    }
  mc_json_add_string (builder, "id_masked", self->applicant_id ? masked : NULL);
  json_builder_end_object (builder);

  if (full_identity)
    {
      json_builder_set_member_name (builder, "proxy");
      if (self->proxy)
        json_builder_add_value (builder, json_node_copy (self->proxy));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "documents");
      if (self->documents)
        json_builder_add_value (builder, json_node_copy (self->documents));
      else
        {
          json_builder_begin_array (builder);
          json_builder_end_array (builder);
        }
      json_builder_set_member_name (builder, "sets");
      json_builder_add_int_value (builder, self->sets);
      mc_json_add_string (builder, "notes", self->notes);
      mc_json_add_string (builder, "lookup_pin", self->lookup_pin);
      mc_json_add_string (builder, "received_by", self->received_by);
    }

  mc_json_add_string (builder, "channel", mc_channel_to_string (self->channel));
  mc_json_add_string (builder, "result_delivery", self->result_delivery);
  mc_json_add_time (builder, "received", self->received);
  mc_json_add_time (builder, "due", self->due);
  mc_json_add_string (builder, "status", mc_status_to_string (self->status));
  mc_json_add_string (builder, "status_reason", self->status_reason);
  mc_json_add_string (builder, "due_state", mc_due_state_to_string (mc_dossier_due_state (self, calendar, now)));
  mc_json_add_time (builder, "settled", self->settled);
  mc_json_add_time (builder, "returned", self->returned);
  mc_json_add_string (builder, "returned_to", self->returned_to);
  mc_json_add_time (builder, "new_due", self->new_due);
  mc_json_add_string (builder, "apology_reason", self->apology_reason);
  json_builder_set_member_name (builder, "held_by");
  if (self->held_unit != NULL)
    {
      json_builder_begin_object (builder);
      mc_json_add_string (builder, "unit", self->held_unit);
      mc_json_add_string (builder, "person", self->held_person);
      mc_json_add_time (builder, "due", self->step_due);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, self->step_due != MC_MINUTE_NONE && now > self->step_due);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  mc_json_add_string (builder, "transferred_to", self->transferred_to);
  json_builder_end_object (builder);
}
