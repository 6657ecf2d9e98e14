/* mc-bundle-reader.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mc-bundle-private.h"
#include "mc-json.h"

/* Reading a bundle: the prefix, the plain header and its checks, the key, the sealed chunks, the compressed event
 * and document lines, and every check of the whole. Nothing is written. */

void
_mc_bundle_clear (McBundle *b)
{
  g_clear_pointer (&b->header, json_node_unref);
  g_clear_pointer (&b->office, g_free);
  g_clear_pointer (&b->station_id, g_free);
  g_clear_pointer (&b->created, g_free);
  g_clear_pointer (&b->ranges, g_hash_table_unref);
  g_clear_pointer (&b->known, g_hash_table_unref);
  g_clear_pointer (&b->events, g_ptr_array_unref);
  g_clear_pointer (&b->absent, g_hash_table_unref);
  g_clear_pointer (&b->documents, g_hash_table_unref);
}

gboolean
_mc_bundle_set_corrupt (GError     **error,
                        const char  *path)
{
  g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_CORRUPT,
               _("“%s” is damaged or was altered after it was exported: nothing was imported. Export it again "
                 "on the other workstation and copy it anew"), path);
  return FALSE;
}

static gboolean
set_truncated (GError     **error,
               const char  *path)
{
  g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_TRUNCATED,
               _("“%s” is incomplete (the copy was probably interrupted): nothing was imported. Copy the file "
                 "again and wait until the copy has finished"), path);
  return FALSE;
}

/* Reads up to @len bytes; returns the count read (short only at the end of the file), or -1. */
static gssize
read_full (int      fd,
           guint8  *buf,
           gsize    len)
{
  gsize got = 0;

  while (got < len)
    {
      ssize_t n = read (fd, buf + got, len - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      got += (gsize) n;
    }
  return (gssize) got;
}

static gboolean
read_error (GError     **error,
            const char  *path)
{
  int saved = errno;

  g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
               _("Could not read “%s”: %s. Check the USB drive and try again"), path, g_strerror (saved));
  return FALSE;
}

static gboolean
parse_header (McBundle    *b,
              const char  *text,
              gsize        len,
              const char  *path,
              GError     **error)
{
  JsonObject *o, *known;
  JsonArray *ranges;
  const char *s;
  gint64 v;
  JsonNode *node;

  b->header = mc_json_parse (text, len, JSON_MAX_DEPTH, NULL);
  if (b->header == NULL || !JSON_NODE_HOLDS_OBJECT (b->header))
    return _mc_bundle_set_corrupt (error, path);
  o = json_node_get_object (b->header);

  if (!member_string (o, "office", FALSE, &s) || !mc_office_code_is_valid (s))
    return _mc_bundle_set_corrupt (error, path);
  b->office = g_strdup (s);
  if (!member_string (o, "station_id", FALSE, &s) || !g_uuid_string_is_valid (s))
    return _mc_bundle_set_corrupt (error, path);
  b->station_id = g_strdup (s);
  if (!member_int (o, "station", 1, 99, &v))
    return _mc_bundle_set_corrupt (error, path);
  b->station = (int) v;
  if (!member_string (o, "created", FALSE, &s))
    return _mc_bundle_set_corrupt (error, path);
  b->created = g_strdup (s);
  node = json_object_get_member (o, "full");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _mc_bundle_set_corrupt (error, path);
  b->full = json_node_get_boolean (node);
  if (!member_int (o, "events", 0, G_MAXUINT32 - 1, &v))
    return _mc_bundle_set_corrupt (error, path);
  b->n_events = (guint) v;
  v = 0;
  if (json_object_has_member (o, "documents") &&
      (b->version < 2 || !member_int (o, "documents", 1, G_MAXUINT32 - 1, &v)))
    return _mc_bundle_set_corrupt (error, path);
  b->n_documents = (guint) v;
  if (!member_string (o, "compression", FALSE, &s) || !g_str_equal (s, "zlib") ||
      !member_int (o, "chunk_size", CHUNK_SIZE, CHUNK_SIZE, &v) ||
      !member_string (o, "key_id", FALSE, &s) || strlen (s) != KEY_ID_SIZE * 2)
    return _mc_bundle_set_corrupt (error, path);

  node = json_object_get_member (o, "ranges");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return _mc_bundle_set_corrupt (error, path);
  ranges = json_node_get_array (node);
  b->ranges = _mc_bundle_ranges_new ();
  for (guint i = 0; i < json_array_get_length (ranges); i++)
    {
      JsonNode *item = json_array_get_element (ranges, i);
      JsonObject *ro;
      McStationRange range = { 0 };
      gint64 station = 0;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return _mc_bundle_set_corrupt (error, path);
      ro = json_node_get_object (item);
      if (!member_string (ro, "station_id", FALSE, &s) || !g_uuid_string_is_valid (s) ||
          !member_int (ro, "first", 1, MC_EVENT_CLOCK_ACCEPTED, &range.first) ||
          !member_int (ro, "last", range.first, MC_EVENT_CLOCK_ACCEPTED, &range.last) ||
          !member_int (ro, "count", 1, G_MAXINT64, &range.count) ||
          (json_object_has_member (ro, "station") && !member_int (ro, "station", 1, 99, &station)) ||
          g_hash_table_contains (b->ranges, s))
        return _mc_bundle_set_corrupt (error, path);
      range.station = (int) station;
      g_hash_table_insert (b->ranges, g_strdup (s), g_memdup2 (&range, sizeof range));
    }

  b->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  node = json_object_get_member (o, "known");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _mc_bundle_set_corrupt (error, path);
  known = json_node_get_object (node);
  {
    JsonObjectIter iter;
    const char *id;
    JsonNode *value;

    json_object_iter_init (&iter, known);
    while (json_object_iter_next (&iter, &id, &value))
      {
        gint64 max;

        if (json_node_get_value_type (value) != G_TYPE_INT64 || (max = json_node_get_int (value)) < 0)
          return _mc_bundle_set_corrupt (error, path);
        g_hash_table_insert (b->known, g_strdup (id), g_memdup2 (&max, sizeof max));
      }
  }
  return TRUE;
}

