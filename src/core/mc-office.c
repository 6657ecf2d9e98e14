/* mc-office.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-office"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mc-fee.h"
#include "mc-office.h"

/* The office's shared settings: one row each. A new setting is a new row (and a field of McOffice); the store,
 * sync, `motcua-cli office` and Preferences all go through this table. */
typedef enum
{
  SETTING_TEXT,      /* free text; empty means unset */
  SETTING_CLOCK,     /* hh:mm, minutes since midnight in an int */
  SETTING_NUMBER,    /* a whole number between min and max, in an int */
  SETTING_CHOICE,    /* one of choices[], stored as text */
  SETTING_ENUM,      /* one of choices[], stored as its index in an enum */
} SettingKind;

typedef struct
{
  const char  *key;
  SettingKind  kind;
  gsize        offset;     /* of the field in McOffice */
  int          min, max;   /* SETTING_NUMBER */
  const char  *choices[4]; /* SETTING_CHOICE, NULL-terminated */
} Setting;

#define FIELD(member) G_STRUCT_OFFSET (McOffice, member)

/* Enum settings are written through an int. */
G_STATIC_ASSERT (sizeof (McSupplementMode) == sizeof (int));

static const Setting settings[] = {
  { "office_code",     SETTING_TEXT,   FIELD (code) },
  { "office_name",     SETTING_TEXT,   FIELD (name) },
  { "parent_name",     SETTING_TEXT,   FIELD (parent) },
  { "unit_name",       SETTING_TEXT,   FIELD (unit_name) },
  { "place",           SETTING_TEXT,   FIELD (place) },
  { "lookup_url",      SETTING_TEXT,   FIELD (lookup_url) },
  { "phone",           SETTING_TEXT,   FIELD (phone) },
  { "signer_authority", SETTING_TEXT,  FIELD (signer_authority) },
  { "signer_name",     SETTING_TEXT,   FIELD (signer_name) },
  { "signer_title",    SETTING_TEXT,   FIELD (signer_title) },
  { "centre_signer_authority", SETTING_TEXT, FIELD (centre_signer_authority) },
  { "centre_signer_name", SETTING_TEXT, FIELD (centre_signer_name) },
  { "centre_signer_title", SETTING_TEXT, FIELD (centre_signer_title) },
  { "issuer_slip",     SETTING_CHOICE, FIELD (issuer_slip), 0, 0, { "centre", "committee", NULL } },
  { "issuer_supplement", SETTING_CHOICE, FIELD (issuer_supplement), 0, 0, { "centre", "committee", NULL } },
  { "issuer_refusal",  SETTING_CHOICE, FIELD (issuer_refusal), 0, 0, { "centre", "committee", NULL } },
  { "issuer_apology",  SETTING_CHOICE, FIELD (issuer_apology), 0, 0, { "centre", "committee", NULL } },
  { "issuer_stop",     SETTING_CHOICE, FIELD (issuer_stop), 0, 0, { "centre", "committee", NULL } },
  { "issuer_control",  SETTING_CHOICE, FIELD (issuer_control), 0, 0, { "centre", "committee", NULL } },
  { "issuer_late_list", SETTING_CHOICE, FIELD (issuer_late_list), 0, 0, { "centre", "committee", NULL } },
  { "morning_open",    SETTING_CLOCK,  FIELD (hours.morning_open) },
  { "morning_close",   SETTING_CLOCK,  FIELD (hours.morning_close) },
  { "afternoon_open",  SETTING_CLOCK,  FIELD (hours.afternoon_open) },
  { "afternoon_close", SETTING_CLOCK,  FIELD (hours.afternoon_close) },
  { "cutoff",          SETTING_CLOCK,  FIELD (hours.cutoff) },
  { "due_soon_days",   SETTING_NUMBER, FIELD (due_soon_days), 0, 30 },
  /* The choices in the order of McSupplementMode. */
  { "supplement_mode", SETTING_ENUM,   FIELD (supplement_mode), 0, 0, { "restart", "resume", NULL } },
  { "form_numbering",  SETTING_CHOICE, FIELD (form_numbering), 0, 0, { "2025", "2018", NULL } },
  /* The model's Ghi chú: a book per sector or group of sectors; one book for the year is the default. */
  { "register_books",  SETTING_CHOICE, FIELD (register_books), 0, 0, { "year", "sector", NULL } },
  /* The province's civil-status fees, in đồng; the catalogue's fee schedules name them (docs/fees.md). */
  { "fee_late_registration",  SETTING_NUMBER, FIELD (fee_late_registration), 0, MC_FEE_MAX_AMOUNT },
  { "fee_parentage",          SETTING_NUMBER, FIELD (fee_parentage), 0, MC_FEE_MAX_AMOUNT },
  { "fee_civil_change",       SETTING_NUMBER, FIELD (fee_civil_change), 0, MC_FEE_MAX_AMOUNT },
  { "fee_marital_status",     SETTING_NUMBER, FIELD (fee_marital_status), 0, MC_FEE_MAX_AMOUNT },
  { "fee_re_registration",    SETTING_NUMBER, FIELD (fee_re_registration), 0, MC_FEE_MAX_AMOUNT },
  { "fee_civil_confirmation", SETTING_NUMBER, FIELD (fee_civil_confirmation), 0, MC_FEE_MAX_AMOUNT },
  { "fee_foreign_marriage",   SETTING_NUMBER, FIELD (fee_foreign_marriage), 0, MC_FEE_MAX_AMOUNT },
  { "fee_foreign_birth",      SETTING_NUMBER, FIELD (fee_foreign_birth), 0, MC_FEE_MAX_AMOUNT },
  { "fee_foreign_parentage",  SETTING_NUMBER, FIELD (fee_foreign_parentage), 0, MC_FEE_MAX_AMOUNT },
};

