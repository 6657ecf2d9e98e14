/* mc-calendar-holidays.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-calendar"

/* Where a year's days off come from: the official schedule the government publishes for it, when one is
 * loaded, or else the Labour Code's statutory holidays (the lunar ones computed) with their days in lieu. */

#include "config.h"

#include <glib/gi18n.h>

#include "mc-calendar-private.h"
#include "mc-lunar.h"
#include "mc-time.h"

typedef struct
{
  int         jdn;
  const char *name;
} Holiday;

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  return ((const Holiday *) a)->jdn - ((const Holiday *) b)->jdn;
}

static int
lunar_to_jdn (int year,
              int month,
              int day)
{
  McLunarDate lunar = { day, month, year, FALSE };
  int y, m, d;

  if (!mc_lunar_to_gregorian (&lunar, &y, &m, &d, NULL))
    return -1;
  return mc_jdn_from_ymd (y, m, d);
}

/* Bộ luật Lao động 2019 Điều 112 and Điều 111 k3, for years with no official schedule yet. */
void
_mc_calendar_build_statutory_year (McCalendar *self,
                                   int         year)
{
  static const char *tet_names[] = {
    /* Holiday names are the official Vietnamese ones, in every UI language. */
    "Tết Nguyên đán (Mùng 1)", "Tết Nguyên đán (Mùng 2)",
    "Tết Nguyên đán (Mùng 3)", "Tết Nguyên đán (Mùng 4)",
  };
  g_autoptr(GArray) holidays = g_array_new (FALSE, FALSE, sizeof (Holiday));
  int tet = lunar_to_jdn (year, 1, 1);
  int gio_to = lunar_to_jdn (year, 3, 10);
  int national = mc_jdn_from_ymd (year, 9, 2);
  int adjacent;
  Holiday h;
  int last_taken = 0;

  h = (Holiday) { mc_jdn_from_ymd (year, 1, 1), "Tết Dương lịch" };
  g_array_append_val (holidays, h);
  if (tet > 0)
    {
      g_autofree char *last_day = NULL;
      McLunarDate lunar;
      int y, m, d;

      mc_jdn_to_ymd (tet - 1, &y, &m, &d);
      if (mc_lunar_from_gregorian (y, m, d, &lunar, NULL))
        last_day = g_strdup_printf ("Tết Nguyên đán (%d tháng Chạp)", lunar.day);
      h = (Holiday) { tet - 1, g_intern_string (last_day ? last_day : "Tết Nguyên đán") };
      g_array_append_val (holidays, h);
      for (int i = 0; i < 4; i++)
        {
          h = (Holiday) { tet + i, tet_names[i] };
          g_array_append_val (holidays, h);
        }
    }
  if (gio_to > 0)
    {
      h = (Holiday) { gio_to, "Giỗ Tổ Hùng Vương (10/3 âm lịch)" };
      g_array_append_val (holidays, h);
    }
  h = (Holiday) { mc_jdn_from_ymd (year, 4, 30), "Ngày Chiến thắng" };
  g_array_append_val (holidays, h);
  h = (Holiday) { mc_jdn_from_ymd (year, 5, 1), "Ngày Quốc tế Lao động" };
  g_array_append_val (holidays, h);
  h = (Holiday) { national, "Quốc khánh" };
  g_array_append_val (holidays, h);
  /* The Prime Minister picks the day next to 2/9 each year; this picks the one that makes the longer break. */
  switch (mc_jdn_weekday (national))
    {
    case 1: case 4: case 0:
      adjacent = national + 1;
      break;
    default:
      adjacent = national - 1;
      break;
    }
  h = (Holiday) { adjacent, "Quốc khánh (ngày liền kề)" };
  g_array_append_val (holidays, h);

  g_array_sort (holidays, compare_holidays);

  for (guint i = 0; i < holidays->len; i++)
    {
      const Holiday *hol = &g_array_index (holidays, Holiday, i);
      _mc_calendar_mark_day (self, hol->jdn, MC_DAY_HOLIDAY, TRUE, hol->name);
    }

  /* Nghỉ bù: a holiday on a weekend gives the next working day off. */
  for (guint i = 0; i < holidays->len; i++)
    {
      const Holiday *hol = &g_array_index (holidays, Holiday, i);
      int wd = mc_jdn_weekday (hol->jdn);
      int comp;
      g_autofree char *name = NULL;

      if (wd != 0 && wd != 6)
        continue;
      comp = MAX (hol->jdn + 1, last_taken + 1);
      while (comp - self->base_jdn < self->n_days &&
             _mc_calendar_raw_kind (self, comp) != MC_DAY_WORKING)
        comp++;
      last_taken = comp;
      name = g_strdup_printf ("%s (nghỉ bù)", hol->name);
      _mc_calendar_mark_day (self, comp, MC_DAY_HOLIDAY, TRUE, name);
    }
}

