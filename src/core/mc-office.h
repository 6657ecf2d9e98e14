/* mc-office.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-calendar.h"
#include "mc-dossier.h"

G_BEGIN_DECLS

/* The office's settings (shared by its stations through events) and this station's own identity. Reference
 * counted, and never changed once a store hands it out: a store that reads its settings again makes a new one, so
 * a reference taken with mc_store_dup_office() keeps the values it was taken with. */
struct _McOffice
{
  /* shared */
  char             *code;          /* electronic id, e.g. 000.00.12.H40 */
  char             *name;          /* e.g. UBND xã Tân Lập */
  char             *parent;        /* cơ quan chủ quản, e.g. ỦY BAN NHÂN DÂN XÃ TÂN LẬP */
  char             *unit_name;     /* TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG */
  char             *place;         /* the place name of the date line */
  char             *lookup_url;    /* template with {code} and {pin}, may be NULL */
  char             *phone;         /* the office's telephone for citizens, printed on the papers */
  /* The People's Committee's signer, and the centre's: authority line (TM., KT., Q., TL., TUQ. …), title, name. */
  char             *signer_authority;
  char             *signer_name;
  char             *signer_title;
  char             *centre_signer_authority;
  char             *centre_signer_name;
  char             *centre_signer_title;
  /* Who issues each paper: "centre" (the unit_name under the parent) or "committee" (the People's Committee). */
  char             *issuer_slip;
  char             *issuer_supplement;
  char             *issuer_refusal;
  char             *issuer_apology;
  char             *issuer_stop;
  char             *issuer_control;
  char             *issuer_late_list;
  McOfficeHours     hours;
  int               due_soon_days;
  McSupplementMode  supplement_mode;
  char             *form_numbering; /* "2025" or "2018" */
  char             *register_books; /* "year": one register book a year; "sector": one per sector a year */
  /* Civil-status fees (lệ phí hộ tịch) the province's People's Council sets, in đồng (docs/fees.md). */
  int               fee_late_registration;
  int               fee_parentage;
  int               fee_civil_change;
  int               fee_marital_status;
  int               fee_re_registration;
  int               fee_civil_confirmation;
  int               fee_foreign_marriage;
  int               fee_foreign_birth;
  int               fee_foreign_parentage;

  /* this station */
  int               station;       /* 1..99 */
  char             *station_id;    /* UUID */
  char             *clerk;

  /*< private >*/
  gatomicrefcount   ref_count;
};

McOffice *mc_office_new          (void);
McOffice *mc_office_ref          (McOffice   *self);
void      mc_office_unref        (McOffice   *self);
McOffice *mc_office_copy         (const McOffice *self);
gboolean  mc_office_set_value    (McOffice   *self,
                                  const char *key,
                                  const char *value);
char     *mc_office_get_value    (const McOffice *self,
                                  const char *key);
char     *mc_office_describe_value (const char *key);
gboolean  mc_office_setting_moves_deadlines (const char *key);
const char * const *
          mc_office_shared_keys  (void);
gboolean  mc_office_code_is_valid (const char *code);
gboolean  mc_office_parse_clock  (const char *text,
                                  int        *out_minutes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McOffice, mc_office_unref)

G_END_DECLS
