/* scms-account-view.c
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
#include "scms-page.h"
#include "scms-util.h"

/*
 * ScmsAccountView shows one member: name, status, identifiers with copy
 * buttons, dates in local time, profile fields by label, ranks by name
 * grouped by department, and the open shift. It loads what the account
 * alone does not say (departments, profile field labels, clock-in) with a
 * cancellable of its own, so a sub-request that fails only costs its own
 * section. Requests are cancelled when the account or client changes, when
 * the view is hidden (and restarted when it is shown again) and on dispose.
 */

struct _ScmsAccountView
{
  GtkWidget             parent_instance;

  ScmsClient           *client;
  ScmsAccount          *account;
  ScmsClockIn          *clock_in;     /* shown in clock_row, once loaded */
  GCancellable         *cancellable;
  GPtrArray            *api_id_rows;
  GPtrArray            *profile_rows;
  guint                 n_pending;
  guint                 needs_refresh : 1;

  /* Template widgets */
  GtkWidget            *box;
  GtkLabel             *name_label;
  GtkLabel             *acc_name_label;
  GtkLabel             *status_label;
  AdwActionRow         *acc_id_row;
  GtkWidget            *acc_id_copy;
  AdwActionRow         *unique_id_row;
  GtkWidget            *unique_id_copy;
  AdwActionRow         *discord_id_row;
  GtkWidget            *discord_id_copy;
  AdwActionRow         *teamspeak_id_row;
  GtkWidget            *teamspeak_id_copy;
  AdwActionRow         *callsign_row;
  GtkWidget            *callsign_copy;
  AdwPreferencesGroup  *api_ids_group;
  AdwActionRow         *joined_row;
  AdwActionRow         *last_login_row;
  AdwActionRow         *clock_row;
  AdwPreferencesGroup  *profile_group;
  GtkToggleButton      *show_ids_button;
  GtkLabel             *ranks_message_label;
  GtkBox               *ranks_box;
};

G_DEFINE_FINAL_TYPE (ScmsAccountView, scms_account_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ACCOUNT,
  PROP_LOADING,
  PROP_SHOW_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_classes[] = {
  [SCMS_MEMBER_STATUS_ACTIVE] = "active",
  [SCMS_MEMBER_STATUS_PENDING] = "pending",
  [SCMS_MEMBER_STATUS_BANNED] = "banned",
  [SCMS_MEMBER_STATUS_ARCHIVED] = "archived",
  [SCMS_MEMBER_STATUS_OWNER] = "owner",
};

static char *
format_local_time (GDateTime  *date_time,
                   const char *fallback)
{
  if (date_time == NULL)
    return g_strdup (fallback != NULL && fallback[0] != '\0' ? fallback : C_("date", "Unknown"));

  return scms_format_date_time (date_time);
}

static void
set_loading (ScmsAccountView *self,
             guint            n_pending)
{
  gboolean was_loading = self->n_pending > 0;

  self->n_pending = n_pending;

  if (was_loading != (n_pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
request_done (ScmsAccountView *self)
{
  if (self->n_pending > 0)
    set_loading (self, self->n_pending - 1);
}

static void
set_id_row (AdwActionRow *row,
            GtkWidget    *copy_button,
            const char   *value)
{
  gboolean shown = value != NULL && value[0] != '\0';

  gtk_widget_set_visible (GTK_WIDGET (row), shown);
  adw_action_row_set_subtitle (row, shown ? value : "");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy_button), "s", shown ? value : "");
}

/* A button copying @value, shown as @tooltip; @accessible_label tells
 * several of them apart, or is %NULL for @tooltip. */
static GtkWidget *
new_copy_button (const char *value,
                 const char *tooltip,
                 const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  if (accessible_label == NULL)
    accessible_label = tooltip;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "account.copy");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", value);

  return button;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
clear_group_rows (AdwPreferencesGroup *group,
                  GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));

  g_ptr_array_set_size (rows, 0);
}

static void
add_group_row (AdwPreferencesGroup *group,
               GPtrArray           *rows,
               GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static void
clear_ranks (ScmsAccountView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranks_box))))
    gtk_box_remove (self->ranks_box, child);
}

static void
show_ranks_message (ScmsAccountView *self,
                    const char      *message)
{
  gtk_label_set_label (self->ranks_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ranks_message_label), message != NULL);
}

