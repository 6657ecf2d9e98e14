/* mc-procedure-finder.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intake page's procedure finder: a search field over the catalogue (mc_procedure_search, the matcher
 * `motcua-cli procedures --search` uses), the best matches below it, the chosen procedure shown whole. Enter
 * takes the highlighted match (the first unless the arrows moved), Down goes into the matches, Escape clears. */

#define G_LOG_DOMAIN "mc-procedure-finder"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-procedure-finder.h"
#include "mc-procedure-search.h"
#include "mc-time.h"

/* Enough for the office's usual procedures at a glance, few enough that the form stays in view. */
#define MAX_ROWS 8

struct _McProcedureFinder
{
  GtkWidget       parent_instance;

  GPtrArray      *procedures;   /* McProcedure, the catalogue's order */
  GHashTable     *usage;        /* code → McProcedureUsage */
  GPtrArray      *shown;        /* McProcedure, one per row of results_list */
  McProcedure    *chosen;

  GtkSearchEntry *search_entry;
  GtkListBox     *results_list;
  GtkLabel       *empty_label;
  GtkWidget      *chosen_box;
  GtkLabel       *chosen_label;
};

G_DEFINE_FINAL_TYPE (McProcedureFinder, mc_procedure_finder, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe (McProcedure *procedure)
{
  return g_strdup_printf ("%s — %s", procedure->code, procedure->name);
}

static GtkWidget *
make_row (McProcedure *procedure)
{
  g_autofree char *text = describe (procedure);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  /* Long names wrap: the clerk must read the whole name to tell "khai sinh" from "khai sinh có yếu tố nước
   * ngoài". */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* The matches for what is typed; with nothing typed and nothing chosen, the office's usual procedures. */
static void
refresh (McProcedureFinder *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean typed = *trimmed != '\0';
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  g_ptr_array_set_size (self->shown, 0);

  if (self->procedures != NULL && (typed || self->chosen == NULL))
    found = mc_procedure_search (self->procedures, text, self->usage);
  for (guint i = 0; found != NULL && i < found->len && i < MAX_ROWS; i++)
    {
      McProcedure *procedure = g_ptr_array_index (found, i);

      g_ptr_array_add (self->shown, mc_procedure_ref (procedure));
      gtk_list_box_append (self->results_list, make_row (procedure));
    }
  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), self->shown->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), typed && self->shown->len == 0);
}

static void
show_chosen (McProcedureFinder *self)
{
  g_autofree char *text = self->chosen ? describe (self->chosen) : NULL;

  gtk_label_set_text (self->chosen_label, text ? text : "");
  gtk_widget_set_visible (self->chosen_box, self->chosen != NULL);
}

static void
choose (McProcedureFinder *self,
        McProcedure       *procedure)
{
  if (procedure != NULL)
    mc_procedure_ref (procedure);
  g_clear_pointer (&self->chosen, mc_procedure_unref);
  self->chosen = procedure;
  show_chosen (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static McProcedure *
find_code (McProcedureFinder *self,
           const char        *code)
{
  for (guint i = 0; self->procedures != NULL && i < self->procedures->len; i++)
    {
      McProcedure *procedure = g_ptr_array_index (self->procedures, i);

      if (g_str_equal (procedure->code, code))
        return procedure;
    }
  return NULL;
}

/*
 * Callbacks
 */

static void
search_changed_cb (McProcedureFinder *self)
{
  refresh (self);
}

static void
search_activate_cb (McProcedureFinder *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);

  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->results_list)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  choose (self, g_ptr_array_index (self->shown, gtk_list_box_row_get_index (row)));
}

static void
stop_search_cb (McProcedureFinder *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
row_activated_cb (McProcedureFinder *self,
                  GtkListBoxRow     *row)
{
  choose (self, g_ptr_array_index (self->shown, gtk_list_box_row_get_index (row)));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Up and Down move the highlighted match while the typing stays in the field. */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      McProcedureFinder     *self)
{
  GtkListBoxRow *row;
  int index, last;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_KP_Up) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || self->shown->len == 0 ||
      !gtk_widget_get_visible (GTK_WIDGET (self->results_list)))
    return FALSE;
  row = gtk_list_box_get_selected_row (self->results_list);
  index = row ? gtk_list_box_row_get_index (row) : -1;
  last = (int) self->shown->len - 1;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    index = MIN (index + 1, last);
  else if (index <= 0)
    return FALSE;   /* above the first match: the field before, as Up does elsewhere */
  else
    index--;
  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, index));
  return TRUE;
}

