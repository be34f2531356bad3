/* scms-subscription-page.c
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

#include "scms-subscription-page.h"

struct _ScmsSubscriptionPage
{
  ScmsPage             parent_instance;

  ScmsSubscription    *subscription;
  GPtrArray           *rows;

  /* Template widgets */
  AdwPreferencesGroup *pages_group;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsSubscriptionPage, scms_subscription_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Subscription"),
                                                         "starred-symbolic"))

enum {
  PROP_0,
  PROP_SUBSCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages of the app (issue 3), in sidebar order, with the endpoint each
 * one needs; the list shows whether the plan allows them. */
static const struct
{
  const char   *title;
  ScmsEndpoint  endpoint;
} page_endpoints[] = {
  { N_("Members"), SCMS_ENDPOINT_GET_ACCOUNTS },
  { N_("Account"), SCMS_ENDPOINT_GET_COM_ACCOUNT },
  { N_("Account Ranks"), SCMS_ENDPOINT_GET_ACCOUNT_RANKS },
  { N_("Check API ID"), SCMS_ENDPOINT_CHECK_COM_APIID },
  { N_("Clock In/Out"), SCMS_ENDPOINT_CLOCK_IN_OUT },
  { N_("Game Servers"), SCMS_ENDPOINT_GET_GAME_SERVERS },
  { N_("Verify Whitelist"), SCMS_ENDPOINT_VERIFY_WHITELIST },
  { N_("Full Whitelist"), SCMS_ENDPOINT_FULL_WHITELIST },
  { N_("Departments"), SCMS_ENDPOINT_GET_DEPARTMENTS },
  { N_("Subscription"), SCMS_ENDPOINT_GET_SUB_VERSION },
};

static char *
get_plan_name_cb (gpointer          instance,
                  ScmsSubscription *subscription)
{
  if (subscription == NULL)
    return g_strdup ("");

  return g_strdup (scms_subscription_get_name (subscription));
}

static char *
get_plan_number_cb (gpointer          instance,
                    ScmsSubscription *subscription)
{
  if (subscription == NULL)
    return g_strdup ("");

  /* Translators: %d is the plan number the server reports, e.g. "Plan 4". */
  return g_strdup_printf (_("Plan %d"), scms_subscription_get_tier (subscription));
}

static void
update_rows (ScmsSubscriptionPage *self)
{
  g_assert (self->rows->len == G_N_ELEMENTS (page_endpoints));

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      GtkImage *image = g_object_get_data (G_OBJECT (row), "scms-allowed-image");
      ScmsTier minimum = scms_endpoint_get_min_tier (page_endpoints[i].endpoint);
      gboolean allowed;
      g_autofree char *subtitle = NULL;

      allowed = self->subscription != NULL
                && scms_subscription_allows (self->subscription, minimum);

      if (allowed)
        subtitle = g_strdup (_("Included in this plan"));
      else
        /* Translators: %s is the name of a plan, e.g. "Plus". */
        subtitle = g_strdup_printf (_("Needs the %s plan or higher"), scms_tier_get_name (minimum));

      adw_action_row_set_subtitle (row, subtitle);
      gtk_image_set_from_icon_name (image, allowed ? "emblem-ok-symbolic"
                                                   : "changes-prevent-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (image),
                                   allowed ? C_("plan feature", "Allowed")
                                           : C_("plan feature", "Not allowed"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      allowed ? C_("plan feature", "Allowed")
                                              : C_("plan feature", "Not allowed"),
                                      -1);

      if (allowed)
        {
          gtk_widget_add_css_class (GTK_WIDGET (image), "success");
          gtk_widget_remove_css_class (GTK_WIDGET (image), "dim-label");
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (image), "dim-label");
          gtk_widget_remove_css_class (GTK_WIDGET (image), "success");
        }
    }
}

static void
set_subscription (ScmsSubscriptionPage *self,
                  ScmsSubscription     *subscription)
{
  if (!g_set_object (&self->subscription, subscription))
    return;

  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBSCRIPTION]);
}

static void
get_sub_version_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScmsSubscriptionPage) self = user_data;
  g_autoptr(ScmsSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SCMS_IS_SUBSCRIPTION_PAGE (self));

  subscription = scms_client_get_sub_version_finish (SCMS_CLIENT (object), result, &error);

  if (subscription == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not load the subscription: %s", error->message);
      scms_page_show_error (SCMS_PAGE (self), error);
      return;
    }

  set_subscription (self, subscription);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_RESULTS);
}

static void
scms_subscription_page_reload (ScmsPage *page)
{
  ScmsSubscriptionPage *self = SCMS_SUBSCRIPTION_PAGE (page);
  GCancellable *cancellable;

  cancellable = scms_page_get_cancellable (page);
  scms_page_set_loading (page);

  scms_client_get_sub_version_async (scms_page_get_client (page),
                                     cancellable,
                                     get_sub_version_cb,
                                     g_object_ref (self));
}

static void
client_changed (ScmsPage *page)
{
  ScmsSubscriptionPage *self = SCMS_SUBSCRIPTION_PAGE (page);

  /* A plan belongs to one community: forget it when the client changes. */
  set_subscription (self, NULL);
}

static void
scms_subscription_page_dispose (GObject *object)
{
  ScmsSubscriptionPage *self = SCMS_SUBSCRIPTION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_SUBSCRIPTION_PAGE);

  g_clear_object (&self->subscription);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (scms_subscription_page_parent_class)->dispose (object);
}

static void
scms_subscription_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ScmsSubscriptionPage *self = SCMS_SUBSCRIPTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SUBSCRIPTION:
      g_value_set_object (value, scms_subscription_page_get_subscription (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_subscription_page_class_init (ScmsSubscriptionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  object_class->dispose = scms_subscription_page_dispose;
  object_class->get_property = scms_subscription_page_get_property;

  page_class->reload = scms_subscription_page_reload;
  page_class->client_changed = client_changed;

  /**
   * ScmsSubscriptionPage:subscription: (nullable)
   *
   * The plan of the community, once loaded.
   */
  properties[PROP_SUBSCRIPTION] =
    g_param_spec_object ("subscription", NULL, NULL,
                         SCMS_TYPE_SUBSCRIPTION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-subscription-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsSubscriptionPage, pages_group);
  gtk_widget_class_bind_template_callback (widget_class, get_plan_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_plan_number_cb);

  g_type_ensure (SCMS_TYPE_SUBSCRIPTION);
}

static void
scms_subscription_page_init (ScmsSubscriptionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One row per page of the app; the table above is the data, so the rows
   * are made here rather than repeated ten times in the template. */
  self->rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (page_endpoints); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *image = gtk_image_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(page_endpoints[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
      g_object_set_data (G_OBJECT (row), "scms-allowed-image", image);
      adw_preferences_group_add (self->pages_group, row);
      g_ptr_array_add (self->rows, row);
    }

  update_rows (self);

}

/**
 * scms_subscription_page_get_subscription:
 * @self: a #ScmsSubscriptionPage
 *
 * Returns: (transfer none) (nullable): the plan, once loaded
 */
ScmsSubscription *
scms_subscription_page_get_subscription (ScmsSubscriptionPage *self)
{
  g_return_val_if_fail (SCMS_IS_SUBSCRIPTION_PAGE (self), NULL);

  return self->subscription;
}
