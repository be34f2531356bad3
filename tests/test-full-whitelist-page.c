/* test-full-whitelist-page.c — the Full Whitelist page and Bulk Check against the mock
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

#include "scms-bulk-check-item.h"
#include "scms-full-whitelist-page.h"
#include "scms-gui-test.h"

#include "scms-test-keys.h"

/* At the client's default, polite rate: a bulk check is still running when
 * a test pauses or cancels it. */
static ScmsClient *
create_client_for (ScmsMockServer *server)
{
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = scms_client_new (scms_mock_server_get_url (server),
                            SCMS_MOCK_DEFAULT_COMMUNITY_ID,
                            &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);

  return g_steal_pointer (&client);
}

/* A minute: /full-whitelist/large generates and loads 100,000 entries,
 * which takes tens of seconds in a sanitizer build (stretched further by
 * test_time_factor()). */
#define LOAD_SECONDS (60 * test_time_factor ())

static void
wait_idle (ScmsFullWhitelistPage *page)
{
  gint64 end = g_get_monotonic_time () + LOAD_SECONDS * G_USEC_PER_SEC;

  while (scms_full_whitelist_page_is_busy (page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      spin (10);
    }
  spin (20);
}

static void
wait_bulk_done (ScmsFullWhitelistPage *page)
{
  gint64 end = g_get_monotonic_time () + LOAD_SECONDS * G_USEC_PER_SEC;

  while (scms_full_whitelist_page_get_bulk_running (page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      spin (20);
    }
}

static ScmsFullWhitelistPage *
open_page (ScmsWindow *window)
{
  ScmsPage *page = scms_window_get_page (window, "full-whitelist");

  g_assert_true (SCMS_IS_FULL_WHITELIST_PAGE (page));
  g_assert_cmpstr (scms_page_get_title (page), ==, "Full Whitelist");
  scms_window_set_visible_page (window, "full-whitelist");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  wait_idle (SCMS_FULL_WHITELIST_PAGE (page));

  return SCMS_FULL_WHITELIST_PAGE (page);
}

static ScmsWhitelistEntry *
find_entry (GListModel *model,
            const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScmsWhitelistEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (scms_whitelist_entry_get_name (entry), name) == 0)
        return entry;
    }

  return NULL;
}

static char *
count_entries_text (guint shown,
                    guint total,
                    gboolean searching)
{
  if (!searching)
    return g_strdup_printf ("%u %s", total, total == 1 ? "entry" : "entries");

  return g_strdup_printf ("%u of %u %s", shown, total, total == 1 ? "entry" : "entries");
}

static void
test_whitelist_server_1 (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GListModel *entries;
  g_autofree char *count = NULL;
  ScmsWhitelistEntry *elena;

  g_assert_cmpint (scms_full_whitelist_page_get_server_id (page), ==, 1);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Copper Basin | Main"));

  entries = scms_full_whitelist_page_get_entries (page);
  g_assert_nonnull (entries);
  elena = find_entry (entries, "Elena Ashgrove");
  g_assert_nonnull (elena);
  g_assert_true (scms_whitelist_entry_has_api_id (elena, "430291437292752760"));
  g_assert_null (find_entry (entries, "Priya Halloran"));

  /* What the person sees: the rows and the count. */
  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_shown (page)), ==,
                    g_list_model_get_n_items (entries));
  count = count_entries_text (0, g_list_model_get_n_items (entries), FALSE);
  g_assert_cmpstr (scms_full_whitelist_page_get_count_text (page), ==, count);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), count));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Name"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "API IDs"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_whitelist_search (void)
{
  static const char *typed[] = { "a", "as", "ash", "as", "A", "", "EL", "elena", "zz", "43", "" };
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GListModel *shown = scms_full_whitelist_page_get_shown (page);
  guint total = g_list_model_get_n_items (scms_full_whitelist_page_get_entries (page));
  g_autofree char *count = NULL;
  g_autoptr(ScmsWhitelistEntry) first = NULL;

  scms_full_whitelist_page_set_search_text (page, "Elena");
  wait_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (scms_whitelist_entry_get_name (first), ==, "Elena Ashgrove");
  count = count_entries_text (1, total, TRUE);
  g_assert_cmpstr (scms_full_whitelist_page_get_count_text (page), ==, count);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), count));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Elena Ashgrove"));

  /* Any API ID matches, case does not matter for names. */
  scms_full_whitelist_page_set_search_text (page, "430291437292752760");
  wait_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  scms_full_whitelist_page_set_search_text (page, "eLENA ash");
  wait_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* Priya is not on the list of server 1. */
  scms_full_whitelist_page_set_search_text (page, "684737923142603598");
  wait_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_clear_pointer (&count, g_free);
  count = count_entries_text (0, total, TRUE);
  g_assert_cmpstr (scms_full_whitelist_page_get_count_text (page), ==, count);

  /* Typing on, deleting and typing something else: each time exactly the
   * entries a case-insensitive GtkStringFilter would find, whatever the filter
   * kept from the search before. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      GListModel *entries = scms_full_whitelist_page_get_entries (page);
      guint expected = 0;

      for (guint j = 0; j < total; j++)
        {
          g_autoptr(ScmsWhitelistEntry) entry = g_list_model_get_item (entries, j);
          g_autofree char *ids = scms_whitelist_entry_dup_api_ids_text (entry);
          g_autofree char *text = g_strconcat (scms_whitelist_entry_get_name (entry), "\n", ids,
                                               NULL);
          /* What GtkStringFilter does to both sides. */
          g_autofree char *normal_text = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
          g_autofree char *normal_typed = g_utf8_normalize (typed[i], -1, G_NORMALIZE_ALL);
          g_autofree char *folded_text = g_utf8_casefold (normal_text, -1);
          g_autofree char *folded_typed = g_utf8_casefold (normal_typed, -1);

          if (strstr (folded_text, folded_typed) != NULL)
            expected++;
        }

      g_test_message ("search \"%s\": %u", typed[i], expected);
      scms_full_whitelist_page_set_search_text (page, typed[i]);
      wait_idle (page);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);
    }

  scms_full_whitelist_page_set_search_text (page, "");
  wait_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, total);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_whitelist_sort (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GListModel *shown = scms_full_whitelist_page_get_shown (page);
  GtkColumnView *view = scms_full_whitelist_page_get_column_view (page);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 0);
  guint n = g_list_model_get_n_items (shown);

  g_assert_cmpstr (gtk_column_view_column_get_title (name_column), ==, "Name");
  g_assert_cmpuint (n, >, 2);

  for (int pass = 0; pass < 2; pass++)
    {
      GtkSortType order = pass == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;

      gtk_column_view_sort_by_column (view, name_column, order);
      wait_idle (page);

      for (guint i = 1; i < n; i++)
        {
          g_autoptr(ScmsWhitelistEntry) a = g_list_model_get_item (shown, i - 1);
          g_autoptr(ScmsWhitelistEntry) b = g_list_model_get_item (shown, i);
          g_autofree char *ka = g_utf8_casefold (scms_whitelist_entry_get_name (a), -1);
          g_autofree char *kb = g_utf8_casefold (scms_whitelist_entry_get_name (b), -1);
          int cmp = g_utf8_collate (ka, kb);

          if (order == GTK_SORT_ASCENDING)
            g_assert_cmpint (cmp, <=, 0);
          else
            g_assert_cmpint (cmp, >=, 0);
        }
    }

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == scms_full_whitelist_page_export_async)
    ok = scms_full_whitelist_page_export_finish (SCMS_FULL_WHITELIST_PAGE (object), result, error);
  else
    ok = scms_full_whitelist_page_export_bulk_finish (SCMS_FULL_WHITELIST_PAGE (object), result,
                                                      error);
  g_assert_true (ok == (*error == NULL));
  g_object_set_data (object, "test-done", GINT_TO_POINTER (1));
}

