/* test-scanner.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Scanning against SANE's test backend, and only it: the test makes a configuration folder of its own (dll.conf
 * naming the test backend, test.conf its settings) and points SANE_CONFIG_DIR at it before any SANE call. The
 * folder does not end with ':', so SANE does not add the system's folder and no real scanner is touched.
 *
 * Every test writes the whole of test.conf before it scans: the backend reads it at each sane_init, and may keep a
 * value that a later file leaves out. The settings that matter here:
 *   - the "Color pattern" picture (the backend's own default, "Solid black", would be one flat color);
 *   - a resolution of 100 dpi and the mode Gray by default, so that a scan at another resolution or in color
 *     shows that the module set them;
 *   - the scan area 80 × 100 mm: the backend makes it (int) (dpi × mm / 25.4) pixels.
 *
 * What the backend draws (test-picture.c of sane-backends), by which the pixels below are checked:
 *   8-bit gray: 10 lines repeated; lines 0 and 5 and column 0 are 0x55; on lines 1–4, bars of 4 pixels with a
 *     gap of 1, of value x / 5 (so pixel (1, 1) is 0x00); on lines 6–9 the same bars are 0xff − x / 5.
 *   8-bit color: 30 lines repeated; red bars on lines 0–9, green on 10–19, blue on 20–29, each as the gray ones
 *     (line 6: pixel 1 is pure red 0xff; line 16 pure green, line 26 pure blue).
 *   1-bit gray: 32 lines repeated; on lines 0–15 white from x = 0 to 15 then black from 16 to 31, and so on; on
 *     lines 16–31 the other way round.
 *   16-bit gray: lines 0–3 and columns 0–3 are 0x5555; then, along each line, runs of 256 pixels whose upper
 *     byte counts 0, 1, 2 … from the run's start (so pixel (4 + k, y) has the 8-bit value k).
 *   With "hand-scanner" set the backend reports lines = -1 and scans 110 × 170 mm.
 *
 * Two things about the backend. Without a test.conf its resolution is 50 / 65536 dpi (the 50 is stored as a
 * SANE_Fixed unscaled): a scan that did not set the resolution would be one pixel. And no test here makes it fail
 * a read ("read-status-code"): its reader thread is stopped with an asynchronous pthread_cancel, and stopping it in
 * the first instants after sane_start, while it allocates its picture, deadlocks in glibc's malloc about once in a
 * hundred runs. The cancelled scan below is cancelled long after that. */

#define G_LOG_DOMAIN "test-scanner"

#include "config.h"

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mc-scanner.h"

#define MM_PER_INCH 25.4
#define AREA_WIDTH_MM 80.0
#define AREA_HEIGHT_MM 100.0

static char *config_dir;

static void
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (config_dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The whole of test.conf: every setting the backend reads, then @extra (a later line wins). */
static void
write_config (const char *extra)
{
  g_autofree char *contents = g_strconcat (
    "number_of_devices 2\n"
    "mode Gray\n"
    "depth 8\n"
    "hand-scanner false\n"
    "three-pass false\n"
    "three-pass-order RGB\n"
    "resolution_min 1.0\n"
    "resolution_max 1200.0\n"
    "resolution_quant 1.0\n"
    "resolution 100.0\n"
    "scan-source \"Flatbed\"\n"
    "test-picture \"Color pattern\"\n"
    "invert-endianess false\n"
    "read-limit false\n"
    "read-limit-size 1\n"
    "read-delay false\n"
    "read-delay-duration 1000\n"
    "read-status-code \"Default\"\n"
    "fuzzy-parameters false\n"
    "ppl-loss 0\n"
    "non-blocking false\n"
    "select-fd false\n"
    "enable-test-options false\n"
    "geometry_min 0.0\n"
    "geometry_max 200.0\n"
    "geometry_quant 1.0\n"
    "tl_x 0.0\n"
    "tl_y 0.0\n"
    "br_x 80.0\n"
    "br_y 100.0\n",
    extra, NULL);

  write_file ("test.conf", contents);
}

static int
side (int    dpi,
      double mm)
{
  return (int) (dpi * mm / MM_PER_INCH);
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* Scans, checks that the bytes are a PNG file, and reads them back. */
static cairo_surface_t *
scan (const char *device,
      int         dpi,
      gboolean    color)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = mc_scanner_scan_png (device, dpi, color, NULL, &error);
  PngReader reader;
  cairo_surface_t *surface;

  g_assert_no_error (error);
  g_assert_nonnull (png);
  g_assert_cmpuint (g_bytes_get_size (png), >, sizeof signature);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), sizeof signature, signature, sizeof signature);

  reader.data = g_bytes_get_data (png, &reader.left);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_RGB24);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  memcpy (&value, data + (gsize) y * stride + (gsize) x * 4, sizeof value);
  return value & 0xffffff;
}

