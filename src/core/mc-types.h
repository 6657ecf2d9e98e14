/* mc-types.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _McCalendar  McCalendar;
typedef struct _McStore     McStore;
typedef struct _McDossier   McDossier;
typedef struct _McProcedure McProcedure;
typedef struct _McEvent     McEvent;
typedef struct _McOffice    McOffice;

/* Minutes since 1970-01-01 00:00 in Vietnamese local time (UTC+07:00, no daylight saving since 1975).
 * Every rule of the desk is stated in local office time, so we count in it directly. */
typedef gint64 McMinute;

#define MC_MINUTE_NONE G_MININT64

typedef enum
{
  MC_UNIT_SAME_DAY,
  MC_UNIT_WORKING_DAYS,
  MC_UNIT_WORKING_HOURS,
} McUnit;

typedef enum
{
  MC_STATUS_IN_PROGRESS,   /* received, the clock runs */
  MC_STATUS_PAUSED,        /* waiting for the applicant's supplement */
  MC_STATUS_RESULT_READY,
  MC_STATUS_RETURNED,
  MC_STATUS_REFUSED,
  MC_STATUS_STOPPED,
  MC_STATUS_TRANSFERRED,   /* sent to another competent body (Nghị định 118/2025, Điều 18) */
} McStatus;

typedef enum
{
  MC_DUE_STATE_NONE,       /* paused, refused or stopped: no deadline runs */
  MC_DUE_STATE_ON_TRACK,
  MC_DUE_STATE_DUE_SOON,
  MC_DUE_STATE_OVERDUE,
  MC_DUE_STATE_EARLY,      /* settled before the due day */
  MC_DUE_STATE_ON_TIME,    /* settled on the due day, by the due time */
  MC_DUE_STATE_LATE,       /* settled after the due time */
} McDueState;

typedef enum
{
  MC_CHANNEL_IN_PERSON,
  MC_CHANNEL_POST,
  MC_CHANNEL_ONLINE,
  MC_CHANNEL_LINKED,
} McChannel;

const char *mc_unit_to_string       (McUnit      unit);
gboolean    mc_unit_from_string     (const char *text,
                                     McUnit     *out);
const char *mc_status_to_string     (McStatus    status);
gboolean    mc_status_from_string   (const char *text,
                                     McStatus   *out);
const char *mc_status_label         (McStatus    status);
const char *mc_due_state_to_string  (McDueState  state);
gboolean    mc_due_state_from_string (const char *text,
                                      McDueState *out);
const char *mc_due_state_label      (McDueState  state);
const char *mc_channel_to_string    (McChannel   channel);
gboolean    mc_channel_from_string  (const char *text,
                                     McChannel  *out);
const char *mc_channel_label        (McChannel   channel);

G_END_DECLS
