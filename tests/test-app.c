/* test-app.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real application on a temporary database under a (virtual) X display: first-start setup, intake,
 * unaccented search, a lifecycle step, each asserted on the database and on the widgets, with screenshots
 * kept in the build directory. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>
#include <string.h>

#include "test-util.h"
#include "mc-accounts.h"
#include "mc-application.h"
#include "mc-audit-window.h"
#include "mc-lock-page.h"
#include "mc-backup.h"
#include "mc-alerts-page.h"
#include "mc-bundle.h"
#include "mc-calendar-page.h"
#include "mc-dossier-list-page.h"
#include "mc-time.h"
#include "mc-dossier-summary.h"
#include "mc-dossier-window.h"
#include "mc-intake-page.h"
#include "mc-procedure-finder.h"
#include "mc-forms.h"
#include "mc-preview-window.h"
#include "mc-print-operation.h"
#include "mc-preferences-window.h"
#include "mc-station-row.h"
#include "mc-sync-folder-group.h"
#include "mc-sync-folder.h"
#include "mc-reports-page.h"
#include <poppler.h>
#include "mc-setup-page.h"
#include "mc-window.h"
#include "mc-attachment.h"
#include "mc-declaration-window.h"
#include "mc-digitise.h"
#include "mc-feedback.h"
#include "mc-feedback-window.h"
#include "mc-fee-box.h"
#include "mc-fee-dialog.h"

typedef struct
{
  char          *dir;
  char          *db_path;
  McApplication *app;
  McWindow      *window;
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

/*
 * Mnemonics: within one window, and within one menu, no two labels may share their underlined letter (Alt+T
 * would only cycle between them). Every state the test shows is checked; the clashes are listed at the end.
 */

static GString *mnemonic_clashes;

static gunichar
menu_label_mnemonic (const char *label)
{
  for (const char *p = label; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (*p == '_')
      {
        if (p[1] == '_')
          {
            p++;
            continue;
          }
        return p[1] != '\0' ? g_unichar_tolower (g_utf8_get_char (p + 1)) : 0;
      }
  return 0;
}

static void
note_mnemonic (GHashTable *seen,
               gunichar    key,
               const char *label,
               const char *where)
{
  const char *other;
  g_autofree char *plain = NULL;

  if (key == 0)
    return;
  other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));
  if (other == NULL)
    {
      g_hash_table_insert (seen, GUINT_TO_POINTER (key), g_strdup (label));
      return;
    }
  if (g_str_equal (other, label))
    return;
  plain = g_strdup_printf ("%s: “%s” and “%s” (%s)\n", where, other, label, language ());
  if (strstr (mnemonic_clashes->str, plain) == NULL)
    g_string_append (mnemonic_clashes, plain);
}

static void
collect_menu_mnemonics (GMenuModel *model,
                        GHashTable *seen,
                        const char *where)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        note_mnemonic (seen, menu_label_mnemonic (label), label, where);
      if (section != NULL)
        collect_menu_mnemonics (section, seen, where);
      if (submenu != NULL)
        {
          g_autoptr(GHashTable) own = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          collect_menu_mnemonics (submenu, own, where);
        }
    }
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen,
                   GPtrArray  *menus)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));

      if (keyval != GDK_KEY_VoidSymbol)
        note_mnemonic (seen, g_unichar_tolower (gdk_keyval_to_unicode (keyval)), gtk_label_get_label (GTK_LABEL (widget)),
                       G_OBJECT_TYPE_NAME (gtk_widget_get_root (widget)));
    }
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    g_ptr_array_add (menus, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_mnemonics (c, seen, menus);
}

static void
check_mnemonics (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();

  if (mnemonic_clashes == NULL)
    mnemonic_clashes = g_string_new (NULL);
  collect_mnemonics (root, seen, menus);
  for (guint i = 0; i < menus->len; i++)
    {
      g_autoptr(GHashTable) own = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_autofree char *where = g_strdup_printf ("a menu of %s", G_OBJECT_TYPE_NAME (root));

      collect_menu_mnemonics (menus->pdata[i], own, where);
    }
}

