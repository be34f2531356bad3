/* scms-clock-in-out-page.c
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

#include "scms-clock-in-out-page.h"
#include "scms-util.h"
#include "scms-wrap-box.h"

/*
 * Whether a member is on shift (GET_CURRENT_CLOCK_IN) and the buttons to
 * change it (CLOCK_IN_OUT). The API only knows "toggle", so before Clock In
 * or Clock Out the page asks for the current state again: the toggle then
 * goes the way the person asked, or not at all.
 */

typedef enum
{
  CLOCK_INTENT_IN,
  CLOCK_INTENT_OUT,
  CLOCK_INTENT_FORCE_IN,
} ClockIntent;

struct _ScmsClockInOutPage
{
  ScmsPage          parent_instance;

  /* The member shown, re-read on reload. */
  ScmsIdKind        kind;
  char             *identifier;
  char             *member_name;
  char             *pending_name;     /* while the rest loads */
  ScmsClockIn      *clock_in;         /* the open shift, or NULL */

  GPtrArray        *type_ids;         /* parallel to type_list after "Default" */
  gboolean          types_loaded;
  gboolean          busy;
  ClockIntent       intent;

  /* The CLOCK_IN_OUT call out, if any. Once sent it may have taken
   * effect, so only a change of community or the page going away stops
   * it: not a reload, a new lookup or another page. */
  GCancellable     *clock_cancellable;
  /* A clock call ended while the member was being looked up again: read
   * the shift once that lookup is done, as it may have read it before. */
  gboolean          refresh_when_shown;

  /* Template widgets */
  GtkWidget        *box;
  ScmsMemberFinder *finder;
  GtkWidget        *clock_in_button;
  GtkWidget        *clock_out_button;
  AdwComboRow      *type_row;
  GtkStringList    *type_list;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsClockInOutPage, scms_clock_in_out_page, SCMS_TYPE_PAGE,
                               scms_page_type_set_title (g_define_type_id, N_("Clock In/Out"),
                                                         "alarm-symbolic"))

enum {
  PROP_0,
  PROP_SEARCHED,
  PROP_MEMBER_NAME,
  PROP_CLOCK_IN,
  PROP_CLOCKED_IN,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_status_cb (gpointer instance,
               gboolean clocked_in)
{
  return g_strdup (clocked_in ? _("Clocked in") : _("Not clocked in"));
}

static char *
get_status_icon_cb (gpointer instance,
                    gboolean clocked_in)
{
  return g_strdup (clocked_in ? "alarm-symbolic" : "weather-clear-night-symbolic");
}

static char *
get_since_cb (gpointer     instance,
              ScmsClockIn *clock_in)
{
  g_autofree char *when = NULL;
  GDateTime *start;

  if (clock_in == NULL)
    return g_strdup (_("No shift is open."));

  start = scms_clock_in_get_start_date_time (clock_in);
  if (start == NULL)
    return g_strdup (_("On shift"));

  when = scms_format_date_time (start);

  /* Translators: %s is when the shift started, e.g. "June 2, 2026 at 17:00". */
  return g_strdup_printf (_("Since %s"), when);
}

static char *
get_shift_type_cb (ScmsClockInOutPage *self,
                   ScmsClockIn        *clock_in)
{
  const char *type_id;

  if (clock_in == NULL)
    return g_strdup ("");

  type_id = scms_clock_in_get_type_id (clock_in);

  for (guint i = 0; type_id != NULL && i < self->type_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->type_ids, i), type_id) == 0)
        /* Translators: %s is the name of a kind of shift, e.g. "Patrol". */
        return g_strdup_printf (_("%s shift"),
                                gtk_string_list_get_string (self->type_list, i + 1));
    }

  return g_strdup (_("Default shift"));
}

static gboolean
get_can_clock_in_cb (gpointer instance,
                     gboolean busy,
                     gboolean clocked_in)
{
  return !busy && !clocked_in;
}

static gboolean
get_can_clock_out_cb (gpointer instance,
                      gboolean busy,
                      gboolean clocked_in)
{
  return !busy && clocked_in;
}

static gboolean
get_not_busy_cb (gpointer instance,
                 gboolean busy)
{
  return !busy;
}

