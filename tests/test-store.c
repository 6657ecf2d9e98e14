/* test-store.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "test-util.h"
#include "mc-stats.h"
#include "mc-store.h"
#include "mc-time.h"

#define OFFICE_CODE "000.00.12.H40"
#define OFFICE_NAME "UBND xã Tân Lập"
#define CLERK       "Lê Thu Hà"
#define NOW         "2026-12-10T10:00"

/*
 * Fixture: a fresh temporary folder with a real SQLite file in it
 */

typedef struct
{
  char    *dir;
  char    *path;
  McStore *store;
} Fixture;

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (dir);
}

static McStore *
open_set_up (const char *path,
             int         station)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (path, TRUE, &error);
  McStoreSetup setup = { 0 };

  g_assert_no_error (error);
  g_assert_nonnull (store);
  setup.office_code = OFFICE_CODE;
  setup.office_name = OFFICE_NAME;
  setup.station = station;
  setup.clerk = CLERK;
  g_assert_true (mc_store_setup (store, &setup, &error));
  g_assert_no_error (error);
  g_assert_true (mc_store_is_set_up (store));
  return g_steal_pointer (&store);
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  fixture->dir = g_dir_make_tmp ("motcua-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "motcua.db", NULL);
  fixture->store = NULL;
}

static void
fixture_set_up_store (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_set_up_empty (fixture, data);
  fixture->store = open_set_up (fixture->path, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->path);
  g_free (fixture->dir);
  g_setenv ("MOTCUA_NOW", "", TRUE);
}

/*
 * Helpers
 */

static McMinute
t (const char *text)
{
  g_autoptr(GError) error = NULL;
  McMinute minute = MC_MINUTE_NONE;

  g_assert_true (mc_time_parse (text, &minute, &error));
  g_assert_no_error (error);
  return minute;
}

static void
assert_time (McMinute    minute,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_cmpint (minute, !=, MC_MINUTE_NONE);
  text = mc_time_format_iso (minute);
  g_assert_cmpstr (text, ==, expected);
}

