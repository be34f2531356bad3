/* scms-window.c
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
#include "scms-account-ranks-page.h"
#include "scms-check-api-id-page.h"
#include "scms-clock-in-out-page.h"
#include "scms-connect-page.h"
#include "scms-departments-page.h"
#include "scms-full-whitelist-page.h"
#include "scms-game-servers-page.h"
#include "scms-members-page.h"
#include "scms-profiles.h"
#include "scms-secret.h"
#include "scms-subscription-page.h"
#include "scms-util.h"
#include "scms-verify-whitelist-page.h"
#include "scms-window.h"

struct _ScmsWindow
{
  AdwApplicationWindow  parent_instance;

  ScmsClient           *client;
  GSettings            *settings;
  ScmsPage             *visible_page;
  gulong                paused_handler;
  guint                 paused_timeout;
  /* Clients opened in this session, by profile ("URL\nID"): switching
   * back needs no keyring call, and keys kept for this session only stay
   * usable. */
  GHashTable           *session_clients;
  char                 *server_url_preset;
  guint                 connect_visible : 1;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkWidget            *content_header;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkInfoBar           *paused_bar;  /* these seven: by ensure_notices() */
  GtkLabel             *paused_label;
  GtkInfoBar           *trouble_bar;
  GtkLabel             *trouble_label;
  GtkWidget            *update_button;
  GtkInfoBar           *stale_bar;
  GtkLabel             *stale_label;
  GtkSpinner           *refresh_spinner;
  AdwBin               *connect_view_slot;
  AdwBin               *connect_slot;             /* these four: built when */
  GtkWidget            *connect_profiles_button;  /* first needed, by */
  GtkWidget            *connect_menu_button;      /* ensure_connect_page() */
  ScmsConnectPage      *connect_page;
  GtkWidget            *profiles_button;
  GtkWidget            *menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *profiles_menu;
  GMenu                *profiles_section;
  GMenu                *forget_section;
};

