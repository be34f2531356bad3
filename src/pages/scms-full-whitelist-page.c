/* scms-full-whitelist-page.c
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

#include <string.h>
#include <glib/gi18n.h>

#include "scms-bulk-check-item.h"
#include "scms-csv.h"
#include "scms-full-whitelist-page.h"
#include "scms-util.h"
#include "scms-whitelist-search.h"
#include "scms-wrap-box.h"

/*
 * The whitelist of one game server (FULL_WHITELIST), downloaded once and
 * then searched, sorted, copied and exported here, plus the Bulk Check
 * view that answers for many identifiers at once from that download.
 *
 * Whitelists can hold 100,000 entries: the client decodes them on worker
 * threads while they download and appends them to the list this page shows
 * (no copy), so the first rows appear before the last byte; filtering
 * and sorting run incrementally so typing never waits for them, and the
 * CSV is built on a worker thread and written asynchronously.
 *
 * Identifiers the download cannot answer are verified one by one with
 * VERIFY_WHITELIST through the client, whose scheduler keeps to the rate
 * the API allows and sends one call per endpoint at a time. One call is
 * handed to it at a time (BULK_IN_FLIGHT): more would only wait in its
 * queue, and Pause would then stop only after all of them.
 */

#define BULK_IN_FLIGHT 1
#define BULK_MAX_FILE_SIZE (16 * 1024 * 1024)

struct _ScmsFullWhitelistPage
{
  ScmsPage             parent_instance;

  GListModel          *servers;
  GListModel          *entries;
  gint64               server_id;
  gint64               entries_server_id;  /* whose whitelist entries holds */
  gboolean             streaming;
  /* What a reload fills while the page keeps showing entries. */
  ScmsArrayStore      *refresh_store;
  char                *count_text;
  GtkFileChooserNative *chooser;

  /* Bulk check */
  GHashTable          *api_id_index;
  GCancellable        *bulk_cancellable;
  GQueue               bulk_queue;
  guint                bulk_generation;
  guint                bulk_in_flight;
  guint                bulk_done;
  guint                bulk_total;
  gint64               bulk_server_id;
  char                *bulk_message;
  gboolean             bulk_message_wants_text; /* "Enter at least one…" */
  guint                bulk_running : 1;
  guint                bulk_paused : 1;

  guint                syncing_dropdown : 1;

  /* The entry the user selected, while a search drops and brings back
   * the rows it is in (see selected_changed_cb()). */
  ScmsWhitelistEntry  *chosen;

  /* Template widgets */
  GtkDropDown         *server_dropdown;
  GtkStack            *view_stack;
  GtkStack            *state_stack;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkWidget           *entries_scroller;
  GtkColumnView       *entries_view;
  GtkWidget           *no_match_page;
  GtkSingleSelection  *entries_selection;
  ScmsWhitelistSearch *search_model;
  GtkSortListModel    *sort_model;
  GtkTextView         *bulk_text_view;
  GtkLabel            *bulk_message_label;
  GtkButton           *bulk_pause_button;
  GtkProgressBar      *bulk_progress;
  GListStore          *bulk_store;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsFullWhitelistPage, scms_full_whitelist_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Full Whitelist"),
                                                         "view-list-symbolic"))

enum {
  PROP_0,
  PROP_SERVER_ID,
  PROP_SERVERS,
  PROP_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_whitelist (ScmsFullWhitelistPage *self);
static void bulk_pump      (ScmsFullWhitelistPage *self);

/* Template closures */

static char *
get_api_ids_text_cb (gpointer            instance,
                     const char * const *api_ids)
{
  if (api_ids == NULL)
    return g_strdup ("");

  return g_strjoinv (", ", (char **) api_ids);
}

/* The two columns of the whitelist. A list of 100,000 entries rebuilds a
 * few hundred rows whenever a search changes what is shown, so the cells
 * are as cheap as GTK allows: made in code rather than from a template
 * per cell, and GtkInscription rather than GtkLabel, which asks for its
 * size without laying out its text (GtkLabel shaped every cell twice). */
static void
entry_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, inscription);
}

static void
api_ids_cell_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  gtk_widget_add_css_class (gtk_list_item_get_child (list_item), "monospace");
}

static void
name_cell_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  ScmsWhitelistEntry *entry = gtk_list_item_get_item (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)),
                            scms_whitelist_entry_get_name (entry));
}

static void
api_ids_cell_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  ScmsWhitelistEntry *entry = gtk_list_item_get_item (list_item);
  g_autofree char *text = scms_whitelist_entry_dup_api_ids_text (entry);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), text);
}

static GStrv
get_status_classes_cb (gpointer instance,
                       int      status)
{
  const char *css_class = NULL;

  switch ((ScmsBulkStatus) status)
    {
    case SCMS_BULK_STATUS_ALLOWED:
    case SCMS_BULK_STATUS_BYPASSED:
      css_class = "success";
      break;

    case SCMS_BULK_STATUS_NOT_ALLOWED:
      css_class = "error";
      break;

    case SCMS_BULK_STATUS_INVALID:
      css_class = "warning";
      break;

    case SCMS_BULK_STATUS_CHECKING:
    case SCMS_BULK_STATUS_UNKNOWN:
    case SCMS_BULK_STATUS_NOT_CHECKED:
    default:
      css_class = "dim-label";
      break;
    }

  return g_strdupv ((char *[]) { (char *) css_class, NULL });
}

static char *
get_name_or_detail_cb (gpointer    instance,
                       const char *name,
                       const char *detail)
{
  if (name != NULL && *name != '\0')
    return g_strdup (name);

  return g_strdup (detail != NULL ? detail : "");
}

static GStrv
get_name_classes_cb (gpointer    instance,
                     const char *name)
{
  if (name != NULL && *name != '\0')
    return NULL;

  return g_strdupv ((char *[]) { (char *) "dim-label", NULL });
}

/* Small helpers */

static void
toast (ScmsFullWhitelistPage *self,
       const char            *title)
{
  scms_page_add_toast (SCMS_PAGE (self), scms_toast_new (title));
}

static ScmsGameServer *
find_server (ScmsFullWhitelistPage *self,
             gint64                 server_id,
             guint                 *position)
{
  guint n;

  if (self->servers == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->servers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmsGameServer) server = g_list_model_get_item (self->servers, i);

      if (scms_game_server_get_id (server) == server_id)
        {
          if (position != NULL)
            *position = i;
          return server;
        }
    }

  return NULL;
}

/* The whole whitelist of the server chosen is shown. */
static gboolean
whitelist_loaded (ScmsFullWhitelistPage *self)
{
  ScmsPageState state = scms_page_get_state (SCMS_PAGE (self));

  return self->entries != NULL && !self->streaming &&
         self->entries_server_id == self->server_id &&
         (state == SCMS_PAGE_STATE_RESULTS || state == SCMS_PAGE_STATE_EMPTY);
}

