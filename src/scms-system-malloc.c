/* scms-system-malloc.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

/* GLib 2.74 still serves g_slice_*() from its magazine allocator, whose
 * shared depot sits behind one lock. json-glib takes every node, object
 * and array of a parsed reply from it, so the threads decoding a large
 * whitelist mostly waited for each other there: two of them used twice
 * the CPU time of one for the same pieces. GLib 2.76 gave that allocator
 * up for malloc(), which keeps an arena per thread; this asks 2.74 for
 * the same.
 *
 * It has to happen before the first slice is allocated, and GObject
 * allocates some in its own initialiser, before main(). An executable's
 * .preinit_array runs before any shared library's initialiser, and this
 * file is linked into the executables only (src/meson.build). Setting
 * G_SLICE in the environment from there was tried: main() no longer saw
 * it. */
#if !GLIB_CHECK_VERSION (2, 75, 0)
static void
use_system_malloc (int    argc,
                   char **argv,
                   char **envp)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_slice_set_config (G_SLICE_CONFIG_ALWAYS_MALLOC, TRUE);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

__attribute__((section (".preinit_array"), used))
static void (* const scms_preinit) (int, char **, char **) = use_system_malloc;
#endif
