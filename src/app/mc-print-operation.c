/* mc-print-operation.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-print-operation"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "mc-print-operation.h"

/* Prints a form with the same drawing that makes its PDF: the page is drawn in points from the paper's corner,
 * with the form's own margins (Nghị định 30/2020). The print settings the clerk chose are remembered. */
struct _McPrintOperation
{
  GtkPrintOperation  parent_instance;

  McDocument        *document;
};

G_DEFINE_FINAL_TYPE (McPrintOperation, mc_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "motcua", "print-settings.ini", NULL);
}

static void
mc_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  McPrintOperation *self = MC_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, mc_document_get_n_pages (self->document));
}

static void
mc_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  McPrintOperation *self = MC_PRINT_OPERATION (operation);

  mc_document_draw_page (self->document, gtk_print_context_get_cairo_context (context), page_nr);
}

/* A form printed to a file holds a citizen's data: like every file the program writes, it is left mode 0600.
 * GTK writes it with the umask's mode (the "Print to File" printer's output URI, or an export file name), so the
 * mode is set once the job is done (docs/architecture.md, "Private files"). */
static void
protect_output_file (GtkPrintOperation *operation,
                     GtkPrintSettings  *settings)
{
  g_autofree char *export_path = NULL;
  const char *uri = settings != NULL ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;
  g_autofree char *uri_path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;

  g_object_get (operation, "export-filename", &export_path, NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? export_path : uri_path;

      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_chmod (path, 0600) != 0)
        g_warning ("Could not make %s private: %s", path, g_strerror (errno));
    }
}

static void
mc_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      g_autofree char *path = settings_path ();
      g_autofree char *dir = g_path_get_dirname (path);

      protect_output_file (operation, settings);
      if (settings != NULL && g_mkdir_with_parents (dir, 0700) == 0)
        gtk_print_settings_to_file (settings, path, NULL);
    }
}

static void
mc_print_operation_finalize (GObject *object)
{
  McPrintOperation *self = MC_PRINT_OPERATION (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (mc_print_operation_parent_class)->finalize (object);
}

static void
mc_print_operation_class_init (McPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = mc_print_operation_finalize;
  operation_class->begin_print = mc_print_operation_begin_print;
  operation_class->draw_page = mc_print_operation_draw_page;
  operation_class->done = mc_print_operation_done;
}

static void
mc_print_operation_init (McPrintOperation *self)
{
}

McPrintOperation *
mc_print_operation_new (McDocument *document,
                        const char *job_name)
{
  McPrintOperation *self = g_object_new (MC_TYPE_PRINT_OPERATION, NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *path = settings_path ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_file (path, NULL);

  self->document = g_object_ref (document);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, mc_document_get_page_width (document) > mc_document_get_page_height (document)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), FALSE);
  return self;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Printing Failed"), error ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Opens the system print dialog for @document; failures end in a message, never silently. */
void
mc_print_document (GtkWindow  *parent,
                   McDocument *document,
                   const char *job_name)
{
  g_autoptr(McPrintOperation) operation = mc_print_operation_new (document, job_name);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Printing Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}
