/* scms-mock-server.c — a faithful loopback stand-in for the Sonoran CMS v1 API
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "scms-mock-community.h"
#include "scms-mock-server.h"

#define TEXT_TYPE         "text/plain; charset=utf-8"
#define JSON_TYPE         "application/json; charset=utf-8"
#define BACKEND_REACHED   "Sonoran CMS: Backend Service Reached"
#define NOT_ENABLED       "API IS NOT ENABLED FOR THIS COMMUNITY"
#define API_ID_NOT_LINKED "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY"
#define NO_ACCOUNT_FOUND  "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY"
#define HTML_502          "<html><head><title>502 Bad Gateway</title></head><body><center>" \
                          "<h1>502 Bad Gateway</h1></center></body></html>"
#define HTML_404          "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n" \
                          "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n" \
                          "</body>\r\n</html>\r\n"
#define DROP_REPLY        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" \
                          "Content-Length: 4096\r\n\r\n{\"partial\":"
#define HUGE_BODY_SIZE    (100 * 1024 * 1024)
#define HUGE_BLOCK_SIZE   (1024 * 1024)
#define HUGE_ENTRY        "{\"name\":\"Huge Body Member\",\"apiIds\":[\"100000000000000000\"]}"

typedef struct _Reply Reply;
typedef void (*EndpointHandler) (ScmsMockServer *self,
                                 JsonObject     *params,
                                 Reply          *reply);

typedef struct
{
  const char      *path;
  const char      *name;        /* the lowercased type */
  int              min_tier;
  EndpointHandler  handler;
  const char      *wrong_types; /* a JSON value of the wrong shape */
} Endpoint;

struct _Reply
{
  guint       status;
  const char *content_type;
  GBytes     *body;
  guint       retry_after;      /* 0 = no Retry-After header */
  gboolean    allow_post;
};

typedef struct
{
  gint64  id;
  char   *start_time;
  char   *end_time;             /* NULL while the shift is open */
  char   *type;                 /* NULL when no shift type was given */
} ClockRecord;

typedef struct
{
  ClockRecord *open;
  ClockRecord *last;            /* the latest closed shift */
} MemberClock;

typedef struct
{
  ScmsMockFault  fault;
  char          *path;
  guint          remaining;     /* G_MAXUINT = until cleared */
} FaultEntry;

struct _ScmsMockServer
{
  GObject             parent_instance;

  /* Guards everything below except the thread fields, which only the
   * owning thread touches. Requests are served one at a time on the mock
   * thread, so holding it while answering costs nothing. */
  GMutex              mutex;

  ScmsMockVariant     variant;
  guint               n_members;
  guint               whitelist_size;
  int                 tier;
  char               *community_id;
  char               *api_key;
  guint               rate_limit_per_minute;
  guint               rate_limit_retry_after;
  guint               slow_ms;
  guint               retry_after;
  GQueue              faults;

  ScmsMockCommunity  *community;
  GHashTable         *clocks;         /* member index → MemberClock */
  gint64              next_clock_id;
  GBytes             *whitelist_cache[2];  /* per game server */
  gboolean            repeat_first_member; /* SCMS_MOCK_FAULT_REPEATED_MEMBER */

  guint               total_requests;
  GHashTable         *path_counts;    /* path → count */
  GArray             *last_second;    /* gint64 monotonic times */
  guint               peak_per_second;
  GArray             *last_minute;    /* the limiter's window */
  GPtrArray          *requests;       /* Recorded, when recording */

  /* Start-up hand-shake with the mock thread. */
  GCond               start_cond;
  gboolean            start_done;
  GError             *start_error;
  guint               requested_port;

  GThread            *thread;
  GMainContext       *context;
  int                 quit;           /* atomic */
  guint               port;
  char               *url;
};

G_DEFINE_FINAL_TYPE (ScmsMockServer, scms_mock_server, G_TYPE_OBJECT)

/* JSON output: compact and written by hand, which is both deterministic and
 * fast enough for 100,000-entry whitelists. */

static void
json_string (GString    *s,
             const char *value)
{
  if (value == NULL)
    {
      g_string_append (s, "null");
      return;
    }

  g_string_append_c (s, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"')
        g_string_append (s, "\\\"");
      else if (c == '\\')
        g_string_append (s, "\\\\");
      else if (c == '\n')
        g_string_append (s, "\\n");
      else if (c < 0x20)
        g_string_append_printf (s, "\\u%04x", c);
      else
        g_string_append_c (s, (char) c);
    }
  g_string_append_c (s, '"');
}

static void
json_key (GString    *s,
          const char *key)
{
  if (s->len > 0 && s->str[s->len - 1] != '{' && s->str[s->len - 1] != '[')
    g_string_append_c (s, ',');
  json_string (s, key);
  g_string_append_c (s, ':');
}

static void
json_member_string (GString    *s,
                    const char *key,
                    const char *value)
{
  json_key (s, key);
  json_string (s, value);
}

static void
json_member_bool (GString    *s,
                  const char *key,
                  gboolean    value)
{
  json_key (s, key);
  g_string_append (s, value ? "true" : "false");
}

static void
json_member_int (GString    *s,
                 const char *key,
                 gint64      value)
{
  json_key (s, key);
  g_string_append_printf (s, "%" G_GINT64_FORMAT, value);
}

static void
json_strings (GString            *s,
              const char * const *values,
              guint               n_values)
{
  g_string_append_c (s, '[');
  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      json_string (s, values[i]);
    }
  g_string_append_c (s, ']');
}

static char *
format_unix (gint64 unix_seconds)
{
  return scms_mock_format_timestamp (unix_seconds * G_USEC_PER_SEC);
}

/* Replies */

static void
reply_set (Reply      *reply,
           guint       status,
           const char *content_type,
           GBytes     *body)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  reply->status = status;
  reply->content_type = content_type;
  reply->body = body;
}

static void
reply_text (Reply      *reply,
            guint       status,
            const char *text)
{
  reply_set (reply, status, TEXT_TYPE, g_bytes_new (text, strlen (text)));
}

static void
reply_json (Reply   *reply,
            guint    status,
            GString *json)
{
  reply_set (reply, status, JSON_TYPE, g_string_free_to_bytes (json));
}

static void
reply_json_static (Reply      *reply,
                   guint       status,
                   const char *json)
{
  reply_set (reply, status, JSON_TYPE, g_bytes_new_static (json, strlen (json)));
}

static void
reply_status_message (Reply      *reply,
                      guint       status,
                      const char *message)
{
  GString *s = g_string_new ("{");

  json_member_int (s, "status", status);
  json_member_string (s, "message", message);
  g_string_append_c (s, '}');
  reply_json (reply, status, s);
}

/* A refused request. VERIFY_WHITELIST is the one endpoint whose failures
 * are JSON, credential errors included (reference §1.5 and §2.7). */
static void
reply_refusal (Reply      *reply,
               const char *endpoint_name,
               const char *code)
{
  if (endpoint_name != NULL && strcmp (endpoint_name, "verify_whitelist") == 0)
    reply_status_message (reply, 400, code);
  else
    reply_text (reply, 400, code);
}

/* Request parameters */

