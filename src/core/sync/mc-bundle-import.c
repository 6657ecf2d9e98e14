/* mc-bundle-import.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"


#include "mc-accounts.h"
#include "mc-attachment.h"
#include "mc-bundle-private.h"
#include "mc-time.h"

G_DEFINE_QUARK (mc-bundle-error-quark, mc_bundle_error)

/**
 * mc_bundle_import:
 * @out_preview: (out) (optional) (transfer full): what the import did
 *
 * Imports a bundle: all of it in one transaction, or nothing. A bundle whose events are all known changes
 * nothing at all, not even the "last_import_at" note.
 */
gboolean
mc_bundle_import (McStore          *store,
                  const char       *path,
                  McImportPreview **out_preview,
                  GError          **error)
{
  g_auto(McBundle) b = { 0 };
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);
  g_autoptr(McImportPreview) preview = NULL;
  guint n_new = 0;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_mc_bundle_read (store, path, &b, error))
    return FALSE;
  preview = _mc_bundle_compute_preview (store, &b, fresh, error);
  if (preview == NULL)
    return FALSE;
  /* The documents first: an event never refers to a document this import failed to store. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, b.documents);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (!mc_attachment_put (store, value, NULL, error))
        return FALSE;
  }
  if (fresh->len > 0)
    {
      g_autoptr(GHashTable) stations = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *now = mc_time_now_iso_offset ();

      if (!mc_store_apply_events (store, fresh, &n_new, error))
        return FALSE;
      preview->n_new = n_new;
      for (guint i = 0; i < fresh->len; i++)
        g_hash_table_add (stations, ((McEvent *) g_ptr_array_index (fresh, i))->station_id);
      g_hash_table_add (stations, b.station_id);
      _mc_bundle_remember_stations (store, stations);
      mc_store_set_local (store, "last_import_at", now, NULL);
      {
        g_autofree char *name = g_path_get_basename (path);
        g_autofree char *detail = g_strdup_printf ("%u new events", n_new);

        mc_audit_record (store, MC_AUDIT_IMPORT, name, detail, NULL);
      }
    }
  if (out_preview)
    *out_preview = g_steal_pointer (&preview);
  return TRUE;
}
