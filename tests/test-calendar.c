/* test-calendar.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include <glib.h>
#include "mc-calendar.h"
#include "mc-time.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "mc-lunar.h"

#define HOLIDAYS_RESOURCE "/io/github/motcua/Desk/data/holidays/"

/*
 * Helpers. Every comparison is made on a string that starts with the row's description, so a failing
 * assertion prints which row failed and readable dates.
 */

static McMinute
parse_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  McMinute t = 0;

  if (!mc_time_parse (text, &t, &error))
    g_error ("Test data: cannot parse time “%s”: %s", text, error->message);
  return t;
}

static int
parse_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  int jdn = 0;

  if (!mc_date_parse (text, &jdn, &error))
    g_error ("Test data: cannot parse date “%s”: %s", text, error->message);
  return jdn;
}

static void
assert_time (const char *what,
             McMinute    actual,
             const char *expected)
{
  g_autofree char *iso = mc_time_format_iso (actual);
  g_autofree char *got = g_strdup_printf ("%s → %s", what, iso);
  g_autofree char *want = g_strdup_printf ("%s → %s", what, expected);

  g_assert_cmpstr (got, ==, want);
}

static void
assert_bool (const char *what,
             gboolean    actual,
             gboolean    expected)
{
  g_autofree char *got = g_strdup_printf ("%s → %s", what, actual ? "TRUE" : "FALSE");
  g_autofree char *want = g_strdup_printf ("%s → %s", what, expected ? "TRUE" : "FALSE");

  g_assert_cmpstr (got, ==, want);
}

static void
assert_int (const char *what,
            gint64      actual,
            gint64      expected)
{
  g_autofree char *got = g_strdup_printf ("%s → %" G_GINT64_FORMAT, what, actual);
  g_autofree char *want = g_strdup_printf ("%s → %" G_GINT64_FORMAT, what, expected);

  g_assert_cmpstr (got, ==, want);
}

static void
assert_state (const char *what,
              McDueState  actual,
              McDueState  expected)
{
  g_autofree char *got = g_strdup_printf ("%s → %s", what, mc_due_state_to_string (actual));
  g_autofree char *want = g_strdup_printf ("%s → %s", what, mc_due_state_to_string (expected));

  g_assert_cmpstr (got, ==, want);
}

static const char *
kind_name (McDayKind kind)
{
  switch (kind)
    {
    case MC_DAY_WORKING:
      return "working";
    case MC_DAY_WEEKEND:
      return "weekend";
    case MC_DAY_HOLIDAY:
      return "holiday";
    case MC_DAY_WORKED_SATURDAY:
      return "worked-saturday";
    case MC_DAY_OFFICE_CLOSED:
      return "office-closed";
    case MC_DAY_OFFICE_WORKDAY:
      return "office-workday";
    default:
      return "?";
    }
}

static void
assert_kind (const char *what,
             McDayKind   actual,
             McDayKind   expected)
{
  g_autofree char *got = g_strdup_printf ("%s → %s", what, kind_name (actual));
  g_autofree char *want = g_strdup_printf ("%s → %s", what, kind_name (expected));

  g_assert_cmpstr (got, ==, want);
}

/* Asserts that @name contains @part; with @part NULL, that there is no name. */
static void
assert_name (const char *what,
             const char *name,
             const char *part)
{
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  if (part == NULL)
    {
      got = g_strdup_printf ("%s → name %s", what, name ? name : "(none)");
      want = g_strdup_printf ("%s → name (none)", what);
    }
  else
    {
      got = g_strdup_printf ("%s → name contains “%s”: %s", what, part,
                             name && strstr (name, part) ? "yes" : name ? name : "(none)");
      want = g_strdup_printf ("%s → name contains “%s”: yes", what, part);
    }
  g_assert_cmpstr (got, ==, want);
}

static gboolean
is_weekend (int jdn)
{
  int wd = mc_jdn_weekday (jdn);

  return wd == 0 || wd == 6;
}

static gboolean
in_list (const char * const *list,
         gsize               n,
         int                 jdn)
{
  for (gsize i = 0; i < n; i++)
    if (parse_date (list[i]) == jdn)
      return TRUE;
  return FALSE;
}

/*
 * 1. Working days across the official 2024–2026 schedules
 */

/* domain.md §4.2, the "Weekdays off" column. */
static const char * const official_weekdays_off[] = {
  /* 2024 */
  "2024-01-01",
  "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
  "2024-04-18",
  "2024-04-29", "2024-04-30", "2024-05-01",
  "2024-09-02", "2024-09-03",
  /* 2025 */
  "2025-01-01",
  "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
  "2025-04-07",
  "2025-04-30", "2025-05-01", "2025-05-02",
  "2025-09-01", "2025-09-02",
  /* 2026 */
  "2026-01-01",
  "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
  "2026-04-27",
  "2026-04-30", "2026-05-01",
  "2026-08-31", "2026-09-01", "2026-09-02",
};

static const char * const official_worked_saturdays[] = {
  "2024-05-04", "2025-04-26", "2026-08-22",
};

static void
test_working_days_official_json (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  static const int years[] = { 2024, 2025, 2026 };

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    {
      g_autofree char *path = g_strdup_printf (HOLIDAYS_RESOURCE "%d.json", years[y]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;
      JsonArray *off, *worked;
      guint n_weekdays_off = 0;
      gsize len;
      const char *data;

      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &len);
      g_assert_true (json_parser_load_from_data (parser, data, (gssize) len, &error));
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpint (json_object_get_int_member (root, "year"), ==, years[y]);
      assert_bool (path, mc_calendar_has_schedule (cal, years[y]), TRUE);

      off = json_object_get_array_member (root, "days_off");
      for (guint i = 0; i < json_array_get_length (off); i++)
        {
          JsonObject *e = json_array_get_object_element (off, i);
          const char *date = json_object_get_string_member (e, "date");
          const char *name = json_object_get_string_member (e, "name");
          g_autofree char *what = g_strdup_printf ("%s days_off %s (%s) is not a working day", path, date, name);
          int jdn = parse_date (date);
          McDayInfo info;

          assert_bool (what, mc_calendar_is_working_day (cal, jdn), FALSE);
          mc_calendar_get_day (cal, jdn, &info);
          assert_kind (what, info.kind, MC_DAY_HOLIDAY);
          assert_bool (what, info.provisional, FALSE);
          g_assert_cmpstr (info.name, ==, name);
          if (!is_weekend (jdn))
            {
              g_autofree char *listed = g_strdup_printf ("%s: weekday off %s is listed in domain.md §4.2", path, date);

              assert_bool (listed, in_list (official_weekdays_off, G_N_ELEMENTS (official_weekdays_off), jdn),
                           TRUE);
              n_weekdays_off++;
            }
        }
      /* 12 weekdays off a year; each schedule's one swap is paid back by one worked Saturday. */
      assert_int (path, n_weekdays_off, 12);

      worked = json_object_get_array_member (root, "worked_days");
      assert_int (path, json_array_get_length (worked), 1);
      for (guint i = 0; i < json_array_get_length (worked); i++)
        {
          JsonObject *e = json_array_get_object_element (worked, i);
          const char *date = json_object_get_string_member (e, "date");
          g_autofree char *what = g_strdup_printf ("%s worked_days %s is a working day", path, date);
          int jdn = parse_date (date);
          McDayInfo info;

          assert_bool (what, mc_calendar_is_working_day (cal, jdn), TRUE);
          mc_calendar_get_day (cal, jdn, &info);
          assert_kind (what, info.kind, MC_DAY_WORKED_SATURDAY);
          assert_bool (what, in_list (official_worked_saturdays, G_N_ELEMENTS (official_worked_saturdays), jdn),
                       TRUE);
        }
    }

  assert_bool ("no schedule for 2023", mc_calendar_has_schedule (cal, 2023), FALSE);
  assert_bool ("no schedule for 2027", mc_calendar_has_schedule (cal, 2027), FALSE);
}

/* Every day of 2024–2026 against domain.md §4.2: working exactly on Monday–Friday minus the weekdays off, plus
 * the worked Saturdays. */
static void
test_working_days_official_every_day (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  int first = parse_date ("2024-01-01");
  int last = parse_date ("2026-12-31");

  for (int jdn = first; jdn <= last; jdn++)
    {
      g_autofree char *date = mc_date_format_iso (jdn);
      g_autofree char *what = g_strdup_printf ("%s (weekday %d) is a working day", date, mc_jdn_weekday (jdn));
      gboolean expected;

      if (in_list (official_worked_saturdays, G_N_ELEMENTS (official_worked_saturdays), jdn))
        expected = TRUE;
      else
        expected = !is_weekend (jdn) &&
                   !in_list (official_weekdays_off, G_N_ELEMENTS (official_weekdays_off), jdn);
      assert_bool (what, mc_calendar_is_working_day (cal, jdn), expected);
    }
}

