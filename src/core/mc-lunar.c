/* mc-lunar.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-lunar"

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>

#include <glib/gi18n.h>

#include "mc-lunar.h"
#include "mc-time.h"

/*
 * Vietnamese lunisolar calendar.
 *
 * The calendar is computed from astronomical events following the
 * methods of Jean Meeus, "Astronomical Algorithms" (2nd ed.):
 *
 *  - instants of mean and true new moon (chapter 49),
 *  - the apparent geocentric longitude of the Sun, low accuracy series
 *    (chapter 25, about 0.01°),
 *  - ΔT = TT − UT from the Espenak–Meeus polynomials (NASA, 2006).
 *
 * Calendar rules (Vietnam, UTC+7):
 *
 *  - a lunar month begins on the civil day (UTC+7) holding the new moon;
 *  - month 11 is the month holding the winter solstice (λ☉ = 270°);
 *  - when 13 months begin between two consecutive month-11 starts, the
 *    first of them (after month 11) holding no major solar term
 *    (trung khí, λ☉ a multiple of 30°) is a leap month and takes the
 *    number of the month before it.
 *
 * Everything in the supported range is computed once, on first use, into
 * a table of month starts; conversions are then a binary search.
 */

#define VN_UTC_OFFSET_DAYS (7.0 / 24.0)

#define SYNODIC_MONTH 29.530588861
#define TROPICAL_YEAR 365.242189

/* Gregorian range accepted by the public API */
#define MIN_YEAR 1900
#define MAX_YEAR 2100

/* Lunar years whose months are all in the table: 1899 holds 1900-01-01 */
#define MIN_LUNAR_YEAR (MIN_YEAR - 1)
#define MAX_LUNAR_YEAR MAX_YEAR

/* The table covers the solstice-to-solstice spans whose month 11 lies
 * between the December solstices of these Gregorian years. */
#define FIRST_SOLSTICE_YEAR (MIN_LUNAR_YEAR - 1)
#define LAST_SOLSTICE_YEAR  (MAX_LUNAR_YEAR + 1)
#define N_SOLSTICES (LAST_SOLSTICE_YEAR - FIRST_SOLSTICE_YEAR + 1)

/* 1 + (lunar years covered) : index of Tết for each year, and the next */
#define N_LUNAR_YEARS (MAX_LUNAR_YEAR - MIN_LUNAR_YEAR + 2)

#define DEG_TO_RAD(x) ((x) * (G_PI / 180.0))

typedef struct
{
  int     start_jdn;    /* local (UTC+7) day on which the month begins */
  guint8  number;       /* 1..12 */
  guint8  is_leap;
  gint16  lunar_year;
} LunarMonth;

typedef struct
{
  LunarMonth *months;      /* n_months entries plus a terminating start */
  guint       n_months;
  guint       tet_index[N_LUNAR_YEARS];  /* month 1 of MIN_LUNAR_YEAR + i */
  int         first_jdn;   /* start of months[0] */
  int         end_jdn;     /* first day after the last month */
} LunarTable;

G_DEFINE_QUARK (mc-lunar-error-quark, mc_lunar_error)

/* ---------------------------------------------------------------------- */
/* Astronomy                                                               */
/* ---------------------------------------------------------------------- */

static double
normalize_degrees (double deg)
{
  deg = fmod (deg, 360.0);
  if (deg < 0.0)
    deg += 360.0;
  return deg;
}

static double
sin_deg (double deg)
{
  return sin (DEG_TO_RAD (normalize_degrees (deg)));
}

/* ΔT = TT − UT in seconds for a (fractional) Gregorian year, after the
 * polynomial expressions of Espenak & Meeus (valid here for 1860..2150). */
static double
delta_t_seconds (double y)
{
  double t;

  if (y < 1900.0)
    {
      t = y - 1860.0;
      return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t
             - 0.0004473624 * pow (t, 4) + pow (t, 5) / 233174.0;
    }
  if (y < 1920.0)
    {
      t = y - 1900.0;
      return -2.79 + 1.494119 * t - 0.0598939 * t * t
             + 0.0061966 * t * t * t - 0.000197 * pow (t, 4);
    }
  if (y < 1941.0)
    {
      t = y - 1920.0;
      return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    }
  if (y < 1961.0)
    {
      t = y - 1950.0;
      return 29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0;
    }
  if (y < 1986.0)
    {
      t = y - 1975.0;
      return 45.45 + 1.067 * t - t * t / 260.0 - t * t * t / 718.0;
    }
  if (y < 2005.0)
    {
      t = y - 2000.0;
      return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
             + 0.000651814 * pow (t, 4) + 0.00002373599 * pow (t, 5);
    }
  if (y < 2050.0)
    {
      t = y - 2000.0;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }

  t = (y - 1820.0) / 100.0;
  return -20.0 + 32.0 * t * t - 0.5628 * (2150.0 - y);
}

