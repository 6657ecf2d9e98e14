/* mc-store-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Package-private: for the store's own files (src/core/store/) and the core's modules that keep tables beside
 * the store's (accounts and audit, feedback, documents). Never for the app, the command line or the forms. */

#pragma once

#include <sqlite3.h>

#include "mc-store.h"

G_BEGIN_DECLS

/*
 * For the core's other modules
 */

sqlite3    *mc_store_get_sqlite (McStore    *self);
void        mc_store_set_actor  (McStore    *self,
                                 const char *username,
                                 const char *full_name);
const char *mc_store_get_actor  (McStore    *self);
McEvent    *mc_store_append_reference_event (McStore    *self,
                                             const char *kind,
                                             JsonNode   *payload,
                                             GError    **error);

/*
 * Inside the store
 */

/* "MCS1" in the database header: tells our files from any other SQLite file. */
#define MC_STORE_APPLICATION_ID 0x4D435331

struct _McStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  McCalendar *calendar;
  McOffice   *office;
  gboolean    set_up;
  gboolean    staging;     /* projections go to temp.projection_stage until _mc_store_flush_staging() */
  gboolean    changed;     /* the transaction under way changed what the views show */
  gboolean    removed_personal_data;  /* … and removed a dossier's personal data */
  char       *actor;       /* the signed-in account's username, NULL when none */
  gboolean    checkpointing;  /* a background WAL checkpoint is running */
  char       *actor_name;  /* … and full name: events record it as their clerk */
};

/* mc-store-sql.c: statements (cached by their text), rows, values, and SQLite's failures in the user's words */
typedef gboolean (*McStoreRowFunc)  (sqlite3_stmt  *stmt,
                                     gpointer       data,
                                     GError       **error);
typedef gpointer (*McStoreMakeFunc) (sqlite3_stmt  *stmt);

gboolean      _mc_store_set_error        (McStore       *self,
                                          int            rc,
                                          GError       **error);
gboolean      _mc_store_add_functions    (McStore       *self,
                                          GError       **error);
gboolean      _mc_store_exec             (McStore       *self,
                                          const char    *sql,
                                          GError       **error);
sqlite3_stmt *_mc_store_prepare          (McStore       *self,
                                          const char    *sql,
                                          GError       **error);
sqlite3_stmt *_mc_store_prepare_for      (McStore       *self,
                                          const char    *sql,
                                          const char    *text,
                                          GError       **error);
