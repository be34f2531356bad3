/* scms-endpoint.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scms-subscription.h"

G_BEGIN_DECLS

/**
 * ScmsEndpoint:
 *
 * The v1 operations this client speaks.
 */
typedef enum
{
  SCMS_ENDPOINT_GET_SUB_VERSION,
  SCMS_ENDPOINT_CHECK_COM_APIID,
  SCMS_ENDPOINT_GET_COM_ACCOUNT,
  SCMS_ENDPOINT_GET_ACCOUNT_RANKS,
  SCMS_ENDPOINT_CLOCK_IN_OUT,
  SCMS_ENDPOINT_GET_GAME_SERVERS,
  SCMS_ENDPOINT_VERIFY_WHITELIST,
  SCMS_ENDPOINT_FULL_WHITELIST,
  SCMS_ENDPOINT_GET_DEPARTMENTS,
  SCMS_ENDPOINT_GET_PROFILE_FIELDS,
  SCMS_ENDPOINT_GET_ACCOUNTS,
  SCMS_ENDPOINT_GET_CURRENT_CLOCK_IN,
  SCMS_ENDPOINT_GET_CLOCKIN_TYPES,
} ScmsEndpoint;

#define SCMS_N_ENDPOINTS (SCMS_ENDPOINT_GET_CLOCKIN_TYPES + 1)

const char *scms_endpoint_get_path     (ScmsEndpoint endpoint);
const char *scms_endpoint_get_type_name (ScmsEndpoint endpoint);
ScmsTier    scms_endpoint_get_min_tier (ScmsEndpoint endpoint);

G_END_DECLS
