/* scms-verify-whitelist-page.c
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

#include "scms-verify-whitelist-page.h"

/*
 * May this member join that game server (VERIFY_WHITELIST)? The servers
 * come from GET_GAME_SERVERS; the answer is shown big. A denial is a
 * verdict like any other; only failures to ask use the error state.
 */

struct _ScmsVerifyWhitelistPage
{
  ScmsPage              parent_instance;

  /* The member last asked about, re-asked on reload. */
  ScmsIdKind            kind;
  char                 *identifier;
  gint64                server_id;
  char                 *server_name;
  ScmsWhitelistVerdict *verdict;

  /* Template widgets */
  GtkWidget            *box;
  AdwComboRow          *server_row;
  GListStore           *servers;
  ScmsMemberFinder     *finder;
  GtkWidget            *verdict_box;
  GtkWidget            *verdict_label;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsVerifyWhitelistPage, scms_verify_whitelist_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Verify Whitelist"),
                                                         "security-high-symbolic"))

enum {
  PROP_0,
  PROP_VERDICT,
  PROP_SERVER_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Per verdict: the card's class and the libadwaita style of its title. */
static const char * const verdict_classes[] = { "allowed", "bypassed", "denied" };
static const char * const title_classes[] = { "success", "warning", "error" };

static char *
get_verdict_title_cb (gpointer              instance,
                      ScmsWhitelistVerdict *verdict)
{
  if (verdict == NULL)
    return g_strdup ("");

  switch (scms_whitelist_verdict_get_verdict (verdict))
    {
    case SCMS_VERDICT_ALLOWED:
      return g_strdup (C_("whitelist verdict", "Allowed"));
    case SCMS_VERDICT_BYPASSED:
      return g_strdup (_("Bypassed"));
    case SCMS_VERDICT_UNKNOWN_MEMBER:
      return g_strdup (_("No Member Found"));
    case SCMS_VERDICT_NOT_ALLOWED:
    case SCMS_VERDICT_BLOCKED:
    default:
      return g_strdup (_("Not Allowed"));
    }
}

static char *
get_verdict_icon_cb (gpointer              instance,
                     ScmsWhitelistVerdict *verdict)
{
  if (verdict == NULL)
    return NULL;

  switch (scms_whitelist_verdict_get_verdict (verdict))
    {
    case SCMS_VERDICT_ALLOWED:
      return g_strdup ("emblem-ok-symbolic");
    case SCMS_VERDICT_BYPASSED:
      return g_strdup ("emblem-important-symbolic");
    case SCMS_VERDICT_UNKNOWN_MEMBER:
      return g_strdup ("dialog-question-symbolic");
    case SCMS_VERDICT_NOT_ALLOWED:
    case SCMS_VERDICT_BLOCKED:
    default:
      return g_strdup ("action-unavailable-symbolic");
    }
}

/* Who the answer is about: the name the server gave, which it only gives
 * when the member may join, else the identifier that was asked about. */
static char *
get_verdict_name_cb (gpointer              instance,
                     ScmsWhitelistVerdict *verdict)
{
  ScmsVerifyWhitelistPage *self = SCMS_VERIFY_WHITELIST_PAGE (instance);
  const char *name = verdict != NULL ? scms_whitelist_verdict_get_name (verdict) : NULL;

  if (verdict == NULL)
    return g_strdup ("");

  if (name != NULL && *name != '\0')
    return g_strdup (name);

  return g_strdup (self->identifier != NULL ? self->identifier : "");
}

static gboolean
get_has_name_cb (gpointer              instance,
                 ScmsWhitelistVerdict *verdict)
{
  g_autofree char *name = get_verdict_name_cb (instance, verdict);

  return *name != '\0';
}

static char *
get_verdict_description_cb (gpointer              instance,
                            ScmsWhitelistVerdict *verdict,
                            const char           *server_name)
{
  if (verdict == NULL)
    return g_strdup ("");

  switch (scms_whitelist_verdict_get_verdict (verdict))
    {
    case SCMS_VERDICT_ALLOWED:
      /* The caption under it names the server, when one was chosen; else
       * the community's server decided. */
      if (server_name != NULL)
        return g_strdup (_("May join this server"));
      return g_strdup (_("May join the server"));
    case SCMS_VERDICT_BYPASSED:
      return g_strdup (_("Allowed through a whitelist bypass"));
    case SCMS_VERDICT_BLOCKED:
      return g_strdup (_("Blocked by one of the member’s ranks"));
    case SCMS_VERDICT_UNKNOWN_MEMBER:
      return g_strdup (_("No member matches this identifier, so no one can join with it. Check it and try again."));
    case SCMS_VERDICT_NOT_ALLOWED:
    default:
      return g_strdup (_("None of the member’s ranks is allowed on this server"));
    }
}

static char *
get_server_caption_cb (gpointer              instance,
                       ScmsWhitelistVerdict *verdict,
                       const char           *server_name)
{
  if (verdict == NULL || server_name == NULL)
    return g_strdup ("");

  /* Translators: %s is the name of a game server. */
  return g_strdup_printf (_("Server: %s"), server_name);
}

static void
set_verdict (ScmsVerifyWhitelistPage *self,
             ScmsWhitelistVerdict    *verdict)
{
  const char *wanted = NULL;

  if (!g_set_object (&self->verdict, verdict))
    return;

  if (verdict != NULL)
    {
      switch (scms_whitelist_verdict_get_verdict (verdict))
        {
        case SCMS_VERDICT_ALLOWED:
          wanted = "allowed";
          break;
        case SCMS_VERDICT_BYPASSED:
          wanted = "bypassed";
          break;
        case SCMS_VERDICT_UNKNOWN_MEMBER:
          /* Not an answer about a member: no colour. */
          break;
        case SCMS_VERDICT_NOT_ALLOWED:
        case SCMS_VERDICT_BLOCKED:
        default:
          wanted = "denied";
          break;
        }
    }

  /* The colours say the answer before the words are read. */
  for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
    {
      if (g_strcmp0 (wanted, verdict_classes[i]) == 0)
        {
          gtk_widget_add_css_class (self->verdict_box, verdict_classes[i]);
          gtk_widget_add_css_class (self->verdict_label, title_classes[i]);
        }
      else
        {
          gtk_widget_remove_css_class (self->verdict_box, verdict_classes[i]);
          gtk_widget_remove_css_class (self->verdict_label, title_classes[i]);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
}

static void
set_server_name (ScmsVerifyWhitelistPage *self,
                 const char              *server_name)
{
  if (g_strcmp0 (self->server_name, server_name) == 0)
    return;

  g_free (self->server_name);
  self->server_name = g_strdup (server_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_NAME]);
}

static ScmsGameServer *
get_selected_server (ScmsVerifyWhitelistPage *self)
{
  return adw_combo_row_get_selected_item (self->server_row);
}

static void
verify_whitelist_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScmsVerifyWhitelistPage) self = user_data;
  g_autoptr(ScmsWhitelistVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SCMS_IS_VERIFY_WHITELIST_PAGE (self));

