/* scms-bulk-check-item.c
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

#include <glib/gi18n.h>

#include "scms-bulk-check-item.h"

/* One row of the Bulk Check view: an identifier and what became of it. */

struct _ScmsBulkCheckItem
{
  GObject         parent_instance;

  char           *identifier;
  char           *normalized;
  char           *name;
  char           *detail;
  ScmsBulkStatus  status;
};

G_DEFINE_FINAL_TYPE (ScmsBulkCheckItem, scms_bulk_check_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDENTIFIER,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  PROP_NAME,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the context "bulk check result": "Allowed" and "Unknown" are also
 * said of other things, which other languages may word differently. */
static const char * const status_labels[] = {
  [SCMS_BULK_STATUS_CHECKING] = NC_("bulk check result", "Checking…"),
  [SCMS_BULK_STATUS_ALLOWED] = NC_("bulk check result", "Allowed"),
  [SCMS_BULK_STATUS_BYPASSED] = NC_("bulk check result", "Bypassed"),
  [SCMS_BULK_STATUS_NOT_ALLOWED] = NC_("bulk check result", "Not allowed"),
  [SCMS_BULK_STATUS_UNKNOWN] = NC_("bulk check result", "Unknown"),
  [SCMS_BULK_STATUS_INVALID] = NC_("bulk check result", "Invalid"),
  [SCMS_BULK_STATUS_NOT_CHECKED] = NC_("bulk check result", "Not checked"),
};

/**
 * scms_bulk_status_get_label:
 * @status: a #ScmsBulkStatus
 *
 * Returns: (transfer none): the translated name of @status
 */
const char *
scms_bulk_status_get_label (ScmsBulkStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), "");

  return g_dpgettext2 (NULL, "bulk check result", status_labels[status]);
}

static void
scms_bulk_check_item_finalize (GObject *object)
{
  ScmsBulkCheckItem *self = SCMS_BULK_CHECK_ITEM (object);

  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->normalized, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (scms_bulk_check_item_parent_class)->finalize (object);
}

static void
scms_bulk_check_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ScmsBulkCheckItem *self = SCMS_BULK_CHECK_ITEM (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIER:
      g_value_set_string (value, self->identifier);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_STATUS_TEXT:
      g_value_set_string (value, scms_bulk_check_item_get_status_text (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_bulk_check_item_class_init (ScmsBulkCheckItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_bulk_check_item_finalize;
  object_class->get_property = scms_bulk_check_item_get_property;

  /**
   * ScmsBulkCheckItem:identifier:
   *
   * The identifier as it was given, trimmed.
   */
  properties[PROP_IDENTIFIER] =
    g_param_spec_string ("identifier", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsBulkCheckItem:status:
   *
   * The #ScmsBulkStatus, as an integer.
   */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      SCMS_BULK_STATUS_CHECKING, SCMS_BULK_STATUS_NOT_CHECKED,
                      SCMS_BULK_STATUS_CHECKING,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsBulkCheckItem:status-text:
   *
   * The status in words, translated.
   */
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsBulkCheckItem:name: (nullable)
   *
   * The member's name, when the answer gave one.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsBulkCheckItem:detail: (nullable)
   *
   * Why the identifier is invalid or could not be checked, translated.
   */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_bulk_check_item_init (ScmsBulkCheckItem *self)
{
  self->status = SCMS_BULK_STATUS_CHECKING;
}

/**
 * scms_bulk_check_item_new:
 * @identifier: the identifier as given
 * @normalized: (nullable): the identifier to send, or %NULL when invalid
 *
 * Returns: (transfer full): a new item, `Checking…`
 */
ScmsBulkCheckItem *
scms_bulk_check_item_new (const char *identifier,
                          const char *normalized)
{
  ScmsBulkCheckItem *self;

  g_return_val_if_fail (identifier != NULL, NULL);

  self = g_object_new (SCMS_TYPE_BULK_CHECK_ITEM, NULL);
  self->identifier = g_strdup (identifier);
  self->normalized = g_strdup (normalized);

  return self;
}

const char *
scms_bulk_check_item_get_identifier (ScmsBulkCheckItem *self)
{
  g_return_val_if_fail (SCMS_IS_BULK_CHECK_ITEM (self), NULL);

  return self->identifier;
}

/**
 * scms_bulk_check_item_get_normalized:
 * @self: a #ScmsBulkCheckItem
 *
 * Returns: (transfer none) (nullable): the identifier to send; %NULL for an
 *   invalid one
 */
const char *
scms_bulk_check_item_get_normalized (ScmsBulkCheckItem *self)
{
  g_return_val_if_fail (SCMS_IS_BULK_CHECK_ITEM (self), NULL);

  return self->normalized;
}

ScmsBulkStatus
scms_bulk_check_item_get_status (ScmsBulkCheckItem *self)
{
  g_return_val_if_fail (SCMS_IS_BULK_CHECK_ITEM (self), SCMS_BULK_STATUS_UNKNOWN);

  return self->status;
}

const char *
scms_bulk_check_item_get_status_text (ScmsBulkCheckItem *self)
{
  g_return_val_if_fail (SCMS_IS_BULK_CHECK_ITEM (self), NULL);

  return scms_bulk_status_get_label (self->status);
}

const char *
scms_bulk_check_item_get_name (ScmsBulkCheckItem *self)
{
  g_return_val_if_fail (SCMS_IS_BULK_CHECK_ITEM (self), NULL);

  return self->name;
}

const char *
scms_bulk_check_item_get_detail (ScmsBulkCheckItem *self)
{
  g_return_val_if_fail (SCMS_IS_BULK_CHECK_ITEM (self), NULL);

  return self->detail;
}

/**
 * scms_bulk_check_item_set_result:
 * @self: a #ScmsBulkCheckItem
 * @status: the new status
 * @name: (nullable): the member's name
 * @detail: (nullable): a translated explanation
 *
 * Records what became of the identifier.
 */
void
scms_bulk_check_item_set_result (ScmsBulkCheckItem *self,
                                 ScmsBulkStatus     status,
                                 const char        *name,
                                 const char        *detail)
{
  g_return_if_fail (SCMS_IS_BULK_CHECK_ITEM (self));
  g_return_if_fail ((guint) status < G_N_ELEMENTS (status_labels));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
    }

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }

  if (g_strcmp0 (self->detail, detail) != 0)
    {
      g_free (self->detail);
      self->detail = g_strdup (detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
