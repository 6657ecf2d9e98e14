/* mc-store-reports.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the reports read (docs/reports.md): the late dossiers of a period, the rows of the register book, and the
 * dossiers and ratings the statistics count. They read the projection, which holds what the fold decided (the
 * address as corrected, the step that counted); only facts no projection keeps come from the events. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include "mc-store-private.h"
#include "mc-time.h"

/* An event's time as mc_event_get_time() reads it: the payload's "at" (or "received_at"), else occurred_at. */
#define EVENT_TIME(alias) \
  "COALESCE (mc_minute (json_extract (" alias ".payload, CASE " alias ".kind WHEN 'received' " \
  "THEN '$.received_at' ELSE '$.at' END)), mc_minute (" alias ".occurred_at))"

#define TOTAL_ORDER(alias) alias ".lamport, " alias ".station_id, " alias ".station_seq"

/**
 * mc_store_list_late:
 * @from_jdn: first day of the period
 * @to_jdn: last day (inclusive)
 *
 * The period's late dossiers, for publication: those settled late in the period, and those still open whose
 * deadline had passed by its end (or by now, for a period that has not ended), oldest deadline first.
 *
 * Returns: (transfer full) (element-type McDossier): whole dossiers (their apology letters included)
 */
GPtrArray *
mc_store_list_late (McStore  *self,
                    int       from_jdn,
                    int       to_jdn,
                    GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
  McMinute start = mc_minute_from_jdn (from_jdn, 0);
  McMinute end = mc_minute_from_jdn (to_jdn + 1, 0);
  McMinute reference = MIN (end, mc_time_now ());
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self,
                            "SELECT uuid FROM dossier WHERE (outcome = 'late' AND settled >= ?1 AND settled < ?2)"
                            " OR (status IN ('in_progress') AND due IS NOT NULL AND due < ?3 AND received < ?2)"
                            " ORDER BY due, code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, reference);
  {
    g_autoptr(GPtrArray) uuids = _mc_store_step_strings (self, stmt, error);

    if (uuids == NULL)
      return NULL;
    for (guint i = 0; i < uuids->len; i++)
      {
        McDossier *d = mc_store_get_dossier (self, g_ptr_array_index (uuids, i), error);

        if (d == NULL)
          return NULL;
        g_ptr_array_add (list, d);
      }
  }
  return g_steal_pointer (&list);
}

/* Who is told of each row, and what they asked to be given back. */
typedef struct
{
  GCallback func;
  gpointer  data;
} Visit;

static gboolean
visit_received (sqlite3_stmt  *stmt,
                gpointer       data,
                GError       **error)
{
  Visit *visit = data;
  g_autoptr(McDossier) dossier = _mc_store_dossier_from_row (stmt);

  dossier->address = _mc_store_column_dup (stmt, MC_STORE_DOSSIER_N_COLUMNS);
  dossier->deciding_body = _mc_store_column_dup (stmt, MC_STORE_DOSSIER_N_COLUMNS + 1);
  dossier->returned_to = _mc_store_column_dup (stmt, MC_STORE_DOSSIER_N_COLUMNS + 2);
  dossier->book = _mc_store_column_dup (stmt, MC_STORE_DOSSIER_N_COLUMNS + 3);
  dossier->book_entry = _mc_store_column_dup (stmt, MC_STORE_DOSSIER_N_COLUMNS + 4);
  dossier->transferred_to = _mc_store_column_dup (stmt, MC_STORE_DOSSIER_N_COLUMNS + 5);
  dossier->transferred_at = _mc_store_column_minute (stmt, MC_STORE_DOSSIER_N_COLUMNS + 6);
  return ((McDossierFunc) visit->func) (dossier, visit->data, error);
}

/**
 * mc_store_foreach_received:
 * @from_jdn: the first day of the period
 * @to_jdn: the last day (inclusive)
 * @sector: (nullable): one sector (lĩnh vực), or %NULL for all
 * @func: called for each dossier, in the order of receipt then code; it must not use the store. Returning
 *   %FALSE (with its error) stops the walk.
 *
 * The rows of the register book: every dossier received in the period, as it stands now, with the list's
 * fields and the applicant's address (as corrected), the deciding body, who collected the result and where a
 * transferred dossier went. One row
 * in memory at a time.
 */
