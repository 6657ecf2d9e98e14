/* mc-apology.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-apology"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "mc-apology.h"
#include "mc-forms.h"
#include "mc-preview-window.h"
#include "mc-time.h"

/* The reasons the sources name for a late result (domain.md §2), as printed on the letter in Vietnamese
 * whatever the UI language; the last entry takes the clerk's own words. */
static const char *printed_reasons[] = {
  "Cần kiểm tra, xác minh làm rõ",
  "Chờ ý kiến của cơ quan phối hợp",
  "Lỗi hệ thống thông tin",
  "Hồ sơ bị thất lạc, hư hỏng",
  "Sai sót trong kết quả giải quyết",
};

GtkDropDown *
mc_apology_reason_dropdown_new (void)
{
  const char *labels[] = { _("Needs verification"), _("Waiting for another body"), _("System fault"),
                           _("Documents lost or damaged"), _("Error in the result"), _("Other (write below)"),
                           NULL };

  return GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
}

char *
mc_apology_reason_text (GtkDropDown *reasons,
                        const char  *details)
{
  guint selected = gtk_drop_down_get_selected (reasons);
  g_autofree char *trimmed = g_strstrip (g_strdup (details ? details : ""));

  if (selected < G_N_ELEMENTS (printed_reasons))
    return *trimmed ? g_strdup_printf ("%s: %s", printed_reasons[selected], trimmed)
                    : g_strdup (printed_reasons[selected]);
  return g_steal_pointer (&trimmed);
}

/* A new date from the work left: as long again as the procedure's limit (one working day at least), counted
 * from the original due date or from now, whichever is later. The clerk can edit it. */
McMinute
mc_apology_propose_new_due (McStore   *store,
                            McDossier *dossier)
{
  McCalendar *calendar = mc_store_get_calendar (store);
  McMinute base = MAX (dossier->due, mc_time_now ());
  int days = dossier->unit == MC_UNIT_WORKING_DAYS ? MAX (dossier->duration, 1) : 1;

  return mc_minute_from_jdn (mc_calendar_add_working_days (calendar, mc_minute_jdn (base), days),
                             mc_calendar_get_hours (calendar)->afternoon_close);
}

McDossier *
mc_apology_record (McStore     *store,
                   McDossier   *dossier,
                   const char  *reason,
                   McMinute     new_due,
                   GError     **error)
{
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  g_autofree char *iso = mc_time_format_iso_offset (new_due);

  json_node_take_object (payload, object);
  json_object_set_string_member (object, "reason", reason ? reason : "");
  json_object_set_string_member (object, "new_due", iso);
  return mc_store_record (store, dossier->uuid, MC_EVENT_APOLOGY_ISSUED, payload, NULL, error);
}

/*
 * Preview first, record on confirmation: the new date can be given only once, so the clerk reads the letter as it
 * will print before anything is written.
 */

typedef struct
{
  McStore         *store;
  McDossier       *dossier;
  char            *reason;
  McMinute         new_due;
  McPreviewWindow *preview;
  GtkWindow       *parent;
  McApologyDone    done;
  gpointer         user_data;
} Draft;

static void
draft_free (Draft *draft)
{
  g_clear_object (&draft->store);
  g_clear_pointer (&draft->dossier, mc_dossier_unref);
  g_free (draft->reason);
  g_clear_weak_pointer (&draft->preview);
  g_clear_weak_pointer (&draft->parent);
  g_free (draft);
}

static void
show_refusal (GtkWindow *parent,
              GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Not Recorded"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The letter as it will print once recorded: the dossier folded again from its history, with the draft's reason
 * and new date (the number comes when it is recorded). */
McDocument *
mc_apology_render_draft (McStore     *store,
                         McDossier   *dossier,
                         const char  *reason,
                         McMinute     new_due,
                         GError     **error)
{
  g_autoptr(GPtrArray) events = mc_store_get_events (store, dossier->uuid, error);
  g_autoptr(McDossier) letter = NULL;

  if (events == NULL)
    return NULL;
  letter = mc_dossier_fold (events, mc_store_get_calendar (store), mc_store_get_office (store)->supplement_mode);
  letter->has_apology = TRUE;
  letter->apology_at = mc_time_now ();
  letter->new_due = new_due;
  g_free (letter->apology_reason);
  letter->apology_reason = g_strdup (reason);
  return mc_form_render (MC_FORM_APOLOGY, letter, events, mc_store_get_office (store), error);
}

static McDocument *
render_draft (Draft   *draft,
              GError **error)
{
  return mc_apology_render_draft (draft->store, draft->dossier, draft->reason, draft->new_due, error);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Draft            *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) recorded = NULL;

  if (draft->preview != NULL)
    gtk_window_destroy (GTK_WINDOW (draft->preview));
  if (g_str_equal (response, "record"))
    {
      recorded = mc_apology_record (draft->store, draft->dossier, draft->reason, draft->new_due, &error);
      if (recorded == NULL && draft->parent != NULL)
        show_refusal (draft->parent, error);
    }
  /* The page that asked may have been closed meanwhile: it is the parent, watched. */
  if (draft->done != NULL && draft->parent != NULL)
    draft->done (recorded, draft->user_data);
}

void
mc_apology_preview_then_record (GtkWindow     *parent,
                                McStore       *store,
                                McDossier     *dossier,
                                const char    *reason,
                                McMinute       new_due,
                                McApologyDone  done,
                                gpointer       user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  Draft *draft;
  GtkWidget *dialog;

  g_return_if_fail (MC_IS_STORE (store));
  g_return_if_fail (dossier != NULL);

  /* Refused before the draft is shown: a second letter, or a dossier no longer in progress. */
  if (!mc_dossier_check_event (dossier, MC_EVENT_APOLOGY_ISSUED, &error))
    {
      show_refusal (parent, error);
      if (done != NULL)
        done (NULL, user_data);
      return;
    }

  draft = g_new0 (Draft, 1);
  draft->store = g_object_ref (store);
  draft->dossier = mc_dossier_ref (dossier);
  draft->reason = g_strdup (reason);
  draft->new_due = new_due;
  draft->done = done;
  draft->user_data = user_data;
  g_set_weak_pointer (&draft->parent, parent);

  document = render_draft (draft, &error);
  /* Translators: window title; %s is a dossier code */
  title = g_strdup_printf (_("Apology Letter for %s — Draft, Not Recorded"), dossier->code);
  draft->preview = document ? mc_preview_window_new (document, title, &error) : NULL;
  if (draft->preview == NULL)
    {
      show_refusal (parent, error);
      if (done != NULL)
        done (NULL, user_data);
      draft_free (draft);
      return;
    }
  mc_preview_window_set_draft (draft->preview);
  g_object_add_weak_pointer (G_OBJECT (draft->preview), (gpointer *) &draft->preview);
  gtk_window_set_transient_for (GTK_WINDOW (draft->preview), parent);
  gtk_window_present (GTK_WINDOW (draft->preview));

  /* As the letter prints it. */
  when = mc_time_format_vietnamese (new_due);
  /* Translators: %s is the new appointment as the letter prints it, in Vietnamese */
  body = g_strdup_printf (_("The letter promises the result on %s. The new date can be given only once: once "
                            "recorded, the letter is numbered and opens for printing."), when);
  dialog = adw_message_dialog_new (GTK_WINDOW (draft->preview), _("Record This Apology Letter?"), body);
  /* Not modal: the clerk scrolls the draft while deciding. */
  gtk_window_set_modal (GTK_WINDOW (dialog), FALSE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Back"), "record",
                                    _("_Record Letter"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), draft,
                         (GClosureNotify) (void (*) (void)) draft_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
