/* scms-account-ranks-page.c
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

#include "scms-account-ranks-page.h"
#include "scms-util.h"

/*
 * A member's ranks by name (GET_ACCOUNT_RANKS, resolved through the cached
 * departments by the client), in a column view with the rank ID for those
 * who need it.
 */

struct _ScmsAccountRanksPage
{
  ScmsPage          parent_instance;

  ScmsIdKind        kind;
  char             *identifier;

  /* Template widgets */
  GtkWidget        *box;
  ScmsMemberFinder *finder;
  GListStore       *ranks;
  GtkColumnView    *column_view;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsAccountRanksPage, scms_account_ranks_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Account Ranks"),
                                                         "view-list-bullet-symbolic"))

enum {
  PROP_0,
  PROP_SUBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_rank_label_cb (gpointer  instance,
                   ScmsRank *rank)
{
  if (rank == NULL)
    return NULL;

  if (!scms_rank_is_resolved (rank))
    return g_strdup (_("Unknown rank"));

  return g_strdup (scms_rank_get_label (rank));
}

static char *
get_department_label_cb (gpointer  instance,
                         ScmsRank *rank)
{
  const char *label;
  const char *short_label;

  if (rank == NULL || !scms_rank_is_resolved (rank))
    return g_strdup ("");

  label = scms_rank_get_department_label (rank);
  short_label = scms_rank_get_department_short (rank);

  if (short_label == NULL || *short_label == '\0')
    return g_strdup (label ? label : "");

  if (label == NULL || *label == '\0')
    return g_strdup (short_label);

  /* Translators: a department's name and its short name, e.g.
   * "Copper Basin Police Department (CBPD)". */
  return g_strdup_printf (_("%s (%s)"), label, short_label);
}

static GVariant *
get_rank_id_target_cb (gpointer  instance,
                       ScmsRank *rank)
{
  const char *id = rank != NULL ? scms_rank_get_id (rank) : NULL;

  return g_variant_ref_sink (g_variant_new_string (id ? id : ""));
}

/* Who was looked up, in whole sentences for each kind of identifier (a
 * kind's name put into a sentence cannot be translated into languages
 * that inflect it), the identifier quoted: a username may have spaces. */
static const char * const results_titles[SCMS_N_ID_KINDS] = {
  /* Translators: the heading of a member's ranks; %s is the identifier */
  [SCMS_ID_KIND_API_ID] = N_("Ranks of the member with API ID “%s”"),
  /* Translators: the heading of a member's ranks; %s is the identifier */
  [SCMS_ID_KIND_USERNAME] = N_("Ranks of the member with username “%s”"),
  /* Translators: the heading of a member's ranks; %s is the identifier */
  [SCMS_ID_KIND_ACC_ID] = N_("Ranks of the member with account ID “%s”"),
  /* Translators: the heading of a member's ranks; %s is the identifier */
  [SCMS_ID_KIND_DISCORD] = N_("Ranks of the member with Discord ID “%s”"),
  /* Translators: the heading of a member's ranks; %s is the identifier */
  [SCMS_ID_KIND_UNIQUE_ID] = N_("Ranks of the member with unique ID “%s”"),
};

static const char * const no_ranks_descriptions[SCMS_N_ID_KINDS] = {
  /* Translators: %s is the identifier looked up */
  [SCMS_ID_KIND_API_ID] = N_("The member with API ID “%s” holds no rank in the community."),
  /* Translators: %s is the identifier looked up */
  [SCMS_ID_KIND_USERNAME] = N_("The member with username “%s” holds no rank in the community."),
  /* Translators: %s is the identifier looked up */
  [SCMS_ID_KIND_ACC_ID] = N_("The member with account ID “%s” holds no rank in the community."),
  /* Translators: %s is the identifier looked up */
  [SCMS_ID_KIND_DISCORD] = N_("The member with Discord ID “%s” holds no rank in the community."),
  /* Translators: %s is the identifier looked up */
  [SCMS_ID_KIND_UNIQUE_ID] = N_("The member with unique ID “%s” holds no rank in the community."),
};

/* The formats come from the tables above, translated. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
describe (const char * const  *sentences,
          ScmsIdKind           kind,
          const char          *identifier)
{
  return g_strdup_printf (_(sentences[kind]), identifier);
}
#pragma GCC diagnostic pop

static char *
get_empty_title_cb (ScmsAccountRanksPage *self,
                    const char           *subject)
{
  return g_strdup (subject != NULL ? _("No Ranks") : _("Look Up a Member"));
}

static char *
get_empty_description_cb (ScmsAccountRanksPage *self,
                          const char           *subject)
{
  g_autofree char *escaped = NULL;

  if (subject == NULL || self->identifier == NULL)
    return g_strdup (_("Find a member by one of their identifiers to see their ranks."));

  /* A description is markup, and a username may hold a "<" or "&". */
  escaped = g_markup_escape_text (self->identifier, -1);

  return describe (no_ranks_descriptions, self->kind, escaped);
}

static char *
get_results_title_cb (ScmsAccountRanksPage *self,
                      const char           *subject)
{
  return g_strdup (subject);
}

/* Who was looked up, in words: "Ranks of the member with API ID “4302…”". */
static char *
dup_subject (ScmsAccountRanksPage *self)
{
  if (self->identifier == NULL)
    return NULL;

  return describe (results_titles, self->kind, self->identifier);
}

