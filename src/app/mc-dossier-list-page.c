/* mc-dossier-list-page.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-dossier-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-dossier-item.h"
#include "mc-dossier-list-model.h"
#include "mc-dossier-list-page.h"
#include "mc-handover-dialog.h"
#include "mc-identity.h"
#include "mc-time.h"

typedef enum
{
  COLUMN_CODE,
  COLUMN_APPLICANT,
  COLUMN_ID,
  COLUMN_PROCEDURE,
  COLUMN_RECEIVED,
  COLUMN_DUE,
  COLUMN_STATUS,
  COLUMN_DUE_STATE,
} Column;

struct _McDossierListPage
{
  GtkWidget           parent_instance;

  McStore            *store;
  McDossierListModel *model;
  GtkSelectionModel  *selection;
  char               *search;

  GtkDropDown        *status_dropdown;
  GtkDropDown        *due_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkStack           *content_stack;
};

G_DEFINE_FINAL_TYPE (McDossierListPage, mc_dossier_list_page, GTK_TYPE_WIDGET)

/* The status filter's entries, in dropdown order: 0 means every status. */
static const guint status_filters[] = {
  0,
  (1u << MC_STATUS_IN_PROGRESS) | (1u << MC_STATUS_PAUSED),
  1u << MC_STATUS_IN_PROGRESS,
  1u << MC_STATUS_PAUSED,
  1u << MC_STATUS_RESULT_READY,
  1u << MC_STATUS_RETURNED,
  (1u << MC_STATUS_REFUSED) | (1u << MC_STATUS_STOPPED),
};

static const guint due_filters[] = {
  0,
  (1u << MC_DUE_STATE_OVERDUE) | (1u << MC_DUE_STATE_DUE_SOON),
  1u << MC_DUE_STATE_OVERDUE,
  1u << MC_DUE_STATE_DUE_SOON,
  1u << MC_DUE_STATE_ON_TRACK,
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_CODE || column == COLUMN_ID)
    gtk_widget_add_css_class (label, "code-label");
  if (column == COLUMN_DUE_STATE)
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "due-state");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  McDossierListPage *self = g_object_get_data (G_OBJECT (factory), "page");
  Column column = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  McDossierItem *item = gtk_list_item_get_item (list_item);
  McDossier *d;
  g_autofree char *text = NULL;

  if (item == NULL)
    return;
  d = mc_dossier_item_get_dossier (item);
  switch (column)
    {
    case COLUMN_CODE:
      gtk_label_set_text (label, d->code);
      break;
    case COLUMN_APPLICANT:
      gtk_label_set_text (label, d->applicant_name);
      break;
    case COLUMN_ID:
      /* Lists show the masked number only (personal-data rules). */
      text = mc_id_number_mask (d->applicant_id);
      gtk_label_set_text (label, text);
      break;
    case COLUMN_PROCEDURE:
      gtk_label_set_text (label, d->procedure_name ? d->procedure_name : d->procedure_code);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), d->procedure_name);
      break;
    case COLUMN_RECEIVED:
      text = mc_time_format_short (d->received);
      gtk_label_set_text (label, text);
      break;
    case COLUMN_DUE:
      text = mc_time_format_short (d->due);
      gtk_label_set_text (label, text);
      break;
    case COLUMN_STATUS:
      gtk_label_set_text (label, mc_status_label (d->status));
      break;
    case COLUMN_DUE_STATE:
      {
        McDueState state = mc_dossier_due_state (d, mc_store_get_calendar (self->store), mc_time_now ());
        const char *css = mc_due_state_css_class (state);
        const char *all[] = { "on-track", "due-soon", "overdue", "early", "on-time", "late" };

        for (guint i = 0; i < G_N_ELEMENTS (all); i++)
          gtk_widget_remove_css_class (GTK_WIDGET (label), all[i]);
        if (css != NULL)
          gtk_widget_add_css_class (GTK_WIDGET (label), css);
        gtk_widget_set_visible (GTK_WIDGET (label), css != NULL);
        gtk_label_set_text (label, mc_due_state_label (state));
      }
      break;
    default:
      break;
    }
}

