/* scms-profiles.c — the saved communities in GSettings
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

#include "scms-profiles.h"

/*
 * A profile is (label, community ID, server URL) in the `profiles` key;
 * `last-profile` and `last-server-url` hold the community ID and server URL
 * of the one that was open last. A profile is identified by its community
 * ID and server URL together, like its item in the keyring: one ID can be
 * saved for two servers (a test server and the real one, say). The API key
 * is never stored here.
 */

/**
 * scms_profiles_find:
 * @settings: the application's settings
 * @community_id: a community ID
 * @server_url: (nullable): a server URL, or %NULL for any
 * @label: (out) (optional): the profile's label
 *
 * Returns: whether a profile for @community_id (on @server_url) is saved
 */
gboolean
scms_profiles_find (GSettings   *settings,
                    const char  *community_id,
                    const char  *server_url,
                    char       **label)
{
  g_autoptr(GVariant) profiles = NULL;
  GVariantIter iter;
  const char *p_label;
  const char *p_id;
  const char *p_url;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (community_id != NULL, FALSE);

  profiles = g_settings_get_value (settings, "profiles");
  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &p_label, &p_id, &p_url))
    {
      if (g_strcmp0 (p_id, community_id) != 0)
        continue;
      if (server_url != NULL && g_strcmp0 (p_url, server_url) != 0)
        continue;

      if (label != NULL)
        *label = g_strdup (p_label);
      return TRUE;
    }

  return FALSE;
}

/**
 * scms_profiles_find_last:
 * @settings: the application's settings
 * @community_id: (out): the community ID of the last profile
 * @server_url: (out): its server URL
 *
 * Returns: whether the community that was open last is still saved
 */
gboolean
scms_profiles_find_last (GSettings  *settings,
                         char      **community_id,
                         char      **server_url)
{
  g_autoptr(GVariant) profiles = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_url = NULL;
  GVariantIter iter;
  const char *p_id;
  const char *p_url;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (community_id != NULL && server_url != NULL, FALSE);

  last = g_settings_get_string (settings, "last-profile");
  last_url = g_settings_get_string (settings, "last-server-url");
  if (last[0] == '\0')
    return FALSE;

  profiles = g_settings_get_value (settings, "profiles");
  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s&s)", NULL, &p_id, &p_url))
    {
      /* Settings from before last-server-url name the ID only. */
      if (g_strcmp0 (p_id, last) == 0 &&
          (last_url[0] == '\0' || g_strcmp0 (p_url, last_url) == 0))
        {
          *community_id = g_strdup (p_id);
          *server_url = g_strdup (p_url);
          return TRUE;
        }
    }

  return FALSE;
}

/* A second GSettings on the same settings, to change several keys at once:
 * delay-apply mode cannot be left, and the caller's object must keep
 * writing at once (the window's last page, say). */
static GSettings *
begin_batch (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autofree char *path = NULL;
  GSettings *batch;

  g_object_get (settings, "settings-schema", &schema, "backend", &backend, "path", &path, NULL);
  batch = g_settings_new_full (schema, backend, path);
  g_settings_delay (batch);

  return batch;
}

/**
 * scms_profiles_set_last:
 * @settings: the application's settings
 * @community_id: (nullable): a community ID, or %NULL for none
 * @server_url: (nullable): its server URL
 *
 * Makes the profile of @community_id on @server_url the one that
 * reconnects at start, or none.
 */
void
scms_profiles_set_last (GSettings  *settings,
                        const char *community_id,
                        const char *server_url)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_set_string (settings, "last-profile", community_id != NULL ? community_id : "");
  g_settings_set_string (settings, "last-server-url",
                         community_id != NULL && server_url != NULL ? server_url : "");
}

/**
 * scms_profiles_save:
 * @settings: the application's settings
 * @label: what the profile is called in menus
 * @community_id: the community ID
 * @server_url: the server URL
 *
 * Saves the profile (replacing one for the same community and server)
 * and makes it the last profile, which reconnects at start.
 */
void
scms_profiles_save (GSettings  *settings,
                    const char *label,
                    const char *community_id,
                    const char *server_url)
{
  g_autoptr(GVariant) profiles = NULL;
  g_autoptr(GSettings) batch = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *p_label;
  const char *p_id;
  const char *p_url;
  gboolean replaced = FALSE;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (label != NULL && community_id != NULL && server_url != NULL);

  profiles = g_settings_get_value (settings, "profiles");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sss)"));
  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &p_label, &p_id, &p_url))
    {
      if (g_strcmp0 (p_id, community_id) == 0 && g_strcmp0 (p_url, server_url) == 0)
        {
          g_variant_builder_add (&builder, "(sss)", label, community_id, server_url);
          replaced = TRUE;
        }
      else
        {
          g_variant_builder_add (&builder, "(sss)", p_label, p_id, p_url);
        }
    }

  if (!replaced)
    g_variant_builder_add (&builder, "(sss)", label, community_id, server_url);

  batch = begin_batch (settings);
  g_settings_set_value (batch, "profiles", g_variant_builder_end (&builder));
  scms_profiles_set_last (batch, community_id, server_url);
  g_settings_apply (batch);
}

/**
 * scms_profiles_remove:
 * @settings: the application's settings
 * @community_id: the community ID
 * @server_url: the server URL
 *
 * Removes the profile; when it was the last profile, nothing reconnects
 * at start any more.
 *
 * Returns: whether a profile was removed
 */
gboolean
scms_profiles_remove (GSettings  *settings,
                      const char *community_id,
                      const char *server_url)
{
  g_autoptr(GVariant) profiles = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_url = NULL;
  g_autoptr(GSettings) batch = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *p_label;
  const char *p_id;
  const char *p_url;
  gboolean removed = FALSE;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (community_id != NULL && server_url != NULL, FALSE);

  profiles = g_settings_get_value (settings, "profiles");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sss)"));
  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &p_label, &p_id, &p_url))
    {
      if (g_strcmp0 (p_id, community_id) == 0 && g_strcmp0 (p_url, server_url) == 0)
        {
          removed = TRUE;
          continue;
        }

      g_variant_builder_add (&builder, "(sss)", p_label, p_id, p_url);
    }

  last = g_settings_get_string (settings, "last-profile");
  last_url = g_settings_get_string (settings, "last-server-url");

  batch = begin_batch (settings);
  g_settings_set_value (batch, "profiles", g_variant_builder_end (&builder));
  /* Settings from before last-server-url name the ID only. */
  if (g_strcmp0 (last, community_id) == 0 &&
      (last_url[0] == '\0' || g_strcmp0 (last_url, server_url) == 0))
    scms_profiles_set_last (batch, NULL, NULL);
  g_settings_apply (batch);

  return removed;
}
