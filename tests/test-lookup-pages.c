/* test-lookup-pages.c — Account Ranks, Check API ID, Clock In/Out, Verify
 * Whitelist and Departments against the mock
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

#include <libsoup/soup.h>

#include "scms-account-ranks-page.h"
#include "scms-check-api-id-page.h"
#include "scms-clock-in-out-page.h"
#include "scms-departments-page.h"
#include "scms-find-widget.h"
#include "scms-mock-server.h"
#include "scms-test-loop.h"
#include "scms-verify-whitelist-page.h"

#define ELENA   "430291437292752760"
#define TOBIAS  "871923189533843206"
#define PRIYA   "684737923142603598"
#define NOBODY  "111111111111111111"

static ScmsMockServer *live_server;
static ScmsMockServer *docs_server;

static gboolean
is_loading_done (gpointer data)
{
  return scms_page_get_state (SCMS_PAGE (data)) != SCMS_PAGE_STATE_LOADING &&
         !scms_page_get_refreshing (SCMS_PAGE (data));
}

static void
wait_loaded (ScmsPage      *page,
             ScmsPageState  expected)
{
  /* A request may not have started yet when the state is set; let the
   * main loop run the first step. */
  g_main_context_iteration (NULL, FALSE);
  wait_until (is_loading_done, page, "the page to load");
  g_assert_cmpint (scms_page_get_state (page), ==, expected);
}

static ScmsClient *
create_client (ScmsMockServer *server)
{
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = scms_client_new (scms_mock_server_get_url (server),
                            SCMS_MOCK_DEFAULT_COMMUNITY_ID,
                            &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);
  /* The tests make many calls; the rate limit is tested elsewhere. */
  scms_client_set_rate (client, 1000);
  scms_client_set_burst (client, 1000);

  return g_steal_pointer (&client);
}

typedef struct
{
  GtkWindow  *window;
  ScmsPage   *page;
  ScmsClient *client;
  GPtrArray  *toasts;
} Fixture;

static void
add_toast_cb (ScmsPage *page,
              AdwToast *toast,
              Fixture  *fixture)
{
  g_ptr_array_add (fixture->toasts, g_strdup (adw_toast_get_title (toast)));
  g_object_unref (toast);
}

/* Shows a new page of @type in a window, with a client of @server. */
static void
fixture_init (Fixture        *fixture,
              GType           type,
              ScmsMockServer *server)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  fixture->page = g_object_new (type, NULL);
  fixture->toasts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->page, "add-toast", G_CALLBACK (add_toast_cb), fixture);
  gtk_window_set_default_size (fixture->window, 900, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);

  fixture->client = create_client (server);
  scms_page_set_client (fixture->page, fixture->client);
  scms_mock_server_reset_counts (server);
}

static void
fixture_clear (Fixture *fixture)
{
  scms_mock_server_clear_faults (live_server);
  scms_mock_server_clear_faults (docs_server);
  gtk_window_destroy (fixture->window);
  assert_finalized_soon (fixture->window);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
}

static const char *
last_toast (Fixture *fixture)
{
  if (fixture->toasts->len == 0)
    return NULL;

  return g_ptr_array_index (fixture->toasts, fixture->toasts->len - 1);
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The first mapped button under @root showing @label: pages keep buttons
 * of their other states hidden. */
static GtkWidget *
find_shown_button (GtkWidget  *root,
                   const char *label)
{
  return find_widget (root, FIND_MAPPED, is_button_with_label, label);
}

static void
find_member (ScmsMemberFinder *finder,
             const char       *identifier)
{
  scms_member_finder_set_kind (finder, SCMS_ID_KIND_API_ID);
  scms_member_finder_set_text (finder, identifier);
  g_assert_true (scms_member_finder_submit (finder));
}

/* Account Ranks */

/* Whether @cell, a label or an inscription, has room for all of @text. */
static void
assert_not_cut (GtkWidget  *cell,
                const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  g_assert_nonnull (cell);
  layout = gtk_widget_create_pango_layout (cell, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_test_message ("“%s”: %d px of text in %d px", text, width, gtk_widget_get_width (cell));
  g_assert_cmpint (width, <=, gtk_widget_get_width (cell));
}

static gboolean
department_cell_laid_out (gpointer page)
{
  GtkWidget *cell = find_shown_cell (page, "Copper Basin Police Department (CBPD)");

  return cell != NULL && gtk_widget_get_width (cell) > 0;
}

static void
test_ranks_success (void)
{
  static const char * const departments[] = {
    "Copper Basin Police Department (CBPD)",
    "Emergency Communications (COMMS)",
  };
  Fixture f = { 0 };
  ScmsAccountRanksPage *page;
  GListModel *ranks;
  g_autoptr(ScmsRank) first = NULL;

  fixture_init (&f, SCMS_TYPE_ACCOUNT_RANKS_PAGE, live_server);
  page = SCMS_ACCOUNT_RANKS_PAGE (f.page);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Look Up a Member"));

  /* As wide as a page in the app's window at its default size. */
  gtk_window_set_default_size (f.window, 720, 600);

  find_member (scms_account_ranks_page_get_finder (page), ELENA);
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);

  /* The reply names no one: the page says whose ranks these are. */
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page),
                                     "Ranks of the member with API ID “" ELENA "”"));

  ranks = scms_account_ranks_page_get_ranks (page);
  g_assert_cmpuint (g_list_model_get_n_items (ranks), ==, 3);
  first = g_list_model_get_item (ranks, 0);
  g_assert_cmpstr (scms_rank_get_label (first), ==, "Sergeant");
  g_assert_cmpstr (scms_rank_get_department_short (first), ==, "CBPD");

  /* People see the names, not only the IDs, and whole: the longest
   * department name fits at the window's default width (once the rows
   * are laid out). */
  wait_until (department_cell_laid_out, page, "the ranks to be laid out");
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Dispatcher"));
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    assert_not_cut (find_shown_cell (GTK_WIDGET (page), departments[i]), departments[i]);

  fixture_clear (&f);
}

