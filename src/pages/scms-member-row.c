/* scms-member-row.c
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

#include "scms-member-row.h"

/*
 * ScmsMemberRow is the box a row of the Members list is built in (its
 * children come from the page's list item template). It knows the member
 * it shows so as to name the row for screen readers: GTK 4.8 gives a list
 * item no accessible name (GtkListItem:accessible-label is 4.12), and
 * Orca said "list item" and nothing else. The name goes on the list
 * item, the row's parent, which is what a screen reader lands on.
 */

struct _ScmsMemberRow
{
  GtkBox              parent_instance;

  ScmsAccountSummary *summary;
};

G_DEFINE_FINAL_TYPE (ScmsMemberRow, scms_member_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_label (ScmsMemberRow *self)
{
  GtkWidget *list_item = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autofree char *label = NULL;

  if (list_item == NULL)
    return;

  if (self->summary == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (list_item),
                                     GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  /* Translators: a member of the list as a screen reader names them: their
   * name, then their status, e.g. "Elena Ashgrove, Active". */
  label = g_strdup_printf (_("%s, %s"),
                           scms_account_summary_get_display_name (self->summary),
                           scms_member_status_get_label (
                             scms_account_summary_get_status (self->summary)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
scms_member_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (scms_member_row_parent_class)->root (widget);

  /* The list may set the member before it puts the row in a list item. */
  update_accessible_label (SCMS_MEMBER_ROW (widget));
}

static void
scms_member_row_dispose (GObject *object)
{
  ScmsMemberRow *self = SCMS_MEMBER_ROW (object);

  g_clear_object (&self->summary);

  G_OBJECT_CLASS (scms_member_row_parent_class)->dispose (object);
}

static void
scms_member_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScmsMemberRow *self = SCMS_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, scms_member_row_get_summary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_member_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScmsMemberRow *self = SCMS_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      scms_member_row_set_summary (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_member_row_class_init (ScmsMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scms_member_row_dispose;
  object_class->get_property = scms_member_row_get_property;
  object_class->set_property = scms_member_row_set_property;

  widget_class->root = scms_member_row_root;

  /**
   * ScmsMemberRow:summary: (nullable)
   *
   * The member the row shows.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL,
                         SCMS_TYPE_ACCOUNT_SUMMARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_member_row_init (ScmsMemberRow *self)
{
}

ScmsAccountSummary *
scms_member_row_get_summary (ScmsMemberRow *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBER_ROW (self), NULL);

  return self->summary;
}

/**
 * scms_member_row_set_summary:
 * @self: a #ScmsMemberRow
 * @summary: (nullable): the member the row shows
 *
 * Sets the member, and names the list item holding the row after them.
 */
void
scms_member_row_set_summary (ScmsMemberRow      *self,
                             ScmsAccountSummary *summary)
{
  g_return_if_fail (SCMS_IS_MEMBER_ROW (self));
  g_return_if_fail (!summary || SCMS_IS_ACCOUNT_SUMMARY (summary));

  if (!g_set_object (&self->summary, summary))
    return;

  update_accessible_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
