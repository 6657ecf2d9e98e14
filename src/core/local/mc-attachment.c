/* mc-attachment.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The digitised documents' bytes: files beside the database, named by their SHA-256, written whole or not at all
 * and checked against their name when read. Which dossier holds which document is the store's business
 * (store/mc-store-attachments.c). */

#define G_LOG_DOMAIN "mc-attachment"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mc-attachment.h"
#include "mc-store-private.h"

void
mc_attachment_free (McAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->event_uuid);
  g_free (attachment->component);
  g_free (attachment->name);
  g_free (attachment->hash);
  g_free (attachment->media_type);
  g_free (attachment->source);
  g_free (attachment->occurred_at);
  g_free (attachment->clerk);
  g_free (attachment);
}

/**
 * mc_attachment_sniff_media_type:
 *
 * Tells the kinds of file a dossier may hold by their first bytes, never by their name: a scan or a PDF.
 *
 * Returns: the media type, or %NULL for anything else
 */
const char *
mc_attachment_sniff_media_type (GBytes *data)
{
  gsize len = 0;
  const guint8 *p = data ? g_bytes_get_data (data, &len) : NULL;

  if (p == NULL)
    return NULL;
  if (len >= 5 && memcmp (p, "%PDF-", 5) == 0)
    return "application/pdf";
  if (len >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
    return "image/jpeg";
  return NULL;
}

gboolean
mc_attachment_media_type_is_known (const char *media_type)
{
  return g_strcmp0 (media_type, "application/pdf") == 0 || g_strcmp0 (media_type, "image/png") == 0 ||
         g_strcmp0 (media_type, "image/jpeg") == 0;
}

gboolean
mc_attachment_hash_is_valid (const char *hash)
{
  if (hash == NULL || strlen (hash) != 64)
    return FALSE;
  for (const char *p = hash; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* Beside the database, so that a copy of the folder holding it takes the documents along. */
char *
mc_attachment_dir_for_database (const char *db_path)
{
  return g_strconcat (db_path, ".attachments", NULL);
}

char *
mc_attachment_dir (McStore *store)
{
  return mc_attachment_dir_for_database (mc_store_get_path (store));
}

char *
mc_attachment_path (McStore    *store,
                    const char *hash)
{
  g_autofree char *dir = mc_attachment_dir (store);
  char prefix[3] = { hash[0], hash[1], '\0' };

  g_return_val_if_fail (mc_attachment_hash_is_valid (hash), NULL);
  return g_build_filename (dir, prefix, hash, NULL);
}

static char *
hash_bytes (GBytes *data)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
}

static gboolean
write_failed (GError     **error,
              int          saved,
              const char  *path)
{
  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                         _("The disk is full: the document was not saved. Free some space and try again."));
  else
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO, _("Could not save the document as %s: %s"), path,
                 g_strerror (saved));
  return FALSE;
}

/* Written whole to a temporary name, flushed, then renamed: a file under its hash is always complete. */
static gboolean
write_durably (const char  *path,
               GBytes      *data,
               GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  gsize len = 0;
  const guint8 *p = g_bytes_get_data (data, &len);
  int fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    return write_failed (error, errno, path);
  while (len > 0)
    {
      gssize n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (tmp);
          return write_failed (error, saved, path);
        }
      p += n;
      len -= (gsize) n;
    }
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (tmp);
      return write_failed (error, saved, path);
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      return write_failed (error, saved, path);
    }
  return TRUE;
}

/**
 * mc_attachment_put:
 * @out_hash: (out) (optional): the document's SHA-256
 *
 * Stores a document under its hash. Storing the same bytes twice keeps one file.
 */
gboolean
mc_attachment_put (McStore  *store,
                   GBytes   *data,
                   char    **out_hash,
                   GError  **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  hash = hash_bytes (data);
  path = mc_attachment_path (store, hash);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      folder = g_path_get_dirname (path);
      if (g_mkdir_with_parents (folder, 0700) != 0)
        return write_failed (error, errno, folder);
      if (!write_durably (path, data, error))
        return FALSE;
    }
  if (out_hash)
    *out_hash = g_steal_pointer (&hash);
  return TRUE;
}

