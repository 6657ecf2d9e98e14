/* mc-reports-page.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-chart.h"
#include "mc-file-chooser.h"
#include "mc-register.h"
#include "mc-late-list.h"
#include "mc-fee.h"
#include "mc-reports-page.h"
#include "mc-stats-units.h"
#include "mc-time.h"

typedef enum
{
  PERIOD_MONTH,
  PERIOD_QUARTER,
  PERIOD_YEAR,
  PERIOD_CUSTOM,
} PeriodKind;

#define MAX_BINS 24

/* The period's figures, the charts (drawn with cairo, readable in greyscale: bars differ by hatching as well as
 * shade, and every bar carries its number) and the register book for export. */
struct _McReportsPage
{
  GtkWidget       parent_instance;

  McStore        *store;
  McStats        *stats;
  int             from_jdn;
  int             to_jdn;
  guint           n_bins;
  char           *bin_labels[MAX_BINS];
  guint           bin_received[MAX_BINS];
  guint           bin_settled[MAX_BINS];
  gboolean        updating;
  GtkFileChooserNative *chooser;

  GtkDropDown    *kind_dropdown;
  GtkDropDown    *part_dropdown;
  GtkSpinButton  *year_spin;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *period_label;
  GtkLabel       *error_label;
  GtkGrid        *figures_grid;
  GtkGrid        *groups_grid;
  GtkGrid        *units_grid;
  GtkDrawingArea *months_chart;
  GtkDrawingArea *shares_chart;
  GtkDrawingArea *overdue_chart;
};

G_DEFINE_FINAL_TYPE (McReportsPage, mc_reports_page, GTK_TYPE_WIDGET)

/*
 * Drawing
 */

static void
draw_months (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  McReportsPage *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  guint max = 1;
  double top = 34, bottom = height - 22, slot, bar;

  mc_chart_draw_title (widget, cr, _("Received (solid) and settled (hatched), per month"));
  if (self->n_bins == 0)
    return;
  for (guint i = 0; i < self->n_bins; i++)
    max = MAX (max, MAX (self->bin_received[i], self->bin_settled[i]));
  slot = (double) width / self->n_bins;
  bar = MAX (slot * 0.35, 2);
  for (guint i = 0; i < self->n_bins; i++)
    {
      double x = i * slot + slot * 0.1;
      double hr = (bottom - top) * self->bin_received[i] / max;
      double hs = (bottom - top) * self->bin_settled[i] / max;
      g_autofree char *received = g_strdup_printf ("%u", self->bin_received[i]);
      g_autofree char *settled = g_strdup_printf ("%u", self->bin_settled[i]);

      mc_chart_set_foreground (widget, cr, 0.75);
      cairo_rectangle (cr, x, bottom - hr, bar, hr);
      cairo_fill (cr);
      mc_chart_fill_hatched (widget, cr, &(cairo_rectangle_t) { x + bar, bottom - hs, bar, hs });
      if (self->n_bins <= 12)
        {
          mc_chart_draw_centred (widget, cr, received, x + bar / 2, bottom - hr - 14);
          mc_chart_draw_centred (widget, cr, settled, x + bar * 1.5, bottom - hs - 14);
        }
      mc_chart_draw_centred (widget, cr, self->bin_labels[i], x + bar, bottom + 4);
    }
}

