/* mc-store.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mc-store.h"
#include "mc-attachment.h"
#include "mc-feedback.h"
#include "mc-store-private.h"
#include "mc-accounts.h"
#include "mc-text.h"
#include "mc-time.h"

/* "MCS1" in the database header: tells our files from any other SQLite file. */
#define MC_APPLICATION_ID 0x4D435331

struct _McStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  McCalendar *calendar;
  McOffice   *office;
  gboolean    set_up;
  gboolean    staging;     /* projections go to temp.projection_stage until flush_staged_projections() */
  gboolean    changed;     /* the transaction under way changed what the views show */
  gboolean    removed_personal_data;  /* … and removed a dossier's personal data */
  char       *actor;       /* the signed-in account's username, NULL when none */
  gboolean    checkpointing;  /* a background WAL checkpoint is running */
  char       *actor_name;  /* … and full name: events record it as their clerk */
};

G_DEFINE_FINAL_TYPE (McStore, mc_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
G_DEFINE_QUARK (mc-store-error-quark, mc_store_error)

static const char *schema_v1[] = {
  "CREATE TABLE local (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  "CREATE TABLE event ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  dossier_uuid TEXT,"
  "  station_id TEXT NOT NULL,"
  "  station_seq INTEGER NOT NULL,"
  "  lamport INTEGER NOT NULL,"
  "  occurred_at TEXT NOT NULL,"
  "  clerk TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  payload TEXT NOT NULL,"
  "  UNIQUE (station_id, station_seq))",
  "CREATE INDEX event_by_dossier ON event (dossier_uuid) WHERE dossier_uuid IS NOT NULL",
  "CREATE INDEX event_by_lamport ON event (lamport)",
  "CREATE TABLE office_setting (key TEXT PRIMARY KEY, value TEXT,"
  "  lamport INTEGER NOT NULL, station_id TEXT NOT NULL, station_seq INTEGER NOT NULL)",
  "CREATE TABLE procedure (code TEXT PRIMARY KEY, name TEXT NOT NULL, search_key TEXT NOT NULL,"
  "  data TEXT NOT NULL, lamport INTEGER NOT NULL, station_id TEXT NOT NULL, station_seq INTEGER NOT NULL)",
  "CREATE TABLE calendar_day (date TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT,"
  "  lamport INTEGER NOT NULL, station_id TEXT NOT NULL, station_seq INTEGER NOT NULL)",
  "CREATE TABLE day_sequence (day TEXT PRIMARY KEY, last INTEGER NOT NULL)",
  "CREATE TABLE form_sequence (form TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL,"
  "  PRIMARY KEY (form, year))",
  "CREATE TABLE dossier ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  code TEXT NOT NULL,"
  "  official_code TEXT,"
  "  procedure_code TEXT NOT NULL,"
  "  procedure_name TEXT,"
  "  sector TEXT,"
  "  unit TEXT NOT NULL,"
  "  duration INTEGER NOT NULL,"
  "  applicant_name TEXT NOT NULL,"
  "  applicant_id TEXT,"
  "  phone TEXT,"
  "  channel TEXT NOT NULL,"
  "  result_delivery TEXT,"
  "  status TEXT NOT NULL,"
  "  received INTEGER NOT NULL,"
  "  due INTEGER,"
  "  settled INTEGER,"
  "  returned INTEGER,"
  "  new_due INTEGER,"
  "  outcome TEXT,"
  "  has_apology INTEGER NOT NULL DEFAULT 0,"
  "  n_events INTEGER NOT NULL,"
  "  last_lamport INTEGER NOT NULL,"
  "  search_key TEXT NOT NULL)",
  "CREATE INDEX dossier_by_code ON dossier (code)",
  "CREATE INDEX dossier_by_official_code ON dossier (official_code) WHERE official_code IS NOT NULL",
  "CREATE INDEX dossier_by_due ON dossier (IFNULL(due, 9223372036854775807), id)",
  "CREATE INDEX dossier_by_status_due ON dossier (status, due)",
  "CREATE INDEX dossier_by_received ON dossier (received, id)",
  "CREATE VIRTUAL TABLE dossier_fts USING fts5 (search_key, content='dossier', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
  "CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier BEGIN"
  "  INSERT INTO dossier_fts (rowid, search_key) VALUES (new.id, new.search_key); END",
  "CREATE TRIGGER dossier_fts_delete AFTER DELETE ON dossier BEGIN"
  "  INSERT INTO dossier_fts (dossier_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key); END",
  "CREATE TRIGGER dossier_fts_update AFTER UPDATE OF search_key ON dossier BEGIN"
  "  INSERT INTO dossier_fts (dossier_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);"
  "  INSERT INTO dossier_fts (rowid, search_key) VALUES (new.id, new.search_key); END",
  NULL
};

/* Migrations, one list of statements per schema version; each runs in one transaction. */
/* A one-letter prefix index: the clerk types "nguyen thi h" and expects the answer before the next key. The
 * triggers name the table, so they keep working on the new one. */
static const char *schema_v2[] = {
  "DROP TABLE dossier_fts",
  "CREATE VIRTUAL TABLE dossier_fts USING fts5 (search_key, content='dossier', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')",
  "INSERT INTO dossier_fts (dossier_fts) VALUES ('rebuild')",
  NULL
};

/* People and their traces, local to the workstation (never in sync files): accounts with a hashed PIN, and the
 * audit log of what touched personal data or the accounts. */
static const char *schema_v3[] = {
  "CREATE TABLE account ("
  "  username TEXT PRIMARY KEY,"
  "  full_name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('clerk', 'leader', 'administrator')),"
  "  pin_hash TEXT NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  created_at TEXT NOT NULL)",
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  account TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  subject TEXT,"
  "  detail TEXT)",
  "CREATE INDEX audit_by_action ON audit (action, id)",
  NULL
};

/* The number of dossiers, kept by triggers: the list's "N dossiers" without counting a million rows. */
static const char *schema_v4[] = {
  "CREATE TABLE dossier_total (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
  "INSERT INTO dossier_total (id, n) SELECT 1, count(*) FROM dossier",
  "CREATE TRIGGER dossier_total_insert AFTER INSERT ON dossier BEGIN"
  "  UPDATE dossier_total SET n = n + 1 WHERE id = 1; END",
  "CREATE TRIGGER dossier_total_delete AFTER DELETE ON dossier BEGIN"
  "  UPDATE dossier_total SET n = n - 1 WHERE id = 1; END",
  NULL
};

/* Dossiers served on the spot (received, decided and returned while the citizen waits). */
static const char *schema_v5[] = {
  "ALTER TABLE dossier ADD COLUMN on_the_spot INTEGER NOT NULL DEFAULT 0",
  NULL
};

/* The feedback register, a projection of its events; the index finds an entry's events among all others. */
static const char *schema_v6[] = {
  "CREATE TABLE feedback ("
  "  uuid TEXT PRIMARY KEY,"
  "  received_on TEXT NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  citizen TEXT,"
  "  contact TEXT,"
  "  dossier_code TEXT,"
  "  procedure_code TEXT,"
  "  staff TEXT,"
  "  content TEXT NOT NULL,"
  "  recorded_by TEXT,"
  "  due_on TEXT NOT NULL,"
  "  answer TEXT,"
  "  answered_on TEXT,"
  "  answered_by TEXT)",
  "CREATE INDEX feedback_open ON feedback (answered_on, due_on)",
  "CREATE INDEX event_feedback ON event (json_extract (payload, '$.feedback'))"
  "  WHERE kind IN ('feedback_received', 'feedback_answered')",
  NULL
};

static const char **migrations[] = { NULL, schema_v1, schema_v2, schema_v3, schema_v4, schema_v5, schema_v6 };

#define DOSSIER_COLUMNS                                                                             \
  "id, uuid, code, official_code, procedure_code, procedure_name, sector, unit, duration, "        \
  "applicant_name, applicant_id, phone, channel, result_delivery, status, received, due, settled, " \
  "returned, new_due, outcome, has_apology, n_events, last_lamport"

/*
 * Auxiliary methods
 */

static gboolean
set_sqlite_error (McStore  *self,
                  int       rc,
                  GError  **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("The database file %s is damaged (%s). Restore it from a backup."), self->path, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                   _("The disk is full: nothing was saved. Free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                   _("The database file %s cannot be written (%s): nothing was saved."), self->path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_DATABASE,
                   _("The database is busy in another program: nothing was saved. Try again in a moment."));
      break;
    default:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_DATABASE,
                   _("Database error: %s"), detail);
      break;
    }
  return FALSE;
}

