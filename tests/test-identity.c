/* test-identity.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>

#include <string.h>

#include "mc-identity.h"
#include "mc-text.h"

#define NOW "2026-02-13T16:30"

/* ------------------------------------------------------------------------
 * mc_text_fold
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *input;
  const char *expected;
} FoldCase;

static void
test_fold_table (void)
{
  static const FoldCase cases[] = {
    { "Đặng Đức", "dang duc" },
    { "NGUYỄN Thị  Ánh", "nguyen thi anh" },
    { "đ", "d" },
    { "Đ", "d" },
    { "đĐ", "dd" },
    { "Ð", "d" },                                 /* U+00D0 look-alike */
    { "Trần Thị Ngọc Hương", "tran thi ngoc huong" },
    { "PHẠM VĂN ĐỒNG", "pham van dong" },
    { "nGuYễN vĂn Ơn", "nguyen van on" },
    { "Lê Thị Thủy", "le thi thuy" },
    { "Ưng Hoàng Phúc", "ung hoang phuc" },
    { "Hồ Chí Minh", "ho chi minh" },
    { "  Bùi \t\n Xuân\r\nPhái  ", "bui xuan phai" },
    { "Lý\u00a0Thường\u3000Kiệt", "ly thuong kiet" },  /* NBSP, ideographic space */
    { "Nguyễn-Văn O'Neil", "nguyen-van o'neil" },
    { "Plain ASCII   Name", "plain ascii name" },
    { "ALLCAPS", "allcaps" },
    { "   ", "" },
    { "", "" },
    { "\u0301Á", "a" },                           /* stray leading mark */
    { "Crème Brûlée Ñandú Ærø", "creme brulee nandu ærø" },  /* ø has no decomposition */
    { "Ωμέγα ΣΊΣΥΦΟΣ", "ωμεγα σισυφοσ" },
    { "İstanbul", "istanbul" },
    { "한", "\u1112\u1161\u11ab" },               /* Hangul: slow path */
    { "x😀 y", "x😀 y" },
    { "a\u200fb", "a\u200fb" },                   /* format chars are kept */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = mc_text_fold (cases[i].input);

      g_test_message ("fold \"%s\"", cases[i].input);
      g_assert_cmpstr (folded, ==, cases[i].expected);
    }
}

/* Every precomposed Vietnamese vowel, by base letter. */
static const struct
{
  char base;
  const char *lower;
  const char *upper;
} vowels[] = {
  { 'a', "àáảãạ", "ÀÁẢÃẠ" },
  { 'a', "ăằắẳẵặ", "ĂẰẮẲẴẶ" },
  { 'a', "âầấẩẫậ", "ÂẦẤẨẪẬ" },
  { 'e', "èéẻẽẹ", "ÈÉẺẼẸ" },
  { 'e', "êềếểễệ", "ÊỀẾỂỄỆ" },
  { 'i', "ìíỉĩị", "ÌÍỈĨỊ" },
  { 'o', "òóỏõọ", "ÒÓỎÕỌ" },
  { 'o', "ôồốổỗộ", "ÔỒỐỔỖỘ" },
  { 'o', "ơờớởỡợ", "ƠỜỚỞỠỢ" },
  { 'u', "ùúủũụ", "ÙÚỦŨỤ" },
  { 'u', "ưừứửữự", "ƯỪỨỬỮỰ" },
  { 'y', "ỳýỷỹỵ", "ỲÝỶỸỴ" },
};