static void
draw_shares (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  McReportsPage *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  const McStatsFigures *f;
  double x = 0, y = 24, h = 22;
  g_autofree char *legend = NULL;

  mc_chart_draw_title (widget, cr, _("Settled: early (solid) · on time (light) · late (hatched)"));
  if (self->stats == NULL || self->stats->overall.settled == 0)
    {
      mc_chart_draw_label (widget, cr, _("Nothing settled in this period"), 0, y);
      return;
    }
  f = &self->stats->overall;
  mc_chart_set_foreground (widget, cr, 0.75);
  cairo_rectangle (cr, x, y, width * (double) f->early / f->settled, h);
  cairo_fill (cr);
  x += width * (double) f->early / f->settled;
  mc_chart_set_foreground (widget, cr, 0.3);
  cairo_rectangle (cr, x, y, width * (double) f->on_time / f->settled, h);
  cairo_fill (cr);
  x += width * (double) f->on_time / f->settled;
  if (f->late > 0)
    mc_chart_fill_hatched (widget, cr, &(cairo_rectangle_t) { x, y, width * (double) f->late / f->settled, h });
  /* Translators: shares of settled dossiers */
  legend = g_strdup_printf (_("Early %.1f%% · on time %.1f%% · late %.1f%%"), 100.0 * f->early / f->settled,
                            100.0 * f->on_time / f->settled, 100.0 * f->late / f->settled);
  mc_chart_draw_label (widget, cr, legend, 0, y + h + 4);
}

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  const McStatsGroup *x = *(McStatsGroup * const *) a, *y = *(McStatsGroup * const *) b;
  return (int) y->figures.overdue - (int) x->figures.overdue;
}

static void
draw_overdue (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  McReportsPage *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  g_autoptr(GPtrArray) groups = NULL;
  guint max = 1, shown = 0;

  mc_chart_draw_title (widget, cr, _("Procedures with the most overdue dossiers"));
  if (self->stats == NULL)
    return;
  groups = g_ptr_array_copy (self->stats->per_procedure, NULL, NULL);
  g_ptr_array_set_free_func (groups, NULL);
  g_ptr_array_sort (groups, compare_overdue);
  for (guint i = 0; i < groups->len; i++)
    max = MAX (max, ((McStatsGroup *) g_ptr_array_index (groups, i))->figures.overdue);
  for (guint i = 0; i < groups->len && shown < 5; i++)
    {
      McStatsGroup *g = g_ptr_array_index (groups, i);
      double y = 24 + shown * 20;
      g_autofree char *label = NULL;

      if (g->figures.overdue == 0)
        break;
      label = g_strdup_printf ("%u · %s", g->figures.overdue, g->name);
      mc_chart_fill_hatched (widget, cr, &(cairo_rectangle_t) { 0, y, (width * 0.35) * g->figures.overdue / max, 14 });
      mc_chart_draw_label (widget, cr, label, width * 0.37, y);
      shown++;
    }
  if (shown == 0)
    mc_chart_draw_label (widget, cr, _("No dossier is overdue"), 0, 24);
}

