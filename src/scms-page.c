/* scms-page.c
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

#include "scms-page.h"
#include "scms-util.h"

/*
 * ScmsPage is the base of every endpoint page of the window: it holds the
 * client, the cancellable of the request in flight and the page's state,
 * and loads the page the first time it is shown after the client changed.
 * Subclasses bring a template whose state stack binds its
 * `visible-child-name` to #ScmsPage:state.
 */

typedef struct
{
  ScmsClient    *client;
  GCancellable  *cancellable;
  char          *title;
  char          *icon_name;
  char          *error_title;
  char          *error_message;
  char          *stale_message;
  ScmsPageState  state;
  guint          spinner_timeout;
  guint          needs_reload : 1;
  guint          spinning : 1;
  guint          refreshing : 1;
  guint          retryable : 1;
} ScmsPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ScmsPage, scms_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_STATE,
  PROP_ERROR_TITLE,
  PROP_ERROR_MESSAGE,
  PROP_ERROR_DESCRIPTION,
  PROP_REFRESHING,
  PROP_STALE_MESSAGE,
  PROP_RETRYABLE,
  PROP_SPINNING,
  N_PROPS
};

enum {
  ADD_TOAST,
  CREDENTIALS_REJECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* How long a page loads before its loading state shows a spinner (ms):
 * a quick load, like most, does not flash one. */
#define SPINNER_DELAY 300

static const char * const state_names[] = {
  [SCMS_PAGE_STATE_LOADING] = "loading",
  [SCMS_PAGE_STATE_RESULTS] = "results",
  [SCMS_PAGE_STATE_EMPTY] = "empty",
  [SCMS_PAGE_STATE_ERROR] = "error",
};

static void
update_actions (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.reload", priv->client != NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  scms_page_reload (SCMS_PAGE (widget));
}

static void
scms_page_map (GtkWidget *widget)
{
  ScmsPage *self = SCMS_PAGE (widget);
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  /* Pages load lazily: only the one the user looks at talks to the server.
   * It starts before the page's children are mapped, so that they show the
   * loading state at once: a mapped stack would crossfade to it from the
   * empty state, which showed "No Members" and the like for a moment and
   * had GTK lay out both. */
  if (priv->needs_reload && priv->client != NULL)
    scms_page_reload (self);

  GTK_WIDGET_CLASS (scms_page_parent_class)->map (widget);
}

/* A page whose window is destroyed has no one left to show its results
 * to. A request in flight keeps the page alive until it ends, and what is
 * in flight for the window keeps the window alive: so stop it when the
 * window goes (gtk_window_destroy() unrealizes it), not at dispose. */
static void
scms_page_unrealize (GtkWidget *widget)
{
  scms_page_cancel (SCMS_PAGE (widget));

  GTK_WIDGET_CLASS (scms_page_parent_class)->unrealize (widget);
}

static void
scms_page_dispose (GObject *object)
{
  ScmsPage *self = SCMS_PAGE (object);
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);
  GtkWidget *child;

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->client);
  g_clear_handle_id (&priv->spinner_timeout, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (scms_page_parent_class)->dispose (object);
}

static void
scms_page_finalize (GObject *object)
{
  ScmsPage *self = SCMS_PAGE (object);
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->icon_name, g_free);
  g_clear_pointer (&priv->error_title, g_free);
  g_clear_pointer (&priv->error_message, g_free);
  g_clear_pointer (&priv->stale_message, g_free);

  G_OBJECT_CLASS (scms_page_parent_class)->finalize (object);
}

