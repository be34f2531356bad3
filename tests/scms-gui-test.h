/* scms-gui-test.h — what the page tests share: the mock, a client, waiting
 * for the main loop, finding what a user sees
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "scms-find-widget.h"
#include "scms-full-whitelist-page.h"
#include "scms-mock-server.h"
#include "scms-page.h"
#include "scms-test-loop.h"
#include "scms-window.h"

static ScmsMockServer *mock_server;

static ScmsPageState wanted_state;

static inline gboolean
page_in_state (gpointer data)
{
  return scms_page_get_state (SCMS_PAGE (data)) == wanted_state;
}

static inline void
wait_for_state (ScmsPage      *page,
                ScmsPageState  state)
{
  wanted_state = state;
  wait_until (page_in_state, page, "the page state");
}

static inline gboolean
page_not_refreshing (gpointer data)
{
  return !scms_page_get_refreshing (SCMS_PAGE (data));
}

/* Waits until a reload of @page that kept its results has ended: with new
 * results, or with a notice that they could not be reloaded. */
static inline void
wait_for_refresh (ScmsPage *page)
{
  wait_until (page_not_refreshing, page, "the reload to end");
}

/* For wait_until(): the Full Whitelist page @data shows a whitelist and
 * has nothing left to do (download, search, sort). */
static inline gboolean
whitelist_ready (gpointer data)
{
  ScmsFullWhitelistPage *page = data;

  return scms_page_get_state (SCMS_PAGE (page)) == SCMS_PAGE_STATE_RESULTS &&
         !scms_full_whitelist_page_is_busy (page);
}

/* The text a label or a list cell's inscription shows, or NULL. */
static inline const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));

  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  return NULL;
}

static inline gboolean
is_text_shown (GtkWidget     *widget,
               gconstpointer  text)
{
  if (shown_text (widget) != NULL && g_strcmp0 (shown_text (widget), text) == 0)
    return TRUE;

  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

/* The first mapped label, inscription or button under @root showing @text. */
static inline GtkWidget *
find_shown_text (GtkWidget  *root,
                 const char *text)
{
  return find_widget (root, FIND_MAPPED, is_text_shown, text);
}

static inline gboolean
is_text_shown_with_prefix (GtkWidget     *widget,
                           gconstpointer  prefix)
{
  return shown_text (widget) != NULL && g_str_has_prefix (shown_text (widget), prefix);
}

/* The first mapped label or inscription under @root whose text starts
 * with @prefix. */
static inline GtkWidget *
find_shown_prefix (GtkWidget  *root,
                   const char *prefix)
{
  return find_widget (root, FIND_MAPPED, is_text_shown_with_prefix, prefix);
}

static inline ScmsClient *
create_client (void)
{
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = scms_client_new (scms_mock_server_get_url (mock_server),
                            SCMS_MOCK_DEFAULT_COMMUNITY_ID,
                            &error);
  g_assert_no_error (error);
  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);
  /* Tests need not wait for the polite default pace. */
  scms_client_set_rate (client, 100.0);
  scms_client_set_burst (client, 20);

  return g_steal_pointer (&client);
}

static inline gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @root, @root included. */
static inline GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  return find_widget (root, FIND_ANY, is_of_type, GSIZE_TO_POINTER (type));
}

/* The whole window, showing the community of @client. */
static inline ScmsWindow *
create_window (ScmsClient *client)
{
  ScmsWindow *window = scms_window_new (NULL);

  g_object_ref (window);
  scms_window_set_client (window, client);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static inline void
destroy_window (ScmsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  assert_finalized_soon (window);
}

/* Shows @page in a window of its own, as the window's stack would. */
static inline GtkWindow *
show_page (ScmsPage *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_object_ref (window);
  gtk_window_set_default_size (window, 900, 800);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);

  return window;
}

static inline void
destroy_page_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  assert_finalized_soon (window);
}

static inline int
run_gui_tests (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  mock_server = scms_mock_server_new ();
  if (!scms_mock_server_start (mock_server, 0, &error))
    g_error ("Could not start the mock server: %s", error->message);

  ret = g_test_run ();

  scms_mock_server_stop (mock_server);
  g_clear_object (&mock_server);

  return ret;
}
