/* mc-time.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-time"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "mc-time.h"

/* JDN of 1970-01-01, the origin of McMinute. */
#define EPOCH_JDN 2440588
/* Vietnam's offset from UTC, in minutes. */
#define LOCAL_OFFSET_MINUTES (7 * 60)

G_DEFINE_QUARK (mc-time-error-quark, mc_time_error)

int
mc_jdn_from_ymd (int year,
                 int month,
                 int day)
{
  /* Fliegel & Van Flandern, proleptic Gregorian: the year starts in March, so that February comes last */
  int a = (14 - month) / 12;
  int y = year + 4800 - a;
  int m = month + 12 * a - 3;

  return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

void
mc_jdn_to_ymd (int  jdn,
               int *year,
               int *month,
               int *day)
{
  int a = jdn + 32044;
  int b = (4 * a + 3) / 146097;
  int c = a - 146097 * b / 4;
  int d = (4 * c + 3) / 1461;
  int e = c - 1461 * d / 4;
  int m = (5 * e + 2) / 153;

  if (day)
    *day = e - (153 * m + 2) / 5 + 1;
  if (month)
    *month = m + 3 - 12 * (m / 10);
  if (year)
    *year = 100 * b + d - 4800 + m / 10;
}

int
mc_jdn_weekday (int jdn)
{
  return (jdn + 1) % 7;
}

McMinute
mc_minute_from_jdn (int jdn,
                    int minute_of_day)
{
  return ((McMinute) jdn - EPOCH_JDN) * 1440 + minute_of_day;
}

int
mc_minute_jdn (McMinute minute)
{
  McMinute days = minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440);
  return (int) (days + EPOCH_JDN);
}

int
mc_minute_of_day (McMinute minute)
{
  int r = (int) (minute % 1440);
  return r < 0 ? r + 1440 : r;
}

