/* mc-control-rows.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rows of the control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ, Mẫu 06 of Thông tư 03/2025): one
 * per hand-over the dossier went through, then blank rows for the hand-overs its internal procedure still has
 * to come. Printed forms are Vietnamese. */

#define G_LOG_DOMAIN "mc-docs"

#include "config.h"

#include "mc-control-rows.h"
#include "mc-dossier.h"
#include "mc-dossier-steps.h"
#include "mc-procedure-steps.h"
#include "mc-time.h"

static char *
handover_time (McMinute t)
{
  int y, m, d, mod = mc_minute_of_day (t);

  mc_jdn_to_ymd (mc_minute_jdn (t), &y, &m, &d);
  return g_strdup_printf ("%02d giờ %02d phút, ngày %02d/%02d/%d", mod / 60, mod % 60, d, m, y);
}

/* What the receiving side writes when it takes the dossier: how the step handed over went. */
static const char *
step_result (McDueState state)
{
  switch (state)
    {
    case MC_DUE_STATE_EARLY: return "Trước hạn";
    case MC_DUE_STATE_ON_TIME: return "Đúng hạn";
    case MC_DUE_STATE_LATE: return "Quá hạn";
    default: return "";
    }
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static char **
row_new (const char *from,
         const char *to,
         const char *when,
         const char *giver,
         const char *receiver,
         const char *result,
         const char *note)
{
  char **cells = g_new0 (char *, MC_CONTROL_ROWS_COLUMNS + 1);
  g_autofree char *from_text = escape (from);
  g_autofree char *to_text = escape (to);
  g_autofree char *giver_text = escape (giver);
  g_autofree char *receiver_text = escape (receiver);

  cells[0] = g_strdup_printf ("1. Giao: %s\n2. Nhận: %s", from_text, to_text);
  cells[1] = g_strdup_printf ("%s\n\nNgười giao: %s\nNgười nhận: %s", when, giver_text, receiver_text);
  cells[2] = g_strdup (result);
  cells[3] = escape (note);
  return cells;
}

static const char *
planned_unit (McDossier *d,
              guint      index)
{
  if (d->plan == NULL || index >= d->plan->len)
    return NULL;
  return ((McProcedureStep *) g_ptr_array_index (d->plan, index))->unit;
}

/**
 * mc_control_sheet_rows:
 *
 * Returns: (transfer full) (element-type GStrv): the table's rows, each of %MC_CONTROL_ROWS_COLUMNS cells in Pango
 *   markup (unit, time with the signature cells, result of the step handed over, note); never empty
 */
GPtrArray *
mc_control_sheet_rows (McDossier *d)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *blank_time = "…giờ…phút, ngày…/…/…";

  g_return_val_if_fail (d != NULL, rows);

  for (guint i = 1; d->steps != NULL && i < d->steps->len; i++)
    {
      McDossierStep *giver = g_ptr_array_index (d->steps, i - 1);
      McDossierStep *receiver = g_ptr_array_index (d->steps, i);
      g_autofree char *when = handover_time (receiver->received);

      g_ptr_array_add (rows, row_new (giver->unit, receiver->unit, when, giver->person, receiver->person,
                                      step_result (giver->outcome), receiver->note));
    }
  /* The hand-overs still to come, from the plan kept at intake, for the units to fill in by hand. */
  if (mc_dossier_is_open (d))
    {
      guint held = d->steps ? d->steps->len : 0;

      for (guint i = MAX (held, 1); planned_unit (d, i) != NULL; i++)
        g_ptr_array_add (rows, row_new (i == held ? ((McDossierStep *) g_ptr_array_index (d->steps, held - 1))->unit
                                                  : planned_unit (d, i - 1),
                                        planned_unit (d, i), blank_time, NULL, NULL, "", NULL));
    }
  if (rows->len == 0)
    g_ptr_array_add (rows, row_new (NULL, NULL, blank_time, NULL, NULL, "", NULL));
  return rows;
}
