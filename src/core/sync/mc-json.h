/* mc-json.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MC_JSON_ERROR (mc_json_error_quark ())

typedef enum
{
  MC_JSON_ERROR_INVALID,
} McJsonError;

GQuark    mc_json_error_quark (void);
JsonNode *mc_json_parse       (const char  *data,
                               gsize        len,
                               guint        max_depth,
                               GError     **error);

G_END_DECLS
