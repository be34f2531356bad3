/* test-bad-input.c — every entry field against bad input, as a person meets it
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each field a person can type or paste into — the member finder of
 * every page that has one, in each identifier kind; the Check API ID
 * entry; the server chosen for a whitelist; the searches; the connect form
 * and the profile it saves; the Bulk Check list and the files it opens —
 * bad input gets the inline message the widget shows (the translated
 * string, read back from the widget), the mock receives nothing, the text
 * typed stays where it was typed, and nothing crashes or warns (the tests
 * run with fatal warnings). Unusual but valid input (right-to-left and
 * emoji names, padding, leading zeros) is sent exactly, as the mock's
 * record of the request bodies shows, and shown back as it was sent.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "scms-account-page.h"
#include "scms-account-ranks-page.h"
#include "scms-bulk-check-item.h"
#include "scms-check-api-id-page.h"
#include "scms-clock-in-out-page.h"
#include "scms-connect-page.h"
#include "scms-departments-page.h"
#include "scms-full-whitelist-page.h"
#include "scms-game-servers-page.h"
#include "scms-gui-test.h"
#include "scms-member-finder.h"
#include "scms-members-page.h"
#include "scms-verify-whitelist-page.h"

#define ELENA        "430291437292752760"
#define ELENA_ACC_ID "bf2aa8f1-4ee6-449c-b90b-a9e7e0888c79"
#define TOBIAS       "871923189533843206"
#define RTL_NAME     "يوسف الحداد"  /* a member of the mock community */
#define RTL_LABEL    "مجتمع"
#define EMOJI_NAME   "🚓🚒"
#define LONG_LENGTH  10000

/* Request bodies */

static JsonNode *
find_member_node (JsonNode   *node,
                  const char *key)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      if (json_object_has_member (object, key))
        return json_object_get_member (object, key);

      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *found = find_member_node (json_object_get_member (object, l->data), key);

          if (found != NULL)
            return found;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *found = find_member_node (json_array_get_element (array, i), key);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

/* The value of the first member called @key in @body, as text. */
static char *
body_value (const char *body,
            const char *key)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  json_parser_load_from_data (parser, body, -1, &error);
  g_assert_no_error (error);

  node = find_member_node (json_parser_get_root (parser), key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
}

/* The mock received exactly one request on @path since the counts were
 * reset, carrying @value under @key. */
static void
assert_sent_once (ScmsMockServer *server,
                  const char     *path,
                  const char     *key,
                  const char     *value)
{
  g_auto(GStrv) bodies = scms_mock_server_dup_request_bodies (server, path);
  g_autofree char *sent = NULL;

  g_assert_cmpuint (g_strv_length (bodies), ==, 1);
  sent = body_value (bodies[0], key);
  g_assert_cmpstr (sent, ==, value);
}

/* Forgets what the mock received, and records what comes next. */
static void
reset_mock (void)
{
  scms_mock_server_clear_faults (mock_server);
  scms_mock_server_set_record_requests (mock_server, TRUE);
  scms_mock_server_reset_counts (mock_server);
}

/* Widgets, as a person finds them */

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* @text repeated @repeat times (once when 0). */
static char *
repeat_text (const char *text,
             guint       repeat)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < MAX (repeat, 1); i++)
    g_string_append (string, text);

  return g_string_free (string, FALSE);
}

static gboolean
page_not_loading (gpointer data)
{
  return scms_page_get_state (SCMS_PAGE (data)) != SCMS_PAGE_STATE_LOADING &&
         !scms_page_get_refreshing (SCMS_PAGE (data));
}

static void
wait_loaded (ScmsPage *page)
{
  g_main_context_iteration (NULL, FALSE);
  wait_until (page_not_loading, page, "the page to load");
}

/* Takes the focus out of text entries before a window goes away: GTK 4.8
 * warns when an entry never heard that it lost it. */
static void
close_window (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  spin (20);
  destroy_page_window (window);
}

/* The member finder, on every page that has one */

typedef struct
{
  ScmsIdKind  kind;
  const char *text;
  guint       repeat;   /* @text is typed this many times over */
  const char *message;  /* the inline message the finder shows */
} BadIdentifier;

/* The messages, as scms_identifier_normalize() words them. */
#define EMPTY(label)     "Enter the member’s " label "."
#define TOO_LONG(label)  "The " label " is too long: enter at most 200 characters."
#define UNTYPABLE(label) "The " label " contains characters that cannot be typed."
#define INVISIBLE(label) "The " label " contains invisible characters. Type it in instead of " \
                         "pasting it."
#define ZWSP             "\xe2\x80\x8b"  /* zero-width space */
#define LRM              "\xe2\x80\x8e"  /* left-to-right mark */
#define RLO              "\xe2\x80\xae"  /* right-to-left override */
#define NOT_DISCORD      "Enter a Discord ID: 17 to 20 digits."
#define NOT_UNIQUE       "Enter a Unique ID: a whole number greater than zero."

/* What any kind refuses: nothing, whitespace, too much, control
 * characters (line breaks from a paste, DEL, NEL, an escape sequence),
 * invisible ones (from a web page or a chat). */
#define REFUSED_BY_ANY_KIND(kind, label)                       \
  { kind, "", 0, EMPTY (label) },                              \
  { kind, "   ", 0, EMPTY (label) },                           \
  { kind, "\t \t", 0, EMPTY (label) },                         \
  { kind, "7", LONG_LENGTH, TOO_LONG (label) },                \
  { kind, "x", 201, TOO_LONG (label) },                        \
  { kind, "🚓", LONG_LENGTH, TOO_LONG (label) },               \
  { kind, RTL_LABEL " ", 2000, TOO_LONG (label) },             \
  { kind, "abc\ndef", 0, UNTYPABLE (label) },                  \
  { kind, "abc\r\ndef", 0, UNTYPABLE (label) },                \
  { kind, "abc\x7f", 0, UNTYPABLE (label) },                   \
  { kind, "a\xc2\x85" "b", 0, UNTYPABLE (label) },             \
  { kind, "\x1b[31mred", 0, UNTYPABLE (label) },               \
  { kind, ZWSP LRM, 0, EMPTY (label) },                        \
  { kind, "abc" ZWSP "def", 0, INVISIBLE (label) },            \
  { kind, "abc" RLO "fed", 0, INVISIBLE (label) }

static const BadIdentifier bad_identifiers[] = {
  REFUSED_BY_ANY_KIND (SCMS_ID_KIND_API_ID, "API ID"),
  REFUSED_BY_ANY_KIND (SCMS_ID_KIND_USERNAME, "username"),
  REFUSED_BY_ANY_KIND (SCMS_ID_KIND_ACC_ID, "account ID"),
  REFUSED_BY_ANY_KIND (SCMS_ID_KIND_DISCORD, "Discord ID"),
  REFUSED_BY_ANY_KIND (SCMS_ID_KIND_UNIQUE_ID, "unique ID"),

  { SCMS_ID_KIND_DISCORD, "1234", 0, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, "7", 16, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, "7", 21, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, ELENA "x", 0, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, "+" ELENA, 0, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, "<@" ELENA ">", 0, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, "430 291 437 292 752 760", 0, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, "٤٣٠٢٩١٤٣٧٢٩٢٧٥٢٧٦٠", 0, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, "４３０２９１４３７２９２７５２７６０", 0, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, EMOJI_NAME, 0, NOT_DISCORD },
  { SCMS_ID_KIND_DISCORD, RTL_NAME, 0, NOT_DISCORD },

  { SCMS_ID_KIND_UNIQUE_ID, "0", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "000", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "-3", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "+5", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "12a", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "1e3", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "1.5", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "0x10", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "10 42", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "99999999999999999999", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "١٠٤٢", 0, NOT_UNIQUE },
  { SCMS_ID_KIND_UNIQUE_ID, "🚓", 0, NOT_UNIQUE },
};

typedef struct
{
  const char        *name;
  GType            (*get_type) (void);
  const char        *button_label;
  const char        *path;       /* what a look-up asks first */
} FinderPage;

static const FinderPage finder_pages[] = {
  { "account", scms_account_page_get_type, "_Look Up", "/general/get_com_account" },
  { "account-ranks", scms_account_ranks_page_get_type, "_Look Up",
    "/general/get_account_ranks" },
  { "clock-in-out", scms_clock_in_out_page_get_type, "_Look Up",
    "/general/get_current_clock_in" },
  { "verify-whitelist", scms_verify_whitelist_page_get_type, "_Verify",
    "/servers/verify_whitelist" },
};