static const char *
param_string (JsonObject *params,
              const char *name)
{
  JsonNode *node;

  if (params == NULL || (node = json_object_get_member (params, name)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* An integer, also accepted as a string of digits: clients differ on how
 * they send uniqueId and serverId. */
static gboolean
param_int (JsonObject *params,
           const char *name,
           gint64     *out)
{
  JsonNode *node;
  const char *text;
  char *end = NULL;

  if (params == NULL || (node = json_object_get_member (params, name)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  text = json_node_get_string (node);
  if (text[0] == '\0')
    return FALSE;
  *out = g_ascii_strtoll (text, &end, 10);

  return *end == '\0';
}

static gboolean
param_bool (JsonObject *params,
            const char *name,
            gboolean   *out)
{
  JsonNode *node;

  if (params == NULL || (node = json_object_get_member (params, name)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
param_present (JsonObject *params,
               const char *name)
{
  return params != NULL && json_object_has_member (params, name);
}

/* Account lookup, §1.3. When several keys are sent (undocumented) the first
 * of apiId, accId, username, discord, uniqueId wins. Returns the member
 * index, -1 if no member matched, -2 if no key was given. */
static int
find_member (ScmsMockServer *self,
             JsonObject     *params,
             gboolean        api_id_only,
             gboolean       *by_api_id)
{
  const char *value;
  gint64 unique_id;

  *by_api_id = FALSE;
  if ((value = param_string (params, "apiId")) != NULL)
    {
      *by_api_id = TRUE;
      return scms_mock_community_find_by_api_id (self->community, value);
    }
  if (api_id_only)
    return -2;
  if ((value = param_string (params, "accId")) != NULL)
    return scms_mock_community_find_by_acc_id (self->community, value);
  if ((value = param_string (params, "username")) != NULL)
    return scms_mock_community_find_by_name (self->community, value);
  if ((value = param_string (params, "discord")) != NULL)
    return scms_mock_community_find_by_discord (self->community, value);
  if (param_int (params, "uniqueId", &unique_id))
    return scms_mock_community_find_by_unique_id (self->community, unique_id);

  return -2;
}

static void
reply_account_error (ScmsMockServer *self,
                     Reply          *reply,
                     int             result,
                     gboolean        by_api_id)
{
  /* The reference lists API ID NOT LINKED under both 400 and 404: the docs
   * variant answers 400, the live one 404. NO ACCOUNT FOUND is only ever a
   * 400, and so is a request without any key. */
  guint status = (by_api_id && result != -2 && self->variant == SCMS_MOCK_VARIANT_LIVE)
                 ? 404 : 400;

  reply_text (reply, status, by_api_id ? API_ID_NOT_LINKED : NO_ACCOUNT_FOUND);
}

/* JSON shapes of the community */

static void
append_profile_fields (GString              *s,
                       const ScmsMockMember *m)
{
  guint n_fields;
  const ScmsMockProfileField *fields = scms_mock_profile_fields (&n_fields);
  const char * const *certs = scms_mock_certifications ();

  json_key (s, "profileFields");
  g_string_append (s, "{\"data\":[");
  if (m->certifications != 0)
    {
      g_string_append_c (s, '{');
      json_member_string (s, "id", fields[0].id);
      json_key (s, "value");
      g_string_append_c (s, '[');
      for (guint i = 0, n = 0; certs[i] != NULL; i++)
        {
          if ((m->certifications & (1u << i)) == 0)
            continue;
          if (n++ > 0)
            g_string_append_c (s, ',');
          json_string (s, certs[i]);
        }
      g_string_append (s, "]}");
    }
  if (m->time_zone >= 0)
    {
      if (s->str[s->len - 1] != '[')
        g_string_append_c (s, ',');
      g_string_append_c (s, '{');
      json_member_string (s, "id", fields[1].id);
      json_member_string (s, "value", fields[1].options[m->time_zone]);
      g_string_append_c (s, '}');
    }
  if (m->callsign != NULL)
    {
      if (s->str[s->len - 1] != '[')
        g_string_append_c (s, ',');
      g_string_append_c (s, '{');
      json_member_string (s, "id", fields[2].id);
      json_member_string (s, "value", m->callsign);
      g_string_append_c (s, '}');
    }
  g_string_append (s, "]}");
}

static void
append_account (ScmsMockServer       *self,
                GString              *s,
                const ScmsMockMember *m)
{
  guint n_ranks;
  guint n_departments;
  const ScmsMockRank *ranks = scms_mock_ranks (&n_ranks);
  const ScmsMockDepartment *departments = scms_mock_departments (&n_departments);
  g_autofree char *join_date = format_unix (m->join_date);
  g_autofree char *last_login = format_unix (m->last_login);
  const char *rank_ids[SCMS_MOCK_MAX_RANKS];
  const char *department_ids[SCMS_MOCK_MAX_RANKS];
  guint n_department_ids = 0;

  for (guint i = 0; i < m->n_ranks; i++)
    rank_ids[i] = ranks[m->ranks[i]].id;

  g_string_append_c (s, '{');
  json_member_string (s, "accId", m->acc_id);

  if (self->variant == SCMS_MOCK_VARIANT_DOCS)
    {
      /* The documented shape, legacy primary/secondary fields and all. */
      json_member_bool (s, "comStatus", m->com_status);
      json_member_string (s, "accName", m->acc_name);
      json_member_string (s, "comName", m->com_name);
      json_member_string (s, "primaryIdentifier", m->primary_identifier);
      json_key (s, "secondaryIdentifiers");
      g_string_append (s, "[]");
      json_member_string (s, "primaryRank", m->n_ranks > 0 ? rank_ids[0] : NULL);
      json_key (s, "secondaryRanks");
      json_strings (s, rank_ids + MIN (m->n_ranks, 1), m->n_ranks > 0 ? m->n_ranks - 1 : 0);
      json_member_string (s, "primaryDepartment",
                          m->n_ranks > 0 ? departments[ranks[m->ranks[0]].department].uuid : NULL);
      for (guint i = 1; i < m->n_ranks; i++)
        {
          const char *uuid = departments[ranks[m->ranks[i]].department].uuid;
          gboolean seen = FALSE;

          for (guint j = 0; j < n_department_ids; j++)
            seen |= strcmp (department_ids[j], uuid) == 0;
          if (!seen)
            department_ids[n_department_ids++] = uuid;
        }
      json_key (s, "secondaryDepartments");
      json_strings (s, department_ids, n_department_ids);
      json_member_string (s, "joinDate", join_date);
      json_member_bool (s, "owner", m->owner);
      json_member_bool (s, "banned", m->banned);
      json_member_string (s, "lastLogin", last_login);
      json_key (s, "activeApiIds");
      json_strings (s, m->api_ids, m->n_api_ids);
      append_profile_fields (s, m);
      json_member_bool (s, "sysStatus", m->sys_status);
      json_member_int (s, "uniqueId", m->unique_id);
      json_key (s, "teamspeakId");
      g_string_append (s, "null");
    }
  else
    {
      /* What the live service drifted to: a flat rank list. */
      json_member_bool (s, "sysStatus", m->sys_status);
      json_member_bool (s, "comStatus", m->com_status);
      json_member_string (s, "accName", m->acc_name);
      json_member_string (s, "comName", m->com_name);
      json_member_string (s, "joinDate", join_date);
      json_member_string (s, "lastLogin", last_login);
      json_member_bool (s, "owner", m->owner);
      json_member_bool (s, "banned", m->banned);
      json_member_bool (s, "archived", m->archived);
      json_key (s, "activeApiIds");
      json_strings (s, m->api_ids, m->n_api_ids);
      json_member_string (s, "discordId", m->discord_id);
      json_member_int (s, "uniqueId", m->unique_id);
      json_key (s, "ranks");
      json_strings (s, rank_ids, m->n_ranks);
      append_profile_fields (s, m);
      json_key (s, "teamspeakId");
      g_string_append (s, "null");
    }

  g_string_append_c (s, '}');
}

static void
append_account_summary (ScmsMockServer       *self,
                        GString              *s,
                        const ScmsMockMember *m)
{
  gboolean live = self->variant == SCMS_MOCK_VARIANT_LIVE;

  g_string_append_c (s, '{');
  json_member_string (s, "accId", m->acc_id);
  json_member_string (s, "accName", m->acc_name);
  if (live)
    json_member_string (s, "comName", m->com_name);
  json_key (s, "activeApiIds");
  json_strings (s, m->api_ids, m->n_api_ids);
  json_member_string (s, "discordId", m->discord_id);
  json_member_bool (s, "sysStatus", m->sys_status);
  json_member_bool (s, "comStatus", m->com_status);
  json_member_bool (s, "archived", m->archived);
  json_member_bool (s, "banned", m->banned);
  if (live)
    json_member_int (s, "uniqueId", m->unique_id);
  g_string_append_c (s, '}');
}

static void
append_clock_record (GString           *s,
                     const ClockRecord *record)
{
  g_string_append_c (s, '{');
  json_member_int (s, "id", record->id);
  json_member_string (s, "startTime", record->start_time);
  json_member_string (s, "endTime", record->end_time);
  json_member_bool (s, "completed", record->end_time != NULL);
  json_key (s, "notes");
  g_string_append (s, "[]");
  if (record->type != NULL)
    json_member_string (s, "type", record->type);
  g_string_append_c (s, '}');
}

/* Clock state */

static void
clock_record_free (ClockRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->start_time);
  g_free (record->end_time);
  g_free (record->type);
  g_free (record);
}

static void
member_clock_free (gpointer data)
{
  MemberClock *clock = data;

  clock_record_free (clock->open);
  clock_record_free (clock->last);
  g_free (clock);
}

static MemberClock *
get_member_clock (ScmsMockServer *self,
                  guint           index)
{
  MemberClock *clock = g_hash_table_lookup (self->clocks, GUINT_TO_POINTER (index));

  if (clock == NULL)
    {
      clock = g_new0 (MemberClock, 1);
      g_hash_table_insert (self->clocks, GUINT_TO_POINTER (index), clock);
    }

  return clock;
}

static char *
now_timestamp (void)
{
  return scms_mock_format_timestamp (g_get_real_time ());
}

static void
close_shift (MemberClock *clock)
{
  clock->open->end_time = now_timestamp ();
  clock_record_free (clock->last);
  clock->last = g_steal_pointer (&clock->open);
}

static void
open_shift (ScmsMockServer *self,
            MemberClock    *clock,
            const char     *type)
{
  ClockRecord *record = g_new0 (ClockRecord, 1);

  record->id = self->next_clock_id++;
  record->start_time = now_timestamp ();
  record->type = g_strdup (type);
  clock->open = record;
}

/* (Re)builds the community and its clock state; caller holds the lock. */
static void
rebuild_community (ScmsMockServer *self)
{
  guint n;
  const ScmsMockClockInType *types = scms_mock_clock_in_types (&n);
  gint64 initial_id = 4100;

  g_clear_pointer (&self->community, scms_mock_community_free);
  self->community = scms_mock_community_new (self->n_members);
  g_hash_table_remove_all (self->clocks);
  self->next_clock_id = SCMS_MOCK_FIRST_CLOCK_ID;

  for (guint i = 0; i < scms_mock_community_get_n_members (self->community); i++)
    {
      const ScmsMockMember *m = scms_mock_community_get_member (self->community, i);
      MemberClock *clock;

      if (!m->clocked_in_at_start)
        continue;

      /* Fixed times keep replies deterministic. */
      clock = get_member_clock (self, i);
      clock->open = g_new0 (ClockRecord, 1);
      clock->open->id = initial_id++;
      clock->open->start_time = g_strdup ("2026-06-02 17:00:00.000 -0700");
      clock->open->type = g_strdup (types[0].id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->whitelist_cache); i++)
    g_clear_pointer (&self->whitelist_cache[i], g_bytes_unref);
}

/* Endpoints */

static void
handle_get_sub_version (ScmsMockServer *self,
                        JsonObject     *params,
                        Reply          *reply)
{
  g_autofree char *text = g_strdup_printf ("%d", self->tier);

  reply_text (reply, 200, text);
}

static void
handle_check_com_apiid (ScmsMockServer *self,
                        JsonObject     *params,
                        Reply          *reply)
{
  gboolean by_api_id;
  int index = find_member (self, params, TRUE, &by_api_id);

  if (index < 0)
    {
      /* Only apiId counts here, so every failure is the apiId one. */
      reply_account_error (self, reply, index, TRUE);
      return;
    }

  reply_text (reply, 200, scms_mock_community_get_member (self->community, index)->acc_name);
}

static void
handle_get_com_account (ScmsMockServer *self,
                        JsonObject     *params,
                        Reply          *reply)
{
  gboolean by_api_id;
  int index = find_member (self, params, FALSE, &by_api_id);
  GString *s;

  if (index < 0)
    {
      reply_account_error (self, reply, index, by_api_id);
      return;
    }

  s = g_string_new (NULL);
  if (self->variant == SCMS_MOCK_VARIANT_LIVE)
    g_string_append_c (s, '[');
  append_account (self, s, scms_mock_community_get_member (self->community, index));
  if (self->variant == SCMS_MOCK_VARIANT_LIVE)
    g_string_append_c (s, ']');
  reply_json (reply, 200, s);
}

static void
handle_get_account_ranks (ScmsMockServer *self,
                          JsonObject     *params,
                          Reply          *reply)
{
  guint n_ranks;
  const ScmsMockRank *ranks = scms_mock_ranks (&n_ranks);
  gboolean by_api_id;
  int index = find_member (self, params, FALSE, &by_api_id);
  const ScmsMockMember *m;
  GString *s;

  if (index < 0)
    {
      reply_account_error (self, reply, index, by_api_id);
      return;
    }

  m = scms_mock_community_get_member (self->community, index);
  s = g_string_new ("[");
  for (guint i = 0; i < m->n_ranks; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      json_string (s, ranks[m->ranks[i]].id);
    }
  g_string_append_c (s, ']');
  reply_json (reply, 200, s);
}

static void
handle_clock_in_out (ScmsMockServer *self,
                     JsonObject     *params,
                     Reply          *reply)
{
  guint n_types;
  const ScmsMockClockInType *types = scms_mock_clock_in_types (&n_types);
  gboolean by_api_id;
  int index = find_member (self, params, FALSE, &by_api_id);
  gboolean force_in = FALSE;
  gboolean force_out = FALSE;
  const char *intention = param_string (params, "intention");
  const char *type = NULL;
  const char *text;
  MemberClock *clock;
  const ClockRecord *result;
  GString *s;

  if (index < 0)
    {
      reply_account_error (self, reply, index, by_api_id);
      return;
    }

  if (param_present (params, "type"))
    {
      type = param_string (params, "type");
      for (guint i = 0; type != NULL && i < n_types; i++)
        {
          if (strcmp (types[i].id, type) == 0)
            break;
          if (i + 1 == n_types)
            type = NULL;
        }
      if (type == NULL)
        {
          reply_text (reply, 400, "INVALID CLOCKIN TYPE");
          return;
        }
    }

  param_bool (params, "forceClockIn", &force_in);
  param_bool (params, "forceClockOut", &force_out);
  clock = get_member_clock (self, index);

  /* Both flags at once is undefined upstream; forceClockIn wins here. */
  if (force_in)
    {
      if (clock->open != NULL)
        close_shift (clock);
      open_shift (self, clock, type);
      result = clock->open;
      text = "FORCE CLOCKED IN";
    }
  else if (force_out || g_strcmp0 (intention, "out") == 0)
    {
      if (clock->open != NULL)
        close_shift (clock);
      if (clock->last == NULL)
        {
          /* Nothing to close and nothing closed before: there is no record
           * to return, so say so (the real wording is unknown). */
          reply_text (reply, 400, "NOT CLOCKED IN");
          return;
        }
      result = clock->last;
      text = "CLOCKED OUT";
    }
  else if (clock->open != NULL && g_strcmp0 (intention, "in") != 0)
    {
      close_shift (clock);
      result = clock->last;
      text = "CLOCKED OUT";
    }
  else
    {
      if (clock->open == NULL)
        open_shift (self, clock, type);
      result = clock->open;
      text = "CLOCKED IN";
    }

  if (self->variant == SCMS_MOCK_VARIANT_DOCS)
    {
      reply_text (reply, 200, text);
      return;
    }

  s = g_string_new (NULL);
  append_clock_record (s, result);
  reply_json (reply, 200, s);
}

static void
handle_get_current_clock_in (ScmsMockServer *self,
                             JsonObject     *params,
                             Reply          *reply)
{
  gboolean by_api_id;
  int index = find_member (self, params, FALSE, &by_api_id);
  /* The v1 page labels these successes 201. */
  guint status = self->variant == SCMS_MOCK_VARIANT_DOCS ? 201 : 200;
  MemberClock *clock;
  GString *s;

  if (index < 0)
    {
      reply_account_error (self, reply, index, by_api_id);
      return;
    }

  clock = g_hash_table_lookup (self->clocks, GUINT_TO_POINTER ((guint) index));
  if (clock == NULL || clock->open == NULL)
    {
      reply_text (reply, status, "Not Clocked In");
      return;
    }

  s = g_string_new (NULL);
  append_clock_record (s, clock->open);
  reply_json (reply, status, s);
}

static void
handle_get_game_servers (ScmsMockServer *self,
                         JsonObject     *params,
                         Reply          *reply)
{
  guint n;
  const ScmsMockGameServer *servers = scms_mock_game_servers (&n);
  GString *s = g_string_new ("{\"servers\":[");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, '{');
      json_member_int (s, "id", servers[i].id);
      json_member_string (s, "name", servers[i].name);
      json_member_string (s, "description", servers[i].description);
      g_string_append_c (s, '}');
    }
  g_string_append (s, "]}");
  reply_json (reply, 200, s);

  /* The live service has been seen labelling this JSON as text. */
  if (self->variant == SCMS_MOCK_VARIANT_LIVE)
    reply->content_type = TEXT_TYPE;
}

static gboolean
get_server (JsonObject                *params,
            const ScmsMockGameServer **server)
{
  gint64 id = 1;

  /* A missing serverId means server 1, as Sonoran.js defaults to. */
  if (param_present (params, "serverId") && !param_int (params, "serverId", &id))
    id = -1;
  *server = scms_mock_find_game_server (id);

  return *server != NULL;
}

static void
handle_verify_whitelist (ScmsMockServer *self,
                         JsonObject     *params,
                         Reply          *reply)
{
  const ScmsMockGameServer *server;
  const ScmsMockMember *m;
  gboolean by_api_id;
  int index;
  const char *denial = NULL;
  g_autofree char *text = NULL;

  if (!get_server (params, &server))
    {
      reply_status_message (reply, 400, "INVALID_SERVER_ID");
      return;
    }

  index = find_member (self, params, FALSE, &by_api_id);
  if (index < 0)
    {
      reply_status_message (reply, 400, "UNKNOWN_ACC_API_ID");
      return;
    }

  m = scms_mock_community_get_member (self->community, index);
  switch (scms_mock_member_check_whitelist (m, server))
    {
    case SCMS_MOCK_WHITELIST_ALLOWED:
      reply_text (reply, 200, m->acc_name);
      return;
    case SCMS_MOCK_WHITELIST_BYPASSED:
      text = g_strconcat ("BYPASSED WHITELIST - ", m->acc_name, NULL);
      reply_text (reply, 200, text);
      return;
    case SCMS_MOCK_WHITELIST_NOT_ALLOWED:
      denial = "NOT ALLOWED ON WHITELIST";
      break;
    case SCMS_MOCK_WHITELIST_BLOCKED:
      denial = "BLOCKED FOR WHITELIST";
      break;
    default:
      g_assert_not_reached ();
    }

  if (self->variant == SCMS_MOCK_VARIANT_DOCS)
    reply_text (reply, 404, denial);
  else
    reply_status_message (reply, 404, denial);
}

static GBytes *
build_full_whitelist (ScmsMockServer           *self,
                      const ScmsMockGameServer *server)
{
  guint n_members = scms_mock_community_get_n_members (self->community);
  GString *s = g_string_sized_new (4096);
  guint n_entries = 0;

  g_string_append_c (s, '[');
  for (guint i = 0; i < n_members; i++)
    {
      const ScmsMockMember *m = scms_mock_community_get_member (self->community, i);
      ScmsMockWhitelistResult result = scms_mock_member_check_whitelist (m, server);

      if (result != SCMS_MOCK_WHITELIST_ALLOWED && result != SCMS_MOCK_WHITELIST_BYPASSED)
        continue;
      if (n_entries++ > 0)
        g_string_append_c (s, ',');
      g_string_append (s, "{\"name\":");
      json_string (s, m->acc_name);
      g_string_append (s, ",\"apiIds\":");
      json_strings (s, m->api_ids, m->n_api_ids);
      g_string_append_c (s, '}');
    }

  /* Synthetic padding for benchmarks of big communities. */
  if (server->id == 1)
    {
      for (guint i = n_entries; i < self->whitelist_size; i++)
        {
          guint32 h = i * 2654435761u;

          if (i > 0)
            g_string_append_c (s, ',');
          g_string_append_printf (s,
                                  "{\"name\":\"Whitelist Member %06u\","
                                  "\"apiIds\":[\"8%017u\",\"%08x%08x%08x%08x%08x\"]}",
                                  i, i, h, h ^ 0x5bd1e995u, h * 31u, h ^ 0xdeadbeefu, i);
        }
    }
  g_string_append_c (s, ']');

  return g_string_free_to_bytes (s);
}

static void
handle_full_whitelist (ScmsMockServer *self,
                       JsonObject     *params,
                       Reply          *reply)
{
  const ScmsMockGameServer *server;
  guint slot;

  if (!get_server (params, &server))
    {
      reply_text (reply, 400, "INVALID_SERVER_ID");
      return;
    }

  /* Built once per server and settings: big whitelists are expensive. */
  slot = (guint) server->id - 1;
  g_assert (slot < G_N_ELEMENTS (self->whitelist_cache));
  if (self->whitelist_cache[slot] == NULL)
    self->whitelist_cache[slot] = build_full_whitelist (self, server);

  reply_set (reply, 200, JSON_TYPE, g_bytes_ref (self->whitelist_cache[slot]));
}

static void
handle_get_departments (ScmsMockServer *self,
                        JsonObject     *params,
                        Reply          *reply)
{
  guint n_departments;
  guint n_ranks;
  const ScmsMockDepartment *departments = scms_mock_departments (&n_departments);
  const ScmsMockRank *ranks = scms_mock_ranks (&n_ranks);
  GString *s = g_string_new ("[");

  for (guint i = 0; i < n_departments; i++)
    {
      const ScmsMockDepartment *d = &departments[i];

      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, '{');
      json_member_string (s, "uuid", d->uuid);
      json_member_string (s, "label", d->label);
      json_member_string (s, "labelTwo", d->label_two);
      json_key (s, "ranks");
      g_string_append_c (s, '[');
      for (guint j = d->first_rank; j < d->first_rank + d->n_ranks; j++)
        {
          if (j > d->first_rank)
            g_string_append_c (s, ',');
          g_string_append_c (s, '{');
          json_member_string (s, "id", ranks[j].id);
          json_member_string (s, "label", ranks[j].label);
          json_member_bool (s, "primaryOnly", FALSE);
          json_member_bool (s, "secondaryOnly", FALSE);
          json_member_int (s, "power", ranks[j].power);
          g_string_append_c (s, '}');
        }
      g_string_append (s, "]}");
    }
  g_string_append_c (s, ']');
  reply_json (reply, 200, s);
}

static void
handle_get_profile_fields (ScmsMockServer *self,
                           JsonObject     *params,
                           Reply          *reply)
{
  guint n;
  const ScmsMockProfileField *fields = scms_mock_profile_fields (&n);
  GString *s = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, '{');
      json_member_string (s, "id", fields[i].id);
      json_member_string (s, "type", fields[i].type);
      json_member_string (s, "label", fields[i].label);
      json_key (s, "options");
      if (fields[i].options != NULL)
        json_strings (s, fields[i].options, g_strv_length ((char **) fields[i].options));
      else
        g_string_append (s, "null");
      g_string_append_c (s, '}');
    }
  g_string_append_c (s, ']');
  reply_json (reply, 200, s);
}

static void
handle_get_accounts (ScmsMockServer *self,
                     JsonObject     *params,
                     Reply          *reply)
{
  guint n_members = scms_mock_community_get_n_members (self->community);
  gint64 skip = 0;
  gint64 take = 25;
  gboolean sys_status, com_status, banned, archived;
  gboolean by_sys = param_bool (params, "sysStatus", &sys_status);
  gboolean by_com = param_bool (params, "comStatus", &com_status);
  gboolean by_banned = param_bool (params, "banned", &banned);
  gboolean by_archived = param_bool (params, "archived", &archived);
  GString *page = g_string_new ("[");
  GString *s;
  gint64 total = 0;
  const ScmsMockMember *first = NULL;

  param_int (params, "skip", &skip);
  param_int (params, "take", &take);
  skip = MAX (skip, 0);
  take = CLAMP (take, 25, 100);

  for (guint i = 0; i < n_members; i++)
    {
      const ScmsMockMember *m = scms_mock_community_get_member (self->community, i);

      if ((by_sys && !m->sys_status != !sys_status)
          || (by_com && !m->com_status != !com_status)
          || (by_banned && !m->banned != !banned)
          || (by_archived && !m->archived != !archived))
        continue;

      if (total >= skip && total < skip + take)
        {
          if (page->len > 1)
            g_string_append_c (page, ',');

          /* A full page whose last row is its first again. */
          if (self->repeat_first_member && first != NULL && total == skip + take - 1)
            append_account_summary (self, page, first);
          else
            append_account_summary (self, page, m);

          if (first == NULL)
            first = m;
        }
      total++;
    }
  g_string_append_c (page, ']');

  s = g_string_new ("{");
  json_member_int (s, "total", total);
  json_member_int (s, "skip", skip);
  json_member_int (s, "take", take);
  json_key (s, "accounts");
  g_string_append_len (s, page->str, page->len);
  g_string_append_c (s, '}');
  g_string_free (page, TRUE);
  reply_json (reply, 200, s);
}

static void
handle_get_clockin_types (ScmsMockServer *self,
                          JsonObject     *params,
                          Reply          *reply)
{
  guint n;
  const ScmsMockClockInType *types = scms_mock_clock_in_types (&n);
  GString *s = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, '{');
      json_member_string (s, "id", types[i].id);
      json_member_string (s, "label", types[i].label);
      g_string_append_c (s, '}');
    }
  g_string_append_c (s, ']');
  reply_json (reply, 200, s);
}

