/* scms-whitelist-search.c — type-to-search over a whole whitelist
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of the ScmsWhitelistEntry items of another model whose
 * name or API IDs contain the search, ignoring case (scms-search.c).
 *
 * It exists because of what a GtkFilterListModel over 100,000 rows does
 * to a list view on every keystroke: it announces all of its changes at
 * once, and GTK 4.8's list views then build a new row widget for each of
 * up to 200 rows near the top that now show another entry, which held the
 * main loop for 60 ms or more. Here a new search is looked for in steps,
 * each one main-loop turn:
 *
 *  - a longer search only looks again at the entries shown; anything else
 *    looks at every entry, a few thousand per turn;
 *  - what was found replaces what is shown from the top down, but at the
 *    top, where the rows are, only ROWS_PER_TURN at a time, after what
 *    the last search showed below them was dropped;
 *  - meanwhile the model is always consistent: the entries found so far,
 *    followed by some of those of the last search not looked at yet.
 *
 * Changes of the underlying model (a download landing, a sort) are
 * followed at once, as a filter would.
 */

#include "config.h"

#include <string.h>

#include "scms-search.h"
#include "scms-whitelist.h"
#include "scms-whitelist-search.h"

/* Entries looked at per main-loop turn. */
#define ENTRIES_PER_TURN 8192

/* In the first PACED_ROWS positions, at most ROWS_PER_TURN results come
 * and go per turn: these are the positions that have row widgets when the
 * list is scrolled to the top, as it is when a search starts. */
#define PACED_ROWS    256
#define ROWS_PER_TURN 24

struct _ScmsWhitelistSearch
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *items;      /* the model's items, for looking at them fast */
  char       *search;
  char       *needle;     /* the search, folded; NULL matches everything */

  GArray     *shown;      /* guint positions in model, ascending */

  /* The search in progress, if candidates != NULL */
  guint       job_id;
  GArray     *candidates; /* positions to look at, ascending */
  guint       n_looked;   /* candidates looked at */
  GArray     *found;      /* positions that match, ascending */
  guint       n_applied;  /* found entries already in shown */
};

static void scms_whitelist_search_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmsWhitelistSearch, scms_whitelist_search, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      scms_whitelist_search_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SEARCH,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define POSITION(array, i) g_array_index ((array), guint, (i))

/* GListModel */

static GType
scms_whitelist_search_get_item_type (GListModel *list)
{
  return SCMS_TYPE_WHITELIST_ENTRY;
}

static guint
scms_whitelist_search_get_n_items (GListModel *list)
{
  return SCMS_WHITELIST_SEARCH (list)->shown->len;
}

static gpointer
scms_whitelist_search_get_item (GListModel *list,
                                guint       position)
{
  ScmsWhitelistSearch *self = SCMS_WHITELIST_SEARCH (list);

  if (position >= self->shown->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, POSITION (self->shown, position)));
}

static void
scms_whitelist_search_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = scms_whitelist_search_get_item_type;
  iface->get_n_items = scms_whitelist_search_get_n_items;
  iface->get_item = scms_whitelist_search_get_item;
}

/* Matching */

static gboolean
matches (ScmsWhitelistSearch *self,
         guint                position)
{
  gpointer item = g_ptr_array_index (self->items, position);

  if (self->needle == NULL)
    return TRUE;

  return SCMS_IS_WHITELIST_ENTRY (item) &&
         scms_whitelist_entry_matches (item, self->needle);
}

/* Copies the model's items from @position: asking a GListStore for them
 * one by one, out of order, costs a tree walk each. */
static void
mirror_items (ScmsWhitelistSearch *self,
              guint                position,
              guint                removed,
              guint                added)
{
  g_ptr_array_remove_range (self->items, position, removed);

  if (added == 0)
    return;

  /* Make room, then fill it in order. */
  g_ptr_array_set_size (self->items, self->items->len + added);
  memmove (self->items->pdata + position + added, self->items->pdata + position,
           (self->items->len - added - position) * sizeof (gpointer));
  for (guint i = 0; i < added; i++)
    self->items->pdata[position + i] = g_list_model_get_item (self->model, position + i);
}

