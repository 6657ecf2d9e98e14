/* mc-feedback.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-feedback"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "mc-feedback.h"
#include "mc-store-private.h"
#include "mc-text.h"
#include "mc-time.h"

static const char *const channels[] = { "desk", "phone", "mail", "email", "portal", "box", NULL };

#define FEEDBACK_COLUMNS \
  "uuid, received_on, channel, citizen, contact, dossier_code, procedure_code, staff, content, recorded_by, due_on," \
  " answer, answered_on, answered_by"

void
mc_feedback_free (McFeedback *feedback)
{
  if (feedback == NULL)
    return;
  g_free (feedback->uuid);
  g_free (feedback->channel);
  g_free (feedback->citizen);
  g_free (feedback->contact);
  g_free (feedback->dossier_code);
  g_free (feedback->procedure_code);
  g_free (feedback->staff);
  g_free (feedback->content);
  g_free (feedback->recorded_by);
  g_free (feedback->answer);
  g_free (feedback->answered_by);
  g_free (feedback);
}

const char *const *
mc_feedback_channels (void)
{
  return channels;
}

const char *
mc_feedback_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "desk") == 0)
    return _("In person");
  if (g_strcmp0 (channel, "phone") == 0)
    return _("By telephone");
  if (g_strcmp0 (channel, "mail") == 0)
    return _("By letter");
  if (g_strcmp0 (channel, "email") == 0)
    return _("By e-mail");
  if (g_strcmp0 (channel, "portal") == 0)
    return _("On the public service portal");
  if (g_strcmp0 (channel, "box") == 0)
    return _("In the feedback box");
  return channel ? channel : "";
}

gboolean
mc_event_kind_is_feedback (const char *kind)
{
  return g_strcmp0 (kind, MC_EVENT_FEEDBACK_RECEIVED) == 0 || g_strcmp0 (kind, MC_EVENT_FEEDBACK_ANSWERED) == 0;
}

static gboolean
database_failed (McStore  *store,
                 GError  **error)
{
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_DATABASE, _("The feedback register could not be read: %s"),
               sqlite3_errmsg (mc_store_get_sqlite (store)));
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static int
date_jdn (const char *text)
{
  int jdn = 0;

  if (text == NULL || !mc_date_parse (text, &jdn, NULL))
    return 0;
  return jdn;
}

/**
 * mc_feedback_project:
 *
 * Recomputes one entry of the register from its events, in their total order: the entry itself, then the last
 * answer. Events may arrive in any order (an answer before its entry, through another workstation's bundle);
 * the row is the same once all are here.
 */
gboolean
mc_feedback_project (McStore  *store,
                     McEvent  *event,
                     GError  **error)
{
  sqlite3 *db = mc_store_get_sqlite (store);
  const char *uuid = mc_event_get_string (event, "feedback");
  g_autoptr(JsonNode) received = NULL;
  g_autoptr(JsonNode) answered = NULL;
  g_autofree char *recorded_by = NULL;
  g_autofree char *answered_by = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return TRUE;
  rc = sqlite3_prepare_v2 (db,
                           "SELECT kind, payload, clerk FROM event"
                           " WHERE kind IN ('feedback_received', 'feedback_answered')"
                           " AND json_extract (payload, '$.feedback') = ?1"
                           " ORDER BY lamport, station_id, station_seq", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return database_failed (store, error);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      JsonNode *payload = json_from_string ((const char *) sqlite3_column_text (stmt, 1), NULL);

      if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
        {
          g_clear_pointer (&payload, json_node_unref);
          continue;
        }
      /* The first entry stands; a later answer replaces an earlier one. */
      if (g_str_equal (kind, MC_EVENT_FEEDBACK_RECEIVED) && received == NULL)
        {
          received = payload;
          recorded_by = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      else if (g_str_equal (kind, MC_EVENT_FEEDBACK_ANSWERED))
        {
          g_clear_pointer (&answered, json_node_unref);
          answered = payload;
          g_free (answered_by);
          answered_by = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      else
        json_node_unref (payload);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return database_failed (store, error);
  if (received == NULL)
    return TRUE;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT OR REPLACE INTO feedback (" FEEDBACK_COLUMNS ")"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return database_failed (store, error);
  {
    JsonObject *r = json_node_get_object (received);
    JsonObject *a = answered ? json_node_get_object (answered) : NULL;

    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
    bind_text_or_null (stmt, 2, json_object_get_string_member_with_default (r, "received_on", NULL));
    bind_text_or_null (stmt, 3, json_object_get_string_member_with_default (r, "channel", "desk"));
    bind_text_or_null (stmt, 4, json_object_get_string_member_with_default (r, "citizen", NULL));
    bind_text_or_null (stmt, 5, json_object_get_string_member_with_default (r, "contact", NULL));
    bind_text_or_null (stmt, 6, json_object_get_string_member_with_default (r, "dossier_code", NULL));
    bind_text_or_null (stmt, 7, json_object_get_string_member_with_default (r, "procedure_code", NULL));
    bind_text_or_null (stmt, 8, json_object_get_string_member_with_default (r, "staff", NULL));
    bind_text_or_null (stmt, 9, json_object_get_string_member_with_default (r, "content", ""));
    bind_text_or_null (stmt, 10, recorded_by);
    bind_text_or_null (stmt, 11, json_object_get_string_member_with_default (r, "due_on", NULL));
    bind_text_or_null (stmt, 12, a ? json_object_get_string_member_with_default (a, "answer", NULL) : NULL);
    bind_text_or_null (stmt, 13, a ? json_object_get_string_member_with_default (a, "answered_on", NULL) : NULL);
    bind_text_or_null (stmt, 14, a ? answered_by : NULL);
  }
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return database_failed (store, error);
  return TRUE;
}

static char *
clean_required (const char  *text,
                gsize        max,
                const char  *what,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = mc_text_clean (text ? text : "", -1, max, TRUE, &local_error);

  if (clean == NULL)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, "%s: %s", what, local_error->message);
      return NULL;
    }
  if (*clean == '\0')
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, _("%s is required"), what);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gboolean
add_optional (JsonObject  *payload,
              const char  *member,
              const char  *text,
              gsize        max,
              const char  *what,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = NULL;

  if (text == NULL)
    return TRUE;
  clean = mc_text_clean (text, -1, max, FALSE, &local_error);
  if (clean == NULL)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, "%s: %s", what, local_error->message);
      return FALSE;
    }
  if (*clean != '\0')
    json_object_set_string_member (payload, member, clean);
  return TRUE;
}

