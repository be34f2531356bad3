/* test-decode.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "scms-decode.h"
#include "scms-department.h"
#include "scms-game-server.h"
#include "scms-profile-field.h"

#define JSON_TYPE "application/json; charset=utf-8"
#define TEXT_TYPE "text/plain; charset=utf-8"
#define HTML_TYPE "text/html"

typedef struct
{
  char        *contents;
  ScmsRawReply reply;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_free (loaded->contents);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

/* Reads tests/data/<name>; the status is the second dot-separated part of
 * the name, the content type follows the extension as the server labels it. */
static Loaded *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (name, ".", -1);
  Loaded *loaded = g_new0 (Loaded, 1);
  gsize length = 0;

  g_file_get_contents (path, &loaded->contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (parts), >=, 3);

  loaded->reply.status = (guint) strtoul (parts[1], NULL, 10);
  loaded->reply.content_type = g_str_has_suffix (name, ".json") ? JSON_TYPE : TEXT_TYPE;
  loaded->reply.body = loaded->contents;
  loaded->reply.length = length;

  return loaded;
}

static ScmsRawReply
raw (guint       status,
     const char *content_type,
     const char *body)
{
  ScmsRawReply reply = { status, content_type, body, strlen (body) };

  return reply;
}

/* Runs every decoder on @reply. Whatever the bytes, nothing may warn (the
 * tests run with fatal warnings) and every failure must be a client error. */
static void
run_all_decoders (const ScmsRawReply *reply)
{
  GError *error = NULL;
  gpointer result;
  guint total = 0;

#define CHECK(call) \
  G_STMT_START { \
    result = (call); \
    g_assert_true ((result != NULL) || error == NULL || error->domain == SCMS_CLIENT_ERROR); \
    g_assert_true (result == NULL || error == NULL); \
    if (error != NULL) \
      g_assert_true (g_utf8_validate (error->message, -1, NULL)); \
    g_clear_error (&error); \
    g_clear_object (&result); \
  } G_STMT_END

  _scms_decode_check_status (reply, &error);
  g_clear_error (&error);

  CHECK (_scms_decode_sub_version (reply, &error));
  CHECK (_scms_decode_com_account (reply, &error));
  CHECK (_scms_decode_clock_in_out (reply, &error));
  CHECK (_scms_decode_game_servers (reply, &error));
  CHECK (_scms_decode_verify_whitelist (reply, &error));
  CHECK (_scms_decode_full_whitelist (reply, &error));
  CHECK (_scms_decode_departments (reply, &error));
  CHECK (_scms_decode_profile_fields (reply, &error));
  CHECK (_scms_decode_accounts (reply, &total, &error));
  CHECK (_scms_decode_current_clock_in (reply, &error));
  CHECK (_scms_decode_clockin_types (reply, &error));

#undef CHECK

  g_free (_scms_decode_check_com_apiid (reply, &error));
  g_clear_error (&error);
  g_strfreev (_scms_decode_account_ranks (reply, &error));
  g_clear_error (&error);
}

static void
test_all_files (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(Loaded) loaded = NULL;
      g_autoptr(GError) status_error = NULL;
      gboolean ok;

      if (!g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".txt"))
        continue;

      g_test_message ("%s", name);
      loaded = load (name);
      run_all_decoders (&loaded->reply);

      /* The status rule alone: 2xx passes except the catch-all. */
      ok = _scms_decode_check_status (&loaded->reply, &status_error);
      if (loaded->reply.status >= 200 && loaded->reply.status < 300 &&
          !g_str_has_prefix (name, "common.200.unknown-path"))
        {
          g_assert_no_error (status_error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_nonnull (status_error);
          g_assert_true (status_error->domain == SCMS_CLIENT_ERROR);
        }

      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 50);
}

static void
assert_elena (ScmsAccount *account)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(ScmsProfileValue) certs = NULL;
  g_autofree char *certs_text = NULL;
  const char * const *ranks;

  g_assert_nonnull (account);
  g_assert_cmpstr (scms_account_get_display_name (account), ==, "E. Ashgrove");
  g_assert_cmpstr (scms_account_get_acc_name (account), ==, "Elena Ashgrove");
  g_assert_cmpstr (scms_account_get_acc_id (account), ==, "bf2aa8f1-4ee6-449c-b90b-a9e7e0888c79");
  g_assert_cmpint (scms_account_get_status (account), ==, SCMS_MEMBER_STATUS_ACTIVE);
  g_assert_cmpint (scms_account_get_unique_id (account), ==, 1042);
  g_assert_true (scms_account_get_com_status (account));
  g_assert_true (scms_account_get_sys_status (account));
  g_assert_false (scms_account_get_owner (account));
  g_assert_null (scms_account_get_teamspeak_id (account));

  ranks = scms_account_get_rank_ids (account);
  g_assert_cmpuint (g_strv_length ((char **) ranks), ==, 3);
  g_assert_cmpstr (ranks[0], ==, "d84abf9a-95de-4aa7-a0be-c528ca150c3a");
  g_assert_cmpstr (ranks[1], ==, "bd4dcda0-27b6-4379-b195-3773e2658c15");
  g_assert_cmpstr (ranks[2], ==, "1bb2bb61-2504-411e-8672-3478b313af42");

  g_assert_cmpuint (g_strv_length ((char **) scms_account_get_api_ids (account)), ==, 2);

  g_assert_cmpstr (scms_account_get_join_date (account), ==, "2024-03-09 19:14:22.000 -0700");
  g_assert_nonnull (scms_account_get_join_date_time (account));
  utc = g_date_time_to_utc (scms_account_get_join_date_time (account));
  joined = g_date_time_format (utc, "%Y-%m-%d %H:%M:%S");
  g_assert_cmpstr (joined, ==, "2024-03-10 02:14:22");
  g_assert_nonnull (scms_account_get_last_login_time (account));

  g_assert_cmpuint (g_list_model_get_n_items (scms_account_get_profile_values (account)), ==, 3);
  certs = g_list_model_get_item (scms_account_get_profile_values (account), 0);
  g_assert_cmpstr (scms_profile_value_get_field_id (certs), ==, "e31cf161-1e0c-49fa-905b-309e74936358");
  certs_text = scms_profile_value_dup_text (certs);
  g_assert_cmpstr (certs_text, ==, "Field Training Officer, Radar/Lidar Operator");
}

