/* mc-calendar-page.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-calendar-page.h"
#include "mc-lunar.h"
#include "mc-time.h"

#define N_ROWS 6
#define N_CELLS (N_ROWS * 7)

/* The due-date month view: 6 × 7 day cells, weeks from Monday, the lunar date, official days off and worked
 * Saturdays, and the count of open dossiers due each day by due state. Activating a day lists its dossiers. */
typedef struct
{
  GtkWidget *button;
  GtkWidget *day_label;
  GtkWidget *lunar_label;
  GtkWidget *name_label;
  GtkWidget *overdue_label;
  GtkWidget *due_soon_label;
  GtkWidget *on_track_label;
  int        jdn;
} Cell;

struct _McCalendarPage
{
  GtkWidget       parent_instance;

  McStore        *store;
  McClock        *clock;
  int             year;
  int             month;
  int             selected;
  int             first_jdn;
  GArray         *counts;
  Cell            cells[N_CELLS];
  GtkWidget      *popover;
  gboolean        updating;
  gboolean        stale;      /* counts not loaded while the page was hidden */

  GtkLabel       *title_label;
  GtkLabel       *legend_label;
  GtkDropDown    *month_dropdown;
  GtkSpinButton  *year_spin;
  GtkGrid        *grid;
};

G_DEFINE_FINAL_TYPE (McCalendarPage, mc_calendar_page, GTK_TYPE_WIDGET)

