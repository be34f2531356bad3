/* scms-secret.c — the API key in the system keyring
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "scms-secret.h"

/*
 * One keyring item per (base URL, community ID). Only those two strings
 * are attributes: attributes are stored unencrypted and are searchable,
 * so the key itself only ever travels as the item's secret.
 *
 * Every call runs with an internal GCancellable that the caller's
 * cancellable and a timeout both cancel. When either fires, the GTask
 * returns at once with TIMEOUT or CANCELLED and whatever libsecret
 * answers later is dropped: a keyring prompt that nobody answers (or a
 * keyring daemon that never replies) cannot hang the application.
 */

static const SecretSchema scms_secret_schema = {
  .name = "io.github.sonoranadmin.SonoranAdmin.ApiKey",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { .name = "server", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = "community-id", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = NULL, .type = 0 },
  },
};

static guint timeout_seconds = SCMS_SECRET_DEFAULT_TIMEOUT_SECONDS;

G_DEFINE_QUARK (scms-secret-error-quark, scms_secret_error)

typedef struct
{
  GHashTable   *attributes;
  char         *community_id;
  char         *host;

  /* Cancelled by the caller's cancellable and by the timeout; handed to
   * every libsecret call. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_handler_id;
  GSource      *timeout_source;
  GSource      *cancelled_source;

  /* After a lookup or clear found nothing: where the search for locked
   * matches goes (see search_matches()). */
  GAsyncReadyCallback matches_cb;

  guint         timed_out : 1;
  guint         completed : 1;
} Operation;

static void
operation_release_sources (Operation *op)
{
  if (op->timeout_source != NULL)
    {
      g_source_destroy (op->timeout_source);
      g_clear_pointer (&op->timeout_source, g_source_unref);
    }

  if (op->cancelled_source != NULL)
    {
      g_source_destroy (op->cancelled_source);
      g_clear_pointer (&op->cancelled_source, g_source_unref);
    }

  if (op->caller_handler_id != 0)
    {
      g_cancellable_disconnect (op->caller_cancellable, op->caller_handler_id);
      op->caller_handler_id = 0;
    }
}

static void
operation_free (gpointer data)
{
  Operation *op = data;

  operation_release_sources (op);
  g_clear_pointer (&op->attributes, g_hash_table_unref);
  g_clear_pointer (&op->community_id, g_free);
  g_clear_pointer (&op->host, g_free);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->caller_cancellable);
  g_free (op);
}

/* The host of @base_url, for the item label and debug messages (never
 * the key). Falls back to the whole string when it is not a URI. */
static char *
host_of_url (const char *base_url)
{
  g_autoptr(GUri) uri = NULL;

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
    return g_strdup (g_uri_get_host (uri));

  return g_strdup (base_url);
}

static GError *
new_error (ScmsSecretError code)
{
  switch (code)
    {
    case SCMS_SECRET_ERROR_UNAVAILABLE:
      return g_error_new_literal (SCMS_SECRET_ERROR, code,
                                  _("No keyring is available. "
                                    "You can use the key for this session only."));
    case SCMS_SECRET_ERROR_LOCKED:
      return g_error_new_literal (SCMS_SECRET_ERROR, code,
                                  _("The keyring is locked. Unlock it, then try again."));
    case SCMS_SECRET_ERROR_TIMEOUT:
      return g_error_new_literal (SCMS_SECRET_ERROR, code,
                                  _("The keyring did not answer in time. If it asks for "
                                    "a password, answer it, then try again."));
    case SCMS_SECRET_ERROR_CANCELLED:
      return g_error_new_literal (SCMS_SECRET_ERROR, code,
                                  _("The keyring operation was cancelled."));
    case SCMS_SECRET_ERROR_FAILED:
    default:
      return g_error_new_literal (SCMS_SECRET_ERROR, SCMS_SECRET_ERROR_FAILED,
                                  _("The keyring could not be used. Try again, or use the "
                                    "key for this session only."));
    }
}

/* Sorts an error from libsecret, GDBus or GIO into our codes. The
 * original message goes to the debug log only: it is technical, and it
 * never contains the key. */
