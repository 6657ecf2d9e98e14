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

#include "mc-attachment.h"
#include "mc-bundle-private.h"
#include "mc-json.h"
#include "mc-time.h"

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

static gboolean
set_corrupt (GError     **error,
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

static gboolean
set_invalid_event (GError     **error,
                   guint        line,
                   const char  *why)
{
  g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_INVALID_EVENT,
               _("Event %u of the bundle cannot be accepted (%s): nothing was imported. Update Một Cửa on both "
                 "workstations and export again"), line, why);
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
member_string (JsonObject  *object,
               const char  *name,
               gboolean     nullable,
               const char **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return nullable;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64      min,
            gint64      max,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return *out >= min && *out <= max;
}

/* One line of the payload → an event, checked for shape (not yet against this database). */
static gboolean
parse_event_line (const char   *text,
                  gsize         len,
                  guint         number,
                  const char   *office,
                  GHashTable   *uuids,
                  McEvent     **out,
                  GError      **error)
{
  JsonObject *o;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *payload;
  const char *uuid, *dossier_uuid, *station_id, *occurred_at, *clerk, *kind;
  gint64 seq, lamport;
  McMinute minute;

  root = mc_json_parse (text, len, JSON_MAX_DEPTH, NULL);
  if (root == NULL)
    return set_invalid_event (error, number, _("not valid JSON"));
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return set_invalid_event (error, number, _("not an object"));
  o = json_node_get_object (root);
  if (!member_string (o, "uuid", FALSE, &uuid) || !g_uuid_string_is_valid (uuid) ||
      !member_string (o, "dossier_uuid", TRUE, &dossier_uuid) ||
      (dossier_uuid != NULL && !g_uuid_string_is_valid (dossier_uuid)) ||
      !member_string (o, "station_id", FALSE, &station_id) || !g_uuid_string_is_valid (station_id) ||
      !member_int (o, "station_seq", 1, G_MAXINT64, &seq) ||
      !member_int (o, "lamport", 1, LAMPORT_MAX, &lamport) ||
      !member_string (o, "occurred_at", FALSE, &occurred_at) || !mc_time_parse (occurred_at, &minute, NULL) ||
      !member_string (o, "clerk", FALSE, &clerk) ||
      !member_string (o, "kind", FALSE, &kind))
    return set_invalid_event (error, number, _("a field is missing or malformed"));
  if (!mc_event_kind_is_known (kind))
    return set_invalid_event (error, number, _("unknown kind of event"));
  if ((dossier_uuid != NULL) != mc_event_kind_is_dossier (kind))
    return set_invalid_event (error, number, _("dossier and kind do not match"));
  payload = json_object_get_member (o, "payload");
  if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
    return set_invalid_event (error, number, _("its details are not an object"));
  if (!g_hash_table_add (uuids, g_strdup (uuid)))
    return set_invalid_event (error, number, _("the same event twice"));

  /* It belongs to the bundle's office. */
  if (g_str_equal (kind, MC_EVENT_OFFICE_SET))
    {
      JsonNode *code = json_object_get_member (json_node_get_object (payload), "office_code");

      if (code != NULL && (json_node_get_value_type (code) != G_TYPE_STRING ||
                           g_strcmp0 (json_node_get_string (code), office) != 0))
        return set_invalid_event (error, number, _("it would change the office code"));
    }
  if (g_str_equal (kind, MC_EVENT_RECEIVED))
    {
      JsonNode *code = json_object_get_member (json_node_get_object (payload), "code");

      if (code == NULL || json_node_get_value_type (code) != G_TYPE_STRING ||
          _mc_bundle_code_station (json_node_get_string (code), office) < 0)
        return set_invalid_event (error, number, _("a dossier of another office"));
    }

  /* The event takes the parsed payload as it is: no second copy of every line's tree. */
  *out = mc_event_new (uuid, dossier_uuid, station_id, seq, lamport, occurred_at, clerk, kind, NULL);
  json_node_unref ((*out)->payload);
  (*out)->payload = json_node_ref (payload);
  json_object_remove_member (o, "payload");
  json_node_set_parent ((*out)->payload, NULL);
  return TRUE;
}

typedef struct
{
  GConverter *decompressor;
  GByteArray *pending;     /* decompressed bytes of an incomplete line */
  guint8     *out;
  GHashTable *uuids;
  const char *office;
  const char *path;
  McStore    *store;
  guint       expected;
  guint       n_lines;
  guint       n_known;     /* lines of events this database holds: identity checked, not parsed further */
  GHashTable *actual;      /* station_id → McStationRange of every line */
  GPtrArray  *events;      /* the other lines, parsed and checked */
  GHashTable *absent;      /* uuids looked up and not found in the database */
  gboolean    finished;
  guint       expected_documents;
  GHashTable *documents;   /* complete documents: hash → GBytes */
  char       *part_hash;   /* the document being reassembled */
  GByteArray *part_data;
  gint64      part_next;
  gint64      part_count;
} Reader;

/* The identity at the start of a line as this format's writer lays it out:
 * {"uuid":"U","dossier_uuid":"D" or null,"station_id":"S","station_seq":N, … */
static gboolean
peek_identity (const char *line,
               gsize       len,
               char        uuid[37],
               char        station_id[37],
               gint64     *seq)
{
  static const char p1[] = "{\"uuid\":\"";
  static const char p2[] = "\",\"dossier_uuid\":";
  static const char p3[] = ",\"station_id\":\"";
  static const char p4[] = "\",\"station_seq\":";
  const char *p = line, *end = line + len;
  gint64 value = 0;
  int digits = 0;

#define TAKE(lit) \
  G_STMT_START { \
    if ((gsize) (end - p) < sizeof lit - 1 || memcmp (p, lit, sizeof lit - 1) != 0) \
      return FALSE; \
    p += sizeof lit - 1; \
  } G_STMT_END
#define TAKE_UUID(out) \
  G_STMT_START { \
    if (end - p < 36) \
      return FALSE; \
    memcpy (out, p, 36); \
    out[36] = '\0'; \
    if (!g_uuid_string_is_valid (out)) \
      return FALSE; \
    p += 36; \
  } G_STMT_END

  TAKE (p1);
  TAKE_UUID (uuid);
  TAKE (p2);
  if (end - p >= 4 && memcmp (p, "null", 4) == 0)
    p += 4;
  else
    {
      char dossier[37];

      TAKE ("\"");
      TAKE_UUID (dossier);
      TAKE ("\"");
    }
  TAKE (p3);
  TAKE_UUID (station_id);
  TAKE (p4);
  while (p < end && g_ascii_isdigit (*p) && digits < 18)
    {
      value = value * 10 + (*p - '0');
      p++;
      digits++;
    }
  if (digits == 0 || p >= end || *p != ',' || value < 1)
    return FALSE;
  *seq = value;
  return TRUE;
#undef TAKE
#undef TAKE_UUID
}

/* {"document":"<sha-256>","part":i,"parts":n,"data":"<base64>"}: the parts of each document in order, after the
 * events. Each document is checked against its hash and its type before it is kept. */
static gboolean
take_document_line (Reader      *r,
                    const char  *line,
                    gsize        len,
                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree guint8 *decoded = NULL;
  guint line_number = r->n_lines + (r->documents ? g_hash_table_size (r->documents) : 0) + 1;
  JsonObject *o;
  const char *hash, *data;
  gint64 part, parts;
  gsize decoded_len = 0;

  if (r->expected_documents == 0 || g_hash_table_size (r->documents) >= r->expected_documents)
    return set_corrupt (error, r->path);
  node = mc_json_parse (line, len, JSON_MAX_DEPTH, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid_event (error, line_number, _("a document line that is not JSON"));
  o = json_node_get_object (node);
  if (json_object_get_size (o) != 4 || !member_string (o, "document", FALSE, &hash) ||
      !mc_attachment_hash_is_valid (hash) ||
      !member_int (o, "parts", 1, MC_ATTACHMENT_MAX_SIZE / DOCUMENT_PART_SIZE + 1, &parts) ||
      !member_int (o, "part", 0, parts - 1, &part) || !member_string (o, "data", FALSE, &data))
    return set_invalid_event (error, line_number, _("a document line without its hash, part or data"));
  if (part == 0)
    {
      if (r->part_hash != NULL || g_hash_table_contains (r->documents, hash))
        return set_invalid_event (error, line_number, _("a document out of order"));
      r->part_hash = g_strdup (hash);
      r->part_data = g_byte_array_new ();
      r->part_next = 0;
      r->part_count = parts;
    }
  else if (r->part_hash == NULL || !g_str_equal (r->part_hash, hash) || parts != r->part_count ||
           part != r->part_next)
    return set_invalid_event (error, line_number, _("a document out of order"));

  for (const char *p = data; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return set_invalid_event (error, line_number, _("a document that is not base64"));
  decoded = g_base64_decode (data, &decoded_len);
  if (decoded_len == 0 || decoded_len > DOCUMENT_PART_SIZE || (part < parts - 1 && decoded_len != DOCUMENT_PART_SIZE))
    return set_invalid_event (error, line_number, _("a document part of the wrong size"));
  g_byte_array_append (r->part_data, decoded, (guint) decoded_len);
  r->part_next++;
  if (r->part_next == r->part_count)
    {
      g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&r->part_data));
      g_autofree char *actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      if (!g_str_equal (actual, r->part_hash))
        return set_invalid_event (error, line_number, _("a document whose bytes do not match its hash"));
      if (mc_attachment_sniff_media_type (bytes) == NULL)
        return set_invalid_event (error, line_number, _("a document that is neither a PDF nor an image"));
      g_hash_table_insert (r->documents, g_steal_pointer (&r->part_hash), g_steal_pointer (&bytes));
    }
  return TRUE;
}

static gboolean
reader_take_lines (Reader  *r,
                   GError **error)
{
  gsize start = 0;

  for (gsize i = 0; i < r->pending->len; i++)
    {
      const char *line = (const char *) r->pending->data + start;
      McEvent *event = NULL;
      char uuid[37], station_id[37];
      gint64 seq;

      if (r->pending->data[i] != '\n')
        continue;
      if (r->n_lines >= r->expected)
        {
          if (!take_document_line (r, line, i - start, error))
            return FALSE;
          start = i + 1;
          continue;
        }
      r->n_lines++;

      /* Re-imports are fast: an event this database holds is only checked for its identity. */
      if (peek_identity (line, i - start, uuid, station_id, &seq))
        {
          g_autoptr(GError) local = NULL;

          if (mc_store_has_event (r->store, uuid, &local))
            {
              if (!g_hash_table_add (r->uuids, g_strdup (uuid)))
                return set_invalid_event (error, r->n_lines, _("the same event twice"));
              _mc_bundle_range_add (r->actual, station_id, seq);
              r->n_known++;
              start = i + 1;
              continue;
            }
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          g_hash_table_add (r->absent, g_strdup (uuid));
        }
      if (!parse_event_line (line, i - start, r->n_lines, r->office, r->uuids, &event, error))
        return FALSE;
      _mc_bundle_range_add_event (r->actual, event);
      g_ptr_array_add (r->events, event);
      start = i + 1;
    }
  g_byte_array_remove_range (r->pending, 0, start);
  if (r->pending->len > LINE_MAX_SIZE)
    return set_invalid_event (error, r->events->len + 1, _("too long"));
  return TRUE;
}

static gboolean
reader_feed (Reader        *r,
             const guint8  *data,
             gsize          len,
             gboolean       at_end,
             GError       **error)
{
  while (!r->finished)
    {
      gsize bytes_read = 0, bytes_written = 0;
      g_autoptr(GError) local = NULL;
      GConverterResult result;

      result = g_converter_convert (r->decompressor, data, len, r->out, CHUNK_SIZE,
                                    at_end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &bytes_read, &bytes_written, &local);
      if (result == G_CONVERTER_ERROR)
        {
          if (!at_end && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            return TRUE;
          return set_corrupt (error, r->path);
        }
      data += bytes_read;
      len -= bytes_read;
      if (bytes_written > 0)
        {
          g_byte_array_append (r->pending, r->out, (guint) bytes_written);
          if (!reader_take_lines (r, error))
            return FALSE;
        }
      if (result == G_CONVERTER_FINISHED)
        r->finished = TRUE;
      else if (len == 0 && bytes_written == 0 && (!at_end || bytes_read == 0))
        break;
    }
  /* Compressed data after the end of the stream. */
  if (r->finished && len > 0)
    return set_corrupt (error, r->path);
  return TRUE;
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
    return set_corrupt (error, path);
  o = json_node_get_object (b->header);

  if (!member_string (o, "office", FALSE, &s) || !mc_office_code_is_valid (s))
    return set_corrupt (error, path);
  b->office = g_strdup (s);
  if (!member_string (o, "station_id", FALSE, &s) || !g_uuid_string_is_valid (s))
    return set_corrupt (error, path);
  b->station_id = g_strdup (s);
  if (!member_int (o, "station", 1, 99, &v))
    return set_corrupt (error, path);
  b->station = (int) v;
  if (!member_string (o, "created", FALSE, &s))
    return set_corrupt (error, path);
  b->created = g_strdup (s);
  node = json_object_get_member (o, "full");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return set_corrupt (error, path);
  b->full = json_node_get_boolean (node);
  if (!member_int (o, "events", 0, G_MAXUINT32 - 1, &v))
    return set_corrupt (error, path);
  b->n_events = (guint) v;
  v = 0;
  if (json_object_has_member (o, "documents") &&
      (b->version < 2 || !member_int (o, "documents", 1, G_MAXUINT32 - 1, &v)))
    return set_corrupt (error, path);
  b->n_documents = (guint) v;
  if (!member_string (o, "compression", FALSE, &s) || !g_str_equal (s, "zlib") ||
      !member_int (o, "chunk_size", CHUNK_SIZE, CHUNK_SIZE, &v) ||
      !member_string (o, "key_id", FALSE, &s) || strlen (s) != KEY_ID_SIZE * 2)
    return set_corrupt (error, path);

  node = json_object_get_member (o, "ranges");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return set_corrupt (error, path);
  ranges = json_node_get_array (node);
  b->ranges = _mc_bundle_ranges_new ();
  for (guint i = 0; i < json_array_get_length (ranges); i++)
    {
      JsonNode *item = json_array_get_element (ranges, i);
      JsonObject *ro;
      McStationRange range = { 0 };
      gint64 station = 0;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return set_corrupt (error, path);
      ro = json_node_get_object (item);
      if (!member_string (ro, "station_id", FALSE, &s) || !g_uuid_string_is_valid (s) ||
          !member_int (ro, "first", 1, G_MAXINT64, &range.first) ||
          !member_int (ro, "last", range.first, G_MAXINT64, &range.last) ||
          !member_int (ro, "count", 1, G_MAXINT64, &range.count) ||
          (json_object_has_member (ro, "station") && !member_int (ro, "station", 1, 99, &station)) ||
          g_hash_table_contains (b->ranges, s))
        return set_corrupt (error, path);
      range.station = (int) station;
      g_hash_table_insert (b->ranges, g_strdup (s), g_memdup2 (&range, sizeof range));
    }

  b->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  node = json_object_get_member (o, "known");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return set_corrupt (error, path);
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
          return set_corrupt (error, path);
        g_hash_table_insert (b->known, g_strdup (id), g_memdup2 (&max, sizeof max));
      }
  }
  return TRUE;
}

