/* mc-declaration-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mc-declaration.h"

G_BEGIN_DECLS

/* For mc-declaration*.c: a template as read from data/declarations/, shared by its reader and its filling. */

typedef enum
{
  ITEM_HEADING,
  ITEM_TEXT,
  ITEM_FIELDS,
} ItemKind;

typedef struct
{
  ItemKind   kind;
  char      *text;
  GPtrArray *fields;   /* McDeclarationField, borrowed from self->fields */
} Item;

typedef struct
{
  char *title;
  char *hint;
  char *name;
} Signature;

struct _McDeclaration
{
  GObject    parent_instance;

  char      *id;
  GStrv      procedures;
  char      *model;
  char      *title;
  char      *addressee;
  char      *commitment;
  GPtrArray *items;        /* Item */
  GPtrArray *fields;       /* McDeclarationField, in reading order */
  GPtrArray *signatures;   /* Signature */
  GPtrArray *sections;     /* McDeclarationSection */
  GStrv      notes;
};

extern const char *const _mc_declaration_sources[];

G_END_DECLS
