/* mc-declaration-fill.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A declaration filled for a citizen who writes nothing: its answers started from the intake data, checked,
 * recorded with the dossier, and the declaration rendered in Vietnamese as it is printed. */

#define G_LOG_DOMAIN "mc-declaration"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "mc-audit.h"
#include "mc-declaration-private.h"
#include "mc-document-private.h"
#include "mc-forms.h"
#include "mc-text.h"
#include "mc-time.h"

#define BODY_SIZE  13.0
#define ANSWER_MAX 500

static char *
proxy_member (McDossier  *dossier,
              const char *member)
{
  if (dossier->proxy == NULL || !JSON_NODE_HOLDS_OBJECT (dossier->proxy))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (dossier->proxy), member, NULL));
}

/* The value of an intake datum for this dossier, or NULL. */
static char *
source_value (McStore    *store,
              McDossier  *dossier,
              const char *source)
{
  const McOffice *office = mc_store_get_office (store);

  if (g_str_equal (source, "applicant_name"))
    return g_strdup (dossier->applicant_name);
  if (g_str_equal (source, "id_number"))
    return g_strdup (dossier->applicant_id);
  if (g_str_equal (source, "birth_year"))
    return dossier->birth_year > 0 ? g_strdup_printf ("%d", dossier->birth_year) : NULL;
  if (g_str_equal (source, "phone"))
    return g_strdup (dossier->phone);
  if (g_str_equal (source, "email"))
    return g_strdup (dossier->email);
  if (g_str_equal (source, "address"))
    return g_strdup (dossier->address);
  if (g_str_equal (source, "proxy_name"))
    return proxy_member (dossier, "name");
  if (g_str_equal (source, "proxy_id_number"))
    return proxy_member (dossier, "id_number");
  if (g_str_equal (source, "proxy_phone"))
    return proxy_member (dossier, "phone");
  if (g_str_equal (source, "proxy_address"))
    return proxy_member (dossier, "address");
  if (g_str_equal (source, "office_name"))
    return g_strdup (office ? office->name : NULL);
  if (g_str_equal (source, "place"))
    return g_strdup (office ? office->place : NULL);
  if (g_str_equal (source, "procedure_name"))
    return g_strdup (dossier->procedure_name);
  if (g_str_equal (source, "dossier_code"))
    return g_strdup (dossier->code);
  return NULL;
}

/**
 * mc_declaration_initial_answers:
 *
 * What the form starts with: the answers recorded last for this dossier when the declaration was filled before,
 * otherwise the intake data of the fields that have a source.
 *
 * Returns: (transfer full) (element-type utf8 utf8): field key → answer
 */
GHashTable *
mc_declaration_initial_answers (McDeclaration  *self,
                                McStore        *store,
                                McDossier      *dossier,
                                GError        **error)
{
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) events = mc_store_get_events (store, dossier->uuid, error);
  JsonObject *recorded = NULL;

  if (events == NULL)
    return NULL;
  for (guint i = events->len; i-- > 0 && recorded == NULL;)
    {
      McEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (event->kind, MC_EVENT_DECLARATION_FILLED) == 0 &&
          g_strcmp0 (mc_event_get_string (event, "template"), self->id) == 0)
        {
          JsonNode *node = json_object_get_member (json_node_get_object (event->payload), "answers");

          if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
            recorded = json_node_get_object (node);
        }
    }
  for (guint i = 0; i < self->fields->len; i++)
    {
      McDeclarationField *field = g_ptr_array_index (self->fields, i);
      char *value = NULL;

      if (recorded != NULL)
        value = g_strdup (json_object_get_string_member_with_default (recorded, field->key, NULL));
      else if (field->source != NULL)
        value = source_value (store, dossier, field->source);
      if (value != NULL)
        g_hash_table_replace (answers, g_strdup (field->key), value);
    }
  return g_steal_pointer (&answers);
}

