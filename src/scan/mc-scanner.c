/* mc-scanner.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Scanning at the desk, over SANE: the list of scanners, and one page scanned into a PNG.
 *
 * Every public call starts SANE and stops it again before it returns (sane_init … sane_exit), holding a lock for
 * the whole time, so that the calls can come from any thread (the window scans from a worker thread) and no SANE
 * state outlives a call: a scanner plugged in later is found by the next call, and a failure leaves nothing open.
 *
 * A scan sets the options "mode" (Color or Gray) and "resolution" when the scanner has them, then reads every
 * frame: one gray or RGB frame, or three single-color frames from a three-pass scanner; samples of 1, 8 or 16
 * bits (16 is cut to 8; 1-bit lineart is spread to black and white); a height of -1 (a hand-held or sheet-fed
 * scanner that does not know it in advance) is taken from the data. The cancellable is checked between reads. */

#define G_LOG_DOMAIN "mc-scanner"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <sane/sane.h>
#include <sane/saneopts.h>
#include <string.h>

#include "mc-scanner.h"

G_DEFINE_QUARK (mc-scanner-error-quark, mc_scanner_error)

#define READ_CHUNK (64 * 1024)
#define MAX_FRAMES 3
#define MAX_OPTIONS 4096

/* SANE is not thread-safe: one call at a time, from sane_init to sane_exit. */
static GMutex sane_lock;

typedef struct
{
  SANE_Parameters  params;
  GByteArray      *data;
} Frame;

static void
frame_free (Frame *frame)
{
  g_clear_pointer (&frame->data, g_byte_array_unref);
  g_free (frame);
}

void
mc_scanner_device_free (McScannerDevice *device)
{
  if (device == NULL)
    return;
  g_free (device->name);
  g_free (device->label);
  g_free (device);
}

/* Why SANE said no, for a clerk. */
static const char *
status_text (SANE_Status status)
{
  switch (status)
    {
    case SANE_STATUS_DEVICE_BUSY:
      return _("it is busy; wait a moment and try again");
    case SANE_STATUS_JAMMED:
      return _("the paper is jammed");
    case SANE_STATUS_NO_DOCS:
      return _("there is no paper in the feeder");
    case SANE_STATUS_COVER_OPEN:
      return _("the cover is open");
    case SANE_STATUS_IO_ERROR:
      return _("the connection to the scanner failed");
    case SANE_STATUS_NO_MEM:
      return _("there is not enough memory");
    case SANE_STATUS_ACCESS_DENIED:
      return _("access to the scanner was refused");
    case SANE_STATUS_GOOD:
    case SANE_STATUS_UNSUPPORTED:
    case SANE_STATUS_CANCELLED:
    case SANE_STATUS_INVAL:
    case SANE_STATUS_EOF:
    default:
      return sane_strstatus (status);
    }
}

static gboolean
set_cancelled_error (GError **error)
{
  g_set_error_literal (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_CANCELLED, _("Scanning was cancelled"));
  return FALSE;
}

/* Starts SANE; the caller holds sane_lock and calls sane_exit () when this returned TRUE. */
static gboolean
sane_begin (GError **error)
{
  SANE_Int version = 0;
  SANE_Status status = sane_init (&version, NULL);

  if (status != SANE_STATUS_GOOD)
    {
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_UNAVAILABLE,
                   _("Scanning is not available on this computer: %s"), status_text (status));
      return FALSE;
    }
  if (SANE_VERSION_MAJOR (version) != SANE_CURRENT_MAJOR)
    {
      sane_exit ();
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_UNAVAILABLE,
                   _("Scanning is not available on this computer: SANE %d is not supported"),
                   SANE_VERSION_MAJOR (version));
      return FALSE;
    }
  return TRUE;
}

static char *
device_label (const SANE_Device *device)
{
  g_autofree char *vendor = g_utf8_make_valid (device->vendor != NULL ? device->vendor : "", -1);
  g_autofree char *model = g_utf8_make_valid (device->model != NULL ? device->model : "", -1);
  g_autofree char *label = NULL;

  g_strstrip (vendor);
  g_strstrip (model);
  /* Many backends repeat the vendor in the model ("HP" "HP LaserJet MFP M28w"). */
  if (*vendor != '\0' && g_ascii_strncasecmp (model, vendor, strlen (vendor)) == 0)
    label = g_strdup (model);
  else
    label = g_strstrip (g_strdup_printf ("%s %s", vendor, model));
  if (*label == '\0')
    return g_utf8_make_valid (device->name, -1);
  return g_steal_pointer (&label);
}

