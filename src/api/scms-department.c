/* scms-department.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-department.h"
#include "scms-json-private.h"

struct _ScmsDepartment
{
  GObject parent_instance;

  char *id;
  char *label;
  char *short_label;
  GListStore *ranks;
};

G_DEFINE_FINAL_TYPE (ScmsDepartment, scms_department, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_SHORT_LABEL,
  PROP_RANKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scms_department_dispose (GObject *object)
{
  ScmsDepartment *self = SCMS_DEPARTMENT (object);

  g_clear_object (&self->ranks);

  G_OBJECT_CLASS (scms_department_parent_class)->dispose (object);
}

static void
scms_department_finalize (GObject *object)
{
  ScmsDepartment *self = SCMS_DEPARTMENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->short_label, g_free);

  G_OBJECT_CLASS (scms_department_parent_class)->finalize (object);
}

static void
scms_department_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScmsDepartment *self = SCMS_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, scms_department_get_id (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, scms_department_get_label (self));
      break;

    case PROP_SHORT_LABEL:
      g_value_set_string (value, scms_department_get_short_label (self));
      break;

    case PROP_RANKS:
      g_value_set_object (value, scms_department_get_ranks (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_department_class_init (ScmsDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scms_department_dispose;
  object_class->finalize = scms_department_finalize;
  object_class->get_property = scms_department_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORT_LABEL] =
    g_param_spec_string ("short-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANKS] =
    g_param_spec_object ("ranks", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_department_init (ScmsDepartment *self)
{
  self->ranks = g_list_store_new (SCMS_TYPE_RANK);
}

/**
 * scms_department_new_from_json:
 * @node: a department object from a `GET_DEPARTMENTS` reply
 * @error: return location for a #GError
 *
 * Reads a department and its ranks, in reply order. Every rank knows the
 * id and names of this department.
 *
 * Returns: (transfer full) (nullable): a new #ScmsDepartment, or %NULL with
 *   %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsDepartment *
scms_department_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(ScmsDepartment) self = NULL;
  g_autofree char *id = NULL;
  ScmsJsonReader reader;
  JsonObject *object;
  JsonArray *ranks;
  const char *label;
  const char *short_label;
  guint n_ranks;

  _scms_json_reader_init (&reader, "department");

  object = _scms_json_reader_object (&reader, node);
  id = _scms_json_reader_dup_id (&reader, object, "uuid");
  label = _scms_json_reader_string (&reader, object, "label");
  short_label = _scms_json_reader_string (&reader, object, "labelTwo");
  ranks = _scms_json_reader_array (&reader, object, "ranks");

  if (object != NULL && (id == NULL || *id == '\0'))
    _scms_json_reader_fail (&reader, "uuid");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  self = g_object_new (SCMS_TYPE_DEPARTMENT, NULL);
  self->id = g_steal_pointer (&id);
  self->label = g_strdup (label);
  self->short_label = g_strdup (short_label);

  n_ranks = ranks != NULL ? json_array_get_length (ranks) : 0;
  for (guint i = 0; i < n_ranks; i++)
    {
      g_autoptr(ScmsRank) rank = NULL;

      rank = scms_rank_new_from_json (json_array_get_element (ranks, i),
                                      self->id, self->label, self->short_label,
                                      error);
      if (rank == NULL)
        return NULL;

      g_list_store_append (self->ranks, rank);
    }

  return g_steal_pointer (&self);
}

/**
 * scms_department_get_id:
 * @self: a #ScmsDepartment
 *
 * Returns: (transfer none): the department UUID
 */
const char *
scms_department_get_id (ScmsDepartment *self)
{
  g_return_val_if_fail (SCMS_IS_DEPARTMENT (self), NULL);

  return self->id;
}

/**
 * scms_department_get_label:
 * @self: a #ScmsDepartment
 *
 * Returns: (transfer none) (nullable): the full name, e.g.
 *   "Copper Basin Police Department"
 */
const char *
scms_department_get_label (ScmsDepartment *self)
{
  g_return_val_if_fail (SCMS_IS_DEPARTMENT (self), NULL);

  return self->label;
}

/**
 * scms_department_get_short_label:
 * @self: a #ScmsDepartment
 *
 * Returns: (transfer none) (nullable): the short name, e.g. "CBPD"
 */
const char *
scms_department_get_short_label (ScmsDepartment *self)
{
  g_return_val_if_fail (SCMS_IS_DEPARTMENT (self), NULL);

  return self->short_label;
}

/**
 * scms_department_get_ranks:
 * @self: a #ScmsDepartment
 *
 * Returns: (transfer none): a #GListModel of #ScmsRank in reply order
 */
GListModel *
scms_department_get_ranks (ScmsDepartment *self)
{
  g_return_val_if_fail (SCMS_IS_DEPARTMENT (self), NULL);

  return G_LIST_MODEL (self->ranks);
}
