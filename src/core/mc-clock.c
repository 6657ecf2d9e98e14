/* mc-clock.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-clock"

#include "config.h"

#include <gio/gio.h>

#include "mc-clock.h"
#include "mc-time.h"

/* Wall-clock boundaries for the views: "minute-changed" on every minute and "day-changed" at midnight, re-armed
 * each minute and after the machine resumes from sleep (logind's PrepareForSleep), so that a window left open
 * over a weekend shows Monday's due states on Monday morning. */
struct _McClock
{
  GObject          parent_instance;

  McMinute         last;
  guint            timeout_id;
  GDBusConnection *system_bus;
  guint            sleep_subscription;
};

G_DEFINE_FINAL_TYPE (McClock, mc_clock, G_TYPE_OBJECT)

enum {
  MINUTE_CHANGED,
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule (McClock *self);

static gboolean
timeout_cb (gpointer user_data)
{
  McClock *self = user_data;

  self->timeout_id = 0;
  mc_clock_tick (self);
  schedule (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (McClock *self)
{
  gint64 seconds = (g_get_real_time () / G_USEC_PER_SEC) % 60;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds ((guint) (60 - seconds), timeout_cb, self);
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *object_path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  McClock *self = user_data;
  gboolean going_to_sleep = FALSE;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    {
      /* Timers do not count the time asleep: look at the clock now and re-arm. */
      mc_clock_tick (self);
      schedule (self);
    }
}

static void
bus_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(McClock) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);

  /* No system bus (a test machine, a container): the minute timer alone keeps the clock right. */
  if (bus == NULL)
    return;
  self->system_bus = bus;
  self->sleep_subscription = g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1",
                                                                 "org.freedesktop.login1.Manager",
                                                                 "PrepareForSleep", "/org/freedesktop/login1",
                                                                 NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                                 prepare_for_sleep_cb, self, NULL);
}

static void
mc_clock_dispose (GObject *object)
{
  McClock *self = MC_CLOCK (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->system_bus != NULL && self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (mc_clock_parent_class)->dispose (object);
}

static void
mc_clock_class_init (McClockClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_clock_dispose;

  signals[MINUTE_CHANGED] = g_signal_new ("minute-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DAY_CHANGED] = g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_clock_init (McClock *self)
{
  self->last = mc_time_now ();
}

McClock *
mc_clock_new (void)
{
  McClock *self = g_object_new (MC_TYPE_CLOCK, NULL);

  schedule (self);
  g_bus_get (G_BUS_TYPE_SYSTEM, NULL, bus_ready_cb, g_object_ref (self));
  return self;
}

McMinute
mc_clock_get_now (McClock *self)
{
  g_return_val_if_fail (MC_IS_CLOCK (self), 0);
  return self->last;
}

/**
 * mc_clock_tick:
 *
 * Looks at the time (mc_time_now(), which honours MOTCUA_NOW) and emits what changed since the last look:
 * "minute-changed", and "day-changed" first when the date moved.
 */
void
mc_clock_tick (McClock *self)
{
  McMinute now;
  gboolean new_day, new_minute;

  g_return_if_fail (MC_IS_CLOCK (self));

  now = mc_time_now ();
  new_day = mc_minute_jdn (now) != mc_minute_jdn (self->last);
  new_minute = now != self->last;
  self->last = now;
  if (new_day)
    g_signal_emit (self, signals[DAY_CHANGED], 0);
  if (new_minute)
    g_signal_emit (self, signals[MINUTE_CHANGED], 0);
}
