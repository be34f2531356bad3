/* test-whitelist-search.c — type-to-search over a whitelist model
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScmsWhitelistSearch brings a new search's results in over several
 * main-loop turns. Whatever it does in between, a list view only knows
 * what its items-changed signals told it: these tests keep a copy of the
 * list built from those signals alone and check it against the model at
 * every turn, and the final results against a plain search.
 */

#include "config.h"

#include <string.h>

#include "scms-whitelist.h"
#include "scms-whitelist-search.h"

#define N_ENTRIES 20000

typedef struct
{
  GListStore          *store;
  ScmsWhitelistSearch *search;
  GPtrArray           *seen;       /* the list as told by items-changed */
  guint                n_changes;
  guint                max_top_change;
} Fixture;

static ScmsWhitelistEntry *
entry_new (const char *name,
           const char *api_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ScmsWhitelistEntry *entry;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "apiIds");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, api_id);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  entry = scms_whitelist_entry_new_from_json (node, &error);
  g_assert_no_error (error);

  return entry;
}

static void
append_entries (GListStore *store,
                guint       first,
                guint       n)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i < first + n; i++)
    {
      /* Mostly ASCII, some not, some right-to-left. */
      g_autofree char *name = g_strdup_printf (i % 7 == 0 ? "Zoë Ångström %05u" :
                                               i % 11 == 0 ? "شرطة %05u" :
                                               "Member %05u", i);
      g_autofree char *api_id = g_strdup_printf ("%018u", i * 7919u);

      g_ptr_array_add (entries, entry_new (name, api_id));
    }

  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       entries->pdata, entries->len);
}

static void
seen_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Fixture    *fixture)
{
  g_ptr_array_remove_range (fixture->seen, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->seen, position + i, g_list_model_get_item (model, position + i));

  fixture->n_changes++;
  if (position < 256)
    fixture->max_top_change = MAX (fixture->max_top_change, MAX (removed, added));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = g_list_store_new (SCMS_TYPE_WHITELIST_ENTRY);
  append_entries (fixture->store, 0, N_ENTRIES);
  fixture->search = scms_whitelist_search_new (G_LIST_MODEL (fixture->store));
  fixture->seen = g_ptr_array_new_with_free_func (g_object_unref);
  seen_changed_cb (G_LIST_MODEL (fixture->search), 0, 0,
                   g_list_model_get_n_items (G_LIST_MODEL (fixture->search)), fixture);
  g_signal_connect (fixture->search, "items-changed", G_CALLBACK (seen_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->search);
  g_ptr_array_unref (fixture->seen);
  g_assert_finalize_object (fixture->store);
}

/* What the signals said is what the model holds. */
static void
assert_seen_matches_model (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (fixture->search);

  g_assert_cmpuint (fixture->seen->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < fixture->seen->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (fixture->seen, i));
    }
}

/* Turns the main loop until the search is applied, checking the model
 * after every turn. */
static void
wait_applied (Fixture *fixture)
{
  guint turns = 0;

  assert_seen_matches_model (fixture);
  while (scms_whitelist_search_get_pending (fixture->search))
    {
      g_main_context_iteration (NULL, TRUE);
      assert_seen_matches_model (fixture);
      g_assert_cmpuint (++turns, <, 100000);
    }
}

/* Case-insensitive search as GtkStringFilter does it, entry by entry. */
static void
assert_results_in (Fixture    *fixture,
                   GListModel *store,
                   const char *search)
{
  g_autofree char *normal_search = g_utf8_normalize (search, -1, G_NORMALIZE_ALL);
  g_autofree char *needle = g_utf8_casefold (normal_search, -1);
  guint n = store != NULL ? g_list_model_get_n_items (store) : 0;
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmsWhitelistEntry) entry = g_list_model_get_item (store, i);
      g_autofree char *ids = scms_whitelist_entry_dup_api_ids_text (entry);
      g_autofree char *text = g_strconcat (scms_whitelist_entry_get_name (entry), "\n", ids, NULL);
      g_autofree char *normal_text = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
      g_autofree char *folded = g_utf8_casefold (normal_text, -1);

      if (strstr (folded, needle) == NULL)
        continue;

      g_assert_cmpuint (shown, <, fixture->seen->len);
      g_assert_true (g_ptr_array_index (fixture->seen, shown) == entry);
      shown++;
    }

  g_assert_cmpuint (shown, ==, fixture->seen->len);
}