static guint
count_events (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_list_events (store, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events != NULL ? events->len : G_MAXUINT;
}

static void
intake_init (McIntake   *intake,
             const char *procedure,
             const char *name,
             const char *received)
{
  memset (intake, 0, sizeof *intake);
  intake->procedure_code = procedure;
  intake->applicant_name = name;
  intake->received = received ? t (received) : MC_MINUTE_NONE;
}

static McDossier *
intake_simple (McStore    *store,
               const char *procedure,
               const char *name,
               const char *received)
{
  g_autoptr(GError) error = NULL;
  McIntake intake;
  McDossier *dossier;

  intake_init (&intake, procedure, name, received);
  dossier = mc_store_intake (store, &intake, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

static McDossier *
record_ok (McStore    *store,
           const char *code,
           const char *kind,
           JsonNode   *payload)
{
  g_autoptr(GError) error = NULL;
  McDossier *dossier = mc_store_record (store, code, kind, payload, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

static void
record_fails (McStore    *store,
              const char *code,
              const char *kind,
              JsonNode   *payload,
              int         expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  guint before = count_events (store);

  dossier = mc_store_record (store, code, kind, payload, NULL, &error);
  g_assert_null (dossier);
  if (expected_code >= 0)
    g_assert_error (error, MC_STORE_ERROR, expected_code);
  else
    g_assert_nonnull (error);
  g_assert_cmpuint (count_events (store), ==, before);
}

static gchar *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return contents;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/*
 * Setup
 */

static void
test_setup (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) procedures = NULL;
  g_autoptr(McStore) reopened = NULL;
  const McOffice *office;
  McStoreSetup again = { 0 };
  gboolean found = FALSE;
  GStatBuf st;

  fixture->store = open_set_up (fixture->path, 1);

  office = mc_store_get_office (fixture->store);
  g_assert_cmpstr (office->code, ==, OFFICE_CODE);
  g_assert_cmpstr (office->name, ==, OFFICE_NAME);
  g_assert_cmpint (office->station, ==, 1);
  g_assert_cmpstr (office->clerk, ==, CLERK);
  g_assert_nonnull (office->station_id);

  procedures = mc_store_list_procedures (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (procedures);
  g_assert_cmpuint (procedures->len, >=, 33);
  for (guint i = 0; i < procedures->len; i++)
    if (g_strcmp0 (((McProcedure *) g_ptr_array_index (procedures, i))->code, "1.001193") == 0)
      found = TRUE;
  g_assert_true (found);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  again.office_code = OFFICE_CODE;
  again.office_name = OFFICE_NAME;
  again.station = 2;
  again.clerk = CLERK;
  g_assert_false (mc_store_setup (fixture->store, &again, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_ALREADY_SET_UP);
  g_clear_error (&error);
  g_assert_cmpint (mc_store_get_office (fixture->store)->station, ==, 1);

  /* Setup survives closing and opening the file again. */
  g_clear_object (&fixture->store);
  reopened = mc_store_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (mc_store_is_set_up (reopened));
  g_assert_cmpint (mc_store_get_office (reopened)->station, ==, 1);
  g_assert_cmpstr (mc_store_get_office (reopened)->code, ==, OFFICE_CODE);
}

static void
test_setup_invalid (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *code; int station; } cases[] = {
    { OFFICE_CODE, 0 },
    { OFFICE_CODE, 100 },
    { OFFICE_CODE, -1 },
    { "000.00 12.H40", 1 },
    { " 000.00.12.H40", 1 },
    { "", 1 },
  };
  g_autoptr(GError) error = NULL;
  McStoreSetup setup = { 0 };

  fixture->store = mc_store_open (fixture->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (mc_store_is_set_up (fixture->store));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      setup.office_code = cases[i].code;
      setup.office_name = OFFICE_NAME;
      setup.station = cases[i].station;
      setup.clerk = CLERK;
      g_test_message ("setup with code “%s”, station %d", cases[i].code, cases[i].station);
      g_assert_false (mc_store_setup (fixture->store, &setup, &error));
      g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
      g_clear_error (&error);
      g_assert_false (mc_store_is_set_up (fixture->store));
      g_assert_cmpuint (count_events (fixture->store), ==, 0);
    }

  /* A failed setup leaves nothing behind: a correct one still works, and intake needs it. */
  {
    McIntake intake;
    g_autoptr(McDossier) dossier = NULL;

    intake_init (&intake, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
    dossier = mc_store_intake (fixture->store, &intake, NULL, &error);
    g_assert_null (dossier);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_SET_UP);
    g_clear_error (&error);
  }
  setup.office_code = OFFICE_CODE;
  setup.station = 1;
  g_assert_true (mc_store_setup (fixture->store, &setup, &error));
  g_assert_no_error (error);
  g_assert_true (mc_store_is_set_up (fixture->store));
}

/*
 * Intake round trip
 */

static void
assert_same_dossier (McDossier *a,
                     McDossier *b)
{
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->code, ==, b->code);
  g_assert_cmpstr (a->procedure_code, ==, b->procedure_code);
  g_assert_cmpstr (a->procedure_name, ==, b->procedure_name);
  g_assert_cmpstr (a->applicant_name, ==, b->applicant_name);
  g_assert_cmpstr (a->applicant_id, ==, b->applicant_id);
  g_assert_cmpint (a->birth_year, ==, b->birth_year);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->address, ==, b->address);
  g_assert_cmpstr (a->lookup_pin, ==, b->lookup_pin);
  g_assert_cmpstr (a->received_by, ==, b->received_by);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpint (a->received, ==, b->received);
  g_assert_cmpint (a->due, ==, b->due);
  g_assert_cmpint (a->unit, ==, b->unit);
  g_assert_cmpint (a->duration, ==, b->duration);
}

static void
test_intake_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) first = NULL;
  g_autoptr(McDossier) by_code = NULL;
  g_autoptr(McDossier) by_uuid = NULL;
  g_autoptr(McDossier) second = NULL;
  g_autoptr(McDossier) next_day = NULL;
  g_autoptr(McDossier) third = NULL;
  g_autofree char *warning = NULL;
  McIntake intake;

  intake_init (&intake, "1.004873", "  đặng  đức anh ", "2026-11-23T09:10");
  intake.id_number = "001090012345";
  intake.birth_year = 1990;
  intake.phone = "+84 912 345 678";
  intake.address = "Thôn Đông, xã Tân Lập";
  first = mc_store_intake (fixture->store, &intake, &warning, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  g_assert_cmpstr (first->code, ==, "000.00.12.H40-261123-010001");
  g_assert_cmpstr (first->applicant_name, ==, "Đặng Đức Anh");
  g_assert_cmpstr (first->applicant_id, ==, "001090012345");
  g_assert_cmpint (first->birth_year, ==, 1990);
  g_assert_cmpstr (first->phone, ==, "0912345678");
  g_assert_cmpstr (first->address, ==, "Thôn Đông, xã Tân Lập");
  g_assert_cmpstr (first->procedure_code, ==, "1.004873");
  g_assert_cmpint (first->unit, ==, MC_UNIT_WORKING_DAYS);
  g_assert_cmpint (first->duration, ==, 3);
  g_assert_cmpint (first->status, ==, MC_STATUS_IN_PROGRESS);
  g_assert_cmpstr (first->received_by, ==, CLERK);
  g_assert_cmpstr (first->result_delivery, ==, "desk");
  g_assert_nonnull (first->uuid);
  g_assert_true (g_uuid_string_is_valid (first->uuid));
  g_assert_nonnull (first->lookup_pin);
  g_assert_cmpuint (strlen (first->lookup_pin), ==, 6);
  assert_time (first->received, "2026-11-23T09:10");
  assert_time (first->due, "2026-11-26T17:00");
  g_assert_cmpint (first->n_events, ==, 1);

  /* Close the file and open it again: everything was on disk. */
  g_clear_object (&fixture->store);
  fixture->store = mc_store_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (mc_store_is_set_up (fixture->store));

  by_code = mc_store_get_dossier (fixture->store, "000.00.12.H40-261123-010001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_code);
  assert_same_dossier (first, by_code);
  by_uuid = mc_store_get_dossier (fixture->store, first->uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_uuid);
  assert_same_dossier (first, by_uuid);
  assert_time (by_uuid->due, "2026-11-26T17:00");

  /* The day's sequence goes on after reopening, and restarts on another day. */
  second = intake_simple (fixture->store, "1.001193", "Trần Thị Bình", "2026-11-23T10:00");
  g_assert_cmpstr (second->code, ==, "000.00.12.H40-261123-010002");
  next_day = intake_simple (fixture->store, "1.004873", "Lý Văn Cường", "2026-11-24T08:00");
  g_assert_cmpstr (next_day->code, ==, "000.00.12.H40-261124-010001");
  third = intake_simple (fixture->store, "1.004873", "Phan Thị Dung", "2026-11-23T16:30");
  g_assert_cmpstr (third->code, ==, "000.00.12.H40-261123-010003");

  /* An unknown code or uuid is not found. */
  g_assert_null (mc_store_get_dossier (fixture->store, "000.00.12.H40-261123-019999", &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_DOSSIER);
  g_clear_error (&error);
}

static void
test_intake_station_number (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "station42.db", NULL);

  store = open_set_up (path, 42);
  dossier = intake_simple (store, "1.001193", "Nguyễn Văn An", "2026-11-23T09:10");
  g_assert_cmpstr (dossier->code, ==, "000.00.12.H40-261123-420001");
}

/*
 * Validation
 */

static void
test_intake_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) ok1 = NULL;
  g_autoptr(McDossier) ok2 = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  guint before;
  struct
  {
    const char *label;
    const char *procedure;
    const char *name;
    const char *id;
    int         birth_year;
    const char *phone;
    int         code;
  } cases[] = {
    { "unknown procedure", "9.999999", "Nguyễn Văn An", NULL, 0, NULL, MC_STORE_ERROR_UNKNOWN_PROCEDURE },
    { "no procedure", NULL, "Nguyễn Văn An", NULL, 0, NULL, MC_STORE_ERROR_UNKNOWN_PROCEDURE },
    { "short id", "1.004873", "Nguyễn Văn An", "12345", 0, NULL, MC_STORE_ERROR_INVALID_INPUT },
    { "id and birth year disagree", "1.004873", "Nguyễn Văn An", "001090012345", 1991, NULL,
      MC_STORE_ERROR_INVALID_INPUT },
    { "bad phone", "1.004873", "Nguyễn Văn An", NULL, 0, "0123", MC_STORE_ERROR_INVALID_INPUT },
    { "empty name", "1.004873", "", NULL, 0, NULL, MC_STORE_ERROR_INVALID_INPUT },
    { "blank name", "1.004873", "   ", NULL, 0, NULL, MC_STORE_ERROR_INVALID_INPUT },
    { "long name", "1.004873", NULL, NULL, 0, NULL, MC_STORE_ERROR_INVALID_INPUT },
    { "control character", "1.004873", "Nguyễn\x07 Văn An", NULL, 0, NULL, MC_STORE_ERROR_INVALID_INPUT },
    { "escape character", "1.004873", "Nguyễn \x1b[31mVăn", NULL, 0, NULL, MC_STORE_ERROR_INVALID_INPUT },
    { "line break", "1.004873", "Nguyễn\nVăn An", NULL, 0, NULL, MC_STORE_ERROR_INVALID_INPUT },
    { "invalid UTF-8", "1.004873", "Nguy\xff\xfe Văn", NULL, 0, NULL, MC_STORE_ERROR_INVALID_INPUT },
    { "birth year out of range", "1.004873", "Nguyễn Văn An", NULL, 1800, NULL, MC_STORE_ERROR_INVALID_INPUT },
  };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (long_name, 'a');
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cases[i].name == NULL)
      cases[i].name = long_name->str;

  /* One dossier first, so that the day's sequence has something to advance from. */
  ok1 = intake_simple (fixture->store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:00");
  g_assert_cmpstr (ok1->code, ==, "000.00.12.H40-261123-010001");
  before = count_events (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(McDossier) dossier = NULL;
      McIntake intake;

      g_test_message ("refused intake: %s", cases[i].label);
      intake_init (&intake, cases[i].procedure, cases[i].name, "2026-11-23T09:30");
      intake.id_number = cases[i].id;
      intake.birth_year = cases[i].birth_year;
      intake.phone = cases[i].phone;
      dossier = mc_store_intake (fixture->store, &intake, NULL, &error);
      g_assert_null (dossier);
      g_assert_error (error, MC_STORE_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
      g_assert_cmpuint (count_events (fixture->store), ==, before);
    }

  /* The sequence did not advance: the next valid intake gets the next number. */
  ok2 = intake_simple (fixture->store, "1.004873", "Trần Thị Bình", "2026-11-23T10:00");
  g_assert_cmpstr (ok2->code, ==, "000.00.12.H40-261123-010002");
  g_assert_cmpuint (count_events (fixture->store), ==, before + 1);
}

static void
test_intake_validation_first (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) refused = NULL;
  g_autoptr(McDossier) ok = NULL;
  guint before = count_events (fixture->store);
  McIntake intake;

  /* A refusal on a day with no dossier yet: the first valid one still gets 0001. */
  intake_init (&intake, "1.004873", "Nguyễn Văn An", "2026-11-25T09:00");
  intake.phone = "0123";
  refused = mc_store_intake (fixture->store, &intake, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
  g_assert_cmpuint (count_events (fixture->store), ==, before);

  ok = intake_simple (fixture->store, "1.004873", "Nguyễn Văn An", "2026-11-25T09:05");
  g_assert_cmpstr (ok->code, ==, "000.00.12.H40-261125-010001");
}

/*
 * Lifecycle
 */

static void
test_lifecycle_supplement (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(McDossier) d = NULL;
  g_autoptr(McDossier) paused = NULL;
  g_autoptr(McDossier) resumed = NULL;
  g_autoptr(McDossier) ready = NULL;
  g_autoptr(McDossier) returned = NULL;
  g_autoptr(JsonNode) no_reason = NULL;
  g_autoptr(JsonNode) empty_reason = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) complete = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) give = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) complete_again = NULL;
  McCalendar *calendar = mc_store_get_calendar (fixture->store);

  d = intake_simple (fixture->store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
  assert_time (d->due, "2026-11-26T17:00");
  g_assert_cmpint (mc_dossier_due_state (d, calendar, t ("2026-11-23T10:00")), ==, MC_DUE_STATE_ON_TRACK);

  /* A supplement request needs its reason. */
  no_reason = payload_new ("at", "2026-11-24T10:00", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_SUPPLEMENT_REQUESTED, no_reason, MC_STORE_ERROR_INVALID_INPUT);
  empty_reason = payload_new ("reason", "", "at", "2026-11-24T10:00", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_SUPPLEMENT_REQUESTED, empty_reason, MC_STORE_ERROR_INVALID_INPUT);

  /* Completing a supplement nobody asked for is refused. */
  complete_again = payload_new ("at", "2026-11-24T09:00", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_SUPPLEMENT_COMPLETED, complete_again, MC_STORE_ERROR_INVALID_ACTION);

  request = payload_new ("reason", "Thiếu bản sao giấy khai sinh", "at", "2026-11-24T10:00", NULL);
  paused = record_ok (fixture->store, d->code, MC_EVENT_SUPPLEMENT_REQUESTED, request);
  g_assert_cmpint (paused->status, ==, MC_STATUS_PAUSED);
  g_assert_cmpstr (paused->status_reason, ==, "Thiếu bản sao giấy khai sinh");
  assert_time (paused->paused_at, "2026-11-24T10:00");
  g_assert_cmpint (mc_dossier_due_state (paused, calendar, t ("2026-11-30T10:00")), ==, MC_DUE_STATE_NONE);
  g_assert_cmpint (paused->n_events, ==, 2);

  /* A paused dossier cannot have its result ready. */
  result = payload_new ("at", "2026-11-25T10:00", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_RESULT_READY, result, MC_STORE_ERROR_INVALID_ACTION);

  /* Completed Wednesday 14:00: the full three working days again (restart mode). */
  complete = payload_new ("at", "2026-11-25T14:00", NULL);
  resumed = record_ok (fixture->store, d->code, MC_EVENT_SUPPLEMENT_COMPLETED, complete);
  g_assert_cmpint (resumed->status, ==, MC_STATUS_IN_PROGRESS);
  g_assert_null (resumed->status_reason);
  g_assert_cmpint (resumed->paused_at, ==, MC_MINUTE_NONE);
  g_assert_cmpint (resumed->due, ==,
                   mc_calendar_compute_due (calendar, t ("2026-11-25T14:00"), MC_UNIT_WORKING_DAYS, 3, FALSE));
  assert_time (resumed->due, "2026-11-30T17:00");
  g_assert_cmpint (mc_dossier_due_state (resumed, calendar, t ("2026-11-25T15:00")), ==, MC_DUE_STATE_ON_TRACK);

  /* Result ready on the new due day: on time. */
  g_clear_pointer (&result, json_node_unref);
  result = payload_new ("at", "2026-11-30T16:00", NULL);
  ready = record_ok (fixture->store, d->code, MC_EVENT_RESULT_READY, result);
  g_assert_cmpint (ready->status, ==, MC_STATUS_RESULT_READY);
  assert_time (ready->settled, "2026-11-30T16:00");
  g_assert_cmpint (ready->outcome, ==, MC_DUE_STATE_ON_TIME);
  g_assert_cmpint (mc_dossier_due_state (ready, calendar, t ("2026-12-20T10:00")), ==, MC_DUE_STATE_ON_TIME);

  give = payload_new ("at", "2026-12-01T09:00", "receiver", "Nguyễn Văn An", NULL);
  returned = record_ok (fixture->store, d->code, MC_EVENT_RETURNED, give);
  g_assert_cmpint (returned->status, ==, MC_STATUS_RETURNED);
  assert_time (returned->returned, "2026-12-01T09:00");
  g_assert_cmpstr (returned->returned_to, ==, "Nguyễn Văn An");
  /* Settled when the result was ready, not when it was returned. */
  assert_time (returned->settled, "2026-11-30T16:00");
  g_assert_cmpint (returned->outcome, ==, MC_DUE_STATE_ON_TIME);

  /* A returned dossier takes no more steps. */
  again = payload_new ("at", "2026-12-01T10:00", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_RESULT_READY, again, MC_STORE_ERROR_INVALID_ACTION);
  record_fails (fixture->store, d->code, MC_EVENT_RETURNED, again, MC_STORE_ERROR_INVALID_ACTION);
  json_node_unref (request);
  request = payload_new ("reason", "Thiếu giấy tờ", "at", "2026-12-01T10:00", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_SUPPLEMENT_REQUESTED, request, MC_STORE_ERROR_INVALID_ACTION);
  record_fails (fixture->store, d->code, MC_EVENT_REFUSED, request, MC_STORE_ERROR_INVALID_ACTION);
  record_fails (fixture->store, d->code, MC_EVENT_STOP_REQUESTED, request, MC_STORE_ERROR_INVALID_ACTION);
}

