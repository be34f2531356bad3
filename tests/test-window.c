/* test-window.c — the window and the Subscription page against the mock
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

#include <stdio.h>
#include <string.h>

#include "scms-application.h"
#include "scms-gui-test.h"
#include "scms-members-page.h"
#include "scms-subscription-page.h"
#include "scms-verify-whitelist-page.h"
#include "scms-test-keys.h"
#include "scms-wrap-box.h"

/* Whether what is typed goes into the connect form's row titled @title. */
static gboolean
typing_goes_to (ScmsWindow *window,
                const char *title)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = find_row (GTK_WIDGET (window), title);

  return focus != NULL && row != NULL &&
         (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
test_window_welcome (void)
{
  ScmsWindow *window = create_window (NULL);

  spin (50);
  g_assert_null (scms_window_get_client (window));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (window), "Add a Community"));
  g_assert_true (typing_goes_to (window, "Community ID"));
  /* No community to go back to. */
  g_assert_null (find_shown_text (GTK_WIDGET (window), "_Cancel"));
  g_assert_nonnull (scms_window_get_page (window, "subscription"));
  g_assert_null (scms_window_get_page (window, "no-such-page"));

  destroy_window (window);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* A window that opens a community at once builds no connect form, but
 * whatever shows the connect view shows the form in it. */
