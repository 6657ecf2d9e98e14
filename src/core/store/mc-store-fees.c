/* mc-store-fees.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fees paid and refunded at the desk: their events checked (amount, method, receipt number, never more given back
 * than was paid), projected into `fee_payment`, and read back as the fee book's lines (docs/fees.md). */

#define G_LOG_DOMAIN "mc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-audit.h"
#include "mc-fee.h"
#include "mc-store-private.h"
#include "mc-time.h"

static const char *methods[] = { "cash", "transfer", "online", NULL };

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* A receipt number as printed on the official receipt (its series and number, e.g. "AA/26P-0001234"): letters,
 * digits, "-", "/" and ".", compared without regard to case. */
static char *
normalize_receipt (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gsize len = strlen (stripped);

  if (len < 1 || len > 40)
    return NULL;
  for (const char *p = stripped; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '/' && *p != '.')
      return NULL;
  return g_ascii_strup (stripped, -1);
}

/* The amount of a payment or refund: a whole number of đồng in range, never a fraction (a JSON double). */
static gboolean
check_amount (JsonObject  *payload,
              GError     **error)
{
  JsonNode *node = json_object_get_member (payload, "amount");
  gint64 amount;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return refuse (error, _("An amount is a whole number of đồng, such as 20000 or 20.000"));
  amount = json_node_get_int (node);
  if (amount < 0)
    return refuse (error, _("An amount cannot be negative"));
  if (amount < 1 || amount > MC_FEE_MAX_AMOUNT)
    return refuse (error, _("An amount is from 1 to 100,000,000 đồng"));
  return TRUE;
}

/**
 * _mc_store_check_fee:
 *
 * The details of a payment or refund that need nothing but the event: the amount, the method, the form of the
 * receipt number (made upper case here).
 */
gboolean
_mc_store_check_fee (McDossier   *dossier,
                     JsonObject  *payload,
                     GError     **error)
{
  const char *method = json_object_get_string_member_with_default (payload, "method", "cash");
  const char *receipt = json_object_get_string_member_with_default (payload, "receipt", NULL);

  if (!check_amount (payload, error))
    return FALSE;
  if (!g_strv_contains (methods, method))
    return refuse (error, _("The method of payment is cash, transfer or online"));
  json_object_set_string_member (payload, "method", method);
  if (receipt != NULL)
    {
      g_autofree char *clean = normalize_receipt (receipt);

      if (clean == NULL)
        return refuse (error, _("A receipt number is 1 to 40 letters, digits, “-”, “/” or “.”, as printed on the "
                                "receipt"));
      json_object_set_string_member (payload, "receipt", clean);
    }
  return TRUE;
}

/**
 * _mc_store_check_fee_now:
 *
 * Inside the transaction that records @kind: a receipt number not used yet in the office, a refund not above what
 * the dossier's payments left. Two processes recording at once are serialised by the write transaction.
 */
