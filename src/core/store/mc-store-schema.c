/* mc-store-schema.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tables, version by version: a file of any earlier version is brought up to date when it is opened. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-store-private.h"

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

/* What the register book and the statistics read of a dossier, projected like the rest instead of picked out of
 * its events: the address as corrected, the deciding body, who collected the result, when it was refused or
 * stopped and when its apology letter was issued. A refold that leaves a dossier's search key as it was no
 * longer rewrites its entry in the search index (every row is refolded below, and a calendar change refolds
 * thousands). */
static const char *schema_v7[] = {
  "DROP TRIGGER IF EXISTS dossier_fts_update",
  "CREATE TRIGGER dossier_fts_update AFTER UPDATE OF search_key ON dossier"
  "  WHEN old.search_key IS NOT new.search_key BEGIN"
  "  INSERT INTO dossier_fts (dossier_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);"
  "  INSERT INTO dossier_fts (rowid, search_key) VALUES (new.id, new.search_key); END",
  "ALTER TABLE dossier ADD COLUMN address TEXT",
  "ALTER TABLE dossier ADD COLUMN deciding_body TEXT",
  "ALTER TABLE dossier ADD COLUMN returned_to TEXT",
  "ALTER TABLE dossier ADD COLUMN refused_at INTEGER",
  "ALTER TABLE dossier ADD COLUMN stopped_at INTEGER",
  "ALTER TABLE dossier ADD COLUMN apology_at INTEGER",
  NULL
};

/* Fees paid and refunded, a projection of their events for the fee book and the statistics: the amounts stay
 * when the retention rule removes the payer's name (the name is the dossier's). The receipt index finds a
 * receipt number already used in the office. */
static const char *schema_v8[] = {
  "CREATE TABLE fee_payment ("
  "  event_uuid TEXT PRIMARY KEY,"
  "  dossier_uuid TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),"
  "  at INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  receipt TEXT,"
  "  method TEXT,"
  "  reason TEXT,"
  "  clerk TEXT NOT NULL,"
  "  lamport INTEGER NOT NULL,"
  "  station_id TEXT NOT NULL,"
  "  station_seq INTEGER NOT NULL)",
  "CREATE INDEX fee_payment_by_at ON fee_payment (at)",
  "CREATE INDEX fee_payment_by_dossier ON fee_payment (dossier_uuid)",
  "CREATE INDEX fee_payment_by_receipt ON fee_payment (receipt) WHERE receipt IS NOT NULL",
  NULL
};

/* The new columns of schemas 7, 9 and 10 for the dossiers the file already holds: every dossier folded again. */
static gboolean
refold_all_dossiers (McStore  *self,
                     GError  **error)
{
  /* The fold counts with the office's calendar and settings, not read yet when a file is being opened. */
  return _mc_store_load_office (self, error) && _mc_store_refold_all (self, error);
}

/* The process behind the desk: who holds each open dossier and by when their step is due (the alerts name them),
 * and where a transferred dossier went (the register book and the statistics count transfers apart). */
static const char *schema_v9[] = {
  "ALTER TABLE dossier ADD COLUMN held_unit TEXT",
  "ALTER TABLE dossier ADD COLUMN held_person TEXT",
  "ALTER TABLE dossier ADD COLUMN step_due INTEGER",
  "ALTER TABLE dossier ADD COLUMN transferred_at INTEGER",
  "ALTER TABLE dossier ADD COLUMN transferred_to TEXT",
  "CREATE INDEX dossier_step_due ON dossier (step_due) WHERE step_due IS NOT NULL",
  NULL
};

/* The register book's name and each dossier's entry in it, which the slip prints and the book shows. */
static const char *schema_v10[] = {
  "ALTER TABLE dossier ADD COLUMN book TEXT",
  "ALTER TABLE dossier ADD COLUMN book_entry TEXT",
  NULL
};

/* The workstations known, each by its random identity (the events' station id) with the number it goes by and
 * the sequence of its own event that said so (mc-store-stations.c). Filled from what the file holds: this
 * workstation under its number, every other by the code of its latest reception. */
static const char *schema_v11[] = {
  "CREATE TABLE station ("
  "  station_id TEXT PRIMARY KEY,"
  "  office TEXT NOT NULL,"
  "  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),"
  "  seq INTEGER NOT NULL)",
  "CREATE INDEX station_by_number ON station (office, number)",
  "INSERT INTO station (station_id, office, number, seq)"
  "  SELECT station_id, substr (code, 1, length (code) - 14), CAST (substr (code, -6, 2) AS INTEGER), seq FROM"
  "  (SELECT station_id, json_extract (payload, '$.code') AS code, MAX (station_seq) AS seq"
  "   FROM event WHERE kind = 'received' GROUP BY station_id)"
  "  WHERE code GLOB '*-[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'"
  "   AND CAST (substr (code, -6, 2) AS INTEGER) BETWEEN 1 AND 99",
  "INSERT INTO station (station_id, office, number, seq)"
  "  SELECT id.value, code.value, CAST (number.value AS INTEGER),"
  "   (SELECT IFNULL (MAX (station_seq), 0) FROM event WHERE station_id = id.value)"
  "  FROM local AS id, local AS number,"
  "   (SELECT value FROM office_setting WHERE key = 'office_code') AS code"
  "  WHERE id.key = 'station_id' AND number.key = 'station'"
  "   AND CAST (number.value AS INTEGER) BETWEEN 1 AND 99"
  "  ON CONFLICT (station_id) DO UPDATE SET number = excluded.number, office = excluded.office",
  NULL
};

/* Each version: its statements, then what only code can do (NULL when nothing). */
static const struct
{
  const char **statements;
  gboolean   (*then) (McStore  *self,
                      GError  **error);
} migrations[] = {
  { NULL, NULL },
  { schema_v1, NULL },
  { schema_v2, NULL },
  { schema_v3, NULL },
  { schema_v4, NULL },
  { schema_v5, NULL },
  { schema_v6, NULL },
  /* The projection writes every column of the newest schema, so only the last version that adds columns
   * refolds: schema 10's refold fills schema 7's and 9's columns too. */
  { schema_v7, NULL },
  { schema_v8, NULL },
  { schema_v9, NULL },
  { schema_v10, refold_all_dossiers },
  { schema_v11, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == MC_STORE_SCHEMA_VERSION + 1);

/* One schema version's changes, and the version they bring the file to. */
static gboolean
write_migration (McStore   *self,
                 gpointer   data,
                 GError   **error)
{
  gint64 version = *(gint64 *) data;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version);
  g_autofree char *set_app = g_strdup_printf ("PRAGMA application_id = %d", MC_STORE_APPLICATION_ID);

  for (guint i = 0; migrations[version].statements[i]; i++)
    if (!_mc_store_exec (self, migrations[version].statements[i], error))
      return FALSE;
  if (migrations[version].then != NULL && !migrations[version].then (self, error))
    return FALSE;
  return _mc_store_exec (self, set_version, error) && _mc_store_exec (self, set_app, error);
}

/* Brings the file to MC_STORE_SCHEMA_VERSION, one transaction per version. */
gboolean
_mc_store_migrate (McStore  *self,
                   GError  **error)
{
  gint64 version = _mc_store_query_int (self, "PRAGMA user_version", NULL, error);

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
