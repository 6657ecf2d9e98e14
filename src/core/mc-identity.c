/* mc-identity.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-identity"

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <glib/gi18n.h>

#include <string.h>

#include "mc-identity.h"

G_DEFINE_QUARK (mc-identity-error-quark, mc_identity_error)

/* Province codes of the personal ID number (Circular 59/2021/TT-BCA,
 * pre-2025 list of 63 provinces). */
static const char * const province_names[97] = {
  [1] = "Hà Nội",
  [2] = "Hà Giang",
  [4] = "Cao Bằng",
  [6] = "Bắc Kạn",
  [8] = "Tuyên Quang",
  [10] = "Lào Cai",
  [11] = "Điện Biên",
  [12] = "Lai Châu",
  [14] = "Sơn La",
  [15] = "Yên Bái",
  [17] = "Hòa Bình",
  [19] = "Thái Nguyên",
  [20] = "Lạng Sơn",
  [22] = "Quảng Ninh",
  [24] = "Bắc Giang",
  [25] = "Phú Thọ",
  [26] = "Vĩnh Phúc",
  [27] = "Bắc Ninh",
  [30] = "Hải Dương",
  [31] = "Hải Phòng",
  [33] = "Hưng Yên",
  [34] = "Thái Bình",
  [35] = "Hà Nam",
  [36] = "Nam Định",
  [37] = "Ninh Bình",
  [38] = "Thanh Hóa",
  [40] = "Nghệ An",
  [42] = "Hà Tĩnh",
  [44] = "Quảng Bình",
  [45] = "Quảng Trị",
  [46] = "Thừa Thiên Huế",
  [48] = "Đà Nẵng",
  [49] = "Quảng Nam",
  [51] = "Quảng Ngãi",
  [52] = "Bình Định",
  [54] = "Phú Yên",
  [56] = "Khánh Hòa",
  [58] = "Ninh Thuận",
  [60] = "Bình Thuận",
  [62] = "Kon Tum",
  [64] = "Gia Lai",
  [66] = "Đắk Lắk",
  [67] = "Đắk Nông",
  [68] = "Lâm Đồng",
  [70] = "Bình Phước",
  [72] = "Tây Ninh",
  [74] = "Bình Dương",
  [75] = "Đồng Nai",
  [77] = "Bà Rịa–Vũng Tàu",
  [79] = "TP Hồ Chí Minh",
  [80] = "Long An",
  [82] = "Tiền Giang",
  [83] = "Bến Tre",
  [84] = "Trà Vinh",
  [86] = "Vĩnh Long",
  [87] = "Đồng Tháp",
  [89] = "An Giang",
  [91] = "Kiên Giang",
  [92] = "Cần Thơ",
  [93] = "Hậu Giang",
  [94] = "Sóc Trăng",
  [95] = "Bạc Liêu",
  [96] = "Cà Mau",
};

const char *
mc_id_province_name (const char *code)
{
  int n;

  if (code == NULL
      || !g_ascii_isdigit (code[0])
      || !g_ascii_isdigit (code[1])
      || !g_ascii_isdigit (code[2])
      || code[3] != '\0')
    return NULL;

  n = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  if (n >= (int) G_N_ELEMENTS (province_names))
    return NULL;

  return province_names[n];
}

/* The current year; MOTCUA_NOW (e.g. "2026-02-13T16:30") overrides the
 * clock for tests and demos. */
static int
current_year (void)
{
  const char *now = g_getenv ("MOTCUA_NOW");
  g_autoptr(GDateTime) dt = NULL;

  if (now != NULL && *now != '\0')
    {
      if (g_ascii_isdigit (now[0]) && g_ascii_isdigit (now[1])
          && g_ascii_isdigit (now[2]) && g_ascii_isdigit (now[3])
          && (now[4] == '-' || now[4] == '\0'))
        return (now[0] - '0') * 1000 + (now[1] - '0') * 100
               + (now[2] - '0') * 10 + (now[3] - '0');

      g_warning ("Ignoring MOTCUA_NOW=\"%s\": expected a date like 2026-02-13T16:30", now);
    }

  dt = g_date_time_new_now_local ();
  return g_date_time_get_year (dt);
}

