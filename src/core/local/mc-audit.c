/* mc-audit.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The audit log of a workstation: what touches personal data outside the desk's daily flow (sync files, forms
 * printed or saved, registers exported, corrections, backups and restores, removals after the retention period)
 * and every change to the accounts, each line under the person signed in. It lives in the workstation's
 * database and never travels in sync files.
 *
 * The operations record their own lines, so that a line is the same whichever front end did the work. */

#define G_LOG_DOMAIN "mc-audit"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-audit.h"
#include "mc-accounts.h"
#include "mc-store-private.h"
#include "mc-time.h"

static gboolean
database_error (McStore  *store,
                GError  **error)
{
  g_set_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_DATABASE, _("The audit log cannot be read or saved: %s"),
               sqlite3_errmsg (mc_store_get_sqlite (store)));
  return FALSE;
}

/**
 * mc_audit_record:
 * @action: one of the MC_AUDIT_ names
 * @subject: (nullable): what it was about (a dossier code, a file, an account)
 * @detail: (nullable): more, without personal data
 *
 * Adds a line to the audit log under the person signed in (the station's clerk without accounts; "command line"
 * for motcua-cli).
 */
gboolean
mc_audit_record (McStore     *store,
                 const char  *action,
                 const char  *subject,
                 const char  *detail,
                 GError     **error)
{
  g_autofree char *now = mc_time_now_iso_offset ();
  const char *who = mc_store_get_actor (store);
  g_autofree char *valid_subject = subject ? g_utf8_make_valid (subject, -1) : NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (who == NULL)
    who = mc_store_get_office (store)->clerk ? mc_store_get_office (store)->clerk : "";
  /* A file name or a code, not a novel. */
  if (valid_subject != NULL && g_utf8_strlen (valid_subject, -1) > 200)
    {
      char *cut = g_utf8_substring (valid_subject, 0, 200);

      g_free (valid_subject);
      valid_subject = cut;
    }
  rc = sqlite3_prepare_v2 (mc_store_get_sqlite (store),
                           "INSERT INTO audit (at, account, action, subject, detail) VALUES (?, ?, ?, ?, ?)", -1,
                           &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, who, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
      if (valid_subject)
        sqlite3_bind_text (stmt, 4, valid_subject, -1, SQLITE_TRANSIENT);
      if (detail)
        sqlite3_bind_text (stmt, 5, detail, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return database_error (store, error);
  return TRUE;
}

/**
 * mc_audit_list:
 * @limit: at most this many (0: 500)
 *
 * Returns: (transfer full) (element-type McAuditEntry): the newest entries first
 */
GPtrArray *
mc_audit_list (McStore  *store,
               guint     limit,
               GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_audit_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  rc = sqlite3_prepare_v2 (mc_store_get_sqlite (store),
                           "SELECT id, at, account, action, subject, detail FROM audit ORDER BY id DESC LIMIT ?", -1,
                           &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_int (stmt, 1, limit > 0 ? (int) limit : 500);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      McAuditEntry *entry = g_new0 (McAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->account = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (entries, entry);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      database_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

const char *
mc_audit_action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { MC_AUDIT_EXPORT, N_("Sync file exported") },
    { MC_AUDIT_IMPORT, N_("Sync file imported") },
    { MC_AUDIT_PRINT, N_("Form with personal data printed or saved") },
    { MC_AUDIT_REGISTER, N_("Register book exported") },
    { MC_AUDIT_CORRECTION, N_("Dossier corrected") },
    { MC_AUDIT_ACCOUNT_ADDED, N_("Account added") },
    { MC_AUDIT_ACCOUNT_DISABLED, N_("Account disabled") },
    { MC_AUDIT_ACCOUNT_ENABLED, N_("Account enabled") },
    { MC_AUDIT_PIN_CHANGED, N_("PIN changed") },
    { MC_AUDIT_SIGN_IN_FAILED, N_("Wrong PIN") },
    { MC_AUDIT_SIGN_IN_LOCKED, N_("Sign-in locked after wrong PINs") },
    { MC_AUDIT_ACCOUNT_UNLOCKED, N_("Sign-in unlocked") },
    { MC_AUDIT_BACKUP, N_("Backup made") },
    { MC_AUDIT_RESTORE, N_("Backup restored") },
    { MC_AUDIT_RETENTION, N_("Personal data removed after the retention period") },
    { MC_AUDIT_STATION_RENUMBERED, N_("Workstation given another station number") },
    { MC_AUDIT_FEE_PAID, N_("Fee collected") },
    { MC_AUDIT_FEE_REFUNDED, N_("Fee refunded") },
  };

  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (action, labels[i].action))
      return _(labels[i].label);
  return action;
}

void
mc_audit_entry_free (McAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->account);
  g_free (entry->action);
  g_free (entry->subject);
  g_free (entry->detail);
  g_free (entry);
}
