/* mc-declaration-window.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-declaration-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-declaration-window.h"
#include "mc-preview-window.h"

/* The declaration filled at the desk: one row per field of the template, started from the intake data (or
 * from what was recorded last time); saving records the answers in the dossier's history and opens the
 * preview, from which the clerk prints it for the citizen to check and sign. */

struct _McDeclarationWindow
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *fields_group;

  McStore             *store;
  McDossier           *dossier;
  McDeclaration       *declaration;
  GHashTable          *rows;   /* field key → AdwEntryRow or AdwComboRow */
};

G_DEFINE_FINAL_TYPE (McDeclarationWindow, mc_declaration_window, ADW_TYPE_WINDOW)

static void
show_error (McDeclarationWindow *self,
            const char          *heading,
            GError              *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GHashTable *
collect_answers (McDeclarationWindow *self)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *fields = mc_declaration_get_fields (self->declaration);

  for (guint i = 0; i < fields->len; i++)
    {
      McDeclarationField *field = g_ptr_array_index (fields, i);
      GtkWidget *row = g_hash_table_lookup (self->rows, field->key);

      if (ADW_IS_COMBO_ROW (row))
        {
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

          /* Position 0 is "not stated". */
          if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
            g_hash_table_replace (answers, g_strdup (field->key), g_strdup (field->choices[selected - 1]));
        }
      else
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

          if (*text != '\0')
            g_hash_table_replace (answers, g_strdup (field->key), g_strdup (text));
        }
    }
  return answers;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McDeclarationWindow *self = MC_DECLARATION_WINDOW (widget);
  g_autoptr(GHashTable) answers = collect_answers (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) recorded = NULL;
  g_autoptr(McDocument) document = NULL;
  g_autofree char *title = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  McPreviewWindow *preview;

  recorded = mc_declaration_record (self->declaration, self->store, self->dossier, answers, &error);
  if (recorded == NULL)
    {
      show_error (self, _("Not Saved"), error);
      return;
    }
  document = mc_declaration_render (self->declaration, self->store, recorded, answers, &error);
  if (document == NULL)
    {
      show_error (self, _("Cannot Show the Declaration"), error);
      return;
    }
  title = g_strdup_printf ("%s — %s", recorded->code, mc_declaration_get_title (self->declaration));
  preview = mc_preview_window_new (document, title, &error);
  if (preview == NULL)
    {
      show_error (self, _("Cannot Show the Declaration"), error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (preview), parent);
  gtk_window_present (GTK_WINDOW (preview));
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
make_row (McDeclarationField *field,
          const char         *value)
{
  g_autofree char *title = NULL;

  if (field->kind == MC_DECLARATION_FIELD_DATE)
    title = g_strdup_printf (_("%s%s (day/month/year)"), field->label, field->required ? " *" : "");
  else
    title = g_strdup_printf ("%s%s", field->label, field->required ? " *" : "");

  if (field->kind == MC_DECLARATION_FIELD_CHOICE)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      gtk_string_list_append (model, _("Not stated"));
      for (guint i = 0; field->choices[i]; i++)
        {
          gtk_string_list_append (model, field->choices[i]);
          if (g_strcmp0 (value, field->choices[i]) == 0)
            selected = i + 1;
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      return row;
    }
  else
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      return row;
    }
}

static void
mc_declaration_window_dispose (GObject *object)
{
  McDeclarationWindow *self = MC_DECLARATION_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->declaration);
  g_clear_pointer (&self->dossier, mc_dossier_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  G_OBJECT_CLASS (mc_declaration_window_parent_class)->dispose (object);
}

static void
mc_declaration_window_class_init (McDeclarationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_declaration_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-declaration-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McDeclarationWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, McDeclarationWindow, page);
  gtk_widget_class_bind_template_child (widget_class, McDeclarationWindow, fields_group);
  gtk_widget_class_install_action (widget_class, "declaration.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "declaration.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_declaration_window_init (McDeclarationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * mc_declaration_window_new:
 *
 * Returns: (transfer full) (nullable): the form, or %NULL when the dossier's history cannot be read
 */
McDeclarationWindow *
mc_declaration_window_new (McStore        *store,
                           McDossier      *dossier,
                           McDeclaration  *declaration,
                           GError        **error)
{
  g_autoptr(GHashTable) answers = mc_declaration_initial_answers (declaration, store, dossier, error);
  McDeclarationWindow *self;
  GPtrArray *sections;

  if (answers == NULL)
    return NULL;
  self = g_object_new (MC_TYPE_DECLARATION_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->dossier = mc_dossier_ref (dossier);
  self->declaration = g_object_ref (declaration);
  adw_window_title_set_title (self->window_title, mc_declaration_get_title (declaration));
  adw_window_title_set_subtitle (self->window_title, dossier->code);

  /* One group per heading of the form, so that "Họ, chữ đệm, tên" says whose. */
  sections = mc_declaration_get_sections (declaration);
  for (guint i = 0; i < sections->len; i++)
    {
      McDeclarationSection *section = g_ptr_array_index (sections, i);
      AdwPreferencesGroup *group = self->fields_group;

      if (section->fields->len == 0)
        continue;
      if (i > 0 || section->title != NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, "");
          adw_preferences_group_set_description (group, section->title);
          adw_preferences_page_add (self->page, group);
        }
      for (guint j = 0; j < section->fields->len; j++)
        {
          McDeclarationField *field = g_ptr_array_index (section->fields, j);
          GtkWidget *row = make_row (field, g_hash_table_lookup (answers, field->key));

          gtk_widget_set_name (row, field->key);
          adw_preferences_group_add (group, row);
          g_hash_table_replace (self->rows, g_strdup (field->key), row);
        }
    }
  return self;
}

/* Fills one field as the clerk would type it (used by the tests, and by nothing that bypasses the form). */
void
mc_declaration_window_set_answer (McDeclarationWindow *self,
                                  const char          *key,
                                  const char          *value)
{
  GtkWidget *row;

  g_return_if_fail (MC_IS_DECLARATION_WINDOW (self));
  row = g_hash_table_lookup (self->rows, key);
  g_return_if_fail (row != NULL);

  if (ADW_IS_COMBO_ROW (row))
    {
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), value) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row), value);
}
