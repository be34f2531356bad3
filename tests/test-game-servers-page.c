/* test-game-servers-page.c — the Game Servers page against the mock
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

#include "scms-full-whitelist-page.h"
#include "scms-game-servers-page.h"
#include "scms-gui-test.h"

static ScmsPage *
open_page (ScmsWindow *window)
{
  ScmsPage *page = scms_window_get_page (window, "game-servers");

  g_assert_true (SCMS_IS_GAME_SERVERS_PAGE (page));
  g_assert_cmpstr (scms_page_get_title (page), ==, "Game Servers");
  scms_window_set_visible_page (window, "game-servers");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  spin (50);

  return page;
}

static void
test_servers_list (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = open_page (window);
  GListModel *shown = scms_game_servers_page_get_shown (SCMS_GAME_SERVERS_PAGE (page));

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Copper Basin | Main"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Copper Basin | Training"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Primary FiveM roleplay server"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "2"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_servers_activate (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = open_page (window);
  ScmsPage *whitelist = scms_window_get_page (window, "full-whitelist");
  GtkWidget *view = find_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  GListModel *shown = scms_game_servers_page_get_shown (SCMS_GAME_SERVERS_PAGE (page));
  guint position = G_MAXUINT;

  /* Activate "Copper Basin | Training" as a double-click would. */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ScmsGameServer) server = g_list_model_get_item (shown, i);

      if (scms_game_server_get_id (server) == 2)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_nonnull (view);
  g_signal_emit_by_name (view, "activate", position);

  g_assert_true (scms_window_get_visible_page (window) == whitelist);
  g_assert_cmpint (scms_full_whitelist_page_get_server_id (SCMS_FULL_WHITELIST_PAGE (whitelist)),
                   ==, 2);
  wait_for_state (whitelist, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpint (scms_full_whitelist_page_get_server_id (SCMS_FULL_WHITELIST_PAGE (whitelist)),
                   ==, 2);
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (whitelist), "Copper Basin | Training"));

  /* Back, and another server: the whitelist follows. */
  scms_window_set_visible_page (window, "game-servers");
  scms_game_servers_page_activate (SCMS_GAME_SERVERS_PAGE (page), 0);
  g_assert_true (scms_window_get_visible_page (window) == whitelist);
  wait_for_state (whitelist, SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_cmpint (scms_full_whitelist_page_get_server_id (SCMS_FULL_WHITELIST_PAGE (whitelist)),
                   ==, 1);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (whitelist), "Copper Basin | Main"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static gboolean
widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
tab_active (gpointer data)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (data));
}

/* Clicks the tab of the Full Whitelist page titled @title. */
static void
click_tab (ScmsFullWhitelistPage *whitelist,
           const char            *title)
{
  GtkWidget *label = find_shown_text (GTK_WIDGET (whitelist), title);
  GtkWidget *tab;

  g_assert_nonnull (label);
  tab = gtk_widget_get_ancestor (label, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (tab);
  g_assert_true (gtk_widget_activate (tab));
  /* A button activated from the keyboard is clicked a moment later. */
  wait_until (tab_active, tab, "the tab");
  spin (50);
}

/* The row of the server with ID @id, as the list shows it. */
static guint
find_server_row (ScmsPage *page,
                 gint64    id)
{
  GListModel *shown = scms_game_servers_page_get_shown (SCMS_GAME_SERVERS_PAGE (page));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ScmsGameServer) server = g_list_model_get_item (shown, i);

      if (scms_game_server_get_id (server) == id)
        return i;
    }

  g_assert_not_reached ();
}