/**
 * mc_scanner_list_devices:
 *
 * The scanners SANE finds, on this computer and on the network.
 *
 * Returns: (transfer full) (element-type McScannerDevice): the scanners, an empty array when there are none
 */
GPtrArray *
mc_scanner_list_devices (GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sane_lock);
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_scanner_device_free);
  const SANE_Device **list = NULL;
  SANE_Status status;

  if (!sane_begin (error))
    return NULL;
  status = sane_get_devices (&list, SANE_FALSE);
  if (status != SANE_STATUS_GOOD)
    {
      sane_exit ();
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                   _("The list of scanners could not be read: %s"), status_text (status));
      return NULL;
    }
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      McScannerDevice *device;

      if (list[i]->name == NULL || *list[i]->name == '\0')
        continue;
      device = g_new0 (McScannerDevice, 1);
      device->name = g_strdup (list[i]->name);
      device->label = device_label (list[i]);
      g_ptr_array_add (devices, device);
    }
  sane_exit ();
  return g_steal_pointer (&devices);
}

/* The number of the option called @name when it can be set now, or -1. */
static SANE_Int
find_option (SANE_Handle                     handle,
             const char                     *name,
             const SANE_Option_Descriptor  **out_descriptor)
{
  SANE_Int count = 0;

  if (sane_get_option_descriptor (handle, 0) == NULL
      || sane_control_option (handle, 0, SANE_ACTION_GET_VALUE, &count, NULL) != SANE_STATUS_GOOD)
    return -1;
  count = CLAMP (count, 0, MAX_OPTIONS);
  for (SANE_Int i = 1; i < count; i++)
    {
      const SANE_Option_Descriptor *descriptor = sane_get_option_descriptor (handle, i);

      if (descriptor == NULL || g_strcmp0 (descriptor->name, name) != 0)
        continue;
      if (!SANE_OPTION_IS_ACTIVE (descriptor->cap) || !SANE_OPTION_IS_SETTABLE (descriptor->cap))
        return -1;
      *out_descriptor = descriptor;
      return i;
    }
  return -1;
}

/* The scanner's own name for color or gray: "Color" and "Gray" as SANE recommends, else the first mode that
 * says so ("24bit Color", "True Gray"); NULL when it has none. */
static const char *
pick_mode (const SANE_Option_Descriptor *descriptor,
           gboolean                      color)
{
  const char *wanted = color ? SANE_VALUE_SCAN_MODE_COLOR : SANE_VALUE_SCAN_MODE_GRAY;
  const char *words[2] = { color ? "color" : "gray", color ? "colour" : "grey" };
  const SANE_String_Const *list = descriptor->constraint.string_list;

  if (descriptor->type != SANE_TYPE_STRING)
    return NULL;
  if (descriptor->constraint_type != SANE_CONSTRAINT_STRING_LIST || list == NULL)
    return wanted;
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], wanted) == 0)
      return list[i];
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (list[i], -1);

      if (strstr (lower, words[0]) != NULL || strstr (lower, words[1]) != NULL)
        return list[i];
    }
  return NULL;
}

static gboolean
set_mode (SANE_Handle   handle,
          const char   *device_name,
          gboolean      color,
          GError      **error)
{
  const SANE_Option_Descriptor *descriptor = NULL;
  SANE_Int option = find_option (handle, SANE_NAME_SCAN_MODE, &descriptor);
  g_autofree char *value = NULL;
  const char *mode;
  SANE_Status status;

  if (option < 0)
    return TRUE;
  mode = pick_mode (descriptor, color);
  if (mode == NULL)
    {
      g_debug ("%s has no %s mode; scanning in its current mode", device_name, color ? "color" : "gray");
      return TRUE;
    }
  /* A string option's value is read into a buffer of the option's size. */
  value = g_malloc0 (MAX ((gsize) MAX (descriptor->size, 0), strlen (mode) + 1));
  strcpy (value, mode);
  status = sane_control_option (handle, option, SANE_ACTION_SET_VALUE, value, NULL);
  if (status != SANE_STATUS_GOOD)
    {
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                   color ? _("The scanner “%s” cannot scan in color: %s")
                         : _("The scanner “%s” cannot scan in gray: %s"),
                   device_name, status_text (status));
      return FALSE;
    }
  return TRUE;
}

