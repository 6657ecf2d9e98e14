/* mc-bundle-writer.c
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

#include "mc-accounts.h"
#include "mc-attachment.h"
#include "mc-bundle-private.h"
#include "mc-time.h"

/* The export: what this station has not exported yet (or everything), as event lines and document parts,
 * compressed, sealed in chunks behind the plain header, written to a temporary file and renamed into place. */

/* Rows of event ids read per page of an export. */
#define PAGE_SIZE 2000

static void
append_json_string (GString    *out,
                    const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/* One event as one line of JSON. */
static void
append_event_line (GString *out,
                   McEvent *event)
{
  g_autofree char *payload = mc_event_payload_to_string (event);

  g_string_append (out, "{\"uuid\":");
  append_json_string (out, event->uuid);
  g_string_append (out, ",\"dossier_uuid\":");
  append_json_string (out, event->dossier_uuid);
  g_string_append (out, ",\"station_id\":");
  append_json_string (out, event->station_id);
  g_string_append_printf (out, ",\"station_seq\":%" G_GINT64_FORMAT ",\"lamport\":%" G_GINT64_FORMAT
                          ",\"occurred_at\":", event->station_seq, event->lamport);
  append_json_string (out, event->occurred_at);
  g_string_append (out, ",\"clerk\":");
  append_json_string (out, event->clerk);
  g_string_append (out, ",\"kind\":");
  append_json_string (out, event->kind);
  g_string_append (out, ",\"payload\":");
  g_string_append (out, payload);
  g_string_append (out, "}\n");
}

typedef struct
{
  int                                 fd;
  const char                         *path;
  crypto_secretstream_xchacha20poly1305_state state;
  GConverter                         *compressor;
  guint8                             *plain;      /* CHUNK_SIZE: length, data, padding */
  gsize                               fill;       /* data bytes in plain */
  guint8                             *cipher;     /* CIPHER_CHUNK */
  const guint8                       *ad;
  gsize                               ad_len;
  gboolean                            first;
} Writer;

static gboolean
write_all (int           fd,
           const void   *data,
           gsize         len,
           const char   *path,
           GError      **error)
{
  const guint8 *p = data;

  while (len > 0)
    {
      ssize_t n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                       _("Could not write “%s”: %s. Check that the disk is not full or removed, and export again"),
                       path, g_strerror (saved));
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
writer_flush_chunk (Writer    *w,
                    gboolean   final,
                    GError   **error)
{
  unsigned long long clen = 0;

  put_be32 (w->plain, (guint32) w->fill);
  memset (w->plain + 4 + w->fill, 0, CHUNK_DATA - w->fill);
  crypto_secretstream_xchacha20poly1305_push (&w->state, w->cipher, &clen, w->plain, CHUNK_SIZE,
                                              w->first ? w->ad : NULL, w->first ? w->ad_len : 0,
                                              final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                    : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
  w->first = FALSE;
  w->fill = 0;
  sodium_memzero (w->plain, CHUNK_SIZE);
  g_assert (clen == CIPHER_CHUNK);
  return write_all (w->fd, w->cipher, CIPHER_CHUNK, w->path, error);
}

/* Compresses @len bytes (or finishes the stream) into the chunk buffer, sealing full chunks. */
static gboolean
writer_feed (Writer        *w,
             const guint8  *data,
             gsize          len,
             gboolean       at_end,
             GError       **error)
{
  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      g_autoptr(GError) local = NULL;
      GConverterResult result;

      if (w->fill == CHUNK_DATA && !writer_flush_chunk (w, FALSE, error))
        return FALSE;
      result = g_converter_convert (w->compressor, data, len, w->plain + 4 + w->fill, CHUNK_DATA - w->fill,
                                    at_end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &bytes_read, &bytes_written, &local);
      if (result == G_CONVERTER_ERROR)
        {
          g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO, _("Could not compress the export: %s"),
                       local->message);
          return FALSE;
        }
      data += bytes_read;
      len -= bytes_read;
      w->fill += bytes_written;
      if (result == G_CONVERTER_FINISHED)
        return TRUE;
      if (!at_end && len == 0)
        return TRUE;
    }
}

static gboolean
list_page (McStore     *store,
           gint64       after,
           GPtrArray  **out,
           GError     **error)
{
  *out = mc_store_list_events (store, after, PAGE_SIZE, error);
  return *out != NULL;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* The plain header: who wrote the bundle, what it holds and how to read it (docs/sync-format.md). */
static char *
build_header (McStore    *store,
              GHashTable *ranges,
              GHashTable *known,
              guint       n_events,
              guint       n_documents,
              gboolean    full,
              const char *key_id,
              const char *kdf)
{
  const McOffice *office = mc_store_get_office (store);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) ids = _mc_bundle_sorted_keys (ranges);
  g_autoptr(GPtrArray) known_ids = _mc_bundle_sorted_keys (known);
  g_autofree char *created = mc_time_now_iso_offset ();

  json_builder_begin_object (builder);
  add_string (builder, "office", office->code);
  add_int (builder, "station", office->station);
  add_string (builder, "station_id", office->station_id);
  add_string (builder, "created", created);
  json_builder_set_member_name (builder, "full");
  json_builder_add_boolean_value (builder, full);
  add_int (builder, "events", n_events);
  if (n_documents > 0)
    add_int (builder, "documents", n_documents);
  json_builder_set_member_name (builder, "ranges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      McStationRange *range = g_hash_table_lookup (ranges, id);

      json_builder_begin_object (builder);
      add_string (builder, "station_id", id);
      if (range->station > 0)
        add_int (builder, "station", range->station);
      add_int (builder, "first", range->first);
      add_int (builder, "last", range->last);
      add_int (builder, "count", range->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "known");
  json_builder_begin_object (builder);
  for (guint i = 0; i < known_ids->len; i++)
    {
      const char *id = g_ptr_array_index (known_ids, i);

      add_int (builder, id, *(gint64 *) g_hash_table_lookup (known, id));
    }
  json_builder_end_object (builder);
  add_string (builder, "compression", "zlib");
  add_int (builder, "chunk_size", CHUNK_SIZE);
  add_string (builder, "key_id", key_id);
  add_string (builder, "kdf", kdf);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Pass 1: what the bundle holds, for its header: the events after @bookmark (their uuids in @selected), each
 * station's range, and the documents to carry. Pages of PAGE_SIZE row ids; should the ids have holes, a page
 * overlaps the next one, and the uuid set drops the repeats. */
static gboolean
select_events (McStore              *store,
               gint64                bookmark,
               McBundleExportFlags   flags,
               GHashTable           *selected,
               GHashTable           *ranges,
               GHashTable           *documents,
               GError              **error)
{
  const McOffice *office = mc_store_get_office (store);

  for (gint64 after = bookmark;; after += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (!list_page (store, after, &page, error))
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        {
          McEvent *event = g_ptr_array_index (page, i);

          if (!g_hash_table_add (selected, g_strdup (event->uuid)))
            continue;
          _mc_bundle_range_add_event (ranges, event);
          /* The documents go along only on request (they make the file large), and only those held here. */
          if ((flags & MC_BUNDLE_EXPORT_DOCUMENTS) && g_strcmp0 (event->kind, MC_EVENT_DIGITISED) == 0)
            {
              const char *hash = mc_event_get_string (event, "hash");

              if (mc_attachment_hash_is_valid (hash) && !g_hash_table_contains (documents, hash))
                {
                  g_autofree char *file = mc_attachment_path (store, hash);

                  if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
                    g_hash_table_add (documents, g_strdup (hash));
                }
            }
          if (g_strcmp0 (event->kind, MC_EVENT_RECEIVED) == 0)
            {
              int ss = _mc_bundle_code_station (mc_event_get_string (event, "code"), office->code);
              McStationRange *range = g_hash_table_lookup (ranges, event->station_id);

              if (ss > 0)
                range->station = ss;
            }
        }
      if (page->len < PAGE_SIZE)
        break;
    }
  if (g_hash_table_contains (ranges, office->station_id))
    ((McStationRange *) g_hash_table_lookup (ranges, office->station_id))->station = office->station;
  return TRUE;
}

/* What this station holds from each station it knows of (station_id → gint64): lets the importer tell concurrent
 * changes. */
static GHashTable *
known_summary (McStore     *store,
               GHashTable  *ranges,
               GError     **error)
{
  const McOffice *office = mc_store_get_office (store);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *stations = mc_store_get_local (store, "sync_stations");
  g_auto(GStrv) parts = g_strsplit (stations ? stations : "", " ", -1);
  g_autoptr(GPtrArray) range_ids = _mc_bundle_sorted_keys (ranges);
  g_autoptr(GPtrArray) ids = NULL;

  for (guint i = 0; parts[i]; i++)
    if (g_uuid_string_is_valid (parts[i]))
      g_hash_table_replace (known, g_strdup (parts[i]), NULL);
  for (guint i = 0; i < range_ids->len; i++)
    g_hash_table_replace (known, g_strdup (g_ptr_array_index (range_ids, i)), NULL);
  g_hash_table_replace (known, g_strdup (office->station_id), NULL);

  ids = _mc_bundle_sorted_keys (known);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 max = mc_store_get_max_station_seq (store, g_ptr_array_index (ids, i), error);

      if (max < 0)
        return NULL;
      g_hash_table_replace (known, g_strdup (g_ptr_array_index (ids, i)), g_memdup2 (&max, sizeof max));
    }
  return g_steal_pointer (&known);
}

/* The plain part of the file: prefix, header and check, which the first chunk also authenticates. */
static GByteArray *
build_head (const char *header,
            guint       n_documents)
{
  GByteArray *head = g_byte_array_sized_new (PREFIX_SIZE + strlen (header) + CHECK_SIZE);
  guint8 prefix[PREFIX_SIZE];
  guint8 check[CHECK_SIZE];

  memcpy (prefix, BUNDLE_MAGIC, BUNDLE_MAGIC_SIZE);
  /* Version 1 readers know nothing of documents: a bundle without them stays readable by them. */
  put_be16 (prefix + 8, n_documents > 0 ? MC_BUNDLE_FORMAT_VERSION : 1);
  put_be32 (prefix + 10, (guint32) strlen (header));
  prefix_check (prefix, prefix + 14);
  g_byte_array_append (head, prefix, PREFIX_SIZE);
  g_byte_array_append (head, (const guint8 *) header, strlen (header));
  crypto_generichash (check, sizeof check, head->data, head->len, NULL, 0);
  g_byte_array_append (head, check, sizeof check);
  return head;
}

/* Creates @tmp (mode 0600) and writes the plain head and the stream header. */
static gboolean
writer_open (Writer        *w,
             const char    *tmp,
             const guint8   key[KEY_SIZE],
             GByteArray    *head,
             GError       **error)
{
  guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];

  w->fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (w->fd < 0)
    {
      int saved = errno;

      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                   _("Could not create “%s”: %s. Choose a folder you can write to, such as your USB drive"),
                   tmp, g_strerror (saved));
      return FALSE;
    }
  if (fchmod (w->fd, 0600) != 0)
    {
      int saved = errno;

      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO, _("Could not protect “%s”: %s"), tmp,
                   g_strerror (saved));
      return FALSE;
    }
  w->path = tmp;
  w->plain = sodium_malloc (CHUNK_SIZE);
  w->cipher = g_malloc (CIPHER_CHUNK);
  w->ad = head->data;
  w->ad_len = head->len;
  w->first = TRUE;
  w->compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6));
  if (w->plain == NULL)
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO, _("Not enough memory to export"));
      return FALSE;
    }
  crypto_secretstream_xchacha20poly1305_init_push (&w->state, stream_header, key);
  return write_all (w->fd, head->data, head->len, tmp, error) &&
         write_all (w->fd, stream_header, sizeof stream_header, tmp, error);
}

