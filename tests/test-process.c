/* test-process.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The process behind the desk: the steps of a procedure, each step's deadline in working time, hand-overs and
 * their refusals, transfers, the alert for a step overdue, and three stations handing a dossier on by sync. */

#include "config.h"

#include "mc-bundle.h"
#include "mc-calendar.h"
#include "mc-dossier.h"
#include "mc-dossier-steps.h"
#include "mc-event.h"
#include "mc-procedure.h"
#include "mc-procedure-steps.h"
#include "mc-stats.h"
#include "mc-store.h"
#include "mc-time.h"
#include "test-util.h"

/* 24 working hours shared among four steps, as a province might approve them. */
#define STEPS_PROCEDURE \
  "{\"code\": \"9.000001\", \"name\": \"Chứng thực hợp đồng thử\", \"sector\": \"Chứng thực\"," \
  " \"unit\": \"working_days\", \"duration\": 3," \
  " \"steps\": [{\"unit\": \"Bộ phận Một cửa\", \"role\": \"desk\", \"hours\": 4}," \
  "             {\"unit\": \"Công chức Tư pháp - Hộ tịch\", \"role\": \"specialist\", \"hours\": 12}," \
  "             {\"unit\": \"Lãnh đạo UBND\", \"role\": \"leader\", \"hours\": 6}," \
  "             {\"unit\": \"Bộ phận Một cửa\", \"role\": \"desk\", \"hours\": 2}]}"

#define SPECIALIST "Công chức Tư pháp - Hộ tịch"
#define LEADER     "Lãnh đạo UBND"
#define DESK       "Bộ phận Một cửa"

static McMinute
t (const char *text)
{
  McMinute minute = MC_MINUTE_NONE;

  g_assert_true (mc_time_parse (text, &minute, NULL));
  return minute;
}

static void
assert_time (McMinute    minute,
             const char *expected)
{
  g_autofree char *text = mc_time_format_iso (minute);

  g_assert_cmpstr (text, ==, expected);
}

static void
set_procedure (McStore    *store,
               const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  g_autoptr(McProcedure) procedure = NULL;

  g_assert_no_error (error);
  procedure = mc_procedure_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_true (mc_store_set_procedure (store, procedure, &error));
  g_assert_no_error (error);
}

static char *
intake (McStore    *store,
        const char *procedure,
        const char *received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  McIntake in = { 0 };

  in.procedure_code = procedure;
  in.applicant_name = "Nguyễn Thị Hoa";
  in.received = t (received);
  dossier = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (dossier->code);
}

static McDossier *
record (McStore    *store,
        const char *code,
        const char *kind,
        JsonNode   *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) owned = payload;
  McDossier *dossier = mc_store_record (store, code, kind, owned, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

static McDossier *
hand_over (McStore    *store,
           const char *code,
           const char *to,
           const char *person,
           const char *at)
{
  return record (store, code, MC_EVENT_HANDED_OVER, payload_new ("to", to, "person", person, "at", at, NULL));
}

static guint
n_events (McStore    *store,
          const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_get_events (store, code, &error);

  g_assert_no_error (error);
  return events->len;
}

/* A step refused: the message says why and nothing is written. */
static void
assert_refused (McStore    *store,
                const char *code,
                const char *kind,
                JsonNode   *payload,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) owned = payload;
  guint before = n_events (store, code);
  g_autoptr(McDossier) dossier = mc_store_record (store, code, kind, owned, NULL, &error);

  g_assert_null (dossier);
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT) ||
                 g_error_matches (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION));
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpuint (n_events (store, code), ==, before);
}

static McDossierStep *
step_at (McDossier *dossier,
         guint      index)
{
  g_assert_cmpuint (index, <, dossier->steps->len);
  return g_ptr_array_index (dossier->steps, index);
}

/* The default split of a time limit (docs/process.md): the desk ≤ 4 h, the leader an eighth, the records clerk
 * and the desk's return a sixteenth each, the specialist the rest; the steps add up to the time limit. */