  verdict = scms_client_verify_whitelist_finish (SCMS_CLIENT (object), result, &error);

  if (verdict == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not verify the whitelist: %s", error->message);
      scms_page_show_failure (SCMS_PAGE (self), error, _("Could Not Verify the Member"));
      return;
    }

  set_verdict (self, verdict);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_RESULTS);
}

static void
verify (ScmsVerifyWhitelistPage *self,
        GCancellable            *cancellable)
{
  ScmsGameServer *server = get_selected_server (self);

  g_assert (self->identifier != NULL);

  self->server_id = server != NULL ? scms_game_server_get_id (server) : 0;
  set_server_name (self, server != NULL ? scms_game_server_get_name (server) : NULL);
  set_verdict (self, NULL);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_LOADING);

  scms_client_verify_whitelist_async (scms_page_get_client (SCMS_PAGE (self)),
                                      self->kind,
                                      self->identifier,
                                      self->server_id,
                                      cancellable,
                                      verify_whitelist_cb,
                                      g_object_ref (self));
}

static void
get_game_servers_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScmsVerifyWhitelistPage) self = user_data;
  g_autoptr(GListModel) servers = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wanted_id = self->server_id;
  guint n_servers;

  g_assert (SCMS_IS_VERIFY_WHITELIST_PAGE (self));

  servers = scms_client_get_game_servers_finish (SCMS_CLIENT (object), result, &error);

  if (servers == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not load the game servers: %s", error->message);
      scms_page_show_error (SCMS_PAGE (self), error);
      return;
    }

  n_servers = g_list_model_get_n_items (servers);
  g_list_store_remove_all (self->servers);

  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(ScmsGameServer) server = g_list_model_get_item (servers, i);

      g_list_store_append (self->servers, server);
    }

  /* Keep the server the person chose across reloads. */
  if (wanted_id > 0)
    scms_verify_whitelist_page_set_server_id (self, wanted_id);

  if (self->identifier != NULL)
    verify (self, scms_page_get_cancellable (SCMS_PAGE (self)));
  else
    scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_EMPTY);
}

