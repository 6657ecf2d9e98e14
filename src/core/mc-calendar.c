/* mc-calendar.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "mc-calendar-private.h"
#include "mc-time.h"

G_DEFINE_FINAL_TYPE (McCalendar, mc_calendar, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-calendar-error-quark, mc_calendar_error)

static void
office_day_free (gpointer data)
{
  OfficeDay *day = data;

  g_free (day->label);
  g_free (day);
}

/*
 * Auxiliary methods
 */

static inline gboolean
kind_is_working (McDayKind kind)
{
  return kind == MC_DAY_WORKING || kind == MC_DAY_WORKED_SATURDAY || kind == MC_DAY_OFFICE_WORKDAY;
}

void
_mc_calendar_mark_day (McCalendar *self,
                       int         jdn,
                       McDayKind   kind,
                       gboolean    provisional,
                       const char *name)
{
  int i = jdn - self->base_jdn;

  if (i < 0 || i >= self->n_days)
    return;
  self->days[i] = (guint8) (kind | (provisional ? FLAG_PROVISIONAL : 0));
  if (name != NULL)
    g_hash_table_insert (self->names, GINT_TO_POINTER (jdn), g_strdup (name));
  else
    g_hash_table_remove (self->names, GINT_TO_POINTER (jdn));
}

static void
build_year (McCalendar *self,
            int         year)
{
  int first = mc_jdn_from_ymd (year, 1, 1);
  int last = mc_jdn_from_ymd (year, 12, 31);
  JsonNode *schedule;
  GHashTableIter iter;
  gpointer key, value;

  for (int jdn = first; jdn <= last; jdn++)
    {
      int wd = mc_jdn_weekday (jdn);
      _mc_calendar_mark_day (self, jdn, (wd == 0 || wd == 6) ? MC_DAY_WEEKEND : MC_DAY_WORKING, FALSE, NULL);
    }

  schedule = g_hash_table_lookup (self->schedules, GINT_TO_POINTER (year));
  if (schedule != NULL)
    _mc_calendar_build_official_year (self, json_node_get_object (schedule));
  else
    _mc_calendar_build_statutory_year (self, year);

  g_hash_table_iter_init (&iter, self->office_days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int jdn = GPOINTER_TO_INT (key);
      OfficeDay *day = value;

      if (jdn >= first && jdn <= last)
        _mc_calendar_mark_day (self, jdn, day->kind, FALSE, day->label);
    }
}

static inline void
ensure_year_for_jdn (McCalendar *self,
                     int         jdn)
{
  int year, i;

  mc_jdn_to_ymd (jdn, &year, NULL, NULL);
  i = year - MC_TIME_MIN_YEAR;
  if (i < 0 || i >= N_YEARS)
    return;
  if (g_atomic_int_get (&self->year_ready[i]))
    return;

  g_mutex_lock (&self->build_lock);
  if (!self->year_ready[i])
    {
      build_year (self, year);
      g_atomic_int_set (&self->year_ready[i], 1);
    }
  g_mutex_unlock (&self->build_lock);
}

void
_mc_calendar_invalidate_year (McCalendar *self,
                              int         year)
{
  int i = year - MC_TIME_MIN_YEAR;

  if (i >= 0 && i < N_YEARS)
    g_atomic_int_set (&self->year_ready[i], 0);
}

static inline gboolean
is_working (McCalendar *self,
            int         jdn)
{
  int i = jdn - self->base_jdn;

  if (G_UNLIKELY (i < 0 || i >= self->n_days))
    {
      int wd = mc_jdn_weekday (jdn);
      return wd != 0 && wd != 6;
    }
  ensure_year_for_jdn (self, jdn);
  return kind_is_working ((McDayKind) (self->days[i] & KIND_MASK));
}

/*
 * GObject
 */

static void
mc_calendar_finalize (GObject *object)
{
  McCalendar *self = (McCalendar *) object;

  g_clear_pointer (&self->days, g_free);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->schedules, g_hash_table_unref);
  g_clear_pointer (&self->office_days, g_hash_table_unref);
  g_mutex_clear (&self->build_lock);

  G_OBJECT_CLASS (mc_calendar_parent_class)->finalize (object);
}

static void
mc_calendar_class_init (McCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_calendar_finalize;
}

