/* test-lunar.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <glib.h>

#include "mc-lunar.h"
#include "mc-time.h"

/* 0 = Sunday .. 6 = Saturday */
static int
weekday_of_jdn (int jdn)
{
  return (jdn + 1) % 7;
}

static void
assert_lunar (const McLunarDate *l,
              int                day,
              int                month,
              int                year,
              gboolean           leap)
{
  g_assert_cmpint (l->day, ==, day);
  g_assert_cmpint (l->month, ==, month);
  g_assert_cmpint (l->year, ==, year);
  g_assert_cmpint (!!l->leap, ==, !!leap);
}

static void
test_jdn (void)
{
  static const struct
  {
    int year, month, day;
    int jdn;
  } cases[] = {
    { 2000,  1,  1, 2451545 },
    { 1900,  1,  1, 2415021 },
    { 1858, 11, 17, 2400001 },
    { 2100, 12, 31, 2488434 },
    { 1582, 10, 15, 2299161 },
    { 2024,  2, 29, 2460370 },
  };
  int jdn;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int y, m, d;

      g_assert_cmpint (mc_jdn_from_ymd (cases[i].year, cases[i].month,
                                                    cases[i].day), ==, cases[i].jdn);
      mc_jdn_to_ymd (cases[i].jdn, &y, &m, &d);
      g_assert_cmpint (y, ==, cases[i].year);
      g_assert_cmpint (m, ==, cases[i].month);
      g_assert_cmpint (d, ==, cases[i].day);
    }

  /* 2000-01-01 was a Saturday */
  g_assert_cmpint (weekday_of_jdn (2451545), ==, 6);

  for (jdn = 2415021 - 400; jdn <= 2488434 + 400; jdn++)
    {
      int y, m, d;

      mc_jdn_to_ymd (jdn, &y, &m, &d);
      g_assert_cmpint (mc_jdn_from_ymd (y, m, d), ==, jdn);
    }
}

static const struct
{
  int         year;
  const char *can_chi;
  int         tet_day, tet_month;
  int         tet_weekday;        /* 0 = Sunday */
  int         last_day_of_old_year;
  int         gio_to_day, gio_to_month;
  int         leap_month;
} tet_cases[] = {
  { 2020, "Canh Tý",   25, 1, 6, 30,  2, 4, 4 },
  { 2021, "Tân Sửu",   12, 2, 5, 30, 21, 4, 0 },
  { 2022, "Nhâm Dần",   1, 2, 2, 29, 10, 4, 0 },
  { 2023, "Quý Mão",   22, 1, 0, 30, 29, 4, 2 },
  { 2024, "Giáp Thìn", 10, 2, 6, 30, 18, 4, 0 },
  { 2025, "Ất Tỵ",     29, 1, 3, 29,  7, 4, 6 },
  { 2026, "Bính Ngọ",  17, 2, 2, 29, 26, 4, 0 },
  { 2027, "Đinh Mùi",   6, 2, 6, 29, 16, 4, 0 },
  { 2028, "Mậu Thân",  26, 1, 3, 29,  4, 4, 5 },
  { 2029, "Kỷ Dậu",    13, 2, 2, 29, 23, 4, 0 },
  { 2030, "Canh Tuất",  2, 2, 6, 29, 12, 4, 0 },
};

