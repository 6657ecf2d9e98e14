/* mc-feedback.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-feedback"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-feedback.h"
#include "mc-store-private.h"
#include "mc-text.h"
#include "mc-time.h"

static const char *const channels[] = { "desk", "phone", "mail", "email", "portal", "box", NULL };

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
      _mc_store_field_error (error, what, local_error);
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
    return _mc_store_field_error (error, what, local_error);
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
