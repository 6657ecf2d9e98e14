/* bench-due.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* motcua-bench-due: due-date computations per second on one core (mc_calendar_compute_due over receipts spread
 * over 2024–2027 and the catalogue's units and durations), and the time to compute the due states of a million
 * open dossiers (mc_calendar_open_due_state). Results go to stdout as "RESULT key value unit" lines. */

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "mc-calendar.h"
#include "mc-procedure.h"
#include "mc-time.h"

#define N_INPUTS 1000000
#define N_STATES 1000000

typedef struct
{
  McMinute received;
  McUnit   unit;
  int      duration;
  gboolean cutoff;
} Input;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Receipts as the desk sees them: mostly office hours on any day (weekends and evenings come online). */
static McMinute
random_receipt (GRand *rand,
                int    first_jdn,
                int    n_days)
{
  int jdn = first_jdn + g_rand_int_range (rand, 0, n_days);
  int minute;

  if (g_rand_double (rand) < 0.85)
    minute = g_rand_double (rand) < 0.65 ? g_rand_int_range (rand, 7 * 60 + 30, 11 * 60 + 30)
                                         : g_rand_int_range (rand, 13 * 60, 16 * 60 + 45);
  else
    minute = g_rand_int_range (rand, 0, 24 * 60);
  return mc_minute_from_jdn (jdn, minute);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(McCalendar) calendar = mc_calendar_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) state_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree Input *inputs = g_new (Input, N_INPUTS);
  g_autofree McMinute *dues = g_new (McMinute, N_INPUTS);
  GRand *rand = g_rand_new_with_seed (2026);
  int first = mc_jdn_from_ymd (2024, 1, 1);
  int n_days = mc_jdn_from_ymd (2027, 12, 31) - first + 1;
  McMinute now = mc_minute_from_jdn (mc_jdn_from_ymd (2026, 6, 15), 10 * 60);
  volatile McMinute sink = 0;
  guint counts[MC_DUE_STATE_LATE + 1] = { 0 };
  gint64 t0, total_us = 0;
  guint64 computed = 0;
  const char *data;
  gsize len;

  setlocale (LC_ALL, "");

  bytes = g_resources_lookup_data ("/io/github/motcua/Desk/data/procedures.json", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &error);
  if (bytes == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  data = g_bytes_get_data (bytes, &len);
  catalogue = mc_procedure_parse_catalogue (data, (gssize) len, &error);
  if (catalogue == NULL || catalogue->len == 0)
    {
      g_printerr ("catalogue: %s\n", error ? error->message : "empty");
      return 1;
    }

  for (guint i = 0; i < N_INPUTS; i++)
    {
      McProcedure *p = g_ptr_array_index (catalogue, g_rand_int_range (rand, 0, catalogue->len));

      inputs[i] = (Input) { random_receipt (rand, first, n_days), p->unit, p->duration, p->cutoff };
    }

  /* Warm-up: builds the calendar's years (official schedules, statutory rule) and the caches. */
  for (guint i = 0; i < N_INPUTS; i++)
    dues[i] = mc_calendar_compute_due (calendar, inputs[i].received, inputs[i].unit, inputs[i].duration,
                                       inputs[i].cutoff);

  /* At least one second in rounds of the whole input. */
  while (total_us < 1000000 || rates->len < 3)
    {
      double rate;
      gint64 us;

      t0 = g_get_monotonic_time ();
      for (guint i = 0; i < N_INPUTS; i++)
        sink += mc_calendar_compute_due (calendar, inputs[i].received, inputs[i].unit, inputs[i].duration,
                                         inputs[i].cutoff);
      us = g_get_monotonic_time () - t0;
      total_us += us;
      computed += N_INPUTS;
      rate = N_INPUTS / (us / 1e6);
      g_array_append_val (rates, rate);
    }
  g_printerr ("mc_calendar_compute_due: %" G_GUINT64_FORMAT " computations in %.2f s, median round %.0f/s\n",
              computed, total_us / 1e6, median (rates));
  printf ("RESULT due_per_s %.0f per_s\n", median (rates));

  /* The due state of a million open dossiers at one moment: the list's colouring, the overdue count. */
  for (guint i = 0; i < N_STATES; i++)
    counts[mc_calendar_open_due_state (calendar, dues[i], now)]++;
  for (int round = 0; round < 7; round++)
    {
      double ms;

      t0 = g_get_monotonic_time ();
      for (guint i = 0; i < N_STATES; i++)
        sink += mc_calendar_open_due_state (calendar, dues[i], now);
      ms = (g_get_monotonic_time () - t0) / 1e3;
      g_array_append_val (state_ms, ms);
    }
  g_printerr ("mc_calendar_open_due_state × %d: median %.1f ms (overdue %u, due soon %u, on track %u)\n",
              N_STATES, median (state_ms), counts[MC_DUE_STATE_OVERDUE], counts[MC_DUE_STATE_DUE_SOON],
              counts[MC_DUE_STATE_ON_TRACK]);
  printf ("RESULT due_states_1m_ms %.1f ms\n", median (state_ms));

  g_rand_free (rand);
  return sink == 42 ? 3 : 0;
}
