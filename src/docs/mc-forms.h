/* mc-forms.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-document.h"
#include "mc-dossier.h"
#include "mc-office.h"
#include "mc-store.h"

G_BEGIN_DECLS

#define MC_FORM_ERROR (mc_form_error_quark ())

typedef enum
{
  MC_FORM_ERROR_NOT_APPLICABLE,
} McFormError;

/* The forms of Thông tư 03/2025/TT-VPCP Phụ lục I, known by their titles; the number printed on each depends
 * on the office's numbering setting (2025, or the 2018 numbering some provinces still print). */
typedef enum
{
  MC_FORM_SLIP,            /* Giấy tiếp nhận hồ sơ và hẹn trả kết quả */
  MC_FORM_SUPPLEMENT,      /* Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ */
  MC_FORM_REFUSAL,         /* Phiếu từ chối tiếp nhận giải quyết hồ sơ */
  MC_FORM_APOLOGY,         /* Phiếu xin lỗi và hẹn lại ngày trả kết quả / đề nghị gia hạn */
  MC_FORM_STOP_NOTICE,     /* Thông báo dừng giải quyết hồ sơ */
  MC_FORM_CONTROL_SHEET,   /* Phiếu kiểm soát quá trình giải quyết hồ sơ */
} McFormKind;

GQuark       mc_form_error_quark      (void);
const char  *mc_form_kind_to_string   (McFormKind        kind);
gboolean     mc_form_kind_from_string (const char       *text,
                                       McFormKind       *out);
const char  *mc_form_kind_title       (McFormKind        kind);
char        *mc_form_label            (McFormKind        kind,
                                       const char       *numbering);
char        *mc_form_qr_payload       (McDossier        *dossier,
                                       const McOffice   *office);
char        *mc_form_place_date       (const char       *place,
                                       McMinute          when);
McDocument  *mc_form_render_receipt   (McDossier        *dossier,
                                       const McOffice   *office,
                                       GError          **error);
McDocument  *mc_form_render           (McFormKind        kind,
                                       McDossier        *dossier,
                                       GPtrArray        *events,
                                       const McOffice   *office,
                                       GError          **error);

McDocument  *mc_form_issue            (McStore          *store,
                                       McFormKind        kind,
                                       McDossier        *dossier,
                                       GPtrArray        *events,
                                       GError          **error);
McDocument  *mc_form_issue_receipt    (McStore          *store,
                                       McDossier        *dossier,
                                       GError          **error);

G_END_DECLS
