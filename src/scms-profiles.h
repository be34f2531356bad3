/* scms-profiles.h — the saved communities in GSettings
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

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  scms_profiles_find      (GSettings   *settings,
                                   const char  *community_id,
                                   const char  *server_url,
                                   char       **label);
gboolean  scms_profiles_find_last (GSettings   *settings,
                                   char       **community_id,
                                   char       **server_url);
void      scms_profiles_set_last  (GSettings   *settings,
                                   const char  *community_id,
                                   const char  *server_url);
void      scms_profiles_save      (GSettings   *settings,
                                   const char  *label,
                                   const char  *community_id,
                                   const char  *server_url);
gboolean  scms_profiles_remove    (GSettings   *settings,
                                   const char  *community_id,
                                   const char  *server_url);

G_END_DECLS
