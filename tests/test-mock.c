/* test-mock.c — the mock Sonoran CMS v1 server, driven over HTTP
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "scms-mock-community.h"
#include "scms-mock-server.h"

#define ELENA_API_ID  "430291437292752760"
#define ELENA_ACC_ID  "bf2aa8f1-4ee6-449c-b90b-a9e7e0888c79"
#define TOBIAS_API_ID "871923189533843206"
#define PRIYA_API_ID  "684737923142603598"
#define PATROL        "ad707263-e9df-4304-a827-05e669826e1d"

static SoupSession *session;

typedef struct
{
  guint   status;
  char   *content_type;
  char   *retry_after;
  char   *allow;
  GBytes *body;
  char   *text;     /* the body, NUL-terminated */
  GError *error;
} Resp;

static void
resp_free (Resp *r)
{
  g_free (r->content_type);
  g_free (r->retry_after);
  g_free (r->allow);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->text);
  g_clear_error (&r->error);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Resp, resp_free)

static Resp *
send_to (const char *base_url,
         const char *method,
         const char *path,
         const char *body)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *headers;
  Resp *r = g_new0 (Resp, 1);

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  r->body = soup_session_send_and_read (session, msg, NULL, &r->error);
  r->status = soup_message_get_status (msg);
  headers = soup_message_get_response_headers (msg);
  r->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  r->retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
  r->allow = g_strdup (soup_message_headers_get_one (headers, "Allow"));
  if (r->body != NULL)
    r->text = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));

  return r;
}

static const char *
group_of (const char *type)
{
  if (g_str_equal (type, "GET_GAME_SERVERS") || g_str_equal (type, "VERIFY_WHITELIST")
      || g_str_equal (type, "FULL_WHITELIST"))
    return "servers";

  return "general";
}

static Resp *
call_full (const char *base_url,
           const char *id,
           const char *key,
           const char *type,
           const char *data)
{
  g_autofree char *lower = g_ascii_strdown (type, -1);
  g_autofree char *path = g_strdup_printf ("/%s/%s", group_of (type), lower);
  g_autofree char *body = NULL;

  body = g_strdup_printf ("{\"id\":\"%s\",\"key\":\"%s\",\"type\":\"%s\",\"data\":%s}",
                          id, key, type, data != NULL ? data : "[]");

  return send_to (base_url, "POST", path, body);
}

static Resp *
call (ScmsMockServer *mock,
      const char     *type,
      const char     *data)
{
  return call_full (scms_mock_server_get_url (mock), SCMS_MOCK_DEFAULT_COMMUNITY_ID,
                    SCMS_MOCK_DEFAULT_API_KEY, type, data);
}

static ScmsMockServer *
start_mock (ScmsMockVariant variant,
            guint           n_members)
{
  g_autoptr(GError) error = NULL;
  ScmsMockServer *mock = scms_mock_server_new ();

  scms_mock_server_set_variant (mock, variant);
  scms_mock_server_set_members (mock, n_members);
  g_assert_true (scms_mock_server_start (mock, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scms_mock_server_get_port (mock), >, 0);

  return mock;
}

static void
assert_text (Resp       *r,
             guint       status,
             const char *text)
{
  g_assert_no_error (r->error);
  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (r->content_type, ==, "text/plain; charset=utf-8");
  g_assert_cmpstr (r->text, ==, text);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
assert_json (Resp  *r,
             guint  status)
{
  g_assert_no_error (r->error);
  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (r->content_type, ==, "application/json; charset=utf-8");

  return parse (r->text);
}

/* A `{"status": …, "message": …}` reply, as VERIFY_WHITELIST fails. */
static void
assert_status_message (Resp       *r,
                       guint       status,
                       const char *message)
{
  g_autoptr(JsonNode) node = assert_json (r, status);
  JsonObject *object;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (object, "message"), ==, message);
}

static void
assert_json_equals_file (JsonNode   *node,
                         const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  if (!json_node_equal (node, json_parser_get_root (parser)))
    {
      g_autofree char *got = json_to_string (node, FALSE);

      g_test_message ("%s differs, got: %s", file, got);
      g_assert_not_reached ();
    }
}

static void
assert_reply_equals_file (Resp       *r,
                          const char *file)
{
  g_autoptr(JsonNode) node = assert_json (r, 200);

  assert_json_equals_file (node, file);
}

static gboolean
is_timestamp (const char *text)
{
  return g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} -0700$",
                               text, 0, 0);
}

/* Tests */

