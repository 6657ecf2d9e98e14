/* mc-demo.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-demo"

/* Realistic dossiers for the demo mode and the benchmarks.
 *
 * The office is set up through the store (mc_store_setup), then every dossier's history is built in memory as the
 * events a station would have written (received, supplement requested/completed, refused, stopped, apology,
 * result ready, returned, corrected) and imported with mc_store_apply_events in batches, so the projections,
 * the search index and the due dates are exactly what the store computes. Events are released in the order they
 * happened (a heap keyed by their time), so station_seq and lamport grow with time as on a real station.
 *
 * A fixed seed gives the same dossiers (codes, names, numbers, times, histories); only the station's UUID and
 * the setup's own timestamps, which mc_store_setup makes, differ from one run to the next. */

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "mc-calendar.h"
#include "mc-demo.h"
#include "mc-demo-people.h"
#include "mc-event.h"
#include "mc-identity.h"
#include "mc-time.h"

/* One commune's desk receives about this many dossiers a year; bigger databases are read as a ward of a large
 * city (or a district's aggregate) over at most MAX_YEARS years, with more dossiers a day. */
#define COMMUNE_PER_YEAR 6000
#define MAX_YEARS 20

/*
 * Generator state
 */

typedef struct
{
  McMinute    at;
  guint64     order;         /* ties: the order the steps were planned in */
  char       *dossier_uuid;
  const char *kind;
  JsonNode   *payload;
  const char *clerk;
} Pending;

typedef struct
{
  GRand        *rand;
  McStore      *store;
  McCalendar   *calendar;
  McOffice     *office;         /* held: the batches' writes may make the store read its settings again */

  McDemoPeople  people;
  McDemoTable   procedures;     /* McProcedure *, borrowed from @catalogue */
  GPtrArray    *catalogue;
  GHashTable   *documents;      /* procedure code → JsonNode (required documents) */
  GHashTable   *last_slip;      /* year → the last slip number given that year */
  const char   *clerks[3];

  GArray       *heap;           /* Pending */
  guint64       order;
  gint64        seq;
  gint64        lamport;

  GPtrArray    *batch;          /* McEvent */
  guint         batch_dossiers;
  guint         batch_size;
  guint         n_batches;
  guint64       n_events;
  guint64       n_dossiers;
  double        apply_seconds;
  gint64        started;
  guint64       target;
  McDemoProgress progress;
  gpointer      progress_data;
} Generator;

/*
 * Times
 */

static McMinute
working_later (Generator *gen,
               McMinute   from,
               gint64     minutes)
{
  return mc_calendar_add_working_minutes (gen->calendar, from, MAX (minutes, 1));
}

/*
 * Procedures
 */

/* Share of the desk's work: certifications dominate, then the civil status registrations. */
static double
procedure_weight (const char *code)
{
  static const struct { const char *code; double weight; } weights[] = {
    { "2.000815", 40 },  /* chứng thực bản sao từ bản chính */
    { "2.000884", 16 },  /* chứng thực chữ ký */
    { "1.001193", 7 },   /* khai sinh */
    { "1.004873", 5 },   /* xác nhận tình trạng hôn nhân */
    { "2.000635", 4 },   /* bản sao trích lục hộ tịch */
    { "1.000656", 2.5 }, /* khai tử */
    { "1.000894", 2.5 }, /* kết hôn */
    { "1.004194", 3 },   /* tạm trú */
    { "1.004222", 2 },   /* thường trú */
    { "2.001035", 2 },   /* hợp đồng, giao dịch */
    { "2.000986", 2 },   /* liên thông khai sinh */
    { "LT.KT.01", 0.8 }, /* liên thông khai tử */
    { "2.000908", 1 },   /* bản sao từ sổ gốc */
    { "1.004859", 0.8 }, /* thay đổi, cải chính hộ tịch */
    { "2.001019", 0.4 }, /* di chúc */
    { "2.001406", 0.4 }, /* thỏa thuận phân chia di sản */
  };

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    if (g_str_equal (code, weights[i].code))
      return weights[i].weight;
  return 0.15;
}

/*
 * The heap of planned events
 */

static gboolean
pending_before (const Pending *a,
                const Pending *b)
{
  return a->at < b->at || (a->at == b->at && a->order < b->order);
}

