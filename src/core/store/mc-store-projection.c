/* mc-store-projection.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Events in, tables out: the events are the truth, and the tables the views read are their fold. A dossier's row
 * is mc_dossier_fold() of all its events; reference data (office settings, the catalogue, calendar days, the
 * feedback register) goes through one projector per kind of event, last writer wins in the total order. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include "mc-store-private.h"
#include "mc-text.h"
#include "mc-time.h"

#define PROJECTION_VALUES \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22," \
  " ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38)"

#define PROJECTION_UPDATES \
  "code = excluded.code, official_code = excluded.official_code, procedure_code = excluded.procedure_code," \
  " procedure_name = excluded.procedure_name, sector = excluded.sector, unit = excluded.unit," \
  " duration = excluded.duration, applicant_name = excluded.applicant_name, applicant_id = excluded.applicant_id," \
  " phone = excluded.phone, channel = excluded.channel, result_delivery = excluded.result_delivery," \
  " status = excluded.status, received = excluded.received, due = excluded.due, settled = excluded.settled," \
  " returned = excluded.returned, new_due = excluded.new_due, outcome = excluded.outcome," \
  " has_apology = excluded.has_apology, n_events = excluded.n_events, last_lamport = excluded.last_lamport," \
  " search_key = excluded.search_key, on_the_spot = excluded.on_the_spot, address = excluded.address," \
  " deciding_body = excluded.deciding_body, returned_to = excluded.returned_to, refused_at = excluded.refused_at," \
  " stopped_at = excluded.stopped_at, apology_at = excluded.apology_at, held_unit = excluded.held_unit," \
  " held_person = excluded.held_person, step_due = excluded.step_due, transferred_at = excluded.transferred_at," \
  " transferred_to = excluded.transferred_to, book = excluded.book, book_entry = excluded.book_entry"

/*
 * Events
 */

/**
 * _mc_store_insert_event:
 * @out_new: (out) (optional): whether the event was not stored before
 *
 * Stores one event, unprojected; an event already stored (the same uuid) is left as it is.
 */
gboolean
_mc_store_insert_event (McStore   *self,
                        McEvent   *event,
                        gboolean  *out_new,
                        GError   **error)
{
  g_autofree char *payload = mc_event_payload_to_string (event);
  sqlite3_stmt *stmt;

  stmt = _mc_store_prepare (self,
                            "INSERT INTO event (uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at,"
                            " clerk, kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, event->uuid);
  _mc_store_bind_text (stmt, 2, event->dossier_uuid);
  _mc_store_bind_text (stmt, 3, event->station_id);
  sqlite3_bind_int64 (stmt, 4, event->station_seq);
  sqlite3_bind_int64 (stmt, 5, event->lamport);
  _mc_store_bind_text (stmt, 6, event->occurred_at);
  _mc_store_bind_text (stmt, 7, event->clerk);
  _mc_store_bind_text (stmt, 8, event->kind);
  _mc_store_bind_text (stmt, 9, payload);
  if (!_mc_store_step_done (self, stmt, error))
    return FALSE;
  if (out_new)
    *out_new = sqlite3_changes (self->db) > 0;
  /* A reception or a renumbering says which number its workstation goes by (mc-store-stations.c). */
  if (sqlite3_changes (self->db) > 0 &&
      (g_str_equal (event->kind, MC_EVENT_RECEIVED) || g_str_equal (event->kind, MC_EVENT_STATION_NUMBERED)) &&
      !_mc_store_note_station_event (self, event, error))
    return FALSE;
  /* Payments and refunds also go to the fee book's table, whichever way the event came in. */
  if (sqlite3_changes (self->db) > 0 &&
      (g_str_equal (event->kind, MC_EVENT_FEE_PAID) || g_str_equal (event->kind, MC_EVENT_FEE_REFUNDED)))
    return _mc_store_project_fee (self, event, error);
  return TRUE;
}

/* An event from the columns uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk, kind,
 * payload, in that order, at the start of the row. */
static gpointer
event_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonNode) payload = json_from_string ((const char *) sqlite3_column_text (stmt, 8), NULL);

  return mc_event_new ((const char *) sqlite3_column_text (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       sqlite3_column_int64 (stmt, 3),
                       sqlite3_column_int64 (stmt, 4),
                       (const char *) sqlite3_column_text (stmt, 5),
                       (const char *) sqlite3_column_text (stmt, 6),
                       (const char *) sqlite3_column_text (stmt, 7),
                       payload);
}

