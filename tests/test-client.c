/* test-client.c — ScmsClient against the mock, over real HTTP on loopback
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "scms-client.h"
#include "scms-mock-server.h"
#include "scms-scheduler.h"

#define ELENA_API_ID  "430291437292752760"
#define ELENA_ACC_ID  "bf2aa8f1-4ee6-449c-b90b-a9e7e0888c79"
#define PRIYA_API_ID  "684737923142603598"
#define TOBIAS_API_ID "871923189533843206"
#define SERGEANT_ID   "d84abf9a-95de-4aa7-a0be-c528ca150c3a"

typedef struct
{
  ScmsMockServer *mock;
  ScmsClient     *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->mock = scms_mock_server_new ();
  scms_mock_server_set_variant (fixture->mock, GPOINTER_TO_INT (data));
  g_assert_true (scms_mock_server_start (fixture->mock, 0, &error));
  g_assert_no_error (error);

  fixture->client = scms_client_new (scms_mock_server_get_url (fixture->mock),
                                     SCMS_MOCK_DEFAULT_COMMUNITY_ID, &error);
  g_assert_no_error (error);
  scms_client_set_api_key (fixture->client, SCMS_MOCK_DEFAULT_API_KEY);
  /* Fast, but through the same scheduler as every call. */
  scms_client_set_rate (fixture->client, SCMS_SCHEDULER_MAX_RATE);
  scms_client_set_burst (fixture->client, 50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->client);
  scms_mock_server_stop (fixture->mock);
  g_assert_finalize_object (fixture->mock);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  /* Five times longer under valgrind or the sanitizers (SCMS_TESTS_SLOW):
   * there the 10 MB whitelist alone takes tens of seconds. */
  gint64 seconds = g_getenv ("SCMS_TESTS_SLOW") != NULL ? 300 : 60;
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (*result);

  return *result;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

/* Lets queued work run without blocking, for up to @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static ScmsSubscription *
get_sub_version (ScmsClient  *client,
                 GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_client_get_sub_version_async (client, NULL, store_result_cb, &result);
  return scms_client_get_sub_version_finish (client, wait_for (&result), error);
}

static ScmsAccount *
get_account (ScmsClient  *client,
             ScmsIdKind   kind,
             const char  *identifier,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_client_get_com_account_async (client, kind, identifier, NULL, store_result_cb, &result);
  return scms_client_get_com_account_finish (client, wait_for (&result), error);
}

static ScmsWhitelistVerdict *
verify (ScmsClient  *client,
        const char  *api_id,
        gint64       server_id,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_client_verify_whitelist_async (client, SCMS_ID_KIND_API_ID, api_id, server_id, NULL,
                                      store_result_cb, &result);
  return scms_client_verify_whitelist_finish (client, wait_for (&result), error);
}

static ScmsClockIn *
clock_in_out (ScmsClient       *client,
              ScmsClockAction   action,
              GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_client_clock_in_out_async (client, SCMS_ID_KIND_API_ID, ELENA_API_ID, action, NULL, NULL,
                                  store_result_cb, &result);
  return scms_client_clock_in_out_finish (client, wait_for (&result), error);
}

static ScmsClockIn *
current_clock_in (ScmsClient  *client,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_client_get_current_clock_in_async (client, SCMS_ID_KIND_ACC_ID, ELENA_ACC_ID, NULL,
                                          store_result_cb, &result);
  return scms_client_get_current_clock_in_finish (client, wait_for (&result), error);
}

static GListModel *
full_whitelist (ScmsClient  *client,
                gint64       server_id,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_client_full_whitelist_async (client, server_id, NULL, store_result_cb, &result);
  return scms_client_full_whitelist_finish (client, wait_for (&result), error);
}

static void
assert_sub_version_works (ScmsClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSubscription) subscription = get_sub_version (client, &error);

  g_assert_no_error (error);
  g_assert_cmpint (scms_subscription_get_tier (subscription), ==, 4);
}

/* Success paths, run in both reply variants. */

static void
test_sub_version (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSubscription) subscription = get_sub_version (fixture->client, &error);

  g_assert_no_error (error);
  g_assert_cmpint (scms_subscription_get_tier (subscription), ==, 4);
  g_assert_cmpstr (scms_subscription_get_name (subscription), ==, "Pro");
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, "/general/get_sub_version"),
                    ==, 1);
  g_assert_cmpuint (scms_client_get_n_sent (fixture->client), ==, 1);
}

/* A proxy in the environment is not asked to reach this machine's
 * loopback, which it cannot: the demo and local servers still answer. */
