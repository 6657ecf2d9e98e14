/* mc-demo-people.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-demo"

/* Who the demo's applicants are: Vietnamese names drawn with the national surname shares, identity numbers of
 * the right shape, mobile numbers, lookup PINs and reproducible UUIDs, all from the generator's seeded random
 * numbers; and the weighted tables they are drawn from. */

#include "config.h"

#include <gio/gio.h>

#include "mc-demo-people.h"
#include "mc-identity.h"

/* Vietnamese names with the national surname shares (data/vn-names.tsv, compiled in). */
#define NAMES_RESOURCE "/io/github/motcua/Desk/data/vn-names.tsv"

void
_mc_demo_table_init (McDemoTable    *table,
                     GDestroyNotify  free_func)
{
  table->items = g_ptr_array_new_with_free_func (free_func);
  table->cumulative = g_array_new (FALSE, FALSE, sizeof (double));
}

void
_mc_demo_table_clear (McDemoTable *table)
{
  g_clear_pointer (&table->items, g_ptr_array_unref);
  g_clear_pointer (&table->cumulative, g_array_unref);
}

void
_mc_demo_table_add (McDemoTable *table,
                    gpointer     item,
                    double       weight)
{
  double total = table->cumulative->len ? g_array_index (table->cumulative, double, table->cumulative->len - 1) : 0;

  total += weight;
  g_ptr_array_add (table->items, item);
  g_array_append_val (table->cumulative, total);
}

gpointer
_mc_demo_table_pick (McDemoTable *table,
                     GRand       *rand)
{
  guint n = table->cumulative->len;
  double x = g_rand_double (rand) * g_array_index (table->cumulative, double, n - 1);
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (table->cumulative, double, mid) > x)
        hi = mid;
      else
        lo = mid + 1;
    }
  return g_ptr_array_index (table->items, lo);
}

static gboolean
load_names (McDemoPeople  *people,
            GError       **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (NAMES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return FALSE;
  contents = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      McDemoTable *table = NULL;
      double weight;

      if (lines[i][0] == '#' || lines[i][0] == '\0' || g_str_has_prefix (lines[i], "kind\t"))
        continue;
      fields = g_strsplit (g_strchomp (lines[i]), "\t", 3);
      if (g_strv_length (fields) != 3)
        continue;
      if (g_str_equal (fields[0], "surname"))
        table = &people->surnames;
      else if (g_str_equal (fields[0], "middle_male"))
        table = &people->middle_male;
      else if (g_str_equal (fields[0], "middle_female"))
        table = &people->middle_female;
      else if (g_str_equal (fields[0], "given_male"))
        table = &people->given_male;
      else if (g_str_equal (fields[0], "given_female"))
        table = &people->given_female;
      weight = g_ascii_strtod (fields[2], NULL);
      if (table == NULL || weight <= 0)
        continue;
      _mc_demo_table_add (table, g_utf8_normalize (fields[1], -1, G_NORMALIZE_NFC), weight);
    }
  if (people->surnames.items->len == 0 || people->middle_male.items->len == 0 || people->middle_female.items->len == 0 ||
      people->given_male.items->len == 0 || people->given_female.items->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s lacks one of the name lists", NAMES_RESOURCE);
      return FALSE;
    }
  return TRUE;
}

/* Loads the name lists and the provinces' codes; @rand stays the caller's. */
gboolean
_mc_demo_people_init (McDemoPeople  *people,
                      GRand         *rand,
                      GError       **error)
{
  people->rand = rand;
  _mc_demo_table_init (&people->surnames, g_free);
  _mc_demo_table_init (&people->middle_male, g_free);
  _mc_demo_table_init (&people->middle_female, g_free);
  _mc_demo_table_init (&people->given_male, g_free);
  _mc_demo_table_init (&people->given_female, g_free);
  people->provinces = g_ptr_array_new_with_free_func (g_free);
  if (!load_names (people, error))
    return FALSE;
  for (int p = 1; p < 100; p++)
    {
      g_autofree char *code = g_strdup_printf ("%03d", p);
      if (mc_id_province_name (code) != NULL)
        g_ptr_array_add (people->provinces, g_steal_pointer (&code));
    }
  return TRUE;
}

