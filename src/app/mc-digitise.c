/* mc-digitise.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-digitise"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mc-attachment.h"
#include "mc-digitise.h"
#include "mc-scanner.h"
#include "mc-private-file.h"
#include "mc-time.h"

/* Scans for the record: grey at 200 dpi reads well on screen and in print, and keeps an A4 page near 1 MB. */
#define SCAN_DPI 200

/* The component a document stands for when it is none of the procedure's listed documents. */
#define OTHER_COMPONENT "Giấy tờ khác"

typedef struct
{
  GtkWindow    *parent;
  McStore      *store;
  McDossier    *dossier;
  GBytes       *data;
  char         *name;
  char         *source;
  GtkStringList *components;
  GtkDropDown  *component;
  GtkDropDown  *device;
  GtkLabel     *status;
  GtkWidget    *dialog;
  GtkWidget    *progress;
  GPtrArray    *devices;      /* McScannerDevice */
  char         *component_text;
  GCancellable *cancellable;
} Digitise;

static void
digitise_clear (Digitise *d)
{
  g_clear_object (&d->parent);
  g_clear_object (&d->store);
  g_clear_pointer (&d->dossier, mc_dossier_unref);
  g_clear_pointer (&d->data, g_bytes_unref);
  g_clear_pointer (&d->name, g_free);
  g_clear_pointer (&d->source, g_free);
  g_clear_object (&d->components);
  g_clear_pointer (&d->devices, g_ptr_array_unref);
  g_clear_pointer (&d->component_text, g_free);
  g_clear_object (&d->cancellable);
}

static Digitise *
digitise_new (GtkWindow *parent,
              McStore   *store,
              McDossier *dossier)
{
  Digitise *d = g_rc_box_new0 (Digitise);

  d->parent = g_object_ref (parent);
  d->store = g_object_ref (store);
  d->dossier = mc_dossier_ref (dossier);
  d->cancellable = g_cancellable_new ();
  return d;
}

static Digitise *
digitise_ref (Digitise *d)
{
  return g_rc_box_acquire (d);
}

static void
digitise_unref (Digitise *d)
{
  g_rc_box_release_full (d, (GDestroyNotify) digitise_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Digitise, digitise_unref)

static void
digitise_closure_notify (gpointer  data,
                         GClosure *closure)
{
  digitise_unref (data);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
setup_text_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (label), wrap != NULL);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_text_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

/* Documents' and scanners' names can be long: shortened on the button, wrapped in the list, so the dialog keeps
 * its width. */
static GtkWidget *
text_drop_down_new (GListModel *model)
{
  GtkWidget *drop_down = gtk_drop_down_new (model, NULL);

  for (int wrap = 0; wrap < 2; wrap++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_text_item_cb), GINT_TO_POINTER (wrap));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_text_item_cb), NULL);
      if (wrap)
        gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), factory);
      else
        gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
      g_object_unref (factory);
    }
  return drop_down;
}

/* The dossier's listed documents, then "other". */
static GtkWidget *
component_drop_down (Digitise *d)
{
  GtkWidget *drop_down;

  d->components = gtk_string_list_new (NULL);
  if (d->dossier->documents != NULL && JSON_NODE_HOLDS_ARRAY (d->dossier->documents))
    {
      JsonArray *array = json_node_get_array (d->dossier->documents);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *name = JSON_NODE_HOLDS_OBJECT (element)
                               ? json_object_get_string_member_with_default (json_node_get_object (element),
                                                                             "name", NULL)
                               : NULL;

          if (name != NULL && *name != '\0')
            gtk_string_list_append (d->components, name);
        }
    }
  gtk_string_list_append (d->components, _("Other document"));
  drop_down = text_drop_down_new (G_LIST_MODEL (g_object_ref (d->components)));
  d->component = GTK_DROP_DOWN (drop_down);
  return drop_down;
}

