/* scms-members-page.c
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

#include "scms-account-view.h"
#include "scms-member-row.h"
#include "scms-members-page.h"
#include "scms-util.h"

/*
 * The Members page (GET_ACCOUNTS): the community's members a page of
 * MEMBERS_PAGE_SIZE at a time, more loaded as the list is scrolled near its
 * end (one page load at a time), filtered by status on the server and by
 * text over what is loaded. Selecting a member shows their account below
 * the list in an #ScmsAccountView.
 */

#define MEMBERS_PAGE_SIZE 100

/* The states this page seldom shows, built when first shown. */
#define STATES_UI RESOURCE_BASE "/ui/scms-members-page-states.ui"

struct _ScmsMembersPage
{
  ScmsPage             parent_instance;

  GHashTable          *acc_ids;   /* acc ID → the ScmsAccountSummary listed */
  ScmsMemberFilter     filter;
  guint                total;
  guint                skip;
  guint                serial;
  guint                loading_more : 1;
  guint                detail_needs_reload : 1;

  char                *detail_acc_id;
  GCancellable        *detail_cancellable;

  /* Template widgets */
  GtkWidget           *root_box;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkLabel            *count_label;
  GtkPaned            *paned;
  GtkStack            *results_stack;
  GtkScrolledWindow   *scrolled_window;
  GtkListView         *list_view;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkStringFilter     *string_filter;
  GListStore          *members;
  AdwBin              *no_match_slot;
  AdwBin              *empty_slot;
  AdwBin              *error_slot;
  AdwStatusPage       *no_match_page;  /* built when first shown */
  GtkWidget           *detail_box;
  GtkStack            *detail_stack;
  AdwBin              *detail_error_slot;
  AdwStatusPage       *detail_error;  /* built when first shown */
  char                *detail_error_description;
  GtkScrolledWindow   *account_scrolled;
  AdwClamp            *account_clamp;
  ScmsAccountView     *account_view;  /* built when first needed */
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsMembersPage, scms_members_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Members"),
                                                         "system-users-symbolic"))

