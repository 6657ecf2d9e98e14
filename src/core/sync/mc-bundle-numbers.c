/* mc-bundle-numbers.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-bundle-private.h"

/* One identity per station number: what a bundle says of the numbers its workstations go by, checked against
 * what this database knows before anything is written. A dossier's reception claims the number of its code, a
 * renumbering the number it gives, the header the exporter's number as of its latest event; each workstation's
 * latest claim (by its own sequence) is its number. A bundle that would leave two identities of one office
 * with one number is refused (docs/architecture.md, "One identity per workstation"). */

void
_mc_bundle_claim_free (McStationClaim *claim)
{
  g_free (claim->office);
  g_free (claim);
}

static void
add_claim (GHashTable *claims,
           const char *station_id,
           const char *office,
           int         number,
           gint64      seq)
{
  McStationClaim *claim = g_hash_table_lookup (claims, station_id);

  if (number < 1 || number > 99)
    return;
  if (claim != NULL && claim->seq >= seq)
    return;
  if (claim == NULL)
    {
      claim = g_new0 (McStationClaim, 1);
      g_hash_table_insert (claims, g_strdup (station_id), claim);
    }
  g_free (claim->office);
  claim->office = g_strdup (office);
  claim->number = number;
  claim->seq = seq;
}

/* station id → McStationClaim: the latest claim of each workstation the bundle speaks of. */
static GHashTable *
collect_claims (McBundle *b)
{
  GHashTable *claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) _mc_bundle_claim_free);
  McStationRange *own = g_hash_table_lookup (b->ranges, b->station_id);

  for (guint i = 0; i < b->events->len; i++)
    {
      McEvent *event = g_ptr_array_index (b->events, i);

      if (g_str_equal (event->kind, MC_EVENT_RECEIVED))
        add_claim (claims, event->station_id, b->office,
                   _mc_bundle_code_station (mc_event_get_string (event, "code"), b->office), event->station_seq);
      else if (g_str_equal (event->kind, MC_EVENT_STATION_NUMBERED))
        {
          JsonNode *node = json_object_get_member (json_node_get_object (event->payload), "station");

          add_claim (claims, event->station_id, b->office, (int) json_node_get_int (node), event->station_seq);
        }
    }
  /* The exporter's number when it wrote the bundle: as of its latest event in it (a claim from an earlier
   * event of its own gives way; a bundle with none of its events only tells a workstation not known yet). */
  add_claim (claims, b->station_id, b->office, b->station, own ? own->last : 0);
  return claims;
}

/* How a workstation is named in the refusal: its number's holder here, or one of the bundle's. */
static char *
describe (McStore    *store,
          const char *station_id)
{
  if (g_strcmp0 (station_id, mc_store_get_office (store)->station_id) == 0)
    /* Translators: a workstation's identity (8 hex digits) when it is the one in use */
    return g_strdup_printf (_("%.8s (this workstation)"), station_id);
  return g_strdup_printf ("%.8s", station_id);
}

static gboolean
set_duplicate (McStore     *store,
               const char  *office,
               int          number,
               const char  *a,
               const char  *b,
               GError     **error)
{
  g_autofree char *da = describe (store, a);
  g_autofree char *db = describe (store, b);

  g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_DUPLICATE_STATION,
               /* Translators: station number, office code, the two workstations' identities */
               _("Two workstations use station number %02d of office %s: %s and %s. Their dossier codes would "
                 "collide, so nothing was imported. On the workstation set up later, choose a number no other "
                 "workstation uses (Preferences → This Workstation, or motcua-cli station renumber N), then exchange "
                 "bundles again"),
               number, office, da, db);
  return FALSE;
}

/* The number @station_id of @office will go by once the bundle is in: the bundle's newer claim, what is known
 * here, or 0 when nothing is. This workstation goes by its own number whatever a bundle says. */
