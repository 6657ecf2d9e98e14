/* mc-audit-window.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The administrator's view of the audit log: the newest 500 entries, one row each (what, when, who, about
 * what). */

#define G_LOG_DOMAIN "mc-audit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-audit.h"
#include "mc-audit-window.h"
#include "mc-time.h"

struct _McAuditWindow
{
  AdwWindow    parent_instance;

  GtkStack    *stack;
  GtkListBox  *list;
  guint        n_rows;
};

G_DEFINE_FINAL_TYPE (McAuditWindow, mc_audit_window, ADW_TYPE_WINDOW)

static void
mc_audit_window_class_init (McAuditWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, McAuditWindow, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_audit_window_init (McAuditWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
describe_time (const char *iso)
{
  McMinute t;
  int y, m, d, mod;

  if (iso == NULL || !mc_time_parse (iso, &t, NULL))
    return g_strdup (iso ? iso : "");
  mod = mc_minute_of_day (t);
  mc_jdn_to_ymd (mc_minute_jdn (t), &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%d %02d:%02d", d, m, y, mod / 60, mod % 60);
}

McAuditWindow *
mc_audit_window_new (McStore *store)
{
  McAuditWindow *self = g_object_new (MC_TYPE_AUDIT_WINDOW, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = mc_audit_list (store, 500, &error);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      McAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *when = describe_time (e->at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped_title = NULL;
      g_autofree char *escaped_subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      title = e->subject ? g_strdup_printf ("%s — %s", mc_audit_action_label (e->action), e->subject)
                         : g_strdup (mc_audit_action_label (e->action));
      /* Translators: audit log row: time · account[ · detail] */
      subtitle = e->detail ? g_strdup_printf (_("%s · %s · %s"), when, e->account, e->detail)
                           : g_strdup_printf (_("%s · %s"), when, e->account);
      escaped_title = g_markup_escape_text (title, -1);
      escaped_subtitle = g_markup_escape_text (subtitle, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
      gtk_list_box_append (self->list, row);
      self->n_rows++;
    }
  if (entries == NULL)
    g_warning ("The audit log cannot be read: %s", error->message);
  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "entries" : "empty");
  return self;
}

guint
mc_audit_window_get_n_rows (McAuditWindow *self)
{
  g_return_val_if_fail (MC_IS_AUDIT_WINDOW (self), 0);
  return self->n_rows;
}