/* ΔT in days at a Julian date (TT or UT: the difference is immaterial) */
static double
delta_t_days (double jd)
{
  double year = 2000.0 + (jd - 2451545.0) / 365.25;

  return delta_t_seconds (year) / 86400.0;
}

/* Apparent geocentric ecliptic longitude of the Sun, in degrees [0, 360),
 * at the Julian Ephemeris Day @jde (Meeus, chapter 25, low accuracy). */
static double
sun_apparent_longitude (double jde)
{
  double t = (jde - 2451545.0) / 36525.0;
  double mean_longitude;
  double mean_anomaly;
  double center;
  double omega;

  mean_longitude = 280.46646 + t * (36000.76983 + t * 0.0003032);
  mean_anomaly = 357.52911 + t * (35999.05029 - t * 0.0001537);
  center = (1.914602 - t * (0.004817 + t * 0.000014)) * sin_deg (mean_anomaly)
           + (0.019993 - t * 0.000101) * sin_deg (2.0 * mean_anomaly)
           + 0.000289 * sin_deg (3.0 * mean_anomaly);
  omega = 125.04 - 1934.136 * t;

  /* true longitude, then aberration and nutation in longitude */
  return normalize_degrees (mean_longitude + center - 0.00569
                            - 0.00478 * sin_deg (omega));
}

/* Periodic terms of the true new moon (Meeus, table 49.A), as
 * coefficient, power of E, and multiples of (M, M', F, Ω). */
typedef struct
{
  double coefficient;
  gint8  e_power;
  gint8  m;
  gint8  m_prime;
  gint8  f;
  gint8  omega;
} NewMoonTerm;

static const NewMoonTerm new_moon_terms[] = {
  { -0.40720, 0,  0, 1,  0, 0 },
  {  0.17241, 1,  1, 0,  0, 0 },
  {  0.01608, 0,  0, 2,  0, 0 },
  {  0.01039, 0,  0, 0,  2, 0 },
  {  0.00739, 1, -1, 1,  0, 0 },
  { -0.00514, 1,  1, 1,  0, 0 },
  {  0.00208, 2,  2, 0,  0, 0 },
  { -0.00111, 0,  0, 1, -2, 0 },
  { -0.00057, 0,  0, 1,  2, 0 },
  {  0.00056, 1,  1, 2,  0, 0 },
  { -0.00042, 0,  0, 3,  0, 0 },
  {  0.00042, 1,  1, 0,  2, 0 },
  {  0.00038, 1,  1, 0, -2, 0 },
  { -0.00024, 1, -1, 2,  0, 0 },
  { -0.00017, 0,  0, 0,  0, 1 },
  { -0.00007, 0,  2, 1,  0, 0 },
  {  0.00004, 0,  0, 2, -2, 0 },
  {  0.00004, 0,  3, 0,  0, 0 },
  {  0.00003, 0,  1, 1, -2, 0 },
  {  0.00003, 0,  0, 2,  2, 0 },
  { -0.00003, 0,  1, 1,  2, 0 },
  {  0.00003, 0, -1, 1,  2, 0 },
  { -0.00002, 0, -1, 1, -2, 0 },
  { -0.00002, 0,  1, 3,  0, 0 },
  {  0.00002, 0,  0, 4,  0, 0 },
};

/* Additional corrections for all phases (Meeus, chapter 49): the
 * arguments A1..A14 as constant and rate per lunation, and amplitudes.
 * A1 also has a T² term, handled separately. */
static const struct
{
  double base;
  double per_lunation;
  double amplitude;
} planetary_terms[] = {
  { 299.77,  0.107408, 0.000325 },
  { 251.88,  0.016321, 0.000165 },
  { 251.83, 26.651886, 0.000164 },
  { 349.42, 36.412478, 0.000126 },
  {  84.66, 18.206239, 0.000110 },
  { 141.74, 53.303771, 0.000062 },
  { 207.14,  2.453732, 0.000060 },
  { 154.84,  7.306860, 0.000056 },
  {  34.52, 27.261239, 0.000047 },
  { 207.19,  0.121824, 0.000042 },
  { 291.34,  1.844379, 0.000040 },
  { 161.72, 24.198154, 0.000037 },
  { 239.56, 25.513099, 0.000035 },
  { 331.55,  3.592518, 0.000023 },
};