static void
scms_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScmsPage *self = SCMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, scms_page_get_client (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, scms_page_get_title (self));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, scms_page_get_icon_name (self));
      break;

    case PROP_STATE:
      g_value_set_string (value, state_names[scms_page_get_state (self)]);
      break;

    case PROP_ERROR_TITLE:
      g_value_set_string (value, scms_page_get_error_title (self));
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, scms_page_get_error_message (self));
      break;

    case PROP_ERROR_DESCRIPTION:
      {
        const char *message = scms_page_get_error_message (self);

        g_value_take_string (value, message != NULL ? g_markup_escape_text (message, -1) : NULL);
      }
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, scms_page_get_refreshing (self));
      break;

    case PROP_STALE_MESSAGE:
      g_value_set_string (value, scms_page_get_stale_message (self));
      break;

    case PROP_RETRYABLE:
      g_value_set_boolean (value, scms_page_get_retryable (self));
      break;

    case PROP_SPINNING:
      g_value_set_boolean (value, scms_page_get_spinning (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScmsPage *self = SCMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      scms_page_set_client (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      scms_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_ICON_NAME:
      scms_page_set_icon_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GQuark page_title_quark (void);
static GQuark page_icon_quark  (void);

static void
scms_page_constructed (GObject *object)
{
  ScmsPage *self = SCMS_PAGE (object);
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  G_OBJECT_CLASS (scms_page_parent_class)->constructed (object);

  /* The title and icon of the page's kind, unless it was given others. */
  if (priv->title == NULL)
    scms_page_set_title (self, scms_page_type_get_title (G_OBJECT_TYPE (self)));
  if (priv->icon_name == NULL)
    scms_page_set_icon_name (self, scms_page_type_get_icon_name (G_OBJECT_TYPE (self)));
}

static void
scms_page_class_init (ScmsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scms_page_constructed;
  object_class->dispose = scms_page_dispose;
  object_class->finalize = scms_page_finalize;
  object_class->get_property = scms_page_get_property;
  object_class->set_property = scms_page_set_property;

  widget_class->map = scms_page_map;
  widget_class->unrealize = scms_page_unrealize;

  /**
   * ScmsPage:client: (nullable)
   *
   * The client the page loads from; %NULL while no community is open.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         SCMS_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:title:
   *
   * The page title, shown in the sidebar and the header bar; it is also
   * the page's accessible label.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:icon-name:
   *
   * A symbolic icon standing for the page.
   */
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:state:
   *
   * The name of the current #ScmsPageState: `loading`, `results`, `empty`
   * or `error`.
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         "empty",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:error-title:
   *
   * A short title for the error state.
   */
  properties[PROP_ERROR_TITLE] =
    g_param_spec_string ("error-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:error-message:
   *
   * What went wrong and what the user can do, for the error state.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:error-description:
   *
   * #ScmsPage:error-message as Pango markup, for an #AdwStatusPage's
   * description: a message may quote the server, and a "<" or "&" in it
   * would otherwise leave the description empty.
   */
  properties[PROP_ERROR_DESCRIPTION] =
    g_param_spec_string ("error-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:refreshing:
   *
   * Whether the page is loading again while it keeps showing its results
   * (see scms_page_set_loading()).
   */
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:stale-message:
   *
   * Set when loading again failed and the page still shows what it had
   * loaded before: says so, why, and what to do. %NULL otherwise.
   */
  properties[PROP_STALE_MESSAGE] =
    g_param_spec_string ("stale-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:retryable:
   *
   * Whether asking again could end the error state, so that it offers
   * Retry: not when the error is the server's answer, such as no member
   * with the identifier asked about (see scms_page_show_no_member()), nor
   * for rejected credentials or a plan without the page.
   */
  properties[PROP_RETRYABLE] =
    g_param_spec_boolean ("retryable", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsPage:spinning:
   *
   * Whether the loading state shows its spinner: once the page has been
   * loading for a moment. Templates bind their loading spinner to it.
   */
  properties[PROP_SPINNING] =
    g_param_spec_boolean ("spinning", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScmsPage::add-toast:
   * @self: a #ScmsPage
   * @toast: (transfer full): the toast to show
   *
   * Asks the window to show @toast. The window's template connects this to
   * adw_toast_overlay_add_toast(), which takes ownership of the toast.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * ScmsPage::credentials-rejected:
   * @self: a #ScmsPage
   *
   * Emitted when the server refused the community ID or the API key, so the
   * window can show a persistent notice.
   */
  signals[CREDENTIALS_REJECTED] =
    g_signal_new ("credentials-rejected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "page.reload", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
scms_page_init (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  priv->state = SCMS_PAGE_STATE_EMPTY;
  priv->retryable = TRUE;

  update_actions (self);
}

/**
 * scms_page_get_client:
 * @self: a #ScmsPage
 *
 * Returns: (transfer none) (nullable): the client the page loads from
 */
ScmsClient *
scms_page_get_client (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), NULL);

  return priv->client;
}

/**
 * scms_page_set_client:
 * @self: a #ScmsPage
 * @client: (nullable): the client to load from
 *
 * Cancels what the page has in flight and reloads it from @client, at once
 * when the page is shown, or else the next time it is shown.
 */
void
scms_page_set_client (ScmsPage   *self,
                      ScmsClient *client)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_if_fail (SCMS_IS_PAGE (self));
  g_return_if_fail (!client || SCMS_IS_CLIENT (client));

  if (priv->client == client)
    return;

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_set_object (&priv->client, client);

  update_actions (self);

  /* Subclasses forget what belonged to the old community (a member looked
   * up, a server chosen) before the page loads again: a reload first would
   * send the old lookup to the new community. Not on notify::client, which
   * g_object_set_property() (a property binding, as the window's) holds
   * back until this returns. */
  if (SCMS_PAGE_GET_CLASS (self)->client_changed != NULL)
    SCMS_PAGE_GET_CLASS (self)->client_changed (self);

  /* Nothing of the old community stays, not even while the new one
   * loads. */
  scms_page_set_state (self, SCMS_PAGE_STATE_EMPTY);

  if (client == NULL)
    priv->needs_reload = FALSE;
  else
    scms_page_queue_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

const char *
scms_page_get_title (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), NULL);

  return priv->title;
}

/**
 * scms_page_set_title:
 * @self: a #ScmsPage
 * @title: (nullable): the page title
 *
 * Sets the title, which also becomes the accessible label of the page, so
 * that assistive technologies (and tests) can find controls within it.
 */
void
scms_page_set_title (ScmsPage   *self,
                     const char *title)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_if_fail (SCMS_IS_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);

  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
scms_page_get_icon_name (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), NULL);

  return priv->icon_name;
}

void
scms_page_set_icon_name (ScmsPage   *self,
                         const char *icon_name)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_if_fail (SCMS_IS_PAGE (self));

  if (g_strcmp0 (priv->icon_name, icon_name) == 0)
    return;

  g_free (priv->icon_name);
  priv->icon_name = g_strdup (icon_name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

static void
set_refreshing (ScmsPage *self,
                gboolean  refreshing)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  if (priv->refreshing == !!refreshing)
    return;

  priv->refreshing = !!refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
set_stale_message (ScmsPage   *self,
                   const char *message)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  if (g_strcmp0 (priv->stale_message, message) == 0)
    return;

  g_free (priv->stale_message);
  priv->stale_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_MESSAGE]);
}

static void
set_spinning (ScmsPage *self,
              gboolean  spinning)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  if (priv->spinning == !!spinning)
    return;

  priv->spinning = !!spinning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPINNING]);
}

