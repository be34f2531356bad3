/* test-members-page.c — the Members page against the mock
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

#include <string.h>


#include "scms-account-view.h"
#include "scms-gui-test.h"
#include "scms-members-page.h"
#include "scms-test-keys.h"

#define ELENA_ACC_ID "bf2aa8f1-4ee6-449c-b90b-a9e7e0888c79"

typedef struct
{
  ScmsClient      *client;
  ScmsMembersPage *page;
  GtkWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  scms_mock_server_clear_faults (mock_server);
  scms_mock_server_reset_counts (mock_server);
  fixture->client = create_client ();
  fixture->page = g_object_ref_sink (g_object_new (SCMS_TYPE_MEMBERS_PAGE,
                                                   "client", fixture->client,
                                                   NULL));
  fixture->window = show_page (SCMS_PAGE (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ScmsMembersPage *page = g_steal_pointer (&fixture->page);

  scms_mock_server_clear_faults (mock_server);
  destroy_page_window (g_steal_pointer (&fixture->window));
  assert_finalized_soon (page);
  assert_finalized_soon (g_steal_pointer (&fixture->client));
}

static gboolean
not_loading_more (gpointer data)
{
  return !scms_members_page_get_loading_more (SCMS_MEMBERS_PAGE (data));
}

static gboolean
list_scrollable (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) > 2 * gtk_adjustment_get_page_size (adjustment) &&
         gtk_adjustment_get_page_size (adjustment) > 0;
}

static gboolean
view_done (gpointer data)
{
  ScmsAccountView *view = SCMS_ACCOUNT_VIEW (data);

  return scms_account_view_get_account (view) != NULL && !scms_account_view_get_loading (view);
}

static const char *wanted_name;

/* The view shows the member named wanted_name, all loaded. */
static gboolean
view_shows_wanted (gpointer data)
{
  ScmsAccountView *view = SCMS_ACCOUNT_VIEW (data);
  ScmsAccount *account = scms_account_view_get_account (view);

  return account != NULL &&
         g_strcmp0 (scms_account_get_com_name (account), wanted_name) == 0 &&
         !scms_account_view_get_loading (view);
}

static gboolean
pane_scrollable (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100;
}

/* Whether all of @widget is inside the visible part of @scrolled. */
static gboolean
in_sight (GtkWidget *widget,
          GtkWidget *scrolled)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));

  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

/* For wait_until(): whether the label naming a member is, or is not, in
 * sight once the pane has been laid out again. */
static struct
{
  ScmsAccountView *view;
  const char      *name;
  GtkWidget       *scrolled;
} sight;

static gboolean
name_in_sight (gpointer data)
{
  GtkWidget *name = find_shown_text (GTK_WIDGET (sight.view), sight.name);

  return name != NULL && in_sight (name, sight.scrolled);
}

static gboolean
name_out_of_sight (gpointer data)
{
  GtkWidget *name = find_shown_text (GTK_WIDGET (sight.view), sight.name);

  return name != NULL && !in_sight (name, sight.scrolled);
}

/* The selection of the member list (the status drop-down has a list of
 * its own, out of sight). */
static GtkSingleSelection *
member_selection (ScmsMembersPage *page)
{
  GtkWidget *list_view = find_widget (GTK_WIDGET (page), FIND_MAPPED, is_of_type,
                                      GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));

  g_assert_nonnull (list_view);

  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

/* Opens the member at @position in the list and waits until their account
 * pane shows them, all loaded, under @short_name. */
static ScmsAccountView *
open_member (ScmsMembersPage *page,
             guint            position,
             const char      *short_name)
{
  ScmsAccountView *view;

  gtk_single_selection_set_selected (member_selection (page), position);
  view = SCMS_ACCOUNT_VIEW (scms_members_page_get_account_view (page));
  wanted_name = short_name;
  wait_until (view_shows_wanted, view, short_name);

  return view;
}

static gboolean
is_empty_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_label (GTK_LABEL (widget))[0] == '\0';
}

/* The list item holding @widget: what a screen reader names as a row. */
static GtkWidget *
list_item_of (GtkWidget *widget)
{
  while (widget != NULL &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) !=
           GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    widget = gtk_widget_get_parent (widget);

  g_assert_nonnull (widget);

  return widget;
}