static void
test_default_split (void)
{
  static const struct { gint64 total; gint64 minutes[5]; } cases[] = {
    { 24 * 60, { 180, 900, 180, 90, 90 } },     /* 3 working days */
    { 80 * 60, { 240, 3360, 600, 300, 300 } },  /* 10 working days: the desk keeps its 4 hours */
    { 4 * 60, { 30, 150, 30, 15, 15 } },        /* a same-day procedure: half of an 8-hour day */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) steps = mc_procedure_steps_default (cases[i].total);
      gint64 sum = 0;

      g_assert_cmpuint (steps->len, ==, 5);
      for (guint j = 0; j < 5; j++)
        {
          McProcedureStep *step = g_ptr_array_index (steps, j);

          g_assert_cmpint (step->minutes, ==, cases[i].minutes[j]);
          sum += step->minutes;
        }
      g_assert_cmpint (sum, ==, cases[i].total);
      g_assert_cmpstr (((McProcedureStep *) g_ptr_array_index (steps, 0))->unit, ==, DESK);
      g_assert_cmpstr (((McProcedureStep *) g_ptr_array_index (steps, 2))->role, ==, "leader");
      g_assert_cmpstr (((McProcedureStep *) g_ptr_array_index (steps, 3))->unit, ==, "Văn thư");
    }
  g_assert_cmpint (mc_procedure_steps_total (MC_UNIT_WORKING_DAYS, 3, 480), ==, 1440);
  g_assert_cmpint (mc_procedure_steps_total (MC_UNIT_WORKING_HOURS, 6, 480), ==, 360);
}

/* A catalogue's steps that no office could mean are refused with the procedure. */
static void
test_catalogue_steps (void)
{
  static const char *bad[] = {
    "[{\"unit\": \"\", \"hours\": 4}]",
    "[{\"unit\": \"Bộ phận Một cửa\", \"hours\": 0}]",
    "[{\"unit\": \"Bộ phận Một cửa\", \"hours\": \"4\"}]",
    "[{\"unit\": \"Bộ phận Một cửa\", \"role\": \"boss\", \"hours\": 4}]",
    "{\"unit\": \"Bộ phận Một cửa\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GPtrArray) steps = mc_procedure_steps_parse (node, &error);

      g_assert_null (steps);
      g_assert_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID);
    }
  {
    g_autoptr(JsonNode) node = json_from_string ("[{\"unit\": \"Văn thư\", \"hours\": 1.5}]", NULL);
    g_autoptr(GPtrArray) steps = mc_procedure_steps_parse (node, NULL);

    g_assert_cmpuint (steps->len, ==, 1);
    g_assert_cmpint (((McProcedureStep *) g_ptr_array_index (steps, 0))->minutes, ==, 90);
    g_assert_cmpstr (((McProcedureStep *) g_ptr_array_index (steps, 0))->role, ==, "other");
  }
}

/* Each step's deadline, computed by hand with office hours 07:30–11:30 and 13:00–17:00: across the lunch break,
 * a weekend and the holidays of 30 April and 1 May 2026. Later edits of the catalogue move nothing. */