static void
test_window_connect_form_when_shown (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  GtkWidget *form;

  spin (50);
  g_assert_null (find_type (GTK_WIDGET (window), SCMS_TYPE_CONNECT_PAGE));
  /* Nor the header bar above it. */
  g_assert_null (find_button (GTK_WIDGET (window), "_Cancel"));

  /* Updating the credentials shows it filled in with the community. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.update-credentials",
                                             NULL));
  spin (50);
  form = find_type (GTK_WIDGET (window), SCMS_TYPE_CONNECT_PAGE);
  g_assert_nonnull (form);
  g_assert_true (gtk_widget_get_mapped (form));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (window), "Connect to the Community"));
  g_assert_true (typing_goes_to (window, "API Key"));
  /* The header bar offers to go back to the community. */
  g_assert_nonnull (find_shown_text (GTK_WIDGET (window), "_Cancel"));

  /* Closing it leaves the same form for next time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-connect", NULL));
  wait_until (is_unmapped, form, "the connect form to go, after the crossfade");
  g_assert_true (find_type (GTK_WIDGET (window), SCMS_TYPE_CONNECT_PAGE) == form);

  destroy_window (window);

  /* Closing the community shows the form too, as a new window would. */
  window = create_window (client);
  spin (50);
  g_assert_null (find_type (GTK_WIDGET (window), SCMS_TYPE_CONNECT_PAGE));
  scms_window_set_client (window, NULL);
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (window), "Add a Community"));
  g_assert_true (typing_goes_to (window, "Community ID"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_window_subscription (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page;

  g_assert_true (scms_window_get_client (window) == client);

  page = scms_window_get_page (window, "subscription");
  g_assert_true (SCMS_IS_SUBSCRIPTION_PAGE (page));
  g_assert_cmpstr (scms_page_get_title (page), ==, "Subscription");
  g_assert_true (scms_page_get_client (page) == client);

  scms_window_set_visible_page (window, "subscription");
  g_assert_true (scms_window_get_visible_page (window) == page);

  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  spin (50);

  g_assert_nonnull (scms_subscription_page_get_subscription (SCMS_SUBSCRIPTION_PAGE (page)));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Pro"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Plan 4"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_window_subscription_error (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = scms_window_get_page (window, "subscription");
  GtkWidget *retry;

  scms_window_set_visible_page (window, "subscription");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);

  /* A first load that fails has nothing to keep: the error takes the
   * page. */
  scms_window_set_client (window, NULL);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR, NULL, 1);
  scms_window_set_client (window, client);
  wait_for_state (page, SCMS_PAGE_STATE_ERROR);
  spin (50);

  g_assert_nonnull (scms_page_get_error_title (page));
  g_assert_nonnull (scms_page_get_error_message (page));
  g_assert_cmpstr (scms_page_get_error_message (page), !=, "");
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), scms_page_get_error_message (page)));
  g_assert_null (find_shown_text (GTK_WIDGET (page), "Pro"));

  /* Retry recovers once the server behaves again. */
  retry = find_shown_text (GTK_WIDGET (page), "_Retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_activate (retry));

  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Pro"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* The Subscription page's endpoint: faults go to it alone, so that no
 * other request a slow build has in flight takes them. */
#define SUB_VERSION "/general/get_sub_version"

#define STALE_PREFIX "Could not reload, so this page shows what it loaded before."

/* For wait_until(): the window @data shows the notice of a failed reload,
 * or does not. The info bar slides in and out, for longer on a slow
 * build. */
static gboolean
stale_notice_shown (gpointer data)
{
  return find_shown_prefix (GTK_WIDGET (data), STALE_PREFIX) != NULL;
}

static gboolean
stale_notice_gone (gpointer data)
{
  return find_shown_prefix (GTK_WIDGET (data), STALE_PREFIX) == NULL;
}

/* Reloading a page that shows results keeps them, with a spinner in the
 * header; when it fails, a notice over them says so, and Retry in it
 * loads them again. */
static void
test_window_reload_keeps_results (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = scms_window_get_page (window, "subscription");
  GtkWidget *spinner;
  GtkWidget *notice;
  GtkWidget *retry;

  scms_window_set_visible_page (window, "subscription");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  spinner = find_type (GTK_WIDGET (window), GTK_TYPE_SPINNER);
  g_assert_nonnull (spinner);
  g_assert_false (gtk_widget_get_mapped (spinner));

  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR, SUB_VERSION, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));

  /* While it loads: the plan stays, and the header spins. */
  g_assert_true (scms_page_get_refreshing (page));
  g_assert_true (gtk_widget_get_mapped (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Pro"));

  wait_for_refresh (page);
  wait_until (stale_notice_shown, window, "the notice");
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_RESULTS);
  g_assert_false (gtk_widget_get_mapped (spinner));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Pro"));
  g_assert_null (find_shown_text (GTK_WIDGET (page), "Could Not Load This Page"));

  /* The notice, with what went wrong and what to do. */
  notice = find_shown_prefix (GTK_WIDGET (window), STALE_PREFIX);
  g_assert_nonnull (notice);
  g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (notice)),
                                   "The server had a problem. Try again later."));

  /* It is the visible page's: another page has none. */
  scms_window_set_visible_page (window, "game-servers");
  wait_for_state (scms_window_get_page (window, "game-servers"), SCMS_PAGE_STATE_RESULTS);
  wait_until (stale_notice_gone, window, "the notice to go");
  scms_window_set_visible_page (window, "subscription");
  wait_until (stale_notice_shown, window, "the notice");

  /* Retry in the notice loads the page again; the notice goes. */
  retry = find_shown_text (GTK_WIDGET (window), "_Retry");
  g_assert_nonnull (retry);
  retry = gtk_widget_get_ancestor (retry, GTK_TYPE_BUTTON);
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_activate (retry));
  /* (A button activated from the keyboard clicks once its press shows.) */
  wait_until (stale_notice_gone, window, "the notice to go");
  wait_for_refresh (page);
  g_assert_null (scms_page_get_stale_message (page));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Pro"));

  /* Closing the notice leaves the results. */
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR, SUB_VERSION, 1);
  scms_page_reload (page);
  wait_for_refresh (page);
  wait_until (stale_notice_shown, window, "the notice");
  notice = find_shown_prefix (GTK_WIDGET (window), STALE_PREFIX);
  gtk_info_bar_response (GTK_INFO_BAR (gtk_widget_get_ancestor (notice, GTK_TYPE_INFO_BAR)),
                         GTK_RESPONSE_CLOSE);
  wait_until (stale_notice_gone, window, "the notice to go");
  g_assert_null (scms_page_get_stale_message (page));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Pro"));

  scms_mock_server_clear_faults (mock_server);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* The sidebar names every page from the start, before any but the one
 * shown is built. */
