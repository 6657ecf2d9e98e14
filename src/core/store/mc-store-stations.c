/* mc-store-stations.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The workstations this database knows: each one's random identity (its station id), its office and the number
 * it goes by, as of the latest of its events that said so. A dossier code's station segment, a renumbering and a
 * bundle's header each claim a number; the latest claim of each workstation (by its own sequence) is its number.
 * The import refuses a bundle that would leave two identities of one office with the same number
 * (docs/architecture.md, "One identity per workstation"). */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-store-private.h"

/* The office and station number a dossier code <office>-<YYMMDD>-<SS><NNNN> names, or FALSE. */
static gboolean
code_station (const char  *code,
              char       **out_office,
              int         *out_number)
{
  gsize n = code ? strlen (code) : 0;
  const char *tail;

  /* "-YYMMDD-SSNNNN" is 14 characters after the office code. */
  if (n < 15)
    return FALSE;
  tail = code + n - 14;
  if (tail[0] != '-' || tail[7] != '-')
    return FALSE;
  for (int i = 1; i < 14; i++)
    if (i != 7 && !g_ascii_isdigit (tail[i]))
      return FALSE;
  *out_number = (tail[8] - '0') * 10 + (tail[9] - '0');
  *out_office = g_strndup (code, n - 14);
  return *out_number >= 1;
}

/* Records that @station_id of @office goes by @number as of its event @seq, unless a later claim is known. */
static gboolean
note_station (McStore     *self,
              const char  *office,
              const char  *station_id,
              int          number,
              gint64       seq,
              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _mc_store_prepare (self,
                            "INSERT INTO station (station_id, office, number, seq) VALUES (?, ?, ?, ?)"
                            " ON CONFLICT (station_id) DO UPDATE SET office = excluded.office,"
                            " number = excluded.number, seq = excluded.seq WHERE excluded.seq > station.seq"
                            " OR (excluded.seq = station.seq AND station.number IS NOT excluded.number"
                            "     AND excluded.seq = 0)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, station_id);
  _mc_store_bind_text (stmt, 2, office);
  sqlite3_bind_int (stmt, 3, number);
  sqlite3_bind_int64 (stmt, 4, seq);
  return _mc_store_step_done (self, stmt, error);
}

/* Called for every event stored, inside its transaction: a dossier's reception claims the number of its code,
 * a renumbering the number it gives. */
gboolean
_mc_store_note_station_event (McStore  *self,
                              McEvent  *event,
                              GError  **error)
{
  if (g_str_equal (event->kind, MC_EVENT_RECEIVED))
    {
      g_autofree char *office = NULL;
      int number;

      if (!code_station (mc_event_get_string (event, "code"), &office, &number))
        return TRUE;
      return note_station (self, office, event->station_id, number, event->station_seq, error);
    }
  if (g_str_equal (event->kind, MC_EVENT_STATION_NUMBERED) && self->office->code != NULL)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (event->payload), "station");
      gint64 number = node && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : 0;

      if (number < 1 || number > 99)
        return TRUE;
      return note_station (self, self->office->code, event->station_id, (int) number, event->station_seq, error);
    }
  return TRUE;
}

/* Inside setup's transaction: this workstation, under the number it was given. */
gboolean
_mc_store_note_own_station (McStore  *self,
                            GError  **error)
{
  gint64 seq = mc_store_get_max_station_seq (self, self->office->station_id, error);

  if (seq < 0)
    return FALSE;
  return note_station (self, self->office->code, self->office->station_id, self->office->station, seq, error);
}

typedef struct
{
  const char *office;
  const char *station_id;
  int         number;
  gint64      seq;
} Claim;

static gboolean
write_claim (McStore   *self,
             gpointer   data,
             GError   **error)
{
  Claim *claim = data;

  return note_station (self, claim->office, claim->station_id, claim->number, claim->seq, error);
}

/**
 * mc_store_note_station:
 * @seq: the workstation's own event sequence the claim is as of (0: only when nothing is known of it)
 *
 * Records what a bundle's header says of the workstation that wrote it. A claim older than one known is ignored.
 */
gboolean
mc_store_note_station (McStore     *self,
                       const char  *office,
                       const char  *station_id,
                       int          number,
                       gint64       seq,
                       GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (office != NULL && station_id != NULL, FALSE);

  if (number < 1 || number > 99)
    return TRUE;
  return _mc_store_write (self, write_claim, &(Claim) { office, station_id, number, seq }, error);
}

/**
 * mc_store_lookup_station:
 * @out_office: (out) (optional) (transfer full):
 *
 * What this database knows of a workstation.
 *
 * Returns: 1 when it is known, 0 when not, -1 with @error set
 */
