/* scms-identifier.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "scms-error.h"
#include "scms-identifier.h"

#define DISCORD_MIN_DIGITS 17
#define DISCORD_MAX_DIGITS 20

static const struct
{
  const char *key;
  const char *label;
} kinds[SCMS_N_ID_KINDS] = {
  [SCMS_ID_KIND_API_ID] = { "apiId", N_("API ID") },
  [SCMS_ID_KIND_USERNAME] = { "username", N_("Username") },
  [SCMS_ID_KIND_ACC_ID] = { "accId", N_("Account ID") },
  [SCMS_ID_KIND_DISCORD] = { "discord", N_("Discord ID") },
  [SCMS_ID_KIND_UNIQUE_ID] = { "uniqueId", N_("Unique ID") },
};

/* What is wrong with an identifier as typed, in whole sentences for each
 * kind: a kind's name put into one sentence cannot be translated into
 * languages that inflect it (and in English it is lower-case there,
 * unlike in the Find by list). */
typedef enum
{
  PROBLEM_NOT_TEXT,
  PROBLEM_EMPTY,
  PROBLEM_TOO_LONG,
  PROBLEM_UNTYPABLE,
  PROBLEM_INVISIBLE,
  N_PROBLEMS
} Problem;

static const char * const problems[SCMS_N_ID_KINDS][N_PROBLEMS] = {
  [SCMS_ID_KIND_API_ID] = {
    [PROBLEM_NOT_TEXT] = N_("The API ID is not valid text."),
    [PROBLEM_EMPTY] = N_("Enter the member’s API ID."),
    [PROBLEM_TOO_LONG] = N_("The API ID is too long: enter at most 200 characters."),
    [PROBLEM_UNTYPABLE] = N_("The API ID contains characters that cannot be typed."),
    [PROBLEM_INVISIBLE] = N_("The API ID contains invisible characters. Type it in instead of pasting it."),
  },
  [SCMS_ID_KIND_USERNAME] = {
    [PROBLEM_NOT_TEXT] = N_("The username is not valid text."),
    [PROBLEM_EMPTY] = N_("Enter the member’s username."),
    [PROBLEM_TOO_LONG] = N_("The username is too long: enter at most 200 characters."),
    [PROBLEM_UNTYPABLE] = N_("The username contains characters that cannot be typed."),
    [PROBLEM_INVISIBLE] = N_("The username contains invisible characters. Type it in instead of pasting it."),
  },
  [SCMS_ID_KIND_ACC_ID] = {
    [PROBLEM_NOT_TEXT] = N_("The account ID is not valid text."),
    [PROBLEM_EMPTY] = N_("Enter the member’s account ID."),
    [PROBLEM_TOO_LONG] = N_("The account ID is too long: enter at most 200 characters."),
    [PROBLEM_UNTYPABLE] = N_("The account ID contains characters that cannot be typed."),
    [PROBLEM_INVISIBLE] = N_("The account ID contains invisible characters. Type it in instead of pasting it."),
  },
  [SCMS_ID_KIND_DISCORD] = {
    [PROBLEM_NOT_TEXT] = N_("The Discord ID is not valid text."),
    [PROBLEM_EMPTY] = N_("Enter the member’s Discord ID."),
    [PROBLEM_TOO_LONG] = N_("The Discord ID is too long: enter at most 200 characters."),
    [PROBLEM_UNTYPABLE] = N_("The Discord ID contains characters that cannot be typed."),
    [PROBLEM_INVISIBLE] = N_("The Discord ID contains invisible characters. Type it in instead of pasting it."),
  },
  [SCMS_ID_KIND_UNIQUE_ID] = {
    [PROBLEM_NOT_TEXT] = N_("The unique ID is not valid text."),
    [PROBLEM_EMPTY] = N_("Enter the member’s unique ID."),
    [PROBLEM_TOO_LONG] = N_("The unique ID is too long: enter at most 200 characters."),
    [PROBLEM_UNTYPABLE] = N_("The unique ID contains characters that cannot be typed."),
    [PROBLEM_INVISIBLE] = N_("The unique ID contains invisible characters. Type it in instead of pasting it."),
  },
};

/* The limit is written out in the sentences above, so that each language
 * can use its plural form for it. */
G_STATIC_ASSERT (SCMS_IDENTIFIER_MAX_LENGTH == 200);

static void
set_problem (GError     **error,
             ScmsIdKind   kind,
             Problem      problem)
{
  g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT,
                       _(problems[kind][problem]));
}

/**
 * scms_id_kind_get_key:
 * @kind: an identifier kind
 *
 * Returns: (transfer none): the member name of @kind in a request's `data`
 *   object, e.g. `"apiId"`
 */
const char *
scms_id_kind_get_key (ScmsIdKind kind)
{
  g_return_val_if_fail ((guint) kind < SCMS_N_ID_KINDS, NULL);

  return kinds[kind].key;
}

/**
 * scms_id_kind_get_label:
 * @kind: an identifier kind
 *
 * Returns: (transfer none): the translated name of @kind, e.g. "Discord ID"
 */
const char *
scms_id_kind_get_label (ScmsIdKind kind)
{
  g_return_val_if_fail ((guint) kind < SCMS_N_ID_KINDS, NULL);

  return _(kinds[kind].label);
}

/**
 * scms_parse_positive_integer:
 * @text: (nullable): the text to parse
 * @out_value: (out) (optional): where to store the value
 *
 * Parses a strictly positive decimal integer made of ASCII digits only: no
 * sign, no whitespace, no exponent, and no value above %G_MAXINT64.
 *
 * Returns: %TRUE if @text is such a number
 */
