/* scms-endpoint.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-endpoint.h"

/* Minimum tiers follow the "Use" column of reference §1.9. Where that column
 * says "unknown" we pick a tier instead of Free so that the UI warns rather
 * than promising a feature: get_accounts and get_clockin_types are plain
 * reads like get_departments (Standard); get_current_clock_in belongs with
 * clock_in_out (Plus, as the reference infers). The tier only hides or
 * warns in the UI; calls are still attempted and the server has the final
 * word. */
static const struct
{
  const char *path;
  const char *type_name;
  ScmsTier    min_tier;
} endpoints[SCMS_N_ENDPOINTS] = {
  [SCMS_ENDPOINT_GET_SUB_VERSION] = { "/general/get_sub_version", "GET_SUB_VERSION", SCMS_TIER_FREE },
  [SCMS_ENDPOINT_CHECK_COM_APIID] = { "/general/check_com_apiid", "CHECK_COM_APIID", SCMS_TIER_STANDARD },
  [SCMS_ENDPOINT_GET_COM_ACCOUNT] = { "/general/get_com_account", "GET_COM_ACCOUNT", SCMS_TIER_PLUS },
  [SCMS_ENDPOINT_GET_ACCOUNT_RANKS] = { "/general/get_account_ranks", "GET_ACCOUNT_RANKS", SCMS_TIER_STANDARD },
  [SCMS_ENDPOINT_CLOCK_IN_OUT] = { "/general/clock_in_out", "CLOCK_IN_OUT", SCMS_TIER_PLUS },
  [SCMS_ENDPOINT_GET_GAME_SERVERS] = { "/servers/get_game_servers", "GET_GAME_SERVERS", SCMS_TIER_STANDARD },
  [SCMS_ENDPOINT_VERIFY_WHITELIST] = { "/servers/verify_whitelist", "VERIFY_WHITELIST", SCMS_TIER_PLUS },
  [SCMS_ENDPOINT_FULL_WHITELIST] = { "/servers/full_whitelist", "FULL_WHITELIST", SCMS_TIER_PLUS },
  [SCMS_ENDPOINT_GET_DEPARTMENTS] = { "/general/get_departments", "GET_DEPARTMENTS", SCMS_TIER_STANDARD },
  [SCMS_ENDPOINT_GET_PROFILE_FIELDS] = { "/general/get_profile_fields", "GET_PROFILE_FIELDS", SCMS_TIER_STANDARD },
  [SCMS_ENDPOINT_GET_ACCOUNTS] = { "/general/get_accounts", "GET_ACCOUNTS", SCMS_TIER_STANDARD },
  [SCMS_ENDPOINT_GET_CURRENT_CLOCK_IN] = { "/general/get_current_clock_in", "GET_CURRENT_CLOCK_IN", SCMS_TIER_PLUS },
  [SCMS_ENDPOINT_GET_CLOCKIN_TYPES] = { "/general/get_clockin_types", "GET_CLOCKIN_TYPES", SCMS_TIER_STANDARD },
};

/**
 * scms_endpoint_get_path:
 * @endpoint: an #ScmsEndpoint
 *
 * Returns: (transfer none): the path below the API base, e.g.
 *   `/general/get_sub_version`
 */
const char *
scms_endpoint_get_path (ScmsEndpoint endpoint)
{
  g_return_val_if_fail ((guint) endpoint < SCMS_N_ENDPOINTS, NULL);

  return endpoints[endpoint].path;
}

/**
 * scms_endpoint_get_type_name:
 * @endpoint: an #ScmsEndpoint
 *
 * Returns: (transfer none): the envelope's `type`, e.g. `GET_SUB_VERSION`
 */
const char *
scms_endpoint_get_type_name (ScmsEndpoint endpoint)
{
  g_return_val_if_fail ((guint) endpoint < SCMS_N_ENDPOINTS, NULL);

  return endpoints[endpoint].type_name;
}

/**
 * scms_endpoint_get_min_tier:
 * @endpoint: an #ScmsEndpoint
 *
 * Returns: the subscription tier the UI expects @endpoint to need
 */
ScmsTier
scms_endpoint_get_min_tier (ScmsEndpoint endpoint)
{
  g_return_val_if_fail ((guint) endpoint < SCMS_N_ENDPOINTS, SCMS_TIER_FREE);

  return endpoints[endpoint].min_tier;
}
