/* mc-alerts-page.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-alerts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-alerts-page.h"
#include "mc-apology.h"
#include "mc-handover-dialog.h"
#include "mc-feedback.h"
#include "mc-forms.h"
#include "mc-help.h"
#include "mc-event.h"
#include "mc-preview-window.h"
#include "mc-stats.h"
#include "mc-time.h"

/* The alerts: every dossier in progress that is due soon (the last moment to send an apology letter) or
 * overdue, most urgent first, with the time left or past in working time and what to do. */
#define MAX_ROWS 500

struct _McAlertsPage
{
  GtkWidget     parent_instance;

  McStore      *store;
  McClock      *clock;
  GPtrArray    *dossiers;     /* McDossier, in list order */
  GHashTable   *selected;     /* codes */
  GHashTable   *known;        /* codes alerting at the last reload */
  guint         count;
  guint         overdue;            /* the dossier itself past its date */
  guint         step_late;          /* on time as a whole, but its current step past its deadline */
  guint         feedback_overdue;
  gboolean      loaded_once;
  guint         first_load_id;

  GtkStack     *stack;
  GtkLabel     *summary_label;
  GtkWidget    *feedback_box;
  GtkLabel     *feedback_label;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (McAlertsPage, mc_alerts_page, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "2 working days 3 hours": working time between two moments, counted in the office's own day length. */
char *
mc_alerts_describe_distance (McCalendar *calendar,
                             McMinute    due,
                             McMinute    now)
{
  const McOfficeHours *h = mc_calendar_get_hours (calendar);
  gint64 day = (h->morning_close - h->morning_open) + (h->afternoon_close - h->afternoon_open);
  gint64 minutes = now > due ? mc_calendar_working_minutes_between (calendar, due, now)
                             : mc_calendar_working_minutes_between (calendar, now, due);
  gint64 days = day > 0 ? minutes / day : 0;
  gint64 hours = (minutes - days * day) / 60;
  gint64 rest = minutes % 60;

  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day %dh", "%d working days %dh", (gulong) days),
                            (int) days, (int) hours);
  if (hours > 0)
    return g_strdup_printf (_("%dh %02dmin of working time"), (int) hours, (int) rest);
  return g_strdup_printf (_("%d min of working time"), (int) rest);
}

static void
update_batch_actions (McAlertsPage *self)
{
  gboolean any = g_hash_table_size (self->selected) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.batch-apology", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.batch-handover", any);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  McAlertsPage   *self)
{
  const char *code = g_object_get_data (G_OBJECT (check), "code");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->selected, g_strdup (code));
  else
    g_hash_table_remove (self->selected, code);
  update_batch_actions (self);
}

