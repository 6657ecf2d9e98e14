/* mc-demo.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-store.h"

G_BEGIN_DECLS

typedef void (*McDemoProgress) (guint64  done,
                                guint64  total,
                                gpointer user_data);

typedef struct
{
  guint64 dossiers;
  guint64 events;
  guint   batches;
  double  apply_seconds;
  int     start_jdn;
  guint   working_days;
} McDemoStats;

/* What to generate. */
typedef struct
{
  guint64         n_dossiers;    /* how many dossiers to receive */
  guint32         seed;          /* the same seed gives the same dossiers */
  int             end_jdn;       /* the last day of receipts; what has not happened by its end stays in progress */
  int             per_year;      /* dossiers a year (a commune: about 6,000); the history spans at most 20 years */
  guint           batch_size;    /* dossiers per mc_store_apply_events() call */
  McDemoProgress  progress;      /* (nullable): called after every batch */
  gpointer        progress_data;
} McDemoOptions;

gboolean mc_demo_generate (McStore              *store,
                           const McDemoOptions  *options,
                           McDemoStats          *out_stats,
                           GError              **error);

G_END_DECLS