static void
test_window_sidebar_titles (void)
{
  static const char * const titles[] = {
    "Members", "Account", "Account Ranks", "Check API ID", "Clock In/Out", "Game Servers",
    "Verify Whitelist", "Full Whitelist", "Departments", "Subscription",
  };
  g_autoptr(ScmsClient) client = NULL;
  ScmsWindow *window;
  GtkWidget *sidebar;

  /* In a process of its own, where no other test has built a page. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  client = create_client ();
  window = create_window (client);
  sidebar = find_type (GTK_WIDGET (window), GTK_TYPE_STACK_SIDEBAR);
  spin (100);
  g_assert_nonnull (sidebar);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (find_shown_text (sidebar, titles[i]));

  /* Only the page shown was built; naming the others took no more than
   * their types (building a class compiles its template). */
  g_assert_true (SCMS_IS_MEMBERS_PAGE (scms_window_get_visible_page (window)));
  g_assert_null (g_type_class_peek (SCMS_TYPE_FULL_WHITELIST_PAGE));
  g_assert_null (g_type_class_peek (SCMS_TYPE_VERIFY_WHITELIST_PAGE));
  g_assert_null (g_type_class_peek (SCMS_TYPE_SUBSCRIPTION_PAGE));

  g_assert_cmpstr (scms_page_get_title (scms_window_get_page (window, "full-whitelist")), ==,
                   "Full Whitelist");

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static gboolean
page_spinning (gpointer data)
{
  return scms_page_get_spinning (SCMS_PAGE (data));
}

/* A page that starts loading shows its spinner only after a moment, so
 * that a quick load does not flash one. */
static void
test_window_spinner_after_a_moment (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = scms_window_get_page (window, "subscription");
  GtkWidget *spinner;

  scms_window_set_visible_page (window, "subscription");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  g_assert_false (scms_page_get_spinning (page));

  scms_window_set_client (window, NULL);
  scms_mock_server_set_slow_ms (mock_server, 1500 * test_time_factor ());
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, SUB_VERSION, 1);
  scms_window_set_client (window, client);
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_LOADING);
  spin (50);
  spinner = find_widget (GTK_WIDGET (page), FIND_MAPPED, is_of_type,
                         GSIZE_TO_POINTER (GTK_TYPE_SPINNER));
  g_assert_nonnull (spinner);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  wait_until (page_spinning, page, "the spinner");
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_LOADING);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  g_assert_false (scms_page_get_spinning (page));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* A load cut short by leaving the page waits its moment again when the
   * page comes back and loads anew. */
  scms_window_set_client (window, NULL);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, SUB_VERSION,
                                 G_MAXUINT);
  scms_window_set_client (window, client);
  wait_until (page_spinning, page, "the spinner");
  scms_window_set_visible_page (window, "departments");
  g_assert_false (scms_page_get_spinning (page));
  spin (400);
  g_assert_false (scms_page_get_spinning (page));
  scms_window_set_visible_page (window, "subscription");
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_LOADING);
  g_assert_false (scms_page_get_spinning (page));
  wait_until (page_spinning, page, "the spinner");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);

  scms_mock_server_clear_faults (mock_server);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* A reload cut short by leaving the page starts again when the page is
 * shown again; one that fails for a reason asking again cannot fix
 * replaces the results with the error. */
