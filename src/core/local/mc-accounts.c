/* mc-accounts.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The people of a workstation.
 *
 * Accounts live in the workstation's database and never travel in sync files. A PIN is kept only as a
 * libsodium crypto_pwhash_str() hash (Argon2id; the interactive limits, so that unlocking at the counter takes
 * a fraction of a second). The first account must be an administrator; from then on the desk asks who is
 * working, every event records that person as its clerk, and the roles decide what each may do. Every change
 * to the accounts is written to the audit log (mc-audit). */

#define G_LOG_DOMAIN "mc-accounts"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "mc-accounts.h"
#include "mc-pin-lock.h"
#include "mc-store-private.h"
#include "mc-text.h"
#include "mc-time.h"

G_DEFINE_QUARK (mc-account-error-quark, mc_account_error)

/**
 * mc_accounts_fast_hashing:
 *
 * Whether PINs and sync keys are hashed with the cheapest limits: MOTCUA_PWHASH_FAST=1 in a build configured
 * with -Dtest_fast_pin_hash=true, for the test suite only. Every other build ignores the variable, so that no
 * environment can weaken the hashes of an installed program.
 */
gboolean
mc_accounts_fast_hashing (void)
{
#if MC_HONOUR_PWHASH_FAST
  return g_strcmp0 (g_getenv ("MOTCUA_PWHASH_FAST"), "1") == 0;
#else
  return FALSE;
#endif
}

static const char *role_names[] = { "clerk", "leader", "administrator" };

const char *
mc_role_to_string (McRole role)
{
  g_return_val_if_fail (role <= MC_ROLE_ADMINISTRATOR, NULL);
  return role_names[role];
}

gboolean
mc_role_from_string (const char *text,
                     McRole     *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (role_names); i++)
    if (g_str_equal (text, role_names[i]))
      {
        if (out)
          *out = (McRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_role_label (McRole role)
{
  switch (role)
    {
    case MC_ROLE_CLERK:
      return _("Clerk");
    case MC_ROLE_LEADER:
      return _("Leader");
    case MC_ROLE_ADMINISTRATOR:
    default:
      return _("Administrator");
    }
}

static gboolean
database_error (McStore  *store,
                GError  **error)
{
  g_set_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_DATABASE, _("The accounts cannot be read or saved: %s"),
               sqlite3_errmsg (mc_store_get_sqlite (store)));
  return FALSE;
}

static gint64
count (McStore    *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (mc_store_get_sqlite (store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/**
 * mc_accounts_in_use:
 *
 * Whether this workstation has accounts: the desk then asks who is working before it shows anything.
 */
gboolean
mc_accounts_in_use (McStore *store)
{
  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  return count (store, "SELECT count(*) FROM account") > 0;
}

static McRole
signed_in_role (McStore *store,
                gboolean *found)
{
  const char *actor = mc_store_get_actor (store);
  sqlite3_stmt *stmt = NULL;
  McRole role = MC_ROLE_CLERK;

  *found = FALSE;
  if (actor == NULL)
    return role;
  if (sqlite3_prepare_v2 (mc_store_get_sqlite (store), "SELECT role FROM account WHERE username = ? AND active",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, actor, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *found = mc_role_from_string ((const char *) sqlite3_column_text (stmt, 0), &role);
    }
  sqlite3_finalize (stmt);
  return role;
}

/**
 * mc_accounts_can:
 *
 * Whether the person signed in may do @permission (everything, when the workstation has no accounts).
 */
gboolean
mc_accounts_can (McStore      *store,
                 McPermission  permission)
{
  gboolean found;
  McRole role;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  if (!mc_accounts_in_use (store))
    return TRUE;
  role = signed_in_role (store, &found);
  if (!found)
    return FALSE;
  switch (permission)
    {
    case MC_PERMISSION_DESK:
      return TRUE;
    case MC_PERMISSION_SIGN_APOLOGY:
      return role == MC_ROLE_LEADER || role == MC_ROLE_ADMINISTRATOR;
    case MC_PERMISSION_ADMINISTER:
    default:
      return role == MC_ROLE_ADMINISTRATOR;
    }
}

/* mc_accounts_can() with a message that says who may. */
gboolean
mc_accounts_check (McStore       *store,
                   McPermission   permission,
                   GError       **error)
{
  if (mc_accounts_can (store, permission))
    return TRUE;
  if (mc_store_get_actor (store) == NULL)
    g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_FORBIDDEN, _("Sign in first."));
  else if (permission == MC_PERMISSION_SIGN_APOLOGY)
    g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_FORBIDDEN,
                         _("Only a leader or an administrator can issue an apology letter."));
  else
    g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_FORBIDDEN,
                         _("Only an administrator can do this."));
  return FALSE;
}

static gboolean
valid_username (const char *username)
{
  gsize len = username ? strlen (username) : 0;

  if (len < 2 || len > 32)
    return FALSE;
  for (const char *p = username; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == '_'))
      return FALSE;
  return TRUE;
}

static char *
hash_pin (const char  *pin,
          GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];
  gboolean fast = mc_accounts_fast_hashing ();

  if (sodium_init () < 0 ||
      crypto_pwhash_str (hash, pin, strlen (pin),
                         fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_DATABASE,
                           _("Not enough memory to protect the PIN"));
      return NULL;
    }
  return g_strdup (hash);
}

