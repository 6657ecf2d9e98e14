/* mc-stats.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-calendar.h"
#include "mc-dossier.h"
#include "mc-stats.h"
#include "mc-store-private.h"
#include "mc-time.h"

/*
 * Definitions (docs/reports.md says the same for readers of the reports)
 *
 * The period is [start, end): start = 00:00 of from_jdn, end = 00:00 of the day after to_jdn. A dossier is
 * "closed" at the moment it is settled (the `settled` column: result ready, or returned lacking that step), refused,
 * stopped or transferred (the time of the first "refused"/"stop_requested"/"transferred" event in the total order,
 * the one the fold applied).
 *
 * - received:     received in [start, end), split by the channel of intake.
 * - carried_over: received before start and not closed before start ("kỳ trước chuyển sang").
 * - settled:      settled in [start, end), split early / on_time / late by the `outcome` column, which is always
 *                 measured against the original legal due date (an apology's new date changes nothing).
 * - refused, stopped, transferred: closed that way in [start, end). They are neither settled nor in progress:
 *                 a dossier transferred to another competent body is counted apart.
 * - in_progress:  received before end and not closed before end. Split at the reference moment
 *                 ref = MIN (now, end): paused (waiting for a supplement: no deadline runs), overdue (due < ref) or
 *                 on_track (the rest, "trong hạn"). When events after ref changed a dossier (a later supplement,
 *                 result, refusal…), its state at ref is refolded from the events before ref.
 *                 Hence carried_over + received = settled + refused + stopped + transferred
 *                 + in_progress.
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

typedef struct
{
  McStore        *store;
  McCalendar     *calendar;
  McStats        *stats;
  GHashTable     *procedures;   /* code → McStatsGroup (borrowed from stats->per_procedure) */
  GHashTable     *sectors;      /* name → McStatsGroup */
  McStoreStatsScope scope;     /* the period, and the dossiers of one office or all */
  char           *prefix;       /* owns scope.code_prefix: "<office code>-", or NULL for all offices */
  /* The rating that stands so far for the dossier being read (the last one in the total order). */
  char           *rating_uuid;
  char           *rating_code;
  char           *rating_name;
  char           *rating_sector;
  char           *rating;
  McMinute        rating_at;
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

/* A failure of the store, said as the statistics'. */
static gboolean
database_failed (GError **error,
                 GError  *cause)
{
  g_set_error (error, MC_STATS_ERROR, MC_STATS_ERROR_DATABASE,
               /* Translators: %s is the database's own message */
               _("The statistics could not be read from the database: %s"), cause->message);
  return FALSE;
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

/* One dossier of the period, into the figures it counts in. */
static gboolean
count_dossier (const McStoreStatsRow  *row,
               gpointer                data,
               GError                **error)
{
  Computation *c = data;
  McStats *s = c->stats;
  McStatsFigures *t[3];
  McStatus status = row->status;
  McMinute due = row->due;
  McMinute closed_at = row->ended;
  gboolean terminated = status == MC_STATUS_REFUSED || status == MC_STATUS_STOPPED ||
                        status == MC_STATUS_TRANSFERRED;

  if (terminated && closed_at == MC_MINUTE_NONE)
    closed_at = row->received;
  if (!terminated)
    closed_at = row->settled;   /* MC_MINUTE_NONE while open */

  /* Closed before the period: nothing to count (settled ones are already filtered out by the query). */
  if (closed_at != MC_MINUTE_NONE && closed_at < s->start)
    return TRUE;

  targets_for (c, row->procedure_code, row->procedure_name, row->sector, t);

  if (row->received < s->start)
    COUNT (t, carried_over);
  else
    {
      COUNT (t, received);
      COUNT (t, received_by_channel[row->channel]);
      if (row->digitised)
        COUNT (t, digitised);
      for (guint t_ = 0; t_ < 3; t_++)
        t[t_]->digitised_components += row->digitised_components;
    }

  if (row->apology_at != MC_MINUTE_NONE && row->apology_at >= s->start && row->apology_at < s->end)
    COUNT (t, apologies);

  if (closed_at != MC_MINUTE_NONE && closed_at < s->end)
    {
      if (status == MC_STATUS_REFUSED)
        COUNT (t, refused);
      else if (status == MC_STATUS_STOPPED)
        COUNT (t, stopped);
      else if (status == MC_STATUS_TRANSFERRED)
        COUNT (t, transferred);
      else
        {
          gint64 minutes = mc_calendar_working_minutes_between (c->calendar, row->received, row->settled);

          COUNT (t, settled);
          if (row->on_the_spot)
            COUNT (t, settled_on_the_spot);
          if (row->outcome == MC_DUE_STATE_EARLY)
            COUNT (t, early);
          else if (row->outcome == MC_DUE_STATE_ON_TIME)
            COUNT (t, on_time);
          else
            {
              COUNT (t, late);
              if (row->has_apology)
                COUNT (t, late_with_apology);
            }
          for (guint i = 0; i < 3; i++)
            t[i]->working_minutes += minutes;
        }
      return TRUE;
    }

  /* In progress at the end of the period: its state at the reference moment. */
  COUNT (t, in_progress);
  if (row->changed_after)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(McDossier) then = _mc_store_fold_before (c->store, row->uuid, c->scope.limit, &local_error);

      if (local_error != NULL)
        return database_failed (error, local_error);
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
      if (row->apology_at != MC_MINUTE_NONE && row->apology_at < s->reference)
        COUNT (t, overdue_with_apology);
    }
  else
    COUNT (t, on_track);
  return TRUE;
}