static void
test_ranks_empty (void)
{
  Fixture f = { 0 };

  fixture_init (&f, SCMS_TYPE_ACCOUNT_RANKS_PAGE, live_server);
  find_member (scms_account_ranks_page_get_finder (SCMS_ACCOUNT_RANKS_PAGE (f.page)), PRIYA);
  wait_loaded (f.page, SCMS_PAGE_STATE_EMPTY);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), "No Ranks"));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page),
                                     "The member with API ID “" PRIYA
                                     "” holds no rank in the community."));

  fixture_clear (&f);
}

static void
test_ranks_not_found (void)
{
  Fixture f = { 0 };

  fixture_init (&f, SCMS_TYPE_ACCOUNT_RANKS_PAGE, docs_server);
  find_member (scms_account_ranks_page_get_finder (SCMS_ACCOUNT_RANKS_PAGE (f.page)), NOBODY);
  wait_loaded (f.page, SCMS_PAGE_STATE_ERROR);
  g_assert_cmpstr (scms_page_get_error_title (f.page), ==, "No Member Found");
  /* Asking again would not find them: no Retry. */
  spin (50);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), "No Member Found"));
  g_assert_null (find_shown_button (GTK_WIDGET (f.page), "_Retry"));

  fixture_clear (&f);
}

static void
test_ranks_error (void)
{
  Fixture f = { 0 };

  fixture_init (&f, SCMS_TYPE_ACCOUNT_RANKS_PAGE, live_server);
  scms_mock_server_inject_fault (live_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/general/get_account_ranks", 1);
  find_member (scms_account_ranks_page_get_finder (SCMS_ACCOUNT_RANKS_PAGE (f.page)), ELENA);
  wait_loaded (f.page, SCMS_PAGE_STATE_ERROR);
  g_assert_cmpstr (scms_page_get_error_title (f.page), ==, "Could Not Look Up the Member");
  g_assert_nonnull (scms_page_get_error_message (f.page));
  g_assert_nonnull (find_shown_button (GTK_WIDGET (f.page), "_Retry"));

  /* Retry asks again, and this time the server answers. */
  scms_page_reload (f.page);
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);

  fixture_clear (&f);
}

static void
test_ranks_invalid (void)
{
  Fixture f = { 0 };
  ScmsMemberFinder *finder;

  fixture_init (&f, SCMS_TYPE_ACCOUNT_RANKS_PAGE, live_server);
  finder = scms_account_ranks_page_get_finder (SCMS_ACCOUNT_RANKS_PAGE (f.page));

  scms_member_finder_set_text (finder, "   ");
  g_assert_false (scms_member_finder_submit (finder));
  scms_member_finder_set_kind (finder, SCMS_ID_KIND_UNIQUE_ID);
  scms_member_finder_set_text (finder, "12a");
  g_assert_false (scms_member_finder_submit (finder));
  g_assert_nonnull (scms_member_finder_get_message (finder));

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (live_server, NULL), ==, 0);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);

  fixture_clear (&f);
}

