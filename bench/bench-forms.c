/* bench-forms.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The cost of an appointment slip as PDF: rendered in-process, as a whole `motcua-cli slip` run, and — when
 * LibreOffice is installed — the route offices use today, a filled template converted with
 * `soffice --headless --convert-to pdf`, measured in the same run. Prints figures; asserts nothing: a table for
 * people, then "RESULT key value unit" lines for bench/run (the LibreOffice ones only when it ran). */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mc-forms.h"
#include "mc-store.h"
#include "mc-time.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len / 2) : 0;
}

static void
row (const char *figure,
     double      value,
     const char *unit,
     const char *budget,
     const char *verdict)
{
  g_print ("%-44s %12.3f %-8s %-26s %s\n", figure, value, unit, budget, verdict);
}

/* One copy of the slip as an office's Writer template holds it once filled in: the two-column header as a
 * borderless table, the title, every field of the model, the documents received, the register line, the
 * signature boxes as a table and the note — the same text our renderer lays out, so that LibreOffice is timed
 * on the same form and not on a shortened one. */
static void
append_template_copy (GString    *body,
                      McDossier  *d,
                      const char *copy_label,
                      gboolean    page_break)
{
  g_autofree char *due = mc_time_format_vietnamese (d->due);
  g_autofree char *received = mc_time_format_vietnamese (d->received);
  g_autofree char *copy = g_markup_printf_escaped ("(%s)", copy_label);
  g_autofree char *fields = g_markup_printf_escaped (
    "<text:p>UBND xã Tân Lập tiếp nhận hồ sơ của:</text:p>"
    "<text:p>Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: %s</text:p>"
    "<text:p>Số định danh cá nhân/tổ chức: %s</text:p>"
    "<text:p>Địa chỉ: %s</text:p><text:p>Số điện thoại: %s    Thư điện tử: ……</text:p>"
    "<text:p>Nội dung yêu cầu giải quyết: %s (mã thủ tục %s)</text:p>"
    "<text:p>1. Thành phần hồ sơ nộp gồm:</text:p>"
    "<text:p>1) Tờ khai đăng ký khai sinh theo mẫu: 01 bản chính.</text:p>"
    "<text:p>2) Giấy chứng sinh: 01 bản chính.</text:p>"
    "<text:p>3) Giấy tờ tùy thân của người đi đăng ký: 01 bản sao.</text:p>"
    "<text:p>2. Số lượng hồ sơ: 01 (bộ)</text:p>"
    "<text:p>3. Thời gian giải quyết hồ sơ theo quy định là: 01 ngày làm việc</text:p>"
    "<text:p>4. Thời gian nhận hồ sơ: %s</text:p>"
    "<text:p>5. Thời gian trả kết quả giải quyết hồ sơ: %s</text:p>"
    "<text:p>6. Đăng ký nhận kết quả tại: UBND xã Tân Lập</text:p>"
    "<text:p>7. Phí, lệ phí (nếu có): ……</text:p>"
    "<text:p>Vào Sổ theo dõi hồ sơ, Quyển số: 2026          Số thứ tự: 01</text:p>"
    "<text:p>Mã hồ sơ: %s — Mã tra cứu: %s. Quét mã QR hoặc cung cấp mã hồ sơ và mã tra cứu để tra cứu tình "
    "trạng giải quyết hồ sơ. Khi đến nhận kết quả, đề nghị mang theo Giấy tiếp nhận này.</text:p>",
    d->applicant_name, d->applicant_id ? d->applicant_id : "", d->address ? d->address : "",
    d->phone ? d->phone : "", d->procedure_name ? d->procedure_name : "", d->procedure_code, received, due,
    d->code, d->lookup_pin ? d->lookup_pin : "");
  g_autofree char *signatures = g_markup_printf_escaped (
    "<table:table table:name=\"ky\"><table:table-column table:number-columns-repeated=\"2\"/><table:table-row>"
    "<table:table-cell><text:p text:style-name=\"B\">NGƯỜI NỘP HỒ SƠ</text:p><text:p text:style-name=\"I\">(Ký "
    "và ghi rõ họ tên)</text:p><text:p/><text:p/><text:p text:style-name=\"B\">%s</text:p></table:table-cell>"
    "<table:table-cell><text:p text:style-name=\"B\">NGƯỜI TIẾP NHẬN HỒ SƠ</text:p><text:p text:style-name=\"I\">"
    "(Ký và ghi rõ họ tên)</text:p><text:p/><text:p/><text:p text:style-name=\"B\">%s</text:p></table:table-cell>"
    "</table:table-row></table:table>",
    d->applicant_name, d->received_by ? d->received_by : "");

  if (page_break)
    g_string_append (body, "<text:p text:style-name=\"BP\"/>");
  g_string_append_printf (body,
    "<table:table table:name=\"dau\"><table:table-column table:number-columns-repeated=\"2\"/><table:table-row>"
    "<table:table-cell><text:p text:style-name=\"C\">UBND XÃ TÂN LẬP</text:p><text:p text:style-name=\"B\">"
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG</text:p><text:p text:style-name=\"C\">Số: 01/GTN-TTPVHCC</text:p>"
    "</table:table-cell><table:table-cell><text:p text:style-name=\"B\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    "</text:p><text:p text:style-name=\"B\">Độc lập - Tự do - Hạnh phúc</text:p><text:p text:style-name=\"I\">"
    "Tân Lập, ngày 23 tháng 11 năm 2026</text:p></table:table-cell></table:table-row></table:table>"
    "<text:p text:style-name=\"B\">GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</text:p>"
    "<text:p text:style-name=\"C\">Mã hồ sơ: %s</text:p><text:p text:style-name=\"I\">%s</text:p>%s%s"
    "<text:p text:style-name=\"I\">Ghi chú: - Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; "
    "01 liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại nơi tiếp nhận; 01 liên "
    "giao cho người nộp hồ sơ. - Người nộp hồ sơ có thể đăng ký nhận kết quả tại nơi tiếp nhận hoặc tại nhà (qua "
    "dịch vụ bưu chính công ích).</text:p>",
    d->code, copy, fields, signatures);
}

