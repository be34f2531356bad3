/* fuzz-decode.c — libFuzzer target for the reply decoders of every endpoint
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "scms-decode.h"

/*
 * Input layout (FUZZ_HEADER_SIZE bytes, then the body):
 *   [0] decoder, modulo N_DECODERS (see decoders[] below)
 *   [1] content type, modulo G_N_ELEMENTS (content_types)
 *   [2] [3] status: when [2] < 0xf0, common_statuses[[2] % N]; otherwise
 *           (([2] & 0x0f) << 8) | [3], any status from 0 to 4094, and
 *           ff ff is G_MAXUINT
 * build-aux/fuzz.sh writes seeds in this layout; keep both in step.
 */
#define FUZZ_HEADER_SIZE 4

static const char * const content_types[] = {
  "application/json",
  "application/json; charset=utf-8",
  "text/plain; charset=utf-8",
  "text/html; charset=utf-8",
  NULL,
  " Application/JSON",
  "",
};

static const guint common_statuses[] = {
  200, 201, 204, 400, 401, 404, 429, 500, 502, 503, 302, 403,
};

typedef enum
{
  DECODE_CHECK_STATUS,
  DECODE_SUB_VERSION,
  DECODE_CHECK_COM_APIID,
  DECODE_COM_ACCOUNT,
  DECODE_ACCOUNT_RANKS,
  DECODE_CLOCK_IN_OUT,
  DECODE_GAME_SERVERS,
  DECODE_VERIFY_WHITELIST,
  DECODE_FULL_WHITELIST,
  DECODE_DEPARTMENTS,
  DECODE_PROFILE_FIELDS,
  DECODE_ACCOUNTS,
  DECODE_CURRENT_CLOCK_IN,
  DECODE_CLOCKIN_TYPES,
  N_DECODERS,
} Decoder;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_install_log_writer ();
  return 0;
}

/* What every decoder promises: a result or a client error, never both,
 * with a message that can be shown. */
static void
check_outcome (gboolean      has_result,
               const GError *error,
               gboolean      null_without_error_allowed)
{
  if (has_result)
    {
      fuzz_check (error == NULL, "no error with a result");
      return;
    }

  if (error == NULL)
    {
      fuzz_check (null_without_error_allowed, "an error without a result");
      return;
    }

  fuzz_check (error->domain == SCMS_CLIENT_ERROR, "errors are SCMS_CLIENT_ERROR");
  fuzz_check (error->message != NULL && g_utf8_validate (error->message, -1, NULL),
              "error messages are UTF-8");
}

static void
run_decoder (Decoder             decoder,
             const ScmsRawReply *reply)
{
  g_autoptr(GError) error = NULL;
  gpointer object = NULL;
  gboolean allow_plain_null = FALSE;

  switch (decoder)
    {
    case DECODE_CHECK_STATUS:
      {
        gboolean ok = _scms_decode_check_status (reply, &error);

        check_outcome (ok, error, FALSE);
        return;
      }

    case DECODE_CHECK_COM_APIID:
      {
        g_autofree char *name = _scms_decode_check_com_apiid (reply, &error);

        if (name != NULL)
          fuzz_check (g_utf8_validate (name, -1, NULL), "names are UTF-8");
        check_outcome (name != NULL, error, FALSE);
        return;
      }

    case DECODE_ACCOUNT_RANKS:
      {
        g_auto(GStrv) ranks = _scms_decode_account_ranks (reply, &error);

        check_outcome (ranks != NULL, error, FALSE);
        return;
      }

    case DECODE_ACCOUNTS:
      {
        guint total = 0;

        object = _scms_decode_accounts (reply, &total, &error);
        break;
      }

    case DECODE_SUB_VERSION:
      object = _scms_decode_sub_version (reply, &error);
      break;

    case DECODE_COM_ACCOUNT:
      object = _scms_decode_com_account (reply, &error);
      break;

    case DECODE_CLOCK_IN_OUT:
      object = _scms_decode_clock_in_out (reply, &error);
      break;

    case DECODE_GAME_SERVERS:
      object = _scms_decode_game_servers (reply, &error);
      break;

    case DECODE_VERIFY_WHITELIST:
      object = _scms_decode_verify_whitelist (reply, &error);
      break;

    case DECODE_FULL_WHITELIST:
      object = _scms_decode_full_whitelist (reply, &error);
      break;

    case DECODE_DEPARTMENTS:
      object = _scms_decode_departments (reply, &error);
      break;

    case DECODE_PROFILE_FIELDS:
      object = _scms_decode_profile_fields (reply, &error);
      break;

    case DECODE_CURRENT_CLOCK_IN:
      /* "Not Clocked In" is NULL without an error. */
      allow_plain_null = TRUE;
      object = _scms_decode_current_clock_in (reply, &error);
      break;

    case DECODE_CLOCKIN_TYPES:
      object = _scms_decode_clockin_types (reply, &error);
      break;

    case N_DECODERS:
    default:
      g_assert_not_reached ();
    }

  check_outcome (object != NULL, error, allow_plain_null);

  /* Lists: touch every item, as a page binding them would. */
  if (object != NULL && G_IS_LIST_MODEL (object))
    {
      guint n_items = g_list_model_get_n_items (object);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (object, i);

          fuzz_check (item != NULL, "list items exist");
        }
    }

  g_clear_object (&object);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  ScmsRawReply reply;
  Decoder decoder;

  if (size < FUZZ_HEADER_SIZE)
    return 0;

  decoder = (Decoder) (data[0] % N_DECODERS);
  reply.content_type = content_types[data[1] % G_N_ELEMENTS (content_types)];

  if (data[2] < 0xf0)
    reply.status = common_statuses[data[2] % G_N_ELEMENTS (common_statuses)];
  else if (data[2] == 0xff && data[3] == 0xff)
    reply.status = G_MAXUINT;
  else
    reply.status = ((guint) (data[2] & 0x0f) << 8) | data[3];

  /* The body is exactly the rest of libFuzzer's buffer, not nul-terminated,
   * so ASan sees any read past its end. */
  reply.body = (const char *) data + FUZZ_HEADER_SIZE;
  reply.length = size - FUZZ_HEADER_SIZE;

  run_decoder (decoder, &reply);

  return 0;
}