static void
test_lifecycle_outcomes (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    const char *at;
    McDueState  outcome;
  } cases[] = {
    { "2026-11-25T10:00", MC_DUE_STATE_EARLY },    /* the day before the due day */
    { "2026-11-26T08:00", MC_DUE_STATE_ON_TIME },  /* the due day, early morning */
    { "2026-11-26T17:00", MC_DUE_STATE_ON_TIME },  /* exactly at the due time */
    { "2026-11-26T17:01", MC_DUE_STATE_LATE },     /* a minute after */
    { "2026-11-27T09:00", MC_DUE_STATE_LATE },     /* the next day */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(McDossier) d = NULL;
      g_autoptr(McDossier) ready = NULL;
      g_autoptr(McDossier) returned = NULL;
      g_autoptr(McDossier) reread = NULL;
      g_autoptr(JsonNode) result = payload_new ("at", cases[i].at, NULL);
      g_autoptr(JsonNode) give = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      McQuery query;

      d = intake_simple (fixture->store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
      assert_time (d->due, "2026-11-26T17:00");
      ready = record_ok (fixture->store, d->code, MC_EVENT_RESULT_READY, result);
      g_assert_cmpint (ready->status, ==, MC_STATUS_RESULT_READY);
      g_assert_cmpint (ready->settled, ==, t (cases[i].at));
      g_assert_cmpint (ready->outcome, ==, cases[i].outcome);

      /* Returning later does not change the outcome. */
      give = payload_new ("at", "2026-12-05T09:00", "receiver", "Nguyễn Văn An", NULL);
      returned = record_ok (fixture->store, d->code, MC_EVENT_RETURNED, give);
      g_assert_cmpint (returned->outcome, ==, cases[i].outcome);

      /* The projection row (what lists and statistics read) agrees. */
      mc_query_init (&query);
      query.text = d->code;
      rows = mc_store_query (fixture->store, &query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      reread = mc_dossier_ref (g_ptr_array_index (rows, 0));
      g_assert_cmpstr (reread->uuid, ==, d->uuid);
      g_assert_cmpint (reread->status, ==, MC_STATUS_RETURNED);
      g_assert_cmpint (reread->outcome, ==, cases[i].outcome);
      g_assert_cmpint (reread->settled, ==, t (cases[i].at));
    }
}

static void
test_lifecycle_returned_without_result (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(McDossier) d = NULL;
  g_autoptr(McDossier) returned = NULL;
  g_autoptr(JsonNode) give = payload_new ("at", "2026-11-27T09:00", "receiver", "Bà Hoa", NULL);

  /* Lacking a "result ready" event, the return settles the dossier. */
  d = intake_simple (fixture->store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
  returned = record_ok (fixture->store, d->code, MC_EVENT_RETURNED, give);
  g_assert_cmpint (returned->status, ==, MC_STATUS_RETURNED);
  assert_time (returned->settled, "2026-11-27T09:00");
  g_assert_cmpint (returned->outcome, ==, MC_DUE_STATE_LATE);
  g_assert_cmpstr (returned->returned_to, ==, "Bà Hoa");
}

static void
test_lifecycle_refuse_stop (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(McDossier) a = NULL;
  g_autoptr(McDossier) b = NULL;
  g_autoptr(McDossier) c = NULL;
  g_autoptr(McDossier) refused = NULL;
  g_autoptr(McDossier) stopped = NULL;
  g_autoptr(McDossier) reread = NULL;
  g_autoptr(JsonNode) no_reason = payload_new ("at", "2026-11-24T10:00", NULL);
  g_autoptr(JsonNode) refuse = payload_new ("reason", "Không thuộc thẩm quyền", "at", "2026-11-24T10:00", NULL);
  g_autoptr(JsonNode) stop = payload_new ("reason", "Người dân xin rút hồ sơ", "at", "2026-11-24T11:00", NULL);
  g_autoptr(JsonNode) early = payload_new ("reason", "Sai", "at", "2026-11-23T09:09", NULL);
  g_autoptr(JsonNode) early_result = payload_new ("at", "2026-11-20T09:00", NULL);
  g_autoptr(JsonNode) bad_time = payload_new ("at", "not a time", NULL);
  g_autoptr(JsonNode) result = payload_new ("at", "2026-11-25T09:00", NULL);
  g_autoptr(GError) error = NULL;
  McCalendar *calendar = mc_store_get_calendar (fixture->store);

  a = intake_simple (fixture->store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
  b = intake_simple (fixture->store, "1.004873", "Trần Thị Bình", "2026-11-23T09:20");
  c = intake_simple (fixture->store, "1.004873", "Lý Văn Cường", "2026-11-23T09:30");

  record_fails (fixture->store, a->code, MC_EVENT_REFUSED, no_reason, MC_STORE_ERROR_INVALID_INPUT);
  record_fails (fixture->store, b->code, MC_EVENT_STOP_REQUESTED, no_reason, MC_STORE_ERROR_INVALID_INPUT);

  refused = record_ok (fixture->store, a->code, MC_EVENT_REFUSED, refuse);
  g_assert_cmpint (refused->status, ==, MC_STATUS_REFUSED);
  g_assert_cmpstr (refused->status_reason, ==, "Không thuộc thẩm quyền");
  g_assert_cmpint (mc_dossier_due_state (refused, calendar, t ("2026-12-10T10:00")), ==, MC_DUE_STATE_NONE);
  g_assert_cmpint (refused->settled, ==, MC_MINUTE_NONE);
  record_fails (fixture->store, a->code, MC_EVENT_RESULT_READY, result, MC_STORE_ERROR_INVALID_ACTION);
  record_fails (fixture->store, a->code, MC_EVENT_STOP_REQUESTED, stop, MC_STORE_ERROR_INVALID_ACTION);

  stopped = record_ok (fixture->store, b->code, MC_EVENT_STOP_REQUESTED, stop);
  g_assert_cmpint (stopped->status, ==, MC_STATUS_STOPPED);
  g_assert_cmpstr (stopped->status_reason, ==, "Người dân xin rút hồ sơ");
  g_assert_cmpint (mc_dossier_due_state (stopped, calendar, t ("2026-12-10T10:00")), ==, MC_DUE_STATE_NONE);
  record_fails (fixture->store, b->code, MC_EVENT_REFUSED, refuse, MC_STORE_ERROR_INVALID_ACTION);

  /* A step dated before the receipt is refused, whatever the step; so is a time that is not one. */
  record_fails (fixture->store, c->code, MC_EVENT_REFUSED, early, MC_STORE_ERROR_INVALID_INPUT);
  record_fails (fixture->store, c->code, MC_EVENT_RESULT_READY, early_result, MC_STORE_ERROR_INVALID_INPUT);
  record_fails (fixture->store, c->code, MC_EVENT_RESULT_READY, bad_time, -1);
  /* An unknown action, or an unknown dossier. */
  record_fails (fixture->store, c->code, "teleported", result, MC_STORE_ERROR_INVALID_ACTION);
  record_fails (fixture->store, "000.00.12.H40-991231-019999", MC_EVENT_RESULT_READY, result,
                MC_STORE_ERROR_UNKNOWN_DOSSIER);

  reread = mc_store_get_dossier (fixture->store, c->code, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reread->status, ==, MC_STATUS_IN_PROGRESS);
  g_assert_cmpuint (reread->n_events, ==, 1);
}

/*
 * Apology
 */

static void
test_apology (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(McDossier) d = NULL;
  g_autoptr(McDossier) other = NULL;
  g_autoptr(McDossier) apologised = NULL;
  g_autoptr(McDossier) ready = NULL;
  g_autoptr(McDossier) reread = NULL;
  g_autoptr(JsonNode) apology = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) before_due = NULL;
  g_autoptr(JsonNode) at_due = NULL;
  g_autoptr(JsonNode) no_reason = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  McCalendar *calendar = mc_store_get_calendar (fixture->store);
  guint before;

  d = intake_simple (fixture->store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
  other = intake_simple (fixture->store, "1.004873", "Trần Thị Bình", "2026-11-23T09:20");
  assert_time (d->due, "2026-11-26T17:00");

  /* The new date must be after the original due date, and a reason is required. */
  before_due = payload_new ("reason", "Chờ xác minh", "new_due", "2026-11-25T17:00", "at", "2026-11-25T09:00",
                            NULL);
  record_fails (fixture->store, other->code, MC_EVENT_APOLOGY_ISSUED, before_due, MC_STORE_ERROR_INVALID_INPUT);
  at_due = payload_new ("reason", "Chờ xác minh", "new_due", "2026-11-26T17:00", "at", "2026-11-25T09:00", NULL);
  record_fails (fixture->store, other->code, MC_EVENT_APOLOGY_ISSUED, at_due, MC_STORE_ERROR_INVALID_INPUT);
  no_reason = payload_new ("new_due", "2026-12-03T17:00", "at", "2026-11-25T09:00", NULL);
  record_fails (fixture->store, other->code, MC_EVENT_APOLOGY_ISSUED, no_reason, MC_STORE_ERROR_INVALID_INPUT);

  apology = payload_new ("reason", "Chờ xác minh của cơ quan khác", "new_due", "2026-12-03T17:00",
                         "at", "2026-11-26T10:00", NULL);
  apologised = record_ok (fixture->store, d->code, MC_EVENT_APOLOGY_ISSUED, apology);
  g_assert_true (apologised->has_apology);
  assert_time (apologised->new_due, "2026-12-03T17:00");
  g_assert_cmpstr (apologised->apology_reason, ==, "Chờ xác minh của cơ quan khác");
  /* The legal due date does not move. */
  assert_time (apologised->due, "2026-11-26T17:00");
  g_assert_cmpint (apologised->status, ==, MC_STATUS_IN_PROGRESS);

  /* Only once. */
  before = count_events (fixture->store);
  second = payload_new ("reason", "Lại chờ", "new_due", "2026-12-10T17:00", "at", "2026-11-27T10:00", NULL);
  reread = mc_store_record (fixture->store, d->code, MC_EVENT_APOLOGY_ISSUED, second, NULL, &error);
  g_assert_null (reread);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION);
  g_assert_nonnull (strstr (error->message, "only once"));
  g_clear_error (&error);
  g_assert_cmpuint (count_events (fixture->store), ==, before);

  /* Settled after the original due date, before the promised one: still late. */
  result = payload_new ("at", "2026-12-01T10:00", NULL);
  ready = record_ok (fixture->store, d->code, MC_EVENT_RESULT_READY, result);
  g_assert_cmpint (ready->status, ==, MC_STATUS_RESULT_READY);
  g_assert_true (ready->has_apology);
  assert_time (ready->new_due, "2026-12-03T17:00");
  g_assert_cmpint (ready->outcome, ==, MC_DUE_STATE_LATE);
  g_assert_cmpint (mc_dossier_due_state (ready, calendar, t ("2026-12-02T10:00")), ==, MC_DUE_STATE_LATE);

  /* An apology is for a dossier still in progress. */
  {
    g_autoptr(McDossier) settled = record_ok (fixture->store, other->code, MC_EVENT_RESULT_READY, result);
    g_autoptr(JsonNode) late_apology = payload_new ("reason", "Chờ", "new_due", "2026-12-08T17:00",
                                                    "at", "2026-12-02T10:00", NULL);

    g_assert_false (settled->has_apology);
    record_fails (fixture->store, other->code, MC_EVENT_APOLOGY_ISSUED, late_apology,
                  MC_STORE_ERROR_INVALID_ACTION);
  }
}

/*
 * The state machine
 */

/* @dossier's history with one more event of @kind, later in the total order than all the others. */
static McDossier *
fold_with (McStore    *store,
           McDossier  *dossier,
           const char *kind,
           JsonNode   *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_get_events (store, dossier->uuid, &error);
  g_autofree char *uuid = g_uuid_string_random ();
  McEvent *last;

  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_ptr_array_add (events, mc_event_new (uuid, dossier->uuid, last->station_id, last->station_seq + 1000,
                                         last->lamport + 1, "2026-11-25T16:00:00+07:00", CLERK, kind, payload));
  return mc_dossier_fold (events, mc_store_get_calendar (store), MC_SUPPLEMENT_RESTART);
}

/* One state machine: the steps mc_dossier_check_event() allows in each state are the ones mc_store_record()
 * records, and a transition it refuses changes nothing when it reaches the fold from another station. */
static void
test_state_machine (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *kind;
    int         to;         /* the status after the step; -1 for a step that keeps it */
  } steps[] = {
    { MC_EVENT_SUPPLEMENT_REQUESTED, MC_STATUS_PAUSED },
    { MC_EVENT_SUPPLEMENT_COMPLETED, MC_STATUS_IN_PROGRESS },
    { MC_EVENT_REFUSED, MC_STATUS_REFUSED },
    { MC_EVENT_STOP_REQUESTED, MC_STATUS_STOPPED },
    { MC_EVENT_RESULT_READY, MC_STATUS_RESULT_READY },
    { MC_EVENT_RETURNED, MC_STATUS_RETURNED },
    { MC_EVENT_APOLOGY_ISSUED, -1 },
    { MC_EVENT_RATING_RECORDED, -1 },
    { MC_EVENT_EDITED, -1 },
    { MC_EVENT_TRANSFERRED, MC_STATUS_TRANSFERRED },
    { MC_EVENT_DIGITISED, -1 },
    { MC_EVENT_DECLARATION_FILLED, -1 },
    { MC_EVENT_HANDED_OVER, -1 },
  };
  /* Which of the steps above each state allows, in their order. */
  static const struct
  {
    McStatus    status;
    const char *allowed;
  } states[] = {
    { MC_STATUS_IN_PROGRESS, "1011111011111" },
    { MC_STATUS_PAUSED,      "0111000011111" },
    { MC_STATUS_RESULT_READY, "0000010110110" },
    { MC_STATUS_RETURNED,    "0000000110110" },
    { MC_STATUS_REFUSED,     "0000000010110" },
    { MC_STATUS_STOPPED,     "0000000010110" },
    { MC_STATUS_TRANSFERRED, "0000000010110" },
  };
  const char *before_steps[][2] = {
    { NULL, NULL },
    { MC_EVENT_SUPPLEMENT_REQUESTED, NULL },
    { MC_EVENT_RESULT_READY, NULL },
    { MC_EVENT_RESULT_READY, MC_EVENT_RETURNED },
    { MC_EVENT_REFUSED, NULL },
    { MC_EVENT_STOP_REQUESTED, NULL },
    { MC_EVENT_TRANSFERRED, NULL },
  };
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      g_autofree char *name = g_strdup_printf ("Nguyễn Văn Số %u", s + 1);
      g_autoptr(McDossier) d = intake_simple (fixture->store, "1.004873", name, "2026-11-23T09:10");

      for (guint b = 0; b < 2 && before_steps[s][b] != NULL; b++)
        {
          g_autoptr(JsonNode) payload = payload_new ("reason", "Lý do", "to", "UBND xã Tân Phú",
                                                     "at", "2026-11-24T10:00", NULL);

          McDossier *next = record_ok (fixture->store, d->code, before_steps[s][b], payload);

          mc_dossier_unref (d);
          d = next;
        }
      g_assert_cmpint (d->status, ==, states[s].status);

      for (guint k = 0; k < G_N_ELEMENTS (steps); k++)
        {
          gboolean allowed = states[s].allowed[k] == '1';
          g_autoptr(JsonNode) payload = payload_new ("reason", "Lý do", "new_due", "2026-12-20T17:00",
                                                     "rating", "satisfied", "at", "2026-11-25T16:00", NULL);
          g_autoptr(McDossier) folded = NULL;

          g_test_message ("%s, %s", mc_status_to_string (states[s].status), steps[k].kind);
          g_assert_cmpint (mc_dossier_check_event (d, steps[k].kind, &error), ==, allowed);
          if (allowed)
            g_assert_no_error (error);
          else
            g_assert_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW);
          g_clear_error (&error);

          /* The store refuses what the state does not allow, and writes nothing. */
          if (!allowed)
            record_fails (fixture->store, d->code, steps[k].kind, payload, MC_STORE_ERROR_INVALID_ACTION);

          /* In the fold, a transition that does not fit changes nothing. */
          if (steps[k].to < 0)
            continue;
          folded = fold_with (fixture->store, d, steps[k].kind, payload);
          g_assert_cmpint (folded->status, ==, allowed ? steps[k].to : (int) states[s].status);
        }
    }

  /* What is no step of a dossier's life after intake. */
  {
    g_autoptr(McDossier) d = intake_simple (fixture->store, "1.004873", "Trần Văn Khác", "2026-11-23T09:20");

    for (const char *const *kind = (const char *const[]) { MC_EVENT_RECEIVED, MC_EVENT_PERSONAL_DATA_REMOVED,
                                                             MC_EVENT_OFFICE_SET, "teleported", NULL };
         *kind; kind++)
      {
        g_assert_false (mc_dossier_check_event (d, *kind, &error));
        g_assert_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_UNKNOWN_STEP);
        g_clear_error (&error);
      }
  }
}