static gboolean
exec_sql (McStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/* A cached prepared statement, reset and unbound, ready for new values. */
static sqlite3_stmt *
prepare (McStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* The nine columns of an INSERT INTO event, in table order. */
static void
bind_event (sqlite3_stmt  *stmt,
            const McEvent *event,
            const char    *payload)
{
  bind_text (stmt, 1, event->uuid);
  bind_text (stmt, 2, event->dossier_uuid);
  bind_text (stmt, 3, event->station_id);
  sqlite3_bind_int64 (stmt, 4, event->station_seq);
  sqlite3_bind_int64 (stmt, 5, event->lamport);
  bind_text (stmt, 6, event->occurred_at);
  bind_text (stmt, 7, event->clerk);
  bind_text (stmt, 8, event->kind);
  bind_text (stmt, 9, payload);
}

static void
bind_minute (sqlite3_stmt *stmt,
             int           index,
             McMinute      minute)
{
  if (minute == MC_MINUTE_NONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, minute);
}

static McMinute
column_minute (sqlite3_stmt *stmt,
               int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return MC_MINUTE_NONE;
  return sqlite3_column_int64 (stmt, index);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);
  return text ? g_strdup ((const char *) text) : NULL;
}

static gboolean
step_done (McStore      *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
begin (McStore  *self,
       GError  **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (McStore  *self,
        GError  **error)
{
  if (!exec_sql (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
rollback (McStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean load_office (McStore  *self,
                             GError  **error);

typedef gboolean (*McStoreWriteFunc) (McStore   *self,
                                      gpointer   data,
                                      GError   **error);

/* Runs @write in one transaction: all its writes are committed, or none of them (the office's settings are then
 * read again, since a reference event may have changed them in memory). After the commit, the documents of
 * dossiers whose personal data went are deleted, and #McStore::changed tells the views. */
static gboolean
_mc_store_write (McStore           *self,
                 McStoreWriteFunc   write,
                 gpointer           data,
                 GError           **error)
{
  g_assert (sqlite3_get_autocommit (self->db));

  self->changed = FALSE;
  self->removed_personal_data = FALSE;
  if (!begin (self, error))
    return FALSE;
  if (!write (self, data, error) || !commit (self, error))
    {
      self->staging = FALSE;
      rollback (self);
      load_office (self, NULL);
      return FALSE;
    }
  if (self->removed_personal_data)
    mc_attachment_remove_unreferenced (self, NULL);
  if (self->changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static char *
get_local (McStore    *self,
           const char *key)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT value FROM local WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
set_local (McStore     *self,
           const char  *key,
           const char  *value,
           GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, "INSERT OR REPLACE INTO local (key, value) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);
  return step_done (self, stmt, error);
}

/* Reads the office settings and the calendar's office days into memory. */
static gboolean
load_office (McStore  *self,
             GError  **error)
{
  g_autoptr(McOffice) office = mc_office_new ();
  g_autofree char *station = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT key, value FROM office_setting", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mc_office_set_value (office, (const char *) sqlite3_column_text (stmt, 0),
                         (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);

  station = get_local (self, "station");
  office->station = station ? atoi (station) : 0;
  office->station_id = get_local (self, "station_id");
  office->clerk = get_local (self, "clerk");

  if (!mc_calendar_set_hours (self->calendar, &office->hours, NULL))
    g_warning ("Office hours in the database are inconsistent; keeping the previous ones");
  mc_calendar_set_due_soon_days (self->calendar, office->due_soon_days);

  mc_calendar_clear_office_days (self->calendar);
  stmt = prepare (self, "SELECT date, kind, label FROM calendar_day", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int jdn;
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);

      if (!mc_date_parse ((const char *) sqlite3_column_text (stmt, 0), &jdn, NULL))
        continue;
      if (g_strcmp0 (kind, "closed") == 0)
        mc_calendar_set_office_day (self->calendar, jdn, MC_DAY_OFFICE_CLOSED,
                                    (const char *) sqlite3_column_text (stmt, 2));
      else if (g_strcmp0 (kind, "workday") == 0)
        mc_calendar_set_office_day (self->calendar, jdn, MC_DAY_OFFICE_WORKDAY,
                                    (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);

  g_clear_pointer (&self->office, mc_office_free);
  self->office = g_steal_pointer (&office);
  self->set_up = self->office->code != NULL && self->office->station_id != NULL;
  return TRUE;
}

static GPtrArray *
load_dossier_events (McStore     *self,
                     const char  *dossier_uuid,
                     GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk, kind, payload "
                  "FROM event WHERE dossier_uuid = ? ORDER BY lamport, station_id, station_seq", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, dossier_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) payload = json_from_string ((const char *) sqlite3_column_text (stmt, 8), NULL);

      g_ptr_array_add (events, mc_event_new ((const char *) sqlite3_column_text (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2),
                                             sqlite3_column_int64 (stmt, 3),
                                             sqlite3_column_int64 (stmt, 4),
                                             (const char *) sqlite3_column_text (stmt, 5),
                                             (const char *) sqlite3_column_text (stmt, 6),
                                             (const char *) sqlite3_column_text (stmt, 7),
                                             payload));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

/* Writes one dossier's row from its events (all of them). */
#define PROJECTION_COLUMNS \
  "uuid, code, official_code, procedure_code, procedure_name, sector, unit, duration, applicant_name," \
  " applicant_id, phone, channel, result_delivery, status, received, due, settled, returned, new_due, outcome," \
  " has_apology, n_events, last_lamport, search_key, on_the_spot"
#define PROJECTION_UPDATES \
  "code = excluded.code, official_code = excluded.official_code, procedure_code = excluded.procedure_code," \
  " procedure_name = excluded.procedure_name, sector = excluded.sector, unit = excluded.unit," \
  " duration = excluded.duration, applicant_name = excluded.applicant_name, applicant_id = excluded.applicant_id," \
  " phone = excluded.phone, channel = excluded.channel, result_delivery = excluded.result_delivery," \
  " status = excluded.status, received = excluded.received, due = excluded.due, settled = excluded.settled," \
  " returned = excluded.returned, new_due = excluded.new_due, outcome = excluded.outcome," \
  " has_apology = excluded.has_apology, n_events = excluded.n_events, last_lamport = excluded.last_lamport," \
  " search_key = excluded.search_key, on_the_spot = excluded.on_the_spot"

/* A batch (an import) writes its projections into a temporary table and moves them into `dossier` with one
 * statement at the end. Row by row, every statement that touched `dossier` made the search index write its
 * pending terms to disk as a tiny segment (FTS5 does so at each statement savepoint): most of an import's
 * time. */
static gboolean
begin_staging (McStore  *self,
               GError  **error)
{
  if (!exec_sql (self,
                 "CREATE TEMP TABLE IF NOT EXISTS projection_stage (uuid TEXT PRIMARY KEY, code, official_code,"
                 " procedure_code, procedure_name, sector, unit, duration, applicant_name, applicant_id, phone,"
                 " channel, result_delivery, status, received, due, settled, returned, new_due, outcome,"
                 " has_apology, n_events, last_lamport, search_key, on_the_spot)", error) ||
      !exec_sql (self, "DELETE FROM temp.projection_stage", error))
    return FALSE;
  self->staging = TRUE;
  return TRUE;
}

static gboolean
flush_staged_projections (McStore  *self,
                          GError  **error)
{
  self->staging = FALSE;
  /* "WHERE true" tells the parser that ON CONFLICT belongs to the INSERT, not to a join. Rows whose dossier
   * lost its "received" event were deleted directly by write_projection and are not staged. */
  return exec_sql (self,
                   "INSERT INTO dossier (" PROJECTION_COLUMNS ") SELECT " PROJECTION_COLUMNS
                   " FROM temp.projection_stage WHERE true ORDER BY received, uuid"
                   " ON CONFLICT (uuid) DO UPDATE SET " PROJECTION_UPDATES, error) &&
         exec_sql (self, "DELETE FROM temp.projection_stage", error);
}

static gboolean
write_projection (McStore     *self,
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
      if (self->staging)
        {
          stmt = prepare (self, "DELETE FROM temp.projection_stage WHERE uuid = ?", error);
          if (stmt == NULL)
            return FALSE;
          bind_text (stmt, 1, dossier_uuid);
          if (!step_done (self, stmt, error))
            return FALSE;
        }
      stmt = prepare (self, "DELETE FROM dossier WHERE uuid = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, dossier_uuid);
      return step_done (self, stmt, error);
    }

  search_key = mc_dossier_search_key (dossier);
  if (self->staging)
    stmt = prepare (self,
                    "INSERT OR REPLACE INTO temp.projection_stage (uuid, code, official_code, procedure_code,"
                    " procedure_name, sector, unit, duration, applicant_name, applicant_id, phone, channel,"
                    " result_delivery, status, received, due, settled, returned, new_due, outcome, has_apology,"
                    " n_events, last_lamport, search_key, on_the_spot)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                    " ?20, ?21, ?22, ?23, ?24, ?25)", error);
  else
    stmt = prepare (self,
                    "INSERT INTO dossier (" PROJECTION_COLUMNS ")"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                    " ?20, ?21, ?22, ?23, ?24, ?25)"
                    " ON CONFLICT (uuid) DO UPDATE SET " PROJECTION_UPDATES, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, dossier->uuid);
  bind_text (stmt, 2, dossier->code);
  bind_text (stmt, 3, dossier->official_code);
  bind_text (stmt, 4, dossier->procedure_code);
  bind_text (stmt, 5, dossier->procedure_name);
  bind_text (stmt, 6, dossier->sector);
  bind_text (stmt, 7, mc_unit_to_string (dossier->unit));
  sqlite3_bind_int (stmt, 8, dossier->duration);
  bind_text (stmt, 9, dossier->applicant_name);
  bind_text (stmt, 10, dossier->applicant_id);
  bind_text (stmt, 11, dossier->phone);
  bind_text (stmt, 12, mc_channel_to_string (dossier->channel));
  bind_text (stmt, 13, dossier->result_delivery);
  bind_text (stmt, 14, mc_status_to_string (dossier->status));
  bind_minute (stmt, 15, dossier->received);
  bind_minute (stmt, 16, dossier->due);
  bind_minute (stmt, 17, dossier->settled);
  bind_minute (stmt, 18, dossier->returned);
  bind_minute (stmt, 19, dossier->new_due);
  bind_text (stmt, 20, dossier->outcome == MC_DUE_STATE_NONE ? NULL : mc_due_state_to_string (dossier->outcome));
  sqlite3_bind_int (stmt, 21, dossier->has_apology);
  sqlite3_bind_int (stmt, 22, (int) dossier->n_events);
  sqlite3_bind_int64 (stmt, 23, dossier->last_lamport);
  bind_text (stmt, 24, search_key);
  sqlite3_bind_int (stmt, 25, dossier->on_the_spot);
  return step_done (self, stmt, error);
}

/* Rebuilds one dossier's row from the events stored for it. */
static gboolean
refold_dossier (McStore     *self,
                const char  *dossier_uuid,
                GError     **error)
{
  g_autoptr(GPtrArray) events = load_dossier_events (self, dossier_uuid, error);

  if (events == NULL)
    return FALSE;
  return write_projection (self, dossier_uuid, events, error);
}

/* The first column of every row of a bound statement, as strings; NULL with @error. */
static GPtrArray *
step_strings (McStore       *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

/* Refolds the dossiers whose deadline a calendar or office-hours change may move: every dossier whose counting
 * period touches [@from, @to] (all of them when both are MC_MINUTE_NONE), settled ones included, so that the
 * table always equals a fresh fold of the events whatever order they arrived in. */
static gboolean
refold_dossiers_touching (McStore   *self,
                          McMinute   from,
                          McMinute   to,
                          GError   **error)
{
  g_autoptr(GPtrArray) uuids = NULL;
  sqlite3_stmt *stmt;

  if (from == MC_MINUTE_NONE)
    stmt = prepare (self, "SELECT uuid FROM dossier", error);
  else
    stmt = prepare (self, "SELECT uuid FROM dossier WHERE received <= ?2"
                          " AND (due IS NULL OR due >= ?1 OR status = 'paused')", error);
  if (stmt == NULL)
    return FALSE;
  if (from != MC_MINUTE_NONE)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
    }
  uuids = step_strings (self, stmt, error);
  if (uuids == NULL)
    return FALSE;
  for (guint i = 0; i < uuids->len; i++)
    if (!refold_dossier (self, g_ptr_array_index (uuids, i), error))
      return FALSE;
  return TRUE;
}

/* Last writer wins for reference data, in the events' total order. */
static gboolean
project_reference_event (McStore  *self,
                         McEvent  *event,
                         GError  **error)
{
  JsonObject *p = json_node_get_object (event->payload);
  sqlite3_stmt *stmt;

  if (mc_event_kind_is_feedback (event->kind))
    return mc_feedback_project (self, event, error);

  if (g_str_equal (event->kind, MC_EVENT_PROCEDURE_SET))
    {
      g_autoptr(McProcedure) procedure = mc_procedure_new_from_json (p, NULL);
      g_autofree char *data = NULL;
      g_autofree char *key = NULL;

      if (procedure == NULL)
        return TRUE;
      data = json_to_string (event->payload, FALSE);
      key = g_strconcat (procedure->code, " ", procedure->name, NULL);
      g_free (g_steal_pointer (&key));
      {
        g_autofree char *folded = mc_text_fold (procedure->name);
        key = g_strconcat (procedure->code, " ", folded, NULL);
      }
      stmt = prepare (self,
                      "INSERT INTO procedure (code, name, search_key, data, lamport, station_id, station_seq)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (code) DO UPDATE SET name = ?2,"
                      " search_key = ?3, data = ?4, lamport = ?5, station_id = ?6, station_seq = ?7"
                      " WHERE (?5, ?6, ?7) > (lamport, station_id, station_seq)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, procedure->code);
      bind_text (stmt, 2, procedure->name);
      bind_text (stmt, 3, key);
      bind_text (stmt, 4, data);
      sqlite3_bind_int64 (stmt, 5, event->lamport);
      bind_text (stmt, 6, event->station_id);
      sqlite3_bind_int64 (stmt, 7, event->station_seq);
      return step_done (self, stmt, error);
    }

  if (g_str_equal (event->kind, MC_EVENT_CALENDAR_DAY_SET))
    {
      const char *date = json_object_get_string_member_with_default (p, "date", NULL);
      const char *kind = json_object_get_string_member_with_default (p, "kind", "none");
      int jdn;

      if (!mc_date_parse (date, &jdn, NULL))
        return TRUE;
      stmt = prepare (self,
                      "INSERT INTO calendar_day (date, kind, label, lamport, station_id, station_seq)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (date) DO UPDATE SET kind = ?2, label = ?3,"
                      " lamport = ?4, station_id = ?5, station_seq = ?6"
                      " WHERE (?4, ?5, ?6) > (lamport, station_id, station_seq)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, date);
      bind_text (stmt, 2, kind);
      bind_text (stmt, 3, json_object_get_string_member_with_default (p, "label", NULL));
      sqlite3_bind_int64 (stmt, 4, event->lamport);
      bind_text (stmt, 5, event->station_id);
      sqlite3_bind_int64 (stmt, 6, event->station_seq);
      if (!step_done (self, stmt, error))
        return FALSE;
      return load_office (self, error) &&
             refold_dossiers_touching (self, mc_minute_from_jdn (jdn, 0), mc_minute_from_jdn (jdn + 1, 0), error);
    }

  if (g_str_equal (event->kind, MC_EVENT_OFFICE_SET))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;
      gboolean moves_deadlines = FALSE;

      json_object_iter_init (&iter, p);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (!g_strv_contains (mc_office_shared_keys (), key) ||
              json_node_get_value_type (value) != G_TYPE_STRING)
            continue;
          stmt = prepare (self,
                          "INSERT INTO office_setting (key, value, lamport, station_id, station_seq)"
                          " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key) DO UPDATE SET value = ?2, lamport = ?3,"
                          " station_id = ?4, station_seq = ?5"
                          " WHERE (?3, ?4, ?5) > (lamport, station_id, station_seq)", error);
          if (stmt == NULL)
            return FALSE;
          bind_text (stmt, 1, key);
          bind_text (stmt, 2, json_node_get_string (value));
          sqlite3_bind_int64 (stmt, 3, event->lamport);
          bind_text (stmt, 4, event->station_id);
          sqlite3_bind_int64 (stmt, 5, event->station_seq);
          if (!step_done (self, stmt, error))
            return FALSE;
          if (!g_str_has_prefix (key, "office") && !g_str_has_suffix (key, "_name") && !g_str_equal (key, "place") &&
              !g_str_equal (key, "lookup_url") && !g_str_equal (key, "signer_title") &&
              !g_str_equal (key, "form_numbering") && !g_str_equal (key, "due_soon_days"))
            moves_deadlines = TRUE;
        }
      if (!load_office (self, error))
        return FALSE;
      return !moves_deadlines || refold_dossiers_touching (self, MC_MINUTE_NONE, MC_MINUTE_NONE, error);
    }

  return TRUE;
}

static gboolean
insert_event (McStore  *self,
              McEvent  *event,
              GError  **error)
{
  g_autofree char *payload = mc_event_payload_to_string (event);
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO event (uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk,"
                  " kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_event (stmt, event, payload);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (event->dossier_uuid != NULL)
    return refold_dossier (self, event->dossier_uuid, error);
  return project_reference_event (self, event, error);
}

static gint64
query_int (McStore     *self,
           const char  *sql,
           const char  *arg,
           GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  gint64 value = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  if (arg != NULL)
    bind_text (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      return -1;
    }
  return value;
}

/* Appends an event made on this station, inside the caller's transaction. */
static McEvent *
append_local_event (McStore     *self,
                    const char  *dossier_uuid,
                    const char  *kind,
                    JsonNode    *payload,
                    const char  *clerk,
                    GError     **error)
{
  g_autoptr(McEvent) event = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = mc_time_now_iso_offset ();
  gint64 seq, lamport;

  /* With accounts, the role decides: the office's settings, catalogue and calendar are the administrator's,
   * apology letters a leader's, the rest the desk's. */
  if (!mc_accounts_check (self, dossier_uuid == NULL && !mc_event_kind_is_feedback (kind) ? MC_PERMISSION_ADMINISTER
                                : g_str_equal (kind, MC_EVENT_APOLOGY_ISSUED) ? MC_PERMISSION_SIGN_APOLOGY
                                : MC_PERMISSION_DESK, error))
    return NULL;

  seq = query_int (self, "SELECT IFNULL(MAX(station_seq), 0) + 1 FROM event WHERE station_id = ?",
                   self->office->station_id, error);
  if (seq < 0)
    return NULL;
  lamport = query_int (self, "SELECT IFNULL(MAX(lamport), 0) + 1 FROM event", NULL, error);
  if (lamport < 0)
    return NULL;

  event = mc_event_new (uuid, dossier_uuid, self->office->station_id, seq, lamport, now,
                        clerk ? clerk : self->actor_name ? self->actor_name
                                                         : (self->office->clerk ? self->office->clerk : ""),
                        kind, payload);
  if (!insert_event (self, event, error))
    return NULL;
  self->changed = TRUE;
  return g_steal_pointer (&event);
}

static McDossier *
dossier_from_row (sqlite3_stmt *stmt)
{
  McDossier *d = mc_dossier_new ();

  d->row_id = sqlite3_column_int64 (stmt, 0);
  d->uuid = column_dup (stmt, 1);
  d->code = column_dup (stmt, 2);
  d->official_code = column_dup (stmt, 3);
  d->procedure_code = column_dup (stmt, 4);
  d->procedure_name = column_dup (stmt, 5);
  d->sector = column_dup (stmt, 6);
  mc_unit_from_string ((const char *) sqlite3_column_text (stmt, 7), &d->unit);
  d->duration = sqlite3_column_int (stmt, 8);
  d->applicant_name = column_dup (stmt, 9);
  d->applicant_id = column_dup (stmt, 10);
  d->phone = column_dup (stmt, 11);
  mc_channel_from_string ((const char *) sqlite3_column_text (stmt, 12), &d->channel);
  d->result_delivery = column_dup (stmt, 13);
  mc_status_from_string ((const char *) sqlite3_column_text (stmt, 14), &d->status);
  d->received = column_minute (stmt, 15);
  d->due = column_minute (stmt, 16);
  d->settled = column_minute (stmt, 17);
  d->returned = column_minute (stmt, 18);
  d->new_due = column_minute (stmt, 19);
  if (sqlite3_column_type (stmt, 20) != SQLITE_NULL)
    mc_due_state_from_string ((const char *) sqlite3_column_text (stmt, 20), &d->outcome);
  d->has_apology = sqlite3_column_int (stmt, 21);
  d->n_events = (guint) sqlite3_column_int (stmt, 22);
  d->last_lamport = sqlite3_column_int64 (stmt, 23);
  return d;
}

/*
 * Opening
 */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the file header without SQLite, so that a file that is not ours, or is newer, is never touched. */
static gboolean
check_header (const char  *path,
              gboolean    *out_empty,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[100];
  gsize n = 0;

  *out_empty = FALSE;
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                   _("Cannot read the database file %s: %s"), path, local_error->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n, NULL, &local_error))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                   _("Cannot read the database file %s: %s"), path, local_error->message);
      return FALSE;
    }
  if (n == 0)
    {
      *out_empty = TRUE;
      return TRUE;
    }
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_OURS,
                   _("%s is not a Một Cửa database. Choose another file; this one was left untouched."), path);
      return FALSE;
    }
  /* application_id at offset 68, user_version at offset 60 */
  if (read_be32 (header + 68) != MC_APPLICATION_ID)
    {
      /* A file we created but whose first transaction never committed has no schema and no id yet. */
      if (read_be32 (header + 68) == 0 && read_be32 (header + 60) == 0 && read_be32 (header + 28) <= 1)
        {
          *out_empty = TRUE;
          return TRUE;
        }
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_OURS,
                   _("%s is a database of another program, not of Một Cửa. It was left untouched."), path);
      return FALSE;
    }
  if (read_be32 (header + 60) > MC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Một Cửa (data version %u; this one reads up to %d). "
                     "Update the application; the file was left untouched."),
                   path, read_be32 (header + 60), MC_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                   _("Cannot create the database file %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* One schema version's statements, and the version they bring the file to. */
static gboolean
write_migration (McStore   *self,
                 gpointer   data,
                 GError   **error)
{
  gint64 version = *(gint64 *) data;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version);
  g_autofree char *set_app = g_strdup_printf ("PRAGMA application_id = %d", MC_APPLICATION_ID);

  for (guint i = 0; migrations[version][i]; i++)
    if (!exec_sql (self, migrations[version][i], error))
      return FALSE;
  return exec_sql (self, set_version, error) && exec_sql (self, set_app, error);
}

static gboolean
migrate (McStore  *self,
         GError  **error)
{
  gint64 version = query_int (self, "PRAGMA user_version", NULL, error);

  if (version < 0)
    return FALSE;
  if (version > MC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Một Cửa. Update the application."), self->path);
      return FALSE;
    }
  for (gint64 v = version + 1; v <= MC_STORE_SCHEMA_VERSION; v++)
    if (!_mc_store_write (self, write_migration, &v, error))
      return FALSE;
  return TRUE;
}

/*
 * GObject
 */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
mc_store_finalize (GObject *object)
{
  McStore *self = (McStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->office, mc_office_free);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->actor_name);

  G_OBJECT_CLASS (mc_store_parent_class)->finalize (object);
}

static void
mc_store_class_init (McStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_store_finalize;

  /**
   * McStore::changed:
   *
   * Emitted after a transaction that changed dossiers or reference data committed, so views can reload.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_store_init (McStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->calendar = mc_calendar_new ();
  self->office = mc_office_new ();
}

/*
 * Public API
 */

char *
mc_store_default_path (void)
{
  const char *env = g_getenv ("MOTCUA_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "motcua", "motcua.db", NULL);
}

/**
 * mc_store_open:
 * @create: create the file (mode 0600) when it does not exist
 *
 * Opens a Một Cửa database. A file that is not ours, was written by a newer version, or is damaged is refused
 * with a message that says so, and is not modified.
 */
McStore *
mc_store_open (const char  *path,
               gboolean     create,
               GError     **error)
{
  g_autoptr(McStore) self = NULL;
  gboolean empty = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                           _("The cryptography library could not start"));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create)
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NO_DATABASE,
                       _("There is no database at %s yet. Set up the office first (motcua-cli init)."), path);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
    }
  else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_OURS,
                   _("%s is not a file. Choose a database file."), path);
      return NULL;
    }
  else if (!check_header (path, &empty, error))
    return NULL;

  self = g_object_new (MC_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Reading the schema first: a damaged file fails here, before anything is written to it. */
  if (query_int (self, "SELECT count(*) FROM sqlite_master", NULL, error) < 0)
    return NULL;

  /* WAL for readers alongside the writer; FULL so that a dossier the clerk saw saved survives a power cut. */
  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self, "PRAGMA synchronous = FULL", error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      /* 64 MiB of page cache: bulk imports and the million-row indexes stay in memory. */
      !exec_sql (self, "PRAGMA cache_size = -65536", error) ||
      !exec_sql (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;
  g_chmod (path, 0600);

  if (!load_office (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
mc_store_get_path (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return self->path;
}

gboolean
mc_store_is_set_up (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  return self->set_up;
}

const McOffice *
mc_store_get_office (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return self->office;
}

McCalendar *
mc_store_get_calendar (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return self->calendar;
}

static gboolean
ensure_set_up (McStore  *self,
               GError  **error)
{
  if (self->set_up)
    return TRUE;
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_SET_UP,
               _("This database has no office yet. Set up the office first (motcua-cli init)."));
  return FALSE;
}

static JsonNode *
payload_from_pairs (const char *first_key,
                    ...) G_GNUC_NULL_TERMINATED;

static JsonNode *
payload_from_pairs (const char *first_key,
                    ...)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      if (value != NULL)
        json_object_set_string_member (object, key, value);
    }
  va_end (args);
  json_node_take_object (node, object);
  return node;
}

static gboolean
load_catalogue (McStore  *self,
                GError  **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/motcua/Desk/data/procedures.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(GPtrArray) procedures = NULL;
  gsize len;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  procedures = mc_procedure_parse_catalogue (data, (gssize) len, error);
  if (procedures == NULL)
    return FALSE;
  for (guint i = 0; i < procedures->len; i++)
    {
      g_autoptr(JsonNode) payload = mc_procedure_to_json_node (g_ptr_array_index (procedures, i));
      g_autoptr(McEvent) event = append_local_event (self, NULL, MC_EVENT_PROCEDURE_SET, payload, NULL, error);

      if (event == NULL)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  int         station;
  const char *station_id;
  const char *office_code;
  const char *name;
  const char *parent;
  const char *place;
  const char *clerk;
} Setup;

static gboolean
write_setup (McStore   *self,
             gpointer   data,
             GError   **error)
{
  Setup *setup = data;
  g_autofree char *station = g_strdup_printf ("%d", setup->station);

  if (!set_local (self, "station", station, error) ||
      !set_local (self, "station_id", setup->station_id, error) ||
      !set_local (self, "clerk", setup->clerk, error))
    return FALSE;
  g_free (self->office->station_id);
  self->office->station_id = g_strdup (setup->station_id);
  g_free (self->office->clerk);
  self->office->clerk = g_strdup (setup->clerk);
  self->changed = TRUE;

  /* A station joining an office whose events it already imported keeps the office's settings and catalogue:
   * writing them again would override the office's later edits. */
  if (self->office->code == NULL)
    {
      g_autoptr(JsonNode) payload = payload_from_pairs ("office_code", setup->office_code, "office_name", setup->name,
                                                        "parent_name", setup->parent, "place", setup->place, NULL);
      g_autoptr(McEvent) event = append_local_event (self, NULL, MC_EVENT_OFFICE_SET, payload, NULL, error);

      if (event == NULL || !load_catalogue (self, error))
        return FALSE;
    }
  /* Read back inside the transaction: the views see the new station when the commit is announced. */
  return load_office (self, error);
}

/**
 * mc_store_setup:
 *
 * First start: records the office (shared with the other stations through events), this station's number and
 * clerk, and loads the shipped procedure catalogue. All or nothing.
 */
gboolean
mc_store_setup (McStore             *self,
                const McStoreSetup  *setup,
                GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *place = NULL;
  g_autofree char *clerk = NULL;
  g_autofree char *station_id = g_uuid_string_random ();
  g_autoptr(GError) text_error = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);

  if (self->set_up)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_ALREADY_SET_UP,
                   _("This database already belongs to office %s (station %02d)."),
                   self->office->code, self->office->station);
      return FALSE;
    }
  if (!mc_office_code_is_valid (setup->office_code))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The office code is the office's electronic id, letters, digits and dots only, "
                             "such as 000.00.12.H40"));
      return FALSE;
    }
  name = mc_text_clean (setup->office_name ? setup->office_name : "", -1, 200, FALSE, &text_error);
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Enter the office's name, such as “UBND xã Tân Lập”"));
      return FALSE;
    }
  if (self->office->code != NULL && g_strcmp0 (self->office->code, setup->office_code) != 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                   _("This database holds the data of office %s; set the station up with that office code"),
                   self->office->code);
      return FALSE;
    }
  if (setup->station < 1 || setup->station > 99)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The station number must be between 1 and 99, and unique in the office"));
      return FALSE;
    }
  parent = mc_text_clean (setup->parent_name ? setup->parent_name : "", -1, 200, FALSE, NULL);
  place = mc_text_clean (setup->place ? setup->place : "", -1, 100, FALSE, NULL);
  clerk = mc_text_clean (setup->clerk ? setup->clerk : "", -1, 100, FALSE, NULL);
  if (parent == NULL || place == NULL || clerk == NULL)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The office details contain characters that cannot be stored; retype them"));
      return FALSE;
    }
  if (*parent == '\0')
    {
      g_free (parent);
      parent = g_utf8_strup (name, -1);
    }

  return _mc_store_write (self, write_setup,
                          &(Setup) { setup->station, station_id, setup->office_code, name, parent,
                                     *place ? place : NULL, *clerk ? clerk : g_get_real_name () },
                          error);
}