static void
check_vowel_letter (const char *p,
                    char        base,
                    GHashTable *seen)
{
  gunichar c = g_utf8_get_char (p);
  char one[8] = { 0 };
  char expected[2] = { base, '\0' };
  g_autofree char *folded = NULL;
  g_autofree char *nfc = NULL;

  g_unichar_to_utf8 (c, one);
  nfc = g_utf8_normalize (one, -1, G_NORMALIZE_NFC);

  g_assert_cmpuint (c, >=, 0x80);
  g_assert_cmpstr (nfc, ==, one);    /* really precomposed */
  g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (c)));
  g_hash_table_add (seen, GUINT_TO_POINTER (c));

  folded = mc_text_fold (one);
  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_vietnamese_vowels (void)
{
  static const gunichar bases[] = { 'a', 0x0103, 0x00E2, 'e', 0x00EA, 'i',
                                    'o', 0x00F4, 0x01A1, 'u', 0x01B0, 'y' };
  static const gunichar tones[] = { 0x0300, 0x0301, 0x0309, 0x0303, 0x0323 };
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) generated = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  G_STATIC_ASSERT (G_N_ELEMENTS (bases) == G_N_ELEMENTS (vowels));

  for (gsize i = 0; i < G_N_ELEMENTS (vowels); i++)
    {
      g_autofree char *upper = g_utf8_strup (vowels[i].lower, -1);

      g_assert_cmpstr (upper, ==, vowels[i].upper);

      for (const char *p = vowels[i].lower; *p != '\0'; p = g_utf8_next_char (p))
        check_vowel_letter (p, vowels[i].base, seen);
      for (const char *p = vowels[i].upper; *p != '\0'; p = g_utf8_next_char (p))
        check_vowel_letter (p, vowels[i].base, seen);
    }

  check_vowel_letter ("đ", 'd', seen);
  check_vowel_letter ("Đ", 'd', seen);

  /* 12 vowels x 6 tones, minus the 6 plain ASCII ones, in both cases, + đ/Đ */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 134);

  /* Cross-check that the table is complete: compose every base + tone
   * mark with NFC, in both cases. */
  for (gsize b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      for (gsize t = 0; t <= G_N_ELEMENTS (tones); t++)
        {
          char buf[16] = { 0 };
          gsize n = g_unichar_to_utf8 (bases[b], buf);
          g_autofree char *composed = NULL;
          g_autofree char *upper = NULL;
          gunichar c;

          if (t < G_N_ELEMENTS (tones))
            g_unichar_to_utf8 (tones[t], buf + n);

          composed = g_utf8_normalize (buf, -1, G_NORMALIZE_NFC);
          g_assert_cmpint (g_utf8_strlen (composed, -1), ==, 1);
          c = g_utf8_get_char (composed);
          if (c < 0x80)
            continue;
          upper = g_utf8_strup (composed, -1);
          g_hash_table_add (generated, GUINT_TO_POINTER (c));
          g_hash_table_add (generated, GUINT_TO_POINTER (g_utf8_get_char (upper)));
        }
    }

  g_assert_cmpuint (g_hash_table_size (generated), ==, 132);
  g_hash_table_iter_init (&iter, generated);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (seen, key));
}

