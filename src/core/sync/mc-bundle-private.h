/* mc-bundle-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the sync files share behind their public door (mc-bundle.h). For src/core/sync only. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "mc-bundle.h"

G_BEGIN_DECLS

/*
 * The file, as docs/sync-format.md describes it:
 *
 *   prefix   magic (8) | version u16 BE | header length H u32 BE | BLAKE2b-128 of the 14 bytes before, first 4
 *   header   H bytes of JSON
 *   check    BLAKE2b-256 of everything before it
 *   stream   secretstream header (24)
 *   chunks   each exactly CHUNK_SIZE + ABYTES bytes; plaintext = u32 BE length | data | zero padding
 *            the first chunk takes prefix + header + check as additional data; the last is tagged FINAL
 */

#define BUNDLE_MAGIC      ((const guint8 *) "\x89MCB\r\n\x1a\n")
#define BUNDLE_MAGIC_SIZE 8
#define PREFIX_SIZE       18
#define HEADER_MAX        (1024 * 1024)
#define CHECK_SIZE        32
#define CHUNK_SIZE        65536
#define CHUNK_DATA        (CHUNK_SIZE - 4)
#define CIPHER_CHUNK      (CHUNK_SIZE + crypto_secretstream_xchacha20poly1305_ABYTES)
#define KEY_SIZE          crypto_secretstream_xchacha20poly1305_KEYBYTES
#define KEY_ID_SIZE       16
#define LINE_MAX_SIZE     (4 * 1024 * 1024)
#define JSON_MAX_DEPTH    32
/* Documents travel in parts, each line well under LINE_MAX_SIZE once in base64. */
#define DOCUMENT_PART_SIZE ((gsize) 1024 * 1024)

static inline void
put_be16 (guint8 *p,
          guint   v)
{
  p[0] = (v >> 8) & 0xff;
  p[1] = v & 0xff;
}

static inline void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = (v >> 24) & 0xff;
  p[1] = (v >> 16) & 0xff;
  p[2] = (v >> 8) & 0xff;
  p[3] = v & 0xff;
}

static inline guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The prefix's own check: the first 4 bytes of BLAKE2b-128 of its first 14 bytes. */
static inline void
prefix_check (const guint8 *prefix,
              guint8        out[4])
{
  guint8 hash[crypto_generichash_BYTES_MIN];

  crypto_generichash (hash, sizeof hash, prefix, 14, NULL, 0);
  memcpy (out, hash, 4);
}

/* A string member of a header or a line (%NULL if @nullable allows it). */
static inline gboolean
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

/* An integer member from @min to @max. */
static inline gboolean
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

/*
 * Keys (mc-bundle-keys.c)
 */

gboolean _mc_bundle_check_ready (McStore      *store,
                                 GError      **error);
gboolean _mc_bundle_load_key    (McStore      *store,
                                 const char   *office_code,
                                 guint8        key[KEY_SIZE]);
void     _mc_bundle_key_id_hex  (const guint8  key[KEY_SIZE],
                                 char          out[KEY_ID_SIZE * 2 + 1]);

/*
 * Stations (mc-bundle-stations.c)
 */

/* One station's events in a bundle: the sequence numbers' range and count. */
typedef struct
{
  gint64 first;
  gint64 last;
  gint64 count;
  int    station;  /* its number, 0 when unknown */
} McStationRange;

int         _mc_bundle_code_station      (const char    *code,
                                          const char    *office);
GHashTable *_mc_bundle_ranges_new        (void);
void        _mc_bundle_range_add         (GHashTable    *ranges,
                                          const char    *station_id,
                                          gint64         seq);
void        _mc_bundle_range_add_event   (GHashTable    *ranges,
                                          McEvent       *event);
int         _mc_bundle_compare_strings   (gconstpointer  a,
                                          gconstpointer  b);
GPtrArray  *_mc_bundle_sorted_keys       (GHashTable    *table);
void        _mc_bundle_remember_stations (McStore       *store,
                                          GHashTable    *station_ids);

/*
 * Writing (mc-bundle-writer.c)
 */

gboolean _mc_bundle_export_own_range (McStore     *store,
                                      const char  *path,
                                      gint64       first,
                                      gint64       last,
                                      guint       *out_n_events,
                                      guint       *out_n_dossiers,
                                      GError     **error);

/*
 * Reading (mc-bundle-reader.c)
 */

