/* mc-intake-page.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_INTAKE_PAGE (mc_intake_page_get_type ())
G_DECLARE_FINAL_TYPE (McIntakePage, mc_intake_page, MC, INTAKE_PAGE, GtkWidget)

void      mc_intake_page_set_store          (McIntakePage *self,
                                             McStore      *store);
gboolean  mc_intake_page_is_dirty           (McIntakePage *self);
void      mc_intake_page_reset              (McIntakePage *self);
gboolean  mc_intake_page_select_procedure   (McIntakePage *self,
                                             const char   *code);
void      mc_intake_page_focus              (McIntakePage *self);

G_END_DECLS
