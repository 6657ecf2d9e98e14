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

gboolean mc_demo_generate (McStore         *store,
                           guint64          n_dossiers,
                           guint32          seed,
                           int              end_jdn,
                           int              per_year,
                           guint            batch_size,
                           McDemoProgress   progress,
                           gpointer         progress_data,
                           McDemoStats     *out_stats,
                           GError         **error);

G_END_DECLS