static GtkWidget *
make_row (McAlertsPage *self,
          McDossier    *d,
          McMinute      now)
{
  McCalendar *calendar = mc_store_get_calendar (self->store);
  McDueState state = mc_dossier_due_state (d, calendar, now);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *state_label = gtk_label_new (mc_due_state_label (state));
  GtkWidget *open = gtk_button_new_with_label (C_("button", "Open"));
  g_autofree char *title = g_strdup_printf ("%s — %s", d->code, d->applicant_name);
  g_autofree char *due = mc_time_format_short (d->due);
  g_autofree char *distance = mc_alerts_describe_distance (calendar, d->due, now);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *held = NULL;
  const char *next_step;

  if (state == MC_DUE_STATE_OVERDUE)
    {
      /* Translators: %s is a working-time distance such as "2 working days 3h" */
      when = g_strdup_printf (_("overdue by %s"), distance);
      next_step = d->has_apology ? _("Apology sent: return by the new date") : _("Overdue: send an apology letter now");
    }
  else
    {
      /* Translators: %s is a working-time distance such as "5h 30min of working time" */
      when = g_strdup_printf (_("due in %s"), distance);
      next_step = d->has_apology ? _("Apology sent") : _("Send the apology letter before the deadline if it cannot be met");
    }
  /* On track as a whole, but the unit holding it is past its step's deadline: say who. */
  if (d->step_due != MC_MINUTE_NONE && d->step_due < now && d->held_unit != NULL)
    {
      if (d->held_person != NULL)
        /* Translators: the unit and the person holding a dossier whose step is overdue */
        held = g_strdup_printf (_("Step overdue: held by %s (%s)"), d->held_unit, d->held_person);
      else
        /* Translators: the unit holding a dossier whose step is overdue */
        held = g_strdup_printf (_("Step overdue: held by %s"), d->held_unit);
      next_step = held;
    }
  /* Translators: alert details: procedure · due date · distance · what to do */
  subtitle = g_strdup_printf (_("%s · due %s · %s · %s"), d->procedure_name ? d->procedure_name : d->procedure_code,
                              due, when, next_step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->selected, d->code));
  gtk_widget_set_sensitive (check, !d->has_apology);
  gtk_widget_set_tooltip_text (check, _("Select for a batch of apology letters"));
  g_object_set_data_full (G_OBJECT (check), "code", g_strdup (d->code), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  gtk_widget_add_css_class (state_label, "due-state");
  gtk_widget_add_css_class (state_label, state == MC_DUE_STATE_OVERDUE ? "overdue" : "due-soon");
  gtk_widget_set_valign (state_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_label);

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "desk.show-dossier");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", d->code);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (d->code), g_free);
  return row;
}

void
mc_alerts_page_reload (McAlertsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) now_alerting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *summary = NULL;
  McQuery query;
  GtkWidget *child;
  McMinute now = mc_time_now ();
  guint fresh = 0;
  McApologyCoverage coverage;
  gint64 total;

  g_return_if_fail (MC_IS_ALERTS_PAGE (self));
  g_clear_handle_id (&self->first_load_id, g_source_remove);
  if (self->store == NULL)
    return;

  mc_query_init (&query);
  query.now = now;
  query.due_state_mask = (1u << MC_DUE_STATE_OVERDUE) | (1u << MC_DUE_STATE_DUE_SOON);
  query.step_overdue = TRUE;
  query.sort = MC_SORT_DUE;
  query.limit = MAX_ROWS;
  rows = mc_store_query (self->store, &query, &error);
  total = mc_store_count (self->store, &query, NULL);
  /* Each dossier counted once, by what is most urgent: overdue itself, else late at a step, else due soon. */
  query.due_state_mask = 1u << MC_DUE_STATE_OVERDUE;
  query.step_overdue = FALSE;
  self->overdue = (guint) MAX (mc_store_count (self->store, &query, NULL), 0);
  query.step_overdue = TRUE;
  self->step_late = (guint) MAX (mc_store_count (self->store, &query, NULL) - (gint64) self->overdue, 0);
  if (rows == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->dossiers, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      McDossier *d = g_ptr_array_index (rows, i);

      g_ptr_array_add (self->dossiers, mc_dossier_ref (d));
      gtk_list_box_append (self->list, make_row (self, d, now));
      g_hash_table_add (now_alerting, g_strdup (d->code));
      if (self->loaded_once && !g_hash_table_contains (self->known, d->code))
        fresh++;
    }
  g_hash_table_remove_all (self->known);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, now_alerting);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (self->known, g_strdup (key));
  }

  self->count = (guint) MAX (total, 0);
  /* Translators: summary of the alerts page */
  if (self->step_late > 0)
    /* Translators: summary of the alerts page; "late at a step": on time as a whole, but the unit holding the
     * dossier is past its step's deadline */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u dossier needs attention: %u overdue, %u late at a step, %u due soon",
                                            "%u dossiers need attention: %u overdue, %u late at a step, %u due soon",
                                            self->count),
                               self->count, self->overdue, self->step_late, mc_alerts_page_get_due_soon (self));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dossier needs attention: %u overdue, %u due soon",
                                            "%u dossiers need attention: %u overdue, %u due soon", self->count),
                               self->count, self->overdue, mc_alerts_page_get_due_soon (self));
  /* Apology coverage: every late or overdue dossier should have its letter; the figure Reports gives for today. */
  if (mc_stats_apology_coverage_now (self->store, now, &coverage, NULL) && coverage.without_letter > 0)
    {
      g_autofree char *share = mc_stats_format_share (coverage.coverage);
      /* Translators: the last %s is a share, e.g. "25.00%" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u late or overdue dossier has no apology letter "
                                                            "(coverage %s, as in Reports for today)",
                                                            "%u late or overdue dossiers have no apology letter "
                                                            "(coverage %s, as in Reports for today)",
                                                            coverage.without_letter),
                                               coverage.without_letter, share);
      g_autofree char *both = g_strdup_printf ("%s\n%s", summary, text);

      g_free (summary);
      summary = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->summary_label, summary);
  /* Feedback whose answer is late needs attention as much as a late dossier. */
  self->feedback_overdue = (guint) MAX (mc_store_count_overdue_feedback (self->store, mc_minute_jdn (now), NULL), 0);
  if (self->feedback_overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u citizen's feedback is past the day its answer was due",
                                                            "%u citizens' feedback entries are past the day their "
                                                            "answer was due", self->feedback_overdue),
                                               self->feedback_overdue);
      gtk_label_set_text (self->feedback_label, text);
    }
  gtk_widget_set_visible (self->feedback_box, self->feedback_overdue > 0);
  gtk_stack_set_visible_child_name (self->stack, self->count > 0 || self->feedback_overdue > 0 ? "list" : "empty");
  update_batch_actions (self);

  /* "fresh" counts dossiers that crossed into due soon or overdue since the last look (first load: all). */
  g_signal_emit (self, signals[CHANGED], 0, self->loaded_once ? fresh : self->count);
  self->loaded_once = TRUE;
}

