/* scms-decode.h — turning raw v1 replies into results or errors
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "scms-account.h"
#include "scms-clock-in.h"
#include "scms-error.h"
#include "scms-subscription.h"
#include "scms-whitelist.h"

G_BEGIN_DECLS

/*
 * A reply as it came off the wire. The decoders are pure functions of it:
 * no I/O, no main context, safe to call from a worker thread, and they never
 * emit a GLib warning or critical whatever the bytes are (they are fuzzed).
 *
 * Every decoder first applies the common rule of reference §1.4:
 *  - 2xx (200, 201 …) is success, except the 200 "Backend Service Reached"
 *    catch-all, which is SCMS_CLIENT_ERROR_INVALID_REQUEST;
 *  - 429 is SCMS_CLIENT_ERROR_RATE_LIMITED, 5xx SCMS_CLIENT_ERROR_SERVER
 *    (unless its code is SERVER_CONFIG_ERROR, which may come with a 5xx);
 *  - other statuses: the error code is the `message` of a JSON object body,
 *    else the trimmed text, mapped per §1.5 (unknown codes keep the raw code
 *    in the message);
 *  - bodies are JSON when the content type says so, or when the endpoint is
 *    known to return JSON, or when the text starts with { or [ (falling back
 *    to text where parsing fails and text is acceptable).
 * A success body of the wrong shape or type is SCMS_CLIENT_ERROR_BAD_RESPONSE.
 */
typedef struct
{
  guint       status;
  const char *content_type;  /* nullable */
  const char *body;          /* not nul-terminated; may contain anything */
  gsize       length;
} ScmsRawReply;

gboolean              _scms_decode_check_status        (const ScmsRawReply  *reply,
                                                        GError             **error);
ScmsSubscription     *_scms_decode_sub_version         (const ScmsRawReply  *reply,
                                                        GError             **error);
char                 *_scms_decode_check_com_apiid     (const ScmsRawReply  *reply,
                                                        GError             **error);
ScmsAccount          *_scms_decode_com_account         (const ScmsRawReply  *reply,
                                                        GError             **error);
/* Rank UUIDs, in reply order. */
char                **_scms_decode_account_ranks       (const ScmsRawReply  *reply,
                                                        GError             **error);
ScmsClockIn          *_scms_decode_clock_in_out        (const ScmsRawReply  *reply,
                                                        GError             **error);
GListModel           *_scms_decode_game_servers        (const ScmsRawReply  *reply,
                                                        GError             **error);
/* Denials (NOT ALLOWED, BLOCKED, UNKNOWN_ACC_API_ID, as text or JSON) are verdicts. */
ScmsWhitelistVerdict *_scms_decode_verify_whitelist    (const ScmsRawReply  *reply,
                                                        GError             **error);
GListModel           *_scms_decode_full_whitelist      (const ScmsRawReply  *reply,
                                                        GError             **error);
GPtrArray            *_scms_decode_full_whitelist_items (const ScmsRawReply  *reply,
                                                         GError             **error);
GListModel           *_scms_decode_departments         (const ScmsRawReply  *reply,
                                                        GError             **error);
GListModel           *_scms_decode_profile_fields      (const ScmsRawReply  *reply,
                                                        GError             **error);
GListModel           *_scms_decode_accounts            (const ScmsRawReply  *reply,
                                                        guint               *total,
                                                        GError             **error);
/* Returns NULL without an error for "Not Clocked In". */
ScmsClockIn          *_scms_decode_current_clock_in    (const ScmsRawReply  *reply,
                                                        GError             **error);
GListModel           *_scms_decode_clockin_types       (const ScmsRawReply  *reply,
                                                        GError             **error);

G_END_DECLS