static void
test_start_stop (void)
{
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_null (scms_mock_server_get_url (mock));
  g_assert_true (scms_mock_server_start (mock, 0, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("http://127.0.0.1:%u", scms_mock_server_get_port (mock));
  g_assert_cmpstr (scms_mock_server_get_url (mock), ==, expected);
  scms_mock_server_stop (mock);
  g_assert_null (scms_mock_server_get_url (mock));

  /* Restartable, and dispose stops a running mock. */
  g_assert_true (scms_mock_server_start (mock, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(Resp) r = call (mock, "GET_SUB_VERSION", NULL);

    assert_text (r, 200, "4");
  }
}

static void
test_sub_version (void)
{
  for (int v = SCMS_MOCK_VARIANT_DOCS; v <= SCMS_MOCK_VARIANT_LIVE; v++)
    {
      g_autoptr(ScmsMockServer) mock = start_mock (v, 160);
      g_autoptr(Resp) r = call (mock, "GET_SUB_VERSION", NULL);
      g_autoptr(Resp) r2 = NULL;

      assert_text (r, 200, "4");
      scms_mock_server_set_tier (mock, 5);
      r2 = call (mock, "GET_SUB_VERSION", NULL);
      assert_text (r2, 200, "5");
    }
}

static void
test_envelope (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  const char *url = scms_mock_server_get_url (mock);
  Resp *r;

  r = call_full (url, SCMS_MOCK_DEFAULT_COMMUNITY_ID, "wrong", "GET_SUB_VERSION", NULL);
  assert_text (r, 400, "INVALID API KEY");
  resp_free (r);

  r = call_full (url, "otherrp", SCMS_MOCK_DEFAULT_API_KEY, "GET_SUB_VERSION", NULL);
  assert_text (r, 400, "INVALID COMMUNITY ID");
  resp_free (r);

  r = send_to (url, "POST", "/general/get_sub_version",
               "{\"id\":\"copperbasinrp\",\"key\":\"" SCMS_MOCK_DEFAULT_API_KEY "\","
               "\"type\":\"GET_COM_ACCOUNT\",\"data\":[]}");
  assert_text (r, 400, "INVALID REQUEST TYPE");
  resp_free (r);

  /* The type is upper case, exactly (reference §1.2)… */
  r = send_to (url, "POST", "/general/get_sub_version",
               "{\"id\":\"copperbasinrp\",\"key\":\"" SCMS_MOCK_DEFAULT_API_KEY "\","
               "\"type\":\"get_sub_version\",\"data\":[]}");
  assert_text (r, 400, "INVALID REQUEST TYPE");
  resp_free (r);

  /* …and a missing data member is accepted. */
  r = send_to (url, "POST", "/general/get_sub_version",
               "{\"id\":\"copperbasinrp\",\"key\":\"" SCMS_MOCK_DEFAULT_API_KEY "\","
               "\"type\":\"GET_SUB_VERSION\"}");
  assert_text (r, 200, "4");
  resp_free (r);

  /* A bare data object, as the get_current_clock_in page shows. */
  r = send_to (url, "POST", "/general/get_account_ranks",
               "{\"id\":\"copperbasinrp\",\"key\":\"" SCMS_MOCK_DEFAULT_API_KEY "\","
               "\"type\":\"GET_ACCOUNT_RANKS\",\"data\":{\"uniqueId\":1042}}");
  {
    g_autoptr(JsonNode) node = assert_json (r, 200);

    assert_json_equals_file (node, "get_account_ranks.200.json");
  }
  resp_free (r);

  r = send_to (url, "POST", "/general/get_sub_version", "{not json");
  assert_text (r, 400, "INVALID REQUEST");
  resp_free (r);

  r = send_to (url, "POST", "/general/get_sub_version", "[1,2]");
  assert_text (r, 400, "INVALID REQUEST");
  resp_free (r);

  /* Unknown paths, including a right name in the wrong group. */
  r = send_to (url, "POST", "/general/get_game_servers", "{}");
  assert_text (r, 200, "Sonoran CMS: Backend Service Reached");
  resp_free (r);
  r = send_to (url, "POST", "/nope", NULL);
  assert_text (r, 200, "Sonoran CMS: Backend Service Reached");
  resp_free (r);

  r = send_to (url, "GET", "/general/get_sub_version", NULL);
  g_assert_no_error (r->error);
  g_assert_cmpuint (r->status, ==, 405);
  g_assert_cmpstr (r->allow, ==, "POST");
  resp_free (r);

  /* Custom credentials. */
  scms_mock_server_set_credentials (mock, "mesarp", "k2");
  r = call_full (url, "mesarp", "k2", "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "4");
  resp_free (r);
}

static void
test_tier (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  Resp *r;

  scms_mock_server_set_tier (mock, 2);
  r = call (mock, "GET_COM_ACCOUNT", "[{\"apiId\":\"" ELENA_API_ID "\"}]");
  assert_text (r, 400, "API IS NOT ENABLED FOR THIS COMMUNITY");
  resp_free (r);
  r = call (mock, "VERIFY_WHITELIST", "[{\"apiId\":\"" ELENA_API_ID "\"}]");
  assert_status_message (r, 400, "API IS NOT ENABLED FOR THIS COMMUNITY");
  resp_free (r);
  r = call (mock, "GET_DEPARTMENTS", NULL);
  g_assert_cmpuint (r->status, ==, 200);
  resp_free (r);

  scms_mock_server_set_tier (mock, 0);
  r = call (mock, "GET_DEPARTMENTS", NULL);
  assert_text (r, 400, "API IS NOT ENABLED FOR THIS COMMUNITY");
  resp_free (r);
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "0");
  resp_free (r);
}

static const char * const elena_keys[] = {
  "[{\"apiId\":\"" ELENA_API_ID "\"}]",
  "[{\"apiId\":\"9b4e07d2c61a5f38e0d7b2a94c1f6e83d5a0b729\"}]",
  "[{\"username\":\"Elena Ashgrove\"}]",
  "[{\"accId\":\"" ELENA_ACC_ID "\"}]",
  "[{\"discord\":\"" ELENA_API_ID "\"}]",
  "[{\"uniqueId\":1042}]",
  "[{\"uniqueId\":\"1042\"}]",
};

static void
test_com_account_docs (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  Resp *r;

  for (guint i = 0; i < G_N_ELEMENTS (elena_keys); i++)
    {
      r = call (mock, "GET_COM_ACCOUNT", elena_keys[i]);
      assert_reply_equals_file (r, "get_com_account.200.json");
      resp_free (r);
    }

  r = call (mock, "GET_COM_ACCOUNT", "[{\"apiId\":\"nobody\"}]");
  assert_text (r, 400, "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY");
  resp_free (r);
  r = call (mock, "GET_COM_ACCOUNT", "[{\"username\":\"elena ashgrove\"}]");
  assert_text (r, 400, "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY");
  resp_free (r);
  r = call (mock, "GET_COM_ACCOUNT", "[{\"uniqueId\":99}]");
  assert_text (r, 400, "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY");
  resp_free (r);
  r = call (mock, "GET_COM_ACCOUNT", "[]");
  assert_text (r, 400, "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY");
  resp_free (r);

  /* A member without ranks has null primaries. */
  r = call (mock, "GET_COM_ACCOUNT", "[{\"apiId\":\"" PRIYA_API_ID "\"}]");
  {
    g_autoptr(JsonNode) node = assert_json (r, 200);
    JsonObject *o = json_node_get_object (node);

    g_assert_true (json_object_get_null_member (o, "primaryRank"));
    g_assert_false (json_object_get_boolean_member (o, "comStatus"));
  }
  resp_free (r);
}

static void
test_com_account_live (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_LIVE, 160);
  Resp *r;

  for (guint i = 0; i < G_N_ELEMENTS (elena_keys); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *array;

      r = call (mock, "GET_COM_ACCOUNT", elena_keys[i]);
      node = assert_json (r, 200);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
      array = json_node_get_array (node);
      g_assert_cmpuint (json_array_get_length (array), ==, 1);
      assert_json_equals_file (json_array_get_element (array, 0),
                               "get_com_account.200.flat-ranks.json");
      g_assert_false (json_object_has_member (json_array_get_object_element (array, 0),
                                              "primaryRank"));
      resp_free (r);
    }

  r = call (mock, "GET_COM_ACCOUNT", "[{\"apiId\":\"nobody\"}]");
  assert_text (r, 404, "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY");
  resp_free (r);
  /* Only API ID NOT LINKED is documented as a 404 too (reference §1.5). */
  r = call (mock, "GET_COM_ACCOUNT", "[{\"accId\":\"nobody\"}]");
  assert_text (r, 400, "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY");
  resp_free (r);
}

static void
test_check_apiid_and_ranks (void)
{
  for (int v = SCMS_MOCK_VARIANT_DOCS; v <= SCMS_MOCK_VARIANT_LIVE; v++)
    {
      g_autoptr(ScmsMockServer) mock = start_mock (v, 160);
      guint not_found = v == SCMS_MOCK_VARIANT_DOCS ? 400 : 404;
      Resp *r;

      r = call (mock, "CHECK_COM_APIID", "[{\"apiId\":\"" ELENA_API_ID "\"}]");
      assert_text (r, 200, "Elena Ashgrove");
      resp_free (r);
      r = call (mock, "CHECK_COM_APIID", "[{\"apiId\":\"nobody\"}]");
      assert_text (r, not_found, "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY");
      resp_free (r);
      /* Only apiId is accepted here. */
      r = call (mock, "CHECK_COM_APIID", "[{\"uniqueId\":1042}]");
      assert_text (r, 400, "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY");
      resp_free (r);

      r = call (mock, "GET_ACCOUNT_RANKS", "[{\"uniqueId\":1042}]");
      assert_reply_equals_file (r, "get_account_ranks.200.json");
      resp_free (r);
      r = call (mock, "GET_ACCOUNT_RANKS", "[{\"apiId\":\"" PRIYA_API_ID "\"}]");
      assert_reply_equals_file (r, "get_account_ranks.200.no-ranks.json");
      resp_free (r);
      r = call (mock, "GET_ACCOUNT_RANKS", "[{\"uniqueId\":7}]");
      assert_text (r, 400, "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY");
      resp_free (r);
    }
}

static void
test_static_lists (void)
{
  for (int v = SCMS_MOCK_VARIANT_DOCS; v <= SCMS_MOCK_VARIANT_LIVE; v++)
    {
      g_autoptr(ScmsMockServer) mock = start_mock (v, 160);
      g_autoptr(JsonNode) servers = NULL;
      g_autoptr(JsonNode) expected = NULL;
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                     "get_game_servers.200.json", NULL);
      g_autofree char *contents = NULL;
      JsonArray *got;
      JsonArray *want;
      Resp *r;

      r = call (mock, "GET_DEPARTMENTS", NULL);
      assert_reply_equals_file (r, "get_departments.200.json");
      resp_free (r);
      r = call (mock, "GET_PROFILE_FIELDS", "[{}]");
      assert_reply_equals_file (r, "get_profile_fields.200.json");
      resp_free (r);
      r = call (mock, "GET_CLOCKIN_TYPES", NULL);
      assert_reply_equals_file (r, "get_clockin_types.200.json");
      resp_free (r);

      r = call (mock, "GET_GAME_SERVERS", NULL);
      g_assert_cmpuint (r->status, ==, 200);
      /* Live labels the JSON as text. */
      g_assert_cmpstr (r->content_type, ==, v == SCMS_MOCK_VARIANT_DOCS
                                            ? "application/json; charset=utf-8"
                                            : "text/plain; charset=utf-8");
      servers = parse (r->text);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      expected = parse (contents);
      got = json_object_get_array_member (json_node_get_object (servers), "servers");
      want = json_object_get_array_member (json_node_get_object (expected), "servers");
      /* The reference's two servers, as in its example. */
      g_assert_cmpuint (json_array_get_length (got), ==, 2);
      g_assert_cmpuint (json_array_get_length (want), ==, 2);
      g_assert_true (json_node_equal (servers, expected));
      resp_free (r);
    }
}

static int
find_blocked_member (ScmsMockCommunity *community)
{
  const ScmsMockGameServer *server = scms_mock_find_game_server (1);

  for (guint i = 0; i < scms_mock_community_get_n_members (community); i++)
    {
      if (scms_mock_member_check_whitelist (scms_mock_community_get_member (community, i), server)
          == SCMS_MOCK_WHITELIST_BLOCKED)
        return (int) i;
    }

  return -1;
}

static void
test_verify_whitelist (void)
{
  g_autoptr(ScmsMockCommunity) community = scms_mock_community_new (160);
  int blocked = find_blocked_member (community);
  g_autofree char *blocked_key = NULL;

  g_assert_cmpint (blocked, >=, 0);
  blocked_key = g_strdup_printf ("[{\"accId\":\"%s\",\"serverId\":1}]",
                                 scms_mock_community_get_member (community, blocked)->acc_id);

  for (int v = SCMS_MOCK_VARIANT_DOCS; v <= SCMS_MOCK_VARIANT_LIVE; v++)
    {
      g_autoptr(ScmsMockServer) mock = start_mock (v, 160);
      gboolean docs = v == SCMS_MOCK_VARIANT_DOCS;
      Resp *r;

      r = call (mock, "VERIFY_WHITELIST", "[{\"apiId\":\"" ELENA_API_ID "\",\"serverId\":1}]");
      assert_text (r, 200, "Elena Ashgrove");
      resp_free (r);
      /* No serverId means server 1. */
      r = call (mock, "VERIFY_WHITELIST", "[{\"uniqueId\":1042}]");
      assert_text (r, 200, "Elena Ashgrove");
      resp_free (r);
      /* Elena holds no training rank. */
      r = call (mock, "VERIFY_WHITELIST", "[{\"uniqueId\":1042,\"serverId\":2}]");
      g_assert_cmpuint (r->status, ==, 404);
      resp_free (r);
      /* Server 3 only comes with set_game_servers. */
      r = call (mock, "VERIFY_WHITELIST", "[{\"uniqueId\":1042,\"serverId\":3}]");
      assert_status_message (r, 400, "INVALID_SERVER_ID");
      resp_free (r);

      r = call (mock, "VERIFY_WHITELIST", "[{\"apiId\":\"" TOBIAS_API_ID "\",\"serverId\":2}]");
      assert_text (r, 200, "BYPASSED WHITELIST - Tobias Wrenfield");
      resp_free (r);

      r = call (mock, "VERIFY_WHITELIST", "[{\"apiId\":\"" PRIYA_API_ID "\",\"serverId\":1}]");
      if (docs)
        assert_text (r, 404, "NOT ALLOWED ON WHITELIST");
      else
        {
          g_autoptr(JsonNode) node = assert_json (r, 404);

          assert_json_equals_file (node, "verify_whitelist.404.json");
        }
      resp_free (r);

      r = call (mock, "VERIFY_WHITELIST", blocked_key);
      if (docs)
        assert_text (r, 404, "BLOCKED FOR WHITELIST");
      else
        {
          g_autoptr(JsonNode) node = assert_json (r, 404);

          g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "message"),
                           ==, "BLOCKED FOR WHITELIST");
        }
      resp_free (r);

      /* Dale is banned. */
      r = call (mock, "VERIFY_WHITELIST", "[{\"discord\":\"479682641533120586\"}]");
      g_assert_cmpuint (r->status, ==, 404);
      g_assert_nonnull (strstr (r->text, "NOT ALLOWED ON WHITELIST"));
      resp_free (r);

      r = call (mock, "VERIFY_WHITELIST", "[{\"apiId\":\"nobody\",\"serverId\":1}]");
      {
        g_autoptr(JsonNode) node = assert_json (r, 400);

        assert_json_equals_file (node, "verify_whitelist.400.json");
      }
      resp_free (r);

      r = call (mock, "VERIFY_WHITELIST", "[{\"apiId\":\"" ELENA_API_ID "\",\"serverId\":9}]");
      g_assert_cmpuint (r->status, ==, 400);
      g_assert_cmpstr (r->text, ==, "{\"status\":400,\"message\":\"INVALID_SERVER_ID\"}");
      resp_free (r);

      /* Its credential and envelope errors are JSON too (reference §2.7). */
      r = call_full (scms_mock_server_get_url (mock), SCMS_MOCK_DEFAULT_COMMUNITY_ID, "wrong",
                     "VERIFY_WHITELIST", "[{\"uniqueId\":1042,\"serverId\":1}]");
      assert_status_message (r, 400, "INVALID API KEY");
      resp_free (r);
      r = call_full (scms_mock_server_get_url (mock), "otherrp", SCMS_MOCK_DEFAULT_API_KEY,
                     "VERIFY_WHITELIST", "[{\"uniqueId\":1042,\"serverId\":1}]");
      assert_status_message (r, 400, "INVALID COMMUNITY ID");
      resp_free (r);
      r = send_to (scms_mock_server_get_url (mock), "POST", "/servers/verify_whitelist",
                   "{\"id\":\"copperbasinrp\",\"key\":\"" SCMS_MOCK_DEFAULT_API_KEY "\","
                   "\"type\":\"GET_GAME_SERVERS\",\"data\":[{\"uniqueId\":1042}]}");
      assert_status_message (r, 400, "INVALID REQUEST TYPE");
      resp_free (r);
    }
}

