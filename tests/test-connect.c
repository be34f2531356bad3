/* test-connect.c — the connect form, saved profiles and the keyring
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two runs of one executable (tests/meson.build):
 *  - 'connect' against the real, throw-away gnome-keyring that
 *    build-aux/with-keyring.sh starts; without it the test FAILS, it
 *    never touches the keyring of a real session;
 *  - 'connect-no-keyring' with the session bus pointing nowhere
 *    (SCMS_TEST_NO_KEYRING=1): the keyring is unavailable for real, and
 *    the form must offer to use the key for this session only.
 *
 * The mock accepts a random community ID and key made up per run; the
 * key is compared, never printed.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "scms-find-widget.h"
#include "scms-mock-server.h"
#include "scms-secret.h"
#include "scms-subscription-page.h"
#include "scms-test-loop.h"
#include "scms-window.h"

/* Connecting goes through the keyring as well as the mock. */
#define CONNECT_WAIT_SECONDS (20 * test_time_factor ())

static ScmsMockServer *mock_server;
static GSettings *settings;
static char *community_id;
static char *api_key;

/* Iterates the main context until @cond holds, failing after
 * CONNECT_WAIT_SECONDS. */
#define WAIT_FOR(cond)                                                       \
  G_STMT_START {                                                             \
    gint64 wait_end = g_get_monotonic_time () +                              \
                      CONNECT_WAIT_SECONDS * G_USEC_PER_SEC;                 \
    while (!(cond))                                                          \
      {                                                                      \
        if (g_get_monotonic_time () > wait_end)                              \
          g_error ("timed out waiting for: %s", #cond);                      \
        spin (10);                                                           \
      }                                                                      \
  } G_STMT_END

static char *
random_string (const char *prefix)
{
  return g_strdup_printf ("%s%08x%08x", prefix, g_random_int (), g_random_int ());
}

/* Widgets, found as a person finds them: by their visible label. */

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* The first mapped label under @root whose text contains @text. */
static GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  return find_widget (root, FIND_MAPPED, is_label_containing, text);
}

static GtkWidget *
form (ScmsWindow *window)
{
  return GTK_WIDGET (scms_window_get_connect_page (window));
}

