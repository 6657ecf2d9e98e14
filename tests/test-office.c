/* test-office.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The office settings registry: every key takes and gives back its values, and refuses what does not parse. */

#include <string.h>

#include "mc-office.h"

static void
test_round_trip (void)
{
  static const struct { const char *key, *value; } cases[] = {
    { "office_name", "UBND xã Tân Lập" },
    { "signer_name", "Nguyễn Văn An" },
    { "morning_open", "07:00" },
    { "cutoff", "15:30" },
    { "afternoon_close", "17:15" },
    { "due_soon_days", "2" },
    { "supplement_mode", "resume" },
    { "supplement_mode", "restart" },
    { "form_numbering", "2018" },
  };
  g_autoptr(McOffice) office = mc_office_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *value = NULL;

      g_assert_true (mc_office_set_value (office, cases[i].key, cases[i].value));
      value = mc_office_get_value (office, cases[i].key);
      g_assert_cmpstr (value, ==, cases[i].value);
    }
  g_assert_cmpint (office->hours.cutoff, ==, 15 * 60 + 30);
  g_assert_cmpint (office->due_soon_days, ==, 2);
  g_assert_cmpint (office->supplement_mode, ==, MC_SUPPLEMENT_RESTART);

  /* Every shared key reads back after a copy. */
  {
    g_autoptr(McOffice) copy = mc_office_copy (office);
    const char * const *keys = mc_office_shared_keys ();

    g_assert_cmpuint (g_strv_length ((char **) keys), >=, 16);
    for (guint i = 0; keys[i]; i++)
      {
        g_autofree char *a = mc_office_get_value (office, keys[i]);
        g_autofree char *b = mc_office_get_value (copy, keys[i]);
        g_assert_cmpstr (a, ==, b);
      }
  }
}

static void
test_refused (void)
{
  static const struct { const char *key, *value; } cases[] = {
    { "no_such_setting", "x" },
    { "cutoff", "25:00" },
    { "cutoff", "15h" },
    { "morning_open", "" },
    { "due_soon_days", "31" },
    { "due_soon_days", "-1" },
    { "due_soon_days", "2 days" },
    { "supplement_mode", "pause" },
    { "form_numbering", "2020" },
    { "form_numbering", NULL },
  };
  g_autoptr(McOffice) office = mc_office_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = mc_office_get_value (office, cases[i].key);
      g_autofree char *after = NULL;

      g_assert_false (mc_office_set_value (office, cases[i].key, cases[i].value));
      after = mc_office_get_value (office, cases[i].key);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_describe (void)
{
  g_autofree char *clock = mc_office_describe_value ("cutoff");
  g_autofree char *number = mc_office_describe_value ("due_soon_days");
  g_autofree char *choice = mc_office_describe_value ("supplement_mode");

  g_assert_nonnull (strstr (clock, "hh:mm"));
  g_assert_nonnull (strstr (number, "0 to 30"));
  g_assert_nonnull (strstr (choice, "restart, resume"));
  g_assert_null (mc_office_describe_value ("no_such_setting"));
}

/* Only what counts working time refolds the dossiers: a changed hour or mode may move a due date, a name or a fee
 * amount (kept with each dossier at intake) never does. */
static void
test_moves_deadlines (void)
{
  static const char *moving[] = { "morning_open", "morning_close", "afternoon_open", "afternoon_close", "cutoff",
                                  "supplement_mode" };
  const char * const *keys = mc_office_shared_keys ();
  guint n_moving = 0;

  for (guint i = 0; i < G_N_ELEMENTS (moving); i++)
    g_assert_true (mc_office_setting_moves_deadlines (moving[i]));
  for (guint i = 0; keys[i] != NULL; i++)
    n_moving += mc_office_setting_moves_deadlines (keys[i]);
  g_assert_cmpuint (n_moving, ==, G_N_ELEMENTS (moving));
  g_assert_false (mc_office_setting_moves_deadlines ("no_such_setting"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/office/round-trip", test_round_trip);
  g_test_add_func ("/office/refused", test_refused);
  g_test_add_func ("/office/describe", test_describe);
  g_test_add_func ("/office/moves-deadlines", test_moves_deadlines);
  return g_test_run ();
}