/**
 * mc_store_record_feedback:
 *
 * Enters a citizen's feedback in the register, with the date the answer is due.
 *
 * Returns: (transfer full): the entry's id
 */
char *
mc_store_record_feedback (McStore                *store,
                          const McFeedbackInput  *input,
                          GError                **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(McEvent) event = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *content = NULL;
  g_autofree char *received_on = NULL;
  g_autofree char *due_on = NULL;
  JsonObject *payload = json_object_new ();
  int today = mc_minute_jdn (mc_time_now ());
  int received;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  json_node_take_object (node, payload);
  if (!mc_store_is_set_up (store))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_SET_UP, _("Set up the office first"));
      return NULL;
    }
  if (input->channel == NULL || !g_strv_contains (channels, input->channel))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The channel is one of desk, phone, mail, email, portal or box"));
      return NULL;
    }
  received = input->received_jdn > 0 ? input->received_jdn : today;
  if (received > today)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Feedback cannot be received on a day still to come"));
      return NULL;
    }
  content = clean_required (input->content, 4000, _("The feedback's content"), error);
  if (content == NULL)
    return NULL;
  if (input->dossier_code != NULL && *input->dossier_code != '\0')
    {
      g_autoptr(McDossier) dossier = mc_store_get_dossier (store, input->dossier_code, error);

      if (dossier == NULL)
        return NULL;
      json_object_set_string_member (payload, "dossier_code", dossier->code);
    }
  if (input->procedure_code != NULL && *input->procedure_code != '\0')
    {
      g_autoptr(McProcedure) procedure = mc_store_get_procedure (store, input->procedure_code, error);

      if (procedure == NULL)
        return NULL;
      json_object_set_string_member (payload, "procedure_code", procedure->code);
    }
  if (!add_optional (payload, "citizen", input->citizen, 200, _("Citizen"), error) ||
      !add_optional (payload, "contact", input->contact, 500, _("Contact"), error) ||
      !add_optional (payload, "staff", input->staff, 200, _("Staff member"), error))
    return NULL;

  received_on = mc_date_format_iso (received);
  /* The tenth working day after the day it arrived. */
  due_on = mc_date_format_iso (mc_calendar_add_working_days (mc_store_get_calendar (store), received,
                                                             MC_FEEDBACK_ANSWER_DAYS));
  json_object_set_string_member (payload, "feedback", uuid);
  json_object_set_string_member (payload, "received_on", received_on);
  json_object_set_string_member (payload, "channel", input->channel);
  json_object_set_string_member (payload, "content", content);
  json_object_set_string_member (payload, "due_on", due_on);
  event = mc_store_append_reference_event (store, MC_EVENT_FEEDBACK_RECEIVED, node, error);
  if (event == NULL)
    return NULL;
  return g_steal_pointer (&uuid);
}