static char *
export_and_read (ScmsFullWhitelistPage *page,
                 gboolean               bulk)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  char *contents = NULL;

  file = g_file_new_tmp ("test-whitelist-XXXXXX.csv", &stream, &error);
  g_assert_no_error (error);

  g_object_set_data (G_OBJECT (page), "test-done", NULL);
  if (bulk)
    scms_full_whitelist_page_export_bulk_async (page, file, NULL, export_cb, &error);
  else
    scms_full_whitelist_page_export_async (page, file, NULL, export_cb, &error);

  while (g_object_get_data (G_OBJECT (page), "test-done") == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      spin (10);
    }
  g_assert_no_error (error);

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_delete (file, NULL, NULL);

  return contents;
}

static void
append_entry (GListStore *store,
              const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ScmsWhitelistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  entry = scms_whitelist_entry_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);

  g_list_store_append (store, entry);
}

static void
test_whitelist_export (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  g_autoptr(GListStore) tricky = g_list_store_new (SCMS_TYPE_WHITELIST_ENTRY);
  g_autofree char *csv = NULL;
  g_autofree char *csv2 = NULL;
  g_autofree char *elena_line = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  csv = export_and_read (page, FALSE);
  g_assert_true (g_str_has_prefix (csv, "Name,API IDs\r\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  n = g_strv_length (lines);
  /* Header, one line per entry, and the empty string after the last CRLF. */
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (scms_full_whitelist_page_get_entries (page)) + 2);
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Elena Ashgrove,"))
      elena_line = g_strdup (lines[i]);
  g_assert_nonnull (elena_line);
  g_assert_nonnull (strstr (elena_line, "430291437292752760"));
  g_assert_null (strstr (csv, "Priya Halloran"));

  /* Quoting and the formula guard, through the page's model path. */
  append_entry (tricky, "{\"name\":\"=HYPERLINK(\\\"http://x\\\")\",\"apiIds\":[\"1\",\"2\"]}");
  append_entry (tricky, "{\"name\":\"Smith, John\",\"apiIds\":[\"+44\"]}");
  append_entry (tricky, "{\"name\":\"Two\\nLines\",\"apiIds\":[]}");
  append_entry (tricky, "{\"name\":\"@SUM(A1)\",\"apiIds\":[\"-3\"]}");
  scms_full_whitelist_page_set_entries (page, G_LIST_MODEL (tricky));
  wait_idle (page);

  csv2 = export_and_read (page, FALSE);
  g_assert_cmpstr (csv2, ==,
                   "Name,API IDs\r\n"
                   "\"'=HYPERLINK(\"\"http://x\"\")\",1;2\r\n"
                   "\"Smith, John\",'+44\r\n"
                   "\"Two\nLines\",\r\n"
                   "'@SUM(A1),'-3\r\n");

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_whitelist_empty (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  g_autoptr(GListStore) none = g_list_store_new (SCMS_TYPE_WHITELIST_ENTRY);

  scms_full_whitelist_page_set_entries (page, G_LIST_MODEL (none));
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_EMPTY);
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "No One Is Whitelisted"));
  g_assert_null (find_shown_text (GTK_WIDGET (page), "Elena Ashgrove"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_whitelist_error_retry (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GtkWidget *retry;

  /* A first download that fails has nothing to keep: the error takes the
   * page. */
  scms_window_set_client (window, NULL);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/servers/full_whitelist", 1);
  scms_window_set_client (window, client);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_ERROR);
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page),
                                     scms_page_get_error_message (SCMS_PAGE (page))));
  g_assert_null (find_shown_text (GTK_WIDGET (page), "Elena Ashgrove"));

  retry = find_shown_text (GTK_WIDGET (page), "_Retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_activate (retry));
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  wait_idle (page);
  g_assert_nonnull (find_entry (scms_full_whitelist_page_get_entries (page), "Elena Ashgrove"));

  scms_mock_server_clear_faults (mock_server);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static const char *shown_text_wanted;

static gboolean
window_shows_wanted_text (gpointer window)
{
  return find_shown_text (window, shown_text_wanted) != NULL;
}

/* Reloading keeps the whitelist shown until the new one is all in; a
 * reload that fails leaves it, with a notice. */
static void
test_whitelist_reload_keeps_entries (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GListModel *before = scms_full_whitelist_page_get_entries (page);
  guint n = g_list_model_get_n_items (before);
  const char *stale;

  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/servers/full_whitelist", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (scms_page_get_refreshing (SCMS_PAGE (page)));
  wait_idle (page);
  spin (50);

  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_RESULTS);
  g_assert_true (scms_full_whitelist_page_get_entries (page) == before);
  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_shown (page)), ==, n);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Elena Ashgrove"));
  g_assert_null (find_shown_text (GTK_WIDGET (page), "Could Not Load This Page"));
  stale = scms_page_get_stale_message (SCMS_PAGE (page));
  g_assert_nonnull (stale);
  /* The notice slides in, built the first time a notice shows. */
  shown_text_wanted = stale;
  wait_until (window_shows_wanted_text, window, "the notice that the reload failed");

  /* A reload that works: the old list stays shown while the new one
   * downloads, then the new one replaces it and the notice goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_null (scms_page_get_stale_message (SCMS_PAGE (page)));
  g_assert_true (scms_full_whitelist_page_get_entries (page) == before);
  wait_idle (page);
  spin (50);
  g_assert_false (scms_page_get_refreshing (SCMS_PAGE (page)));
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_RESULTS);
  g_assert_true (scms_full_whitelist_page_get_entries (page) != before);
  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_entries (page)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_shown (page)), ==, n);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Elena Ashgrove"));
  g_assert_null (find_shown_prefix (GTK_WIDGET (window), "Could not reload"));

  /* Another server's whitelist is no earlier view of this one: none of it
   * stays when the person picks one during a reload. */
  scms_mock_server_set_slow_ms (mock_server, 500);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, "/servers/get_game_servers", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (scms_page_get_refreshing (SCMS_PAGE (page)));
  scms_full_whitelist_page_set_server_id (page, 2);
  g_assert_false (scms_page_get_refreshing (SCMS_PAGE (page)));
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_LOADING);
  g_assert_true (scms_full_whitelist_page_get_entries (page) == NULL ||
                 g_list_model_get_n_items (scms_full_whitelist_page_get_entries (page)) == 0);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  wait_idle (page);
  g_assert_cmpint (scms_full_whitelist_page_get_server_id (page), ==, 2);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Copper Basin | Training"));

  /* Nor when it is a server the page does not know (one added since, say),
   * even if the server list then cannot be read. (The slow server list
   * above was cancelled before it was sent: its fault is still queued.) */
  scms_mock_server_clear_faults (mock_server);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/servers/get_game_servers", 1);
  scms_full_whitelist_page_set_server_id (page, 999);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_LOADING);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_ERROR);
  spin (50);
  g_assert_null (scms_page_get_stale_message (SCMS_PAGE (page)));
  g_assert_null (find_shown_prefix (GTK_WIDGET (window), "Could not reload"));
  g_assert_true (scms_full_whitelist_page_get_entries (page) == NULL);

  scms_mock_server_clear_faults (mock_server);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_whitelist_other_server (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  guint before = scms_mock_server_get_request_count (mock_server, "/servers/full_whitelist");

  /* Choosing another server downloads its whitelist. */
  scms_full_whitelist_page_set_server_id (page, 2);
  g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_LOADING);
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  wait_idle (page);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Copper Basin | Training"));
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/servers/full_whitelist"),
                    ==, before + 1);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static ScmsBulkCheckItem *