static void
update_status (ScmsAccountView *self)
{
  ScmsMemberStatus status = SCMS_MEMBER_STATUS_ACTIVE;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);

  if (self->account == NULL)
    {
      gtk_label_set_label (self->status_label, "");
      return;
    }

  status = scms_account_get_status (self->account);
  gtk_label_set_label (self->status_label, scms_member_status_get_label (status));
  if ((guint) status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);
}

/* The clock-in loaded for the account, in words. */
static void
update_clock_row (ScmsAccountView *self)
{
  g_autofree char *text = NULL;

  if (self->clock_in == NULL)
    return;

  if (!scms_clock_in_get_clocked_in (self->clock_in))
    {
      text = g_strdup (_("Not clocked in"));
    }
  else
    {
      GDateTime *start = scms_clock_in_get_start_date_time (self->clock_in);
      g_autofree char *since = format_local_time (start,
                                                  scms_clock_in_get_start_time (self->clock_in));

      /* Translators: %s is a local date and time. */
      text = g_strdup_printf (_("Clocked in since %s"), since);
    }

  adw_action_row_set_subtitle (self->clock_row, text);
}

/* Every date and time shown, again: also when the desktop's clock format
 * changes. */
static void
update_dates (ScmsAccountView *self)
{
  g_autofree char *joined = NULL;
  g_autofree char *last_login = NULL;

  if (self->account != NULL)
    {
      joined = format_local_time (scms_account_get_join_date_time (self->account),
                                  scms_account_get_join_date (self->account));
      last_login = format_local_time (scms_account_get_last_login_time (self->account),
                                      scms_account_get_last_login (self->account));
    }

  adw_action_row_set_subtitle (self->joined_row, joined != NULL ? joined : "");
  adw_action_row_set_subtitle (self->last_login_row, last_login != NULL ? last_login : "");
  update_clock_row (self);
}

/* What the account itself says; the sub-requests fill in the rest. */
static void
update_account (ScmsAccountView *self)
{
  ScmsAccount *account = self->account;
  const char * const *api_ids = NULL;
  g_autofree char *unique_id = NULL;
  const char *com_name = NULL;
  const char *acc_name = NULL;

  clear_group_rows (self->api_ids_group, self->api_id_rows);

  if (account != NULL)
    {
      com_name = scms_account_get_com_name (account);
      acc_name = scms_account_get_acc_name (account);
      api_ids = scms_account_get_api_ids (account);
      if (scms_account_get_unique_id (account) > 0)
        unique_id = g_strdup_printf ("%" G_GINT64_FORMAT, scms_account_get_unique_id (account));
    }

  /* The community name is the one people use; the account name under it
   * tells apart two members who picked the same one. */
  if (com_name != NULL && com_name[0] != '\0')
    gtk_label_set_label (self->name_label, com_name);
  else
    gtk_label_set_label (self->name_label, acc_name != NULL ? acc_name : "");

  gtk_label_set_label (self->acc_name_label, acc_name != NULL ? acc_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->acc_name_label),
                          acc_name != NULL && acc_name[0] != '\0' &&
                          g_strcmp0 (acc_name, gtk_label_get_label (self->name_label)) != 0);

  update_status (self);

  set_id_row (self->acc_id_row, self->acc_id_copy,
              account ? scms_account_get_acc_id (account) : NULL);
  set_id_row (self->unique_id_row, self->unique_id_copy, unique_id);
  set_id_row (self->discord_id_row, self->discord_id_copy,
              account ? scms_account_get_discord_id (account) : NULL);
  set_id_row (self->teamspeak_id_row, self->teamspeak_id_copy,
              account ? scms_account_get_teamspeak_id (account) : NULL);
  set_id_row (self->callsign_row, self->callsign_copy,
              account ? scms_account_get_primary_identifier (account) : NULL);

  for (guint i = 0; api_ids != NULL && api_ids[i] != NULL; i++)
    {
      GtkWidget *row = new_row (api_ids[i], NULL);
      g_autofree char *copy_name = NULL;

      /* An AdwActionRow is named by its title, here the ID alone, which
       * would be read out with nothing to say what it is. GTK 4.8 puts a
       * label of the row's own before that: "API ID 4302…". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("API ID"),
                                      -1);
      /* Translators: the name of a button, read by screen readers; %s is
       * an API ID, e.g. "Copy API ID 430291437292752760" */
      copy_name = g_strdup_printf (_("Copy API ID %s"), api_ids[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_copy_button (api_ids[i], _("Copy API ID"), copy_name));
      add_group_row (self->api_ids_group, self->api_id_rows, row);
    }

  if (self->api_id_rows->len == 0)
    add_group_row (self->api_ids_group, self->api_id_rows,
                   new_row (_("No API IDs linked"), NULL));

  update_dates (self);
}

