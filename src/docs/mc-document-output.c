/* mc-document-output.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The output: the one drawing of the pages, for a PDF file, a print job and the preview, and the audit
 * lines a document with personal data writes when it first leaves the program. */

#define G_LOG_DOMAIN "mc-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mc-audit.h"
#include "mc-document-private.h"
#include "mc-private-file.h"

/* A line of the audit log that a document carries until it is shown, printed or saved. The store is held weakly:
 * a document never keeps a database open (a restore must be able to close it). */
typedef struct
{
  GWeakRef  store;
  char     *action;
  char     *subject;
  char     *detail;
  gboolean  subject_is_file;   /* the subject is the name of the file the document is saved to */
} AuditLine;

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A QR code as vector squares, with its quiet zone, in a @size square at (@x, @y). */
static void
draw_qr (cairo_t *cr,
         QRcode  *qr,
         double   x,
         double   y,
         double   size)
{
  double module = size / (qr->width + 8);
  double qx = x + 4 * module, qy = y + 4 * module;

  cairo_save (cr);
  /* One rectangle per run of dark modules in a row: the same shapes with far fewer PDF operators. */
  for (int r = 0; r < qr->width; r++)
    for (int c = 0; c < qr->width; c++)
      if (qr->data[r * qr->width + c] & 1)
        {
          int run = c;

          while (run + 1 < qr->width && (qr->data[r * qr->width + run + 1] & 1))
            run++;
          cairo_rectangle (cr, qx + c * module, qy + r * module, (run - c + 1) * module, module);
          c = run;
        }
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_block (McDocument      *self,
            cairo_t         *cr,
            const Placement *p)
{
  Block *block = p->block;
  double x0 = MC_MARGIN_LEFT;
  double y = p->y;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      if (p->n_lines < 0)
        show_layout_at (cr, block->layouts[0], x0, y);
      else
        {
          /* Line by line: a clip would cut the stacked Vietnamese diacritics that rise above a line's box. */
          PangoLayoutIter *iter = pango_layout_get_iter (block->layouts[0]);
          double first_top = 0;
          int index = 0;

          do
            {
              PangoRectangle logical;

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              if (index == p->first_line)
                first_top = (double) logical.y / PANGO_SCALE;
              if (index >= p->first_line && index < p->first_line + p->n_lines)
                {
                  double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

                  cairo_move_to (cr, x0 + (double) logical.x / PANGO_SCALE, y + baseline - first_top);
                  pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
                }
              index++;
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
        }
      break;

    case BLOCK_COLUMNS:
    case BLOCK_SIGNATURES:
      for (guint i = 0; i < block->n_layouts; i++)
        if (block->layouts[i] != NULL)
          show_layout_at (cr, block->layouts[i], x0 + block->offsets[i], y);
      break;

    case BLOCK_HEADER:
      if (block->layouts[0])
        show_layout_at (cr, block->layouts[0], x0, y + block->offsets[0]);
      show_layout_at (cr, block->layouts[1], x0, y + block->offsets[1]);
      show_layout_at (cr, block->layouts[2], x0, y + block->offsets[2]);
      show_layout_at (cr, block->layouts[3], x0 + block->left_width, y + block->offsets[3]);
      show_layout_at (cr, block->layouts[4], x0 + block->left_width, y + block->offsets[4]);
      draw_rule (cr, x0 + (block->left_width - block->rule_w_left) / 2, y + block->rule_y_left, block->rule_w_left);
      draw_rule (cr, x0 + block->left_width + (content_width (self) - block->left_width - block->rule_w_right) / 2,
                 y + block->rule_y_right, block->rule_w_right);
      break;

    case BLOCK_QR:
      draw_qr (cr, block->qr, x0, y, block->qr_size);
      if (block->layouts[0])
        show_layout_at (cr, block->layouts[0], x0 + block->qr_size + 12, y);
      break;

    case BLOCK_QR_ROW:
      for (guint i = 0; i < block->n_layouts; i++)
        {
          double cell = block->shares[i];

          draw_qr (cr, block->row_qrs[i], x0 + block->offsets[i] + (cell - block->qr_size) / 2, y, block->qr_size);
          if (block->layouts[i])
            show_layout_at (cr, block->layouts[i], x0 + block->offsets[i], y + block->qr_size + 2);
        }
      break;

    case BLOCK_TABLE_ROW:
      cairo_save (cr);
      cairo_set_line_width (cr, 0.5);
      /* All the row's borders in one path: far fewer PDF operators on a long register. */
      for (guint i = 0; i < block->n_layouts; i++)
        cairo_rectangle (cr, x0 + block->offsets[i], y + cell_top (block, i),
                         block->shares[i] * content_width (self), block->height - cell_top (block, i));
      if (block->group_layout != NULL)
        {
          double group_width = 0;

          for (guint i = block->group_first; i < block->group_first + block->group_n; i++)
            group_width += block->shares[i] * content_width (self);
          cairo_rectangle (cr, x0 + block->offsets[block->group_first], y, group_width, block->group_height);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < block->n_layouts; i++)
        if (block->layouts[i])
          show_layout_at (cr, block->layouts[i], x0 + block->offsets[i] + CELL_PADDING,
                          y + cell_top (block, i) + CELL_PADDING);
      if (block->group_layout != NULL)
        show_layout_at (cr, block->group_layout, x0 + block->offsets[block->group_first] + CELL_PADDING,
                        y + CELL_PADDING);
      cairo_restore (cr);
      break;

    case BLOCK_RULE:
      {
        double width = block->shares[0] * content_width (self);
        draw_rule (cr, x0 + (content_width (self) - width) / 2, y + block->height / 2, width);
      }
      break;

    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/*
 * The audit log
 */

void
_mc_document_audit_line_free (gpointer data)
{
  AuditLine *line = data;

  g_weak_ref_clear (&line->store);
  g_free (line->action);
  g_free (line->subject);
  g_free (line->detail);
  g_free (line);
}

static void
add_audit_line (McDocument *self,
                McStore    *store,
                const char *action,
                const char *subject,
                gboolean    subject_is_file,
                const char *detail)
{
  AuditLine *line = g_new0 (AuditLine, 1);

  g_weak_ref_init (&line->store, store);
  line->action = g_strdup (action);
  line->subject = g_strdup (subject);
  line->subject_is_file = subject_is_file;
  line->detail = g_strdup (detail);
  g_ptr_array_add (self->audit_lines, line);
}

/**
 * _mc_document_audit:
 * @subject: (nullable): what the line is about (a dossier code)
 * @detail: (nullable): more, without personal data
 *
 * The document holds personal data: the audit log of @store records (@action, @subject, @detail) the first time
 * the document leaves the program, shown in a preview, handed to a printer or saved to a file. Showing it and
 * then printing it is one line; a print dialog cancelled before any page was drawn records nothing.
 */
void
_mc_document_audit (McDocument *self,
                    McStore    *store,
                    const char *action,
                    const char *subject,
                    const char *detail)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (MC_IS_STORE (store));

  add_audit_line (self, store, action, subject, FALSE, detail);
}

/**
 * _mc_document_audit_file:
 *
 * _mc_document_audit() whose subject is the name of the file the document is saved to (none when it is only
 * shown or printed): a register book, a list for publication.
 */
void
_mc_document_audit_file (McDocument *self,
                         McStore    *store,
                         const char *action,
                         const char *detail)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (MC_IS_STORE (store));

  add_audit_line (self, store, action, NULL, TRUE, detail);
}

/* The document leaves the program (saved to @path, or shown or printed when @path is NULL): its audit lines are
 * written, once. */
static void
record_output (McDocument *self,
               const char *path)
{
  g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;

  for (guint i = 0; i < self->audit_lines->len; i++)
    {
      AuditLine *line = g_ptr_array_index (self->audit_lines, i);
      g_autoptr(McStore) store = g_weak_ref_get (&line->store);

      if (store != NULL)
        mc_audit_record (store, line->action, line->subject_is_file ? name : line->subject, line->detail, NULL);
    }
  g_ptr_array_set_size (self->audit_lines, 0);
}

/* The one drawing behind the PDF, the print job and the preview. */
static void
draw_page (McDocument *self,
           cairo_t    *cr,
           int         page)
{
  _mc_document_layout_pages (self);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Nghị định 30/2020: page numbers centred in the top margin, from the second page of each form. */
  if (page < (int) self->section_of_page->len && page > g_array_index (self->section_of_page, int, page))
    {
      g_autofree char *number = g_strdup_printf ("%d", page - g_array_index (self->section_of_page, int, page) + 1);
      g_autoptr(PangoLayout) layout = _mc_document_make_layout (self, number, 13, MC_ALIGN_CENTER,
                                                                content_width (self));

      show_layout_at (cr, layout, MC_MARGIN_LEFT, MC_MARGIN_TOP / 2 - layout_height (layout) / 2);
    }

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);

      if (p->page == page)
        draw_block (self, cr, p);
    }
  cairo_restore (cr);
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_pdf (McDocument       *self,
            cairo_surface_t  *surface,
            GError          **error)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Một Cửa");
  for (int page = 0; page < mc_document_get_n_pages (self); page++)
    {
      draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_WRITE,
                   _("The PDF could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static GBytes *
pdf_bytes (McDocument  *self,
           GError     **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  gboolean ok;

  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, self->page_width, self->page_height);
  ok = render_pdf (self, surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    {
      g_byte_array_unref (bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/**
 * mc_document_draw_page:
 * @cr: a context whose unit is the point, origin at the page's top left
 *
 * Draws page @page (from 0) for a printer: the document has left the program, and its audit lines are written.
 */
void
mc_document_draw_page (McDocument *self,
                       cairo_t    *cr,
                       int         page)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));

  record_output (self, NULL);
  draw_page (self, cr, page);
}

/**
 * mc_document_to_pdf_bytes:
 *
 * The PDF in memory, to be shown (the preview): the document has left the program, and its audit lines are
 * written.
 */
GBytes *
mc_document_to_pdf_bytes (McDocument  *self,
                          GError     **error)
{
  GBytes *bytes;

  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);

  bytes = pdf_bytes (self, error);
  if (bytes != NULL)
    record_output (self, NULL);
  return bytes;
}

/**
 * mc_document_write_pdf:
 *
 * Writes the PDF next to @path and renames it into place, so that an existing file is replaced only by a
 * complete one; then the document's audit lines are written.
 */
gboolean
mc_document_write_pdf (McDocument  *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);

  bytes = pdf_bytes (self, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!mc_private_file_write (path, data, size, &local_error))
    {
      g_set_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_WRITE,
                   _("The PDF could not be saved to %s: %s"), path, local_error->message);
      return FALSE;
    }
  record_output (self, path);
  return TRUE;
}
