/* scms-bench.c — in-process measurements for build-aux/bench.sh
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: scms-bench paging URL
 *        scms-bench whitelist URL
 * The API key comes from SCMS_MOCK_API_KEY. Each run prints one JSON
 * object on stdout; the figures are judged by the caller, never here.
 */

#include "config.h"

#include <stdio.h>

#include "scms-client.h"
#include "scms-mock-server.h"
#include "scms-scheduler.h"

#define PAGE_SIZE 100

typedef struct
{
  ScmsClient *client;
  GMainLoop  *loop;
  GArray     *completions;  /* gint64 monotonic µs */
  guint       n_pages;
  guint       n_done;
  guint       n_members;
  guint       n_rate_limited;
  guint       n_errors;
} Paging;

static ScmsClient *
connect_client (const char *url)
{
  g_autoptr(GError) error = NULL;
  ScmsClient *client;
  const char *key = g_getenv ("SCMS_MOCK_API_KEY");

  client = scms_client_new (url, SCMS_MOCK_DEFAULT_COMMUNITY_ID, &error);
  if (client == NULL)
    g_error ("%s", error->message);
  scms_client_set_api_key (client, key ? key : SCMS_MOCK_DEFAULT_API_KEY);

  return client;
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Paging *paging = user_data;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();
  guint total = 0;

  page = scms_client_get_accounts_finish (paging->client, result, &total, &error);
  g_array_append_val (paging->completions, now);

  if (page == NULL)
    {
      if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_RATE_LIMITED))
        paging->n_rate_limited++;
      else
        paging->n_errors++;
    }
  else
    {
      paging->n_members += g_list_model_get_n_items (page);
    }

  /* The first page tells how many there are: queue the rest at once and
   * let the scheduler pace them. */
  if (paging->n_pages == 1 && page != NULL)
    {
      paging->n_pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
      for (guint i = 1; i < paging->n_pages; i++)
        scms_client_get_accounts_async (paging->client, i * PAGE_SIZE, PAGE_SIZE,
                                        SCMS_MEMBER_FILTER_ALL, NULL, page_cb, paging);
    }

  if (++paging->n_done == paging->n_pages)
    g_main_loop_quit (paging->loop);
}

static int
bench_paging (const char *url)
{
  Paging paging = { 0 };
  gint64 begin, max_gap = 0;

  paging.client = connect_client (url);
  paging.loop = g_main_loop_new (NULL, FALSE);
  paging.completions = g_array_new (FALSE, FALSE, sizeof (gint64));
  scms_client_set_rate (paging.client, SCMS_SCHEDULER_MAX_RATE);

  begin = g_get_monotonic_time ();
  paging.n_pages = 1;
  scms_client_get_accounts_async (paging.client, 0, PAGE_SIZE, SCMS_MEMBER_FILTER_ALL, NULL,
                                  page_cb, &paging);
  g_main_loop_run (paging.loop);

  for (guint i = 1; i < paging.completions->len; i++)
    max_gap = MAX (max_gap, g_array_index (paging.completions, gint64, i) -
                            g_array_index (paging.completions, gint64, i - 1));

  printf ("{\"total_ms\": %.1f, \"requests\": %u, \"members\": %u, \"rate_limited\": %u, "
          "\"errors\": %u, \"max_gap_ms\": %.1f, \"interval_ms\": %.1f}\n",
          (g_get_monotonic_time () - begin) / 1000.0, scms_client_get_n_sent (paging.client),
          paging.n_members, paging.n_rate_limited, paging.n_errors, max_gap / 1000.0,
          1000.0 / scms_client_get_rate (paging.client));

  g_array_unref (paging.completions);
  g_main_loop_unref (paging.loop);
  g_object_unref (paging.client);

  return paging.n_errors + paging.n_rate_limited > 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "paging"))
    return bench_paging (argv[2]);

  g_printerr ("usage: scms-bench paging URL\n");
  return 2;
}