static void
set_busy (ScmsClockInOutPage *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* One suggested action at a time: Look Up until a member shows, then the
 * clock action that applies to them. */
static void
update_suggested (ScmsClockInOutPage *self)
{
  gboolean shown = scms_page_get_state (SCMS_PAGE (self)) == SCMS_PAGE_STATE_RESULTS;
  gboolean clocked_in = self->clock_in != NULL;

  scms_member_finder_set_suggested (self->finder, !shown);
  scms_widget_set_css_class (self->clock_in_button, "suggested-action", !clocked_in);
  scms_widget_set_css_class (self->clock_out_button, "suggested-action", clocked_in);
}

static void
set_clock_in (ScmsClockInOutPage *self,
              ScmsClockIn        *clock_in)
{
  gboolean was_in = self->clock_in != NULL;

  if (!g_set_object (&self->clock_in, clock_in))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_IN]);
  if (was_in != (clock_in != NULL))
    {
      update_suggested (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCKED_IN]);
    }
}

static void
set_member (ScmsClockInOutPage *self,
            ScmsIdKind          kind,
            const char         *identifier,
            const char         *member_name)
{
  gboolean was_searched = self->identifier != NULL;

  if (identifier != self->identifier)
    {
      self->kind = kind;
      g_free (self->identifier);
      self->identifier = g_strdup (identifier);
    }

  if (g_strcmp0 (self->member_name, member_name) != 0)
    {
      g_free (self->member_name);
      self->member_name = g_strdup (member_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_NAME]);
    }

  if (was_searched != (identifier != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHED]);
}

static void
toast (ScmsClockInOutPage *self,
       const char         *message)
{
  AdwToast *toast = scms_toast_new (message);

  adw_toast_set_timeout (toast, 3);
  scms_page_add_toast (SCMS_PAGE (self), toast);
}

/* Loading: account (for the name), then the open shift, then the shift
 * types once per community. The name shows with the rest, not before. */

static void refresh_state (ScmsClockInOutPage *self);

static void
show_results (ScmsClockInOutPage *self)
{
  set_member (self, self->kind, self->identifier, self->pending_name);
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_RESULTS);

  if (self->refresh_when_shown)
    {
      self->refresh_when_shown = FALSE;
      refresh_state (self);
    }
}

static void
get_clockin_types_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ScmsClockInOutPage) self = user_data;
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GError) error = NULL;
  guint n_types;

  types = scms_client_get_clockin_types_finish (SCMS_CLIENT (object), result, &error);

  if (types == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      /* Without the types a shift still starts, with the default type. */
      g_debug ("Could not load the clock-in types: %s", error->message);
      show_results (self);
      return;
    }

  n_types = g_list_model_get_n_items (types);
  g_ptr_array_set_size (self->type_ids, 0);
  gtk_string_list_splice (self->type_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->type_list)) - 1,
                          NULL);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(ScmsClockInType) type = g_list_model_get_item (types, i);

      g_ptr_array_add (self->type_ids, g_strdup (scms_clock_in_type_get_id (type)));
      gtk_string_list_append (self->type_list, scms_clock_in_type_get_label (type));
    }

  self->types_loaded = TRUE;

  /* The shift type label depends on the names just loaded. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_IN]);
  show_results (self);
}

static void
load_current_clock_in_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(ScmsClockInOutPage) self = user_data;
  g_autoptr(ScmsClockIn) clock_in = NULL;
  g_autoptr(GError) error = NULL;

  clock_in = scms_client_get_current_clock_in_finish (SCMS_CLIENT (object), result, &error);

  if (error != NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not load the clock-in: %s", error->message);
      /* The member was found: whether they are clocked in was not. */
      scms_page_show_failure (SCMS_PAGE (self), error, _("Could Not Check the Clock-In"));
      return;
    }

  set_clock_in (self, clock_in);

  if (self->types_loaded)
    {
      show_results (self);
      return;
    }

  scms_client_get_clockin_types_async (SCMS_CLIENT (object),
                                       scms_page_get_cancellable (SCMS_PAGE (self)),
                                       get_clockin_types_cb,
                                       g_object_ref (self));
}