static void
test_ranks_cancel_on_client_change (void)
{
  Fixture f = { 0 };
  ScmsAccountRanksPage *page;

  fixture_init (&f, SCMS_TYPE_ACCOUNT_RANKS_PAGE, live_server);
  page = SCMS_ACCOUNT_RANKS_PAGE (f.page);
  scms_mock_server_set_slow_ms (live_server, 800);
  scms_mock_server_inject_fault (live_server, SCMS_MOCK_FAULT_SLOW, NULL, 1);

  find_member (scms_account_ranks_page_get_finder (page), ELENA);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_LOADING);

  scms_page_set_client (f.page, NULL);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);

  /* The late reply must not bring the old community's member back. */
  spin (1500);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_cmpuint (g_list_model_get_n_items (scms_account_ranks_page_get_ranks (page)), ==, 0);

  fixture_clear (&f);
}

/* Check API ID */

static void
test_check_api_id (void)
{
  Fixture f = { 0 };
  ScmsCheckApiIdPage *page;

  fixture_init (&f, SCMS_TYPE_CHECK_API_ID_PAGE, live_server);
  page = SCMS_CHECK_API_ID_PAGE (f.page);

  scms_check_api_id_page_set_text (page, "  " ELENA " ");
  g_assert_true (scms_check_api_id_page_check (page));
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpstr (scms_check_api_id_page_get_linked_name (page), ==, "Elena Ashgrove");
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Linked to Elena Ashgrove"));

  /* Not linked is an answer, not a failure. */
  scms_check_api_id_page_set_text (page, NOBODY);
  g_assert_true (scms_check_api_id_page_check (page));
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);
  g_assert_true (scms_check_api_id_page_get_checked (page));
  g_assert_null (scms_check_api_id_page_get_linked_name (page));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Not Linked"));

  fixture_clear (&f);
}

static void
test_check_api_id_invalid (void)
{
  Fixture f = { 0 };
  ScmsCheckApiIdPage *page;
  g_autofree char *too_long = g_strnfill (SCMS_IDENTIFIER_MAX_LENGTH + 1, '7');

  fixture_init (&f, SCMS_TYPE_CHECK_API_ID_PAGE, live_server);
  page = SCMS_CHECK_API_ID_PAGE (f.page);

  scms_check_api_id_page_set_text (page, " ");
  g_assert_false (scms_check_api_id_page_check (page));
  g_assert_nonnull (scms_check_api_id_page_get_message (page));

  scms_check_api_id_page_set_text (page, too_long);
  g_assert_null (scms_check_api_id_page_get_message (page));
  g_assert_false (scms_check_api_id_page_check (page));
  g_assert_nonnull (scms_check_api_id_page_get_message (page));

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (live_server, NULL), ==, 0);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);

  fixture_clear (&f);
}

static void
test_check_api_id_error (void)
{
  Fixture f = { 0 };
  ScmsCheckApiIdPage *page;

  fixture_init (&f, SCMS_TYPE_CHECK_API_ID_PAGE, live_server);
  page = SCMS_CHECK_API_ID_PAGE (f.page);
  scms_mock_server_inject_fault (live_server, SCMS_MOCK_FAULT_SERVER_ERROR, NULL, 1);

  scms_check_api_id_page_set_text (page, ELENA);
  g_assert_true (scms_check_api_id_page_check (page));
  wait_loaded (f.page, SCMS_PAGE_STATE_ERROR);
  g_assert_cmpstr (scms_page_get_error_title (f.page), ==, "Could Not Check the API ID");
  g_assert_false (scms_check_api_id_page_get_checked (page));

  fixture_clear (&f);
}

/* Clock In/Out */