static void
test_loopback_no_proxy (void)
{
  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autoptr(ScmsSubscription) subscription = NULL;
      g_autoptr(GError) error = NULL;

      g_auto(GStrv) proxies = NULL;

      /* Port 9 (discard) is closed here: through it, nothing is reached.
       * The system's resolver reads the environment (libproxy) outside a
       * GNOME session, whose own resolver would read GSettings instead. */
      g_setenv ("http_proxy", "http://127.0.0.1:9/", TRUE);
      g_setenv ("HTTP_PROXY", "http://127.0.0.1:9/", TRUE);
      g_unsetenv ("no_proxy");
      g_unsetenv ("NO_PROXY");
      g_unsetenv ("XDG_CURRENT_DESKTOP");
      g_setenv ("GIO_USE_PROXY_RESOLVER", "libproxy", TRUE);

      fixture_set_up (&fixture, GINT_TO_POINTER (SCMS_MOCK_VARIANT_LIVE));

      /* Else this test would prove nothing: the system's resolver does
       * send requests for the mock to the proxy. */
      proxies = g_proxy_resolver_lookup (g_proxy_resolver_get_default (),
                                         scms_mock_server_get_url (fixture.mock), NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (proxies[0], ==, "http://127.0.0.1:9/");

      subscription = get_sub_version (fixture.client, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (scms_subscription_get_name (subscription), ==, "Pro");
      g_clear_object (&subscription);
      fixture_tear_down (&fixture, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_check_com_apiid (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *nobody = NULL;

  scms_client_check_com_apiid_async (fixture->client, " " ELENA_API_ID "\n", NULL,
                                     store_result_cb, &result);
  name = scms_client_check_com_apiid_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Elena Ashgrove");

  scms_client_check_com_apiid_async (fixture->client, "no-such-api-id", NULL,
                                     store_result_cb, &result2);
  nobody = scms_client_check_com_apiid_finish (fixture->client, wait_for (&result2), &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (nobody);
}

static void
test_com_account_every_key (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct {
    ScmsIdKind  kind;
    const char *value;
  } keys[] = {
    { SCMS_ID_KIND_API_ID, ELENA_API_ID },
    { SCMS_ID_KIND_USERNAME, "Elena Ashgrove" },
    { SCMS_ID_KIND_ACC_ID, ELENA_ACC_ID },
    { SCMS_ID_KIND_DISCORD, "430291437292752760" },
    { SCMS_ID_KIND_UNIQUE_ID, "1042" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmsAccount) account = get_account (fixture->client, keys[i].kind, keys[i].value,
                                                    &error);
      const char * const *ranks;

      g_assert_no_error (error);
      g_assert_cmpstr (scms_account_get_acc_name (account), ==, "Elena Ashgrove");
      g_assert_cmpstr (scms_account_get_display_name (account), ==, "E. Ashgrove");
      g_assert_cmpstr (scms_account_get_acc_id (account), ==, ELENA_ACC_ID);
      g_assert_cmpint (scms_account_get_unique_id (account), ==, 1042);
      g_assert_cmpint (scms_account_get_status (account), ==, SCMS_MEMBER_STATUS_ACTIVE);

      /* Legacy primary + secondary, or flat `ranks`: the same three. */
      ranks = scms_account_get_rank_ids (account);
      g_assert_cmpuint (g_strv_length ((char **)ranks), ==, 3);
      g_assert_cmpstr (ranks[0], ==, SERGEANT_ID);
      g_assert_true (g_strv_contains (scms_account_get_api_ids (account), ELENA_API_ID));
    }
}

static void
test_com_account_not_found (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsAccount) account = NULL;
  g_autoptr(ScmsAccount) account2 = NULL;

  account = get_account (fixture->client, SCMS_ID_KIND_USERNAME, "Nobody Here", &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (account);
  g_clear_error (&error);

  account2 = get_account (fixture->client, SCMS_ID_KIND_API_ID, "000", &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (account2);
}

static void
test_account_ranks_by_name (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) ranks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsRank) first = NULL;
  g_autoptr(ScmsRank) second = NULL;

  scms_client_get_account_ranks_async (fixture->client, SCMS_ID_KIND_UNIQUE_ID, "1042", NULL,
                                       store_result_cb, &result);
  ranks = scms_client_get_account_ranks_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ranks), ==, 3);

  first = g_list_model_get_item (ranks, 0);
  g_assert_cmpstr (scms_rank_get_label (first), ==, "Sergeant");
  g_assert_cmpstr (scms_rank_get_department_label (first), ==, "Copper Basin Police Department");
  g_assert_cmpstr (scms_rank_get_department_short (first), ==, "CBPD");
  second = g_list_model_get_item (ranks, 1);
  g_assert_cmpstr (scms_rank_get_label (second), ==, "Dispatcher");
  g_assert_cmpstr (scms_rank_get_department_short (second), ==, "COMMS");

  /* The departments were fetched once and are now cached. */
  g_assert_nonnull (scms_client_lookup_rank (fixture->client, SERGEANT_ID));
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, "/general/get_departments"),
                    ==, 1);
}

static void
test_departments_cached (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) a = NULL;
  g_autoptr(GAsyncResult) b = NULL;
  g_autoptr(GAsyncResult) c = NULL;
  g_autoptr(GAsyncResult) d = NULL;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GListModel) third = NULL;
  g_autoptr(GListModel) refreshed = NULL;
  g_autoptr(ScmsDepartment) department = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (scms_client_lookup_rank (fixture->client, SERGEANT_ID));

  /* Two at once share one request. */
  scms_client_get_departments_async (fixture->client, FALSE, NULL, store_result_cb, &a);
  scms_client_get_departments_async (fixture->client, FALSE, NULL, store_result_cb, &b);
  first = scms_client_get_departments_finish (fixture->client, wait_for (&a), &error);
  g_assert_no_error (error);
  second = scms_client_get_departments_finish (fixture->client, wait_for (&b), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 5);
  g_assert_true (first == second);

  department = g_list_model_get_item (first, 0);
  g_assert_cmpstr (scms_department_get_label (department), ==, "Copper Basin Police Department");
  g_assert_cmpstr (scms_department_get_short_label (department), ==, "CBPD");
  g_assert_cmpuint (g_list_model_get_n_items (scms_department_get_ranks (department)), ==, 6);

  scms_client_get_departments_async (fixture->client, FALSE, NULL, store_result_cb, &c);
  third = scms_client_get_departments_finish (fixture->client, wait_for (&c), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, "/general/get_departments"),
                    ==, 1);

  scms_client_get_departments_async (fixture->client, TRUE, NULL, store_result_cb, &d);
  refreshed = scms_client_get_departments_finish (fixture->client, wait_for (&d), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (refreshed), ==, 5);
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, "/general/get_departments"),
                    ==, 2);
}

static void
test_clock_in_out (Fixture       *fixture,
                   gconstpointer  data)
{
  gboolean live = GPOINTER_TO_INT (data) == SCMS_MOCK_VARIANT_LIVE;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsClockIn) before = NULL;
  g_autoptr(ScmsClockIn) in = NULL;
  g_autoptr(ScmsClockIn) open = NULL;
  g_autoptr(ScmsClockIn) out = NULL;
  g_autoptr(ScmsClockIn) after = NULL;
  g_autoptr(ScmsClockIn) forced = NULL;

  before = current_clock_in (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_null (before);

  in = clock_in_out (fixture->client, SCMS_CLOCK_ACTION_TOGGLE, &error);
  g_assert_no_error (error);
  g_assert_true (scms_clock_in_get_clocked_in (in));
  g_assert_cmpint (scms_clock_in_has_details (in), ==, live);

  open = current_clock_in (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (open);
  g_assert_true (scms_clock_in_get_clocked_in (open));
  g_assert_null (scms_clock_in_get_end_time (open));
  g_assert_nonnull (scms_clock_in_get_start_date_time (open));

  out = clock_in_out (fixture->client, SCMS_CLOCK_ACTION_TOGGLE, &error);
  g_assert_no_error (error);
  g_assert_false (scms_clock_in_get_clocked_in (out));

  after = current_clock_in (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_null (after);

  forced = clock_in_out (fixture->client, SCMS_CLOCK_ACTION_FORCE_IN, &error);
  g_assert_no_error (error);
  g_assert_true (scms_clock_in_get_clocked_in (forced));
  if (!live)
    g_assert_true (scms_clock_in_get_forced (forced));
}

static void
test_game_servers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) servers = NULL;
  g_autoptr(ScmsGameServer) main_server = NULL;
  g_autoptr(GError) error = NULL;

  scms_client_get_game_servers_async (fixture->client, NULL, store_result_cb, &result);
  servers = scms_client_get_game_servers_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 2);

  main_server = g_list_model_get_item (servers, 0);
  g_assert_cmpint (scms_game_server_get_id (main_server), ==, 1);
  g_assert_cmpstr (scms_game_server_get_name (main_server), ==, "Copper Basin | Main");
}