/* Ranks */

static int
compare_rank_power (gconstpointer a,
                    gconstpointer b)
{
  ScmsRank *rank_a = *(ScmsRank **) a;
  ScmsRank *rank_b = *(ScmsRank **) b;
  int power_a = scms_rank_get_power (rank_a);
  int power_b = scms_rank_get_power (rank_b);

  if (power_a != power_b)
    return power_a > power_b ? -1 : 1;

  return g_utf8_collate (scms_rank_get_label (rank_a), scms_rank_get_label (rank_b));
}

static GtkWidget *
new_rank_row (ScmsAccountView *self,
              const char      *title,
              const char      *rank_id)
{
  GtkWidget *row = new_row (title, NULL);
  GtkWidget *id_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *id_label = gtk_label_new (rank_id);
  g_autofree char *copy_name = NULL;

  /* The rank ID is there for whoever asks for it ("Show IDs"). */
  gtk_label_set_selectable (GTK_LABEL (id_label), TRUE);
  gtk_widget_add_css_class (id_label, "dim-label");
  gtk_widget_add_css_class (id_label, "monospace");
  gtk_widget_add_css_class (id_label, "caption");
  gtk_box_append (GTK_BOX (id_box), id_label);
  /* Translators: the name of a button, read by screen readers; %s is the
   * name of a rank, e.g. "Copy the Rank ID of Sergeant" */
  copy_name = title != NULL && title[0] != '\0'
              ? g_strdup_printf (_("Copy the Rank ID of %s"), title)
              : g_strdup (_("Copy Rank ID"));
  gtk_box_append (GTK_BOX (id_box), new_copy_button (rank_id, _("Copy Rank ID"), copy_name));
  g_object_bind_property (self->show_ids_button, "active", id_box, "visible",
                          G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), id_box);

  return row;
}

static void
show_ranks (ScmsAccountView *self,
            GListModel      *departments)
{
  const char * const *rank_ids = scms_account_get_rank_ids (self->account);
  g_autoptr(GPtrArray) resolved = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  guint n_departments = g_list_model_get_n_items (departments);

  clear_ranks (self);

  for (guint i = 0; rank_ids != NULL && rank_ids[i] != NULL; i++)
    {
      ScmsRank *rank = scms_client_lookup_rank (self->client, rank_ids[i]);

      if (rank != NULL && scms_rank_is_resolved (rank))
        g_ptr_array_add (resolved, rank);
      else
        g_ptr_array_add (unknown, (gpointer) rank_ids[i]);
    }

  if (resolved->len == 0 && unknown->len == 0)
    {
      show_ranks_message (self, _("This member holds no ranks."));
      return;
    }

  show_ranks_message (self, NULL);

  /* Departments in the community's order, ranks by power, highest first. */
  for (guint i = 0; i < n_departments; i++)
    {
      g_autoptr(ScmsDepartment) department = g_list_model_get_item (departments, i);
      const char *department_id = scms_department_get_id (department);
      g_autoptr(GPtrArray) ranks = g_ptr_array_new ();
      g_autofree char *title = NULL;
      GtkWidget *group;

      for (guint j = 0; j < resolved->len; j++)
        {
          ScmsRank *rank = g_ptr_array_index (resolved, j);

          if (g_strcmp0 (scms_rank_get_department_id (rank), department_id) == 0)
            g_ptr_array_add (ranks, rank);
        }

      if (ranks->len == 0)
        continue;

      g_ptr_array_sort (ranks, compare_rank_power);

      /* Group titles are markup ("Fire & Rescue"). */
      title = g_markup_escape_text (scms_department_get_label (department), -1);
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      for (guint j = 0; j < ranks->len; j++)
        {
          ScmsRank *rank = g_ptr_array_index (ranks, j);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     new_rank_row (self, scms_rank_get_label (rank),
                                                   scms_rank_get_id (rank)));
        }

      gtk_box_append (self->ranks_box, group);
    }

  if (unknown->len > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Unknown Ranks"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("The community’s departments do not list these "
                                               "ranks; they may have been deleted."));

      /* Without a name, the ID is all there is to show. */
      for (guint i = 0; i < unknown->len; i++)
        {
          const char *rank_id = g_ptr_array_index (unknown, i);
          GtkWidget *row = new_row (rank_id, NULL);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     new_copy_button (rank_id, _("Copy Rank ID"), NULL));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }

      gtk_box_append (self->ranks_box, group);
    }
}

