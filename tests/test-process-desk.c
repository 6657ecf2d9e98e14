/* test-process-desk.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The process behind the desk in the real widgets under a (virtual) X display: the steps timeline of the dossier
 * page, the hand-over dialog with its refusals (shown, nothing written), several dossiers handed over at once with
 * the hand-over list, and the transfer with its slip. Screenshots are kept in the build directory. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "test-util.h"
#include "mc-alerts-page.h"
#include "mc-dossier-list-page.h"
#include "mc-dossier-window.h"
#include "mc-event.h"
#include "mc-handover-dialog.h"
#include "mc-preferences-window.h"
#include "mc-preview-window.h"
#include "mc-procedure-steps.h"
#include "mc-procedure-steps-group.h"
#include "mc-procedure.h"
#include "mc-reports-page.h"
#include "mc-steps-timeline.h"
#include "mc-time.h"
#include "mc-transfer-dialog.h"

#define SPECIALIST "Công chức Tư pháp - Hộ tịch"

/* 24 working hours shared among four steps. */
#define STEPS_PROCEDURE \
  "{\"code\": \"9.000001\", \"name\": \"Chứng thực hợp đồng thử\", \"sector\": \"Chứng thực\"," \
  " \"unit\": \"working_days\", \"duration\": 3," \
  " \"steps\": [{\"unit\": \"Bộ phận Một cửa\", \"role\": \"desk\", \"hours\": 4}," \
  "             {\"unit\": \"" SPECIALIST "\", \"role\": \"specialist\", \"hours\": 12}," \
  "             {\"unit\": \"Lãnh đạo UBND\", \"role\": \"leader\", \"hours\": 6}," \
  "             {\"unit\": \"Bộ phận Một cửa\", \"role\": \"desk\", \"hours\": 2}]}"

typedef struct
{
  char    *dir;
  McStore *store;
} Fixture;

static const char *
language (void)
{
  const char *lang = g_getenv ("MOTCUA_TEST_LANG");
  return lang ? lang : "en";
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, language ());
  g_autofree char *path = g_build_filename (SCREENSHOT_DIR, file, NULL);
  int width, height;

  iterate (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (SCREENSHOT_DIR, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
set_text (gpointer    widget,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, type, name)), text);
  iterate (20);
}

static const char *
error_text (gpointer widget,
            GType    type)
{
  return gtk_label_get_text (GTK_LABEL (child (widget, type, "error_label")));
}

static void
click (gpointer    widget,
       GType       type,
       const char *name)
{
  g_signal_emit_by_name (child (widget, type, name), "clicked");
  iterate (200);
}

static gpointer
find_window (GType type)
{
  GList *windows = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

static void
close_all (GType type)
{
  gpointer window;

  while ((window = find_window (type)) != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      iterate (50);
    }
}

/* The first widget under @widget whose action is @action_name. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_actionable (c, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_steps (McStore    *store,
         const char *code)
{
  g_autoptr(McDossier) d = mc_store_get_dossier (store, code, NULL);

  g_assert_nonnull (d);
  return d->steps->len;
}

/* The labels under @widget carrying @css_class (a step's state). */
static guint
count_class (GtkWidget  *widget,
             const char *css_class)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_class (c, css_class);
  return n;
}