static void
test_step_deadlines (TestFolder    *fx,
                     gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "desk.db", 1);
  McCalendar *calendar = mc_store_get_calendar (store);
  g_autofree char *code = NULL;
  g_autofree char *late = NULL;
  g_autoptr(McDossier) d = NULL;
  g_autoptr(McDossier) l = NULL;

  set_procedure (store, STEPS_PROCEDURE);
  /* Friday 4 December 2026, 10:00: the desk's 4 hours are 1 h 30 before lunch and 2 h 30 after it. */
  code = intake (store, "9.000001", "2026-12-04T10:00");
  d = mc_store_get_dossier (store, code, NULL);
  g_assert_cmpuint (d->steps->len, ==, 1);
  g_assert_cmpstr (step_at (d, 0)->unit, ==, DESK);
  assert_time (step_at (d, 0)->due, "2026-12-04T15:30");
  g_assert_cmpint (mc_dossier_step_state (d, step_at (d, 0), calendar, t ("2026-12-04T11:00")), ==,
                   MC_DUE_STATE_ON_TRACK);
  /* A quarter of the step or less left (1 hour): due soon. */
  g_assert_cmpint (mc_dossier_step_state (d, step_at (d, 0), calendar, t ("2026-12-04T14:30")), ==,
                   MC_DUE_STATE_DUE_SOON);
  g_assert_cmpint (mc_dossier_step_state (d, step_at (d, 0), calendar, t ("2026-12-04T15:31")), ==,
                   MC_DUE_STATE_OVERDUE);

  /* The catalogue changes after intake: the running dossier keeps its plan. */
  set_procedure (store, "{\"code\": \"9.000001\", \"name\": \"Chứng thực hợp đồng thử\", \"unit\": \"working_days\","
                        " \"duration\": 3, \"steps\": [{\"unit\": \"Bộ phận Một cửa\", \"hours\": 1},"
                        " {\"unit\": \"Công chức Tư pháp - Hộ tịch\", \"hours\": 1}]}");

  /* Handed on at 16:00, half an hour late; the specialist's 12 hours: 1 h on Friday, the weekend skipped, 8 h on
   * Monday, 3 h on Tuesday. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = hand_over (store, code, SPECIALIST, "Trần Văn Bình", "2026-12-04T16:00");
  g_assert_cmpuint (d->steps->len, ==, 2);
  assert_time (step_at (d, 0)->due, "2026-12-04T15:30");
  assert_time (step_at (d, 0)->handed, "2026-12-04T16:00");
  g_assert_cmpint (step_at (d, 0)->outcome, ==, MC_DUE_STATE_LATE);
  g_assert_cmpstr (step_at (d, 1)->person, ==, "Trần Văn Bình");
  assert_time (step_at (d, 1)->due, "2026-12-08T10:30");
  g_assert_cmpstr (d->held_unit, ==, SPECIALIST);

  /* Tuesday 09:00, a day before the step's deadline day is over: early. The leader's 6 hours: 2 h 30 on Tuesday
   * morning, 3 h 30 after lunch. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = hand_over (store, code, LEADER, NULL, "2026-12-07T09:00");
  g_assert_cmpint (step_at (d, 1)->outcome, ==, MC_DUE_STATE_EARLY);
  assert_time (step_at (d, 2)->due, "2026-12-07T16:30");
  /* Handed back the same day, before the deadline: on time. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = hand_over (store, code, DESK, NULL, "2026-12-07T15:00");
  g_assert_cmpint (step_at (d, 2)->outcome, ==, MC_DUE_STATE_ON_TIME);
  /* Past the plan's steps, a step has the dossier's own deadline. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = hand_over (store, code, SPECIALIST, NULL, "2026-12-07T16:00");
  g_assert_cmpint (step_at (d, 4)->allowance, ==, 0);
  g_assert_cmpint (step_at (d, 4)->due, ==, d->due);
  /* The result ends the step held. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = record (store, code, MC_EVENT_RESULT_READY, payload_new ("at", "2026-12-08T08:00", NULL));
  g_assert_cmpint (step_at (d, 4)->handed, ==, t ("2026-12-08T08:00"));
  g_assert_null (mc_dossier_current_step (d));
  g_assert_null (d->held_unit);

  /* Wednesday 29 April 2026, 15:00, to the leader for 6 hours: 2 h on Wednesday, 30 April and 1 May are
   * holidays, then the weekend, and 4 h on Monday 4 May. A dossier received now takes the catalogue as it now
   * stands. */
  set_procedure (store, STEPS_PROCEDURE);
  late = intake (store, "9.000001", "2026-04-29T08:00");
  l = hand_over (store, late, LEADER, NULL, "2026-04-29T09:00");
  g_clear_pointer (&l, mc_dossier_unref);
  l = hand_over (store, late, LEADER, NULL, "2026-04-29T15:00");
  assert_time (step_at (l, 2)->due, "2026-05-04T11:30");
}

