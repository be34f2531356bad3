/* scms-array-splitter.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-array-splitter.h"
#include "scms-bytes-private.h"

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void
_scms_array_splitter_init (ScmsArraySplitter *self)
{
  *self = (ScmsArraySplitter) { 0 };
}

/**
 * _scms_array_splitter_scan:
 * @self: a splitter
 * @data: everything received so far (the same buffer, growing)
 * @length: its length
 *
 * Looks at the bytes after the ones already scanned.
 */
void
_scms_array_splitter_scan (ScmsArraySplitter *self,
                           const char        *data,
                           gsize              length)
{
  /* The state is kept in a local copy while scanning: written through a
   * char pointer, it would otherwise be read back from memory for every
   * byte. Scanning an 11 MB whitelist took 28 ms instead of 10. */
  ScmsArraySplitter s = *self;
  gsize i = s.scanned;

  for (; i < length && !s.invalid; i++)
    {
      char c = data[i];

      if (s.in_string)
        {
          if (s.escaped)
            {
              s.escaped = FALSE;
              continue;
            }

          /* Most of a reply is inside strings: on to the next byte that
           * matters there. */
          i = _scms_bytes_find_quote_or_backslash (data, i, length);

          if (i == length)
            break;

          if (data[i] == '\\')
            s.escaped = TRUE;
          else
            s.in_string = FALSE;
          continue;
        }

      if (s.closed)
        {
          if (!is_space (c))
            s.invalid = TRUE;
          continue;
        }

      if (!s.opened)
        {
          if (c == '[')
            {
              s.opened = TRUE;
              s.depth = 1;
              s.start = s.end = i + 1;
            }
          else if (!is_space (c))
            s.invalid = TRUE;
          continue;
        }

      switch (c)
        {
        case '"':
          s.in_string = TRUE;
          break;

        case '[':
        case '{':
          /* json-glib recurses per level; nothing real nests this deep. */
          if (++s.depth > 64)
            s.invalid = TRUE;
          break;

        case ']':
        case '}':
          if (--s.depth == 0)
            {
              if (c != ']')
                s.invalid = TRUE;
              s.closed = TRUE;
              s.end = i;
            }
          break;

        case '/':
          /* JSON has no comments, but json-glib skips them, and what it
           * takes for one can hide quotes, brackets and commas from this
           * scanner: pieces cut through it would not parse. */
          s.invalid = TRUE;
          break;

        case ',':
          if (s.depth == 1)
            {
              s.n_separators++;
              s.end = i;
            }
          break;

        default:
          break;
        }
    }

  s.scanned = MAX (s.scanned, length);
  *self = s;
}

/**
 * _scms_array_splitter_take:
 * @self: a splitter
 * @data: the buffer given to _scms_array_splitter_scan()
 * @min_size: the smallest piece worth taking, unless the array is complete
 * @piece_start: (out): where the piece starts in @data
 * @piece_length: (out): its length, without the separator after it
 *
 * Hands out the next run of complete elements (comma-separated, without
 * brackets), once it is at least @min_size bytes or the array is closed.
 *
 * Returns: %TRUE if a piece was taken
 */
gboolean
_scms_array_splitter_take (ScmsArraySplitter *self,
                           const char        *data,
                           gsize              min_size,
                           gsize             *piece_start,
                           gsize             *piece_length)
{
  gsize length;

  if (self->invalid || !self->opened || self->end <= self->start)
    return FALSE;

  length = self->end - self->start;
  if (length < min_size && !self->closed)
    return FALSE;

  *piece_start = self->start;
  *piece_length = length;

  /* Skip the separator; after the final ']' there is nothing more. */
  self->start = self->closed ? self->end : self->end + 1;
  if (self->end < self->start && !self->closed)
    self->end = self->start;

  return TRUE;
}

/**
 * _scms_array_splitter_discard:
 * @self: a splitter
 * @n_bytes: how many bytes were removed from the front of the buffer; no
 *   more than the start of the next piece
 *
 * Keeps the offsets right after the caller dropped bytes it has taken.
 */
void
_scms_array_splitter_discard (ScmsArraySplitter *self,
                              gsize              n_bytes)
{
  g_return_if_fail (n_bytes <= self->start);

  self->scanned -= n_bytes;
  self->start -= n_bytes;
  self->end -= n_bytes;
}

gboolean
_scms_array_splitter_is_blank (const char *data,
                               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!is_space (data[i]))
      return FALSE;

  return TRUE;
}

/**
 * _scms_array_splitter_dup_piece:
 * @data: the buffer the piece was taken from
 * @start: where the piece starts, as _scms_array_splitter_take() said
 * @length: its length, as _scms_array_splitter_take() said
 * @out_length: (out): the length of the copy
 *
 * Copies a piece as an array of its own, `[` its elements `]`, for a JSON
 * parser.
 *
 * Returns: (transfer full): the copy, not nul-terminated
 */
char *
_scms_array_splitter_dup_piece (const char *data,
                                gsize       start,
                                gsize       length,
                                gsize      *out_length)
{
  char *piece;

  g_return_val_if_fail (length <= G_MAXSIZE - 2, NULL);

  piece = g_malloc (length + 2);
  piece[0] = '[';
  memcpy (piece + 1, data + start, length);
  piece[length + 1] = ']';
  *out_length = length + 2;

  return piece;
}
