/* test-sync.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "test-util.h"
#include "mc-accounts.h"
#include "mc-bundle.h"
#include "mc-store.h"
#include "mc-time.h"
#include "test-util.h"

/* Sync through bundle files between real SQLite databases: three stations of one office working offline,
 * every kind of bad bundle, incremental export, the import in a worker thread, and an aggregating database above
 * two offices. */

#define OFFICE_CODE  "000.00.12.H40"
#define OTHER_CODE   "000.00.12.H41"
#define TOP_CODE     "000.00.12.H00"
#define PASSPHRASE   "Tân Lập một cửa 2026"
#define FIXED_NOW    "2026-11-26T10:00"
#define START        "2026-11-23T08:00"   /* "now" when each test begins */

typedef TestFolder Fixture;

/*
 * Helpers
 */

static void
set_now (const char *now)
{
  g_setenv ("MOTCUA_NOW", now, TRUE);
}

static McMinute
t (const char *text)
{
  McMinute minute = MC_MINUTE_NONE;

  g_assert_true (mc_time_parse (text, &minute, NULL));
  return minute;
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static McStore *
open_db (Fixture    *fixture,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (fixture, name);
  McStore *store = mc_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static McStore *
open_station_full (Fixture    *fixture,
                   const char *name,
                   const char *office,
                   int         station,
                   const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  McStore *store = open_db (fixture, name);
  McStoreSetup setup = { 0 };

  setup.office_code = office;
  setup.office_name = "UBND xã Tân Lập";
  setup.station = station;
  setup.clerk = "Lê Thu Hà";
  g_assert_true (mc_store_setup (store, &setup, &error));
  g_assert_no_error (error);
  if (passphrase != NULL)
    {
      g_assert_true (mc_bundle_set_passphrase (store, passphrase, &error));
      g_assert_no_error (error);
      g_assert_true (mc_bundle_has_key (store));
    }
  return store;
}

static McStore *
open_station (Fixture    *fixture,
              const char *name,
              int         station)
{
  return open_station_full (fixture, name, OFFICE_CODE, station, PASSPHRASE);
}

static char *
intake (McStore    *store,
        const char *procedure,
        const char *name,
        const char *received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  McIntake in = { 0 };

  in.procedure_code = procedure;
  in.applicant_name = name;
  in.received = t (received);
  dossier = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return g_strdup (dossier->code);
}

static void
record (McStore    *store,
        const char *code,
        const char *kind,
        JsonNode   *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) owned = payload;
  g_autoptr(McDossier) dossier = mc_store_record (store, code, kind, owned, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
}

static char *
export_to (Fixture    *fixture,
           McStore    *store,
           const char *name,
           gboolean    full,
           guint      *out_n)
{
  g_autoptr(GError) error = NULL;
  char *path = path_in (fixture, name);
  guint n = G_MAXUINT;

  g_assert_true (mc_bundle_export (store, path, full ? MC_BUNDLE_EXPORT_FULL : 0, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, !=, G_MAXUINT);
  if (out_n)
    *out_n = n;
  return path;
}

static McImportPreview *
import_ok (McStore    *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McImportPreview) dry = mc_bundle_read_preview (store, path, &error);
  McImportPreview *done = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dry);
  g_assert_true (mc_bundle_import (store, path, &done, &error));
  g_assert_no_error (error);
  g_assert_nonnull (done);
  /* The preview told the truth. */
  g_assert_cmpuint (dry->n_events, ==, done->n_events);
  g_assert_cmpuint (dry->n_new, ==, done->n_new);
  g_assert_cmpuint (dry->n_known, ==, done->n_known);
  g_assert_cmpuint (dry->n_new + dry->n_known + dry->n_skipped, ==, dry->n_events);
  return done;
}

static GPtrArray *
all_events (McStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = mc_store_list_events (store, 0, 0, &error);

  g_assert_no_error (error);
  return events;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
join_sorted (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
dump_uuids (McStore *store)
{
  g_autoptr(GPtrArray) events = all_events (store);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (lines, g_strdup (((McEvent *) g_ptr_array_index (events, i))->uuid));
  return join_sorted (lines);
}

static GPtrArray *
all_rows (McStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  McQuery query;

  mc_query_init (&query);
  query.now = t (FIXED_NOW);
  query.sort = MC_SORT_RECEIVED_DESC;
  query.limit = 100000;
  rows = mc_store_query (store, &query, &error);
  g_assert_no_error (error);
  return rows;
}

/* mc_dossier_to_json of every dossier, folded afresh, at a fixed "now". */
static char *
dump_dossiers (McStore *store)
{
  g_autoptr(GPtrArray) rows = all_rows (store);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      McDossier *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(McDossier) full = mc_store_get_dossier (store, row->uuid, &error);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      McQuery by_name;

      g_assert_no_error (error);
      /* Imported dossiers are found by the search index as well as listed. */
      mc_query_init (&by_name);
      by_name.text = full->applicant_name;
      g_assert_cmpint (mc_store_count (store, &by_name, &error), >=, 1);
      g_assert_no_error (error);
      mc_dossier_to_json (full, builder, mc_store_get_calendar (store), t (FIXED_NOW), TRUE);
      root = json_builder_get_root (builder);
      json = json_to_string (root, FALSE);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s n=%u", full->uuid, json, full->n_events));
    }
  return join_sorted (lines);
}

static void
assert_converged (McStore *a,
                  McStore *b)
{
  g_autofree char *ua = dump_uuids (a);
  g_autofree char *ub = dump_uuids (b);
  g_autofree char *da = dump_dossiers (a);
  g_autofree char *db = dump_dossiers (b);

  g_assert_cmpstr (ua, ==, ub);
  g_assert_cmpstr (da, ==, db);
}

/* The database's bytes, with the store closed so that the WAL is folded in. Reopens it in *store. */
static GBytes *
db_bytes (McStore **store)
{
  g_autofree char *path = g_strdup (mc_store_get_path (*store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_clear_object (store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  *store = mc_store_open (path, FALSE, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* Import must fail with @code and leave the database byte-for-byte as it was. */
static void
assert_refused (McStore    **store,
                const char  *path,
                int          code)
{
  g_autoptr(GBytes) before = db_bytes (store);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McImportPreview) preview = NULL;

  preview = mc_bundle_read_preview (*store, path, &error);
  g_assert_error (error, MC_BUNDLE_ERROR, code);
  g_assert_null (preview);
  g_assert_nonnull (error->message);
  g_clear_error (&error);
  g_assert_false (mc_bundle_import (*store, path, &preview, &error));
  g_assert_error (error, MC_BUNDLE_ERROR, code);
  g_assert_null (preview);
  after = db_bytes (store);
  g_assert_true (g_bytes_equal (before, after));
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static char *
write_variant (Fixture      *fixture,
               const char   *name,
               const guint8 *data,
               gsize         len)
{
  g_autoptr(GError) error = NULL;
  char *path = path_in (fixture, name);

  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) len, &error));
  g_assert_no_error (error);
  return path;
}

/* A bundle sealed with @store's key around @lines (JSON lines), per docs/sync-format.md: what a hostile or
 * buggy writer holding the key could make. */
static char *
craft_bundle (Fixture    *fixture,
              McStore    *store,
              const char *name,
              const char *header_json,
              const char *lines)
{
  g_autofree char *hex = mc_store_get_local (store, "sync_key");
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6));
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[32], hash[32], prefix[18], sh[24], small[16];
  g_autofree guint8 *plain = g_malloc0 (65536);
  g_autofree guint8 *cipher = g_malloc (65536 + 17);
  gsize in_read = 0, written = 0, head_len, hl = strlen (header_json);
  unsigned long long clen = 0;

  g_assert_nonnull (hex);
  g_assert_cmpint (sodium_hex2bin (key, sizeof key, hex, strlen (hex), NULL, NULL, NULL), ==, 0);
  memcpy (prefix, "\x89MCB\r\n\x1a\n", 8);
  prefix[8] = 0;
  prefix[9] = 1;
  prefix[10] = (hl >> 24) & 0xff;
  prefix[11] = (hl >> 16) & 0xff;
  prefix[12] = (hl >> 8) & 0xff;
  prefix[13] = hl & 0xff;
  crypto_generichash (small, sizeof small, prefix, 14, NULL, 0);
  memcpy (prefix + 14, small, 4);
  g_byte_array_append (file, prefix, sizeof prefix);
  g_byte_array_append (file, (const guint8 *) header_json, (guint) hl);
  crypto_generichash (hash, sizeof hash, file->data, file->len, NULL, 0);
  g_byte_array_append (file, hash, sizeof hash);
  head_len = file->len;

  g_assert_cmpint (g_converter_convert (zlib, lines, strlen (lines), plain + 4, 65532, G_CONVERTER_INPUT_AT_END,
                                        &in_read, &written, NULL), ==, G_CONVERTER_FINISHED);
  plain[0] = (written >> 24) & 0xff;
  plain[1] = (written >> 16) & 0xff;
  plain[2] = (written >> 8) & 0xff;
  plain[3] = written & 0xff;
  crypto_secretstream_xchacha20poly1305_init_push (&state, sh, key);
  g_byte_array_append (file, sh, sizeof sh);
  crypto_secretstream_xchacha20poly1305_push (&state, cipher, &clen, plain, 65536, file->data, head_len,
                                              crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  g_byte_array_append (file, cipher, (guint) clen);
  return write_variant (fixture, name, file->data, file->len);
}

/*
 * Three stations of one office, working offline, exchanging bundles
 */

static void
test_three_stations (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(McStore) a = NULL;
  g_autoptr(McStore) b = NULL;
  g_autoptr(McStore) c = NULL;
  g_autofree char *a1 = NULL, *a2 = NULL, *a3 = NULL, *b1 = NULL, *b2 = NULL, *c1 = NULL, *c2 = NULL;
  g_autofree char *pa1 = NULL, *pb1 = NULL, *pc1 = NULL, *pa2 = NULL, *pb2 = NULL, *pc2 = NULL;
  g_autofree char *pa3 = NULL, *pb3 = NULL, *pc3 = NULL, *pc_full = NULL;
  guint n_a1, n_b1, n_c1, n_a2, n_b2, n_c2, n;
  guint total;

  set_now ("2026-11-23T08:00");
  a = open_station (fixture, "a.db", 1);
  b = open_station (fixture, "b.db", 2);
  c = open_station (fixture, "c.db", 3);

  /* Day 1, offline */
  set_now ("2026-11-23T12:00");
  a1 = intake (a, "1.004873", "Đặng Đức Anh", "2026-11-23T09:10");
  a2 = intake (a, "1.004884", "Trần Thị Bình", "2026-11-23T09:30");
  a3 = intake (a, "1.001193", "Lý Văn Cường", "2026-11-23T10:00");
  b1 = intake (b, "1.004873", "Phan Thị Dung", "2026-11-23T09:15");
  b2 = intake (b, "2.000815", "Hoàng Văn Em", "2026-11-23T09:40");
  c1 = intake (c, "1.004222", "Vũ Thị Phương", "2026-11-23T11:00");
  set_now ("2026-11-23T16:30");
  record (a, a2, MC_EVENT_SUPPLEMENT_REQUESTED, payload_new ("reason", "Thiếu bản sao", "at", "2026-11-23T14:00", NULL));
  record (b, b2, MC_EVENT_RESULT_READY, payload_new ("at", "2026-11-23T15:00", NULL));

  pa1 = export_to (fixture, a, "a1.motcua", FALSE, &n_a1);
  pb1 = export_to (fixture, b, "b1.motcua", FALSE, &n_b1);
  pc1 = export_to (fixture, c, "c1.motcua", FALSE, &n_c1);
  g_assert_cmpuint (n_a1, >, 4);

  /* Evening: A and B swap bundles; C gets nothing yet. */
  {
    g_autoptr(McImportPreview) p1 = import_ok (b, pa1);
    g_autoptr(McImportPreview) p2 = import_ok (a, pb1);

    g_assert_cmpuint (p1->n_new, ==, n_a1);
    g_assert_cmpuint (p1->n_known, ==, 0);
    g_assert_cmpuint (p1->n_dossiers, ==, 3);
    g_assert_cmpint (p1->source_station, ==, 1);
    g_assert_cmpstr (p1->office_code, ==, OFFICE_CODE);
    g_assert_cmpuint (p1->gaps->len, ==, 0);
    g_assert_cmpuint (p1->n_conflicts, ==, 0);
    g_assert_cmpuint (p2->n_new, ==, n_b1);
  }
  assert_converged (a, b);

  /* Days 2-3, offline, with concurrent changes of the same dossiers. */
  set_now ("2026-11-25T11:30");
  record (a, a1, MC_EVENT_RETURNED, payload_new ("at", "2026-11-25T10:00", "receiver", "Đặng Đức Anh", NULL));
  record (b, a1, MC_EVENT_APOLOGY_ISSUED,
          payload_new ("reason", "Chờ xác minh", "new_due", "2026-12-03T17:00", "at", "2026-11-25T11:00", NULL));
  record (a, a3, MC_EVENT_EDITED, payload_new ("field", "phone", "value", "0987654321", "reason", "Gõ nhầm", NULL));
  record (b, a3, MC_EVENT_EDITED,
          payload_new ("field", "phone", "value", "0977000111", "reason", "Người dân báo số mới", NULL));
  record (b, b1, MC_EVENT_RESULT_READY, payload_new ("at", "2026-11-26T16:00", NULL));
  record (a, b1, MC_EVENT_EDITED, payload_new ("field", "address", "value", "Thôn Đoài", "reason", "Bổ sung", NULL));
  record (c, c1, MC_EVENT_SUPPLEMENT_REQUESTED,
          payload_new ("reason", "Thiếu giấy xác nhận", "at", "2026-11-24T09:00", NULL));
  c2 = intake (c, "1.004194", "Ngô Thị Lan", "2026-11-24T10:00");

  set_now ("2026-11-26T09:00");
  pa2 = export_to (fixture, a, "a2.motcua", FALSE, &n_a2);
  pb2 = export_to (fixture, b, "b2.motcua", FALSE, &n_b2);
  pc2 = export_to (fixture, c, "c2.motcua", FALSE, &n_c2);
  /* Incremental: what this station holds and has not exported yet: its own 3 changes, and what it imported
   * since (forwarded, so that bundles can travel through any station). */
  g_assert_cmpuint (n_a2, ==, n_b1 + 3);
  g_assert_cmpuint (n_b2, ==, n_a1 + 3);

  /* B takes A's second bundle: the concurrent return/apology and the two phone corrections are conflicts. */
  {
    g_autoptr(McImportPreview) p = import_ok (b, pa2);

    g_assert_cmpuint (p->n_new, ==, 3);
    g_assert_cmpuint (p->n_known, ==, n_b1);
    g_assert_cmpuint (p->n_dossiers, ==, 3);
    g_assert_cmpuint (p->n_conflicts, ==, 2);
    g_assert_true (strstr (g_ptr_array_index (p->conflicts, 0), a1) != NULL);
    g_assert_true (strstr (g_ptr_array_index (p->conflicts, 1), a3) != NULL);
    g_assert_true (strstr (g_ptr_array_index (p->conflicts, 1), "phone") != NULL);
  }

  /* C gets B's newer bundle first: a gap in B's events, which B's older bundle then fills. */
  {
    g_autoptr(McImportPreview) p = import_ok (c, pb2);

    g_assert_cmpuint (p->n_new, ==, n_b2);
    g_assert_cmpuint (p->gaps->len, ==, 1);
    g_assert_true (strstr (g_ptr_array_index (p->gaps, 0), "Station 02") != NULL);
  }
  {
    g_autoptr(McImportPreview) p = import_ok (c, pb1);

    g_assert_cmpuint (p->n_new, ==, n_b1);
    g_assert_cmpuint (p->gaps->len, ==, 0);
  }
  {
    g_autoptr(McImportPreview) p = import_ok (c, pa2);

    g_assert_cmpuint (p->n_new, ==, 3);
    g_assert_cmpuint (p->gaps->len, ==, 0);
  }
  {
    g_autoptr(McImportPreview) p = import_ok (c, pa1);   /* came along with B's second bundle */

    g_assert_cmpuint (p->n_new, ==, 0);
    g_assert_cmpuint (p->n_known, ==, n_a1);
  }

  /* C forwards everything in one full bundle; A and B import it, and their remaining bundles, in other orders. */
  pc_full = export_to (fixture, c, "c-full.motcua", TRUE, &n);
  g_assert_cmpuint (n, ==, n_a1 + 3 + n_b1 + 3 + n_c1 + n_c2);
  {
    g_autoptr(McImportPreview) p = import_ok (a, pc_full);

    g_assert_cmpuint (p->n_known, ==, n_a1 + 3 + n_b1);
    g_assert_cmpuint (p->n_new, ==, 3 + n_c1 + n_c2);
  }
  {
    g_autoptr(McImportPreview) p1 = import_ok (b, pc2);
    g_autoptr(McImportPreview) p2 = import_ok (b, pc1);

    g_assert_cmpuint (p1->n_new, ==, n_c2);
    g_assert_cmpuint (p1->gaps->len, ==, 1);
    g_assert_cmpuint (p2->n_new, ==, n_c1);
  }
  pa3 = export_to (fixture, a, "a3.motcua", FALSE, &n);
  pb3 = export_to (fixture, b, "b3.motcua", FALSE, &n);
  pc3 = export_to (fixture, c, "c3.motcua", FALSE, &n);
  mc_import_preview_free (import_ok (a, pb3));
  mc_import_preview_free (import_ok (b, pa3));
  mc_import_preview_free (import_ok (c, pa3));
  mc_import_preview_free (import_ok (c, pb3));
  mc_import_preview_free (import_ok (a, pc3));
  mc_import_preview_free (import_ok (b, pc3));

  assert_converged (a, b);
  assert_converged (b, c);
  assert_converged (a, c);

  /* No event lost: every station holds every bundle's events. */
  {
    g_autoptr(GPtrArray) events = all_events (a);

    total = events->len;
    g_assert_cmpuint (total, ==, n_a1 + 3 + n_b1 + 3 + n_c1 + n_c2);
  }
  {
    g_autoptr(GPtrArray) rows = all_rows (c);

    g_assert_cmpuint (rows->len, ==, 7);
  }
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (c, a1, NULL);

    g_assert_cmpint (d->status, ==, MC_STATUS_RETURNED);
    g_assert_true (d->has_apology);
  }

  /* Re-importing a known bundle: all known, nothing changes, byte for byte. */
  {
    g_autoptr(GBytes) before = db_bytes (&a);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(McImportPreview) p = import_ok (a, pc_full);

    g_assert_cmpuint (p->n_new, ==, 0);
    g_assert_cmpuint (p->n_known, ==, p->n_events);
    g_assert_cmpuint (p->n_dossiers, ==, 0);
    g_assert_cmpuint (p->n_conflicts, ==, 0);
    after = db_bytes (&a);
    g_assert_true (g_bytes_equal (before, after));
  }
}

/*
 * Bad bundles
 */

static void
flip_and_check (Fixture      *fixture,
                McStore     **store,
                GBytes       *good,
                gsize         pos)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (good, &len);
  g_autofree guint8 *copy = g_memdup2 (data, len);
  g_autofree char *path = NULL;
  int expected = MC_BUNDLE_ERROR_CORRUPT;

  copy[pos] ^= 0x01;
  if (pos < 8)
    expected = MC_BUNDLE_ERROR_NOT_A_BUNDLE;
  path = write_variant (fixture, "flipped.motcua", copy, len);
  assert_refused (store, path, expected);
}

static void
test_bad_bundles (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(McStore) a = NULL;
  g_autoptr(McStore) b = NULL;
  g_autoptr(McStore) wrong = NULL;
  g_autoptr(McStore) other = NULL;
  g_autoptr(McStore) twin = NULL;
  g_autoptr(McStore) nokey = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autofree char *pa = NULL, *pwrong = NULL, *pother = NULL, *ptwin = NULL;
  g_autofree char *code = NULL, *twin_code = NULL;
  gsize len;
  const guint8 *bytes;

  a = open_station (fixture, "a.db", 1);
  b = open_station (fixture, "b.db", 2);
  wrong = open_station_full (fixture, "wrong.db", OFFICE_CODE, 3, "another passphrase");
  other = open_station_full (fixture, "other.db", OTHER_CODE, 1, PASSPHRASE);
  twin = open_station (fixture, "twin.db", 2);   /* a second workstation also numbered 02 */
  nokey = open_station_full (fixture, "nokey.db", OFFICE_CODE, 4, NULL);

  set_now ("2026-11-23T12:00");
  code = intake (a, "1.004873", "Đặng Đức Anh", "2026-11-23T09:10");
  g_free (intake (b, "1.004873", "Phan Thị Dung", "2026-11-23T09:15"));
  g_free (intake (wrong, "1.004873", "Vũ Thị Phương", "2026-11-23T09:20"));
  g_free (intake (other, "1.004873", "Ngô Thị Lan", "2026-11-23T09:25"));
  twin_code = intake (twin, "1.004873", "Hoàng Văn Em", "2026-11-23T09:30");
  g_assert_true (g_str_has_suffix (twin_code, "-020001"));

  pa = export_to (fixture, a, "a.motcua", FALSE, NULL);
  pwrong = export_to (fixture, wrong, "wrong.motcua", FALSE, NULL);
  pother = export_to (fixture, other, "other.motcua", FALSE, NULL);
  ptwin = export_to (fixture, twin, "twin.motcua", FALSE, NULL);

  /* Sanity: the good bundle imports into a copy elsewhere; here B stays untouched through all that follows. */
  assert_refused (&b, pwrong, MC_BUNDLE_ERROR_WRONG_PASSPHRASE);
  assert_refused (&b, pother, MC_BUNDLE_ERROR_OTHER_OFFICE);
  assert_refused (&b, ptwin, MC_BUNDLE_ERROR_DUPLICATE_STATION);
  assert_refused (&nokey, pa, MC_BUNDLE_ERROR_NO_KEY);

  {
    g_autofree char *missing = path_in (fixture, "no-such.motcua");

    assert_refused (&b, missing, MC_BUNDLE_ERROR_IO);
  }

  good = read_file (pa);
  bytes = g_bytes_get_data (good, &len);

  /* Truncated at several lengths, header included. */
  {
    gsize cuts[] = { 3, 8, 17, 18, 30, 100, len - 100 - 65553, len - 65553, len - 65553 + 20, len - 17, len - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autofree char *path = NULL;

        if (cuts[i] >= len || cuts[i] == 0)
          continue;
        path = write_variant (fixture, "cut.motcua", bytes, cuts[i]);
        assert_refused (&b, path, MC_BUNDLE_ERROR_TRUNCATED);
      }
  }

  /* One altered bit anywhere: magic, version, header length and check, header, hash, stream, chunks. */
  {
    gsize positions[] = { 0, 7, 8, 9, 10, 13, 14, 17, 18, 25, 60, 120, 200, len / 3, len / 2, len - 17, len - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      flip_and_check (fixture, &b, good, positions[i]);
  }

  /* Bytes appended after the end. */
  {
    g_autoptr(GByteArray) longer = g_byte_array_new ();
    g_autofree char *path = NULL;

    g_byte_array_append (longer, bytes, (guint) len);
    g_byte_array_append (longer, (const guint8 *) "extra", 5);
    path = write_variant (fixture, "longer.motcua", longer->data, longer->len);
    assert_refused (&b, path, MC_BUNDLE_ERROR_CORRUPT);
  }

  /* A header claiming format 99, with a consistent prefix check. */
  {
    g_autofree guint8 *copy = g_memdup2 (bytes, len);
    g_autofree char *path = NULL;
    guint8 hash[16];

    copy[8] = 0;
    copy[9] = 99;
    crypto_generichash (hash, sizeof hash, copy, 14, NULL, 0);
    memcpy (copy + 14, hash, 4);
    path = write_variant (fixture, "v99.motcua", copy, len);
    assert_refused (&b, path, MC_BUNDLE_ERROR_NEWER_VERSION);
  }

  /* Not a bundle at all, and an empty file. */
  {
    static const char zip[] = "PK\x03\x04 this is a zip file, not ours";
    g_autofree char *garbage = write_variant (fixture, "garbage.motcua", (const guint8 *) zip, sizeof zip - 1);
    g_autofree char *empty = write_variant (fixture, "empty.motcua", (const guint8 *) "", 0);

    assert_refused (&b, garbage, MC_BUNDLE_ERROR_NOT_A_BUNDLE);
    assert_refused (&b, empty, MC_BUNDLE_ERROR_EMPTY);
    assert_refused (&b, fixture->dir, MC_BUNDLE_ERROR_NOT_A_BUNDLE);
  }

  /* Authentic bundles (sealed with the office key) holding events this version must not accept. */
  {
    g_autoptr(GPtrArray) events = all_events (a);
    McEvent *office_set = NULL;
    g_autoptr(GString) header = g_string_new (NULL);
    g_autoptr(GString) line = g_string_new (NULL);
    g_autofree char *path = NULL;
    g_autofree char *hex = mc_store_get_local (b, "sync_key");
    g_autofree char *payload = NULL;
    guint8 key[32], id[16];
    char id_hex[33];

    for (guint i = 0; i < events->len && office_set == NULL; i++)
      if (g_str_equal (((McEvent *) g_ptr_array_index (events, i))->kind, MC_EVENT_OFFICE_SET))
        office_set = g_ptr_array_index (events, i);
    g_assert_nonnull (office_set);
    g_assert_cmpint (sodium_hex2bin (key, sizeof key, hex, strlen (hex), NULL, NULL, NULL), ==, 0);
    crypto_generichash (id, sizeof id, (const guint8 *) "motcua bundle key id", 20, key, sizeof key);
    sodium_bin2hex (id_hex, sizeof id_hex, id, sizeof id);

    /* An office_set event moving the office to another code. */
    g_string_printf (line, "{\"uuid\":\"%s\",\"dossier_uuid\":null,\"station_id\":\"%s\",\"station_seq\":999,"
                     "\"lamport\":999,\"occurred_at\":\"2026-11-23T12:00:00+07:00\",\"clerk\":\"x\","
                     "\"kind\":\"office_set\",\"payload\":{\"office_code\":\"" OTHER_CODE "\"}}\n",
                     "0b0e6c1e-3c1a-4b8e-9a55-9f3f8f6b2a11", office_set->station_id);
    g_string_printf (header, "{\"office\":\"" OFFICE_CODE "\",\"station\":1,\"station_id\":\"%s\","
                     "\"created\":\"2026-11-23T12:00:00+07:00\",\"full\":false,\"events\":1,"
                     "\"ranges\":[{\"station_id\":\"%s\",\"first\":999,\"last\":999,\"count\":1}],\"known\":{},"
                     "\"compression\":\"zlib\",\"chunk_size\":65536,\"key_id\":\"%s\",\"kdf\":\"\"}",
                     office_set->station_id, office_set->station_id, id_hex);
    path = craft_bundle (fixture, b, "office.motcua", header->str, line->str);
    assert_refused (&b, path, MC_BUNDLE_ERROR_INVALID_EVENT);

    /* An unknown kind of event. */
    g_clear_pointer (&path, g_free);
    g_string_replace (line, "\"kind\":\"office_set\"", "\"kind\":\"teleported\"", 1);
    path = craft_bundle (fixture, b, "kind.motcua", header->str, line->str);
    assert_refused (&b, path, MC_BUNDLE_ERROR_INVALID_EVENT);

    /* The header claiming other ranges than the events hold. */
    g_clear_pointer (&path, g_free);
    g_string_replace (line, "\"kind\":\"teleported\"", "\"kind\":\"office_set\"", 1);
    g_string_replace (line, OTHER_CODE, OFFICE_CODE, 1);
    g_string_replace (header, "\"first\":999", "\"first\":998", 1);
    path = craft_bundle (fixture, b, "ranges.motcua", header->str, line->str);
    assert_refused (&b, path, MC_BUNDLE_ERROR_CORRUPT);

    /* And the well-formed one is accepted: the crafting follows the documented format. */
    g_clear_pointer (&path, g_free);
    g_string_replace (header, "\"first\":998", "\"first\":999", 1);
    path = craft_bundle (fixture, b, "fine.motcua", header->str, line->str);
    mc_import_preview_free (import_ok (b, path));
    sodium_memzero (key, sizeof key);
  }

  /* After all that, the good bundle imports. */
  {
    g_autoptr(McImportPreview) p = import_ok (b, pa);
    g_autoptr(McDossier) d = mc_store_get_dossier (b, code, NULL);

    g_assert_cmpuint (p->n_new, >, 0);
    g_assert_nonnull (d);
  }
}

/*
 * Export: incremental, private, atomic
 */

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(McStore) a = NULL;
  g_autoptr(McStore) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *third = NULL, *bookmark = NULL, *bookmark2 = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GStatBuf st;
  guint n = 0, n_all = 0;

  a = open_station (fixture, "a.db", 1);
  b = open_station (fixture, "b.db", 2);

  g_assert_false (mc_bundle_set_passphrase (a, "short", &error));
  g_assert_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);

  set_now ("2026-11-23T12:00");
  g_free (intake (a, "1.004873", "Đặng Đức Anh", "2026-11-23T09:10"));
  first = export_to (fixture, a, "first.motcua", FALSE, &n_all);
  g_assert_cmpuint (n_all, >, 1);
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *tmp = g_strconcat (first, ".tmp", NULL);

    g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *at = mc_store_get_local (a, "last_export_at");

    g_assert_cmpstr (at, ==, "2026-11-23T12:00:00+07:00");
  }

  /* Nothing new: a valid bundle with no events. */
  second = export_to (fixture, a, "second.motcua", FALSE, &n);
  g_assert_cmpuint (n, ==, 0);
  {
    g_autoptr(McImportPreview) p = import_ok (b, second);

    g_assert_cmpuint (p->n_events, ==, 0);
    g_assert_cmpuint (p->n_new, ==, 0);
  }

  /* One intake: exactly its events. */
  g_free (intake (a, "1.004884", "Trần Thị Bình", "2026-11-23T09:30"));
  bookmark = mc_store_get_local (a, "last_export_event_id");

  /* A failed export leaves the previous file and the bookmark as they were. */
  before = read_file (first);
  bad = g_build_filename (fixture->dir, "no-such-dir", "first.motcua", NULL);
  g_assert_false (mc_bundle_export (a, bad, MC_BUNDLE_EXPORT_INCREMENTAL, NULL, NULL, &n, NULL, &error));
  g_assert_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO);
  g_clear_error (&error);
  bookmark2 = mc_store_get_local (a, "last_export_event_id");
  g_assert_cmpstr (bookmark, ==, bookmark2);
  after = read_file (first);
  g_assert_true (g_bytes_equal (before, after));

  third = export_to (fixture, a, "third.motcua", FALSE, &n);
  g_assert_cmpuint (n, ==, 1);
  {
    g_autoptr(McImportPreview) p1 = import_ok (b, first);
    g_autoptr(McImportPreview) p2 = import_ok (b, third);

    g_assert_cmpuint (p1->n_new, ==, n_all);
    g_assert_cmpuint (p2->n_new, ==, 1);
    g_assert_cmpuint (p2->n_dossiers, ==, 1);
  }

  /* Overwriting an older export in place keeps mode 0600. */
  g_assert_cmpint (g_chmod (first, 0644), ==, 0);
  g_free (export_to (fixture, a, "first.motcua", TRUE, &n));
  g_assert_cmpuint (n, ==, n_all + 1);
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A station without a key cannot export. */
  {
    g_autoptr(McStore) c = open_station_full (fixture, "c.db", OFFICE_CODE, 3, NULL);
    g_autofree char *path = path_in (fixture, "c.motcua");

    g_assert_false (mc_bundle_has_key (c));
    g_assert_false (mc_bundle_export (c, path, MC_BUNDLE_EXPORT_INCREMENTAL, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NO_KEY);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/*
 * The import in a worker thread
 */

typedef struct
{
  GMainLoop       *loop;
  GWeakRef         task;
  gboolean         ok;
  McImportPreview *preview;
  GError          *error;
} AsyncImport;

static void
async_import_clear (AsyncImport *done)
{
  g_clear_pointer (&done->preview, mc_import_preview_free);
  g_clear_error (&done->error);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncImport *done = user_data;

  done->ok = mc_bundle_import_finish (MC_STORE (source), result, &done->preview, &done->error);
  g_weak_ref_set (&done->task, result);
  g_main_loop_quit (done->loop);
}

/* mc_bundle_import_async() to its end, its result in @done. The end includes the task's last reference, which the
 * worker thread may drop after the callback: until then, the task holds the store. */
static void
import_async (McStore      *store,
              const char   *path,
              GCancellable *cancellable,
              AsyncImport  *done)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  async_import_clear (done);
  done->loop = loop;
  mc_bundle_import_async (store, path, cancellable, import_done_cb, done);
  g_main_loop_run (loop);
  done->loop = NULL;
  for (GObject *task; (task = g_weak_ref_get (&done->task)) != NULL; g_usleep (1000))
    g_object_unref (task);
  g_assert_true (done->ok == (done->error == NULL));
  g_assert_true (done->ok == (done->preview != NULL));
}

static void
count_changed_cb (McStore *store,
                  guint   *count)
{
  (*count)++;
}

/* Import must fail through the worker with @domain and @code and leave the database byte for byte as it was. */
static void
assert_refused_async (McStore      **store,
                      const char    *path,
                      GCancellable  *cancellable,
                      GQuark         domain,
                      int            code)
{
  g_autoptr(GBytes) before = db_bytes (store);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *import_note = NULL;
  AsyncImport done = { 0 };

  import_async (*store, path, cancellable, &done);
  g_assert_error (done.error, domain, code);
  g_assert_null (done.preview);
  import_note = mc_store_get_local (*store, "last_import_at");
  g_assert_null (import_note);
  after = db_bytes (store);
  g_assert_true (g_bytes_equal (before, after));
  async_import_clear (&done);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(McStore) a = NULL;
  g_autoptr(McStore) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(McAccount) account = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(McOffice) held = NULL;
  g_autofree char *code = NULL, *path = NULL, *tampered = NULL, *name = NULL, *import_note = NULL;
  AsyncImport done = { 0 };
  guint n = 0, changed = 0;

  a = open_station (fixture, "a.db", 1);
  b = open_station (fixture, "b.db", 2);
  set_now ("2026-11-23T12:00");
  code = intake (a, "1.004873", "Đặng Đức Anh", "2026-11-23T09:10");
  g_hash_table_insert (values, "office_name", "UBND xã Tân Lập mới");
  g_assert_true (mc_store_set_office_values (a, values, &error));
  g_assert_no_error (error);
  path = export_to (fixture, a, "a.motcua", FALSE, &n);

  /* Cancelled before it could write, or a damaged file: nothing written. */
  g_cancellable_cancel (cancelled);
  assert_refused_async (&b, path, cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  good = read_file (path);
  {
    gsize len;
    g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (good, &len), g_bytes_get_size (good));

    copy[len - 100] ^= 0x01;
    tampered = write_variant (fixture, "tampered.motcua", copy, len);
  }
  assert_refused_async (&b, tampered, NULL, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_CORRUPT);

  /* The real import, in the name of the clerk signed in on the caller's connection. */
  g_assert_true (mc_accounts_add (b, "ha.lt", "Lê Thu Hà", MC_ROLE_ADMINISTRATOR, "1357", &error));
  g_assert_no_error (error);
  account = mc_accounts_sign_in (b, "ha.lt", "1357", &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_signal_connect (b, "changed", G_CALLBACK (count_changed_cb), &changed);
  /* Held across the import, which makes the store read the office again: it keeps the values it was taken with. */
  held = mc_store_dup_office (b);
  import_async (b, path, NULL, &done);
  g_assert_no_error (done.error);
  g_assert_cmpstr (held->name, ==, "UBND xã Tân Lập");
  g_assert_cmpstr (held->code, ==, OFFICE_CODE);
  g_assert_cmpint (held->station, ==, 2);
  g_assert_cmpuint (done.preview->n_events, ==, n);
  g_assert_cmpuint (done.preview->n_new, ==, n);
  g_assert_cmpuint (done.preview->n_dossiers, ==, 1);

  /* The caller's connection was refreshed: the office's new name, and the views told. */
  g_assert_cmpuint (changed, ==, 1);
  name = mc_office_get_value (mc_store_get_office (b), "office_name");
  g_assert_cmpstr (name, ==, "UBND xã Tân Lập mới");
  dossier = mc_store_get_dossier (b, code, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier->applicant_name, ==, "Đặng Đức Anh");
  import_note = mc_store_get_local (b, "last_import_at");
  g_assert_cmpstr (import_note, ==, "2026-11-23T12:00:00+07:00");
  audit = mc_audit_list (b, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((McAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, MC_AUDIT_IMPORT);
  g_assert_cmpstr (((McAuditEntry *) g_ptr_array_index (audit, 0))->account, ==, "ha.lt");
  {
    g_autoptr(GPtrArray) events = all_events (a);

    for (guint i = 0; i < events->len; i++)
      g_assert_true (mc_store_has_event (b, ((McEvent *) g_ptr_array_index (events, i))->uuid, NULL));
  }

  /* Again: nothing new. */
  import_async (b, path, NULL, &done);
  g_assert_no_error (done.error);
  g_assert_cmpuint (done.preview->n_new, ==, 0);
  g_assert_cmpuint (done.preview->n_known, ==, n);
  async_import_clear (&done);
}

/*
 * The level above: one database, many offices
 */

static guint
count_office (McStore    *store,
              const char *office)
{
  g_autoptr(GPtrArray) rows = all_rows (store);
  g_autofree char *prefix = g_strconcat (office, "-", NULL);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (((McDossier *) g_ptr_array_index (rows, i))->code, prefix))
      n++;
  return n;
}

static void
test_aggregator (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(McStore) x = NULL;
  g_autoptr(McStore) y = NULL;
  g_autoptr(McStore) top = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *px = NULL, *py = NULL, *name = NULL;

  x = open_station_full (fixture, "x.db", OFFICE_CODE, 1, PASSPHRASE);
  y = open_station_full (fixture, "y.db", OTHER_CODE, 1, "mật khẩu xã bên");
  top = open_station_full (fixture, "top.db", TOP_CODE, 1, "mật khẩu huyện");
  name = mc_office_get_value (mc_store_get_office (top), "office_name");

  set_now ("2026-11-23T12:00");
  g_free (intake (x, "1.004873", "Đặng Đức Anh", "2026-11-23T09:10"));
  g_free (intake (x, "1.004884", "Trần Thị Bình", "2026-11-23T09:30"));
  g_free (intake (y, "1.004873", "Phan Thị Dung", "2026-11-23T09:15"));
  px = export_to (fixture, x, "x.motcua", FALSE, NULL);
  py = export_to (fixture, y, "y.motcua", FALSE, NULL);

  /* Not yet an aggregator: another office's bundle is refused. */
  assert_refused (&top, px, MC_BUNDLE_ERROR_OTHER_OFFICE);
  g_assert_true (mc_bundle_set_aggregator (top, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (mc_bundle_is_aggregator (top));
  /* An aggregator without that office's key. */
  assert_refused (&top, px, MC_BUNDLE_ERROR_NO_KEY);
  g_assert_true (mc_bundle_add_office_key (top, OFFICE_CODE, PASSPHRASE, &error));
  g_assert_true (mc_bundle_add_office_key (top, OTHER_CODE, "wrong passphrase!", &error));
  g_assert_no_error (error);
  assert_refused (&top, py, MC_BUNDLE_ERROR_WRONG_PASSPHRASE);
  g_assert_true (mc_bundle_add_office_key (top, OTHER_CODE, "mật khẩu xã bên", &error));
  g_assert_no_error (error);

  {
    g_autoptr(McImportPreview) p1 = import_ok (top, px);
    g_autoptr(McImportPreview) p2 = import_ok (top, py);
    g_autofree char *after = mc_office_get_value (mc_store_get_office (top), "office_name");

    g_assert_cmpuint (p1->n_skipped, >, 0);   /* office settings and catalogue of X */
    g_assert_cmpuint (p1->n_new, ==, 2);
    g_assert_cmpuint (p2->n_new, ==, 1);
    g_assert_cmpstr (mc_store_get_office (top)->code, ==, TOP_CODE);
    g_assert_cmpstr (after, ==, name);
  }
  g_assert_cmpuint (count_office (top, OFFICE_CODE), ==, 2);
  g_assert_cmpuint (count_office (top, OTHER_CODE), ==, 1);
  g_assert_cmpuint (count_office (top, TOP_CODE), ==, 0);

  /* Re-import: nothing new. */
  {
    g_autoptr(McImportPreview) p = import_ok (top, px);

    g_assert_cmpuint (p->n_new, ==, 0);
  }
}


/*
 * Sealed but wrong: clocks past their bound, another office's dossier
 */

/* A header for one crafted event of station @station_id, number @seq, sealed with @key_store's key. */
static char *
crafted_header (McStore    *key_store,
                const char *office,
                int         station,
                const char *station_id,
                gint64      seq)
{
  g_autofree char *hex = mc_store_get_local (key_store, "sync_key");
  guint8 key[32], id[16];
  char id_hex[33];

  g_assert_cmpint (sodium_hex2bin (key, sizeof key, hex, strlen (hex), NULL, NULL, NULL), ==, 0);
  crypto_generichash (id, sizeof id, (const guint8 *) "motcua bundle key id", 20, key, sizeof key);
  sodium_bin2hex (id_hex, sizeof id_hex, id, sizeof id);
  sodium_memzero (key, sizeof key);
  return g_strdup_printf ("{\"office\":\"%s\",\"station\":%d,\"station_id\":\"%s\","
                          "\"created\":\"2026-11-23T12:00:00+07:00\",\"full\":false,\"events\":1,"
                          "\"ranges\":[{\"station_id\":\"%s\",\"first\":%" G_GINT64_FORMAT ",\"last\":%"
                          G_GINT64_FORMAT ",\"count\":1}],\"known\":{},"
                          "\"compression\":\"zlib\",\"chunk_size\":65536,\"key_id\":\"%s\",\"kdf\":\"\"}",
                          office, station, station_id, station_id, seq, seq, id_hex);
}

static char *
clock_bundle (Fixture    *fixture,
              McStore    *store,
              const char *name,
              const char *station_id,
              gint64      seq,
              gint64      lamport)
{
  /* A workstation of its own number: the bundle is refused for its clock only. */
  g_autofree char *header = crafted_header (store, OFFICE_CODE, 9, station_id, seq);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *line = g_strdup_printf ("{\"uuid\":\"%s\",\"dossier_uuid\":null,\"station_id\":\"%s\","
                                           "\"station_seq\":%" G_GINT64_FORMAT ",\"lamport\":%" G_GINT64_FORMAT
                                           ",\"occurred_at\":\"2026-11-23T12:00:00+07:00\",\"clerk\":\"x\","
                                           "\"kind\":\"office_set\",\"payload\":{\"office_code\":\"" OFFICE_CODE
                                           "\"}}\n", uuid, station_id, seq, lamport);

  return craft_bundle (fixture, store, name, header, line);
}

/* A workstation's database copied to another computer, and both used: the second one's changes carry the numbers
 * of the first one's. An import that already holds one of them refuses the other bundle whole, saying what
 * happened, instead of taking the other change for the one it holds. */
static void
test_copied_database (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(McStore) b = open_station (fixture, "b.db", 2);
  g_autoptr(McStore) copy = NULL;
  g_autofree char *a_path = path_in (fixture, "a.db");
  g_autofree char *copy_path = path_in (fixture, "copy.db");
  g_autofree char *from_a = NULL, *from_copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_free (intake (a, "1.001193", "Nguyễn Văn An", "2026-11-23T08:10"));
  g_clear_object (&a);
  g_assert_true (g_file_get_contents (a_path, &contents, &len, &error));
  g_assert_true (g_file_set_contents (copy_path, contents, (gssize) len, &error));
  g_assert_no_error (error);
  a = open_db (fixture, "a.db");
  copy = open_db (fixture, "copy.db");
  g_free (intake (a, "1.001193", "Trần Thị Bình", "2026-11-23T08:20"));
  g_free (intake (copy, "1.001193", "Phạm Văn Chiến", "2026-11-23T08:30"));

  from_a = export_to (fixture, a, "a.motcua", TRUE, NULL);
  from_copy = export_to (fixture, copy, "copy.motcua", TRUE, NULL);
  g_clear_pointer (&contents, g_free);
  g_free (import_ok (b, from_a));
  assert_refused (&b, from_copy, MC_BUNDLE_ERROR_DUPLICATE_STATION);
}

static void
test_forged_clock (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(McStore) a = open_station (fixture, "a.db", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = intake (a, "1.004873", "Đặng Đức Anh", "2026-11-23T09:10");
  g_autofree char *other = g_uuid_string_random ();
  g_autofree char *jam = clock_bundle (fixture, a, "jam.motcua", other, 1, (G_GINT64_CONSTANT (1) << 53) - 1);
  g_autofree char *over = clock_bundle (fixture, a, "over.motcua", other, 1, MC_EVENT_CLOCK_ACCEPTED + 1);
  g_autofree char *seq = clock_bundle (fixture, a, "seq.motcua", other, MC_EVENT_CLOCK_ACCEPTED + 1, 50);
  g_autofree char *edge = clock_bundle (fixture, a, "edge.motcua", other, 1, MC_EVENT_CLOCK_ACCEPTED);
  g_autoptr(McEvent) next = NULL;

  /* The bound is far above real use and far below the JSON integer limit. */
  g_assert_cmpint (MC_EVENT_CLOCK_MAX, <, (G_GINT64_CONSTANT (1) << 53) / 1024);
  assert_refused (&a, jam, MC_BUNDLE_ERROR_INVALID_EVENT);
  assert_refused (&a, over, MC_BUNDLE_ERROR_INVALID_EVENT);
  /* A sequence number past the bound is refused already in the header's ranges. */
  assert_refused (&a, seq, MC_BUNDLE_ERROR_CORRUPT);
  /* At the bound: accepted, and the office goes on recording and exporting. */
  mc_import_preview_free (import_ok (a, edge));
  record (a, code, MC_EVENT_SUPPLEMENT_REQUESTED, json_from_string ("{\"reason\":\"Thiếu bản sao\"}", NULL));
  {
    g_autoptr(GPtrArray) events = all_events (a);
    gint64 highest = 0;

    for (guint i = 0; i < events->len; i++)
      highest = MAX (highest, ((McEvent *) g_ptr_array_index (events, i))->lamport);
    g_assert_cmpint (highest, ==, MC_EVENT_CLOCK_ACCEPTED + 1);
  }
  g_free (export_to (fixture, a, "after.motcua", TRUE, NULL));
}

static void
test_other_office_dossier (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(McStore) x = open_station_full (fixture, "x.db", OFFICE_CODE, 1, PASSPHRASE);
  g_autoptr(McStore) y = open_station_full (fixture, "y.db", OTHER_CODE, 1, "mật khẩu xã bên");
  g_autoptr(McStore) top = open_station_full (fixture, "top.db", TOP_CODE, 1, "mật khẩu huyện");
  g_autoptr(GError) error = NULL;
  g_autofree char *code = intake (x, "1.004873", "Đặng Đức Anh", "2026-11-23T09:10");
  g_autoptr(McDossier) dossier = mc_store_get_dossier (x, code, NULL);
  g_autofree char *px = export_to (fixture, x, "x.motcua", FALSE, NULL);
  const char *y_station = mc_store_get_office (y)->station_id;
  g_autofree char *header = crafted_header (y, OTHER_CODE, 1, y_station, 999);
  g_autofree char *line = NULL;
  g_autofree char *path = NULL;

  g_assert_true (mc_bundle_set_aggregator (top, TRUE, &error));
  g_assert_true (mc_bundle_add_office_key (top, OFFICE_CODE, PASSPHRASE, &error));
  g_assert_true (mc_bundle_add_office_key (top, OTHER_CODE, "mật khẩu xã bên", &error));
  g_assert_no_error (error);
  mc_import_preview_free (import_ok (top, px));

  /* H41's own key, an event for H40's dossier: refused at the level above and at H40's station. */
  line = g_strdup_printf ("{\"uuid\":\"%s\",\"dossier_uuid\":\"%s\",\"station_id\":\"%s\",\"station_seq\":999,"
                          "\"lamport\":999,\"occurred_at\":\"2026-11-23T12:00:00+07:00\",\"clerk\":\"x\","
                          "\"kind\":\"supplement_requested\",\"payload\":{\"reason\":\"Thiếu\"}}\n",
                          "6f1d3c2a-1b2c-4d3e-8f4a-5b6c7d8e9f01", dossier->uuid, y_station);
  path = craft_bundle (fixture, y, "h41.motcua", header, line);
  assert_refused (&top, path, MC_BUNDLE_ERROR_OTHER_OFFICE);
  {
    g_autoptr(McDossier) after = mc_store_get_dossier (top, code, NULL);

    g_assert_cmpint (after->status, ==, dossier->status);
  }

  /* A received event naming another office's code, in H41's bundle (the reader refuses it as it reads). */
  {
    g_autofree char *received = NULL;
    g_autofree char *rpath = NULL;
    g_autofree char *fake = g_strdup_printf ("%s-261123-01-9999", OFFICE_CODE);
    g_autofree char *dossier_uuid = g_uuid_string_random ();

    received = g_strdup_printf ("{\"uuid\":\"%s\",\"dossier_uuid\":\"%s\",\"station_id\":\"%s\",\"station_seq\":999,"
                                "\"lamport\":999,\"occurred_at\":\"2026-11-23T12:00:00+07:00\",\"clerk\":\"x\","
                                "\"kind\":\"received\",\"payload\":{\"code\":\"%s\",\"procedure_code\":\"1.004873\","
                                "\"applicant_name\":\"Kẻ Lạ\",\"received_at\":\"2026-11-23T09:00:00+07:00\","
                                "\"due_at\":\"2026-11-30T09:00:00+07:00\"}}\n",
                                "6f1d3c2a-1b2c-4d3e-8f4a-5b6c7d8e9f03", dossier_uuid, y_station, fake);
    rpath = craft_bundle (fixture, y, "h41-received.motcua", header, received);
    assert_refused (&top, rpath, MC_BUNDLE_ERROR_INVALID_EVENT);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("MOTCUA_PWHASH_FAST", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add ("/sync/three-stations", Fixture, START, test_folder_set_up, test_three_stations, test_folder_tear_down);
  g_test_add ("/sync/bad-bundles", Fixture, START, test_folder_set_up, test_bad_bundles, test_folder_tear_down);
  g_test_add ("/sync/export", Fixture, START, test_folder_set_up, test_export, test_folder_tear_down);
  g_test_add ("/sync/import-async", Fixture, START, test_folder_set_up, test_import_async, test_folder_tear_down);
  g_test_add ("/sync/aggregator", Fixture, START, test_folder_set_up, test_aggregator, test_folder_tear_down);
  g_test_add ("/sync/copied-database", Fixture, START, test_folder_set_up, test_copied_database,
              test_folder_tear_down);
  g_test_add ("/sync/forged-clock", Fixture, START, test_folder_set_up, test_forged_clock, test_folder_tear_down);
  g_test_add ("/sync/other-office-dossier", Fixture, START, test_folder_set_up, test_other_office_dossier,
              test_folder_tear_down);
  return g_test_run ();
}
