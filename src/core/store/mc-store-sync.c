/* mc-store-sync.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What sync files read and write: the events in storage order, what this database knows of each station, and
 * the events of other stations applied in one transaction, idempotently. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-store-private.h"

/**
 * mc_store_list_events:
 * @after_id: the local row id to start after (0 for the beginning)
 *
 * Every event this database holds, in the order it stored them: what an export carries.
 *
 * Returns: (transfer full) (element-type McEvent): up to @limit events
 */
GPtrArray *
mc_store_list_events (McStore  *self,
                      gint64    after_id,
                      guint     limit,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self,
                            "SELECT uuid, dossier_uuid, station_id, station_seq, lamport, occurred_at, clerk, kind,"
                            " payload FROM event WHERE id > ? ORDER BY id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_id);
  sqlite3_bind_int64 (stmt, 2, limit ? limit : G_MAXINT);
  return _mc_store_step_events (self, stmt, error);
}

gboolean
mc_store_has_event (McStore     *self,
                    const char  *uuid,
                    GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  return _mc_store_query_int (self, "SELECT count(*) FROM event WHERE uuid = ?", uuid, error) > 0;
}

/* The highest sequence number this database holds from a station (0 for none): sync uses it to spot gaps. */
gint64
mc_store_get_max_station_seq (McStore     *self,
                              const char  *station_id,
                              GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), -1);
  return _mc_store_query_int (self, "SELECT IFNULL(MAX(station_seq), 0) FROM event WHERE station_id = ?",
                              station_id, error);
}

/* How many of a station's events numbered @first to @last this database holds: a sync folder's file is applied
 * when the count is the whole range. */
gint64
mc_store_count_station_range (McStore     *self,
                              const char  *station_id,
                              gint64       first,
                              gint64       last,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), -1);

  stmt = _mc_store_prepare (self, "SELECT count(*) FROM event WHERE station_id = ? AND station_seq BETWEEN ? AND ?",
                            error);
  if (stmt == NULL)
    return -1;
  _mc_store_bind_text (stmt, 1, station_id);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);
  return _mc_store_step_int (self, stmt, error);
}

/**
 * mc_store_get_station_uuids:
 * @out_uuids: (out caller-allocates): 36 × (@last - @first + 1) bytes, set to zero by the caller
 *
 * The uuids of a station's events numbered @first to @last this database holds, each written (without its NUL)
 * at 36 × (seq - @first); the slots of the events it does not hold are left as they were. One range scan
 * instead of a lookup per event: what an import uses to skip the events it knows.
 *
 * Returns: how many it holds, or -1 with @error
 */
gint64
mc_store_get_station_uuids (McStore     *self,
                            const char  *station_id,
                            gint64       first,
                            gint64       last,
                            char        *out_uuids,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), -1);
  g_return_val_if_fail (first <= last, -1);

  stmt = _mc_store_prepare (self, "SELECT station_seq, uuid FROM event WHERE station_id = ?"
                                  " AND station_seq BETWEEN ? AND ?", error);
  if (stmt == NULL)
    return -1;
  _mc_store_bind_text (stmt, 1, station_id);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);

      if (seq >= first && seq <= last && uuid != NULL && sqlite3_column_bytes (stmt, 1) == 36)
        memcpy (out_uuids + 36 * (seq - first), uuid, 36);
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _mc_store_set_error (self, rc, error);
      return -1;
    }
  return n;
}

/* The local row id of a station's event numbered @seq or the first after it (0 when there is none): where a
 * range of that station's events starts in the stored order. */
gint64
mc_store_get_station_event_id (McStore     *self,
                               const char  *station_id,
                               gint64       seq,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), -1);

  stmt = _mc_store_prepare (self, "SELECT IFNULL(MIN(id), 0) FROM event WHERE station_id = ? AND station_seq >= ?",
                            error);
  if (stmt == NULL)
    return -1;
  _mc_store_bind_text (stmt, 1, station_id);
  sqlite3_bind_int64 (stmt, 2, seq);
  return _mc_store_step_int (self, stmt, error);
}

/* The local row id of the newest stored event: an export bookmark. */
gint64
mc_store_get_max_event_id (McStore  *self,
                           GError  **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), -1);
  return _mc_store_query_int (self, "SELECT IFNULL(MAX(id), 0) FROM event", NULL, error);
}

