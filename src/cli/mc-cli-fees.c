/* mc-cli-fees.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fees at the command line: a payment or a refund recorded for a dossier, and the fee book of a period (its lines
 * and totals as text, JSON, CSV or PDF). docs/fees.md. */

#define G_LOG_DOMAIN "motcua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-document.h"
#include "mc-fee-book.h"
#include "mc-fee.h"
#include "mc-cli.h"

int
mc_cmd_fee (McCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *amount_text = NULL, *receipt = NULL, *method = NULL, *at = NULL, *reason = NULL;
  gboolean refund = FALSE;
  int pages = 0, copies = 0;
  GOptionEntry entries[] = {
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("The amount in đồng, e.g. 20000 or 20.000"), "VND" },
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages, N_("Pages the fee was counted on"), "N" },
    { "copies", 0, 0, G_OPTION_ARG_INT, &copies,
      N_("Copies, signatures or contracts the fee was counted on"), "N" },
    { "receipt", 0, 0, G_OPTION_ARG_STRING, &receipt, N_("The official receipt's number"), "NUMBER" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method, N_("cash (default), transfer or online"), "M" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it was paid (default: now)"), "ISO" },
    { "refund", 0, 0, G_OPTION_ARG_NONE, &refund, N_("Give money back instead of taking it"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the money is given back"), "TEXT" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  McFeePayment payment = { 0 };
  int status;

  if (!mc_cli_parse_options ("CODE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || amount_text == NULL)
    return mc_cli_usage_error (_("fee needs a dossier code and --amount"));
  if (refund && reason == NULL)
    return mc_cli_usage_error (_("A refund needs --reason"));
  if (!refund && reason != NULL)
    return mc_cli_usage_error (_("--reason goes with --refund"));
  if (!mc_fee_parse_amount (amount_text, &payment.amount, &error))
    return mc_cli_fail (error);
  if (!mc_cli_prepare (cli, &status))
    return status;
  payment.pages = pages;
  payment.copies = copies;
  payment.receipt = receipt;
  payment.method = method;
  payment.at = at;
  payment.reason = reason;
  dossier = refund ? mc_store_refund_fee (cli->store, argv[1], &payment, &error)
                   : mc_store_pay_fee (cli->store, argv[1], &payment, &error);
  if (dossier == NULL)
    return mc_cli_fail (error);
  mc_cli_print_dossier (cli, dossier);
  return EXIT_OK;
}

static void
add_row_json (JsonBuilder *builder,
              McFeeRow    *row)
{
  json_builder_begin_object (builder);
  mc_json_add_time (builder, "at", row->at);
  mc_json_add_string (builder, "kind", row->refund ? "refund" : "payment");
  mc_json_add_string (builder, "dossier", row->dossier_code);
  mc_json_add_string (builder, "payer", row->payer);
  mc_json_add_string (builder, "procedure", row->procedure_code);
  mc_json_add_string (builder, "procedure_name", row->procedure_name);
  mc_json_add_string (builder, "receipt", row->receipt);
  mc_json_add_string (builder, "method", row->method);
  mc_json_add_int (builder, "amount", row->amount);
  mc_json_add_boolean (builder, "duplicate_receipt", row->duplicate_receipt);
  if (row->reason)
    mc_json_add_string (builder, "reason", row->reason);
  json_builder_end_object (builder);
}

static int
print_book (McCli *cli,
            int    from,
            int    to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  McFeeTotals totals;

  rows = mc_fee_book_rows (cli->store, from, to, &totals, &error);
  if (rows == NULL)
    return mc_cli_fail (error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mc_json_add_int (builder, "collected", totals.collected);
      mc_json_add_int (builder, "refunded", totals.refunded);
      mc_json_add_int (builder, "net", totals.collected - totals.refunded);
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        add_row_json (builder, g_ptr_array_index (rows, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      mc_cli_print_json (builder);
      return EXIT_OK;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      McFeeRow *row = g_ptr_array_index (rows, i);
      g_autofree char *when = mc_time_format_short (row->at);
      g_autofree char *amount = mc_fee_format_amount (row->refund ? -row->amount : row->amount);

      g_print ("%s  %s  %s  %s  %s  %s  %s%s\n", when, row->dossier_code, row->procedure_code,
               row->receipt ? row->receipt : "-", row->method ? row->method : "-", amount, row->payer ? row->payer : "",
               row->duplicate_receipt ? _("  (receipt number used twice)") : "");
    }
  {
    g_autofree char *collected = mc_fee_format_amount (totals.collected);
    g_autofree char *refunded = mc_fee_format_amount (totals.refunded);
    g_autofree char *net = mc_fee_format_amount (totals.collected - totals.refunded);

    /* Translators: the three %s are amounts in đồng */
    g_print (_("Collected %s, refunded %s, net %s đồng\n"), collected, refunded, net);
  }
  return EXIT_OK;
}

int
mc_cmd_fees (McCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *from_text = NULL, *to_text = NULL, *output = NULL;
  gboolean closing = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the period"), "DATE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("FILE.pdf or FILE.csv"), "FILE" },
    { "closing", 0, 0, G_OPTION_ARG_NONE, &closing,
      N_("The PDF as the day's closing list, with signatures"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int status, from, to;
  gboolean written;

  if (!mc_cli_parse_options (NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1 || from_text == NULL || to_text == NULL)
    return mc_cli_usage_error (_("fees needs --from DATE and --to DATE"));
  if (!mc_date_parse (from_text, &from, &error) || !mc_date_parse (to_text, &to, &error))
    return mc_cli_fail (error);
  if (output != NULL && !g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".csv"))
    return mc_cli_fail_message (_("The fee book is written as .pdf or .csv"));
  if (!mc_cli_prepare (cli, &status))
    return status;
  if (output == NULL)
    return print_book (cli, from, to);
  if (g_str_has_suffix (output, ".csv"))
    written = mc_fee_book_write_csv (cli->store, from, to, output, &error);
  else
    {
      g_autoptr(McDocument) document = mc_fee_book_render (cli->store, from, to, closing, &error);

      written = document != NULL && mc_document_write_pdf (document, output, &error);
    }
  if (!written)
    return mc_cli_fail (error);
  g_print (_("Fee book written to %s\n"), output);
  return EXIT_OK;
}
