/* test-convergence.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"
#include "mc-store.h"
#include "mc-time.h"

/* Design rule: two stations holding the same events hold the same tables, whatever order the events arrived
 * in. Stations of one office are made by setting each up with the office's code and its own station number,
 * then exchanging events; a fresh database that only applies events is a read-only replica. */

#define OFFICE_CODE "000.00.12.H40"
#define OFFICE_NAME "UBND xã Tân Lập"
#define FIXED_NOW   "2026-11-26T10:00"

/*
 * Fixture: a temporary folder for the stations' files
 */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("motcua-convergence-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("MOTCUA_NOW", "2026-11-23T08:00", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->dir);
  g_setenv ("MOTCUA_NOW", "", TRUE);
}

/*
 * Helpers
 */

static void
set_now (const char *now)
{
  g_setenv ("MOTCUA_NOW", now, TRUE);
}

static McMinute
t (const char *text)
{
  g_autoptr(GError) error = NULL;
  McMinute minute = MC_MINUTE_NONE;

  g_assert_true (mc_time_parse (text, &minute, &error));
  g_assert_no_error (error);
  return minute;
}

static McStore *
open_replica (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  McStore *store = mc_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
setup_station (McStore *store,
               int      station)
{
  g_autoptr(GError) error = NULL;
  McStoreSetup setup = { 0 };

  setup.office_code = OFFICE_CODE;
  setup.office_name = OFFICE_NAME;
  setup.station = station;
  setup.clerk = "Lê Thu Hà";
  g_assert_true (mc_store_setup (store, &setup, &error));
  g_assert_no_error (error);
  g_assert_true (mc_store_is_set_up (store));
  g_assert_cmpint (mc_store_get_office (store)->station, ==, station);
}

static McStore *
open_station (Fixture    *fixture,
              const char *name,
              int         station)
{
  McStore *store = open_replica (fixture, name);

  setup_station (store, station);
  return store;
}

static GPtrArray *
all_events (McStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = mc_store_list_events (store, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

static guint
count_events (McStore *store)
{
  g_autoptr(GPtrArray) events = all_events (store);

  return events->len;
}

static GHashTable *
event_uuids (McStore *store)
{
  g_autoptr(GPtrArray) events = all_events (store);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < events->len; i++)
    g_hash_table_add (set, g_strdup (((McEvent *) g_ptr_array_index (events, i))->uuid));
  return set;
}

static guint
count_unknown (GPtrArray *events,
               McStore   *store)
{
  g_autoptr(GHashTable) known = event_uuids (store);
  g_autoptr(GHashTable) batch = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      McEvent *event = g_ptr_array_index (events, i);

      if (!g_hash_table_contains (known, event->uuid) && g_hash_table_add (batch, event->uuid))
        n++;
    }
  return n;
}

static McDossier *
intake (McStore    *store,
        const char *procedure,
        const char *name,
        const char *phone,
        const char *received)
{
  g_autoptr(GError) error = NULL;
  McIntake in = { 0 };
  McDossier *dossier;

  in.procedure_code = procedure;
  in.applicant_name = name;
  in.phone = phone;
  in.received = t (received);
  dossier = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

static void
record (McStore    *store,
        const char *code,
        const char *kind,
        JsonNode   *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) owned = payload;
  g_autoptr(McDossier) dossier = mc_store_record (store, code, kind, owned, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
}

static McDossier *
get_dossier (McStore    *store,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  McDossier *dossier = mc_store_get_dossier (store, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

/* Canonical dumps, independent of local row ids and of the order the rows were inserted. */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
join_sorted (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
all_rows (McStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  McQuery query;

  mc_query_init (&query);
  query.now = t (FIXED_NOW);
  query.sort = MC_SORT_RECEIVED_DESC;
  query.limit = 100000;
  rows = mc_store_query (store, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpint (mc_store_count (store, &query, NULL), ==, rows->len);
  return rows;
}

static char *
dossier_json (McDossier  *dossier,
              McCalendar *calendar,
              gboolean    full)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  mc_dossier_to_json (dossier, builder, calendar, t (FIXED_NOW), full);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* What mc_store_get_dossier folds from the events, for every dossier in the table. */
static char *
dump_dossiers (McStore *store)
{
  g_autoptr(GPtrArray) rows = all_rows (store);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      McDossier *row = g_ptr_array_index (rows, i);
      g_autoptr(McDossier) full = get_dossier (store, row->uuid);
      g_autofree char *json = dossier_json (full, mc_store_get_calendar (store), TRUE);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s n_events=%u has_apology=%d outcome=%s last_lamport=%"
                                               G_GINT64_FORMAT, full->uuid, json, full->n_events,
                                               full->has_apology, mc_due_state_to_string (full->outcome),
                                               full->last_lamport));
    }
  return join_sorted (lines);
}

/* The dossier table itself: what the lists, the counts and the statistics read. */
static char *
dump_rows (McStore *store)
{
  g_autoptr(GPtrArray) rows = all_rows (store);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      McDossier *row = g_ptr_array_index (rows, i);
      g_autofree char *json = dossier_json (row, mc_store_get_calendar (store), FALSE);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s id=%s phone=%s n_events=%u has_apology=%d outcome=%s "
                                               "last_lamport=%" G_GINT64_FORMAT,
                                               row->uuid, json, row->applicant_id ? row->applicant_id : "-",
                                               row->phone ? row->phone : "-", row->n_events, row->has_apology,
                                               mc_due_state_to_string (row->outcome), row->last_lamport));
    }
  return join_sorted (lines);
}

