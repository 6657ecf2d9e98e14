/* mc-posting.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The posting board (niêm yết): one A4 sheet per procedure of the catalogue — name, code, time limit, fee,
 * documents, who decides, where to submit — with a QR code to the procedure's page on the national public
 * service portal, after an index page with every procedure's code. Printed in Vietnamese whatever the interface
 * language. */

#define G_LOG_DOMAIN "mc-posting"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-posting.h"

#define BODY 13.0

static char *
esc (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/**
 * mc_posting_url:
 * @url_template: (nullable): a URL with "{code}", or %NULL for the national portal's
 *
 * Returns: (transfer full): the procedure's page
 */
char *
mc_posting_url (const char *url_template,
                const char *code)
{
  g_autoptr(GString) url = g_string_new (url_template && *url_template ? url_template
                                                                       : MC_POSTING_DEFAULT_URL_TEMPLATE);
  g_autofree char *escaped = g_uri_escape_string (code ? code : "", NULL, FALSE);

  g_string_replace (url, "{code}", escaped, 0);
  return g_string_free (g_steal_pointer (&url), FALSE);
}

static char *
duration_text (McProcedure *p)
{
  switch (p->unit)
    {
    case MC_UNIT_SAME_DAY:
      return g_strdup ("Trong ngày làm việc");
    case MC_UNIT_WORKING_HOURS:
      return g_strdup_printf ("%d giờ làm việc", p->duration);
    case MC_UNIT_WORKING_DAYS:
    default:
      return g_strdup_printf ("%02d ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", p->duration);
    }
}

/* Names can be long: an index caption keeps the first words. */
static char *
short_caption (McProcedure *p)
{
  g_autofree char *name = NULL;
  g_autofree char *code = esc (p->code);
  g_autofree char *name_esc = NULL;

  if (g_utf8_strlen (p->name, -1) > 48)
    {
      g_autofree char *cut = g_utf8_substring (p->name, 0, 46);
      name = g_strconcat (cut, "…", NULL);
    }
  else
    name = g_strdup (p->name);
  name_esc = esc (name);
  return g_strdup_printf ("<b>%s</b>\n%s", code, name_esc);
}

static gboolean
add_index (McDocument      *doc,
           GPtrArray       *procedures,
           const McOffice  *office,
           const char      *url_template,
           GError         **error)
{
  const guint columns = 6;
  g_autofree char *unit = esc (office->unit_name ? office->unit_name : office->name);
  g_autofree char *subtitle = g_strdup_printf ("<i>%s — quét mã QR để xem thủ tục trên Cổng Dịch vụ công quốc "
                                               "gia</i>", unit);

  mc_document_add_text (doc, "<b>DANH MỤC THỦ TỤC HÀNH CHÍNH</b>", 14, MC_ALIGN_CENTER, 0, 0);
  mc_document_add_text (doc, subtitle, 11, MC_ALIGN_CENTER, 0, 2);
  for (guint i = 0; i < procedures->len; i += columns)
    {
      const char *payloads[8] = { NULL };
      const char *captions[8] = { NULL };
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      guint n = MIN (columns, procedures->len - i);

      for (guint c = 0; c < n; c++)
        {
          McProcedure *p = g_ptr_array_index (procedures, i + c);
          char *url = mc_posting_url (url_template, p->code);
          char *caption = short_caption (p);

          g_ptr_array_add (owned, url);
          g_ptr_array_add (owned, caption);
          payloads[c] = url;
          captions[c] = caption;
        }
      if (!mc_document_add_qr_row (doc, n, payloads, captions, 58, i == 0 ? 8 : 4, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_sheet (McDocument      *doc,
           McProcedure     *p,
           const McOffice  *office,
           const char      *url_template,
           GError         **error)
{
  g_autofree char *name = esc (p->name);
  g_autofree char *code = esc (p->code);
  g_autofree char *sector = esc (p->sector);
  g_autofree char *title = g_strdup_printf ("<b>%s</b>", name);
  g_autofree char *code_line = g_strdup_printf ("Mã thủ tục: <b>%s</b>          Lĩnh vực: %s", code, sector);
  g_autofree char *duration = duration_text (p);
  g_autofree char *duration_esc = esc (duration);
  g_autofree char *duration_line = g_strdup_printf ("<b>1. Thời hạn giải quyết:</b> %s", duration_esc);
  g_autofree char *fee = esc (p->fee && *p->fee ? p->fee : "Không");
  g_autofree char *fee_line = g_strdup_printf ("<b>2. Phí, lệ phí:</b> %s", fee);
  g_autofree char *body = esc (p->deciding_body);
  g_autofree char *body_line = g_strdup_printf ("<b>4. Cơ quan có thẩm quyền giải quyết:</b> %s", body);
  g_autofree char *where = esc (office->name);
  g_autofree char *where_line = g_strdup_printf ("<b>5. Nơi tiếp nhận và trả kết quả:</b> Trung tâm Phục vụ hành "
                                                 "chính công, %s; hoặc nộp trực tuyến trên Cổng Dịch vụ công "
                                                 "quốc gia.", where);
  g_autofree char *url = mc_posting_url (url_template, p->code);
  g_autofree char *url_esc = esc (url);
  g_autofree char *qr_caption = g_strdup_printf ("Quét mã QR để xem thủ tục, các mẫu đơn, tờ khai và nộp hồ sơ "
                                                 "trực tuyến:\n<small>%s</small>", url_esc);

  mc_document_add_header (doc, office->parent, office->unit_name, "", "", NULL);
  mc_document_add_text (doc, "<b>NIÊM YẾT THỦ TỤC HÀNH CHÍNH</b>", 13, MC_ALIGN_CENTER, 0, 6);
  mc_document_add_text (doc, title, 15, MC_ALIGN_CENTER, 0, 4);
  mc_document_add_text (doc, code_line, BODY, MC_ALIGN_CENTER, 0, 2);
  mc_document_add_text (doc, duration_line, BODY, MC_ALIGN_JUSTIFY, 0, 10);
  mc_document_add_text (doc, fee_line, BODY, MC_ALIGN_JUSTIFY, 0, 4);
  mc_document_add_text (doc, "<b>3. Thành phần hồ sơ:</b>", BODY, MC_ALIGN_LEFT, 0, 4);
  for (guint i = 0; p->documents != NULL && i < p->documents->len; i++)
    {
      McProcedureDocument *d = g_ptr_array_index (p->documents, i);
      g_autofree char *doc_name = esc (d->name);
      g_autofree char *counts = NULL;
      g_autofree char *line = NULL;

      if (d->originals > 0 && d->copies > 0)
        counts = g_strdup_printf ("%02d bản chính, %02d bản sao", d->originals, d->copies);
      else if (d->copies > 0)
        counts = g_strdup_printf ("%02d bản sao", d->copies);
      else
        counts = g_strdup_printf ("%02d bản chính", MAX (d->originals, 1));
      line = g_strdup_printf ("%u) %s: %s%s.", i + 1, doc_name, counts, d->required ? "" : " (nếu có)");
      mc_document_add_text (doc, line, BODY, MC_ALIGN_JUSTIFY, 0, 2);
    }
  mc_document_add_text (doc, "Số lượng hồ sơ: 01 (bộ).", BODY, MC_ALIGN_LEFT, 0, 2);
  mc_document_add_text (doc, body_line, BODY, MC_ALIGN_JUSTIFY, 0, 4);
  mc_document_add_text (doc, where_line, BODY, MC_ALIGN_JUSTIFY, 0, 4);
  return mc_document_add_qr (doc, url, qr_caption, 12, error);
}

/**
 * mc_posting_render:
 * @procedures: (element-type McProcedure): the catalogue, in the order to print
 * @url_template: (nullable): the portal's page, with "{code}"; %NULL for the national portal
 *
 * Returns: (transfer full): the index page, then one sheet per procedure
 */
McDocument *
mc_posting_render (GPtrArray       *procedures,
                   const McOffice  *office,
                   const char      *url_template,
                   GError         **error)
{
  g_autoptr(McDocument) doc = mc_document_new (FALSE);

  g_return_val_if_fail (procedures != NULL && office != NULL, NULL);

  if (!add_index (doc, procedures, office, url_template, error))
    return NULL;
  for (guint i = 0; i < procedures->len; i++)
    {
      /* Each sheet is posted on its own, so its page count starts again. */
      mc_document_add_page_break (doc);
      if (!add_sheet (doc, g_ptr_array_index (procedures, i), office, url_template, error))
        return NULL;
    }
  return g_steal_pointer (&doc);
}
