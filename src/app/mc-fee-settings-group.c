/* mc-fee-settings-group.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The province's civil-status fees in Preferences: one row per fee setting of the office's settings registry
 * (docs/fees.md), saved with the office's other settings as events that sync. The rows are built from the list
 * of keys rather than a template so that a fee added to the registry and to this list needs no other change. */

#define G_LOG_DOMAIN "mc-fee-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-fee.h"
#include "mc-fee-settings-group.h"

static const struct
{
  const char *key;
  const char *title;
} fees[] = {
  { "fee_late_registration", N_("Birth or death registered late") },
  { "fee_parentage", N_("Recognition of father, mother or child") },
  { "fee_civil_change", N_("Change or correction of civil status") },
  { "fee_marital_status", N_("Certificate of marital status") },
  { "fee_re_registration", N_("Registration again (birth, marriage, death)") },
  { "fee_civil_confirmation", N_("Confirmation of civil-status information") },
  { "fee_foreign_marriage", N_("Marriage with a foreign element") },
  { "fee_foreign_birth", N_("Birth with a foreign element") },
  { "fee_foreign_parentage", N_("Recognition with a foreign element") },
};

struct _McFeeSettingsGroup
{
  AdwPreferencesGroup  parent_instance;
  GtkSpinButton       *spins[G_N_ELEMENTS (fees)];
};

G_DEFINE_FINAL_TYPE (McFeeSettingsGroup, mc_fee_settings_group, ADW_TYPE_PREFERENCES_GROUP)

void
mc_fee_settings_group_load (McFeeSettingsGroup *self,
                            const McOffice     *office)
{
  for (guint i = 0; i < G_N_ELEMENTS (fees); i++)
    {
      g_autofree char *value = mc_office_get_value (office, fees[i].key);
      gtk_spin_button_set_value (self->spins[i], value ? g_ascii_strtod (value, NULL) : 0);
    }
}

/* Adds to @values the fees whose amount the clerk changed (only they become events). */
void
mc_fee_settings_group_collect (McFeeSettingsGroup *self,
                               const McOffice     *office,
                               GHashTable         *values)
{
  for (guint i = 0; i < G_N_ELEMENTS (fees); i++)
    {
      g_autofree char *old = mc_office_get_value (office, fees[i].key);
      g_autofree char *now = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->spins[i]));

      if (g_strcmp0 (old, now) != 0)
        g_hash_table_insert (values, (gpointer) fees[i].key, g_steal_pointer (&now));
    }
}

static void
mc_fee_settings_group_class_init (McFeeSettingsGroupClass *klass)
{
}

static void
mc_fee_settings_group_init (McFeeSettingsGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Civil-status fees set by the province (đồng)"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("As the province's People's Council set them; check the defaults."));
  for (guint i = 0; i < G_N_ELEMENTS (fees); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, MC_FEE_MAX_AMOUNT, 1000, 10000, 0);

      self->spins[i] = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 1000, 0));
      gtk_widget_set_valign (GTK_WIDGET (self->spins[i]), GTK_ALIGN_CENTER);
      gtk_widget_set_name (GTK_WIDGET (self->spins[i]), fees[i].key);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fees[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->spins[i]));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->spins[i]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}