G_DEFINE_FINAL_TYPE (ScmsWindow, scms_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CONNECT_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_main_view_cb (gpointer    instance,
                  ScmsClient *client,
                  gboolean    connect_visible)
{
  return g_strdup (client != NULL && !connect_visible ? "community" : "connect");
}

/* The connect view's Cancel goes back to the open community, if any. */
static gboolean
has_client_to_visible (GBinding     *binding,
                       const GValue *from_value,
                       GValue       *to_value,
                       gpointer      user_data)
{
  g_value_set_boolean (to_value, g_value_get_object (from_value) != NULL);

  return TRUE;
}

static gboolean update_paused (ScmsWindow *self);

static gboolean
paused_tick_cb (gpointer user_data)
{
  ScmsWindow *self = user_data;

  if (update_paused (self))
    return G_SOURCE_CONTINUE;

  self->paused_timeout = 0;

  return G_SOURCE_REMOVE;
}

static void trouble_bar_response_cb (ScmsWindow *self);
static void stale_bar_response_cb   (ScmsWindow *self);

/* The notices over the page, built the first time one shows: most windows
 * never show one, and built with the window they were 5 M of the
 * instructions the demo ran before its first frame. */
static void
ensure_notices (ScmsWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *sibling = self->content_header;
  GtkWidget *bars[3];

  if (self->paused_bar != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/scms-window-notices.ui");
#define GET_OBJECT(id) gtk_builder_get_object (builder, (id))
  self->paused_bar = GTK_INFO_BAR (GET_OBJECT ("paused_bar"));
  self->paused_label = GTK_LABEL (GET_OBJECT ("paused_label"));
  self->trouble_bar = GTK_INFO_BAR (GET_OBJECT ("trouble_bar"));
  self->trouble_label = GTK_LABEL (GET_OBJECT ("trouble_label"));
  self->update_button = GTK_WIDGET (GET_OBJECT ("update_button"));
  self->stale_bar = GTK_INFO_BAR (GET_OBJECT ("stale_bar"));
  self->stale_label = GTK_LABEL (GET_OBJECT ("stale_label"));
#undef GET_OBJECT

  g_signal_connect_object (self->trouble_bar, "response", G_CALLBACK (trouble_bar_response_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stale_bar, "response", G_CALLBACK (stale_bar_response_cb),
                           self, G_CONNECT_SWAPPED);

  /* Under the page's header bar, in this order. */
  bars[0] = GTK_WIDGET (self->paused_bar);
  bars[1] = GTK_WIDGET (self->trouble_bar);
  bars[2] = GTK_WIDGET (self->stale_bar);
  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      gtk_box_insert_child_after (GTK_BOX (self->content_box), bars[i], sibling);
      scms_name_buttons (bars[i]);
      sibling = bars[i];
    }
}

static void
hide_notice (GtkInfoBar *bar)
{
  if (bar != NULL)
    gtk_info_bar_set_revealed (bar, FALSE);
}

/* Shows or hides the notice that the client holds requests back after a
 * 429, with a countdown. Returns whether the client is still paused. */
static gboolean
update_paused (ScmsWindow *self)
{
  gint64 paused_until = 0;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *text = NULL;
  guint seconds;

  if (self->client != NULL)
    paused_until = scms_client_get_paused_until (self->client);

  if (paused_until <= now)
    {
      hide_notice (self->paused_bar);
      return FALSE;
    }

  seconds = (guint) ((paused_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  text = g_strdup_printf (ngettext ("The server asked to slow down. Requests resume in %u second.",
                                    "The server asked to slow down. Requests resume in %u seconds.",
                                    seconds),
                          seconds);
  ensure_notices (self);
  gtk_label_set_label (self->paused_label, text);
  gtk_info_bar_set_revealed (self->paused_bar, TRUE);

  if (self->paused_timeout == 0)
    self->paused_timeout = g_timeout_add (250, paused_tick_cb, self);

  return TRUE;
}

static void
notify_paused_until_cb (ScmsWindow *self)
{
  update_paused (self);
}

static void
credentials_rejected_cb (ScmsWindow *self)
{
  ensure_notices (self);
  gtk_label_set_label (self->trouble_label,
                       _("Credentials rejected: the server refused the community ID or the "
                         "API key. Update them to continue."));
  gtk_widget_set_visible (self->update_button, TRUE);
  gtk_info_bar_set_revealed (self->trouble_bar, TRUE);
}

/* Shows whether the visible page is loading again while it keeps its
 * results, and the notice when that failed. */
static void
update_refresh (ScmsWindow *self)
{
  gboolean refreshing = FALSE;
  const char *stale = NULL;

  if (self->visible_page != NULL)
    {
      refreshing = scms_page_get_refreshing (self->visible_page);
      stale = scms_page_get_stale_message (self->visible_page);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->refresh_spinner), refreshing);
  gtk_spinner_set_spinning (self->refresh_spinner, refreshing);

  if (stale != NULL)
    {
      ensure_notices (self);
      gtk_label_set_label (self->stale_label, stale);
      gtk_info_bar_set_revealed (self->stale_bar, TRUE);
    }
  else
    {
      hide_notice (self->stale_bar);
    }
}

static void
page_refresh_changed_cb (ScmsWindow *self,
                         GParamSpec *pspec,
                         ScmsPage   *page)
{
  if (page == self->visible_page)
    update_refresh (self);
}

static void
stale_bar_response_cb (ScmsWindow *self)
{
  if (self->visible_page != NULL)
    scms_page_dismiss_stale_message (self->visible_page);
  gtk_info_bar_set_revealed (self->stale_bar, FALSE);
}

/* The endpoint pages, in the sidebar's order. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
} pages[] = {
  { "members", scms_members_page_get_type },
  { "account", scms_account_page_get_type },
  { "account-ranks", scms_account_ranks_page_get_type },
  { "check-api-id", scms_check_api_id_page_get_type },
  { "clock-in-out", scms_clock_in_out_page_get_type },
  { "game-servers", scms_game_servers_page_get_type },
  { "verify-whitelist", scms_verify_whitelist_page_get_type },
  { "full-whitelist", scms_full_whitelist_page_get_type },
  { "departments", scms_departments_page_get_type },
  { "subscription", scms_subscription_page_get_type },
};

/* The sidebar lists every page from the start, with the title and icon
 * its type declares; each page is built the first time it is needed.
 * Building all ten before the first frame was most of the start-up time. */
static void
add_page_slots (ScmsWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GType page_type = pages[i].get_type ();
      GtkStackPage *stack_page;

      stack_page = gtk_stack_add_titled (self->stack, adw_bin_new (), pages[i].name,
                                         scms_page_type_get_title (page_type));
      gtk_stack_page_set_icon_name (stack_page, scms_page_type_get_icon_name (page_type));
    }
}

/* The page called @name, built now if it was not yet. */
static ScmsPage *
ensure_page (ScmsWindow *self,
             const char *name)
{
  GtkWidget *slot = gtk_stack_get_child_by_name (self->stack, name);
  GtkWidget *page;

  if (!ADW_IS_BIN (slot))
    return NULL;

  page = adw_bin_get_child (ADW_BIN (slot));
  if (page != NULL)
    return SCMS_PAGE (page);

  for (guint i = 0; i < G_N_ELEMENTS (pages) && page == NULL; i++)
    {
      if (g_str_equal (pages[i].name, name))
        page = g_object_new (pages[i].get_type (), NULL);
    }
  g_assert (page != NULL);

  g_object_bind_property (self, "client", page, "client", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "add-toast", G_CALLBACK (adw_toast_overlay_add_toast),
                           self->toast_overlay, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "credentials-rejected", G_CALLBACK (credentials_rejected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::refreshing", G_CALLBACK (page_refresh_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::stale-message", G_CALLBACK (page_refresh_changed_cb),
                           self, G_CONNECT_SWAPPED);
  scms_name_buttons (page);
  adw_bin_set_child (ADW_BIN (slot), page);

  return SCMS_PAGE (page);
}

static void
visible_page_changed_cb (ScmsWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  ScmsPage *page = name != NULL ? ensure_page (self, name) : NULL;
  GtkWidget *child = GTK_WIDGET (page);

  /* Whatever the page we leave still has in flight is of no use now. */
  if (self->visible_page != NULL && GTK_WIDGET (self->visible_page) != child)
    scms_page_cancel (self->visible_page);

  self->visible_page = SCMS_IS_PAGE (child) ? SCMS_PAGE (child) : NULL;

  adw_window_title_set_title (self->window_title,
                              page != NULL ? scms_page_get_title (page) : NULL);
  update_refresh (self);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-page", name);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
back_clicked_cb (ScmsWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
trouble_bar_response_cb (ScmsWindow *self)
{
  gtk_info_bar_set_revealed (self->trouble_bar, FALSE);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ScmsWindow *self = SCMS_WINDOW (widget);

  hide_notice (self->trouble_bar);

  if (self->visible_page != NULL)
    scms_page_reload (self->visible_page);
}

/* Whether @page's class (or a parent class) installs the action @name. */
static gboolean
page_has_action (ScmsPage   *page,
                 const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (page);
  const GVariantType *parameter_type;
  const char *property_name;
  const char *action_name;
  GType owner;

  /* GTK 4.8 fills in every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type,
                                      &property_name);
       i++)
    {
      if (g_str_equal (action_name, name))
        return TRUE;
    }

  return FALSE;
}

/* Ctrl+F and Ctrl+L go to the page shown wherever the focus is, the
 * sidebar included: a page's own shortcuts would only see the keys
 * pressed inside it. The parameter is the page action to activate, which
 * pages without a list or an identifier do not have. */
static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ScmsWindow *self = SCMS_WINDOW (widget);
  const char *page_action_name = g_variant_get_string (param, NULL);

  if (self->visible_page == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "community") != 0 ||
      !page_has_action (self->visible_page, page_action_name))
    return;

  /* A narrow window may show the sidebar alone: show the page first. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  gtk_widget_activate_action (GTK_WIDGET (self->visible_page), page_action_name, NULL);
}

/* Opens the Full Whitelist page on the server given as parameter. */
static void
show_whitelist_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ScmsWindow *self = SCMS_WINDOW (widget);
  ScmsPage *page = scms_window_get_page (self, "full-whitelist");
  gint64 server_id = g_variant_get_int64 (param);

  /* Server IDs are positive (scms_game_server_new_from_json()). */
  if (page == NULL || server_id < 1)
    return;

  /* Through the page's action, which also brings back its Whitelist tab
   * and clears its search: setting the server alone left them as they were. */
  gtk_widget_activate_action (GTK_WIDGET (page), "whitelist.show-server", "x", server_id);
  scms_window_set_visible_page (self, "full-whitelist");
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       model)
{
  /* Once built, the menu follows its model by itself. */
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

/* Gives @button the menu of @model when it is first opened. A menu button
 * builds its whole menu as soon as it has a model: for the window's four,
 * 8 M of the instructions the demo ran before its first frame. */
static void
set_menu_model_when_opened (GtkWidget  *button,
                            GMenuModel *model)
{
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_menu_cb,
                                         g_object_ref (model), g_object_unref);
}

/* The keyboard shortcuts window is built when first asked for. Found as
 * gtk/help-overlay.ui, GtkApplication would build it with every window:
 * 12 M of the instructions the demo ran before its first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *help_overlay = gtk_application_window_get_help_overlay (window);

  if (help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/scms-shortcuts-window.ui");
      help_overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      /* Makes it modal and transient for the window, shows the window's
       * accelerators in it, and destroys it with the window. */
      gtk_application_window_set_help_overlay (window, help_overlay);
    }

  gtk_window_present (GTK_WINDOW (help_overlay));
}

static void
update_actions (ScmsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->client != NULL);
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running uninstalled without GSETTINGS_SCHEMA_DIR: work, just forget
   * the window state, rather than abort. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCMS_SCHEMA_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Settings schema %s not found; window state is not kept", SCMS_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
restore_state (ScmsWindow *self)
{
  g_autofree char *last_page = NULL;

  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 960, 640);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (self->settings, "last-page");
  if (last_page[0] != '\0' && gtk_stack_get_child_by_name (self->stack, last_page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, last_page);
}

static void
save_state (ScmsWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  /* The default size follows the window's size as long as it is not
   * maximized, so this is the size to come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }

  g_settings_apply (self->settings);
}

/* Profiles: the saved communities, the connect form and the keyring. */

static char *
profile_key (const char *server_url,
             const char *community_id)
{
  return g_strdup_printf ("%s\n%s", server_url, community_id);
}

static gboolean
is_open_profile (ScmsWindow *self,
                 const char *community_id,
                 const char *server_url)
{
  return self->client != NULL &&
         g_strcmp0 (scms_client_get_community_id (self->client), community_id) == 0 &&
         g_strcmp0 (scms_client_get_base_url (self->client), server_url) == 0;
}

static void
set_connect_visible (ScmsWindow *self,
                     gboolean    visible)
{
  if (self->connect_visible == !!visible)
    return;

  self->connect_visible = !!visible;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-connect",
                                 self->connect_visible && self->client != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_VISIBLE]);
}

/* Menu labels take underscores as mnemonics; community IDs may have some. */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* What the menus call a saved community: its label, and its server too
 * when another saved community has the same label (one community ID on
 * two servers), so that a person can tell them apart. */
static char *
dup_profile_title (GVariant   *profiles,
                   const char *label,
                   const char *server_url)
{
  GVariantIter iter;
  const char *other;
  guint n_same = 0;

  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &other, NULL, NULL))
    {
      if (g_strcmp0 (other, label) == 0)
        n_same++;
    }

  if (n_same < 2)
    return g_strdup (label);

  /* Translators: a saved community in a menu, when two have the same name:
   * the first %s is the name, the second its server's address. */
  return g_strdup_printf (_("%s (%s)"), label, server_url);
}

