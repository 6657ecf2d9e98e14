/* mc-event.h
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

#define MC_TYPE_EVENT (mc_event_get_type ())

/* The bounds of an event's clocks (its Lamport clock and its station's sequence number). A bundle whose event
 * carries a clock above MC_EVENT_CLOCK_ACCEPTED is refused: 2^40 is a million events a day for three thousand
 * years, far above any office's history, so such a clock is forged or broken. Recording refuses a clock above
 * MC_EVENT_CLOCK_MAX (2^41), which leaves 2^40 events after the highest clock ever accepted, and stays far below
 * 2^53, the largest integer every JSON reader keeps exactly (docs/sync-format.md). */
#define MC_EVENT_CLOCK_ACCEPTED (G_GINT64_CONSTANT (1) << 40)
#define MC_EVENT_CLOCK_MAX      (G_GINT64_CONSTANT (1) << 41)

/* Event kinds. Dossier events carry the dossier's UUID; reference-data events (catalogue, calendar, office)
 * carry none. */
#define MC_EVENT_RECEIVED             "received"
#define MC_EVENT_EDITED               "edited"
#define MC_EVENT_SUPPLEMENT_REQUESTED "supplement_requested"
#define MC_EVENT_SUPPLEMENT_COMPLETED "supplement_completed"
#define MC_EVENT_REFUSED              "refused"
#define MC_EVENT_STOP_REQUESTED       "stop_requested"
/* Sent to another competent body (status "transferred"); "to" is the body, "reason" why. */
#define MC_EVENT_TRANSFERRED          "transferred"
/* A hand-over inside the office, from the unit holding the dossier to the next ("to", "person", "note"). */
#define MC_EVENT_HANDED_OVER          "handed_over"
#define MC_EVENT_RESULT_READY         "result_ready"
#define MC_EVENT_RETURNED             "returned"
#define MC_EVENT_APOLOGY_ISSUED       "apology_issued"
#define MC_EVENT_RATING_RECORDED      "rating_recorded"
#define MC_EVENT_DIGITISED            "digitised"
/* The clerk filled the procedure's declaration (tờ khai) for the citizen: the template and the answers. */
#define MC_EVENT_DECLARATION_FILLED   "declaration_filled"
/* The retention period passed: the dossier's personal fields are removed on every station, its facts kept. */
#define MC_EVENT_PERSONAL_DATA_REMOVED "personal_data_removed"
/* A fee paid at the desk (or online) with its official receipt, and money given back (docs/fees.md). */
#define MC_EVENT_FEE_PAID             "fee_paid"
#define MC_EVENT_FEE_REFUNDED         "fee_refunded"
#define MC_EVENT_PROCEDURE_SET        "procedure_set"
#define MC_EVENT_CALENDAR_DAY_SET     "calendar_day_set"
#define MC_EVENT_OFFICE_SET           "office_set"
/* A workstation took another station number ("station", 1-99); its identity is the event's station id. */
#define MC_EVENT_STATION_NUMBERED     "station_numbered"
/* The feedback register (reference data: no dossier; the entry's id in the payload's "feedback"). */
#define MC_EVENT_FEEDBACK_RECEIVED    "feedback_received"
#define MC_EVENT_FEEDBACK_ANSWERED    "feedback_answered"

/* One immutable fact: appended, never edited. Total order: (lamport, station_id, station_seq). */
struct _McEvent
{
  char     *uuid;
  char     *dossier_uuid;   /* NULL for reference data */
  char     *station_id;
  gint64    station_seq;
  gint64    lamport;
  char     *occurred_at;    /* ISO 8601 with offset */
  char     *clerk;
  char     *kind;
  JsonNode *payload;        /* always an object */

  /*< private >*/
  gatomicrefcount ref_count;
};

GType      mc_event_get_type        (void) G_GNUC_CONST;
McEvent   *mc_event_new             (const char *uuid,
                                     const char *dossier_uuid,
                                     const char *station_id,
                                     gint64      station_seq,
                                     gint64      lamport,
                                     const char *occurred_at,
                                     const char *clerk,
                                     const char *kind,
                                     JsonNode   *payload);
McEvent   *mc_event_ref             (McEvent    *self);
void       mc_event_unref           (McEvent    *self);
int        mc_event_compare         (const McEvent *a,
                                     const McEvent *b);
int        mc_event_compare_indirect (gconstpointer a,
                                      gconstpointer b);
gboolean   mc_event_kind_is_known   (const char *kind);
gboolean   mc_event_kind_is_dossier (const char *kind);
gboolean   mc_event_kind_is_feedback (const char *kind);
char      *mc_event_payload_to_string (McEvent  *self);
const char *mc_event_get_string     (McEvent    *self,
                                     const char *member);
McMinute   mc_event_get_time        (McEvent    *self,
                                     const char *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McEvent, mc_event_unref)

G_END_DECLS