static guint
count_status (GListModel       *model,
              ScmsMemberStatus  status)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScmsAccountSummary) summary = g_list_model_get_item (model, i);

      n += scms_account_summary_get_status (summary) == status;
    }

  return n;
}

static void
test_members_list (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GListModel *members = scms_members_page_get_members (fixture->page);

  g_assert_cmpstr (scms_page_get_title (SCMS_PAGE (page)), ==, "Members");
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_LOADING);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (100);

  /* The first page, and the total of all pages. */
  g_assert_cmpuint (scms_members_page_get_total (fixture->page), ==, 160);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 100);
  g_assert_nonnull (find_shown_text (page, "160 members"));
  g_assert_nonnull (find_shown_text (page, "Tobias Wrenfield"));
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
  g_assert_nonnull (find_shown_text (page, "430291437292752760, 9b4e07d2c61a5f38e0d7b2a94c1f6e83d5a0b729"));
  g_assert_nonnull (find_shown_text (page, "Banned"));

  /* The rest when the list is scrolled near its end; never two loads at once. */
  g_assert_true (scms_members_page_load_more (fixture->page));
  g_assert_true (scms_members_page_get_loading_more (fixture->page));
  g_assert_false (scms_members_page_load_more (fixture->page));
  wait_until (not_loading_more, fixture->page, "the second page");
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 160);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/general/get_accounts"),
                    ==, 2);

  /* All loaded: nothing more to ask for. */
  g_assert_false (scms_members_page_load_more (fixture->page));
}

/* The page loads when first shown, straight into its loading state: it
 * does not crossfade to it from the empty state, which showed "No Members"
 * for a moment. */
static void
test_members_first_load (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_LOADING);
  g_assert_nonnull (find_shown_text (page, "Loading members…"));
  g_assert_null (find_shown_text (page, "No Members"));

  /* Nor in the frames that follow. */
  spin (50);
  g_assert_null (find_shown_text (page, "No Members"));

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  g_assert_null (find_shown_text (page, "No Members"));
}

/* The states the page seldom shows are built the first time they show:
 * a page that loads fine has none of them. */
static void
test_members_states_when_shown (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_null (find_widget (page, FIND_ANY, is_status_page_titled, "No Members"));
  g_assert_null (find_widget (page, FIND_ANY, is_status_page_titled, "No Matching Members"));
  g_assert_null (find_widget (page, FIND_ANY, is_status_page_titled,
                              scms_page_get_error_title (SCMS_PAGE (page))));
  g_assert_null (find_button (page, "_Retry"));

  /* Shown, each is there (see empty, error-retry and search-no-match for
   * what they say and do). */
  scms_members_page_set_search (fixture->page, "zzzz");
  spin (50);
  g_assert_nonnull (find_widget (page, FIND_MAPPED, is_status_page_titled,
                                 "No Matching Members"));
  g_assert_null (find_widget (page, FIND_ANY, is_status_page_titled, "No Members"));
}

static gboolean
account_error_shown (gpointer page)
{
  return find_widget (page, FIND_MAPPED, is_status_page_titled,
                      "Could Not Load the Account") != NULL;
}

static gboolean
account_error_gone (gpointer page)
{
  return !account_error_shown (page);
}

/* An account that cannot be loaded says why under the list, with a way to
 * try again; the page that says so is built the first time it is needed. */
static void
test_members_account_error_retry (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  AdwStatusPage *status;
  GtkWidget *retry;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_null (find_widget (page, FIND_ANY, is_status_page_titled,
                              "Could Not Load the Account"));

  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/general/get_com_account", 1);
  gtk_single_selection_set_selected (member_selection (fixture->page), 1);
  wait_until (account_error_shown, page, "the account's error");
  status = ADW_STATUS_PAGE (find_widget (page, FIND_MAPPED, is_status_page_titled,
                                         "Could Not Load the Account"));
  g_assert_nonnull (adw_status_page_get_description (status));
  g_assert_cmpstr (adw_status_page_get_description (status), !=, "");
  g_assert_null (find_shown_text (page, "E. Ashgrove"));

  retry = find_shown_text (page, "Try _Again");
  g_assert_nonnull (retry);
  gtk_test_accessible_assert_property (retry, GTK_ACCESSIBLE_PROPERTY_LABEL, "Try Again");
  g_assert_true (gtk_widget_activate (retry));
  wanted_name = "E. Ashgrove";
  wait_until (view_shows_wanted, scms_members_page_get_account_view (fixture->page),
              "the account, tried again");
  wait_until (account_error_gone, page, "the account's error to go");

  /* Failing again, the same page says so, with the new reason. */
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_NOT_FOUND_HTML,
                                 "/general/get_com_account", 1);
  gtk_single_selection_set_selected (member_selection (fixture->page), 0);
  wait_until (account_error_shown, page, "the account's error, again");
  g_assert_true (ADW_STATUS_PAGE (find_widget (page, FIND_MAPPED, is_status_page_titled,
                                               "Could Not Load the Account")) == status);
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "404"));
}

