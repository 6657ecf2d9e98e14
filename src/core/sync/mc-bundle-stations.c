/* mc-bundle-stations.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include <string.h>

#include "mc-bundle-private.h"

/* The stations a bundle speaks of: each one's range of sequence numbers (written in the header by the export,
 * checked against the lines by the reader, compared with this database by the preview), the station number in a
 * dossier code, and the stations this one has heard of. */

/* The station number (SS) of a dossier code <office>-<YYMMDD>-<SS><NNNN>, or -1. */
int
_mc_bundle_code_station (const char *code,
                         const char *office)
{
  gsize n = strlen (office);
  const char *p;

  if (code == NULL || strncmp (code, office, n) != 0 || code[n] != '-')
    return -1;
  p = code + n + 1;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isdigit (p[i]))
      return -1;
  if (p[6] != '-' || !g_ascii_isdigit (p[7]) || !g_ascii_isdigit (p[8]))
    return -1;
  for (int i = 9; i < 13; i++)
    if (!g_ascii_isdigit (p[i]))
      return -1;
  return (p[7] - '0') * 10 + (p[8] - '0');
}

/* station_id → McStationRange */
GHashTable *
_mc_bundle_ranges_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_mc_bundle_range_add (GHashTable *ranges,
                      const char *station_id,
                      gint64      seq)
{
  McStationRange *range = g_hash_table_lookup (ranges, station_id);

  if (range == NULL)
    {
      range = g_new0 (McStationRange, 1);
      range->first = range->last = seq;
      g_hash_table_insert (ranges, g_strdup (station_id), range);
    }
  range->first = MIN (range->first, seq);
  range->last = MAX (range->last, seq);
  range->count++;
}

void
_mc_bundle_range_add_event (GHashTable *ranges,
                            McEvent    *event)
{
  g_return_if_fail (event != NULL);
  _mc_bundle_range_add (ranges, event->station_id, event->station_seq);
}

int
_mc_bundle_compare_strings (gconstpointer a,
                            gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The table's keys, sorted, borrowed from the table. */
GPtrArray *
_mc_bundle_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, _mc_bundle_compare_strings);
  return keys;
}

/* Station ids this station has seen in bundles, for the "known" summary of the next export. */
void
_mc_bundle_remember_stations (McStore    *store,
                              GHashTable *station_ids)
{
  g_autofree char *old = mc_store_get_local (store, "sync_stations");
  g_auto(GStrv) parts = g_strsplit (old ? old : "", " ", -1);
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *joined = NULL;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; parts[i]; i++)
    if (g_uuid_string_is_valid (parts[i]))
      g_hash_table_add (all, parts[i]);
  g_hash_table_iter_init (&iter, station_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
  keys = _mc_bundle_sorted_keys (all);
  g_ptr_array_add (keys, NULL);
  joined = g_strjoinv (" ", (char **) keys->pdata);
  if (g_strcmp0 (joined, old) != 0)
    mc_store_set_local (store, "sync_stations", joined, NULL);
}
