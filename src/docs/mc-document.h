/* mc-document.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define MC_TYPE_DOCUMENT (mc_document_get_type ())
G_DECLARE_FINAL_TYPE (McDocument, mc_document, MC, DOCUMENT, GObject)

#define MC_DOCUMENT_ERROR (mc_document_error_quark ())

typedef enum
{
  MC_DOCUMENT_ERROR_WRITE,
  MC_DOCUMENT_ERROR_QR,
  MC_DOCUMENT_ERROR_FONT,
} McDocumentError;

typedef enum
{
  MC_ALIGN_LEFT,
  MC_ALIGN_CENTER,
  MC_ALIGN_RIGHT,
  MC_ALIGN_JUSTIFY,
} McAlign;

/* A4 in points, and the margins of Nghị định 30/2020 (top 20, bottom 20, left 30, right 15 mm). */
#define MC_MM              (72.0 / 25.4)
#define MC_A4_WIDTH        (210.0 * MC_MM)
#define MC_A4_HEIGHT       (297.0 * MC_MM)
#define MC_MARGIN_TOP      (20.0 * MC_MM)
#define MC_MARGIN_BOTTOM   (20.0 * MC_MM)
/* The most columns a table has: the register book's eleven, with room to spare. */
#define MC_DOCUMENT_MAX_COLUMNS 16

#define MC_MARGIN_LEFT     (30.0 * MC_MM)
#define MC_MARGIN_RIGHT    (15.0 * MC_MM)

typedef struct
{
  double x;
  double y;
  double width;
  double height;
  int    page;
} McBox;

/* Two columns side by side (mc_document_add_pair()). */
typedef struct
{
  const char *left_markup;   /* (nullable) */
  McAlign     left_align;
  const char *right_markup;  /* (nullable) */
  McAlign     right_align;
  double      size;          /* points */
  double      left_share;    /* the left column's share of the width */
} McDocumentPair;

GQuark      mc_document_error_quark     (void);
gboolean    mc_document_check_fonts     (GError     **error);
void        mc_document_use_forms_fonts_only (void);

McDocument *mc_document_new             (gboolean     landscape);
double      mc_document_get_page_width  (McDocument  *self);
double      mc_document_get_page_height (McDocument  *self);
double      mc_document_get_content_width (McDocument *self);

/* Building. Text is Pango markup: escape user values with g_markup_escape_text(). Sizes are in points. */
void        mc_document_add_text        (McDocument  *self,
                                         const char  *markup,
                                         double       size,
                                         McAlign      align,
                                         double       first_line_indent,
                                         double       space_before);
void        mc_document_add_pair        (McDocument  *self,
                                         const McDocumentPair *pair,
                                         double       space_before);
void        mc_document_add_row         (McDocument  *self,
                                         guint        n,
                                         const char * const *markups,
                                         const double *shares,
                                         double       size,
                                         double       space_before);
char       *mc_document_phrase_markup   (const char  *text);
char       *mc_document_signature_markup (const char *title,
                                          const char *hint,
                                          const char *name);
void        mc_document_add_header      (McDocument  *self,
                                         const char  *parent,
                                         const char  *unit,
                                         const char  *number_line,
                                         const char  *place_date_line,
                                         const char  *form_label);
void        mc_document_add_signatures  (McDocument  *self,
                                         const char  *left_title,
                                         const char  *left_hint,
                                         const char  *left_name,
                                         const char  *right_title,
                                         const char  *right_hint,
                                         const char  *right_name,
                                         double       space_before);
gboolean    mc_document_add_qr_row      (McDocument  *self,
                                         guint        n,
                                         const char **payloads,
                                         const char **captions,
                                         double       qr_size,
                                         double       space_before,
                                         GError     **error);
gboolean    mc_document_add_qr          (McDocument  *self,
                                         const char  *payload,
                                         const char  *caption_markup,
                                         double       space_before,
                                         GError     **error);
void        mc_document_add_table       (McDocument  *self,
                                         guint        n_columns,
                                         const double *shares,
                                         const char * const *header,
                                         GPtrArray   *rows,
                                         double       size,
                                         double       space_before);
void        mc_document_add_grouped_table (McDocument  *self,
                                         guint        n_columns,
                                         const double *shares,
                                         const char * const *header,
                                         guint        group_first,
                                         guint        group_n,
                                         const char  *group_markup,
                                         GPtrArray   *rows,
                                         double       size,
                                         double       space_before);
void        mc_document_add_rule        (McDocument  *self,
                                         double       share,
                                         double       space_before);
void        mc_document_add_page_break  (McDocument  *self);
void        mc_document_append          (McDocument  *self,
                                         McDocument  *other);

/* Output: the same drawing for a PDF file, a print context and a preview. */
int         mc_document_get_n_pages     (McDocument  *self);
void        mc_document_draw_page       (McDocument  *self,
                                         cairo_t     *cr,
                                         int          page);
gboolean    mc_document_write_pdf       (McDocument  *self,
                                         const char  *path,
                                         GError     **error);
GBytes     *mc_document_to_pdf_bytes    (McDocument  *self,
                                         GError     **error);
GArray     *mc_document_get_text_boxes  (McDocument  *self);

G_END_DECLS
