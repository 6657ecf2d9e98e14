/* mc-id-card-reader.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MC_TYPE_ID_CARD_READER (mc_id_card_reader_get_type ())
G_DECLARE_FINAL_TYPE (McIdCardReader, mc_id_card_reader, MC, ID_CARD_READER, GObject)

/* Watches the keys typed anywhere inside @widget for the line a USB scanner types from an ID card's QR code
 * (12 digits, then `|`): from the `|` on, the keys are taken out of whichever field has the focus until Enter (or
 * a pause), the 12 digits already typed into that field are taken back out of it, and ::line is emitted with the
 * whole line. The key controller is named "id-card-reader". */
McIdCardReader *mc_id_card_reader_new (GtkWidget *widget);

G_END_DECLS
