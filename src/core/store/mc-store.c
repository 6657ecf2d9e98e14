/* mc-store.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The door: opening and closing the file, the accessors, and the transactions every writer of the store goes
 * through. What lies behind it is split by responsibility (docs/architecture.md, "The store"). */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "mc-accounts.h"
#include "mc-attachment.h"
#include "mc-feedback.h"
#include "mc-store-private.h"
#include "mc-time.h"

G_DEFINE_FINAL_TYPE (McStore, mc_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
G_DEFINE_QUARK (mc-store-error-quark, mc_store_error)

/*
 * Transactions
 */

gboolean
_mc_store_begin (McStore  *self,
                 GError  **error)
{
  return _mc_store_exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (McStore  *self,
        GError  **error)
{
  if (!_mc_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
_mc_store_rollback (McStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs @write in one transaction: all its writes are committed, or none of them (the office's settings are then
 * read again, since a reference event may have changed them in memory). After the commit, the documents of
 * dossiers whose personal data went are deleted, and #McStore::changed tells the views. */
gboolean
_mc_store_write (McStore      *self,
                 McStoreFunc   write,
                 gpointer      data,
                 GError      **error)
{
  g_assert (sqlite3_get_autocommit (self->db));

  self->changed = FALSE;
  self->removed_personal_data = FALSE;
  if (!_mc_store_begin (self, error))
    return FALSE;
  if (!write (self, data, error) || !commit (self, error))
    {
      self->staging = FALSE;
      _mc_store_rollback (self);
      _mc_store_load_office (self, NULL);
      return FALSE;
    }
  if (self->removed_personal_data)
    mc_attachment_remove_unreferenced (self, NULL);
  if (self->changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Runs @read in one read transaction, so that all its queries see the same state of the file whatever other
 * connections commit meanwhile (inside a transaction already under way, it just runs). */
gboolean
_mc_store_read (McStore      *self,
                McStoreFunc   read,
                gpointer      data,
                GError      **error)
{
  gboolean ok;

  if (!sqlite3_get_autocommit (self->db))
    return read (self, data, error);
  if (!_mc_store_exec (self, "BEGIN", error))
    return FALSE;
  ok = read (self, data, error);
  sqlite3_exec (self->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  return ok;
}

/* Appends an event made on this station, projected, inside the caller's transaction. */
McEvent *
_mc_store_append (McStore     *self,
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

  seq = _mc_store_query_int (self, "SELECT IFNULL(MAX(station_seq), 0) + 1 FROM event WHERE station_id = ?",
                             self->office->station_id, error);
  if (seq < 0)
    return NULL;
  lamport = _mc_store_query_int (self, "SELECT IFNULL(MAX(lamport), 0) + 1 FROM event", NULL, error);
  if (lamport < 0)
    return NULL;
  /* Never reached by real use (mc-event.h); refused rather than written past the bound. */
  if (seq > MC_EVENT_CLOCK_MAX || lamport > MC_EVENT_CLOCK_MAX)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                           _("The database's event clocks are past their bound: it holds a forged or damaged "
                             "event. Nothing was recorded. Restore the newest good backup, or ask for help"));
      return NULL;
    }

  event = mc_event_new (uuid, dossier_uuid, self->office->station_id, seq, lamport, now,
                        clerk ? clerk : self->actor_name ? self->actor_name
                                                         : (self->office->clerk ? self->office->clerk : ""),
                        kind, payload);
  if (!_mc_store_insert_event (self, event, NULL, error) || !_mc_store_project (self, event, error))
    return NULL;
  self->changed = TRUE;
  return g_steal_pointer (&event);
}

gboolean
_mc_store_ensure_set_up (McStore  *self,
                         GError  **error)
{
  if (self->set_up)
    return TRUE;
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_SET_UP,
               _("This database has no office yet. Set up the office first (motcua-cli init)."));
  return FALSE;
}

/* A field the clerk typed was refused: the field's name, then why. */
gboolean
_mc_store_field_error (GError     **error,
                       const char  *field,
                       GError      *cause)
{
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, "%s: %s", field, cause->message);
  return FALSE;
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
  if (read_be32 (header + 68) != MC_STORE_APPLICATION_ID)
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
  g_clear_pointer (&self->office, mc_office_unref);
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
      _mc_store_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  if (!_mc_store_add_functions (self, error))
    return NULL;

  /* Reading the schema first: a damaged file fails here, before anything is written to it. */
  if (_mc_store_query_int (self, "SELECT count(*) FROM sqlite_master", NULL, error) < 0)
    return NULL;

  /* WAL for readers alongside the writer; FULL so that a dossier the clerk saw saved survives a power cut. */
  if (!_mc_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !_mc_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !_mc_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      /* 64 MiB of page cache: bulk imports and the million-row indexes stay in memory. */
      !_mc_store_exec (self, "PRAGMA cache_size = -65536", error) ||
      !_mc_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (!_mc_store_migrate (self, error))
    return NULL;
  g_chmod (path, 0600);

  if (!_mc_store_load_office (self, error))
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

/**
 * mc_store_get_office:
 *
 * The office's settings as this connection last read them, to read at once. The store reads them again (and
 * drops this one) after a write that changes them, a failed write, an import or mc_store_refresh(): a caller
 * that writes, imports or returns to the main loop before it is done with them takes mc_store_dup_office().
 *
 * Returns: (transfer none): the office, valid until the store next reads its settings
 */
const McOffice *
mc_store_get_office (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return self->office;
}

/**
 * mc_store_dup_office:
 *
 * The office's settings as this connection last read them, kept as they are for as long as the caller holds
 * them, whatever the store reads meanwhile (the store never changes an office it handed out).
 *
 * Returns: (transfer full): a new reference; drop it with mc_office_unref()
 */
McOffice *
mc_store_dup_office (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return mc_office_ref (self->office);
}

McCalendar *
mc_store_get_calendar (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return self->calendar;
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
  return _mc_store_query_string (self, "SELECT value FROM local WHERE key = ?", key, NULL);
}

gboolean
mc_store_set_local (McStore     *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);

  stmt = _mc_store_prepare (self, "INSERT OR REPLACE INTO local (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, key);
  _mc_store_bind_text (stmt, 2, value);
  return _mc_store_step_done (self, stmt, error);
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

  r->event = _mc_store_append (self, NULL, r->kind, r->payload, NULL, error);
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
  if (!_mc_store_ensure_set_up (self, error) || !_mc_store_write (self, write_reference_event, &r, error))
    {
      g_clear_pointer (&r.event, mc_event_unref);
      return NULL;
    }
  return r.event;
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

  _mc_store_load_office (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}
