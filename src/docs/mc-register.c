/* mc-register.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-register"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mc-audit.h"
#include "mc-csv.h"
#include "mc-document-private.h"
#include "mc-forms.h"
#include "mc-identity.h"
#include "mc-register.h"
#include "mc-time.h"

/* The register is a legal book: its printed text and the CSV headers are Vietnamese whatever the UI language. */

#define TABLE_SIZE 9.5
#define BODY 13.0

G_DEFINE_QUARK (mc-register-error-quark, mc_register_error)

/* What the closing lines of the printed book count: the dossiers received in the period, as they stand now. */
typedef struct
{
  guint total;
  guint by_channel[4];
  guint settled;
  guint early;
  guint on_time;
  guint late;
  guint returned;
  guint in_progress;
  guint paused;
  guint refused;
  guint stopped;
  guint transferred;
} Totals;

/* One line of the book: a dossier as mc_store_foreach_received() gives it. */
typedef gboolean (*RowFunc) (const McDossier  *row,
                             gpointer          user_data,
                             GError          **error);

static const char *csv_header[] = {
  /* the model's columns */
  "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại",
  "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả", "Phương thức nhận kết quả",
  "Ký nhận",
  /* what the statistics need besides */
  "Mã thủ tục", "Lĩnh vực", "Hình thức nộp", "Trạng thái", "Thời điểm có kết quả", "Kết quả giải quyết",
  "Hẹn lại (văn bản xin lỗi)", "Quyển số",
  /* a dossier sent on to the competent body (Nghị định 118/2025 Điều 18): where, and when */
  "Chuyển đến", "Thời điểm chuyển",
};

/*
 * Auxiliary methods
 */

static gboolean
check_period (int      from_jdn,
              int      to_jdn,
              GError **error)
{
  if (to_jdn >= from_jdn)
    return TRUE;
  g_set_error_literal (error, MC_REGISTER_ERROR, MC_REGISTER_ERROR_INVALID_PERIOD,
                       _("The end of the period is before its start"));
  return FALSE;
}

typedef struct
{
  RowFunc  func;
  gpointer user_data;
} Walk;

static gboolean
walk_dossier (McDossier  *dossier,
              gpointer    data,
              GError    **error)
{
  Walk *walk = data;

  return walk->func (dossier, walk->user_data, error);
}

/* Streams the book's rows from the store (mc_store_foreach_received()): the dossiers as the projection holds
 * them, the address as corrected included. */
