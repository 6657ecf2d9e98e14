/* fuzz-identity.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for what a clerk types into the identity fields: identity numbers (with a birth year and a
 * gender taken from the first bytes), phone numbers and e-mail addresses, and the masks and formats applied to
 * what they accept, and the line an ID card's QR code types (mc_id_card_parse). No crash, no sanitizer report,
 * every accepted value is valid UTF-8 that validates again to itself, and an accepted card's number agrees with
 * its own birth year and gender. */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "mc-id-card.h"
#include "mc-identity.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  int birth_year;
  McGender gender;

  if (size < 3)
    return 0;
  birth_year = 1900 + (data[0] % 201) - (data[0] > 240 ? 1900 : 0);
  gender = (McGender) (data[1] % 3);
  /* Fields are text: what reaches the parsers is NUL-terminated. */
  text = g_strndup ((const char *) data + 2, size - 2);

  if (mc_id_number_validate (text, birth_year, gender, NULL, &id, NULL, NULL))
    {
      g_autofree char *mask = mc_id_number_mask (id);
      g_autofree char *again = NULL;

      g_assert (g_utf8_validate (id, -1, NULL) && g_utf8_validate (mask, -1, NULL));
      g_assert (mc_id_number_validate (id, 0, 0, NULL, &again, NULL, NULL) && g_str_equal (id, again));
    }
  if (mc_phone_normalize (text, &phone, NULL))
    {
      g_autofree char *shown = mc_phone_format (phone);
      g_autofree char *mask = mc_phone_mask (phone);
      g_autofree char *again = NULL;

      g_assert (g_utf8_validate (shown, -1, NULL) && g_utf8_validate (mask, -1, NULL));
      g_assert (mc_phone_normalize (shown, &again, NULL) && g_str_equal (phone, again));
    }
  if (mc_email_normalize (text, &email, NULL))
    g_assert (g_utf8_validate (email, -1, NULL));
  {
    g_autoptr(McIdCard) card = mc_id_card_parse (text, NULL);

    if (card != NULL)
      {
        g_assert (g_utf8_validate (card->name, -1, NULL) && *card->name != '\0');
        g_assert (card->address == NULL || g_utf8_validate (card->address, -1, NULL));
        g_assert (strlen (card->birth_date) == 10 && card->gender != MC_GENDER_UNKNOWN);
        g_assert (mc_id_number_validate (card->id_number, card->birth_year, card->gender, NULL, NULL, NULL, NULL));
      }
  }
  /* The display helpers take text the desk already holds: valid UTF-8. */
  if (g_utf8_validate (text, -1, NULL))
    {
      g_free (mc_id_number_mask (text));
      g_free (mc_phone_format (text));
      g_free (mc_phone_mask (text));
    }
  return 0;
}