static void
test_fold_decomposed_input (void)
{
  static const char * const names[] = {
    "Đặng Đức", "Nguyễn Thị Ánh", "Trương Vĩnh Ký", "Hoàng Ngọc Phách",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *nfd = g_utf8_normalize (names[i], -1, G_NORMALIZE_NFD);
      g_autofree char *a = mc_text_fold (names[i]);
      g_autofree char *b = mc_text_fold (nfd);

      g_assert_cmpstr (nfd, !=, names[i]);
      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_fold_invalid (void)
{
  char *folded;

  g_test_expect_message ("mc-text", G_LOG_LEVEL_CRITICAL, "*not valid UTF-8*");
  folded = mc_text_fold ("Nguy\xff\xfe");
  g_test_assert_expected_messages ();
  g_assert_null (folded);
}

static void
test_fold_perf (void)
{
  static const char * const names[] = {
    "Nguyễn Thị Phương Thảo", "Trần Văn Đức", "Lê Hoàng Ánh Dương",
    "Phạm Quốc Trưởng", "Đặng Thùy Trâm", "Vũ Ngọc Hưng",
  };
  const guint n = 1000000;
  gsize total_bytes = 0;
  gdouble elapsed;
  g_autoptr(GTimer) timer = NULL;

  if (!g_test_perf ())
    {
      g_test_skip ("run with -m perf");
      return;
    }

  timer = g_timer_new ();
  for (guint i = 0; i < n; i++)
    {
      const char *name = names[i % G_N_ELEMENTS (names)];
      char *folded = mc_text_fold (name);

      total_bytes += strlen (folded);
      g_free (folded);
    }
  elapsed = g_timer_elapsed (timer, NULL);

  /* 6 folded names cycled: "nguyen thi phuong thao" (22) ... */
  g_assert_cmpuint (total_bytes, >, 0);
  g_test_minimized_result (elapsed * 1e9 / n, "mc_text_fold: %.0f ns per name (%u Vietnamese names in %.3f s)",
                           elapsed * 1e9 / n, n, elapsed);
}

/* ------------------------------------------------------------------------
 * mc_text_clean
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *input;
  gssize length;
  gsize max_chars;
  gboolean multiline;
  const char *expected;     /* NULL: error expected */
  McTextError error;
} CleanCase;

static void
test_clean_table (void)
{
  static const CleanCase cases[] = {
    { "  Xin chào  ", -1, 100, FALSE, "Xin chào", 0 },
    { "", -1, 100, FALSE, "", 0 },
    { " \t ", -1, 100, TRUE, "", 0 },
    /* NFD input is returned as NFC */
    { "Nguye\xcc\x82\xcc\x83n", -1, 100, FALSE, "Nguyễn", 0 },
    { "Hết hạn\u00a0", -1, 100, FALSE, "Hết hạn", 0 },
    { "Dòng 1\nDòng 2\tcột", -1, 100, TRUE, "Dòng 1\nDòng 2\tcột", 0 },
    { "Dòng 1\r\nDòng 2\rDòng 3\n", -1, 100, TRUE, "Dòng 1\nDòng 2\nDòng 3", 0 },
    { "Dòng 1\nDòng 2", -1, 100, FALSE, NULL, MC_TEXT_ERROR_CONTROL },
    { "a\tb", -1, 100, FALSE, NULL, MC_TEXT_ERROR_CONTROL },
    { "a\rb", -1, 100, FALSE, NULL, MC_TEXT_ERROR_CONTROL },
    { "bell\a", -1, 100, TRUE, NULL, MC_TEXT_ERROR_CONTROL },
    { "esc\x1b[0m", -1, 100, TRUE, NULL, MC_TEXT_ERROR_CONTROL },
    { "del\x7f", -1, 100, FALSE, NULL, MC_TEXT_ERROR_CONTROL },
    { "c1\xc2\x85", -1, 100, FALSE, NULL, MC_TEXT_ERROR_CONTROL },   /* U+0085 */
    { "ab\0cd", 5, 100, FALSE, NULL, MC_TEXT_ERROR_CONTROL },
    { "ab\0cd", 2, 100, FALSE, "ab", 0 },                              /* NUL outside length */
    { "Nguy\xff", -1, 100, FALSE, NULL, MC_TEXT_ERROR_INVALID_UTF8 },
    { "\xc3\x28", -1, 100, FALSE, NULL, MC_TEXT_ERROR_INVALID_UTF8 },
    { "\xed\xa0\x80", -1, 100, FALSE, NULL, MC_TEXT_ERROR_INVALID_UTF8 }, /* surrogate */
    { "a\u200fb", -1, 100, FALSE, "a\u200fb", 0 },                    /* RLM is Cf */
    { "Chúc mừng 🎉👍🏽", -1, 100, FALSE, "Chúc mừng 🎉👍🏽", 0 },
    { "12345", -1, 5, FALSE, "12345", 0 },
    { "123456", -1, 5, FALSE, NULL, MC_TEXT_ERROR_TOO_LONG },
    { "ễễễễễ", -1, 5, FALSE, "ễễễễễ", 0 },                           /* chars, not bytes */
    { "  12345  ", -1, 5, FALSE, "12345", 0 },                         /* counted after trim */
    { "123456", -1, 0, FALSE, "123456", 0 },                           /* 0 = no limit */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *cleaned = NULL;

      g_test_message ("clean case %" G_GSIZE_FORMAT, i);
      cleaned = mc_text_clean (cases[i].input, cases[i].length, cases[i].max_chars,
                               cases[i].multiline, &error);

      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (cleaned, ==, cases[i].expected);
        }
      else
        {
          g_assert_error (error, MC_TEXT_ERROR, (gint) cases[i].error);
          g_assert_null (cleaned);
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
    }
}

static void
test_clean_too_long (void)
{
  g_autofree char *huge = g_strnfill (100000, 'a');
  g_autoptr(GError) error = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *ok = NULL;

  cleaned = mc_text_clean (huge, -1, 1000, TRUE, &error);
  g_assert_error (error, MC_TEXT_ERROR, MC_TEXT_ERROR_TOO_LONG);
  g_assert_null (cleaned);
  g_assert_nonnull (strstr (error->message, "1000"));

  ok = mc_text_clean (huge, -1, 100000, TRUE, NULL);
  g_assert_nonnull (ok);
  g_assert_cmpuint (strlen (ok), ==, 100000);
}

/* ------------------------------------------------------------------------
 * mc_text_normalize_person_name
 * ------------------------------------------------------------------------ */

static void
test_person_name (void)
{
  static const FoldCase cases[] = {
    { "nguyễn văn  an", "Nguyễn Văn An" },
    { "  NGUYỄN   VĂN AN ", "Nguyễn Văn An" },
    { "đặng thị ánh", "Đặng Thị Ánh" },
    { "ưng ơn", "Ưng Ơn" },
    { "trần\u00a0thị\u3000mai", "Trần Thị Mai" },
    { "H'Hen Niê", "H'Hen Niê" },
    { "nguyễn VĂN an", "Nguyễn Văn An" },
    { "lê y", "Lê Y" },
    { "nguyễn văn (A)", "Nguyễn Văn (A)" },      /* one capital: not an all-caps word */
    { "ĐINH BỘ LĨNH", "Đinh Bộ Lĩnh" },
    { "Nguye\xcc\x82\xcc\x83n", "Nguyễn" },       /* NFD input */
  };
  static const struct
  {
    const char *input;
    McTextError error;
  } bad[] = {
    { "", MC_TEXT_ERROR_EMPTY },
    { " \u00a0 ", MC_TEXT_ERROR_EMPTY },
    { "Nguyễn\nAn", MC_TEXT_ERROR_CONTROL },
    { "Nguy\xc3", MC_TEXT_ERROR_INVALID_UTF8 },
  };
  g_autofree char *long_name = NULL;
  g_autofree char *max_name = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = mc_text_normalize_person_name (cases[i].input, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = mc_text_normalize_person_name (bad[i].input, &error);

      g_assert_error (error, MC_TEXT_ERROR, (gint) bad[i].error);
      g_assert_null (name);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *name = NULL;

    long_name = g_strnfill (201, 'a');
    name = mc_text_normalize_person_name (long_name, &error);
    g_assert_error (error, MC_TEXT_ERROR, MC_TEXT_ERROR_TOO_LONG);
    g_assert_null (name);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *name = NULL;

    max_name = g_strnfill (200, 'a');
    name = mc_text_normalize_person_name (max_name, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (name), ==, 200);
    g_assert_cmpint (name[0], ==, 'A');
  }
}

/* ------------------------------------------------------------------------
 * Identity numbers
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *input;
  int birth_year;
  McGender gender;
  gboolean valid;
  McIdKind kind;
  const char *normalized;
  const char *warning_contains;   /* NULL: no warning expected */
  const char *error_contains;     /* for invalid ones, NULL: don't check */
} IdCase;

