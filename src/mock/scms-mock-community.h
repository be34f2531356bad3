/* scms-mock-community.h — the mock's deterministic invented community
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SCMS_MOCK_MAX_MEMBERS    100000
#define SCMS_MOCK_MAX_API_IDS    3
#define SCMS_MOCK_MAX_RANKS      4
/* The first record id handed out by CLOCK_IN_OUT (the reference examples
 * open shift 5612). */
#define SCMS_MOCK_FIRST_CLOCK_ID 5612

typedef struct
{
  const char *id;
  const char *label;
  int         power;
  guint       department;   /* index into the departments */
} ScmsMockRank;

typedef struct
{
  const char *uuid;
  const char *label;
  const char *label_two;
  guint       first_rank;   /* index into the ranks */
  guint       n_ranks;
} ScmsMockDepartment;

typedef struct
{
  const char *id;
  const char *type;
  const char *label;
  const char * const *options;  /* NULL-terminated, or NULL for none */
} ScmsMockProfileField;

typedef struct
{
  const char *id;
  const char *label;
} ScmsMockClockInType;

typedef struct
{
  int         id;
  const char *name;
  const char *description;
  guint32     allowed_ranks;  /* bit n = rank index n */
  guint32     blocked_ranks;
} ScmsMockGameServer;

typedef enum
{
  SCMS_MOCK_WHITELIST_ALLOWED,
  SCMS_MOCK_WHITELIST_BYPASSED,
  SCMS_MOCK_WHITELIST_NOT_ALLOWED,
  SCMS_MOCK_WHITELIST_BLOCKED,
} ScmsMockWhitelistResult;

typedef struct
{
  const char *acc_id;
  const char *acc_name;
  const char *com_name;
  const char *discord_id;
  const char *api_ids[SCMS_MOCK_MAX_API_IDS];
  guint       n_api_ids;
  guint8      ranks[SCMS_MOCK_MAX_RANKS];   /* rank indices */
  guint       n_ranks;
  gint64      unique_id;
  const char *primary_identifier;
  gint64      join_date;                    /* unix seconds */
  gint64      last_login;
  guint       certifications;               /* bit n = certification n */
  int         time_zone;                    /* option index, -1 = unset */
  const char *callsign;                     /* NULL = unset */
  guint       owner : 1;
  guint       banned : 1;
  guint       archived : 1;
  guint       sys_status : 1;
  guint       com_status : 1;
  guint       clocked_in_at_start : 1;
} ScmsMockMember;

typedef struct _ScmsMockCommunity ScmsMockCommunity;

const ScmsMockRank         *scms_mock_ranks            (guint                    *n_ranks);
const ScmsMockDepartment   *scms_mock_departments      (guint                    *n_departments);
const ScmsMockProfileField *scms_mock_profile_fields   (guint                    *n_fields);
const char * const         *scms_mock_certifications   (void);
const ScmsMockClockInType  *scms_mock_clock_in_types   (guint                    *n_types);
const ScmsMockGameServer   *scms_mock_game_servers     (guint                    *n_servers);
const ScmsMockGameServer   *scms_mock_find_game_server (gint64                    id);

ScmsMockCommunity    *scms_mock_community_new               (guint              n_members);
void                  scms_mock_community_free              (ScmsMockCommunity *self);
guint                 scms_mock_community_get_n_members     (ScmsMockCommunity *self);
const ScmsMockMember *scms_mock_community_get_member        (ScmsMockCommunity *self,
                                                             guint              index);
/* Lookups return the member index or -1. */
int                   scms_mock_community_find_by_api_id    (ScmsMockCommunity *self,
                                                             const char        *api_id);
int                   scms_mock_community_find_by_name      (ScmsMockCommunity *self,
                                                             const char        *acc_name);
int                   scms_mock_community_find_by_acc_id    (ScmsMockCommunity *self,
                                                             const char        *acc_id);
int                   scms_mock_community_find_by_discord   (ScmsMockCommunity *self,
                                                             const char        *discord_id);
int                   scms_mock_community_find_by_unique_id (ScmsMockCommunity *self,
                                                             gint64             unique_id);

ScmsMockWhitelistResult scms_mock_member_check_whitelist (const ScmsMockMember     *member,
                                                          const ScmsMockGameServer *server);
/* "YYYY-MM-DD HH:mm:ss.SSS -0700" for @unix_us microseconds since the epoch. */
char                   *scms_mock_format_timestamp       (gint64                    unix_us);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScmsMockCommunity, scms_mock_community_free)

G_END_DECLS
