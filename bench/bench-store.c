/* bench-store.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* motcua-bench-store --db PATH: the store's queries on a generated database (motcua-generate), timed with
 * g_get_monotonic_time over many repetitions after a warm-up (warm page cache: the desk's steady state).
 *
 *   search      mc_store_query with .text, first screen (50 rows, newest first), by name fragment, identity
 *               number and dossier code; next to a naïve LIKE '%…%' scan with raw SQLite on the same file
 *   list        a page of 100 rows at the start, middle and end of the due-sorted list, by keyset
 *   count       mc_store_count for everything and for the overdue + due-soon filter
 *   overdue     the overdue + due-soon page (due_state_mask) at a fixed moment
 *   intake      mc_store_intake (durable) on a copy of the database, next to a bare one-row SQLite transaction
 *               with the same pragmas on a scratch file in the same folder
 *
 * The database given is not modified (the intake part works on a copy). Results go to stdout as
 * "RESULT key value unit" lines; details to stderr. */

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "mc-store.h"
#include "mc-text.h"
#include "mc-time.h"

#define SEARCH_LIMIT 50
#define PAGE_SIZE 100

typedef struct
{
  McStore  *store;
  sqlite3  *raw;
  GRand    *rand;
  McMinute  now;
  gint64    max_id;
  double    budget_seconds;   /* per measured figure */
} Bench;

/*
 * Statistics
 */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *ms,
            double  p)
{
  guint i;

  g_array_sort (ms, compare_doubles);
  i = (guint) (p * (ms->len - 1) + 0.5);
  return g_array_index (ms, double, MIN (i, ms->len - 1));
}

static void
report (const char *key,
        GArray     *ms,
        gboolean    with_p99)
{
  printf ("RESULT %s_p50 %.3f ms\n", key, percentile (ms, 0.50));
  printf ("RESULT %s_p95 %.3f ms\n", key, percentile (ms, 0.95));
  if (with_p99)
    printf ("RESULT %s_p99 %.3f ms\n", key, percentile (ms, 0.99));
  printf ("RESULT %s_n %u runs\n", key, ms->len);
  fflush (stdout);
  g_printerr ("  %-28s median %9.3f ms   p95 %9.3f ms   max %9.3f ms   (%u runs)\n", key, percentile (ms, 0.5),
              percentile (ms, 0.95), g_array_index (ms, double, ms->len - 1), ms->len);
}

/* Enough repetitions for a stable p95, but no figure takes much more than the time budget. */
static gboolean
keep_going (Bench  *bench,
            GArray *ms,
            guint   min_runs,
            guint   max_runs,
            gint64  started)
{
  if (ms->len < min_runs)
    return TRUE;
  if (ms->len >= max_runs)
    return FALSE;
  return (g_get_monotonic_time () - started) / 1e6 < bench->budget_seconds;
}

/*
 * Raw SQLite helpers
 */

static sqlite3_stmt *
raw_prepare (Bench      *bench,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (bench->raw, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (bench->raw));
  return stmt;
}

static gint64
raw_int (Bench      *bench,
         const char *sql)
{
  sqlite3_stmt *stmt = raw_prepare (bench, sql);
  gint64 value = -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Texts of one column from random dossiers (by random row id), @n distinct non-empty values. */
static GPtrArray *
sample_column (Bench      *bench,
               const char *sql,
               guint       n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = raw_prepare (bench, sql);

  for (guint attempt = 0; values->len < n && attempt < n * 50; attempt++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (bench->rand, 1, (gint32) MIN (bench->max_id, G_MAXINT32 - 1)
                                                                     + 1));
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          if (*text == '\0' || g_hash_table_contains (seen, text))
            continue;
          g_ptr_array_add (values, g_strdup (text));
          g_hash_table_add (seen, g_ptr_array_index (values, values->len - 1));
        }
    }
  sqlite3_finalize (stmt);
  return values;
}

/*
 * Search
 */

typedef struct
{
  const char *key;          /* figure name */
  GPtrArray  *queries;      /* what the clerk types */
  GPtrArray  *patterns;     /* the LIKE pattern for the same search */
  const char *like_column;  /* the column a naïve implementation would scan */
} SearchCase;

static guint
run_search (Bench      *bench,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  McQuery query;

  mc_query_init (&query);
  query.now = bench->now;
  query.text = text;
  query.sort = MC_SORT_RECEIVED_DESC;
  query.limit = SEARCH_LIMIT;
  rows = mc_store_query (bench->store, &query, &error);
  if (rows == NULL)
    g_error ("search “%s”: %s", text, error->message);
  return rows->len;
}

