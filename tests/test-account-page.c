/* test-account-page.c — the Account page and its ScmsAccountView against the mock
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-account-page.h"
#include "scms-account-view.h"
#include "scms-gui-test.h"

/* Elena's ranks in the demo community. */
#define SERGEANT_ID   "d84abf9a-95de-4aa7-a0be-c528ca150c3a"
#define DISPATCHER_ID "bd4dcda0-27b6-4379-b195-3773e2658c15"

typedef struct
{
  ScmsClient      *client;
  ScmsAccountPage *page;
  GtkWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  scms_mock_server_clear_faults (mock_server);
  fixture->client = create_client ();
  fixture->page = g_object_ref_sink (g_object_new (SCMS_TYPE_ACCOUNT_PAGE,
                                                   "client", fixture->client,
                                                   NULL));
  fixture->window = show_page (SCMS_PAGE (fixture->page));
  spin (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ScmsAccountPage *page = g_steal_pointer (&fixture->page);

  scms_mock_server_clear_faults (mock_server);
  destroy_page_window (g_steal_pointer (&fixture->window));
  assert_finalized_soon (page);
  assert_finalized_soon (g_steal_pointer (&fixture->client));
}

static ScmsAccountView *
get_view (Fixture *fixture)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();
  GtkWidget *view = NULL;
  GtkWidget *child;

  /* The page's only account view, depth first. */
  g_ptr_array_add (todo, fixture->page);
  while (todo->len > 0 && view == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (todo, todo->len - 1);

      if (SCMS_IS_ACCOUNT_VIEW (widget))
        view = widget;

      for (child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (todo, child);
    }

  g_assert_nonnull (view);

  return SCMS_ACCOUNT_VIEW (view);
}

static gboolean
view_done (gpointer data)
{
  return !scms_account_view_get_loading (SCMS_ACCOUNT_VIEW (data));
}

static void
look_up_and_wait (Fixture    *fixture,
                  ScmsIdKind  kind,
                  const char *identifier)
{
  scms_account_page_look_up (fixture->page, kind, identifier);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (fixture->page)), ==, SCMS_PAGE_STATE_LOADING);
  wait_for_state (SCMS_PAGE (fixture->page), SCMS_PAGE_STATE_RESULTS);
  wait_until (view_done, get_view (fixture), "the account view's sections");
  spin (50);
}

static void
test_account_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  g_assert_cmpstr (scms_page_get_title (SCMS_PAGE (page)), ==, "Account");
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_nonnull (find_shown_text (page, "Look Up a Member"));
  g_assert_nonnull (find_shown_text (page, "_Look Up"));
}

static void
test_account_elena (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *sergeant;
  GtkWidget *dispatcher;
  ScmsAccount *account;

  scms_mock_server_reset_counts (mock_server);
  look_up_and_wait (fixture, SCMS_ID_KIND_UNIQUE_ID, "1042");

  account = scms_account_page_get_account (fixture->page);
  g_assert_nonnull (account);
  g_assert_cmpstr (scms_account_get_acc_id (account), ==, "bf2aa8f1-4ee6-449c-b90b-a9e7e0888c79");

  /* Who, and their status. */
  g_assert_nonnull (find_shown_text (page, "E. Ashgrove"));
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
  g_assert_nonnull (find_shown_text (page, "Active"));

  /* Identifiers and API IDs, each with a copy button. */
  g_assert_nonnull (find_shown_text (page, "bf2aa8f1-4ee6-449c-b90b-a9e7e0888c79"));
  g_assert_nonnull (find_shown_text (page, "1042"));
  g_assert_nonnull (find_shown_text (page, "430291437292752760"));
  g_assert_nonnull (find_shown_text (page, "9b4e07d2c61a5f38e0d7b2a94c1f6e83d5a0b729"));
  g_assert_nonnull (find_shown_text (page, "1A-12"));

  /* Ranks by name, under their department's full name. */
  g_assert_nonnull (find_shown_text (page, "Copper Basin Police Department"));
  g_assert_nonnull (find_shown_text (page, "Emergency Communications"));
  sergeant = find_shown_text (page, "Sergeant");
  dispatcher = find_shown_text (page, "Dispatcher");
  g_assert_nonnull (sergeant);
  g_assert_nonnull (dispatcher);
  g_assert_true (gtk_widget_get_ancestor (sergeant, ADW_TYPE_PREFERENCES_GROUP) ==
                 gtk_widget_get_ancestor (find_shown_text (page, "Copper Basin Police Department"),
                                          ADW_TYPE_PREFERENCES_GROUP));
  g_assert_true (gtk_widget_get_ancestor (dispatcher, ADW_TYPE_PREFERENCES_GROUP) ==
                 gtk_widget_get_ancestor (find_shown_text (page, "Emergency Communications"),
                                          ADW_TYPE_PREFERENCES_GROUP));
  g_assert_null (find_shown_text (page, "Unknown Ranks"));

  /* Nobody sees a rank UUID unless they ask. */
  g_assert_null (find_shown_text (page, SERGEANT_ID));
  g_assert_null (find_shown_text (page, DISPATCHER_ID));
  scms_account_view_set_show_ids (get_view (fixture), TRUE);
  spin (50);
  g_assert_nonnull (find_shown_text (page, SERGEANT_ID));
  /* Each Copy button says what it copies, to a screen reader too. */
  g_assert_nonnull (find_widget (page, FIND_MAPPED, is_button_named,
                                 "Copy the Rank ID of Sergeant"));
  g_assert_nonnull (find_widget (page, FIND_MAPPED, is_button_named,
                                 "Copy API ID 430291437292752760"));
  scms_account_view_set_show_ids (get_view (fixture), FALSE);
  spin (50);
  g_assert_null (find_shown_text (page, SERGEANT_ID));

  /* Profile fields by label, the clock-in, the dates. */
  g_assert_nonnull (find_shown_text (page, "Time Zone"));
  g_assert_nonnull (find_shown_text (page, "Certifications"));
  g_assert_null (find_shown_text (page, "420514b2-d69c-4b8d-b8f6-a532b66d7b5b"));
  g_assert_true (find_shown_prefix (page, "Clocked in since ") != NULL ||
                 find_shown_text (page, "Not clocked in") != NULL);
  /* In local time (the tests run in UTC), written as everywhere else. */
  g_assert_nonnull (find_shown_text (page, "March 10, 2024 at 02:14"));

  /* The departments are cached: a second member costs no second download. */
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/general/get_departments"),
                    ==, 1);
  look_up_and_wait (fixture, SCMS_ID_KIND_UNIQUE_ID, "1077");
  g_assert_nonnull (find_shown_text (page, "J. Castellano"));
  g_assert_null (find_shown_text (page, "E. Ashgrove"));
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/general/get_departments"),
                    ==, 1);
}