/* Returns: (transfer full) (element-type McEvent): the events of the rows of a bound statement that selects
 * the columns event_from_row() reads; %NULL with @error */
GPtrArray *
_mc_store_step_events (McStore       *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  return _mc_store_step_all (self, stmt, event_from_row, (GDestroyNotify) mc_event_unref, error);
}

/* Returns: (transfer full) (element-type McEvent): one dossier's stored events, in the total order */
GPtrArray *
_mc_store_load_events (McStore     *self,
                       const char  *dossier_uuid,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _mc_store_prepare_for (self,
                                "SELECT uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk,"
                                " kind, payload FROM event WHERE dossier_uuid = ?"
                                " ORDER BY lamport, station_id, station_seq", dossier_uuid, error);
  if (stmt == NULL)
    return NULL;
  return _mc_store_step_events (self, stmt, error);
}

/*
 * Dossiers
 */

/* A batch (an import) writes its projections into a temporary table and moves them into `dossier` with one
 * statement at the end. Row by row, every statement that touched `dossier` made the search index write its
 * pending terms to disk as a tiny segment (FTS5 does so at each statement savepoint): most of an import's
 * time. */
gboolean
_mc_store_begin_staging (McStore  *self,
                         GError  **error)
{
  if (!_mc_store_exec (self,
                       "CREATE TEMP TABLE IF NOT EXISTS projection_stage (" MC_STORE_PROJECTION_COLUMNS ","
                       " PRIMARY KEY (uuid))", error) ||
      !_mc_store_exec (self, "DELETE FROM temp.projection_stage", error))
    return FALSE;
  self->staging = TRUE;
  return TRUE;
}

gboolean
_mc_store_flush_staging (McStore  *self,
                         GError  **error)
{
  self->staging = FALSE;
  /* "WHERE true" tells the parser that ON CONFLICT belongs to the INSERT, not to a join. Rows whose dossier
   * lost its "received" event were deleted directly by _mc_store_project_dossier() and are not staged. */
  return _mc_store_exec (self,
                         "INSERT INTO dossier (" MC_STORE_PROJECTION_COLUMNS ") SELECT " MC_STORE_PROJECTION_COLUMNS
                         " FROM temp.projection_stage WHERE true ORDER BY received, uuid"
                         " ON CONFLICT (uuid) DO UPDATE SET " PROJECTION_UPDATES, error) &&
         _mc_store_exec (self, "DELETE FROM temp.projection_stage", error);
}

static gboolean
delete_projection (McStore     *self,
                   const char  *sql,
                   const char  *dossier_uuid,
                   GError     **error)
{
  sqlite3_stmt *stmt = _mc_store_prepare_for (self, sql, dossier_uuid, error);

  return stmt != NULL && _mc_store_step_done (self, stmt, error);
}

