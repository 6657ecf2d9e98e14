/* mc-cli-dossier.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One dossier at the desk: receiving it, finding it, the steps of its life, corrections, the citizen's rating,
 * the hand-over to the post. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-event.h"
#include "mc-id-card.h"
#include "mc-cli.h"

int
mc_cmd_intake (McCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *procedure = NULL, *name = NULL, *id_number = NULL, *phone = NULL, *email = NULL;
  g_autofree char *address = NULL, *received_text = NULL, *channel = NULL, *notes = NULL, *clerk = NULL;
  g_autofree char *proxy_name = NULL, *proxy_id = NULL, *proxy_phone = NULL, *proxy_address = NULL;
  g_autofree char *proxy_email = NULL, *proxy_authorisation = NULL;
  g_autofree char *gender = NULL, *birth_date = NULL, *id_card_qr = NULL;
  g_autoptr(McIdCard) card = NULL;
  int birth_year = 0, sets = 0;
  gboolean post = FALSE, on_the_spot = FALSE;
  g_autofree char *exemption = NULL;
  int fee_pages = 0, fee_copies = 0;
  GOptionEntry entries[] = {
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &procedure, N_("Procedure code"), "CODE" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Applicant's full name"), "NAME" },
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("Personal ID number (12 digits), old ID card or passport"), "N" },
    { "birth-year", 0, 0, G_OPTION_ARG_INT, &birth_year, N_("Applicant's year of birth"), "YYYY" },
    { "birth-date", 0, 0, G_OPTION_ARG_STRING, &birth_date, N_("Applicant's date of birth"), "YYYY-MM-DD" },
    { "gender", 0, 0, G_OPTION_ARG_STRING, &gender, N_("male or female"), "G" },
    { "id-card-qr", 0, 0, G_OPTION_ARG_STRING, &id_card_qr,
      N_("The line read from the QR code of the applicant's chip ID card: it gives the name, ID number, date of birth, gender and address"),
      "LINE" },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), "P" },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("E-mail address"), "E" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Address"), "A" },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received_text, N_("When it was received (default: now)"), "ISO" },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("in_person, post, online or linked"), "C" },
    { "sets", 0, 0, G_OPTION_ARG_INT, &sets, N_("Number of sets"), "N" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes"), "TEXT" },
    { "post", 0, 0, G_OPTION_ARG_NONE, &post, N_("Send the result by post"), NULL },
    { "on-the-spot", 0, 0, G_OPTION_ARG_NONE, &on_the_spot,
      N_("Same-day procedures: receive, decide and return now, while the citizen waits"), NULL },
    { "proxy-name", 0, 0, G_OPTION_ARG_STRING, &proxy_name, N_("Name of the person filing on the applicant's behalf"), "NAME" },
    { "proxy-id-number", 0, 0, G_OPTION_ARG_STRING, &proxy_id, N_("The proxy's ID number"), "N" },
    { "proxy-phone", 0, 0, G_OPTION_ARG_STRING, &proxy_phone, N_("The proxy's phone"), "P" },
    { "proxy-address", 0, 0, G_OPTION_ARG_STRING, &proxy_address, N_("The proxy's address"), "A" },
    { "proxy-email", 0, 0, G_OPTION_ARG_STRING, &proxy_email, N_("The proxy's e-mail"), "E" },
    { "proxy-authorisation", 0, 0, G_OPTION_ARG_STRING, &proxy_authorisation,
      N_("The paper authorising the proxy: its kind, number and date"), "TEXT" },
    { "clerk", 0, 0, G_OPTION_ARG_STRING, &clerk, N_("The clerk receiving it (default: the station's)"), "NAME" },
    { "fee-pages", 0, 0, G_OPTION_ARG_INT, &fee_pages, N_("Pages the fee is counted on (certified copies)"), "N" },
    { "fee-copies", 0, 0, G_OPTION_ARG_INT, &fee_copies,
      N_("Copies, signatures or contracts the fee is counted on"), "N" },
    { "exemption", 0, 0, G_OPTION_ARG_STRING, &exemption,
      N_("The fee exemption's code (see procedures --json), or none"), "CODE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autofree char *warning = NULL;
  McIntake intake = { 0 };
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (id_card_qr != NULL && (name != NULL || id_number != NULL || birth_year != 0 || birth_date != NULL ||
                             gender != NULL))
    return mc_cli_usage_error (_("--id-card-qr gives the name, ID number, date of birth and gender: leave out --name, --id-number, --birth-year, --birth-date and --gender"));
  if (argc > 1 || procedure == NULL || (name == NULL && id_card_qr == NULL))
    return mc_cli_usage_error (_("intake needs --procedure and --name (or --id-card-qr)"));
  if (id_card_qr != NULL)
    {
      /* The same reading and checks as the desk's scanner: a line that contradicts itself fills nothing. */
      card = mc_id_card_parse (id_card_qr, &error);
      if (card == NULL)
        return mc_cli_fail (error);
    }

  intake.procedure_code = procedure;
  intake.applicant_name = card ? card->name : name;
  intake.fee_pages = fee_pages;
  intake.fee_count = fee_copies;
  intake.fee_exemption = g_strcmp0 (exemption, "none") == 0 ? "" : exemption;
  intake.id_number = card ? card->id_number : id_number;
  intake.birth_year = birth_year;
  intake.birth_date = card ? card->birth_date : birth_date;
  intake.gender = card ? card->gender : MC_GENDER_UNKNOWN;
  if (gender != NULL)
    {
      if (g_str_equal (gender, "male"))
        intake.gender = MC_GENDER_MALE;
      else if (g_str_equal (gender, "female"))
        intake.gender = MC_GENDER_FEMALE;
      else
        return mc_cli_usage_error (_("--gender is male or female"));
    }
  intake.phone = phone;
  intake.email = email;
  intake.address = address == NULL && card != NULL ? card->address : address;
  intake.proxy_name = proxy_name;
  intake.proxy_id_number = proxy_id;
  intake.proxy_phone = proxy_phone;
  intake.proxy_address = proxy_address;
  intake.proxy_email = proxy_email;
  intake.proxy_authorisation = proxy_authorisation;
  intake.sets = sets;
  intake.notes = notes;
  intake.clerk = clerk;
  intake.result_delivery = post ? "post" : "desk";
  intake.channel = MC_CHANNEL_IN_PERSON;
  if (channel != NULL && !mc_channel_from_string (channel, &intake.channel))
    return mc_cli_usage_error (_("--channel is in_person, post, online or linked"));
  intake.received = MC_MINUTE_NONE;
  if (received_text != NULL && !mc_time_parse (received_text, &intake.received, &error))
    return mc_cli_fail (error);

  if (!mc_cli_prepare (cli, &status))
    return status;
  dossier = on_the_spot ? mc_store_serve_on_the_spot (cli->store, &intake, &error)
                        : mc_store_intake (cli->store, &intake, &warning, &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  if (warning != NULL)
    g_printerr ("motcua-cli: %s\n", warning);
  mc_cli_print_dossier (cli, dossier);
  return EXIT_OK;
}

