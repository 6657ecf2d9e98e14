/* mc-lunar.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * McLunarDate:
 * @day: day of the lunar month, 1..30
 * @month: lunar month, 1..12
 * @year: lunar year number, e.g. 2026 for Bính Ngọ (the lunar year whose
 *   Tết falls in that Gregorian year)
 * @leap: %TRUE in a leap (nhuận) month
 *
 * A date of the Vietnamese lunisolar calendar (UTC+7).
 */
typedef struct
{
  int      day;    /* 1..30 */
  int      month;  /* 1..12 */
  int      year;   /* lunar year number, e.g. 2026 for Bính Ngọ */
  gboolean leap;   /* TRUE in a leap (nhuận) month */
} McLunarDate;

#define MC_LUNAR_ERROR (mc_lunar_error_quark ())

typedef enum
{
  MC_LUNAR_ERROR_OUT_OF_RANGE,
  MC_LUNAR_ERROR_INVALID,
} McLunarError;

GQuark   mc_lunar_error_quark        (void);

/* Gregorian -> lunar. Returns FALSE with MC_LUNAR_ERROR_OUT_OF_RANGE outside
 * 1900-01-01 .. 2100-12-31, MC_LUNAR_ERROR_INVALID for a non-existent
 * Gregorian date. */
gboolean mc_lunar_from_gregorian     (int                year,
                                      int                month,
                                      int                day,
                                      McLunarDate       *out,
                                      GError           **error);

/* Lunar -> Gregorian. Returns FALSE with MC_LUNAR_ERROR_INVALID if that lunar
 * date does not exist (e.g. day 30 of a 29-day month, leap=TRUE for a month
 * that is not the leap month), MC_LUNAR_ERROR_OUT_OF_RANGE if it falls
 * outside 1900-01-01 .. 2100-12-31. */
gboolean mc_lunar_to_gregorian       (const McLunarDate *lunar,
                                      int               *year,
                                      int               *month,
                                      int               *day,
                                      GError           **error);

/* Sexagenary name of a lunar year, e.g. "Bính Ngọ" for 2026.
 * Returns newly allocated UTF-8; free with g_free(). */
char    *mc_lunar_can_chi_year       (int                lunar_year);

/* Leap month of a lunar year (1..12), 0 if none, -1 on error.
 * Lunar years 1899..2100 are supported. */
int      mc_lunar_leap_month         (int                lunar_year,
                                      GError           **error);

/* Number of days (29 or 30) of a lunar month, 0 on error. */
int      mc_lunar_month_days         (int                lunar_year,
                                      int                month,
                                      gboolean           leap,
                                      GError           **error);

G_END_DECLS
