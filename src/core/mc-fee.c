/* mc-fee.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fees and charges (phí, lệ phí): a procedure's schedule from the catalogue, and the one computation of the
 * amount due from what the clerk enters. The intake page, the slip, the command line and the statistics all ask
 * here (docs/fees.md). */

#define G_LOG_DOMAIN "mc-fee"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-fee.h"
#include "mc-office.h"

G_DEFINE_QUARK (mc-fee-error-quark, mc_fee_error)

/* A count the clerk types (pages, copies): anything past this is a slip of the keyboard. */
#define MAX_COUNT 10000

static const char *basis_names[] = { "none", "dossier", "page", "copy", "signature", "contract" };

const char *
mc_fee_basis_to_string (McFeeBasis basis)
{
  g_return_val_if_fail ((guint) basis < G_N_ELEMENTS (basis_names), "none");
  return basis_names[basis];
}

gboolean
mc_fee_basis_from_string (const char *text,
                          McFeeBasis *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (basis_names); i++)
    if (g_str_equal (text, basis_names[i]))
      {
        *out = (McFeeBasis) i;
        return TRUE;
      }
  return FALSE;
}

static void
exemption_free (gpointer data)
{
  McFeeExemption *exemption = data;

  g_free (exemption->code);
  g_free (exemption->label);
  g_free (exemption->ground);
  g_free (exemption);
}

void
mc_fee_schedule_free (McFeeSchedule *self)
{
  if (self == NULL)
    return;
  g_free (self->province_key);
  g_free (self->default_exemption);
  g_clear_pointer (&self->exemptions, g_ptr_array_unref);
  g_free (self);
}

static gboolean
amount_is_valid (gint64 amount)
{
  return amount >= 0 && amount <= MC_FEE_MAX_AMOUNT;
}

/**
 * mc_fee_schedule_new_from_json:
 * @object: the catalogue's "fee_schedule" member
 *
 * Returns: (transfer full): the schedule, or %NULL with @error when an amount or the basis is not one the law
 *   could set
 */
McFeeSchedule *
mc_fee_schedule_new_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(McFeeSchedule) self = g_new0 (McFeeSchedule, 1);
  const char *basis = json_object_get_string_member_with_default (object, "basis", "none");
  const char *key = json_object_get_string_member_with_default (object, "province_key", NULL);
  const char *default_exemption = json_object_get_string_member_with_default (object, "default_exemption", NULL);
  JsonNode *list = json_object_get_member (object, "exemptions");

  self->exemptions = g_ptr_array_new_with_free_func (exemption_free);
  if (!mc_fee_basis_from_string (basis, &self->basis))
    {
      g_set_error (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID,
                   _("The fee basis must be none, dossier, page, copy, signature or contract"));
      return NULL;
    }
  self->amount = json_object_get_int_member_with_default (object, "amount", 0);
  self->online_amount = json_object_get_int_member_with_default (object, "online_amount", -1);
  self->first_pages = (int) json_object_get_int_member_with_default (object, "first_pages", 0);
  self->later_amount = json_object_get_int_member_with_default (object, "later_amount", 0);
  self->ceiling = json_object_get_int_member_with_default (object, "ceiling", 0);
  if (!amount_is_valid (self->amount) || (self->online_amount != -1 && !amount_is_valid (self->online_amount)) ||
      !amount_is_valid (self->later_amount) || !amount_is_valid (self->ceiling) || self->first_pages < 0 ||
      self->first_pages > MAX_COUNT)
    {
      g_set_error (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID,
                   _("A fee amount must be a whole number of đồng from 0 to 100,000,000"));
      return NULL;
    }
  if (key != NULL && *key != '\0')
    {
      if (!g_strv_contains (mc_office_shared_keys (), key) || !g_str_has_prefix (key, "fee_"))
        {
          g_set_error (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID,
                       _("The fee's province setting “%s” is not an office setting"), key);
          return NULL;
        }
      self->province_key = g_strdup (key);
    }

  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    {
      JsonArray *array = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *e;
          McFeeExemption *exemption;
          const char *code;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          e = json_node_get_object (element);
          code = json_object_get_string_member_with_default (e, "code", NULL);
          if (code == NULL || *code == '\0')
            continue;
          exemption = g_new0 (McFeeExemption, 1);
          exemption->code = g_strdup (code);
          exemption->label = g_strdup (json_object_get_string_member_with_default (e, "label", code));
          exemption->ground = g_strdup (json_object_get_string_member_with_default (e, "ground", ""));
          g_ptr_array_add (self->exemptions, exemption);
        }
    }
  if (default_exemption != NULL && mc_fee_schedule_find_exemption (self, default_exemption) != NULL)
    self->default_exemption = g_strdup (default_exemption);
  return g_steal_pointer (&self);
}