typedef struct
{
  ScmsMembersPage *self;
  guint            serial;
  guint            skip;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

/* Template closures */

static char *
search_text_cb (gpointer            instance,
                const char         *display_name,
                const char         *acc_name,
                const char * const *api_ids)
{
  g_autoptr(GString) text = g_string_new (display_name);
  g_autofree char *joined = NULL;

  if (acc_name != NULL)
    g_string_append_printf (text, "\n%s", acc_name);

  if (api_ids != NULL)
    {
      joined = g_strjoinv ("\n", (char **) api_ids);
      g_string_append_printf (text, "\n%s", joined);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
account_name_cb (gpointer    instance,
                 const char *acc_name,
                 const char *com_name)
{
  /* Without a community name the account name is the title already. */
  if (com_name == NULL || com_name[0] == '\0' || acc_name == NULL)
    return g_strdup ("");

  return g_strdup (acc_name);
}

static gboolean
has_text_cb (gpointer    instance,
             const char *text)
{
  return text != NULL && text[0] != '\0';
}

static char *
api_ids_text_cb (gpointer            instance,
                 const char * const *api_ids)
{
  if (api_ids == NULL || api_ids[0] == NULL)
    return g_strdup (_("No API IDs"));

  return g_strjoinv (", ", (char **) api_ids);
}

static char *
status_label_cb (gpointer         instance,
                 ScmsMemberStatus status)
{
  return g_strdup (scms_member_status_get_label (status));
}

static char **
status_classes_cb (gpointer         instance,
                   ScmsMemberStatus status)
{
  static const char * const names[] = {
    [SCMS_MEMBER_STATUS_ACTIVE] = "active",
    [SCMS_MEMBER_STATUS_PENDING] = "pending",
    [SCMS_MEMBER_STATUS_BANNED] = "banned",
    [SCMS_MEMBER_STATUS_ARCHIVED] = "archived",
    [SCMS_MEMBER_STATUS_OWNER] = "owner",
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "status-badge");
  if ((guint) status < G_N_ELEMENTS (names))
    g_strv_builder_add (builder, names[status]);

  return g_strv_builder_end (builder);
}

/* Count */

static void
update_count (ScmsMembersPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n_loaded = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (scms_page_get_state (SCMS_PAGE (self)) != SCMS_PAGE_STATE_RESULTS)
    text = g_strdup ("");
  else if (search != NULL && search[0] != '\0')
    /* Translators: matches of a search among the members loaded so far,
     * e.g. "3 of 100 loaded". */
    text = g_strdup_printf (_("%u of %u loaded"), n_shown, n_loaded);
  else
    text = g_strdup_printf (ngettext ("%u member", "%u members", self->total), self->total);

  gtk_label_set_label (self->count_label, text);
}

/* Whether the search found no one among the members loaded. */
static gboolean
is_no_match (ScmsMembersPage *self)
{
  const char *search = gtk_string_filter_get_search (self->string_filter);
  guint n_loaded = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  return search != NULL && search[0] != '\0' && n_loaded > 0 && n_shown == 0;
}

/* Only what is loaded is searched, and more loads as the list is scrolled:
 * an empty list cannot be scrolled. */
static void
update_no_match_description (ScmsMembersPage *self)
{
  guint n_loaded = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  if (self->no_match_page == NULL || !is_no_match (self))
    return;

  if (n_loaded < self->total)
    adw_status_page_set_description (self->no_match_page,
                                     _("No member loaded so far has this name or API ID. "
                                       "Clear the search and scroll the list to load more "
                                       "members."));
  else
    adw_status_page_set_description (self->no_match_page,
                                     _("No member has this name or API ID."));
}

static void
detail_error_built_cb (ScmsPage  *page,
                       GtkWidget *detail_error)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (page);

  self->detail_error = ADW_STATUS_PAGE (detail_error);
  adw_status_page_set_description (self->detail_error, self->detail_error_description);
}

static void
no_match_page_built_cb (ScmsPage  *page,
                        GtkWidget *no_match_page)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (page);

  self->no_match_page = ADW_STATUS_PAGE (no_match_page);
  update_no_match_description (self);
}

/* An empty list under a search looks like a page that failed to draw: say
 * that the search found no one, and whether more members could match. */
static void
update_no_match (ScmsMembersPage *self)
{
  update_no_match_description (self);
  gtk_stack_set_visible_child_name (self->results_stack, is_no_match (self) ? "no-match" : "list");
}

static void
shown_changed_cb (ScmsMembersPage *self)
{
  update_count (self);
  update_no_match (self);
}

static void close_account (ScmsMembersPage *self);

/* Whether the member opened below the list is one the search hides: the
 * filter asked about them alone, not the list walked. A member opened by
 * ID who is not loaded is not in the list to hide. */
static gboolean
detail_hidden_by_search (ScmsMembersPage *self)
{
  ScmsAccountSummary *summary;

  if (self->detail_acc_id == NULL)
    return FALSE;

  summary = g_hash_table_lookup (self->acc_ids, self->detail_acc_id);

  return summary != NULL && !gtk_filter_match (GTK_FILTER (self->string_filter), summary);
}

static void
search_changed_cb (ScmsMembersPage *self)
{
  gtk_string_filter_set_search (self->string_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_count (self);
  update_no_match (self);

  /* The selection drops a member the search hides; the pane below would
   * go on showing them under a list that no longer does. */
  if (detail_hidden_by_search (self))
    close_account (self);
}

static void
stop_search_cb (ScmsMembersPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* The entry keeps Escape: the first clears the search, the next closes
   * the account pane as Escape does elsewhere on the page. */
  if (search[0] == '\0' && gtk_widget_get_visible (self->detail_box))
    gtk_widget_activate_action (GTK_WIDGET (self), "page.close-account", NULL);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Paging */

static void load_page     (ScmsMembersPage *self,
                           guint            skip);
static void clear_members (ScmsMembersPage *self);

static void
get_accounts_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  ScmsMembersPage *self = data->self;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  guint total = 0;
  guint n_items;
  gboolean first_page;

  accounts = scms_client_get_accounts_finish (SCMS_CLIENT (object), result, &total, &error);

  /* A later load (a new filter, a reload) has taken over. */
  if (data->serial != self->serial)
    return;

  first_page = data->skip == 0;
  self->loading_more = FALSE;

  if (accounts == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not load members: %s", error->message);

      if (first_page)
        {
          scms_page_show_error (SCMS_PAGE (self), error);
        }
      else
        {
          g_autofree char *message = NULL;

          /* Translators: %s says why, e.g. "The server could not be reached." */
          message = g_strdup_printf (_("Could not load more members. %s"), error->message);
          scms_page_add_toast (SCMS_PAGE (self), scms_toast_new (message));
        }
      return;
    }

  /* A reload kept the list shown until now (see reload()). */
  if (first_page)
    clear_members (self);

  n_items = g_list_model_get_n_items (accounts);
  fresh = g_ptr_array_new_with_free_func (g_object_unref);

  /* Members joining or leaving between two pages shift the pages: skip
   * anyone already listed. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ScmsAccountSummary) summary = g_list_model_get_item (accounts, i);
      const char *acc_id = scms_account_summary_get_acc_id (summary);

      if (acc_id == NULL || g_hash_table_contains (self->acc_ids, acc_id))
        continue;

      g_hash_table_insert (self->acc_ids, g_strdup (acc_id), g_object_ref (summary));
      g_ptr_array_add (fresh, g_steal_pointer (&summary));
    }

  g_list_store_splice (self->members,
                       g_list_model_get_n_items (G_LIST_MODEL (self->members)), 0,
                       fresh->pdata, fresh->len);

  self->skip += n_items;
  self->total = MAX (total, g_list_model_get_n_items (G_LIST_MODEL (self->members)));

  /* A short page means the server has no more, whatever the total said. */
  if (n_items < MEMBERS_PAGE_SIZE)
    self->total = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  /* Later pages only add to the results (which may still be those a
   * failed reload kept, with its notice). */
  if (first_page)
    scms_page_set_state (SCMS_PAGE (self),
                         g_list_model_get_n_items (G_LIST_MODEL (self->members)) > 0
                         ? SCMS_PAGE_STATE_RESULTS : SCMS_PAGE_STATE_EMPTY);

  update_count (self);
  /* Whether more could match depends on the total. */
  update_no_match (self);
}

static void
load_page (ScmsMembersPage *self,
           guint            skip)
{
  LoadData *data;

  self->loading_more = TRUE;

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->serial = ++self->serial;
  data->skip = skip;

  scms_client_get_accounts_async (scms_page_get_client (SCMS_PAGE (self)),
                                  skip,
                                  MEMBERS_PAGE_SIZE,
                                  self->filter,
                                  scms_page_get_cancellable (SCMS_PAGE (self)),
                                  get_accounts_cb,
                                  data);
}

static void
clear_members (ScmsMembersPage *self)
{
  g_list_store_remove_all (self->members);
  g_hash_table_remove_all (self->acc_ids);
  self->skip = 0;
  self->total = 0;
  self->loading_more = FALSE;
}

static void
scms_members_page_reload (ScmsPage *page)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (page);

  /* The members shown stay until the first page replaces them, or a
   * notice says they could not be reloaded. */
  scms_page_set_loading (page);
  if (!scms_page_get_refreshing (page))
    clear_members (self);
  update_count (self);
  load_page (self, 0);
}

static gboolean
near_end (ScmsMembersPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double value = gtk_adjustment_get_value (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  /* Within one screenful of the end. */
  return value + 2 * page_size >= upper;
}

static void
edge_reached_cb (ScmsMembersPage *self,
                 GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    scms_members_page_load_more (self);
}

static void
scrolled_cb (ScmsMembersPage *self)
{
  if (near_end (self))
    scms_members_page_load_more (self);
}

static void
status_changed_cb (ScmsMembersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected > SCMS_MEMBER_FILTER_ARCHIVED)
    selected = SCMS_MEMBER_FILTER_ALL;

  scms_members_page_set_filter (self, (ScmsMemberFilter) selected);
}

/* The account below the list */

/* The account pane, built the first time an account is shown: it stays
 * hidden until a member is opened, and a visit to the page may open none. */
static ScmsAccountView *
ensure_account_view (ScmsMembersPage *self)
{
  if (self->account_view == NULL)
    {
      self->account_view = g_object_new (SCMS_TYPE_ACCOUNT_VIEW,
                                         "margin-top", 12,
                                         "margin-bottom", 24,
                                         "margin-start", 12,
                                         "margin-end", 12,
                                         NULL);
      g_object_bind_property (self, "client", self->account_view, "client",
                              G_BINDING_SYNC_CREATE);
      adw_clamp_set_child (self->account_clamp, GTK_WIDGET (self->account_view));
    }

  return self->account_view;
}

static void
get_com_account_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScmsMembersPage) self = user_data;
  g_autoptr(ScmsAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = scms_client_get_com_account_finish (SCMS_CLIENT (object), result, &error);

  if (account == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not load the account: %s", error->message);
      g_free (self->detail_error_description);
      self->detail_error_description = g_markup_escape_text (error->message, -1);
      if (self->detail_error != NULL)
        adw_status_page_set_description (self->detail_error, self->detail_error_description);
      gtk_stack_set_visible_child_name (self->detail_stack, "error");
      return;
    }

  scms_account_view_set_account (ensure_account_view (self), account);
  /* A member opened starts at their name, not where the last one was
   * scrolled to. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->account_scrolled), 0);
  gtk_stack_set_visible_child_name (self->detail_stack, "account");
}

/* Escape closes the pane through this action; with nothing to close, the
 * key is left to the rest of the window. */
static void
update_close_action (ScmsMembersPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.close-account",
                                 gtk_widget_get_visible (self->detail_box));
}