static void
test_verify_whitelist (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsWhitelistVerdict) elena = NULL;
  g_autoptr(ScmsWhitelistVerdict) tobias = NULL;
  g_autoptr(ScmsWhitelistVerdict) priya = NULL;
  g_autoptr(ScmsWhitelistVerdict) nobody = NULL;
  g_autoptr(ScmsWhitelistVerdict) bad_server = NULL;

  elena = verify (fixture->client, ELENA_API_ID, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (elena), ==, SCMS_VERDICT_ALLOWED);
  g_assert_true (scms_whitelist_verdict_get_allowed (elena));
  g_assert_cmpstr (scms_whitelist_verdict_get_name (elena), ==, "Elena Ashgrove");

  tobias = verify (fixture->client, TOBIAS_API_ID, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (tobias), ==, SCMS_VERDICT_BYPASSED);
  g_assert_true (scms_whitelist_verdict_get_allowed (tobias));
  g_assert_cmpstr (scms_whitelist_verdict_get_name (tobias), ==, "Tobias Wrenfield");

  /* A denial is an answer, not an error, as text or as JSON. */
  priya = verify (fixture->client, PRIYA_API_ID, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (priya), ==, SCMS_VERDICT_NOT_ALLOWED);
  g_assert_false (scms_whitelist_verdict_get_allowed (priya));

  nobody = verify (fixture->client, "no-such-member", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (nobody), ==, SCMS_VERDICT_UNKNOWN_MEMBER);

  bad_server = verify (fixture->client, ELENA_API_ID, 99, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER);
  g_assert_null (bad_server);
}

