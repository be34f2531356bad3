/* scms-application.c
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

#include <glib/gi18n.h>

#include "scms-application.h"
#include "scms-client.h"
#include "scms-mock-server.h"
#include "scms-window.h"

struct _ScmsApplication
{
  AdwApplication  parent_instance;

  char           *api_url;
  ScmsMockServer *mock_server;
  ScmsMockVariant demo_variant;
  guint           demo : 1;
};

G_DEFINE_FINAL_TYPE (ScmsApplication, scms_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the built-in demo community"), NULL },
  { "demo-variant", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Reply shapes of the demo community: “live” (default) or “docs”"), N_("VARIANT") },
  { "api-url", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use URL as the server, for staging or a self-hosted proxy"), N_("URL") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static void
first_frame_cb (GdkFrameClock *frame_clock,
                GtkWidget     *window)
{
  /* The same clock as CLOCK_MONOTONIC, so another process can compare. */
  g_printerr ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, window);
}

static void
window_realize_cb (GtkWidget *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  if (frame_clock != NULL)
    g_signal_connect (frame_clock, "after-paint", G_CALLBACK (first_frame_cb), window);
}

static ScmsWindow *
get_window (ScmsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SCMS_IS_WINDOW (window))
    return SCMS_WINDOW (window);

  window = GTK_WINDOW (scms_window_new (GTK_APPLICATION (self)));

  /* For the cold-start benchmark (build-aux/bench.sh). */
  if (g_getenv ("SCMS_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);

  return SCMS_WINDOW (window);
}

static void
demo_plan_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ScmsSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;

  subscription = scms_client_get_sub_version_finish (SCMS_CLIENT (object), result, &error);
  if (subscription == NULL)
    g_debug ("The demo community did not say its plan: %s", error->message);
}

/* Opens the demo community in @window: a mock of the API served from this
 * process on loopback, with the mock's own community ID and key. The
 * keyring is never involved. */
static void
open_demo (ScmsApplication *self,
           ScmsWindow      *window)
{
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (self->mock_server == NULL)
    {
      g_autoptr(ScmsMockServer) mock_server = scms_mock_server_new ();

      scms_mock_server_set_variant (mock_server, self->demo_variant);
      if (!scms_mock_server_start (mock_server, 0, &error))
        {
          g_printerr (_("Could not start the demo community: %s\n"), error->message);
          return;
        }

      self->mock_server = g_steal_pointer (&mock_server);
    }

  client = scms_client_new (scms_mock_server_get_url (self->mock_server),
                            SCMS_MOCK_DEFAULT_COMMUNITY_ID,
                            &error);
  if (client == NULL)
    {
      g_printerr (_("Could not open the demo community: %s\n"), error->message);
      return;
    }

  scms_client_set_api_key (client, SCMS_MOCK_DEFAULT_API_KEY);
  scms_window_set_client (window, client);

  /* Like a real connection, learn the plan first (the client keeps it),
   * so that pages know what it allows. */
  scms_client_get_sub_version_async (client, NULL, demo_plan_cb, NULL);
}

/* Reconnects to the last profile with its key from the keyring, or
 * presents the connect form (with the --api-url server preset). */
static void
open_saved_community (ScmsApplication *self,
                      ScmsWindow      *window)
{
  scms_window_set_server_url_preset (window, self->api_url);
  scms_window_open_saved_community (window);
}

static void
demo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  ScmsApplication *self = user_data;
  ScmsWindow *window = get_window (self);

  self->demo = TRUE;
  open_demo (self, window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
add_community_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ScmsApplication *self = user_data;
  ScmsWindow *window = get_window (self);

  scms_window_set_server_url_preset (window, self->api_url);
  scms_window_add_community (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  ScmsApplication *self = user_data;
  static const char *developers[] = { "The Sonoran Admin authors", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Sonoran Admin"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Sonoran Admin authors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/sonoranadmin/sonoran-admin",
                        "issue-url", "https://github.com/sonoranadmin/sonoran-admin/issues",
                        "copyright", "© 2026 The Sonoran Admin authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("A desktop client for Sonoran CMS communities."),
                        NULL);

  gtk_window_present (about);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  ScmsApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing (rather than destroying) lets each window save its state; the
   * application quits when the last one is gone. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "add-community", add_community_action },
  { "demo", demo_action },
  { "quit", quit_action },
  { "shortcuts", shortcuts_action },
};

