/* mc-store.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mc-calendar.h"
#include "mc-dossier.h"
#include "mc-event.h"
#include "mc-identity.h"
#include "mc-office.h"
#include "mc-procedure.h"

G_BEGIN_DECLS

#define MC_TYPE_STORE (mc_store_get_type ())
G_DECLARE_FINAL_TYPE (McStore, mc_store, MC, STORE, GObject)

#define MC_STORE_ERROR (mc_store_error_quark ())

typedef enum
{
  MC_STORE_ERROR_NO_DATABASE,
  MC_STORE_ERROR_NOT_OURS,
  MC_STORE_ERROR_NEWER_VERSION,
  MC_STORE_ERROR_CORRUPT,
  MC_STORE_ERROR_IO,
  MC_STORE_ERROR_NOT_SET_UP,
  MC_STORE_ERROR_ALREADY_SET_UP,
  MC_STORE_ERROR_UNKNOWN_PROCEDURE,
  MC_STORE_ERROR_UNKNOWN_DOSSIER,
  MC_STORE_ERROR_INVALID_ACTION,
  MC_STORE_ERROR_INVALID_INPUT,
  MC_STORE_ERROR_DATABASE,
} McStoreError;

#define MC_STORE_SCHEMA_VERSION 11

/* Searches count their matches up to this number. */
#define MC_STORE_SEARCH_CAP 10000

typedef struct
{
  const char *office_code;
  const char *office_name;
  const char *parent_name;
  const char *place;
  int         station;
  const char *clerk;
} McStoreSetup;

/* What the clerk typed at intake. Strings may be NULL or empty when not given. */
typedef struct
{
  const char *procedure_code;
  const char *applicant_name;
  const char *id_number;
  int         birth_year;
  McGender    gender;
  const char *phone;
  const char *email;
  const char *address;
  const char *proxy_name;
  const char *proxy_id_number;
  const char *proxy_phone;
  const char *proxy_address;
  McChannel   channel;
  JsonNode   *documents;        /* array of {name, original, copy}; NULL: the procedure's required list */
  int         sets;             /* 0 means 1 */
  const char *notes;
  const char *result_delivery;  /* "desk" (default) or "post" */
  McMinute    received;         /* MC_MINUTE_NONE: now */
  const char *clerk;            /* NULL: the station's clerk */
  gboolean    on_the_spot;      /* served while the citizen waits (same-day procedures only) */
  /* What the fee is counted on (docs/fees.md): 0 means 1; the exemption's code, NULL for the procedure's usual
   * one, "" for none. */
  int         fee_pages;
  int         fee_count;
  const char *fee_exemption;

  const char *proxy_email;
  const char *proxy_authorisation;  /* the paper of authorisation: kind, number, date */
  const char *birth_date;           /* "YYYY-MM-DD" (from the ID card), NULL when unknown; gives birth_year */
} McIntake;

typedef enum
{
  MC_SORT_DUE,            /* most urgent first; dossiers without a running deadline last */
  MC_SORT_RECEIVED_DESC,  /* newest first */
} McSort;

typedef struct
{
  guint        status_mask;     /* 1 << McStatus; 0 for all */
  guint        due_state_mask;  /* 1 << McDueState among on_track / due_soon / overdue; 0 for all */
  gboolean     step_overdue;    /* with an overdue mask: also dossiers on track whose current step is overdue */
  McMinute     now;
  McMinute     due_before;      /* MC_MINUTE_NONE for no bound */
  McMinute     due_from;        /* inclusive, MC_MINUTE_NONE for no bound */
  McMinute     received_from;   /* inclusive, MC_MINUTE_NONE for no bound */
  McMinute     received_to;     /* exclusive */
  const char  *text;            /* search text, NULL for none; results then come newest first */
  McSort       sort;
  guint        limit;           /* 0: 100 */
  guint        offset;          /* only for a jump into an unvisited region; keyset paging is preferred */
  gboolean     has_after;       /* keyset: rows after (after_key, after_id) in the sort order */
  gint64       after_key;
  gint64       after_id;
} McQuery;

GQuark        mc_store_error_quark         (void);