/* Pass 2: the selected events as lines, page by page. */
static gboolean
write_events (Writer            *w,
              McStore           *store,
              gint64             bookmark,
              GHashTable        *selected,
              guint              total,
              McBundleProgress   progress,
              gpointer           user_data,
              GString           *line,
              GError           **error)
{
  guint done = 0;

  for (gint64 after = bookmark; total > 0; after += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (!list_page (store, after, &page, error))
        return FALSE;
      g_string_truncate (line, 0);
      for (guint i = 0; i < page->len; i++)
        {
          McEvent *event = g_ptr_array_index (page, i);

          if (!g_hash_table_remove (selected, event->uuid))
            continue;
          append_event_line (line, event);
          done++;
        }
      if (!writer_feed (w, (const guint8 *) line->str, line->len, FALSE, error))
        return FALSE;
      sodium_memzero (line->str, line->len);
      if (progress)
        progress (done, total, user_data);
      if (page->len < PAGE_SIZE)
        break;
    }
  if (done != total)
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                           _("The database changed in an unexpected way during the export; export again"));
      return FALSE;
    }
  return TRUE;
}

/* After the events: each document in parts, one line a part. */
static gboolean
write_documents (Writer     *w,
                 McStore    *store,
                 GPtrArray  *document_list,
                 GString    *line,
                 GError    **error)
{
  for (guint i = 0; i < document_list->len; i++)
    {
      const char *hash = g_ptr_array_index (document_list, i);
      g_autoptr(GBytes) data = mc_attachment_load (store, hash, error);
      gsize size, parts;
      const guint8 *bytes;

      if (data == NULL)
        return FALSE;
      bytes = g_bytes_get_data (data, &size);
      parts = (size + DOCUMENT_PART_SIZE - 1) / DOCUMENT_PART_SIZE;
      for (gsize part = 0; part < parts; part++)
        {
          gsize len = MIN (DOCUMENT_PART_SIZE, size - part * DOCUMENT_PART_SIZE);
          g_autofree char *encoded = g_base64_encode (bytes + part * DOCUMENT_PART_SIZE, len);

          g_string_truncate (line, 0);
          g_string_append_printf (line, "{\"document\":\"%s\",\"part\":%" G_GSIZE_FORMAT ",\"parts\":%"
                                  G_GSIZE_FORMAT ",\"data\":\"%s\"}\n", hash, part, parts, encoded);
          if (!writer_feed (w, (const guint8 *) line->str, line->len, FALSE, error))
            return FALSE;
          sodium_memzero (line->str, line->len);
        }
    }
  return TRUE;
}

