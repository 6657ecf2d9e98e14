/* mc-calendar-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the calendar's files share (mc-calendar.c, mc-calendar-holidays.c). For them only. */

#pragma once

#include <json-glib/json-glib.h>

#include "mc-calendar.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* One byte per day from 1900-01-01 to 2100-12-31: the kind in the low bits, flags above. */
#define KIND_MASK       0x07
#define FLAG_PROVISIONAL 0x08
#define N_YEARS (MC_TIME_MAX_YEAR - MC_TIME_MIN_YEAR + 1)

typedef struct
{
  McDayKind kind;
  char     *label;
} OfficeDay;

struct _McCalendar
{
  GObject        parent_instance;

  int            base_jdn;
  int            n_days;
  guint8        *days;
  int            year_ready[N_YEARS];
  GMutex         build_lock;

  GHashTable    *names;        /* jdn → holiday name (owned) */
  GHashTable    *schedules;    /* year → JsonNode of the official schedule */
  GHashTable    *office_days;  /* jdn → OfficeDay */

  McOfficeHours  hours;
  int            due_soon_days;
};

static inline McDayKind
_mc_calendar_raw_kind (McCalendar *self,
                       int         jdn)
{
  return (McDayKind) (self->days[jdn - self->base_jdn] & KIND_MASK);
}

void _mc_calendar_mark_day             (McCalendar *self,
                                        int         jdn,
                                        McDayKind   kind,
                                        gboolean    provisional,
                                        const char *name);
void _mc_calendar_invalidate_year      (McCalendar *self,
                                        int         year);
void _mc_calendar_build_statutory_year (McCalendar *self,
                                        int         year);
void _mc_calendar_build_official_year  (McCalendar *self,
                                        JsonObject *schedule);

G_END_DECLS