bulk_item (ScmsFullWhitelistPage *page,
           guint                  position)
{
  ScmsBulkCheckItem *item = g_list_model_get_item (scms_full_whitelist_page_get_bulk_items (page),
                                                   position);

  g_assert_nonnull (item);
  g_object_unref (item);  /* the page's store keeps it */
  return item;
}

/* While a reload downloads, a bulk check cannot start (it would answer
 * from the list being replaced); the last check's results stay when the
 * reload fails, and go with the list it checked when a reload works. */
static void
test_whitelist_reload_and_bulk_check (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GListModel *items = scms_full_whitelist_page_get_bulk_items (page);

  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, "430291437292752760\n", -1,
                                                            FALSE));
  wait_bulk_done (page);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  scms_mock_server_set_slow_ms (mock_server, 400);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SLOW, "/servers/full_whitelist", 1);
  scms_mock_server_inject_fault (mock_server, SCMS_MOCK_FAULT_SERVER_ERROR,
                                 "/servers/full_whitelist", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (scms_page_get_refreshing (SCMS_PAGE (page)));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (page), "C_heck")));
  g_assert_false (scms_full_whitelist_page_start_bulk_check (page, "684737923142603598\n", -1,
                                                             FALSE));
  g_assert_cmpstr (scms_full_whitelist_page_get_bulk_message (page), ==,
                   "Wait for the whitelist to download, then check again.");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  /* The slow reload works; the next one fails. */
  wait_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, "430291437292752760\n", -1,
                                                            FALSE));
  wait_bulk_done (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_idle (page);
  g_assert_nonnull (scms_page_get_stale_message (SCMS_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_cmpint (scms_bulk_check_item_get_status (bulk_item (page, 0)), ==,
                   SCMS_BULK_STATUS_ALLOWED);
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, "430291437292752760\n", -1,
                                                            FALSE));
  wait_bulk_done (page);

  scms_mock_server_clear_faults (mock_server);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_bulk_check (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  g_autofree char *long_line = g_strnfill (300, '7');
  g_autofree char *input = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *csv = NULL;
  GListModel *items = scms_full_whitelist_page_get_bulk_items (page);
  ScmsBulkCheckItem *item;
  GtkWidget *switcher;
  GtkWidget *label;

  scms_mock_server_reset_counts (mock_server);

  /* Elena (on the download), a blank line, an overlong line, Priya (not on
   * it), and Elena again. */
  input = g_strconcat ("430291437292752760\n\n   \n", long_line, "\n684737923142603598\n"
                       "430291437292752760\n", NULL);
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, input, -1, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  item = bulk_item (page, 0);
  g_assert_cmpstr (scms_bulk_check_item_get_identifier (item), ==, "430291437292752760");
  g_assert_cmpint (scms_bulk_check_item_get_status (item), ==, SCMS_BULK_STATUS_ALLOWED);
  g_assert_cmpstr (scms_bulk_check_item_get_status_text (item), ==, "Allowed");
  g_assert_cmpstr (scms_bulk_check_item_get_name (item), ==, "Elena Ashgrove");

  item = bulk_item (page, 1);
  g_assert_cmpstr (scms_bulk_check_item_get_identifier (item), ==, long_line);
  g_assert_cmpint (scms_bulk_check_item_get_status (item), ==, SCMS_BULK_STATUS_INVALID);
  g_assert_nonnull (scms_bulk_check_item_get_detail (item));

  item = bulk_item (page, 2);
  g_assert_cmpint (scms_bulk_check_item_get_status (item), ==, SCMS_BULK_STATUS_CHECKING);

  wait_bulk_done (page);
  spin (50);

  g_assert_cmpint (scms_bulk_check_item_get_status (item), ==, SCMS_BULK_STATUS_NOT_ALLOWED);
  g_assert_cmpstr (scms_bulk_check_item_get_status_text (item), ==, "Not allowed");

  /* Elena came from the download; only Priya needed the server. */
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/servers/verify_whitelist"),
                    ==, 1);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/servers/full_whitelist"),
                    ==, 0);

  progress = scms_full_whitelist_page_dup_bulk_progress_text (page);
  g_assert_cmpstr (progress, ==, "3 of 3 checked");

  switcher = find_type (GTK_WIDGET (page), GTK_TYPE_STACK_SWITCHER);
  g_assert_nonnull (switcher);
  gtk_stack_set_visible_child_name (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher)),
                                    "bulk");
  spin (100);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Not allowed"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Invalid"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Elena Ashgrove"));
  /* A name reads as one; what the Name column says instead, as a note. */
  label = find_shown_text (GTK_WIDGET (page), "Elena Ashgrove");
  g_assert_false (gtk_widget_has_css_class (label, "dim-label"));
  label = find_shown_text (GTK_WIDGET (page), scms_bulk_check_item_get_detail (bulk_item (page, 1)));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "dim-label"));

  csv = export_and_read (page, TRUE);
  g_assert_true (g_str_has_prefix (csv, "Identifier,Status,Name\r\n"
                                        "430291437292752760,Allowed,Elena Ashgrove\r\n"));
  g_assert_nonnull (strstr (csv, "684737923142603598,Not allowed,\r\n"));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static void