static guint
run_like (Bench        *bench,
          sqlite3_stmt *stmt,
          const char   *pattern)
{
  guint n = 0;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Read the row as the store does. */
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        (void) sqlite3_column_text (stmt, c);
      n++;
    }
  if (rc != SQLITE_DONE)
    g_error ("LIKE scan: %s", sqlite3_errmsg (bench->raw));
  return n;
}

static void
bench_search (Bench      *bench,
              SearchCase *c)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) like_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *like_key = g_strconcat ("like_", c->key, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT id, uuid, code, official_code, procedure_code, procedure_name,"
                                          " sector, unit, duration, applicant_name, applicant_id, phone, channel,"
                                          " result_delivery, status, received, due, settled, returned, new_due,"
                                          " outcome, has_apology, n_events, last_lamport FROM dossier"
                                          " WHERE %s LIKE ?1 ORDER BY received DESC, id DESC LIMIT %d",
                                          c->like_column, SEARCH_LIMIT);
  sqlite3_stmt *stmt = raw_prepare (bench, sql);
  guint found = 0, like_found = 0;
  gint64 started;

  for (guint i = 0; i < MIN (5u, c->queries->len); i++)
    run_search (bench, g_ptr_array_index (c->queries, i));
  started = g_get_monotonic_time ();
  for (guint i = 0; keep_going (bench, ms, 30, 300, started); i++)
    {
      const char *text = g_ptr_array_index (c->queries, i % c->queries->len);
      gint64 t0 = g_get_monotonic_time ();
      double elapsed;

      found += run_search (bench, text);
      elapsed = (g_get_monotonic_time () - t0) / 1e3;
      g_array_append_val (ms, elapsed);
    }
  g_printerr ("search %s: e.g. “%s”, %.1f rows on the first screen on average\n", c->key,
              (const char *) g_ptr_array_index (c->queries, 0), (double) found / ms->len);
  report (c->key, ms, FALSE);

  run_like (bench, stmt, g_ptr_array_index (c->patterns, 0));
  started = g_get_monotonic_time ();
  for (guint i = 0; keep_going (bench, like_ms, 5, 100, started); i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double elapsed;

      like_found += run_like (bench, stmt, g_ptr_array_index (c->patterns, i % c->patterns->len));
      elapsed = (g_get_monotonic_time () - t0) / 1e3;
      g_array_append_val (like_ms, elapsed);
    }
  g_printerr ("  naïve scan: %s LIKE '%s', %.1f rows on average\n", c->like_column,
              (const char *) g_ptr_array_index (c->patterns, 0), (double) like_found / like_ms->len);
  report (like_key, like_ms, FALSE);
  sqlite3_finalize (stmt);
}

static void
add_case_text (SearchCase *c,
               const char *query,
               const char *pattern)
{
  g_ptr_array_add (c->queries, g_strdup (query));
  g_ptr_array_add (c->patterns, g_strdup_printf ("%%%s%%", pattern));
}

static void
bench_searches (Bench *bench)
{
  g_autoptr(GPtrArray) names = sample_column (bench, "SELECT applicant_name FROM dossier WHERE id = ?", 60);
  g_autoptr(GPtrArray) ids = sample_column (bench, "SELECT applicant_id FROM dossier WHERE id = ?"
                                                   " AND length(applicant_id) = 12", 60);
  g_autoptr(GPtrArray) codes = sample_column (bench, "SELECT code FROM dossier WHERE id = ?", 60);
  SearchCase cases[] = {
    { "search_nguyen_thi_h", NULL, NULL, "applicant_name" },
    { "search_tran_van", NULL, NULL, "applicant_name" },
    { "search_given_name", NULL, NULL, "applicant_name" },
    { "search_full_name", NULL, NULL, "applicant_name" },
    { "search_id", NULL, NULL, "applicant_id" },
    { "search_code", NULL, NULL, "code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cases[i].queries = g_ptr_array_new_with_free_func (g_free);
      cases[i].patterns = g_ptr_array_new_with_free_func (g_free);
    }
  add_case_text (&cases[0], "nguyen thi h", "Nguyễn Thị H");
  add_case_text (&cases[1], "tran van", "Trần Văn");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *given = strrchr (name, ' ');
      g_autofree char *folded_given = mc_text_fold (given ? given + 1 : name);
      g_autofree char *folded_name = mc_text_fold (name);

      add_case_text (&cases[2], folded_given, given ? given + 1 : name);
      add_case_text (&cases[3], folded_name, name);
    }
  for (guint i = 0; i < ids->len; i++)
    add_case_text (&cases[4], g_ptr_array_index (ids, i), g_ptr_array_index (ids, i));
  for (guint i = 0; i < codes->len; i++)
    add_case_text (&cases[5], g_ptr_array_index (codes, i), g_ptr_array_index (codes, i));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].queries->len > 0)
        bench_search (bench, &cases[i]);
      g_ptr_array_unref (cases[i].queries);
      g_ptr_array_unref (cases[i].patterns);
    }
}

