/* mc-declaration.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-declaration"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "mc-audit.h"
#include "mc-declaration.h"
#include "mc-document-private.h"
#include "mc-forms.h"
#include "mc-text.h"
#include "mc-time.h"

#define DECLARATIONS_RESOURCE "/io/github/motcua/Desk/data/declarations"
#define FORMAT_NAME           "motcua-declaration-1"
#define BODY_SIZE             13.0
#define ANSWER_MAX            500

typedef enum
{
  ITEM_HEADING,
  ITEM_TEXT,
  ITEM_FIELDS,
} ItemKind;

typedef struct
{
  ItemKind   kind;
  char      *text;
  GPtrArray *fields;   /* McDeclarationField, borrowed from self->fields */
} Item;

typedef struct
{
  char *title;
  char *hint;
  char *name;
} Signature;

struct _McDeclaration
{
  GObject    parent_instance;

  char      *id;
  GStrv      procedures;
  char      *model;
  char      *title;
  char      *addressee;
  char      *commitment;
  GPtrArray *items;        /* Item */
  GPtrArray *fields;       /* McDeclarationField, in reading order */
  GPtrArray *signatures;   /* Signature */
  GPtrArray *sections;     /* McDeclarationSection */
  GStrv      notes;
};

G_DEFINE_FINAL_TYPE (McDeclaration, mc_declaration, G_TYPE_OBJECT)

G_DEFINE_QUARK (mc-declaration-error-quark, mc_declaration_error)

/* The intake data a field or a {placeholder} may start from. */
static const char *const sources[] = {
  "applicant_name", "id_number", "birth_year", "phone", "email", "address", "proxy_name", "proxy_id_number",
  "proxy_phone", "proxy_address", "office_name", "place", "procedure_name", "dossier_code", NULL,
};

static void
field_free (McDeclarationField *field)
{
  g_free (field->key);
  g_free (field->label);
  g_free (field->source);
  g_free (field->words_of);
  g_strfreev (field->choices);
  g_free (field);
}

static void
item_free (Item *item)
{
  g_free (item->text);
  g_clear_pointer (&item->fields, g_ptr_array_unref);
  g_free (item);
}

static void
signature_free (Signature *signature)
{
  g_free (signature->title);
  g_free (signature->hint);
  g_free (signature->name);
  g_free (signature);
}

static void
section_free (McDeclarationSection *section)
{
  g_free (section->title);
  g_ptr_array_unref (section->fields);
  g_free (section);
}

static void
mc_declaration_finalize (GObject *object)
{
  McDeclaration *self = MC_DECLARATION (object);

  g_free (self->id);
  g_strfreev (self->procedures);
  g_free (self->model);
  g_free (self->title);
  g_free (self->addressee);
  g_free (self->commitment);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_strfreev (self->notes);
  G_OBJECT_CLASS (mc_declaration_parent_class)->finalize (object);
}

static void
mc_declaration_class_init (McDeclarationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_declaration_finalize;
}

static void
mc_declaration_init (McDeclaration *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  self->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) signature_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
}

static gboolean
invalid (GError     **error,
         const char  *id,
         const char  *what)
{
  g_set_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_INVALID, _("Declaration template “%s”: %s"),
               id ? id : "?", what);
  return FALSE;
}