/* Reference data: the catalogue and the office's shared settings. */
static char *
dump_reference (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) procedures = mc_store_list_procedures (store, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char * const *keys = mc_office_shared_keys ();

  g_assert_no_error (error);
  for (guint i = 0; i < procedures->len; i++)
    {
      g_autoptr(JsonNode) node = mc_procedure_to_json_node (g_ptr_array_index (procedures, i));

      g_ptr_array_add (lines, json_to_string (node, FALSE));
    }
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *value = mc_office_get_value (mc_store_get_office (store), keys[i]);

      g_ptr_array_add (lines, g_strdup_printf ("office %s=%s", keys[i], value ? value : "(null)"));
    }
  return join_sorted (lines);
}

static char *
dump_event_uuids (McStore *store)
{
  g_autoptr(GPtrArray) events = all_events (store);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < events->len; i++)
    {
      McEvent *e = g_ptr_array_index (events, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                                               e->uuid, e->kind, e->station_id, e->station_seq, e->lamport,
                                               e->dossier_uuid ? e->dossier_uuid : "-"));
    }
  return join_sorted (lines);
}

typedef struct
{
  char *events;
  char *dossiers;
  char *rows;
  char *reference;
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->events, g_free);
  g_clear_pointer (&snapshot->dossiers, g_free);
  g_clear_pointer (&snapshot->rows, g_free);
  g_clear_pointer (&snapshot->reference, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

static void
snapshot_take (Snapshot *snapshot,
               McStore  *store)
{
  snapshot_clear (snapshot);
  snapshot->events = dump_event_uuids (store);
  snapshot->dossiers = dump_dossiers (store);
  snapshot->rows = dump_rows (store);
  snapshot->reference = dump_reference (store);
}

static void
assert_same_snapshot (const Snapshot *a,
                      const Snapshot *b)
{
  g_assert_cmpstr (a->events, ==, b->events);
  g_assert_cmpstr (a->dossiers, ==, b->dossiers);
  g_assert_cmpstr (a->rows, ==, b->rows);
  g_assert_cmpstr (a->reference, ==, b->reference);
}

static void
assert_converged (McStore *a,
                  McStore *b)
{
  g_auto(Snapshot) sa = { 0 };
  g_auto(Snapshot) sb = { 0 };

  snapshot_take (&sa, a);
  snapshot_take (&sb, b);
  assert_same_snapshot (&sa, &sb);
}

/* Applies @events to @to, checks the count of new ones, then applies them again: nothing new, nothing changed. */
static void
apply_checked (McStore   *to,
               GPtrArray *events,
               gboolean   twice)
{
  g_autoptr(GError) error = NULL;
  guint expected = count_unknown (events, to);
  guint before = count_events (to);
  guint n_new = G_MAXUINT;

  g_assert_true (mc_store_apply_events (to, events, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, expected);
  g_assert_cmpuint (count_events (to), ==, before + expected);

  if (twice)
    {
      g_auto(Snapshot) s1 = { 0 };
      g_auto(Snapshot) s2 = { 0 };

      snapshot_take (&s1, to);
      n_new = G_MAXUINT;
      g_assert_true (mc_store_apply_events (to, events, &n_new, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_new, ==, 0);
      snapshot_take (&s2, to);
      assert_same_snapshot (&s1, &s2);
    }
}

/* Sends events [start, start + len) of @from's log (all of it for len 0) to @to. */
static void
exchange (McStore  *from,
          McStore  *to,
          guint     start,
          guint     len,
          gboolean  twice)
{
  g_autoptr(GPtrArray) events = all_events (from);
  g_autoptr(GPtrArray) slice = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);
  guint end;

  g_assert_cmpuint (start, <=, events->len);
  end = len == 0 ? events->len : MIN (events->len, start + len);
  for (guint i = start; i < end; i++)
    g_ptr_array_add (slice, mc_event_ref (g_ptr_array_index (events, i)));
  apply_checked (to, slice, twice);
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

static GPtrArray *
copy_events (GPtrArray *events)
{
  GPtrArray *copy = g_ptr_array_new_full (events->len, (GDestroyNotify) mc_event_unref);

  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (copy, mc_event_ref (g_ptr_array_index (events, i)));
  return copy;
}

static McEvent *
find_event (GPtrArray  *events,
            const char *kind,
            const char *value)
{
  for (guint i = 0; i < events->len; i++)
    {
      McEvent *e = g_ptr_array_index (events, i);

      if (g_str_equal (e->kind, kind) && (value == NULL || g_strcmp0 (mc_event_get_string (e, "value"), value) == 0))
        return e;
    }
  return NULL;
}

/*
 * Three stations, offline work, exchanges in many orders
 */

typedef struct
{
  McStore *a;
  McStore *b;
  McStore *c;
  char    *a1;
  char    *a2;
  char    *a3;
  char    *b1;
  char    *b2;
  char    *c1;
  char    *c2;
} Office;

static void
office_clear (Office *office)
{
  g_clear_object (&office->a);
  g_clear_object (&office->b);
  g_clear_object (&office->c);
  g_clear_pointer (&office->a1, g_free);
  g_clear_pointer (&office->a2, g_free);
  g_clear_pointer (&office->a3, g_free);
  g_clear_pointer (&office->b1, g_free);
  g_clear_pointer (&office->b2, g_free);
  g_clear_pointer (&office->c1, g_free);
  g_clear_pointer (&office->c2, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Office, office_clear)

static char *
intake_code (McStore    *store,
             const char *procedure,
             const char *name,
             const char *phone,
             const char *received)
{
  g_autoptr(McDossier) d = intake (store, procedure, name, phone, received);

  return g_strdup (d->code);
}

/* Builds the office of the scenario: every station ends up holding every event. */
static void
office_build (Fixture *fixture,
              Office  *o)
{
  guint half;

  set_now ("2026-11-23T08:00");
  o->a = open_station (fixture, "a.db", 1);
  o->b = open_station (fixture, "b.db", 2);
  o->c = open_station (fixture, "c.db", 3);

  /* Day 1, each station offline */
  set_now ("2026-11-23T12:00");
  o->a1 = intake_code (o->a, "1.004873", "Đặng Đức Anh", "0912345678", "2026-11-23T09:10");
  o->a2 = intake_code (o->a, "1.004884", "Trần Thị Bình", NULL, "2026-11-23T09:30");
  o->a3 = intake_code (o->a, "1.001193", "Lý Văn Cường", "0901000111", "2026-11-23T10:00");
  o->b1 = intake_code (o->b, "1.004873", "Phan Thị Dung", NULL, "2026-11-23T09:15");
  o->b2 = intake_code (o->b, "2.000815", "Hoàng Văn Em", NULL, "2026-11-23T09:40");
  o->c1 = intake_code (o->c, "1.004222", "Vũ Thị Phương", NULL, "2026-11-23T11:00");
  g_assert_cmpstr (o->a1, ==, OFFICE_CODE "-261123-010001");
  g_assert_cmpstr (o->b1, ==, OFFICE_CODE "-261123-020001");
  g_assert_cmpstr (o->c1, ==, OFFICE_CODE "-261123-030001");

  set_now ("2026-11-23T16:30");
  record (o->a, o->a2, MC_EVENT_SUPPLEMENT_REQUESTED,
          payload_new ("reason", "Thiếu bản sao", "at", "2026-11-23T14:00", NULL));
  record (o->b, o->b2, MC_EVENT_RESULT_READY, payload_new ("at", "2026-11-23T15:00", NULL));
  record (o->b, o->b2, MC_EVENT_RETURNED,
          payload_new ("at", "2026-11-23T16:00", "receiver", "Hoàng Văn Em", NULL));

  /* Evening: A and B exchange everything. */
  exchange (o->a, o->b, 0, 0, TRUE);
  exchange (o->b, o->a, 0, 0, TRUE);
  assert_converged (o->a, o->b);

  /* Day 2 and 3, offline again, with concurrent edits of the same dossiers. */
  set_now ("2026-11-25T11:30");
  /* a1: returned on A while B issues an apology letter for it */
  record (o->a, o->a1, MC_EVENT_RETURNED,
          payload_new ("at", "2026-11-25T10:00", "receiver", "Đặng Đức Anh", NULL));
  record (o->b, o->a1, MC_EVENT_APOLOGY_ISSUED,
          payload_new ("reason", "Chờ xác minh", "new_due", "2026-12-03T17:00", "at", "2026-11-25T11:00", NULL));
  /* a2: refused on A while B records the supplement */
  record (o->a, o->a2, MC_EVENT_REFUSED,
          payload_new ("reason", "Hồ sơ không hợp lệ", "at", "2026-11-25T09:00", NULL));
  record (o->b, o->a2, MC_EVENT_SUPPLEMENT_COMPLETED, payload_new ("at", "2026-11-25T09:30", NULL));
  /* a3: both correct the phone, differently */
  record (o->a, o->a3, MC_EVENT_EDITED,
          payload_new ("field", "phone", "value", "0987654321", "reason", "Gõ nhầm", NULL));
  record (o->b, o->a3, MC_EVENT_EDITED,
          payload_new ("field", "phone", "value", "0977 000 111", "reason", "Người dân báo số mới", NULL));
  /* b1: result on B, an address correction on A */
  record (o->b, o->b1, MC_EVENT_RESULT_READY, payload_new ("at", "2026-11-26T16:00", NULL));
  record (o->a, o->b1, MC_EVENT_EDITED,
          payload_new ("field", "address", "value", "Thôn Đoài", "reason", "Bổ sung địa chỉ", NULL));
  /* C works alone all along */
  record (o->c, o->c1, MC_EVENT_SUPPLEMENT_REQUESTED,
          payload_new ("reason", "Thiếu giấy xác nhận", "at", "2026-11-24T09:00", NULL));
  o->c2 = intake_code (o->c, "1.004194", "Ngô Thị Lan", "0345678901", "2026-11-24T10:00");

  /* Partial exchanges, in several orders, some batches twice. */
  set_now ("2026-11-26T09:00");
  half = count_events (o->a) / 2;
  exchange (o->a, o->c, 0, half, TRUE);        /* A → C, first half of A's log */
  exchange (o->c, o->b, 0, 0, TRUE);           /* C → B, which forwards part of A's log */
  exchange (o->a, o->c, half, 0, FALSE);       /* A → C, the rest */
  exchange (o->b, o->a, 0, 0, TRUE);           /* B → A */
  exchange (o->a, o->b, 0, 0, FALSE);          /* A → B */
  exchange (o->c, o->a, 0, 0, TRUE);           /* C → A: nothing new from A's own events */
  exchange (o->b, o->c, 0, 0, TRUE);           /* B → C */
  exchange (o->c, o->b, 0, 0, TRUE);
}

static void
test_three_stations (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Office) o = { 0 };
  g_autoptr(GPtrArray) a3_events = NULL;
  g_autoptr(GPtrArray) a2_events = NULL;
  g_autoptr(McDossier) a1 = NULL;
  g_autoptr(McDossier) a2 = NULL;
  g_autoptr(McDossier) a3 = NULL;
  g_autoptr(McDossier) b1 = NULL;
  g_autoptr(McDossier) c2 = NULL;
  g_autoptr(GError) error = NULL;
  McStore *stores[3];

  office_build (fixture, &o);
  stores[0] = o.a;
  stores[1] = o.b;
  stores[2] = o.c;

  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      assert_converged (stores[i], stores[j]);

  /* Seven dossiers, each station can show each of them. */
  {
    g_autoptr(GPtrArray) rows = all_rows (o.c);

    g_assert_cmpuint (rows->len, ==, 7);
  }

  /* Concurrent return and apology: both kept; the dossier settled early against its due date. */
  a1 = get_dossier (o.b, o.a1);
  g_assert_cmpint (a1->status, ==, MC_STATUS_RETURNED);
  g_assert_true (a1->has_apology);
  g_assert_cmpint (a1->outcome, ==, MC_DUE_STATE_EARLY);
  g_assert_cmpuint (a1->n_events, ==, 3);

  /* Refusal and supplement: refused either way, both events in the history. */
  a2 = get_dossier (o.c, o.a2);
  g_assert_cmpint (a2->status, ==, MC_STATUS_REFUSED);
  g_assert_cmpstr (a2->status_reason, ==, "Hồ sơ không hợp lệ");
  a2_events = mc_store_get_events (o.c, o.a2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a2_events->len, ==, 4);
  g_assert_nonnull (find_event (a2_events, MC_EVENT_SUPPLEMENT_COMPLETED, NULL));
  g_assert_nonnull (find_event (a2_events, MC_EVENT_REFUSED, NULL));

  /* Two corrections of the phone: the later in the total order wins, the other stays in the history. */
  a3 = get_dossier (o.a, o.a3);
  a3_events = mc_store_get_events (o.a, o.a3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a3_events->len, ==, 3);
  {
    McEvent *from_a = find_event (a3_events, MC_EVENT_EDITED, "0987654321");
    McEvent *from_b = find_event (a3_events, MC_EVENT_EDITED, "0977000111");

    g_assert_nonnull (from_a);
    g_assert_nonnull (from_b);
    g_assert_cmpstr (from_a->station_id, ==, mc_store_get_office (o.a)->station_id);
    g_assert_cmpstr (from_b->station_id, ==, mc_store_get_office (o.b)->station_id);
    if (mc_event_compare (from_a, from_b) > 0)
      g_assert_cmpstr (a3->phone, ==, "0987654321");
    else
      g_assert_cmpstr (a3->phone, ==, "0977000111");
  }

  b1 = get_dossier (o.a, o.b1);
  g_assert_cmpint (b1->status, ==, MC_STATUS_RESULT_READY);
  g_assert_cmpstr (b1->address, ==, "Thôn Đoài");
  g_assert_cmpint (b1->outcome, ==, MC_DUE_STATE_ON_TIME);

  c2 = get_dossier (o.b, o.c2);
  g_assert_cmpstr (c2->code, ==, OFFICE_CODE "-261124-030001");
  g_assert_cmpstr (c2->phone, ==, "0345678901");

  /* The codes of the day stay distinct per station after the exchange: the next on A is A's own. */
  set_now ("2026-11-26T10:00");
  {
    g_autoptr(McDossier) next = intake (o.a, "1.004873", "Mai Văn Phúc", NULL, "2026-11-23T17:00");

    g_assert_cmpstr (next->code, ==, OFFICE_CODE "-261123-010004");
  }
}

/* A fresh replica fed the same events in random orders and random batches gets the same tables. */
static void
test_shuffled_replicas (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Office) o = { 0 };
  g_auto(Snapshot) expected = { 0 };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  office_build (fixture, &o);
  snapshot_take (&expected, o.b);
  events = all_events (o.a);

  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *name = g_strdup_printf ("replica-%u.db", round);
      g_autoptr(McStore) replica = open_replica (fixture, name);
      g_autoptr(GPtrArray) order = copy_events (events);
      g_auto(Snapshot) got = { 0 };
      guint start = 0;

      shuffle (order, rand);
      /* Round 0: one batch; later rounds: random batches, so that a dossier's steps can come before its receipt
       * and the catalogue after the dossiers. */
      while (start < order->len)
        {
          guint len = round == 0 ? order->len : (guint) g_rand_int_range (rand, 1, 25);
          g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);

          for (guint i = start; i < MIN (order->len, start + len); i++)
            g_ptr_array_add (batch, mc_event_ref (g_ptr_array_index (order, i)));
          apply_checked (replica, batch, round % 2 == 1);
          start += len;
        }
      g_assert_false (mc_store_is_set_up (replica));
      snapshot_take (&got, replica);
      assert_same_snapshot (&expected, &got);
    }
}

