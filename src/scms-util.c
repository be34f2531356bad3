/* scms-util.c
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

#include "scms-util.h"

/*
 * GTK 4.8 names a button whose label has a mnemonic after both its label
 * property and the label inside it: "_Verify Verify", which no screen
 * reader should say and no test should have to match. The button's own
 * label, without the underscore, is its name.
 */
static void
name_mnemonic_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  GString *plain;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;

  plain = g_string_new (NULL);
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore; a single one marks the mnemonic. */
      if (*p == '_' && p[1] == '_')
        g_string_append_c (plain, *++p);
      else if (*p != '_')
        g_string_append_c (plain, *p);
    }

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain->str,
                                  -1);
  g_string_free (plain, TRUE);
}

/**
 * scms_button_set_mnemonic_label:
 * @button: a #GtkButton with #GtkButton:use-underline set
 * @label: the label with its mnemonic, e.g. "_Verify"
 *
 * Sets the label, and the accessible name without the underscore.
 */
void
scms_button_set_mnemonic_label (GtkButton  *button,
                                const char *label)
{
  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (label != NULL);

  gtk_button_set_label (button, label);
  name_mnemonic_button (button);
}

/* Buttons without a label of their own: GTK 4.8 names them after their
 * type ("GtkMenuButton", "GtkToggleButton"). Their tooltip, or the text
 * they show, is what a person reads. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = shown_text (child);

      if (text != NULL && text[0] != '\0')
        return text;
    }

  return NULL;
}

static void
name_unlabelled_button (GtkWidget *button)
{
  const char *name = gtk_widget_get_tooltip_text (button);

  if (name == NULL && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button)))
    name = gtk_widget_get_tooltip_text (gtk_widget_get_parent (button));
  if (name == NULL)
    name = shown_text (button);

  if (name == NULL || name[0] == '\0')
    return;

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * scms_name_buttons:
 * @root: a widget
 *
 * Gives every button under @root (internal children included) the name a
 * person reads on it, working around GTK 4.8: labels without the mnemonic
 * underscore, and tooltips or shown text for buttons without a label. Call
 * it once the template is built.
 */
void
scms_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* A drop-down's button shows the current choice, not its name. */
  if (GTK_IS_DROP_DOWN (root))
    return;

  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    name_mnemonic_button (GTK_BUTTON (root));
  else if (GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root))
    name_unlabelled_button (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scms_name_buttons (child);
}

/* GNOME's desktop-wide interface settings, where GNOME Settings keeps the
 * clock format that GNOME's own apps follow; NULL without GNOME's schemas.
 * Made once, on the main thread, and kept. */
static GSettings *
get_interface_settings (void)
{
  static GSettings *interface;
  static gsize looked_up;

  if (g_once_init_enter (&looked_up))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
      if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
        interface = g_settings_new_full (schema, NULL, NULL);

      g_once_init_leave (&looked_up, 1);
    }

  return interface;
}

/* Whether the desktop asks for a 12-hour clock. Without GNOME's schemas
 * the 24-hour clock is the default, as it is in them. */
static gboolean
desktop_uses_12_hour_clock (void)
{
  GSettings *interface = get_interface_settings ();
  g_autofree char *clock_format = NULL;

  if (interface == NULL)
    return FALSE;

  clock_format = g_settings_get_string (interface, "clock-format");

  return g_str_equal (clock_format, "12h");
}

/**
 * scms_follow_clock_format:
 * @instance: the object that shows dates and times
 * @callback: (scope notified): what writes them again, called with
 *   @instance as its only argument
 *
 * Calls @callback whenever the desktop switches between the 12- and
 * 24-hour clock, for as long as @instance lives, so that what it shows
 * follows at once, as in GNOME's own apps.
 */
void
scms_follow_clock_format (gpointer  instance,
                          GCallback callback)
{
  GSettings *interface = get_interface_settings ();

  g_return_if_fail (G_IS_OBJECT (instance));
  g_return_if_fail (callback != NULL);

  if (interface != NULL)
    g_signal_connect_object (interface, "changed::clock-format", callback, instance,
                             G_CONNECT_SWAPPED);
}

/**
 * scms_format_date_time:
 * @date_time: a date and time, in any time zone
 *
 * The one way the app writes a date and time: in local time, in the
 * format the translation gives, with the clock the desktop is set to.
 *
 * Returns: (transfer full): e.g. "June 2, 2026 at 17:00", or
 *   "June 2, 2026 at 5:00 PM" with a 12-hour clock
 */
char *
scms_format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  local = g_date_time_to_local (date_time);

  if (desktop_uses_12_hour_clock ())
    /* Translators: a date and time in local time, for a desktop set to a
     * 12-hour clock, in the format of g_date_time_format(), e.g. "June 2,
     * 2026 at 5:00 PM". Use the order your language uses. */
    return g_date_time_format (local, _("%B %-d, %Y at %-l:%M %p"));

  /* Translators: a date and time in local time, for a desktop set to a
   * 24-hour clock, in the format of g_date_time_format(), e.g. "June 2,
   * 2026 at 17:00". Use the order your language uses. */
  return g_date_time_format (local, _("%B %-d, %Y at %H:%M"));
}

/**
 * scms_toast_new:
 * @text: what the toast says, as plain text
 *
 * An #AdwToast saying @text. libadwaita 1.2 reads a toast's title as
 * Pango markup, and a name or a message with a "&" or "<" in it would
 * leave the toast empty.
 *
 * Returns: (transfer full): a new #AdwToast
 */
AdwToast *
scms_toast_new (const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * scms_widget_set_css_class:
 * @widget: a widget
 * @css_class: a style class
 * @set: whether @widget has it
 *
 * Adds @css_class to @widget or removes it.
 */
void
scms_widget_set_css_class (GtkWidget  *widget,
                           const char *css_class,
                           gboolean    set)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/**
 * scms_mark_invalid:
 * @widget: an entry, or a row holding one
 * @message: (nullable): what is wrong with what was typed, or %NULL
 *
 * Marks @widget as holding an invalid value, for the eye (the error style)
 * and for a screen reader (the invalid state, and @message as its
 * description); %NULL clears both.
 */
void
scms_mark_invalid (GtkWidget  *widget,
                   const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  scms_widget_set_css_class (widget, "error", message != NULL);

  if (message != NULL)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}