static void
mc_calendar_init (McCalendar *self)
{
  self->base_jdn = mc_jdn_from_ymd (MC_TIME_MIN_YEAR, 1, 1);
  self->n_days = mc_jdn_from_ymd (MC_TIME_MAX_YEAR, 12, 31) - self->base_jdn + 1;
  self->days = g_new0 (guint8, self->n_days);
  g_mutex_init (&self->build_lock);
  self->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->schedules = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_node_unref);
  self->office_days = g_hash_table_new_full (NULL, NULL, NULL, office_day_free);
  self->hours = (McOfficeHours) { 7 * 60 + 30, 11 * 60 + 30, 13 * 60, 17 * 60, 15 * 60 };
  self->due_soon_days = 1;
}

/*
 * Public API
 */

/**
 * mc_calendar_new:
 *
 * Creates a working calendar with the default office hours and the official schedules that ship with the
 * application (the `holidays/` resources). Years without a schedule follow the statutory rule, marked provisional.
 */
McCalendar *
mc_calendar_new (void)
{
  McCalendar *self = g_object_new (MC_TYPE_CALENDAR, NULL);
  g_auto(GStrv) names = g_resources_enumerate_children ("/io/github/motcua/Desk/data/holidays/",
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/motcua/Desk/data/holidays/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;
      gsize len;
      const char *data;

      if (bytes == NULL)
        continue;
      data = g_bytes_get_data (bytes, &len);
      if (!mc_calendar_load_schedule (self, data, (gssize) len, &error))
        g_critical ("Shipped holiday schedule %s is invalid: %s", names[i], error->message);
    }

  return self;
}

/**
 * mc_calendar_set_office_day:
 * @kind: %MC_DAY_OFFICE_CLOSED, %MC_DAY_OFFICE_WORKDAY, or %MC_DAY_WORKING to remove the office's entry
 *
 * An office-added closure or working day, applied on top of the official or statutory calendar.
 */
void
mc_calendar_set_office_day (McCalendar *self,
                            int         jdn,
                            McDayKind   kind,
                            const char *label)
{
  int year;

  g_return_if_fail (MC_IS_CALENDAR (self));
  g_return_if_fail (kind == MC_DAY_OFFICE_CLOSED || kind == MC_DAY_OFFICE_WORKDAY || kind == MC_DAY_WORKING);

  if (kind == MC_DAY_WORKING)
    g_hash_table_remove (self->office_days, GINT_TO_POINTER (jdn));
  else
    {
      OfficeDay *day = g_new0 (OfficeDay, 1);

      day->kind = kind;
      day->label = g_strdup (label);
      g_hash_table_insert (self->office_days, GINT_TO_POINTER (jdn), day);
    }
  mc_jdn_to_ymd (jdn, &year, NULL, NULL);
  _mc_calendar_invalidate_year (self, year);
}

void
mc_calendar_clear_office_days (McCalendar *self)
{
  g_return_if_fail (MC_IS_CALENDAR (self));

  g_hash_table_remove_all (self->office_days);
  for (int i = 0; i < N_YEARS; i++)
    g_atomic_int_set (&self->year_ready[i], 0);
}

gboolean
mc_calendar_set_hours (McCalendar          *self,
                       const McOfficeHours *hours,
                       GError             **error)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (hours != NULL, FALSE);

  if (!(0 <= hours->morning_open && hours->morning_open < hours->morning_close &&
        hours->morning_close <= hours->afternoon_open && hours->afternoon_open < hours->afternoon_close &&
        hours->afternoon_close <= 24 * 60 && hours->cutoff >= hours->morning_open &&
        hours->cutoff <= hours->afternoon_close))
    {
      g_set_error_literal (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID_HOURS,
                           _("Office hours must run in order: morning opening, morning closing, afternoon "
                             "opening, afternoon closing, with the cut-off time between opening and closing"));
      return FALSE;
    }
  self->hours = *hours;
  return TRUE;
}

const McOfficeHours *
mc_calendar_get_hours (McCalendar *self)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), NULL);
  return &self->hours;
}

void
mc_calendar_set_due_soon_days (McCalendar *self,
                               int         days)
{
  g_return_if_fail (MC_IS_CALENDAR (self));
  self->due_soon_days = CLAMP (days, 0, 30);
}

int
mc_calendar_get_due_soon_days (McCalendar *self)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), 1);
  return self->due_soon_days;
}