static void
update_actions (ScmsFullWhitelistPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_selection;
  gboolean has_entries;

  /* Models still report changes while the template is torn down. */
  if (self->entries_selection == NULL)
    return;

  has_entries = self->entries != NULL && g_list_model_get_n_items (self->entries) > 0;
  has_selection = gtk_single_selection_get_selected_item (self->entries_selection) != NULL;

  gtk_widget_action_set_enabled (widget, "whitelist.copy-api-ids", has_selection);
  gtk_widget_action_set_enabled (widget, "whitelist.copy-name", has_selection);
  /* Only a whole whitelist: part of one would save as if it were all. */
  gtk_widget_action_set_enabled (widget, "whitelist.export", has_entries && whitelist_loaded (self));

  /* A check answers from the list shown, which a reload replaces. */
  gtk_widget_action_set_enabled (widget, "bulk.start",
                                 whitelist_loaded (self) &&
                                 !scms_page_get_refreshing (SCMS_PAGE (self)));
  gtk_widget_action_set_enabled (widget, "bulk.open",
                                 whitelist_loaded (self) &&
                                 !scms_page_get_refreshing (SCMS_PAGE (self)));
  gtk_widget_action_set_enabled (widget, "bulk.pause", self->bulk_running);
  gtk_widget_action_set_enabled (widget, "bulk.cancel", self->bulk_running);
  gtk_widget_action_set_enabled (widget, "bulk.export",
                                 !self->bulk_running &&
                                 g_list_model_get_n_items (G_LIST_MODEL (self->bulk_store)) > 0);

  scms_button_set_mnemonic_label (self->bulk_pause_button,
                                  self->bulk_paused ? _("_Resume") : _("_Pause"));
}

static void
update_count (ScmsFullWhitelistPage *self)
{
  guint total;
  guint shown;
  const char *search;

  if (self->search_model == NULL)
    return;

  total = self->entries != NULL ? g_list_model_get_n_items (self->entries) : 0;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->search_model));
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->count_text);

  /* While the rest of the whitelist arrives, the total is not one yet. */
  if (search[0] == '\0' && self->streaming)
    /* Translators: the members on the whitelist, while more are downloading */
    self->count_text = g_strdup_printf (ngettext ("%u entry so far…", "%u entries so far…", total),
                                        total);
  else if (search[0] == '\0')
    /* Translators: the number of members on the whitelist */
    self->count_text = g_strdup_printf (ngettext ("%u entry", "%u entries", total), total);
  else if (self->streaming)
    /* Translators: while searching, with more entries downloading: "12 of 160 entries so far…" */
    self->count_text = g_strdup_printf (ngettext ("%u of %u entry so far…",
                                                  "%u of %u entries so far…", total),
                                        shown, total);
  else
    /* Translators: while searching: "12 of 160 entries" */
    self->count_text = g_strdup_printf (ngettext ("%u of %u entry", "%u of %u entries", total),
                                        shown, total);

  gtk_label_set_label (self->count_label, self->count_text);
}

/* Results start at the top; it is also where ScmsWhitelistSearch brings
 * them in gently. */
static void
search_changed_cb (ScmsFullWhitelistPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->entries_view));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* A search under way takes rows away and brings back those that still
 * match, in separate changes: the selection does not survive that, so
 * the page keeps the user's choice until the search is done. */
static void
selected_changed_cb (ScmsFullWhitelistPage *self)
{
  ScmsWhitelistEntry *entry = gtk_single_selection_get_selected_item (self->entries_selection);

  if (entry != NULL || !scms_whitelist_search_get_pending (self->search_model))
    g_set_object (&self->chosen, entry);

  update_actions (self);
}

static void
reselect_chosen (ScmsFullWhitelistPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->search_model);
  guint n;

  if (self->chosen == NULL || scms_whitelist_search_get_pending (self->search_model) ||
      gtk_single_selection_get_selected_item (self->entries_selection) != NULL)
    return;

  n = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmsWhitelistEntry) entry = g_list_model_get_item (shown, i);

      if (entry == self->chosen)
        {
          gtk_single_selection_set_selected (self->entries_selection, i);
          return;
        }
    }

  /* The search left it out. */
  g_clear_object (&self->chosen);
}

static void
show_no_match (ScmsFullWhitelistPage *self,
               gboolean               no_match)
{
  gtk_widget_set_visible (self->no_match_page, no_match);
  gtk_widget_set_visible (self->entries_scroller, !no_match);
}

/* A search that finds nothing says so in place of the list, but only once
 * it is done: a search runs in steps, and the whitelist may still be
 * arriving, so the list can be empty for a few turns before the first
 * results come; till then what is shown stays. It reads two counts,
 * whatever the size of the whitelist. */
static void
update_no_match (ScmsFullWhitelistPage *self)
{
  guint total;

  /* Models still report changes while the template is torn down. */
  if (self->search_model == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->search_model)) > 0)
    {
      show_no_match (self, FALSE);
      return;
    }

  if (self->streaming || scms_whitelist_search_get_pending (self->search_model))
    return;

  /* With entries, only a search hides them all; without any, the page
   * shows its empty state instead. */
  total = self->entries != NULL ? g_list_model_get_n_items (self->entries) : 0;
  show_no_match (self, total > 0);
}

/* A stepped search started or ended. */
static void
search_pending_cb (ScmsFullWhitelistPage *self)
{
  reselect_chosen (self);
  update_no_match (self);
}

static void
shown_changed_cb (ScmsFullWhitelistPage *self)
{
  update_count (self);
  update_no_match (self);
  update_actions (self);
}

/* Loading */

static void
set_servers (ScmsFullWhitelistPage *self,
             GListModel            *servers)
{
  if (!g_set_object (&self->servers, servers))
    return;

  /* Binding the model resets the selection: keep our choice. */
  self->syncing_dropdown = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVERS]);
  self->syncing_dropdown = FALSE;
}

static void
select_server_in_dropdown (ScmsFullWhitelistPage *self)
{
  guint position;

  if (find_server (self, self->server_id, &position) == NULL)
    return;

  self->syncing_dropdown = TRUE;
  gtk_drop_down_set_selected (self->server_dropdown, position);
  self->syncing_dropdown = FALSE;
}

static void
bulk_reset (ScmsFullWhitelistPage *self)
{
  scms_full_whitelist_page_cancel_bulk_check (self);
  g_list_store_remove_all (self->bulk_store);
  g_clear_pointer (&self->bulk_message, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->bulk_message_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->bulk_progress), FALSE);
  update_actions (self);
}

static void
streamed_entries_cb (ScmsFullWhitelistPage *self,
                     guint                  position,
                     guint                  removed,
                     guint                  added,
                     GListModel            *store)
{
  if (!self->streaming || store != self->entries)
    return;

  /* The first rows are in: show them while the rest arrives, at once.
   * A cross-fade lays out and draws both pages on every frame, and these
   * are the frames in which the rest of a large whitelist lands: with one,
   * the benchmark's main thread spent about 70 ms more on layout. */
  if (added > 0 && scms_page_get_state (SCMS_PAGE (self)) == SCMS_PAGE_STATE_LOADING)
    {
      GtkStackTransitionType transition = gtk_stack_get_transition_type (self->state_stack);

      gtk_stack_set_transition_type (self->state_stack, GTK_STACK_TRANSITION_TYPE_NONE);
      scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_RESULTS);
      gtk_stack_set_transition_type (self->state_stack, transition);
    }

  update_count (self);
}

typedef struct
{
  ScmsFullWhitelistPage *self;
  ScmsArrayStore        *store;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->self);
  g_clear_object (&load->store);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