typedef struct
{
  ScmsClient       *client;
  ScmsPage         *page;
  GtkWindow        *window;
  ScmsMemberFinder *finder;
  AdwComboRow      *kind_row;
  GtkWidget        *entry_row;
} FinderFixture;

static void
finder_fixture_init (FinderFixture   *f,
                     const FinderPage *which)
{
  f->client = create_client ();
  f->page = g_object_ref_sink (g_object_new (which->get_type (), "client", f->client, NULL));
  f->window = show_page (f->page);

  /* Verify Whitelist loads its servers first. */
  wait_loaded (f->page);
  g_assert_cmpint (scms_page_get_state (f->page), ==, SCMS_PAGE_STATE_EMPTY);
  spin (50);

  f->finder = SCMS_MEMBER_FINDER (find_type (GTK_WIDGET (f->page), SCMS_TYPE_MEMBER_FINDER));
  g_assert_nonnull (f->finder);
  f->kind_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (f->finder), "Find by"));
  f->entry_row = find_row (GTK_WIDGET (f->finder), "Identifier");
  g_assert_nonnull (f->kind_row);
  g_assert_true (ADW_IS_ENTRY_ROW (f->entry_row));
  g_assert_cmpstr (scms_member_finder_get_button_label (f->finder), ==, which->button_label);

  reset_mock ();
}

static void
finder_fixture_clear (FinderFixture *f)
{
  close_window (f->window);
  assert_finalized_soon (g_steal_pointer (&f->page));
  assert_finalized_soon (g_steal_pointer (&f->client));
}

/* Chooses @kind, types @text and asks, with the button or with Enter. */
static void
type_and_submit (FinderFixture *f,
                 ScmsIdKind     kind,
                 const char    *text,
                 gboolean       press_enter)
{
  adw_combo_row_set_selected (f->kind_row, kind);
  gtk_editable_set_text (GTK_EDITABLE (f->entry_row), text);
  g_assert_null (scms_member_finder_get_message (f->finder));

  if (press_enter)
    g_signal_emit_by_name (f->entry_row, "entry-activated");
  else
    click (GTK_WIDGET (f->finder), scms_member_finder_get_button_label (f->finder));
}

static void
test_finder_refuses (gconstpointer data)
{
  const FinderPage *which = data;
  FinderFixture f = { 0 };

  finder_fixture_init (&f, which);

  for (guint i = 0; i < G_N_ELEMENTS (bad_identifiers); i++)
    {
      const BadIdentifier *bad = &bad_identifiers[i];
      g_autofree char *text = repeat_text (bad->text, bad->repeat);

      type_and_submit (&f, bad->kind, text, i % 2 == 1);

      /* The reason, under the entry, which is marked. */
      g_assert_cmpstr (scms_member_finder_get_message (f.finder), ==, bad->message);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (f.page), bad->message));
      g_assert_true (gtk_widget_has_css_class (f.entry_row, "error"));

      /* Nothing lost: the text and the kind are as typed. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f.entry_row)), ==, text);
      g_assert_cmpint (scms_member_finder_get_kind (f.finder), ==, bad->kind);

      /* Nothing asked: the page did not start loading. */
      g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_EMPTY);

      /* Typing again clears the message. */
      gtk_editable_insert_text (GTK_EDITABLE (f.entry_row), "1", -1, (int[]) { 0 });
      g_assert_null (scms_member_finder_get_message (f.finder));
      g_assert_false (gtk_widget_has_css_class (f.entry_row, "error"));
    }

  g_test_message ("%s: %u inputs refused", which->name, (guint) G_N_ELEMENTS (bad_identifiers));

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);

  finder_fixture_clear (&f);
}

/* A NUL byte cannot reach the entry: GTK stops at it, and what came
 * before it is kept. */
static void
test_finder_nul (void)
{
  FinderFixture f = { 0 };
  static const char with_nul[] = "4302\0" "91437292752760";
  int position = 0;

  finder_fixture_init (&f, &finder_pages[0]);

  adw_combo_row_set_selected (f.kind_row, SCMS_ID_KIND_DISCORD);
  gtk_editable_insert_text (GTK_EDITABLE (f.entry_row), with_nul, sizeof with_nul - 1, &position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f.entry_row)), ==, "4302");
  g_signal_emit_by_name (f.entry_row, "entry-activated");
  g_assert_cmpstr (scms_member_finder_get_message (f.finder), ==, NOT_DISCORD);

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);

  finder_fixture_clear (&f);
}

typedef struct
{
  ScmsIdKind  kind;
  const char *text;
  const char *key;    /* its member in the request */
  const char *sent;   /* what the request carries */
  const char *shown;  /* the member's name, or NULL when nobody matches */
} OddIdentifier;

static const OddIdentifier odd_identifiers[] = {
  { SCMS_ID_KIND_USERNAME, RTL_NAME, "username", RTL_NAME, RTL_NAME },
  { SCMS_ID_KIND_USERNAME, "  " RTL_NAME "\t", "username", RTL_NAME, RTL_NAME },
  { SCMS_ID_KIND_USERNAME, EMOJI_NAME, "username", EMOJI_NAME, NULL },
  { SCMS_ID_KIND_USERNAME, "Zoë Núñez-Ó Briain 🚓", "username", "Zoë Núñez-Ó Briain 🚓", NULL },
  { SCMS_ID_KIND_UNIQUE_ID, "0001042", "uniqueId", "1042", "E. Ashgrove" },
  { SCMS_ID_KIND_UNIQUE_ID, " 1042 ", "uniqueId", "1042", "E. Ashgrove" },
  { SCMS_ID_KIND_DISCORD, "\t" ELENA "  ", "discord", ELENA, "E. Ashgrove" },
  { SCMS_ID_KIND_ACC_ID, " " ELENA_ACC_ID, "accId", ELENA_ACC_ID, "E. Ashgrove" },
  { SCMS_ID_KIND_API_ID, ELENA, "apiId", ELENA, "E. Ashgrove" },
  { SCMS_ID_KIND_API_ID, ZWSP ELENA LRM, "apiId", ELENA, "E. Ashgrove" },
  { SCMS_ID_KIND_API_ID, EMOJI_NAME, "apiId", EMOJI_NAME, NULL },
};

/* The Account page: valid but unusual identifiers are sent as they were
 * meant, and the member shown back as the server names them. */
static void
test_finder_account_sends (void)
{
  FinderFixture f = { 0 };
  g_autofree char *longest = repeat_text ("🚓", SCMS_IDENTIFIER_MAX_LENGTH);

  finder_fixture_init (&f, &finder_pages[0]);

  for (guint i = 0; i < G_N_ELEMENTS (odd_identifiers); i++)
    {
      const OddIdentifier *odd = &odd_identifiers[i];

      reset_mock ();
      type_and_submit (&f, odd->kind, odd->text, i % 2 == 0);
      g_assert_null (scms_member_finder_get_message (f.finder));
      wait_loaded (f.page);

      assert_sent_once (mock_server, "/general/get_com_account", odd->key, odd->sent);

      if (odd->shown != NULL)
        {
          ScmsAccount *account = scms_account_page_get_account (SCMS_ACCOUNT_PAGE (f.page));

          g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_RESULTS);
          g_assert_cmpstr (scms_account_get_display_name (account), ==, odd->shown);
          spin (50);
          g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), odd->shown));
        }
      else
        {
          g_assert_cmpint (scms_page_get_state (f.page), ==, SCMS_PAGE_STATE_ERROR);
          g_assert_cmpstr (scms_page_get_error_title (f.page), ==, "No Member Found");
        }

      /* The form shows what was looked up: the identifier, trimmed. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f.entry_row)), ==, odd->sent);
    }

  /* The longest identifier allowed, 200 four-byte characters. */
  reset_mock ();
  type_and_submit (&f, SCMS_ID_KIND_USERNAME, longest, FALSE);
  wait_loaded (f.page);
  assert_sent_once (mock_server, "/general/get_com_account", "username", longest);
  g_assert_cmpstr (scms_page_get_error_title (f.page), ==, "No Member Found");

  finder_fixture_clear (&f);
}

/* The other finder pages send a right-to-left name exactly and show the
 * member by it. */