/**
 * mc_attachment_load:
 *
 * Reads a stored document and checks its bytes against its name: a damaged copy is refused, not shown.
 */
GBytes *
mc_attachment_load (McStore     *store,
                    const char  *hash,
                    GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) data = NULL;
  gsize len = 0;

  if (!mc_attachment_hash_is_valid (hash))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, _("Not a document reference"));
      return NULL;
    }
  path = mc_attachment_path (store, hash);
  if (!g_file_get_contents (path, &contents, &len, NULL))
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_IO,
                           _("This document is not on this workstation. Import a sync file exported with its "
                             "documents, or digitise it again."));
      return NULL;
    }
  data = g_bytes_new_take (g_steal_pointer (&contents), len);
  actual = hash_bytes (data);
  if (!g_str_equal (actual, hash))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("The stored copy of this document is damaged (%s). Digitise it again."), path);
      return NULL;
    }
  return g_steal_pointer (&data);
}

/**
 * mc_attachment_remove_unreferenced:
 *
 * Deletes the stored documents no dossier may keep: those of dossiers whose personal data was removed under
 * the retention rule (a scan of an identity card is personal data), and any left by a step that failed.
 */
gboolean
mc_attachment_remove_unreferenced (McStore  *store,
                                   GError  **error)
{
  g_autofree char *root = mc_attachment_dir (store);
  g_autoptr(GHashTable) keep = NULL;
  g_autoptr(GDir) top = NULL;
  const char *entry;

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    return TRUE;
  keep = _mc_store_list_kept_documents (store, error);
  if (keep == NULL)
    return FALSE;

  top = g_dir_open (root, 0, NULL);
  while (top != NULL && (entry = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub = g_build_filename (root, entry, NULL);
      g_autoptr(GDir) dir = g_dir_open (sub, 0, NULL);
      const char *file;

      while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
        if (!g_hash_table_contains (keep, file))
          {
            g_autofree char *path = g_build_filename (sub, file, NULL);
            g_unlink (path);
          }
    }
  return TRUE;
}

/**
 * mc_attachment_copy_missing:
 * @from_dir: a document folder (the store's, or a backup's)
 * @to_dir: another, created (mode 0700) when missing
 * @out_copied: (out) (optional): how many documents were copied
 *
 * Copies the documents @to_dir lacks, each written whole then renamed, and checked against its name first: a
 * damaged copy is never spread. Nothing is removed from @to_dir.
 */
gboolean
mc_attachment_copy_missing (const char  *from_dir,
                            const char  *to_dir,
                            guint       *out_copied,
                            GError     **error)
{
  g_autoptr(GDir) top = g_dir_open (from_dir, 0, NULL);
  const char *entry;
  guint copied = 0;

  while (top != NULL && (entry = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub = g_build_filename (from_dir, entry, NULL);
      g_autoptr(GDir) dir = g_dir_open (sub, 0, NULL);
      const char *file;

      while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *source = g_build_filename (sub, file, NULL);
          g_autofree char *target_dir = g_build_filename (to_dir, entry, NULL);
          g_autofree char *target = g_build_filename (target_dir, file, NULL);
          g_autofree char *contents = NULL;
          g_autofree char *actual = NULL;
          g_autoptr(GBytes) data = NULL;
          gsize len = 0;

          if (!mc_attachment_hash_is_valid (file) || strncmp (file, entry, 2) != 0 ||
              g_file_test (target, G_FILE_TEST_EXISTS) || !g_file_get_contents (source, &contents, &len, NULL))
            continue;
          data = g_bytes_new_take (g_steal_pointer (&contents), len);
          actual = hash_bytes (data);
          if (!g_str_equal (actual, file))
            {
              g_message ("%s does not match its name: not copied", source);
              continue;
            }
          if (g_mkdir_with_parents (target_dir, 0700) != 0)
            return write_failed (error, errno, target_dir);
          if (!write_durably (target, data, error))
            return FALSE;
          copied++;
        }
    }
  if (out_copied)
    *out_copied = copied;
  return TRUE;
}
