/* mc-document.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The page engine: a document is a list of blocks (text, columns, the official header, signatures, QR codes,
 * table rows, rules, page breaks) built here, laid out on A4 pages by mc-document-layout.c and drawn by
 * mc-document-output.c, the one drawing behind the PDF, the print job and the preview. */

#define G_LOG_DOMAIN "mc-document"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <qrencode.h>
#include <string.h>

#include "mc-document-private.h"

/* The official forms' typeface: Liberation Serif has the metrics of Times New Roman (Nghị định 30/2020). */
#define FONT_FAMILY "Liberation Serif"

G_DEFINE_FINAL_TYPE (McDocument, mc_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-document-error-quark, mc_document_error)

/* Where Debian's fonts-liberation2 puts Liberation Serif 2 (the version with Vietnamese letters). */
#define LIBERATION2_DIR "/usr/share/fonts/truetype/liberation2"

/* The forms' own font map: only Liberation Serif 2, so a missing glyph can never fall back silently to another
 * typeface, and so that a one-shot `motcua-cli slip` does not pay for loading and sorting every font of the
 * system. MOTCUA_FONT_DIR points elsewhere on other systems; without the folder, the system's fonts are used. */
static gboolean forms_fonts_for_process = FALSE;

/**
 * mc_document_use_forms_fonts_only:
 *
 * For a program that draws nothing but forms (the command-line tool): the forms' font configuration becomes
 * the process's own, so fontconfig never loads the system's whole configuration, which a one-shot run would
 * otherwise pay for on every form. Call before the first form; the desktop app must not, since its interface
 * uses the system's fonts.
 */
void
mc_document_use_forms_fonts_only (void)
{
  forms_fonts_for_process = TRUE;
}

static PangoFontMap *
forms_font_map (void)
{
  static gsize initialised = 0;
  static PangoFontMap *font_map = NULL;

  if (g_once_init_enter (&initialised))
    {
      const char *dir = g_getenv ("MOTCUA_FONT_DIR");
      FcConfig *config;

      if (dir == NULL || *dir == '\0')
        dir = LIBERATION2_DIR;
      if (g_file_test (dir, G_FILE_TEST_IS_DIR) && (config = FcConfigCreate ()) != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (dir, -1);
          /* The system's font caches are reused; nothing is scanned when they are current. */
          g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?><fontconfig><dir>%s</dir>"
                                                  "<cachedir>/var/cache/fontconfig</cachedir>"
                                                  "<cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>",
                                                  escaped);

          if (FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) xml, FcFalse) &&
              FcConfigBuildFonts (config))
            {
              /* Pango starts fontconfig's initialisation in a thread and waits for it; with a current
               * configuration already in place that initialisation has nothing to load. */
              if (forms_fonts_for_process)
                FcConfigSetCurrent (config);
              font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
              pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), config);
            }
          FcConfigDestroy (config);
        }
      if (font_map == NULL)
        font_map = g_object_ref (pango_cairo_font_map_get_default ());
      g_once_init_leave (&initialised, 1);
    }
  return font_map;
}

static void
block_free (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < block->n_layouts; i++)
    g_clear_object (&block->layouts[i]);
  g_clear_object (&block->group_layout);
  if (block->qr)
    QRcode_free (block->qr);
  for (guint i = 0; i < G_N_ELEMENTS (block->row_qrs); i++)
    if (block->row_qrs[i])
      QRcode_free (block->row_qrs[i]);
  g_free (block);
}

/*
 * Auxiliary methods
 */

/* Returns a new reference. Identical text at the same size, alignment, width and indent shares one shaped
 * layout: a slip's two copies differ in one line, a register repeats procedure names and bodies thousands of
 * times, and shaping is most of the cost. Layouts are never changed once built. */