static const char *
string_member (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static GStrv
string_array (JsonObject *o,
              const char *name,
              gboolean   *ok)
{
  JsonNode *node = json_object_get_member (o, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *ok = node != NULL && JSON_NODE_HOLDS_ARRAY (node);
  if (!*ok)
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          *ok = FALSE;
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

static gboolean
key_is_known (McDeclaration *self,
              const char    *key)
{
  if (g_strv_contains (sources, key))
    return TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (((McDeclarationField *) g_ptr_array_index (self->fields, i))->key, key))
      return TRUE;
  return FALSE;
}

/* Every {name} in @text must be a source or a field. */
static gboolean
placeholders_are_known (McDeclaration *self,
                        const char    *text)
{
  const char *p = text;

  while ((p = strchr (p, '{')) != NULL)
    {
      const char *end = strchr (p, '}');
      g_autofree char *name = NULL;

      if (end == NULL)
        return FALSE;
      name = g_strndup (p + 1, end - p - 1);
      if (!key_is_known (self, name))
        return FALSE;
      p = end + 1;
    }
  return TRUE;
}

static McDeclarationField *
parse_field (McDeclaration  *self,
             JsonNode       *node,
             GError        **error)
{
  g_autoptr(GString) problem = NULL;
  McDeclarationField *field;
  JsonObject *o;
  const char *key, *label, *kind, *source;
  JsonNode *share, *required;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, self->id, _("a field that is not an object")), NULL;
  o = json_node_get_object (node);
  key = string_member (o, "key");
  label = string_member (o, "label");
  kind = string_member (o, "kind");
  source = string_member (o, "source");
  if (key == NULL || *key == '\0' || label == NULL || kind == NULL)
    return invalid (error, self->id, _("a field without its key, label or kind")), NULL;
  for (const char *p = key; *p; p++)
    if (!(*p >= 'a' && *p <= 'z') && *p != '_')
      return invalid (error, self->id, _("a field key other than lowercase letters and “_”")), NULL;
  if (key_is_known (self, key) && !g_strv_contains (sources, key))
    return invalid (error, self->id, _("two fields with the same key")), NULL;
  if (json_object_has_member (o, "source") && (source == NULL || !g_strv_contains (sources, source)))
    return invalid (error, self->id, _("a field with an unknown source")), NULL;

  field = g_new0 (McDeclarationField, 1);
  field->key = g_strdup (key);
  field->label = g_strdup (label);
  field->source = g_strdup (source);
  if (g_str_equal (kind, "text"))
    field->kind = MC_DECLARATION_FIELD_TEXT;
  else if (g_str_equal (kind, "date"))
    field->kind = MC_DECLARATION_FIELD_DATE;
  else if (g_str_equal (kind, "choice"))
    {
      gboolean ok;

      field->kind = MC_DECLARATION_FIELD_CHOICE;
      field->choices = string_array (o, "choices", &ok);
      if (!ok || g_strv_length (field->choices) < 2)
        {
          field_free (field);
          return invalid (error, self->id, _("a choice without at least two choices")), NULL;
        }
    }
  else
    {
      field_free (field);
      return invalid (error, self->id, _("a field kind other than text, date or choice")), NULL;
    }
  if (field->kind != MC_DECLARATION_FIELD_CHOICE && json_object_has_member (o, "choices"))
    {
      field_free (field);
      return invalid (error, self->id, _("choices on a field that is not a choice")), NULL;
    }
  if (json_object_has_member (o, "words_of"))
    {
      const char *of = string_member (o, "words_of");
      McDeclarationField *date = NULL;

      for (guint i = 0; of && i < self->fields->len; i++)
        if (g_str_equal (((McDeclarationField *) g_ptr_array_index (self->fields, i))->key, of))
          date = g_ptr_array_index (self->fields, i);
      if (date == NULL || date->kind != MC_DECLARATION_FIELD_DATE || field->kind != MC_DECLARATION_FIELD_TEXT)
        {
          field_free (field);
          return invalid (error, self->id, _("“words_of” that names no date field before it")), NULL;
        }
      field->words_of = g_strdup (of);
    }
  share = json_object_get_member (o, "share");
  field->share = 0;
  if (share != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (share) || (json_node_get_value_type (share) != G_TYPE_DOUBLE &&
                                             json_node_get_value_type (share) != G_TYPE_INT64) ||
          json_node_get_double (share) <= 0 || json_node_get_double (share) > 1)
        {
          field_free (field);
          return invalid (error, self->id, _("a field share that is not between 0 and 1")), NULL;
        }
      field->share = json_node_get_double (share);
    }
  required = json_object_get_member (o, "required");
  if (required != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (required) || json_node_get_value_type (required) != G_TYPE_BOOLEAN)
        {
          field_free (field);
          return invalid (error, self->id, _("“required” that is not true or false")), NULL;
        }
      field->required = json_node_get_boolean (required);
    }
  return field;
}