static guint
count_passing (ScmsMockCommunity *community,
               gint64             server_id)
{
  const ScmsMockGameServer *server = scms_mock_find_game_server (server_id);
  guint n = 0;

  for (guint i = 0; i < scms_mock_community_get_n_members (community); i++)
    {
      ScmsMockWhitelistResult result =
        scms_mock_member_check_whitelist (scms_mock_community_get_member (community, i), server);

      n += result == SCMS_MOCK_WHITELIST_ALLOWED || result == SCMS_MOCK_WHITELIST_BYPASSED;
    }

  return n;
}

static void
test_full_whitelist (void)
{
  g_autoptr(ScmsMockCommunity) community = scms_mock_community_new (160);
  Resp *r;

  {
    g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 5);

    r = call (mock, "FULL_WHITELIST", "[{\"serverId\":1}]");
    assert_reply_equals_file (r, "full_whitelist.200.json");
    resp_free (r);
  }

  for (int v = SCMS_MOCK_VARIANT_DOCS; v <= SCMS_MOCK_VARIANT_LIVE; v++)
    {
      g_autoptr(ScmsMockServer) mock = start_mock (v, 160);

      for (gint64 id = 1; id <= 2; id++)
        {
          g_autofree char *data = g_strdup_printf ("[{\"serverId\":%" G_GINT64_FORMAT "}]", id);
          g_autoptr(JsonNode) node = NULL;
          JsonArray *array;

          r = call (mock, "FULL_WHITELIST", data);
          node = assert_json (r, 200);
          array = json_node_get_array (node);
          g_assert_cmpuint (json_array_get_length (array), ==, count_passing (community, id));
          g_assert_cmpuint (json_array_get_length (array), >, 1);
          /* The owner always comes first. */
          g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                          "name"), ==, "Tobias Wrenfield");
          resp_free (r);
        }

      /* Server 3 only comes with set_game_servers. */
      r = call (mock, "FULL_WHITELIST", "[{\"serverId\":3}]");
      assert_text (r, 400, "INVALID_SERVER_ID");
      resp_free (r);
    }
}