static PangoLayout *
make_layout_indented (McDocument *self,
                      const char *markup,
                      double      size,
                      McAlign     align,
                      double      width,
                      double      first_line_indent)
{
  g_autofree char *key = g_strdup_printf ("%.2f|%d|%.2f|%.2f|%s", size, (int) align, width, first_line_indent,
                                          markup ? markup : "");
  PangoLayout *layout = g_hash_table_lookup (self->layout_cache, key);

  if (layout != NULL)
    return g_object_ref (layout);

  layout = pango_layout_new (self->context);
  /* One description, resized: a register book makes tens of thousands of layouts. */
  pango_font_description_set_absolute_size (self->font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, self->font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (first_line_indent != 0)
    pango_layout_set_indent (layout, (int) (first_line_indent * PANGO_SCALE));
  switch (align)
    {
    case MC_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case MC_ALIGN_RIGHT:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case MC_ALIGN_JUSTIFY:
      pango_layout_set_justify (layout, TRUE);
      break;
    case MC_ALIGN_LEFT:
    default:
      break;
    }
  /* Plain text skips the markup parser; escaped text (&amp;) and tags go through it. */
  if (markup == NULL || strpbrk (markup, "<&") == NULL)
    pango_layout_set_text (layout, markup ? markup : "", -1);
  else
    pango_layout_set_markup (layout, markup, -1);
  g_hash_table_insert (self->layout_cache, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

PangoLayout *
_mc_document_make_layout (McDocument *self,
                          const char *markup,
                          double      size,
                          McAlign     align,
                          double      width)
{
  return make_layout_indented (self, markup, size, align, width, 0);
}

static double
line_width (PangoLayout *layout,
            int          line)
{
  PangoRectangle logical;
  PangoLayoutLine *l = pango_layout_get_line_readonly (layout, line);

  if (l == NULL)
    return 0;
  pango_layout_line_get_extents (l, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static Block *
add_block (McDocument *self,
           BlockKind   kind,
           double      space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  g_ptr_array_add (self->blocks, block);
  self->laid_out = FALSE;
  return block;
}

/*
 * GObject
 */

static void
mc_document_finalize (GObject *object)
{
  McDocument *self = MC_DOCUMENT (object);

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->boxes, g_array_unref);
  g_clear_pointer (&self->section_of_page, g_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->layout_cache, g_hash_table_unref);
  g_clear_pointer (&self->audit_lines, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_document_parent_class)->finalize (object);
}

static void
mc_document_class_init (McDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_document_finalize;
}

static void
mc_document_init (McDocument *self)
{
  PangoFontMap *font_map = forms_font_map ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->boxes = g_array_new (FALSE, FALSE, sizeof (McBox));
  self->section_of_page = g_array_new (FALSE, TRUE, sizeof (int));
  self->context = pango_font_map_create_context (font_map);
  /* Pango assumes 96 dpi; our unit is the point, so 72, or 13 pt text would come out at 17.3 pt. Metrics are
   * unhinted so that the layout is the same on paper, in the PDF and in the preview; and glyph positions are
   * not rounded, since the device unit here is a whole point: rounding would space letters unevenly and
   * make the PDF carry an adjustment after nearly every glyph. */
  pango_cairo_context_set_resolution (self->context, 72);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context, pango_language_from_string ("vi"));
  self->font = pango_font_description_from_string (FONT_FAMILY);
  self->layout_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->audit_lines = g_ptr_array_new_with_free_func (_mc_document_audit_line_free);
}

/*
 * Public API
 */

McDocument *
mc_document_new (gboolean landscape)
{
  McDocument *self = g_object_new (MC_TYPE_DOCUMENT, NULL);

  self->landscape = landscape;
  self->page_width = landscape ? MC_A4_HEIGHT : MC_A4_WIDTH;
  self->page_height = landscape ? MC_A4_WIDTH : MC_A4_HEIGHT;
  return self;
}

double
mc_document_get_page_width (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), 0);
  return self->page_width;
}

double
mc_document_get_page_height (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), 0);
  return self->page_height;
}

double
mc_document_get_content_width (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), 0);
  return content_width (self);
}

void
mc_document_add_text (McDocument *self,
                      const char *markup,
                      double      size,
                      McAlign     align,
                      double      first_line_indent,
                      double      space_before)
{
  Block *block;

  g_return_if_fail (MC_IS_DOCUMENT (self));

  block = add_block (self, BLOCK_TEXT, space_before);
  block->layouts[0] = make_layout_indented (self, markup, size, align, content_width (self), first_line_indent);
  block->n_layouts = 1;
  block->height = layout_height (block->layouts[0]);
}