static gboolean
is_idle (gpointer data)
{
  return !scms_clock_in_out_page_get_busy (SCMS_CLOCK_IN_OUT_PAGE (data));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
click (GtkWidget *root,
       const char *label)
{
  GtkWidget *button = find_shown_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_main_context_iteration (NULL, FALSE);
}

/* The one suggested action a view may have, or NULL (failing when there
 * are more): the label of that mapped button. */
static void
collect_suggested (GtkWidget *widget,
                   GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action"))
    g_ptr_array_add (found, (gpointer) gtk_button_get_label (GTK_BUTTON (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_suggested (child, found);
}

static const char *
suggested_action (GtkWidget *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_suggested (root, found);
  g_assert_cmpuint (found->len, <=, 1);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static const char *wanted_cell;

static gboolean
wanted_cell_shown (gpointer data)
{
  return find_shown_cell (GTK_WIDGET (data), wanted_cell) != NULL;
}

static void
run_clock_in_out (ScmsMockServer *server)
{
  g_autoptr(GSettings) interface = g_settings_new ("org.gnome.desktop.interface");
  g_autoptr(GDateTime) start_utc = NULL;
  g_autofree char *since = NULL;
  g_autofree char *since_12_hour = NULL;
  GDateTime *start;
  Fixture f = { 0 };
  ScmsClockInOutPage *page;
  AdwMessageDialog *dialog;

  fixture_init (&f, SCMS_TYPE_CLOCK_IN_OUT_PAGE, server);
  page = SCMS_CLOCK_IN_OUT_PAGE (f.page);
  spin (50);
  g_assert_cmpstr (suggested_action (GTK_WIDGET (page)), ==, "_Look Up");

  find_member (scms_clock_in_out_page_get_finder (page), ELENA);
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpstr (scms_clock_in_out_page_get_member_name (page), ==, "Elena Ashgrove");
  g_assert_false (scms_clock_in_out_page_get_clocked_in (page));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Not clocked in"));
  g_assert_false (gtk_widget_is_sensitive (find_shown_button (GTK_WIDGET (page), "Clock _Out")));
  /* One suggested action: the one that applies to the member shown. */
  spin (50);
  g_assert_cmpstr (suggested_action (GTK_WIDGET (page)), ==, "Clock _In");

  /* Clock In: the state is read first, then toggled. */
  scms_mock_server_reset_counts (server);
  click (GTK_WIDGET (page), "Clock _In");
  g_assert_true (scms_clock_in_out_page_get_busy (page));
  wait_until (is_idle, page, "clocking in");
  g_assert_true (scms_clock_in_out_page_get_clocked_in (page));
  g_assert_cmpstr (last_toast (&f), ==, "Elena Ashgrove clocked in");
  g_assert_cmpuint (scms_mock_server_get_request_count (server, "/general/clock_in_out"), ==, 1);
  g_assert_cmpuint (scms_mock_server_get_request_count (server, "/general/get_current_clock_in"),
                    >=, 2);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Clocked in"));
  start = scms_clock_in_get_start_date_time (scms_clock_in_out_page_get_clock_in (page));
  g_assert_nonnull (start);
  /* Written as the account view writes dates (the tests run in UTC). */
  start_utc = g_date_time_to_utc (start);
  since = g_date_time_format (start_utc, "Since %B %-d, %Y at %H:%M");
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), since));

  /* Written again at once when the desktop switches to a 12-hour clock. */
  since_12_hour = g_date_time_format (start_utc, "Since %B %-d, %Y at %-l:%M %p");
  g_settings_set_string (interface, "clock-format", "12h");
  wanted_cell = since_12_hour;
  wait_until (wanted_cell_shown, page, "the start on a 12-hour clock");
  g_assert_null (find_shown_cell (GTK_WIDGET (page), since));
  g_settings_reset (interface, "clock-format");
  wanted_cell = since;
  wait_until (wanted_cell_shown, page, "the start on a 24-hour clock");
  g_assert_false (gtk_widget_is_sensitive (find_shown_button (GTK_WIDGET (page), "Clock _In")));
  g_assert_cmpstr (suggested_action (GTK_WIDGET (page)), ==, "Clock _Out");

  /* Clock Out. */
  click (GTK_WIDGET (page), "Clock _Out");
  wait_until (is_idle, page, "clocking out");
  g_assert_false (scms_clock_in_out_page_get_clocked_in (page));
  g_assert_cmpstr (last_toast (&f), ==, "Elena Ashgrove clocked out");
  g_assert_cmpstr (suggested_action (GTK_WIDGET (page)), ==, "Clock _In");

  /* Force Clock In asks first; cancelling sends nothing. */
  scms_mock_server_reset_counts (server);
  click (GTK_WIDGET (page), "_Force Clock In");
  wait_until (has_dialog, NULL, "the confirmation");
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Force Clock In?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "force"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (server, "/general/clock_in_out"), ==, 0);

  click (GTK_WIDGET (page), "_Force Clock In");
  wait_until (has_dialog, NULL, "the confirmation");
  adw_message_dialog_response (find_message_dialog (), "force");
  g_main_context_iteration (NULL, FALSE);
  wait_until (is_idle, page, "forcing a clock-in");
  g_assert_true (scms_clock_in_out_page_get_clocked_in (page));
  g_assert_cmpstr (last_toast (&f), ==, "Elena Ashgrove clocked in");
  g_assert_cmpuint (scms_mock_server_get_request_count (server, "/general/clock_in_out"), ==, 1);

  /* Clock In stays off while she is in; Clock Out ends the forced shift. */
  scms_mock_server_reset_counts (server);
  g_assert_false (gtk_widget_is_sensitive (find_shown_button (GTK_WIDGET (page), "Clock _In")));
  click (GTK_WIDGET (page), "Clock _Out");
  wait_until (is_idle, page, "clocking out");
  g_assert_false (scms_clock_in_out_page_get_clocked_in (page));

  fixture_clear (&f);
}

static void
test_clock_in_out_live (void)
{
  run_clock_in_out (live_server);
}

static void
test_clock_in_out_docs (void)
{
  run_clock_in_out (docs_server);
}

static gboolean
clock_sent (gpointer data)
{
  return scms_mock_server_get_request_count (SCMS_MOCK_SERVER (data),
                                             "/general/clock_in_out") == 1;
}

static gboolean
has_toasts (gpointer data)
{
  Fixture *fixture = data;

  return fixture->toasts->len > 0;
}

/* Elena, clocked out, shown in a new Clock In/Out page of @f, and Clock In
 * pressed: the call is sent, and its answer takes 400 ms. */
static ScmsClockInOutPage *
start_slow_clock_in (Fixture *f)
{
  ScmsClockInOutPage *page;

  fixture_init (f, SCMS_TYPE_CLOCK_IN_OUT_PAGE, live_server);
  page = SCMS_CLOCK_IN_OUT_PAGE (f->page);
  find_member (scms_clock_in_out_page_get_finder (page), ELENA);
  wait_loaded (f->page, SCMS_PAGE_STATE_RESULTS);
  g_assert_false (scms_clock_in_out_page_get_clocked_in (page));

  scms_mock_server_reset_counts (live_server);
  scms_mock_server_set_slow_ms (live_server, 400);
  scms_mock_server_inject_fault (live_server, SCMS_MOCK_FAULT_SLOW, "/general/clock_in_out", 1);
  click (GTK_WIDGET (page), "Clock _In");
  wait_until (clock_sent, live_server, "the clock-in to be sent");

  return page;
}

/* A clock-in already sent when the page loads again (Ctrl+R, a new lookup,
 * another page) still ends with its toast and the new state: once sent, it
 * may have taken effect, and dropping its answer hid that. */
static void
test_clock_reload_while_clocking (void)
{
  Fixture f = { 0 };
  ScmsClockInOutPage *page;

  page = start_slow_clock_in (&f);

  scms_page_reload (f.page);
  g_assert_true (scms_clock_in_out_page_get_busy (page));
  wait_until (has_toasts, &f, "the toast");
  g_assert_cmpstr (last_toast (&f), ==, "Elena Ashgrove clocked in");
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);
  wait_until (is_idle, page, "the page to be done");
  g_assert_true (scms_clock_in_out_page_get_clocked_in (page));
  g_assert_true (gtk_widget_is_sensitive (find_shown_button (GTK_WIDGET (page), "Clock _Out")));

  /* Out again, as the other tests expect her. */
  click (GTK_WIDGET (page), "Clock _Out");
  wait_until (is_idle, page, "clocking out");
  g_assert_false (scms_clock_in_out_page_get_clocked_in (page));

  fixture_clear (&f);
}