static void
test_working_days_named (void)
{
  static const struct
  {
    const char *description;
    const char *date;
    gboolean    working;
  } rows[] = {
    { "Fri before Tết 2026", "2026-02-13", TRUE },
    { "Sat 27 Chạp 2026", "2026-02-14", FALSE },
    { "Mon 29 Chạp 2026", "2026-02-16", FALSE },
    { "Tue mùng 1 Bính Ngọ", "2026-02-17", FALSE },
    { "Fri mùng 4 Bính Ngọ", "2026-02-20", FALSE },
    { "Mon after Tết 2026", "2026-02-23", TRUE },
    { "Giỗ Tổ 2026 (Sunday)", "2026-04-26", FALSE },
    { "Giỗ Tổ 2026 nghỉ bù (Monday)", "2026-04-27", FALSE },
    { "Tue after Giỗ Tổ 2026", "2026-04-28", TRUE },
    { "Wed before 30/4 2026", "2026-04-29", TRUE },
    { "Mon after 30/4 – 1/5 2026", "2026-05-04", TRUE },
    { "worked Saturday 2026", "2026-08-22", TRUE },
    { "ordinary Saturday 2026", "2026-08-29", FALSE },
    { "Quốc khánh swap Monday 2026", "2026-08-31", FALSE },
    { "Thu after Quốc khánh 2026", "2026-09-03", TRUE },
    { "Tết 2024 first day", "2024-02-08", FALSE },
    { "Tết 2024 last day", "2024-02-14", FALSE },
    { "after Tết 2024", "2024-02-15", TRUE },
    { "worked Saturday 2024", "2024-05-04", TRUE },
    { "Tết 2025 Monday", "2025-01-27", FALSE },
    { "Tết 2025 Friday", "2025-01-31", FALSE },
    { "after Tết 2025", "2025-02-03", TRUE },
    { "worked Saturday 2025", "2025-04-26", TRUE },
    { "2025 swap Friday", "2025-05-02", FALSE },
    { "ordinary Monday", "2026-11-23", TRUE },
    { "ordinary Sunday", "2026-11-29", FALSE },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s %s is a working day", rows[i].description, rows[i].date);

      assert_bool (what, mc_calendar_is_working_day (cal, parse_date (rows[i].date)), rows[i].working);
    }
}

/*
 * 2. mc_calendar_get_day: kinds, names, provisional years
 */

static void
test_get_day (void)
{
  static const struct
  {
    const char *description;
    const char *date;
    McDayKind   kind;
    gboolean    working;
    gboolean    provisional;
    const char *name_part;  /* NULL: no name */
  } rows[] = {
    { "mùng 1 Bính Ngọ", "2026-02-17", MC_DAY_HOLIDAY, FALSE, FALSE, "Tết" },
    { "worked Saturday 2026", "2026-08-22", MC_DAY_WORKED_SATURDAY, TRUE, FALSE, "Làm bù" },
    { "Giỗ Tổ 2026 nghỉ bù", "2026-04-27", MC_DAY_HOLIDAY, FALSE, FALSE, "nghỉ bù" },
    { "ordinary Monday 2026", "2026-11-23", MC_DAY_WORKING, TRUE, FALSE, NULL },
    { "ordinary Saturday 2026", "2026-11-28", MC_DAY_WEEKEND, FALSE, FALSE, NULL },
    /* 2027: no schedule, statutory rule. Tết Đinh Mùi = Sat 2027-02-06. */
    { "2027 Tết Dương lịch (Fri)", "2027-01-01", MC_DAY_HOLIDAY, FALSE, TRUE, "Tết Dương lịch" },
    { "2027 last day of Chạp (Fri)", "2027-02-05", MC_DAY_HOLIDAY, FALSE, TRUE, "Chạp" },
    { "2027 mùng 1 (Sat)", "2027-02-06", MC_DAY_HOLIDAY, FALSE, TRUE, "Mùng 1" },
    { "2027 mùng 2 (Sun)", "2027-02-07", MC_DAY_HOLIDAY, FALSE, TRUE, "Mùng 2" },
    { "2027 mùng 3 (Mon)", "2027-02-08", MC_DAY_HOLIDAY, FALSE, TRUE, "Mùng 3" },
    { "2027 mùng 4 (Tue)", "2027-02-09", MC_DAY_HOLIDAY, FALSE, TRUE, "Mùng 4" },
    { "2027 nghỉ bù for mùng 1 (Wed)", "2027-02-10", MC_DAY_HOLIDAY, FALSE, TRUE, "nghỉ bù" },
    { "2027 nghỉ bù for mùng 2 (Thu)", "2027-02-11", MC_DAY_HOLIDAY, FALSE, TRUE, "nghỉ bù" },
    { "2027 Fri after Tết", "2027-02-12", MC_DAY_WORKING, TRUE, FALSE, NULL },
    { "2027 Giỗ Tổ (Fri)", "2027-04-16", MC_DAY_HOLIDAY, FALSE, TRUE, "Giỗ Tổ" },
    { "2027 30/4 (Fri)", "2027-04-30", MC_DAY_HOLIDAY, FALSE, TRUE, "Chiến thắng" },
    { "2027 1/5 (Sat)", "2027-05-01", MC_DAY_HOLIDAY, FALSE, TRUE, "Lao động" },
    { "2027 nghỉ bù for 1/5 (Mon)", "2027-05-03", MC_DAY_HOLIDAY, FALSE, TRUE, "nghỉ bù" },
    { "2027 2/9 (Thu)", "2027-09-02", MC_DAY_HOLIDAY, FALSE, TRUE, "Quốc khánh" },
    { "2027 day next to 2/9 (Fri)", "2027-09-03", MC_DAY_HOLIDAY, FALSE, TRUE, "Quốc khánh" },
    { "2027 ordinary Tuesday", "2027-11-23", MC_DAY_WORKING, TRUE, FALSE, NULL },
    /* 2028: 30/4 is a Sunday and 1/5 a holiday itself, so the next working day is Tue 2/5. */
    { "2028 1/1 (Sat)", "2028-01-01", MC_DAY_HOLIDAY, FALSE, TRUE, "Tết Dương lịch" },
    { "2028 nghỉ bù for 1/1 (Mon)", "2028-01-03", MC_DAY_HOLIDAY, FALSE, TRUE, "nghỉ bù" },
    { "2028 30/4 (Sun)", "2028-04-30", MC_DAY_HOLIDAY, FALSE, TRUE, "Chiến thắng" },
    { "2028 1/5 (Mon)", "2028-05-01", MC_DAY_HOLIDAY, FALSE, TRUE, "Lao động" },
    { "2028 nghỉ bù for 30/4 (Tue)", "2028-05-02", MC_DAY_HOLIDAY, FALSE, TRUE, "nghỉ bù" },
    { "2028 Wed after 1/5", "2028-05-03", MC_DAY_WORKING, TRUE, FALSE, NULL },
    { "2028 mùng 4 (Sat)", "2028-01-29", MC_DAY_HOLIDAY, FALSE, TRUE, "Mùng 4" },
    { "2028 nghỉ bù for mùng 4 (Mon)", "2028-01-31", MC_DAY_HOLIDAY, FALSE, TRUE, "nghỉ bù" },
    { "2028 2/9 (Sat)", "2028-09-02", MC_DAY_HOLIDAY, FALSE, TRUE, "Quốc khánh" },
    { "2028 day next to 2/9 (Fri 1/9)", "2028-09-01", MC_DAY_HOLIDAY, FALSE, TRUE, "Quốc khánh" },
    { "2028 nghỉ bù for 2/9 (Mon)", "2028-09-04", MC_DAY_HOLIDAY, FALSE, TRUE, "nghỉ bù" },
    /* 2030 */
    { "2030 Tết Dương lịch (Tue)", "2030-01-01", MC_DAY_HOLIDAY, FALSE, TRUE, "Tết Dương lịch" },
    { "2030 Wed 2/1", "2030-01-02", MC_DAY_WORKING, TRUE, FALSE, NULL },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s %s", rows[i].description, rows[i].date);
      int jdn = parse_date (rows[i].date);
      McDayInfo info;

      mc_calendar_get_day (cal, jdn, &info);
      assert_kind (what, info.kind, rows[i].kind);
      assert_bool (what, info.working, rows[i].working);
      assert_bool (what, mc_calendar_is_working_day (cal, jdn), rows[i].working);
      assert_bool (what, info.provisional, rows[i].provisional);
      assert_name (what, info.name, rows[i].name_part);
    }
}

/* The non-working weekdays of whole statutory years, worked out by hand from BLLĐ 2019 Điều 112 k1 and
 * Điều 111 k3 (a holiday on a weekend gives the next working day after the holiday run off). */
