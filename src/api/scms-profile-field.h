/* scms-profile-field.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SCMS_TYPE_PROFILE_FIELD (scms_profile_field_get_type ())

G_DECLARE_FINAL_TYPE (ScmsProfileField, scms_profile_field, SCMS, PROFILE_FIELD, GObject)

ScmsProfileField   *scms_profile_field_new_from_json (JsonNode          *node,
                                                      GError           **error);
const char         *scms_profile_field_get_id        (ScmsProfileField  *self);
const char         *scms_profile_field_get_kind      (ScmsProfileField  *self);
const char         *scms_profile_field_get_label     (ScmsProfileField  *self);
const char * const *scms_profile_field_get_options   (ScmsProfileField  *self);

G_END_DECLS