static void
test_window_reload_left_or_refused (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = scms_window_get_page (window, "subscription");
  guint before;

  scms_window_set_visible_page (window, "subscription");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);

  scms_mock_server_set_slow_ms (mock_server, 400);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, SUB_VERSION, 1);
  scms_page_reload (page);
  g_assert_true (scms_page_get_refreshing (page));
  scms_window_set_visible_page (window, "departments");
  g_assert_false (scms_page_get_refreshing (page));
  spin (600);

  before = scms_mock_server_get_request_count (mock_server, SUB_VERSION);
  scms_window_set_visible_page (window, "subscription");
  g_assert_true (scms_page_get_refreshing (page));
  wait_for_refresh (page);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, SUB_VERSION),
                    ==, before + 1);
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_RESULTS);
  g_assert_null (scms_page_get_stale_message (page));

  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_NOT_ENABLED, SUB_VERSION, 1);
  scms_page_reload (page);
  wait_for_state (page, SCMS_PAGE_STATE_ERROR);
  g_assert_cmpstr (scms_page_get_error_title (page), ==, "Not Available on This Plan");
  g_assert_null (scms_page_get_stale_message (page));

  scms_mock_server_clear_faults (mock_server);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* What a Ctrl+F or Ctrl+L should have focused: an entry of this type in
 * this page. */
static struct
{
  ScmsWindow *window;
  ScmsPage   *page;
  GType       entry_type;
} wanted_focus;

static gboolean
focus_in_wanted_entry (gpointer data)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (wanted_focus.window));

  return focus != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (wanted_focus.page)) &&
         (G_TYPE_CHECK_INSTANCE_TYPE (focus, wanted_focus.entry_type) ||
          gtk_widget_get_ancestor (focus, wanted_focus.entry_type) != NULL);
}

static gboolean
leaflet_shows_content (gpointer data)
{
  AdwLeaflet *leaflet = data;
  GtkWidget *sidebar = find_type (GTK_WIDGET (leaflet), GTK_TYPE_STACK_SIDEBAR);

  return !gtk_widget_is_ancestor (sidebar, adw_leaflet_get_visible_child (leaflet));
}

static gboolean
leaflet_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
}

/* Ctrl+F and Ctrl+L, pressed on the keyboard, reach the page shown from
 * anywhere in the window, the sidebar included, as the shortcuts window
 * promises. */
static void
test_window_page_shortcuts (void)
{
  static const struct
  {
    const char    *page;
    ScmsPageState  state;
    guint          keyval;
    GType        (*entry_type) (void);
  } cases[] = {
    { "members", SCMS_PAGE_STATE_RESULTS, GDK_KEY_f, gtk_search_entry_get_type },
    { "full-whitelist", SCMS_PAGE_STATE_RESULTS, GDK_KEY_f, gtk_search_entry_get_type },
    { "departments", SCMS_PAGE_STATE_RESULTS, GDK_KEY_f, gtk_search_entry_get_type },
    { "account", SCMS_PAGE_STATE_EMPTY, GDK_KEY_l, gtk_text_get_type },
    { "account-ranks", SCMS_PAGE_STATE_EMPTY, GDK_KEY_l, gtk_text_get_type },
    { "check-api-id", SCMS_PAGE_STATE_EMPTY, GDK_KEY_l, gtk_text_get_type },
    { "clock-in-out", SCMS_PAGE_STATE_EMPTY, GDK_KEY_l, gtk_text_get_type },
    { "verify-whitelist", SCMS_PAGE_STATE_EMPTY, GDK_KEY_l, gtk_text_get_type },
  };
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  GtkWidget *sidebar = find_type (GTK_WIDGET (window), GTK_TYPE_STACK_SIDEBAR);
  GtkWidget *sidebar_side;
  AdwLeaflet *leaflet;

  g_assert_nonnull (sidebar);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScmsPage *page = scms_window_get_page (window, cases[i].page);
      GtkWidget *focus;

      g_test_message ("%s", cases[i].page);
      scms_window_set_visible_page (window, cases[i].page);
      spin (50);
      wait_for_state (page, cases[i].state);

      g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, sidebar));

      wanted_focus.window = window;
      wanted_focus.page = page;
      wanted_focus.entry_type = cases[i].entry_type ();
      press_ctrl (GTK_WIDGET (window), cases[i].keyval);
      wait_until (focus_in_wanted_entry, NULL, "the page's entry to have the focus");
    }

  /* A page without a list to search leaves the focus where it is. */
  scms_window_set_visible_page (window, "subscription");
  wait_for_state (scms_window_get_page (window, "subscription"), SCMS_PAGE_STATE_RESULTS);
  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  press_ctrl (GTK_WIDGET (window), GDK_KEY_f);
  spin (100);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), sidebar));

  /* In a window too narrow for both, Ctrl+F from the sidebar shows the
   * page it searches, and only such a page. */
  leaflet = ADW_LEAFLET (find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  wait_until (leaflet_folded, leaflet, "the narrow window to show one side");
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  sidebar_side = adw_leaflet_get_visible_child (leaflet);
  g_assert_true (gtk_widget_is_ancestor (sidebar, sidebar_side));
  press_ctrl (GTK_WIDGET (window), GDK_KEY_f);
  spin (100);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar_side);

  scms_window_set_visible_page (window, "members");
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar_side);
  press_ctrl (GTK_WIDGET (window), GDK_KEY_f);
  wait_until (leaflet_shows_content, leaflet, "the Members page to come forward");

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* Every page fits the narrowest window, 360 px, with its results shown:
 * a page wider than that pushed the header's buttons off the window. */