static void
heap_push (Generator  *gen,
           McMinute    at,
           const char *dossier_uuid,
           const char *kind,
           JsonNode   *payload,
           const char *clerk)
{
  Pending p = { at, gen->order++, g_strdup (dossier_uuid), kind, payload, clerk };
  Pending *items;
  guint i;

  g_array_append_val (gen->heap, p);
  items = (Pending *) (void *) gen->heap->data;
  i = gen->heap->len - 1;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      Pending tmp;

      if (!pending_before (&items[i], &items[parent]))
        break;
      tmp = items[i];
      items[i] = items[parent];
      items[parent] = tmp;
      i = parent;
    }
}

static Pending
heap_pop (Generator *gen)
{
  Pending *items = (Pending *) (void *) gen->heap->data;
  Pending top = items[0];
  guint n = gen->heap->len - 1;
  guint i = 0;

  items[0] = items[n];
  g_array_set_size (gen->heap, n);
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      Pending tmp;

      if (l < n && pending_before (&items[l], &items[m]))
        m = l;
      if (r < n && pending_before (&items[r], &items[m]))
        m = r;
      if (m == i)
        break;
      tmp = items[i];
      items[i] = items[m];
      items[m] = tmp;
      i = m;
    }
  return top;
}

static JsonNode *
payload_at (McMinute at)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = mc_time_format_iso_offset (at);

  json_object_set_string_member (object, "at", text);
  json_node_take_object (node, object);
  return node;
}

/*
 * Batches
 */

static gboolean
flush_batch (Generator  *gen,
             GError    **error)
{
  gint64 t0;
  guint added = 0;
  double elapsed;

  if (gen->batch->len == 0)
    return TRUE;
  t0 = g_get_monotonic_time ();
  if (!mc_store_apply_events (gen->store, gen->batch, &added, error))
    return FALSE;
  elapsed = (g_get_monotonic_time () - t0) / 1e6;
  gen->apply_seconds += elapsed;
  gen->n_events += added;
  gen->n_batches++;
  if (added != gen->batch->len)
    g_warning ("%u of %u generated events were already known", gen->batch->len - added, gen->batch->len);
  if (gen->progress != NULL)
    gen->progress (gen->n_dossiers, gen->target, gen->progress_data);
  g_ptr_array_set_size (gen->batch, 0);
  gen->batch_dossiers = 0;
  return TRUE;
}

