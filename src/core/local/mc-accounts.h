/* mc-accounts.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Every change to the accounts is written to the audit log. */
#include "mc-audit.h"
#include "mc-store.h"

G_BEGIN_DECLS

#define MC_ACCOUNT_ERROR (mc_account_error_quark ())

typedef enum
{
  MC_ACCOUNT_ERROR_INVALID,
  MC_ACCOUNT_ERROR_EXISTS,
  MC_ACCOUNT_ERROR_UNKNOWN,
  MC_ACCOUNT_ERROR_WRONG_PIN,
  MC_ACCOUNT_ERROR_DISABLED,
  MC_ACCOUNT_ERROR_FORBIDDEN,
  MC_ACCOUNT_ERROR_LAST_ADMINISTRATOR,
  MC_ACCOUNT_ERROR_DATABASE,
  MC_ACCOUNT_ERROR_LOCKED,              /* too many wrong PINs in a row: wait, or an administrator unlocks */
} McAccountError;

typedef enum
{
  MC_ROLE_CLERK,
  MC_ROLE_LEADER,
  MC_ROLE_ADMINISTRATOR,
} McRole;

/* What a role may do. Without any account (a workstation not yet set up for several people) everything is
 * allowed, as before accounts existed. */
typedef enum
{
  MC_PERMISSION_DESK,           /* every role: receive, follow, return, print */
  MC_PERMISSION_SIGN_APOLOGY,   /* leader, administrator: apology letters */
  MC_PERMISSION_ADMINISTER,     /* administrator: settings, catalogue, holidays, sync passphrase, accounts,
                                 * backups, restore, retention, the audit log */
} McPermission;

typedef struct
{
  char     *username;
  char     *full_name;
  McRole    role;
  gboolean  active;
  char     *created_at;
} McAccount;

#define MC_ACCOUNT_PIN_MIN_CHARS 4

/* The workstation's settings (McStore's local table): minutes without a key or click before the desk locks. */
#define MC_ACCOUNTS_SETTING_LOCK_MINUTES "lock_minutes"
#define MC_ACCOUNTS_DEFAULT_LOCK_MINUTES 10

GQuark        mc_account_error_quark    (void);
gboolean      mc_accounts_fast_hashing  (void);

const char   *mc_role_to_string         (McRole          role);
gboolean      mc_role_from_string       (const char     *text,
                                         McRole         *out);
const char   *mc_role_label             (McRole          role);

gboolean      mc_accounts_in_use        (McStore        *store);
GPtrArray    *mc_accounts_list          (McStore        *store,
                                         GError        **error);
gboolean      mc_accounts_add           (McStore        *store,
                                         const char     *username,
                                         const char     *full_name,
                                         McRole          role,
                                         const char     *pin,
                                         GError        **error);
gboolean      mc_accounts_set_pin       (McStore        *store,
                                         const char     *username,
                                         const char     *pin,
                                         GError        **error);
gboolean      mc_accounts_set_active    (McStore        *store,
                                         const char     *username,
                                         gboolean        active,
                                         GError        **error);
McAccount    *mc_accounts_sign_in       (McStore        *store,
                                         const char     *username,
                                         const char     *pin,
                                         GError        **error);
void          mc_accounts_sign_out      (McStore        *store);
gboolean      mc_accounts_unlock        (McStore        *store,
                                         const char     *username,
                                         GError        **error);
void          mc_accounts_share_sign_in (McStore        *from,
                                         McStore        *to);
const char   *mc_accounts_get_signed_in (McStore        *store);
gboolean      mc_accounts_can           (McStore        *store,
                                         McPermission    permission);
gboolean      mc_accounts_check         (McStore        *store,
                                         McPermission    permission,
                                         GError        **error);
void          mc_account_free           (McAccount      *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McAccount, mc_account_free)

G_END_DECLS