/* The rating that stood for the dossier last read, into the period's figures when it was given in the period. */
static void
count_standing_rating (Computation *c)
{
  McStatsFigures *t[3];
  McRating rating;

  if (c->rating_uuid == NULL || c->rating_at == MC_MINUTE_NONE || c->rating_at < c->stats->start ||
      c->rating_at >= c->stats->end || !mc_rating_from_string (c->rating, &rating))
    return;
  targets_for (c, c->rating_code, c->rating_name, c->rating_sector, t);
  COUNT (t, ratings[rating]);
}

/* Ratings come grouped by dossier in the total order: the last of each group is the one that stands. */
static gboolean
count_rating (const McStoreRatingRow  *row,
              gpointer                 data,
              GError                 **error)
{
  Computation *c = data;

  if (c->rating_uuid != NULL && g_strcmp0 (row->dossier_uuid, c->rating_uuid) != 0)
    count_standing_rating (c);
  g_free (c->rating_uuid);
  c->rating_uuid = g_strdup (row->dossier_uuid);
  g_free (c->rating_code);
  c->rating_code = g_strdup (row->procedure_code);
  g_free (c->rating_name);
  c->rating_name = g_strdup (row->procedure_name);
  g_free (c->rating_sector);
  c->rating_sector = g_strdup (row->sector);
  g_free (c->rating);
  c->rating = g_strdup (row->rating);
  c->rating_at = row->at;
  return TRUE;
}

/* A payment, a refund or an exemption, into the figures of the whole, its procedure and its sector. */
static gboolean
count_fee (const McStoreFeeRow  *row,
           gpointer              data,
           GError              **error)
{
  Computation *c = data;
  McStatsFigures *t[3];

  targets_for (c, row->procedure_code, row->procedure_name, row->sector, t);
  for (guint i = 0; i < 3; i++)
    {
      if (g_str_equal (row->kind, "payment"))
        {
          t[i]->fees_collected += row->amount;
          t[i]->fee_payments++;
          t[i]->fee_payments_online += row->online;
        }
      else if (g_str_equal (row->kind, "refund"))
        t[i]->fees_refunded += row->amount;
      else
        t[i]->fees_exempted += row->amount;
    }
  return TRUE;
}

