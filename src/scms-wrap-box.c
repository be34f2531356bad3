/* scms-wrap-box.c
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

#include "scms-wrap-box.h"

/*
 * A row of widgets that becomes a column when the row does not fit: the
 * window can be 360 px wide, and libadwaita 1.2 has no breakpoints. In a
 * row, the children get their natural widths when there is room, and
 * what is left goes to those that expand, as in a GtkBox; a child's
 * valign places it in the row. In a column, each child gets the whole
 * width and its own height.
 */

struct _ScmsWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (ScmsWrapBox, scms_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_visible (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);

  return n;
}

/* The narrowest width at which the children still fit in a row. */
static int
row_minimum_width (ScmsWrapBox *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = count_visible (widget);
  int total = n > 1 ? (int) (n - 1) * self->spacing : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      total += minimum;
    }

  return total;
}

/* The children's widths in a row @width wide, into @sizes (one per
 * visible child). */
static void
row_widths (ScmsWrapBox      *self,
            int               width,
            GtkRequestedSize *sizes,
            guint             n)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int extra = width - (n > 1 ? (int) (n - 1) * self->spacing : 0);
  guint n_expand = 0;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      sizes[i].data = child;
      extra -= sizes[i].minimum_size;
      n_expand += gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      i++;
    }

  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);

  /* What is left after the natural widths goes to the children that
   * expand, evenly. */
  for (i = 0; i < n && n_expand > 0; i++)
    {
      if (gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
        {
          int share = extra / (int) n_expand;

          sizes[i].minimum_size += share;
          extra -= share;
          n_expand--;
        }
    }
}

static GtkSizeRequestMode
scms_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
scms_wrap_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  ScmsWrapBox *self = SCMS_WRAP_BOX (widget);
  guint n = count_visible (widget);
  int spacing = n > 1 ? (int) (n - 1) * self->spacing : 0;
  gboolean in_row;

  *minimum = *natural = 0;

  if (n == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the widest child, in a column; as wide as the row,
       * naturally. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat;
        }
      *natural += spacing;
      return;
    }

  /* Height: of the row where it fits at @for_size, else of the column. */
  in_row = for_size >= 0 && for_size >= row_minimum_width (self);

  if (in_row)
    {
      g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, n);

      row_widths (self, for_size, sizes, n);
      for (guint i = 0; i < n; i++)
        {
          int child_min, child_nat;

          gtk_widget_measure (sizes[i].data, orientation, sizes[i].minimum_size,
                              &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum += child_min;
      *natural += child_nat;
    }
  *minimum += spacing;
  *natural += spacing;
}

static void
scms_wrap_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ScmsWrapBox *self = SCMS_WRAP_BOX (widget);
  guint n = count_visible (widget);
  g_autofree GtkRequestedSize *sizes = NULL;
  gboolean natural_fits;
  int position = 0;
  int total;

  if (n == 0)
    return;

  if (width >= row_minimum_width (self))
    {
      sizes = g_new0 (GtkRequestedSize, n);
      row_widths (self, width, sizes, n);

      /* The whole row's height to each: gtk_widget_size_allocate() places
       * a child by its valign in it. */
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *child = sizes[i].data;
          int x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                  ? width - position - sizes[i].minimum_size
                  : position;

          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { x, 0, sizes[i].minimum_size, height },
                                    baseline);
          position += sizes[i].minimum_size + self->spacing;
        }
      return;
    }

  /* In a column: natural heights where they fit, else the least ones. */
  total = (int) (n - 1) * self->spacing;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_natural, NULL, NULL);
      total += child_natural;
    }
  natural_fits = total <= height;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width,
                          &child_minimum, &child_natural, NULL, NULL);
      child_height = natural_fits ? child_natural : child_minimum;
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, position, width, child_height }, -1);
      position += child_height + self->spacing;
    }
}

static void
scms_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (scms_wrap_box_parent_class)->dispose (object);
}

static void
scms_wrap_box_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScmsWrapBox *self = SCMS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_wrap_box_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScmsWrapBox *self = SCMS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      scms_wrap_box_set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_wrap_box_class_init (ScmsWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scms_wrap_box_dispose;
  object_class->get_property = scms_wrap_box_get_property;
  object_class->set_property = scms_wrap_box_set_property;

  widget_class->get_request_mode = scms_wrap_box_get_request_mode;
  widget_class->measure = scms_wrap_box_measure;
  widget_class->size_allocate = scms_wrap_box_size_allocate;

  /**
   * ScmsWrapBox:spacing:
   *
   * The space between two children, in a row or in a column.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
scms_wrap_box_init (ScmsWrapBox *self)
{
}

/**
 * scms_wrap_box_new:
 *
 * Returns: (transfer floating): a new, empty #ScmsWrapBox
 */
GtkWidget *
scms_wrap_box_new (void)
{
  return g_object_new (SCMS_TYPE_WRAP_BOX, NULL);
}

/**
 * scms_wrap_box_set_spacing:
 * @self: a #ScmsWrapBox
 * @spacing: pixels between two children
 */
void
scms_wrap_box_set_spacing (ScmsWrapBox *self,
                           int          spacing)
{
  g_return_if_fail (SCMS_IS_WRAP_BOX (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

/**
 * scms_wrap_box_get_in_row:
 * @self: a #ScmsWrapBox
 *
 * Returns: whether the children are laid out in a row at the current width
 */
gboolean
scms_wrap_box_get_in_row (ScmsWrapBox *self)
{
  g_return_val_if_fail (SCMS_IS_WRAP_BOX (self), FALSE);

  return gtk_widget_get_width (GTK_WIDGET (self)) >= row_minimum_width (self);
}
