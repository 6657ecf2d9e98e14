/* test-id-card.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>

#include "mc-id-card.h"

#define NOW "2026-02-13T16:30"

/* A card of 2021 (căn cước công dân): the old ID card's number kept, the name as printed. */
#define CARD_2021 "001089012345|012345678|NGUYỄN VĂN AN|15081989|Nam|" \
                  "Số 12 ngõ 34 Hàng Bông, Phường Hàng Bông, Quận Hoàn Kiếm, Hà Nội|10042021"
/* A card of 2024 (thẻ căn cước): no old number, and fields added after the date of issue. */
#define CARD_2024 "079304009876||Lê Hoàng Minh Thư|29022004|Nữ|" \
                  "Tổ 5, Khu phố 2, Phường Sài Gòn, Thành phố Hồ Chí Minh|20082024||VNM"

static void
test_card_2021 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIdCard) card = mc_id_card_parse (CARD_2021, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (card->id_number, ==, "001089012345");
  g_assert_cmpstr (card->old_id_number, ==, "012345678");
  g_assert_cmpstr (card->name, ==, "Nguyễn Văn An");
  g_assert_cmpstr (card->birth_date, ==, "1989-08-15");
  g_assert_cmpint (card->birth_year, ==, 1989);
  g_assert_cmpint (card->gender, ==, MC_GENDER_MALE);
  g_assert_cmpstr (card->address, ==, "Số 12 ngõ 34 Hàng Bông, Phường Hàng Bông, Quận Hoàn Kiếm, Hà Nội");
  g_assert_cmpstr (card->issue_date, ==, "2021-04-10");
}

static void
test_card_2024 (void)
{
  g_autoptr(GError) error = NULL;
  /* As the scanner types it: the line ends with Enter. */
  g_autoptr(McIdCard) card = mc_id_card_parse (CARD_2024 "\r\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (card->id_number, ==, "079304009876");
  g_assert_null (card->old_id_number);
  g_assert_cmpstr (card->name, ==, "Lê Hoàng Minh Thư");
  g_assert_cmpstr (card->birth_date, ==, "2004-02-29");
  g_assert_cmpint (card->birth_year, ==, 2004);
  g_assert_cmpint (card->gender, ==, MC_GENDER_FEMALE);
  g_assert_cmpstr (card->address, ==, "Tổ 5, Khu phố 2, Phường Sài Gòn, Thành phố Hồ Chí Minh");
  g_assert_cmpstr (card->issue_date, ==, "2024-08-20");
}

static void
test_card_variants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIdCard) card = NULL;

  /* No date of issue, a decomposed "Nữ" (as some keyboards send it), a 12-digit old number, no address. */
  card = mc_id_card_parse ("038195001234|031234567890|trần thị  bình|02031995|Nu\xcc\x9b\xcc\x83||", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (card->name, ==, "Trần Thị Bình");
  g_assert_cmpstr (card->old_id_number, ==, "031234567890");
  g_assert_cmpint (card->gender, ==, MC_GENDER_FEMALE);
  g_assert_null (card->address);
  g_assert_null (card->issue_date);
  g_clear_pointer (&card, mc_id_card_free);

  card = mc_id_card_parse ("038195001234||Trần Thị Bình|02031995|NỮ|Thanh Hóa", &error);
  g_assert_no_error (error);
  g_assert_cmpint (card->gender, ==, MC_GENDER_FEMALE);
  g_assert_null (card->issue_date);
}

typedef struct
{
  const char *line;
  const char *message;   /* a part of the reason given */
} Refusal;

static void
test_card_refused (void)
{
  static const Refusal cases[] = {
    /* The number's digits 5–6 say 1989; the date says 1990. */
    { "001089012345||Nguyễn Văn An|15081990|Nam|Hà Nội|10042021", "Digits 5–6 (89)" },
    /* The 4th digit 0 is a man; the card says Nữ. */
    { "001089012345||Nguyễn Thị An|15081989|Nữ|Hà Nội|10042021", "is for a man" },
    /* The 4th digit 2 is a man born in the 2000s. */
    { "001289012345||Nguyễn Văn An|15081989|Nam|Hà Nội|10042021", "4th digit (2)" },
    { "001089012345||Nguyễn Văn An|31021989|Nam|Hà Nội|10042021", "not a real day" },
    { "001089012345||Nguyễn Văn An|1508198|Nam|Hà Nội|10042021", "ddmmyyyy" },
    { "001026012345||Nguyễn Văn An|15082026|Nam|Hà Nội|10042021", "in the future" },
    { "001089012345||Nguyễn Văn An|15081989|Nam|Hà Nội|10041980", "before the date of birth" },
    { "001089012345||Nguyễn Văn An|15081989|Nam|Hà Nội|31132021", "date of issue is not a real day" },
    { "00108901234||Nguyễn Văn An|15081989|Nam|Hà Nội|10042021", "12 digits" },
    { "001089012345|12345|Nguyễn Văn An|15081989|Nam|Hà Nội|10042021", "neither 9 nor 12" },
    { "001089012345|| |15081989|Nam|Hà Nội|10042021", "name" },
    { "001089012345||Nguyễn Văn An|15081989|M|Hà Nội|10042021", "neither Nam nor Nữ" },
    { "001089012345||Nguyễn Văn An|15081989|Nam", "not the QR code" },
    { "001089012345||Nguyễn Văn An|15081989|Nam|Hà\x01Nội|10042021", "address" },
    { "https://example.vn/xyz", "not the QR code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McIdCard) card = mc_id_card_parse (cases[i].line, &error);

      g_test_message ("%s", cases[i].line);
      g_assert_null (card);
      g_assert_error (error, MC_IDENTITY_ERROR, MC_IDENTITY_ERROR_INVALID);
      if (g_strstr_len (error->message, -1, cases[i].message) == NULL)
        g_error ("“%s”: the reason “%s” does not say “%s”", cases[i].line, error->message, cases[i].message);
    }
}

static void
test_line_starts (void)
{
  g_assert_true (mc_id_card_line_starts (CARD_2021));
  g_assert_true (mc_id_card_line_starts ("001089012345|"));
  g_assert_false (mc_id_card_line_starts ("001089012345"));
  g_assert_false (mc_id_card_line_starts ("00108901234|"));
  g_assert_false (mc_id_card_line_starts ("0010890123a5|"));
  g_assert_false (mc_id_card_line_starts (""));
  g_assert_false (mc_id_card_line_starts (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-card/2021", test_card_2021);
  g_test_add_func ("/id-card/2024", test_card_2024);
  g_test_add_func ("/id-card/variants", test_card_variants);
  g_test_add_func ("/id-card/refused", test_card_refused);
  g_test_add_func ("/id-card/line-starts", test_line_starts);

  return g_test_run ();
}