int
mc_store_lookup_station (McStore     *self,
                         const char  *station_id,
                         char       **out_office,
                         int         *out_number,
                         gint64      *out_seq,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), -1);

  stmt = _mc_store_prepare (self, "SELECT office, number, seq FROM station WHERE station_id = ?", error);
  if (stmt == NULL)
    return -1;
  _mc_store_bind_text (stmt, 1, station_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_office)
        *out_office = _mc_store_column_dup (stmt, 0);
      if (out_number)
        *out_number = sqlite3_column_int (stmt, 1);
      if (out_seq)
        *out_seq = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  _mc_store_set_error (self, rc, error);
  return -1;
}

/**
 * mc_store_list_station_holders:
 *
 * Returns: (transfer full) (element-type utf8): the identities of @office's workstations known to go by @number,
 *   sorted; %NULL with @error set
 */
GPtrArray *
mc_store_list_station_holders (McStore     *self,
                               const char  *office,
                               int          number,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT station_id FROM station WHERE office = ? AND number = ? ORDER BY station_id",
                            error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, office);
  sqlite3_bind_int (stmt, 2, number);
  return _mc_store_step_strings (self, stmt, error);
}

void
mc_store_station_free (McStoreStation *station)
{
  if (station == NULL)
    return;
  g_free (station->station_id);
  g_free (station->office);
  g_free (station);
}

static gpointer
station_from_row (sqlite3_stmt *stmt)
{
  McStoreStation *station = g_new0 (McStoreStation, 1);

  station->station_id = _mc_store_column_dup (stmt, 0);
  station->office = _mc_store_column_dup (stmt, 1);
  station->number = sqlite3_column_int (stmt, 2);
  return station;
}

/**
 * mc_store_list_stations:
 *
 * Returns: (transfer full) (element-type McStoreStation): the workstations known, by office and number;
 *   %NULL with @error set
 */
GPtrArray *
mc_store_list_stations (McStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT station_id, office, number FROM station ORDER BY office, number, station_id",
                            error);
  if (stmt == NULL)
    return NULL;
  return _mc_store_step_all (self, stmt, station_from_row, (GDestroyNotify) mc_store_station_free, error);
}

static gboolean
write_renumber (McStore   *self,
                gpointer   data,
                GError   **error)
{
  int number = *(int *) data;
  int old = self->office->station;
  g_autofree char *text = g_strdup_printf ("%d", number);
  g_autofree char *detail = g_strdup_printf ("%02d → %02d", old, number);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "station");
  json_builder_add_int_value (builder, number);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);

  if (!mc_store_set_local (self, "station", text, error))
    return FALSE;
  self->office->station = number;
  /* Stored like every event, the renumbering claims the new number in the station table too. */
  event = _mc_store_append (self, NULL, MC_EVENT_STATION_NUMBERED, payload, NULL, error);
  if (event == NULL)
    return FALSE;
  self->changed = TRUE;
  return mc_audit_record (self, MC_AUDIT_STATION_RENUMBERED, self->office->station_id, detail, error) &&
         _mc_store_load_office (self, error);
}

/**
 * mc_store_renumber_station:
 *
 * Gives this workstation another station number, free in its office as far as this database knows; the codes
 * it issued keep theirs. The administrator's. All or nothing.
 */
gboolean
mc_store_renumber_station (McStore  *self,
                           int       number,
                           GError  **error)
{
  g_autoptr(GPtrArray) holders = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);

  if (!_mc_store_ensure_set_up (self, error) || !mc_accounts_check (self, MC_PERMISSION_ADMINISTER, error))
    return FALSE;
  if (number < 1 || number > 99)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The station number must be between 1 and 99, and unique in the office"));
      return FALSE;
    }
  if (number == self->office->station)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                   _("This workstation already has number %02d: nothing was changed"), number);
      return FALSE;
    }
  holders = mc_store_list_station_holders (self, self->office->code, number, error);
  if (holders == NULL)
    return FALSE;
  for (guint i = 0; i < holders->len; i++)
    if (g_strcmp0 (g_ptr_array_index (holders, i), self->office->station_id) != 0)
      {
        g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                     /* Translators: the number, then the other workstation's identity (8 hex digits) */
                     _("Station number %02d is in use by workstation %.8s of this office: choose a number no "
                       "workstation of the office uses. Nothing was changed"),
                     number, (const char *) g_ptr_array_index (holders, i));
        return FALSE;
      }
  return _mc_store_write (self, write_renumber, &number, error);
}
