/* mc-text.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-text"

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <glib/gi18n.h>

#include <string.h>

#include "mc-text.h"

G_DEFINE_QUARK (mc-text-error-quark, mc_text_error)

/* ------------------------------------------------------------------------
 * Folding
 *
 * Every code point is lowercased, fully (canonically) decomposed, and the
 * non-spacing marks (Mn) are dropped; what remains is lowercased again.
 * The result for U+0080..U+1FFF (Latin-1, Latin Extended, Vietnamese block
 * U+1EA0..U+1EFF, Greek, Cyrillic, ...) is precomputed in a table so that
 * the hot loop is a table lookup; other code points take the slow path.
 * ------------------------------------------------------------------------ */

#define FOLD_TABLE_START 0x80
#define FOLD_TABLE_END   0x2000

/* Table entries: a single folded code point, or one of these. */
#define FOLD_DROP    0x00000000u  /* combining mark: emit nothing */
#define FOLD_SPACE   0xFFFFFFFEu  /* whitespace */
#define FOLD_COMPLEX 0xFFFFFFFFu  /* folds to several code points: slow path */

/* At most this many code points come out of folding one code point. */
#define FOLD_MAX_OUT G_UNICHAR_MAX_DECOMPOSITION_LENGTH

static guint32 fold_table[FOLD_TABLE_END - FOLD_TABLE_START];

static gsize
fold_code_point (gunichar  c,
                 gunichar  out[FOLD_MAX_OUT])
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n_decomposed;
  gsize n_out = 0;

  /* Đ/đ have no decomposition in Unicode; Ð/ð (eth) are what old
   * TCVN3/VNI-converted data often contains instead of Đ/đ. */
  if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0)
    {
      out[0] = 'd';
      return 1;
    }

  n_decomposed = g_unichar_fully_decompose (g_unichar_tolower (c), FALSE,
                                            decomposed, G_N_ELEMENTS (decomposed));

  for (gsize i = 0; i < n_decomposed; i++)
    {
      if (g_unichar_type (decomposed[i]) == G_UNICODE_NON_SPACING_MARK)
        continue;
      out[n_out++] = g_unichar_tolower (decomposed[i]);
    }

  return n_out;
}

static void
fold_table_ensure (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gunichar c = FOLD_TABLE_START; c < FOLD_TABLE_END; c++)
        {
          gunichar out[FOLD_MAX_OUT];
          gsize n;
          guint32 entry;

          if (g_unichar_isspace (c))
            {
              fold_table[c - FOLD_TABLE_START] = FOLD_SPACE;
              continue;
            }

          n = fold_code_point (c, out);
          if (n == 0)
            entry = FOLD_DROP;
          else if (n == 1 && out[0] != 0)
            entry = out[0];
          else
            entry = FOLD_COMPLEX;

          fold_table[c - FOLD_TABLE_START] = entry;
        }

      g_once_init_leave (&initialized, 1);
    }
}

/* Decodes one code point of already validated UTF-8 starting with a
 * non-ASCII lead byte. */