/*
 * Figures
 */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_cell (GtkGrid    *grid,
          const char *text,
          int         column,
          int         row,
          gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (column == 0)
    gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
add_figure (McReportsPage *self,
            int            row,
            const char    *name,
            char          *value)
{
  g_autofree char *owned = value;

  add_cell (self->figures_grid, name, (row % 2) * 2, row / 2, FALSE);
  add_cell (self->figures_grid, owned, (row % 2) * 2 + 1, row / 2, FALSE);
}

static void
show_figures (McReportsPage *self)
{
  const McStatsFigures *f = &self->stats->overall;
  guint rated = 0, satisfied;
  int row = 0;

  for (int r = 0; r < MC_RATING_DECLINED; r++)
    rated += f->ratings[r];
  satisfied = f->ratings[MC_RATING_VERY_SATISFIED] + f->ratings[MC_RATING_SATISFIED];

  clear_grid (self->figures_grid);
  add_figure (self, row++, _("Carried over"), g_strdup_printf ("%u", f->carried_over));
  add_figure (self, row++, _("Received"), g_strdup_printf ("%u", f->received));
  add_figure (self, row++, _("… in person / by post"), g_strdup_printf ("%u / %u", f->received_by_channel[MC_CHANNEL_IN_PERSON],
                                                                      f->received_by_channel[MC_CHANNEL_POST]));
  add_figure (self, row++, _("… online / linked"), g_strdup_printf ("%u / %u", f->received_by_channel[MC_CHANNEL_ONLINE],
                                                                  f->received_by_channel[MC_CHANNEL_LINKED]));
  add_figure (self, row++, _("Settled"), g_strdup_printf ("%u", f->settled));
  add_figure (self, row++, _("Early / on time / late"), g_strdup_printf ("%u / %u / %u", f->early, f->on_time, f->late));
  add_figure (self, row++, _("On-time rate"), mc_stats_format_share (mc_stats_figures_on_time_rate (f)));
  add_figure (self, row++, _("Progress score (of 20)"),
              mc_stats_figures_progress_score (f) < 0 ? g_strdup ("—")
                                                      : g_strdup_printf ("%.2f", mc_stats_figures_progress_score (f)));
  add_figure (self, row++, _("In progress: on track / overdue"), g_strdup_printf ("%u / %u", f->on_track, f->overdue));
  add_figure (self, row++, _("Awaiting supplement"), g_strdup_printf ("%u", f->paused));
  add_figure (self, row++, _("Refused / stopped"), g_strdup_printf ("%u / %u", f->refused, f->stopped));
  add_figure (self, row++, _("Transferred to another body"), g_strdup_printf ("%u", f->transferred));
  add_figure (self, row++, _("Apology letters"), g_strdup_printf ("%u", f->apologies));
  {
    g_autofree char *share = f->settled > 0 ? g_strdup_printf ("%.1f%%", 100.0 * f->settled_on_the_spot / f->settled)
                                            : g_strdup ("—");

    add_figure (self, row++, _("Settled on the spot"), g_strdup_printf ("%u (%s)", f->settled_on_the_spot, share));
  }
  add_figure (self, row++, _("Apology coverage (late or overdue with a letter)"),
              mc_stats_format_share (mc_stats_figures_apology_coverage (f)));
  add_figure (self, row++, _("Average processing (working days)"),
              mc_stats_figures_average_working_days (f, self->stats->minutes_per_day) < 0
              ? g_strdup ("—")
              : g_strdup_printf ("%.2f", mc_stats_figures_average_working_days (f, self->stats->minutes_per_day)));
  add_figure (self, row++, _("Digitised"), mc_stats_format_share (mc_stats_figures_digitised_share (f)));
  add_figure (self, row++, _("Documents digitised"), g_strdup_printf ("%u", f->digitised_components));
  add_figure (self, row++, _("Received online"), mc_stats_format_share (mc_stats_figures_online_share (f)));
  add_figure (self, row++, _("Satisfied citizens"),
              rated > 0 ? g_strdup_printf ("%u / %u", satisfied, rated) : g_strdup ("—"));
  {
    g_autofree char *collected = mc_fee_format_amount (f->fees_collected);
    g_autofree char *refunded = mc_fee_format_amount (f->fees_refunded);
    g_autofree char *exempted = mc_fee_format_amount (f->fees_exempted);

    /* Translators: amounts in đồng, collected / refunded */
    add_figure (self, row++, _("Fees collected / refunded (đồng)"), g_strdup_printf ("%s / %s", collected, refunded));
    add_figure (self, row++, _("Fees exempted (đồng)"), g_strdup (exempted));
    add_figure (self, row++, _("Fees paid online"), mc_stats_format_share (mc_stats_figures_fee_online_share (f)));
  }
}

static void
add_group_row (McReportsPage        *self,
               int                   row,
               const char           *name,
               const McStatsFigures *f)
{
  g_autofree char *received = g_strdup_printf ("%u", f->received);
  g_autofree char *settled = g_strdup_printf ("%u", f->settled);
  g_autofree char *late = g_strdup_printf ("%u", f->late);
  g_autofree char *overdue = g_strdup_printf ("%u", f->overdue);
  g_autofree char *rate = mc_stats_format_share (mc_stats_figures_on_time_rate (f));

  add_cell (self->groups_grid, name, 0, row, row == 0);
  add_cell (self->groups_grid, received, 1, row, FALSE);
  add_cell (self->groups_grid, settled, 2, row, FALSE);
  add_cell (self->groups_grid, late, 3, row, FALSE);
  add_cell (self->groups_grid, overdue, 4, row, FALSE);
  add_cell (self->groups_grid, rate, 5, row, FALSE);
}

static void
show_groups (McReportsPage *self)
{
  g_autoptr(GPtrArray) offices = NULL;
  int row = 1;

  clear_grid (self->groups_grid);
  add_cell (self->groups_grid, "", 0, 0, TRUE);
  add_cell (self->groups_grid, _("Received"), 1, 0, TRUE);
  add_cell (self->groups_grid, _("Settled"), 2, 0, TRUE);
  /* Translators: a column of the reports' table: dossiers settled after their due date. */
  add_cell (self->groups_grid, _("Settled late"), 3, 0, TRUE);
  /* Translators: a column of the reports' table: dossiers still open past their due date. */
  add_cell (self->groups_grid, _("Open past due"), 4, 0, TRUE);
  add_cell (self->groups_grid, _("On-time rate"), 5, 0, TRUE);
  for (guint i = 0; i < self->stats->per_sector->len; i++)
    {
      McStatsGroup *g = g_ptr_array_index (self->stats->per_sector, i);
      add_group_row (self, row++, *g->name ? g->name : _("(no sector)"), &g->figures);
    }

  /* On the level above, one row per office. */
  offices = mc_store_list_office_codes (self->store, NULL);
  if (offices != NULL && offices->len > 1)
    for (guint i = 0; i < offices->len; i++)
      {
        g_autoptr(McStats) office = mc_stats_compute (self->store, self->from_jdn, self->to_jdn, mc_time_now (),
                                                      g_ptr_array_index (offices, i), NULL);
        g_autofree char *name = g_strdup_printf (_("Office %s"), (const char *) g_ptr_array_index (offices, i));

        if (office != NULL)
          add_group_row (self, row++, name, &office->overall);
      }
}

/* How each unit of the office kept its steps' deadlines (docs/process.md): where dossiers go late. */
static void
show_units (McReportsPage *self)
{
  g_autoptr(GPtrArray) units = mc_stats_per_unit (self->store, self->from_jdn, self->to_jdn, mc_time_now (), NULL);
  const char *headings[] = { "", N_("Steps handed on"), N_("Late"), N_("On-time rate"),
                             N_("Working hours per step"), N_("Held now"), N_("Held past the step's deadline") };

  clear_grid (self->units_grid);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    add_cell (self->units_grid, *headings[c] ? _(headings[c]) : "", (int) c, 0, TRUE);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      McUnitFigures *u = g_ptr_array_index (units, i);
      g_autofree char *finished = g_strdup_printf ("%u", u->finished);
      g_autofree char *late = g_strdup_printf ("%u", u->late);
      g_autofree char *rate = u->finished > 0 ? mc_stats_format_share (mc_unit_figures_on_time_rate (u))
                                              : g_strdup ("—");
      /* Translators: an average time in working hours, e.g. "3.5 h" */
      g_autofree char *hours = u->finished > 0 ? g_strdup_printf (_("%.1f h"), u->working_minutes / 60.0 / u->finished)
                                               : g_strdup ("—");
      g_autofree char *held = g_strdup_printf ("%u", u->held);
      g_autofree char *held_overdue = g_strdup_printf ("%u", u->held_overdue);

      add_cell (self->units_grid, u->unit, 0, (int) i + 1, FALSE);
      add_cell (self->units_grid, finished, 1, (int) i + 1, FALSE);
      add_cell (self->units_grid, late, 2, (int) i + 1, FALSE);
      add_cell (self->units_grid, rate, 3, (int) i + 1, FALSE);
      add_cell (self->units_grid, hours, 4, (int) i + 1, FALSE);
      add_cell (self->units_grid, held, 5, (int) i + 1, FALSE);
      add_cell (self->units_grid, held_overdue, 6, (int) i + 1, FALSE);
    }
}

