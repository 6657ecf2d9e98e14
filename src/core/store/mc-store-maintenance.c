/* mc-store-maintenance.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Keeping the file sound: the retention rule that removes personal data, the check of the whole database
 * against its history, and the WAL checkpoints the desk runs off its saving path. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-store-private.h"
#include "mc-time.h"

/* Removes the personal fields from a dossier's stored events (the fold then shows only the facts): the
 * applicant becomes "—", the proxy, notes, receiver and rating comments go, corrections of personal fields lose
 * their value. Freed space is zeroed (secure_delete) by the caller. */
gboolean
_mc_store_scrub_events (McStore     *self,
                        const char  *dossier_uuid,
                        GError     **error)
{
  static const char *statements[] = {
    ("UPDATE event SET payload = json_remove (json_set (payload, '$.applicant',"
     " json_object ('name', '" MC_DOSSIER_REMOVED_NAME "')), '$.proxy', '$.notes')"
     " WHERE dossier_uuid = ?1 AND kind = 'received'"),
    ("UPDATE event SET payload = json_set (payload, '$.value', NULL) WHERE dossier_uuid = ?1 AND kind = 'edited'"
     " AND json_extract (payload, '$.field') IN ('applicant_name', 'id_number', 'phone', 'email', 'address',"
     " 'notes', 'birth_year')"),
    "UPDATE event SET payload = json_remove (payload, '$.receiver') WHERE dossier_uuid = ?1 AND kind = 'returned'",
    ("UPDATE event SET payload = json_remove (payload, '$.comment') WHERE dossier_uuid = ?1"
     " AND kind = 'rating_recorded'"),
    /* The documents' bytes go with mc_attachment_remove_unreferenced(); their names may name the citizen. */
    "UPDATE event SET payload = json_set (payload, '$.name', '') WHERE dossier_uuid = ?1 AND kind = 'digitised'",
    ("UPDATE event SET payload = json_set (payload, '$.answers', json_object ()) WHERE dossier_uuid = ?1"
     " AND kind = 'declaration_filled'"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = _mc_store_prepare_for (self, statements[i], dossier_uuid, error);

      if (stmt == NULL || !_mc_store_step_done (self, stmt, error))
        return FALSE;
    }
  self->removed_personal_data = TRUE;
  return TRUE;
}

typedef struct
{
  GPtrArray  *uuids;
  int         years;
  const char *cutoff;
} Removal;

static gboolean
write_removal (McStore   *self,
               gpointer   data,
               GError   **error)
{
  Removal *removal = data;
  g_autofree char *detail = NULL;

  for (guint i = 0; i < removal->uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (removal->uuids, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) payload = NULL;
      g_autoptr(McEvent) event = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "retention_years");
      json_builder_add_int_value (builder, removal->years);
      json_builder_end_object (builder);
      payload = json_builder_get_root (builder);
      event = _mc_store_append (self, uuid, MC_EVENT_PERSONAL_DATA_REMOVED, payload, NULL, error);
      if (event == NULL || !_mc_store_scrub_events (self, uuid, error) || !_mc_store_refold (self, uuid, error))
        return FALSE;
    }
  detail = g_strdup_printf ("%u dossiers closed before %.10s (%d years)", removal->uuids->len, removal->cutoff,
                            removal->years);
  return mc_audit_record (self, MC_AUDIT_RETENTION, NULL, detail, error);
}

/**
 * mc_store_remove_personal_data:
 * @years: the retention period: dossiers closed (returned, refused or stopped) longer ago than this
 * @dry_run: only count them
 * @out_count: (out) (optional): how many dossiers (would) lose their personal data
 *
 * The retention rule, applied on request by an administrator: the applicant's name (shown as "—"), identity
 * number, contact details, proxy, notes and the receiver's name are removed from those dossiers and from their
 * history, and an event says so, so that every workstation the bundles reach removes them too. What the
 * statistics count (procedure, dates, channel, outcome) stays. The freed space in the file is zeroed.
 */
