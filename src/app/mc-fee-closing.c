/* mc-fee-closing.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The day's closing list of fees and charges (bảng kê thu phí, lệ phí cuối ngày): what the clerk took and gave
 * back today, with the totals and the clerk's and the accountant's signatures, handed to the accountant at the
 * end of the day. The same paper as `motcua-cli fees --closing` (src/docs/mc-fee-book.c). */

#define G_LOG_DOMAIN "mc-fee-closing"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-fee-closing.h"
#include "mc-fee-book.h"
#include "mc-preview-window.h"
#include "mc-time.h"

/**
 * mc_fee_closing_show:
 *
 * Opens today's closing list in a preview, ready to print or save.
 *
 * Returns: (transfer none): the preview window, or %NULL with @error when the list cannot be made
 */
GtkWindow *
mc_fee_closing_show (GtkWindow  *parent,
                     McStore    *store,
                     GError    **error)
{
  int today = mc_minute_jdn (mc_time_now ());
  g_autoptr(McDocument) document = mc_fee_book_render (store, today, today, TRUE, error);
  McPreviewWindow *preview;

  if (document == NULL)
    return NULL;
  preview = mc_preview_window_new (document, _("Today’s Fee Closing List"), error);
  if (preview == NULL)
    return NULL;
  gtk_window_set_transient_for (GTK_WINDOW (preview), parent);
  gtk_window_present (GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}