static void
get_com_account_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScmsClockInOutPage) self = user_data;
  g_autoptr(ScmsAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  account = scms_client_get_com_account_finish (SCMS_CLIENT (object), result, &error);

  if (account == NULL)
    {
      if (scms_client_error_is_cancelled (error))
        return;

      g_debug ("Could not find the member: %s", error->message);

      if (g_error_matches (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND))
        scms_page_show_no_member (SCMS_PAGE (self), error);
      else
        scms_page_show_failure (SCMS_PAGE (self), error, _("Could Not Look Up the Member"));
      return;
    }

  name = scms_account_get_acc_name (account);
  if (name == NULL || *name == '\0')
    name = scms_account_get_display_name (account);
  g_free (self->pending_name);
  self->pending_name = g_strdup (name);

  scms_client_get_current_clock_in_async (SCMS_CLIENT (object),
                                          self->kind,
                                          self->identifier,
                                          scms_page_get_cancellable (SCMS_PAGE (self)),
                                          load_current_clock_in_cb,
                                          g_object_ref (self));
}

static void
scms_clock_in_out_page_reload (ScmsPage *page)
{
  ScmsClockInOutPage *self = SCMS_CLOCK_IN_OUT_PAGE (page);
  GCancellable *cancellable;

  cancellable = scms_page_get_cancellable (page);
  set_busy (self, self->clock_cancellable != NULL);

  if (self->identifier == NULL)
    {
      scms_page_set_state (page, SCMS_PAGE_STATE_EMPTY);
      return;
    }

  scms_page_set_state (page, SCMS_PAGE_STATE_LOADING);

  scms_client_get_com_account_async (scms_page_get_client (page),
                                     self->kind,
                                     self->identifier,
                                     cancellable,
                                     get_com_account_cb,
                                     g_object_ref (self));
}

static void
search_cb (ScmsClockInOutPage *self,
           ScmsIdKind          kind,
           const char         *identifier)
{
  set_clock_in (self, NULL);
  set_member (self, kind, identifier, NULL);
  self->refresh_when_shown = FALSE;
  scms_page_reload (SCMS_PAGE (self));
}

/* Acting: refresh, clock in or out, refresh again. */

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ScmsClockInOutPage) self = user_data;
  g_autoptr(ScmsClockIn) clock_in = NULL;
  g_autoptr(GError) error = NULL;

  clock_in = scms_client_get_current_clock_in_finish (SCMS_CLIENT (object), result, &error);
  set_busy (self, FALSE);

  if (error != NULL)
    {
      if (!scms_client_error_is_cancelled (error))
        toast (self, error->message);
      return;
    }

  set_clock_in (self, clock_in);
}

static void
refresh_state (ScmsClockInOutPage *self)
{
  set_busy (self, TRUE);

  scms_client_get_current_clock_in_async (scms_page_get_client (SCMS_PAGE (self)),
                                          self->kind,
                                          self->identifier,
                                          scms_page_get_cancellable (SCMS_PAGE (self)),
                                          refreshed_cb,
                                          g_object_ref (self));
}

/* Who a CLOCK_IN_OUT call is for: the page may show someone else by the
 * time it ends. */
typedef struct
{
  ScmsClockInOutPage *self;
  GCancellable       *cancellable;
  ScmsIdKind          kind;
  char               *identifier;
  char               *member_name;
} Clocking;

static void
clocking_free (Clocking *clocking)
{
  g_object_unref (clocking->self);
  g_object_unref (clocking->cancellable);
  g_free (clocking->identifier);
  g_free (clocking->member_name);
  g_free (clocking);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Clocking, clocking_free)

