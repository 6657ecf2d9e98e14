/* mc-dossier-item.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-dossier-item"

#include "config.h"

#include "mc-dossier-item.h"

/* One row of the dossier list: a GObject around the core's projection, for list models. */
struct _McDossierItem
{
  GObject    parent_instance;

  McDossier *dossier;
};

G_DEFINE_FINAL_TYPE (McDossierItem, mc_dossier_item, G_TYPE_OBJECT)

static void
mc_dossier_item_finalize (GObject *object)
{
  McDossierItem *self = MC_DOSSIER_ITEM (object);

  g_clear_pointer (&self->dossier, mc_dossier_unref);

  G_OBJECT_CLASS (mc_dossier_item_parent_class)->finalize (object);
}

static void
mc_dossier_item_class_init (McDossierItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_dossier_item_finalize;
}

static void
mc_dossier_item_init (McDossierItem *self)
{
}

McDossierItem *
mc_dossier_item_new (McDossier *dossier)
{
  McDossierItem *self = g_object_new (MC_TYPE_DOSSIER_ITEM, NULL);

  self->dossier = mc_dossier_ref (dossier);
  return self;
}

McDossier *
mc_dossier_item_get_dossier (McDossierItem *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_ITEM (self), NULL);
  return self->dossier;
}

/* The style class (style.css) that colours a deadline label. */
const char *
mc_due_state_css_class (McDueState state)
{
  switch (state)
    {
    case MC_DUE_STATE_ON_TRACK: return "on-track";
    case MC_DUE_STATE_DUE_SOON: return "due-soon";
    case MC_DUE_STATE_OVERDUE: return "overdue";
    case MC_DUE_STATE_EARLY: return "early";
    case MC_DUE_STATE_ON_TIME: return "on-time";
    case MC_DUE_STATE_LATE: return "late";
    case MC_DUE_STATE_NONE:
    default: return NULL;
    }
}
