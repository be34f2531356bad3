/* test-array-splitter.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-array-splitter.h"

/* Feeds @json @step bytes at a time and joins the pieces with commas. */
static char *
split_and_join (const char *json,
                gsize       step,
                gsize       min_size,
                gboolean   *closed,
                gboolean   *invalid,
                guint      *n_pieces)
{
  ScmsArraySplitter splitter;
  GString *joined = g_string_new (NULL);
  gsize length = strlen (json);
  gsize start, piece_length;

  _scms_array_splitter_init (&splitter);
  *n_pieces = 0;

  for (gsize fed = 0; fed < length;)
    {
      fed = MIN (fed + step, length);
      _scms_array_splitter_scan (&splitter, json, fed);

      while (_scms_array_splitter_take (&splitter, json, min_size, &start, &piece_length))
        {
          if (joined->len > 0)
            g_string_append_c (joined, ',');
          g_string_append_len (joined, json + start, piece_length);
          (*n_pieces)++;
        }
    }

  *closed = splitter.closed;
  *invalid = splitter.invalid;

  return g_string_free (joined, FALSE);
}

static void
test_split_valid (void)
{
  static const char *arrays[] = {
    "[]",
    " [ ] ",
    "[1]",
    "[{\"name\":\"a,b]\",\"apiIds\":[\"x\",\"y\"]},{\"name\":\"q\\\"]\\\\\",\"apiIds\":[]}]",
    "[ {\"a\": [[1,2],[3]]} , \"}]\" , null , true , 12.5 ]",
    "[\"\xc3\xa9\",\"\\u005d\"]\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      const char *json = arrays[i];
      const char *open = strchr (json, '[');
      const char *close = strrchr (json, ']');
      g_autofree char *inner = g_strndup (open + 1, close - open - 1);

      for (gsize step = 1; step <= strlen (json); step++)
        {
          gboolean closed, invalid;
          guint n_pieces;
          g_autofree char *joined = split_and_join (json, step, 1, &closed, &invalid, &n_pieces);

          g_assert_true (closed);
          g_assert_false (invalid);
          /* Cut only between elements: the pieces put back are the array. */
          g_assert_cmpstr (joined, ==, inner);
        }
    }
}

static void
test_split_sizes (void)
{
  GString *json = g_string_new ("[");
  gboolean closed, invalid;
  guint n_pieces;
  g_autofree char *joined = NULL;
  g_autofree char *inner = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "%s{\"name\":\"Member %u\",\"apiIds\":[\"%u\"]}",
                            i ? "," : "", i, i);
  g_string_append_c (json, ']');

  joined = split_and_join (json->str, 4096, 10000, &closed, &invalid, &n_pieces);
  inner = g_strndup (json->str + 1, json->len - 2);
  g_assert_cmpstr (joined, ==, inner);
  /* ~45 kB in pieces of at least 10 kB: several, but not one per element. */
  g_assert_cmpuint (n_pieces, >=, 3);
  g_assert_cmpuint (n_pieces, <=, 6);

  g_string_free (json, TRUE);
}

static void
test_split_invalid (void)
{
  static const char *bad[] = {
    "{\"servers\":[]}",
    "\"just text\"",
    "Sonoran CMS: Backend Service Reached",
    "[1,2]x",
    "[1,2}",
    /* Comments, which json-glib skips: cut at these commas, the pieces
     * would not parse. */
    "[1,/* , */2]",
    "[1 // ,\n,2]",
    "[/,\x1b,,s,/]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gboolean closed, invalid;
      guint n_pieces;
      g_autofree char *joined = split_and_join (bad[i], 3, 1, &closed, &invalid, &n_pieces);

      g_assert_true (invalid);
      g_assert_nonnull (joined);
    }
}

static void
test_split_truncated (void)
{
  gboolean closed, invalid;
  guint n_pieces;
  g_autofree char *joined = split_and_join ("[{\"name\":\"a\"},{\"name\":\"b", 2, 1,
                                            &closed, &invalid, &n_pieces);

  g_assert_false (closed);
  g_assert_false (invalid);
  /* Only the complete element came out. */
  g_assert_cmpstr (joined, ==, "{\"name\":\"a\"}");
}