/* Decrypts and checks the whole bundle into @b. Reads the store, never writes it. */
gboolean
_mc_bundle_read (McStore     *store,
                 const char  *path,
                 McBundle    *b,
                 GError     **error)
{
  g_autoptr(GByteArray) head = NULL;
  g_autoptr(GHashTable) uuids = NULL;
  g_autoptr(GByteArray) pending = NULL;
  g_autoptr(GConverter) decompressor = NULL;
  g_autofree guint8 *cipher = NULL;
  g_autofree guint8 *out = NULL;
  guint8 *plain = NULL;
  const McOffice *office;
  guint8 prefix[PREFIX_SIZE];
  guint8 check[CHECK_SIZE];
  guint8 key[KEY_SIZE];
  guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  char key_id[KEY_ID_SIZE * 2 + 1];
  crypto_secretstream_xchacha20poly1305_state state;
  const char *header_key_id = NULL;
  gboolean have_key = FALSE, final = FALSE, first = TRUE, ok = FALSE;
  guint32 header_len;
  gssize n;
  int fd;
  Reader r = { 0 };
  struct stat st;

  if (!_mc_bundle_check_ready (store, error))
    return FALSE;
  office = mc_store_get_office (store);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return read_error (error, path);
  if (fstat (fd, &st) != 0)
    {
      read_error (error, path);
      goto out;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("“%s” is a folder; choose the .motcua file inside it"), path);
      goto out;
    }

  n = read_full (fd, prefix, PREFIX_SIZE);
  if (n < 0)
    {
      read_error (error, path);
      goto out;
    }
  if (n == 0)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_EMPTY,
                   _("“%s” is empty: the export or the copy did not finish. Export again and copy the new file"),
                   path);
      goto out;
    }
  if (memcmp (prefix, BUNDLE_MAGIC, MIN ((gsize) n, BUNDLE_MAGIC_SIZE)) != 0)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("“%s” is not a Một Cửa sync file; choose a .motcua file exported by a workstation"), path);
      goto out;
    }
  if (n < PREFIX_SIZE)
    {
      set_truncated (error, path);
      goto out;
    }
  prefix_check (prefix, check);
  if (memcmp (check, prefix + 14, 4) != 0 || (prefix[8] == 0 && prefix[9] == 0))
    {
      set_corrupt (error, path);
      goto out;
    }
  if (prefix[8] != 0 || prefix[9] > MC_BUNDLE_FORMAT_VERSION)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Một Cửa (format %u); update Một Cửa on this "
                     "workstation, then import it"), path, (guint) (prefix[8] << 8 | prefix[9]));
      goto out;
    }
  header_len = get_be32 (prefix + 10);
  if (header_len == 0 || header_len > HEADER_MAX)
    {
      set_corrupt (error, path);
      goto out;
    }

  head = g_byte_array_sized_new (PREFIX_SIZE + header_len + CHECK_SIZE);
  g_byte_array_append (head, prefix, PREFIX_SIZE);
  g_byte_array_set_size (head, PREFIX_SIZE + header_len + CHECK_SIZE);
  n = read_full (fd, head->data + PREFIX_SIZE, header_len + CHECK_SIZE);
  if (n < 0)
    {
      read_error (error, path);
      goto out;
    }
  if ((gsize) n < header_len + CHECK_SIZE)
    {
      set_truncated (error, path);
      goto out;
    }
  crypto_generichash (check, sizeof check, head->data, PREFIX_SIZE + header_len, NULL, 0);
  if (sodium_memcmp (check, head->data + PREFIX_SIZE + header_len, CHECK_SIZE) != 0)
    {
      set_corrupt (error, path);
      goto out;
    }
  b->version = prefix[9];
  if (!parse_header (b, (const char *) head->data + PREFIX_SIZE, header_len, path, error))
    goto out;

  /* Whose bundle is it, and do we hold its key? */
  if (!g_str_equal (b->office, office->code))
    {
      if (!mc_bundle_is_aggregator (store))
        {
          g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_OTHER_OFFICE,
                       _("“%s” comes from office %s, and this workstation belongs to office %s: nothing was "
                         "imported. Import only bundles of your own office"), path, b->office, office->code);
          goto out;
        }
      if (!_mc_bundle_load_key (store, b->office, key))
        {
          g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NO_KEY,
                       _("“%s” comes from office %s, whose sync passphrase is not registered here. Register that "
                         "office's passphrase, then import again"), path, b->office);
          goto out;
        }
    }
  else if (!_mc_bundle_load_key (store, NULL, key))
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NO_KEY,
                           _("No sync passphrase is set on this workstation. Enter the office's sync passphrase "
                             "first (the same on every workstation), then import again."));
      goto out;
    }
  have_key = TRUE;
  _mc_bundle_key_id_hex (key, key_id);
  member_string (json_node_get_object (b->header), "key_id", FALSE, &header_key_id);
  if (g_strcmp0 (key_id, header_key_id) != 0)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_WRONG_PASSPHRASE,
                   _("“%s” was sealed with another sync passphrase than this workstation's: nothing was imported. "
                     "Enter the office's sync passphrase again on both workstations, export, and import again"),
                   path);
      goto out;
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
      set_corrupt (error, path);
      goto out;
    }

  cipher = g_malloc (CIPHER_CHUNK);
  plain = sodium_malloc (CHUNK_SIZE);
  out = g_malloc (CHUNK_SIZE);
  uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending = g_byte_array_new ();
  decompressor = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  if (plain == NULL)
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO, _("Not enough memory to import"));
      goto out;
    }
  b->events = g_ptr_array_new_full (MIN (b->n_events, 1u << 20), (GDestroyNotify) mc_event_unref);
  r.decompressor = decompressor;
  r.pending = pending;
  r.out = out;
  r.uuids = uuids;
  r.office = b->office;
  r.path = path;
  r.store = store;
  r.expected = b->n_events;
  r.events = b->events;
  b->absent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.absent = b->absent;
  r.actual = _mc_bundle_ranges_new ();
  b->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  r.documents = b->documents;
  r.expected_documents = b->n_documents;

  while (!final)
    {
      unsigned long long plen = 0;
      unsigned char tag = 0;
      guint32 data_len;

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
          set_corrupt (error, path);
          goto out;
        }
      first = FALSE;
      final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      data_len = get_be32 (plain);
      if (data_len > CHUNK_DATA)
        {
          set_corrupt (error, path);
          goto out;
        }
      if (!reader_feed (&r, plain + 4, data_len, final, error))
        goto out;
    }
  /* Nothing may follow the final chunk. */
  n = read_full (fd, cipher, 1);
  b->n_known = r.n_known;
  if (n != 0 || !r.finished || pending->len != 0 || r.n_lines != b->n_events || r.part_hash != NULL ||
      g_hash_table_size (b->documents) != b->n_documents)
    {
      if (n < 0)
        read_error (error, path);
      else
        set_corrupt (error, path);
      goto out;
    }

  /* The header's ranges are those of the events. */
  {
    GHashTable *actual = r.actual;
    GHashTableIter iter;
    gpointer id, value;

    if (g_hash_table_size (actual) != g_hash_table_size (b->ranges))
      {
        set_corrupt (error, path);
        goto out;
      }
    g_hash_table_iter_init (&iter, actual);
    while (g_hash_table_iter_next (&iter, &id, &value))
      {
        McStationRange *a = value, *h = g_hash_table_lookup (b->ranges, id);

        if (h == NULL || a->first != h->first || a->last != h->last || a->count != h->count)
          {
            set_corrupt (error, path);
            goto out;
          }
      }
  }
  ok = TRUE;

out:
  if (have_key)
    sodium_memzero (key, sizeof key);
  sodium_memzero (&state, sizeof state);
  if (plain != NULL)
    sodium_free (plain);
  g_clear_pointer (&r.actual, g_hash_table_unref);
  g_clear_pointer (&r.part_hash, g_free);
  if (r.part_data != NULL)
    g_byte_array_unref (r.part_data);
  close (fd);
  return ok;
}