/* A full page with a member on it twice, as when members join or leave
 * between two pages, is not taken for the last one: the rest loads. */
static void
test_members_repeated_member (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GListModel *members = scms_members_page_get_members (fixture->page);

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_REPEATED_MEMBER,
                                 "/general/get_accounts", 1);
  scms_page_reload (SCMS_PAGE (page));
  g_assert_true (scms_page_get_refreshing (SCMS_PAGE (page)));
  wait_for_refresh (SCMS_PAGE (page));
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_RESULTS);
  g_assert_null (scms_page_get_stale_message (SCMS_PAGE (page)));
  spin (50);

  /* 100 rows, one of them a repeat shown once. */
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 99);
  g_assert_cmpuint (scms_members_page_get_total (fixture->page), ==, 160);
  g_assert_nonnull (find_shown_text (page, "160 members"));

  /* The next page starts after the 100 rows. */
  g_assert_true (scms_members_page_load_more (fixture->page));
  wait_until (not_loading_more, fixture->page, "the second page");
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 159);
  g_assert_false (scms_members_page_load_more (fixture->page));
  g_assert_nonnull (find_shown_text (page, "159 members"));
}

static void
test_members_scroll_loads_more (Fixture       *fixture,
                                gconstpointer  data)
{
  GListModel *members = scms_members_page_get_members (fixture->page);
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  wait_for_state (SCMS_PAGE (fixture->page), SCMS_PAGE_STATE_RESULTS);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 100);

  scrolled = gtk_widget_get_ancestor (find_shown_text (GTK_WIDGET (fixture->page), "Tobias Wrenfield"),
                                      GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  wait_until (list_scrollable, adjustment, "the list to be laid out");
  g_assert_false (scms_members_page_get_loading_more (fixture->page));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));

  g_assert_true (scms_members_page_get_loading_more (fixture->page));
  wait_until (not_loading_more, fixture->page, "the second page");
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 160);
}

static void
test_members_filter_banned (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GListModel *members = scms_members_page_get_members (fixture->page);
  guint n;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);

  scms_members_page_set_filter (fixture->page, SCMS_MEMBER_FILTER_BANNED);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_LOADING);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (100);

  n = g_list_model_get_n_items (members);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (count_status (members, SCMS_MEMBER_STATUS_BANNED), ==, n);
  g_assert_cmpuint (scms_members_page_get_total (fixture->page), ==, n);
  g_assert_nonnull (find_shown_text (page, "Dale Mercer"));
  g_assert_null (find_shown_text (page, "Elena Ashgrove"));
  g_assert_null (find_shown_text (page, "Active"));

  /* Back to everyone. */
  scms_members_page_set_filter (fixture->page, SCMS_MEMBER_FILTER_ALL);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_cmpuint (scms_members_page_get_total (fixture->page), ==, 160);
}

static void
test_members_search (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GListModel *shown = scms_members_page_get_shown (fixture->page);

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100);

  scms_members_page_set_search (fixture->page, "ashgrove");
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
  g_assert_null (find_shown_text (page, "Tobias Wrenfield"));
  g_assert_nonnull (find_shown_text (page, "1 of 100 loaded"));

  /* API IDs are searched too. */
  scms_members_page_set_search (fixture->page, "871923189533843206");
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_nonnull (find_shown_text (page, "Tobias Wrenfield"));

  scms_members_page_set_search (fixture->page, "");
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100);
  g_assert_nonnull (find_shown_text (page, "160 members"));
}