/* The first index of @array (ascending) whose value is at least @value. */
static guint
lower_bound (GArray *array,
             guint   value)
{
  guint low = 0;
  guint high = array->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (POSITION (array, middle) < value)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* The search in steps */

static void
stop_job (ScmsWhitelistSearch *self)
{
  gboolean was_pending = self->candidates != NULL;

  g_clear_handle_id (&self->job_id, g_source_remove);
  g_clear_pointer (&self->candidates, g_array_unref);
  g_clear_pointer (&self->found, g_array_unref);

  if (was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* One turn of the search in progress. Returns whether more are needed. */
static gboolean
job_step (ScmsWhitelistSearch *self)
{
  guint end = MIN (self->n_looked + ENTRIES_PER_TURN, self->candidates->len);
  guint boundary;
  guint start, n_removed, n_added;
  gboolean done;

  for (; self->n_looked < end; self->n_looked++)
    {
      guint position = POSITION (self->candidates, self->n_looked);

      if (matches (self, position))
        g_array_append_val (self->found, position);
    }

  /* Everything below the next candidate is decided. */
  boundary = self->n_looked < self->candidates->len
             ? POSITION (self->candidates, self->n_looked)
             : G_MAXUINT;

  /* shown is found[0, n_applied) then results of the last search from the
   * last boundary on: swap in what was found below the new one. */
  start = self->n_applied;

  /* Near the top, only a few rows change per turn, going or coming. A row
   * that goes would let one from further down move up, which needs a new
   * widget too: so first drop what the last search showed below the rows,
   * where nothing has a widget; it comes back with the rest at the end if
   * it still matches. */
  if (start < PACED_ROWS)
    {
      if (self->shown->len > PACED_ROWS)
        {
          guint n_dropped = self->shown->len - PACED_ROWS;

          g_array_set_size (self->shown, PACED_ROWS);
          g_list_model_items_changed (G_LIST_MODEL (self), PACED_ROWS, n_dropped, 0);
        }

      if (self->n_applied + ROWS_PER_TURN < self->found->len)
        boundary = MIN (boundary, POSITION (self->found, self->n_applied + ROWS_PER_TURN));
      if (start + ROWS_PER_TURN < self->shown->len)
        boundary = MIN (boundary, POSITION (self->shown, start + ROWS_PER_TURN));
    }

  n_removed = lower_bound (self->shown, boundary) - start;
  n_added = lower_bound (self->found, boundary) - self->n_applied;

  g_array_remove_range (self->shown, start, n_removed);
  g_array_insert_vals (self->shown, start, &POSITION (self->found, self->n_applied), n_added);
  self->n_applied += n_added;

  /* Done once every candidate was looked at and nothing of the last
   * search is left. */
  done = self->n_looked == self->candidates->len && boundary == G_MAXUINT;

  if (n_removed > 0 || n_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start, n_removed, n_added);

  if (done)
    {
      self->job_id = 0;
      stop_job (self);
    }

  return !done;
}

static gboolean
job_step_cb (gpointer data)
{
  ScmsWhitelistSearch *self = data;

  if (job_step (self))
    return G_SOURCE_CONTINUE;

  return G_SOURCE_REMOVE;
}

static void
start_job (ScmsWhitelistSearch *self,
           gboolean             more_strict)
{
  gboolean was_pending = self->candidates != NULL;
  guint n = self->items->len;

  /* A longer search can only keep entries that are shown, unless a search
   * was still under way: then what is shown is half of each. */
  more_strict = more_strict && !was_pending;

  g_clear_handle_id (&self->job_id, g_source_remove);
  g_clear_pointer (&self->candidates, g_array_unref);
  g_clear_pointer (&self->found, g_array_unref);

  if (more_strict)
    {
      self->candidates = g_array_copy (self->shown);
    }
  else
    {
      self->candidates = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
      for (guint i = 0; i < n; i++)
        g_array_append_val (self->candidates, i);
    }

  self->found = g_array_new (FALSE, FALSE, sizeof (guint));
  self->n_looked = 0;
  self->n_applied = 0;

  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);

  /* The first turn at once, the others below the frame clock's priority,
   * so that each turn's rows get drawn. */
  if (job_step (self))
    {
      self->job_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, job_step_cb, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->job_id),
                                "[scms] whitelist search");
    }
}

/* Looks at every entry again, at once. */
static void
refilter_now (ScmsWhitelistSearch *self)
{
  guint n = self->items->len;
  guint n_before = self->shown->len;

  stop_job (self);

  g_array_set_size (self->shown, 0);
  for (guint i = 0; i < n; i++)
    {
      if (matches (self, i))
        g_array_append_val (self->shown, i);
    }

  if (n_before > 0 || self->shown->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, self->shown->len);
}

/* Follows the underlying model at once, as a filter would. */
static void
model_items_changed_cb (GListModel          *model,
                        guint                position,
                        guint                removed,
                        guint                added,
                        ScmsWhitelistSearch *self)
{
  guint first, last;
  g_autoptr(GArray) new_matches = NULL;

  mirror_items (self, position, removed, added);

  /* Halfway through a search, positions are in two arrays: start over. */
  if (self->candidates != NULL)
    {
      refilter_now (self);
      return;
    }

  first = lower_bound (self->shown, position);
  last = lower_bound (self->shown, position + removed);

  new_matches = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = position; i < position + added; i++)
    {
      if (matches (self, i))
        g_array_append_val (new_matches, i);
    }

  /* What follows the change moves with it. */
  for (guint i = last; i < self->shown->len; i++)
    POSITION (self->shown, i) = POSITION (self->shown, i) - removed + added;

  g_array_remove_range (self->shown, first, last - first);
  g_array_insert_vals (self->shown, first, new_matches->data, new_matches->len);

  if (last > first || new_matches->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first, new_matches->len);
}

