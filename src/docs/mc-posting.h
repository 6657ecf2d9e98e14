/* mc-posting.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-document.h"
#include "mc-office.h"
#include "mc-procedure.h"

G_BEGIN_DECLS

/* The national public service portal's page of a procedure; {code} is replaced by the procedure's code. */
#define MC_POSTING_DEFAULT_URL_TEMPLATE \
  "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
/* The workstation's setting (McStore's local table) holding another template. */
#define MC_POSTING_SETTING_URL_TEMPLATE "procedure_url_template"

char        *mc_posting_url    (const char      *url_template,
                                const char      *code);
McDocument  *mc_posting_render (GPtrArray       *procedures,
                                const McOffice  *office,
                                const char      *url_template,
                                GError         **error);

G_END_DECLS