static void
test_id_table (void)
{
  static const IdCase cases[] = {
    /* 12 digits */
    { "001090012345", 0, MC_GENDER_UNKNOWN, TRUE, MC_ID_KIND_PERSONAL_ID, "001090012345", NULL, NULL },
    { "001 090 012 345", 1990, MC_GENDER_MALE, TRUE, MC_ID_KIND_PERSONAL_ID, "001090012345", NULL, NULL },
    { "001.190.012-345", 1990, MC_GENDER_FEMALE, TRUE, MC_ID_KIND_PERSONAL_ID, "001190012345", NULL, NULL },
    { "079203012345", 2003, MC_GENDER_MALE, TRUE, MC_ID_KIND_PERSONAL_ID, "079203012345", NULL, NULL },
    { "096305012345", 2005, MC_GENDER_FEMALE, TRUE, MC_ID_KIND_PERSONAL_ID, "096305012345", NULL, NULL },
    { "038026012345", 2026, MC_GENDER_MALE, FALSE, 0, NULL, NULL, "2026" },   /* G=0: 1900s */
    { "038226012345", 2026, MC_GENDER_MALE, TRUE, MC_ID_KIND_PERSONAL_ID, "038226012345", NULL, NULL },
    { "001090012345", 1991, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "1991" },
    { "001090012345", 2090, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "2090" },
    { "001290012345", 1990, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "1990" },
    { "001090012345", 1990, MC_GENDER_FEMALE, FALSE, 0, NULL, NULL, "female" },
    { "001190012345", 1990, MC_GENDER_MALE, FALSE, 0, NULL, NULL, "male" },
    { "001227012345", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "2027" },    /* future */
    { "001490012345", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "2190" },    /* 2100s */
    { "001990012345", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "2390" },    /* 2300s */
    /* unknown province: valid with a warning */
    { "099090012345", 1990, MC_GENDER_MALE, TRUE, MC_ID_KIND_PERSONAL_ID, "099090012345", "099", NULL },
    { "003090012345", 0, MC_GENDER_UNKNOWN, TRUE, MC_ID_KIND_PERSONAL_ID, "003090012345", "003", NULL },
    { "000090012345", 0, MC_GENDER_UNKNOWN, TRUE, MC_ID_KIND_PERSONAL_ID, "000090012345", "000", NULL },
    /* 9 digits */
    { "012345678", 0, MC_GENDER_UNKNOWN, TRUE, MC_ID_KIND_OLD_ID_CARD, "012345678", NULL, NULL },
    { "012 345 678", 1960, MC_GENDER_FEMALE, TRUE, MC_ID_KIND_OLD_ID_CARD, "012345678", NULL, NULL },
    /* passport */
    { "B1234567", 0, MC_GENDER_UNKNOWN, TRUE, MC_ID_KIND_PASSPORT, "B1234567", NULL, NULL },
    { "c 1234567", 0, MC_GENDER_UNKNOWN, TRUE, MC_ID_KIND_PASSPORT, "C1234567", NULL, NULL },
    { "n-1234567", 0, MC_GENDER_UNKNOWN, TRUE, MC_ID_KIND_PASSPORT, "N1234567", NULL, NULL },
    /* garbage */
    { "", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "Enter" },
    { " . - ", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "Enter" },
    { "00109001234", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "11 digits" },
    { "0010900123456", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "13 digits" },
    { "B123456", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "passport" },
    { "BB123456", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "passport" },
    { "1234567B", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, "passport" },
    { "00109001234O", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, NULL },
    { "001/090/012345", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, NULL },
    { "００１０９００１２３４５", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, NULL },
    { "0010900123450010900123450010900123450010900123450010900123", 0, MC_GENDER_UNKNOWN, FALSE, 0, NULL, NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const IdCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      g_autofree char *warning = NULL;
      McIdKind kind = (McIdKind) 42;
      gboolean ok;

      g_test_message ("id \"%s\" year %d gender %d", c->input, c->birth_year, c->gender);
      ok = mc_id_number_validate (c->input, c->birth_year, c->gender,
                                  &kind, &normalized, &warning, &error);

      if (c->valid)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (kind, ==, c->kind);
          g_assert_cmpstr (normalized, ==, c->normalized);
          if (c->warning_contains != NULL)
            {
              g_assert_nonnull (warning);
              g_assert_nonnull (strstr (warning, c->warning_contains));
            }
          else
            {
              g_assert_null (warning);
            }
        }
      else
        {
          g_assert_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_cmpint (kind, ==, 42);
          g_assert_null (normalized);
          g_assert_null (warning);
          if (c->error_contains != NULL)
            g_assert_nonnull (strstr (error->message, c->error_contains));
        }
    }
}

