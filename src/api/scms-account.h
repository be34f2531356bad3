/* scms-account.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * ScmsMemberStatus:
 *
 * One status a person reads off a member, derived from the flags in this
 * order: owner, banned, archived, pending (`comStatus` false), active.
 */
typedef enum
{
  SCMS_MEMBER_STATUS_ACTIVE,
  SCMS_MEMBER_STATUS_PENDING,
  SCMS_MEMBER_STATUS_BANNED,
  SCMS_MEMBER_STATUS_ARCHIVED,
  SCMS_MEMBER_STATUS_OWNER,
} ScmsMemberStatus;

const char *scms_member_status_get_label (ScmsMemberStatus status);

#define SCMS_TYPE_PROFILE_VALUE (scms_profile_value_get_type ())

G_DECLARE_FINAL_TYPE (ScmsProfileValue, scms_profile_value, SCMS, PROFILE_VALUE, GObject)

const char         *scms_profile_value_get_field_id  (ScmsProfileValue *self);
const char * const *scms_profile_value_get_values    (ScmsProfileValue *self);
char               *scms_profile_value_dup_text      (ScmsProfileValue *self);

#define SCMS_TYPE_ACCOUNT (scms_account_get_type ())

G_DECLARE_FINAL_TYPE (ScmsAccount, scms_account, SCMS, ACCOUNT, GObject)

ScmsAccount        *scms_account_new_from_json         (JsonNode     *node,
                                                        GError      **error);
const char         *scms_account_get_acc_id            (ScmsAccount  *self);
const char         *scms_account_get_acc_name          (ScmsAccount  *self);
const char         *scms_account_get_com_name          (ScmsAccount  *self);
const char         *scms_account_get_display_name      (ScmsAccount  *self);
gboolean            scms_account_get_com_status        (ScmsAccount  *self);
gboolean            scms_account_get_sys_status        (ScmsAccount  *self);
gboolean            scms_account_get_banned            (ScmsAccount  *self);
gboolean            scms_account_get_archived          (ScmsAccount  *self);
gboolean            scms_account_get_owner             (ScmsAccount  *self);
ScmsMemberStatus    scms_account_get_status            (ScmsAccount  *self);
gint64              scms_account_get_unique_id         (ScmsAccount  *self);
const char         *scms_account_get_discord_id        (ScmsAccount  *self);
const char         *scms_account_get_teamspeak_id      (ScmsAccount  *self);
const char         *scms_account_get_primary_identifier (ScmsAccount *self);
const char         *scms_account_get_join_date         (ScmsAccount  *self);
const char         *scms_account_get_last_login        (ScmsAccount  *self);
GDateTime          *scms_account_get_join_date_time    (ScmsAccount  *self);
GDateTime          *scms_account_get_last_login_time   (ScmsAccount  *self);
const char * const *scms_account_get_api_ids           (ScmsAccount  *self);
const char * const *scms_account_get_rank_ids          (ScmsAccount  *self);
GListModel         *scms_account_get_profile_values    (ScmsAccount  *self);

#define SCMS_TYPE_ACCOUNT_SUMMARY (scms_account_summary_get_type ())

G_DECLARE_FINAL_TYPE (ScmsAccountSummary, scms_account_summary, SCMS, ACCOUNT_SUMMARY, GObject)

ScmsAccountSummary *scms_account_summary_new_from_json    (JsonNode           *node,
                                                           GError            **error);
const char         *scms_account_summary_get_acc_id       (ScmsAccountSummary *self);
const char         *scms_account_summary_get_acc_name     (ScmsAccountSummary *self);
const char         *scms_account_summary_get_com_name     (ScmsAccountSummary *self);
const char         *scms_account_summary_get_display_name (ScmsAccountSummary *self);
const char         *scms_account_summary_get_discord_id   (ScmsAccountSummary *self);
gint64              scms_account_summary_get_unique_id    (ScmsAccountSummary *self);
gboolean            scms_account_summary_get_com_status   (ScmsAccountSummary *self);
gboolean            scms_account_summary_get_sys_status   (ScmsAccountSummary *self);
gboolean            scms_account_summary_get_banned       (ScmsAccountSummary *self);
gboolean            scms_account_summary_get_archived     (ScmsAccountSummary *self);
ScmsMemberStatus    scms_account_summary_get_status       (ScmsAccountSummary *self);
const char * const *scms_account_summary_get_api_ids      (ScmsAccountSummary *self);
char               *scms_account_summary_dup_api_ids_text (ScmsAccountSummary *self);

G_END_DECLS
