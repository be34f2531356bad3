/* scms-client.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "scms-account.h"
#include "scms-array-store.h"
#include "scms-clock-in.h"
#include "scms-department.h"
#include "scms-endpoint.h"
#include "scms-error.h"
#include "scms-game-server.h"
#include "scms-identifier.h"
#include "scms-profile-field.h"
#include "scms-rank.h"
#include "scms-subscription.h"
#include "scms-whitelist.h"

G_BEGIN_DECLS

#define SCMS_PRODUCTION_URL "https://api.sonorancms.com"
#define SCMS_STAGING_URL    "https://staging-api.dev.sonorancms.com"

/* Defaults of the request path (reference §1.6, §1.7). */
#define SCMS_CLIENT_DEFAULT_RATE           1.0   /* calls per second, sustained */
#define SCMS_CLIENT_DEFAULT_BURST          4     /* calls that may go at once */
#define SCMS_CLIENT_DEFAULT_TIMEOUT        30.0  /* seconds */
#define SCMS_CLIENT_DEFAULT_RETRY_AFTER    60    /* seconds, the shortest pause on a 429 */
#define SCMS_CLIENT_DEFAULT_MAX_REPLY_SIZE (64 * 1024 * 1024)
/* The largest ScmsClient:max-reply-size: a body is counted in a guint. */
#define SCMS_CLIENT_MAX_MAX_REPLY_SIZE     (1024 * 1024 * 1024)

/**
 * ScmsClockAction:
 * @SCMS_CLOCK_ACTION_TOGGLE: clock in when out, out when in
 * @SCMS_CLOCK_ACTION_FORCE_IN: start a new shift even if one is open
 * @SCMS_CLOCK_ACTION_FORCE_OUT: close the open shift
 */
typedef enum
{
  SCMS_CLOCK_ACTION_TOGGLE,
  SCMS_CLOCK_ACTION_FORCE_IN,
  SCMS_CLOCK_ACTION_FORCE_OUT,
} ScmsClockAction;

/**
 * ScmsMemberFilter:
 *
 * The status filters of `GET_ACCOUNTS`.
 */
typedef enum
{
  SCMS_MEMBER_FILTER_ALL,
  SCMS_MEMBER_FILTER_ACTIVE,
  SCMS_MEMBER_FILTER_PENDING,
  SCMS_MEMBER_FILTER_BANNED,
  SCMS_MEMBER_FILTER_ARCHIVED,
} ScmsMemberFilter;

#define SCMS_TYPE_CLIENT (scms_client_get_type ())

G_DECLARE_FINAL_TYPE (ScmsClient, scms_client, SCMS, CLIENT, GObject)

gboolean          scms_check_base_url                  (const char          *base_url,
                                                        GError             **error);

ScmsClient       *scms_client_new                      (const char          *base_url,
                                                        const char          *community_id,
                                                        GError             **error);
const char       *scms_client_get_base_url             (ScmsClient          *self);
const char       *scms_client_get_community_id         (ScmsClient          *self);
void              scms_client_set_api_key              (ScmsClient          *self,
                                                        const char          *api_key);
gboolean          scms_client_has_api_key              (ScmsClient          *self);
double            scms_client_get_rate                 (ScmsClient          *self);
void              scms_client_set_rate                 (ScmsClient          *self,
                                                        double               rate);
guint             scms_client_get_burst                (ScmsClient          *self);
void              scms_client_set_burst                (ScmsClient          *self,
                                                        guint                burst);
double            scms_client_get_timeout              (ScmsClient          *self);
void              scms_client_set_timeout              (ScmsClient          *self,
                                                        double               seconds);
guint             scms_client_get_min_pause            (ScmsClient          *self);
void              scms_client_set_min_pause            (ScmsClient          *self,
                                                        guint                seconds);
gsize             scms_client_get_max_reply_size       (ScmsClient          *self);
void              scms_client_set_max_reply_size       (ScmsClient          *self,
                                                        gsize                bytes);
gint64            scms_client_get_paused_until         (ScmsClient          *self);
guint             scms_client_get_n_queued             (ScmsClient          *self);
guint             scms_client_get_n_sent               (ScmsClient          *self);
ScmsSubscription *scms_client_get_subscription         (ScmsClient          *self);

void              scms_client_get_sub_version_async    (ScmsClient          *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
ScmsSubscription *scms_client_get_sub_version_finish   (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_check_com_apiid_async    (ScmsClient          *self,
                                                        const char          *api_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
char             *scms_client_check_com_apiid_finish   (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_get_com_account_async    (ScmsClient          *self,
                                                        ScmsIdKind           kind,
                                                        const char          *identifier,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
ScmsAccount      *scms_client_get_com_account_finish   (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_get_account_ranks_async  (ScmsClient          *self,
                                                        ScmsIdKind           kind,
                                                        const char          *identifier,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GListModel       *scms_client_get_account_ranks_finish (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_clock_in_out_async       (ScmsClient          *self,
                                                        ScmsIdKind           kind,
                                                        const char          *identifier,
                                                        ScmsClockAction      action,
                                                        const char          *type_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
ScmsClockIn      *scms_client_clock_in_out_finish      (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_get_game_servers_async   (ScmsClient          *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GListModel       *scms_client_get_game_servers_finish  (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_verify_whitelist_async   (ScmsClient          *self,
                                                        ScmsIdKind           kind,
                                                        const char          *identifier,
                                                        gint64               server_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
ScmsWhitelistVerdict *scms_client_verify_whitelist_finish (ScmsClient       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_full_whitelist_async     (ScmsClient          *self,
                                                        gint64               server_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GListModel       *scms_client_full_whitelist_finish    (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_full_whitelist_into_async (ScmsClient         *self,
                                                        gint64               server_id,
                                                        ScmsArrayStore      *store,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          scms_client_full_whitelist_into_finish (ScmsClient        *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_get_departments_async    (ScmsClient          *self,
                                                        gboolean             refresh,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GListModel       *scms_client_get_departments_finish   (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
ScmsRank         *scms_client_lookup_rank              (ScmsClient          *self,
                                                        const char          *rank_id);
void              scms_client_get_profile_fields_async (ScmsClient          *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GListModel       *scms_client_get_profile_fields_finish (ScmsClient         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_get_accounts_async       (ScmsClient          *self,
                                                        guint                skip,
                                                        guint                take,
                                                        ScmsMemberFilter     filter,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GListModel       *scms_client_get_accounts_finish      (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        guint               *total,
                                                        GError             **error);
void              scms_client_get_current_clock_in_async (ScmsClient        *self,
                                                        ScmsIdKind           kind,
                                                        const char          *identifier,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
ScmsClockIn      *scms_client_get_current_clock_in_finish (ScmsClient       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void              scms_client_get_clockin_types_async  (ScmsClient          *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GListModel       *scms_client_get_clockin_types_finish (ScmsClient          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