static void
test_finder_rtl_sent (gconstpointer data)
{
  const FinderPage *which = data;
  FinderFixture f = { 0 };

  finder_fixture_init (&f, which);
  type_and_submit (&f, SCMS_ID_KIND_USERNAME, "  " RTL_NAME "  ", TRUE);
  wait_loaded (f.page);

  assert_sent_once (mock_server, which->path, "username", RTL_NAME);
  g_assert_cmpint (scms_page_get_state (f.page), !=, SCMS_PAGE_STATE_ERROR);
  /* The entry keeps what was typed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f.entry_row)), ==, "  " RTL_NAME "  ");

  if (SCMS_IS_CLOCK_IN_OUT_PAGE (f.page))
    g_assert_cmpstr (scms_clock_in_out_page_get_member_name (SCMS_CLOCK_IN_OUT_PAGE (f.page)),
                     ==, RTL_NAME);

  if (SCMS_IS_VERIFY_WHITELIST_PAGE (f.page))
    {
      ScmsWhitelistVerdict *verdict =
        scms_verify_whitelist_page_get_verdict (SCMS_VERIFY_WHITELIST_PAGE (f.page));

      g_assert_cmpstr (scms_whitelist_verdict_get_name (verdict), ==, RTL_NAME);
      spin (50);
      g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), RTL_NAME));
    }

  finder_fixture_clear (&f);
}

/* Check API ID: its own entry, API IDs only */

static void
test_check_api_id (void)
{
  static const BadIdentifier bad[] = {
    REFUSED_BY_ANY_KIND (SCMS_ID_KIND_API_ID, "API ID"),
  };
  g_autoptr(ScmsClient) client = create_client ();
  ScmsPage *page;
  GtkWindow *window;
  GtkWidget *entry_row;
  g_autofree char *description = NULL;

  page = g_object_ref_sink (g_object_new (SCMS_TYPE_CHECK_API_ID_PAGE, "client", client, NULL));
  window = show_page (page);
  spin (50);
  entry_row = find_type (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (entry_row);
  reset_mock ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = repeat_text (bad[i].text, bad[i].repeat);

      gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
      if (i % 2 == 0)
        g_signal_emit_by_name (entry_row, "entry-activated");
      else
        click (GTK_WIDGET (page), "_Check");

      g_assert_cmpstr (scms_check_api_id_page_get_message (SCMS_CHECK_API_ID_PAGE (page)), ==,
                       bad[i].message);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (page), bad[i].message));
      g_assert_true (gtk_widget_has_css_class (entry_row, "error"));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row)), ==, text);
      g_assert_cmpint (scms_page_get_state (page), ==, SCMS_PAGE_STATE_EMPTY);
    }

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);

  /* An emoji API ID is asked about as typed, and the answer names it. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row), " " EMOJI_NAME " ");
  g_signal_emit_by_name (entry_row, "entry-activated");
  wait_loaded (page);
  assert_sent_once (mock_server, "/general/check_com_apiid", "apiId", EMOJI_NAME);
  g_assert_true (scms_check_api_id_page_get_checked (SCMS_CHECK_API_ID_PAGE (page)));
  spin (50);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), "Not Linked"));
  description = g_strdup_printf ("No account in this community uses the API ID %s.", EMOJI_NAME);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (page), description));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row)), ==, " " EMOJI_NAME " ");

  close_window (window);
  assert_finalized_soon (page);
}

/* The connect form, and the profiles it saves */

#define NO_COMMUNITY      "Enter the community ID."
#define BAD_COMMUNITY     "Enter the community ID shown under API Integration in the " \
                          "community’s administrative panel."
#define NO_KEY            "Enter the API key."
#define UNTYPABLE_KEY     "The API key contains characters that cannot be typed. Copy it again " \
                          "from the community’s API Integration settings."
#define LONG_KEY_MESSAGE  "The API key is too long. Copy it again from the community’s API " \
                          "Integration settings."
#define NO_URL            "Enter the server’s URL, or choose Production."
#define BAD_URL           "Enter a server address that starts with https://, for example " \
                          "https://api.sonorancms.com."
#define INSECURE_URL      "Unencrypted connections are only allowed to this computer. " \
                          "Use an https:// address."
#define REJECTED_KEY      "The server rejected the API key. Check the key in the community’s " \
                          "API Integration settings."
#define UNKNOWN_COMMUNITY "The server does not know this community ID. Check the ID in the " \
                          "community’s API Integration settings."

#define MOCK_URL          "@mock@"  /* stands for the mock's URL in the tables */
#define LONG_KEY          "@long-key@"  /* stands for a 10,000-character key */
#define LONGEST_KEY       256           /* characters the form still sends */

enum {
  COMMUNITY_ROW,
  KEY_ROW,
  URL_ROW,
};

static const char * const row_titles[] = { "Community ID", "API Key", "Custom URL" };

typedef struct
{
  GSettings       *settings;
  ScmsWindow      *window;
  ScmsConnectPage *form;
  GtkWidget       *rows[3];
  GtkWidget       *server_row;
} ConnectFixture;

static void
connect_fixture_init (ConnectFixture *f)
{
  f->settings = g_settings_new (SCMS_SCHEMA_ID);
  g_settings_reset (f->settings, "profiles");
  g_settings_reset (f->settings, "last-profile");
  g_settings_reset (f->settings, "last-server-url");

  f->window = scms_window_new (NULL);
  g_object_ref (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (50);

  f->form = scms_window_get_connect_page (f->window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->form)));
  for (guint i = 0; i < G_N_ELEMENTS (f->rows); i++)
    {
      f->rows[i] = find_row (GTK_WIDGET (f->form), row_titles[i]);
      g_assert_true (ADW_IS_ENTRY_ROW (f->rows[i]));
    }
  f->server_row = find_row (GTK_WIDGET (f->form), "Server");
  g_assert_true (ADW_IS_COMBO_ROW (f->server_row));

  reset_mock ();
}

static void
connect_fixture_clear (ConnectFixture *f)
{
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  spin (20);
  gtk_window_destroy (GTK_WINDOW (f->window));
  assert_finalized_soon (g_steal_pointer (&f->window));
  g_settings_reset (f->settings, "profiles");
  g_settings_reset (f->settings, "last-profile");
  g_settings_reset (f->settings, "last-server-url");
  g_clear_object (&f->settings);
}

/* @text with MOCK_URL standing for the URL of @server. */
static char *
expand_url (const char     *text,
            ScmsMockServer *server)
{
  g_autoptr(GString) string = g_string_new (text);

  g_string_replace (string, MOCK_URL, scms_mock_server_get_url (server), 0);

  return g_string_free (g_steal_pointer (&string), FALSE);
}

/* Fills the form like a person would (a custom server), keeps the key for
 * this session only — no keyring is involved — and asks to connect, with
 * the button or with Enter in the row last typed in. */
static void
fill_and_connect (ConnectFixture *f,
                  const char     *community,
                  const char     *key,
                  const char     *url,
                  gboolean        press_enter)
{
  gtk_editable_set_text (GTK_EDITABLE (f->rows[COMMUNITY_ROW]), community);
  gtk_editable_set_text (GTK_EDITABLE (f->rows[KEY_ROW]), key);
  adw_combo_row_set_selected (ADW_COMBO_ROW (f->server_row), 2);
  g_assert_true (gtk_widget_get_visible (f->rows[URL_ROW]));
  gtk_editable_set_text (GTK_EDITABLE (f->rows[URL_ROW]), url);
  g_assert_null (scms_connect_page_get_message (f->form));

  scms_connect_page_use_for_session (f->form);

  if (press_enter)
    g_signal_emit_by_name (f->rows[URL_ROW], "entry-activated");
  else
    click (GTK_WIDGET (f->form), "_Connect");
}

/* The message shown under the form, with @row (or none) marked. */
static void
assert_form_says (ConnectFixture *f,
                  const char     *message,
                  int             row)
{
  g_assert_cmpstr (scms_connect_page_get_message (f->form), ==, message);
  g_assert_nonnull (find_shown_text (GTK_WIDGET (f->form), message));

  for (int i = 0; i < (int) G_N_ELEMENTS (f->rows); i++)
    {
      if (gtk_widget_has_css_class (f->rows[i], "error") != (i == row))
        g_error ("“%s” is %smarked for “%s”", row_titles[i], i == row ? "not " : "", message);
    }
}