static ScmsSecretError
classify_error (const GError *error)
{
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return SCMS_SECRET_ERROR_LOCKED;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return SCMS_SECRET_ERROR_CANCELLED;

  /* No session bus at all, or one that cannot be reached. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ||
      (error->domain == G_IO_ERROR && strstr (error->message, "Cannot autolaunch") != NULL))
    return SCMS_SECRET_ERROR_UNAVAILABLE;

  if (error->domain == G_DBUS_ERROR)
    {
      switch ((GDBusError) error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_FILE_NOT_FOUND:
        case G_DBUS_ERROR_BAD_ADDRESS:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
          return SCMS_SECRET_ERROR_UNAVAILABLE;

        case G_DBUS_ERROR_UNKNOWN_METHOD:
        case G_DBUS_ERROR_UNKNOWN_OBJECT:
          /* gnome-keyring started by D-Bus activation without a login
           * keyring: the "default" alias points to a collection that
           * only exists once someone has answered the prompt that
           * creates (or unlocks) it. */
          if (strstr (error->message, "/org/freedesktop/secrets/collection/") != NULL)
            return SCMS_SECRET_ERROR_LOCKED;
          return SCMS_SECRET_ERROR_FAILED;

        case G_DBUS_ERROR_FAILED:
        case G_DBUS_ERROR_NO_MEMORY:
        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_IO_ERROR:
        case G_DBUS_ERROR_NOT_SUPPORTED:
        case G_DBUS_ERROR_LIMITS_EXCEEDED:
        case G_DBUS_ERROR_ACCESS_DENIED:
        case G_DBUS_ERROR_AUTH_FAILED:
        case G_DBUS_ERROR_TIMEOUT:
        case G_DBUS_ERROR_NO_NETWORK:
        case G_DBUS_ERROR_ADDRESS_IN_USE:
        case G_DBUS_ERROR_INVALID_ARGS:
        case G_DBUS_ERROR_FILE_EXISTS:
        case G_DBUS_ERROR_TIMED_OUT:
        case G_DBUS_ERROR_MATCH_RULE_NOT_FOUND:
        case G_DBUS_ERROR_MATCH_RULE_INVALID:
        case G_DBUS_ERROR_UNIX_PROCESS_ID_UNKNOWN:
        case G_DBUS_ERROR_INVALID_SIGNATURE:
        case G_DBUS_ERROR_INVALID_FILE_CONTENT:
        case G_DBUS_ERROR_SELINUX_SECURITY_CONTEXT_UNKNOWN:
        case G_DBUS_ERROR_ADT_AUDIT_DATA_UNKNOWN:
        case G_DBUS_ERROR_OBJECT_PATH_IN_USE:
        case G_DBUS_ERROR_UNKNOWN_INTERFACE:
        case G_DBUS_ERROR_UNKNOWN_PROPERTY:
        case G_DBUS_ERROR_PROPERTY_READ_ONLY:
        default:
          return SCMS_SECRET_ERROR_FAILED;
        }
    }

  return SCMS_SECRET_ERROR_FAILED;
}

/* Claims the right to complete @task. FALSE when the timeout, the
 * caller's cancellation or libsecret got there first. */
static gboolean
operation_claim (GTask *task)
{
  Operation *op = g_task_get_task_data (task);

  if (op->completed)
    return FALSE;

  op->completed = TRUE;
  operation_release_sources (op);
  return TRUE;
}

static void
operation_return_error (GTask        *task,
                        const GError *error)
{
  Operation *op = g_task_get_task_data (task);
  ScmsSecretError code;

  if (!operation_claim (task))
    return;

  if (op->timed_out)
    code = SCMS_SECRET_ERROR_TIMEOUT;
  else if (g_cancellable_is_cancelled (op->caller_cancellable))
    code = SCMS_SECRET_ERROR_CANCELLED;
  else
    code = classify_error (error);

  g_debug ("Keyring call for community %s on %s failed (%s, %d): %s",
           op->community_id, op->host,
           g_quark_to_string (error->domain), error->code, error->message);

  g_task_return_error (task, new_error (code));
}