static gboolean
valid_pin (const char  *pin,
           GError     **error)
{
  if (pin == NULL || !g_utf8_validate (pin, -1, NULL) || g_utf8_strlen (pin, -1) < MC_ACCOUNT_PIN_MIN_CHARS ||
      strlen (pin) > 128)
    {
      g_set_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID,
                   _("A PIN or password has %d to 128 characters"), MC_ACCOUNT_PIN_MIN_CHARS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_bound (McStore     *store,
            const char  *sql,
            const char  *a,
            const char  *b,
            const char  *c,
            const char  *d,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *args[] = { a, b, c, d };
  int rc = sqlite3_prepare_v2 (mc_store_get_sqlite (store), sql, -1, &stmt, NULL);

  for (int i = 0; rc == SQLITE_OK && i < 4; i++)
    if (args[i] != NULL)
      sqlite3_bind_text (stmt, i + 1, args[i], -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return database_error (store, error);
  return TRUE;
}

/**
 * mc_accounts_add:
 *
 * Adds a person. The first account of a workstation must be an administrator and can be added by anyone; then
 * only an administrator adds accounts.
 */
gboolean
mc_accounts_add (McStore     *store,
                 const char  *username,
                 const char  *full_name,
                 McRole       role,
                 const char  *pin,
                 GError     **error)
{
  g_autoptr(GError) text_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  gboolean first;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  first = !mc_accounts_in_use (store);
  if (!first && !mc_accounts_check (store, MC_PERMISSION_ADMINISTER, error))
    return FALSE;
  if (first && role != MC_ROLE_ADMINISTRATOR)
    {
      g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID,
                           _("The first account must be an administrator's, to manage the others."));
      return FALSE;
    }
  if (!valid_username (username))
    {
      g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID,
                           _("A user name has 2 to 32 characters: lowercase letters without accents, digits, "
                             "“.”, “-” or “_” (for example “lan.nt”)"));
      return FALSE;
    }
  name = mc_text_normalize_person_name (full_name ? full_name : "", &text_error);
  if (name == NULL)
    {
      g_set_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID, _("Full name: %s"), text_error->message);
      return FALSE;
    }
  if (!valid_pin (pin, error))
    return FALSE;
  {
    sqlite3_stmt *stmt = NULL;
    gboolean exists = FALSE;

    if (sqlite3_prepare_v2 (mc_store_get_sqlite (store), "SELECT 1 FROM account WHERE username = ?", -1, &stmt,
                            NULL) == SQLITE_OK)
      {
        sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
        exists = sqlite3_step (stmt) == SQLITE_ROW;
      }
    sqlite3_finalize (stmt);
    if (exists)
      {
        g_set_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_EXISTS, _("There is already an account “%s”"),
                     username);
        return FALSE;
      }
  }
  hash = hash_pin (pin, error);
  if (hash == NULL)
    return FALSE;
  now = mc_time_now_iso_offset ();
  {
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2 (mc_store_get_sqlite (store),
                                 "INSERT INTO account (username, full_name, role, pin_hash, created_at)"
                                 " VALUES (?, ?, ?, ?, ?)", -1, &stmt, NULL);

    if (rc == SQLITE_OK)
      {
        sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 3, mc_role_to_string (role), -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step (stmt);
      }
    sqlite3_finalize (stmt);
    sodium_memzero (hash, strlen (hash));
    if (rc != SQLITE_DONE)
      return database_error (store, error);
  }
  {
    g_autofree char *detail = g_strdup_printf ("%s (%s)", name, mc_role_to_string (role));
    return mc_audit_record (store, MC_AUDIT_ACCOUNT_ADDED, username, detail, error);
  }
}