/* A clock-in under way when another community is opened: its answer, when
 * it comes, is no longer the page's. */
static void
test_clock_client_change_while_clocking (void)
{
  Fixture f = { 0 };
  ScmsClockInOutPage *page;
  g_autoptr(ScmsClient) other = create_client (live_server);

  page = start_slow_clock_in (&f);

  g_object_set (f.page, "client", other, NULL);
  g_assert_false (scms_clock_in_out_page_get_busy (page));
  spin (800);
  g_assert_cmpuint (f.toasts->len, ==, 0);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_cmpuint (scms_mock_server_get_request_count (live_server,
                                                        "/general/get_current_clock_in"), ==, 1);

  /* The server took it: out again, as the other tests expect her. */
  find_member (scms_clock_in_out_page_get_finder (page), ELENA);
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);
  g_assert_true (scms_clock_in_out_page_get_clocked_in (page));
  click (GTK_WIDGET (page), "Clock _Out");
  wait_until (is_idle, page, "clocking out");
  g_assert_false (scms_clock_in_out_page_get_clocked_in (page));

  fixture_clear (&f);
}

static void
test_clock_not_found (void)
{
  Fixture f = { 0 };

  fixture_init (&f, SCMS_TYPE_CLOCK_IN_OUT_PAGE, live_server);
  find_member (scms_clock_in_out_page_get_finder (SCMS_CLOCK_IN_OUT_PAGE (f.page)), NOBODY);
  wait_loaded (f.page, SCMS_PAGE_STATE_ERROR);
  g_assert_cmpstr (scms_page_get_error_title (f.page), ==, "No Member Found");
  spin (50);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), "No Member Found"));
  g_assert_null (find_shown_button (GTK_WIDGET (f.page), "_Retry"));
  g_assert_cmpuint (scms_mock_server_get_request_count (live_server, "/general/clock_in_out"),
                    ==, 0);

  fixture_clear (&f);
}

