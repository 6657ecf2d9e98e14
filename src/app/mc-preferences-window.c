/* mc-preferences-window.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "mc-accounts.h"
#include "mc-backup.h"
#include "mc-bundle.h"
#include "mc-fee-settings-group.h"
#include "mc-file-chooser.h"
#include "mc-preferences-window.h"
#include "mc-station-row.h"
#include "mc-sync-folder-group.h"
#include "mc-procedure-steps-group.h"
#include "mc-time.h"

struct _McPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  McStore              *store;
  GPtrArray            *procedure_rows;

  AdwEntryRow          *office_name_row;
  AdwEntryRow          *parent_row;
  AdwEntryRow          *unit_row;
  AdwEntryRow          *office_code_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *signer_name_row;
  AdwEntryRow          *signer_title_row;
  AdwEntryRow          *lookup_url_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *signer_authority_row;
  AdwEntryRow          *centre_signer_authority_row;
  AdwEntryRow          *centre_signer_title_row;
  AdwEntryRow          *centre_signer_name_row;
  AdwComboRow          *issuer_rows[7];
  AdwEntryRow          *morning_open_row;
  AdwEntryRow          *morning_close_row;
  AdwEntryRow          *afternoon_open_row;
  AdwEntryRow          *afternoon_close_row;
  AdwEntryRow          *cutoff_row;
  GtkSpinButton        *due_soon_spin;
  AdwComboRow          *supplement_row;
  AdwComboRow          *register_books_row;  /* in the order of the setting's choices: year, sector */
  McFeeSettingsGroup   *fee_group;
  GtkSpinButton        *year_spin;
  GtkLabel             *schedule_label;
  GtkListBox           *days_list;
  AdwEntryRow          *new_date_row;
  AdwEntryRow          *new_label_row;
  AdwComboRow          *new_kind_row;
  AdwPreferencesGroup  *procedures_group;
  AdwActionRow         *sync_status_row;
  AdwEntryRow          *passphrase_row;
  AdwEntryRow          *passphrase_again_row;
  GtkSwitch            *backup_daily_switch;
  AdwActionRow         *backup_dir_row;
  McSyncFolderGroup    *sync_folder_group;
  McProcedureStepsGroup *steps_group;

  McStationRow         *station_row;
  GtkSpinButton        *backup_keep_spin;
  GtkFileChooserNative *chooser;
  gboolean              loading;
  AdwPreferencesGroup  *accounts_group;
  GPtrArray            *account_rows;
  AdwEntryRow          *new_username_row;
  AdwEntryRow          *new_full_name_row;
  AdwComboRow          *new_role_row;
  AdwEntryRow          *new_pin_row;
  AdwEntryRow          *new_pin_again_row;
  GtkSpinButton        *lock_minutes_spin;
  GtkSpinButton        *retention_spin;
};

G_DEFINE_FINAL_TYPE (McPreferencesWindow, mc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  const char *key;
  gsize       offset;
} RowKey;

#define ROW(field) G_STRUCT_OFFSET (McPreferencesWindow, field)

static const RowKey office_rows[] = {
  { "office_name", ROW (office_name_row) },
  { "parent_name", ROW (parent_row) },
  { "unit_name", ROW (unit_row) },
  { "office_code", ROW (office_code_row) },
  { "place", ROW (place_row) },
  { "signer_name", ROW (signer_name_row) },
  { "signer_title", ROW (signer_title_row) },
  { "lookup_url", ROW (lookup_url_row) },
  { "phone", ROW (phone_row) },
  { "signer_authority", ROW (signer_authority_row) },
  { "centre_signer_authority", ROW (centre_signer_authority_row) },
  { "centre_signer_title", ROW (centre_signer_title_row) },
  { "centre_signer_name", ROW (centre_signer_name_row) },
  { "morning_open", ROW (morning_open_row) },
  { "morning_close", ROW (morning_close_row) },
  { "afternoon_open", ROW (afternoon_open_row) },
  { "afternoon_close", ROW (afternoon_close_row) },
  { "cutoff", ROW (cutoff_row) },
};

