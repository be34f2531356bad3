/* scms-game-servers-page.c
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

#include "scms-game-servers-page.h"

/*
 * The game servers of the community (GET_GAME_SERVERS). Activating one
 * asks the window, through `win.show-whitelist`, to open its whitelist.
 */

struct _ScmsGameServersPage
{
  ScmsPage            parent_instance;

  GListModel         *servers;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsGameServersPage, scms_game_servers_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Game Servers"),
                                                         "network-server-symbolic"))

enum {
  PROP_0,
  PROP_SERVERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_id_cb (gpointer instance,
              gint64   id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
column_view_activate_cb (ScmsGameServersPage *self,
                         guint                position)
{
  scms_game_servers_page_activate (self, position);
}

static void
get_game_servers_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScmsGameServersPage) self = user_data;
  g_autoptr(GListModel) servers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SCMS_IS_GAME_SERVERS_PAGE (self));

  servers = scms_client_get_game_servers_finish (SCMS_CLIENT (object), result, &error);

  if (servers == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not load the game servers: %s", error->message);
      scms_page_show_error (SCMS_PAGE (self), error);
      return;
    }

  scms_game_servers_page_set_servers (self, servers);
}

static void
scms_game_servers_page_reload (ScmsPage *page)
{
  GCancellable *cancellable;

  cancellable = scms_page_get_cancellable (page);
  scms_page_set_loading (page);

  scms_client_get_game_servers_async (scms_page_get_client (page),
                                      cancellable,
                                      get_game_servers_cb,
                                      g_object_ref (page));
}

static void
scms_game_servers_page_dispose (GObject *object)
{
  ScmsGameServersPage *self = SCMS_GAME_SERVERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_GAME_SERVERS_PAGE);

  g_clear_object (&self->servers);

  G_OBJECT_CLASS (scms_game_servers_page_parent_class)->dispose (object);
}

static void
scms_game_servers_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ScmsGameServersPage *self = SCMS_GAME_SERVERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVERS:
      g_value_set_object (value, scms_game_servers_page_get_servers (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_game_servers_page_class_init (ScmsGameServersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_GET_GAME_SERVERS);

  object_class->dispose = scms_game_servers_page_dispose;
  object_class->get_property = scms_game_servers_page_get_property;

  page_class->reload = scms_game_servers_page_reload;

  /**
   * ScmsGameServersPage:servers: (nullable)
   *
   * The game servers of the community, once loaded.
   */
  properties[PROP_SERVERS] =
    g_param_spec_object ("servers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-game-servers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsGameServersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ScmsGameServersPage, selection);
  gtk_widget_class_bind_template_callback (widget_class, format_id_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  g_type_ensure (SCMS_TYPE_GAME_SERVER);
}

static void
scms_game_servers_page_init (ScmsGameServersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scms_game_servers_page_get_servers:
 * @self: a #ScmsGameServersPage
 *
 * Returns: (transfer none) (nullable): the #ScmsGameServer list, once loaded
 */
GListModel *
scms_game_servers_page_get_servers (ScmsGameServersPage *self)
{
  g_return_val_if_fail (SCMS_IS_GAME_SERVERS_PAGE (self), NULL);

  return self->servers;
}

/**
 * scms_game_servers_page_set_servers:
 * @self: a #ScmsGameServersPage
 * @servers: (nullable): a list of #ScmsGameServer
 *
 * Shows @servers, or the empty state when there are none.
 */
void
scms_game_servers_page_set_servers (ScmsGameServersPage *self,
                                    GListModel          *servers)
{
  g_return_if_fail (SCMS_IS_GAME_SERVERS_PAGE (self));
  g_return_if_fail (!servers || G_IS_LIST_MODEL (servers));

  if (g_set_object (&self->servers, servers))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVERS]);

  if (servers != NULL && g_list_model_get_n_items (servers) > 0)
    scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_RESULTS);
  else
    scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_EMPTY);
}

/**
 * scms_game_servers_page_get_shown:
 * @self: a #ScmsGameServersPage
 *
 * Returns: (transfer none): the rows as the list shows them, sorted
 */
GListModel *
scms_game_servers_page_get_shown (ScmsGameServersPage *self)
{
  g_return_val_if_fail (SCMS_IS_GAME_SERVERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * scms_game_servers_page_activate:
 * @self: a #ScmsGameServersPage
 * @position: a row of the list as shown
 *
 * Opens the whitelist of the server at @position, as activating its row
 * does.
 */
void
scms_game_servers_page_activate (ScmsGameServersPage *self,
                                 guint                position)
{
  g_autoptr(ScmsGameServer) server = NULL;

  g_return_if_fail (SCMS_IS_GAME_SERVERS_PAGE (self));

  server = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (server == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-whitelist", "x",
                              scms_game_server_get_id (server));
}
