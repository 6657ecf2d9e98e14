/* mc-handover-list.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The hand-over list (sổ giao nhận hồ sơ): the dossiers one unit hands to the next at once, a row each with the
 * giving and the receiving side, the time and the step's deadline, and the cells both sides sign, as the paper
 * book of the office has them. The same page for the desk and the command line; always Vietnamese. */

#define G_LOG_DOMAIN "mc-handover-list"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-audit.h"
#include "mc-document-private.h"
#include "mc-dossier-steps.h"
#include "mc-form-issuer.h"
#include "mc-forms.h"
#include "mc-handover-list.h"
#include "mc-time.h"

#define TABLE_SIZE 10.0
#define BODY 13.0

static char *
side (const McDossierStep *step)
{
  g_autofree char *unit = g_markup_escape_text (step->unit ? step->unit : "", -1);
  g_autofree char *person = step->person ? g_markup_escape_text (step->person, -1) : NULL;

  return person ? g_strdup_printf ("%s\n%s", unit, person) : g_steal_pointer (&unit);
}

/* When the receiving side took the dossier, and by when its step is due. */
static char *
handed_text (const McDossierStep *step)
{
  g_autofree char *when = mc_time_format_short (step->received);
  g_autofree char *due = step->due != MC_MINUTE_NONE ? mc_time_format_short (step->due) : NULL;

  return due ? g_strdup_printf ("%s\n<i>Hạn bước: %s</i>", when, due) : g_steal_pointer (&when);
}

/* The person both rows agree on, for the signature cells under the table; NULL when they differ. */
static const char *
common_person (const char *so_far,
               const char *person,
               gboolean    first)
{
  if (first)
    return person;
  return g_strcmp0 (so_far, person) == 0 ? so_far : NULL;
}

/**
 * mc_handover_list_render:
 * @dossiers: (element-type McDossier): the dossiers as they are after their hand-over
 *
 * One row per dossier for its latest hand-over: the step it ended and the step it began. A dossier that was never
 * handed over has no such row, and the list is refused naming it. The audit log records the list (print, "hand-over
 * list") when it is saved, printed or shown.
 *
 * Returns: (transfer full): the list as a landscape document
 */
McDocument *
mc_handover_list_render (McStore    *store,
                         GPtrArray  *dossiers,
                         GError    **error)
{
  /* Eight columns, the most a table holds: the step's deadline shares the cell of the time. */
  static const double shares[] = { 0.04, 0.20, 0.19, 0.14, 0.14, 0.13, 0.08, 0.08 };
  static const char *header[] = {
    "<b>STT</b>", "<b>Mã hồ sơ</b>", "<b>Tên thủ tục hành chính</b>", "<b>Bên giao</b>", "<b>Bên nhận</b>",
    "<b>Thời gian giao nhận</b>", "<b>Ký giao</b>", "<b>Ký nhận</b>",
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(McDocument) doc = NULL;
  g_autoptr(McFormIssuer) issuer = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *number_line = NULL;
  g_autofree char *totals = NULL;
  const McOffice *office;
  const char *giver = NULL;
  const char *receiver = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (dossiers != NULL, NULL);

  if (dossiers->len == 0)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                           _("A hand-over list needs at least one dossier"));
      return NULL;
    }
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < dossiers->len; i++)
    {
      McDossier *d = g_ptr_array_index (dossiers, i);
      McDossierStep *from, *to;
      char **cells;

      if (d->steps == NULL || d->steps->len < 2)
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT,
                       _("Dossier %s has not been handed over: it has no row on a hand-over list"), d->code);
          return NULL;
        }
      from = g_ptr_array_index (d->steps, d->steps->len - 2);
      to = g_ptr_array_index (d->steps, d->steps->len - 1);
      cells = g_new0 (char *, G_N_ELEMENTS (header) + 1);
      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_markup_escape_text (d->code, -1);
      cells[2] = g_markup_escape_text (d->procedure_name ? d->procedure_name : d->procedure_code, -1);
      cells[3] = side (from);
      cells[4] = side (to);
      cells[5] = handed_text (to);
      cells[6] = g_strdup ("");
      cells[7] = g_strdup ("");
      g_ptr_array_add (rows, cells);
      giver = common_person (giver, from->person, i == 0);
      receiver = common_person (receiver, to->person, i == 0);
    }

  office = mc_store_get_office (store);
  doc = mc_document_new (TRUE);
  date_line = mc_form_place_date (office->place, mc_time_now ());
  /* The hand-overs inside the office are the control sheet's (issuer_control): one book, one issuer. */
  issuer = mc_form_issuer_new (office, "control");
  number_line = mc_form_issuer_number_line (issuer, "GN", 0);
  mc_form_issuer_add_header (issuer, doc, number_line, date_line, NULL);
  mc_document_add_text (doc, "<b>SỔ GIAO NHẬN HỒ SƠ</b>", 14, MC_ALIGN_CENTER, 0, 12);
  mc_document_add_text (doc, "<i>Giao nhận hồ sơ giữa các bộ phận trong quá trình giải quyết thủ tục hành chính</i>",
                        BODY, MC_ALIGN_CENTER, 0, 2);
  mc_document_add_table (doc, G_N_ELEMENTS (shares), shares, header, rows, TABLE_SIZE, 8);
  totals = g_strdup_printf ("Tổng số: <b>%u</b> hồ sơ.", rows->len);
  mc_document_add_text (doc, totals, BODY, MC_ALIGN_LEFT, 0, 8);
  mc_document_add_signatures (doc, "NGƯỜI GIAO", "(Ký và ghi rõ họ tên)", giver,
                              "NGƯỜI NHẬN", "(Ký và ghi rõ họ tên)", receiver, 10);
  _mc_document_audit (doc, store, MC_AUDIT_PRINT, NULL, "hand-over list");
  return g_steal_pointer (&doc);
}