static void
assert_results (Fixture    *fixture,
                const char *search)
{
  assert_results_in (fixture, G_LIST_MODEL (fixture->store), search);
}

static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *typed[] = {
    "1", "12", "123", "1234", "12", "", "zoë", "ZOE", "ångström 0001", "شرطة",
    "member 1", "member 19", "xyz", "", "000000",
  };

  g_assert_cmpuint (fixture->seen->len, ==, N_ENTRIES);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_test_message ("search \"%s\"", typed[i]);
      fixture->max_top_change = 0;
      scms_whitelist_search_set_search (fixture->search, typed[i]);
      wait_applied (fixture);
      assert_results (fixture, typed[i]);

      /* The rows a list view has widgets for change a few at a time. */
      g_assert_cmpuint (fixture->max_top_change, <=, 24);
    }
}

/* A key pressed before the last one's results are all in. */
static void
test_typing_fast (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *typed[] = { "m", "me", "mem", "memb", "member 0", "member 00", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      scms_whitelist_search_set_search (fixture->search, typed[i]);
      g_main_context_iteration (NULL, FALSE);
      assert_seen_matches_model (fixture);
    }

  wait_applied (fixture);
  assert_results (fixture, "0");
}

/* The list grows (a download landing) and shrinks while a search is being
 * applied, and is replaced. */
static void
test_model_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListStore) other = g_list_store_new (SCMS_TYPE_WHITELIST_ENTRY);

  scms_whitelist_search_set_search (fixture->search, "7");
  g_main_context_iteration (NULL, FALSE);
  append_entries (fixture->store, N_ENTRIES, 5000);
  assert_seen_matches_model (fixture);
  wait_applied (fixture);
  assert_results (fixture, "7");

  /* Removed and inserted in the middle, with no search under way. */
  g_list_store_splice (fixture->store, 100, 300, NULL, 0);
  assert_seen_matches_model (fixture);
  assert_results (fixture, "7");
  append_entries (fixture->store, 90000, 10);
  assert_results (fixture, "7");

  /* Again, halfway through a search. */
  scms_whitelist_search_set_search (fixture->search, "77");
  g_main_context_iteration (NULL, FALSE);
  g_list_store_remove (fixture->store, 0);
  g_list_store_splice (fixture->store, 5, 2, NULL, 0);
  wait_applied (fixture);
  assert_results (fixture, "77");

  /* Another list altogether, then none. */
  append_entries (other, 0, 50);
  scms_whitelist_search_set_model (fixture->search, G_LIST_MODEL (other));
  assert_seen_matches_model (fixture);
  assert_results_in (fixture, G_LIST_MODEL (other), "77");
  g_assert_cmpuint (fixture->seen->len, <, 50);
  scms_whitelist_search_set_search (fixture->search, "");
  wait_applied (fixture);
  g_assert_cmpuint (fixture->seen->len, ==, 50);
  scms_whitelist_search_set_model (fixture->search, NULL);
  assert_seen_matches_model (fixture);
  g_assert_cmpuint (fixture->seen->len, ==, 0);
  scms_whitelist_search_set_search (fixture->search, "any");
  wait_applied (fixture);
  g_assert_cmpuint (fixture->seen->len, ==, 0);
}

/* Text that is not UTF-8 never matches and never warns. */
static void
test_bad_search (Fixture       *fixture,
                 gconstpointer  data)
{
  scms_whitelist_search_set_search (fixture->search, "\xff\xfe");
  wait_applied (fixture);
  g_assert_cmpuint (fixture->seen->len, ==, N_ENTRIES);
  g_assert_cmpstr (scms_whitelist_search_get_search (fixture->search), ==, "\xff\xfe");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/whitelist-search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("typing", test_typing);
  ADD ("typing-fast", test_typing_fast);
  ADD ("model-changes", test_model_changes);
  ADD ("bad-search", test_bad_search);

#undef ADD

  return g_test_run ();
}
