/* mc-form-issuer.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-document.h"
#include "mc-office.h"

G_BEGIN_DECLS

/* The body that issues one paper, as every part of the paper names it: the header, the "Số" line, the body
 * text and the signature block are one authority (Nghị định 30/2020). */
typedef struct
{
  gboolean  committee;      /* the People's Committee issues it; otherwise the centre */
  char     *parent;         /* the header's first line (cơ quan chủ quản), NULL for the committee */
  char     *unit;           /* the header's bold line: the issuing body */
  char     *in_sentence;    /* "Trung tâm Phục vụ hành chính công xã Tân Lập", "Ủy ban nhân dân xã Tân Lập" */
  const char *symbol_suffix; /* "TTPVHCC" or "UBND", after the paper's own symbol */
  char     *authority;      /* "TM. ỦY BAN NHÂN DÂN", may be NULL */
  char     *title;          /* "CHỦ TỊCH" */
  char     *name;           /* may be NULL: room to write it */
} McFormIssuer;

McFormIssuer *mc_form_issuer_new        (const McOffice     *office,
                                         const char         *paper);
void          mc_form_issuer_free       (McFormIssuer       *self);
char         *mc_form_issuer_number_line (const McFormIssuer *self,
                                         const char         *symbol,
                                         int                 number);
void          mc_form_issuer_add_header (const McFormIssuer *self,
                                         McDocument         *doc,
                                         const char         *number_line,
                                         const char         *place_date_line,
                                         const char         *form_label);
char         *mc_form_issuer_deciding_body (const McOffice *office,
                                           const char     *deciding_body);
void          mc_form_issuer_add_signer (const McFormIssuer *self,
                                         McDocument         *doc,
                                         double              space_before);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McFormIssuer, mc_form_issuer_free)

G_END_DECLS