/**
 * mc_document_add_pair:
 * @pair: the two columns' texts (either may be %NULL), their alignments, the size and the left column's share
 *
 * Two columns side by side that move to a new page together: e.g. "Nơi nhận" beside the signature.
 */
void
mc_document_add_pair (McDocument           *self,
                      const McDocumentPair *pair,
                      double                space_before)
{
  double width = content_width (self);
  double share;
  Block *block;

  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (pair != NULL);

  share = pair->left_share;
  block = add_block (self, BLOCK_COLUMNS, space_before);
  if (pair->left_markup != NULL)
    block->layouts[0] = _mc_document_make_layout (self, pair->left_markup, pair->size, pair->left_align,
                                                  width * share - 6);
  if (pair->right_markup != NULL)
    block->layouts[1] = _mc_document_make_layout (self, pair->right_markup, pair->size, pair->right_align,
                                                  width * (1 - share) - 6);
  block->offsets[0] = 0;
  block->offsets[1] = width * share + 6;
  block->n_layouts = 2;
  block->height = MAX (block->layouts[0] ? layout_height (block->layouts[0]) : 0,
                       block->layouts[1] ? layout_height (block->layouts[1]) : 0);
}

/**
 * mc_document_add_row:
 * @markups: (array length=n): one text per column, %NULL for an empty one
 * @shares: (array length=n): each column's share of the width, summing to 1
 *
 * Up to eight columns of text side by side, without rules: a line of a declaration holding several fields.
 */
void
mc_document_add_row (McDocument         *self,
                     guint               n,
                     const char * const *markups,
                     const double       *shares,
                     double              size,
                     double              space_before)
{
  double width = content_width (self), x = 0;
  Block *block;

  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (n >= 1 && n <= G_N_ELEMENTS (block->layouts));

  block = add_block (self, BLOCK_COLUMNS, space_before);
  for (guint i = 0; i < n; i++)
    {
      double column = width * shares[i];

      if (markups[i] != NULL)
        {
          block->layouts[i] = _mc_document_make_layout (self, markups[i], size, MC_ALIGN_LEFT,
                                                        column - (i + 1 < n ? 6 : 0));
          block->height = MAX (block->height, layout_height (block->layouts[i]));
        }
      block->offsets[i] = x;
      x += column;
    }
  block->n_layouts = n;
}

/* Words a header line must not break between (Nghị định 30/2020 wants the name of a body broken between its
 * phrases): "TRUNG TÂM PHỤC VỤ / HÀNH CHÍNH CÔNG", never "… HÀNH / CHÍNH CÔNG". */
static const char * const glued_pairs[] = {
  "ỦY BAN", "UỶ BAN", "BAN NHÂN", "NHÂN DÂN", "TRUNG TÂM", "TÂM PHỤC", "PHỤC VỤ", "HÀNH CHÍNH", "CHÍNH CÔNG",
  "BỘ PHẬN", "PHẬN TIẾP", "TIẾP NHẬN", "TRẢ KẾT", "KẾT QUẢ", "MỘT CỬA", "THỊ TRẤN", "ĐẶC KHU", "THÀNH PHỐ",
};

/* The words that start a place name: the name after them stays on one line with them. */
static const char * const place_words[] = { "XÃ", "PHƯỜNG", "TRẤN", "KHU", "TỈNH", "PHỐ" };

static gboolean
glued (const char *left,
       const char *right)
{
  g_autofree char *pair = g_strconcat (left, " ", right, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (glued_pairs); i++)
    if (g_str_equal (pair, glued_pairs[i]))
      return TRUE;
  return FALSE;
}

/**
 * mc_document_phrase_markup:
 * @text: one upper-case line of a header (a body's name)
 *
 * Returns: (transfer full): @text escaped as Pango markup in which a line may break only between phrases
 */
