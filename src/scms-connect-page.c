/* scms-connect-page.c — the form that opens a community
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

#include <string.h>

#include <glib/gi18n.h>

#include "scms-connect-page.h"
#include "scms-secret.h"
#include "scms-util.h"

/*
 * The connect form checks what was typed, tests the credentials with
 * get_sub_version, stores the key in the keyring and then emits
 * ::connected with a ready client; the window saves the profile and opens
 * the community. It also reopens a saved community with the key from the
 * keyring. The key lives in the password row, the client and the keyring
 * only: never in a property, a log line or the settings.
 */

enum {
  SERVER_PRODUCTION,
  SERVER_STAGING,
  SERVER_CUSTOM,
};

struct _ScmsConnectPage
{
  GtkWidget             parent_instance;

  GCancellable         *cancellable;
  /* Credentials that passed, waiting for the keyring (or for "this
   * session only"). */
  ScmsClient           *pending_client;
  ScmsSubscription     *pending_subscription;
  char                 *message;
  guint                 busy : 1;
  guint                 session_only : 1;
  guint                 keyring_trouble : 1;

  /* Template widgets */
  GtkWidget            *scroller;
  GtkLabel             *heading_label;
  GtkWidget            *fields_group;
  AdwEntryRow          *community_row;
  AdwEntryRow          *key_row;
  AdwComboRow          *server_row;
  AdwEntryRow          *url_row;
  GtkLabel             *message_label;
  GtkWidget            *keyring_box;
  GtkLabel             *keyring_label;
  GtkWidget            *session_button;
};

G_DEFINE_FINAL_TYPE (ScmsConnectPage, scms_connect_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  CONNECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_custom_cb (gpointer instance,
              guint    selected)
{
  return selected == SERVER_CUSTOM;
}

static void
set_busy (ScmsConnectPage *self,
          gboolean         busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->busy == !!busy)
    return;

  /* The fields turn insensitive while busy; take the focus out of them
   * first, so that the entry sees it go (GTK 4.8 warns otherwise). */
  if (busy && focus != NULL && gtk_widget_is_ancestor (focus, self->fields_group))
    gtk_root_set_focus (root, NULL);

  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
mark_row (GtkWidget  *row,
          const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows @message under the fields: an error (with @row marked as the
 * one to fix, if any) or a hint. %NULL hides it and clears the marks. */
static void
show_message (ScmsConnectPage *self,
              const char      *message,
              gboolean         is_error,
              GtkWidget       *row)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->community_row),
    GTK_WIDGET (self->key_row),
    GTK_WIDGET (self->url_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    mark_row (rows[i], rows[i] == row ? message : NULL);

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
    }

  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  scms_widget_set_css_class (GTK_WIDGET (self->message_label), "error", is_error);
}

/* Says that the keyring cannot keep the key and offers to use it for this
 * session only; %NULL hides the notice. */
static void
show_keyring_trouble (ScmsConnectPage *self,
                      const char      *message)
{
  self->keyring_trouble = message != NULL;

  gtk_label_set_label (self->keyring_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->session_button, TRUE);
  gtk_widget_set_visible (self->keyring_box, message != NULL);
}

/* Sonoran CMS keys are 36 characters: anything this long was pasted by
 * mistake, and is not sent anywhere. */
#define MAX_API_KEY_LENGTH 256

/* What is wrong with the typed key, to say on its row, or NULL. Surrounding
 * blanks do not count, as they are trimmed when the key is used. Checked
 * in place, so that no copy of the key is left in memory. */
static const char *
api_key_problem (const char *api_key)
{
  const char *start = api_key;
  const char *end = api_key + strlen (api_key);
  glong length = 0;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (start == end)
    return _("Enter the API key.");

  for (const char *p = start; p < end; p = g_utf8_next_char (p), length++)
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return _("The API key contains characters that cannot be typed. Copy it again "
                 "from the community’s API Integration settings.");
    }

  if (length > MAX_API_KEY_LENGTH)
    return _("The API key is too long. Copy it again from the community’s API "
             "Integration settings.");

  return NULL;
}

static void
drop_pending (ScmsConnectPage *self)
{
  g_clear_object (&self->pending_client);
  g_clear_object (&self->pending_subscription);
}