static void
test_clock_docs (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  Resp *r;

  r = call (mock, "GET_CURRENT_CLOCK_IN", "{\"accId\":\"" ELENA_ACC_ID "\"}");
  assert_text (r, 201, "Not Clocked In");
  resp_free (r);

  r = call (mock, "CLOCK_IN_OUT", "[{\"apiId\":\"" ELENA_API_ID "\",\"type\":\"" PATROL "\"}]");
  assert_text (r, 200, "CLOCKED IN");
  resp_free (r);

  r = call (mock, "GET_CURRENT_CLOCK_IN", "[{\"accId\":\"" ELENA_ACC_ID "\"}]");
  {
    g_autoptr(JsonNode) node = assert_json (r, 201);
    JsonObject *o = json_node_get_object (node);

    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 5612);
    g_assert_false (json_object_get_boolean_member (o, "completed"));
    g_assert_true (json_object_get_null_member (o, "endTime"));
    g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, PATROL);
    g_assert_true (is_timestamp (json_object_get_string_member (o, "startTime")));
  }
  resp_free (r);

  r = call (mock, "CLOCK_IN_OUT", "[{\"apiId\":\"" ELENA_API_ID "\"}]");
  assert_text (r, 200, "CLOCKED OUT");
  resp_free (r);
  r = call (mock, "GET_CURRENT_CLOCK_IN", "[{\"uniqueId\":1042}]");
  assert_text (r, 201, "Not Clocked In");
  resp_free (r);

  r = call (mock, "CLOCK_IN_OUT", "[{\"uniqueId\":1042,\"forceClockIn\":true}]");
  assert_text (r, 200, "FORCE CLOCKED IN");
  resp_free (r);
  r = call (mock, "CLOCK_IN_OUT", "[{\"uniqueId\":1042,\"forceClockIn\":true}]");
  assert_text (r, 200, "FORCE CLOCKED IN");
  resp_free (r);
  r = call (mock, "GET_CURRENT_CLOCK_IN", "[{\"uniqueId\":1042}]");
  {
    g_autoptr(JsonNode) node = assert_json (r, 201);

    g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "id"), ==, 5614);
  }
  resp_free (r);
  r = call (mock, "CLOCK_IN_OUT", "[{\"uniqueId\":1042,\"forceClockOut\":true}]");
  assert_text (r, 200, "CLOCKED OUT");
  resp_free (r);
  r = call (mock, "CLOCK_IN_OUT", "[{\"uniqueId\":1042,\"forceClockOut\":true}]");
  assert_text (r, 200, "CLOCKED OUT");
  resp_free (r);
  r = call (mock, "GET_CURRENT_CLOCK_IN", "[{\"uniqueId\":1042}]");
  assert_text (r, 201, "Not Clocked In");
  resp_free (r);

  r = call (mock, "CLOCK_IN_OUT", "[{\"uniqueId\":1042,\"type\":\"bogus\"}]");
  assert_text (r, 400, "INVALID CLOCKIN TYPE");
  resp_free (r);
  r = call (mock, "CLOCK_IN_OUT", "[{\"uniqueId\":1058,\"forceClockOut\":true}]");
  assert_text (r, 400, "NOT CLOCKED IN");
  resp_free (r);
  r = call (mock, "CLOCK_IN_OUT", "[{\"apiId\":\"nobody\"}]");
  assert_text (r, 400, "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY");
  resp_free (r);
}