char *
mc_document_phrase_markup (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text ? text : "", " ", -1);
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean in_place = FALSE, open = FALSE;

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *word = g_markup_escape_text (words[i], -1);
      gboolean glue_next;

      if (*words[i] == '\0')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (place_words); k++)
        if (g_str_equal (words[i], place_words[k]))
          in_place = TRUE;
      glue_next = words[i + 1] != NULL && (in_place || glued (words[i], words[i + 1]));
      if (markup->len > 0)
        g_string_append_c (markup, ' ');
      if (glue_next && !open)
        {
          g_string_append (markup, "<span allow_breaks='false'>");
          open = TRUE;
        }
      g_string_append (markup, word);
      if (!glue_next && open)
        {
          g_string_append (markup, "</span>");
          open = FALSE;
        }
    }
  if (open)
    g_string_append (markup, "</span>");
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/**
 * mc_document_add_header:
 * @parent: the parent body (cơ quan chủ quản), upright capitals
 * @unit: the issuing unit, bold capitals
 * @number_line: "Số: 05/PXL-TTPVHCC"
 * @place_date_line: "Tân Lập, ngày 05 tháng 02 năm 2026", italic
 * @form_label: (nullable): "Mẫu số 01", above the header at the right
 *
 * The two-column header of Nghị định 30/2020: bodies on the left (45%) with a short rule under the unit, the
 * Quốc hiệu and Tiêu ngữ on the right (55%) with a rule as long as the motto, then the number and the
 * place-and-date line on one line.
 */
void
mc_document_add_header (McDocument *self,
                        const char *parent,
                        const char *unit,
                        const char *number_line,
                        const char *place_date_line,
                        const char *form_label)
{
  double width = content_width (self);
  double left = width * 0.45, right = width - left;
  g_autofree char *parent_up = g_utf8_strup (parent ? parent : "", -1);
  g_autofree char *unit_up = g_utf8_strup (unit ? unit : "", -1);
  g_autofree char *parent_esc = mc_document_phrase_markup (parent_up);
  g_autofree char *unit_esc = mc_document_phrase_markup (unit_up);
  g_autofree char *left_markup = NULL;
  g_autofree char *number_esc = g_markup_escape_text (number_line ? number_line : "", -1);
  g_autofree char *date_markup = NULL;
  g_autofree char *date_esc = g_markup_escape_text (place_date_line ? place_date_line : "", -1);
  double motto_size = 13;
  double label_height = 0, body_height, right_height, line_y;
  Block *block;
  PangoLayout *motto;

  g_return_if_fail (MC_IS_DOCUMENT (self));

  block = add_block (self, BLOCK_HEADER, 0);
  block->left_width = left;

  if (form_label != NULL)
    {
      g_autofree char *label_esc = g_markup_escape_text (form_label, -1);
      g_autofree char *label_markup = g_strdup_printf ("<b>%s</b>", label_esc);

      block->layouts[0] = _mc_document_make_layout (self, label_markup, 11, MC_ALIGN_RIGHT, width);
      label_height = layout_height (block->layouts[0]) + 4;
    }

  left_markup = *parent_up ? g_strdup_printf ("%s\n<b>%s</b>", parent_esc, unit_esc)
                           : g_strdup_printf ("<b>%s</b>", unit_esc);
  block->layouts[1] = _mc_document_make_layout (self, left_markup, 12.5, MC_ALIGN_CENTER, left);

  /* The Quốc hiệu must stay on one line: shrink from 13 to 11.5 pt until it does. */
  for (motto_size = 13; motto_size >= 11.5; motto_size -= 0.5)
    {
      g_autofree char *markup = g_strdup_printf ("<span size='%d'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></span>\n"
                                                 "<span size='%d'><b>Độc lập - Tự do - Hạnh phúc</b></span>",
                                                 (int) (motto_size * PANGO_SCALE), 13 * PANGO_SCALE);
      g_clear_object (&block->layouts[3]);
      block->layouts[3] = _mc_document_make_layout (self, markup, 13, MC_ALIGN_CENTER, right);
      if (pango_layout_get_line_count (block->layouts[3]) == 2)
        break;
    }
  motto = block->layouts[3];

  date_markup = g_strdup_printf ("<i>%s</i>", date_esc);
  block->layouts[2] = _mc_document_make_layout (self, number_esc, 13, MC_ALIGN_CENTER, left);
  block->layouts[4] = _mc_document_make_layout (self, date_markup, 13, MC_ALIGN_CENTER, right);
  block->n_layouts = 5;

  body_height = layout_height (block->layouts[1]);
  right_height = layout_height (motto);
  block->offsets[0] = 0;
  block->offsets[1] = label_height;
  block->offsets[3] = label_height;
  block->rule_y_left = label_height + body_height + 2;
  /* 1/3 to 1/2 of the line above it: 2/5. */
  block->rule_w_left = line_width (block->layouts[1], pango_layout_get_line_count (block->layouts[1]) - 1) * 0.4;
  block->rule_y_right = label_height + right_height + 2;
  block->rule_w_right = line_width (motto, 1);
  line_y = label_height + MAX (body_height, right_height) + 10;
  block->offsets[2] = line_y;
  block->offsets[4] = line_y;
  block->n_layouts = 5;
  block->height = line_y + MAX (layout_height (block->layouts[2]), layout_height (block->layouts[4]));
}

