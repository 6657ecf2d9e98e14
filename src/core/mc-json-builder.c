/* mc-json-builder.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The members of the JSON documents the program prints (the dossier, its steps, the catalogue, the command
 * line's answers), written one way everywhere. The sync files have their own writer (sync/mc-bundle-writer.c):
 * their bytes are a format of their own. */

#define G_LOG_DOMAIN "mc-json-builder"

#include "config.h"

#include "mc-json-builder.h"

void
mc_json_add_string (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
mc_json_add_int (JsonBuilder *builder,
                 const char  *member,
                 gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
mc_json_add_boolean (JsonBuilder *builder,
                     const char  *member,
                     gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
mc_json_add_strings (JsonBuilder *builder,
                     const char  *member,
                     GPtrArray   *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && i < values->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (values, i));
  json_builder_end_array (builder);
}

void
mc_json_add_time (JsonBuilder *builder,
                  const char  *member,
                  McMinute     t)
{
  g_autofree char *text = t == MC_MINUTE_NONE ? NULL : mc_time_format_iso (t);

  mc_json_add_string (builder, member, text);
}