static gboolean
whitelist_has (GListModel *entries,
               const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(ScmsWhitelistEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (scms_whitelist_entry_get_name (entry), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_full_whitelist (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = full_whitelist (fixture->client, 1, &error);
  g_autoptr(GListModel) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 10);
  g_assert_true (whitelist_has (entries, "Elena Ashgrove"));
  g_assert_true (whitelist_has (entries, "Tobias Wrenfield"));
  g_assert_false (whitelist_has (entries, "Priya Halloran"));
  g_assert_false (whitelist_has (entries, "Dale Mercer"));

  none = full_whitelist (fixture->client, 0, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT);
  g_assert_null (none);
}

/* Starts @mock with @size entries on server 1, and returns a client of it
 * made on the thread-default context. */
static ScmsClient *
start_whitelist_mock (ScmsMockServer *mock,
                      guint           size)
{
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;

  scms_mock_server_set_whitelist_size (mock, size);
  g_assert_true (scms_mock_server_start (mock, 0, &error));
  g_assert_no_error (error);

  client = scms_client_new (scms_mock_server_get_url (mock), SCMS_MOCK_DEFAULT_COMMUNITY_ID, &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);

  /* Under valgrind, reading 100,000 entries while frames keep the main
   * loop busy comes close to the 30 s a request may take: 24 s with a busy
   * loop beside it. With another test beside it in CI, the call failed. */
  if (g_getenv ("SCMS_TESTS_SLOW") != NULL)
    scms_client_set_timeout (client, 300);

  return g_steal_pointer (&client);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
record_added_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GArray     *sizes)
{
  g_array_append_val (sizes, added);
}

static void
test_full_whitelist_streams (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(ScmsArrayStore) store = scms_array_store_new (SCMS_TYPE_WHITELIST_ENTRY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScmsWhitelistEntry) first = NULL;
  g_autoptr(ScmsWhitelistEntry) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint changes = 0, landed = 0, batch;

  client = start_whitelist_mock (mock, 100000);

  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (store, "items-changed", G_CALLBACK (record_added_cb), sizes);
  scms_client_full_whitelist_into_async (client, 1, store, NULL, store_result_cb, &result);
  g_assert_true (scms_client_full_whitelist_into_finish (client, wait_for (&result), &error));
  g_assert_no_error (error);

  /* All of it, in reply order, landed in several pieces rather than one. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 100000);
  g_assert_cmpuint (changes, >=, 5);

  /* The first rows come a few at a time, each batch no bigger than what
   * has landed: a list view builds a row for each of the first couple of
   * hundred, so one big first batch would hold up the window. The
   * batches grow, so that the window lays out its rows a few times only. */
  g_assert_cmpuint (g_array_index (sizes, guint, 0), ==, 16);
  for (batch = 0; batch < sizes->len && landed < 256; batch++)
    {
      guint added = g_array_index (sizes, guint, batch);

      g_assert_cmpuint (added, <=, MAX (16, MIN (landed, 64)));
      landed += added;
    }
  g_assert_cmpuint (batch, <=, 6);

  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (scms_whitelist_entry_get_name (first), ==, "Tobias Wrenfield");
  last = g_list_model_get_item (G_LIST_MODEL (store), 99999);
  g_assert_cmpstr (scms_whitelist_entry_get_name (last), ==, "Whitelist Member 099999");

  /* Pieces wait for a free decoder and the body is dropped as it is cut:
   * still every entry once, in order. */
  for (guint i = 99999; i > 0; i--)
    {
      g_autoptr(ScmsWhitelistEntry) entry = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *expected = g_strdup_printf ("Whitelist Member %06u", i);

      if (!g_str_has_prefix (scms_whitelist_entry_get_name (entry), "Whitelist Member"))
        break;
      g_assert_cmpstr (scms_whitelist_entry_get_name (entry), ==, expected);
    }

  scms_mock_server_stop (mock);
}

/* A frame that takes longer than the refresh interval. */
static gboolean
slow_frame_cb (gpointer data)
{
  g_usleep (20 * 1000);

  return G_SOURCE_CONTINUE;
}

/* When every frame takes longer than the refresh interval (software
 * rendering, nothing to pace it), the main loop is never idle below the
 * priority GDK draws at: a large streamed reply still arrives whole. */
static void
test_full_whitelist_busy_frames (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(ScmsArrayStore) store = scms_array_store_new (SCMS_TYPE_WHITELIST_ENTRY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint frames;

  client = start_whitelist_mock (mock, 100000);

  frames = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, slow_frame_cb, NULL, NULL);
  scms_client_full_whitelist_into_async (client, 1, store, NULL, store_result_cb, &result);
  g_assert_true (scms_client_full_whitelist_into_finish (client, wait_for (&result), &error));
  g_assert_no_error (error);
  g_source_remove (frames);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 100000);

  scms_mock_server_stop (mock);
}

/* A client made and used on a main context of its own lands every piece
 * there: nothing waits for the global default context to run. */
static void
test_full_whitelist_own_context (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(ScmsArrayStore) store = scms_array_store_new (SCMS_TYPE_WHITELIST_ENTRY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  g_main_context_push_thread_default (context);

  client = start_whitelist_mock (mock, 20000);
  scms_client_full_whitelist_into_async (client, 1, store, NULL, store_result_cb, &result);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC *
             (g_getenv ("SCMS_TESTS_SLOW") != NULL ? 5 : 1);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_assert_nonnull (result);

  g_assert_true (scms_client_full_whitelist_into_finish (client, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20000);

  g_clear_object (&client);
  while (g_main_context_pending (context))
    g_main_context_iteration (context, FALSE);
  g_main_context_pop_thread_default (context);
  scms_mock_server_stop (mock);
}

typedef struct
{
  GCancellable *cancellable;
  guint         n_at_cancel;
  guint         added_after_cancel;
} CancelAtEnd;

/* The client says when the whole body is in ("… bytes in … ms"). */
static void
cancel_at_end_of_body_cb (const char     *log_domain,
                          GLogLevelFlags  log_level,
                          const char     *message,
                          gpointer        user_data)
{
  CancelAtEnd *state = user_data;

  if (!g_cancellable_is_cancelled (state->cancellable) &&
      g_str_has_prefix (message, "POST /servers/full_whitelist") && strstr (message, " bytes in ") != NULL)
    g_cancellable_cancel (state->cancellable);
}

static void
count_added_after_cancel_cb (GListModel  *model,
                             guint        position,
                             guint        removed,
                             guint        added,
                             CancelAtEnd *state)
{
  if (g_cancellable_is_cancelled (state->cancellable))
    state->added_after_cancel += added;
  else
    state->n_at_cancel = g_list_model_get_n_items (model);
}

/* Cancelled once the last byte is in but before every piece is decoded:
 * nothing more lands, and the call ends cancelled with an empty list. */
static void
test_full_whitelist_cancel_at_end (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(ScmsArrayStore) store = scms_array_store_new (SCMS_TYPE_WHITELIST_ENTRY);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CancelAtEnd state = { cancellable, 0, 0 };
  guint handler;

  client = start_whitelist_mock (mock, 100000);

  handler = g_log_set_handler ("ScmsApi", G_LOG_LEVEL_DEBUG, cancel_at_end_of_body_cb, &state);
  g_signal_connect (store, "items-changed", G_CALLBACK (count_added_after_cancel_cb), &state);
  scms_client_full_whitelist_into_async (client, 1, store, cancellable, store_result_cb, &result);
  g_assert_false (scms_client_full_whitelist_into_finish (client, wait_for (&result), &error));
  g_log_remove_handler ("ScmsApi", handler);

  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_CANCELLED);
  g_assert_cmpuint (state.n_at_cancel, <, 100000);
  g_assert_cmpuint (state.added_after_cancel, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  scms_mock_server_stop (mock);
}

static void
test_full_whitelist_stream_faults (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const struct {
    ScmsMockFault fault;
    int           code;
  } cases[] = {
    { SCMS_MOCK_FAULT_TRUNCATED_JSON, SCMS_CLIENT_ERROR_BAD_RESPONSE },
    { SCMS_MOCK_FAULT_WRONG_TYPES, SCMS_CLIENT_ERROR_BAD_RESPONSE },
    { SCMS_MOCK_FAULT_BACKEND_REACHED, SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { SCMS_MOCK_FAULT_DROP, SCMS_CLIENT_ERROR_NETWORK },
    { SCMS_MOCK_FAULT_SERVER_ERROR, SCMS_CLIENT_ERROR_SERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScmsArrayStore) store = scms_array_store_new (SCMS_TYPE_WHITELIST_ENTRY);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      scms_mock_server_inject_fault (fixture->mock, cases[i].fault, "/servers/full_whitelist", 1);
      scms_client_full_whitelist_into_async (fixture->client, 1, store, NULL,
                                             store_result_cb, &result);
      g_assert_false (scms_client_full_whitelist_into_finish (fixture->client, wait_for (&result),
                                                              &error));
      g_assert_error (error, SCMS_CLIENT_ERROR, cases[i].code);
      /* Never half a list behind an error. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
    }

  /* And the next download is whole. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) entries = full_whitelist (fixture->client, 1, &error);

    g_assert_no_error (error);
    g_assert_true (whitelist_has (entries, "Elena Ashgrove"));
  }
}

static void
test_profile_fields_and_types (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) types = NULL;
  g_autoptr(ScmsProfileField) field = NULL;
  g_autoptr(ScmsClockInType) type = NULL;
  g_autoptr(GError) error = NULL;

  scms_client_get_profile_fields_async (fixture->client, NULL, store_result_cb, &result);
  fields = scms_client_get_profile_fields_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 3);
  field = g_list_model_get_item (fields, 1);
  g_assert_cmpstr (scms_profile_field_get_label (field), ==, "Time Zone");
  g_assert_cmpuint (g_strv_length ((char **)scms_profile_field_get_options (field)), ==, 4);

  scms_client_get_clockin_types_async (fixture->client, NULL, store_result_cb, &result2);
  types = scms_client_get_clockin_types_finish (fixture->client, wait_for (&result2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 3);
  type = g_list_model_get_item (types, 0);
  g_assert_cmpstr (scms_clock_in_type_get_label (type), ==, "Patrol");
}

static void
test_accounts_paging (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GListModel) banned = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsAccountSummary) first = NULL;
  guint total = 0;
  guint banned_total = 0;

  scms_client_get_accounts_async (fixture->client, 0, 100, SCMS_MEMBER_FILTER_ALL, NULL,
                                  store_result_cb, &result);
  page = scms_client_get_accounts_finish (fixture->client, wait_for (&result), &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, SCMS_MOCK_DEFAULT_MEMBERS);
  g_assert_cmpuint (g_list_model_get_n_items (page), ==, 100);
  first = g_list_model_get_item (page, 0);
  g_assert_cmpstr (scms_account_summary_get_acc_name (first), ==, "Tobias Wrenfield");

  scms_client_get_accounts_async (fixture->client, 0, 100, SCMS_MEMBER_FILTER_BANNED, NULL,
                                  store_result_cb, &result2);
  banned = scms_client_get_accounts_finish (fixture->client, wait_for (&result2), &banned_total,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (banned_total, >=, 1);
  g_assert_cmpuint (banned_total, <, total);
  for (guint i = 0; i < g_list_model_get_n_items (banned); i++)
    {
      g_autoptr(ScmsAccountSummary) summary = g_list_model_get_item (banned, i);

      g_assert_cmpint (scms_account_summary_get_status (summary), ==, SCMS_MEMBER_STATUS_BANNED);
    }
}

/* Errors the server reports. */

static void
test_credentials_rejected (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSubscription) subscription = NULL;
  g_autoptr(ScmsSubscription) subscription2 = NULL;
  g_autoptr(ScmsWhitelistVerdict) verdict = NULL;
  g_autoptr(ScmsClient) wrong_community = NULL;

  scms_client_set_api_key (fixture->client, "not-the-key");
  subscription = get_sub_version (fixture->client, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_API_KEY);
  g_assert_true (scms_client_error_is_credentials (error));
  g_assert_null (subscription);
  g_clear_error (&error);

  wrong_community = scms_client_new (scms_mock_server_get_url (fixture->mock), "elsewhere", &error);
  g_assert_no_error (error);
  scms_client_set_api_key (wrong_community, SCMS_MOCK_DEFAULT_API_KEY);
  subscription2 = get_sub_version (wrong_community, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID);
  g_assert_null (subscription2);
  g_clear_error (&error);

  /* VERIFY_WHITELIST refuses them as JSON, not as text (reference §2.7). */
  verdict = verify (fixture->client, ELENA_API_ID, 1, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_API_KEY);
  g_assert_true (scms_client_error_is_credentials (error));
  g_assert_null (verdict);
}

static void
test_plan_too_low (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(ScmsAccount) account = NULL;
  g_autoptr(ScmsSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;

  scms_mock_server_set_tier (mock, 2);
  g_assert_true (scms_mock_server_start (mock, 0, &error));
  client = scms_client_new (scms_mock_server_get_url (mock), SCMS_MOCK_DEFAULT_COMMUNITY_ID, &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);

  subscription = get_sub_version (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_subscription_get_name (subscription), ==, "Standard");
  g_assert_false (scms_subscription_allows (subscription,
                                            scms_endpoint_get_min_tier (SCMS_ENDPOINT_GET_COM_ACCOUNT)));

  account = get_account (client, SCMS_ID_KIND_API_ID, ELENA_API_ID, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_ENABLED);
  g_assert_null (account);

  scms_mock_server_stop (mock);
}

/* Input is checked before anything is sent. */

static void
test_bad_input_sends_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  static const struct {
    ScmsIdKind  kind;
    const char *value;
  } bad[] = {
    { SCMS_ID_KIND_API_ID, "" },
    { SCMS_ID_KIND_USERNAME, "   \t " },
    { SCMS_ID_KIND_UNIQUE_ID, "abc" },
    { SCMS_ID_KIND_UNIQUE_ID, "-5" },
    { SCMS_ID_KIND_UNIQUE_ID, "0" },
    { SCMS_ID_KIND_DISCORD, "123" },
    { SCMS_ID_KIND_DISCORD, "4302914372927527x0" },
    { SCMS_ID_KIND_API_ID, "\xff\xfe" },
  };
  g_autofree char *long_id = g_strnfill (SCMS_IDENTIFIER_MAX_LENGTH + 1, 'a');

  for (guint i = 0; i <= G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmsAccount) account = NULL;

      if (i < G_N_ELEMENTS (bad))
        account = get_account (fixture->client, bad[i].kind, bad[i].value, &error);
      else
        account = get_account (fixture->client, SCMS_ID_KIND_USERNAME, long_id, &error);

      g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (account);
    }

  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, NULL), ==, 0);
  g_assert_cmpuint (scms_client_get_n_sent (fixture->client), ==, 0);
}

static void
test_base_urls (void)
{
  static const struct {
    const char *url;
    int         code;  /* -1: accepted */
  } urls[] = {
    { SCMS_PRODUCTION_URL, -1 },
    { SCMS_STAGING_URL, -1 },
    { "https://proxy.example.org/sonoran/", -1 },
    { "http://127.0.0.1:8080", -1 },
    { "http://127.3.4.5", -1 },
    { "http://localhost:1234", -1 },
    { "http://[::1]:8080", -1 },
    { "http://api.sonorancms.com", SCMS_CLIENT_ERROR_INSECURE },
    { "http://127.0.0.1.example.com", SCMS_CLIENT_ERROR_INSECURE },
    { "http://192.168.1.10", SCMS_CLIENT_ERROR_INSECURE },
    { "ftp://api.sonorancms.com", SCMS_CLIENT_ERROR_INVALID_INPUT },
    { "api.sonorancms.com", SCMS_CLIENT_ERROR_INVALID_INPUT },
    { "https://user:pass@api.sonorancms.com", SCMS_CLIENT_ERROR_INVALID_INPUT },
    { "", SCMS_CLIENT_ERROR_INVALID_INPUT },
    /* GUri takes these; they come from a careless paste. */
    { "https://exa mple.com", SCMS_CLIENT_ERROR_INVALID_INPUT },
    { "https://api.sonorancms.com\n/general", SCMS_CLIENT_ERROR_INVALID_INPUT },
    { "https://api.sonorancms.com/a b", SCMS_CLIENT_ERROR_INVALID_INPUT },
    { "https://api.sonoran\x01" "cms.com", SCMS_CLIENT_ERROR_INVALID_INPUT },
    { "https://api.sonorancms.com\xc2\xa0", SCMS_CLIENT_ERROR_INVALID_INPUT },
  };
  static const char * const bad_ids[] = {
    "", "  ", "copper\nbasin", "copperbasin\x7f", "\x1b[2Jcopper",
    "\xe2\x80\x8b", "copper\xe2\x80\x8b" "basin", "copper\xe2\x80\xae" "basin", "copper\xff",
  };
  g_autofree char *many_a = g_strnfill (2040, 'a');
  g_autofree char *long_url = g_strdup_printf ("https://%s.example.com", many_a);
  g_autoptr(GError) long_error = NULL;
  g_autoptr(ScmsClient) long_client = NULL;

  /* Past 2,048 characters, no address is meant. */
  long_client = scms_client_new (long_url, "community", &long_error);
  g_assert_error (long_error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT);
  g_assert_null (long_client);

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmsClient) client = scms_client_new (SCMS_PRODUCTION_URL, bad_ids[i], &error);

      g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT);
      g_assert_null (client);
    }

  /* Pasted with a zero-width space, a direction mark or a no-break space
   * around it, the ID is sent without them. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScmsClient) client = NULL;

    client = scms_client_new (SCMS_PRODUCTION_URL,
                              "\xe2\x80\x8b" "copperbasinrp" "\xe2\x80\x8e\xc2\xa0", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (scms_client_get_community_id (client), ==, "copperbasinrp");
  }

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmsClient) client = scms_client_new (urls[i].url, "community", &error);

      if (urls[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (client);
        }
      else
        {
          g_assert_error (error, SCMS_CLIENT_ERROR, urls[i].code);
          g_assert_null (client);
        }
    }
}

/* The request path under trouble. */

