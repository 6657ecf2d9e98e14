/* test-feedback.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feedback register on real databases: entries with their due day in working days, answers, the overdue
 * count the alerts show, refusals that record nothing, and the same register on two workstations whatever
 * order the events reach them in. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"
#include "mc-bundle.h"
#include "mc-feedback.h"
#include "mc-store.h"
#include "mc-time.h"

typedef TestFolder Fixture;

/* The moment every test here runs at: Friday 27 November 2026. */
#define NOW "2026-11-27T09:00"

static char *
record (McStore    *store,
        const char *content,
        int         y,
        int         m,
        int         d)
{
  g_autoptr(GError) error = NULL;
  McFeedbackInput input = { 0 };
  char *uuid;

  input.channel = "desk";
  input.citizen = "Lê Văn Cường";
  input.contact = "0987654321";
  input.staff = "Lê Thu Hà";
  input.content = content;
  input.received_jdn = mc_jdn_from_ymd (y, m, d);
  uuid = mc_store_record_feedback (store, &input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static void
test_register (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(McStore) store = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *early = NULL, *recent = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(McFeedback) f = NULL;
  g_autofree char *dossier_code = NULL;

  /* Received Monday 2 November: ten working days later is Monday 16 November. Over the 2 September holiday
   * (Wednesday; Tuesday 1 September is the official bridge day of 2026), from Monday 31 August: 15 September. */
  early = record (store, "Cán bộ hướng dẫn chưa rõ ràng", 2026, 11, 2);
  f = mc_store_get_feedback (store, early, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->due_jdn, ==, mc_jdn_from_ymd (2026, 11, 16));
  g_assert_cmpstr (f->citizen, ==, "Lê Văn Cường");
  g_assert_cmpstr (f->recorded_by, ==, "Lê Thu Hà");
  g_assert_null (f->answer);
  g_clear_pointer (&f, mc_feedback_free);
  {
    g_autofree char *holiday = record (store, "Thời gian chờ lâu", 2026, 8, 31);
    f = mc_store_get_feedback (store, holiday, &error);
    g_assert_cmpint (f->due_jdn, >, mc_jdn_from_ymd (2026, 9, 14));
    g_clear_pointer (&f, mc_feedback_free);
  }
  recent = record (store, "Phòng chờ thiếu ghế", 2026, 11, 27);

  /* As of today two answers are late (the recent one is not). */
  g_assert_cmpint (mc_store_count_overdue_feedback (store, mc_jdn_from_ymd (2026, 11, 27), &error), ==, 2);
  open = mc_store_list_feedback (store, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 3);

  /* The answer: by the entry's short number; then it is no longer open nor late. */
  {
    g_autofree char *prefix = g_strndup (early, 8);
    g_assert_true (mc_store_answer_feedback (store, prefix, "Đã nhắc nhở cán bộ, xin lỗi công dân", 0, &error));
    g_assert_no_error (error);
  }
  f = mc_store_get_feedback (store, early, &error);
  g_assert_cmpstr (f->answer, ==, "Đã nhắc nhở cán bộ, xin lỗi công dân");
  g_assert_cmpint (f->answered_jdn, ==, mc_jdn_from_ymd (2026, 11, 27));
  g_assert_cmpint (mc_store_count_overdue_feedback (store, mc_jdn_from_ymd (2026, 11, 27), &error), ==, 1);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = mc_store_list_feedback (store, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 2);

  /* Refusals record nothing: no content, a day to come, an unknown dossier or procedure, an unknown channel, an
   * empty answer, an answer dated before the feedback, an unknown entry. */
  {
    McFeedbackInput input = { .channel = "desk", .content = "   " };
    g_autofree char *none = mc_store_record_feedback (store, &input, &error);

    g_assert_null (none);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    input.content = "Nội dung";
    input.received_jdn = mc_jdn_from_ymd (2026, 11, 28);
    none = mc_store_record_feedback (store, &input, &error);
    g_assert_null (none);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    input.received_jdn = 0;
    input.dossier_code = "000.00.12.H40-261127-019999";
    none = mc_store_record_feedback (store, &input, &error);
    g_assert_null (none);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_UNKNOWN_DOSSIER);
    g_clear_error (&error);
    input.dossier_code = NULL;
    input.procedure_code = "9.999999";
    none = mc_store_record_feedback (store, &input, &error);
    g_assert_null (none);
    g_clear_error (&error);
    input.procedure_code = NULL;
    input.channel = "pigeon";
    none = mc_store_record_feedback (store, &input, &error);
    g_assert_null (none);
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }
  g_assert_false (mc_store_answer_feedback (store, recent, "", 0, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (mc_store_answer_feedback (store, recent, "Đã bổ sung ghế", mc_jdn_from_ymd (2026, 11, 20), &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (mc_store_answer_feedback (store, "ffffffff", "Đã bổ sung ghế", 0, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = mc_store_list_feedback (store, FALSE, &error);
  g_assert_cmpuint (open->len, ==, 3);

  /* About a dossier: the code as the store knows it. */
  {
    g_autoptr(McDossier) d = NULL;
    McIntake in = { 0 };
    McFeedbackInput input = { .channel = "phone", .content = "Hồ sơ chậm" };
    g_autofree char *uuid = NULL;

    in.procedure_code = "1.004873";
    in.applicant_name = "Phạm Thị Hoa";
    in.received = MC_MINUTE_NONE;
    d = mc_store_intake (store, &in, NULL, &error);
    g_assert_no_error (error);
    dossier_code = g_strdup (d->code);
    input.dossier_code = d->uuid;
    uuid = mc_store_record_feedback (store, &input, &error);
    g_assert_no_error (error);
    g_clear_pointer (&f, mc_feedback_free);
    f = mc_store_get_feedback (store, uuid, &error);
    g_assert_cmpstr (f->dossier_code, ==, dossier_code);
  }
}

static char *
register_text (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mc_store_list_feedback (store, FALSE, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      McFeedback *f = g_ptr_array_index (list, i);

      g_string_append_printf (text, "%s|%d|%s|%s|%d|%s|%d|%s\n", f->uuid, f->received_jdn, f->channel, f->content,
                              f->due_jdn, f->answer ? f->answer : "", f->answered_jdn,
                              f->answered_by ? f->answered_by : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Recorded on one workstation, answered on another: both registers end the same, and a third workstation that
 * gets the answer before the entry (events applied in reverse) holds the same register too. */
static void
test_sync (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(McStore) a = test_open_station (fx->dir, "a.db", 1);
  g_autoptr(McStore) b = test_open_station (fx->dir, "b.db", 2);
  g_autoptr(McStore) c = test_open_station (fx->dir, "c.db", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = record (a, "Cán bộ hướng dẫn chưa rõ ràng", 2026, 11, 2);
  g_autofree char *ab = g_build_filename (fx->dir, "ab.motcua", NULL);
  g_autofree char *ba = g_build_filename (fx->dir, "ba.motcua", NULL);
  g_autofree char *text_a = NULL, *text_b = NULL, *text_c = NULL;
  guint n = 0;

  g_assert_true (mc_bundle_export (a, ab, MC_BUNDLE_EXPORT_FULL, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_bundle_import (b, ab, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_count_overdue_feedback (b, mc_jdn_from_ymd (2026, 11, 27), &error), ==, 1);
  g_assert_true (mc_store_answer_feedback (b, uuid, "Đã nhắc nhở cán bộ", 0, &error));
  g_assert_no_error (error);
  g_assert_true (mc_bundle_export (b, ba, MC_BUNDLE_EXPORT_FULL, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_bundle_import (a, ba, NULL, &error));
  g_assert_no_error (error);

  text_a = register_text (a);
  text_b = register_text (b);
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_nonnull (strstr (text_a, "Đã nhắc nhở cán bộ"));
  g_assert_cmpint (mc_store_count_overdue_feedback (a, mc_jdn_from_ymd (2026, 11, 27), &error), ==, 0);

  /* The events in reverse order: the answer first. */
  {
    g_autoptr(GPtrArray) events = mc_store_list_events (b, 0, 10000, &error);
    g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_unref);

    g_assert_no_error (error);
    for (guint i = events->len; i-- > 0;)
      g_ptr_array_add (reversed, mc_event_ref (g_ptr_array_index (events, i)));
    for (guint i = 0; i < reversed->len; i++)
      {
        g_autoptr(GPtrArray) one = g_ptr_array_new ();

        g_ptr_array_add (one, g_ptr_array_index (reversed, i));
        if (mc_event_kind_is_feedback (((McEvent *) g_ptr_array_index (reversed, i))->kind))
          {
            g_assert_true (mc_store_apply_events (c, one, NULL, &error));
            g_assert_no_error (error);
          }
      }
  }
  text_c = register_text (c);
  g_assert_cmpstr (text_c, ==, text_a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/feedback/register", Fixture, NOW, test_folder_set_up,
             test_register, test_folder_tear_down);
  g_test_add ("/feedback/sync", Fixture, NOW, test_folder_set_up,
             test_sync, test_folder_tear_down);
  return g_test_run ();
}
