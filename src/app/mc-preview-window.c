/* mc-preview-window.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-preview-window"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "mc-preview-window.h"
#include "mc-print-operation.h"

/* Shows a form exactly as it prints: Poppler renders the PDF bytes our renderer produced. */
struct _McPreviewWindow
{
  AdwWindow        parent_instance;

  McDocument      *document;
  GBytes          *pdf;
  PopplerDocument *poppler;
  char            *title;
  int              page;
  double           zoom;

  AdwWindowTitle  *window_title;
  GtkPicture      *picture;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (McPreviewWindow, mc_preview_window, ADW_TYPE_WINDOW)

static void
free_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

static void
render_page (McPreviewWindow *self)
{
  g_autoptr(GObject) page_object = G_OBJECT (poppler_document_get_page (self->poppler, self->page));
  PopplerPage *page = POPPLER_PAGE (page_object);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *subtitle = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int pw, ph;

  if (page_object == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  pw = (int) (width * self->zoom * scale);
  ph = (int) (height * self->zoom * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cr = cairo_create (surface);
  cairo_scale (cr, self->zoom * scale, self->zoom * scale);
  poppler_page_render (page, cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OVER);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Zero-copy: the texture keeps the surface alive. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * ph,
                                      free_surface, surface);
  texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), pw / scale, ph / scale);

  /* Translators: page indicator of the form preview */
  subtitle = g_strdup_printf (_("Page %d of %d"), self->page + 1, poppler_document_get_n_pages (self->poppler));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page",
                                 self->page + 1 < poppler_document_get_n_pages (self->poppler));
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McPreviewWindow *self = MC_PREVIEW_WINDOW (widget);
  int n = poppler_document_get_n_pages (self->poppler);

  if (g_str_equal (action_name, "preview.next-page"))
    self->page = MIN (self->page + 1, n - 1);
  else
    self->page = MAX (self->page - 1, 0);
  render_page (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McPreviewWindow *self = MC_PREVIEW_WINDOW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    self->zoom = MIN (self->zoom * 1.25, 4.0);
  else
    self->zoom = MAX (self->zoom / 1.25, 0.4);
  render_page (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  McPreviewWindow *self = MC_PREVIEW_WINDOW (widget);

  mc_print_document (GTK_WINDOW (self), self->document, self->title);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  McPreviewWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      if (path == NULL || !mc_document_write_pdf (self->document, path, &error))
        {
          GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("The PDF Was Not Saved"),
                                                       error ? error->message : _("Choose a local folder."));

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  g_clear_object (&self->chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McPreviewWindow *self = MC_PREVIEW_WINDOW (widget);
  g_autofree char *name = g_strdup_printf ("%s.pdf", self->title);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
mc_preview_window_dispose (GObject *object)
{
  McPreviewWindow *self = MC_PREVIEW_WINDOW (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->poppler);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (mc_preview_window_parent_class)->dispose (object);
}

static void
mc_preview_window_class_init (McPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_preview_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/motcua/Desk/mc-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McPreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, McPreviewWindow, picture);

  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_preview_window_init (McPreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = 1.0;
}

McPreviewWindow *
mc_preview_window_new (McDocument  *document,
                       const char  *title,
                       GError     **error)
{
  g_autoptr(McPreviewWindow) self = NULL;
  g_autoptr(GError) poppler_error = NULL;

  self = g_object_ref_sink (g_object_new (MC_TYPE_PREVIEW_WINDOW, NULL));
  self->document = g_object_ref (document);
  self->title = g_strdup (title);
  self->pdf = mc_document_to_pdf_bytes (document, error);
  if (self->pdf == NULL)
    return NULL;
  self->poppler = poppler_document_new_from_bytes (self->pdf, NULL, &poppler_error);
  if (self->poppler == NULL)
    {
      g_set_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_WRITE,
                   _("The preview could not be shown: %s"), poppler_error->message);
      return NULL;
    }
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  render_page (self);
  return g_steal_pointer (&self);
}

/**
 * mc_preview_window_set_draft:
 *
 * The document is a draft that nothing has recorded yet (the apology letter before the clerk confirms it): it
 * can be read but neither printed nor saved, so no unnumbered paper reaches a citizen.
 */
void
mc_preview_window_set_draft (McPreviewWindow *self)
{
  g_return_if_fail (MC_IS_PREVIEW_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save", FALSE);
}

int
mc_preview_window_get_n_pages (McPreviewWindow *self)
{
  g_return_val_if_fail (MC_IS_PREVIEW_WINDOW (self), 0);
  return poppler_document_get_n_pages (self->poppler);
}