full_whitelist_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  ScmsFullWhitelistPage *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  gboolean ok;

  g_assert (SCMS_IS_FULL_WHITELIST_PAGE (self));

  ok = scms_client_full_whitelist_into_finish (SCMS_CLIENT (object), result, &error);

  /* A reload while the page showed this server's whitelist: the new one
   * replaces it once it is all in; if it failed, the page keeps it and
   * says so. Left or cancelled, the page reloads when shown again. */
  if (load->store == self->refresh_store)
    {
      g_clear_object (&self->refresh_store);

      if (!ok)
        {
          if (!scms_client_error_is_cancelled (error))
            {
              g_debug ("Could not reload the whitelist: %s", error->message);
              scms_page_show_error (SCMS_PAGE (self), error);
            }
          return;
        }

      /* The bulk check's results were of the list it replaces. */
      bulk_reset (self);
      scms_full_whitelist_page_set_entries (self, G_LIST_MODEL (load->store));
      return;
    }

  /* A newer load, or another community, replaced this one: its end,
   * whatever it is, is no longer the page's. */
  if (G_LIST_MODEL (load->store) != self->entries)
    return;

  if (!ok)
    {
      /* Cancelled while the list still filled (the user left the page, or
       * closed the window), the client took back what had landed: load it
       * again when the page is shown. */
      if (scms_client_error_is_cancelled (error))
        {
          if (self->streaming)
            {
              self->streaming = FALSE;
              scms_full_whitelist_page_set_entries (self, NULL);
              scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_LOADING);
              scms_page_queue_reload (SCMS_PAGE (self));
            }
          return;
        }

      g_debug ("Could not load the whitelist: %s", error->message);
      self->streaming = FALSE;
      scms_full_whitelist_page_set_entries (self, NULL);
      scms_page_show_error (SCMS_PAGE (self), error);
      return;
    }

  self->streaming = FALSE;
  entries = g_object_ref (self->entries);
  scms_full_whitelist_page_set_entries (self, entries);
}

/* Drops the whitelist shown, one being downloaded or reloaded, and the
 * bulk check's results, which were of it. */
static void
forget_whitelist (ScmsFullWhitelistPage *self)
{
  bulk_reset (self);
  g_clear_object (&self->refresh_store);
  self->streaming = FALSE;
  scms_full_whitelist_page_set_entries (self, NULL);
}

static void
load_whitelist (ScmsFullWhitelistPage *self)
{
  ScmsPage *page = SCMS_PAGE (self);
  g_autoptr(ScmsArrayStore) store = NULL;
  GCancellable *cancellable;
  Load *load;

  if (scms_page_get_client (page) == NULL || self->server_id <= 0)
    return;

  g_clear_object (&self->refresh_store);

  /* Reloading the whitelist shown: it stays until the new one is in, and
   * so do the bulk check's results, which are of it; a check still under
   * way stops. */
  if (scms_page_get_refreshing (page) && self->entries != NULL && !self->streaming &&
      self->entries_server_id == self->server_id)
    {
      scms_full_whitelist_page_cancel_bulk_check (self);
      self->refresh_store = scms_array_store_new (SCMS_TYPE_WHITELIST_ENTRY);

      load = g_new0 (Load, 1);
      load->self = g_object_ref (self);
      load->store = g_object_ref (self->refresh_store);
      scms_client_full_whitelist_into_async (scms_page_get_client (page),
                                             self->server_id,
                                             self->refresh_store,
                                             scms_page_get_cancellable (page),
                                             full_whitelist_cb,
                                             load);
      update_actions (self);
      return;
    }

  forget_whitelist (self);
  /* Whether the search finds anything in the new whitelist is known once
   * it is all in (see update_no_match()). */
  show_no_match (self, FALSE);

  cancellable = scms_page_get_cancellable (page);
  scms_page_set_state (page, SCMS_PAGE_STATE_LOADING);

  /* The list shows this store from the start; the client fills it. */
  store = scms_array_store_new (SCMS_TYPE_WHITELIST_ENTRY);
  g_signal_connect_object (store, "items-changed", G_CALLBACK (streamed_entries_cb), self,
                           G_CONNECT_SWAPPED);
  self->streaming = TRUE;
  self->entries_server_id = self->server_id;
  g_set_object (&self->entries, G_LIST_MODEL (store));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRIES]);
  update_actions (self);

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->store = g_object_ref (store);
  scms_client_full_whitelist_into_async (scms_page_get_client (page),
                                         self->server_id,
                                         store,
                                         cancellable,
                                         full_whitelist_cb,
                                         load);
}

static void
get_game_servers_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScmsFullWhitelistPage) self = user_data;
  g_autoptr(GListModel) servers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SCMS_IS_FULL_WHITELIST_PAGE (self));

  servers = scms_client_get_game_servers_finish (SCMS_CLIENT (object), result, &error);

  if (servers == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not load the game servers: %s", error->message);
      scms_page_show_error (SCMS_PAGE (self), error);
      return;
    }

  set_servers (self, servers);

  if (g_list_model_get_n_items (servers) == 0)
    {
      scms_page_set_error (SCMS_PAGE (self), _("No Game Servers"),
                           _("Add a game server in the Sonoran CMS community settings to see its whitelist."));
      return;
    }

  /* Keep the server asked for; else the first one. */
  if (find_server (self, self->server_id, NULL) == NULL)
    {
      g_autoptr(ScmsGameServer) first = g_list_model_get_item (servers, 0);

      self->server_id = scms_game_server_get_id (first);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_ID]);
    }

  select_server_in_dropdown (self);
  load_whitelist (self);
}

static void
scms_full_whitelist_page_reload (ScmsPage *page)
{
  GCancellable *cancellable;

  cancellable = scms_page_get_cancellable (page);
  scms_page_set_loading (page);

  scms_client_get_game_servers_async (scms_page_get_client (page),
                                      cancellable,
                                      get_game_servers_cb,
                                      g_object_ref (page));
}

static void
server_selected_cb (ScmsFullWhitelistPage *self)
{
  ScmsGameServer *server;

  if (self->syncing_dropdown)
    return;

  server = gtk_drop_down_get_selected_item (self->server_dropdown);
  if (server == NULL || scms_game_server_get_id (server) == self->server_id)
    return;

  self->server_id = scms_game_server_get_id (server);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_ID]);

  load_whitelist (self);
}

static void
client_changed (ScmsPage *page)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (page);

  /* Servers and whitelists belong to one community. */
  forget_whitelist (self);
  set_servers (self, NULL);
  update_actions (self);
}

/* Copy */

static void
copy_text (ScmsFullWhitelistPage *self,
           const char            *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  toast (self, _("Copied"));
}

static void
copy_api_ids_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (widget);
  ScmsWhitelistEntry *entry = gtk_single_selection_get_selected_item (self->entries_selection);
  g_autofree char *text = NULL;

  if (entry == NULL)
    return;

  text = g_strjoinv ("\n", (char **) scms_whitelist_entry_get_api_ids (entry));
  copy_text (self, text);
}

static void
copy_name_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (widget);
  ScmsWhitelistEntry *entry = gtk_single_selection_get_selected_item (self->entries_selection);

  if (entry != NULL)
    copy_text (self, scms_whitelist_entry_get_name (entry));
}

/* What "Open its whitelist" on the Game Servers page (win.show-whitelist)
 * asks for: that server's whitelist, all of it. What the user left here,
 * another tab or a search, would hide entries they did not ask to hide;
 * only the Bulk Check input stays, as it is their own typing. The search
 * is cleared after the server is chosen, so that it runs over the new
 * download rather than once more over the old whitelist. */
