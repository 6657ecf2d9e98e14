/* mc-store-intake.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Receiving a dossier: what the clerk typed checked and cleaned, the dossier code and the form numbers issued,
 * the "received" event recorded durably; and the same-day service that receives, decides and returns at once. */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "mc-store-private.h"
#include "mc-text.h"
#include "mc-time.h"

/* The next number of a form for a year, inside the caller's transaction ("Số: 05/PXL-TTPVHCC"). The sequence
 * is this station's; see docs/architecture.md for offices with several stations. */
gint64
_mc_store_next_form_number (McStore     *self,
                            const char  *form,
                            int          year,
                            GError     **error)
{
  sqlite3_stmt *stmt = _mc_store_prepare (self,
                                          "INSERT INTO form_sequence (form, year, last) VALUES (?1, ?2, 1)"
                                          " ON CONFLICT (form, year) DO UPDATE SET last = last + 1 RETURNING last",
                                          error);
  gint64 number = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  _mc_store_bind_text (stmt, 1, form);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    _mc_store_set_error (self, rc, error);
  return number;
}

/* A short look-up code printed on the slip beside the QR; no 0/O or 1/I to misread. */
static char *
make_lookup_pin (void)
{
  static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  char pin[7];

  for (int i = 0; i < 6; i++)
    pin[i] = alphabet[randombytes_uniform (sizeof alphabet - 1)];
  pin[6] = '\0';
  return g_strdup (pin);
}

static gboolean
clean_optional (const char  *input,
                gsize        max_chars,
                gboolean     multiline,
                const char  *field,
                char       **out,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *out = NULL;
  if (input == NULL || *input == '\0')
    return TRUE;
  *out = mc_text_clean (input, -1, max_chars, multiline, &local_error);
  if (*out == NULL)
    return _mc_store_field_error (error, field, local_error);
  if (**out == '\0')
    g_clear_pointer (out, g_free);
  return TRUE;
}

static gboolean
valid_documents (JsonNode *documents)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (documents))
    return FALSE;
  array = json_node_get_array (documents);
  if (json_array_get_length (array) > 100)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      JsonObject *o;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        return FALSE;
      o = json_node_get_object (e);
      name = json_object_get_string_member_with_default (o, "name", NULL);
      if (name == NULL || !g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > 500)
        return FALSE;
    }
  return TRUE;
}

/* What intake checked and cleaned, for the transaction that issues the numbers and records it. */
typedef struct
{
  const McIntake *intake;
  McProcedure    *procedure;
  const char     *dossier_uuid;
  const char     *pin;
  const char     *received_iso;
  const char     *day;            /* "YYMMDD" of receipt */
  int             year;
  const char     *name;
  const char     *id_number;
  McIdKind        id_kind;
  const char     *phone;
  const char     *email;
  const char     *address;
  const char     *notes;
  const char     *proxy_name;
  const char     *proxy_id;
  const char     *proxy_phone;
  const char     *proxy_address;
  const char     *proxy_email;
  const char     *proxy_authorisation;
  JsonNode       *documents;
  McFeeDue       *fee;
  int             birth_year;     /* the year given, or the year of the date of birth */
  const char     *birth_date;     /* ISO, or NULL */
} Intake;

static void
add_string_member (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* The amount due as computed at intake, and what it was counted on: a later change of the schedule or of the
 * province's amounts does not change what this dossier owes. */
static void
add_fee_due (JsonBuilder *builder,
             Intake      *in)
{
  json_builder_set_member_name (builder, "fee_due");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, in->fee->due);
  json_builder_set_member_name (builder, "gross");
  json_builder_add_int_value (builder, in->fee->gross);
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, MAX (in->intake->fee_pages, 1));
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, MAX (in->intake->fee_count, 1));
  if (in->fee->exemption != NULL)
    {
      add_string_member (builder, "exemption_code", in->fee->exemption->code);
      add_string_member (builder, "exemption", in->fee->exemption->label);
      add_string_member (builder, "ground", in->fee->exemption->ground);
    }
  json_builder_end_object (builder);
}

/* The "received" event's payload: the code and numbers just issued, the procedure's rules of the day, the
 * applicant and the papers. */
