/* mc-store-office.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The office: its setup on the first start, its shared settings, its own calendar days and its catalogue of
 * procedures. All of it changes by events, so every workstation of the office holds the same. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-procedure-search.h"
#include "mc-store-private.h"
#include "mc-text.h"
#include "mc-time.h"

static gboolean
read_setting (sqlite3_stmt  *stmt,
              gpointer       office,
              GError       **error)
{
  mc_office_set_value (office, (const char *) sqlite3_column_text (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}

static gboolean
read_office_day (sqlite3_stmt  *stmt,
                 gpointer       calendar,
                 GError       **error)
{
  const char *kind = (const char *) sqlite3_column_text (stmt, 1);
  const char *label = (const char *) sqlite3_column_text (stmt, 2);
  int jdn;

  if (!mc_date_parse ((const char *) sqlite3_column_text (stmt, 0), &jdn, NULL))
    return TRUE;
  if (g_strcmp0 (kind, "closed") == 0)
    mc_calendar_set_office_day (calendar, jdn, MC_DAY_OFFICE_CLOSED, label);
  else if (g_strcmp0 (kind, "workday") == 0)
    mc_calendar_set_office_day (calendar, jdn, MC_DAY_OFFICE_WORKDAY, label);
  return TRUE;
}

/* Reads the office settings and the calendar's office days into memory. */
gboolean
_mc_store_load_office (McStore  *self,
                       GError  **error)
{
  g_autoptr(McOffice) office = mc_office_new ();
  g_autofree char *station = NULL;
  sqlite3_stmt *stmt;

  stmt = _mc_store_prepare (self, "SELECT key, value FROM office_setting", error);
  if (stmt == NULL || !_mc_store_step_each (self, stmt, read_setting, office, error))
    return FALSE;

  station = mc_store_get_local (self, "station");
  office->station = station ? atoi (station) : 0;
  office->station_id = mc_store_get_local (self, "station_id");
  office->clerk = mc_store_get_local (self, "clerk");

  if (!mc_calendar_set_hours (self->calendar, &office->hours, NULL))
    g_warning ("Office hours in the database are inconsistent; keeping the previous ones");
  mc_calendar_set_due_soon_days (self->calendar, office->due_soon_days);

  mc_calendar_clear_office_days (self->calendar);
  stmt = _mc_store_prepare (self, "SELECT date, kind, label FROM calendar_day", error);
  if (stmt == NULL || !_mc_store_step_each (self, stmt, read_office_day, self->calendar, error))
    return FALSE;

  g_clear_pointer (&self->office, mc_office_unref);
  self->office = g_steal_pointer (&office);
  self->set_up = self->office->code != NULL && self->office->station_id != NULL;
  return TRUE;
}

static JsonNode *
payload_from_pairs (const char *first_key,
                    ...) G_GNUC_NULL_TERMINATED;

static JsonNode *
payload_from_pairs (const char *first_key,
                    ...)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      if (value != NULL)
        json_object_set_string_member (object, key, value);
    }
  va_end (args);
  json_node_take_object (node, object);
  return node;
}