static void
test_statutory_years_every_day (void)
{
  static const struct
  {
    int          year;
    const char  *off[12];
  } years[] = {
    { 2027, { "2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
              "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03", NULL } },
    { 2028, { "2028-01-03", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28", "2028-01-31",
              "2028-04-04", "2028-05-01", "2028-05-02", "2028-09-01", "2028-09-04", NULL } },
    /* 2/9 on a Sunday: Mon 3/9 and Tue 4/9 are off whichever adjacent day is chosen. */
    { 2029, { "2029-01-01", "2029-02-12", "2029-02-13", "2029-02-14", "2029-02-15", "2029-02-16",
              "2029-04-23", "2029-04-30", "2029-05-01", "2029-09-03", "2029-09-04", NULL } },
    { 2030, { "2030-01-01", "2030-02-01", "2030-02-04", "2030-02-05", "2030-02-06", "2030-02-07",
              "2030-04-12", "2030-04-30", "2030-05-01", "2030-09-02", "2030-09-03", NULL } },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    {
      int first = mc_jdn_from_ymd (years[y].year, 1, 1);
      int last = mc_jdn_from_ymd (years[y].year, 12, 31);
      gsize n_off = g_strv_length ((char **) years[y].off);

      for (int jdn = first; jdn <= last; jdn++)
        {
          g_autofree char *date = mc_date_format_iso (jdn);
          g_autofree char *what = g_strdup_printf ("statutory %s (weekday %d) is a working day", date,
                                                   mc_jdn_weekday (jdn));
          gboolean expected = !is_weekend (jdn) && !in_list (years[y].off, n_off, jdn);

          assert_bool (what, mc_calendar_is_working_day (cal, jdn), expected);
        }
    }
}

/* For every year without a schedule: the fixed holidays, Tết and Giỗ Tổ are provisional holidays, and there
 * are exactly 11 non-working weekdays (each of the 11 statutory days either falls on a weekday or gives one). */
static void
test_statutory_years_rule (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (int year = 2024; year <= MC_TIME_MAX_YEAR; year++)
    {
      McLunarDate tet_lunar = { 1, 1, year, FALSE };
      McLunarDate gio_to_lunar = { 10, 3, year, FALSE };
      int ty, tm, td, gy, gm, gd;
      gboolean official = year <= 2026;
      struct
      {
        const char *what;
        int         jdn;
      } fixed[6];
      int n_off = 0;
      int n_worked_sat = 0;

      g_assert_true (mc_lunar_to_gregorian (&tet_lunar, &ty, &tm, &td, NULL));
      g_assert_true (mc_lunar_to_gregorian (&gio_to_lunar, &gy, &gm, &gd, NULL));
      fixed[0].what = "1/1", fixed[0].jdn = mc_jdn_from_ymd (year, 1, 1);
      fixed[1].what = "30/4", fixed[1].jdn = mc_jdn_from_ymd (year, 4, 30);
      fixed[2].what = "1/5", fixed[2].jdn = mc_jdn_from_ymd (year, 5, 1);
      fixed[3].what = "2/9", fixed[3].jdn = mc_jdn_from_ymd (year, 9, 2);
      fixed[4].what = "mùng 1 Tết", fixed[4].jdn = mc_jdn_from_ymd (ty, tm, td);
      fixed[5].what = "Giỗ Tổ", fixed[5].jdn = mc_jdn_from_ymd (gy, gm, gd);

      for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
        {
          g_autofree char *date = mc_date_format_iso (fixed[i].jdn);
          g_autofree char *what = g_strdup_printf ("%d %s (%s)", year, fixed[i].what, date);
          McDayInfo info;

          mc_calendar_get_day (cal, fixed[i].jdn, &info);
          assert_kind (what, info.kind, MC_DAY_HOLIDAY);
          assert_bool (what, info.working, FALSE);
          assert_bool (what, info.provisional, !official);
        }

      for (int jdn = mc_jdn_from_ymd (year, 1, 1); jdn <= mc_jdn_from_ymd (year, 12, 31); jdn++)
        {
          McDayInfo info;

          mc_calendar_get_day (cal, jdn, &info);
          if (!is_weekend (jdn) && !info.working)
            {
              g_autofree char *date = mc_date_format_iso (jdn);

              n_off++;
              assert_bool (date, info.provisional, !official);
              assert_bool (date, info.name != NULL, TRUE);
            }
          if (is_weekend (jdn) && info.working)
            n_worked_sat++;
        }
      {
        g_autofree char *what = g_strdup_printf ("%d: non-working weekdays minus worked Saturdays", year);

        assert_int (what, n_off - n_worked_sat, 11);
      }
    }
}

/*
 * 3. Due dates with the default office hours
 */

typedef struct
{
  const char *description;
  const char *received;
  McUnit      unit;
  int         duration;
  gboolean    cutoff;
  const char *due;
} DueRow;

static const DueRow due_rows[] = {
  /* design.md's example */
  { "design.md: Monday 09:10 + 3 working days", "2026-11-23T09:10", MC_UNIT_WORKING_DAYS, 3, TRUE, "2026-11-26T17:00" },
  { "design.md: Monday 15:20 + 3 working days", "2026-11-23T15:20", MC_UNIT_WORKING_DAYS, 3, TRUE, "2026-11-27T17:00" },
  { "exactly 15:00 is after the cut-off", "2026-11-23T15:00", MC_UNIT_WORKING_DAYS, 3, TRUE, "2026-11-27T17:00" },
  { "14:59 is before the cut-off", "2026-11-23T14:59", MC_UNIT_WORKING_DAYS, 3, TRUE, "2026-11-26T17:00" },
  { "before opening counts the same day", "2026-11-23T06:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2026-11-24T17:00" },
  { "received Saturday: d0 is Monday", "2026-11-28T09:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2026-12-01T17:00" },
  /* same day */
  { "same day 09:00", "2026-11-23T09:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-23T17:00" },
  { "same day during lunch", "2026-11-23T12:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-23T17:00" },
  { "same day before opening", "2026-11-23T06:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-23T17:00" },
  { "same day 14:59", "2026-11-23T14:59", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-23T17:00" },
  { "same day 15:00", "2026-11-23T15:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-24T17:00" },
  { "same day 15:30", "2026-11-23T15:30", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-24T17:00" },
  { "same day Friday 16:00", "2026-11-27T16:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-30T17:00" },
  { "same day Saturday", "2026-11-28T09:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-30T17:00" },
  { "same day Sunday", "2026-11-29T09:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-11-30T17:00" },
  { "same day on mùng 1 Tết 2026", "2026-02-17T09:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-02-23T17:00" },
  { "same day on the worked Saturday", "2026-08-22T09:00", MC_UNIT_SAME_DAY, 0, TRUE, "2026-08-22T17:00" },
  /* no cut-off */
  { "no cut-off: Monday 15:20 counts Monday", "2026-11-23T15:20", MC_UNIT_WORKING_DAYS, 3, FALSE, "2026-11-26T17:00" },
  { "no cut-off: Monday 16:59", "2026-11-23T16:59", MC_UNIT_WORKING_DAYS, 3, FALSE, "2026-11-26T17:00" },
  { "no cut-off: at closing 17:00", "2026-11-23T17:00", MC_UNIT_WORKING_DAYS, 3, FALSE, "2026-11-27T17:00" },
  { "no cut-off: after closing 17:30", "2026-11-23T17:30", MC_UNIT_WORKING_DAYS, 3, FALSE, "2026-11-27T17:00" },
  { "no cut-off: same day 16:00", "2026-11-23T16:00", MC_UNIT_SAME_DAY, 0, FALSE, "2026-11-23T17:00" },
  /* Tết 2026: 14–22/02 off */
  { "Tết 2026: Fri 09:00 + 3", "2026-02-13T09:00", MC_UNIT_WORKING_DAYS, 3, TRUE, "2026-02-25T17:00" },
  { "Tết 2026: Fri 15:30 + 3 (d0 = 23/02)", "2026-02-13T15:30", MC_UNIT_WORKING_DAYS, 3, TRUE, "2026-02-26T17:00" },
  { "Tết 2026: Fri 09:00 + 1", "2026-02-13T09:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2026-02-23T17:00" },
  /* Year end, into the provisional 2027 */
  { "year end: Thu 31/12 + 2", "2026-12-31T10:00", MC_UNIT_WORKING_DAYS, 2, TRUE, "2027-01-05T17:00" },
  { "year end: Thu 31/12 + 1", "2026-12-31T10:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2027-01-04T17:00" },
  { "year end: Thu 31/12 15:30 same day", "2026-12-31T15:30", MC_UNIT_SAME_DAY, 0, TRUE, "2027-01-04T17:00" },
  /* Swaps and compensatory days */
  { "Quốc khánh 2026 swap: Fri + 1 → worked Sat", "2026-08-21T10:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2026-08-22T17:00" },
  { "Quốc khánh 2026: Fri 28/08 + 1", "2026-08-28T10:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2026-09-03T17:00" },
  { "Giỗ Tổ 2026: Fri 24/04 + 1 skips nghỉ bù", "2026-04-24T10:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2026-04-28T17:00" },
  { "Giỗ Tổ 2026: Fri 24/04 + 3 skips 30/4 – 3/5", "2026-04-24T10:00", MC_UNIT_WORKING_DAYS, 3, TRUE, "2026-05-04T17:00" },
  { "2025 swap: Fri 25/04 + 1 → worked Sat", "2025-04-25T10:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2025-04-26T17:00" },
  { "2024: Fri 26/04 + 1 skips 27/04 – 01/05", "2024-04-26T10:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2024-05-02T17:00" },
  { "2024: Fri 26/04 + 3 → worked Sat 04/05", "2024-04-26T10:00", MC_UNIT_WORKING_DAYS, 3, TRUE, "2024-05-04T17:00" },
  { "2027 provisional Tết: Thu 04/02 + 1", "2027-02-04T10:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2027-02-12T17:00" },
  { "2028 provisional 30/4: Fri 28/04 + 1", "2028-04-28T10:00", MC_UNIT_WORKING_DAYS, 1, TRUE, "2028-05-03T17:00" },
};

static void
test_due_table (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (due_rows); i++)
    {
      const DueRow *row = &due_rows[i];
      g_autofree char *what = g_strdup_printf ("%s: %s, %d %s%s", row->description, row->received, row->duration,
                                               mc_unit_to_string (row->unit), row->cutoff ? ", cut-off" : "");

      assert_time (what, mc_calendar_compute_due (cal, parse_time (row->received), row->unit, row->duration,
                                                  row->cutoff),
                   row->due);
    }
}

/* Working hours, counted from the moment of receipt (design.md, "Unit working_hours"). */
static const DueRow hours_rows[] = {
  { "8 hours from Monday 09:10", "2026-11-23T09:10", MC_UNIT_WORKING_HOURS, 8, FALSE, "2026-11-24T09:10" },
  { "24 hours from Monday 09:10", "2026-11-23T09:10", MC_UNIT_WORKING_HOURS, 24, FALSE, "2026-11-26T09:10" },
  { "1 hour from 11:00 skips lunch", "2026-11-23T11:00", MC_UNIT_WORKING_HOURS, 1, FALSE, "2026-11-23T13:30" },
  { "2 hours from 06:00 start at opening", "2026-11-23T06:00", MC_UNIT_WORKING_HOURS, 2, FALSE, "2026-11-23T09:30" },
  { "1 hour from 12:00 (lunch)", "2026-11-23T12:00", MC_UNIT_WORKING_HOURS, 1, FALSE, "2026-11-23T14:00" },
  { "4 hours from 07:30 end at 11:30", "2026-11-23T07:30", MC_UNIT_WORKING_HOURS, 4, FALSE, "2026-11-23T11:30" },
  { "1 hour from 16:00 ends at 17:00", "2026-11-23T16:00", MC_UNIT_WORKING_HOURS, 1, FALSE, "2026-11-23T17:00" },
  { "1 hour from Friday 16:30", "2026-11-27T16:30", MC_UNIT_WORKING_HOURS, 1, FALSE, "2026-11-30T08:00" },
  { "2 hours from Saturday", "2026-11-28T10:00", MC_UNIT_WORKING_HOURS, 2, FALSE, "2026-11-30T09:30" },
  { "1 hour from Monday 17:45", "2026-11-23T17:45", MC_UNIT_WORKING_HOURS, 1, FALSE, "2026-11-24T08:30" },
  { "2 hours across Tết 2026", "2026-02-13T16:00", MC_UNIT_WORKING_HOURS, 2, FALSE, "2026-02-23T08:30" },
  { "2 hours into the worked Saturday", "2026-08-21T16:00", MC_UNIT_WORKING_HOURS, 2, FALSE, "2026-08-22T08:30" },
};

static void
test_due_working_hours (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (hours_rows); i++)
    {
      const DueRow *row = &hours_rows[i];
      g_autofree char *what = g_strdup_printf ("%s: %s + %d h", row->description, row->received, row->duration);

      assert_time (what, mc_calendar_compute_due (cal, parse_time (row->received), row->unit, row->duration, FALSE),
                   row->due);
    }
}

/* design.md: "Unit working_hours N: N hours of office time counted from the moment of receipt (moved forward to
 * the next opening when outside office hours)" — the cut-off defines d0, which only same_day and working_days
 * use; mc_calendar_compute_due's own documentation says the same. So the cut-off flag must not change an
 * hour-based due time. */
static void
test_due_working_hours_ignore_cutoff (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (hours_rows); i++)
    {
      const DueRow *row = &hours_rows[i];
      g_autofree char *what = g_strdup_printf ("%s: %s + %d h, cut-off flag set", row->description, row->received,
                                               row->duration);

      assert_time (what, mc_calendar_compute_due (cal, parse_time (row->received), row->unit, row->duration, TRUE),
                   row->due);
    }
}

