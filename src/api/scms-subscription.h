/* scms-subscription.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ScmsTier:
 *
 * Subscription tiers as `GET_SUB_VERSION` reports them (reference §1.8).
 * 5 and 6 both mean SonoranOne; unknown numbers of 4 and above read as
 * "at least Pro".
 */
typedef enum
{
  SCMS_TIER_FREE = 0,
  SCMS_TIER_STARTER = 1,
  SCMS_TIER_STANDARD = 2,
  SCMS_TIER_PLUS = 3,
  SCMS_TIER_PRO = 4,
  SCMS_TIER_SONORAN_ONE = 5,
} ScmsTier;

#define SCMS_TYPE_SUBSCRIPTION (scms_subscription_get_type ())

G_DECLARE_FINAL_TYPE (ScmsSubscription, scms_subscription, SCMS, SUBSCRIPTION, GObject)

ScmsSubscription *scms_subscription_new        (int               tier);
int               scms_subscription_get_tier   (ScmsSubscription *self);
ScmsTier          scms_subscription_get_level  (ScmsSubscription *self);
const char       *scms_subscription_get_name   (ScmsSubscription *self);
gboolean          scms_subscription_allows     (ScmsSubscription *self,
                                                ScmsTier          minimum);
const char       *scms_tier_get_name           (int               tier);

G_END_DECLS