static const char *wanted_text;

static gboolean
wanted_text_shown (gpointer data)
{
  return find_shown_text (GTK_WIDGET (data), wanted_text) != NULL;
}

/* A desktop set to a 12-hour clock gets its dates that way, as in GNOME's
 * own apps, and at once when it switches. */
static void
test_account_12_hour_clock (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) interface = g_settings_new ("org.gnome.desktop.interface");
  GtkWidget *page = GTK_WIDGET (fixture->page);

  g_settings_set_string (interface, "clock-format", "12h");
  look_up_and_wait (fixture, SCMS_ID_KIND_UNIQUE_ID, "1042");
  g_assert_nonnull (find_shown_text (page, "E. Ashgrove"));
  g_assert_nonnull (find_shown_text (page, "March 10, 2024 at 2:14 AM"));
  g_assert_null (find_shown_text (page, "March 10, 2024 at 02:14"));

  /* Switched while she is shown: no new lookup needed. */
  g_settings_set_string (interface, "clock-format", "24h");
  wanted_text = "March 10, 2024 at 02:14";
  wait_until (wanted_text_shown, page, "the 24-hour clock");
  g_assert_null (find_shown_text (page, "March 10, 2024 at 2:14 AM"));

  g_settings_set_string (interface, "clock-format", "12h");
  wanted_text = "March 10, 2024 at 2:14 AM";
  wait_until (wanted_text_shown, page, "the 12-hour clock");

  g_settings_reset (interface, "clock-format");
  wanted_text = "March 10, 2024 at 02:14";
  wait_until (wanted_text_shown, page, "the default 24-hour clock");
}

static void
test_account_copy (Fixture       *fixture,
                   gconstpointer  data)
{
  GdkClipboard *clipboard;
  GdkContentProvider *content;
  GValue value = G_VALUE_INIT;

  look_up_and_wait (fixture, SCMS_ID_KIND_UNIQUE_ID, "1042");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view (fixture)), "account.copy",
                                             "s", "430291437292752760"));

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->page));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, "430291437292752760");
  g_value_unset (&value);
}

static void
test_account_not_found (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  scms_account_page_look_up (fixture->page, SCMS_ID_KIND_UNIQUE_ID, "999999");
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_ERROR);
  spin (50);

  g_assert_cmpstr (scms_page_get_error_title (SCMS_PAGE (page)), ==, "No Member Found");
  g_assert_nonnull (find_shown_text (page, "No Member Found"));
  g_assert_nonnull (find_shown_text (page, scms_page_get_error_message (SCMS_PAGE (page))));
  /* Asking again would not find them: no Retry. */
  g_assert_null (find_shown_text (page, "_Retry"));
  g_assert_null (scms_account_page_get_account (fixture->page));
}

static void
test_account_error_retry (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *retry;

  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/general/get_com_account", 1);
  scms_account_page_look_up (fixture->page, SCMS_ID_KIND_UNIQUE_ID, "1042");
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_ERROR);
  spin (50);

  g_assert_cmpstr (scms_page_get_error_title (SCMS_PAGE (page)), ==,
                   "Could Not Look Up the Member");
  g_assert_nonnull (find_shown_text (page, "Could Not Look Up the Member"));
  g_assert_null (find_shown_text (page, "E. Ashgrove"));
  retry = find_shown_text (page, "_Retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_activate (retry));

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_nonnull (find_shown_text (page, "E. Ashgrove"));
}