static GCancellable *
renew_cancellable (ScmsConnectPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

static void
field_changed_cb (ScmsConnectPage *self)
{
  /* Whatever was checked no longer matches what is typed. */
  drop_pending (self);

  if (self->message != NULL)
    show_message (self, NULL, FALSE, NULL);
}

/* The server URL the form points at, or %NULL (and the reason in
 * @error) when the custom URL cannot be used. */
static char *
get_server_url (ScmsConnectPage  *self,
                GError          **error)
{
  g_autofree char *url = NULL;

  switch (adw_combo_row_get_selected (self->server_row))
    {
    case SERVER_PRODUCTION:
      return g_strdup (SCMS_PRODUCTION_URL);

    case SERVER_STAGING:
      return g_strdup (SCMS_STAGING_URL);

    case SERVER_CUSTOM:
    default:
      url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
      if (url[0] == '\0')
        {
          g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT,
                               _("Enter the server’s URL, or choose Production."));
          return NULL;
        }
      /* A trailing slash would make another keyring item and profile for
       * the same server. */
      while (g_str_has_suffix (url, "/") && strlen (url) > 1)
        url[strlen (url) - 1] = '\0';
      if (!scms_check_base_url (url, error))
        return NULL;
      return g_steal_pointer (&url);
    }
}

static void
finish_connect (ScmsConnectPage *self)
{
  g_autoptr(ScmsClient) client = g_steal_pointer (&self->pending_client);
  g_autoptr(ScmsSubscription) subscription = g_steal_pointer (&self->pending_subscription);

  g_assert (client != NULL);

  set_busy (self, FALSE);
  show_message (self, NULL, FALSE, NULL);
  show_keyring_trouble (self, NULL);
  /* The client holds the key from now on; the form lets go of it. */
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  drop_pending (self);

  g_signal_emit (self, signals[CONNECTED], 0, client, subscription);
}

static gboolean
is_keyring_cancelled (const GError *error)
{
  return g_error_matches (error, SCMS_SECRET_ERROR, SCMS_SECRET_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ScmsConnectPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!scms_secret_store_finish (result, &error))
    {
      if (is_keyring_cancelled (error) || self->pending_client == NULL)
        return;

      g_debug ("Could not store the API key: %s", error->message);
      set_busy (self, FALSE);
      show_keyring_trouble (self, error->message);
      return;
    }

  if (self->pending_client != NULL)
    finish_connect (self);
}

static void
get_sub_version_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScmsConnectPage) self = user_data;
  g_autoptr(ScmsClient) client = SCMS_CLIENT (g_object_ref (object));
  g_autoptr(ScmsSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row = NULL;

  subscription = scms_client_get_sub_version_finish (client, result, &error);
  if (subscription == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not connect: %s", error->message);

      if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_API_KEY))
        row = GTK_WIDGET (self->key_row);
      else if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID))
        row = GTK_WIDGET (self->community_row);
      else if (adw_combo_row_get_selected (self->server_row) == SERVER_CUSTOM)
        row = GTK_WIDGET (self->url_row);

      set_busy (self, FALSE);
      show_message (self, error->message, TRUE, row);
      return;
    }

  g_set_object (&self->pending_client, client);
  g_set_object (&self->pending_subscription, subscription);

  if (self->session_only)
    {
      finish_connect (self);
      return;
    }

  scms_secret_store_async (scms_client_get_base_url (client),
                           scms_client_get_community_id (client),
                           gtk_editable_get_text (GTK_EDITABLE (self->key_row)),
                           self->cancellable,
                           store_cb,
                           g_object_ref (self));
}

static void
connect_cb (ScmsConnectPage *self)
{
  scms_connect_page_connect (self);
}

static void
cancel_cb (ScmsConnectPage *self)
{
  scms_connect_page_cancel (self);
}