/*
 * List pages, counts, the overdue list
 */

static void
time_query (Bench         *bench,
            const char    *key,
            const McQuery *query,
            guint          expect_rows)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 started;
  guint rows = 0;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) result = mc_store_query (bench->store, query, &error);

      if (result == NULL)
        g_error ("%s: %s", key, error->message);
      rows = result->len;
    }
  started = g_get_monotonic_time ();
  while (keep_going (bench, ms, 20, 200, started))
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GPtrArray) result = mc_store_query (bench->store, query, NULL);
      double elapsed = (g_get_monotonic_time () - t0) / 1e3;

      g_array_append_val (ms, elapsed);
    }
  if (expect_rows > 0 && rows != expect_rows)
    g_printerr ("warning: %s returned %u rows, expected %u\n", key, rows, expect_rows);
  g_printerr ("%s: %u rows\n", key, rows);
  report (key, ms, FALSE);
}

static void
time_count (Bench         *bench,
            const char    *key,
            const McQuery *query)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 started, count = mc_store_count (bench->store, query, NULL);

  started = g_get_monotonic_time ();
  while (keep_going (bench, ms, 10, 100, started))
    {
      gint64 t0 = g_get_monotonic_time ();
      double elapsed;

      mc_store_count (bench->store, query, NULL);
      elapsed = (g_get_monotonic_time () - t0) / 1e3;
      g_array_append_val (ms, elapsed);
    }
  g_printerr ("%s: %" G_GINT64_FORMAT "\n", key, count);
  printf ("RESULT %s_value %" G_GINT64_FORMAT " rows\n", key, count);
  report (key, ms, FALSE);
}

static void
bench_lists (Bench *bench)
{
  McQuery query;
  gint64 total;
  const struct { const char *key; double where; } positions[] = {
    { "list_start", 0 }, { "list_middle", 0.5 }, { "list_end", 1.0 },
  };

  mc_query_init (&query);
  query.now = bench->now;
  total = mc_store_count (bench->store, &query, NULL);
  printf ("RESULT dossiers %" G_GINT64_FORMAT " rows\n", total);

  for (guint p = 0; p < G_N_ELEMENTS (positions); p++)
    {
      gint64 k = (gint64) ((total - PAGE_SIZE) * positions[p].where);

      mc_query_init (&query);
      query.now = bench->now;
      query.sort = MC_SORT_DUE;
      query.limit = PAGE_SIZE;
      if (k > 0)
        {
          /* The key of the row before the page, found once outside the timing, as the list model keeps it. */
          g_autofree char *sql = g_strdup_printf ("SELECT IFNULL(due, 9223372036854775807), id FROM dossier"
                                                  " ORDER BY 1, 2 LIMIT 1 OFFSET %" G_GINT64_FORMAT, k - 1);
          sqlite3_stmt *stmt = raw_prepare (bench, sql);

          if (sqlite3_step (stmt) != SQLITE_ROW)
            g_error ("no row at offset %" G_GINT64_FORMAT, k - 1);
          query.has_after = TRUE;
          query.after_key = sqlite3_column_int64 (stmt, 0);
          query.after_id = sqlite3_column_int64 (stmt, 1);
          sqlite3_finalize (stmt);
        }
      time_query (bench, positions[p].key, &query, PAGE_SIZE);
    }

  mc_query_init (&query);
  query.now = bench->now;
  time_count (bench, "count_all", &query);
  query.due_state_mask = (1u << MC_DUE_STATE_OVERDUE) | (1u << MC_DUE_STATE_DUE_SOON);
  time_count (bench, "count_overdue_due_soon", &query);
  query.sort = MC_SORT_DUE;
  query.limit = PAGE_SIZE;
  time_query (bench, "overdue_due_soon_page", &query, 0);
}