static int
scms_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  ScmsApplication *self = SCMS_APPLICATION (application);
  const char *api_url = NULL;
  const char *variant = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "sonoran-admin", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "api-url", "&s", &api_url))
    {
      g_autoptr(GError) error = NULL;

      if (!scms_check_base_url (api_url, &error))
        {
          /* Translators: the first %s is a URL, the second why it is refused. */
          g_printerr (_("sonoran-admin: cannot use the server URL “%s”: %s\n"),
                      api_url, error->message);
          return 1;
        }

      g_free (self->api_url);
      self->api_url = g_strdup (api_url);
    }

  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;

  /* The demo speaks the live service's drifted shapes unless asked for the
   * documented ones, so both can be tried by hand and by the tests. */
  self->demo_variant = SCMS_MOCK_VARIANT_LIVE;
  if (g_variant_dict_lookup (options, "demo-variant", "&s", &variant))
    {
      if (g_strcmp0 (variant, "docs") == 0)
        self->demo_variant = SCMS_MOCK_VARIANT_DOCS;
      else if (g_strcmp0 (variant, "live") != 0)
        {
          g_printerr (_("sonoran-admin: --demo-variant takes “live” or “docs”\n"));
          return 1;
        }
    }

  /* These options only mean something to the process they were given to;
   * a running instance would ignore them, so run a separate one. */
  if (self->demo || self->api_url != NULL)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  /* Any lookup reads the theme first, under the theme's own lock. */
  gtk_icon_theme_has_icon (task_data, "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* GTK starts reading the icon theme on a thread when the display first
 * asks for it, during gtk_init(). The resource paths GtkApplication and
 * libadwaita add to it later, in startup, throw that reading away, and
 * the window's first icon then read the whole theme again on the main
 * thread: 66 M of the 562 M instructions it ran before the demo's first
 * frame (callgrind). So read it again on a thread now that it is set up,
 * as GTK does, while the window is built; lookups from other threads are
 * safe once it is (see gtkicontheme.c). */
static void
read_icon_theme_in_thread (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, read_icon_theme_in_thread);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)),
                        g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
scms_application_startup (GApplication *application)
{
  ScmsApplication *self = SCMS_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (scms_application_parent_class)->startup (application);

  read_icon_theme_in_thread ();

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_overlay_accels);
}

static void
scms_application_activate (GApplication *application)
{
  ScmsApplication *self = SCMS_APPLICATION (application);
  ScmsWindow *window = get_window (self);

  if (scms_window_get_client (window) == NULL)
    {
      if (self->demo)
        open_demo (self, window);
      else
        open_saved_community (self, window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
scms_application_shutdown (GApplication *application)
{
  ScmsApplication *self = SCMS_APPLICATION (application);

  if (self->mock_server != NULL)
    scms_mock_server_stop (self->mock_server);

  G_APPLICATION_CLASS (scms_application_parent_class)->shutdown (application);
}

static void
scms_application_dispose (GObject *object)
{
  ScmsApplication *self = SCMS_APPLICATION (object);

  g_clear_object (&self->mock_server);

  G_OBJECT_CLASS (scms_application_parent_class)->dispose (object);
}

static void
scms_application_finalize (GObject *object)
{
  ScmsApplication *self = SCMS_APPLICATION (object);

  g_clear_pointer (&self->api_url, g_free);

  G_OBJECT_CLASS (scms_application_parent_class)->finalize (object);
}

static void
scms_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (scms_application_parent_class)->constructed (object);

  /* Development builds have another application ID, but the same
   * resources (style sheet, icons); GApplication derives the base
   * path from the ID in constructed, so override it afterwards. */
  g_application_set_resource_base_path (G_APPLICATION (object), RESOURCE_BASE);
}

static void
scms_application_class_init (ScmsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = scms_application_constructed;
  object_class->dispose = scms_application_dispose;
  object_class->finalize = scms_application_finalize;

  app_class->handle_local_options = scms_application_handle_local_options;
  app_class->startup = scms_application_startup;
  app_class->activate = scms_application_activate;
  app_class->shutdown = scms_application_shutdown;
}

static void
scms_application_init (ScmsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Administer a Sonoran CMS community."));
}

/**
 * scms_application_new:
 * @application_id: the application ID
 * @flags: the application flags
 *
 * Returns: (transfer full): a new #ScmsApplication
 */
ScmsApplication *
scms_application_new (const char        *application_id,
                      GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (SCMS_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}

/**
 * scms_application_get_api_url:
 * @self: a #ScmsApplication
 *
 * Returns: (nullable): the server URL given with `--api-url`, already
 *   checked with scms_check_base_url()
 */
const char *
scms_application_get_api_url (ScmsApplication *self)
{
  g_return_val_if_fail (SCMS_IS_APPLICATION (self), NULL);

  return self->api_url;
}
