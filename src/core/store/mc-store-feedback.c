/* mc-store-feedback.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feedback register's table: the projection of its entries and answers (reference events, synced like the
 * rest), and what the desk reads of it. What an entry may say is mc-feedback.c's business. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-feedback.h"
#include "mc-store-private.h"
#include "mc-time.h"

#define FEEDBACK_COLUMNS \
  "uuid, received_on, channel, citizen, contact, dossier_code, procedure_code, staff, content, recorded_by, due_on," \
  " answer, answered_on, answered_by"

/*
 * Auxiliary methods
 */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  _mc_store_bind_text (stmt, index, text != NULL && *text != '\0' ? text : NULL);
}

static int
date_jdn (const char *text)
{
  int jdn = 0;

  if (text == NULL || !mc_date_parse (text, &jdn, NULL))
    return 0;
  return jdn;
}

static gpointer
feedback_from_row (sqlite3_stmt *stmt)
{
  McFeedback *f = g_new0 (McFeedback, 1);

  f->uuid = _mc_store_column_dup (stmt, 0);
  f->received_jdn = date_jdn ((const char *) sqlite3_column_text (stmt, 1));
  f->channel = _mc_store_column_dup (stmt, 2);
  f->citizen = _mc_store_column_dup (stmt, 3);
  f->contact = _mc_store_column_dup (stmt, 4);
  f->dossier_code = _mc_store_column_dup (stmt, 5);
  f->procedure_code = _mc_store_column_dup (stmt, 6);
  f->staff = _mc_store_column_dup (stmt, 7);
  f->content = _mc_store_column_dup (stmt, 8);
  f->recorded_by = _mc_store_column_dup (stmt, 9);
  f->due_jdn = date_jdn ((const char *) sqlite3_column_text (stmt, 10));
  f->answer = _mc_store_column_dup (stmt, 11);
  f->answered_jdn = date_jdn ((const char *) sqlite3_column_text (stmt, 12));
  f->answered_by = _mc_store_column_dup (stmt, 13);
  return f;
}

/*
 * The projection
 */

/* What an entry's events say, read in their total order. */
typedef struct
{
  JsonNode *received;
  char     *recorded_by;
  JsonNode *answered;
  char     *answered_by;
} Entry;

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->received, json_node_unref);
  g_clear_pointer (&entry->recorded_by, g_free);
  g_clear_pointer (&entry->answered, json_node_unref);
  g_clear_pointer (&entry->answered_by, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Entry, entry_clear)

/* The first entry stands; a later answer replaces an earlier one. */
static gboolean
read_entry_event (sqlite3_stmt  *stmt,
                  gpointer       data,
                  GError       **error)
{
  Entry *entry = data;
  const char *kind = (const char *) sqlite3_column_text (stmt, 0);
  g_autoptr(JsonNode) payload = json_from_string ((const char *) sqlite3_column_text (stmt, 1), NULL);

  if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
    return TRUE;
  if (g_str_equal (kind, MC_EVENT_FEEDBACK_RECEIVED) && entry->received == NULL)
    {
      entry->received = g_steal_pointer (&payload);
      entry->recorded_by = _mc_store_column_dup (stmt, 2);
    }
  else if (g_str_equal (kind, MC_EVENT_FEEDBACK_ANSWERED))
    {
      g_clear_pointer (&entry->answered, json_node_unref);
      entry->answered = g_steal_pointer (&payload);
      g_free (entry->answered_by);
      entry->answered_by = _mc_store_column_dup (stmt, 2);
    }
  return TRUE;
}

/**
 * _mc_store_project_feedback:
 *
 * Recomputes one entry of the register from its events, in their total order: the entry itself, then the last
 * answer. Events may arrive in any order (an answer before its entry, through another workstation's bundle);
 * the row is the same once all are here.
 */