/* Writes one dossier's row from its events (all of them). */
gboolean
_mc_store_project_dossier (McStore     *self,
                           const char  *dossier_uuid,
                           GPtrArray   *events,
                           GError     **error)
{
  g_autoptr(McDossier) dossier = NULL;
  g_autofree char *search_key = NULL;
  sqlite3_stmt *stmt;

  dossier = mc_dossier_fold (events, self->calendar, self->office->supplement_mode);
  if (dossier == NULL)
    {
      /* Its "received" event has not arrived (yet): nothing to show. */
      return (!self->staging ||
              delete_projection (self, "DELETE FROM temp.projection_stage WHERE uuid = ?", dossier_uuid, error)) &&
             delete_projection (self, "DELETE FROM dossier WHERE uuid = ?", dossier_uuid, error);
    }

  search_key = mc_dossier_search_key (dossier);
  if (self->staging)
    stmt = _mc_store_prepare (self,
                              "INSERT OR REPLACE INTO temp.projection_stage (" MC_STORE_PROJECTION_COLUMNS ")"
                              PROJECTION_VALUES, error);
  else
    stmt = _mc_store_prepare (self,
                              "INSERT INTO dossier (" MC_STORE_PROJECTION_COLUMNS ")" PROJECTION_VALUES
                              " ON CONFLICT (uuid) DO UPDATE SET " PROJECTION_UPDATES, error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, dossier->uuid);
  _mc_store_bind_text (stmt, 2, dossier->code);
  _mc_store_bind_text (stmt, 3, dossier->official_code);
  _mc_store_bind_text (stmt, 4, dossier->procedure_code);
  _mc_store_bind_text (stmt, 5, dossier->procedure_name);
  _mc_store_bind_text (stmt, 6, dossier->sector);
  _mc_store_bind_text (stmt, 7, mc_unit_to_string (dossier->unit));
  sqlite3_bind_int (stmt, 8, dossier->duration);
  _mc_store_bind_text (stmt, 9, dossier->applicant_name);
  _mc_store_bind_text (stmt, 10, dossier->applicant_id);
  _mc_store_bind_text (stmt, 11, dossier->phone);
  _mc_store_bind_text (stmt, 12, mc_channel_to_string (dossier->channel));
  _mc_store_bind_text (stmt, 13, dossier->result_delivery);
  _mc_store_bind_text (stmt, 14, mc_status_to_string (dossier->status));
  _mc_store_bind_minute (stmt, 15, dossier->received);
  _mc_store_bind_minute (stmt, 16, dossier->due);
  _mc_store_bind_minute (stmt, 17, dossier->settled);
  _mc_store_bind_minute (stmt, 18, dossier->returned);
  _mc_store_bind_minute (stmt, 19, dossier->new_due);
  _mc_store_bind_text (stmt, 20,
                       dossier->outcome == MC_DUE_STATE_NONE ? NULL : mc_due_state_to_string (dossier->outcome));
  sqlite3_bind_int (stmt, 21, dossier->has_apology);
  sqlite3_bind_int (stmt, 22, (int) dossier->n_events);
  sqlite3_bind_int64 (stmt, 23, dossier->last_lamport);
  _mc_store_bind_text (stmt, 24, search_key);
  sqlite3_bind_int (stmt, 25, dossier->on_the_spot);
  _mc_store_bind_text (stmt, 26, dossier->address);
  _mc_store_bind_text (stmt, 27, dossier->deciding_body);
  _mc_store_bind_text (stmt, 28, dossier->returned_to);
  _mc_store_bind_minute (stmt, 29, dossier->refused_at);
  _mc_store_bind_minute (stmt, 30, dossier->stopped_at);
  _mc_store_bind_minute (stmt, 31, dossier->apology_at);
  _mc_store_bind_text (stmt, 32, dossier->held_unit);
  _mc_store_bind_text (stmt, 33, dossier->held_person);
  _mc_store_bind_minute (stmt, 34, dossier->step_due);
  _mc_store_bind_minute (stmt, 35, dossier->transferred_at);
  _mc_store_bind_text (stmt, 36, dossier->transferred_to);
  _mc_store_bind_text (stmt, 37, dossier->book);
  _mc_store_bind_text (stmt, 38, dossier->book_entry);
  return _mc_store_step_done (self, stmt, error);
}

/* Rebuilds one dossier's row from the events stored for it. */
gboolean
_mc_store_refold (McStore     *self,
                  const char  *dossier_uuid,
                  GError     **error)
{
  g_autoptr(GPtrArray) events = _mc_store_load_events (self, dossier_uuid, error);

  if (events == NULL)
    return FALSE;
  return _mc_store_project_dossier (self, dossier_uuid, events, error);
}

