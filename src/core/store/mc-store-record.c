/* mc-store-record.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The steps of a dossier's life after intake (supplement, refusal, result, return, apology, corrections…),
 * each checked against the dossier's state before it is recorded. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-accounts.h"
#include "mc-attachment.h"
#include "mc-stats.h"
#include "mc-store-private.h"
#include "mc-text.h"
#include "mc-time.h"

/*
 * The details of each step (whether it fits the dossier's state is mc_dossier_check_event()'s question)
 */

static gboolean
refuse_input (GError     **error,
              const char  *message)
{
  g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* A result sent by post is handed to the postal service with the item's tracking number. */
static gboolean
check_returned (McDossier   *dossier,
                JsonObject  *payload,
                GError     **error)
{
  const char *tracking = json_object_get_string_member_with_default (payload, "tracking_number", NULL);
  g_autofree char *upper = NULL;
  gsize len;

  if (tracking == NULL)
    return TRUE;
  if (g_strcmp0 (dossier->result_delivery, "post") != 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION,
                   _("The citizen of dossier %s collects the result at the desk: a tracking number is for a result "
                     "sent by post"), dossier->code);
      return FALSE;
    }
  len = strlen (tracking);
  for (const char *p = tracking; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      len = 0;
  if (len < 4 || len > 40)
    return refuse_input (error, _("A tracking number is 4 to 40 letters, digits or “-”, as printed on the postal "
                                  "receipt"));
  upper = g_ascii_strup (tracking, -1);
  json_object_set_string_member (payload, "tracking_number", upper);
  return TRUE;
}

static gboolean
check_apology (McDossier   *dossier,
               JsonObject  *payload,
               GError     **error)
{
  const char *text = json_object_get_string_member_with_default (payload, "new_due", NULL);
  McMinute new_due;

  if (text == NULL || !mc_time_parse (text, &new_due, NULL) || new_due <= dossier->due)
    return refuse_input (error, _("The new appointment must be a date and time after the original due date"));
  return TRUE;
}

static gboolean
check_edited (McDossier   *dossier,
              JsonObject  *payload,
              GError     **error)
{
  static const char *fields[] = { "applicant_name", "id_number", "phone", "email", "address", "notes",
                                  "official_code", "result_delivery", "birth_year", NULL };
  const char *field = json_object_get_string_member_with_default (payload, "field", NULL);

  if (field == NULL || !g_strv_contains (fields, field))
    return refuse_input (error, _("This field cannot be corrected"));
  return TRUE;
}

/* A supplement request lists each thing to complete: up to 30 items of up to 500 characters, none empty. */
static gboolean
check_supplement (McDossier   *dossier,
                  JsonObject  *payload,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (payload, "items");
  JsonArray *items;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (items = json_node_get_array (node)) == 0 ||
      json_array_get_length (items) > 30)
    return refuse_input (error, _("A supplement request lists from 1 to 30 items"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_autofree char *clean = NULL;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
          (clean = mc_text_clean (json_node_get_string (item), -1, 500, FALSE, NULL)) == NULL || *clean == '\0')
        return refuse_input (error, _("Each item of a supplement request is a line of text of up to 500 characters"));
    }
  return TRUE;
}

static gboolean
check_rating (McDossier   *dossier,
              JsonObject  *payload,
              GError     **error)
{
  const char *rating = json_object_get_string_member_with_default (payload, "rating", NULL);

  if (!mc_rating_from_string (rating, NULL))
    return refuse_input (error, _("The rating is one of very_satisfied, satisfied, neutral, dissatisfied, "
                                  "very_dissatisfied or declined"));
  return TRUE;
}

static gboolean
check_digitised (McDossier   *dossier,
                 JsonObject  *payload,
                 GError     **error)
{
  const char *hash = json_object_get_string_member_with_default (payload, "hash", NULL);
  const char *media_type = json_object_get_string_member_with_default (payload, "media_type", NULL);
  const char *component = json_object_get_string_member_with_default (payload, "component", NULL);
  gint64 size = json_object_get_int_member_with_default (payload, "size", 0);

  if (!mc_attachment_hash_is_valid (hash) || !mc_attachment_media_type_is_known (media_type) ||
      component == NULL || *component == '\0' || size < 1 || size > MC_ATTACHMENT_MAX_SIZE)
    return refuse_input (error, _("A digitised document needs its component, its hash, its type and its size"));
  return TRUE;
}