static const char *
get_new_server_url (ScmsWindow *self)
{
  if (self->server_url_preset != NULL)
    return self->server_url_preset;

  return NULL;
}

/* Over the connect form, the Communities menu shows once there are any. */
static void
update_connect_profiles_button (ScmsWindow *self)
{
  if (self->connect_profiles_button != NULL)
    gtk_widget_set_visible (self->connect_profiles_button,
                            g_menu_model_get_n_items (G_MENU_MODEL (self->profiles_section)) > 0);
}

static void
update_profiles_menu (ScmsWindow *self)
{
  g_autoptr(GVariant) profiles = NULL;
  g_autofree char *open_label = NULL;
  GVariantIter iter;
  const char *label;
  const char *community_id;
  const char *server_url;
  guint n_profiles = 0;

  g_menu_remove_all (self->profiles_section);
  g_menu_remove_all (self->forget_section);

  if (self->settings != NULL)
    {
      profiles = g_settings_get_value (self->settings, "profiles");
      g_variant_iter_init (&iter, profiles);
      while (g_variant_iter_next (&iter, "(&s&s&s)", &label, &community_id, &server_url))
        {
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *title = dup_profile_title (profiles, label, server_url);
          g_autofree char *escaped = escape_mnemonics (title);

          item = g_menu_item_new (escaped, NULL);
          g_menu_item_set_action_and_target_value (item, "win.open-profile",
                                                   g_variant_new ("(ss)", community_id,
                                                                  server_url));
          g_menu_append_item (self->profiles_section, item);
          n_profiles++;

          if (is_open_profile (self, community_id, server_url))
            open_label = g_steal_pointer (&title);
        }
    }

  if (open_label != NULL)
    {
      g_autofree char *escaped = escape_mnemonics (open_label);
      /* Translators: %s is the name of a saved community. */
      g_autofree char *forget = g_strdup_printf (_("_Forget “%s”…"), escaped);

      g_menu_append (self->forget_section, forget, "win.forget-profile");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forget-profile", open_label != NULL);
  update_connect_profiles_button (self);
}

static void
connected_cb (ScmsWindow       *self,
              ScmsClient       *client,
              ScmsSubscription *subscription)
{
  const char *community_id = scms_client_get_community_id (client);
  const char *server_url = scms_client_get_base_url (client);

  g_hash_table_replace (self->session_clients,
                        profile_key (server_url, community_id),
                        g_object_ref (client));

  if (self->settings != NULL)
    {
      g_autofree char *label = NULL;

      if (!scms_profiles_find (self->settings, community_id, server_url, &label))
        label = g_strdup (community_id);
      scms_profiles_save (self->settings, label, community_id, server_url);
    }

  scms_window_set_client (self, client);
  set_connect_visible (self, FALSE);

  if (subscription != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: the first %s is a community ID, the second the name of
       * its plan, such as "Pro". */
      title = g_strdup_printf (_("Connected to %s — %s plan"),
                               community_id, scms_subscription_get_name (subscription));
      scms_window_add_toast (self, scms_toast_new (title));
    }
}

/* The connect view and its form, built the first time they are needed: a
 * window that opens a community at once (the demo, or a client kept for
 * this session) never shows them. Built with the window, the view's
 * header bar was 5 M of the instructions the demo ran before its first
 * frame. */
static ScmsConnectPage *
ensure_connect_page (ScmsWindow *self)
{
  if (self->connect_slot == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GError) error = NULL;
      GtkWidget *view;

      if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "/ui/scms-connect-view.ui",
                                          &error))
        g_error ("Could not build the connect view: %s", error->message);

