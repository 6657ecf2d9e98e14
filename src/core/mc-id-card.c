/* mc-id-card.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The QR code of a chip ID card, read from the line a scanner types. */

#define G_LOG_DOMAIN "mc-id-card"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mc-id-card.h"
#include "mc-text.h"
#include "mc-time.h"

/* The fields of a card's line, in order; later generations may add more after these. */
enum {
  FIELD_ID,
  FIELD_OLD_ID,
  FIELD_NAME,
  FIELD_BIRTH,
  FIELD_GENDER,
  FIELD_ADDRESS,
  FIELD_ISSUE,
  N_REQUIRED_FIELDS = FIELD_ISSUE,   /* the date of issue may be missing */
};

/* A line longer than this is not a card's (the longest addresses stay far below). */
#define LINE_MAX_BYTES 2048

void
mc_id_card_free (McIdCard *card)
{
  if (card == NULL)
    return;
  g_free (card->id_number);
  g_free (card->old_id_number);
  g_free (card->name);
  g_free (card->birth_date);
  g_free (card->address);
  g_free (card->issue_date);
  g_free (card);
}

static gboolean
all_digits (const char *text,
            gsize       len)
{
  if (strlen (text) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
mc_id_card_line_starts (const char *line)
{
  if (line == NULL)
    return FALSE;
  for (int i = 0; i < 12; i++)
    if (!g_ascii_isdigit (line[i]))
      return FALSE;
  return line[12] == '|';
}

/* A ddmmyyyy date of the card as a day number; @what names the field in the message. */
static gboolean
parse_card_date (const char  *text,
                 const char  *what,
                 int         *out_jdn,
                 GError     **error)
{
  int d, m, y, jdn, check_y, check_m, check_d;

  if (!all_digits (text, 8))
    {
      /* Translators: %s names a date of the ID card ("the date of birth"); ddmmyyyy is the pattern */
      g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                   _("The card's %s is not a date written ddmmyyyy; scan the card again"), what);
      return FALSE;
    }
  d = (text[0] - '0') * 10 + (text[1] - '0');
  m = (text[2] - '0') * 10 + (text[3] - '0');
  y = ((text[4] - '0') * 10 + (text[5] - '0')) * 100 + (text[6] - '0') * 10 + (text[7] - '0');
  if (y < MC_TIME_MIN_YEAR || y > MC_TIME_MAX_YEAR || m < 1 || m > 12 || d < 1 || d > 31)
    goto invalid;
  /* 31/02 would become a day of March: a real day reads back as itself. */
  jdn = mc_jdn_from_ymd (y, m, d);
  mc_jdn_to_ymd (jdn, &check_y, &check_m, &check_d);
  if (check_y != y || check_m != m || check_d != d)
    goto invalid;
  if (jdn > mc_minute_jdn (mc_time_now ()))
    {
      /* Translators: %s names a date of the ID card ("the date of birth") */
      g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                   _("The card's %s is in the future; check the card"), what);
      return FALSE;
    }
  *out_jdn = jdn;
  return TRUE;

invalid:
  /* Translators: %s names a date of the ID card ("the date of birth") */
  g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
               _("The card's %s is not a real day; scan the card again"), what);
  return FALSE;
}

static gboolean
parse_gender (const char *text,
              McGender   *out)
{
  g_autofree char *folded = mc_text_fold (text);

  if (g_str_equal (folded, "nam"))
    *out = MC_GENDER_MALE;
  else if (g_str_equal (folded, "nu"))
    *out = MC_GENDER_FEMALE;
  else
    return FALSE;
  return TRUE;
}

McIdCard *
mc_id_card_parse (const char  *line,
                  GError     **error)
{
  g_autoptr(McIdCard) card = g_new0 (McIdCard, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *address = NULL;
  int birth_jdn, issue_jdn;
  guint n_fields;

  g_return_val_if_fail (line != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strlen (line) > LINE_MAX_BYTES || !g_utf8_validate (line, -1, NULL))
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("This is not the QR code of an ID card; scan the code on the card's front"));
      return NULL;
    }
  copy = g_strstrip (g_strdup (line));
  fields = g_strsplit (copy, "|", -1);
  n_fields = g_strv_length (fields);
  if (n_fields < N_REQUIRED_FIELDS)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("This is not the QR code of an ID card; scan the code on the card's front"));
      return NULL;
    }
  for (guint i = 0; i < n_fields; i++)
    g_strstrip (fields[i]);

  if (!all_digits (fields[FIELD_ID], 12))
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The card's personal ID number does not have 12 digits; scan the card again"));
      return NULL;
    }
  if (*fields[FIELD_OLD_ID] != '\0' && !all_digits (fields[FIELD_OLD_ID], 9) &&
      !all_digits (fields[FIELD_OLD_ID], 12))
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The card's old ID card number has neither 9 nor 12 digits; scan the card again"));
      return NULL;
    }

  card->name = mc_text_normalize_person_name (fields[FIELD_NAME], NULL);
  if (card->name == NULL)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The card's name cannot be read; scan the card again"));
      return NULL;
    }

  if (!parse_card_date (fields[FIELD_BIRTH], _("date of birth"), &birth_jdn, error))
    return NULL;
  card->birth_date = mc_date_format_iso (birth_jdn);
  mc_jdn_to_ymd (birth_jdn, &card->birth_year, NULL, NULL);

  if (!parse_gender (fields[FIELD_GENDER], &card->gender))
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The card's gender is neither Nam nor Nữ; scan the card again"));
      return NULL;
    }

  address = mc_text_clean (fields[FIELD_ADDRESS], -1, 500, FALSE, NULL);
  if (address == NULL)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The card's address cannot be read; scan the card again"));
      return NULL;
    }
  if (*address != '\0')
    card->address = g_steal_pointer (&address);

  if (n_fields > FIELD_ISSUE && *fields[FIELD_ISSUE] != '\0')
    {
      if (!parse_card_date (fields[FIELD_ISSUE], _("date of issue"), &issue_jdn, error))
        return NULL;
      if (issue_jdn < birth_jdn)
        {
          g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                               _("The card's date of issue is before the date of birth; check the card"));
          return NULL;
        }
      card->issue_date = mc_date_format_iso (issue_jdn);
    }

  /* The number encodes the century, the gender and the year of birth: a line whose fields disagree is refused
   * whole rather than filled in part. */
  if (!mc_id_number_validate (fields[FIELD_ID], card->birth_year, card->gender, NULL, &card->id_number, NULL,
                              &local_error))
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID, local_error->message);
      return NULL;
    }
  if (*fields[FIELD_OLD_ID] != '\0')
    card->old_id_number = g_strdup (fields[FIELD_OLD_ID]);

  return g_steal_pointer (&card);
}
