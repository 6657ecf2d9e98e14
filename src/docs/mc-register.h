/* mc-register.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mc-document.h"
#include "mc-store.h"

G_BEGIN_DECLS

#define MC_REGISTER_ERROR (mc_register_error_quark ())

typedef enum
{
  MC_REGISTER_ERROR_INVALID_PERIOD,
  MC_REGISTER_ERROR_DATABASE,
  MC_REGISTER_ERROR_WRITE,
} McRegisterError;

/* The Sổ theo dõi hồ sơ (Mẫu 07 of Thông tư 03/2025, Mẫu 06 in the 2018 numbering): every dossier received in
 * [from_jdn, to_jdn] (whole days, inclusive), ordered by time of receipt then code, for one sector or all
 * (@sector %NULL). The CSV carries the model's eleven columns, then seven more that the statistics need and the
 * book of each STT (docs/reports.md). */
GQuark       mc_register_error_quark (void);

McDocument  *mc_register_render      (McStore     *store,
                                      int          from_jdn,
                                      int          to_jdn,
                                      const char  *sector,
                                      GError     **error);
gboolean     mc_register_write_csv   (McStore     *store,
                                      int          from_jdn,
                                      int          to_jdn,
                                      const char  *sector,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
