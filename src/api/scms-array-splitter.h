/* scms-array-splitter.h — finds element boundaries in a JSON array as it arrives
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The size streamed pieces are cut at, at least (the last may be
 * smaller): small, so the first rows come quickly and each json-glib tree
 * is freed while its memory is still in cache, for the next piece to
 * reuse. Decoding 100,000 entries in 32 KiB pieces took two thirds of the
 * time it took in 512 KiB ones. */
#define SCMS_ARRAY_SPLITTER_PIECE_SIZE (32 * 1024)

/*
 * A byte scanner over a top-level JSON array (`[ elem , elem , … ]`), fed
 * in pieces as a reply downloads. It does not parse: it only knows strings,
 * escapes, nesting and that JSON has no comments, so that a reply can be
 * cut between elements and the pieces parsed on worker threads while the
 * rest is still on the wire. A piece that is not valid JSON is caught by
 * the parser later; the splitter only has to cut in the right places for
 * valid input and never read out of bounds for any input.
 */
typedef struct
{
  gsize    scanned;      /* bytes looked at so far */
  gsize    start;        /* offset of the first byte of the current piece */
  gsize    end;          /* offset of the separator that ends the complete
                          * elements seen since start (',' or the final ']') */
  guint    depth;
  guint    n_separators; /* commas at depth 1 so far */
  gboolean in_string;
  gboolean escaped;
  gboolean opened;       /* saw the top-level '[' */
  gboolean closed;       /* saw its ']' */
  gboolean invalid;      /* not an array, unbalanced, or bytes after the end */
} ScmsArraySplitter;

void     _scms_array_splitter_init  (ScmsArraySplitter *self);
void     _scms_array_splitter_scan  (ScmsArraySplitter *self,
                                     const char        *data,
                                     gsize              length);
gboolean _scms_array_splitter_take  (ScmsArraySplitter *self,
                                     const char        *data,
                                     gsize              min_size,
                                     gsize             *piece_start,
                                     gsize             *piece_length);
void     _scms_array_splitter_discard (ScmsArraySplitter *self,
                                       gsize              n_bytes);
gboolean _scms_array_splitter_is_blank (const char     *data,
                                        gsize           length);
char    *_scms_array_splitter_dup_piece (const char    *data,
                                         gsize          start,
                                         gsize          length,
                                         gsize         *out_length);

G_END_DECLS
