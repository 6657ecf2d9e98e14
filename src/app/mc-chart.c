/* mc-chart.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-chart"

/* What the desk's charts are drawn with (cairo in a GtkDrawingArea): readable in greyscale, so that a bar
 * differs from another by hatching as well as by shade, in the widget's own text colour. */

#include "config.h"

#include "mc-chart.h"

/* The widget's text colour at @alpha: the charts follow the light and dark styles. */
void
mc_chart_set_foreground (GtkWidget *widget,
                         cairo_t   *cr,
                         double     alpha)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * alpha);
}

/* Diagonal lines: a bar that stays distinct from a solid one on a greyscale printout. */
void
mc_chart_fill_hatched (GtkWidget               *widget,
                       cairo_t                 *cr,
                       const cairo_rectangle_t *bar)
{
  double x = bar->x, y = bar->y, w = bar->width, h = bar->height;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip_preserve (cr);
  mc_chart_set_foreground (widget, cr, 0.15);
  cairo_fill_preserve (cr);
  mc_chart_set_foreground (widget, cr, 0.8);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  for (double d = -h; d < w; d += 5)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* @text at (@x, @y), its left edge or its centre there by @align (0 or 0.5); @small, at 80 %. */
static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align,
           gboolean    small)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  /* Never past the chart's edge: long procedure names end in an ellipsis. */
  if (align == 0)
    {
      pango_layout_set_width (layout, (int) ((gtk_widget_get_width (widget) - x) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  mc_chart_set_foreground (widget, cr, 1);
  cairo_move_to (cr, x - w * align, y);
  pango_cairo_show_layout (cr, layout);
}

/* A chart's title, at its top left. */
void
mc_chart_draw_title (GtkWidget  *widget,
                     cairo_t    *cr,
                     const char *text)
{
  draw_text (widget, cr, text, 0, 0, 0, FALSE);
}

/* A label in small type from (@x, @y) rightwards, ending in an ellipsis at the chart's edge. */
void
mc_chart_draw_label (GtkWidget  *widget,
                     cairo_t    *cr,
                     const char *text,
                     double      x,
                     double      y)
{
  draw_text (widget, cr, text, x, y, 0, TRUE);
}

/* A number or a short label in small type, centred on @x: above or below a bar. */
void
mc_chart_draw_centred (GtkWidget  *widget,
                       cairo_t    *cr,
                       const char *text,
                       double      x,
                       double      y)
{
  draw_text (widget, cr, text, x, y, 0.5, TRUE);
}
