/* fuzz-identifier.c — libFuzzer target for identifier normalisation
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "scms-error.h"
#include "scms-identifier.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_install_log_writer ();
  return 0;
}

static gboolean
is_all_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* Checks what scms_identifier_normalize() promises about one result. */
static void
check_normalized (ScmsIdKind  kind,
                  const char *normalized)
{
  gint64 value = 0;
  gsize len = strlen (normalized);

  fuzz_check (len > 0, "a normalised identifier is not empty");
  fuzz_check (g_utf8_validate (normalized, -1, NULL), "a normalised identifier is UTF-8");
  fuzz_check (g_utf8_strlen (normalized, -1) <= SCMS_IDENTIFIER_MAX_LENGTH,
              "a normalised identifier is not too long");
  fuzz_check (!g_ascii_isspace (normalized[0]) && !g_ascii_isspace (normalized[len - 1]),
              "a normalised identifier is trimmed");

  switch (kind)
    {
    case SCMS_ID_KIND_DISCORD:
      fuzz_check (len >= 17 && len <= 20 && is_all_digits (normalized),
                  "a Discord ID is 17 to 20 digits");
      break;

    case SCMS_ID_KIND_UNIQUE_ID:
      fuzz_check (scms_parse_positive_integer (normalized, &value) && value > 0,
                  "a unique ID is a positive integer");
      fuzz_check (normalized[0] != '0', "a unique ID has no leading zero");
      break;

    case SCMS_ID_KIND_API_ID:
    case SCMS_ID_KIND_USERNAME:
    case SCMS_ID_KIND_ACC_ID:
    default:
      break;
    }
}

/* The first byte chooses one of the five kinds; the rest, made
 * nul-terminated, is what the person typed or pasted. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;
  ScmsIdKind kind;
  gint64 value = 0;

  if (size < 1)
    return 0;

  kind = (ScmsIdKind) (data[0] % SCMS_N_ID_KINDS);
  text = g_strndup ((const char *) data + 1, size - 1);

  fuzz_check (scms_id_kind_get_key (kind) != NULL, "every kind has a key");

  normalized = scms_identifier_normalize (kind, text, &error);
  if (normalized != NULL)
    {
      fuzz_check (error == NULL, "no error with a result");
      check_normalized (kind, normalized);
    }
  else
    {
      fuzz_check (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT),
                  "a refused identifier is SCMS_CLIENT_ERROR_INVALID_INPUT");
      fuzz_check (g_utf8_validate (error->message, -1, NULL), "the message is UTF-8");
    }

  if (scms_parse_positive_integer (text, &value))
    fuzz_check (value > 0, "a parsed positive integer is positive");

  return 0;
}
