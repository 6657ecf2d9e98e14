/* mc-forms.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The forms of Thông tư 03/2025/TT-VPCP Phụ lục I for a dossier, and the receipt of one served on the spot.
 *
 * About 900 lines, on purpose: the six forms and the receipt are one responsibility and share their header,
 * their numbering, their field lines and their wording (the unit in a sentence, the applicant's contacts, the
 * proxy); a file per form would only spread those helpers behind a private header. */

#define G_LOG_DOMAIN "mc-forms"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-audit.h"
#include "mc-document-private.h"
#include "mc-event.h"
#include "mc-fee.h"
#include "mc-form-issuer.h"
#include "mc-control-rows.h"
#include "mc-forms.h"
#include "mc-identity.h"
#include "mc-time.h"

/* Printed legal forms are in Vietnamese whatever the UI language: no string here is translated. */

#define BODY 13.0
#define NOTE 11.0
#define PARAGRAPH_INDENT (10.0 * MC_MM)
#define EMPTY "……………………"

G_DEFINE_QUARK (mc-form-error-quark, mc_form_error)

typedef struct
{
  McFormKind  kind;
  const char *name;
  const char *title;
  const char *symbol;
  int         number_2025;
  int         number_2018;   /* 0: no such form in the 2018 set */
} FormInfo;

static const FormInfo forms[] = {
  { MC_FORM_SLIP, "slip", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "GTN", 1, 1 },
  { MC_FORM_SUPPLEMENT, "supplement", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "PBS", 2, 2 },
  { MC_FORM_REFUSAL, "refusal", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "PTC", 3, 3 },
  { MC_FORM_APOLOGY, "apology", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "PXL", 4, 4 },
  { MC_FORM_STOP_NOTICE, "stop", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "TBD", 5, 0 },
  { MC_FORM_CONTROL_SHEET, "control", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "PKS", 6, 5 },
};

static const FormInfo *
info_for (McFormKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (forms[i].kind == kind)
      return &forms[i];
  g_return_val_if_reached (&forms[0]);
}

const char *
mc_form_kind_to_string (McFormKind kind)
{
  return info_for (kind)->name;
}

