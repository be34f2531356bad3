/* scms-game-server.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SCMS_TYPE_GAME_SERVER (scms_game_server_get_type ())

G_DECLARE_FINAL_TYPE (ScmsGameServer, scms_game_server, SCMS, GAME_SERVER, GObject)

ScmsGameServer *scms_game_server_new_from_json   (JsonNode        *node,
                                                  GError         **error);
gint64          scms_game_server_get_id          (ScmsGameServer  *self);
const char     *scms_game_server_get_name        (ScmsGameServer  *self);
const char     *scms_game_server_get_description (ScmsGameServer  *self);

G_END_DECLS
