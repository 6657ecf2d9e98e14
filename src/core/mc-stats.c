/* mc-stats.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "mc-calendar.h"
#include "mc-dossier.h"
#include "mc-event.h"
#include "mc-office.h"
#include "mc-stats.h"
#include "mc-store.h"
#include "mc-time.h"

/*
 * Definitions (docs/reports.md says the same for readers of the reports)
 *
 * The period is [start, end): start = 00:00 of from_jdn, end = 00:00 of the day after to_jdn. A dossier is
 * "closed" at the moment it is settled (the `settled` column: result ready, or returned lacking that step), refused
 * or stopped (the time of the first "refused"/"stop_requested" event in the total order, the one the fold applied).
 *
 * - received:     received in [start, end), split by the channel of intake.
 * - carried_over: received before start and not closed before start ("kỳ trước chuyển sang").
 * - settled:      settled in [start, end), split early / on_time / late by the `outcome` column, which is always
 *                 measured against the original legal due date (an apology's new date changes nothing).
 * - refused, stopped: closed that way in [start, end). They are neither settled nor in progress.
 * - in_progress:  received before end and not closed before end. Split at the reference moment
 *                 ref = MIN (now, end): paused (waiting for a supplement: no deadline runs), overdue (due < ref) or
 *                 on_track (the rest, "trong hạn"). When events after ref changed a dossier (a later supplement,
 *                 result, refusal…), its state at ref is refolded from the events before ref.
 *                 Hence carried_over + received = settled + refused + stopped + in_progress.
 * - on_time_rate = (early + on_time) / settled (undefined when nothing was settled); progress score (QĐ 766
 *                 "Tiến độ giải quyết") = on_time_rate × 20.
 * - apologies:    dossiers whose (single, counted) apology letter was issued in [start, end).
 * - average_working_days: over the dossiers settled in the period, the office time from receipt to settlement
 *                 (mc_calendar_working_minutes_between) divided by the minutes of a working day; time waiting for
 *                 a supplement is included.
 * - digitised_share: of the dossiers received in the period, those with a "digitised" event (at any time);
 *   digitised_components: over those dossiers, the distinct components (documents of the dossier) digitised.
 * - online_share: (online + linked) / received. Linked-service dossiers (liên thông) are filed electronically.
 * - ratings:      each dossier's last "rating_recorded" event (total order), counted in the period its "at" falls
 *                 in. satisfaction_rate = (very satisfied + satisfied) / (ratings other than "declined").
 * - office_code:  when given, only dossiers whose code starts with "<office_code>-".
 */

#define PROGRESS_POINTS 20.0

G_DEFINE_QUARK (mc-stats-error-quark, mc_stats_error)

static const char *rating_names[MC_N_RATINGS] = {
  "very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied", "declined",
};

static const char *rating_labels[MC_N_RATINGS] = {
  "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng", "Không đánh giá",
};

/* The event's time as mc_event_get_time() reads it: the payload's "at" (or "received_at"), else occurred_at. */
#define EVENT_TIME(alias) \
  "COALESCE (mc_minute (json_extract (" alias ".payload, CASE " alias ".kind WHEN 'received' " \
  "THEN '$.received_at' ELSE '$.at' END)), mc_minute (" alias ".occurred_at))"

#define TOTAL_ORDER(alias) alias ".lamport, " alias ".station_id, " alias ".station_seq"