static void
assert_no_mnemonic_clash (void)
{
  if (mnemonic_clashes != NULL && mnemonic_clashes->len > 0)
    g_test_message ("mnemonic clashes:\n%s", mnemonic_clashes->str);
  g_assert_cmpstr (mnemonic_clashes ? mnemonic_clashes->str : "", ==, "");
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  iterate (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (SCREENSHOT_DIR, 0755);
  file = g_strdup_printf ("%s-%s.png", name, language ());
  path = g_build_filename (SCREENSHOT_DIR, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  check_mnemonics (widget);
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

static McStore *
store (Fixture *fixture)
{
  return mc_application_get_store (fixture->app);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("motcua-app-XXXXXX", NULL);
  fixture->db_path = g_build_filename (fixture->dir, "motcua.db", NULL);
  g_setenv ("MOTCUA_NOW", "2026-11-23T09:10", TRUE);

  fixture->app = mc_application_new (G_APPLICATION_NON_UNIQUE);
  /* No bus name, so that each test's application is independent of the previous one's. */
  g_application_set_application_id (G_APPLICATION (fixture->app), NULL);
  mc_application_set_db_path (fixture->app, fixture->db_path);
  {
    g_autoptr(GError) error = NULL;
    g_application_register (G_APPLICATION (fixture->app), NULL, &error);
    g_assert_no_error (error);
  }
  g_application_activate (G_APPLICATION (fixture->app));
  iterate (200);
  fixture->window = MC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (MC_IS_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate (300);
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
  g_clear_object (&fixture->app);
  iterate (50);
  {
    g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->db_path, "-shm", NULL);
    g_unlink (fixture->db_path);
    g_unlink (wal);
    g_unlink (shm);
  }
  test_remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
complete_setup (Fixture *fixture)
{
  GtkWidget *setup_page = child (fixture->window, MC_TYPE_WINDOW, "setup_page");
  GtkStack *main_stack = GTK_STACK (child (fixture->window, MC_TYPE_WINDOW, "main_stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "setup");
  /* Nothing else is reachable before setup: the action that would open a dossier has nowhere to go. */
  g_assert_false (gtk_widget_get_visible (child (fixture->window, MC_TYPE_WINDOW, "list_page")) &&
                  gtk_widget_get_mapped (child (fixture->window, MC_TYPE_WINDOW, "list_page")));

  /* Empty, the start button cannot be pressed and says what is missing; it follows each field typed. */
  {
    GtkButton *start = GTK_BUTTON (child (setup_page, MC_TYPE_SETUP_PAGE, "start_button"));
    g_autofree char *all = g_strdup_printf (_("Still needed: %s"), "");
    g_autofree char *clerk_only = NULL;

    g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (start)));
    g_assert_true (g_str_has_prefix (gtk_button_get_label (start), all));
    g_assert_nonnull (strstr (gtk_button_get_label (start), _("the office name")));
    g_assert_nonnull (strstr (gtk_button_get_label (start), _("the office's electronic code")));
    g_assert_nonnull (strstr (gtk_button_get_label (start), _("the clerk's full name")));
    save_screenshot (GTK_WIDGET (fixture->window), "01-setup-empty");
    set_text (setup_page, MC_TYPE_SETUP_PAGE, "office_name_row", "UBND xã Tân Lập");
    set_text (setup_page, MC_TYPE_SETUP_PAGE, "parent_row", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP");
    set_text (setup_page, MC_TYPE_SETUP_PAGE, "office_code_row", "000.00.12.H40");
    set_text (setup_page, MC_TYPE_SETUP_PAGE, "place_row", "Tân Lập");
    clerk_only = g_strdup_printf (_("Still needed: %s"), _("the clerk's full name"));
    g_assert_cmpstr (gtk_button_get_label (start), ==, clerk_only);
    set_text (setup_page, MC_TYPE_SETUP_PAGE, "clerk_row", "Lê Thu Hà");
    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (start)));
    g_assert_cmpstr (gtk_button_get_label (start), ==, _("_Start Using Một Cửa"));
  }
  save_screenshot (GTK_WIDGET (fixture->window), "01-setup");

  g_assert_true (gtk_widget_activate_action (setup_page, "setup.complete", NULL));
  iterate (200);
  g_assert_true (mc_store_is_set_up (store (fixture)));
  g_assert_cmpstr (mc_store_get_office (store (fixture))->code, ==, "000.00.12.H40");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "desk");
}

static char *
receive (Fixture    *fixture,
         const char *procedure,
         const char *name,
         const char *id_number,
         const char *phone)
{
  GtkWidget *intake = child (fixture->window, MC_TYPE_WINDOW, "intake_page");
  McQuery query;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 before, after;

  mc_query_init (&query);
  before = mc_store_count (store (fixture), &query, NULL);
  g_assert_true (mc_intake_page_select_procedure (MC_INTAKE_PAGE (intake), procedure));
  set_text (intake, MC_TYPE_INTAKE_PAGE, "name_row", name);
  set_text (intake, MC_TYPE_INTAKE_PAGE, "id_row", id_number);
  set_text (intake, MC_TYPE_INTAKE_PAGE, "phone_row", phone);
  g_assert_true (mc_intake_page_is_dirty (MC_INTAKE_PAGE (intake)));
  g_assert_true (gtk_widget_activate_action (intake, "intake.save", NULL));
  iterate (100);
  after = mc_store_count (store (fixture), &query, NULL);
  g_assert_cmpint (after, ==, before + 1);
  g_assert_false (mc_intake_page_is_dirty (MC_INTAKE_PAGE (intake)));

  query.sort = MC_SORT_RECEIVED_DESC;
  query.limit = 1;
  rows = mc_store_query (store (fixture), &query, NULL);
  return g_strdup (((McDossier *) g_ptr_array_index (rows, 0))->code);
}

static McDossierWindow *
find_dossier_window (void)
{
  GList *windows = gtk_window_list_toplevels ();
  McDossierWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (MC_IS_DOSSIER_WINDOW (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

static McPreviewWindow *
find_preview_window (void)
{
  GList *windows = gtk_window_list_toplevels ();
  McPreviewWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (MC_IS_PREVIEW_WINDOW (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

/* The first widget under @widget whose action is @action_name (a button of a header bar, say). */
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

static AdwMessageDialog *
find_message_dialog (void)
{
  GList *windows = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

/* A key press as the named key controller of @widget receives it; whether it took it. */
static gboolean
press_key (GtkWidget  *widget,
           const char *controller_name,
           guint       keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), controller_name) == 0)
        {
          g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

static void check_discard_guard (Fixture *fixture);
static void check_calendar_and_alerts (Fixture *fixture);
static void check_backup_and_restore (Fixture *fixture);
static void check_accounts_and_lock (Fixture *fixture);
static void check_practices (Fixture *fixture);
static void check_step_dialogs (Fixture *fixture);
static void check_live_sync (Fixture *fixture);

static void check_fees (Fixture *fixture);
static void check_id_card_scan (Fixture *fixture);
static void check_dossier_summary (McDossierWindow *window,
                                   const char      *code);

/* As a click on the dialog's button does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (200);
}

static void
test_desk (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *intake;
  GtkWidget *list_page;
  GtkLabel *errors;
  GtkLabel *due_label;
  GListModel *model;
  g_autofree char *code1 = NULL;
  g_autofree char *code2 = NULL;
  g_autofree char *code3 = NULL;
  g_autoptr(McDossier) returned = NULL;
  McDossierWindow *dossier_window;
  AdwMessageDialog *dialog;

  complete_setup (fixture);
  intake = child (fixture->window, MC_TYPE_WINDOW, "intake_page");
  list_page = child (fixture->window, MC_TYPE_WINDOW, "list_page");
  errors = GTK_LABEL (child (intake, MC_TYPE_INTAKE_PAGE, "errors_label"));
  due_label = GTK_LABEL (child (intake, MC_TYPE_INTAKE_PAGE, "due_label"));

  /* A fresh form has no procedure; the typing goes into the finder, any words of the name find it and Enter
   * takes the first match, then the applicant's name is next. */
  {
    McProcedureFinder *finder = MC_PROCEDURE_FINDER (child (intake, MC_TYPE_INTAKE_PAGE, "procedure_finder"));
    GtkEditable *entry = mc_procedure_finder_get_entry (finder);
    GtkWidget *focus;

    iterate (100);
    g_assert_null (mc_procedure_finder_get_procedure (finder));
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
    gtk_editable_set_text (entry, "KHAI sinh nuoc");
    iterate (100);
    save_screenshot (GTK_WIDGET (fixture->window), "01-intake-finder");
    g_signal_emit_by_name (entry, "activate");
    iterate (50);
    g_assert_nonnull (mc_procedure_finder_get_procedure (finder));
    g_assert_cmpstr (mc_procedure_finder_get_procedure (finder)->code, ==, "2.000528");
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_true (focus != NULL &&
                   gtk_widget_is_ancestor (focus, child (intake, MC_TYPE_INTAKE_PAGE, "name_row")));
    /* Down moves the highlight through the matches, Enter takes it. */
    gtk_editable_set_text (entry, "khai sinh");
    iterate (50);
    g_assert_true (press_key (GTK_WIDGET (entry), "finder-keys", GDK_KEY_Down));
    g_signal_emit_by_name (entry, "activate");
    iterate (50);
    g_assert_cmpstr (mc_procedure_finder_get_procedure (finder)->code, ==, "1.004884");
    g_assert_true (mc_procedure_finder_select_code (finder, "2.000528"));
    /* Nothing found: Enter takes nothing. */
    gtk_editable_set_text (entry, "khai sinh xyz");
    iterate (50);
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (mc_procedure_finder_get_procedure (finder)->code, ==, "2.000528");
    gtk_editable_set_text (entry, "");
  }
  check_id_card_scan (fixture);

  /* The due date as the slip will print it, live: a 3-working-day procedure received Monday 09:10. */
  g_assert_true (mc_intake_page_select_procedure (MC_INTAKE_PAGE (intake), "1.004873"));
  iterate (50);
  g_assert_cmpstr (gtk_label_get_text (due_label), ==, "17 giờ 00 phút, ngày 26 tháng 11 năm 2026");

  /* An invalid id shows inline, in words, as typed; saving is refused and keeps every value. */
  set_text (intake, MC_TYPE_INTAKE_PAGE, "name_row", "Đặng Đức Anh");
  set_text (intake, MC_TYPE_INTAKE_PAGE, "id_row", "12345");
  g_assert_nonnull (strstr (gtk_label_get_text (errors), "12"));
  g_assert_true (gtk_widget_has_css_class (child (intake, MC_TYPE_INTAKE_PAGE, "id_row"), "error"));
  save_screenshot (GTK_WIDGET (fixture->window), "02-intake-error");
  gtk_widget_activate_action (intake, "intake.save", NULL);
  iterate (50);
  {
    McQuery query;
    mc_query_init (&query);
    g_assert_cmpint (mc_store_count (store (fixture), &query, NULL), ==, 0);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (intake, MC_TYPE_INTAKE_PAGE, "name_row"))), ==,
                   "Đặng Đức Anh");

  set_text (intake, MC_TYPE_INTAKE_PAGE, "id_row", "001090012345");
  set_text (intake, MC_TYPE_INTAKE_PAGE, "birth_year_row", "1990");
  set_text (intake, MC_TYPE_INTAKE_PAGE, "phone_row", "0912 345 678");
  set_text (intake, MC_TYPE_INTAKE_PAGE, "address_row", "Thôn Đông, xã Tân Lập, tỉnh Phú Thọ");
  g_assert_cmpstr (gtk_label_get_text (errors), ==, "");
  save_screenshot (GTK_WIDGET (fixture->window), "03-intake");
  g_assert_true (gtk_widget_activate_action (intake, "intake.save", NULL));
  iterate (100);
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), "000.00.12.H40-261123-010001", NULL);

    g_assert_nonnull (d);
    g_assert_cmpstr (d->applicant_name, ==, "Đặng Đức Anh");
    g_assert_cmpstr (d->applicant_id, ==, "001090012345");
    g_assert_cmpstr (d->phone, ==, "0912345678");
    code1 = g_strdup (d->code);
  }
  save_screenshot (GTK_WIDGET (fixture->window), "04-intake-saved");

  /* After a save the form starts again with no procedure. */
  g_assert_null (mc_procedure_finder_get_procedure (MC_PROCEDURE_FINDER (child (intake, MC_TYPE_INTAKE_PAGE,
                                                                                 "procedure_finder"))));
  code2 = receive (fixture, "2.000815", "Nguyễn Thị Hoa", "", "0987654321");
  code3 = receive (fixture, "1.001193", "Trần Văn Bình", "", "");
  g_assert_cmpstr (code2, ==, "000.00.12.H40-261123-010002");
  g_assert_cmpstr (code3, ==, "000.00.12.H40-261123-010003");

  /* Found in the list by an unaccented search typed in the header. */
  gtk_editable_set_text (GTK_EDITABLE (child (fixture->window, MC_TYPE_WINDOW, "search_entry")), "dang duc");
  iterate (400);
  model = mc_dossier_list_page_get_model (MC_DOSSIER_LIST_PAGE (list_page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* Down from the search field goes into the results. */
  {
    GtkWidget *search = child (fixture->window, MC_TYPE_WINDOW, "search_entry");
    GtkWidget *focus;

    gtk_widget_grab_focus (search);
    g_assert_true (press_key (search, "search-down", GDK_KEY_Down));
    iterate (50);
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, list_page));
  }
  /* Search results come newest first whatever the sort: the sort control says so by being insensitive. */
  g_assert_false (gtk_widget_get_sensitive (child (list_page, MC_TYPE_DOSSIER_LIST_PAGE, "sort_dropdown")));
  save_screenshot (GTK_WIDGET (fixture->window), "05-search");
  gtk_editable_set_text (GTK_EDITABLE (child (fixture->window, MC_TYPE_WINDOW, "search_entry")), "");
  iterate (400);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (gtk_widget_get_sensitive (child (list_page, MC_TYPE_DOSSIER_LIST_PAGE, "sort_dropdown")));
  save_screenshot (GTK_WIDGET (fixture->window), "06-list");

  /* Open the dossier page through the window's action, then return the result through the page's actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.show-dossier", "s", code1));
  iterate (300);
  dossier_window = find_dossier_window ();
  g_assert_nonnull (dossier_window);
  gtk_window_set_default_size (GTK_WINDOW (dossier_window), 900, 700);
  save_screenshot (GTK_WIDGET (dossier_window), "07-dossier");
  check_dossier_summary (dossier_window, code1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.return", NULL));
  iterate (300);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  save_screenshot (GTK_WIDGET (dialog), "08-return-dialog");
  respond (dialog, "confirm");
  returned = mc_store_get_dossier (store (fixture), code1, NULL);
  g_assert_cmpint (returned->status, ==, MC_STATUS_RETURNED);
  g_assert_cmpstr (returned->returned_to, ==, "Đặng Đức Anh");
  g_assert_cmpint (returned->outcome, ==, MC_DUE_STATE_EARLY);
  /* The page follows the store: returning again is no longer offered. */
  g_assert_null (find_message_dialog ());
  gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.return", NULL);
  iterate (200);
  g_assert_null (find_message_dialog ());
  save_screenshot (GTK_WIDGET (dossier_window), "09-dossier-returned");
  gtk_window_destroy (GTK_WINDOW (dossier_window));
  iterate (100);

  /* The apology letter from the dossier page: recorded, then shown for printing; a second one is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.show-dossier", "s", code3));
  iterate (300);
  dossier_window = find_dossier_window ();
  g_assert_nonnull (dossier_window);
  /* Ctrl+Shift+A reaches the window before a focused list takes it as "select none". */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dossier_window));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
            gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

            found = GTK_IS_KEYVAL_TRIGGER (trigger) &&
                    gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_a &&
                    gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) ==
                      (GDK_CONTROL_MASK | GDK_SHIFT_MASK) &&
                    GTK_IS_NAMED_ACTION (action) &&
                    g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "dossier.apology");
          }
      }
    g_assert_true (found);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.apology", NULL));
  iterate (300);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  {
    GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *details = NULL;

    for (GtkWidget *w = gtk_widget_get_first_child (box); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_ENTRY (w) && details == NULL)
        details = w;
    g_assert_nonnull (details);
    gtk_editable_set_text (GTK_EDITABLE (details), "Chờ kết quả xác minh của UBND xã Hòa Bình");
  }
  save_screenshot (GTK_WIDGET (dialog), "10-apology-dialog");
  respond (dialog, "confirm");
  iterate (300);
  /* The letter is shown first, as it will print, and nothing is recorded until the clerk confirms. */
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code3, NULL);
    McPreviewWindow *draft = find_preview_window ();
    AdwMessageDialog *confirm = find_message_dialog ();

    g_assert_false (d->has_apology);
    g_assert_nonnull (draft);
    g_assert_cmpint (mc_preview_window_get_n_pages (draft), ==, 1);
    /* The draft can be read, not printed or saved: no unnumbered letter reaches a citizen. */
    g_assert_nonnull (find_actionable (GTK_WIDGET (draft), "preview.print"));
    g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (draft), "preview.print")));
    g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (draft), "preview.save")));
    g_assert_nonnull (confirm);
    g_assert_false (gtk_window_get_modal (GTK_WINDOW (confirm)));
    gtk_window_set_default_size (GTK_WINDOW (draft), 900, 760);
    save_screenshot (GTK_WIDGET (draft), "10-apology-draft");
    save_screenshot (GTK_WIDGET (confirm), "10-apology-confirm");
    respond (confirm, "record");
    iterate (300);
  }
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code3, NULL);
    McPreviewWindow *preview = find_preview_window ();

    g_assert_true (d->has_apology);
    g_assert_nonnull (strstr (d->apology_reason, "Cần kiểm tra, xác minh làm rõ"));
    g_assert_nonnull (strstr (d->apology_reason, "UBND xã Hòa Bình"));
    g_assert_cmpint (d->new_due, >, d->due);
    g_assert_nonnull (preview);
    g_assert_cmpint (mc_preview_window_get_n_pages (preview), ==, 1);
    gtk_window_set_default_size (GTK_WINDOW (preview), 900, 760);
    save_screenshot (GTK_WIDGET (preview), "11-apology-preview");
    gtk_window_destroy (GTK_WINDOW (preview));
    iterate (100);
  }
  /* A second letter is refused before any draft is shown. */
  gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.apology", NULL);
  iterate (300);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "confirm");
  g_assert_null (find_preview_window ());
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "once") ||
                    strstr (adw_message_dialog_get_body (dialog), "một lần") ?
                    adw_message_dialog_get_body (dialog) : NULL);
  respond (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dossier_window));
  iterate (100);

  /* Printing draws with the same renderer: export through GtkPrintOperation and read the pages back. */
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code1, NULL);
    g_autoptr(McDocument) document = mc_form_render (MC_FORM_SLIP, d, NULL, mc_store_get_office (store (fixture)), NULL);
    g_autoptr(McPrintOperation) operation = mc_print_operation_new (document, d->code);
    g_autofree char *pdf = g_build_filename (fixture->dir, "printed.pdf", NULL);
    g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GObject) printed_object = NULL;
    PopplerDocument *printed;
    g_autoptr(GObject) page = NULL;
    g_autofree char *text = NULL;

    GStatBuf st;
    mode_t umask_before = umask (022);

    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
    g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                              NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    umask (umask_before);
    /* A printed form holds personal data: private whatever the umask (docs/architecture.md). */
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    printed_object = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
    printed = POPPLER_DOCUMENT (printed_object);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (printed), ==, mc_document_get_n_pages (document));
    page = G_OBJECT (poppler_document_get_page (printed, 0));
    text = poppler_page_get_text (POPPLER_PAGE (page));
    g_assert_nonnull (strstr (text, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"));
    g_unlink (pdf);
  }

  check_discard_guard (fixture);
  check_calendar_and_alerts (fixture);
  check_backup_and_restore (fixture);
  check_accounts_and_lock (fixture);

  /* Preferences open on the office's data; each page renders. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  iterate (400);
  {
    GList *windows = gtk_window_list_toplevels ();
    GtkWindow *preferences = NULL;

    for (GList *l = windows; l != NULL; l = l->next)
      if (ADW_IS_PREFERENCES_WINDOW (l->data))
        preferences = l->data;
    g_list_free (windows);
    g_assert_nonnull (preferences);
    gtk_window_set_default_size (preferences, 900, 720);
    save_screenshot (GTK_WIDGET (preferences), "14-preferences-office");
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "holidays");
    save_screenshot (GTK_WIDGET (preferences), "15-preferences-holidays");
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "procedures");
    save_screenshot (GTK_WIDGET (preferences), "16-preferences-procedures");

    /* The sync passphrase, typed twice, never left on screen. */
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sync");
    set_text (preferences, MC_TYPE_PREFERENCES_WINDOW, "passphrase_row", "mat-khau-tan-lap");
    set_text (preferences, MC_TYPE_PREFERENCES_WINDOW, "passphrase_again_row", "mat-khau-tan-lap");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.set-passphrase", NULL));
    iterate (200);
    g_assert_true (mc_bundle_has_key (store (fixture)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (preferences, MC_TYPE_PREFERENCES_WINDOW,
                                                                 "passphrase_row"))), ==, "");
    save_screenshot (GTK_WIDGET (preferences), "17-preferences-sync");

    /* The station number: another one taken from its row, then the first again. */
    {
      GtkWidget *row = child (preferences, MC_TYPE_PREFERENCES_WINDOW, "station_row");
      GtkSpinButton *spin = GTK_SPIN_BUTTON (child (row, MC_TYPE_STATION_ROW, "number_spin"));
      int first = mc_store_get_office (store (fixture))->station;

      gtk_spin_button_set_value (spin, 42);
      g_assert_true (gtk_widget_get_sensitive (child (row, MC_TYPE_STATION_ROW, "change_button")));
      g_assert_true (gtk_widget_activate_action (row, "station.change", NULL));
      iterate (100);
      g_assert_cmpint (mc_store_get_office (store (fixture))->station, ==, 42);
      g_assert_false (gtk_widget_get_sensitive (child (row, MC_TYPE_STATION_ROW, "change_button")));
      gtk_spin_button_set_value (spin, first);
      g_assert_true (gtk_widget_activate_action (row, "station.change", NULL));
      iterate (100);
      g_assert_cmpint (mc_store_get_office (store (fixture))->station, ==, first);
    }
    gtk_window_destroy (preferences);
    iterate (100);
  }

  /* A second workstation of the office sends a sync file: previewed, then imported all at once. */
  {
    g_autofree char *other_db = g_build_filename (fixture->dir, "station2.db", NULL);
    g_autofree char *bundle = g_build_filename (fixture->dir, "station2.motcua", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(McStore) other = mc_store_open (other_db, TRUE, &error);
    McStoreSetup setup = { "000.00.12.H40", "UBND xã Tân Lập", NULL, "Tân Lập", 2, "Trần Minh Tâm" };
    McIntake other_intake = { 0 };
    g_autoptr(McDossier) sent = NULL;
    g_autoptr(McDossier) received = NULL;
    AdwMessageDialog *preview_dialog;
    guint n = 0;

    g_assert_no_error (error);
    g_assert_true (mc_store_setup (other, &setup, &error));
    g_assert_true (mc_bundle_set_passphrase (other, "mat-khau-tan-lap", &error));
    other_intake.procedure_code = "2.000815";
    other_intake.applicant_name = "Hoàng Thị Lan";
    other_intake.received = MC_MINUTE_NONE;
    sent = mc_store_intake (other, &other_intake, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (mc_bundle_export (other, bundle, MC_BUNDLE_EXPORT_INCREMENTAL, NULL, NULL, &n, NULL, &error));
    g_assert_cmpuint (n, >, 0);

    mc_window_import_file (fixture->window, bundle);
    iterate (300);
    preview_dialog = find_message_dialog ();
    g_assert_nonnull (preview_dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (preview_dialog), "02"));
    save_screenshot (GTK_WIDGET (preview_dialog), "18-import-preview");
    respond (preview_dialog, "import");
    /* The import runs in a worker thread behind a modal "Importing…" dialog, gone when it is done. */
    for (int i = 0; i < 100 && find_message_dialog () != NULL; i++)
      iterate (50);
    g_assert_null (find_message_dialog ());
    received = mc_store_get_dossier (store (fixture), sent->code, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (received->applicant_name, ==, "Hoàng Thị Lan");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->window, MC_TYPE_WINDOW, "sync_label"))), !=, "");
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (child (fixture->window, MC_TYPE_WINDOW, "sync_label"))),
                           _("imported never")));
    /* The station and sync status sit behind a header button: open it as the clerk would. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (child (fixture->window, MC_TYPE_WINDOW, "status_button")));
    iterate (200);
    g_assert_true (gtk_widget_get_mapped (child (fixture->window, MC_TYPE_WINDOW, "sync_label")));
    save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (child (fixture->window, MC_TYPE_WINDOW,
                                                                                       "status_button")))), "19-status");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (child (fixture->window, MC_TYPE_WINDOW, "status_button")));
    iterate (100);
  }
  check_practices (fixture);
  check_step_dialogs (fixture);
  check_live_sync (fixture);

  check_fees (fixture);
  assert_no_mnemonic_clash ();
}

/* Runs after test_desk on the same window: one application per test process. */
static void
check_discard_guard (Fixture *fixture)
{
  GtkWidget *intake;
  AdwMessageDialog *dialog;

  intake = child (fixture->window, MC_TYPE_WINDOW, "intake_page");
  set_text (intake, MC_TYPE_INTAKE_PAGE, "name_row", "Phạm Minh Châu");

  /* Ctrl+N on an unsaved form asks first; keeping it keeps the text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.new-intake", NULL));
  iterate (200);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (intake, MC_TYPE_INTAKE_PAGE, "name_row"))), ==,
                   "Phạm Minh Châu");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.new-intake", NULL);
  iterate (200);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (intake, MC_TYPE_INTAKE_PAGE, "name_row"))), ==, "");
  g_assert_false (mc_intake_page_is_dirty (MC_INTAKE_PAGE (intake)));
}

/* The Friday before Tết 2026: dossiers received over January and February, then the calendar's counts must
 * equal the database's, and the alerts must list exactly the dossiers due soon or overdue. */
static void
check_calendar_and_alerts (Fixture *fixture)
{
  static const char *procedures[] = { "1.004873", "2.000815", "1.001193", "2.001035", "1.004884", "1.001022" };
  GtkWidget *calendar_page = child (fixture->window, MC_TYPE_WINDOW, "calendar_page");
  GtkWidget *alerts_page = child (fixture->window, MC_TYPE_WINDOW, "alerts_page");
  McCalendar *calendar = mc_store_get_calendar (store (fixture));
  g_autoptr(GPtrArray) codes = NULL;
  McQuery query;
  McMinute now;
  int first;
  guint checked = 0;

  g_setenv ("MOTCUA_NOW", "2026-01-05T08:00", TRUE);
  for (int i = 0; i < 160; i++)
    {
      McIntake intake = { 0 };
      g_autofree char *name = g_strdup_printf ("Nguyễn Văn Thử %d", i);
      g_autoptr(McDossier) d = NULL;
      g_autoptr(GError) error = NULL;
      int day = 5 + (i * 7) % 37;   /* 5 January … 10 February */
      int month = day > 31 ? 2 : 1;

      intake.procedure_code = procedures[i % G_N_ELEMENTS (procedures)];
      intake.applicant_name = name;
      intake.received = mc_minute_from_jdn (mc_jdn_from_ymd (2026, month, month == 2 ? day - 31 : day),
                                            7 * 60 + 45 + (i * 37) % 480);
      d = mc_store_intake (store (fixture), &intake, NULL, &error);
      g_assert_no_error (error);
      /* Some are settled already: they must not be counted as open. */
      if (i % 5 == 0)
        {
          g_autoptr(JsonNode) payload = json_from_string ("{}", NULL);
          g_autoptr(McDossier) ready = mc_store_record (store (fixture), d->code, MC_EVENT_RESULT_READY, payload,
                                                        NULL, &error);
          g_assert_no_error (error);
        }
    }

  g_setenv ("MOTCUA_NOW", "2026-02-13T10:00", TRUE);
  now = mc_time_now ();
  mc_window_show_page (fixture->window, "calendar");
  mc_calendar_page_show_month (MC_CALENDAR_PAGE (calendar_page), 2026, 2);
  mc_calendar_page_reload (MC_CALENDAR_PAGE (calendar_page));
  mc_alerts_page_reload (MC_ALERTS_PAGE (alerts_page));
  iterate (200);

  /* Every cell against direct counts; February 2026 starts on a Sunday, so the grid starts Monday 26 January. */
  first = mc_jdn_from_ymd (2026, 1, 26);
  for (int jdn = first; jdn < first + 42; jdn++)
    {
      McDayCount shown;
      guint expected[3];
      guint masks[3] = { 1u << MC_DUE_STATE_OVERDUE, 1u << MC_DUE_STATE_DUE_SOON, 1u << MC_DUE_STATE_ON_TRACK };

      g_assert_true (mc_calendar_page_get_counts (MC_CALENDAR_PAGE (calendar_page), jdn, &shown));
      for (guint k = 0; k < 3; k++)
        {
          mc_query_init (&query);
          query.now = now;
          query.due_state_mask = masks[k];
          query.due_from = mc_minute_from_jdn (jdn, 0);
          query.due_before = mc_minute_from_jdn (jdn + 1, 0);
          expected[k] = (guint) mc_store_count (store (fixture), &query, NULL);
          checked += expected[k];
        }
      g_assert_cmpuint (shown.overdue, ==, expected[0]);
      g_assert_cmpuint (shown.due_soon, ==, expected[1]);
      g_assert_cmpuint (shown.on_track, ==, expected[2]);
    }
  g_assert_cmpuint (checked, >, 20);
  /* Tết: no dossier falls due on the break's weekdays. */
  for (int d = 16; d <= 20; d++)
    {
      McDayCount shown;

      mc_calendar_page_get_counts (MC_CALENDAR_PAGE (calendar_page), mc_jdn_from_ymd (2026, 2, d), &shown);
      g_assert_cmpuint (shown.overdue + shown.due_soon + shown.on_track, ==, 0);
      g_assert_false (mc_calendar_is_working_day (calendar, mc_jdn_from_ymd (2026, 2, d)));
    }
  save_screenshot (GTK_WIDGET (fixture->window), "12-calendar-tet");

  /* Keyboard navigation through the page's actions: Home, arrows, Page Down. */
  gtk_widget_activate_action (calendar_page, "calendar.today", NULL);
  g_assert_cmpint (mc_calendar_page_get_selected (MC_CALENDAR_PAGE (calendar_page)), ==, mc_jdn_from_ymd (2026, 2, 13));
  gtk_widget_activate_action (calendar_page, "calendar.move-day", "i", 7);
  g_assert_cmpint (mc_calendar_page_get_selected (MC_CALENDAR_PAGE (calendar_page)), ==, mc_jdn_from_ymd (2026, 2, 20));
  gtk_widget_activate_action (calendar_page, "calendar.next-month", NULL);
  {
    int y, m;
    mc_calendar_page_get_month (MC_CALENDAR_PAGE (calendar_page), &y, &m);
    g_assert_cmpint (y, ==, 2026);
    g_assert_cmpint (m, ==, 3);
    g_assert_cmpint (mc_calendar_page_get_selected (MC_CALENDAR_PAGE (calendar_page)), ==,
                     mc_jdn_from_ymd (2026, 3, 20));
  }
  gtk_widget_activate_action (calendar_page, "calendar.previous-month", NULL);
  gtk_widget_activate_action (calendar_page, "calendar.open-day", NULL);
  iterate (200);

  /* The alerts: exactly the open dossiers due soon or overdue at this moment, and those on track whose current
   * step is overdue (docs/process.md), most urgent first. */
  mc_window_show_page (fixture->window, "alerts");
  mc_alerts_page_reload (MC_ALERTS_PAGE (alerts_page));
  iterate (200);
  mc_query_init (&query);
  query.now = now;
  query.due_state_mask = (1u << MC_DUE_STATE_OVERDUE) | (1u << MC_DUE_STATE_DUE_SOON);
  query.step_overdue = TRUE;
  query.limit = 1000;
  {
    g_autoptr(GPtrArray) expected = mc_store_query (store (fixture), &query, NULL);

    codes = mc_alerts_page_get_codes (MC_ALERTS_PAGE (alerts_page));
    g_assert_cmpuint (codes->len, ==, expected->len);
    g_assert_cmpuint (mc_alerts_page_get_count (MC_ALERTS_PAGE (alerts_page)), ==, expected->len);
    g_assert_cmpuint (codes->len, >, 0);
    for (guint i = 0; i < codes->len; i++)
      g_assert_cmpstr (g_ptr_array_index (codes, i), ==, ((McDossier *) g_ptr_array_index (expected, i))->code);
    /* Before the Tết break, "due soon" means due today or on Monday 23 February (the next working day). */
    for (guint i = 0; i < expected->len; i++)
      {
        McDossier *d = g_ptr_array_index (expected, i);

        /* A dossier listed for its step alone may be due later; its step is overdue now. */
        if (d->step_due != MC_MINUTE_NONE && d->step_due < now)
          continue;
        g_assert_cmpint (d->due, <, mc_minute_from_jdn (mc_jdn_from_ymd (2026, 2, 24), 0));
      }
  }
  /* The reports for January–February 2026 agree with the database. */
  {
    GtkWidget *reports = child (fixture->window, MC_TYPE_WINDOW, "reports_page");
    const McStats *stats;
    McQuery all;

    mc_window_show_page (fixture->window, "reports");
    mc_reports_page_set_period (MC_REPORTS_PAGE (reports), mc_jdn_from_ymd (2026, 1, 1), mc_jdn_from_ymd (2026, 2, 28));
    iterate (200);
    stats = mc_reports_page_get_stats (MC_REPORTS_PAGE (reports));
    g_assert_nonnull (stats);
    mc_query_init (&all);
    all.received_from = mc_minute_from_jdn (mc_jdn_from_ymd (2026, 1, 1), 0);
    all.received_to = mc_minute_from_jdn (mc_jdn_from_ymd (2026, 3, 1), 0);
    g_assert_cmpint (stats->overall.received, ==, mc_store_count (store (fixture), &all, NULL));
    g_assert_cmpuint (stats->overall.received, ==, 160);
    save_screenshot (GTK_WIDGET (fixture->window), "19-reports");
    mc_window_show_page (fixture->window, "alerts");
    iterate (100);
  }
  g_assert_nonnull (mc_window_get_last_notification (fixture->window));
  /* No citizen is named in a notification. */
  g_assert_null (strstr (mc_window_get_last_notification (fixture->window), "Nguyễn"));
  save_screenshot (GTK_WIDGET (fixture->window), "13-alerts");

  /* A batch of letters for the overdue and the due-soon ones, in one PDF. */
  g_assert_true (gtk_widget_activate_action (alerts_page, "alerts.select-overdue", NULL));
  gtk_widget_activate_action (alerts_page, "alerts.select-due-soon", NULL);
  iterate (100);
  g_assert_true (gtk_widget_activate_action (alerts_page, "alerts.batch-apology", NULL));
  iterate (300);
  {
    AdwMessageDialog *dialog = find_message_dialog ();
    McPreviewWindow *preview;
    g_autoptr(GPtrArray) after = NULL;
    guint with_apology = 0;

    g_assert_nonnull (dialog);
    respond (dialog, "preview");
    iterate (300);
    /* The drafts first, as they will print, and nothing recorded until the clerk confirms. */
    {
      McPreviewWindow *drafts = find_preview_window ();
      AdwMessageDialog *confirm = find_message_dialog ();
      g_autoptr(GPtrArray) before = mc_store_query (store (fixture), &query, NULL);
      guint recorded = 0;

      for (guint i = 0; i < before->len; i++)
        recorded += ((McDossier *) g_ptr_array_index (before, i))->has_apology;
      g_assert_nonnull (drafts);
      g_assert_nonnull (confirm);
      g_assert_false (gtk_window_get_modal (GTK_WINDOW (confirm)));
      g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (drafts), "preview.print")));
      g_assert_cmpint (mc_preview_window_get_n_pages (drafts), >=, 2);
      save_screenshot (GTK_WIDGET (confirm), "13b-batch-apology-confirm");
      /* Back: nothing is recorded. */
      respond (confirm, "cancel");
      g_assert_null (find_preview_window ());
      g_clear_pointer (&before, g_ptr_array_unref);
      before = mc_store_query (store (fixture), &query, NULL);
      for (guint i = 0; i < before->len; i++)
        recorded -= ((McDossier *) g_ptr_array_index (before, i))->has_apology;
      g_assert_cmpuint (recorded, ==, 0);
    }
    gtk_widget_activate_action (alerts_page, "alerts.select-overdue", NULL);
    g_assert_true (gtk_widget_activate_action (alerts_page, "alerts.batch-apology", NULL));
    iterate (300);
    respond (find_message_dialog (), "preview");
    iterate (300);
    respond (find_message_dialog (), "record");
    iterate (300);
    preview = find_preview_window ();
    g_assert_nonnull (preview);
    after = mc_store_query (store (fixture), &query, NULL);
    guint overdue_with_apology = 0;

    for (guint i = 0; i < after->len; i++)
      {
        McDossier *d = g_ptr_array_index (after, i);

        with_apology += d->has_apology;
        overdue_with_apology += d->has_apology && d->due < mc_time_now ();
      }
    g_assert_cmpuint (with_apology, >, 0);
    g_assert_cmpuint (overdue_with_apology, >, 0);
    g_assert_cmpint (mc_preview_window_get_n_pages (preview), >=, (int) with_apology);
    gtk_window_destroy (GTK_WINDOW (preview));
    iterate (100);
  }
}