/* The join order: a new station applying the office's events and only then set up. */
static void
test_join_after_exchange (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(McStore) a = NULL;
  g_autoptr(McStore) d = NULL;
  g_autoptr(McProcedure) procedure = NULL;
  g_autoptr(McProcedure) on_d = NULL;
  g_autoptr(McProcedure) on_a = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;

  a = open_station (fixture, "a.db", 1);
  dossier = intake (a, "1.004873", "Đặng Đức Anh", NULL, "2026-11-23T09:10");

  /* The office lengthens a procedure's time limit. */
  set_now ("2026-11-23T12:00");
  procedure = mc_store_get_procedure (a, "1.004873", &error);
  g_assert_no_error (error);
  g_assert_cmpint (procedure->duration, ==, 3);
  procedure->duration = 5;
  g_assert_true (mc_store_set_procedure (a, procedure, &error));
  g_assert_no_error (error);

  /* A new workstation first receives the office's events: it knows the office but is not a station yet. */
  set_now ("2026-11-24T08:00");
  d = open_replica (fixture, "d.db");
  exchange (a, d, 0, 0, TRUE);
  g_assert_false (mc_store_is_set_up (d));
  g_assert_cmpstr (mc_store_get_office (d)->code, ==, OFFICE_CODE);
  setup_station (d, 4);

  /* Setting up the new station must not undo the office's catalogue change. */
  on_d = mc_store_get_procedure (d, "1.004873", &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_d->duration, ==, 5);
  exchange (d, a, 0, 0, TRUE);
  on_a = mc_store_get_procedure (a, "1.004873", &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_a->duration, ==, 5);
  assert_converged (a, d);
}