/* Every refusal says why and writes nothing. */
static void
test_refusals (TestFolder    *fx,
               gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "desk.db", 1);
  g_autofree char *code = NULL;
  g_autofree char *closed = NULL;
  g_autoptr(McDossier) d = NULL;

  set_procedure (store, STEPS_PROCEDURE);
  code = intake (store, "9.000001", "2026-12-04T10:00");
  d = hand_over (store, code, SPECIALIST, NULL, "2026-12-04T14:00");

  /* Dated before the step it ends began. */
  assert_refused (store, code, MC_EVENT_HANDED_OVER,
                  payload_new ("to", LEADER, "at", "2026-12-04T13:59", NULL), "cannot be dated before");
  /* Before the dossier was received. */
  assert_refused (store, code, MC_EVENT_HANDED_OVER,
                  payload_new ("to", LEADER, "at", "2026-12-03T09:00", NULL), "before the dossier was received");
  /* To nobody. */
  assert_refused (store, code, MC_EVENT_HANDED_OVER, payload_new ("to", "  ", "at", "2026-12-04T15:00", NULL),
                  "Name the unit");
  assert_refused (store, code, MC_EVENT_HANDED_OVER, payload_new ("at", "2026-12-04T15:00", NULL),
                  "Name the unit");
  /* A transfer needs the body and the reason. */
  assert_refused (store, code, MC_EVENT_TRANSFERRED, payload_new ("to", "UBND xã Tân Phú", NULL), "reason");
  assert_refused (store, code, MC_EVENT_TRANSFERRED, payload_new ("reason", "Không thuộc thẩm quyền", NULL),
                  "competent body");

  /* A closed dossier: returned, then neither handed over nor transferred. */
  closed = intake (store, "9.000001", "2026-12-04T10:30");
  g_clear_pointer (&d, mc_dossier_unref);
  d = record (store, closed, MC_EVENT_RETURNED, payload_new ("receiver", "Nguyễn Thị Hoa",
                                                             "at", "2026-12-04T11:00", NULL));
  assert_refused (store, closed, MC_EVENT_HANDED_OVER, payload_new ("to", LEADER, "at", "2026-12-04T15:00", NULL),
                  "already");
  assert_refused (store, closed, MC_EVENT_TRANSFERRED,
                  payload_new ("to", "UBND xã Tân Phú", "reason", "Không thuộc thẩm quyền", NULL), "already");

  /* A transferred dossier takes no more hand-overs, nor a result. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = record (store, code, MC_EVENT_TRANSFERRED,
              payload_new ("to", "UBND xã Tân Phú", "reason", "Không thuộc thẩm quyền", "at", "2026-12-04T15:00",
                           NULL));
  assert_refused (store, code, MC_EVENT_HANDED_OVER, payload_new ("to", LEADER, "at", "2026-12-04T16:00", NULL),
                  "already");
  assert_refused (store, code, MC_EVENT_RESULT_READY, payload_new ("at", "2026-12-04T16:00", NULL), "in progress");
}

/* A transfer to the competent body closes the office's part: status "transferred", the body and the reason kept,
 * the step held ended, no deadline running, and the dossier out of the alerts. */
