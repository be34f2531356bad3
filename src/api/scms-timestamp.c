/* scms-timestamp.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-timestamp.h"

/* Longer than any timestamp we know; keeps the work bounded on garbage. */
#define MAX_TIMESTAMP_LENGTH 64

static gboolean
digits_at (const char *text,
           gsize       offset,
           gsize       count)
{
  for (gsize i = 0; i < count; i++)
    if (!g_ascii_isdigit (text[offset + i]))
      return FALSE;

  return TRUE;
}

/* Rewrites "YYYY-MM-DD HH:mm:ss[.SSS] ±HHMM" into ISO 8601, or returns NULL
 * when @text does not have exactly that shape. */
static char *
v1_to_iso8601 (const char *text,
               gsize       len)
{
  GString *iso;
  gsize pos = 19;

  if (len < 19 ||
      !digits_at (text, 0, 4) || text[4] != '-' ||
      !digits_at (text, 5, 2) || text[7] != '-' ||
      !digits_at (text, 8, 2) || text[10] != ' ' ||
      !digits_at (text, 11, 2) || text[13] != ':' ||
      !digits_at (text, 14, 2) || text[16] != ':' ||
      !digits_at (text, 17, 2))
    return NULL;

  iso = g_string_new_len (text, 19);
  iso->str[10] = 'T';

  if (text[pos] == '.')
    {
      gsize start = pos++;

      while (pos < len && g_ascii_isdigit (text[pos]))
        pos++;

      if (pos - start < 2)
        goto fail;

      g_string_append_len (iso, text + start, pos - start);
    }

  if (pos < len && text[pos] == ' ')
    pos++;

  if (pos + 5 == len && (text[pos] == '+' || text[pos] == '-') && digits_at (text, pos + 1, 4))
    {
      g_string_append_len (iso, text + pos, 3);
      g_string_append_c (iso, ':');
      g_string_append_len (iso, text + pos + 3, 2);
      return g_string_free (iso, FALSE);
    }

fail:
  g_string_free (iso, TRUE);
  return NULL;
}

/**
 * scms_timestamp_parse:
 * @text: (nullable): a timestamp from a reply
 *
 * Parses the v1 form `YYYY-MM-DD HH:mm:ss[.SSS] ±HHMM` and ISO 8601 with a
 * time zone (v2, e.g. `2024-03-10T02:14:22Z`; without a zone UTC is
 * assumed). Never warns, whatever @text is.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if @text is not
 *   a timestamp
 */
GDateTime *
scms_timestamp_parse (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *iso = NULL;
  gsize len;

  if (text == NULL)
    return NULL;

  len = strnlen (text, MAX_TIMESTAMP_LENGTH + 1);
  if (len == 0 || len > MAX_TIMESTAMP_LENGTH)
    return NULL;

  /* Only ASCII can be a timestamp; this also rules out invalid UTF-8. */
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isprint (text[i]))
      return NULL;

  iso = v1_to_iso8601 (text, len);
  utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (iso != NULL ? iso : text, utc);
}
