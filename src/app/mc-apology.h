/* mc-apology.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mc-document.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* What the dossier page and the alerts page share for apology letters. */
GtkDropDown *mc_apology_reason_dropdown_new (void);
char        *mc_apology_reason_text         (GtkDropDown *reasons,
                                             const char  *details);
McMinute     mc_apology_propose_new_due     (McStore     *store,
                                             McDossier   *dossier);
McDossier   *mc_apology_record              (McStore     *store,
                                             McDossier   *dossier,
                                             const char  *reason,
                                             McMinute     new_due,
                                             GError     **error);

/* Called once the letter is recorded (@recorded the dossier after it), or with NULL when the clerk did not confirm
 * or the store refused it (the refusal already shown). */
/* The letter as it will print once recorded, with @reason and @new_due, but not numbered and not recorded: what
 * the clerk sees before deciding. */
McDocument  *mc_apology_render_draft        (McStore     *store,
                                             McDossier   *dossier,
                                             const char  *reason,
                                             McMinute     new_due,
                                             GError     **error);

typedef void (*McApologyDone) (McDossier *recorded,
                               gpointer   user_data);

void         mc_apology_preview_then_record (GtkWindow     *parent,
                                             McStore       *store,
                                             McDossier     *dossier,
                                             const char    *reason,
                                             McMinute       new_due,
                                             McApologyDone  done,
                                             gpointer       user_data);

G_END_DECLS
