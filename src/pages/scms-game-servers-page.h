/* scms-game-servers-page.h
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

#pragma once

#include "scms-page.h"

G_BEGIN_DECLS

#define SCMS_TYPE_GAME_SERVERS_PAGE (scms_game_servers_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsGameServersPage, scms_game_servers_page, SCMS, GAME_SERVERS_PAGE, ScmsPage)

GListModel *scms_game_servers_page_get_servers (ScmsGameServersPage *self);
void        scms_game_servers_page_set_servers (ScmsGameServersPage *self,
                                                GListModel          *servers);
GListModel *scms_game_servers_page_get_shown   (ScmsGameServersPage *self);
void        scms_game_servers_page_activate    (ScmsGameServersPage *self,
                                                guint                position);

G_END_DECLS