static void
test_rate_limited_pauses (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSubscription) limited = NULL;
  g_autoptr(GAsyncResult) queued = NULL;
  g_autoptr(ScmsSubscription) later = NULL;
  gint64 before = g_get_monotonic_time ();

  /* Not a minute, so that the test can see the pause end. */
  scms_client_set_min_pause (fixture->client, 1);
  scms_mock_server_set_retry_after (fixture->mock, 2);
  scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_RATE_LIMIT, NULL, 1);

  limited = get_sub_version (fixture->client, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_RATE_LIMITED);
  g_assert_null (limited);
  g_clear_error (&error);
  g_assert_cmpint (scms_client_get_paused_until (fixture->client), >=,
                   before + 2 * G_USEC_PER_SEC);

  /* Nothing is retried; the next call waits for the pause to end. */
  scms_client_get_sub_version_async (fixture->client, NULL, store_result_cb, &queued);
  spin (300);
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, NULL), ==, 1);
  g_assert_cmpuint (scms_client_get_n_queued (fixture->client), ==, 1);
  g_assert_null (queued);

  later = scms_client_get_sub_version_finish (fixture->client, wait_for (&queued), &error);
  g_assert_no_error (error);
  g_assert_cmpint (scms_subscription_get_tier (later), ==, 4);
  g_assert_cmpint (g_get_monotonic_time (), >=, before + 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, NULL), ==, 2);
  g_assert_cmpint (scms_client_get_paused_until (fixture->client), ==, 0);
}