gboolean
scms_parse_positive_integer (const char *text,
                             gint64     *out_value)
{
  gint64 value = 0;
  const char *p;

  if (text == NULL || *text == '\0')
    return FALSE;

  for (p = text; *p != '\0'; p++)
    {
      int digit;

      if (!g_ascii_isdigit (*p))
        return FALSE;

      digit = *p - '0';
      if (value > (G_MAXINT64 - digit) / 10)
        return FALSE;

      value = value * 10 + digit;
    }

  if (value <= 0)
    return FALSE;

  if (out_value != NULL)
    *out_value = value;

  return TRUE;
}

/* Zero-width joiners and non-joiners shape emoji and some scripts. Other
 * format characters (direction marks, zero-width spaces, byte order
 * marks) cannot be seen, and come with text copied from a web page or a
 * chat: a look-up holding one would find nobody. */
static gboolean
is_invisible (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_FORMAT && c != 0x200C && c != 0x200D;
}

/* Whether a character of @text, valid UTF-8, is one @is_one accepts. */
static gboolean
has_any (const char *text,
         gboolean  (*is_one) (gunichar c))
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_one (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_blank_or_invisible (gunichar c)
{
  return g_unichar_isspace (c) || is_invisible (c);
}

/* Removes white space (any, not only ASCII) and invisible characters from
 * both ends of @text, in place. */
static char *
trim_in_place (char *text)
{
  char *start = text;
  char *end = text + strlen (text);

  while (*start != '\0' && is_blank_or_invisible (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      char *previous = g_utf8_prev_char (end);

      if (!is_blank_or_invisible (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  memmove (text, start, end - start);
  text[end - start] = '\0';

  return text;
}

/**
 * scms_identifier_trim:
 * @text: valid UTF-8
 *
 * Removes white space (any, not only ASCII) and invisible characters
 * (direction marks, zero-width spaces, byte order marks) from both ends
 * of @text, as they come with text copied from a web page or a chat.
 *
 * Returns: (transfer full): the trimmed copy
 */
char *
scms_identifier_trim (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return trim_in_place (g_strdup (text));
}

/**
 * scms_identifier_has_control_characters:
 * @text: valid UTF-8
 *
 * Returns: whether @text holds a control character (tabs and line breaks
 *   included), which no identifier, key or address has
 */
gboolean
scms_identifier_has_control_characters (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return has_any (text, g_unichar_iscntrl);
}

/**
 * scms_identifier_has_invisible_characters:
 * @text: valid UTF-8
 *
 * Returns: whether @text holds a format character that cannot be seen,
 *   other than the zero-width joiners and non-joiners that emoji and some
 *   scripts need
 */
gboolean
scms_identifier_has_invisible_characters (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return has_any (text, is_invisible);
}

/**
 * scms_identifier_normalize:
 * @kind: what @text identifies
 * @text: (nullable): what the user typed
 * @error: return location for a #GError
 *
 * Checks an identifier before anything is sent: trims surrounding
 * whitespace and invisible characters (direction marks, zero-width
 * spaces), rejects empty, overlong or unprintable text and invisible
 * characters inside it, and checks the format of Discord IDs (17 to 20
 * digits) and unique IDs (a positive integer, returned without leading
 * zeros). Account IDs are opaque (reference §1.3).
 *
 * Returns: (transfer full): the identifier to send, or %NULL with
 *   %SCMS_CLIENT_ERROR_INVALID_INPUT set
 */
char *
scms_identifier_normalize (ScmsIdKind   kind,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *copy = NULL;
  gint64 value = 0;
  gsize n_chars;

  g_return_val_if_fail ((guint) kind < SCMS_N_ID_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      set_problem (error, kind, PROBLEM_NOT_TEXT);
      return NULL;
    }

  copy = scms_identifier_trim (text != NULL ? text : "");

  if (*copy == '\0')
    {
      set_problem (error, kind, PROBLEM_EMPTY);
      return NULL;
    }

  n_chars = g_utf8_strlen (copy, -1);
  if (n_chars > SCMS_IDENTIFIER_MAX_LENGTH)
    {
      set_problem (error, kind, PROBLEM_TOO_LONG);
      return NULL;
    }

  if (scms_identifier_has_control_characters (copy))
    {
      set_problem (error, kind, PROBLEM_UNTYPABLE);
      return NULL;
    }

  if (scms_identifier_has_invisible_characters (copy))
    {
      set_problem (error, kind, PROBLEM_INVISIBLE);
      return NULL;
    }

  switch (kind)
    {
    case SCMS_ID_KIND_DISCORD:
      {
        gsize len = strlen (copy);
        gsize i;

        for (i = 0; i < len; i++)
          if (!g_ascii_isdigit (copy[i]))
            break;

        if (i != len || len < DISCORD_MIN_DIGITS || len > DISCORD_MAX_DIGITS)
          {
            g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT,
                                 _("Enter a Discord ID: 17 to 20 digits."));
            return NULL;
          }
      }
      break;

    case SCMS_ID_KIND_UNIQUE_ID:
      if (!scms_parse_positive_integer (copy, &value))
        {
          g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT,
                               _("Enter a Unique ID: a whole number greater than zero."));
          return NULL;
        }
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);

    case SCMS_ID_KIND_API_ID:
    case SCMS_ID_KIND_USERNAME:
    case SCMS_ID_KIND_ACC_ID:
    default:
      break;
    }

  return g_steal_pointer (&copy);
}
