/* mc-form-issuer.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who issues a paper: the centre (Trung tâm Phục vụ hành chính công, under the People's Committee) or the
 * People's Committee itself, as the office chose per paper (the issuer_* settings). Everything a paper says
 * about its issuer comes from here, so the header, the number, the text and the signer never disagree. */

#define G_LOG_DOMAIN "mc-forms"

#include "config.h"

#include <string.h>

#include "mc-form-issuer.h"

static const char *
committee_locality (const McOffice *office)
{
  const char *name = office->name ? office->name : "";
  const char *prefixes[] = { "UBND ", "Ủy ban nhân dân ", "ỦY BAN NHÂN DÂN ", "Uỷ ban nhân dân " };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return name + strlen (prefixes[i]);
  return NULL;
}

/* Headers spell the committee out: "UBND XÃ TÂN LẬP" prints as "ỦY BAN NHÂN DÂN XÃ TÂN LẬP". */
static char *
spelled_out (const char *name)
{
  if (name == NULL || *name == '\0')
    return NULL;
  if (g_str_has_prefix (name, "UBND "))
    return g_strconcat ("ỦY BAN NHÂN DÂN ", name + strlen ("UBND "), NULL);
  return g_strdup (name);
}

static char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/**
 * mc_form_issuer_new:
 * @paper: (nullable): the paper's setting suffix: "slip", "supplement", "refusal", "apology", "stop", "control",
 *   "late_list"; %NULL for the centre itself
 */
McFormIssuer *
mc_form_issuer_new (const McOffice *office,
                    const char     *paper)
{
  McFormIssuer *self = g_new0 (McFormIssuer, 1);
  g_autofree char *key = paper ? g_strconcat ("issuer_", paper, NULL) : NULL;
  g_autofree char *choice = key ? mc_office_get_value (office, key) : NULL;
  const char *locality = committee_locality (office);
  const char *unit = office->unit_name ? office->unit_name : "";

  self->committee = g_strcmp0 (choice, "committee") == 0;
  if (self->committee)
    {
      /* A People's Committee prints no parent body: its own name is the header's bold line. */
      self->unit = spelled_out (office->parent && *office->parent ? office->parent : office->name);
      self->in_sentence = locality ? g_strconcat ("Ủy ban nhân dân ", locality, NULL) : g_strdup (office->name);
      self->symbol_suffix = "UBND";
      self->authority = nonempty (office->signer_authority);
      self->title = nonempty (office->signer_title);
      self->name = nonempty (office->signer_name);
    }
  else
    {
      self->parent = spelled_out (office->parent);
      self->unit = g_strdup (unit);
      if (g_str_has_prefix (unit, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG") && locality)
        self->in_sentence = g_strconcat ("Trung tâm Phục vụ hành chính công ", locality, NULL);
      else if (g_str_has_prefix (unit, "BỘ PHẬN TIẾP NHẬN") && locality)
        self->in_sentence = g_strconcat ("Bộ phận Tiếp nhận và Trả kết quả ", locality, NULL);
      else
        self->in_sentence = g_strdup (*unit ? unit : office->name ? office->name : "");
      self->symbol_suffix = "TTPVHCC";
      self->authority = nonempty (office->centre_signer_authority);
      self->title = nonempty (office->centre_signer_title);
      self->name = nonempty (office->centre_signer_name);
    }
  if (self->in_sentence == NULL)
    self->in_sentence = g_strdup ("");
  if (self->title == NULL)
    self->title = g_strdup ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ");
  return self;
}

void
mc_form_issuer_free (McFormIssuer *self)
{
  if (self == NULL)
    return;
  g_free (self->parent);
  g_free (self->unit);
  g_free (self->in_sentence);
  g_free (self->authority);
  g_free (self->title);
  g_free (self->name);
  g_free (self);
}

/* "Số: 05/PXL-UBND", "Số: ……/GTN-TTPVHCC" while no number is known; numbers below 10 get a leading zero. */
char *
mc_form_issuer_number_line (const McFormIssuer *self,
                            const char         *symbol,
                            int                 number)
{
  if (number <= 0)
    return g_strdup_printf ("Số: ……/%s-%s", symbol, self->symbol_suffix);
  return g_strdup_printf ("Số: %02d/%s-%s", number, symbol, self->symbol_suffix);
}

void
mc_form_issuer_add_header (const McFormIssuer *self,
                           McDocument         *doc,
                           const char         *number_line,
                           const char         *place_date_line,
                           const char         *form_label)
{
  mc_document_add_header (doc, self->parent, self->unit, number_line, place_date_line, form_label);
}

/* The head's block at the right (authority line, title, the hint, room to sign, the name) and "Nơi nhận" at the
 * left, level with the title (Nghị định 30/2020, ô 7 and ô 9b). */
void
mc_form_issuer_add_signer (const McFormIssuer *self,
                           McDocument         *doc,
                           double              space_before)
{
  g_autofree char *title = g_utf8_strup (self->title, -1);
  g_autofree char *authority = self->authority ? g_utf8_strup (self->authority, -1) : NULL;
  g_autofree char *heading = authority ? g_strdup_printf ("%s\n%s", authority, title) : g_strdup (title);
  g_autofree char *signature = mc_document_signature_markup (heading, "(Ký, ghi rõ họ tên và đóng dấu)", self->name);
  g_autofree char *recipients = g_strdup_printf ("<span size='12288'><b><i>Nơi nhận:</i></b></span>\n"
                                                 "<span size='11264'>- Như trên;\n- Lưu: VT%s.</span>",
                                                 self->committee ? ", TTPVHCC" : "");

  mc_document_add_pair (doc,
                        &(McDocumentPair) { .left_markup = recipients, .left_align = MC_ALIGN_LEFT,
                                            .right_markup = signature, .right_align = MC_ALIGN_CENTER,
                                            .size = 13, .left_share = 0.45 },
                        space_before);
}

/**
 * mc_form_issuer_deciding_body:
 *
 * The deciding body of a dossier named in full: a procedure that says "Ủy ban nhân dân xã" (the catalogue's
 * generic name) is this office's People's Committee, "Ủy ban nhân dân xã Tân Lập".
 *
 * Returns: (transfer full): the name, never %NULL
 */
char *
mc_form_issuer_deciding_body (const McOffice *office,
                              const char     *deciding_body)
{
  const char *locality = committee_locality (office);
  g_autofree char *folded = deciding_body ? g_utf8_casefold (deciding_body, -1) : NULL;
  const char *generic[] = { "ủy ban nhân dân xã", "uỷ ban nhân dân xã", "ubnd xã", "ủy ban nhân dân phường",
                            "ubnd phường", "ủy ban nhân dân cấp xã", "ubnd cấp xã" };

  if (folded == NULL || *folded == '\0')
    return locality ? g_strconcat ("Ủy ban nhân dân ", locality, NULL) : g_strdup (office->name ? office->name : "");
  for (guint i = 0; i < G_N_ELEMENTS (generic); i++)
    {
      g_autofree char *g = g_utf8_casefold (generic[i], -1);

      if (g_str_equal (g_strstrip (folded), g) && locality)
        return g_strconcat ("Ủy ban nhân dân ", locality, NULL);
    }
  return g_strdup (deciding_body);
}