static void
operation_return_code (GTask           *task,
                       ScmsSecretError  code)
{
  Operation *op = g_task_get_task_data (task);

  if (!operation_claim (task))
    return;

  g_debug ("Keyring call for community %s on %s: %s",
           op->community_id, op->host,
           code == SCMS_SECRET_ERROR_TIMEOUT ? "timed out" :
           code == SCMS_SECRET_ERROR_LOCKED ? "keyring locked" :
           code == SCMS_SECRET_ERROR_CANCELLED ? "cancelled" : "failed");

  g_task_return_error (task, new_error (code));
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *internal)
{
  /* May run in any thread: only pass the cancellation on. */
  g_cancellable_cancel (internal);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Operation *op = g_task_get_task_data (task);

  op->timed_out = TRUE;
  g_clear_pointer (&op->timeout_source, g_source_unref);
  g_cancellable_cancel (op->cancellable);

  return G_SOURCE_REMOVE;
}

static gboolean
internal_cancelled_cb (GCancellable *cancellable,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);

  /* Completes now rather than when libsecret notices: a prompt or a
   * daemon that never answers must not keep the caller waiting. */
  operation_return_code (task,
                         ((Operation *) g_task_get_task_data (task))->timed_out
                         ? SCMS_SECRET_ERROR_TIMEOUT
                         : SCMS_SECRET_ERROR_CANCELLED);

  return G_SOURCE_REMOVE;
}

static GTask *
operation_new (const char          *base_url,
               const char          *community_id,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;
  guint seconds;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* We report cancellation ourselves, in our own error domain. */
  g_task_set_check_cancellable (task, FALSE);

  op = g_new0 (Operation, 1);
  op->community_id = g_strdup (community_id);
  op->host = host_of_url (base_url);
  op->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (op->attributes, (gpointer) "server", g_strdup (base_url));
  g_hash_table_insert (op->attributes, (gpointer) "community-id", g_strdup (community_id));
  op->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, op, operation_free);

  op->cancelled_source = g_cancellable_source_new (op->cancellable);
  g_source_set_callback (op->cancelled_source, G_SOURCE_FUNC (internal_cancelled_cb),
                         g_object_ref (task), g_object_unref);
  g_source_attach (op->cancelled_source, g_task_get_context (task));

  seconds = g_atomic_int_get (&timeout_seconds);
  op->timeout_source = g_timeout_source_new (seconds * 1000);
  g_source_set_callback (op->timeout_source, timeout_cb, task, NULL);
  g_source_attach (op->timeout_source, g_task_get_context (task));

  if (cancellable != NULL)
    {
      op->caller_cancellable = g_object_ref (cancellable);
      /* Runs the handler at once when @cancellable is already cancelled
       * (and then returns 0). */
      op->caller_handler_id = g_cancellable_connect (cancellable,
                                                     G_CALLBACK (caller_cancelled_cb),
                                                     g_object_ref (op->cancellable),
                                                     g_object_unref);
    }

  return g_steal_pointer (&task);
}

static gboolean
operation_is_valid (GAsyncResult *result,
                    gpointer      source_tag)
{
  return g_task_is_valid (result, NULL) &&
         g_task_get_source_tag (G_TASK (result)) == source_tag;
}

/* Store */

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Operation *op = g_task_get_task_data (task);

  if (!secret_password_store_finish (result, &error))
    {
      operation_return_error (task, error);
      return;
    }

  if (operation_claim (task))
    {
      g_debug ("Stored the API key for community %s on %s", op->community_id, op->host);
      g_task_return_boolean (task, TRUE);
    }
}

/**
 * scms_secret_store_async:
 * @base_url: the server's base URL, as the client uses it
 * @community_id: the community ID
 * @api_key: the API key to keep
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the key is stored or storing failed
 * @user_data: data for @callback
 *
 * Stores @api_key in the default keyring collection, replacing the key
 * stored earlier for the same @base_url and @community_id. The item's
 * label names the community and the host so that people recognise it
 * in a keyring manager. @api_key is copied into libsecret's secure
 * memory before this returns; the caller may wipe its copy.
 *
 * The call gives up after the timeout (see scms_secret_set_timeout()).
 */