static void
test_window_pages_fit_narrow (void)
{
  static const struct
  {
    const char    *page;
    ScmsPageState  state;
  } cases[] = {
    { "members", SCMS_PAGE_STATE_RESULTS },
    { "account", SCMS_PAGE_STATE_EMPTY },
    { "account-ranks", SCMS_PAGE_STATE_EMPTY },
    { "check-api-id", SCMS_PAGE_STATE_EMPTY },
    { "clock-in-out", SCMS_PAGE_STATE_EMPTY },
    { "game-servers", SCMS_PAGE_STATE_RESULTS },
    { "verify-whitelist", SCMS_PAGE_STATE_EMPTY },
    { "full-whitelist", SCMS_PAGE_STATE_RESULTS },
    { "departments", SCMS_PAGE_STATE_RESULTS },
    { "subscription", SCMS_PAGE_STATE_RESULTS },
  };
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  int failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScmsPage *page = scms_window_get_page (window, cases[i].page);
      int minimum;

      scms_window_set_visible_page (window, cases[i].page);
      spin (50);
      wait_for_state (page, cases[i].state);
      spin (100);

      gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_test_message ("%s: at least %d px wide", cases[i].page, minimum);
      if (minimum > 360)
        failed++;

      /* The window's content around it too, header bar included. */
      gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > 360)
        {
          g_test_message ("the window with %s: at least %d px wide", cases[i].page, minimum);
          failed++;
        }
    }

  g_assert_cmpint (failed, ==, 0);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* The About window shows the app's icon even when the app runs from the
 * build directory (build-aux/demo.sh): GtkApplication adds the resource
 * path's icons to the icon theme, and the icon is there. */
