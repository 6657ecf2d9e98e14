/* mc-dossier.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER (mc_dossier_get_type ())
#define MC_DOSSIER_ERROR (mc_dossier_error_quark ())

typedef enum
{
  MC_DOSSIER_ERROR_UNKNOWN_STEP,  /* not a step of a dossier's life after intake */
  MC_DOSSIER_ERROR_NOT_NOW,       /* a step the dossier's state does not allow */
} McDossierError;

typedef enum
{
  MC_SUPPLEMENT_RESTART,  /* the full time limit starts again when the supplement arrives */
  MC_SUPPLEMENT_RESUME,   /* the time left when the dossier was paused carries on */
} McSupplementMode;

/* What a dossier's applicant is called once the retention period removed the personal data. */
#define MC_DOSSIER_REMOVED_NAME "—"

/* The projection of one dossier's events: what the lists, forms and statistics read. */
struct _McDossier
{
  char        *uuid;
  char        *code;
  char        *official_code;
  char        *lookup_pin;

  char        *procedure_code;
  char        *procedure_name;
  char        *sector;
  McUnit       unit;
  int          duration;
  gboolean     cutoff;

  char        *applicant_name;
  char        *applicant_id;      /* normalised identity number, may be NULL */
  int          birth_year;        /* 0 when unknown */
  char        *birth_date;        /* "YYYY-MM-DD" or NULL (only the year known, or nothing) */
  char        *phone;             /* normalised, may be NULL */
  char        *email;
  char        *address;
  char        *gender;            /* "male", "female" (recorded, or read from a personal ID number), or NULL */
  JsonNode    *proxy;             /* object or NULL: người được ủy quyền */
  McChannel    channel;
  JsonNode    *documents;         /* array of {name, original, copy} */
  int          sets;
  char        *notes;
  char        *result_delivery;   /* "desk" or "post" */
  char        *received_by;
  char        *deciding_body;
  char        *fee;
  /* Fees (docs/fees.md): the amount due computed at intake, what the exemption chosen was, and the sums of the
   * payments and refunds recorded, in đồng. */
  gint64       fee_due;           /* -1 when the dossier was received before fees were computed */
  char        *fee_exemption;     /* the exemption's label, NULL for none */
  gint64       fee_paid;
  gint64       fee_refunded;

  /* Form numbers (per office, per form, per year) and the facts the forms print. */
  int          slip_number;
  int          control_number;
  /* The register book (Sổ theo dõi hồ sơ) the dossier was entered in and its number there (docs/architecture.md,
   * "The register book's numbers"): "2026" or "2026 – Hộ tịch", and "02-0007" (station, then the station's
   * count in that book). NULL when the dossier came without a number. */
  char        *book;
  char        *book_entry;
  int          supplement_number;
  char        *supplement_reason;
  char       **supplement_items;  /* what the request lists, one item each; NULL for requests made before items */
  McMinute     supplement_at;
  int          refusal_number;
  char        *refusal_reason;
  McMinute     refused_at;
  int          stop_number;
  char        *stop_reason;
  McMinute     stopped_at;
  int          apology_number;
  McMinute     apology_at;

  McStatus     status;
  char        *status_reason;     /* reason of the last supplement request, refusal or stop */
  McMinute     received;
  McMinute     due;               /* the legal deadline; while paused it stands still (no due state) */
  McMinute     paused_at;
  McMinute     settled;           /* result ready (or returned, lacking that) */
  McMinute     returned;
  char        *returned_to;
  McMinute     new_due;           /* promised in an apology letter, MC_MINUTE_NONE otherwise */
  char        *apology_reason;
  gboolean     has_apology;
  gboolean     personal_data_removed;  /* after the retention period: name "—", no contact details */
  gboolean     on_the_spot;       /* served while the citizen waited ("5 tại chỗ") */
  McDueState   outcome;           /* early / on_time / late once settled, NONE otherwise */

  /* The way through the office (mc-dossier-steps.h): the internal procedure kept at intake, then the steps. */
  GPtrArray   *plan;              /* McProcedureStep */
  GPtrArray   *steps;             /* McDossierStep, in order; the last one is held while the dossier is open */
  char        *transferred_to;    /* the competent body the dossier was transferred to */
  char        *transfer_reason;
  McMinute     transferred_at;
  /* The step held now, while the dossier is open: what the list rows carry (NULL / NONE otherwise). */
  char        *held_unit;
  char        *held_person;
  McMinute     step_due;

  gint64       row_id;            /* the projection row, for keyset paging; 0 when folded */
  guint        n_events;
  gint64       last_lamport;

  /*< private >*/
  gatomicrefcount ref_count;
};

GType       mc_dossier_get_type      (void) G_GNUC_CONST;
GQuark      mc_dossier_error_quark   (void);
McDossier  *mc_dossier_new           (void);
McDossier  *mc_dossier_ref           (McDossier        *self);
void        mc_dossier_unref         (McDossier        *self);

McDossier  *mc_dossier_fold          (GPtrArray        *events,
                                      McCalendar       *calendar,
                                      McSupplementMode  mode);
gboolean    mc_dossier_check_event   (McDossier        *self,
                                      const char       *kind,
                                      GError          **error);
gboolean    mc_dossier_check_event_at (McDossier       *self,
                                       const char      *kind,
                                       McMinute         at,
                                       GError         **error);
gboolean    mc_dossier_is_open       (McDossier        *self);
McDueState  mc_dossier_due_state     (McDossier        *self,
                                      McCalendar       *calendar,
                                      McMinute          now);
char       *mc_dossier_search_key    (McDossier        *self);
void        mc_dossier_to_json       (McDossier        *self,
                                      JsonBuilder      *builder,
                                      McCalendar       *calendar,
                                      McMinute          now,
                                      gboolean          full_identity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDossier, mc_dossier_unref)

G_END_DECLS