static void
test_id_optional_outputs (void)
{
  g_autoptr(GError) error = NULL;

  /* all out parameters NULL, warning not requested */
  g_assert_true (mc_id_number_validate ("099090012345", 0, MC_GENDER_UNKNOWN,
                                        NULL, NULL, NULL, NULL));
  g_assert_false (mc_id_number_validate ("x", 0, MC_GENDER_UNKNOWN, NULL, NULL, NULL, NULL));
  g_assert_false (mc_id_number_validate ("x", 0, MC_GENDER_UNKNOWN, NULL, NULL, NULL, &error));
  g_assert_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID);
}

static void
test_id_current_year (void)
{
  /* A person born in 2027 is in the future in 2026 but not in 2027. */
  g_setenv ("MOTCUA_NOW", "2027-01-01T08:00", TRUE);
  g_assert_true (mc_id_number_validate ("001227012345", 2027, MC_GENDER_MALE, NULL, NULL, NULL, NULL));
  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  g_assert_false (mc_id_number_validate ("001227012345", 2027, MC_GENDER_MALE, NULL, NULL, NULL, NULL));

  /* Without MOTCUA_NOW the real clock is used; 1900s numbers are never in
   * the future. */
  g_unsetenv ("MOTCUA_NOW");
  g_assert_true (mc_id_number_validate ("001090012345", 1990, MC_GENDER_MALE, NULL, NULL, NULL, NULL));
  g_assert_false (mc_id_number_validate ("001999012345", 0, MC_GENDER_UNKNOWN, NULL, NULL, NULL, NULL));
  g_setenv ("MOTCUA_NOW", NOW, TRUE);
}