void
mc_calendar_get_day (McCalendar *self,
                     int         jdn,
                     McDayInfo  *out)
{
  int i;

  g_return_if_fail (MC_IS_CALENDAR (self));
  g_return_if_fail (out != NULL);

  i = jdn - self->base_jdn;
  if (i < 0 || i >= self->n_days)
    {
      int wd = mc_jdn_weekday (jdn);
      *out = (McDayInfo) { (wd == 0 || wd == 6) ? MC_DAY_WEEKEND : MC_DAY_WORKING, wd != 0 && wd != 6, FALSE, NULL };
      return;
    }
  ensure_year_for_jdn (self, jdn);
  out->kind = (McDayKind) (self->days[i] & KIND_MASK);
  out->working = kind_is_working (out->kind);
  out->provisional = (self->days[i] & FLAG_PROVISIONAL) != 0;
  out->name = g_hash_table_lookup (self->names, GINT_TO_POINTER (jdn));
}

gboolean
mc_calendar_is_working_day (McCalendar *self,
                            int         jdn)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);
  return is_working (self, jdn);
}

/* The first working day strictly after @jdn. */
int
mc_calendar_next_working_day (McCalendar *self,
                              int         jdn)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), jdn);

  do
    jdn++;
  while (!is_working (self, jdn));
  return jdn;
}

/* The @n-th working day after @jdn (the day itself not counted); @jdn for n ≤ 0. */
int
mc_calendar_add_working_days (McCalendar *self,
                              int         jdn,
                              int         n)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), jdn);

  while (n-- > 0)
    jdn = mc_calendar_next_working_day (self, jdn);
  return jdn;
}

/* Moves @t forward to the next moment the office is open (itself when it is open). */
static McMinute
next_open_moment (McCalendar *self,
                  McMinute    t)
{
  const McOfficeHours *h = &self->hours;
  int jdn = mc_minute_jdn (t);
  int mod = mc_minute_of_day (t);

  if (is_working (self, jdn))
    {
      if (mod < h->morning_open)
        return mc_minute_from_jdn (jdn, h->morning_open);
      if (mod < h->morning_close)
        return t;
      if (mod < h->afternoon_open)
        return mc_minute_from_jdn (jdn, h->afternoon_open);
      if (mod < h->afternoon_close)
        return t;
    }
  return mc_minute_from_jdn (mc_calendar_next_working_day (self, jdn), h->morning_open);
}

/**
 * mc_calendar_add_working_minutes:
 *
 * Adds @minutes of office time to @start, skipping lunch, nights and non-working days. When @start is outside
 * office hours, counting begins at the next opening. A result that lands exactly on a closing time stays there
 * (a deadline of 17:00 is 17:00, not the next morning).
 */
McMinute
mc_calendar_add_working_minutes (McCalendar *self,
                                 McMinute    start,
                                 gint64      minutes)
{
  const McOfficeHours *h;
  McMinute t;

  g_return_val_if_fail (MC_IS_CALENDAR (self), start);

  h = &self->hours;
  t = next_open_moment (self, start);
  for (;;)
    {
      int mod = mc_minute_of_day (t);
      int jdn = mc_minute_jdn (t);
      int segment_end = mod < h->morning_close ? h->morning_close : h->afternoon_close;
      gint64 available = segment_end - mod;

      if (minutes <= available)
        return t + minutes;
      minutes -= available;
      t = next_open_moment (self, mc_minute_from_jdn (jdn, segment_end));
    }
}

/* Office minutes in [@from, @to); 0 when @to ≤ @from. */
gint64
mc_calendar_working_minutes_between (McCalendar *self,
                                     McMinute    from,
                                     McMinute    to)
{
  const McOfficeHours *h;
  gint64 total = 0;
  McMinute t;

  g_return_val_if_fail (MC_IS_CALENDAR (self), 0);

  h = &self->hours;
  t = next_open_moment (self, from);
  while (t < to)
    {
      int mod = mc_minute_of_day (t);
      int jdn = mc_minute_jdn (t);
      int segment_end = mod < h->morning_close ? h->morning_close : h->afternoon_close;
      McMinute end = mc_minute_from_jdn (jdn, segment_end);

      total += MIN (end, to) - t;
      t = next_open_moment (self, end);
    }
  return total;
}

/**
 * mc_calendar_start_of_count:
 *
 * The moment the time limit starts to run: the receipt itself on a working day before closing (and before the
 * cut-off when @cutoff applies), otherwise the opening of the next working day.
 */