static void
get_departments_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScmsAccountView) self = user_data;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;

  departments = scms_client_get_departments_finish (SCMS_CLIENT (object), result, &error);

  if (departments == NULL)
    {
      g_autofree char *message = NULL;

      if (scms_client_error_is_cancelled (error) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      request_done (self);
      g_debug ("Could not load the departments: %s", error->message);
      /* Translators: %s says why, e.g. "The server could not be reached." */
      message = g_strdup_printf (_("Rank names could not be loaded. %s"), error->message);
      show_ranks_message (self, message);
      return;
    }

  request_done (self);

  if (self->account != NULL && SCMS_CLIENT (object) == self->client)
    show_ranks (self, departments);
}

/* Profile fields */

static void
show_profile_message (ScmsAccountView *self,
                      const char      *message)
{
  g_autofree char *escaped = message != NULL ? g_markup_escape_text (message, -1) : NULL;

  clear_group_rows (self->profile_group, self->profile_rows);
  /* The description is markup; server messages are not. */
  adw_preferences_group_set_description (self->profile_group, escaped);
}

static void
show_profile (ScmsAccountView *self,
              GListModel      *fields)
{
  GListModel *values = scms_account_get_profile_values (self->account);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_fields = g_list_model_get_n_items (fields);
  guint n_values = values != NULL ? g_list_model_get_n_items (values) : 0;

  show_profile_message (self, NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(ScmsProfileField) field = g_list_model_get_item (fields, i);

      if (scms_profile_field_get_id (field) != NULL)
        g_hash_table_insert (labels,
                             (gpointer) scms_profile_field_get_id (field),
                             (gpointer) scms_profile_field_get_label (field));
    }

  for (guint i = 0; i < n_values; i++)
    {
      g_autoptr(ScmsProfileValue) value = g_list_model_get_item (values, i);
      const char *label = g_hash_table_lookup (labels, scms_profile_value_get_field_id (value));
      g_autofree char *text = scms_profile_value_dup_text (value);

      if (text == NULL || text[0] == '\0')
        continue;

      add_group_row (self->profile_group, self->profile_rows,
                     new_row (label != NULL ? label : _("Unknown Field"), text));
    }

  if (self->profile_rows->len == 0)
    show_profile_message (self, _("No profile fields filled in."));
}

static void
get_profile_fields_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ScmsAccountView) self = user_data;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GError) error = NULL;

  fields = scms_client_get_profile_fields_finish (SCMS_CLIENT (object), result, &error);

  if (fields == NULL)
    {
      g_autofree char *message = NULL;

      if (scms_client_error_is_cancelled (error) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      request_done (self);
      g_debug ("Could not load the profile fields: %s", error->message);
      /* Translators: %s says why, e.g. "This needs a higher plan." */
      message = g_strdup_printf (_("Profile fields could not be loaded. %s"), error->message);
      show_profile_message (self, message);
      return;
    }

  request_done (self);

  if (self->account != NULL)
    show_profile (self, fields);
}

/* Clock-in */

static void
get_current_clock_in_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ScmsAccountView) self = user_data;
  g_autoptr(ScmsClockIn) clock_in = NULL;
  g_autoptr(GError) error = NULL;

  clock_in = scms_client_get_current_clock_in_finish (SCMS_CLIENT (object), result, &error);

  if (error != NULL)
    {
      if (scms_client_error_is_cancelled (error) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      request_done (self);
      g_debug ("Could not load the clock-in: %s", error->message);
      adw_action_row_set_subtitle (self->clock_row, error->message);
      return;
    }

  request_done (self);

  if (clock_in == NULL)
    {
      adw_action_row_set_subtitle (self->clock_row, _("Not clocked in"));
      return;
    }

  g_set_object (&self->clock_in, clock_in);
  update_clock_row (self);
}