static void
test_province (void)
{
  static const FoldCase cases[] = {
    { "001", "Hà Nội" },
    { "011", "Điện Biên" },
    { "046", "Thừa Thiên Huế" },
    { "077", "Bà Rịa–Vũng Tàu" },
    { "079", "TP Hồ Chí Minh" },
    { "096", "Cà Mau" },
    { "000", NULL },
    { "003", NULL },
    { "097", NULL },
    { "999", NULL },
    { "01", NULL },
    { "0011", NULL },
    { "a01", NULL },
    { "", NULL },
  };
  guint n_known = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (mc_id_province_name (cases[i].input), ==, cases[i].expected);

  g_assert_null (mc_id_province_name (NULL));

  for (guint code = 0; code < 1000; code++)
    {
      char buf[4];
      const char *name;

      g_snprintf (buf, sizeof buf, "%03u", code);
      name = mc_id_province_name (buf);
      if (name != NULL)
        {
          g_autofree char *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);

          g_assert_cmpstr (nfc, ==, name);
          n_known++;
        }
    }
  g_assert_cmpuint (n_known, ==, 63);
}

static void
test_id_mask (void)
{
  static const FoldCase cases[] = {
    { "001203012345", "001******345" },
    { "001234345", "001***345" },
    { "B1234567", "B1****67" },
    { "12345", "12*45" },
    { "1234", "****" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = mc_id_number_mask (cases[i].input);

      g_assert_cmpstr (masked, ==, cases[i].expected);
    }

  {
    g_autofree char *masked = mc_id_number_mask (NULL);

    g_assert_cmpstr (masked, ==, "");
  }
}

/* ------------------------------------------------------------------------
 * Phones
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *input;
  const char *expected;          /* NULL: error */
  const char *error_contains;
} PhoneCase;

