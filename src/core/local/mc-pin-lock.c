/* mc-pin-lock.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Wrong PINs in a row lock an account's sign-in for a while, on every process that opens the workstation's
 * database: the count lives in its local table (it is the workstation's, never synced), under
 * "sign_in_failures:USER" as "FAILURES LOCKED-UNTIL" (seconds since 1970). After MC_PIN_LOCK_AFTER wrong PINs
 * in a row the account waits MC_PIN_LOCK_FIRST_SECONDS, doubling with each further wrong PIN up to
 * MC_PIN_LOCK_MAX_SECONDS; a right PIN, or an administrator's unlock, clears it. A 4-digit PIN then takes weeks
 * to guess instead of an hour. */

#define G_LOG_DOMAIN "mc-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-pin-lock.h"
#include "mc-time.h"

static char *
setting_name (const char *username)
{
  return g_strconcat ("sign_in_failures:", username ? username : "", NULL);
}

/* Seconds since 1970; with MOTCUA_NOW (the tests' clock) its minute. */
static gint64
now_seconds (void)
{
  const char *fixed = g_getenv ("MOTCUA_NOW");

  if (fixed != NULL && *fixed != '\0')
    return (mc_time_now () - 7 * 60) * 60;
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
read_state (McStore    *store,
            const char *username,
            gint64     *failures,
            gint64     *locked_until)
{
  g_autofree char *name = setting_name (username);
  g_autofree char *value = mc_store_get_local (store, name);
  g_auto(GStrv) parts = value ? g_strsplit (value, " ", 2) : NULL;

  *failures = 0;
  *locked_until = 0;
  if (parts != NULL && parts[0] != NULL && parts[1] != NULL)
    {
      *failures = CLAMP (g_ascii_strtoll (parts[0], NULL, 10), 0, 1000000);
      *locked_until = MAX (g_ascii_strtoll (parts[1], NULL, 10), 0);
    }
}

/* "30 seconds", "2 minutes": how long to wait, rounded up. */
char *
mc_pin_lock_format_wait (gint64 seconds)
{
  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", (gulong) seconds),
                            (int) seconds);
  seconds = (seconds + 59) / 60;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", (gulong) seconds), (int) seconds);
}

/**
 * mc_pin_lock_check:
 *
 * Returns: %FALSE with @error (%MC_ACCOUNT_ERROR_LOCKED, saying how long to wait) while @username's sign-in is
 *   locked
 */
gboolean
mc_pin_lock_check (McStore     *store,
                   const char  *username,
                   GError     **error)
{
  gint64 failures, locked_until, wait;
  g_autofree char *text = NULL;

  read_state (store, username, &failures, &locked_until);
  wait = locked_until - now_seconds ();
  if (wait <= 0)
    return TRUE;
  text = mc_pin_lock_format_wait (MIN (wait, MC_PIN_LOCK_MAX_SECONDS));
  /* Translators: %s is a time to wait, such as "30 seconds" or "4 minutes" */
  g_set_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_LOCKED,
               _("Too many wrong PINs in a row: sign-in with this name is locked. Try again in %s, or ask an "
                 "administrator to unlock it."), text);
  return FALSE;
}

/* A wrong PIN for @username: counted, and the lock set once there are enough in a row. */
void
mc_pin_lock_failed (McStore    *store,
                    const char *username)
{
  g_autofree char *name = setting_name (username);
  g_autofree char *value = NULL;
  gint64 failures, locked_until, lock = 0;

  read_state (store, username, &failures, &locked_until);
  failures++;
  if (failures >= MC_PIN_LOCK_AFTER)
    {
      gint64 doublings = MIN (failures - MC_PIN_LOCK_AFTER, 10);

      lock = MIN (MC_PIN_LOCK_FIRST_SECONDS << doublings, MC_PIN_LOCK_MAX_SECONDS);
      locked_until = now_seconds () + lock;
    }
  value = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, failures, locked_until);
  mc_store_set_local (store, name, value, NULL);
  if (lock > 0)
    {
      g_autofree char *detail = g_strdup_printf ("%" G_GINT64_FORMAT " s", lock);

      mc_audit_record (store, MC_AUDIT_SIGN_IN_LOCKED, username, detail, NULL);
    }
}

/* A right PIN: the count starts again. */
void
mc_pin_lock_clear (McStore    *store,
                   const char *username)
{
  g_autofree char *name = setting_name (username);
  g_autofree char *value = mc_store_get_local (store, name);

  if (value != NULL && !g_str_equal (value, "0 0"))
    mc_store_set_local (store, name, "0 0", NULL);
}

/**
 * mc_accounts_unlock:
 *
 * An administrator lifts @username's sign-in lock and clears its count of wrong PINs.
 */
gboolean
mc_accounts_unlock (McStore     *store,
                    const char  *username,
                    GError     **error)
{
  g_autofree char *name = setting_name (username);

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  if (!mc_accounts_check (store, MC_PERMISSION_ADMINISTER, error) ||
      !mc_store_set_local (store, name, "0 0", error))
    return FALSE;
  mc_audit_record (store, MC_AUDIT_ACCOUNT_UNLOCKED, username, NULL, NULL);
  return TRUE;
}
