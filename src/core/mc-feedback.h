/* mc-feedback.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-event.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* The register of citizens' feedback (phản ánh, kiến nghị) about the desk: what was said, through which
 * channel, about which dossier, procedure or staff member, and the office's answer. Entries and answers are
 * events like the rest, so every workstation of the office holds the same register. */

/* Working days the office gives itself to answer, counted from the day the feedback arrives; recorded with
 * each entry, so that changing it later moves no deadline. */
#define MC_FEEDBACK_ANSWER_DAYS 10

typedef struct
{
  const char *channel;         /* desk, phone, mail, email, portal, box */
  const char *citizen;         /* who gave it (may be NULL: anonymous) */
  const char *contact;         /* telephone or address for the answer, may be NULL */
  const char *dossier_code;    /* what it is about: a dossier, a procedure, a staff member (any or none) */
  const char *procedure_code;
  const char *staff;
  const char *content;
  int         received_jdn;    /* 0: today */
} McFeedbackInput;

typedef struct
{
  char *uuid;
  int   received_jdn;
  char *channel;
  char *citizen;
  char *contact;
  char *dossier_code;
  char *procedure_code;
  char *staff;
  char *content;
  char *recorded_by;
  int   due_jdn;
  char *answer;                /* NULL until answered */
  int   answered_jdn;          /* 0 until answered */
  char *answered_by;
} McFeedback;

void         mc_feedback_free                 (McFeedback            *feedback);
const char  *mc_feedback_channel_label        (const char            *channel);
const char *const *mc_feedback_channels       (void);

char        *mc_store_record_feedback         (McStore               *store,
                                               const McFeedbackInput *input,
                                               GError               **error);
gboolean     mc_store_answer_feedback         (McStore               *store,
                                               const char            *uuid,
                                               const char            *answer,
                                               int                    answered_jdn,
                                               GError               **error);
GPtrArray   *mc_store_list_feedback           (McStore               *store,
                                               gboolean               open_only,
                                               GError               **error);
McFeedback  *mc_store_get_feedback            (McStore               *store,
                                               const char            *uuid,
                                               GError               **error);
gint64       mc_store_count_overdue_feedback  (McStore               *store,
                                               int                    today_jdn,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McFeedback, mc_feedback_free)

G_END_DECLS