static const Endpoint endpoints[] = {
  { "/general/get_sub_version", "get_sub_version", 0, handle_get_sub_version,
    "{\"version\":[4]}" },
  { "/general/check_com_apiid", "check_com_apiid", 2, handle_check_com_apiid,
    "{\"accName\":42}" },
  { "/general/get_com_account", "get_com_account", 3, handle_get_com_account,
    "\"just a string\"" },
  { "/general/get_account_ranks", "get_account_ranks", 2, handle_get_account_ranks,
    "{\"ranks\":7}" },
  { "/general/clock_in_out", "clock_in_out", 3, handle_clock_in_out,
    "\"just a string\"" },
  { "/general/get_departments", "get_departments", 2, handle_get_departments,
    "[{\"uuid\":7,\"label\":null,\"ranks\":\"none\"}]" },
  { "/general/get_profile_fields", "get_profile_fields", 2, handle_get_profile_fields,
    "[{\"id\":1,\"type\":[],\"label\":false,\"options\":\"x\"}]" },
  { "/general/get_accounts", "get_accounts", 2, handle_get_accounts,
    "{\"accounts\":\"x\",\"total\":\"five\"}" },
  { "/general/get_current_clock_in", "get_current_clock_in", 3, handle_get_current_clock_in,
    "\"just a string\"" },
  { "/general/get_clockin_types", "get_clockin_types", 2, handle_get_clockin_types,
    "[{\"id\":5,\"label\":[]}]" },
  { "/servers/get_game_servers", "get_game_servers", 2, handle_get_game_servers,
    "{\"servers\":\"none\"}" },
  { "/servers/verify_whitelist", "verify_whitelist", 3, handle_verify_whitelist,
    "{\"allowed\":\"yes\"}" },
  { "/servers/full_whitelist", "full_whitelist", 3, handle_full_whitelist,
    "[{\"name\":{\"a\":1},\"apiIds\":\"x\"}]" },
};