static void
set_row_text (ScmsWindow *window,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_row (form (window), title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Fills the form like a person would and clicks Connect. */
static void
fill_and_connect (ScmsWindow *window,
                  const char *community,
                  const char *key,
                  const char *server_url)
{
  GtkWidget *server_row = find_row (form (window), "Server");
  GtkWidget *url_row = find_row (form (window), "Custom URL");
  GtkWidget *connect;

  set_row_text (window, "Community ID", community);
  set_row_text (window, "API Key", key);

  g_assert_nonnull (server_row);
  g_assert_false (gtk_widget_get_visible (url_row) &&
                  adw_combo_row_get_selected (ADW_COMBO_ROW (server_row)) != 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (server_row), 2);
  g_assert_true (gtk_widget_get_visible (url_row));
  set_row_text (window, "Custom URL", server_url);

  connect = find_button (form (window), "_Connect");
  g_assert_nonnull (connect);
  g_assert_true (gtk_widget_is_sensitive (connect));
  g_signal_emit_by_name (connect, "clicked");
}

static ScmsWindow *
create_window (void)
{
  ScmsWindow *window = scms_window_new (NULL);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
destroy_window (ScmsWindow *window)
{
  /* Hand the focus back first: GTK 4.8 warns when a window goes away with
   * the focus in a text entry it never told about leaving. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  spin (20);
  gtk_window_destroy (GTK_WINDOW (window));
  assert_finalized_soon (window);
}

/* The keyring, straight through the store's API. */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
keyring_lookup (const char *community,
                GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_secret_lookup_async (scms_mock_server_get_url (mock_server), community, NULL,
                            result_cb, &result);
  WAIT_FOR (result != NULL);

  return scms_secret_lookup_finish (result, error);
}

static void
keyring_clear (const char *community)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_secret_clear_async (scms_mock_server_get_url (mock_server), community, NULL,
                           result_cb, &result);
  WAIT_FOR (result != NULL);
  scms_secret_clear_finish (result, NULL);
}

static gboolean
contains_bytes (const char *data,
                gsize       size,
                const char *needle)
{
  gsize len = strlen (needle);

  for (gsize i = 0; i + len <= size; i++)
    {
      if (memcmp (data + i, needle, len) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The key is in no settings key, under any serialization. */
static void
assert_key_not_in_settings (const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 0);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, TRUE);
      g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (value);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (strstr (printed, key) != NULL)
        g_error ("the API key is in the settings key '%s'", keys[i]);
      if (contains_bytes (data, size, key))
        g_error ("the API key is in the serialized settings key '%s'", keys[i]);
    }
}

static gboolean
profile_saved (const char *community)
{
  g_autoptr(GVariant) profiles = g_settings_get_value (settings, "profiles");
  GVariantIter iter;
  const char *label;
  const char *id;
  const char *url;

  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &label, &id, &url))
    {
      if (g_strcmp0 (id, community) == 0)
        {
          g_assert_cmpstr (label, ==, community);
          g_assert_cmpstr (url, ==, scms_mock_server_get_url (mock_server));
          return TRUE;
        }
    }

  return FALSE;
}

static void
reset_state (void)
{
  g_settings_reset (settings, "profiles");
  g_settings_reset (settings, "last-profile");
  g_settings_reset (settings, "last-server-url");
  scms_mock_server_clear_faults (mock_server);
  scms_mock_server_reset_counts (mock_server);
  if (g_getenv ("SCMS_TEST_NO_KEYRING") == NULL)
    keyring_clear (community_id);
}

static void
connect_ok (ScmsWindow *window)
{
  fill_and_connect (window, community_id, api_key, scms_mock_server_get_url (mock_server));
  WAIT_FOR (scms_window_get_client (window) != NULL);
}

/* Tests with the keyring */

/* Where @widget's top edge is in @window, once laid out. */
static float
y_in_window (ScmsWindow *window,
             GtkWidget  *widget)
{
  graphene_point_t point;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static void
test_connect_validation (void)
{
  ScmsWindow *window;
  ScmsConnectPage *page;
  GtkWidget *message;
  float fields_at;

  reset_state ();
  window = create_window ();
  page = scms_window_get_connect_page (window);
  spin (50);

  /* Without a community the form is what the window shows. */
  g_assert_true (gtk_widget_get_mapped (form (window)));
  g_assert_nonnull (find_shown_label (GTK_WIDGET (window), "Add a Community"));
  WAIT_FOR (gtk_widget_get_height (find_row (form (window), "Community ID")) > 0);
  fields_at = y_in_window (window, find_row (form (window), "Community ID"));

  fill_and_connect (window, "  ", api_key, scms_mock_server_get_url (mock_server));
  g_assert_false (scms_connect_page_get_busy (page));
  g_assert_cmpstr (scms_connect_page_get_message (page), ==, "Enter the community ID.");
  g_assert_nonnull (find_shown_label (form (window), "Enter the community ID."));
  g_assert_true (gtk_widget_has_css_class (find_row (form (window), "Community ID"), "error"));

  /* The message comes below the fields, which stay where they were, once
   * the form is laid out again with it. */
  message = find_shown_label (form (window), "Enter the community ID.");
  WAIT_FOR (gtk_widget_get_height (message) > 0);
  g_assert_cmpfloat (y_in_window (window, find_row (form (window), "Community ID")), ==, fields_at);

  fill_and_connect (window, community_id, " ", scms_mock_server_get_url (mock_server));
  g_assert_cmpstr (scms_connect_page_get_message (page), ==, "Enter the API key.");

  /* Plain http to another host would send the key in the clear. */
  fill_and_connect (window, community_id, api_key, "http://example.com");
  g_assert_cmpstr (scms_connect_page_get_message (page), ==,
                   "Unencrypted connections are only allowed to this computer. "
                   "Use an https:// address.");
  g_assert_true (gtk_widget_has_css_class (find_row (form (window), "Custom URL"), "error"));

  fill_and_connect (window, community_id, api_key, "not a url");
  g_assert_nonnull (scms_connect_page_get_message (page));
  g_assert_false (scms_connect_page_get_busy (page));

  /* Typing again clears the message. */
  set_row_text (window, "Custom URL", "https://example.com");
  g_assert_null (scms_connect_page_get_message (page));

  spin (100);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);
  g_assert_null (scms_window_get_client (window));

  destroy_window (window);
}

static void
test_connect_success (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSecretKey) stored = NULL;
  g_autofree char *last = NULL;
  ScmsWindow *window;
  ScmsConnectPage *page;
  ScmsClient *client;

  reset_state ();
  window = create_window ();
  page = scms_window_get_connect_page (window);

  fill_and_connect (window, community_id, api_key, scms_mock_server_get_url (mock_server));

  /* Waiting: a spinner, the button insensitive. */
  g_assert_true (scms_connect_page_get_busy (page));
  g_assert_false (gtk_widget_is_sensitive (find_button (form (window), "_Connect")));

  WAIT_FOR (scms_window_get_client (window) != NULL);
  client = scms_window_get_client (window);
  g_assert_cmpstr (scms_client_get_community_id (client), ==, community_id);
  g_assert_cmpstr (scms_client_get_base_url (client), ==, scms_mock_server_get_url (mock_server));
  g_assert_true (scms_client_has_api_key (client));
  g_assert_false (scms_window_get_connect_visible (window));
  g_assert_false (scms_connect_page_get_busy (page));
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 1);

  /* The form lets go of the key. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window), "API Key"))),
                   ==, "");

  /* The key is in the keyring... */
  stored = keyring_lookup (community_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (g_strcmp0 (stored, api_key) == 0);

  /* ...the profile in the settings, without the key. */
  g_assert_true (profile_saved (community_id));
  last = g_settings_get_string (settings, "last-profile");
  g_assert_cmpstr (last, ==, community_id);
  assert_key_not_in_settings (api_key);

  /* The community opens: the Subscription page loads with that client. */
  scms_window_set_visible_page (window, "subscription");
  WAIT_FOR (scms_page_get_state (scms_window_get_page (window, "subscription"))
            == SCMS_PAGE_STATE_RESULTS);

  destroy_window (window);
}