static void
assert_form_holds (ConnectFixture *f,
                   const char     *community,
                   const char     *key,
                   const char     *url)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->rows[COMMUNITY_ROW])), ==, community);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->rows[KEY_ROW])), ==, key);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->rows[URL_ROW])), ==, url);
}

static gboolean
form_idle (gpointer data)
{
  return !scms_connect_page_get_busy (SCMS_CONNECT_PAGE (data));
}

typedef struct
{
  const char *community;
  guint       community_repeat;
  const char *key;
  const char *url;
  guint       url_repeat;  /* the URL's last character is typed this many times more */
  const char *message;
  int         row;
} BadForm;

#define KEY SCMS_MOCK_DEFAULT_API_KEY
#define ID  SCMS_MOCK_DEFAULT_COMMUNITY_ID

static const BadForm bad_forms[] = {
  /* The community ID. */
  { "", 0, KEY, MOCK_URL, 0, NO_COMMUNITY, COMMUNITY_ROW },
  { "   ", 0, KEY, MOCK_URL, 0, NO_COMMUNITY, COMMUNITY_ROW },
  { "\t", 0, KEY, MOCK_URL, 0, NO_COMMUNITY, COMMUNITY_ROW },
  { "c", LONG_LENGTH, KEY, MOCK_URL, 0, BAD_COMMUNITY, COMMUNITY_ROW },
  { RTL_LABEL, 2000, KEY, MOCK_URL, 0, BAD_COMMUNITY, COMMUNITY_ROW },
  { "copper\nbasinrp", 0, KEY, MOCK_URL, 0, BAD_COMMUNITY, COMMUNITY_ROW },
  { "copper\r\nbasinrp", 0, KEY, MOCK_URL, 0, BAD_COMMUNITY, COMMUNITY_ROW },
  { "copperbasinrp\x7f", 0, KEY, MOCK_URL, 0, BAD_COMMUNITY, COMMUNITY_ROW },
  { "\x1b[2Jcopperbasinrp", 0, KEY, MOCK_URL, 0, BAD_COMMUNITY, COMMUNITY_ROW },
  { "copper" ZWSP "basinrp", 0, KEY, MOCK_URL, 0, BAD_COMMUNITY, COMMUNITY_ROW },
  { "copper" LRM "basinrp", 0, KEY, MOCK_URL, 0, BAD_COMMUNITY, COMMUNITY_ROW },

  /* The API key. */
  { ID, 0, "", MOCK_URL, 0, NO_KEY, KEY_ROW },
  { ID, 0, "    ", MOCK_URL, 0, NO_KEY, KEY_ROW },
  { ID, 0, "\t\t", MOCK_URL, 0, NO_KEY, KEY_ROW },
  { ID, 0, "demo-7c1e4a92\n3b5f", MOCK_URL, 0, UNTYPABLE_KEY, KEY_ROW },
  { ID, 0, "demo-7c1e4a92\x01", MOCK_URL, 0, UNTYPABLE_KEY, KEY_ROW },
  { ID, 0, LONG_KEY, MOCK_URL, 0, LONG_KEY_MESSAGE, KEY_ROW },

  /* The server's URL. */
  { ID, 0, KEY, "", 0, NO_URL, URL_ROW },
  { ID, 0, KEY, "    ", 0, NO_URL, URL_ROW },
  { ID, 0, KEY, "javascript:alert(1)", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "ftp://example.com", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "file:///etc/passwd", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "data:text/plain,hello", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "example.com", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "not a url", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://user:secret@example.com", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://example.com/?community=1", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://example.com/#top", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://example.com:99999", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://exa mple.com", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://api.sonorancms.com\n/general", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://api.sonorancms.com/a b", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://api.sonoran\x01" "cms.com", 0, BAD_URL, URL_ROW },
  { ID, 0, KEY, "https://a", LONG_LENGTH, BAD_URL, URL_ROW },
  { ID, 0, KEY, MOCK_URL "/a", LONG_LENGTH, BAD_URL, URL_ROW },
  { ID, 0, KEY, "http://example.com", 0, INSECURE_URL, URL_ROW },
  { ID, 0, KEY, "HTTP://EXAMPLE.COM/", 0, INSECURE_URL, URL_ROW },
  { ID, 0, KEY, "http://192.168.1.10:8080", 0, INSECURE_URL, URL_ROW },
  { ID, 0, KEY, "http://127.0.0.1.example.com", 0, INSECURE_URL, URL_ROW },
  { ID, 0, KEY, "http://пример.рф", 0, INSECURE_URL, URL_ROW },
};

static void
test_connect_refuses (void)
{
  ConnectFixture f = { 0 };
  g_autoptr(GVariant) profiles = NULL;

  connect_fixture_init (&f);

  for (guint i = 0; i < G_N_ELEMENTS (bad_forms); i++)
    {
      const BadForm *bad = &bad_forms[i];
      g_autofree char *community = repeat_text (bad->community, bad->community_repeat);
      g_autofree char *url = NULL;
      g_autofree char *typed_url = NULL;
      g_autofree char *key = g_str_equal (bad->key, LONG_KEY)
                             ? repeat_text ("k", LONG_LENGTH) : g_strdup (bad->key);

      url = expand_url (bad->url, mock_server);
      if (bad->url_repeat > 0)
        {
          g_autofree char *tail = repeat_text (url + strlen (url) - 1, bad->url_repeat);

          typed_url = g_strconcat (url, tail, NULL);
        }
      else
        {
          typed_url = g_strdup (url);
        }

      g_test_message ("connect form, case %u", i);
      fill_and_connect (&f, community, key, typed_url, i % 2 == 1);

      assert_form_says (&f, bad->message, bad->row);
      g_assert_false (scms_connect_page_get_busy (f.form));
      assert_form_holds (&f, community, key, typed_url);
      g_assert_null (scms_window_get_client (f.window));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f.form)));
    }

  g_test_message ("connect form: %u inputs refused", (guint) G_N_ELEMENTS (bad_forms));

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);
  g_assert_null (scms_window_get_client (f.window));
  profiles = g_settings_get_value (f.settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 0);

  connect_fixture_clear (&f);
}

/* A NUL byte cannot reach a row: GTK stops at it. */
static void
test_connect_nul (void)
{
  ConnectFixture f = { 0 };
  static const char url_with_nul[] = "https://api.sonorancms.com\0.evil.example";
  static const char id_with_nul[] = "copper\0basinrp";
  int position = 0;

  connect_fixture_init (&f);

  adw_combo_row_set_selected (ADW_COMBO_ROW (f.server_row), 2);
  gtk_editable_insert_text (GTK_EDITABLE (f.rows[URL_ROW]), url_with_nul,
                            sizeof url_with_nul - 1, &position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f.rows[URL_ROW])), ==,
                   "https://api.sonorancms.com");
  position = 0;
  gtk_editable_insert_text (GTK_EDITABLE (f.rows[COMMUNITY_ROW]), id_with_nul,
                            sizeof id_with_nul - 1, &position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f.rows[COMMUNITY_ROW])), ==, "copper");

  connect_fixture_clear (&f);
}

/* Unusual URLs a person may mean: loopback in its spellings, padding, a
 * trailing slash, a host in another script; and a key and an ID pasted
 * with their line end. */