static const Endpoint *
find_endpoint (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      if (strcmp (endpoints[i].path, path) == 0)
        return &endpoints[i];
    }

  return NULL;
}

/* The normal behaviour of the service; caller holds the lock. */
static void
process_request (ScmsMockServer    *self,
                 SoupServerMessage *msg,
                 const char        *path,
                 Reply             *reply)
{
  const Endpoint *endpoint = find_endpoint (path);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *expected_type = NULL;
  JsonObject *envelope;
  JsonObject *params = NULL;
  JsonNode *data;
  const char *id;
  const char *key;
  const char *type;

  if (endpoint == NULL)
    {
      reply_text (reply, 200, BACKEND_REACHED);
      return;
    }

  if (strcmp (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0)
    {
      reply_text (reply, 405, "Method Not Allowed");
      reply->allow_post = TRUE;
      return;
    }

  /* The real service's answer to a body that is not a JSON object is
   * unknown; the mock answers 400 "INVALID REQUEST", a code that no
   * documented error uses, so clients cannot mistake it for a credentials
   * or type problem. The same goes for a `data` that is neither an array
   * nor an object. */
  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      reply_refusal (reply, endpoint->name, "INVALID REQUEST");
      return;
    }

  envelope = json_node_get_object (json_parser_get_root (parser));
  id = param_string (envelope, "id");
  key = param_string (envelope, "key");
  type = param_string (envelope, "type");

  if (id == NULL || strcmp (id, self->community_id) != 0)
    {
      reply_refusal (reply, endpoint->name, "INVALID COMMUNITY ID");
      return;
    }
  if (key == NULL || strcmp (key, self->api_key) != 0)
    {
      reply_refusal (reply, endpoint->name, "INVALID API KEY");
      return;
    }
  /* The type is the path's name in upper case, exactly (reference §1.2). */
  expected_type = g_ascii_strup (endpoint->name, -1);
  if (type == NULL || strcmp (type, expected_type) != 0)
    {
      reply_refusal (reply, endpoint->name, "INVALID REQUEST TYPE");
      return;
    }

  /* data: normally [ {…} ], [] for no parameters; some doc pages show a
   * bare object or no data at all, and those work too. */
  data = json_object_get_member (envelope, "data");
  if (data != NULL && JSON_NODE_HOLDS_ARRAY (data))
    {
      JsonArray *array = json_node_get_array (data);

      if (json_array_get_length (array) > 0
          && JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
        params = json_array_get_object_element (array, 0);
    }
  else if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    params = json_node_get_object (data);
  else if (data != NULL && !JSON_NODE_HOLDS_NULL (data))
    {
      reply_refusal (reply, endpoint->name, "INVALID REQUEST");
      return;
    }

  if (self->tier < endpoint->min_tier)
    {
      reply_refusal (reply, endpoint->name, NOT_ENABLED);
      return;
    }

  endpoint->handler (self, params, reply);
}

/* Bookkeeping; caller holds the lock. */

typedef struct
{
  char *path;
  char *body;
} Recorded;

static void
recorded_free (gpointer data)
{
  Recorded *recorded = data;

  g_free (recorded->path);
  g_free (recorded->body);
  g_free (recorded);
}

static void
drop_older (GArray *times,
            gint64  limit)
{
  guint n = 0;

  while (n < times->len && g_array_index (times, gint64, n) <= limit)
    n++;
  if (n > 0)
    g_array_remove_range (times, 0, n);
}

static void
count_request (ScmsMockServer    *self,
               SoupServerMessage *msg,
               const char        *path)
{
  gint64 now = g_get_monotonic_time ();
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->path_counts, path));

  if (self->requests != NULL)
    {
      g_autoptr(GBytes) body = NULL;
      Recorded *recorded = g_new0 (Recorded, 1);

      body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
      recorded->path = g_strdup (path);
      recorded->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      g_ptr_array_add (self->requests, recorded);
    }

  self->total_requests++;
  g_hash_table_insert (self->path_counts, g_strdup (path), GUINT_TO_POINTER (count + 1));

  drop_older (self->last_second, now - G_USEC_PER_SEC);
  g_array_append_val (self->last_second, now);
  self->peak_per_second = MAX (self->peak_per_second, self->last_second->len);
}