/* An office closure added on one station while another settles a dossier. */
static void
test_calendar_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(McStore) a = NULL;
  g_autoptr(McStore) b = NULL;
  g_autoptr(McDossier) on_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  a = open_station (fixture, "a.db", 1);
  b = open_station (fixture, "b.db", 2);
  exchange (a, b, 0, 0, FALSE);
  exchange (b, a, 0, 0, FALSE);

  /* B: received Monday, due Thursday 17:00, result ready Thursday 16:00: on time. */
  set_now ("2026-11-26T16:30");
  code = intake_code (b, "1.004873", "Đặng Đức Anh", NULL, "2026-11-23T09:10");
  record (b, code, MC_EVENT_RESULT_READY, payload_new ("at", "2026-11-26T16:00", NULL));
  on_b = get_dossier (b, code);
  g_assert_cmpint (on_b->outcome, ==, MC_DUE_STATE_ON_TIME);

  /* A, not knowing of it: the office was closed on Wednesday. */
  g_assert_true (mc_store_set_calendar_day (a, mc_jdn_from_ymd (2026, 11, 25), MC_DAY_OFFICE_CLOSED,
                                            "Mất điện", &error));
  g_assert_no_error (error);

  exchange (b, a, 0, 0, TRUE);
  exchange (a, b, 0, 0, TRUE);

  /* The stations agree (the design rule), and on each the table agrees with the fold of the events. */
  assert_converged (a, b);
  {
    g_autoptr(GPtrArray) rows_b = all_rows (b);
    g_autoptr(McDossier) folded_b = get_dossier (b, code);
    McDossier *row_b;

    g_assert_cmpuint (rows_b->len, ==, 1);
    row_b = g_ptr_array_index (rows_b, 0);
    g_assert_cmpint (row_b->due, ==, folded_b->due);
    g_assert_cmpint (row_b->outcome, ==, folded_b->outcome);
  }
}