/* Refolds the dossiers whose deadline a calendar or office-hours change may move: every dossier whose counting
 * period touches [@from, @to] (all of them when both are MC_MINUTE_NONE), settled ones included, so that the
 * table always equals a fresh fold of the events whatever order they arrived in. */
gboolean
_mc_store_refold_touching (McStore   *self,
                           McMinute   from,
                           McMinute   to,
                           GError   **error)
{
  g_autoptr(GPtrArray) uuids = NULL;
  sqlite3_stmt *stmt;

  if (from == MC_MINUTE_NONE)
    stmt = _mc_store_prepare (self, "SELECT uuid FROM dossier", error);
  else
    stmt = _mc_store_prepare (self, "SELECT uuid FROM dossier WHERE received <= ?2"
                                    " AND (due IS NULL OR due >= ?1 OR status = 'paused')", error);
  if (stmt == NULL)
    return FALSE;
  if (from != MC_MINUTE_NONE)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
    }
  uuids = _mc_store_step_strings (self, stmt, error);
  if (uuids == NULL)
    return FALSE;
  for (guint i = 0; i < uuids->len; i++)
    if (!_mc_store_refold (self, g_ptr_array_index (uuids, i), error))
      return FALSE;
  return TRUE;
}

/* Rows staged per batch when every dossier is refolded. */
#define REFOLD_BATCH 10000

/* Refolds every dossier through the staging table, a batch at a time: as fast as an import, with one batch of rows
 * in memory at the most. For a new version of the projection (schema migrations). */
