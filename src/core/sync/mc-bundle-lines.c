/* mc-bundle-lines.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mc-attachment.h"
#include "mc-bundle-private.h"
#include "mc-json.h"
#include "mc-time.h"

/* The payload of a bundle, once decrypted: decompressed, cut into lines, every event line and document line
 * checked (docs/sync-format.md, "Import checks"). The reader (mc-bundle-reader.c) feeds it chunk by chunk. */

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
      !member_int (o, "station_seq", 1, MC_EVENT_CLOCK_ACCEPTED, &seq) ||
      !member_int (o, "lamport", 1, MC_EVENT_CLOCK_ACCEPTED, &lamport) ||
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
  if (g_str_equal (kind, MC_EVENT_STATION_NUMBERED))
    {
      gint64 station;

      if (!member_int (json_node_get_object (payload), "station", 1, 99, &station))
        return set_invalid_event (error, number, _("a station number that is not 1 to 99"));
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
take_document_line (McLineReader *r,
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
    return _mc_bundle_set_corrupt (error, r->path);
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

/* What the database holds of one station's range as the header gives it, read in one scan when the first line
 * of that station comes: so that a line is known or not without a lookup of its own. */
typedef struct
{
  gint64  first;
  gint64  last;
  char   *uuids;    /* 36 bytes per number of the range, zero where the database holds nothing; NULL: none */
  gboolean cached;  /* FALSE: the header's range is not one to cache (ask the database for each line) */
} HeldRange;

static void
held_range_free (HeldRange *range)
{
  g_free (range->uuids);
  g_free (range);
}

typedef enum
{
  HELD_NO,     /* the database holds no event of that station with that number: new */
  HELD_YES,    /* it holds this very event */
  HELD_ASK,    /* not known from the range: look the uuid up */
  HELD_OTHER,  /* it holds another event under that station and number */
  HELD_ERROR,
} Held;

/* A range no wider than this many numbers per event it claims (plus a margin) is read whole; a wider one, which
 * only a damaged or forged header gives, is looked up line by line (and then refused by the reader's checks). */
#define HELD_SPREAD 4

static Held
find_held (McLineReader  *r,
           const char    *station_id,
           gint64         seq,
           const char    *uuid,
           GError       **error)
{
  HeldRange *range;

  if (r->held == NULL)
    r->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) held_range_free);
  range = g_hash_table_lookup (r->held, station_id);
  if (range == NULL)
    {
      McStationRange *claimed = g_hash_table_lookup (r->bundle->ranges, station_id);

      range = g_new0 (HeldRange, 1);
      g_hash_table_insert (r->held, g_strdup (station_id), range);
      if (claimed != NULL && claimed->last - claimed->first < HELD_SPREAD * claimed->count + 1024)
        {
          gint64 width = claimed->last - claimed->first + 1;
          gint64 n;

          range->first = claimed->first;
          range->last = claimed->last;
          range->cached = TRUE;
          range->uuids = g_malloc0 ((gsize) width * 36);
          n = mc_store_get_station_uuids (r->store, station_id, range->first, range->last, range->uuids, error);
          if (n < 0)
            {
              g_clear_pointer (&range->uuids, g_free);
              range->cached = FALSE;
              return HELD_ERROR;
            }
          if (n == 0)
            g_clear_pointer (&range->uuids, g_free);
        }
    }
  if (!range->cached || seq < range->first || seq > range->last)
    return HELD_ASK;
  if (range->uuids == NULL || range->uuids[36 * (seq - range->first)] == '\0')
    return HELD_NO;
  return memcmp (range->uuids + 36 * (seq - range->first), uuid, 36) == 0 ? HELD_YES : HELD_OTHER;
}

static gboolean
take_lines (McLineReader  *r,
            GError       **error)
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
          Held held = find_held (r, station_id, seq, uuid, &local);

          if (held == HELD_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          /* Two events under one station's number: two computers ran with one workstation's identity. */
          if (held == HELD_OTHER && !mc_store_has_event (r->store, uuid, &local))
            {
              if (local != NULL)
                g_propagate_error (error, g_steal_pointer (&local));
              else
                g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_DUPLICATE_STATION,
                             _("The bundle holds a change numbered like one this database already holds from the "
                               "same workstation, but different: that workstation's database was copied to another "
                               "computer. Set that computer up as a new workstation with its own number. Nothing "
                               "was imported."));
              return FALSE;
            }
          if (held == HELD_YES || held == HELD_OTHER ||
              (held == HELD_ASK && mc_store_has_event (r->store, uuid, &local)))
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

/* Decompresses @len bytes of a chunk (the last when @at_end) and takes every complete line. */
gboolean
_mc_line_reader_feed (McLineReader  *r,
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
          return _mc_bundle_set_corrupt (error, r->path);
        }
      data += bytes_read;
      len -= bytes_read;
      if (bytes_written > 0)
        {
          g_byte_array_append (r->pending, r->out, (guint) bytes_written);
          if (!take_lines (r, error))
            return FALSE;
        }
      if (result == G_CONVERTER_FINISHED)
        r->finished = TRUE;
      else if (len == 0 && bytes_written == 0 && (!at_end || bytes_read == 0))
        break;
    }
  /* Compressed data after the end of the stream. */
  if (r->finished && len > 0)
    return _mc_bundle_set_corrupt (error, r->path);
  return TRUE;
}

void
_mc_line_reader_init (McLineReader *r,
                      McStore      *store,
                      const char   *path,
                      McBundle     *b)
{
  memset (r, 0, sizeof *r);
  r->decompressor = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  r->pending = g_byte_array_new ();
  r->out = g_malloc (CHUNK_SIZE);
  r->uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->office = b->office;
  r->path = path;
  r->store = store;
  r->bundle = b;
  r->expected = b->n_events;
  b->events = g_ptr_array_new_full (MIN (b->n_events, 1u << 20), (GDestroyNotify) mc_event_unref);
  r->events = b->events;
  b->absent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->absent = b->absent;
  r->actual = _mc_bundle_ranges_new ();
  b->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  r->documents = b->documents;
  r->expected_documents = b->n_documents;
}

/* After the final chunk: every line the header announced, each document whole, and the header's ranges those
 * of the events. */
gboolean
_mc_line_reader_finish (McLineReader  *r,
                        GError       **error)
{
  McBundle *b = r->bundle;
  GHashTableIter iter;
  gpointer id, value;

  if (!r->finished || r->pending->len != 0 || r->n_lines != b->n_events || r->part_hash != NULL ||
      g_hash_table_size (b->documents) != b->n_documents)
    return _mc_bundle_set_corrupt (error, r->path);

  if (g_hash_table_size (r->actual) != g_hash_table_size (b->ranges))
    return _mc_bundle_set_corrupt (error, r->path);
  g_hash_table_iter_init (&iter, r->actual);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      McStationRange *a = value, *h = g_hash_table_lookup (b->ranges, id);

      if (h == NULL || a->first != h->first || a->last != h->last || a->count != h->count)
        return _mc_bundle_set_corrupt (error, r->path);
    }
  b->n_known = r->n_known;
  return TRUE;
}

/* Frees what the line reader holds; what it filled in the bundle stays there. */
void
_mc_line_reader_clear (McLineReader *r)
{
  g_clear_object (&r->decompressor);
  g_clear_pointer (&r->pending, g_byte_array_unref);
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->uuids, g_hash_table_unref);
  g_clear_pointer (&r->actual, g_hash_table_unref);
  g_clear_pointer (&r->held, g_hash_table_unref);
  g_clear_pointer (&r->part_hash, g_free);
  g_clear_pointer (&r->part_data, g_byte_array_unref);
}