static gboolean
spinner_timeout_cb (gpointer data)
{
  ScmsPage *self = data;
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  priv->spinner_timeout = 0;
  set_spinning (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
stop_spinner (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_clear_handle_id (&priv->spinner_timeout, g_source_remove);
  set_spinning (self, FALSE);
}

gboolean
scms_page_get_spinning (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), FALSE);

  return priv->spinning;
}

ScmsPageState
scms_page_get_state (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), SCMS_PAGE_STATE_EMPTY);

  return priv->state;
}

/**
 * scms_page_set_state:
 * @self: a #ScmsPage
 * @state: the state to show
 *
 * Switches the page to @state; the page's template shows the matching child
 * of its state stack.
 */
void
scms_page_set_state (ScmsPage      *self,
                     ScmsPageState  state)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_if_fail (SCMS_IS_PAGE (self));
  g_return_if_fail (state <= SCMS_PAGE_STATE_ERROR);

  /* Whatever is shown now is new: no longer the results kept while
   * loading again. */
  set_refreshing (self, FALSE);
  set_stale_message (self, NULL);

  /* A load that starts waits a moment before its spinner shows, also when
   * the page stayed in the loading state (one cut short when the person
   * left the page, started again when they come back). */
  if (state != SCMS_PAGE_STATE_LOADING)
    stop_spinner (self);
  else if (priv->spinner_timeout == 0 && !priv->spinning)
    priv->spinner_timeout = g_timeout_add (SPINNER_DELAY, spinner_timeout_cb, self);

  if (priv->state == state)
    return;

  priv->state = state;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * scms_page_set_loading:
 * @self: a #ScmsPage
 *
 * Shows that the page is loading. A page that shows results keeps them
 * while it loads again (#ScmsPage:refreshing turns %TRUE): a reload that
 * fails then leaves them in place with #ScmsPage:stale-message, instead of
 * an error where the person's data was (see scms_page_show_error()).
 * Showing anything else, with scms_page_set_state(), ends it.
 */
void
scms_page_set_loading (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_if_fail (SCMS_IS_PAGE (self));

  if (priv->state != SCMS_PAGE_STATE_RESULTS)
    {
      scms_page_set_state (self, SCMS_PAGE_STATE_LOADING);
      return;
    }

  set_stale_message (self, NULL);
  set_refreshing (self, TRUE);
}

gboolean
scms_page_get_refreshing (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), FALSE);

  return priv->refreshing;
}

