/* mc-dossier-list-model.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-dossier-list-model"

#include "config.h"

#include "mc-dossier-item.h"
#include "mc-dossier-list-model.h"
#include "mc-time.h"

/* Rows are read from SQLite a page at a time, as the view asks for them; only recently used pages stay in
 * memory, so a million dossiers cost no more than a hundred. */
#define PAGE_SIZE 100
#define MAX_PAGES 40

struct _McDossierListModel
{
  GObject     parent_instance;

  McStore    *store;
  McQuery     query;
  char       *text;       /* owned copy of query.text */
  guint       n_items;
  GHashTable *pages;      /* page index → GPtrArray of McDossierItem */
  GQueue     *recent;     /* page indexes, most recent first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (McDossierListModel, mc_dossier_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
load_page (McDossierListModel *self,
           guint               page)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *previous = page > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page - 1)) : NULL;
  GPtrArray *items;
  McQuery query = self->query;

  query.limit = PAGE_SIZE;
  if (previous != NULL && previous->len > 0)
    {
      /* Keyset: continue after the last row of the page before. */
      McDossier *last = mc_dossier_item_get_dossier (g_ptr_array_index (previous, previous->len - 1));

      query.has_after = TRUE;
      query.after_key = query.sort == MC_SORT_DUE ? (last->due == MC_MINUTE_NONE ? G_MAXINT64 : last->due)
                                                   : last->received;
      query.after_id = last->row_id;
    }
  else
    query.offset = page * PAGE_SIZE;

  rows = mc_store_query (self->store, &query, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot read dossiers: %s", error->message);
      rows = g_ptr_array_new ();
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, mc_dossier_item_new (g_ptr_array_index (rows, i)));

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (self->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (self->recent) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (self->recent));
  return items;
}

static GType
get_item_type (GListModel *model)
{
  return MC_TYPE_DOSSIER_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return MC_DOSSIER_LIST_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  McDossierListModel *self = MC_DOSSIER_LIST_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);
  else
    {
      g_queue_remove (self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (self->recent, GUINT_TO_POINTER (page));
    }
  if (position % PAGE_SIZE >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
store_changed_cb (McDossierListModel *self)
{
  mc_dossier_list_model_reload (self);
}

static void
mc_dossier_list_model_dispose (GObject *object)
{
  McDossierListModel *self = MC_DOSSIER_LIST_MODEL (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mc_dossier_list_model_parent_class)->dispose (object);
}

static void
mc_dossier_list_model_finalize (GObject *object)
{
  McDossierListModel *self = MC_DOSSIER_LIST_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_free (self->recent);
  g_free (self->text);

  G_OBJECT_CLASS (mc_dossier_list_model_parent_class)->finalize (object);
}

static void
mc_dossier_list_model_class_init (McDossierListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_dossier_list_model_dispose;
  object_class->finalize = mc_dossier_list_model_finalize;
}

static void
mc_dossier_list_model_init (McDossierListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->recent = g_queue_new ();
  mc_query_init (&self->query);
}

McDossierListModel *
mc_dossier_list_model_new (McStore *store)
{
  McDossierListModel *self = g_object_new (MC_TYPE_DOSSIER_LIST_MODEL, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  mc_dossier_list_model_reload (self);
  return self;
}

void
mc_dossier_list_model_set_query (McDossierListModel *self,
                                 const McQuery      *query)
{
  g_return_if_fail (MC_IS_DOSSIER_LIST_MODEL (self));

  g_free (self->text);
  self->query = *query;
  self->text = g_strdup (query->text);
  self->query.text = self->text;
  self->query.has_after = FALSE;
  self->query.offset = 0;
  mc_dossier_list_model_reload (self);
}

/* Re-reads the count and drops cached pages, e.g. after a save or when the clock moved the due states. */
void
mc_dossier_list_model_reload (McDossierListModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  gint64 count;

  g_return_if_fail (MC_IS_DOSSIER_LIST_MODEL (self));

  self->query.now = mc_time_now ();
  g_hash_table_remove_all (self->pages);
  g_queue_clear (self->recent);
  count = mc_store_count (self->store, &self->query, &error);
  if (count < 0)
    {
      g_warning ("Cannot count dossiers: %s", error->message);
      count = 0;
    }
  /* Two signals, not one: with a single (0, old, new) GTK 4.8 looks every new item up among the old
   * rows, reading the whole model page by page before the next frame. */
  self->n_items = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  self->n_items = (guint) count;
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}