static inline gunichar
decode_utf8 (const guchar **pp)
{
  const guchar *p = *pp;
  gunichar c;

  if (p[0] < 0xE0)
    {
      c = ((gunichar) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      *pp = p + 2;
    }
  else if (p[0] < 0xF0)
    {
      c = ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      *pp = p + 3;
    }
  else
    {
      c = ((gunichar) (p[0] & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12)
          | ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      *pp = p + 4;
    }

  return c;
}

/* One ASCII byte into the folded text at @pos: a run of white space becomes one space, written only before the next
 * word; letters become lower case. Returns the new end. */
static inline gsize
fold_ascii (char     *buf,
            gsize     pos,
            guchar    b,
            gboolean *pending_space)
{
  if (b == ' ' || (b >= '\t' && b <= '\r'))
    {
      *pending_space = TRUE;
      return pos;
    }
  if (*pending_space && pos > 0)
    buf[pos++] = ' ';
  *pending_space = FALSE;
  buf[pos++] = (b >= 'A' && b <= 'Z') ? (char) (b | 0x20) : (char) b;
  return pos;
}

char *
mc_text_fold (const char *text)
{
  const guchar *p;
  const guchar *end;
  gsize len;
  gsize capacity;
  gsize pos = 0;
  char *buf;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);

  /* Not a g_return_val_if_fail(): the decoder below relies on valid input,
   * so this check must survive G_DISABLE_CHECKS. */
  if (G_UNLIKELY (!g_utf8_validate (text, len, NULL)))
    {
      g_critical ("%s: text is not valid UTF-8", G_STRFUNC);
      return NULL;
    }

  p = (const guchar *) text;
  end = p + len;

  /* Fast path: pure ASCII.  Output is never longer than the input. */
  {
    const guchar *q = p;

    while (q < end && *q < 0x80)
      q++;

    if (q == end)
      {
        buf = g_malloc (len + 1);

        for (; p < end; p++)
          pos = fold_ascii (buf, pos, *p, &pending_space);

        buf[pos] = '\0';
        return buf;
      }
  }

  fold_table_ensure ();

  /* Room for the worst case of one non-ASCII code point is checked in the
   * loop; for typical text the output is shorter than the input, so the
   * buffer is never reallocated. */
  capacity = len + 2 + 4 * FOLD_MAX_OUT;
  buf = g_malloc (capacity);

  while (p < end)
    {
      guchar b = *p;
      gunichar c;
      guint32 entry;

      if (b < 0x80)
        {
          p++;
          pos = fold_ascii (buf, pos, b, &pending_space);
          continue;
        }

      /* Keep room for the rest of the input (ASCII never grows) plus the
       * worst case of this code point, a pending space and the NUL. */
      if (G_UNLIKELY (capacity - pos < (gsize) (end - p) + 2 + 4 * FOLD_MAX_OUT))
        {
          capacity = MAX (capacity * 2, pos + (gsize) (end - p) + 2 + 4 * FOLD_MAX_OUT);
          buf = g_realloc (buf, capacity);
        }

      c = decode_utf8 (&p);

      if (c < FOLD_TABLE_END)
        entry = fold_table[c - FOLD_TABLE_START];
      else if (g_unichar_isspace (c))
        entry = FOLD_SPACE;
      else
        entry = FOLD_COMPLEX;

      if (entry == FOLD_DROP)
        continue;

      if (entry == FOLD_SPACE)
        {
          pending_space = TRUE;
          continue;
        }

      if (entry != FOLD_COMPLEX)
        {
          if (pending_space && pos > 0)
            buf[pos++] = ' ';
          pending_space = FALSE;

          if (entry < 0x80)
            buf[pos++] = (char) entry;
          else
            pos += g_unichar_to_utf8 (entry, buf + pos);
        }
      else
        {
          gunichar out[FOLD_MAX_OUT];
          gsize n = fold_code_point (c, out);

          if (n == 0)
            continue;

          if (pending_space && pos > 0)
            buf[pos++] = ' ';
          pending_space = FALSE;

          for (gsize i = 0; i < n; i++)
            pos += g_unichar_to_utf8 (out[i], buf + pos);
        }
    }

  buf[pos] = '\0';
  return buf;
}

/* ------------------------------------------------------------------------
 * Cleaning user input
 * ------------------------------------------------------------------------ */

char *
mc_text_clean (const char  *text,
               gssize       length,
               gsize        max_chars,
               gboolean     multiline,
               GError     **error)
{
  g_autoptr(GString) copy = NULL;
  g_autofree char *normalized = NULL;
  const char *valid_end = NULL;
  const char *p;
  const char *end;
  const char *start;
  const char *stop;

  g_return_val_if_fail (text != NULL || length <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = (gssize) strlen (text);

  if (!g_utf8_validate (text, length, &valid_end))
    {
      if (valid_end < text + length && *valid_end == '\0')
        g_set_error_literal (error, MC_TEXT_ERROR, MC_TEXT_ERROR_CONTROL,
                             _("The text contains a null character; delete it and type the text again"));
      else
        g_set_error_literal (error, MC_TEXT_ERROR, MC_TEXT_ERROR_INVALID_UTF8,
                             _("The text contains invalid characters; type it again or paste it as plain text"));
      return NULL;
    }

  copy = g_string_sized_new (length + 1);
  end = text + length;

  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && multiline)
        {
          /* "\r\n" -> "\n", lone "\r" -> "\n" */
          if (p + 1 < end && p[1] == '\n')
            continue;
          g_string_append_c (copy, '\n');
          continue;
        }

      if (c == '\n' || c == '\t')
        {
          if (multiline)
            {
              g_string_append_c (copy, (char) c);
              continue;
            }

          if (c == '\n')
            g_set_error_literal (error, MC_TEXT_ERROR, MC_TEXT_ERROR_CONTROL,
                                 _("Line breaks are not allowed here; keep the text on one line"));
          else
            g_set_error_literal (error, MC_TEXT_ERROR, MC_TEXT_ERROR_CONTROL,
                                 _("Tabs are not allowed here; replace them with spaces"));
          return NULL;
        }

      /* Embeddings, overrides and isolates reorder what is shown: a name could print as another. Vietnamese
       * never needs them; the plain marks U+200E/U+200F are harmless and pass. */
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        {
          g_set_error (error, MC_TEXT_ERROR, MC_TEXT_ERROR_CONTROL,
                       _("The text contains an invisible character that reverses its direction (U+%04X); delete "
                         "it and type the text again"), (guint) c);
          return NULL;
        }

      if (g_unichar_type (c) == G_UNICODE_CONTROL)
        {
          /* Translators: %04X is a Unicode code point such as 001B */
          g_set_error (error, MC_TEXT_ERROR, MC_TEXT_ERROR_CONTROL,
                       _("The text contains an invisible control character (U+%04X); delete it and type the text again"),
                       (guint) c);
          return NULL;
        }

      g_string_append_len (copy, p, g_utf8_next_char (p) - p);
    }

  normalized = g_utf8_normalize (copy->str, copy->len, G_NORMALIZE_NFC);
  if (normalized == NULL)
    {
      /* Cannot happen for valid UTF-8, but do not crash on it. */
      g_set_error_literal (error, MC_TEXT_ERROR, MC_TEXT_ERROR_INVALID_UTF8,
                           _("The text contains invalid characters; type it again or paste it as plain text"));
      return NULL;
    }

  /* Trim Unicode whitespace on both ends. */
  start = normalized;
  stop = normalized + strlen (normalized);

  while (start < stop && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (stop > start)
    {
      const char *prev = g_utf8_prev_char (stop);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      stop = prev;
    }

  if (max_chars > 0)
    {
      glong n_chars = g_utf8_strlen (start, stop - start);

      if ((gsize) n_chars > max_chars)
        {
          g_set_error (error, MC_TEXT_ERROR, MC_TEXT_ERROR_TOO_LONG,
                       ngettext ("The text is too long; shorten it to at most %lu character",
                                 "The text is too long; shorten it to at most %lu characters",
                                 (unsigned long) max_chars),
                       (unsigned long) max_chars);
          return NULL;
        }
    }

  if (start == normalized && *stop == '\0')
    return g_steal_pointer (&normalized);

  return g_strndup (start, stop - start);
}

/* ------------------------------------------------------------------------
 * Person names
 * ------------------------------------------------------------------------ */

/* TRUE when the word has at least two cased letters and none is lowercase. */
static gboolean
word_is_all_caps (const char *word,
                  gsize       len)
{
  const char *end = word + len;
  guint n_upper = 0;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        n_upper++;
    }

  return n_upper >= 2;
}

static void
append_word (GString    *out,
             const char *word,
             gsize       len)
{
  g_autofree char *lowered = NULL;
  gunichar first;
  const char *rest;

  if (word_is_all_caps (word, len))
    {
      lowered = g_utf8_strdown (word, len);
      word = lowered;
      len = strlen (lowered);
    }

  first = g_utf8_get_char (word);
  rest = g_utf8_next_char (word);

  g_string_append_unichar (out, g_unichar_totitle (first));
  g_string_append_len (out, rest, word + len - rest);
}

char *
mc_text_normalize_person_name (const char  *text,
                               GError     **error)
{
  g_autofree char *cleaned = NULL;
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cleaned = mc_text_clean (text, -1, MC_TEXT_PERSON_NAME_MAX_CHARS, FALSE, error);
  if (cleaned == NULL)
    return NULL;

  if (*cleaned == '\0')
    {
      g_set_error_literal (error, MC_TEXT_ERROR, MC_TEXT_ERROR_EMPTY,
                           _("Enter the person's full name"));
      return NULL;
    }

  out = g_string_sized_new (strlen (cleaned) + 1);
  p = cleaned;

  while (*p != '\0')
    {
      const char *word;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      word = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      append_word (out, word, p - word);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