const char *
scms_page_get_stale_message (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), NULL);

  return priv->stale_message;
}

/**
 * scms_page_dismiss_stale_message:
 * @self: a #ScmsPage
 *
 * Clears #ScmsPage:stale-message once the person has read it; the results
 * stay.
 */
void
scms_page_dismiss_stale_message (ScmsPage *self)
{
  g_return_if_fail (SCMS_IS_PAGE (self));

  set_stale_message (self, NULL);
}

const char *
scms_page_get_error_title (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), NULL);

  return priv->error_title;
}

const char *
scms_page_get_error_message (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), NULL);

  return priv->error_message;
}

static void
set_retryable (ScmsPage *self,
               gboolean  retryable)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  if (priv->retryable == !!retryable)
    return;

  priv->retryable = !!retryable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRYABLE]);
}

gboolean
scms_page_get_retryable (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), TRUE);

  return priv->retryable;
}

static void
set_error_full (ScmsPage   *self,
                const char *title,
                const char *message,
                gboolean    retryable)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  set_retryable (self, retryable);

  if (g_strcmp0 (priv->error_title, title) != 0)
    {
      g_free (priv->error_title);
      priv->error_title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_TITLE]);
    }

  if (g_strcmp0 (priv->error_message, message) != 0)
    {
      g_free (priv->error_message);
      priv->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_DESCRIPTION]);
    }

  scms_page_set_state (self, SCMS_PAGE_STATE_ERROR);
}

/**
 * scms_page_set_error:
 * @self: a #ScmsPage
 * @title: (nullable): a short, translated title
 * @message: (nullable): a translated sentence saying what the user can do
 *
 * Sets the text of the error state and switches to it.
 */
void
scms_page_set_error (ScmsPage   *self,
                     const char *title,
                     const char *message)
{
  g_return_if_fail (SCMS_IS_PAGE (self));

  set_error_full (self, title, message, TRUE);
}

/**
 * scms_page_show_error:
 * @self: a #ScmsPage
 * @error: why the page could not be loaded
 *
 * Shows @error in the error state. Errors of the client carry a translated
 * message that says what to do; when the server refused the credentials the
 * page also emits #ScmsPage::credentials-rejected.
 */
