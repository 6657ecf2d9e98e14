/* mc-clock.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TYPE_CLOCK (mc_clock_get_type ())
G_DECLARE_FINAL_TYPE (McClock, mc_clock, MC, CLOCK, GObject)

McClock  *mc_clock_new      (void);
McMinute  mc_clock_get_now  (McClock *self);
void      mc_clock_tick     (McClock *self);

G_END_DECLS