static gboolean
is_gray (guint32 rgb)
{
  return (rgb >> 16) == ((rgb >> 8) & 0xff) && ((rgb >> 8) & 0xff) == (rgb & 0xff);
}

/* The distinct values of the image; counts how many pixels are not gray. */
static GHashTable *
distinct_values (cairo_surface_t *surface,
                 guint           *out_colored)
{
  GHashTable *values = g_hash_table_new (NULL, NULL);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  *out_colored = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 rgb = pixel (surface, x, y);

        g_hash_table_add (values, GUINT_TO_POINTER (rgb));
        if (!is_gray (rgb))
          (*out_colored)++;
      }
  return values;
}

static void
assert_size (cairo_surface_t *surface,
             int              width,
             int              height)
{
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
}

static void
test_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  gboolean found = FALSE;

  write_config ("");
  devices = mc_scanner_list_devices (&error);
  g_assert_no_error (error);
  g_assert_nonnull (devices);
  g_assert_cmpuint (devices->len, ==, 2);
  for (guint i = 0; i < devices->len; i++)
    {
      McScannerDevice *device = g_ptr_array_index (devices, i);

      if (g_strcmp0 (device->name, "test:0") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (device->label, ==, "Noname frontend-tester");
        }
    }
  g_assert_true (found);

  /* No backend at all: an empty list, not a failure. */
  write_file ("dll.conf", "# none\n");
  g_clear_pointer (&devices, g_ptr_array_unref);
  devices = mc_scanner_list_devices (&error);
  write_file ("dll.conf", "test\n");
  g_assert_no_error (error);
  g_assert_nonnull (devices);
  g_assert_cmpuint (devices->len, ==, 0);
}

static void
test_gray (void)
{
  g_autoptr(GHashTable) values = NULL;
  cairo_surface_t *surface;
  guint colored;

  write_config ("");
  surface = scan ("test:0", 50, FALSE);
  assert_size (surface, side (50, AREA_WIDTH_MM), side (50, AREA_HEIGHT_MM));
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 100);
  values = distinct_values (surface, &colored);
  g_assert_cmpuint (colored, ==, 0);
  g_assert_cmpuint (g_hash_table_size (values), >=, 3);
  g_assert_cmphex (pixel (surface, 0, 0), ==, 0x555555);
  g_assert_cmphex (pixel (surface, 1, 1), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 1, 7), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 1, 11), ==, 0x000000);   /* the next band: rows are not shifted */
  cairo_surface_destroy (surface);
}

static void
test_color (void)
{
  g_autoptr(GHashTable) values = NULL;
  cairo_surface_t *surface;
  guint colored;

  write_config ("");
  surface = scan ("test:0", 75, TRUE);
  assert_size (surface, side (75, AREA_WIDTH_MM), side (75, AREA_HEIGHT_MM));
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 100);
  values = distinct_values (surface, &colored);
  g_assert_cmpuint (colored, >, 1000);
  g_assert_cmpuint (g_hash_table_size (values), >=, 3);
  g_assert_cmphex (pixel (surface, 0, 0), ==, 0x555555);
  g_assert_cmphex (pixel (surface, 1, 6), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 1, 16), ==, 0x00ff00);
  g_assert_cmphex (pixel (surface, 1, 26), ==, 0x0000ff);
  g_assert_cmphex (pixel (surface, 1, 36), ==, 0xff0000);
  cairo_surface_destroy (surface);
}

