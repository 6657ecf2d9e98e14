/* mc-fee-book.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mc-document.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* The fee book's totals over its lines, in đồng. */
typedef struct
{
  gint64 collected;
  gint64 refunded;
} McFeeTotals;

McDocument *mc_fee_book_render    (McStore     *store,
                                   int          from_jdn,
                                   int          to_jdn,
                                   gboolean     closing,
                                   GError     **error);
gboolean    mc_fee_book_write_csv (McStore     *store,
                                   int          from_jdn,
                                   int          to_jdn,
                                   const char  *path,
                                   GError     **error);
GPtrArray  *mc_fee_book_rows      (McStore     *store,
                                   int          from_jdn,
                                   int          to_jdn,
                                   McFeeTotals *out_totals,
                                   GError     **error);
const char *mc_fee_method_label   (const char  *method);

G_END_DECLS
