/* test-forms.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The printed forms, end to end: real dossiers in a real temporary store (a long name, a long address and 25
 * documents, so the slip runs over several pages), every lifecycle step that prints something, every form
 * written to PDF and read back with poppler and with the poppler-utils, qpdf and zbar tools. The PDFs and PNG
 * renders are also kept in the build directory (FORMS_OUTPUT_DIR) for people to look at. */

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "test-util.h"
#include "mc-audit.h"
#include "mc-declaration.h"
#include "mc-document.h"
#include "mc-dossier-steps.h"
#include "mc-forms.h"
#include "mc-late-list.h"
#include "mc-post-list.h"
#include "mc-posting.h"
#include "mc-register.h"
#include "mc-store.h"
#include "mc-time.h"

/* poppler-glib 22.12 declares no g_autoptr() cleanups; local names keep this free of clashes with later ones. */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

#ifndef FORMS_OUTPUT_DIR
#error "FORMS_OUTPUT_DIR must be defined by the build"
#endif

#define NOW          "2026-11-23T09:10"
#define OFFICE_CODE  "000.00.12.H40"
#define OFFICE_NAME  "UBND xã Tân Lập"
#define PARENT_NAME  "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"
#define PLACE        "Tân Lập"
#define CLERK        "Lê Thu Hà"
#define PROCEDURE    "1.004873"

#define LONG_NAME    "Tôn Nữ Hoàng Phương Thảo Nguyễn Thị Ngọc Bích"
#define LONG_ID      "001190012345"
#define LONG_ADDRESS "Số nhà 127, ngõ 34/15 đường Nguyễn Thị Minh Khai, tổ dân phố Đông Hòa Thượng số 12, " \
                     "khu dân cư Bình Minh, thôn Đông Hòa Thượng, xã Tân Lập, tỉnh Phú Thọ (gần Trường Trung " \
                     "học cơ sở Tân Lập, đối diện Nhà văn hóa thôn)"
#define PLAIN_NAME   "Đặng Đức Anh"
#define PLAIN_ID     "001090012345"
#define STOP_NAME    "Phạm Thị Hồng Nhung"
#define SECOND_NAME  "Vũ Minh Khôi"

#define N_DOCUMENTS  25

#define SUPPLEMENT_1 "Bản sao Trích lục ghi chú ly hôn chưa được chứng thực từ bản chính"
#define SUPPLEMENT_2 "Thiếu Giấy xác nhận thông tin về cư trú do Công an xã Tân Lập cấp trong thời hạn sáu tháng"
#define SUPPLEMENT_3 "Tờ khai ghi sai năm sinh của người yêu cầu so với Căn cước công dân; đề nghị khai lại"
#define APOLOGY_REASON "Hồ sơ phải chờ kết quả xác minh tình trạng hôn nhân tại nơi cư trú trước đây của " \
                       "người yêu cầu (Ủy ban nhân dân phường Hòa Khánh, thành phố Đà Nẵng)"
#define REFUSAL_REASON "Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã Tân Lập; đề nghị " \
                       "Ông/Bà nộp hồ sơ tại Ủy ban nhân dân xã nơi đăng ký thường trú."
#define STOP_REASON    "Người yêu cầu có đơn xin rút hồ sơ để bổ sung giấy tờ chứng minh nhân thân"
#define NEW_DUE        "2026-12-04T17:00"
#define NEW_DUE_TEXT   "17 giờ 00 phút, ngày 04 tháng 12 năm 2026"
#define DUE_TEXT       "17 giờ 00 phút, ngày 26 tháng 11 năm 2026"
#define DATE_LINE      "Tân Lập, ngày 23 tháng 11 năm 2026"
#define LOOKUP_URL     "https://dichvucong.example.vn/tra-cuu?ma={code}&pin={pin}"

/* One rendered form: the document (for its text boxes) and the PDF written from it. */
typedef struct
{
  char       *name;
  McDocument *doc;
  char       *pdf;
  int         n_pages;
  GPtrArray  *page_texts;   /* normalised text of each page */
  char       *text;         /* normalised text of the whole document */
  char       *header_left;  /* normalised text of the header's left column, page 1 */
} Form;

typedef struct
{
  char       *dir;
  char       *db_path;
  McStore    *store;
  GHashTable *forms;        /* name -> Form */
  McDossier  *long_intake;  /* the long dossier as received */
  McDossier  *long_done;    /* … after all its steps */
  McDossier  *plain;
  McDossier  *stopped;
  McDossier  *second;
  McDossier  *second_supplement;
  McOffice   *office_2025;
} Fixture;

static Fixture fx;

/*
 * Helpers
 */

static void
form_free (gpointer data)
{
  Form *form = data;

  g_free (form->name);
  g_clear_object (&form->doc);
  g_free (form->pdf);
  g_clear_pointer (&form->page_texts, g_ptr_array_unref);
  g_free (form->text);
  g_free (form->header_left);
  g_free (form);
}

/* NFC, every run of white space one space, trimmed: poppler splits long lines wherever the layout wrapped. */
static char *
normalise (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = nfc; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *n = normalise (needle);

  return haystack != NULL && strstr (haystack, n) != NULL;
}

/* Failures are recorded and the test goes on, so one run shows every missing text; the extracted text of each
 * form is kept next to its PDF (FORMS_OUTPUT_DIR/<name>.txt). */
static void
assert_contains (const Form *form,
                 const char *needle)
{
  if (!contains (form->text, needle))
    g_test_fail_printf ("%s: “%s” not found in the PDF text (see %s/%s.txt)", form->name, needle,
                        FORMS_OUTPUT_DIR, form->name);
}

static void
assert_not_contains (const Form *form,
                     const char *needle)
{
  if (contains (form->text, needle))
    g_test_fail_printf ("%s: “%s” must not be in the PDF text", form->name, needle);
}

static McDossier *
record (const char *code,
        const char *kind,
        JsonNode   *payload)
{
  g_autoptr(GError) error = NULL;
  McDossier *d = mc_store_record (fx.store, code, kind, payload, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static gboolean
run (const char * const *argv,
     char              **out_stdout,
     int                *out_exit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out_stdout, &err, &status,
                     &error))
    g_error ("%s cannot run: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    {
      *out_exit = g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code) ? error->code : -1;
      if (*out_exit != 4)  /* zbarimg: no symbol found, not an error here */
        g_test_message ("%s exited with %d: %s", argv[0], *out_exit, err ? err : "");
      return FALSE;
    }
  *out_exit = 0;
  return TRUE;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static cairo_surface_t *
