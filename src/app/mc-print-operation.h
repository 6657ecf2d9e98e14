/* mc-print-operation.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mc-document.h"

G_BEGIN_DECLS

#define MC_TYPE_PRINT_OPERATION (mc_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (McPrintOperation, mc_print_operation, MC, PRINT_OPERATION, GtkPrintOperation)

McPrintOperation *mc_print_operation_new (McDocument *document,
                                          const char *job_name);
void              mc_print_document      (GtkWindow  *parent,
                                          McDocument *document,
                                          const char *job_name);

G_END_DECLS