static void
test_account_sections_degrade (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  /* A plan without profile fields costs the profile section only. */
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_NOT_ENABLED,
                                 "/general/get_profile_fields", 1);
  look_up_and_wait (fixture, SCMS_ID_KIND_UNIQUE_ID, "1042");

  g_assert_nonnull (find_shown_prefix (page, "Profile fields could not be loaded."));
  g_assert_null (find_shown_text (page, "Time Zone"));
  g_assert_nonnull (find_shown_text (page, "E. Ashgrove"));
  g_assert_nonnull (find_shown_text (page, "Sergeant"));
}

static void
test_account_bad_identifier (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *button = find_shown_text (page, "_Look Up");
  GtkWidget *finder = gtk_widget_get_ancestor (button, g_type_from_name ("ScmsMemberFinder"));

  scms_mock_server_reset_counts (mock_server);

  g_object_set (finder, "kind", SCMS_ID_KIND_UNIQUE_ID, "text", "12a", NULL);
  g_assert_true (gtk_widget_activate (button));
  g_object_set (finder, "text", "   ", NULL);
  g_assert_true (gtk_widget_activate (button));
  spin (100);

  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_EMPTY);

  /* A good one goes out. */
  g_object_set (finder, "text", "1042", NULL);
  g_assert_true (gtk_widget_activate (button));
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/general/get_com_account"),
                    ==, 1);
}

static void
test_account_focus_identifier (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *focus;
  GtkWidget *finder;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "page.focus-identifier", NULL));
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  finder = gtk_widget_get_ancestor (focus, g_type_from_name ("ScmsMemberFinder"));
  g_assert_nonnull (finder);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
}

static void
test_account_client_change_cancels (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  scms_mock_server_set_slow_ms (mock_server, 300);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, NULL, 1);
  scms_account_page_look_up (fixture->page, SCMS_ID_KIND_UNIQUE_ID, "1042");
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_LOADING);

  /* Closing the community: the late reply must not bring Elena back. */
  scms_page_set_client (SCMS_PAGE (page), NULL);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_EMPTY);
  spin (600);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_null (scms_account_page_get_account (fixture->page));
  g_assert_null (find_shown_text (page, "E. Ashgrove"));
}

/* Another community, opened while a member is shown: her lookup is
 * forgotten, not sent again to the new community. */
static void
test_account_other_community (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autoptr(ScmsClient) other = create_client ();

  look_up_and_wait (fixture, SCMS_ID_KIND_UNIQUE_ID, "1042");
  g_assert_nonnull (find_shown_text (page, "E. Ashgrove"));
  g_assert_true (gtk_widget_get_mapped (page));

  /* As the window sets it: through a property binding, which holds
   * notify::client back until the client is set. */
  scms_mock_server_reset_counts (mock_server);
  g_object_set (page, "client", other, NULL);
  spin (600);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_null (scms_account_page_get_account (fixture->page));
  g_assert_null (find_shown_text (page, "E. Ashgrove"));
  g_assert_nonnull (find_shown_text (page, "Look Up a Member"));
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/general/get_com_account"),
                    ==, 0);

  /* The page's own client is dropped by the fixture: give it back. */
  scms_page_set_client (SCMS_PAGE (page), fixture->client);
}

static void
test_account_view_cancels (Fixture       *fixture,
                           gconstpointer  data)
{
  ScmsAccountView *view;

  look_up_and_wait (fixture, SCMS_ID_KIND_UNIQUE_ID, "1042");
  view = get_view (fixture);

  /* The view's own requests stop when it loses its client. */
  scms_mock_server_set_slow_ms (mock_server, 300);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, NULL, 3);
  scms_account_page_look_up (fixture->page, SCMS_ID_KIND_UNIQUE_ID, "1077");
  scms_page_set_client (SCMS_PAGE (fixture->page), NULL);
  g_assert_null (scms_account_view_get_account (view));
  g_assert_null (scms_account_view_get_client (view));
  g_assert_false (scms_account_view_get_loading (view));
  spin (800);
  g_assert_null (scms_account_view_get_account (view));
}

int
main (int   argc,
      char *argv[])
{
  /* Dates are shown in local time: make it the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* The names screen readers are told are kept by the test backend only. */
  g_setenv ("GTK_A11Y", "test", TRUE);

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
  g_type_ensure (SCMS_TYPE_ACCOUNT_PAGE);

#define ADD(path, func) \
  g_test_add ("/account-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", test_account_empty);
  ADD ("elena", test_account_elena);
  ADD ("12-hour-clock", test_account_12_hour_clock);
  ADD ("copy", test_account_copy);
  ADD ("not-found", test_account_not_found);
  ADD ("error-retry", test_account_error_retry);
  ADD ("sections-degrade", test_account_sections_degrade);
  ADD ("bad-identifier", test_account_bad_identifier);
  ADD ("focus-identifier", test_account_focus_identifier);
  ADD ("client-change-cancels", test_account_client_change_cancels);
  ADD ("view-cancels", test_account_view_cancels);
  ADD ("other-community", test_account_other_community);

#undef ADD

  return run_gui_tests (argc, argv);
}