static gboolean
parse_items (McDeclaration  *self,
             JsonArray      *items,
             GError        **error)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o;
      Item *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, self->id, _("an item that is not an object"));
      o = json_node_get_object (node);
      if (json_object_get_size (o) != 1)
        return invalid (error, self->id, _("an item that is not one of heading, text or fields"));
      item = g_new0 (Item, 1);
      g_ptr_array_add (self->items, item);
      if (string_member (o, "heading") != NULL)
        {
          item->kind = ITEM_HEADING;
          item->text = g_strdup (string_member (o, "heading"));
        }
      else if (string_member (o, "text") != NULL)
        {
          item->kind = ITEM_TEXT;
          item->text = g_strdup (string_member (o, "text"));
        }
      else if (json_object_has_member (o, "fields") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "fields")))
        {
          JsonArray *fields = json_node_get_array (json_object_get_member (o, "fields"));
          guint n = json_array_get_length (fields);
          double total = 0;
          guint unshared = 0;

          item->kind = ITEM_FIELDS;
          item->fields = g_ptr_array_new ();
          if (n < 1 || n > 3)
            return invalid (error, self->id, _("a line with other than one to three fields"));
          for (guint j = 0; j < n; j++)
            {
              McDeclarationField *field = parse_field (self, json_array_get_element (fields, j), error);

              if (field == NULL)
                return FALSE;
              g_ptr_array_add (self->fields, field);
              g_ptr_array_add (item->fields, field);
              total += field->share;
              unshared += field->share == 0;
            }
          /* Fields without a share split what the others leave. */
          if (total > 1.01 || (unshared == 0 && total < 0.99))
            return invalid (error, self->id, _("a line whose shares do not add up to 1"));
          for (guint j = 0; j < n; j++)
            {
              McDeclarationField *field = g_ptr_array_index (item->fields, j);

              if (field->share == 0)
                field->share = (1 - total) / unshared;
            }
        }
      else
        return invalid (error, self->id, _("an item that is not one of heading, text or fields"));
    }
  return TRUE;
}

/**
 * mc_declaration_new_from_data:
 *
 * Reads one template and checks it whole: a template that does not follow the format is refused with what is
 * wrong, never half-loaded.
 */
McDeclaration *
mc_declaration_new_from_data (const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(McDeclaration) self = g_object_new (MC_TYPE_DECLARATION, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  gboolean ok;

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, NULL, local_error ? local_error->message : _("not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  self->id = g_strdup (string_member (root, "id"));
  if (g_strcmp0 (string_member (root, "format"), FORMAT_NAME) != 0)
    return invalid (error, self->id, _("not a motcua-declaration-1 file")), NULL;
  if (self->id == NULL || *self->id == '\0')
    return invalid (error, NULL, _("no id")), NULL;
  self->procedures = string_array (root, "procedures", &ok);
  if (!ok || self->procedures[0] == NULL)
    return invalid (error, self->id, _("no procedure")), NULL;
  self->model = g_strdup (string_member (root, "model"));
  self->title = g_strdup (string_member (root, "title"));
  self->addressee = g_strdup (string_member (root, "addressee"));
  self->commitment = g_strdup (string_member (root, "commitment"));
  if (self->model == NULL || self->title == NULL || *self->title == '\0' || self->addressee == NULL ||
      self->commitment == NULL)
    return invalid (error, self->id, _("no model, title, addressee or commitment")), NULL;
  node = json_object_get_member (root, "items");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, self->id, _("no items")), NULL;
  if (!parse_items (self, json_node_get_array (node), error))
    return NULL;
  if (self->fields->len == 0)
    return invalid (error, self->id, _("no field to fill")), NULL;
  self->notes = string_array (root, "notes", &ok);
  if (!ok)
    return invalid (error, self->id, _("notes that are not a list of texts")), NULL;

  node = json_object_get_member (root, "signatures");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) < 1 ||
      json_array_get_length (json_node_get_array (node)) > 2)
    return invalid (error, self->id, _("not one or two signatures")), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      Signature *signature;
      const char *title, *hint, *name;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, self->id, _("a signature that is not an object")), NULL;
      o = json_node_get_object (element);
      title = string_member (o, "title");
      hint = string_member (o, "hint");
      name = string_member (o, "name");
      if (title == NULL || hint == NULL || name == NULL)
        return invalid (error, self->id, _("a signature without its title, hint or name")), NULL;
      if (*name != '\0' && !key_is_known (self, name))
        return invalid (error, self->id, _("a signature whose name is no field or source")), NULL;
      signature = g_new0 (Signature, 1);
      signature->title = g_strdup (title);
      signature->hint = g_strdup (hint);
      signature->name = g_strdup (name);
      g_ptr_array_add (self->signatures, signature);
    }

  /* Sections for the screen: a heading or sentence opens one; the fields that follow belong to it. */
  {
    McDeclarationSection *section = NULL;

    for (guint i = 0; i < self->items->len; i++)
      {
        Item *item = g_ptr_array_index (self->items, i);

        if (item->kind != ITEM_FIELDS || section == NULL)
          {
            section = g_new0 (McDeclarationSection, 1);
            section->fields = g_ptr_array_new ();
            section->title = item->kind != ITEM_FIELDS ? g_strdup (item->text) : NULL;
            g_ptr_array_add (self->sections, section);
          }
        for (guint j = 0; item->fields && j < item->fields->len; j++)
          g_ptr_array_add (section->fields, g_ptr_array_index (item->fields, j));
      }
  }

  if (!placeholders_are_known (self, self->addressee) || !placeholders_are_known (self, self->commitment))
    return invalid (error, self->id, _("an unknown {placeholder}")), NULL;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->text != NULL && !placeholders_are_known (self, item->text))
        return invalid (error, self->id, _("an unknown {placeholder}")), NULL;
    }
  return g_steal_pointer (&self);
}