static char *
intake (McStore    *store,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = NULL;
  McIntake in = { 0 };

  in.procedure_code = "9.000001";
  in.applicant_name = name;
  in.received = mc_time_now ();
  dossier = mc_store_intake (store, &in, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (dossier->code);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(McProcedure) procedure = NULL;

  g_setenv ("MOTCUA_PWHASH_FAST", "1", TRUE);
  /* Monday 23 November 2026, 08:00. */
  g_setenv ("MOTCUA_NOW", "2026-11-23T08:00", TRUE);
  fixture->dir = g_dir_make_tmp ("motcua-process-desk-XXXXXX", NULL);
  fixture->store = test_open_station (fixture->dir, "desk.db", 1);
  node = json_from_string (STEPS_PROCEDURE, &error);
  g_assert_no_error (error);
  procedure = mc_procedure_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_true (mc_store_set_procedure (fixture->store, procedure, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  iterate (50);
  g_clear_object (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The dossier page: its timeline, a hand-over with every refusal shown and nothing written, then the transfer. */
static void
test_dossier_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = intake (fixture->store, "Nguyễn Thị Hoa");
  McDossierWindow *window;
  McStepsTimeline *timeline;
  McHandoverDialog *dialog;
  McTransferDialog *transfer;

  window = mc_dossier_window_new (fixture->store, code, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 740);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);
  timeline = MC_STEPS_TIMELINE (child (window, MC_TYPE_DOSSIER_WINDOW, "steps_timeline"));
  /* The desk holds it; the three steps to come are listed. */
  g_assert_cmpuint (mc_steps_timeline_get_n_rows (timeline), ==, 4);
  g_assert_cmpuint (count_class (GTK_WIDGET (timeline), "on-track"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "dossier.handover", NULL));
  iterate (200);
  dialog = find_window (MC_TYPE_HANDOVER_DIALOG);
  g_assert_nonnull (dialog);
  /* The next unit of the internal procedure is proposed, and the time is now. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, MC_TYPE_HANDOVER_DIALOG, "unit_entry"))), ==,
                   SPECIALIST);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, MC_TYPE_HANDOVER_DIALOG, "time_entry"))), ==,
                   "2026-11-23 08:00");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (dialog, MC_TYPE_HANDOVER_DIALOG,
                                                                        "list_check"))));
  save_screenshot (GTK_WIDGET (dialog), "process-handover-dialog");

  /* Refusals: no unit, a time that is no time, a time before the dossier's step began. */
  set_text (dialog, MC_TYPE_HANDOVER_DIALOG, "unit_entry", "  ");
  click (dialog, MC_TYPE_HANDOVER_DIALOG, "record_button");
  g_assert_cmpstr (error_text (dialog, MC_TYPE_HANDOVER_DIALOG), ==, _("Say which unit receives the dossier"));
  set_text (dialog, MC_TYPE_HANDOVER_DIALOG, "unit_entry", SPECIALIST);
  set_text (dialog, MC_TYPE_HANDOVER_DIALOG, "time_entry", "23/11 9h");
  click (dialog, MC_TYPE_HANDOVER_DIALOG, "record_button");
  g_assert_cmpstr (error_text (dialog, MC_TYPE_HANDOVER_DIALOG), ==,
                   _("Write the time as YYYY-MM-DD HH:MM, for example 2026-11-23 14:30"));
  set_text (dialog, MC_TYPE_HANDOVER_DIALOG, "time_entry", "2026-11-20 09:00");
  click (dialog, MC_TYPE_HANDOVER_DIALOG, "record_button");
  g_assert_cmpstr (error_text (dialog, MC_TYPE_HANDOVER_DIALOG), !=, "");
  save_screenshot (GTK_WIDGET (dialog), "process-handover-refused");
  g_assert_true (find_window (MC_TYPE_HANDOVER_DIALOG) == dialog);
  g_assert_cmpuint (n_steps (fixture->store, code), ==, 1);

  set_text (dialog, MC_TYPE_HANDOVER_DIALOG, "time_entry", "2026-11-23 10:00");
  set_text (dialog, MC_TYPE_HANDOVER_DIALOG, "person_entry", "Trần Văn Bình");
  set_text (dialog, MC_TYPE_HANDOVER_DIALOG, "note_entry", "Đủ thành phần");
  click (dialog, MC_TYPE_HANDOVER_DIALOG, "record_button");
  g_assert_null (find_window (MC_TYPE_HANDOVER_DIALOG));
  g_assert_null (find_window (MC_TYPE_PREVIEW_WINDOW));
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (fixture->store, code, NULL);

    g_assert_cmpuint (d->steps->len, ==, 2);
    g_assert_cmpstr (d->held_unit, ==, SPECIALIST);
    g_assert_cmpstr (d->held_person, ==, "Trần Văn Bình");
  }
  /* The page follows: the desk's step done on its due day (on time), the specialist's running, two to come. */
  g_assert_cmpuint (mc_steps_timeline_get_n_rows (timeline), ==, 4);
  g_assert_cmpuint (count_class (GTK_WIDGET (timeline), "on-time"), ==, 1);
  g_assert_cmpuint (count_class (GTK_WIDGET (timeline), "on-track"), ==, 1);
  save_screenshot (GTK_WIDGET (window), "process-dossier-steps");

  /* Past the specialist's 12 working hours (Tuesday 15:30), the page says the step is overdue. */
  g_setenv ("MOTCUA_NOW", "2026-11-24T16:00", TRUE);
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (fixture->store, code, NULL);

    mc_steps_timeline_set_dossier (timeline, d, mc_store_get_calendar (fixture->store), mc_time_now ());
  }
  g_assert_cmpuint (count_class (GTK_WIDGET (timeline), "overdue"), ==, 1);
  /* The alerts count it apart: on time as a whole, late at the specialist's step; so does the notification. */
  {
    McAlertsPage *alerts = g_object_new (MC_TYPE_ALERTS_PAGE, NULL);
    GtkWidget *holder = gtk_window_new ();
    g_autofree char *body = NULL;
    g_autofree char *expected = NULL;

    gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (alerts));
    mc_alerts_page_set_store (alerts, fixture->store, NULL);
    mc_alerts_page_reload (alerts);
    g_assert_cmpuint (mc_alerts_page_get_count (alerts), ==, 1);
    g_assert_cmpuint (mc_alerts_page_get_overdue (alerts), ==, 0);
    g_assert_cmpuint (mc_alerts_page_get_step_late (alerts), ==, 1);
    g_assert_cmpuint (mc_alerts_page_get_due_soon (alerts), ==, 0);
    body = mc_alerts_page_dup_notification_body (alerts);
    expected = g_strdup_printf (_("%u overdue, %u late at a step, %u due soon. Open the alerts to see who holds "
                                  "them and to send apology letters in time."), 0, 1, 0);
    g_assert_cmpstr (body, ==, expected);
    g_assert_null (strstr (body, "Nguyễn"));
    gtk_window_destroy (GTK_WINDOW (holder));
  }
  /* Reports show the units: the specialist holds one dossier, past its step's deadline. */
  {
    McReportsPage *reports = g_object_new (MC_TYPE_REPORTS_PAGE, NULL);
    GtkWidget *holder = gtk_window_new ();
    GtkGrid *units;
    GtkWidget *row_of_specialist = NULL;
    int column, row;

    gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (reports));
    mc_reports_page_set_store (reports, fixture->store);
    mc_reports_page_set_period (reports, mc_jdn_from_ymd (2026, 11, 1), mc_jdn_from_ymd (2026, 11, 30));
    mc_reports_page_reload (reports);
    units = GTK_GRID (child (reports, MC_TYPE_REPORTS_PAGE, "units_grid"));
    for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (units)); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), SPECIALIST) == 0)
        row_of_specialist = w;
    g_assert_nonnull (row_of_specialist);
    gtk_grid_query_child (units, row_of_specialist, &column, &row, NULL, NULL);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (units, 5, row))), ==, "1");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (units, 6, row))), ==, "1");
    /* The specialist has finished no step yet: no average; the desk's one step took 2 working hours. */
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (units, 4, row))), ==, "—");
    for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (units)); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), "Bộ phận Một cửa") == 0)
        {
          g_autofree char *two = g_strdup_printf (_("%.1f h"), 2.0);

          gtk_grid_query_child (units, w, &column, &row, NULL, NULL);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (units, 4, row))), ==, two);
        }
    gtk_window_destroy (GTK_WINDOW (holder));
  }

  /* The transfer: a body is needed; then the status, and the slip shown to print. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "dossier.transfer", NULL));
  iterate (200);
  transfer = find_window (MC_TYPE_TRANSFER_DIALOG);
  g_assert_nonnull (transfer);
  click (transfer, MC_TYPE_TRANSFER_DIALOG, "record_button");
  g_assert_cmpstr (error_text (transfer, MC_TYPE_TRANSFER_DIALOG), ==,
                   _("Name the competent body the dossier is sent to"));
  set_text (transfer, MC_TYPE_TRANSFER_DIALOG, "body_entry", "UBND phường Bến Thành");
  click (transfer, MC_TYPE_TRANSFER_DIALOG, "record_button");
  /* No reason: refused by the store, in the dialog, nothing written. */
  g_assert_cmpstr (error_text (transfer, MC_TYPE_TRANSFER_DIALOG), !=, "");
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (fixture->store, code, NULL);
    g_assert_cmpint (d->status, ==, MC_STATUS_IN_PROGRESS);
  }
  set_text (transfer, MC_TYPE_TRANSFER_DIALOG, "reason_entry", "Thuộc thẩm quyền nơi cư trú");
  save_screenshot (GTK_WIDGET (transfer), "process-transfer-dialog");
  click (transfer, MC_TYPE_TRANSFER_DIALOG, "record_button");
  g_assert_null (find_window (MC_TYPE_TRANSFER_DIALOG));
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (fixture->store, code, NULL);
    g_assert_cmpint (d->status, ==, MC_STATUS_TRANSFERRED);
    g_assert_cmpstr (d->transferred_to, ==, "UBND phường Bến Thành");
  }
  g_assert_nonnull (find_window (MC_TYPE_PREVIEW_WINDOW));
  g_assert_cmpint (mc_preview_window_get_n_pages (find_window (MC_TYPE_PREVIEW_WINDOW)), ==, 1);
  save_screenshot (GTK_WIDGET (find_window (MC_TYPE_PREVIEW_WINDOW)), "process-transfer-slip");
  close_all (MC_TYPE_PREVIEW_WINDOW);
  /* A transferred dossier is closed: no more hand-overs or transfers from its page. */
  iterate (100);
  g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (window), "dossier.handover")));
  g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (window), "dossier.transfer")));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (100);
}

