/* mc-procedure-item.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-procedure-item"

#include "config.h"

#include "mc-procedure-item.h"
#include "mc-text.h"

/* A catalogue entry as an item of a list model, with the text the procedure picker searches. */
struct _McProcedureItem
{
  GObject      parent_instance;

  McProcedure *procedure;
  char        *label;
  char        *search_key;
};

G_DEFINE_FINAL_TYPE (McProcedureItem, mc_procedure_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_SEARCH_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_procedure_item_finalize (GObject *object)
{
  McProcedureItem *self = MC_PROCEDURE_ITEM (object);

  g_clear_pointer (&self->procedure, mc_procedure_unref);
  g_free (self->label);
  g_free (self->search_key);

  G_OBJECT_CLASS (mc_procedure_item_parent_class)->finalize (object);
}

static void
mc_procedure_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  McProcedureItem *self = MC_PROCEDURE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_SEARCH_KEY:
      g_value_set_string (value, self->search_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_procedure_item_class_init (McProcedureItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_procedure_item_finalize;
  object_class->get_property = mc_procedure_item_get_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_KEY] = g_param_spec_string ("search-key", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_procedure_item_init (McProcedureItem *self)
{
}

McProcedureItem *
mc_procedure_item_new (McProcedure *procedure)
{
  McProcedureItem *self = g_object_new (MC_TYPE_PROCEDURE_ITEM, NULL);
  g_autofree char *folded = mc_text_fold (procedure->name);

  self->procedure = mc_procedure_ref (procedure);
  self->label = g_strdup_printf ("%s — %s", procedure->code, procedure->name);
  /* Both the accented and the folded name: "khai sinh" and "khai sinh" typed with accents both match. */
  self->search_key = g_strdup_printf ("%s %s %s", procedure->code, folded, procedure->name);
  return self;
}

McProcedure *
mc_procedure_item_get_procedure (McProcedureItem *self)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_ITEM (self), NULL);
  return self->procedure;
}

const char *
mc_procedure_item_get_label (McProcedureItem *self)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_ITEM (self), NULL);
  return self->label;
}

const char *
mc_procedure_item_get_search_key (McProcedureItem *self)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_ITEM (self), NULL);
  return self->search_key;
}
