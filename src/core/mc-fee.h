/* mc-fee.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_FEE_ERROR (mc_fee_error_quark ())

typedef enum
{
  MC_FEE_ERROR_INVALID,
} McFeeError;

/* The largest amount the desk takes or gives back in one payment, in đồng: anything above is a typing slip. */
#define MC_FEE_MAX_AMOUNT 100000000

/* How a procedure's fee is counted (docs/fees.md). */
typedef enum
{
  MC_FEE_BASIS_NONE,       /* no fee */
  MC_FEE_BASIS_DOSSIER,    /* one amount per dossier */
  MC_FEE_BASIS_PAGE,       /* per page of each copy, a lower rate past the first pages, a ceiling per copy */
  MC_FEE_BASIS_COPY,       /* per copy issued */
  MC_FEE_BASIS_SIGNATURE,  /* per case of signatures certified */
  MC_FEE_BASIS_CONTRACT,   /* per contract, transaction or document certified */
} McFeeBasis;

typedef struct
{
  char *code;     /* e.g. "timely", "poor" */
  char *label;    /* Vietnamese, as printed */
  char *ground;   /* the legal ground, e.g. "Luật Hộ tịch 2014, Điều 11 khoản 2" */
} McFeeExemption;

/* A procedure's fee schedule, from the catalogue. Immutable once built. */
typedef struct
{
  McFeeBasis  basis;
  gint64      amount;          /* per unit (per page for the first pages), in đồng */
  gint64      online_amount;   /* per unit when filed online; -1 when the same */
  char       *province_key;    /* NULL, or the office setting that holds the amount the province set */
  int         first_pages;     /* MC_FEE_BASIS_PAGE: pages at the full rate */
  gint64      later_amount;    /* MC_FEE_BASIS_PAGE: per page past them */
  gint64      ceiling;         /* MC_FEE_BASIS_PAGE: at most this per copy; 0 for none */
  char       *default_exemption; /* NULL, or the exemption most dossiers have (a timely birth registration) */
  GPtrArray  *exemptions;      /* McFeeExemption */
} McFeeSchedule;

/* What the clerk enters at intake. */
typedef struct
{
  int         pages;       /* MC_FEE_BASIS_PAGE: pages of the original; 0 means 1 */
  int         count;       /* copies, cases of signatures or contracts; 0 means 1 */
  gboolean    online;      /* filed online (some fees are lower) */
  const char *exemption;   /* NULL or "" for none, else an exemption's code */
} McFeeInput;

/* One line of the amount's breakdown, in Vietnamese as the slip prints it. */
typedef struct
{
  char   *label;
  gint64  amount;
} McFeeLine;

typedef struct
{
  gint64                gross;      /* before the exemption */
  gint64                due;        /* 0 when exempted */
  const McFeeExemption *exemption;  /* (nullable) borrowed from the schedule */
  GPtrArray            *lines;      /* McFeeLine */
} McFeeDue;

GQuark          mc_fee_error_quark           (void);

McFeeSchedule  *mc_fee_schedule_new_from_json (JsonObject          *object,
                                               GError             **error);
void            mc_fee_schedule_free         (McFeeSchedule       *self);
void            mc_fee_schedule_to_json      (const McFeeSchedule *self,
                                              JsonBuilder         *builder);
const McFeeExemption *
                mc_fee_schedule_find_exemption (const McFeeSchedule *self,
                                                const char          *code);
const char     *mc_fee_basis_to_string       (McFeeBasis           basis);
gboolean        mc_fee_basis_from_string     (const char          *text,
                                              McFeeBasis          *out);

McFeeDue       *mc_fee_compute               (const McFeeSchedule *schedule,
                                              const McOffice      *office,
                                              const McFeeInput    *input,
                                              GError             **error);
void            mc_fee_due_free              (McFeeDue            *self);
char           *mc_fee_due_describe          (const McFeeDue      *self);

gboolean        mc_fee_parse_amount          (const char          *text,
                                              gint64              *out_amount,
                                              GError             **error);
char           *mc_fee_format_amount         (gint64               amount);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McFeeSchedule, mc_fee_schedule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McFeeDue, mc_fee_due_free)

G_END_DECLS
