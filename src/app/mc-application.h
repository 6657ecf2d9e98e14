/* mc-application.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_APPLICATION (mc_application_get_type ())
G_DECLARE_FINAL_TYPE (McApplication, mc_application, MC, APPLICATION, AdwApplication)

McApplication *mc_application_new       (GApplicationFlags  flags);
McStore       *mc_application_get_store (McApplication     *self);
void           mc_application_set_db_path (McApplication   *self,
                                           const char      *path);
gboolean       mc_application_is_demo     (McApplication   *self);
void           mc_application_restore_file (McApplication  *self,
                                            const char     *path);

G_END_DECLS