/* A signature box: title, hint, room to sign, name. */
char *
mc_document_signature_markup (const char *title,
                              const char *hint,
                              const char *name)
{
  g_autofree char *t = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *h = g_markup_escape_text (hint ? hint : "", -1);
  g_autofree char *n = g_markup_escape_text (name ? name : "", -1);

  return g_strdup_printf ("<b>%s</b>\n<i>%s</i>\n\n\n<b>%s</b>", t, h, n);
}

void
mc_document_add_signatures (McDocument *self,
                            const char *left_title,
                            const char *left_hint,
                            const char *left_name,
                            const char *right_title,
                            const char *right_hint,
                            const char *right_name,
                            double      space_before)
{
  g_autofree char *left = left_title ? mc_document_signature_markup (left_title, left_hint, left_name) : NULL;
  g_autofree char *right = right_title ? mc_document_signature_markup (right_title, right_hint, right_name) : NULL;

  mc_document_add_pair (self,
                        &(McDocumentPair) { .left_markup = left, .left_align = MC_ALIGN_CENTER, .right_markup = right,
                                            .right_align = MC_ALIGN_CENTER, .size = 13, .left_share = 0.45 },
                        space_before);
}

/* A module of at least 2.5 pt is 3 pixels in a 90 dpi scan, which zbar and phone cameras read; the side holds
 * the code and its quiet zone of 4 modules each side. */
#define QR_MIN_MODULE 2.5

static double
qr_min_size (const QRcode *qr)
{
  return (qr->width + 8) * QR_MIN_MODULE;
}

/**
 * mc_document_add_qr:
 *
 * A QR code drawn as vector squares (crisp at any print resolution), with a caption beside it.
 */
gboolean
mc_document_add_qr (McDocument  *self,
                    const char  *payload,
                    const char  *caption_markup,
                    double       space_before,
                    GError     **error)
{
  QRcode *qr;
  Block *block;

  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);

  qr = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == NULL)
    {
      g_set_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_QR,
                   _("The QR code cannot hold “%s”"), payload);
      return FALSE;
    }
  block = add_block (self, BLOCK_QR, space_before);
  block->qr = qr;
  block->qr_size = MAX (72, qr_min_size (qr));
  if (caption_markup != NULL)
    {
      block->layouts[0] = _mc_document_make_layout (self, caption_markup, 11, MC_ALIGN_LEFT,
                                                    content_width (self) - block->qr_size - 12);
      block->n_layouts = 1;
    }
  block->height = MAX (block->qr_size, block->layouts[0] ? layout_height (block->layouts[0]) : 0);
  return TRUE;
}