static gboolean
valid_ymd (int year,
           int month,
           int day)
{
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static gboolean
range_check (int      year,
             GError **error)
{
  if (year < MC_TIME_MIN_YEAR || year > MC_TIME_MAX_YEAR)
    {
      g_set_error (error, MC_TIME_ERROR, MC_TIME_ERROR_OUT_OF_RANGE,
                   _("Dates must be between %d and %d"), MC_TIME_MIN_YEAR, MC_TIME_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

/* "DDDD-DD-DD" shapes only: sscanf alone would take signs and spaces. */
static gboolean
matches_shape (const char *text,
               const char *shape)
{
  for (; *shape; shape++, text++)
    {
      if (*shape == 'D' ? !g_ascii_isdigit (*text) : *text != *shape)
        return FALSE;
    }
  return TRUE;
}

gboolean
mc_date_parse (const char *text,
               int        *out_jdn,
               GError    **error)
{
  int y, m, d, n = 0;

  if (text == NULL || !matches_shape (text, "DDDD-DD-DD") ||
      sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
      (size_t) n != strlen (text) || n != 10 || !valid_ymd (y, m, d))
    {
      g_set_error (error, MC_TIME_ERROR, MC_TIME_ERROR_INVALID,
                   _("“%s” is not a valid date; write it as YYYY-MM-DD"), text ? text : "");
      return FALSE;
    }
  if (!range_check (y, error))
    return FALSE;
  *out_jdn = mc_jdn_from_ymd (y, m, d);
  return TRUE;
}

gboolean
mc_time_parse (const char *text,
               McMinute   *out,
               GError    **error)
{
  int y, m, d, hh = 0, mm = 0, ss = 0, n = 0;
  const char *rest;
  int offset = LOCAL_OFFSET_MINUTES;

  if (text == NULL || !matches_shape (text, "DDDD-DD-DD"))
    goto invalid;
  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
    goto invalid;
  rest = text + n;
  if (*rest == 'T' || *rest == ' ')
    {
      int k = 0;

      rest++;
      if (!matches_shape (rest, "DD:DD") || sscanf (rest, "%2d:%2d%n", &hh, &mm, &k) != 2 || k != 5)
        goto invalid;
      rest += k;
      if (*rest == ':')
        {
          if (!matches_shape (rest, ":DD") || sscanf (rest, ":%2d%n", &ss, &k) != 1 || k != 3)
            goto invalid;
          rest += k;
          if (*rest == '.')
            {
              rest++;
              while (g_ascii_isdigit (*rest))
                rest++;
            }
        }
      if (*rest == 'Z')
        {
          offset = 0;
          rest++;
        }
      else if (*rest == '+' || *rest == '-')
        {
          int oh, om;
          int sign = *rest == '-' ? -1 : 1;

          if (!matches_shape (rest + 1, "DD:DD") || sscanf (rest + 1, "%2d:%2d%n", &oh, &om, &k) != 2 || k != 5 ||
              oh > 14 || om > 59)
            goto invalid;
          offset = sign * (oh * 60 + om);
          rest += 1 + k;
        }
    }
  if (*rest != '\0' || !valid_ymd (y, m, d) || hh > 23 || mm > 59 || ss > 60 || hh < 0 || mm < 0)
    goto invalid;
  if (!range_check (y, error))
    return FALSE;

  *out = mc_minute_from_jdn (mc_jdn_from_ymd (y, m, d), hh * 60 + mm) - offset + LOCAL_OFFSET_MINUTES;
  return TRUE;

invalid:
  g_set_error (error, MC_TIME_ERROR, MC_TIME_ERROR_INVALID,
               _("“%s” is not a valid time; write it as YYYY-MM-DDTHH:MM, for example 2026-11-23T09:10"),
               text ? text : "");
  return FALSE;
}

char *
mc_time_format_iso (McMinute minute)
{
  int y, m, d, mod = mc_minute_of_day (minute);

  mc_jdn_to_ymd (mc_minute_jdn (minute), &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", y, m, d, mod / 60, mod % 60);
}

char *
mc_time_format_iso_offset (McMinute minute)
{
  g_autofree char *base = mc_time_format_iso (minute);
  return g_strconcat (base, ":00+07:00", NULL);
}

char *
mc_date_format_iso (int jdn)
{
  int y, m, d;

  mc_jdn_to_ymd (jdn, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
mc_date_format_short (int jdn)
{
  int y, m, d;

  mc_jdn_to_ymd (jdn, &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

/* "23/11/2026 09:10", as the desk and the command line show a moment; "—" for none. */
char *
mc_time_format_short (McMinute minute)
{
  int y, m, d, mod;

  if (minute == MC_MINUTE_NONE)
    return g_strdup ("—");
  mod = mc_minute_of_day (minute);
  mc_jdn_to_ymd (mc_minute_jdn (minute), &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%04d %02d:%02d", d, m, y, mod / 60, mod % 60);
}

/* As printed on the appointment slip, whatever the UI language: the form is a legal document in Vietnamese.
 * Nghị định 30/2020: days below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02", "tháng 3"). */
char *
mc_time_format_vietnamese (McMinute minute)
{
  int y, m, d, mod = mc_minute_of_day (minute);

  mc_jdn_to_ymd (mc_minute_jdn (minute), &y, &m, &d);
  return g_strdup_printf (m < 3 ? "%02d giờ %02d phút, ngày %02d tháng %02d năm %04d"
                                : "%02d giờ %02d phút, ngày %02d tháng %d năm %04d",
                          mod / 60, mod % 60, d, m, y);
}

const char *
mc_jdn_weekday_name (int jdn)
{
  static const char * const names[] = {
    NC_("weekday", "Sunday"), NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[mc_jdn_weekday (jdn)]);
}

char *
mc_time_format_appointment (McMinute minute)
{
  int y, m, d, mod;

  if (minute == MC_MINUTE_NONE)
    return g_strdup ("—");
  mod = mc_minute_of_day (minute);
  mc_jdn_to_ymd (mc_minute_jdn (minute), &y, &m, &d);
  /* Translators: an appointment: the weekday, then dd/mm/yyyy hh:mm */
  return g_strdup_printf (_("%s, %02d/%02d/%04d %02d:%02d"), mc_jdn_weekday_name (mc_minute_jdn (minute)), d, m, y,
                          mod / 60, mod % 60);
}

McMinute
mc_time_now (void)
{
  const char *fixed = g_getenv ("MOTCUA_NOW");
  McMinute now;

  if (fixed != NULL && *fixed != '\0' && mc_time_parse (fixed, &now, NULL))
    return now;

  return g_get_real_time () / G_USEC_PER_SEC / 60 + LOCAL_OFFSET_MINUTES;
}

char *
mc_time_now_iso_offset (void)
{
  const char *fixed = g_getenv ("MOTCUA_NOW");
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (fixed != NULL && *fixed != '\0')
    return mc_time_format_iso_offset (mc_time_now ());

  tz = g_time_zone_new_offset (LOCAL_OFFSET_MINUTES * 60);
  dt = g_date_time_new_now (tz);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}
