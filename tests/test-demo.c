/* test-demo.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `motcua --demo`: a temporary database with a commune's year of dossiers, said to be a demo, gone at exit. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mc-application.h"
#include "mc-window.h"

typedef struct
{
  McApplication *app;
  char          *db_path;
  gint64         dossiers;
  gint64         alerting;
  int            newest_slip;
  int            next_slip;
  char          *title;
} Check;

static gboolean
inspect_cb (gpointer user_data)
{
  Check *check = user_data;
  McStore *store = mc_application_get_store (check->app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (check->app));
  McQuery query;

  g_assert_nonnull (store);
  g_assert_true (MC_IS_WINDOW (window));
  check->db_path = g_strdup (mc_store_get_path (store));
  mc_query_init (&query);
  check->dossiers = mc_store_count (store, &query, NULL);
  query.due_state_mask = (1u << MC_DUE_STATE_OVERDUE) | (1u << MC_DUE_STATE_DUE_SOON);
  check->alerting = mc_store_count (store, &query, NULL);

  /* The demo's slips are numbered, and the clerk's next intake continues after them. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = NULL;
    g_autoptr(McDossier) newest = NULL;
    g_autoptr(McDossier) received = NULL;
    McIntake intake = { 0 };

    mc_query_init (&query);
    query.sort = MC_SORT_RECEIVED_DESC;
    query.limit = 1;
    rows = mc_store_query (store, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    newest = mc_store_get_dossier (store, ((McDossier *) g_ptr_array_index (rows, 0))->code, &error);
    g_assert_no_error (error);
    check->newest_slip = newest->slip_number;
    intake.procedure_code = "1.004873";
    intake.applicant_name = "Nguyễn Văn An";
    intake.received = MC_MINUTE_NONE;
    received = mc_store_intake (store, &intake, NULL, &error);
    g_assert_no_error (error);
    check->next_slip = received->slip_number;
  }
  check->title = g_strdup (gtk_window_get_title (window));
  g_application_quit (G_APPLICATION (check->app));
  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Check        *check)
{
  g_timeout_add (500, inspect_cb, check);
}

static void
test_demo (void)
{
  char *argv[] = { "motcua", "--demo", NULL };
  Check check = { 0 };
  g_autofree char *dir = NULL;

  g_setenv ("MOTCUA_NOW", "2026-02-13T10:00", TRUE);
  check.app = mc_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (check.app, "activate", G_CALLBACK (activated_cb), &check);
  g_assert_cmpint (g_application_run (G_APPLICATION (check.app), 2, argv), ==, 0);

  /* A commune's year, with dossiers needing attention (the Friday before Tết), and the word "Demo" shown. */
  g_assert_cmpint (check.dossiers, ==, 6000);
  g_assert_cmpint (check.alerting, >, 0);
  g_assert_nonnull (strstr (check.title, "Demo"));
  g_assert_cmpint (check.newest_slip, >, 0);
  g_assert_cmpint (check.next_slip, ==, check.newest_slip + 1);

  /* Gone at exit. */
  g_assert_nonnull (check.db_path);
  g_assert_false (g_file_test (check.db_path, G_FILE_TEST_EXISTS));
  dir = g_path_get_dirname (check.db_path);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_object_unref (check.app);
  g_free (check.db_path);
  g_free (check.title);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  /* A test display has no notification server, and GIO warns when the demo's alert notification cannot be
   * shown; criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/app/demo", test_demo);
  return g_test_run ();
}