static void
test_phone_normalize (void)
{
  static const PhoneCase cases[] = {
    { "+84 912 345 678", "0912345678", NULL },
    { "84912345678", "0912345678", NULL },
    { "0912.345.678", "0912345678", NULL },
    { "0912-345-678", "0912345678", NULL },
    { "(+84) 912 345 678", "0912345678", NULL },
    { "+84 (0) 912 345 678", "0912345678", NULL },
    { " 0912\u00a0345\u00a0678 ", "0912345678", NULL },
    { "0321234567", "0321234567", NULL },
    { "0398765432", "0398765432", NULL },
    { "0521234567", "0521234567", NULL },
    { "0591234567", "0591234567", NULL },
    { "0701234567", "0701234567", NULL },
    { "0761234567", "0761234567", NULL },
    { "0811234567", "0811234567", NULL },
    { "0891234567", "0891234567", NULL },
    { "0901234567", "0901234567", NULL },
    { "0941234567", "0941234567", NULL },
    { "0961234567", "0961234567", NULL },
    { "0991234567", "0991234567", NULL },
    /* landlines */
    { "02438253536", "02438253536", NULL },
    { "(024) 3825 3536", "02438253536", NULL },
    { "+84 24 3825 3536", "02438253536", NULL },
    { "842438253536", "02438253536", NULL },
    { "0203 3123 456", "02033123456", NULL },
    /* invalid prefixes */
    { "01234567890", NULL, "01" },
    { "01691234567", NULL, "01" },
    { "0311234567", NULL, "031" },
    { "0511234567", NULL, "051" },
    { "0711234567", NULL, "071" },
    { "0801234567", NULL, "080" },
    { "0951234567", NULL, "095" },
    { "0612345678", NULL, "03, 05, 07, 08 or 09" },
    { "0412345678", NULL, "03, 05, 07, 08 or 09" },
    { "0243825353", NULL, "11 digits" },
    { "024382535367", NULL, "11 digits" },
    /* length */
    { "091234567", NULL, "too short" },
    { "09123456789", NULL, "too long" },
    { "091234567890123456789012", NULL, "too long" },
    { "+84 91234567", NULL, "too short" },
    { "912345678", NULL, "0 or +84" },
    /* garbage */
    { "", NULL, "Enter" },
    { " - ", NULL, "Enter" },
    { "+1 202 555 0143", NULL, "+84" },
    { "0912 345 678 ext 2", NULL, "only digits" },
    { "09123+45678", NULL, "only digits" },
    { "０９１２３４５６７８", NULL, "only digits" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean ok;

      g_test_message ("phone \"%s\"", cases[i].input);
      ok = mc_phone_normalize (cases[i].input, &normalized, &error);

      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalized, ==, cases[i].expected);
        }
      else
        {
          g_assert_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_null (normalized);
          g_assert_nonnull (strstr (error->message, cases[i].error_contains));
        }
    }

  g_assert_true (mc_phone_normalize ("0912345678", NULL, NULL));
  g_assert_false (mc_phone_normalize ("0112345678", NULL, NULL));
}

typedef struct
{
  const char *input;
  const char *formatted;
  const char *masked;
} PhoneFormatCase;

