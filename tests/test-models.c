/* test-models.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-account.h"
#include "scms-api-enums.h"
#include "scms-clock-in.h"
#include "scms-department.h"
#include "scms-endpoint.h"
#include "scms-error.h"
#include "scms-game-server.h"
#include "scms-profile-field.h"
#include "scms-search.h"
#include "scms-subscription.h"
#include "scms-timestamp.h"
#include "scms-whitelist.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static void
test_subscription (void)
{
  static const struct
  {
    int         tier;
    ScmsTier    level;
    const char *name;
  } cases[] = {
    { 0, SCMS_TIER_FREE, "Free" },
    { 1, SCMS_TIER_STARTER, "Starter" },
    { 2, SCMS_TIER_STANDARD, "Standard" },
    { 3, SCMS_TIER_PLUS, "Plus" },
    { 4, SCMS_TIER_PRO, "Pro" },
    { 5, SCMS_TIER_SONORAN_ONE, "SonoranOne" },
    { 6, SCMS_TIER_SONORAN_ONE, "SonoranOne" },
    { 7, SCMS_TIER_PRO, "Pro or higher" },
    { 250, SCMS_TIER_PRO, "Pro or higher" },
    { -1, SCMS_TIER_FREE, "Unknown" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScmsSubscription) sub = scms_subscription_new (cases[i].tier);
      g_autofree char *name = NULL;
      ScmsTier level;
      int tier;

      g_assert_cmpint (scms_subscription_get_tier (sub), ==, cases[i].tier);
      g_assert_cmpint (scms_subscription_get_level (sub), ==, cases[i].level);
      g_assert_cmpstr (scms_subscription_get_name (sub), ==, cases[i].name);
      g_assert_cmpstr (scms_tier_get_name (cases[i].tier), ==, cases[i].name);

      g_object_get (sub, "tier", &tier, "level", &level, "name", &name, NULL);
      g_assert_cmpint (tier, ==, cases[i].tier);
      g_assert_cmpint (level, ==, cases[i].level);
      g_assert_cmpstr (name, ==, cases[i].name);
    }

  {
    g_autoptr(ScmsSubscription) plus = scms_subscription_new (3);
    g_autoptr(ScmsSubscription) one = scms_subscription_new (6);

    g_assert_true (scms_subscription_allows (plus, SCMS_TIER_FREE));
    g_assert_true (scms_subscription_allows (plus, SCMS_TIER_PLUS));
    g_assert_false (scms_subscription_allows (plus, SCMS_TIER_PRO));
    g_assert_true (scms_subscription_allows (one, SCMS_TIER_SONORAN_ONE));
  }
}

static void
test_endpoints (void)
{
  g_assert_cmpstr (scms_endpoint_get_path (SCMS_ENDPOINT_GET_SUB_VERSION), ==, "/general/get_sub_version");
  g_assert_cmpstr (scms_endpoint_get_type_name (SCMS_ENDPOINT_GET_SUB_VERSION), ==, "GET_SUB_VERSION");
  g_assert_cmpstr (scms_endpoint_get_path (SCMS_ENDPOINT_VERIFY_WHITELIST), ==, "/servers/verify_whitelist");
  g_assert_cmpstr (scms_endpoint_get_path (SCMS_ENDPOINT_GET_GAME_SERVERS), ==, "/servers/get_game_servers");
  g_assert_cmpstr (scms_endpoint_get_type_name (SCMS_ENDPOINT_GET_CLOCKIN_TYPES), ==, "GET_CLOCKIN_TYPES");

  g_assert_cmpint (scms_endpoint_get_min_tier (SCMS_ENDPOINT_GET_SUB_VERSION), ==, SCMS_TIER_FREE);
  g_assert_cmpint (scms_endpoint_get_min_tier (SCMS_ENDPOINT_CHECK_COM_APIID), ==, SCMS_TIER_STANDARD);
  g_assert_cmpint (scms_endpoint_get_min_tier (SCMS_ENDPOINT_GET_COM_ACCOUNT), ==, SCMS_TIER_PLUS);
  g_assert_cmpint (scms_endpoint_get_min_tier (SCMS_ENDPOINT_FULL_WHITELIST), ==, SCMS_TIER_PLUS);
  g_assert_cmpint (scms_endpoint_get_min_tier (SCMS_ENDPOINT_GET_CURRENT_CLOCK_IN), ==, SCMS_TIER_PLUS);
  g_assert_cmpint (scms_endpoint_get_min_tier (SCMS_ENDPOINT_GET_ACCOUNTS), ==, SCMS_TIER_STANDARD);

  /* Every path is /<group>/<lower-case type>. */
  for (int e = 0; e < SCMS_N_ENDPOINTS; e++)
    {
      g_autofree char *lower = g_ascii_strdown (scms_endpoint_get_type_name (e), -1);
      const char *path = scms_endpoint_get_path (e);

      g_assert_true (g_str_has_prefix (path, "/general/") || g_str_has_prefix (path, "/servers/"));
      g_assert_cmpstr (strrchr (path, '/') + 1, ==, lower);
    }
}

