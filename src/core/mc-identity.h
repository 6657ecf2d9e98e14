/* mc-identity.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MC_IDENTITY_ERROR (mc_identity_error_quark ())

typedef enum
{
  MC_IDENTITY_ERROR_INVALID
} McIdentityError;

GQuark mc_identity_error_quark (void);

typedef enum
{
  MC_ID_KIND_PERSONAL_ID,   /* số định danh cá nhân / CCCD, 12 digits */
  MC_ID_KIND_OLD_ID_CARD,   /* CMND, 9 digits */
  MC_ID_KIND_PASSPORT       /* 1 letter + 7 digits, uppercase */
} McIdKind;

typedef enum
{
  MC_GENDER_UNKNOWN,
  MC_GENDER_MALE,
  MC_GENDER_FEMALE
} McGender;

/* Validate and normalise an identity number.  Strips spaces (also tabs and
 * no-break spaces), dots and dashes; uppercases.
 *
 * 12 digits: PPP G YY RRRRRR — PPP = province code of birth registration (an
 * unknown code is not an error: *out_warning is set); G = century + gender:
 * 0 male 1900-1999, 1 female 1900-1999, 2 male 2000-2099, 3 female
 * 2000-2099, 4/5 2100s, 6/7 2200s, 8/9 2300s.  The year encoded by G and YY
 * must not be after the current year (MOTCUA_NOW overrides the clock).
 * When @birth_year > 0, G's century must contain it and YY must equal
 * @birth_year % 100; when @gender is known, G's parity must match.
 * 9 digits -> MC_ID_KIND_OLD_ID_CARD.  Letter + 7 digits ->
 * MC_ID_KIND_PASSPORT.  Anything else is an error.
 *
 * All out parameters may be NULL.  On failure *out_normalized and
 * *out_warning are set to NULL and *out_kind is left unchanged. */
gboolean    mc_id_number_validate (const char  *input,
                                   int          birth_year,
                                   McGender     gender,
                                   McIdKind    *out_kind,
                                   char       **out_normalized,
                                   char       **out_warning,
                                   GError     **error);

/* Province name for a 3-digit code ("001" -> "Hà Nội"), NULL when unknown.
 * Static string (NFC UTF-8, pre-2025 list of 63 provinces). */
const char *mc_id_province_name   (const char  *code);

/* Masking for lists: keep the first 3 and last 3 characters and replace the
 * middle with '*' ("001203012345" -> "001******345", "001234345" ->
 * "001***345"); for 5 to 8 characters keep the first 2 and last 2
 * ("B1234567" -> "B1****67"); 4 characters or fewer are fully masked.
 * NULL/empty -> "".  Free with g_free(). */
char       *mc_id_number_mask     (const char  *normalized);

/* Vietnamese phone numbers.  Accepts spaces, dots, dashes, parentheses, a
 * "+84"/"84" prefix (a 0 after "+84" is tolerated), and normalises to
 * "0XXXXXXXXX" (mobile, 10 digits, prefix per
 * ^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$) or "02XXXXXXXXX"
 * (landline, 11 digits). */
gboolean    mc_phone_normalize    (const char  *input,
                                   char       **out_normalized,
                                   GError     **error);

/* Display: mobile "0912345678" -> "0912 345 678"; landline "02438253536" ->
 * "024 3825 3536" (Hà Nội 024 and TP HCM 028), other landlines use the
 * 4-digit area code: "02033123456" -> "0203 312 3456".  Anything else is
 * returned unchanged; NULL -> "". */
char       *mc_phone_format       (const char  *normalized);

/* Mask for exports: keep the first 2 and last 3 digits, formatted as
 * mc_phone_format(): "0912345678" -> "09xx xxx 678",
 * "02438253536" -> "02x xxxx x536".  NULL -> "". */
char       *mc_phone_mask         (const char  *normalized);

/* E-mail: simple structural check (surrounding whitespace trimmed, exactly
 * one @, non-empty local part, domain with a dot and no empty label, no
 * spaces or control characters, at most 254 characters); lowercases the
 * domain, keeps the local part as typed. */
gboolean    mc_email_normalize    (const char  *input,
                                   char       **out_normalized,
                                   GError     **error);

G_END_DECLS