/* An apology letter is a fact about the dossier, not a transition: issued on one station while another returned
 * the dossier, it still counts (the first letter only), though neither station would record it now. */
static void
test_state_machine_facts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(McDossier) d = intake_simple (fixture->store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
  g_autoptr(JsonNode) result = payload_new ("at", "2026-11-24T10:00", NULL);
  g_autoptr(JsonNode) apology = payload_new ("reason", "Chờ", "new_due", "2026-12-08T17:00",
                                             "at", "2026-11-25T16:00", NULL);
  g_autoptr(JsonNode) second = payload_new ("reason", "Lại chờ", "new_due", "2026-12-18T17:00",
                                            "at", "2026-11-26T16:00", NULL);
  g_autoptr(McDossier) ready = NULL;
  g_autoptr(McDossier) returned = NULL;
  g_autoptr(McDossier) folded = NULL;
  g_autoptr(McDossier) twice = NULL;
  g_autoptr(GError) error = NULL;

  ready = record_ok (fixture->store, d->code, MC_EVENT_RESULT_READY, result);
  returned = record_ok (fixture->store, d->code, MC_EVENT_RETURNED, result);
  g_assert_false (mc_dossier_check_event (returned, MC_EVENT_APOLOGY_ISSUED, &error));
  g_assert_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_NOW);
  folded = fold_with (fixture->store, returned, MC_EVENT_APOLOGY_ISSUED, apology);
  g_assert_cmpint (folded->status, ==, MC_STATUS_RETURNED);
  g_assert_true (folded->has_apology);
  assert_time (folded->new_due, "2026-12-08T17:00");

  /* A second letter from yet another station: the first one stands. */
  g_assert_false (mc_dossier_check_event (folded, MC_EVENT_APOLOGY_ISSUED, NULL));
  {
    g_autoptr(GPtrArray) events = mc_store_get_events (fixture->store, d->uuid, NULL);
    McEvent *last = g_ptr_array_index (events, events->len - 1);
    g_autofree char *first = g_uuid_string_random ();
    g_autofree char *later = g_uuid_string_random ();

    g_ptr_array_add (events, mc_event_new (first, d->uuid, last->station_id, 900, last->lamport + 1,
                                           "2026-11-25T16:00:00+07:00", CLERK, MC_EVENT_APOLOGY_ISSUED, apology));
    g_ptr_array_add (events, mc_event_new (later, d->uuid, last->station_id, 901, last->lamport + 2,
                                           "2026-11-26T16:00:00+07:00", CLERK, MC_EVENT_APOLOGY_ISSUED, second));
    twice = mc_dossier_fold (events, mc_store_get_calendar (fixture->store), MC_SUPPLEMENT_RESTART);
    assert_time (twice->new_due, "2026-12-08T17:00");
  }
}

/*
 * Corrections
 */