static void
test_window_app_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (g_resources_get_info (RESOURCE_BASE "/icons/scalable/apps/" APP_ID ".svg",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

  gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE "/icons");
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));

  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  uri = g_file_get_uri (file);
  g_assert_true (g_str_has_prefix (uri, "resource://" RESOURCE_BASE "/icons/") ||
                 g_str_has_prefix (uri, "file://"));
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
popover_shown (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The window's menus are built when first opened, and then show their
 * items: the main menu and the Communities menu over a community, and
 * the main menu over the connect form (with no community saved, it has
 * no Communities menu). */
static void
test_window_menus_when_opened (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  static const char *menus[] = { "Main Menu", "Communities" };
  /* As the labels are written, with their mnemonics. */
  static const char *items[] = { "_Keyboard Shortcuts", "_Add Community…" };

  spin (50);
  for (guint view = 0; view < 2; view++)
    {
      if (view == 1)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                                     "win.update-credentials", NULL));
          spin (400);
        }

      for (guint i = 0; i < (view == 0 ? G_N_ELEMENTS (menus) : 1); i++)
        {
          GtkWidget *button = find_widget (GTK_WIDGET (window), FIND_MAPPED,
                                           is_menu_button, menus[i]);
          GtkPopover *popover;

          g_assert_nonnull (button);
          g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
          /* Its toggle button is what a person clicks. */
          g_assert_true (gtk_widget_get_sensitive (gtk_widget_get_first_child (button)));

          gtk_widget_activate (button);
          wait_until (popover_shown, button, "the menu to open");
          popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
          g_assert_nonnull (find_shown_text (GTK_WIDGET (popover), items[i]));

          /* Opened again, it is the same menu. */
          gtk_popover_popdown (popover);
          wait_until (is_unmapped, popover, "the menu to close");
          gtk_widget_activate (button);
          wait_until (popover_shown, button, "the menu to open again");
          g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover);
          /* Its items are the window's menu: "Communities" shows the one
           * the window keeps up to date. */
          if (i == 1)
            g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)) ==
                           scms_window_get_profiles_menu (window));
          gtk_popover_popdown (popover);
          wait_until (is_unmapped, popover, "the menu to close again");
        }
    }

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static gboolean
is_shortcut_label_for (GtkWidget     *widget,
                       gconstpointer  accelerator)
{
  return GTK_IS_SHORTCUT_LABEL (widget) &&
         g_strcmp0 (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (widget)),
                    accelerator) == 0;
}

static gboolean
help_overlay_shown (gpointer window)
{
  GtkShortcutsWindow *help_overlay =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

  return help_overlay != NULL && gtk_widget_get_mapped (GTK_WIDGET (help_overlay));
}

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* The keyboard shortcuts window is not built with the window, but Ctrl+?
 * shows it, with the accelerators the application sets, and the next time
 * shows the same one. */
static void
test_window_shortcuts_window (void)
{
  g_autoptr(ScmsApplication) app = scms_application_new (APP_ID ".Test",
                                                         G_APPLICATION_NON_UNIQUE);
  guint keys[] = { GDK_KEY_Control_L, GDK_KEY_Shift_L, GDK_KEY_question };
  g_autoptr(GError) error = NULL;
  GtkShortcutsWindow *help_overlay;
  ScmsWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = g_object_ref (scms_window_new (GTK_APPLICATION (app)));
  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  press_keys (GTK_WIDGET (window), keys, G_N_ELEMENTS (keys));
  wait_until (help_overlay_shown, window, "Ctrl+? to show the keyboard shortcuts");
  help_overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (help_overlay), (gpointer *) &help_overlay);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (help_overlay)) == GTK_WINDOW (window));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (help_overlay), "Reload the Page"));
  /* "Show Shortcuts" and "Quit" show the application's accelerators. */
  g_assert_nonnull (find_widget (GTK_WIDGET (help_overlay), FIND_MAPPED,
                                 is_shortcut_label_for, "<Control>question"));
  g_assert_nonnull (find_widget (GTK_WIDGET (help_overlay), FIND_MAPPED,
                                 is_shortcut_label_for, "<Control>q"));

  gtk_window_close (GTK_WINDOW (help_overlay));
  wait_until (is_hidden, help_overlay, "the shortcuts window to hide");
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  wait_until (help_overlay_shown, window, "the Keyboard Shortcuts menu item to work");
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 help_overlay);

  /* It goes with the window. */
  destroy_window (window);
  g_assert_null (help_overlay);
}