static char *
chosen_component (Digitise *d)
{
  guint selected = gtk_drop_down_get_selected (d->component);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (d->components));

  if (selected == GTK_INVALID_LIST_POSITION || selected + 1 >= n)
    return g_strdup (OTHER_COMPONENT);
  return g_strdup (gtk_string_list_get_string (d->components, selected));
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
store_bytes (Digitise   *d,
             const char *component)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = mc_store_attach (d->store, d->dossier->uuid, component, d->name, d->source,
                                                  d->data, NULL, &error);

  if (dossier == NULL)
    show_error (d->parent, _("Document Not Saved"), error->message);
}

static void
attach_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Digitise         *d)
{
  g_autofree char *component = NULL;

  if (!g_str_equal (response, "attach"))
    return;
  component = chosen_component (d);
  store_bytes (d, component);
}

/**
 * mc_digitise_attach_bytes:
 * @source: "file" or "scanner"
 *
 * Asks which of the dossier's documents these bytes are, then stores them with the dossier.
 */
void
mc_digitise_attach_bytes (GtkWindow  *parent,
                          McStore    *store,
                          McDossier  *dossier,
                          GBytes     *data,
                          const char *name,
                          const char *source)
{
  Digitise *d = digitise_new (parent, store, dossier);
  GtkWidget *dialog;

  d->data = g_bytes_ref (data);
  d->name = g_strdup (name);
  d->source = g_strdup (source);
  dialog = adw_message_dialog_new (parent, _("Which Document Is This?"), name);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      labelled (_("_Document of the dossier"), component_drop_down (d)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "attach", _("_Attach"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "attach", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "attach");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (attach_response_cb), d, digitise_closure_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                Digitise        *d)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) data = NULL;
  gsize len = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    {
      digitise_unref (d);
      return;
    }
  name = g_file_get_basename (file);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &error))
    show_error (d->parent, _("Cannot Read the File"), error->message);
  else
    {
      data = g_bytes_new_take (g_steal_pointer (&contents), len);
      mc_digitise_attach_bytes (d->parent, d->store, d->dossier, data, name, "file");
    }
  digitise_unref (d);
}

void
mc_digitise_attach_file (GtkWindow *parent,
                         McStore   *store,
                         McDossier *dossier)
{
  Digitise *d = digitise_new (parent, store, dossier);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Attach a Document"), parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF files and images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/*
 * Scanning: the device list and the scan itself run in a worker thread, so the window keeps drawing (a network
 * scanner may take seconds to answer).
 */

static void
list_devices_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *devices = mc_scanner_list_devices (&error);

  if (devices == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, devices, (GDestroyNotify) g_ptr_array_unref);
}

static void
devices_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Digitise) d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *devices = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (d->cancellable))
    {
      g_clear_pointer (&devices, g_ptr_array_unref);
      return;
    }
  if (devices == NULL)
    {
      gtk_label_set_text (d->status, error->message);
      return;
    }
  d->devices = devices;
  if (devices->len == 0)
    {
      gtk_label_set_text (d->status, _("No scanner found. Check that it is switched on and connected, then try "
                                       "again."));
      return;
    }
  for (guint i = 0; i < devices->len; i++)
    gtk_string_list_append (labels, ((McScannerDevice *) g_ptr_array_index (devices, i))->label);
  gtk_drop_down_set_model (d->device, G_LIST_MODEL (labels));
  gtk_widget_set_sensitive (GTK_WIDGET (d->device), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (d->status), FALSE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (d->dialog), "scan", TRUE);
}

typedef struct
{
  char *device;
} ScanRequest;

static void
scan_request_free (ScanRequest *request)
{
  g_free (request->device);
  g_free (request);
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanRequest *request = task_data;
  GError *error = NULL;
  GBytes *png = mc_scanner_scan_png (request->device, SCAN_DPI, FALSE, cancellable, &error);

  if (png == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, png, (GDestroyNotify) g_bytes_unref);
}

static void
scanned_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Digitise) d = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *png = g_task_propagate_pointer (G_TASK (result), &error);

  if (d->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (d->progress));
  d->progress = NULL;
  if (png == NULL)
    {
      if (!g_error_matches (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_CANCELLED))
        show_error (d->parent, _("Scan Failed"), error->message);
      return;
    }
  d->data = png;
  {
    int y, m, day;
    McMinute minute = mc_time_now ();

    mc_jdn_to_ymd (mc_minute_jdn (minute), &y, &m, &day);
    d->name = g_strdup_printf ("scan-%04d%02d%02d-%02d%02d.png", y, m, day, mc_minute_of_day (minute) / 60,
                               mc_minute_of_day (minute) % 60);
  }
  d->source = g_strdup ("scanner");
  store_bytes (d, d->component_text);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Digitise         *d)
{
  /* The dialog closes itself; the scan stops at its next read. */
  d->progress = NULL;
  g_cancellable_cancel (d->cancellable);
}