static void
set_count_label (GtkWidget  *label,
                 guint       count,
                 const char *text)
{
  gtk_widget_set_visible (label, count > 0);
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
update_cells (McCalendarPage *self)
{
  McCalendar *calendar = self->store ? mc_store_get_calendar (self->store) : NULL;
  int today = mc_minute_jdn (mc_time_now ());
  g_autofree char *title = NULL;

  if (calendar == NULL)
    return;

  /* Translators: the calendar's heading: month number, then year */
  title = g_strdup_printf (_("Month %d, %d"), self->month, self->year);
  gtk_label_set_text (self->title_label, title);

  for (int i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      McDayInfo info;
      McLunarDate lunar;
      McDayCount *count = self->counts && (guint) i < self->counts->len
                          ? &g_array_index (self->counts, McDayCount, i) : NULL;
      int y, m, d;
      g_autofree char *day_text = NULL;
      g_autofree char *lunar_text = NULL;
      g_autofree char *overdue = NULL;
      g_autofree char *due_soon = NULL;
      g_autofree char *on_track = NULL;
      g_autofree char *accessible = NULL;
      const char *classes[] = { "today", "other-month", "day-off", "worked-day", "selected" };

      cell->jdn = self->first_jdn + i;
      mc_jdn_to_ymd (cell->jdn, &y, &m, &d);
      mc_calendar_get_day (calendar, cell->jdn, &info);

      day_text = g_strdup_printf ("%d", d);
      gtk_label_set_text (GTK_LABEL (cell->day_label), day_text);
      if (mc_lunar_from_gregorian (y, m, d, &lunar, NULL))
        {
          /* The lunar month is named on its first day ("1/2"), with "N" for a leap month. */
          if (lunar.day == 1)
            lunar_text = g_strdup_printf ("%d/%d%s", lunar.day, lunar.month, lunar.leap ? "N" : "");
          else
            lunar_text = g_strdup_printf ("%d", lunar.day);
        }
      gtk_label_set_text (GTK_LABEL (cell->lunar_label), lunar_text ? lunar_text : "");

      gtk_widget_remove_css_class (cell->name_label, "holiday-name");
      gtk_widget_remove_css_class (cell->name_label, "worked-name");
      if (info.name != NULL && (info.kind == MC_DAY_HOLIDAY || info.kind == MC_DAY_OFFICE_CLOSED ||
                                info.kind == MC_DAY_WORKED_SATURDAY || info.kind == MC_DAY_OFFICE_WORKDAY))
        {
          gtk_label_set_text (GTK_LABEL (cell->name_label), info.name);
          gtk_widget_set_tooltip_text (cell->name_label, info.name);
          gtk_widget_add_css_class (cell->name_label, info.working ? "worked-name" : "holiday-name");
          gtk_widget_set_visible (cell->name_label, TRUE);
        }
      else
        gtk_widget_set_visible (cell->name_label, FALSE);

      /* Translators: counts in a calendar day: open dossiers overdue / due soon / on track */
      overdue = g_strdup_printf (_("%u overdue"), count ? count->overdue : 0);
      due_soon = g_strdup_printf (_("%u due soon"), count ? count->due_soon : 0);
      on_track = g_strdup_printf (_("%u on track"), count ? count->on_track : 0);
      set_count_label (cell->overdue_label, count ? count->overdue : 0, overdue);
      set_count_label (cell->due_soon_label, count ? count->due_soon : 0, due_soon);
      set_count_label (cell->on_track_label, count ? count->on_track : 0, on_track);

      for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
        gtk_widget_remove_css_class (cell->button, classes[c]);
      if (cell->jdn == today)
        gtk_widget_add_css_class (cell->button, "today");
      if (m != self->month)
        gtk_widget_add_css_class (cell->button, "other-month");
      if (!info.working)
        gtk_widget_add_css_class (cell->button, "day-off");
      else if (info.kind == MC_DAY_WORKED_SATURDAY || info.kind == MC_DAY_OFFICE_WORKDAY)
        gtk_widget_add_css_class (cell->button, "worked-day");
      if (cell->jdn == self->selected)
        gtk_widget_add_css_class (cell->button, "selected");

      accessible = g_strdup_printf ("%02d/%02d/%d%s%s", d, m, y, info.name ? ", " : "", info.name ? info.name : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
}

static void
load_counts (McCalendarPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->counts, g_array_unref);
  if (self->store == NULL)
    return;
  /* A hidden page counts nothing: at startup and after every intake, that is a query over the whole month's
   * dossiers the clerk is not looking at. The counts are loaded when the page is shown. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;
  self->counts = mc_store_count_due_by_day (self->store, self->first_jdn, self->first_jdn + N_CELLS - 1,
                                            mc_time_now (), &error);
  if (self->counts == NULL)
    g_warning ("Cannot count dossiers per day: %s", error->message);
}

static void
show_month (McCalendarPage *self,
            int             year,
            int             month)
{
  int first = mc_jdn_from_ymd (year, month, 1);
  int weekday = mc_jdn_weekday (first);   /* 0 Sunday */

  self->year = CLAMP (year, MC_TIME_MIN_YEAR, MC_TIME_MAX_YEAR);
  self->month = month;
  /* Weeks start on Monday. */
  self->first_jdn = first - (weekday == 0 ? 6 : weekday - 1);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->month_dropdown, (guint) (month - 1));
  gtk_spin_button_set_value (self->year_spin, self->year);
  self->updating = FALSE;
  load_counts (self);
  update_cells (self);
}

static void
focus_selected (McCalendarPage *self)
{
  int index = self->selected - self->first_jdn;

  if (index >= 0 && index < N_CELLS)
    gtk_widget_grab_focus (self->cells[index].button);
}

void
mc_calendar_page_select_day (McCalendarPage *self,
                             int             jdn)
{
  int y, m;

  g_return_if_fail (MC_IS_CALENDAR_PAGE (self));

  self->selected = jdn;
  mc_jdn_to_ymd (jdn, &y, &m, NULL);
  if (y != self->year || m != self->month)
    show_month (self, y, m);
  else
    update_cells (self);
  focus_selected (self);
}

static void
dossier_row_activated_cb (GtkListBox     *list,
                          GtkListBoxRow  *row,
                          McCalendarPage *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  if (self->popover)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_activate_action (GTK_WIDGET (self), "desk.show-dossier", "s", code);
}

/* The day's dossiers in a popover: every open dossier due that day, most urgent first. */
static void
show_day_popover (McCalendarPage *self,
                  int             index)
{
  Cell *cell = &self->cells[index];
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *scroller, *list;
  McQuery query;
  McCalendar *calendar = mc_store_get_calendar (self->store);

  mc_query_init (&query);
  query.status_mask = 1u << MC_STATUS_IN_PROGRESS;
  query.due_from = mc_minute_from_jdn (cell->jdn, 0);
  query.due_before = mc_minute_from_jdn (cell->jdn + 1, 0);
  query.limit = 500;
  rows = mc_store_query (self->store, &query, &error);

  if (self->popover != NULL)
    gtk_widget_unparent (self->popover);
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, cell->button);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect (list, "row-activated", G_CALLBACK (dossier_row_activated_cb), self);

  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *label = gtk_label_new (rows == NULL ? error->message : _("No open dossier is due this day."));

      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_popover_set_child (GTK_POPOVER (self->popover), label);
    }
  else
    {
      for (guint i = 0; i < rows->len; i++)
        {
          McDossier *d = g_ptr_array_index (rows, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *state = gtk_label_new (mc_due_state_label (mc_dossier_due_state (d, calendar, mc_time_now ())));
          g_autofree char *title = g_strdup_printf ("%s — %s", d->code, d->applicant_name);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), d->procedure_name ? d->procedure_name : "");
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_add_css_class (state, "due-state");
          switch (mc_dossier_due_state (d, calendar, mc_time_now ()))
            {
            case MC_DUE_STATE_OVERDUE: gtk_widget_add_css_class (state, "overdue"); break;
            case MC_DUE_STATE_DUE_SOON: gtk_widget_add_css_class (state, "due-soon"); break;
            default: gtk_widget_add_css_class (state, "on-track"); break;
            }
          gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
          g_object_set_data_full (G_OBJECT (row), "code", g_strdup (d->code), g_free);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
      gtk_widget_set_size_request (scroller, 460, -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
      gtk_popover_set_child (GTK_POPOVER (self->popover), scroller);
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
cell_clicked_cb (GtkButton      *button,
                 McCalendarPage *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index"));

  self->selected = self->cells[index].jdn;
  update_cells (self);
  show_day_popover (self, index);
}

static void
jump_changed_cb (McCalendarPage *self)
{
  if (self->updating)
    return;
  show_month (self, gtk_spin_button_get_value_as_int (self->year_spin),
              (int) gtk_drop_down_get_selected (self->month_dropdown) + 1);
}

static void
move_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (widget);

  mc_calendar_page_select_day (self, self->selected + g_variant_get_int32 (parameter));
}

static void
move_month (McCalendarPage *self,
            int             delta)
{
  int y, m, d;
  int year, month;

  mc_jdn_to_ymd (self->selected, &y, &m, &d);
  year = y + (m - 1 + delta + 1200) / 12 - 100;
  month = (m - 1 + delta + 1200) % 12 + 1;
  d = MIN (d, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
  mc_calendar_page_select_day (self, mc_jdn_from_ymd (year, month, d));
}

static void
month_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move_month (MC_CALENDAR_PAGE (widget), g_str_equal (action_name, "calendar.next-month") ? 1 : -1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  mc_calendar_page_select_day (MC_CALENDAR_PAGE (widget), mc_minute_jdn (mc_time_now ()));
}

static void
open_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (widget);
  int index = self->selected - self->first_jdn;

  if (index >= 0 && index < N_CELLS)
    show_day_popover (self, index);
}

static void
refresh_cb (McCalendarPage *self)
{
  mc_calendar_page_reload (self);
}

static void
build_grid (McCalendarPage *self)
{
  const char *weekdays[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };

  for (int c = 0; c < 7; c++)
    {
      GtkWidget *label = gtk_label_new (_(weekdays[c]));

      gtk_widget_add_css_class (label, "weekday-header");
      gtk_grid_attach (self->grid, label, c, 0, 1, 1);
    }
  for (int i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      cell->button = gtk_button_new ();
      gtk_widget_add_css_class (cell->button, "flat");
      gtk_widget_add_css_class (cell->button, "calendar-cell");
      gtk_widget_set_vexpand (cell->button, TRUE);
      cell->day_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (cell->day_label, "day-number");
      cell->lunar_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (cell->lunar_label, "lunar");
      gtk_widget_add_css_class (cell->lunar_label, "dim-label");
      gtk_widget_set_hexpand (cell->lunar_label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (cell->lunar_label), 1);
      gtk_box_append (GTK_BOX (top), cell->day_label);
      gtk_box_append (GTK_BOX (top), cell->lunar_label);
      gtk_box_append (GTK_BOX (box), top);

      cell->name_label = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (cell->name_label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (cell->name_label), 0);
      gtk_box_append (GTK_BOX (box), cell->name_label);

      cell->overdue_label = gtk_label_new (NULL);
      cell->due_soon_label = gtk_label_new (NULL);
      cell->on_track_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (cell->overdue_label, "due-state");
      gtk_widget_add_css_class (cell->overdue_label, "overdue");
      gtk_widget_add_css_class (cell->due_soon_label, "due-state");
      gtk_widget_add_css_class (cell->due_soon_label, "due-soon");
      gtk_widget_add_css_class (cell->on_track_label, "due-state");
      gtk_widget_add_css_class (cell->on_track_label, "on-track");
      gtk_widget_set_halign (cell->overdue_label, GTK_ALIGN_START);
      gtk_widget_set_halign (cell->due_soon_label, GTK_ALIGN_START);
      gtk_widget_set_halign (cell->on_track_label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), cell->overdue_label);
      gtk_box_append (GTK_BOX (box), cell->due_soon_label);
      gtk_box_append (GTK_BOX (box), cell->on_track_label);

      gtk_widget_set_valign (box, GTK_ALIGN_START);
      gtk_button_set_child (GTK_BUTTON (cell->button), box);
      g_object_set_data (G_OBJECT (cell->button), "index", GINT_TO_POINTER (i));
      g_signal_connect (cell->button, "clicked", G_CALLBACK (cell_clicked_cb), self);
      gtk_grid_attach (self->grid, cell->button, i % 7, 1 + i / 7, 1, 1);
    }
}

