/* mc-declaration.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mc-document.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* A procedure's declaration form (tờ khai, phiếu yêu cầu), as data: the JSON files of data/declarations, described in
 * docs/declarations.md. The clerk fills it from the intake data and the procedure's own questions and prints it
 * for the citizen to check and sign: the citizen writes nothing. */

#define MC_TYPE_DECLARATION (mc_declaration_get_type ())
G_DECLARE_FINAL_TYPE (McDeclaration, mc_declaration, MC, DECLARATION, GObject)

#define MC_DECLARATION_ERROR (mc_declaration_error_quark ())

typedef enum
{
  MC_DECLARATION_ERROR_INVALID,      /* a template that does not follow the format */
  MC_DECLARATION_ERROR_NONE,         /* no declaration for this procedure */
  MC_DECLARATION_ERROR_INCOMPLETE,   /* a required answer is missing */
  MC_DECLARATION_ERROR_BAD_ANSWER,   /* an answer that is not a date, or not one of the choices */
} McDeclarationError;

typedef enum
{
  MC_DECLARATION_FIELD_TEXT,
  MC_DECLARATION_FIELD_DATE,     /* dd/mm/yyyy */
  MC_DECLARATION_FIELD_CHOICE,
} McDeclarationFieldKind;

typedef struct
{
  char                   *key;
  char                   *label;
  char                   *source;   /* the intake datum it starts from, or NULL for the procedure's question */
  McDeclarationFieldKind  kind;
  GStrv                   choices;  /* CHOICE only */
  char                   *words_of; /* the date field this one writes out in words, or NULL */
  double                  share;    /* of the line's width */
  gboolean                required;
} McDeclarationField;

/* The fields under the heading or sentence that introduces them, for the form on screen. */
typedef struct
{
  char      *title;    /* NULL for the fields before any heading */
  GPtrArray *fields;   /* McDeclarationField, borrowed */
} McDeclarationSection;

GQuark         mc_declaration_error_quark       (void);

McDeclaration *mc_declaration_new_from_data     (const char     *data,
                                                 gsize           length,
                                                 GError        **error);
GPtrArray     *mc_declaration_list              (void);
McDeclaration *mc_declaration_find              (const char     *procedure_code);

const char    *mc_declaration_get_id            (McDeclaration  *self);
const char    *mc_declaration_get_title         (McDeclaration  *self);
GPtrArray     *mc_declaration_get_fields        (McDeclaration  *self);
GPtrArray     *mc_declaration_get_sections      (McDeclaration  *self);
gboolean       mc_declaration_serves            (McDeclaration  *self,
                                                 const char     *procedure_code);

GHashTable    *mc_declaration_initial_answers   (McDeclaration  *self,
                                                 McStore        *store,
                                                 McDossier      *dossier,
                                                 GError        **error);
char          *mc_declaration_date_in_words     (int             day,
                                                 int             month,
                                                 int             year);
gboolean       mc_declaration_check_answers     (McDeclaration  *self,
                                                 GHashTable     *answers,
                                                 GError        **error);
McDossier     *mc_declaration_record            (McDeclaration  *self,
                                                 McStore        *store,
                                                 McDossier      *dossier,
                                                 GHashTable     *answers,
                                                 GError        **error);
McDocument    *mc_declaration_render            (McDeclaration  *self,
                                                 McStore        *store,
                                                 McDossier      *dossier,
                                                 GHashTable     *answers,
                                                 GError        **error);

G_END_DECLS