/* @wanted as near as the option's constraint allows (a list of values, or a range). */
static SANE_Word
constrain_word (const SANE_Option_Descriptor *descriptor,
                SANE_Word                     wanted)
{
  if (descriptor->constraint_type == SANE_CONSTRAINT_WORD_LIST && descriptor->constraint.word_list != NULL
      && descriptor->constraint.word_list[0] > 0)
    {
      const SANE_Word *list = descriptor->constraint.word_list;
      SANE_Word best = list[1];

      for (SANE_Int i = 2; i <= list[0]; i++)
        if (ABS ((gint64) list[i] - wanted) < ABS ((gint64) best - wanted))
          best = list[i];
      return best;
    }
  if (descriptor->constraint_type == SANE_CONSTRAINT_RANGE && descriptor->constraint.range != NULL)
    return CLAMP (wanted, descriptor->constraint.range->min, descriptor->constraint.range->max);
  return wanted;
}

static gboolean
set_resolution (SANE_Handle   handle,
                const char   *device_name,
                int           dpi,
                GError      **error)
{
  const SANE_Option_Descriptor *descriptor = NULL;
  SANE_Int option = find_option (handle, SANE_NAME_SCAN_RESOLUTION, &descriptor);
  SANE_Word value;
  SANE_Status status;

  if (option < 0 || descriptor->size != sizeof (SANE_Word))
    return TRUE;
  if (descriptor->type == SANE_TYPE_INT)
    value = dpi;
  else if (descriptor->type == SANE_TYPE_FIXED)
    value = SANE_FIX (dpi);
  else
    return TRUE;
  value = constrain_word (descriptor, value);
  /* SANE_INFO_INEXACT (the scanner rounded the value to one it has) is fine. */
  status = sane_control_option (handle, option, SANE_ACTION_SET_VALUE, &value, NULL);
  if (status != SANE_STATUS_GOOD)
    {
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                   _("The scanner “%s” cannot scan at %d dpi: %s"), device_name, dpi, status_text (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_unreadable_error (const char  *device_name,
                      GError     **error)
{
  g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
               _("The scanner “%s” sends images in a form this program cannot read"), device_name);
  return FALSE;
}

static gboolean
set_too_large_error (const char  *device_name,
                     GError     **error)
{
  g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
               _("The scan from “%s” is too large; choose a lower resolution"), device_name);
  return FALSE;
}

static gboolean
check_parameters (const SANE_Parameters  *p,
                  const char             *device_name,
                  GError                **error)
{
  int channels;

  switch (p->format)
    {
    case SANE_FRAME_GRAY:
    case SANE_FRAME_RED:
    case SANE_FRAME_GREEN:
    case SANE_FRAME_BLUE:
      channels = 1;
      break;
    case SANE_FRAME_RGB:
      channels = 3;
      break;
    default:
      return set_unreadable_error (device_name, error);
    }
  if (p->depth != 1 && p->depth != 8 && p->depth != 16)
    return set_unreadable_error (device_name, error);
  if (p->pixels_per_line > MC_SCANNER_MAX_SIDE || p->lines > MC_SCANNER_MAX_SIDE)
    return set_too_large_error (device_name, error);
  if (p->pixels_per_line < 1 || (p->lines < 1 && p->lines != -1)
      || p->bytes_per_line < ((gint64) p->pixels_per_line * channels * p->depth + 7) / 8)
    return set_unreadable_error (device_name, error);
  return TRUE;
}

/* Reads one frame up to its end. */
static Frame *
read_frame (SANE_Handle    handle,
            const char    *device_name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autofree SANE_Byte *chunk = g_malloc (READ_CHUNK);
  SANE_Parameters params;
  SANE_Status status;
  gsize limit;
  Frame *frame;

  status = sane_get_parameters (handle, &params);
  if (status != SANE_STATUS_GOOD)
    {
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                   _("Scanning on “%s” failed: %s"), device_name, status_text (status));
      return NULL;
    }
  if (!check_parameters (&params, device_name, error))
    return NULL;
  limit = (gsize) params.bytes_per_line * (params.lines > 0 ? (gsize) params.lines : MC_SCANNER_MAX_SIDE);
  data = g_byte_array_sized_new (params.lines > 0 ? limit : (gsize) params.bytes_per_line * 256);
  for (;;)
    {
      SANE_Int length = 0;

      if (g_cancellable_is_cancelled (cancellable))
        {
          sane_cancel (handle);
          set_cancelled_error (error);
          return NULL;
        }
      status = sane_read (handle, chunk, READ_CHUNK, &length);
      if (status == SANE_STATUS_EOF)
        break;
      if (status == SANE_STATUS_CANCELLED)
        {
          set_cancelled_error (error);
          return NULL;
        }
      if (status != SANE_STATUS_GOOD)
        {
          g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                       _("Scanning on “%s” failed: %s"), device_name, status_text (status));
          return NULL;
        }
      if (length <= 0)
        continue;
      if (data->len + (gsize) length > limit)
        {
          /* A scanner that does not know the height has gone on for too long; one that knew it sent more
           * than it said, which is dropped. */
          if (params.lines < 0)
            {
              set_too_large_error (device_name, error);
              return NULL;
            }
          length = (SANE_Int) (limit - data->len);
        }
      g_byte_array_append (data, chunk, (guint) length);
    }

  frame = g_new0 (Frame, 1);
  frame->params = params;
  frame->data = g_steal_pointer (&data);
  return frame;
}