test_bulk_input (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GListModel *items = scms_full_whitelist_page_get_bulk_items (page);
  static const char csv[] = "\xEF\xBB\xBFIdentifier,Note\r\n"
                            "\"430291437292752760\",\"first, quoted\"\r\n"
                            "\r\n"
                            "871923189533843206,owner\r\n";
  static const char with_nul[] = "430291437292752760\nabc\0def\n";
  GString *many = g_string_new (NULL);

  scms_mock_server_reset_counts (mock_server);

  /* CSV: BOM and header skipped, first column unquoted. */
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, csv, sizeof csv - 1, TRUE));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpstr (scms_bulk_check_item_get_identifier (bulk_item (page, 0)), ==,
                   "430291437292752760");
  g_assert_cmpint (scms_bulk_check_item_get_status (bulk_item (page, 0)), ==,
                   SCMS_BULK_STATUS_ALLOWED);
  g_assert_cmpint (scms_bulk_check_item_get_status (bulk_item (page, 1)), ==,
                   SCMS_BULK_STATUS_ALLOWED);
  g_assert_false (scms_full_whitelist_page_get_bulk_running (page));

  /* A NUL byte makes the line Invalid; it is never sent. */
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, with_nul, sizeof with_nul - 1,
                                                            FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpint (scms_bulk_check_item_get_status (bulk_item (page, 1)), ==,
                   SCMS_BULK_STATUS_INVALID);

  /* Nothing to check: a message, nothing sent. */
  g_assert_false (scms_full_whitelist_page_start_bulk_check (page, " \n\n\t\n", -1, FALSE));
  g_assert_nonnull (scms_full_whitelist_page_get_bulk_message (page));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);

  /* Over the cap: the first SCMS_BULK_CHECK_MAX_ITEMS, and a message. The
   * IDs are all on the download, so nothing is sent. */
  for (guint i = 0; i < SCMS_BULK_CHECK_MAX_ITEMS + 5; i++)
    g_string_append (many, "430291437292752760\n");
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, many->str, -1, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_string_truncate (many, 0);
  for (guint i = 0; i < SCMS_BULK_CHECK_MAX_ITEMS + 5; i++)
    g_string_append_printf (many, "invalid\x01%u\n", i);
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, many->str, -1, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, SCMS_BULK_CHECK_MAX_ITEMS);
  g_assert_nonnull (scms_full_whitelist_page_get_bulk_message (page));
  g_assert_nonnull (strstr (scms_full_whitelist_page_get_bulk_message (page), "10000"));
  g_string_free (many, TRUE);

  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/servers/verify_whitelist"),
                    ==, 0);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static gboolean
widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
client_queue_empty (gpointer data)
{
  return scms_client_get_n_queued (SCMS_CLIENT (data)) == 0;
}

static void
test_bulk_pause_cancel (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GListModel *items = scms_full_whitelist_page_get_bulk_items (page);
  GString *unknown = g_string_new (NULL);
  g_autofree char *progress = NULL;
  guint sent;
  guint not_checked = 0;

  scms_mock_server_reset_counts (mock_server);

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (unknown, "99990000000000%04u\n", i);

  /* Paused at once: what was handed to the client finishes, no more. */
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, unknown->str, -1, FALSE));
  scms_full_whitelist_page_set_bulk_paused (page, TRUE);
  progress = scms_full_whitelist_page_dup_bulk_progress_text (page);
  g_assert_nonnull (strstr (progress, "paused"));
  spin (1500);
  sent = scms_mock_server_get_request_count (mock_server, "/servers/verify_whitelist");
  g_assert_cmpuint (sent, >, 0);
  g_assert_cmpuint (sent, <=, 4);
  g_assert_true (scms_full_whitelist_page_get_bulk_running (page));
  g_assert_cmpint (scms_bulk_check_item_get_status (bulk_item (page, 0)), ==,
                   SCMS_BULK_STATUS_UNKNOWN);
  g_assert_cmpint (scms_bulk_check_item_get_status (bulk_item (page, 11)), ==,
                   SCMS_BULK_STATUS_CHECKING);

  /* Resumed, then cancelled mid-way. */
  scms_full_whitelist_page_set_bulk_paused (page, FALSE);
  spin (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "bulk.cancel", NULL));
  g_assert_false (scms_full_whitelist_page_get_bulk_running (page));
  sent = scms_mock_server_get_request_count (mock_server, "/servers/verify_whitelist");
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (scms_bulk_check_item_get_status (bulk_item (page, i)) == SCMS_BULK_STATUS_NOT_CHECKED)
      not_checked++;
  g_assert_cmpuint (not_checked, >, 0);

  /* Nothing more goes out, and nothing changes back. */
  spin (2500);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, "/servers/verify_whitelist"),
                    <=, sent);
  g_assert_cmpuint (sent, <, 12);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_assert_cmpint (scms_bulk_check_item_get_status (bulk_item (page, i)), !=,
                     SCMS_BULK_STATUS_CHECKING);

  /* Leaving the page stops a running check. */
  g_assert_true (scms_full_whitelist_page_start_bulk_check (page, unknown->str, -1, FALSE));
  g_assert_true (scms_full_whitelist_page_get_bulk_running (page));
  scms_window_set_visible_page (window, "subscription");
  /* The page is unmapped once the crossfade ends: after 0.2 s, or much
   * later when frames are slow (sanitizers, a loaded machine). */
  wait_until (widget_unmapped, page, "the page to be unmapped");
  g_assert_false (scms_full_whitelist_page_get_bulk_running (page));
  /* Its cancelled calls leave the client's queue as their turn comes. */
  wait_until (client_queue_empty, client, "the cancelled calls to leave the queue");

  g_string_free (unknown, TRUE);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

typedef struct
{
  ScmsFullWhitelistPage *page;
  GtkStack              *state_stack;
  gboolean               seen;
  guint                  entries_then;
  char                  *visible_then;
  gboolean               fading_then;
} FirstRows;

static gboolean
is_state_stack (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "loading") != NULL;
}

static void
first_rows_cb (GListModel *shown,
               guint       position,
               guint       removed,
               guint       added,
               FirstRows  *check)
{
  if (check->seen || g_list_model_get_n_items (shown) == 0)
    return;

  check->seen = TRUE;
  check->entries_then = g_list_model_get_n_items (scms_full_whitelist_page_get_entries (check->page));
  check->visible_then = g_strdup (gtk_stack_get_visible_child_name (check->state_stack));
  check->fading_then = gtk_stack_get_transition_running (check->state_stack);
}

/* The first rows of a long whitelist show as soon as they land, while
 * the rest is still downloading, and without a cross-fade. */
static void
test_whitelist_first_rows (void)
{
  g_autoptr(ScmsMockServer) long_list = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  FirstRows check = { 0 };
  ScmsWindow *window;
  GListModel *shown;

  scms_mock_server_set_whitelist_size (long_list, 5000);
  g_assert_true (scms_mock_server_start (long_list, 0, &error));
  g_assert_no_error (error);

  client = create_client_for (long_list);
  window = create_window (client);
  check.page = SCMS_FULL_WHITELIST_PAGE (scms_window_get_page (window, "full-whitelist"));
  check.state_stack = GTK_STACK (find_widget (GTK_WIDGET (check.page), FIND_ANY,
                                              is_state_stack, NULL));
  shown = scms_full_whitelist_page_get_shown (check.page);
  g_signal_connect (shown, "items-changed", G_CALLBACK (first_rows_cb), &check);

  open_page (window);

  g_assert_true (check.seen);
  g_assert_cmpuint (check.entries_then, <, 5000);
  g_assert_cmpstr (check.visible_then, ==, "results");
  g_assert_false (check.fading_then);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5000);

  g_signal_handlers_disconnect_by_func (shown, first_rows_cb, &check);
  g_free (check.visible_then);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
  scms_mock_server_stop (long_list);
}

