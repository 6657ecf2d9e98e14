/* test-fees.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fees: the amount due against a table of cases from the schedule, payments and refunds through a real store,
 * every bad input refused with nothing written, and two stations that used the same receipt number offline. */

#include <string.h>

#include "mc-fee.h"
#include "mc-office.h"
#include "mc-store.h"
#include "mc-time.h"
#include "test-util.h"

static McMinute
t (const char *iso)
{
  McMinute m;

  g_assert_true (mc_time_parse (iso, &m, NULL));
  return m;
}

/* The amount due for each case, computed from the shipped catalogue's schedules. */
static void
test_compute_table (TestFolder    *fx,
                    gconstpointer  data)
{
  static const struct
  {
    const char *procedure;
    int         pages;
    int         count;
    gboolean    online;
    const char *exemption;   /* NULL: the procedure's usual one */
    gint64      due;
  } cases[] = {
    /* Certified copies (TT 226/2016): 2.000 đ a page for two pages, 1.000 đ from the third, 200.000 đ a copy. */
    { "2.000815", 1, 1, FALSE, NULL, 2000 },
    { "2.000815", 2, 1, FALSE, NULL, 4000 },
    { "2.000815", 3, 1, FALSE, NULL, 5000 },
    { "2.000815", 10, 3, FALSE, NULL, 36000 },
    { "2.000815", 198, 1, FALSE, NULL, 200000 },
    { "2.000815", 199, 1, FALSE, NULL, 200000 },
    { "2.000815", 500, 2, FALSE, NULL, 400000 },
    { "2.000942", 4, 2, FALSE, NULL, 12000 },
    /* Signatures, contracts and documents by the case. */
    { "2.000884", 0, 0, FALSE, NULL, 10000 },
    { "2.000884", 0, 3, FALSE, NULL, 30000 },
    { "2.001035", 0, 1, FALSE, NULL, 50000 },
    { "2.000913", 0, 2, FALSE, NULL, 60000 },
    { "2.000927", 0, 1, FALSE, NULL, 25000 },
    { "2.001019", 0, 1, FALSE, NULL, 50000 },
    /* Copies of an extract by the copy. */
    { "2.000635", 0, 4, FALSE, NULL, 32000 },
    /* Residence: a lower amount online. */
    { "1.004222", 0, 0, FALSE, NULL, 20000 },
    { "1.004222", 0, 0, TRUE, NULL, 10000 },
    { "1.004194", 0, 0, TRUE, NULL, 7000 },
    { "1.004222", 0, 0, FALSE, "exempt", 0 },
    /* Civil status: the province's amount; timely birth registration exempt unless the clerk says it is late. */
    { "1.001193", 0, 0, FALSE, NULL, 0 },
    { "1.001193", 0, 0, FALSE, "", 8000 },
    { "1.001022", 0, 0, FALSE, NULL, 15000 },
    { "1.001022", 0, 0, FALSE, "poor", 0 },
    { "1.004873", 0, 0, FALSE, "disability", 0 },
    { "1.000894", 0, 0, FALSE, NULL, 0 },
    { "1.004837", 0, 0, FALSE, NULL, 0 },
    { "2.000908", 0, 0, FALSE, NULL, 0 },
  };
  g_autoptr(McStore) store = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(McProcedure) procedure = mc_store_get_procedure (store, cases[i].procedure, &error);
      g_autoptr(McFeeDue) due = NULL;
      McFeeInput input = { cases[i].pages, cases[i].count, cases[i].online,
                           cases[i].exemption ? cases[i].exemption : procedure->fee_schedule->default_exemption };

      g_assert_no_error (error);
      due = mc_fee_compute (procedure->fee_schedule, mc_store_get_office (store), &input, &error);
      g_assert_no_error (error);
      g_test_message ("case %u: %s", i, cases[i].procedure);
      g_assert_cmpint (due->due, ==, cases[i].due);
    }
}