static void
show_server_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (widget);
  gint64 server_id = g_variant_get_int64 (param);

  if (server_id < 1)
    return;

  gtk_stack_set_visible_child_name (self->view_stack, "entries");
  scms_full_whitelist_page_set_server_id (self, server_id);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "entries");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* CSV export: the rows are built on a worker thread. */

typedef struct
{
  GPtrArray *entries;  /* ScmsWhitelistEntry, immutable */
  GPtrArray *rows;     /* GStrv, for bulk results */
  GStrv      header;
} CsvJob;

static void
csv_job_free (CsvJob *job)
{
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_clear_pointer (&job->header, g_strfreev);
  g_free (job);
}

static void
build_csv_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CsvJob *job = task_data;
  GString *csv = g_string_sized_new (4096);

  scms_csv_append_row (csv, (const char * const *) job->header);

  if (job->entries != NULL)
    {
      for (guint i = 0; i < job->entries->len; i++)
        {
          ScmsWhitelistEntry *entry = g_ptr_array_index (job->entries, i);
          g_autofree char *api_ids = NULL;
          const char *fields[3];

          api_ids = g_strjoinv (";", (char **) scms_whitelist_entry_get_api_ids (entry));
          fields[0] = scms_whitelist_entry_get_name (entry);
          fields[1] = api_ids;
          fields[2] = NULL;
          scms_csv_append_row (csv, fields);
        }
    }

  if (job->rows != NULL)
    for (guint i = 0; i < job->rows->len; i++)
      scms_csv_append_row (csv, g_ptr_array_index (job->rows, i));

  g_task_return_pointer (task, g_string_free_to_bytes (csv), (GDestroyNotify) g_bytes_unref);
}

static void
replace_contents_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
csv_built_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (task), "scms-file");

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       g_task_get_cancellable (task),
                                       replace_contents_cb,
                                       g_object_ref (task));
}

static void
write_csv_async (ScmsFullWhitelistPage *self,
                 CsvJob                *job,
                 GFile                 *file,
                 GCancellable          *cancellable,
                 GAsyncReadyCallback    callback,
                 gpointer               user_data,
                 gpointer               source_tag)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) build = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_object_set_data_full (G_OBJECT (task), "scms-file", g_object_ref (file), g_object_unref);

  build = g_task_new (NULL, cancellable, csv_built_cb, g_object_ref (task));
  g_task_set_task_data (build, job, (GDestroyNotify) csv_job_free);
  g_task_run_in_thread (build, build_csv_thread);
}

/**
 * scms_full_whitelist_page_export_async:
 * @self: a #ScmsFullWhitelistPage
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the whole whitelist, in the order the list is sorted (in the
 * server's order while a new sort is still under way), to @file as
 * RFC 4180 CSV with the header `Name,API IDs` and API IDs joined with `;`.
 */
void
scms_full_whitelist_page_export_async (ScmsFullWhitelistPage *self,
                                       GFile                 *file,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  CsvJob *job;
  GListModel *source;
  guint n;

  g_return_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The sorted order once sorting is done; the server's order before. */
  source = gtk_sort_list_model_get_pending (self->sort_model) == 0
           ? G_LIST_MODEL (self->sort_model) : self->entries;

  job = g_new0 (CsvJob, 1);
  job->header = g_strdupv ((char *[]) { (char *) "Name", (char *) "API IDs", NULL });
  job->entries = g_ptr_array_new_with_free_func (g_object_unref);

  n = source != NULL ? g_list_model_get_n_items (source) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (job->entries, g_list_model_get_item (source, i));

  write_csv_async (self, job, file, cancellable, callback, user_data,
                   scms_full_whitelist_page_export_async);
}

gboolean
scms_full_whitelist_page_export_finish (ScmsFullWhitelistPage  *self,
                                        GAsyncResult           *result,
                                        GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScmsFullWhitelistPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == scms_full_whitelist_page_export_async)
    ok = scms_full_whitelist_page_export_finish (self, result, &error);
  else
    ok = scms_full_whitelist_page_export_bulk_finish (self, result, &error);

  if (!ok)
    {
      g_autofree char *title = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Could not write the CSV file: %s", error->message);
      /* Translators: %s says why, e.g. "Permission denied" */
      title = g_strdup_printf (_("Could not save the file (%s). Choose another folder."),
                               error->message);
      toast (self, title);
      return;
    }

  toast (self, _("Exported"));
}

static void
chooser_response_cb (GtkNativeDialog       *dialog,
                     int                    response,
                     ScmsFullWhitelistPage *self)
{
  g_autoptr(GFile) file = NULL;
  const char *purpose = g_object_get_data (G_OBJECT (dialog), "scms-purpose");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL && g_strcmp0 (purpose, "export") == 0)
    scms_full_whitelist_page_export_async (self, file, NULL, export_done_cb,
                                           g_object_ref (self));
  else if (file != NULL && g_strcmp0 (purpose, "export-bulk") == 0)
    scms_full_whitelist_page_export_bulk_async (self, file, NULL, export_done_cb,
                                                g_object_ref (self));
  else if (file != NULL && g_strcmp0 (purpose, "open") == 0)
    scms_full_whitelist_page_open_bulk_file (self, file);

  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (dialog))
    g_clear_object (&self->chooser);
}

static void
run_chooser (ScmsFullWhitelistPage *self,
             const char            *purpose,
             const char            *title,
             GtkFileChooserAction   action,
             const char            *accept_label,
             const char            *suggested_name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data_full (G_OBJECT (self->chooser), "scms-purpose", g_strdup (purpose), g_free);

  gtk_file_filter_set_name (csv_filter, action == GTK_FILE_CHOOSER_ACTION_SAVE
                                        ? _("CSV Files") : _("Text and CSV Files"));
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_filter_add_suffix (csv_filter, "csv");
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      gtk_file_filter_add_mime_type (csv_filter, "text/plain");
      gtk_file_filter_add_suffix (csv_filter, "txt");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv_filter);

  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested_name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