static void
test_rate_limited_short_retry_after (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSubscription) limited = NULL;
  gint64 before = g_get_monotonic_time ();

  g_assert_cmpuint (scms_client_get_min_pause (fixture->client), ==, 60);

  /* A Retry-After shorter than the minute the reference asks for does not
   * shorten it (reference §1.6). */
  scms_mock_server_set_retry_after (fixture->mock, 5);
  scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_RATE_LIMIT, NULL, 1);

  limited = get_sub_version (fixture->client, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_RATE_LIMITED);
  g_assert_null (limited);
  g_assert_cmpint (scms_client_get_paused_until (fixture->client), >=,
                   before + 60 * G_USEC_PER_SEC);
  g_assert_cmpint (scms_client_get_paused_until (fixture->client), <=,
                   g_get_monotonic_time () + 61 * G_USEC_PER_SEC);
}

static void
test_rate_limited_default_pause (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSubscription) limited = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *queued[5] = { NULL, };
  gint64 before = g_get_monotonic_time ();

  scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_RATE_LIMIT_BARE, NULL, 1);

  limited = get_sub_version (fixture->client, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_RATE_LIMITED);
  g_clear_error (&error);

  /* No Retry-After: a minute. */
  g_assert_cmpint (scms_client_get_paused_until (fixture->client), >=,
                   before + 60 * G_USEC_PER_SEC);

  /* A burst of clicks during the pause sends nothing, and can be cancelled. */
  for (guint i = 0; i < G_N_ELEMENTS (queued); i++)
    scms_client_get_sub_version_async (fixture->client, cancellable, store_result_cb, &queued[i]);
  spin (200);
  g_assert_cmpuint (scms_client_get_n_queued (fixture->client), ==, G_N_ELEMENTS (queued));

  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (queued); i++)
    {
      g_autoptr(ScmsSubscription) none = NULL;

      none = scms_client_get_sub_version_finish (fixture->client, wait_for (&queued[i]), &error);
      g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_CANCELLED);
      g_assert_true (scms_client_error_is_cancelled (error));
      g_assert_null (none);
      g_clear_error (&error);
      g_clear_object (&queued[i]);
    }

  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, NULL), ==, 1);
  g_assert_cmpuint (scms_mock_server_get_peak_per_second (fixture->mock), ==, 1);
}

/* At most one call per endpoint is out at a time (reference §1.6, §1.7);
 * other endpoints go past it. */
static void
test_one_call_per_endpoint (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) other = NULL;
  g_autoptr(ScmsWhitelistVerdict) elena = NULL;
  g_autoptr(ScmsWhitelistVerdict) tobias = NULL;
  g_autoptr(ScmsSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = "/servers/verify_whitelist";
  gint64 deadline;

  scms_mock_server_set_slow_ms (fixture->mock, g_getenv ("SCMS_TESTS_SLOW") != NULL ? 15000 : 3000);
  scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_SLOW, path, 1);

  scms_client_verify_whitelist_async (fixture->client, SCMS_ID_KIND_API_ID, ELENA_API_ID, 1, NULL,
                                      store_result_cb, &first);
  scms_client_verify_whitelist_async (fixture->client, SCMS_ID_KIND_API_ID, TOBIAS_API_ID, 1, NULL,
                                      store_result_cb, &second);

  /* The first check reaches the server before the other call goes. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (scms_mock_server_get_request_count (fixture->mock, path) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      spin (10);
    }
  scms_client_get_sub_version_async (fixture->client, NULL, store_result_cb, &other);

  /* Another endpoint answers while the first check is slow; the second
   * check has not been sent. */
  subscription = scms_client_get_sub_version_finish (fixture->client, wait_for (&other), &error);
  g_assert_no_error (error);
  g_assert_nonnull (subscription);
  g_assert_null (first);
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, path), ==, 1);
  g_assert_cmpuint (scms_client_get_n_queued (fixture->client), ==, 1);

  /* It goes once the first has its answer. */
  tobias = scms_client_verify_whitelist_finish (fixture->client, wait_for (&second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_whitelist_verdict_get_name (tobias), ==, "Tobias Wrenfield");
  g_assert_nonnull (first);
  elena = scms_client_verify_whitelist_finish (fixture->client, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_whitelist_verdict_get_name (elena), ==, "Elena Ashgrove");
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, path), ==, 2);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSubscription) slow = NULL;

  scms_client_set_timeout (fixture->client, 0.5);
  scms_mock_server_set_slow_ms (fixture->mock, 3000);
  scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_SLOW, NULL, 1);

  slow = get_sub_version (fixture->client, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_TIMEOUT);
  g_assert_null (slow);

  /* Still usable; with a timeout that also leaves room for valgrind. */
  scms_client_set_timeout (fixture->client, 30);
  assert_sub_version_works (fixture->client);
}