static const Setting *
find_setting (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (g_str_equal (settings[i].key, key))
      return &settings[i];
  return NULL;
}

/**
 * mc_office_setting_moves_deadlines:
 *
 * Whether a change of @key can move a running dossier's due date: the office hours and the cut-off count working
 * time, the supplement mode decides what a completed supplement resumes. Every other setting is printed or shown
 * only, so changing it refolds nothing.
 */
gboolean
mc_office_setting_moves_deadlines (const char *key)
{
  const Setting *setting = find_setting (key);

  return setting != NULL && (setting->kind == SETTING_CLOCK || setting->offset == FIELD (supplement_mode));
}

McOffice *
mc_office_new (void)
{
  McOffice *self = g_new0 (McOffice, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->unit_name = g_strdup ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");
  self->hours = (McOfficeHours) { 7 * 60 + 30, 11 * 60 + 30, 13 * 60, 17 * 60, 15 * 60 };
  self->due_soon_days = 1;
  self->supplement_mode = MC_SUPPLEMENT_RESTART;
  self->form_numbering = g_strdup ("2025");
  self->register_books = g_strdup ("year");
  self->signer_title = g_strdup ("CHỦ TỊCH");
  /* Amounts many provinces set (unconfirmed, docs/fees.md): each office sets its province's. */
  self->fee_late_registration = 8000;
  self->fee_parentage = 15000;
  self->fee_civil_change = 15000;
  self->fee_marital_status = 15000;
  self->fee_re_registration = 8000;
  self->fee_civil_confirmation = 8000;
  self->fee_foreign_marriage = 1000000;
  self->fee_foreign_birth = 75000;
  self->fee_foreign_parentage = 1000000;

  self->signer_authority = g_strdup ("TM. ỦY BAN NHÂN DÂN");
  self->centre_signer_title = g_strdup ("GIÁM ĐỐC");
  /* The models: the desk issues what it hands over at the counter; the deciding body, the People's Committee,
   * apologises for its delay (Mẫu 04 is signed by the head of the body that decides). */
  self->issuer_slip = g_strdup ("centre");
  self->issuer_supplement = g_strdup ("centre");
  self->issuer_refusal = g_strdup ("centre");
  self->issuer_apology = g_strdup ("committee");
  self->issuer_stop = g_strdup ("centre");
  self->issuer_control = g_strdup ("centre");
  self->issuer_late_list = g_strdup ("committee");
  return self;
}

McOffice *
mc_office_ref (McOffice *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mc_office_unref (McOffice *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self->parent);
  g_free (self->unit_name);
  g_free (self->place);
  g_free (self->lookup_url);
  g_free (self->phone);
  g_free (self->signer_authority);
  g_free (self->signer_name);
  g_free (self->signer_title);
  g_free (self->centre_signer_authority);
  g_free (self->centre_signer_name);
  g_free (self->centre_signer_title);
  g_free (self->issuer_slip);
  g_free (self->issuer_supplement);
  g_free (self->issuer_refusal);
  g_free (self->issuer_apology);
  g_free (self->issuer_stop);
  g_free (self->issuer_control);
  g_free (self->issuer_late_list);
  g_free (self->form_numbering);
  g_free (self->register_books);
  g_free (self->station_id);
  g_free (self->clerk);
  g_free (self);
}

McOffice *
mc_office_copy (const McOffice *self)
{
  McOffice *copy = mc_office_new ();

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *value = mc_office_get_value (self, settings[i].key);
      mc_office_set_value (copy, settings[i].key, value);
    }
  copy->station = self->station;
  copy->station_id = g_strdup (self->station_id);
  copy->clerk = g_strdup (self->clerk);
  return copy;
}

