/* scms-bench.c — in-process measurements for build-aux/bench.sh
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: scms-bench paging URL
 *        scms-bench whitelist URL    (needs a display)
 *        scms-bench decode FILE      (a saved FULL_WHITELIST reply)
 * The API key comes from SCMS_MOCK_API_KEY. Each run prints one JSON
 * object on stdout; the figures are judged by the caller, never here.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "scms-array-splitter.h"
#include "scms-client.h"
#include "scms-decode.h"
#include "scms-full-whitelist-page.h"
#include "scms-mock-server.h"
#include "scms-scheduler.h"
#include "scms-window.h"

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


/* The whitelist in a real window: ScmsWindow, its Full Whitelist page, the
 * client and the mock, as a person would use them. */

#define STALL_TICK_MS 2

typedef struct
{
  gint64 last;
  gint64 worst;
} Stall;

static gboolean
stall_tick_cb (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  /* How much later than asked this high-priority timeout ran: the time
   * the main loop could not run. */
  stall->worst = MAX (stall->worst, now - stall->last - STALL_TICK_MS * 1000);
  stall->last = now;

  return G_SOURCE_CONTINUE;
}

static void
stall_reset (Stall *stall)
{
  /* From now on: what runs before the next tick, including the call the
   * caller makes right after this (a keystroke), counts as a stall. */
  stall->last = g_get_monotonic_time ();
  stall->worst = 0;
}

static gsize
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, field)))
    return 0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

static void
reset_peak_rss (void)
{
  /* "5" resets the peak resident set size (VmHWM) of this process. */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static void
iterate_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (200);
    }
}

typedef struct
{
  gint64 rows_at;
  gint64 drawn_at;
  gint64 last_entry_at;
  gint64 main_cpu_at_last_entry;
  gint64 process_cpu_at_last_entry;
} Timeline;

/* CPU time used so far by @clock (this thread, or the whole process), µs. */
static gint64
cpu_time (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);

  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Timeline      *timeline)
{
  if (timeline->rows_at != 0 && timeline->drawn_at == 0)
    timeline->drawn_at = g_get_monotonic_time ();
}

static void
shown_changed_cb (GListModel *shown,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Timeline   *timeline)
{
  if (timeline->rows_at == 0 && g_list_model_get_n_items (shown) > 0)
    timeline->rows_at = g_get_monotonic_time ();
}

static void
entries_changed_cb (GListModel *entries,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Timeline   *timeline)
{
  timeline->last_entry_at = g_get_monotonic_time ();
  timeline->main_cpu_at_last_entry = cpu_time (CLOCK_THREAD_CPUTIME_ID);
  timeline->process_cpu_at_last_entry = cpu_time (CLOCK_PROCESS_CPUTIME_ID);
}

static void
wait_until_idle (ScmsFullWhitelistPage *page)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while ((scms_full_whitelist_page_is_busy (page) ||
          scms_page_get_state (SCMS_PAGE (page)) == SCMS_PAGE_STATE_LOADING) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static int
bench_whitelist (const char *url)
{
  static const char typed[] = "Member";
  g_autoptr(ScmsClient) client = NULL;
  ScmsFullWhitelistPage *page;
  ScmsWindow *window;
  Timeline timeline = { 0 };
  Stall stall = { 0 };
  GListModel *entries;
  gsize rss_before, rss_peak;
  gint64 begin, main_cpu_begin, process_cpu_begin, load_stall, search_stall = 0;
  guint tick;

  gtk_init ();
  adw_init ();

  client = connect_client (url);
  window = scms_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  scms_window_set_client (window, client);
  page = SCMS_FULL_WHITELIST_PAGE (scms_window_get_page (window, "full-whitelist"));

  /* Warm up with the small whitelist of server 2: the window is drawn and
   * the game servers are known before the clock starts. */
  scms_full_whitelist_page_set_server_id (page, 2);
  scms_window_set_visible_page (window, "full-whitelist");
  gtk_window_present (GTK_WINDOW (window));
  wait_until_idle (page);
  iterate_for (300);

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &timeline);
  g_signal_connect (scms_full_whitelist_page_get_shown (page), "items-changed",
                    G_CALLBACK (shown_changed_cb), &timeline);
  tick = g_timeout_add_full (G_PRIORITY_HIGH, STALL_TICK_MS, stall_tick_cb, &stall, NULL);

  rss_before = read_status_kb ("VmRSS:");
  reset_peak_rss ();
  stall_reset (&stall);
  begin = g_get_monotonic_time ();
  main_cpu_begin = cpu_time (CLOCK_THREAD_CPUTIME_ID);
  process_cpu_begin = cpu_time (CLOCK_PROCESS_CPUTIME_ID);

  /* The page builds a new store for the download: follow it. */
  scms_full_whitelist_page_set_server_id (page, 1);
  entries = scms_full_whitelist_page_get_entries (page);
  g_signal_connect (entries, "items-changed", G_CALLBACK (entries_changed_cb), &timeline);
  wait_until_idle (page);
  load_stall = stall.worst;
  iterate_for (100);

  rss_peak = read_status_kb ("VmHWM:");
  g_assert (scms_full_whitelist_page_get_entries (page) == entries);

  /* Type a search one key at a time, as fast as a quick typist. */
  for (gsize i = 1; i <= strlen (typed); i++)
    {
      g_autofree char *prefix = g_strndup (typed, i);

      stall_reset (&stall);
      scms_full_whitelist_page_set_search_text (page, prefix);
      iterate_for (120);
      search_stall = MAX (search_stall, stall.worst);
    }
  wait_until_idle (page);
  stall_reset (&stall);

  printf ("{\"entries\": %u, \"first_rows_ms\": %.1f, \"all_entries_ms\": %.1f, "
          "\"max_stall_ms\": %.1f, \"rss_growth_bytes\": %" G_GSIZE_FORMAT ", "
          "\"search_max_stall_ms\": %.1f, \"shown_after_search\": %u, "
          "\"main_thread_cpu_ms\": %.1f, \"process_cpu_ms\": %.1f}\n",
          g_list_model_get_n_items (entries),
          (timeline.drawn_at - begin) / 1000.0,
          (timeline.last_entry_at - begin) / 1000.0,
          load_stall / 1000.0,
          (rss_peak > rss_before ? rss_peak - rss_before : 0) * 1024,
          search_stall / 1000.0,
          g_list_model_get_n_items (scms_full_whitelist_page_get_shown (page)),
          (timeline.main_cpu_at_last_entry - main_cpu_begin) / 1000.0,
          (timeline.process_cpu_at_last_entry - process_cpu_begin) / 1000.0);

  g_source_remove (tick);
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}