/* ScmsWrapBox: a row where its children fit, a column where they do not. */
static void
test_wrap_box_row_or_column (void)
{
  GtkWidget *box = g_object_ref_sink (scms_wrap_box_new ());
  GtkWidget *first = gtk_label_new (NULL);
  GtkWidget *second = gtk_label_new (NULL);
  graphene_rect_t bounds;
  int minimum, natural;

  scms_wrap_box_set_spacing (SCMS_WRAP_BOX (box), 10);
  gtk_widget_set_size_request (first, 100, 20);
  gtk_widget_set_valign (first, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (second, 80, 30);
  gtk_widget_set_parent (first, box);
  gtk_widget_set_parent (second, box);

  /* As narrow as its widest child; naturally, as wide as the row. */
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 100);
  g_assert_cmpint (natural, ==, 190);

  /* Room for the row: side by side, as tall as the taller. */
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 250, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, ==, 30);
  gtk_widget_size_allocate (box, &(GtkAllocation) { 0, 0, 250, 30 }, -1);
  g_assert_true (scms_wrap_box_get_in_row (SCMS_WRAP_BOX (box)));
  g_assert_true (gtk_widget_compute_bounds (second, box, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, 110);
  g_assert_cmpfloat (bounds.origin.y, ==, 0);
  /* A shorter child sits in the row by its valign. */
  g_assert_true (gtk_widget_compute_bounds (first, box, &bounds));
  g_assert_cmpfloat (bounds.origin.y, ==, 5);
  g_assert_cmpfloat (bounds.size.height, ==, 20);

  /* Not enough: one above the other, each as wide as the box. */
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 150, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, ==, 60);
  gtk_widget_size_allocate (box, &(GtkAllocation) { 0, 0, 150, 60 }, -1);
  g_assert_false (scms_wrap_box_get_in_row (SCMS_WRAP_BOX (box)));
  g_assert_true (gtk_widget_compute_bounds (second, box, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, 0);
  g_assert_cmpfloat (bounds.origin.y, ==, 30);
  g_assert_cmpfloat (bounds.size.width, ==, 150);

  /* A hidden child takes no room. */
  gtk_widget_set_visible (first, FALSE);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 80);
  g_assert_cmpint (natural, ==, 80);

  g_object_unref (box);
}

