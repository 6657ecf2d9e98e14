/* mc-document-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>
#include <qrencode.h>

#include "mc-document.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* For the writers of src/docs: the audit line a document with personal data records when it leaves the
 * program. */
void        _mc_document_audit          (McDocument  *self,
                                         McStore     *store,
                                         const char  *action,
                                         const char  *subject,
                                         const char  *detail);
void        _mc_document_audit_file     (McDocument  *self,
                                         McStore     *store,
                                         const char  *action,
                                         const char  *detail);

/*
 * For mc-document*.c only: the document's blocks, their placement on pages, and what building, laying out and
 * drawing share.
 */

#define CELL_PADDING 3.0

typedef enum
{
  BLOCK_TEXT,
  BLOCK_COLUMNS,
  BLOCK_HEADER,
  BLOCK_SIGNATURES,
  BLOCK_QR,
  BLOCK_QR_ROW,
  BLOCK_TABLE_ROW,
  BLOCK_RULE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct _Block Block;

struct _Block
{
  BlockKind    kind;
  double       space_before;
  double       height;
  PangoLayout *layouts[MC_DOCUMENT_MAX_COLUMNS];  /* meaning depends on the kind */
  double       offsets[MC_DOCUMENT_MAX_COLUMNS];  /* x (columns, cells) or y positions inside the block */
  guint        n_layouts;
  double       shares[MC_DOCUMENT_MAX_COLUMNS];   /* table column shares, or rule share */
  gboolean     is_header_row;
  Block       *header_row;     /* for table rows: the header to repeat on a new page */
  /* A header row's group cell over columns [group_first, group_first + group_n): "Nhận và trả kết quả" above
   * its five columns. The grouped cells start group_height lower. */
  PangoLayout *group_layout;
  guint        group_first, group_n;
  double       group_height;
  QRcode      *qr;
  QRcode      *row_qrs[8];     /* BLOCK_QR_ROW: one code per cell, its caption in layouts[] */
  double       qr_size;
  /* header geometry */
  double       left_width;
  double       rule_y_left, rule_w_left, rule_y_right, rule_w_right;
};

typedef struct
{
  Block *block;
  int    page;
  double y;
  int    first_line;  /* text split across pages */
  int    n_lines;     /* -1: whole block */
  double clip_height;
} Placement;

struct _McDocument
{
  GObject        parent_instance;

  gboolean       landscape;
  double         page_width;
  double         page_height;
  PangoContext  *context;
  PangoFontDescription *font;
  GHashTable    *layout_cache;   /* identical text shares one shaped layout: markup → PangoLayout */
  GPtrArray     *blocks;
  GArray        *placements;
  GArray        *boxes;
  GArray        *section_of_page;   /* page → first page of its section (a copy of a form) */
  int            n_pages;
  gboolean       laid_out;
  GPtrArray     *audit_lines;      /* AuditLine: written when the document first leaves the program */
};

static inline double
content_width (McDocument *self)
{
  return self->page_width - MC_MARGIN_LEFT - MC_MARGIN_RIGHT;
}

/* Where a table cell's box starts inside its row: under the group cell for the grouped columns of a header. */
static inline double
cell_top (const Block *block,
          guint        column)
{
  if (block->group_layout != NULL && column >= block->group_first &&
      column < block->group_first + block->group_n)
    return block->group_height;
  return 0;
}

static inline double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

PangoLayout *_mc_document_make_layout     (McDocument  *self,
                                          const char  *markup,
                                          double       size,
                                          McAlign      align,
                                          double       width);
void        _mc_document_layout_pages     (McDocument  *self);
void        _mc_document_audit_line_free  (gpointer     data);

G_END_DECLS
