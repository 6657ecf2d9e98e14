/* mc-store-sql.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every file of the store uses to talk to SQLite: statements prepared once and kept by their text,
 * values bound and read, and SQLite's failures said in the clerk's words. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-store-private.h"
#include "mc-time.h"

gboolean
_mc_store_set_error (McStore  *self,
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

gboolean
_mc_store_exec (McStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _mc_store_set_error (self, rc, error);
  return TRUE;
}

/* A cached prepared statement, reset and unbound, ready for new values. */
sqlite3_stmt *
_mc_store_prepare (McStore     *self,
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
      _mc_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* A cached statement with its first parameter bound to @text (left NULL for a NULL @text). */
sqlite3_stmt *
_mc_store_prepare_for (McStore     *self,
                       const char  *sql,
                       const char  *text,
                       GError     **error)
{
  sqlite3_stmt *stmt = _mc_store_prepare (self, sql, error);

  if (stmt != NULL && text != NULL)
    _mc_store_bind_text (stmt, 1, text);
  return stmt;
}

gboolean
_mc_store_step_done (McStore      *self,
                     sqlite3_stmt *stmt,
                     GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _mc_store_set_error (self, rc, error);
  return TRUE;
}

/* Steps @stmt, bound already, for the one number its first row holds, and resets it. */
gint64
_mc_store_step_int (McStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  gint64 value = -1;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _mc_store_set_error (self, rc, error);
      return -1;
    }
  return value;
}

gint64
_mc_store_query_int (McStore     *self,
                     const char  *sql,
                     const char  *arg,
                     GError     **error)
{
  sqlite3_stmt *stmt = _mc_store_prepare (self, sql, error);

  if (stmt == NULL)
    return -1;
  if (arg != NULL)
    _mc_store_bind_text (stmt, 1, arg);
  return _mc_store_step_int (self, stmt, error);
}

/**
 * _mc_store_step_each:
 * @func: called for every row; returning %FALSE (with its error) stops the walk
 *
 * Steps a bound statement to its end, row by row, then resets it.
 */
gboolean
_mc_store_step_each (McStore         *self,
                     sqlite3_stmt    *stmt,
                     McStoreRowFunc   func,
                     gpointer         data,
                     GError         **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (stmt, data, error))
      {
        sqlite3_reset (stmt);
        return FALSE;
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _mc_store_set_error (self, rc, error);
  return TRUE;
}

typedef struct
{
  McStoreMakeFunc  make;
  GPtrArray       *rows;
} Collect;

static gboolean
collect_row (sqlite3_stmt  *stmt,
             gpointer       data,
             GError       **error)
{
  Collect *collect = data;
  gpointer row = collect->make (stmt);

  if (row != NULL)
    g_ptr_array_add (collect->rows, row);
  return TRUE;
}

/**
 * _mc_store_step_all:
 * @make: makes a row's object; a row it makes nothing of (%NULL) is left out
 * @free_func: frees what @make made
 *
 * Returns: (transfer full): what @make made of every row of the bound statement, in order; %NULL with @error
 */
GPtrArray *
_mc_store_step_all (McStore          *self,
                    sqlite3_stmt     *stmt,
                    McStoreMakeFunc   make,
                    GDestroyNotify    free_func,
                    GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  Collect collect = { make, rows };

  if (!_mc_store_step_each (self, stmt, collect_row, &collect, error))
    return NULL;
  return g_steal_pointer (&rows);
}

static gpointer
first_column (sqlite3_stmt *stmt)
{
  return _mc_store_column_dup (stmt, 0);
}

/* The first column of the first row of @sql with @arg bound to its first parameter; NULL when there is no such
 * row, or with @error. */
char *
_mc_store_query_string (McStore     *self,
                        const char  *sql,
                        const char  *arg,
                        GError     **error)
{
  sqlite3_stmt *stmt = _mc_store_prepare_for (self, sql, arg, error);
  g_autoptr(GPtrArray) values = stmt ? _mc_store_step_strings (self, stmt, error) : NULL;

  return values != NULL && values->len > 0 ? g_strdup (g_ptr_array_index (values, 0)) : NULL;
}

/* The first column of every row of a bound statement, as strings (NULL values left out); NULL with @error. */
GPtrArray *
_mc_store_step_strings (McStore       *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  return _mc_store_step_all (self, stmt, first_column, g_free, error);
}

void
_mc_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_mc_store_bind_minute (sqlite3_stmt *stmt,
                       int           index,
                       McMinute      minute)
{
  if (minute == MC_MINUTE_NONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, minute);
}

char *
_mc_store_column_dup (sqlite3_stmt *stmt,
                      int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);
  return text ? g_strdup ((const char *) text) : NULL;
}

McMinute
_mc_store_column_minute (sqlite3_stmt *stmt,
                         int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return MC_MINUTE_NONE;
  return sqlite3_column_int64 (stmt, index);
}

/* mc_minute (text): an ISO 8601 time as McMinute, NULL when it is not one; the reports read the times in the
 * events' payloads with it. */
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

gboolean
_mc_store_add_functions (McStore  *self,
                         GError  **error)
{
  int rc = sqlite3_create_function (self->db, "mc_minute", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_minute,
                                    NULL, NULL);

  if (rc != SQLITE_OK)
    return _mc_store_set_error (self, rc, error);
  return TRUE;
}