static void
load_detail (ScmsMembersPage *self)
{
  ScmsClient *client = scms_page_get_client (SCMS_PAGE (self));

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  self->detail_needs_reload = FALSE;

  if (client == NULL || self->detail_acc_id == NULL)
    return;

  self->detail_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->detail_box, TRUE);
  update_close_action (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "loading");

  scms_client_get_com_account_async (client,
                                     SCMS_ID_KIND_ACC_ID,
                                     self->detail_acc_id,
                                     self->detail_cancellable,
                                     get_com_account_cb,
                                     g_object_ref (self));
}

static void
close_detail (ScmsMembersPage *self)
{
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_pointer (&self->detail_acc_id, g_free);
  g_clear_pointer (&self->detail_error_description, g_free);
  self->detail_needs_reload = FALSE;

  if (self->account_view != NULL)
    scms_account_view_set_account (self->account_view, NULL);
  gtk_widget_set_visible (self->detail_box, FALSE);
  update_close_action (self);
}

static void
open_summary (ScmsMembersPage    *self,
              ScmsAccountSummary *summary)
{
  if (summary == NULL)
    return;

  scms_members_page_open_member (self, scms_account_summary_get_acc_id (summary));
}

static void
selected_item_cb (ScmsMembersPage *self)
{
  open_summary (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
list_activate_cb (ScmsMembersPage *self,
                  guint            position)
{
  g_autoptr(ScmsAccountSummary) summary = NULL;

  summary = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  open_summary (self, summary);
}

/* Closes the pane and lets go of the member in the list, so that clicking
 * them opens them again. */
static void
close_account (ScmsMembersPage *self)
{
  /* Not gtk_selection_model_unselect_all (): GtkSingleSelection 4.8 does
   * not implement it, and the member stayed selected. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  close_detail (self);
}

static void
close_account_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  close_account (SCMS_MEMBERS_PAGE (widget));
}

static void
retry_account_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  load_detail (SCMS_MEMBERS_PAGE (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
client_changed (ScmsPage *page)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (page);

  /* Members belong to one community. */
  clear_members (self);
  close_detail (self);
  update_count (self);
}

static void
scms_members_page_map (GtkWidget *widget)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (widget);

  GTK_WIDGET_CLASS (scms_members_page_parent_class)->map (widget);

  if (self->detail_needs_reload)
    load_detail (self);
}

static void
scms_members_page_unmap (GtkWidget *widget)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (widget);

  /* Leaving the page cancels the account being fetched; it is fetched
   * again when the page comes back. */
  if (self->detail_cancellable != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "loading") == 0)
    {
      g_cancellable_cancel (self->detail_cancellable);
      g_clear_object (&self->detail_cancellable);
      self->detail_needs_reload = TRUE;
    }

  GTK_WIDGET_CLASS (scms_members_page_parent_class)->unmap (widget);
}