static void
cancel_requests (ScmsAccountView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, 0);
}

static void
start_requests (ScmsAccountView *self)
{
  const char *acc_id;

  cancel_requests (self);
  self->needs_refresh = FALSE;

  clear_ranks (self);
  show_ranks_message (self, NULL);
  show_profile_message (self, NULL);
  g_clear_object (&self->clock_in);
  adw_action_row_set_subtitle (self->clock_row, "");

  if (self->account == NULL)
    return;

  if (self->client == NULL)
    {
      show_ranks_message (self, _("Open a community to see rank names."));
      return;
    }

  self->cancellable = g_cancellable_new ();

  show_ranks_message (self, _("Loading ranks…"));
  show_profile_message (self, _("Loading profile fields…"));
  adw_action_row_set_subtitle (self->clock_row, _("Loading…"));

  acc_id = scms_account_get_acc_id (self->account);
  set_loading (self, acc_id != NULL && acc_id[0] != '\0' ? 3 : 2);

  /* Departments are cached by the client: rank names cost one request per
   * community, not per member. */
  scms_client_get_departments_async (self->client, FALSE, self->cancellable,
                                     get_departments_cb, g_object_ref (self));
  scms_client_get_profile_fields_async (self->client, self->cancellable,
                                        get_profile_fields_cb, g_object_ref (self));

  if (acc_id != NULL && acc_id[0] != '\0')
    scms_client_get_current_clock_in_async (self->client, SCMS_ID_KIND_ACC_ID, acc_id,
                                            self->cancellable,
                                            get_current_clock_in_cb, g_object_ref (self));
  else
    adw_action_row_set_subtitle (self->clock_row, C_("clock-in state", "Unknown"));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  const char *text = g_variant_get_string (param, NULL);
  GtkWidget *page;

  if (text == NULL || text[0] == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  page = gtk_widget_get_ancestor (widget, SCMS_TYPE_PAGE);
  if (page != NULL)
    scms_page_add_toast (SCMS_PAGE (page), scms_toast_new (_("Copied")));
}

static void
show_ids_toggled_cb (ScmsAccountView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_IDS]);
}

static void
scms_account_view_map (GtkWidget *widget)
{
  ScmsAccountView *self = SCMS_ACCOUNT_VIEW (widget);

  GTK_WIDGET_CLASS (scms_account_view_parent_class)->map (widget);

  if (self->needs_refresh)
    start_requests (self);
}

static void
scms_account_view_unmap (GtkWidget *widget)
{
  ScmsAccountView *self = SCMS_ACCOUNT_VIEW (widget);

  /* Out of sight, the requests are of no use; finish them when shown. */
  if (self->n_pending > 0)
    {
      cancel_requests (self);
      self->needs_refresh = TRUE;
    }

  GTK_WIDGET_CLASS (scms_account_view_parent_class)->unmap (widget);
}

static void
scms_account_view_dispose (GObject *object)
{
  ScmsAccountView *self = SCMS_ACCOUNT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_ACCOUNT_VIEW);

  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_clear_object (&self->clock_in);
  g_clear_pointer (&self->api_id_rows, g_ptr_array_unref);
  g_clear_pointer (&self->profile_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (scms_account_view_parent_class)->dispose (object);
}