/* Last, since it starts the desk again: "Back Up Now", a dossier received afterwards, then "Restore From
 * Backup…" on that backup. The desk comes back on the backup's dossiers, and the replaced database is kept. */
static void
check_backup_and_restore (Fixture *fixture)
{
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(McDossier) later = NULL;
  McBackupInfo *newest;
  AdwMessageDialog *dialog;
  McWindow *old_window = fixture->window;
  McQuery all;
  gint64 before;
  McIntake intake = { 0 };

  mc_query_init (&all);
  before = mc_store_count (store (fixture), &all, NULL);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "backup"));
  /* The daily backup may be running already (it starts half a minute after the desk): either way, a backup
   * made now, before the next intake, must appear. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "backup", NULL);
  for (int i = 0; i < 100 && !mc_backup_made_today (backups); i++)
    iterate (100);
  iterate (500);
  list = mc_backup_list (backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 1);
  newest = g_ptr_array_index (list, 0);
  {
    g_autoptr(McBackupInfo) info = mc_backup_verify (newest->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (info->dossiers, ==, before);
  }

  intake.procedure_code = "1.004873";
  intake.applicant_name = "Người Đến Sau Bản Sao";
  intake.received = MC_MINUTE_NONE;
  later = mc_store_intake (store (fixture), &intake, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_count (store (fixture), &all, NULL), ==, before + 1);

  mc_application_restore_file (fixture->app, newest->path);
  iterate (200);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  save_screenshot (GTK_WIDGET (dialog), "20-restore-confirm");
  respond (dialog, "restore");
  /* The old window is gone by then: compared as a pointer, never dereferenced. */
  for (int i = 0; i < 100 && (gpointer) gtk_application_get_active_window (GTK_APPLICATION (fixture->app)) ==
                               (gpointer) old_window; i++)
    iterate (100);
  fixture->window = MC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (MC_IS_WINDOW (fixture->window));
  g_assert_true ((gpointer) fixture->window != (gpointer) old_window);
  iterate (300);
  g_assert_cmpint (mc_store_count (store (fixture), &all, NULL), ==, before);
  g_assert_null (mc_store_get_dossier (store (fixture), later->code, NULL));
  g_assert_true (mc_store_check (store (fixture), NULL, &error));
  g_assert_no_error (error);
  save_screenshot (GTK_WIDGET (fixture->window), "21-restored");
  /* The replaced database, with the later dossier, is kept beside the restored one. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;
    gboolean kept = FALSE;

    while ((name = g_dir_read_name (dir)) != NULL)
      kept |= strstr (name, ".before-restore-") != NULL;
    g_assert_true (kept);
  }
}

/* Every text a person can see in @widget's mapped part: labels, entries, rows. */
static void
collect_visible_text (GtkWidget *widget,
                      GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_visible_text (c, out);
}

