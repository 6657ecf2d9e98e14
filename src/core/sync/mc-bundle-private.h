/* mc-bundle-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the sync files share behind their public door (mc-bundle.h). For src/core/sync only. */

#pragma once

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
#define LAMPORT_MAX       (G_GINT64_CONSTANT (1) << 53)
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

void     _mc_bundle_clear (McBundle     *b);
gboolean _mc_bundle_read  (McStore      *store,
                           const char   *path,
                           McBundle     *b,
                           GError      **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McBundle, _mc_bundle_clear)

G_END_DECLS
