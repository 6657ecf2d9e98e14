/* mc-document-layout.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layout: blocks placed on pages, a text split where a page ends, a table's header repeated on the next
 * page, the ink of every line recorded for the tests of the margins. */

#define G_LOG_DOMAIN "mc-document"

#include "config.h"

#include <string.h>

#include "mc-document-private.h"

/* Records where ink lands, so tests can check that nothing crosses the margins. */
static void
record_box (McDocument  *self,
            PangoLayout *layout,
            double       x,
            double       y,
            int          page,
            int          first_line,
            int          n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int index = 0;

  do
    {
      PangoRectangle ink;
      McBox box;

      if (index >= first_line && (n_lines < 0 || index < first_line + n_lines))
        {
          pango_layout_iter_get_line_extents (iter, &ink, NULL);
          if (ink.width > 0 && ink.height > 0)
            {
              double top_shift = 0;

              if (first_line > 0)
                {
                  PangoLayoutIter *first = pango_layout_get_iter (layout);
                  PangoRectangle logical;

                  for (int i = 0; i < first_line; i++)
                    pango_layout_iter_next_line (first);
                  pango_layout_iter_get_line_extents (first, NULL, &logical);
                  top_shift = (double) logical.y / PANGO_SCALE;
                  pango_layout_iter_free (first);
                }
              box.x = x + (double) ink.x / PANGO_SCALE;
              box.y = y + (double) ink.y / PANGO_SCALE - top_shift;
              box.width = (double) ink.width / PANGO_SCALE;
              box.height = (double) ink.height / PANGO_SCALE;
              box.page = page;
              g_array_append_val (self->boxes, box);
            }
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
place (McDocument *self,
       Block      *block,
       int         page,
       double      y,
       int         first_line,
       int         n_lines,
       double      clip_height)
{
  Placement p = { block, page, y, first_line, n_lines, clip_height };
  double x0 = MC_MARGIN_LEFT;

  g_array_append_val (self->placements, p);

  switch (block->kind)
    {
    case BLOCK_TEXT:
      record_box (self, block->layouts[0], x0, y, page, first_line, n_lines);
      break;
    case BLOCK_COLUMNS:
    case BLOCK_SIGNATURES:
      for (guint i = 0; i < block->n_layouts; i++)
        if (block->layouts[i] != NULL)
          record_box (self, block->layouts[i], x0 + block->offsets[i], y, page, 0, -1);
      break;
    case BLOCK_TABLE_ROW:
      for (guint i = 0; i < block->n_layouts; i++)
        if (block->layouts[i] != NULL)
          record_box (self, block->layouts[i], x0 + block->offsets[i] + CELL_PADDING,
                      y + cell_top (block, i) + CELL_PADDING, page, 0, -1);
      if (block->group_layout != NULL)
        record_box (self, block->group_layout, x0 + block->offsets[block->group_first] + CELL_PADDING,
                    y + CELL_PADDING, page, 0, -1);
      break;
    case BLOCK_HEADER:
      /* layouts: 0 form label, 1 left (bodies), 2 number line, 3 right (motto), 4 date line */
      for (guint i = 0; i < block->n_layouts; i++)
        if (block->layouts[i] != NULL)
          {
            double lx = x0 + (i == 1 || i == 2 ? 0 : (i == 0 ? 0 : block->left_width));
            record_box (self, block->layouts[i], lx, y + block->offsets[i], page, 0, -1);
          }
      break;
    case BLOCK_QR:
      if (block->layouts[0])
        record_box (self, block->layouts[0], x0 + block->qr_size + 12, y, page, 0, -1);
      break;
    case BLOCK_QR_ROW:
      for (guint i = 0; i < block->n_layouts; i++)
        if (block->layouts[i] != NULL)
          record_box (self, block->layouts[i], x0 + block->offsets[i], y + block->qr_size + 2, page, 0, -1);
      break;
    case BLOCK_RULE:
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/* Pagination: blocks flow down the page; text splits between lines; other blocks move whole to the next page;
 * a table's header row repeats at the top of each page the table continues on. */
void
_mc_document_layout_pages (McDocument *self)
{
  double top = MC_MARGIN_TOP;
  double bottom = self->page_height - MC_MARGIN_BOTTOM;
  double y = top;
  int page = 0;
  int section_start = 0;

  if (self->laid_out)
    return;
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->boxes, 0);
  g_array_set_size (self->section_of_page, 1);
  g_array_index (self->section_of_page, int, 0) = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double before = y > top ? block->space_before : 0;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          page++;
          y = top;
          section_start = page;
          g_array_set_size (self->section_of_page, page + 1);
          g_array_index (self->section_of_page, int, page) = section_start;
          continue;
        }

      if (y + before + block->height <= bottom)
        {
          place (self, block, page, y + before, 0, -1, block->height);
          y += before + block->height;
          continue;
        }

      if (block->kind == BLOCK_TEXT)
        {
          /* Place the lines that fit, continue with the rest on the next pages. */
          PangoLayout *layout = block->layouts[0];
          int n = pango_layout_get_line_count (layout);
          int first = 0;
          double start_y = y + before;

          while (first < n)
            {
              PangoLayoutIter *iter = pango_layout_get_iter (layout);
              double first_top = 0, last_bottom = 0;
              int count = 0, index = 0;

              do
                {
                  PangoRectangle logical;

                  pango_layout_iter_get_line_extents (iter, NULL, &logical);
                  if (index == first)
                    first_top = (double) logical.y / PANGO_SCALE;
                  if (index >= first)
                    {
                      double line_bottom = (double) (logical.y + logical.height) / PANGO_SCALE;

                      if (start_y + (line_bottom - first_top) > bottom && count > 0)
                        break;
                      if (start_y + (line_bottom - first_top) > bottom && start_y > top)
                        break;
                      last_bottom = line_bottom;
                      count++;
                    }
                  index++;
                }
              while (pango_layout_iter_next_line (iter));
              pango_layout_iter_free (iter);

              if (count == 0)
                {
                  page++;
                  g_array_set_size (self->section_of_page, page + 1);
                  g_array_index (self->section_of_page, int, page) = section_start;
                  start_y = top;
                  continue;
                }
              place (self, block, page, start_y, first, count, last_bottom - first_top);
              y = start_y + (last_bottom - first_top);
              first += count;
              if (first < n)
                {
                  page++;
                  g_array_set_size (self->section_of_page, page + 1);
                  g_array_index (self->section_of_page, int, page) = section_start;
                  start_y = top;
                  y = top;
                }
            }
          continue;
        }

      page++;
      g_array_set_size (self->section_of_page, page + 1);
      g_array_index (self->section_of_page, int, page) = section_start;
      y = top;
      if (block->kind == BLOCK_TABLE_ROW && block->header_row != NULL && !block->is_header_row)
        {
          place (self, block->header_row, page, y, 0, -1, block->header_row->height);
          y += block->header_row->height;
        }
      place (self, block, page, y, 0, -1, block->height);
      y += block->height;
    }

  self->n_pages = page + 1;
  self->laid_out = TRUE;
}

int
mc_document_get_n_pages (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), 0);

  _mc_document_layout_pages (self);
  return self->n_pages;
}

/**
 * mc_document_get_text_boxes:
 *
 * Returns: (transfer none) (element-type McBox): the ink box of every line of text, in page coordinates
 */
GArray *
mc_document_get_text_boxes (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);

  _mc_document_layout_pages (self);
  return self->boxes;
}
