/* test-accounts.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Accounts, roles and the audit log on a real SQLite file: the PIN is stored only as an Argon2id hash, the roles
 * decide who may do what, every event names the person signed in, and what touches personal data is logged. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "mc-accounts.h"
#include "mc-bundle.h"
#include "mc-store.h"
#include "mc-time.h"

typedef struct
{
  char    *dir;
  char    *path;
  McStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  McStoreSetup setup = { "000.00.12.H40", "UBND xã Tân Lập", NULL, "Tân Lập", 1, "Máy trạm 1" };

  g_setenv ("MOTCUA_NOW", "2026-11-23T09:00", TRUE);
  g_setenv ("MOTCUA_PWHASH_FAST", "1", TRUE);
  fx->dir = g_dir_make_tmp ("motcua-accounts-XXXXXX", &error);
  fx->path = g_build_filename (fx->dir, "motcua.db", NULL);
  fx->store = mc_store_open (fx->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (mc_store_setup (fx->store, &setup, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fx->store);
  dir = g_dir_open (fx->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fx->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static char *
column_text (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static McDossier *
intake (McStore    *store,
        const char *name,
        GError    **error)
{
  McIntake in = { 0 };

  in.procedure_code = "1.004873";
  in.applicant_name = name;
  in.received = MC_MINUTE_NONE;
  return mc_store_intake (store, &in, NULL, error);
}

static JsonNode *
payload (const char *key1,
         const char *value1,
         const char *key2,
         const char *value2,
         const char *key3,
         const char *value3)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, key1);
  json_builder_add_string_value (builder, value1);
  json_builder_set_member_name (builder, key2);
  json_builder_add_string_value (builder, value2);
  if (key3)
    {
      json_builder_set_member_name (builder, key3);
      json_builder_add_string_value (builder, value3);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Without accounts the desk works as before; the first account must be an administrator. */