static void
test_timestamps (void)
{
  static const struct
  {
    const char *text;
    const char *utc;
  } good[] = {
    { "2024-03-09 19:14:22.000 -0700", "2024-03-10T02:14:22Z" },
    { "2024-03-09 19:14:22 -0700", "2024-03-10T02:14:22Z" },
    { "2024-03-09 19:14:22.5 +0130", "2024-03-09T17:44:22Z" },
    { "2024-03-09 19:14:22.000-0700", "2024-03-10T02:14:22Z" },
    { "2024-03-10T02:14:22Z", "2024-03-10T02:14:22Z" },
    { "2024-03-10T02:14:22.123+00:00", "2024-03-10T02:14:22Z" },
  };
  static const char *bad[] = {
    "", "garbage", "2024-03-09", "2024-13-09 19:14:22.000 -0700",
    "2024-03-09 25:14:22.000 -0700", "2024-03-09 19:14:22.000 -07", "2024-03-09 19:14:22. -0700",
    "2024-03-09 19:14:22.000 -0700 trailing", "\xff\xfe", "2024-03-09 19:14:22.000 −0700",
    "99999999-03-09T00:00:00Z",
  };

  g_assert_null (scms_timestamp_parse (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDateTime) dt = scms_timestamp_parse (good[i].text);
      g_autoptr(GDateTime) utc = NULL;
      g_autofree char *formatted = NULL;

      g_test_message ("good %u: %s", i, good[i].text);
      g_assert_nonnull (dt);
      utc = g_date_time_to_utc (dt);
      formatted = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
      g_assert_cmpstr (formatted, ==, good[i].utc);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad %u", i);
      g_assert_null (scms_timestamp_parse (bad[i]));
    }
}