static void
test_clock_live (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_LIVE, 160);
  g_autoptr(ScmsMockCommunity) community = scms_mock_community_new (160);
  g_autofree char *on_shift = NULL;
  Resp *r;

  r = call (mock, "GET_CURRENT_CLOCK_IN", "[{\"accId\":\"" ELENA_ACC_ID "\"}]");
  assert_text (r, 200, "Not Clocked In");
  resp_free (r);

  r = call (mock, "CLOCK_IN_OUT", "[{\"apiId\":\"" ELENA_API_ID "\",\"type\":\"" PATROL "\"}]");
  {
    g_autoptr(JsonNode) node = assert_json (r, 200);
    JsonObject *o = json_node_get_object (node);

    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 5612);
    g_assert_false (json_object_get_boolean_member (o, "completed"));
    g_assert_true (json_object_get_null_member (o, "endTime"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "notes")), ==, 0);
  }
  resp_free (r);

  r = call (mock, "GET_CURRENT_CLOCK_IN", "[{\"accId\":\"" ELENA_ACC_ID "\"}]");
  {
    g_autoptr(JsonNode) node = assert_json (r, 200);

    g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "id"), ==, 5612);
  }
  resp_free (r);

  r = call (mock, "CLOCK_IN_OUT", "[{\"apiId\":\"" ELENA_API_ID "\"}]");
  {
    g_autoptr(JsonNode) node = assert_json (r, 200);
    JsonObject *o = json_node_get_object (node);

    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 5612);
    g_assert_true (json_object_get_boolean_member (o, "completed"));
    g_assert_true (is_timestamp (json_object_get_string_member (o, "endTime")));
  }
  resp_free (r);

  r = call (mock, "CLOCK_IN_OUT", "[{\"apiId\":\"" ELENA_API_ID "\",\"forceClockIn\":true}]");
  {
    g_autoptr(JsonNode) node = assert_json (r, 200);
    JsonObject *o = json_node_get_object (node);

    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 5613);
    g_assert_false (json_object_get_boolean_member (o, "completed"));
    g_assert_false (json_object_has_member (o, "type"));
  }
  resp_free (r);

  /* Some generated members are on shift from the start. */
  for (guint i = 0; i < scms_mock_community_get_n_members (community) && on_shift == NULL; i++)
    {
      const ScmsMockMember *m = scms_mock_community_get_member (community, i);

      if (m->clocked_in_at_start)
        on_shift = g_strdup_printf ("[{\"accId\":\"%s\"}]", m->acc_id);
    }
  g_assert_nonnull (on_shift);
  r = call (mock, "GET_CURRENT_CLOCK_IN", on_shift);
  {
    g_autoptr(JsonNode) node = assert_json (r, 200);

    g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "completed"));
  }
  resp_free (r);

  r = call (mock, "CLOCK_IN_OUT", "[{\"apiId\":\"nobody\"}]");
  assert_text (r, 404, "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY");
  resp_free (r);
}

static JsonObject *
accounts_page (ScmsMockServer *mock,
               const char     *data,
               JsonNode      **out_node)
{
  g_autoptr(Resp) r = call (mock, "GET_ACCOUNTS", data);

  *out_node = assert_json (r, 200);

  return json_node_get_object (*out_node);
}