/* The prefix, the header and their checks. @out_head gets the bytes the first chunk authenticates. */
static gboolean
read_head (int          fd,
           const char  *path,
           McBundle    *b,
           GByteArray **out_head,
           GError     **error)
{
  g_autoptr(GByteArray) head = NULL;
  guint8 prefix[PREFIX_SIZE];
  guint8 check[CHECK_SIZE];
  guint32 header_len;
  struct stat st;
  gssize n;

  if (fstat (fd, &st) != 0)
    return read_error (error, path);
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("“%s” is a folder; choose the .motcua file inside it"), path);
      return FALSE;
    }

  n = read_full (fd, prefix, PREFIX_SIZE);
  if (n < 0)
    return read_error (error, path);
  if (n == 0)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_EMPTY,
                   _("“%s” is empty: the export or the copy did not finish. Export again and copy the new file"),
                   path);
      return FALSE;
    }
  if (memcmp (prefix, BUNDLE_MAGIC, MIN ((gsize) n, BUNDLE_MAGIC_SIZE)) != 0)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("“%s” is not a Một Cửa sync file; choose a .motcua file exported by a workstation"), path);
      return FALSE;
    }
  if (n < PREFIX_SIZE)
    return set_truncated (error, path);
  prefix_check (prefix, check);
  if (memcmp (check, prefix + 14, 4) != 0 || (prefix[8] == 0 && prefix[9] == 0))
    return _mc_bundle_set_corrupt (error, path);
  if (prefix[8] != 0 || prefix[9] > MC_BUNDLE_FORMAT_VERSION)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Một Cửa (format %u); update Một Cửa on this "
                     "workstation, then import it"), path, (guint) (prefix[8] << 8 | prefix[9]));
      return FALSE;
    }
  header_len = get_be32 (prefix + 10);
  if (header_len == 0 || header_len > HEADER_MAX)
    return _mc_bundle_set_corrupt (error, path);

  head = g_byte_array_sized_new (PREFIX_SIZE + header_len + CHECK_SIZE);
  g_byte_array_append (head, prefix, PREFIX_SIZE);
  g_byte_array_set_size (head, PREFIX_SIZE + header_len + CHECK_SIZE);
  n = read_full (fd, head->data + PREFIX_SIZE, header_len + CHECK_SIZE);
  if (n < 0)
    return read_error (error, path);
  if ((gsize) n < header_len + CHECK_SIZE)
    return set_truncated (error, path);
  crypto_generichash (check, sizeof check, head->data, PREFIX_SIZE + header_len, NULL, 0);
  if (sodium_memcmp (check, head->data + PREFIX_SIZE + header_len, CHECK_SIZE) != 0)
    return _mc_bundle_set_corrupt (error, path);
  b->version = prefix[9];
  if (!parse_header (b, (const char *) head->data + PREFIX_SIZE, header_len, path, error))
    return FALSE;
  *out_head = g_steal_pointer (&head);
  return TRUE;
}

