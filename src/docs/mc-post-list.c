/* mc-post-list.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Results sent by post (bưu chính công ích): the hand-over list the postal worker signs when collecting them,
 * with each citizen's address and telephone and a column for the item's tracking number. The number is then
 * recorded per dossier as it is handed over ("returned", with the tracking number). */

#define G_LOG_DOMAIN "mc-post-list"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-audit.h"
#include "mc-document-private.h"
#include "mc-forms.h"
#include "mc-identity.h"
#include "mc-post-list.h"
#include "mc-time.h"

#define TABLE_SIZE 10.0
#define BODY       13.0
#define PAGE_ROWS  500

/**
 * mc_post_list_dossiers:
 *
 * Returns: (transfer full) (element-type McDossier): the dossiers whose result is ready and goes by post, oldest
 *   due first
 */
GPtrArray *
mc_post_list_dossiers (McStore  *store,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
  McQuery query;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  mc_query_init (&query);
  query.status_mask = 1u << MC_STATUS_RESULT_READY;
  query.sort = MC_SORT_DUE;
  query.limit = PAGE_ROWS;
  for (;;)
    {
      g_autoptr(GPtrArray) page = mc_store_query (store, &query, error);

      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len; i++)
        {
          McDossier *d = g_ptr_array_index (page, i);

          /* The list rows carry no address: the dossier itself does. */
          if (g_strcmp0 (d->result_delivery, "post") == 0)
            {
              McDossier *full = mc_store_get_dossier (store, d->uuid, error);

              if (full == NULL)
                return NULL;
              g_ptr_array_add (list, full);
            }
        }
      if (page->len < PAGE_ROWS)
        break;
      query.offset += PAGE_ROWS;
    }
  return g_steal_pointer (&list);
}

/**
 * mc_post_list_render:
 *
 * The hand-over list (landscape A4, in Vietnamese): one row per result to send, the two signatures under it.
 * The audit log records it (MC_AUDIT_PRINT, "post hand-over list") when the document is first shown, printed
 * or saved.
 */
McDocument *
mc_post_list_render (McStore  *store,
                     GError  **error)
{
  static const char *header[] = {
    "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Người nhận", "Địa chỉ nhận", "Điện thoại", "Số hiệu bưu gửi",
  };
  static const double shares[] = { 0.05, 0.19, 0.20, 0.14, 0.22, 0.09, 0.11 };
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(McDocument) doc = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *totals = NULL;
  const McOffice *office;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  office = mc_store_get_office (store);
  dossiers = mc_post_list_dossiers (store, error);
  if (dossiers == NULL)
    return NULL;
  for (guint i = 0; i < dossiers->len; i++)
    {
      McDossier *d = g_ptr_array_index (dossiers, i);
      g_autofree char *phone = d->phone ? mc_phone_format (d->phone) : g_strdup ("");
      char **cells = g_new0 (char *, G_N_ELEMENTS (header) + 1);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_markup_escape_text (d->code, -1);
      cells[2] = g_markup_escape_text (d->procedure_name ? d->procedure_name : "", -1);
      cells[3] = g_markup_escape_text (d->applicant_name ? d->applicant_name : "", -1);
      cells[4] = g_markup_escape_text (d->address ? d->address : "", -1);
      cells[5] = g_markup_escape_text (phone, -1);
      cells[6] = g_strdup ("");
      g_ptr_array_add (rows, cells);
    }

  doc = mc_document_new (TRUE);
  date_line = mc_form_place_date (office->place, mc_time_now ());
  mc_document_add_header (doc, office->parent, office->unit_name, "", date_line, NULL);
  mc_document_add_text (doc, "<b>DANH SÁCH BÀN GIAO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n"
                             "QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH</b>", 14, MC_ALIGN_CENTER, 0, 12);
  if (rows->len > 0)
    mc_document_add_table (doc, G_N_ELEMENTS (shares), shares, header, rows, TABLE_SIZE, 8);
  else
    mc_document_add_text (doc, "<i>Không có kết quả nào chờ gửi qua bưu chính.</i>", BODY, MC_ALIGN_CENTER, 0, 8);
  totals = g_strdup_printf ("Tổng số: <b>%u</b> kết quả được bàn giao cho nhân viên bưu chính.", rows->len);
  mc_document_add_text (doc, totals, BODY, MC_ALIGN_LEFT, 0, 8);
  mc_document_add_signatures (doc, "BÊN GIAO", "(Ký, ghi rõ họ tên)", office->clerk, "NHÂN VIÊN BƯU CHÍNH",
                              "(Ký, ghi rõ họ tên)", "", 12);
  _mc_document_audit (doc, store, MC_AUDIT_PRINT, NULL, "post hand-over list");
  return g_steal_pointer (&doc);
}
