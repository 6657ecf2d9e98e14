/* fuzz-data.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the data loaders and the date parsers: the procedure catalogue and the holiday schedules
 * (the same JSON readers that load data/ and the administrator's imports), and the ISO time and date parsers
 * every command-line argument and sync event goes through. The first byte picks the reader. No crash, no
 * sanitizer report; what a parser accepts formats back to something it accepts again, and the JSON reader of the
 * sync files agrees with JSON-GLib. */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "mc-calendar.h"
#include "mc-json.h"
#include "mc-procedure.h"
#include "mc-time.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *bytes = (const char *) data + 1;
  gsize len = size - 1;

  if (size < 1)
    return 0;
  switch (data[0] % 5)
    {
    case 0:
      {
        g_autoptr(GPtrArray) procedures = mc_procedure_parse_catalogue (bytes, (gssize) len, NULL);

        for (guint i = 0; procedures != NULL && i < procedures->len; i++)
          g_free (mc_procedure_describe_duration (g_ptr_array_index (procedures, i)));
      }
      break;

    case 1:
      {
        g_autoptr(McCalendar) calendar = mc_calendar_new ();

        if (mc_calendar_load_schedule (calendar, bytes, (gssize) len, NULL))
          {
            /* A loaded schedule must leave the calendar usable. */
            McMinute received = mc_minute_from_jdn (mc_jdn_from_ymd (2026, 1, 5), 600);
            McMinute due = mc_calendar_compute_due (calendar, received, MC_UNIT_WORKING_DAYS, 15, TRUE);

            g_assert (due != MC_MINUTE_NONE);
          }
      }
      break;

    case 2:
      {
        g_autofree char *text = g_strndup (bytes, len);
        McMinute minute;

        if (mc_time_parse (text, &minute, NULL))
          {
            g_autofree char *iso = mc_time_format_iso (minute);
            McMinute again;

            g_assert (mc_time_parse (iso, &again, NULL) && again == minute);
          }
      }
      break;

    case 4:
      {
        /* The sync reader's JSON parser, held against JSON-GLib's: what it accepts, JSON-GLib reads the same
         * (integers beyond 64 bits aside, which JSON-GLib misreads). */
        g_autoptr(JsonNode) ours = mc_json_parse (bytes, len, 32, NULL);

        if (ours != NULL && memchr (bytes, '\0', len) == NULL)
          {
            g_autoptr(JsonParser) parser = json_parser_new ();
            g_autofree char *text = g_strndup (bytes, len);
            g_autofree char *mine = json_to_string (ours, FALSE);

            g_assert (g_utf8_validate (mine, -1, NULL));
            if (json_parser_load_from_data (parser, text, -1, NULL))
              {
                g_autofree char *theirs = json_to_string (json_parser_get_root (parser), FALSE);

                g_assert (g_str_equal (mine, theirs) || strstr (mine, "e+") != NULL || strstr (theirs, "-1") != NULL);
              }
          }
      }
      break;

    default:
      {
        g_autofree char *text = g_strndup (bytes, len);
        int jdn;

        if (mc_date_parse (text, &jdn, NULL))
          {
            int y, m, d;
            g_autofree char *iso = NULL;
            int again;

            mc_jdn_to_ymd (jdn, &y, &m, &d);
            iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
            g_assert (mc_date_parse (iso, &again, NULL) && again == jdn);
          }
      }
      break;
    }
  return 0;
}
