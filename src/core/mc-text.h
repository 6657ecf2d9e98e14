/* mc-text.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MC_TEXT_ERROR (mc_text_error_quark ())

typedef enum
{
  MC_TEXT_ERROR_INVALID_UTF8,
  MC_TEXT_ERROR_CONTROL,
  MC_TEXT_ERROR_TOO_LONG,
  MC_TEXT_ERROR_EMPTY
} McTextError;

GQuark mc_text_error_quark (void);

/* Search key: lowercase, every diacritic removed (NFD decomposition, then
 * combining marks of category Mn dropped), đ/Đ -> d (also the look-alike
 * Ð/ð U+00D0/U+00F0 that legacy Vietnamese encodings produce), runs of
 * whitespace (any Unicode space) collapsed to one ASCII space, leading and
 * trailing space trimmed.
 *
 *   "Đặng Đức"          -> "dang duc"
 *   "NGUYỄN Thị  Ánh"   -> "nguyen thi anh"
 *
 * @text must be valid UTF-8 (g_return_val_if_fail).  Accepts NFC or NFD
 * input.  Thread-safe.  Free the result with g_free(). */
char *mc_text_fold (const char *text);

/* Validate free text typed by a user for a field.  @length may be -1 when
 * @text is NUL-terminated; with an explicit @length an embedded NUL is
 * rejected (MC_TEXT_ERROR_CONTROL).  Rejects invalid UTF-8
 * (MC_TEXT_ERROR_INVALID_UTF8) and control characters (Unicode category
 * Cc, MC_TEXT_ERROR_CONTROL) except, when @multiline is TRUE, "\n" and "\t";
 * in multiline mode "\r\n" and a lone "\r" are converted to "\n".
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are rejected too
 * (MC_TEXT_ERROR_CONTROL): they can make a name display as another.  The marks U+200E/U+200F and emoji are
 * accepted.
 *
 * Returns a copy normalised to NFC with leading/trailing whitespace trimmed;
 * the result has at most @max_chars characters (counted after normalisation
 * and trimming) or MC_TEXT_ERROR_TOO_LONG is set; @max_chars == 0 means no
 * limit.  Empty (or all-blank) input returns "" — callers for mandatory
 * fields check for that.  Returns NULL with @error set on failure. */
char *mc_text_clean (const char *text,
                     gssize      length,
                     gsize       max_chars,
                     gboolean    multiline,
                     GError    **error);

#define MC_TEXT_PERSON_NAME_MAX_CHARS 200

/* Person name normalisation for storage: mc_text_clean (single line,
 * at most 200 characters) + inner whitespace collapsed to one space + first
 * letter of every word in title case ("nguyễn văn  an" -> "Nguyễn Văn An").
 * A word written entirely in capitals (as printed on ID cards) is lowercased
 * first ("NGUYỄN VĂN AN" -> "Nguyễn Văn An"); other letters keep the case the
 * user typed ("H'Hen Niê" stays unchanged).  Returns NULL +
 * MC_TEXT_ERROR_EMPTY when the name is empty or blank. */
char *mc_text_normalize_person_name (const char  *text,
                                     GError     **error);

G_END_DECLS
