/* scms-check-api-id-page.c
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

#include "scms-check-api-id-page.h"
#include "scms-util.h"

/*
 * Which account an API ID is linked to (CHECK_COM_APIID). "Not linked" is
 * an answer, shown as such, not an error.
 */

struct _ScmsCheckApiIdPage
{
  ScmsPage     parent_instance;

  char        *api_id;        /* the one asked about, normalized */
  char        *linked_name;   /* its account, or NULL when not linked */
  gboolean     checked;       /* an answer is shown */

  /* Template widgets */
  GtkWidget   *box;
  AdwEntryRow *entry_row;
  GtkLabel    *message_label;
  GtkImage    *answer_image;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsCheckApiIdPage, scms_check_api_id_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Check API ID"),
                                                         "system-search-symbolic"))

enum {
  PROP_0,
  PROP_API_ID,
  PROP_LINKED_NAME,
  PROP_CHECKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_answer_title_cb (gpointer    instance,
                     const char *linked_name)
{
  if (linked_name == NULL)
    return g_strdup (_("Not Linked"));

  /* Translators: %s is the name of a member account. */
  return g_strdup_printf (_("Linked to %s"), linked_name);
}

static char *
get_answer_description_cb (gpointer    instance,
                           const char *linked_name,
                           const char *api_id)
{
  if (api_id == NULL)
    return g_strdup ("");

  if (linked_name == NULL)
    /* Translators: %s is an API ID. */
    return g_strdup_printf (_("No account in this community uses the API ID %s."), api_id);

  /* Translators: %s is an API ID. */
  return g_strdup_printf (_("The API ID %s belongs to this account."), api_id);
}

static void
show_message (ScmsCheckApiIdPage *self,
              const char         *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  scms_mark_invalid (GTK_WIDGET (self->entry_row), message);
}

static void
set_answer (ScmsCheckApiIdPage *self,
            const char         *api_id,
            const char         *linked_name,
            gboolean            checked)
{
  GtkWidget *image = GTK_WIDGET (self->answer_image);

  if (g_strcmp0 (self->api_id, api_id) != 0)
    {
      g_free (self->api_id);
      self->api_id = g_strdup (api_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_ID]);
    }

  if (g_strcmp0 (self->linked_name, linked_name) != 0)
    {
      g_free (self->linked_name);
      self->linked_name = g_strdup (linked_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKED_NAME]);
    }

  if (self->checked != checked)
    {
      self->checked = checked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
    }

  gtk_image_set_from_icon_name (self->answer_image,
                                linked_name ? "avatar-default-symbolic"
                                            : "action-unavailable-symbolic");
  if (linked_name != NULL)
    {
      gtk_widget_add_css_class (image, "accent");
      gtk_widget_remove_css_class (image, "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (image, "dim-label");
      gtk_widget_remove_css_class (image, "accent");
    }
}

static void
check_com_apiid_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScmsCheckApiIdPage) self = user_data;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SCMS_IS_CHECK_API_ID_PAGE (self));

  name = scms_client_check_com_apiid_finish (SCMS_CLIENT (object), result, &error);

  if (name == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      /* Not linked is the answer to the question, not a failure. */
      if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND))
        {
          set_answer (self, self->api_id, NULL, TRUE);
          scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_RESULTS);
          return;
        }

      g_debug ("Could not check the API ID: %s", error->message);
      scms_page_show_failure (SCMS_PAGE (self), error, _("Could Not Check the API ID"));
      return;
    }

  set_answer (self, self->api_id, name, TRUE);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_RESULTS);
}

static void
scms_check_api_id_page_reload (ScmsPage *page)
{
  ScmsCheckApiIdPage *self = SCMS_CHECK_API_ID_PAGE (page);
  GCancellable *cancellable;

  cancellable = scms_page_get_cancellable (page);

  if (self->api_id == NULL)
    {
      scms_page_set_state (page, SCMS_PAGE_STATE_EMPTY);
      return;
    }

  scms_page_set_state (page, SCMS_PAGE_STATE_LOADING);

  scms_client_check_com_apiid_async (scms_page_get_client (page),
                                     self->api_id,
                                     cancellable,
                                     check_com_apiid_cb,
                                     g_object_ref (self));
}

static void
check_cb (ScmsCheckApiIdPage *self)
{
  scms_check_api_id_page_check (self);
}

static void
text_changed_cb (ScmsCheckApiIdPage *self)
{
  show_message (self, NULL);
}

static void
client_changed (ScmsPage *page)
{
  ScmsCheckApiIdPage *self = SCMS_CHECK_API_ID_PAGE (page);

  /* Another community: the answer no longer holds. */
  scms_page_cancel (SCMS_PAGE (self));
  set_answer (self, NULL, NULL, FALSE);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_EMPTY);
}

static void
focus_identifier_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (SCMS_CHECK_API_ID_PAGE (widget)->entry_row));
}

static void
scms_check_api_id_page_dispose (GObject *object)
{
  ScmsCheckApiIdPage *self = SCMS_CHECK_API_ID_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_CHECK_API_ID_PAGE);

  G_OBJECT_CLASS (scms_check_api_id_page_parent_class)->dispose (object);
}