#define GET_OBJECT(id) gtk_builder_get_object (builder, (id))
      view = GTK_WIDGET (GET_OBJECT ("connect_view"));
      self->connect_slot = ADW_BIN (GET_OBJECT ("connect_slot"));
      self->connect_menu_button = GTK_WIDGET (GET_OBJECT ("connect_menu_button"));
      self->connect_profiles_button = GTK_WIDGET (GET_OBJECT ("connect_profiles_button"));
      g_object_bind_property_full (self, "client", GET_OBJECT ("cancel_button"), "visible",
                                   G_BINDING_SYNC_CREATE, has_client_to_visible, NULL, NULL, NULL);
#undef GET_OBJECT
      set_menu_model_when_opened (self->connect_menu_button, self->primary_menu);
      set_menu_model_when_opened (self->connect_profiles_button, self->profiles_menu);
      update_connect_profiles_button (self);
      scms_name_buttons (view);
      adw_bin_set_child (self->connect_view_slot, view);
    }

  if (self->connect_page == NULL)
    {
      self->connect_page = g_object_new (SCMS_TYPE_CONNECT_PAGE, NULL);
      g_signal_connect_object (self->connect_page, "connected", G_CALLBACK (connected_cb),
                               self, G_CONNECT_SWAPPED);
      scms_connect_page_reset (self->connect_page, NULL, get_new_server_url (self));
      scms_name_buttons (GTK_WIDGET (self->connect_page));
      adw_bin_set_child (self->connect_slot, GTK_WIDGET (self->connect_page));
    }

  return self->connect_page;
}