/* A flat ODF text document with both copies of the slip, as an office fills its Word/Writer template. */
static char *
write_template (const char *dir,
                McDossier  *d)
{
  g_autofree char *path = g_build_filename (dir, "slip.fodt", NULL);
  g_autoptr(GString) body = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.2\" "
    "office:mimetype=\"application/vnd.oasis.opendocument.text\">"
    "<office:automatic-styles>"
    "<style:style style:name=\"C\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\"/>"
    "<style:text-properties style:font-name=\"Liberation Serif\" fo:font-size=\"13pt\"/></style:style>"
    "<style:style style:name=\"B\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\"/>"
    "<style:text-properties style:font-name=\"Liberation Serif\" fo:font-size=\"13pt\" fo:font-weight=\"bold\"/>"
    "</style:style>"
    "<style:style style:name=\"BP\" style:family=\"paragraph\"><style:paragraph-properties "
    "fo:text-align=\"center\" fo:break-before=\"page\"/><style:text-properties style:font-name=\"Liberation Serif\" "
    "fo:font-size=\"13pt\"/></style:style>"
    "<style:style style:name=\"I\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\"/>"
    "<style:text-properties style:font-name=\"Liberation Serif\" fo:font-size=\"13pt\" fo:font-style=\"italic\"/>"
    "</style:style>"
    "</office:automatic-styles><office:body><office:text>");

  append_template_copy (body, d, "Liên 1: Lưu tại nơi tiếp nhận", FALSE);
  append_template_copy (body, d, "Liên 2: Giao người nộp hồ sơ", TRUE);
  g_string_append (body, "</office:text></office:body></office:document>\n");
  g_file_set_contents (path, body->str, -1, NULL);
  return g_steal_pointer (&path);
}