static void
scms_check_api_id_page_finalize (GObject *object)
{
  ScmsCheckApiIdPage *self = SCMS_CHECK_API_ID_PAGE (object);

  g_clear_pointer (&self->api_id, g_free);
  g_clear_pointer (&self->linked_name, g_free);

  G_OBJECT_CLASS (scms_check_api_id_page_parent_class)->finalize (object);
}

static void
scms_check_api_id_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ScmsCheckApiIdPage *self = SCMS_CHECK_API_ID_PAGE (object);

  switch (prop_id)
    {
    case PROP_API_ID:
      g_value_set_string (value, self->api_id);
      break;

    case PROP_LINKED_NAME:
      g_value_set_string (value, self->linked_name);
      break;

    case PROP_CHECKED:
      g_value_set_boolean (value, self->checked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_check_api_id_page_class_init (ScmsCheckApiIdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_CHECK_COM_APIID);

  object_class->dispose = scms_check_api_id_page_dispose;
  object_class->finalize = scms_check_api_id_page_finalize;
  object_class->get_property = scms_check_api_id_page_get_property;

  page_class->reload = scms_check_api_id_page_reload;
  page_class->client_changed = client_changed;

  /**
   * ScmsCheckApiIdPage:api-id: (nullable)
   *
   * The API ID asked about, checked and trimmed.
   */
  properties[PROP_API_ID] =
    g_param_spec_string ("api-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsCheckApiIdPage:linked-name: (nullable)
   *
   * The account the API ID is linked to; %NULL when it is not linked.
   */
  properties[PROP_LINKED_NAME] =
    g_param_spec_string ("linked-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsCheckApiIdPage:checked:
   *
   * Whether the server answered for #ScmsCheckApiIdPage:api-id.
   */
  properties[PROP_CHECKED] =
    g_param_spec_boolean ("checked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Ctrl+L, from the window. */
  gtk_widget_class_install_action (widget_class, "page.focus-identifier", NULL,
                                   focus_identifier_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-check-api-id-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsCheckApiIdPage, box);
  gtk_widget_class_bind_template_child (widget_class, ScmsCheckApiIdPage, entry_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsCheckApiIdPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsCheckApiIdPage, answer_image);
  gtk_widget_class_bind_template_callback (widget_class, get_answer_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_answer_description_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
}

static void
scms_check_api_id_page_init (ScmsCheckApiIdPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->message_label, NULL,
                                  -1);

}

/**
 * scms_check_api_id_page_set_text:
 * @self: a #ScmsCheckApiIdPage
 * @text: (nullable): what to put in the API ID entry
 */
void
scms_check_api_id_page_set_text (ScmsCheckApiIdPage *self,
                                 const char         *text)
{
  g_return_if_fail (SCMS_IS_CHECK_API_ID_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), text ? text : "");
}

/**
 * scms_check_api_id_page_check:
 * @self: a #ScmsCheckApiIdPage
 *
 * Checks the API ID typed in and asks the server about it, or shows inline
 * why it cannot be checked and sends nothing.
 *
 * Returns: %TRUE if a request was started
 */
gboolean
scms_check_api_id_page_check (ScmsCheckApiIdPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (SCMS_IS_CHECK_API_ID_PAGE (self), FALSE);

  normalized = scms_identifier_normalize (SCMS_ID_KIND_API_ID,
                                          gtk_editable_get_text (GTK_EDITABLE (self->entry_row)),
                                          &error);
  if (normalized == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }

  show_message (self, NULL);

  if (scms_page_get_client (SCMS_PAGE (self)) == NULL)
    return FALSE;

  set_answer (self, normalized, NULL, FALSE);
  scms_page_reload (SCMS_PAGE (self));

  return TRUE;
}

/**
 * scms_check_api_id_page_get_message:
 * @self: a #ScmsCheckApiIdPage
 *
 * Returns: (nullable): the inline message under the entry, if any
 */
const char *
scms_check_api_id_page_get_message (ScmsCheckApiIdPage *self)
{
  g_return_val_if_fail (SCMS_IS_CHECK_API_ID_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;

  return gtk_label_get_label (self->message_label);
}

/**
 * scms_check_api_id_page_get_checked:
 * @self: a #ScmsCheckApiIdPage
 *
 * Returns: whether an answer is shown
 */
gboolean
scms_check_api_id_page_get_checked (ScmsCheckApiIdPage *self)
{
  g_return_val_if_fail (SCMS_IS_CHECK_API_ID_PAGE (self), FALSE);

  return self->checked;
}

/**
 * scms_check_api_id_page_get_linked_name:
 * @self: a #ScmsCheckApiIdPage
 *
 * Returns: (nullable): the linked account's name, or %NULL if not linked
 */
const char *
scms_check_api_id_page_get_linked_name (ScmsCheckApiIdPage *self)
{
  g_return_val_if_fail (SCMS_IS_CHECK_API_ID_PAGE (self), NULL);

  return self->linked_name;
}