gboolean
mc_store_remove_personal_data (McStore    *self,
                               int         years,
                               gboolean    dry_run,
                               guint      *out_count,
                               GError    **error)
{
  g_autoptr(GPtrArray) uuids = NULL;
  g_autofree char *cutoff = NULL;
  McMinute now = mc_time_now ();
  sqlite3_stmt *stmt;
  int y, m, d;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);

  if (years < 1 || years > 100)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The retention period is 1 to 100 years"));
      return FALSE;
    }
  if (!dry_run && !mc_accounts_check (self, MC_PERMISSION_ADMINISTER, error))
    return FALSE;
  mc_jdn_to_ymd (mc_minute_jdn (now), &y, &m, &d);
  cutoff = mc_time_format_iso_offset (mc_minute_from_jdn (mc_jdn_from_ymd (y - years, m, MIN (d, 28)),
                                                          mc_minute_of_day (now)));

  stmt = _mc_store_prepare_for (self,
                                "SELECT d.uuid FROM dossier d WHERE d.status IN ('returned', 'refused', 'stopped')"
                                " AND (SELECT max (e.occurred_at) FROM event e WHERE e.dossier_uuid = d.uuid) < ?1"
                                " AND NOT EXISTS (SELECT 1 FROM event e WHERE e.dossier_uuid = d.uuid"
                                "                 AND e.kind = 'personal_data_removed')", cutoff, error);
  if (stmt == NULL)
    return FALSE;
  uuids = _mc_store_step_strings (self, stmt, error);
  if (uuids == NULL)
    return FALSE;
  if (out_count)
    *out_count = uuids->len;
  if (dry_run || uuids->len == 0)
    return TRUE;

  if (!_mc_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;
  if (!_mc_store_write (self, write_removal, &(Removal) { uuids, years, cutoff }, error))
    {
      _mc_store_exec (self, "PRAGMA secure_delete = OFF", NULL);
      return FALSE;
    }
  /* The search index keeps old terms in its segments until they merge: merged now, and the log folded in, so
   * that no removed name survives in the file. */
  _mc_store_exec (self, "INSERT INTO dossier_fts (dossier_fts) VALUES ('optimize')", NULL);
  _mc_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  _mc_store_exec (self, "PRAGMA secure_delete = OFF", NULL);
  return TRUE;
}

/* One text per row of a query, for comparing small result sets. */
static char *
query_text (McStore     *self,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = _mc_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) lines = stmt ? _mc_store_step_strings (self, stmt, error) : NULL;
  GString *text;

  if (lines == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (text, FALSE);
}

/**
 * mc_store_check:
 * @out_report: (out) (optional): a one-line summary of what was checked
 *
 * Verifies the database as a whole: SQLite's integrity check, the search index against the dossiers, one row
 * per received dossier, no code given twice, and every dossier's row equal to a fresh fold of its events. Changes
 * nothing (the refold runs inside a transaction that is rolled back). Fails with MC_STORE_ERROR_CORRUPT and a
 * message naming what differs.
 */