/* The province's amount is an office setting: changed as an event, it changes the amount due. */
static void
test_province_amount (TestFolder    *fx,
                      gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McProcedure) procedure = NULL;
  g_autoptr(McFeeDue) due = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, "fee_parentage", "25000");
  g_assert_true (mc_store_set_office_values (store, values, &error));
  g_assert_no_error (error);
  procedure = mc_store_get_procedure (store, "1.001022", &error);
  due = mc_fee_compute (procedure->fee_schedule, mc_store_get_office (store), &(McFeeInput) { 0 }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (due->due, ==, 25000);

  /* Out of range: refused, the amount unchanged. */
  g_hash_table_insert (values, "fee_parentage", "100000001");
  g_assert_false (mc_store_set_office_values (store, values, &error));
  g_assert_nonnull (error);
}

static void
test_bad_amounts (void)
{
  static const char *bad[] = { "-5", "10.5", "1,5", "0", "100000001", "abc", "", "1.00", "20 00", "1e5", NULL };
  static const struct { const char *text; gint64 amount; } good[] = {
    { "20000", 20000 }, { "20.000", 20000 }, { "1.200.000", 1200000 }, { " 100000000 ", 100000000 },
  };
  gint64 amount;

  for (guint i = 0; bad[i]; i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (mc_fee_parse_amount (bad[i], &amount, &error));
      g_assert_error (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (mc_fee_parse_amount (good[i].text, &amount, NULL));
      g_assert_cmpint (amount, ==, good[i].amount);
    }
  {
    g_autofree char *text = mc_fee_format_amount (1200000);
    g_assert_cmpstr (text, ==, "1.200.000");
  }
}

static gint64
count_rows (McStore    *store,
            const char *sql)
{
  g_autoptr(GPtrArray) rows = mc_store_list_fee_rows (store, MC_MINUTE_NONE, MC_MINUTE_NONE, NULL);

  return rows ? (gint64) rows->len : -1;
}

static McDossier *
receive (McStore    *store,
         const char *procedure,
         int         pages,
         int         count)
{
  g_autoptr(GError) error = NULL;
  McIntake intake = { 0 };
  McDossier *dossier;

  intake.procedure_code = procedure;
  intake.applicant_name = "Nguyễn Văn An";
  intake.received = t ("2026-11-23T09:00");
  intake.fee_pages = pages;
  intake.fee_count = count;
  dossier = mc_store_intake (store, &intake, NULL, &error);
  g_assert_no_error (error);
  return dossier;
}

static void
pay_refused (McStore            *store,
             const char         *code,
             const McFeePayment *payment,
             gboolean            refund,
             const char         *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) after = NULL;
  gint64 before = count_rows (store, NULL);

  after = refund ? mc_store_refund_fee (store, code, payment, &error) : mc_store_pay_fee (store, code, payment, &error);
  g_assert_null (after);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (message_part)
    g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpint (count_rows (store, NULL), ==, before);
}