static void
test_clock_error (void)
{
  Fixture f = { 0 };

  fixture_init (&f, SCMS_TYPE_CLOCK_IN_OUT_PAGE, live_server);

  /* After a member who was not found, a failure offers Retry again. */
  find_member (scms_clock_in_out_page_get_finder (SCMS_CLOCK_IN_OUT_PAGE (f.page)), NOBODY);
  wait_loaded (f.page, SCMS_PAGE_STATE_ERROR);
  g_assert_false (scms_page_get_retryable (f.page));

  scms_mock_server_inject_fault (live_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/general/get_current_clock_in", 1);
  find_member (scms_clock_in_out_page_get_finder (SCMS_CLOCK_IN_OUT_PAGE (f.page)), ELENA);
  wait_loaded (f.page, SCMS_PAGE_STATE_ERROR);
  /* She was found; whether she is clocked in could not be read. */
  g_assert_cmpstr (scms_page_get_error_title (f.page), ==, "Could Not Check the Clock-In");
  spin (50);
  g_assert_nonnull (find_shown_button (GTK_WIDGET (f.page), "_Retry"));

  fixture_clear (&f);
}

static void
test_clock_invalid (void)
{
  Fixture f = { 0 };
  ScmsMemberFinder *finder;

  fixture_init (&f, SCMS_TYPE_CLOCK_IN_OUT_PAGE, live_server);
  finder = scms_clock_in_out_page_get_finder (SCMS_CLOCK_IN_OUT_PAGE (f.page));
  scms_member_finder_set_kind (finder, SCMS_ID_KIND_DISCORD);
  scms_member_finder_set_text (finder, "1234");
  g_assert_false (scms_member_finder_submit (finder));

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (live_server, NULL), ==, 0);

  fixture_clear (&f);
}

/* Verify Whitelist */

static void
verify (Fixture     *f,
        const char  *identifier)
{
  ScmsVerifyWhitelistPage *page = SCMS_VERIFY_WHITELIST_PAGE (f->page);

  find_member (scms_verify_whitelist_page_get_finder (page), identifier);
  wait_loaded (f->page, SCMS_PAGE_STATE_RESULTS);
}

static void
run_verify_whitelist (ScmsMockServer *server)
{
  Fixture f = { 0 };
  ScmsVerifyWhitelistPage *page;
  ScmsWhitelistVerdict *verdict;

  fixture_init (&f, SCMS_TYPE_VERIFY_WHITELIST_PAGE, server);
  page = SCMS_VERIFY_WHITELIST_PAGE (f.page);

  /* The servers load when the page is shown. */
  wait_loaded (f.page, SCMS_PAGE_STATE_EMPTY);
  g_assert_cmpuint (g_list_model_get_n_items (scms_verify_whitelist_page_get_servers (page)),
                    ==, 2);
  g_assert_cmpstr (scms_member_finder_get_button_label (scms_verify_whitelist_page_get_finder (page)),
                   ==, "_Verify");
  g_assert_true (scms_verify_whitelist_page_set_server_id (page, 1));
  g_assert_cmpint (scms_verify_whitelist_page_get_server_id (page), ==, 1);

  verify (&f, ELENA);
  verdict = scms_verify_whitelist_page_get_verdict (page);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (verdict), ==, SCMS_VERDICT_ALLOWED);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Allowed"));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Elena Ashgrove"));
  /* The server is named once, under the verdict. */
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "May join this server"));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Server: Copper Basin | Main"));

  verify (&f, TOBIAS);
  verdict = scms_verify_whitelist_page_get_verdict (page);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (verdict), ==, SCMS_VERDICT_BYPASSED);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Bypassed"));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Tobias Wrenfield"));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Allowed through a whitelist bypass"));

  /* A denial is a verdict, shown as a result. */
  verify (&f, PRIYA);
  verdict = scms_verify_whitelist_page_get_verdict (page);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (verdict), ==, SCMS_VERDICT_NOT_ALLOWED);
  g_assert_false (scms_whitelist_verdict_get_allowed (verdict));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Not Allowed"));
  /* The server names only those who may join: the identifier asked about
   * says whom the denial is about. */
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), PRIYA));
  g_assert_null (find_shown_cell (GTK_WIDGET (page), "Elena Ashgrove"));
  g_assert_null (find_shown_cell (GTK_WIDGET (page), "Tobias Wrenfield"));

  /* No member is not a denial of one. */
  verify (&f, NOBODY);
  verdict = scms_verify_whitelist_page_get_verdict (page);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (verdict), ==, SCMS_VERDICT_UNKNOWN_MEMBER);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "No Member Found"));
  g_assert_null (find_shown_cell (GTK_WIDGET (page), "Not Allowed"));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page),
                                     "No member matches this identifier, so no one can join "
                                     "with it. Check it and try again."));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), NOBODY));

  fixture_clear (&f);
}

