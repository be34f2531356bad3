/* scms-bytes.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-bytes-private.h"

/**
 * _scms_utf8_validate:
 * @data: bytes, not necessarily nul-terminated
 * @length: how many
 *
 * The same answer as g_utf8_validate_len(), faster where the text is
 * mostly ASCII: GLib 2.74 looks at every byte on its own. Checking the
 * pieces and the strings of a 100,000-entry whitelist took 158 M
 * instructions with it, 41 M with this (callgrind). NUL bytes are refused.
 *
 * A byte below 0x80 is a character on its own and never part of another
 * one, so the text is valid when it has no NUL and each run of bytes from
 * 0x80 up is valid on its own; GLib checks those runs.
 *
 * Returns: whether @data is valid UTF-8 without NUL bytes
 */
gboolean
_scms_utf8_validate (const char *data,
                     gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      gsize run;

      /* ASCII without NUL, eight bytes at a time. */
      while (length - i >= sizeof (guint64))
        {
          guint64 word;

          memcpy (&word, data + i, sizeof word);
          if ((word & SCMS_BYTES_HIGHS) | _scms_bytes_has_zero (word))
            break;
          i += sizeof word;
        }

      if (i == length)
        break;

      if (data[i] == '\0')
        return FALSE;

      if ((guchar) data[i] < 0x80)
        {
          i++;
          continue;
        }

      for (run = i; i < length && (guchar) data[i] >= 0x80; i++)
        ;
      if (!g_utf8_validate_len (data + run, i - run, NULL))
        return FALSE;
    }

  return TRUE;
}