static gboolean
event_is_well_formed (McEvent *event)
{
  return event->uuid != NULL && event->station_id != NULL && event->occurred_at != NULL &&
         event->clerk != NULL && event->station_seq > 0 && event->lamport > 0 &&
         event->station_seq <= MC_EVENT_CLOCK_ACCEPTED && event->lamport <= MC_EVENT_CLOCK_ACCEPTED &&
         mc_event_kind_is_known (event->kind) &&
         (event->dossier_uuid != NULL) == mc_event_kind_is_dossier (event->kind);
}

/* Stores the events not known yet, in the total order; reference data is projected at once, dossier events are
 * collected by dossier for refold_imported(). */
static gboolean
store_new_events (McStore     *self,
                  GPtrArray   *sorted,
                  GHashTable  *dossiers,
                  guint       *added,
                  GError     **error)
{
  for (guint i = 0; i < sorted->len; i++)
    {
      McEvent *event = g_ptr_array_index (sorted, i);
      gboolean is_new;

      if (!_mc_store_insert_event (self, event, &is_new, error))
        return FALSE;
      if (!is_new)
        continue;
      (*added)++;
      self->changed = TRUE;
      if (event->dossier_uuid != NULL)
        {
          GPtrArray *batch = g_hash_table_lookup (dossiers, event->dossier_uuid);

          if (batch == NULL)
            {
              batch = g_ptr_array_new ();
              g_hash_table_insert (dossiers, g_strdup (event->dossier_uuid), batch);
            }
          g_ptr_array_add (batch, event);
        }
      else if (!_mc_store_project_reference (self, event, error))
        return FALSE;
    }
  return TRUE;
}

/* Refolds every dossier the batch touched. */
static gboolean
refold_imported (McStore     *self,
                 GHashTable  *dossiers,
                 GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, dossiers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *batch = value;
      gboolean removed = FALSE;
      gint64 stored;

      /* Another station removed this dossier's personal data (now, or earlier and this is a late event): so does
       * this one, in its stored history too. */
      for (guint i = 0; i < batch->len && !removed; i++)
        removed = g_str_equal (((McEvent *) g_ptr_array_index (batch, i))->kind, MC_EVENT_PERSONAL_DATA_REMOVED);
      stored = _mc_store_query_int (self, "SELECT count(*) FROM event WHERE dossier_uuid = ?", key, error);
      if (stored < 0)
        return FALSE;
      if (!removed && stored != (gint64) batch->len)
        removed = _mc_store_query_int (self, "SELECT count(*) FROM event WHERE dossier_uuid = ?"
                                             " AND kind = 'personal_data_removed'", key, NULL) > 0;
      if (removed && !_mc_store_scrub_events (self, key, error))
        return FALSE;
      /* A dossier whose whole history came in this batch folds from the events in hand; one that already
       * had events here is read back whole. */
      if (stored == (gint64) batch->len ? !_mc_store_project_dossier (self, key, batch, error)
                                        : !_mc_store_refold (self, key, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GPtrArray *sorted;
  guint      added;
} Import;

static gboolean
write_import (McStore   *self,
              gpointer   data,
              GError   **error)
{
  Import *import = data;
  /* dossier uuid → the batch's new events for it (borrowed) */
  g_autoptr(GHashTable) dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);

  return _mc_store_begin_staging (self, error) &&
         store_new_events (self, import->sorted, dossiers, &import->added, error) &&
         refold_imported (self, dossiers, error) &&
         _mc_store_flush_staging (self, error);
}

/**
 * mc_store_apply_events:
 * @events: (element-type McEvent): events from another station, in any order
 * @out_new: (out) (optional): how many were not known before
 *
 * Adds the events this database does not hold yet and re-folds what they touch, in one transaction: all or
 * nothing. Events already known are skipped, so applying the same events twice changes nothing.
 */
gboolean
mc_store_apply_events (McStore    *self,
                       GPtrArray  *events,
                       guint      *out_new,
                       GError    **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (events->len);
  Import import = { sorted, 0 };

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);

  for (guint i = 0; i < events->len; i++)
    {
      McEvent *event = g_ptr_array_index (events, i);

      if (!event_is_well_formed (event))
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                       _("Event %u is damaged or of an unknown kind: nothing was imported"), i + 1);
          return FALSE;
        }
      g_ptr_array_add (sorted, event);
    }
  /* Reference data first in the total order, so that folds see the settings the events were made under. */
  g_ptr_array_sort (sorted, mc_event_compare_indirect);

  if (!_mc_store_write (self, write_import, &import, error))
    return FALSE;
  if (out_new)
    *out_new = import.added;
  return TRUE;
}
