/* test-retention.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The retention rule on real files: dossiers closed longer ago than the period lose their personal data, in
 * the projection, in their stored history and in the file's bytes, on this station and on the others the sync
 * reaches; the statistics stay exactly the same. */

#define _GNU_SOURCE
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"
#include "mc-accounts.h"
#include "mc-attachment.h"
#include "mc-bundle.h"
#include "mc-dossier.h"
#include "mc-event.h"
#include "mc-stats.h"
#include "mc-store.h"
#include "mc-time.h"

#define OLD_NAME "Nguyễn Văn Xưa"
#define OLD_ID   "001190012345"
#define OLD_PHONE "0912345678"
#define OLD_CHILD "Nguyễn Thị Xưa Con"
#define OLD_SCAN  "cccd-nguyen-van-xua.png"

typedef TestFolder Fixture;

static char *
receive (McStore    *store,
         const char *when,
         const char *name,
         const char *id,
         const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) d = NULL;
  McIntake in = { 0 };

  g_setenv ("MOTCUA_NOW", when, TRUE);
  in.procedure_code = "1.004873";
  in.applicant_name = name;
  in.id_number = id;
  in.phone = phone;
  in.address = "Thôn Đông, xã Tân Lập";
  in.received = MC_MINUTE_NONE;
  d = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (d->code);
}

static void
step (McStore    *store,
      const char *code,
      const char *kind,
      const char *when,
      const char *key,
      const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(McDossier) d = NULL;
  g_autofree char *at = g_strdup (when);

  g_setenv ("MOTCUA_NOW", when, TRUE);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  if (key)
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  d = mc_store_record (store, code, kind, payload, NULL, &error);
  g_assert_no_error (error);
}