/*
 * 4. add_working_minutes and working_minutes_between
 */

static void
test_working_minutes_inverse (void)
{
  static const char *starts[] = {
    "2026-11-23T07:30", "2026-11-23T09:10", "2026-11-23T11:29", "2026-11-23T13:00",
    "2026-11-23T16:59", "2026-11-27T16:30", "2026-02-13T16:00", "2026-08-21T16:30",
    "2026-12-31T15:00", "2026-04-24T11:00",
  };
  static const gint64 minutes[] = { 0, 1, 59, 60, 239, 240, 241, 480, 481, 2400, 4800, 9601 };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    for (guint m = 0; m < G_N_ELEMENTS (minutes); m++)
      {
        McMinute start = parse_time (starts[s]);
        McMinute end = mc_calendar_add_working_minutes (cal, start, minutes[m]);
        g_autofree char *end_iso = mc_time_format_iso (end);
        g_autofree char *what = g_strdup_printf ("between(%s, add(%s, %" G_GINT64_FORMAT ") = %s)", starts[s],
                                                 starts[s], minutes[m], end_iso);

        assert_int (what, mc_calendar_working_minutes_between (cal, start, end), minutes[m]);
        assert_bool (what, end >= start, TRUE);
      }
}

static void
test_working_minutes_samples (void)
{
  static const struct
  {
    const char *description;
    const char *from;
    const char *to;
    gint64      minutes;
  } rows[] = {
    { "one morning", "2026-11-23T07:30", "2026-11-23T11:30", 240 },
    { "one whole day", "2026-11-23T00:00", "2026-11-24T00:00", 480 },
    { "lunch does not count", "2026-11-23T11:00", "2026-11-23T13:30", 60 },
    { "weekend does not count", "2026-11-27T18:00", "2026-11-30T08:00", 30 },
    { "Tết 2026 does not count", "2026-02-13T16:00", "2026-02-23T08:30", 120 },
    { "worked Saturday counts", "2026-08-22T00:00", "2026-08-23T00:00", 480 },
    { "reversed range", "2026-11-24T09:00", "2026-11-23T09:00", 0 },
    { "empty range", "2026-11-23T09:00", "2026-11-23T09:00", 0 },
  };
  static const struct
  {
    const char *description;
    const char *start;
    gint64      minutes;
    const char *end;
  } adds[] = {
    { "ends exactly at the morning closing", "2026-11-23T09:30", 120, "2026-11-23T11:30" },
    { "one more minute goes after lunch", "2026-11-23T09:30", 121, "2026-11-23T13:01" },
    { "ends exactly at closing", "2026-11-23T16:00", 60, "2026-11-23T17:00" },
    { "one more minute goes to the next morning", "2026-11-23T16:00", 61, "2026-11-24T07:31" },
    { "from a Sunday", "2026-11-29T12:00", 30, "2026-11-30T08:00" },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s: between(%s, %s)", rows[i].description, rows[i].from, rows[i].to);

      assert_int (what, mc_calendar_working_minutes_between (cal, parse_time (rows[i].from), parse_time (rows[i].to)),
                  rows[i].minutes);
    }
  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s: add(%s, %" G_GINT64_FORMAT ")", adds[i].description,
                                               adds[i].start, adds[i].minutes);

      assert_time (what, mc_calendar_add_working_minutes (cal, parse_time (adds[i].start), adds[i].minutes),
                   adds[i].end);
    }
}

/*
 * 5. Due states
 */