static const char *dossier_sql =
  "SELECT d.uuid, d.procedure_code, d.procedure_name, d.sector, d.channel, d.status, d.received, d.due,"
  "  d.settled, d.outcome, d.has_apology,"
  "  CASE WHEN d.status IN ('refused', 'stopped') THEN"
  "    (SELECT " EVENT_TIME ("e") " FROM event e WHERE e.dossier_uuid = d.uuid"
  "     AND e.kind IN ('refused', 'stop_requested') ORDER BY " TOTAL_ORDER ("e") " LIMIT 1) END,"
  "  CASE WHEN d.has_apology THEN"
  "    (SELECT " EVENT_TIME ("e") " FROM event e WHERE e.dossier_uuid = d.uuid"
  "     AND e.kind = 'apology_issued' ORDER BY " TOTAL_ORDER ("e") " LIMIT 1) END,"
  "  EXISTS (SELECT 1 FROM event e WHERE e.dossier_uuid = d.uuid AND e.kind = 'digitised'),"
  "  EXISTS (SELECT 1 FROM event e WHERE e.dossier_uuid = d.uuid"
  "     AND e.kind IN ('supplement_requested', 'supplement_completed', 'refused', 'stop_requested',"
  "                    'result_ready', 'returned')"
  "     AND " EVENT_TIME ("e") " >= ?3),"
  "  d.on_the_spot,"
  "  (SELECT count (DISTINCT json_extract (e.payload, '$.component')) FROM event e"
  "   WHERE e.dossier_uuid = d.uuid AND e.kind = 'digitised')"
  " FROM dossier d"
  " WHERE d.received < ?2 AND (d.settled IS NULL OR d.settled >= ?1)"
  "   AND (?4 IS NULL OR substr (d.code, 1, length (?4)) = ?4)";

static const char *rating_sql =
  "SELECT e.dossier_uuid, d.procedure_code, d.procedure_name, d.sector, json_extract (e.payload, '$.rating'),"
  "  " EVENT_TIME ("e")
  " FROM event e JOIN dossier d ON d.uuid = e.dossier_uuid"
  " WHERE e.kind = 'rating_recorded' AND (?1 IS NULL OR substr (d.code, 1, length (?1)) = ?1)"
  " ORDER BY e.dossier_uuid, " TOTAL_ORDER ("e");

static const char *events_sql =
  "SELECT uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk, kind, payload"
  " FROM event WHERE dossier_uuid = ?1";

typedef struct
{
  McStore        *store;
  McCalendar     *calendar;
  McSupplementMode mode;
  sqlite3        *db;
  McStats        *stats;
  GHashTable     *procedures;   /* code → McStatsGroup (borrowed from stats->per_procedure) */
  GHashTable     *sectors;      /* name → McStatsGroup */
  McMinute        limit;        /* events before this moment make the state at the reference moment */
} Computation;

/*
 * Auxiliary methods
 */

static void
group_free (gpointer data)
{
  McStatsGroup *group = data;

  g_free (group->key);
  g_free (group->name);
  g_free (group->sector);
  g_free (group);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const McStatsGroup *ga = *(McStatsGroup * const *) a;
  const McStatsGroup *gb = *(McStatsGroup * const *) b;

  return g_utf8_collate (ga->key, gb->key);
}

static void
sql_minute (sqlite3_context *context,
            int              argc,
            sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  McMinute minute;

  if (text != NULL && mc_time_parse (text, &minute, NULL))
    sqlite3_result_int64 (context, minute);
  else
    sqlite3_result_null (context);
}

