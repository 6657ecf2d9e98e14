/* mc-bundle-import.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include "mc-attachment.h"
#include "mc-audit.h"
#include "mc-bundle-private.h"
#include "mc-time.h"

/* The import, on the caller's connection or in a worker thread on a connection of its own; and the sync files'
 * error domain. */

G_DEFINE_QUARK (mc-bundle-error-quark, mc_bundle_error)

/* Reads, checks and applies a bundle. @cancellable is heeded until the first write, never after: an import
 * cancelled in time leaves the database as it was, one not cancelled in time is whole. */
static gboolean
import_bundle (McStore          *store,
               const char       *path,
               GCancellable     *cancellable,
               McImportPreview **out_preview,
               GError          **error)
{
  g_auto(McBundle) b = { 0 };
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);
  g_autoptr(McImportPreview) preview = NULL;
  g_autoptr(GHashTable) claims = NULL;
  guint n_new = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_mc_bundle_read (store, path, cancellable, &b, error))
    return FALSE;
  preview = _mc_bundle_compute_preview (store, &b, fresh, &claims, error);
  if (preview == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
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
      _mc_bundle_note_station_numbers (store, claims);
      mc_store_set_local (store, "last_import_at", now, NULL);
      {
        g_autofree char *name = g_path_get_basename (path);
        g_autofree char *detail = g_strdup_printf ("%u new events", n_new);

        mc_audit_record (store, MC_AUDIT_IMPORT, name, detail, NULL);
      }
    }
  /* The passphrase given for this import proved right: the station keeps its key. */
  if (!mc_bundle_keep_offered_key (store, error))
    return FALSE;
  if (out_preview)
    *out_preview = g_steal_pointer (&preview);
  return TRUE;
}

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
  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return import_bundle (store, path, NULL, out_preview, error);
}

/*
 * In a worker thread
 */

static gpointer
import_in_worker (McStore       *worker,
                  gpointer       path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  McImportPreview *preview = NULL;

  return import_bundle (worker, path, cancellable, &preview, error) ? preview : NULL;
}

/**
 * mc_bundle_import_async:
 * @store: the caller's connection
 * @cancellable: (nullable): stops the import while it is still reading; once it writes, it goes to the end
 * @callback: called in the caller's main context when the import is over
 *
 * Imports a bundle as mc_bundle_import() does, in a worker thread, on a connection of its own to the same
 * database file, so that a large import does not hold up the caller's main loop. The person signed in on @store
 * is signed in on the worker's connection too (their name goes on the audit line). Writes through @store wait
 * while the import's transaction is open. Call mc_bundle_import_finish() from @callback.
 */
void
mc_bundle_import_async (McStore             *store,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_bundle_import_async);
  _mc_sync_run_in_worker (task, store, import_in_worker, g_strdup (path), g_free,
                          (GDestroyNotify) mc_import_preview_free);
}

/**
 * mc_bundle_import_finish:
 * @out_preview: (out) (optional) (transfer full): what the import did
 *
 * Finishes mc_bundle_import_async(). After an import, @store reads the office's settings and calendar again and
 * emits #McStore::changed (mc_store_refresh()), since another connection changed the database.
 *
 * Returns: %TRUE when the bundle was imported; %FALSE with @error set (%G_IO_ERROR_CANCELLED when cancelled in
 *   time), and the database as it was
 */
gboolean
mc_bundle_import_finish (McStore          *store,
                         GAsyncResult     *result,
                         McImportPreview **out_preview,
                         GError          **error)
{
  g_autoptr(McImportPreview) preview = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mc_bundle_import_async, FALSE);

  preview = g_task_propagate_pointer (G_TASK (result), error);
  if (preview == NULL)
    return FALSE;
  mc_store_refresh (store);
  if (out_preview)
    *out_preview = g_steal_pointer (&preview);
  return TRUE;
}