static void
test_open_due_state (void)
{
  static const struct
  {
    const char *description;
    const char *due;
    const char *now;
    int         due_soon_days;
    McDueState  expected;
  } rows[] = {
    { "three days ahead", "2026-11-26T17:00", "2026-11-23T10:00", 1, MC_DUE_STATE_ON_TRACK },
    { "two working days ahead", "2026-11-26T17:00", "2026-11-24T10:00", 1, MC_DUE_STATE_ON_TRACK },
    { "due on the next working day", "2026-11-26T17:00", "2026-11-25T08:00", 1, MC_DUE_STATE_DUE_SOON },
    { "due on the next working day, late evening", "2026-11-26T17:00", "2026-11-25T23:59", 1, MC_DUE_STATE_DUE_SOON },
    { "due later today", "2026-11-26T17:00", "2026-11-26T16:59", 1, MC_DUE_STATE_DUE_SOON },
    { "due exactly now", "2026-11-26T17:00", "2026-11-26T17:00", 1, MC_DUE_STATE_DUE_SOON },
    { "one minute after due", "2026-11-26T17:00", "2026-11-26T17:01", 1, MC_DUE_STATE_OVERDUE },
    { "the day after due", "2026-11-26T17:00", "2026-11-27T08:00", 1, MC_DUE_STATE_OVERDUE },
    { "across a weekend: Fri for Mon", "2026-11-30T17:00", "2026-11-27T10:00", 1, MC_DUE_STATE_DUE_SOON },
    { "on Saturday for Monday", "2026-11-30T17:00", "2026-11-28T10:00", 1, MC_DUE_STATE_DUE_SOON },
    { "Fri for Tue", "2026-12-01T17:00", "2026-11-27T10:00", 1, MC_DUE_STATE_ON_TRACK },
    { "across Tết: Fri 13/02 for Mon 23/02", "2026-02-23T17:00", "2026-02-13T10:00", 1, MC_DUE_STATE_DUE_SOON },
    { "across Tết: Fri 13/02 for Tue 24/02", "2026-02-24T17:00", "2026-02-13T10:00", 1, MC_DUE_STATE_ON_TRACK },
    { "two-day window: due in 2 working days", "2026-11-26T17:00", "2026-11-24T10:00", 2, MC_DUE_STATE_DUE_SOON },
    { "two-day window: due in 3 working days", "2026-11-27T17:00", "2026-11-24T10:00", 2, MC_DUE_STATE_ON_TRACK },
    { "two-day window: Fri for Tue", "2026-12-01T17:00", "2026-11-27T10:00", 2, MC_DUE_STATE_DUE_SOON },
    { "zero-day window: due tomorrow", "2026-11-26T17:00", "2026-11-25T10:00", 0, MC_DUE_STATE_ON_TRACK },
    { "zero-day window: due today", "2026-11-26T17:00", "2026-11-26T08:00", 0, MC_DUE_STATE_DUE_SOON },
    { "zero-day window: overdue", "2026-11-26T17:00", "2026-11-26T17:01", 0, MC_DUE_STATE_OVERDUE },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  g_assert_cmpint (mc_calendar_get_due_soon_days (cal), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s: due %s, now %s, window %d", rows[i].description, rows[i].due,
                                               rows[i].now, rows[i].due_soon_days);

      mc_calendar_set_due_soon_days (cal, rows[i].due_soon_days);
      assert_int (what, mc_calendar_get_due_soon_days (cal), rows[i].due_soon_days);
      assert_state (what, mc_calendar_open_due_state (cal, parse_time (rows[i].due), parse_time (rows[i].now)),
                    rows[i].expected);
    }

  mc_calendar_set_due_soon_days (cal, 1);
  assert_state ("no due date", mc_calendar_open_due_state (cal, MC_MINUTE_NONE, parse_time ("2026-11-23T10:00")),
                MC_DUE_STATE_NONE);
  mc_calendar_set_due_soon_days (cal, 99);
  g_assert_cmpint (mc_calendar_get_due_soon_days (cal), ==, 30);
  mc_calendar_set_due_soon_days (cal, -3);
  g_assert_cmpint (mc_calendar_get_due_soon_days (cal), ==, 0);
}

static void
test_settled_due_state (void)
{
  static const struct
  {
    const char *description;
    const char *due;
    const char *settled;
    McDueState  expected;
  } rows[] = {
    { "days before", "2026-11-26T17:00", "2026-11-20T10:00", MC_DUE_STATE_EARLY },
    { "the day before", "2026-11-26T17:00", "2026-11-25T16:59", MC_DUE_STATE_EARLY },
    { "the day before, late evening", "2026-11-26T17:00", "2026-11-25T23:59", MC_DUE_STATE_EARLY },
    { "due day, first minute", "2026-11-26T17:00", "2026-11-26T00:00", MC_DUE_STATE_ON_TIME },
    { "due day, morning", "2026-11-26T17:00", "2026-11-26T08:00", MC_DUE_STATE_ON_TIME },
    { "exactly at due", "2026-11-26T17:00", "2026-11-26T17:00", MC_DUE_STATE_ON_TIME },
    { "one minute after due", "2026-11-26T17:00", "2026-11-26T17:01", MC_DUE_STATE_LATE },
    { "the day after", "2026-11-26T17:00", "2026-11-27T08:00", MC_DUE_STATE_LATE },
    { "hour-based due, same day before", "2026-11-24T09:10", "2026-11-24T08:00", MC_DUE_STATE_ON_TIME },
    { "hour-based due, same day after", "2026-11-24T09:10", "2026-11-24T09:11", MC_DUE_STATE_LATE },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s: due %s, settled %s", rows[i].description, rows[i].due,
                                               rows[i].settled);

      assert_state (what, mc_calendar_settled_due_state (cal, parse_time (rows[i].due), parse_time (rows[i].settled)),
                    rows[i].expected);
    }
  assert_state ("no due date", mc_calendar_settled_due_state (cal, MC_MINUTE_NONE, parse_time ("2026-11-23T10:00")),
                MC_DUE_STATE_NONE);
}

/*
 * 6. Office days
 */

static void
test_office_days (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  int wednesday = parse_date ("2026-11-25");
  int saturday = parse_date ("2026-11-28");
  int quoc_khanh = parse_date ("2026-09-02");
  McMinute monday = parse_time ("2026-11-23T09:10");
  McDayInfo info;

  /* Before: the design.md example. */
  assert_time ("before any office day", mc_calendar_compute_due (cal, monday, MC_UNIT_WORKING_DAYS, 3, TRUE),
               "2026-11-26T17:00");

  mc_calendar_set_office_day (cal, wednesday, MC_DAY_OFFICE_CLOSED, "Đại hội");
  assert_bool ("closed Wednesday", mc_calendar_is_working_day (cal, wednesday), FALSE);
  mc_calendar_get_day (cal, wednesday, &info);
  assert_kind ("closed Wednesday", info.kind, MC_DAY_OFFICE_CLOSED);
  assert_bool ("closed Wednesday", info.provisional, FALSE);
  g_assert_cmpstr (info.name, ==, "Đại hội");
  assert_time ("closed Wednesday moves the due date",
               mc_calendar_compute_due (cal, monday, MC_UNIT_WORKING_DAYS, 3, TRUE), "2026-11-27T17:00");
  assert_time ("closed Wednesday, same day received on it",
               mc_calendar_compute_due (cal, parse_time ("2026-11-25T09:00"), MC_UNIT_SAME_DAY, 0, TRUE),
               "2026-11-26T17:00");
  {
    g_autoptr(GPtrArray) names = mc_calendar_skipped_holidays (cal, monday, parse_time ("2026-11-27T17:00"));

    assert_int ("skipped names with the closure", names->len, 1);
    g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Đại hội");
  }

  mc_calendar_set_office_day (cal, saturday, MC_DAY_OFFICE_WORKDAY, "Làm bù Đại hội");
  assert_bool ("office Saturday", mc_calendar_is_working_day (cal, saturday), TRUE);
  mc_calendar_get_day (cal, saturday, &info);
  assert_kind ("office Saturday", info.kind, MC_DAY_OFFICE_WORKDAY);
  g_assert_cmpstr (info.name, ==, "Làm bù Đại hội");
  assert_time ("office Saturday is the 4th working day",
               mc_calendar_compute_due (cal, monday, MC_UNIT_WORKING_DAYS, 4, TRUE), "2026-11-28T17:00");
  assert_time ("office Saturday, 1 working day from Friday",
               mc_calendar_compute_due (cal, parse_time ("2026-11-27T10:00"), MC_UNIT_WORKING_DAYS, 1, TRUE),
               "2026-11-28T17:00");

  /* An office may open on a holiday too. */
  mc_calendar_set_office_day (cal, quoc_khanh, MC_DAY_OFFICE_WORKDAY, "Trực");
  assert_bool ("office opens on 2/9", mc_calendar_is_working_day (cal, quoc_khanh), TRUE);

  /* MC_DAY_WORKING removes the office's entry: back to the official calendar. */
  mc_calendar_set_office_day (cal, wednesday, MC_DAY_WORKING, NULL);
  assert_bool ("reopened Wednesday", mc_calendar_is_working_day (cal, wednesday), TRUE);
  mc_calendar_get_day (cal, wednesday, &info);
  assert_kind ("reopened Wednesday", info.kind, MC_DAY_WORKING);
  assert_name ("reopened Wednesday", info.name, NULL);
  assert_time ("reopened Wednesday", mc_calendar_compute_due (cal, monday, MC_UNIT_WORKING_DAYS, 3, TRUE),
               "2026-11-26T17:00");

  mc_calendar_set_office_day (cal, quoc_khanh, MC_DAY_WORKING, NULL);
  mc_calendar_get_day (cal, quoc_khanh, &info);
  assert_kind ("2/9 back to a holiday", info.kind, MC_DAY_HOLIDAY);
  assert_name ("2/9 back to a holiday", info.name, "Quốc khánh");

  mc_calendar_clear_office_days (cal);
  mc_calendar_get_day (cal, saturday, &info);
  assert_kind ("Saturday after clearing", info.kind, MC_DAY_WEEKEND);
  assert_bool ("Saturday after clearing", mc_calendar_is_working_day (cal, saturday), FALSE);

  /* In a provisional year as well. */
  mc_calendar_set_office_day (cal, parse_date ("2027-11-24"), MC_DAY_OFFICE_CLOSED, "Bầu cử");
  assert_bool ("closure in 2027", mc_calendar_is_working_day (cal, parse_date ("2027-11-24")), FALSE);
  mc_calendar_set_office_day (cal, parse_date ("2027-01-01"), MC_DAY_OFFICE_WORKDAY, "Trực");
  assert_bool ("office opens on 1/1/2027", mc_calendar_is_working_day (cal, parse_date ("2027-01-01")), TRUE);
  mc_calendar_set_office_day (cal, parse_date ("2027-12-31"), MC_DAY_OFFICE_CLOSED, "Tổng kết");
  assert_bool ("closure on 31/12/2027", mc_calendar_is_working_day (cal, parse_date ("2027-12-31")), FALSE);
  mc_calendar_get_day (cal, parse_date ("2027-04-16"), &info);
  assert_kind ("2027 Giỗ Tổ still there", info.kind, MC_DAY_HOLIDAY);
  assert_bool ("2027 Giỗ Tổ still provisional", info.provisional, TRUE);
}