static gboolean
check_declaration (McDossier   *dossier,
                   JsonObject  *payload,
                   GError     **error)
{
  const char *template = json_object_get_string_member_with_default (payload, "template", NULL);
  JsonNode *answers = json_object_get_member (payload, "answers");

  if (template == NULL || *template == '\0' || answers == NULL || !JSON_NODE_HOLDS_OBJECT (answers))
    return refuse_input (error, _("A declaration needs its template and its answers"));
  return TRUE;
}

/* A hand-over names the unit receiving the dossier; the person and a note are the clerk's words, cleaned. A
 * transfer names the competent body. */
static gboolean
check_recipient (JsonObject  *payload,
                 const char  *missing,
                 GError     **error)
{
  const char *to = json_object_get_string_member_with_default (payload, "to", NULL);
  g_autofree char *clean = to ? mc_text_clean (to, -1, 200, FALSE, NULL) : NULL;

  if (clean == NULL || *clean == '\0')
    return refuse_input (error, missing);
  json_object_set_string_member (payload, "to", clean);
  for (const char *const *member = (const char *const[]) { "person", "note", NULL }; *member; member++)
    {
      const char *text = json_object_get_string_member_with_default (payload, *member, NULL);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *value = NULL;

      if (text == NULL)
        continue;
      value = mc_text_clean (text, -1, g_str_equal (*member, "note") ? 2000 : 200, g_str_equal (*member, "note"),
                             &local_error);
      if (value == NULL)
        return _mc_store_field_error (error, g_str_equal (*member, "note") ? _("Note") : _("Person"), local_error);
      if (*value == '\0')
        json_object_remove_member (payload, *member);
      else
        json_object_set_string_member (payload, *member, value);
    }
  return TRUE;
}

static gboolean
check_handover (McDossier   *dossier,
                JsonObject  *payload,
                GError     **error)
{
  return check_recipient (payload, _("Name the unit that receives the dossier"), error);
}

static gboolean
check_transfer (McDossier   *dossier,
                JsonObject  *payload,
                GError     **error)
{
  return check_recipient (payload, _("Name the competent body the dossier is transferred to"), error);
}

static const struct
{
  const char *kind;
  gboolean    needs_reason;   /* recorded with the dossier and printed on the form */
  gboolean  (*check) (McDossier   *dossier,
                      JsonObject  *payload,
                      GError     **error);
} details[] = {
  { MC_EVENT_SUPPLEMENT_REQUESTED, TRUE, check_supplement },
  { MC_EVENT_REFUSED, TRUE, NULL },
  { MC_EVENT_STOP_REQUESTED, TRUE, NULL },
  { MC_EVENT_RETURNED, FALSE, check_returned },
  { MC_EVENT_APOLOGY_ISSUED, TRUE, check_apology },
  { MC_EVENT_EDITED, TRUE, check_edited },
  { MC_EVENT_RATING_RECORDED, FALSE, check_rating },
  { MC_EVENT_DIGITISED, FALSE, check_digitised },
  { MC_EVENT_DECLARATION_FILLED, FALSE, check_declaration },
  { MC_EVENT_FEE_PAID, FALSE, _mc_store_check_fee },
  { MC_EVENT_FEE_REFUNDED, TRUE, _mc_store_check_fee },

  { MC_EVENT_HANDED_OVER, FALSE, check_handover },
  { MC_EVENT_TRANSFERRED, TRUE, check_transfer },
};

/* The reason first, then whether the dossier's state allows the step, then the step's own details. */
static gboolean
check_step (McDossier   *dossier,
            const char  *kind,
            JsonObject  *payload,
            GError     **error)
{
  const char *reason = json_object_get_string_member_with_default (payload, "reason", NULL);
  const char *at_text = json_object_get_string_member_with_default (payload, "at", NULL);
  g_autoptr(GError) state_error = NULL;
  McMinute at = MC_MINUTE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    if (g_str_equal (kind, details[i].kind) && details[i].needs_reason && (reason == NULL || *reason == '\0'))
      return refuse_input (error, _("Give the reason: it is recorded with the dossier and printed on the form"));
  if (at_text == NULL || !mc_time_parse (at_text, &at, NULL))
    at = MC_MINUTE_NONE;
  if (!mc_dossier_check_event_at (dossier, kind, at, &state_error))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION, state_error->message);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    if (g_str_equal (kind, details[i].kind) && details[i].check != NULL)
      return details[i].check (dossier, payload, error);
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
    return _mc_store_field_error (error, field, local_error);
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
      number = _mc_store_next_form_number (self, form, year, error);
      if (number < 0)
        return FALSE;
      json_object_set_int_member (object, "number", number);
    }
  /* A receipt number used already, a refund above what was paid: checked where no other process can write. */
  if ((g_str_equal (step->kind, MC_EVENT_FEE_PAID) || g_str_equal (step->kind, MC_EVENT_FEE_REFUNDED)) &&
      !_mc_store_check_fee_now (self, step->dossier, step->kind, object, error))
    return FALSE;
  event = _mc_store_append (self, step->dossier->uuid, step->kind, step->payload, step->clerk, error);
  /* A correction changes what was recorded about a citizen: the audit log says who and which field, in the
   * same transaction. */
  return event != NULL &&
         (!g_str_equal (step->kind, MC_EVENT_EDITED) ||
          mc_audit_record (self, MC_AUDIT_CORRECTION, step->dossier->code,
                           json_object_get_string_member_with_default (object, "field", NULL), error));
}