gboolean
mc_store_check (McStore     *self,
                char       **out_report,
                GError     **error)
{
  g_autofree char *integrity = NULL;
  g_autofree char *differences = NULL;
  gint64 dossiers, received, codes, events;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);

  integrity = query_text (self, "PRAGMA integrity_check", error);
  if (integrity == NULL)
    return FALSE;
  if (!g_str_equal (integrity, "ok\n"))
    {
      g_strchomp (integrity);
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("The database file is damaged: %s"), integrity);
      return FALSE;
    }
  if (!_mc_store_exec (self, "INSERT INTO dossier_fts (dossier_fts) VALUES ('integrity-check')", NULL))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("The search index does not match the dossiers; it can be rebuilt from them"));
      return FALSE;
    }

  dossiers = _mc_store_query_int (self, "SELECT count(*) FROM dossier", NULL, error);
  received = dossiers < 0 ? -1 : _mc_store_query_int (self, "SELECT count(DISTINCT dossier_uuid) FROM event"
                                                            " WHERE kind = 'received'", NULL, error);
  codes = received < 0 ? -1 : _mc_store_query_int (self, "SELECT count(DISTINCT code) FROM dossier", NULL, error);
  events = codes < 0 ? -1 : _mc_store_query_int (self, "SELECT count(*) FROM event", NULL, error);
  if (events < 0)
    return FALSE;
  if (dossiers != received)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("%lld dossiers were received but %lld are listed"), (long long) received,
                   (long long) dossiers);
      return FALSE;
    }
  if (_mc_store_query_int (self, "SELECT n FROM dossier_total WHERE id = 1", NULL, NULL) != dossiers)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                           _("The number of dossiers kept for the list is wrong"));
      return FALSE;
    }
  if (codes != dossiers)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("A dossier code was given to more than one dossier"));
      return FALSE;
    }

  /* Refold everything into the table inside a transaction, compare with what was stored, and roll back. */
  if (!_mc_store_begin (self, error))
    return FALSE;
  if (!_mc_store_exec (self, "CREATE TEMP TABLE stored_projection AS SELECT " MC_STORE_PROJECTION_COLUMNS
                       " FROM dossier", error) ||
      !_mc_store_refold_touching (self, MC_MINUTE_NONE, MC_MINUTE_NONE, error) ||
      (differences = query_text (self,
                                 "SELECT code FROM (SELECT " MC_STORE_PROJECTION_COLUMNS " FROM dossier"
                                 " EXCEPT SELECT * FROM temp.stored_projection)"
                                 " UNION SELECT code FROM (SELECT * FROM temp.stored_projection"
                                 " EXCEPT SELECT " MC_STORE_PROJECTION_COLUMNS " FROM dossier) ORDER BY 1 LIMIT 5",
                                 error)) == NULL)
    {
      _mc_store_rollback (self);
      return FALSE;
    }
  _mc_store_rollback (self);
  if (*differences != '\0')
    {
      g_strdelimit (g_strchomp (differences), "\n", ' ');
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("Stored dossiers differ from their history: %s"), differences);
      return FALSE;
    }
  if (out_report != NULL)
    *out_report = g_strdup_printf (_("%lld dossiers and %lld events checked: the file is sound, every code is "
                                     "unique and every dossier equals its history"),
                                   (long long) dossiers, (long long) events);
  return TRUE;
}

/* Pages in the WAL before a checkpoint is started: SQLite's own default. */
#define CHECKPOINT_PAGES 1000

static void
checkpoint_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *path = task_data;
  sqlite3 *db = NULL;

  /* A connection of its own: PASSIVE copies what no reader still needs and never waits for the desk. (As a
   * statement, not sqlite3_wal_checkpoint_v2(): a fresh connection has not opened the WAL yet.) */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL);
  sqlite3_close (db);
  g_task_return_boolean (task, TRUE);
}

static void
checkpoint_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  MC_STORE (source)->checkpointing = FALSE;
}

static int
wal_hook_cb (void       *user_data,
             sqlite3    *db,
             const char *name,
             int         pages)
{
  McStore *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (pages < CHECKPOINT_PAGES || self->checkpointing)
    return SQLITE_OK;
  self->checkpointing = TRUE;
  task = g_task_new (self, NULL, checkpoint_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, checkpoint_thread);
  return SQLITE_OK;
}

/**
 * mc_store_checkpoint_in_background:
 *
 * For the desk: SQLite's automatic checkpoint copies the WAL into the database inside whichever commit crosses
 * 1,000 pages, and on a large file that commit took a second — a clerk's save. From now on the commits never
 * checkpoint; a worker thread with its own connection does it once the WAL has grown that far. (The command line,
 * one command per process, keeps SQLite's automatic checkpoint.)
 */
void
mc_store_checkpoint_in_background (McStore *self)
{
  g_return_if_fail (MC_IS_STORE (self));
  /* Replaces the hook sqlite3_wal_autocheckpoint() installed. */
  sqlite3_wal_hook (self->db, wal_hook_cb, self);
}