/* The end of the compressed stream, the final chunk, and the file on the disk. */
static gboolean
writer_close (Writer  *w,
              GError **error)
{
  int saved = 0;

  if (!writer_feed (w, (const guint8 *) "", 0, TRUE, error) || !writer_flush_chunk (w, TRUE, error))
    return FALSE;
  if (fsync (w->fd) != 0)
    saved = errno;
  if (close (w->fd) != 0 && saved == 0)
    saved = errno;
  w->fd = -1;
  if (saved != 0)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                   _("Could not finish writing “%s”: %s. Check the disk and export again"), w->path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
writer_clear (Writer *w)
{
  sodium_memzero (&w->state, sizeof w->state);
  if (w->fd >= 0)
    close (w->fd);
  w->fd = -1;
  if (w->plain)
    sodium_free (w->plain);
  w->plain = NULL;
  g_clear_pointer (&w->cipher, g_free);
  g_clear_object (&w->compressor);
}

/* The bundle of the @selected events (those after row id @bookmark), written to @path.tmp and renamed over
 * @path once complete. Empties @selected. */
static gboolean
write_bundle_file (McStore           *store,
                   const char        *path,
                   gint64             bookmark,
                   gboolean           full,
                   GHashTable        *selected,
                   GHashTable        *ranges,
                   GHashTable        *documents,
                   McBundleProgress   progress,
                   gpointer           user_data,
                   guint             *out_n_events,
                   guint             *out_n_documents,
                   GError           **error)
{
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) document_list = NULL;
  g_autoptr(GString) line = g_string_sized_new (1024);
  g_autoptr(GByteArray) head = NULL;
  g_autofree char *kdf = NULL;
  g_autofree char *header = NULL;
  g_autofree char *tmp = NULL;
  guint8 key[KEY_SIZE];
  char key_id[KEY_ID_SIZE * 2 + 1];
  guint total;
  Writer w = { .fd = -1 };
  gboolean ok = FALSE;

  if (!_mc_bundle_load_key (store, NULL, key))
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NO_KEY,
                           _("No sync passphrase is set on this workstation. Enter the office's sync passphrase "
                             "first (the same on every workstation)."));
      return FALSE;
    }
  _mc_bundle_key_id_hex (key, key_id);
  kdf = mc_store_get_local (store, "sync_kdf");

  total = g_hash_table_size (selected);
  known = known_summary (store, ranges, error);
  if (known == NULL)
    goto out;

  document_list = _mc_bundle_sorted_keys (documents);
  header = build_header (store, ranges, known, total, document_list->len, full, key_id, kdf ? kdf : "");
  if (strlen (header) > HEADER_MAX)
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                           _("Too many workstations for one bundle; contact support"));
      goto out;
    }
  head = build_head (header, document_list->len);

  tmp = g_strconcat (path, ".tmp", NULL);
  if (!writer_open (&w, tmp, key, head, error) ||
      !write_events (&w, store, bookmark, selected, total, progress, user_data, line, error) ||
      !write_documents (&w, store, document_list, line, error) ||
      !writer_close (&w, error))
    goto out;
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                   _("Could not put the export in place as “%s”: %s. Choose another file name"), path,
                   g_strerror (saved));
      goto out;
    }
  g_clear_pointer (&tmp, g_free);
  if (out_n_events)
    *out_n_events = total;
  if (out_n_documents)
    *out_n_documents = document_list->len;
  ok = TRUE;