suggest_file_name (ScmsFullWhitelistPage *self,
                   const char            *what)
{
  /* "whitelist-server-1.csv", "bulk-check-server-1.csv" */
  return g_strdup_printf ("%s-server-%" G_GINT64_FORMAT ".csv", what, self->server_id);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (widget);
  g_autofree char *name = suggest_file_name (self, "whitelist");

  run_chooser (self, "export", _("Export Whitelist"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Save"), name);
}

/* Bulk check */

/* v2 writes API IDs as "discord:1234…" where v1 has the bare value; index
 * both by the bare value (scms_whitelist_entry_has_api_id() does the same). */
static const char *
strip_type_prefix (const char *api_id)
{
  const char *p = api_id;

  if (!g_ascii_isalpha (*p))
    return api_id;

  while (g_ascii_isalnum (*p) || *p == '_')
    p++;

  if (*p == ':' && p[1] != '\0')
    return p + 1;

  return api_id;
}

static void
ensure_api_id_index (ScmsFullWhitelistPage *self)
{
  guint n;

  if (self->api_id_index != NULL || self->entries == NULL)
    return;

  /* Keys and values point into the entries, which live as long as
   * self->entries; the index is dropped with them. */
  self->api_id_index = g_hash_table_new (g_str_hash, g_str_equal);

  n = g_list_model_get_n_items (self->entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmsWhitelistEntry) entry = g_list_model_get_item (self->entries, i);
      const char * const *api_ids = scms_whitelist_entry_get_api_ids (entry);

      for (guint j = 0; api_ids[j] != NULL; j++)
        g_hash_table_insert (self->api_id_index, (gpointer) strip_type_prefix (api_ids[j]), entry);
    }
}

static ScmsWhitelistEntry *
lookup_entry (ScmsFullWhitelistPage *self,
              const char            *api_id)
{
  ScmsWhitelistEntry *entry;

  ensure_api_id_index (self);
  if (self->api_id_index == NULL)
    return NULL;

  entry = g_hash_table_lookup (self->api_id_index, strip_type_prefix (api_id));
  if (entry != NULL && scms_whitelist_entry_has_api_id (entry, api_id))
    return entry;

  return NULL;
}

static void set_bulk_message (ScmsFullWhitelistPage *self,
                              const char            *message,
                              gboolean               is_error);

/* Typing what the message asked for answers it: it goes, instead of
 * staying above a list that is no longer empty. */
static void
bulk_text_changed_cb (ScmsFullWhitelistPage *self)
{
  if (self->bulk_message_wants_text)
    set_bulk_message (self, NULL, FALSE);
}

static void
set_bulk_message (ScmsFullWhitelistPage *self,
                  const char            *message,
                  gboolean               is_error)
{
  g_free (self->bulk_message);
  self->bulk_message = g_strdup (message);
  self->bulk_message_wants_text = FALSE;

  gtk_label_set_label (self->bulk_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->bulk_message_label), message != NULL);

  scms_widget_set_css_class (GTK_WIDGET (self->bulk_message_label), "error", is_error);
}

static void
update_bulk_progress (ScmsFullWhitelistPage *self)
{
  g_autofree char *text = scms_full_whitelist_page_dup_bulk_progress_text (self);

  gtk_widget_set_visible (GTK_WIDGET (self->bulk_progress), self->bulk_total > 0);
  gtk_progress_bar_set_text (self->bulk_progress, text);
  gtk_progress_bar_set_fraction (self->bulk_progress,
                                 self->bulk_total > 0
                                 ? (double) self->bulk_done / self->bulk_total : 0.0);
}

static void
bulk_finish (ScmsFullWhitelistPage *self)
{
  self->bulk_running = FALSE;
  self->bulk_paused = FALSE;
  g_clear_object (&self->bulk_cancellable);
  update_bulk_progress (self);
  update_actions (self);
}

typedef struct
{
  ScmsFullWhitelistPage *self;
  ScmsBulkCheckItem     *item;
  guint                  generation;
} VerifyData;

static void
verify_data_free (VerifyData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->item);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VerifyData, verify_data_free)

static void
verify_whitelist_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(VerifyData) data = user_data;
  ScmsFullWhitelistPage *self = data->self;
  g_autoptr(ScmsWhitelistVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;

  verdict = scms_client_verify_whitelist_finish (SCMS_CLIENT (object), result, &error);

  /* A cancelled run already marked its items and started afresh. */
  if (data->generation != self->bulk_generation)
    return;

  if (verdict == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      g_debug ("Bulk check: could not verify an identifier: %s", error->message);
      scms_bulk_check_item_set_result (data->item, SCMS_BULK_STATUS_UNKNOWN, NULL, error->message);
    }
  else
    {
      const char *name = scms_whitelist_verdict_get_name (verdict);

      switch (scms_whitelist_verdict_get_verdict (verdict))
        {
        case SCMS_VERDICT_ALLOWED:
          scms_bulk_check_item_set_result (data->item, SCMS_BULK_STATUS_ALLOWED, name, NULL);
          break;

        case SCMS_VERDICT_BYPASSED:
          scms_bulk_check_item_set_result (data->item, SCMS_BULK_STATUS_BYPASSED, name, NULL);
          break;

        case SCMS_VERDICT_NOT_ALLOWED:
          scms_bulk_check_item_set_result (data->item, SCMS_BULK_STATUS_NOT_ALLOWED, NULL, NULL);
          break;

        case SCMS_VERDICT_BLOCKED:
          scms_bulk_check_item_set_result (data->item, SCMS_BULK_STATUS_NOT_ALLOWED, NULL,
                                           _("Blocked by one of the member’s ranks"));
          break;

        case SCMS_VERDICT_UNKNOWN_MEMBER:
        default:
          scms_bulk_check_item_set_result (data->item, SCMS_BULK_STATUS_UNKNOWN, NULL,
                                           _("No member has this API ID"));
          break;
        }
    }

  g_assert (self->bulk_in_flight > 0);
  self->bulk_in_flight--;
  self->bulk_done++;
  update_bulk_progress (self);
  bulk_pump (self);
}

static void
bulk_pump (ScmsFullWhitelistPage *self)
{
  ScmsClient *client = scms_page_get_client (SCMS_PAGE (self));

  if (!self->bulk_running)
    return;

  while (!self->bulk_paused &&
         client != NULL &&
         self->bulk_in_flight < BULK_IN_FLIGHT &&
         !g_queue_is_empty (&self->bulk_queue))
    {
      g_autoptr(ScmsBulkCheckItem) item = g_queue_pop_head (&self->bulk_queue);
      VerifyData *data = g_new0 (VerifyData, 1);

      data->self = g_object_ref (self);
      data->item = g_object_ref (item);
      data->generation = self->bulk_generation;
      self->bulk_in_flight++;

      scms_client_verify_whitelist_async (client,
                                          SCMS_ID_KIND_API_ID,
                                          scms_bulk_check_item_get_normalized (item),
                                          self->bulk_server_id,
                                          self->bulk_cancellable,
                                          verify_whitelist_cb,
                                          data);
    }

  if (self->bulk_in_flight == 0 && g_queue_is_empty (&self->bulk_queue))
    bulk_finish (self);
}

typedef struct
{
  char     *text;
  gboolean  unreadable;
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->text);
  g_free (candidate);
}

static gboolean
is_header_cell (const char *cell)
{
  static const char * const headers[] = { "identifier", "api id", "api ids", "apiid", "name" };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    if (g_ascii_strcasecmp (cell, headers[i]) == 0)
      return TRUE;

  return FALSE;
}

/* The bytes from @start to @end, with each NUL byte replaced by U+FFFD,
 * as invalid UTF-8 is later: the line shows whole, and two lines that
 * differ after a NUL stay two. */
static char *
dup_line (const char *start,
          const char *end,
          gboolean   *has_nul)
{
  GString *line;

  *has_nul = memchr (start, '\0', end - start) != NULL;
  if (!*has_nul)
    return g_strndup (start, end - start);

  line = g_string_sized_new (end - start + 8);
  for (const char *p = start; p < end; p++)
    {
      if (*p == '\0')
        g_string_append (line, "\xEF\xBF\xBD");
      else
        g_string_append_c (line, *p);
    }

  return g_string_free (line, FALSE);
}

/* Splits @data into trimmed, de-duplicated lines (the first cell of each
 * for CSV), skipping blank ones. Lines with NUL bytes or invalid UTF-8 are
 * kept, marked unreadable, so they show as Invalid rather than vanish. */