static void
test_connect_accepts_urls (void)
{
  static const struct {
    const char *typed;
    const char *base_url;
  } urls[] = {
    { MOCK_URL, MOCK_URL },
    { "  " MOCK_URL "/  ", MOCK_URL },
    { MOCK_URL "///", MOCK_URL },
  };
  ConnectFixture f = { 0 };
  g_autofree char *localhost = NULL;

  connect_fixture_init (&f);

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *typed = expand_url (urls[i].typed, mock_server);
      g_autofree char *base_url = expand_url (urls[i].base_url, mock_server);

      scms_window_add_community (f.window);
      reset_mock ();
      fill_and_connect (&f, ID, KEY, typed, i % 2 == 0);
      wait_until (form_idle, f.form, "connecting");
      g_assert_nonnull (scms_window_get_client (f.window));
      g_assert_cmpstr (scms_client_get_base_url (scms_window_get_client (f.window)), ==, base_url);
      g_assert_cmpuint (scms_mock_server_get_request_count (mock_server,
                                                            "/general/get_sub_version"), ==, 1);
    }

  /* A pasted key or ID may end with a line break; it is trimmed. */
  scms_window_add_community (f.window);
  reset_mock ();
  fill_and_connect (&f, ID "\n", "\t" KEY "\r\n", scms_mock_server_get_url (mock_server), TRUE);
  wait_until (form_idle, f.form, "connecting");
  g_assert_null (scms_connect_page_get_message (f.form));
  assert_sent_once (mock_server, "/general/get_sub_version", "key", KEY);
  assert_sent_once (mock_server, "/general/get_sub_version", "id", ID);

  /* localhost is this computer too. */
  localhost = g_strdup_printf ("http://localhost:%u", scms_mock_server_get_port (mock_server));
  scms_window_add_community (f.window);
  fill_and_connect (&f, ID, KEY, localhost, FALSE);
  wait_until (form_idle, f.form, "connecting");
  g_assert_cmpstr (scms_client_get_base_url (scms_window_get_client (f.window)), ==, localhost);

  /* A host in another script is taken (there is no network to reach it
   * here: the attempt is stopped), and stays as typed. */
  scms_window_add_community (f.window);
  fill_and_connect (&f, ID, KEY, "https://пример.рф", FALSE);
  g_assert_true (scms_connect_page_get_busy (f.form));
  g_assert_null (scms_connect_page_get_message (f.form));
  click (GTK_WIDGET (f.form), "_Cancel");
  g_assert_false (scms_connect_page_get_busy (f.form));
  assert_form_holds (&f, ID, KEY, "https://пример.рф");

  connect_fixture_clear (&f);
}

/* Valid but unusual credentials (the longest key the form sends among
 * them) are sent exactly; what the server says about them is shown on the
 * row concerned, and the form keeps them. */
static void
test_connect_sends_exactly (void)
{
  ConnectFixture f = { 0 };
  g_autofree char *long_key = repeat_text ("k", LONGEST_KEY);
  g_autofree char *url = g_strdup (scms_mock_server_get_url (mock_server));

  connect_fixture_init (&f);

  fill_and_connect (&f, " " RTL_LABEL " ", KEY, url, FALSE);
  wait_until (form_idle, f.form, "connecting");
  assert_form_says (&f, UNKNOWN_COMMUNITY, COMMUNITY_ROW);
  assert_sent_once (mock_server, "/general/get_sub_version", "id", RTL_LABEL);
  assert_form_holds (&f, " " RTL_LABEL " ", KEY, url);

  reset_mock ();
  fill_and_connect (&f, ID, long_key, url, TRUE);
  wait_until (form_idle, f.form, "connecting");
  assert_form_says (&f, REJECTED_KEY, KEY_ROW);
  assert_sent_once (mock_server, "/general/get_sub_version", "key", long_key);
  assert_form_holds (&f, ID, long_key, url);

  reset_mock ();
  fill_and_connect (&f, ID, " " EMOJI_NAME " ", url, FALSE);
  wait_until (form_idle, f.form, "connecting");
  assert_form_says (&f, REJECTED_KEY, KEY_ROW);
  assert_sent_once (mock_server, "/general/get_sub_version", "key", EMOJI_NAME);
  g_assert_null (scms_window_get_client (f.window));

  connect_fixture_clear (&f);
}

/* The labels of the saved communities in the Communities menu. */
static void
collect_profile_labels (GMenuModel *model,
                        GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = NULL;
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_strcmp0 (action, "win.open-profile") == 0 &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, g_steal_pointer (&label));

      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL)
        collect_profile_labels (section, labels);
    }
}

/* The labels of the Communities menu. Its buttons show this menu when
 * opened (see /window/menus-when-opened). */
static GPtrArray *
profile_labels (ConnectFixture *f)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  collect_profile_labels (scms_window_get_profiles_menu (f->window), labels);

  return labels;
}

static gboolean
has_label (GPtrArray  *labels,
           const char *label)
{
  return g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL);
}

static ScmsMockServer *
start_mock (const char *community_id)
{
  ScmsMockServer *server = scms_mock_server_new ();
  g_autoptr(GError) error = NULL;

  scms_mock_server_set_credentials (server, community_id, SCMS_MOCK_DEFAULT_API_KEY);
  if (!scms_mock_server_start (server, 0, &error))
    g_error ("Could not start a mock server: %s", error->message);
  scms_mock_server_set_record_requests (server, TRUE);

  return server;
}

static void
stop_mock (ScmsMockServer *server)
{
  scms_mock_server_stop (server);
  g_object_unref (server);
}

static void
connect_to (ConnectFixture *f,
            const char     *community,
            ScmsMockServer *server)
{
  scms_window_add_community (f->window);
  fill_and_connect (f, community, KEY, scms_mock_server_get_url (server), FALSE);
  wait_until (form_idle, f->form, "connecting");
  g_assert_null (scms_connect_page_get_message (f->form));
  g_assert_nonnull (scms_window_get_client (f->window));
  g_assert_false (scms_window_get_connect_visible (f->window));
}

/* A profile is labelled with its community ID: right-to-left, emoji and
 * underscores show as they are; the same community twice is one profile;
 * the same ID on two servers must not give two labels alike. */
static void
test_profile_labels (void)
{
  ConnectFixture f = { 0 };
  ScmsMockServer *other = start_mock (SCMS_MOCK_DEFAULT_COMMUNITY_ID);
  ScmsMockServer *rtl = start_mock (RTL_LABEL);
  ScmsMockServer *emoji = start_mock (EMOJI_NAME);
  ScmsMockServer *underscore = start_mock ("copper_basin");
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *again = NULL;
  g_autofree char *first = g_strdup_printf ("%s (%s)", ID, scms_mock_server_get_url (mock_server));
  g_autofree char *second = g_strdup_printf ("%s (%s)", ID, scms_mock_server_get_url (other));

  connect_fixture_init (&f);

  connect_to (&f, ID, mock_server);
  labels = profile_labels (&f);
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, ID);
  g_clear_pointer (&labels, g_ptr_array_unref);

  /* The same community, padded and with a trailing slash: still one. */
  again = g_strconcat (scms_mock_server_get_url (mock_server), "/", NULL);
  scms_window_add_community (f.window);
  fill_and_connect (&f, "  " ID "  ", KEY, again, TRUE);
  wait_until (form_idle, f.form, "connecting");
  labels = profile_labels (&f);
  g_assert_cmpuint (labels->len, ==, 1);
  g_clear_pointer (&labels, g_ptr_array_unref);

  /* The same ID on another server: two profiles a person can tell apart. */
  connect_to (&f, ID, other);
  labels = profile_labels (&f);
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_true (has_label (labels, first));
  g_assert_true (has_label (labels, second));
  g_clear_pointer (&labels, g_ptr_array_unref);

  connect_to (&f, " " RTL_LABEL, rtl);
  assert_sent_once (rtl, "/general/get_sub_version", "id", RTL_LABEL);
  connect_to (&f, EMOJI_NAME "\t", emoji);
  assert_sent_once (emoji, "/general/get_sub_version", "id", EMOJI_NAME);
  connect_to (&f, "copper_basin", underscore);

  labels = profile_labels (&f);
  g_assert_cmpuint (labels->len, ==, 5);
  g_assert_true (has_label (labels, RTL_LABEL));
  g_assert_true (has_label (labels, EMOJI_NAME));
  /* Menus read underscores as mnemonics: doubled, one shows. */
  g_assert_true (has_label (labels, "copper__basin"));
  g_clear_pointer (&labels, g_ptr_array_unref);

  /* Refused input saves nothing. */
  scms_window_add_community (f.window);
  fill_and_connect (&f, "", KEY, scms_mock_server_get_url (mock_server), FALSE);
  g_assert_cmpstr (scms_connect_page_get_message (f.form), ==, NO_COMMUNITY);
  labels = profile_labels (&f);
  g_assert_cmpuint (labels->len, ==, 5);
  g_clear_pointer (&labels, g_ptr_array_unref);

  connect_fixture_clear (&f);
  stop_mock (other);
  stop_mock (rtl);
  stop_mock (emoji);
  stop_mock (underscore);
}

/* Bulk Check: pasted lists and opened files */

#define NOTHING_TO_CHECK "Enter at least one API ID, one per line."
#define NOT_TEXT         "The line is not valid text."
#define NO_SUCH_API_ID   "No member has this API ID"

typedef struct
{
  ScmsClient            *client;
  ScmsWindow            *window;
  ScmsFullWhitelistPage *page;
  GtkTextBuffer         *buffer;
  GPtrArray             *toasts;
} BulkFixture;

