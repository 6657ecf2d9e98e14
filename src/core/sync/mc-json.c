/* mc-json.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-json"

/* A strict JSON reader (RFC 8259) for the sync payload's lines, building JSON-GLib nodes directly. JSON-GLib's own
 * parser made up a third of an import's time (its scanner allocates per token); this one reads a line in one pass.
 * It accepts exactly what JSON allows: no comments, no trailing commas, no control characters or invalid UTF-8
 * in strings, no lone surrogates, and nothing after the value but white space. Integers that fit in 64 bits
 * become G_TYPE_INT64 values, as JSON-GLib makes them. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mc-json.h"

G_DEFINE_QUARK (mc-json-error-quark, mc_json_error)

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
  guint       max_depth;
} Reader;

static JsonNode *read_value (Reader *r);

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader   *r,
           gunichar *out)
{
  gunichar value = 0;

  if (r->end - r->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int d = hex_digit (r->p[i]);

      if (d < 0)
        return FALSE;
      value = value * 16 + (gunichar) d;
    }
  r->p += 4;
  *out = value;
  return TRUE;
}

/* After the opening quote; returns a newly allocated UTF-8 string or NULL. */
static char *
read_string (Reader *r)
{
  GString *s = NULL;
  const char *start = r->p;

  /* The common case, no escape: one copy. */
  while (r->p < r->end && *r->p != '"' && *r->p != '\\')
    {
      if ((guchar) *r->p < 0x20)
        return NULL;
      r->p++;
    }
  if (r->p >= r->end)
    return NULL;
  if (*r->p == '"')
    {
      gsize len = (gsize) (r->p - start);

      r->p++;
      if (!g_utf8_validate (start, (gssize) len, NULL))
        return NULL;
      return g_strndup (start, len);
    }

  s = g_string_new_len (start, r->p - start);
  while (r->p < r->end && *r->p != '"')
    {
      char c = *r->p++;

      if ((guchar) c < 0x20)
        goto fail;
      if (c != '\\')
        {
          g_string_append_c (s, c);
          continue;
        }
      if (r->p >= r->end)
        goto fail;
      c = *r->p++;
      switch (c)
        {
        case '"': g_string_append_c (s, '"'); break;
        case '\\': g_string_append_c (s, '\\'); break;
        case '/': g_string_append_c (s, '/'); break;
        case 'b': g_string_append_c (s, '\b'); break;
        case 'f': g_string_append_c (s, '\f'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'u':
          {
            gunichar u;

            if (!read_hex4 (r, &u))
              goto fail;
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low;

                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  goto fail;
                r->p += 2;
                if (!read_hex4 (r, &low) || low < 0xDC00 || low > 0xDFFF)
                  goto fail;
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (u >= 0xDC00 && u <= 0xDFFF)
              goto fail;
            /* JSON-GLib refuses an escaped NUL too: a C string cannot hold it. */
            if (u == 0)
              goto fail;
            g_string_append_unichar (s, u);
          }
          break;
        default:
          goto fail;
        }
    }
  if (r->p >= r->end)
    goto fail;
  r->p++;
  if (!g_utf8_validate (s->str, (gssize) s->len, NULL))
    goto fail;
  return g_string_free (s, FALSE);

fail:
  g_string_free (s, TRUE);
  return NULL;
}

static JsonNode *
read_number (Reader *r)
{
  const char *start = r->p;
  gboolean integral = TRUE;
  JsonNode *node;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return NULL;
  if (*r->p == '0')
    r->p++;
  else
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      integral = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return NULL;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      integral = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return NULL;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  {
    char buffer[64];
    gsize len = (gsize) (r->p - start);
    g_autofree char *longer = NULL;
    const char *text = buffer;

    if (len < sizeof buffer)
      {
        memcpy (buffer, start, len);
        buffer[len] = '\0';
      }
    else
      text = longer = g_strndup (start, len);

    node = json_node_alloc ();
    if (integral)
      {
        char *stop = NULL;
        gint64 value;

        errno = 0;
        value = g_ascii_strtoll (text, &stop, 10);
        if (errno == 0 && stop == text + len)
          return json_node_init_int (node, value);
      }
    return json_node_init_double (node, g_ascii_strtod (text, NULL));
  }
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return FALSE;
  r->p += len;
  return TRUE;
}

static JsonNode *
read_object (Reader *r)
{
  JsonObject *object = json_object_new ();

  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      JsonNode *node = json_node_init_object (json_node_alloc (), object);

      r->p++;
      json_object_unref (object);
      return node;
    }
  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *value;

      skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        goto fail;
      r->p++;
      name = read_string (r);
      if (name == NULL)
        goto fail;
      skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        goto fail;
      r->p++;
      value = read_value (r);
      if (value == NULL)
        goto fail;
      json_object_set_member (object, name, value);
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          break;
        }
      goto fail;
    }
  {
    JsonNode *node = json_node_init_object (json_node_alloc (), object);

    json_object_unref (object);
    return node;
  }

fail:
  json_object_unref (object);
  return NULL;
}

static JsonNode *
read_array (Reader *r)
{
  JsonArray *array = json_array_new ();

  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      JsonNode *node = json_node_init_array (json_node_alloc (), array);

      r->p++;
      json_array_unref (array);
      return node;
    }
  for (;;)
    {
      JsonNode *value = read_value (r);

      if (value == NULL)
        goto fail;
      json_array_add_element (array, value);
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == ']')
        {
          r->p++;
          break;
        }
      goto fail;
    }
  {
    JsonNode *node = json_node_init_array (json_node_alloc (), array);

    json_array_unref (array);
    return node;
  }

fail:
  json_array_unref (array);
  return NULL;
}

static JsonNode *
read_value (Reader *r)
{
  JsonNode *node = NULL;

  skip_space (r);
  if (r->p >= r->end)
    return NULL;
  switch (*r->p)
    {
    case '{':
    case '[':
      if (++r->depth > r->max_depth)
        return NULL;
      r->p++;
      node = r->p[-1] == '{' ? read_object (r) : read_array (r);
      r->depth--;
      return node;
    case '"':
      {
        char *text;

        r->p++;
        text = read_string (r);
        if (text == NULL)
          return NULL;
        node = json_node_alloc ();
        json_node_init_string (node, text);
        g_free (text);
        return node;
      }
    case 't':
      return read_literal (r, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_literal (r, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return read_literal (r, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return read_number (r);
    }
}

/**
 * mc_json_parse:
 * @data: the text (need not be NUL-terminated)
 * @max_depth: how deep objects and arrays may nest
 *
 * Returns: (transfer full): the value, or %NULL with @error (MC_JSON_ERROR_INVALID) when @data is not exactly
 * one JSON value
 */
JsonNode *
mc_json_parse (const char  *data,
               gsize        len,
               guint        max_depth,
               GError     **error)
{
  Reader r = { data, data + len, 0, max_depth };
  JsonNode *node = read_value (&r);

  if (node != NULL)
    {
      skip_space (&r);
      if (r.p != r.end)
        g_clear_pointer (&node, json_node_unref);
    }
  if (node == NULL)
    g_set_error (error, MC_JSON_ERROR, MC_JSON_ERROR_INVALID, _("Not valid JSON (at byte %u)"),
                 (guint) (r.p - data));
  return node;
}