static gboolean
parse_date (const char *text,
            int        *out_d,
            int        *out_m,
            int        *out_y)
{
  int d, m, y;
  char tail;

  if (text == NULL || sscanf (text, "%d/%d/%d%c", &d, &m, &y, &tail) != 3)
    return FALSE;
  if (y < 1900 || y > 2100 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  *out_d = d;
  *out_m = m;
  *out_y = y;
  return TRUE;
}

static const char *const units[] = {
  "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
};

/* 0–99 as read aloud: "mười lăm", "hai mươi mốt", "ba mươi". */
static void
append_tens (GString *out,
             int      n,
             gboolean after_hundreds)
{
  int tens = n / 10, unit = n % 10;

  if (tens == 0)
    {
      if (after_hundreds && unit > 0)
        g_string_append (out, "linh ");
      g_string_append (out, units[unit]);
      return;
    }
  if (tens == 1)
    g_string_append (out, "mười");
  else
    g_string_append_printf (out, "%s mươi", units[tens]);
  if (unit == 1 && tens > 1)
    g_string_append (out, " mốt");
  else if (unit == 4 && tens > 1)
    g_string_append (out, " tư");
  else if (unit == 5)
    g_string_append (out, " lăm");
  else if (unit > 0)
    g_string_append_printf (out, " %s", units[unit]);
}

/**
 * mc_declaration_date_in_words:
 *
 * A date of birth written out as the civil-status forms ask ("ghi bằng chữ"): "Ngày mười lăm tháng ba năm hai
 * nghìn không trăm hai mươi sáu".
 */
char *
mc_declaration_date_in_words (int day,
                              int month,
                              int year)
{
  static const char *const months[] = {
    "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai",
  };
  g_autoptr(GString) out = g_string_new ("Ngày ");
  int rest;

  g_return_val_if_fail (day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1000 && year <= 9999, NULL);

  append_tens (out, day, FALSE);
  g_string_append_printf (out, " tháng %s năm %s nghìn", months[month - 1], units[year / 1000]);
  rest = year % 1000;
  if (rest > 0)
    {
      g_string_append_printf (out, " %s trăm", units[rest / 100]);
      if (rest % 100 > 0)
        {
          g_string_append_c (out, ' ');
          append_tens (out, rest % 100, TRUE);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * mc_declaration_check_answers:
 *
 * Cleans the answers in place (spaces, length, no control or direction characters; dates as dd/mm/yyyy) and
 * says which required one is missing or which is not a date or not one of its choices.
 */
gboolean
mc_declaration_check_answers (McDeclaration  *self,
                              GHashTable     *answers,
                              GError        **error)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      McDeclarationField *field = g_ptr_array_index (self->fields, i);
      const char *value = g_hash_table_lookup (answers, field->key);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *clean = NULL;

      if (value != NULL)
        {
          clean = mc_text_clean (value, -1, ANSWER_MAX, FALSE, &local_error);
          if (clean == NULL)
            {
              g_set_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_BAD_ANSWER, "%s: %s", field->label,
                           local_error->message);
              return FALSE;
            }
        }
      if (clean == NULL || *clean == '\0')
        {
          if (field->required)
            {
              g_set_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_INCOMPLETE,
                           _("Fill in “%s” before printing"), field->label);
              return FALSE;
            }
          g_hash_table_remove (answers, field->key);
          continue;
        }
      if (field->kind == MC_DECLARATION_FIELD_DATE)
        {
          int d, m, y;

          if (!parse_date (clean, &d, &m, &y))
            {
              g_set_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_BAD_ANSWER,
                           _("“%s” is a date written day/month/year, such as 05/02/2026"), field->label);
              return FALSE;
            }
          g_free (clean);
          clean = g_strdup_printf ("%02d/%02d/%04d", d, m, y);
        }
      else if (field->kind == MC_DECLARATION_FIELD_CHOICE &&
               !g_strv_contains ((const char *const *) field->choices, clean))
        {
          g_autofree char *choices = g_strjoinv (", ", field->choices);

          g_set_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_BAD_ANSWER,
                       _("“%s” is one of: %s"), field->label, choices);
          return FALSE;
        }
      g_hash_table_replace (answers, g_strdup (field->key), g_steal_pointer (&clean));
    }
  /* A date written out in words follows its date unless the clerk wrote it differently. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      McDeclarationField *field = g_ptr_array_index (self->fields, i);
      const char *date = field->words_of ? g_hash_table_lookup (answers, field->words_of) : NULL;
      int d, m, y;

      if (date != NULL && g_hash_table_lookup (answers, field->key) == NULL && parse_date (date, &d, &m, &y))
        g_hash_table_replace (answers, g_strdup (field->key), mc_declaration_date_in_words (d, m, y));
    }
  return TRUE;
}

/**
 * mc_declaration_record:
 *
 * Checks the answers and records them in the dossier's history, so that a reprint shows what was printed.
 *
 * Returns: (transfer full): the dossier after the step
 */