/* json-glib's part of (1) on its own: the pieces the client would cut
 * from the reply, decoded by the same function on one thread per core, as
 * the client's pool does, with no download, no main loop and no window.
 * What (1) takes beyond this is the price of the rest. */

typedef struct
{
  GPtrArray *pieces;   /* GBytes, each an array of whole elements */
  guint      next;     /* atomic: the next piece to take */
  guint      entries;  /* atomic */
  guint      failed;   /* atomic */
  GPtrArray *decoded;  /* each piece's entries, freed after the clock stops */
  GMutex     lock;
} Decoding;

static gpointer
decode_thread (gpointer data)
{
  Decoding *decoding = data;
  guint i;

  while ((i = g_atomic_int_add (&decoding->next, 1)) < decoding->pieces->len)
    {
      GBytes *piece = g_ptr_array_index (decoding->pieces, i);
      ScmsRawReply reply = {
        .status = 200,
        .content_type = "application/json",
      };
      g_autoptr(GError) error = NULL;
      GPtrArray *items;

      reply.body = g_bytes_get_data (piece, &reply.length);
      items = _scms_decode_full_whitelist_items (&reply, &error);
      if (items == NULL)
        {
          g_atomic_int_inc (&decoding->failed);
          continue;
        }

      g_atomic_int_add (&decoding->entries, items->len);
      g_mutex_lock (&decoding->lock);
      g_ptr_array_add (decoding->decoded, items);
      g_mutex_unlock (&decoding->lock);
    }

  return NULL;
}

static int
bench_decode (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  ScmsArraySplitter splitter;
  Decoding decoding = { 0 };
  gsize length, start, piece_length;
  gint64 begin, cpu_begin;
  double wall_ms, cpu_ms;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);

  /* Cut as the client cuts a download, 64 KiB read after 64 KiB read. */
  decoding.pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  _scms_array_splitter_init (&splitter);
  for (gsize received = 0; received < length;)
    {
      received = MIN (received + 64 * 1024, length);
      _scms_array_splitter_scan (&splitter, data, received);
      while (_scms_array_splitter_take (&splitter, data,
                                        received == length ? 0 : SCMS_ARRAY_SPLITTER_PIECE_SIZE,
                                        &start, &piece_length))
        {
          gsize size;
          char *json = _scms_array_splitter_dup_piece (data, start, piece_length, &size);

          g_ptr_array_add (decoding.pieces, g_bytes_new_take (json, size));
        }
    }

  decoding.decoded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_mutex_init (&decoding.lock);

  begin = g_get_monotonic_time ();
  cpu_begin = cpu_time (CLOCK_PROCESS_CPUTIME_ID);
  for (guint i = 0; i < (guint) g_get_num_processors (); i++)
    g_ptr_array_add (threads, g_thread_new ("decode", decode_thread, &decoding));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  wall_ms = (g_get_monotonic_time () - begin) / 1000.0;
  cpu_ms = (cpu_time (CLOCK_PROCESS_CPUTIME_ID) - cpu_begin) / 1000.0;

  printf ("{\"pieces\": %u, \"entries\": %u, \"failed\": %u, \"threads\": %u, "
          "\"decode_ms\": %.1f, \"decode_cpu_ms\": %.1f}\n",
          decoding.pieces->len, decoding.entries, decoding.failed, threads->len,
          wall_ms, cpu_ms);

  g_ptr_array_unref (decoding.decoded);
  g_ptr_array_unref (decoding.pieces);
  g_mutex_clear (&decoding.lock);

  return decoding.failed > 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "paging"))
    return bench_paging (argv[2]);

  if (argc == 3 && g_str_equal (argv[1], "whitelist"))
    return bench_whitelist (argv[2]);

  if (argc == 3 && g_str_equal (argv[1], "decode"))
    return bench_decode (argv[2]);

  g_printerr ("usage: scms-bench paging|whitelist URL, or scms-bench decode FILE\n");
  return 2;
}
