/* mc-transfer-slip.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The transfer slip (phiếu chuyển hồ sơ): the paper that goes with a dossier the desk received for another
 * competent body (Nghị định 118/2025/NĐ-CP, Điều 18). The desk forwards it, so the desk's body issues the slip
 * (the issuer of the appointment slip, mc-form-issuer.c); the receiving body, the dossier, the reason and the
 * time of the transfer are printed as recorded, with a cell for the receiving side to acknowledge. Vietnamese. */

#define G_LOG_DOMAIN "mc-transfer-slip"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-audit.h"
#include "mc-document-private.h"
#include "mc-form-issuer.h"
#include "mc-forms.h"
#include "mc-time.h"
#include "mc-transfer-slip.h"

#define BODY 13.0

static void
add_line (McDocument *doc,
          const char *label,
          const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value ? value : "", -1);
  g_autofree char *markup = g_strdup_printf ("- %s: <b>%s</b>", label, escaped);

  mc_document_add_text (doc, markup, BODY, MC_ALIGN_LEFT, 0, 3);
}

/**
 * mc_transfer_slip_render:
 *
 * Refused for a dossier that was not transferred. The audit log records the slip (print, the dossier, "transfer")
 * when it is saved, printed or shown.
 *
 * Returns: (transfer full): the slip as a portrait document
 */
McDocument *
mc_transfer_slip_render (McStore    *store,
                         McDossier  *dossier,
                         GError    **error)
{
  g_autoptr(McDocument) doc = NULL;
  g_autoptr(McFormIssuer) issuer = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *number_line = NULL;
  g_autofree char *to = NULL;
  g_autofree char *addressee = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *in_sentence = NULL;
  g_autofree char *received = NULL;
  g_autofree char *transferred = NULL;
  g_autofree char *sets = NULL;
  g_autofree char *applicant = NULL;
  const McOffice *office;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (dossier != NULL, NULL);

  if (dossier->transferred_to == NULL || dossier->transferred_at == MC_MINUTE_NONE)
    {
      g_set_error (error, MC_FORM_ERROR, MC_FORM_ERROR_NOT_APPLICABLE,
                   _("Dossier %s has not been transferred to another body: it has no transfer slip"), dossier->code);
      return NULL;
    }
  office = mc_store_get_office (store);
  issuer = mc_form_issuer_new (office, "slip");
  doc = mc_document_new (FALSE);
  date_line = mc_form_place_date (office->place, dossier->transferred_at);
  number_line = mc_form_issuer_number_line (issuer, "PCHS", 0);
  mc_form_issuer_add_header (issuer, doc, number_line, date_line, NULL);
  mc_document_add_text (doc, "<b>PHIẾU CHUYỂN HỒ SƠ</b>", 14, MC_ALIGN_CENTER, 0, 14);
  mc_document_add_text (doc, "<i>(Chuyển hồ sơ đến cơ quan có thẩm quyền giải quyết)</i>", BODY, MC_ALIGN_CENTER, 0,
                        2);
  to = g_markup_escape_text (dossier->transferred_to, -1);
  addressee = g_strdup_printf ("Kính gửi: <b>%s</b>.", to);
  mc_document_add_text (doc, addressee, BODY, MC_ALIGN_CENTER, 0, 12);

  in_sentence = g_markup_escape_text (issuer->in_sentence, -1);
  sentence = g_strdup_printf ("Căn cứ Điều 18 Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về "
                              "thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông, %s chuyển đến "
                              "%s hồ sơ sau để giải quyết theo thẩm quyền:", in_sentence, to);
  mc_document_add_text (doc, sentence, BODY, MC_ALIGN_JUSTIFY, 28, 10);
  received = mc_time_format_vietnamese (dossier->received);
  transferred = mc_time_format_vietnamese (dossier->transferred_at);
  sets = g_strdup_printf ("%d", MAX (dossier->sets, 1));
  applicant = g_strdup (dossier->applicant_name ? dossier->applicant_name : "");
  add_line (doc, "Mã hồ sơ", dossier->code);
  add_line (doc, "Tên thủ tục hành chính", dossier->procedure_name ? dossier->procedure_name
                                                                   : dossier->procedure_code);
  add_line (doc, "Người nộp hồ sơ", applicant);
  add_line (doc, "Thời điểm tiếp nhận", received);
  add_line (doc, "Số bộ hồ sơ", sets);
  add_line (doc, "Lý do chuyển", dossier->transfer_reason);
  add_line (doc, "Thời điểm chuyển", transferred);
  mc_document_add_text (doc, "Đề nghị cơ quan nhận hồ sơ ký xác nhận vào phiếu này và giải quyết hồ sơ theo quy "
                             "định, trả kết quả cho người nộp hồ sơ.", BODY, MC_ALIGN_JUSTIFY, 28, 8);
  mc_form_issuer_add_signer (issuer, doc, 12);
  mc_document_add_signatures (doc, "CƠ QUAN NHẬN HỒ SƠ", "(Ký, ghi rõ họ tên, ngày nhận)", NULL, NULL, NULL, NULL,
                              18);
  _mc_document_audit (doc, store, MC_AUDIT_PRINT, dossier->code, "transfer");
  return g_steal_pointer (&doc);
}