/* Releases the planned events that happened before @until, in the order they happened. */
static gboolean
release_events (Generator  *gen,
                McMinute    until,
                GError    **error)
{
  while (gen->heap->len > 0 && ((Pending *) (void *) gen->heap->data)[0].at < until)
    {
      Pending p = heap_pop (gen);
      g_autofree char *uuid = _mc_demo_make_uuid (gen->rand, p.at);
      g_autofree char *occurred = mc_time_format_iso_offset (p.at);

      g_ptr_array_add (gen->batch, mc_event_new (uuid, p.dossier_uuid, gen->office->station_id, ++gen->seq,
                                                 ++gen->lamport, occurred, p.clerk, p.kind, p.payload));
      if (g_str_equal (p.kind, MC_EVENT_RECEIVED))
        gen->batch_dossiers++;
      g_free (p.dossier_uuid);
      json_node_unref (p.payload);
      if (gen->batch_dossiers >= gen->batch_size && !flush_batch (gen, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * One dossier
 */

static const char *supplement_reasons[] = {
  "Thiếu bản sao Giấy khai sinh",
  "Giấy tờ tùy thân đã hết hạn, đề nghị bổ sung bản còn hiệu lực",
  "Thiếu giấy xác nhận cư trú",
  "Tờ khai chưa có chữ ký của người yêu cầu",
};

static const char *refusal_reasons[] = {
  "Không thuộc thẩm quyền giải quyết của UBND cấp xã",
  "Bản chính giấy tờ có dấu hiệu bị tẩy xóa, sửa chữa",
  "Người yêu cầu chứng thực không xuất trình được bản chính",
};

static void
plan_dossier (Generator *gen,
              McMinute   received,
              const char *code)
{
  McProcedure *procedure = _mc_demo_table_pick (&gen->procedures, gen->rand);
  const McOfficeHours *hours = mc_calendar_get_hours (gen->calendar);
  gint64 day_minutes = (hours->morning_close - hours->morning_open) + (hours->afternoon_close - hours->afternoon_open);
  int year;
  gboolean female = g_rand_double (gen->rand) < 0.53;
  g_autofree char *uuid = _mc_demo_make_uuid (gen->rand, received);
  g_autofree char *name = _mc_demo_make_name (&gen->people, female);
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *pin = _mc_demo_make_pin (gen->rand);
  g_autofree char *received_iso = mc_time_format_iso_offset (received);
  g_autofree char *proxy_name = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *id_kind = NULL;
  const char *clerk;
  const char *channel;
  int birth_year;
  int slip_number;
  double u;
  McMinute due, t;

  mc_jdn_to_ymd (mc_minute_jdn (received), &year, NULL, NULL);
  clerk = gen->clerks[year < 2012 ? 0 : year < 2020 ? 1 : 2];

  /* Applicants are adults; birth years 1940–2006. */
  {
    int lo = MAX (1940, year - 85);
    int hi = MIN (2006, year - 16);
    birth_year = hi > lo ? g_rand_int_range (gen->rand, lo, hi + 1) : lo;
  }

  /* Most applicants show a 12-digit number; before the chip cards (2016–2021) more of them an old 9-digit CMND. */
  u = g_rand_double (gen->rand);
  if (u < (year < 2016 ? 0.65 : year < 2021 ? 0.80 : 0.94))
    {
      id_number = _mc_demo_make_personal_id (&gen->people, birth_year, female);
      id_kind = "personal_id";
    }
  else if (u < (year < 2021 ? 0.95 : 0.97))
    {
      id_number = _mc_demo_make_old_id (gen->rand);
      id_kind = "old_id_card";
    }
  if (id_number != NULL && !mc_id_number_validate (id_number, birth_year,
                                                   female ? MC_GENDER_FEMALE : MC_GENDER_MALE, NULL, NULL, NULL,
                                                   NULL))
    g_error ("generated an invalid identity number %s (born %d)", id_number, birth_year);
  if (g_rand_double (gen->rand) < (year < 2012 ? 0.45 : 0.8))
    phone = _mc_demo_make_phone (gen->rand);

  u = g_rand_double (gen->rand);
  channel = u < 0.88 ? "in_person" : u < 0.97 ? "online" : "post";
  if (g_rand_double (gen->rand) < 0.05)
    proxy_name = _mc_demo_make_name (&gen->people, g_rand_boolean (gen->rand));

  /* Slips are numbered from 1 each year, as the desk numbers them; receipts come here in time order. */
  slip_number = GPOINTER_TO_INT (g_hash_table_lookup (gen->last_slip, GINT_TO_POINTER (year))) + 1;
  g_hash_table_insert (gen->last_slip, GINT_TO_POINTER (year), GINT_TO_POINTER (slip_number));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "lookup_pin");
  json_builder_add_string_value (builder, pin);
  json_builder_set_member_name (builder, "slip_number");
  json_builder_add_int_value (builder, slip_number);
  json_builder_set_member_name (builder, "control_number");
  json_builder_add_int_value (builder, slip_number);
  json_builder_set_member_name (builder, "received_at");
  json_builder_add_string_value (builder, received_iso);
  json_builder_set_member_name (builder, "procedure");
  mc_procedure_add_snapshot (procedure, builder);
  json_builder_set_member_name (builder, "applicant");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  if (id_number != NULL)
    {
      json_builder_set_member_name (builder, "id_number");
      json_builder_add_string_value (builder, id_number);
      json_builder_set_member_name (builder, "id_kind");
      json_builder_add_string_value (builder, id_kind);
    }
  if (id_number != NULL || g_rand_double (gen->rand) < 0.5)
    {
      json_builder_set_member_name (builder, "birth_year");
      json_builder_add_int_value (builder, birth_year);
    }
  if (phone != NULL)
    {
      json_builder_set_member_name (builder, "phone");
      json_builder_add_string_value (builder, phone);
    }
  if (g_rand_double (gen->rand) < 0.5)
    {
      g_autofree char *address = g_strdup_printf (g_rand_boolean (gen->rand) ? "Thôn %d, xã Tân Lập"
                                                                              : "Tổ dân phố %d, xã Tân Lập",
                                                  g_rand_int_range (gen->rand, 1, 16));
      json_builder_set_member_name (builder, "address");
      json_builder_add_string_value (builder, address);
    }
  json_builder_end_object (builder);
  if (proxy_name != NULL)
    {
      json_builder_set_member_name (builder, "proxy");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, proxy_name);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, channel);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_value (builder, json_node_copy (g_hash_table_lookup (gen->documents, procedure->code)));
  json_builder_set_member_name (builder, "sets");
  json_builder_add_int_value (builder, g_rand_double (gen->rand) < 0.9 ? 1 : g_rand_int_range (gen->rand, 2, 6));
  json_builder_set_member_name (builder, "result_delivery");
  json_builder_add_string_value (builder, g_rand_double (gen->rand) < 0.05 ? "post" : "desk");
  json_builder_end_object (builder);

  heap_push (gen, received, uuid, MC_EVENT_RECEIVED, json_builder_get_root (builder), clerk);
  gen->n_dossiers++;

  due = mc_calendar_compute_due (gen->calendar, received, procedure->unit, procedure->duration, procedure->cutoff);
  t = received;

  /* A correction now and then: the phone number changed. */
  if (g_rand_double (gen->rand) < 0.005)
    {
      McMinute at = working_later (gen, received, g_rand_int_range (gen->rand, 5, 120));
      JsonNode *payload = payload_at (at);
      g_autofree char *value = _mc_demo_make_phone (gen->rand);
      JsonObject *o = json_node_get_object (payload);

      json_object_set_string_member (o, "field", "phone");
      json_object_set_string_member (o, "value", value);
      json_object_set_string_member (o, "reason", "Công dân đổi số điện thoại");
      heap_push (gen, at, uuid, MC_EVENT_EDITED, payload, clerk);
    }

  u = g_rand_double (gen->rand);
  if (u < 0.012)
    {
      McMinute at = working_later (gen, received, g_rand_int_range (gen->rand, 10, 240));
      JsonNode *payload = payload_at (at);

      json_object_set_string_member (json_node_get_object (payload), "reason",
                                     refusal_reasons[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (refusal_reasons))]);
      heap_push (gen, at, uuid, MC_EVENT_REFUSED, payload, clerk);
      return;
    }
  if (u < 0.017)
    {
      McMinute at = working_later (gen, received, g_rand_int_range (gen->rand, 30, 5 * (int) day_minutes));
      JsonNode *payload = payload_at (at);

      json_object_set_string_member (json_node_get_object (payload), "reason", "Công dân xin rút hồ sơ");
      heap_push (gen, at, uuid, MC_EVENT_STOP_REQUESTED, payload, clerk);
      return;
    }

  /* Supplement requests: mostly for procedures that take days. */
  if (g_rand_double (gen->rand) < (procedure->unit == MC_UNIT_SAME_DAY ? 0.01 : 0.06))
    {
      gint64 left = mc_calendar_working_minutes_between (gen->calendar, received, due);
      McMinute asked = working_later (gen, received, g_rand_int_range (gen->rand, 10, (int) MAX (left / 2, 20)));
      JsonNode *payload = payload_at (asked);

      json_object_set_string_member (json_node_get_object (payload), "reason",
                                     supplement_reasons[g_rand_int_range (gen->rand, 0,
                                                                          G_N_ELEMENTS (supplement_reasons))]);
      heap_push (gen, asked, uuid, MC_EVENT_SUPPLEMENT_REQUESTED, payload, clerk);

      if (g_rand_double (gen->rand) < 0.15)
        {
          /* Never came back: stopped a month later. */
          McMinute at = working_later (gen, asked, (gint64) g_rand_int_range (gen->rand, 20, 30) * day_minutes);

          payload = payload_at (at);
          json_object_set_string_member (json_node_get_object (payload), "reason",
                                         "Quá thời hạn bổ sung hồ sơ, công dân không bổ sung");
          heap_push (gen, at, uuid, MC_EVENT_STOP_REQUESTED, payload, clerk);
          return;
        }
      t = working_later (gen, asked, (gint64) g_rand_int_range (gen->rand, 1, 10) * day_minutes);
      heap_push (gen, t, uuid, MC_EVENT_SUPPLEMENT_COMPLETED, payload_at (t), clerk);
      if (gen->office->supplement_mode == MC_SUPPLEMENT_RESUME)
        due = mc_calendar_add_working_minutes (gen->calendar, t,
                                               mc_calendar_working_minutes_between (gen->calendar, asked, due));
      else
        due = mc_calendar_compute_due (gen->calendar, t, procedure->unit, procedure->duration, procedure->cutoff);
    }

  {
    gboolean late = g_rand_double (gen->rand) < 0.025;
    McMinute ready;
    JsonNode *payload;

    if (late)
      {
        if (g_rand_double (gen->rand) < 0.3)
          {
            /* An apology letter with a new appointment, before the deadline. */
            gint64 left = mc_calendar_working_minutes_between (gen->calendar, t, due);
            McMinute at = working_later (gen, t, MAX (left * 3 / 4, 1));
            McMinute new_due = mc_minute_from_jdn (mc_calendar_add_working_days (gen->calendar, mc_minute_jdn (due),
                                                                                 g_rand_int_range (gen->rand, 2, 6)),
                                                   hours->afternoon_close);
            g_autofree char *new_due_text = mc_time_format_iso_offset (new_due);

            if (at < due)
              {
                payload = payload_at (at);
                json_object_set_string_member (json_node_get_object (payload), "new_due", new_due_text);
                json_object_set_string_member (json_node_get_object (payload), "reason",
                                               "Cần xác minh thêm thông tin tại nơi đăng ký trước đây");
                heap_push (gen, at, uuid, MC_EVENT_APOLOGY_ISSUED, payload, clerk);
              }
          }
        ready = working_later (gen, due, g_rand_int_range (gen->rand, 30, 5 * (int) day_minutes));
      }
    else
      {
        gint64 left = mc_calendar_working_minutes_between (gen->calendar, t, due);
        ready = working_later (gen, t, (gint64) (MAX (left, 15) * (0.15 + 0.85 * g_rand_double (gen->rand))));
        if (ready > due)
          ready = due;
      }
    heap_push (gen, ready, uuid, MC_EVENT_RESULT_READY, payload_at (ready), clerk);

    /* A few results are never collected. */
    if (g_rand_double (gen->rand) < 0.02)
      return;
    {
      McMinute returned;

      if (procedure->unit == MC_UNIT_SAME_DAY && g_rand_double (gen->rand) < 0.85)
        returned = working_later (gen, ready, g_rand_int_range (gen->rand, 1, 45));
      else
        returned = working_later (gen, ready, g_rand_int_range (gen->rand, 5, 8 * (int) day_minutes));
      payload = payload_at (returned);
      json_object_set_string_member (json_node_get_object (payload), "receiver", proxy_name ? proxy_name : name);
      heap_push (gen, returned, uuid, MC_EVENT_RETURNED, payload, clerk);
    }
  }
}

/*
 * Days
 */

/* How busy a working day is: Mondays and the weeks before Tết and the school year are the busiest. */
static double
day_weight (Generator *gen,
            int        jdn)
{
  static const double by_month[] = { 1.25, 0.8, 1.0, 1.0, 1.0, 1.05, 1.15, 1.15, 1.0, 1.0, 1.0, 1.1 };
  static const double by_weekday[] = { 0.8, 1.25, 1.05, 1.0, 1.0, 0.9, 0.6 };
  int month;

  mc_jdn_to_ymd (jdn, NULL, &month, NULL);
  return by_month[month - 1] * by_weekday[mc_jdn_weekday (jdn)] * (0.75 + 0.5 * g_rand_double (gen->rand));
}

static McMinute
pick_receipt_time (Generator *gen,
                   int        jdn,
                   gboolean   online)
{
  int minute;

  if (online)
    minute = g_rand_int_range (gen->rand, 6 * 60, 22 * 60);
  else if (g_rand_double (gen->rand) < 0.65)
    minute = g_rand_int_range (gen->rand, 7 * 60 + 30, 11 * 60 + 30);
  else
    minute = g_rand_int_range (gen->rand, 13 * 60, 16 * 60 + 45);
  return mc_minute_from_jdn (jdn, minute);
}

static int
compare_minutes (gconstpointer a,
                 gconstpointer b)
{
  McMinute x = *(const McMinute *) a, y = *(const McMinute *) b;
  return x < y ? -1 : x > y;
}


static void
generator_clear (Generator *gen)
{
  while (gen->heap != NULL && gen->heap->len > 0)
    {
      Pending p = heap_pop (gen);
      g_free (p.dossier_uuid);
      json_node_unref (p.payload);
    }
  g_clear_pointer (&gen->documents, g_hash_table_unref);
  g_clear_pointer (&gen->last_slip, g_hash_table_unref);
  g_clear_pointer (&gen->catalogue, g_ptr_array_unref);
  g_clear_pointer (&gen->batch, g_ptr_array_unref);
  g_clear_pointer (&gen->heap, g_array_unref);
  g_clear_pointer (&gen->office, mc_office_unref);
  _mc_demo_people_clear (&gen->people);
  _mc_demo_table_clear (&gen->procedures);
  g_clear_pointer (&gen->rand, g_rand_free);
}

/**
 * mc_demo_generate:
 * @store: a set-up store (mc_store_setup), normally empty
 * @options: how many dossiers, from which seed, up to which day (#McDemoOptions)
 *
 * Fills @store with realistic dossiers written as the events a station would have recorded: Vietnamese names
 * with the national surname shares, valid identity numbers, the catalogue's procedures in plausible shares,
 * receipts on working days, and histories (supplements, refusals, stops, apologies, results, returns).
 */
gboolean
mc_demo_generate (McStore              *store,
                  const McDemoOptions  *options,
                  McDemoStats          *out_stats,
                  GError              **error)
{
  g_autoptr(GPtrArray) setup_events = NULL;
  g_autoptr(GHashTable) last_by_day = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (McMinute));
  Generator gen = { 0 };
  guint64 n_dossiers;
  int end_jdn, per_year;
  int start_jdn;
  McMinute present = mc_time_now ();
  McMinute horizon;
  double years, total_weight = 0, cumulative = 0;
  guint64 allocated = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->n_dossiers > 0 && options->per_year > 0 && options->batch_size > 0, FALSE);

  n_dossiers = options->n_dossiers;
  end_jdn = options->end_jdn;
  per_year = options->per_year;

  if (!mc_store_is_set_up (store))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_SET_UP, _("Set up the office first"));
      return FALSE;
    }

  gen.started = g_get_monotonic_time ();
  gen.rand = g_rand_new_with_seed (options->seed);
  gen.batch_size = options->batch_size;
  gen.target = n_dossiers;
  gen.progress = options->progress;
  gen.progress_data = options->progress_data;
  _mc_demo_table_init (&gen.procedures, NULL);
  gen.heap = g_array_new (FALSE, FALSE, sizeof (Pending));
  gen.batch = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);
  gen.documents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) json_node_unref);
  gen.last_slip = g_hash_table_new (NULL, NULL);
  if (!_mc_demo_people_init (&gen.people, gen.rand, error))
    goto out;

  gen.store = store;
  gen.calendar = mc_store_get_calendar (store);
  gen.office = mc_store_dup_office (store);
  gen.clerks[0] = "Trần Thị Thu";
  gen.clerks[1] = "Lê Văn Hùng";
  gen.clerks[2] = gen.office->clerk;

  /* Sequence and clock continue after the events already there. */
  setup_events = mc_store_list_events (store, 0, 0, error);
  if (setup_events == NULL)
    goto out;
  for (guint i = 0; i < setup_events->len; i++)
    {
      McEvent *e = g_ptr_array_index (setup_events, i);
      gen.lamport = MAX (gen.lamport, e->lamport);
      if (g_strcmp0 (e->station_id, gen.office->station_id) == 0)
        gen.seq = MAX (gen.seq, e->station_seq);
    }

  gen.catalogue = mc_store_list_procedures (store, error);
  if (gen.catalogue == NULL)
    goto out;
  if (gen.catalogue->len == 0)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_PROCEDURE, _("The procedure catalogue is empty"));
      goto out;
    }
  for (guint i = 0; i < gen.catalogue->len; i++)
    {
      McProcedure *procedure = g_ptr_array_index (gen.catalogue, i);
      _mc_demo_table_add (&gen.procedures, procedure, procedure_weight (procedure->code));
      g_hash_table_insert (gen.documents, procedure->code, mc_procedure_required_documents_to_json (procedure));
    }

  /* Nothing is recorded later than the present: a demo that ends today stops at this minute, and what would
   * happen after it stays in progress, as at a real desk. */
  horizon = MIN (mc_minute_from_jdn (end_jdn + 1, 0), present);

  /* The history: about a commune's yearly volume, at most MAX_YEARS years back. */
  years = (double) n_dossiers / per_year;
  if (years > MAX_YEARS)
    years = MAX_YEARS;
  start_jdn = end_jdn - (int) (years * 365.25);
  if (start_jdn < mc_jdn_from_ymd (MC_TIME_MIN_YEAR + 1, 1, 1))
    start_jdn = mc_jdn_from_ymd (MC_TIME_MIN_YEAR + 1, 1, 1);
  for (int jdn = start_jdn; jdn <= end_jdn; jdn++)
    if (mc_calendar_is_working_day (gen.calendar, jdn))
      {
        double w = day_weight (&gen, jdn);
        g_array_append_val (days, jdn);
        g_array_append_val (weights, w);
        total_weight += w;
      }

  for (guint d = 0; d < days->len; d++)
    {
      int jdn = g_array_index (days, int, d);
      guint64 target, count;
      int y, m, dd;
      char day[7];

      cumulative += g_array_index (weights, double, d);
      target = (guint64) (n_dossiers * (cumulative / total_weight) + 0.5);
      if (d == days->len - 1)
        target = n_dossiers;
      count = target > allocated ? target - allocated : 0;
      allocated = MAX (target, allocated);

      /* The day's receipts in time order, numbered as the desk numbers them. */
      g_array_set_size (times, 0);
      for (guint64 i = 0; i < count; i++)
        {
          McMinute t = pick_receipt_time (&gen, jdn, g_rand_double (gen.rand) < 0.09);
          McMinute day_start = mc_minute_from_jdn (jdn, 0);

          /* Today's receipts fit in the part of the day that has passed, in the same order. */
          if (t >= horizon && horizon > day_start)
            t = day_start + (McMinute) ((double) (t - day_start) * (horizon - day_start - 1) /
                                        (mc_minute_from_jdn (jdn + 1, 0) - day_start));
          g_array_append_val (times, t);
        }
      g_array_sort (times, compare_minutes);
      mc_jdn_to_ymd (jdn, &y, &m, &dd);
      g_snprintf (day, sizeof day, "%02d%02d%02d", y % 100, m, dd);
      for (guint i = 0; i < times->len; i++)
        {
          g_autofree char *code = g_strdup_printf ("%s-%s-%02d%04u", gen.office->code, day, gen.office->station, i + 1);
          plan_dossier (&gen, g_array_index (times, McMinute, i), code);
        }
      if (count > 0)
        g_hash_table_insert (last_by_day, g_strdup (day), GINT_TO_POINTER ((int) count));

      if (!release_events (&gen, MIN (mc_minute_from_jdn (jdn + 1, 0), horizon), error))
        goto out;
    }
  /* What had not happened by the end of the last day (or by now) stays in progress. */
  if (!release_events (&gen, horizon, error) || !flush_batch (&gen, error))
    goto out;
  /* Later intakes on those days continue after the generated numbers. */
  if (!mc_store_raise_day_sequences (store, last_by_day, error) ||
      !mc_store_raise_form_sequences (store, gen.last_slip, error))
    goto out;

  if (out_stats != NULL)
    {
      out_stats->dossiers = gen.n_dossiers;
      out_stats->events = gen.n_events;
      out_stats->batches = gen.n_batches;
      out_stats->apply_seconds = gen.apply_seconds;
      out_stats->start_jdn = start_jdn;
      out_stats->working_days = days->len;
    }
  ok = TRUE;

out:
  generator_clear (&gen);
  return ok;
}
