/* mc-procedure-search.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one procedure matcher: the desk's finder and `motcua-cli procedures --search` both call it. */

#define G_LOG_DOMAIN "mc-procedure"

#include "config.h"

#include <string.h>

#include "mc-procedure-search.h"
#include "mc-text.h"

enum {
  TIER_CODE,      /* the query is the code, whole */
  TIER_PHRASE,    /* the name holds the query's words in order, as typed */
  TIER_WORDS,     /* each word begins some word of the name or code */
};

typedef struct
{
  McProcedure *procedure;
  int          tier;
  guint        count;
  McMinute     last;
  gsize        length;
  guint        position;
} Match;

static gboolean
begins_a_word (const char *haystack,
               const char *word)
{
  for (const char *p = haystack; (p = strstr (p, word)) != NULL; p++)
    if (p == haystack || p[-1] == ' ')
      return TRUE;
  return FALSE;
}

/* Punctuation separates words as spaces do ("khai sinh, khai tử" has the word "sinh"); @keep survives. */
static char *
words_only (char       *folded,
            const char *keep)
{
  for (char *p = folded; *p != '\0'; p++)
    if (g_ascii_ispunct (*p) && strchr (keep, *p) == NULL)
      *p = ' ';
  return folded;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a;
  const Match *y = b;

  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->last != y->last)
    return x->last > y->last ? -1 : 1;
  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

GPtrArray *
mc_procedure_search (GPtrArray  *procedures,
                     const char *query,
                     GHashTable *usage)
{
  g_autofree char *folded_query = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) phrase = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_unref);

  g_return_val_if_fail (procedures != NULL, found);

  folded_query = mc_text_fold (query != NULL && g_utf8_validate (query, -1, NULL) ? query : "");
  words = g_strsplit (words_only (g_strdup (folded_query), "."), " ", -1);
  phrase = g_string_new (NULL);
  for (guint w = 0; words[w] != NULL; w++)
    if (*words[w] != '\0')
      g_string_append_printf (phrase, "%s%s", phrase->len ? " " : "", words[w]);

  for (guint i = 0; i < procedures->len; i++)
    {
      McProcedure *procedure = g_ptr_array_index (procedures, i);
      g_autofree char *name = words_only (mc_text_fold (procedure->name), "");
      g_autofree char *code = mc_text_fold (procedure->code);
      g_autofree char *code_words = g_strdelimit (g_strdup (code), ".", ' ');
      g_autofree char *haystack = g_strdup_printf ("%s %s %s", code, code_words, name);
      McProcedureUsage *use = usage != NULL ? g_hash_table_lookup (usage, procedure->code) : NULL;
      gboolean all = TRUE;
      Match match = { procedure, TIER_WORDS, use ? use->count : 0, use ? use->last : MC_MINUTE_NONE, strlen (name), i };

      for (guint w = 0; words[w] != NULL && all; w++)
        if (*words[w] != '\0' && !begins_a_word (haystack, words[w]))
          all = FALSE;
      if (!all)
        continue;
      if (*folded_query != '\0' && g_str_equal (folded_query, code))
        match.tier = TIER_CODE;
      else if (*folded_query != '\0' && begins_a_word (name, phrase->str))
        match.tier = TIER_PHRASE;
      g_array_append_val (matches, match);
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (found, mc_procedure_ref (g_array_index (matches, Match, i).procedure));
  return found;
}
