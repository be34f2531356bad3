/* scms-window.h
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
#include "scms-connect-page.h"
#include "scms-page.h"
#include "scms-types.h"

G_BEGIN_DECLS

#define SCMS_TYPE_WINDOW (scms_window_get_type ())

G_DECLARE_FINAL_TYPE (ScmsWindow, scms_window, SCMS, WINDOW, AdwApplicationWindow)

ScmsWindow *scms_window_new          (GtkApplication *application);
ScmsClient *scms_window_get_client   (ScmsWindow     *self);
void        scms_window_set_client   (ScmsWindow     *self,
                                      ScmsClient     *client);
ScmsPage   *scms_window_get_page     (ScmsWindow     *self,
                                      const char     *name);
ScmsPage   *scms_window_get_visible_page (ScmsWindow *self);
void        scms_window_set_visible_page (ScmsWindow *self,
                                          const char *name);
void        scms_window_add_toast    (ScmsWindow     *self,
                                      AdwToast       *toast);
gboolean         scms_window_get_connect_visible   (ScmsWindow *self);
ScmsConnectPage *scms_window_get_connect_page      (ScmsWindow *self);
GMenuModel      *scms_window_get_profiles_menu     (ScmsWindow *self);
void             scms_window_set_server_url_preset (ScmsWindow *self,
                                                    const char *server_url);
void             scms_window_add_community         (ScmsWindow *self);
void             scms_window_open_saved_community  (ScmsWindow *self);

G_END_DECLS