/* Paid at intake's amount, refunded when the dossier is refused; every bad input refused with nothing written. */
static void
test_pay_and_refund (TestFolder    *fx,
                     gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(McDossier) d = receive (store, "2.000815", 3, 2);
  g_autoptr(McDossier) paid = NULL;
  g_autoptr(McDossier) refunded = NULL;
  g_autoptr(McDossier) other = NULL;
  g_autoptr(McDossier) stopped = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  McFeeRow *row;

  g_assert_cmpint (d->fee_due, ==, 10000);
  g_assert_cmpint (d->fee_paid, ==, 0);

  paid = mc_store_pay_fee (store, d->code, &(McFeePayment) { .amount = 10000, .pages = 3, .copies = 2,
                                                             .receipt = "aa/26p-0000001", .method = "cash" },
                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (paid->fee_paid, ==, 10000);

  /* Bad input: nothing written. */
  pay_refused (store, d->code, &(McFeePayment) { .amount = -5 }, FALSE, NULL);
  pay_refused (store, d->code, &(McFeePayment) { .amount = 0 }, FALSE, NULL);
  pay_refused (store, d->code, &(McFeePayment) { .amount = 100000001 }, FALSE, "100,000,000");
  pay_refused (store, d->code, &(McFeePayment) { .amount = 5000, .receipt = "AA/26P-0000001" }, FALSE,
               "already used");
  pay_refused (store, d->code, &(McFeePayment) { .amount = 5000, .receipt = "số 1" }, FALSE, NULL);
  pay_refused (store, d->code, &(McFeePayment) { .amount = 5000, .method = "cheque" }, FALSE, NULL);
  pay_refused (store, "000.00.12.H40-261123-019999", &(McFeePayment) { .amount = 5000 }, FALSE, NULL);
  pay_refused (store, d->code, &(McFeePayment) { .amount = 10001, .reason = "Từ chối" }, TRUE, "10.000");
  pay_refused (store, d->code, &(McFeePayment) { .amount = 1000 }, TRUE, "reason");

  /* Refused: the fee given back, in two parts, never more than was paid. */
  {
    g_autoptr(JsonNode) reason = payload_new ("reason", "Hồ sơ không thuộc thẩm quyền", "at", "2026-11-23T10:00+07:00",
                                              NULL);
    g_autoptr(McDossier) refused = mc_store_record (store, d->code, MC_EVENT_REFUSED, reason, NULL, &error);
    g_assert_no_error (error);
  }
  pay_refused (store, d->code, &(McFeePayment) { .amount = 1000 }, FALSE, "handled");
  refunded = mc_store_refund_fee (store, d->code, &(McFeePayment) { .amount = 4000, .reason = "Từ chối tiếp nhận" },
                                  &error);
  g_assert_no_error (error);
  g_clear_pointer (&refunded, mc_dossier_unref);
  refunded = mc_store_refund_fee (store, d->code, &(McFeePayment) { .amount = 6000, .reason = "Từ chối tiếp nhận" },
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (refunded->fee_refunded, ==, 10000);
  pay_refused (store, d->code, &(McFeePayment) { .amount = 1, .reason = "Thêm" }, TRUE, "0 đồng");

  /* A stopped dossier is refunded too. */
  other = receive (store, "2.001035", 0, 1);
  g_clear_pointer (&paid, mc_dossier_unref);
  paid = mc_store_pay_fee (store, other->code, &(McFeePayment) { .amount = 50000, .method = "online",
                                                                 .receipt = "E-2026-77" }, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) reason = payload_new ("reason", "Người dân xin dừng", NULL);
    stopped = mc_store_record (store, other->code, MC_EVENT_STOP_REQUESTED, reason, NULL, &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&refunded, mc_dossier_unref);
  refunded = mc_store_refund_fee (store, other->code, &(McFeePayment) { .amount = 50000, .reason = "Dừng" }, &error);
  g_assert_no_error (error);

  rows = mc_store_list_fee_rows (store, MC_MINUTE_NONE, MC_MINUTE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  row = g_ptr_array_index (rows, 0);
  g_assert_false (row->refund);
  g_assert_cmpint (row->amount, ==, 10000);
  g_assert_cmpstr (row->receipt, ==, "AA/26P-0000001");
  g_assert_cmpstr (row->payer, ==, "Nguyễn Văn An");
  g_assert_cmpstr (row->procedure_code, ==, "2.000815");
}

/* Two stations offline take payments with the same receipt number: after the exchange both keep both payments
 * (the money was taken), and both mark the same one, the later in the total order, for the accountant. */
static void
test_two_stations (TestFolder    *fx,
                   gconstpointer  data)
{
  g_autoptr(McStore) a = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(McStore) b = test_open_station (fx->dir, "b.db", 2);
  g_autoptr(McDossier) da = receive (a, "2.000884", 0, 1);
  g_autoptr(McDossier) db = receive (b, "2.000884", 0, 1);
  g_autoptr(McDossier) pa = NULL;
  g_autoptr(McDossier) pb = NULL;
  g_autoptr(GPtrArray) ea = NULL;
  g_autoptr(GPtrArray) eb = NULL;
  g_autoptr(GError) error = NULL;
  char *marked[2] = { NULL, NULL };
  McStore *stores[2] = { a, b };
  guint n_new;

  pa = mc_store_pay_fee (a, da->code, &(McFeePayment) { .amount = 10000, .receipt = "BL-0005" }, &error);
  g_assert_no_error (error);
  pb = mc_store_pay_fee (b, db->code, &(McFeePayment) { .amount = 10000, .receipt = "bl-0005" }, &error);
  g_assert_no_error (error);

  ea = mc_store_list_events (a, 0, 0, &error);
  eb = mc_store_list_events (b, 0, 0, &error);
  g_assert_true (mc_store_apply_events (a, eb, &n_new, &error));
  g_assert_no_error (error);
  g_assert_true (mc_store_apply_events (b, ea, &n_new, &error));
  g_assert_no_error (error);
  /* Applied again: nothing new, no line twice. */
  g_assert_true (mc_store_apply_events (b, ea, &n_new, &error));
  g_assert_cmpuint (n_new, ==, 0);

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(GPtrArray) rows = mc_store_list_fee_rows (stores[s], MC_MINUTE_NONE, MC_MINUTE_NONE, &error);
      guint n_marked = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 2);
      for (guint i = 0; i < rows->len; i++)
        {
          McFeeRow *row = g_ptr_array_index (rows, i);

          g_assert_cmpint (row->amount, ==, 10000);
          if (row->duplicate_receipt)
            {
              n_marked++;
              marked[s] = g_strdup (row->event_uuid);
            }
        }
      g_assert_cmpuint (n_marked, ==, 1);
    }
  g_assert_cmpstr (marked[0], ==, marked[1]);
  g_free (marked[0]);
  g_free (marked[1]);

  /* Once both know it, the number is refused on either. */
  pay_refused (a, da->code, &(McFeePayment) { .amount = 1000, .receipt = "BL-0005" }, FALSE, "already used");
}

/* The retention rule removes the payer's name; the amounts stay. */
static void
test_retention_keeps_amounts (TestFolder    *fx,
                              gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(McDossier) d = receive (store, "2.001035", 0, 1);
  g_autoptr(McDossier) paid = NULL;
  g_autoptr(McDossier) returned = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) at = payload_new ("at", "2026-11-23T10:00+07:00", NULL);
  guint removed = 0;
  McFeeRow *row;

  paid = mc_store_pay_fee (store, d->code, &(McFeePayment) { .amount = 50000, .receipt = "R-1",
                                                             .at = "2026-11-23T09:30+07:00" }, &error);
  g_assert_no_error (error);
  returned = mc_store_record (store, d->code, MC_EVENT_RETURNED, at, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("MOTCUA_NOW", "2037-01-05T09:00+07:00", TRUE);
  g_assert_true (mc_store_remove_personal_data (store, 10, FALSE, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  rows = mc_store_list_fee_rows (store, MC_MINUTE_NONE, MC_MINUTE_NONE, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->amount, ==, 50000);
  g_assert_cmpstr (row->receipt, ==, "R-1");
  g_assert_cmpstr (row->payer, ==, "—");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fees/amounts", test_bad_amounts);
  g_test_add ("/fees/table", TestFolder, "2026-11-23T09:00+07:00", test_folder_set_up, test_compute_table,
              test_folder_tear_down);
  g_test_add ("/fees/province", TestFolder, "2026-11-23T09:00+07:00", test_folder_set_up, test_province_amount,
              test_folder_tear_down);
  g_test_add ("/fees/pay-refund", TestFolder, "2026-11-23T11:00+07:00", test_folder_set_up, test_pay_and_refund,
              test_folder_tear_down);
  g_test_add ("/fees/two-stations", TestFolder, "2026-11-23T11:00+07:00", test_folder_set_up, test_two_stations,
              test_folder_tear_down);
  g_test_add ("/fees/retention", TestFolder, "2026-11-23T11:00+07:00", test_folder_set_up,
              test_retention_keeps_amounts, test_folder_tear_down);
  return g_test_run ();
}
