/* test-json.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sync reader's JSON parser against JSON-GLib's: what both accept reads the same; what JSON does not allow
 * is refused. */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "mc-json.h"

static char *
through_json_glib (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  return json_to_string (json_parser_get_root (parser), FALSE);
}

static void
test_valid (void)
{
  const char *cases[] = {
    "{}", "[]", "0", "-0", "12", "-7", "9223372036854775807", "-9223372036854775808", "1.5", "-2.25e3", "1E-2",
    "true", "false", "null", "\"\"", "\"Nguyễn Văn An\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"",
    "\"\\u0041\\u00e9\\u1ec5\\ud83d\\ude00\"", " { \"a\" : [ 1 , 2 , { \"b\" : null } ] } ",
    "{\"uuid\":\"2f1c\",\"payload\":{\"applicant\":{\"name\":\"Đặng Đức Anh\",\"birth_year\":1990},\"sets\":1}}",
    "[[[[[[[[1]]]]]]]]", "{\"a\":1,\"a\":2}", "\"😀 emoji\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = mc_json_parse (cases[i], strlen (cases[i]), 32, &error);
      g_autofree char *ours = NULL;
      g_autofree char *theirs = through_json_glib (cases[i]);

      g_test_message ("%s", cases[i]);
      g_assert_no_error (error);
      g_assert_nonnull (node);
      ours = json_to_string (node, FALSE);
      g_assert_nonnull (theirs);
      g_assert_cmpstr (ours, ==, theirs);
    }
  /* Beyond 64 bits a number is a double (JSON-GLib makes it -1). */
  {
    g_autoptr(JsonNode) big = mc_json_parse ("123456789012345678901234567890", 30, 32, NULL);

    g_assert_cmpint (json_node_get_value_type (big), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat (json_node_get_double (big), >, 1e29);
  }
  /* The types the event checks rely on. */
  {
    g_autoptr(JsonNode) node = mc_json_parse ("{\"n\":42,\"d\":4.5,\"s\":\"x\"}", 24, 32, NULL);
    JsonObject *o = json_node_get_object (node);

    g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "n")), ==, G_TYPE_INT64);
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "d")), ==, G_TYPE_DOUBLE);
    g_assert_cmpint (json_object_get_int_member (o, "n"), ==, 42);
  }
}

static void
test_invalid (void)
{
  const char *cases[] = {
    "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{a:1}", "{'a':1}", "[1 2]", "01", "1.", ".5", "-", "+1", "1e",
    "1e+", "0x10", "NaN", "Infinity", "tru", "nul", "\"abc", "\"a\nb\"", "\"\\x41\"", "\"\\u12\"", "\"\\ud800\"",
    "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\u0000\"", "\"\xc3\x28\"", "\"\xff\"", "{} {}", "[] x", "// c\n{}",
    "/* c */ {}", "{\"a\" 1}", "[,1]", "\"\t\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = mc_json_parse (cases[i], strlen (cases[i]), 32, &error);

      g_test_message ("%s", cases[i]);
      g_assert_null (node);
      g_assert_error (error, MC_JSON_ERROR, MC_JSON_ERROR_INVALID);
    }
}

static void
test_depth_and_length (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(JsonNode) ok = NULL;
  g_autoptr(JsonNode) too_deep = NULL;
  const char with_nul[] = "[1,2]\0garbage";

  for (int i = 0; i < 32; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < 32; i++)
    g_string_append_c (deep, ']');
  ok = mc_json_parse (deep->str, deep->len, 32, NULL);
  g_assert_nonnull (ok);
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  too_deep = mc_json_parse (deep->str, deep->len, 32, NULL);
  g_assert_null (too_deep);
  /* The length is what counts, not a NUL: bytes after the value are refused. */
  g_assert_null (mc_json_parse (with_nul, sizeof with_nul - 1, 32, NULL));
  {
    g_autoptr(JsonNode) prefix = mc_json_parse (with_nul, 5, 32, NULL);
    g_assert_nonnull (prefix);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/valid", test_valid);
  g_test_add_func ("/json/invalid", test_invalid);
  g_test_add_func ("/json/depth-and-length", test_depth_and_length);
  return g_test_run ();
}