static void
test_members_search_no_match (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_null (find_shown_text (page, "No Matching Members"));

  /* No one matches: the page says so rather than showing an empty list,
   * and that 60 members are not loaded, hence not searched, yet. */
  scms_members_page_set_search (fixture->page, "zzzz");
  spin (50);
  g_assert_nonnull (find_shown_text (page, "No Matching Members"));
  g_assert_nonnull (find_shown_text (page, "No member loaded so far has this name or API ID. "
                                           "Clear the search and scroll the list to load "
                                           "more members."));
  g_assert_nonnull (find_shown_text (page, "0 of 100 loaded"));
  g_assert_null (find_widget (page, FIND_MAPPED, is_of_type,
                              GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW)));

  /* A search that matches again brings the list back. */
  scms_members_page_set_search (fixture->page, "ashgrove");
  spin (50);
  g_assert_null (find_shown_text (page, "No Matching Members"));
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));

  /* With everyone loaded, there is nothing more to load. */
  scms_members_page_set_search (fixture->page, "");
  g_assert_true (scms_members_page_load_more (fixture->page));
  wait_until (not_loading_more, fixture->page, "the second page");
  scms_members_page_set_search (fixture->page, "zzzz");
  spin (50);
  g_assert_nonnull (find_shown_text (page, "No Matching Members"));
  g_assert_nonnull (find_shown_text (page, "No member has this name or API ID."));

  /* Clearing the search shows everyone again. */
  scms_members_page_set_search (fixture->page, "");
  spin (50);
  g_assert_null (find_shown_text (page, "No Matching Members"));
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
}

static void
test_members_open_member (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  ScmsAccountView *view;
  GtkSingleSelection *selection;
  GtkWidget *list_view;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_null (find_shown_text (page, "Copper Basin Police Department"));
  /* The account pane is built when a member is first opened. */
  g_assert_null (find_type (page, SCMS_TYPE_ACCOUNT_VIEW));

  /* Selecting (clicking) Elena opens her account below the list. */
  list_view = gtk_widget_get_ancestor (find_shown_text (page, "Elena Ashgrove"), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  gtk_single_selection_set_selected (selection, 1);

  view = SCMS_ACCOUNT_VIEW (scms_members_page_get_account_view (fixture->page));
  wait_until (view_done, view, "Elena's account");
  g_assert_true (find_type (page, SCMS_TYPE_ACCOUNT_VIEW) == GTK_WIDGET (view));
  spin (50);
  g_assert_cmpstr (scms_account_get_acc_id (scms_account_view_get_account (view)), ==,
                   ELENA_ACC_ID);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (view), "E. Ashgrove"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (view), "Sergeant"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (view), "Copper Basin Police Department"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (view), "Dispatcher"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (view), "Emergency Communications"));
  g_assert_null (find_shown_text (GTK_WIDGET (view), "d84abf9a-95de-4aa7-a0be-c528ca150c3a"));

  /* Closing it hides it again, and lets go of her in the list. */
  g_assert_true (gtk_widget_activate_action (page, "page.close-account", NULL));
  spin (50);
  g_assert_null (find_shown_text (page, "Copper Basin Police Department"));
  g_assert_null (scms_account_view_get_account (view));
  g_assert_null (gtk_single_selection_get_selected_item (selection));

  /* So clicking her again opens her again. */
  gtk_single_selection_set_selected (selection, 1);
  wait_until (view_done, view, "Elena's account again");
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (view), "E. Ashgrove"));
}

static void
test_members_open_member_at_top (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  ScmsAccountView *view;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  GtkWidget *name;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);

  /* Elena, read to the end of her pane. */
  view = open_member (fixture->page, 1, "E. Ashgrove");
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  wait_until (pane_scrollable, adjustment, "her pane to be longer than it is high");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sight.view = view;
  sight.name = "E. Ashgrove";
  sight.scrolled = scrolled;
  wait_until (name_out_of_sight, NULL, "her name to scroll out of sight");

  /* Tobias opens at his name, not at the end. */
  view = open_member (fixture->page, 0, "T. Wrenfield");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  sight.name = "T. Wrenfield";
  wait_until (name_in_sight, NULL, "his name in sight");
  name = find_shown_text (GTK_WIDGET (view), "T. Wrenfield");
  g_assert_true (in_sight (name, scrolled));
}

