/* mc-demo-people.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the demo generator's files share (mc-demo.c, mc-demo-people.c). For them only. */

#pragma once

#include <glib.h>

#include "mc-time.h"

G_BEGIN_DECLS

/* Items drawn with weights. */
typedef struct
{
  GPtrArray *items;       /* char *, or borrowed pointers */
  GArray    *cumulative;  /* double */
} McDemoTable;

void     _mc_demo_table_init  (McDemoTable    *table,
                               GDestroyNotify  free_func);
void     _mc_demo_table_clear (McDemoTable    *table);
void     _mc_demo_table_add   (McDemoTable    *table,
                               gpointer        item,
                               double          weight);
gpointer _mc_demo_table_pick  (McDemoTable    *table,
                               GRand          *rand);

typedef struct
{
  GRand       *rand;           /* the generator's, borrowed */
  McDemoTable  surnames;
  McDemoTable  middle_male;
  McDemoTable  middle_female;
  McDemoTable  given_male;
  McDemoTable  given_female;
  GPtrArray   *provinces;      /* "001", … with a known name */
} McDemoPeople;

gboolean _mc_demo_people_init      (McDemoPeople  *people,
                                    GRand         *rand,
                                    GError       **error);
void     _mc_demo_people_clear     (McDemoPeople  *people);
char    *_mc_demo_make_name        (McDemoPeople  *people,
                                    gboolean       female);
char    *_mc_demo_make_personal_id (McDemoPeople  *people,
                                    int            birth_year,
                                    gboolean       female);
char    *_mc_demo_make_phone       (GRand         *rand);
char    *_mc_demo_make_old_id      (GRand         *rand);
char    *_mc_demo_make_uuid        (GRand         *rand,
                                    McMinute       at);
char    *_mc_demo_make_pin         (GRand         *rand);

G_END_DECLS