/* The issuer of each paper, in the order of issuer_rows; the rows offer the choices in the settings' order. */
static const char * const issuer_keys[] = {
  "issuer_slip", "issuer_supplement", "issuer_refusal", "issuer_apology", "issuer_stop", "issuer_control",
  "issuer_late_list",
};
static const char * const issuer_choices[] = { "centre", "committee" };

G_STATIC_ASSERT (G_N_ELEMENTS (issuer_keys) == G_N_ELEMENTS (((McPreferencesWindow *) NULL)->issuer_rows));

/* This workstation's retention period (McStore's local table). */
#define RETENTION_SETTING "retention_years"

#define ROW_AT(self, offset) (*(AdwEntryRow **) G_STRUCT_MEMBER_P (self, offset))

static void
toast (McPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
load_office (McPreferencesWindow *self)
{
  const McOffice *office = mc_store_get_office (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (office_rows); i++)
    {
      g_autofree char *value = mc_office_get_value (office, office_rows[i].key);
      gtk_editable_set_text (GTK_EDITABLE (ROW_AT (self, office_rows[i].offset)), value ? value : "");
    }
  gtk_spin_button_set_value (self->due_soon_spin, office->due_soon_days);
  adw_combo_row_set_selected (self->supplement_row, office->supplement_mode == MC_SUPPLEMENT_RESUME ? 1 : 0);
  adw_combo_row_set_selected (self->register_books_row, g_strcmp0 (office->register_books, "sector") == 0 ? 1 : 0);
  mc_fee_settings_group_load (self->fee_group, office);

  for (guint i = 0; i < G_N_ELEMENTS (issuer_keys); i++)
    {
      g_autofree char *value = mc_office_get_value (office, issuer_keys[i]);
      adw_combo_row_set_selected (self->issuer_rows[i], g_strcmp0 (value, "committee") == 0 ? 1 : 0);
    }
}

static void
save_office_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (widget);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  const McOffice *office = mc_store_get_office (self->store);

  /* Only what changed becomes an event, so two stations editing different settings both keep theirs. */
  for (guint i = 0; i < G_N_ELEMENTS (office_rows); i++)
    {
      g_autofree char *old = mc_office_get_value (office, office_rows[i].key);
      GtkEditable *row = GTK_EDITABLE (ROW_AT (self, office_rows[i].offset));
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (row)));

      if (g_strcmp0 (old ? old : "", text) != 0)
        g_hash_table_insert (values, (gpointer) office_rows[i].key, g_steal_pointer (&text));
    }
  if (gtk_spin_button_get_value_as_int (self->due_soon_spin) != office->due_soon_days)
    g_hash_table_insert (values, (gpointer) "due_soon_days",
                         g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->due_soon_spin)));
  if ((adw_combo_row_get_selected (self->supplement_row) == 1) != (office->supplement_mode == MC_SUPPLEMENT_RESUME))
    g_hash_table_insert (values, (gpointer) "supplement_mode",
                         g_strdup (adw_combo_row_get_selected (self->supplement_row) == 1 ? "resume" : "restart"));
  {
    const char *books = adw_combo_row_get_selected (self->register_books_row) == 1 ? "sector" : "year";

    if (g_strcmp0 (office->register_books, books) != 0)
      g_hash_table_insert (values, (gpointer) "register_books", g_strdup (books));
  }
  mc_fee_settings_group_collect (self->fee_group, office, values);

  for (guint i = 0; i < G_N_ELEMENTS (issuer_keys); i++)
    {
      g_autofree char *old = mc_office_get_value (office, issuer_keys[i]);
      const char *chosen = issuer_choices[adw_combo_row_get_selected (self->issuer_rows[i]) == 1 ? 1 : 0];

      if (g_strcmp0 (old, chosen) != 0)
        g_hash_table_insert (values, (gpointer) issuer_keys[i], g_strdup (chosen));
    }
  if (g_hash_table_size (values) == 0)
    {
      toast (self, _("Nothing to save: no setting changed"));
      return;
    }
  if (!mc_store_set_office_values (self->store, values, &error))
    {
      toast (self, error->message);
      return;
    }
  load_office (self);
  toast (self, _("Office settings saved"));
}