static void
test_correction (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(McDossier) d = NULL;
  g_autoptr(McDossier) edited = NULL;
  g_autoptr(McDossier) reread = NULL;
  g_autoptr(McDossier) found = NULL;
  g_autoptr(JsonNode) edit = NULL;
  g_autoptr(JsonNode) no_reason = NULL;
  g_autoptr(JsonNode) bad_phone = NULL;
  g_autoptr(JsonNode) bad_field = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  McIntake intake;
  McQuery query;

  intake_init (&intake, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
  intake.phone = "0912345678";
  d = mc_store_intake (fixture->store, &intake, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->phone, ==, "0912345678");

  no_reason = payload_new ("field", "phone", "value", "0987654321", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_EDITED, no_reason, MC_STORE_ERROR_INVALID_INPUT);
  bad_phone = payload_new ("field", "phone", "value", "0123", "reason", "Gõ nhầm", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_EDITED, bad_phone, MC_STORE_ERROR_INVALID_INPUT);
  bad_field = payload_new ("field", "status", "value", "returned", "reason", "Gõ nhầm", NULL);
  record_fails (fixture->store, d->code, MC_EVENT_EDITED, bad_field, MC_STORE_ERROR_INVALID_INPUT);

  edit = payload_new ("field", "phone", "value", "+84 98-765.4321", "reason", "Gõ nhầm số", NULL);
  edited = record_ok (fixture->store, d->code, MC_EVENT_EDITED, edit);
  g_assert_cmpstr (edited->phone, ==, "0987654321");
  g_assert_cmpint (edited->status, ==, MC_STATUS_IN_PROGRESS);
  g_assert_cmpint (edited->due, ==, d->due);

  events = mc_store_get_events (fixture->store, d->code, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  {
    McEvent *received = g_ptr_array_index (events, 0);
    McEvent *correction = g_ptr_array_index (events, 1);
    JsonObject *applicant = json_object_get_object_member (json_node_get_object (received->payload), "applicant");

    g_assert_cmpstr (received->kind, ==, MC_EVENT_RECEIVED);
    g_assert_cmpstr (json_object_get_string_member (applicant, "phone"), ==, "0912345678");
    g_assert_cmpstr (correction->kind, ==, MC_EVENT_EDITED);
    g_assert_cmpstr (mc_event_get_string (correction, "value"), ==, "0987654321");
    g_assert_cmpstr (mc_event_get_string (correction, "reason"), ==, "Gõ nhầm số");
    g_assert_cmpstr (received->dossier_uuid, ==, d->uuid);
    g_assert_cmpstr (correction->dossier_uuid, ==, d->uuid);
    g_assert_cmpint (correction->lamport, >, received->lamport);
  }

  /* After reopening, and through the search: the new number, not the old one. */
  g_clear_object (&fixture->store);
  fixture->store = mc_store_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  reread = mc_store_get_dossier (fixture->store, d->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reread->phone, ==, "0987654321");

  mc_query_init (&query);
  query.text = "0987";
  rows = mc_store_query (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.text = "0912";
  rows = mc_store_query (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

/*
 * Query
 */

static const char *names[] = {
  "Nguyễn Văn An", "Trần Thị Bình", "Lý Văn Cường", "Phan Thị Dung", "Hoàng Văn Em", "Vũ Thị Phương",
  "Bùi Văn Giang", "Đỗ Thị Hạnh", "Hồ Văn Khánh", "Ngô Thị Lan", "Dương Văn Minh", "Lê Thị Ngọc",
  "Mai Văn Phúc", "Cao Thị Quỳnh", "Tô Văn Sơn", "Lâm Thị Thảo", "Kiều Văn Tuấn", "Hà Thị Uyên",
  "Tạ Văn Vinh", "Chu Thị Xuân", "Lưu Văn Yên", "Quách Thị Yến", "Trịnh Văn Bảo", "Âu Thị Cúc",
  "Thái Văn Hải", "Triệu Thị Hoa", "Khúc Văn Lộc", "Mạc Thị Mơ", "Ông Văn Nam",
};

static const char *procedure_codes[] = {
  "1.004873", "1.001193", "1.004884", "2.000815", "1.004845", "1.004222", "2.000779",
};

typedef struct
{
  GPtrArray *dossiers;  /* McDossier, as folded after their steps */
  char      *anh_uuid;
  char      *anh_code;
} Population;

static void
population_clear (Population *population)
{
  g_clear_pointer (&population->dossiers, g_ptr_array_unref);
  g_free (population->anh_uuid);
  g_free (population->anh_code);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Population, population_clear)

static void
populate (McStore    *store,
          Population *population)
{
  g_autoptr(GError) error = NULL;

  population->dossiers = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);

  /* Đặng Đức Anh, with an identity number and a phone */
  {
    McIntake intake;
    McDossier *d;

    intake_init (&intake, "1.004873", "Đặng Đức Anh", "2026-11-23T09:10");
    intake.id_number = "001090012345";
    intake.birth_year = 1990;
    intake.phone = "0912345678";
    d = mc_store_intake (store, &intake, NULL, &error);
    g_assert_no_error (error);
    population->anh_uuid = g_strdup (d->uuid);
    population->anh_code = g_strdup (d->code);
    g_ptr_array_add (population->dossiers, d);
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* Spread over three weeks, at varied hours, some outside office hours. */
      int day = 9 + (int) ((i * 7) % 19);
      int hour = 7 + (int) ((i * 5) % 11);
      int minute = (int) ((i * 13) % 60);
      g_autofree char *received = g_strdup_printf ("2026-11-%02dT%02d:%02d", day, hour, minute);
      g_autoptr(McDossier) d = intake_simple (store, procedure_codes[i % G_N_ELEMENTS (procedure_codes)],
                                              names[i], received);
      McDossier *after = NULL;
      g_autofree char *later = mc_time_format_iso (d->received + 60 * 24);

      switch (i % 6)
        {
        case 1:
          {
            g_autoptr(JsonNode) p = payload_new ("reason", "Thiếu giấy tờ", "at", later, NULL);
            after = record_ok (store, d->code, MC_EVENT_SUPPLEMENT_REQUESTED, p);
          }
          break;
        case 2:
          {
            g_autoptr(JsonNode) p = payload_new ("at", later, NULL);
            after = record_ok (store, d->code, MC_EVENT_RESULT_READY, p);
          }
          break;
        case 3:
          {
            g_autoptr(JsonNode) p = payload_new ("at", later, "receiver", names[i], NULL);
            after = record_ok (store, d->code, MC_EVENT_RETURNED, p);
          }
          break;
        case 4:
          if (i % 4 == 0)
            {
              g_autoptr(JsonNode) p = payload_new ("reason", "Không đủ điều kiện", "at", later, NULL);
              after = record_ok (store, d->code, MC_EVENT_REFUSED, p);
            }
          break;
        default:
          break;
        }
      g_ptr_array_add (population->dossiers, after ? after : g_steal_pointer (&d));
    }
}

static gboolean
uuid_in (GPtrArray  *rows,
         const char *uuid)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((McDossier *) g_ptr_array_index (rows, i))->uuid, uuid) == 0)
      return TRUE;
  return FALSE;
}

static GPtrArray *
query_ok (McStore       *store,
          const McQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = mc_store_query (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static gint64
count_ok (McStore       *store,
          const McQuery *query)
{
  g_autoptr(GError) error = NULL;
  gint64 n = mc_store_count (store, query, &error);

  g_assert_no_error (error);
  g_assert_cmpint (n, >=, 0);
  return n;
}

static gint64
due_key (McDossier *d)
{
  return d->due == MC_MINUTE_NONE ? G_MAXINT64 : d->due;
}

static void
test_query_sort_and_paging (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(Population) population = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  McQuery query;
  guint pages = 0;

  populate (fixture->store, &population);
  g_assert_cmpuint (population.dossiers->len, ==, 30);

  mc_query_init (&query);
  query.limit = 1000;
  all = query_ok (fixture->store, &query);
  g_assert_cmpuint (all->len, ==, 30);
  g_assert_cmpint (count_ok (fixture->store, &query), ==, 30);
  for (guint i = 1; i < all->len; i++)
    {
      McDossier *a = g_ptr_array_index (all, i - 1);
      McDossier *b = g_ptr_array_index (all, i);

      g_assert_true (due_key (a) < due_key (b) || (due_key (a) == due_key (b) && a->row_id < b->row_id));
    }

  /* Every row agrees with the fold of its events. */
  for (guint i = 0; i < all->len; i++)
    {
      McDossier *row = g_ptr_array_index (all, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(McDossier) full = mc_store_get_dossier (fixture->store, row->uuid, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (row->code, ==, full->code);
      g_assert_cmpint (row->status, ==, full->status);
      g_assert_cmpint (row->due, ==, full->due);
      g_assert_cmpint (row->received, ==, full->received);
      g_assert_cmpint (row->settled, ==, full->settled);
      g_assert_cmpint (row->outcome, ==, full->outcome);
      g_assert_cmpstr (row->applicant_name, ==, full->applicant_name);
      g_assert_cmpint (row->row_id, >, 0);
    }

  /* Keyset paging, 7 at a time, visits every dossier exactly once and in the same order. */
  mc_query_init (&query);
  query.limit = 7;
  for (;;)
    {
      g_autoptr(GPtrArray) page = query_ok (fixture->store, &query);
      McDossier *last;

      g_assert_cmpuint (page->len, <=, 7);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          McDossier *d = g_ptr_array_index (page, i);
          McDossier *expected = g_ptr_array_index (all, g_hash_table_size (seen));

          g_assert_cmpstr (d->uuid, ==, expected->uuid);
          g_assert_true (g_hash_table_add (seen, g_strdup (d->uuid)));
        }
      last = g_ptr_array_index (page, page->len - 1);
      query.has_after = TRUE;
      query.after_key = due_key (last);
      query.after_id = last->row_id;
      pages++;
      g_assert_cmpuint (pages, <=, 10);
      /* The count ignores the page position. */
      g_assert_cmpint (count_ok (fixture->store, &query), ==, 30);
    }
  g_assert_cmpuint (pages, ==, 5);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 30);

  /* Newest first, with paging. */
  g_hash_table_remove_all (seen);
  mc_query_init (&query);
  query.sort = MC_SORT_RECEIVED_DESC;
  query.limit = 7;
  {
    McMinute previous = G_MAXINT64;

    for (pages = 0;; pages++)
      {
        g_autoptr(GPtrArray) page = query_ok (fixture->store, &query);
        McDossier *last;

        if (page->len == 0)
          break;
        for (guint i = 0; i < page->len; i++)
          {
            McDossier *d = g_ptr_array_index (page, i);

            g_assert_cmpint (d->received, <=, previous);
            previous = d->received;
            g_assert_true (g_hash_table_add (seen, g_strdup (d->uuid)));
          }
        last = g_ptr_array_index (page, page->len - 1);
        query.has_after = TRUE;
        query.after_key = last->received;
        query.after_id = last->row_id;
        g_assert_cmpuint (pages, <=, 10);
      }
    g_assert_cmpuint (pages, ==, 5);
    g_assert_cmpuint (g_hash_table_size (seen), ==, 30);
  }
}

static void
test_query_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Population) population = { 0 };
  McCalendar *calendar = mc_store_get_calendar (fixture->store);
  McQuery query;
  const McMinute now = t ("2026-11-26T10:00");
  static const guint status_masks[] = {
    1u << MC_STATUS_IN_PROGRESS,
    1u << MC_STATUS_PAUSED,
    1u << MC_STATUS_RESULT_READY,
    1u << MC_STATUS_RETURNED,
    1u << MC_STATUS_REFUSED,
    (1u << MC_STATUS_IN_PROGRESS) | (1u << MC_STATUS_PAUSED),
    (1u << MC_STATUS_RESULT_READY) | (1u << MC_STATUS_RETURNED) | (1u << MC_STATUS_STOPPED),
  };
  static const guint due_masks[] = {
    1u << MC_DUE_STATE_ON_TRACK,
    1u << MC_DUE_STATE_DUE_SOON,
    1u << MC_DUE_STATE_OVERDUE,
    (1u << MC_DUE_STATE_DUE_SOON) | (1u << MC_DUE_STATE_OVERDUE),
    (1u << MC_DUE_STATE_ON_TRACK) | (1u << MC_DUE_STATE_DUE_SOON) | (1u << MC_DUE_STATE_OVERDUE),
  };
  guint seen_states = 0;
  guint seen_statuses = 0;

  populate (fixture->store, &population);

  for (guint i = 0; i < population.dossiers->len; i++)
    {
      McDossier *d = g_ptr_array_index (population.dossiers, i);

      seen_statuses |= 1u << d->status;
      seen_states |= 1u << mc_dossier_due_state (d, calendar, now);
    }
  /* The population has something in each class, so the filters are really tested. */
  for (McStatus s = MC_STATUS_IN_PROGRESS; s <= MC_STATUS_REFUSED; s++)
    g_assert_true (seen_statuses & (1u << s));
  g_assert_true (seen_states & (1u << MC_DUE_STATE_ON_TRACK));
  g_assert_true (seen_states & (1u << MC_DUE_STATE_DUE_SOON));
  g_assert_true (seen_states & (1u << MC_DUE_STATE_OVERDUE));

  for (guint m = 0; m < G_N_ELEMENTS (status_masks); m++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      guint expected = 0;

      mc_query_init (&query);
      query.now = now;
      query.limit = 1000;
      query.status_mask = status_masks[m];
      rows = query_ok (fixture->store, &query);
      for (guint i = 0; i < population.dossiers->len; i++)
        {
          McDossier *d = g_ptr_array_index (population.dossiers, i);
          gboolean wanted = (status_masks[m] & (1u << d->status)) != 0;

          g_assert_cmpint (uuid_in (rows, d->uuid), ==, wanted);
          expected += wanted;
        }
      g_assert_cmpuint (rows->len, ==, expected);
      g_assert_cmpint (count_ok (fixture->store, &query), ==, expected);
    }

  for (guint m = 0; m < G_N_ELEMENTS (due_masks); m++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      guint expected = 0;

      mc_query_init (&query);
      query.now = now;
      query.limit = 1000;
      query.due_state_mask = due_masks[m];
      rows = query_ok (fixture->store, &query);
      for (guint i = 0; i < population.dossiers->len; i++)
        {
          McDossier *d = g_ptr_array_index (population.dossiers, i);
          McDueState state = mc_dossier_due_state (d, calendar, now);
          gboolean wanted = d->status == MC_STATUS_IN_PROGRESS && (due_masks[m] & (1u << state)) != 0;

          g_assert_cmpint (uuid_in (rows, d->uuid), ==, wanted);
          expected += wanted;
        }
      g_assert_cmpuint (rows->len, ==, expected);
      g_assert_cmpint (count_ok (fixture->store, &query), ==, expected);

      /* Combined with a status filter that excludes in-progress: nothing. */
      query.status_mask = 1u << MC_STATUS_PAUSED;
      g_assert_cmpint (count_ok (fixture->store, &query), ==, 0);
    }

  /* Received range: [from, to) */
  {
    g_autoptr(GPtrArray) rows = NULL;
    McMinute from = t ("2026-11-23T00:00");
    McMinute to = t ("2026-11-28T00:00");
    guint expected = 0;

    mc_query_init (&query);
    query.limit = 1000;
    query.received_from = from;
    query.received_to = to;
    rows = query_ok (fixture->store, &query);
    for (guint i = 0; i < population.dossiers->len; i++)
      {
        McDossier *d = g_ptr_array_index (population.dossiers, i);
        gboolean wanted = d->received >= from && d->received < to;

        g_assert_cmpint (uuid_in (rows, d->uuid), ==, wanted);
        expected += wanted;
      }
    g_assert_cmpuint (expected, >, 0);
    g_assert_cmpuint (expected, <, population.dossiers->len);
    g_assert_cmpuint (rows->len, ==, expected);
    g_assert_cmpint (count_ok (fixture->store, &query), ==, expected);
  }
}

static void
assert_search (McStore    *store,
               const char *text,
               const char *uuid,
               guint       expected_len)
{
  g_autoptr(GPtrArray) rows = NULL;
  McQuery query;

  g_test_message ("search “%s”", text);
  mc_query_init (&query);
  query.limit = 1000;
  query.text = text;
  rows = query_ok (store, &query);
  g_assert_cmpuint (rows->len, ==, expected_len);
  g_assert_cmpint (count_ok (store, &query), ==, expected_len);
  if (uuid != NULL)
    g_assert_true (uuid_in (rows, uuid));
}

static void
test_query_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Population) population = { 0 };

  populate (fixture->store, &population);

  assert_search (fixture->store, "dang duc", population.anh_uuid, 1);
  assert_search (fixture->store, "Đặng Đức Anh", population.anh_uuid, 1);
  assert_search (fixture->store, "DANG", population.anh_uuid, 1);
  assert_search (fixture->store, "  đặng   ", population.anh_uuid, 1);
  assert_search (fixture->store, "anh dang", population.anh_uuid, 1);
  assert_search (fixture->store, "001090012345", population.anh_uuid, 1);
  assert_search (fixture->store, "0912", population.anh_uuid, 1);
  assert_search (fixture->store, population.anh_code, population.anh_uuid, 1);
  assert_search (fixture->store, "nguyen", NULL, 1);
  assert_search (fixture->store, "thi", NULL, 14);
  assert_search (fixture->store, "Phạm Văn Đồng", NULL, 0);
  assert_search (fixture->store, "dang binh", NULL, 0);
  assert_search (fixture->store, "%%%", NULL, 0);
  assert_search (fixture->store, "", NULL, 0);
  assert_search (fixture->store, "' OR 1=1 --", NULL, 0);
  assert_search (fixture->store, "\"", NULL, 0);
  assert_search (fixture->store, "dang\"", population.anh_uuid, 1);
  assert_search (fixture->store, "dang\" OR \"", NULL, 0);
  assert_search (fixture->store, "NEAR(dang duc)", NULL, 0);
  assert_search (fixture->store, "dang*", population.anh_uuid, 1);
  assert_search (fixture->store, "'; DROP TABLE dossier; --", NULL, 0);

  /* The table is still there. */
  {
    McQuery query;

    mc_query_init (&query);
    g_assert_cmpint (count_ok (fixture->store, &query), ==, 30);
  }
}