static void
scan_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Digitise         *d)
{
  g_autoptr(GTask) task = NULL;
  ScanRequest *request;
  guint selected;

  if (!g_str_equal (response, "scan"))
    {
      g_cancellable_cancel (d->cancellable);
      return;
    }
  selected = gtk_drop_down_get_selected (d->device);
  if (d->devices == NULL || selected >= d->devices->len)
    return;
  request = g_new0 (ScanRequest, 1);
  request->device = g_strdup (((McScannerDevice *) g_ptr_array_index (d->devices, selected))->name);
  d->component_text = chosen_component (d);

  d->progress = adw_message_dialog_new (d->parent, _("Scanning…"),
                                        _("Keep the document on the scanner until the scan is saved."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (d->progress), "cancel", _("_Cancel"));
  g_signal_connect (d->progress, "response", G_CALLBACK (progress_response_cb), d);
  gtk_window_present (GTK_WINDOW (d->progress));

  task = g_task_new (NULL, d->cancellable, scanned_cb, digitise_ref (d));
  g_task_set_task_data (task, request, (GDestroyNotify) scan_request_free);
  g_task_run_in_thread (task, scan_thread);
}

void
mc_digitise_scan (GtkWindow *parent,
                  McStore   *store,
                  McDossier *dossier)
{
  Digitise *d = digitise_new (parent, store, dossier);
  g_autoptr(GTask) task = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *device = text_drop_down_new (NULL);
  GtkWidget *status = gtk_label_new (_("Looking for scanners…"));

  d->device = GTK_DROP_DOWN (device);
  d->status = GTK_LABEL (status);
  gtk_widget_set_sensitive (device, FALSE);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_box_append (GTK_BOX (box), labelled (_("Sc_anner"), device));
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), labelled (_("_Document of the dossier"), component_drop_down (d)));

  d->dialog = adw_message_dialog_new (parent, _("Scan a Document"),
                                      _("Put the document on the scanner. It is scanned in grey at 200 dpi and "
                                        "saved with the dossier."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (d->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (d->dialog), "cancel", _("_Cancel"), "scan", _("_Scan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (d->dialog), "scan", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (d->dialog), "scan", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (d->dialog), "scan");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (d->dialog), "cancel");
  g_signal_connect_data (d->dialog, "response", G_CALLBACK (scan_response_cb), digitise_ref (d),
                         digitise_closure_notify, 0);
  gtk_window_present (GTK_WINDOW (d->dialog));

  task = g_task_new (NULL, NULL, devices_listed_cb, d);
  g_task_run_in_thread (task, list_devices_thread);
}

/**
 * mc_digitise_open:
 *
 * Shows a stored document in the desktop's viewer. The copy handed to the viewer sits in the user's runtime
 * folder (private, and emptied when the session ends), never beside other files.
 */
void
mc_digitise_open (GtkWindow  *parent,
                  McStore    *store,
                  const char *hash,
                  const char *media_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = mc_attachment_load (store, hash, &error);
  g_autofree char *dir = g_build_filename (g_get_user_runtime_dir (), "motcua-documents", NULL);
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  const char *extension = g_strcmp0 (media_type, "application/pdf") == 0 ? "pdf"
                          : g_strcmp0 (media_type, "image/jpeg") == 0   ? "jpg"
                                                                        : "png";

  if (data == NULL)
    {
      show_error (parent, _("Cannot Open the Document"), error->message);
      return;
    }
  file_name = g_strdup_printf ("%.16s.%s", hash, extension);
  path = g_build_filename (dir, file_name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !mc_private_file_write (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error))
    {
      show_error (parent, _("Cannot Open the Document"), error ? error->message : g_strerror (errno));
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}
