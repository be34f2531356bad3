/* scms-whitelist.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SCMS_TYPE_WHITELIST_ENTRY (scms_whitelist_entry_get_type ())

G_DECLARE_FINAL_TYPE (ScmsWhitelistEntry, scms_whitelist_entry, SCMS, WHITELIST_ENTRY, GObject)

ScmsWhitelistEntry *scms_whitelist_entry_new_from_json    (JsonNode            *node,
                                                           GError             **error);
const char         *scms_whitelist_entry_get_name         (ScmsWhitelistEntry  *self);
const char * const *scms_whitelist_entry_get_api_ids      (ScmsWhitelistEntry  *self);
char               *scms_whitelist_entry_dup_api_ids_text (ScmsWhitelistEntry  *self);
gboolean            scms_whitelist_entry_has_api_id       (ScmsWhitelistEntry  *self,
                                                           const char          *api_id);
gboolean            scms_whitelist_entry_matches          (ScmsWhitelistEntry  *self,
                                                           const char          *needle);

/**
 * ScmsVerdict:
 * @SCMS_VERDICT_ALLOWED: the member may join
 * @SCMS_VERDICT_BYPASSED: the member may join through a whitelist bypass
 * @SCMS_VERDICT_NOT_ALLOWED: none of the member's ranks allows the server
 * @SCMS_VERDICT_BLOCKED: one of the member's ranks blocks the server
 * @SCMS_VERDICT_UNKNOWN_MEMBER: no member matched the identifier
 *
 * The answer of `VERIFY_WHITELIST`. A denial is a result, not an error.
 */
typedef enum
{
  SCMS_VERDICT_ALLOWED,
  SCMS_VERDICT_BYPASSED,
  SCMS_VERDICT_NOT_ALLOWED,
  SCMS_VERDICT_BLOCKED,
  SCMS_VERDICT_UNKNOWN_MEMBER,
} ScmsVerdict;

#define SCMS_TYPE_WHITELIST_VERDICT (scms_whitelist_verdict_get_type ())

G_DECLARE_FINAL_TYPE (ScmsWhitelistVerdict, scms_whitelist_verdict, SCMS, WHITELIST_VERDICT, GObject)

ScmsWhitelistVerdict *scms_whitelist_verdict_new          (ScmsVerdict           verdict,
                                                           const char           *name,
                                                           const char           *code);
ScmsVerdict           scms_whitelist_verdict_get_verdict  (ScmsWhitelistVerdict *self);
gboolean              scms_whitelist_verdict_get_allowed  (ScmsWhitelistVerdict *self);
const char           *scms_whitelist_verdict_get_name     (ScmsWhitelistVerdict *self);
const char           *scms_whitelist_verdict_get_code     (ScmsWhitelistVerdict *self);

G_END_DECLS
