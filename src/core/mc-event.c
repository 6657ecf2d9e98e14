/* mc-event.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-event"

#include "config.h"

#include <string.h>

#include "mc-event.h"
#include "mc-time.h"

G_DEFINE_BOXED_TYPE (McEvent, mc_event, mc_event_ref, mc_event_unref)

static const char *dossier_kinds[] = {
  MC_EVENT_RECEIVED, MC_EVENT_EDITED, MC_EVENT_SUPPLEMENT_REQUESTED, MC_EVENT_SUPPLEMENT_COMPLETED,
  MC_EVENT_REFUSED, MC_EVENT_STOP_REQUESTED, MC_EVENT_TRANSFERRED, MC_EVENT_RESULT_READY, MC_EVENT_RETURNED,
  MC_EVENT_APOLOGY_ISSUED, MC_EVENT_RATING_RECORDED, MC_EVENT_DIGITISED, MC_EVENT_PERSONAL_DATA_REMOVED,
  MC_EVENT_DECLARATION_FILLED, MC_EVENT_FEE_PAID, MC_EVENT_FEE_REFUNDED, MC_EVENT_HANDED_OVER,
};

static const char *reference_kinds[] = {
  MC_EVENT_PROCEDURE_SET, MC_EVENT_CALENDAR_DAY_SET, MC_EVENT_OFFICE_SET, MC_EVENT_FEEDBACK_RECEIVED,
  MC_EVENT_FEEDBACK_ANSWERED, MC_EVENT_STATION_NUMBERED,
};

/**
 * mc_event_new:
 * @payload: (transfer none): a JSON object; copied
 */
McEvent *
mc_event_new (const char *uuid,
              const char *dossier_uuid,
              const char *station_id,
              gint64      station_seq,
              gint64      lamport,
              const char *occurred_at,
              const char *clerk,
              const char *kind,
              JsonNode   *payload)
{
  McEvent *self = g_new0 (McEvent, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->uuid = g_strdup (uuid);
  self->dossier_uuid = g_strdup (dossier_uuid);
  self->station_id = g_strdup (station_id);
  self->station_seq = station_seq;
  self->lamport = lamport;
  self->occurred_at = g_strdup (occurred_at);
  self->clerk = g_strdup (clerk);
  self->kind = g_strdup (kind);
  if (payload != NULL && JSON_NODE_HOLDS_OBJECT (payload))
    self->payload = json_node_copy (payload);
  else
    {
      self->payload = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (self->payload, json_object_new ());
    }
  return self;
}

McEvent *
mc_event_ref (McEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mc_event_unref (McEvent *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->uuid);
  g_free (self->dossier_uuid);
  g_free (self->station_id);
  g_free (self->occurred_at);
  g_free (self->clerk);
  g_free (self->kind);
  g_clear_pointer (&self->payload, json_node_unref);
  g_free (self);
}

/* The one order every station folds events in, whatever order they arrived in. */
int
mc_event_compare (const McEvent *a,
                  const McEvent *b)
{
  int r;

  if (a->lamport != b->lamport)
    return a->lamport < b->lamport ? -1 : 1;
  r = g_strcmp0 (a->station_id, b->station_id);
  if (r != 0)
    return r < 0 ? -1 : 1;
  if (a->station_seq != b->station_seq)
    return a->station_seq < b->station_seq ? -1 : 1;
  return 0;
}

int
mc_event_compare_indirect (gconstpointer a,
                           gconstpointer b)
{
  return mc_event_compare (*(McEvent * const *) a, *(McEvent * const *) b);
}

gboolean
mc_event_kind_is_dossier (const char *kind)
{
  for (guint i = 0; kind && i < G_N_ELEMENTS (dossier_kinds); i++)
    if (strcmp (kind, dossier_kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
mc_event_kind_is_feedback (const char *kind)
{
  return g_strcmp0 (kind, MC_EVENT_FEEDBACK_RECEIVED) == 0 || g_strcmp0 (kind, MC_EVENT_FEEDBACK_ANSWERED) == 0;
}

gboolean
mc_event_kind_is_known (const char *kind)
{
  if (mc_event_kind_is_dossier (kind))
    return TRUE;
  for (guint i = 0; kind && i < G_N_ELEMENTS (reference_kinds); i++)
    if (strcmp (kind, reference_kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
mc_event_payload_to_string (McEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return json_to_string (self->payload, FALSE);
}

const char *
mc_event_get_string (McEvent    *self,
                     const char *member)
{
  JsonObject *object = json_node_get_object (self->payload);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A time member of the payload, falling back to when the event occurred. */
McMinute
mc_event_get_time (McEvent    *self,
                   const char *member)
{
  const char *text = member ? mc_event_get_string (self, member) : NULL;
  McMinute t;

  if (text != NULL && mc_time_parse (text, &t, NULL))
    return t;
  if (self->occurred_at != NULL && mc_time_parse (self->occurred_at, &t, NULL))
    return t;
  return MC_MINUTE_NONE;
}
