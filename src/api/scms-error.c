/* scms-error.c
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

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "scms-error.h"

G_DEFINE_QUARK (scms-client-error-quark, scms_client_error)

/**
 * scms_client_error_to_string:
 * @code: an error code in the %SCMS_CLIENT_ERROR domain
 *
 * Returns a short translated sentence that says what went wrong and what
 * the user can do about it. It is the message of every #GError the client
 * library creates for @code.
 *
 * Returns: (transfer none): a translated sentence
 */
const char *
scms_client_error_to_string (ScmsClientError code)
{
  switch (code)
    {
    case SCMS_CLIENT_ERROR_INVALID_API_KEY:
      return _("The server rejected the API key. Check the key in the community’s API Integration settings.");
    case SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID:
      return _("The server does not know this community ID. Check the ID in the community’s API Integration settings.");
    case SCMS_CLIENT_ERROR_NOT_ENABLED:
      return _("The API is not enabled for this community, or its plan does not include this feature. Check the community’s subscription and API settings.");
    case SCMS_CLIENT_ERROR_NOT_FOUND:
      return _("No community member matches this identifier. Check the identifier and try again.");
    case SCMS_CLIENT_ERROR_INVALID_REQUEST:
      return _("The server did not accept the request. Check the server address and settings, or update Sonoran Admin.");
    case SCMS_CLIENT_ERROR_RATE_LIMITED:
      return _("The server asked Sonoran Admin to slow down. Wait a few minutes before trying again.");
    case SCMS_CLIENT_ERROR_SERVER:
      return _("The server had a problem. Try again later.");
    case SCMS_CLIENT_ERROR_BAD_RESPONSE:
      return _("The server sent a reply that could not be understood. Try again later, or check the server address.");
    case SCMS_CLIENT_ERROR_TOO_LARGE:
      return _("The server’s reply was too large. Check the server address.");
    case SCMS_CLIENT_ERROR_TIMEOUT:
      return _("The server did not answer in time. Check your connection and try again.");
    case SCMS_CLIENT_ERROR_NETWORK:
      return _("The server could not be reached. Check your connection and the server address.");
    case SCMS_CLIENT_ERROR_TLS:
      return _("The server’s certificate was not accepted. Check the server address.");
    case SCMS_CLIENT_ERROR_INSECURE:
      return _("Unencrypted connections are only allowed to this computer. Use an https:// address.");
    case SCMS_CLIENT_ERROR_INVALID_INPUT:
      return _("The value entered is not valid. Correct it and try again.");
    case SCMS_CLIENT_ERROR_CANCELLED:
      return _("The operation was cancelled.");
    case SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER:
      return _("The community has no game server with this ID. Choose another game server and try again.");
    case SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS:
      return _("Sonoran CMS could not read this game server’s settings. Check the server’s whitelist settings in the Sonoran CMS panel, then try again.");
    default:
      return _("Something went wrong. Try again later.");
    }
}

/**
 * scms_client_error_is_cancelled:
 * @error: (nullable): a #GError
 *
 * Whether @error only says that the operation was cancelled, which is never
 * worth showing to the user.
 *
 * Returns: %TRUE for %SCMS_CLIENT_ERROR_CANCELLED and %G_IO_ERROR_CANCELLED
 */
gboolean
scms_client_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/**
 * scms_client_error_is_credentials:
 * @error: (nullable): a #GError
 *
 * Whether @error means the community ID or API key are wrong, so that the
 * user has to fix the connection settings before any call can succeed.
 *
 * Returns: %TRUE for %SCMS_CLIENT_ERROR_INVALID_API_KEY and
 *   %SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID
 */
gboolean
scms_client_error_is_credentials (const GError *error)
{
  return g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_API_KEY) ||
         g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID);
}
