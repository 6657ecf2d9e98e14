/* mc-bundle.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mc-store.h"

G_BEGIN_DECLS

/* Sync through exported files (.motcua bundles); the format is docs/sync-format.md. */

#define MC_BUNDLE_ERROR (mc_bundle_error_quark ())

/* Version 2 bundles carry documents (written only when an export includes some); version 1 is read too. */
#define MC_BUNDLE_FORMAT_VERSION 2
#define MC_BUNDLE_MIN_PASSPHRASE 8

typedef enum
{
  MC_BUNDLE_ERROR_NOT_SET_UP,         /* the store has no office yet */
  MC_BUNDLE_ERROR_NO_KEY,             /* no sync passphrase set on this station (or for that office) */
  MC_BUNDLE_ERROR_WEAK_PASSPHRASE,    /* shorter than MC_BUNDLE_MIN_PASSPHRASE characters */
  MC_BUNDLE_ERROR_IO,                 /* the file cannot be read or written */
  MC_BUNDLE_ERROR_EMPTY,              /* a file of zero bytes */
  MC_BUNDLE_ERROR_NOT_A_BUNDLE,       /* no bundle magic */
  MC_BUNDLE_ERROR_TRUNCATED,          /* the file ends early */
  MC_BUNDLE_ERROR_CORRUPT,            /* any altered byte, header included, or bytes appended */
  MC_BUNDLE_ERROR_NEWER_VERSION,      /* written by a newer Một Cửa */
  MC_BUNDLE_ERROR_WRONG_PASSPHRASE,   /* the bundle was sealed with another key */
  MC_BUNDLE_ERROR_OTHER_OFFICE,       /* the bundle comes from another office */
  MC_BUNDLE_ERROR_INVALID_EVENT,      /* an authentic bundle holding an event this version cannot accept */
  MC_BUNDLE_ERROR_DUPLICATE_STATION,  /* two workstations use the same station number (or a copied database) */
} McBundleError;

typedef enum
{
  MC_BUNDLE_EXPORT_INCREMENTAL = 0,       /* what was not exported before */
  MC_BUNDLE_EXPORT_FULL        = 1 << 0,  /* every event held */
  MC_BUNDLE_EXPORT_DOCUMENTS   = 1 << 1,  /* with the digitised documents the events refer to */
} McBundleExportFlags;

/* Called now and then during an export with the events written so far and the total. */
typedef void (*McBundleProgress) (guint    done,
                                  guint    total,
                                  gpointer user_data);

/* What an import brings, computed without changing anything. */
typedef struct
{
  char      *office_code;        /* the bundle's office */
  char      *source_station_id;  /* the station that wrote it */
  int        source_station;     /* its number, 1..99 */
  char      *created;            /* when it was written, ISO 8601 with offset */
  gboolean   full;               /* a full export rather than an incremental one */
  guint      n_events;           /* events in the bundle */
  guint      n_documents;        /* digitised documents it carries */
  guint      n_new;              /* events this database does not hold yet (and will import) */
  guint      n_known;            /* events it holds already */
  guint      n_skipped;          /* aggregator only: another office's reference data, not imported */
  guint      n_dossiers;         /* dossiers the new events touch */
  guint      n_conflicts;        /* dossiers with concurrent, conflicting changes from different stations */
  GPtrArray *conflicts;          /* (element-type utf8): one line per dossier in conflict */
  GPtrArray *gaps;               /* (element-type utf8): one line per station whose events are missing */
} McImportPreview;

GQuark           mc_bundle_error_quark     (void);

gboolean         mc_bundle_set_passphrase  (McStore          *store,
                                            const char       *passphrase,
                                            GError          **error);
gboolean         mc_bundle_offer_passphrase (McStore         *store,
                                             const char      *passphrase,
                                             GError         **error);
gboolean         mc_bundle_keep_offered_key (McStore         *store,
                                             GError         **error);
gboolean         mc_bundle_add_office_key  (McStore          *store,
                                            const char       *office_code,
                                            const char       *passphrase,
                                            GError          **error);
gboolean         mc_bundle_has_key         (McStore          *store);
gboolean         mc_bundle_is_aggregator   (McStore          *store);
gboolean         mc_bundle_set_aggregator  (McStore          *store,
                                            gboolean          aggregator,
                                            GError          **error);

gboolean         mc_bundle_export          (McStore             *store,
                                            const char          *path,
                                            McBundleExportFlags  flags,
                                            McBundleProgress     progress,
                                            gpointer             user_data,
                                            guint               *out_n_events,
                                            guint               *out_n_documents,
                                            GError             **error);

McImportPreview *mc_bundle_read_preview    (McStore          *store,
                                            const char       *path,
                                            GError          **error);
gboolean         mc_bundle_import          (McStore          *store,
                                            const char       *path,
                                            McImportPreview **out_preview,
                                            GError          **error);
void             mc_bundle_import_async    (McStore             *store,
                                            const char          *path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean         mc_bundle_import_finish   (McStore          *store,
                                            GAsyncResult     *result,
                                            McImportPreview **out_preview,
                                            GError          **error);

void             mc_import_preview_free    (McImportPreview  *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McImportPreview, mc_import_preview_free)

G_END_DECLS
