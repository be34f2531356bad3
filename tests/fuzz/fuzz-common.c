/* fuzz-common.c — the GLib log writer of the fuzz targets
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

/* G_DEBUG=fatal-criticals raises SIGTRAP, which libFuzzer does not count
 * as a crash, so it would keep no artifact. Our decoders promise never to
 * warn whatever the bytes are: a warning, critical or error is printed and
 * turned into abort(), which libFuzzer reports and saves. Anything less
 * severe is dropped to keep the fuzzer fast and its output readable. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

void
fuzz_install_log_writer (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

/* An invariant of the code under test; a failure is a crash to keep. */
void
fuzz_check (gboolean    condition,
            const char *what)
{
  if (condition)
    return;

  fprintf (stderr, "fuzz invariant failed: %s\n", what);
  abort ();
}
