/* test-secret.c — the API key store against a real gnome-keyring
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run through build-aux/with-keyring.sh, which starts a throw-away,
 * unlocked gnome-keyring on a private session bus and sets
 * SCMS_TEST_KEYRING. Without it the test skips, or fails when
 * SCMS_TESTS_REQUIRE_KEYRING=1 (as meson sets it): it never touches the
 * keyring of a real desktop session.
 *
 * The keys are random strings; they are compared without being printed,
 * even when an assertion fails.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "scms-secret.h"

#define URL_A "https://api.sonorancms.com"
#define URL_B "http://127.0.0.1:8080/api"

/* Community IDs get a random suffix per run, so that runs sharing one
 * keyring (meson test --repeat with several processes) cannot see each
 * other's items. */
static char *community_1;
static char *community_2;
#define COMMUNITY_1 ((const char *) community_1)
#define COMMUNITY_2 ((const char *) community_2)

/* The schema as the contract states it, written out again here so that
 * a change in scms-secret.c that breaks existing items shows up. */
static const SecretSchema expected_schema = {
  .name = "io.github.sonoranadmin.SonoranAdmin.ApiKey",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { .name = "server", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = "community-id", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = NULL, .type = 0 },
  },
};

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static gboolean
store (const char    *url,
       const char    *community_id,
       const char    *key,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_secret_store_async (url, community_id, key, cancellable, result_cb, &result);
  return scms_secret_store_finish (wait_for (&result), error);
}

static char *
lookup (const char    *url,
        const char    *community_id,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_secret_lookup_async (url, community_id, cancellable, result_cb, &result);
  return scms_secret_lookup_finish (wait_for (&result), error);
}

static gboolean
clear (const char    *url,
       const char    *community_id,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  scms_secret_clear_async (url, community_id, cancellable, result_cb, &result);
  return scms_secret_clear_finish (wait_for (&result), error);
}

static char *
random_key (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("scms-test-key-%s", uuid);
}

/* Stores and looks up without ever printing the key. */
static void
assert_lookup_is (const char *url,
                  const char *community_id,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSecretKey) key = NULL;

  key = lookup (url, community_id, NULL, &error);
  g_assert_no_error (error);
  if (expected == NULL)
    g_assert_true (key == NULL);
  else
    g_assert_true (key != NULL && strcmp (key, expected) == 0);
}

static GList *
search_items (const char *url,
              const char *community_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GList *items;

  attributes = secret_attributes_build (&expected_schema,
                                        "server", url,
                                        "community-id", community_id,
                                        NULL);
  items = secret_service_search_sync (NULL, &expected_schema, attributes, SECRET_SEARCH_ALL,
                                      NULL, &error);
  g_assert_no_error (error);

  return items;
}

static void
assert_one_item (const char *url,
                 const char *community_id,
                 const char *key)
{
  GList *items = search_items (url, community_id);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GHashTableIter iter;
  gpointer name, value;

  g_assert_cmpuint (g_list_length (items), ==, 1);

  label = secret_item_get_label (items->data);
  g_assert_nonnull (strstr (label, community_id));

  attributes = secret_item_get_attributes (items->data);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, expected_schema.name);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "server"), ==, url);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "community-id"), ==, community_id);

  /* The key is the item's secret, never one of its (unencrypted,
   * searchable) attributes or its label. */
  g_assert_true (strstr (label, key) == NULL);
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_assert_true (strstr (name, key) == NULL);
      g_assert_true (strstr (value, key) == NULL);
    }

  g_list_free_full (items, g_object_unref);
}