static GtkWindow *
find_preferences (void)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWindow *preferences = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      preferences = l->data;
  g_list_free (windows);
  return preferences;
}

/* Live sync through a shared folder: chosen in Preferences (the setting, since a file chooser cannot be driven
 * here), a pass at once, the header saying when; another workstation's dossier arrives on demand, with a toast;
 * the folder unplugged is said in the header with what to do. */
static void
check_live_sync (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "shared-folder", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "station3.db", NULL);
  g_autoptr(McStore) other = mc_store_open (other_db, TRUE, &error);
  McStoreSetup setup = { "000.00.12.H40", "UBND xã Tân Lập", NULL, "Tân Lập", 3, "Đỗ Văn Hùng" };
  McIntake other_intake = { 0 };
  g_autoptr(McDossier) sent = NULL;
  g_autoptr(McDossier) received = NULL;
  GtkLabel *label = GTK_LABEL (child (fixture->window, MC_TYPE_WINDOW, "sync_label"));
  /* "Sync folder: last pass %s", in the language under test, up to the time. */
  const char *format = _("Sync folder: last pass %s");
  g_autofree char *passed = g_strndup (format, strstr (format, "%s") - format);
  GtkWindow *preferences;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (mc_store_setup (other, &setup, &error));
  g_assert_true (mc_bundle_set_passphrase (other, "mat-khau-tan-lap", &error));
  g_assert_no_error (error);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  iterate (300);
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  gtk_window_set_default_size (preferences, 900, 720);
  g_assert_true (mc_store_set_local (store (fixture), MC_SYNC_SETTING_FOLDER, folder, &error));
  mc_sync_folder_group_set_store (MC_SYNC_FOLDER_GROUP (child (preferences, MC_TYPE_PREFERENCES_WINDOW,
                                                               "sync_folder_group")), store (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.sync-reload", NULL));
  for (int i = 0; i < 200 && !g_str_has_prefix (gtk_label_get_text (label), passed); i++)
    iterate (50);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), passed));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sync");
  save_screenshot (GTK_WIDGET (preferences), "17b-preferences-sync-folder");
  gtk_window_destroy (preferences);
  iterate (100);

  /* The other workstation receives the desk's dossiers from the folder alone, and sends one. */
  {
    g_autoptr(McSyncReport) report = mc_sync_folder_pass (other, folder, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (report->n_dossiers, >, 0);
  }
  other_intake.procedure_code = "2.000815";
  other_intake.applicant_name = "Vũ Thị Mai";
  other_intake.received = MC_MINUTE_NONE;
  sent = mc_store_intake (other, &other_intake, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(McSyncReport) report = mc_sync_folder_pass (other, folder, NULL, &error);

    g_assert_nonnull (report->written);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.sync-now", NULL));
  for (int i = 0; i < 200; i++)
    {
      g_clear_object (&received);
      received = mc_store_get_dossier (store (fixture), sent->code, NULL);
      if (received != NULL)
        break;
      iterate (50);
    }
  g_assert_nonnull (received);
  g_assert_cmpstr (received->applicant_name, ==, "Vũ Thị Mai");
  iterate (200);
  gtk_menu_button_popup (GTK_MENU_BUTTON (child (fixture->window, MC_TYPE_WINDOW, "status_button")));
  iterate (200);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), passed));
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (child (fixture->window, MC_TYPE_WINDOW,
                                                                                     "status_button")))),
                   "19b-live-sync");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (child (fixture->window, MC_TYPE_WINDOW, "status_button")));

  /* The file chooser starts where the last sync file came from (the import above). */
  {
    g_autofree char *last = mc_store_get_local (store (fixture), "last_sync_dir");

    g_assert_cmpstr (last, ==, fixture->dir);
  }

  /* Without a passphrase, the dialog takes the clerk to the Preferences page that sets it. */
  {
    g_autofree char *key = mc_store_get_local (store (fixture), "sync_key");
    AdwMessageDialog *dialog;

    g_assert_true (mc_store_set_local (store (fixture), "sync_key", "", &error));
    g_assert_false (mc_bundle_has_key (store (fixture)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.export", NULL));
    iterate (200);
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    respond (dialog, "preferences");
    iterate (300);
    preferences = find_preferences ();
    g_assert_nonnull (preferences);
    g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==,
                     "sync");
    gtk_window_destroy (preferences);
    iterate (100);
    g_assert_true (mc_store_set_local (store (fixture), "sync_key", key, &error));
    g_assert_true (mc_bundle_has_key (store (fixture)));
  }

  /* The shared drive unplugged. */
  g_assert_true (mc_store_set_local (store (fixture), MC_SYNC_SETTING_FOLDER, "/nonexistent/shared", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.sync-reload", NULL));
  for (int i = 0; i < 200 && strstr (gtk_label_get_text (label), "/nonexistent/shared") == NULL; i++)
    iterate (50);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "/nonexistent/shared"));
  g_assert_true (mc_store_set_local (store (fixture), MC_SYNC_SETTING_FOLDER, "", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.sync-reload", NULL));
  iterate (100);
}

/* Last: it turns the workstation to accounts. The first administrator is added in Preferences; Ctrl+L then
 * covers the desk (no citizen's name anywhere on screen, the typed intake kept behind), a wrong PIN is refused,
 * the right one opens the desk again, and the audit log shows what happened. */
static void
check_accounts_and_lock (Fixture *fixture)
{
  GtkWindow *preferences;
  GtkWidget *intake = child (fixture->window, MC_TYPE_WINDOW, "intake_page");
  GtkWidget *lock_page = child (fixture->window, MC_TYPE_WINDOW, "lock_page");
  g_autoptr(GString) visible = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  McQuery all;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  iterate (400);
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  gtk_window_set_default_size (preferences, 900, 720);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "accounts");
  set_text (preferences, MC_TYPE_PREFERENCES_WINDOW, "new_username_row", "ha.lt");
  set_text (preferences, MC_TYPE_PREFERENCES_WINDOW, "new_full_name_row", "Lê Thu Hà");
  set_text (preferences, MC_TYPE_PREFERENCES_WINDOW, "new_pin_row", "1357");
  set_text (preferences, MC_TYPE_PREFERENCES_WINDOW, "new_pin_again_row", "1357");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.add-account", NULL));
  iterate (300);
  g_assert_true (mc_accounts_in_use (store (fixture)));
  g_assert_cmpstr (mc_accounts_get_signed_in (store (fixture)), ==, "ha.lt");
  save_screenshot (GTK_WIDGET (preferences), "22-preferences-accounts");
  gtk_window_destroy (preferences);
  iterate (100);

  /* A certified copy served on the spot: received, decided and returned at once, a receipt instead of a slip. */
  {
    McPreviewWindow *preview;
    g_autoptr(GPtrArray) found = NULL;
    McQuery returned;

    g_assert_true (mc_intake_page_select_procedure (MC_INTAKE_PAGE (intake), "2.000815"));
    set_text (intake, MC_TYPE_INTAKE_PAGE, "name_row", "Ngô Thị Tại Chỗ");
    g_assert_true (gtk_widget_activate_action (intake, "intake.serve-on-spot", NULL));
    iterate (400);
    preview = find_preview_window ();
    g_assert_nonnull (preview);
    g_assert_cmpint (mc_preview_window_get_n_pages (preview), ==, 1);
    save_screenshot (GTK_WIDGET (preview), "26-on-the-spot-receipt");
    gtk_window_destroy (GTK_WINDOW (preview));
    iterate (100);
    mc_query_init (&returned);
    returned.text = "ngo thi tai cho";
    found = mc_store_query (store (fixture), &returned, NULL);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (((McDossier *) g_ptr_array_index (found, 0))->status, ==, MC_STATUS_RETURNED);
    /* A procedure with a time limit cannot be served on the spot. */
    g_assert_true (mc_intake_page_select_procedure (MC_INTAKE_PAGE (intake), "1.004873"));
    iterate (100);
    g_assert_false (gtk_widget_activate_action (intake, "intake.serve-on-spot", NULL) &&
                    find_preview_window () != NULL);
  }

  /* The posting board from the menu, in the preview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.posting-sheets", NULL));
  iterate (500);
  {
    McPreviewWindow *preview = find_preview_window ();

    g_assert_nonnull (preview);
    g_assert_cmpint (mc_preview_window_get_n_pages (preview), >, 20);
    save_screenshot (GTK_WIDGET (preview), "25-posting-sheets");
    gtk_window_destroy (GTK_WINDOW (preview));
    iterate (100);
  }

  /* Half an intake typed, then the clerk steps away: Ctrl+L. */
  set_text (intake, MC_TYPE_INTAKE_PAGE, "name_row", "Đỗ Thị Riêng Tư");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.lock", NULL));
  iterate (300);
  g_assert_true (mc_window_is_locked (fixture->window));
  g_assert_null (mc_accounts_get_signed_in (store (fixture)));
  save_screenshot (GTK_WIDGET (fixture->window), "23-locked");

  collect_visible_text (GTK_WIDGET (fixture->window), visible);
  g_assert_null (strstr (visible->str, "Đỗ Thị Riêng Tư"));
  mc_query_init (&all);
  all.limit = 500;
  rows = mc_store_query (store (fixture), &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 100);
  for (guint i = 0; i < rows->len; i++)
    {
      McDossier *d = g_ptr_array_index (rows, i);

      g_assert_null (strstr (visible->str, d->applicant_name));
      g_assert_null (strstr (visible->str, d->code));
    }
  /* Locked, nothing can be recorded either. */
  {
    McIntake in = { 0 };
    g_autoptr(McDossier) refused = NULL;

    in.procedure_code = "1.004873";
    in.applicant_name = "Người Không Được Nhận";
    in.received = MC_MINUTE_NONE;
    refused = mc_store_intake (store (fixture), &in, NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, MC_ACCOUNT_ERROR, MC_ACCOUNT_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }

  /* A wrong PIN: the page says the PIN is wrong (the name was picked from the list), and nothing moves. */
  {
    GtkWidget *button = child (lock_page, MC_TYPE_LOCK_PAGE, "sign_in_button");
    graphene_rect_t before, after;

    iterate (100);
    g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (fixture->window), &before));
    g_assert_false (mc_lock_page_sign_in (MC_LOCK_PAGE (lock_page), "ha.lt", "0000"));
    iterate (200);
    g_assert_true (mc_window_is_locked (fixture->window));
    g_assert_true (gtk_widget_get_visible (child (lock_page, MC_TYPE_LOCK_PAGE, "error_label")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (lock_page, MC_TYPE_LOCK_PAGE, "error_label"))), ==,
                     _("The PIN is wrong. Try again."));
    g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (fixture->window), &after));
    g_assert_cmpfloat (after.origin.y, ==, before.origin.y);
  }
  save_screenshot (GTK_WIDGET (fixture->window), "23-locked-wrong-pin");

  g_assert_true (mc_lock_page_sign_in (MC_LOCK_PAGE (lock_page), "ha.lt", "1357"));
  iterate (200);
  g_assert_false (mc_window_is_locked (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (intake, MC_TYPE_INTAKE_PAGE, "name_row"))), ==,
                   "Đỗ Thị Riêng Tư");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "audit", NULL);
  iterate (300);
  {
    GList *windows = gtk_window_list_toplevels ();
    McAuditWindow *audit = NULL;

    for (GList *l = windows; l != NULL; l = l->next)
      if (MC_IS_AUDIT_WINDOW (l->data))
        audit = l->data;
    g_list_free (windows);
    g_assert_nonnull (audit);
    /* At least: the account added, the wrong PIN, the backup and the restore, the prints and the export. */
    g_assert_cmpuint (mc_audit_window_get_n_rows (audit), >=, 4);
    save_screenshot (GTK_WIDGET (audit), "24-audit");
    gtk_window_destroy (GTK_WINDOW (audit));
    iterate (100);
  }
}

