/* mc-audit.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *at;
  char   *account;
  char   *action;
  char   *subject;   /* a dossier code, a file, an account; may be NULL */
  char   *detail;
} McAuditEntry;

/* Audit actions */
#define MC_AUDIT_EXPORT            "export"
#define MC_AUDIT_IMPORT            "import"
#define MC_AUDIT_PRINT             "print"
#define MC_AUDIT_REGISTER          "register"
#define MC_AUDIT_CORRECTION        "correction"
#define MC_AUDIT_ACCOUNT_ADDED     "account-added"
#define MC_AUDIT_ACCOUNT_DISABLED  "account-disabled"
#define MC_AUDIT_ACCOUNT_ENABLED   "account-enabled"
#define MC_AUDIT_PIN_CHANGED       "pin-changed"
#define MC_AUDIT_SIGN_IN_FAILED    "sign-in-failed"
#define MC_AUDIT_SIGN_IN_LOCKED    "sign-in-locked"
#define MC_AUDIT_ACCOUNT_UNLOCKED  "account-unlocked"
#define MC_AUDIT_BACKUP            "backup"
#define MC_AUDIT_RESTORE           "restore"
#define MC_AUDIT_RETENTION         "retention"
#define MC_AUDIT_STATION_RENUMBERED "station-renumbered"
#define MC_AUDIT_FEE_PAID          "fee-paid"
#define MC_AUDIT_FEE_REFUNDED      "fee-refunded"

gboolean      mc_audit_record           (McStore        *store,
                                         const char     *action,
                                         const char     *subject,
                                         const char     *detail,
                                         GError        **error);
GPtrArray    *mc_audit_list             (McStore        *store,
                                         guint           limit,
                                         GError        **error);
const char   *mc_audit_action_label     (const char     *action);
void          mc_audit_entry_free       (McAuditEntry   *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McAuditEntry, mc_audit_entry_free)

G_END_DECLS