static void
record_toast_cb (ScmsPage  *page,
                 AdwToast  *toast,
                 GPtrArray *toasts)
{
  /* The window's overlay owns the toast. */
  g_ptr_array_add (toasts, g_strdup (adw_toast_get_title (toast)));
}

static gboolean
bulk_done (gpointer data)
{
  return !scms_full_whitelist_page_get_bulk_running (SCMS_FULL_WHITELIST_PAGE (data));
}

static void
bulk_fixture_init (BulkFixture *f)
{
  GtkWidget *switcher;

  f->client = create_client ();
  f->window = create_window (f->client);
  f->page = SCMS_FULL_WHITELIST_PAGE (scms_window_get_page (f->window, "full-whitelist"));
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->page, "add-toast", G_CALLBACK (record_toast_cb), f->toasts);

  scms_window_set_visible_page (f->window, "full-whitelist");
  wait_until (whitelist_ready, f->page, "the whitelist");

  switcher = find_type (GTK_WIDGET (f->page), GTK_TYPE_STACK_SWITCHER);
  g_assert_nonnull (switcher);
  gtk_stack_set_visible_child_name (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher)),
                                    "bulk");
  spin (50);

  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_type (GTK_WIDGET (f->page),
                                                                  GTK_TYPE_TEXT_VIEW)));
  reset_mock ();
}

static void
bulk_fixture_clear (BulkFixture *f)
{
  g_signal_handlers_disconnect_by_func (f->page, record_toast_cb, f->toasts);
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  spin (20);
  destroy_window (g_steal_pointer (&f->window));
  assert_finalized_soon (g_steal_pointer (&f->client));
  g_clear_pointer (&f->toasts, g_ptr_array_unref);
}

static char *
buffer_text (BulkFixture *f)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);

  return gtk_text_buffer_get_text (f->buffer, &start, &end, FALSE);
}

static ScmsBulkCheckItem *
bulk_row (BulkFixture *f,
          guint        position)
{
  GListModel *items = scms_full_whitelist_page_get_bulk_items (f->page);
  g_autoptr(ScmsBulkCheckItem) item = g_list_model_get_item (items, position);

  g_assert_nonnull (item);
  return item;  /* the page's list keeps it */
}

/* Row @position shows @identifier with @status, and @detail (or the name
 * found) if not NULL. */
static void
assert_bulk_row (BulkFixture    *f,
                 guint           position,
                 const char     *identifier,
                 ScmsBulkStatus  status,
                 const char     *detail)
{
  ScmsBulkCheckItem *item = bulk_row (f, position);

  g_assert_cmpstr (scms_bulk_check_item_get_identifier (item), ==, identifier);
  g_assert_cmpint (scms_bulk_check_item_get_status (item), ==, status);
  if (detail != NULL && scms_bulk_check_item_get_name (item) != NULL)
    g_assert_cmpstr (scms_bulk_check_item_get_name (item), ==, detail);
  else if (detail != NULL)
    g_assert_cmpstr (scms_bulk_check_item_get_detail (item), ==, detail);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The API IDs the mock was asked to verify, in byte order, joined by "|". */
static char *
verified_api_ids (void)
{
  g_auto(GStrv) bodies = scms_mock_server_dup_request_bodies (mock_server,
                                                              "/servers/verify_whitelist");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; bodies[i] != NULL; i++)
    {
      g_autofree char *server_id = body_value (bodies[i], "serverId");

      g_assert_cmpstr (server_id, ==, "1");
      g_ptr_array_add (ids, body_value (bodies[i], "apiId"));
    }

  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv ("|", (char **) ids->pdata);
}

static void
test_bulk_pasted (void)
{
  BulkFixture f = { 0 };
  g_autofree char *long_line = repeat_text ("7", LONG_LENGTH);
  g_autofree char *pasted = NULL;
  g_autofree char *after = NULL;
  g_autofree char *verified = NULL;
  g_autofree char *progress = NULL;

  bulk_fixture_init (&f);

  /* Blank lines, repeats, CRLF, a 10,000-character line, right-to-left
   * and emoji names, padding, a control character. */
  pasted = g_strconcat (ELENA "\r\n"
                        "\r\n"
                        "   \r\n",
                        ELENA "\r\n",
                        long_line, "\r\n",
                        RTL_NAME "\r\n",
                        EMOJI_NAME "\r\n",
                        " " TOBIAS " \r\n",
                        TOBIAS "\n",
                        "\t\n",
                        "abc\x01" "def\r\n",
                        EMOJI_NAME " \r\n",
                        NULL);
  gtk_text_buffer_set_text (f.buffer, pasted, -1);
  click (GTK_WIDGET (f.page), "C_heck");
  wait_until (bulk_done, f.page, "the bulk check");
  spin (50);

  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_bulk_items (f.page)),
                    ==, 6);
  assert_bulk_row (&f, 0, ELENA, SCMS_BULK_STATUS_ALLOWED, "Elena Ashgrove");
  assert_bulk_row (&f, 1, long_line, SCMS_BULK_STATUS_INVALID, TOO_LONG ("API ID"));
  assert_bulk_row (&f, 2, RTL_NAME, SCMS_BULK_STATUS_UNKNOWN, NO_SUCH_API_ID);
  assert_bulk_row (&f, 3, EMOJI_NAME, SCMS_BULK_STATUS_UNKNOWN, NO_SUCH_API_ID);
  assert_bulk_row (&f, 4, TOBIAS, SCMS_BULK_STATUS_ALLOWED, NULL);
  assert_bulk_row (&f, 5, "abc\x01" "def", SCMS_BULK_STATUS_INVALID, UNTYPABLE ("API ID"));
  g_assert_null (scms_full_whitelist_page_get_bulk_message (f.page));
  progress = scms_full_whitelist_page_dup_bulk_progress_text (f.page);
  g_assert_cmpstr (progress, ==, "6 of 6 checked");

  /* Only what the download could not answer went out, exactly. */
  verified = verified_api_ids ();
  g_assert_cmpstr (verified, ==, RTL_NAME "|" EMOJI_NAME);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 2);

  /* Shown back as pasted; the pasted text is untouched. */
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), RTL_NAME));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), EMOJI_NAME));
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), "Invalid"));
  after = buffer_text (&f);
  g_assert_cmpstr (after, ==, pasted);

  bulk_fixture_clear (&f);
}

/* Lines that end in a lone CR, as old Mac files have them, are lines. */
static void
test_bulk_cr_lines (void)
{
  BulkFixture f = { 0 };
  const char *pasted = ELENA "\r" TOBIAS "\r\r" ELENA "\r\n" TOBIAS;

  bulk_fixture_init (&f);

  gtk_text_buffer_set_text (f.buffer, pasted, -1);
  click (GTK_WIDGET (f.page), "C_heck");
  wait_until (bulk_done, f.page, "the bulk check");

  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_bulk_items (f.page)),
                    ==, 2);
  assert_bulk_row (&f, 0, ELENA, SCMS_BULK_STATUS_ALLOWED, "Elena Ashgrove");
  assert_bulk_row (&f, 1, TOBIAS, SCMS_BULK_STATUS_ALLOWED, NULL);

  bulk_fixture_clear (&f);
}

static void
test_bulk_nothing (void)
{
  static const char * const blanks[] = { "", "\r\n\r\n", "  \r\n\t\r\n \n", "\n\n\n\n\n" };
  BulkFixture f = { 0 };

  bulk_fixture_init (&f);

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autofree char *after = NULL;

      gtk_text_buffer_set_text (f.buffer, blanks[i], -1);
      click (GTK_WIDGET (f.page), "C_heck");

      g_assert_cmpstr (scms_full_whitelist_page_get_bulk_message (f.page), ==, NOTHING_TO_CHECK);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (f.page), NOTHING_TO_CHECK));
      g_assert_false (scms_full_whitelist_page_get_bulk_running (f.page));
      g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_bulk_items (f.page)),
                        ==, 0);
      after = buffer_text (&f);
      g_assert_cmpstr (after, ==, blanks[i]);
    }

  /* Typing an identifier answers the message: it goes. */
  gtk_text_buffer_set_text (f.buffer, "430291437292752760", -1);
  g_assert_null (scms_full_whitelist_page_get_bulk_message (f.page));
  spin (50);
  g_assert_null (find_shown_text (GTK_WIDGET (f.page), NOTHING_TO_CHECK));

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);

  bulk_fixture_clear (&f);
}

