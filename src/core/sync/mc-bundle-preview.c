/* mc-bundle-preview.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-bundle-private.h"

/* What an import brings, computed without changing anything: the events new here and those known, the
 * dossiers they touch, concurrent conflicting changes, and gaps in a station's sequence. */

void
mc_import_preview_free (McImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->office_code);
  g_free (preview->source_station_id);
  g_free (preview->created);
  g_clear_pointer (&preview->conflicts, g_ptr_array_unref);
  g_clear_pointer (&preview->gaps, g_ptr_array_unref);
  g_free (preview);
}

static gboolean
is_step (const char *kind)
{
  static const char *steps[] = {
    MC_EVENT_SUPPLEMENT_REQUESTED, MC_EVENT_SUPPLEMENT_COMPLETED, MC_EVENT_REFUSED, MC_EVENT_STOP_REQUESTED,
    MC_EVENT_TRANSFERRED, MC_EVENT_RESULT_READY, MC_EVENT_RETURNED, MC_EVENT_APOLOGY_ISSUED, MC_EVENT_HANDED_OVER,
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (kind, steps[i]))
      return TRUE;
  return FALSE;
}

/* Two changes to one dossier that clash when made without knowledge of each other. */
static gboolean
changes_clash (McEvent *a,
               McEvent *b)
{
  if (g_str_equal (a->kind, MC_EVENT_EDITED) && g_str_equal (b->kind, MC_EVENT_EDITED))
    return g_strcmp0 (mc_event_get_string (a, "field"), mc_event_get_string (b, "field")) == 0;
  return is_step (a->kind) && is_step (b->kind) && !g_str_equal (a->kind, b->kind);
}

/* Whether @fresh (arriving now) was made without knowledge of @held (already here, from another station):
 * its clock is not ahead of @held's, or it was made by the bundle's source, which did not hold @held when it
 * exported. */
static gboolean
made_concurrently (McEvent  *fresh,
                   McEvent  *held,
                   McBundle *b)
{
  if (fresh->lamport <= held->lamport)
    return TRUE;
  if (g_str_equal (fresh->station_id, b->station_id))
    {
      gint64 *max = g_hash_table_lookup (b->known, held->station_id);

      return max == NULL || held->station_seq > *max;
    }
  return FALSE;
}

static char *
station_label (McBundle   *b,
               McStore    *store,
               const char *station_id)
{
  const McOffice *office = mc_store_get_office (store);
  McStationRange *range = g_hash_table_lookup (b->ranges, station_id);

  if (g_strcmp0 (station_id, office->station_id) == 0)
    return g_strdup_printf ("%02d", office->station);
  if (g_strcmp0 (station_id, b->station_id) == 0)
    return g_strdup_printf ("%02d", b->station);
  if (range != NULL && range->station > 0)
    return g_strdup_printf ("%02d", range->station);
  return g_strndup (station_id, 8);
}

static gboolean
is_foreign (McStore  *store,
            McBundle *b)
{
  return !g_str_equal (b->office, mc_store_get_office (store)->code);
}