static void
test_connect_rejected (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSecretKey) stored = NULL;
  g_autofree char *wrong_key = random_string ("wrong-");
  ScmsWindow *window;
  ScmsConnectPage *page;

  reset_state ();
  window = create_window ();
  page = scms_window_get_connect_page (window);

  fill_and_connect (window, community_id, wrong_key, scms_mock_server_get_url (mock_server));
  WAIT_FOR (!scms_connect_page_get_busy (page));

  g_assert_nonnull (scms_connect_page_get_message (page));
  g_assert_nonnull (strstr (scms_connect_page_get_message (page), "rejected the API key"));
  g_assert_nonnull (find_shown_label (form (window), "rejected the API key"));
  g_assert_true (gtk_widget_has_css_class (find_row (form (window), "API Key"), "error"));
  g_assert_null (scms_window_get_client (window));

  /* The form stays filled, the key too, to fix and retry. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window), "Community ID"))),
                   ==, community_id);
  g_assert_true (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window),
                                                                             "API Key"))),
                            wrong_key) == 0);

  /* Nothing stored. */
  stored = keyring_lookup (community_id, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  g_assert_false (profile_saved (community_id));

  /* A community ID the server does not know: said so. */
  fill_and_connect (window, "no-such-community", api_key, scms_mock_server_get_url (mock_server));
  WAIT_FOR (!scms_connect_page_get_busy (page));
  g_assert_nonnull (strstr (scms_connect_page_get_message (page), "community ID"));
  g_assert_true (gtk_widget_has_css_class (find_row (form (window), "Community ID"), "error"));
  g_assert_false (profile_saved ("no-such-community"));

  /* Fixed: it connects. */
  connect_ok (window);
  g_assert_true (profile_saved (community_id));

  destroy_window (window);
}

