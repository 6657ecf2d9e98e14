/* mc-stats-units.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The statistics per unit of the office: each step handed on in the period counted for the unit that held it, as
 * early, on time or late by its own deadline, with the working time it took; and what each unit holds at the
 * reference moment, overdue or not. Read from the folded dossiers, whose steps are the one record of the way
 * through the office (mc-dossier-steps.c). */

#define G_LOG_DOMAIN "mc-stats-units"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-calendar.h"
#include "mc-dossier-steps.h"
#include "mc-json-builder.h"
#include "mc-stats-units.h"

#define PAGE 500

void
mc_unit_figures_free (McUnitFigures *self)
{
  if (self == NULL)
    return;
  g_free (self->unit);
  g_free (self);
}

static McUnitFigures *
figures_for (GHashTable *by_unit,
             GPtrArray  *units,
             const char *unit)
{
  McUnitFigures *f = g_hash_table_lookup (by_unit, unit);

  if (f == NULL)
    {
      f = g_new0 (McUnitFigures, 1);
      f->unit = g_strdup (unit);
      g_ptr_array_add (units, f);
      g_hash_table_insert (by_unit, f->unit, f);
    }
  return f;
}

static void
count_dossier (McDossier   *d,
               McCalendar  *calendar,
               McMinute     start,
               McMinute     end,
               McMinute     reference,
               GHashTable  *by_unit,
               GPtrArray   *units)
{
  for (guint i = 0; d->steps != NULL && i < d->steps->len; i++)
    {
      McDossierStep *step = g_ptr_array_index (d->steps, i);
      McUnitFigures *f;

      if (step->unit == NULL)
        continue;
      if (step->handed != MC_MINUTE_NONE && step->handed >= start && step->handed < end)
        {
          f = figures_for (by_unit, units, step->unit);
          f->finished++;
          f->early += step->outcome == MC_DUE_STATE_EARLY;
          f->on_time += step->outcome == MC_DUE_STATE_ON_TIME;
          f->late += step->outcome == MC_DUE_STATE_LATE;
          f->working_minutes += mc_calendar_working_minutes_between (calendar, step->received, step->handed);
        }
      else if (step->handed == MC_MINUTE_NONE && d->status == MC_STATUS_IN_PROGRESS && step->received < reference)
        {
          f = figures_for (by_unit, units, step->unit);
          f->held++;
          f->held_overdue += step->due != MC_MINUTE_NONE && step->due < reference;
        }
    }
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const McUnitFigures *x = *(McUnitFigures **) a;
  const McUnitFigures *y = *(McUnitFigures **) b;

  return g_utf8_collate (x->unit, y->unit);
}

/**
 * mc_stats_per_unit:
 * @now: the reference moment for what the units hold is MIN (@now, the end of the period)
 *
 * Returns: (transfer full) (element-type McUnitFigures): one entry per unit, by name
 */
GPtrArray *
mc_stats_per_unit (McStore   *store,
                   int        from_jdn,
                   int        to_jdn,
                   McMinute   now,
                   GError   **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_unit_figures_free);
  g_autoptr(GHashTable) by_unit = g_hash_table_new (g_str_hash, g_str_equal);
  McCalendar *calendar = mc_store_get_calendar (store);
  McMinute start = mc_minute_from_jdn (from_jdn, 0);
  McMinute end = mc_minute_from_jdn (to_jdn + 1, 0);
  McMinute reference = MIN (now, end);
  McQuery query;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  mc_query_init (&query);
  query.received_to = end;
  query.sort = MC_SORT_RECEIVED_DESC;
  query.limit = PAGE;
  for (query.offset = 0;; query.offset += PAGE)
    {
      g_autoptr(GPtrArray) page = mc_store_query (store, &query, error);

      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len; i++)
        {
          McDossier *row = g_ptr_array_index (page, i);
          g_autoptr(McDossier) d = NULL;

          /* A dossier received before the period and still held, or handed on in it, counts; one settled before the
           * period began has nothing to add. */
          if (row->settled != MC_MINUTE_NONE && row->settled < start)
            continue;
          d = mc_store_get_dossier (store, row->uuid, error);
          if (d == NULL)
            return NULL;
          count_dossier (d, calendar, start, end, reference, by_unit, units);
        }
      if (page->len < PAGE)
        break;
    }
  g_ptr_array_sort (units, compare_units);
  return g_steal_pointer (&units);
}

/* The share (0 to 1) of the steps handed on in time; negative when the unit handed none on. */
double
mc_unit_figures_on_time_rate (const McUnitFigures *self)
{
  g_return_val_if_fail (self != NULL, -1);

  if (self->finished == 0)
    return -1;
  return (double) (self->early + self->on_time) / self->finished;
}

/* "per_unit": [{"unit", "steps", "early", "on_time", "late", "on_time_rate", "average_working_hours", "held",
 * "held_overdue"}] (docs/cli.md) */
void
mc_stats_per_unit_to_json (GPtrArray   *units,
                           JsonBuilder *builder)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < units->len; i++)
    {
      McUnitFigures *f = g_ptr_array_index (units, i);
      double rate = mc_unit_figures_on_time_rate (f);

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "unit", f->unit);
      mc_json_add_int (builder, "steps", f->finished);
      mc_json_add_int (builder, "early", f->early);
      mc_json_add_int (builder, "on_time", f->on_time);
      mc_json_add_int (builder, "late", f->late);
      json_builder_set_member_name (builder, "on_time_rate");
      if (rate < 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, rate);
      json_builder_set_member_name (builder, "average_working_hours");
      if (f->finished == 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, f->working_minutes / 60.0 / f->finished);
      mc_json_add_int (builder, "held", f->held);
      mc_json_add_int (builder, "held_overdue", f->held_overdue);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}