/* Several dossiers at once: the list printed; a batch with a closed dossier refused whole. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *a = intake (fixture->store, "Lò Văn An");
  g_autofree char *b = intake (fixture->store, "Hà Thị Bích");
  g_autofree char *c = intake (fixture->store, "Vi Văn Cường");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
  g_autoptr(McDossier) closed = NULL;
  g_autoptr(GError) error = NULL;
  McHandoverDialog *dialog;
  McPreviewWindow *preview;

  /* c is transferred first: a batch holding it is refused, and a and b keep their steps. */
  closed = mc_store_record (fixture->store, c, MC_EVENT_TRANSFERRED,
                            payload_new ("to", "UBND phường 1", "reason", "Nơi cư trú", NULL), NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (batch, mc_store_get_dossier (fixture->store, a, NULL));
  g_ptr_array_add (batch, mc_store_get_dossier (fixture->store, c, NULL));
  dialog = mc_handover_dialog_new (NULL, fixture->store, batch);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate (200);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (dialog, MC_TYPE_HANDOVER_DIALOG,
                                                                       "list_check"))));
  click (dialog, MC_TYPE_HANDOVER_DIALOG, "record_button");
  g_assert_nonnull (g_strstr_len (error_text (dialog, MC_TYPE_HANDOVER_DIALOG), -1, c));
  g_assert_cmpuint (n_steps (fixture->store, a), ==, 1);
  g_assert_null (find_window (MC_TYPE_PREVIEW_WINDOW));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (50);

  g_ptr_array_set_size (batch, 0);
  g_ptr_array_add (batch, mc_store_get_dossier (fixture->store, a, NULL));
  g_ptr_array_add (batch, mc_store_get_dossier (fixture->store, b, NULL));
  dialog = mc_handover_dialog_new (NULL, fixture->store, batch);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate (200);
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dossier, handed over together",
                                                              "%u dossiers, handed over together", 2), 2);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, MC_TYPE_HANDOVER_DIALOG, "summary_label"))), ==,
                     expected);
  }
  set_text (dialog, MC_TYPE_HANDOVER_DIALOG, "person_entry", "Trần Văn Bình");
  save_screenshot (GTK_WIDGET (dialog), "process-batch-handover");
  click (dialog, MC_TYPE_HANDOVER_DIALOG, "record_button");
  g_assert_null (find_window (MC_TYPE_HANDOVER_DIALOG));
  g_assert_cmpuint (n_steps (fixture->store, a), ==, 2);
  g_assert_cmpuint (n_steps (fixture->store, b), ==, 2);
  preview = find_window (MC_TYPE_PREVIEW_WINDOW);
  g_assert_nonnull (preview);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preview)), ==, _("Hand-over List"));
  g_assert_cmpint (mc_preview_window_get_n_pages (preview), ==, 1);
  save_screenshot (GTK_WIDGET (preview), "process-handover-list");
}