static McFeedback *
feedback_from_row (sqlite3_stmt *stmt)
{
  McFeedback *f = g_new0 (McFeedback, 1);

#define TEXT(i) (sqlite3_column_type (stmt, i) == SQLITE_NULL ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, i)))
  f->uuid = TEXT (0);
  f->received_jdn = date_jdn ((const char *) sqlite3_column_text (stmt, 1));
  f->channel = TEXT (2);
  f->citizen = TEXT (3);
  f->contact = TEXT (4);
  f->dossier_code = TEXT (5);
  f->procedure_code = TEXT (6);
  f->staff = TEXT (7);
  f->content = TEXT (8);
  f->recorded_by = TEXT (9);
  f->due_jdn = date_jdn ((const char *) sqlite3_column_text (stmt, 10));
  f->answer = TEXT (11);
  f->answered_jdn = date_jdn ((const char *) sqlite3_column_text (stmt, 12));
  f->answered_by = TEXT (13);
#undef TEXT
  return f;
}

/**
 * mc_store_get_feedback:
 * @uuid: the entry's id, or the first 8 characters of it or more
 */
McFeedback *
mc_store_get_feedback (McStore     *store,
                       const char  *uuid,
                       GError     **error)
{
  sqlite3 *db = mc_store_get_sqlite (store);
  sqlite3_stmt *stmt = NULL;
  McFeedback *found = NULL;
  guint matches = 0;
  int rc;

  if (uuid == NULL || strlen (uuid) < 8)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Give the feedback's number (at least its first 8 characters)"));
      return NULL;
    }
  rc = sqlite3_prepare_v2 (db, "SELECT " FEEDBACK_COLUMNS " FROM feedback WHERE substr (uuid, 1, length (?1)) = ?1",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return database_failed (store, error), NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (matches++ == 0)
        found = feedback_from_row (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      mc_feedback_free (found);
      return database_failed (store, error), NULL;
    }
  if (matches != 1)
    {
      mc_feedback_free (found);
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                   matches == 0 ? _("There is no feedback numbered “%s”") : _("Several feedback entries begin with "
                                                                             "“%s”: give more of the number"), uuid);
      return NULL;
    }
  return found;
}

/**
 * mc_store_answer_feedback:
 * @answered_jdn: the day the answer was given, 0 for today
 *
 * Records the office's answer. Answering again replaces the answer (the earlier one stays in the history).
 */
gboolean
mc_store_answer_feedback (McStore     *store,
                          const char  *uuid,
                          const char  *answer,
                          int          answered_jdn,
                          GError     **error)
{
  g_autoptr(McFeedback) feedback = mc_store_get_feedback (store, uuid, error);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(McEvent) event = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *answered_on = NULL;
  JsonObject *payload = json_object_new ();
  int today = mc_minute_jdn (mc_time_now ());

  json_node_take_object (node, payload);
  if (feedback == NULL)
    return FALSE;
  clean = clean_required (answer, 4000, _("The answer"), error);
  if (clean == NULL)
    return FALSE;
  if (answered_jdn == 0)
    answered_jdn = today;
  if (answered_jdn > today || answered_jdn < feedback->received_jdn)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The answer's date is between the day the feedback arrived and today"));
      return FALSE;
    }
  answered_on = mc_date_format_iso (answered_jdn);
  json_object_set_string_member (payload, "feedback", feedback->uuid);
  json_object_set_string_member (payload, "answer", clean);
  json_object_set_string_member (payload, "answered_on", answered_on);
  event = mc_store_append_reference_event (store, MC_EVENT_FEEDBACK_ANSWERED, node, error);
  return event != NULL;
}

/**
 * mc_store_list_feedback:
 * @open_only: only the entries still waiting for an answer
 *
 * Returns: (transfer full) (element-type McFeedback): the register, the earliest due first for the open ones,
 *   the newest first otherwise
 */
GPtrArray *
mc_store_list_feedback (McStore   *store,
                        gboolean   open_only,
                        GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_feedback_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (mc_store_get_sqlite (store),
                           open_only ? "SELECT " FEEDBACK_COLUMNS " FROM feedback WHERE answered_on IS NULL"
                                       " ORDER BY due_on, received_on, uuid"
                                     : "SELECT " FEEDBACK_COLUMNS " FROM feedback"
                                       " ORDER BY received_on DESC, uuid", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return database_failed (store, error), NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, feedback_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return database_failed (store, error), NULL;
  return g_steal_pointer (&list);
}

/**
 * mc_store_count_overdue_feedback:
 *
 * Returns: the entries not answered by their due day, as of @today_jdn; -1 on error
 */
gint64
mc_store_count_overdue_feedback (McStore  *store,
                                 int       today_jdn,
                                 GError  **error)
{
  g_autofree char *today = mc_date_format_iso (today_jdn);
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_prepare_v2 (mc_store_get_sqlite (store),
                          "SELECT count(*) FROM feedback WHERE answered_on IS NULL AND due_on < ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    return database_failed (store, error), -1;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (count < 0)
    database_failed (store, error);
  return count;
}