static gboolean
for_each_row (McStore     *store,
              int          from_jdn,
              int          to_jdn,
              const char  *sector,
              RowFunc      func,
              gpointer     user_data,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  Walk walk = { func, user_data };

  if (mc_store_foreach_received (store, from_jdn, to_jdn, sector, walk_dossier, &walk, &local_error))
    return TRUE;
  if (local_error->domain == MC_STORE_ERROR)
    g_set_error (error, MC_REGISTER_ERROR, MC_REGISTER_ERROR_DATABASE,
                 /* Translators: %s is the database's own message */
                 _("The register could not be read from the database: %s"), local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
count_row (Totals          *totals,
           const McDossier *row)
{
  totals->total++;
  totals->by_channel[row->channel]++;
  if (row->settled != MC_MINUTE_NONE)
    {
      totals->settled++;
      if (row->outcome == MC_DUE_STATE_EARLY)
        totals->early++;
      else if (row->outcome == MC_DUE_STATE_ON_TIME)
        totals->on_time++;
      else
        totals->late++;
    }
  if (row->returned != MC_MINUTE_NONE)
    totals->returned++;
  if (row->status == MC_STATUS_IN_PROGRESS)
    totals->in_progress++;
  else if (row->status == MC_STATUS_PAUSED)
    totals->paused++;
  else if (row->status == MC_STATUS_TRANSFERRED)
    totals->transferred++;
  else if (row->status == MC_STATUS_REFUSED)
    totals->refused++;
  else if (row->status == MC_STATUS_STOPPED)
    totals->stopped++;
}

static const char *
channel_text (McChannel channel)
{
  switch (channel)
    {
    case MC_CHANNEL_POST:
      return "Bưu chính";
    case MC_CHANNEL_ONLINE:
      return "Trực tuyến";
    case MC_CHANNEL_LINKED:
      return "Liên thông";
    default:
      return "Trực tiếp";
    }
}

static const char *
delivery_text (const char *delivery)
{
  return g_strcmp0 (delivery, "post") == 0 ? "Qua bưu chính" : "Trực tiếp";
}

static const char *
status_text (McStatus status)
{
  switch (status)
    {
    case MC_STATUS_PAUSED:
      return "Chờ bổ sung hồ sơ";
    case MC_STATUS_RESULT_READY:
      return "Đã có kết quả, chờ trả";
    case MC_STATUS_RETURNED:
      return "Đã trả kết quả";
    case MC_STATUS_REFUSED:
      return "Từ chối tiếp nhận";
    case MC_STATUS_STOPPED:
      return "Dừng giải quyết";
    case MC_STATUS_TRANSFERRED:
      return "Chuyển cơ quan có thẩm quyền";
    default:
      return "Đang giải quyết";
    }
}

static const char *
outcome_text (McDueState outcome)
{
  switch (outcome)
    {
    case MC_DUE_STATE_EARLY:
      return "Trước hạn";
    case MC_DUE_STATE_ON_TIME:
      return "Đúng hạn";
    case MC_DUE_STATE_LATE:
      return "Quá hạn";
    default:
      return "";
    }
}

/* "23/11/2026 09:10" for the printed book, "2026-11-23 09:10" (which spreadsheets read as a date) for the CSV. */
static char *
format_time (McMinute minute,
             gboolean iso)
{
  int y, m, d, mod;

  if (minute == MC_MINUTE_NONE)
    return g_strdup ("");
  if (!iso)
    return mc_time_format_short (minute);
  mc_jdn_to_ymd (mc_minute_jdn (minute), &y, &m, &d);
  mod = mc_minute_of_day (minute);
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", y, m, d, mod / 60, mod % 60);
}

static char *
address_phone (const McDossier *row)
{
  g_autofree char *phone = row->phone && *row->phone ? mc_phone_format (row->phone) : NULL;
  gboolean has_address = row->address != NULL && *row->address != '\0';

  if (has_address && phone)
    return g_strdup_printf ("%s; ĐT: %s", row->address, phone);
  if (phone)
    return g_strdup_printf ("ĐT: %s", phone);
  return g_strdup (has_address ? row->address : "");
}

/*
 * CSV
 */

typedef struct
{
  FILE       *file;
  GString    *line;
  const char *path;
} CsvWriter;


static gboolean
write_error (const char  *path,
             int          saved_errno,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, MC_REGISTER_ERROR, MC_REGISTER_ERROR_WRITE,
               /* Translators: the first %s is a file name, the second the system's reason */
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
csv_write_line (CsvWriter  *writer,
                GError    **error)
{
  if (fwrite (writer->line->str, 1, writer->line->len, writer->file) != writer->line->len)
    return write_error (writer->path, errno, error);
  g_string_truncate (writer->line, 0);
  return TRUE;
}

static gboolean
csv_row (const McDossier  *row,
         gpointer          user_data,
         GError          **error)
{
  CsvWriter *writer = user_data;
  GString *line = writer->line;
  g_autofree char *contact = address_phone (row);
  g_autofree char *received = format_time (row->received, TRUE);
  g_autofree char *due = format_time (row->due, TRUE);
  g_autofree char *returned = format_time (row->returned, TRUE);
  g_autofree char *settled = format_time (row->settled, TRUE);
  g_autofree char *new_due = format_time (row->new_due, TRUE);
  g_autofree char *transferred = format_time (row->transferred_at, TRUE);

  mc_csv_append_cell (line, row->book_entry, FALSE);
  mc_csv_append_cell (line, row->code, FALSE);
  mc_csv_append_cell (line, row->procedure_name, FALSE);
  mc_csv_append_cell (line, row->applicant_name, FALSE);
  mc_csv_append_cell (line, contact, FALSE);
  mc_csv_append_cell (line, row->deciding_body, FALSE);
  mc_csv_append_cell (line, received, FALSE);
  mc_csv_append_cell (line, due, FALSE);
  mc_csv_append_cell (line, returned, FALSE);
  mc_csv_append_cell (line, delivery_text (row->result_delivery), FALSE);
  mc_csv_append_cell (line, row->returned_to, FALSE);
  mc_csv_append_cell (line, row->procedure_code, FALSE);
  mc_csv_append_cell (line, row->sector, FALSE);
  mc_csv_append_cell (line, channel_text (row->channel), FALSE);
  mc_csv_append_cell (line, status_text (row->status), FALSE);
  mc_csv_append_cell (line, settled, FALSE);
  mc_csv_append_cell (line, outcome_text (row->outcome), FALSE);
  mc_csv_append_cell (line, new_due, FALSE);
  mc_csv_append_cell (line, row->book, FALSE);
  mc_csv_append_cell (line, row->transferred_to, FALSE);
  mc_csv_append_cell (line, transferred, TRUE);
  /* Flush every few rows: one line at a time through stdio's buffer, never the whole year in memory. */
  return csv_write_line (writer, error);
}

/*
 * PDF
 */

typedef struct
{
  GPtrArray *rows;    /* GStrv of cell markup */
  GPtrArray *books;   /* each row's book, to name it once when the rows share one */
  Totals     totals;
} PdfRows;

static char *
esc (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* The book's narrow time columns: the date, then the time under it, never a date broken inside. */
static char *
table_time (McMinute minute)
{
  g_autofree char *text = format_time (minute, FALSE);
  char *space = strchr (text, ' ');

  if (space != NULL)
    *space = '\n';
  return g_steal_pointer (&text);
}

/* "000.00.12.H40-" over "261123-010001": the office's code, then the day and number, each whole (no line may
 * break between a hyphen and the digits after it). */
static char *
table_code (const char *code)
{
  const char *dash = code ? strchr (code, '-') : NULL;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;

  if (dash == NULL)
    return esc (code);
  head = g_markup_escape_text (code, dash + 1 - code);
  tail = esc (dash + 1);
  return g_strdup_printf ("%s\n%s", head, tail);
}

static gboolean
pdf_row (const McDossier  *row,
         gpointer          user_data,
         GError          **error)
{
  PdfRows *pdf = user_data;
  g_autofree char *contact = address_phone (row);
  g_autofree char *due = table_time (row->due);
  char **cells = g_new0 (char *, 12);

  count_row (&pdf->totals, row);
  /* The entry the slip printed ("Vào Sổ theo dõi hồ sơ … Số thứ tự"), not the row's place in this printout. */
  cells[0] = esc (row->book_entry);
  cells[1] = table_code (row->code);
  cells[2] = esc (row->procedure_name);
  cells[3] = esc (row->applicant_name);
  cells[4] = esc (contact);
  cells[5] = esc (row->deciding_body);
  cells[6] = table_time (row->received);
  if (row->new_due != MC_MINUTE_NONE)
    {
      g_autofree char *new_due = table_time (row->new_due);
      cells[7] = g_strdup_printf ("%s\n<i>Hẹn lại: %s</i>", due, new_due);
    }
  else
    cells[7] = g_steal_pointer (&due);
  /* A transferred dossier's result is not returned here: the cell says where it went and when. */
  if (row->status == MC_STATUS_TRANSFERRED)
    {
      g_autofree char *body = esc (row->transferred_to);
      g_autofree char *when = table_time (row->transferred_at);

      cells[8] = g_strdup_printf ("<i>Đã chuyển %s</i>\n%s", body, when);
    }
  else
    cells[8] = table_time (row->returned);
  cells[9] = g_strdup (delivery_text (row->result_delivery));
  if (row->returned != MC_MINUTE_NONE && row->returned_to != NULL)
    {
      g_autofree char *receiver = esc (row->returned_to);

      /* Room to sign above the name of who collected it. */
      cells[10] = g_strdup_printf ("\n\n<i>%s</i>", receiver);
    }
  else
    cells[10] = g_strdup ("");
  g_ptr_array_add (pdf->rows, cells);
  g_ptr_array_add (pdf->books, g_strdup (row->book));
  return TRUE;
}

/* The books the rows were entered in, in the order they first appear; @by_book: book → its rows (not owned).
 * A printout of all sectors of an office that keeps one book per sector holds several books. */
static GPtrArray *
split_books (PdfRows    *pdf,
             GHashTable *by_book)
{
  GPtrArray *books = g_ptr_array_new ();

  for (guint r = 0; r < pdf->rows->len; r++)
    {
      const char *book = g_ptr_array_index (pdf->books, r);
      GPtrArray *rows = g_hash_table_lookup (by_book, book ? book : "");

      if (rows == NULL)
        {
          rows = g_ptr_array_new ();
          g_hash_table_insert (by_book, (gpointer) (book ? book : ""), rows);
          g_ptr_array_add (books, (gpointer) (book ? book : ""));
        }
      g_ptr_array_add (rows, g_ptr_array_index (pdf->rows, r));
    }
  return books;
}

static void
add_totals (McDocument   *doc,
            const Totals *t)
{
  g_autofree char *received = g_strdup_printf (
    "Tổng số hồ sơ tiếp nhận trong kỳ: <b>%u</b> (trực tiếp: %u; bưu chính: %u; trực tuyến: %u; liên thông: %u).",
    t->total, t->by_channel[MC_CHANNEL_IN_PERSON], t->by_channel[MC_CHANNEL_POST], t->by_channel[MC_CHANNEL_ONLINE],
    t->by_channel[MC_CHANNEL_LINKED]);
  g_autofree char *settled = g_strdup_printf (
    "Đã giải quyết: <b>%u</b> (trước hạn: %u; đúng hạn: %u; quá hạn: %u); đã trả kết quả: %u.",
    t->settled, t->early, t->on_time, t->late, t->returned);
  g_autofree char *open = g_strdup_printf (
    "Đang giải quyết: <b>%u</b> (trong đó chờ bổ sung hồ sơ: %u); từ chối tiếp nhận: %u; dừng giải quyết: %u; "
    "chuyển cơ quan có thẩm quyền: %u.",
    t->in_progress + t->paused, t->paused, t->refused, t->stopped, t->transferred);

  mc_document_add_text (doc, "<b>Tổng hợp</b> <i>(tình trạng tại thời điểm in sổ)</i>", BODY, MC_ALIGN_LEFT, 0, 10);
  mc_document_add_text (doc, received, BODY, MC_ALIGN_LEFT, 0, 2);
  mc_document_add_text (doc, settled, BODY, MC_ALIGN_LEFT, 0, 2);
  mc_document_add_text (doc, open, BODY, MC_ALIGN_LEFT, 0, 2);
}

/*
 * Public API
 */

/* The audit line's detail: the period, as "2026-01-01 – 2026-03-31". */
static char *
audit_period (int from_jdn,
              int to_jdn)
{
  g_autofree char *from = mc_date_format_iso (from_jdn);
  g_autofree char *to = mc_date_format_iso (to_jdn);

  return g_strdup_printf ("%s – %s", from, to);
}

/**
 * mc_register_render:
 * @sector: (nullable): one sector (lĩnh vực), or %NULL for all
 *
 * Lays out the book on landscape A4: the Nghị định 30/2020 header, the title, the period, the table (its header
 * repeated on every page, page numbers from page 2) and the totals. The table has the model's eleven columns,
 * the last five under "Nhận và trả kết quả"; the STT is each dossier's entry in its book, the number its slip
 * printed, whatever part of the book's period is printed. The audit log records it
 * (MC_AUDIT_REGISTER, the file's name, the period) when the document is saved, printed or shown.
 *
 * Returns: (transfer full): the document
 */
McDocument *
mc_register_render (McStore     *store,
                    int          from_jdn,
                    int          to_jdn,
                    const char  *sector,
                    GError     **error)
{
  static const double shares[] = { 0.058, 0.105, 0.165, 0.1, 0.122, 0.085, 0.075, 0.075, 0.075, 0.07, 0.07 };
  static const char *header[] = {
    "<b>STT</b>\n(1)",
    "<b>Mã hồ sơ</b>\n(2)",
    "<b>Tên TTHC</b>\n(3)",
    "<b>Tên tổ chức/ cá nhân</b>\n(4)",
    "<b>Địa chỉ/ số điện thoại</b>\n(5)",
    "<b>Cơ quan chủ trì giải quyết</b>\n(6)",
    "<b>Nhận hồ sơ</b>\n(7)",
    "<b>Hẹn trả kết quả</b>\n(8)",
    "<b>Trả kết quả</b>\n(9)",
    "<b>Phương thức nhận kết quả</b>\n(10)",
    "<b>Ký nhận</b>\n(11)",
  };
  g_autoptr(McDocument) doc = NULL;
  PdfRows pdf = { 0 };
  const McOffice *office;
  g_autofree char *date_line = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  g_autofree char *sector_line = NULL;
  g_autoptr(GHashTable) by_book = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) books = NULL;
  gboolean ok;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_period (from_jdn, to_jdn, error))
    return NULL;
  office = mc_store_get_office (store);

  pdf.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  pdf.books = g_ptr_array_new_with_free_func (g_free);
  ok = for_each_row (store, from_jdn, to_jdn, sector, pdf_row, &pdf, error);
  if (!ok)
    {
      g_ptr_array_unref (pdf.rows);
      g_ptr_array_unref (pdf.books);
      return NULL;
    }
  books = split_books (&pdf, by_book);

  doc = mc_document_new (TRUE);
  date_line = mc_form_place_date (office->place, mc_time_now ());
  mc_document_add_header (doc, office->parent, office->unit_name, "Số: ……/STD-TTPVHCC", date_line,
                          g_strcmp0 (office->form_numbering, "2018") == 0 ? "Mẫu số 06" : "Mẫu số 07");
  mc_document_add_text (doc, "<b>SỔ THEO DÕI HỒ SƠ</b>", 14, MC_ALIGN_CENTER, 0, 12);
  if (sector != NULL)
    {
      g_autofree char *sector_esc = esc (sector);
      sector_line = g_strdup_printf ("Lĩnh vực: <b>%s</b>", sector_esc);
    }
  else
    sector_line = g_strdup ("Tất cả các lĩnh vực");
  mc_document_add_text (doc, sector_line, BODY, MC_ALIGN_CENTER, 0, 2);
  from = mc_date_format_short (from_jdn);
  to = mc_date_format_short (to_jdn);
  period = g_strdup_printf ("<i>Từ ngày %s đến ngày %s</i>", from, to);
  mc_document_add_text (doc, period, BODY, MC_ALIGN_CENTER, 0, 2);
  /* One table per book, each under its name: the STT runs within a book. */
  for (guint i = 0; i < books->len; i++)
    {
      const char *book = g_ptr_array_index (books, i);
      g_autofree char *book_esc = esc (book);
      g_autofree char *book_line = g_strdup_printf ("Quyển số: <b>%s</b>", *book_esc ? book_esc : "……");

      mc_document_add_text (doc, book_line, BODY, MC_ALIGN_LEFT, 0, i == 0 ? 8 : 14);
      mc_document_add_grouped_table (doc, G_N_ELEMENTS (shares), shares, header, 6, 5,
                                     "<b>Nhận và trả kết quả</b>", g_hash_table_lookup (by_book, book), TABLE_SIZE, 2);
    }
  if (pdf.rows->len == 0)
    mc_document_add_grouped_table (doc, G_N_ELEMENTS (shares), shares, header, 6, 5, "<b>Nhận và trả kết quả</b>",
                                   pdf.rows, TABLE_SIZE, 8);
  if (pdf.rows->len == 0)
    mc_document_add_text (doc, "<i>Không có hồ sơ nào được tiếp nhận trong kỳ.</i>", BODY, MC_ALIGN_CENTER, 0, 6);
  add_totals (doc, &pdf.totals);
  g_ptr_array_unref (pdf.rows);
  g_ptr_array_unref (pdf.books);
  {
    g_autofree char *detail = audit_period (from_jdn, to_jdn);
    _mc_document_audit_file (doc, store, MC_AUDIT_REGISTER, detail);
  }
  return g_steal_pointer (&doc);
}

/**
 * mc_register_write_csv:
 * @sector: (nullable): one sector, or %NULL for all
 * @path: the file to write; it is replaced only once complete (written to "@path.tmp", then renamed)
 *
 * Writes the book as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the diacritics), RFC 4180
 * quoting, CRLF line ends, one header row, then one row per dossier. The file is created with mode 0600: it holds
 * personal data; the audit log records it (MC_AUDIT_REGISTER, the file's name, the period).
 */
gboolean
mc_register_write_csv (McStore     *store,
                       int          from_jdn,
                       int          to_jdn,
                       const char  *sector,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autoptr(GString) line = NULL;
  g_autoptr(GError) local_error = NULL;
  CsvWriter writer = { 0 };
  int fd;
  gboolean ok;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_period (from_jdn, to_jdn, error))
    return FALSE;

  tmp = g_strconcat (path, ".tmp", NULL);
  g_unlink (tmp);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return write_error (path, errno, error);
  writer.file = fdopen (fd, "wb");
  if (writer.file == NULL)
    {
      int saved = errno;
      close (fd);
      g_unlink (tmp);
      return write_error (path, saved, error);
    }
  setvbuf (writer.file, NULL, _IOFBF, 64 * 1024);
  line = g_string_sized_new (512);
  writer.line = line;
  writer.path = path;

  g_string_append (line, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (csv_header); i++)
    mc_csv_append_cell (line, csv_header[i], i + 1 == G_N_ELEMENTS (csv_header));
  ok = csv_write_line (&writer, &local_error);
  ok = ok && for_each_row (store, from_jdn, to_jdn, sector, csv_row, &writer, &local_error);

  if (ok && (fflush (writer.file) != 0 || fsync (fileno (writer.file)) != 0))
    {
      ok = FALSE;
      write_error (path, errno, &local_error);
    }
  if (fclose (writer.file) != 0 && ok)
    {
      ok = FALSE;
      write_error (path, errno, &local_error);
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      ok = FALSE;
      write_error (path, errno, &local_error);
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  {
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *detail = audit_period (from_jdn, to_jdn);

    mc_audit_record (store, MC_AUDIT_REGISTER, name, detail, NULL);
  }
  return TRUE;
}