static McDeclarationWindow *
find_declaration_window (void)
{
  GList *windows = gtk_window_list_toplevels ();
  McDeclarationWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (MC_IS_DECLARATION_WINDOW (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

static guint
count_attachments (Fixture    *fixture,
                   const char *code)
{
  g_autoptr(GPtrArray) list = mc_store_list_attachments (store (fixture), code, NULL);

  return list != NULL ? list->len : G_MAXUINT;
}

/* Serving a citizen who writes nothing, and digitising the dossier, from the window: the declaration filled
 * from the intake data and printed; a document scanned through SANE's test device; another from a file. */
static void
check_practices (Fixture *fixture)
{
  g_autofree char *code = NULL;
  McDossierWindow *dossier_window;
  McDeclarationWindow *declaration;
  AdwMessageDialog *dialog;

  /* Later than every dossier the desk test received, so that it is the newest. */
  g_setenv ("MOTCUA_NOW", "2026-11-23T10:30", TRUE);
  code = receive (fixture, "1.001193", "Nguyễn Văn An", "001085012345", "0912345678");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.show-dossier", "s", code));
  iterate (300);
  dossier_window = find_dossier_window ();
  g_assert_nonnull (dossier_window);
  gtk_window_set_default_size (GTK_WINDOW (dossier_window), 900, 700);
  g_assert_true (gtk_widget_get_visible (child (dossier_window, MC_TYPE_DOSSIER_WINDOW, "declaration_button")));

  /* The declaration: started from the intake data; a required answer missing is said, nothing recorded. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.fill-declaration", NULL));
  iterate (300);
  declaration = find_declaration_window ();
  g_assert_nonnull (declaration);
  mc_declaration_window_set_answer (declaration, "child_name", "Nguyễn Thị Bình");
  mc_declaration_window_set_answer (declaration, "child_birth_date", "15/11/2026");
  mc_declaration_window_set_answer (declaration, "child_sex", "Nữ");
  mc_declaration_window_set_answer (declaration, "child_ethnicity", "Kinh");
  mc_declaration_window_set_answer (declaration, "child_nationality", "Việt Nam");
  mc_declaration_window_set_answer (declaration, "child_birthplace", "Trạm Y tế xã Tân Lập");
  gtk_window_set_default_size (GTK_WINDOW (declaration), 720, 760);
  save_screenshot (GTK_WIDGET (declaration), "20-declaration");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (declaration), "declaration.save", NULL));
  iterate (300);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Quan hệ với người được khai sinh"));
  respond (dialog, "close");
  g_assert_null (find_preview_window ());
  {
    g_autoptr(GPtrArray) events = mc_store_get_events (store (fixture), code, NULL);
    for (guint i = 0; i < events->len; i++)
      g_assert_cmpstr (((McEvent *) g_ptr_array_index (events, i))->kind, !=, MC_EVENT_DECLARATION_FILLED);
  }
  mc_declaration_window_set_answer (declaration, "relationship", "Cha");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (declaration), "declaration.save", NULL));
  iterate (400);
  g_assert_null (find_declaration_window ());
  {
    McPreviewWindow *preview = find_preview_window ();
    McDeclaration *template = mc_declaration_find ("1.001193");
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code, NULL);
    g_autoptr(GHashTable) answers = mc_declaration_initial_answers (template, store (fixture), d, NULL);

    g_assert_nonnull (preview);
    g_assert_cmpint (mc_preview_window_get_n_pages (preview), >=, 1);
    /* Recorded with the dossier: the intake data and the answers, the date also in words. */
    g_assert_cmpstr (g_hash_table_lookup (answers, "applicant_name"), ==, "Nguyễn Văn An");
    g_assert_cmpstr (g_hash_table_lookup (answers, "applicant_id"), ==, "001085012345");
    g_assert_cmpstr (g_hash_table_lookup (answers, "child_name"), ==, "Nguyễn Thị Bình");
    g_assert_cmpstr (g_hash_table_lookup (answers, "child_birth_date_words"), ==,
                     "Ngày mười lăm tháng mười một năm hai nghìn không trăm hai mươi sáu");
    gtk_window_set_default_size (GTK_WINDOW (preview), 900, 760);
    save_screenshot (GTK_WIDGET (preview), "21-declaration-preview");
    gtk_window_destroy (GTK_WINDOW (preview));
    iterate (100);
  }

  /* A scan from SANE's test device, in a worker thread; the window keeps drawing meanwhile. */
  g_assert_cmpuint (count_attachments (fixture, code), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.scan", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  for (int i = 0; i < 200 && !adw_message_dialog_get_response_enabled (dialog, "scan"); i++)
    iterate (50);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "scan"));
  save_screenshot (GTK_WIDGET (dialog), "22-scan-dialog");
  respond (dialog, "scan");
  for (int i = 0; i < 400 && count_attachments (fixture, code) == 0; i++)
    iterate (50);
  g_assert_cmpuint (count_attachments (fixture, code), ==, 1);
  g_assert_null (find_message_dialog ());
  {
    g_autoptr(GPtrArray) list = mc_store_list_attachments (store (fixture), code, NULL);
    McAttachment *a = g_ptr_array_index (list, 0);
    g_autoptr(GBytes) png = mc_attachment_load (store (fixture), a->hash, NULL);

    g_assert_cmpstr (a->source, ==, "scanner");
    g_assert_cmpstr (a->media_type, ==, "image/png");
    g_assert_true (a->present);
    g_assert_nonnull (png);
    g_assert_cmpstr (mc_attachment_sniff_media_type (png), ==, "image/png");
  }

  /* A document from a file: asked which document it is, then kept. Bytes that are no PDF or image are refused
   * with a message, and nothing is added. */
  {
    static const char pdf[] = "%PDF-1.4\n% giấy chứng sinh\n";
    static const char text[] = "not a document";
    g_autoptr(GBytes) good = g_bytes_new_static (pdf, sizeof pdf - 1);
    g_autoptr(GBytes) bad = g_bytes_new_static (text, sizeof text - 1);
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code, NULL);

    mc_digitise_attach_bytes (GTK_WINDOW (dossier_window), store (fixture), d, bad, "notes.txt", "file");
    iterate (200);
    respond (find_message_dialog (), "attach");
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    respond (dialog, "close");
    g_assert_cmpuint (count_attachments (fixture, code), ==, 1);

    mc_digitise_attach_bytes (GTK_WINDOW (dossier_window), store (fixture), d, good, "giay-chung-sinh.pdf", "file");
    iterate (200);
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    save_screenshot (GTK_WIDGET (dialog), "23-attach-dialog");
    respond (dialog, "attach");
    g_assert_cmpuint (count_attachments (fixture, code), ==, 2);
  }
  save_screenshot (GTK_WIDGET (dossier_window), "24-dossier-digitised");
  gtk_window_destroy (GTK_WINDOW (dossier_window));
  iterate (100);

  /* The post hand-over list opens in the preview, ready to print. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.post-list", NULL));
  iterate (300);
  {
    McPreviewWindow *preview = find_preview_window ();

    g_assert_nonnull (preview);
    g_assert_cmpint (mc_preview_window_get_n_pages (preview), ==, 1);
    gtk_window_destroy (GTK_WINDOW (preview));
    iterate (100);
  }

  /* The feedback register: an entry recorded from the form; one left unanswered past its day shows among the
   * alerts until it is answered from the register. */
  {
    McFeedbackWindow *register_window = NULL;
    GtkWidget *alerts = child (fixture->window, MC_TYPE_WINDOW, "alerts_page");
    g_autoptr(GPtrArray) entries = NULL;
    g_autofree char *late = NULL;
    McFeedbackInput input = { .channel = "phone", .content = "Hồ sơ chậm, không được báo", .citizen = "Vũ Văn Dũng",
                              .received_jdn = mc_jdn_from_ymd (2026, 11, 2) };
    GList *windows;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.feedback", NULL));
    iterate (300);
    windows = gtk_window_list_toplevels ();
    for (GList *l = windows; l != NULL; l = l->next)
      if (MC_IS_FEEDBACK_WINDOW (l->data))
        register_window = l->data;
    g_list_free (windows);
    g_assert_nonnull (register_window);
    g_assert_cmpuint (mc_feedback_window_get_n_rows (register_window), ==, 0);
    /* No content: refused with a message, the rest of the form kept. */
    set_text (register_window, MC_TYPE_FEEDBACK_WINDOW, "citizen_row", "Trần Văn Em");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (register_window), "feedback.record", NULL));
    iterate (200);
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    respond (dialog, "close");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (register_window, MC_TYPE_FEEDBACK_WINDOW,
                                                                 "citizen_row"))), ==, "Trần Văn Em");
    set_text (register_window, MC_TYPE_FEEDBACK_WINDOW, "content_row", "Phòng chờ thiếu ghế ngồi");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (register_window), "feedback.record", NULL));
    iterate (200);
    g_assert_null (find_message_dialog ());
    g_assert_cmpuint (mc_feedback_window_get_n_rows (register_window), ==, 1);

    late = mc_store_record_feedback (store (fixture), &input, NULL);
    g_assert_nonnull (late);
    iterate (300);
    g_assert_cmpuint (mc_feedback_window_get_n_rows (register_window), ==, 2);
    gtk_window_set_default_size (GTK_WINDOW (register_window), 900, 720);
    save_screenshot (GTK_WIDGET (register_window), "26-feedback-register");
    mc_alerts_page_reload (MC_ALERTS_PAGE (alerts));
    g_assert_true (gtk_widget_get_visible (child (alerts, MC_TYPE_ALERTS_PAGE, "feedback_box")));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (register_window), "feedback.answer", "s", late));
    iterate (200);
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                           "Đã xin lỗi và trả kết quả ngày 25/11");
    respond (dialog, "answer");
    entries = mc_store_list_feedback (store (fixture), TRUE, NULL);
    g_assert_cmpuint (entries->len, ==, 1);
    mc_alerts_page_reload (MC_ALERTS_PAGE (alerts));
    g_assert_false (gtk_widget_get_visible (child (alerts, MC_TYPE_ALERTS_PAGE, "feedback_box")));
    gtk_window_destroy (GTK_WINDOW (register_window));
    iterate (100);
  }
}