void
scms_page_show_error (ScmsPage     *self,
                      const GError *error)
{
  scms_page_show_failure (self, error, NULL);
}

/**
 * scms_page_show_failure:
 * @self: a #ScmsPage
 * @error: why what the person asked for could not be done
 * @failure_title: (nullable): the translated title for an error that has
 *   none of its own, such as a server error: "Could Not Look Up the
 *   Member"; "Could Not Load This Page" when %NULL
 *
 * Like scms_page_show_error(), for a request the person made on the page
 * rather than the page's own load.
 */
void
scms_page_show_failure (ScmsPage     *self,
                        const GError *error,
                        const char   *failure_title)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);
  gboolean credentials;
  const char *title;

  g_return_if_fail (SCMS_IS_PAGE (self));
  g_return_if_fail (error != NULL);

  credentials = scms_client_error_is_credentials (error);

  if (credentials)
    title = _("Credentials Rejected");
  else if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NETWORK))
    title = _("Server Unreachable");
  else if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_ENABLED))
    title = _("Not Available on This Plan");
  else if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER))
    title = _("Unknown Game Server");
  else if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS))
    title = _("Game Server Settings Unreadable");
  else if (failure_title != NULL)
    title = failure_title;
  else
    title = _("Could Not Load This Page");

  /* Loading again failed: the results already shown stay, with a notice.
   * Not when the community refuses them: rejected credentials, which the
   * person has to fix first (the window says how), the API not enabled,
   * or a game server that is gone. */
  if (priv->refreshing && !credentials &&
      !g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_ENABLED) &&
      !g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER))
    {
      g_autofree char *stale = NULL;

      /* Translators: %s says why and what to do, e.g. "The server could
       * not be reached. Check your connection and try again." */
      stale = g_strdup_printf (_("Could not reload, so this page shows what it loaded before. %s"),
                               error->message);
      set_refreshing (self, FALSE);
      set_stale_message (self, stale);
      return;
    }

  /* Asking again with the same credentials gets the same answer: the
   * window offers to update them instead. */
  set_error_full (self, title, error->message, !credentials);

  if (credentials)
    g_signal_emit (self, signals[CREDENTIALS_REJECTED], 0);
}

/**
 * scms_page_show_no_member:
 * @self: a #ScmsPage
 * @error: the client's %SCMS_CLIENT_ERROR_NOT_FOUND
 *
 * Shows that no member has the identifier looked up, in the error state
 * but without Retry (#ScmsPage:retryable): asking again would not find
 * them; the identifier needs checking.
 */
void
scms_page_show_no_member (ScmsPage     *self,
                          const GError *error)
{
  g_return_if_fail (SCMS_IS_PAGE (self));
  g_return_if_fail (error != NULL);

  set_error_full (self, _("No Member Found"), error->message, FALSE);
}

/**
 * scms_page_get_cancellable:
 * @self: a #ScmsPage
 *
 * Cancels the request the page has in flight, if any, and returns a fresh
 * cancellable for the next one.
 *
 * Returns: (transfer none): a cancellable owned by the page
 */
GCancellable *
scms_page_get_cancellable (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_val_if_fail (SCMS_IS_PAGE (self), NULL);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();

  return priv->cancellable;
}

/**
 * scms_page_cancel:
 * @self: a #ScmsPage
 *
 * Cancels the request in flight. A page left half-loaded loads again the
 * next time it is shown.
 */
void
scms_page_cancel (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_if_fail (SCMS_IS_PAGE (self));

  if (priv->cancellable == NULL)
    return;

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);

  if (priv->state == SCMS_PAGE_STATE_LOADING || priv->refreshing)
    priv->needs_reload = TRUE;

  set_refreshing (self, FALSE);
  stop_spinner (self);
}

static GQuark
page_endpoint_quark (void)
{
  return g_quark_from_static_string ("scms-page-endpoint");
}

static GQuark
page_title_quark (void)
{
  return g_quark_from_static_string ("scms-page-title");
}