static char *
stats_json (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  McStats *stats = mc_stats_compute (store, mc_jdn_from_ymd (2018, 1, 1), mc_jdn_from_ymd (2026, 12, 31),
                                     mc_time_now (), NULL, &error);

  g_assert_no_error (error);
  mc_stats_to_json (stats, builder);
  mc_stats_free (stats);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The database's bytes with the WAL folded in (the store closed), reopened afterwards. */
static gboolean
file_contains (McStore   **store,
               const char *text)
{
  g_autofree char *path = g_strdup (mc_store_get_path (*store));
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  gboolean found;

  g_clear_object (store);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  found = memmem (contents, len, text, strlen (text)) != NULL;
  *store = mc_store_open (path, FALSE, &error);
  g_assert_no_error (error);
  return found;
}

static void
test_retention (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) a = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(McStore) b = test_open_station (fx->dir, "b.db", 2);
  g_autofree char *old_returned = NULL, *old_refused = NULL, *recent = NULL, *open_one = NULL;
  g_autofree char *bundle1 = g_build_filename (fx->dir, "1.motcua", NULL);
  g_autofree char *bundle2 = g_build_filename (fx->dir, "2.motcua", NULL);
  g_autofree char *before = NULL, *after = NULL;
  guint count = 0, n = 0;

  old_returned = receive (a, "2019-03-04T09:00", OLD_NAME, OLD_ID, OLD_PHONE);
  step (a, old_returned, MC_EVENT_RETURNED, "2019-03-06T10:00", "receiver", OLD_NAME);
  old_refused = receive (a, "2019-05-06T09:00", "Trần Thị Cũ", NULL, NULL);
  step (a, old_refused, MC_EVENT_REFUSED, "2019-05-06T09:30", "reason", "Không thuộc thẩm quyền");
  recent = receive (a, "2024-06-03T09:00", "Lê Văn Gần", NULL, NULL);
  step (a, recent, MC_EVENT_RETURNED, "2024-06-05T10:00", "receiver", "Lê Văn Gần");
  open_one = receive (a, "2026-11-20T09:00", "Phạm Thị Mới", NULL, NULL);

  /* A scan of the old dossier's identity card and its declaration, and a scan of the recent one. */
  {
    static const char old_png[] = "\x89PNG\r\n\x1a\nold identity card";
    static const char recent_png[] = "\x89PNG\r\n\x1a\nrecent identity card";
    g_autoptr(GBytes) old_bytes = g_bytes_new_static (old_png, sizeof old_png - 1);
    g_autoptr(GBytes) recent_bytes = g_bytes_new_static (recent_png, sizeof recent_png - 1);
    g_autoptr(McDossier) d1 = NULL;
    g_autoptr(McDossier) d2 = NULL;
    g_autoptr(McDossier) d3 = NULL;
    g_autoptr(JsonNode) declaration = json_from_string (
      "{\"template\":\"marital-status\",\"answers\":{\"purpose\":\"" OLD_CHILD "\"}}", NULL);

    g_setenv ("MOTCUA_NOW", "2019-03-04T09:10", TRUE);
    d1 = mc_store_attach (a, old_returned, "Căn cước", OLD_SCAN, "scanner", old_bytes, NULL, &error);
    g_assert_no_error (error);
    d2 = mc_store_record (a, old_returned, MC_EVENT_DECLARATION_FILLED, declaration, NULL, &error);
    g_assert_no_error (error);
    g_setenv ("MOTCUA_NOW", "2024-06-03T09:10", TRUE);
    d3 = mc_store_attach (a, recent, "Căn cước", "cccd-le-van-gan.png", "scanner", recent_bytes, NULL, &error);
    g_assert_no_error (error);
  }

  /* Station B got everything before the period passed, documents included. */
  g_assert_true (mc_bundle_export (a, bundle1, MC_BUNDLE_EXPORT_FULL | MC_BUNDLE_EXPORT_DOCUMENTS, NULL, NULL, &n,
                                   NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_bundle_import (b, bundle1, NULL, &error));
  g_assert_no_error (error);

  g_setenv ("MOTCUA_NOW", "2026-11-23T10:00", TRUE);
  before = stats_json (a);

  /* Five years: the two dossiers closed in 2019 only. */
  g_assert_true (mc_store_remove_personal_data (a, 5, TRUE, &count, &error));
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (file_contains (&a, OLD_NAME));
  g_assert_true (file_contains (&a, OLD_CHILD));
  g_assert_true (file_contains (&a, OLD_SCAN));
  {
    g_autoptr(GPtrArray) on_b = mc_store_list_attachments (b, old_returned, &error);
    g_assert_cmpuint (on_b->len, ==, 1);
    g_assert_true (((McAttachment *) g_ptr_array_index (on_b, 0))->present);
  }
  g_assert_true (mc_store_remove_personal_data (a, 5, FALSE, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  {
    g_autoptr(McDossier) d = mc_store_get_dossier (a, old_returned, &error);
    g_autoptr(McDossier) kept = mc_store_get_dossier (a, recent, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (d->applicant_name, ==, "—");
    g_assert_null (d->applicant_id);
    g_assert_null (d->phone);
    g_assert_null (d->address);
    g_assert_null (d->returned_to);
    g_assert_true (d->personal_data_removed);
    g_assert_cmpint (d->status, ==, MC_STATUS_RETURNED);
    g_assert_cmpstr (kept->applicant_name, ==, "Lê Văn Gần");
  }
  after = stats_json (a);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (mc_store_check (a, NULL, &error));
  g_assert_no_error (error);
  {
    McQuery query;

    mc_query_init (&query);
    query.text = "nguyen van xua";
    g_assert_cmpint (mc_store_count (a, &query, NULL), ==, 0);
  }
  /* Not in the file either: the history, the search index and the freed pages. */
  g_assert_false (file_contains (&a, OLD_NAME));
  g_assert_false (file_contains (&a, OLD_ID));
  g_assert_false (file_contains (&a, OLD_PHONE));
  g_assert_false (file_contains (&a, OLD_CHILD));
  g_assert_false (file_contains (&a, OLD_SCAN));
  /* The scan itself is gone from the disk; the fact that a component was digitised stays. The recent one's
   * scan is kept. */
  {
    g_autoptr(GPtrArray) old_list = mc_store_list_attachments (a, old_returned, &error);
    g_autoptr(GPtrArray) recent_list = mc_store_list_attachments (a, recent, &error);
    McAttachment *gone = g_ptr_array_index (old_list, 0);
    g_autofree char *gone_path = mc_attachment_path (a, gone->hash);

    g_assert_cmpuint (old_list->len, ==, 1);
    g_assert_false (gone->present);
    g_assert_false (g_file_test (gone_path, G_FILE_TEST_EXISTS));
    g_assert_cmpstr (gone->name, ==, "");
    g_assert_cmpstr (gone->component, ==, "Căn cước");
    g_assert_true (((McAttachment *) g_ptr_array_index (recent_list, 0))->present);
  }
  g_assert_true (file_contains (&a, "Lê Văn Gần"));
  /* Done once: a second run finds nothing more. */
  g_assert_true (mc_store_remove_personal_data (a, 5, TRUE, &count, &error));
  g_assert_cmpuint (count, ==, 0);

  /* The next bundle carries the removal to station B. */
  g_assert_true (mc_bundle_export (a, bundle2, MC_BUNDLE_EXPORT_INCREMENTAL, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_bundle_import (b, bundle2, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (b, old_returned, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (d->applicant_name, ==, "—");
  }
  g_assert_true (mc_store_check (b, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *b_stats = stats_json (b);
    g_assert_cmpstr (b_stats, ==, before);
  }
  g_assert_false (file_contains (&b, OLD_ID));
  g_assert_false (file_contains (&b, OLD_CHILD));
  {
    g_autoptr(GPtrArray) old_list = mc_store_list_attachments (b, old_returned, &error);
    g_autoptr(GPtrArray) recent_list = mc_store_list_attachments (b, recent, &error);

    g_assert_false (((McAttachment *) g_ptr_array_index (old_list, 0))->present);
    g_assert_true (((McAttachment *) g_ptr_array_index (recent_list, 0))->present);
  }

  /* The administrator's action is in the audit log. */
  {
    g_autoptr(GPtrArray) log = mc_audit_list (a, 0, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < log->len; i++)
      found |= g_str_equal (((McAuditEntry *) g_ptr_array_index (log, i))->action, MC_AUDIT_RETENTION);
    g_assert_true (found);
  }
}

/* The fold itself: whatever an event still holds, once the removal is in the history only the facts show (a
 * correction made on another station before it heard of the removal, for instance). */
static void
test_fold (void)
{
  g_autoptr(JsonNode) received = json_from_string (
    "{\"code\":\"000.00.12.H40-190304-010001\",\"procedure\":{\"code\":\"1.004873\",\"unit\":\"working_days\","
    "\"duration\":3},\"applicant\":{\"name\":\"" OLD_NAME "\",\"id_number\":\"" OLD_ID "\",\"phone\":\""
    OLD_PHONE "\"},\"received\":\"2019-03-04T09:00\"}", NULL);
  g_autoptr(JsonNode) edited = json_from_string ("{\"field\":\"phone\",\"value\":\"0987654321\"}", NULL);
  g_autoptr(JsonNode) removed = json_from_string ("{\"retention_years\":5}", NULL);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);
  g_autoptr(McCalendar) calendar = mc_calendar_new ();
  g_autoptr(McDossier) d = NULL;
  const char *dossier = "5b0f1f64-9a52-4d8c-9c65-3f8b0d1b2a11";
  const char *station = "0c1b6f58-3d2e-4b61-8f0a-2a7d9e4c5b13";

  g_ptr_array_add (events, mc_event_new ("9d3f1c2e-6b7a-4e58-9a1d-0f2e3c4b5a61", dossier, station, 1, 1,
                                         "2019-03-04T09:00:00+07:00", "Lê Thu Hà", MC_EVENT_RECEIVED, received));
  g_ptr_array_add (events, mc_event_new ("7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c81", dossier, station, 2, 2,
                                         "2026-11-23T10:00:00+07:00", "Lê Thu Hà", MC_EVENT_PERSONAL_DATA_REMOVED,
                                         removed));
  g_ptr_array_add (events, mc_event_new ("1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a01", dossier, station, 3, 3,
                                         "2026-11-24T10:00:00+07:00", "Lê Thu Hà", MC_EVENT_EDITED, edited));
  d = mc_dossier_fold (events, calendar, MC_SUPPLEMENT_RESTART);
  g_assert_nonnull (d);
  g_assert_true (d->personal_data_removed);
  g_assert_cmpstr (d->applicant_name, ==, "—");
  g_assert_null (d->applicant_id);
  g_assert_null (d->phone);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/retention/fold", test_fold);
  g_test_add ("/retention/remove-personal-data", Fixture, NULL, test_folder_set_up, test_retention,
              test_folder_tear_down);
  return g_test_run ();
}