static void
test_members_search_hides_opened (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  ScmsAccountView *view;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);
  view = open_member (fixture->page, 1, "E. Ashgrove");
  spin (50);

  /* A search that keeps her in the list keeps her open. */
  scms_members_page_set_search (fixture->page, "ashgrove");
  spin (50);
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (view), "E. Ashgrove"));

  /* One that hides her from the list closes her account too. */
  scms_members_page_set_search (fixture->page, "wrenfield");
  spin (50);
  g_assert_null (find_shown_text (page, "Elena Ashgrove"));
  g_assert_null (find_shown_text (page, "E. Ashgrove"));
  g_assert_null (find_shown_text (page, "Copper Basin Police Department"));
  g_assert_null (scms_account_view_get_account (view));

  /* She comes back to the list, not selected, and nothing is open. */
  scms_members_page_set_search (fixture->page, "");
  spin (50);
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
  g_assert_null (find_shown_text (page, "E. Ashgrove"));
  g_assert_null (gtk_single_selection_get_selected_item (member_selection (fixture->page)));
}

static gboolean
account_closed (gpointer data)
{
  return scms_account_view_get_account (SCMS_ACCOUNT_VIEW (data)) == NULL;
}

static gboolean
search_entry_cleared (gpointer data)
{
  return g_str_equal (gtk_editable_get_text (GTK_EDITABLE (data)), "");
}

/* Escape, pressed on the keyboard, closes the member open in the pane. */
static void
test_members_escape_closes (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *list_view;
  GtkWidget *search_entry;
  GtkWidget *focus;
  ScmsAccountView *view;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);

  /* Elena opened from the list, the focus in it. */
  list_view = gtk_widget_get_ancestor (find_shown_text (page, "Elena Ashgrove"),
                                       GTK_TYPE_LIST_VIEW);
  view = open_member (fixture->page, 1, "E. Ashgrove");
  g_assert_true (gtk_widget_grab_focus (list_view));
  focus = gtk_window_get_focus (fixture->window);
  g_assert_true (focus == list_view || gtk_widget_is_ancestor (focus, list_view));

  /* Escape closes her account. */
  press_key (list_view, GDK_KEY_Escape);
  wait_until (account_closed, view, "Escape to close her account");
  spin (50);
  g_assert_null (find_shown_text (page, "E. Ashgrove"));

  /* With nothing open, Escape changes nothing. */
  press_key (list_view, GDK_KEY_Escape);
  spin (50);
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
  g_assert_nonnull (find_shown_text (page, "160 members"));

  /* In the search entry, Escape clears the search first, leaving her open;
   * the next one closes her. */
  gtk_single_selection_set_selected (member_selection (fixture->page), 1);
  wait_until (view_shows_wanted, view, "Elena's account again");
  scms_members_page_set_search (fixture->page, "ashgrove");
  g_assert_true (gtk_widget_activate_action (page, "page.search", NULL));
  spin (50);
  search_entry = gtk_widget_get_ancestor (gtk_window_get_focus (fixture->window),
                                          GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search_entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "ashgrove");

  press_key (search_entry, GDK_KEY_Escape);
  wait_until (search_entry_cleared, search_entry, "Escape to clear the search");
  spin (50);
  g_assert_nonnull (find_shown_text (page, "160 members"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (view), "E. Ashgrove"));

  press_key (search_entry, GDK_KEY_Escape);
  wait_until (account_closed, view, "a second Escape to close her account");
  spin (50);
  g_assert_null (find_shown_text (page, "E. Ashgrove"));
}

static void
test_members_row_lines_aligned (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *name;
  GtkWidget *ids;
  GtkWidget *list;
  graphene_point_t name_origin;
  graphene_point_t ids_origin;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (100);

  /* The documented GET_ACCOUNTS reply has no community name, so there is
   * no second name to show beside the API IDs. */
  name = find_shown_text (page, "Elena Ashgrove");
  ids = find_shown_text (page, "430291437292752760, 9b4e07d2c61a5f38e0d7b2a94c1f6e83d5a0b729");
  g_assert_nonnull (name);
  g_assert_nonnull (ids);
  list = gtk_widget_get_ancestor (name, GTK_TYPE_LIST_VIEW);
  g_assert_true (gtk_widget_compute_point (name, list, &GRAPHENE_POINT_INIT (0, 0), &name_origin));
  g_assert_true (gtk_widget_compute_point (ids, list, &GRAPHENE_POINT_INIT (0, 0), &ids_origin));

  /* Her API IDs start under her name, no empty label before them. */
  g_assert_cmpfloat (ids_origin.x, ==, name_origin.x);
  g_assert_null (find_widget (gtk_widget_get_parent (ids), FIND_MAPPED, is_empty_label, NULL));
}