static void
test_transfer (TestFolder    *fx,
               gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "desk.db", 1);
  McCalendar *calendar = mc_store_get_calendar (store);
  g_autofree char *code = NULL;
  g_autoptr(McDossier) d = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  McQuery query;

  set_procedure (store, STEPS_PROCEDURE);
  code = intake (store, "9.000001", "2026-12-04T10:00");
  d = record (store, code, MC_EVENT_TRANSFERRED,
              payload_new ("to", "UBND phường Bến Thành", "reason", "Hồ sơ thuộc thẩm quyền nơi cư trú",
                           "at", "2026-12-04T11:00", NULL));
  g_assert_cmpint (d->status, ==, MC_STATUS_TRANSFERRED);
  g_assert_cmpstr (mc_status_to_string (d->status), ==, "transferred");
  g_assert_cmpstr (d->transferred_to, ==, "UBND phường Bến Thành");
  g_assert_cmpstr (d->transfer_reason, ==, "Hồ sơ thuộc thẩm quyền nơi cư trú");
  assert_time (d->transferred_at, "2026-12-04T11:00");
  g_assert_false (mc_dossier_is_open (d));
  g_assert_null (mc_dossier_current_step (d));
  g_assert_cmpint (step_at (d, 0)->handed, ==, t ("2026-12-04T11:00"));
  g_assert_cmpint (mc_dossier_due_state (d, calendar, t ("2026-12-31T08:00")), ==, MC_DUE_STATE_NONE);

  mc_query_init (&query);
  query.now = t ("2026-12-31T08:00");
  query.due_state_mask = 1u << MC_DUE_STATE_OVERDUE;
  query.step_overdue = TRUE;
  alerts = mc_store_query (store, &query, NULL);
  g_assert_cmpuint (alerts->len, ==, 0);
  mc_query_init (&query);
  query.status_mask = 1u << MC_STATUS_TRANSFERRED;
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = mc_store_query (store, &query, NULL);
  g_assert_cmpuint (alerts->len, ==, 1);

  /* The statistics count it apart: neither settled nor in progress, and the balance holds. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *other = intake (store, "9.000001", "2026-12-04T10:30");
    g_autoptr(McStats) stats = mc_stats_compute (store, mc_jdn_from_ymd (2026, 12, 1), mc_jdn_from_ymd (2026, 12, 31),
                                                 t ("2026-12-31T08:00"), NULL, &error);
    const McStatsFigures *f;

    g_assert_no_error (error);
    f = &stats->overall;
    g_assert_cmpuint (f->received, ==, 2);
    g_assert_cmpuint (f->transferred, ==, 1);
    g_assert_cmpuint (f->in_progress, ==, 1);
    g_assert_cmpuint (f->settled, ==, 0);
    g_assert_cmpuint (f->carried_over + f->received, ==,
                      f->settled + f->refused + f->stopped + f->transferred + f->in_progress);
  }
}

/* On track as a whole, but the desk kept it past its 4 hours: an alert naming the unit and the person. */
static void
test_step_overdue_alert (TestFolder    *fx,
                         gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "desk.db", 1);
  McCalendar *calendar = mc_store_get_calendar (store);
  g_autofree char *code = NULL;
  g_autofree char *other = NULL;
  g_autoptr(McDossier) d = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  McDossier *row;
  McQuery query;

  set_procedure (store, STEPS_PROCEDURE);
  code = intake (store, "9.000001", "2026-12-04T10:00");
  other = intake (store, "9.000001", "2026-12-04T10:05");
  d = hand_over (store, other, SPECIALIST, "Trần Văn Bình", "2026-12-04T11:00");

  mc_query_init (&query);
  query.now = t ("2026-12-07T08:00");
  query.due_state_mask = 1u << MC_DUE_STATE_OVERDUE;
  rows = mc_store_query (store, &query, NULL);
  g_assert_cmpuint (rows->len, ==, 0);

  query.step_overdue = TRUE;
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = mc_store_query (store, &query, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->code, ==, code);
  g_assert_cmpint (mc_dossier_due_state (row, calendar, query.now), ==, MC_DUE_STATE_ON_TRACK);
  g_assert_cmpstr (row->held_unit, ==, DESK);
  g_assert_cmpstr (row->held_person, ==, "Lê Thu Hà");
  assert_time (row->step_due, "2026-12-04T15:30");
  g_assert_cmpint (mc_store_count (store, &query, NULL), ==, 1);

  /* The JSON of the alert (overdue --json) names who holds it. */
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;
    JsonObject *held;

    mc_dossier_to_json (row, builder, calendar, query.now, FALSE);
    root = json_builder_get_root (builder);
    held = json_object_get_object_member (json_node_get_object (root), "held_by");
    g_assert_cmpstr (json_object_get_string_member (held, "unit"), ==, DESK);
    g_assert_cmpstr (json_object_get_string_member (held, "person"), ==, "Lê Thu Hà");
    g_assert_true (json_object_get_boolean_member (held, "overdue"));
  }

  /* While the dossier waits for a supplement no step runs; when it comes the step has the time it had left. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = record (store, code, MC_EVENT_SUPPLEMENT_REQUESTED, payload_new ("reason", "Thiếu bản sao",
                                                                       "at", "2026-12-04T14:30", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = mc_store_query (store, &query, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&d, mc_dossier_unref);
  d = record (store, code, MC_EVENT_SUPPLEMENT_COMPLETED, payload_new ("at", "2026-12-07T08:00", NULL));
  assert_time (mc_dossier_current_step (d)->due, "2026-12-07T09:00");
}

static char *
export_bundle (TestFolder *fx,
               McStore    *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);

  g_assert_true (mc_bundle_export (store, path, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
import_bundle (McStore    *store,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McImportPreview) done = NULL;

  g_assert_true (mc_bundle_import (store, path, &done, &error));
  g_assert_no_error (error);
}

/* desk → specialist → leader → desk, each on a workstation of its own, the dossier's events travelling by sync
 * files; every station ends with the same four steps. */
