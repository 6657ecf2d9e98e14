/* fuzz-bundle.c
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
#include <stdint.h>
#include <string.h>

#include "mc-bundle-private.h"   /* put_be32 */
#include "mc-store.h"

/* libFuzzer target for the bundle reader. The first byte picks how the rest is used:
 *   bit 0 clear: the bytes are the whole file (prefix, header, stream: mostly refused before decryption);
 *   bit 0 set:   the bytes are the payload of an authentic bundle sealed with the store's key (per
 *                docs/sync-format.md), compressed first when bit 1 is set, so that the decompressor, the line
 *                parser and the event checks see hostile input.
 * Either way: no crash, and a refused bundle leaves the store as it was. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define OFFICE_CODE "000.00.12.H40"

static McStore *store;
static char *dir;
static char *bundle_path;
static guint8 key[32];
static char key_id[33];

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *hex = NULL;
  McStoreSetup setup = { 0 };
  guint8 id[16];

  g_setenv ("MOTCUA_PWHASH_FAST", "1", TRUE);
  g_setenv ("MOTCUA_NOW", "2026-11-23T08:00", TRUE);
  g_assert (sodium_init () >= 0);
  dir = g_dir_make_tmp ("motcua-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "fuzz.db", NULL);
  bundle_path = g_build_filename (dir, "input.motcua", NULL);
  store = mc_store_open (db, TRUE, &error);
  g_assert_no_error (error);
  setup.office_code = OFFICE_CODE;
  setup.office_name = "UBND xã Tân Lập";
  setup.station = 1;
  setup.clerk = "Fuzz";
  g_assert (mc_store_setup (store, &setup, &error));
  g_assert (mc_bundle_set_passphrase (store, "fuzzing passphrase", &error));
  g_assert_no_error (error);

  hex = mc_store_get_local (store, "sync_key");
  g_assert (sodium_hex2bin (key, sizeof key, hex, strlen (hex), NULL, NULL, NULL) == 0);
  crypto_generichash (id, sizeof id, (const guint8 *) "motcua bundle key id", 20, key, sizeof key);
  sodium_bin2hex (key_id, sizeof key_id, id, sizeof id);
}

/* An authentic bundle around @payload (already compressed or not), claiming one event per newline. */
static GByteArray *
seal (const guint8 *payload,
      gsize         len,
      gboolean      compress)
{
  GByteArray *file = g_byte_array_new ();
  g_autoptr(GByteArray) stream = g_byte_array_new ();
  g_autofree char *header = NULL;
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 prefix[18], small[16], hash[32], sh[24];
  g_autofree guint8 *plain = g_malloc (65536);
  g_autofree guint8 *cipher = g_malloc (65536 + 17);
  guint lines = 0;
  gsize head_len, off = 0;
  gboolean first = TRUE;

  for (gsize i = 0; i < len; i++)
    if (payload[i] == '\n')
      lines++;

  if (compress)
    {
      g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1));
      guint8 out[4096];
      gsize in_off = 0;

      for (;;)
        {
          gsize r = 0, w = 0;
          GConverterResult res = g_converter_convert (zlib, payload + in_off, len - in_off, out, sizeof out,
                                                      G_CONVERTER_INPUT_AT_END, &r, &w, NULL);

          in_off += r;
          g_byte_array_append (stream, out, (guint) w);
          if (res == G_CONVERTER_FINISHED || res == G_CONVERTER_ERROR)
            break;
        }
    }
  else
    g_byte_array_append (stream, payload, (guint) len);

  header = g_strdup_printf ("{\"office\":\"" OFFICE_CODE "\",\"station\":2,"
                            "\"station_id\":\"6f1c2a9e-8d44-4f0b-9a51-0c8e7b3d2f10\","
                            "\"created\":\"2026-11-23T12:00:00+07:00\",\"full\":false,\"events\":%u,"
                            "\"ranges\":[],\"known\":{},\"compression\":\"zlib\",\"chunk_size\":65536,"
                            "\"key_id\":\"%s\",\"kdf\":\"\"}", lines, key_id);
  memcpy (prefix, "\x89MCB\r\n\x1a\n", 8);
  prefix[8] = 0;
  prefix[9] = 1;
  put_be32 (prefix + 10, (guint32) strlen (header));
  crypto_generichash (small, sizeof small, prefix, 14, NULL, 0);
  memcpy (prefix + 14, small, 4);
  g_byte_array_append (file, prefix, sizeof prefix);
  g_byte_array_append (file, (const guint8 *) header, (guint) strlen (header));
  crypto_generichash (hash, sizeof hash, file->data, file->len, NULL, 0);
  g_byte_array_append (file, hash, sizeof hash);
  head_len = file->len;

  crypto_secretstream_xchacha20poly1305_init_push (&state, sh, key);
  g_byte_array_append (file, sh, sizeof sh);
  do
    {
      gsize n = MIN (stream->len - off, 65532);
      gboolean last = off + n == stream->len;
      unsigned long long clen = 0;

      memset (plain, 0, 65536);
      put_be32 (plain, (guint32) n);
      if (n > 0)
        memcpy (plain + 4, stream->data + off, n);
      off += n;
      crypto_secretstream_xchacha20poly1305_push (&state, cipher, &clen, plain, 65536,
                                                  first ? file->data : NULL, first ? head_len : 0,
                                                  last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                       : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      first = FALSE;
      g_byte_array_append (file, cipher, (guint) clen);
      if (last)
        break;
    }
  while (TRUE);
  return file;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McImportPreview) preview = NULL;
  g_autofree char *import_note = NULL;
  g_autofree char *import_note_after = NULL;
  gint64 max_before, max_after;
  gboolean ok;

  if (store == NULL)
    set_up ();
  if (size > 4 * 1024 * 1024)
    return 0;

  if (size > 0 && (data[0] & 1))
    {
      g_autoptr(GByteArray) file = seal (data + 1, size - 1, (data[0] & 2) != 0);

      g_assert (g_file_set_contents (bundle_path, (const char *) file->data, file->len, NULL));
    }
  else
    g_assert (g_file_set_contents (bundle_path, size > 0 ? (const char *) data + 1 : "", size > 0 ? size - 1 : 0,
                                   NULL));

  max_before = mc_store_get_max_event_id (store, NULL);
  import_note = mc_store_get_local (store, "last_import_at");

  preview = mc_bundle_read_preview (store, bundle_path, &error);
  g_assert ((preview == NULL) == (error != NULL));
  g_assert (mc_store_get_max_event_id (store, NULL) == max_before);
  g_clear_error (&error);
  g_clear_pointer (&preview, mc_import_preview_free);

  ok = mc_bundle_import (store, bundle_path, &preview, &error);
  g_assert (ok == (error == NULL));
  max_after = mc_store_get_max_event_id (store, NULL);
  import_note_after = mc_store_get_local (store, "last_import_at");
  if (!ok)
    {
      g_assert (error->domain == MC_BUNDLE_ERROR || error->domain == MC_STORE_ERROR);
      g_assert (error->message != NULL && *error->message != '\0');
      g_assert (max_after == max_before);
      g_assert (g_strcmp0 (import_note, import_note_after) == 0);
    }
  else
    g_assert (preview != NULL && max_after >= max_before);
  g_unlink (bundle_path);
  return 0;
}