/**
 * mc_store_set_office_values:
 * @values: (element-type utf8 utf8): shared setting keys (mc_office_shared_keys()) and their new values
 */
gboolean
mc_store_set_office_values (McStore     *self,
                            GHashTable  *values,
                            GError     **error)
{
  g_autoptr(McOffice) check = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;
  JsonObject *object;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  if (!ensure_set_up (self, error))
    return FALSE;

  check = mc_office_copy (self->office);
  object = json_object_new ();
  payload = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (payload, object);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!mc_office_set_value (check, key, value))
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                       _("The setting “%s” cannot take the value “%s”"), (const char *) key,
                       value ? (const char *) value : "");
          return FALSE;
        }
      json_object_set_string_member (object, key, value ? value : "");
    }
  if (!mc_office_code_is_valid (check->code))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The office code is the office's electronic id, letters, digits and dots only"));
      return FALSE;
    }
  {
    g_autoptr(McCalendar) scratch = mc_calendar_new ();

    if (!mc_calendar_set_hours (scratch, &check->hours, error))
      return FALSE;
  }

  event = mc_store_append_reference_event (self, MC_EVENT_OFFICE_SET, payload, error);
  return event != NULL;
}

typedef struct
{
  const char *kind;
  JsonNode   *payload;
  McEvent    *event;
} ReferenceEvent;