/**
 * mc_document_add_qr_row:
 * @n: cells in the row (at most 8), each as wide as the content width divided by @n
 * @payloads: what each QR code holds
 * @captions: (nullable): each code's caption (markup), centred under it
 * @qr_size: the side of each code in points, quiet zone included
 *
 * A row of QR codes with their captions, moving to the next page whole: an index of codes is made of such rows.
 */
gboolean
mc_document_add_qr_row (McDocument  *self,
                        guint        n,
                        const char **payloads,
                        const char **captions,
                        double       qr_size,
                        double       space_before,
                        GError     **error)
{
  double cell = content_width (self) / MAX (n, 1);
  double caption_height = 0;
  Block *block;

  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (n > 0 && n <= 8, FALSE);

  block = add_block (self, BLOCK_QR_ROW, space_before);
  block->qr_size = MIN (qr_size, cell - 4);
  for (guint i = 0; i < n; i++)
    {
      block->row_qrs[i] = QRcode_encodeString (payloads[i], 0, QR_ECLEVEL_M, QR_MODE_8, 1);
      if (block->row_qrs[i] == NULL)
        {
          g_set_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_QR, _("The QR code cannot hold “%s”"),
                       payloads[i]);
          g_ptr_array_remove (self->blocks, block);
          return FALSE;
        }
      block->offsets[i] = i * cell;
      block->shares[i] = cell;
      block->layouts[i] = _mc_document_make_layout (self, captions && captions[i] ? captions[i] : "", 9,
                                                    MC_ALIGN_CENTER, cell - 4);
      caption_height = MAX (caption_height, layout_height (block->layouts[i]));
    }
  block->n_layouts = n;
  block->height = block->qr_size + 2 + caption_height;
  return TRUE;
}

/**
 * mc_document_add_table:
 * @shares: the columns' shares of the content width (summing to 1)
 * @header: (nullable): header cells (markup), repeated on every page the table continues on
 * @rows: (element-type GStrv): each row's cells (markup)
 */
void
mc_document_add_table (McDocument         *self,
                       guint               n_columns,
                       const double       *shares,
                       const char * const *header,
                       GPtrArray          *rows,
                       double              size,
                       double              space_before)
{
  mc_document_add_grouped_table (self, n_columns, shares, header, 0, 0, NULL, rows, size, space_before);
}

/**
 * mc_document_add_grouped_table:
 * @n_columns: at most %MC_DOCUMENT_MAX_COLUMNS
 * @header: header cells (markup), repeated on every page the table continues on
 * @group_first: the first column under the group cell
 * @group_n: how many columns it spans (0: no group)
 * @group_markup: (nullable): the group cell's text, over its columns' own header cells
 *
 * A table whose header groups some columns under one cell, as the register book's "Nhận và trả kết quả" over
 * its last five: the other header cells span both lines.
 */
void
mc_document_add_grouped_table (McDocument         *self,
                               guint               n_columns,
                               const double       *shares,
                               const char * const *header,
                               guint               group_first,
                               guint               group_n,
                               const char         *group_markup,
                               GPtrArray          *rows,
                               double              size,
                               double              space_before)
{
  double width = content_width (self);
  Block *header_block = NULL;

  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (n_columns > 0 && n_columns <= MC_DOCUMENT_MAX_COLUMNS);
  g_return_if_fail (group_first + group_n <= n_columns);

  for (int r = header ? -1 : 0; r < (int) rows->len; r++)
    {
      const char * const *cells = r < 0 ? header : (const char * const *) g_ptr_array_index (rows, r);
      Block *block = add_block (self, BLOCK_TABLE_ROW, r == (header ? -1 : 0) ? space_before : 0);
      double x = 0, height = 0;

      block->is_header_row = r < 0;
      block->header_row = header_block;
      if (r < 0 && group_n > 0 && group_markup != NULL)
        {
          double group_width = 0;

          for (guint c = group_first; c < group_first + group_n; c++)
            group_width += shares[c] * width;
          block->group_layout = _mc_document_make_layout (self, group_markup, size, MC_ALIGN_CENTER,
                                                          group_width - 2 * CELL_PADDING);
          block->group_first = group_first;
          block->group_n = group_n;
          block->group_height = layout_height (block->group_layout) + 2 * CELL_PADDING;
        }
      for (guint c = 0; c < n_columns; c++)
        {
          double cell_w = shares[c] * width;

          block->shares[c] = shares[c];
          block->offsets[c] = x;
          /* An empty cell (e.g. the signature column) draws only its border. */
          if (cells[c] != NULL && *cells[c] != '\0')
            {
              block->layouts[c] = _mc_document_make_layout (self, cells[c], size,
                                                            r < 0 ? MC_ALIGN_CENTER : MC_ALIGN_LEFT,
                                                            cell_w - 2 * CELL_PADDING);
              height = MAX (height, cell_top (block, c) + layout_height (block->layouts[c]));
            }
          x += cell_w;
        }
      block->n_layouts = n_columns;
      block->height = MAX (height, block->group_height) + 2 * CELL_PADDING;
      if (r < 0)
        header_block = block;
    }
}

