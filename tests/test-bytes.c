/* test-bytes.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-bytes-private.h"

/* Bytes where UTF-8's rules change: ASCII, NUL, continuation bytes at
 * their ends, lead bytes of overlong forms, surrogates and code points
 * past U+10FFFF, and bytes that never appear. */
static const guchar edges[] = {
  0x00, 0x01, 0x22, 0x41, 0x5c, 0x7f,
  0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xa2, 0xbf,
  0xc0, 0xc1, 0xc2, 0xdc, 0xdf,
  0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef,
  0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xfe, 0xff,
};

/* The same answer as GLib for @bytes at @offset among ASCII letters. */
static void
assert_utf8_agrees (const guchar *bytes,
                    gsize         n_bytes,
                    gsize         offset)
{
  char buffer[32];
  gsize length = offset + n_bytes + 9;

  g_assert_cmpuint (length, <=, sizeof buffer);
  memset (buffer, 'a', sizeof buffer);
  memcpy (buffer + offset, bytes, n_bytes);

  if (_scms_utf8_validate (buffer, length) != g_utf8_validate_len (buffer, length, NULL))
    {
      g_autoptr(GString) hex = g_string_new (NULL);

      for (gsize i = 0; i < n_bytes; i++)
        g_string_append_printf (hex, " %02x", bytes[i]);
      g_error ("_scms_utf8_validate() and GLib disagree on%s at offset %" G_GSIZE_FORMAT,
               hex->str, offset);
    }
}

static void
test_utf8_sequences (void)
{
  guchar bytes[4];

  /* Every one- and two-byte sequence, at every place in a word. */
  for (guint a = 0; a < 256; a++)
    {
      bytes[0] = a;
      for (gsize offset = 0; offset <= 8; offset++)
        assert_utf8_agrees (bytes, 1, offset);

      for (guint b = 0; b < 256; b++)
        {
          bytes[1] = b;
          for (gsize offset = 0; offset <= 8; offset++)
            assert_utf8_agrees (bytes, 2, offset);
        }
    }

  /* Every lead byte and second byte with the edges after them, across a
   * word's end; four bytes from the edges only. */
  for (guint a = 0x80; a < 256; a++)
    {
      bytes[0] = a;
      for (guint b = 0; b < 256; b++)
        {
          bytes[1] = b;
          for (gsize c = 0; c < G_N_ELEMENTS (edges); c++)
            {
              bytes[2] = edges[c];
              assert_utf8_agrees (bytes, 3, 6);
            }
        }
    }

  for (gsize a = 0; a < G_N_ELEMENTS (edges); a++)
    for (gsize b = 0; b < G_N_ELEMENTS (edges); b++)
      for (gsize c = 0; c < G_N_ELEMENTS (edges); c++)
        for (gsize d = 0; d < G_N_ELEMENTS (edges); d++)
          {
            bytes[0] = edges[a];
            bytes[1] = edges[b];
            bytes[2] = edges[c];
            bytes[3] = edges[d];
            assert_utf8_agrees (bytes, 4, 5);
          }
}

static void
test_utf8_text (void)
{
  static const char *valid[] = {
    "",
    "Tobias Wrenfield",
    "Zoë Ängström-Łukasiewicz",
    "名前のあるメンバー",
    "🛡️ Dispatch 🚓🚑🚒",
    "[{\"name\":\"Élodie\",\"apiIds\":[\"871923189533843206\"]}]",
  };
  static const char *invalid[] = {
    "\xc3",                 /* cut short */
    "abcdefgh\xe2\x82",     /* cut short after a whole word */
    "\xc0\xaf",             /* overlong '/' */
    "\xed\xa0\x80",         /* a surrogate */
    "\xf4\x90\x80\x80",     /* past U+10FFFF */
    "caf\xe9",              /* Latin-1 */
    "Zo\xc3\xab\xff",       /* a byte UTF-8 never has */
  };
  GRand *rand = g_rand_new_with_seed (4);

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (_scms_utf8_validate (valid[i], strlen (valid[i])));
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (_scms_utf8_validate (invalid[i], strlen (invalid[i])));

  /* A NUL anywhere is refused, as g_utf8_validate_len() refuses it. */
  for (gsize length = 1; length <= 24; length++)
    {
      for (gsize at = 0; at < length; at++)
        {
          char text[24];

          memset (text, 'a', length);
          text[at] = '\0';
          g_assert_false (_scms_utf8_validate (text, length));
        }
    }

  /* Text mixing ASCII, multi-byte characters and stray bytes. */
  for (guint n = 0; n < 20000; n++)
    {
      guchar text[80];
      gsize length = g_rand_int_range (rand, 0, sizeof text + 1);

      for (gsize i = 0; i < length; i++)
        {
          if (g_rand_int_range (rand, 0, 4) == 0)
            text[i] = edges[g_rand_int_range (rand, 0, G_N_ELEMENTS (edges))];
          else
            text[i] = g_rand_int_range (rand, 0x20, 0x7f);
        }

      g_assert_cmpint (_scms_utf8_validate ((const char *) text, length), ==,
                       g_utf8_validate_len ((const char *) text, length, NULL));
    }

  g_rand_free (rand);
}

static gsize
find_slowly (const char *data,
             gsize       i,
             gsize       length)
{
  while (i < length && data[i] != '"' && data[i] != '\\')
    i++;

  return i;
}

static void
test_find_quote_or_backslash (void)
{
  char text[24];

  /* Every filler byte, with a quote or a backslash at every place or
   * nowhere, searched from the first few places. */
  for (guint filler = 0; filler < 256; filler++)
    {
      for (gsize length = 0; length <= sizeof text; length++)
        {
          for (gsize at = 0; at <= length; at++)
            {
              for (guint target = 0; target < 2; target++)
                {
                  memset (text, filler, sizeof text);
                  if (at < length)
                    text[at] = target == 0 ? '"' : '\\';

                  for (gsize from = 0; from <= MIN (length, 9); from++)
                    g_assert_cmpuint (_scms_bytes_find_quote_or_backslash (text, from, length), ==,
                                      find_slowly (text, from, length));
                }
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bytes/utf8/sequences", test_utf8_sequences);
  g_test_add_func ("/bytes/utf8/text", test_utf8_text);
  g_test_add_func ("/bytes/find-quote-or-backslash", test_find_quote_or_backslash);

  return g_test_run ();
}