static gboolean
write_reference_event (McStore   *self,
                       gpointer   data,
                       GError   **error)
{
  ReferenceEvent *r = data;

  r->event = append_local_event (self, NULL, r->kind, r->payload, NULL, error);
  return r->event != NULL;
}

/**
 * mc_store_append_reference_event:
 *
 * Records an event that belongs to no dossier (office settings, the catalogue, the calendar, the feedback
 * register), in its own transaction, projected.
 */
McEvent *
mc_store_append_reference_event (McStore     *self,
                                 const char  *kind,
                                 JsonNode    *payload,
                                 GError     **error)
{
  ReferenceEvent r = { kind, payload, NULL };

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  if (!ensure_set_up (self, error) || !_mc_store_write (self, write_reference_event, &r, error))
    {
      g_clear_pointer (&r.event, mc_event_unref);
      return NULL;
    }
  return r.event;
}

/**
 * mc_store_set_calendar_day:
 * @kind: %MC_DAY_OFFICE_CLOSED, %MC_DAY_OFFICE_WORKDAY, or %MC_DAY_WORKING to remove the office's entry
 */
gboolean
mc_store_set_calendar_day (McStore     *self,
                           int          jdn,
                           McDayKind    kind,
                           const char  *label,
                           GError     **error)
{
  g_autofree char *date = mc_date_format_iso (jdn);
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;
  const char *kind_name;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  if (!ensure_set_up (self, error))
    return FALSE;

  switch (kind)
    {
    case MC_DAY_OFFICE_CLOSED:
      kind_name = "closed";
      break;
    case MC_DAY_OFFICE_WORKDAY:
      kind_name = "workday";
      break;
    case MC_DAY_WORKING:
      kind_name = "none";
      break;
    default:
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("An office can only add a closure or a working day"));
      return FALSE;
    }

  payload = payload_from_pairs ("date", date, "kind", kind_name, "label", label, NULL);
  event = mc_store_append_reference_event (self, MC_EVENT_CALENDAR_DAY_SET, payload, error);
  return event != NULL;
}

GPtrArray *
mc_store_list_procedures (McStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT data FROM procedure ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);
      McProcedure *procedure;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      procedure = mc_procedure_new_from_json (json_node_get_object (node), NULL);
      if (procedure != NULL)
        g_ptr_array_add (result, procedure);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

McProcedure *
mc_store_get_procedure (McStore     *self,
                        const char  *code,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  McProcedure *procedure = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT data FROM procedure WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        procedure = mc_procedure_new_from_json (json_node_get_object (node), NULL);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (procedure == NULL)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_PROCEDURE,
                 _("There is no procedure with code “%s” in the catalogue"), code ? code : "");
  return procedure;
}

gboolean
mc_store_set_procedure (McStore      *self,
                        McProcedure  *procedure,
                        GError      **error)
{
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (procedure != NULL, FALSE);
  if (!ensure_set_up (self, error))
    return FALSE;

  payload = mc_procedure_to_json_node (procedure);
  event = mc_store_append_reference_event (self, MC_EVENT_PROCEDURE_SET, payload, error);
  return event != NULL;
}

/* The next number of a form for a year, inside the caller's transaction ("Số: 05/PXL-TTPVHCC"). The sequence
 * is this station's; see docs/architecture.md for offices with several stations. */
static gint64
next_form_number (McStore     *self,
                  const char  *form,
                  int          year,
                  GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, "INSERT INTO form_sequence (form, year, last) VALUES (?1, ?2, 1)"
                                      " ON CONFLICT (form, year) DO UPDATE SET last = last + 1 RETURNING last",
                                error);
  gint64 number = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, form);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    set_sqlite_error (self, rc, error);
  return number;
}

/* A short look-up code printed on the slip beside the QR; no 0/O or 1/I to misread. */
static char *
make_lookup_pin (void)
{
  static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  char pin[7];

  for (int i = 0; i < 6; i++)
    pin[i] = alphabet[randombytes_uniform (sizeof alphabet - 1)];
  pin[6] = '\0';
  return g_strdup (pin);
}

static gboolean
clean_optional (const char  *input,
                gsize        max_chars,
                gboolean     multiline,
                const char  *field,
                char       **out,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *out = NULL;
  if (input == NULL || *input == '\0')
    return TRUE;
  *out = mc_text_clean (input, -1, max_chars, multiline, &local_error);
  if (*out == NULL)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, "%s: %s", field, local_error->message);
      return FALSE;
    }
  if (**out == '\0')
    g_clear_pointer (out, g_free);
  return TRUE;
}

static gboolean
wrap_error (GError     **error,
            const char  *field,
            GError      *cause)
{
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, "%s: %s", field, cause->message);
  return FALSE;
}

static gboolean
valid_documents (JsonNode *documents)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (documents))
    return FALSE;
  array = json_node_get_array (documents);
  if (json_array_get_length (array) > 100)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      JsonObject *o;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        return FALSE;
      o = json_node_get_object (e);
      name = json_object_get_string_member_with_default (o, "name", NULL);
      if (name == NULL || !g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > 500)
        return FALSE;
    }
  return TRUE;
}

/* What intake checked and cleaned, for the transaction that issues the numbers and records it. */
typedef struct
{
  const McIntake *intake;
  McProcedure    *procedure;
  const char     *dossier_uuid;
  const char     *pin;
  const char     *received_iso;
  const char     *day;            /* "YYMMDD" of receipt */
  int             year;
  const char     *name;
  const char     *id_number;
  McIdKind        id_kind;
  const char     *phone;
  const char     *email;
  const char     *address;
  const char     *notes;
  const char     *proxy_name;
  const char     *proxy_id;
  const char     *proxy_phone;
  const char     *proxy_address;
  JsonNode       *documents;
} Intake;