/* Instant (JDE, Terrestrial Time) of the true new moon of lunation @k,
 * counted from the new moon of 2000-01-06 (k = 0). */
static double
new_moon_jde (int k)
{
  double kd = k;
  double t = kd / 1236.85;
  double t2 = t * t;
  double t3 = t2 * t;
  double t4 = t3 * t;
  double jde;
  double e;
  double sun_anomaly;
  double moon_anomaly;
  double latitude_arg;
  double node;
  double correction = 0.0;
  guint i;

  jde = 2451550.09766 + SYNODIC_MONTH * kd
        + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

  e = 1.0 - 0.002516 * t - 0.0000074 * t2;
  sun_anomaly = 2.5534 + 29.10535670 * kd - 0.0000014 * t2 - 0.00000011 * t3;
  moon_anomaly = 201.5643 + 385.81693528 * kd + 0.0107582 * t2
                 + 0.00001238 * t3 - 0.000000058 * t4;
  latitude_arg = 160.7108 + 390.67050284 * kd - 0.0016118 * t2
                 - 0.00000227 * t3 + 0.000000011 * t4;
  node = 124.7746 - 1.56375588 * kd + 0.0020672 * t2 + 0.00000215 * t3;

  for (i = 0; i < G_N_ELEMENTS (new_moon_terms); i++)
    {
      const NewMoonTerm *term = &new_moon_terms[i];
      double arg = term->m * sun_anomaly
                   + term->m_prime * moon_anomaly
                   + term->f * latitude_arg
                   + term->omega * node;
      double amplitude = term->coefficient;
      int p;

      for (p = 0; p < term->e_power; p++)
        amplitude *= e;

      correction += amplitude * sin_deg (arg);
    }

  for (i = 0; i < G_N_ELEMENTS (planetary_terms); i++)
    {
      double arg = planetary_terms[i].base + planetary_terms[i].per_lunation * kd;

      if (i == 0)
        arg -= 0.009173 * t2;

      correction += planetary_terms[i].amplitude * sin_deg (arg);
    }

  return jde + correction;
}

/* Local (UTC+7) civil day, as a JDN, holding the TT instant @jde */
static int
local_day_of_jde (double jde)
{
  double jd_ut = jde - delta_t_days (jde);

  return (int) floor (jd_ut + VN_UTC_OFFSET_DAYS + 0.5);
}

/* Local civil day on which lunation @k falls */
static int
new_moon_day (int k)
{
  return local_day_of_jde (new_moon_jde (k));
}

/* Lunation number of a mean new moon close to the Julian day @jd */
static int
lunation_near (double jd)
{
  return (int) floor ((jd - 2451550.09766) / SYNODIC_MONTH + 0.5);
}

/* Index (0..11) of the 30° sector the Sun is in at the local midnight
 * that begins the civil day @jdn. A month holds a major solar term iff
 * this index differs between its first day and the first day of the
 * next month. */
static int
solar_sector_at_day_start (int jdn)
{
  double jd_ut = jdn - 0.5 - VN_UTC_OFFSET_DAYS;
  double jde = jd_ut + delta_t_days (jd_ut);

  return (int) (sun_apparent_longitude (jde) / 30.0) % 12;
}

/* TT instant at which the apparent solar longitude reaches @target
 * degrees, searching near the Julian day @guess. */
static double
solar_longitude_instant (double target, double guess)
{
  double jde = guess;
  int i;

  for (i = 0; i < 20; i++)
    {
      double diff = normalize_degrees (target - sun_apparent_longitude (jde) + 180.0) - 180.0;
      double step = diff * TROPICAL_YEAR / 360.0;

      jde += step;
      if (fabs (step) < 1e-7)
        break;
    }

  return jde;
}

/* Lunation that starts month 11 of the December solstice of
 * Gregorian @year: the last new moon whose civil day is on or before the
 * civil day of the solstice. */
static int
month_eleven_lunation (int year)
{
  double guess = mc_jdn_from_ymd (year, 12, 21);
  int solstice_day = local_day_of_jde (solar_longitude_instant (270.0, guess));
  int k = lunation_near (solstice_day - SYNODIC_MONTH / 2.0);

  while (new_moon_day (k + 1) <= solstice_day)
    k++;
  while (new_moon_day (k) > solstice_day)
    k--;

  return k;
}

/* ---------------------------------------------------------------------- */
/* Month table                                                             */
/* ---------------------------------------------------------------------- */

