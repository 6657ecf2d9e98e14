/* mc-stats.h
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

#define MC_STATS_ERROR (mc_stats_error_quark ())

typedef enum
{
  MC_STATS_ERROR_INVALID_PERIOD,
  MC_STATS_ERROR_DATABASE,
} McStatsError;

typedef enum
{
  MC_RATING_VERY_SATISFIED,
  MC_RATING_SATISFIED,
  MC_RATING_NEUTRAL,
  MC_RATING_DISSATISFIED,
  MC_RATING_VERY_DISSATISFIED,
  MC_RATING_DECLINED,
  MC_N_RATINGS,
} McRating;

/* The figures of one period for one group of dossiers (the whole office, one procedure or one sector).
 * The exact definitions are in docs/reports.md and at the top of mc-stats.c. In short, with the period
 * [start, end) = [00:00 of from_jdn, 00:00 of the day after to_jdn) and "closed" = settled, refused, stopped or
 * transferred:
 *
 *   carried_over + received = settled + refused + stopped + transferred + in_progress
 *   settled = early + on_time + late
 *   in_progress = on_track + overdue + paused
 */
typedef struct
{
  guint   carried_over;       /* received before start, not closed before start */
  guint   received;           /* received in [start, end) */
  guint   received_by_channel[4];  /* indexed by McChannel: in person, post, online, linked */
  guint   settled;            /* result ready (or returned) in [start, end) */
  guint   early;
  guint   on_time;
  guint   late;
  guint   refused;            /* refused in [start, end): neither settled nor in progress */
  guint   stopped;            /* stopped at the applicant's request in [start, end) */
  guint   transferred;        /* transferred to another competent body in [start, end) */
  guint   in_progress;        /* received before end, not closed before end */
  guint   on_track;           /* … whose deadline had not passed at the reference moment */
  guint   overdue;            /* … whose deadline had passed at the reference moment */
  guint   paused;             /* … waiting for the applicant's supplement (no deadline runs) */
  guint   apologies;          /* apology letters (new appointment dates) issued in [start, end) */
  guint   late_with_apology;  /* of the late ones, those that had an apology letter */
  guint   settled_on_the_spot;  /* of the settled ones, those served while the citizen waited */
  guint   overdue_with_apology;  /* of the overdue ones, those with a letter by the reference moment */
  guint   digitised;          /* of the dossiers received in the period, those with a "digitised" event */
  guint   digitised_components;  /* … and the distinct components (documents) digitised in them */
  gint64  working_minutes;    /* sum over the settled dossiers of the office time from receipt to settlement */
  guint   ratings[MC_N_RATINGS];  /* the last rating of each dossier, when recorded in [start, end) */
  /* Fees (docs/fees.md), in đồng: paid and refunded in [start, end); waived by an exemption for the dossiers
   * received in it; and the payments, all and online (the 766 index's share). */
  gint64  fees_collected;
  gint64  fees_refunded;
  gint64  fees_exempted;
  guint   fee_payments;
  guint   fee_payments_online;
} McStatsFigures;

typedef struct
{
  char           *key;        /* procedure code, or sector name ("" when the dossier has none) */
  char           *name;       /* procedure name, or sector name */
  char           *sector;     /* the procedure's sector (procedure groups only) */
  McStatsFigures  figures;
} McStatsGroup;

typedef struct
{
  int             from_jdn;
  int             to_jdn;         /* inclusive */
  McMinute        start;          /* 00:00 of from_jdn */
  McMinute        end;            /* 00:00 of the day after to_jdn (exclusive) */
  McMinute        reference;      /* when in-progress dossiers are split on track / overdue: MIN (now, end) */
  char           *office_code;    /* NULL: all offices */
  int             minutes_per_day;  /* office minutes in a working day (480 by default) */
  McStatsFigures  overall;
  GPtrArray      *per_procedure;  /* McStatsGroup, sorted by code */
  GPtrArray      *per_sector;     /* McStatsGroup, sorted by name */
} McStats;

GQuark       mc_stats_error_quark          (void);

McStats     *mc_stats_compute              (McStore              *store,
                                            int                   from_jdn,
                                            int                   to_jdn,
                                            McMinute              now,
                                            const char           *office_code,
                                            GError              **error);
void         mc_stats_free                 (McStats              *self);
void         mc_stats_to_json              (McStats              *self,
                                            JsonBuilder          *builder);

/* Derived figures; a negative value means "not defined" (nothing settled, nothing received, nothing rated). */
double       mc_stats_figures_on_time_rate (const McStatsFigures *figures);
double       mc_stats_figures_apology_coverage (const McStatsFigures *figures);
double       mc_stats_figures_progress_score (const McStatsFigures *figures);
double       mc_stats_figures_average_working_days (const McStatsFigures *figures,
                                                    int                   minutes_per_day);
double       mc_stats_figures_digitised_share (const McStatsFigures *figures);
double       mc_stats_figures_online_share (const McStatsFigures *figures);
double       mc_stats_figures_fee_online_share (const McStatsFigures *figures);
double       mc_stats_figures_satisfaction_rate (const McStatsFigures *figures);

/* The apology coverage at @now, as the alerts show it: the Reports page's figure for the day of @now (late or
 * overdue dossiers, against their original due dates, and those among them with a letter). */
typedef struct
{
  guint  late_or_overdue;
  guint  without_letter;
  double coverage;            /* mc_stats_figures_apology_coverage (); negative when nothing is late */
} McApologyCoverage;

gboolean     mc_stats_apology_coverage_now (McStore              *store,
                                            McMinute              now,
                                            McApologyCoverage    *coverage,
                                            GError              **error);
char        *mc_stats_format_share         (double                share);

gboolean     mc_rating_from_string         (const char           *text,
                                            McRating             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McStats, mc_stats_free)

G_END_DECLS
