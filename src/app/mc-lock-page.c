/* mc-lock-page.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a locked desk shows: who may sign in and a PIN field, nothing of the citizens' data. The window puts it
 * in front of the desk at start (when the workstation has accounts), on Ctrl+L and after the idle time. */

#define G_LOG_DOMAIN "mc-lock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-lock-page.h"

struct _McLockPage
{
  GtkWidget     parent_instance;

  McStore      *store;
  GPtrArray    *usernames;   /* parallel to the combo row's model */

  AdwWindowTitle *window_title;
  AdwComboRow  *account_row;
  AdwEntryRow  *pin_row;
  GtkLabel     *error_label;
  GtkButton    *sign_in_button;
};

G_DEFINE_FINAL_TYPE (McLockPage, mc_lock_page, GTK_TYPE_WIDGET)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The line keeps its place when empty, so that the button does not jump when a message appears. */
static void
show_error (McLockPage *self,
            const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  McLockPage *self = MC_LOCK_PAGE (widget);
  guint selected = adw_combo_row_get_selected (self->account_row);
  const char *username = self->usernames && selected < self->usernames->len
                         ? g_ptr_array_index (self->usernames, selected) : NULL;

  mc_lock_page_sign_in (self, username, gtk_editable_get_text (GTK_EDITABLE (self->pin_row)));
}

static void
pin_activated_cb (McLockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "lock.sign-in", NULL);
}

static void
mc_lock_page_dispose (GObject *object)
{
  McLockPage *self = MC_LOCK_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_LOCK_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->usernames, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_lock_page_parent_class)->dispose (object);
}

static void
mc_lock_page_class_init (McLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_lock_page_dispose;

  /**
   * McLockPage::signed-in:
   *
   * Someone signed in: the desk can be shown again.
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                     NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-lock-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, McLockPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, McLockPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, McLockPage, pin_row);
  gtk_widget_class_bind_template_child (widget_class, McLockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, McLockPage, sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, pin_activated_cb);
  gtk_widget_class_install_action (widget_class, "lock.sign-in", NULL, sign_in_action);
}

static void
mc_lock_page_init (McLockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mc_lock_page_set_store (McLockPage *self,
                        McStore    *store)
{
  g_return_if_fail (MC_IS_LOCK_PAGE (self));
  g_set_object (&self->store, store);
}

/**
 * mc_lock_page_reset:
 *
 * The active accounts again (one may have been added meanwhile), the PIN field empty and focused.
 */
void
mc_lock_page_reset (McLockPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const McOffice *office;

  g_return_if_fail (MC_IS_LOCK_PAGE (self));
  g_return_if_fail (self->store != NULL);

  office = mc_store_get_office (self->store);
  adw_window_title_set_subtitle (self->window_title, office->name ? office->name : "");
  g_clear_pointer (&self->usernames, g_ptr_array_unref);
  self->usernames = g_ptr_array_new_with_free_func (g_free);
  accounts = mc_accounts_list (self->store, NULL);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      McAccount *a = g_ptr_array_index (accounts, i);

      if (!a->active)
        continue;
      gtk_string_list_append (names, a->full_name);
      g_ptr_array_add (self->usernames, g_strdup (a->username));
    }
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

/**
 * mc_lock_page_sign_in:
 *
 * What the Sign In button does; a wrong PIN is said on the page.
 * Returns: whether someone is signed in now
 */
gboolean
mc_lock_page_sign_in (McLockPage *self,
                      const char *username,
                      const char *pin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McAccount) account = NULL;

  g_return_val_if_fail (MC_IS_LOCK_PAGE (self), FALSE);

  account = mc_accounts_sign_in (self->store, username, pin, &error);
  /* The PIN never stays on screen. */
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  if (account == NULL)
    {
      /* The name was picked from the list: only the PIN can be wrong here. */
      if (g_error_matches (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_WRONG_PIN) && username != NULL)
        show_error (self, _("The PIN is wrong. Try again."));
      else
        show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0);
  return TRUE;
}
