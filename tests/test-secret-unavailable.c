/* test-secret-unavailable.c — the API key store without a usable keyring
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
 * meson starts this with DBUS_SESSION_BUS_ADDRESS pointing nowhere. The
 * cases run in the order they are added: first without any bus, then
 * on a private dbus-daemon of our own that has no Secret Service, then
 * on that bus with an org.freedesktop.secrets owner that never answers,
 * and last with a real gnome-keyring whose keyring is locked (nothing on
 * that bus can prompt to unlock it). GIO keeps the first session bus
 * connection that succeeds for the whole process, so the "no bus" case
 * must come first.
 */

#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "scms-secret.h"

#define URL "https://api.sonorancms.com"
#define COMMUNITY "community-one"
#define KEY "not-a-real-key"

/* Fail fast: no keyring means an answer well before the keyring timeout
 * (SCMS_SECRET_DEFAULT_TIMEOUT_SECONDS, 10 s). These bounds tell an answer
 * from a hang, they are no speed target: keep them generous. */
#define FAST_USEC (5 * G_USEC_PER_SEC)

static GSubprocess *bus_daemon;
static GDBusConnection *session_bus;
static char *bus_dir;
static char *bus_config;

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

static void
assert_secret_error (const GError    *error,
                     ScmsSecretError  code)
{
  g_assert_error (error, SCMS_SECRET_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

/* Each must fail with @code within [@min_usec, @max_usec]. */
static void
assert_store_fails (ScmsSecretError code,
                    gint64          min_usec,
                    gint64          max_usec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start;
  gint64 elapsed;

  start = g_get_monotonic_time ();
  scms_secret_store_async (URL, COMMUNITY, KEY, NULL, result_cb, &result);
  g_assert_false (scms_secret_store_finish (wait_for (&result), &error));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("store: %s after %" G_GINT64_FORMAT " ms", error ? error->message : "-",
                  elapsed / 1000);
  assert_secret_error (error, code);
  g_assert_cmpint (elapsed, >=, min_usec);
  g_assert_cmpint (elapsed, <, max_usec);
}

static void
assert_lookup_fails (ScmsSecretError code,
                     gint64          min_usec,
                     gint64          max_usec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScmsSecretKey) key = NULL;
  gint64 start;
  gint64 elapsed;

  start = g_get_monotonic_time ();
  scms_secret_lookup_async (URL, COMMUNITY, NULL, result_cb, &result);
  key = scms_secret_lookup_finish (wait_for (&result), &error);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("lookup: %s after %" G_GINT64_FORMAT " ms", error ? error->message : "-",
                  elapsed / 1000);
  g_assert_true (key == NULL);
  assert_secret_error (error, code);
  g_assert_cmpint (elapsed, >=, min_usec);
  g_assert_cmpint (elapsed, <, max_usec);
}

static void
assert_clear_fails (ScmsSecretError code,
                    gint64          min_usec,
                    gint64          max_usec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start;
  gint64 elapsed;

  start = g_get_monotonic_time ();
  scms_secret_clear_async (URL, COMMUNITY, NULL, result_cb, &result);
  g_assert_false (scms_secret_clear_finish (wait_for (&result), &error));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("clear: %s after %" G_GINT64_FORMAT " ms", error ? error->message : "-",
                  elapsed / 1000);
  assert_secret_error (error, code);
  g_assert_cmpint (elapsed, >=, min_usec);
  g_assert_cmpint (elapsed, <, max_usec);
}

static void
assert_all_fail (ScmsSecretError code,
                 gint64          min_usec,
                 gint64          max_usec)
{
  assert_store_fails (code, min_usec, max_usec);
  assert_lookup_fails (code, min_usec, max_usec);
  assert_clear_fails (code, min_usec, max_usec);
}

static void
test_no_bus (void)
{
  /* Set by meson; checked so that the case cannot pass by accident on a
   * working bus. */
  g_assert_cmpstr (g_getenv ("DBUS_SESSION_BUS_ADDRESS"), ==, "unix:path=/nonexistent/bus");

  assert_all_fail (SCMS_SECRET_ERROR_UNAVAILABLE, 0, FAST_USEC);
}

/* Starts a dbus-daemon that has no service folders, so nothing can be
 * activated on it, and makes it the session bus of this process. */
static void
start_private_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *config = NULL;
  g_autofree char *address = NULL;

  if (bus_daemon != NULL)
    return;

  bus_dir = g_dir_make_tmp ("scms-test-bus-XXXXXX", &error);
  g_assert_no_error (error);
  bus_config = g_build_filename (bus_dir, "session.conf", NULL);
  config = g_markup_printf_escaped (
    "<busconfig>\n"
    "  <type>session</type>\n"
    "  <listen>unix:tmpdir=%s</listen>\n"
    "  <policy context=\"default\">\n"
    "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
    "    <allow eavesdrop=\"true\"/>\n"
    "    <allow own=\"*\"/>\n"
    "  </policy>\n"
    "</busconfig>\n",
    bus_dir);
  g_file_set_contents (bus_config, config, -1, &error);
  g_assert_no_error (error);

  bus_daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 "dbus-daemon", "--config-file", bus_config,
                                 "--print-address", "--nofork", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus_daemon));
  address = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);

  /* This is the connection libsecret will use. GIO ends the process
   * when the session bus goes away; ours goes away on purpose at the
   * end. */
  session_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_set_exit_on_close (session_bus, FALSE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
stop_private_bus (void)
{
  if (session_bus != NULL)
    {
      g_dbus_connection_close_sync (session_bus, NULL, NULL);
      g_clear_object (&session_bus);
    }

  if (bus_daemon != NULL)
    {
      g_subprocess_force_exit (bus_daemon);
      g_subprocess_wait (bus_daemon, NULL, NULL);
      g_clear_object (&bus_daemon);
    }

  /* The folder holds the config and the bus socket. */
  if (bus_dir != NULL)
    remove_tree (bus_dir);
  g_clear_pointer (&bus_config, g_free);
  g_clear_pointer (&bus_dir, g_free);
}

static void
test_no_secret_service (void)
{
  start_private_bus ();

  assert_all_fail (SCMS_SECRET_ERROR_UNAVAILABLE, 0, FAST_USEC);
}

/* Drops every method call sent to the fake keyring: the callers wait
 * for a reply that never comes, like a keyring stuck on a prompt. */
static GDBusMessage *
drop_method_calls (GDBusConnection *connection,
                   GDBusMessage    *message,
                   gboolean         incoming,
                   gpointer         user_data)
{
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    {
      g_object_unref (message);
      return NULL;
    }

  return message;
}

static void
test_timeout (void)
{
  g_autoptr(GDBusConnection) silent = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 request_result = 0;

  start_private_bus ();

  silent = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_set_exit_on_close (silent, FALSE);
  g_dbus_connection_add_filter (silent, drop_method_calls, NULL, NULL);

  /* 4 = DBUS_NAME_FLAG_DO_NOT_QUEUE; 1 = we are the primary owner. */
  reply = g_dbus_connection_call_sync (silent, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.secrets", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &request_result);
  g_assert_cmpuint (request_result, ==, 1);

  scms_secret_set_timeout (1);
  assert_all_fail (SCMS_SECRET_ERROR_TIMEOUT, G_USEC_PER_SEC * 9 / 10, 6 * G_USEC_PER_SEC);
  scms_secret_set_timeout (0);

  g_dbus_connection_close_sync (silent, NULL, NULL);
}

static gboolean
secrets_name_has_owner (void)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (session_bus, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* A real gnome-keyring on the private bus, with a keyring of its own
 * that holds a key, then locked. The bus has no prompter to activate,
 * so nothing can unlock it: lookup must say LOCKED, not "no key". */
static void
test_locked (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) unlock = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsSecretKey) key = NULL;
  g_autofree char *dir = NULL;
  GList *objects = NULL;
  GList *locked = NULL;
  guint32 daemon_pid = 0;
  guint i;

  start_private_bus ();
  g_assert_false (secrets_name_has_owner ());

  dir = g_dir_make_tmp ("scms-test-keyring-XXXXXX", &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GNOME_KEYRING_CONTROL");
  /* Our G_DEBUG=fatal-warnings would make the daemon abort on its own
   * warnings (it warns when it cannot reach a prompter). */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  unlock = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--unlock",
                                        "--components=secrets", NULL);
  g_assert_no_error (error);
  /* A throw-away password for a throw-away keyring. */
  g_subprocess_communicate_utf8 (unlock, "scms-test", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (unlock));
  g_assert_cmpint (g_subprocess_get_exit_status (unlock), ==, 0);

  for (i = 0; i < 100 && !secrets_name_has_owner (); i++)
    g_usleep (G_USEC_PER_SEC / 10);
  g_assert_true (secrets_name_has_owner ());

  reply = g_dbus_connection_call_sync (session_bus, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "GetConnectionUnixProcessID",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &daemon_pid);

  /* Unlocked, it works. */
  scms_secret_store_async (URL, COMMUNITY, KEY, NULL, result_cb, &result);
  g_assert_true (scms_secret_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  objects = g_list_append (objects, collection);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, &locked, &error), ==, 1);
  g_assert_no_error (error);
  g_list_free (objects);
  g_list_free_full (locked, g_object_unref);

  /* The stored key is there but locked; storing needs an unlocked
   * collection; clearing cannot remove it. */
  scms_secret_set_timeout (5);
  assert_store_fails (SCMS_SECRET_ERROR_LOCKED, 0, 5 * G_USEC_PER_SEC);
  assert_lookup_fails (SCMS_SECRET_ERROR_LOCKED, 0, 5 * G_USEC_PER_SEC);
  assert_clear_fails (SCMS_SECRET_ERROR_LOCKED, 0, 5 * G_USEC_PER_SEC);

  /* No item for this community, but the keyring is locked: the key may
   * not be "not stored", so this is LOCKED too. */
  scms_secret_lookup_async (URL, "another-community", NULL, result_cb, &result);
  key = scms_secret_lookup_finish (wait_for (&result), &error);
  g_assert_true (key == NULL);
  assert_secret_error (error, SCMS_SECRET_ERROR_LOCKED);
  scms_secret_set_timeout (0);

  g_clear_object (&collection);
  g_clear_object (&service);
  secret_service_disconnect ();
  if (daemon_pid > 0)
    kill ((pid_t) daemon_pid, SIGTERM);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Without a bus GIO could otherwise try to autolaunch one on X11. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secret-unavailable/no-bus", test_no_bus);
  g_test_add_func ("/secret-unavailable/no-secret-service", test_no_secret_service);
  g_test_add_func ("/secret-unavailable/timeout", test_timeout);
  g_test_add_func ("/secret-unavailable/locked", test_locked);

  status = g_test_run ();

  stop_private_bus ();

  return status;
}