static void
test_three_stations (TestFolder    *fx,
                     gconstpointer  data)
{
  g_autoptr(McStore) desk = test_open_station (fx->dir, "desk.db", 1);
  g_autoptr(McStore) specialist = test_open_station (fx->dir, "specialist.db", 2);
  g_autoptr(McStore) leader = test_open_station (fx->dir, "leader.db", 3);
  g_autofree char *code = NULL;
  g_autofree char *b1 = NULL, *b2 = NULL, *b3 = NULL, *b4 = NULL;
  g_autoptr(McDossier) d = NULL;
  McStore *stations[] = { desk, specialist, leader };

  set_procedure (desk, STEPS_PROCEDURE);
  code = intake (desk, "9.000001", "2026-12-04T10:00");
  d = hand_over (desk, code, SPECIALIST, "Trần Văn Bình", "2026-12-04T14:00");
  b1 = export_bundle (fx, desk, "desk-1.mcsync");
  import_bundle (specialist, b1);

  /* The specialist examines it on their own workstation and hands it to the leader. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = hand_over (specialist, code, LEADER, "Phạm Quốc Dũng", "2026-12-07T16:00");
  b2 = export_bundle (fx, specialist, "specialist-1.mcsync");
  import_bundle (leader, b2);

  /* The leader signs: the result is ready there, and the dossier goes back to the desk. */
  g_clear_pointer (&d, mc_dossier_unref);
  d = hand_over (leader, code, DESK, "Lê Thu Hà", "2026-12-08T09:00");
  g_clear_pointer (&d, mc_dossier_unref);
  d = record (leader, code, MC_EVENT_RESULT_READY, payload_new ("at", "2026-12-08T10:00", NULL));
  b3 = export_bundle (fx, leader, "leader-1.mcsync");
  import_bundle (desk, b3);
  import_bundle (specialist, b3);
  g_clear_pointer (&d, mc_dossier_unref);
  d = record (desk, code, MC_EVENT_RETURNED, payload_new ("receiver", "Nguyễn Thị Hoa", "at", "2026-12-08T14:00",
                                                          NULL));
  b4 = export_bundle (fx, desk, "desk-2.mcsync");
  import_bundle (specialist, b4);
  import_bundle (leader, b4);

  for (guint s = 0; s < G_N_ELEMENTS (stations); s++)
    {
      g_autoptr(McDossier) seen = mc_store_get_dossier (stations[s], code, NULL);
      const char *units[] = { DESK, SPECIALIST, LEADER, DESK };
      const char *handed[] = { "2026-12-04T14:00", "2026-12-07T16:00", "2026-12-08T09:00", "2026-12-08T10:00" };
      const McDueState outcomes[] = { MC_DUE_STATE_ON_TIME, MC_DUE_STATE_EARLY, MC_DUE_STATE_ON_TIME,
                                      MC_DUE_STATE_ON_TIME };

      g_assert_cmpint (seen->status, ==, MC_STATUS_RETURNED);
      g_assert_cmpuint (seen->steps->len, ==, 4);
      for (guint i = 0; i < 4; i++)
        {
          g_assert_cmpstr (step_at (seen, i)->unit, ==, units[i]);
          assert_time (step_at (seen, i)->handed, handed[i]);
          g_assert_cmpint (step_at (seen, i)->outcome, ==, outcomes[i]);
        }
      g_assert_cmpstr (step_at (seen, 2)->person, ==, "Phạm Quốc Dũng");
    }

  /* A hand-over dated before the last one, made on a station that had not seen it, changes nothing where both
   * meet: the first in the total order wins and the later one is kept in the history only. */
  {
    g_autofree char *late = intake (desk, "9.000001", "2026-12-09T08:00");
    g_autofree char *b5 = NULL, *b6 = NULL;
    g_autoptr(McDossier) a = NULL;
    g_autoptr(McDossier) b = NULL;
    g_autoptr(McDossier) on_desk = NULL;
    g_autoptr(McDossier) on_specialist = NULL;

    b5 = export_bundle (fx, desk, "desk-3.mcsync");
    import_bundle (specialist, b5);
    /* The desk records a correction first, so its hand-over comes after the specialist's in the total order
     * (a higher Lamport clock), yet is dated before it. */
    mc_dossier_unref (record (desk, late, MC_EVENT_EDITED,
                              payload_new ("field", "notes", "value", "Gọi trước khi trả", "reason", "Bổ sung ghi chú",
                                           NULL)));
    a = hand_over (desk, late, SPECIALIST, NULL, "2026-12-09T09:00");
    b = hand_over (specialist, late, LEADER, NULL, "2026-12-09T10:00");
    g_assert_cmpint (a->last_lamport, >, b->last_lamport);
    g_free (b5);
    b5 = export_bundle (fx, desk, "desk-4.mcsync");
    b6 = export_bundle (fx, specialist, "specialist-2.mcsync");
    import_bundle (specialist, b5);
    import_bundle (desk, b6);
    on_desk = mc_store_get_dossier (desk, late, NULL);
    on_specialist = mc_store_get_dossier (specialist, late, NULL);
    g_assert_cmpuint (on_desk->steps->len, ==, 2);
    g_assert_cmpuint (on_specialist->steps->len, ==, 2);
    g_assert_cmpstr (step_at (on_desk, 1)->unit, ==, LEADER);
    g_assert_cmpstr (step_at (on_specialist, 1)->unit, ==, LEADER);
    g_assert_cmpstr (on_desk->held_unit, ==, LEADER);
    g_assert_cmpstr (on_specialist->held_unit, ==, LEADER);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/process/default-split", test_default_split);
  g_test_add_func ("/process/catalogue-steps", test_catalogue_steps);
  g_test_add ("/process/step-deadlines", TestFolder, "2026-12-04T09:00", test_folder_set_up, test_step_deadlines,
              test_folder_tear_down);
  g_test_add ("/process/refusals", TestFolder, "2026-12-04T09:00", test_folder_set_up, test_refusals,
              test_folder_tear_down);
  g_test_add ("/process/transfer", TestFolder, "2026-12-04T09:00", test_folder_set_up, test_transfer,
              test_folder_tear_down);
  g_test_add ("/process/step-overdue-alert", TestFolder, "2026-12-04T09:00", test_folder_set_up,
              test_step_overdue_alert, test_folder_tear_down);
  g_test_add ("/process/three-stations", TestFolder, "2026-12-04T09:00", test_folder_set_up, test_three_stations,
              test_folder_tear_down);
  return g_test_run ();
}