static void
set_searched (ScmsAccountRanksPage *self,
              ScmsIdKind            kind,
              const char           *identifier)
{
  if (self->kind == kind && g_strcmp0 (self->identifier, identifier) == 0)
    return;

  self->kind = kind;
  g_free (self->identifier);
  self->identifier = g_strdup (identifier);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

static void
get_account_ranks_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ScmsAccountRanksPage) self = user_data;
  g_autoptr(GListModel) ranks = NULL;
  g_autoptr(GError) error = NULL;
  guint n_ranks;

  g_assert (SCMS_IS_ACCOUNT_RANKS_PAGE (self));

  ranks = scms_client_get_account_ranks_finish (SCMS_CLIENT (object), result, &error);

  if (ranks == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not load the ranks: %s", error->message);

      if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND))
        scms_page_show_no_member (SCMS_PAGE (self), error);
      else
        scms_page_show_failure (SCMS_PAGE (self), error, _("Could Not Look Up the Member"));
      return;
    }

  n_ranks = g_list_model_get_n_items (ranks);
  g_list_store_remove_all (self->ranks);

  for (guint i = 0; i < n_ranks; i++)
    {
      g_autoptr(ScmsRank) rank = g_list_model_get_item (ranks, i);

      g_list_store_append (self->ranks, rank);
    }

  scms_page_set_state (SCMS_PAGE (self),
                       n_ranks > 0 ? SCMS_PAGE_STATE_RESULTS : SCMS_PAGE_STATE_EMPTY);
}

static void
scms_account_ranks_page_reload (ScmsPage *page)
{
  ScmsAccountRanksPage *self = SCMS_ACCOUNT_RANKS_PAGE (page);
  GCancellable *cancellable;

  cancellable = scms_page_get_cancellable (page);

  if (self->identifier == NULL)
    {
      scms_page_set_state (page, SCMS_PAGE_STATE_EMPTY);
      return;
    }

  scms_page_set_state (page, SCMS_PAGE_STATE_LOADING);

  scms_client_get_account_ranks_async (scms_page_get_client (page),
                                       self->kind,
                                       self->identifier,
                                       cancellable,
                                       get_account_ranks_cb,
                                       g_object_ref (self));
}

static void
search_cb (ScmsAccountRanksPage *self,
           ScmsIdKind            kind,
           const char           *identifier)
{
  set_searched (self, kind, identifier);
  scms_page_reload (SCMS_PAGE (self));
}

static void
client_changed (ScmsPage *page)
{
  ScmsAccountRanksPage *self = SCMS_ACCOUNT_RANKS_PAGE (page);

  /* A member belongs to one community: start over with another one. */
  scms_page_cancel (SCMS_PAGE (self));
  g_list_store_remove_all (self->ranks);
  set_searched (self, SCMS_ID_KIND_API_ID, NULL);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_EMPTY);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  const char *text = g_variant_get_string (param, NULL);

  if (*text == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  scms_page_add_toast (SCMS_PAGE (widget), scms_toast_new (_("Copied")));
}

static void
focus_identifier_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  scms_member_finder_focus_entry (SCMS_ACCOUNT_RANKS_PAGE (widget)->finder);
}

static void
scms_account_ranks_page_dispose (GObject *object)
{
  ScmsAccountRanksPage *self = SCMS_ACCOUNT_RANKS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_ACCOUNT_RANKS_PAGE);

  G_OBJECT_CLASS (scms_account_ranks_page_parent_class)->dispose (object);
}

static void
scms_account_ranks_page_finalize (GObject *object)
{
  ScmsAccountRanksPage *self = SCMS_ACCOUNT_RANKS_PAGE (object);

  g_clear_pointer (&self->identifier, g_free);

  G_OBJECT_CLASS (scms_account_ranks_page_parent_class)->finalize (object);
}

static void
scms_account_ranks_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ScmsAccountRanksPage *self = SCMS_ACCOUNT_RANKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SUBJECT:
      g_value_take_string (value, dup_subject (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_account_ranks_page_class_init (ScmsAccountRanksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_GET_ACCOUNT_RANKS);

  object_class->dispose = scms_account_ranks_page_dispose;
  object_class->finalize = scms_account_ranks_page_finalize;
  object_class->get_property = scms_account_ranks_page_get_property;

  page_class->reload = scms_account_ranks_page_reload;
  page_class->client_changed = client_changed;

  /**
   * ScmsAccountRanksPage:subject:
   *
   * Whose ranks are shown, in words ("Ranks of the member with API ID
   * “430291437292752760”"), or %NULL before anyone was looked up: the
   * reply names no one.
   */
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.copy", "s", copy_action);
  /* Ctrl+L, from the window. */
  gtk_widget_class_install_action (widget_class, "page.focus-identifier", NULL,
                                   focus_identifier_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-account-ranks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountRanksPage, box);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountRanksPage, finder);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountRanksPage, ranks);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountRanksPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, get_rank_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_department_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_rank_id_target_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_empty_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_empty_description_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_results_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_cb);

  g_type_ensure (SCMS_TYPE_MEMBER_FINDER);
  g_type_ensure (SCMS_TYPE_RANK);
}

static void
scms_account_ranks_page_init (ScmsAccountRanksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

}

/**
 * scms_account_ranks_page_get_finder:
 * @self: a #ScmsAccountRanksPage
 *
 * Returns: (transfer none): the form that picks the member
 */
ScmsMemberFinder *
scms_account_ranks_page_get_finder (ScmsAccountRanksPage *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_RANKS_PAGE (self), NULL);

  return self->finder;
}

/**
 * scms_account_ranks_page_get_ranks:
 * @self: a #ScmsAccountRanksPage
 *
 * Returns: (transfer none): the #ScmsRank items shown, in reply order
 */
GListModel *
scms_account_ranks_page_get_ranks (ScmsAccountRanksPage *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_RANKS_PAGE (self), NULL);

  return G_LIST_MODEL (self->ranks);
}
