/* mc-dossier-item.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mc-dossier.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER_ITEM (mc_dossier_item_get_type ())
G_DECLARE_FINAL_TYPE (McDossierItem, mc_dossier_item, MC, DOSSIER_ITEM, GObject)

McDossierItem *mc_dossier_item_new         (McDossier     *dossier);
McDossier     *mc_dossier_item_get_dossier (McDossierItem *self);

const char    *mc_due_state_css_class      (McDueState     state);

G_END_DECLS