static void
test_cancel_in_flight (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScmsSubscription) none = NULL;

  scms_mock_server_set_slow_ms (fixture->mock, 3000);
  scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_SLOW, NULL, 1);

  scms_client_get_sub_version_async (fixture->client, cancellable, store_result_cb, &result);
  while (scms_mock_server_get_request_count (fixture->mock, NULL) == 0)
    g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);

  none = scms_client_get_sub_version_finish (fixture->client, wait_for (&result), &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_CANCELLED);
  g_assert_null (none);

  assert_sub_version_works (fixture->client);
}

static void
test_cancel_before_sending (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScmsSubscription) none = NULL;

  g_cancellable_cancel (cancellable);
  scms_client_get_sub_version_async (fixture->client, cancellable, store_result_cb, &result);
  none = scms_client_get_sub_version_finish (fixture->client, wait_for (&result), &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_CANCELLED);
  g_assert_null (none);
  g_assert_cmpuint (scms_mock_server_get_request_count (fixture->mock, NULL), ==, 0);
}

typedef struct
{
  ScmsMockFault   fault;
  const char     *path;
  int             code;
} FaultCase;

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  static const FaultCase cases[] = {
    { SCMS_MOCK_FAULT_SERVER_ERROR, "/servers/get_game_servers", SCMS_CLIENT_ERROR_SERVER },
    { SCMS_MOCK_FAULT_HTML_ERROR, "/servers/get_game_servers", SCMS_CLIENT_ERROR_SERVER },
    { SCMS_MOCK_FAULT_TRUNCATED_JSON, "/servers/get_game_servers", SCMS_CLIENT_ERROR_BAD_RESPONSE },
    { SCMS_MOCK_FAULT_WRONG_TYPES, "/servers/get_game_servers", SCMS_CLIENT_ERROR_BAD_RESPONSE },
    { SCMS_MOCK_FAULT_BACKEND_REACHED, "/servers/get_game_servers", SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { SCMS_MOCK_FAULT_NOT_ENABLED, "/servers/get_game_servers", SCMS_CLIENT_ERROR_NOT_ENABLED },
    /* A web server's page for a wrong address: the status, not its HTML. */
    { SCMS_MOCK_FAULT_NOT_FOUND_HTML, "/servers/get_game_servers",
      SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { SCMS_MOCK_FAULT_DROP, "/servers/get_game_servers", SCMS_CLIENT_ERROR_NETWORK },
    { SCMS_MOCK_FAULT_HUGE_BODY, "/servers/get_game_servers", SCMS_CLIENT_ERROR_TOO_LARGE },
    /* Labelled HTML but JSON inside: the endpoint is known to be JSON. */
    { SCMS_MOCK_FAULT_WRONG_CONTENT_TYPE, "/servers/get_game_servers", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GListModel) servers = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("fault %d", cases[i].fault);
      scms_mock_server_inject_fault (fixture->mock, cases[i].fault, cases[i].path, 1);
      scms_client_get_game_servers_async (fixture->client, NULL, store_result_cb, &result);
      servers = scms_client_get_game_servers_finish (fixture->client, wait_for (&result), &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 2);
        }
      else
        {
          g_assert_error (error, SCMS_CLIENT_ERROR, cases[i].code);
          g_assert_null (servers);
          /* Translated text saying what to do, never a raw body. */
          g_assert_cmpstr (error->message, !=, "");
          g_assert_null (strstr (error->message, "<html"));
          g_assert_null (strstr (error->message, "</"));
        }

      if (cases[i].fault == SCMS_MOCK_FAULT_NOT_FOUND_HTML)
        g_assert_true (g_str_has_suffix (error->message, "(HTTP 404)"));
      /* A reply that cannot be read: the sentence alone, without which
       * part of it was wrong ("(JSON)"), which says nothing to a person. */
      if (cases[i].code == SCMS_CLIENT_ERROR_BAD_RESPONSE)
        g_assert_cmpstr (error->message, ==,
                         scms_client_error_to_string (SCMS_CLIENT_ERROR_BAD_RESPONSE));

      assert_sub_version_works (fixture->client);
    }
}

/* An error quotes an unknown reply, but never the API key in it, whole or
 * cut short by the quote's length limit: some proxies and debugging
 * servers answer with the request itself. */
static void
test_error_hides_key (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *keys[] = {
    SCMS_MOCK_DEFAULT_API_KEY,
    /* Longer than what is quoted: only its beginning is in the quote. */
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GListModel) servers = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *beginning = g_strndup (keys[i], 8);

      scms_client_set_api_key (fixture->client, keys[i]);
      scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_ECHO_REQUEST,
                                     "/servers/get_game_servers", 1);
      scms_client_get_game_servers_async (fixture->client, NULL, store_result_cb, &result);
      servers = scms_client_get_game_servers_finish (fixture->client, wait_for (&result), &error);

      g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_REQUEST);
      g_assert_null (servers);
      /* The reply is quoted, the community ID before the key included... */
      g_assert_nonnull (strstr (error->message, SCMS_MOCK_DEFAULT_COMMUNITY_ID));
      g_assert_nonnull (strstr (error->message, "\"key\":\"…"));
      /* ...but not the key. */
      g_assert_null (strstr (error->message, keys[i]));
      g_assert_null (strstr (error->message, beginning));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* The key sent is hidden even when another was set while the call was
   * out. */
  {
    static const char sent[] = "sent-key-0123456789abcdef";
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) servers = NULL;
    g_autoptr(GError) error = NULL;
    guint n_sent;

    scms_client_set_api_key (fixture->client, sent);
    scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_ECHO_REQUEST,
                                   "/servers/get_game_servers", 1);
    n_sent = scms_client_get_n_sent (fixture->client);

    /* Set another key once the call is sent, before its answer is read,
     * which takes at least one more turn of the main loop. */
    scms_client_get_game_servers_async (fixture->client, NULL, store_result_cb, &result);
    while (scms_client_get_n_sent (fixture->client) == n_sent)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (result);
    scms_client_set_api_key (fixture->client, "another-key-after-sending");
    servers = scms_client_get_game_servers_finish (fixture->client, wait_for (&result), &error);
    g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_REQUEST);
    g_assert_nonnull (strstr (error->message, "\"key\":\"…"));
    g_assert_null (strstr (error->message, "sent-key"));
  }

  scms_client_set_api_key (fixture->client, SCMS_MOCK_DEFAULT_API_KEY);
  assert_sub_version_works (fixture->client);
}

/* A reply over the limit is refused; the limit stays where a body's
 * length, counted in a guint, cannot wrap. */