static char *
dup_bulk_input (ScmsFullWhitelistPage *whitelist)
{
  GtkWidget *text_view = find_type (GTK_WIDGET (whitelist), GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "Open its whitelist" shows the whitelist, whatever was left on the Full
 * Whitelist page: not the Bulk Check tab, not the rows of an old search.
 * What was pasted for a bulk check is kept. */
static void
test_servers_activate_shows_whole_whitelist (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *whitelist;
  GtkWidget *search_entry;
  GtkWidget *text_view;
  GListModel *shown;

  whitelist = SCMS_FULL_WHITELIST_PAGE (scms_window_get_page (window, "full-whitelist"));
  scms_window_set_visible_page (window, "full-whitelist");
  wait_until (whitelist_ready, whitelist, "the whitelist");
  spin (50);

  /* The one on screen: the server list's popover has one too. */
  search_entry = find_widget (GTK_WIDGET (whitelist), FIND_MAPPED, is_of_type,
                              GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search_entry);
  text_view = find_type (GTK_WIDGET (whitelist), GTK_TYPE_TEXT_VIEW);
  shown = scms_full_whitelist_page_get_shown (whitelist);

  /* Once for another server, once for the one already shown. */
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *count = NULL;
      g_autofree char *bulk_input = NULL;
      ScmsPage *page;
      guint total;

      /* Search, then paste a list on the Bulk Check tab. */
      gtk_editable_set_text (GTK_EDITABLE (search_entry), "tsosie");
      wait_until (whitelist_ready, whitelist, "the search");
      g_assert_cmpuint (g_list_model_get_n_items (shown), <,
                        g_list_model_get_n_items (scms_full_whitelist_page_get_entries (whitelist)));
      click_tab (whitelist, "Bulk Check");
      g_assert_true (gtk_widget_get_mapped (text_view));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                                "430291437292752760\n684737923142603598\n", -1);

      /* Open "Copper Basin | Training" from the Game Servers page. */
      page = open_page (window);
      scms_game_servers_page_activate (SCMS_GAME_SERVERS_PAGE (page), find_server_row (page, 2));
      g_assert_true (scms_window_get_visible_page (window) == SCMS_PAGE (whitelist));
      g_assert_cmpint (scms_full_whitelist_page_get_server_id (whitelist), ==, 2);
      wait_until (whitelist_ready, whitelist, "the whitelist of server 2");
      spin (50);

      /* Its Whitelist tab (once the tabs have cross-faded), every entry
       * shown, an empty search box. */
      wait_until (widget_unmapped, text_view, "the Bulk Check tab to go");
      g_assert_nonnull (find_shown_text (GTK_WIDGET (whitelist), "Copper Basin | Training"));
      g_assert_true (gtk_widget_get_mapped (search_entry));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "");
      total = g_list_model_get_n_items (scms_full_whitelist_page_get_entries (whitelist));
      g_assert_cmpuint (total, >, 1);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, total);
      count = g_strdup_printf ("%u entries", total);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (whitelist), count));

      /* The pasted list is still there. */
      click_tab (whitelist, "Bulk Check");
      g_assert_true (gtk_widget_get_mapped (text_view));
      bulk_input = dup_bulk_input (whitelist);
      g_assert_cmpstr (bulk_input, ==, "430291437292752760\n684737923142603598\n");
      click_tab (whitelist, "Whitelist");
    }

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_servers_empty (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = open_page (window);
  g_autoptr(GListStore) none = g_list_store_new (SCMS_TYPE_GAME_SERVER);

  scms_game_servers_page_set_servers (SCMS_GAME_SERVERS_PAGE (page), G_LIST_MODEL (none));
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_EMPTY);
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "No Game Servers"));
  g_assert_null (find_shown_text (GTK_WIDGET (page), "Copper Basin | Main"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_servers_error_retry (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = scms_window_get_page (window, "game-servers");
  GtkWidget *retry;

  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/servers/get_game_servers", 1);
  scms_window_set_visible_page (window, "game-servers");
  wait_for_state (page, SCMS_PAGE_STATE_ERROR);
  spin (50);

  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), scms_page_get_error_message (page)));
  g_assert_null (find_shown_text (GTK_WIDGET (page), "Copper Basin | Main"));

  retry = find_shown_text (GTK_WIDGET (page), "_Retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_activate (retry));
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Copper Basin | Main"));

  scms_mock_server_clear_faults (mock_server);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_servers_cancel_on_switch (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsPage *page = scms_window_get_page (window, "game-servers");

  scms_mock_server_set_slow_ms (mock_server, 400);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW,
                                 "/servers/get_game_servers", 1);
  scms_window_set_visible_page (window, "game-servers");
  wait_for_state (page, SCMS_PAGE_STATE_LOADING);

  /* Leaving the page cancels the request: the late reply is dropped. */
  scms_window_set_visible_page (window, "subscription");
  spin (700);
  g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_LOADING);
  g_assert_null (scms_game_servers_page_get_servers (SCMS_GAME_SERVERS_PAGE (page)));

  /* Coming back loads it again. */
  scms_window_set_visible_page (window, "game-servers");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);

  scms_mock_server_clear_faults (mock_server);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
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

  g_test_add_func ("/game-servers/list", test_servers_list);
  g_test_add_func ("/game-servers/activate", test_servers_activate);
  g_test_add_func ("/game-servers/activate-shows-whole-whitelist",
                   test_servers_activate_shows_whole_whitelist);
  g_test_add_func ("/game-servers/empty", test_servers_empty);
  g_test_add_func ("/game-servers/error-retry", test_servers_error_retry);
  g_test_add_func ("/game-servers/cancel-on-switch", test_servers_cancel_on_switch);

  ret = g_test_run ();

  scms_mock_server_stop (mock_server);
  g_clear_object (&mock_server);

  return ret;
}
