/* scms-find-widget.h — finding widgets in tests as a person finds them
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * By what they show: a row by its title, a button by its label, a cell by
 * its text; find_widget() walks the tree for any other test. Shared by
 * scms-gui-test.h and the tests that keep their own fixtures.
 */

#pragma once

#include <adwaita.h>

/* Whether @widget is the one looked for, as told by @data. */
typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

typedef enum
{
  FIND_ANY,     /* whether shown or not */
  FIND_MAPPED,  /* only what is on screen: hidden branches are skipped */
} FindScope;

/* The first widget under @root, @root included and depth first, that
 * @match accepts. */
static inline GtkWidget *
find_widget (GtkWidget     *root,
             FindScope      scope,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (scope == FIND_MAPPED && !gtk_widget_get_mapped (root))
    return NULL;

  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, scope, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static inline gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The first preferences row under @root titled @title. */
static inline GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return find_widget (root, FIND_ANY, is_row_titled, title);
}

static inline gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  GtkWidget *child_label;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;

  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;

  /* Buttons with a mnemonic carry it in a child label of their own, so
   * that their accessible name is the plain label. */
  child_label = gtk_button_get_child (GTK_BUTTON (widget));

  return GTK_IS_LABEL (child_label) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (child_label)), label) == 0;
}

/* The first button under @root labelled @label, mnemonic included. */
static inline GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return find_widget (root, FIND_ANY, is_button_labelled, label);
}

static inline gboolean
is_cell_showing (GtkWidget     *widget,
                 gconstpointer  text)
{
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  if (GTK_IS_INSCRIPTION (widget))
    return g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;

  return FALSE;
}

/* The first mapped label or list cell (an inscription) under @root
 * showing @text, markup aside. */
static inline GtkWidget *
find_shown_cell (GtkWidget  *root,
                 const char *text)
{
  return find_widget (root, FIND_MAPPED, is_cell_showing, text);
}

/* Whether @widget is a button named @name for screen readers: needs
 * GTK_A11Y=test, whose backend keeps the names in memory. */
static inline gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  name)
{
  g_autofree char *mismatch = NULL;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  return mismatch == NULL;
}