static JsonNode *
build_received (Intake     *in,
                const char *code,
                gint64      slip_number,
                gint64      control_number,
                const char *book_sector,
                int         station,
                gint64      book_number)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_member (builder, "code", code);
  add_string_member (builder, "lookup_pin", in->pin);
  json_builder_set_member_name (builder, "slip_number");
  json_builder_add_int_value (builder, slip_number);
  json_builder_set_member_name (builder, "control_number");
  json_builder_add_int_value (builder, control_number);
  /* The row in the register book, as the slip prints it and the book shows it. */
  json_builder_set_member_name (builder, "book");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, in->year);
  add_string_member (builder, "sector", book_sector);
  json_builder_set_member_name (builder, "station");
  json_builder_add_int_value (builder, station);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, book_number);
  json_builder_end_object (builder);
  add_string_member (builder, "received_at", in->received_iso);
  json_builder_set_member_name (builder, "procedure");
  mc_procedure_add_snapshot (in->procedure, builder);
  json_builder_set_member_name (builder, "applicant");
  json_builder_begin_object (builder);
  add_string_member (builder, "name", in->name);
  if (in->id_number)
    {
      add_string_member (builder, "id_number", in->id_number);
      add_string_member (builder, "id_kind", in->id_kind == MC_ID_KIND_PERSONAL_ID ? "personal_id"
                                             : in->id_kind == MC_ID_KIND_OLD_ID_CARD ? "old_id_card" : "passport");
    }
  if (in->birth_year > 0)
    {
      json_builder_set_member_name (builder, "birth_year");
      json_builder_add_int_value (builder, in->birth_year);
    }
  /* The whole date when it is known (read from the ID card): some forms print it. */
  add_string_member (builder, "birth_date", in->birth_date);
  add_string_member (builder, "phone", in->phone);
  add_string_member (builder, "email", in->email);
  add_string_member (builder, "address", in->address);
  /* Recorded so the papers address the applicant as Ông or Bà. */
  if (in->intake->gender != MC_GENDER_UNKNOWN)
    add_string_member (builder, "gender", in->intake->gender == MC_GENDER_MALE ? "male" : "female");
  json_builder_end_object (builder);
  if (in->proxy_name)
    {
      json_builder_set_member_name (builder, "proxy");
      json_builder_begin_object (builder);
      add_string_member (builder, "name", in->proxy_name);
      add_string_member (builder, "id_number", in->proxy_id);
      add_string_member (builder, "phone", in->proxy_phone);
      add_string_member (builder, "address", in->proxy_address);
      add_string_member (builder, "email", in->proxy_email);
      add_string_member (builder, "authorisation", in->proxy_authorisation);
      json_builder_end_object (builder);
    }
  add_string_member (builder, "channel", mc_channel_to_string (in->intake->channel));
  json_builder_set_member_name (builder, "documents");
  json_builder_add_value (builder, json_node_ref (in->documents));
  json_builder_set_member_name (builder, "sets");
  json_builder_add_int_value (builder, in->intake->sets > 0 ? in->intake->sets : 1);
  add_string_member (builder, "notes", in->notes);
  add_string_member (builder, "result_delivery", in->intake->result_delivery ? in->intake->result_delivery : "desk");
  if (in->intake->on_the_spot)
    {
      json_builder_set_member_name (builder, "on_the_spot");
      json_builder_add_boolean_value (builder, TRUE);
    }
  add_fee_due (builder, in);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