/* A mock of the test's own, whose server 1 has @size entries. */
static ScmsMockServer *
start_mock_with_whitelist (guint size)
{
  g_autoptr(ScmsMockServer) mock = scms_mock_server_new ();
  g_autoptr(GError) error = NULL;

  scms_mock_server_set_whitelist_size (mock, size);
  g_assert_true (scms_mock_server_start (mock, 0, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&mock);
}

/* Shows the page as soon as the first rows are in, with more to come. */
static ScmsFullWhitelistPage *
open_page_mid_download (ScmsWindow *window)
{
  ScmsPage *page = scms_window_get_page (window, "full-whitelist");

  scms_window_set_visible_page (window, "full-whitelist");
  wait_for_state (page, SCMS_PAGE_STATE_RESULTS);
  g_assert_true (scms_full_whitelist_page_is_busy (SCMS_FULL_WHITELIST_PAGE (page)));

  return SCMS_FULL_WHITELIST_PAGE (page);
}

static void
count_added_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                guint      *n_added)
{
  *n_added += added;
}

/* Part of a large whitelist is in: the count says more is coming, and it
 * cannot be exported as if it were whole. Leaving the page stops the
 * download; coming back loads the whole whitelist again. */
static void
test_whitelist_leave_while_loading (void)
{
  g_autoptr(ScmsMockServer) big = start_mock_with_whitelist (100000);
  g_autoptr(ScmsClient) client = create_client_for (big);
  g_autoptr(GListModel) partial = NULL;
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page_mid_download (window);
  GtkWidget *export_button = find_button (GTK_WIDGET (page), "_Export CSV…");
  const char *count;
  guint n_added_after = 0;

  g_assert_nonnull (export_button);
  partial = g_object_ref (scms_full_whitelist_page_get_entries (page));
  g_assert_cmpuint (g_list_model_get_n_items (partial), <, 100000);

  count = scms_full_whitelist_page_get_count_text (page);
  g_assert_true (g_str_has_suffix (count, " so far…"));
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), count));
  g_assert_false (gtk_widget_is_sensitive (export_button));

  /* Away: the download stops, and the page will load again. */
  g_signal_connect (partial, "items-changed", G_CALLBACK (count_added_cb), &n_added_after);
  scms_window_set_visible_page (window, "game-servers");
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_LOADING);
  spin (100);
  g_assert_cmpuint (n_added_after, ==, 0);
  g_signal_handlers_disconnect_by_func (partial, count_added_cb, &n_added_after);

  /* Back: all of it. */
  scms_window_set_visible_page (window, "full-whitelist");
  wait_for_state (SCMS_PAGE (page), SCMS_PAGE_STATE_RESULTS);
  wait_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_entries (page)), ==,
                    100000);
  g_assert_cmpstr (scms_full_whitelist_page_get_count_text (page), ==, "100000 entries");
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "100000 entries"));
  g_assert_true (gtk_widget_is_sensitive (export_button));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
  scms_mock_server_stop (big);
}

/* Closing the window while a large whitelist downloads stops the download:
 * no more rows land, and the page and the client are let go. */
static void
test_whitelist_close_while_loading (void)
{
  g_autoptr(ScmsMockServer) big = start_mock_with_whitelist (100000);
  g_autoptr(ScmsClient) client = create_client_for (big);
  g_autoptr(GListModel) partial = NULL;
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page_mid_download (window);
  guint n_added_after = 0;

  partial = g_object_ref (scms_full_whitelist_page_get_entries (page));
  g_signal_connect (partial, "items-changed", G_CALLBACK (count_added_cb), &n_added_after);
  g_object_ref (page);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
  g_assert_cmpuint (n_added_after, ==, 0);
  assert_finalized_soon (window);
  assert_finalized_soon (page);
  g_assert_cmpuint (g_list_model_get_n_items (partial), <, 100000);
  g_signal_handlers_disconnect_by_func (partial, count_added_cb, &n_added_after);

  /* Pieces that were waiting for a decoder let go of it too. */
  assert_finalized_soon (g_steal_pointer (&client));
  scms_mock_server_stop (big);
}

/* Typing more of a search keeps the selected member selected while it
 * still matches, even far down the list; a search that leaves it out
 * unselects it. */
static void
test_whitelist_selection_kept (void)
{
  g_autoptr(ScmsMockServer) long_list = start_mock_with_whitelist (5000);
  g_autoptr(ScmsClient) client = create_client_for (long_list);
  g_autoptr(ScmsWhitelistEntry) chosen = NULL;
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GtkSingleSelection *selection;

  selection = GTK_SINGLE_SELECTION (scms_full_whitelist_page_get_shown (page));

  scms_full_whitelist_page_set_search_text (page, "Member 0");
  wait_idle (page);
  gtk_single_selection_set_selected (selection, 400);
  chosen = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_true (g_str_has_prefix (scms_whitelist_entry_get_name (chosen), "Whitelist Member 000"));

  scms_full_whitelist_page_set_search_text (page, "Member 000");
  wait_idle (page);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == chosen);

  scms_full_whitelist_page_set_search_text (page, "Member 0049");
  wait_idle (page);
  g_assert_null (gtk_single_selection_get_selected_item (selection));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
  scms_mock_server_stop (long_list);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

/* What pasting would give, read back through the clipboard. */
static char *
dup_clipboard_text (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  while (text == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      spin (10);
    }

  return text;
}

static gboolean
copied_toast_shown (gpointer window)
{
  return find_shown_text (GTK_WIDGET (window), "Copied") != NULL;
}

/* The clipboard's text once it is no longer @before: keys pressed through
 * the X server are handled when GTK gets to them, not by a fixed time.
 * Gives up after WAIT_SECONDS and returns what is there then. */