/* mc_dossier_fold directly: any order of the same events folds to the same dossier. */
static void
test_fold_permutations (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Office) o = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autofree char *rich = NULL;
  const char *codes[4];

  office_build (fixture, &o);
  /* Add a richer history to one dossier: a supplement round trip, corrections, an apology, the result. */
  set_now ("2026-11-27T16:00");
  rich = intake_code (o.a, "1.004873", "Cao Thị Quỳnh", "0912000111", "2026-11-24T09:00");
  record (o.a, rich, MC_EVENT_EDITED,
          payload_new ("field", "applicant_name", "value", "cao thị  quỳnh hoa", "reason", "Thiếu tên", NULL));
  record (o.a, rich, MC_EVENT_SUPPLEMENT_REQUESTED,
          payload_new ("reason", "Thiếu ảnh", "at", "2026-11-24T10:00", NULL));
  record (o.a, rich, MC_EVENT_SUPPLEMENT_COMPLETED, payload_new ("at", "2026-11-25T15:30", NULL));
  record (o.a, rich, MC_EVENT_EDITED,
          payload_new ("field", "phone", "value", "0912000222", "reason", "Số mới", NULL));
  record (o.a, rich, MC_EVENT_APOLOGY_ISSUED,
          payload_new ("reason", "Chờ", "new_due", "2026-12-08T17:00", "at", "2026-11-27T09:00", NULL));
  record (o.a, rich, MC_EVENT_RESULT_READY, payload_new ("at", "2026-11-27T15:00", NULL));
  {
    g_autoptr(McDossier) d = get_dossier (o.a, rich);

    g_assert_cmpstr (d->applicant_name, ==, "Cao Thị Quỳnh Hoa");
    g_assert_cmpstr (d->phone, ==, "0912000222");
    g_assert_true (d->has_apology);
    g_assert_cmpint (d->status, ==, MC_STATUS_RESULT_READY);
    g_assert_cmpuint (d->n_events, ==, 7);
    /* Due recomputed from the supplement (Wednesday 15:30, after the cut-off, so counting from Thursday;
     * three working days): Tuesday 17:00. */
    g_assert_cmpint (d->due, ==, t ("2026-12-01T17:00"));
    g_assert_cmpint (d->outcome, ==, MC_DUE_STATE_EARLY);
  }
  codes[0] = rich;
  codes[1] = o.a1;
  codes[2] = o.a2;
  codes[3] = o.a3;

  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = mc_store_get_events (o.a, codes[c], &error);
      g_autoptr(McDossier) stored = get_dossier (o.a, codes[c]);
      g_autofree char *expected = NULL;
      McCalendar *calendar = mc_store_get_calendar (o.a);

      g_assert_no_error (error);
      g_assert_cmpuint (events->len, >=, 3);
      expected = dossier_json (stored, calendar, TRUE);

      for (guint round = 0; round < 50; round++)
        {
          g_autoptr(GPtrArray) order = copy_events (events);
          g_autoptr(McDossier) folded = NULL;
          g_autofree char *json = NULL;

          shuffle (order, rand);
          folded = mc_dossier_fold (order, calendar, MC_SUPPLEMENT_RESTART);
          g_assert_nonnull (folded);
          json = dossier_json (folded, calendar, TRUE);
          g_assert_cmpstr (json, ==, expected);
          g_assert_cmpuint (folded->n_events, ==, events->len);
          g_assert_cmpint (folded->last_lamport, ==, stored->last_lamport);
          g_assert_cmpint (folded->has_apology, ==, stored->has_apology);
          g_assert_cmpint (folded->outcome, ==, stored->outcome);
          /* The caller's array is left as it was given. */
          g_assert_cmpuint (order->len, ==, events->len);
        }

      /* Without its "received" event there is no dossier. */
      {
        g_autoptr(GPtrArray) partial = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);

        for (guint i = 0; i < events->len; i++)
          {
            McEvent *e = g_ptr_array_index (events, i);

            if (!g_str_equal (e->kind, MC_EVENT_RECEIVED))
              g_ptr_array_add (partial, mc_event_ref (e));
          }
        g_assert_null (mc_dossier_fold (partial, calendar, MC_SUPPLEMENT_RESTART));
      }
    }
}