static void
add_string_member (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* The "received" event's payload: the code and numbers just issued, the procedure's rules of the day, the
 * applicant and the papers. */
static JsonNode *
build_received (Intake     *in,
                const char *code,
                gint64      slip_number,
                gint64      control_number)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_member (builder, "code", code);
  add_string_member (builder, "lookup_pin", in->pin);
  json_builder_set_member_name (builder, "slip_number");
  json_builder_add_int_value (builder, slip_number);
  json_builder_set_member_name (builder, "control_number");
  json_builder_add_int_value (builder, control_number);
  add_string_member (builder, "received_at", in->received_iso);
  json_builder_set_member_name (builder, "procedure");
  mc_procedure_add_snapshot (in->procedure, builder);
  json_builder_set_member_name (builder, "applicant");
  json_builder_begin_object (builder);
  add_string_member (builder, "name", in->name);
  if (in->id_number)
    {
      add_string_member (builder, "id_number", in->id_number);
      add_string_member (builder, "id_kind", in->id_kind == MC_ID_KIND_PERSONAL_ID ? "personal_id"
                                             : in->id_kind == MC_ID_KIND_OLD_ID_CARD ? "old_id_card" : "passport");
    }
  if (in->intake->birth_year > 0)
    {
      json_builder_set_member_name (builder, "birth_year");
      json_builder_add_int_value (builder, in->intake->birth_year);
    }
  add_string_member (builder, "phone", in->phone);
  add_string_member (builder, "email", in->email);
  add_string_member (builder, "address", in->address);
  json_builder_end_object (builder);
  if (in->proxy_name)
    {
      json_builder_set_member_name (builder, "proxy");
      json_builder_begin_object (builder);
      add_string_member (builder, "name", in->proxy_name);
      add_string_member (builder, "id_number", in->proxy_id);
      add_string_member (builder, "phone", in->proxy_phone);
      add_string_member (builder, "address", in->proxy_address);
      json_builder_end_object (builder);
    }
  add_string_member (builder, "channel", mc_channel_to_string (in->intake->channel));
  json_builder_set_member_name (builder, "documents");
  json_builder_add_value (builder, json_node_ref (in->documents));
  json_builder_set_member_name (builder, "sets");
  json_builder_add_int_value (builder, in->intake->sets > 0 ? in->intake->sets : 1);
  add_string_member (builder, "notes", in->notes);
  add_string_member (builder, "result_delivery", in->intake->result_delivery ? in->intake->result_delivery : "desk");
  if (in->intake->on_the_spot)
    {
      json_builder_set_member_name (builder, "on_the_spot");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
write_intake (McStore   *self,
              gpointer   data,
              GError   **error)
{
  Intake *in = data;
  g_autofree char *code = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;
  gint64 seq, slip_number, control_number;
  sqlite3_stmt *stmt;

  /* The station's own sequence for the day: codes from different stations never collide. */
  stmt = prepare (self, "INSERT INTO day_sequence (day, last) VALUES (?1, 1)"
                        " ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, in->day);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (self, sqlite3_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  slip_number = next_form_number (self, "slip", in->year, error);
  control_number = slip_number > 0 ? next_form_number (self, "control", in->year, error) : -1;
  if (control_number < 0)
    return FALSE;
  code = g_strdup_printf ("%s-%s-%02d%04" G_GINT64_FORMAT, self->office->code, in->day, self->office->station, seq);

  payload = build_received (in, code, slip_number, control_number);
  event = append_local_event (self, in->dossier_uuid, MC_EVENT_RECEIVED, payload, in->intake->clerk, error);
  return event != NULL;
}

/**
 * mc_store_intake:
 * @out_warning: (out) (optional): a note the clerk should see but that does not block saving
 *
 * Receives a dossier: validates what the clerk typed, issues the dossier code and records the "received"
 * event durably. Nothing is written when any field is refused.
 */
McDossier *
mc_store_intake (McStore         *self,
                 const McIntake  *intake,
                 char           **out_warning,
                 GError         **error)
{
  g_autoptr(McProcedure) procedure = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *proxy_name = NULL;
  g_autofree char *proxy_id = NULL;
  g_autofree char *proxy_phone = NULL;
  g_autofree char *proxy_address = NULL;
  g_autofree char *dossier_uuid = g_uuid_string_random ();
  g_autofree char *pin = make_lookup_pin ();
  g_autofree char *received_iso = NULL;
  g_autofree char *day = NULL;
  g_autoptr(JsonNode) documents = NULL;
  McIdKind id_kind = MC_ID_KIND_PERSONAL_ID;
  McMinute received;
  Intake in;
  int y, m, d;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (intake != NULL, NULL);

  if (!ensure_set_up (self, error))
    return NULL;

  procedure = mc_store_get_procedure (self, intake->procedure_code, error);
  if (procedure == NULL)
    return NULL;
  if (intake->on_the_spot && procedure->unit != MC_UNIT_SAME_DAY)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION,
                   _("“%s” is not a same-day procedure: it cannot be served on the spot"), procedure->name);
      return NULL;
    }

  name = mc_text_normalize_person_name (intake->applicant_name ? intake->applicant_name : "", &local_error);
  if (name == NULL)
    {
      wrap_error (error, _("Applicant's name"), local_error);
      return NULL;
    }
  if (intake->birth_year != 0 && (intake->birth_year < 1900 || intake->birth_year > 2100))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The year of birth must be between 1900 and 2100"));
      return NULL;
    }
  if (intake->id_number != NULL && *intake->id_number != '\0' &&
      !mc_id_number_validate (intake->id_number, intake->birth_year, intake->gender, &id_kind, &id_number,
                              &warning, &local_error))
    {
      wrap_error (error, _("Personal ID number"), local_error);
      return NULL;
    }
  if (intake->phone != NULL && *intake->phone != '\0' &&
      !mc_phone_normalize (intake->phone, &phone, &local_error))
    {
      wrap_error (error, _("Phone"), local_error);
      return NULL;
    }
  if (intake->email != NULL && *intake->email != '\0' &&
      !mc_email_normalize (intake->email, &email, &local_error))
    {
      wrap_error (error, _("E-mail"), local_error);
      return NULL;
    }
  if (!clean_optional (intake->address, 500, FALSE, _("Address"), &address, error) ||
      !clean_optional (intake->notes, 2000, TRUE, _("Notes"), &notes, error) ||
      !clean_optional (intake->proxy_address, 500, FALSE, _("Proxy's address"), &proxy_address, error))
    return NULL;
  if (intake->proxy_name != NULL && *intake->proxy_name != '\0')
    {
      proxy_name = mc_text_normalize_person_name (intake->proxy_name, &local_error);
      if (proxy_name == NULL)
        {
          wrap_error (error, _("Proxy's name"), local_error);
          return NULL;
        }
    }
  if (intake->proxy_id_number != NULL && *intake->proxy_id_number != '\0' &&
      !mc_id_number_validate (intake->proxy_id_number, 0, MC_GENDER_UNKNOWN, NULL, &proxy_id, NULL,
                              &local_error))
    {
      wrap_error (error, _("Proxy's ID number"), local_error);
      return NULL;
    }
  if (intake->proxy_phone != NULL && *intake->proxy_phone != '\0' &&
      !mc_phone_normalize (intake->proxy_phone, &proxy_phone, &local_error))
    {
      wrap_error (error, _("Proxy's phone"), local_error);
      return NULL;
    }
  if ((proxy_id || proxy_phone || proxy_address) && proxy_name == NULL)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Enter the proxy's name, or clear the proxy's other details"));
      return NULL;
    }
  if (intake->sets < 0 || intake->sets > 99)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The number of sets must be between 1 and 99"));
      return NULL;
    }
  if (intake->result_delivery != NULL && g_strcmp0 (intake->result_delivery, "desk") != 0 &&
      g_strcmp0 (intake->result_delivery, "post") != 0)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The result is collected at the desk or sent by post"));
      return NULL;
    }
  if (intake->documents != NULL && !valid_documents (intake->documents))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The list of documents received is not valid"));
      return NULL;
    }
  documents = intake->documents ? json_node_copy (intake->documents) : mc_procedure_required_documents_to_json (procedure);

  received = intake->received != MC_MINUTE_NONE ? intake->received : mc_time_now ();
  received_iso = mc_time_format_iso_offset (received);
  mc_jdn_to_ymd (mc_minute_jdn (received), &y, &m, &d);
  day = g_strdup_printf ("%02d%02d%02d", y % 100, m, d);

  in = (Intake) { intake, procedure, dossier_uuid, pin, received_iso, day, y, name, id_number, id_kind, phone,
                  email, address, notes, proxy_name, proxy_id, proxy_phone, proxy_address, documents };
  if (!_mc_store_write (self, write_intake, &in, error))
    return NULL;
  if (out_warning)
    *out_warning = g_steal_pointer (&warning);
  return mc_store_get_dossier (self, dossier_uuid, error);
}

static char *
lookup_uuid (McStore     *self,
             const char  *code_or_uuid,
             GError     **error)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;
  int rc;

  stmt = prepare (self, "SELECT uuid FROM dossier WHERE uuid = ?1 OR code = ?1 OR official_code = ?1 LIMIT 1",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, code_or_uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uuid = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (uuid == NULL)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_DOSSIER,
                 _("There is no dossier with code “%s”"), code_or_uuid ? code_or_uuid : "");
  return uuid;
}

/**
 * mc_store_serve_on_the_spot:
 * @intake: what the clerk typed; the procedure must be a same-day one
 *
 * "5 tại chỗ": received, decided and returned while the citizen waits — three events with their real times
 * (received now, the result ready and handed over when each step is recorded), no appointment slip. A step that
 * fails after the intake leaves the dossier received, as at any desk.
 *
 * Returns: (transfer full): the returned dossier, or NULL with @error
 */
McDossier *
mc_store_serve_on_the_spot (McStore         *self,
                            const McIntake  *intake,
                            GError         **error)
{
  McIntake on_spot;
  g_autoptr(McDossier) received = NULL;
  const char *steps[] = { MC_EVENT_RESULT_READY, MC_EVENT_RETURNED };
  McDossier *done = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (intake != NULL, NULL);

  on_spot = *intake;
  on_spot.on_the_spot = TRUE;
  on_spot.received = MC_MINUTE_NONE;
  received = mc_store_intake (self, &on_spot, NULL, error);
  if (received == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) payload = NULL;
      g_autofree char *now = mc_time_format_iso (mc_time_now ());

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, now);
      if (g_str_equal (steps[i], MC_EVENT_RETURNED))
        {
          json_builder_set_member_name (builder, "receiver");
          json_builder_add_string_value (builder, received->applicant_name);
        }
      json_builder_end_object (builder);
      payload = json_builder_get_root (builder);
      g_clear_pointer (&done, mc_dossier_unref);
      done = mc_store_record (self, received->code, steps[i], payload, NULL, error);
      if (done == NULL)
        return NULL;
    }
  return done;
}

/**
 * mc_store_get_dossier:
 *
 * The whole dossier, folded from its events (the dossier page, the forms).
 */