static char *
wait_clipboard_change (GtkWidget  *widget,
                       const char *before)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  char *text = dup_clipboard_text (widget);

  while (g_strcmp0 (text, before) == 0 && g_get_monotonic_time () < end)
    {
      g_free (text);
      spin (20);
      text = dup_clipboard_text (widget);
    }

  return text;
}

/* Ctrl+C on the list copies the selected entry's API IDs, one per line, as
 * Copy API IDs does, and says so; in the search entry it copies the text
 * selected there. */
static void
test_whitelist_copy_shortcut (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GtkWidget *view = GTK_WIDGET (scms_full_whitelist_page_get_column_view (page));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (scms_full_whitelist_page_get_shown (page));
  GtkWidget *search_entry;
  GtkWidget *focus;
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *copied_search = NULL;
  ScmsWhitelistEntry *elena;

  /* Choose Elena's row, on the list. */
  scms_full_whitelist_page_set_search_text (page, "Elena");
  wait_idle (page);
  gtk_single_selection_set_selected (selection, 0);
  elena = gtk_single_selection_get_selected_item (selection);
  g_assert_cmpstr (scms_whitelist_entry_get_name (elena), ==, "Elena Ashgrove");
  expected = g_strjoinv ("\n", (char **) scms_whitelist_entry_get_api_ids (elena));
  g_assert_nonnull (strchr (expected, '\n'));
  gtk_widget_grab_focus (view);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == view || gtk_widget_is_ancestor (focus, view));
  g_assert_null (find_shown_text (GTK_WIDGET (window), "Copied"));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), "nothing copied yet");
  press_ctrl (view, GDK_KEY_c);
  copied = wait_clipboard_change (view, "nothing copied yet");
  g_assert_cmpstr (copied, ==, expected);
  wait_until (copied_toast_shown, window, "the Copied toast");

  /* In the search entry, Ctrl+C is the entry's. */
  search_entry = find_widget (GTK_WIDGET (page), FIND_MAPPED, is_of_type,
                              GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search_entry);
  gtk_widget_grab_focus (search_entry);
  gtk_editable_select_region (GTK_EDITABLE (search_entry), 0, -1);
  press_ctrl (search_entry, GDK_KEY_c);
  copied_search = wait_clipboard_change (view, expected);
  g_assert_cmpstr (copied_search, ==, "Elena");

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

static gboolean
is_label_text_with_prefix (GtkWidget     *widget,
                           gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
open_error_toast_shown (gpointer window)
{
  return find_widget (GTK_WIDGET (window), FIND_MAPPED, is_label_text_with_prefix,
                      "Could not open the file (") != NULL;
}

/* A toast says what went wrong in plain words, whatever they hold: a toast's
 * title is Pango markup in libadwaita 1.2, and a file name with "&" or "<"
 * in it left the toast empty. */
static void
test_whitelist_toast_shown_as_written (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/Tom & Jerry <list>.csv");
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GtkWidget *label;

  scms_full_whitelist_page_open_bulk_file (page, file);
  wait_until (open_error_toast_shown, window, "the toast saying the file could not be opened");
  label = find_widget (GTK_WIDGET (window), FIND_MAPPED, is_label_text_with_prefix,
                       "Could not open the file (");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Tom & Jerry <list>.csv"));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)), "Choose another one."));

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* Screen readers read the server list by the name GTK gives it: its own
 * label, if it has one, then the names of the widgets it is labelled by
 * (gtk_at_context_get_name() in GTK 4.8). With both, "Server Server". */
static void
test_whitelist_server_list_name (void)
{
  g_autoptr(ScmsClient) client = create_client_for (mock_server);
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page = open_page (window);
  GtkWidget *dropdown = find_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN);
  GtkWidget *label = find_shown_text (GTK_WIDGET (page), "_Server");
  g_autofree char *label_name = NULL;
  g_autofree char *labelled_by = NULL;

  g_assert_nonnull (dropdown);
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (label)) == dropdown);

  /* Named once, by the label on screen beside it. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (dropdown),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  labelled_by = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (dropdown),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                    label, NULL);
  g_assert_null (labelled_by);
  label_name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (label),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, "Server");
  g_assert_null (label_name);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* Counts the times "No Matching Entries" came on screen while the page was
 * still searching: it would say so, wrongly, before the results came. */
static void
no_match_mapped_cb (GtkWidget             *no_match,
                    ScmsFullWhitelistPage *page)
{
  guint *n_early = g_object_get_data (G_OBJECT (no_match), "test-n-early");

  if (scms_full_whitelist_page_is_busy (page))
    (*n_early)++;
}

/* A search that finds nothing says so instead of showing an empty list,
 * and the list comes back when the search finds something again; never
 * while the search is still looking, on a small whitelist or on one that
 * takes several steps to search. */
