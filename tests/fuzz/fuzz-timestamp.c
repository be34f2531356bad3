/* fuzz-timestamp.c — libFuzzer target for scms_timestamp_parse()
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "scms-timestamp.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_install_log_writer ();
  return 0;
}

/* The whole input is the text, made nul-terminated (an embedded NUL simply
 * ends it, as it would in a JSON string). */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GDateTime) time = NULL;

  time = scms_timestamp_parse (text);

  if (time != NULL)
    {
      g_autofree char *iso = g_date_time_format_iso8601 (time);

      /* Whatever was accepted must be a time we can show again. */
      fuzz_check (iso != NULL, "an accepted timestamp formats as ISO 8601");
    }

  return 0;
}