static void
test_accounts (void)
{
  g_autoptr(ScmsMockCommunity) community = scms_mock_community_new (160);
  guint n_banned = 0;
  guint n_pending = 0;
  guint n_archived = 0;

  for (guint i = 0; i < 160; i++)
    {
      const ScmsMockMember *m = scms_mock_community_get_member (community, i);

      n_banned += m->banned;
      n_pending += !m->com_status;
      n_archived += m->archived;
    }
  g_test_message ("160 members: %u banned, %u pending, %u archived",
                  n_banned, n_pending, n_archived);
  g_assert_cmpuint (n_banned, >, 1);
  g_assert_cmpuint (n_pending, >, 1);
  g_assert_cmpuint (n_archived, >, 0);

  {
    g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 5);
    g_autoptr(Resp) r = call (mock, "GET_ACCOUNTS", "[{\"skip\":0,\"take\":25}]");

    assert_reply_equals_file (r, "get_accounts.200.json");
  }

  for (int v = SCMS_MOCK_VARIANT_DOCS; v <= SCMS_MOCK_VARIANT_LIVE; v++)
    {
      g_autoptr(ScmsMockServer) mock = start_mock (v, 160);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      JsonNode *node = NULL;
      JsonObject *page;
      JsonObject *first;
      guint n_banned_seen = 0;

      page = accounts_page (mock, "[]", &node);
      g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 160);
      g_assert_cmpint (json_object_get_int_member (page, "skip"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (page, "take"), ==, 25);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "accounts")),
                        ==, 25);
      first = json_array_get_object_element (json_object_get_array_member (page, "accounts"), 0);
      g_assert_cmpstr (json_object_get_string_member (first, "accName"), ==, "Tobias Wrenfield");
      g_assert_true (json_object_has_member (first, "comName") == (v == SCMS_MOCK_VARIANT_LIVE));
      g_assert_true (json_object_has_member (first, "uniqueId") == (v == SCMS_MOCK_VARIANT_LIVE));
      json_node_unref (node);

      /* take is clamped to 25…100. */
      page = accounts_page (mock, "[{\"take\":5}]", &node);
      g_assert_cmpint (json_object_get_int_member (page, "take"), ==, 25);
      json_node_unref (node);
      page = accounts_page (mock, "[{\"take\":500,\"skip\":100}]", &node);
      g_assert_cmpint (json_object_get_int_member (page, "take"), ==, 100);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "accounts")),
                        ==, 60);
      json_node_unref (node);

      /* Paging through everything yields each member once. */
      for (guint skip = 0; skip < 160; skip += 25)
        {
          g_autofree char *data = g_strdup_printf ("[{\"skip\":%u,\"take\":25}]", skip);
          JsonArray *accounts;

          page = accounts_page (mock, data, &node);
          accounts = json_object_get_array_member (page, "accounts");
          for (guint i = 0; i < json_array_get_length (accounts); i++)
            {
              JsonObject *a = json_array_get_object_element (accounts, i);

              const char *acc_id = json_object_get_string_member (a, "accId");

              g_assert_true (g_hash_table_add (seen, g_strdup (acc_id)));
              n_banned_seen += json_object_get_boolean_member (a, "banned");
            }
          json_node_unref (node);
        }
      g_assert_cmpuint (g_hash_table_size (seen), ==, 160);
      g_assert_cmpuint (n_banned_seen, ==, n_banned);

      page = accounts_page (mock, "[{\"banned\":true,\"take\":100}]", &node);
      g_assert_cmpint (json_object_get_int_member (page, "total"), ==, n_banned);
      json_node_unref (node);
      page = accounts_page (mock, "[{\"comStatus\":false}]", &node);
      g_assert_cmpint (json_object_get_int_member (page, "total"), ==, n_pending);
      json_node_unref (node);
      page = accounts_page (mock, "[{\"archived\":true,\"sysStatus\":false}]", &node);
      g_assert_cmpint (json_object_get_int_member (page, "total"), ==, n_archived);
      json_node_unref (node);
    }
}

static void
test_faults (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  g_autofree char *departments = NULL;
  gint64 start;
  Resp *r;

  r = call (mock, "GET_DEPARTMENTS", NULL);
  departments = g_strdup (r->text);
  resp_free (r);

  scms_mock_server_set_retry_after (mock, 17);
  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_RATE_LIMIT, NULL, 2);
  for (guint i = 0; i < 2; i++)
    {
      r = call (mock, "GET_SUB_VERSION", NULL);
      assert_text (r, 429, "Too Many Requests");
      g_assert_cmpstr (r->retry_after, ==, "17");
      resp_free (r);
    }
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "4");
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_RATE_LIMIT_BARE, NULL, 1);
  r = call (mock, "GET_SUB_VERSION", NULL);
  g_assert_cmpuint (r->status, ==, 429);
  g_assert_null (r->retry_after);
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_SERVER_ERROR, NULL, 1);
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 500, "Internal Server Error");
  resp_free (r);

  /* Path filter: only full_whitelist gets it. */
  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_SERVER_ERROR, "/servers/full_whitelist", 1);
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "4");
  resp_free (r);
  r = call (mock, "FULL_WHITELIST", "[{\"serverId\":1}]");
  g_assert_cmpuint (r->status, ==, 500);
  resp_free (r);

  scms_mock_server_set_slow_ms (mock, 300);
  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_SLOW, NULL, 1);
  start = g_get_monotonic_time ();
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "4");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 290 * 1000);
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_DROP, NULL, 1);
  r = call (mock, "GET_DEPARTMENTS", NULL);
  g_assert_nonnull (r->error);
  g_test_message ("dropped: %s", r->error->message);
  resp_free (r);
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "4");
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_TRUNCATED_JSON, NULL, 1);
  r = call (mock, "GET_DEPARTMENTS", NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->content_type, ==, "application/json");
  g_assert_cmpuint (strlen (r->text), ==, strlen (departments) / 2);
  g_assert_true (g_str_has_prefix (departments, r->text));
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_WRONG_CONTENT_TYPE, NULL, 1);
  r = call (mock, "GET_DEPARTMENTS", NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->content_type, ==, "text/html");
  g_assert_cmpstr (r->text, ==, departments);
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_HTML_ERROR, NULL, 1);
  r = call (mock, "GET_DEPARTMENTS", NULL);
  g_assert_cmpuint (r->status, ==, 502);
  g_assert_cmpstr (r->content_type, ==, "text/html");
  g_assert_true (g_str_has_prefix (r->text, "<html><head><title>502 Bad Gateway</title>"));
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_INVALID_UTF8, NULL, 1);
  r = call (mock, "CHECK_COM_APIID", "[{\"apiId\":\"" ELENA_API_ID "\"}]");
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->text, ==, "Elena \xff\xfe Ashgrove");
  g_assert_false (g_utf8_validate (r->text, -1, NULL));
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_WRONG_TYPES, NULL, 3);
  r = call (mock, "GET_GAME_SERVERS", NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->text, ==, "{\"servers\":\"none\"}");
  resp_free (r);
  r = call (mock, "GET_ACCOUNTS", NULL);
  g_assert_cmpstr (r->text, ==, "{\"accounts\":\"x\",\"total\":\"five\"}");
  resp_free (r);
  r = call (mock, "GET_COM_ACCOUNT", "[{\"uniqueId\":1042}]");
  g_assert_cmpstr (r->text, ==, "\"just a string\"");
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_BACKEND_REACHED, NULL, 1);
  r = call (mock, "GET_DEPARTMENTS", NULL);
  assert_text (r, 200, "Sonoran CMS: Backend Service Reached");
  resp_free (r);

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_NOT_ENABLED, NULL, 1);
  r = call (mock, "GET_DEPARTMENTS", NULL);
  assert_text (r, 400, "API IS NOT ENABLED FOR THIS COMMUNITY");
  resp_free (r);

  /* G_MAXUINT lasts until cleared. */
  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_SERVER_ERROR, NULL, G_MAXUINT);
  for (guint i = 0; i < 3; i++)
    {
      r = call (mock, "GET_SUB_VERSION", NULL);
      g_assert_cmpuint (r->status, ==, 500);
      resp_free (r);
    }
  scms_mock_server_clear_faults (mock);
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "4");
  resp_free (r);

  /* Faults happen after counting. */
  scms_mock_server_reset_counts (mock);
  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_SERVER_ERROR, NULL, 1);
  r = call (mock, "GET_SUB_VERSION", NULL);
  resp_free (r);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock, "/general/get_sub_version"), ==, 1);
}

