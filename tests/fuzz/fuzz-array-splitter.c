/* fuzz-array-splitter.c — libFuzzer target for the streamed-array splitter
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "fuzz-common.h"
#include "scms-array-splitter.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_install_log_writer ();
  return 0;
}

/* Number of elements of @json as a JSON array, or -1 when it is not one. */
static gint64
count_elements (const char *json,
                gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, (gssize) length, NULL))
    return -1;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return -1;

  return json_array_get_length (json_node_get_array (root));
}

/*
 * Input: [0] chunk size, [1] minimum piece size, then the body. The body is
 * fed as the client does (the whole buffer so far after each chunk), pieces
 * are taken after each chunk and once more at the end, and checked: in
 * bounds, in order, without gaps but for one separator. When the splitter
 * saw a whole array that json-glib also accepts, the pieces, each wrapped
 * in [ ], must hold the same number of elements.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GString) pieces = g_string_new (NULL);
  ScmsArraySplitter splitter;
  const char *body;
  gsize length, chunk, min_size, fed = 0;
  gsize next_start = 0;
  gint64 from_pieces = 0;
  gboolean any_taken = FALSE;
  gint64 whole;

  if (size < 2)
    return 0;

  chunk = 1 + data[0];
  min_size = data[1];
  body = (const char *) data + 2;
  length = size - 2;

  /* Pieces are parsed by json-glib: keep bodies to the decoders' rules. */
  if (!g_utf8_validate (body, (gssize) length, NULL))
    return 0;

  _scms_array_splitter_init (&splitter);

  while (TRUE)
    {
      gsize start, piece_length;
      gboolean last = fed == length;

      if (!last)
        {
          fed = MIN (length, fed + chunk);
          _scms_array_splitter_scan (&splitter, body, fed);
        }

      while (_scms_array_splitter_take (&splitter, body, last ? 0 : min_size,
                                        &start, &piece_length))
        {
          g_autofree char *wrapped = NULL;
          gint64 n;

          fuzz_check (start + piece_length <= fed, "a piece is within what was scanned");
          if (any_taken)
            {
              fuzz_check (start >= next_start, "pieces come in order");
              fuzz_check (start <= next_start + 1, "pieces leave out at most a separator");
            }
          next_start = start + piece_length;
          any_taken = TRUE;

          if (_scms_array_splitter_is_blank (body + start, piece_length))
            continue;

          wrapped = g_strdup_printf ("[%.*s]", (int) piece_length, body + start);
          n = count_elements (wrapped, strlen (wrapped));
          if (n < 0)
            from_pieces = -1;
          else if (from_pieces >= 0)
            from_pieces += n;

          g_string_append_len (pieces, body + start, (gssize) piece_length);
        }

      if (last)
        break;
    }

  fuzz_check (splitter.scanned <= length, "the splitter scanned no more than it was given");

  if (memchr (body, '\0', length) != NULL)
    return 0;

  /* The splitter does not validate, and json-glib 1.6 is lenient (it takes
   * "[1] [2]"), so only bodies that both accept are compared. */
  whole = count_elements (body, length);
  if (whole >= 0 && splitter.closed && !splitter.invalid)
    {
      fuzz_check (any_taken || whole == 0, "a non-empty array gives pieces");
      fuzz_check (from_pieces == whole, "the pieces hold exactly the array's elements");
    }

  return 0;
}
