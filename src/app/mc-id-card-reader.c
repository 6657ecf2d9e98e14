/* mc-id-card-reader.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A scanner is a keyboard: the ID card's line arrives as key presses into whatever has the focus. */

#define G_LOG_DOMAIN "mc-id-card-reader"

#include "config.h"

#include "mc-id-card-reader.h"

/* A scanner types a line in well under a second; a clerk's pause this long ends a line that had no Enter. */
#define PAUSE_MS 800
#define ID_DIGITS 12
#define LINE_MAX_CHARS 2048

struct _McIdCardReader
{
  GObject     parent_instance;

  GtkWidget  *widget;     /* unowned: the reader lives as long as its controller on the widget */
  GString    *digits;     /* the digits typed last in a row, at most 12 */
  GString    *line;       /* the line being read, NULL when none */
  guint       pause_id;
};

G_DEFINE_FINAL_TYPE (McIdCardReader, mc_id_card_reader, G_TYPE_OBJECT)

enum {
  LINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finish_line (McIdCardReader *self)
{
  g_autofree char *line = NULL;

  g_clear_handle_id (&self->pause_id, g_source_remove);
  if (self->line == NULL)
    return;
  line = g_string_free (g_steal_pointer (&self->line), FALSE);
  g_signal_emit (self, signals[LINE], 0, line);
}

static gboolean
pause_cb (gpointer user_data)
{
  McIdCardReader *self = user_data;

  self->pause_id = 0;
  finish_line (self);
  return G_SOURCE_REMOVE;
}

/* The 12 digits went into the field with the focus before the `|` told what they were: take them back out. */
static void
take_back_digits (McIdCardReader *self)
{
  GtkRoot *root = gtk_widget_get_root (self->widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkEditable *editable;
  g_autofree char *typed = NULL;
  int position;

  if (focus == NULL || !GTK_IS_EDITABLE (focus))
    return;
  editable = GTK_EDITABLE (focus);
  position = gtk_editable_get_position (editable);
  if (position < ID_DIGITS)
    return;
  typed = gtk_editable_get_chars (editable, position - ID_DIGITS, position);
  if (g_strcmp0 (typed, self->digits->str) == 0)
    gtk_editable_delete_text (editable, position - ID_DIGITS, position);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                McIdCardReader        *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    {
      g_string_truncate (self->digits, 0);
      return FALSE;
    }

  if (self->line != NULL)
    {
      g_clear_handle_id (&self->pause_id, g_source_remove);
      if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
        {
          finish_line (self);
          return TRUE;
        }
      if (keyval == GDK_KEY_Escape)
        {
          g_string_free (g_steal_pointer (&self->line), TRUE);
          return TRUE;
        }
      if (c != 0 && !g_unichar_iscntrl (c) && self->line->len < LINE_MAX_CHARS)
        g_string_append_unichar (self->line, c);
      self->pause_id = g_timeout_add (PAUSE_MS, pause_cb, self);
      /* Shift and the like too: nothing of the line reaches the field. */
      return TRUE;
    }

  if (c == '|' && self->digits->len == ID_DIGITS)
    {
      take_back_digits (self);
      self->line = g_string_new (self->digits->str);
      g_string_append_c (self->line, '|');
      g_string_truncate (self->digits, 0);
      self->pause_id = g_timeout_add (PAUSE_MS, pause_cb, self);
      return TRUE;
    }

  if (c != 0 && g_ascii_isdigit (c))
    {
      if (self->digits->len == ID_DIGITS)
        g_string_erase (self->digits, 0, 1);
      g_string_append_c (self->digits, (char) c);
    }
  else if (c != 0 || (keyval != GDK_KEY_Shift_L && keyval != GDK_KEY_Shift_R))
    g_string_truncate (self->digits, 0);
  return FALSE;
}

static void
mc_id_card_reader_finalize (GObject *object)
{
  McIdCardReader *self = MC_ID_CARD_READER (object);

  g_clear_handle_id (&self->pause_id, g_source_remove);
  g_string_free (self->digits, TRUE);
  if (self->line != NULL)
    g_string_free (self->line, TRUE);

  G_OBJECT_CLASS (mc_id_card_reader_parent_class)->finalize (object);
}

static void
mc_id_card_reader_class_init (McIdCardReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_id_card_reader_finalize;

  /**
   * McIdCardReader::line:
   * @line: what the scanner typed, without its Enter
   */
  signals[LINE] = g_signal_new ("line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
mc_id_card_reader_init (McIdCardReader *self)
{
  self->digits = g_string_new (NULL);
}

static void
release_reader (gpointer  data,
                GClosure *closure)
{
  g_object_unref (data);
}

McIdCardReader *
mc_id_card_reader_new (GtkWidget *widget)
{
  McIdCardReader *self;
  GtkEventController *keys;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (MC_TYPE_ID_CARD_READER, NULL);
  self->widget = widget;
  keys = gtk_event_controller_key_new ();
  /* Before the field with the focus sees the key. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "id-card-reader");
  g_signal_connect_data (keys, "key-pressed", G_CALLBACK (key_pressed_cb), g_object_ref (self),
                         release_reader, 0);
  gtk_widget_add_controller (widget, keys);
  return self;
}