static const char *
day_kind_label (const McDayInfo *info)
{
  switch (info->kind)
    {
    case MC_DAY_HOLIDAY:
      return info->provisional ? _("Holiday (provisional)") : _("Official day off");
    case MC_DAY_WORKED_SATURDAY:
      return _("Official worked day");
    case MC_DAY_OFFICE_CLOSED:
      return _("Office closure");
    case MC_DAY_OFFICE_WORKDAY:
      return _("Office working day");
    case MC_DAY_WORKING:
    case MC_DAY_WEEKEND:
    default:
      return "";
    }
}

static void remove_day_clicked_cb (GtkButton *button, McPreferencesWindow *self);

static void
load_days (McPreferencesWindow *self)
{
  McCalendar *calendar = mc_store_get_calendar (self->store);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  GtkWidget *child;

  gtk_label_set_text (self->schedule_label,
                      mc_calendar_has_schedule (calendar, year)
                      ? _("The official schedule for this year is loaded.")
                      : _("No official schedule for this year yet: the days below follow the statutory rule and "
                          "the lunar calendar, and are provisional until the Government announces the year's schedule."));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_list))) != NULL)
    gtk_list_box_remove (self->days_list, child);

  for (int jdn = mc_jdn_from_ymd (year, 1, 1); jdn <= mc_jdn_from_ymd (year, 12, 31); jdn++)
    {
      McDayInfo info;
      int wd = mc_jdn_weekday (jdn);
      gboolean weekend = wd == 0 || wd == 6;
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      mc_calendar_get_day (calendar, jdn, &info);
      if (info.kind == MC_DAY_WORKING || (info.kind == MC_DAY_WEEKEND) ||
          (weekend && info.kind == MC_DAY_HOLIDAY))
        continue;
      date = mc_date_format_short (jdn);
      title = g_strdup_printf ("%s — %s", date, info.name ? info.name : "");
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), day_kind_label (&info));
      if (info.kind == MC_DAY_OFFICE_CLOSED || info.kind == MC_DAY_OFFICE_WORKDAY)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Remove this office day"));
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data (G_OBJECT (button), "jdn", GINT_TO_POINTER (jdn));
          g_signal_connect (button, "clicked", G_CALLBACK (remove_day_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->days_list, row);
    }
}

static void
remove_day_clicked_cb (GtkButton           *button,
                       McPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int jdn = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jdn"));

  if (!mc_store_set_calendar_day (self->store, jdn, MC_DAY_WORKING, NULL, &error))
    toast (self, error->message);
  else
    {
      toast (self, _("Office day removed; deadlines recomputed"));
      load_days (self);
    }
}

static void
year_changed_cb (McPreferencesWindow *self)
{
  load_days (self);
}

static void
add_day_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->new_label_row));
  McDayKind kind = adw_combo_row_get_selected (self->new_kind_row) == 1 ? MC_DAY_OFFICE_WORKDAY
                                                                        : MC_DAY_OFFICE_CLOSED;
  int jdn, year;

  if (!mc_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->new_date_row)), &jdn, &error))
    {
      toast (self, error->message);
      return;
    }
  if (*label == '\0')
    {
      toast (self, _("Describe the day, e.g. “Đại hội Đảng bộ xã”"));
      return;
    }
  if (!mc_store_set_calendar_day (self->store, jdn, kind, label, &error))
    {
      toast (self, error->message);
      return;
    }
  mc_jdn_to_ymd (jdn, &year, NULL, NULL);
  gtk_spin_button_set_value (self->year_spin, year);
  load_days (self);
  gtk_editable_set_text (GTK_EDITABLE (self->new_date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_label_row), "");
  toast (self, _("Office day added; deadlines of open dossiers recomputed"));
}

typedef struct
{
  McProcedure   *procedure;
  GtkSpinButton *duration;
  AdwComboRow   *unit;
  AdwEntryRow   *fee;
  AdwEntryRow   *documents;
} ProcedureEditor;

static void
procedure_editor_free (gpointer data)
{
  ProcedureEditor *editor = data;

  mc_procedure_unref (editor->procedure);
  g_free (editor);
}

