/* bench-app.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* motcua-bench-app --db PATH | --bare: the time from the start of main() to the main window's first painted
 * frame (the frame clock's "after-paint"), and the resident memory (VmRSS) at that moment, then quits.
 * --bare measures an empty AdwApplicationWindow with a header bar the same way: the floor every libadwaita
 * application pays. One measurement per process; bench/run starts it several times and takes the median.
 * Results go to stdout as "RESULT key value unit" lines. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "mc-application.h"

static gint64 main_started;
static gint64 run_started;
static gboolean measured;

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmRSS:");
  if (line == NULL)
    return -1;
  return strtol (line + strlen ("\nVmRSS:"), NULL, 10);
}

/* Seconds since the process was created (/proc/self/stat field 22, in clock ticks: 10 ms resolution). */
static double
process_age_seconds (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *p;
  unsigned long long start_ticks = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return -1;
  p = strrchr (stat, ')');
  if (p == NULL)
    return -1;
  /* After the command name: field 3 is the state; field 22 is the start time. */
  for (int field = 3; field <= 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;
  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);
  return g_ascii_strtod (uptime, NULL) - (double) start_ticks / sysconf (_SC_CLK_TCK);
}

static gboolean
quit_idle (gpointer data)
{
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();
  GtkApplication *app = gtk_window_get_application (window);

  if (measured)
    return;
  measured = TRUE;
  printf ("RESULT first_frame_ms %.1f ms\n", (now - main_started) / 1e3);
  printf ("RESULT first_frame_from_run_ms %.1f ms\n", (now - run_started) / 1e3);
  printf ("RESULT process_age_ms %.0f ms\n", process_age_seconds () * 1e3);
  printf ("RESULT rss_kib %ld KiB\n", rss_kib ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_idle_add (quit_idle, app);
}

static void
window_realized_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_return_if_fail (clock != NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), widget);
}

/* The first window the application adds is the one measured. */
static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  static gboolean seen;

  if (seen)
    return;
  seen = TRUE;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realized_cb (GTK_WIDGET (window));
  else
    g_signal_connect_after (window, "realize", G_CALLBACK (window_realized_cb), NULL);
}

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Một Cửa");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GApplication) app = NULL;
  g_autofree char *db_path = NULL;
  gboolean bare = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The database the desk opens", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_NONE, &bare, "An empty libadwaita window instead (the baseline)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *no_args[] = { argv[0], NULL };
  int status;

  main_started = g_get_monotonic_time ();

  /* As main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("— time to the main window's first frame");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || (db_path == NULL && !bare))
    {
      g_printerr ("usage: motcua-bench-app --db PATH | --bare\n");
      return 2;
    }

  if (bare)
    {
      app = G_APPLICATION (adw_application_new ("io.github.motcua.DeskBench", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
    }
  else
    {
      g_set_application_name (_("Một Cửa"));
      app = G_APPLICATION (mc_application_new (G_APPLICATION_NON_UNIQUE));
      mc_application_set_db_path (MC_APPLICATION (app), db_path);
    }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  run_started = g_get_monotonic_time ();
  status = g_application_run (app, 1, no_args);
  if (!measured)
    {
      g_printerr ("no frame was painted\n");
      return 1;
    }
  return status;
}
