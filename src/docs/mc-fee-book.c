/* mc-fee-book.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The fee book (sổ theo dõi thu phí, lệ phí): every payment and refund of a period with totals per procedure, per
 * method and overall, as a PDF (landscape A4, the official header) and as CSV (UTF-8 with a byte-order mark, RFC
 * 4180); and the day's closing list (bảng kê thu phí, lệ phí cuối ngày) the clerk signs and hands to the
 * accountant. Vietnamese whatever the interface language (docs/fees.md). */

#define G_LOG_DOMAIN "mc-fee-book"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-audit.h"
#include "mc-csv.h"
#include "mc-document-private.h"
#include "mc-fee-book.h"
#include "mc-fee.h"
#include "mc-forms.h"
#include "mc-private-file.h"
#include "mc-time.h"

#define TABLE_SIZE 10.0
#define BODY 12.0
#define AUDIT_DETAIL "fee book"

const char *
mc_fee_method_label (const char *method)
{
  if (g_strcmp0 (method, "transfer") == 0)
    return "Chuyển khoản";
  if (g_strcmp0 (method, "online") == 0)
    return "Trực tuyến";
  return "Tiền mặt";
}

/**
 * mc_fee_book_rows:
 * @out_totals: (out) (optional): what the lines add up to
 *
 * Returns: (transfer full) (element-type McFeeRow): the period's payments and refunds, days @from_jdn to @to_jdn
 *   inclusive, in time order; %NULL with @error
 */
GPtrArray *
mc_fee_book_rows (McStore     *store,
                  int          from_jdn,
                  int          to_jdn,
                  McFeeTotals *out_totals,
                  GError     **error)
{
  GPtrArray *rows;
  McFeeTotals totals = { 0, 0 };

  if (to_jdn < from_jdn)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The period ends before it starts"));
      return NULL;
    }
  rows = mc_store_list_fee_rows (store, mc_minute_from_jdn (from_jdn, 0), mc_minute_from_jdn (to_jdn + 1, 0),
                                 error);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      McFeeRow *row = g_ptr_array_index (rows, i);

      if (row->refund)
        totals.refunded += row->amount;
      else
        totals.collected += row->amount;
    }
  if (out_totals)
    *out_totals = totals;
  return rows;
}

static char *
signed_amount (McFeeRow *row)
{
  g_autofree char *amount = mc_fee_format_amount (row->amount);

  return row->refund ? g_strdup_printf ("−%s", amount) : g_strdup (amount);
}

static char *
receipt_text (McFeeRow *row)
{
  if (row->receipt == NULL)
    return g_strdup ("");
  if (row->duplicate_receipt)
    return g_strdup_printf ("%s (trùng số)", row->receipt);
  return g_strdup (row->receipt);
}

/* Totals in the order first met: per procedure net of its refunds; per method what each method collected, the
 * refunds on a line of their own (a refund is given back in cash whatever the payment's method was). */
static void
add_totals (McDocument *doc,
            GPtrArray  *rows,
            const char *title,
            gboolean    by_method)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      McFeeRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = by_method ? g_strdup (row->refund ? "Hoàn trả" : mc_fee_method_label (row->method))
                                       : g_strdup_printf ("%s %s", row->procedure_code,
                                                          row->procedure_name ? row->procedure_name : "");
      gint64 *sum = g_hash_table_lookup (sums, key);

      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_ptr_array_add (order, key);
          g_hash_table_insert (sums, g_steal_pointer (&key), sum);
        }
      *sum += row->refund && !by_method ? -row->amount : row->amount;
    }
  g_string_append_printf (text, "<b>%s</b>", title);
  for (guint i = 0; i < order->len; i++)
    {
      const char *key = g_ptr_array_index (order, i);
      g_autofree char *escaped = g_markup_escape_text (key, -1);
      g_autofree char *amount = mc_fee_format_amount (*(gint64 *) g_hash_table_lookup (sums, key));

      g_string_append_printf (text, "\n– %s: %s đồng", escaped, amount);
    }
  mc_document_add_text (doc, text->str, BODY, MC_ALIGN_LEFT, 0, 4);
}

/**
 * mc_fee_book_render:
 * @closing: the day's closing list, with the clerk's and the accountant's signatures
 *
 * The audit log records the book (MC_AUDIT_REGISTER, the file's name, "fee book") when it is saved or printed.
 *
 * Returns: (transfer full): the book as a landscape document
 */
