/* mc-pin-lock.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sign-in lock after wrong PINs in a row (mc-pin-lock.c), for mc-accounts.c. */

#pragma once

#include "mc-store.h"

G_BEGIN_DECLS

#define MC_PIN_LOCK_AFTER          5
#define MC_PIN_LOCK_FIRST_SECONDS  G_GINT64_CONSTANT (30)
#define MC_PIN_LOCK_MAX_SECONDS    G_GINT64_CONSTANT (3600)

gboolean  mc_pin_lock_check       (McStore     *store,
                                   const char  *username,
                                   GError     **error);
void      mc_pin_lock_failed      (McStore     *store,
                                   const char  *username);
void      mc_pin_lock_clear       (McStore     *store,
                                   const char  *username);
char     *mc_pin_lock_format_wait (gint64       seconds);

G_END_DECLS
