/* mc-calendar.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TYPE_CALENDAR (mc_calendar_get_type ())
G_DECLARE_FINAL_TYPE (McCalendar, mc_calendar, MC, CALENDAR, GObject)

#define MC_CALENDAR_ERROR (mc_calendar_error_quark ())

typedef enum
{
  MC_CALENDAR_ERROR_INVALID_DATA,
  MC_CALENDAR_ERROR_INVALID_HOURS,
} McCalendarError;

typedef enum
{
  MC_DAY_WORKING,
  MC_DAY_WEEKEND,
  MC_DAY_HOLIDAY,          /* statutory holiday, its compensatory day, or a day off of the official schedule */
  MC_DAY_WORKED_SATURDAY,  /* a Saturday the official schedule makes a working day */
  MC_DAY_OFFICE_CLOSED,    /* a closure the office added */
  MC_DAY_OFFICE_WORKDAY,   /* a working day the office added */
} McDayKind;

typedef struct
{
  McDayKind   kind;
  gboolean    working;
  gboolean    provisional;  /* computed from the statutory rule: no official schedule for that year yet */
  const char *name;         /* holiday or make-up day name, NULL for ordinary days; owned by the calendar */
} McDayInfo;

/* Office hours, in minutes after midnight. */
typedef struct
{
  int morning_open;
  int morning_close;
  int afternoon_open;
  int afternoon_close;
  int cutoff;
} McOfficeHours;

GQuark       mc_calendar_error_quark            (void);

McCalendar  *mc_calendar_new                    (void);
gboolean     mc_calendar_load_schedule          (McCalendar          *self,
                                                 const char          *json,
                                                 gssize               length,
                                                 GError             **error);
gboolean     mc_calendar_has_schedule           (McCalendar          *self,
                                                 int                  year);
void         mc_calendar_set_office_day         (McCalendar          *self,
                                                 int                  jdn,
                                                 McDayKind            kind,
                                                 const char          *label);
void         mc_calendar_clear_office_days      (McCalendar          *self);
gboolean     mc_calendar_set_hours              (McCalendar          *self,
                                                 const McOfficeHours *hours,
                                                 GError             **error);
const McOfficeHours *
             mc_calendar_get_hours              (McCalendar          *self);
void         mc_calendar_set_due_soon_days      (McCalendar          *self,
                                                 int                  days);
int          mc_calendar_get_due_soon_days      (McCalendar          *self);

void         mc_calendar_get_day                (McCalendar          *self,
                                                 int                  jdn,
                                                 McDayInfo           *out);
gboolean     mc_calendar_is_working_day         (McCalendar          *self,
                                                 int                  jdn);
int          mc_calendar_next_working_day       (McCalendar          *self,
                                                 int                  jdn);
int          mc_calendar_add_working_days       (McCalendar          *self,
                                                 int                  jdn,
                                                 int                  n);
McMinute     mc_calendar_add_working_minutes    (McCalendar          *self,
                                                 McMinute             start,
                                                 gint64               minutes);
gint64       mc_calendar_working_minutes_between (McCalendar         *self,
                                                  McMinute            from,
                                                  McMinute            to);
McMinute     mc_calendar_start_of_count         (McCalendar          *self,
                                                 McMinute             received,
                                                 gboolean             cutoff);
McMinute     mc_calendar_compute_due            (McCalendar          *self,
                                                 McMinute             received,
                                                 McUnit               unit,
                                                 int                  duration,
                                                 gboolean             cutoff);
McMinute     mc_calendar_due_soon_limit         (McCalendar          *self,
                                                 McMinute             now);
McDueState   mc_calendar_open_due_state         (McCalendar          *self,
                                                 McMinute             due,
                                                 McMinute             now);
McDueState   mc_calendar_settled_due_state      (McCalendar          *self,
                                                 McMinute             due,
                                                 McMinute             settled);
GPtrArray   *mc_calendar_skipped_holidays       (McCalendar          *self,
                                                 McMinute             from,
                                                 McMinute             to);

G_END_DECLS