static GPtrArray *
parse_candidates (const char *data,
                  gsize       length,
                  gboolean    csv,
                  gboolean   *truncated)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *candidates = g_ptr_array_new_with_free_func (candidate_free);
  const char *p = data;
  const char *end = data + length;
  gboolean first = TRUE;

  *truncated = FALSE;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *line_end = p;
      g_autofree char *raw = NULL;
      g_autofree char *line = NULL;
      gboolean unreadable = FALSE;
      Candidate *candidate;

      /* Lines end in LF, CRLF, or a lone CR (old Mac files). */
      while (line_end < end && *line_end != '\n' && *line_end != '\r')
        line_end++;

      raw = dup_line (p, line_end, &unreadable);
      p = line_end;
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;

      if (!g_utf8_validate (raw, -1, NULL))
        {
          line = g_utf8_make_valid (raw, -1);
          unreadable = TRUE;
        }
      else
        {
          line = g_steal_pointer (&raw);
        }

      if (csv && !unreadable)
        {
          char *cell = scms_csv_first_cell (line);

          g_free (line);
          line = cell;
        }

      g_strstrip (line);
      if (line[0] == '\0' && !unreadable)
        continue;

      if (csv && first && is_header_cell (line))
        {
          first = FALSE;
          continue;
        }
      first = FALSE;

      if (g_hash_table_contains (seen, line))
        continue;

      if (candidates->len >= SCMS_BULK_CHECK_MAX_ITEMS)
        {
          *truncated = TRUE;
          break;
        }

      candidate = g_new0 (Candidate, 1);
      candidate->text = g_steal_pointer (&line);
      candidate->unreadable = unreadable;
      g_ptr_array_add (candidates, candidate);
      g_hash_table_add (seen, candidate->text);
    }

  return candidates;
}

/**
 * scms_full_whitelist_page_start_bulk_check:
 * @self: a #ScmsFullWhitelistPage
 * @data: identifiers, one per line
 * @length: the length of @data, or -1 if it ends with a NUL
 * @csv: whether @data is CSV, of which the first column is used
 *
 * Checks every identifier in @data against the downloaded whitelist of the
 * selected server and verifies the rest with the server. Blank lines and
 * repeats are skipped; overlong or unprintable lines become Invalid and are
 * never sent; only the first %SCMS_BULK_CHECK_MAX_ITEMS are checked.
 *
 * Returns: %TRUE if a check started; %FALSE, with a message, if there was
 *   nothing to check or the whitelist is not loaded
 */
gboolean
scms_full_whitelist_page_start_bulk_check (ScmsFullWhitelistPage *self,
                                           const char            *data,
                                           gssize                 length,
                                           gboolean               csv)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean truncated;

  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* The new list replaces the one a check would answer from; the results
   * of the last check, of the list shown, stay until then. */
  if (scms_page_get_refreshing (SCMS_PAGE (self)))
    {
      set_bulk_message (self, _("Wait for the whitelist to download, then check again."), TRUE);
      return FALSE;
    }

  scms_full_whitelist_page_cancel_bulk_check (self);
  g_list_store_remove_all (self->bulk_store);
  self->bulk_total = 0;
  self->bulk_done = 0;
  update_bulk_progress (self);

  if (!whitelist_loaded (self))
    {
      set_bulk_message (self, _("Wait for the whitelist to download, then check again."), TRUE);
      update_actions (self);
      return FALSE;
    }

  if (length < 0)
    length = strlen (data);

  candidates = parse_candidates (data, length, csv, &truncated);
  if (candidates->len == 0)
    {
      set_bulk_message (self, _("Enter at least one API ID, one per line."), TRUE);
      self->bulk_message_wants_text = TRUE;
      update_actions (self);
      return FALSE;
    }

  if (truncated)
    {
      g_autofree char *message = NULL;

      /* Translators: %d is the most identifiers one check takes, e.g. 10000 */
      message = g_strdup_printf (_("Only the first %d identifiers are checked. Split the list to check the rest."),
                                 SCMS_BULK_CHECK_MAX_ITEMS);
      set_bulk_message (self, message, TRUE);
    }
  else
    {
      set_bulk_message (self, NULL, FALSE);
    }

  self->bulk_running = TRUE;
  self->bulk_paused = FALSE;
  self->bulk_server_id = self->server_id;
  self->bulk_cancellable = g_cancellable_new ();
  self->bulk_total = candidates->len;

  items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      ScmsBulkCheckItem *item;
      ScmsWhitelistEntry *entry;

      if (!candidate->unreadable)
        normalized = scms_identifier_normalize (SCMS_ID_KIND_API_ID, candidate->text, &error);

      item = scms_bulk_check_item_new (candidate->text, normalized);
      g_ptr_array_add (items, item);

      if (normalized == NULL)
        {
          scms_bulk_check_item_set_result (item, SCMS_BULK_STATUS_INVALID, NULL,
                                           error != NULL ? error->message
                                                         : _("The line is not valid text."));
          self->bulk_done++;
        }
      else if ((entry = lookup_entry (self, normalized)) != NULL)
        {
          scms_bulk_check_item_set_result (item, SCMS_BULK_STATUS_ALLOWED,
                                           scms_whitelist_entry_get_name (entry), NULL);
          self->bulk_done++;
        }
      else
        {
          g_queue_push_tail (&self->bulk_queue, g_object_ref (item));
        }
    }

  g_list_store_splice (self->bulk_store, 0, 0, items->pdata, items->len);

  update_bulk_progress (self);
  update_actions (self);
  bulk_pump (self);

  return TRUE;
}

/**
 * scms_full_whitelist_page_set_bulk_paused:
 * @self: a #ScmsFullWhitelistPage
 * @paused: whether to hold back the identifiers not yet sent
 *
 * Pauses or resumes the bulk check; calls already sent still finish.
 */
void
scms_full_whitelist_page_set_bulk_paused (ScmsFullWhitelistPage *self,
                                          gboolean               paused)
{
  g_return_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self));

  if (!self->bulk_running || self->bulk_paused == !!paused)
    return;

  self->bulk_paused = !!paused;
  update_bulk_progress (self);
  update_actions (self);

  if (!paused)
    bulk_pump (self);
}

/**
 * scms_full_whitelist_page_cancel_bulk_check:
 * @self: a #ScmsFullWhitelistPage
 *
 * Stops the bulk check: calls in flight or queued in the client are
 * cancelled, and identifiers not answered yet become "Not checked".
 */
void
scms_full_whitelist_page_cancel_bulk_check (ScmsFullWhitelistPage *self)
{
  guint n;

  g_return_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self));

  if (!self->bulk_running)
    return;

  self->bulk_generation++;
  g_cancellable_cancel (self->bulk_cancellable);
  g_queue_clear_full (&self->bulk_queue, g_object_unref);
  self->bulk_in_flight = 0;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->bulk_store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmsBulkCheckItem) item = g_list_model_get_item (G_LIST_MODEL (self->bulk_store), i);

      if (scms_bulk_check_item_get_status (item) == SCMS_BULK_STATUS_CHECKING)
        scms_bulk_check_item_set_result (item, SCMS_BULK_STATUS_NOT_CHECKED, NULL, NULL);
    }

  bulk_finish (self);
}

gboolean
scms_full_whitelist_page_get_bulk_running (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), FALSE);

  return self->bulk_running;
}

/**
 * scms_full_whitelist_page_get_bulk_items:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: (transfer none): the #ScmsBulkCheckItem rows of the bulk check
 */
GListModel *
scms_full_whitelist_page_get_bulk_items (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->bulk_store);
}