static GQuark
page_icon_quark (void)
{
  return g_quark_from_static_string ("scms-page-icon-name");
}

/**
 * scms_page_type_set_title:
 * @page_type: a page type, while it is registered (its G_DEFINE_TYPE code)
 * @title: the untranslated title of pages of this kind, marked with N_();
 *   it must live as long as the process
 * @icon_name: the name of their icon
 *
 * Declares what the sidebar shows for pages of this kind, before any is
 * built (the window builds a page only when it is first shown), and
 * without initialising the class: that compiles the page's template.
 */
void
scms_page_type_set_title (GType       page_type,
                          const char *title,
                          const char *icon_name)
{
  g_return_if_fail (g_type_is_a (page_type, SCMS_TYPE_PAGE));

  g_type_set_qdata (page_type, page_title_quark (), (gpointer) title);
  g_type_set_qdata (page_type, page_icon_quark (), (gpointer) icon_name);
}

/**
 * scms_page_type_get_title:
 * @page_type: a page type
 *
 * Returns: (nullable): the translated title of pages of this kind
 */
const char *
scms_page_type_get_title (GType page_type)
{
  const char *title;

  g_return_val_if_fail (g_type_is_a (page_type, SCMS_TYPE_PAGE), NULL);

  title = g_type_get_qdata (page_type, page_title_quark ());

  return title != NULL ? _(title) : NULL;
}

/**
 * scms_page_type_get_icon_name:
 * @page_type: a page type
 *
 * Returns: (nullable): the icon of pages of this kind
 */
const char *
scms_page_type_get_icon_name (GType page_type)
{
  g_return_val_if_fail (g_type_is_a (page_type, SCMS_TYPE_PAGE), NULL);

  return g_type_get_qdata (page_type, page_icon_quark ());
}

/**
 * scms_page_class_set_endpoint:
 * @page_class: a page class
 * @endpoint: the endpoint the page is about
 *
 * Declares the endpoint a page calls. When the community's plan is known
 * (scms_client_get_subscription()) and does not include it, the page says
 * so instead of loading, and sends nothing.
 */
void
scms_page_class_set_endpoint (ScmsPageClass *page_class,
                              ScmsEndpoint   endpoint)
{
  g_return_if_fail (SCMS_IS_PAGE_CLASS (page_class));

  g_type_set_qdata (G_TYPE_FROM_CLASS (page_class), page_endpoint_quark (),
                    GINT_TO_POINTER (endpoint + 1));
}

static gboolean
explain_plan (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);
  gpointer endpoint = g_type_get_qdata (G_OBJECT_TYPE (self), page_endpoint_quark ());
  ScmsSubscription *subscription = scms_client_get_subscription (priv->client);
  g_autofree char *message = NULL;
  ScmsTier minimum;

  if (endpoint == NULL || subscription == NULL)
    return FALSE;

  minimum = scms_endpoint_get_min_tier (GPOINTER_TO_INT (endpoint) - 1);
  if (scms_subscription_allows (subscription, minimum))
    return FALSE;

  /* Translators: the first %s is the plan a page needs, such as "Plus",
   * the second the community's plan, such as "Standard". */
  message = g_strdup_printf (_("This page needs the %s plan or higher, and this community has "
                               "the %s plan. Its administrators can upgrade the plan in "
                               "Sonoran CMS."),
                             scms_tier_get_name (minimum),
                             scms_subscription_get_name (subscription));
  /* Retry would read the same plan: it changes when the community is
   * opened again. */
  set_error_full (self, _("Not Available on This Plan"), message, FALSE);

  return TRUE;
}

/**
 * scms_page_reload:
 * @self: a #ScmsPage
 *
 * Loads the page again from its client; does nothing without a client.
 */
void
scms_page_reload (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_if_fail (SCMS_IS_PAGE (self));

  if (priv->client == NULL)
    return;

  priv->needs_reload = FALSE;

  /* What a page shows instead of asking: a late reply must not replace it. */
  if (explain_plan (self))
    {
      g_cancellable_cancel (priv->cancellable);
      g_clear_object (&priv->cancellable);
      return;
    }

  if (SCMS_PAGE_GET_CLASS (self)->reload != NULL)
    SCMS_PAGE_GET_CLASS (self)->reload (self);
}