/* Lines padded at their end (bytes_per_line longer than the pixels need): the rows do not slide. */
static void
test_padded_lines (void)
{
  cairo_surface_t *surface;

  write_config ("ppl-loss 5\n");
  surface = scan ("test:0", 50, FALSE);
  assert_size (surface, side (50, AREA_WIDTH_MM) - 5, side (50, AREA_HEIGHT_MM));
  g_assert_cmphex (pixel (surface, 0, 0), ==, 0x555555);
  g_assert_cmphex (pixel (surface, 1, 7), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 0, 100), ==, 0x555555);
  g_assert_cmphex (pixel (surface, 1, 101), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 1, 107), ==, 0xffffff);
  cairo_surface_destroy (surface);
}

/* A three-pass scanner sends red, green and blue one after the other: the same picture as in one pass. */
static void
test_three_pass (void)
{
  cairo_surface_t *one_pass;
  cairo_surface_t *three_pass;
  int width, height;

  write_config ("");
  one_pass = scan ("test:0", 50, TRUE);
  write_config ("mode Color\nthree-pass true\nthree-pass-order GBR\n");
  three_pass = scan ("test:0", 50, TRUE);
  width = side (50, AREA_WIDTH_MM);
  height = side (50, AREA_HEIGHT_MM);
  assert_size (three_pass, width, height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel (one_pass, x, y) != pixel (three_pass, x, y))
        g_error ("Pixel (%d, %d): %06x in one pass, %06x in three", x, y, pixel (one_pass, x, y),
                 pixel (three_pass, x, y));
  cairo_surface_destroy (one_pass);
  cairo_surface_destroy (three_pass);
}

/* A hand scanner does not know the height: lines = -1, the height comes from the data. */
static void
test_unknown_height (void)
{
  g_autoptr(GHashTable) values = NULL;
  cairo_surface_t *surface;
  guint colored;

  write_config ("hand-scanner true\n");
  surface = scan ("test:0", 50, FALSE);
  assert_size (surface, side (50, 110.0), side (50, 170.0));
  values = distinct_values (surface, &colored);
  g_assert_cmpuint (g_hash_table_size (values), >=, 3);
  g_assert_cmphex (pixel (surface, 1, 7), ==, 0xffffff);
  cairo_surface_destroy (surface);
}

/* 1-bit lineart: set bits are black. */
static void
test_lineart (void)
{
  g_autoptr(GHashTable) values = NULL;
  cairo_surface_t *surface;
  guint colored;

  write_config ("depth 1\n");
  surface = scan ("test:0", 50, FALSE);
  assert_size (surface, side (50, AREA_WIDTH_MM), side (50, AREA_HEIGHT_MM));
  values = distinct_values (surface, &colored);
  g_assert_cmpuint (g_hash_table_size (values), ==, 2);
  g_assert_true (g_hash_table_contains (values, GUINT_TO_POINTER (0x000000)));
  g_assert_true (g_hash_table_contains (values, GUINT_TO_POINTER (0xffffff)));
  g_assert_cmphex (pixel (surface, 0, 0), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 15, 0), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 16, 0), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 0, 16), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 16, 16), ==, 0xffffff);
  cairo_surface_destroy (surface);
}

/* 16-bit samples are cut to their upper byte. */
static void
test_16_bit (void)
{
  cairo_surface_t *surface;

  write_config ("depth 16\n");
  surface = scan ("test:0", 50, FALSE);
  assert_size (surface, side (50, AREA_WIDTH_MM), side (50, AREA_HEIGHT_MM));
  g_assert_cmphex (pixel (surface, 0, 0), ==, 0x555555);
  g_assert_cmphex (pixel (surface, 4, 10), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 4 + 100, 10), ==, 0x646464);
  g_assert_cmphex (pixel (surface, 4 + 150, 50), ==, 0x969696);
  cairo_surface_destroy (surface);
}