static void
clock_in_out_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Clocking) clocking = user_data;
  ScmsClockInOutPage *self = clocking->self;
  g_autoptr(ScmsClockIn) clock_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean still_shown;

  clock_in = scms_client_clock_in_out_finish (SCMS_CLIENT (object), result, &error);

  /* Cancelled only with the community or the page: nothing to say, even
   * for an answer that had already arrived. */
  if (g_cancellable_is_cancelled (clocking->cancellable) ||
      scms_client_error_is_cancelled (error))
    return;

  g_clear_object (&self->clock_cancellable);
  set_busy (self, FALSE);

  if (clock_in == NULL)
    {
      g_debug ("Could not clock in or out: %s", error->message);
      toast (self, error->message);
      return;
    }

  if (scms_clock_in_get_clocked_in (clock_in))
    /* Translators: %s is a member's name. */
    message = g_strdup_printf (_("%s clocked in"), clocking->member_name);
  else
    /* Translators: %s is a member's name. */
    message = g_strdup_printf (_("%s clocked out"), clocking->member_name);
  toast (self, message);

  /* The reply may be a bare text: read the shift itself back, if the
   * member is still shown and not being looked up again (which reads it
   * anyway, and which a refresh would cancel). */
  still_shown = self->kind == clocking->kind &&
                g_strcmp0 (self->identifier, clocking->identifier) == 0 &&
                scms_page_get_client (SCMS_PAGE (self)) != NULL &&
                gtk_widget_get_realized (GTK_WIDGET (self));
  if (!still_shown)
    return;

  if (scms_page_get_state (SCMS_PAGE (self)) == SCMS_PAGE_STATE_RESULTS)
    refresh_state (self);
  else if (scms_page_get_state (SCMS_PAGE (self)) == SCMS_PAGE_STATE_LOADING)
    self->refresh_when_shown = TRUE;
}

static const char *
get_chosen_type_id (ScmsClockInOutPage *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  /* Item 0 is "Default": let the server choose. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->type_ids->len)
    return NULL;

  return g_ptr_array_index (self->type_ids, selected - 1);
}

static void
send_clock (ScmsClockInOutPage *self,
            ScmsClockAction     action)
{
  Clocking *clocking;

  g_assert (self->clock_cancellable == NULL);

  set_busy (self, TRUE);
  self->clock_cancellable = g_cancellable_new ();

  clocking = g_new0 (Clocking, 1);
  clocking->self = g_object_ref (self);
  clocking->cancellable = g_object_ref (self->clock_cancellable);
  clocking->kind = self->kind;
  clocking->identifier = g_strdup (self->identifier);
  clocking->member_name = g_strdup (self->member_name);

  scms_client_clock_in_out_async (scms_page_get_client (SCMS_PAGE (self)),
                                  self->kind,
                                  self->identifier,
                                  action,
                                  get_chosen_type_id (self),
                                  self->clock_cancellable,
                                  clock_in_out_cb,
                                  clocking);
}

static void
checked_before_toggle_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(ScmsClockInOutPage) self = user_data;
  g_autoptr(ScmsClockIn) clock_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean want_in = self->intent == CLOCK_INTENT_IN;

  clock_in = scms_client_get_current_clock_in_finish (SCMS_CLIENT (object), result, &error);

  if (error != NULL)
    {
      set_busy (self, FALSE);
      if (!scms_client_error_is_cancelled (error))
        toast (self, error->message);
      return;
    }

  set_clock_in (self, clock_in);

  /* Someone else got there first: toggling now would undo what the person
   * asked for. */
  if ((clock_in != NULL) == want_in)
    {
      set_busy (self, FALSE);
      if (want_in)
        /* Translators: %s is a member's name. */
        message = g_strdup_printf (_("%s is already clocked in"), self->member_name);
      else
        /* Translators: %s is a member's name. */
        message = g_strdup_printf (_("%s is not clocked in"), self->member_name);
      toast (self, message);
      return;
    }

  send_clock (self, SCMS_CLOCK_ACTION_TOGGLE);
}

/* Actions only make sense on a member whose state is shown; anything
 * else (such as a lookup in flight) must not be cancelled by one. */
static gboolean
can_act (ScmsClockInOutPage *self)
{
  return !self->busy
         && self->identifier != NULL
         && scms_page_get_client (SCMS_PAGE (self)) != NULL
         && scms_page_get_state (SCMS_PAGE (self)) == SCMS_PAGE_STATE_RESULTS;
}