static void
save_procedure_clicked_cb (GtkButton           *button,
                           McPreferencesWindow *self)
{
  ProcedureEditor *editor = g_object_get_data (G_OBJECT (button), "editor");
  /* From the procedure as stored now, not as this window loaded it: the steps editor may have saved it since, and
   * this editor changes only its own fields. */
  g_autoptr(McProcedure) stored = mc_store_get_procedure (self->store, editor->procedure->code, NULL);
  g_autoptr(JsonNode) node = mc_procedure_to_json_node (stored != NULL ? stored : editor->procedure);
  g_autoptr(McProcedure) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (editor->documents)), ";", -1);
  JsonObject *object = json_node_get_object (node);
  JsonArray *old_docs = json_object_get_array_member (object, "documents");
  JsonArray *docs = json_array_new ();
  guint unit = adw_combo_row_get_selected (editor->unit);

  json_object_set_int_member (object, "duration", gtk_spin_button_get_value_as_int (editor->duration));
  json_object_set_string_member (object, "unit", unit == 0 ? "same_day" : unit == 1 ? "working_days"
                                                                                   : "working_hours");
  json_object_set_string_member (object, "fee", gtk_editable_get_text (GTK_EDITABLE (editor->fee)));
  /* Documents keep their counts when only renamed or reordered by position. */
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      JsonObject *doc;

      if (*name == '\0')
        continue;
      doc = json_object_new ();
      json_object_set_string_member (doc, "name", name);
      if (i < json_array_get_length (old_docs))
        {
          JsonObject *old = json_array_get_object_element (old_docs, i);
          json_object_set_int_member (doc, "original", json_object_get_int_member_with_default (old, "original", 1));
          json_object_set_int_member (doc, "copy", json_object_get_int_member_with_default (old, "copy", 0));
          json_object_set_boolean_member (doc, "required", json_object_get_boolean_member_with_default (old, "required", TRUE));
        }
      else
        {
          json_object_set_int_member (doc, "original", 1);
          json_object_set_int_member (doc, "copy", 0);
          json_object_set_boolean_member (doc, "required", TRUE);
        }
      json_array_add_object_element (docs, doc);
    }
  json_object_set_array_member (object, "documents", docs);

  updated = mc_procedure_new_from_json (object, &error);
  if (updated == NULL || !mc_store_set_procedure (self->store, updated, &error))
    {
      toast (self, error->message);
      return;
    }
  mc_procedure_unref (editor->procedure);
  editor->procedure = g_steal_pointer (&updated);
  toast (self, _("Procedure saved"));
}

static void
load_procedures (McPreferencesWindow *self)
{
  g_autoptr(GPtrArray) procedures = mc_store_list_procedures (self->store, NULL);
  const char *units[] = { _("Same day"), _("Working days"), _("Working hours"), NULL };

  for (guint i = 0; procedures && i < procedures->len; i++)
    {
      McProcedure *p = g_ptr_array_index (procedures, i);
      ProcedureEditor *editor = g_new0 (ProcedureEditor, 1);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *duration_row = adw_action_row_new ();
      GtkWidget *unit_row = adw_combo_row_new ();
      GtkWidget *fee_row = adw_entry_row_new ();
      GtkWidget *docs_row = adw_entry_row_new ();
      GtkWidget *save_row = adw_action_row_new ();
      GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Procedure"));
      g_autoptr(GString) docs = g_string_new (NULL);
      g_autoptr(GtkStringList) unit_model = gtk_string_list_new (units);

      editor->procedure = mc_procedure_ref (p);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), p->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), p->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (duration_row), _("Time limit"));
      editor->duration = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 365, 1));
      gtk_spin_button_set_value (editor->duration, p->duration);
      gtk_widget_set_valign (GTK_WIDGET (editor->duration), GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (duration_row), GTK_WIDGET (editor->duration));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (unit_row), _("Unit"));
      adw_combo_row_set_model (ADW_COMBO_ROW (unit_row), G_LIST_MODEL (unit_model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (unit_row), p->unit);
      editor->unit = ADW_COMBO_ROW (unit_row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fee_row), _("Fee"));
      gtk_editable_set_text (GTK_EDITABLE (fee_row), p->fee);
      editor->fee = ADW_ENTRY_ROW (fee_row);

      for (guint d = 0; d < p->documents->len; d++)
        {
          McProcedureDocument *doc = g_ptr_array_index (p->documents, d);
          g_string_append_printf (docs, "%s%s", d ? "; " : "", doc->name);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (docs_row), _("Documents, separated by “;”"));
      gtk_editable_set_text (GTK_EDITABLE (docs_row), docs->str);
      editor->documents = ADW_ENTRY_ROW (docs_row);

      gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (save), "editor", editor, procedure_editor_free);
      g_signal_connect (save, "clicked", G_CALLBACK (save_procedure_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (save_row), save);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), duration_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), unit_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), fee_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), docs_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), save_row);
      adw_preferences_group_add (self->procedures_group, expander);
    }
}

