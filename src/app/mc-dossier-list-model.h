/* mc-dossier-list-model.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER_LIST_MODEL (mc_dossier_list_model_get_type ())
G_DECLARE_FINAL_TYPE (McDossierListModel, mc_dossier_list_model, MC, DOSSIER_LIST_MODEL, GObject)

McDossierListModel *mc_dossier_list_model_new       (McStore            *store);
void                mc_dossier_list_model_set_query (McDossierListModel *self,
                                                     const McQuery      *query);
void                mc_dossier_list_model_reload    (McDossierListModel *self);

G_END_DECLS