static gboolean
is_separator (const char **pp)
{
  const char *p = *pp;

  if (*p == ' ' || *p == '\t' || *p == '.' || *p == '-')
    {
      *pp = p + 1;
      return TRUE;
    }

  /* U+00A0 NO-BREAK SPACE, common in pasted text */
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    {
      *pp = p + 2;
      return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------------
 * Identity numbers
 * ------------------------------------------------------------------------ */

#define ID_MAX_CHARS 32

static gboolean
validate_personal_id (const char  *id,
                      int          birth_year,
                      McGender     gender,
                      char       **out_warning,
                      GError     **error)
{
  char province[4];
  int g = id[3] - '0';
  int yy = (id[4] - '0') * 10 + (id[5] - '0');
  int century = 1900 + (g / 2) * 100;
  int encoded_year = century + yy;
  gboolean female = (g % 2) == 1;

  if (birth_year > 0)
    {
      if (birth_year < century || birth_year >= century + 100)
        {
          g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                       _("The 4th digit (%d) does not match the year of birth %d; check the number and the year of birth"),
                       g, birth_year);
          return FALSE;
        }

      if (yy != birth_year % 100)
        {
          g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                       _("Digits 5–6 (%02d) do not match the year of birth %d; check the number and the year of birth"),
                       yy, birth_year);
          return FALSE;
        }
    }

  if (encoded_year > current_year ())
    {
      g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                   _("The number gives a year of birth of %d, which is in the future; check the number"),
                   encoded_year);
      return FALSE;
    }

  if (gender == MC_GENDER_MALE && female)
    {
      g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                   _("The 4th digit (%d) is for a woman but the gender is male; check the number and the gender"),
                   g);
      return FALSE;
    }

  if (gender == MC_GENDER_FEMALE && !female)
    {
      g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                   _("The 4th digit (%d) is for a man but the gender is female; check the number and the gender"),
                   g);
      return FALSE;
    }

  memcpy (province, id, 3);
  province[3] = '\0';

  if (out_warning != NULL && mc_id_province_name (province) == NULL)
    *out_warning = g_strdup_printf (_("Unknown province code %s — check the number"), province);

  return TRUE;
}

gboolean
mc_id_number_validate (const char  *input,
                       int          birth_year,
                       McGender     gender,
                       McIdKind    *out_kind,
                       char       **out_normalized,
                       char       **out_warning,
                       GError     **error)
{
  char id[ID_MAX_CHARS + 1];
  gsize len = 0;
  gsize n_digits = 0;
  gboolean too_long = FALSE;
  McIdKind kind;
  const char *p;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_normalized != NULL)
    *out_normalized = NULL;
  if (out_warning != NULL)
    *out_warning = NULL;

  p = input;
  while (*p != '\0')
    {
      if (is_separator (&p))
        continue;

      if (!g_ascii_isalnum (*p))
        {
          g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                               _("An identity number may contain only digits, one letter for passports, spaces, dots and dashes"));
          return FALSE;
        }

      if (len < ID_MAX_CHARS)
        id[len++] = g_ascii_toupper (*p);
      else
        too_long = TRUE;

      if (g_ascii_isdigit (*p))
        n_digits++;
      p++;
    }
  id[len] = '\0';

  if (len == 0)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("Enter an identity number"));
      return FALSE;
    }

  if (!too_long && n_digits == len && len == 12)
    kind = MC_ID_KIND_PERSONAL_ID;
  else if (!too_long && n_digits == len && len == 9)
    kind = MC_ID_KIND_OLD_ID_CARD;
  else if (!too_long && len == 8 && n_digits == 7 && g_ascii_isalpha (id[0]))
    kind = MC_ID_KIND_PASSPORT;
  else if (!too_long && n_digits == len)
    {
      g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                   ngettext ("The number has %d digit; a personal ID number has 12 digits and an old ID card number has 9",
                             "The number has %d digits; a personal ID number has 12 digits and an old ID card number has 9",
                             (unsigned long) len),
                   (int) len);
      return FALSE;
    }
  else
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("Enter a 12-digit personal ID number, a 9-digit ID card number, or a passport number (one letter and 7 digits)"));
      return FALSE;
    }

  if (kind == MC_ID_KIND_PERSONAL_ID
      && !validate_personal_id (id, birth_year, gender, out_warning, error))
    return FALSE;

  if (out_kind != NULL)
    *out_kind = kind;
  if (out_normalized != NULL)
    *out_normalized = g_strdup (id);

  return TRUE;
}

