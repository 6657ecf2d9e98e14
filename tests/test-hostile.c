/* test-hostile.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Hostile input, table-driven: every text field of an intake, of the lifecycle steps and of the command line fed
 * oversized text, control characters, invalid UTF-8, direction overrides, emoji, SQL metacharacters and format
 * strings. Nothing may crash; what is accepted must be stored readable (valid UTF-8, no control character) and
 * come back as typed; what is refused must say which field and why. The database stays sound throughout. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mc-store.h"
#include "mc-text.h"
#include "mc-time.h"

typedef enum
{
  ACCEPTED,   /* stored exactly as given */
  REFUSED,    /* refused with a message naming the field */
} Outcome;

typedef struct
{
  const char *label;
  const char *text;   /* NULL: the 100,000-character text */
  Outcome     single_line;
  Outcome     multi_line;
} Payload;

static const Payload payloads[] = {
  { "oversized (100,000 characters)", NULL, REFUSED, REFUSED },
  { "escape sequence", "Nguyễn \033[31mVăn\033[0m", REFUSED, REFUSED },
  { "bell and backspace", "Trần\a\b Thị", REFUSED, REFUSED },
  { "invalid UTF-8", "Nguy\xc3\x28n V\xff\xfen", REFUSED, REFUSED },
  { "overlong UTF-8 slash", "a\xc0\xaf" "b", REFUSED, REFUSED },
  { "right-to-left override", "\u202eNAV NEYUGN", REFUSED, REFUSED },
  { "left-to-right isolate", "Lê \u2066Thu\u2069 Hà", REFUSED, REFUSED },
  { "right-to-left mark and Arabic", "\u200f\u0645\u0631\u062d\u0628\u0627", ACCEPTED, ACCEPTED },
  { "emoji", "Nguyễn Văn An 😀👍🏽", ACCEPTED, ACCEPTED },
  { "SQL metacharacters", "Robert'); DROP TABLE dossier;-- \" OR 1=1 /*", ACCEPTED, ACCEPTED },
  { "format strings", "%s%s%s%n%x %1$s %99999999d", ACCEPTED, ACCEPTED },
  { "JSON and markup", "{\"a\":[1,2]} <b>&amp;</b> \\u0000", ACCEPTED, ACCEPTED },
  { "line break", "Thôn Đông\nxã Tân Lập", REFUSED, ACCEPTED },
};

typedef struct
{
  char    *dir;
  McStore *store;
  char    *huge;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  McStoreSetup setup = { "000.00.12.H40", "UBND xã Tân Lập", NULL, "Tân Lập", 1, "Lê Thu Hà" };

  g_setenv ("MOTCUA_NOW", "2026-11-23T09:00", TRUE);
  fx->dir = g_dir_make_tmp ("motcua-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "motcua.db", NULL);
  fx->store = mc_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (mc_store_setup (fx->store, &setup, &error));
  fx->huge = g_strnfill (100000, 'A');
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fx->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fx->dir, "/motcua.db", suffixes[i], NULL);
      g_unlink (path);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_free (fx->huge);
}

/* Readable: valid UTF-8 and no control character but the line break and tab multi-line text may hold. */
static void
assert_readable (const char *stored)
{
  g_assert_nonnull (stored);
  g_assert_true (g_utf8_validate (stored, -1, NULL));
  for (const char *p = stored; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_assert_true (c == '\n' || c == '\t' || g_unichar_type (c) != G_UNICODE_CONTROL);
    }
}

typedef enum
{
  FIELD_NAME,
  FIELD_ADDRESS,
  FIELD_EMAIL,
  FIELD_NOTES,
  FIELD_PROXY_NAME,
  FIELD_PROXY_ADDRESS,
  N_INTAKE_FIELDS
} IntakeField;

static const char *intake_field_names[] = { "applicant name", "address", "e-mail", "notes", "proxy name",
                                            "proxy address" };

static const char *
proxy_member (McDossier  *d,
              const char *member)
{
  if (d->proxy == NULL || !JSON_NODE_HOLDS_OBJECT (d->proxy))
    return NULL;
  return json_object_get_string_member_with_default (json_node_get_object (d->proxy), member, NULL);
}

static const char *
stored_value (McDossier   *d,
              IntakeField  field)
{
  switch (field)
    {
    case FIELD_NAME: return d->applicant_name;
    case FIELD_ADDRESS: return d->address;
    case FIELD_EMAIL: return d->email;
    case FIELD_NOTES: return d->notes;
    case FIELD_PROXY_NAME: return proxy_member (d, "name");
    case FIELD_PROXY_ADDRESS: return proxy_member (d, "address");
    case N_INTAKE_FIELDS:
    default: return NULL;
    }
}