static void
test_max_reply_size (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (scms_client_get_max_reply_size (fixture->client), ==,
                    SCMS_CLIENT_DEFAULT_MAX_REPLY_SIZE);

  /* The departments reply is about 4 KiB. */
  scms_client_set_max_reply_size (fixture->client, 1024);
  scms_client_get_departments_async (fixture->client, FALSE, NULL, store_result_cb, &result);
  departments = scms_client_get_departments_finish (fixture->client, wait_for (&result), &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_TOO_LARGE);
  g_assert_null (departments);
  g_clear_error (&error);
  g_clear_object (&result);

  scms_client_set_max_reply_size (fixture->client, SCMS_CLIENT_MAX_MAX_REPLY_SIZE);
  g_assert_cmpuint (scms_client_get_max_reply_size (fixture->client), ==,
                    SCMS_CLIENT_MAX_MAX_REPLY_SIZE);
  scms_client_get_departments_async (fixture->client, FALSE, NULL, store_result_cb, &result);
  departments = scms_client_get_departments_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 5);

  g_test_expect_message ("ScmsApi", G_LOG_LEVEL_CRITICAL, "*bytes*");
  scms_client_set_max_reply_size (fixture->client, G_MAXUINT32);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (scms_client_get_max_reply_size (fixture->client), ==,
                    SCMS_CLIENT_MAX_MAX_REPLY_SIZE);
}

static void
test_invalid_utf8_name (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  scms_mock_server_inject_fault (fixture->mock, SCMS_MOCK_FAULT_INVALID_UTF8,
                                 "/general/check_com_apiid", 1);
  scms_client_check_com_apiid_async (fixture->client, ELENA_API_ID, NULL, store_result_cb, &result);
  name = scms_client_check_com_apiid_finish (fixture->client, wait_for (&result), &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (name);
}

static void
test_network_down (void)
{
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(ScmsSubscription) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  /* A port that was just free and nobody listens on. */
  g_assert_true (scms_mock_server_start (mock, 0, &error));
  url = g_strdup (scms_mock_server_get_url (mock));
  scms_mock_server_stop (mock);

  client = scms_client_new (url, "community", &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, "key");
  none = get_sub_version (client, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NETWORK);
  g_assert_null (none);
}

static void
tls_handler (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  gboolean *reached = user_data;

  *reached = TRUE;
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "4", 1);
}

static void
test_tls_self_signed_refused (void)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(ScmsSubscription) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  gboolean reached = FALSE;

  certificate = g_tls_certificate_new_from_files (g_test_get_filename (G_TEST_DIST, "data",
                                                                       "selfsigned-cert.pem", NULL),
                                                  g_test_get_filename (G_TEST_DIST, "data",
                                                                       "selfsigned-key.pem", NULL),
                                                  &error);
  g_assert_no_error (error);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, tls_handler, &reached, NULL);
  g_assert_true (soup_server_listen_local (server, 0,
                                           SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                                           &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://localhost:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify)g_uri_unref);

  client = scms_client_new (url, "community", &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, "key");
  none = get_sub_version (client, &error);
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_TLS);
  g_assert_null (none);
  g_assert_false (reached);
}

#define ADD_BOTH(path, func)                                                       \
  G_STMT_START {                                                                   \
    g_test_add ("/client/docs/" path, Fixture,                                     \
                GINT_TO_POINTER (SCMS_MOCK_VARIANT_DOCS),                          \
                fixture_set_up, func, fixture_tear_down);                          \
    g_test_add ("/client/live/" path, Fixture,                                     \
                GINT_TO_POINTER (SCMS_MOCK_VARIANT_LIVE),                          \
                fixture_set_up, func, fixture_tear_down);                          \
  } G_STMT_END

#define ADD_LIVE(path, func)                                                       \
  g_test_add ("/client/" path, Fixture, GINT_TO_POINTER (SCMS_MOCK_VARIANT_LIVE),  \
              fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_BOTH ("sub-version", test_sub_version);
  ADD_BOTH ("check-com-apiid", test_check_com_apiid);
  ADD_BOTH ("com-account/every-key", test_com_account_every_key);
  ADD_BOTH ("com-account/not-found", test_com_account_not_found);
  ADD_BOTH ("account-ranks/by-name", test_account_ranks_by_name);
  ADD_BOTH ("departments/cached", test_departments_cached);
  ADD_BOTH ("clock-in-out", test_clock_in_out);
  ADD_BOTH ("game-servers", test_game_servers);
  ADD_BOTH ("verify-whitelist", test_verify_whitelist);
  ADD_BOTH ("full-whitelist", test_full_whitelist);
  ADD_LIVE ("full-whitelist/streams", test_full_whitelist_streams);
  ADD_LIVE ("full-whitelist/own-context", test_full_whitelist_own_context);
  ADD_LIVE ("full-whitelist/busy-frames", test_full_whitelist_busy_frames);
  ADD_LIVE ("full-whitelist/cancel-at-end", test_full_whitelist_cancel_at_end);
  ADD_BOTH ("full-whitelist/stream-faults", test_full_whitelist_stream_faults);
  ADD_BOTH ("profile-fields-and-types", test_profile_fields_and_types);
  ADD_BOTH ("accounts/paging", test_accounts_paging);
  ADD_BOTH ("errors/credentials", test_credentials_rejected);
  ADD_LIVE ("errors/plan-too-low", test_plan_too_low);
  ADD_LIVE ("input/sends-nothing", test_bad_input_sends_nothing);
  g_test_add_func ("/client/input/base-urls", test_base_urls);
  g_test_add_func ("/client/loopback-no-proxy", test_loopback_no_proxy);
  ADD_LIVE ("rate-limit/retry-after", test_rate_limited_pauses);
  ADD_LIVE ("rate-limit/short-retry-after", test_rate_limited_short_retry_after);
  ADD_LIVE ("rate-limit/default-pause", test_rate_limited_default_pause);
  ADD_LIVE ("one-call-per-endpoint", test_one_call_per_endpoint);
  ADD_LIVE ("timeout", test_timeout);
  ADD_LIVE ("cancel/in-flight", test_cancel_in_flight);
  ADD_LIVE ("cancel/before-sending", test_cancel_before_sending);
  ADD_BOTH ("faults", test_faults);
  ADD_BOTH ("error-hides-key", test_error_hides_key);
  ADD_LIVE ("faults/invalid-utf8", test_invalid_utf8_name);
  ADD_LIVE ("max-reply-size", test_max_reply_size);
  g_test_add_func ("/client/network-down", test_network_down);
  g_test_add_func ("/client/tls/self-signed-refused", test_tls_self_signed_refused);

  return g_test_run ();
}