render_page (PopplerPage *page,
             double       scale)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale + 0.5),
                                        (int) (height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* The normalised text of the characters whose centre lies in the area (points, origin top left). */
static char *
text_in_area (PopplerDocument *pdf,
              int              page_index,
              double           x1,
              double           x2,
              double           y1,
              double           y2)
{
  g_autoptr(TestPage) page = poppler_document_get_page (pdf, page_index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_rects = 0;
  guint i = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (const char *p = text; *p && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      double cx = (rects[i].x1 + rects[i].x2) / 2, cy = (rects[i].y1 + rects[i].y2) / 2;

      if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else if (cx >= x1 && cx < x2 && cy >= y1 && cy < y2)
        g_string_append_unichar (out, c);
    }
  return normalise (out->str);
}

/* Writes the PDF into the temporary directory, reads it back, and keeps a copy and PNG renders (2x) where
 * people can look at them. */
static Form *
emit (const char *name,
      McDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  g_autofree char *file = g_strdup_printf ("%s.pdf", name);
  g_autofree char *copy = g_build_filename (FORMS_OUTPUT_DIR, file, NULL);
  g_autofree char *contents = NULL;
  GString *all = g_string_new (NULL);
  Form *form = g_new0 (Form, 1);
  gsize length;

  g_assert_nonnull (doc);
  form->name = g_strdup (name);
  form->doc = g_object_ref (doc);
  form->pdf = g_build_filename (fx.dir, file, NULL);
  g_assert_true (mc_document_write_pdf (doc, form->pdf, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (form->pdf, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, &error));
  g_assert_no_error (error);

  pdf = open_pdf (form->pdf);
  form->n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (form->n_pages, ==, mc_document_get_n_pages (doc));
  form->page_texts = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < form->n_pages; i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *png_name = g_strdup_printf ("%s-p%d.png", name, i + 1);
      g_autofree char *png = g_build_filename (FORMS_OUTPUT_DIR, png_name, NULL);
      cairo_surface_t *surface = render_page (page, 2.0);
      char *clean = normalise (text);

      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_string_append_printf (all, "%s%s", all->len ? " " : "", clean);
      g_ptr_array_add (form->page_texts, clean);
    }
  form->text = g_string_free (all, FALSE);
  {
    g_autofree char *txt_name = g_strdup_printf ("%s.txt", name);
    g_autofree char *txt = g_build_filename (FORMS_OUTPUT_DIR, txt_name, NULL);

    g_assert_true (g_file_set_contents (txt, form->text, -1, &error));
    g_assert_no_error (error);
  }
  /* The header's left column alone: in reading order poppler interleaves its lines with the motto's. */
  form->header_left = text_in_area (pdf, 0, 0, MC_MARGIN_LEFT + 0.45 * mc_document_get_content_width (doc), 0,
                                    MC_MARGIN_TOP + 110);
  g_hash_table_replace (fx.forms, form->name, form);
  return form;
}

static Form *
get_form (const char *name)
{
  Form *form = g_hash_table_lookup (fx.forms, name);

  if (form == NULL)
    g_error ("no form “%s” was rendered", name);
  return form;
}

static Form *
render_form (const char     *name,
             McFormKind      kind,
             McDossier      *d,
             const McOffice *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_get_events (fx.store, d->uuid, &error);
  g_autoptr(McDocument) doc = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (events);
  doc = mc_form_render (kind, d, events, office, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return emit (name, doc);
}

static McDossier *
get_dossier (const char *code)
{
  g_autoptr(GError) error = NULL;
  McDossier *d = mc_store_get_dossier (fx.store, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static void
set_office_value (const char *key,
                  const char *value)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, (gpointer) key, (gpointer) value);
  g_assert_true (mc_store_set_office_values (fx.store, values, &error));
  g_assert_no_error (error);
}

/* 25 long, distinct document names. */
static JsonNode *
long_documents (GPtrArray *names)
{
  static const char *bases[] = {
    "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu ban hành kèm theo Thông tư của Bộ Tư pháp",
    "Bản chụp Căn cước công dân hoặc Thẻ căn cước của người yêu cầu, còn giá trị sử dụng",
    "Giấy xác nhận thông tin về cư trú do Công an xã nơi người yêu cầu đang cư trú cấp",
    "Bản sao Trích lục ghi chú ly hôn hoặc Bản án, quyết định ly hôn đã có hiệu lực pháp luật",
    "Bản sao Giấy chứng tử của vợ hoặc chồng đã chết trong trường hợp người yêu cầu góa vợ, góa chồng",
    "Văn bản ủy quyền có chứng thực chữ ký theo quy định của pháp luật về chứng thực",
    "Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây, nộp lại để thu hồi theo quy định",
    "Văn bản xác nhận của Ủy ban nhân dân cấp xã nơi người yêu cầu đã từng đăng ký thường trú",
    "Bản sao Giấy khai sinh của người yêu cầu, được cấp từ sổ gốc hoặc chứng thực từ bản chính",
    "Giấy tờ chứng minh việc thay đổi họ, chữ đệm, tên hoặc xác định lại dân tộc của người yêu cầu",
    "Bản dịch có công chứng sang tiếng Việt của giấy tờ do cơ quan có thẩm quyền nước ngoài cấp",
    "Giấy xác nhận của cơ quan, đơn vị quản lý đối với cán bộ, chiến sĩ đang công tác trong lực lượng vũ trang",
    "Biên lai thu phí, lệ phí hoặc chứng từ thanh toán trực tuyến qua Cổng Dịch vụ công quốc gia",
  };
  static const char *qualifiers[] = { "", " (đối với người nước ngoài thường trú tại Việt Nam)" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (int i = 0; i < N_DOCUMENTS; i++)
    {
      char *name = g_strdup_printf ("%s%s", bases[i % G_N_ELEMENTS (bases)],
                                    qualifiers[i / G_N_ELEMENTS (bases)]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "original");
      json_builder_add_int_value (builder, i % 3 == 0 ? 1 : 0);
      json_builder_set_member_name (builder, "copy");
      json_builder_add_int_value (builder, i % 2);
      json_builder_end_object (builder);
      g_ptr_array_add (names, name);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static McDossier *
intake (const char *name,
        const char *id,
        int         birth_year,
        const char *address,
        JsonNode   *documents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  McIntake in = { 0 };
  McDossier *d;

  in.procedure_code = PROCEDURE;
  in.applicant_name = name;
  in.id_number = id;
  in.birth_year = birth_year;
  in.phone = "0912345678";
  in.email = "phuongthao.nguyen@example.vn";
  in.address = address;
  in.documents = documents;
  in.received = MC_MINUTE_NONE;
  d = mc_store_intake (fx.store, &in, &warning, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static GPtrArray *doc_names;

/* Builds every dossier, records every step, renders every form. */
static void
build_everything (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) documents = NULL;
  McStoreSetup setup = { 0 };

  fx.dir = g_dir_make_tmp ("motcua-forms-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (FORMS_OUTPUT_DIR, 0755), ==, 0);
  fx.db_path = g_build_filename (fx.dir, "motcua.db", NULL);
  fx.forms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, form_free);

  fx.store = mc_store_open (fx.db_path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx.store);
  setup.office_code = OFFICE_CODE;
  setup.office_name = OFFICE_NAME;
  setup.parent_name = PARENT_NAME;
  setup.place = PLACE;
  setup.station = 1;
  setup.clerk = CLERK;
  g_assert_true (mc_store_setup (fx.store, &setup, &error));
  g_assert_no_error (error);
  fx.office_2025 = mc_office_copy (mc_store_get_office (fx.store));

  doc_names = g_ptr_array_new_with_free_func (g_free);
  documents = long_documents (doc_names);
  fx.long_intake = intake (LONG_NAME, LONG_ID, 1990, LONG_ADDRESS, documents);
  fx.plain = intake (PLAIN_NAME, PLAIN_ID, 1990, "Thôn Đông, xã Tân Lập", NULL);
  fx.stopped = intake (STOP_NAME, NULL, 0, "Thôn Tây, xã Tân Lập", NULL);
  fx.second = intake (SECOND_NAME, NULL, 0, "Thôn Nam, xã Tân Lập", NULL);
  g_assert_cmpstr (fx.long_intake->applicant_name, ==, LONG_NAME);
  g_assert_cmpstr (fx.long_intake->applicant_id, ==, LONG_ID);

  /* The slips as printed at the desk, right after intake. */
  render_form ("slip-long", MC_FORM_SLIP, fx.long_intake, fx.office_2025);
  render_form ("slip-plain", MC_FORM_SLIP, fx.plain, fx.office_2025);
  render_form ("control-before", MC_FORM_CONTROL_SHEET, fx.long_intake, fx.office_2025);

  /* The long dossier's life: supplement, completion, hand-over, apology, result, return. */
  {
    g_autoptr(JsonNode) p1 = payload_new ("reason", SUPPLEMENT_1 "\n" SUPPLEMENT_2 "\n\n" SUPPLEMENT_3,
                                          "at", "2026-11-23T10:00", NULL);
    g_autoptr(JsonNode) p2 = payload_new ("at", "2026-11-24T08:00", NULL);
    g_autoptr(JsonNode) p3 = payload_new ("to", "Công chức Tư pháp - Hộ tịch", "at", "2026-11-24T09:00", NULL);
    g_autoptr(JsonNode) p4 = payload_new ("reason", APOLOGY_REASON, "new_due", NEW_DUE, "at", "2026-11-26T10:00",
                                          NULL);
    g_autoptr(JsonNode) p5 = payload_new ("at", "2026-12-02T15:00", NULL);
    g_autoptr(JsonNode) p6 = payload_new ("receiver", LONG_NAME, "at", "2026-12-03T09:00", NULL);
    g_autoptr(McDossier) d1 = record (fx.long_intake->code, MC_EVENT_SUPPLEMENT_REQUESTED, p1);
    g_autoptr(McDossier) d2 = NULL;
    g_autoptr(McDossier) d3 = NULL;
    g_autoptr(McDossier) d4 = NULL;
    g_autoptr(McDossier) d5 = NULL;

    render_form ("supplement", MC_FORM_SUPPLEMENT, d1, fx.office_2025);
    d2 = record (fx.long_intake->code, MC_EVENT_SUPPLEMENT_COMPLETED, p2);
    d3 = record (fx.long_intake->code, MC_EVENT_HANDED_OVER, p3);
    d4 = record (fx.long_intake->code, MC_EVENT_APOLOGY_ISSUED, p4);
    render_form ("apology", MC_FORM_APOLOGY, d4, fx.office_2025);
    d5 = record (fx.long_intake->code, MC_EVENT_RESULT_READY, p5);
    fx.long_done = record (fx.long_intake->code, MC_EVENT_RETURNED, p6);
    render_form ("control", MC_FORM_CONTROL_SHEET, fx.long_done, fx.office_2025);
  }

  /* Refusal, stop, and a second supplement request in the same year. */
  {
    g_autoptr(JsonNode) refusal = payload_new ("reason", REFUSAL_REASON, "at", "2026-11-23T14:00", NULL);
    g_autoptr(JsonNode) stop = payload_new ("reason", STOP_REASON, "at", "2026-11-24T10:00", NULL);
    g_autoptr(JsonNode) supplement = payload_new ("reason", "Thiếu tờ khai có chữ ký của người yêu cầu",
                                                  "at", "2026-11-25T08:00", NULL);
    g_autoptr(McDossier) refused = record (fx.plain->code, MC_EVENT_REFUSED, refusal);
    g_autoptr(McDossier) stopped = record (fx.stopped->code, MC_EVENT_STOP_REQUESTED, stop);

    fx.second_supplement = record (fx.second->code, MC_EVENT_SUPPLEMENT_REQUESTED, supplement);
    render_form ("refusal", MC_FORM_REFUSAL, refused, fx.office_2025);
    render_form ("stop", MC_FORM_STOP_NOTICE, stopped, fx.office_2025);
    render_form ("supplement-2", MC_FORM_SUPPLEMENT, fx.second_supplement, fx.office_2025);
  }

  /* The 2018 numbering, then a look-up address for the QR. */
  set_office_value ("form_numbering", "2018");
  {
    g_autoptr(McOffice) office = mc_office_copy (mc_store_get_office (fx.store));
    g_autoptr(McDossier) done = get_dossier (fx.long_intake->code);
    g_autoptr(McDossier) stopped = get_dossier (fx.stopped->code);

    g_assert_cmpstr (office->form_numbering, ==, "2018");
    render_form ("apology-2018", MC_FORM_APOLOGY, done, office);
    render_form ("control-2018", MC_FORM_CONTROL_SHEET, done, office);
    render_form ("stop-2018", MC_FORM_STOP_NOTICE, stopped, office);
  }
  set_office_value ("form_numbering", "2025");
  set_office_value ("lookup_url", LOOKUP_URL);
  {
    g_autoptr(McOffice) office = mc_office_copy (mc_store_get_office (fx.store));

    g_assert_cmpstr (office->lookup_url, ==, LOOKUP_URL);
    render_form ("slip-url", MC_FORM_SLIP, fx.long_intake, office);
  }
}

static void
tear_down_everything (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_pointer (&fx.forms, g_hash_table_unref);
  g_clear_pointer (&fx.long_intake, mc_dossier_unref);
  g_clear_pointer (&fx.long_done, mc_dossier_unref);
  g_clear_pointer (&fx.plain, mc_dossier_unref);
  g_clear_pointer (&fx.stopped, mc_dossier_unref);
  g_clear_pointer (&fx.second, mc_dossier_unref);
  g_clear_pointer (&fx.second_supplement, mc_dossier_unref);
  g_clear_pointer (&fx.office_2025, mc_office_unref);
  g_clear_pointer (&doc_names, g_ptr_array_unref);
  g_clear_object (&fx.store);

  dir = g_dir_open (fx.dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fx.dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (fx.dir);
  g_clear_pointer (&fx.db_path, g_free);
  g_clear_pointer (&fx.dir, g_free);
}

static const char *all_forms[] = {
  "slip-long", "slip-plain", "control-before", "supplement", "apology", "control", "refusal", "stop",
  "supplement-2", "apology-2018", "control-2018", "stop-2018", "slip-url",
};

/*
 * Tests
 */

static void
assert_header (const Form *form,
               const char *number_line,
               const char *date_line,
               const char *title)
{
  /* The number's symbol says who issues the paper: the People's Committee heads it alone, the centre under it. */
  const char *left = strstr (number_line, "-UBND") ? PARENT_NAME " Số:"
                                                   : PARENT_NAME " TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG";

  if (!contains (form->header_left, left))
    g_test_fail_printf ("%s: the header's left column reads “%s”", form->name, form->header_left);
  assert_contains (form, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_contains (form, "Độc lập - Tự do - Hạnh phúc");
  assert_contains (form, number_line);
  assert_contains (form, date_line);
  assert_contains (form, title);
}

static void
test_slip_text (void)
{
  const Form *form = get_form ("slip-long");
  McDossier *d = fx.long_intake;
  g_autofree char *first_doc = g_strdup_printf ("1) %s: 01 bản chính.", (char *) g_ptr_array_index (doc_names, 0));
  g_autofree char *last_doc = g_strdup_printf ("25) %s: 01 bản chính.",
                                               (char *) g_ptr_array_index (doc_names, 24));
  g_autofree char *code_line = g_strdup_printf ("Mã hồ sơ: %s", d->code);
  g_autofree char *pin_line = g_strdup_printf ("Mã tra cứu: %s", d->lookup_pin);

  g_assert_cmpstr (d->code, ==, "000.00.12.H40-261123-010001");
  assert_header (form, "Số: 01/GTN-TTPVHCC", DATE_LINE, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
  assert_contains (form, "Mẫu số 01");
  assert_contains (form, code_line);
  assert_contains (form, pin_line);
  assert_contains (form, "Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: " LONG_NAME);
  assert_contains (form, "Số định danh cá nhân/tổ chức: " LONG_ID);
  assert_contains (form, "Địa chỉ: " LONG_ADDRESS);
  assert_contains (form, "Nội dung yêu cầu giải quyết: Cấp Giấy xác nhận tình trạng hôn nhân (mã thủ tục 1.004873)");
  assert_contains (form, first_doc);
  assert_contains (form, last_doc);
  assert_contains (form, "2. Số lượng hồ sơ: 01 (bộ)");
  assert_contains (form, "3. Thời gian giải quyết hồ sơ theo quy định là: 03 ngày làm việc");
  assert_contains (form, "4. Thời gian nhận hồ sơ: 09 giờ 10 phút, ngày 23 tháng 11 năm 2026");
  assert_contains (form, "5. Thời gian trả kết quả giải quyết hồ sơ: " DUE_TEXT);
  assert_contains (form, "NGƯỜI NỘP HỒ SƠ");
  assert_contains (form, "NGƯỜI TIẾP NHẬN HỒ SƠ");
  assert_contains (form, CLERK);
  assert_contains (form, "Vào Sổ theo dõi hồ sơ, Quyển số: 2026 Số thứ tự: 01-0001");

  /* The ordinary dossier: its own number and code, the procedure's required documents. */
  form = get_form ("slip-plain");
  assert_header (form, "Số: 02/GTN-TTPVHCC", DATE_LINE, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
  assert_contains (form, fx.plain->code);
  assert_contains (form, PLAIN_NAME);
  assert_contains (form, PLAIN_ID);
  assert_contains (form, DUE_TEXT);
  assert_not_contains (form, LONG_NAME);
}

/* A dossier that came as history without a slip number: blanks for the pen, never "00". */
static void
test_slip_unnumbered (void)
{
  g_autoptr(McDossier) d = get_dossier (fx.plain->code);
  const Form *form;

  d->slip_number = 0;
  g_clear_pointer (&d->book_entry, g_free);
  form = render_form ("slip-unnumbered", MC_FORM_SLIP, d, fx.office_2025);
  assert_contains (form, "Số: ……/GTN-TTPVHCC");
  assert_contains (form, "Quyển số: 2026 Số thứ tự: ……");
  assert_not_contains (form, "Số thứ tự: 00");
}

static void
test_slip_layout_text (void)
{
  const Form *form = get_form ("slip-long");
  const char *argv[] = { "pdftotext", "-layout", form->pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *due = normalise (DUE_TEXT);
  int status;

  g_assert_true (run (argv, &out, &status));
  clean = normalise (out);
  g_assert_nonnull (strstr (clean, due));
  g_assert_nonnull (strstr (clean, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"));
}

static int
page_of (const Form *form,
         const char *needle,
         int        *out_count)
{
  int found = -1;

  *out_count = 0;
  for (int i = 0; i < form->n_pages; i++)
    {
      const char *text = g_ptr_array_index (form->page_texts, i);

      for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
        {
          if (found < 0)
            found = i;
          (*out_count)++;
        }
    }
  return found;
}

static void
test_slip_copies (void)
{
  const Form *form = get_form ("slip-long");
  int count, page;

  g_test_message ("long slip: %d pages", form->n_pages);
  g_assert_cmpint (form->n_pages, >=, 4);
  g_assert_cmpint (form->n_pages % 2, ==, 0);

  /* Each copy starts a page of its own, and the two copies take the same number of pages. */
  page = page_of (form, "Liên 1", &count);
  g_assert_cmpint (page, ==, 0);
  g_assert_cmpint (count, ==, 1);
  page = page_of (form, "Liên 2", &count);
  g_assert_cmpint (page, ==, form->n_pages / 2);
  g_assert_cmpint (count, ==, 1);
  page = page_of (form, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", &count);
  g_assert_cmpint (page, ==, 0);
  g_assert_cmpint (count, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (form->page_texts, form->n_pages / 2),
                            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"));
  /* Copy 1's text never spills onto copy 2's pages: its last item is before the middle. */
  page = page_of (form, "NGƯỜI TIẾP NHẬN HỒ SƠ", &count);
  g_assert_cmpint (count, ==, 2);
  g_assert_cmpint (page, <, form->n_pages / 2);

  form = get_form ("slip-plain");
  g_assert_cmpint (form->n_pages, ==, 2);
  g_assert_cmpint (page_of (form, "Liên 1", &count), ==, 0);
  g_assert_cmpint (count, ==, 1);
  g_assert_cmpint (page_of (form, "Liên 2", &count), ==, 1);
  g_assert_cmpint (count, ==, 1);
}

static void
test_supplement_text (void)
{
  const Form *form = get_form ("supplement");
  const Form *second = get_form ("supplement-2");

  assert_header (form, "Số: 01/PBS-TTPVHCC", DATE_LINE, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
  assert_contains (form, "Mẫu số 02");
  assert_contains (form, "Hồ sơ của: " LONG_NAME);
  assert_contains (form, fx.long_intake->code);
  assert_contains (form, "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:");
  /* One numbered item per line of the reason; the blank line is skipped. */
  assert_contains (form, "1. " SUPPLEMENT_1);
  assert_contains (form, "2. " SUPPLEMENT_2);
  assert_contains (form, "3. " SUPPLEMENT_3);
  assert_not_contains (form, "4. ");
  assert_contains (form, "NGƯỜI HƯỚNG DẪN");
  assert_contains (form, CLERK);

  /* The second request of the year gets the next number, dated its own day. */
  assert_header (second, "Số: 02/PBS-TTPVHCC", "Tân Lập, ngày 25 tháng 11 năm 2026",
                 "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
  assert_contains (second, "1. Thiếu tờ khai có chữ ký của người yêu cầu");
  g_assert_cmpint (fx.second_supplement->supplement_number, ==, 2);
}

static void
test_apology_text (void)
{
  const Form *form = get_form ("apology");

  /* The People's Committee issues it by default (the deciding body apologises): its name heads the letter, its
   * symbol ends the number, it speaks in the text and its chairman signs for it. */
  assert_header (form, "Số: 01/PXL-UBND", "Tân Lập, ngày 26 tháng 11 năm 2026",
                 "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
  assert_contains (form, "ỦY BAN NHÂN DÂN XÃ TÂN LẬP");
  assert_not_contains (form, "TRUNG TÂM PHỤC VỤ");
  assert_contains (form, "TM. ỦY BAN NHÂN DÂN");
  assert_contains (form, "Mẫu số 04");
  assert_contains (form, "Kính gửi: Bà " LONG_NAME);
  assert_contains (form, "số định danh: " LONG_ID);
  assert_contains (form, fx.long_intake->code);
  assert_contains (form, "Lý do: " APOLOGY_REASON ".");
  assert_contains (form, "sẽ trả kết quả giải quyết hồ sơ cho Bà vào " NEW_DUE_TEXT);
  assert_contains (form, "Ngày 23 tháng 11 năm 2026, Ủy ban nhân dân xã Tân Lập tiếp nhận");
  assert_not_contains (form, "Ông/Bà");
  /* The head of the deciding body signs, not the clerk: at a commune, the chairman (the office's default). */
  assert_contains (form, "CHỦ TỊCH");
  assert_contains (form, "(Ký, ghi rõ họ tên và đóng dấu)");
  assert_contains (form, "Nơi nhận:");
  assert_not_contains (form, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
}

static void
test_refusal_text (void)
{
  const Form *form = get_form ("refusal");

  assert_header (form, "Số: 01/PTC-TTPVHCC", DATE_LINE, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
  assert_contains (form, "Mẫu số 03");
  assert_contains (form, "Tiếp nhận hồ sơ của: " PLAIN_NAME);
  assert_contains (form, "Số định danh cá nhân/tổ chức: " PLAIN_ID);
  assert_contains (form, fx.plain->code);
  assert_contains (form, "với lý do cụ thể như sau: " REFUSAL_REASON);
  /* The applicant's personal ID number says he is a man. */
  assert_contains (form, "Xin thông báo cho Ông được biết và thực hiện./.");
}

static void
test_refusal_not_applicable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDocument) doc = NULL;

  doc = mc_form_render (MC_FORM_REFUSAL, fx.long_done, NULL, fx.office_2025, &error);
  g_assert_null (doc);
  g_assert_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE);
  g_clear_error (&error);

  doc = mc_form_render (MC_FORM_STOP_NOTICE, fx.long_intake, NULL, fx.office_2025, &error);
  g_assert_null (doc);
  g_assert_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE);
  g_clear_error (&error);

  doc = mc_form_render (MC_FORM_APOLOGY, fx.plain, NULL, fx.office_2025, &error);
  g_assert_null (doc);
  g_assert_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE);
}

static void
test_stop_text (void)
{
  const Form *form = get_form ("stop");

  assert_header (form, "Số: 01/TBD-TTPVHCC", "Tân Lập, ngày 24 tháng 11 năm 2026", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
  assert_contains (form, "Mẫu số 05");
  assert_contains (form, "Kính gửi: Ông/Bà " STOP_NAME);
  assert_contains (form, fx.stopped->code);
  assert_contains (form, "với lý do: " STOP_REASON ".");
  assert_contains (form, "Vào 10 giờ 00 phút, ngày 24 tháng 11 năm 2026");
}

static void
test_control_text (void)
{
  const Form *form = get_form ("control");

  assert_header (form, "Số: 01/PKS-TTPVHCC", DATE_LINE, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
  assert_contains (form, "Mẫu số 06");
  assert_contains (form, "Mã số hồ sơ: ");
  assert_contains (form, fx.long_intake->code);
  assert_contains (form, "Ngày nhận: 09 giờ 10 phút, ngày 23 tháng 11 năm 2026");
  assert_contains (form, "TÊN ĐƠN VỊ");
  /* A row per hand-over, nothing else: the supplement, the apology and the return are no hand-overs. */
  assert_not_contains (form, "Yêu cầu bổ sung");
  assert_not_contains (form, "Phiếu xin lỗi");
  {
    g_autoptr(TestPdf) pdf = open_pdf (form->pdf);
    double width = mc_document_get_content_width (form->doc);
    g_autofree char *column = text_in_area (pdf, 0, MC_MARGIN_LEFT + 0.30 * width, MC_MARGIN_LEFT + 0.57 * width,
                                            0, MC_A4_HEIGHT);
    g_autofree char *units = text_in_area (pdf, 0, MC_MARGIN_LEFT, MC_MARGIN_LEFT + 0.30 * width, 0, MC_A4_HEIGHT);
    g_autofree char *results = text_in_area (pdf, 0, MC_MARGIN_LEFT + 0.57 * width, MC_MARGIN_LEFT + 0.80 * width,
                                             0, MC_A4_HEIGHT);
    McDossierStep *desk = g_ptr_array_index (fx.long_done->steps, 0);

    if (!contains (units, "1. Giao: Bộ phận Một cửa 2. Nhận: Công chức Tư pháp - Hộ tịch"))
      g_test_fail_printf ("control: no hand-over to the civil-status officer: %s", units);
    if (!contains (column, "09 giờ 00 phút, ngày 24/11/2026"))
      g_test_fail_printf ("control: the hand-over's time is not in the time column: %s", column);
    if (!contains (column, "Người giao: Lê Thu Hà") || !contains (column, "Người nhận:"))
      g_test_fail_printf ("control: no signature cells: %s", column);
    /* The desk's step: paused by the supplement, handed on within its time. */
    g_assert_cmpint (desk->outcome, ==, MC_DUE_STATE_ON_TIME);
    if (!contains (results, "Đúng hạn"))
      g_test_fail_printf ("control: the desk's step is not “Đúng hạn”: %s", results);
    /* The dossier is closed: no blank rows for hand-overs that will not come. */
    if (contains (column, "…giờ…phút"))
      g_test_fail_printf ("control: blank rows on a closed dossier: %s", column);
  }
  /* Before any hand-over: blank rows for the internal procedure's hand-overs to come. */
  {
    const Form *before = get_form ("control-before");
    g_autoptr(TestPdf) pdf = open_pdf (before->pdf);
    double width = mc_document_get_content_width (before->doc);
    g_autofree char *units = text_in_area (pdf, 0, MC_MARGIN_LEFT, MC_MARGIN_LEFT + 0.30 * width, 0, MC_A4_HEIGHT);
    const char *planned[] = { "1. Giao: Bộ phận Một cửa 2. Nhận: Công chức chuyên môn",
                              "1. Giao: Công chức chuyên môn 2. Nhận: Lãnh đạo UBND",
                              "1. Giao: Lãnh đạo UBND 2. Nhận: Văn thư",
                              "1. Giao: Văn thư 2. Nhận: Bộ phận Một cửa" };

    for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
      if (!contains (units, planned[i]))
        g_test_fail_printf ("control-before: “%s” not among the rows: %s", planned[i], units);
    assert_contains (before, "…giờ…phút, ngày…/…/…");
  }
  /* The result came after the legal due date (the apology's new date does not move it): “Quá hạn”. */
  {
    McMinute ready = MC_MINUTE_NONE;

    g_assert_true (mc_time_parse ("2026-12-02T15:00", &ready, NULL));
    g_assert_cmpint (fx.long_done->due, <, ready);
    g_assert_cmpint (fx.long_done->outcome, ==, MC_DUE_STATE_LATE);
  }
}

static void
test_numbering_2018 (void)
{
  const Form *apology = get_form ("apology-2018");
  const Form *control = get_form ("control-2018");
  const Form *stop = get_form ("stop-2018");

  assert_contains (apology, "Mẫu số 04");
  assert_contains (apology, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
  assert_not_contains (apology, "ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
  /* Reprinted, the apology keeps its number and date. */
  assert_contains (apology, "Số: 01/PXL-UBND");
  assert_contains (apology, "Tân Lập, ngày 26 tháng 11 năm 2026");
  assert_contains (control, "Mẫu số 05");
  assert_not_contains (control, "Mẫu số 06");
  assert_contains (control, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
  assert_not_contains (stop, "Mẫu số");
  assert_contains (stop, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
}

static void
test_fonts_embedded (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (all_forms); f++)
    {
      const Form *form = get_form (all_forms[f]);
      const char *argv[] = { "pdffonts", form->pdf, NULL };
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      const char *emb = NULL;
      gsize emb_col = 0;
      guint rows = 0, other = 0;
      gboolean past_rule = FALSE;
      int status;

      g_assert_true (run (argv, &out, &status));
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          if (emb == NULL && (emb = strstr (lines[i], " emb ")) != NULL)
            {
              emb_col = (gsize) (emb - lines[i]) + 1;
              continue;
            }
          if (g_str_has_prefix (lines[i], "----"))
            {
              past_rule = TRUE;
              continue;
            }
          if (!past_rule || *lines[i] == '\0')
            continue;
          rows++;
          if (strlen (lines[i]) < emb_col + 3 || strncmp (lines[i] + emb_col, "yes", 3) != 0)
            g_test_fail_printf ("%s: font not embedded: %s", form->name, lines[i]);
          if (strstr (lines[i], "LiberationSerif") == NULL)
            {
              g_test_message ("%s: a font other than Liberation Serif: %s", form->name, lines[i]);
              other++;
            }
        }
      g_assert_nonnull (emb);
      g_assert_cmpuint (rows, >=, 2);  /* regular and bold at least */
      if (other > 0)
        g_test_fail_printf ("%s: %u of %u fonts are not Liberation Serif (a fallback for glyphs it lacks)",
                            form->name, other, rows);
    }
}

static void
test_qpdf_check (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (all_forms); f++)
    {
      const Form *form = get_form (all_forms[f]);
      const char *argv[] = { "qpdf", "--check", form->pdf, NULL };
      g_autofree char *out = NULL;
      int status;

      if (!run (argv, &out, &status))
        g_test_fail_printf ("%s: qpdf --check failed (%d):\n%s", form->name, status, out);
    }
}

/* Renders every page at 3x and decodes the QR codes found, in page order. */
static GPtrArray *
decode_qr (const Form *form)
{
  g_autoptr(TestPdf) pdf = open_pdf (form->pdf);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < form->n_pages; i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *png_name = g_strdup_printf ("%s-qr-p%d.png", form->name, i + 1);
      g_autofree char *png = g_build_filename (fx.dir, png_name, NULL);
      cairo_surface_t *surface = render_page (page, 3.0);
      const char *argv[] = { "zbarimg", "--raw", "-q", png, NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      if (run (argv, &out, &status))
        {
          g_auto(GStrv) lines = g_strsplit (g_strstrip (out), "\n", -1);

          for (guint l = 0; lines[l]; l++)
            g_ptr_array_add (found, g_strdup (lines[l]));
        }
      else
        g_assert_cmpint (status, ==, 4);
      g_remove (png);
    }
  return found;
}

static void
test_qr (void)
{
  McDossier *d = fx.long_intake;
  g_autofree char *plain_payload = g_strdup_printf ("%s|%s", d->code, d->lookup_pin);
  g_autofree char *url = g_strdup_printf ("https://dichvucong.example.vn/tra-cuu?ma=%s&pin=%s", d->code,
                                          d->lookup_pin);
  g_autoptr(GPtrArray) codes = decode_qr (get_form ("slip-long"));
  g_autoptr(GPtrArray) url_codes = decode_qr (get_form ("slip-url"));
  g_autoptr(GPtrArray) plain_codes = decode_qr (get_form ("slip-plain"));
  g_autofree char *plain_expected = g_strdup_printf ("%s|%s", fx.plain->code, fx.plain->lookup_pin);

  g_assert_nonnull (d->lookup_pin);
  g_assert_cmpuint (strlen (d->lookup_pin), >, 0);

  /* One QR per copy. */
  g_assert_cmpuint (codes->len, ==, 2);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      g_assert_cmpstr (code, ==, plain_payload);
      g_assert_null (strstr (code, LONG_ID));
      g_assert_null (strstr (code, "Tôn Nữ"));
      g_assert_null (strstr (code, "0912345678"));
    }
  g_assert_cmpuint (plain_codes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (plain_codes, 0), ==, plain_expected);

  g_assert_cmpuint (url_codes->len, ==, 2);
  for (guint i = 0; i < url_codes->len; i++)
    {
      const char *code = g_ptr_array_index (url_codes, i);

      g_assert_cmpstr (code, ==, url);
      g_assert_null (strstr (code, LONG_ID));
      g_assert_null (strstr (code, "Bích"));  /* no part of the name, accented or not */
      g_assert_null (strstr (code, "Bich"));
      g_assert_null (strstr (code, "Thao"));
    }
}

static void
test_margins (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (all_forms); f++)
    {
      const Form *form = get_form (all_forms[f]);
      McDocument *doc = form->doc;
      double width = mc_document_get_page_width (doc);
      double height = mc_document_get_page_height (doc);
      int n_pages = mc_document_get_n_pages (doc);
      GArray *boxes = mc_document_get_text_boxes (doc);
      g_autoptr(TestPdf) pdf = open_pdf (form->pdf);
      g_autoptr(TestPage) first = poppler_document_get_page (pdf, 0);
      double pdf_width, pdf_height;
      guint outside = 0;

      poppler_page_get_size (first, &pdf_width, &pdf_height);
      g_assert_cmpfloat_with_epsilon (pdf_width, MC_A4_WIDTH, 0.01);
      g_assert_cmpfloat_with_epsilon (pdf_height, MC_A4_HEIGHT, 0.01);
      g_assert_cmpfloat_with_epsilon (width, MC_A4_WIDTH, 0.01);
      g_assert_nonnull (boxes);
      g_assert_cmpuint (boxes->len, >, 10);

      for (guint i = 0; i < boxes->len; i++)
        {
          const McBox *b = &g_array_index (boxes, McBox, i);

          if (b->x < MC_MARGIN_LEFT - 0.5 || b->x + b->width > width - MC_MARGIN_RIGHT + 0.5 ||
              b->y < MC_MARGIN_TOP - 2 || b->y + b->height > height - MC_MARGIN_BOTTOM + 2 ||
              b->page < 0 || b->page >= n_pages)
            {
              if (outside++ < 5)
                g_test_message ("%s: text box %u outside the margins: page %d, x %.2f..%.2f (allowed %.2f..%.2f), "
                                "y %.2f..%.2f (allowed %.2f..%.2f)", form->name, i, b->page, b->x,
                                b->x + b->width, MC_MARGIN_LEFT, width - MC_MARGIN_RIGHT, b->y, b->y + b->height,
                                MC_MARGIN_TOP, height - MC_MARGIN_BOTTOM);
            }
        }
      if (outside > 0)
        g_test_fail_printf ("%s: %u of %u text boxes cross the margins", form->name, outside, boxes->len);
    }
}

static double
font_size_of (const Form *form,
              int         page_index,
              const char *needle,
              char      **out_font)
{
  g_autoptr(TestPdf) pdf = open_pdf (form->pdf);
  g_autoptr(TestPage) page = poppler_document_get_page (pdf, page_index);
  g_autofree char *text = poppler_page_get_text (page);
  const char *hit = strstr (text, needle);
  GList *attributes;
  glong start, end;
  double size = 0;

  if (hit == NULL)
    g_error ("%s: “%s” not on page %d", form->name, needle, page_index + 1);
  start = g_utf8_pointer_to_offset (text, hit);
  end = start + g_utf8_strlen (needle, -1) - 1;
  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      if (a->end_index < start || a->start_index > end)
        continue;
      if (size == 0)
        {
          size = a->font_size;
          if (out_font)
            *out_font = g_strdup (a->font_name);
        }
      else if (ABS (size - a->font_size) > 0.01)
        size = -1;
    }
  poppler_page_free_text_attributes (attributes);
  return size;
}

static void
test_font_sizes (void)
{
  struct { const char *form; const char *needle; double size; } cases[] = {
    { "slip-long", "Nội dung yêu cầu giải quyết", 13 },
    { "slip-long", "Số định danh cá nhân/tổ chức", 13 },
    { "slip-long", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", 14 },
    { "apology", "Mong nhận được sự thông cảm", 13 },
    { "refusal", "Xin thông báo cho Ông", 13 },
    { "supplement", "Yêu cầu hoàn thiện hồ sơ gồm", 13 },
    { "stop", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", 14 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *font = NULL;
      double size = font_size_of (get_form (cases[i].form), 0, cases[i].needle, &font);

      g_test_message ("%s “%s”: %.2f pt, %s", cases[i].form, cases[i].needle, size, font);
      if (ABS (size - cases[i].size) > 0.3)
        g_test_fail_printf ("%s: “%s” is %.2f pt, expected %.1f", cases[i].form, cases[i].needle, size, cases[i].size);
      g_assert_nonnull (font);
      g_assert_nonnull (strstr (font, "LiberationSerif"));
    }
}

static void
test_outputs_kept (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (all_forms); f++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", FORMS_OUTPUT_DIR, all_forms[f]);
      g_autofree char *png = g_strdup_printf ("%s/%s-p1.png", FORMS_OUTPUT_DIR, all_forms[f]);

      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    }
}

/* Decodes every QR code zbarimg finds on page @index of @path, rendered by pdftoppm at 300 dpi, an office
 * printer's resolution (at screen resolutions a 20 mm code's modules fall between pixels and the scanner misses
 * some of the 33 on the index page, which paper does not). */
static GPtrArray *
decode_page_qr (const char *path,
                int         index)
{
  g_autofree char *page_number = g_strdup_printf ("%d", index + 1);
  g_autofree char *prefix = g_build_filename (fx.dir, "posting-qr", NULL);
  g_autofree char *png = NULL;
  const char *render[] = { "pdftoppm", "-r", "300", "-f", page_number, "-l", page_number, "-png", "-singlefile",
                           path, prefix, NULL };
  g_autofree char *out = NULL;
  g_autofree char *render_out = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_assert_true (run (render, &render_out, &status));
  png = g_strconcat (prefix, ".png", NULL);
  {
    const char *argv[] = { "zbarimg", "--raw", "-q", png, NULL };

    if (run (argv, &out, &status))
      {
        g_auto(GStrv) lines = g_strsplit (g_strstrip (out), "\n", -1);

        for (guint l = 0; lines[l]; l++)
          g_ptr_array_add (found, g_strdup (lines[l]));
      }
  }
  return found;
}

/* The posting board: an index page with every procedure's code, then one sheet each; the QR codes open the
 * procedure's page on the portal. */
static void
test_posting_sheets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) procedures = mc_store_list_procedures (fx.store, &error);
  g_autoptr(McDocument) doc = NULL;
  g_autofree char *path = g_build_filename (FORMS_OUTPUT_DIR, "posting.pdf", NULL);
  g_autoptr(GPtrArray) index_codes = NULL;
  g_autoptr(GPtrArray) sheet_codes = NULL;
  g_autofree char *expected = NULL;
  McProcedure *first;

  g_assert_no_error (error);
  g_assert_cmpuint (procedures->len, >, 20);
  doc = mc_posting_render (procedures, mc_store_get_office (fx.store), NULL, &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (FORMS_OUTPUT_DIR, 0755);
  g_assert_true (mc_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  /* The index fits one page. */
  g_assert_cmpint (mc_document_get_n_pages (doc), ==, 1 + (int) procedures->len);

  first = g_ptr_array_index (procedures, 0);
  expected = mc_posting_url (NULL, first->code);
  g_assert_true (g_str_has_prefix (expected, "https://dichvucong.gov.vn/"));
  g_assert_true (g_str_has_suffix (expected, first->code));
  sheet_codes = decode_page_qr (path, 1);
  g_assert_cmpuint (sheet_codes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sheet_codes, 0), ==, expected);
  index_codes = decode_page_qr (path, 0);
  g_test_message ("index: %u of %u codes decoded", index_codes->len, procedures->len);
  g_assert_cmpuint (index_codes->len, ==, procedures->len);
  {
    g_autoptr(TestPdf) pdf = open_pdf (path);
    g_autoptr(TestPage) page = poppler_document_get_page (pdf, 1);
    g_autofree char *text = poppler_page_get_text (page);

    g_assert_nonnull (strstr (text, "NIÊM YẾT THỦ TỤC HÀNH CHÍNH"));
    g_assert_nonnull (strstr (text, first->name));
    g_assert_nonnull (strstr (text, "Thành phần hồ sơ"));
  }
  {
    g_autofree char *custom = mc_posting_url ("https://dichvucong.phutho.gov.vn/thu-tuc/{code}", "1.001193");
    g_assert_cmpstr (custom, ==, "https://dichvucong.phutho.gov.vn/thu-tuc/1.001193");
  }
}

/*
 * The audit log
 */

/* The lines of the audit log after @after (an id), oldest first. */
static GPtrArray *
audit_since (gint64 after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) newest_first = mc_audit_list (fx.store, 0, &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_audit_entry_free);

  g_assert_no_error (error);
  for (guint i = newest_first->len; i > 0; i--)
    {
      McAuditEntry *entry = g_ptr_array_index (newest_first, i - 1);

      if (entry->id > after)
        g_ptr_array_add (lines, g_ptr_array_steal_index (newest_first, i - 1));
    }
  return lines;
}

static gint64
last_audit_id (void)
{
  g_autoptr(GPtrArray) newest_first = mc_audit_list (fx.store, 1, NULL);

  return newest_first->len > 0 ? ((McAuditEntry *) g_ptr_array_index (newest_first, 0))->id : 0;
}

static void
assert_line (GPtrArray  *lines,
             guint       i,
             const char *action,
             const char *subject,
             const char *detail)
{
  McAuditEntry *entry;

  g_assert_cmpuint (i, <, lines->len);
  entry = g_ptr_array_index (lines, i);
  g_assert_cmpstr (entry->action, ==, action);
  g_assert_cmpstr (entry->subject, ==, subject);
  g_assert_cmpstr (entry->detail, ==, detail);
  g_assert_cmpstr (entry->account, ==, CLERK);
}

/* Draws every page on a PDF surface of its own, as a print job is drawn. */
static void
print_pages (McDocument *doc)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, MC_A4_WIDTH, MC_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < mc_document_get_n_pages (doc); page++)
    {
      mc_document_draw_page (doc, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The writers record their own lines: a form issued once it is shown, printed or saved, and only once; a
 * register and a published list under the file written; nothing for a document that never leaves the program,
 * nor for one rendered without a store. */
static void
test_audit_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx.dir, "audit-slip.pdf", NULL);
  g_autofree char *register_csv = g_build_filename (fx.dir, "so-theo-doi.csv", NULL);
  g_autofree char *register_pdf = g_build_filename (fx.dir, "so-theo-doi.pdf", NULL);
  g_autofree char *late_csv = g_build_filename (fx.dir, "qua-han.csv", NULL);
  g_autofree char *late_pdf = g_build_filename (fx.dir, "qua-han.pdf", NULL);
  int from = mc_jdn_from_ymd (2026, 11, 1), to = mc_jdn_from_ymd (2026, 11, 30);
  gint64 start = last_audit_id ();
  g_autoptr(GPtrArray) lines = NULL;

  /* Shown (the preview's PDF), then saved and printed from there: one line. */
  {
    g_autoptr(McDocument) slip = mc_form_issue (fx.store, MC_FORM_SLIP, fx.plain, NULL, &error);
    g_autoptr(GBytes) shown = NULL;

    g_assert_no_error (error);
    g_clear_pointer (&lines, g_ptr_array_unref);
    lines = audit_since (start);
    g_assert_cmpuint (lines->len, ==, 0);
    shown = mc_document_to_pdf_bytes (slip, &error);
    g_assert_no_error (error);
    g_assert_true (mc_document_write_pdf (slip, pdf, &error));
    g_assert_no_error (error);
    print_pages (slip);
  }
  /* Printed at once, without a preview. */
  {
    g_autoptr(GPtrArray) events = mc_store_get_events (fx.store, fx.long_done->uuid, &error);
    g_autoptr(McDocument) control = mc_form_issue (fx.store, MC_FORM_CONTROL_SHEET, fx.long_done, events, &error);

    g_assert_no_error (error);
    print_pages (control);
  }
  /* Issued and dropped unseen; rendered for no store: nothing. */
  {
    g_autoptr(McDocument) unseen = mc_form_issue (fx.store, MC_FORM_SLIP, fx.second, NULL, &error);
    g_autoptr(McDocument) plain = mc_form_render (MC_FORM_SLIP, fx.second, NULL, fx.office_2025, &error);

    g_assert_no_error (error);
    g_assert_true (mc_document_write_pdf (plain, pdf, &error));
  }
  /* A batch of letters joined into one file: a line each, in their order. */
  {
    g_autoptr(McDossier) done = get_dossier (fx.long_intake->code);
    g_autoptr(McDocument) batch = mc_document_new (FALSE);
    g_autoptr(McDocument) first = mc_form_issue (fx.store, MC_FORM_APOLOGY, done, NULL, &error);
    g_autoptr(McDocument) second = mc_form_issue (fx.store, MC_FORM_SUPPLEMENT, fx.second_supplement, NULL,
                                                  &error);

    g_assert_no_error (error);
    mc_document_append (batch, first);
    mc_document_append (batch, second);
    g_assert_true (mc_document_write_pdf (batch, pdf, &error));
    g_assert_no_error (error);
  }
  /* A declaration and the post hand-over list, shown. */
  {
    McDeclaration *declaration = mc_declaration_find (PROCEDURE);
    g_autoptr(GHashTable) answers = NULL;
    g_autoptr(McDocument) filled = NULL;
    g_autoptr(McDocument) post = NULL;
    g_autoptr(GBytes) shown = NULL;
    g_autoptr(GBytes) post_shown = NULL;

    g_assert_nonnull (declaration);
    answers = mc_declaration_initial_answers (declaration, fx.store, fx.plain, &error);
    g_assert_no_error (error);
    filled = mc_declaration_render (declaration, fx.store, fx.plain, answers, &error);
    g_assert_no_error (error);
    shown = mc_document_to_pdf_bytes (filled, &error);
    g_assert_no_error (error);
    post = mc_post_list_render (fx.store, &error);
    g_assert_no_error (error);
    post_shown = mc_document_to_pdf_bytes (post, &error);
    g_assert_no_error (error);
  }
  /* The register and the late list, each as CSV and as PDF: the file's name is the subject. */
  g_assert_true (mc_register_write_csv (fx.store, from, to, NULL, register_csv, &error));
  g_assert_no_error (error);
  {
    g_autoptr(McDocument) book = mc_register_render (fx.store, from, to, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (mc_document_write_pdf (book, register_pdf, &error));
    g_assert_no_error (error);
  }
  g_assert_true (mc_late_list_write_csv (fx.store, from, to, late_csv, &error));
  g_assert_no_error (error);
  {
    g_autoptr(McDocument) list = mc_late_list_render (fx.store, from, to, &error);

    g_assert_no_error (error);
    g_assert_true (mc_document_write_pdf (list, late_pdf, &error));
    g_assert_no_error (error);
  }
  /* A register that cannot be written records nothing. */
  g_assert_false (mc_register_write_csv (fx.store, from, to, NULL, "/nonexistent/so.csv", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = audit_since (start);
  for (guint i = 0; i < lines->len; i++)
    {
      McAuditEntry *e = g_ptr_array_index (lines, i);
      g_test_message ("audit: %s | %s | %s", e->action, e->subject, e->detail);
    }
  g_assert_cmpuint (lines->len, ==, 10);
  assert_line (lines, 0, MC_AUDIT_PRINT, fx.plain->code, "slip");
  assert_line (lines, 1, MC_AUDIT_PRINT, fx.long_done->code, "control");
  assert_line (lines, 2, MC_AUDIT_PRINT, fx.long_intake->code, "apology");
  assert_line (lines, 3, MC_AUDIT_PRINT, fx.second->code, "supplement");
  assert_line (lines, 4, MC_AUDIT_PRINT, fx.plain->code, "marital-status");
  assert_line (lines, 5, MC_AUDIT_PRINT, NULL, "post hand-over list");
  assert_line (lines, 6, MC_AUDIT_REGISTER, "so-theo-doi.csv", "2026-11-01 – 2026-11-30");
  assert_line (lines, 7, MC_AUDIT_REGISTER, "so-theo-doi.pdf", "2026-11-01 – 2026-11-30");
  assert_line (lines, 8, MC_AUDIT_REGISTER, "qua-han.csv", "late dossiers");
  assert_line (lines, 9, MC_AUDIT_REGISTER, "qua-han.pdf", "late dossiers");
}

/* A document outlives its database without keeping it open: shown afterwards, it records nowhere. */
static void
test_audit_store_closed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx.dir, "closed.db", NULL);
  McStore *store = mc_store_open (path, TRUE, &error);
  McStoreSetup setup = { OFFICE_CODE, OFFICE_NAME, PARENT_NAME, PLACE, 2, CLERK };
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(McDocument) slip = NULL;
  g_autoptr(GBytes) shown = NULL;
  McIntake in = { 0 };

  g_assert_no_error (error);
  g_assert_true (mc_store_setup (store, &setup, &error));
  in.procedure_code = PROCEDURE;
  in.applicant_name = PLAIN_NAME;
  in.received = MC_MINUTE_NONE;
  dossier = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  slip = mc_form_issue (store, MC_FORM_SLIP, dossier, NULL, &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (store);
  g_assert_null (store);
  shown = mc_document_to_pdf_bytes (slip, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shown);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("MOTCUA_NOW", NOW, TRUE);

  build_everything ();

  g_test_add_func ("/forms/slip/text", test_slip_text);
  g_test_add_func ("/forms/slip/unnumbered", test_slip_unnumbered);
  g_test_add_func ("/forms/slip/layout-text", test_slip_layout_text);
  g_test_add_func ("/forms/slip/copies", test_slip_copies);
  g_test_add_func ("/forms/slip/qr", test_qr);
  g_test_add_func ("/forms/supplement/text", test_supplement_text);
  g_test_add_func ("/forms/apology/text", test_apology_text);
  g_test_add_func ("/forms/refusal/text", test_refusal_text);
  g_test_add_func ("/forms/refusal/not-applicable", test_refusal_not_applicable);
  g_test_add_func ("/forms/stop/text", test_stop_text);
  g_test_add_func ("/forms/control/text", test_control_text);
  g_test_add_func ("/forms/numbering-2018", test_numbering_2018);
  g_test_add_func ("/forms/pdf/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/forms/pdf/qpdf-check", test_qpdf_check);
  g_test_add_func ("/forms/pdf/font-sizes", test_font_sizes);
  g_test_add_func ("/forms/layout/margins", test_margins);
  g_test_add_func ("/forms/posting-sheets", test_posting_sheets);
  g_test_add_func ("/forms/outputs-kept", test_outputs_kept);
  g_test_add_func ("/forms/audit/lines", test_audit_lines);
  g_test_add_func ("/forms/audit/store-closed", test_audit_store_closed);

  result = g_test_run ();
  tear_down_everything ();
  return result;
}
