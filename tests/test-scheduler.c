/* test-scheduler.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-scheduler.h"

/* Only lower bounds on time are asserted: a slow machine can make the
 * scheduler later, never earlier, so these cannot flake. */

typedef struct
{
  guint  dispatched;
  guint  cancelled;
  gint64 times[16];
} Counts;

static void
count_cb (gpointer user_data,
          gboolean cancelled)
{
  Counts *counts = user_data;

  if (cancelled)
    counts->cancelled++;
  else if (counts->dispatched < G_N_ELEMENTS (counts->times))
    counts->times[counts->dispatched++] = g_get_monotonic_time ();
  else
    counts->dispatched++;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_until (const guint *value,
            guint        expected)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*value < expected && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (*value, ==, expected);
}

static void
test_burst_then_queue (void)
{
  g_autoptr(ScmsScheduler) scheduler = scms_scheduler_new (0.01, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Counts counts = { 0 };

  for (guint i = 0; i < 4; i++)
    scms_scheduler_submit (scheduler, NULL, NULL, count_cb, &counts);
  scms_scheduler_submit (scheduler, NULL, cancellable, count_cb, &counts);

  /* Submitting never calls back synchronously. */
  g_assert_cmpuint (counts.dispatched, ==, 0);

  drain ();
  g_assert_cmpuint (counts.dispatched, ==, 3);
  g_assert_cmpuint (scms_scheduler_get_n_queued (scheduler), ==, 2);
  g_assert_cmpuint (scms_scheduler_get_n_dispatched (scheduler), ==, 3);

  /* A queued call leaves the queue at once when cancelled. */
  g_cancellable_cancel (cancellable);
  drain ();
  g_assert_cmpuint (counts.cancelled, ==, 1);
  g_assert_cmpuint (counts.dispatched, ==, 3);
  g_assert_cmpuint (scms_scheduler_get_n_queued (scheduler), ==, 1);

  /* Disposing hands the rest back as cancelled, never sent. */
  g_object_run_dispose (G_OBJECT (scheduler));
  g_assert_cmpuint (counts.cancelled, ==, 2);
  g_assert_cmpuint (counts.dispatched, ==, 3);
}

static void
test_sustained_rate (void)
{
  g_autoptr(ScmsScheduler) scheduler = scms_scheduler_new (10.0, 1);
  Counts counts = { 0 };

  for (guint i = 0; i < 5; i++)
    scms_scheduler_submit (scheduler, NULL, NULL, count_cb, &counts);

  wait_until (&counts.dispatched, 5);

  /* 10 calls per second with no burst: at least 100 ms apart (the timer
   * rounds up to whole milliseconds, never down). */
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (counts.times[i] - counts.times[i - 1], >=, 99 * 1000);
}

static void
test_already_cancelled (void)
{
  g_autoptr(ScmsScheduler) scheduler = scms_scheduler_new (1.0, 4);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Counts counts = { 0 };

  g_cancellable_cancel (cancellable);
  scms_scheduler_submit (scheduler, NULL, cancellable, count_cb, &counts);
  g_assert_cmpuint (counts.cancelled, ==, 0);

  drain ();
  g_assert_cmpuint (counts.cancelled, ==, 1);
  g_assert_cmpuint (counts.dispatched, ==, 0);
  g_assert_cmpuint (scms_scheduler_get_n_dispatched (scheduler), ==, 0);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* One call out per lane; other lanes go past a busy one, in order. */
static void
test_lanes (void)
{
  g_autoptr(ScmsScheduler) scheduler = scms_scheduler_new (10.0, 4);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Counts a = { 0 };
  Counts b = { 0 };
  Counts none = { 0 };

  scms_scheduler_submit (scheduler, "/a", NULL, count_cb, &a);
  scms_scheduler_submit (scheduler, "/a", NULL, count_cb, &a);
  scms_scheduler_submit (scheduler, "/a", cancellable, count_cb, &a);
  scms_scheduler_submit (scheduler, "/b", NULL, count_cb, &b);
  scms_scheduler_submit (scheduler, NULL, NULL, count_cb, &none);

  /* Three of the four tokens go; the second and third calls of /a wait. */
  drain ();
  g_assert_cmpuint (a.dispatched, ==, 1);
  g_assert_cmpuint (b.dispatched, ==, 1);
  g_assert_cmpuint (none.dispatched, ==, 1);
  g_assert_cmpuint (scms_scheduler_get_n_queued (scheduler), ==, 2);

  /* A call waiting for its lane can be cancelled like any other. */
  g_cancellable_cancel (cancellable);
  drain ();
  g_assert_cmpuint (a.cancelled, ==, 1);
  g_assert_cmpuint (scms_scheduler_get_n_queued (scheduler), ==, 1);

  /* Releasing another lane, or one with nothing out, changes nothing,
   * though a token is left. */
  scms_scheduler_release (scheduler, "/b");
  scms_scheduler_release (scheduler, "/c");
  drain ();
  g_assert_cmpuint (a.dispatched, ==, 1);

  scms_scheduler_release (scheduler, "/a");
  drain ();
  g_assert_cmpuint (a.dispatched, ==, 2);
  g_assert_cmpuint (scms_scheduler_get_n_queued (scheduler), ==, 0);

  /* The lane is taken again by the call that went… (with a burst of one,
   * so that however long this took, /b's token is the last one) */
  scms_scheduler_set_burst (scheduler, 1);
  scms_scheduler_submit (scheduler, "/a", NULL, count_cb, &a);
  scms_scheduler_submit (scheduler, "/b", NULL, count_cb, &b);
  wait_until (&b.dispatched, 2);
  g_assert_cmpuint (a.dispatched, ==, 2);

  /* …and freed lanes still wait for their token. */
  scms_scheduler_release (scheduler, "/a");
  wait_until (&a.dispatched, 3);
  g_assert_cmpint (a.times[2] - b.times[1], >=, 99 * 1000);
  g_assert_cmpuint (scms_scheduler_get_n_dispatched (scheduler), ==, 6);
}

static void
test_pause (void)
{
  g_autoptr(ScmsScheduler) scheduler = scms_scheduler_new (10.0, 4);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Counts counts = { 0 };
  guint notified = 0;
  gint64 before = g_get_monotonic_time ();
  gint64 until;

  g_signal_connect (scheduler, "notify::paused-until", G_CALLBACK (notify_cb), &notified);

  scms_scheduler_pause (scheduler, 60);
  until = scms_scheduler_get_paused_until (scheduler);
  g_assert_cmpint (until, >=, before + 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (notified, ==, 1);

  /* A shorter pause does not cut the longer one short. */
  scms_scheduler_pause (scheduler, 5);
  g_assert_cmpint (scms_scheduler_get_paused_until (scheduler), ==, until);
  g_assert_cmpuint (notified, ==, 1);

  scms_scheduler_submit (scheduler, NULL, cancellable, count_cb, &counts);
  scms_scheduler_submit (scheduler, NULL, cancellable, count_cb, &counts);
  drain ();
  g_assert_cmpuint (counts.dispatched, ==, 0);
  g_assert_cmpuint (scms_scheduler_get_n_queued (scheduler), ==, 2);

  g_cancellable_cancel (cancellable);
  drain ();
  g_assert_cmpuint (counts.cancelled, ==, 2);
  g_assert_cmpuint (counts.dispatched, ==, 0);
  g_assert_cmpuint (scms_scheduler_get_n_queued (scheduler), ==, 0);
}

static void
test_pause_expires (void)
{
  g_autoptr(ScmsScheduler) scheduler = scms_scheduler_new (10.0, 4);
  Counts counts = { 0 };
  guint notified = 0;
  gint64 paused_at;

  g_signal_connect (scheduler, "notify::paused-until", G_CALLBACK (notify_cb), &notified);

  paused_at = g_get_monotonic_time ();
  scms_scheduler_pause (scheduler, 1);
  scms_scheduler_submit (scheduler, NULL, NULL, count_cb, &counts);

  wait_until (&counts.dispatched, 1);
  g_assert_cmpint (counts.times[0] - paused_at, >=, G_USEC_PER_SEC);
  g_assert_cmpint (scms_scheduler_get_paused_until (scheduler), ==, 0);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_rate_limits (void)
{
  g_autoptr(ScmsScheduler) scheduler = scms_scheduler_new (1.0, 4);

  scms_scheduler_set_rate (scheduler, 1000.0);
  g_assert_cmpfloat (scms_scheduler_get_rate (scheduler), ==, SCMS_SCHEDULER_MAX_RATE);

  scms_scheduler_set_burst (scheduler, 2);
  g_assert_cmpuint (scms_scheduler_get_burst (scheduler), ==, 2);
}

static void
test_shared (void)
{
  g_autoptr(ScmsScheduler) a = scms_scheduler_get_shared ("https://example.test\ncommunity");
  g_autoptr(ScmsScheduler) b = scms_scheduler_get_shared ("https://example.test\ncommunity");
  g_autoptr(ScmsScheduler) c = scms_scheduler_get_shared ("https://example.test\nother");

  g_assert_true (a == b);
  g_assert_false (a == c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler/burst-then-queue", test_burst_then_queue);
  g_test_add_func ("/scheduler/sustained-rate", test_sustained_rate);
  g_test_add_func ("/scheduler/already-cancelled", test_already_cancelled);
  g_test_add_func ("/scheduler/lanes", test_lanes);
  g_test_add_func ("/scheduler/pause", test_pause);
  g_test_add_func ("/scheduler/pause-expires", test_pause_expires);
  g_test_add_func ("/scheduler/rate-limits", test_rate_limits);
  g_test_add_func ("/scheduler/shared", test_shared);

  return g_test_run ();
}