/*
 * 7. Office hours
 */

static void
test_hours (void)
{
  static const struct
  {
    const char    *description;
    McOfficeHours  hours;
  } invalid[] = {
    { "afternoon before morning", { 7 * 60 + 30, 11 * 60 + 30, 7 * 60, 10 * 60, 9 * 60 } },
    { "morning closes after the afternoon opens", { 7 * 60 + 30, 13 * 60 + 30, 13 * 60, 17 * 60, 15 * 60 } },
    { "cut-off after closing", { 7 * 60 + 30, 11 * 60 + 30, 13 * 60, 17 * 60, 17 * 60 + 30 } },
    { "cut-off before opening", { 7 * 60 + 30, 11 * 60 + 30, 13 * 60, 17 * 60, 6 * 60 } },
    { "empty morning", { 7 * 60 + 30, 7 * 60 + 30, 13 * 60, 17 * 60, 15 * 60 } },
    { "empty afternoon", { 7 * 60 + 30, 11 * 60 + 30, 17 * 60, 17 * 60, 15 * 60 } },
    { "closing after midnight", { 7 * 60 + 30, 11 * 60 + 30, 13 * 60, 25 * 60, 15 * 60 } },
    { "negative opening", { -30, 11 * 60 + 30, 13 * 60, 17 * 60, 15 * 60 } },
  };
  static const McOfficeHours defaults = { 7 * 60 + 30, 11 * 60 + 30, 13 * 60, 17 * 60, 15 * 60 };
  static const McOfficeHours other = { 7 * 60, 11 * 60, 13 * 60 + 30, 17 * 60 + 30, 15 * 60 };
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  g_autoptr(GError) error = NULL;
  const McOfficeHours *h = mc_calendar_get_hours (cal);

  g_assert_cmpmem (h, sizeof *h, &defaults, sizeof defaults);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) row_error = NULL;

      assert_bool (invalid[i].description, mc_calendar_set_hours (cal, &invalid[i].hours, &row_error), FALSE);
      g_test_message ("row: %s", invalid[i].description);
      g_assert_error (row_error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID_HOURS);
      /* Rejected hours leave the calendar as it was. */
      g_assert_cmpmem (mc_calendar_get_hours (cal), sizeof *h, &defaults, sizeof defaults);
    }

  g_assert_true (mc_calendar_set_hours (cal, &other, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (mc_calendar_get_hours (cal), sizeof *h, &other, sizeof other);
  assert_time ("07:00–11:00/13:30–17:30: same day",
               mc_calendar_compute_due (cal, parse_time ("2026-11-23T09:00"), MC_UNIT_SAME_DAY, 0, TRUE),
               "2026-11-23T17:30");
  assert_time ("07:00–11:00/13:30–17:30: 3 working days",
               mc_calendar_compute_due (cal, parse_time ("2026-11-23T09:10"), MC_UNIT_WORKING_DAYS, 3, TRUE),
               "2026-11-26T17:30");
  assert_time ("07:00–11:00/13:30–17:30: 1 hour from 10:30 skips the longer lunch",
               mc_calendar_compute_due (cal, parse_time ("2026-11-23T10:30"), MC_UNIT_WORKING_HOURS, 1, FALSE),
               "2026-11-23T14:00");
  assert_time ("07:00–11:00/13:30–17:30: 2 hours from 16:00",
               mc_calendar_compute_due (cal, parse_time ("2026-11-23T16:00"), MC_UNIT_WORKING_HOURS, 2, FALSE),
               "2026-11-24T07:30");
  assert_time ("07:00–11:00/13:30–17:30: 17:15 is before closing without a cut-off",
               mc_calendar_compute_due (cal, parse_time ("2026-11-23T17:15"), MC_UNIT_SAME_DAY, 0, FALSE),
               "2026-11-23T17:30");

  /* A later cut-off, no lunch break: still valid. */
  {
    static const McOfficeHours no_lunch = { 8 * 60, 12 * 60, 12 * 60, 16 * 60, 16 * 60 };

    g_assert_true (mc_calendar_set_hours (cal, &no_lunch, &error));
    g_assert_no_error (error);
    assert_time ("no lunch, cut-off at closing: 15:59 same day",
                 mc_calendar_compute_due (cal, parse_time ("2026-11-23T15:59"), MC_UNIT_SAME_DAY, 0, TRUE),
                 "2026-11-23T16:00");
    assert_int ("no lunch: a day is 8 hours",
                mc_calendar_working_minutes_between (cal, parse_time ("2026-11-23T00:00"),
                                                     parse_time ("2026-11-24T00:00")), 480);
  }
}

/*
 * 8. Loading schedules
 */

static void
test_load_schedule_invalid (void)
{
  static const struct
  {
    const char *description;
    const char *json;
  } rows[] = {
    { "malformed JSON", "{ \"year\": 2027, \"days_off\": [" },
    { "not JSON at all", "Tết" },
    { "root is an array", "[]" },
    { "no year", "{ \"days_off\": [], \"worked_days\": [] }" },
    { "year as a string", "{ \"year\": \"2027\", \"days_off\": [], \"worked_days\": [] }" },
    { "year out of range", "{ \"year\": 1899, \"days_off\": [], \"worked_days\": [] }" },
    { "no worked_days", "{ \"year\": 2027, \"days_off\": [] }" },
    { "days_off is not an array", "{ \"year\": 2027, \"days_off\": {}, \"worked_days\": [] }" },
    { "entry is not an object", "{ \"year\": 2027, \"days_off\": [\"2027-02-08\"], \"worked_days\": [] }" },
    { "entry without a name",
      "{ \"year\": 2027, \"days_off\": [{ \"date\": \"2027-02-08\" }], \"worked_days\": [] }" },
    { "entry with a numeric date",
      "{ \"year\": 2027, \"days_off\": [{ \"date\": 20270208, \"name\": \"Tết\" }], \"worked_days\": [] }" },
    { "impossible date",
      "{ \"year\": 2027, \"days_off\": [{ \"date\": \"2027-02-30\", \"name\": \"Tết\" }], \"worked_days\": [] }" },
    { "day off outside the declared year",
      "{ \"year\": 2027, \"days_off\": [{ \"date\": \"2028-01-01\", \"name\": \"Tết Dương lịch\" }], "
      "\"worked_days\": [] }" },
    { "worked day outside the declared year",
      "{ \"year\": 2027, \"days_off\": [], \"worked_days\": [{ \"date\": \"2026-08-22\", \"name\": \"Làm bù\" }] }" },
    { "worked day on a Wednesday",
      "{ \"year\": 2027, \"days_off\": [], \"worked_days\": [{ \"date\": \"2027-02-03\", \"name\": \"Làm bù\" }] }" },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;

      assert_bool (rows[i].description, mc_calendar_load_schedule (cal, rows[i].json, -1, &error), FALSE);
      g_test_message ("row: %s", rows[i].description);
      g_assert_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID_DATA);
      assert_bool (rows[i].description, mc_calendar_has_schedule (cal, 2027), FALSE);
    }

  /* Nothing was replaced: 2027 still follows the statutory rule. */
  {
    McDayInfo info;

    mc_calendar_get_day (cal, parse_date ("2027-04-16"), &info);
    assert_kind ("2027 Giỗ Tổ after rejected loads", info.kind, MC_DAY_HOLIDAY);
    assert_bool ("2027 Giỗ Tổ after rejected loads", info.provisional, TRUE);
  }
}