gboolean
_mc_store_check_fee_now (McStore     *self,
                         McDossier   *dossier,
                         const char  *kind,
                         JsonObject  *payload,
                         GError     **error)
{
  const char *receipt = json_object_get_string_member_with_default (payload, "receipt", NULL);
  gint64 amount = json_object_get_int_member (payload, "amount");
  g_autofree char *detail = NULL;

  if (g_str_equal (kind, MC_EVENT_FEE_PAID))
    {
      if (receipt != NULL)
        {
          g_autofree char *used_by = _mc_store_query_string (self,
                                                             "SELECT d.code FROM fee_payment f JOIN dossier d"
                                                             " ON d.uuid = f.dossier_uuid WHERE f.receipt = ?"
                                                             " AND f.kind = 'payment' LIMIT 1", receipt, NULL);

          if (used_by != NULL)
            {
              g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           /* Translators: the first %s is a receipt number, the second a dossier code */
                           _("Receipt number %s is already used for dossier %s: check the number on the receipt"),
                           receipt, used_by);
              return FALSE;
            }
        }
      /* Translators: an audit line's detail; do not translate */
      detail = g_strdup_printf ("%" G_GINT64_FORMAT " đ, %s%s%s", amount,
                                json_object_get_string_member (payload, "method"), receipt ? ", " : "",
                                receipt ? receipt : "");
      return mc_audit_record (self, MC_AUDIT_FEE_PAID, dossier->code, detail, error);
    }
  else
    {
      gint64 left = _mc_store_query_int (self,
                                         "SELECT IFNULL(SUM(CASE kind WHEN 'payment' THEN amount ELSE -amount END), 0)"
                                         " FROM fee_payment WHERE dossier_uuid = ?", dossier->uuid, error);
      g_autofree char *left_text = NULL;

      if (left == -1 && error != NULL && *error != NULL)
        return FALSE;
      if (amount > left)
        {
          left_text = mc_fee_format_amount (MAX (left, 0));
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                       /* Translators: %s is an amount in đồng, grouped as 1.000 */
                       _("A refund cannot exceed what was paid: at most %s đồng can be refunded for this dossier"),
                       left_text);
          return FALSE;
        }
      detail = g_strdup_printf ("%" G_GINT64_FORMAT " đ", amount);
      return mc_audit_record (self, MC_AUDIT_FEE_REFUNDED, dossier->code, detail, error);
    }
}

/**
 * _mc_store_project_fee:
 *
 * Writes a payment's or a refund's line into `fee_payment`, once (an event stored again changes nothing). Every
 * payment is kept, even one whose receipt number another station used while offline: the fee book marks the later
 * one in the total order (mc_store_list_fee_rows()).
 */
gboolean
_mc_store_project_fee (McStore  *self,
                       McEvent  *event,
                       GError  **error)
{
  JsonObject *p = json_node_get_object (event->payload);
  JsonNode *amount = json_object_get_member (p, "amount");
  McMinute at = mc_event_get_time (event, "at");
  sqlite3_stmt *stmt;

  /* A damaged event from a bundle counts nothing. */
  if (amount == NULL || json_node_get_value_type (amount) != G_TYPE_INT64 || json_node_get_int (amount) < 1 ||
      json_node_get_int (amount) > MC_FEE_MAX_AMOUNT || at == MC_MINUTE_NONE)
    return TRUE;
  stmt = _mc_store_prepare (self,
                            "INSERT INTO fee_payment (event_uuid, dossier_uuid, kind, at, amount, receipt, method,"
                            " reason, clerk, lamport, station_id, station_seq)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_uuid) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, event->uuid);
  _mc_store_bind_text (stmt, 2, event->dossier_uuid);
  _mc_store_bind_text (stmt, 3, g_str_equal (event->kind, MC_EVENT_FEE_PAID) ? "payment" : "refund");
  sqlite3_bind_int64 (stmt, 4, at);
  sqlite3_bind_int64 (stmt, 5, json_node_get_int (amount));
  _mc_store_bind_text (stmt, 6, json_object_get_string_member_with_default (p, "receipt", NULL));
  _mc_store_bind_text (stmt, 7, json_object_get_string_member_with_default (p, "method", NULL));
  _mc_store_bind_text (stmt, 8, json_object_get_string_member_with_default (p, "reason", NULL));
  _mc_store_bind_text (stmt, 9, event->clerk);
  sqlite3_bind_int64 (stmt, 10, event->lamport);
  _mc_store_bind_text (stmt, 11, event->station_id);
  sqlite3_bind_int64 (stmt, 12, event->station_seq);
  return _mc_store_step_done (self, stmt, error);
}

static JsonNode *
build_payload (const McFeePayment *payment)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "amount", payment->amount);
  if (payment->pages > 0)
    json_object_set_int_member (object, "pages", payment->pages);
  if (payment->copies > 0)
    json_object_set_int_member (object, "copies", payment->copies);
  if (payment->receipt != NULL && *payment->receipt != '\0')
    json_object_set_string_member (object, "receipt", payment->receipt);
  json_object_set_string_member (object, "method", payment->method ? payment->method : "cash");
  if (payment->at != NULL && *payment->at != '\0')
    json_object_set_string_member (object, "at", payment->at);
  if (payment->reason != NULL)
    json_object_set_string_member (object, "reason", payment->reason);
  json_node_set_object (node, object);
  return node;
}

