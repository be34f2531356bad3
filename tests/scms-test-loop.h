/* scms-test-loop.h — running the main loop in the GUI tests: for a while,
 * until something holds, until an object is gone
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

/* Slow builds (build-aux/sanitize.sh) stretch every time limit by
 * SCMS_TESTS_TIME_FACTOR, as the end-to-end tests do; what the tests
 * check stays the same. */
static inline guint
test_time_factor (void)
{
  const char *value = g_getenv ("SCMS_TESTS_TIME_FACTOR");
  guint64 factor = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 1;

  return (guint) CLAMP (factor, 1, 100);
}

/* The longest wait for anything the main loop should bring. */
#define WAIT_SECONDS (15 * test_time_factor ())

static inline gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static inline void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
}

/* Iterates the main context until @done returns TRUE, failing after
 * WAIT_SECONDS. */
static inline void
wait_until (gboolean    (*done) (gpointer),
            gpointer      data,
            const char   *what)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

/* Drops the test's reference to @object and asserts that it is finalized
 * within WAIT_SECONDS. Calls under way keep what they work for alive
 * until their callbacks have run, cancelled or not: a fixed wait after
 * closing a window was too short on a loaded machine under ASan, and a
 * test failed for it with nothing leaked. A real leak still fails. */
static inline void
assert_finalized_soon (gpointer object)
{
  gpointer weak = object;
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);

  while (weak != NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
  g_assert_null (weak);
}
