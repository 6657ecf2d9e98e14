/* test-clock.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "mc-clock.h"
#include "mc-time.h"

static void
count_cb (McClock *clock,
          guint   *counter)
{
  (*counter)++;
}

/* The clock reports a new minute and, at midnight (or after a weekend asleep), a new day; nothing when the time
 * did not move. MOTCUA_NOW stands in for the wall clock. */
static void
test_clock_boundaries (void)
{
  g_autoptr(McClock) clock = NULL;
  guint minutes = 0, days = 0;

  g_setenv ("MOTCUA_NOW", "2026-02-13T23:58", TRUE);
  clock = mc_clock_new ();
  g_signal_connect (clock, "minute-changed", G_CALLBACK (count_cb), &minutes);
  g_signal_connect (clock, "day-changed", G_CALLBACK (count_cb), &days);

  mc_clock_tick (clock);
  g_assert_cmpuint (minutes, ==, 0);
  g_assert_cmpuint (days, ==, 0);

  g_setenv ("MOTCUA_NOW", "2026-02-13T23:59", TRUE);
  mc_clock_tick (clock);
  g_assert_cmpuint (minutes, ==, 1);
  g_assert_cmpuint (days, ==, 0);

  g_setenv ("MOTCUA_NOW", "2026-02-14T00:00", TRUE);
  mc_clock_tick (clock);
  g_assert_cmpuint (minutes, ==, 2);
  g_assert_cmpuint (days, ==, 1);

  /* A machine that slept through the Tết break: one look, one day change. */
  g_setenv ("MOTCUA_NOW", "2026-02-23T07:31", TRUE);
  mc_clock_tick (clock);
  g_assert_cmpuint (minutes, ==, 3);
  g_assert_cmpuint (days, ==, 2);
  g_assert_cmpint (mc_clock_get_now (clock), ==, mc_minute_from_jdn (mc_jdn_from_ymd (2026, 2, 23), 7 * 60 + 31));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clock/boundaries", test_clock_boundaries);
  return g_test_run ();
}