static void
update_sync_status (McPreferencesWindow *self)
{
  adw_action_row_set_subtitle (self->sync_status_row,
                               mc_bundle_has_key (self->store)
                               ? _("A sync key is stored on this workstation")
                               : _("No passphrase yet: sync files cannot be exported or imported"));
}

static void
set_passphrase_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *first = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *second = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_again_row));

  if (g_strcmp0 (first, second) != 0)
    {
      toast (self, _("The two passphrases differ: type the same one twice"));
      return;
    }
  if (!mc_bundle_set_passphrase (self->store, first, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Never kept on screen. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_again_row), "");
  update_sync_status (self);
  toast (self, _("Sync passphrase set on this workstation"));
}

static void
passphrase_activated_cb (McPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "preferences.set-passphrase", NULL);
}

static char *
backup_dir (McPreferencesWindow *self)
{
  g_autofree char *setting = mc_store_get_local (self->store, MC_BACKUP_SETTING_DIR);

  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);
  return mc_backup_default_dir (mc_store_get_path (self->store));
}

static void
load_backups (McPreferencesWindow *self)
{
  g_autofree char *daily = mc_store_get_local (self->store, MC_BACKUP_SETTING_AUTO);
  g_autofree char *keep = mc_store_get_local (self->store, MC_BACKUP_SETTING_KEEP);
  g_autofree char *dir = backup_dir (self);

  self->loading = TRUE;
  gtk_switch_set_active (self->backup_daily_switch, g_strcmp0 (daily, "false") != 0);
  gtk_spin_button_set_value (self->backup_keep_spin, keep ? g_ascii_strtod (keep, NULL) : MC_BACKUP_DEFAULT_KEEP);
  {
    g_autofree char *retention = mc_store_get_local (self->store, RETENTION_SETTING);
    gtk_spin_button_set_value (self->retention_spin, retention ? g_ascii_strtod (retention, NULL) : 10);
  }
  adw_action_row_set_subtitle (self->backup_dir_row, dir);
  self->loading = FALSE;
}

static void
save_local (McPreferencesWindow *self,
            const char          *key,
            const char          *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!mc_store_set_local (self->store, key, value, &error))
    toast (self, error->message);
}

static void
backup_daily_changed_cb (McPreferencesWindow *self)
{
  save_local (self, MC_BACKUP_SETTING_AUTO, gtk_switch_get_active (self->backup_daily_switch) ? "true" : "false");
}

static void
backup_keep_changed_cb (McPreferencesWindow *self)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->backup_keep_spin));

  save_local (self, MC_BACKUP_SETTING_KEEP, value);
}

static void
backup_folder_response_cb (GtkNativeDialog     *chooser,
                           int                  response,
                           McPreferencesWindow *self)
{
  g_autofree char *path = NULL;
  gboolean chosen = mc_file_chooser_finish (chooser, response, &self->chooser, &path);

  g_clear_pointer (&self->account_rows, g_ptr_array_unref);
  if (!chosen)
    return;
  if (path == NULL || access (path, W_OK) != 0)
    {
      toast (self, _("That folder cannot be written to: choose another one"));
      return;
    }
  save_local (self, MC_BACKUP_SETTING_DIR, path);
  load_backups (self);
  toast (self, _("Backups will be made in the chosen folder"));
}

