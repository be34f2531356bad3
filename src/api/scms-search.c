/* scms-search.c — type-to-search that keeps up with 100,000 rows
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search ignores case and compatibility forms the way GtkStringFilter
 * does (NFKD, then case folding), but without allocating per row: names
 * and identifiers are nearly always ASCII, and for ASCII text both steps
 * come down to comparing lower-case bytes. Text that is not ASCII is
 * folded once, when its model is built, and kept next to it.
 */

#include "config.h"

#include <string.h>

#include "scms-search.h"

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p >= 0x80)
        return FALSE;
    }

  return TRUE;
}

/**
 * scms_search_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text for searching: compatibility decomposition, then case
 * folding. Both a search and the text it looks in are folded alike.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL when
 *   @text is %NULL or not valid UTF-8
 */
char *
scms_search_fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normalized == NULL)
    return NULL;

  return g_utf8_casefold (normalized, -1);
}

typedef enum
{
  ASCII_NOT_FOUND,
  ASCII_FOUND,
  NOT_ASCII,
} AsciiSearch;

/* One pass over @text while it stays ASCII. */
static AsciiSearch
ascii_contains (const char *text,
                const char *needle,
                gsize       needle_length)
{
  char lower = needle[0];
  char upper = g_ascii_toupper (lower);

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return NOT_ASCII;

      if ((*p == lower || *p == upper) &&
          g_ascii_strncasecmp (p, needle, needle_length) == 0)
        return ASCII_FOUND;
    }

  return ASCII_NOT_FOUND;
}

/**
 * scms_search_contains:
 * @text: what is searched, as shown
 * @folded_text: (nullable): @text after scms_search_fold(), if it was kept;
 *   %NULL for ASCII text, which needs none
 * @needle: the search, after scms_search_fold()
 *
 * Returns: whether @needle occurs in @text, ignoring case and
 *   compatibility forms. An empty @needle is in every text.
 */
gboolean
scms_search_contains (const char *text,
                      const char *folded_text,
                      const char *needle)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  if (needle[0] == '\0')
    return TRUE;

  if (folded_text != NULL)
    return strstr (folded_text, needle) != NULL;

  /* A folded search has no capitals; one that is not ASCII can only be
   * in text that is not ASCII either. */
  if (is_ascii (needle))
    {
      switch (ascii_contains (text, needle, strlen (needle)))
        {
        case ASCII_FOUND:
          return TRUE;
        case ASCII_NOT_FOUND:
          return FALSE;
        case NOT_ASCII:
        default:
          break;
        }
    }
  else if (is_ascii (text))
    {
      return FALSE;
    }

  /* Text that was not folded ahead: correct, only slower. */
  folded = scms_search_fold (text);

  return folded != NULL && strstr (folded, needle) != NULL;
}