gboolean
mc_store_foreach_received (McStore        *self,
                           int             from_jdn,
                           int             to_jdn,
                           const char     *sector,
                           McDossierFunc   func,
                           gpointer        user_data,
                           GError        **error)
{
  Visit visit = { G_CALLBACK (func), user_data };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _mc_store_prepare (self,
                            "SELECT " MC_STORE_DOSSIER_COLUMNS ", address, deciding_body, returned_to, book, book_entry,"
                            " transferred_to, transferred_at FROM dossier"
                            " WHERE received >= ?1 AND received < ?2 AND (?3 IS NULL OR sector = ?3)"
                            " ORDER BY received, code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mc_minute_from_jdn (from_jdn, 0));
  sqlite3_bind_int64 (stmt, 2, mc_minute_from_jdn (to_jdn + 1, 0));
  _mc_store_bind_text (stmt, 3, sector);
  return _mc_store_step_each (self, stmt, visit_received, &visit, error);
}

/*
 * The statistics' rows (mc-stats.c)
 */

static gboolean
visit_stats_row (sqlite3_stmt  *stmt,
                 gpointer       data,
                 GError       **error)
{
  Visit *visit = data;
  McStoreStatsRow row = {
    .uuid = (const char *) sqlite3_column_text (stmt, 0),
    .procedure_code = (const char *) sqlite3_column_text (stmt, 1),
    .procedure_name = (const char *) sqlite3_column_text (stmt, 2),
    .sector = (const char *) sqlite3_column_text (stmt, 3),
    .channel = MC_CHANNEL_IN_PERSON,
    .status = MC_STATUS_IN_PROGRESS,
    .received = _mc_store_column_minute (stmt, 6),
    .due = _mc_store_column_minute (stmt, 7),
    .settled = _mc_store_column_minute (stmt, 8),
    .outcome = MC_DUE_STATE_NONE,
    .has_apology = sqlite3_column_int (stmt, 10) != 0,
    .ended = _mc_store_column_minute (stmt, 11),
    .apology_at = _mc_store_column_minute (stmt, 12),
    .digitised = sqlite3_column_int (stmt, 13) != 0,
    .changed_after = sqlite3_column_int (stmt, 14) != 0,
    .on_the_spot = sqlite3_column_int (stmt, 15) != 0,
    .digitised_components = (guint) sqlite3_column_int (stmt, 16),
  };

  mc_channel_from_string ((const char *) sqlite3_column_text (stmt, 4), &row.channel);
  mc_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &row.status);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    mc_due_state_from_string ((const char *) sqlite3_column_text (stmt, 9), &row.outcome);
  return ((McStoreStatsFunc) visit->func) (&row, visit->data, error);
}

/**
 * _mc_store_foreach_stats_row:
 *
 * Every dossier of @scope received before the end of the period and not settled before its start, with what
 * the statistics count of it.
 */
