/* scms-game-server.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-game-server.h"
#include "scms-json-private.h"

struct _ScmsGameServer
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *description;
};

G_DEFINE_FINAL_TYPE (ScmsGameServer, scms_game_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scms_game_server_finalize (GObject *object)
{
  ScmsGameServer *self = SCMS_GAME_SERVER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (scms_game_server_parent_class)->finalize (object);
}

static void
scms_game_server_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScmsGameServer *self = SCMS_GAME_SERVER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, scms_game_server_get_id (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, scms_game_server_get_name (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, scms_game_server_get_description (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_game_server_class_init (ScmsGameServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_game_server_finalize;
  object_class->get_property = scms_game_server_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_game_server_init (ScmsGameServer *self)
{
}

/**
 * scms_game_server_new_from_json:
 * @node: a server object from a `GET_GAME_SERVERS` reply
 * @error: return location for a #GError
 *
 * Reads a game server. Its `id` must be an integer of at least 1, since it
 * is what later calls send as `serverId`.
 *
 * Returns: (transfer full) (nullable): a new #ScmsGameServer, or %NULL with
 *   %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsGameServer *
scms_game_server_new_from_json (JsonNode  *node,
                                GError   **error)
{
  ScmsGameServer *self;
  ScmsJsonReader reader;
  JsonObject *object;
  const char *name;
  const char *description;
  gint64 id;

  _scms_json_reader_init (&reader, "server");

  object = _scms_json_reader_object (&reader, node);
  id = _scms_json_reader_integer (&reader, object, "id", 0);
  name = _scms_json_reader_string (&reader, object, "name");
  description = _scms_json_reader_string (&reader, object, "description");

  if (object != NULL && id < 1)
    _scms_json_reader_fail (&reader, "id");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  self = g_object_new (SCMS_TYPE_GAME_SERVER, NULL);
  self->id = id;
  self->name = g_strdup (name != NULL ? name : "");
  self->description = g_strdup (description != NULL ? description : "");

  return self;
}

/**
 * scms_game_server_get_id:
 * @self: a #ScmsGameServer
 *
 * Returns: the community-scoped server id, at least 1
 */
gint64
scms_game_server_get_id (ScmsGameServer *self)
{
  g_return_val_if_fail (SCMS_IS_GAME_SERVER (self), 0);

  return self->id;
}

/**
 * scms_game_server_get_name:
 * @self: a #ScmsGameServer
 *
 * Returns: (transfer none): the server name, possibly empty
 */
const char *
scms_game_server_get_name (ScmsGameServer *self)
{
  g_return_val_if_fail (SCMS_IS_GAME_SERVER (self), NULL);

  return self->name;
}

/**
 * scms_game_server_get_description:
 * @self: a #ScmsGameServer
 *
 * Returns: (transfer none): the description, possibly empty
 */
const char *
scms_game_server_get_description (ScmsGameServer *self)
{
  g_return_val_if_fail (SCMS_IS_GAME_SERVER (self), NULL);

  return self->description;
}