static void
test_connect_network_error (void)
{
  ScmsWindow *window;
  ScmsConnectPage *page;

  reset_state ();
  window = create_window ();
  page = scms_window_get_connect_page (window);

  /* Port 9 on loopback: nothing listens there. */
  fill_and_connect (window, community_id, api_key, "http://127.0.0.1:9");
  WAIT_FOR (!scms_connect_page_get_busy (page));
  g_assert_nonnull (strstr (scms_connect_page_get_message (page), "could not be reached"));
  g_assert_null (scms_window_get_client (window));
  g_assert_false (profile_saved (community_id));

  destroy_window (window);
}

static void
test_connect_cancel (void)
{
  ScmsWindow *window;
  ScmsConnectPage *page;
  GtkWidget *cancel;

  reset_state ();
  window = create_window ();
  page = scms_window_get_connect_page (window);

  scms_mock_server_set_slow_ms (mock_server, 500);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, NULL, 1);

  fill_and_connect (window, community_id, api_key, scms_mock_server_get_url (mock_server));
  g_assert_true (scms_connect_page_get_busy (page));

  cancel = find_button (form (window), "_Cancel");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_get_visible (cancel));
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_false (scms_connect_page_get_busy (page));

  /* The late reply changes nothing. */
  spin (800);
  g_assert_null (scms_window_get_client (window));
  g_assert_false (profile_saved (community_id));
  g_assert_null (scms_connect_page_get_message (page));

  destroy_window (window);
}

/* Saving a community's profile leaves the window's own settings written
 * at once: the page shown last is remembered even if the app is killed.
 * (Delay-apply mode, used to save a profile in one go, cannot be left.) */
static void
test_connect_settings_written_at_once (void)
{
  g_autoptr(GSettings) reader = g_settings_new (SCMS_SCHEMA_ID);
  g_autofree char *last_page = NULL;
  ScmsWindow *window;

  reset_state ();
  window = create_window ();
  connect_ok (window);
  g_assert_true (profile_saved (community_id));

  scms_window_set_visible_page (window, "departments");
  spin (50);
  last_page = g_settings_get_string (reader, "last-page");
  g_assert_cmpstr (last_page, ==, "departments");
  g_clear_pointer (&last_page, g_free);

  scms_window_set_visible_page (window, "subscription");
  spin (50);
  last_page = g_settings_get_string (reader, "last-page");
  g_assert_cmpstr (last_page, ==, "subscription");

  destroy_window (window);
  g_settings_reset (reader, "last-page");
}

/* A new window opening the saved community, as the next start does, once
 * it has a client. */
static ScmsWindow *
start_again (void)
{
  ScmsWindow *window;

  scms_mock_server_reset_counts (mock_server);
  window = create_window ();
  scms_window_open_saved_community (window);
  WAIT_FOR (scms_window_get_client (window) != NULL);

  return window;
}

static void
test_connect_reconnect (void)
{
  ScmsWindow *window;
  ScmsClient *client;

  /* First run: connect by typing. */
  reset_state ();
  window = create_window ();
  connect_ok (window);
  destroy_window (window);

  /* Next start: the last profile reopens with the key from the keyring,
   * without asking. */
  window = start_again ();
  client = scms_window_get_client (window);
  g_assert_cmpstr (scms_client_get_community_id (client), ==, community_id);
  g_assert_true (scms_client_has_api_key (client));
  g_assert_null (scms_connect_page_get_message (scms_window_get_connect_page (window)));

  /* The stored key works. */
  scms_window_set_visible_page (window, "subscription");
  WAIT_FOR (scms_page_get_state (scms_window_get_page (window, "subscription"))
            == SCMS_PAGE_STATE_RESULTS);

  destroy_window (window);
}

/* One community ID saved for two servers: the start reopens the one that
 * was open last, not the first one saved. */
static void
test_connect_reconnect_same_id (void)
{
  g_autoptr(GVariant) profiles = NULL;
  ScmsWindow *window;
  ScmsClient *client;

  /* Saved first: the same ID on a server that does not answer. */
  reset_state ();
  g_settings_set_value (settings, "profiles",
                        g_variant_new_parsed ("[(%s, %s, %s)]", community_id, community_id,
                                              "https://cms.invalid/api"));
  window = create_window ();
  connect_ok (window);
  profiles = g_settings_get_value (settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 2);
  destroy_window (window);

  window = start_again ();
  client = scms_window_get_client (window);
  g_assert_cmpstr (scms_client_get_base_url (client), ==, scms_mock_server_get_url (mock_server));
  g_assert_cmpstr (scms_client_get_community_id (client), ==, community_id);
  destroy_window (window);
}

