/* test-system-malloc.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#if !GLIB_CHECK_VERSION (2, 75, 0)
/* Linked with src/scms-system-malloc.c, as the executables are. GLib only
 * takes the setting before its allocator starts, which GObject's own
 * initialiser does before main(); set any later, it would be refused
 * with a critical and read back as FALSE. */
static void
test_set_before_libraries_start (void)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (g_slice_get_config (G_SLICE_CONFIG_ALWAYS_MALLOC));
  G_GNUC_END_IGNORE_DEPRECATIONS
}
#endif

/* Slices come from malloc(), so the two allocators can be mixed. */
static void
test_slices_are_malloc (void)
{
  gpointer slice = g_slice_alloc (24);

  g_free (slice);
  slice = g_malloc (24);
  g_slice_free1 (24, slice);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* From 2.76 on, GLib has no slice allocator to set. */
#if !GLIB_CHECK_VERSION (2, 75, 0)
  g_test_add_func ("/system-malloc/set-before-libraries-start", test_set_before_libraries_start);
#endif
  g_test_add_func ("/system-malloc/slices-are-malloc", test_slices_are_malloc);

  return g_test_run ();
}