const char * const *
mc_office_shared_keys (void)
{
  static const char **keys;

  if (g_once_init_enter (&keys))
    {
      const char **list = g_new0 (const char *, G_N_ELEMENTS (settings) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
        list[i] = settings[i].key;
      g_once_init_leave (&keys, list);
    }
  return keys;
}

gboolean
mc_office_parse_clock (const char *text,
                       int        *out_minutes)
{
  int h, m, n = 0;

  if (text == NULL || sscanf (text, "%2d:%2d%n", &h, &m, &n) != 2 || (size_t) n != strlen (text) ||
      h < 0 || h > 24 || m < 0 || m > 59 || h * 60 + m > 24 * 60)
    return FALSE;
  *out_minutes = h * 60 + m;
  return TRUE;
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = (value && *value) ? g_strdup (value) : NULL;
}

/* Returns FALSE for an unknown key or a value that does not parse; the office is then unchanged. */
gboolean
mc_office_set_value (McOffice   *self,
                     const char *key,
                     const char *value)
{
  const Setting *setting = find_setting (key);
  gpointer field;
  int minutes;
  gint64 number;

  if (setting == NULL)
    return FALSE;
  field = G_STRUCT_MEMBER_P (self, setting->offset);
  switch (setting->kind)
    {
    case SETTING_TEXT:
      replace (field, value);
      return TRUE;
    case SETTING_CLOCK:
      if (!mc_office_parse_clock (value, &minutes))
        return FALSE;
      *(int *) field = minutes;
      return TRUE;
    case SETTING_NUMBER:
      if (value == NULL || !g_ascii_string_to_signed (value, 10, setting->min, setting->max, &number, NULL))
        return FALSE;
      *(int *) field = (int) number;
      return TRUE;
    case SETTING_CHOICE:
    case SETTING_ENUM:
      for (guint i = 0; setting->choices[i]; i++)
        if (g_strcmp0 (value, setting->choices[i]) == 0)
          {
            if (setting->kind == SETTING_ENUM)
              *(int *) field = (int) i;
            else
              replace (field, value);
            return TRUE;
          }
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

char *
mc_office_get_value (const McOffice *self,
                     const char     *key)
{
  const Setting *setting = find_setting (key);
  gconstpointer field;

  if (setting == NULL)
    return NULL;
  field = G_STRUCT_MEMBER_P (self, setting->offset);
  switch (setting->kind)
    {
    case SETTING_TEXT:
      return g_strdup (*(char * const *) field);
    case SETTING_CLOCK:
      return g_strdup_printf ("%02d:%02d", *(const int *) field / 60, *(const int *) field % 60);
    case SETTING_NUMBER:
      return g_strdup_printf ("%d", *(const int *) field);
    case SETTING_CHOICE:
      return g_strdup (*(char * const *) field);
    case SETTING_ENUM:
      return g_strdup (setting->choices[*(const int *) field]);
    default:
      g_assert_not_reached ();
    }
}

/**
 * mc_office_describe_value:
 *
 * Returns: (transfer full): what @key accepts, for a message that says what to type ("hh:mm", "0 to 30", "restart
 * or resume"), or %NULL for an unknown key.
 */
char *
mc_office_describe_value (const char *key)
{
  const Setting *setting = find_setting (key);

  if (setting == NULL)
    return NULL;
  switch (setting->kind)
    {
    case SETTING_TEXT:
      return g_strdup (_("any text"));
    case SETTING_CLOCK:
      /* Translators: the form of a time of day in the office settings */
      return g_strdup (_("a time of day as hh:mm"));
    case SETTING_NUMBER:
      /* Translators: a whole number between two bounds */
      return g_strdup_printf (_("a whole number from %d to %d"), setting->min, setting->max);
    case SETTING_CHOICE:
    case SETTING_ENUM:
      {
        g_autofree char *joined = g_strjoinv (", ", (char **) setting->choices);
        /* Translators: %s lists the allowed values, separated by commas */
        return g_strdup_printf (_("one of %s"), joined);
      }
    default:
      g_assert_not_reached ();
    }
}

/* An office's electronic code (mã định danh điện tử, e.g. 000.00.12.H40): it names files and dossier codes. */
gboolean
mc_office_code_is_valid (const char *code)
{
  if (code == NULL || *code == '\0' || strlen (code) > 40)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.')
      return FALSE;
  return TRUE;
}