static void
row_activated_cb (McAlertsPage  *self,
                  GtkListBoxRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "desk.show-dossier", "s",
                              (const char *) g_object_get_data (G_OBJECT (row), "code"));
}

/* "alerts.select-due-soon" or "alerts.select-overdue": every listed dossier of that state still without a letter
 * joins the batch (an overdue one needs its letter even more). */
static void
select_by_state_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  McAlertsPage *self = MC_ALERTS_PAGE (widget);
  McCalendar *calendar = mc_store_get_calendar (self->store);
  McDueState wanted = g_str_equal (action_name, "alerts.select-overdue") ? MC_DUE_STATE_OVERDUE
                                                                          : MC_DUE_STATE_DUE_SOON;

  for (guint i = 0; i < self->dossiers->len; i++)
    {
      McDossier *d = g_ptr_array_index (self->dossiers, i);

      if (!d->has_apology && mc_dossier_due_state (d, calendar, mc_time_now ()) == wanted)
        g_hash_table_add (self->selected, g_strdup (d->code));
    }
  mc_alerts_page_reload (self);
}

static void
show_message (McAlertsPage *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  McAlertsPage *self;
  GtkDropDown  *reasons;
  GtkEditable  *details;
} BatchDialog;

static void batch_draft_free (gpointer data);

static void
batch_closure_free (gpointer  data,
                    GClosure *closure)
{
  batch_draft_free (data);
}

static void
batch_dialog_free (gpointer data)
{
  BatchDialog *batch = data;

  g_object_unref (batch->self);
  g_free (batch);
}

/* The letters chosen, once previewed: what is recorded if the clerk confirms. */
typedef struct
{
  McAlertsPage    *self;
  char            *reason;
  GPtrArray       *codes;
  McPreviewWindow *preview;
} BatchDraft;

static void
batch_draft_free (gpointer data)
{
  BatchDraft *draft = data;

  g_object_unref (draft->self);
  g_free (draft->reason);
  g_ptr_array_unref (draft->codes);
  g_clear_weak_pointer (&draft->preview);
  g_free (draft);
}