static void
test_window_client_change_cancels (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = scms_window_get_page (window, "subscription");

  scms_window_set_visible_page (window, "subscription");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);

  scms_mock_server_set_slow_ms (mock_server, 300);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, NULL, 1);
  scms_page_reload (page);
  g_assert_true (scms_page_get_refreshing (page));

  /* Closing the community cancels what is in flight, and drops what the
   * page showed of it; the late reply must not bring the page back. */
  scms_window_set_client (window, NULL);
  g_assert_null (scms_page_get_client (page));
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_false (scms_page_get_refreshing (page));

  spin (600);
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_null (scms_subscription_page_get_subscription (SCMS_SUBSCRIPTION_PAGE (page)));

  scms_mock_server_clear_faults (mock_server);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_window_paused_notice (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = scms_window_get_page (window, "subscription");
  const char *prefix = "The server asked to slow down";
  gint64 end;

  scms_window_set_visible_page (window, "subscription");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  g_assert_null (find_shown_prefix (GTK_WIDGET (window), prefix));
  /* The notices are built the first time one shows. */
  g_assert_null (find_type (GTK_WIDGET (window), GTK_TYPE_INFO_BAR));

  /* A 429 pauses the client; the window counts down until it resumes.
   * (Two seconds instead of the minute the app waits at least, longer on
   * a slow build, where the notice could come after the pause ended.) */
  scms_client_set_min_pause (client, 1);
  scms_mock_server_set_retry_after (mock_server, 2 * test_time_factor ());
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_RATE_LIMIT, NULL, 1);
  scms_page_reload (page);

  end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (find_shown_prefix (GTK_WIDGET (window), prefix) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      spin (20);
    }
  g_assert_cmpint (scms_client_get_paused_until (client), >, g_get_monotonic_time ());

  /* Once the pause is over the page loads (or shows the error) and the
   * notice goes away. */
  while (scms_page_get_state (page) == SCMS_PAGE_STATE_LOADING ||
         scms_client_get_paused_until (client) > g_get_monotonic_time ())
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      spin (20);
    }
  spin (600);
  g_assert_null (find_shown_prefix (GTK_WIDGET (window), prefix));

  scms_mock_server_clear_faults (mock_server);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ScmsSubscription **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = scms_client_get_sub_version_finish (SCMS_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

static void
test_window_plan_gate (void)
{
  g_autoptr(ScmsMockServer) standard = scms_mock_server_new ();
  g_autoptr(ScmsSubscription) subscription = NULL;
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  ScmsWindow *window;
  ScmsPage *account;
  ScmsPage *members;

  /* A Standard community: the Account page (Plus) must explain, not call. */
  scms_mock_server_set_tier (standard, SCMS_TIER_STANDARD);
  g_assert_true (scms_mock_server_start (standard, 0, &error));
  client = scms_client_new (scms_mock_server_get_url (standard), SCMS_MOCK_DEFAULT_COMMUNITY_ID,
                            &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);

  scms_client_get_sub_version_async (client, NULL, plan_cb, &subscription);
  while (subscription == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (scms_client_get_subscription (client) == subscription);

  window = create_window (client);
  account = scms_window_get_page (window, "account");
  scms_window_set_visible_page (window, "account");
  wait_for_state (account, SCMS_PAGE_STATE_ERROR);
  g_assert_cmpstr (scms_page_get_error_title (account), ==, "Not Available on This Plan");
  g_assert_nonnull (strstr (scms_page_get_error_message (account), "Plus"));
  g_assert_nonnull (strstr (scms_page_get_error_message (account), "Standard"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (account), "Not Available on This Plan"));
  g_assert_cmpuint (scms_mock_server_get_request_count (standard, "/general/get_com_account"), ==, 0);
  /* Asking again would read the same plan: no Retry. */
  spin (50);
  g_assert_false (scms_page_get_retryable (account));
  g_assert_null (find_shown_text (GTK_WIDGET (account), "_Retry"));

  /* A page the plan includes loads as usual. */
  members = scms_window_get_page (window, "members");
  scms_window_set_visible_page (window, "members");
  wait_for_state (members, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpuint (scms_mock_server_get_request_count (standard, "/general/get_accounts"), >=, 1);

  destroy_window (window);
  scms_mock_server_stop (standard);
}

static void
test_page_toast (void)
{
  ScmsWindow *window = create_window (NULL);
  ScmsPage *page = scms_window_get_page (window, "subscription");

  /* The window template routes add-toast to its overlay, which takes the
   * toast; no handler would leak or warn. */
  scms_page_add_toast (page, adw_toast_new ("Hello"));
  spin (50);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
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

  mock_server = scms_mock_server_new ();
  if (!scms_mock_server_start (mock_server, 0, &error))
    g_error ("Could not start the mock server: %s", error->message);

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/connect-form-when-shown", test_window_connect_form_when_shown);
  g_test_add_func ("/window/subscription", test_window_subscription);
  g_test_add_func ("/window/subscription-error", test_window_subscription_error);
  g_test_add_func ("/window/sidebar-titles", test_window_sidebar_titles);
  g_test_add_func ("/window/spinner-after-a-moment", test_window_spinner_after_a_moment);
  g_test_add_func ("/window/reload-keeps-results", test_window_reload_keeps_results);
  g_test_add_func ("/window/reload-left-or-refused", test_window_reload_left_or_refused);
  g_test_add_func ("/window/client-change-cancels", test_window_client_change_cancels);
  g_test_add_func ("/window/page-shortcuts", test_window_page_shortcuts);
  g_test_add_func ("/window/pages-fit-narrow", test_window_pages_fit_narrow);
  g_test_add_func ("/wrap-box/row-or-column", test_wrap_box_row_or_column);
  g_test_add_func ("/window/app-icon", test_window_app_icon);
  g_test_add_func ("/window/shortcuts-window", test_window_shortcuts_window);
  g_test_add_func ("/window/menus-when-opened", test_window_menus_when_opened);
  g_test_add_func ("/window/paused-notice", test_window_paused_notice);
  g_test_add_func ("/window/plan-gate", test_window_plan_gate);
  g_test_add_func ("/page/toast", test_page_toast);

  ret = g_test_run ();

  scms_mock_server_stop (mock_server);
  g_clear_object (&mock_server);

  return ret;
}