McStore      *mc_store_open                (const char      *path,
                                            gboolean         create,
                                            GError         **error);
char         *mc_store_default_path        (void);
const char   *mc_store_get_path            (McStore         *self);
gboolean      mc_store_is_set_up           (McStore         *self);
gboolean      mc_store_setup               (McStore         *self,
                                            const McStoreSetup *setup,
                                            GError         **error);
const McOffice *
              mc_store_get_office          (McStore         *self);
McOffice     *mc_store_dup_office          (McStore         *self);
McCalendar   *mc_store_get_calendar        (McStore         *self);
gboolean      mc_store_set_office_values   (McStore         *self,
                                            GHashTable      *values,
                                            GError         **error);
gboolean      mc_store_set_calendar_day    (McStore         *self,
                                            int              jdn,
                                            McDayKind        kind,
                                            const char      *label,
                                            GError         **error);

GPtrArray    *mc_store_list_procedures     (McStore         *self,
                                            GError         **error);
GHashTable   *mc_store_procedure_usage     (McStore         *self,
                                            GError         **error);
McProcedure  *mc_store_get_procedure       (McStore         *self,
                                            const char      *code,
                                            GError         **error);
gboolean      mc_store_set_procedure       (McStore         *self,
                                            McProcedure     *procedure,
                                            GError         **error);

McDossier    *mc_store_intake              (McStore         *self,
                                            const McIntake  *intake,
                                            char           **out_warning,
                                            GError         **error);
McDossier    *mc_store_serve_on_the_spot   (McStore         *self,
                                            const McIntake  *intake,
                                            GError         **error);
McDossier    *mc_store_get_dossier         (McStore         *self,
                                            const char      *code_or_uuid,
                                            GError         **error);
GPtrArray    *mc_store_get_events          (McStore         *self,
                                            const char      *dossier_uuid,
                                            GError         **error);
McDossier    *mc_store_record              (McStore         *self,
                                            const char      *code_or_uuid,
                                            const char      *kind,
                                            JsonNode        *payload,
                                            const char      *clerk,
                                            GError         **error);
GPtrArray    *mc_store_record_many         (McStore            *self,
                                            const char * const *codes,
                                            const char         *kind,
                                            JsonNode           *payload,
                                            const char         *clerk,
                                            GError            **error);
GPtrArray    *mc_store_query               (McStore         *self,
                                            const McQuery   *query,
                                            GError         **error);
gint64        mc_store_count               (McStore         *self,
                                            const McQuery   *query,
                                            GError         **error);
void          mc_query_init                (McQuery         *query);

/* Open dossiers (in progress) due on one day, by due state: what a calendar cell shows. */
typedef struct
{
  int   jdn;
  guint on_track;
  guint due_soon;
  guint overdue;
} McDayCount;

gboolean      mc_store_raise_form_sequences (McStore         *self,
                                             GHashTable      *last_by_year,
                                             GError         **error);
gboolean      mc_store_raise_day_sequences (McStore         *self,
                                            GHashTable      *last_by_day,
                                            GError         **error);
GPtrArray    *mc_store_list_office_codes   (McStore         *self,
                                            GError         **error);
GArray       *mc_store_count_due_by_day    (McStore         *self,
                                            int              first_jdn,
                                            int              last_jdn,
                                            McMinute         now,
                                            GError         **error);

GPtrArray    *mc_store_list_events         (McStore         *self,
                                            gint64           after_id,
                                            guint            limit,
                                            GError         **error);
gboolean      mc_store_has_event           (McStore         *self,
                                            const char      *uuid,
                                            GError         **error);
gint64        mc_store_get_max_station_seq (McStore         *self,
                                            const char      *station_id,
                                            GError         **error);
gint64        mc_store_count_station_range (McStore         *self,
                                            const char      *station_id,
                                            gint64           first,
                                            gint64           last,
                                            GError         **error);
gint64        mc_store_get_station_uuids   (McStore         *self,
                                            const char      *station_id,
                                            gint64           first,
                                            gint64           last,
                                            char            *out_uuids,
                                            GError         **error);