static GtkWidget *
step_row_at (GtkWidget *list,
             guint      index)
{
  GtkWidget *row = gtk_widget_get_first_child (list);

  for (guint i = 0; row != NULL && i < index; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  /* The list box's row holds the step's box. */
  return gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static McProcedure *
stored_procedure (McStore *store)
{
  g_autoptr(GError) error = NULL;
  McProcedure *procedure = mc_store_get_procedure (store, "9.000001", &error);

  g_assert_no_error (error);
  return procedure;
}

/* Preferences: the steps of a procedure edited, the total held against its time limit, saved for new dossiers. */
/* The list page: the day's dossiers chosen with the keyboard or the mouse and handed over at once. */
static void
test_list_batch (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *a = intake (fixture->store, "Lò Văn An");
  g_autofree char *b = intake (fixture->store, "Hà Thị Bích");
  GtkWidget *holder = gtk_window_new ();
  McDossierListPage *list = g_object_new (MC_TYPE_DOSSIER_LIST_PAGE, NULL);
  GtkSelectionModel *selection;
  McHandoverDialog *dialog;

  gtk_window_set_default_size (GTK_WINDOW (holder), 1200, 600);
  gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (list));
  mc_dossier_list_page_set_store (list, fixture->store);
  gtk_window_present (GTK_WINDOW (holder));
  iterate (300);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (child (list, MC_TYPE_DOSSIER_LIST_PAGE, "column_view")));
  g_assert_true (GTK_IS_MULTI_SELECTION (selection));
  /* Nothing chosen, nothing to hand over. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (list), "list.handover-selected", NULL) &&
                  find_window (MC_TYPE_HANDOVER_DIALOG) != NULL);
  g_assert_true (gtk_selection_model_select_range (selection, 0, 2, TRUE));
  iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.handover-selected", NULL));
  iterate (200);
  dialog = find_window (MC_TYPE_HANDOVER_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dossier, handed over together",
                                                              "%u dossiers, handed over together", 2), 2);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, MC_TYPE_HANDOVER_DIALOG, "summary_label"))), ==,
                     expected);
  }
  /* The list's rows carry no steps; the next unit is proposed all the same. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, MC_TYPE_HANDOVER_DIALOG, "unit_entry"))), ==,
                   SPECIALIST);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (dialog, MC_TYPE_HANDOVER_DIALOG, "list_check")), FALSE);
  click (dialog, MC_TYPE_HANDOVER_DIALOG, "record_button");
  iterate (100);
  g_assert_null (find_window (MC_TYPE_HANDOVER_DIALOG));
  g_assert_cmpuint (n_steps (fixture->store, a), ==, 2);
  g_assert_cmpuint (n_steps (fixture->store, b), ==, 2);
  /* The choice is cleared once they are handed over. */
  {
    g_autoptr(GtkBitset) chosen = gtk_selection_model_get_selection (selection);

    g_assert_true (gtk_bitset_is_empty (chosen));
  }
  gtk_window_destroy (GTK_WINDOW (holder));
}