static void
assert_no_item (const char *url,
                const char *community_id)
{
  GList *items = search_items (url, community_id);

  g_assert_cmpuint (g_list_length (items), ==, 0);
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = random_key ();
  g_autofree char *second = random_key ();
  gboolean ok;

  assert_lookup_is (URL_A, COMMUNITY_1, NULL);

  ok = store (URL_A, COMMUNITY_1, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_lookup_is (URL_A, COMMUNITY_1, first);
  assert_one_item (URL_A, COMMUNITY_1, first);

  /* Storing again replaces the key in the same item. */
  ok = store (URL_A, COMMUNITY_1, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_lookup_is (URL_A, COMMUNITY_1, second);
  assert_one_item (URL_A, COMMUNITY_1, second);

  ok = clear (URL_A, COMMUNITY_1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_lookup_is (URL_A, COMMUNITY_1, NULL);
  assert_no_item (URL_A, COMMUNITY_1);

  /* Nothing left to remove: FALSE, and not an error. */
  ok = clear (URL_A, COMMUNITY_1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ok);
}

static void
test_independent_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key_a1 = random_key ();
  g_autofree char *key_a2 = random_key ();
  g_autofree char *key_b1 = random_key ();

  g_assert_true (store (URL_A, COMMUNITY_1, key_a1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (store (URL_A, COMMUNITY_2, key_a2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (store (URL_B, COMMUNITY_1, key_b1, NULL, &error));
  g_assert_no_error (error);

  assert_lookup_is (URL_A, COMMUNITY_1, key_a1);
  assert_lookup_is (URL_A, COMMUNITY_2, key_a2);
  assert_lookup_is (URL_B, COMMUNITY_1, key_b1);
  assert_one_item (URL_A, COMMUNITY_1, key_a1);
  assert_one_item (URL_A, COMMUNITY_2, key_a2);
  assert_one_item (URL_B, COMMUNITY_1, key_b1);

  g_assert_true (clear (URL_A, COMMUNITY_1, NULL, &error));
  g_assert_no_error (error);
  assert_lookup_is (URL_A, COMMUNITY_1, NULL);
  assert_lookup_is (URL_A, COMMUNITY_2, key_a2);
  assert_lookup_is (URL_B, COMMUNITY_1, key_b1);

  g_assert_true (clear (URL_A, COMMUNITY_2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (clear (URL_B, COMMUNITY_1, NULL, &error));
  g_assert_no_error (error);
  assert_lookup_is (URL_A, COMMUNITY_2, NULL);
  assert_lookup_is (URL_B, COMMUNITY_1, NULL);
}

static void
test_cancelled_before_start (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = random_key ();
  g_autoptr(ScmsSecretKey) found = NULL;

  g_cancellable_cancel (cancellable);

  g_assert_false (store (URL_A, COMMUNITY_1, key, cancellable, &error));
  g_assert_error (error, SCMS_SECRET_ERROR, SCMS_SECRET_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  found = lookup (URL_A, COMMUNITY_1, cancellable, &error);
  g_assert_error (error, SCMS_SECRET_ERROR, SCMS_SECRET_ERROR_CANCELLED);
  g_assert_true (found == NULL);
  g_clear_error (&error);

  g_assert_false (clear (URL_A, COMMUNITY_1, cancellable, &error));
  g_assert_error (error, SCMS_SECRET_ERROR, SCMS_SECRET_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Nothing was stored by the cancelled call. */
  assert_lookup_is (URL_A, COMMUNITY_1, NULL);
}

static void
test_cancelled_while_running (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = random_key ();
  g_autoptr(ScmsSecretKey) found = NULL;

  scms_secret_store_async (URL_B, COMMUNITY_2, key, cancellable, result_cb, &result);
  g_cancellable_cancel (cancellable);
  g_assert_false (scms_secret_store_finish (wait_for (&result), &error));
  g_assert_error (error, SCMS_SECRET_ERROR, SCMS_SECRET_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  g_cancellable_reset (cancellable);
  scms_secret_lookup_async (URL_B, COMMUNITY_2, cancellable, result_cb, &result);
  g_cancellable_cancel (cancellable);
  found = scms_secret_lookup_finish (wait_for (&result), &error);
  g_assert_error (error, SCMS_SECRET_ERROR, SCMS_SECRET_ERROR_CANCELLED);
  g_assert_true (found == NULL);
  g_clear_error (&error);

  /* Whether the keyring got the cancelled store or not, clean up. */
  clear (URL_B, COMMUNITY_2, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (haystack + i, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* TRUE when @needle occurs in any regular file below @path. */
static gboolean
found_in_files (const char *path,
                const char *needle)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return FALSE;
      return contains_bytes (contents, length, needle);
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (found_in_files (child, needle))
        {
          g_test_message ("The key was found in %s", child);
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_key_not_in_files (void)
{
  const char *folders[] = { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
                            "XDG_RUNTIME_DIR" };
  g_autoptr(GError) error = NULL;
  g_autofree char *key = random_key ();

  g_assert_true (store (URL_A, COMMUNITY_2, key, NULL, &error));
  g_assert_no_error (error);
  assert_lookup_is (URL_A, COMMUNITY_2, key);

  /* with-keyring.sh points all of these at fresh temporary folders. The
   * keyring's own file under XDG_DATA_HOME/keyrings is encrypted, so
   * the key must not appear there in clear text either. */
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      const char *path = g_getenv (folders[i]);

      g_assert_nonnull (path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
      if (found_in_files (path, key))
        g_error ("The API key was written in clear text below %s", folders[i]);
    }

  g_assert_true (clear (URL_A, COMMUNITY_2, NULL, &error));
  g_assert_no_error (error);
}

static void
test_keyring_missing (gconstpointer data)
{
  g_test_message ("No usable Secret Service: %s", (const char *) data);
  g_test_message ("Run the tests with build-aux/run-tests.sh, or under "
                  "dbus-run-session -- build-aux/with-keyring.sh");
  g_test_fail ();
}

/* Connects to the throw-away keyring; sets @reason when there is none. */
static gboolean
keyring_available (char **reason)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("SCMS_TEST_KEYRING") == NULL)
    {
      *reason = g_strdup ("not started by build-aux/with-keyring.sh "
                          "(the test never uses a real session's keyring)");
      return FALSE;
    }

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  if (service == NULL)
    {
      *reason = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *reason = NULL;
  g_autofree char *suffix = NULL;
  int status;

  /* A prompt must never find a display to wait on. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  g_test_init (&argc, &argv, NULL);

  if (!keyring_available (&reason))
    {
      if (g_strcmp0 (g_getenv ("SCMS_TESTS_REQUIRE_KEYRING"), "1") != 0)
        {
          g_print ("1..0 # SKIP %s\n", reason);
          return 0;
        }

      g_test_add_data_func ("/secret/keyring-available", reason, test_keyring_missing);
      return g_test_run ();
    }

  suffix = g_uuid_string_random ();
  community_1 = g_strconcat ("community-one-", suffix, NULL);
  community_2 = g_strconcat ("community-two-", suffix, NULL);

  g_test_add_func ("/secret/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/secret/independent-items", test_independent_items);
  g_test_add_func ("/secret/cancelled-before-start", test_cancelled_before_start);
  g_test_add_func ("/secret/cancelled-while-running", test_cancelled_while_running);
  g_test_add_func ("/secret/key-not-in-files", test_key_not_in_files);

  status = g_test_run ();

  secret_service_disconnect ();
  g_clear_pointer (&community_1, g_free);
  g_clear_pointer (&community_2, g_free);

  return status;
}
