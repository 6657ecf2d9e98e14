/* mc-csv.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The books the office exports as CSV (the register, the late list, the fee book) share one quoting rule. */

#define G_LOG_DOMAIN "mc-csv"

#include "config.h"

#include <string.h>

#include "mc-csv.h"

/**
 * mc_csv_append_cell:
 * @value: (nullable): the cell's text; %NULL is an empty cell
 * @last: the line's last cell: the line ends (CRLF) instead of a comma
 *
 * RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
 */
void
mc_csv_append_cell (GString    *line,
                    const char *value,
                    gboolean    last)
{
  const char *v = value ? value : "";

  if (strpbrk (v, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = v; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, v);
  g_string_append (line, last ? "\r\n" : ",");
}
