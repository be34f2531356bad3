/* scms-find-widget.h — finding widgets in tests as a person finds them
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * By what they show: a row by its title, a button by its label. Shared by
 * scms-gui-test.h and the tests that keep their own fixtures.
 */

#pragma once

#include <adwaita.h>

/* The first preferences row under @root titled @title. */
static inline GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *child;

  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first button under @root labelled @label, mnemonic included. */
static inline GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (root))
    {
      GtkWidget *child_label = gtk_button_get_child (GTK_BUTTON (root));

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
        return root;
      /* Buttons with a mnemonic carry it in a child label of their own, so
       * that their accessible name is the plain label. */
      if (GTK_IS_LABEL (child_label) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child_label)), label) == 0)
        return root;
    }

  for (child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}