/**
 * scms_full_whitelist_page_dup_bulk_progress_text:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: (transfer full): the progress in words, "12 of 40 checked"
 */
char *
scms_full_whitelist_page_dup_bulk_progress_text (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), NULL);

  if (self->bulk_running && self->bulk_paused)
    /* Translators: bulk check progress while paused, "12 of 40 checked, paused" */
    return g_strdup_printf (ngettext ("%u of %u checked, paused", "%u of %u checked, paused",
                                      self->bulk_total),
                            self->bulk_done, self->bulk_total);

  /* Translators: bulk check progress, "12 of 40 checked" */
  return g_strdup_printf (ngettext ("%u of %u checked", "%u of %u checked", self->bulk_total),
                          self->bulk_done, self->bulk_total);
}

/**
 * scms_full_whitelist_page_get_bulk_message:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: (transfer none) (nullable): what the Bulk Check view says about
 *   its input, if anything
 */
const char *
scms_full_whitelist_page_get_bulk_message (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), NULL);

  return self->bulk_message;
}

/**
 * scms_full_whitelist_page_export_bulk_async:
 * @self: a #ScmsFullWhitelistPage
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the bulk check results as CSV: `Identifier,Status,Name`.
 */
void
scms_full_whitelist_page_export_bulk_async (ScmsFullWhitelistPage *self,
                                            GFile                 *file,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  CsvJob *job;
  guint n;

  g_return_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (CsvJob, 1);
  job->header = g_strdupv ((char *[]) { (char *) "Identifier", (char *) "Status", (char *) "Name",
                                        NULL });
  job->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->bulk_store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmsBulkCheckItem) item = g_list_model_get_item (G_LIST_MODEL (self->bulk_store), i);
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (scms_bulk_check_item_get_identifier (item));
      row[1] = g_strdup (scms_bulk_check_item_get_status_text (item));
      row[2] = g_strdup (scms_bulk_check_item_get_name (item));
      if (row[2] == NULL)
        row[2] = g_strdup ("");
      g_ptr_array_add (job->rows, row);
    }

  write_csv_async (self, job, file, cancellable, callback, user_data,
                   scms_full_whitelist_page_export_bulk_async);
}

gboolean
scms_full_whitelist_page_export_bulk_finish (ScmsFullWhitelistPage  *self,
                                             GAsyncResult           *result,
                                             GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
toast_open_error (ScmsFullWhitelistPage *self,
                  const GError          *error)
{
  g_autofree char *title = NULL;

  /* Translators: %s says why, e.g. "No such file or directory" */
  title = g_strdup_printf (_("Could not open the file (%s). Choose another one."),
                           error->message);
  toast (self, title);
}

static void
toast_file_too_large (ScmsFullWhitelistPage *self)
{
  g_autofree char *title = NULL;

  /* Translators: %d is a size in megabytes, e.g. 16 */
  title = g_strdup_printf (_("The file is larger than %d MB. Split it and check each part."),
                           BULK_MAX_FILE_SIZE / (1024 * 1024));
  toast (self, title);
}

static void
load_contents_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ScmsFullWhitelistPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_open_error (self, error);
      return;
    }

  /* It may have grown since its size was asked. */
  if (length > BULK_MAX_FILE_SIZE)
    {
      toast_file_too_large (self);
      return;
    }

  basename = g_file_get_basename (G_FILE (object));
  scms_full_whitelist_page_start_bulk_check (self, contents, length,
                                             basename != NULL &&
                                             g_str_has_suffix (basename, ".csv"));
}

/* A file too large is not read at all. */
static void
query_size_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScmsFullWhitelistPage) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_open_error (self, error);
      return;
    }

  if (g_file_info_get_size (info) > BULK_MAX_FILE_SIZE)
    {
      toast_file_too_large (self);
      return;
    }

  g_file_load_contents_async (G_FILE (object), NULL, load_contents_cb, g_steal_pointer (&self));
}

/**
 * scms_full_whitelist_page_open_bulk_file:
 * @self: a #ScmsFullWhitelistPage
 * @file: a text or CSV file of identifiers, one per line
 *
 * Reads @file and checks the identifiers in it, as choosing it with
 * _Open File… does: a `.csv` file is read as CSV. When the file cannot be
 * read, or is too large, a toast says so.
 */
void
scms_full_whitelist_page_open_bulk_file (ScmsFullWhitelistPage *self,
                                         GFile                 *file)
{
  g_return_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, NULL, query_size_cb, g_object_ref (self));
}

static void
bulk_open_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  run_chooser (SCMS_FULL_WHITELIST_PAGE (widget), "open", _("Open Identifiers"),
               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
}

static void
bulk_start_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->bulk_text_view);
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  scms_full_whitelist_page_start_bulk_check (self, text, -1, FALSE);
}

static void
bulk_pause_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (widget);

  scms_full_whitelist_page_set_bulk_paused (self, !self->bulk_paused);
}

static void
bulk_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  scms_full_whitelist_page_cancel_bulk_check (SCMS_FULL_WHITELIST_PAGE (widget));
}

static void
bulk_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (widget);
  g_autofree char *name = suggest_file_name (self, "bulk-check");

  run_chooser (self, "export-bulk", _("Export Bulk Check Results"),
               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name);
}

/* GObject */

static void
scms_full_whitelist_page_unmap (GtkWidget *widget)
{
  /* Like any page's requests, a bulk check stops when the user leaves. */
  scms_full_whitelist_page_cancel_bulk_check (SCMS_FULL_WHITELIST_PAGE (widget));

  GTK_WIDGET_CLASS (scms_full_whitelist_page_parent_class)->unmap (widget);
}

static void
scms_full_whitelist_page_dispose (GObject *object)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (object);

  if (self->bulk_running)
    {
      self->bulk_generation++;
      g_cancellable_cancel (self->bulk_cancellable);
    }
  g_clear_object (&self->bulk_cancellable);
  g_queue_clear_full (&self->bulk_queue, g_object_unref);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_FULL_WHITELIST_PAGE);

  g_clear_pointer (&self->api_id_index, g_hash_table_unref);
  g_clear_object (&self->entries);
  g_clear_object (&self->refresh_store);
  g_clear_object (&self->servers);
  g_clear_object (&self->chosen);

  G_OBJECT_CLASS (scms_full_whitelist_page_parent_class)->dispose (object);
}

static void
scms_full_whitelist_page_finalize (GObject *object)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (object);

  g_clear_pointer (&self->count_text, g_free);
  g_clear_pointer (&self->bulk_message, g_free);

  G_OBJECT_CLASS (scms_full_whitelist_page_parent_class)->finalize (object);
}

