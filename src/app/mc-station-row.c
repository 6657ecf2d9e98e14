/* mc-station-row.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preferences: this workstation's station number, with its identity, and another number free in the office
 * (mc_store_renumber_station; the codes issued before keep theirs). */

#define G_LOG_DOMAIN "motcua"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-station-row.h"

struct _McStationRow
{
  AdwActionRow   parent_instance;

  McStore       *store;

  GtkSpinButton *number_spin;
  GtkButton     *change_button;
};

G_DEFINE_FINAL_TYPE (McStationRow, mc_station_row, ADW_TYPE_ACTION_ROW)

static void
toast (McStationRow *self,
       const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
load (McStationRow *self)
{
  const McOffice *office = mc_store_get_office (self->store);
  g_autofree char *subtitle = NULL;

  /* Translators: the workstation's identity, a long random code that tells it apart from every other */
  subtitle = g_strdup_printf (_("Identity %s. Codes issued before a change keep their number."),
                              office->station_id ? office->station_id : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_spin_button_set_value (self->number_spin, office->station);
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), FALSE);
}

static void
number_changed_cb (McStationRow *self)
{
  if (self->store == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button),
                            gtk_spin_button_get_value_as_int (self->number_spin) !=
                              mc_store_get_office (self->store)->station);
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McStationRow *self = MC_STATION_ROW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  int number = gtk_spin_button_get_value_as_int (self->number_spin);

  if (!mc_store_renumber_station (self->store, number, &error))
    {
      toast (self, error->message);
      load (self);
      return;
    }
  load (self);
  /* Translators: the new station number */
  done = g_strdup_printf (_("This workstation is now station %02d"), number);
  toast (self, done);
}

static void
mc_station_row_dispose (GObject *object)
{
  McStationRow *self = MC_STATION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_STATION_ROW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (mc_station_row_parent_class)->dispose (object);
}

static void
mc_station_row_class_init (McStationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_station_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-station-row.ui");
  gtk_widget_class_bind_template_child (widget_class, McStationRow, number_spin);
  gtk_widget_class_bind_template_child (widget_class, McStationRow, change_button);
  gtk_widget_class_bind_template_callback (widget_class, number_changed_cb);
  gtk_widget_class_install_action (widget_class, "station.change", NULL, change_action);
}

static void
mc_station_row_init (McStationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mc_station_row_set_store (McStationRow *self,
                          McStore      *store)
{
  g_return_if_fail (MC_IS_STATION_ROW (self));
  g_return_if_fail (MC_IS_STORE (store));

  g_set_object (&self->store, store);
  load (self);
}