static void
record_batch (McAlertsPage *self,
              const char   *reason,
              GPtrArray    *codes)
{
  g_autoptr(McDocument) letters = mc_document_new (FALSE);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint written = 0;

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(McDossier) dossier = mc_store_get_dossier (self->store, code, &error);
      g_autoptr(McDossier) recorded = NULL;
      g_autoptr(McDocument) letter = NULL;

      if (dossier != NULL)
        recorded = mc_apology_record (self->store, dossier, reason, mc_apology_propose_new_due (self->store, dossier),
                                      &error);
      if (recorded != NULL)
        letter = mc_form_issue (self->store, MC_FORM_APOLOGY, recorded, NULL, &error);
      if (letter == NULL)
        {
          g_string_append_printf (problems, "%s: %s\n", code, error->message);
          continue;
        }
      mc_document_append (letters, letter);
      written++;
    }
  g_hash_table_remove_all (self->selected);
  mc_alerts_page_reload (self);

  if (written > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Apology Letter",
                                                             "%u Apology Letters", written), written);
      McPreviewWindow *preview = mc_preview_window_new (letters, title, &error);

      if (preview != NULL)
        {
          gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
          gtk_window_present (GTK_WINDOW (preview));
        }
      else
        g_string_append_printf (problems, "%s\n", error->message);
    }
  if (problems->len > 0)
    show_message (self, _("Some Letters Were Not Written"), problems->str);
}

static void
batch_confirm_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  BatchDraft       *draft)
{
  if (draft->preview != NULL)
    gtk_window_destroy (GTK_WINDOW (draft->preview));
  if (g_str_equal (response, "record"))
    record_batch (draft->self, draft->reason, draft->codes);
}

/* The letters as they will print, not numbered and not recorded: each new date can be given only once, so the
 * clerk reads them first, as for a single letter. */
static void
preview_batch (McAlertsPage *self,
               char         *reason,
               GPtrArray    *codes)
{
  g_autoptr(McDocument) drafts = mc_document_new (FALSE);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  BatchDraft *draft;
  GtkWidget *dialog;
  guint n = 0;

  draft = g_new0 (BatchDraft, 1);
  draft->self = g_object_ref (self);
  draft->reason = reason;
  draft->codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(McDossier) dossier = mc_store_get_dossier (self->store, code, &local_error);
      g_autoptr(McDocument) letter = NULL;

      if (dossier != NULL && mc_dossier_check_event (dossier, MC_EVENT_APOLOGY_ISSUED, &local_error))
        letter = mc_apology_render_draft (self->store, dossier, reason, mc_apology_propose_new_due (self->store, dossier),
                                          &local_error);
      if (letter == NULL)
        {
          g_string_append_printf (problems, "%s: %s\n", code, local_error->message);
          continue;
        }
      mc_document_append (drafts, letter);
      g_ptr_array_add (draft->codes, g_strdup (code));
      n++;
    }
  if (problems->len > 0)
    show_message (self, _("Some Letters Were Not Written"), problems->str);
  if (n == 0)
    {
      batch_draft_free (draft);
      return;
    }

  /* Translators: window title; %u is a number of letters */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Apology Letter — Draft, Not Recorded",
                                        "%u Apology Letters — Draft, Not Recorded", n), n);
  draft->preview = mc_preview_window_new (drafts, title, &error);
  if (draft->preview == NULL)
    {
      show_message (self, _("Some Letters Were Not Written"), error->message);
      batch_draft_free (draft);
      return;
    }
  mc_preview_window_set_draft (draft->preview);
  g_object_add_weak_pointer (G_OBJECT (draft->preview), (gpointer *) &draft->preview);
  gtk_window_set_transient_for (GTK_WINDOW (draft->preview), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (draft->preview));

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The letter promises a new date, which can be given only once: once "
                                       "recorded, it is numbered and opens for printing.",
                                       "Each of the %u letters promises a new date, which can be given only once: "
                                       "once recorded, they are numbered and open for printing.", n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (draft->preview), _("Record These Apology Letters?"), body);
  /* Not modal: the clerk scrolls the drafts while deciding. */
  gtk_window_set_modal (GTK_WINDOW (dialog), FALSE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Back"), "record",
                                    _("_Record Letters"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (batch_confirm_cb), draft, batch_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
batch_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   BatchDialog      *batch)
{
  McAlertsPage *self = batch->self;
  g_autoptr(GPtrArray) codes = NULL;

  if (!g_str_equal (response, "preview"))
    return;
  /* In the alerts' own order (most urgent first), so the letters print in that order. */
  codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->dossiers->len; i++)
    {
      McDossier *d = g_ptr_array_index (self->dossiers, i);

      if (g_hash_table_contains (self->selected, d->code))
        g_ptr_array_add (codes, g_strdup (d->code));
    }
  preview_batch (self, mc_apology_reason_text (batch->reasons, gtk_editable_get_text (batch->details)), codes);
}