static void
compute_bins (McReportsPage *self)
{
  int y, m, last_y, last_m;

  for (guint i = 0; i < self->n_bins; i++)
    g_clear_pointer (&self->bin_labels[i], g_free);
  self->n_bins = 0;
  mc_jdn_to_ymd (self->from_jdn, &y, &m, NULL);
  mc_jdn_to_ymd (self->to_jdn, &last_y, &last_m, NULL);
  while ((y < last_y || (y == last_y && m <= last_m)) && self->n_bins < MAX_BINS)
    {
      int first = MAX (mc_jdn_from_ymd (y, m, 1), self->from_jdn);
      int last = MIN (mc_jdn_from_ymd (y, m, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y)), self->to_jdn);
      g_autoptr(McStats) month = mc_stats_compute (self->store, first, last, mc_time_now (), NULL, NULL);

      self->bin_labels[self->n_bins] = g_strdup_printf ("%d/%02d", m, y % 100);
      self->bin_received[self->n_bins] = month ? month->overall.received : 0;
      self->bin_settled[self->n_bins] = month ? month->overall.settled : 0;
      self->n_bins++;
      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
}

void
mc_reports_page_reload (McReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (MC_IS_REPORTS_PAGE (self));
  if (self->store == NULL)
    return;

  g_clear_pointer (&self->stats, mc_stats_free);
  self->stats = mc_stats_compute (self->store, self->from_jdn, self->to_jdn, mc_time_now (), NULL, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->stats == NULL);
  if (self->stats == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  from = mc_date_format_short (self->from_jdn);
  to = mc_date_format_short (self->to_jdn);
  /* Translators: the reporting period, from and to dates */
  label = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_text (self->period_label, label);
  show_figures (self);
  show_groups (self);
  show_units (self);
  compute_bins (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->months_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->shares_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->overdue_chart));
}