static gboolean
load_catalogue (McStore  *self,
                GError  **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/motcua/Desk/data/procedures.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(GPtrArray) procedures = NULL;
  gsize len;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  procedures = mc_procedure_parse_catalogue (data, (gssize) len, error);
  if (procedures == NULL)
    return FALSE;
  for (guint i = 0; i < procedures->len; i++)
    {
      g_autoptr(JsonNode) payload = mc_procedure_to_json_node (g_ptr_array_index (procedures, i));
      g_autoptr(McEvent) event = _mc_store_append (self, NULL, MC_EVENT_PROCEDURE_SET, payload, NULL, error);

      if (event == NULL)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  int         station;
  const char *station_id;
  const char *office_code;
  const char *name;
  const char *parent;
  const char *place;
  const char *clerk;
} Setup;

static gboolean
write_setup (McStore   *self,
             gpointer   data,
             GError   **error)
{
  Setup *setup = data;
  g_autofree char *station = g_strdup_printf ("%d", setup->station);

  if (!mc_store_set_local (self, "station", station, error) ||
      !mc_store_set_local (self, "station_id", setup->station_id, error) ||
      !mc_store_set_local (self, "clerk", setup->clerk, error))
    return FALSE;
  /* A new office rather than a change to this one: someone may hold it (mc_store_dup_office()). */
  {
    McOffice *office = mc_office_copy (self->office);

    g_free (office->station_id);
    office->station_id = g_strdup (setup->station_id);
    g_free (office->clerk);
    office->clerk = g_strdup (setup->clerk);
    g_clear_pointer (&self->office, mc_office_unref);
    self->office = office;
  }
  self->changed = TRUE;

  /* A station joining an office whose events it already imported keeps the office's settings and catalogue:
   * writing them again would override the office's later edits. */
  if (self->office->code == NULL)
    {
      g_autoptr(JsonNode) payload = payload_from_pairs ("office_code", setup->office_code, "office_name", setup->name,
                                                        "parent_name", setup->parent, "place", setup->place, NULL);
      g_autoptr(McEvent) event = _mc_store_append (self, NULL, MC_EVENT_OFFICE_SET, payload, NULL, error);

      if (event == NULL || !load_catalogue (self, error))
        return FALSE;
    }
  /* Read back inside the transaction: the views see the new station when the commit is announced. */
  return _mc_store_load_office (self, error) && _mc_store_note_own_station (self, error);
}

/**
 * mc_store_setup:
 *
 * First start: records the office (shared with the other stations through events), this station's number and
 * clerk, and loads the shipped procedure catalogue. All or nothing.
 */
gboolean
mc_store_setup (McStore             *self,
                const McStoreSetup  *setup,
                GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *place = NULL;
  g_autofree char *clerk = NULL;
  g_autofree char *station_id = g_uuid_string_random ();
  g_autoptr(GError) text_error = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);

  if (self->set_up)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_ALREADY_SET_UP,
                   _("This database already belongs to office %s (station %02d)."),
                   self->office->code, self->office->station);
      return FALSE;
    }
  if (!mc_office_code_is_valid (setup->office_code))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The office code is the office's electronic id, letters, digits and dots only, "
                             "such as 000.00.12.H40"));
      return FALSE;
    }
  name = mc_text_clean (setup->office_name ? setup->office_name : "", -1, 200, FALSE, &text_error);
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Enter the office's name, such as “UBND xã Tân Lập”"));
      return FALSE;
    }
  if (self->office->code != NULL && g_strcmp0 (self->office->code, setup->office_code) != 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                   _("This database holds the data of office %s; set the station up with that office code"),
                   self->office->code);
      return FALSE;
    }
  if (setup->station < 1 || setup->station > 99)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The station number must be between 1 and 99, and unique in the office"));
      return FALSE;
    }
  parent = mc_text_clean (setup->parent_name ? setup->parent_name : "", -1, 200, FALSE, NULL);
  place = mc_text_clean (setup->place ? setup->place : "", -1, 100, FALSE, NULL);
  clerk = mc_text_clean (setup->clerk ? setup->clerk : "", -1, 100, FALSE, NULL);
  if (parent == NULL || place == NULL || clerk == NULL)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The office details contain characters that cannot be stored; retype them"));
      return FALSE;
    }
  if (*parent == '\0')
    {
      g_free (parent);
      parent = g_utf8_strup (name, -1);
    }

  return _mc_store_write (self, write_setup,
                          &(Setup) { setup->station, station_id, setup->office_code, name, parent,
                                     *place ? place : NULL, clerk },
                          error);
}

/* The office code salts the office key and begins every dossier code and bundle: once a dossier is received
 * under it, changing it would split the office's history and its stations (docs/architecture.md). */
static gboolean
office_code_may_change (McStore     *self,
                        const char  *code,
                        GError     **error)
{
  gint64 dossiers;

  if (g_strcmp0 (code, self->office->code) == 0)
    return TRUE;
  dossiers = _mc_store_query_int (self, "SELECT count(*) FROM dossier", NULL, error);
  if (dossiers < 0)
    return FALSE;
  if (dossiers == 0)
    return TRUE;
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION,
               _("The office code cannot change once dossiers are received under it (it begins every dossier "
                 "code and seals the office's sync files); it stays %s. If the code was set up wrong, set up a "
                 "new database with the right code"), self->office->code);
  return FALSE;
}

/**
 * mc_store_set_office_values:
 * @values: (element-type utf8 utf8): shared setting keys (mc_office_shared_keys()) and their new values
 */
gboolean
mc_store_set_office_values (McStore     *self,
                            GHashTable  *values,
                            GError     **error)
{
  g_autoptr(McOffice) check = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;
  JsonObject *object;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  if (!_mc_store_ensure_set_up (self, error))
    return FALSE;

  check = mc_office_copy (self->office);
  object = json_object_new ();
  payload = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (payload, object);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!mc_office_set_value (check, key, value))
        {
          g_autofree char *accepts = mc_office_describe_value (key);

          if (accepts == NULL)
            g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                         _("There is no office setting “%s”"), (const char *) key);
          else
            /* Translators: the last %s says what the setting accepts, e.g. "a time of day as hh:mm" */
            g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                         _("The setting “%s” cannot take the value “%s”: it takes %s"), (const char *) key,
                         value ? (const char *) value : "", accepts);
          return FALSE;
        }
      json_object_set_string_member (object, key, value ? value : "");
    }
  if (!mc_office_code_is_valid (check->code))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The office code is the office's electronic id, letters, digits and dots only"));
      return FALSE;
    }
  if (!office_code_may_change (self, check->code, error))
    return FALSE;
  {
    g_autoptr(McCalendar) scratch = mc_calendar_new ();

    if (!mc_calendar_set_hours (scratch, &check->hours, error))
      return FALSE;
  }

  event = mc_store_append_reference_event (self, MC_EVENT_OFFICE_SET, payload, error);
  return event != NULL;
}