static void
scms_members_page_dispose (GObject *object)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (object);

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  self->account_view = NULL;
  self->no_match_page = NULL;
  self->detail_error = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_MEMBERS_PAGE);

  G_OBJECT_CLASS (scms_members_page_parent_class)->dispose (object);
}

static void
scms_members_page_finalize (GObject *object)
{
  ScmsMembersPage *self = SCMS_MEMBERS_PAGE (object);

  g_clear_pointer (&self->acc_ids, g_hash_table_unref);
  g_clear_pointer (&self->detail_acc_id, g_free);
  g_clear_pointer (&self->detail_error_description, g_free);

  G_OBJECT_CLASS (scms_members_page_parent_class)->finalize (object);
}

static void
scms_members_page_class_init (ScmsMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_GET_ACCOUNTS);

  object_class->dispose = scms_members_page_dispose;
  object_class->finalize = scms_members_page_finalize;

  widget_class->map = scms_members_page_map;
  widget_class->unmap = scms_members_page_unmap;

  page_class->reload = scms_members_page_reload;
  page_class->client_changed = client_changed;

  gtk_widget_class_install_action (widget_class, "page.close-account", NULL,
                                   close_account_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "page.close-account", NULL);
  gtk_widget_class_install_action (widget_class, "page.retry-account", NULL,
                                   retry_account_action);
  /* Ctrl+F, from the window. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, focus_search_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, root_box);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, paned);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, string_filter);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, members);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, no_match_slot);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, empty_slot);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, error_slot);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, detail_error_slot);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, account_scrolled);
  gtk_widget_class_bind_template_child (widget_class, ScmsMembersPage, account_clamp);
  gtk_widget_class_bind_template_callback (widget_class, search_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, api_ids_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  g_type_ensure (G_TYPE_LIST_STORE);
  g_type_ensure (SCMS_TYPE_ACCOUNT_SUMMARY);
  g_type_ensure (SCMS_TYPE_MEMBER_ROW);
}

static void
scms_members_page_init (ScmsMembersPage *self)
{
  self->acc_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  update_close_action (self);

  scms_page_build_when_shown (SCMS_PAGE (self), self->no_match_slot, STATES_UI, "no_match_page",
                              no_match_page_built_cb);
  scms_page_build_when_shown (SCMS_PAGE (self), self->empty_slot, STATES_UI, "empty_page", NULL);
  scms_page_build_when_shown (SCMS_PAGE (self), self->error_slot, STATES_UI, "error_page", NULL);
  scms_page_build_when_shown (SCMS_PAGE (self), self->detail_error_slot, STATES_UI, "detail_error",
                              detail_error_built_cb);

  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window),
                           "value-changed", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::state", G_CALLBACK (update_count), NULL);
}

/**
 * scms_members_page_get_members:
 * @self: a #ScmsMembersPage
 *
 * Returns: (transfer none): the #ScmsAccountSummary items loaded so far
 */
