/* scms-subscription.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "scms-api-enums.h"
#include "scms-subscription.h"

struct _ScmsSubscription
{
  GObject parent_instance;

  int tier;
};

G_DEFINE_FINAL_TYPE (ScmsSubscription, scms_subscription, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIER,
  PROP_LEVEL,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scms_subscription_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScmsSubscription *self = SCMS_SUBSCRIPTION (object);

  switch (prop_id)
    {
    case PROP_TIER:
      g_value_set_int (value, scms_subscription_get_tier (self));
      break;

    case PROP_LEVEL:
      g_value_set_enum (value, scms_subscription_get_level (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, scms_subscription_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_subscription_class_init (ScmsSubscriptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = scms_subscription_get_property;

  /**
   * ScmsSubscription:tier:
   *
   * The number the server reported, unchanged.
   */
  properties[PROP_TIER] =
    g_param_spec_int ("tier", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ScmsSubscription:level:
   *
   * The tier as an #ScmsTier, for comparisons.
   */
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL,
                       SCMS_TYPE_TIER, SCMS_TIER_FREE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ScmsSubscription:name:
   *
   * The translated name of the tier.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_subscription_init (ScmsSubscription *self)
{
}

/**
 * scms_subscription_new:
 * @tier: the number `GET_SUB_VERSION` returned
 *
 * Returns: (transfer full): a new #ScmsSubscription
 */
ScmsSubscription *
scms_subscription_new (int tier)
{
  ScmsSubscription *self = g_object_new (SCMS_TYPE_SUBSCRIPTION, NULL);

  self->tier = tier;

  return self;
}

/**
 * scms_subscription_get_tier:
 * @self: a #ScmsSubscription
 *
 * Returns: the tier number as the server reported it
 */
int
scms_subscription_get_tier (ScmsSubscription *self)
{
  g_return_val_if_fail (SCMS_IS_SUBSCRIPTION (self), 0);

  return self->tier;
}

/**
 * scms_subscription_get_level:
 * @self: a #ScmsSubscription
 *
 * The tier clamped to the known levels (reference §1.8): 5 and 6 are
 * SonoranOne, other numbers of 4 and above read as Pro (the least they can
 * be), and a negative number as Free.
 *
 * Returns: the #ScmsTier
 */
ScmsTier
scms_subscription_get_level (ScmsSubscription *self)
{
  g_return_val_if_fail (SCMS_IS_SUBSCRIPTION (self), SCMS_TIER_FREE);

  if (self->tier < 0)
    return SCMS_TIER_FREE;
  if (self->tier == 5 || self->tier == 6)
    return SCMS_TIER_SONORAN_ONE;
  if (self->tier >= SCMS_TIER_PRO)
    return SCMS_TIER_PRO;

  return (ScmsTier) self->tier;
}

/**
 * scms_subscription_get_name:
 * @self: a #ScmsSubscription
 *
 * Returns: (transfer none): the translated name of the tier
 */
const char *
scms_subscription_get_name (ScmsSubscription *self)
{
  g_return_val_if_fail (SCMS_IS_SUBSCRIPTION (self), NULL);

  return scms_tier_get_name (self->tier);
}

/**
 * scms_subscription_allows:
 * @self: a #ScmsSubscription
 * @minimum: the tier a feature needs
 *
 * Returns: %TRUE if the community's tier is at least @minimum
 */
gboolean
scms_subscription_allows (ScmsSubscription *self,
                          ScmsTier          minimum)
{
  g_return_val_if_fail (SCMS_IS_SUBSCRIPTION (self), FALSE);

  return scms_subscription_get_level (self) >= minimum;
}

/**
 * scms_tier_get_name:
 * @tier: a tier number as `GET_SUB_VERSION` returns it
 *
 * Returns: (transfer none): the translated name of @tier
 */
const char *
scms_tier_get_name (int tier)
{
  switch (tier)
    {
    case 0:
      return _("Free");
    case 1:
      return _("Starter");
    case 2:
      return _("Standard");
    case 3:
      return _("Plus");
    case 4:
      return _("Pro");
    case 5:
    case 6:
      return _("SonoranOne");
    default:
      if (tier > 6)
        return _("Pro or higher");
      return C_("subscription plan", "Unknown");
    }
}