static void
scms_full_whitelist_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVER_ID:
      g_value_set_int64 (value, self->server_id);
      break;

    case PROP_SERVERS:
      g_value_set_object (value, self->servers);
      break;

    case PROP_ENTRIES:
      g_value_set_object (value, self->entries);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_full_whitelist_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ScmsFullWhitelistPage *self = SCMS_FULL_WHITELIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVER_ID:
      scms_full_whitelist_page_set_server_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_full_whitelist_page_class_init (ScmsFullWhitelistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_FULL_WHITELIST);

  object_class->dispose = scms_full_whitelist_page_dispose;
  object_class->finalize = scms_full_whitelist_page_finalize;
  object_class->get_property = scms_full_whitelist_page_get_property;
  object_class->set_property = scms_full_whitelist_page_set_property;

  widget_class->unmap = scms_full_whitelist_page_unmap;

  page_class->reload = scms_full_whitelist_page_reload;
  page_class->client_changed = client_changed;

  /**
   * ScmsFullWhitelistPage:server-id:
   *
   * The game server whose whitelist is shown; 0 before one is chosen.
   */
  properties[PROP_SERVER_ID] =
    g_param_spec_int64 ("server-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsFullWhitelistPage:servers: (nullable)
   *
   * The game servers of the community, to choose from.
   */
  properties[PROP_SERVERS] =
    g_param_spec_object ("servers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsFullWhitelistPage:entries: (nullable)
   *
   * The #ScmsWhitelistEntry list of the server, as downloaded.
   */
  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Ctrl+F, from the window. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "whitelist.show-server", "x",
                                   show_server_action);
  gtk_widget_class_install_action (widget_class, "whitelist.copy-api-ids", NULL,
                                   copy_api_ids_action);
  gtk_widget_class_install_action (widget_class, "whitelist.copy-name", NULL, copy_name_action);
  gtk_widget_class_install_action (widget_class, "whitelist.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "bulk.open", NULL, bulk_open_action);
  gtk_widget_class_install_action (widget_class, "bulk.start", NULL, bulk_start_action);
  gtk_widget_class_install_action (widget_class, "bulk.pause", NULL, bulk_pause_action);
  gtk_widget_class_install_action (widget_class, "bulk.cancel", NULL, bulk_cancel_action);
  gtk_widget_class_install_action (widget_class, "bulk.export", NULL, bulk_export_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-full-whitelist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, server_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, entries_scroller);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, entries_view);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, entries_selection);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, search_model);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, bulk_text_view);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, bulk_message_label);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, bulk_pause_button);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, bulk_progress);
  gtk_widget_class_bind_template_child (widget_class, ScmsFullWhitelistPage, bulk_store);
  gtk_widget_class_bind_template_callback (widget_class, get_api_ids_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_status_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, api_ids_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_cell_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, api_ids_cell_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_name_or_detail_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_name_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_changed_cb);

  g_type_ensure (SCMS_TYPE_BULK_CHECK_ITEM);
  g_type_ensure (SCMS_TYPE_GAME_SERVER);
  g_type_ensure (SCMS_TYPE_WHITELIST_ENTRY);
  g_type_ensure (SCMS_TYPE_WHITELIST_SEARCH);
  g_type_ensure (SCMS_TYPE_WRAP_BOX);
}

static void
scms_full_whitelist_page_init (ScmsFullWhitelistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_queue_init (&self->bulk_queue);

  g_signal_connect_object (gtk_text_view_get_buffer (self->bulk_text_view), "changed",
                           G_CALLBACK (bulk_text_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->entries_selection, "notify::selected",
                           G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_model, "notify::pending",
                           G_CALLBACK (search_pending_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_model, "notify::search",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::refreshing", G_CALLBACK (update_actions), self);

  update_count (self);
  update_actions (self);
}

/* Public API */

gint64
scms_full_whitelist_page_get_server_id (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), 0);

  return self->server_id;
}

/**
 * scms_full_whitelist_page_set_server_id:
 * @self: a #ScmsFullWhitelistPage
 * @server_id: a game server ID
 *
 * Chooses the server whose whitelist the page shows, and downloads it once
 * the servers are known.
 */
void
scms_full_whitelist_page_set_server_id (ScmsFullWhitelistPage *self,
                                        gint64                 server_id)
{
  g_return_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self));
  g_return_if_fail (server_id >= 0);

  if (self->server_id == server_id)
    return;

  self->server_id = server_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_ID]);

  /* Before the servers are known, the server list's callback picks it up.
   * One not among them may have been added since: the list is asked for
   * again, and its callback falls back to the first server if need be, so
   * that the page never shows one server's whitelist under another's ID. */
  if (self->servers == NULL)
    return;

  if (find_server (self, server_id, NULL) != NULL)
    {
      select_server_in_dropdown (self);
      load_whitelist (self);
    }
  else
    {
      /* Nothing shown is this server's: it must not stay while the page
       * reloads. */
      forget_whitelist (self);
      if (scms_page_get_client (SCMS_PAGE (self)) != NULL)
        scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_LOADING);
      scms_page_reload (SCMS_PAGE (self));
    }
}

/**
 * scms_full_whitelist_page_get_servers:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: (transfer none) (nullable): the game servers, once loaded
 */
GListModel *
scms_full_whitelist_page_get_servers (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), NULL);

  return self->servers;
}

/**
 * scms_full_whitelist_page_get_entries:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: (transfer none) (nullable): every entry of the whitelist
 */
GListModel *
scms_full_whitelist_page_get_entries (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), NULL);

  return self->entries;
}

/**
 * scms_full_whitelist_page_set_entries:
 * @self: a #ScmsFullWhitelistPage
 * @entries: (nullable): a list of #ScmsWhitelistEntry
 *
 * Shows @entries: the results, or the empty state when there are none.
 * %NULL clears the list without changing the state.
 */
void
scms_full_whitelist_page_set_entries (ScmsFullWhitelistPage *self,
                                      GListModel            *entries)
{
  g_return_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self));
  g_return_if_fail (!entries || G_IS_LIST_MODEL (entries));

  if (self->entries != entries)
    {
      g_clear_pointer (&self->api_id_index, g_hash_table_unref);
      g_set_object (&self->entries, entries);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRIES]);
    }

  if (entries != NULL)
    scms_page_set_state (SCMS_PAGE (self),
                         g_list_model_get_n_items (entries) > 0 ? SCMS_PAGE_STATE_RESULTS
                                                                : SCMS_PAGE_STATE_EMPTY);

  update_count (self);
  update_no_match (self);
  update_actions (self);
}

/**
 * scms_full_whitelist_page_get_shown:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: (transfer none): the entries as the list shows them: searched
 *   and sorted
 */
GListModel *
scms_full_whitelist_page_get_shown (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries_selection);
}

/**
 * scms_full_whitelist_page_get_column_view:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: (transfer none): the list of entries
 */
GtkColumnView *
scms_full_whitelist_page_get_column_view (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), NULL);

  return self->entries_view;
}

/**
 * scms_full_whitelist_page_set_search_text:
 * @self: a #ScmsFullWhitelistPage
 * @text: what to search for
 *
 * Types @text into the search entry.
 */
void
scms_full_whitelist_page_set_search_text (ScmsFullWhitelistPage *self,
                                          const char            *text)
{
  g_return_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

/**
 * scms_full_whitelist_page_is_busy:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: %TRUE while the list is still arriving or being reloaded, or
 *   being searched or sorted
 */
gboolean
scms_full_whitelist_page_is_busy (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), FALSE);

  return self->streaming ||
         self->refresh_store != NULL ||
         scms_page_get_refreshing (SCMS_PAGE (self)) ||
         scms_whitelist_search_get_pending (self->search_model) ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

/**
 * scms_full_whitelist_page_get_count_text:
 * @self: a #ScmsFullWhitelistPage
 *
 * Returns: (transfer none): the count shown, "160 entries" or, while
 *   searching, "1 of 160 entries"
 */
const char *
scms_full_whitelist_page_get_count_text (ScmsFullWhitelistPage *self)
{
  g_return_val_if_fail (SCMS_IS_FULL_WHITELIST_PAGE (self), NULL);

  return self->count_text;
}