static void
test_com_account (void)
{
  g_autoptr(Loaded) documented = load ("get_com_account.200.json");
  g_autoptr(Loaded) flat = load ("get_com_account.200.flat-ranks.json");
  g_autoptr(ScmsAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped_body = NULL;
  ScmsRawReply wrapped;
  ScmsRawReply empty = raw (200, JSON_TYPE, "[]");
  ScmsRawReply empty_text_label = raw (200, TEXT_TYPE, " [ ] ");

  account = _scms_decode_com_account (&documented->reply, &error);
  g_assert_no_error (error);
  assert_elena (account);
  g_assert_cmpstr (scms_account_get_primary_identifier (account), ==, "1A-12");
  g_assert_false (scms_account_get_archived (account));
  g_clear_object (&account);

  account = _scms_decode_com_account (&flat->reply, &error);
  g_assert_no_error (error);
  assert_elena (account);
  g_assert_cmpstr (scms_account_get_discord_id (account), ==, "430291437292752760");
  g_clear_object (&account);

  wrapped_body = g_strdup_printf ("[%s]", documented->contents);
  wrapped = raw (200, TEXT_TYPE, wrapped_body);
  account = _scms_decode_com_account (&wrapped, &error);
  g_assert_no_error (error);
  assert_elena (account);
  g_clear_object (&account);

  g_assert_null (_scms_decode_com_account (&empty, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (_scms_decode_com_account (&empty_text_label, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND);
}

static void
test_error_files (void)
{
  static const struct
  {
    const char      *file;
    ScmsClientError  code;
  } cases[] = {
    { "common.400.invalid-api-key.txt", SCMS_CLIENT_ERROR_INVALID_API_KEY },
    { "common.400.invalid-community-id.txt", SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID },
    { "common.400.api-not-enabled.txt", SCMS_CLIENT_ERROR_NOT_ENABLED },
    { "common.200.unknown-path.txt", SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { "get_com_account.400.api-id-not-linked.txt", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "get_com_account.400.no-account.txt", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "get_account_ranks.400.no-account.txt", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "check_com_apiid.400.txt", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "clock_in_out.400.txt", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "clock_in_out.404.txt", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "session.400.invalid-server.txt", SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER },
    { "session.400.no-server-id.txt", SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { "session.400.session-error.txt", SCMS_CLIENT_ERROR_INVALID_REQUEST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Loaded) loaded = load (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) account_error = NULL;
      g_autoptr(ScmsAccount) account = NULL;

      g_test_message ("%s", cases[i].file);
      g_assert_false (_scms_decode_check_status (&loaded->reply, &error));
      g_assert_error (error, SCMS_CLIENT_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, scms_client_error_to_string (cases[i].code)));

      /* Endpoint decoders report the same error. */
      account = _scms_decode_com_account (&loaded->reply, &account_error);
      g_assert_null (account);
      g_assert_error (account_error, SCMS_CLIENT_ERROR, (int) cases[i].code);
    }

  /* Known codes are fully explained; unknown ones keep the raw code. */
  {
    g_autoptr(Loaded) key = load ("common.400.invalid-api-key.txt");
    g_autoptr(Loaded) session = load ("session.400.session-error.txt");
    g_autoptr(GError) error = NULL;

    _scms_decode_check_status (&key->reply, &error);
    g_assert_cmpstr (error->message, ==,
                     scms_client_error_to_string (SCMS_CLIENT_ERROR_INVALID_API_KEY));
    g_clear_error (&error);

    _scms_decode_check_status (&session->reply, &error);
    g_assert_true (g_str_has_suffix (error->message, "(SESSION_ERROR)"));
  }
}

static void
test_statuses (void)
{
  static const char html[] = "<html><head><title>502 Bad Gateway</title></head>"
                             "<body><center><h1>502 Bad Gateway</h1></center></body></html>";
  static const struct
  {
    guint            status;
    const char      *content_type;
    const char      *body;
    ScmsClientError  code;
  } cases[] = {
    { 429, HTML_TYPE, "<html><body>Too Many Requests</body></html>", SCMS_CLIENT_ERROR_RATE_LIMITED },
    { 429, NULL, "", SCMS_CLIENT_ERROR_RATE_LIMITED },
    { 500, HTML_TYPE, "<html><body>Internal Server Error</body></html>", SCMS_CLIENT_ERROR_SERVER },
    { 502, HTML_TYPE, html, SCMS_CLIENT_ERROR_SERVER },
    { 503, NULL, "", SCMS_CLIENT_ERROR_SERVER },
    { 401, TEXT_TYPE, "INVALID API KEY", SCMS_CLIENT_ERROR_INVALID_API_KEY },
    { 404, TEXT_TYPE, "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY", SCMS_CLIENT_ERROR_NOT_FOUND },
    { 400, JSON_TYPE, "{\"status\": 400, \"message\": \"INVALID COMMUNITY ID\"}", SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID },
    { 400, TEXT_TYPE, "CLOCK IN IS NOT ENABLED FOR THIS COMMUNITY", SCMS_CLIENT_ERROR_NOT_ENABLED },
    { 400, TEXT_TYPE, "SERVER_CONFIG_ERROR", SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS },
    { 500, JSON_TYPE, "{\"status\": 500, \"message\": \"SERVER_CONFIG_ERROR\"}", SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS },
    { 503, TEXT_TYPE, "SERVER_CONFIG_ERROR", SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS },
    { 500, TEXT_TYPE, "INVALID API KEY", SCMS_CLIENT_ERROR_SERVER },
    { 400, TEXT_TYPE, "INVALID_SERVER_ID", SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER },
    { 400, TEXT_TYPE, "SOMETHING NEW", SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { 400, TEXT_TYPE, "", SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { 403, HTML_TYPE, "<html>Forbidden</html>", SCMS_CLIENT_ERROR_BAD_RESPONSE },
    { 302, TEXT_TYPE, "", SCMS_CLIENT_ERROR_BAD_RESPONSE },
    { 200, TEXT_TYPE, "Backend Service Reached", SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { 200, TEXT_TYPE, "  Sonoran CMS: Backend Service Reached\n", SCMS_CLIENT_ERROR_INVALID_REQUEST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScmsRawReply reply = raw (cases[i].status, cases[i].content_type, cases[i].body);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %u", i, cases[i].status);
      g_assert_false (_scms_decode_check_status (&reply, &error));
      g_assert_error (error, SCMS_CLIENT_ERROR, (int) cases[i].code);
      /* No HTML page ends up in front of the user. */
      g_assert_null (strstr (error->message, "<html>"));
    }

  /* A long unknown code is cut short, and made valid UTF-8. */
  {
    g_autofree char *long_code = g_strnfill (500, 'X');
    ScmsRawReply reply = raw (400, TEXT_TYPE, long_code);
    ScmsRawReply invalid = raw (400, TEXT_TYPE, "BAD \xff\xfe CODE");
    g_autoptr(GError) error = NULL;

    _scms_decode_check_status (&reply, &error);
    g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_REQUEST);
    g_assert_cmpuint (g_utf8_strlen (error->message, -1), <,
                      g_utf8_strlen (scms_client_error_to_string (SCMS_CLIENT_ERROR_INVALID_REQUEST), -1) + 90);
    g_clear_error (&error);

    _scms_decode_check_status (&invalid, &error);
    g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_REQUEST);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_assert_nonnull (strstr (error->message, "CODE"));
  }

  /* An unknown code is quoted whatever its label (a server answering with
   * res.send() labels text as HTML); a web page never is. */
  {
    ScmsRawReply labelled_html = raw (404, HTML_TYPE, "SOMETHING NEW");
    ScmsRawReply page = raw (404, HTML_TYPE, "  <html><head><title>404 Not Found</title></head></html>");
    g_autoptr(GError) error = NULL;

    _scms_decode_check_status (&labelled_html, &error);
    g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_REQUEST);
    g_assert_true (g_str_has_suffix (error->message, "(SOMETHING NEW)"));
    g_clear_error (&error);

    _scms_decode_check_status (&page, &error);
    g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_REQUEST);
    g_assert_true (g_str_has_suffix (error->message, "(HTTP 404)"));
  }
}

static void
test_sub_version (void)
{
  static const struct
  {
    const char *content_type;
    const char *body;
    int         tier;
    ScmsTier    level;
  } cases[] = {
    { TEXT_TYPE, "4", 4, SCMS_TIER_PRO },
    { TEXT_TYPE, "5", 5, SCMS_TIER_SONORAN_ONE },
    { TEXT_TYPE, "6", 6, SCMS_TIER_SONORAN_ONE },
    { TEXT_TYPE, "4 - PRO", 4, SCMS_TIER_PRO },
    { TEXT_TYPE, " 2\n", 2, SCMS_TIER_STANDARD },
    { JSON_TYPE, "3", 3, SCMS_TIER_PLUS },
    { JSON_TYPE, "\"0\"", 0, SCMS_TIER_FREE },
  };
  g_autoptr(Loaded) loaded = load ("get_sub_version.200.txt");
  g_autoptr(ScmsSubscription) sub = NULL;
  g_autoptr(GError) error = NULL;

  sub = _scms_decode_sub_version (&loaded->reply, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scms_subscription_get_tier (sub), ==, 4);
  g_assert_cmpstr (scms_subscription_get_name (sub), ==, "Pro");
  g_clear_object (&sub);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScmsRawReply reply = raw (200, cases[i].content_type, cases[i].body);

      g_test_message ("case %u", i);
      sub = _scms_decode_sub_version (&reply, &error);
      g_assert_no_error (error);
      g_assert_cmpint (scms_subscription_get_tier (sub), ==, cases[i].tier);
      g_assert_cmpint (scms_subscription_get_level (sub), ==, cases[i].level);
      g_clear_object (&sub);
    }
}

static void
test_check_com_apiid (void)
{
  g_autoptr(Loaded) loaded = load ("check_com_apiid.200.txt");
  ScmsRawReply braces = raw (200, TEXT_TYPE, "{Weird} Name ");
  ScmsRawReply json_string = raw (200, JSON_TYPE, "\"Elena Ashgrove\"");
  ScmsRawReply json_object = raw (200, JSON_TYPE, "{\"name\": \"Elena\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  name = _scms_decode_check_com_apiid (&loaded->reply, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Elena Ashgrove");
  g_clear_pointer (&name, g_free);

  /* A name may start with a brace: text stays text unless labelled JSON. */
  name = _scms_decode_check_com_apiid (&braces, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "{Weird} Name");
  g_clear_pointer (&name, g_free);

  name = _scms_decode_check_com_apiid (&json_string, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Elena Ashgrove");
  g_clear_pointer (&name, g_free);

  g_assert_null (_scms_decode_check_com_apiid (&json_object, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
}

static void
test_account_ranks (void)
{
  g_autoptr(Loaded) ranks_file = load ("get_account_ranks.200.json");
  g_autoptr(Loaded) none_file = load ("get_account_ranks.200.no-ranks.json");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ranks = NULL;
  g_auto(GStrv) none = NULL;

  ranks = _scms_decode_account_ranks (&ranks_file->reply, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ranks), ==, 3);
  g_assert_cmpstr (ranks[0], ==, "d84abf9a-95de-4aa7-a0be-c528ca150c3a");
  g_assert_cmpstr (ranks[2], ==, "1bb2bb61-2504-411e-8672-3478b313af42");

  none = _scms_decode_account_ranks (&none_file->reply, &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_clock_in_out (void)
{
  static const struct
  {
    const char *file;
    gboolean    clocked_in;
    gboolean    forced;
    gboolean    details;
    guint       n_notes;
  } cases[] = {
    { "clock_in_out.200.clocked-in.json", TRUE, FALSE, TRUE, 0 },
    { "clock_in_out.200.clocked-out.json", FALSE, FALSE, TRUE, 2 },
    { "clock_in_out.200.docs-clocked-in.txt", TRUE, FALSE, FALSE, 0 },
    { "clock_in_out.200.docs-force-clocked-in.txt", TRUE, TRUE, FALSE, 0 },
    { "clock_in_out.200.docs-clocked-out.txt", FALSE, FALSE, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Loaded) loaded = load (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmsClockIn) clock_in = NULL;

      g_test_message ("%s", cases[i].file);
      clock_in = _scms_decode_clock_in_out (&loaded->reply, &error);
      g_assert_no_error (error);
      g_assert_cmpint (scms_clock_in_get_clocked_in (clock_in), ==, cases[i].clocked_in);
      g_assert_cmpint (scms_clock_in_get_forced (clock_in), ==, cases[i].forced);
      g_assert_cmpint (scms_clock_in_has_details (clock_in), ==, cases[i].details);
      g_assert_cmpuint (g_list_model_get_n_items (scms_clock_in_get_notes (clock_in)), ==, cases[i].n_notes);

      if (cases[i].details)
        {
          g_assert_cmpstr (scms_clock_in_get_id (clock_in), ==, "5612");
          g_assert_cmpstr (scms_clock_in_get_type_id (clock_in), ==, "ad707263-e9df-4304-a827-05e669826e1d");
          g_assert_nonnull (scms_clock_in_get_start_date_time (clock_in));
          g_assert_cmpint (scms_clock_in_get_end_date_time (clock_in) != NULL, ==, !cases[i].clocked_in);
        }
    }

  /* The same record labelled as text is still JSON. */
  {
    g_autoptr(Loaded) loaded = load ("clock_in_out.200.clocked-out.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(ScmsClockIn) clock_in = NULL;
    g_autoptr(ScmsClockInNote) note = NULL;

    loaded->reply.content_type = TEXT_TYPE;
    clock_in = _scms_decode_clock_in_out (&loaded->reply, &error);
    g_assert_no_error (error);
    g_assert_true (scms_clock_in_get_completed (clock_in));
    note = g_list_model_get_item (scms_clock_in_get_notes (clock_in), 1);
    g_assert_cmpstr (scms_clock_in_note_get_message (note), ==, "Assisted SCSO with a pursuit");
  }
}

static void
test_current_clock_in (void)
{
  g_autoptr(Loaded) record = load ("get_current_clock_in.200.json");
  g_autoptr(Loaded) not_in = load ("get_current_clock_in.200.not-clocked-in.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsClockIn) clock_in = NULL;
  ScmsRawReply lower = raw (201, TEXT_TYPE, "  not clocked in\n");
  ScmsRawReply other = raw (200, TEXT_TYPE, "Clocked In");

  for (guint status = 200; status <= 201; status++)
    {
      record->reply.status = status;
      clock_in = _scms_decode_current_clock_in (&record->reply, &error);
      g_assert_no_error (error);
      g_assert_nonnull (clock_in);
      g_assert_true (scms_clock_in_get_clocked_in (clock_in));
      g_assert_cmpstr (scms_clock_in_get_id (clock_in), ==, "5612");
      g_clear_object (&clock_in);

      not_in->reply.status = status;
      clock_in = _scms_decode_current_clock_in (&not_in->reply, &error);
      g_assert_no_error (error);
      g_assert_null (clock_in);
    }

  clock_in = _scms_decode_current_clock_in (&lower, &error);
  g_assert_no_error (error);
  g_assert_null (clock_in);

  clock_in = _scms_decode_current_clock_in (&other, &error);
  g_assert_null (clock_in);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
}

static void
test_verify_whitelist (void)
{
  static const struct
  {
    const char  *file;
    ScmsVerdict  verdict;
    const char  *name;
    const char  *code;
  } cases[] = {
    { "verify_whitelist.200.txt", SCMS_VERDICT_ALLOWED, "Elena Ashgrove", NULL },
    { "verify_whitelist.200.bypassed.txt", SCMS_VERDICT_BYPASSED, "Tobias Wrenfield", NULL },
    { "verify_whitelist.400.json", SCMS_VERDICT_UNKNOWN_MEMBER, NULL, "UNKNOWN_ACC_API_ID" },
    { "verify_whitelist.404.json", SCMS_VERDICT_NOT_ALLOWED, NULL, "NOT ALLOWED ON WHITELIST" },
    { "verify_whitelist.404.txt", SCMS_VERDICT_NOT_ALLOWED, NULL, "NOT ALLOWED ON WHITELIST" },
  };
  ScmsRawReply blocked = raw (400, TEXT_TYPE, "BLOCKED FOR WHITELIST");
  ScmsRawReply not_linked = raw (404, TEXT_TYPE, "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY");
  ScmsRawReply bad_server = raw (400, JSON_TYPE, "{\"status\": 400, \"message\": \"INVALID_SERVER_ID\"}");
  ScmsRawReply server_config = raw (400, JSON_TYPE, "{\"status\": 400, \"message\": \"SERVER_CONFIG_ERROR\"}");
  ScmsRawReply server_config_5xx = raw (502, TEXT_TYPE, "SERVER_CONFIG_ERROR");
  ScmsRawReply key_json = raw (400, JSON_TYPE, "{\"status\": 400, \"message\": \"INVALID API KEY\"}");
  ScmsRawReply bad_key = raw (400, TEXT_TYPE, "INVALID API KEY");
  ScmsRawReply limited = raw (429, NULL, "");
  g_autoptr(ScmsWhitelistVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Loaded) loaded = load (cases[i].file);

      g_test_message ("%s", cases[i].file);
      verdict = _scms_decode_verify_whitelist (&loaded->reply, &error);
      g_assert_no_error (error);
      g_assert_cmpint (scms_whitelist_verdict_get_verdict (verdict), ==, cases[i].verdict);
      g_assert_cmpstr (scms_whitelist_verdict_get_name (verdict), ==, cases[i].name);
      g_assert_cmpstr (scms_whitelist_verdict_get_code (verdict), ==, cases[i].code);
      g_assert_cmpint (scms_whitelist_verdict_get_allowed (verdict), ==,
                       cases[i].verdict == SCMS_VERDICT_ALLOWED || cases[i].verdict == SCMS_VERDICT_BYPASSED);
      g_clear_object (&verdict);
    }

  verdict = _scms_decode_verify_whitelist (&blocked, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (verdict), ==, SCMS_VERDICT_BLOCKED);
  g_clear_object (&verdict);

  verdict = _scms_decode_verify_whitelist (&not_linked, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (verdict), ==, SCMS_VERDICT_UNKNOWN_MEMBER);
  g_clear_object (&verdict);

  /* The game server's problems are errors, each with its own sentence:
   * they are no answer about the member. */
  g_assert_null (_scms_decode_verify_whitelist (&bad_server, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER);
  g_assert_cmpstr (error->message, ==,
                   scms_client_error_to_string (SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER));
  g_clear_error (&error);
  g_assert_null (_scms_decode_verify_whitelist (&server_config, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS);
  g_clear_error (&error);
  g_assert_null (_scms_decode_verify_whitelist (&server_config_5xx, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS);
  g_clear_error (&error);
  g_assert_null (_scms_decode_verify_whitelist (&key_json, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_API_KEY);
  g_clear_error (&error);
  g_assert_null (_scms_decode_verify_whitelist (&bad_key, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_API_KEY);
  g_clear_error (&error);
  g_assert_null (_scms_decode_verify_whitelist (&limited, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_RATE_LIMITED);
}

static void
test_lists (void)
{
  g_autoptr(Loaded) servers_file = load ("get_game_servers.200.json");
  g_autoptr(Loaded) whitelist_file = load ("full_whitelist.200.json");
  g_autoptr(Loaded) departments_file = load ("get_departments.200.json");
  g_autoptr(Loaded) fields_file = load ("get_profile_fields.200.json");
  g_autoptr(Loaded) types_file = load ("get_clockin_types.200.json");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  /* Game servers, labelled JSON and labelled text. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ScmsGameServer) second = NULL;

      servers_file->reply.content_type = i == 0 ? JSON_TYPE : TEXT_TYPE;
      list = _scms_decode_game_servers (&servers_file->reply, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
      g_assert_true (g_list_model_get_item_type (list) == SCMS_TYPE_GAME_SERVER);
      second = g_list_model_get_item (list, 1);
      g_assert_cmpint (scms_game_server_get_id (second), ==, 2);
      g_assert_cmpstr (scms_game_server_get_name (second), ==, "Copper Basin | Training");
      g_clear_object (&list);
    }

  list = _scms_decode_full_whitelist (&whitelist_file->reply, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(ScmsWhitelistEntry) elena = g_list_model_get_item (list, 1);

    g_assert_cmpstr (scms_whitelist_entry_get_name (elena), ==, "Elena Ashgrove");
    g_assert_true (scms_whitelist_entry_has_api_id (elena, "discord:430291437292752760"));
  }
  g_clear_object (&list);

  list = _scms_decode_departments (&departments_file->reply, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  {
    g_autoptr(ScmsDepartment) comms = g_list_model_get_item (list, 3);
    g_autoptr(ScmsRank) dispatcher = NULL;
    guint n_ranks = 0;

    g_assert_cmpstr (scms_department_get_short_label (comms), ==, "COMMS");
    dispatcher = g_list_model_get_item (scms_department_get_ranks (comms), 0);
    g_assert_cmpstr (scms_rank_get_id (dispatcher), ==, "bd4dcda0-27b6-4379-b195-3773e2658c15");
    g_assert_cmpstr (scms_rank_get_label (dispatcher), ==, "Dispatcher");
    g_assert_cmpstr (scms_rank_get_department_id (dispatcher), ==, "fba12001-638a-47f5-8a9b-c84199089bec");
    g_assert_cmpstr (scms_rank_get_department_label (dispatcher), ==, "Emergency Communications");
    g_assert_cmpstr (scms_rank_get_department_short (dispatcher), ==, "COMMS");
    g_assert_cmpint (scms_rank_get_power (dispatcher), ==, 20);

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(ScmsDepartment) dept = g_list_model_get_item (list, i);

        n_ranks += g_list_model_get_n_items (scms_department_get_ranks (dept));
      }
    g_assert_cmpuint (n_ranks, ==, 18);
  }
  g_clear_object (&list);

  list = _scms_decode_profile_fields (&fields_file->reply, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(ScmsProfileField) zone = g_list_model_get_item (list, 1);
    g_autoptr(ScmsProfileField) certs = g_list_model_get_item (list, 0);

    g_assert_cmpstr (scms_profile_field_get_label (zone), ==, "Time Zone");
    g_assert_cmpuint (g_strv_length ((char **) scms_profile_field_get_options (zone)), ==, 4);
    g_assert_cmpstr (scms_profile_field_get_kind (certs), ==, "text array");
    g_assert_cmpuint (g_strv_length ((char **) scms_profile_field_get_options (certs)), ==, 0);
  }
  g_clear_object (&list);

  list = _scms_decode_clockin_types (&types_file->reply, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(ScmsClockInType) patrol = g_list_model_get_item (list, 0);

    g_assert_cmpstr (scms_clock_in_type_get_label (patrol), ==, "Patrol");
  }
}

static void
test_accounts (void)
{
  g_autoptr(Loaded) loaded = load ("get_accounts.200.json");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsAccountSummary) dale = NULL;
  g_autoptr(ScmsAccountSummary) priya = NULL;
  g_autofree char *ids = NULL;
  ScmsRawReply duplicated = raw (200, JSON_TYPE,
                                 "{\"total\": 9, \"accounts\": [{\"accId\": \"a\", \"accName\": \"One\"},"
                                 " {\"accId\": \"b\"}, {\"accId\": \"a\", \"accName\": \"Again\"}]}");
  guint total = 0;

  list = _scms_decode_accounts (&loaded->reply, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);

  dale = g_list_model_get_item (list, 2);
  g_assert_cmpstr (scms_account_summary_get_display_name (dale), ==, "Dale Mercer");
  g_assert_cmpint (scms_account_summary_get_status (dale), ==, SCMS_MEMBER_STATUS_BANNED);
  g_assert_false (scms_account_summary_get_sys_status (dale));
  g_assert_cmpint (scms_account_summary_get_unique_id (dale), ==, -1);

  priya = g_list_model_get_item (list, 4);
  g_assert_cmpint (scms_account_summary_get_status (priya), ==, SCMS_MEMBER_STATUS_PENDING);
  g_assert_cmpstr (scms_account_summary_get_discord_id (priya), ==, "684737923142603598");
  ids = scms_account_summary_dup_api_ids_text (priya);
  g_assert_cmpstr (ids, ==, "684737923142603598");
  g_clear_object (&list);

  /* A repeated row is kept: pages are counted in the server's rows. */
  list = _scms_decode_accounts (&duplicated, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(ScmsAccountSummary) first = g_list_model_get_item (list, 0);
    g_autoptr(ScmsAccountSummary) again = g_list_model_get_item (list, 2);

    g_assert_cmpstr (scms_account_summary_get_acc_name (first), ==, "One");
    g_assert_cmpstr (scms_account_summary_get_acc_name (again), ==, "Again");
  }
}

typedef enum
{
  DECODER_SUB_VERSION,
  DECODER_CHECK_COM_APIID,
  DECODER_COM_ACCOUNT,
  DECODER_ACCOUNT_RANKS,
  DECODER_CLOCK_IN_OUT,
  DECODER_GAME_SERVERS,
  DECODER_VERIFY_WHITELIST,
  DECODER_FULL_WHITELIST,
  DECODER_DEPARTMENTS,
  DECODER_PROFILE_FIELDS,
  DECODER_ACCOUNTS,
  DECODER_CURRENT_CLOCK_IN,
  DECODER_CLOCKIN_TYPES,
} Decoder;

/* Returns whether the decoder produced a value; sets @error otherwise. */
static gboolean
run_decoder (Decoder              decoder,
             const ScmsRawReply  *reply,
             GError             **error)
{
  g_autoptr(GObject) object = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) strv = NULL;
  guint total;

  switch (decoder)
    {
    case DECODER_SUB_VERSION:
      object = G_OBJECT (_scms_decode_sub_version (reply, error));
      break;
    case DECODER_CHECK_COM_APIID:
      return (text = _scms_decode_check_com_apiid (reply, error)) != NULL;
    case DECODER_COM_ACCOUNT:
      object = G_OBJECT (_scms_decode_com_account (reply, error));
      break;
    case DECODER_ACCOUNT_RANKS:
      return (strv = _scms_decode_account_ranks (reply, error)) != NULL;
    case DECODER_CLOCK_IN_OUT:
      object = G_OBJECT (_scms_decode_clock_in_out (reply, error));
      break;
    case DECODER_GAME_SERVERS:
      object = G_OBJECT (_scms_decode_game_servers (reply, error));
      break;
    case DECODER_VERIFY_WHITELIST:
      object = G_OBJECT (_scms_decode_verify_whitelist (reply, error));
      break;
    case DECODER_FULL_WHITELIST:
      object = G_OBJECT (_scms_decode_full_whitelist (reply, error));
      break;
    case DECODER_DEPARTMENTS:
      object = G_OBJECT (_scms_decode_departments (reply, error));
      break;
    case DECODER_PROFILE_FIELDS:
      object = G_OBJECT (_scms_decode_profile_fields (reply, error));
      break;
    case DECODER_ACCOUNTS:
      object = G_OBJECT (_scms_decode_accounts (reply, &total, error));
      break;
    case DECODER_CURRENT_CLOCK_IN:
      object = G_OBJECT (_scms_decode_current_clock_in (reply, error));
      break;
    case DECODER_CLOCKIN_TYPES:
      object = G_OBJECT (_scms_decode_clockin_types (reply, error));
      break;
    default:
      g_assert_not_reached ();
    }

  return object != NULL;
}

static void
test_malformed (void)
{
  static const struct
  {
    Decoder     decoder;
    const char *content_type;
    const char *body;
    gsize       length;  /* 0: strlen (body) */
  } cases[] = {
    /* Generic garbage, for every JSON decoder. */
    { DECODER_COM_ACCOUNT, JSON_TYPE, "{\"accId\": \"a\"", 0 },
    { DECODER_COM_ACCOUNT, JSON_TYPE, "", 0 },
    { DECODER_COM_ACCOUNT, JSON_TYPE, "\"a string\"", 0 },
    { DECODER_COM_ACCOUNT, JSON_TYPE, "42", 0 },
    { DECODER_COM_ACCOUNT, JSON_TYPE, "{\"accId\": \"a\", \"uniqueId\": 99999999999999999999}", 0 },
    { DECODER_COM_ACCOUNT, JSON_TYPE, "{\"accId\": \"a\", \"uniqueId\": 1e400}", 0 },
    { DECODER_COM_ACCOUNT, JSON_TYPE, "{\"accId\": \"\xff\xfe\"}", 0 },
    { DECODER_COM_ACCOUNT, TEXT_TYPE, "Elena Ashgrove", 0 },
    { DECODER_COM_ACCOUNT, JSON_TYPE, "{\"accId\": \"a\"}\0{}", 17 },
    { DECODER_ACCOUNT_RANKS, JSON_TYPE, "[1,2", 0 },
    { DECODER_ACCOUNT_RANKS, JSON_TYPE, "[1, 2]", 0 },
    { DECODER_ACCOUNT_RANKS, JSON_TYPE, "\"d84abf9a\"", 0 },
    { DECODER_ACCOUNT_RANKS, JSON_TYPE, "[[\"a\"]]", 0 },
    { DECODER_ACCOUNT_RANKS, JSON_TYPE, "{}", 0 },
    { DECODER_ACCOUNT_RANKS, TEXT_TYPE, "\xff\xfe", 0 },
    { DECODER_ACCOUNT_RANKS, JSON_TYPE, "   ", 0 },
    { DECODER_GAME_SERVERS, JSON_TYPE, "{\"servers\":\"x\"}", 0 },
    { DECODER_GAME_SERVERS, JSON_TYPE, "{\"servers\": [{\"id\": \"1\"}]}", 0 },
    { DECODER_GAME_SERVERS, JSON_TYPE, "{\"servers\": [{\"id\": 99999999999999999999}]}", 0 },
    { DECODER_GAME_SERVERS, JSON_TYPE, "{\"servers\": [{\"id\": 1, \"name\": {}}]}", 0 },
    { DECODER_GAME_SERVERS, JSON_TYPE, "{}", 0 },
    { DECODER_GAME_SERVERS, JSON_TYPE, "[]", 0 },
    { DECODER_GAME_SERVERS, TEXT_TYPE, "no servers", 0 },
    { DECODER_FULL_WHITELIST, JSON_TYPE, "[{\"name\":{}}]", 0 },
    { DECODER_FULL_WHITELIST, JSON_TYPE, "[{\"name\":\"a\", \"apiIds\": \"x\"}]", 0 },
    { DECODER_FULL_WHITELIST, JSON_TYPE, "[\"Elena\"]", 0 },
    { DECODER_FULL_WHITELIST, JSON_TYPE, "{\"name\": \"a\"}", 0 },
    { DECODER_DEPARTMENTS, JSON_TYPE, "[{\"uuid\": \"d\", \"ranks\": {}}]", 0 },
    { DECODER_DEPARTMENTS, JSON_TYPE, "[{\"uuid\": \"d\", \"ranks\": [{\"label\": \"x\"}]}]", 0 },
    { DECODER_DEPARTMENTS, JSON_TYPE, "[{\"uuid\": \"d\", \"ranks\": [{\"id\": \"r\", \"power\": \"9\"}]}]", 0 },
    { DECODER_DEPARTMENTS, JSON_TYPE, "[{\"label\": \"no uuid\"}]", 0 },
    { DECODER_DEPARTMENTS, JSON_TYPE, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", 0 },
    { DECODER_PROFILE_FIELDS, JSON_TYPE, "[{\"id\": \"f\", \"options\": [1]}]", 0 },
    { DECODER_PROFILE_FIELDS, JSON_TYPE, "[{\"id\": \"f\", \"label\": 5}]", 0 },
    { DECODER_ACCOUNTS, JSON_TYPE, "{\"accounts\":{}}", 0 },
    { DECODER_ACCOUNTS, JSON_TYPE, "{\"total\": 5}", 0 },
    { DECODER_ACCOUNTS, JSON_TYPE, "{\"total\": -1, \"accounts\": []}", 0 },
    { DECODER_ACCOUNTS, JSON_TYPE, "{\"total\": \"5\", \"accounts\": []}", 0 },
    { DECODER_ACCOUNTS, JSON_TYPE, "{\"total\": 5, \"accounts\": [{\"accName\": \"no id\"}]}", 0 },
    { DECODER_ACCOUNTS, JSON_TYPE, "[]", 0 },
    { DECODER_CLOCKIN_TYPES, JSON_TYPE, "[{\"label\": \"no id\"}]", 0 },
    { DECODER_CLOCKIN_TYPES, JSON_TYPE, "[{\"id\": []}]", 0 },
    { DECODER_CLOCK_IN_OUT, JSON_TYPE, "{\"id\": 1}", 0 },
    { DECODER_CLOCK_IN_OUT, JSON_TYPE, "{\"id\": 1, \"completed\": 0}", 0 },
    { DECODER_CLOCK_IN_OUT, JSON_TYPE, "{\"id\": 1, \"completed\": true, \"notes\": [\"x\"]}", 0 },
    { DECODER_CLOCK_IN_OUT, JSON_TYPE, "[{\"completed\": true}]", 0 },
    { DECODER_CLOCK_IN_OUT, TEXT_TYPE, "OK", 0 },
    { DECODER_CLOCK_IN_OUT, TEXT_TYPE, "", 0 },
    { DECODER_CURRENT_CLOCK_IN, JSON_TYPE, "{\"completed\": null}", 0 },
    { DECODER_CURRENT_CLOCK_IN, JSON_TYPE, "[]", 0 },
    { DECODER_CURRENT_CLOCK_IN, TEXT_TYPE, "", 0 },
    { DECODER_SUB_VERSION, TEXT_TYPE, "PRO", 0 },
    { DECODER_SUB_VERSION, TEXT_TYPE, "", 0 },
    { DECODER_SUB_VERSION, TEXT_TYPE, "-1", 0 },
    { DECODER_SUB_VERSION, TEXT_TYPE, "99999999999999999999", 0 },
    { DECODER_SUB_VERSION, JSON_TYPE, "4.5", 0 },
    { DECODER_SUB_VERSION, JSON_TYPE, "{\"tier\": 4}", 0 },
    { DECODER_SUB_VERSION, JSON_TYPE, "[4]", 0 },
    { DECODER_SUB_VERSION, TEXT_TYPE, "\xff\xfe", 0 },
    { DECODER_CHECK_COM_APIID, TEXT_TYPE, "", 0 },
    { DECODER_CHECK_COM_APIID, TEXT_TYPE, " \n ", 0 },
    { DECODER_CHECK_COM_APIID, TEXT_TYPE, "Elena \xff Ashgrove", 0 },
    { DECODER_CHECK_COM_APIID, JSON_TYPE, "[\"Elena\"]", 0 },
    { DECODER_CHECK_COM_APIID, JSON_TYPE, "Elena", 0 },
    { DECODER_VERIFY_WHITELIST, TEXT_TYPE, "", 0 },
    { DECODER_VERIFY_WHITELIST, TEXT_TYPE, "\xff\xfe", 0 },
    { DECODER_VERIFY_WHITELIST, TEXT_TYPE, "BYPASSED WHITELIST - ", 0 },
    { DECODER_VERIFY_WHITELIST, JSON_TYPE, "{\"name\": \"x\"}", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScmsRawReply reply = { 200, cases[i].content_type, cases[i].body,
                             cases[i].length != 0 ? cases[i].length : strlen (cases[i].body) };
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (run_decoder (cases[i].decoder, &reply, &error));
      g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      /* The same bytes through every decoder and status never warn. */
      run_all_decoders (&reply);
      reply.status = 400;
      run_all_decoders (&reply);
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  ScmsRawReply reply;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');

  reply = raw (200, JSON_TYPE, deep->str);
  g_assert_false (run_decoder (DECODER_DEPARTMENTS, &reply, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
  run_all_decoders (&reply);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decode/all-files", test_all_files);
  g_test_add_func ("/decode/com-account", test_com_account);
  g_test_add_func ("/decode/error-files", test_error_files);
  g_test_add_func ("/decode/statuses", test_statuses);
  g_test_add_func ("/decode/sub-version", test_sub_version);
  g_test_add_func ("/decode/check-com-apiid", test_check_com_apiid);
  g_test_add_func ("/decode/account-ranks", test_account_ranks);
  g_test_add_func ("/decode/clock-in-out", test_clock_in_out);
  g_test_add_func ("/decode/current-clock-in", test_current_clock_in);
  g_test_add_func ("/decode/verify-whitelist", test_verify_whitelist);
  g_test_add_func ("/decode/lists", test_lists);
  g_test_add_func ("/decode/accounts", test_accounts);
  g_test_add_func ("/decode/malformed", test_malformed);
  g_test_add_func ("/decode/deep-nesting", test_deep_nesting);

  return g_test_run ();
}
