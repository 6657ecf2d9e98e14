/* mc-digitise.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mc-store.h"

G_BEGIN_DECLS

/* Digitising a dossier's documents at the desk (Số hóa hồ sơ): from a file or from a scanner, each stored with
 * the dossier's history; and opening what was stored. */

void  mc_digitise_attach_file    (GtkWindow  *parent,
                                  McStore    *store,
                                  McDossier  *dossier);
void  mc_digitise_attach_bytes   (GtkWindow  *parent,
                                  McStore    *store,
                                  McDossier  *dossier,
                                  GBytes     *data,
                                  const char *name,
                                  const char *source);
void  mc_digitise_scan           (GtkWindow  *parent,
                                  McStore    *store,
                                  McDossier  *dossier);
void  mc_digitise_open           (GtkWindow  *parent,
                                  McStore    *store,
                                  const char *hash,
                                  const char *media_type);

G_END_DECLS
