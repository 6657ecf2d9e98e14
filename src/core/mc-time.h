/* mc-time.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TIME_ERROR (mc_time_error_quark ())

typedef enum
{
  MC_TIME_ERROR_INVALID,
  MC_TIME_ERROR_OUT_OF_RANGE,
} McTimeError;

/* The desk's calendar runs from 1900 to 2100 (the lunar calendar's range). */
#define MC_TIME_MIN_YEAR 1900
#define MC_TIME_MAX_YEAR 2100

GQuark    mc_time_error_quark        (void);

/* Julian day numbers (proleptic Gregorian, the integer JDN of the day at noon): the one day count of the desk,
 * its calendar and its lunar calendar. */
int       mc_jdn_from_ymd            (int         year,
                                      int         month,
                                      int         day);
void      mc_jdn_to_ymd              (int         jdn,
                                      int        *year,
                                      int        *month,
                                      int        *day);
/* 0 = Sunday … 6 = Saturday */
int       mc_jdn_weekday             (int         jdn);

McMinute  mc_minute_from_jdn         (int         jdn,
                                      int         minute_of_day);
int       mc_minute_jdn              (McMinute    minute);
int       mc_minute_of_day           (McMinute    minute);

gboolean  mc_time_parse              (const char *text,
                                      McMinute   *out,
                                      GError    **error);
gboolean  mc_date_parse              (const char *text,
                                      int        *out_jdn,
                                      GError    **error);
char     *mc_time_format_iso         (McMinute    minute);
char     *mc_time_format_iso_offset  (McMinute    minute);
char     *mc_date_format_iso         (int         jdn);
char     *mc_date_format_short       (int         jdn);
char     *mc_time_format_short       (McMinute    minute);
char     *mc_time_format_vietnamese  (McMinute    minute);
/* An appointment as the desk shows it, with its weekday: "thứ Năm, 26/11/2026 17:00" (the weekday in the user's
 * language); "—" for none. */
char     *mc_time_format_appointment (McMinute    minute);
/* The weekday of a day in the user's language ("thứ Năm"); a static string. */
const char *mc_jdn_weekday_name      (int         jdn);

McMinute  mc_time_now                (void);
char     *mc_time_now_iso_offset     (void);

G_END_DECLS
