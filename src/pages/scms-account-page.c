/* scms-account-page.c
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

#include "scms-account-page.h"
#include "scms-account-view.h"
#include "scms-member-finder.h"

/*
 * The Account page (GET_COM_ACCOUNT): find a member by one of the five
 * keys and show them in an #ScmsAccountView. Before the first look-up the
 * page is in its empty state; "reload" repeats the last look-up.
 */

struct _ScmsAccountPage
{
  ScmsPage          parent_instance;

  ScmsIdKind        kind;
  char             *identifier;

  /* Template widgets */
  GtkWidget        *root_box;
  ScmsMemberFinder *finder;
  ScmsAccountView  *account_view;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsAccountPage, scms_account_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Account"),
                                                         "avatar-default-symbolic"))

static void
get_com_account_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScmsAccountPage) self = user_data;
  g_autoptr(ScmsAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SCMS_IS_ACCOUNT_PAGE (self));

  account = scms_client_get_com_account_finish (SCMS_CLIENT (object), result, &error);

  if (account == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not look up the member: %s", error->message);

      if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND))
        scms_page_show_no_member (SCMS_PAGE (self), error);
      else
        scms_page_show_failure (SCMS_PAGE (self), error, _("Could Not Look Up the Member"));
      return;
    }

  scms_account_view_set_account (self->account_view, account);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_RESULTS);
}

static void
scms_account_page_reload (ScmsPage *page)
{
  ScmsAccountPage *self = SCMS_ACCOUNT_PAGE (page);
  GCancellable *cancellable;

  if (self->identifier == NULL)
    {
      scms_page_set_state (page, SCMS_PAGE_STATE_EMPTY);
      return;
    }

  cancellable = scms_page_get_cancellable (page);
  scms_page_set_state (page, SCMS_PAGE_STATE_LOADING);

  scms_client_get_com_account_async (scms_page_get_client (page),
                                     self->kind,
                                     self->identifier,
                                     cancellable,
                                     get_com_account_cb,
                                     g_object_ref (self));
}

static void
search_cb (ScmsAccountPage *self,
           ScmsIdKind       kind,
           const char      *identifier)
{
  scms_account_page_look_up (self, kind, identifier);
}

static void
client_changed (ScmsPage *page)
{
  ScmsAccountPage *self = SCMS_ACCOUNT_PAGE (page);

  /* A member belongs to one community: forget the look-up. */
  g_clear_pointer (&self->identifier, g_free);
  scms_account_view_set_account (self->account_view, NULL);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_EMPTY);
}

static void
focus_identifier_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  ScmsAccountPage *self = SCMS_ACCOUNT_PAGE (widget);

  scms_member_finder_focus_entry (self->finder);
}

static void
scms_account_page_dispose (GObject *object)
{
  ScmsAccountPage *self = SCMS_ACCOUNT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_ACCOUNT_PAGE);

  G_OBJECT_CLASS (scms_account_page_parent_class)->dispose (object);
}

static void
scms_account_page_finalize (GObject *object)
{
  ScmsAccountPage *self = SCMS_ACCOUNT_PAGE (object);

  g_clear_pointer (&self->identifier, g_free);

  G_OBJECT_CLASS (scms_account_page_parent_class)->finalize (object);
}

static void
scms_account_page_class_init (ScmsAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_GET_COM_ACCOUNT);

  object_class->dispose = scms_account_page_dispose;
  object_class->finalize = scms_account_page_finalize;

  page_class->reload = scms_account_page_reload;
  page_class->client_changed = client_changed;

  /* Ctrl+L, from the window. */
  gtk_widget_class_install_action (widget_class, "page.focus-identifier", NULL,
                                   focus_identifier_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountPage, root_box);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountPage, finder);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountPage, account_view);
  gtk_widget_class_bind_template_callback (widget_class, search_cb);

  g_type_ensure (SCMS_TYPE_MEMBER_FINDER);
  g_type_ensure (SCMS_TYPE_ACCOUNT_VIEW);
}

static void
scms_account_page_init (ScmsAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

}

/**
 * scms_account_page_look_up:
 * @self: a #ScmsAccountPage
 * @kind: which key @identifier is
 * @identifier: the identifier, already checked
 *
 * Shows the member @identifier names, filling in the form so the look-up
 * can be read and repeated; other pages use this to open a member.
 */
void
scms_account_page_look_up (ScmsAccountPage *self,
                           ScmsIdKind       kind,
                           const char      *identifier)
{
  g_return_if_fail (SCMS_IS_ACCOUNT_PAGE (self));
  g_return_if_fail ((guint) kind < SCMS_N_ID_KINDS);
  g_return_if_fail (identifier != NULL);

  if (scms_member_finder_get_kind (self->finder) != kind)
    scms_member_finder_set_kind (self->finder, kind);
  if (g_strcmp0 (scms_member_finder_get_text (self->finder), identifier) != 0)
    scms_member_finder_set_text (self->finder, identifier);

  self->kind = kind;
  g_free (self->identifier);
  self->identifier = g_strdup (identifier);

  scms_page_reload (SCMS_PAGE (self));
}

/**
 * scms_account_page_get_account:
 * @self: a #ScmsAccountPage
 *
 * Returns: (transfer none) (nullable): the member shown
 */
ScmsAccount *
scms_account_page_get_account (ScmsAccountPage *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_PAGE (self), NULL);

  return scms_account_view_get_account (self->account_view);
}