char *
mc_id_number_mask (const char *normalized)
{
  glong n_chars;
  glong keep;
  GString *out;
  const char *p;

  if (normalized == NULL || *normalized == '\0')
    return g_strdup ("");

  g_return_val_if_fail (g_utf8_validate (normalized, -1, NULL), g_strdup (""));

  n_chars = g_utf8_strlen (normalized, -1);
  if (n_chars >= 9)
    keep = 3;
  else if (n_chars >= 5)
    keep = 2;
  else
    keep = 0;

  out = g_string_sized_new (strlen (normalized) + 1);
  p = normalized;
  for (glong i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
    {
      if (i < keep || i >= n_chars - keep)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        g_string_append_c (out, '*');
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------
 * Phone numbers
 * ------------------------------------------------------------------------ */

#define PHONE_MAX_DIGITS 20

/* ^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$ — prefix part */
static gboolean
is_mobile_prefix (char a,
                  char b)
{
  switch (a)
    {
    case '3':
      return b >= '2' && b <= '9';
    case '5':
      return b == '2' || b == '5' || b == '6' || b == '8' || b == '9';
    case '7':
      return b == '0' || (b >= '6' && b <= '9');
    case '8':
      return b >= '1' && b <= '9';
    case '9':
      return (b >= '0' && b <= '4') || (b >= '6' && b <= '9');
    default:
      return FALSE;
    }
}

static gboolean
is_mobile (const char *n)
{
  return strlen (n) == 10 && n[0] == '0' && is_mobile_prefix (n[1], n[2]);
}

static gboolean
is_landline (const char *n)
{
  return strlen (n) == 11 && n[0] == '0' && n[1] == '2';
}

gboolean
mc_phone_normalize (const char  *input,
                    char       **out_normalized,
                    GError     **error)
{
  char digits[PHONE_MAX_DIGITS + 1];
  char national[PHONE_MAX_DIGITS + 2];
  gsize n = 0;
  gsize national_len;
  gboolean plus = FALSE;
  gboolean too_long = FALSE;
  const char *rest;
  const char *p;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_normalized != NULL)
    *out_normalized = NULL;

  p = input;
  while (*p != '\0')
    {
      if (is_separator (&p))
        continue;

      if (*p == '(' || *p == ')')
        {
          p++;
          continue;
        }

      if (*p == '+' && n == 0 && !plus)
        {
          plus = TRUE;
          p++;
          continue;
        }

      if (!g_ascii_isdigit (*p))
        {
          g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                               _("A phone number may contain only digits, spaces, dots, dashes, parentheses and a leading +84"));
          return FALSE;
        }

      if (n < PHONE_MAX_DIGITS)
        digits[n++] = *p;
      else
        too_long = TRUE;
      p++;
    }
  digits[n] = '\0';

  if (n == 0)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("Enter a phone number"));
      return FALSE;
    }

  if (plus)
    {
      if (n < 2 || digits[0] != '8' || digits[1] != '4')
        {
          g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                               _("Only Vietnamese phone numbers (+84) are accepted"));
          return FALSE;
        }
      rest = digits + 2;
      /* "+84 0912 345 678": the trunk 0 is often kept by mistake */
      if (*rest == '0')
        rest++;
    }
  else if (digits[0] == '8' && digits[1] == '4' && (n == 11 || (n == 12 && digits[2] == '2')))
    rest = digits + 2;  /* "84" + 9 digits (mobile) or + 10 digits (landline) */
  else
    rest = digits;

  if (rest == digits)
    {
      g_strlcpy (national, digits, sizeof national);
    }
  else
    {
      national[0] = '0';
      g_strlcpy (national + 1, rest, sizeof national - 1);
    }
  national_len = too_long ? PHONE_MAX_DIGITS + 1 : strlen (national);

  if (national[0] != '0')
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("A phone number starts with 0 or +84; check the number"));
      return FALSE;
    }

  if (national_len == 10 && is_mobile (national))
    ;
  else if (national_len == 11 && is_landline (national))
    ;
  else if (national[1] == '1' && (national_len == 10 || national_len == 11))
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("Numbers starting with 01 are no longer in use; enter the new 10-digit mobile number"));
      return FALSE;
    }
  else if (national[1] == '2')
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("A landline number has 11 digits and starts with 02, for example 024 3825 3536"));
      return FALSE;
    }
  else if (national_len < 10)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The phone number is too short; a mobile number has 10 digits and starts with 03, 05, 07, 08 or 09"));
      return FALSE;
    }
  else if (national_len > 10)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The phone number is too long; a mobile number has 10 digits and starts with 03, 05, 07, 08 or 09"));
      return FALSE;
    }
  else if (strchr ("35789", national[1]) != NULL)
    {
      /* Translators: %.3s is the first three digits, e.g. 031 */
      g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                   _("%.3s is not a mobile network prefix; check the number"),
                   national);
      return FALSE;
    }
  else
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("A mobile number has 10 digits and starts with 03, 05, 07, 08 or 09"));
      return FALSE;
    }

  if (out_normalized != NULL)
    *out_normalized = g_strdup (national);

  return TRUE;
}

