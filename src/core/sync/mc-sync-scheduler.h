/* mc-sync-scheduler.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mc-store.h"
#include "mc-sync-folder.h"

G_BEGIN_DECLS

#define MC_TYPE_SYNC_SCHEDULER (mc_sync_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (McSyncScheduler, mc_sync_scheduler, MC, SYNC_SCHEDULER, GObject)

McSyncScheduler    *mc_sync_scheduler_new            (McStore         *store);
void                mc_sync_scheduler_reload         (McSyncScheduler *self);
gboolean            mc_sync_scheduler_is_enabled     (McSyncScheduler *self);
gboolean            mc_sync_scheduler_is_running     (McSyncScheduler *self);
void                mc_sync_scheduler_run_now        (McSyncScheduler *self);
void                mc_sync_scheduler_work_done      (McSyncScheduler *self);
void                mc_sync_scheduler_set_idle_delay (McSyncScheduler *self,
                                                      guint            milliseconds);
const McSyncReport *mc_sync_scheduler_get_report     (McSyncScheduler *self);
const GError       *mc_sync_scheduler_get_error      (McSyncScheduler *self);
char               *mc_sync_scheduler_describe       (McSyncScheduler *self);

G_END_DECLS
