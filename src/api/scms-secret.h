/* scms-secret.h — the API key in the system keyring
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCMS_SECRET_ERROR (scms_secret_error_quark ())

/* How long a keyring call may take before we give up (a prompt nobody
 * answers must never hang the app). */
#define SCMS_SECRET_DEFAULT_TIMEOUT_SECONDS 10

/**
 * ScmsSecretError:
 * @SCMS_SECRET_ERROR_UNAVAILABLE: no Secret Service (no keyring daemon, no session bus)
 * @SCMS_SECRET_ERROR_LOCKED: the keyring (or the stored item) is locked
 * @SCMS_SECRET_ERROR_TIMEOUT: the keyring did not answer in time (a prompt may be open)
 * @SCMS_SECRET_ERROR_CANCELLED: the caller cancelled
 * @SCMS_SECRET_ERROR_FAILED: any other keyring failure
 *
 * "No key stored" is not an error: lookup then returns %NULL.
 */
typedef enum
{
  SCMS_SECRET_ERROR_UNAVAILABLE,
  SCMS_SECRET_ERROR_LOCKED,
  SCMS_SECRET_ERROR_TIMEOUT,
  SCMS_SECRET_ERROR_CANCELLED,
  SCMS_SECRET_ERROR_FAILED,
} ScmsSecretError;

GQuark    scms_secret_error_quark  (void);

void      scms_secret_store_async  (const char           *base_url,
                                    const char           *community_id,
                                    const char           *api_key,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  scms_secret_store_finish (GAsyncResult         *result,
                                    GError              **error);
void      scms_secret_lookup_async (const char           *base_url,
                                    const char           *community_id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* Free the result with scms_secret_free(). NULL without error = nothing stored. */
char     *scms_secret_lookup_finish (GAsyncResult        *result,
                                    GError              **error);
void      scms_secret_clear_async  (const char           *base_url,
                                    const char           *community_id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* TRUE when an item was removed, FALSE without error when there was none. */
gboolean  scms_secret_clear_finish (GAsyncResult         *result,
                                    GError              **error);
void      scms_secret_free         (char                 *api_key);
void      scms_secret_set_timeout  (guint                 seconds);

typedef char ScmsSecretKey;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScmsSecretKey, scms_secret_free)

G_END_DECLS