static void
test_unknown_device (void)
{
  static const char *names[] = { "test:7", "nosuch:0" };

  write_config ("");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = mc_scanner_scan_png (names[i], 50, FALSE, NULL, &error);

      g_assert_null (png);
      g_assert_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_NO_DEVICE);
      g_assert_nonnull (strstr (error->message, names[i]));
    }
}

/* 200 mm at 3000 dpi is 23 622 pixels: refused before it is read. */
static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  write_config ("resolution_max 3000.0\nbr_x 200.0\nbr_y 200.0\n");
  png = mc_scanner_scan_png ("test:0", 3000, FALSE, NULL, &error);
  g_assert_null (png);
  g_assert_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_cancelled_before (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) png = NULL;

  write_config ("");
  g_cancellable_cancel (cancellable);
  png = mc_scanner_scan_png ("test:0", 50, FALSE, cancellable, &error);
  g_assert_null (png);
  g_assert_error (error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_CANCELLED);
}

typedef struct
{
  GCancellable *cancellable;
  GError       *error;
  GBytes       *png;
} SlowScan;

static gpointer
slow_scan_thread (gpointer data)
{
  SlowScan *slow = data;

  slow->png = mc_scanner_scan_png ("test:0", 100, FALSE, slow->cancellable, &slow->error);
  return NULL;
}

/* Cancelled while the page is being read: the backend waits 0.2 s before each of its 40 blocks of 10 lines, so the
 * whole page would take 8 s; it is cancelled after 0.5 s, from another thread as the window does. */
static void
test_cancelled_while_reading (void)
{
  SlowScan slow = { g_cancellable_new (), NULL, NULL };
  cairo_surface_t *surface;
  GThread *thread;
  gint64 start;
  gint64 elapsed;

  write_config ("read-delay true\nread-delay-duration 200000\n");
  start = g_get_monotonic_time ();
  thread = g_thread_new ("scan", slow_scan_thread, &slow);
  g_usleep (500 * 1000);
  g_cancellable_cancel (slow.cancellable);
  g_thread_join (thread);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (slow.png);
  g_assert_error (slow.error, MC_SCANNER_ERROR, MC_SCANNER_ERROR_CANCELLED);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
  g_clear_error (&slow.error);
  g_clear_object (&slow.cancellable);

  /* Nothing was left open or locked. */
  write_config ("");
  surface = scan ("test:0", 50, FALSE);
  assert_size (surface, side (50, AREA_WIDTH_MM), side (50, AREA_HEIGHT_MM));
  cairo_surface_destroy (surface);
}

static void
remove_config_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (config_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (config_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (config_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before any SANE call: SANE reads the variable once. No ':' at the end, so only this folder is searched. */
  config_dir = g_dir_make_tmp ("motcua-sane-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("SANE_CONFIG_DIR", config_dir, TRUE);
  write_file ("dll.conf", "test\n");
  write_config ("");

  g_test_add_func ("/scanner/list", test_list);
  g_test_add_func ("/scanner/gray", test_gray);
  g_test_add_func ("/scanner/color", test_color);
  g_test_add_func ("/scanner/padded-lines", test_padded_lines);
  g_test_add_func ("/scanner/three-pass", test_three_pass);
  g_test_add_func ("/scanner/unknown-height", test_unknown_height);
  g_test_add_func ("/scanner/lineart", test_lineart);
  g_test_add_func ("/scanner/16-bit", test_16_bit);
  g_test_add_func ("/scanner/unknown-device", test_unknown_device);
  g_test_add_func ("/scanner/too-large", test_too_large);
  g_test_add_func ("/scanner/cancelled-before", test_cancelled_before);
  g_test_add_func ("/scanner/cancelled-while-reading", test_cancelled_while_reading);

  status = g_test_run ();
  remove_config_dir ();
  g_free (config_dir);
  return status;
}
