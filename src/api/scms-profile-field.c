/* scms-profile-field.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-json-private.h"
#include "scms-profile-field.h"

struct _ScmsProfileField
{
  GObject parent_instance;

  char *id;
  char *kind;
  char *label;
  char **options;
};

G_DEFINE_FINAL_TYPE (ScmsProfileField, scms_profile_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_LABEL,
  PROP_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scms_profile_field_finalize (GObject *object)
{
  ScmsProfileField *self = SCMS_PROFILE_FIELD (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->options, g_strfreev);

  G_OBJECT_CLASS (scms_profile_field_parent_class)->finalize (object);
}

static void
scms_profile_field_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScmsProfileField *self = SCMS_PROFILE_FIELD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, scms_profile_field_get_id (self));
      break;

    case PROP_KIND:
      g_value_set_string (value, scms_profile_field_get_kind (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, scms_profile_field_get_label (self));
      break;

    case PROP_OPTIONS:
      g_value_set_boxed (value, scms_profile_field_get_options (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_profile_field_class_init (ScmsProfileFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_profile_field_finalize;
  object_class->get_property = scms_profile_field_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONS] =
    g_param_spec_boxed ("options", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_profile_field_init (ScmsProfileField *self)
{
}

/**
 * scms_profile_field_new_from_json:
 * @node: a field definition from a `GET_PROFILE_FIELDS` reply
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new #ScmsProfileField, or %NULL
 *   with %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsProfileField *
scms_profile_field_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(ScmsProfileField) self = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) options = NULL;
  ScmsJsonReader reader;
  JsonObject *object;
  const char *kind;
  const char *label;

  _scms_json_reader_init (&reader, "profile field");

  object = _scms_json_reader_object (&reader, node);
  id = _scms_json_reader_dup_id (&reader, object, "id");
  kind = _scms_json_reader_string (&reader, object, "type");
  label = _scms_json_reader_string (&reader, object, "label");
  options = _scms_json_reader_strv (&reader, object, "options");

  if (object != NULL && (id == NULL || *id == '\0'))
    _scms_json_reader_fail (&reader, "id");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  self = g_object_new (SCMS_TYPE_PROFILE_FIELD, NULL);
  self->id = g_steal_pointer (&id);
  self->kind = g_strdup (kind != NULL ? kind : "text");
  self->label = g_strdup (label != NULL ? label : "");
  self->options = g_steal_pointer (&options);

  return g_steal_pointer (&self);
}

/**
 * scms_profile_field_get_id:
 * @self: a #ScmsProfileField
 *
 * Returns: (transfer none): the field UUID, as in an account's
 *   `profileFields`
 */
const char *
scms_profile_field_get_id (ScmsProfileField *self)
{
  g_return_val_if_fail (SCMS_IS_PROFILE_FIELD (self), NULL);

  return self->id;
}

/**
 * scms_profile_field_get_kind:
 * @self: a #ScmsProfileField
 *
 * Returns: (transfer none): the field `type`: "text", "text array",
 *   "select"… ("text" when the reply omits it)
 */
const char *
scms_profile_field_get_kind (ScmsProfileField *self)
{
  g_return_val_if_fail (SCMS_IS_PROFILE_FIELD (self), NULL);

  return self->kind;
}

/**
 * scms_profile_field_get_label:
 * @self: a #ScmsProfileField
 *
 * Returns: (transfer none): the field name, possibly empty
 */
const char *
scms_profile_field_get_label (ScmsProfileField *self)
{
  g_return_val_if_fail (SCMS_IS_PROFILE_FIELD (self), NULL);

  return self->label;
}

/**
 * scms_profile_field_get_options:
 * @self: a #ScmsProfileField
 *
 * Returns: (transfer none): the choices of a select field; empty otherwise
 */
const char * const *
scms_profile_field_get_options (ScmsProfileField *self)
{
  g_return_val_if_fail (SCMS_IS_PROFILE_FIELD (self), NULL);

  return (const char * const *) self->options;
}