static void
choose_backup_folder_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (widget);
  g_autofree char *dir = backup_dir (self);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Backup Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (backup_folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/*
 * Accounts
 */

static void load_accounts (McPreferencesWindow *self);

static void
toggle_account_clicked_cb (GtkButton           *button,
                           McPreferencesWindow *self)
{
  const char *username = g_object_get_data (G_OBJECT (button), "username");
  gboolean enable = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "enable"));
  g_autoptr(GError) error = NULL;

  if (!mc_accounts_set_active (self->store, username, enable, &error))
    {
      toast (self, error->message);
      return;
    }
  load_accounts (self);
  toast (self, enable ? _("Account enabled") : _("Account disabled: its past steps keep the name"));
}

static void
reset_pin_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       McPreferencesWindow *self)
{
  const char *username = g_object_get_data (G_OBJECT (dialog), "username");
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *first = gtk_widget_get_first_child (box);
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "set"))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (first)), gtk_editable_get_text (GTK_EDITABLE (second))) != 0)
    {
      toast (self, _("The two PINs differ: nothing was changed"));
      return;
    }
  if (!mc_accounts_set_pin (self->store, username, gtk_editable_get_text (GTK_EDITABLE (first)), &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("New PIN set"));
}

static void
reset_pin_clicked_cb (GtkButton           *button,
                      McPreferencesWindow *self)
{
  const char *username = g_object_get_data (G_OBJECT (button), "username");
  g_autofree char *heading = g_strdup_printf (_("New PIN for %s"), username);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *first = adw_password_entry_row_new ();
  GtkWidget *second = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (first), _("New PIN or password"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (second), _("The same PIN again"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (box), first);
  gtk_list_box_append (GTK_LIST_BOX (box), second);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "set", _("_Set PIN"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "username", g_strdup (username), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (reset_pin_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_accounts (McPreferencesWindow *self)
{
  g_autoptr(GPtrArray) accounts = mc_accounts_list (self->store, NULL);
  g_autofree char *lock = mc_store_get_local (self->store, MC_ACCOUNTS_SETTING_LOCK_MINUTES);

  for (guint i = 0; self->account_rows && i < self->account_rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->account_rows, i));
  g_clear_pointer (&self->account_rows, g_ptr_array_unref);
  self->account_rows = g_ptr_array_new ();

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      McAccount *a = g_ptr_array_index (accounts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *pin = gtk_button_new_with_mnemonic (_("New _PIN…"));
      GtkWidget *toggle = gtk_button_new_with_mnemonic (a->active ? _("_Disable") : _("_Enable"));
      g_autofree char *title = g_markup_escape_text (a->full_name, -1);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s", a->username, mc_role_label (a->role),
                                                   a->active ? "" : _(" · disabled"));
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_widget_set_valign (pin, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (pin), "username", g_strdup (a->username), g_free);
      g_object_set_data_full (G_OBJECT (toggle), "username", g_strdup (a->username), g_free);
      g_object_set_data (G_OBJECT (toggle), "enable", GINT_TO_POINTER (!a->active));
      g_signal_connect (pin, "clicked", G_CALLBACK (reset_pin_clicked_cb), self);
      g_signal_connect (toggle, "clicked", G_CALLBACK (toggle_account_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
    }
  if (accounts == NULL || accounts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No accounts yet: anyone at this computer can use "
                                                                 "the desk and change the settings"));
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
    }
  self->loading = TRUE;
  gtk_spin_button_set_value (self->lock_minutes_spin,
                             lock ? g_ascii_strtod (lock, NULL) : MC_ACCOUNTS_DEFAULT_LOCK_MINUTES);
  self->loading = FALSE;
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (widget);
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->new_username_row));
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->new_pin_row));
  McRole role = (McRole) adw_combo_row_get_selected (self->new_role_row);
  gboolean first = !mc_accounts_in_use (self->store);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (pin, gtk_editable_get_text (GTK_EDITABLE (self->new_pin_again_row))) != 0)
    {
      toast (self, _("The two PINs differ: type the same one twice"));
      return;
    }
  if (!mc_accounts_add (self->store, username, gtk_editable_get_text (GTK_EDITABLE (self->new_full_name_row)), role,
                        pin, &error))
    {
      toast (self, error->message);
      return;
    }
  /* The person who makes the first administrator is that administrator: signed in, not locked out. */
  if (first)
    {
      g_autoptr(McAccount) account = mc_accounts_sign_in (self->store, username, pin, NULL);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_username_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_full_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_pin_again_row), "");
  /* The next one is most likely a clerk. */
  adw_combo_row_set_selected (self->new_role_row, MC_ROLE_CLERK);
  load_accounts (self);
  toast (self, first ? _("Account added. From now on the desk asks who is working.") : _("Account added"));
}