/* The save buttons of the catalogue's procedure editors in Preferences. */
static void
find_editor_saves (GtkWidget *widget,
                   GPtrArray *found)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "editor") != NULL)
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    find_editor_saves (c, found);
}

static void
test_steps_editor (Fixture       *fixture,
                   gconstpointer  data)
{
  McPreferencesWindow *window = mc_preferences_window_new (fixture->store);
  GtkWidget *group = child (window, MC_TYPE_PREFERENCES_WINDOW, "steps_group");
  GtkWidget *list = child (group, MC_TYPE_PROCEDURE_STEPS_GROUP, "steps_list");
  GtkWidget *row;
  g_autoptr(McProcedure) saved = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 740);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "procedures");
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);
  g_assert_true (mc_procedure_steps_group_select_procedure (MC_PROCEDURE_STEPS_GROUP (group), "9.000001"));
  iterate (50);
  g_assert_cmpuint (n_rows (list), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (g_object_get_data (G_OBJECT (step_row_at (list, 1)), "unit")), ==,
                   SPECIALIST);

  /* A fifth step of 10 hours: 34 hours for a 24-hour procedure is refused, nothing saved. */
  {
    GtkWidget *box = gtk_widget_get_parent (list);
    GtkWidget *buttons = gtk_widget_get_last_child (box);
    GtkWidget *add = gtk_widget_get_first_child (buttons);

    g_signal_emit_by_name (add, "clicked");
    iterate (50);
  }
  g_assert_cmpuint (n_rows (list), ==, 5);
  row = step_row_at (list, 4);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "unit"), "Công chức Địa chính");
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "hours"), 10);
  iterate (50);
  g_assert_true (gtk_widget_has_css_class (child (group, MC_TYPE_PROCEDURE_STEPS_GROUP, "total_label"), "error"));
  click (group, MC_TYPE_PROCEDURE_STEPS_GROUP, "save_button");
  g_assert_nonnull (g_strstr_len (error_text (group, MC_TYPE_PROCEDURE_STEPS_GROUP), -1, "34"));
  save_screenshot (GTK_WIDGET (window), "process-steps-editor-refused");
  saved = stored_procedure (fixture->store);
  g_assert_cmpuint (saved->steps->len, ==, 4);
  g_clear_pointer (&saved, mc_procedure_unref);

  /* The fifth step at 2 hours, moved up before the leader, the last one removed: 4 + 12 + 2 + 6 = 24. */
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "hours"), 2);
  iterate (20);
  g_signal_emit_by_name (gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (gtk_widget_get_last_child (row))),
                         "clicked");
  iterate (50);
  row = step_row_at (list, 3);
  g_signal_emit_by_name (gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (gtk_widget_get_last_child (row))),
                         "clicked");
  iterate (50);
  row = step_row_at (list, 4);
  g_signal_emit_by_name (gtk_widget_get_last_child (row), "clicked");
  iterate (50);
  g_assert_cmpuint (n_rows (list), ==, 4);
  g_assert_false (gtk_widget_has_css_class (child (group, MC_TYPE_PROCEDURE_STEPS_GROUP, "total_label"), "error"));
  click (group, MC_TYPE_PROCEDURE_STEPS_GROUP, "save_button");
  save_screenshot (GTK_WIDGET (window), "process-steps-editor");
  saved = stored_procedure (fixture->store);
  g_assert_cmpuint (saved->steps->len, ==, 4);
  g_assert_cmpstr (((McProcedureStep *) saved->steps->pdata[2])->unit, ==, "Công chức Địa chính");
  g_assert_cmpint (((McProcedureStep *) saved->steps->pdata[2])->minutes, ==, 120);
  g_assert_cmpstr (((McProcedureStep *) saved->steps->pdata[3])->unit, ==, "Lãnh đạo UBND");
  g_clear_pointer (&saved, mc_procedure_unref);

  /* The catalogue's own editors, saved after the steps editor, keep the steps it saved. */
  {
    g_autoptr(GPtrArray) saves = g_ptr_array_new ();

    find_editor_saves (GTK_WIDGET (window), saves);
    g_assert_cmpuint (saves->len, >, 0);
    for (guint i = 0; i < saves->len; i++)
      g_signal_emit_by_name (saves->pdata[i], "clicked");
    iterate (50);
  }
  saved = stored_procedure (fixture->store);
  g_assert_cmpuint (saved->steps->len, ==, 4);
  g_assert_cmpstr (((McProcedureStep *) saved->steps->pdata[2])->unit, ==, "Công chức Địa chính");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
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
  adw_init ();

  g_test_add ("/process-desk/dossier-page", Fixture, NULL, fixture_set_up, test_dossier_page, fixture_tear_down);
  g_test_add ("/process-desk/batch", Fixture, NULL, fixture_set_up, test_batch, fixture_tear_down);
  g_test_add ("/process-desk/list-batch", Fixture, NULL, fixture_set_up, test_list_batch, fixture_tear_down);
  g_test_add ("/process-desk/steps-editor", Fixture, NULL, fixture_set_up, test_steps_editor, fixture_tear_down);
  return g_test_run ();
}