McDocument *
mc_fee_book_render (McStore     *store,
                    int          from_jdn,
                    int          to_jdn,
                    gboolean     closing,
                    GError     **error)
{
  static const double shares[] = { 0.04, 0.09, 0.19, 0.12, 0.24, 0.11, 0.09, 0.12 };
  static const char *header[] = {
    "<b>STT</b>", "<b>Thời gian</b>", "<b>Mã hồ sơ</b>", "<b>Người nộp</b>", "<b>Thủ tục hành chính</b>",
    "<b>Số biên lai</b>", "<b>Hình thức</b>", "<b>Số tiền (đồng)</b>",
  };
  g_autoptr(GPtrArray) fees = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(McDocument) doc = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  g_autofree char *totals_text = NULL;
  g_autofree char *collected = NULL;
  g_autofree char *refunded = NULL;
  g_autofree char *net = NULL;
  const McOffice *office;
  McFeeTotals totals;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  fees = mc_fee_book_rows (store, from_jdn, to_jdn, &totals, error);
  if (fees == NULL)
    return NULL;
  office = mc_store_get_office (store);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < fees->len; i++)
    {
      McFeeRow *row = g_ptr_array_index (fees, i);
      g_autofree char *when = mc_time_format_short (row->at);
      g_autofree char *amount = signed_amount (row);
      g_autofree char *receipt = receipt_text (row);
      g_autofree char *procedure = g_strdup_printf ("%s %s", row->procedure_code,
                                                    row->procedure_name ? row->procedure_name : "");
      char **cells = g_new0 (char *, 9);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_markup_escape_text (when, -1);
      cells[2] = g_markup_escape_text (row->dossier_code, -1);
      cells[3] = g_markup_escape_text (row->payer ? row->payer : "", -1);
      cells[4] = g_markup_escape_text (procedure, -1);
      cells[5] = g_markup_escape_text (receipt, -1);
      cells[6] = g_strdup (row->refund ? "Hoàn trả" : mc_fee_method_label (row->method));
      cells[7] = g_markup_escape_text (amount, -1);
      g_ptr_array_add (rows, cells);
    }

  doc = mc_document_new (TRUE);
  date_line = mc_form_place_date (office->place, mc_time_now ());
  mc_document_add_header (doc, office->parent, office->unit_name, "", date_line, NULL);
  mc_document_add_text (doc, closing ? "<b>BẢNG KÊ THU PHÍ, LỆ PHÍ CUỐI NGÀY</b>" : "<b>SỔ THEO DÕI THU PHÍ, LỆ PHÍ</b>",
                        14, MC_ALIGN_CENTER, 0, 12);
  from = mc_date_format_short (from_jdn);
  to = mc_date_format_short (to_jdn);
  period = from_jdn == to_jdn ? g_strdup_printf ("<i>Ngày %s</i>", from)
                              : g_strdup_printf ("<i>Từ ngày %s đến ngày %s</i>", from, to);
  mc_document_add_text (doc, period, BODY, MC_ALIGN_CENTER, 0, 6);
  if (rows->len > 0)
    mc_document_add_table (doc, G_N_ELEMENTS (shares), shares, header, rows, TABLE_SIZE, 2);
  else
    mc_document_add_text (doc, "<i>Không có khoản thu, hoàn trả nào trong kỳ.</i>", BODY, MC_ALIGN_CENTER, 0, 6);
  if (rows->len > 0)
    {
      add_totals (doc, fees, "Theo thủ tục (đã trừ hoàn trả):", FALSE);
      add_totals (doc, fees, "Theo hình thức:", TRUE);
    }
  collected = mc_fee_format_amount (totals.collected);
  refunded = mc_fee_format_amount (totals.refunded);
  net = mc_fee_format_amount (totals.collected - totals.refunded);
  totals_text = g_strdup_printf ("Tổng thu: <b>%s</b> đồng; hoàn trả: <b>%s</b> đồng; còn lại: <b>%s</b> đồng.",
                                 collected, refunded, net);
  mc_document_add_text (doc, totals_text, BODY, MC_ALIGN_LEFT, 0, 8);
  if (closing)
    mc_document_add_signatures (doc, "NGƯỜI LẬP BẢNG KÊ", "(Ký và ghi rõ họ tên)", office->clerk, "KẾ TOÁN",
                                "(Ký và ghi rõ họ tên)", NULL, 18);
  _mc_document_audit_file (doc, store, MC_AUDIT_REGISTER, AUDIT_DETAIL);
  return g_steal_pointer (&doc);
}


/**
 * mc_fee_book_write_csv:
 *
 * The book's lines as CSV (UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF): one line per payment or refund,
 * amounts in plain đồng (a refund's positive, its kind says so), written whole or not at all and audited as the
 * PDF is.
 */
gboolean
mc_fee_book_write_csv (McStore     *store,
                       int          from_jdn,
                       int          to_jdn,
                       const char  *path,
                       GError     **error)
{
  static const char *header[] = {
    "STT", "Thời gian", "Mã hồ sơ", "Người nộp", "Mã thủ tục", "Tên thủ tục", "Số biên lai", "Hình thức", "Loại",
    "Số tiền", "Trùng số biên lai",
  };
  g_autoptr(GPtrArray) fees = NULL;
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  fees = mc_fee_book_rows (store, from_jdn, to_jdn, NULL, error);
  if (fees == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    mc_csv_append_cell (csv, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < fees->len; i++)
    {
      McFeeRow *row = g_ptr_array_index (fees, i);
      g_autofree char *stt = g_strdup_printf ("%u", i + 1);
      g_autofree char *when = mc_time_format_iso (row->at);
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, row->amount);

      mc_csv_append_cell (csv, stt, FALSE);
      mc_csv_append_cell (csv, when, FALSE);
      mc_csv_append_cell (csv, row->dossier_code, FALSE);
      mc_csv_append_cell (csv, row->payer, FALSE);
      mc_csv_append_cell (csv, row->procedure_code, FALSE);
      mc_csv_append_cell (csv, row->procedure_name, FALSE);
      mc_csv_append_cell (csv, row->receipt, FALSE);
      mc_csv_append_cell (csv, row->method, FALSE);
      mc_csv_append_cell (csv, row->refund ? "refund" : "payment", FALSE);
      mc_csv_append_cell (csv, amount, FALSE);
      mc_csv_append_cell (csv, row->duplicate_receipt ? "1" : "0", TRUE);
    }
  if (!mc_private_file_write (path, csv->str, csv->len, &local_error))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO, _("The fee book could not be saved to %s: %s"), path,
                   local_error->message);
      return FALSE;
    }
  name = g_path_get_basename (path);
  mc_audit_record (store, MC_AUDIT_REGISTER, name, AUDIT_DETAIL, NULL);
  return TRUE;
}
