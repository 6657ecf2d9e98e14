/* mc-sync-scheduler.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-sync-scheduler.h"
#include "mc-time.h"

/* When the desk runs a sync pass through its folder: once when started, every few minutes (a local setting), on
 * demand, and a little while after work when the clerk pauses. Each pass runs in a worker thread on a
 * connection of its own; one at a time (a request meanwhile runs one more pass after it). */

#define IDLE_DELAY_MS 30000

struct _McSyncScheduler
{
  GObject       parent_instance;

  McStore      *store;
  char         *folder;       /* %NULL: live sync not set up on this workstation */
  guint         minutes;
  guint         timer_id;
  guint         idle_id;
  guint         idle_delay;
  gboolean      running;
  gboolean      again;        /* asked for while running */
  GCancellable *cancellable;
  McSyncReport *report;       /* the last pass's, or %NULL */
  GError       *error;        /* the last pass could not run */
  char         *finished_at;  /* ISO 8601, the last pass's end */
};

G_DEFINE_FINAL_TYPE (McSyncScheduler, mc_sync_scheduler, G_TYPE_OBJECT)

enum
{
  PASS_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mc_sync_scheduler_dispose (GObject *object)
{
  McSyncScheduler *self = MC_SYNC_SCHEDULER (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  /* Disposed while a pass runs (the pass holds a reference): no more passes. */
  g_clear_pointer (&self->folder, g_free);
  G_OBJECT_CLASS (mc_sync_scheduler_parent_class)->dispose (object);
}

static void
mc_sync_scheduler_finalize (GObject *object)
{
  McSyncScheduler *self = MC_SYNC_SCHEDULER (object);

  g_clear_pointer (&self->report, mc_sync_report_free);
  g_clear_error (&self->error);
  g_free (self->finished_at);
  G_OBJECT_CLASS (mc_sync_scheduler_parent_class)->finalize (object);
}

static void
mc_sync_scheduler_class_init (McSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_sync_scheduler_dispose;
  object_class->finalize = mc_sync_scheduler_finalize;

  /**
   * McSyncScheduler::pass-done:
   *
   * A pass ended (or could not run): mc_sync_scheduler_get_report() or mc_sync_scheduler_get_error() says how.
   */
  signals[PASS_DONE] = g_signal_new ("pass-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                     NULL, G_TYPE_NONE, 0);
}

static void
mc_sync_scheduler_init (McSyncScheduler *self)
{
  self->idle_delay = IDLE_DELAY_MS;
  self->cancellable = g_cancellable_new ();
}

McSyncScheduler *
mc_sync_scheduler_new (McStore *store)
{
  McSyncScheduler *self;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  self = g_object_new (MC_TYPE_SYNC_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void start_pass (McSyncScheduler *self);

static void
pass_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(McSyncScheduler) self = user_data;
  GError *error = NULL;
  McSyncReport *report = mc_sync_folder_pass_finish (MC_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    {
      g_clear_error (&error);
      mc_sync_report_free (report);
      return;
    }
  self->running = FALSE;
  g_clear_pointer (&self->report, mc_sync_report_free);
  g_clear_error (&self->error);
  self->report = report;
  self->error = error;
  g_free (self->finished_at);
  self->finished_at = mc_time_now_iso_offset ();
  g_signal_emit (self, signals[PASS_DONE], 0);
  if (self->again)
    {
      self->again = FALSE;
      start_pass (self);
    }
}

static void
start_pass (McSyncScheduler *self)
{
  if (self->folder == NULL)
    return;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  self->running = TRUE;
  mc_sync_folder_pass_async (self->store, self->folder, self->cancellable, pass_done_cb, g_object_ref (self));
}

static gboolean
timer_cb (gpointer user_data)
{
  start_pass (user_data);
  return G_SOURCE_CONTINUE;
}

/* The seconds between periodic passes: the setting's minutes, or MOTCUA_SYNC_SECONDS (1 to 3600), for the tests
 * only, which cannot wait minutes for the timer. */
static guint
interval_seconds (guint minutes)
{
  const char *env = g_getenv ("MOTCUA_SYNC_SECONDS");
  guint64 seconds;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 3600, &seconds, NULL))
    return (guint) seconds;
  return minutes * 60;
}

/**
 * mc_sync_scheduler_reload:
 *
 * Reads the sync folder and the minutes between passes from the local settings, restarts the timer, and runs a
 * pass now when a folder is set (the pass on start, or on a new folder).
 */
void
mc_sync_scheduler_reload (McSyncScheduler *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *minutes = NULL;
  guint64 value = MC_SYNC_DEFAULT_MINUTES;

  g_return_if_fail (MC_IS_SYNC_SCHEDULER (self));

  folder = mc_store_get_local (self->store, MC_SYNC_SETTING_FOLDER);
  minutes = mc_store_get_local (self->store, MC_SYNC_SETTING_MINUTES);
  if (minutes != NULL && !g_ascii_string_to_unsigned (minutes, 10, 1, 24 * 60, &value, NULL))
    value = MC_SYNC_DEFAULT_MINUTES;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_pointer (&self->folder, g_free);
  self->minutes = (guint) value;
  if (folder == NULL || *folder == '\0')
    return;
  self->folder = g_steal_pointer (&folder);
  self->timer_id = g_timeout_add_seconds (interval_seconds (self->minutes), timer_cb, self);
  start_pass (self);
}

gboolean
mc_sync_scheduler_is_enabled (McSyncScheduler *self)
{
  g_return_val_if_fail (MC_IS_SYNC_SCHEDULER (self), FALSE);
  return self->folder != NULL;
}

gboolean
mc_sync_scheduler_is_running (McSyncScheduler *self)
{
  g_return_val_if_fail (MC_IS_SYNC_SCHEDULER (self), FALSE);
  return self->running;
}

/* On demand. */
void
mc_sync_scheduler_run_now (McSyncScheduler *self)
{
  g_return_if_fail (MC_IS_SYNC_SCHEDULER (self));
  start_pass (self);
}

static gboolean
idle_cb (gpointer user_data)
{
  McSyncScheduler *self = user_data;

  self->idle_id = 0;
  start_pass (self);
  return G_SOURCE_REMOVE;
}

/**
 * mc_sync_scheduler_work_done:
 *
 * The clerk saved something: a pass runs once they have paused for a while (each call starts the wait again), so
 * the other workstations see it within minutes without a pass after every keystroke.
 */
void
mc_sync_scheduler_work_done (McSyncScheduler *self)
{
  g_return_if_fail (MC_IS_SYNC_SCHEDULER (self));
  if (self->folder == NULL)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->idle_id = g_timeout_add (self->idle_delay, idle_cb, self);
}

void
mc_sync_scheduler_set_idle_delay (McSyncScheduler *self,
                                  guint            milliseconds)
{
  g_return_if_fail (MC_IS_SYNC_SCHEDULER (self));
  self->idle_delay = milliseconds;
}

const McSyncReport *
mc_sync_scheduler_get_report (McSyncScheduler *self)
{
  g_return_val_if_fail (MC_IS_SYNC_SCHEDULER (self), NULL);
  return self->report;
}

const GError *
mc_sync_scheduler_get_error (McSyncScheduler *self)
{
  g_return_val_if_fail (MC_IS_SYNC_SCHEDULER (self), NULL);
  return self->error;
}

/* "14:05" of an ISO 8601 time. */
static char *
clock_of (const char *iso)
{
  return iso != NULL && strlen (iso) >= 16 ? g_strndup (iso + 11, 5) : g_strdup ("?");
}

/**
 * mc_sync_scheduler_describe:
 *
 * The state for the header: the last pass, the files waiting, or the problem and what to do.
 *
 * Returns: (transfer full) (nullable): %NULL when live sync is not set up
 */
char *
mc_sync_scheduler_describe (McSyncScheduler *self)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (MC_IS_SYNC_SCHEDULER (self), NULL);

  if (self->folder == NULL)
    return NULL;
  if (self->running && self->report == NULL && self->error == NULL)
    return g_strdup (_("Sync folder: syncing…"));
  if (self->error != NULL)
    /* Translators: header status; the problem says what to do */
    return g_strdup_printf (_("Sync folder: %s"), self->error->message);
  when = clock_of (self->finished_at);
  if (self->report != NULL && self->report->n_waiting > 0)
    /* Translators: header status: the time of the last pass, then how many files wait */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sync folder: last pass %s · %u file waiting",
                                         "Sync folder: last pass %s · %u files waiting", self->report->n_waiting),
                            when, self->report->n_waiting);
  /* Translators: header status: the time of the last pass */
  return g_strdup_printf (_("Sync folder: last pass %s"), when);
}