/* Whose bundle is it, and does this database hold its key? */
static gboolean
find_key (McStore     *store,
          McBundle    *b,
          const char  *path,
          guint8       key[KEY_SIZE],
          GError     **error)
{
  const McOffice *office = mc_store_get_office (store);
  char key_id[KEY_ID_SIZE * 2 + 1];
  const char *header_key_id = NULL;

  if (!g_str_equal (b->office, office->code))
    {
      if (!mc_bundle_is_aggregator (store))
        {
          g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_OTHER_OFFICE,
                       _("“%s” comes from office %s, and this workstation belongs to office %s: nothing was "
                         "imported. Import only bundles of your own office"), path, b->office, office->code);
          return FALSE;
        }
      if (!_mc_bundle_load_key (store, b->office, key))
        {
          g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NO_KEY,
                       _("“%s” comes from office %s, whose sync passphrase is not registered here. Register that "
                         "office's passphrase, then import again"), path, b->office);
          return FALSE;
        }
    }
  else if (!_mc_bundle_load_key (store, NULL, key))
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NO_KEY,
                           _("No sync passphrase is set on this workstation. Enter the office's sync passphrase "
                             "first (the same on every workstation), then import again."));
      return FALSE;
    }
  _mc_bundle_key_id_hex (key, key_id);
  member_string (json_node_get_object (b->header), "key_id", FALSE, &header_key_id);
  if (g_strcmp0 (key_id, header_key_id) != 0)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_WRONG_PASSPHRASE,
                   _("“%s” was sealed with another sync passphrase than this workstation's: nothing was imported. "
                     "Enter the office's sync passphrase again on both workstations, export, and import again"),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* The sealed chunks after the head, each opened and handed to @r, to the final one; nothing may follow it. */
static gboolean
read_chunks (int            fd,
             const char    *path,
             const guint8   key[KEY_SIZE],
             GByteArray    *head,
             McLineReader  *r,
             GCancellable  *cancellable,
             GError       **error)
{
  guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_state state;
  g_autofree guint8 *cipher = g_malloc (CIPHER_CHUNK);
  guint8 *plain = sodium_malloc (CHUNK_SIZE);
  gboolean final = FALSE, first = TRUE, ok = FALSE;
  gssize n;

  if (plain == NULL)
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO, _("Not enough memory to import"));
      return FALSE;
    }
  n = read_full (fd, stream_header, sizeof stream_header);
  if (n < 0)
    {
      read_error (error, path);
      goto out;
    }
  if ((gsize) n < sizeof stream_header)
    {
      set_truncated (error, path);
      goto out;
    }
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, stream_header, key) != 0)
    {
      _mc_bundle_set_corrupt (error, path);
      goto out;
    }

  while (!final)
    {
      unsigned long long plen = 0;
      unsigned char tag = 0;
      guint32 data_len;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      n = read_full (fd, cipher, CIPHER_CHUNK);
      if (n < 0)
        {
          read_error (error, path);
          goto out;
        }
      if (n < CIPHER_CHUNK)
        {
          set_truncated (error, path);
          goto out;
        }
      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain, &plen, &tag, cipher, CIPHER_CHUNK,
                                                      first ? head->data : NULL, first ? head->len : 0) != 0 ||
          plen != CHUNK_SIZE ||
          (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE &&
           tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL))
        {
          _mc_bundle_set_corrupt (error, path);
          goto out;
        }
      first = FALSE;
      final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      data_len = get_be32 (plain);
      if (data_len > CHUNK_DATA)
        {
          _mc_bundle_set_corrupt (error, path);
          goto out;
        }
      if (!_mc_line_reader_feed (r, plain + 4, data_len, final, error))
        goto out;
    }
  n = read_full (fd, cipher, 1);
  if (n < 0)
    read_error (error, path);
  else if (n != 0)
    _mc_bundle_set_corrupt (error, path);
  else
    ok = TRUE;

out:
  sodium_memzero (&state, sizeof state);
  sodium_free (plain);
  return ok;
}

/* Decrypts and checks the whole bundle into @b, chunk by chunk, until @cancellable is cancelled. Reads the store,
 * never writes it. */
gboolean
_mc_bundle_read (McStore       *store,
                 const char    *path,
                 GCancellable  *cancellable,
                 McBundle      *b,
                 GError       **error)
{
  g_autoptr(GByteArray) head = NULL;
  guint8 key[KEY_SIZE];
  McLineReader r = { 0 };
  gboolean ok;
  int fd;

  if (!_mc_bundle_check_ready (store, error))
    return FALSE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return read_error (error, path);

  ok = read_head (fd, path, b, &head, error) && find_key (store, b, path, key, error);
  if (ok)
    {
      _mc_line_reader_init (&r, store, path, b);
      ok = read_chunks (fd, path, key, head, &r, cancellable, error) && _mc_line_reader_finish (&r, error);
    }

  sodium_memzero (key, sizeof key);
  _mc_line_reader_clear (&r);
  close (fd);
  return ok;
}