static void
test_tet_2020_2030 (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (tet_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *can_chi = NULL;
      McLunarDate tet = { 1, 1, tet_cases[i].year, FALSE };
      McLunarDate gio_to = { 10, 3, tet_cases[i].year, FALSE };
      McLunarDate l;
      int y, m, d;
      int jdn;

      g_test_message ("lunar year %d", tet_cases[i].year);

      /* Tết, both ways */
      g_assert_true (mc_lunar_to_gregorian (&tet, &y, &m, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpint (y, ==, tet_cases[i].year);
      g_assert_cmpint (m, ==, tet_cases[i].tet_month);
      g_assert_cmpint (d, ==, tet_cases[i].tet_day);

      jdn = mc_jdn_from_ymd (y, m, d);
      g_assert_cmpint (weekday_of_jdn (jdn), ==, tet_cases[i].tet_weekday);

      g_assert_true (mc_lunar_from_gregorian (y, m, d, &l, &error));
      g_assert_no_error (error);
      assert_lunar (&l, 1, 1, tet_cases[i].year, FALSE);

      /* the eve: last day of month 12 of the previous lunar year */
      mc_jdn_to_ymd (jdn - 1, &y, &m, &d);
      g_assert_true (mc_lunar_from_gregorian (y, m, d, &l, &error));
      g_assert_no_error (error);
      assert_lunar (&l, tet_cases[i].last_day_of_old_year, 12,
                    tet_cases[i].year - 1, FALSE);
      g_assert_cmpint (mc_lunar_month_days (tet_cases[i].year - 1, 12, FALSE, &error),
                       ==, tet_cases[i].last_day_of_old_year);
      g_assert_no_error (error);

      /* Giỗ Tổ Hùng Vương, 10/3 */
      g_assert_true (mc_lunar_to_gregorian (&gio_to, &y, &m, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpint (y, ==, tet_cases[i].year);
      g_assert_cmpint (m, ==, tet_cases[i].gio_to_month);
      g_assert_cmpint (d, ==, tet_cases[i].gio_to_day);
      g_assert_true (mc_lunar_from_gregorian (y, m, d, &l, &error));
      g_assert_no_error (error);
      assert_lunar (&l, 10, 3, tet_cases[i].year, FALSE);

      /* leap month */
      g_assert_cmpint (mc_lunar_leap_month (tet_cases[i].year, &error), ==,
                       tet_cases[i].leap_month);
      g_assert_no_error (error);

      can_chi = mc_lunar_can_chi_year (tet_cases[i].year);
      g_assert_cmpstr (can_chi, ==, tet_cases[i].can_chi);
    }
}

/* Years in which Tết in Vietnam (UTC+7) is not the Chinese New Year
 * (UTC+8). Vietnamese date first. */
static const struct
{
  int year;
  int vn_day, vn_month;
  int cn_day, cn_month;
} tet_vs_china_cases[] = {
  { 1903, 28, 1, 29, 1 },
  { 1916,  3, 2,  4, 2 },
  { 1935,  3, 2,  4, 2 },
  { 1965,  1, 2,  2, 2 },
  { 1968, 29, 1, 30, 1 },
  { 1969, 16, 2, 17, 2 },
  { 1985, 21, 1, 20, 2 },
  { 2007, 17, 2, 18, 2 },
  { 2030,  2, 2,  3, 2 },
  { 2053, 18, 2, 19, 2 },
};

static void
test_tet_vs_china (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (tet_vs_china_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      McLunarDate tet = { 1, 1, tet_vs_china_cases[i].year, FALSE };
      McLunarDate l;
      int y, m, d;

      g_test_message ("Tet %d", tet_vs_china_cases[i].year);

      g_assert_true (mc_lunar_to_gregorian (&tet, &y, &m, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpint (y, ==, tet_vs_china_cases[i].year);
      g_assert_cmpint (m, ==, tet_vs_china_cases[i].vn_month);
      g_assert_cmpint (d, ==, tet_vs_china_cases[i].vn_day);

      /* the Chinese New Year's day is not 1/1 here */
      g_assert_true (mc_lunar_from_gregorian (tet_vs_china_cases[i].year,
                                              tet_vs_china_cases[i].cn_month,
                                              tet_vs_china_cases[i].cn_day,
                                              &l, &error));
      g_assert_no_error (error);
      g_assert_false (l.day == 1 && l.month == 1 && !l.leap);
    }

  /* 1985: a whole month apart; Chinese New Year's day starts month 2 */
  {
    McLunarDate l;

    g_assert_true (mc_lunar_from_gregorian (1985, 2, 20, &l, NULL));
    assert_lunar (&l, 1, 2, 1985, FALSE);
    g_assert_true (mc_lunar_from_gregorian (1985, 2, 19, &l, NULL));
    assert_lunar (&l, 30, 1, 1985, FALSE);
  }
}

static void
test_round_trip (void)
{
  int first = mc_jdn_from_ymd (1900, 1, 1);
  int last = mc_jdn_from_ymd (2100, 12, 31);
  McLunarDate prev = { 0, };
  int month_count = 0;
  int jdn;

  for (jdn = first; jdn <= last; jdn++)
    {
      McLunarDate l;
      int y, m, d;
      int y2, m2, d2;

      mc_jdn_to_ymd (jdn, &y, &m, &d);
      if (!mc_lunar_from_gregorian (y, m, d, &l, NULL))
        g_error ("no lunar date for %04d-%02d-%02d", y, m, d);

      g_assert_cmpint (l.day, >=, 1);
      g_assert_cmpint (l.day, <=, 30);
      g_assert_cmpint (l.month, >=, 1);
      g_assert_cmpint (l.month, <=, 12);

      if (!mc_lunar_to_gregorian (&l, &y2, &m2, &d2, NULL) ||
          y2 != y || m2 != m || d2 != d)
        g_error ("%04d-%02d-%02d -> %d/%d%s/%d does not convert back",
                 y, m, d, l.day, l.month, l.leap ? "L" : "", l.year);

      if (jdn > first)
        {
          if (l.day == 1)
            {
              int length = mc_lunar_month_days (prev.year, prev.month, prev.leap, NULL);

              /* the previous month ended on its last day */
              g_assert_cmpint (prev.day, ==, length);
              g_assert_true (length == 29 || length == 30);

              /* and the month number moved on, or a leap month began */
              if (l.leap)
                {
                  g_assert_cmpint (l.month, ==, prev.month);
                  g_assert_cmpint (l.year, ==, prev.year);
                  g_assert_false (prev.leap);
                  g_assert_cmpint (mc_lunar_leap_month (l.year, NULL), ==, l.month);
                }
              else
                {
                  g_assert_cmpint (l.month, ==, prev.month % 12 + 1);
                  g_assert_cmpint (l.year, ==, prev.year + (l.month == 1 ? 1 : 0));
                }
              month_count++;
            }
          else
            {
              g_assert_cmpint (l.day, ==, prev.day + 1);
              g_assert_cmpint (l.month, ==, prev.month);
              g_assert_cmpint (l.year, ==, prev.year);
              g_assert_cmpint (!!l.leap, ==, !!prev.leap);
            }
        }

      prev = l;
    }

  /* 201 years of about 12.37 lunations */
  g_assert_cmpint (month_count, >, 2480);
  g_assert_cmpint (month_count, <, 2495);
}

static void
test_range_errors (void)
{
  static const struct
  {
    int year, month, day;
    int code;
  } bad_gregorian[] = {
    { 1899, 12, 31, MC_LUNAR_ERROR_OUT_OF_RANGE },
    { 2101,  1,  1, MC_LUNAR_ERROR_OUT_OF_RANGE },
    { 1800,  6, 15, MC_LUNAR_ERROR_OUT_OF_RANGE },
    { 2025,  2, 29, MC_LUNAR_ERROR_INVALID },
    { 2025, 13,  1, MC_LUNAR_ERROR_INVALID },
    { 2025,  4, 31, MC_LUNAR_ERROR_INVALID },
    { 2025,  1,  0, MC_LUNAR_ERROR_INVALID },
  };
  static const struct
  {
    McLunarDate lunar;
    int         code;
  } bad_lunar[] = {
    { { 30, 12, 2025, FALSE }, MC_LUNAR_ERROR_INVALID },  /* Chạp Ất Tỵ has 29 days */
    { {  1,  6, 2026, TRUE  }, MC_LUNAR_ERROR_INVALID },  /* no leap month in 2026 */
    { {  1,  5, 2025, TRUE  }, MC_LUNAR_ERROR_INVALID },  /* 2025 leaps month 6 */
    { {  0,  1, 2025, FALSE }, MC_LUNAR_ERROR_INVALID },
    { { 31,  1, 2025, FALSE }, MC_LUNAR_ERROR_INVALID },
    { {  1,  0, 2025, FALSE }, MC_LUNAR_ERROR_INVALID },
    { {  1, 13, 2025, FALSE }, MC_LUNAR_ERROR_INVALID },
    { {  1,  1, 2101, FALSE }, MC_LUNAR_ERROR_OUT_OF_RANGE },
    { {  1,  1, 1899, FALSE }, MC_LUNAR_ERROR_OUT_OF_RANGE }, /* 1899-02-10 */
    { {  1,  1, 1800, FALSE }, MC_LUNAR_ERROR_OUT_OF_RANGE },
  };
  McLunarDate l;
  int y, m, d;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad_gregorian); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mc_lunar_from_gregorian (bad_gregorian[i].year,
                                               bad_gregorian[i].month,
                                               bad_gregorian[i].day,
                                               &l, &error));
      g_assert_error (error, MC_LUNAR_ERROR, bad_gregorian[i].code);
    }

  for (i = 0; i < G_N_ELEMENTS (bad_lunar); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mc_lunar_to_gregorian (&bad_lunar[i].lunar, &y, &m, &d, &error));
      g_assert_error (error, MC_LUNAR_ERROR, bad_lunar[i].code);
    }

  /* the edges themselves are fine */
  g_assert_true (mc_lunar_from_gregorian (1900, 1, 1, &l, NULL));
  g_assert_true (mc_lunar_to_gregorian (&l, &y, &m, &d, NULL));
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 19000101);
  g_assert_true (mc_lunar_from_gregorian (2100, 12, 31, &l, NULL));
  g_assert_true (mc_lunar_to_gregorian (&l, &y, &m, &d, NULL));
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 21001231);

  /* month_days and leap_month report errors too */
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (mc_lunar_month_days (2026, 6, TRUE, &error), ==, 0);
    g_assert_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_cmpint (mc_lunar_month_days (2025, 13, FALSE, &error), ==, 0);
    g_assert_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_cmpint (mc_lunar_month_days (2101, 1, FALSE, &error), ==, 0);
    g_assert_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);

    g_assert_cmpint (mc_lunar_leap_month (2101, &error), <, 0);
    g_assert_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);

    g_assert_cmpint (mc_lunar_leap_month (1800, &error), <, 0);
    g_assert_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_OUT_OF_RANGE);
  }
}

