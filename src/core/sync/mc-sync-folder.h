/* mc-sync-folder.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mc-store.h"

G_BEGIN_DECLS

/* Live sync through a folder the office's workstations share (docs/sync-format.md, "The sync folder"). */

#define MC_SYNC_FOLDER_EXTENSION ".motcua"

/* Local settings of the desk's live sync: the folder, and the minutes between passes. */
#define MC_SYNC_SETTING_FOLDER  "sync_folder"
#define MC_SYNC_SETTING_MINUTES "sync_folder_minutes"
#define MC_SYNC_DEFAULT_MINUTES 5

/* Why a file of the folder was left for the next pass. */
typedef enum
{
  MC_SYNC_NOTE_INCOMPLETE,     /* still being copied, or cut short */
  MC_SYNC_NOTE_DAMAGED,        /* altered bytes, or not a bundle */
  MC_SYNC_NOTE_OTHER_OFFICE,   /* another office's file */
  MC_SYNC_NOTE_NEWER_VERSION,  /* written by a newer Một Cửa */
  MC_SYNC_NOTE_NO_KEY,         /* no passphrase (or, above, no key for that office) */
  MC_SYNC_NOTE_REFUSED,        /* authentic but refused: wrong passphrase, events this version refuses, a copy */
  MC_SYNC_NOTE_UNREADABLE,     /* the file cannot be read */
  MC_SYNC_NOTE_NOT_WRITTEN,    /* this workstation's own changes could not be written into the folder */
} McSyncNoteKind;

typedef struct
{
  McSyncNoteKind  kind;
  char           *file;     /* the file's name in the folder (with the office's subfolder, above) */
  char           *message;  /* what happened and what to do, for the clerk */
} McSyncNote;

/* What one pass did. */
typedef struct
{
  char      *folder;
  char      *written;            /* the file this pass wrote for this workstation's changes, or %NULL */
  guint      n_written;          /* changes (events) it holds */
  guint      n_written_dossiers; /* dossiers they touch */
  guint      n_files_imported;   /* files of other workstations applied */
  guint      n_imported;         /* changes new to this database */
  guint      n_dossiers;         /* dossiers they touch */
  guint      n_compacted;        /* this workstation's older files merged away */
  guint      n_waiting;          /* files left for the next pass (each has a note) */
  GPtrArray *notes;              /* (element-type McSyncNote) */
  GPtrArray *gaps;               /* (element-type utf8): one line per workstation whose changes are missing */
  GPtrArray *conflicts;          /* (element-type utf8): one line per dossier changed at two places at once */
} McSyncReport;

McSyncReport *mc_sync_folder_pass         (McStore             *store,
                                           const char          *folder,
                                           GCancellable        *cancellable,
                                           GError             **error);
void          mc_sync_folder_pass_async   (McStore             *store,
                                           const char          *folder,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
McSyncReport *mc_sync_folder_pass_finish  (McStore             *store,
                                           GAsyncResult        *result,
                                           GError             **error);
void          mc_sync_report_free         (McSyncReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McSyncReport, mc_sync_report_free)

G_END_DECLS