static void
test_split_too_deep (void)
{
  g_autofree char *deep = g_strnfill (200, '[');
  gboolean closed, invalid;
  guint n_pieces;
  g_autofree char *joined = split_and_join (deep, 7, 1, &closed, &invalid, &n_pieces);

  g_assert_true (invalid);
  g_assert_cmpuint (n_pieces, ==, 0);
  g_assert_cmpstr (joined, ==, "");
}

/* As the client does: the bytes of taken pieces are dropped from the front
 * of the buffer as soon as they are taken, and the rest still splits the
 * same way. */
static void
test_split_discard (void)
{
  static const char *arrays[] = {
    "[{\"name\":\"a,b]\",\"apiIds\":[\"x\",\"y\"]},{\"name\":\"q\\\"]\\\\\",\"apiIds\":[]}]",
    "[ {\"a\": [[1,2],[3]]} , \"}]\" , null , true , 12.5 ]",
    "[1,2,3,4,5,6,7,8,9,10,11,12]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      const char *json = arrays[i];
      gsize length = strlen (json);

      for (gsize step = 1; step <= length; step++)
        {
          g_autoptr(GByteArray) buffer = g_byte_array_new ();
          g_autoptr(GString) joined = g_string_new (NULL);
          g_autofree char *expected = NULL;
          ScmsArraySplitter splitter;
          gboolean closed, invalid;
          guint n_pieces;
          gsize start, piece_length, dropped = 0;

          expected = split_and_join (json, step, 1, &closed, &invalid, &n_pieces);
          _scms_array_splitter_init (&splitter);

          for (gsize fed = 0; fed < length;)
            {
              gsize next = MIN (fed + step, length);

              g_byte_array_append (buffer, (const guint8 *) json + fed, next - fed);
              fed = next;
              _scms_array_splitter_scan (&splitter, (const char *) buffer->data, buffer->len);

              while (_scms_array_splitter_take (&splitter, (const char *) buffer->data, 1,
                                                &start, &piece_length))
                {
                  if (joined->len > 0)
                    g_string_append_c (joined, ',');
                  g_string_append_len (joined, (const char *) buffer->data + start, piece_length);
                }

              dropped += splitter.start;
              g_byte_array_remove_range (buffer, 0, splitter.start);
              _scms_array_splitter_discard (&splitter, splitter.start);
            }

          g_assert_true (splitter.closed);
          g_assert_false (splitter.invalid);
          g_assert_cmpstr (joined->str, ==, expected);
          g_assert_cmpuint (dropped + buffer->len, ==, length);
        }
    }
}

/* A piece copied for the parser is an array of its own, of the same
 * elements, whatever surrounds it in the buffer. */
static void
test_split_dup_piece (void)
{
  static const char json[] = "[ {\"name\":\"a,b]\"} , 12 , \"x\" ]";
  ScmsArraySplitter splitter;
  gsize start, length, size;
  g_autofree char *piece = NULL;

  _scms_array_splitter_init (&splitter);
  _scms_array_splitter_scan (&splitter, json, strlen (json));
  g_assert_true (_scms_array_splitter_take (&splitter, json, 0, &start, &length));

  piece = _scms_array_splitter_dup_piece (json, start, length, &size);
  g_assert_cmpuint (size, ==, length + 2);
  g_assert_cmpmem (piece, size, "[ {\"name\":\"a,b]\"} , 12 , \"x\" ]", size);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/array-splitter/valid", test_split_valid);
  g_test_add_func ("/array-splitter/sizes", test_split_sizes);
  g_test_add_func ("/array-splitter/discard", test_split_discard);
  g_test_add_func ("/array-splitter/invalid", test_split_invalid);
  g_test_add_func ("/array-splitter/truncated", test_split_truncated);
  g_test_add_func ("/array-splitter/too-deep", test_split_too_deep);
  g_test_add_func ("/array-splitter/dup-piece", test_split_dup_piece);

  return g_test_run ();
}
