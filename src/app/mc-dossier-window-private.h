/* mc-dossier-window-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the dossier page's files share: the page (mc-dossier-window.c) and its steps' dialogs
 * (mc-dossier-window-steps.c). */

#pragma once

#include "mc-dossier-summary.h"
#include "mc-steps-timeline.h"
#include "mc-dossier-window.h"
#include "mc-forms.h"

G_BEGIN_DECLS

/* The dossier page: every detail, the history, and the lifecycle steps as actions. */
struct _McDossierWindow
{
  AdwWindow       parent_instance;

  McStore        *store;
  McDossier      *dossier;
  char           *code;
  GPtrArray      *detail_rows;

  AdwWindowTitle *window_title;
  McDossierSummary *summary;
  GtkBox         *sections_box;
  AdwPreferencesGroup *details_group;
  GtkListBox     *history_list;
  GtkWidget      *supplement_form_button;
  GtkWidget      *refusal_form_button;
  GtkWidget      *stop_form_button;
  GtkWidget      *apology_form_button;
  GtkWidget      *declaration_button;
  AdwPreferencesGroup *documents_group;
  McStepsTimeline *steps_timeline;
  GPtrArray      *document_rows;
};

typedef enum
{
  STEP_REQUEST_SUPPLEMENT,
  STEP_COMPLETE_SUPPLEMENT,
  STEP_RESULT_READY,
  STEP_RETURN,
  STEP_REFUSE,
  STEP_STOP,
  STEP_CORRECT,
  STEP_APOLOGY,
} McDossierStep;

void _mc_dossier_window_reload       (McDossierWindow *self);
void _mc_dossier_window_preview_form (McDossierWindow *self,
                                      McFormKind       kind);
void _mc_dossier_window_show_error   (McDossierWindow *self,
                                      GError          *error);
/* The dialog of one step of the dossier's life: what it asks, then the step recorded and the page reloaded. */
void _mc_dossier_window_run_step     (McDossierWindow *self,
                                      McDossierStep    step);

G_END_DECLS
