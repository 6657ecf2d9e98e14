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

#include "mc-office.h"

static const char * const shared_keys[] = {
  "office_code", "office_name", "parent_name", "unit_name", "place", "lookup_url",
  "signer_name", "signer_title", "morning_open", "morning_close", "afternoon_open",
  "afternoon_close", "cutoff", "due_soon_days", "supplement_mode", "form_numbering",
  NULL
};

McOffice *
mc_office_new (void)
{
  McOffice *self = g_new0 (McOffice, 1);

  self->unit_name = g_strdup ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");
  self->hours = (McOfficeHours) { 7 * 60 + 30, 11 * 60 + 30, 13 * 60, 17 * 60, 15 * 60 };
  self->due_soon_days = 1;
  self->supplement_mode = MC_SUPPLEMENT_RESTART;
  self->form_numbering = g_strdup ("2025");
  self->signer_title = g_strdup ("CHỦ TỊCH");
  return self;
}

void
mc_office_free (McOffice *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self->parent);
  g_free (self->unit_name);
  g_free (self->place);
  g_free (self->lookup_url);
  g_free (self->signer_name);
  g_free (self->signer_title);
  g_free (self->form_numbering);
  g_free (self->station_id);
  g_free (self->clerk);
  g_free (self);
}

McOffice *
mc_office_copy (const McOffice *self)
{
  McOffice *copy = mc_office_new ();

  for (guint i = 0; shared_keys[i]; i++)
    {
      g_autofree char *value = mc_office_get_value (self, shared_keys[i]);
      mc_office_set_value (copy, shared_keys[i], value);
    }
  copy->station = self->station;
  copy->station_id = g_strdup (self->station_id);
  copy->clerk = g_strdup (self->clerk);
  return copy;
}

const char * const *
mc_office_shared_keys (void)
{
  return shared_keys;
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
  int minutes;

  if (g_str_equal (key, "office_code"))
    replace (&self->code, value);
  else if (g_str_equal (key, "office_name"))
    replace (&self->name, value);
  else if (g_str_equal (key, "parent_name"))
    replace (&self->parent, value);
  else if (g_str_equal (key, "unit_name"))
    replace (&self->unit_name, value);
  else if (g_str_equal (key, "place"))
    replace (&self->place, value);
  else if (g_str_equal (key, "lookup_url"))
    replace (&self->lookup_url, value);
  else if (g_str_equal (key, "signer_name"))
    replace (&self->signer_name, value);
  else if (g_str_equal (key, "signer_title"))
    replace (&self->signer_title, value);
  else if (g_str_equal (key, "form_numbering"))
    {
      if (g_strcmp0 (value, "2025") != 0 && g_strcmp0 (value, "2018") != 0)
        return FALSE;
      replace (&self->form_numbering, value);
    }
  else if (g_str_equal (key, "supplement_mode"))
    {
      if (g_strcmp0 (value, "restart") == 0)
        self->supplement_mode = MC_SUPPLEMENT_RESTART;
      else if (g_strcmp0 (value, "resume") == 0)
        self->supplement_mode = MC_SUPPLEMENT_RESUME;
      else
        return FALSE;
    }
  else if (g_str_equal (key, "due_soon_days"))
    {
      gint64 days;

      if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 30, &days, NULL))
        return FALSE;
      self->due_soon_days = (int) days;
    }
  else if (g_str_equal (key, "morning_open") || g_str_equal (key, "morning_close") ||
           g_str_equal (key, "afternoon_open") || g_str_equal (key, "afternoon_close") ||
           g_str_equal (key, "cutoff"))
    {
      if (!mc_office_parse_clock (value, &minutes))
        return FALSE;
      if (g_str_equal (key, "morning_open"))
        self->hours.morning_open = minutes;
      else if (g_str_equal (key, "morning_close"))
        self->hours.morning_close = minutes;
      else if (g_str_equal (key, "afternoon_open"))
        self->hours.afternoon_open = minutes;
      else if (g_str_equal (key, "afternoon_close"))
        self->hours.afternoon_close = minutes;
      else
        self->hours.cutoff = minutes;
    }
  else
    return FALSE;
  return TRUE;
}

static char *
format_clock (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

char *
mc_office_get_value (const McOffice *self,
                     const char     *key)
{
  if (g_str_equal (key, "office_code"))
    return g_strdup (self->code);
  if (g_str_equal (key, "office_name"))
    return g_strdup (self->name);
  if (g_str_equal (key, "parent_name"))
    return g_strdup (self->parent);
  if (g_str_equal (key, "unit_name"))
    return g_strdup (self->unit_name);
  if (g_str_equal (key, "place"))
    return g_strdup (self->place);
  if (g_str_equal (key, "lookup_url"))
    return g_strdup (self->lookup_url);
  if (g_str_equal (key, "signer_name"))
    return g_strdup (self->signer_name);
  if (g_str_equal (key, "signer_title"))
    return g_strdup (self->signer_title);
  if (g_str_equal (key, "form_numbering"))
    return g_strdup (self->form_numbering);
  if (g_str_equal (key, "supplement_mode"))
    return g_strdup (self->supplement_mode == MC_SUPPLEMENT_RESUME ? "resume" : "restart");
  if (g_str_equal (key, "due_soon_days"))
    return g_strdup_printf ("%d", self->due_soon_days);
  if (g_str_equal (key, "morning_open"))
    return format_clock (self->hours.morning_open);
  if (g_str_equal (key, "morning_close"))
    return format_clock (self->hours.morning_close);
  if (g_str_equal (key, "afternoon_open"))
    return format_clock (self->hours.afternoon_open);
  if (g_str_equal (key, "afternoon_close"))
    return format_clock (self->hours.afternoon_close);
  if (g_str_equal (key, "cutoff"))
    return format_clock (self->hours.cutoff);
  return NULL;
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
