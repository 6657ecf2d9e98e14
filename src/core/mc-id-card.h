/* mc-id-card.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-identity.h"

G_BEGIN_DECLS

/* What the QR code on a chip ID card says (domain.md §7.1): the line a USB scanner types,
 * `số định danh|số CMND cũ|họ và tên|ngày sinh ddmmyyyy|giới tính|nơi thường trú|ngày cấp ddmmyyyy`. Cards of the
 * 2024 generation leave the old number empty and may add fields after the date of issue; those are ignored. */
typedef struct
{
  char     *id_number;      /* 12 digits, checked against the date of birth and the gender */
  char     *old_id_number;  /* the old ID card's 9 (or 12) digits, NULL when the card has none */
  char     *name;           /* normalised as a person's name ("NGUYỄN VĂN AN" -> "Nguyễn Văn An") */
  char     *birth_date;     /* ISO "YYYY-MM-DD" */
  int       birth_year;
  McGender  gender;         /* never MC_GENDER_UNKNOWN */
  char     *address;        /* the permanent residence, NULL when blank */
  char     *issue_date;     /* ISO "YYYY-MM-DD", NULL when the line has none */
} McIdCard;

void      mc_id_card_free        (McIdCard    *card);

/* Whether @line has the shape of a card's line: 12 digits, then `|`. A cheap test for the reader that watches
 * the keyboard; mc_id_card_parse() says whether the rest holds. */
gboolean  mc_id_card_line_starts (const char  *line);

/* Reads a card's line (a trailing newline and surrounding blanks are ignored). Refused with
 * MC_IDENTITY_ERROR_INVALID and a message saying which field is wrong: fewer than 6 fields, a number that is not
 * 12 digits, an old number that is neither empty nor 9 or 12 digits, an empty name, a date that is not a real
 * ddmmyyyy day or is in the future (MOTCUA_NOW overrides the clock), a gender other than Nam or Nữ, a date of
 * issue before the birth, and an ID number that contradicts the birth year or the gender. */
McIdCard *mc_id_card_parse       (const char  *line,
                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McIdCard, mc_id_card_free)

G_END_DECLS