static void
test_first_account (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(McDossier) d = NULL;

  g_assert_false (mc_accounts_in_use (fx->store));
  g_assert_true (mc_accounts_can (fx->store, MC_PERMISSION_ADMINISTER));
  d = intake (fx->store, "Nguyễn Văn An", &error);
  g_assert_no_error (error);

  g_assert_false (mc_accounts_add (fx->store, "lan.nt", "Nguyễn Thị Lan", MC_ROLE_CLERK, "2468", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_accounts_add (fx->store, "Hà Lê", "Lê Thu Hà", MC_ROLE_ADMINISTRATOR, "1357", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_accounts_add (fx->store, "ha.lt", "Lê Thu Hà", MC_ROLE_ADMINISTRATOR, "12", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (mc_accounts_add (fx->store, "ha.lt", "lê thu hà", MC_ROLE_ADMINISTRATOR, "1357", &error));
  g_assert_no_error (error);
  g_assert_true (mc_accounts_in_use (fx->store));

  /* Only the hash is stored: Argon2id, never the PIN. */
  hash = column_text (fx->path, "SELECT pin_hash FROM account WHERE username = 'ha.lt'");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "1357"));
}

/* Signed out, nothing can be recorded; signed in, every event names the person. */
static void
test_sign_in_and_roles (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McAccount) admin = NULL;
  g_autoptr(McAccount) clerk = NULL;
  g_autoptr(McAccount) leader = NULL;
  g_autoptr(McDossier) d = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_assert_true (mc_accounts_add (fx->store, "ha.lt", "Lê Thu Hà", MC_ROLE_ADMINISTRATOR, "1357", &error));

  /* Nobody signed in: refused with a message, nothing stored. */
  g_assert_null (intake (fx->store, "Nguyễn Văn An", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* A wrong PIN and an unknown name get the same answer, and are logged. */
  g_assert_null (mc_accounts_sign_in (fx->store, "ha.lt", "0000", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_WRONG_PIN);
  g_clear_error (&error);
  g_assert_null (mc_accounts_sign_in (fx->store, "nobody", "0000", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_WRONG_PIN);
  g_clear_error (&error);

  admin = mc_accounts_sign_in (fx->store, "ha.lt", "1357", &error);
  g_assert_no_error (error);
  g_assert_cmpint (admin->role, ==, MC_ROLE_ADMINISTRATOR);
  g_assert_true (mc_accounts_add (fx->store, "lan.nt", "Nguyễn Thị Lan", MC_ROLE_CLERK, "2468", &error));
  g_assert_true (mc_accounts_add (fx->store, "binh.tv", "Trần Văn Bình", MC_ROLE_LEADER, "8642", &error));
  g_assert_no_error (error);
  g_assert_false (mc_accounts_add (fx->store, "lan.nt", "Nguyễn Thị Lan", MC_ROLE_CLERK, "2468", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_EXISTS);
  g_clear_error (&error);

  /* The clerk receives; the event says who. */
  clerk = mc_accounts_sign_in (fx->store, "lan.nt", "2468", &error);
  g_assert_no_error (error);
  d = intake (fx->store, "Nguyễn Văn An", &error);
  g_assert_no_error (error);
  events = mc_store_get_events (fx->store, d->uuid, &error);
  g_assert_cmpstr (((McEvent *) g_ptr_array_index (events, 0))->clerk, ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (d->received_by, ==, "Nguyễn Thị Lan");

  /* A clerk may not sign an apology letter, change the office's settings, or add an account. */
  {
    g_autoptr(JsonNode) apology = payload ("reason", "Cần xác minh thêm", "new_due", "2026-12-10T17:00", NULL, NULL);
    g_autoptr(McDossier) refused = mc_store_record (fx->store, d->code, MC_EVENT_APOLOGY_ISSUED, apology, NULL,
                                                    &error);

    g_assert_null (refused);
    g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_FORBIDDEN);
    g_assert_nonnull (strstr (error->message, "leader"));
    g_clear_error (&error);
  }
  g_assert_false (mc_bundle_set_passphrase (fx->store, "mật khẩu đồng bộ xã", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (mc_accounts_add (fx->store, "x.y", "Người Lạ", MC_ROLE_ADMINISTRATOR, "9999", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_FORBIDDEN);
  g_clear_error (&error);
  /* … but may change their own PIN. */
  g_assert_true (mc_accounts_set_pin (fx->store, "lan.nt", "97531", &error));
  g_assert_no_error (error);

  /* The leader signs the apology. */
  leader = mc_accounts_sign_in (fx->store, "binh.tv", "8642", &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) apology = payload ("reason", "Cần xác minh thêm", "new_due", "2026-12-10T17:00", NULL, NULL);
    g_autoptr(McDossier) signed_letter = mc_store_record (fx->store, d->code, MC_EVENT_APOLOGY_ISSUED, apology, NULL,
                                                          &error);

    g_assert_no_error (error);
    g_assert_true (signed_letter->has_apology);
  }

  /* The last administrator stays. */
  g_clear_pointer (&admin, mc_account_free);
  admin = mc_accounts_sign_in (fx->store, "ha.lt", "1357", &error);
  g_assert_false (mc_accounts_set_active (fx->store, "ha.lt", FALSE, &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_LAST_ADMINISTRATOR);
  g_clear_error (&error);
  g_assert_true (mc_accounts_set_active (fx->store, "lan.nt", FALSE, &error));
  g_assert_null (mc_accounts_sign_in (fx->store, "lan.nt", "97531", &error));
  g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_DISABLED);
  g_clear_error (&error);

  mc_accounts_sign_out (fx->store);
  g_assert_null (mc_accounts_get_signed_in (fx->store));
  g_assert_false (mc_accounts_can (fx->store, MC_PERMISSION_DESK));
}

/* The audit log: corrections, exports, account changes and wrong PINs, under the person's name. */
static void
test_audit (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McAccount) admin = NULL;
  g_autoptr(McDossier) d = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *bundle = g_build_filename (fx->dir, "desk.motcua", NULL);
  g_autoptr(GString) seen = g_string_new (NULL);
  guint n = 0;

  g_assert_true (mc_accounts_add (fx->store, "ha.lt", "Lê Thu Hà", MC_ROLE_ADMINISTRATOR, "1357", &error));
  g_assert_null (mc_accounts_sign_in (fx->store, "ha.lt", "1111", NULL));
  admin = mc_accounts_sign_in (fx->store, "ha.lt", "1357", &error);
  g_assert_no_error (error);
  d = intake (fx->store, "Nguyễn Văn An", &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) edit = payload ("field", "phone", "value", "0912345678", "reason", "Người dân báo số mới");
    g_autoptr(McDossier) after = mc_store_record (fx->store, d->code, MC_EVENT_EDITED, edit, NULL, &error);

    g_assert_no_error (error);
  }
  g_assert_true (mc_bundle_set_passphrase (fx->store, "mật khẩu đồng bộ xã", &error));
  g_assert_true (mc_bundle_export (fx->store, bundle, MC_BUNDLE_EXPORT_FULL, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_accounts_add (fx->store, "lan.nt", "Nguyễn Thị Lan", MC_ROLE_CLERK, "2468", &error));

  log = mc_audit_list (fx->store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      McAuditEntry *e = g_ptr_array_index (log, i);
      g_string_append_printf (seen, "%s|%s|%s\n", e->action, e->account, e->subject ? e->subject : "");
      /* No citizen's name or phone number in the log. */
      g_assert_null (strstr (e->detail ? e->detail : "", "Nguyễn Văn An"));
      g_assert_null (strstr (e->detail ? e->detail : "", "0912345678"));
    }
  g_test_message ("%s", seen->str);
  /* Newest first. */
  g_assert_cmpstr (((McAuditEntry *) g_ptr_array_index (log, 0))->action, ==, MC_AUDIT_ACCOUNT_ADDED);
  g_assert_nonnull (strstr (seen->str, "account-added|ha.lt|lan.nt\n"));
  g_assert_nonnull (strstr (seen->str, "export|ha.lt|desk.motcua\n"));
  {
    g_autofree char *correction = g_strdup_printf ("correction|ha.lt|%s\n", d->code);
    g_assert_nonnull (strstr (seen->str, correction));
  }
  g_assert_nonnull (strstr (seen->str, "sign-in-failed|"));
  g_assert_nonnull (strstr (seen->str, "account-added|Máy trạm 1|ha.lt\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/accounts/first", Fixture, NULL, fixture_set_up, test_first_account, fixture_tear_down);
  g_test_add ("/accounts/sign-in-and-roles", Fixture, NULL, fixture_set_up, test_sign_in_and_roles,
              fixture_tear_down);
  g_test_add ("/accounts/audit", Fixture, NULL, fixture_set_up, test_audit, fixture_tear_down);

  return g_test_run ();
}