static void
update_part_model (McReportsPage *self,
                   PeriodKind     kind)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  if (kind == PERIOD_MONTH)
    for (int m = 1; m <= 12; m++)
      {
        /* Translators: a month in the period picker */
        g_autofree char *name = g_strdup_printf (_("Month %d"), m);
        gtk_string_list_append (model, name);
      }
  else if (kind == PERIOD_QUARTER)
    for (int q = 1; q <= 4; q++)
      {
        /* Translators: a quarter in the period picker */
        g_autofree char *name = g_strdup_printf (_("Quarter %d"), q);
        gtk_string_list_append (model, name);
      }
  gtk_drop_down_set_model (self->part_dropdown, G_LIST_MODEL (model));
  gtk_widget_set_visible (GTK_WIDGET (self->part_dropdown), kind == PERIOD_MONTH || kind == PERIOD_QUARTER);
  gtk_widget_set_visible (GTK_WIDGET (self->year_spin), kind != PERIOD_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), kind == PERIOD_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), kind == PERIOD_CUSTOM);
}

static void
period_changed_cb (McReportsPage *self)
{
  PeriodKind kind;
  int year;
  guint part, parts;
  GListModel *part_model;

  if (self->updating)
    return;
  kind = (PeriodKind) gtk_drop_down_get_selected (self->kind_dropdown);
  year = gtk_spin_button_get_value_as_int (self->year_spin);
  part = gtk_drop_down_get_selected (self->part_dropdown);
  part_model = gtk_drop_down_get_model (self->part_dropdown);
  parts = part_model ? g_list_model_get_n_items (part_model) : 0;
  self->updating = TRUE;
  if ((kind == PERIOD_MONTH && parts != 12) || (kind == PERIOD_QUARTER && parts != 4) ||
      (kind >= PERIOD_YEAR && parts != 0))
    {
      update_part_model (self, kind);
      part = 0;
      gtk_drop_down_set_selected (self->part_dropdown, 0);
    }
  self->updating = FALSE;

  switch (kind)
    {
    case PERIOD_MONTH:
      self->from_jdn = mc_jdn_from_ymd (year, (int) part + 1, 1);
      self->to_jdn = mc_jdn_from_ymd (year, (int) part + 1,
                                      g_date_get_days_in_month ((GDateMonth) (part + 1), (GDateYear) year));
      break;
    case PERIOD_QUARTER:
      self->from_jdn = mc_jdn_from_ymd (year, (int) part * 3 + 1, 1);
      self->to_jdn = mc_jdn_from_ymd (year, (int) part * 3 + 3, (part == 0 || part == 3) ? 31 : 30);
      break;
    case PERIOD_YEAR:
      self->from_jdn = mc_jdn_from_ymd (year, 1, 1);
      self->to_jdn = mc_jdn_from_ymd (year, 12, 31);
      break;
    case PERIOD_CUSTOM:
    default:
      {
        int from, to;
        g_autoptr(GError) error = NULL;

        if (!mc_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), &from, &error) ||
            !mc_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), &to, &error))
          {
            if (*gtk_editable_get_text (GTK_EDITABLE (self->from_entry)) != '\0' &&
                *gtk_editable_get_text (GTK_EDITABLE (self->to_entry)) != '\0')
              {
                gtk_label_set_text (self->error_label, error->message);
                gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
              }
            return;
          }
        if (to < from)
          {
            gtk_label_set_text (self->error_label, _("The period ends before it starts"));
            gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
            return;
          }
        self->from_jdn = from;
        self->to_jdn = to;
      }
      break;
    }
  mc_reports_page_reload (self);
}