static void
test_verify_live (void)
{
  run_verify_whitelist (live_server);
}

static void
test_verify_docs (void)
{
  run_verify_whitelist (docs_server);
}

static void
test_verify_error (void)
{
  Fixture f = { 0 };
  ScmsVerifyWhitelistPage *page;

  fixture_init (&f, SCMS_TYPE_VERIFY_WHITELIST_PAGE, live_server);
  page = SCMS_VERIFY_WHITELIST_PAGE (f.page);
  wait_loaded (f.page, SCMS_PAGE_STATE_EMPTY);

  scms_mock_server_inject_fault (live_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/servers/verify_whitelist", 1);
  find_member (scms_verify_whitelist_page_get_finder (page), ELENA);
  wait_loaded (f.page, SCMS_PAGE_STATE_ERROR);
  g_assert_cmpstr (scms_page_get_error_title (f.page), ==, "Could Not Verify the Member");
  g_assert_null (scms_verify_whitelist_page_get_verdict (page));

  /* Retry asks again for the same member. */
  scms_page_reload (f.page);
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpint (scms_whitelist_verdict_get_verdict (scms_verify_whitelist_page_get_verdict (page)),
                   ==, SCMS_VERDICT_ALLOWED);

  fixture_clear (&f);
}

static void
test_verify_invalid (void)
{
  Fixture f = { 0 };
  ScmsMemberFinder *finder;

  fixture_init (&f, SCMS_TYPE_VERIFY_WHITELIST_PAGE, live_server);
  wait_loaded (f.page, SCMS_PAGE_STATE_EMPTY);
  scms_mock_server_reset_counts (live_server);

  finder = scms_verify_whitelist_page_get_finder (SCMS_VERIFY_WHITELIST_PAGE (f.page));
  scms_member_finder_set_text (finder, "");
  g_assert_false (scms_member_finder_submit (finder));

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (live_server, NULL), ==, 0);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);

  fixture_clear (&f);
}

/* Departments */

static void
test_departments (void)
{
  Fixture f = { 0 };
  ScmsDepartmentsPage *page;

  fixture_init (&f, SCMS_TYPE_DEPARTMENTS_PAGE, live_server);
  page = SCMS_DEPARTMENTS_PAGE (f.page);
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);

  g_assert_cmpuint (g_list_model_get_n_items (scms_departments_page_get_departments (page)), ==, 5);
  g_assert_cmpuint (scms_departments_page_get_n_shown (page), ==, 18);
  spin (100);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Copper Basin Fire & Rescue"));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "Power 40"));

  /* Each Copy button says whose ID it copies: 18 of them all named "Copy
   * Rank ID" could only be told apart by their order. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), FIND_MAPPED, is_button_named,
                                 "Copy the Rank ID of Sergeant"));
  g_assert_null (find_widget (GTK_WIDGET (page), FIND_MAPPED, is_button_named, "Copy Rank ID"));

  /* Search over rank names, across departments. */
  scms_departments_page_set_search (page, "sergeant");
  g_assert_cmpuint (scms_departments_page_get_n_shown (page), ==, 2);
  scms_departments_page_set_search (page, "no such rank");
  g_assert_cmpuint (scms_departments_page_get_n_shown (page), ==, 0);
  spin (100);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "No Matching Ranks"));
  scms_departments_page_set_search (page, NULL);
  g_assert_cmpuint (scms_departments_page_get_n_shown (page), ==, 18);

  /* Reload asks the server again rather than reading the cache. */
  scms_mock_server_reset_counts (live_server);
  scms_page_reload (f.page);
  g_assert_true (scms_page_get_refreshing (f.page));
  g_assert_cmpuint (scms_departments_page_get_n_shown (page), ==, 18);
  wait_loaded (f.page, SCMS_PAGE_STATE_RESULTS);
  g_assert_cmpuint (scms_mock_server_get_request_count (live_server, "/general/get_departments"),
                    ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scms_departments_page_get_departments (page)), ==, 5);

  fixture_clear (&f);
}