/* The optional sliding one-minute limiter. Rejected requests do not enter
 * the window, so a client that backs off gets through again. */
static gboolean
rate_limited (ScmsMockServer *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->rate_limit_per_minute == 0)
    return FALSE;

  drop_older (self->last_minute, now - 60 * G_USEC_PER_SEC);
  if (self->last_minute->len >= self->rate_limit_per_minute)
    return TRUE;
  g_array_append_val (self->last_minute, now);

  return FALSE;
}

static ScmsMockFault
take_fault (ScmsMockServer *self,
            const char     *path)
{
  for (GList *l = self->faults.head; l != NULL; l = l->next)
    {
      FaultEntry *entry = l->data;
      ScmsMockFault fault = entry->fault;

      if (entry->path != NULL && strcmp (entry->path, path) != 0)
        continue;

      if (entry->remaining != G_MAXUINT && --entry->remaining == 0)
        {
          g_queue_delete_link (&self->faults, l);
          g_free (entry->path);
          g_free (entry);
        }

      return fault;
    }

  return SCMS_MOCK_FAULT_NONE;
}

static void
fault_entry_free (gpointer data)
{
  FaultEntry *entry = data;

  g_free (entry->path);
  g_free (entry);
}

/* Delivery */

static void
apply_reply (SoupServerMessage *msg,
             Reply             *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, reply->status, NULL);
  soup_message_headers_replace (headers, "Content-Type", reply->content_type);
  if (reply->retry_after > 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", reply->retry_after);

      soup_message_headers_replace (headers, "Retry-After", value);
    }
  if (reply->allow_post)
    soup_message_headers_replace (headers, "Allow", "POST");
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), reply->body);
}