void
_mc_calendar_build_official_year (McCalendar *self,
                                  JsonObject *schedule)
{
  JsonArray *off = json_object_get_array_member (schedule, "days_off");
  JsonArray *worked = json_object_get_array_member (schedule, "worked_days");

  for (guint i = 0; i < json_array_get_length (off); i++)
    {
      JsonObject *e = json_array_get_object_element (off, i);
      int jdn;

      if (mc_date_parse (json_object_get_string_member (e, "date"), &jdn, NULL))
        _mc_calendar_mark_day (self, jdn, MC_DAY_HOLIDAY, FALSE, json_object_get_string_member (e, "name"));
    }
  for (guint i = 0; i < json_array_get_length (worked); i++)
    {
      JsonObject *e = json_array_get_object_element (worked, i);
      int jdn;

      if (mc_date_parse (json_object_get_string_member (e, "date"), &jdn, NULL))
        _mc_calendar_mark_day (self, jdn, MC_DAY_WORKED_SATURDAY, FALSE, json_object_get_string_member (e, "name"));
    }
}

/**
 * mc_calendar_load_schedule:
 *
 * Loads one year's official schedule (days off, including the weekend days of a break, and worked Saturdays).
 * It replaces the statutory rule for that year entirely.
 */
gboolean
mc_calendar_load_schedule (McCalendar  *self,
                           const char  *json,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  gint64 year;
  const char *lists[] = { "days_off", "worked_days" };

  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID_DATA,
                   _("The holiday schedule is not valid JSON: %s"), local_error->message);
      return FALSE;
    }
  /* Blank text parses to no root at all. */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  root = json_node_get_object (json_parser_get_root (parser));
  year = json_object_get_int_member_with_default (root, "year", 0);
  if (year < MC_TIME_MIN_YEAR || year > MC_TIME_MAX_YEAR)
    goto invalid;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonNode *node = json_object_get_member (root, lists[l]);
      JsonArray *array;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        goto invalid;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *e;
          const char *date, *name;
          int jdn, y;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            goto invalid;
          e = json_node_get_object (element);
          date = json_object_get_string_member_with_default (e, "date", NULL);
          name = json_object_get_string_member_with_default (e, "name", NULL);
          if (date == NULL || name == NULL || !mc_date_parse (date, &jdn, NULL))
            goto invalid;
          mc_jdn_to_ymd (jdn, &y, NULL, NULL);
          if (y != year)
            goto invalid;
          if (l == 1 && mc_jdn_weekday (jdn) != 6 && mc_jdn_weekday (jdn) != 0)
            goto invalid;
        }
    }

  g_hash_table_insert (self->schedules, GINT_TO_POINTER ((int) year),
                       json_node_copy (json_parser_get_root (parser)));
  _mc_calendar_invalidate_year (self, (int) year);
  return TRUE;

invalid:
  g_set_error_literal (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID_DATA,
                       _("The holiday schedule must name its year and list dates of that year "
                         "under “days_off” and “worked_days” (weekend days only)"));
  return FALSE;
}

gboolean
mc_calendar_has_schedule (McCalendar *self,
                          int         year)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);
  return g_hash_table_contains (self->schedules, GINT_TO_POINTER (year));
}
