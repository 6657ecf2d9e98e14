/* test-digitise.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The citizen writes nothing and the dossier is digitised, on real parts: declarations rendered to PDF and read
 * back with pdftotext; a document scanned from SANE's virtual test device and another from a file, stored
 * beside a real database, carried by a sync bundle to another workstation and read back byte for byte. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"
#include "mc-attachment.h"
#include "mc-bundle.h"
#include "mc-declaration.h"
#include "mc-post-list.h"
#include "mc-procedure.h"
#include "mc-scanner.h"
#include "mc-store.h"

typedef TestFolder Fixture;

/* The moment every test here runs at. */
#define NOW "2026-11-23T09:10"

static McDossier *
receive (McStore    *store,
         const char *procedure,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  McDossier *d;
  McIntake in = { 0 };

  in.procedure_code = procedure;
  in.applicant_name = name;
  in.id_number = "001085012345";
  in.address = "Thôn Đông, xã Tân Lập";
  in.received = MC_MINUTE_NONE;
  d = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  return d;
}

static GPtrArray *
load_catalogue (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/motcua/Desk/data/procedures.json", 0, error);

  if (bytes == NULL)
    return NULL;
  return mc_procedure_parse_catalogue (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), error);
}

static char *
pdf_text (McDocument *document,
          const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (dir, "form.pdf", NULL);
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  g_assert_true (mc_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

/* Collapses runs of spaces, so that text laid out in columns reads as it was written. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ' ' || (out->len > 0 && out->str[out->len - 1] != ' '))
      g_string_append_c (out, *p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_shipped_templates (void)
{
  GPtrArray *list = mc_declaration_list ();
  g_autoptr(GPtrArray) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "1.001193", "1.000656", "1.000894", "1.004873", "2.001035" };

  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (mc_declaration_find (expected[i]));
  g_assert_null (mc_declaration_find ("1.004222"));
  catalogue = load_catalogue (&error);
  g_assert_no_error (error);
  /* Each template serves procedures of the catalogue, and no procedure has two. */
  for (guint i = 0; i < catalogue->len; i++)
    {
      McProcedure *procedure = g_ptr_array_index (catalogue, i);
      guint serving = 0;

      for (guint j = 0; j < list->len; j++)
        serving += mc_declaration_serves (g_ptr_array_index (list, j), procedure->code);
      g_assert_cmpuint (serving, <=, 1);
    }
}

static void
test_invalid_templates (void)
{
  const char *cases[] = {
    "not json",
    "{\"format\":\"other\",\"id\":\"x\"}",
    /* a field kind that does not exist */
    "{\"format\":\"motcua-declaration-1\",\"id\":\"x\",\"procedures\":[\"1.001193\"],\"model\":\"\",\"title\":\"T\","
    "\"addressee\":\"\",\"commitment\":\"\",\"items\":[{\"fields\":[{\"key\":\"a\",\"label\":\"A\",\"kind\":\"photo\"}]}],"
    "\"signatures\":[{\"title\":\"N\",\"hint\":\"\",\"name\":\"\"}],\"notes\":[]}",
    /* shares that do not add up */
    "{\"format\":\"motcua-declaration-1\",\"id\":\"x\",\"procedures\":[\"1.001193\"],\"model\":\"\",\"title\":\"T\","
    "\"addressee\":\"\",\"commitment\":\"\",\"items\":[{\"fields\":[{\"key\":\"a\",\"label\":\"A\",\"kind\":\"text\","
    "\"share\":0.5},{\"key\":\"b\",\"label\":\"B\",\"kind\":\"text\",\"share\":0.2}]}],"
    "\"signatures\":[{\"title\":\"N\",\"hint\":\"\",\"name\":\"\"}],\"notes\":[]}",
    /* a placeholder that names nothing */
    "{\"format\":\"motcua-declaration-1\",\"id\":\"x\",\"procedures\":[\"1.001193\"],\"model\":\"\",\"title\":\"T\","
    "\"addressee\":\"Kính gửi: {nobody}\",\"commitment\":\"\",\"items\":[{\"fields\":[{\"key\":\"a\",\"label\":\"A\","
    "\"kind\":\"text\"}]}],\"signatures\":[{\"title\":\"N\",\"hint\":\"\",\"name\":\"\"}],\"notes\":[]}",
    /* the same key twice */
    "{\"format\":\"motcua-declaration-1\",\"id\":\"x\",\"procedures\":[\"1.001193\"],\"model\":\"\",\"title\":\"T\","
    "\"addressee\":\"\",\"commitment\":\"\",\"items\":[{\"fields\":[{\"key\":\"a\",\"label\":\"A\",\"kind\":\"text\"}]},"
    "{\"fields\":[{\"key\":\"a\",\"label\":\"A\",\"kind\":\"text\"}]}],"
    "\"signatures\":[{\"title\":\"N\",\"hint\":\"\",\"name\":\"\"}],\"notes\":[]}",
    /* a footnote whose marker the form does not print: (1) is there, (2) nowhere */
    "{\"format\":\"motcua-declaration-1\",\"id\":\"x\",\"procedures\":[\"1.001193\"],\"model\":\"\",\"title\":\"T\","
    "\"addressee\":\"Kính gửi (1): {office_name}\",\"commitment\":\"\",\"items\":[{\"fields\":[{\"key\":\"a\","
    "\"label\":\"A\",\"kind\":\"text\"}]}],\"signatures\":[{\"title\":\"N\",\"hint\":\"\",\"name\":\"\"}],"
    "\"notes\":[\"(1) Ghi rõ tên cơ quan.\",\"(2) Ghi theo giấy tờ tùy thân.\"]}",
  };
  const char *valid =
    "{\"format\":\"motcua-declaration-1\",\"id\":\"x\",\"procedures\":[\"1.001193\"],\"model\":\"\",\"title\":\"T\","
    "\"addressee\":\"Kính gửi: {office_name}\",\"commitment\":\"\",\"items\":[{\"fields\":[{\"key\":\"a\","
    "\"label\":\"A\",\"kind\":\"text\",\"share\":0.5},{\"key\":\"b\",\"label\":\"B\",\"kind\":\"date\"}]}],"
    "\"signatures\":[{\"title\":\"N\",\"hint\":\"\",\"name\":\"a\"}],\"notes\":[]}";
  /* Every footnote of the shipped forms has its marker; the identity paper's lines ask what footnote (3)
   * does: the kind of paper, its number, who issued it and when. */
  {
    GPtrArray *list = mc_declaration_list ();

    for (guint i = 0; i < list->len; i++)
      {
        McDeclaration *declaration = g_ptr_array_index (list, i);
        GPtrArray *fields = mc_declaration_get_fields (declaration);

        for (guint j = 0; j < fields->len; j++)
          {
            McDeclarationField *field = g_ptr_array_index (fields, j);
            const char *parts[] = { "_kind", "_issuer", "_date" };

            if (g_strcmp0 (field->source, "id_number") != 0 && !g_str_has_suffix (field->key, "_id"))
              continue;
            for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
              {
                g_autofree char *key = g_strconcat (field->key, parts[p], NULL);
                gboolean found = FALSE;

                for (guint k = 0; k < fields->len; k++)
                  {
                    McDeclarationField *other = g_ptr_array_index (fields, k);

                    found |= g_str_equal (other->key, key) &&
                             (p != 2 || other->kind == MC_DECLARATION_FIELD_DATE);
                  }
                if (!found)
                  g_test_fail_printf ("%s: the identity paper %s lacks %s", mc_declaration_get_id (declaration),
                                      field->key, key);
              }
          }
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McDeclaration) declaration = mc_declaration_new_from_data (cases[i], strlen (cases[i]), &error);

      g_assert_null (declaration);
      g_assert_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(McDeclaration) declaration = mc_declaration_new_from_data (valid, strlen (valid), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (mc_declaration_get_fields (declaration)->len, ==, 2);
    g_assert_cmpfloat_with_epsilon (((McDeclarationField *) g_ptr_array_index (
                                      mc_declaration_get_fields (declaration), 1))->share, 0.5, 1e-9);
  }
}

static void
test_date_in_words (void)
{
  struct { int d, m, y; const char *words; } cases[] = {
    { 15, 11, 2026, "Ngày mười lăm tháng mười một năm hai nghìn không trăm hai mươi sáu" },
    { 1, 1, 2000, "Ngày một tháng một năm hai nghìn" },
    { 24, 4, 2005, "Ngày hai mươi tư tháng tư năm hai nghìn không trăm linh năm" },
    { 21, 12, 1998, "Ngày hai mươi mốt tháng mười hai năm một nghìn chín trăm chín mươi tám" },
    { 10, 3, 2010, "Ngày mười tháng ba năm hai nghìn không trăm mười" },
    { 31, 8, 2021, "Ngày ba mươi mốt tháng tám năm hai nghìn không trăm hai mươi mốt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = mc_declaration_date_in_words (cases[i].d, cases[i].m, cases[i].y);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

/* A birth registration's declaration for a citizen who writes nothing: the intake data and the answers are
 * on the printed page, in Vietnamese, and so is what was left to fill by hand (dotted). */
static void
test_birth_declaration (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(McDossier) d = receive (store, "1.001193", "Nguyễn Văn An");
  g_autoptr(McDossier) recorded = NULL;
  g_autoptr(McDossier) again = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GHashTable) reread = NULL;
  g_autoptr(McDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  McDeclaration *declaration = mc_declaration_find (d->procedure_code);

  g_assert_nonnull (declaration);
  answers = mc_declaration_initial_answers (declaration, store, d, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (answers, "applicant_name"), ==, "Nguyễn Văn An");
  g_assert_cmpstr (g_hash_table_lookup (answers, "applicant_id"), ==, "001085012345");

  /* Missing required answers, a date that is none and a choice that is not offered are each refused, and
   * nothing is recorded. */
  recorded = mc_declaration_record (declaration, store, d, answers, &error);
  g_assert_null (recorded);
  g_assert_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_hash_table_replace (answers, g_strdup ("relationship"), g_strdup ("Cha"));
  g_hash_table_replace (answers, g_strdup ("child_name"), g_strdup ("Nguyễn Thị Bình"));
  g_hash_table_replace (answers, g_strdup ("child_birth_date"), g_strdup ("31/02/2026"));
  g_hash_table_replace (answers, g_strdup ("child_sex"), g_strdup ("Nữ"));
  g_hash_table_replace (answers, g_strdup ("child_ethnicity"), g_strdup ("Kinh"));
  g_hash_table_replace (answers, g_strdup ("child_nationality"), g_strdup ("Việt Nam"));
  g_hash_table_replace (answers, g_strdup ("child_birthplace"), g_strdup ("Trạm Y tế xã Tân Lập"));
  recorded = mc_declaration_record (declaration, store, d, answers, &error);
  g_assert_null (recorded);
  g_assert_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_BAD_ANSWER);
  g_clear_error (&error);
  g_hash_table_replace (answers, g_strdup ("child_birth_date"), g_strdup ("5/11/2026"));
  g_hash_table_replace (answers, g_strdup ("child_sex"), g_strdup ("Không rõ"));
  recorded = mc_declaration_record (declaration, store, d, answers, &error);
  g_assert_null (recorded);
  g_assert_error (error, MC_DECLARATION_ERROR, MC_DECLARATION_ERROR_BAD_ANSWER);
  g_clear_error (&error);
  g_assert_cmpuint (mc_store_get_events (store, d->uuid, NULL)->len, ==, d->n_events);
  g_hash_table_replace (answers, g_strdup ("child_sex"), g_strdup ("Nữ"));
  g_hash_table_replace (answers, g_strdup ("mother_name"), g_strdup ("Trần Thị Cúc"));

  recorded = mc_declaration_record (declaration, store, d, answers, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recorded);
  g_assert_cmpuint (recorded->n_events, ==, d->n_events + 1);

  document = mc_declaration_render (declaration, store, recorded, answers, &error);
  g_assert_no_error (error);
  raw = pdf_text (document, fx->dir);
  text = squeeze (raw);
  g_assert_nonnull (strstr (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (text, "TỜ KHAI ĐĂNG KÝ KHAI SINH"));
  /* Footnote (1) asks for the registering body: its marker where the model puts it. */
  g_assert_nonnull (strstr (text, "Kính gửi (1): UBND xã Tân Lập"));
  g_assert_nonnull (strstr (text, "Họ, chữ đệm, tên người yêu cầu: Nguyễn Văn An"));
  /* Footnote (3): the kind of identity paper, its number, who issued it and when. */
  g_assert_nonnull (strstr (text, "Giấy tờ tùy thân (3):"));
  g_assert_nonnull (strstr (text, "số: 001085012345"));
  g_assert_nonnull (strstr (text, "Nơi cấp:"));
  g_assert_nonnull (strstr (text, "ngày cấp:"));
  g_assert_nonnull (strstr (text, "Họ, chữ đệm, tên: Nguyễn Thị Bình"));
  /* The date as typed, normalised, and in words. */
  g_assert_nonnull (strstr (text, "05/11/2026"));
  g_assert_nonnull (strstr (text, "ghi bằng chữ: Ngày năm tháng mười một năm"));
  g_assert_nonnull (strstr (text, "Giới tính: Nữ"));
  g_assert_nonnull (strstr (text, "Trần Thị Cúc"));
  /* Unanswered: the dotted line to fill by hand. */
  g_assert_nonnull (strstr (text, "Quê quán: ....."));
  g_assert_nonnull (strstr (text, "Tân Lập, ngày 23 tháng 11 năm 2026"));
  g_assert_nonnull (strstr (text, "Người yêu cầu"));
  g_assert_nonnull (strstr (text, "Tôi cam đoan"));

  /* A reprint starts from what was recorded. */
  reread = mc_declaration_initial_answers (declaration, store, recorded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (reread, "child_name"), ==, "Nguyễn Thị Bình");
  g_assert_cmpstr (g_hash_table_lookup (reread, "child_birth_date"), ==, "05/11/2026");
  again = mc_store_get_dossier (store, d->code, &error);
  g_assert_no_error (error);
}

/* Every shipped template renders, empty and with its intake data, and prints its own title. */
static void
test_every_template_renders (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "a.db", 1);
  GPtrArray *list = mc_declaration_list ();

  for (guint i = 0; i < list->len; i++)
    {
      McDeclaration *declaration = g_ptr_array_index (list, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) catalogue = load_catalogue (&error);
      g_autoptr(McDossier) d = NULL;
      g_autoptr(GHashTable) answers = NULL;
      g_autoptr(McDocument) document = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      const char *code = NULL;

      if (catalogue == NULL)
        g_error ("the shipped catalogue does not load: %s", error->message);
      for (guint j = 0; j < catalogue->len && code == NULL; j++)
        {
          const McProcedure *procedure = g_ptr_array_index (catalogue, j);

          if (mc_declaration_serves (declaration, procedure->code))
            code = procedure->code;
        }
      g_assert_nonnull (code);
      d = receive (store, code, "Phạm Thị Hoa");
      answers = mc_declaration_initial_answers (declaration, store, d, &error);
      g_assert_no_error (error);
      document = mc_declaration_render (declaration, store, d, answers, &error);
      g_assert_no_error (error);
      g_assert_cmpint (mc_document_get_n_pages (document), <=, 2);
      raw = pdf_text (document, fx->dir);
      text = squeeze (raw);
      g_test_message ("%s: %d page(s)", mc_declaration_get_id (declaration), mc_document_get_n_pages (document));
      g_assert_nonnull (strstr (text, mc_declaration_get_title (declaration)));
    }
}

/* A page from the scanner and a PDF from a file, stored beside the database, carried by a bundle exported with
 * its documents, and identical on the other workstation; a bundle without documents stays format 1. */
static void
test_scan_and_sync (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(McStore) a = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(McStore) b = test_open_station (fx->dir, "b.db", 2);
  g_autoptr(McDossier) d = receive (a, "2.000815", "Nguyễn Văn An");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) scan = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(GPtrArray) on_b = NULL;
  g_autoptr(McDossier) after = NULL;
  g_autofree char *sane_dir = g_build_filename (fx->dir, "sane", NULL);
  g_autofree char *dll = g_build_filename (sane_dir, "dll.conf", NULL);
  g_autofree char *plain = g_build_filename (fx->dir, "plain.motcua", NULL);
  g_autofree char *full = g_build_filename (fx->dir, "full.motcua", NULL);
  g_autofree char *head = NULL;
  static const char pdf_bytes[] = "%PDF-1.4\n% bản chính giấy khai sinh\n%%EOF\n";
  guint n = 0, n_documents = 0;
  gsize len = 0;

  g_assert_cmpint (g_mkdir_with_parents (sane_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dll, "test\n", -1, NULL));
  g_setenv ("SANE_CONFIG_DIR", sane_dir, TRUE);

  scan = mc_scanner_scan_png ("test:0", 75, FALSE, NULL, &error);
  g_assert_no_error (error);
  after = mc_store_attach (a, d->code, "Giấy khai sinh (bản chính)", "scan.png", "scanner", scan, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, mc_dossier_unref);
  pdf = g_bytes_new_static (pdf_bytes, sizeof pdf_bytes - 1);
  after = mc_store_attach (a, d->code, "Căn cước", "can-cuoc.pdf", "file", pdf, NULL, &error);
  g_assert_no_error (error);
  /* The same bytes again: one file, two events. */
  g_clear_pointer (&after, mc_dossier_unref);
  after = mc_store_attach (a, d->code, "Căn cước", "can-cuoc-2.pdf", "file", pdf, NULL, &error);
  g_assert_no_error (error);
  on_a = mc_store_list_attachments (a, d->code, &error);
  g_assert_cmpuint (on_a->len, ==, 3);
  g_assert_cmpstr (((McAttachment *) g_ptr_array_index (on_a, 1))->hash, ==,
                   ((McAttachment *) g_ptr_array_index (on_a, 2))->hash);

  /* Without documents: format 1, and the other workstation knows the documents exist but has none. */
  g_assert_true (mc_bundle_export (a, plain, MC_BUNDLE_EXPORT_FULL, NULL, NULL, &n, &n_documents, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_documents, ==, 0);
  g_assert_true (g_file_get_contents (plain, &head, &len, NULL));
  g_assert_cmpint (head[9], ==, 1);
  g_clear_pointer (&head, g_free);
  g_assert_true (mc_bundle_import (b, plain, NULL, &error));
  g_assert_no_error (error);
  on_b = mc_store_list_attachments (b, d->code, &error);
  g_assert_cmpuint (on_b->len, ==, 3);
  g_assert_false (((McAttachment *) g_ptr_array_index (on_b, 0))->present);
  g_assert_null (mc_attachment_load (b, ((McAttachment *) g_ptr_array_index (on_b, 0))->hash, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_IO);
  g_clear_error (&error);
  g_clear_pointer (&on_b, g_ptr_array_unref);

  /* With documents: format 2, the two distinct documents, byte for byte. */
  g_assert_true (mc_bundle_export (a, full, MC_BUNDLE_EXPORT_FULL | MC_BUNDLE_EXPORT_DOCUMENTS, NULL, NULL, &n,
                                   &n_documents, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_documents, ==, 2);
  g_assert_true (g_file_get_contents (full, &head, &len, NULL));
  g_assert_cmpint (head[9], ==, 2);
  g_assert_true (mc_bundle_import (b, full, NULL, &error));
  g_assert_no_error (error);
  on_b = mc_store_list_attachments (b, d->code, &error);
  for (guint i = 0; i < on_b->len; i++)
    {
      McAttachment *x = g_ptr_array_index (on_b, i);
      g_autoptr(GBytes) bytes = mc_attachment_load (b, x->hash, &error);

      g_assert_no_error (error);
      g_assert_true (x->present);
      g_assert_true (g_bytes_equal (bytes, i == 0 ? scan : pdf));
    }
  g_assert_cmpstr (((McAttachment *) g_ptr_array_index (on_b, 0))->source, ==, "scanner");
  g_assert_cmpstr (((McAttachment *) g_ptr_array_index (on_b, 0))->component, ==, "Giấy khai sinh (bản chính)");

  /* A stored copy damaged on the disk is refused, not shown. */
  {
    g_autofree char *path = mc_attachment_path (b, ((McAttachment *) g_ptr_array_index (on_b, 1))->hash);

    g_assert_true (g_file_set_contents (path, "%PDF-1.4\n% altered\n", -1, NULL));
    g_assert_null (mc_attachment_load (b, ((McAttachment *) g_ptr_array_index (on_b, 1))->hash, &error));
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
  }

  /* What is not a PDF or an image, or is empty, is refused and nothing is recorded. */
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(McDossier) refused = mc_store_attach (a, d->code, "Khác", "a.txt", "file", text, NULL, &error);

    g_assert_null (refused);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    refused = mc_store_attach (a, d->code, "Khác", "a.pdf", "file", empty, NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    refused = mc_store_attach (a, d->code, "  ", "a.pdf", "file", pdf, NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_clear_pointer (&on_a, g_ptr_array_unref);
    on_a = mc_store_list_attachments (a, d->code, &error);
    g_assert_cmpuint (on_a->len, ==, 3);
  }
}

static McDossier *
record_step (McStore     *store,
             const char  *code,
             const char  *kind,
             const char  *member,
             const char  *value,
             GError     **error)
{
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_node_take_object (payload, object);
  if (member != NULL)
    json_object_set_string_member (object, member, value);
  return mc_store_record (store, code, kind, payload, NULL, error);
}

/* Results by post: the hand-over list holds those ready to send, with address and telephone; handing one over
 * records its tracking number and takes it off the list. */
static void
test_post (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(McDocument) document = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *codes[3] = { NULL, NULL, NULL };
  const char *names[3] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường" };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(McDossier) d = NULL;
      g_autoptr(McDossier) ready = NULL;
      McIntake in = { 0 };

      in.procedure_code = "1.004873";
      in.applicant_name = names[i];
      in.phone = "0912345678";
      in.address = i == 0 ? "Số 5, thôn Đông, xã Tân Lập" : "Xóm Chợ, xã Tân Lập";
      in.result_delivery = i < 2 ? "post" : "desk";
      in.received = MC_MINUTE_NONE;
      d = mc_store_intake (store, &in, NULL, &error);
      g_assert_no_error (error);
      codes[i] = g_strdup (d->code);
      ready = record_step (store, d->code, MC_EVENT_RESULT_READY, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  list = mc_post_list_dossiers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  document = mc_post_list_render (store, &error);
  g_assert_no_error (error);
  raw = pdf_text (document, fx->dir);
  text = squeeze (raw);
  g_assert_nonnull (strstr (text, "DANH SÁCH BÀN GIAO KẾT QUẢ"));
  g_assert_nonnull (strstr (text, "Nguyễn Văn An"));
  g_assert_nonnull (strstr (text, "Số 5, thôn Đông"));
  g_assert_nonnull (strstr (text, "0912 345 678"));
  g_assert_nonnull (strstr (text, "Trần Thị Bình"));
  g_assert_null (strstr (text, "Lê Văn Cường"));
  g_assert_nonnull (strstr (text, "Tổng số: 2"));
  g_assert_nonnull (strstr (text, "NHÂN VIÊN BƯU CHÍNH"));

  /* A tracking number that is none, or for a result collected at the desk, is refused. */
  {
    g_autoptr(McDossier) refused = record_step (store, codes[0], MC_EVENT_RETURNED, "tracking_number", "x!", &error);

    g_assert_null (refused);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    refused = record_step (store, codes[2], MC_EVENT_RETURNED, "tracking_number", "EE123456789VN", &error);
    g_assert_null (refused);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_ACTION);
    g_clear_error (&error);
  }
  {
    g_autoptr(McDossier) sent = record_step (store, codes[0], MC_EVENT_RETURNED, "tracking_number", "ee123456789vn",
                                             &error);
    g_autoptr(GPtrArray) events = NULL;
    g_autoptr(GPtrArray) left = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (sent->status, ==, MC_STATUS_RETURNED);
    events = mc_store_get_events (store, codes[0], &error);
    g_assert_cmpstr (mc_event_get_string (g_ptr_array_index (events, events->len - 1), "tracking_number"), ==,
                     "EE123456789VN");
    left = mc_post_list_dossiers (store, &error);
    g_assert_cmpuint (left->len, ==, 1);
    g_assert_cmpstr (((McDossier *) g_ptr_array_index (left, 0))->code, ==, codes[1]);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/declaration/shipped-templates", test_shipped_templates);
  g_test_add_func ("/declaration/invalid-templates", test_invalid_templates);
  g_test_add_func ("/declaration/date-in-words", test_date_in_words);
  g_test_add ("/declaration/birth", Fixture, NOW, test_folder_set_up,
             test_birth_declaration, test_folder_tear_down);
  g_test_add ("/declaration/every-template", Fixture, NOW, test_folder_set_up,
             test_every_template_renders, test_folder_tear_down);
  g_test_add ("/post/hand-over", Fixture, NOW, test_folder_set_up,
             test_post, test_folder_tear_down);
  g_test_add ("/digitise/scan-and-sync", Fixture, NOW, test_folder_set_up,
             test_scan_and_sync, test_folder_tear_down);
  return g_test_run ();
}