typedef struct
{
  GBytes *body;
  GError *error;
  gboolean done;
} AsyncResult;

static void
send_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &async->error);
  async->done = TRUE;
}

#define SUB_VERSION_BODY "{\"id\":\"" SCMS_MOCK_DEFAULT_COMMUNITY_ID "\",\"key\":\"" \
                         SCMS_MOCK_DEFAULT_API_KEY "\",\"type\":\"GET_SUB_VERSION\",\"data\":[]}"

static SoupMessage *
sub_version_message (ScmsMockServer *mock)
{
  g_autofree char *url = g_strconcat (scms_mock_server_get_url (mock), "/general/get_sub_version",
                                      NULL);
  g_autoptr(GBytes) body = g_bytes_new_static (SUB_VERSION_BODY, strlen (SUB_VERSION_BODY));
  SoupMessage *msg = soup_message_new ("POST", url);

  soup_message_set_request_body_from_bytes (msg, "application/json", body);

  return msg;
}

static void
test_slow_does_not_block (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  g_autoptr(SoupSession) async_session = soup_session_new ();
  g_autoptr(SoupMessage) msg = sub_version_message (mock);
  g_autoptr(SoupMessage) msg2 = NULL;
  AsyncResult async = { 0, };
  AsyncResult async2 = { 0, };
  gint64 start;
  Resp *r;

  scms_mock_server_set_slow_ms (mock, 1500);
  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_SLOW, "/general/get_sub_version", 1);
  start = g_get_monotonic_time ();
  soup_session_send_and_read_async (async_session, msg, G_PRIORITY_DEFAULT, NULL,
                                    send_done_cb, &async);
  while (scms_mock_server_get_request_count (mock, "/general/get_sub_version") == 0)
    g_main_context_iteration (NULL, FALSE);

  /* The mock answers others while the slow reply waits. */
  r = call (mock, "GET_DEPARTMENTS", NULL);
  g_assert_cmpuint (r->status, ==, 200);
  resp_free (r);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1000 * 1000);
  g_assert_false (async.done);

  while (!async.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (async.error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 1400 * 1000);
  g_assert_cmpmem (g_bytes_get_data (async.body, NULL), g_bytes_get_size (async.body), "4", 1);
  g_bytes_unref (async.body);

  /* Stopping with a slow reply pending neither hangs nor crashes. */
  scms_mock_server_set_slow_ms (mock, 10000);
  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_SLOW, NULL, 1);
  msg2 = sub_version_message (mock);
  soup_session_send_and_read_async (async_session, msg2, G_PRIORITY_DEFAULT, NULL,
                                    send_done_cb, &async2);
  while (scms_mock_server_get_request_count (mock, "/general/get_sub_version") < 2)
    g_main_context_iteration (NULL, FALSE);
  start = g_get_monotonic_time ();
  scms_mock_server_stop (mock);
  while (!async2.done)
    g_main_context_iteration (NULL, TRUE);
  /* Well before the 10 s reply: stop() did not wait for it. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);
  g_assert_nonnull (async2.error);
  g_clear_error (&async2.error);
  g_clear_pointer (&async2.body, g_bytes_unref);
}

static void
test_huge_body (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  g_autofree char *url = g_strconcat (scms_mock_server_get_url (mock), "/general/get_accounts",
                                      NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = g_malloc (64 * 1024);
  gsize total = 0;
  char first = 0;
  char last = 0;

  scms_mock_server_inject_fault (mock, SCMS_MOCK_FAULT_HUGE_BODY, NULL, 1);
  stream = soup_session_send (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (
                                     soup_message_get_response_headers (msg), NULL),
                                   "application/json"));

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, 64 * 1024, NULL, &error);

      g_assert_no_error (error);
      if (n == 0)
        break;
      if (total == 0)
        first = buffer[0];
      last = buffer[n - 1];
      total += (gsize) n;
    }

  g_assert_cmpint (first, ==, '[');
  g_assert_cmpint (last, ==, ']');
  g_assert_cmpuint (total, >=, 100 * 1024 * 1024);
  g_assert_cmpuint (total, <, 102 * 1024 * 1024);
}

static void
test_counters (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  Resp *r;

  scms_mock_server_reset_counts (mock);
  for (guint i = 0; i < 3; i++)
    {
      r = call (mock, "GET_SUB_VERSION", NULL);
      resp_free (r);
    }
  for (guint i = 0; i < 2; i++)
    {
      r = call (mock, "GET_DEPARTMENTS", NULL);
      resp_free (r);
    }
  g_assert_cmpuint (scms_mock_server_get_request_count (mock, NULL), ==, 5);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock, "/general/get_sub_version"), ==, 3);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock, "/general/get_departments"), ==, 2);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock, "/servers/full_whitelist"), ==, 0);
  g_assert_cmpuint (scms_mock_server_get_peak_per_second (mock), ==, 5);

  scms_mock_server_reset_counts (mock);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock, NULL), ==, 0);
  g_assert_cmpuint (scms_mock_server_get_peak_per_second (mock), ==, 0);

  /* Two bursts more than a second apart peak at the larger burst. */
  for (guint i = 0; i < 2; i++)
    {
      r = call (mock, "GET_SUB_VERSION", NULL);
      resp_free (r);
    }
  g_usleep (1100 * 1000);
  for (guint i = 0; i < 3; i++)
    {
      r = call (mock, "GET_SUB_VERSION", NULL);
      resp_free (r);
    }
  g_assert_cmpuint (scms_mock_server_get_request_count (mock, NULL), ==, 5);
  g_assert_cmpuint (scms_mock_server_get_peak_per_second (mock), ==, 3);
}

static void
test_rate_limit (void)
{
  g_autoptr(ScmsMockServer) mock = start_mock (SCMS_MOCK_VARIANT_DOCS, 160);
  Resp *r;

  scms_mock_server_set_rate_limit (mock, 3, 42);
  for (guint i = 0; i < 3; i++)
    {
      r = call (mock, "GET_SUB_VERSION", NULL);
      assert_text (r, 200, "4");
      resp_free (r);
    }
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 429, "Too Many Requests");
  g_assert_cmpstr (r->retry_after, ==, "42");
  resp_free (r);

  scms_mock_server_set_rate_limit (mock, 0, 0);
  r = call (mock, "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "4");
  resp_free (r);
}

