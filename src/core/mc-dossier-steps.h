/* mc-dossier-steps.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mc-types.h"

G_BEGIN_DECLS

/* One step of a dossier's way through the office: who held it, from when to when, and by when they should have
 * handed it on. Folded from the "received" event's internal procedure and the hand-overs (docs/process.md). */
typedef struct
{
  char       *unit;
  char       *person;     /* may be NULL */
  char       *note;       /* what the hand-over that started the step said; may be NULL */
  McMinute    received;   /* when the unit received the dossier */
  McMinute    handed;     /* when it handed it on (or the result was ready); MC_MINUTE_NONE while it holds it */
  McMinute    due;        /* the step's deadline in working time from its start */
  gint64      allowance;  /* the step's working minutes; 0 past the planned steps (the dossier's deadline) */
  McDueState  outcome;    /* early / on_time / late once handed on */
} McDossierStep;

void            mc_dossier_step_free        (McDossierStep *step);

/* The fold's part (mc-dossier.c): the steps of the internal procedure applied to one dossier. */
void            _mc_dossier_steps_begin     (McDossier     *self,
                                             JsonObject    *procedure,
                                             McCalendar    *calendar);
gboolean        _mc_dossier_steps_hand_over (McDossier     *self,
                                             McEvent       *event,
                                             McCalendar    *calendar);
void            _mc_dossier_steps_close     (McDossier     *self,
                                             McMinute       at,
                                             McCalendar    *calendar);
void            _mc_dossier_steps_project   (McDossier     *self);
void            _mc_dossier_steps_resume    (McDossier     *self,
                                             McMinute       at,
                                             McCalendar    *calendar);

McDossierStep  *mc_dossier_current_step     (McDossier     *self);
McDueState      mc_dossier_step_state       (McDossier     *self,
                                             McDossierStep *step,
                                             McCalendar    *calendar,
                                             McMinute       now);
void            mc_dossier_steps_to_json    (McDossier     *self,
                                             JsonBuilder   *builder,
                                             McCalendar    *calendar,
                                             McMinute       now);

G_END_DECLS