static gboolean
is_admin_or_self (McStore     *store,
                  const char  *username,
                  GError     **error)
{
  if (g_strcmp0 (mc_store_get_actor (store), username) == 0 && mc_accounts_can (store, MC_PERMISSION_DESK))
    return TRUE;
  return mc_accounts_check (store, MC_PERMISSION_ADMINISTER, error);
}

static gboolean
account_exists (McStore     *store,
                const char  *username,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean exists = FALSE;

  if (sqlite3_prepare_v2 (mc_store_get_sqlite (store), "SELECT 1 FROM account WHERE username = ?", -1, &stmt,
                          NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, username ? username : "", -1, SQLITE_TRANSIENT);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  if (!exists)
    g_set_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_UNKNOWN, _("There is no account “%s”"),
                 username ? username : "");
  return exists;
}

/**
 * mc_accounts_set_pin:
 *
 * A new PIN: by the person themself, or by an administrator (a forgotten PIN).
 */
gboolean
mc_accounts_set_pin (McStore     *store,
                     const char  *username,
                     const char  *pin,
                     GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  if (!account_exists (store, username, error) || !is_admin_or_self (store, username, error) ||
      !valid_pin (pin, error))
    return FALSE;
  hash = hash_pin (pin, error);
  if (hash == NULL ||
      !exec_bound (store, "UPDATE account SET pin_hash = ?1 WHERE username = ?2", hash, username, NULL, NULL, error))
    return FALSE;
  return mc_audit_record (store, MC_AUDIT_PIN_CHANGED, username, NULL, error);
}

/**
 * mc_accounts_set_active:
 *
 * Disables an account (a person who left: their events keep their name) or enables it again. The last active
 * administrator cannot be disabled.
 */
gboolean
mc_accounts_set_active (McStore     *store,
                        const char  *username,
                        gboolean     active,
                        GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  if (!account_exists (store, username, error) || !mc_accounts_check (store, MC_PERMISSION_ADMINISTER, error))
    return FALSE;
  if (!active)
    {
      sqlite3_stmt *stmt = NULL;
      gint64 other_admins = 0;

      if (sqlite3_prepare_v2 (mc_store_get_sqlite (store),
                              "SELECT count(*) FROM account WHERE role = 'administrator' AND active"
                              " AND username != ?", -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            other_admins = sqlite3_column_int64 (stmt, 0);
        }
      sqlite3_finalize (stmt);
      if (other_admins == 0)
        {
          g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_LAST_ADMINISTRATOR,
                               _("This is the last administrator: add another one before disabling it."));
          return FALSE;
        }
    }
  if (!exec_bound (store, active ? "UPDATE account SET active = 1 WHERE username = ?1"
                                 : "UPDATE account SET active = 0 WHERE username = ?1",
                   username, NULL, NULL, NULL, error))
    return FALSE;
  return mc_audit_record (store, active ? MC_AUDIT_ACCOUNT_ENABLED : MC_AUDIT_ACCOUNT_DISABLED, username, NULL,
                          error);
}

