/* test-fault-matrix.c — every fault the mock can inject, as a person meets it
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each fault, on a real page (Game Servers) against the mock over
 * loopback: the page shows a clear message that says what to do (never a
 * raw body), the mock received exactly one request (nothing retried in a
 * storm), and the page works again with Retry.
 */

#include "config.h"

#include <string.h>

#include "scms-game-servers-page.h"
#include "scms-gui-test.h"

#define PATH "/servers/get_game_servers"

typedef struct
{
  ScmsMockFault  fault;
  const char    *name;
} Fault;

static const Fault faults[] = {
  { SCMS_MOCK_FAULT_SERVER_ERROR, "server-error" },
  { SCMS_MOCK_FAULT_RATE_LIMIT, "rate-limit" },
  { SCMS_MOCK_FAULT_SLOW, "slow-past-timeout" },
  { SCMS_MOCK_FAULT_DROP, "dropped-connection" },
  { SCMS_MOCK_FAULT_TRUNCATED_JSON, "truncated-json" },
  { SCMS_MOCK_FAULT_HTML_ERROR, "html-error-page" },
  { SCMS_MOCK_FAULT_HUGE_BODY, "huge-body" },
  { SCMS_MOCK_FAULT_INVALID_UTF8, "invalid-utf8" },
  { SCMS_MOCK_FAULT_WRONG_TYPES, "wrong-types" },
  { SCMS_MOCK_FAULT_BACKEND_REACHED, "backend-reached" },
  { SCMS_MOCK_FAULT_NOT_ENABLED, "not-enabled" },
  { SCMS_MOCK_FAULT_NOT_FOUND_HTML, "not-found-page" },
  { SCMS_MOCK_FAULT_ECHO_REQUEST, "echoed-request" },
};

static void
test_fault (gconstpointer data)
{
  const Fault *fault = data;
  g_autoptr(ScmsClient) client = create_client ();
  ScmsPage *page;
  GtkWindow *window;
  const char *message;

  scms_mock_server_clear_faults (mock_server);
  scms_mock_server_reset_counts (mock_server);
  scms_mock_server_set_retry_after (mock_server, 1);
  scms_client_set_min_pause (client, 1);
  /* A slow build may need more than 0.5 s for a request that is not
   * slowed down: both times grow by the same factor. */
  scms_mock_server_set_slow_ms (mock_server, 3000 * test_time_factor ());
  scms_client_set_timeout (client, 0.5 * test_time_factor ());
  scms_mock_server_inject_fault (mock_server, fault->fault, PATH, 1);

  page = g_object_ref_sink (g_object_new (SCMS_TYPE_GAME_SERVERS_PAGE, "client", client, NULL));
  window = show_page (page);
  wait_for_state (page, SCMS_PAGE_STATE_ERROR);

  /* A clear, translated sentence that says what to do: never the body. */
  message = scms_page_get_error_message (page);
  g_test_message ("%s: %s — %s", fault->name, scms_page_get_error_title (page), message);
  g_assert_nonnull (message);
  g_assert_cmpuint (strlen (message), >, 20);
  g_assert_null (strstr (message, "<html"));
  g_assert_null (strstr (message, SCMS_MOCK_DEFAULT_API_KEY));
  g_assert_null (strstr (message, "Internal Server Error"));
  g_assert_null (strstr (message, "Backend Service Reached"));
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), scms_page_get_error_title (page)));

  /* One request, not retried behind the person's back. */
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, PATH), ==, 1);

  /* Still usable: Retry loads the page (after the pause a 429 asked for). */
  scms_client_set_timeout (client, 30);
  scms_page_reload (page);
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpuint (g_list_model_get_n_items (scms_game_servers_page_get_shown (SCMS_GAME_SERVERS_PAGE (page))),
                    ==, 2);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, PATH), ==, 2);
  g_assert_cmpuint (scms_mock_server_get_peak_per_second (mock_server), <=, 2);

  destroy_page_window (window);
  assert_finalized_soon (page);
}

static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* An error message is shown as it is written, whatever it holds: a
 * status page's description is Pango markup, and a "<" or "&" quoted
 * from a server used to leave it empty. */
static void
test_message_shown_as_written (void)
{
  static const char message[] = "The server did not accept the request. "
                                "(ACCESS <ADMIN> & \"OWNER\" ONLY)";
  g_autoptr(ScmsClient) client = create_client ();
  ScmsPage *page;
  GtkWindow *window;

  page = g_object_ref_sink (g_object_new (SCMS_TYPE_GAME_SERVERS_PAGE, "client", client, NULL));
  window = show_page (page);
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);

  scms_page_set_error (page, "Request Refused", message);
  spin (100);
  g_assert_cmpstr (scms_page_get_error_message (page), ==, message);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), FIND_MAPPED, is_label_showing, message));

  destroy_page_window (window);
  assert_finalized_soon (page);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("SCMS_TESTS_ALLOW_NO_DISPLAY") != NULL)
        {
          printf ("1..0 # SKIP no display\n");
          return 0;
        }

      g_printerr ("No display: run the GUI tests under Xvfb\n");
      return 1;
    }

  adw_init ();
  g_type_ensure (SCMS_TYPE_GAME_SERVERS_PAGE);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fault-matrix/%s", faults[i].name);

      g_test_add_data_func (path, &faults[i], test_fault);
    }
  g_test_add_func ("/fault-matrix/message-shown-as-written", test_message_shown_as_written);

  return run_gui_tests (argc, argv);
}
