/* mc-procedure.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-procedure"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-json-builder.h"
#include "mc-procedure.h"
#include "mc-procedure-steps.h"
#include "mc-text.h"

G_DEFINE_BOXED_TYPE (McProcedure, mc_procedure, mc_procedure_ref, mc_procedure_unref)
G_DEFINE_QUARK (mc-procedure-error-quark, mc_procedure_error)

static void
document_free (gpointer data)
{
  McProcedureDocument *doc = data;

  g_free (doc->name);
  g_free (doc);
}

McProcedure *
mc_procedure_ref (McProcedure *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mc_procedure_unref (McProcedure *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self->sector);
  g_free (self->fee);
  g_clear_pointer (&self->fee_schedule, mc_fee_schedule_free);
  g_free (self->deciding_body);
  g_free (self->notes);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self);
}

static gboolean
valid_code (const char *code)
{
  gsize len;

  if (code == NULL)
    return FALSE;
  len = strlen (code);
  if (len == 0 || len > 40)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/**
 * mc_procedure_new_from_json:
 *
 * Builds a procedure from its catalogue entry (data/procedures.json, or the payload of a catalogue event),
 * checking every field so that a damaged catalogue never reaches a deadline computation.
 */
McProcedure *
mc_procedure_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(McProcedure) self = g_new0 (McProcedure, 1);
  const char *code, *name, *unit;
  JsonNode *docs_node, *schedule_node;
  g_autofree char *clean_name = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->documents = g_ptr_array_new_with_free_func (document_free);

  code = json_object_get_string_member_with_default (object, "code", NULL);
  name = json_object_get_string_member_with_default (object, "name", NULL);
  unit = json_object_get_string_member_with_default (object, "unit", NULL);

  if (!valid_code (code))
    {
      g_set_error_literal (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                           _("A procedure needs a code made of letters, digits and dots, such as 1.001193"));
      return NULL;
    }
  clean_name = mc_text_clean (name ? name : "", -1, 500, FALSE, NULL);
  if (clean_name == NULL || *clean_name == '\0')
    {
      g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                   _("Procedure %s has no name"), code);
      return NULL;
    }
  if (!mc_unit_from_string (unit, &self->unit))
    {
      g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                   _("Procedure %s: the time unit must be same_day, working_days or working_hours"), code);
      return NULL;
    }
  self->duration = (int) json_object_get_int_member_with_default (object, "duration", 0);
  if (self->duration < 0 || self->duration > 365 ||
      (self->unit != MC_UNIT_SAME_DAY && self->duration == 0))
    {
      g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                   _("Procedure %s: the time limit must be between 1 and 365"), code);
      return NULL;
    }
  if (self->unit == MC_UNIT_SAME_DAY)
    self->duration = 0;

  self->code = g_strdup (code);
  self->name = g_steal_pointer (&clean_name);
  self->sector = g_strdup (json_object_get_string_member_with_default (object, "sector", ""));
  self->cutoff = json_object_get_boolean_member_with_default (object, "cutoff", self->unit == MC_UNIT_SAME_DAY);
  self->fee = g_strdup (json_object_get_string_member_with_default (object, "fee", ""));
  self->fee_amount = json_object_get_int_member_with_default (object, "fee_amount", 0);
  self->deciding_body = g_strdup (json_object_get_string_member_with_default (object, "deciding_body", ""));
  self->notes = g_strdup (json_object_get_string_member_with_default (object, "notes", ""));
  if (self->fee_amount < 0)
    self->fee_amount = 0;
  schedule_node = json_object_get_member (object, "fee_schedule");
  if (schedule_node != NULL && JSON_NODE_HOLDS_OBJECT (schedule_node))
    {
      g_autoptr(GError) local_error = NULL;

      self->fee_schedule = mc_fee_schedule_new_from_json (json_node_get_object (schedule_node), &local_error);
      if (self->fee_schedule == NULL)
        {
          g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                       /* Translators: %s is a procedure code, the second %s says what is wrong */
                       _("Procedure %s: %s"), code, local_error->message);
          return NULL;
        }
    }
  else
    {
      g_autoptr(JsonObject) flat = json_object_new ();

      /* A catalogue without schedules: its flat amount per dossier. */
      json_object_set_string_member (flat, "basis", self->fee_amount > 0 ? "dossier" : "none");
      json_object_set_int_member (flat, "amount", MIN (self->fee_amount, MC_FEE_MAX_AMOUNT));
      self->fee_schedule = mc_fee_schedule_new_from_json (flat, NULL);
    }

  {
    g_autoptr(GError) steps_error = NULL;

    self->steps = mc_procedure_steps_parse (json_object_get_member (object, "steps"), &steps_error);
    if (self->steps == NULL)
      {
        /* Translators: the first %s is a procedure code, the second what is wrong with its steps */
        g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID, _("Procedure %s: %s"), code,
                     steps_error->message);
        return NULL;
      }
  }

  docs_node = json_object_get_member (object, "documents");
  if (docs_node != NULL && JSON_NODE_HOLDS_ARRAY (docs_node))
    {
      JsonArray *docs = json_node_get_array (docs_node);

      for (guint i = 0; i < json_array_get_length (docs); i++)
        {
          JsonNode *element = json_array_get_element (docs, i);
          JsonObject *d;
          McProcedureDocument *doc;
          const char *doc_name;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          d = json_node_get_object (element);
          doc_name = json_object_get_string_member_with_default (d, "name", NULL);
          if (doc_name == NULL || *doc_name == '\0')
            continue;
          doc = g_new0 (McProcedureDocument, 1);
          doc->name = g_strdup (doc_name);
          doc->originals = (int) CLAMP (json_object_get_int_member_with_default (d, "original", 0), 0, 99);
          doc->copies = (int) CLAMP (json_object_get_int_member_with_default (d, "copy", 0), 0, 99);
          doc->required = json_object_get_boolean_member_with_default (d, "required", TRUE);
          g_ptr_array_add (self->documents, doc);
        }
    }

  return g_steal_pointer (&self);
}