McDossier *
mc_declaration_record (McDeclaration  *self,
                       McStore        *store,
                       McDossier      *dossier,
                       GHashTable     *answers,
                       GError        **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *payload = json_object_new ();
  JsonObject *values = json_object_new ();

  json_node_take_object (node, payload);
  if (!mc_declaration_check_answers (self, answers, error))
    {
      json_object_unref (values);
      return NULL;
    }
  for (guint i = 0; i < self->fields->len; i++)
    {
      McDeclarationField *field = g_ptr_array_index (self->fields, i);
      const char *value = g_hash_table_lookup (answers, field->key);

      if (value != NULL)
        json_object_set_string_member (values, field->key, value);
    }
  json_object_set_string_member (payload, "template", self->id);
  json_object_set_object_member (payload, "answers", values);
  return mc_store_record (store, dossier->uuid, MC_EVENT_DECLARATION_FILLED, node, NULL, error);
}

/* A field's value, or the official forms' dotted line for the citizen to fill by hand. */
static char *
field_markup (McDeclarationField *field,
              const char         *value)
{
  g_autofree char *label = g_markup_escape_text (field->label, -1);

  if (value != NULL && *value != '\0')
    {
      g_autofree char *text = g_markup_escape_text (value, -1);
      return g_strdup_printf ("%s: %s", label, text);
    }
  else
    {
      /* Sized from the line's width at 13 pt: a period is 3.25 pt, a letter of the label about 6 pt; kept
       * short of the end so that it never wraps. */
      double room = field->share * (MC_A4_WIDTH - MC_MARGIN_LEFT - MC_MARGIN_RIGHT) - 14 -
                    6.2 * (g_utf8_strlen (field->label, -1) + 2);
      guint dots = room > 8 * 3.25 ? (guint) (room / 3.25 * 0.9) : 8;
      g_autofree char *line = g_strnfill (dots, '.');

      return g_strdup_printf ("%s: %s", label, line);
    }
}