static void
test_phone_format (void)
{
  static const PhoneFormatCase cases[] = {
    { "0912345678", "0912 345 678", "09xx xxx 678" },
    { "0321234567", "0321 234 567", "03xx xxx 567" },
    { "02438253536", "024 3825 3536", "02x xxxx x536" },
    { "02838123456", "028 3812 3456", "02x xxxx x456" },
    { "02033123456", "0203 312 3456", "02xx xxx x456" },
    { "12345", "12345", "12345" },                    /* not normalised */
    { "123456", "123456", "12x456" },
    { "", "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = mc_phone_format (cases[i].input);
      g_autofree char *masked = mc_phone_mask (cases[i].input);

      g_assert_cmpstr (formatted, ==, cases[i].formatted);
      g_assert_cmpstr (masked, ==, cases[i].masked);
    }

  {
    g_autofree char *formatted = mc_phone_format (NULL);
    g_autofree char *masked = mc_phone_mask (NULL);

    g_assert_cmpstr (formatted, ==, "");
    g_assert_cmpstr (masked, ==, "");
  }
}

/* ------------------------------------------------------------------------
 * E-mail
 * ------------------------------------------------------------------------ */

static void
test_email (void)
{
  static const PhoneCase cases[] = {
    { "an.nguyen@Example.VN", "an.nguyen@example.vn", NULL },
    { "  An.Nguyen@UBND.HaNoi.gov.vn ", "An.Nguyen@ubnd.hanoi.gov.vn", NULL },
    { "a@b.c", "a@b.c", NULL },
    { "x+tag@mail.com", "x+tag@mail.com", NULL },
    { "", NULL, "Enter" },
    { "   ", NULL, "Enter" },
    { "an nguyen@example.vn", NULL, "spaces" },
    { "an@exam\tple.vn", NULL, "spaces" },
    { "an.example.vn", NULL, "one @" },
    { "an@b@example.vn", NULL, "one @" },
    { "@example.vn", NULL, "before the @" },
    { "an@", NULL, "domain" },
    { "an@localhost", NULL, "domain" },
    { "an@.example.vn", NULL, "domain" },
    { "an@example.vn.", NULL, "domain" },
    { "an@example..vn", NULL, "domain" },
    { "an@exa\xffmple.vn", NULL, "invalid" },
  };
  g_autofree char *long_local = g_strnfill (250, 'a');
  g_autofree char *long_ok = g_strconcat (long_local, "@b.vn", NULL);     /* 255 */
  g_autofree char *just_ok = g_strconcat (long_local, "@b.v", NULL);      /* 254 */

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean ok;

      {
        /* Some inputs are deliberately invalid UTF-8: the TAP log must stay valid text. */
        g_autofree char *shown = g_utf8_make_valid (cases[i].input, -1);
        g_test_message ("email \"%s\"", shown);
      }
      ok = mc_email_normalize (cases[i].input, &normalized, &error);

      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalized, ==, cases[i].expected);
        }
      else
        {
          g_assert_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_null (normalized);
          g_assert_nonnull (strstr (error->message, cases[i].error_contains));
        }
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (mc_email_normalize (long_ok, NULL, &error));
    g_assert_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "254"));
  }

  g_assert_true (mc_email_normalize (just_ok, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/table", test_fold_table);
  g_test_add_func ("/text/fold/vietnamese-vowels", test_fold_vietnamese_vowels);
  g_test_add_func ("/text/fold/decomposed-input", test_fold_decomposed_input);
  g_test_add_func ("/text/fold/invalid", test_fold_invalid);
  g_test_add_func ("/text/fold/perf", test_fold_perf);
  g_test_add_func ("/text/clean/table", test_clean_table);
  g_test_add_func ("/text/clean/too-long", test_clean_too_long);
  g_test_add_func ("/text/person-name", test_person_name);
  g_test_add_func ("/identity/id/table", test_id_table);
  g_test_add_func ("/identity/id/optional-outputs", test_id_optional_outputs);
  g_test_add_func ("/identity/id/current-year", test_id_current_year);
  g_test_add_func ("/identity/province", test_province);
  g_test_add_func ("/identity/id/mask", test_id_mask);
  g_test_add_func ("/identity/phone/normalize", test_phone_normalize);
  g_test_add_func ("/identity/phone/format", test_phone_format);
  g_test_add_func ("/identity/email", test_email);

  return g_test_run ();
}