gboolean
_mc_store_project_feedback (McStore  *self,
                            McEvent  *event,
                            GError  **error)
{
  const char *uuid = mc_event_get_string (event, "feedback");
  g_auto(Entry) entry = { 0 };
  sqlite3_stmt *stmt;

  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return TRUE;
  stmt = _mc_store_prepare_for (self,
                                "SELECT kind, payload, clerk FROM event"
                                " WHERE kind IN ('feedback_received', 'feedback_answered')"
                                " AND json_extract (payload, '$.feedback') = ?1"
                                " ORDER BY lamport, station_id, station_seq", uuid, error);
  if (stmt == NULL || !_mc_store_step_each (self, stmt, read_entry_event, &entry, error))
    return FALSE;
  if (entry.received == NULL)
    return TRUE;

  stmt = _mc_store_prepare (self,
                            "INSERT OR REPLACE INTO feedback (" FEEDBACK_COLUMNS ")"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (stmt == NULL)
    return FALSE;
  {
    JsonObject *r = json_node_get_object (entry.received);
    JsonObject *a = entry.answered ? json_node_get_object (entry.answered) : NULL;

    _mc_store_bind_text (stmt, 1, uuid);
    bind_text_or_null (stmt, 2, json_object_get_string_member_with_default (r, "received_on", NULL));
    bind_text_or_null (stmt, 3, json_object_get_string_member_with_default (r, "channel", "desk"));
    bind_text_or_null (stmt, 4, json_object_get_string_member_with_default (r, "citizen", NULL));
    bind_text_or_null (stmt, 5, json_object_get_string_member_with_default (r, "contact", NULL));
    bind_text_or_null (stmt, 6, json_object_get_string_member_with_default (r, "dossier_code", NULL));
    bind_text_or_null (stmt, 7, json_object_get_string_member_with_default (r, "procedure_code", NULL));
    bind_text_or_null (stmt, 8, json_object_get_string_member_with_default (r, "staff", NULL));
    bind_text_or_null (stmt, 9, json_object_get_string_member_with_default (r, "content", ""));
    bind_text_or_null (stmt, 10, entry.recorded_by);
    bind_text_or_null (stmt, 11, json_object_get_string_member_with_default (r, "due_on", NULL));
    bind_text_or_null (stmt, 12, a ? json_object_get_string_member_with_default (a, "answer", NULL) : NULL);
    bind_text_or_null (stmt, 13, a ? json_object_get_string_member_with_default (a, "answered_on", NULL) : NULL);
    bind_text_or_null (stmt, 14, a ? entry.answered_by : NULL);
  }
  return _mc_store_step_done (self, stmt, error);
}

/*
 * Reading the register
 */

/**
 * mc_store_get_feedback:
 * @uuid: the entry's id, or the first 8 characters of it or more
 */
McFeedback *
mc_store_get_feedback (McStore     *self,
                       const char  *uuid,
                       GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  if (uuid == NULL || strlen (uuid) < 8)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Give the feedback's number (at least its first 8 characters)"));
      return NULL;
    }
  stmt = _mc_store_prepare_for (self, "SELECT " FEEDBACK_COLUMNS " FROM feedback"
                                      " WHERE substr (uuid, 1, length (?1)) = ?1", uuid, error);
  found = stmt ? _mc_store_step_all (self, stmt, feedback_from_row, (GDestroyNotify) mc_feedback_free, error) : NULL;
  if (found == NULL)
    return NULL;
  if (found->len != 1)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                   found->len == 0 ? _("There is no feedback numbered “%s”")
                                   : _("Several feedback entries begin with “%s”: give more of the number"), uuid);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/**
 * mc_store_list_feedback:
 * @open_only: only the entries still waiting for an answer
 *
 * Returns: (transfer full) (element-type McFeedback): the register, the earliest due first for the open ones,
 *   the newest first otherwise
 */
GPtrArray *
mc_store_list_feedback (McStore   *self,
                        gboolean   open_only,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self,
                            open_only ? "SELECT " FEEDBACK_COLUMNS " FROM feedback WHERE answered_on IS NULL"
                                        " ORDER BY due_on, received_on, uuid"
                                      : "SELECT " FEEDBACK_COLUMNS " FROM feedback"
                                        " ORDER BY received_on DESC, uuid", error);
  if (stmt == NULL)
    return NULL;
  return _mc_store_step_all (self, stmt, feedback_from_row, (GDestroyNotify) mc_feedback_free, error);
}

/**
 * mc_store_count_overdue_feedback:
 *
 * Returns: the entries not answered by their due day, as of @today_jdn; -1 on error
 */
gint64
mc_store_count_overdue_feedback (McStore  *self,
                                 int       today_jdn,
                                 GError  **error)
{
  g_autofree char *today = mc_date_format_iso (today_jdn);

  g_return_val_if_fail (MC_IS_STORE (self), -1);
  return _mc_store_query_int (self, "SELECT count(*) FROM feedback WHERE answered_on IS NULL AND due_on < ?",
                              today, error);
}