static void
test_big_community (void)
{
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 start;
  gint64 elapsed;
  Resp *r;

  start = g_get_monotonic_time ();
  scms_mock_server_set_members (mock, 100000);
  elapsed = g_get_monotonic_time () - start;
  /* A figure for people, never an assertion: speed is the benchmark's
   * business (build-aux/bench.sh), and test machines are noisy. */
  g_test_message ("100,000 members generated in %" G_GINT64_FORMAT " ms", elapsed / 1000);

  scms_mock_server_set_whitelist_size (mock, 100000);
  g_assert_true (scms_mock_server_start (mock, 0, &error));
  g_assert_no_error (error);

  r = call (mock, "GET_ACCOUNTS", "[{\"skip\":99990,\"take\":100}]");
  node = assert_json (r, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "total"), ==, 100000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (node), "accounts")), ==, 10);
  g_clear_pointer (&node, json_node_unref);
  resp_free (r);

  /* 100,000 members pass server 1 less often than that: padding is not
   * needed, so ask a small community for a padded list too. */
  r = call (mock, "FULL_WHITELIST", "[{\"serverId\":2}]");
  node = assert_json (r, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), >, 1000);
  g_clear_pointer (&node, json_node_unref);
  resp_free (r);

  scms_mock_server_set_members (mock, 160);
  start = g_get_monotonic_time ();
  r = call (mock, "FULL_WHITELIST", "[{\"serverId\":1}]");
  node = assert_json (r, 200);
  g_test_message ("100,000-entry whitelist served in %" G_GINT64_FORMAT " ms (%zu bytes)",
                  (g_get_monotonic_time () - start) / 1000, strlen (r->text));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 100000);
  {
    JsonObject *last = json_array_get_object_element (json_node_get_array (node), 99999);

    g_assert_cmpstr (json_object_get_string_member (last, "name"), ==, "Whitelist Member 099999");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (last, "apiIds")), ==, 2);
  }
  g_clear_pointer (&node, json_node_unref);
  resp_free (r);
}

static void
test_determinism (void)
{
  g_autoptr(ScmsMockServer) a = start_mock (SCMS_MOCK_VARIANT_LIVE, 500);
  g_autoptr(ScmsMockServer) b = start_mock (SCMS_MOCK_VARIANT_LIVE, 500);
  const char * const requests[][2] = {
    { "GET_ACCOUNTS", "[{\"skip\":300,\"take\":100}]" },
    { "FULL_WHITELIST", "[{\"serverId\":1}]" },
    { "FULL_WHITELIST", "[{\"serverId\":2}]" },
    { "GET_COM_ACCOUNT", "[{\"uniqueId\":1300}]" },
    { "GET_COM_ACCOUNT", "[{\"uniqueId\":1111}]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(Resp) ra = call (a, requests[i][0], requests[i][1]);
      g_autoptr(Resp) rb = call (b, requests[i][0], requests[i][1]);

      g_assert_cmpuint (ra->status, ==, 200);
      g_assert_cmpstr (ra->text, ==, rb->text);
    }

  /* The right-to-left name is there, and usernames are unique. */
  {
    g_autoptr(ScmsMockCommunity) community = scms_mock_community_new (5000);
    g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
    gboolean rtl = FALSE;

    for (guint i = 0; i < 5000; i++)
      {
        const ScmsMockMember *m = scms_mock_community_get_member (community, i);

        g_assert_true (g_utf8_validate (m->acc_name, -1, NULL));
        g_assert_true (g_hash_table_add (names, (gpointer) m->acc_name));
        rtl |= g_str_equal (m->acc_name, "يوسف الحداد");
        g_assert_cmpuint (strlen (m->discord_id), ==, 18);
        g_assert_cmpuint (strlen (m->acc_id), ==, 36);
      }
    g_assert_true (rtl);
  }
}

static void
test_standalone (void)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "mock",
                                                   "scms-mock-server", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *url;
  Resp *r;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "SCMS_MOCK_API_KEY", "test-key-1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "--port", "0",
                                         "--variant", "live", "--tier", "3",
                                         "--community-id", "mesarp", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Listening on http://127.0.0.1:"));
  url = line + strlen ("Listening on ");

  r = call_full (url, "mesarp", "test-key-1", "GET_SUB_VERSION", NULL);
  assert_text (r, 200, "3");
  resp_free (r);
  r = call_full (url, "mesarp", SCMS_MOCK_DEFAULT_API_KEY, "GET_SUB_VERSION", NULL);
  assert_text (r, 400, "INVALID API KEY");
  resp_free (r);
  r = call_full (url, "mesarp", "test-key-1", "GET_COM_ACCOUNT", "[{\"uniqueId\":1042}]");
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_true (r->text[0] == '[');
  resp_free (r);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  session = soup_session_new_with_options ("timeout", 30, NULL);

  g_test_add_func ("/mock/start-stop", test_start_stop);
  g_test_add_func ("/mock/sub-version", test_sub_version);
  g_test_add_func ("/mock/envelope", test_envelope);
  g_test_add_func ("/mock/tier", test_tier);
  g_test_add_func ("/mock/com-account/docs", test_com_account_docs);
  g_test_add_func ("/mock/com-account/live", test_com_account_live);
  g_test_add_func ("/mock/check-apiid-and-ranks", test_check_apiid_and_ranks);
  g_test_add_func ("/mock/static-lists", test_static_lists);
  g_test_add_func ("/mock/whitelist/verify", test_verify_whitelist);
  g_test_add_func ("/mock/whitelist/full", test_full_whitelist);
  g_test_add_func ("/mock/clock/docs", test_clock_docs);
  g_test_add_func ("/mock/clock/live", test_clock_live);
  g_test_add_func ("/mock/accounts", test_accounts);
  g_test_add_func ("/mock/faults", test_faults);
  g_test_add_func ("/mock/faults/slow-does-not-block", test_slow_does_not_block);
  g_test_add_func ("/mock/faults/huge-body", test_huge_body);
  g_test_add_func ("/mock/counters", test_counters);
  g_test_add_func ("/mock/rate-limit", test_rate_limit);
  g_test_add_func ("/mock/big-community", test_big_community);
  g_test_add_func ("/mock/determinism", test_determinism);
  g_test_add_func ("/mock/standalone", test_standalone);

  ret = g_test_run ();
  g_object_unref (session);

  return ret;
}