static gboolean
slow_reply_cb (gpointer data)
{
  SoupServerMessage *msg = data;

  soup_server_message_unpause (msg);

  return G_SOURCE_REMOVE;
}

static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *out;

  if (stream == NULL)
    return;

  /* Headers promising 4 KiB, a few bytes, then the connection closes. */
  out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, DROP_REPLY, strlen (DROP_REPLY), NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

typedef struct
{
  GBytes *block;
  guint   blocks_left;
  gboolean done;
} HugeBody;

static void
huge_body_free (gpointer data)
{
  HugeBody *huge = data;

  g_bytes_unref (huge->block);
  g_free (huge);
}

/* Called as each chunk leaves: queue the next one, so the body never sits
 * in memory as a whole (one shared 1 MiB block is sent a hundred times). */
static void
huge_wrote_chunk_cb (SoupServerMessage *msg,
                     gpointer           user_data)
{
  HugeBody *huge = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (huge->done)
    return;

  if (huge->blocks_left > 0)
    {
      huge->blocks_left--;
      soup_message_body_append_bytes (body, huge->block);
    }
  else
    {
      huge->done = TRUE;
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "]", 1);
      soup_message_body_complete (body);
    }
}

static void
start_huge_body (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  HugeBody *huge = g_new0 (HugeBody, 1);
  GString *block = g_string_sized_new (HUGE_BLOCK_SIZE + 128);
  const gsize entry_len = strlen (HUGE_ENTRY) + 1;

  while (block->len + entry_len <= HUGE_BLOCK_SIZE)
    {
      g_string_append_c (block, ',');
      g_string_append (block, HUGE_ENTRY);
    }
  huge->blocks_left = (HUGE_BODY_SIZE + block->len - 1) / block->len;
  huge->block = g_string_free_to_bytes (block);

  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_replace (headers, "Content-Type", JSON_TYPE);
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "[" HUGE_ENTRY, strlen ("[" HUGE_ENTRY));

  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (huge_wrote_chunk_cb), huge);
  g_object_set_data_full (G_OBJECT (msg), "scms-mock-huge-body", huge, huge_body_free);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  ScmsMockServer *self = user_data;
  Reply reply = { 0, };
  ScmsMockFault fault = SCMS_MOCK_FAULT_NONE;
  guint slow_ms = 0;
  const Endpoint *endpoint = find_endpoint (path);

  g_mutex_lock (&self->mutex);

  count_request (self, msg, path);

  if (rate_limited (self))
    {
      reply_text (&reply, 429, "Too Many Requests");
      reply.retry_after = self->rate_limit_retry_after;
    }
  else
    {
      fault = take_fault (self, path);
      slow_ms = self->slow_ms;

      switch (fault)
        {
        case SCMS_MOCK_FAULT_NONE:
        case SCMS_MOCK_FAULT_SLOW:
          process_request (self, msg, path, &reply);
          break;
        case SCMS_MOCK_FAULT_RATE_LIMIT:
          reply_text (&reply, 429, "Too Many Requests");
          reply.retry_after = self->retry_after;
          break;
        case SCMS_MOCK_FAULT_RATE_LIMIT_BARE:
          reply_text (&reply, 429, "Too Many Requests");
          break;
        case SCMS_MOCK_FAULT_SERVER_ERROR:
          reply_text (&reply, 500, "Internal Server Error");
          break;
        case SCMS_MOCK_FAULT_TRUNCATED_JSON:
          process_request (self, msg, path, &reply);
          reply_set (&reply, 200, "application/json",
                     g_bytes_new_from_bytes (reply.body, 0, g_bytes_get_size (reply.body) / 2));
          break;
        case SCMS_MOCK_FAULT_WRONG_CONTENT_TYPE:
          process_request (self, msg, path, &reply);
          reply.content_type = "text/html";
          break;
        case SCMS_MOCK_FAULT_HTML_ERROR:
          reply_text (&reply, 502, HTML_502);
          reply.content_type = "text/html";
          break;
        case SCMS_MOCK_FAULT_INVALID_UTF8:
          reply_text (&reply, 200, "Elena \xff\xfe Ashgrove");
          break;
        case SCMS_MOCK_FAULT_WRONG_TYPES:
          reply_json_static (&reply, 200, endpoint != NULL ? endpoint->wrong_types
                                                           : "\"just a string\"");
          break;
        case SCMS_MOCK_FAULT_BACKEND_REACHED:
          reply_text (&reply, 200, BACKEND_REACHED);
          break;
        case SCMS_MOCK_FAULT_NOT_ENABLED:
          reply_refusal (&reply, endpoint != NULL ? endpoint->name : NULL, NOT_ENABLED);
          break;
        case SCMS_MOCK_FAULT_REPEATED_MEMBER:
          self->repeat_first_member = TRUE;
          process_request (self, msg, path, &reply);
          self->repeat_first_member = FALSE;
          break;
        case SCMS_MOCK_FAULT_NOT_FOUND_HTML:
          reply_text (&reply, 404, HTML_404);
          reply.content_type = "text/html";
          break;
        case SCMS_MOCK_FAULT_ECHO_REQUEST:
          {
            g_autoptr(GBytes) request = soup_message_body_flatten (
              soup_server_message_get_request_body (msg));

            reply_set (&reply, 400, TEXT_TYPE, g_steal_pointer (&request));
          }
          break;
        case SCMS_MOCK_FAULT_DROP:
        case SCMS_MOCK_FAULT_HUGE_BODY:
          /* Handled below, outside the lock. */
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_mutex_unlock (&self->mutex);

  /* Only the method, path and status: bodies carry the key. */
  if (fault == SCMS_MOCK_FAULT_DROP)
    {
      g_debug ("%s %s -> dropped", soup_server_message_get_method (msg), path);
      drop_connection (msg);
      return;
    }
  if (fault == SCMS_MOCK_FAULT_HUGE_BODY)
    {
      g_debug ("%s %s -> 200 (huge body)", soup_server_message_get_method (msg), path);
      start_huge_body (msg);
      return;
    }

  g_debug ("%s %s -> %u", soup_server_message_get_method (msg), path, reply.status);
  apply_reply (msg, &reply);
  g_bytes_unref (reply.body);

  if (fault == SCMS_MOCK_FAULT_SLOW)
    {
      g_autoptr(GSource) source = g_timeout_source_new (slow_ms);

      /* Pausing keeps the mock thread free for other requests meanwhile. */
      soup_server_message_pause (msg);
      g_source_set_callback (source, slow_reply_cb, g_object_ref (msg), g_object_unref);
      g_source_attach (source, g_main_context_get_thread_default ());
    }
}

/* The mock thread */

static gpointer
server_thread (gpointer data)
{
  ScmsMockServer *self = data;
  g_autoptr(SoupServer) server = NULL;
  GError *error = NULL;
  guint port = 0;

  g_main_context_push_thread_default (self->context);

  server = soup_server_new ("server-header", "scms-mock ", NULL);
  soup_server_add_handler (server, NULL, server_cb, self, NULL);

  if (soup_server_listen_local (server, self->requested_port, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                &error))
    {
      GSList *uris = soup_server_get_uris (server);

      port = uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }

  g_mutex_lock (&self->mutex);
  self->start_error = error;
  self->port = port;
  self->start_done = TRUE;
  g_cond_broadcast (&self->start_cond);
  g_mutex_unlock (&self->mutex);

  while (error == NULL && !g_atomic_int_get (&self->quit))
    g_main_context_iteration (self->context, TRUE);

  soup_server_disconnect (server);
  g_clear_object (&server);
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/* GObject */

static void
scms_mock_server_dispose (GObject *object)
{
  ScmsMockServer *self = SCMS_MOCK_SERVER (object);

  scms_mock_server_stop (self);

  G_OBJECT_CLASS (scms_mock_server_parent_class)->dispose (object);
}

static void
scms_mock_server_finalize (GObject *object)
{
  ScmsMockServer *self = SCMS_MOCK_SERVER (object);

  g_queue_clear_full (&self->faults, fault_entry_free);
  g_clear_pointer (&self->community, scms_mock_community_free);
  g_clear_pointer (&self->clocks, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->whitelist_cache); i++)
    g_clear_pointer (&self->whitelist_cache[i], g_bytes_unref);
  g_clear_pointer (&self->path_counts, g_hash_table_unref);
  g_clear_pointer (&self->last_second, g_array_unref);
  g_clear_pointer (&self->last_minute, g_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->community_id, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_error (&self->start_error);
  g_cond_clear (&self->start_cond);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (scms_mock_server_parent_class)->finalize (object);
}

static void
scms_mock_server_class_init (ScmsMockServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scms_mock_server_dispose;
  object_class->finalize = scms_mock_server_finalize;
}

static void
scms_mock_server_init (ScmsMockServer *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->start_cond);
  g_queue_init (&self->faults);

  self->variant = SCMS_MOCK_VARIANT_DOCS;
  self->n_members = SCMS_MOCK_DEFAULT_MEMBERS;
  self->tier = 4;
  self->community_id = g_strdup (SCMS_MOCK_DEFAULT_COMMUNITY_ID);
  self->api_key = g_strdup (SCMS_MOCK_DEFAULT_API_KEY);
  self->rate_limit_retry_after = 60;
  self->slow_ms = 5000;
  self->retry_after = 60;
  self->clocks = g_hash_table_new_full (NULL, NULL, NULL, member_clock_free);
  self->path_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->last_second = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->last_minute = g_array_new (FALSE, FALSE, sizeof (gint64));

  rebuild_community (self);
}

/* Public API */

/**
 * scms_mock_server_new:
 *
 * Returns: (transfer full): a stopped mock with the default community
 *   (%SCMS_MOCK_DEFAULT_MEMBERS members, tier 4, documented shapes)
 */
ScmsMockServer *
scms_mock_server_new (void)
{
  return g_object_new (SCMS_TYPE_MOCK_SERVER, NULL);
}

void
scms_mock_server_set_variant (ScmsMockServer  *self,
                              ScmsMockVariant  variant)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->variant = variant;
  g_mutex_unlock (&self->mutex);
}

