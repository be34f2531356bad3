/* scms-departments-page.c
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

#include "scms-departments-page.h"
#include "scms-util.h"

/*
 * The community's departments with their ranks (GET_DEPARTMENTS), one group
 * per department. One string filter, fed by the search entry, filters the
 * ranks of every department; a department with no match hides.
 */

struct _ScmsDepartmentsPage
{
  ScmsPage         parent_instance;

  GListStore      *departments;
  GPtrArray       *groups;          /* AdwPreferencesGroup, one per department */
  GPtrArray       *filtered;        /* GtkFilterListModel, one per department */

  /* Template widgets */
  GtkWidget       *box;
  GtkSearchEntry  *search_entry;
  GtkStringFilter *rank_filter;
  GtkWidget       *groups_box;
  GtkWidget       *no_match_page;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsDepartmentsPage, scms_departments_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Departments"),
                                                         "system-users-symbolic"))

static GtkWidget *
create_rank_row (gpointer item,
                 gpointer user_data)
{
  ScmsRank *rank = SCMS_RANK (item);
  const char *id = scms_rank_get_id (rank);
  const char *label = scms_rank_get_label (rank);
  g_autofree char *power = NULL;
  g_autofree char *copy_name = NULL;
  GtkWidget *row;
  GtkWidget *power_label;
  GtkWidget *copy_button;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), id);

  /* Translators: %d is the power of a rank, a number that orders ranks. */
  power = g_strdup_printf (_("Power %d"), scms_rank_get_power (rank));
  power_label = gtk_label_new (power);
  gtk_widget_add_css_class (power_label, "dim-label");
  gtk_widget_add_css_class (power_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), power_label);

  copy_button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy_button, "flat");
  gtk_widget_set_tooltip_text (copy_button, _("Copy Rank ID"));
  /* Eighteen buttons all called "Copy Rank ID" would be told apart by
   * nothing but their order. */
  /* Translators: the name of a button, read by screen readers; %s is the
   * name of a rank, e.g. "Copy the Rank ID of Sergeant" */
  copy_name = label != NULL && label[0] != '\0'
              ? g_strdup_printf (_("Copy the Rank ID of %s"), label)
              : g_strdup (_("Copy Rank ID"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_name,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy_button), "page.copy");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy_button), "s", id ? id : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy_button);

  return row;
}

/* Hides the departments without a matching rank, and says so when none
 * is left. */
static void
update_visibility (ScmsDepartmentsPage *self)
{
  guint n_shown = 0;

  for (guint i = 0; i < self->filtered->len; i++)
    {
      GListModel *model = g_ptr_array_index (self->filtered, i);
      GtkWidget *group = g_ptr_array_index (self->groups, i);
      gboolean any = g_list_model_get_n_items (model) > 0;

      gtk_widget_set_visible (group, any);
      n_shown += any;
    }

  gtk_widget_set_visible (self->no_match_page, self->filtered->len > 0 && n_shown == 0);
}

static void
clear_groups (ScmsDepartmentsPage *self)
{
  for (guint i = 0; i < self->filtered->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->filtered, i), self);

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->groups_box), g_ptr_array_index (self->groups, i));

  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->filtered, 0);
  g_list_store_remove_all (self->departments);
}

static void
show_departments (ScmsDepartmentsPage *self,
                  GListModel          *departments)
{
  guint n_departments = g_list_model_get_n_items (departments);

  clear_groups (self);

  for (guint i = 0; i < n_departments; i++)
    {
      g_autoptr(ScmsDepartment) department = g_list_model_get_item (departments, i);
      GListModel *ranks = scms_department_get_ranks (department);
      const char *short_label = scms_department_get_short_label (department);
      guint n_ranks = g_list_model_get_n_items (ranks);
      g_autofree char *count = NULL;
      g_autofree char *description = NULL;
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;
      GtkFilterListModel *filtered;
      GtkWidget *group;
      GtkWidget *list;

      g_list_store_append (self->departments, department);

      count = g_strdup_printf (ngettext ("%u rank", "%u ranks", n_ranks), n_ranks);
      if (short_label != NULL && *short_label != '\0')
        /* Translators: a department's short name and its number of ranks,
         * e.g. "CBPD · 6 ranks". */
        description = g_strdup_printf (_("%s · %s"), short_label, count);
      else
        description = g_steal_pointer (&count);

      /* Group titles are markup: "Fire & Rescue" must not break them. */
      title = g_markup_escape_text (scms_department_get_label (department), -1);
      escaped = g_markup_escape_text (description, -1);
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);

      filtered = gtk_filter_list_model_new (g_object_ref (ranks),
                                            g_object_ref (GTK_FILTER (self->rank_filter)));
      g_signal_connect_object (filtered, "items-changed",
                               G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);

      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (filtered),
                               create_rank_row, NULL, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      scms_department_get_label (department),
                                      -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

      gtk_box_append (GTK_BOX (self->groups_box), group);
      g_ptr_array_add (self->groups, group);
      g_ptr_array_add (self->filtered, filtered);
    }

  update_visibility (self);
}