static void
start_toggle (ScmsClockInOutPage *self,
              ClockIntent         intent)
{
  if (!can_act (self))
    return;

  self->intent = intent;
  set_busy (self, TRUE);

  scms_client_get_current_clock_in_async (scms_page_get_client (SCMS_PAGE (self)),
                                          self->kind,
                                          self->identifier,
                                          scms_page_get_cancellable (SCMS_PAGE (self)),
                                          checked_before_toggle_cb,
                                          g_object_ref (self));
}

static void
clock_in_clicked_cb (ScmsClockInOutPage *self)
{
  start_toggle (self, CLOCK_INTENT_IN);
}

static void
clock_out_clicked_cb (ScmsClockInOutPage *self)
{
  start_toggle (self, CLOCK_INTENT_OUT);
}

static void
force_response_cb (ScmsClockInOutPage *self,
                   const char         *response)
{
  if (g_strcmp0 (response, "force") != 0)
    return;

  if (!can_act (self))
    return;

  self->intent = CLOCK_INTENT_FORCE_IN;
  send_clock (self, SCMS_CLOCK_ACTION_FORCE_IN);
}

static void
force_clicked_cb (ScmsClockInOutPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (!can_act (self))
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Force Clock In?"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a member's name. */
                                  _("This starts a new shift for %s now. If they are already "
                                    "clocked in, their open shift is closed and replaced by "
                                    "the new one."),
                                  self->member_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "force", _("_Force Clock In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "force",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect_object (dialog, "response", G_CALLBACK (force_response_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
client_changed (ScmsPage *page)
{
  ScmsClockInOutPage *self = SCMS_CLOCK_IN_OUT_PAGE (page);

  /* A member and the shift types belong to one community. */
  scms_page_cancel (SCMS_PAGE (self));
  g_cancellable_cancel (self->clock_cancellable);
  g_clear_object (&self->clock_cancellable);
  self->refresh_when_shown = FALSE;
  set_busy (self, FALSE);
  set_clock_in (self, NULL);
  set_member (self, SCMS_ID_KIND_API_ID, NULL, NULL);
  self->types_loaded = FALSE;
  scms_page_set_state (SCMS_PAGE (self), SCMS_PAGE_STATE_EMPTY);
}

static void
focus_identifier_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  scms_member_finder_focus_entry (SCMS_CLOCK_IN_OUT_PAGE (widget)->finder);
}

static void
scms_clock_in_out_page_dispose (GObject *object)
{
  ScmsClockInOutPage *self = SCMS_CLOCK_IN_OUT_PAGE (object);

  g_cancellable_cancel (self->clock_cancellable);
  g_clear_object (&self->clock_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCMS_TYPE_CLOCK_IN_OUT_PAGE);

  g_clear_object (&self->clock_in);
  g_clear_pointer (&self->type_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (scms_clock_in_out_page_parent_class)->dispose (object);
}

static void
scms_clock_in_out_page_finalize (GObject *object)
{
  ScmsClockInOutPage *self = SCMS_CLOCK_IN_OUT_PAGE (object);

  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->member_name, g_free);
  g_clear_pointer (&self->pending_name, g_free);

  G_OBJECT_CLASS (scms_clock_in_out_page_parent_class)->finalize (object);
}

static void
scms_clock_in_out_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ScmsClockInOutPage *self = SCMS_CLOCK_IN_OUT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCHED:
      g_value_set_boolean (value, self->identifier != NULL);
      break;

    case PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;

    case PROP_CLOCK_IN:
      g_value_set_object (value, self->clock_in);
      break;

    case PROP_CLOCKED_IN:
      g_value_set_boolean (value, self->clock_in != NULL);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The shift's start is written from :clock-in: write it again. */
static void
clock_format_changed_cb (ScmsClockInOutPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_IN]);
}