static void
lock_minutes_changed_cb (McPreferencesWindow *self)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->lock_minutes_spin));

  save_local (self, MC_ACCOUNTS_SETTING_LOCK_MINUTES, value);
}

/*
 * Retention
 */

static void
retention_changed_cb (McPreferencesWindow *self)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->retention_spin));

  save_local (self, RETENTION_SETTING, value);
}

static void
remove_personal_data_response_cb (AdwMessageDialog    *dialog,
                                  const char          *response,
                                  McPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint count = 0;

  if (!g_str_equal (response, "remove"))
    return;
  if (!mc_store_remove_personal_data (self->store, gtk_spin_button_get_value_as_int (self->retention_spin), FALSE,
                                      &count, &error))
    {
      toast (self, error->message);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Personal data removed from %u dossier",
                                       "Personal data removed from %u dossiers", count), count);
  toast (self, text);
}

static void
remove_personal_data_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (widget);
  int years = gtk_spin_button_get_value_as_int (self->retention_spin);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint count = 0;

  if (!mc_store_remove_personal_data (self->store, years, TRUE, &count, &error))
    {
      toast (self, error->message);
      return;
    }
  if (count == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No dossier closed more than %d years ago holds personal data"),
                                               years);
      toast (self, text);
      return;
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u dossier was closed more than %d years ago. Its applicant's name, "
                                       "identity number and contact details will be removed here and on the other "
                                       "workstations after the next sync. This cannot be undone.",
                                       "%u dossiers were closed more than %d years ago. Their applicants' names, "
                                       "identity numbers and contact details will be removed here and on the other "
                                       "workstations after the next sync. This cannot be undone.", count),
                          count, years);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Personal Data?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (remove_personal_data_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mc_preferences_window_dispose (GObject *object)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (mc_preferences_window_parent_class)->dispose (object);
}

static void
mc_preferences_window_class_init (McPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_preferences_window_dispose;

  g_type_ensure (MC_TYPE_SYNC_FOLDER_GROUP);
  g_type_ensure (MC_TYPE_STATION_ROW);

  g_type_ensure (MC_TYPE_FEE_SETTINGS_GROUP);
  g_type_ensure (MC_TYPE_PROCEDURE_STEPS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, office_name_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, parent_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, office_code_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, lookup_url_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, morning_open_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, morning_close_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, afternoon_open_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, afternoon_close_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, cutoff_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, due_soon_spin);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, supplement_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, register_books_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, fee_group);

  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, signer_authority_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, centre_signer_authority_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, centre_signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, centre_signer_name_row);
  gtk_widget_class_bind_template_child_full (widget_class, "issuer_slip_row", FALSE,
                                             G_STRUCT_OFFSET (McPreferencesWindow, issuer_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "issuer_supplement_row", FALSE,
                                             G_STRUCT_OFFSET (McPreferencesWindow, issuer_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "issuer_refusal_row", FALSE,
                                             G_STRUCT_OFFSET (McPreferencesWindow, issuer_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "issuer_apology_row", FALSE,
                                             G_STRUCT_OFFSET (McPreferencesWindow, issuer_rows[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "issuer_stop_row", FALSE,
                                             G_STRUCT_OFFSET (McPreferencesWindow, issuer_rows[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "issuer_control_row", FALSE,
                                             G_STRUCT_OFFSET (McPreferencesWindow, issuer_rows[5]));
  gtk_widget_class_bind_template_child_full (widget_class, "issuer_late_list_row", FALSE,
                                             G_STRUCT_OFFSET (McPreferencesWindow, issuer_rows[6]));
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, days_list);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, new_date_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, new_label_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, new_kind_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, procedures_group);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, sync_status_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, passphrase_again_row);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, backup_daily_switch);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, backup_dir_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, sync_folder_group);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, steps_group);

  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, station_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, backup_keep_spin);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, new_username_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, new_full_name_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, new_role_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, new_pin_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, new_pin_again_row);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, lock_minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_callback (widget_class, retention_changed_cb);
  gtk_widget_class_install_action (widget_class, "preferences.remove-personal-data", NULL,
                                   remove_personal_data_action);
  gtk_widget_class_bind_template_callback (widget_class, lock_minutes_changed_cb);
  gtk_widget_class_install_action (widget_class, "preferences.add-account", NULL, add_account_action);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_daily_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_keep_changed_cb);
  gtk_widget_class_install_action (widget_class, "preferences.choose-backup-folder", NULL,
                                   choose_backup_folder_action);
  gtk_widget_class_install_action (widget_class, "preferences.set-passphrase", NULL, set_passphrase_action);

  gtk_widget_class_install_action (widget_class, "preferences.save-office", NULL, save_office_action);
  gtk_widget_class_install_action (widget_class, "preferences.add-day", NULL, add_day_action);
}