static void
scms_verify_whitelist_page_reload (ScmsPage *page)
{
  ScmsVerifyWhitelistPage *self = SCMS_VERIFY_WHITELIST_PAGE (page);
  GCancellable *cancellable;

  cancellable = scms_page_get_cancellable (page);
  scms_page_set_state (page, SCMS_PAGE_STATE_LOADING);

  scms_client_get_game_servers_async (scms_page_get_client (page),
                                      cancellable,
                                      get_game_servers_cb,
                                      g_object_ref (self));
}

static void
search_cb (ScmsVerifyWhitelistPage *self,
           ScmsIdKind               kind,
           const char              *identifier)
{
  if (scms_page_get_client (SCMS_PAGE (self)) == NULL)
    return;

  self->kind = kind;
  g_free (self->identifier);
  self->identifier = g_strdup (identifier);

  verify (self, scms_page_get_cancellable (SCMS_PAGE (self)));
}

static void
server_changed_cb (ScmsVerifyWhitelistPage *self)
{
  /* An answer is about one server: do not leave it under another name. */
  if (self->verdict != NULL && scms_page_get_state (SCMS_PAGE (self)) == SCMS_PAGE_STATE_RESULTS)
    {
      ScmsGameServer *server = get_selected_server (self);

      if (server == NULL || scms_game_server_get_id (server) != self->server_id)
        {
          set_verdict (self, NULL);
          scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_EMPTY);
        }
    }
}

static void
client_changed (ScmsPage *page)
{
  ScmsVerifyWhitelistPage *self = SCMS_VERIFY_WHITELIST_PAGE (page);

  /* Servers and members belong to one community: forget them. Loading the
   * servers of the new one is left to ScmsPage. */
  g_clear_pointer (&self->identifier, g_free);
  self->server_id = 0;
  set_verdict (self, NULL);
  set_server_name (self, NULL);

  if (scms_page_get_client (SCMS_PAGE (self)) == NULL)
    g_list_store_remove_all (self->servers);
}

static void
focus_identifier_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  scms_member_finder_focus_entry (SCMS_VERIFY_WHITELIST_PAGE (widget)->finder);
}

static void
scms_verify_whitelist_page_dispose (GObject *object)
{
  ScmsVerifyWhitelistPage *self = SCMS_VERIFY_WHITELIST_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_VERIFY_WHITELIST_PAGE);

  g_clear_object (&self->verdict);

  G_OBJECT_CLASS (scms_verify_whitelist_page_parent_class)->dispose (object);
}

static void
scms_verify_whitelist_page_finalize (GObject *object)
{
  ScmsVerifyWhitelistPage *self = SCMS_VERIFY_WHITELIST_PAGE (object);

  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->server_name, g_free);

  G_OBJECT_CLASS (scms_verify_whitelist_page_parent_class)->finalize (object);
}

