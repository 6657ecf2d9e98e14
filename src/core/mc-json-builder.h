/* mc-json-builder.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mc-time.h"

G_BEGIN_DECLS

/* One member of the object a JsonBuilder is writing, as the documents of docs/cli.md spell them: a missing
 * string or time is null, a time is ISO 8601 to the minute. */
void mc_json_add_string  (JsonBuilder *builder,
                          const char  *member,
                          const char  *value);
void mc_json_add_int     (JsonBuilder *builder,
                          const char  *member,
                          gint64       value);
void mc_json_add_boolean (JsonBuilder *builder,
                          const char  *member,
                          gboolean     value);
void mc_json_add_strings (JsonBuilder *builder,
                          const char  *member,
                          GPtrArray   *values);
void mc_json_add_time    (JsonBuilder *builder,
                          const char  *member,
                          McMinute     t);

G_END_DECLS