void
_mc_demo_people_clear (McDemoPeople *people)
{
  _mc_demo_table_clear (&people->surnames);
  _mc_demo_table_clear (&people->middle_male);
  _mc_demo_table_clear (&people->middle_female);
  _mc_demo_table_clear (&people->given_male);
  _mc_demo_table_clear (&people->given_female);
  g_clear_pointer (&people->provinces, g_ptr_array_unref);
}

char *
_mc_demo_make_name (McDemoPeople *people,
                    gboolean      female)
{
  const char *surname = _mc_demo_table_pick (&people->surnames, people->rand);
  McDemoTable *middle = female ? &people->middle_female : &people->middle_male;
  McDemoTable *given = female ? &people->given_female : &people->given_male;
  const char *m1 = _mc_demo_table_pick (middle, people->rand);
  const char *g = _mc_demo_table_pick (given, people->rand);

  /* Some names carry two middle names ("Nguyễn Thị Thu Hà"). */
  if (g_rand_double (people->rand) < 0.15)
    {
      const char *m2 = _mc_demo_table_pick (middle, people->rand);
      if (g_strcmp0 (m1, m2) != 0 && g_strcmp0 (m2, g) != 0)
        return g_strdup_printf ("%s %s %s %s", surname, m1, m2, g);
    }
  return g_strdup_printf ("%s %s %s", surname, m1, g);
}

/* Number of a mobile line: 09x with x ≠ 5, or 03[2-9], then seven digits. */
char *
_mc_demo_make_phone (GRand *rand)
{
  static const char nine[] = "012346789";
  static const char three[] = "23456789";
  gboolean viettel3 = g_rand_double (rand) < 0.4;
  char second = viettel3 ? '3' : '9';
  char third = viettel3 ? three[g_rand_int_range (rand, 0, 8)] : nine[g_rand_int_range (rand, 0, 9)];

  return g_strdup_printf ("0%c%c%07d", second, third, g_rand_int_range (rand, 0, 10000000));
}

/* Số định danh cá nhân: province of birth registration, century/gender digit, year of birth, six random digits. */
char *
_mc_demo_make_personal_id (McDemoPeople *people,
                           int           birth_year,
                           gboolean      female)
{
  const char *province = g_rand_double (people->rand) < 0.6 ? "001"
                         : g_ptr_array_index (people->provinces, g_rand_int_range (people->rand, 0, people->provinces->len));
  int century = birth_year >= 2000 ? 2 : 0;

  return g_strdup_printf ("%s%d%02d%06d", province, century + (female ? 1 : 0), birth_year % 100,
                          g_rand_int_range (people->rand, 0, 1000000));
}

char *
_mc_demo_make_old_id (GRand *rand)
{
  return g_strdup_printf ("%02d%07d", g_rand_int_range (rand, 1, 39), g_rand_int_range (rand, 0, 10000000));
}

/* A UUID with the v7 layout (time first, then random bits from the seeded generator): reproducible, and the
 * unique indexes on event and dossier UUIDs grow at their end rather than everywhere. */
char *
_mc_demo_make_uuid (GRand    *rand,
                    McMinute  at)
{
  guint64 ms = (guint64) MAX (at, 0) * 60000 + (guint64) g_rand_int_range (rand, 0, 60000);
  guint32 a = g_rand_int (rand), b = g_rand_int (rand), c = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-7%03x-%04x-%04x%08x", (guint32) (ms >> 16), (guint) (ms & 0xffff), a & 0xfff,
                          0x8000 | ((a >> 12) & 0x3fff), b & 0xffff, c);
}

char *
_mc_demo_make_pin (GRand *rand)
{
  static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  char pin[7];

  for (int i = 0; i < 6; i++)
    pin[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
  pin[6] = '\0';
  return g_strdup (pin);
}