static void
use_for_session_cb (ScmsConnectPage *self)
{
  scms_connect_page_use_for_session (self);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScmsConnectPage) self = user_data;
  g_autoptr(ScmsSecretKey) api_key = NULL;
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server_url = NULL;
  const char *community_id;

  api_key = scms_secret_lookup_finish (result, &error);
  if (error != NULL)
    {
      if (is_keyring_cancelled (error))
        return;

      g_debug ("Could not look up the API key: %s", error->message);
      set_busy (self, FALSE);
      show_keyring_trouble (self, error->message);
      show_message (self, _("Enter the API key to connect."), FALSE, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
      return;
    }

  set_busy (self, FALSE);

  if (api_key == NULL)
    {
      show_message (self, _("No API key is saved for this community. Enter it to connect."),
                    FALSE, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
      return;
    }

  community_id = gtk_editable_get_text (GTK_EDITABLE (self->community_row));
  server_url = get_server_url (self, &error);
  if (server_url != NULL)
    client = scms_client_new (server_url, community_id, &error);
  if (client == NULL)
    {
      show_message (self, error->message, TRUE, NULL);
      return;
    }

  scms_client_set_api_key (client, api_key);
  g_set_object (&self->pending_client, client);
  finish_connect (self);
}

static void
scms_connect_page_dispose (GObject *object)
{
  ScmsConnectPage *self = SCMS_CONNECT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  drop_pending (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_CONNECT_PAGE);

  G_OBJECT_CLASS (scms_connect_page_parent_class)->dispose (object);
}

static void
scms_connect_page_finalize (GObject *object)
{
  ScmsConnectPage *self = SCMS_CONNECT_PAGE (object);

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (scms_connect_page_parent_class)->finalize (object);
}

/* Typing goes to the first field still to fill in: the community ID of a
 * new form, the API key when the community is known. */
static gboolean
scms_connect_page_grab_focus (GtkWidget *widget)
{
  ScmsConnectPage *self = SCMS_CONNECT_PAGE (widget);

  if (gtk_editable_get_text (GTK_EDITABLE (self->community_row))[0] == '\0')
    return gtk_widget_grab_focus (GTK_WIDGET (self->community_row));

  return gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
}

static void
scms_connect_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScmsConnectPage *self = SCMS_CONNECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, scms_connect_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_connect_page_class_init (ScmsConnectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scms_connect_page_dispose;
  object_class->finalize = scms_connect_page_finalize;
  object_class->get_property = scms_connect_page_get_property;

  widget_class->grab_focus = scms_connect_page_grab_focus;

  /**
   * ScmsConnectPage:busy:
   *
   * Whether the form is waiting for the server or the keyring.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScmsConnectPage::connected:
   * @self: a #ScmsConnectPage
   * @client: a client with the community's credentials
   * @subscription: (nullable): the community's plan, when it was checked
   *
   * Emitted when the credentials were accepted and the key is in the
   * keyring (or kept for this session only at the person's request), or
   * when a saved community was reopened with its key from the keyring.
   */
  signals[CONNECTED] =
    g_signal_new ("connected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, SCMS_TYPE_CLIENT, SCMS_TYPE_SUBSCRIPTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-connect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, community_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, keyring_box);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsConnectPage, session_button);
  gtk_widget_class_bind_template_callback (widget_class, is_custom_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_for_session_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
scms_connect_page_init (ScmsConnectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Connect"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->key_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->message_label, NULL,
                                  -1);
}

/**
 * scms_connect_page_new:
 *
 * Returns: (transfer floating): a new, empty connect form
 */
GtkWidget *
scms_connect_page_new (void)
{
  return g_object_new (SCMS_TYPE_CONNECT_PAGE, NULL);
}

/**
 * scms_connect_page_reset:
 * @self: a #ScmsConnectPage
 * @community_id: (nullable): the community ID to fill in
 * @server_url: (nullable): the server to choose: the production or staging
 *   URL, or any other URL as a custom one; %NULL for production
 *
 * Stops what the form is doing and fills it in afresh, with an empty
 * API key.
 */
void
scms_connect_page_reset (ScmsConnectPage *self,
                         const char      *community_id,
                         const char      *server_url)
{
  guint server = SERVER_PRODUCTION;

  g_return_if_fail (SCMS_IS_CONNECT_PAGE (self));

  scms_connect_page_cancel (self);

  if (server_url == NULL || g_strcmp0 (server_url, SCMS_PRODUCTION_URL) == 0)
    server = SERVER_PRODUCTION;
  else if (g_strcmp0 (server_url, SCMS_STAGING_URL) == 0)
    server = SERVER_STAGING;
  else
    server = SERVER_CUSTOM;

  gtk_editable_set_text (GTK_EDITABLE (self->community_row), community_id ? community_id : "");
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row),
                         server == SERVER_CUSTOM ? server_url : "");
  adw_combo_row_set_selected (self->server_row, server);

  gtk_label_set_label (self->heading_label,
                       community_id != NULL && community_id[0] != '\0'
                       ? _("Connect to the Community")
                       : _("Add a Community"));

  self->session_only = FALSE;
  drop_pending (self);
  show_message (self, NULL, FALSE, NULL);
  show_keyring_trouble (self, NULL);
}

/**
 * scms_connect_page_reconnect:
 * @self: a #ScmsConnectPage
 * @community_id: the saved community's ID
 * @server_url: its server URL
 *
 * Reopens a saved community with its key from the keyring, without
 * asking. When no key is stored, or the keyring cannot be used, the form
 * stays filled in with the community and says what to do.
 */
void
scms_connect_page_reconnect (ScmsConnectPage *self,
                             const char      *community_id,
                             const char      *server_url)
{
  g_return_if_fail (SCMS_IS_CONNECT_PAGE (self));
  g_return_if_fail (community_id != NULL && server_url != NULL);

  scms_connect_page_reset (self, community_id, server_url);
  set_busy (self, TRUE);

  scms_secret_lookup_async (server_url, community_id,
                            renew_cancellable (self),
                            lookup_cb,
                            g_object_ref (self));
}

/**
 * scms_connect_page_connect:
 * @self: a #ScmsConnectPage
 *
 * Checks the form and tests the credentials, as the Connect button does.
 * Bad input gets an inline message and sends nothing.
 */
void
scms_connect_page_connect (ScmsConnectPage *self)
{
  g_autoptr(ScmsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *community_id = NULL;
  g_autofree char *server_url = NULL;
  const char *api_key;
  const char *key_problem;

  g_return_if_fail (SCMS_IS_CONNECT_PAGE (self));

  if (self->busy)
    return;

  drop_pending (self);

  community_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->community_row))));
  api_key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));

  if (community_id[0] == '\0')
    {
      show_message (self, _("Enter the community ID."), TRUE, GTK_WIDGET (self->community_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->community_row));
      return;
    }

  key_problem = api_key_problem (api_key);
  if (key_problem != NULL)
    {
      show_message (self, key_problem, TRUE, GTK_WIDGET (self->key_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
      return;
    }

  server_url = get_server_url (self, &error);
  if (server_url == NULL)
    {
      show_message (self, error->message, TRUE, GTK_WIDGET (self->url_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }

  client = scms_client_new (server_url, community_id, &error);
  if (client == NULL)
    {
      show_message (self, error->message, TRUE, GTK_WIDGET (self->community_row));
      return;
    }

  scms_client_set_api_key (client, api_key);

  show_message (self, NULL, FALSE, NULL);
  if (!self->session_only)
    show_keyring_trouble (self, NULL);
  set_busy (self, TRUE);

  scms_client_get_sub_version_async (client,
                                     renew_cancellable (self),
                                     get_sub_version_cb,
                                     g_object_ref (self));
}

/**
 * scms_connect_page_cancel:
 * @self: a #ScmsConnectPage
 *
 * Stops the request or the keyring call in flight; the form stays filled.
 */
void
scms_connect_page_cancel (ScmsConnectPage *self)
{
  g_return_if_fail (SCMS_IS_CONNECT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  drop_pending (self);
  set_busy (self, FALSE);
}

/**
 * scms_connect_page_get_busy:
 * @self: a #ScmsConnectPage
 *
 * Returns: whether the form waits for the server or the keyring
 */
gboolean
scms_connect_page_get_busy (ScmsConnectPage *self)
{
  g_return_val_if_fail (SCMS_IS_CONNECT_PAGE (self), FALSE);

  return self->busy;
}

/**
 * scms_connect_page_get_message:
 * @self: a #ScmsConnectPage
 *
 * Returns: (nullable): the message shown under the fields, if any
 */
const char *
scms_connect_page_get_message (ScmsConnectPage *self)
{
  g_return_val_if_fail (SCMS_IS_CONNECT_PAGE (self), NULL);

  return self->message;
}

/**
 * scms_connect_page_get_keyring_trouble:
 * @self: a #ScmsConnectPage
 *
 * Returns: whether the form says that the keyring cannot keep the key
 */
gboolean
scms_connect_page_get_keyring_trouble (ScmsConnectPage *self)
{
  g_return_val_if_fail (SCMS_IS_CONNECT_PAGE (self), FALSE);

  return self->keyring_trouble;
}

/**
 * scms_connect_page_use_for_session:
 * @self: a #ScmsConnectPage
 *
 * Keeps the key in memory only, as the "Use for This Session Only"
 * button does: nothing is written to the keyring. When the credentials
 * were already accepted, the community opens at once.
 */
void
scms_connect_page_use_for_session (ScmsConnectPage *self)
{
  g_return_if_fail (SCMS_IS_CONNECT_PAGE (self));

  self->session_only = TRUE;

  if (self->pending_client != NULL)
    {
      finish_connect (self);
      return;
    }

  gtk_label_set_label (self->keyring_label,
                       _("The API key will be used for this session only; "
                         "it will not be saved. Enter it to connect."));
  gtk_widget_set_visible (self->session_button, FALSE);
  gtk_widget_set_visible (self->keyring_box, TRUE);
}