static void
scms_account_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScmsAccountView *self = SCMS_ACCOUNT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, scms_account_view_get_client (self));
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, scms_account_view_get_account (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, scms_account_view_get_loading (self));
      break;

    case PROP_SHOW_IDS:
      g_value_set_boolean (value, scms_account_view_get_show_ids (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_account_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScmsAccountView *self = SCMS_ACCOUNT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      scms_account_view_set_client (self, g_value_get_object (value));
      break;

    case PROP_ACCOUNT:
      scms_account_view_set_account (self, g_value_get_object (value));
      break;

    case PROP_SHOW_IDS:
      scms_account_view_set_show_ids (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_account_view_class_init (ScmsAccountViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scms_account_view_dispose;
  object_class->get_property = scms_account_view_get_property;
  object_class->set_property = scms_account_view_set_property;

  widget_class->map = scms_account_view_map;
  widget_class->unmap = scms_account_view_unmap;

  /**
   * ScmsAccountView:client: (nullable)
   *
   * The client the view loads rank names, profile field labels and the
   * clock-in from.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         SCMS_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsAccountView:account: (nullable)
   *
   * The member shown.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         SCMS_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsAccountView:loading:
   *
   * Whether some section is still waiting for the server.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsAccountView:show-ids:
   *
   * Whether rank IDs are shown next to the rank names.
   */
  properties[PROP_SHOW_IDS] =
    g_param_spec_boolean ("show-ids", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "account.copy", "s", copy_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-account-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, box);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, name_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, acc_name_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, acc_id_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, acc_id_copy);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, unique_id_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, unique_id_copy);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, discord_id_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, discord_id_copy);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, teamspeak_id_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, teamspeak_id_copy);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, callsign_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, callsign_copy);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, api_ids_group);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, joined_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, last_login_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, clock_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, profile_group);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, show_ids_button);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, ranks_message_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsAccountView, ranks_box);
  gtk_widget_class_bind_template_callback (widget_class, show_ids_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scms_account_view_init (ScmsAccountView *self)
{
  self->api_id_rows = g_ptr_array_new ();
  self->profile_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  update_account (self);
  scms_follow_clock_format (self, G_CALLBACK (update_dates));
}

ScmsClient *
scms_account_view_get_client (ScmsAccountView *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_VIEW (self), NULL);

  return self->client;
}

/**
 * scms_account_view_set_client:
 * @self: a #ScmsAccountView
 * @client: (nullable): the client to load from
 *
 * Sets the client. An account belongs to one community, so changing the
 * client cancels what is in flight and forgets the account.
 */
void
scms_account_view_set_client (ScmsAccountView *self,
                              ScmsClient      *client)
{
  g_return_if_fail (SCMS_IS_ACCOUNT_VIEW (self));
  g_return_if_fail (!client || SCMS_IS_CLIENT (client));

  if (self->client == client)
    return;

  cancel_requests (self);
  g_set_object (&self->client, client);
  scms_account_view_set_account (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

ScmsAccount *
scms_account_view_get_account (ScmsAccountView *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_VIEW (self), NULL);

  return self->account;
}

/**
 * scms_account_view_set_account:
 * @self: a #ScmsAccountView
 * @account: (nullable): the member to show
 *
 * Shows @account and starts loading what it refers to (rank names, profile
 * field labels, the open shift); what was in flight for the previous one is
 * cancelled.
 */
void
scms_account_view_set_account (ScmsAccountView *self,
                               ScmsAccount     *account)
{
  g_return_if_fail (SCMS_IS_ACCOUNT_VIEW (self));
  g_return_if_fail (!account || SCMS_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  g_set_object (&self->account, account);

  update_account (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || account == NULL)
    {
      start_requests (self);
    }
  else
    {
      cancel_requests (self);
      clear_ranks (self);
      self->needs_refresh = TRUE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * scms_account_view_get_loading:
 * @self: a #ScmsAccountView
 *
 * Returns: whether a section still waits for the server
 */
gboolean
scms_account_view_get_loading (ScmsAccountView *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_VIEW (self), FALSE);

  return self->n_pending > 0 || self->needs_refresh;
}

gboolean
scms_account_view_get_show_ids (ScmsAccountView *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_VIEW (self), FALSE);

  return gtk_toggle_button_get_active (self->show_ids_button);
}

/**
 * scms_account_view_set_show_ids:
 * @self: a #ScmsAccountView
 * @show_ids: whether to show rank IDs
 *
 * Shows or hides the rank IDs beside the rank names; names only by default.
 */
void
scms_account_view_set_show_ids (ScmsAccountView *self,
                                gboolean         show_ids)
{
  g_return_if_fail (SCMS_IS_ACCOUNT_VIEW (self));

  /* The toggle notifies through show_ids_toggled_cb. */
  gtk_toggle_button_set_active (self->show_ids_button, show_ids);
}