/* Checks one step against its dossier and completes its payload (the texts cleaned, the time set): on success
 * @out holds the dossier and the payload to write. Nothing is written. */
static gboolean
prepare_step (McStore     *self,
              const char  *code_or_uuid,
              const char  *kind,
              JsonNode    *payload,
              const char  *clerk,
              Step        *out,
              GError     **error)
{
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(JsonNode) copy = NULL;
  JsonObject *object;
  const char *reason;

  dossier = mc_store_get_dossier (self, code_or_uuid, error);
  if (dossier == NULL)
    return FALSE;

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
          _mc_store_field_error (error, *member, local_error);
          return FALSE;
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
          _mc_store_field_error (error, _("Reason"), local_error);
          return FALSE;
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
        return FALSE;
      if (at < dossier->received)
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               _("This step cannot happen before the dossier was received"));
          return FALSE;
        }
    }

  if (!check_step (dossier, kind, object, error))
    return FALSE;
  if (g_str_equal (kind, MC_EVENT_EDITED) && !clean_edit (dossier, object, error))
    return FALSE;

  out->dossier = g_steal_pointer (&dossier);
  out->kind = kind;
  out->payload = g_steal_pointer (&copy);
  out->clerk = clerk;
  return TRUE;
}

static void
step_clear (Step *step)
{
  g_clear_pointer (&step->dossier, mc_dossier_unref);
  g_clear_pointer (&step->payload, json_node_unref);
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
  Step step = { 0 };
  McDossier *after = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!_mc_store_ensure_set_up (self, error))
    return NULL;
  if (prepare_step (self, code_or_uuid, kind, payload, clerk, &step, error) &&
      _mc_store_write (self, write_step, &step, error))
    after = mc_store_get_dossier (self, step.dossier->uuid, error);
  step_clear (&step);
  return after;
}

typedef struct
{
  Step  *steps;
  guint  n;
} Steps;

static gboolean
write_steps (McStore   *self,
             gpointer   data,
             GError   **error)
{
  Steps *all = data;

  for (guint i = 0; i < all->n; i++)
    if (!write_step (self, &all->steps[i], error))
      return FALSE;
  return TRUE;
}

/**
 * mc_store_record_many:
 * @codes: (array zero-terminated=1): the dossiers, each at most once
 *
 * The same step for several dossiers at once (a batch of hand-overs): each is checked as mc_store_record() checks
 * it, and all are written in one transaction, or none when one is refused (the error names that dossier).
 *
 * Returns: (transfer full) (element-type McDossier): the dossiers after the step, in the order of @codes
 */
GPtrArray *
mc_store_record_many (McStore            *self,
                      const char * const *codes,
                      const char         *kind,
                      JsonNode           *payload,
                      const char         *clerk,
                      GError            **error)
{
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Steps all = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (codes != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!_mc_store_ensure_set_up (self, error))
    return NULL;
  all.steps = g_new0 (Step, g_strv_length ((char **) codes));
  for (; ok && codes[all.n] != NULL; all.n++)
    {
      ok = prepare_step (self, codes[all.n], kind, payload, clerk, &all.steps[all.n], error);
      if (ok && !g_hash_table_add (seen, all.steps[all.n].dossier->uuid))
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, _("Dossier %s is listed twice"),
                       all.steps[all.n].dossier->code);
          ok = FALSE;
        }
    }
  if (ok && all.n == 0)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, _("Give at least one dossier"));
      ok = FALSE;
    }
  if (ok)
    ok = _mc_store_write (self, write_steps, &all, error);
  if (ok)
    {
      after = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
      for (guint i = 0; ok && i < all.n; i++)
        {
          McDossier *d = mc_store_get_dossier (self, all.steps[i].dossier->uuid, error);

          ok = d != NULL;
          if (ok)
            g_ptr_array_add (after, d);
        }
    }
  for (guint i = 0; i < all.n; i++)
    step_clear (&all.steps[i]);
  g_free (all.steps);
  return ok ? g_steal_pointer (&after) : NULL;
}