gboolean
_mc_store_refold_all (McStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) uuids = NULL;
  sqlite3_stmt *stmt;

  g_assert (!self->staging);

  stmt = _mc_store_prepare (self, "SELECT uuid FROM dossier", error);
  if (stmt == NULL)
    return FALSE;
  uuids = _mc_store_step_strings (self, stmt, error);
  if (uuids == NULL)
    return FALSE;
  for (guint first = 0; first < uuids->len; first += REFOLD_BATCH)
    {
      if (!_mc_store_begin_staging (self, error))
        return FALSE;
      for (guint i = first; i < MIN (uuids->len, first + REFOLD_BATCH); i++)
        if (!_mc_store_refold (self, g_ptr_array_index (uuids, i), error))
          return FALSE;
      if (!_mc_store_flush_staging (self, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * Reference data: one projector per kind of event
 */

/* Binds the event's place in the total order at @first, @first + 1 and @first + 2: the upserts below replace a
 * row only for an event later than the one that wrote it. */
static void
bind_order (sqlite3_stmt *stmt,
            int           first,
            McEvent      *event)
{
  sqlite3_bind_int64 (stmt, first, event->lamport);
  _mc_store_bind_text (stmt, first + 1, event->station_id);
  sqlite3_bind_int64 (stmt, first + 2, event->station_seq);
}

static gboolean
project_procedure (McStore  *self,
                   McEvent  *event,
                   GError  **error)
{
  g_autoptr(McProcedure) procedure = mc_procedure_new_from_json (json_node_get_object (event->payload), NULL);
  g_autofree char *data = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  if (procedure == NULL)
    return TRUE;
  data = json_to_string (event->payload, FALSE);
  folded = mc_text_fold (procedure->name);
  key = g_strconcat (procedure->code, " ", folded, NULL);
  stmt = _mc_store_prepare (self,
                            "INSERT INTO procedure (code, name, search_key, data, lamport, station_id, station_seq)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (code) DO UPDATE SET name = ?2,"
                            " search_key = ?3, data = ?4, lamport = ?5, station_id = ?6, station_seq = ?7"
                            " WHERE (?5, ?6, ?7) > (lamport, station_id, station_seq)", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, procedure->code);
  _mc_store_bind_text (stmt, 2, procedure->name);
  _mc_store_bind_text (stmt, 3, key);
  _mc_store_bind_text (stmt, 4, data);
  bind_order (stmt, 5, event);
  return _mc_store_step_done (self, stmt, error);
}

/* An office closure or working day moves the deadlines counted across it. */
static gboolean
project_calendar_day (McStore  *self,
                      McEvent  *event,
                      GError  **error)
{
  JsonObject *p = json_node_get_object (event->payload);
  const char *date = json_object_get_string_member_with_default (p, "date", NULL);
  const char *kind = json_object_get_string_member_with_default (p, "kind", "none");
  sqlite3_stmt *stmt;
  int jdn;

  if (!mc_date_parse (date, &jdn, NULL))
    return TRUE;
  stmt = _mc_store_prepare (self,
                            "INSERT INTO calendar_day (date, kind, label, lamport, station_id, station_seq)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (date) DO UPDATE SET kind = ?2,"
                            " label = ?3, lamport = ?4, station_id = ?5, station_seq = ?6"
                            " WHERE (?4, ?5, ?6) > (lamport, station_id, station_seq)", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, date);
  _mc_store_bind_text (stmt, 2, kind);
  _mc_store_bind_text (stmt, 3, json_object_get_string_member_with_default (p, "label", NULL));
  bind_order (stmt, 4, event);
  if (!_mc_store_step_done (self, stmt, error))
    return FALSE;
  return _mc_store_load_office (self, error) &&
         _mc_store_refold_touching (self, mc_minute_from_jdn (jdn, 0), mc_minute_from_jdn (jdn + 1, 0), error);
}

static gboolean
project_office (McStore  *self,
                McEvent  *event,
                GError  **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  gboolean moves_deadlines = FALSE;

  json_object_iter_init (&iter, json_node_get_object (event->payload));
  while (json_object_iter_next (&iter, &key, &value))
    {
      sqlite3_stmt *stmt;

      if (!g_strv_contains (mc_office_shared_keys (), key) || json_node_get_value_type (value) != G_TYPE_STRING)
        continue;
      stmt = _mc_store_prepare (self,
                                "INSERT INTO office_setting (key, value, lamport, station_id, station_seq)"
                                " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key) DO UPDATE SET value = ?2,"
                                " lamport = ?3, station_id = ?4, station_seq = ?5"
                                " WHERE (?3, ?4, ?5) > (lamport, station_id, station_seq)", error);
      if (stmt == NULL)
        return FALSE;
      _mc_store_bind_text (stmt, 1, key);
      _mc_store_bind_text (stmt, 2, json_node_get_string (value));
      bind_order (stmt, 3, event);
      if (!_mc_store_step_done (self, stmt, error))
        return FALSE;
      moves_deadlines |= mc_office_setting_moves_deadlines (key);
    }
  if (!_mc_store_load_office (self, error))
    return FALSE;
  return !moves_deadlines || _mc_store_refold_touching (self, MC_MINUTE_NONE, MC_MINUTE_NONE, error);
}

static const struct
{
  const char *kind;
  gboolean  (*project) (McStore  *self,
                        McEvent  *event,
                        GError  **error);
} projectors[] = {
  { MC_EVENT_PROCEDURE_SET, project_procedure },
  { MC_EVENT_CALENDAR_DAY_SET, project_calendar_day },
  { MC_EVENT_OFFICE_SET, project_office },
  { MC_EVENT_FEEDBACK_RECEIVED, _mc_store_project_feedback },
  { MC_EVENT_FEEDBACK_ANSWERED, _mc_store_project_feedback },
};

/* Projects an event that belongs to no dossier; a kind without a projector changes no table. */
gboolean
_mc_store_project_reference (McStore  *self,
                             McEvent  *event,
                             GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (projectors); i++)
    if (g_str_equal (event->kind, projectors[i].kind))
      return projectors[i].project (self, event, error);
  return TRUE;
}

/* Projects a stored event: its dossier refolded, or the reference data it sets. */
gboolean
_mc_store_project (McStore  *self,
                   McEvent  *event,
                   GError  **error)
{
  if (event->dossier_uuid != NULL)
    return _mc_store_refold (self, event->dossier_uuid, error);
  return _mc_store_project_reference (self, event, error);
}