out:
  sodium_memzero (key, sizeof key);
  writer_clear (&w);
  if (tmp != NULL)
    g_unlink (tmp);
  return ok;
}

/**
 * mc_bundle_export:
 * @path: the bundle to write; written to @path.tmp (mode 0600) and renamed into place when complete
 * @full: every event, rather than those not exported before
 * @out_n_events: (out) (optional): how many events the bundle holds (0 when nothing was new: the bundle is
 *   still written, and importing it changes nothing)
 *
 * Writes this station's events to a bundle. The bookmark of what was exported moves only once the file is
 * complete.
 */
gboolean
mc_bundle_export (McStore             *store,
                  const char          *path,
                  McBundleExportFlags  flags,
                  McBundleProgress     progress,
                  gpointer             user_data,
                  guint               *out_n_events,
                  guint               *out_n_documents,
                  GError             **error)
{
  gboolean full = (flags & MC_BUNDLE_EXPORT_FULL) != 0;
  g_autoptr(GHashTable) selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ranges = _mc_bundle_ranges_new ();
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *bookmark_text = NULL;
  gint64 bookmark = 0, bound;
  guint total = 0, n_documents = 0;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_mc_bundle_check_ready (store, error))
    return FALSE;

  bookmark_text = mc_store_get_local (store, "last_export_event_id");
  if (!full && bookmark_text != NULL)
    bookmark = g_ascii_strtoll (bookmark_text, NULL, 10);
  bound = mc_store_get_max_event_id (store, error);
  if (bound < 0 || !select_events (store, bookmark, flags, selected, ranges, documents, error) ||
      !write_bundle_file (store, path, bookmark, full, selected, ranges, documents, progress, user_data,
                          &total, &n_documents, error))
    return FALSE;

  /* The file is complete: only now does the bookmark move. */
  {
    g_autofree char *bound_text = g_strdup_printf ("%" G_GINT64_FORMAT, bound);
    g_autofree char *now = mc_time_now_iso_offset ();
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *detail = g_strdup_printf ("%u events%s, %u documents", total, full ? ", full" : "",
                                               n_documents);

    if (!mc_store_set_local (store, "last_export_event_id", bound_text, error) ||
        !mc_store_set_local (store, "last_export_at", now, error))
      return FALSE;
    _mc_bundle_remember_stations (store, ranges);
    mc_audit_record (store, MC_AUDIT_EXPORT, name, detail, NULL);
  }
  if (out_n_events)
    *out_n_events = total;
  if (out_n_documents)
    *out_n_documents = n_documents;
  return TRUE;
}

