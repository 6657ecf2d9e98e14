/* mc-procedure-search.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mc-procedure.h"

G_BEGIN_DECLS

/* How much an office uses a procedure: the dossiers received under it and the latest one's intake moment. */
typedef struct
{
  guint    count;
  McMinute last;
} McProcedureUsage;

/* The procedures of @procedures (McProcedure) that @query finds, best first, as new references.
 *
 * Every word of @query (accents and case optional, as mc_text_fold; punctuation separates words) must begin a
 * word of the procedure's name or of its code ("1.001193" has the words "1", "001193" and itself), in any
 * order: "khai sinh", "sinh khai", "KHAI SINH" and "001193" all find "Đăng ký khai sinh".  A blank query finds
 * every procedure.
 *
 * Order: the code typed whole first, then names holding the query's words as a phrase, then the other matches;
 * within each, the office's most used first (@usage: code → McProcedureUsage, may be NULL), then the most
 * recently used, then the shorter name (the plain procedure before its variants: "Đăng ký khai sinh" before
 * "Đăng ký khai sinh có yếu tố nước ngoài"), then the order of @procedures. */
GPtrArray *mc_procedure_search (GPtrArray  *procedures,
                                const char *query,
                                GHashTable *usage);

G_END_DECLS
