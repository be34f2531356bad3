/* scms-error.h
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

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SCMS_CLIENT_ERROR (scms_client_error_quark ())

/**
 * ScmsClientError:
 * @SCMS_CLIENT_ERROR_INVALID_API_KEY: the server rejected the API key
 * @SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID: the server does not know the community ID
 * @SCMS_CLIENT_ERROR_NOT_ENABLED: the API is not enabled, or the plan is too low
 * @SCMS_CLIENT_ERROR_NOT_FOUND: no member matched the identifier
 * @SCMS_CLIENT_ERROR_INVALID_REQUEST: the server rejected the request (type, parameters, …)
 * @SCMS_CLIENT_ERROR_RATE_LIMITED: the server asked us to slow down (HTTP 429)
 * @SCMS_CLIENT_ERROR_SERVER: the server failed (5xx, or an error it did not explain)
 * @SCMS_CLIENT_ERROR_BAD_RESPONSE: the reply could not be understood
 * @SCMS_CLIENT_ERROR_TOO_LARGE: the reply was larger than the client accepts
 * @SCMS_CLIENT_ERROR_TIMEOUT: no complete reply within the timeout
 * @SCMS_CLIENT_ERROR_NETWORK: the server could not be reached
 * @SCMS_CLIENT_ERROR_TLS: the server's certificate was not accepted
 * @SCMS_CLIENT_ERROR_INSECURE: plain http to a host that is not loopback
 * @SCMS_CLIENT_ERROR_INVALID_INPUT: an identifier or setting is not valid; nothing was sent
 * @SCMS_CLIENT_ERROR_CANCELLED: the call was cancelled
 * @SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER: the community has no game server
 *   with that ID (`INVALID_SERVER_ID`, `INVALID_SERVER`)
 * @SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS: the service could not read the
 *   game server's settings (`SERVER_CONFIG_ERROR`)
 *
 * Error codes in the %SCMS_CLIENT_ERROR domain. The #GError message is a
 * translated sentence that tells the user what to do.
 */
typedef enum
{
  SCMS_CLIENT_ERROR_INVALID_API_KEY,
  SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID,
  SCMS_CLIENT_ERROR_NOT_ENABLED,
  SCMS_CLIENT_ERROR_NOT_FOUND,
  SCMS_CLIENT_ERROR_INVALID_REQUEST,
  SCMS_CLIENT_ERROR_RATE_LIMITED,
  SCMS_CLIENT_ERROR_SERVER,
  SCMS_CLIENT_ERROR_BAD_RESPONSE,
  SCMS_CLIENT_ERROR_TOO_LARGE,
  SCMS_CLIENT_ERROR_TIMEOUT,
  SCMS_CLIENT_ERROR_NETWORK,
  SCMS_CLIENT_ERROR_TLS,
  SCMS_CLIENT_ERROR_INSECURE,
  SCMS_CLIENT_ERROR_INVALID_INPUT,
  SCMS_CLIENT_ERROR_CANCELLED,
  SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER,
  SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS,
} ScmsClientError;

GQuark      scms_client_error_quark          (void);
const char *scms_client_error_to_string      (ScmsClientError  code);
gboolean    scms_client_error_is_cancelled   (const GError    *error);
gboolean    scms_client_error_is_credentials (const GError    *error);

G_END_DECLS