/**
 * mc_store_pay_fee:
 *
 * Records a fee paid for a dossier that is being handled (up to the hand-over of its result), with the official
 * receipt's number, unique in the office. Nothing is written when anything is refused.
 *
 * Returns: (transfer full): the dossier after the payment
 */
McDossier *
mc_store_pay_fee (McStore            *self,
                  const char         *code_or_uuid,
                  const McFeePayment *payment,
                  GError            **error)
{
  g_autoptr(JsonNode) payload = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (payment != NULL, NULL);

  if (payment->pages < 0 || payment->copies < 0 || payment->pages > 10000 || payment->copies > 10000)
    {
      refuse (error, _("Pages and copies are whole numbers from 1 to 10000"));
      return NULL;
    }
  payload = build_payload (&(McFeePayment) { payment->amount, payment->pages, payment->copies, payment->receipt,
                                             payment->method, payment->at, NULL, NULL });
  return mc_store_record (self, code_or_uuid, MC_EVENT_FEE_PAID, payload, payment->clerk, error);
}

/**
 * mc_store_refund_fee:
 *
 * Gives money back (a refused or stopped dossier's fee, an overpayment), never more than the dossier's payments
 * left, with the reason. Nothing is written when anything is refused.
 *
 * Returns: (transfer full): the dossier after the refund
 */
McDossier *
mc_store_refund_fee (McStore            *self,
                     const char         *code_or_uuid,
                     const McFeePayment *refund,
                     GError            **error)
{
  g_autoptr(JsonNode) payload = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (refund != NULL, NULL);

  payload = build_payload (&(McFeePayment) { refund->amount, 0, 0, refund->receipt, refund->method, refund->at,
                                             refund->reason, NULL });
  return mc_store_record (self, code_or_uuid, MC_EVENT_FEE_REFUNDED, payload, refund->clerk, error);
}

void
mc_fee_row_free (McFeeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->event_uuid);
  g_free (row->dossier_code);
  g_free (row->payer);
  g_free (row->procedure_code);
  g_free (row->procedure_name);
  g_free (row->receipt);
  g_free (row->method);
  g_free (row->reason);
  g_free (row->clerk);
  g_free (row);
}

static gpointer
row_from_statement (sqlite3_stmt *stmt)
{
  McFeeRow *row = g_new0 (McFeeRow, 1);
  g_autofree char *channel = NULL;

  row->event_uuid = _mc_store_column_dup (stmt, 0);
  row->at = sqlite3_column_int64 (stmt, 1);
  row->refund = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "refund") == 0;
  row->amount = sqlite3_column_int64 (stmt, 3);
  row->receipt = _mc_store_column_dup (stmt, 4);
  row->method = _mc_store_column_dup (stmt, 5);
  row->reason = _mc_store_column_dup (stmt, 6);
  row->clerk = _mc_store_column_dup (stmt, 7);
  row->dossier_code = _mc_store_column_dup (stmt, 8);
  row->payer = _mc_store_column_dup (stmt, 9);
  row->procedure_code = _mc_store_column_dup (stmt, 10);
  row->procedure_name = _mc_store_column_dup (stmt, 11);
  channel = _mc_store_column_dup (stmt, 12);
  if (!mc_channel_from_string (channel, &row->channel))
    row->channel = MC_CHANNEL_IN_PERSON;
  row->duplicate_receipt = sqlite3_column_int (stmt, 13) != 0;
  return row;
}