/* Starts the scan and reads all its frames; the caller cancels and closes the scanner. */
static GPtrArray *
read_frames (SANE_Handle    handle,
             const char    *device_name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);

  for (;;)
    {
      SANE_Parameters estimate;
      SANE_Status status;
      Frame *frame;

      /* The scanner's estimate before it starts: a page that would be too large is refused without moving it.
       * (The exact size is checked again once it has started.) */
      if (sane_get_parameters (handle, &estimate) == SANE_STATUS_GOOD
          && (estimate.pixels_per_line > MC_SCANNER_MAX_SIDE || estimate.lines > MC_SCANNER_MAX_SIDE))
        {
          set_too_large_error (device_name, error);
          return NULL;
        }
      if (g_cancellable_is_cancelled (cancellable))
        {
          set_cancelled_error (error);
          return NULL;
        }
      if (frames->len >= MAX_FRAMES)
        {
          set_unreadable_error (device_name, error);
          return NULL;
        }
      status = sane_start (handle);
      if (status == SANE_STATUS_CANCELLED)
        {
          set_cancelled_error (error);
          return NULL;
        }
      if (status != SANE_STATUS_GOOD)
        {
          g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                       _("The scanner “%s” could not start scanning: %s"), device_name, status_text (status));
          return NULL;
        }
      frame = read_frame (handle, device_name, cancellable, error);
      if (frame == NULL)
        return NULL;
      g_ptr_array_add (frames, frame);
      if (frame->params.last_frame)
        return g_steal_pointer (&frames);
    }
}

/* Sample @index of a row, as 8 bits. In a 1-bit gray image 1 is black; 16-bit samples are in the machine's
 * byte order. */
static inline guint8
sample_at (const guint8 *row,
           int           depth,
           gsize         index,
           gboolean      one_is_black)
{
  switch (depth)
    {
    case 1:
      {
        gboolean set = (row[index / 8] >> (7 - index % 8)) & 1;

        return set == one_is_black ? 0x00 : 0xff;
      }
    case 16:
      {
        guint16 value;

        memcpy (&value, row + 2 * index, sizeof value);
        return value >> 8;
      }
    case 8:
    default:
      return row[index];
    }
}