/*
 * Opening refusals
 */

static void
assert_open_refused (const char *path,
                     int         expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;

  store = mc_store_open (path, TRUE, &error);
  g_assert_null (store);
  g_assert_error (error, MC_STORE_ERROR, expected_code);
  g_clear_error (&error);

  /* Opening without create is refused the same way. */
  store = mc_store_open (path, FALSE, &error);
  g_assert_null (store);
  g_assert_error (error, MC_STORE_ERROR, expected_code);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* What a file of schema 6 lacks. */
#define V7_COLUMNS_DROPPED \
  "ALTER TABLE dossier DROP COLUMN address; ALTER TABLE dossier DROP COLUMN deciding_body;" \
  "ALTER TABLE dossier DROP COLUMN returned_to; ALTER TABLE dossier DROP COLUMN refused_at;" \
  "ALTER TABLE dossier DROP COLUMN stopped_at; ALTER TABLE dossier DROP COLUMN apology_at;" \
  V8_TABLES_DROPPED V9_COLUMNS_DROPPED

/* Schema 8: the fee book's table. */
#define V8_TABLES_DROPPED "DROP TABLE fee_payment;"

/* Schema 9: who holds each open dossier, its step's deadline, where a transferred one went. */
#define V9_COLUMNS_DROPPED \
  "DROP INDEX dossier_step_due; ALTER TABLE dossier DROP COLUMN held_unit;" \
  "ALTER TABLE dossier DROP COLUMN held_person; ALTER TABLE dossier DROP COLUMN step_due;" \
  "ALTER TABLE dossier DROP COLUMN transferred_at; ALTER TABLE dossier DROP COLUMN transferred_to;" \
  V10_COLUMNS_DROPPED

/* Schema 10: the register book and each dossier's entry in it. */
#define V10_COLUMNS_DROPPED "ALTER TABLE dossier DROP COLUMN book; ALTER TABLE dossier DROP COLUMN book_entry;"

static void
sqlite_exec_ok (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, message);
  sqlite3_free (message);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
make_store_file (const char *path)
{
  g_autoptr(McStore) store = open_set_up (path, 1);
  g_autoptr(McDossier) d = intake_simple (store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");

  g_assert_nonnull (d);
}

static char *
sqlite_query_text (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return text;
}

/* A file written by the first schema (two- and three-letter prefix index) is brought up to date on open, and
 * its dossiers are found by a one-letter prefix afterwards. */
static void
test_open_migrates (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *fts_sql = NULL;
  g_autofree char *version = NULL;
  McQuery query;

  make_store_file (fixture->path);
  sqlite_exec_ok (fixture->path,
                  "DROP TABLE dossier_fts;"
                  "CREATE VIRTUAL TABLE dossier_fts USING fts5 (search_key, content='dossier', content_rowid='id',"
                  "  tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
                  "INSERT INTO dossier_fts (dossier_fts) VALUES ('rebuild');"
                  "DROP TABLE account; DROP TABLE audit;"
                  "DROP TRIGGER dossier_total_insert; DROP TRIGGER dossier_total_delete; DROP TABLE dossier_total;"
                  "ALTER TABLE dossier DROP COLUMN on_the_spot;"
                  "DROP INDEX event_feedback; DROP TABLE feedback;"
                  V7_COLUMNS_DROPPED
                  "DROP TABLE station;"
                  "PRAGMA user_version = 1");

  store = mc_store_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  mc_query_init (&query);
  query.text = "nguyen van a";
  rows = mc_store_query (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_object (&store);

  version = sqlite_query_text (fixture->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (MC_STORE_SCHEMA_VERSION));
  fts_sql = sqlite_query_text (fixture->path, "SELECT sql FROM sqlite_master WHERE name = 'dossier_fts'");
  g_assert_nonnull (strstr (fts_sql, "prefix='1 2 3'"));
  /* Schema 3: the accounts and the audit log. */
  g_free (fts_sql);
  fts_sql = sqlite_query_text (fixture->path, "SELECT count(*) FROM sqlite_master WHERE name IN ('account', 'audit')");
  g_assert_cmpstr (fts_sql, ==, "2");
  /* Schema 6: the feedback register and the index that finds an entry's events. */
  g_free (fts_sql);
  fts_sql = sqlite_query_text (fixture->path,
                               "SELECT count(*) FROM sqlite_master WHERE name IN ('feedback', 'event_feedback')");
  g_assert_cmpstr (fts_sql, ==, "2");
  /* Schema 4: the dossier total, counted once at migration and kept by triggers. */
  g_free (fts_sql);
  fts_sql = sqlite_query_text (fixture->path, "SELECT n FROM dossier_total");
  g_assert_cmpstr (fts_sql, ==, "1");
  /* Schema 5: dossiers served on the spot. */
  g_free (fts_sql);
  fts_sql = sqlite_query_text (fixture->path, "SELECT count(*) FROM dossier WHERE on_the_spot = 0");
  g_assert_cmpstr (fts_sql, ==, "1");
}

static gboolean
collect_received (McDossier  *dossier,
                  gpointer    data,
                  GError    **error)
{
  g_ptr_array_add (data, mc_dossier_ref (dossier));
  return TRUE;
}

/* Schema 7 projects what the register and the statistics read; a file of schema 6 gets those columns from the
 * fold of its dossiers' events: the address as corrected, the deciding body, who collected the result, when it
 * was refused or stopped and when its apology letter was issued. */
static void
test_open_migrates_projection (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
  g_autoptr(McStore) store = open_set_up (fixture->path, 1);
  g_autoptr(JsonNode) correction = payload_new ("field", "address", "value", "Thôn Đoài", "reason", "Chuyển nhà",
                                                NULL);
  g_autoptr(JsonNode) handed = payload_new ("at", "2026-11-25T10:00", "receiver", "Trần Thị Bình", NULL);
  g_autoptr(JsonNode) refusal = payload_new ("reason", "Sai thẩm quyền", "at", "2026-11-23T10:00", NULL);
  g_autoptr(JsonNode) apology = payload_new ("reason", "Chờ", "new_due", "2026-12-10T17:00", "at",
                                             "2026-11-27T09:00", NULL);
  g_autofree char *version = NULL;
  g_autofree char *report = NULL;
  McIntake intake;

  /* An office closure: the fold that fills the new columns counts with the office's calendar. */
  g_assert_true (mc_store_set_calendar_day (store, mc_jdn_from_ymd (2026, 11, 25), MC_DAY_OFFICE_CLOSED, "Họp",
                                            &error));
  g_assert_no_error (error);
  intake_init (&intake, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10");
  intake.address = "Thôn Đông";
  mc_dossier_unref (mc_store_intake (store, &intake, NULL, &error));
  g_assert_no_error (error);
  mc_dossier_unref (intake_simple (store, "1.004873", "Lý Văn Cường", "2026-11-23T09:20"));
  mc_dossier_unref (intake_simple (store, "1.004884", "Phan Thị Dung", "2026-11-23T09:30"));
  mc_dossier_unref (record_ok (store, OFFICE_CODE "-261123-010001", MC_EVENT_EDITED, correction));
  mc_dossier_unref (record_ok (store, OFFICE_CODE "-261123-010001", MC_EVENT_RETURNED, handed));
  mc_dossier_unref (record_ok (store, OFFICE_CODE "-261123-010002", MC_EVENT_REFUSED, refusal));
  mc_dossier_unref (record_ok (store, OFFICE_CODE "-261123-010003", MC_EVENT_APOLOGY_ISSUED, apology));
  g_clear_object (&store);

  sqlite_exec_ok (fixture->path, V7_COLUMNS_DROPPED "DROP TABLE station; PRAGMA user_version = 6");
  store = mc_store_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  version = sqlite_query_text (fixture->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (MC_STORE_SCHEMA_VERSION));
  /* Schema 9 folded every dossier again: the open one is held by the desk, the closed ones by nobody. */
  {
    g_autofree char *held = sqlite_query_text (fixture->path, "SELECT group_concat (IFNULL (held_unit, '-'), '|')"
                                                              " FROM (SELECT held_unit FROM dossier ORDER BY code)");

    g_assert_cmpstr (held, ==, "-|-|Bộ phận Một cửa");
  }
  /* Schema 10 entered them in the year's book, under the numbers their slips printed. */
  {
    g_autofree char *entries = sqlite_query_text (fixture->path, "SELECT group_concat (book || ' ' || book_entry, '|')"
                                                                 " FROM (SELECT * FROM dossier ORDER BY code)");

    g_assert_cmpstr (entries, ==, "2026 01-0001|2026 01-0002|2026 01-0003");
  }

  /* Every row equals a fresh fold of its events, the new columns included. */
  g_assert_true (mc_store_check (store, &report, &error));
  g_assert_no_error (error);

  g_assert_true (mc_store_foreach_received (store, mc_jdn_from_ymd (2026, 11, 23), mc_jdn_from_ymd (2026, 11, 23),
                                            NULL, collect_received, rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  {
    McDossier *row = g_ptr_array_index (rows, 0);

    g_assert_cmpstr (row->code, ==, OFFICE_CODE "-261123-010001");
    g_assert_cmpstr (row->address, ==, "Thôn Đoài");
    g_assert_cmpstr (row->deciding_body, ==, "Ủy ban nhân dân xã");
    g_assert_cmpstr (row->returned_to, ==, "Trần Thị Bình");
  }
  g_assert_cmpint (((McDossier *) g_ptr_array_index (rows, 1))->status, ==, MC_STATUS_REFUSED);

  /* The statistics read the moment of the refusal and of the letter from the new columns. */
  {
    g_autoptr(McStats) stats = mc_stats_compute (store, mc_jdn_from_ymd (2026, 11, 23),
                                                 mc_jdn_from_ymd (2026, 12, 2), t ("2026-12-03T10:00"), NULL,
                                                 &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stats->overall.refused, ==, 1);
    g_assert_cmpuint (stats->overall.apologies, ==, 1);
    g_assert_cmpuint (stats->overall.overdue_with_apology, ==, 1);
  }
}

/* Schema 11: a file of schema 10 learns the workstations it holds events of: this one under its number, every
 * other by the code of its latest reception, so that an import claiming a number already held is refused. */
static void
test_open_migrates_stations (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = open_set_up (fixture->path, 3);
  g_autofree char *own = NULL;
  g_autofree char *rows = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  const char *other = "0b7e2a4c-9d1f-4e3a-8c5b-6a7d8e9f0a1b";

  mc_dossier_unref (intake_simple (store, "1.004873", "Nguyễn Văn An", "2026-11-23T09:10"));
  own = g_strdup (mc_store_get_office (store)->station_id);
  g_clear_object (&store);
  /* Another workstation's receptions: numbered 05, then 07 (its latest). */
  sqlite_exec_ok (fixture->path,
                  "INSERT INTO event (uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk, kind,"
                  " payload) VALUES"
                  " ('1a1a1a1a-0000-4000-8000-000000000001', '2b2b2b2b-0000-4000-8000-000000000001',"
                  "  '0b7e2a4c-9d1f-4e3a-8c5b-6a7d8e9f0a1b', 1, 900, '2026-11-23T10:00:00+07:00', 'x', 'received',"
                  "  '{\"code\":\"" OFFICE_CODE "-261123-050001\"}'),"
                  " ('1a1a1a1a-0000-4000-8000-000000000002', '2b2b2b2b-0000-4000-8000-000000000002',"
                  "  '0b7e2a4c-9d1f-4e3a-8c5b-6a7d8e9f0a1b', 2, 901, '2026-11-23T11:00:00+07:00', 'x', 'received',"
                  "  '{\"code\":\"" OFFICE_CODE "-261123-070001\"}');"
                  "DROP TABLE station; PRAGMA user_version = 10");
  store = mc_store_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  rows = sqlite_query_text (fixture->path, "SELECT group_concat (office || ' ' || number, '|') FROM"
                                           " (SELECT * FROM station ORDER BY number)");
  g_assert_cmpstr (rows, ==, OFFICE_CODE " 3|" OFFICE_CODE " 7");
  holders = mc_store_list_station_holders (store, OFFICE_CODE, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holders->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (holders, 0), ==, own);
  g_clear_pointer (&holders, g_ptr_array_unref);
  holders = mc_store_list_station_holders (store, OFFICE_CODE, 7, &error);
  g_assert_cmpstr (g_ptr_array_index (holders, 0), ==, other);
  /* Renumbering to the other's number is refused; to a free one it is done, and the next code carries it. */
  g_assert_false (mc_store_renumber_station (store, 7, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (mc_store_renumber_station (store, 8, &error));
  g_assert_no_error (error);
  {
    g_autoptr(McDossier) d = intake_simple (store, "1.004873", "Trần Thị Bình", "2026-11-24T09:10");

    g_assert_cmpstr (d->code, ==, OFFICE_CODE "-261124-080001");
  }
  g_assert_null (mc_store_get_dossier (store, OFFICE_CODE "-261123-080001", NULL));
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store, OFFICE_CODE "-261123-030001", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (d->applicant_name, ==, "Nguyễn Văn An");
  }
}

static void
test_open_text_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "hello", -1, &error));
  g_assert_no_error (error);
  assert_open_refused (fixture->path, MC_STORE_ERROR_NOT_OURS);
}

static void
test_open_large_text_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* Longer than the header: still not ours. */
  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Một Cửa, không phải cơ sở dữ liệu.\n");
  g_assert_true (g_file_set_contents (fixture->path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);
  assert_open_refused (fixture->path, MC_STORE_ERROR_NOT_OURS);
}

static void
test_open_other_database (Fixture       *fixture,
                          gconstpointer  data)
{
  sqlite_exec_ok (fixture->path, "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3)");
  assert_open_refused (fixture->path, MC_STORE_ERROR_NOT_OURS);
}

static void
test_open_newer (Fixture       *fixture,
                 gconstpointer  data)
{
  make_store_file (fixture->path);
  sqlite_exec_ok (fixture->path, "PRAGMA user_version = 99");
  assert_open_refused (fixture->path, MC_STORE_ERROR_NEWER_VERSION);
}

static void
test_open_corrupt (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_store_file (fixture->path);
  /* Put it out of WAL mode so that the whole database is in the one file. */
  sqlite_exec_ok (fixture->path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096);
  for (gsize i = 100; i < length; i++)
    contents[i] = (char) (0xA5 ^ (i * 31));
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) length, &error));
  g_assert_no_error (error);
  assert_open_refused (fixture->path, MC_STORE_ERROR_CORRUPT);
}

static void
test_open_corrupt_wal (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* The file as the application leaves it (WAL mode in the header), damaged after the header. */
  make_store_file (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  for (gsize i = 100; i < length; i++)
    contents[i] = (char) (0x5A ^ (i * 17));
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) length, &error));
  g_assert_no_error (error);
  assert_open_refused (fixture->path, MC_STORE_ERROR_CORRUPT);
}