static void
test_intake_fields (Fixture       *fx,
                    gconstpointer  data)
{
  guint accepted = 0, refused = 0;

  for (guint f = 0; f < N_INTAKE_FIELDS; f++)
    for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
      {
        const Payload *p = &payloads[i];
        const char *text = p->text ? p->text : fx->huge;
        gboolean multiline = f == FIELD_NOTES;
        Outcome expected = multiline ? p->multi_line : p->single_line;
        g_autoptr(GError) error = NULL;
        g_autoptr(McDossier) d = NULL;
        McIntake in = { 0 };

        /* E-mail addresses are checked for their form as well: only hostile text is tried there. */
        if (f == FIELD_EMAIL && expected == ACCEPTED)
          continue;
        in.procedure_code = "1.004873";
        in.applicant_name = f == FIELD_NAME ? text : "Nguyễn Văn An";
        in.address = f == FIELD_ADDRESS ? text : NULL;
        in.email = f == FIELD_EMAIL ? text : NULL;
        in.notes = f == FIELD_NOTES ? text : NULL;
        in.proxy_name = f == FIELD_PROXY_NAME || f == FIELD_PROXY_ADDRESS ? (f == FIELD_PROXY_NAME ? text : "Lê Văn Bảo")
                                                                           : NULL;
        in.proxy_address = f == FIELD_PROXY_ADDRESS ? text : NULL;
        in.received = MC_MINUTE_NONE;
        d = mc_store_intake (fx->store, &in, NULL, &error);

        g_test_message ("%s ← %s: %s", intake_field_names[f], p->label, error ? error->message : "stored");
        if (expected == REFUSED)
          {
            g_assert_null (d);
            g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
            g_assert_true (g_utf8_validate (error->message, -1, NULL));
            g_assert_cmpuint (strlen (error->message), <, 600);
            refused++;
          }
        else
          {
            g_autoptr(McDossier) back = NULL;

            g_assert_no_error (error);
            back = mc_store_get_dossier (fx->store, d->code, &error);
            g_assert_no_error (error);
            /* Names are stored in the name's usual capitals ("ROBERT" → "Robert"); the rest as typed. */
            g_autofree char *expected_text = f == FIELD_NAME || f == FIELD_PROXY_NAME
                                             ? mc_text_normalize_person_name (text, NULL) : g_strdup (text);

            assert_readable (stored_value (back, f));
            g_assert_cmpstr (stored_value (back, f), ==, expected_text);
            accepted++;
          }
      }
  g_assert_cmpuint (accepted, >, 20);
  g_assert_cmpuint (refused, >, 40);
}

/* The identity and phone fields have their own rules: hostile text is refused with them. */
static void
test_identity_fields (Fixture       *fx,
                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    for (guint which = 0; which < 3; which++)
      {
        const char *text = payloads[i].text ? payloads[i].text : fx->huge;
        g_autoptr(GError) error = NULL;
        g_autoptr(McDossier) d = NULL;
        McIntake in = { 0 };

        in.procedure_code = "1.004873";
        in.applicant_name = "Nguyễn Văn An";
        in.id_number = which == 0 ? text : NULL;
        in.phone = which == 1 ? text : NULL;
        in.proxy_name = which == 2 ? "Lê Văn Bảo" : NULL;
        in.proxy_id_number = which == 2 ? text : NULL;
        in.received = MC_MINUTE_NONE;
        d = mc_store_intake (fx->store, &in, NULL, &error);
        g_assert_null (d);
        g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
      }
}

/* Reasons and corrections after intake. */
static void
test_lifecycle_fields (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) d = NULL;
  McIntake in = { 0 };

  in.procedure_code = "1.004873";
  in.applicant_name = "Nguyễn Văn An";
  in.received = MC_MINUTE_NONE;
  d = mc_store_intake (fx->store, &in, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      const Payload *p = &payloads[i];
      const char *text = p->text ? p->text : fx->huge;
      g_autoptr(JsonNode) correction = NULL;
      g_autoptr(McDossier) after = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, "address");
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);
      correction = json_builder_get_root (builder);

      after = mc_store_record (fx->store, d->code, MC_EVENT_EDITED, correction, NULL, &error);
      g_test_message ("correction ← %s: %s", p->label, error ? error->message : "stored");
      if (p->single_line == REFUSED)
        {
          g_assert_null (after);
          g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          assert_readable (after->address);
          g_assert_cmpstr (after->address, ==, text);
        }
    }
  g_assert_true (mc_store_check (fx->store, NULL, &error));
  g_assert_no_error (error);
}

