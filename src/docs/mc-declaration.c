/* mc-declaration.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The declarations of data/declarations/ (docs/declarations.md): each template read whole and checked (its
 * fields, their sources and the {placeholders} of its text), and the one serving a procedure found. Filling one
 * for a dossier is mc-declaration-fill.c. */

#define G_LOG_DOMAIN "mc-declaration"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "mc-declaration-private.h"

#define DECLARATIONS_RESOURCE "/io/github/motcua/Desk/data/declarations"
#define FORMAT_NAME           "motcua-declaration-1"

G_DEFINE_FINAL_TYPE (McDeclaration, mc_declaration, G_TYPE_OBJECT)

G_DEFINE_QUARK (mc-declaration-error-quark, mc_declaration_error)

/* The intake data a field or a {placeholder} may start from. */
const char *const _mc_declaration_sources[] = {
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
  if (g_strv_contains (_mc_declaration_sources, key))
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
  if (key_is_known (self, key) && !g_strv_contains (_mc_declaration_sources, key))
    return invalid (error, self->id, _("two fields with the same key")), NULL;
  if (json_object_has_member (o, "source") && (source == NULL || !g_strv_contains (_mc_declaration_sources, source)))
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
/* Whether @marker ("(3)") is printed somewhere in the form's text: the addressee, a sentence, a field's label, a
 * signature. */
static gboolean
marker_is_printed (McDeclaration *self,
                   const char    *marker)
{
  if (strstr (self->addressee, marker) != NULL || strstr (self->commitment, marker) != NULL)
    return TRUE;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->text != NULL && strstr (item->text, marker) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < self->fields->len; i++)
    if (strstr (((McDeclarationField *) g_ptr_array_index (self->fields, i))->label, marker) != NULL)
      return TRUE;
  for (guint i = 0; i < self->signatures->len; i++)
    {
      Signature *signature = g_ptr_array_index (self->signatures, i);

      if (strstr (signature->title, marker) != NULL || strstr (signature->hint, marker) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Every footnote ("(3) Ghi số định danh …", "(1), (2) Trường hợp …") points to a marker printed in the text:
 * a note nothing points to tells the citizen nothing. */
static gboolean
notes_are_marked (McDeclaration *self)
{
  for (guint i = 0; self->notes[i] != NULL; i++)
    {
      const char *p = self->notes[i];

      while (*p == '(')
        {
          const char *end = strchr (p, ')');
          g_autofree char *marker = end ? g_strndup (p, end + 1 - p) : NULL;

          if (marker == NULL || !marker_is_printed (self, marker))
            return FALSE;
          p = end + 1;
          while (*p == ',' || *p == ' ')
            p++;
        }
    }
  return TRUE;
}

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
  if (!notes_are_marked (self))
    return invalid (error, self->id, _("a note whose marker is printed nowhere in the form")), NULL;
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