/*
 * Export
 */

static void
show_error (McReportsPage *self,
            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("The Register Was Not Saved"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The register book, or the published list of late dossiers (names shortened, identity numbers masked), of the
 * period shown; its writer records it in the audit log. */
static gboolean
export_period (McReportsPage  *self,
               gboolean        late,
               const char     *path,
               gboolean        csv,
               GError        **error)
{
  g_autoptr(McDocument) document = NULL;

  g_return_val_if_fail (MC_IS_REPORTS_PAGE (self), FALSE);

  if (csv)
    return late ? mc_late_list_write_csv (self->store, self->from_jdn, self->to_jdn, path, error)
                : mc_register_write_csv (self->store, self->from_jdn, self->to_jdn, NULL, path, error);
  document = late ? mc_late_list_render (self->store, self->from_jdn, self->to_jdn, error)
                  : mc_register_render (self->store, self->from_jdn, self->to_jdn, NULL, error);
  return document != NULL && mc_document_write_pdf (document, path, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    McReportsPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean csv = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "csv"));
  gboolean late = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "late"));

  if (!mc_file_chooser_finish (dialog, response, &self->chooser, &path))
    return;
  if (path == NULL)
    show_error (self, _("Choose a folder on this computer or on a USB stick."));
  else if (!export_period (self, late, path, csv, &error))
    show_error (self, error->message);
}

/**
 * mc_reports_page_export_register:
 *
 * What "Register as PDF/CSV" writes for the period shown.
 */
gboolean
mc_reports_page_export_register (McReportsPage  *self,
                                 const char     *path,
                                 gboolean        csv,
                                 GError        **error)
{
  return export_period (self, FALSE, path, csv, error);
}

/**
 * mc_reports_page_export_late:
 *
 * What "Late Dossiers as PDF/CSV" writes for the period shown.
 */