McDossier *
mc_store_get_dossier (McStore     *self,
                      const char  *code_or_uuid,
                      GError     **error)
{
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) events = NULL;
  McDossier *dossier;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  uuid = lookup_uuid (self, code_or_uuid, error);
  if (uuid == NULL)
    return NULL;
  events = load_dossier_events (self, uuid, error);
  if (events == NULL)
    return NULL;
  dossier = mc_dossier_fold (events, self->calendar, self->office->supplement_mode);
  if (dossier == NULL)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_DOSSIER,
                 _("There is no dossier with code “%s”"), code_or_uuid);
  return dossier;
}

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

  stmt = prepare (self,
                  "SELECT uuid FROM dossier WHERE (outcome = 'late' AND settled >= ?1 AND settled < ?2)"
                  " OR (status IN ('in_progress') AND due IS NOT NULL AND due < ?3 AND received < ?2)"
                  " ORDER BY due, code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, reference);
  {
    g_autoptr(GPtrArray) uuids = step_strings (self, stmt, error);

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

/**
 * mc_store_get_events:
 *
 * Returns: (transfer full) (element-type McEvent): the dossier's history in the total order
 */
GPtrArray *
mc_store_get_events (McStore     *self,
                     const char  *code_or_uuid,
                     GError     **error)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  uuid = lookup_uuid (self, code_or_uuid, error);
  if (uuid == NULL)
    return NULL;
  return load_dossier_events (self, uuid, error);
}

static gboolean refuse_action (GError     **error,
                               const char  *format,
                               ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse_action (GError     **error,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
check_transition (McDossier   *dossier,
                  const char  *kind,
                  JsonObject  *payload,
                  GError     **error)
{
  const char *reason = json_object_get_string_member_with_default (payload, "reason", NULL);
  gboolean needs_reason = g_str_equal (kind, MC_EVENT_SUPPLEMENT_REQUESTED) ||
                          g_str_equal (kind, MC_EVENT_REFUSED) ||
                          g_str_equal (kind, MC_EVENT_STOP_REQUESTED) ||
                          g_str_equal (kind, MC_EVENT_APOLOGY_ISSUED) ||
                          g_str_equal (kind, MC_EVENT_EDITED);

  if (needs_reason && (reason == NULL || *reason == '\0'))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Give the reason: it is recorded with the dossier and printed on the form"));
      return FALSE;
    }

  if (g_str_equal (kind, MC_EVENT_SUPPLEMENT_REQUESTED) || g_str_equal (kind, MC_EVENT_RESULT_READY))
    {
      if (dossier->status != MC_STATUS_IN_PROGRESS)
        /* Translators: the first %s is a dossier code, the second its status */
        return refuse_action (error, _("Dossier %s is “%s”: this step applies only while it is in progress"),
                              dossier->code, mc_status_label (dossier->status));
    }
  else if (g_str_equal (kind, MC_EVENT_SUPPLEMENT_COMPLETED))
    {
      if (dossier->status != MC_STATUS_PAUSED)
        return refuse_action (error, _("Dossier %s is “%s”: no supplement was requested"),
                              dossier->code, mc_status_label (dossier->status));
    }
  else if (g_str_equal (kind, MC_EVENT_REFUSED) || g_str_equal (kind, MC_EVENT_STOP_REQUESTED))
    {
      if (!mc_dossier_is_open (dossier))
        return refuse_action (error, _("Dossier %s is already “%s”"),
                              dossier->code, mc_status_label (dossier->status));
    }
  else if (g_str_equal (kind, MC_EVENT_RETURNED))
    {
      const char *tracking = json_object_get_string_member_with_default (payload, "tracking_number", NULL);

      if (dossier->status != MC_STATUS_IN_PROGRESS && dossier->status != MC_STATUS_RESULT_READY)
        return refuse_action (error, _("Dossier %s is “%s”: there is no result to return"),
                              dossier->code, mc_status_label (dossier->status));
      /* A result sent by post is handed to the postal service with the item's tracking number. */
      if (tracking != NULL)
        {
          gsize len = strlen (tracking);

          if (g_strcmp0 (dossier->result_delivery, "post") != 0)
            return refuse_action (error, _("The citizen of dossier %s collects the result at the desk: a tracking "
                                           "number is for a result sent by post"), dossier->code);
          for (const char *p = tracking; *p; p++)
            if (!g_ascii_isalnum (*p) && *p != '-')
              len = 0;
          if (len < 4 || len > 40)
            {
              g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                                   _("A tracking number is 4 to 40 letters, digits or “-”, as printed on the "
                                     "postal receipt"));
              return FALSE;
            }
          {
            g_autofree char *upper = g_ascii_strup (tracking, -1);
            json_object_set_string_member (payload, "tracking_number", upper);
          }
        }
    }
  else if (g_str_equal (kind, MC_EVENT_APOLOGY_ISSUED))
    {
      McMinute new_due;
      const char *text = json_object_get_string_member_with_default (payload, "new_due", NULL);

      if (dossier->has_apology)
        {
          g_autofree char *promised = mc_time_format_iso (dossier->new_due);
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION,
                       _("Dossier %s already has an apology letter with a new date (%s). The law allows the "
                         "return date to be moved only once."), dossier->code, promised);
          return FALSE;
        }
      if (dossier->status != MC_STATUS_IN_PROGRESS)
        return refuse_action (error, _("Dossier %s is “%s”: an apology letter is for a dossier still in progress"),
                              dossier->code, mc_status_label (dossier->status));
      if (text == NULL || !mc_time_parse (text, &new_due, NULL) || new_due <= dossier->due)
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("The new appointment must be a date and time after the original due date"));
          return FALSE;
        }
    }
  else if (g_str_equal (kind, MC_EVENT_EDITED))
    {
      static const char *fields[] = { "applicant_name", "id_number", "phone", "email", "address", "notes",
                                      "official_code", "result_delivery", "birth_year", NULL };
      const char *field = json_object_get_string_member_with_default (payload, "field", NULL);

      if (field == NULL || !g_strv_contains (fields, field))
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("This field cannot be corrected"));
          return FALSE;
        }
    }
  else if (g_str_equal (kind, MC_EVENT_RATING_RECORDED))
    {
      static const char *ratings[] = { "very_satisfied", "satisfied", "neutral", "dissatisfied",
                                       "very_dissatisfied", "declined", NULL };
      const char *rating = json_object_get_string_member_with_default (payload, "rating", NULL);

      if (rating == NULL || !g_strv_contains (ratings, rating))
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("The rating is one of very_satisfied, satisfied, neutral, dissatisfied, "
                                 "very_dissatisfied or declined"));
          return FALSE;
        }
      if (dossier->status != MC_STATUS_RETURNED && dossier->status != MC_STATUS_RESULT_READY)
        return refuse_action (error, _("Dossier %s is “%s”: the citizen rates the service when the result is returned"),
                              dossier->code, mc_status_label (dossier->status));
    }
  else if (g_str_equal (kind, MC_EVENT_DIGITISED))
    {
      const char *hash = json_object_get_string_member_with_default (payload, "hash", NULL);
      const char *media_type = json_object_get_string_member_with_default (payload, "media_type", NULL);
      const char *component = json_object_get_string_member_with_default (payload, "component", NULL);
      gint64 size = json_object_get_int_member_with_default (payload, "size", 0);

      if (!mc_attachment_hash_is_valid (hash) || !mc_attachment_media_type_is_known (media_type) ||
          component == NULL || *component == '\0' || size < 1 || size > MC_ATTACHMENT_MAX_SIZE)
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("A digitised document needs its component, its hash, its type and its size"));
          return FALSE;
        }
    }
  else if (g_str_equal (kind, MC_EVENT_DECLARATION_FILLED))
    {
      const char *template = json_object_get_string_member_with_default (payload, "template", NULL);
      JsonNode *answers = json_object_get_member (payload, "answers");

      if (template == NULL || *template == '\0' || answers == NULL || !JSON_NODE_HOLDS_OBJECT (answers))
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("A declaration needs its template and its answers"));
          return FALSE;
        }
      if (dossier->personal_data_removed)
        return refuse_action (error, _("Dossier %s no longer holds personal data: its declaration cannot be filled"),
                              dossier->code);
    }
  else if (!g_str_equal (kind, MC_EVENT_TRANSFERRED))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION, _("Unknown action “%s”"), kind);
      return FALSE;
    }
  return TRUE;
}

/* Normalises the value of a correction the same way intake does. */
static gboolean
clean_edit (McDossier   *dossier,
            JsonObject  *payload,
            GError     **error)
{
  const char *field = json_object_get_string_member_with_default (payload, "field", "");
  const char *value = json_object_get_string_member_with_default (payload, "value", "");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = NULL;

  if (g_str_equal (field, "applicant_name"))
    clean = mc_text_normalize_person_name (value, &local_error);
  else if (g_str_equal (field, "id_number"))
    {
      if (*value && !mc_id_number_validate (value, dossier->birth_year, MC_GENDER_UNKNOWN, NULL, &clean, NULL,
                                            &local_error))
        clean = NULL;
      else if (!*value)
        clean = g_strdup ("");
    }
  else if (g_str_equal (field, "phone"))
    {
      if (*value && !mc_phone_normalize (value, &clean, &local_error))
        clean = NULL;
      else if (!*value)
        clean = g_strdup ("");
    }
  else if (g_str_equal (field, "email"))
    {
      if (*value && !mc_email_normalize (value, &clean, &local_error))
        clean = NULL;
      else if (!*value)
        clean = g_strdup ("");
    }
  else if (g_str_equal (field, "birth_year"))
    {
      gint64 year = json_object_get_int_member_with_default (payload, "value", 0);
      if (year != 0 && (year < 1900 || year > 2100))
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("The year of birth must be between 1900 and 2100"));
          return FALSE;
        }
      return TRUE;
    }
  else if (g_str_equal (field, "result_delivery"))
    {
      if (!g_str_equal (value, "desk") && !g_str_equal (value, "post"))
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("The result is collected at the desk or sent by post"));
          return FALSE;
        }
      return TRUE;
    }
  else
    clean = mc_text_clean (value, -1, g_str_equal (field, "notes") ? 2000 : 500,
                           g_str_equal (field, "notes"), &local_error);

  if (clean == NULL)
    return wrap_error (error, field, local_error);
  json_object_set_string_member (payload, "value", clean);
  return TRUE;
}

typedef struct
{
  McDossier  *dossier;
  const char *kind;
  JsonNode   *payload;
  const char *clerk;
} Step;

static gboolean
write_step (McStore   *self,
            gpointer   data,
            GError   **error)
{
  Step *step = data;
  JsonObject *object = json_node_get_object (step->payload);
  g_autoptr(McEvent) event = NULL;
  /* The forms these steps produce are numbered per office, per form and per year; the number is recorded with
   * the event so a reprint shows the same number. */
  const char *form = g_str_equal (step->kind, MC_EVENT_SUPPLEMENT_REQUESTED) ? "supplement"
                   : g_str_equal (step->kind, MC_EVENT_REFUSED) ? "refusal"
                   : g_str_equal (step->kind, MC_EVENT_STOP_REQUESTED) ? "stop"
                   : g_str_equal (step->kind, MC_EVENT_APOLOGY_ISSUED) ? "apology" : NULL;

  if (form != NULL)
    {
      McMinute at;
      int year;
      gint64 number;

      mc_time_parse (json_object_get_string_member (object, "at"), &at, NULL);
      mc_jdn_to_ymd (mc_minute_jdn (at), &year, NULL, NULL);
      number = next_form_number (self, form, year, error);
      if (number < 0)
        return FALSE;
      json_object_set_int_member (object, "number", number);
    }
  event = append_local_event (self, step->dossier->uuid, step->kind, step->payload, step->clerk, error);
  /* A correction changes what was recorded about a citizen: the audit log says who and which field, in the
   * same transaction. */
  return event != NULL &&
         (!g_str_equal (step->kind, MC_EVENT_EDITED) ||
          mc_audit_record (self, MC_AUDIT_CORRECTION, step->dossier->code,
                           json_object_get_string_member_with_default (object, "field", NULL), error));
}

/**
 * mc_store_record:
 * @kind: one of the dossier event kinds (MC_EVENT_RESULT_READY, …)
 * @payload: (nullable): the event's details: "reason", "at", "receiver", "new_due", "field"/"value"
 *
 * Records a lifecycle step after checking that it fits the dossier's state.
 *
 * Returns: (transfer full): the dossier after the step
 */
McDossier *
mc_store_record (McStore     *self,
                 const char  *code_or_uuid,
                 const char  *kind,
                 JsonNode    *payload,
                 const char  *clerk,
                 GError     **error)
{
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(JsonNode) copy = NULL;
  JsonObject *object;
  const char *reason;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!ensure_set_up (self, error))
    return NULL;
  dossier = mc_store_get_dossier (self, code_or_uuid, error);
  if (dossier == NULL)
    return NULL;

  if (payload != NULL && JSON_NODE_HOLDS_OBJECT (payload))
    copy = json_node_copy (payload);
  else
    {
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, json_object_new ());
    }
  object = json_node_get_object (copy);

  for (const char *const *member = (const char *const[]) { "comment", "receiver", NULL }; *member; member++)
    {
      const char *text = json_object_get_string_member_with_default (object, *member, NULL);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *clean = NULL;

      if (text == NULL)
        continue;
      clean = mc_text_clean (text, -1, 2000, TRUE, &local_error);
      if (clean == NULL)
        {
          wrap_error (error, *member, local_error);
          return NULL;
        }
      json_object_set_string_member (object, *member, clean);
    }

  reason = json_object_get_string_member_with_default (object, "reason", NULL);
  if (reason != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *clean = mc_text_clean (reason, -1, 2000, TRUE, &local_error);

      if (clean == NULL)
        {
          wrap_error (error, _("Reason"), local_error);
          return NULL;
        }
      json_object_set_string_member (object, "reason", clean);
    }
  if (!json_object_has_member (object, "at"))
    {
      g_autofree char *now = mc_time_format_iso_offset (mc_time_now ());
      json_object_set_string_member (object, "at", now);
    }
  else
    {
      McMinute at;
      const char *text = json_object_get_string_member_with_default (object, "at", NULL);

      if (text == NULL || !mc_time_parse (text, &at, error))
        return NULL;
      if (at < dossier->received)
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("This step cannot happen before the dossier was received"));
          return NULL;
        }
    }

  if (!check_transition (dossier, kind, object, error))
    return NULL;
  if (g_str_equal (kind, MC_EVENT_EDITED) && !clean_edit (dossier, object, error))
    return NULL;

  if (!_mc_store_write (self, write_step, &(Step) { dossier, kind, copy, clerk }, error))
    return NULL;
  return mc_store_get_dossier (self, dossier->uuid, error);
}

void
mc_query_init (McQuery *query)
{
  memset (query, 0, sizeof *query);
  query->now = mc_time_now ();
  query->due_before = MC_MINUTE_NONE;
  query->due_from = MC_MINUTE_NONE;
  query->received_from = MC_MINUTE_NONE;
  query->received_to = MC_MINUTE_NONE;
  query->sort = MC_SORT_DUE;
}

/* An FTS5 query from what the clerk typed, folded: every word must match, and the word still being typed (the
 * last one, unless a space follows it) as a prefix. Whole words keep common names fast on a million rows. */