static void
batch_apology_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McAlertsPage *self = MC_ALERTS_PAGE (widget);
  BatchDialog *batch;
  GtkWidget *dialog, *box, *label, *entry;
  g_autofree char *body = NULL;
  guint n = g_hash_table_size (self->selected);

  if (n == 0)
    return;
  batch = g_new0 (BatchDialog, 1);
  batch->self = g_object_ref (self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("Rea_son"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  batch->reasons = mc_apology_reason_dropdown_new ();
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (batch->reasons));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (batch->reasons));
  label = gtk_label_new_with_mnemonic (_("_Details (in Vietnamese, printed on the letters)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  batch->details = GTK_EDITABLE (entry);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "One letter, with a new date proposed from the work left. It goes into one "
                                       "PDF to print.",
                                       "%u letters, each with a new date proposed from the work left. They go into "
                                       "one PDF to print.", n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Write Apology Letters?"), body);
  mc_help_set_topic (GTK_WINDOW (dialog), MC_HELP ("phieu-xin-loi#lap-phieu-cho-nhieu-ho-so-cung-luc"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "preview", _("_Preview Letters"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "preview", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "preview");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_signal_connect_data (dialog, "response", G_CALLBACK (batch_response_cb), batch,
                         (GClosureNotify) (void (*) (void)) batch_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
batch_handover_recorded_cb (McAlertsPage *self)
{
  g_hash_table_remove_all (self->selected);
  mc_alerts_page_reload (self);
}

/* The selected dossiers handed to one unit at once, with the hand-over list (mc-handover-dialog.c). */
static void
batch_handover_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  McAlertsPage *self = MC_ALERTS_PAGE (widget);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  McHandoverDialog *dialog;

  for (guint i = 0; i < self->dossiers->len; i++)
    if (g_hash_table_contains (self->selected, ((McDossier *) g_ptr_array_index (self->dossiers, i))->code))
      g_ptr_array_add (chosen, g_ptr_array_index (self->dossiers, i));
  if (chosen->len == 0)
    return;
  dialog = mc_handover_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, chosen);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (batch_handover_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_cb (McAlertsPage *self)
{
  mc_alerts_page_reload (self);
}

static gboolean
first_load_cb (gpointer user_data)
{
  McAlertsPage *self = user_data;

  self->first_load_id = 0;
  mc_alerts_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
mc_alerts_page_dispose (GObject *object)
{
  McAlertsPage *self = MC_ALERTS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->first_load_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ALERTS_PAGE);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->dossiers, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);

  G_OBJECT_CLASS (mc_alerts_page_parent_class)->dispose (object);
}

static void
mc_alerts_page_class_init (McAlertsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_alerts_page_dispose;

  /**
   * McAlertsPage::changed:
   * @fresh: how many dossiers crossed into due soon or overdue since the last reload (all of them the first time)
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-alerts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAlertsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, McAlertsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, McAlertsPage, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, McAlertsPage, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, McAlertsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "alerts.batch-apology", NULL, batch_apology_action);
  gtk_widget_class_install_action (widget_class, "alerts.batch-handover", NULL, batch_handover_action);
  gtk_widget_class_install_action (widget_class, "alerts.select-due-soon", NULL, select_by_state_action);
  gtk_widget_class_install_action (widget_class, "alerts.select-overdue", NULL, select_by_state_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mc_alerts_page_init (McAlertsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dossiers = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_unref);
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  update_batch_actions (self);
}

void
mc_alerts_page_set_store (McAlertsPage *self,
                          McStore      *store,
                          McClock      *clock)
{
  g_return_if_fail (MC_IS_ALERTS_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->clock, clock);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (refresh_cb), self);
  if (clock != NULL)
    g_signal_connect_swapped (clock, "minute-changed", G_CALLBACK (refresh_cb), self);
  /* The first count waits until the window has drawn itself: the badge appears a moment after the desk does,
   * and the desk does not wait for a query over every open dossier. */
  g_clear_handle_id (&self->first_load_id, g_source_remove);
  self->first_load_id = g_idle_add_full (G_PRIORITY_LOW, first_load_cb, self, NULL);
}

guint
mc_alerts_page_get_count (McAlertsPage *self)
{
  g_return_val_if_fail (MC_IS_ALERTS_PAGE (self), 0);
  return self->count;
}

/* The dossiers past their own date. */
guint
mc_alerts_page_get_overdue (McAlertsPage *self)
{
  g_return_val_if_fail (MC_IS_ALERTS_PAGE (self), 0);
  return self->overdue;
}

/* The dossiers on time as a whole whose current step is past its deadline (the unit holding them is late). */
guint
mc_alerts_page_get_step_late (McAlertsPage *self)
{
  g_return_val_if_fail (MC_IS_ALERTS_PAGE (self), 0);
  return self->step_late;
}

/* The other dossiers listed: due soon, neither overdue nor late at a step. */
guint
mc_alerts_page_get_due_soon (McAlertsPage *self)
{
  g_return_val_if_fail (MC_IS_ALERTS_PAGE (self), 0);
  return self->count - MIN (self->count, self->overdue + self->step_late);
}

/**
 * mc_alerts_page_dup_notification_body:
 *
 * The desktop notification's text for what the page lists: counts only, since anyone near the screen may read it.
 *
 * Returns: (transfer full): the body
 */
char *
mc_alerts_page_dup_notification_body (McAlertsPage *self)
{
  g_return_val_if_fail (MC_IS_ALERTS_PAGE (self), NULL);
  if (self->step_late > 0)
    /* Translators: notification body; the counts of overdue dossiers, of dossiers whose step is late, and of
     * due-soon dossiers */
    return g_strdup_printf (_("%u overdue, %u late at a step, %u due soon. Open the alerts to see who holds them "
                              "and to send apology letters in time."),
                            self->overdue, self->step_late, mc_alerts_page_get_due_soon (self));
  /* Translators: notification body; the counts of overdue and due-soon dossiers */
  return g_strdup_printf (_("%u overdue, %u due soon. Open the alerts to send apology letters in time."),
                          self->overdue, mc_alerts_page_get_due_soon (self));
}

/**
 * mc_alerts_page_get_codes:
 *
 * Returns: (transfer full) (element-type utf8): the codes listed, most urgent first
 */
GPtrArray *
mc_alerts_page_get_codes (McAlertsPage *self)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (MC_IS_ALERTS_PAGE (self), codes);
  for (guint i = 0; i < self->dossiers->len; i++)
    g_ptr_array_add (codes, g_strdup (((McDossier *) g_ptr_array_index (self->dossiers, i))->code));
  return codes;
}