static void
get_departments_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScmsDepartmentsPage) self = user_data;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SCMS_IS_DEPARTMENTS_PAGE (self));

  departments = scms_client_get_departments_finish (SCMS_CLIENT (object), result, &error);

  /* The shared fetch goes on for other callers when one is cancelled, so
   * look at our own cancellable too. */
  if (scms_client_error_is_cancelled (error) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  if (departments == NULL)
    {
      g_debug ("Could not load the departments: %s", error->message);
      scms_page_show_error (SCMS_PAGE (self), error);
      return;
    }

  show_departments (self, departments);
  scms_page_set_state (SCMS_PAGE (self),
                       g_list_model_get_n_items (departments) > 0 ? SCMS_PAGE_STATE_RESULTS
                                                                   : SCMS_PAGE_STATE_EMPTY);
}

static void
scms_departments_page_reload (ScmsPage *page)
{
  ScmsDepartmentsPage *self = SCMS_DEPARTMENTS_PAGE (page);
  GCancellable *cancellable;

  cancellable = scms_page_get_cancellable (page);
  scms_page_set_loading (page);

  /* Reloading means asking the server again, not reading the cache. */
  scms_client_get_departments_async (scms_page_get_client (page),
                                     TRUE,
                                     cancellable,
                                     get_departments_cb,
                                     g_object_ref (self));
}

static void
client_changed (ScmsPage *page)
{
  ScmsDepartmentsPage *self = SCMS_DEPARTMENTS_PAGE (page);

  if (scms_page_get_client (SCMS_PAGE (self)) == NULL)
    clear_groups (self);
}

static void
stop_search_cb (ScmsDepartmentsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
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
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (SCMS_DEPARTMENTS_PAGE (widget)->search_entry));
}

static void
scms_departments_page_dispose (GObject *object)
{
  ScmsDepartmentsPage *self = SCMS_DEPARTMENTS_PAGE (object);

  if (self->filtered != NULL)
    {
      for (guint i = 0; i < self->filtered->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->filtered, i), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_DEPARTMENTS_PAGE);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->filtered, g_ptr_array_unref);
  g_clear_object (&self->departments);

  G_OBJECT_CLASS (scms_departments_page_parent_class)->dispose (object);
}

static void
scms_departments_page_class_init (ScmsDepartmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_GET_DEPARTMENTS);

  object_class->dispose = scms_departments_page_dispose;

  page_class->reload = scms_departments_page_reload;
  page_class->client_changed = client_changed;

  gtk_widget_class_install_action (widget_class, "page.copy", "s", copy_action);
  /* Ctrl+F, from the window. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-departments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsDepartmentsPage, box);
  gtk_widget_class_bind_template_child (widget_class, ScmsDepartmentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScmsDepartmentsPage, rank_filter);
  gtk_widget_class_bind_template_child (widget_class, ScmsDepartmentsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, ScmsDepartmentsPage, no_match_page);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  g_type_ensure (SCMS_TYPE_RANK);
}

static void
scms_departments_page_init (ScmsDepartmentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->departments = g_list_store_new (SCMS_TYPE_DEPARTMENT);
  self->groups = g_ptr_array_new ();
  self->filtered = g_ptr_array_new_with_free_func (g_object_unref);

}

/**
 * scms_departments_page_get_departments:
 * @self: a #ScmsDepartmentsPage
 *
 * Returns: (transfer none): the #ScmsDepartment items shown
 */
GListModel *
scms_departments_page_get_departments (ScmsDepartmentsPage *self)
{
  g_return_val_if_fail (SCMS_IS_DEPARTMENTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->departments);
}

/**
 * scms_departments_page_set_search:
 * @self: a #ScmsDepartmentsPage
 * @text: (nullable): rank names to look for
 */
void
scms_departments_page_set_search (ScmsDepartmentsPage *self,
                                  const char          *text)
{
  g_return_if_fail (SCMS_IS_DEPARTMENTS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
}

/**
 * scms_departments_page_get_n_shown:
 * @self: a #ScmsDepartmentsPage
 *
 * Returns: the number of ranks the search leaves shown
 */
guint
scms_departments_page_get_n_shown (ScmsDepartmentsPage *self)
{
  guint n_shown = 0;

  g_return_val_if_fail (SCMS_IS_DEPARTMENTS_PAGE (self), 0);

  for (guint i = 0; i < self->filtered->len; i++)
    n_shown += g_list_model_get_n_items (g_ptr_array_index (self->filtered, i));

  return n_shown;
}