/* Group sizes for display, NULL when the number is not normalised. */
static const int *
phone_groups (const char *normalized)
{
  static const int mobile[] = { 4, 3, 3, 0 };
  static const int landline_3[] = { 3, 4, 4, 0 };
  static const int landline_4[] = { 4, 3, 4, 0 };

  for (const char *p = normalized; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;

  if (is_mobile (normalized))
    return mobile;

  if (is_landline (normalized))
    {
      /* Hà Nội (024) and TP HCM (028) have 3-digit area codes */
      if (normalized[2] == '4' || normalized[2] == '8')
        return landline_3;
      return landline_4;
    }

  return NULL;
}

static char *
phone_render (const char *normalized,
              gboolean    masked)
{
  const int *groups;
  GString *out;
  gsize len;
  gsize i = 0;

  if (normalized == NULL)
    return g_strdup ("");

  len = strlen (normalized);
  groups = phone_groups (normalized);

  if (groups == NULL)
    {
      char *copy;

      if (!masked)
        return g_strdup (normalized);

      copy = g_strdup (normalized);
      for (i = 2; i + 3 < len; i++)
        copy[i] = 'x';
      return copy;
    }

  out = g_string_sized_new (len + 4);
  for (const int *g = groups; *g != 0; g++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');

      for (int k = 0; k < *g; k++, i++)
        {
          if (masked && i >= 2 && i + 3 < len)
            g_string_append_c (out, 'x');
          else
            g_string_append_c (out, normalized[i]);
        }
    }

  return g_string_free (out, FALSE);
}

char *
mc_phone_format (const char *normalized)
{
  return phone_render (normalized, FALSE);
}

char *
mc_phone_mask (const char *normalized)
{
  return phone_render (normalized, TRUE);
}

/* ------------------------------------------------------------------------
 * E-mail addresses
 * ------------------------------------------------------------------------ */

#define EMAIL_MAX_CHARS 254

gboolean
mc_email_normalize (const char  *input,
                    char       **out_normalized,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *domain = NULL;
  const char *at;
  const char *p;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_normalized != NULL)
    *out_normalized = NULL;

  trimmed = g_strstrip (g_strdup (input));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("Enter an e-mail address"));
      return FALSE;
    }

  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The e-mail address contains invalid characters; type it again"));
      return FALSE;
    }

  for (p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_CONTROL)
        {
          g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                               _("An e-mail address cannot contain spaces; remove them"));
          return FALSE;
        }
    }

  if (g_utf8_strlen (trimmed, -1) > EMAIL_MAX_CHARS)
    {
      g_set_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                   _("The e-mail address is too long; it may have at most %d characters"),
                   EMAIL_MAX_CHARS);
      return FALSE;
    }

  at = strchr (trimmed, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("An e-mail address must contain exactly one @, for example ten@example.vn"));
      return FALSE;
    }

  if (at == trimmed)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("Enter the part before the @, for example ten@example.vn"));
      return FALSE;
    }

  domain = g_utf8_strdown (at + 1, -1);
  if (*domain == '\0'
      || strchr (domain, '.') == NULL
      || domain[0] == '.'
      || domain[strlen (domain) - 1] == '.'
      || strstr (domain, "..") != NULL)
    {
      g_set_error_literal (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID,
                           _("The part after the @ must be a domain such as example.vn"));
      return FALSE;
    }

  if (out_normalized != NULL)
    *out_normalized = g_strdup_printf ("%.*s@%s", (int) (at - trimmed), trimmed, domain);

  return TRUE;
}