static double
run_command (char      **argv,
             const char *dir)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("motcua-bench-forms-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "slip.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GArray) in_process = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cli_runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) office_runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *cli = argc > 1 && strchr (argv[1], '/') ? g_canonicalize_filename (argv[1], NULL)
                                                            : g_strdup (argc > 1 ? argv[1] : "motcua-cli");
  McStoreSetup setup = { "000.00.12.H40", "UBND xã Tân Lập", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Tân Lập", 1, "Lê Thu Hà" };
  McIntake intake = { 0 };
  double slip_ms, cli_ms, office_ms = -1;

  g_setenv ("MOTCUA_NOW", "2026-11-23T09:10", TRUE);
  store = mc_store_open (db, TRUE, &error);
  if (store == NULL || !mc_store_setup (store, &setup, &error))
    g_error ("%s", error->message);
  intake.procedure_code = "1.004873";
  intake.applicant_name = "Nguyễn Thị Phương Thảo";
  intake.id_number = "001190012345";
  intake.birth_year = 1990;
  intake.phone = "0912345678";
  intake.address = "Thôn Đông, xã Tân Lập, tỉnh Phú Thọ";
  intake.received = MC_MINUTE_NONE;
  dossier = mc_store_intake (store, &intake, NULL, &error);
  if (dossier == NULL)
    g_error ("%s", error->message);

  /* Warm-up: fonts, font map and caches are loaded once per process, as in the app. */
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(McDocument) doc = mc_form_render (MC_FORM_SLIP, dossier, NULL, mc_store_get_office (store), NULL);
      g_autoptr(GBytes) bytes = mc_document_to_pdf_bytes (doc, NULL);
    }
  for (int i = 0; i < 100; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(McDocument) doc = mc_form_render (MC_FORM_SLIP, dossier, NULL, mc_store_get_office (store), NULL);
      g_autoptr(GBytes) bytes = mc_document_to_pdf_bytes (doc, NULL);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert_nonnull (bytes);
      g_array_append_val (in_process, ms);
    }
  slip_ms = median (in_process);

  for (int i = 0; i < 15; i++)
    {
      char *cli_argv[] = { cli, "--db", db, "slip", dossier->code, "-o", pdf, NULL };
      double ms = run_command (cli_argv, dir);

      if (ms < 0)
        g_error ("motcua-cli slip failed (%s)", cli);
      g_array_append_val (cli_runs, ms);
    }
  cli_ms = median (cli_runs);

  if (soffice != NULL)
    {
      g_autofree char *template = write_template (dir, dossier);
      g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
      g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
      g_autofree char *env_arg = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);

      for (int i = 0; i < 4; i++)
        {
          char *lo_argv[] = { soffice, env_arg, "--headless", "--convert-to", "pdf", "--outdir", dir, template, NULL };
          double ms = run_command (lo_argv, dir);

          /* The first run creates LibreOffice's profile: not counted. */
          if (i > 0 && ms > 0)
            g_array_append_val (office_runs, ms);
        }
      if (office_runs->len > 0)
        office_ms = median (office_runs);
    }

  g_print ("%-44s %12s %-8s %-26s %s\n", "figure", "value", "unit", "budget", "verdict");
  row ("slip PDF, in-process (median of 100)", slip_ms, "ms", "", "");
  row ("slip PDF, whole motcua-cli slip run (median)", cli_ms, "ms", "", "");
  if (office_ms > 0)
    {
      row ("slip via LibreOffice soffice --convert-to", office_ms, "ms", "", "");
      row ("LibreOffice / in-process", office_ms / slip_ms, "x", ">= 100x", office_ms / slip_ms >= 100 ? "PASS" : "FAIL");
      row ("LibreOffice / motcua-cli slip", office_ms / cli_ms, "x", ">= 30x", office_ms / cli_ms >= 30 ? "PASS" : "FAIL");
    }
  else
    g_print ("%-44s %12s %-8s %-26s %s\n", "slip via LibreOffice", "n/a", "", "LibreOffice not installed", "SKIP");

  g_print ("RESULT slip_in_process_ms %.3f ms\n", slip_ms);
  g_print ("RESULT slip_cli_ms %.3f ms\n", cli_ms);
  if (office_ms > 0)
    {
      g_print ("RESULT slip_libreoffice_ms %.3f ms\n", office_ms);
      g_print ("RESULT slip_libreoffice_over_in_process %.1f x\n", office_ms / slip_ms);
      g_print ("RESULT slip_libreoffice_over_cli %.1f x\n", office_ms / cli_ms);
    }

  g_clear_object (&store);
  {
    char *rm_argv[] = { "rm", "-rf", dir, NULL };
    run_command (rm_argv, NULL);
  }
  return 0;
}