/* Writes @length bytes of @contents to a new file called @name. */
static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static const char *wanted_first_row;

/* The check of an opened file is done, its first row @wanted_first_row. */
static gboolean
bulk_checked (gpointer data)
{
  BulkFixture *f = data;
  GListModel *items = scms_full_whitelist_page_get_bulk_items (f->page);
  g_autoptr(ScmsBulkCheckItem) first = g_list_model_get_item (items, 0);

  return first != NULL &&
         g_strcmp0 (scms_bulk_check_item_get_identifier (first), wanted_first_row) == 0 &&
         !scms_full_whitelist_page_get_bulk_running (f->page);
}

static gboolean
bulk_says_nothing_to_check (gpointer data)
{
  BulkFixture *f = data;

  return g_strcmp0 (scms_full_whitelist_page_get_bulk_message (f->page), NOTHING_TO_CHECK) == 0;
}

static gboolean
has_toast (gpointer data)
{
  BulkFixture *f = data;

  return f->toasts->len > 0;
}

/* Files opened as the Open File… button does: a CSV with NUL bytes,
 * invalid UTF-8, CRLF, a BOM and all the pasted trouble; a text file of
 * NUL bytes only; an empty file; a missing one; one too large. */
static void
test_bulk_files (void)
{
  static const char csv[] =
    "\xEF\xBB\xBFIdentifier,Note\r\n"
    ELENA ",first\r\n"
    "\0\0\0\r\n"
    "abc\0def,nul inside\r\n"
    "abc\0xyz,another\r\n"
    "\"" RTL_NAME "\",rtl\r\n"
    EMOJI_NAME ",emoji\r\n"
    "\r\n"
    ELENA ",repeat\r\n"
    "\xff\xfe,not utf-8\r\n";
  static const char nul_only[64] = { 0 };
  BulkFixture f = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GFile) nul_file = NULL;
  g_autoptr(GFile) empty_file = NULL;
  g_autoptr(GFile) missing_file = NULL;
  g_autoptr(GFile) large_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *large = NULL;
  g_autofree char *verified = NULL;
  g_autofree char *nuls_shown = repeat_text ("\xEF\xBF\xBD", sizeof nul_only);
  gsize large_size = 16 * 1024 * 1024 + 1;

  dir = g_dir_make_tmp ("test-bad-input-XXXXXX", &error);
  g_assert_no_error (error);
  bulk_fixture_init (&f);

  csv_file = write_file (dir, "ids.csv", csv, sizeof csv - 1);
  scms_full_whitelist_page_open_bulk_file (f.page, csv_file);
  wanted_first_row = ELENA;
  wait_until (bulk_checked, &f, "the CSV file to be checked");
  spin (50);

  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_bulk_items (f.page)),
                    ==, 7);
  assert_bulk_row (&f, 0, ELENA, SCMS_BULK_STATUS_ALLOWED, "Elena Ashgrove");
  /* NUL bytes show as U+FFFD, the line whole; two lines that differ
   * after a NUL stay two. */
  assert_bulk_row (&f, 1, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", SCMS_BULK_STATUS_INVALID,
                   NOT_TEXT);
  assert_bulk_row (&f, 2, "abc\xEF\xBF\xBD" "def,nul inside", SCMS_BULK_STATUS_INVALID, NOT_TEXT);
  assert_bulk_row (&f, 3, "abc\xEF\xBF\xBDxyz,another", SCMS_BULK_STATUS_INVALID, NOT_TEXT);
  assert_bulk_row (&f, 4, RTL_NAME, SCMS_BULK_STATUS_UNKNOWN, NO_SUCH_API_ID);
  assert_bulk_row (&f, 5, EMOJI_NAME, SCMS_BULK_STATUS_UNKNOWN, NO_SUCH_API_ID);
  assert_bulk_row (&f, 6, "\xEF\xBF\xBD\xEF\xBF\xBD,not utf-8", SCMS_BULK_STATUS_INVALID,
                   NOT_TEXT);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (f.page), "abc\xEF\xBF\xBD" "def,nul inside"));

  verified = verified_api_ids ();
  g_assert_cmpstr (verified, ==, RTL_NAME "|" EMOJI_NAME);

  /* A file of NUL bytes only: one line, shown, never sent. */
  reset_mock ();
  nul_file = write_file (dir, "nul.txt", nul_only, sizeof nul_only);
  scms_full_whitelist_page_open_bulk_file (f.page, nul_file);
  wanted_first_row = nuls_shown;
  wait_until (bulk_checked, &f, "the NUL file to be checked");
  g_assert_cmpuint (g_list_model_get_n_items (scms_full_whitelist_page_get_bulk_items (f.page)),
                    ==, 1);
  assert_bulk_row (&f, 0, nuls_shown, SCMS_BULK_STATUS_INVALID, NOT_TEXT);

  /* Nothing in it. */
  empty_file = write_file (dir, "empty.txt", "", 0);
  scms_full_whitelist_page_open_bulk_file (f.page, empty_file);
  wait_until (bulk_says_nothing_to_check, &f, "the empty file");
  g_assert_nonnull (find_shown_text (GTK_WIDGET (f.page), NOTHING_TO_CHECK));

  /* Gone, or too large: a toast says so. */
  missing_file = g_file_new_build_filename (dir, "missing.txt", NULL);
  scms_full_whitelist_page_open_bulk_file (f.page, missing_file);
  wait_until (has_toast, &f, "the toast");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f.toasts, 0), "Could not open the file ("));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (f.toasts, 0), "Choose another one."));

  large = g_malloc (large_size);
  memset (large, '7', large_size);
  large_file = write_file (dir, "large.txt", large, large_size);
  g_ptr_array_set_size (f.toasts, 0);
  scms_full_whitelist_page_open_bulk_file (f.page, large_file);
  wait_until (has_toast, &f, "the toast");
  g_assert_cmpstr (g_ptr_array_index (f.toasts, 0), ==,
                   "The file is larger than 16 MB. Split it and check each part.");

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);

  bulk_fixture_clear (&f);

  g_file_delete (csv_file, NULL, NULL);
  g_file_delete (nul_file, NULL, NULL);
  g_file_delete (empty_file, NULL, NULL);
  g_file_delete (large_file, NULL, NULL);
  g_rmdir (dir);
}

/* Server IDs: chosen from a list, or handed over by another page */

static void
test_verify_server_ids (void)
{
  static const gint64 bad_ids[] = { 0, -1, 4, 999, G_MAXINT64, G_MININT64 };
  FinderFixture f = { 0 };
  ScmsVerifyWhitelistPage *page;

  finder_fixture_init (&f, &finder_pages[3]);
  page = SCMS_VERIFY_WHITELIST_PAGE (f.page);
  g_assert_true (scms_verify_whitelist_page_set_server_id (page, 2));

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_assert_false (scms_verify_whitelist_page_set_server_id (page, bad_ids[i]));
      g_assert_cmpint (scms_verify_whitelist_page_get_server_id (page), ==, 2);
    }

  spin (100);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);

  /* The server still chosen is the one asked about. */
  type_and_submit (&f, SCMS_ID_KIND_API_ID, ELENA, FALSE);
  wait_loaded (f.page);
  assert_sent_once (mock_server, "/servers/verify_whitelist", "serverId", "2");

  finder_fixture_clear (&f);
}

static gint64
shown_server_id (ScmsFullWhitelistPage *page)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  ScmsGameServer *server = gtk_drop_down_get_selected_item (dropdown);

  g_assert_nonnull (server);
  return scms_game_server_get_id (server);
}

static gboolean
whitelist_settled (gpointer data)
{
  ScmsFullWhitelistPage *page = data;
  ScmsPageState state = scms_page_get_state (SCMS_PAGE (page));

  return state != SCMS_PAGE_STATE_LOADING && !scms_full_whitelist_page_is_busy (page);
}

/* The Game Servers page hands a server ID to the Full Whitelist page. An
 * ID that is not (or no longer) among its servers must not leave it
 * showing one server's whitelist under another's ID. */
