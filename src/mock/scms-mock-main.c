/* scms-mock-main.c — the standalone mock Sonoran CMS v1 server
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib-unix.h>

#include "scms-mock-server.h"

static gboolean
quit_cb (gpointer data)
{
  GMainLoop *loop = data;

  g_main_loop_quit (loop);

  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScmsMockServer) mock = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *community_id = NULL;
  const char *api_key;
  int port = 0;
  int members = SCMS_MOCK_DEFAULT_MEMBERS;
  int whitelist_size = 0;
  int tier = 4;
  int rate_limit = 0;
  guint sigint_id;
  guint sigterm_id;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      "Port on 127.0.0.1 to listen on (0 picks a free one)", "N" },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant,
      "Reply shapes: docs as documented (default), live as the service sends them",
      "docs|live" },
    { "members", 0, 0, G_OPTION_ARG_INT, &members,
      "Community members, 5 to 100000 (default 160)", "N" },
    { "whitelist-size", 0, 0, G_OPTION_ARG_INT, &whitelist_size,
      "Pad server 1's full whitelist to N entries", "N" },
    { "tier", 0, 0, G_OPTION_ARG_INT, &tier,
      "Subscription tier, 0 (Free) to 6 (default 4, Pro)", "N" },
    { "community-id", 0, 0, G_OPTION_ARG_STRING, &community_id,
      "Community ID to accept (default " SCMS_MOCK_DEFAULT_COMMUNITY_ID ")", "ID" },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &rate_limit,
      "Answer 429 beyond N requests in any minute (default 0, off)", "PER_MINUTE" },
    { NULL }
  };

  context = g_option_context_new ("- mock Sonoran CMS v1 API server");
  g_option_context_set_summary (context,
                                "Serves an invented community over the Sonoran CMS v1 API on "
                                "127.0.0.1, for tests and demos.");
  g_option_context_set_description (context,
    "The API key is read from the environment variable SCMS_MOCK_API_KEY (default: the demo\n"
    "key), never from the command line, where other users could read it.\n"
    "Prints \"Listening on http://127.0.0.1:PORT\" once ready and runs until SIGINT or SIGTERM.\n");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (port < 0 || port > 65535 || members < 0 || whitelist_size < 0 || rate_limit < 0)
    {
      g_printerr ("Numbers must be positive (and the port at most 65535)\n");
      return EXIT_FAILURE;
    }

  mock = scms_mock_server_new ();
  if (variant == NULL || g_str_equal (variant, "docs"))
    scms_mock_server_set_variant (mock, SCMS_MOCK_VARIANT_DOCS);
  else if (g_str_equal (variant, "live"))
    scms_mock_server_set_variant (mock, SCMS_MOCK_VARIANT_LIVE);
  else
    {
      g_printerr ("Unknown variant '%s': use docs or live\n", variant);
      return EXIT_FAILURE;
    }

  api_key = g_getenv ("SCMS_MOCK_API_KEY");
  scms_mock_server_set_credentials (mock, community_id, api_key);
  scms_mock_server_set_members (mock, (guint) members);
  scms_mock_server_set_whitelist_size (mock, (guint) whitelist_size);
  scms_mock_server_set_tier (mock, tier);
  scms_mock_server_set_rate_limit (mock, (guint) rate_limit, 60);

  if (!scms_mock_server_start (mock, (guint) port, &error))
    {
      g_printerr ("Cannot listen: %s\n", error->message);
      return EXIT_FAILURE;
    }

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);

  g_print ("Listening on %s\n", scms_mock_server_get_url (mock));
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  scms_mock_server_stop (mock);

  return EXIT_SUCCESS;
}
