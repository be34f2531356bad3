/* scms-member-finder.c
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

#include "scms-api-enums.h"
#include "scms-member-finder.h"
#include "scms-util.h"

/*
 * The "Find by / Identifier / Look Up" form every per-member page shares.
 * It checks the identifier before anything is sent: a bad one gets an
 * inline message under the entry and the ::search signal is not emitted.
 */

struct _ScmsMemberFinder
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *box;
  AdwComboRow   *kind_row;
  GtkStringList *kind_list;
  AdwEntryRow   *entry_row;
  GtkLabel      *message_label;
  GtkButton     *submit_button;
};

G_DEFINE_FINAL_TYPE (ScmsMemberFinder, scms_member_finder, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TEXT,
  PROP_BUTTON_LABEL,
  PROP_SUGGESTED,
  N_PROPS
};

enum {
  SEARCH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_message (ScmsMemberFinder *self,
              const char       *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  scms_mark_invalid (GTK_WIDGET (self->entry_row), message);
}

static void
kind_changed_cb (ScmsMemberFinder *self)
{
  show_message (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
text_changed_cb (ScmsMemberFinder *self)
{
  show_message (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
submit_cb (ScmsMemberFinder *self)
{
  scms_member_finder_submit (self);
}

static void
scms_member_finder_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SCMS_TYPE_MEMBER_FINDER);

  G_OBJECT_CLASS (scms_member_finder_parent_class)->dispose (object);
}

static void
scms_member_finder_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScmsMemberFinder *self = SCMS_MEMBER_FINDER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, scms_member_finder_get_kind (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, scms_member_finder_get_text (self));
      break;

    case PROP_BUTTON_LABEL:
      g_value_set_string (value, scms_member_finder_get_button_label (self));
      break;

    case PROP_SUGGESTED:
      g_value_set_boolean (value, scms_member_finder_get_suggested (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_member_finder_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScmsMemberFinder *self = SCMS_MEMBER_FINDER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      scms_member_finder_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      scms_member_finder_set_text (self, g_value_get_string (value));
      break;

    case PROP_BUTTON_LABEL:
      scms_member_finder_set_button_label (self, g_value_get_string (value));
      break;

    case PROP_SUGGESTED:
      scms_member_finder_set_suggested (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_member_finder_class_init (ScmsMemberFinderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scms_member_finder_dispose;
  object_class->get_property = scms_member_finder_get_property;
  object_class->set_property = scms_member_finder_set_property;

  /**
   * ScmsMemberFinder:kind:
   *
   * Which of the five keys the identifier is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SCMS_TYPE_ID_KIND, SCMS_ID_KIND_API_ID,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsMemberFinder:text:
   *
   * The identifier as typed.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsMemberFinder:button-label:
   *
   * The label of the button, with a mnemonic ("_Look Up", "_Verify").
   */
  properties[PROP_BUTTON_LABEL] =
    g_param_spec_string ("button-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsMemberFinder:suggested:
   *
   * Whether the button is the view's suggested action, as it is until the
   * page shows a member with actions of its own.
   */
  properties[PROP_SUGGESTED] =
    g_param_spec_boolean ("suggested", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScmsMemberFinder::search:
   * @self: the finder
   * @kind: the #ScmsIdKind chosen
   * @identifier: the identifier, checked and trimmed
   *
   * Emitted when a person asks to look up a valid identifier.
   */
  signals[SEARCH] =
    g_signal_new ("search",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SCMS_TYPE_ID_KIND, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-member-finder.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsMemberFinder, box);
  gtk_widget_class_bind_template_child (widget_class, ScmsMemberFinder, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsMemberFinder, kind_list);
  gtk_widget_class_bind_template_child (widget_class, ScmsMemberFinder, entry_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsMemberFinder, message_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsMemberFinder, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scms_member_finder_init (ScmsMemberFinder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint kind = 0; kind < SCMS_N_ID_KINDS; kind++)
    gtk_string_list_append (self->kind_list, scms_id_kind_get_label (kind));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->message_label, NULL,
                                  -1);
}

ScmsIdKind
scms_member_finder_get_kind (ScmsMemberFinder *self)
{
  guint selected;

  g_return_val_if_fail (SCMS_IS_MEMBER_FINDER (self), SCMS_ID_KIND_API_ID);

  selected = adw_combo_row_get_selected (self->kind_row);

  return selected < SCMS_N_ID_KINDS ? (ScmsIdKind)selected : SCMS_ID_KIND_API_ID;
}

void
scms_member_finder_set_kind (ScmsMemberFinder *self,
                             ScmsIdKind        kind)
{
  g_return_if_fail (SCMS_IS_MEMBER_FINDER (self));
  g_return_if_fail ((guint)kind < SCMS_N_ID_KINDS);

  adw_combo_row_set_selected (self->kind_row, kind);
}

const char *
scms_member_finder_get_text (ScmsMemberFinder *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBER_FINDER (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry_row));
}

void
scms_member_finder_set_text (ScmsMemberFinder *self,
                             const char       *text)
{
  g_return_if_fail (SCMS_IS_MEMBER_FINDER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), text ? text : "");
}

const char *
scms_member_finder_get_button_label (ScmsMemberFinder *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBER_FINDER (self), NULL);

  return gtk_button_get_label (self->submit_button);
}

void
scms_member_finder_set_button_label (ScmsMemberFinder *self,
                                     const char       *label)
{
  g_return_if_fail (SCMS_IS_MEMBER_FINDER (self));

  if (g_strcmp0 (label, gtk_button_get_label (self->submit_button)) == 0)
    return;

  scms_button_set_mnemonic_label (self->submit_button, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUTTON_LABEL]);
}

gboolean
scms_member_finder_get_suggested (ScmsMemberFinder *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBER_FINDER (self), FALSE);

  return gtk_widget_has_css_class (GTK_WIDGET (self->submit_button), "suggested-action");
}

void
scms_member_finder_set_suggested (ScmsMemberFinder *self,
                                  gboolean          suggested)
{
  g_return_if_fail (SCMS_IS_MEMBER_FINDER (self));

  if (scms_member_finder_get_suggested (self) == !!suggested)
    return;

  scms_widget_set_css_class (GTK_WIDGET (self->submit_button), "suggested-action", suggested);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTED]);
}

/**
 * scms_member_finder_focus_entry:
 * @self: a #ScmsMemberFinder
 *
 * Moves the keyboard focus to the identifier (Ctrl+L).
 */
void
scms_member_finder_focus_entry (ScmsMemberFinder *self)
{
  g_return_if_fail (SCMS_IS_MEMBER_FINDER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
}

/**
 * scms_member_finder_submit:
 * @self: a #ScmsMemberFinder
 *
 * Checks the identifier and emits #ScmsMemberFinder::search, or shows why
 * it cannot be looked up.
 *
 * Returns: %TRUE if ::search was emitted
 */
gboolean
scms_member_finder_submit (ScmsMemberFinder *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  ScmsIdKind kind;

  g_return_val_if_fail (SCMS_IS_MEMBER_FINDER (self), FALSE);

  kind = scms_member_finder_get_kind (self);
  normalized = scms_identifier_normalize (kind, scms_member_finder_get_text (self), &error);
  if (normalized == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }

  show_message (self, NULL);
  g_signal_emit (self, signals[SEARCH], 0, kind, normalized);

  return TRUE;
}

/**
 * scms_member_finder_get_message:
 * @self: a #ScmsMemberFinder
 *
 * Returns: (nullable): the inline message shown, if any
 */
const char *
scms_member_finder_get_message (ScmsMemberFinder *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBER_FINDER (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;

  return gtk_label_get_label (self->message_label);
}