static gboolean
tobias_alone_shown (gpointer page)
{
  return find_shown_text (GTK_WIDGET (page), "Tobias Wrenfield") != NULL &&
         find_shown_text (GTK_WIDGET (page), "Elena Ashgrove") == NULL;
}

static void
test_members_accessible_names (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  ScmsAccountView *view;
  GtkWidget *row;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (100);

  /* Member rows are named after the member and their status. */
  row = list_item_of (find_shown_text (page, "Elena Ashgrove"));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Elena Ashgrove, Active");
  row = list_item_of (find_shown_text (page, "Dale Mercer"));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Dale Mercer, Banned");

  /* A row given to another member by the search takes their name. */
  scms_members_page_set_search (fixture->page, "wrenfield");
  wait_until (tobias_alone_shown, page, "the search to show Tobias alone");
  row = list_item_of (find_shown_text (page, "Tobias Wrenfield"));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Tobias Wrenfield, Active");
  scms_members_page_set_search (fixture->page, "");
  spin (50);

  /* The account's identifier rows say what they are and hold. */
  view = open_member (fixture->page, 1, "E. Ashgrove");
  spin (50);
  /* AdwActionRow names a row by its title and describes it by its subtitle
   * (labelled-by and described-by). GTK 4.8 reads a label of the row's own
   * before those, so one there too would say "Account ID Account ID". */
  row = find_row (GTK_WIDGET (view), "Account ID");
  g_assert_nonnull (row);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row),
                                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  /* An API ID row's title is the ID: its own label says what it is first,
   * "API ID 430291437292752760". */
  row = find_row (GTK_WIDGET (view), "430291437292752760");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "API ID");
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
}

static void
test_members_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScmsMockServer) server = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = GTK_WIDGET (fixture->page);

  /* The smallest community: the five reference members, none archived. */
  scms_mock_server_set_members (server, 5);
  g_assert_true (scms_mock_server_start (server, 0, &error));
  g_assert_no_error (error);
  client = scms_client_new (scms_mock_server_get_url (server), SCMS_MOCK_DEFAULT_COMMUNITY_ID,
                            &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  scms_page_set_client (SCMS_PAGE (page), client);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpuint (scms_members_page_get_total (fixture->page), ==, 5);

  scms_members_page_set_filter (fixture->page, SCMS_MEMBER_FILTER_ARCHIVED);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_EMPTY);
  spin (50);

  g_assert_nonnull (find_shown_text (page, "No Members"));
  g_assert_cmpuint (g_list_model_get_n_items (scms_members_page_get_members (fixture->page)),
                    ==, 0);

  scms_page_set_client (SCMS_PAGE (page), NULL);
  spin (50);
  scms_mock_server_stop (server);
}

static void
test_members_error_retry (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autoptr(ScmsClient) client = g_object_ref (scms_page_get_client (SCMS_PAGE (page)));
  GtkWidget *retry;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);

  /* A first load that fails has nothing to keep: the error takes the
   * page, with a way to try again. */
  scms_page_set_client (SCMS_PAGE (page), NULL);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/general/get_accounts", 1);
  scms_page_set_client (SCMS_PAGE (page), client);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_ERROR);
  spin (50);

  g_assert_nonnull (find_shown_text (page, scms_page_get_error_message (SCMS_PAGE (page))));
  g_assert_null (find_shown_text (page, "Elena Ashgrove"));
  retry = find_shown_text (page, "_Retry");
  g_assert_nonnull (retry);
  /* Built when first shown, it is named as the page's other buttons are. */
  gtk_test_accessible_assert_property (retry, GTK_ACCESSIBLE_PROPERTY_LABEL, "Retry");
  g_assert_true (gtk_widget_activate (retry));

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  spin (50);
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
  g_assert_cmpuint (scms_members_page_get_total (fixture->page), ==, 160);
}

/* A reload that fails leaves the members listed, not an error where they
 * were; one that works replaces them. */