void
mc_fee_schedule_to_json (const McFeeSchedule *self,
                         JsonBuilder         *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "basis");
  json_builder_add_string_value (builder, mc_fee_basis_to_string (self->basis));
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, self->amount);
  if (self->online_amount >= 0)
    {
      json_builder_set_member_name (builder, "online_amount");
      json_builder_add_int_value (builder, self->online_amount);
    }
  if (self->province_key != NULL)
    {
      json_builder_set_member_name (builder, "province_key");
      json_builder_add_string_value (builder, self->province_key);
    }
  if (self->basis == MC_FEE_BASIS_PAGE)
    {
      json_builder_set_member_name (builder, "first_pages");
      json_builder_add_int_value (builder, self->first_pages);
      json_builder_set_member_name (builder, "later_amount");
      json_builder_add_int_value (builder, self->later_amount);
      json_builder_set_member_name (builder, "ceiling");
      json_builder_add_int_value (builder, self->ceiling);
    }
  if (self->default_exemption != NULL)
    {
      json_builder_set_member_name (builder, "default_exemption");
      json_builder_add_string_value (builder, self->default_exemption);
    }
  json_builder_set_member_name (builder, "exemptions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->exemptions->len; i++)
    {
      McFeeExemption *exemption = g_ptr_array_index (self->exemptions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, exemption->code);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, exemption->label);
      json_builder_set_member_name (builder, "ground");
      json_builder_add_string_value (builder, exemption->ground);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

const McFeeExemption *
mc_fee_schedule_find_exemption (const McFeeSchedule *self,
                                const char          *code)
{
  for (guint i = 0; self != NULL && code != NULL && i < self->exemptions->len; i++)
    {
      McFeeExemption *exemption = g_ptr_array_index (self->exemptions, i);

      if (g_str_equal (exemption->code, code))
        return exemption;
    }
  return NULL;
}

static void
line_free (gpointer data)
{
  McFeeLine *line = data;

  g_free (line->label);
  g_free (line);
}

void
mc_fee_due_free (McFeeDue *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_free (self);
}

static void
add_line (McFeeDue *due,
          gint64    amount,
          char     *label)
{
  McFeeLine *line = g_new0 (McFeeLine, 1);

  line->label = label;
  line->amount = amount;
  g_ptr_array_add (due->lines, line);
  due->gross += amount;
}

/* The amount per unit: the province's, when the schedule names its setting; the online rate for a dossier filed
 * online, when there is one. */
static gint64
unit_amount (const McFeeSchedule *schedule,
             const McOffice      *office,
             gboolean             online)
{
  if (schedule->province_key != NULL && office != NULL)
    {
      g_autofree char *value = mc_office_get_value (office, schedule->province_key);
      gint64 amount;

      if (value != NULL && g_ascii_string_to_signed (value, 10, 0, MC_FEE_MAX_AMOUNT, &amount, NULL))
        return amount;
    }
  if (online && schedule->online_amount >= 0)
    return schedule->online_amount;
  return schedule->amount;
}

/* One copy of @pages pages: the full rate for the first pages, the lower rate after, at most the ceiling. */
static gint64
copy_by_pages (const McFeeSchedule *schedule,
               gint64               first_rate,
               int                  pages)
{
  int full = MIN (pages, schedule->first_pages);
  gint64 amount = full * first_rate + (gint64) (pages - full) * schedule->later_amount;

  return schedule->ceiling > 0 ? MIN (amount, schedule->ceiling) : amount;
}

/**
 * mc_fee_compute:
 * @office: (nullable): the office, whose settings hold the amounts the province set
 *
 * The amount due for one dossier, with its breakdown and the exemption chosen.
 *
 * Returns: (transfer full): the amount due, or %NULL with @error (%MC_FEE_ERROR) for a count out of range, an
 *   exemption the schedule does not have, or a total past MC_FEE_MAX_AMOUNT
 */
McFeeDue *
mc_fee_compute (const McFeeSchedule *schedule,
                const McOffice      *office,
                const McFeeInput    *input,
                GError             **error)
{
  g_autoptr(McFeeDue) due = g_new0 (McFeeDue, 1);
  int pages = input->pages > 0 ? input->pages : 1;
  int count = input->count > 0 ? input->count : 1;
  gint64 rate;

  due->lines = g_ptr_array_new_with_free_func (line_free);
  if (input->pages < 0 || input->count < 0 || pages > MAX_COUNT || count > MAX_COUNT)
    {
      g_set_error (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID,
                   _("Pages and copies are whole numbers from 1 to %d"), MAX_COUNT);
      return NULL;
    }
  if (input->exemption != NULL && *input->exemption != '\0')
    {
      due->exemption = mc_fee_schedule_find_exemption (schedule, input->exemption);
      if (due->exemption == NULL)
        {
          g_set_error (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID,
                       _("This procedure has no exemption “%s”"), input->exemption);
          return NULL;
        }
    }

  if (schedule == NULL)
    return g_steal_pointer (&due);
  rate = unit_amount (schedule, office, input->online);
  switch (schedule->basis)
    {
    case MC_FEE_BASIS_NONE:
      break;
    case MC_FEE_BASIS_DOSSIER:
      add_line (due, rate, g_strdup ("Lệ phí"));
      break;
    case MC_FEE_BASIS_PAGE:
      {
        gint64 per_copy = copy_by_pages (schedule, rate, pages);

        add_line (due, per_copy * count, g_strdup_printf ("%d bản × %d trang", count, pages));
      }
      break;
    case MC_FEE_BASIS_COPY:
      add_line (due, rate * count, g_strdup_printf ("%d bản", count));
      break;
    case MC_FEE_BASIS_SIGNATURE:
      add_line (due, rate * count, g_strdup_printf ("%d trường hợp", count));
      break;
    case MC_FEE_BASIS_CONTRACT:
      add_line (due, rate * count, g_strdup_printf ("%d hợp đồng, giao dịch, văn bản", count));
      break;
    default:
      g_assert_not_reached ();
    }
  if (due->gross > MC_FEE_MAX_AMOUNT)
    {
      g_set_error (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID,
                   _("The amount due would pass 100,000,000 đồng: check the pages and copies"));
      return NULL;
    }
  due->due = due->exemption != NULL ? 0 : due->gross;
  return g_steal_pointer (&due);
}

/**
 * mc_fee_due_describe:
 *
 * Returns: (transfer full): the amount due in Vietnamese as the slip prints it: "20.000 đồng (2 bản × 1 trang)",
 *   "Miễn (…; căn cứ …)" or "Không thu"
 */
char *
mc_fee_due_describe (const McFeeDue *self)
{
  g_autofree char *amount = mc_fee_format_amount (self->due);
  GString *text = g_string_new (NULL);

  if (self->exemption != NULL)
    {
      g_string_append_printf (text, "Miễn: %s", self->exemption->label);
      if (self->exemption->ground != NULL && *self->exemption->ground != '\0')
        g_string_append_printf (text, " (%s)", self->exemption->ground);
      return g_string_free (text, FALSE);
    }
  if (self->gross == 0)
    return (g_string_free (text, TRUE), g_strdup ("Không thu"));
  g_string_append_printf (text, "%s đồng", amount);
  if (self->lines->len == 1 && !g_str_equal (((McFeeLine *) g_ptr_array_index (self->lines, 0))->label, "Lệ phí"))
    g_string_append_printf (text, " (%s)", ((McFeeLine *) g_ptr_array_index (self->lines, 0))->label);
  return g_string_free (text, FALSE);
}

/**
 * mc_fee_parse_amount:
 *
 * Reads an amount the clerk typed: whole đồng, digits grouped by "." or spaces as Vietnamese write them
 * ("20.000") or not grouped at all, from 1 to MC_FEE_MAX_AMOUNT.
 */
gboolean
mc_fee_parse_amount (const char  *text,
                     gint64      *out_amount,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_auto(GStrv) groups = g_strsplit_set (stripped, ". ", -1);
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean whole = *stripped != '\0';
  gint64 amount;

  if (*stripped == '-')
    {
      g_set_error_literal (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID, _("An amount cannot be negative"));
      return FALSE;
    }
  /* "1.000" is a thousand đồng; "10.5" or "1,5" are fractions, which no receipt has. */
  for (guint i = 0; whole && groups[i]; i++)
    {
      gsize len = strlen (groups[i]);

      whole = len > 0 && (i == 0 ? (groups[1] == NULL || len <= 3) : len == 3);
      for (const char *p = groups[i]; whole && *p; p++)
        whole = g_ascii_isdigit (*p);
      g_string_append (digits, groups[i]);
    }
  if (!whole || digits->len > 12)
    {
      g_set_error_literal (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID,
                           _("An amount is a whole number of đồng, such as 20000 or 20.000"));
      return FALSE;
    }
  amount = g_ascii_strtoll (digits->str, NULL, 10);
  if (amount < 1 || amount > MC_FEE_MAX_AMOUNT)
    {
      g_set_error_literal (error, MC_FEE_ERROR, MC_FEE_ERROR_INVALID,
                           _("An amount is from 1 to 100,000,000 đồng"));
      return FALSE;
    }
  *out_amount = amount;
  return TRUE;
}

/* Returns: (transfer full): @amount grouped by thousands as Vietnamese write it: "1.200.000" */
char *
mc_fee_format_amount (gint64 amount)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (amount));
  GString *text = g_string_new (amount < 0 ? "-" : "");
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, plain[i]);
    }
  return g_string_free (text, FALSE);
}