/* What a catalogue entry and the snapshot kept with a dossier at intake share. */
static void
add_rule_members (McProcedure *self,
                  JsonBuilder *builder)
{
  mc_json_add_string (builder, "code", self->code);
  mc_json_add_string (builder, "name", self->name);
  mc_json_add_string (builder, "sector", self->sector);
  mc_json_add_int (builder, "duration", self->duration);
  mc_json_add_string (builder, "unit", mc_unit_to_string (self->unit));
  mc_json_add_boolean (builder, "cutoff", self->cutoff);
  mc_json_add_string (builder, "fee", self->fee);
  mc_json_add_string (builder, "deciding_body", self->deciding_body);
  if (self->steps != NULL && self->steps->len > 0)
    {
      json_builder_set_member_name (builder, "steps");
      mc_procedure_steps_to_json (self->steps, builder);
    }
}

void
mc_procedure_to_json (McProcedure *self,
                      JsonBuilder *builder)
{
  g_return_if_fail (self != NULL);

  json_builder_begin_object (builder);
  add_rule_members (self, builder);
  mc_json_add_int (builder, "fee_amount", self->fee_amount);
  json_builder_set_member_name (builder, "fee_schedule");
  mc_fee_schedule_to_json (self->fee_schedule, builder);
  mc_json_add_string (builder, "notes", self->notes);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->documents->len; i++)
    {
      McProcedureDocument *doc = g_ptr_array_index (self->documents, i);

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "name", doc->name);
      mc_json_add_int (builder, "original", doc->originals);
      mc_json_add_int (builder, "copy", doc->copies);
      mc_json_add_boolean (builder, "required", doc->required);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
mc_procedure_to_json_node (McProcedure *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  mc_procedure_to_json (self, builder);
  return json_builder_get_root (builder);
}

/**
 * mc_procedure_parse_catalogue:
 *
 * Parses a whole catalogue file. Codes must be unique.
 *
 * Returns: (transfer full) (element-type McProcedure): the procedures, or %NULL
 */
GPtrArray *
mc_procedure_parse_catalogue (const char  *json,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_unref);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *list;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                   _("The procedure catalogue is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  /* Blank text parses to no root at all. */
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (list = json_object_get_member (json_node_get_object (root), "procedures")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error_literal (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                           _("The procedure catalogue must hold a “procedures” list"));
      return NULL;
    }
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      McProcedure *procedure;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                       _("Entry %u of the procedure catalogue is not an object"), i + 1);
          return NULL;
        }
      procedure = mc_procedure_new_from_json (json_node_get_object (element), error);
      if (procedure == NULL)
        return NULL;
      g_ptr_array_add (result, procedure);
      if (!g_hash_table_add (codes, procedure->code))
        {
          g_set_error (error, MC_PROCEDURE_ERROR, MC_PROCEDURE_ERROR_INVALID,
                       _("The procedure code %s appears twice in the catalogue"), procedure->code);
          return NULL;
        }
    }
  return g_steal_pointer (&result);
}

/* "3 working days", "Same day", "8 working hours": for lists and the intake form. */
char *
mc_procedure_describe_duration (McProcedure *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->unit)
    {
    case MC_UNIT_SAME_DAY:
      return g_strdup (_("Same day"));
    case MC_UNIT_WORKING_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days",
                                           self->duration), self->duration);
    case MC_UNIT_WORKING_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working hour", "%d working hours",
                                           self->duration), self->duration);
    default:
      return g_strdup ("");
    }
}

/* The documents a dossier holds when the clerk did not list them: the procedure's required ones, one entry each
 * ({"name", "original", "copy"}), as stored in the intake event. */
JsonNode *
mc_procedure_required_documents_to_json (McProcedure *procedure)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < procedure->documents->len; i++)
    {
      McProcedureDocument *doc = g_ptr_array_index (procedure->documents, i);

      if (!doc->required)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, doc->name);
      json_builder_set_member_name (builder, "original");
      json_builder_add_int_value (builder, doc->originals);
      json_builder_set_member_name (builder, "copy");
      json_builder_add_int_value (builder, doc->copies);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* The procedure as it stood when a dossier was received, as an object member of the intake event: later edits of
 * the catalogue must not change a received dossier's due date or fee. */
void
mc_procedure_add_snapshot (McProcedure *procedure,
                           JsonBuilder *builder)
{
  /* The internal procedure of the day is in it too: its steps' deadlines do not move when the office edits it. */
  json_builder_begin_object (builder);
  add_rule_members (procedure, builder);
  json_builder_end_object (builder);
}