gboolean
mc_form_kind_from_string (const char *text,
                          McFormKind *out)
{
  for (guint i = 0; text && i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (forms[i].name, text))
      {
        *out = forms[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_form_kind_title (McFormKind kind)
{
  return info_for (kind)->title;
}

/* "Mẫu số 01", or NULL when the office's numbering has no such form. */
char *
mc_form_label (McFormKind  kind,
               const char *numbering)
{
  const FormInfo *info = info_for (kind);
  int number = g_strcmp0 (numbering, "2018") == 0 ? info->number_2018 : info->number_2025;

  return number > 0 ? g_strdup_printf ("Mẫu số %02d", number) : NULL;
}

/* The QR holds the dossier code and the look-up PIN, or the office's look-up address filled with them; never
 * personal data. */
char *
mc_form_qr_payload (McDossier      *dossier,
                    const McOffice *office)
{
  if (office->lookup_url != NULL && *office->lookup_url != '\0')
    {
      g_autoptr(GString) url = g_string_new (office->lookup_url);

      g_string_replace (url, "{code}", dossier->code, 0);
      g_string_replace (url, "{pin}", dossier->lookup_pin ? dossier->lookup_pin : "", 0);
      return g_string_free (g_steal_pointer (&url), FALSE);
    }
  return g_strdup_printf ("%s|%s", dossier->code, dossier->lookup_pin ? dossier->lookup_pin : "");
}

/* "Tân Lập, ngày 05 tháng 02 năm 2026": Nghị định 30/2020 pads days below 10 and the months 1 and 2. */
char *
mc_form_place_date (const char *place,
                    McMinute    when)
{
  int y, m, d;

  mc_jdn_to_ymd (mc_minute_jdn (when), &y, &m, &d);
  if (m < 3)
    return g_strdup_printf ("%s, ngày %02d tháng %02d năm %d", place && *place ? place : "……", d, m, y);
  return g_strdup_printf ("%s, ngày %02d tháng %d năm %d", place && *place ? place : "……", d, m, y);
}

static char *
esc (const char *text)
{
  return g_markup_escape_text (text && *text ? text : EMPTY, -1);
}

static McFormIssuer *
issuer_for (McFormKind      kind,
            const McOffice *office)
{
  return mc_form_issuer_new (office, info_for (kind)->name);
}

static char *
duration_text (McDossier *d)
{
  switch (d->unit)
    {
    case MC_UNIT_SAME_DAY:
      return g_strdup ("trong ngày (tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)");
    case MC_UNIT_WORKING_HOURS:
      return g_strdup_printf ("%02d giờ làm việc", d->duration);
    case MC_UNIT_WORKING_DAYS:
    default:
      return g_strdup_printf ("%02d ngày làm việc", d->duration);
    }
}

/* "Label: value", the value wrapping under itself. */
static void
add_field (McDocument *doc,
           const char *label,
           const char *value,
           double      space_before)
{
  g_autofree char *value_esc = esc (value);
  g_autofree char *markup = g_strdup_printf ("%s: %s", label, value_esc);

  mc_document_add_text (doc, markup, BODY, MC_ALIGN_LEFT, 0, space_before);
}

static void
add_paragraph (McDocument *doc,
               const char *markup)
{
  mc_document_add_text (doc, markup, BODY, MC_ALIGN_JUSTIFY, PARAGRAPH_INDENT, 6);
}

static void
add_title (McDocument *doc,
           const char *title,
           const char *subtitle_markup)
{
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>", title);

  mc_document_add_text (doc, markup, 14, MC_ALIGN_CENTER, 0, 12);
  if (subtitle_markup != NULL)
    mc_document_add_text (doc, subtitle_markup, BODY, MC_ALIGN_CENTER, 0, 2);
}

static void
add_form_header (McDocument         *doc,
                 McFormKind          kind,
                 const McOffice     *office,
                 const McFormIssuer *issuer,
                 int                 number,
                 McMinute            when)
{
  g_autofree char *label = mc_form_label (kind, office->form_numbering);
  g_autofree char *numbers = mc_form_issuer_number_line (issuer, info_for (kind)->symbol, number);
  g_autofree char *date = mc_form_place_date (office->place, when);

  mc_form_issuer_add_header (issuer, doc, numbers, date, label);
}

/* The person who files and signs under NGƯỜI NỘP HỒ SƠ: the proxy when there is one. */
static const char *
filer_name (McDossier *d)
{
  if (d->proxy != NULL && JSON_NODE_HOLDS_OBJECT (d->proxy))
    {
      const char *name = json_object_get_string_member_with_default (json_node_get_object (d->proxy), "name", NULL);

      if (name != NULL && *name != '\0')
        return name;
    }
  return d->applicant_name;
}

/* "Ông", "Bà" from the recorded gender; "Ông/Bà" when it is unknown. */
static const char *
honorific (McDossier *d)
{
  return g_strcmp0 (d->gender, "male") == 0 ? "Ông" : g_strcmp0 (d->gender, "female") == 0 ? "Bà" : "Ông/Bà";
}

static void
add_applicant_contacts (McDocument *doc,
                        McDossier  *d)
{
  g_autofree char *phone = d->phone ? mc_phone_format (d->phone) : NULL;
  g_autofree char *phone_esc = esc (phone);
  g_autofree char *email_esc = esc (d->email);
  g_autofree char *markup = g_strdup_printf ("Số điện thoại: %s          Email: %s", phone_esc, email_esc);

  add_field (doc, "Địa chỉ", d->address, 1.5);
  mc_document_add_text (doc, markup, BODY, MC_ALIGN_LEFT, 0, 1.5);
}

static char *
proxy_text (McDossier *d)
{
  JsonObject *p;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *value;

  if (d->proxy == NULL || !JSON_NODE_HOLDS_OBJECT (d->proxy))
    return NULL;
  p = json_node_get_object (d->proxy);
  g_string_append (text, json_object_get_string_member_with_default (p, "name", ""));
  if ((value = json_object_get_string_member_with_default (p, "id_number", NULL)) != NULL)
    g_string_append_printf (text, "; số định danh cá nhân: %s", value);
  if ((value = json_object_get_string_member_with_default (p, "phone", NULL)) != NULL)
    {
      g_autofree char *phone = mc_phone_format (value);
      g_string_append_printf (text, "; số điện thoại: %s", phone);
    }
  if ((value = json_object_get_string_member_with_default (p, "address", NULL)) != NULL)
    g_string_append_printf (text, "; địa chỉ: %s", value);
  if ((value = json_object_get_string_member_with_default (p, "email", NULL)) != NULL)
    g_string_append_printf (text, "; email: %s", value);
  if ((value = json_object_get_string_member_with_default (p, "authorisation", NULL)) != NULL)
    g_string_append_printf (text, "; giấy tờ ủy quyền: %s", value);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The slip's fee line: the amount due computed at intake and whether it was paid; the catalogue's text for a
 * dossier received before amounts were computed. */
static char *
fee_line (McDossier *d)
{
  g_autofree char *due = NULL;
  g_autofree char *paid = NULL;
  gint64 net = d->fee_paid - d->fee_refunded;

  if (d->fee_due < 0 && net <= 0)
    return g_strdup (d->fee);
  if (d->fee_exemption != NULL && net <= 0)
    return g_strdup_printf ("Miễn (%s)", d->fee_exemption);
  if (d->fee_due <= 0 && net <= 0)
    return g_strdup ("Không thu");
  due = mc_fee_format_amount (MAX (d->fee_due, 0));
  paid = mc_fee_format_amount (net);
  if (d->fee_due > 0 && net >= d->fee_due)
    return g_strdup_printf ("%s đồng (đã nộp)", due);
  if (net > 0 && d->fee_due > 0)
    return g_strdup_printf ("%s đồng (đã nộp %s đồng)", due, paid);
  if (net > 0)
    return g_strdup_printf ("Đã nộp %s đồng", paid);
  return g_strdup_printf ("%s đồng (chưa nộp)", due);
}

/* What the stop notice says of the fees: what was paid and what was given back already. */
static char *
stop_fee_sentence (McDossier *d)
{
  g_autofree char *paid = mc_fee_format_amount (d->fee_paid);
  g_autofree char *refunded = mc_fee_format_amount (d->fee_refunded);

  if (d->fee_paid <= 0)
    return g_strdup ("Ông/Bà chưa nộp phí, lệ phí cho hồ sơ này.");
  if (d->fee_refunded > 0)
    return g_strdup_printf ("Phí, lệ phí Ông/Bà đã nộp: %s đồng; đã hoàn trả: %s đồng.", paid, refunded);
  return g_strdup_printf ("Phí, lệ phí Ông/Bà đã nộp: %s đồng.", paid);
}

static void
render_slip_copy (McDocument     *doc,
                  McDossier      *d,
                  const McOffice *office,
                  const char     *copy_label,
                  GError        **error)
{
  g_autofree char *fee = NULL;
  g_autoptr(McFormIssuer) issuer = issuer_for (MC_FORM_SLIP, office);
  const char *unit = issuer->in_sentence;
  g_autofree char *code_esc = esc (d->code);
  g_autofree char *copy = g_strdup_printf ("<i>(%s)</i>", copy_label);
  g_autofree char *code_line = g_strdup_printf ("Mã hồ sơ: <b>%s</b>", code_esc);
  g_autofree char *procedure = g_strdup_printf ("%s (mã thủ tục %s)", d->procedure_name ? d->procedure_name : "",
                                                d->procedure_code);
  g_autofree char *duration = duration_text (d);
  g_autofree char *received = mc_time_format_vietnamese (d->received);
  g_autofree char *due = mc_time_format_vietnamese (d->due);
  g_autofree char *proxy = proxy_text (d);
  g_autofree char *sets = g_strdup_printf ("%02d (bộ)", d->sets > 0 ? d->sets : 1);
  g_autofree char *delivery = NULL;
  g_autofree char *book = NULL;
  g_autofree char *book_esc = NULL;
  g_autofree char *qr = mc_form_qr_payload (d, office);
  g_autofree char *pin_esc = esc (d->lookup_pin);
  g_autofree char *qr_caption = NULL;

  add_form_header (doc, MC_FORM_SLIP, office, issuer, d->slip_number, d->received);
  add_title (doc, mc_form_kind_title (MC_FORM_SLIP), NULL);
  mc_document_add_text (doc, code_line, BODY, MC_ALIGN_CENTER, 0, 2);
  mc_document_add_text (doc, copy, BODY, MC_ALIGN_CENTER, 0, 2);

  {
    g_autofree char *unit_esc = g_markup_escape_text (unit, -1);
    mc_document_add_text (doc, unit_esc, BODY, MC_ALIGN_LEFT, 0, 10);
  }
  add_field (doc, "Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức", d->applicant_name, 1.5);
  add_field (doc, "Số định danh cá nhân/tổ chức", d->applicant_id, 1.5);
  add_applicant_contacts (doc, d);
  if (proxy != NULL)
    add_field (doc, "Người được ủy quyền nộp hồ sơ", proxy, 1.5);
  add_field (doc, "Nội dung yêu cầu giải quyết", procedure, 1.5);

  mc_document_add_text (doc, "1. Thành phần hồ sơ nộp gồm:", BODY, MC_ALIGN_LEFT, 0, 1.5);
  if (d->documents != NULL && JSON_NODE_HOLDS_ARRAY (d->documents) &&
      json_array_get_length (json_node_get_array (d->documents)) > 0)
    {
      JsonArray *docs = json_node_get_array (d->documents);

      for (guint i = 0; i < json_array_get_length (docs); i++)
        {
          JsonObject *doc_object = json_array_get_object_element (docs, i);
          g_autofree char *name = esc (json_object_get_string_member_with_default (doc_object, "name", ""));
          int originals = (int) json_object_get_int_member_with_default (doc_object, "original", 0);
          int copies = (int) json_object_get_int_member_with_default (doc_object, "copy", 0);
          g_autofree char *counts = NULL;
          g_autofree char *line = NULL;

          if (originals > 0 && copies > 0)
            counts = g_strdup_printf ("%02d bản chính, %02d bản sao", originals, copies);
          else if (copies > 0)
            counts = g_strdup_printf ("%02d bản sao", copies);
          else
            counts = g_strdup_printf ("%02d bản chính", MAX (originals, 1));
          line = g_strdup_printf ("%u) %s: %s.", i + 1, name, counts);

          mc_document_add_text (doc, line, BODY, MC_ALIGN_LEFT, 0, 1);
        }
    }
  else
    mc_document_add_text (doc, EMPTY, BODY, MC_ALIGN_LEFT, 0, 1);
  add_field (doc, "2. Số lượng hồ sơ", sets, 1.5);
  add_field (doc, "3. Thời gian giải quyết hồ sơ theo quy định là", duration, 1.5);
  add_field (doc, "4. Thời gian nhận hồ sơ", received, 1.5);
  add_field (doc, "5. Thời gian trả kết quả giải quyết hồ sơ", due, 1.5);
  if (g_strcmp0 (d->result_delivery, "post") == 0)
    delivery = g_strdup_printf ("nhận qua dịch vụ bưu chính công ích tại địa chỉ: %s",
                                d->address ? d->address : EMPTY);
  else
    delivery = g_strdup (unit);
  add_field (doc, "6. Đăng ký nhận kết quả tại", delivery, 1.5);
  fee = fee_line (d);
  add_field (doc, "7. Phí, lệ phí (nếu có)", fee, 1.5);

  /* The dossier's row in the register book, as the printed book shows it (mc-register.c). A dossier that came
   * without a number (history from elsewhere) leaves the blank for the clerk's pen rather than print 00. */
  book_esc = g_markup_escape_text (d->book ? d->book : "……", -1);
  book = g_strdup_printf ("Vào Sổ theo dõi hồ sơ, Quyển số: %s          Số thứ tự: %s", book_esc,
                          d->book_entry ? d->book_entry : "……");
  mc_document_add_text (doc, book, BODY, MC_ALIGN_LEFT, 0, 1.5);

  qr_caption = g_strdup_printf ("Mã hồ sơ: <b>%s</b>\nMã tra cứu: <b>%s</b>\n"
                                "Quét mã QR hoặc cung cấp mã hồ sơ và mã tra cứu để tra cứu tình trạng "
                                "giải quyết hồ sơ.\nKhi đến nhận kết quả, đề nghị mang theo Giấy tiếp nhận này.",
                                code_esc, pin_esc);
  if (!mc_document_add_qr (doc, qr, qr_caption, 6, error))
    return;

  mc_document_add_signatures (doc, "NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", filer_name (d),
                              "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", d->received_by, 6);

  mc_document_add_text (doc,
                        "<i><b>Ghi chú:</b>\n"
                        "- Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; 01 liên chuyển kèm "
                        "theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại nơi tiếp nhận; 01 liên "
                        "giao cho người nộp hồ sơ.\n"
                        "- Người nộp hồ sơ có thể đăng ký nhận kết quả tại nơi tiếp nhận hoặc tại nhà (qua dịch "
                        "vụ bưu chính công ích).</i>",
                        10.5, MC_ALIGN_JUSTIFY, 0, 6);
}

static McDocument *
render_slip (McDossier       *d,
             const McOffice  *office,
             GError         **error)
{
  g_autoptr(McDocument) doc = mc_document_new (FALSE);
  GError *local_error = NULL;

  /* Two copies: one kept with the control sheet, one handed to the citizen. */
  render_slip_copy (doc, d, office, "Liên 1: Lưu tại nơi tiếp nhận", &local_error);
  if (local_error == NULL)
    {
      mc_document_add_page_break (doc);
      render_slip_copy (doc, d, office, "Liên 2: Giao người nộp hồ sơ", &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

static McDocument *
render_supplement (McDossier       *d,
                   const McOffice  *office,
                   GError         **error)
{
  g_autoptr(McDocument) doc = mc_document_new (FALSE);
  g_auto(GStrv) items = NULL;
  g_autoptr(McFormIssuer) issuer = issuer_for (MC_FORM_SUPPLEMENT, office);
  g_autofree char *contact = NULL;
  g_autofree char *clerk_esc = NULL;
  g_autofree char *unit_esc = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *phone_esc = NULL;
  const char *reason;
  guint n = 0;

  if (d->supplement_at == MC_MINUTE_NONE)
    {
      g_set_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE,
                   _("Dossier %s has no supplement request: record one first"), d->code);
      return NULL;
    }
  add_form_header (doc, MC_FORM_SUPPLEMENT, office, issuer, d->supplement_number, d->supplement_at);
  add_title (doc, mc_form_kind_title (MC_FORM_SUPPLEMENT), NULL);
  add_field (doc, "Hồ sơ của", d->applicant_name, 12);
  add_field (doc, "Mã hồ sơ", d->code, 3);
  add_field (doc, "Nội dung yêu cầu giải quyết", d->procedure_name, 3);
  add_applicant_contacts (doc, d);
  mc_document_add_text (doc, "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", BODY, MC_ALIGN_LEFT, 0, 6);
  /* Everything missing is listed at once (one request per dossier). A request recorded before items existed
   * lists the lines of its reason. */
  items = d->supplement_items ? g_strdupv (d->supplement_items)
                              : g_strsplit (d->supplement_reason ? d->supplement_reason : "", "\n", -1);
  reason = d->supplement_items && d->supplement_reason && *d->supplement_reason
           ? d->supplement_reason : "hồ sơ chưa đầy đủ, hợp lệ theo quy định của thủ tục hành chính";
  for (guint i = 0; items[i]; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      g_autofree char *item_esc = NULL;
      g_autofree char *line = NULL;

      if (*item == '\0')
        continue;
      item_esc = g_markup_escape_text (item, -1);
      line = g_strdup_printf ("%u. %s", ++n, item_esc);
      mc_document_add_text (doc, line, BODY, MC_ALIGN_LEFT, 0, 2);
    }
  if (n == 0)
    mc_document_add_text (doc, "1. " EMPTY, BODY, MC_ALIGN_LEFT, 0, 2);
  add_field (doc, "Lý do", reason, 6);
  clerk_esc = esc (d->received_by);
  unit_esc = g_markup_escape_text (issuer->in_sentence, -1);
  phone = office->phone ? mc_phone_format (office->phone) : NULL;
  phone_esc = esc (phone ? phone : office->phone);
  contact = g_strdup_printf ("Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, %s liên hệ với %s tại %s, "
                             "số điện thoại %s để được hướng dẫn./.", honorific (d), clerk_esc, unit_esc, phone_esc);
  add_paragraph (doc, contact);
  mc_document_add_signatures (doc, NULL, NULL, NULL, "NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)",
                              d->received_by, 18);
  return g_steal_pointer (&doc);
}

static McDocument *
render_refusal (McDossier       *d,
                const McOffice  *office,
                GError         **error)
{
  g_autoptr(McDocument) doc = mc_document_new (FALSE);
  g_autoptr(McFormIssuer) issuer = issuer_for (MC_FORM_REFUSAL, office);
  g_autofree char *unit_esc = g_markup_escape_text (issuer->in_sentence, -1);
  g_autofree char *reason_esc = NULL;
  g_autofree char *paragraph = NULL;
  g_autofree char *closing = NULL;

  if (d->refused_at == MC_MINUTE_NONE)
    {
      g_set_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE,
                   _("Dossier %s was not refused: record the refusal first"), d->code);
      return NULL;
    }
  add_form_header (doc, MC_FORM_REFUSAL, office, issuer, d->refusal_number, d->refused_at);
  add_title (doc, mc_form_kind_title (MC_FORM_REFUSAL), NULL);
  mc_document_add_text (doc, unit_esc, BODY, MC_ALIGN_LEFT, 0, 12);
  add_field (doc, "Tiếp nhận hồ sơ của", d->applicant_name, 3);
  add_field (doc, "Số định danh cá nhân/tổ chức", d->applicant_id, 3);
  add_applicant_contacts (doc, d);
  add_field (doc, "Mã hồ sơ (nếu có)", d->code, 3);
  add_field (doc, "Nội dung yêu cầu giải quyết", d->procedure_name, 3);
  reason_esc = esc (d->refusal_reason);
  paragraph = g_strdup_printf ("Qua xem xét, %s thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể "
                               "như sau: %s", unit_esc, reason_esc);
  add_paragraph (doc, paragraph);
  closing = g_strdup_printf ("Xin thông báo cho %s được biết và thực hiện./.", honorific (d));
  add_paragraph (doc, closing);
  mc_document_add_signatures (doc, "NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", filer_name (d),
                              "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", d->received_by, 18);
  return g_steal_pointer (&doc);
}

static void
add_recipient (McDocument *doc,
               McDossier  *d)
{
  g_autofree char *name_esc = esc (d->applicant_name);
  g_autofree char *markup = g_strdup_printf ("Kính gửi: %s %s", honorific (d), name_esc);
  g_autofree char *phone = d->phone ? mc_phone_format (d->phone) : NULL;
  g_autofree char *address_esc = esc (d->address);
  g_autofree char *phone_esc = esc (phone);
  g_autofree char *contact = g_strdup_printf ("(Địa chỉ: %s; số điện thoại: %s)", address_esc, phone_esc);

  mc_document_add_text (doc, markup, BODY, MC_ALIGN_CENTER, 0, 12);
  mc_document_add_text (doc, contact, BODY, MC_ALIGN_CENTER, 0, 2);
}

static char *
received_sentence (McDossier          *d,
                   const McFormIssuer *issuer)
{
  int y, m, day;
  g_autofree char *office_esc = esc (issuer->in_sentence);
  g_autofree char *procedure_esc = esc (d->procedure_name);
  g_autofree char *name_esc = esc (d->applicant_name);
  g_autofree char *id_esc = esc (d->applicant_id);
  g_autofree char *code_esc = esc (d->code);

  mc_jdn_to_ymd (mc_minute_jdn (d->received), &y, &m, &day);
  return g_strdup_printf (m < 3 ? "Ngày %02d tháng %02d năm %d, %s tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ "
                                  "tục hành chính %s của %s %s; số định danh: %s; mã số hồ sơ: %s."
                                : "Ngày %02d tháng %d năm %d, %s tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ "
                                  "tục hành chính %s của %s %s; số định danh: %s; mã số hồ sơ: %s.",
                          day, m, y, office_esc, procedure_esc, honorific (d), name_esc, id_esc, code_esc);
}

static McDocument *
render_apology (McDossier       *d,
                const McOffice  *office,
                GError         **error)
{
  g_autoptr(McDocument) doc = mc_document_new (FALSE);
  g_autoptr(McFormIssuer) issuer = issuer_for (MC_FORM_APOLOGY, office);
  g_autofree char *office_esc = esc (issuer->in_sentence);
  g_autofree char *due = mc_time_format_vietnamese (d->due);
  g_autofree char *new_due = NULL;
  g_autofree char *reason_esc = NULL;
  g_autofree char *text = NULL;
  const char *you = honorific (d);
  const char *title = g_strcmp0 (office->form_numbering, "2018") == 0
                      ? "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
                      : mc_form_kind_title (MC_FORM_APOLOGY);

  if (!d->has_apology)
    {
      g_set_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE,
                   _("Dossier %s has no apology letter: record one first"), d->code);
      return NULL;
    }
  new_due = mc_time_format_vietnamese (d->new_due);
  add_form_header (doc, MC_FORM_APOLOGY, office, issuer, d->apology_number, d->apology_at);
  add_title (doc, title, NULL);
  add_recipient (doc, d);

  text = received_sentence (d, issuer);
  add_paragraph (doc, text);
  g_free (text);
  text = g_strdup_printf ("Thời gian hẹn trả kết quả giải quyết hồ sơ: %s.", due);
  add_paragraph (doc, text);
  g_free (text);
  text = g_strdup_printf ("Tuy nhiên đến nay, %s chưa trả kết quả giải quyết hồ sơ của %s đúng thời hạn quy "
                          "định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.", office_esc, you);
  add_paragraph (doc, text);
  g_free (text);
  reason_esc = esc (d->apology_reason);
  text = g_strdup_printf ("Lý do: %s%s", reason_esc, g_str_has_suffix (reason_esc, ".") ? "" : ".");
  add_paragraph (doc, text);
  g_free (text);
  text = g_strdup_printf ("%s xin trân trọng gửi lời xin lỗi đến %s vì sự chậm trễ trong quá trình giải quyết "
                          "hồ sơ có thể gây phiền hà, tốn kém về chi phí, công sức của %s.", office_esc, you, you);
  add_paragraph (doc, text);
  g_free (text);
  text = g_strdup_printf ("%s đề nghị gia hạn và sẽ trả kết quả giải quyết hồ sơ cho %s vào <b>%s</b>.",
                          office_esc, you, new_due);
  add_paragraph (doc, text);
  g_free (text);
  text = g_strdup_printf ("Mong nhận được sự thông cảm của %s vì sự chậm trễ này./.", you);
  add_paragraph (doc, text);
  mc_form_issuer_add_signer (issuer, doc, 18);
  return g_steal_pointer (&doc);
}

static McDocument *
render_stop_notice (McDossier       *d,
                    const McOffice  *office,
                    GError         **error)
{
  g_autoptr(McDocument) doc = mc_document_new (FALSE);
  g_autoptr(McFormIssuer) issuer = issuer_for (MC_FORM_STOP_NOTICE, office);
  g_autofree char *office_esc = esc (issuer->in_sentence);
  g_autofree char *reason_esc = NULL;
  g_autofree char *stopped = NULL;
  g_autofree char *text = NULL;
  const char *you = honorific (d);

  if (d->stopped_at == MC_MINUTE_NONE)
    {
      g_set_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE,
                   _("Dossier %s was not stopped: record the applicant's request first"), d->code);
      return NULL;
    }
  add_form_header (doc, MC_FORM_STOP_NOTICE, office, issuer, d->stop_number, d->stopped_at);
  add_title (doc, mc_form_kind_title (MC_FORM_STOP_NOTICE), NULL);
  add_recipient (doc, d);
  text = received_sentence (d, issuer);
  add_paragraph (doc, text);
  g_free (text);
  stopped = mc_time_format_vietnamese (d->stopped_at);
  reason_esc = esc (d->stop_reason);
  text = g_strdup_printf ("Vào %s, %s đề nghị dừng giải quyết hồ sơ nêu trên với lý do: %s.", stopped, you,
                          reason_esc);
  add_paragraph (doc, text);
  g_free (text);
  text = stop_fee_sentence (d);
  add_paragraph (doc, text);
  g_free (text);
  text = g_strdup_printf ("Căn cứ Điều 21 Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ, %s "
                          "thông báo dừng giải quyết hồ sơ nêu trên. Hồ sơ, giấy tờ đã nộp được trả lại cho %s "
                          "theo đề nghị; phí, lệ phí đã nộp (nếu có) được xử lý theo quy định./.", office_esc, you);
  add_paragraph (doc, text);
  mc_form_issuer_add_signer (issuer, doc, 18);
  return g_steal_pointer (&doc);
}

static McDocument *
render_control_sheet (McDossier       *d,
                      GPtrArray       *events,
                      const McOffice  *office,
                      GError         **error)
{
  g_autoptr(McDocument) doc = mc_document_new (FALSE);
  g_autoptr(McFormIssuer) issuer = issuer_for (MC_FORM_CONTROL_SHEET, office);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *received = mc_time_format_vietnamese (d->received);
  g_autofree char *due = mc_time_format_vietnamese (d->due);
  g_autofree char *deciding = mc_form_issuer_deciding_body (office, d->deciding_body);
  const double shares[] = { 0.30, 0.27, 0.23, 0.20 };
  const char *header[] = { "<b>TÊN ĐƠN VỊ</b>", "<b>THỜI GIAN GIAO, NHẬN HỒ SƠ</b>",
                           "<b>KẾT QUẢ GIẢI QUYẾT HỒ SƠ</b>\n<i>(Trước hạn/đúng hạn/quá hạn)</i>", "<b>GHI CHÚ</b>" };

  add_form_header (doc, MC_FORM_CONTROL_SHEET, office, issuer, d->control_number, d->received);
  add_title (doc, mc_form_kind_title (MC_FORM_CONTROL_SHEET), NULL);
  add_field (doc, "Mã số hồ sơ", d->code, 12);
  add_field (doc, "Cơ quan (bộ phận) giải quyết hồ sơ", deciding, 3);
  add_field (doc, "Cơ quan phối hợp giải quyết hồ sơ", NULL, 3);
  add_field (doc, "Ngày nhận", received, 3);
  add_field (doc, "Hẹn trả kết quả vào", due, 3);

  /* One row per hand-over, then the hand-overs still to come. */
  rows = mc_control_sheet_rows (d);
  mc_document_add_table (doc, 4, shares, header, rows, 11, 10);
  mc_document_add_text (doc,
                        "<i><b>Ghi chú:</b> Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính thì thời gian giao, "
                        "nhận hồ sơ và việc ký nhận thể hiện trong hóa đơn của cơ quan bưu chính. Kết quả giải quyết "
                        "hồ sơ do bên nhận ghi khi nhận bàn giao hồ sơ.</i>",
                        NOTE, MC_ALIGN_JUSTIFY, 0, 8);
  return g_steal_pointer (&doc);
}

/**
 * mc_form_render:
 * @events: (element-type McEvent) (nullable): the dossier's history, for the control sheet
 *
 * Lays out one form for a dossier; the document then draws to a PDF, a print job or a preview.
 *
 * Returns: (transfer full): the document, or %NULL when the dossier has no such step to print
 */
McDocument *
mc_form_render (McFormKind       kind,
                McDossier       *dossier,
                GPtrArray       *events,
                const McOffice  *office,
                GError         **error)
{
  g_return_val_if_fail (dossier != NULL, NULL);
  g_return_val_if_fail (office != NULL, NULL);

  switch (kind)
    {
    case MC_FORM_SLIP:
      return render_slip (dossier, office, error);
    case MC_FORM_SUPPLEMENT:
      return render_supplement (dossier, office, error);
    case MC_FORM_REFUSAL:
      return render_refusal (dossier, office, error);
    case MC_FORM_APOLOGY:
      return render_apology (dossier, office, error);
    case MC_FORM_STOP_NOTICE:
      return render_stop_notice (dossier, office, error);
    case MC_FORM_CONTROL_SHEET:
      return render_control_sheet (dossier, events, office, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * mc_form_render_receipt:
 *
 * The receipt of a dossier served on the spot ("5 tại chỗ"): received, decided and returned while the citizen
 * waited, so there is no appointment slip; both sign it.
 *
 * Returns: (transfer full): the one-page document
 */
McDocument *
mc_form_render_receipt (McDossier       *d,
                        const McOffice  *office,
                        GError         **error)
{
  g_autoptr(McDocument) doc = mc_document_new (FALSE);
  g_autoptr(McFormIssuer) issuer = issuer_for (MC_FORM_SLIP, office);
  g_autofree char *unit_esc = esc (issuer->in_sentence);
  g_autofree char *date = mc_form_place_date (office->place, d->returned != MC_MINUTE_NONE ? d->returned
                                                                                            : d->received);
  g_autofree char *code_esc = esc (d->code);
  g_autofree char *code_line = g_strdup_printf ("Mã hồ sơ: <b>%s</b>", code_esc);
  g_autofree char *procedure = g_strdup_printf ("%s (mã thủ tục %s)", d->procedure_name ? d->procedure_name : "",
                                                d->procedure_code);
  g_autofree char *received = mc_time_format_vietnamese (d->received);
  g_autofree char *returned = mc_time_format_vietnamese (d->returned);
  g_autofree char *intro = g_strdup_printf ("%s đã tiếp nhận, giải quyết và trả kết quả ngay trong ngày, tại chỗ "
                                            "(không hẹn) hồ sơ sau:", unit_esc);

  g_return_val_if_fail (d != NULL && office != NULL, NULL);

  if (!d->on_the_spot || d->returned == MC_MINUTE_NONE)
    {
      g_set_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE,
                   _("Dossier %s was not served on the spot: it has no receipt of completion"), d->code);
      return NULL;
    }
  mc_form_issuer_add_header (issuer, doc, "", date, NULL);
  add_title (doc, "BIÊN NHẬN HOÀN THÀNH GIẢI QUYẾT HỒ SƠ TẠI CHỖ", NULL);
  mc_document_add_text (doc, code_line, BODY, MC_ALIGN_CENTER, 0, 2);
  mc_document_add_text (doc, intro, BODY, MC_ALIGN_JUSTIFY, 0, 10);
  add_field (doc, "Người nộp hồ sơ", d->applicant_name, 1.5);
  add_field (doc, "Nội dung yêu cầu giải quyết", procedure, 1.5);
  add_field (doc, "Thời gian nhận hồ sơ", received, 1.5);
  add_field (doc, "Thời gian trả kết quả", returned, 1.5);
  add_field (doc, "Người nhận kết quả", d->returned_to ? d->returned_to : d->applicant_name, 1.5);
  mc_document_add_signatures (doc, "NGƯỜI NHẬN KẾT QUẢ", "(Ký và ghi rõ họ tên)", d->returned_to,
                              "NGƯỜI TRẢ KẾT QUẢ", "(Ký và ghi rõ họ tên)", d->received_by, 18);
  return g_steal_pointer (&doc);
}

/*
 * Forms issued
 */

static McDocument *
audited (McDocument *document,
         McStore    *store,
         McDossier  *dossier,
         const char *form)
{
  if (document != NULL)
    _mc_document_audit (document, store, MC_AUDIT_PRINT, dossier->code, form);
  return document;
}

/**
 * mc_form_issue:
 * @events: (element-type McEvent) (nullable): the dossier's history, for the control sheet
 *
 * The form @kind of @dossier as the office of @store issues it: mc_form_render() with the office's settings, and
 * a line in the audit log (MC_AUDIT_PRINT, the dossier's code, the form's name) when the document is first
 * shown, printed or saved. What the desk and the command line print goes through here.
 *
 * Returns: (transfer full): the document, or %NULL when the dossier has no such step to print
 */
McDocument *
mc_form_issue (McStore     *store,
               McFormKind   kind,
               McDossier   *dossier,
               GPtrArray   *events,
               GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (dossier != NULL, NULL);

  return audited (mc_form_render (kind, dossier, events, mc_store_get_office (store), error), store, dossier,
                  mc_form_kind_to_string (kind));
}

/**
 * mc_form_issue_receipt:
 *
 * mc_form_render_receipt() for the office of @store, recorded in the audit log as mc_form_issue() does (the
 * form's name is "receipt").
 *
 * Returns: (transfer full): the one-page document, or %NULL when the dossier was not served on the spot
 */
McDocument *
mc_form_issue_receipt (McStore    *store,
                       McDossier  *dossier,
                       GError    **error)
{
  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (dossier != NULL, NULL);

  return audited (mc_form_render_receipt (dossier, mc_store_get_office (store), error), store, dossier, "receipt");
}
