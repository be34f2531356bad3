/* scms-whitelist-filter.c — type-to-search over a whole whitelist
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matches ScmsWhitelistEntry rows whose name or API IDs contain the
 * search, ignoring case, like a GtkStringFilter in substring mode would;
 * but the search is folded once per keystroke rather than every row once
 * per row, and rows are compared without building a string each (see
 * scms-search.c). Typing one more letter only ever looks at the rows that
 * still matched.
 */

#include "config.h"

#include <string.h>

#include "scms-search.h"
#include "scms-whitelist.h"
#include "scms-whitelist-filter.h"

struct _ScmsWhitelistFilter
{
  GtkFilter parent_instance;

  char *search;
  char *needle;  /* the search, folded; NULL when there is none */
};

G_DEFINE_FINAL_TYPE (ScmsWhitelistFilter, scms_whitelist_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
scms_whitelist_filter_match (GtkFilter *filter,
                             gpointer   item)
{
  ScmsWhitelistFilter *self = SCMS_WHITELIST_FILTER (filter);

  if (self->needle == NULL)
    return TRUE;

  return SCMS_IS_WHITELIST_ENTRY (item) &&
         scms_whitelist_entry_matches (item, self->needle);
}

static GtkFilterMatch
scms_whitelist_filter_get_strictness (GtkFilter *filter)
{
  ScmsWhitelistFilter *self = SCMS_WHITELIST_FILTER (filter);

  return self->needle == NULL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
scms_whitelist_filter_finalize (GObject *object)
{
  ScmsWhitelistFilter *self = SCMS_WHITELIST_FILTER (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (scms_whitelist_filter_parent_class)->finalize (object);
}

static void
scms_whitelist_filter_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ScmsWhitelistFilter *self = SCMS_WHITELIST_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_whitelist_filter_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ScmsWhitelistFilter *self = SCMS_WHITELIST_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      scms_whitelist_filter_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_whitelist_filter_class_init (ScmsWhitelistFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = scms_whitelist_filter_finalize;
  object_class->get_property = scms_whitelist_filter_get_property;
  object_class->set_property = scms_whitelist_filter_set_property;

  filter_class->match = scms_whitelist_filter_match;
  filter_class->get_strictness = scms_whitelist_filter_get_strictness;

  /**
   * ScmsWhitelistFilter:search: (nullable)
   *
   * What to look for in names and API IDs; empty or %NULL shows all.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_whitelist_filter_init (ScmsWhitelistFilter *self)
{
}

/**
 * scms_whitelist_filter_new:
 *
 * Returns: (transfer full): a filter that matches every entry until a
 *   search is set
 */
ScmsWhitelistFilter *
scms_whitelist_filter_new (void)
{
  return g_object_new (SCMS_TYPE_WHITELIST_FILTER, NULL);
}

/**
 * scms_whitelist_filter_get_search:
 * @self: a #ScmsWhitelistFilter
 *
 * Returns: (nullable): the search, as typed
 */
const char *
scms_whitelist_filter_get_search (ScmsWhitelistFilter *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_FILTER (self), NULL);

  return self->search;
}

/**
 * scms_whitelist_filter_set_search:
 * @self: a #ScmsWhitelistFilter
 * @search: (nullable): what to look for
 *
 * Sets the search and tells the filter list model how the matches change,
 * so that a longer search only looks again at the rows that matched.
 */
void
scms_whitelist_filter_set_search (ScmsWhitelistFilter *self,
                                  const char          *search)
{
  g_autofree char *needle = NULL;
  GtkFilterChange change;

  g_return_if_fail (SCMS_IS_WHITELIST_FILTER (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);

  needle = scms_search_fold (search);
  if (needle != NULL && needle[0] == '\0')
    g_clear_pointer (&needle, g_free);

  if (g_strcmp0 (self->needle, needle) == 0)
    return;

  if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);

  gtk_filter_changed (GTK_FILTER (self), change);
}