static GPtrArray *
load_all (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = g_resources_enumerate_children (DECLARATIONS_RESOURCE, 0, NULL);

  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *path = g_strconcat (DECLARATIONS_RESOURCE "/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) error = NULL;
      McDeclaration *declaration;

      if (bytes == NULL || !g_str_has_suffix (names[i], ".json"))
        continue;
      declaration = mc_declaration_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                  &error);
      /* The shipped templates are checked by the tests; one that fails here is left out, not half-shown. */
      if (declaration == NULL)
        g_warning ("%s", error->message);
      else
        g_ptr_array_add (list, declaration);
    }
  return g_steal_pointer (&list);
}

/**
 * mc_declaration_list:
 *
 * Returns: (transfer none) (element-type McDeclaration): the shipped templates, loaded once
 */
GPtrArray *
mc_declaration_list (void)
{
  static GPtrArray *list;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      list = load_all ();
      g_once_init_leave (&loaded, 1);
    }
  return list;
}

/**
 * mc_declaration_find:
 *
 * Returns: (transfer none) (nullable): the template serving this procedure
 */
McDeclaration *
mc_declaration_find (const char *procedure_code)
{
  GPtrArray *list = mc_declaration_list ();

  for (guint i = 0; procedure_code && i < list->len; i++)
    if (mc_declaration_serves (g_ptr_array_index (list, i), procedure_code))
      return g_ptr_array_index (list, i);
  return NULL;
}

const char *
mc_declaration_get_id (McDeclaration *self)
{
  return self->id;
}

const char *
mc_declaration_get_title (McDeclaration *self)
{
  return self->title;
}

/**
 * mc_declaration_get_fields:
 *
 * Returns: (transfer none) (element-type McDeclarationField): every field, in reading order
 */
GPtrArray *
mc_declaration_get_fields (McDeclaration *self)
{
  return self->fields;
}

/**
 * mc_declaration_get_sections:
 *
 * Returns: (transfer none) (element-type McDeclarationSection): the fields grouped under their headings
 */
GPtrArray *
mc_declaration_get_sections (McDeclaration *self)
{
  return self->sections;
}

gboolean
mc_declaration_serves (McDeclaration *self,
                       const char    *procedure_code)
{
  return procedure_code != NULL && g_strv_contains ((const char *const *) self->procedures, procedure_code);
}

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
      if (value == NULL && g_strv_contains (sources, name))
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
  mc_document_add_pair (doc, NULL, MC_ALIGN_CENTER, date_markup, MC_ALIGN_CENTER, BODY_SIZE, 0.45, 10);
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
        else if (*signature->name && g_strv_contains (sources, signature->name))
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