static void
mc_calendar_page_dispose (GObject *object)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (object);
  GtkWidget *child;

  if (self->popover != NULL)
    {
      gtk_widget_unparent (self->popover);
      self->popover = NULL;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_CALENDAR_PAGE);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (mc_calendar_page_parent_class)->dispose (object);
}

static void
mc_calendar_page_map (GtkWidget *widget)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (widget);

  GTK_WIDGET_CLASS (mc_calendar_page_parent_class)->map (widget);
  if (self->stale)
    mc_calendar_page_reload (self);
}

static void
mc_calendar_page_class_init (McCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_calendar_page_dispose;
  widget_class->map = mc_calendar_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, grid);
  gtk_widget_class_bind_template_callback (widget_class, jump_changed_cb);

  gtk_widget_class_install_action (widget_class, "calendar.move-day", "i", move_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.open-day", NULL, open_day_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "calendar.move-day", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "calendar.move-day", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "calendar.move-day", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "calendar.move-day", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "calendar.today", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mc_calendar_page_init (McCalendarPage *self)
{
  const char *months[] = { N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
                           N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
                           N_("December") };
  g_autoptr(GtkStringList) month_model = gtk_string_list_new (NULL);
  int y, m;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    gtk_string_list_append (month_model, _(months[i]));
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (month_model));
  gtk_label_set_text (self->legend_label,
                      _("Small numbers are lunar dates. Days off are tinted and named; worked Saturdays are marked. "
                        "Each day counts the dossiers in progress due that day. Arrows move the day, Page Up/Down the "
                        "month, Home goes to today, Enter lists the day's dossiers."));
  build_grid (self);
  self->selected = mc_minute_jdn (mc_time_now ());
  mc_jdn_to_ymd (self->selected, &y, &m, NULL);
  self->year = y;
  self->month = m;
}

