/* scms-rank.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-json-private.h"
#include "scms-rank.h"

struct _ScmsRank
{
  GObject parent_instance;

  char *id;
  char *label;
  int power;
  char *department_id;
  char *department_label;
  char *department_short;
  guint resolved : 1;
};

G_DEFINE_FINAL_TYPE (ScmsRank, scms_rank, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_POWER,
  PROP_DEPARTMENT_ID,
  PROP_DEPARTMENT_LABEL,
  PROP_DEPARTMENT_SHORT,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scms_rank_finalize (GObject *object)
{
  ScmsRank *self = SCMS_RANK (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->department_id, g_free);
  g_clear_pointer (&self->department_label, g_free);
  g_clear_pointer (&self->department_short, g_free);

  G_OBJECT_CLASS (scms_rank_parent_class)->finalize (object);
}

static void
scms_rank_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScmsRank *self = SCMS_RANK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, scms_rank_get_id (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, scms_rank_get_label (self));
      break;

    case PROP_POWER:
      g_value_set_int (value, scms_rank_get_power (self));
      break;

    case PROP_DEPARTMENT_ID:
      g_value_set_string (value, scms_rank_get_department_id (self));
      break;

    case PROP_DEPARTMENT_LABEL:
      g_value_set_string (value, scms_rank_get_department_label (self));
      break;

    case PROP_DEPARTMENT_SHORT:
      g_value_set_string (value, scms_rank_get_department_short (self));
      break;

    case PROP_RESOLVED:
      g_value_set_boolean (value, scms_rank_is_resolved (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_rank_class_init (ScmsRankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_rank_finalize;
  object_class->get_property = scms_rank_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POWER] =
    g_param_spec_int ("power", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT_ID] =
    g_param_spec_string ("department-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT_LABEL] =
    g_param_spec_string ("department-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT_SHORT] =
    g_param_spec_string ("department-short", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVED] =
    g_param_spec_boolean ("resolved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_rank_init (ScmsRank *self)
{
}

/**
 * scms_rank_new_unresolved:
 * @id: a rank UUID that no known department lists
 *
 * Creates a placeholder for a rank an account refers to but
 * `GET_DEPARTMENTS` did not list (yet). Its label is its id.
 *
 * Returns: (transfer full): a new #ScmsRank
 */
ScmsRank *
scms_rank_new_unresolved (const char *id)
{
  ScmsRank *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (SCMS_TYPE_RANK, NULL);
  self->id = g_strdup (id);
  self->resolved = FALSE;

  return self;
}

/**
 * scms_rank_new_from_json:
 * @node: a rank object from a `GET_DEPARTMENTS` reply
 * @department_id: (nullable): the UUID of the department listing it
 * @department_label: (nullable): that department's full name
 * @department_short: (nullable): that department's short name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new resolved #ScmsRank, or %NULL
 *   with %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsRank *
scms_rank_new_from_json (JsonNode    *node,
                         const char  *department_id,
                         const char  *department_label,
                         const char  *department_short,
                         GError     **error)
{
  g_autoptr(ScmsRank) self = NULL;
  g_autofree char *id = NULL;
  ScmsJsonReader reader;
  JsonObject *object;
  const char *label;
  gint64 power;

  _scms_json_reader_init (&reader, "rank");

  object = _scms_json_reader_object (&reader, node);
  id = _scms_json_reader_dup_id (&reader, object, "id");
  label = _scms_json_reader_string (&reader, object, "label");
  power = _scms_json_reader_integer (&reader, object, "power", 0);

  /* A rank without an id cannot be referred to; a power beyond int is
   * nonsense rather than a bigger rank. */
  if (id == NULL || *id == '\0')
    _scms_json_reader_fail (&reader, "id");
  if (power < G_MININT || power > G_MAXINT)
    _scms_json_reader_fail (&reader, "power");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  self = g_object_new (SCMS_TYPE_RANK, NULL);
  self->id = g_steal_pointer (&id);
  self->label = g_strdup (label);
  self->power = (int) power;
  self->department_id = g_strdup (department_id);
  self->department_label = g_strdup (department_label);
  self->department_short = g_strdup (department_short);
  self->resolved = TRUE;

  return g_steal_pointer (&self);
}

/**
 * scms_rank_get_id:
 * @self: a #ScmsRank
 *
 * Returns: (transfer none): the rank UUID
 */
const char *
scms_rank_get_id (ScmsRank *self)
{
  g_return_val_if_fail (SCMS_IS_RANK (self), NULL);

  return self->id;
}

/**
 * scms_rank_get_label:
 * @self: a #ScmsRank
 *
 * Returns: (transfer none): the rank's name, or its id when the rank is
 *   unresolved or nameless
 */
const char *
scms_rank_get_label (ScmsRank *self)
{
  g_return_val_if_fail (SCMS_IS_RANK (self), NULL);

  return self->label != NULL && *self->label != '\0' ? self->label : self->id;
}

/**
 * scms_rank_get_power:
 * @self: a #ScmsRank
 *
 * Returns: the rank power (higher is more authority), 0 when unknown
 */
int
scms_rank_get_power (ScmsRank *self)
{
  g_return_val_if_fail (SCMS_IS_RANK (self), 0);

  return self->power;
}

/**
 * scms_rank_get_department_id:
 * @self: a #ScmsRank
 *
 * Returns: (transfer none) (nullable): the department UUID
 */
const char *
scms_rank_get_department_id (ScmsRank *self)
{
  g_return_val_if_fail (SCMS_IS_RANK (self), NULL);

  return self->department_id;
}

/**
 * scms_rank_get_department_label:
 * @self: a #ScmsRank
 *
 * Returns: (transfer none) (nullable): the department's full name
 */
const char *
scms_rank_get_department_label (ScmsRank *self)
{
  g_return_val_if_fail (SCMS_IS_RANK (self), NULL);

  return self->department_label;
}

/**
 * scms_rank_get_department_short:
 * @self: a #ScmsRank
 *
 * Returns: (transfer none) (nullable): the department's short name
 */
const char *
scms_rank_get_department_short (ScmsRank *self)
{
  g_return_val_if_fail (SCMS_IS_RANK (self), NULL);

  return self->department_short;
}

/**
 * scms_rank_is_resolved:
 * @self: a #ScmsRank
 *
 * Returns: %TRUE if the rank came from a department listing
 */
gboolean
scms_rank_is_resolved (ScmsRank *self)
{
  g_return_val_if_fail (SCMS_IS_RANK (self), FALSE);

  return self->resolved;
}
