/* mc-attachment.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-store.h"

G_BEGIN_DECLS

/* Documents received with a dossier, digitised at the desk (from a file or a scanner). Each is stored once,
 * named by the SHA-256 of its bytes, in a folder beside the database; a "digitised" event of the dossier
 * refers to it by that hash, so the history says which component was digitised, when and by whom. */

#define MC_ATTACHMENT_MAX_SIZE (50 * 1024 * 1024)

typedef struct
{
  char    *event_uuid;
  char    *component;    /* which document of the dossier: "Giấy chứng sinh", … */
  char    *name;         /* the file's name as received, or "" once personal data was removed */
  char    *hash;         /* SHA-256, 64 lowercase hex digits */
  char    *media_type;   /* application/pdf, image/png, image/jpeg */
  char    *source;       /* "file" or "scanner" */
  gint64   size;
  char    *occurred_at;
  char    *clerk;
  gboolean present;      /* the bytes are on this workstation */
} McAttachment;

void         mc_attachment_free            (McAttachment *attachment);

const char  *mc_attachment_sniff_media_type (GBytes      *data);
gboolean     mc_attachment_hash_is_valid   (const char  *hash);
gboolean     mc_attachment_media_type_is_known (const char *media_type);
char        *mc_attachment_dir             (McStore     *store);
char        *mc_attachment_dir_for_database (const char *db_path);
gboolean     mc_attachment_copy_missing    (const char  *from_dir,
                                            const char  *to_dir,
                                            guint       *out_copied,
                                            GError     **error);
char        *mc_attachment_path            (McStore     *store,
                                            const char  *hash);
gboolean     mc_attachment_put             (McStore     *store,
                                            GBytes      *data,
                                            char       **out_hash,
                                            GError     **error);
GBytes      *mc_attachment_load            (McStore     *store,
                                            const char  *hash,
                                            GError     **error);

McDossier   *mc_store_attach               (McStore     *store,
                                            const char  *code_or_uuid,
                                            const char  *component,
                                            const char  *name,
                                            const char  *source,
                                            GBytes      *data,
                                            const char  *clerk,
                                            GError     **error);
GPtrArray   *mc_store_list_attachments     (McStore     *store,
                                            const char  *code_or_uuid,
                                            GError     **error);
GPtrArray   *mc_attachment_list_from_events (McStore    *store,
                                            GPtrArray   *events);
gboolean     mc_attachment_remove_unreferenced (McStore *store,
                                                GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McAttachment, mc_attachment_free)

G_END_DECLS