/* Every step dialog of the dossier page, the one for a result sent by post included, for its mnemonics. */
static void
check_step_dialogs (Fixture *fixture)
{
  GtkWidget *intake = child (fixture->window, MC_TYPE_WINDOW, "intake_page");
  const char *steps[] = { "dossier.request-supplement", "dossier.refuse", "dossier.stop", "dossier.correct",
                          "dossier.apology", "dossier.result-ready" };
  g_autofree char *code = NULL;
  McDossierWindow *dossier_window;
  AdwMessageDialog *dialog;

  mc_window_show_page (fixture->window, "intake");
  iterate (100);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (intake, MC_TYPE_INTAKE_PAGE, "delivery_row")), 1);
  code = receive (fixture, "2.000815", "Phan Văn Tài", "", "0912345670");
  check_mnemonics (intake);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.show-dossier", "s", code));
  iterate (300);
  dossier_window = find_dossier_window ();
  g_assert_nonnull (dossier_window);
  check_mnemonics (GTK_WIDGET (dossier_window));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window), steps[i], NULL));
      iterate (200);
      dialog = find_message_dialog ();
      g_assert_nonnull (dialog);
      check_mnemonics (GTK_WIDGET (dialog));
      respond (dialog, g_str_equal (steps[i], "dossier.result-ready") ? "confirm" : "cancel");
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.return", NULL));
  iterate (200);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Sent by Post?"));
  check_mnemonics (GTK_WIDGET (dialog));
  respond (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dossier_window));
  iterate (100);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sane_dir = NULL;
  g_autofree char *dll = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* The catalogues the build compiled: po/<lang>/LC_MESSAGES/motcua.mo under the build directory. */
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Scanning goes to SANE's virtual "test" device only: a configuration folder that lists nothing else. */
  sane_dir = g_dir_make_tmp ("motcua-sane-XXXXXX", NULL);
  dll = g_build_filename (sane_dir, "dll.conf", NULL);
  g_assert_true (g_file_set_contents (dll, "test\n", -1, NULL));
  g_setenv ("SANE_CONFIG_DIR", sane_dir, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_str_equal (language (), "vi"))
    g_assert_cmpstr (_("Intake"), ==, "Tiếp nhận hồ sơ");

  g_test_add ("/app/desk", Fixture, NULL, fixture_set_up, test_desk, fixture_tear_down);
  status = g_test_run ();
  g_unlink (dll);
  g_rmdir (sane_dir);
  return status;
}