static char *
build_match (const char *text)
{
  g_autofree char *folded = mc_text_fold (text);
  GString *match = g_string_new (NULL);
  const char *p = folded;
  gsize raw_len = strlen (text);
  gboolean typing = raw_len > 0 && !g_ascii_isspace (text[raw_len - 1]);

  while (*p)
    {
      const char *start;

      while (*p && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (g_ascii_isalnum (*p))
        p++;
      if (p > start)
        {
          const char *rest = p;
          gboolean last;

          while (*rest && !g_ascii_isalnum (*rest))
            rest++;
          last = *rest == '\0';
          if (match->len)
            g_string_append_c (match, ' ');
          g_string_append_c (match, '"');
          g_string_append_len (match, start, p - start);
          g_string_append (match, last && typing ? "\"*" : "\"");
        }
    }
  if (match->len == 0)
    {
      g_string_free (match, TRUE);
      return NULL;
    }
  return g_string_free (match, FALSE);
}

static void
build_filter (McStore       *self,
              const McQuery *query,
              GString       *sql,
              GPtrArray     *args)
{
  /* args collects the search texts, bound in order; see bind_args() */
  gboolean first = TRUE;

#define AND() G_STMT_START { g_string_append (sql, first ? " WHERE " : " AND "); first = FALSE; } G_STMT_END

  if (query->text != NULL)
    {
      char *match = build_match (query->text);

      /* The FROM clause joins dossier_fts (see from_clause()). */
      AND ();
      if (match == NULL)
        g_string_append (sql, "0");
      else
        {
          g_string_append (sql, "dossier_fts MATCH ?");
          g_ptr_array_add (args, g_strconcat ("t", match, NULL));
          g_free (match);
        }
    }
  if (query->status_mask != 0)
    {
      gboolean any = FALSE;

      AND ();
      g_string_append (sql, "status IN (");
      for (int s = MC_STATUS_IN_PROGRESS; s <= MC_STATUS_STOPPED; s++)
        if (query->status_mask & (1u << s))
          {
            g_string_append_printf (sql, "%s'%s'", any ? ", " : "", mc_status_to_string (s));
            any = TRUE;
          }
      g_string_append (sql, ")");
    }
  if (query->due_state_mask != 0)
    {
      McMinute soon = mc_calendar_due_soon_limit (self->calendar, query->now);
      gboolean any = FALSE;

      AND ();
      g_string_append (sql, "(status = 'in_progress' AND (");
      if (query->due_state_mask & (1u << MC_DUE_STATE_OVERDUE))
        {
          g_string_append_printf (sql, "due < %" G_GINT64_FORMAT, query->now);
          any = TRUE;
        }
      if (query->due_state_mask & (1u << MC_DUE_STATE_DUE_SOON))
        {
          g_string_append_printf (sql, "%s(due >= %" G_GINT64_FORMAT " AND due < %" G_GINT64_FORMAT ")",
                                  any ? " OR " : "", query->now, soon);
          any = TRUE;
        }
      if (query->due_state_mask & (1u << MC_DUE_STATE_ON_TRACK))
        {
          g_string_append_printf (sql, "%sdue >= %" G_GINT64_FORMAT, any ? " OR " : "", soon);
          any = TRUE;
        }
      if (!any)
        g_string_append (sql, "0");
      g_string_append (sql, "))");
    }
  if (query->due_before != MC_MINUTE_NONE)
    {
      AND ();
      g_string_append_printf (sql, "due < %" G_GINT64_FORMAT, query->due_before);
    }
  if (query->due_from != MC_MINUTE_NONE)
    {
      AND ();
      g_string_append_printf (sql, "due >= %" G_GINT64_FORMAT, query->due_from);
    }
  if (query->received_from != MC_MINUTE_NONE)
    {
      AND ();
      g_string_append_printf (sql, "received >= %" G_GINT64_FORMAT, query->received_from);
    }
  if (query->received_to != MC_MINUTE_NONE)
    {
      AND ();
      g_string_append_printf (sql, "received < %" G_GINT64_FORMAT, query->received_to);
    }
  if (query->has_after)
    {
      /* Written as a range on the leading column, so SQLite seeks instead of scanning from the first row. */
      AND ();
      if (query->text != NULL)
        g_string_append_printf (sql, "dossier.id < %" G_GINT64_FORMAT, query->after_id);
      else if (query->sort == MC_SORT_DUE)
        g_string_append_printf (sql, "IFNULL(due, 9223372036854775807) >= %" G_GINT64_FORMAT
                                " AND (IFNULL(due, 9223372036854775807) > %" G_GINT64_FORMAT
                                " OR id > %" G_GINT64_FORMAT ")", query->after_key, query->after_key, query->after_id);
      else
        g_string_append_printf (sql, "received <= %" G_GINT64_FORMAT " AND (received < %" G_GINT64_FORMAT
                                " OR id < %" G_GINT64_FORMAT ")", query->after_key, query->after_key, query->after_id);
    }
#undef AND
}

static const char *
from_clause (const McQuery *query)
{
  return query->text != NULL ? "dossier_fts JOIN dossier ON dossier.id = dossier_fts.rowid" : "dossier";
}

/* Binds the texts collected by build_filter. Numbers are written into the SQL: they come from McMinute values,
 * never from user text, and keeping them literal lets SQLite pick the range index. */
static void
bind_args (sqlite3_stmt *stmt,
           GPtrArray    *args)
{
  for (guint i = 0; i < args->len; i++)
    bind_text (stmt, (int) i + 1, (const char *) g_ptr_array_index (args, i) + 1);
}

/**
 * mc_store_query:
 *
 * A page of the dossier list (light rows: no documents, proxy or notes), in the query's sort order. Paging is
 * by keyset (has_after/after_key/after_id from the last row), so every page costs the same.
 *
 * Returns: (transfer full) (element-type McDossier): the rows
 */
GPtrArray *
mc_store_query (McStore        *self,
                const McQuery  *query,
                GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  g_string_append_printf (sql, "SELECT " DOSSIER_COLUMNS " FROM %s", from_clause (query));
  build_filter (self, query, sql, args);
  /* A search walks the index newest first and stops at the page: a common name matches a hundred thousand
   * dossiers, and sorting them all for fifty would cost the clerk a pause at every key. */
  if (query->text != NULL)
    g_string_append (sql, " ORDER BY dossier_fts.rowid DESC");
  else if (query->sort == MC_SORT_DUE)
    g_string_append (sql, " ORDER BY IFNULL(due, 9223372036854775807), id");
  else
    g_string_append (sql, " ORDER BY received DESC, id DESC");
  g_string_append_printf (sql, " LIMIT %u", query->limit ? query->limit : 100);
  if (query->offset > 0 && !query->has_after)
    g_string_append_printf (sql, " OFFSET %u", query->offset);

  /* Not cached: the numbers in the text change with every call. */
  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  bind_args (stmt, args);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, dossier_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gint64
mc_store_count (McStore        *self,
                const McQuery  *query,
                GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  McQuery unpaged = *query;
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), -1);

  unpaged.has_after = FALSE;
  /* Everything: the total the triggers keep. */
  if (query->text == NULL && query->status_mask == 0 && query->due_state_mask == 0 &&
      query->due_before == MC_MINUTE_NONE && query->due_from == MC_MINUTE_NONE &&
      query->received_from == MC_MINUTE_NONE && query->received_to == MC_MINUTE_NONE)
    {
      count = query_int (self, "SELECT n FROM dossier_total WHERE id = 1", NULL, error);
      return count;
    }
  /* Searches are counted up to MC_STORE_SEARCH_CAP: nobody scrolls further, and counting every match of a
   * common name would take longer than finding the first page. */
  if (query->text != NULL)
    g_string_append_printf (sql, "SELECT count(*) FROM (SELECT 1 FROM %s", from_clause (query));
  else
    g_string_append_printf (sql, "SELECT count(*) FROM %s", from_clause (query));
  build_filter (self, &unpaged, sql, args);
  if (query->text != NULL)
    g_string_append_printf (sql, " LIMIT %d)", MC_STORE_SEARCH_CAP);
  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return -1;
    }
  bind_args (stmt, args);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (self, rc, error);
  sqlite3_finalize (stmt);
  return count;
}

static McEvent *
event_from_row (sqlite3_stmt *stmt,
                int           first)
{
  g_autoptr(JsonNode) payload = json_from_string ((const char *) sqlite3_column_text (stmt, first + 8), NULL);

  return mc_event_new ((const char *) sqlite3_column_text (stmt, first + 0),
                       (const char *) sqlite3_column_text (stmt, first + 1),
                       (const char *) sqlite3_column_text (stmt, first + 2),
                       sqlite3_column_int64 (stmt, first + 3),
                       sqlite3_column_int64 (stmt, first + 4),
                       (const char *) sqlite3_column_text (stmt, first + 5),
                       (const char *) sqlite3_column_text (stmt, first + 6),
                       (const char *) sqlite3_column_text (stmt, first + 7),
                       payload);
}

/**
 * mc_store_list_events:
 * @after_id: the local row id to start after (0 for the beginning)
 *
 * Every event this database holds, in the order it stored them: what an export carries.
 *
 * Returns: (transfer full) (element-type McEvent): up to @limit events
 */
