/* mc-window-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the main window's files share: the window (mc-window.c) and its sync with the other workstations
 * (mc-window-sync.c). */

#pragma once

#include "mc-alerts-page.h"
#include "mc-calendar-page.h"
#include "mc-clock.h"
#include "mc-dossier-list-page.h"
#include "mc-intake-page.h"
#include "mc-lock-page.h"
#include "mc-reports-page.h"
#include "mc-setup-page.h"
#include "mc-sync-scheduler.h"
#include "mc-window.h"

G_BEGIN_DECLS

/* The desk: setup, the lock, the pages, and the sync with the other workstations. */
struct _McWindow
{
  AdwApplicationWindow  parent_instance;

  McStore              *store;
  McClock              *clock;
  McSyncScheduler      *sync_scheduler;
  char                 *last_notification;
  gboolean              closing_confirmed;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkSearchEntry       *search_entry;
  GtkLabel             *station_label;
  GtkLabel             *sync_label;
  GtkLabel             *backup_label;
  GtkMenuButton        *status_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkFileChooserNative *chooser;
  GtkWidget            *progress_dialog;
  GtkProgressBar       *progress_bar;
  gboolean        export_documents;   /* the next export carries the digitised documents */
  McSetupPage          *setup_page;
  McLockPage           *lock_page;
  gint64                last_activity;  /* monotonic µs of the last key, click or pointer move */
  guint                 idle_check_id;
  McIntakePage         *intake_page;
  McDossierListPage    *list_page;
  McAlertsPage         *alerts_page;
  McCalendarPage       *calendar_page;
  McReportsPage        *reports_page;
  AdwViewStackPage     *alerts_stack_page;
};

void _mc_window_show_message         (McWindow       *self,
                                      const char     *heading,
                                      const char     *body);
void _mc_window_update_sync_label    (McWindow       *self);
/* The scheduler of the passes through the shared sync folder, started once the desk shows. */
void _mc_window_start_live_sync      (McWindow       *self);
/* The sync actions: export, import, the live sync's "now" and "reload", the last sync folder. */
void _mc_window_install_sync_actions (GtkWidgetClass *widget_class);

G_END_DECLS