write_intake (McStore   *self,
              gpointer   data,
              GError   **error)
{
  Intake *in = data;
  g_autofree char *code = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autofree char *book_form = NULL;
  const char *book_sector = NULL;
  gint64 seq, slip_number, control_number, book_number;

  /* The station's own sequence for the day: codes from different stations never collide. */
  seq = _mc_store_query_int (self, "INSERT INTO day_sequence (day, last) VALUES (?1, 1)"
                                   " ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last", in->day, error);
  if (seq < 0)
    return FALSE;
  slip_number = _mc_store_next_form_number (self, "slip", in->year, error);
  control_number = slip_number > 0 ? _mc_store_next_form_number (self, "control", in->year, error) : -1;
  if (control_number < 0)
    return FALSE;
  /* Each station counts its own entries in each book, and the entry carries the station's number: stations
   * working apart never give two dossiers the same row (docs/architecture.md). */
  if (g_strcmp0 (self->office->register_books, "sector") == 0 && in->procedure->sector != NULL &&
      *in->procedure->sector != '\0')
    book_sector = in->procedure->sector;
  book_form = book_sector ? g_strconcat ("book:", book_sector, NULL) : g_strdup ("book");
  book_number = _mc_store_next_form_number (self, book_form, in->year, error);
  if (book_number < 0)
    return FALSE;
  code = g_strdup_printf ("%s-%s-%02d%04" G_GINT64_FORMAT, self->office->code, in->day, self->office->station, seq);

  payload = build_received (in, code, slip_number, control_number, book_sector, self->office->station,
                            book_number);
  event = _mc_store_append (self, in->dossier_uuid, MC_EVENT_RECEIVED, payload, in->intake->clerk, error);
  return event != NULL;
}

/**
 * mc_store_intake:
 * @out_warning: (out) (optional): a note the clerk should see but that does not block saving
 *
 * Receives a dossier: validates what the clerk typed, issues the dossier code and records the "received"
 * event durably. Nothing is written when any field is refused.
 */