/* GObject */

static void
scms_whitelist_search_dispose (GObject *object)
{
  ScmsWhitelistSearch *self = SCMS_WHITELIST_SEARCH (object);

  stop_job (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (scms_whitelist_search_parent_class)->dispose (object);
}

static void
scms_whitelist_search_finalize (GObject *object)
{
  ScmsWhitelistSearch *self = SCMS_WHITELIST_SEARCH (object);

  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (scms_whitelist_search_parent_class)->finalize (object);
}

static void
scms_whitelist_search_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ScmsWhitelistSearch *self = SCMS_WHITELIST_SEARCH (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, scms_whitelist_search_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_whitelist_search_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ScmsWhitelistSearch *self = SCMS_WHITELIST_SEARCH (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      scms_whitelist_search_set_model (self, g_value_get_object (value));
      break;

    case PROP_SEARCH:
      scms_whitelist_search_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_whitelist_search_class_init (ScmsWhitelistSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scms_whitelist_search_dispose;
  object_class->finalize = scms_whitelist_search_finalize;
  object_class->get_property = scms_whitelist_search_get_property;
  object_class->set_property = scms_whitelist_search_set_property;

  /**
   * ScmsWhitelistSearch:model: (nullable)
   *
   * The #ScmsWhitelistEntry items to search.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ScmsWhitelistSearch:search: (nullable)
   *
   * What to look for in names and API IDs; empty or %NULL shows all.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ScmsWhitelistSearch:pending:
   *
   * Whether a new search is still being applied.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_whitelist_search_init (ScmsWhitelistSearch *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * scms_whitelist_search_new:
 * @model: (nullable): a #GListModel of #ScmsWhitelistEntry
 *
 * Returns: (transfer full): a model showing all of @model until a search
 *   is set
 */
ScmsWhitelistSearch *
scms_whitelist_search_new (GListModel *model)
{
  return g_object_new (SCMS_TYPE_WHITELIST_SEARCH, "model", model, NULL);
}

/**
 * scms_whitelist_search_get_model:
 * @self: a #ScmsWhitelistSearch
 *
 * Returns: (transfer none) (nullable): the model searched
 */
GListModel *
scms_whitelist_search_get_model (ScmsWhitelistSearch *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_SEARCH (self), NULL);

  return self->model;
}

/**
 * scms_whitelist_search_set_model:
 * @self: a #ScmsWhitelistSearch
 * @model: (nullable): a #GListModel of #ScmsWhitelistEntry
 *
 * Searches @model instead; the results follow at once.
 */
void
scms_whitelist_search_set_model (ScmsWhitelistSearch *self,
                                 GListModel          *model)
{
  g_return_if_fail (SCMS_IS_WHITELIST_SEARCH (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);

  g_set_object (&self->model, model);
  g_ptr_array_set_size (self->items, 0);

  if (model != NULL)
    {
      mirror_items (self, 0, 0, g_list_model_get_n_items (model));
      g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
    }

  refilter_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * scms_whitelist_search_get_search:
 * @self: a #ScmsWhitelistSearch
 *
 * Returns: (nullable): the search, as typed
 */
const char *
scms_whitelist_search_get_search (ScmsWhitelistSearch *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_SEARCH (self), NULL);

  return self->search;
}

/**
 * scms_whitelist_search_set_search:
 * @self: a #ScmsWhitelistSearch
 * @search: (nullable): what to look for
 *
 * Starts looking for @search; the results replace what is shown over the
 * next main-loop turns (see #ScmsWhitelistSearch:pending).
 */
void
scms_whitelist_search_set_search (ScmsWhitelistSearch *self,
                                  const char          *search)
{
  g_autofree char *needle = NULL;
  gboolean more_strict;

  g_return_if_fail (SCMS_IS_WHITELIST_SEARCH (self));

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

  more_strict = needle != NULL && (self->needle == NULL || strstr (needle, self->needle) != NULL);

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);

  start_job (self, more_strict);
}

/**
 * scms_whitelist_search_get_pending:
 * @self: a #ScmsWhitelistSearch
 *
 * Returns: whether a new search is still being applied
 */
gboolean
scms_whitelist_search_get_pending (ScmsWhitelistSearch *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_SEARCH (self), FALSE);

  return self->candidates != NULL;
}