gboolean      _mc_store_step_done        (McStore       *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      _mc_store_step_each        (McStore       *self,
                                          sqlite3_stmt  *stmt,
                                          McStoreRowFunc func,
                                          gpointer       data,
                                          GError       **error);
GPtrArray    *_mc_store_step_all         (McStore       *self,
                                          sqlite3_stmt  *stmt,
                                          McStoreMakeFunc make,
                                          GDestroyNotify free_func,
                                          GError       **error);
GPtrArray    *_mc_store_step_strings     (McStore       *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gint64        _mc_store_step_int         (McStore       *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gint64        _mc_store_query_int        (McStore       *self,
                                          const char    *sql,
                                          const char    *arg,
                                          GError       **error);
char         *_mc_store_query_string     (McStore       *self,
                                          const char    *sql,
                                          const char    *arg,
                                          GError       **error);
void          _mc_store_bind_text        (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
void          _mc_store_bind_minute      (sqlite3_stmt  *stmt,
                                          int            index,
                                          McMinute       minute);
char         *_mc_store_column_dup       (sqlite3_stmt  *stmt,
                                          int            index);
McMinute      _mc_store_column_minute    (sqlite3_stmt  *stmt,
                                          int            index);

/* mc-store.c: transactions and the events this station writes */
typedef gboolean (*McStoreFunc) (McStore   *self,
                                 gpointer   data,
                                 GError   **error);

gboolean      _mc_store_begin            (McStore       *self,
                                          GError       **error);
void          _mc_store_rollback         (McStore       *self);
gboolean      _mc_store_write            (McStore       *self,
                                          McStoreFunc    write,
                                          gpointer       data,
                                          GError       **error);
gboolean      _mc_store_read             (McStore       *self,
                                          McStoreFunc    read,
                                          gpointer       data,
                                          GError       **error);
McEvent      *_mc_store_append           (McStore       *self,
                                          const char    *dossier_uuid,
                                          const char    *kind,
                                          JsonNode      *payload,
                                          const char    *clerk,
                                          GError       **error);
gboolean      _mc_store_ensure_set_up    (McStore       *self,
                                          GError       **error);
gboolean      _mc_store_field_error      (GError       **error,
                                          const char    *field,
                                          GError        *cause);

/* mc-store-stations.c: the workstations known, their identities and numbers */
gboolean      _mc_store_note_station_event (McStore     *self,
                                          McEvent       *event,
                                          GError       **error);
gboolean      _mc_store_note_own_station (McStore       *self,
                                          GError       **error);

/* mc-store-schema.c */
gboolean      _mc_store_migrate          (McStore       *self,
                                          GError       **error);

/* mc-store-projection.c: events folded into the tables */
#define MC_STORE_PROJECTION_COLUMNS \
  "uuid, code, official_code, procedure_code, procedure_name, sector, unit, duration, applicant_name," \
  " applicant_id, phone, channel, result_delivery, status, received, due, settled, returned, new_due, outcome," \
  " has_apology, n_events, last_lamport, search_key, on_the_spot, address, deciding_body, returned_to," \
  " refused_at, stopped_at, apology_at, held_unit, held_person, step_due, transferred_at, transferred_to," \
  " book, book_entry"

gboolean      _mc_store_insert_event     (McStore       *self,
                                          McEvent       *event,
                                          gboolean      *out_new,
                                          GError       **error);
GPtrArray    *_mc_store_step_events      (McStore       *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
GPtrArray    *_mc_store_load_events      (McStore       *self,
                                          const char    *dossier_uuid,
                                          GError       **error);
gboolean      _mc_store_project          (McStore       *self,
                                          McEvent       *event,
                                          GError       **error);
gboolean      _mc_store_project_reference (McStore      *self,
                                          McEvent       *event,
                                          GError       **error);
gboolean      _mc_store_project_dossier  (McStore       *self,
                                          const char    *dossier_uuid,
                                          GPtrArray     *events,
                                          GError       **error);
gboolean      _mc_store_refold           (McStore       *self,
                                          const char    *dossier_uuid,
                                          GError       **error);
gboolean      _mc_store_refold_touching  (McStore       *self,
                                          McMinute       from,
                                          McMinute       to,
                                          GError       **error);
gboolean      _mc_store_refold_all       (McStore       *self,
                                          GError       **error);
gboolean      _mc_store_begin_staging    (McStore       *self,
                                          GError       **error);
gboolean      _mc_store_flush_staging    (McStore       *self,
                                          GError       **error);

/* mc-store-query.c */
#define MC_STORE_DOSSIER_COLUMNS \
  "id, uuid, code, official_code, procedure_code, procedure_name, sector, unit, duration, applicant_name," \
  " applicant_id, phone, channel, result_delivery, status, received, due, settled, returned, new_due, outcome," \
  " has_apology, n_events, last_lamport, held_unit, held_person, step_due"
/* How many columns MC_STORE_DOSSIER_COLUMNS selects: a query that selects more reads them from there on. */
#define MC_STORE_DOSSIER_N_COLUMNS 27

McDossier    *_mc_store_dossier_from_row (sqlite3_stmt  *stmt);

/* mc-store-reports.c: the statistics' rows; the strings are the row's, valid during the call */
typedef struct
{
  const char *uuid;
  const char *procedure_code;
  const char *procedure_name;
  const char *sector;
  McChannel   channel;
  McStatus    status;
  McMinute    received;
  McMinute    due;
  McMinute    settled;
  McDueState  outcome;
  gboolean    has_apology;
  McMinute    ended;                 /* when it was refused or stopped */
  McMinute    apology_at;
  gboolean    digitised;
  guint       digitised_components;
  gboolean    changed_after;         /* a step happened at or after the limit */
  gboolean    on_the_spot;
} McStoreStatsRow;

typedef struct
{
  const char *dossier_uuid;
  const char *procedure_code;
  const char *procedure_name;
  const char *sector;
  const char *rating;
  McMinute    at;
} McStoreRatingRow;

/* Which dossiers the statistics count, and over which period. */
typedef struct
{
  McMinute    start;         /* the period's first minute */
  McMinute    end;           /* the minute after it */
  McMinute    limit;         /* events from this moment on do not count for the state at the reference moment */
  const char *code_prefix;   /* only the dossiers whose code starts with it ("<office code>-"); NULL for all */
} McStoreStatsScope;

typedef gboolean (*McStoreStatsFunc)  (const McStoreStatsRow  *row,
                                       gpointer                data,
                                       GError                **error);
typedef gboolean (*McStoreRatingFunc) (const McStoreRatingRow *row,
                                       gpointer                data,
                                       GError                **error);

gboolean      _mc_store_foreach_stats_row (McStore                 *self,
                                           const McStoreStatsScope *scope,
                                           McStoreStatsFunc         func,
                                           gpointer                 data,
                                           GError                 **error);
gboolean      _mc_store_foreach_rating   (McStore                 *self,
                                          const McStoreStatsScope *scope,
                                          McStoreRatingFunc        func,
                                          gpointer                 data,
                                          GError                 **error);
McDossier    *_mc_store_fold_before      (McStore       *self,
                                          const char    *dossier_uuid,
                                          McMinute       limit,
                                          GError       **error);

/* mc-store-office.c */
gboolean      _mc_store_load_office      (McStore       *self,
                                          GError       **error);

/* mc-store-intake.c: the numbers issued at the desk */
gint64        _mc_store_next_form_number (McStore       *self,
                                          const char    *form,
                                          int            year,
                                          GError       **error);

/* mc-store-attachments.c */
GHashTable   *_mc_store_list_kept_documents (McStore     *self,
                                             GError     **error);

/* mc-store-feedback.c */
gboolean      _mc_store_project_feedback (McStore       *self,
                                          McEvent       *event,
                                          GError       **error);

/* mc-store-fees.c */
typedef struct
{
  const char *procedure_code;
  const char *procedure_name;
  const char *sector;
  const char *kind;       /* "payment", "refund" or "exempted" (an exempted dossier received in the period) */
  gint64      amount;     /* for "exempted", the amount it would have owed */
  gboolean    online;     /* a payment made online */
} McStoreFeeRow;

typedef gboolean (*McStoreFeeFunc) (const McStoreFeeRow  *row,
                                    gpointer              data,
                                    GError              **error);

gboolean      _mc_store_foreach_fee_row  (McStore                 *self,
                                          const McStoreStatsScope *scope,
                                          McStoreFeeFunc           func,
                                          gpointer                 data,
                                          GError                 **error);
gboolean      _mc_store_check_fee        (McDossier     *dossier,
                                          JsonObject    *payload,
                                          GError       **error);
gboolean      _mc_store_check_fee_now    (McStore       *self,
                                          McDossier     *dossier,
                                          const char    *kind,
                                          JsonObject    *payload,
                                          GError       **error);
gboolean      _mc_store_project_fee      (McStore       *self,
                                          McEvent       *event,
                                          GError       **error);

/* mc-store-maintenance.c */
gboolean      _mc_store_scrub_events     (McStore       *self,
                                          const char    *dossier_uuid,
                                          GError       **error);

G_END_DECLS
