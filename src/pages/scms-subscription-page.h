/* scms-subscription-page.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scms-page.h"

G_BEGIN_DECLS

#define SCMS_TYPE_SUBSCRIPTION_PAGE (scms_subscription_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsSubscriptionPage, scms_subscription_page, SCMS, SUBSCRIPTION_PAGE, ScmsPage)

ScmsSubscription *scms_subscription_page_get_subscription (ScmsSubscriptionPage *self);

G_END_DECLS