static void
test_whitelist_entry (void)
{
  g_autoptr(JsonNode) node = parse ("{\"name\": \"Elena Ashgrove\", \"apiIds\": "
                                    "[\"430291437292752760\", null, \"discord:555\", \"steam:abc\"]}");
  g_autoptr(ScmsWhitelistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) ids = NULL;

  entry = scms_whitelist_entry_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_whitelist_entry_get_name (entry), ==, "Elena Ashgrove");
  g_assert_cmpuint (g_strv_length ((char **) scms_whitelist_entry_get_api_ids (entry)), ==, 3);

  text = scms_whitelist_entry_dup_api_ids_text (entry);
  g_assert_cmpstr (text, ==, "430291437292752760, discord:555, steam:abc");

  g_assert_true (scms_whitelist_entry_has_api_id (entry, "430291437292752760"));
  g_assert_true (scms_whitelist_entry_has_api_id (entry, "discord:430291437292752760"));
  g_assert_true (scms_whitelist_entry_has_api_id (entry, "555"));
  g_assert_true (scms_whitelist_entry_has_api_id (entry, "discord:555"));
  g_assert_true (scms_whitelist_entry_has_api_id (entry, "abc"));
  g_assert_false (scms_whitelist_entry_has_api_id (entry, "43029143729275276"));
  g_assert_false (scms_whitelist_entry_has_api_id (entry, ""));
  g_assert_false (scms_whitelist_entry_has_api_id (entry, NULL));

  g_object_get (entry, "api-ids", &ids, NULL);
  g_assert_cmpstr (ids[2], ==, "steam:abc");

  g_assert_finalize_object (g_steal_pointer (&entry));

  /* No name, no IDs: an empty name and an empty vector. */
  g_clear_pointer (&node, json_node_unref);
  node = parse ("{\"apiIds\": []}");
  entry = scms_whitelist_entry_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_whitelist_entry_get_name (entry), ==, "");
  g_assert_null (scms_whitelist_entry_get_api_ids (entry)[0]);
  g_assert_finalize_object (g_steal_pointer (&entry));

  g_clear_pointer (&node, json_node_unref);
  node = parse ("{\"name\": \"Zoë Ashgrove\"}");
  entry = scms_whitelist_entry_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_whitelist_entry_get_name (entry), ==, "Zoë Ashgrove");
  g_assert_null (scms_whitelist_entry_get_api_ids (entry)[0]);
  g_assert_false (scms_whitelist_entry_has_api_id (entry, "Zoë Ashgrove"));
  g_assert_finalize_object (g_steal_pointer (&entry));
}

static void
test_verdict (void)
{
  g_autoptr(ScmsWhitelistVerdict) allowed = scms_whitelist_verdict_new (SCMS_VERDICT_BYPASSED, "Tobias", NULL);
  g_autoptr(ScmsWhitelistVerdict) denied = scms_whitelist_verdict_new (SCMS_VERDICT_BLOCKED, NULL, "BLOCKED FOR WHITELIST");
  ScmsVerdict verdict;
  gboolean ok;

  g_assert_true (scms_whitelist_verdict_get_allowed (allowed));
  g_assert_cmpstr (scms_whitelist_verdict_get_name (allowed), ==, "Tobias");
  g_assert_false (scms_whitelist_verdict_get_allowed (denied));
  g_assert_cmpstr (scms_whitelist_verdict_get_code (denied), ==, "BLOCKED FOR WHITELIST");

  g_object_get (denied, "verdict", &verdict, "allowed", &ok, NULL);
  g_assert_cmpint (verdict, ==, SCMS_VERDICT_BLOCKED);
  g_assert_false (ok);
  g_assert_true (G_TYPE_IS_ENUM (SCMS_TYPE_VERDICT));
}