static void
test_connect_reconnect_no_key (void)
{
  ScmsWindow *window;
  ScmsConnectPage *page;

  /* A saved profile whose key is not in the keyring. */
  reset_state ();
  g_settings_set_value (settings, "profiles",
                        g_variant_new_parsed ("[(%s, %s, %s)]", community_id, community_id,
                                              scms_mock_server_get_url (mock_server)));
  g_settings_set_string (settings, "last-profile", community_id);

  window = create_window ();
  page = scms_window_get_connect_page (window);
  scms_window_open_saved_community (window);
  WAIT_FOR (!scms_connect_page_get_busy (page));
  spin (50);

  g_assert_null (scms_window_get_client (window));
  g_assert_nonnull (strstr (scms_connect_page_get_message (page), "No API key is saved"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window), "Community ID"))),
                   ==, community_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window), "Custom URL"))),
                   ==, scms_mock_server_get_url (mock_server));
  g_assert_false (scms_connect_page_get_keyring_trouble (page));

  /* Typing the key connects. */
  set_row_text (window, "API Key", api_key);
  g_signal_emit_by_name (find_button (form (window), "_Connect"), "clicked");
  WAIT_FOR (scms_window_get_client (window) != NULL);

  destroy_window (window);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_connect_forget (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSecretKey) stored = NULL;
  g_autofree char *last = NULL;
  AdwMessageDialog *dialog;
  ScmsWindow *window;

  reset_state ();
  window = create_window ();
  connect_ok (window);
  g_assert_true (profile_saved (community_id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.forget-profile", NULL));
  WAIT_FOR (find_dialog () != NULL);
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), community_id));

  /* Cancel keeps everything. */
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Cancel"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
  WAIT_FOR (find_dialog () == NULL);
  spin (100);
  g_assert_true (profile_saved (community_id));
  g_assert_nonnull (scms_window_get_client (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.forget-profile", NULL));
  WAIT_FOR (find_dialog () != NULL);
  dialog = find_dialog ();
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Forget"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Forget"), "clicked");

  g_assert_false (profile_saved (community_id));
  last = g_settings_get_string (settings, "last-profile");
  g_assert_cmpstr (last, ==, "");
  g_assert_null (scms_window_get_client (window));
  g_assert_true (gtk_widget_get_mapped (form (window)));

  /* The keyring item goes too. */
  spin (300);
  stored = keyring_lookup (community_id, &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  WAIT_FOR (find_dialog () == NULL);
  destroy_window (window);
}