static void
test_load_schedule_valid (void)
{
  static const char *schedule_2027 =
    "{ \"format\": 1, \"year\": 2027, \"source\": \"test\","
    "  \"days_off\": ["
    "    { \"date\": \"2027-01-01\", \"name\": \"Tết Dương lịch\" },"
    "    { \"date\": \"2027-02-04\", \"name\": \"Tết Nguyên đán (28 tháng Chạp)\" },"
    "    { \"date\": \"2027-02-05\", \"name\": \"Tết Nguyên đán (29 tháng Chạp)\" },"
    "    { \"date\": \"2027-02-06\", \"name\": \"Tết Nguyên đán (Mùng 1)\" },"
    "    { \"date\": \"2027-02-07\", \"name\": \"Tết Nguyên đán (Mùng 2)\" },"
    "    { \"date\": \"2027-02-08\", \"name\": \"Tết Nguyên đán (Mùng 3)\" },"
    "    { \"date\": \"2027-02-09\", \"name\": \"Tết Nguyên đán (Mùng 4)\" },"
    "    { \"date\": \"2027-02-10\", \"name\": \"Tết Nguyên đán (Mùng 5, nghỉ bù)\" },"
    "    { \"date\": \"2027-02-11\", \"name\": \"Tết Nguyên đán (Mùng 6, nghỉ bù)\" },"
    "    { \"date\": \"2027-02-12\", \"name\": \"Tết Nguyên đán (Mùng 7, hoán đổi)\" }"
    "  ],"
    "  \"worked_days\": ["
    "    { \"date\": \"2027-02-20\", \"name\": \"Làm bù cho thứ Sáu 12/02\" }"
    "  ] }";
  static const struct
  {
    const char *description;
    const char *date;
    McDayKind   kind;
    gboolean    working;
    const char *name_part;
  } rows[] = {
    { "scheduled Tết day", "2027-02-10", MC_DAY_HOLIDAY, FALSE, "Mùng 5" },
    { "scheduled swap", "2027-02-12", MC_DAY_HOLIDAY, FALSE, "hoán đổi" },
    { "scheduled 28 Chạp", "2027-02-04", MC_DAY_HOLIDAY, FALSE, "28 tháng Chạp" },
    { "worked Saturday", "2027-02-20", MC_DAY_WORKED_SATURDAY, TRUE, "Làm bù" },
    /* The schedule replaces the statutory rule entirely: days it does not list are ordinary. */
    { "Giỗ Tổ not in the schedule", "2027-04-16", MC_DAY_WORKING, TRUE, NULL },
    { "30/4 not in the schedule", "2027-04-30", MC_DAY_WORKING, TRUE, NULL },
    { "1/5 not in the schedule (Sat)", "2027-05-01", MC_DAY_WEEKEND, FALSE, NULL },
    { "no nghỉ bù for 1/5", "2027-05-03", MC_DAY_WORKING, TRUE, NULL },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  g_autoptr(GError) error = NULL;
  McDayInfo info;

  /* Build 2027 from the statutory rule first, so the load has to invalidate it. */
  mc_calendar_get_day (cal, parse_date ("2027-04-16"), &info);
  assert_bool ("2027 Giỗ Tổ before the load", info.provisional, TRUE);
  assert_bool ("no 2027 schedule before the load", mc_calendar_has_schedule (cal, 2027), FALSE);
  assert_time ("2027 due before the load",
               mc_calendar_compute_due (cal, parse_time ("2027-02-03T10:00"), MC_UNIT_WORKING_DAYS, 1, TRUE),
               "2027-02-04T17:00");

  g_assert_true (mc_calendar_load_schedule (cal, schedule_2027, (gssize) strlen (schedule_2027), &error));
  g_assert_no_error (error);
  assert_bool ("2027 schedule loaded", mc_calendar_has_schedule (cal, 2027), TRUE);
  assert_bool ("2028 still without schedule", mc_calendar_has_schedule (cal, 2028), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *what = g_strdup_printf ("custom 2027: %s %s", rows[i].description, rows[i].date);

      mc_calendar_get_day (cal, parse_date (rows[i].date), &info);
      assert_kind (what, info.kind, rows[i].kind);
      assert_bool (what, info.working, rows[i].working);
      assert_bool (what, info.provisional, FALSE);
      assert_name (what, info.name, rows[i].name_part);
    }
  assert_time ("2027 due after the load",
               mc_calendar_compute_due (cal, parse_time ("2027-02-03T10:00"), MC_UNIT_WORKING_DAYS, 1, TRUE),
               "2027-02-15T17:00");

  /* Other years are untouched. */
  mc_calendar_get_day (cal, parse_date ("2028-05-02"), &info);
  assert_kind ("2028 nghỉ bù after loading 2027", info.kind, MC_DAY_HOLIDAY);
  assert_bool ("2028 nghỉ bù after loading 2027", info.provisional, TRUE);
  mc_calendar_get_day (cal, parse_date ("2026-02-17"), &info);
  assert_kind ("2026 Tết after loading 2027", info.kind, MC_DAY_HOLIDAY);

  /* Loading the year again replaces the earlier schedule. */
  g_assert_true (mc_calendar_load_schedule (cal, "{ \"year\": 2027, \"days_off\": [], \"worked_days\": [] }", -1,
                                            &error));
  g_assert_no_error (error);
  mc_calendar_get_day (cal, parse_date ("2027-02-10"), &info);
  assert_kind ("2027-02-10 after an empty schedule", info.kind, MC_DAY_WORKING);
  assert_name ("2027-02-10 after an empty schedule", info.name, NULL);
  mc_calendar_get_day (cal, parse_date ("2027-02-20"), &info);
  assert_kind ("2027-02-20 after an empty schedule", info.kind, MC_DAY_WEEKEND);
}

/*
 * 9. Skipped holidays
 */

static void
test_skipped_holidays (void)
{
  static const struct
  {
    const char *description;
    const char *from;
    const char *to;
    const char *names[4];
  } rows[] = {
    { "Tết 2026", "2026-02-13T09:00", "2026-02-25T17:00", { "Tết Nguyên đán", NULL } },
    { "nothing skipped", "2026-11-23T09:10", "2026-11-26T17:00", { NULL } },
    { "weekend only", "2026-11-27T09:00", "2026-11-30T17:00", { NULL } },
    { "Giỗ Tổ, 30/4 and 1/5 2026", "2026-04-24T10:00", "2026-05-04T17:00",
      { "Giỗ Tổ Hùng Vương", "Ngày Chiến thắng", "Ngày Quốc tế Lao động", NULL } },
    { "year end", "2026-12-31T10:00", "2027-01-05T17:00", { "Tết Dương lịch", NULL } },
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GPtrArray) names = mc_calendar_skipped_holidays (cal, parse_time (rows[i].from),
                                                                 parse_time (rows[i].to));
      g_autofree char *got_list = NULL;
      g_autofree char *want_list = NULL;
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;

      g_ptr_array_add (names, NULL);
      got_list = g_strjoinv ("; ", (char **) names->pdata);
      want_list = g_strjoinv ("; ", (char **) rows[i].names);
      got = g_strdup_printf ("%s → [%s]", rows[i].description, got_list);
      want = g_strdup_printf ("%s → [%s]", rows[i].description, want_list);
      g_assert_cmpstr (got, ==, want);
    }
}

/*
 * 10. mc_time
 */

