/* mc-late-list.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The period's late dossiers with their apology letters, for the office's portal: the names shortened and the
 * identity numbers masked, as the personal-data rules require of a published list. PDF (landscape A4, the
 * official header) and CSV (UTF-8 with a byte-order mark, RFC 4180). Vietnamese whatever the interface language. */

#define G_LOG_DOMAIN "mc-late-list"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-audit.h"
#include "mc-csv.h"
#include "mc-document-private.h"
#include "mc-form-issuer.h"
#include "mc-forms.h"
#include "mc-identity.h"
#include "mc-late-list.h"
#include "mc-private-file.h"
#include "mc-time.h"

#define TABLE_SIZE 10.0
#define BODY 13.0
/* The list's audit line: MC_AUDIT_REGISTER, the file, this detail. */
#define AUDIT_DETAIL "late dossiers"

/**
 * mc_late_list_short_name:
 *
 * A name as a published list shows it: the family name in full, the other words by their initial
 * ("Nguyễn Thị Phương Thảo" → "Nguyễn T. P. T."). The dash of a removed name stays a dash.
 */
char *
mc_late_list_short_name (const char *full_name)
{
  g_auto(GStrv) words = g_strsplit (full_name ? full_name : "", " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (first)
        g_string_append (out, words[i]);
      else
        {
          gunichar initial = g_unichar_toupper (g_utf8_get_char (words[i]));

          g_string_append_c (out, ' ');
          g_string_append_unichar (out, initial);
          g_string_append_c (out, '.');
        }
      first = FALSE;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A moment in a cell: empty for none. */
static char *
format_time (McMinute minute)
{
  return minute == MC_MINUTE_NONE ? g_strdup ("") : mc_time_format_short (minute);
}

static char *
state_text (McDossier *d)
{
  g_autofree char *when = format_time (d->settled);

  if (d->settled != MC_MINUTE_NONE)
    return g_strdup_printf ("Có kết quả %s (quá hạn)", when);
  return g_strdup ("Đang giải quyết, quá hạn");
}

static char *
apology_text (McDossier *d)
{
  g_autofree char *at = NULL;
  g_autofree char *new_due = NULL;

  if (!d->has_apology)
    return g_strdup ("Chưa có");
  at = format_time (d->apology_at);
  new_due = format_time (d->new_due);
  if (d->apology_number > 0)
    return g_strdup_printf ("Số %02d/PXL, %.10s; hẹn lại %s", d->apology_number, at, new_due);
  return g_strdup_printf ("%.10s; hẹn lại %s", at, new_due);
}

static gboolean
check_period (int       from_jdn,
              int       to_jdn,
              GError  **error)
{
  if (to_jdn < from_jdn)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("The period ends before it starts"));
      return FALSE;
    }
  return TRUE;
}

/**
 * mc_late_list_render:
 *
 * The audit log records the list (MC_AUDIT_REGISTER, the file's name, "late dossiers") when the document is saved,
 * printed or shown.
 *
 * Returns: (transfer full): the list as a landscape document
 */