/* Stops what the connect form has in flight, if it was ever built. */
static void
cancel_connect (ScmsWindow *self)
{
  if (self->connect_page != NULL)
    scms_connect_page_cancel (self->connect_page);
}

static gboolean
connect_view_is_shown (ScmsWindow *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self)) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "connect") == 0;
}

/* Whatever shows the connect view, it never shows it empty, and what is
 * typed next goes into it (unless it is already there). */
static void
main_view_changed_cb (ScmsWindow *self)
{
  GtkWidget *page;
  GtkWidget *focus;

  if (!connect_view_is_shown (self))
    return;

  page = GTK_WIDGET (ensure_connect_page (self));
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, page))
    gtk_widget_grab_focus (page);
}

static void
open_profile (ScmsWindow *self,
              const char *community_id,
              const char *server_url)
{
  g_autofree char *key = profile_key (server_url, community_id);
  ScmsClient *client;

  if (is_open_profile (self, community_id, server_url))
    {
      cancel_connect (self);
      set_connect_visible (self, FALSE);
      return;
    }

  client = g_hash_table_lookup (self->session_clients, key);
  if (client != NULL)
    {
      cancel_connect (self);
      scms_window_set_client (self, client);
      set_connect_visible (self, FALSE);
      if (self->settings != NULL)
        scms_profiles_set_last (self->settings, community_id, server_url);
      return;
    }

  set_connect_visible (self, TRUE);
  scms_connect_page_reconnect (ensure_connect_page (self), community_id, server_url);
}