gint64        mc_store_get_station_event_id (McStore        *self,
                                            const char      *station_id,
                                            gint64           seq,
                                            GError         **error);
gint64        mc_store_get_max_event_id    (McStore         *self,
                                            GError         **error);
/* mc-store-stations.c: the office's workstations, each a random identity going by a number */
gboolean      mc_store_note_station        (McStore         *self,
                                            const char      *office,
                                            const char      *station_id,
                                            int              number,
                                            gint64           seq,
                                            GError         **error);
int           mc_store_lookup_station      (McStore         *self,
                                            const char      *station_id,
                                            char           **out_office,
                                            int             *out_number,
                                            gint64          *out_seq,
                                            GError         **error);
GPtrArray    *mc_store_list_station_holders (McStore        *self,
                                            const char      *office,
                                            int              number,
                                            GError         **error);
typedef struct
{
  char *station_id;
  char *office;
  int   number;
} McStoreStation;

void          mc_store_station_free        (McStoreStation  *station);
GPtrArray    *mc_store_list_stations       (McStore         *self,
                                            GError         **error);
gboolean      mc_store_renumber_station    (McStore         *self,
                                            int              number,
                                            GError         **error);
char         *mc_store_get_local           (McStore         *self,
                                            const char      *key);
gboolean      mc_store_set_local           (McStore         *self,
                                            const char      *key,
                                            const char      *value,
                                            GError         **error);
gboolean      mc_store_remove_personal_data (McStore        *self,
                                            int              years,
                                            gboolean         dry_run,
                                            guint           *out_count,
                                            GError         **error);
GPtrArray    *mc_store_list_late           (McStore         *self,
                                            int              from_jdn,
                                            int              to_jdn,
                                            GError         **error);

typedef gboolean (*McDossierFunc) (McDossier  *dossier,
                                   gpointer    user_data,
                                   GError    **error);

gboolean      mc_store_foreach_received    (McStore         *self,
                                            int              from_jdn,
                                            int              to_jdn,
                                            const char      *sector,
                                            McDossierFunc    func,
                                            gpointer         user_data,
                                            GError         **error);
void          mc_store_checkpoint_in_background (McStore    *self);
void          mc_store_refresh             (McStore         *self);
gboolean      mc_store_check               (McStore         *self,
                                            char           **out_report,
                                            GError         **error);
gboolean      mc_store_apply_events        (McStore         *self,
                                            GPtrArray       *events,
                                            guint           *out_new,
                                            GError         **error);

/* A fee paid or refunded at the desk (docs/fees.md); strings may be NULL. */
typedef struct
{
  gint64      amount;    /* whole đồng, 1 to MC_FEE_MAX_AMOUNT */
  int         pages;     /* what the payment was counted on, 0 when not given */
  int         copies;
  const char *receipt;   /* the official receipt's number (biên lai), unique in the office */
  const char *method;    /* "cash" (default), "transfer" or "online" */
  const char *at;        /* ISO 8601; NULL for now */
  const char *reason;    /* a refund's, required for one */
  const char *clerk;     /* NULL: the station's clerk */
} McFeePayment;

/* One line of the fee book. */
typedef struct
{
  char     *event_uuid;
  McMinute  at;
  gboolean  refund;
  gint64    amount;
  char     *dossier_code;
  char     *payer;
  char     *procedure_code;
  char     *procedure_name;
  char     *receipt;
  char     *method;
  char     *reason;
  char     *clerk;
  McChannel channel;
  gboolean  duplicate_receipt;  /* a payment earlier in the total order has the same receipt number */
} McFeeRow;

McDossier    *mc_store_pay_fee             (McStore            *self,
                                            const char         *code_or_uuid,
                                            const McFeePayment *payment,
                                            GError            **error);
McDossier    *mc_store_refund_fee          (McStore            *self,
                                            const char         *code_or_uuid,
                                            const McFeePayment *refund,
                                            GError            **error);
GPtrArray    *mc_store_list_fee_rows       (McStore            *self,
                                            McMinute            from,
                                            McMinute            to,
                                            GError            **error);
void          mc_fee_row_free              (McFeeRow           *row);

G_END_DECLS