/* A bundle read, decrypted and checked (mc-bundle-reader.c); the preview compares it with the database. */
typedef struct
{
  JsonNode   *header;
  char       *office;
  char       *station_id;
  int         station;
  char       *created;
  gboolean    full;
  guint       n_events;
  GHashTable *ranges;   /* station_id → McStationRange, as the header claims */
  GHashTable *known;    /* station_id → max seq the source held (gint64 in a pointer) */
  GPtrArray  *events;   /* the events this database does not hold (and any not laid out as written) */
  guint       n_known;  /* lines of events it holds, not kept */
  GHashTable *absent;   /* uuids the reader already looked up and did not find */
  int         version;
  guint       n_documents; /* as the header says */
  GHashTable *documents;   /* hash → GBytes, each checked against its hash */
} McBundle;

/* mc-bundle-checks.c: what a sealed bundle may still not bring */
GHashTable *_mc_bundle_received_codes    (McBundle      *b);
gboolean    _mc_bundle_check_owner       (McStore       *store,
                                          McBundle      *b,
                                          GHashTable    *received_codes,
                                          McEvent       *event,
                                          GError       **error);

/* mc-bundle-numbers.c: one identity per station number */
typedef struct
{
  char   *office;
  int     number;
  gint64  seq;     /* the workstation's own event sequence the claim is as of */
} McStationClaim;

void        _mc_bundle_claim_free             (McStationClaim *claim);
gboolean    _mc_bundle_check_station_numbers  (McStore        *store,
                                               McBundle       *b,
                                               GHashTable    **out_claims,
                                               GError        **error);
void        _mc_bundle_note_station_numbers   (McStore        *store,
                                               GHashTable     *claims);

void     _mc_bundle_clear (McBundle      *b);
gboolean _mc_bundle_read  (McStore       *store,
                           const char    *path,
                           GCancellable  *cancellable,
                           McBundle      *b,
                           GError       **error);

gboolean _mc_bundle_set_corrupt (GError     **error,
                                 const char  *path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McBundle, _mc_bundle_clear)

/*
 * The payload's lines (mc-bundle-lines.c)
 */

/* The payload's lines as they are decompressed; it fills the bundle's events, absent uuids and documents. */
typedef struct
{
  GConverter *decompressor;
  GByteArray *pending;     /* decompressed bytes of an incomplete line */
  guint8     *out;
  GHashTable *uuids;
  const char *office;
  const char *path;
  McStore    *store;
  McBundle   *bundle;
  guint       expected;
  guint       n_lines;
  guint       n_known;     /* lines of events this database holds: identity checked, not parsed further */
  GHashTable *actual;      /* station_id → McStationRange of every line */
  GPtrArray  *events;      /* the other lines, parsed and checked */
  GHashTable *absent;      /* uuids looked up and not found in the database */
  GHashTable *held;        /* station_id → what the database holds of the station's range (mc-bundle-lines.c) */
  gboolean    finished;
  guint       expected_documents;
  GHashTable *documents;   /* complete documents: hash → GBytes */
  char       *part_hash;   /* the document being reassembled */
  GByteArray *part_data;
  gint64      part_next;
  gint64      part_count;
} McLineReader;

void     _mc_line_reader_init     (McLineReader  *r,
                                   McStore       *store,
                                   const char    *path,
                                   McBundle      *b);
gboolean _mc_line_reader_feed     (McLineReader  *r,
                                   const guint8  *data,
                                   gsize          len,
                                   gboolean       at_end,
                                   GError       **error);
gboolean _mc_line_reader_finish   (McLineReader  *r,
                                   GError       **error);
void     _mc_line_reader_clear    (McLineReader  *r);

/*
 * Preview (mc-bundle-preview.c)
 */

McImportPreview *_mc_bundle_compute_preview (McStore     *store,
                                             McBundle    *b,
                                             GPtrArray   *fresh,
                                             GHashTable **out_claims,
                                             GError     **error);

/*
 * Worker threads (mc-sync-worker.c)
 */

/* Runs in the worker thread on @worker, the worker's own connection; returns the task's result, or %NULL with
 * @error set. */
typedef gpointer (*McSyncWork) (McStore       *worker,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error);

void _mc_sync_run_in_worker (GTask          *task,
                             McStore        *store,
                             McSyncWork      work,
                             gpointer        data,
                             GDestroyNotify  data_free,
                             GDestroyNotify  result_free);

G_END_DECLS