static void
mc_preferences_window_init (McPreferencesWindow *self)
{
  const char *modes[] = { _("Restart the full time limit"), _("Resume with the time left"), NULL };
  const char *kinds[] = { _("Office closed"), _("Extra working day"), NULL };
  const char *books[] = { _("One book a year"), _("One book per sector a year"), NULL };
  g_autoptr(GtkStringList) book_model = gtk_string_list_new (books);
  g_autoptr(GtkStringList) mode_model = gtk_string_list_new (modes);
  g_autoptr(GtkStringList) kind_model = gtk_string_list_new (kinds);

  const char *roles[] = { mc_role_label (MC_ROLE_CLERK), mc_role_label (MC_ROLE_LEADER),
                          mc_role_label (MC_ROLE_ADMINISTRATOR), NULL };
  g_autoptr(GtkStringList) role_model = gtk_string_list_new (roles);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->new_role_row, G_LIST_MODEL (role_model));
  adw_combo_row_set_model (self->supplement_row, G_LIST_MODEL (mode_model));
  adw_combo_row_set_model (self->register_books_row, G_LIST_MODEL (book_model));
  adw_combo_row_set_model (self->new_kind_row, G_LIST_MODEL (kind_model));
  for (guint i = 0; i < G_N_ELEMENTS (self->issuer_rows); i++)
    {
      /* In the order of issuer_choices. */
      const char *issuers[] = { _("The service centre"), _("The People's Committee"), NULL };
      g_autoptr(GtkStringList) issuer_model = gtk_string_list_new (issuers);

      adw_combo_row_set_model (self->issuer_rows[i], G_LIST_MODEL (issuer_model));
    }
}

McPreferencesWindow *
mc_preferences_window_new (McStore *store)
{
  McPreferencesWindow *self = g_object_new (MC_TYPE_PREFERENCES_WINDOW, NULL);
  int year;

  self->store = g_object_ref (store);
  mc_jdn_to_ymd (mc_minute_jdn (mc_time_now ()), &year, NULL, NULL);
  load_office (self);
  gtk_spin_button_set_value (self->year_spin, year);
  load_days (self);
  load_procedures (self);
  update_sync_status (self);
  mc_sync_folder_group_set_store (self->sync_folder_group, store);
  mc_procedure_steps_group_set_store (self->steps_group, store);

  mc_station_row_set_store (self->station_row, store);
  load_backups (self);
  load_accounts (self);
  /* Until there is an account, the first to add is an administrator's. */
  if (!mc_accounts_in_use (store))
    adw_combo_row_set_selected (self->new_role_row, MC_ROLE_ADMINISTRATOR);
  return self;
}
