/* test-util.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Small helpers the test programs share. */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mc-bundle.h"
#include "mc-store.h"

/* Removes a test's temporary folder with everything in it (the database, its documents, its backups). */
static inline void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      test_remove_tree (child);
    }
  g_rmdir (path);
}

/* An event's payload from key/value string pairs, up to a NULL key; a NULL value leaves its key out. */
static inline JsonNode *
payload_new (const char *first_key,
             ...) G_GNUC_NULL_TERMINATED;

static inline JsonNode *
payload_new (const char *first_key,
             ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL)
        continue;
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, value);
    }
  va_end (args);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A workstation of the test office (000.00.12.H40, UBND xã Tân Lập) in @dir, set up, with the office's sync
 * passphrase. */
static inline McStore *
test_open_station (const char *dir,
                   const char *name,
                   int         station)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(McStore) store = mc_store_open (path, TRUE, &error);
  McStoreSetup setup = { "000.00.12.H40", "UBND xã Tân Lập", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Tân Lập", station,
                         "Lê Thu Hà" };

  g_assert_no_error (error);
  g_assert_true (mc_store_setup (store, &setup, &error));
  g_assert_no_error (error);
  g_assert_true (mc_bundle_set_passphrase (store, "mật khẩu đồng bộ của xã", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* A fixture of one temporary folder, for the tests that open workstations in it. @now (the test's data) is the
 * moment the store sees (MOTCUA_NOW), or NULL to leave it. */
typedef struct
{
  char *dir;
} TestFolder;

static inline void
test_folder_set_up (TestFolder    *fx,
                    gconstpointer  now)
{
  g_setenv ("MOTCUA_PWHASH_FAST", "1", TRUE);
  if (now != NULL)
    g_setenv ("MOTCUA_NOW", now, TRUE);
  fx->dir = g_dir_make_tmp ("motcua-test-XXXXXX", NULL);
  g_assert_nonnull (fx->dir);
}

static inline void
test_folder_tear_down (TestFolder    *fx,
                       gconstpointer  now)
{
  test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_setenv ("MOTCUA_NOW", "", TRUE);
}