/**
 * scms_page_queue_reload:
 * @self: a #ScmsPage
 *
 * Loads the page again now if it is shown, or else the next time it is:
 * for a page whose load was cancelled after part of it had arrived.
 */
void
scms_page_queue_reload (ScmsPage *self)
{
  ScmsPagePrivate *priv = scms_page_get_instance_private (self);

  g_return_if_fail (SCMS_IS_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    scms_page_reload (self);
  else
    priv->needs_reload = TRUE;
}

/**
 * scms_page_add_toast:
 * @self: a #ScmsPage
 * @toast: (transfer full): a new toast
 *
 * Asks the window to show @toast.
 */
void
scms_page_add_toast (ScmsPage *self,
                     AdwToast *toast)
{
  g_return_if_fail (SCMS_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* The handler takes ownership; with none connected, drop it here. */
  if (g_signal_has_handler_pending (self, signals[ADD_TOAST], 0, FALSE))
    g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  else
    g_object_unref (toast);
}

typedef struct
{
  ScmsPage          *page;  /* @slot is inside it */
  const char        *resource;
  const char        *object_id;
  ScmsPageBuiltFunc  built;
} BuildWhenShown;

static void
build_when_shown_free (gpointer  data,
                       GClosure *closure)
{
  g_free (data);
}

static void
build_when_shown_cb (AdwBin         *slot,
                     BuildWhenShown *data)
{
  BuildWhenShown build = *data;
  const char *object_ids[] = { build.object_id, NULL };
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GObject *object;

  /* Frees @data. */
  g_signal_handlers_disconnect_by_func (slot, build_when_shown_cb, data);

  gtk_builder_expose_object (builder, "page", G_OBJECT (build.page));
  if (!gtk_builder_add_objects_from_resource (builder, build.resource, object_ids, &error))
    g_error ("Could not build %s from %s: %s", build.object_id, build.resource, error->message);

  object = gtk_builder_get_object (builder, build.object_id);
  adw_bin_set_child (slot, GTK_WIDGET (object));
  scms_name_buttons (GTK_WIDGET (object));

  if (build.built != NULL)
    build.built (build.page, GTK_WIDGET (object));
}

/**
 * scms_page_build_when_shown:
 * @self: a #ScmsPage
 * @slot: an empty #AdwBin inside @self
 * @resource: the resource path of a GtkBuilder file
 * @object_id: the ID of a widget in it
 * @built: (nullable): called once the widget is built
 *
 * Builds the widget @object_id of @resource into @slot the first time
 * @slot is mapped, such as a state a page seldom shows. In the file, the
 * object `page` is @self, for bindings and actions. @resource and
 * @object_id must be static strings.
 *
 * A widget that is not shown still costs its building, and GTK measures
 * what a stack shows before the window is mapped: building the Members
 * page's three status pages with it was 21 M of the instructions the demo
 * ran before its first frame.
 */
void
scms_page_build_when_shown (ScmsPage          *self,
                            AdwBin            *slot,
                            const char        *resource,
                            const char        *object_id,
                            ScmsPageBuiltFunc  built)
{
  BuildWhenShown *data;

  g_return_if_fail (SCMS_IS_PAGE (self));
  g_return_if_fail (ADW_IS_BIN (slot));
  g_return_if_fail (gtk_widget_is_ancestor (GTK_WIDGET (slot), GTK_WIDGET (self)));
  g_return_if_fail (resource != NULL && object_id != NULL);

  data = g_new (BuildWhenShown, 1);
  *data = (BuildWhenShown) { self, resource, object_id, built };
  g_signal_connect_data (slot, "map", G_CALLBACK (build_when_shown_cb), data,
                         build_when_shown_free, G_CONNECT_DEFAULT);
}