gboolean
_mc_store_foreach_stats_row (McStore                  *self,
                             const McStoreStatsScope  *scope,
                             McStoreStatsFunc          func,
                             gpointer                  data,
                             GError                  **error)
{
  Visit visit = { G_CALLBACK (func), data };
  sqlite3_stmt *stmt;

  stmt = _mc_store_prepare (self,
                            "SELECT d.uuid, d.procedure_code, d.procedure_name, d.sector, d.channel, d.status,"
                            "  d.received, d.due, d.settled, d.outcome, d.has_apology,"
                            "  CASE d.status WHEN 'refused' THEN d.refused_at WHEN 'stopped' THEN d.stopped_at"
                            "    WHEN 'transferred' THEN d.transferred_at END,"
                            "  CASE WHEN d.has_apology THEN d.apology_at END,"
                            "  EXISTS (SELECT 1 FROM event e WHERE e.dossier_uuid = d.uuid AND e.kind = 'digitised'),"
                            "  EXISTS (SELECT 1 FROM event e WHERE e.dossier_uuid = d.uuid"
                            "     AND e.kind IN ('supplement_requested', 'supplement_completed', 'refused',"
                            "                    'stop_requested', 'result_ready', 'returned', 'transferred')"
                            "     AND " EVENT_TIME ("e") " >= ?3),"
                            "  d.on_the_spot,"
                            "  (SELECT count (DISTINCT json_extract (e.payload, '$.component')) FROM event e"
                            "   WHERE e.dossier_uuid = d.uuid AND e.kind = 'digitised')"
                            " FROM dossier d"
                            " WHERE d.received < ?2 AND (d.settled IS NULL OR d.settled >= ?1)"
                            "   AND (?4 IS NULL OR substr (d.code, 1, length (?4)) = ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scope->start);
  sqlite3_bind_int64 (stmt, 2, scope->end);
  sqlite3_bind_int64 (stmt, 3, scope->limit);
  _mc_store_bind_text (stmt, 4, scope->code_prefix);
  return _mc_store_step_each (self, stmt, visit_stats_row, &visit, error);
}

static gboolean
visit_rating (sqlite3_stmt  *stmt,
              gpointer       data,
              GError       **error)
{
  Visit *visit = data;
  McStoreRatingRow row = {
    .dossier_uuid = (const char *) sqlite3_column_text (stmt, 0),
    .procedure_code = (const char *) sqlite3_column_text (stmt, 1),
    .procedure_name = (const char *) sqlite3_column_text (stmt, 2),
    .sector = (const char *) sqlite3_column_text (stmt, 3),
    .rating = (const char *) sqlite3_column_text (stmt, 4),
    .at = _mc_store_column_minute (stmt, 5),
  };

  return ((McStoreRatingFunc) visit->func) (&row, visit->data, error);
}

/**
 * _mc_store_foreach_rating:
 *
 * Every "rating_recorded" event of the dossiers of @scope (whatever its period), grouped by dossier and in the
 * total order within each dossier.
 */
gboolean
_mc_store_foreach_rating (McStore                  *self,
                          const McStoreStatsScope  *scope,
                          McStoreRatingFunc         func,
                          gpointer                  data,
                          GError                  **error)
{
  Visit visit = { G_CALLBACK (func), data };
  sqlite3_stmt *stmt;

  stmt = _mc_store_prepare_for (self,
                                "SELECT e.dossier_uuid, d.procedure_code, d.procedure_name, d.sector,"
                                "  json_extract (e.payload, '$.rating'), " EVENT_TIME ("e")
                                " FROM event e JOIN dossier d ON d.uuid = e.dossier_uuid WHERE e.kind = 'rating_recorded'"
                                " AND (?1 IS NULL OR substr (d.code, 1, length (?1)) = ?1)"
                                " ORDER BY e.dossier_uuid, " TOTAL_ORDER ("e"), scope->code_prefix, error);
  return stmt != NULL && _mc_store_step_each (self, stmt, visit_rating, &visit, error);
}

/**
 * _mc_store_fold_before:
 * @limit: only the events whose time (mc_event_get_time()) is before this moment
 *
 * The dossier as it stood just before @limit.
 *
 * Returns: (transfer full) (nullable): the dossier; %NULL with @error, or without when nothing stood then
 */
McDossier *
_mc_store_fold_before (McStore     *self,
                       const char  *dossier_uuid,
                       McMinute     limit,
                       GError     **error)
{
  g_autoptr(GPtrArray) events = _mc_store_load_events (self, dossier_uuid, error);
  g_autoptr(GPtrArray) before = NULL;

  if (events == NULL)
    return NULL;
  before = g_ptr_array_sized_new (events->len);
  for (guint i = 0; i < events->len; i++)
    {
      McEvent *event = g_ptr_array_index (events, i);
      McMinute at = mc_event_get_time (event, g_str_equal (event->kind, MC_EVENT_RECEIVED) ? "received_at" : "at");

      if (at != MC_MINUTE_NONE && at < limit)
        g_ptr_array_add (before, event);
    }
  return mc_dossier_fold (before, self->calendar, self->office->supplement_mode);
}