GPtrArray *
mc_store_list_events (McStore  *self,
                      gint64    after_id,
                      guint     limit,
                      GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk, kind, payload, id"
                  " FROM event WHERE id > ? ORDER BY id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_id);
  sqlite3_bind_int64 (stmt, 2, limit ? limit : G_MAXINT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

static gboolean
event_is_well_formed (McEvent *event)
{
  return event->uuid != NULL && event->station_id != NULL && event->occurred_at != NULL &&
         event->clerk != NULL && event->station_seq > 0 && event->lamport > 0 &&
         mc_event_kind_is_known (event->kind) &&
         (event->dossier_uuid != NULL) == mc_event_kind_is_dossier (event->kind);
}

/* Removes the personal fields from a dossier's stored events (the fold then shows only the facts): the
 * applicant becomes "—", the proxy, notes, receiver and rating comments go, corrections of personal fields lose
 * their value. Freed space is zeroed (secure_delete) by the caller. */
static gboolean
scrub_dossier_events (McStore     *self,
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
      sqlite3_stmt *stmt = prepare (self, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, dossier_uuid);
      if (!step_done (self, stmt, error))
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
      event = append_local_event (self, uuid, MC_EVENT_PERSONAL_DATA_REMOVED, payload, NULL, error);
      if (event == NULL || !scrub_dossier_events (self, uuid, error) || !refold_dossier (self, uuid, error))
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

  stmt = prepare (self,
                  "SELECT d.uuid FROM dossier d WHERE d.status IN ('returned', 'refused', 'stopped')"
                  " AND (SELECT max (e.occurred_at) FROM event e WHERE e.dossier_uuid = d.uuid) < ?1"
                  " AND NOT EXISTS (SELECT 1 FROM event e WHERE e.dossier_uuid = d.uuid"
                  "                 AND e.kind = 'personal_data_removed')", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, cutoff);
  uuids = step_strings (self, stmt, error);
  if (uuids == NULL)
    return FALSE;
  if (out_count)
    *out_count = uuids->len;
  if (dry_run || uuids->len == 0)
    return TRUE;

  if (!exec_sql (self, "PRAGMA secure_delete = ON", error))
    return FALSE;
  if (!_mc_store_write (self, write_removal, &(Removal) { uuids, years, cutoff }, error))
    {
      exec_sql (self, "PRAGMA secure_delete = OFF", NULL);
      return FALSE;
    }
  /* The search index keeps old terms in its segments until they merge: merged now, and the log folded in, so
   * that no removed name survives in the file. */
  exec_sql (self, "INSERT INTO dossier_fts (dossier_fts) VALUES ('optimize')", NULL);
  exec_sql (self, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  exec_sql (self, "PRAGMA secure_delete = OFF", NULL);
  return TRUE;
}

/* Stores the events not known yet, in the total order; reference data is projected at once, dossier events are
 * collected by dossier for refold_imported(). */
static gboolean
store_new_events (McStore     *self,
                  GPtrArray   *sorted,
                  GHashTable  *dossiers,
                  guint       *added,
                  GError     **error)
{
  for (guint i = 0; i < sorted->len; i++)
    {
      McEvent *event = g_ptr_array_index (sorted, i);
      g_autofree char *payload = mc_event_payload_to_string (event);
      sqlite3_stmt *stmt;

      stmt = prepare (self,
                      "INSERT INTO event (uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk,"
                      " kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      bind_event (stmt, event, payload);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) == 0)
        continue;
      (*added)++;
      self->changed = TRUE;
      if (event->dossier_uuid != NULL)
        {
          GPtrArray *batch = g_hash_table_lookup (dossiers, event->dossier_uuid);

          if (batch == NULL)
            {
              batch = g_ptr_array_new ();
              g_hash_table_insert (dossiers, g_strdup (event->dossier_uuid), batch);
            }
          g_ptr_array_add (batch, event);
        }
      else if (!project_reference_event (self, event, error))
        return FALSE;
    }
  return TRUE;
}

/* Refolds every dossier the batch touched. */
static gboolean
refold_imported (McStore     *self,
                 GHashTable  *dossiers,
                 GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, dossiers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *batch = value;
      gboolean removed = FALSE;
      gint64 stored;

      /* Another station removed this dossier's personal data (now, or earlier and this is a late event): so does
       * this one, in its stored history too. */
      for (guint i = 0; i < batch->len && !removed; i++)
        removed = g_str_equal (((McEvent *) g_ptr_array_index (batch, i))->kind, MC_EVENT_PERSONAL_DATA_REMOVED);
      stored = query_int (self, "SELECT count(*) FROM event WHERE dossier_uuid = ?", key, error);
      if (stored < 0)
        return FALSE;
      if (!removed && stored != (gint64) batch->len)
        removed = query_int (self, "SELECT count(*) FROM event WHERE dossier_uuid = ?"
                                   " AND kind = 'personal_data_removed'", key, NULL) > 0;
      if (removed && !scrub_dossier_events (self, key, error))
        return FALSE;
      /* A dossier whose whole history came in this batch folds from the events in hand; one that already
       * had events here is read back whole. */
      if (stored == (gint64) batch->len ? !write_projection (self, key, batch, error)
                                        : !refold_dossier (self, key, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GPtrArray *sorted;
  guint      added;
} Import;

static gboolean
write_import (McStore   *self,
              gpointer   data,
              GError   **error)
{
  Import *import = data;
  /* dossier uuid → the batch's new events for it (borrowed) */
  g_autoptr(GHashTable) dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);

  return begin_staging (self, error) &&
         store_new_events (self, import->sorted, dossiers, &import->added, error) &&
         refold_imported (self, dossiers, error) &&
         flush_staged_projections (self, error);
}

/**
 * mc_store_apply_events:
 * @events: (element-type McEvent): events from another station, in any order
 * @out_new: (out) (optional): how many were not known before
 *
 * Adds the events this database does not hold yet and re-folds what they touch, in one transaction: all or
 * nothing. Events already known are skipped, so applying the same events twice changes nothing.
 */
gboolean
mc_store_apply_events (McStore    *self,
                       GPtrArray  *events,
                       guint      *out_new,
                       GError    **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (events->len);
  Import import = { sorted, 0 };

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);

  for (guint i = 0; i < events->len; i++)
    {
      McEvent *event = g_ptr_array_index (events, i);

      if (!event_is_well_formed (event))
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                       _("Event %u is damaged or of an unknown kind: nothing was imported"), i + 1);
          return FALSE;
        }
      g_ptr_array_add (sorted, event);
    }
  /* Reference data first in the total order, so that folds see the settings the events were made under. */
  g_ptr_array_sort (sorted, mc_event_compare_indirect);

  if (!_mc_store_write (self, write_import, &import, error))
    return FALSE;
  if (out_new)
    *out_new = import.added;
  return TRUE;
}

/* One text per row of a query, for comparing small result sets. */
static char *
query_text (McStore     *self,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  GString *text;
  int rc;

  if (stmt == NULL)
    return NULL;
  text = g_string_new (NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);

      g_string_append_printf (text, "%s\n", value ? value : "");
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      g_string_free (text, TRUE);
      return NULL;
    }
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
  if (!exec_sql (self, "INSERT INTO dossier_fts (dossier_fts) VALUES ('integrity-check')", NULL))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("The search index does not match the dossiers; it can be rebuilt from them"));
      return FALSE;
    }

  dossiers = query_int (self, "SELECT count(*) FROM dossier", NULL, error);
  received = dossiers < 0 ? -1 : query_int (self, "SELECT count(DISTINCT dossier_uuid) FROM event"
                                                  " WHERE kind = 'received'", NULL, error);
  codes = received < 0 ? -1 : query_int (self, "SELECT count(DISTINCT code) FROM dossier", NULL, error);
  events = codes < 0 ? -1 : query_int (self, "SELECT count(*) FROM event", NULL, error);
  if (events < 0)
    return FALSE;
  if (dossiers != received)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("%lld dossiers were received but %lld are listed"), (long long) received,
                   (long long) dossiers);
      return FALSE;
    }
  if (query_int (self, "SELECT n FROM dossier_total WHERE id = 1", NULL, NULL) != dossiers)
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
  if (!begin (self, error))
    return FALSE;
  if (!exec_sql (self, "CREATE TEMP TABLE stored_projection AS SELECT " PROJECTION_COLUMNS " FROM dossier", error) ||
      !refold_dossiers_touching (self, MC_MINUTE_NONE, MC_MINUTE_NONE, error) ||
      (differences = query_text (self,
                                 "SELECT code FROM (SELECT " PROJECTION_COLUMNS " FROM dossier"
                                 " EXCEPT SELECT * FROM temp.stored_projection)"
                                 " UNION SELECT code FROM (SELECT * FROM temp.stored_projection"
                                 " EXCEPT SELECT " PROJECTION_COLUMNS " FROM dossier) ORDER BY 1 LIMIT 5",
                                 error)) == NULL)
    {
      rollback (self);
      return FALSE;
    }
  rollback (self);
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

gboolean
mc_store_has_event (McStore     *self,
                    const char  *uuid,
                    GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  return query_int (self, "SELECT count(*) FROM event WHERE uuid = ?", uuid, error) > 0;
}

/* The highest sequence number this database holds from a station (0 for none): sync uses it to spot gaps. */
gint64
mc_store_get_max_station_seq (McStore     *self,
                              const char  *station_id,
                              GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), -1);
  return query_int (self, "SELECT IFNULL(MAX(station_seq), 0) FROM event WHERE station_id = ?", station_id, error);
}

/* The local row id of the newest stored event: an export bookmark. */
gint64
mc_store_get_max_event_id (McStore  *self,
                           GError  **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), -1);
  return query_int (self, "SELECT IFNULL(MAX(id), 0) FROM event", NULL, error);
}

/**
 * mc_store_get_local:
 *
 * A value kept on this station only (never synced): export bookmarks, the office's derived sync key.
 */
char *
mc_store_get_local (McStore    *self,
                    const char *key)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return get_local (self, key);
}

gboolean
mc_store_set_local (McStore     *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  return set_local (self, key, value, error);
}

/**
 * mc_store_count_due_by_day:
 *
 * For each day from @first_jdn to @last_jdn, how many dossiers in progress fall due that day, split by their
 * due state at @now. One indexed range query, whatever the size of the database.
 *
 * Returns: (transfer full) (element-type McDayCount): one entry per day, in order
 */
GArray *
mc_store_count_due_by_day (McStore   *self,
                           int        first_jdn,
                           int        last_jdn,
                           McMinute   now,
                           GError   **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (McDayCount));
  McMinute soon = mc_calendar_due_soon_limit (self->calendar, now);
  McMinute from = mc_minute_from_jdn (first_jdn, 0);
  McMinute to = mc_minute_from_jdn (last_jdn + 1, 0);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (last_jdn >= first_jdn, NULL);

  g_array_set_size (counts, (guint) (last_jdn - first_jdn + 1));
  for (guint i = 0; i < counts->len; i++)
    g_array_index (counts, McDayCount, i).jdn = first_jdn + (int) i;

  stmt = prepare (self,
                  "SELECT (due - ?1) / 1440, SUM(due < ?3), SUM(due >= ?3 AND due < ?4), SUM(due >= ?4)"
                  " FROM dossier WHERE status = 'in_progress' AND due >= ?1 AND due < ?2 GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, soon);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 day = sqlite3_column_int64 (stmt, 0);
      McDayCount *count;

      if (day < 0 || day >= counts->len)
        continue;
      count = &g_array_index (counts, McDayCount, day);
      count->overdue = (guint) sqlite3_column_int64 (stmt, 1);
      count->due_soon = (guint) sqlite3_column_int64 (stmt, 2);
      count->on_track = (guint) sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/**
 * mc_store_list_office_codes:
 *
 * The offices whose dossiers this database holds (the prefix of every dossier code): one on a desk, many on the
 * level above.
 *
 * Returns: (transfer full) (element-type utf8): office codes, sorted
 */
GPtrArray *
mc_store_list_office_codes (McStore  *self,
                            GError  **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT DISTINCT substr (code, 1, instr (code, '-') - 1) FROM dossier ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (codes, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&codes);
}

static gboolean
write_form_sequences (McStore   *self,
                      gpointer   data,
                      GError   **error)
{
  static const char *forms[] = { "slip", "control" };
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, data);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        sqlite3_stmt *stmt = prepare (self, "INSERT INTO form_sequence (form, year, last) VALUES (?1, ?2, ?3)"
                                            " ON CONFLICT (form, year) DO UPDATE SET last = MAX (last, ?3)", error);

        if (stmt == NULL)
          return FALSE;
        bind_text (stmt, 1, forms[i]);
        sqlite3_bind_int (stmt, 2, GPOINTER_TO_INT (key));
        sqlite3_bind_int (stmt, 3, GPOINTER_TO_INT (value));
        if (!step_done (self, stmt, error))
          return FALSE;
      }
  return TRUE;
}

/**
 * mc_store_raise_form_sequences:
 * @last_by_year: (element-type int int): year → the last slip number used that year
 *
 * For dossiers written as events with their slip and control-sheet numbers: later intakes continue after them.
 */
gboolean
mc_store_raise_form_sequences (McStore     *self,
                               GHashTable  *last_by_year,
                               GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  return _mc_store_write (self, write_form_sequences, last_by_year, error);
}

static gboolean
write_day_sequences (McStore   *self,
                     gpointer   data,
                     GError   **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, data);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_stmt *stmt = prepare (self, "INSERT INTO day_sequence (day, last) VALUES (?1, ?2)"
                                          " ON CONFLICT (day) DO UPDATE SET last = MAX (last, ?2)", error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, key);
      sqlite3_bind_int (stmt, 2, GPOINTER_TO_INT (value));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mc_store_raise_day_sequences:
 * @last_by_day: (element-type utf8 int): "YYMMDD" → the last number this station used that day
 *
 * For dossiers written as events (a demo year, a restored history): later intakes on those days continue after
 * these numbers, so no code is issued twice.
 */
gboolean
mc_store_raise_day_sequences (McStore     *self,
                              GHashTable  *last_by_day,
                              GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  return _mc_store_write (self, write_day_sequences, last_by_day, error);
}

/*
 * For the core's other modules (mc-store-private.h)
 */

sqlite3 *
mc_store_get_sqlite (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return self->db;
}

void
mc_store_set_actor (McStore    *self,
                    const char *username,
                    const char *full_name)
{
  g_return_if_fail (MC_IS_STORE (self));

  g_free (self->actor);
  g_free (self->actor_name);
  self->actor = g_strdup (username);
  self->actor_name = g_strdup (full_name);
}

const char *
mc_store_get_actor (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return self->actor;
}

/*
 * Checkpoints off the saving path
 */

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

/**
 * mc_store_refresh:
 *
 * Another connection (a worker thread's) changed the database: the office's settings and calendar are read
 * again, and #McStore::changed tells the views.
 */
void
mc_store_refresh (McStore *self)
{
  g_return_if_fail (MC_IS_STORE (self));

  load_office (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}