void
mc_document_add_rule (McDocument *self,
                      double      share,
                      double      space_before)
{
  Block *block;

  g_return_if_fail (MC_IS_DOCUMENT (self));

  block = add_block (self, BLOCK_RULE, space_before);
  block->shares[0] = share;
  block->height = 4;
}

void
mc_document_add_page_break (McDocument *self)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));
  add_block (self, BLOCK_PAGE_BREAK, 0);
}

/**
 * mc_document_append:
 * @other: a document whose content moves to the end of @self, on a new page; it is left empty, and its audit
 *   lines go with its content
 *
 * Joins forms into one file, e.g. a batch of apology letters printed at once.
 */
void
mc_document_append (McDocument *self,
                    McDocument *other)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (MC_IS_DOCUMENT (other));

  if (other->blocks->len == 0)
    return;
  if (self->blocks->len > 0)
    mc_document_add_page_break (self);
  for (guint i = 0; i < other->blocks->len; i++)
    g_ptr_array_add (self->blocks, g_ptr_array_index (other->blocks, i));
  g_ptr_array_set_free_func (other->blocks, NULL);
  g_ptr_array_set_size (other->blocks, 0);
  g_ptr_array_set_free_func (other->blocks, block_free);
  while (other->audit_lines->len > 0)
    g_ptr_array_add (self->audit_lines, g_ptr_array_steal_index (other->audit_lines, 0));
  other->laid_out = FALSE;
  self->laid_out = FALSE;
}

/**
 * mc_document_check_fonts:
 *
 * Whether the forms' typeface can draw Vietnamese (e.g. "ẫ", "Ư"). Liberation Serif 1.x cannot, and Pango
 * would silently substitute another font; version 2 (Debian's fonts-liberation2) can.
 */
gboolean
mc_document_check_fonts (GError **error)
{
  g_autoptr(GObject) context = G_OBJECT (pango_font_map_create_context (forms_font_map ()));
  g_autoptr(GObject) font_object = NULL;
  PangoFont *font;
  PangoFontDescription *description = pango_font_description_from_string (FONT_FAMILY " 13");
  const gunichar needed[] = { 0x1EAB, 0x01AF, 0x1EDD, 0x0111, 0x1EF9 };
  g_autofree char *family = NULL;

  font = pango_font_map_load_font (forms_font_map (), PANGO_CONTEXT (context), description);
  font_object = font ? G_OBJECT (font) : NULL;
  if (font != NULL)
    {
      PangoFontDescription *loaded = pango_font_describe (font);
      family = g_strdup (pango_font_description_get_family (loaded));
      pango_font_description_free (loaded);
    }
  pango_font_description_free (description);
  if (font == NULL || g_strcmp0 (family, FONT_FAMILY) != 0)
    {
      g_set_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_FONT,
                   _("The font Liberation Serif is not installed; forms will print in another typeface. Install "
                     "the package fonts-liberation2."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (!pango_font_has_char (font, needed[i]))
      {
        g_set_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_FONT,
                     _("The installed Liberation Serif has no Vietnamese letters; forms would mix typefaces. "
                       "Install the package fonts-liberation2."));
        return FALSE;
      }
  return TRUE;
}
