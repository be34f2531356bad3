/* scms-connect-page.h — the form that opens a community
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

#include <adwaita.h>

#include "scms-client.h"
#include "scms-types.h"

G_BEGIN_DECLS

#define SCMS_TYPE_CONNECT_PAGE (scms_connect_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsConnectPage, scms_connect_page, SCMS, CONNECT_PAGE, GtkWidget)

GtkWidget  *scms_connect_page_new         (void);
void        scms_connect_page_reset       (ScmsConnectPage *self,
                                           const char      *community_id,
                                           const char      *server_url);
void        scms_connect_page_reconnect   (ScmsConnectPage *self,
                                           const char      *community_id,
                                           const char      *server_url);
void        scms_connect_page_connect     (ScmsConnectPage *self);
void        scms_connect_page_cancel      (ScmsConnectPage *self);
gboolean    scms_connect_page_get_busy    (ScmsConnectPage *self);
const char *scms_connect_page_get_message (ScmsConnectPage *self);
gboolean    scms_connect_page_get_keyring_trouble (ScmsConnectPage *self);
void        scms_connect_page_use_for_session     (ScmsConnectPage *self);

G_END_DECLS