static void
add_column (McDossierListPage *self,
            Column             column,
            const char        *title,
            gboolean           expand,
            int                fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
update_count (McDossierListPage *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *text = NULL;

  /* The store stops counting search matches at a cap: say so rather than show a wrong total. */
  if (self->search != NULL && *self->search != '\0' && n >= MC_STORE_SEARCH_CAP)
    text = g_strdup_printf (_("More than %u dossiers match: type more to narrow the search"), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dossier", "%u dossiers", n), n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
}

static void
apply_filters (McDossierListPage *self)
{
  McQuery query;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint due = gtk_drop_down_get_selected (self->due_dropdown);

  if (self->model == NULL)
    return;
  mc_query_init (&query);
  query.status_mask = status < G_N_ELEMENTS (status_filters) ? status_filters[status] : 0;
  query.due_state_mask = due < G_N_ELEMENTS (due_filters) ? due_filters[due] : 0;
  query.sort = gtk_drop_down_get_selected (self->sort_dropdown) == 1 ? MC_SORT_RECEIVED_DESC : MC_SORT_DUE;
  query.text = self->search && *self->search ? self->search : NULL;
  /* Search results come newest first from the index (fast on a million rows): the sort does not apply. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_dropdown), query.text == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sort_dropdown),
                               query.text == NULL ? NULL : _("Search results are shown newest first"));
  mc_dossier_list_model_set_query (self->model, &query);
}

static void
filters_changed_cb (McDossierListPage *self)
{
  apply_filters (self);
}

static void
row_activated_cb (McDossierListPage *self,
                  guint              position)
{
  g_autoptr(McDossierItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "desk.show-dossier", "s",
                              mc_dossier_item_get_dossier (item)->code);
}

static void
items_changed_cb (McDossierListPage *self)
{
  update_count (self);
}

static void
selection_changed_cb (McDossierListPage *self)
{
  g_autoptr(GtkBitset) chosen = gtk_selection_model_get_selection (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.handover-selected", !gtk_bitset_is_empty (chosen));
}

static void
handover_recorded_cb (McDossierListPage *self)
{
  gtk_selection_model_unselect_all (self->selection);
  mc_dossier_list_page_reload (self);
}

/* The paper practice of the sổ giao nhận: the desk hands the day's dossiers to the specialist at once, with the
 * list to sign (mc-handover-dialog.c refuses the whole batch if one of them cannot be handed over). */
static void
handover_selected_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  McDossierListPage *self = MC_DOSSIER_LIST_PAGE (widget);
  g_autoptr(GtkBitset) chosen = NULL;
  g_autoptr(GPtrArray) dossiers = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
  GtkBitsetIter iter;
  guint position;
  McHandoverDialog *dialog;

  if (self->selection == NULL)
    return;
  chosen = gtk_selection_model_get_selection (self->selection);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, chosen, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(McDossierItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

      if (item != NULL)
        g_ptr_array_add (dossiers, mc_dossier_ref (mc_dossier_item_get_dossier (item)));
    }
  if (dossiers->len == 0)
    return;
  dialog = mc_handover_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, dossiers);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (handover_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void mapped_cb (McDossierListPage *self);

static void
mc_dossier_list_page_dispose (GObject *object)
{
  McDossierListPage *self = MC_DOSSIER_LIST_PAGE (object);

  GtkWidget *child;

  /* The template's root hangs under a layout manager, not as a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_DOSSIER_LIST_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (mc_dossier_list_page_parent_class)->dispose (object);
}

static void
mc_dossier_list_page_class_init (McDossierListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_dossier_list_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-dossier-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McDossierListPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McDossierListPage, due_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McDossierListPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McDossierListPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, McDossierListPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, McDossierListPage, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "list.handover-selected", NULL, handover_selected_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mc_dossier_list_page_init (McDossierListPage *self)
{
  const char *statuses[] = {
    _("All"), _("Open"), _("In progress"), _("Awaiting supplement"), _("Result ready"), _("Returned"),
    _("Refused or stopped"), NULL
  };
  const char *dues[] = { _("All"), _("Needs attention"), _("Overdue"), _("Due soon"), _("On track"), NULL };
  const char *sorts[] = { _("Due date"), _("Newest first"), NULL };
  g_autoptr(GtkStringList) status_model = gtk_string_list_new (statuses);
  g_autoptr(GtkStringList) due_model = gtk_string_list_new (dues);
  g_autoptr(GtkStringList) sort_model = gtk_string_list_new (sorts);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.handover-selected", FALSE);

  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_model));
  gtk_drop_down_set_model (self->due_dropdown, G_LIST_MODEL (due_model));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sort_model));

  add_column (self, COLUMN_CODE, _("Code"), FALSE, 235);
  add_column (self, COLUMN_APPLICANT, _("Applicant"), FALSE, 190);
  add_column (self, COLUMN_ID, _("ID number"), FALSE, 130);
  add_column (self, COLUMN_PROCEDURE, _("Procedure"), TRUE, -1);
  /* Translators: the column of the time a dossier was received */
  add_column (self, COLUMN_RECEIVED, C_("column", "Received"), FALSE, 135);
  add_column (self, COLUMN_DUE, _("Due"), FALSE, 135);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE, 140);
  add_column (self, COLUMN_DUE_STATE, _("Deadline"), FALSE, 150);
}

/* The model is made when the list is first shown, not with the window: counting a million rows and filling the
 * first page has no place in the clerk's first frame, which shows the intake form. */
static void
ensure_model (McDossierListPage *self)
{
  if (self->model != NULL || self->store == NULL)
    return;
  self->model = mc_dossier_list_model_new (self->store);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  /* Several rows can be chosen (Ctrl or Shift and a click) for a hand-over; none is chosen at first, and a
   * multiple selection never scans the model. */
  self->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, self->selection);
  apply_filters (self);
  update_count (self);
}

static void
mapped_cb (McDossierListPage *self)
{
  ensure_model (self);
}

void
mc_dossier_list_page_set_store (McDossierListPage *self,
                                McStore           *store)
{
  g_return_if_fail (MC_IS_DOSSIER_LIST_PAGE (self));

  g_set_object (&self->store, store);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->model);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_model (self);
}

void
mc_dossier_list_page_set_search (McDossierListPage *self,
                                 const char        *text)
{
  g_return_if_fail (MC_IS_DOSSIER_LIST_PAGE (self));

  if (g_strcmp0 (self->search, text) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);
  apply_filters (self);
}

void
mc_dossier_list_page_reload (McDossierListPage *self)
{
  g_return_if_fail (MC_IS_DOSSIER_LIST_PAGE (self));

  if (self->model != NULL)
    mc_dossier_list_model_reload (self->model);
}

GListModel *
mc_dossier_list_page_get_model (McDossierListPage *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_LIST_PAGE (self), NULL);
  ensure_model (self);
  return G_LIST_MODEL (self->model);
}

void
mc_dossier_list_page_focus_list (McDossierListPage *self)
{
  g_return_if_fail (MC_IS_DOSSIER_LIST_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}
