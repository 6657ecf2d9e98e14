/* mc-scanner.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MC_SCANNER_ERROR (mc_scanner_error_quark ())

typedef enum
{
  MC_SCANNER_ERROR_UNAVAILABLE,   /* SANE itself could not be started */
  MC_SCANNER_ERROR_NO_DEVICE,     /* no scanner of that name */
  MC_SCANNER_ERROR_FAILED,
  MC_SCANNER_ERROR_CANCELLED,
} McScannerError;

/* A scanner as SANE names it, and as the clerk sees it. */
typedef struct
{
  char *name;     /* for mc_scanner_scan_png (), e.g. "airscan:e0:Brother DCP-L2540DW" */
  char *label;    /* "vendor model" */
} McScannerDevice;

/* The largest width or height, in pixels, that a scan may have (A3 at 1200 dpi is about 14 030 × 19 840). */
#define MC_SCANNER_MAX_SIDE 20000

GQuark      mc_scanner_error_quark  (void);

void        mc_scanner_device_free  (McScannerDevice  *device);

GPtrArray  *mc_scanner_list_devices (GError          **error);
GBytes     *mc_scanner_scan_png     (const char       *device_name,
                                     int               dpi,
                                     gboolean          color,
                                     GCancellable     *cancellable,
                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McScannerDevice, mc_scanner_device_free)

G_END_DECLS