static McFeeDialog *
find_fee_dialog (void)
{
  GList *windows = gtk_window_list_toplevels ();
  McFeeDialog *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (MC_IS_FEE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

/* Fees at the desk: the amount due live beside the due date, recorded with the dossier; a payment and a refund
 * from the dossier page, every bad input shown in the dialog with nothing written. */
static void
check_fees (Fixture *fixture)
{
  GtkWidget *intake = child (fixture->window, MC_TYPE_WINDOW, "intake_page");
  GtkWidget *fee_box = child (intake, MC_TYPE_INTAKE_PAGE, "fee_box");
  GtkLabel *amount = GTK_LABEL (child (fee_box, MC_TYPE_FEE_BOX, "amount_label"));
  g_autofree char *code = NULL;
  McDossierWindow *dossier_window;
  McFeeDialog *dialog;

  mc_window_show_page (fixture->window, "intake");
  iterate (100);
  g_assert_true (mc_intake_page_select_procedure (MC_INTAKE_PAGE (intake), "2.000815"));
  iterate (50);
  g_assert_cmpstr (gtk_label_get_text (amount), ==, "2.000 đồng (1 bản × 1 trang)");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fee_box, MC_TYPE_FEE_BOX, "pages_spin")), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fee_box, MC_TYPE_FEE_BOX, "count_spin")), 2);
  iterate (50);
  g_assert_cmpstr (gtk_label_get_text (amount), ==, "10.000 đồng (2 bản × 3 trang)");
  save_screenshot (GTK_WIDGET (fixture->window), "27-intake-fee");
  code = receive (fixture, "2.000815", "Lò Thị Mai", "", "");
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code, NULL);
    g_assert_cmpint (d->fee_due, ==, 10000);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.show-dossier", "s", code));
  iterate (300);
  dossier_window = find_dossier_window ();
  g_assert_nonnull (dossier_window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.fee", NULL));
  iterate (200);
  dialog = find_fee_dialog ();
  g_assert_nonnull (dialog);
  check_mnemonics (GTK_WIDGET (dialog));
  /* The amount still due is proposed; a fraction is refused in the dialog and nothing is written. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, MC_TYPE_FEE_DIALOG, "amount_entry"))), ==,
                   "10000");
  set_text (dialog, MC_TYPE_FEE_DIALOG, "amount_entry", "10,5");
  g_signal_emit_by_name (child (dialog, MC_TYPE_FEE_DIALOG, "record_button"), "clicked");
  iterate (50);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, MC_TYPE_FEE_DIALOG, "error_label"))), !=, "");
  save_screenshot (GTK_WIDGET (dialog), "28-fee-dialog-error");
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code, NULL);
    g_assert_cmpint (d->fee_paid, ==, 0);
  }
  set_text (dialog, MC_TYPE_FEE_DIALOG, "amount_entry", "10.000");
  set_text (dialog, MC_TYPE_FEE_DIALOG, "receipt_entry", "AA/26P-0000099");
  g_signal_emit_by_name (child (dialog, MC_TYPE_FEE_DIALOG, "record_button"), "clicked");
  iterate (200);
  if (find_fee_dialog () != NULL)
    g_test_message ("fee dialog: %s",
                    gtk_label_get_text (GTK_LABEL (child (find_fee_dialog (), MC_TYPE_FEE_DIALOG, "error_label"))));
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code, NULL);
    g_assert_cmpint (d->fee_paid, ==, 10000);
  }
  g_assert_null (find_fee_dialog ());

  /* A refund above what was paid is refused; within it, recorded. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window), "dossier.fee", NULL));
  iterate (200);
  dialog = find_fee_dialog ();
  g_assert_nonnull (dialog);
  gtk_switch_set_active (GTK_SWITCH (child (dialog, MC_TYPE_FEE_DIALOG, "refund_switch")), TRUE);
  set_text (dialog, MC_TYPE_FEE_DIALOG, "amount_entry", "20000");
  set_text (dialog, MC_TYPE_FEE_DIALOG, "reason_entry", "Nộp thừa");
  g_signal_emit_by_name (child (dialog, MC_TYPE_FEE_DIALOG, "record_button"), "clicked");
  iterate (50);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, MC_TYPE_FEE_DIALOG, "error_label"))), !=, "");
  save_screenshot (GTK_WIDGET (dialog), "29-fee-refund-error");
  set_text (dialog, MC_TYPE_FEE_DIALOG, "amount_entry", "2000");
  g_signal_emit_by_name (child (dialog, MC_TYPE_FEE_DIALOG, "record_button"), "clicked");
  iterate (200);
  {
    g_autoptr(McDossier) d = mc_store_get_dossier (store (fixture), code, NULL);
    g_assert_cmpint (d->fee_refunded, ==, 2000);
  }
  gtk_window_close (GTK_WINDOW (dossier_window));
  iterate (100);

  /* The day's closing list for the accountant, from the window's menu, ready to print. */
  g_assert_null (find_preview_window ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "desk.fee-closing", NULL));
  iterate (200);
  {
    McPreviewWindow *closing = find_preview_window ();

    g_assert_nonnull (closing);
    g_assert_cmpint (mc_preview_window_get_n_pages (closing), >=, 1);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (closing)), ==, _("Today’s Fee Closing List"));
    g_assert_nonnull (find_actionable (GTK_WIDGET (closing), "preview.print"));
    g_assert_true (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (closing), "preview.print")));
    save_screenshot (GTK_WIDGET (closing), "30-fee-closing-list");
    gtk_window_close (GTK_WINDOW (closing));
    iterate (100);
  }
}