static void
test_members_reload_keeps_members (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GListModel *members = scms_members_page_get_members (fixture->page);
  const char *stale;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  g_assert_true (scms_members_page_load_more (fixture->page));
  wait_until (not_loading_more, fixture->page, "the second page");
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 160);

  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/general/get_accounts", 1);
  g_assert_true (gtk_widget_activate_action (page, "page.reload", NULL));

  /* While it loads, the members stay. */
  g_assert_true (scms_page_get_refreshing (SCMS_PAGE (page)));
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 160);

  wait_for_refresh (SCMS_PAGE (page));
  spin (50);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 160);
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));
  g_assert_nonnull (find_shown_text (page, "160 members"));

  /* The notice says the list is the earlier one, and why. */
  stale = scms_page_get_stale_message (SCMS_PAGE (page));
  g_assert_nonnull (stale);
  g_assert_true (g_str_has_prefix (stale, "Could not reload"));
  g_assert_true (g_str_has_suffix (stale, "The server had a problem. Try again later."));
  g_assert_null (find_shown_text (page, "Could Not Load This Page"));

  /* Reloading again works: the first page replaces the list, and the
   * notice goes. */
  g_assert_true (gtk_widget_activate_action (page, "page.reload", NULL));
  g_assert_null (scms_page_get_stale_message (SCMS_PAGE (page)));
  wait_for_refresh (SCMS_PAGE (page));
  spin (50);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_RESULTS);
  g_assert_null (scms_page_get_stale_message (SCMS_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 100);
  g_assert_nonnull (find_shown_text (page, "Elena Ashgrove"));

  /* Another status is no earlier view of these: the list empties at once. */
  scms_members_page_set_filter (fixture->page, SCMS_MEMBER_FILTER_BANNED);
  g_assert_false (scms_page_get_refreshing (SCMS_PAGE (page)));
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_LOADING);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 0);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
}

static void
test_members_client_change_cancels (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *view;

  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);

  scms_mock_server_set_slow_ms (mock_server, 300);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, NULL, 2);
  g_assert_true (scms_members_page_load_more (fixture->page));
  scms_members_page_open_member (fixture->page, ELENA_ACC_ID);

  /* Closing the community: late replies must not fill the page. */
  scms_page_set_client (SCMS_PAGE (page), NULL);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_cmpuint (g_list_model_get_n_items (scms_members_page_get_members (fixture->page)),
                    ==, 0);
  spin (800);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_cmpuint (g_list_model_get_n_items (scms_members_page_get_members (fixture->page)),
                    ==, 0);
  g_assert_false (scms_members_page_get_loading_more (fixture->page));

  /* No account came to show: if the pane was built at all, it is empty. */
  view = find_type (page, SCMS_TYPE_ACCOUNT_VIEW);
  g_assert_true (view == NULL || scms_account_view_get_account (SCMS_ACCOUNT_VIEW (view)) == NULL);
}

static void
test_members_focus_search (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *focus;

  wait_for_state (SCMS_PAGE (fixture->page), SCMS_PAGE_STATE_RESULTS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.search",
                                             NULL));
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* GTK's test accessibility backend keeps the accessible names for the
   * tests to read, and like "none" talks to no bus. */
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
  g_type_ensure (SCMS_TYPE_MEMBERS_PAGE);

#define ADD(path, func) \
  g_test_add ("/members-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_members_list);
  ADD ("first-load", test_members_first_load);
  ADD ("states-when-shown", test_members_states_when_shown);
  ADD ("account-error-retry", test_members_account_error_retry);
  ADD ("scroll-loads-more", test_members_scroll_loads_more);
  ADD ("repeated-member", test_members_repeated_member);
  ADD ("filter-banned", test_members_filter_banned);
  ADD ("search", test_members_search);
  ADD ("search-no-match", test_members_search_no_match);
  ADD ("open-member", test_members_open_member);
  ADD ("open-member-at-top", test_members_open_member_at_top);
  ADD ("search-hides-opened", test_members_search_hides_opened);
  ADD ("escape-closes", test_members_escape_closes);
  ADD ("row-lines-aligned", test_members_row_lines_aligned);
  ADD ("accessible-names", test_members_accessible_names);
  ADD ("empty", test_members_empty);
  ADD ("error-retry", test_members_error_retry);
  ADD ("reload-keeps-members", test_members_reload_keeps_members);
  ADD ("client-change-cancels", test_members_client_change_cancels);
  ADD ("focus-search", test_members_focus_search);

#undef ADD

  return run_gui_tests (argc, argv);
}