/* A damaged event makes the whole batch fail, and the store stays as it was. */
static void
test_damaged_batch (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Office) o = { 0 };
  g_autoptr(McStore) e = NULL;
  g_autoptr(GPtrArray) source = NULL;
  g_autoptr(JsonNode) payload = payload_new ("at", "2026-11-25T10:00", NULL);
  g_auto(Snapshot) before = { 0 };
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *dossier_uuid = NULL;
  const char *station_id;
  guint n_before;
  McEvent *damaged[8];

  office_build (fixture, &o);
  source = all_events (o.a);
  {
    g_autoptr(McDossier) a1 = get_dossier (o.a, o.a1);
    dossier_uuid = g_strdup (a1->uuid);
  }
  station_id = mc_store_get_office (o.a)->station_id;

  e = open_station (fixture, "e.db", 5);
  exchange (o.b, e, 0, 20, FALSE);   /* some of the office's events already known */
  n_before = count_events (e);
  snapshot_take (&before, e);

  damaged[0] = mc_event_new (uuid, dossier_uuid, station_id, 900, 900, "2026-11-25T10:00:00+07:00", "X",
                             "teleported", payload);
  damaged[1] = mc_event_new (uuid, NULL, station_id, 900, 900, "2026-11-25T10:00:00+07:00", "X",
                             MC_EVENT_RETURNED, payload);
  damaged[2] = mc_event_new (uuid, dossier_uuid, station_id, 900, 900, "2026-11-25T10:00:00+07:00", "X",
                             MC_EVENT_OFFICE_SET, payload);
  damaged[3] = mc_event_new (NULL, dossier_uuid, station_id, 900, 900, "2026-11-25T10:00:00+07:00", "X",
                             MC_EVENT_RETURNED, payload);
  damaged[4] = mc_event_new (uuid, dossier_uuid, station_id, 0, 900, "2026-11-25T10:00:00+07:00", "X",
                             MC_EVENT_RETURNED, payload);
  damaged[5] = mc_event_new (uuid, dossier_uuid, station_id, 900, 0, "2026-11-25T10:00:00+07:00", "X",
                             MC_EVENT_RETURNED, payload);
  damaged[6] = mc_event_new (uuid, dossier_uuid, NULL, 900, 900, "2026-11-25T10:00:00+07:00", "X",
                             MC_EVENT_RETURNED, payload);
  /* Well formed, but it claims a (station, sequence) slot another event holds: found only while inserting. */
  damaged[7] = mc_event_new (uuid, dossier_uuid, station_id, 1, 900, "2026-11-25T10:00:00+07:00", "X",
                             MC_EVENT_RETURNED, payload);

  for (guint k = 0; k < G_N_ELEMENTS (damaged); k++)
    {
      g_autoptr(GPtrArray) batch = copy_events (source);
      g_autoptr(GError) error = NULL;
      g_auto(Snapshot) after = { 0 };
      guint n_new = 12345;

      g_test_message ("damaged event %u", k);
      /* The damaged event last, so that the good ones before it would have been applied. */
      g_ptr_array_add (batch, damaged[k]);
      g_assert_false (mc_store_apply_events (e, batch, &n_new, &error));
      g_assert_nonnull (error);
      if (k < 7)
        g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
      g_assert_cmpuint (n_new, ==, 12345);
      g_assert_cmpuint (count_events (e), ==, n_before);
      snapshot_take (&after, e);
      assert_same_snapshot (&before, &after);
      g_assert_true (mc_store_is_set_up (e));
      g_assert_cmpint (mc_store_get_office (e)->station, ==, 5);
    }

  /* Without the damaged event the same batch goes in. */
  exchange (o.a, e, 0, 0, TRUE);
  exchange (o.b, e, 0, 0, TRUE);
  exchange (o.c, e, 0, 0, TRUE);
  {
    g_auto(Snapshot) got = { 0 };
    g_auto(Snapshot) want = { 0 };

    snapshot_take (&got, e);
    snapshot_take (&want, o.a);
    /* e has its own setup events; the dossiers are the same. */
    g_assert_cmpstr (got.dossiers, ==, want.dossiers);
    g_assert_cmpstr (got.rows, ==, want.rows);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/convergence/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("three-stations", test_three_stations);
  ADD ("shuffled-replicas", test_shuffled_replicas);
  ADD ("fold-permutations", test_fold_permutations);
  ADD ("damaged-batch", test_damaged_batch);
  ADD ("join-after-exchange", test_join_after_exchange);
  ADD ("calendar-change", test_calendar_change);

#undef ADD

  return g_test_run ();
}
