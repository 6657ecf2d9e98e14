/* mc-procedure.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mc-fee.h"
#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TYPE_PROCEDURE (mc_procedure_get_type ())
#define MC_PROCEDURE_ERROR (mc_procedure_error_quark ())

typedef enum
{
  MC_PROCEDURE_ERROR_INVALID,
} McProcedureError;

typedef struct
{
  char     *name;
  int       originals;
  int       copies;
  gboolean  required;
} McProcedureDocument;

/* One entry of the procedure catalogue (thủ tục hành chính). Immutable once built; reference counted. */
struct _McProcedure
{
  char      *code;           /* national code, e.g. "1.001193" */
  char      *name;
  char      *sector;
  McUnit     unit;
  int        duration;       /* days or hours; 0 for same-day */
  gboolean   cutoff;         /* the 15:00 rule applies */
  char      *fee;            /* as published */
  gint64     fee_amount;     /* flat fee in đồng, 0 when free or variable */
  McFeeSchedule *fee_schedule; /* how the fee is counted; never NULL (basis "none" when the catalogue has none) */
  char      *deciding_body;
  char      *notes;
  GPtrArray *documents;      /* McProcedureDocument */
  GPtrArray *steps;          /* McProcedureStep: the internal procedure; empty for the default split */

  /*< private >*/
  gatomicrefcount ref_count;
};

GType         mc_procedure_get_type         (void) G_GNUC_CONST;
GQuark        mc_procedure_error_quark      (void);
McProcedure  *mc_procedure_ref              (McProcedure *self);
void          mc_procedure_unref            (McProcedure *self);
McProcedure  *mc_procedure_new_from_json    (JsonObject  *object,
                                             GError     **error);
void          mc_procedure_to_json          (McProcedure *self,
                                             JsonBuilder *builder);
JsonNode     *mc_procedure_to_json_node     (McProcedure *self);
GPtrArray    *mc_procedure_parse_catalogue  (const char  *json,
                                             gssize       length,
                                             GError     **error);
char         *mc_procedure_describe_duration (McProcedure *self);
JsonNode     *mc_procedure_required_documents_to_json (McProcedure *procedure);
void          mc_procedure_add_snapshot      (McProcedure *procedure,
                                              JsonBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McProcedure, mc_procedure_unref)

G_END_DECLS