void
scms_secret_store_async (const char          *base_url,
                         const char          *community_id,
                         const char          *api_key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  Operation *op;

  g_return_if_fail (base_url != NULL && *base_url != '\0');
  g_return_if_fail (community_id != NULL && *community_id != '\0');
  g_return_if_fail (api_key != NULL && *api_key != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = operation_new (base_url, community_id, cancellable, callback, user_data,
                        scms_secret_store_async);
  op = g_task_get_task_data (task);

  /* Translators: shown in keyring managers such as Passwords and Keys.
   * The first %s is a community ID, the second a host name. */
  label = g_strdup_printf (_("Sonoran CMS API key for %s on %s"), community_id, op->host);

  g_debug ("Storing the API key for community %s on %s", community_id, op->host);
  secret_password_storev (&scms_secret_schema, op->attributes, SECRET_COLLECTION_DEFAULT,
                          label, api_key, op->cancellable,
                          store_cb, g_steal_pointer (&task));
}

/**
 * scms_secret_store_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError in the %SCMS_SECRET_ERROR domain
 *
 * Returns: %TRUE when the key is stored
 */
gboolean
scms_secret_store_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (operation_is_valid (result, scms_secret_store_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup
 *
 * libsecret's lookup answers NULL without an error both when nothing is
 * stored and when the matching item sits in a locked collection (it
 * tries to unlock it, and a prompt that cannot be shown is simply
 * dismissed). So after a NULL we look again, without unlocking anything
 * and so without any prompt: a matching locked item, or a default
 * collection that is locked or missing, is reported as LOCKED. Only a
 * usable keyring without a matching item gives NULL without error.
 */

static void
lookup_collection_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  Operation *op = g_task_get_task_data (task);

  collection = secret_collection_for_alias_finish (result, &error);
  if (error != NULL)
    {
      operation_return_error (task, error);
      return;
    }

  if (collection == NULL || secret_collection_get_locked (collection))
    {
      operation_return_code (task, SCMS_SECRET_ERROR_LOCKED);
      return;
    }

  if (operation_claim (task))
    {
      g_debug ("No API key stored for community %s on %s", op->community_id, op->host);
      g_task_return_pointer (task, NULL, NULL);
    }
}

static void
lookup_search_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Operation *op = g_task_get_task_data (task);
  SecretService *service = SECRET_SERVICE (object);
  GList *items;

  items = secret_service_search_finish (service, result, &error);
  if (error != NULL)
    {
      operation_return_error (task, error);
      return;
    }

  if (items != NULL)
    {
      gboolean locked = FALSE;

      for (const GList *l = items; l != NULL; l = l->next)
        locked |= secret_item_get_locked (l->data);
      g_list_free_full (items, g_object_unref);

      /* An unlocked match here means the item appeared after the
       * lookup; report it like a locked one rather than pretend that
       * nothing is stored. */
      operation_return_code (task, locked ? SCMS_SECRET_ERROR_LOCKED : SCMS_SECRET_ERROR_FAILED);
      return;
    }

  if (op->completed)
    return;

  secret_collection_for_alias (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                               op->cancellable, lookup_collection_cb, g_steal_pointer (&task));
}

static void
matches_service_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  Operation *op = g_task_get_task_data (task);

  service = secret_service_get_finish (result, &error);
  if (service == NULL)
    {
      operation_return_error (task, error);
      return;
    }

  if (op->completed)
    return;

  /* No SECRET_SEARCH_UNLOCK: this must never show a prompt. */
  secret_service_search (service, &scms_secret_schema, op->attributes, SECRET_SEARCH_ALL,
                         op->cancellable, op->matches_cb, g_steal_pointer (&task));
}

/* libsecret answers "nothing" both when nothing is stored and when the
 * item or the collection is locked: list the matches, locked ones too,
 * and let @matches_cb tell the two apart. */
static void
search_matches (GTask               *task,
                GAsyncReadyCallback  matches_cb)
{
  Operation *op = g_task_get_task_data (task);

  if (op->completed)
    {
      g_object_unref (task);
      return;
    }

  op->matches_cb = matches_cb;
  secret_service_get (SECRET_SERVICE_NONE, op->cancellable, matches_service_cb, task);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Operation *op = g_task_get_task_data (task);
  char *api_key;

  api_key = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      operation_return_error (task, error);
      return;
    }

  if (api_key == NULL)
    {
      search_matches (g_steal_pointer (&task), lookup_search_cb);
      return;
    }

  if (!operation_claim (task))
    {
      secret_password_free (api_key);
      return;
    }

  g_debug ("Found the API key for community %s on %s", op->community_id, op->host);
  g_task_return_pointer (task, api_key, (GDestroyNotify) secret_password_free);
}