static void
test_open_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;

  store = mc_store_open (fixture->path, FALSE, &error);
  g_assert_null (store);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NO_DATABASE);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_open_directory (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;

  store = mc_store_open (fixture->dir, TRUE, &error);
  g_assert_null (store);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_OURS);
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autofree char *contents = NULL;

  /* An empty file (e.g. made by the file chooser) becomes a new store. */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, &error));
  g_assert_no_error (error);
  store = mc_store_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (mc_store_is_set_up (store));
  g_clear_object (&store);
  contents = read_file (fixture->path);
  g_assert_true (g_str_has_prefix (contents, "SQLite format 3"));
}

/* mc_store_check passes on a sound file and names what differs after a row was changed behind the store's back:
 * what the crash test (tests/crash/) relies on after every kill. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autoptr(McDossier) first = intake_simple (fixture->store, "1.004873", "Đặng Đức Anh", "2026-12-10T09:00");
  g_autoptr(McDossier) second = intake_simple (fixture->store, "1.004884", "Trần Thị Bình", "2026-12-10T09:30");
  g_autofree char *tamper = g_strdup_printf ("UPDATE dossier SET status = 'returned' WHERE code = '%s'", second->code);
  sqlite3 *db = NULL;

  g_assert_true (mc_store_check (fixture->store, &report, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (report, "2 dossiers and "));

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, tamper, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (mc_store_check (fixture->store, NULL, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, second->code));
  g_assert_null (strstr (error->message, first->code));
  /* The check changed nothing: the tampered row is still there to be seen. */
  g_clear_error (&error);
  g_assert_false (mc_store_check (fixture->store, NULL, &error));
  g_clear_error (&error);

  /* The list's total, kept by triggers, is checked too. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE dossier SET status = 'in_progress';"
                                     "UPDATE dossier_total SET n = n + 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (mc_store_check (fixture->store, NULL, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT);
  g_assert_null (strstr (error->message, second->code));
}

/* With the desk's background checkpoint, commits never copy the WAL into the file themselves; a worker thread
 * does, and the WAL stops growing: four hundred intakes leave it well under what they wrote. */