static void
test_clock_in_text (void)
{
  static const struct
  {
    const char *text;
    gboolean    clocked_in;
    gboolean    forced;
  } good[] = {
    { "CLOCKED IN", TRUE, FALSE },
    { " FORCE CLOCKED IN\n", TRUE, TRUE },
    { "CLOCKED OUT", FALSE, FALSE },
  };
  static const char *bad[] = { "clocked in", "CLOCKED", "CLOCKED IN!", "", "OK" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmsClockIn) clock_in = scms_clock_in_new_from_text (good[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpint (scms_clock_in_get_clocked_in (clock_in), ==, good[i].clocked_in);
      g_assert_cmpint (scms_clock_in_get_completed (clock_in), ==, !good[i].clocked_in);
      g_assert_cmpint (scms_clock_in_get_forced (clock_in), ==, good[i].forced);
      g_assert_false (scms_clock_in_has_details (clock_in));
      g_assert_null (scms_clock_in_get_id (clock_in));
      g_assert_cmpuint (g_list_model_get_n_items (scms_clock_in_get_notes (clock_in)), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmsClockIn) clock_in = scms_clock_in_new_from_text (bad[i], &error);

      g_assert_null (clock_in);
      g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
    }
}

static void
test_clock_in_json (void)
{
  g_autoptr(JsonNode) node = parse ("{\"id\": \"c0ffee\", \"startTime\": \"2024-03-10T02:14:22Z\","
                                    " \"endTime\": null, \"completed\": false,"
                                    " \"notes\": [{\"timestamp\": \"x\", \"message\": \"hi\"}]}");
  g_autoptr(JsonNode) no_completed = parse ("{\"id\": 1, \"completed\": \"false\"}");
  g_autoptr(JsonNode) missing = parse ("{\"id\": 1}");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsClockIn) clock_in = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(ScmsClockInNote) note = NULL;
  gboolean clocked_in;

  clock_in = scms_clock_in_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_clock_in_get_id (clock_in), ==, "c0ffee");
  g_assert_true (scms_clock_in_has_details (clock_in));
  g_assert_nonnull (scms_clock_in_get_start_date_time (clock_in));
  g_assert_null (scms_clock_in_get_end_date_time (clock_in));
  g_assert_null (scms_clock_in_get_type_id (clock_in));
  g_object_get (clock_in, "clocked-in", &clocked_in, "notes", &notes, NULL);
  g_assert_true (clocked_in);
  note = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (scms_clock_in_note_get_message (note), ==, "hi");

  g_assert_null (scms_clock_in_new_from_json (no_completed, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_assert_null (scms_clock_in_new_from_json (missing, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
}

static void
test_account_draft_names (void)
{
  /* The Sonoran.js usage guide's draft shape (reference §2.3). */
  g_autoptr(JsonNode) node = parse ("{\"accId\": \"a1\", \"username\": \"Dale\", \"active\": false,"
                                    " \"comOwner\": false, \"isBanned\": true, \"uniqueId\": \"1058\","
                                    " \"primaryRank\": null, \"secondaryRanks\": [\"r2\", null, \"r2\", \"r3\"]}");
  g_autoptr(JsonNode) owner = parse ("{\"accId\": \"a2\", \"accName\": \"Tobias\", \"comName\": \"\","
                                     " \"owner\": true, \"banned\": true, \"comStatus\": true,"
                                     " \"ranks\": [\"x\"], \"primaryRank\": \"ignored\"}");
  g_autoptr(ScmsAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *ranks;
  ScmsMemberStatus status;

  account = scms_account_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_account_get_acc_name (account), ==, "Dale");
  g_assert_cmpstr (scms_account_get_display_name (account), ==, "Dale");
  g_assert_false (scms_account_get_com_status (account));
  g_assert_true (scms_account_get_banned (account));
  g_assert_cmpint (scms_account_get_status (account), ==, SCMS_MEMBER_STATUS_BANNED);
  g_assert_cmpint (scms_account_get_unique_id (account), ==, 1058);
  ranks = scms_account_get_rank_ids (account);
  g_assert_cmpuint (g_strv_length ((char **) ranks), ==, 2);
  g_assert_cmpstr (ranks[0], ==, "r2");
  g_assert_cmpstr (ranks[1], ==, "r3");
  g_assert_finalize_object (g_steal_pointer (&account));

  account = scms_account_new_from_json (owner, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_account_get_display_name (account), ==, "Tobias");
  g_object_get (account, "status", &status, NULL);
  g_assert_cmpint (status, ==, SCMS_MEMBER_STATUS_OWNER);
  g_assert_cmpint (scms_account_get_unique_id (account), ==, -1);
  ranks = scms_account_get_rank_ids (account);
  g_assert_cmpuint (g_strv_length ((char **) ranks), ==, 1);
  g_assert_cmpstr (ranks[0], ==, "x");
  g_assert_cmpstr (scms_member_status_get_label (status), ==, "Owner");
  g_assert_cmpstr (scms_member_status_get_label (SCMS_MEMBER_STATUS_PENDING), ==, "Pending");
}

static void
test_account_bad (void)
{
  static const char *bad[] = {
    "{}",
    "{\"accId\": 5.5}",
    "{\"accId\": \"a\", \"uniqueId\": \"abc\"}",
    "{\"accId\": \"a\", \"uniqueId\": true}",
    "{\"accId\": \"a\", \"comStatus\": \"yes\"}",
    "{\"accId\": \"a\", \"ranks\": \"r1\"}",
    "{\"accId\": \"a\", \"ranks\": [[\"r1\"]]}",
    "{\"accId\": \"a\", \"activeApiIds\": [{}]}",
    "{\"accId\": \"a\", \"profileFields\": \"x\"}",
    "{\"accId\": \"a\", \"profileFields\": {\"data\": {}}}",
    "{\"accId\": \"a\", \"profileFields\": {\"data\": [5]}}",
    "\"a\"",
    "[[]]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmsAccount) account = NULL;

      g_test_message ("bad %u", i);
      account = scms_account_new_from_json (node, &error);
      g_assert_null (account);
      g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
    }
}

static void
test_small_models (void)
{
  g_autoptr(JsonNode) server_node = parse ("{\"id\": 3, \"name\": \"Events\", \"ip\": \"203.0.113.5\"}");
  g_autoptr(JsonNode) server_zero = parse ("{\"id\": 0, \"name\": \"Nope\"}");
  g_autoptr(JsonNode) server_string = parse ("{\"id\": \"3\", \"name\": \"Nope\"}");
  g_autoptr(JsonNode) field_node = parse ("{\"id\": \"f\", \"type\": \"select\", \"label\": \"Zone\","
                                          " \"options\": [\"A\", \"B\"]}");
  g_autoptr(JsonNode) type_node = parse ("{\"id\": \"patrol\", \"label\": \"Patrol\"}");
  g_autoptr(JsonNode) dept_node = parse ("{\"uuid\": \"d\", \"label\": \"Police\", \"labelTwo\": \"PD\","
                                         " \"ranks\": [{\"id\": \"r\", \"label\": \"Chief\", \"power\": 90}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmsGameServer) server = NULL;
  g_autoptr(ScmsProfileField) field = NULL;
  g_autoptr(ScmsClockInType) type = NULL;
  g_autoptr(ScmsDepartment) dept = NULL;
  g_autoptr(ScmsRank) rank = NULL;
  g_autoptr(ScmsRank) unresolved = scms_rank_new_unresolved ("gone");
  gint64 id;

  server = scms_game_server_new_from_json (server_node, &error);
  g_assert_no_error (error);
  g_object_get (server, "id", &id, NULL);
  g_assert_cmpint (id, ==, 3);
  g_assert_cmpstr (scms_game_server_get_description (server), ==, "");
  g_assert_null (scms_game_server_new_from_json (server_zero, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_assert_null (scms_game_server_new_from_json (server_string, &error));
  g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE);
  g_clear_error (&error);

  field = scms_profile_field_new_from_json (field_node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_profile_field_get_kind (field), ==, "select");
  g_assert_cmpstr (scms_profile_field_get_options (field)[1], ==, "B");

  type = scms_clock_in_type_new_from_json (type_node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scms_clock_in_type_get_label (type), ==, "Patrol");

  dept = scms_department_new_from_json (dept_node, &error);
  g_assert_no_error (error);
  rank = g_list_model_get_item (scms_department_get_ranks (dept), 0);
  g_assert_cmpstr (scms_rank_get_label (rank), ==, "Chief");
  g_assert_cmpint (scms_rank_get_power (rank), ==, 90);
  g_assert_cmpstr (scms_rank_get_department_short (rank), ==, "PD");
  g_assert_true (scms_rank_is_resolved (rank));

  g_assert_false (scms_rank_is_resolved (unresolved));
  g_assert_cmpstr (scms_rank_get_label (unresolved), ==, "gone");
  g_assert_null (scms_rank_get_department_id (unresolved));
}

/* What type-to-search finds, against what a person would expect. */
static void
test_search (void)
{
  static const struct {
    const char *text;
    const char *search;
    gboolean    found;
  } cases[] = {
    { "Elena Ashgrove", "elena", TRUE },
    { "Elena Ashgrove", "ASHGROVE", TRUE },
    { "Elena Ashgrove", "a ash", TRUE },
    { "Elena Ashgrove", "ashgrovex", FALSE },
    { "Elena Ashgrove", "", TRUE },
    { "Zoë Ångström", "zoe", TRUE },         /* ë is e and a mark, as in GtkStringFilter */
    { "Zoë Ångström", "ZOË", TRUE },
    { "Zoë Ångström", "ångström", TRUE },
    { "Zoë Ångström", "ÅNGSTRÖM", TRUE },
    { "STRASSE", "straße", TRUE },
    { "Straße", "STRASSE", TRUE },           /* folding: ß is ss */
    { "ﬁnn", "fi", TRUE },                   /* compatibility: the ligature is f i */
    { "مجتمع الشرطة", "الشرطة", TRUE },     /* right-to-left */
    { "مجتمع الشرطة", "shurta", FALSE },
    { "Officer 🚓 Dale", "🚓", TRUE },
    { "Officer 🚓 Dale", "🚒", FALSE },
    { "Officer 🚓 Dale", "officer 🚓", TRUE },
    { "Dale", "🚓", FALSE },                  /* a search that is not ASCII, ASCII text */
    { "430291437292752760", "2927", TRUE },
    { "9b4e07d2c61a5f38", "9B4E", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *needle = scms_search_fold (cases[i].search);
      g_autofree char *folded = scms_search_fold (cases[i].text);

      g_test_message ("%s in %s", cases[i].search, cases[i].text);
      g_assert_nonnull (needle);
      /* The same answer whether the text was folded ahead or not. */
      g_assert_cmpint (scms_search_contains (cases[i].text, NULL, needle), ==, cases[i].found);
      g_assert_cmpint (scms_search_contains (cases[i].text, folded, needle), ==, cases[i].found);
    }

  /* Not UTF-8: nothing to search for, and never a warning. */
  g_assert_null (scms_search_fold ("\xff\xfe"));
  g_assert_null (scms_search_fold (NULL));
}

/* A whitelist entry matches on its name or any of its API IDs; a name
 * that is not ASCII is folded when the entry is made. */
static void
test_whitelist_entry_matches (void)
{
  g_autoptr(JsonNode) node = parse ("{\"name\": \"Zoë Ångström\", \"apiIds\": "
                                    "[\"430291437292752760\", \"steam:AbC\"]}");
  g_autoptr(ScmsWhitelistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *search;
    gboolean    found;
  } cases[] = {
    { "zoë", TRUE },
    { "ÅNG", TRUE },
    { "2927", TRUE },
    { "steam:abc", TRUE },
    { "abc", TRUE },
    { "Zoe", TRUE },
    { "Zoë Angstrom", FALSE },
    { "xyz", FALSE },
  };

  entry = scms_whitelist_entry_new_from_json (node, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *needle = scms_search_fold (cases[i].search);

      g_test_message ("%s", cases[i].search);
      g_assert_cmpint (scms_whitelist_entry_matches (entry, needle), ==, cases[i].found);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/subscription", test_subscription);
  g_test_add_func ("/models/endpoints", test_endpoints);
  g_test_add_func ("/models/timestamps", test_timestamps);
  g_test_add_func ("/models/whitelist-entry", test_whitelist_entry);
  g_test_add_func ("/models/whitelist-entry-matches", test_whitelist_entry_matches);
  g_test_add_func ("/models/search", test_search);
  g_test_add_func ("/models/verdict", test_verdict);
  g_test_add_func ("/models/clock-in-text", test_clock_in_text);
  g_test_add_func ("/models/clock-in-json", test_clock_in_json);
  g_test_add_func ("/models/account-draft-names", test_account_draft_names);
  g_test_add_func ("/models/account-bad", test_account_bad);
  g_test_add_func ("/models/small-models", test_small_models);

  return g_test_run ();
}
