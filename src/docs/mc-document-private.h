/* mc-document-private.h
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mc-document.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* For the writers of src/docs: the audit line a document with personal data records when it leaves the
 * program. */
void        _mc_document_audit          (McDocument  *self,
                                         McStore     *store,
                                         const char  *action,
                                         const char  *subject,
                                         const char  *detail);
void        _mc_document_audit_file     (McDocument  *self,
                                         McStore     *store,
                                         const char  *action,
                                         const char  *detail);

G_END_DECLS