/* What a USB scanner does: each character of the line a key press, reaching the field with the focus unless the
 * page's reader took it, then Enter. */
static void
scan_line (GtkWidget  *page,
           const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GtkWidget *focus;

      if (press_key (page, "id-card-reader", gdk_unicode_to_keyval (c)))
        continue;
      focus = gtk_root_get_focus (gtk_widget_get_root (page));
      if (focus != NULL && GTK_IS_EDITABLE (focus))
        {
          char bytes[8] = { 0 };
          int length = g_unichar_to_utf8 (c, bytes);
          int position = gtk_editable_get_position (GTK_EDITABLE (focus));

          gtk_editable_insert_text (GTK_EDITABLE (focus), bytes, length, &position);
          gtk_editable_set_position (GTK_EDITABLE (focus), position);
        }
    }
  press_key (page, "id-card-reader", GDK_KEY_Return);
  iterate (50);
}

static const char *
page_text (GtkWidget  *page,
           const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (page, MC_TYPE_INTAKE_PAGE, name)));
}

/* The ID card's QR line, typed by the scanner into whatever has the focus (here the procedure finder, as on a
 * fresh page): the applicant filled and the page says so; a line that contradicts itself fills nothing. */
static void
check_id_card_scan (Fixture *fixture)
{
  GtkWidget *intake = child (fixture->window, MC_TYPE_WINDOW, "intake_page");
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (child (intake, MC_TYPE_INTAKE_PAGE, "applicant_group"));
  McProcedureFinder *finder = MC_PROCEDURE_FINDER (child (intake, MC_TYPE_INTAKE_PAGE, "procedure_finder"));
  AdwComboRow *gender = ADW_COMBO_ROW (child (intake, MC_TYPE_INTAKE_PAGE, "gender_row"));

  gtk_widget_grab_focus (GTK_WIDGET (mc_procedure_finder_get_entry (finder)));
  scan_line (intake, "079304009876||LÊ HOÀNG MINH THƯ|29022004|Nữ|Tổ 5, Khu phố 2, Phường Sài Gòn, "
                     "Thành phố Hồ Chí Minh|20082024||VNM");
  g_assert_cmpstr (gtk_editable_get_text (mc_procedure_finder_get_entry (finder)), ==, "");
  g_assert_cmpstr (page_text (intake, "name_row"), ==, "Lê Hoàng Minh Thư");
  g_assert_cmpstr (page_text (intake, "id_row"), ==, "079304009876");
  g_assert_cmpstr (page_text (intake, "birth_year_row"), ==, "29/02/2004");
  g_assert_cmpuint (adw_combo_row_get_selected (gender), ==, 2);
  g_assert_cmpstr (page_text (intake, "address_row"), ==, "Tổ 5, Khu phố 2, Phường Sài Gòn, Thành phố Hồ Chí Minh");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "Lê Hoàng Minh Thư"));
  save_screenshot (GTK_WIDGET (fixture->window), "01b-intake-id-card");

  /* The scanner's digits typed into a field that had text keep that text. */
  mc_intake_page_reset (MC_INTAKE_PAGE (intake));
  set_text (intake, MC_TYPE_INTAKE_PAGE, "phone_row", "0912");
  gtk_widget_grab_focus (child (intake, MC_TYPE_INTAKE_PAGE, "phone_row"));
  iterate (20);
  gtk_editable_set_position (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (fixture->window))), -1);
  /* The 4th digit 0 is a man, the card says Nữ: refused whole, with the reason. */
  scan_line (intake, "001089012345||Nguyễn Thị An|15081989|Nữ|Hà Nội|10042021");
  g_assert_cmpstr (page_text (intake, "phone_row"), ==, "0912");
  g_assert_cmpstr (page_text (intake, "name_row"), ==, "");
  g_assert_cmpstr (page_text (intake, "id_row"), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (gender), ==, 0);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), g_str_equal (language (), "vi")
                                                                            ? "dành cho nam" : "is for a man"));
  mc_intake_page_reset (MC_INTAKE_PAGE (intake));
}

/* The top of the dossier page: the status, the appointment with its weekday and the time left; one suggested step
 * for the state (the result ready while in progress, the return once ready), the other steps flat and only those
 * the state allows. */
static void
check_dossier_summary (McDossierWindow *window,
                       const char      *code)
{
  McDossierSummary *summary = MC_DOSSIER_SUMMARY (child (window, MC_TYPE_DOSSIER_WINDOW, "summary"));
  GtkWidget *suggested = child (summary, MC_TYPE_DOSSIER_SUMMARY, "suggested_button");
  GtkWidget *steps = child (summary, MC_TYPE_DOSSIER_SUMMARY, "steps_box");
  const char *due = gtk_label_get_text (GTK_LABEL (child (summary, MC_TYPE_DOSSIER_SUMMARY, "due_label")));
  guint n_visible = 0;

  g_assert_cmpstr (mc_dossier_summary_get_suggested_action (summary), ==, "dossier.result-ready");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (suggested)), ==, "dossier.result-ready");
  g_assert_true (gtk_widget_has_css_class (suggested, "suggested-action"));
  g_assert_nonnull (strstr (due, g_str_equal (language (), "vi") ? "thứ Năm, 26/11/2026 17:00"
                                                                   : "Thursday, 26/11/2026 17:00"));
  g_assert_true (gtk_widget_get_visible (child (summary, MC_TYPE_DOSSIER_SUMMARY, "left_label")));
  for (GtkWidget *c = gtk_widget_get_first_child (steps); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      if (!gtk_widget_get_visible (c))
        continue;
      n_visible++;
      g_assert_true (gtk_widget_has_css_class (button, "flat"));
      g_assert_true (gtk_widget_get_sensitive (button));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), !=, "dossier.result-ready");
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), !=, "dossier.complete-supplement");
    }
  g_assert_cmpuint (n_visible, >, 0);

  /* Once the result is ready, the return is the step suggested. */
  g_assert_cmpstr (mc_dossier_suggested_action (MC_STATUS_RESULT_READY), ==, "dossier.return");
  g_assert_cmpstr (mc_dossier_suggested_action (MC_STATUS_PAUSED), ==, "dossier.complete-supplement");
  g_assert_null (mc_dossier_suggested_action (MC_STATUS_RETURNED));
  g_assert_cmpstr (mc_dossier_window_get_code (window), ==, code);
}