/* Search: whatever is typed, the query answers (possibly nothing) and never fails on SQL or FTS syntax. */
static void
test_search_text (Fixture       *fx,
                  gconstpointer  data)
{
  const char *queries[] = { "\"", "'", "*", "(", ")", "NEAR(", "a OR b", "AND", "-", "^", ":", "%", "_", "\\",
                            "robert'); drop table dossier;--", "\u202e", "😀", "nguyen\"", "\"\"\"", "a*b*c*",
                            "col:val", "{}" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      McQuery query;

      mc_query_init (&query);
      query.text = queries[i];
      rows = mc_store_query (fx->store, &query, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      g_assert_cmpint (mc_store_count (fx->store, &query, &error), >=, 0);
      g_assert_no_error (error);
    }
}

/* The command line: the same texts as arguments (the shell cannot pass a NUL byte). */
static void
test_cli_arguments (Fixture       *fx,
                    gconstpointer  data)
{
  const char *cli = g_getenv ("MOTCUA_CLI");
  g_autofree char *db = g_build_filename (fx->dir, "motcua.db", NULL);

  g_assert_nonnull (cli);
  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      const Payload *p = &payloads[i];
      const char *text = p->text ? p->text : fx->huge;
      const char *commands[][12] = {
        { cli, "--db", db, "intake", "--procedure", "1.004873", "--name", text, NULL },
        { cli, "--db", db, "intake", "--procedure", "1.004873", "--name", "Lê Văn Cường", "--address", text, NULL },
        { cli, "--db", db, "intake", "--procedure", text, "--name", "Lê Văn Cường", NULL },
        { cli, "--db", db, "search", text, NULL },
        { cli, "--db", db, "show", text, NULL },
        { cli, "--db", db, "due", "--received", text, "--days", "3", NULL },
        { cli, "--db", db, "holidays", text, NULL },
        { cli, "--db", db, "stats", "--from", text, "--to", "2026-12-31", NULL },
      };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_autoptr(GError) error = NULL;
          int status = 0;

          g_assert_true (g_spawn_sync (NULL, (char **) commands[c], NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                       &status, &error));
          g_assert_no_error (error);
          /* Exit 0, 1 (refused with a message) or 2 (usage): never a crash. */
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), <=, 2);
          if (WEXITSTATUS (status) != 0)
            {
              g_assert_true (g_str_has_prefix (err, "motcua-cli: ") || strstr (err, "Usage") != NULL);
              g_assert_true (g_utf8_validate (err, -1, NULL));
            }
          g_assert_true (g_utf8_validate (out, -1, NULL));
        }
    }
  {
    g_autoptr(GError) error = NULL;
    g_clear_object (&fx->store);
    fx->store = mc_store_open (db, FALSE, &error);
    g_assert_no_error (error);
    g_assert_true (mc_store_check (fx->store, NULL, &error));
    g_assert_no_error (error);
  }
}

/* mc_text_clean with an explicit length: a NUL byte inside a field is refused. */
static void
test_nul_bytes (void)
{
  const char text[] = "Nguyễn\0Văn";
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = mc_text_clean (text, sizeof text - 1, 200, FALSE, &error);

  g_assert_null (clean);
  g_assert_error (error, MC_TEXT_ERROR, MC_TEXT_ERROR_CONTROL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hostile/intake-fields", Fixture, NULL, fixture_set_up, test_intake_fields, fixture_tear_down);
  g_test_add ("/hostile/identity-fields", Fixture, NULL, fixture_set_up, test_identity_fields, fixture_tear_down);
  g_test_add ("/hostile/lifecycle-fields", Fixture, NULL, fixture_set_up, test_lifecycle_fields, fixture_tear_down);
  g_test_add ("/hostile/search", Fixture, NULL, fixture_set_up, test_search_text, fixture_tear_down);
  g_test_add ("/hostile/cli-arguments", Fixture, NULL, fixture_set_up, test_cli_arguments, fixture_tear_down);
  g_test_add_func ("/hostile/nul-bytes", test_nul_bytes);

  return g_test_run ();
}