static void
test_connect_switch_profiles (void)
{
  g_autoptr(ScmsMockServer) other = scms_mock_server_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *other_id = random_string ("other-");
  g_autofree char *other_key = random_string ("key-");
  ScmsWindow *window;

  reset_state ();
  scms_mock_server_set_credentials (other, other_id, other_key);
  g_assert_true (scms_mock_server_start (other, 0, &error));

  window = create_window ();
  connect_ok (window);

  /* Add Community… shows an empty form over the open community. */
  scms_window_add_community (window);
  g_assert_true (scms_window_get_connect_visible (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window), "Community ID"))),
                   ==, "");
  fill_and_connect (window, other_id, other_key, scms_mock_server_get_url (other));
  WAIT_FOR (!scms_window_get_connect_visible (window));
  g_assert_cmpstr (scms_client_get_community_id (scms_window_get_client (window)), ==, other_id);

  /* Both are saved; switching back from the header bar's menu. */
  g_assert_true (profile_saved (community_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-profile", "(ss)",
                                             community_id,
                                             scms_mock_server_get_url (mock_server)));
  WAIT_FOR (g_strcmp0 (scms_client_get_community_id (scms_window_get_client (window)),
                       community_id) == 0);

  destroy_window (window);

  /* Clean the keyring of the other community. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    scms_secret_clear_async (scms_mock_server_get_url (other), other_id, NULL,
                             result_cb, &result);
    WAIT_FOR (result != NULL);
  }
  scms_mock_server_stop (other);
}

static GtkInfoBar *
find_info_bar_with (GtkWidget  *root,
                    const char *text)
{
  GtkWidget *child;

  if (GTK_IS_INFO_BAR (root) && gtk_info_bar_get_revealed (GTK_INFO_BAR (root)) &&
      find_shown_label (root, text) != NULL)
    return GTK_INFO_BAR (root);

  for (child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkInfoBar *found = find_info_bar_with (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_connect_credentials_rejected_later (void)
{
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GtkInfoBar *bar;
  GtkWidget *update;

  ScmsWindow *window;

  reset_state ();
  window = create_window ();

  /* A key that the server no longer accepts (revoked since it was saved). */
  client = scms_client_new (scms_mock_server_get_url (mock_server), community_id, &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, "revoked");
  scms_window_set_client (window, client);
  scms_window_set_visible_page (window, "subscription");
  WAIT_FOR (scms_page_get_state (scms_window_get_page (window, "subscription"))
            == SCMS_PAGE_STATE_ERROR);
  /* Waited for rather than a fixed delay: under the sanitizers the bar
   * takes longer than 400 ms to show. */
  WAIT_FOR ((bar = find_info_bar_with (GTK_WIDGET (window), "Credentials rejected")) != NULL);
  update = find_button (GTK_WIDGET (bar), "_Update");
  g_assert_nonnull (update);
  g_assert_true (gtk_widget_get_visible (update));
  /* The same key would be refused again: the page offers no Retry, only
   * the bar's Update. */
  g_assert_null (find_shown_label (GTK_WIDGET (scms_window_get_page (window, "subscription")),
                                   "_Retry"));

  /* Update reopens the form, filled in for that community. */
  g_signal_emit_by_name (update, "clicked");
  spin (50);
  g_assert_true (scms_window_get_connect_visible (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window), "Community ID"))),
                   ==, community_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window), "API Key"))),
                   ==, "");

  set_row_text (window, "API Key", api_key);
  g_signal_emit_by_name (find_button (form (window), "_Connect"), "clicked");
  WAIT_FOR (!scms_window_get_connect_visible (window));
  g_assert_true (scms_window_get_client (window) != client);
  g_assert_true (profile_saved (community_id));

  destroy_window (window);
}

/* Tests without a keyring (the session bus points nowhere) */

static void
test_no_keyring_session_only (void)
{
  ScmsWindow *window;
  ScmsConnectPage *page;
  GtkWidget *session_button;

  reset_state ();
  window = create_window ();
  page = scms_window_get_connect_page (window);

  fill_and_connect (window, community_id, api_key, scms_mock_server_get_url (mock_server));
  WAIT_FOR (!scms_connect_page_get_busy (page));

  /* The credentials passed but the keyring cannot keep the key: said
   * plainly, nothing opened yet. */
  g_assert_true (scms_connect_page_get_keyring_trouble (page));
  g_assert_nonnull (find_shown_label (form (window), "No keyring is available"));
  g_assert_null (scms_window_get_client (window));
  g_assert_false (profile_saved (community_id));

  session_button = find_button (form (window), "Use for This _Session Only");
  g_assert_nonnull (session_button);
  g_assert_true (gtk_widget_get_mapped (session_button));
  g_signal_emit_by_name (session_button, "clicked");

  /* The key is used from memory; the profile is saved without it. */
  WAIT_FOR (scms_window_get_client (window) != NULL);
  g_assert_true (scms_client_has_api_key (scms_window_get_client (window)));
  g_assert_true (profile_saved (community_id));
  assert_key_not_in_settings (api_key);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 1);

  scms_window_set_visible_page (window, "subscription");
  WAIT_FOR (scms_page_get_state (scms_window_get_page (window, "subscription"))
            == SCMS_PAGE_STATE_RESULTS);

  destroy_window (window);
}

