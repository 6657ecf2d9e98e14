/* mc-chart.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void mc_chart_set_foreground (GtkWidget  *widget,
                              cairo_t    *cr,
                              double      alpha);
void mc_chart_fill_hatched   (GtkWidget               *widget,
                              cairo_t                 *cr,
                              const cairo_rectangle_t *bar);
void mc_chart_draw_title     (GtkWidget  *widget,
                              cairo_t    *cr,
                              const char *text);
void mc_chart_draw_label     (GtkWidget  *widget,
                              cairo_t    *cr,
                              const char *text,
                              double      x,
                              double      y);
void mc_chart_draw_centred   (GtkWidget  *widget,
                              cairo_t    *cr,
                              const char *text,
                              double      x,
                              double      y);

G_END_DECLS