static void
open_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  const char *community_id;
  const char *server_url;

  g_variant_get (param, "(&s&s)", &community_id, &server_url);
  open_profile (SCMS_WINDOW (widget), community_id, server_url);
}

static void
clear_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ScmsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!scms_secret_clear_finish (result, &error) && error != NULL)
    {
      g_debug ("Could not remove the API key: %s", error->message);
      scms_window_add_toast (self,
                             scms_toast_new (_("The API key could not be removed from the keyring")));
      return;
    }

  scms_window_add_toast (self, scms_toast_new (_("Community forgotten")));
}

static void
forget_profile (ScmsWindow *self,
                const char *community_id,
                const char *server_url)
{
  g_autofree char *key = profile_key (server_url, community_id);

  if (self->settings != NULL)
    scms_profiles_remove (self->settings, community_id, server_url);

  g_hash_table_remove (self->session_clients, key);

  if (is_open_profile (self, community_id, server_url))
    {
      scms_window_set_client (self, NULL);
      scms_connect_page_reset (ensure_connect_page (self), NULL, get_new_server_url (self));
    }

  scms_secret_clear_async (server_url, community_id, NULL, clear_key_cb, g_object_ref (self));
  update_profiles_menu (self);
}

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ScmsWindow       *self)
{
  if (g_strcmp0 (response, "forget") != 0)
    return;

  forget_profile (self,
                  g_object_get_data (G_OBJECT (dialog), "scms-community-id"),
                  g_object_get_data (G_OBJECT (dialog), "scms-server-url"));
}

static void
forget_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ScmsWindow *self = SCMS_WINDOW (widget);
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->client == NULL || self->settings == NULL ||
      !scms_profiles_find (self->settings,
                           scms_client_get_community_id (self->client),
                           scms_client_get_base_url (self->client),
                           &label))
    return;

  /* Translators: %s is the name of a saved community. */
  heading = g_strdup_printf (_("Forget “%s”?"), label);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The community and its API key will be removed from this "
                                     "computer. You can add it again with its community ID and "
                                     "API key."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "forget", _("_Forget"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "forget",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "scms-community-id",
                          g_strdup (scms_client_get_community_id (self->client)), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "scms-server-url",
                          g_strdup (scms_client_get_base_url (self->client)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_credentials_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  ScmsWindow *self = SCMS_WINDOW (widget);

  if (self->client == NULL)
    return;

  scms_connect_page_reset (ensure_connect_page (self),
                           scms_client_get_community_id (self->client),
                           scms_client_get_base_url (self->client));
  set_connect_visible (self, TRUE);
}

static void
close_connect_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ScmsWindow *self = SCMS_WINDOW (widget);

  if (self->client == NULL)
    return;

  cancel_connect (self);
  set_connect_visible (self, FALSE);
}

static void
scms_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (scms_window_parent_class)->map (widget);

  main_view_changed_cb (SCMS_WINDOW (widget));
}

static gboolean
scms_window_close_request (GtkWindow *window)
{
  save_state (SCMS_WINDOW (window));

  return GTK_WINDOW_CLASS (scms_window_parent_class)->close_request (window);
}

static void
scms_window_dispose (GObject *object)
{
  ScmsWindow *self = SCMS_WINDOW (object);

  g_clear_handle_id (&self->paused_timeout, g_source_remove);
  if (self->client != NULL)
    g_clear_signal_handler (&self->paused_handler, self->client);

  self->visible_page = NULL;
  self->connect_page = NULL;
  self->connect_slot = NULL;
  self->connect_menu_button = NULL;
  self->connect_profiles_button = NULL;
  self->paused_bar = NULL;
  self->paused_label = NULL;
  self->trouble_bar = NULL;
  self->trouble_label = NULL;
  self->update_button = NULL;
  self->stale_bar = NULL;
  self->stale_label = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_WINDOW);

  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->session_clients, g_hash_table_unref);

  G_OBJECT_CLASS (scms_window_parent_class)->dispose (object);
}

static void
scms_window_finalize (GObject *object)
{
  ScmsWindow *self = SCMS_WINDOW (object);

  g_clear_pointer (&self->server_url_preset, g_free);

  G_OBJECT_CLASS (scms_window_parent_class)->finalize (object);
}