static void
test_no_keyring_reconnect (void)
{
  ScmsWindow *window;
  ScmsConnectPage *page;

  reset_state ();
  g_settings_set_value (settings, "profiles",
                        g_variant_new_parsed ("[(%s, %s, %s)]", community_id, community_id,
                                              scms_mock_server_get_url (mock_server)));
  g_settings_set_string (settings, "last-profile", community_id);

  window = create_window ();
  page = scms_window_get_connect_page (window);
  scms_window_open_saved_community (window);
  WAIT_FOR (!scms_connect_page_get_busy (page));
  spin (50);

  /* The form, filled in, with the plain explanation and the offer. */
  g_assert_null (scms_window_get_client (window));
  g_assert_true (scms_connect_page_get_keyring_trouble (page));
  g_assert_nonnull (find_shown_label (form (window), "No keyring is available"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form (window), "Community ID"))),
                   ==, community_id);

  /* Session only first, then the key: connects without the keyring. */
  g_signal_emit_by_name (find_button (form (window), "Use for This _Session Only"), "clicked");
  set_row_text (window, "API Key", api_key);
  g_signal_emit_by_name (find_button (form (window), "_Connect"), "clicked");
  WAIT_FOR (scms_window_get_client (window) != NULL);
  g_assert_false (scms_connect_page_get_keyring_trouble (page));

  destroy_window (window);
}

static void
test_keyring_missing (void)
{
  g_test_message ("test-connect needs the throw-away gnome-keyring of "
                  "build-aux/with-keyring.sh (SCMS_TEST_KEYRING is not set)");
  g_test_fail ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gboolean no_keyring;
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("SCMS_TESTS_ALLOW_NO_DISPLAY") != NULL)
        {
          printf ("1..0 # SKIP no display\n");
          return 0;
        }

      g_printerr ("No display: run the GUI tests under Xvfb, or set "
                  "SCMS_TESTS_ALLOW_NO_DISPLAY=1 to skip them\n");
      return 1;
    }

  adw_init ();
  g_type_ensure (SCMS_TYPE_WINDOW);

  no_keyring = g_getenv ("SCMS_TEST_NO_KEYRING") != NULL;
  if (!no_keyring && g_getenv ("SCMS_TEST_KEYRING") == NULL)
    {
      g_test_add_func ("/connect/keyring-available", test_keyring_missing);
      return g_test_run ();
    }

  /* Keyring calls give up quickly when something is wrong. */
  scms_secret_set_timeout (5);

  community_id = random_string ("community-");
  api_key = random_string ("key-");
  settings = g_settings_new (SCMS_SCHEMA_ID);

  mock_server = scms_mock_server_new ();
  scms_mock_server_set_credentials (mock_server, community_id, api_key);
  if (!scms_mock_server_start (mock_server, 0, &error))
    g_error ("Could not start the mock server: %s", error->message);

  if (no_keyring)
    {
      g_test_add_func ("/connect/no-keyring/session-only", test_no_keyring_session_only);
      g_test_add_func ("/connect/no-keyring/reconnect", test_no_keyring_reconnect);
    }
  else
    {
      g_test_add_func ("/connect/validation", test_connect_validation);
      g_test_add_func ("/connect/success", test_connect_success);
      g_test_add_func ("/connect/rejected", test_connect_rejected);
      g_test_add_func ("/connect/network-error", test_connect_network_error);
      g_test_add_func ("/connect/cancel", test_connect_cancel);
      g_test_add_func ("/connect/reconnect", test_connect_reconnect);
      g_test_add_func ("/connect/reconnect-no-key", test_connect_reconnect_no_key);
      g_test_add_func ("/connect/reconnect-same-id", test_connect_reconnect_same_id);
      g_test_add_func ("/connect/settings-written-at-once", test_connect_settings_written_at_once);
      g_test_add_func ("/connect/forget", test_connect_forget);
      g_test_add_func ("/connect/switch-profiles", test_connect_switch_profiles);
      g_test_add_func ("/connect/credentials-rejected-later",
                       test_connect_credentials_rejected_later);
    }

  ret = g_test_run ();

  if (!no_keyring)
    keyring_clear (community_id);

  scms_mock_server_stop (mock_server);
  g_clear_object (&mock_server);
  g_clear_object (&settings);
  g_clear_pointer (&community_id, g_free);
  g_clear_pointer (&api_key, g_free);

  return ret;
}