GListModel *
scms_members_page_get_members (ScmsMembersPage *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->members);
}

/**
 * scms_members_page_get_shown:
 * @self: a #ScmsMembersPage
 *
 * Returns: (transfer none): the members the search lets through
 */
GListModel *
scms_members_page_get_shown (ScmsMembersPage *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

/**
 * scms_members_page_get_total:
 * @self: a #ScmsMembersPage
 *
 * Returns: how many members match the status filter on the server
 */
guint
scms_members_page_get_total (ScmsMembersPage *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBERS_PAGE (self), 0);

  return self->total;
}

gboolean
scms_members_page_get_loading_more (ScmsMembersPage *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBERS_PAGE (self), FALSE);

  return self->loading_more;
}

/**
 * scms_members_page_load_more:
 * @self: a #ScmsMembersPage
 *
 * Loads the next page of members, unless one is loading already or all
 * are loaded. Scrolling near the end of the list calls this.
 *
 * Returns: %TRUE if a page load was started
 */
gboolean
scms_members_page_load_more (ScmsMembersPage *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBERS_PAGE (self), FALSE);

  if (self->loading_more ||
      scms_page_get_client (SCMS_PAGE (self)) == NULL ||
      scms_page_get_state (SCMS_PAGE (self)) != SCMS_PAGE_STATE_RESULTS ||
      g_list_model_get_n_items (G_LIST_MODEL (self->members)) >= self->total)
    return FALSE;

  load_page (self, self->skip);

  return TRUE;
}

