/* mc-intake-page-checks.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intake page's checks of what the clerk types, as they type, and the applicant filled from an ID card. */

#define G_LOG_DOMAIN "mc-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "mc-id-card.h"
#include "mc-intake-page-private.h"
#include "mc-time.h"

static McProcedure *
selected_procedure (McIntakePage *self)
{
  return mc_procedure_finder_get_procedure (self->procedure_finder);
}



void
_mc_intake_page_mark_row (AdwEntryRow *row,
          gboolean     invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* The birth field holds a year ("1989") or a whole date as Vietnamese write it ("15/08/1989"); the year of
 * either, 0 when blank. *@date (when not NULL) is the ISO date, or NULL for a year alone. */
int
_mc_intake_page_birth_year (McIntakePage  *self,
            gboolean      *valid,
            char         **date)
{
  g_autofree char *text = g_strstrip (g_strdup (row_text (self->birth_year_row)));
  gint64 year = 0;
  int d, m, y, n = 0, jdn, check_y, check_m, check_d;

  *valid = TRUE;
  if (date != NULL)
    *date = NULL;
  if (*text == '\0')
    return 0;
  if (g_ascii_string_to_signed (text, 10, 1900, 2100, &year, NULL))
    return (int) year;
  if (sscanf (text, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3 && (gsize) n == strlen (text) && y >= 1900 &&
      y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
    {
      jdn = mc_jdn_from_ymd (y, m, d);
      mc_jdn_to_ymd (jdn, &check_y, &check_m, &check_d);
      if (check_d == d && check_m == m && jdn <= mc_minute_jdn (mc_time_now ()))
        {
          if (date != NULL)
            *date = mc_date_format_iso (jdn);
          return y;
        }
    }
  *valid = FALSE;
  return 0;
}

McGender
_mc_intake_page_gender (McIntakePage *self)
{
  switch (adw_combo_row_get_selected (self->gender_row))
    {
    case 1:
      return MC_GENDER_MALE;
    case 2:
      return MC_GENDER_FEMALE;
    default:
      return MC_GENDER_UNKNOWN;
    }
}

/* Checks every field as the clerk types; returns FALSE when saving must be refused. With @for_save, also
 * reports the required fields left empty. */
gboolean
_mc_intake_page_validate (McIntakePage *self,
          gboolean      for_save)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *warning = NULL;
  gboolean year_valid;
  int year = _mc_intake_page_birth_year (self, &year_valid, NULL);
  gboolean proxy = adw_expander_row_get_enable_expansion (self->proxy_expander);
  gboolean ok = TRUE;

#define ADD_ERROR(label, message) \
  G_STMT_START { g_string_append_printf (errors, "• %s: %s\n", label, message); ok = FALSE; } G_STMT_END

  if (for_save && selected_procedure (self) == NULL)
    ADD_ERROR (_("Procedure"), _("Choose the procedure"));

  _mc_intake_page_mark_row (self->name_row, for_save && is_blank (row_text (self->name_row)));
  if (for_save && is_blank (row_text (self->name_row)))
    ADD_ERROR (_("Full name"), _("Enter the applicant's full name"));

  _mc_intake_page_mark_row (self->birth_year_row, !year_valid);
  if (!year_valid)
    ADD_ERROR (_("Date of birth"),
               _("Write the date as dd/mm/yyyy (15/08/1989), not in the future, or only the year (1989)"));

  _mc_intake_page_mark_row (self->id_row, FALSE);
  if (!is_blank (row_text (self->id_row)))
    {
      if (!mc_id_number_validate (row_text (self->id_row), year, _mc_intake_page_gender (self), NULL, &normalized,
                                  &warning, &error))
        {
          _mc_intake_page_mark_row (self->id_row, TRUE);
          ADD_ERROR (_("Personal ID number"), error->message);
          g_clear_error (&error);
        }
      else if (warning != NULL)
        g_string_append_printf (notes, "%s\n", warning);
    }

  g_clear_pointer (&normalized, g_free);
  _mc_intake_page_mark_row (self->phone_row, FALSE);
  if (!is_blank (row_text (self->phone_row)) &&
      !mc_phone_normalize (row_text (self->phone_row), &normalized, &error))
    {
      _mc_intake_page_mark_row (self->phone_row, TRUE);
      ADD_ERROR (_("Phone"), error->message);
      g_clear_error (&error);
    }

  g_clear_pointer (&normalized, g_free);
  _mc_intake_page_mark_row (self->email_row, FALSE);
  if (!is_blank (row_text (self->email_row)) &&
      !mc_email_normalize (row_text (self->email_row), &normalized, &error))
    {
      _mc_intake_page_mark_row (self->email_row, TRUE);
      ADD_ERROR (_("E-mail"), error->message);
      g_clear_error (&error);
    }

  g_clear_pointer (&normalized, g_free);
  _mc_intake_page_mark_row (self->proxy_name_row, FALSE);
  _mc_intake_page_mark_row (self->proxy_id_row, FALSE);
  _mc_intake_page_mark_row (self->proxy_phone_row, FALSE);
  _mc_intake_page_mark_row (self->proxy_email_row, FALSE);
  if (proxy)
    {
      if (for_save && is_blank (row_text (self->proxy_name_row)))
        {
          _mc_intake_page_mark_row (self->proxy_name_row, TRUE);
          ADD_ERROR (_("Proxy's full name"), _("Enter the name of the person filing, or switch the proxy off"));
        }
      if (!is_blank (row_text (self->proxy_id_row)) &&
          !mc_id_number_validate (row_text (self->proxy_id_row), 0, MC_GENDER_UNKNOWN, NULL, &normalized, NULL,
                                  &error))
        {
          _mc_intake_page_mark_row (self->proxy_id_row, TRUE);
          ADD_ERROR (_("Proxy's ID number"), error->message);
          g_clear_error (&error);
        }
      g_clear_pointer (&normalized, g_free);
      if (!is_blank (row_text (self->proxy_phone_row)) &&
          !mc_phone_normalize (row_text (self->proxy_phone_row), &normalized, &error))
        {
          _mc_intake_page_mark_row (self->proxy_phone_row, TRUE);
          ADD_ERROR (_("Proxy's phone"), error->message);
          g_clear_error (&error);
        }
      g_clear_pointer (&normalized, g_free);
      if (!is_blank (row_text (self->proxy_email_row)) &&
          !mc_email_normalize (row_text (self->proxy_email_row), &normalized, &error))
        {
          _mc_intake_page_mark_row (self->proxy_email_row, TRUE);
          ADD_ERROR (_("Proxy's e-mail"), error->message);
          g_clear_error (&error);
        }
    }
#undef ADD_ERROR

  if (errors->len > 0 && notes->len > 0)
    g_string_append_c (errors, '\n');
  g_string_append (errors, notes->str);
  if (errors->len > 0 && errors->str[errors->len - 1] == '\n')
    g_string_truncate (errors, errors->len - 1);
  gtk_label_set_text (self->errors_label, errors->str);

  return ok;
}

/* The line of an ID card's QR code, typed by the scanner wherever the focus was: the applicant filled from it
 * whole, or nothing filled and the reason said. */
void
_mc_intake_page_card_line_cb (McIntakePage *self,
              const char   *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIdCard) card = mc_id_card_parse (line, &error);
  g_autofree char *text = NULL;
  int birth_jdn;

  if (card == NULL)
    {
      /* Translators: %s says why the line read from an ID card was refused */
      text = g_strdup_printf (_("ID card not read, nothing filled: %s"), error->message);
      adw_preferences_group_set_description (self->applicant_group, text);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (mc_date_parse (card->birth_date, &birth_jdn, NULL))
    text = mc_date_format_short (birth_jdn);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), card->name);
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), card->id_number);
  gtk_editable_set_text (GTK_EDITABLE (self->birth_year_row), text != NULL ? text : "");
  adw_combo_row_set_selected (self->gender_row, card->gender == MC_GENDER_MALE ? 1 : 2);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), card->address != NULL ? card->address : "");
  g_free (text);
  /* Translators: %s is the applicant's name read from the ID card */
  text = g_strdup_printf (_("Filled from the ID card of %s: name, ID number, date of birth, gender and address"),
                          card->name);
  adw_preferences_group_set_description (self->applicant_group, text);
  _mc_intake_page_validate (self, FALSE);
}

