/* mc-intake-page-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the intake page's files share: the page (mc-intake-page.c) and the checks of what the clerk typed, with the
 * applicant filled from an ID card (mc-intake-page-checks.c). */

#pragma once

#include "mc-fee-box.h"
#include "mc-id-card-reader.h"
#include "mc-intake-page.h"
#include "mc-procedure-finder.h"

G_BEGIN_DECLS

struct _McIntakePage
{
  GtkWidget       parent_instance;

  McStore        *store;
  guint           tick_id;
  gboolean        dirty;
  gboolean        resetting;
  char           *last_code;

  McIdCardReader *card_reader;

  McProcedureFinder *procedure_finder;
  GtkLabel       *procedure_info_label;
  AdwPreferencesGroup *applicant_group;
  AdwEntryRow    *name_row;
  AdwEntryRow    *id_row;
  AdwEntryRow    *birth_year_row;
  AdwComboRow    *gender_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *address_row;
  AdwExpanderRow *proxy_expander;
  AdwEntryRow    *proxy_name_row;
  AdwEntryRow    *proxy_id_row;
  AdwEntryRow    *proxy_phone_row;
  AdwEntryRow    *proxy_address_row;
  AdwEntryRow    *proxy_email_row;
  AdwEntryRow    *proxy_authorisation_row;
  AdwComboRow    *channel_row;
  AdwComboRow    *delivery_row;
  GtkSpinButton  *sets_spin;
  GtkListBox     *documents_list;
  AdwEntryRow    *notes_row;
  GtkLabel       *due_label;
  GtkLabel       *due_reason_label;
  McFeeBox       *fee_box;
  GtkLabel       *errors_label;
  GtkWidget      *last_box;
  GtkLabel       *last_label;
};

static inline const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static inline gboolean
is_blank (const char *text)
{
  for (; text && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

void      _mc_intake_page_mark_row     (AdwEntryRow  *row,
                                        gboolean      invalid);
/* The birth field: a year or a dd/mm/yyyy date; *date (when not NULL) the ISO date or NULL. */
int       _mc_intake_page_birth_year   (McIntakePage *self,
                                        gboolean     *valid,
                                        char        **date);
McGender  _mc_intake_page_gender       (McIntakePage *self);
/* Checks every field as the clerk types; FALSE when saving must be refused. With @for_save, also the required
 * fields left empty. */
gboolean  _mc_intake_page_validate     (McIntakePage *self,
                                        gboolean      for_save);
/* The line a scanner typed from an ID card: the applicant filled whole, or nothing and the reason said. */
void      _mc_intake_page_card_line_cb (McIntakePage *self,
                                        const char   *line);

G_END_DECLS