/*
 * GObject
 */

static void
mc_procedure_finder_dispose (GObject *object)
{
  McProcedureFinder *self = MC_PROCEDURE_FINDER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_PROCEDURE_FINDER);
  g_clear_pointer (&self->procedures, g_ptr_array_unref);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, mc_procedure_unref);

  G_OBJECT_CLASS (mc_procedure_finder_parent_class)->dispose (object);
}

static gboolean
mc_procedure_finder_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (MC_PROCEDURE_FINDER (widget)->search_entry));
}

static void
mc_procedure_finder_class_init (McProcedureFinderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_procedure_finder_dispose;
  widget_class->grab_focus = mc_procedure_finder_grab_focus;

  /**
   * McProcedureFinder::changed:
   *
   * The chosen procedure changed (to none as well).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-procedure-finder.ui");
  gtk_widget_class_bind_template_child (widget_class, McProcedureFinder, search_entry);
  gtk_widget_class_bind_template_child (widget_class, McProcedureFinder, results_list);
  gtk_widget_class_bind_template_child (widget_class, McProcedureFinder, empty_label);
  gtk_widget_class_bind_template_child (widget_class, McProcedureFinder, chosen_box);
  gtk_widget_class_bind_template_child (widget_class, McProcedureFinder, chosen_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mc_procedure_finder_init (McProcedureFinder *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_unref);
  /* Before the entry's own handling, which would move the focus out of the field. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "finder-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/*
 * Public API
 */

GtkWidget *
mc_procedure_finder_new (void)
{
  return g_object_new (MC_TYPE_PROCEDURE_FINDER, NULL);
}

/* The catalogue and the office's habits from @store; nothing chosen. */
void
mc_procedure_finder_set_store (McProcedureFinder *self,
                               McStore           *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MC_IS_PROCEDURE_FINDER (self));

  g_clear_pointer (&self->procedures, g_ptr_array_unref);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  if (store != NULL)
    {
      self->procedures = mc_store_list_procedures (store, &error);
      if (self->procedures == NULL)
        g_warning ("Cannot read the procedure catalogue: %s", error->message);
      g_clear_error (&error);
      /* Without the habits the finder still works, in the catalogue's order. */
      self->usage = mc_store_procedure_usage (store, &error);
      if (self->usage == NULL)
        g_warning ("Cannot read how the procedures are used: %s", error->message);
    }
  g_clear_pointer (&self->chosen, mc_procedure_unref);
  show_chosen (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refresh (self);
}

McProcedure *
mc_procedure_finder_get_procedure (McProcedureFinder *self)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_FINDER (self), NULL);
  return self->chosen;
}

gboolean
mc_procedure_finder_select_code (McProcedureFinder *self,
                                 const char        *code)
{
  McProcedure *procedure;

  g_return_val_if_fail (MC_IS_PROCEDURE_FINDER (self), FALSE);

  procedure = find_code (self, code);
  if (procedure == NULL)
    return FALSE;
  choose (self, procedure);
  return TRUE;
}

/* A fresh form has no procedure: a clerk who does not look must not save under the last one. */
void
mc_procedure_finder_clear (McProcedureFinder *self)
{
  g_return_if_fail (MC_IS_PROCEDURE_FINDER (self));
  choose (self, NULL);
}

/* One more dossier under @code, received now: the ranking follows the office's habits as they form. */
void
mc_procedure_finder_note_received (McProcedureFinder *self,
                                   const char        *code)
{
  McProcedureUsage *use;

  g_return_if_fail (MC_IS_PROCEDURE_FINDER (self));

  if (self->usage == NULL)
    self->usage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  use = g_hash_table_lookup (self->usage, code);
  if (use == NULL)
    {
      use = g_new0 (McProcedureUsage, 1);
      g_hash_table_insert (self->usage, g_strdup (code), use);
    }
  use->count++;
  use->last = mc_time_now ();
  refresh (self);
}

GtkEditable *
mc_procedure_finder_get_entry (McProcedureFinder *self)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_FINDER (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}