static McAccount *
account_from_row (sqlite3_stmt *stmt)
{
  McAccount *account = g_new0 (McAccount, 1);

  account->username = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  account->full_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  mc_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &account->role);
  account->active = sqlite3_column_int (stmt, 3) != 0;
  account->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  return account;
}

/**
 * mc_accounts_list:
 *
 * Returns: (transfer full) (element-type McAccount): every account, by user name
 */
GPtrArray *
mc_accounts_list (McStore  *store,
                  GError  **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_account_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  rc = sqlite3_prepare_v2 (mc_store_get_sqlite (store),
                           "SELECT username, full_name, role, active, created_at FROM account ORDER BY username",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (accounts, account_from_row (stmt));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      database_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

/**
 * mc_accounts_sign_in:
 *
 * Checks @pin; on success the store records this person as the clerk of every event from now on.
 * Returns: (transfer full): the account, or NULL with @error (a wrong PIN is written to the audit log)
 */
McAccount *
mc_accounts_sign_in (McStore     *store,
                     const char  *username,
                     const char  *pin,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(McAccount) account = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  /* Locked after wrong PINs in a row: refused before the PIN is even looked at. */
  if (!mc_pin_lock_check (store, username, error))
    return NULL;
  if (sqlite3_prepare_v2 (mc_store_get_sqlite (store),
                          "SELECT username, full_name, role, active, created_at, pin_hash FROM account"
                          " WHERE username = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, username ? username : "", -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          account = account_from_row (stmt);
          hash = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
        }
    }
  sqlite3_finalize (stmt);
  if (account == NULL || hash == NULL || pin == NULL ||
      crypto_pwhash_str_verify (hash, pin, strlen (pin)) != 0)
    {
      /* One message for an unknown name and a wrong PIN: the screen does not tell which names exist. */
      g_set_error_literal (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_WRONG_PIN,
                           _("The user name or the PIN is wrong."));
      mc_audit_record (store, MC_AUDIT_SIGN_IN_FAILED, username, NULL, NULL);
      mc_pin_lock_failed (store, username);
      return NULL;
    }
  mc_pin_lock_clear (store, username);
  if (!account->active)
    {
      g_set_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_DISABLED,
                   _("The account “%s” is disabled. Ask an administrator."), account->username);
      return NULL;
    }
  mc_store_set_actor (store, account->username, account->full_name);
  return g_steal_pointer (&account);
}

/**
 * mc_accounts_share_sign_in:
 * @to: another connection to the same database (a worker thread's)
 *
 * The person signed in on @from works on @to too: their name goes on its events and in the audit log.
 */
void
mc_accounts_share_sign_in (McStore *from,
                           McStore *to)
{
  g_autoptr(GPtrArray) accounts = NULL;
  const char *username;

  g_return_if_fail (MC_IS_STORE (from) && MC_IS_STORE (to));

  username = mc_store_get_actor (from);
  accounts = username ? mc_accounts_list (from, NULL) : NULL;
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      McAccount *a = g_ptr_array_index (accounts, i);

      if (g_str_equal (a->username, username))
        mc_store_set_actor (to, a->username, a->full_name);
    }
}

void
mc_accounts_sign_out (McStore *store)
{
  g_return_if_fail (MC_IS_STORE (store));
  mc_store_set_actor (store, NULL, NULL);
}

const char *
mc_accounts_get_signed_in (McStore *store)
{
  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  return mc_store_get_actor (store);
}

void
mc_account_free (McAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->username);
  g_free (account->full_name);
  g_free (account->created_at);
  g_free (account);
}