static void
test_can_chi (void)
{
  static const struct
  {
    int         year;
    const char *name;
  } cases[] = {
    { 2026, "Bính Ngọ" },
    { 2023, "Quý Mão" },
    { 1985, "Ất Sửu" },
    { 2024, "Giáp Thìn" },
    { 1984, "Giáp Tý" },
    { 1900, "Canh Tý" },
    { 2100, "Canh Thân" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = mc_lunar_can_chi_year (cases[i].year);

      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_mid_year (void)
{
  static const struct
  {
    int         year, month, day;
    McLunarDate lunar;
  } cases[] = {
    { 2025,  6, 25, {  1,  6, 2025, FALSE } },  /* month 6 of Ất Tỵ */
    { 2025,  7, 24, { 30,  6, 2025, FALSE } },
    { 2025,  7, 25, {  1,  6, 2025, TRUE  } },  /* leap month 6 begins */
    { 2025,  8, 23, {  1,  7, 2025, FALSE } },
    { 2025, 10,  6, { 15,  8, 2025, FALSE } },  /* Tết Trung thu 2025 */
    { 2026,  9, 25, { 15,  8, 2026, FALSE } },  /* Tết Trung thu 2026 */
    { 2026, 11, 22, { 14, 10, 2026, FALSE } },
    { 2024,  9, 17, { 15,  8, 2024, FALSE } },  /* Tết Trung thu 2024 */
    { 2023,  3, 22, {  1,  2, 2023, TRUE  } },  /* leap month 2 of Quý Mão */
    { 1900,  1,  1, {  1, 12, 1899, FALSE } },
    { 1900,  1, 31, {  1,  1, 1900, FALSE } },  /* Tết Canh Tý 1900 */
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      McLunarDate l;
      int y, m, d;

      g_test_message ("%04d-%02d-%02d", cases[i].year, cases[i].month, cases[i].day);

      g_assert_true (mc_lunar_from_gregorian (cases[i].year, cases[i].month,
                                              cases[i].day, &l, &error));
      g_assert_no_error (error);
      assert_lunar (&l, cases[i].lunar.day, cases[i].lunar.month,
                    cases[i].lunar.year, cases[i].lunar.leap);

      g_assert_true (mc_lunar_to_gregorian (&cases[i].lunar, &y, &m, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpint (y, ==, cases[i].year);
      g_assert_cmpint (m, ==, cases[i].month);
      g_assert_cmpint (d, ==, cases[i].day);
    }

  g_assert_cmpint (mc_lunar_month_days (2025, 6, FALSE, NULL), ==, 30);
  g_assert_cmpint (mc_lunar_month_days (2025, 6, TRUE, NULL), ==, 29);
}

/* New moons a minute or two before local midnight, where applying
 * ΔT (TT − UT) moves the first day of the month. Checked against an
 * independent ephemeris (libastro): 1944-06-20 23:59:32, 2072-12-09
 * 23:58:28 and 2085-10-18 23:59:15, UTC+7. */
static void
test_delta_t (void)
{
  static const struct
  {
    int         year, month, day;
    McLunarDate lunar;
  } cases[] = {
    { 1944,  6, 20, { 1,  5, 1944, FALSE } },
    { 2072, 12,  9, { 1, 11, 2072, FALSE } },
    { 2085, 10, 18, { 1,  9, 2085, FALSE } },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      McLunarDate l;

      g_test_message ("%04d-%02d-%02d", cases[i].year, cases[i].month, cases[i].day);
      g_assert_true (mc_lunar_from_gregorian (cases[i].year, cases[i].month,
                                              cases[i].day, &l, NULL));
      assert_lunar (&l, cases[i].lunar.day, cases[i].lunar.month,
                    cases[i].lunar.year, cases[i].lunar.leap);
    }
}

static void
test_leap_months (void)
{
  static const struct
  {
    int year;
    int leap_month;
  } cases[] = {
    { 2017, 6 },
    { 2018, 0 },
    { 2019, 0 },
    { 2031, 3 },
    { 2033, 11 },  /* the "2033 problem": leap 11th month */
    { 2034, 0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("leap month of %d", cases[i].year);
      g_assert_cmpint (mc_lunar_leap_month (cases[i].year, NULL), ==,
                       cases[i].leap_month);
    }

  /* at most one leap month per lunar year, and about 7 in 19 years */
  {
    int count = 0;
    int year;

    for (year = 1900; year <= 2100; year++)
      {
        int leap = mc_lunar_leap_month (year, NULL);

        g_assert_cmpint (leap, >=, 0);
        g_assert_cmpint (leap, <=, 12);
        if (leap > 0)
          {
            g_assert_cmpint (mc_lunar_month_days (year, leap, TRUE, NULL), >=, 29);
            count++;
          }
      }

    g_assert_cmpint (count, >=, 201 * 7 / 19 - 2);
    g_assert_cmpint (count, <=, 201 * 7 / 19 + 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lunar/jdn", test_jdn);
  g_test_add_func ("/lunar/tet-2020-2030", test_tet_2020_2030);
  g_test_add_func ("/lunar/tet-vs-china", test_tet_vs_china);
  g_test_add_func ("/lunar/round-trip", test_round_trip);
  g_test_add_func ("/lunar/range-errors", test_range_errors);
  g_test_add_func ("/lunar/can-chi", test_can_chi);
  g_test_add_func ("/lunar/mid-year", test_mid_year);
  g_test_add_func ("/lunar/leap-months", test_leap_months);
  g_test_add_func ("/lunar/delta-t", test_delta_t);

  return g_test_run ();
}