/**
 * scms_secret_lookup_async:
 * @base_url: the server's base URL, as given to scms_secret_store_async()
 * @community_id: the community ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Looks up the API key stored for @base_url and @community_id. Never
 * asks to unlock the keyring by itself beyond what libsecret's lookup
 * does, and gives up after the timeout (see scms_secret_set_timeout()).
 */
void
scms_secret_lookup_async (const char          *base_url,
                          const char          *community_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;

  g_return_if_fail (base_url != NULL && *base_url != '\0');
  g_return_if_fail (community_id != NULL && *community_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = operation_new (base_url, community_id, cancellable, callback, user_data,
                        scms_secret_lookup_async);
  op = g_task_get_task_data (task);

  g_debug ("Looking up the API key for community %s on %s", community_id, op->host);
  secret_password_lookupv (&scms_secret_schema, op->attributes, op->cancellable,
                           lookup_cb, g_steal_pointer (&task));
}

/**
 * scms_secret_lookup_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError in the %SCMS_SECRET_ERROR domain
 *
 * Returns: (transfer full) (nullable): the API key, to be freed with
 *   scms_secret_free(); %NULL without an error when the keyring is
 *   usable and no key is stored
 */
char *
scms_secret_lookup_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (operation_is_valid (result, scms_secret_lookup_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Clear */

static void
clear_search_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Operation *op = g_task_get_task_data (task);
  GList *items;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      operation_return_error (task, error);
      return;
    }

  if (items != NULL)
    {
      /* Something matches but could not be removed: it is locked. */
      g_list_free_full (items, g_object_unref);
      operation_return_code (task, SCMS_SECRET_ERROR_LOCKED);
      return;
    }

  if (operation_claim (task))
    {
      g_debug ("No API key to remove for community %s on %s", op->community_id, op->host);
      g_task_return_boolean (task, FALSE);
    }
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Operation *op = g_task_get_task_data (task);
  gboolean removed;

  removed = secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      operation_return_error (task, error);
      return;
    }

  if (!removed)
    {
      /* Nothing removed: either nothing was stored, or the item is in a
       * locked collection. Tell the two apart without a prompt. */
      search_matches (g_steal_pointer (&task), clear_search_cb);
      return;
    }

  if (operation_claim (task))
    {
      g_debug ("Removed the API key for community %s on %s", op->community_id, op->host);
      g_task_return_boolean (task, TRUE);
    }
}

/**
 * scms_secret_clear_async:
 * @base_url: the server's base URL, as given to scms_secret_store_async()
 * @community_id: the community ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Removes the API key stored for @base_url and @community_id, if any.
 * Gives up after the timeout (see scms_secret_set_timeout()).
 */
void
scms_secret_clear_async (const char          *base_url,
                         const char          *community_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;

  g_return_if_fail (base_url != NULL && *base_url != '\0');
  g_return_if_fail (community_id != NULL && *community_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = operation_new (base_url, community_id, cancellable, callback, user_data,
                        scms_secret_clear_async);
  op = g_task_get_task_data (task);

  g_debug ("Removing the API key for community %s on %s", community_id, op->host);
  secret_password_clearv (&scms_secret_schema, op->attributes, op->cancellable,
                          clear_cb, g_steal_pointer (&task));
}

/**
 * scms_secret_clear_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError in the %SCMS_SECRET_ERROR domain
 *
 * Returns: %TRUE when a key was removed; %FALSE without an error when
 *   none was stored
 */
gboolean
scms_secret_clear_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (operation_is_valid (result, scms_secret_clear_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * scms_secret_free:
 * @api_key: (nullable): a key from scms_secret_lookup_finish()
 *
 * Wipes and frees @api_key.
 */
void
scms_secret_free (char *api_key)
{
  secret_password_free (api_key);
}

/**
 * scms_secret_set_timeout:
 * @seconds: the timeout for calls started from now on, or 0 for
 *   %SCMS_SECRET_DEFAULT_TIMEOUT_SECONDS
 *
 * Sets how long a keyring call may take before it fails with
 * %SCMS_SECRET_ERROR_TIMEOUT. Meant for tests.
 */
void
scms_secret_set_timeout (guint seconds)
{
  g_atomic_int_set (&timeout_seconds,
                    seconds != 0 ? seconds : SCMS_SECRET_DEFAULT_TIMEOUT_SECONDS);
}