void
mc_calendar_page_set_store (McCalendarPage *self,
                            McStore        *store,
                            McClock        *clock)
{
  g_return_if_fail (MC_IS_CALENDAR_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->clock, clock);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (refresh_cb), self);
  if (clock != NULL)
    g_signal_connect_swapped (clock, "minute-changed", G_CALLBACK (refresh_cb), self);
  show_month (self, self->year, self->month);
}

void
mc_calendar_page_show_month (McCalendarPage *self,
                             int             year,
                             int             month)
{
  g_return_if_fail (MC_IS_CALENDAR_PAGE (self));
  g_return_if_fail (month >= 1 && month <= 12);

  show_month (self, year, month);
}

int
mc_calendar_page_get_selected (McCalendarPage *self)
{
  g_return_val_if_fail (MC_IS_CALENDAR_PAGE (self), 0);
  return self->selected;
}

void
mc_calendar_page_get_month (McCalendarPage *self,
                            int            *year,
                            int            *month)
{
  g_return_if_fail (MC_IS_CALENDAR_PAGE (self));
  if (year)
    *year = self->year;
  if (month)
    *month = self->month;
}

gboolean
mc_calendar_page_get_counts (McCalendarPage *self,
                             int             jdn,
                             McDayCount     *out)
{
  int index;

  g_return_val_if_fail (MC_IS_CALENDAR_PAGE (self), FALSE);

  index = jdn - self->first_jdn;
  if (self->counts == NULL || index < 0 || index >= (int) self->counts->len)
    return FALSE;
  *out = g_array_index (self->counts, McDayCount, index);
  return TRUE;
}

void
mc_calendar_page_reload (McCalendarPage *self)
{
  g_return_if_fail (MC_IS_CALENDAR_PAGE (self));

  load_counts (self);
  update_cells (self);
}