static void
test_departments_error (void)
{
  Fixture f = { 0 };

  scms_mock_server_inject_fault (live_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/general/get_departments", 1);
  fixture_init (&f, SCMS_TYPE_DEPARTMENTS_PAGE, live_server);
  wait_loaded (f.page, SCMS_PAGE_STATE_ERROR);
  g_assert_nonnull (scms_page_get_error_message (f.page));

  fixture_clear (&f);
}

/* A community without departments: the mock always has some, so a tiny
 * server answers "[]" to everything. */
static void
empty_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "[]", 2);
}

static void
test_departments_empty (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsClient) client = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  GtkWindow *window;
  ScmsPage *page;

  soup_server_add_handler (server, NULL, empty_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  client = scms_client_new (url, SCMS_MOCK_DEFAULT_COMMUNITY_ID, &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);

  window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (window);
  page = g_object_new (SCMS_TYPE_DEPARTMENTS_PAGE, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  scms_page_set_client (page, client);

  wait_loaded (page, SCMS_PAGE_STATE_EMPTY);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (page), "No Departments"));

  gtk_window_destroy (window);
  assert_finalized_soon (window);
}

static void
test_departments_cancel_on_client_change (void)
{
  Fixture f = { 0 };

  scms_mock_server_set_slow_ms (live_server, 800);
  scms_mock_server_inject_fault (live_server, SCMS_MOCK_FAULT_SLOW,
                                 "/general/get_departments", 1);
  fixture_init (&f, SCMS_TYPE_DEPARTMENTS_PAGE, live_server);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_LOADING);

  scms_page_set_client (f.page, NULL);
  spin (1500);
  g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);
  g_assert_cmpuint (g_list_model_get_n_items (
                      scms_departments_page_get_departments (SCMS_DEPARTMENTS_PAGE (f.page))),
                    ==, 0);

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Dates are shown in local time: make it the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* /departments/success reads the names screen readers are told, which
   * GTK_A11Y=none would not keep; the test backend keeps them in memory. */
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

  live_server = scms_mock_server_new ();
  scms_mock_server_set_variant (live_server, SCMS_MOCK_VARIANT_LIVE);
  if (!scms_mock_server_start (live_server, 0, &error))
    g_error ("Could not start the mock server: %s", error->message);

  docs_server = scms_mock_server_new ();
  scms_mock_server_set_variant (docs_server, SCMS_MOCK_VARIANT_DOCS);
  if (!scms_mock_server_start (docs_server, 0, &error))
    g_error ("Could not start the mock server: %s", error->message);

  g_test_add_func ("/account-ranks/success", test_ranks_success);
  g_test_add_func ("/account-ranks/empty", test_ranks_empty);
  g_test_add_func ("/account-ranks/not-found", test_ranks_not_found);
  g_test_add_func ("/account-ranks/error", test_ranks_error);
  g_test_add_func ("/account-ranks/invalid", test_ranks_invalid);
  g_test_add_func ("/account-ranks/cancel-on-client-change", test_ranks_cancel_on_client_change);
  g_test_add_func ("/check-api-id/linked-and-not", test_check_api_id);
  g_test_add_func ("/check-api-id/invalid", test_check_api_id_invalid);
  g_test_add_func ("/check-api-id/error", test_check_api_id_error);
  g_test_add_func ("/clock-in-out/live", test_clock_in_out_live);
  g_test_add_func ("/clock-in-out/docs", test_clock_in_out_docs);
  g_test_add_func ("/clock-in-out/reload-while-clocking", test_clock_reload_while_clocking);
  g_test_add_func ("/clock-in-out/client-change-while-clocking",
                   test_clock_client_change_while_clocking);
  g_test_add_func ("/clock-in-out/not-found", test_clock_not_found);
  g_test_add_func ("/clock-in-out/error", test_clock_error);
  g_test_add_func ("/clock-in-out/invalid", test_clock_invalid);
  g_test_add_func ("/verify-whitelist/live", test_verify_live);
  g_test_add_func ("/verify-whitelist/docs", test_verify_docs);
  g_test_add_func ("/verify-whitelist/error", test_verify_error);
  g_test_add_func ("/verify-whitelist/invalid", test_verify_invalid);
  g_test_add_func ("/departments/success", test_departments);
  g_test_add_func ("/departments/error", test_departments_error);
  g_test_add_func ("/departments/empty", test_departments_empty);
  g_test_add_func ("/departments/cancel-on-client-change",
                   test_departments_cancel_on_client_change);

  status = g_test_run ();

  scms_mock_server_stop (live_server);
  scms_mock_server_stop (docs_server);
  g_clear_object (&live_server);
  g_clear_object (&docs_server);

  return status;
}
