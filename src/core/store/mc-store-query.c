/* mc-store-query.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading the dossiers: one whole (folded from its events), the list's pages and counts, searches, the
 * calendar's counts by day and the period's late dossiers. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-store-private.h"
#include "mc-text.h"
#include "mc-time.h"

/* A light dossier (the list's: no documents, proxy or notes) from the MC_STORE_DOSSIER_COLUMNS of a row. */
McDossier *
_mc_store_dossier_from_row (sqlite3_stmt *stmt)
{
  McDossier *d = mc_dossier_new ();

  d->row_id = sqlite3_column_int64 (stmt, 0);
  d->uuid = _mc_store_column_dup (stmt, 1);
  d->code = _mc_store_column_dup (stmt, 2);
  d->official_code = _mc_store_column_dup (stmt, 3);
  d->procedure_code = _mc_store_column_dup (stmt, 4);
  d->procedure_name = _mc_store_column_dup (stmt, 5);
  d->sector = _mc_store_column_dup (stmt, 6);
  mc_unit_from_string ((const char *) sqlite3_column_text (stmt, 7), &d->unit);
  d->duration = sqlite3_column_int (stmt, 8);
  d->applicant_name = _mc_store_column_dup (stmt, 9);
  d->applicant_id = _mc_store_column_dup (stmt, 10);
  d->phone = _mc_store_column_dup (stmt, 11);
  mc_channel_from_string ((const char *) sqlite3_column_text (stmt, 12), &d->channel);
  d->result_delivery = _mc_store_column_dup (stmt, 13);
  mc_status_from_string ((const char *) sqlite3_column_text (stmt, 14), &d->status);
  d->received = _mc_store_column_minute (stmt, 15);
  d->due = _mc_store_column_minute (stmt, 16);
  d->settled = _mc_store_column_minute (stmt, 17);
  d->returned = _mc_store_column_minute (stmt, 18);
  d->new_due = _mc_store_column_minute (stmt, 19);
  if (sqlite3_column_type (stmt, 20) != SQLITE_NULL)
    mc_due_state_from_string ((const char *) sqlite3_column_text (stmt, 20), &d->outcome);
  d->has_apology = sqlite3_column_int (stmt, 21);
  d->n_events = (guint) sqlite3_column_int (stmt, 22);
  d->last_lamport = sqlite3_column_int64 (stmt, 23);
  d->held_unit = _mc_store_column_dup (stmt, 24);
  d->held_person = _mc_store_column_dup (stmt, 25);
  d->step_due = _mc_store_column_minute (stmt, 26);
  return d;
}

static char *
lookup_uuid (McStore     *self,
             const char  *code_or_uuid,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *uuid = _mc_store_query_string (self, "SELECT uuid FROM dossier"
                                             " WHERE uuid = ?1 OR code = ?1 OR official_code = ?1 LIMIT 1",
                                       code_or_uuid, &local_error);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (uuid == NULL)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_DOSSIER,
                 _("There is no dossier with code “%s”"), code_or_uuid ? code_or_uuid : "");
  return uuid;
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
  events = _mc_store_load_events (self, uuid, error);
  if (events == NULL)
    return NULL;
  dossier = mc_dossier_fold (events, self->calendar, self->office->supplement_mode);
  if (dossier == NULL)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_DOSSIER,
                 _("There is no dossier with code “%s”"), code_or_uuid);
  return dossier;
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
  return _mc_store_load_events (self, uuid, error);
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
      for (int s = MC_STATUS_IN_PROGRESS; s <= MC_STATUS_TRANSFERRED; s++)
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
          /* The dossier is on track but the unit holding it is late with its step. */
          if (query->step_overdue)
            g_string_append_printf (sql, " OR step_due < %" G_GINT64_FORMAT, query->now);
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
    _mc_store_bind_text (stmt, (int) i + 1, (const char *) g_ptr_array_index (args, i) + 1);
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
  GPtrArray *result;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  g_string_append_printf (sql, "SELECT " MC_STORE_DOSSIER_COLUMNS " FROM %s", from_clause (query));
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
      _mc_store_set_error (self, rc, error);
      return NULL;
    }
  bind_args (stmt, args);
  result = _mc_store_step_all (self, stmt, (McStoreMakeFunc) _mc_store_dossier_from_row,
                               (GDestroyNotify) mc_dossier_unref, error);
  sqlite3_finalize (stmt);
  return result;
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
      count = _mc_store_query_int (self, "SELECT n FROM dossier_total WHERE id = 1", NULL, error);
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
      _mc_store_set_error (self, rc, error);
      return -1;
    }
  bind_args (stmt, args);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _mc_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return count;
}

/* One day's counts, into its place among the days asked for. */
static gboolean
count_day (sqlite3_stmt  *stmt,
           gpointer       data,
           GError       **error)
{
  GArray *counts = data;
  gint64 day = sqlite3_column_int64 (stmt, 0);
  McDayCount *count;

  if (day < 0 || day >= counts->len)
    return TRUE;
  count = &g_array_index (counts, McDayCount, day);
  count->overdue = (guint) sqlite3_column_int64 (stmt, 1);
  count->due_soon = (guint) sqlite3_column_int64 (stmt, 2);
  count->on_track = (guint) sqlite3_column_int64 (stmt, 3);
  return TRUE;
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

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (last_jdn >= first_jdn, NULL);

  g_array_set_size (counts, (guint) (last_jdn - first_jdn + 1));
  for (guint i = 0; i < counts->len; i++)
    g_array_index (counts, McDayCount, i).jdn = first_jdn + (int) i;

  stmt = _mc_store_prepare (self,
                            "SELECT (due - ?1) / 1440, SUM(due < ?3), SUM(due >= ?3 AND due < ?4), SUM(due >= ?4)"
                            " FROM dossier WHERE status = 'in_progress' AND due >= ?1 AND due < ?2 GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, soon);
  if (!_mc_store_step_each (self, stmt, count_day, counts, error))
    return NULL;
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT DISTINCT substr (code, 1, instr (code, '-') - 1) FROM dossier ORDER BY 1",
                            error);
  if (stmt == NULL)
    return NULL;
  return _mc_store_step_strings (self, stmt, error);
}