void
scms_mock_server_set_members (ScmsMockServer *self,
                              guint           n_members)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  if (self->n_members != n_members)
    {
      self->n_members = n_members;
      rebuild_community (self);
    }
  g_mutex_unlock (&self->mutex);
}

void
scms_mock_server_set_whitelist_size (ScmsMockServer *self,
                                     guint           n_entries)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  if (self->whitelist_size != n_entries)
    {
      self->whitelist_size = n_entries;
      g_clear_pointer (&self->whitelist_cache[0], g_bytes_unref);
    }
  g_mutex_unlock (&self->mutex);
}

void
scms_mock_server_set_tier (ScmsMockServer *self,
                           int             tier)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->tier = tier;
  g_mutex_unlock (&self->mutex);
}

void
scms_mock_server_set_credentials (ScmsMockServer *self,
                                  const char     *community_id,
                                  const char     *api_key)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  g_free (self->community_id);
  self->community_id = g_strdup (community_id != NULL ? community_id
                                                      : SCMS_MOCK_DEFAULT_COMMUNITY_ID);
  g_free (self->api_key);
  self->api_key = g_strdup (api_key != NULL ? api_key : SCMS_MOCK_DEFAULT_API_KEY);
  g_mutex_unlock (&self->mutex);
}

void
scms_mock_server_set_rate_limit (ScmsMockServer *self,
                                 guint           per_minute,
                                 guint           retry_after)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->rate_limit_per_minute = per_minute;
  self->rate_limit_retry_after = retry_after;
  g_array_set_size (self->last_minute, 0);
  g_mutex_unlock (&self->mutex);
}