/*
 * Intake
 */

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  return g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
bench_intake (const char *db_path,
              guint       runs)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *copy = g_build_filename (dir, "bench-intake-copy.db", NULL);
  g_autofree char *scratch = g_build_filename (dir, "bench-bare-scratch.db", NULL);
  g_autoptr(GArray) intake_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  McIntake intake = { 0 };
  sqlite3 *db = NULL;
  gint64 t0;

  remove_database (copy);
  remove_database (scratch);
  t0 = g_get_monotonic_time ();
  if (!copy_file (db_path, copy, &error))
    g_error ("copy: %s", error->message);
  g_printerr ("intake: copied the database in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);

  store = mc_store_open (copy, FALSE, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  intake.procedure_code = "2.000815";
  intake.applicant_name = "Nguyễn Thị Hoa";
  intake.id_number = "001190012345";
  intake.birth_year = 1990;
  intake.gender = MC_GENDER_FEMALE;
  intake.phone = "0912 345 678";
  intake.address = "Thôn 3, xã Tân Lập";
  intake.channel = MC_CHANNEL_IN_PERSON;
  intake.received = MC_MINUTE_NONE;
  for (guint i = 0; i < runs + 5; i++)
    {
      g_autoptr(McDossier) dossier = NULL;
      double elapsed;

      t0 = g_get_monotonic_time ();
      dossier = mc_store_intake (store, &intake, NULL, &error);
      elapsed = (g_get_monotonic_time () - t0) / 1e3;
      if (dossier == NULL)
        g_error ("intake: %s", error->message);
      if (i >= 5)
        g_array_append_val (intake_ms, elapsed);
    }
  g_clear_object (&store);
  report ("intake", intake_ms, TRUE);

  /* The floor: one row, one durable transaction, same journal and sync settings, same disk. */
  if (sqlite3_open (scratch, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                        " CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("scratch database: %s", sqlite3_errmsg (db));
  for (guint i = 0; i < runs + 5; i++)
    {
      double elapsed;

      t0 = g_get_monotonic_time ();
      if (sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO t (v) VALUES ('một hồ sơ'); COMMIT", NULL, NULL, NULL)
          != SQLITE_OK)
        g_error ("bare transaction: %s", sqlite3_errmsg (db));
      elapsed = (g_get_monotonic_time () - t0) / 1e3;
      if (i >= 5)
        g_array_append_val (bare_ms, elapsed);
    }
  sqlite3_close (db);
  report ("bare_commit", bare_ms, TRUE);
  printf ("RESULT intake_ratio %.2f x\n", percentile (intake_ms, 0.5) / percentile (bare_ms, 0.5));

  remove_database (copy);
  remove_database (scratch);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  gboolean skip_intake = FALSE;
  int intake_runs = 200;
  double budget = 8;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "A database made by motcua-generate (not modified)", "PATH" },
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &budget, "Time spent on each figure at most, roughly (default 8)", "S" },
    { "intake-runs", 0, 0, G_OPTION_ARG_INT, &intake_runs, "Intakes to time (default 200)", "N" },
    { "no-intake", 0, 0, G_OPTION_ARG_NONE, &skip_intake, "Skip the intake part (no copy of the database)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the store's queries");
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL || intake_runs < 10)
    {
      g_printerr ("usage: motcua-bench-store --db PATH [--seconds S] [--intake-runs N] [--no-intake]\n");
      return 2;
    }

  bench.budget_seconds = budget;
  bench.rand = g_rand_new_with_seed (7);
  bench.store = mc_store_open (db_path, FALSE, &error);
  if (bench.store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (sqlite3_open_v2 (db_path, &bench.raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("%s: %s\n", db_path, sqlite3_errmsg (bench.raw));
      return 1;
    }
  bench.max_id = raw_int (&bench, "SELECT MAX(id) FROM dossier");
  /* "Now" is the moment of the last receipt: the generated desk's present. */
  bench.now = raw_int (&bench, "SELECT MAX(received) FROM dossier");
  {
    g_autofree char *now = mc_time_format_iso (bench.now);
    g_printerr ("%s: %" G_GINT64_FORMAT " dossiers, now = %s\n", db_path, bench.max_id, now);
  }

  bench_searches (&bench);
  bench_lists (&bench);

  sqlite3_close (bench.raw);
  g_clear_object (&bench.store);
  g_rand_free (bench.rand);

  if (!skip_intake)
    bench_intake (db_path, (guint) intake_runs);
  return 0;
}