/* Compares the bundle with this database. Fills @fresh with the events to apply. */
McImportPreview *
_mc_bundle_compute_preview (McStore     *store,
                            McBundle    *b,
                            GPtrArray   *fresh,
                            GHashTable **out_claims,
                            GError     **error)
{
  g_autoptr(McImportPreview) p = g_new0 (McImportPreview, 1);
  g_autoptr(GHashTable) dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) new_ranges = _mc_bundle_ranges_new ();
  g_autoptr(GHashTable) received_codes = _mc_bundle_received_codes (b);
  const McOffice *office = mc_store_get_office (store);
  gboolean foreign = is_foreign (store, b);
  GHashTableIter iter;
  gpointer key, value;

  p->office_code = g_strdup (b->office);
  p->source_station_id = g_strdup (b->station_id);
  p->source_station = b->station;
  p->created = g_strdup (b->created);
  p->full = b->full;
  p->n_events = b->n_events;
  p->n_documents = b->n_documents;
  p->n_known = b->n_known;
  p->conflicts = g_ptr_array_new_with_free_func (g_free);
  p->gaps = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < b->events->len; i++)
    {
      McEvent *event = g_ptr_array_index (b->events, i);
      g_autoptr(GError) local = NULL;
      /* The reader looked most events up already; the database has not changed since. */
      gboolean known = !g_hash_table_contains (b->absent, event->uuid) &&
                       mc_store_has_event (store, event->uuid, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (foreign && event->dossier_uuid == NULL)
        {
          /* The aggregator keeps its own office settings, catalogue and calendar. */
          p->n_skipped++;
          continue;
        }
      if (known)
        {
          p->n_known++;
          continue;
        }

      /* Two workstations with one number: their dossier codes would collide. */
      if (!foreign && g_str_equal (event->station_id, office->station_id))
        {
          g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_DUPLICATE_STATION,
                       _("The bundle holds changes made under this workstation's identity that this database "
                         "does not have: the database was copied to another computer. Set that computer up as "
                         "a new workstation with its own number. Nothing was imported."));
          return NULL;
        }

      if (!_mc_bundle_check_owner (store, b, received_codes, event, error))
        return NULL;

      p->n_new++;
      g_ptr_array_add (fresh, mc_event_ref (event));
      _mc_bundle_range_add_event (new_ranges, event);
      if (event->dossier_uuid != NULL)
        {
          GPtrArray *list = g_hash_table_lookup (dossiers, event->dossier_uuid);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (dossiers, event->dossier_uuid, list);
            }
          g_ptr_array_add (list, event);
        }
    }
  p->n_dossiers = g_hash_table_size (dossiers);

  /* Two identities with one number (mc-bundle-numbers.c), at a station and at the level above. */
  if (!_mc_bundle_check_station_numbers (store, b, out_claims, error))
    return NULL;

  /* Concurrent, conflicting changes: each new event against what this database holds for the dossier. */
  g_hash_table_iter_init (&iter, dossiers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;
      g_autoptr(GError) local = NULL;
      g_autoptr(GPtrArray) held = mc_store_get_events (store, key, &local);
      g_autofree char *line = NULL;
      const char *code = NULL;

      if (held == NULL)
        {
          if (g_error_matches (local, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_DOSSIER))
            continue;
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      for (guint i = 0; i < held->len && line == NULL; i++)
        {
          McEvent *h = g_ptr_array_index (held, i);

          if (g_str_equal (h->kind, MC_EVENT_RECEIVED))
            code = mc_event_get_string (h, "code");
          for (guint j = 0; j < list->len && line == NULL; j++)
            {
              McEvent *f = g_ptr_array_index (list, j);

              if (!g_str_equal (f->station_id, h->station_id) && changes_clash (f, h) &&
                  made_concurrently (f, h, b))
                {
                  g_autofree char *sf = station_label (b, store, f->station_id);
                  g_autofree char *sh = station_label (b, store, h->station_id);
                  const char *field = mc_event_get_string (f, "field");

                  if (code == NULL)
                    for (guint k = 0; k < held->len && code == NULL; k++)
                      if (g_str_equal (((McEvent *) g_ptr_array_index (held, k))->kind, MC_EVENT_RECEIVED))
                        code = mc_event_get_string (g_ptr_array_index (held, k), "code");
                  /* TRANSLATORS: dossier code: change (station) and change (station) */
                  line = g_strdup_printf (_("%s: %s%s%s (station %s) and %s (station %s)"),
                                          code ? code : (const char *) key, f->kind,
                                          field ? " " : "", field ? field : "", sf, h->kind, sh);
                }
            }
        }
      if (line != NULL)
        g_ptr_array_add (p->conflicts, g_steal_pointer (&line));
    }
  g_ptr_array_sort (p->conflicts, _mc_bundle_compare_strings);
  p->n_conflicts = p->conflicts->len;

  /* Gaps: a station's new events start after the next one this database expects. */
  {
    g_autoptr(GPtrArray) ids = _mc_bundle_sorted_keys (new_ranges);

    for (guint i = 0; i < ids->len; i++)
      {
        const char *id = g_ptr_array_index (ids, i);
        McStationRange *range = g_hash_table_lookup (new_ranges, id);
        gint64 max = mc_store_get_max_station_seq (store, id, error);
        g_autofree char *label = NULL;

        if (max < 0)
          return NULL;
        if (range->first <= max + 1)
          continue;
        label = station_label (b, store, id);
        g_ptr_array_add (p->gaps,
                         /* Plain %lld: xgettext cannot see through G_GINT64_FORMAT. */
                         g_strdup_printf (_("Station %s: events %lld to %lld are missing; import that station's "
                                            "earlier bundles, or ask it for a full export"),
                                          label, (long long) (max + 1), (long long) (range->first - 1)));
      }
  }
  return g_steal_pointer (&p);
}

/**
 * mc_bundle_read_preview:
 *
 * Decrypts and validates the whole bundle and tells what importing it would do. Changes nothing.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
McImportPreview *
mc_bundle_read_preview (McStore     *store,
                        const char  *path,
                        GError     **error)
{
  g_auto(McBundle) b = { 0 };
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!_mc_bundle_read (store, path, NULL, &b, error))
    return NULL;
  return _mc_bundle_compute_preview (store, &b, fresh, NULL, error);
}
