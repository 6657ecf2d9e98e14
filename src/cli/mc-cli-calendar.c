/* mc-cli-calendar.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the calendar and the catalogue answer, with or without a database: lunar dates, the year's holidays, a
 * due moment, the procedures. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-calendar.h"
#include "mc-lunar.h"
#include "mc-cli.h"
#include "mc-procedure-search.h"

/* Commands that only compute (procedures, holidays, due) open the database when there is one
 * (MC_CLI_OPENS_DB_IF_ANY), for the office's calendar and catalogue; without one, the shipped rules stand in. */
static McCalendar *
calendar_for (McCli *cli)
{
  if (cli->store != NULL)
    return g_object_ref (mc_store_get_calendar (cli->store));
  return mc_calendar_new ();
}

static GPtrArray *
load_procedures (McCli   *cli,
                 GError **error)
{
  if (cli->store != NULL && mc_store_is_set_up (cli->store))
    return mc_store_list_procedures (cli->store, error);
  {
    g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/motcua/Desk/data/procedures.json", 0, error);
    gsize len;
    const char *data;

    if (bytes == NULL)
      return NULL;
    data = g_bytes_get_data (bytes, &len);
    return mc_procedure_parse_catalogue (data, (gssize) len, error);
  }
}

int
mc_cmd_procedures (McCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the procedures whose name or code has these words, best first"), "TEXT" },
    { NULL }
  };
  g_autoptr(GPtrArray) procedures = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return mc_cli_usage_error (_("procedures takes no arguments; search with --search TEXT"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  procedures = load_procedures (cli, &error);
  if (procedures == NULL)
    return mc_cli_fail (error);
  if (search != NULL)
    {
      g_autoptr(GHashTable) usage = NULL;
      GPtrArray *found;

      /* The same order as the desk's finder: the office's habits when there is an office. */
      if (cli->store != NULL && mc_store_is_set_up (cli->store))
        {
          usage = mc_store_procedure_usage (cli->store, &error);
          if (usage == NULL)
            return mc_cli_fail (error);
        }
      found = mc_procedure_search (procedures, search, usage);
      g_ptr_array_unref (procedures);
      procedures = found;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "procedures");
      json_builder_begin_array (builder);
      for (guint i = 0; i < procedures->len; i++)
        mc_procedure_to_json (g_ptr_array_index (procedures, i), builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
      return EXIT_OK;
    }
  for (guint i = 0; i < procedures->len; i++)
    {
      McProcedure *p = g_ptr_array_index (procedures, i);
      g_autofree char *duration = mc_procedure_describe_duration (p);

      g_print ("%-10s  %-18s  %s\n", p->code, duration, p->name);
    }
  return EXIT_OK;
}

int
mc_cmd_lunar (McCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *can_chi = NULL;
  McLunarDate lunar;
  int status, jdn, y, m, d;

  if (!mc_cli_parse_options ("YYYY-MM-DD", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("lunar needs one date, YYYY-MM-DD"));
  if (!mc_date_parse (argv[1], &jdn, &error))
    return mc_cli_fail (error);
  mc_jdn_to_ymd (jdn, &y, &m, &d);
  if (!mc_lunar_from_gregorian (y, m, d, &lunar, &error))
    return mc_cli_fail (error);
  can_chi = mc_lunar_can_chi_year (lunar.year);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_string (builder, "date", argv[1]);
      mc_json_add_int (builder, "day", lunar.day);
      mc_json_add_int (builder, "month", lunar.month);
      mc_json_add_int (builder, "year", lunar.year);
      mc_json_add_boolean (builder, "leap", lunar.leap);
      mc_json_add_string (builder, "can_chi", can_chi);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    g_print ("%d/%d%s %s (%d)\n", lunar.day, lunar.month, lunar.leap ? _(" (leap)") : "", can_chi, lunar.year);
  return EXIT_OK;
}

static const char *
day_kind_name (McDayKind kind)
{
  switch (kind)
    {
    case MC_DAY_HOLIDAY: return "holiday";
    case MC_DAY_WORKED_SATURDAY: return "worked_saturday";
    case MC_DAY_OFFICE_CLOSED: return "office_closed";
    case MC_DAY_OFFICE_WORKDAY: return "office_workday";
    case MC_DAY_WEEKEND: return "weekend";
    case MC_DAY_WORKING:
    default: return "working";
    }
}

int
mc_cmd_holidays (McCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 year;
  int status;

  if (!mc_cli_parse_options ("YEAR", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("holidays needs a year"));
  if (!g_ascii_string_to_signed (argv[1], 10, MC_TIME_MIN_YEAR, MC_TIME_MAX_YEAR, &year, NULL))
    return mc_cli_fail_message (_("The year must be between 1900 and 2100"));
  if (!mc_cli_prepare (cli, &status))
    return status;

  calendar = calendar_for (cli);
  json_builder_begin_object (builder);
  mc_json_add_int (builder, "year", year);
  mc_json_add_boolean (builder, "official", mc_calendar_has_schedule (calendar, (int) year));
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  if (!cli->json)
    g_print ("%s\n", mc_calendar_has_schedule (calendar, (int) year)
                       ? _("Official schedule")
                       : _("Provisional: statutory rule, no official schedule announced yet"));

  for (int jdn = mc_jdn_from_ymd ((int) year, 1, 1); jdn <= mc_jdn_from_ymd ((int) year, 12, 31); jdn++)
    {
      McDayInfo info;
      int wd = mc_jdn_weekday (jdn);
      gboolean weekend = wd == 0 || wd == 6;
      g_autofree char *date = NULL;

      mc_calendar_get_day (calendar, jdn, &info);
      /* Non-working weekdays and worked weekend days. */
      if (weekend ? !info.working : info.working)
        continue;
      date = mc_date_format_iso (jdn);
      if (cli->json)
        {
          json_builder_begin_object (builder);
          mc_json_add_string (builder, "date", date);
          mc_json_add_int (builder, "weekday", wd == 0 ? 7 : wd);
          mc_json_add_string (builder, "kind", day_kind_name (info.kind));
          mc_json_add_boolean (builder, "working", info.working);
          mc_json_add_string (builder, "name", info.name);
          mc_json_add_boolean (builder, "provisional", info.provisional);
          json_builder_end_object (builder);
        }
      else
        g_print ("%s  %s  %s%s\n", date, info.working ? _("working") : _("day off"),
                 info.name ? info.name : "", info.provisional ? _(" (provisional)") : "");
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (cli->json)
    mc_cli_print_json (builder);
  return EXIT_OK;
}

int
mc_cmd_due (McCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *received_text = NULL, *procedure_code = NULL;
  int days = 0, hours = 0;
  gboolean same_day = FALSE, no_cutoff = FALSE;
  GOptionEntry entries[] = {
    { "received", 0, 0, G_OPTION_ARG_STRING, &received_text, N_("When the dossier was received"), "ISO" },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &procedure_code, N_("Use this procedure's time limit"), "CODE" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("A limit of N working days"), "N" },
    { "hours", 0, 0, G_OPTION_ARG_INT, &hours, N_("A limit of N working hours"), "N" },
    { "same-day", 0, 0, G_OPTION_ARG_NONE, &same_day, N_("A same-day procedure"), NULL },
    { "no-cutoff", 0, 0, G_OPTION_ARG_NONE, &no_cutoff, N_("The 15:00 rule does not apply (with --days or --hours)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autofree char *slip_text = NULL;
  McMinute received, due, start;
  McUnit unit;
  int duration;
  gboolean cutoff;
  int status, given;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  given = (procedure_code != NULL) + (days > 0) + (hours > 0) + (same_day != FALSE);
  if (received_text == NULL || given != 1 || argc > 1)
    return mc_cli_usage_error (_("due needs --received and one of --procedure, --days, --hours or --same-day"));
  if (!mc_time_parse (received_text, &received, &error))
    return mc_cli_fail (error);
  if (!mc_cli_prepare (cli, &status))
    return status;

  calendar = calendar_for (cli);
  if (procedure_code != NULL)
    {
      g_autoptr(GPtrArray) procedures = load_procedures (cli, &error);
      McProcedure *found = NULL;

      if (procedures == NULL)
        return mc_cli_fail (error);
      for (guint i = 0; i < procedures->len && !found; i++)
        if (g_str_equal (((McProcedure *) g_ptr_array_index (procedures, i))->code, procedure_code))
          found = g_ptr_array_index (procedures, i);
      if (found == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("There is no procedure with code “%s” in the catalogue"),
                                                  procedure_code);
          return mc_cli_fail_message (msg);
        }
      unit = found->unit;
      duration = found->duration;
      cutoff = found->cutoff;
    }
  else if (days > 0)
    unit = MC_UNIT_WORKING_DAYS, duration = days, cutoff = !no_cutoff;
  else if (hours > 0)
    unit = MC_UNIT_WORKING_HOURS, duration = hours, cutoff = !no_cutoff;
  else
    unit = MC_UNIT_SAME_DAY, duration = 0, cutoff = TRUE;

  if (duration > 365 * (unit == MC_UNIT_WORKING_HOURS ? 8 : 1))
    return mc_cli_fail_message (_("The time limit is too long"));

  start = mc_calendar_start_of_count (calendar, received, cutoff);
  due = mc_calendar_compute_due (calendar, received, unit, duration, cutoff);
  skipped = mc_calendar_skipped_holidays (calendar, received, due);
  slip_text = mc_time_format_vietnamese (due);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_time (builder, "received", received);
      mc_json_add_time (builder, "start", start);
      mc_json_add_time (builder, "due", due);
      mc_json_add_string (builder, "due_text", slip_text);
      mc_json_add_string (builder, "unit", mc_unit_to_string (unit));
      mc_json_add_int (builder, "duration", duration);
      mc_json_add_boolean (builder, "cutoff", cutoff);
      mc_json_add_strings (builder, "skipped", skipped);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
    }
  else
    {
      g_print ("%s\n", slip_text);
      for (guint i = 0; i < skipped->len; i++)
        g_print (_("Moved by: %s\n"), (const char *) g_ptr_array_index (skipped, i));
    }
  return EXIT_OK;
}
