/* mc-types.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-types"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-types.h"

typedef struct
{
  int         value;
  const char *name;
  const char *label;
} EnumName;

static const EnumName units[] = {
  { MC_UNIT_SAME_DAY, "same_day", N_("Same day") },
  { MC_UNIT_WORKING_DAYS, "working_days", N_("Working days") },
  { MC_UNIT_WORKING_HOURS, "working_hours", N_("Working hours") },
};

static const EnumName statuses[] = {
  { MC_STATUS_IN_PROGRESS, "in_progress", N_("In progress") },
  { MC_STATUS_PAUSED, "paused", N_("Awaiting supplement") },
  { MC_STATUS_RESULT_READY, "result_ready", N_("Result ready") },
  { MC_STATUS_RETURNED, "returned", N_("Returned") },
  { MC_STATUS_REFUSED, "refused", N_("Refused") },
  { MC_STATUS_STOPPED, "stopped", N_("Stopped") },
  { MC_STATUS_TRANSFERRED, "transferred", N_("Transferred to another body") },
};

static const EnumName due_states[] = {
  { MC_DUE_STATE_NONE, "none", N_("No deadline running") },
  { MC_DUE_STATE_ON_TRACK, "on_track", N_("On track") },
  { MC_DUE_STATE_DUE_SOON, "due_soon", N_("Due soon") },
  { MC_DUE_STATE_OVERDUE, "overdue", N_("Overdue") },
  { MC_DUE_STATE_EARLY, "early", N_("Early") },
  { MC_DUE_STATE_ON_TIME, "on_time", N_("On time") },
  { MC_DUE_STATE_LATE, "late", N_("Late") },
};

static const EnumName channels[] = {
  { MC_CHANNEL_IN_PERSON, "in_person", N_("In person") },
  { MC_CHANNEL_POST, "post", N_("By post") },
  { MC_CHANNEL_ONLINE, "online", N_("Online") },
  { MC_CHANNEL_LINKED, "linked", N_("Linked service") },
};

static const EnumName *
find_value (const EnumName *table,
            gsize           n,
            int             value)
{
  for (gsize i = 0; i < n; i++)
    if (table[i].value == value)
      return &table[i];
  return NULL;
}

static gboolean
find_name (const EnumName *table,
           gsize           n,
           const char     *text,
           int            *out)
{
  if (text == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (table[i].name, text))
      {
        *out = table[i].value;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_ENUM_FUNCS(prefix, Type, table)                                 \
  const char *                                                                 \
  prefix##_to_string (Type value)                                              \
  {                                                                            \
    const EnumName *e = find_value (table, G_N_ELEMENTS (table), (int) value); \
    return e ? e->name : "unknown";                                            \
  }                                                                            \
  gboolean                                                                     \
  prefix##_from_string (const char *text, Type *out)                           \
  {                                                                            \
    int v;                                                                     \
    if (!find_name (table, G_N_ELEMENTS (table), text, &v))                    \
      return FALSE;                                                            \
    *out = (Type) v;                                                           \
    return TRUE;                                                               \
  }

DEFINE_ENUM_FUNCS (mc_unit, McUnit, units)
DEFINE_ENUM_FUNCS (mc_status, McStatus, statuses)
DEFINE_ENUM_FUNCS (mc_due_state, McDueState, due_states)
DEFINE_ENUM_FUNCS (mc_channel, McChannel, channels)

const char *
mc_status_label (McStatus status)
{
  const EnumName *e = find_value (statuses, G_N_ELEMENTS (statuses), status);
  return e ? _(e->label) : "";
}

const char *
mc_due_state_label (McDueState state)
{
  const EnumName *e = find_value (due_states, G_N_ELEMENTS (due_states), state);
  return e ? _(e->label) : "";
}

const char *
mc_channel_label (McChannel channel)
{
  const EnumName *e = find_value (channels, G_N_ELEMENTS (channels), channel);
  return e ? _(e->label) : "";
}