McDossier *
mc_store_intake (McStore         *self,
                 const McIntake  *intake,
                 char           **out_warning,
                 GError         **error)
{
  g_autoptr(McProcedure) procedure = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *proxy_name = NULL;
  g_autofree char *proxy_id = NULL;
  g_autofree char *proxy_phone = NULL;
  g_autofree char *proxy_address = NULL;
  g_autofree char *proxy_email = NULL;
  g_autofree char *proxy_authorisation = NULL;
  g_autofree char *dossier_uuid = g_uuid_string_random ();
  g_autofree char *pin = make_lookup_pin ();
  g_autofree char *received_iso = NULL;
  g_autofree char *day = NULL;
  g_autoptr(JsonNode) documents = NULL;
  g_autoptr(McFeeDue) fee = NULL;
  McIdKind id_kind = MC_ID_KIND_PERSONAL_ID;
  McMinute received;
  Intake in;
  int y, m, d;
  int birth_year = intake->birth_year;
  int birth_jdn;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (intake != NULL, NULL);

  if (!_mc_store_ensure_set_up (self, error))
    return NULL;

  procedure = mc_store_get_procedure (self, intake->procedure_code, error);
  if (procedure == NULL)
    return NULL;
  if (intake->on_the_spot && procedure->unit != MC_UNIT_SAME_DAY)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION,
                   _("“%s” is not a same-day procedure: it cannot be served on the spot"), procedure->name);
      return NULL;
    }

  name = mc_text_normalize_person_name (intake->applicant_name ? intake->applicant_name : "", &local_error);
  if (name == NULL)
    {
      _mc_store_field_error (error, _("Applicant's name"), local_error);
      return NULL;
    }
  if (intake->birth_year != 0 && (intake->birth_year < 1900 || intake->birth_year > 2100))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The year of birth must be between 1900 and 2100"));
      return NULL;
    }
  if (intake->birth_date != NULL && *intake->birth_date != '\0')
    {
      int birth_date_year;

      if (!mc_date_parse (intake->birth_date, &birth_jdn, &local_error))
        {
          _mc_store_field_error (error, _("Date of birth"), local_error);
          return NULL;
        }
      mc_jdn_to_ymd (birth_jdn, &birth_date_year, NULL, NULL);
      if (birth_jdn > mc_minute_jdn (mc_time_now ()) || (birth_year != 0 && birth_year != birth_date_year))
        {
          g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                               birth_year != 0 && birth_year != birth_date_year
                                 ? _("The date of birth and the year of birth disagree; correct one of them")
                                 : _("The date of birth is in the future; correct it"));
          return NULL;
        }
      birth_year = birth_date_year;
    }
  if (intake->id_number != NULL && *intake->id_number != '\0' &&
      !mc_id_number_validate (intake->id_number, birth_year, intake->gender, &id_kind, &id_number,
                              &warning, &local_error))
    {
      _mc_store_field_error (error, _("Personal ID number"), local_error);
      return NULL;
    }
  if (intake->phone != NULL && *intake->phone != '\0' &&
      !mc_phone_normalize (intake->phone, &phone, &local_error))
    {
      _mc_store_field_error (error, _("Phone"), local_error);
      return NULL;
    }
  if (intake->email != NULL && *intake->email != '\0' &&
      !mc_email_normalize (intake->email, &email, &local_error))
    {
      _mc_store_field_error (error, _("E-mail"), local_error);
      return NULL;
    }
  if (!clean_optional (intake->address, 500, FALSE, _("Address"), &address, error) ||
      !clean_optional (intake->notes, 2000, TRUE, _("Notes"), &notes, error) ||
      !clean_optional (intake->proxy_address, 500, FALSE, _("Proxy's address"), &proxy_address, error) ||
      !clean_optional (intake->proxy_authorisation, 500, FALSE, _("Proxy's authorisation"), &proxy_authorisation,
                       error))
    return NULL;
  if (intake->proxy_name != NULL && *intake->proxy_name != '\0')
    {
      proxy_name = mc_text_normalize_person_name (intake->proxy_name, &local_error);
      if (proxy_name == NULL)
        {
          _mc_store_field_error (error, _("Proxy's name"), local_error);
          return NULL;
        }
    }
  if (intake->proxy_id_number != NULL && *intake->proxy_id_number != '\0' &&
      !mc_id_number_validate (intake->proxy_id_number, 0, MC_GENDER_UNKNOWN, NULL, &proxy_id, NULL,
                              &local_error))
    {
      _mc_store_field_error (error, _("Proxy's ID number"), local_error);
      return NULL;
    }
  if (intake->proxy_phone != NULL && *intake->proxy_phone != '\0' &&
      !mc_phone_normalize (intake->proxy_phone, &proxy_phone, &local_error))
    {
      _mc_store_field_error (error, _("Proxy's phone"), local_error);
      return NULL;
    }
  if (intake->proxy_email != NULL && *intake->proxy_email != '\0' &&
      !mc_email_normalize (intake->proxy_email, &proxy_email, &local_error))
    {
      _mc_store_field_error (error, _("Proxy's e-mail"), local_error);
      return NULL;
    }
  if ((proxy_id || proxy_phone || proxy_address || proxy_email || proxy_authorisation) && proxy_name == NULL)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("Enter the proxy's name, or clear the proxy's other details"));
      return NULL;
    }
  if (intake->sets < 0 || intake->sets > 99)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The number of sets must be between 1 and 99"));
      return NULL;
    }
  if (intake->result_delivery != NULL && g_strcmp0 (intake->result_delivery, "desk") != 0 &&
      g_strcmp0 (intake->result_delivery, "post") != 0)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The result is collected at the desk or sent by post"));
      return NULL;
    }
  if (intake->documents != NULL && !valid_documents (intake->documents))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The list of documents received is not valid"));
      return NULL;
    }
  documents = intake->documents ? json_node_copy (intake->documents)
                                : mc_procedure_required_documents_to_json (procedure);
  fee = mc_fee_compute (procedure->fee_schedule, self->office,
                        &(McFeeInput) { intake->fee_pages, intake->fee_count, intake->channel == MC_CHANNEL_ONLINE,
                                        intake->fee_exemption ? intake->fee_exemption
                                                              : procedure->fee_schedule->default_exemption },
                        &local_error);
  if (fee == NULL)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, local_error->message);
      return NULL;
    }

  received = intake->received != MC_MINUTE_NONE ? intake->received : mc_time_now ();
  received_iso = mc_time_format_iso_offset (received);
  mc_jdn_to_ymd (mc_minute_jdn (received), &y, &m, &d);
  day = g_strdup_printf ("%02d%02d%02d", y % 100, m, d);

  in = (Intake) { intake, procedure, dossier_uuid, pin, received_iso, day, y, name, id_number, id_kind, phone,
                  email, address, notes, proxy_name, proxy_id, proxy_phone, proxy_address, proxy_email, proxy_authorisation,
                  documents, fee, birth_year,
                  intake->birth_date != NULL && *intake->birth_date != '\0' ? intake->birth_date : NULL };
  if (!_mc_store_write (self, write_intake, &in, error))
    return NULL;
  if (out_warning)
    *out_warning = g_steal_pointer (&warning);
  return mc_store_get_dossier (self, dossier_uuid, error);
}