static gboolean
set_database_error (sqlite3  *db,
                    GError  **error)
{
  g_set_error (error, MC_STATS_ERROR, MC_STATS_ERROR_DATABASE,
               /* Translators: %s is SQLite's own message */
               _("The statistics could not be read from the database: %s"),
               db ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static sqlite3 *
open_database (McStore  *store,
               GError  **error)
{
  const char *path = mc_store_get_path (store);
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_database_error (db, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_create_function (db, "mc_minute", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_minute, NULL,
                               NULL) != SQLITE_OK)
    {
      set_database_error (db, error);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static McMinute
column_minute (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return MC_MINUTE_NONE;
  return sqlite3_column_int64 (stmt, column);
}

static McStatsGroup *
lookup_group (GHashTable  *table,
              GPtrArray   *array,
              const char  *key,
              const char  *name,
              const char  *sector)
{
  McStatsGroup *group = g_hash_table_lookup (table, key);

  if (group == NULL)
    {
      group = g_new0 (McStatsGroup, 1);
      group->key = g_strdup (key);
      group->name = g_strdup (name ? name : key);
      group->sector = sector ? g_strdup (sector) : NULL;
      g_ptr_array_add (array, group);
      g_hash_table_insert (table, group->key, group);
    }
  return group;
}

/* The three sets of figures a dossier counts in: the whole, its procedure and its sector. */
static void
targets_for (Computation     *c,
             const char      *procedure_code,
             const char      *procedure_name,
             const char      *sector,
             McStatsFigures **targets)
{
  const char *sector_key = sector ? sector : "";

  targets[0] = &c->stats->overall;
  targets[1] = &lookup_group (c->procedures, c->stats->per_procedure, procedure_code ? procedure_code : "",
                              procedure_name, sector)->figures;
  targets[2] = &lookup_group (c->sectors, c->stats->per_sector, sector_key, sector_key, NULL)->figures;
}

#define COUNT(targets, field) G_STMT_START { for (guint t_ = 0; t_ < 3; t_++) (targets)[t_]->field++; } G_STMT_END

static McMinute
event_time (McEvent *event)
{
  return mc_event_get_time (event, g_str_equal (event->kind, MC_EVENT_RECEIVED) ? "received_at" : "at");
}

/* The dossier as it stood just before c->limit, folded from the events before it. */
static McDossier *
fold_before_limit (Computation  *c,
                   const char   *uuid,
                   GError      **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (c->db, events_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_database_error (c->db, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) payload = json_from_string (column_text (stmt, 8), NULL);
      g_autoptr(McEvent) event = NULL;
      McMinute at;

      if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
        continue;
      event = mc_event_new (column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2),
                            sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4),
                            column_text (stmt, 5), column_text (stmt, 6), column_text (stmt, 7), payload);
      at = event_time (event);
      if (at != MC_MINUTE_NONE && at < c->limit)
        g_ptr_array_add (events, g_steal_pointer (&event));
    }
  if (rc != SQLITE_DONE)
    set_database_error (c->db, error);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return mc_dossier_fold (events, c->calendar, c->mode);
}

static gboolean
count_dossiers (Computation  *c,
                GError      **error)
{
  McStats *s = c->stats;
  g_autofree char *prefix = s->office_code ? g_strconcat (s->office_code, "-", NULL) : NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (c->db, dossier_sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_database_error (c->db, error);
  sqlite3_bind_int64 (stmt, 1, s->start);
  sqlite3_bind_int64 (stmt, 2, s->end);
  sqlite3_bind_int64 (stmt, 3, c->limit);
  if (prefix)
    sqlite3_bind_text (stmt, 4, prefix, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = column_text (stmt, 0);
      const char *outcome = column_text (stmt, 9);
      McStatsFigures *t[3];
      McStatus status = MC_STATUS_IN_PROGRESS;
      McChannel channel = MC_CHANNEL_IN_PERSON;
      McMinute received = column_minute (stmt, 6);
      McMinute due = column_minute (stmt, 7);
      McMinute settled = column_minute (stmt, 8);
      McMinute closed_at = column_minute (stmt, 11);
      McMinute apology_at = column_minute (stmt, 12);
      gboolean digitised = sqlite3_column_int (stmt, 13) != 0;
      gboolean changed_after = sqlite3_column_int (stmt, 14) != 0;
      gboolean has_apology = sqlite3_column_int (stmt, 10) != 0;
      gboolean on_the_spot = sqlite3_column_int (stmt, 15) != 0;
      guint digitised_components = (guint) sqlite3_column_int (stmt, 16);
      gboolean terminated;

      mc_status_from_string (column_text (stmt, 5), &status);
      mc_channel_from_string (column_text (stmt, 4), &channel);
      terminated = status == MC_STATUS_REFUSED || status == MC_STATUS_STOPPED;
      if (terminated && closed_at == MC_MINUTE_NONE)
        closed_at = received;
      if (!terminated)
        closed_at = settled;   /* MC_MINUTE_NONE while open */

      /* Closed before the period: nothing to count (settled ones are already filtered out by the query). */
      if (closed_at != MC_MINUTE_NONE && closed_at < s->start)
        continue;

      targets_for (c, column_text (stmt, 1), column_text (stmt, 2), column_text (stmt, 3), t);

      if (received < s->start)
        COUNT (t, carried_over);
      else
        {
          COUNT (t, received);
          COUNT (t, received_by_channel[channel]);
          if (digitised)
            COUNT (t, digitised);
          for (guint t_ = 0; t_ < 3; t_++)
            t[t_]->digitised_components += digitised_components;
        }

      if (apology_at != MC_MINUTE_NONE && apology_at >= s->start && apology_at < s->end)
        COUNT (t, apologies);

      if (closed_at != MC_MINUTE_NONE && closed_at < s->end)
        {
          if (status == MC_STATUS_REFUSED)
            COUNT (t, refused);
          else if (status == MC_STATUS_STOPPED)
            COUNT (t, stopped);
          else
            {
              gint64 minutes = mc_calendar_working_minutes_between (c->calendar, received, settled);

              COUNT (t, settled);
              if (on_the_spot)
                COUNT (t, settled_on_the_spot);
              if (g_strcmp0 (outcome, "early") == 0)
                COUNT (t, early);
              else if (g_strcmp0 (outcome, "on_time") == 0)
                COUNT (t, on_time);
              else
                {
                  COUNT (t, late);
                  if (has_apology)
                    COUNT (t, late_with_apology);
                }
              for (guint i = 0; i < 3; i++)
                t[i]->working_minutes += minutes;
            }
          continue;
        }

      /* In progress at the end of the period: its state at the reference moment. */
      COUNT (t, in_progress);
      if (changed_after)
        {
          g_autoptr(McDossier) then = fold_before_limit (c, uuid, error);

          if (then == NULL && error && *error)
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
          if (then != NULL)
            {
              status = then->status;
              due = then->due;
            }
        }
      if (status == MC_STATUS_PAUSED)
        COUNT (t, paused);
      else if (due != MC_MINUTE_NONE && due < s->reference)
        {
          COUNT (t, overdue);
          if (apology_at != MC_MINUTE_NONE && apology_at < s->reference)
            COUNT (t, overdue_with_apology);
        }
      else
        COUNT (t, on_track);
    }
  if (rc != SQLITE_DONE)
    set_database_error (c->db, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static void
count_rating (Computation *c,
              const char  *procedure_code,
              const char  *procedure_name,
              const char  *sector,
              const char  *rating_text,
              McMinute     at)
{
  McStatsFigures *t[3];
  McRating rating;

  if (at == MC_MINUTE_NONE || at < c->stats->start || at >= c->stats->end ||
      !mc_rating_from_string (rating_text, &rating))
    return;
  targets_for (c, procedure_code, procedure_name, sector, t);
  COUNT (t, ratings[rating]);
}

static gboolean
count_ratings (Computation  *c,
               GError      **error)
{
  McStats *s = c->stats;
  g_autofree char *prefix = s->office_code ? g_strconcat (s->office_code, "-", NULL) : NULL;
  g_autofree char *last_uuid = NULL;
  g_autofree char *last_code = NULL;
  g_autofree char *last_name = NULL;
  g_autofree char *last_sector = NULL;
  g_autofree char *last_rating = NULL;
  McMinute last_at = MC_MINUTE_NONE;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (c->db, rating_sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_database_error (c->db, error);
  if (prefix)
    sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);

  /* Rows come grouped by dossier in the total order: the last row of each group is the rating that stands. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = column_text (stmt, 0);

      if (last_uuid != NULL && g_strcmp0 (uuid, last_uuid) != 0)
        count_rating (c, last_code, last_name, last_sector, last_rating, last_at);
      g_free (last_uuid);
      last_uuid = g_strdup (uuid);
      g_free (last_code);
      last_code = g_strdup (column_text (stmt, 1));
      g_free (last_name);
      last_name = g_strdup (column_text (stmt, 2));
      g_free (last_sector);
      last_sector = g_strdup (column_text (stmt, 3));
      g_free (last_rating);
      last_rating = g_strdup (column_text (stmt, 4));
      last_at = column_minute (stmt, 5);
    }
  if (rc == SQLITE_DONE && last_uuid != NULL)
    count_rating (c, last_code, last_name, last_sector, last_rating, last_at);
  if (rc != SQLITE_DONE)
    set_database_error (c->db, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static void
add_ratio (JsonBuilder *builder,
           const char  *name,
           double       value)
{
  json_builder_set_member_name (builder, name);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_figures (JsonBuilder          *builder,
             const McStatsFigures *f,
             int                   minutes_per_day)
{
  guint rated = 0;

  add_count (builder, "carried_over", f->carried_over);
  add_count (builder, "received", f->received);
  json_builder_set_member_name (builder, "received_by_channel");
  json_builder_begin_object (builder);
  add_count (builder, "in_person", f->received_by_channel[MC_CHANNEL_IN_PERSON]);
  add_count (builder, "post", f->received_by_channel[MC_CHANNEL_POST]);
  add_count (builder, "online", f->received_by_channel[MC_CHANNEL_ONLINE]);
  add_count (builder, "linked", f->received_by_channel[MC_CHANNEL_LINKED]);
  json_builder_end_object (builder);
  add_count (builder, "settled", f->settled);
  add_count (builder, "early", f->early);
  add_count (builder, "on_time", f->on_time);
  add_count (builder, "late", f->late);
  add_ratio (builder, "on_time_rate", mc_stats_figures_on_time_rate (f));
  add_count (builder, "refused", f->refused);
  add_count (builder, "stopped", f->stopped);
  add_count (builder, "in_progress", f->in_progress);
  add_count (builder, "on_track", f->on_track);
  add_count (builder, "overdue", f->overdue);
  add_count (builder, "paused", f->paused);
  add_count (builder, "apologies", f->apologies);
  add_count (builder, "settled_on_the_spot", f->settled_on_the_spot);
  add_ratio (builder, "on_the_spot_share", f->settled > 0 ? (double) f->settled_on_the_spot / f->settled : -1);
  add_count (builder, "late_with_apology", f->late_with_apology);
  add_count (builder, "overdue_with_apology", f->overdue_with_apology);
  add_ratio (builder, "apology_coverage", mc_stats_figures_apology_coverage (f));
  add_ratio (builder, "average_working_days", mc_stats_figures_average_working_days (f, minutes_per_day));
  add_count (builder, "digitised", f->digitised);
  add_count (builder, "digitised_components", f->digitised_components);
  add_ratio (builder, "digitised_share", mc_stats_figures_digitised_share (f));
  add_ratio (builder, "online_share", mc_stats_figures_online_share (f));
  add_ratio (builder, "progress_score", mc_stats_figures_progress_score (f));

  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < MC_N_RATINGS; i++)
    {
      add_count (builder, rating_names[i], f->ratings[i]);
      if (i != MC_RATING_DECLINED)
        rated += f->ratings[i];
    }
  add_count (builder, "rated", rated);
  add_ratio (builder, "satisfaction_rate", mc_stats_figures_satisfaction_rate (f));
  json_builder_end_object (builder);
}

/*
 * Public API
 */

const char *
mc_rating_to_string (McRating rating)
{
  g_return_val_if_fail (rating < MC_N_RATINGS, NULL);
  return rating_names[rating];
}

gboolean
mc_rating_from_string (const char *text,
                       McRating   *out)
{
  for (guint i = 0; text != NULL && i < MC_N_RATINGS; i++)
    if (strcmp (text, rating_names[i]) == 0)
      {
        if (out)
          *out = (McRating) i;
        return TRUE;
      }
  return FALSE;
}

/* The five levels of the satisfaction survey (and "declined"), as printed: Vietnamese whatever the UI language. */
const char *
mc_rating_label_vietnamese (McRating rating)
{
  g_return_val_if_fail (rating < MC_N_RATINGS, NULL);
  return rating_labels[rating];
}

double
mc_stats_figures_on_time_rate (const McStatsFigures *f)
{
  g_return_val_if_fail (f != NULL, -1);
  return f->settled > 0 ? (double) (f->early + f->on_time) / f->settled : -1;
}

/* Late (settled late, or overdue at the reference moment) dossiers that received an apology letter, among all
 * of them: offices are told to keep it at 100%. */
double
mc_stats_figures_apology_coverage (const McStatsFigures *f)
{
  guint late;

  g_return_val_if_fail (f != NULL, -1);
  late = f->late + f->overdue;
  return late > 0 ? (double) (f->late_with_apology + f->overdue_with_apology) / late : -1;
}

double
mc_stats_figures_progress_score (const McStatsFigures *f)
{
  double rate = mc_stats_figures_on_time_rate (f);

  return rate < 0 ? -1 : rate * PROGRESS_POINTS;
}

double
mc_stats_figures_average_working_days (const McStatsFigures *f,
                                       int                   minutes_per_day)
{
  g_return_val_if_fail (f != NULL, -1);
  if (f->settled == 0 || minutes_per_day <= 0)
    return -1;
  return (double) f->working_minutes / minutes_per_day / f->settled;
}

double
mc_stats_figures_digitised_share (const McStatsFigures *f)
{
  g_return_val_if_fail (f != NULL, -1);
  return f->received > 0 ? (double) f->digitised / f->received : -1;
}

double
mc_stats_figures_online_share (const McStatsFigures *f)
{
  g_return_val_if_fail (f != NULL, -1);
  if (f->received == 0)
    return -1;
  return (double) (f->received_by_channel[MC_CHANNEL_ONLINE] + f->received_by_channel[MC_CHANNEL_LINKED]) /
         f->received;
}

double
mc_stats_figures_satisfaction_rate (const McStatsFigures *f)
{
  guint rated;

  g_return_val_if_fail (f != NULL, -1);
  rated = f->ratings[MC_RATING_VERY_SATISFIED] + f->ratings[MC_RATING_SATISFIED] + f->ratings[MC_RATING_NEUTRAL] +
          f->ratings[MC_RATING_DISSATISFIED] + f->ratings[MC_RATING_VERY_DISSATISFIED];
  if (rated == 0)
    return -1;
  return (double) (f->ratings[MC_RATING_VERY_SATISFIED] + f->ratings[MC_RATING_SATISFIED]) / rated;
}

void
mc_stats_free (McStats *self)
{
  if (self == NULL)
    return;
  g_free (self->office_code);
  g_clear_pointer (&self->per_procedure, g_ptr_array_unref);
  g_clear_pointer (&self->per_sector, g_ptr_array_unref);
  g_free (self);
}

/**
 * mc_stats_compute:
 * @store: an open, set-up store (only its path and calendar are used)
 * @from_jdn: the first day of the period
 * @to_jdn: the last day of the period (inclusive)
 * @now: the present moment; in-progress dossiers are split on track / overdue at MIN (@now, end of the period)
 * @office_code: (nullable): only the dossiers whose code starts with "<office_code>-"; %NULL for all
 *
 * Computes the period's figures overall, per procedure and per sector (definitions at the top of this file and
 * in docs/reports.md). Reads through its own read-only SQLite connection, so the store's connection is never
 * touched; the store's calendar must not change while this runs.
 *
 * Returns: (transfer full): the statistics, free with mc_stats_free()
 */
McStats *
mc_stats_compute (McStore     *store,
                  int          from_jdn,
                  int          to_jdn,
                  McMinute     now,
                  const char  *office_code,
                  GError     **error)
{
  g_autoptr(McStats) stats = NULL;
  g_autoptr(GHashTable) procedures = NULL;
  g_autoptr(GHashTable) sectors = NULL;
  const McOfficeHours *hours;
  const McOffice *office;
  Computation c = { 0 };
  gboolean ok;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (to_jdn < from_jdn)
    {
      g_set_error_literal (error, MC_STATS_ERROR, MC_STATS_ERROR_INVALID_PERIOD,
                           _("The end of the period is before its start"));
      return NULL;
    }
  if (!mc_store_is_set_up (store))
    {
      g_set_error_literal (error, MC_STATS_ERROR, MC_STATS_ERROR_DATABASE,
                           _("This database has no office yet: set it up first"));
      return NULL;
    }

  stats = g_new0 (McStats, 1);
  stats->from_jdn = from_jdn;
  stats->to_jdn = to_jdn;
  stats->start = mc_minute_from_jdn (from_jdn, 0);
  stats->end = mc_minute_from_jdn (to_jdn + 1, 0);
  stats->reference = MIN (now, stats->end);
  stats->office_code = office_code && *office_code ? g_strdup (office_code) : NULL;
  stats->per_procedure = g_ptr_array_new_with_free_func (group_free);
  stats->per_sector = g_ptr_array_new_with_free_func (group_free);

  c.store = store;
  c.calendar = mc_store_get_calendar (store);
  office = mc_store_get_office (store);
  c.mode = office ? office->supplement_mode : MC_SUPPLEMENT_RESTART;
  c.stats = stats;
  /* The state "at now" includes what happened at now; "at the end" is everything before the end. */
  c.limit = now < stats->end ? now + 1 : stats->end;
  hours = mc_calendar_get_hours (c.calendar);
  stats->minutes_per_day = (hours->morning_close - hours->morning_open) +
                           (hours->afternoon_close - hours->afternoon_open);

  c.db = open_database (store, error);
  if (c.db == NULL)
    return NULL;
  procedures = g_hash_table_new (g_str_hash, g_str_equal);
  sectors = g_hash_table_new (g_str_hash, g_str_equal);
  c.procedures = procedures;
  c.sectors = sectors;

  /* One read transaction: both queries see the same snapshot even while a clerk keeps working. */
  ok = sqlite3_exec (c.db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK || set_database_error (c.db, error);
  ok = ok && count_dossiers (&c, error) && count_ratings (&c, error);
  sqlite3_exec (c.db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (c.db);
  if (!ok)
    return NULL;

  g_ptr_array_sort (stats->per_procedure, compare_groups);
  g_ptr_array_sort (stats->per_sector, compare_groups);
  return g_steal_pointer (&stats);
}

/**
 * mc_stats_to_json:
 *
 * Adds one object: the period ("from", "to" as YYYY-MM-DD, "reference" with its offset, "office"), the overall
 * figures as top-level members ("received", "settled", "early", "on_time", "late", "on_time_rate", "in_progress",
 * "overdue", …), then "per_procedure" ({"code", "name", "sector", figures…}) and "per_sector" ({"sector",
 * figures…}). Rates and averages are numbers, or null when undefined (nothing settled, received or rated).
 */
void
mc_stats_to_json (McStats     *self,
                  JsonBuilder *builder)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *reference = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (JSON_IS_BUILDER (builder));

  from = mc_date_format_iso (self->from_jdn);
  to = mc_date_format_iso (self->to_jdn);
  reference = mc_time_format_iso_offset (self->reference);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, reference);
  json_builder_set_member_name (builder, "office");
  if (self->office_code)
    json_builder_add_string_value (builder, self->office_code);
  else
    json_builder_add_null_value (builder);
  add_figures (builder, &self->overall, self->minutes_per_day);

  json_builder_set_member_name (builder, "per_procedure");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->per_procedure->len; i++)
    {
      McStatsGroup *group = g_ptr_array_index (self->per_procedure, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, group->key);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, group->name);
      json_builder_set_member_name (builder, "sector");
      json_builder_add_string_value (builder, group->sector ? group->sector : "");
      add_figures (builder, &group->figures, self->minutes_per_day);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "per_sector");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->per_sector->len; i++)
    {
      McStatsGroup *group = g_ptr_array_index (self->per_sector, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sector");
      json_builder_add_string_value (builder, group->key);
      add_figures (builder, &group->figures, self->minutes_per_day);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}