int
mc_cmd_show (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GPtrArray) events = NULL;
  int status;

  if (!mc_cli_parse_options ("CODE", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("show needs a dossier code"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  dossier = mc_store_get_dossier (cli->store, argv[1], &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  mc_cli_print_dossier (cli, dossier);
  if (!cli->json)
    {
      events = mc_store_get_events (cli->store, dossier->uuid, &error);
      if (events == NULL)
        return mc_cli_fail (error);
      g_print ("%s\n", _("History:"));
      for (guint i = 0; i < events->len; i++)
        {
          McEvent *e = g_ptr_array_index (events, i);
          g_print ("  %s  %-22s  %s\n", e->occurred_at, e->kind, e->clerk);
        }
    }
  return EXIT_OK;
}

static gboolean
parse_status_mask (const char *text,
                   guint      *status_mask,
                   guint      *due_mask)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      McStatus status;
      McDueState state;

      if (g_str_equal (parts[i], "open"))
        *status_mask |= (1u << MC_STATUS_IN_PROGRESS) | (1u << MC_STATUS_PAUSED);
      else if (mc_status_from_string (parts[i], &status))
        *status_mask |= 1u << status;
      else if (mc_due_state_from_string (parts[i], &state) &&
               (state == MC_DUE_STATE_ON_TRACK || state == MC_DUE_STATE_DUE_SOON || state == MC_DUE_STATE_OVERDUE))
        *due_mask |= 1u << state;
      else
        return FALSE;
    }
  return TRUE;
}

int
mc_cmd_list (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *status_text = NULL, *due_before = NULL;
  int limit = 100;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Comma-separated: open, in_progress, paused, result_ready, returned, refused, stopped, on_track, due_soon, overdue"), "S" },
    { "due-before", 0, 0, G_OPTION_ARG_STRING, &due_before, N_("Only dossiers due before this date"), "DATE" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N dossiers (default 100)"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  McQuery query;
  int status;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return mc_cli_usage_error (_("list takes no arguments"));
  if (limit < 1 || limit > 100000)
    return mc_cli_usage_error (_("--limit must be between 1 and 100000"));
  mc_query_init (&query);
  query.limit = (guint) limit;
  if (status_text != NULL && !parse_status_mask (status_text, &query.status_mask, &query.due_state_mask))
    return mc_cli_usage_error (_("Unknown --status; see “motcua-cli list --help”"));
  if (due_before != NULL)
    {
      int jdn;

      if (!mc_date_parse (due_before, &jdn, &error))
        return mc_cli_fail (error);
      query.due_before = mc_minute_from_jdn (jdn, 0);
    }
  if (!mc_cli_prepare (cli, &status))
    return status;
  dossiers = mc_store_query (cli->store, &query, &error);
  if (dossiers == NULL)
    return mc_cli_fail (error);
  return mc_cli_print_dossier_list (cli, dossiers, query.now);
}

int
mc_cmd_search (McCli  *cli,
               int     argc,
               char  **argv)
{
  int limit = 50;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N dossiers (default 50)"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autofree char *text = NULL;
  McQuery query;
  int status;

  if (!mc_cli_parse_options ("TEXT", entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return mc_cli_usage_error (_("search needs the text to look for"));
  if (limit < 1 || limit > 100000)
    return mc_cli_usage_error (_("--limit must be between 1 and 100000"));
  text = g_strjoinv (" ", argv + 1);
  if (!g_utf8_validate (text, -1, NULL))
    return mc_cli_fail_message (_("The search text is not valid UTF-8"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  mc_query_init (&query);
  query.text = text;
  query.sort = MC_SORT_RECEIVED_DESC;
  query.limit = (guint) limit;
  dossiers = mc_store_query (cli->store, &query, &error);
  if (dossiers == NULL)
    return mc_cli_fail (error);
  return mc_cli_print_dossier_list (cli, dossiers, query.now);
}

/* The lifecycle steps (docs/cli.md): one command each, one event each, told apart by the command's name. */
static const struct
{
  const char *command;
  const char *kind;
  gboolean    needs_reason;
} steps[] = {
  { "request-supplement", MC_EVENT_SUPPLEMENT_REQUESTED, TRUE },
  { "complete-supplement", MC_EVENT_SUPPLEMENT_COMPLETED, FALSE },
  { "refuse", MC_EVENT_REFUSED, TRUE },
  { "stop", MC_EVENT_STOP_REQUESTED, TRUE },
  { "result-ready", MC_EVENT_RESULT_READY, FALSE },
  { "return", MC_EVENT_RETURNED, FALSE },
};

int
mc_cmd_step (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *reason = NULL, *at = NULL, *receiver = NULL, *clerk = NULL;
  g_auto(GStrv) items = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (recorded and printed on the form)"), "R" },
    { "item", 0, 0, G_OPTION_ARG_STRING_ARRAY, &items,
      N_("One thing to complete (request-supplement only; repeat for each)"), "TEXT" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it happened (default: now)"), "ISO" },
    { "receiver", 0, 0, G_OPTION_ARG_STRING, &receiver, N_("Who received the result (return only)"), "NAME" },
    { "clerk", 0, 0, G_OPTION_ARG_STRING, &clerk, N_("The clerk recording it (default: the station's)"), "NAME" },
    { NULL }
  };
  g_autoptr(JsonObject) payload = json_object_new ();
  guint step;
  int status;

  for (step = 0; !g_str_equal (steps[step].command, argv[0]); step++)
    g_assert (step + 1 < G_N_ELEMENTS (steps));
  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return mc_cli_usage_error (_("Give the dossier code"));
  if (steps[step].needs_reason && (reason == NULL || *reason == '\0'))
    return mc_cli_usage_error (_("This step needs --reason"));
  if (at != NULL && !mc_cli_set_time (payload, "at", at, &status))
    return status;
  if (reason != NULL)
    json_object_set_string_member (payload, "reason", reason);
  if (receiver != NULL)
    json_object_set_string_member (payload, "receiver", receiver);
  if (items != NULL)
    {
      JsonArray *array = json_array_new ();

      if (!g_str_equal (steps[step].kind, MC_EVENT_SUPPLEMENT_REQUESTED))
        {
          json_array_unref (array);
          return mc_cli_usage_error (_("--item is for request-supplement only"));
        }
      for (guint i = 0; items[i]; i++)
        {
          g_autofree char *item = g_strstrip (g_strdup (items[i]));

          if (*item == '\0')
            {
              json_array_unref (array);
              return mc_cli_usage_error (_("An --item is empty: say what is to be completed"));
            }
          json_array_add_string_element (array, item);
        }
      json_object_set_array_member (payload, "items", array);
    }
  return mc_cli_record (cli, argv[1], steps[step].kind, payload, clerk, NULL);
}

int
mc_cmd_rate (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *rating = NULL, *comment = NULL;
  GOptionEntry entries[] = {
    { "rating", 0, 0, G_OPTION_ARG_STRING, &rating,
      N_("very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied or declined"), "R" },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("The citizen's comment"), "TEXT" },
    { NULL }
  };
  g_autoptr(JsonObject) payload = json_object_new ();
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || rating == NULL)
    return mc_cli_usage_error (_("rate needs a dossier code and --rating"));
  json_object_set_string_member (payload, "rating", rating);
  if (comment != NULL)
    json_object_set_string_member (payload, "comment", comment);
  return mc_cli_record (cli, argv[1], MC_EVENT_RATING_RECORDED, payload, NULL, NULL);
}

int
mc_cmd_post (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *tracking = NULL, *at = NULL;
  GOptionEntry entries[] = {
    { "tracking", 0, 0, G_OPTION_ARG_STRING, &tracking, N_("The item's tracking number on the postal receipt"),
      "NUMBER" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it was handed over (default: now)"), "ISO" },
    { NULL }
  };
  g_autoptr(JsonObject) payload = json_object_new ();
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || tracking == NULL)
    return mc_cli_usage_error (_("post needs a dossier code and --tracking"));
  json_object_set_string_member (payload, "tracking_number", tracking);
  json_object_set_string_member (payload, "receiver", "Bưu chính công ích");
  if (at != NULL)
    json_object_set_string_member (payload, "at", at);
  return mc_cli_record (cli, argv[1], MC_EVENT_RETURNED, payload, NULL, NULL);
}

int
mc_cmd_correct (McCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *field = NULL, *value = NULL, *reason = NULL;
  GOptionEntry entries[] = {
    { "field", 0, 0, G_OPTION_ARG_STRING, &field,
      N_("applicant_name, id_number, phone, email, address, notes, official_code or result_delivery"), "F" },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The corrected value"), "V" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is corrected"), "R" },
    { NULL }
  };
  g_autoptr(JsonObject) payload = json_object_new ();
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || field == NULL || value == NULL || reason == NULL)
    return mc_cli_usage_error (_("correct needs a dossier code, --field, --value and --reason"));
  json_object_set_string_member (payload, "field", field);
  json_object_set_string_member (payload, "value", value);
  json_object_set_string_member (payload, "reason", reason);
  return mc_cli_record (cli, argv[1], MC_EVENT_EDITED, payload, NULL, NULL);
}
