/* mc-help.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Marks a topic of the user guide ("PAGE" or "PAGE#SECTION" of help/C/): tests/test-help.py checks that every
 * topic so marked, and every target of app.help in ui/, names an installed page and section. */
#define MC_HELP(topic) (topic)

const char *mc_help_topic_for_window (GtkWindow  *window);
void        mc_help_set_topic        (GtkWindow  *window,
                                      const char *topic);
void        mc_help_show             (GtkWindow  *parent,
                                      const char *topic);

G_END_DECLS