static void
test_background_checkpoint (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  mc_store_checkpoint_in_background (fixture->store);
  for (int i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Nguyễn Văn Thứ %d", i);
      g_autoptr(McDossier) d = intake_simple (fixture->store, "1.004873", name, "2026-12-10T09:00");

      /* The desk's main loop between two intakes (a clerk takes seconds; a few milliseconds do here): where the
       * worker's completion is heard. The log restarts at the next save once a checkpoint has caught up. */
      for (int k = 0; k < 3; k++)
        {
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_usleep (2000);
        }
    }
  /* Let the last checkpoint finish, then one more commit restarts the log from its start. */
  for (int i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  {
    g_autoptr(McDossier) last = intake_simple (fixture->store, "1.004873", "Trần Thị Cuối", "2026-12-10T10:00");
  }
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_test_message ("WAL after 401 intakes: %ld bytes", (long) st.st_size);
  /* Without a checkpoint the log holds every page written (about 35 MB here); with them, at most a few thousand
   * pages of 4 KiB. */
  g_assert_cmpint (st.st_size, <, 3 * 1000 * 4096);
  g_assert_true (mc_store_check (fixture->store, NULL, &error));
  g_assert_no_error (error);
}

/* "5 tại chỗ": a same-day procedure received, decided and returned at once, three events with real times; a
 * procedure with a time limit is refused; the statistics count it. */
static void
test_on_the_spot (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) served = NULL;
  g_autoptr(McDossier) refused = NULL;
  g_autoptr(GPtrArray) events = NULL;
  McIntake in = { 0 };

  in.procedure_code = "2.000815";   /* chứng thực bản sao: same day */
  in.applicant_name = "Nguyễn Thị Chờ";
  served = mc_store_serve_on_the_spot (fixture->store, &in, &error);
  g_assert_no_error (error);
  g_assert_nonnull (served);
  g_assert_cmpint (served->status, ==, MC_STATUS_RETURNED);
  g_assert_true (served->on_the_spot);
  g_assert_cmpint (served->received, ==, t (NOW));
  g_assert_cmpint (served->returned, ==, t (NOW));
  g_assert_cmpstr (served->returned_to, ==, "Nguyễn Thị Chờ");
  events = mc_store_get_events (fixture->store, served->code, &error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (((McEvent *) g_ptr_array_index (events, 0))->kind, ==, MC_EVENT_RECEIVED);
  g_assert_cmpstr (((McEvent *) g_ptr_array_index (events, 1))->kind, ==, MC_EVENT_RESULT_READY);
  g_assert_cmpstr (((McEvent *) g_ptr_array_index (events, 2))->kind, ==, MC_EVENT_RETURNED);

  in.procedure_code = "1.004873";   /* three working days */
  in.applicant_name = "Trần Văn Đợi";
  refused = mc_store_serve_on_the_spot (fixture->store, &in, &error);
  g_assert_null (refused);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION);
  g_clear_error (&error);

  {
    McStats *stats = mc_stats_compute (fixture->store, mc_minute_jdn (t (NOW)), mc_minute_jdn (t (NOW)), t (NOW),
                                       NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stats->overall.settled, ==, 1);
    g_assert_cmpuint (stats->overall.settled_on_the_spot, ==, 1);
    g_assert_cmpuint (stats->overall.received, ==, 1);
    mc_stats_free (stats);
  }
  g_assert_true (mc_store_check (fixture->store, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, setup, func) \
  g_test_add ("/store/" name, Fixture, NULL, setup, func, fixture_tear_down)

  ADD ("setup", fixture_set_up_empty, test_setup);
  ADD ("setup/invalid", fixture_set_up_empty, test_setup_invalid);
  ADD ("intake/round-trip", fixture_set_up_store, test_intake_round_trip);
  ADD ("intake/station-number", fixture_set_up_store, test_intake_station_number);
  ADD ("intake/validation", fixture_set_up_store, test_intake_validation);
  ADD ("intake/validation-first-of-day", fixture_set_up_store, test_intake_validation_first);
  ADD ("lifecycle/supplement", fixture_set_up_store, test_lifecycle_supplement);
  ADD ("lifecycle/outcomes", fixture_set_up_store, test_lifecycle_outcomes);
  ADD ("lifecycle/returned-without-result", fixture_set_up_store, test_lifecycle_returned_without_result);
  ADD ("lifecycle/refuse-stop", fixture_set_up_store, test_lifecycle_refuse_stop);
  ADD ("apology", fixture_set_up_store, test_apology);
  ADD ("state-machine", fixture_set_up_store, test_state_machine);
  ADD ("state-machine/facts", fixture_set_up_store, test_state_machine_facts);
  ADD ("correction", fixture_set_up_store, test_correction);
  ADD ("check", fixture_set_up_store, test_check);
  ADD ("on-the-spot", fixture_set_up_store, test_on_the_spot);
  ADD ("background-checkpoint", fixture_set_up_store, test_background_checkpoint);
  ADD ("query/sort-and-paging", fixture_set_up_store, test_query_sort_and_paging);
  ADD ("query/filters", fixture_set_up_store, test_query_filters);
  ADD ("query/search", fixture_set_up_store, test_query_search);
  ADD ("open/text-file", fixture_set_up_empty, test_open_text_file);
  ADD ("open/large-text-file", fixture_set_up_empty, test_open_large_text_file);
  ADD ("open/other-database", fixture_set_up_empty, test_open_other_database);
  ADD ("open/migrates", fixture_set_up_empty, test_open_migrates);
  ADD ("open/migrates-projection", fixture_set_up_empty, test_open_migrates_projection);
  ADD ("open/migrates-stations", fixture_set_up_empty, test_open_migrates_stations);
  ADD ("open/newer-version", fixture_set_up_empty, test_open_newer);
  ADD ("open/corrupt", fixture_set_up_empty, test_open_corrupt);
  ADD ("open/corrupt-wal", fixture_set_up_empty, test_open_corrupt_wal);
  ADD ("open/missing", fixture_set_up_empty, test_open_missing);
  ADD ("open/directory", fixture_set_up_empty, test_open_directory);
  ADD ("open/empty-file", fixture_set_up_empty, test_open_empty_file);

#undef ADD

  return g_test_run ();
}
