/* test-array-store.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-array-store.h"

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
  guint n_items_then;
  guint n_notified;
  guint n_alive_then;
  GPtrArray *watched;
} Changes;

static guint
count_alive (GPtrArray *watched)
{
  guint n = 0;

  for (guint i = 0; i < watched->len; i++)
    n += g_ptr_array_index (watched, i) != NULL;

  return n;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_signals++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_items_then = g_list_model_get_n_items (model);
  if (changes->watched != NULL)
    changes->n_alive_then = count_alive (changes->watched);
}

static void
notify_n_items_cb (GObject    *object,
                   GParamSpec *pspec,
                   Changes    *changes)
{
  changes->n_notified++;
}

static ScmsArrayStore *
new_watched_store (Changes *changes)
{
  ScmsArrayStore *store = scms_array_store_new (G_TYPE_APPLICATION);

  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_signal_connect (store, "notify::n-items", G_CALLBACK (notify_n_items_cb), changes);

  return store;
}

/* Items of the store's type: GApplication stands for any GObject type. */
static GPtrArray *
new_items (guint n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_application_new (NULL, G_APPLICATION_DEFAULT_FLAGS));

  return items;
}

static void
test_empty (void)
{
  g_autoptr(ScmsArrayStore) store = scms_array_store_new (G_TYPE_APPLICATION);
  GType item_type = G_TYPE_INVALID;
  guint n_items = 99;

  g_assert_true (G_IS_LIST_MODEL (store));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == G_TYPE_APPLICATION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 0));

  g_object_get (store, "item-type", &item_type, "n-items", &n_items, NULL);
  g_assert_true (item_type == G_TYPE_APPLICATION);
  g_assert_cmpuint (n_items, ==, 0);
}

static void
test_append (void)
{
  Changes changes = { 0 };
  g_autoptr(ScmsArrayStore) store = new_watched_store (&changes);
  g_autoptr(GPtrArray) first = new_items (3);
  g_autoptr(GPtrArray) second = new_items (2);

  scms_array_store_append (store, first->pdata, first->len);

  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 3);
  g_assert_cmpuint (changes.n_items_then, ==, 3);
  g_assert_cmpuint (changes.n_notified, ==, 1);

  /* Nothing to add is no change. */
  scms_array_store_append (store, NULL, 0);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.n_notified, ==, 1);

  scms_array_store_append (store, second->pdata, second->len);

  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 2);
  g_assert_cmpuint (changes.n_items_then, ==, 5);
  g_assert_cmpuint (changes.n_notified, ==, 2);

  /* In the order they were added, each the very object given. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      gpointer expected = i < 3 ? first->pdata[i] : second->pdata[i - 3];

      g_assert_true (item == expected);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 5));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), G_MAXUINT));
}

/* The store holds its own reference on each item, until it is emptied
 * or finalized. */
static void
test_references (void)
{
  g_autoptr(ScmsArrayStore) store = scms_array_store_new (G_TYPE_APPLICATION);
  g_autoptr(GPtrArray) items = new_items (4);
  gpointer watched[4];

  for (guint i = 0; i < items->len; i++)
    {
      watched[i] = items->pdata[i];
      g_object_add_weak_pointer (watched[i], &watched[i]);
    }

  scms_array_store_append (store, items->pdata, items->len);
  g_clear_pointer (&items, g_ptr_array_unref);

  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (watched[i]);

  g_clear_object (&store);

  for (guint i = 0; i < 4; i++)
    g_assert_null (watched[i]);
}

static void
test_remove_all (void)
{
  Changes changes = { 0 };
  g_autoptr(ScmsArrayStore) store = new_watched_store (&changes);
  g_autoptr(GPtrArray) items = new_items (3);
  g_autoptr(GPtrArray) more = new_items (1);
  g_autoptr(GObject) item = NULL;

  /* Emptying an empty store is no change. */
  scms_array_store_remove_all (store);
  g_assert_cmpuint (changes.n_signals, ==, 0);
  g_assert_cmpuint (changes.n_notified, ==, 0);

  scms_array_store_append (store, items->pdata, items->len);

  /* Watch the items, held by the store alone from here on. */
  changes.watched = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (changes.watched, items->pdata[i]);
  for (guint i = 0; i < items->len; i++)
    g_object_add_weak_pointer (items->pdata[i], &changes.watched->pdata[i]);
  g_clear_pointer (&items, g_ptr_array_unref);

  changes.n_signals = changes.n_notified = 0;
  scms_array_store_remove_all (store);

  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 3);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (changes.n_items_then, ==, 0);
  g_assert_cmpuint (changes.n_notified, ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 0));

  /* Alive while the listeners were told, gone once they were. */
  g_assert_cmpuint (changes.n_alive_then, ==, 3);
  g_assert_cmpuint (count_alive (changes.watched), ==, 0);
  g_clear_pointer (&changes.watched, g_ptr_array_unref);

  /* Filled again from the start. */
  scms_array_store_append (store, more->pdata, more->len);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_true (item == more->pdata[0]);
}

/* An item of another type is refused, and nothing of the call is added. */
static void
test_wrong_type (void)
{
  Changes changes = { 0 };
  g_autoptr(ScmsArrayStore) store = new_watched_store (&changes);
  g_autoptr(GPtrArray) items = new_items (2);
  g_autoptr(GObject) other = g_object_new (G_TYPE_OBJECT, NULL);

  g_ptr_array_insert (items, 1, g_object_ref (other));

  g_test_expect_message ("ScmsApi", G_LOG_LEVEL_CRITICAL, "*G_TYPE_CHECK_INSTANCE_TYPE*");
  scms_array_store_append (store, items->pdata, items->len);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (changes.n_signals, ==, 0);
  g_assert_cmpuint (changes.n_notified, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/array-store/empty", test_empty);
  g_test_add_func ("/array-store/append", test_append);
  g_test_add_func ("/array-store/references", test_references);
  g_test_add_func ("/array-store/remove-all", test_remove_all);
  g_test_add_func ("/array-store/wrong-type", test_wrong_type);

  return g_test_run ();
}