static void
test_time_parse (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } valid[] = {
    { "2026-11-23T09:10", "2026-11-23T09:10" },
    { "2026-11-23 09:10", "2026-11-23T09:10" },
    { "2026-11-23T09:10:00", "2026-11-23T09:10" },
    { "2026-11-23T09:10:00+07:00", "2026-11-23T09:10" },
    { "2026-11-23T09:10:59.250+07:00", "2026-11-23T09:10" },
    { "2026-11-23T02:10:00Z", "2026-11-23T09:10" },
    { "2026-11-23T02:10Z", "2026-11-23T09:10" },
    { "2026-11-23T04:10:00+02:00", "2026-11-23T09:10" },
    { "2026-11-22T21:10:00-05:00", "2026-11-23T09:10" },
    { "2026-11-23T23:30:00Z", "2026-11-24T06:30" },
    { "2026-11-23", "2026-11-23T00:00" },
    { "2024-02-29T12:00", "2024-02-29T12:00" },
    { "1900-01-01T00:00", "1900-01-01T00:00" },
    { "2100-12-31T23:59", "2100-12-31T23:59" },
  };
  static const struct
  {
    const char *text;
    int         code;
  } invalid[] = {
    { "2026-02-30T09:00", MC_TIME_ERROR_INVALID },
    { "2025-02-29T09:00", MC_TIME_ERROR_INVALID },
    { "2026-13-01T09:00", MC_TIME_ERROR_INVALID },
    { "2026-11-23T25:00", MC_TIME_ERROR_INVALID },
    { "2026-11-23T24:00", MC_TIME_ERROR_INVALID },
    { "2026-11-23T09:60", MC_TIME_ERROR_INVALID },
    { "2026-11-23T9:10", MC_TIME_ERROR_INVALID },
    { "2026-11-23T09:10 ", MC_TIME_ERROR_INVALID },
    { "2026-11-23T09:10+25:00", MC_TIME_ERROR_INVALID },
    { "2026-11-23T09:10X", MC_TIME_ERROR_INVALID },
    { "23/11/2026 09:10", MC_TIME_ERROR_INVALID },
    { "yesterday", MC_TIME_ERROR_INVALID },
    { "", MC_TIME_ERROR_INVALID },
    { "1899-12-31T23:59", MC_TIME_ERROR_OUT_OF_RANGE },
    { "2101-01-01T00:00", MC_TIME_ERROR_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("parse “%s”", valid[i].text);
      McMinute t = MC_MINUTE_NONE;

      assert_bool (what, mc_time_parse (valid[i].text, &t, &error), TRUE);
      g_assert_no_error (error);
      assert_time (what, t, valid[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("parse “%s”", invalid[i].text);
      McMinute t = MC_MINUTE_NONE;

      assert_bool (what, mc_time_parse (invalid[i].text, &t, &error), FALSE);
      g_test_message ("row: %s", what);
      g_assert_error (error, MC_TIME_ERROR, invalid[i].code);
      g_assert_true (t == MC_MINUTE_NONE);
    }
}

/* The parser's own message asks for YYYY-MM-DDTHH:MM: two digits for every field, no signs, no spaces. */
static void
test_time_parse_strict (void)
{
  static const char *times[] = {
    "2026-+1-23T09:10",
    "2026-11- 3T09:10",
    "2026-11-23T 9:10",
    "2026-11-23T09: 5",
    "2026-11-23T09:10:-1",
  };
  static const char *dates[] = {
    "2026-11- 3",
    "2026-+1-23",
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("parse time “%s”", times[i]);
      McMinute t = MC_MINUTE_NONE;

      assert_bool (what, mc_time_parse (times[i], &t, &error), FALSE);
      g_test_message ("row: %s", what);
      g_assert_error (error, MC_TIME_ERROR, MC_TIME_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("parse date “%s”", dates[i]);
      int jdn = 0;

      assert_bool (what, mc_date_parse (dates[i], &jdn, &error), FALSE);
      g_test_message ("row: %s", what);
      g_assert_error (error, MC_TIME_ERROR, MC_TIME_ERROR_INVALID);
    }
}

static void
test_time_format (void)
{
  static const struct
  {
    const char *time;
    const char *vietnamese;
    const char *short_text;
  } rows[] = {
    { "2026-11-26T17:00", "17 giờ 00 phút, ngày 26 tháng 11 năm 2026", "26/11/2026 17:00" },
    { "2026-02-05T07:05", "07 giờ 05 phút, ngày 05 tháng 02 năm 2026", "05/02/2026 07:05" },
    { "2027-01-05T13:30", "13 giờ 30 phút, ngày 05 tháng 01 năm 2027", "05/01/2027 13:30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      McMinute t = parse_time (rows[i].time);
      g_autofree char *text = mc_time_format_vietnamese (t);
      g_autofree char *iso = mc_time_format_iso (t);
      g_autofree char *offset = mc_time_format_iso_offset (t);
      g_autofree char *short_text = mc_time_format_short (t);
      g_autofree char *expected_offset = g_strconcat (rows[i].time, ":00+07:00", NULL);
      McMinute back = MC_MINUTE_NONE;

      g_assert_cmpstr (text, ==, rows[i].vietnamese);
      g_assert_cmpstr (short_text, ==, rows[i].short_text);
      g_assert_cmpstr (iso, ==, rows[i].time);
      g_assert_cmpstr (offset, ==, expected_offset);
      g_assert_true (mc_time_parse (offset, &back, NULL));
      assert_time (offset, back, rows[i].time);
    }
  {
    g_autofree char *none = mc_time_format_short (MC_MINUTE_NONE);
    g_assert_cmpstr (none, ==, "—");
  }
}

static void
test_jdn (void)
{
  static const struct
  {
    const char *date;
    int         weekday;
  } rows[] = {
    { "2026-11-23", 1 },
    { "2026-11-29", 0 },
    { "2026-08-22", 6 },
    { "2026-02-17", 2 },
    { "2027-01-01", 5 },
    { "2028-04-30", 0 },
    { "1970-01-01", 4 },
    { "2000-01-01", 6 },
  };
  int y, m, d;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      int jdn = parse_date (rows[i].date);
      g_autofree char *what = g_strdup_printf ("weekday of %s", rows[i].date);
      g_autofree char *back = mc_date_format_iso (jdn);

      assert_int (what, mc_jdn_weekday (jdn), rows[i].weekday);
      g_assert_cmpstr (back, ==, rows[i].date);
    }

  g_assert_cmpint (mc_jdn_from_ymd (2000, 1, 1), ==, 2451545);
  mc_jdn_to_ymd (2451545, &y, &m, &d);
  g_assert_cmpint (y, ==, 2000);
  g_assert_cmpint (m, ==, 1);
  g_assert_cmpint (d, ==, 1);

  /* Minutes and days agree around midnight, including before 1970. */
  {
    McMinute t = parse_time ("2026-11-23T23:59");

    assert_int ("day of 23:59", mc_minute_jdn (t), parse_date ("2026-11-23"));
    assert_int ("day of 00:00", mc_minute_jdn (t + 1), parse_date ("2026-11-24"));
    assert_int ("minute of 23:59", mc_minute_of_day (t), 23 * 60 + 59);
    t = parse_time ("1969-12-31T23:59");
    assert_int ("day of 1969-12-31 23:59", mc_minute_jdn (t), parse_date ("1969-12-31"));
    assert_int ("minute of 1969-12-31 23:59", mc_minute_of_day (t), 23 * 60 + 59);
    assert_int ("day of 1970-01-01 00:00", mc_minute_jdn (t + 1), parse_date ("1970-01-01"));
  }
}

/* Every appointment with its weekday (in the tests' language, English). */
static void
test_time_appointment (void)
{
  McMinute minute;
  g_autofree char *thursday = NULL;
  g_autofree char *sunday = NULL;
  g_autofree char *none = mc_time_format_appointment (MC_MINUTE_NONE);

  g_assert_true (mc_time_parse ("2026-11-26T17:00", &minute, NULL));
  thursday = mc_time_format_appointment (minute);
  g_assert_cmpstr (thursday, ==, "Thursday, 26/11/2026 17:00");
  g_assert_true (mc_time_parse ("2026-02-01T08:05", &minute, NULL));
  sunday = mc_time_format_appointment (minute);
  g_assert_cmpstr (sunday, ==, "Sunday, 01/02/2026 08:05");
  g_assert_cmpstr (none, ==, "—");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failing row marks its test failed and the run goes on, so one failure does not hide the others. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/calendar/working-days/official-json", test_working_days_official_json);
  g_test_add_func ("/calendar/working-days/official-every-day", test_working_days_official_every_day);
  g_test_add_func ("/calendar/working-days/named", test_working_days_named);
  g_test_add_func ("/calendar/day/get-day", test_get_day);
  g_test_add_func ("/calendar/day/statutory-every-day", test_statutory_years_every_day);
  g_test_add_func ("/calendar/day/statutory-rule", test_statutory_years_rule);
  g_test_add_func ("/calendar/due/table", test_due_table);
  g_test_add_func ("/calendar/due/working-hours", test_due_working_hours);
  g_test_add_func ("/calendar/due/working-hours-ignore-cutoff", test_due_working_hours_ignore_cutoff);
  g_test_add_func ("/calendar/minutes/inverse", test_working_minutes_inverse);
  g_test_add_func ("/calendar/minutes/samples", test_working_minutes_samples);
  g_test_add_func ("/calendar/state/open", test_open_due_state);
  g_test_add_func ("/calendar/state/settled", test_settled_due_state);
  g_test_add_func ("/calendar/office-days", test_office_days);
  g_test_add_func ("/calendar/hours", test_hours);
  g_test_add_func ("/calendar/schedule/invalid", test_load_schedule_invalid);
  g_test_add_func ("/calendar/schedule/valid", test_load_schedule_valid);
  g_test_add_func ("/calendar/skipped-holidays", test_skipped_holidays);
  g_test_add_func ("/calendar/time/parse", test_time_parse);
  g_test_add_func ("/calendar/time/parse-strict", test_time_parse_strict);
  g_test_add_func ("/calendar/time/format", test_time_format);
  g_test_add_func ("/calendar/time/jdn", test_jdn);
  g_test_add_func ("/calendar/time/appointment", test_time_appointment);

  return g_test_run ();
}