static int
number_after (McStore     *store,
              GHashTable  *accepted,
              const char  *station_id,
              const char  *office,
              GError     **error)
{
  const McOffice *own = mc_store_get_office (store);
  McStationClaim *claim = g_hash_table_lookup (accepted, station_id);
  g_autofree char *known_office = NULL;
  int number = 0;
  int found;

  if (g_strcmp0 (station_id, own->station_id) == 0)
    return g_strcmp0 (office, own->code) == 0 ? own->station : 0;
  if (claim != NULL)
    return g_str_equal (claim->office, office) ? claim->number : 0;
  found = mc_store_lookup_station (store, station_id, &known_office, &number, NULL, error);
  if (found < 0)
    return -1;
  return found && g_strcmp0 (known_office, office) == 0 ? number : 0;
}

/**
 * _mc_bundle_check_station_numbers:
 * @out_claims: (out) (transfer full): station id → McStationClaim, the claims newer than what is known here
 *
 * Refuses (%MC_BUNDLE_ERROR_DUPLICATE_STATION) a bundle after which two identities of one office would go by
 * one number, naming both; nothing is written either way.
 */
gboolean
_mc_bundle_check_station_numbers (McStore     *store,
                                  McBundle    *b,
                                  GHashTable **out_claims,
                                  GError     **error)
{
  const McOffice *own = mc_store_get_office (store);
  g_autoptr(GHashTable) claims = collect_claims (b);
  g_autoptr(GHashTable) accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) _mc_bundle_claim_free);
  g_autoptr(GPtrArray) ids = _mc_bundle_sorted_keys (claims);

  /* The claims that say something new: newer than this database's knowledge of that workstation. */
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      McStationClaim *claim = g_hash_table_lookup (claims, id);
      g_autofree char *office = NULL;
      int number = 0;
      gint64 seq = 0;
      int found;

      if (g_strcmp0 (id, own->station_id) == 0)
        continue;
      found = mc_store_lookup_station (store, id, &office, &number, &seq, error);
      if (found < 0)
        return FALSE;
      if (found && (seq > claim->seq || (seq == claim->seq && number == claim->number)))
        continue;
      {
        gpointer key, value;

        /* @id stays valid: its string moves to @accepted with the claim. */
        g_hash_table_steal_extended (claims, id, &key, &value);
        g_hash_table_insert (accepted, key, value);
      }
    }

  /* Each new claim against every other identity of its office with that number, here or in the bundle. */
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = _mc_bundle_sorted_keys (accepted);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      McStationClaim *claim = g_hash_table_lookup (accepted, id);
      g_autoptr(GPtrArray) holders = mc_store_list_station_holders (store, claim->office, claim->number, error);

      if (holders == NULL)
        return FALSE;
      if (g_strcmp0 (claim->office, own->code) == 0)
        g_ptr_array_add (holders, g_strdup (own->station_id));
      for (guint j = 0; j < ids->len; j++)
        g_ptr_array_add (holders, g_strdup (g_ptr_array_index (ids, j)));
      for (guint j = 0; j < holders->len; j++)
        {
          const char *other = g_ptr_array_index (holders, j);
          int number;

          if (g_str_equal (other, id))
            continue;
          number = number_after (store, accepted, other, claim->office, error);
          if (number < 0)
            return FALSE;
          if (number == claim->number)
            return set_duplicate (store, claim->office, claim->number, id, other, error);
        }
    }
  if (out_claims)
    *out_claims = g_steal_pointer (&accepted);
  return TRUE;
}

/* After the import: what the bundle said of workstations that its stored events do not (the header's claim, an
 * aggregator's skipped renumbering). Best effort: the events stored carry their own claims. */
void
_mc_bundle_note_station_numbers (McStore    *store,
                                 GHashTable *claims)
{
  g_autoptr(GPtrArray) ids = _mc_bundle_sorted_keys (claims);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      McStationClaim *claim = g_hash_table_lookup (claims, id);
      g_autoptr(GError) local = NULL;
      int number = 0;
      gint64 seq = -1;
      int found = mc_store_lookup_station (store, id, NULL, &number, &seq, &local);

      if (found < 0 || (found && seq >= claim->seq && (seq > claim->seq || number == claim->number)))
        continue;
      if (!mc_store_note_station (store, claim->office, id, claim->number, claim->seq, &local))
        g_warning ("Could not note station %s: %s", id, local->message);
    }
}