gboolean
mc_reports_page_export_late (McReportsPage  *self,
                             const char     *path,
                             gboolean        csv,
                             GError        **error)
{
  return export_period (self, TRUE, path, csv, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McReportsPage *self = MC_REPORTS_PAGE (widget);
  gboolean csv = g_str_has_suffix (action_name, "-csv");
  gboolean late = g_str_has_prefix (action_name, "reports.export-late");
  g_autofree char *from = mc_date_format_iso (self->from_jdn);
  g_autofree char *to = mc_date_format_iso (self->to_jdn);
  g_autofree char *name = g_strdup_printf ("%s_%s_%s.%s", late ? "ho-so-qua-han" : "so-theo-doi-ho-so", from, to,
                                           csv ? "csv" : "pdf");
  const char *title = late ? (csv ? _("Export the Late Dossiers as CSV") : _("Export the Late Dossiers as PDF"))
                           : (csv ? _("Export the Register as CSV") : _("Export the Register as PDF"));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "csv", GINT_TO_POINTER (csv));
  g_object_set_data (G_OBJECT (self->chooser), "late", GINT_TO_POINTER (late));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/*
 * GObject
 */

static void
mc_reports_page_dispose (GObject *object)
{
  McReportsPage *self = MC_REPORTS_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_REPORTS_PAGE);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->stats, mc_stats_free);
  for (guint i = 0; i < self->n_bins; i++)
    g_clear_pointer (&self->bin_labels[i], g_free);
  self->n_bins = 0;

  G_OBJECT_CLASS (mc_reports_page_parent_class)->dispose (object);
}

static void
mc_reports_page_class_init (McReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_reports_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, part_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, groups_grid);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, units_grid);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, months_chart);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, shares_chart);
  gtk_widget_class_bind_template_child (widget_class, McReportsPage, overdue_chart);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reports.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reports.export-late-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reports.export-late-csv", NULL, export_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mc_reports_page_init (McReportsPage *self)
{
  const char *kinds[] = { _("Month"), _("Quarter"), _("Year"), _("Custom"), NULL };
  g_autoptr(GtkStringList) kind_model = gtk_string_list_new (kinds);
  int y, m;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kind_model));
  update_part_model (self, PERIOD_MONTH);
  mc_jdn_to_ymd (mc_minute_jdn (mc_time_now ()), &y, &m, NULL);
  gtk_spin_button_set_value (self->year_spin, y);
  gtk_drop_down_set_selected (self->part_dropdown, (guint) m - 1);
  self->from_jdn = mc_jdn_from_ymd (y, m, 1);
  self->to_jdn = mc_jdn_from_ymd (y, m, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y));
  self->updating = FALSE;

  gtk_drawing_area_set_draw_func (self->months_chart, draw_months, self, NULL);
  gtk_drawing_area_set_draw_func (self->shares_chart, draw_shares, self, NULL);
  gtk_drawing_area_set_draw_func (self->overdue_chart, draw_overdue, self, NULL);
}

static void
store_changed_cb (McReportsPage *self)
{
  /* Figures follow new dossiers only while the page is shown: a hidden page does no work. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mc_reports_page_reload (self);
}

static void
mapped_cb (McReportsPage *self)
{
  mc_reports_page_reload (self);
}

void
mc_reports_page_set_store (McReportsPage *self,
                           McStore       *store)
{
  g_return_if_fail (MC_IS_REPORTS_PAGE (self));

  g_set_object (&self->store, store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

void
mc_reports_page_set_period (McReportsPage *self,
                            int            from_jdn,
                            int            to_jdn)
{
  g_autofree char *from = mc_date_format_iso (from_jdn);
  g_autofree char *to = mc_date_format_iso (to_jdn);

  g_return_if_fail (MC_IS_REPORTS_PAGE (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, PERIOD_CUSTOM);
  update_part_model (self, PERIOD_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  self->updating = FALSE;
  self->from_jdn = from_jdn;
  self->to_jdn = to_jdn;
  mc_reports_page_reload (self);
}

const McStats *
mc_reports_page_get_stats (McReportsPage *self)
{
  g_return_val_if_fail (MC_IS_REPORTS_PAGE (self), NULL);
  return self->stats;
}
