/* bench-forms.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The cost of an appointment slip as PDF: rendered in-process, as a whole `motcua-cli slip` run, and — when
 * LibreOffice is installed — the route offices use today, a filled template converted with
 * `soffice --headless --convert-to pdf`, measured in the same run. Prints figures; asserts nothing. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mc-forms.h"
#include "mc-store.h"
#include "mc-time.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len / 2) : 0;
}

static void
row (const char *figure,
     double      value,
     const char *unit,
     const char *budget,
     const char *verdict)
{
  g_print ("%-44s %12.3f %-8s %-26s %s\n", figure, value, unit, budget, verdict);
}

/* A flat ODF text document holding the same slip fields, as an office would fill a Word/Writer template. */
static char *
write_template (const char *dir,
                McDossier  *d)
{
  g_autofree char *path = g_build_filename (dir, "slip.fodt", NULL);
  g_autofree char *due = mc_time_format_vietnamese (d->due);
  g_autofree char *received = mc_time_format_vietnamese (d->received);
  g_autofree char *body = g_markup_printf_escaped (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\" "
    "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
    "<text:p>ỦY BAN NHÂN DÂN XÃ TÂN LẬP — CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p>"
    "<text:p>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</text:p>"
    "<text:p>Mã hồ sơ: %s</text:p><text:p>Tiếp nhận hồ sơ của: %s</text:p>"
    "<text:p>Nội dung yêu cầu giải quyết: %s</text:p>"
    "<text:p>Thời gian nhận hồ sơ: %s</text:p><text:p>Thời gian trả kết quả: %s</text:p>"
    "<text:p>NGƯỜI NỘP HỒ SƠ — NGƯỜI TIẾP NHẬN HỒ SƠ</text:p>"
    "</office:text></office:body></office:document>\n",
    d->code, d->applicant_name, d->procedure_name, received, due);

  g_file_set_contents (path, body, -1, NULL);
  return g_steal_pointer (&path);
}

static double
run_command (char      **argv,
             const char *dir)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("motcua-bench-forms-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "slip.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GArray) in_process = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cli_runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) office_runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *cli = argc > 1 && strchr (argv[1], '/') ? g_canonicalize_filename (argv[1], NULL)
                                                            : g_strdup (argc > 1 ? argv[1] : "motcua-cli");
  McStoreSetup setup = { "000.00.12.H40", "UBND xã Tân Lập", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Tân Lập", 1, "Lê Thu Hà" };
  McIntake intake = { 0 };
  double slip_ms, cli_ms, office_ms = -1;

  g_setenv ("MOTCUA_NOW", "2026-11-23T09:10", TRUE);
  store = mc_store_open (db, TRUE, &error);
  if (store == NULL || !mc_store_setup (store, &setup, &error))
    g_error ("%s", error->message);
  intake.procedure_code = "1.004873";
  intake.applicant_name = "Nguyễn Thị Phương Thảo";
  intake.id_number = "001190012345";
  intake.birth_year = 1990;
  intake.phone = "0912345678";
  intake.address = "Thôn Đông, xã Tân Lập, tỉnh Phú Thọ";
  intake.received = MC_MINUTE_NONE;
  dossier = mc_store_intake (store, &intake, NULL, &error);
  if (dossier == NULL)
    g_error ("%s", error->message);

  /* Warm-up: fonts, font map and caches are loaded once per process, as in the app. */
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(McDocument) doc = mc_form_render (MC_FORM_SLIP, dossier, NULL, mc_store_get_office (store), NULL);
      g_autoptr(GBytes) bytes = mc_document_to_pdf_bytes (doc, NULL);
    }
  for (int i = 0; i < 100; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(McDocument) doc = mc_form_render (MC_FORM_SLIP, dossier, NULL, mc_store_get_office (store), NULL);
      g_autoptr(GBytes) bytes = mc_document_to_pdf_bytes (doc, NULL);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert_nonnull (bytes);
      g_array_append_val (in_process, ms);
    }
  slip_ms = median (in_process);

  for (int i = 0; i < 15; i++)
    {
      char *cli_argv[] = { cli, "--db", db, "slip", dossier->code, "-o", pdf, NULL };
      double ms = run_command (cli_argv, dir);

      if (ms < 0)
        g_error ("motcua-cli slip failed (%s)", cli);
      g_array_append_val (cli_runs, ms);
    }
  cli_ms = median (cli_runs);

  if (soffice != NULL)
    {
      g_autofree char *template = write_template (dir, dossier);
      g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
      g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
      g_autofree char *env_arg = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);

      for (int i = 0; i < 4; i++)
        {
          char *lo_argv[] = { soffice, env_arg, "--headless", "--convert-to", "pdf", "--outdir", dir, template, NULL };
          double ms = run_command (lo_argv, dir);

          /* The first run creates LibreOffice's profile: not counted. */
          if (i > 0 && ms > 0)
            g_array_append_val (office_runs, ms);
        }
      if (office_runs->len > 0)
        office_ms = median (office_runs);
    }

  g_print ("%-44s %12s %-8s %-26s %s\n", "figure", "value", "unit", "budget", "verdict");
  row ("slip PDF, in-process (median of 100)", slip_ms, "ms", "", "");
  row ("slip PDF, whole motcua-cli slip run (median)", cli_ms, "ms", "", "");
  if (office_ms > 0)
    {
      row ("slip via LibreOffice soffice --convert-to", office_ms, "ms", "", "");
      row ("LibreOffice / in-process", office_ms / slip_ms, "x", ">= 100x", office_ms / slip_ms >= 100 ? "PASS" : "FAIL");
      row ("LibreOffice / motcua-cli slip", office_ms / cli_ms, "x", ">= 30x", office_ms / cli_ms >= 30 ? "PASS" : "FAIL");
    }
  else
    g_print ("%-44s %12s %-8s %-26s %s\n", "slip via LibreOffice", "n/a", "", "LibreOffice not installed", "SKIP");

  g_clear_object (&store);
  {
    char *rm_argv[] = { "rm", "-rf", dir, NULL };
    run_command (rm_argv, NULL);
  }
  return 0;
}
