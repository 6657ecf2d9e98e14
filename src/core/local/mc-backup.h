/* mc-backup.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_BACKUP_ERROR (mc_backup_error_quark ())

typedef enum
{
  MC_BACKUP_ERROR_IO,
  MC_BACKUP_ERROR_NOT_A_BACKUP,
  MC_BACKUP_ERROR_DAMAGED,
  MC_BACKUP_ERROR_OTHER_OFFICE,
} McBackupError;

/* What a backup file holds, read without changing it. */
typedef struct
{
  char   *path;
  gint64  modified;       /* seconds since the epoch */
  gint64  size;           /* bytes */
  char   *office_code;    /* NULL when the database was not set up */
  gint64  dossiers;
  gint64  events;
} McBackupInfo;

/* Why a backup is made: the audit log says "daily" for the desk's automatic one. */
typedef enum
{
  MC_BACKUP_ON_REQUEST,
  MC_BACKUP_DAILY,
} McBackupOccasion;

#define MC_BACKUP_DEFAULT_KEEP 14

/* This workstation's settings (McStore's local table). */
#define MC_BACKUP_SETTING_DIR  "backup_dir"
#define MC_BACKUP_SETTING_KEEP "backup_keep"
#define MC_BACKUP_SETTING_AUTO "backup_daily"

GQuark        mc_backup_error_quark    (void);

char         *mc_backup_default_dir    (const char    *db_path);
char         *mc_backup_create         (McStore       *store,
                                        const char    *dir,
                                        guint          keep,
                                        McBackupOccasion occasion,
                                        GError       **error);
gboolean      mc_backup_made_today     (const char    *dir);
GPtrArray    *mc_backup_list           (const char    *dir,
                                        GError       **error);
McBackupInfo *mc_backup_verify         (const char    *path,
                                        GError       **error);
gboolean      mc_backup_restore        (const char    *backup_path,
                                        const char    *db_path,
                                        char         **out_kept_path,
                                        GError       **error);
char         *mc_backup_prepare_restore (const char   *backup_path,
                                        const char    *db_path,
                                        GError       **error);
gboolean      mc_backup_finish_restore (const char    *prepared_path,
                                        const char    *db_path,
                                        char         **out_kept_path,
                                        GError       **error);

void          mc_backup_create_async   (McStore             *store,
                                        const char          *dir,
                                        guint                keep,
                                        McBackupOccasion     occasion,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char         *mc_backup_create_finish  (GAsyncResult        *result,
                                        GError             **error);
void          mc_backup_prepare_restore_async  (const char          *backup_path,
                                                const char          *db_path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
char         *mc_backup_prepare_restore_finish (GAsyncResult        *result,
                                                GError             **error);
void          mc_backup_info_free      (McBackupInfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McBackupInfo, mc_backup_info_free)

G_END_DECLS