static void
scms_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScmsWindow *self = SCMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, scms_window_get_client (self));
      break;

    case PROP_CONNECT_VISIBLE:
      g_value_set_boolean (value, scms_window_get_connect_visible (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScmsWindow *self = SCMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      scms_window_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_window_class_init (ScmsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = scms_window_dispose;
  object_class->finalize = scms_window_finalize;
  object_class->get_property = scms_window_get_property;
  object_class->set_property = scms_window_set_property;

  widget_class->map = scms_window_map;

  window_class->close_request = scms_window_close_request;

  /**
   * ScmsWindow:client: (nullable)
   *
   * The client of the open community, handed down to every page;
   * %NULL while no community is open.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         SCMS_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsWindow:connect-visible:
   *
   * Whether the connect form is shown over the open community (to add a
   * community, update credentials or reopen a saved one). Without a
   * community the form is shown anyway.
   */
  properties[PROP_CONNECT_VISIBLE] =
    g_param_spec_boolean ("connect-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open-profile", "(ss)", open_profile_action);
  gtk_widget_class_install_action (widget_class, "win.forget-profile", NULL,
                                   forget_profile_action);
  gtk_widget_class_install_action (widget_class, "win.update-credentials", NULL,
                                   update_credentials_action);
  gtk_widget_class_install_action (widget_class, "win.close-connect", NULL,
                                   close_connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.reload", NULL);
  gtk_widget_class_install_action (widget_class, "win.page-action", "s", page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.page-action", "s", "page.search");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.page-action", "s", "page.focus-identifier");
  gtk_widget_class_install_action (widget_class, "win.show-whitelist", "x",
                                   show_whitelist_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/scms-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, connect_view_slot);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, profiles_button);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, profiles_menu);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, profiles_section);
  gtk_widget_class_bind_template_child (widget_class, ScmsWindow, forget_section);
  gtk_widget_class_bind_template_callback (widget_class, get_main_view_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, adw_toast_overlay_add_toast);

  /* Types used only in the template. */
  g_type_ensure (SCMS_TYPE_CLIENT);
}

