/* mc-setup-page.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-setup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-setup-page.h"

/* First start: nothing else is reachable until the office and this station are known. */
struct _McSetupPage
{
  GtkWidget       parent_instance;

  McStore        *store;

  AdwEntryRow    *office_name_row;
  AdwEntryRow    *parent_row;
  AdwEntryRow    *office_code_row;
  AdwEntryRow    *place_row;
  GtkSpinButton  *station_spin;
  AdwEntryRow    *clerk_row;
  GtkLabel       *error_label;
  GtkButton      *start_button;
};

G_DEFINE_FINAL_TYPE (McSetupPage, mc_setup_page, GTK_TYPE_WIDGET)

enum {
  COMPLETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* The start button says what is still missing, so the clerk does not wonder why it cannot be pressed. */
static void
update_actions (McSetupPage *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_null_terminated (3, NULL, TRUE);

  if (is_blank (row_text (self->office_name_row)))
    g_ptr_array_add (missing, _("the office name"));
  if (is_blank (row_text (self->office_code_row)))
    g_ptr_array_add (missing, _("the office's electronic code"));
  if (is_blank (row_text (self->clerk_row)))
    g_ptr_array_add (missing, _("the clerk's full name"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.complete", missing->len == 0);
  if (missing->len == 0)
    gtk_button_set_label (self->start_button, _("_Start Using Một Cửa"));
  else
    {
      g_autofree char *list = g_strjoinv (", ", (char **) missing->pdata);
      /* Translators: on the disabled start button of the setup; %s lists the required fields left empty */
      g_autofree char *label = g_strdup_printf (_("Still needed: %s"), list);

      gtk_button_set_label (self->start_button, label);
    }
}

static void
field_changed_cb (McSetupPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_actions (self);
}

static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McSetupPage *self = MC_SETUP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  McStoreSetup setup = {
    .office_code = row_text (self->office_code_row),
    .office_name = row_text (self->office_name_row),
    .parent_name = row_text (self->parent_row),
    .place = row_text (self->place_row),
    .station = gtk_spin_button_get_value_as_int (self->station_spin),
    .clerk = row_text (self->clerk_row),
  };

  g_return_if_fail (self->store != NULL);

  if (!mc_store_setup (self->store, &setup, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[COMPLETED], 0);
}

static void
entry_activated_cb (McSetupPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "setup.complete", NULL);
}

static void
mc_setup_page_dispose (GObject *object)
{
  McSetupPage *self = MC_SETUP_PAGE (object);

  GtkWidget *child;

  /* The template's root hangs under a layout manager, not as a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_SETUP_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mc_setup_page_parent_class)->dispose (object);
}

static void
mc_setup_page_class_init (McSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_setup_page_dispose;

  signals[COMPLETED] = g_signal_new ("completed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McSetupPage, office_name_row);
  gtk_widget_class_bind_template_child (widget_class, McSetupPage, parent_row);
  gtk_widget_class_bind_template_child (widget_class, McSetupPage, office_code_row);
  gtk_widget_class_bind_template_child (widget_class, McSetupPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, McSetupPage, station_spin);
  gtk_widget_class_bind_template_child (widget_class, McSetupPage, clerk_row);
  gtk_widget_class_bind_template_child (widget_class, McSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, McSetupPage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "setup.complete", NULL, complete_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mc_setup_page_init (McSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

void
mc_setup_page_set_store (McSetupPage *self,
                         McStore     *store)
{
  g_return_if_fail (MC_IS_SETUP_PAGE (self));

  g_set_object (&self->store, store);
  gtk_widget_grab_focus (GTK_WIDGET (self->office_name_row));
}