McMinute
mc_calendar_start_of_count (McCalendar *self,
                            McMinute    received,
                            gboolean    cutoff)
{
  int jdn = mc_minute_jdn (received);
  int mod = mc_minute_of_day (received);
  int limit;

  g_return_val_if_fail (MC_IS_CALENDAR (self), received);

  limit = cutoff ? self->hours.cutoff : self->hours.afternoon_close;
  if (is_working (self, jdn) && mod < limit)
    return received;
  return mc_minute_from_jdn (mc_calendar_next_working_day (self, jdn), self->hours.morning_open);
}

/**
 * mc_calendar_compute_due:
 *
 * The due moment of design.md: `d0` is the day of receipt when it is a working day and the dossier came before
 * the cut-off, otherwise the next working day. Same day: closing time on d0; N working days: closing time on the
 * N-th working day after d0; N working hours: N hours of office time from the receipt.
 */
McMinute
mc_calendar_compute_due (McCalendar *self,
                         McMinute    received,
                         McUnit      unit,
                         int         duration,
                         gboolean    cutoff)
{
  McMinute start;
  int d0;

  g_return_val_if_fail (MC_IS_CALENDAR (self), received);

  start = mc_calendar_start_of_count (self, received, cutoff);
  d0 = mc_minute_jdn (start);

  switch (unit)
    {
    case MC_UNIT_SAME_DAY:
      return mc_minute_from_jdn (d0, self->hours.afternoon_close);
    case MC_UNIT_WORKING_DAYS:
      return mc_minute_from_jdn (mc_calendar_add_working_days (self, d0, duration), self->hours.afternoon_close);
    case MC_UNIT_WORKING_HOURS:
      /* Hours run from the receipt itself; the cut-off only decides which day counts as d0. */
      return mc_calendar_add_working_minutes (self, received, (gint64) MAX (duration, 0) * 60);
    default:
      g_return_val_if_reached (received);
    }
}

/* Open dossiers due before this moment are due soon: due today or within the next due-soon-days working days. */
McMinute
mc_calendar_due_soon_limit (McCalendar *self,
                            McMinute    now)
{
  int last;

  g_return_val_if_fail (MC_IS_CALENDAR (self), now);

  last = mc_calendar_add_working_days (self, mc_minute_jdn (now), self->due_soon_days);
  return mc_minute_from_jdn (last + 1, 0);
}

McDueState
mc_calendar_open_due_state (McCalendar *self,
                            McMinute    due,
                            McMinute    now)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), MC_DUE_STATE_NONE);

  if (due == MC_MINUTE_NONE)
    return MC_DUE_STATE_NONE;
  if (now > due)
    return MC_DUE_STATE_OVERDUE;
  if (due < mc_calendar_due_soon_limit (self, now))
    return MC_DUE_STATE_DUE_SOON;
  return MC_DUE_STATE_ON_TRACK;
}

McDueState
mc_calendar_settled_due_state (McCalendar *self,
                               McMinute    due,
                               McMinute    settled)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), MC_DUE_STATE_NONE);

  if (due == MC_MINUTE_NONE)
    return MC_DUE_STATE_NONE;
  if (settled > due)
    return MC_DUE_STATE_LATE;
  if (mc_minute_jdn (settled) < mc_minute_jdn (due))
    return MC_DUE_STATE_EARLY;
  return MC_DUE_STATE_ON_TIME;
}

/**
 * mc_calendar_skipped_holidays:
 *
 * The names of the weekdays off (holidays, office closures) between @from and @to, each name once, in date
 * order: what moved a deadline, to tell the clerk and the citizen why.
 *
 * Returns: (transfer full) (element-type utf8): the names
 */
GPtrArray *
mc_calendar_skipped_holidays (McCalendar *self,
                              McMinute    from,
                              McMinute    to)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (MC_IS_CALENDAR (self), names);

  for (int jdn = mc_minute_jdn (from); jdn <= mc_minute_jdn (to); jdn++)
    {
      McDayInfo info;
      int wd = mc_jdn_weekday (jdn);
      g_autofree char *base = NULL;
      char *paren;

      mc_calendar_get_day (self, jdn, &info);
      if (info.working || info.name == NULL || wd == 0 || wd == 6)
        continue;
      /* "Tết Nguyên đán (Mùng 1)" and "(Mùng 2)" are one break. */
      base = g_strdup (info.name);
      paren = strstr (base, " (");
      if (paren != NULL)
        *paren = '\0';
      if (g_hash_table_contains (seen, base))
        continue;
      g_hash_table_add (seen, base);
      g_ptr_array_add (names, g_steal_pointer (&base));
    }
  return names;
}