ScmsMemberFilter
scms_members_page_get_filter (ScmsMembersPage *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBERS_PAGE (self), SCMS_MEMBER_FILTER_ALL);

  return self->filter;
}

/**
 * scms_members_page_set_filter:
 * @self: a #ScmsMembersPage
 * @filter: the status to list
 *
 * Lists the members with @filter's status, from the first page.
 */
void
scms_members_page_set_filter (ScmsMembersPage  *self,
                              ScmsMemberFilter  filter)
{
  g_return_if_fail (SCMS_IS_MEMBERS_PAGE (self));
  g_return_if_fail (filter <= SCMS_MEMBER_FILTER_ARCHIVED);

  if (gtk_drop_down_get_selected (self->status_dropdown) != (guint) filter)
    gtk_drop_down_set_selected (self->status_dropdown, filter);

  if (self->filter == filter)
    return;

  self->filter = filter;

  /* Members of another status are no earlier view of these: none stay. */
  clear_members (self);
  if (scms_page_get_client (SCMS_PAGE (self)) != NULL)
    scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_LOADING);
  scms_page_reload (SCMS_PAGE (self));
}

/**
 * scms_members_page_set_search:
 * @self: a #ScmsMembersPage
 * @text: (nullable): what to search the loaded members for
 *
 * Types @text into the search entry.
 */
void
scms_members_page_set_search (ScmsMembersPage *self,
                              const char      *text)
{
  g_return_if_fail (SCMS_IS_MEMBERS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Not waiting for the entry's search delay. */
  search_changed_cb (self);
}

/**
 * scms_members_page_open_member:
 * @self: a #ScmsMembersPage
 * @acc_id: the member's account ID
 *
 * Shows the member's account below the list.
 */
void
scms_members_page_open_member (ScmsMembersPage *self,
                               const char      *acc_id)
{
  g_return_if_fail (SCMS_IS_MEMBERS_PAGE (self));

  if (acc_id == NULL || acc_id[0] == '\0')
    return;

  if (g_strcmp0 (self->detail_acc_id, acc_id) == 0 &&
      gtk_widget_get_visible (self->detail_box))
    return;

  g_free (self->detail_acc_id);
  self->detail_acc_id = g_strdup (acc_id);

  load_detail (self);
}

/**
 * scms_members_page_get_account_view:
 * @self: a #ScmsMembersPage
 *
 * Returns: (transfer none): the view of the member opened below the list
 */
GtkWidget *
scms_members_page_get_account_view (ScmsMembersPage *self)
{
  g_return_val_if_fail (SCMS_IS_MEMBERS_PAGE (self), NULL);

  return GTK_WIDGET (ensure_account_view (self));
}