/**
 * mc_store_serve_on_the_spot:
 * @intake: what the clerk typed; the procedure must be a same-day one
 *
 * "5 tại chỗ": received, decided and returned while the citizen waits — three events with their real times
 * (received now, the result ready and handed over when each step is recorded), no appointment slip. A step that
 * fails after the intake leaves the dossier received, as at any desk.
 *
 * Returns: (transfer full): the returned dossier, or NULL with @error
 */
McDossier *
mc_store_serve_on_the_spot (McStore         *self,
                            const McIntake  *intake,
                            GError         **error)
{
  McIntake on_spot;
  g_autoptr(McDossier) received = NULL;
  const char *steps[] = { MC_EVENT_RESULT_READY, MC_EVENT_RETURNED };
  McDossier *done = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (intake != NULL, NULL);

  on_spot = *intake;
  on_spot.on_the_spot = TRUE;
  on_spot.received = MC_MINUTE_NONE;
  received = mc_store_intake (self, &on_spot, NULL, error);
  if (received == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) payload = NULL;
      g_autofree char *now = mc_time_format_iso (mc_time_now ());

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, now);
      if (g_str_equal (steps[i], MC_EVENT_RETURNED))
        {
          json_builder_set_member_name (builder, "receiver");
          json_builder_add_string_value (builder, received->applicant_name);
        }
      json_builder_end_object (builder);
      payload = json_builder_get_root (builder);
      g_clear_pointer (&done, mc_dossier_unref);
      done = mc_store_record (self, received->code, steps[i], payload, NULL, error);
      if (done == NULL)
        return NULL;
    }
  return done;
}

static gboolean
write_form_sequences (McStore   *self,
                      gpointer   data,
                      GError   **error)
{
  /* The year's register book too: history entered there under its slip numbers (mc_dossier_fold()). */
  static const char *forms[] = { "slip", "control", "book" };
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, data);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        sqlite3_stmt *stmt = _mc_store_prepare (self,
                                                "INSERT INTO form_sequence (form, year, last) VALUES (?1, ?2, ?3)"
                                                " ON CONFLICT (form, year) DO UPDATE SET last = MAX (last, ?3)",
                                                error);

        if (stmt == NULL)
          return FALSE;
        _mc_store_bind_text (stmt, 1, forms[i]);
        sqlite3_bind_int (stmt, 2, GPOINTER_TO_INT (key));
        sqlite3_bind_int (stmt, 3, GPOINTER_TO_INT (value));
        if (!_mc_store_step_done (self, stmt, error))
          return FALSE;
      }
  return TRUE;
}

/**
 * mc_store_raise_form_sequences:
 * @last_by_year: (element-type int int): year → the last slip number used that year
 *
 * For dossiers written as events with their slip and control-sheet numbers: later intakes continue after them.
 */
gboolean
mc_store_raise_form_sequences (McStore     *self,
                               GHashTable  *last_by_year,
                               GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  return _mc_store_write (self, write_form_sequences, last_by_year, error);
}

static gboolean
write_day_sequences (McStore   *self,
                     gpointer   data,
                     GError   **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, data);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_stmt *stmt = _mc_store_prepare (self, "INSERT INTO day_sequence (day, last) VALUES (?1, ?2)"
                                                    " ON CONFLICT (day) DO UPDATE SET last = MAX (last, ?2)", error);

      if (stmt == NULL)
        return FALSE;
      _mc_store_bind_text (stmt, 1, key);
      sqlite3_bind_int (stmt, 2, GPOINTER_TO_INT (value));
      if (!_mc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mc_store_raise_day_sequences:
 * @last_by_day: (element-type utf8 int): "YYMMDD" → the last number this station used that day
 *
 * For dossiers written as events (a demo year, a restored history): later intakes on those days continue after
 * these numbers, so no code is issued twice.
 */
gboolean
mc_store_raise_day_sequences (McStore     *self,
                              GHashTable  *last_by_day,
                              GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  return _mc_store_write (self, write_day_sequences, last_by_day, error);
}