/**
 * mc_store_set_calendar_day:
 * @kind: %MC_DAY_OFFICE_CLOSED, %MC_DAY_OFFICE_WORKDAY, or %MC_DAY_WORKING to remove the office's entry
 */
gboolean
mc_store_set_calendar_day (McStore     *self,
                           int          jdn,
                           McDayKind    kind,
                           const char  *label,
                           GError     **error)
{
  g_autofree char *date = mc_date_format_iso (jdn);
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;
  const char *kind_name;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  if (!_mc_store_ensure_set_up (self, error))
    return FALSE;

  switch (kind)
    {
    case MC_DAY_OFFICE_CLOSED:
      kind_name = "closed";
      break;
    case MC_DAY_OFFICE_WORKDAY:
      kind_name = "workday";
      break;
    case MC_DAY_WORKING:
      kind_name = "none";
      break;
    default:
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("An office can only add a closure or a working day"));
      return FALSE;
    }

  payload = payload_from_pairs ("date", date, "kind", kind_name, "label", label, NULL);
  event = mc_store_append_reference_event (self, MC_EVENT_CALENDAR_DAY_SET, payload, error);
  return event != NULL;
}

/* A procedure from the catalogue's stored JSON; NULL for one that does not read. */
static gpointer
procedure_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return mc_procedure_new_from_json (json_node_get_object (node), NULL);
}

GPtrArray *
mc_store_list_procedures (McStore  *self,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT data FROM procedure ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  return _mc_store_step_all (self, stmt, procedure_from_row, (GDestroyNotify) mc_procedure_unref, error);
}

/* The habits that count are the recent ones: a procedure the office stopped receiving a year ago ranks as any. */
#define USAGE_WINDOW_DAYS 180

static gboolean
add_usage_row (sqlite3_stmt  *stmt,
               gpointer       data,
               GError       **error)
{
  McProcedureUsage *use = g_new0 (McProcedureUsage, 1);

  use->count = (guint) sqlite3_column_int (stmt, 1);
  use->last = sqlite3_column_int64 (stmt, 2);
  g_hash_table_insert (data, _mc_store_column_dup (stmt, 0), use);
  return TRUE;
}

/**
 * mc_store_procedure_usage:
 *
 * How much the office received under each procedure in the last 180 days, for mc_procedure_search(): one scan of
 * the intake index over that window.
 *
 * Returns: (transfer full): code → McProcedureUsage, NULL with @error set when the database fails.
 */
GHashTable *
mc_store_procedure_usage (McStore  *self,
                          GError  **error)
{
  g_autoptr(GHashTable) usage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT procedure_code, count(*), max(received) FROM dossier"
                                  " WHERE received >= ? GROUP BY procedure_code", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_minute (stmt, 1, mc_time_now () - (McMinute) USAGE_WINDOW_DAYS * 24 * 60);
  if (!_mc_store_step_each (self, stmt, add_usage_row, usage, error))
    return NULL;
  return g_steal_pointer (&usage);
}

McProcedure *
mc_store_get_procedure (McStore     *self,
                        const char  *code,
                        GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare_for (self, "SELECT data FROM procedure WHERE code = ?", code, error);
  if (stmt == NULL)
    return NULL;
  found = _mc_store_step_all (self, stmt, procedure_from_row, (GDestroyNotify) mc_procedure_unref, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_PROCEDURE,
                   _("There is no procedure with code “%s” in the catalogue"), code ? code : "");
      return NULL;
    }
  return mc_procedure_ref (g_ptr_array_index (found, 0));
}

gboolean
mc_store_set_procedure (McStore      *self,
                        McProcedure  *procedure,
                        GError      **error)
{
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (procedure != NULL, FALSE);
  if (!_mc_store_ensure_set_up (self, error))
    return FALSE;

  payload = mc_procedure_to_json_node (procedure);
  event = mc_store_append_reference_event (self, MC_EVENT_PROCEDURE_SET, payload, error);
  return event != NULL;
}