/**
 * mc_store_list_fee_rows:
 * @from: the first minute, inclusive; MC_MINUTE_NONE for no bound
 * @to: the minute after the last, exclusive; MC_MINUTE_NONE for no bound
 *
 * The fee book's lines in time order: every payment and refund of the period, with its dossier's code, payer
 * (as the dossier now holds it: "—" after the retention rule) and procedure. A payment whose receipt number an
 * earlier payment in the total order already has (two stations offline) is marked, for the accountant to settle.
 *
 * Returns: (transfer full) (element-type McFeeRow): the lines, or %NULL with @error
 */
GPtrArray *
mc_store_list_fee_rows (McStore   *self,
                        McMinute   from,
                        McMinute   to,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self,
                            "SELECT f.event_uuid, f.at, f.kind, f.amount, f.receipt, f.method, f.reason, f.clerk,"
                            " d.code, d.applicant_name, d.procedure_code, d.procedure_name, d.channel,"
                            " f.kind = 'payment' AND f.receipt IS NOT NULL AND EXISTS (SELECT 1 FROM fee_payment o"
                            "  WHERE o.kind = 'payment' AND o.receipt = f.receipt"
                            "  AND (o.lamport, o.station_id, o.station_seq) < (f.lamport, f.station_id, f.station_seq))"
                            " FROM fee_payment f JOIN dossier d ON d.uuid = f.dossier_uuid"
                            " WHERE f.at >= ?1 AND f.at < ?2 ORDER BY f.at, f.lamport, f.station_id, f.station_seq",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from == MC_MINUTE_NONE ? G_MININT64 + 1 : from);
  sqlite3_bind_int64 (stmt, 2, to == MC_MINUTE_NONE ? G_MAXINT64 : to);
  return _mc_store_step_all (self, stmt, row_from_statement, (GDestroyNotify) mc_fee_row_free, error);
}

typedef struct
{
  McStoreFeeFunc func;
  gpointer       data;
} FeeVisit;

static gboolean
visit_fee_row (sqlite3_stmt  *stmt,
               gpointer       data,
               GError       **error)
{
  FeeVisit *visit = data;
  McStoreFeeRow row = {
    (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
    (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
    sqlite3_column_int64 (stmt, 4), sqlite3_column_int (stmt, 5) != 0,
  };

  return visit->func (&row, visit->data, error);
}

/**
 * _mc_store_foreach_fee_row:
 *
 * For the statistics: every payment and refund made in the scope's period, and every dossier received in it with
 * an exemption that waived an amount, with its procedure.
 */
gboolean
_mc_store_foreach_fee_row (McStore                 *self,
                           const McStoreStatsScope *scope,
                           McStoreFeeFunc           func,
                           gpointer                 data,
                           GError                 **error)
{
  FeeVisit visit = { func, data };
  sqlite3_stmt *stmt;

  stmt = _mc_store_prepare (self,
                            "SELECT d.procedure_code, d.procedure_name, d.sector, f.kind, f.amount,"
                            "  f.method = 'online'"
                            " FROM fee_payment f JOIN dossier d ON d.uuid = f.dossier_uuid"
                            " WHERE f.at >= ?1 AND f.at < ?2"
                            "   AND (?3 IS NULL OR substr (d.code, 1, length (?3)) = ?3)"
                            " UNION ALL"
                            " SELECT d.procedure_code, d.procedure_name, d.sector, 'exempted',"
                            "  json_extract (e.payload, '$.fee_due.gross'), 0"
                            " FROM dossier d JOIN event e ON e.dossier_uuid = d.uuid AND e.kind = 'received'"
                            " WHERE d.received >= ?1 AND d.received < ?2"
                            "   AND (?3 IS NULL OR substr (d.code, 1, length (?3)) = ?3)"
                            "   AND json_extract (e.payload, '$.fee_due.exemption_code') IS NOT NULL"
                            "   AND json_extract (e.payload, '$.fee_due.gross') > 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scope->start);
  sqlite3_bind_int64 (stmt, 2, scope->end);
  _mc_store_bind_text (stmt, 3, scope->code_prefix);
  return _mc_store_step_each (self, stmt, visit_fee_row, &visit, error);
}
