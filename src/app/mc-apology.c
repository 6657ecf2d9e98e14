/* mc-apology.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-apology"

#include "config.h"

#include <glib/gi18n.h>

#include "mc-apology.h"
#include "mc-time.h"

/* The reasons the sources name for a late result (domain.md §2), as printed on the letter in Vietnamese
 * whatever the UI language; the last entry takes the clerk's own words. */
static const char *printed_reasons[] = {
  "Cần kiểm tra, xác minh làm rõ",
  "Chờ ý kiến của cơ quan phối hợp",
  "Lỗi hệ thống thông tin",
  "Hồ sơ bị thất lạc, hư hỏng",
  "Sai sót trong kết quả giải quyết",
};

GtkDropDown *
mc_apology_reason_dropdown_new (void)
{
  const char *labels[] = { _("Needs verification"), _("Waiting for another body"), _("System fault"),
                           _("Documents lost or damaged"), _("Error in the result"), _("Other (write below)"),
                           NULL };

  return GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
}

char *
mc_apology_reason_text (GtkDropDown *reasons,
                        const char  *details)
{
  guint selected = gtk_drop_down_get_selected (reasons);
  g_autofree char *trimmed = g_strstrip (g_strdup (details ? details : ""));

  if (selected < G_N_ELEMENTS (printed_reasons))
    return *trimmed ? g_strdup_printf ("%s: %s", printed_reasons[selected], trimmed)
                    : g_strdup (printed_reasons[selected]);
  return g_steal_pointer (&trimmed);
}

/* A new date from the work left: as long again as the procedure's limit (one working day at least), counted
 * from the original due date or from now, whichever is later. The clerk can edit it. */
McMinute
mc_apology_propose_new_due (McStore   *store,
                            McDossier *dossier)
{
  McCalendar *calendar = mc_store_get_calendar (store);
  McMinute base = MAX (dossier->due, mc_time_now ());
  int days = dossier->unit == MC_UNIT_WORKING_DAYS ? MAX (dossier->duration, 1) : 1;

  return mc_minute_from_jdn (mc_calendar_add_working_days (calendar, mc_minute_jdn (base), days),
                             mc_calendar_get_hours (calendar)->afternoon_close);
}

McDossier *
mc_apology_record (McStore     *store,
                   McDossier   *dossier,
                   const char  *reason,
                   McMinute     new_due,
                   GError     **error)
{
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  g_autofree char *iso = mc_time_format_iso_offset (new_due);

  json_node_take_object (payload, object);
  json_object_set_string_member (object, "reason", reason ? reason : "");
  json_object_set_string_member (object, "new_due", iso);
  return mc_store_record (store, dossier->uuid, MC_EVENT_APOLOGY_ISSUED, payload, NULL, error);
}