static LunarTable *
lunar_table_build (void)
{
  LunarTable *table = g_new0 (LunarTable, 1);
  int eleven[N_SOLSTICES];
  int first_k;
  int n_lunations;
  g_autofree int *start_days = NULL;
  g_autofree int *sectors = NULL;
  guint n = 0;
  int s;
  int y;

  for (s = 0; s < N_SOLSTICES; s++)
    eleven[s] = month_eleven_lunation (FIRST_SOLSTICE_YEAR + s);

  first_k = eleven[0];
  n_lunations = eleven[N_SOLSTICES - 1] - first_k;

  /* one extra entry: the start of the month after the last one */
  start_days = g_new (int, n_lunations + 1);
  sectors = g_new (int, n_lunations + 1);
  for (s = 0; s <= n_lunations; s++)
    {
      start_days[s] = new_moon_day (first_k + s);
      sectors[s] = solar_sector_at_day_start (start_days[s]);
    }

  table->months = g_new0 (LunarMonth, n_lunations + 1);

  /* Each span runs from month 11 of one solstice to month 11 of the next.
   * Within it, position 0 is month 11 (of the previous lunar year),
   * position 1 month 12, position 2 month 1 of the new lunar year... */
  for (s = 0; s + 1 < N_SOLSTICES; s++)
    {
      int span_first = eleven[s] - first_k;
      int span_len = eleven[s + 1] - eleven[s];
      int new_year = FIRST_SOLSTICE_YEAR + s + 1;
      int leap_pos = -1;
      int pos;

      if (span_len == 13)
        {
          for (pos = 1; pos < span_len; pos++)
            {
              int i = span_first + pos;

              if (sectors[i] == sectors[i + 1])
                {
                  leap_pos = pos;
                  break;
                }
            }
          g_assert (leap_pos > 0);
        }
      else
        {
          g_assert (span_len == 12);
        }

      for (pos = 0; pos < span_len; pos++)
        {
          LunarMonth *m = &table->months[n++];
          int ordinal = (leap_pos > 0 && pos >= leap_pos) ? pos - 1 : pos;
          int number = (10 + ordinal) % 12 + 1;   /* 0 -> 11, 1 -> 12, 2 -> 1 */

          m->start_jdn = start_days[span_first + pos];
          m->number = number;
          m->is_leap = (pos == leap_pos);
          m->lunar_year = number >= 11 ? new_year - 1 : new_year;
        }
    }

  g_assert ((int) n == n_lunations);
  table->months[n].start_jdn = start_days[n_lunations];
  table->n_months = n;
  table->first_jdn = table->months[0].start_jdn;
  table->end_jdn = start_days[n_lunations];

  /* Index of Tết for each lunar year */
  for (y = 0; y < N_LUNAR_YEARS; y++)
    table->tet_index[y] = G_MAXUINT;
  for (s = 0; s < (int) n; s++)
    {
      const LunarMonth *m = &table->months[s];
      int idx = m->lunar_year - MIN_LUNAR_YEAR;

      if (m->number == 1 && !m->is_leap && idx >= 0 && idx < N_LUNAR_YEARS)
        table->tet_index[idx] = s;
    }
  for (y = 0; y < N_LUNAR_YEARS; y++)
    g_assert (table->tet_index[y] != G_MAXUINT);

  return table;
}

static const LunarTable *
lunar_table_get (void)
{
  static const LunarTable *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, lunar_table_build ());

  return table;
}

/* Index in the table of the month holding the civil day @jdn */
static guint
lunar_table_find (const LunarTable *table,
                  int               jdn)
{
  guint lo = 0;
  guint hi = table->n_months;   /* months[hi].start_jdn > jdn */

  g_assert (jdn >= table->first_jdn && jdn < table->end_jdn);

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (table->months[mid].start_jdn <= jdn)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
check_lunar_year (int      lunar_year,
                  GError **error)
{
  if (lunar_year < MIN_LUNAR_YEAR || lunar_year > MAX_LUNAR_YEAR)
    {
      g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_OUT_OF_RANGE,
                   _("Lunar years are supported from %d to %d"),
                   MIN_LUNAR_YEAR, MAX_LUNAR_YEAR);
      return FALSE;
    }

  return TRUE;
}

