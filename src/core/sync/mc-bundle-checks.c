/* mc-bundle-checks.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-bundle-private.h"

/* What an authentic bundle (sealed with an office's key) may still not bring, checked before anything is
 * written: an event for a dossier another office received (docs/architecture.md, "Who owns a dossier"). */

/* dossier uuid → the code its received event in @b gives it. */
GHashTable *
_mc_bundle_received_codes (McBundle *b)
{
  GHashTable *codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < b->events->len; i++)
    {
      McEvent *event = g_ptr_array_index (b->events, i);
      const char *code = g_str_equal (event->kind, MC_EVENT_RECEIVED) ? mc_event_get_string (event, "code") : NULL;

      if (event->dossier_uuid != NULL && code != NULL)
        g_hash_table_insert (codes, event->dossier_uuid, (gpointer) code);
    }
  return codes;
}

/* A dossier belongs to the office that received it, which its code names. An event of @b (office b->office) for
 * a dossier another office received is refused. One whose reception is neither here nor in the bundle is let
 * through: the level above takes an office's bundles in any order, and only the owning office, which alone
 * can read its bundles, knows the dossier's random UUID to name. */
gboolean
_mc_bundle_check_owner (McStore     *store,
                        McBundle    *b,
                        GHashTable  *received_codes,
                        McEvent     *event,
                        GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) held = NULL;
  const char *code;

  if (event->dossier_uuid == NULL)
    return TRUE;
  code = g_hash_table_lookup (received_codes, event->dossier_uuid);
  if (code == NULL)
    {
      held = mc_store_get_events (store, event->dossier_uuid, &local);
      if (held == NULL && !g_error_matches (local, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_DOSSIER))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      for (guint i = 0; held != NULL && i < held->len && code == NULL; i++)
        if (g_str_equal (((McEvent *) g_ptr_array_index (held, i))->kind, MC_EVENT_RECEIVED))
          code = mc_event_get_string (g_ptr_array_index (held, i), "code");
    }
  if (code == NULL || _mc_bundle_code_station (code, b->office) >= 0)
    return TRUE;
  g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_OTHER_OFFICE,
               _("The bundle of office %s changes dossier %s, which another office received: nothing was "
                 "imported. A dossier is changed only by the office that received it; tell office %s that its "
                 "bundle is refused"), b->office, code, b->office);
  return FALSE;
}