static void
scms_verify_whitelist_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  ScmsVerifyWhitelistPage *self = SCMS_VERIFY_WHITELIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_VERDICT:
      g_value_set_object (value, self->verdict);
      break;

    case PROP_SERVER_NAME:
      g_value_set_string (value, self->server_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_verify_whitelist_page_class_init (ScmsVerifyWhitelistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_VERIFY_WHITELIST);

  object_class->dispose = scms_verify_whitelist_page_dispose;
  object_class->finalize = scms_verify_whitelist_page_finalize;
  object_class->get_property = scms_verify_whitelist_page_get_property;

  page_class->reload = scms_verify_whitelist_page_reload;
  page_class->client_changed = client_changed;

  /**
   * ScmsVerifyWhitelistPage:verdict: (nullable)
   *
   * The server's answer for the member last asked about.
   */
  properties[PROP_VERDICT] =
    g_param_spec_object ("verdict", NULL, NULL,
                         SCMS_TYPE_WHITELIST_VERDICT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsVerifyWhitelistPage:server-name: (nullable)
   *
   * The name of the server the verdict is about.
   */
  properties[PROP_SERVER_NAME] =
    g_param_spec_string ("server-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Ctrl+L, from the window. */
  gtk_widget_class_install_action (widget_class, "page.focus-identifier", NULL,
                                   focus_identifier_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-verify-whitelist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsVerifyWhitelistPage, box);
  gtk_widget_class_bind_template_child (widget_class, ScmsVerifyWhitelistPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsVerifyWhitelistPage, servers);
  gtk_widget_class_bind_template_child (widget_class, ScmsVerifyWhitelistPage, finder);
  gtk_widget_class_bind_template_child (widget_class, ScmsVerifyWhitelistPage, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, ScmsVerifyWhitelistPage, verdict_label);
  gtk_widget_class_bind_template_callback (widget_class, get_verdict_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_verdict_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_verdict_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_has_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_verdict_description_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_server_caption_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_changed_cb);

  g_type_ensure (SCMS_TYPE_GAME_SERVER);
  g_type_ensure (SCMS_TYPE_MEMBER_FINDER);
  g_type_ensure (SCMS_TYPE_WHITELIST_VERDICT);
}

static void
scms_verify_whitelist_page_init (ScmsVerifyWhitelistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

}

/**
 * scms_verify_whitelist_page_get_finder:
 * @self: a #ScmsVerifyWhitelistPage
 *
 * Returns: (transfer none): the form that picks the member
 */
ScmsMemberFinder *
scms_verify_whitelist_page_get_finder (ScmsVerifyWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_VERIFY_WHITELIST_PAGE (self), NULL);

  return self->finder;
}

/**
 * scms_verify_whitelist_page_get_servers:
 * @self: a #ScmsVerifyWhitelistPage
 *
 * Returns: (transfer none): the #ScmsGameServer items offered
 */
GListModel *
scms_verify_whitelist_page_get_servers (ScmsVerifyWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_VERIFY_WHITELIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->servers);
}

/**
 * scms_verify_whitelist_page_get_server_id:
 * @self: a #ScmsVerifyWhitelistPage
 *
 * Returns: the ID of the chosen server, or 0 if there is none
 */
gint64
scms_verify_whitelist_page_get_server_id (ScmsVerifyWhitelistPage *self)
{
  ScmsGameServer *server;

  g_return_val_if_fail (SCMS_IS_VERIFY_WHITELIST_PAGE (self), 0);

  server = get_selected_server (self);

  return server != NULL ? scms_game_server_get_id (server) : 0;
}

/**
 * scms_verify_whitelist_page_set_server_id:
 * @self: a #ScmsVerifyWhitelistPage
 * @server_id: a server ID
 *
 * Chooses the server with @server_id among those loaded.
 *
 * Returns: %TRUE if such a server is offered
 */
gboolean
scms_verify_whitelist_page_set_server_id (ScmsVerifyWhitelistPage *self,
                                          gint64                   server_id)
{
  guint n_servers;

  g_return_val_if_fail (SCMS_IS_VERIFY_WHITELIST_PAGE (self), FALSE);

  n_servers = g_list_model_get_n_items (G_LIST_MODEL (self->servers));

  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(ScmsGameServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), i);

      if (scms_game_server_get_id (server) == server_id)
        {
          adw_combo_row_set_selected (self->server_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * scms_verify_whitelist_page_get_verdict:
 * @self: a #ScmsVerifyWhitelistPage
 *
 * Returns: (transfer none) (nullable): the answer shown, if any
 */
ScmsWhitelistVerdict *
scms_verify_whitelist_page_get_verdict (ScmsVerifyWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_VERIFY_WHITELIST_PAGE (self), NULL);

  return self->verdict;
}