/* A sync folder's file (mc-sync-folder.c): this station's own events numbered @first to @last, without the
 * documents, written whole and renamed into place; the export bookmark does not move. */
gboolean
_mc_bundle_export_own_range (McStore     *store,
                             const char  *path,
                             gint64       first,
                             gint64       last,
                             guint       *out_n_events,
                             guint       *out_n_dossiers,
                             GError     **error)
{
  const McOffice *office;
  g_autoptr(GHashTable) dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ranges = _mc_bundle_ranges_new ();
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 start;

  if (!_mc_bundle_check_ready (store, error))
    return FALSE;
  office = mc_store_get_office (store);
  /* A station stores its own events in the order it numbers them: the range starts at the row of @first. */
  start = mc_store_get_station_event_id (store, office->station_id, first, error);
  if (start < 0)
    return FALSE;
  for (gint64 after = MAX (start - 1, 0); start > 0; after += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = NULL;
      gboolean past = FALSE;

      if (!list_page (store, after, &page, error))
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        {
          McEvent *event = g_ptr_array_index (page, i);

          if (!g_str_equal (event->station_id, office->station_id) || event->station_seq < first)
            continue;
          if (event->station_seq > last)
            {
              past = TRUE;
              break;
            }
          g_hash_table_add (selected, g_strdup (event->uuid));
          _mc_bundle_range_add_event (ranges, event);
          if (event->dossier_uuid != NULL)
            g_hash_table_add (dossiers, g_strdup (event->dossier_uuid));
        }
      if (past || page->len < PAGE_SIZE)
        break;
    }
  if (g_hash_table_contains (ranges, office->station_id))
    ((McStationRange *) g_hash_table_lookup (ranges, office->station_id))->station = office->station;
  if (out_n_dossiers)
    *out_n_dossiers = g_hash_table_size (dossiers);
  return write_bundle_file (store, path, MAX (start - 1, 0), FALSE, selected, ranges, documents, NULL, NULL,
                            out_n_events, NULL, error);
}