static void
test_whitelist_server_ids (void)
{
  static const gint64 bad_ids[] = { 999, 0, -1, G_MAXINT64, G_MININT64 };
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsFullWhitelistPage *page;
  ScmsPage *servers_page;

  page = SCMS_FULL_WHITELIST_PAGE (scms_window_get_page (window, "full-whitelist"));
  scms_window_set_visible_page (window, "full-whitelist");
  wait_until (whitelist_ready, page, "the whitelist");
  g_assert_cmpint (scms_full_whitelist_page_get_server_id (page), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_auto(GStrv) bodies = NULL;

      reset_mock ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-whitelist", "x",
                                                 bad_ids[i]));
      g_main_context_iteration (NULL, FALSE);
      wait_until (whitelist_settled, page, "the whitelist to settle");

      g_assert_cmpint (scms_page_get_state (SCMS_PAGE (page)), ==, SCMS_PAGE_STATE_RESULTS);
      g_assert_cmpint (scms_full_whitelist_page_get_server_id (page), ==, shown_server_id (page));
      g_assert_cmpint (scms_full_whitelist_page_get_server_id (page), ==, 1);

      /* No whitelist was asked for a server that does not exist. */
      bodies = scms_mock_server_dup_request_bodies (mock_server, "/servers/full_whitelist");
      for (guint j = 0; bodies[j] != NULL; j++)
        {
          g_autofree char *server_id = body_value (bodies[j], "serverId");

          g_assert_cmpstr (server_id, ==, "1");
        }
    }

  /* A row that is not there opens nothing. */
  servers_page = scms_window_get_page (window, "game-servers");
  scms_window_set_visible_page (window, "game-servers");
  wait_loaded (servers_page);
  reset_mock ();
  scms_game_servers_page_activate (SCMS_GAME_SERVERS_PAGE (servers_page), 2);
  scms_game_servers_page_activate (SCMS_GAME_SERVERS_PAGE (servers_page), G_MAXUINT);
  spin (100);
  g_assert_true (scms_window_get_visible_page (window) == servers_page);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);

  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

/* Searches: filtered here, never sent */

static const struct
{
  const char *text;
  guint       repeat;
} searches[] = {
  { "x", LONG_LENGTH },
  { "🚓", LONG_LENGTH },
  { EMOJI_NAME, 0 },
  { "\n\t\r\n", 0 },
  { "%s%n%x", 0 },
  { ".*[(\\", 0 },
  { "\x7f\x1b", 0 },
};

/* The search entry shown under @root (a drop-down has one of its own,
 * in its popover). */
static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static GtkWidget *
find_search_entry (GtkWidget *root)
{
  return find_widget (root, FIND_MAPPED, is_search_entry, NULL);
}

/* The search entry of @page holds @text, as typed. */
static void
assert_search_holds (ScmsPage   *page,
                     const char *text)
{
  GtkWidget *entry = find_search_entry (GTK_WIDGET (page));

  g_assert_nonnull (entry);
  g_assert_true (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0);
}

static const char *wanted_count;

static gboolean
whitelist_counted (gpointer data)
{
  ScmsFullWhitelistPage *page = data;

  return whitelist_ready (page) &&
         g_strcmp0 (scms_full_whitelist_page_get_count_text (page), wanted_count) == 0;
}

static void
test_searches (void)
{
  g_autoptr(ScmsClient) client = create_client ();
  ScmsWindow *window = create_window (client);
  ScmsMembersPage *members = SCMS_MEMBERS_PAGE (scms_window_get_page (window, "members"));
  ScmsDepartmentsPage *departments =
    SCMS_DEPARTMENTS_PAGE (scms_window_get_page (window, "departments"));
  ScmsFullWhitelistPage *whitelist =
    SCMS_FULL_WHITELIST_PAGE (scms_window_get_page (window, "full-whitelist"));
  GListModel *members_shown = scms_members_page_get_shown (members);
  guint n_loaded;
  guint n_ranks;
  guint n_entries;

  scms_window_set_visible_page (window, "members");
  wait_for_state (SCMS_PAGE (members), SCMS_PAGE_STATE_RESULTS);
  n_loaded = g_list_model_get_n_items (scms_members_page_get_members (members));
  scms_window_set_visible_page (window, "departments");
  wait_for_state (SCMS_PAGE (departments), SCMS_PAGE_STATE_RESULTS);
  n_ranks = scms_departments_page_get_n_shown (departments);
  scms_window_set_visible_page (window, "full-whitelist");
  wait_until (whitelist_ready, whitelist, "the whitelist");
  n_entries = g_list_model_get_n_items (scms_full_whitelist_page_get_entries (whitelist));
  reset_mock ();

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *text = repeat_text (searches[i].text, searches[i].repeat);
      g_autofree char *members_count = g_strdup_printf ("0 of %u loaded", n_loaded);
      g_autofree char *entries_count = g_strdup_printf ("0 of %u entries", n_entries);

      scms_window_set_visible_page (window, "members");
      scms_members_page_set_search (members, text);
      spin (20);
      g_assert_cmpuint (g_list_model_get_n_items (members_shown), ==, 0);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (members), members_count));
      assert_search_holds (SCMS_PAGE (members), text);

      scms_window_set_visible_page (window, "departments");
      scms_departments_page_set_search (departments, text);
      spin (20);
      g_assert_cmpuint (scms_departments_page_get_n_shown (departments), ==, 0);
      g_assert_nonnull (find_shown_text (GTK_WIDGET (departments), "No Matching Ranks"));
      assert_search_holds (SCMS_PAGE (departments), text);

      scms_window_set_visible_page (window, "full-whitelist");
      scms_full_whitelist_page_set_search_text (whitelist, text);
      /* The count follows the entry's search delay. */
      wanted_count = entries_count;
      wait_until (whitelist_counted, whitelist, "the search");
      g_assert_nonnull (find_shown_text (GTK_WIDGET (whitelist), entries_count));
      assert_search_holds (SCMS_PAGE (whitelist), text);
    }

  /* A right-to-left name is found as typed. */
  scms_window_set_visible_page (window, "members");
  scms_members_page_set_search (members, RTL_NAME);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (members_shown), ==, 1);
  g_assert_nonnull (find_shown_cell (GTK_WIDGET (members), RTL_NAME));
  scms_departments_page_set_search (departments, NULL);
  g_assert_cmpuint (scms_departments_page_get_n_shown (departments), ==, n_ranks);

  spin (200);
  g_assert_cmpuint (scms_mock_server_get_request_count (mock_server, NULL), ==, 0);

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  spin (20);
  destroy_window (window);
  assert_finalized_soon (g_steal_pointer (&client));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("SCMS_TESTS_ALLOW_NO_DISPLAY") != NULL)
        {
          printf ("1..0 # SKIP no display\n");
          return 0;
        }

      g_printerr ("No display: run the GUI tests under Xvfb\n");
      return 1;
    }

  adw_init ();
  g_type_ensure (SCMS_TYPE_WINDOW);

  for (guint i = 0; i < G_N_ELEMENTS (finder_pages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bad-input/finder/%s/refused",
                                               finder_pages[i].name);

      g_test_add_data_func (path, &finder_pages[i], test_finder_refuses);
    }
  g_test_add_func ("/bad-input/finder/nul", test_finder_nul);
  g_test_add_func ("/bad-input/finder/account/sent", test_finder_account_sends);
  for (guint i = 1; i < G_N_ELEMENTS (finder_pages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bad-input/finder/%s/rtl-sent",
                                               finder_pages[i].name);

      g_test_add_data_func (path, &finder_pages[i], test_finder_rtl_sent);
    }
  g_test_add_func ("/bad-input/check-api-id", test_check_api_id);
  g_test_add_func ("/bad-input/connect/refused", test_connect_refuses);
  g_test_add_func ("/bad-input/connect/nul", test_connect_nul);
  g_test_add_func ("/bad-input/connect/urls-accepted", test_connect_accepts_urls);
  g_test_add_func ("/bad-input/connect/sent-exactly", test_connect_sends_exactly);
  g_test_add_func ("/bad-input/connect/profile-labels", test_profile_labels);
  g_test_add_func ("/bad-input/server-id/verify-whitelist", test_verify_server_ids);
  g_test_add_func ("/bad-input/server-id/full-whitelist", test_whitelist_server_ids);
  g_test_add_func ("/bad-input/searches", test_searches);
  g_test_add_func ("/bad-input/bulk/pasted", test_bulk_pasted);
  g_test_add_func ("/bad-input/bulk/nothing", test_bulk_nothing);
  g_test_add_func ("/bad-input/bulk/cr-lines", test_bulk_cr_lines);
  g_test_add_func ("/bad-input/bulk/files", test_bulk_files);

  return run_gui_tests (argc, argv);
}