static void
scms_window_init (ScmsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  scms_name_buttons (GTK_WIDGET (self));
  set_menu_model_when_opened (self->menu_button, self->primary_menu);
  set_menu_model_when_opened (self->profiles_button, self->profiles_menu);

  self->settings = lookup_settings ();
  self->session_clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::profiles",
                             G_CALLBACK (update_profiles_menu), self, G_CONNECT_SWAPPED);
  update_profiles_menu (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-connect", FALSE);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (main_view_changed_cb), self, G_CONNECT_SWAPPED);

  add_page_slots (self);
  restore_state (self);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);
  update_actions (self);

  if (g_str_has_suffix (APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * scms_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer full): a new window with no community open
 */
ScmsWindow *
scms_window_new (GtkApplication *application)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (SCMS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * scms_window_get_client:
 * @self: a #ScmsWindow
 *
 * Returns: (transfer none) (nullable): the client of the open community
 */
ScmsClient *
scms_window_get_client (ScmsWindow *self)
{
  g_return_val_if_fail (SCMS_IS_WINDOW (self), NULL);

  return self->client;
}

/**
 * scms_window_set_client:
 * @self: a #ScmsWindow
 * @client: (nullable): the client of the community to show
 *
 * Opens the community @client talks to; every page reloads from it.
 */
void
scms_window_set_client (ScmsWindow *self,
                        ScmsClient *client)
{
  g_return_if_fail (SCMS_IS_WINDOW (self));
  g_return_if_fail (!client || SCMS_IS_CLIENT (client));

  if (self->client == client)
    return;

  if (self->client != NULL)
    g_clear_signal_handler (&self->paused_handler, self->client);

  g_set_object (&self->client, client);

  if (client != NULL)
    {
      self->paused_handler = g_signal_connect_object (client, "notify::paused-until",
                                                      G_CALLBACK (notify_paused_until_cb),
                                                      self, G_CONNECT_SWAPPED);
      adw_window_title_set_subtitle (self->window_title,
                                     scms_client_get_community_id (client));
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
    }

  hide_notice (self->trouble_bar);
  if (self->update_button != NULL)
    gtk_widget_set_visible (self->update_button, FALSE);
  update_paused (self);
  update_actions (self);
  update_profiles_menu (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-connect",
                                 self->connect_visible && self->client != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * scms_window_get_page:
 * @self: a #ScmsWindow
 * @name: the page's name in the stack, such as "subscription"
 *
 * Builds the page if it was not shown yet.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL if there is none
 */
ScmsPage *
scms_window_get_page (ScmsWindow *self,
                      const char *name)
{
  g_return_val_if_fail (SCMS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return ensure_page (self, name);
}

/**
 * scms_window_get_visible_page:
 * @self: a #ScmsWindow
 *
 * Returns: (transfer none) (nullable): the page shown
 */
ScmsPage *
scms_window_get_visible_page (ScmsWindow *self)
{
  g_return_val_if_fail (SCMS_IS_WINDOW (self), NULL);

  return self->visible_page;
}

/**
 * scms_window_set_visible_page:
 * @self: a #ScmsWindow
 * @name: the page's name in the stack
 *
 * Shows the page called @name; what the previous page had in flight is
 * cancelled.
 */
void
scms_window_set_visible_page (ScmsWindow *self,
                              const char *name)
{
  g_return_if_fail (SCMS_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * scms_window_add_toast:
 * @self: a #ScmsWindow
 * @toast: (transfer full): a new toast
 *
 * Shows @toast over the window.
 */
void
scms_window_add_toast (ScmsWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (SCMS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A keyring call can end after the window was closed: no one to tell. */
  if (self->toast_overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * scms_window_get_connect_visible:
 * @self: a #ScmsWindow
 *
 * Returns: whether the connect form is shown over the open community
 */
gboolean
scms_window_get_connect_visible (ScmsWindow *self)
{
  g_return_val_if_fail (SCMS_IS_WINDOW (self), FALSE);

  return self->connect_visible;
}

/**
 * scms_window_get_profiles_menu:
 * @self: a #ScmsWindow
 *
 * The Communities menu: the saved communities, to open or forget, and
 * Add Community. Its buttons build their menus from it when first opened.
 *
 * Returns: (transfer none): the Communities menu
 */
GMenuModel *
scms_window_get_profiles_menu (ScmsWindow *self)
{
  g_return_val_if_fail (SCMS_IS_WINDOW (self), NULL);

  return self->profiles_menu;
}

/**
 * scms_window_get_connect_page:
 * @self: a #ScmsWindow
 *
 * Builds the connect form if it was not shown yet.
 *
 * Returns: (transfer none): the connect form
 */
ScmsConnectPage *
scms_window_get_connect_page (ScmsWindow *self)
{
  g_return_val_if_fail (SCMS_IS_WINDOW (self), NULL);

  return ensure_connect_page (self);
}

/**
 * scms_window_set_server_url_preset:
 * @self: a #ScmsWindow
 * @server_url: (nullable): the server for new communities (`--api-url`)
 *
 * Presets the Server field of the connect form for new communities.
 */
void
scms_window_set_server_url_preset (ScmsWindow *self,
                                   const char *server_url)
{
  g_return_if_fail (SCMS_IS_WINDOW (self));

  if (g_strcmp0 (self->server_url_preset, server_url) == 0)
    return;

  g_free (self->server_url_preset);
  self->server_url_preset = g_strdup (server_url);

  /* A form not built yet starts with it anyway. */
  if (self->client == NULL && self->connect_page != NULL &&
      !scms_connect_page_get_busy (self->connect_page))
    scms_connect_page_reset (self->connect_page, NULL, get_new_server_url (self));
}

/**
 * scms_window_add_community:
 * @self: a #ScmsWindow
 *
 * Shows an empty connect form for another community.
 */
void
scms_window_add_community (ScmsWindow *self)
{
  g_return_if_fail (SCMS_IS_WINDOW (self));

  scms_connect_page_reset (ensure_connect_page (self), NULL, get_new_server_url (self));
  set_connect_visible (self, TRUE);
}

/**
 * scms_window_open_saved_community:
 * @self: a #ScmsWindow
 *
 * Reopens the community that was open last with its key from the
 * keyring, without asking; shows the connect form when there is none,
 * no key is stored or the keyring cannot be used.
 */
void
scms_window_open_saved_community (ScmsWindow *self)
{
  g_autofree char *community_id = NULL;
  g_autofree char *server_url = NULL;

  g_return_if_fail (SCMS_IS_WINDOW (self));

  if (self->settings == NULL ||
      !scms_profiles_find_last (self->settings, &community_id, &server_url))
    {
      scms_window_add_community (self);
      return;
    }

  open_profile (self, community_id, server_url);
}