/**
 * scms_mock_server_start:
 * @self: a #ScmsMockServer
 * @port: the port on 127.0.0.1, 0 for any free one
 * @error: return location for a #GError
 *
 * Starts the mock thread and returns once it listens.
 *
 * Returns: %TRUE on success
 */
gboolean
scms_mock_server_start (ScmsMockServer  *self,
                        guint            port,
                        GError         **error)
{
  g_return_val_if_fail (SCMS_IS_MOCK_SERVER (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  g_mutex_lock (&self->mutex);
  self->requested_port = port;
  self->start_done = FALSE;
  g_clear_error (&self->start_error);
  g_mutex_unlock (&self->mutex);

  g_atomic_int_set (&self->quit, 0);
  self->context = g_main_context_new ();
  self->thread = g_thread_new ("scms-mock", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->start_done)
    g_cond_wait (&self->start_cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  if (self->start_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->context, g_main_context_unref);
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      return FALSE;
    }

  self->url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  g_debug ("Mock listening on %s", self->url);

  return TRUE;
}

void
scms_mock_server_stop (ScmsMockServer *self)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  if (self->thread == NULL)
    return;

  g_atomic_int_set (&self->quit, 1);
  g_main_context_wakeup (self->context);
  g_thread_join (g_steal_pointer (&self->thread));
  /* Drops pending slow replies with their messages. */
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->url, g_free);
  self->port = 0;
}

const char *
scms_mock_server_get_url (ScmsMockServer *self)
{
  g_return_val_if_fail (SCMS_IS_MOCK_SERVER (self), NULL);

  return self->url;
}

guint
scms_mock_server_get_port (ScmsMockServer *self)
{
  g_return_val_if_fail (SCMS_IS_MOCK_SERVER (self), 0);

  return self->thread != NULL ? self->port : 0;
}

/**
 * scms_mock_server_inject_fault:
 * @self: a #ScmsMockServer
 * @fault: the fault; %SCMS_MOCK_FAULT_NONE removes the faults queued for
 *   @path (all of them for %NULL)
 * @path: (nullable): the endpoint path it applies to, %NULL for any
 * @count: how many replies get it, %G_MAXUINT until cleared
 *
 * Queues a fault; the earliest queued fault that matches a request wins.
 */
void
scms_mock_server_inject_fault (ScmsMockServer *self,
                               ScmsMockFault   fault,
                               const char     *path,
                               guint           count)
{
  FaultEntry *entry;

  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  if (fault == SCMS_MOCK_FAULT_NONE)
    {
      GList *l = self->faults.head;

      while (l != NULL)
        {
          GList *next = l->next;
          FaultEntry *old = l->data;

          if (path == NULL || g_strcmp0 (old->path, path) == 0)
            {
              fault_entry_free (old);
              g_queue_delete_link (&self->faults, l);
            }
          l = next;
        }
    }
  else if (count > 0)
    {
      entry = g_new0 (FaultEntry, 1);
      entry->fault = fault;
      entry->path = g_strdup (path);
      entry->remaining = count;
      g_queue_push_tail (&self->faults, entry);
    }
  g_mutex_unlock (&self->mutex);
}

void
scms_mock_server_clear_faults (ScmsMockServer *self)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  g_queue_clear_full (&self->faults, fault_entry_free);
  g_mutex_unlock (&self->mutex);
}

void
scms_mock_server_set_slow_ms (ScmsMockServer *self,
                              guint           milliseconds)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->slow_ms = milliseconds;
  g_mutex_unlock (&self->mutex);
}

void
scms_mock_server_set_retry_after (ScmsMockServer *self,
                                  guint           seconds)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->retry_after = seconds;
  g_mutex_unlock (&self->mutex);
}

guint
scms_mock_server_get_request_count (ScmsMockServer *self,
                                    const char     *path)
{
  guint count;

  g_return_val_if_fail (SCMS_IS_MOCK_SERVER (self), 0);

  g_mutex_lock (&self->mutex);
  if (path == NULL)
    count = self->total_requests;
  else
    count = GPOINTER_TO_UINT (g_hash_table_lookup (self->path_counts, path));
  g_mutex_unlock (&self->mutex);

  return count;
}

void
scms_mock_server_reset_counts (ScmsMockServer *self)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->total_requests = 0;
  g_hash_table_remove_all (self->path_counts);
  g_array_set_size (self->last_second, 0);
  self->peak_per_second = 0;
  if (self->requests != NULL)
    g_ptr_array_set_size (self->requests, 0);
  g_mutex_unlock (&self->mutex);
}

/**
 * scms_mock_server_set_record_requests:
 * @self: a #ScmsMockServer
 * @record: whether to keep the body of each request
 *
 * Keeps the body of every request from now until the next
 * scms_mock_server_reset_counts(), for tests to read what a client sent.
 * Off by default, so that a long-running mock does not grow.
 */
void
scms_mock_server_set_record_requests (ScmsMockServer *self,
                                      gboolean        record)
{
  g_return_if_fail (SCMS_IS_MOCK_SERVER (self));

  g_mutex_lock (&self->mutex);
  if (record && self->requests == NULL)
    self->requests = g_ptr_array_new_with_free_func (recorded_free);
  else if (!record)
    g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_mutex_unlock (&self->mutex);
}

/**
 * scms_mock_server_dup_request_bodies:
 * @self: a #ScmsMockServer
 * @path: (nullable): an endpoint path, or %NULL for any
 *
 * Returns: (transfer full): the bodies of the requests recorded for @path,
 *   oldest first (see scms_mock_server_set_record_requests())
 */
char **
scms_mock_server_dup_request_bodies (ScmsMockServer *self,
                                     const char     *path)
{
  GPtrArray *bodies;

  g_return_val_if_fail (SCMS_IS_MOCK_SERVER (self), NULL);

  bodies = g_ptr_array_new ();

  g_mutex_lock (&self->mutex);
  for (guint i = 0; self->requests != NULL && i < self->requests->len; i++)
    {
      Recorded *recorded = g_ptr_array_index (self->requests, i);

      if (path == NULL || g_strcmp0 (recorded->path, path) == 0)
        g_ptr_array_add (bodies, g_strdup (recorded->body));
    }
  g_mutex_unlock (&self->mutex);

  g_ptr_array_add (bodies, NULL);

  return (char **) g_ptr_array_free (bodies, FALSE);
}

guint
scms_mock_server_get_peak_per_second (ScmsMockServer *self)
{
  guint peak;

  g_return_val_if_fail (SCMS_IS_MOCK_SERVER (self), 0);

  g_mutex_lock (&self->mutex);
  peak = self->peak_per_second;
  g_mutex_unlock (&self->mutex);

  return peak;
}