/* Both walks in one read transaction: they see the same state of the file even while a clerk keeps working. */
static gboolean
read_figures (McStore   *store,
              gpointer   data,
              GError   **error)
{
  Computation *c = data;
  g_autoptr(GError) local_error = NULL;

  if (!_mc_store_foreach_stats_row (store, &c->scope, count_dossier, c, &local_error) ||
      !_mc_store_foreach_rating (store, &c->scope, count_rating, c, &local_error) ||
      !_mc_store_foreach_fee_row (store, &c->scope, count_fee, c, &local_error))
    {
      if (local_error->domain == MC_STATS_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        database_failed (error, local_error);
      return FALSE;
    }
  count_standing_rating (c);
  return TRUE;
}

static void
computation_clear (Computation *c)
{
  g_clear_pointer (&c->procedures, g_hash_table_unref);
  g_clear_pointer (&c->sectors, g_hash_table_unref);
  g_clear_pointer (&c->prefix, g_free);
  g_clear_pointer (&c->rating_uuid, g_free);
  g_clear_pointer (&c->rating_code, g_free);
  g_clear_pointer (&c->rating_name, g_free);
  g_clear_pointer (&c->rating_sector, g_free);
  g_clear_pointer (&c->rating, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Computation, computation_clear)

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
  add_count (builder, "transferred", f->transferred);
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
  json_builder_set_member_name (builder, "fees_collected");
  json_builder_add_int_value (builder, f->fees_collected);
  json_builder_set_member_name (builder, "fees_refunded");
  json_builder_add_int_value (builder, f->fees_refunded);
  json_builder_set_member_name (builder, "fees_net");
  json_builder_add_int_value (builder, f->fees_collected - f->fees_refunded);
  json_builder_set_member_name (builder, "fees_exempted");
  json_builder_add_int_value (builder, f->fees_exempted);
  add_count (builder, "fee_payments", f->fee_payments);
  add_count (builder, "fee_payments_online", f->fee_payments_online);
  add_ratio (builder, "fee_online_share", mc_stats_figures_fee_online_share (f));

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

/* The Alerts page showed the share among the rows it listed, by their due state (which an apology's new date
 * moves out of "overdue"), while Reports counted every late or overdue dossier against its original date: one
 * dossier could be covered in one and missing from the other.  Both now read the same figures. */
gboolean
mc_stats_apology_coverage_now (McStore            *store,
                               McMinute            now,
                               McApologyCoverage  *coverage,
                               GError            **error)
{
  g_autoptr(McStats) stats = NULL;
  const McStatsFigures *f;
  int today = mc_minute_jdn (now);

  g_return_val_if_fail (coverage != NULL, FALSE);

  stats = mc_stats_compute (store, today, today, now, NULL, error);
  if (stats == NULL)
    return FALSE;
  f = &stats->overall;
  coverage->late_or_overdue = f->late + f->overdue;
  coverage->without_letter = coverage->late_or_overdue - f->late_with_apology - f->overdue_with_apology;
  coverage->coverage = mc_stats_figures_apology_coverage (f);
  return TRUE;
}

/* A share as both pages print it: "25.00%", or "—" when not defined. */
char *
mc_stats_format_share (double share)
{
  return share < 0 ? g_strdup ("—") : g_strdup_printf ("%.2f%%", share * 100);
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

/* The share of the period's fee payments made online (the 766 index); -1 when nothing was paid. */
double
mc_stats_figures_fee_online_share (const McStatsFigures *f)
{
  return f->fee_payments > 0 ? (double) f->fee_payments_online / f->fee_payments : -1;
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
 * @store: an open, set-up store
 * @from_jdn: the first day of the period
 * @to_jdn: the last day of the period (inclusive)
 * @now: the present moment; in-progress dossiers are split on track / overdue at MIN (@now, end of the period)
 * @office_code: (nullable): only the dossiers whose code starts with "<office_code>-"; %NULL for all
 *
 * Computes the period's figures overall, per procedure and per sector (definitions at the top of this file and
 * in docs/reports.md), in one read transaction on the store's connection: on the thread that owns the store,
 * like every other query (none of the callers needs a worker thread, and a connection of its own would start
 * with a cold page cache at every report).
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
  g_auto(Computation) c = { 0 };
  const McOfficeHours *hours;

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
  c.stats = stats;
  c.scope.start = stats->start;
  c.scope.end = stats->end;
  c.prefix = stats->office_code ? g_strconcat (stats->office_code, "-", NULL) : NULL;
  c.scope.code_prefix = c.prefix;
  /* The state "at now" includes what happened at now; "at the end" is everything before the end. */
  c.scope.limit = now < stats->end ? now + 1 : stats->end;
  hours = mc_calendar_get_hours (c.calendar);
  stats->minutes_per_day = (hours->morning_close - hours->morning_open) +
                           (hours->afternoon_close - hours->afternoon_open);

  c.procedures = g_hash_table_new (g_str_hash, g_str_equal);
  c.sectors = g_hash_table_new (g_str_hash, g_str_equal);
  c.rating_at = MC_MINUTE_NONE;

  if (!_mc_store_read (store, read_figures, &c, error))
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
