/* mc-sync-worker.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-sync"

#include "config.h"

#include "mc-accounts.h"
#include "mc-bundle-private.h"

/* The one way the sync's long operations (an import, a pass over the shared folder) leave the caller's main
 * loop: a worker thread on a connection of its own to the same database file, signed in as the caller. An SQLite
 * connection is used by one thread at a time, so the worker never touches the caller's. */

typedef struct
{
  McStore        *worker;  /* used by the worker thread only, and closed there */
  McSyncWork      work;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} WorkerJob;

static void
worker_job_free (WorkerJob *job)
{
  g_clear_object (&job->worker);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WorkerJob *job = task_data;
  GError *error = NULL;
  gpointer result = job->work (job->worker, job->data, cancellable, &error);

  /* Closed by the thread that used it. */
  g_clear_object (&job->worker);
  if (result != NULL)
    g_task_return_pointer (task, result, job->result_free);
  else
    g_task_return_error (task, error);
}

/* Opens a worker connection to @store's database signed in as the person signed in on @store (their name goes on
 * its events and audit lines) and runs @work on it in a thread of @task. @data is @task's for as long as it
 * lives. When the connection cannot be opened, @task returns that error. A cancellation after the work wrote
 * would not undo it, so @task does not check @cancellable itself: @work says what happened. */
void
_mc_sync_run_in_worker (GTask          *task,
                        McStore        *store,
                        McSyncWork      work,
                        gpointer        data,
                        GDestroyNotify  data_free,
                        GDestroyNotify  result_free)
{
  GError *error = NULL;
  WorkerJob *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (MC_IS_STORE (store));
  g_return_if_fail (work != NULL);

  job = g_new0 (WorkerJob, 1);
  job->work = work;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_task_data (task, job, (GDestroyNotify) worker_job_free);
  g_task_set_check_cancellable (task, FALSE);

  job->worker = mc_store_open (mc_store_get_path (store), FALSE, &error);
  if (job->worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  mc_accounts_share_sign_in (store, job->worker);
  g_task_run_in_thread (task, worker_thread);
}