McDocument *
mc_late_list_render (McStore     *store,
                     int          from_jdn,
                     int          to_jdn,
                     GError     **error)
{
  static const double shares[] = { 0.04, 0.195, 0.18, 0.10, 0.11, 0.09, 0.13, 0.155 };
  static const char *header[] = {
    "<b>STT</b>", "<b>Mã hồ sơ</b>", "<b>Tên thủ tục hành chính</b>", "<b>Người nộp</b>", "<b>Số định danh</b>",
    "<b>Hẹn trả kết quả</b>", "<b>Tình trạng</b>", "<b>Văn bản xin lỗi</b>",
  };
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(McDocument) doc = NULL;
  const McOffice *office;
  g_autofree char *date_line = NULL;
  g_autoptr(McFormIssuer) issuer = NULL;
  g_autofree char *number_line = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  g_autofree char *totals = NULL;
  guint with_letter = 0;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  if (!check_period (from_jdn, to_jdn, error))
    return NULL;
  late = mc_store_list_late (store, from_jdn, to_jdn, error);
  if (late == NULL)
    return NULL;
  office = mc_store_get_office (store);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < late->len; i++)
    {
      McDossier *d = g_ptr_array_index (late, i);
      g_autofree char *name = mc_late_list_short_name (d->applicant_name);
      g_autofree char *id = mc_id_number_mask (d->applicant_id);
      g_autofree char *due = format_time (d->due);
      g_autofree char *state = state_text (d);
      g_autofree char *letter = apology_text (d);
      char **cells = g_new0 (char *, 9);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_markup_escape_text (d->code, -1);
      cells[2] = g_markup_escape_text (d->procedure_name ? d->procedure_name : "", -1);
      cells[3] = g_markup_escape_text (name, -1);
      cells[4] = g_markup_escape_text (id, -1);
      cells[5] = g_markup_escape_text (due, -1);
      cells[6] = g_markup_escape_text (state, -1);
      cells[7] = g_markup_escape_text (letter, -1);
      g_ptr_array_add (rows, cells);
      with_letter += d->has_apology;
    }

  doc = mc_document_new (TRUE);
  date_line = mc_form_place_date (office->place, mc_time_now ());
  /* A document the office issues (issuer_late_list): its number is written by hand, as the office's register of
   * outgoing documents gives it, and its head signs. */
  issuer = mc_form_issuer_new (office, "late_list");
  number_line = mc_form_issuer_number_line (issuer, "DS", 0);
  mc_form_issuer_add_header (issuer, doc, number_line, date_line, NULL);
  mc_document_add_text (doc, "<b>DANH SÁCH HỒ SƠ GIẢI QUYẾT QUÁ HẠN VÀ VĂN BẢN XIN LỖI</b>", 14, MC_ALIGN_CENTER, 0,
                        12);
  from = mc_date_format_short (from_jdn);
  to = mc_date_format_short (to_jdn);
  period = g_strdup_printf ("<i>Từ ngày %s đến ngày %s</i>", from, to);
  mc_document_add_text (doc, period, BODY, MC_ALIGN_CENTER, 0, 2);
  mc_document_add_text (doc, "<i>Họ tên người nộp được viết tắt và số định danh được che một phần theo quy định "
                             "về bảo vệ dữ liệu cá nhân.</i>", TABLE_SIZE, MC_ALIGN_CENTER, 0, 6);
  if (rows->len > 0)
    mc_document_add_table (doc, G_N_ELEMENTS (shares), shares, header, rows, TABLE_SIZE, 2);
  else
    mc_document_add_text (doc, "<i>Không có hồ sơ nào giải quyết quá hạn trong kỳ.</i>", BODY, MC_ALIGN_CENTER, 0, 6);
  totals = g_strdup_printf ("Tổng số: <b>%u</b> hồ sơ quá hạn; đã có văn bản xin lỗi: <b>%u</b>.", rows->len,
                            with_letter);
  mc_document_add_text (doc, totals, BODY, MC_ALIGN_LEFT, 0, 8);
  mc_form_issuer_add_signer (issuer, doc, 12);
  _mc_document_audit_file (doc, store, MC_AUDIT_REGISTER, AUDIT_DETAIL);
  return g_steal_pointer (&doc);
}


/**
 * mc_late_list_write_csv:
 *
 * The same list as CSV (UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF), written whole or not at all, and
 * recorded in the audit log as the PDF is.
 */
gboolean
mc_late_list_write_csv (McStore     *store,
                        int          from_jdn,
                        int          to_jdn,
                        const char  *path,
                        GError     **error)
{
  static const char *header[] = {
    "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Người nộp", "Số định danh", "Hẹn trả kết quả", "Tình trạng",
    "Văn bản xin lỗi",
  };
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  if (!check_period (from_jdn, to_jdn, error))
    return FALSE;
  late = mc_store_list_late (store, from_jdn, to_jdn, error);
  if (late == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    mc_csv_append_cell (csv, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < late->len; i++)
    {
      McDossier *d = g_ptr_array_index (late, i);
      g_autofree char *stt = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = mc_late_list_short_name (d->applicant_name);
      g_autofree char *id = mc_id_number_mask (d->applicant_id);
      g_autofree char *due = format_time (d->due);
      g_autofree char *state = state_text (d);
      g_autofree char *letter = apology_text (d);

      mc_csv_append_cell (csv, stt, FALSE);
      mc_csv_append_cell (csv, d->code, FALSE);
      mc_csv_append_cell (csv, d->procedure_name, FALSE);
      mc_csv_append_cell (csv, name, FALSE);
      mc_csv_append_cell (csv, id, FALSE);
      mc_csv_append_cell (csv, due, FALSE);
      mc_csv_append_cell (csv, state, FALSE);
      mc_csv_append_cell (csv, letter, TRUE);
    }
  if (!mc_private_file_write (path, csv->str, csv->len, &local_error))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO, _("The list could not be saved to %s: %s"), path,
                   local_error->message);
      return FALSE;
    }
  {
    g_autofree char *name = g_path_get_basename (path);
    mc_audit_record (store, MC_AUDIT_REGISTER, name, AUDIT_DETAIL, NULL);
  }
  return TRUE;
}