static cairo_surface_t *
frames_to_surface (GPtrArray   *frames,
                   const char  *device_name,
                   GError     **error)
{
  const Frame *first = g_ptr_array_index (frames, 0);
  int width = first->params.pixels_per_line;
  int height = MC_SCANNER_MAX_SIDE;
  cairo_surface_t *surface;
  guint8 *pixels;
  int stride;

  for (guint i = 0; i < frames->len; i++)
    {
      const Frame *frame = g_ptr_array_index (frames, i);
      int rows = (int) (frame->data->len / (guint) frame->params.bytes_per_line);

      if (frame->params.pixels_per_line != width)
        {
          set_unreadable_error (device_name, error);
          return NULL;
        }
      if (frame->params.lines > 0)
        rows = MIN (rows, frame->params.lines);
      height = MIN (height, rows);
    }
  if (height < 1)
    {
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                   _("The scanner “%s” sent an empty page"), device_name);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                   _("The scan from “%s” could not be kept: %s"), device_name,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint i = 0; i < frames->len; i++)
    {
      const Frame *frame = g_ptr_array_index (frames, i);
      const SANE_Parameters *p = &frame->params;

      for (int y = 0; y < height; y++)
        {
          const guint8 *row = frame->data->data + (gsize) y * (gsize) p->bytes_per_line;
          guint32 *out = (guint32 *) (gpointer) (pixels + (gsize) y * (gsize) stride);

          for (int x = 0; x < width; x++)
            {
              switch (p->format)
                {
                case SANE_FRAME_GRAY:
                  {
                    guint32 v = sample_at (row, p->depth, (gsize) x, TRUE);

                    out[x] = (v << 16) | (v << 8) | v;
                  }
                  break;
                case SANE_FRAME_RGB:
                  out[x] = ((guint32) sample_at (row, p->depth, (gsize) x * 3 + 0, FALSE) << 16)
                           | ((guint32) sample_at (row, p->depth, (gsize) x * 3 + 1, FALSE) << 8)
                           | (guint32) sample_at (row, p->depth, (gsize) x * 3 + 2, FALSE);
                  break;
                case SANE_FRAME_RED:
                  out[x] = (out[x] & 0x00ffff) | ((guint32) sample_at (row, p->depth, (gsize) x, FALSE) << 16);
                  break;
                case SANE_FRAME_GREEN:
                  out[x] = (out[x] & 0xff00ff) | ((guint32) sample_at (row, p->depth, (gsize) x, FALSE) << 8);
                  break;
                case SANE_FRAME_BLUE:
                default:
                  out[x] = (out[x] & 0xffff00) | (guint32) sample_at (row, p->depth, (gsize) x, FALSE);
                  break;
                }
            }
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * mc_scanner_scan_png:
 * @device_name: a name from mc_scanner_list_devices ()
 * @dpi: the resolution, in dots per inch (the nearest the scanner has)
 * @color: color, else gray
 * @cancellable: (nullable): checked between reads; the scan stops at once
 *
 * Scans one page. May block for a long time (the scanner's lamp warming up, the page moving under it): call it
 * from a worker thread.
 *
 * Returns: (transfer full): the page as a PNG file
 */
GBytes *
mc_scanner_scan_png (const char    *device_name,
                     int            dpi,
                     gboolean       color,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) frames = NULL;
  g_autoptr(GByteArray) png = NULL;
  cairo_surface_t *surface;
  cairo_status_t cairo_status;
  SANE_Handle handle = NULL;
  SANE_Status status;

  g_return_val_if_fail (device_name != NULL, NULL);
  g_return_val_if_fail (dpi > 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_is_cancelled (cancellable))
    {
      set_cancelled_error (error);
      return NULL;
    }

  locker = g_mutex_locker_new (&sane_lock);
  if (!sane_begin (error))
    return NULL;
  status = sane_open (device_name, &handle);
  if (status != SANE_STATUS_GOOD)
    {
      sane_exit ();
      if (status == SANE_STATUS_INVAL)
        g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_NO_DEVICE,
                     _("The scanner “%s” was not found; check that it is switched on and connected"), device_name);
      else
        g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                     _("The scanner “%s” could not be opened: %s"), device_name, status_text (status));
      return NULL;
    }
  /* The mode first: it may change which resolutions there are. */
  if (set_mode (handle, device_name, color, error) && set_resolution (handle, device_name, dpi, error))
    frames = read_frames (handle, device_name, cancellable, error);
  sane_cancel (handle);
  sane_close (handle);
  sane_exit ();
  g_clear_pointer (&locker, g_mutex_locker_free);
  if (frames == NULL)
    return NULL;

  surface = frames_to_surface (frames, device_name, error);
  if (surface == NULL)
    return NULL;
  g_clear_pointer (&frames, g_ptr_array_unref);
  png = g_byte_array_new ();
  cairo_status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (cairo_status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED,
                   _("The scan from “%s” could not be kept: %s"), device_name, cairo_status_to_string (cairo_status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