static char *
expand (McDeclaration *self,
        McStore       *store,
        McDossier     *dossier,
        GHashTable    *answers,
        const char    *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *open = strchr (p, '{');
      const char *close = open ? strchr (open, '}') : NULL;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      value = g_strdup (g_hash_table_lookup (answers, name));
      if (value == NULL && g_strv_contains (_mc_declaration_sources, name))
        value = source_value (store, dossier, name);
      g_string_append (out, value && *value ? value : "……………………");
      p = close + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
escaped_expansion (McDeclaration *self,
                   McStore       *store,
                   McDossier     *dossier,
                   GHashTable    *answers,
                   const char    *text)
{
  g_autofree char *expanded = expand (self, store, dossier, answers, text);
  return g_markup_escape_text (expanded, -1);
}

/**
 * mc_declaration_render:
 *
 * The declaration as it is printed: in Vietnamese, Liberation Serif 13 pt, the Quốc hiệu and Tiêu ngữ on top,
 * the answers in place of the dotted lines (a line left empty keeps its dots, to be filled by hand), the
 * place-and-date line and the signatures. The audit log of @store records it (MC_AUDIT_PRINT, the dossier's
 * code, the declaration's id) when the document is first shown, printed or saved.
 */
McDocument *
mc_declaration_render (McDeclaration  *self,
                       McStore        *store,
                       McDossier      *dossier,
                       GHashTable     *answers,
                       GError        **error)
{
  g_autoptr(McDocument) doc = NULL;
  const McOffice *office = mc_store_get_office (store);
  g_autofree char *date_line = NULL;
  g_autofree char *date_markup = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MC_IS_DECLARATION (self), NULL);

  doc = mc_document_new (FALSE);
  if (self->model != NULL && *self->model != '\0')
    {
      g_autofree char *model = g_markup_escape_text (self->model, -1);
      g_autofree char *markup = g_strdup_printf ("<i>%s</i>", model);

      mc_document_add_text (doc, markup, 10, MC_ALIGN_RIGHT, 0, 0);
    }
  mc_document_add_text (doc, "<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>\n<b>Độc lập - Tự do - Hạnh phúc</b>", 13,
                        MC_ALIGN_CENTER, 0, 6);
  mc_document_add_rule (doc, 0.3, 2);
  title = g_markup_escape_text (self->title, -1);
  {
    g_autofree char *markup = g_strdup_printf ("<b>%s</b>", title);
    mc_document_add_text (doc, markup, 14, MC_ALIGN_CENTER, 0, 18);
  }
  if (*self->addressee != '\0')
    {
      g_autofree char *addressee = escaped_expansion (self, store, dossier, answers, self->addressee);
      mc_document_add_text (doc, addressee, BODY_SIZE, MC_ALIGN_CENTER, 0, 10);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->kind == ITEM_HEADING)
        {
          g_autofree char *text = escaped_expansion (self, store, dossier, answers, item->text);
          g_autofree char *markup = g_strdup_printf ("<b>%s</b>", text);

          mc_document_add_text (doc, markup, BODY_SIZE, MC_ALIGN_LEFT, 0, 8);
        }
      else if (item->kind == ITEM_TEXT)
        {
          g_autofree char *text = escaped_expansion (self, store, dossier, answers, item->text);
          mc_document_add_text (doc, text, BODY_SIZE, MC_ALIGN_JUSTIFY, 0, 5);
        }
      else
        {
          g_autoptr(GPtrArray) markups = g_ptr_array_new_with_free_func (g_free);
          double shares[3];

          for (guint j = 0; j < item->fields->len; j++)
            {
              McDeclarationField *field = g_ptr_array_index (item->fields, j);

              g_ptr_array_add (markups, field_markup (field, g_hash_table_lookup (answers, field->key)));
              shares[j] = field->share;
            }
          if (markups->len == 1)
            mc_document_add_text (doc, g_ptr_array_index (markups, 0), BODY_SIZE, MC_ALIGN_LEFT, 0, 5);
          else
            mc_document_add_row (doc, markups->len, (const char *const *) markups->pdata, shares, BODY_SIZE, 5);
        }
    }

  if (*self->commitment != '\0')
    {
      g_autofree char *text = escaped_expansion (self, store, dossier, answers, self->commitment);
      mc_document_add_text (doc, text, BODY_SIZE, MC_ALIGN_JUSTIFY, 1.0 * 28, 10);
    }
  date_line = mc_form_place_date (office ? office->place : NULL, mc_time_now ());
  {
    g_autofree char *escaped = g_markup_escape_text (date_line, -1);
    date_markup = g_strdup_printf ("<i>Làm tại: %s</i>", escaped);
  }
  mc_document_add_pair (doc,
                        &(McDocumentPair) { .left_align = MC_ALIGN_CENTER, .right_markup = date_markup,
                                            .right_align = MC_ALIGN_CENTER, .size = BODY_SIZE, .left_share = 0.45 },
                        10);
  {
    const char *titles[2] = { NULL, NULL }, *hints[2] = { NULL, NULL };
    g_autofree char *name0 = NULL;
    g_autofree char *name1 = NULL;
    char **names[2] = { &name0, &name1 };

    for (guint i = 0; i < self->signatures->len; i++)
      {
        Signature *signature = g_ptr_array_index (self->signatures, i);
        const char *answer = *signature->name ? g_hash_table_lookup (answers, signature->name) : NULL;

        titles[i] = signature->title;
        hints[i] = signature->hint;
        if (answer != NULL)
          *names[i] = g_strdup (answer);
        else if (*signature->name && g_strv_contains (_mc_declaration_sources, signature->name))
          *names[i] = source_value (store, dossier, signature->name);
      }
    /* One signature stands at the right, under the date; two share the line, left and right. */
    if (self->signatures->len == 1)
      mc_document_add_signatures (doc, NULL, NULL, NULL, titles[0], hints[0], name0, 4);
    else
      mc_document_add_signatures (doc, titles[0], hints[0], name0, titles[1], hints[1], name1, 4);
  }
  if (self->notes != NULL && self->notes[0] != NULL)
    {
      mc_document_add_rule (doc, 0.25, 14);
      for (guint i = 0; self->notes[i]; i++)
        {
          g_autofree char *note = g_markup_escape_text (self->notes[i], -1);
          g_autofree char *markup = g_strdup_printf ("<i>%s</i>", note);

          mc_document_add_text (doc, markup, 10, MC_ALIGN_JUSTIFY, 0, i == 0 ? 2 : 1);
        }
    }
  _mc_document_audit (doc, store, MC_AUDIT_PRINT, dossier->code, self->id);
  return g_steal_pointer (&doc);
}
