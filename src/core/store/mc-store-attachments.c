/* mc-store-attachments.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Digitised documents in a dossier's history: the "digitised" event that records one, the list a dossier's
 * history gives, and the documents the database still refers to. The bytes themselves are local files
 * (local/mc-attachment.c). */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-attachment.h"
#include "mc-store-private.h"
#include "mc-text.h"

/**
 * mc_store_attach:
 * @component: which document of the dossier this is
 * @name: (nullable): the file's name as received
 * @source: "file" or "scanner"
 *
 * Stores a digitised document and records it in the dossier's history.
 *
 * Returns: (transfer full): the dossier after the step
 */
McDossier *
mc_store_attach (McStore     *store,
                 const char  *code_or_uuid,
                 const char  *component,
                 const char  *name,
                 const char  *source,
                 GBytes      *data,
                 const char  *clerk,
                 GError     **error)
{
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean_component = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *hash = NULL;
  const char *media_type;
  gsize size;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  dossier = mc_store_get_dossier (store, code_or_uuid, error);
  if (dossier == NULL)
    return NULL;
  clean_component = mc_text_clean (component ? component : "", -1, 500, FALSE, &local_error);
  if (clean_component == NULL || *clean_component == '\0')
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Say which document of the dossier this is"));
      return NULL;
    }
  clean_name = mc_text_clean (name ? name : "", -1, 255, FALSE, NULL);
  if (clean_name == NULL)
    clean_name = g_strdup ("");
  size = g_bytes_get_size (data);
  if (size == 0)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, _("The file is empty"));
      return NULL;
    }
  if (size > MC_ATTACHMENT_MAX_SIZE)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                   _("The file is larger than %d MB. Scan it at a lower resolution or split it."),
                   MC_ATTACHMENT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  media_type = mc_attachment_sniff_media_type (data);
  if (media_type == NULL)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Only PDF files and PNG or JPEG images can be attached"));
      return NULL;
    }
  if (!mc_attachment_put (store, data, &hash, error))
    return NULL;

  json_object_set_string_member (payload, "component", clean_component);
  json_object_set_string_member (payload, "name", clean_name);
  json_object_set_string_member (payload, "hash", hash);
  json_object_set_string_member (payload, "media_type", media_type);
  json_object_set_int_member (payload, "size", (gint64) size);
  json_object_set_string_member (payload, "source", g_strcmp0 (source, "scanner") == 0 ? "scanner" : "file");
  json_node_set_object (node, payload);
  return mc_store_record (store, dossier->uuid, MC_EVENT_DIGITISED, node, clerk, error);
}

/**
 * mc_store_list_attachments:
 *
 * Returns: (transfer full) (element-type McAttachment): the dossier's digitised documents, oldest first
 */
GPtrArray *
mc_store_list_attachments (McStore     *store,
                           const char  *code_or_uuid,
                           GError     **error)
{
  g_autoptr(GPtrArray) events = mc_store_get_events (store, code_or_uuid, error);

  if (events == NULL)
    return NULL;
  return mc_attachment_list_from_events (store, events);
}

/**
 * mc_attachment_list_from_events:
 * @events: (element-type McEvent): a dossier's history, as mc_store_get_events() gives it
 *
 * Returns: (transfer full) (element-type McAttachment): the documents that history digitised, oldest first
 */
GPtrArray *
mc_attachment_list_from_events (McStore   *store,
                                GPtrArray *events)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_attachment_free);

  for (guint i = 0; i < events->len; i++)
    {
      McEvent *event = g_ptr_array_index (events, i);
      JsonObject *p;
      McAttachment *a;
      const char *hash;

      if (g_strcmp0 (event->kind, MC_EVENT_DIGITISED) != 0 || !JSON_NODE_HOLDS_OBJECT (event->payload))
        continue;
      p = json_node_get_object (event->payload);
      hash = json_object_get_string_member_with_default (p, "hash", NULL);
      if (!mc_attachment_hash_is_valid (hash))
        continue;
      a = g_new0 (McAttachment, 1);
      a->event_uuid = g_strdup (event->uuid);
      a->component = g_strdup (json_object_get_string_member_with_default (p, "component", ""));
      a->name = g_strdup (json_object_get_string_member_with_default (p, "name", ""));
      a->hash = g_strdup (hash);
      a->media_type = g_strdup (json_object_get_string_member_with_default (p, "media_type", ""));
      a->source = g_strdup (json_object_get_string_member_with_default (p, "source", "file"));
      a->size = json_object_get_int_member_with_default (p, "size", 0);
      a->occurred_at = g_strdup (event->occurred_at);
      a->clerk = g_strdup (event->clerk);
      {
        g_autofree char *path = mc_attachment_path (store, hash);
        a->present = g_file_test (path, G_FILE_TEST_IS_REGULAR);
      }
      g_ptr_array_add (list, a);
    }
  return g_steal_pointer (&list);
}

/* Returns: (transfer full): the set of the hashes of the documents a dossier may keep: every digitised document
 * but those of the dossiers whose personal data was removed; %NULL with @error */
GHashTable *
_mc_store_list_kept_documents (McStore  *self,
                               GError  **error)
{
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) hashes = NULL;
  sqlite3_stmt *stmt;

  stmt = _mc_store_prepare (self,
                            "SELECT DISTINCT json_extract (e.payload, '$.hash') FROM event e"
                            " WHERE e.kind = 'digitised' AND NOT EXISTS (SELECT 1 FROM event r"
                            "  WHERE r.dossier_uuid = e.dossier_uuid AND r.kind = 'personal_data_removed')",
                            error);
  hashes = stmt ? _mc_store_step_strings (self, stmt, error) : NULL;
  if (hashes == NULL)
    return NULL;
  for (guint i = 0; i < hashes->len; i++)
    g_hash_table_add (keep, g_strdup (g_ptr_array_index (hashes, i)));
  return g_steal_pointer (&keep);
}