static void
scms_clock_in_out_page_class_init (ScmsClockInOutPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScmsPageClass *page_class = SCMS_PAGE_CLASS (klass);

  scms_page_class_set_endpoint (page_class, SCMS_ENDPOINT_CLOCK_IN_OUT);

  object_class->dispose = scms_clock_in_out_page_dispose;
  object_class->finalize = scms_clock_in_out_page_finalize;
  object_class->get_property = scms_clock_in_out_page_get_property;

  page_class->reload = scms_clock_in_out_page_reload;
  page_class->client_changed = client_changed;

  /**
   * ScmsClockInOutPage:searched:
   *
   * Whether a member was looked up.
   */
  properties[PROP_SEARCHED] =
    g_param_spec_boolean ("searched", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClockInOutPage:member-name: (nullable)
   *
   * The name of the member shown.
   */
  properties[PROP_MEMBER_NAME] =
    g_param_spec_string ("member-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClockInOutPage:clock-in: (nullable)
   *
   * The member's open shift; %NULL when they are not clocked in.
   */
  properties[PROP_CLOCK_IN] =
    g_param_spec_object ("clock-in", NULL, NULL,
                         SCMS_TYPE_CLOCK_IN,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClockInOutPage:clocked-in:
   *
   * Whether the member is on shift.
   */
  properties[PROP_CLOCKED_IN] =
    g_param_spec_boolean ("clocked-in", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClockInOutPage:busy:
   *
   * Whether a clock-in or clock-out is under way.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Ctrl+L, from the window. */
  gtk_widget_class_install_action (widget_class, "page.focus-identifier", NULL,
                                   focus_identifier_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/scms-clock-in-out-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScmsClockInOutPage, box);
  gtk_widget_class_bind_template_child (widget_class, ScmsClockInOutPage, finder);
  gtk_widget_class_bind_template_child (widget_class, ScmsClockInOutPage, clock_in_button);
  gtk_widget_class_bind_template_child (widget_class, ScmsClockInOutPage, clock_out_button);
  gtk_widget_class_bind_template_child (widget_class, ScmsClockInOutPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, ScmsClockInOutPage, type_list);
  gtk_widget_class_bind_template_callback (widget_class, get_status_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_status_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_since_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_shift_type_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_can_clock_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_can_clock_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, get_not_busy_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_cb);
  gtk_widget_class_bind_template_callback (widget_class, clock_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clock_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, force_clicked_cb);

  g_type_ensure (SCMS_TYPE_CLOCK_IN);
  g_type_ensure (SCMS_TYPE_MEMBER_FINDER);
  g_type_ensure (SCMS_TYPE_WRAP_BOX);
}

static void
scms_clock_in_out_page_init (ScmsClockInOutPage *self)
{
  self->type_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self, "notify::state", G_CALLBACK (update_suggested), self);
  update_suggested (self);

  scms_follow_clock_format (self, G_CALLBACK (clock_format_changed_cb));
}

/**
 * scms_clock_in_out_page_get_finder:
 * @self: a #ScmsClockInOutPage
 *
 * Returns: (transfer none): the form that picks the member
 */
ScmsMemberFinder *
scms_clock_in_out_page_get_finder (ScmsClockInOutPage *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_OUT_PAGE (self), NULL);

  return self->finder;
}

/**
 * scms_clock_in_out_page_get_member_name:
 * @self: a #ScmsClockInOutPage
 *
 * Returns: (nullable): the name of the member shown
 */
const char *
scms_clock_in_out_page_get_member_name (ScmsClockInOutPage *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_OUT_PAGE (self), NULL);

  return self->member_name;
}

/**
 * scms_clock_in_out_page_get_clocked_in:
 * @self: a #ScmsClockInOutPage
 *
 * Returns: whether the member shown is on shift
 */
gboolean
scms_clock_in_out_page_get_clocked_in (ScmsClockInOutPage *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_OUT_PAGE (self), FALSE);

  return self->clock_in != NULL;
}

/**
 * scms_clock_in_out_page_get_clock_in:
 * @self: a #ScmsClockInOutPage
 *
 * Returns: (transfer none) (nullable): the open shift
 */
ScmsClockIn *
scms_clock_in_out_page_get_clock_in (ScmsClockInOutPage *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_OUT_PAGE (self), NULL);

  return self->clock_in;
}

/**
 * scms_clock_in_out_page_get_busy:
 * @self: a #ScmsClockInOutPage
 *
 * Returns: whether a clock-in or clock-out is under way
 */
gboolean
scms_clock_in_out_page_get_busy (ScmsClockInOutPage *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_OUT_PAGE (self), FALSE);

  return self->busy;
}