static void
test_whitelist_no_match (void)
{
  g_autoptr(ScmsMockServer) long_list = start_mock_with_whitelist (20000);
  ScmsMockServer *mocks[] = { mock_server, long_list };
  const char *found[] = { "Elena Ashgrove", "Whitelist Member 019999" };

  for (guint i = 0; i < G_N_ELEMENTS (mocks); i++)
    {
      g_autoptr(ScmsClient) client = create_client_for (mocks[i]);
      ScmsWindow *window = create_window (client);
      ScmsFullWhitelistPage *page = open_page (window);
      GtkWidget *view = GTK_WIDGET (scms_full_whitelist_page_get_column_view (page));
      guint total = g_list_model_get_n_items (scms_full_whitelist_page_get_entries (page));
      g_autofree char *none_count = count_entries_text (0, total, TRUE);
      g_autofree char *one_count = count_entries_text (1, total, TRUE);
      GtkWidget *no_match;
      guint n_early = 0;

      g_test_message ("%u entries", total);
      no_match = find_widget (GTK_WIDGET (page), FIND_ANY, is_status_page_titled,
                              "No Matching Entries");
      g_assert_nonnull (no_match);
      g_object_set_data (G_OBJECT (no_match), "test-n-early", &n_early);
      g_signal_connect (no_match, "map", G_CALLBACK (no_match_mapped_cb), page);

      g_assert_null (find_shown_text (GTK_WIDGET (page), "No Matching Entries"));
      g_assert_true (gtk_widget_get_mapped (view));

      scms_full_whitelist_page_set_search_text (page, "zzzz");
      wait_idle (page);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "No Matching Entries"));
      g_assert_nonnull (find_shown_text (GTK_WIDGET (page), none_count));
      g_assert_false (gtk_widget_get_mapped (view));

      /* Another search that finds nothing, looked for among all entries. */
      scms_full_whitelist_page_set_search_text (page, "zzqq");
      wait_idle (page);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "No Matching Entries"));

      scms_full_whitelist_page_set_search_text (page, found[i]);
      wait_idle (page);
      g_assert_null (find_shown_text (GTK_WIDGET (page), "No Matching Entries"));
      g_assert_true (gtk_widget_get_mapped (view));
      g_assert_nonnull (find_shown_text (GTK_WIDGET (page), found[i]));
      g_assert_nonnull (find_shown_text (GTK_WIDGET (page), one_count));

      /* From a whole list to nothing, and back. */
      scms_full_whitelist_page_set_search_text (page, "");
      wait_idle (page);
      scms_full_whitelist_page_set_search_text (page, "zzzz");
      wait_idle (page);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "No Matching Entries"));
      scms_full_whitelist_page_set_search_text (page, "");
      wait_idle (page);
      g_assert_null (find_shown_text (GTK_WIDGET (page), "No Matching Entries"));
      g_assert_true (gtk_widget_get_mapped (view));

      g_assert_cmpuint (n_early, ==, 0);
      g_signal_handlers_disconnect_by_func (no_match, no_match_mapped_cb, page);
      destroy_window (window);
      assert_finalized_soon (g_steal_pointer (&client));
    }

  scms_mock_server_stop (long_list);
}

static void
test_whitelist_large (void)
{
  g_autoptr(ScmsMockServer) big = scms_mock_server_new ();
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  ScmsWindow *window;
  ScmsFullWhitelistPage *page;
  GListModel *shown;
  const char *typed = "Member 09999";

  scms_mock_server_set_whitelist_size (big, 100000);
  g_assert_true (scms_mock_server_start (big, 0, &error));
  g_assert_no_error (error);

  client = create_client_for (big);
  window = create_window (client);
  page = open_page (window);
  shown = scms_full_whitelist_page_get_shown (page);

  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_entries (page)), ==,
                    100000);
  g_assert_cmpstr (scms_full_whitelist_page_get_count_text (page), ==, "100000 entries");

  /* Typing, one key at a time, with the main loop running in between. */
  for (gsize i = 1; i <= strlen (typed); i++)
    {
      g_autofree char *prefix = g_strndup (typed, i);

      scms_full_whitelist_page_set_search_text (page, prefix);
      spin (5);
    }
  wait_idle (page);
  /* "Whitelist Member 099990" … "099999" */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  g_assert_cmpstr (scms_full_whitelist_page_get_count_text (page), ==, "10 of 100000 entries");

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
  scms_mock_server_stop (big);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* /full-whitelist/server-list-name reads what screen readers are told:
   * GTK_A11Y=none would keep none of it. The test backend keeps it in
   * memory, and needs no accessibility bus either. */
  g_setenv ("GTK_A11Y", "test", TRUE);

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

  g_test_add_func ("/full-whitelist/server-1", test_whitelist_server_1);
  g_test_add_func ("/full-whitelist/search", test_whitelist_search);
  g_test_add_func ("/full-whitelist/no-match", test_whitelist_no_match);
  g_test_add_func ("/full-whitelist/copy-shortcut", test_whitelist_copy_shortcut);
  g_test_add_func ("/full-whitelist/server-list-name", test_whitelist_server_list_name);
  g_test_add_func ("/full-whitelist/sort", test_whitelist_sort);
  g_test_add_func ("/full-whitelist/export", test_whitelist_export);
  g_test_add_func ("/full-whitelist/toast-shown-as-written", test_whitelist_toast_shown_as_written);
  g_test_add_func ("/full-whitelist/empty", test_whitelist_empty);
  g_test_add_func ("/full-whitelist/error-retry", test_whitelist_error_retry);
  g_test_add_func ("/full-whitelist/reload-keeps-entries", test_whitelist_reload_keeps_entries);
  g_test_add_func ("/full-whitelist/reload-and-bulk-check", test_whitelist_reload_and_bulk_check);
  g_test_add_func ("/full-whitelist/first-rows", test_whitelist_first_rows);
  g_test_add_func ("/full-whitelist/other-server", test_whitelist_other_server);
  g_test_add_func ("/full-whitelist/bulk-check", test_bulk_check);
  g_test_add_func ("/full-whitelist/bulk-input", test_bulk_input);
  g_test_add_func ("/full-whitelist/bulk-pause-cancel", test_bulk_pause_cancel);
  g_test_add_func ("/full-whitelist/large", test_whitelist_large);
  g_test_add_func ("/full-whitelist/selection-kept", test_whitelist_selection_kept);
  g_test_add_func ("/full-whitelist/leave-while-loading", test_whitelist_leave_while_loading);
  g_test_add_func ("/full-whitelist/close-while-loading", test_whitelist_close_while_loading);

  ret = g_test_run ();

  scms_mock_server_stop (mock_server);
  g_clear_object (&mock_server);

  return ret;
}