/* Index of the given month of a lunar year, or -1 with @error set */
static int
lunar_table_month_index (const LunarTable *table,
                         int               lunar_year,
                         int               month,
                         gboolean          leap,
                         GError          **error)
{
  guint first;
  guint last;
  guint i;

  if (!check_lunar_year (lunar_year, error))
    return -1;

  if (month < 1 || month > 12)
    {
      g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_INVALID,
                   _("Invalid lunar month %d"), month);
      return -1;
    }

  first = table->tet_index[lunar_year - MIN_LUNAR_YEAR];
  last = table->tet_index[lunar_year - MIN_LUNAR_YEAR + 1];

  for (i = first; i < last; i++)
    {
      const LunarMonth *m = &table->months[i];

      if (m->number == month && (gboolean) m->is_leap == !!leap)
        return (int) i;
    }

  if (leap)
    g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_INVALID,
                 _("Lunar year %d has no leap month %d"), lunar_year, month);
  else
    g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_INVALID,
                 _("Lunar year %d has no month %d"), lunar_year, month);

  return -1;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */
/* ---------------------------------------------------------------------- */

gboolean
mc_lunar_from_gregorian (int           year,
                         int           month,
                         int           day,
                         McLunarDate  *out,
                         GError      **error)
{
  const LunarTable *table;
  const LunarMonth *m;
  int jdn;
  guint i;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_OUT_OF_RANGE,
                   _("Lunar dates are supported from %d to %d"),
                   MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  if (month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_INVALID,
                   _("Invalid Gregorian date %04d-%02d-%02d"),
                   year, month, day);
      return FALSE;
    }

  table = lunar_table_get ();
  jdn = mc_jdn_from_ymd (year, month, day);
  i = lunar_table_find (table, jdn);
  m = &table->months[i];

  out->day = jdn - m->start_jdn + 1;
  out->month = m->number;
  out->year = m->lunar_year;
  out->leap = m->is_leap ? TRUE : FALSE;

  return TRUE;
}

gboolean
mc_lunar_to_gregorian (const McLunarDate  *lunar,
                       int                *year,
                       int                *month,
                       int                *day,
                       GError            **error)
{
  const LunarTable *table;
  const LunarMonth *m;
  int index;
  int length;
  int jdn;
  int y;

  g_return_val_if_fail (lunar != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = lunar_table_get ();
  index = lunar_table_month_index (table, lunar->year, lunar->month,
                                   lunar->leap, error);
  if (index < 0)
    return FALSE;

  m = &table->months[index];
  length = m[1].start_jdn - m->start_jdn;
  if (lunar->day < 1 || lunar->day > length)
    {
      if (lunar->leap)
        g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_INVALID,
                     _("Leap lunar month %d of %d has no day %d"),
                     lunar->month, lunar->year, lunar->day);
      else
        g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_INVALID,
                     _("Lunar month %d of %d has no day %d"),
                     lunar->month, lunar->year, lunar->day);
      return FALSE;
    }

  jdn = m->start_jdn + lunar->day - 1;
  mc_jdn_to_ymd (jdn, &y, NULL, NULL);
  if (y < MIN_YEAR || y > MAX_YEAR)
    {
      g_set_error (error, MC_LUNAR_ERROR, MC_LUNAR_ERROR_OUT_OF_RANGE,
                   _("Lunar dates are supported from %d to %d"),
                   MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  mc_jdn_to_ymd (jdn, year, month, day);

  return TRUE;
}

char *
mc_lunar_can_chi_year (int lunar_year)
{
  static const char * const stems[10] = {
    "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
  };
  static const char * const branches[12] = {
    "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ",
    "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
  };
  int stem = ((lunar_year + 6) % 10 + 10) % 10;
  int branch = ((lunar_year + 8) % 12 + 12) % 12;

  return g_strdup_printf ("%s %s", stems[stem], branches[branch]);
}

int
mc_lunar_leap_month (int      lunar_year,
                     GError **error)
{
  const LunarTable *table;
  guint first;
  guint last;
  guint i;

  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_lunar_year (lunar_year, error))
    return -1;

  table = lunar_table_get ();
  first = table->tet_index[lunar_year - MIN_LUNAR_YEAR];
  last = table->tet_index[lunar_year - MIN_LUNAR_YEAR + 1];

  for (i = first; i < last; i++)
    {
      if (table->months[i].is_leap)
        return table->months[i].number;
    }

  return 0;
}

int
mc_lunar_month_days (int        lunar_year,
                     int        month,
                     gboolean   leap,
                     GError   **error)
{
  const LunarTable *table;
  int index;

  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  table = lunar_table_get ();
  index = lunar_table_month_index (table, lunar_year, month, leap, error);
  if (index < 0)
    return 0;

  return table->months[index + 1].start_jdn - table->months[index].start_jdn;
}
