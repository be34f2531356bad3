/* scms-types.h
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

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ScmsAccountRanksPage ScmsAccountRanksPage;
typedef struct _ScmsApplication      ScmsApplication;
typedef struct _ScmsCheckApiIdPage   ScmsCheckApiIdPage;
typedef struct _ScmsClockInOutPage   ScmsClockInOutPage;
typedef struct _ScmsDepartmentsPage  ScmsDepartmentsPage;
typedef struct _ScmsConnectPage      ScmsConnectPage;
typedef struct _ScmsPage             ScmsPage;
typedef struct _ScmsSubscriptionPage ScmsSubscriptionPage;
typedef struct _ScmsVerifyWhitelistPage ScmsVerifyWhitelistPage;
typedef struct _ScmsWindow           ScmsWindow;

/* The settings schema keeps one ID in development builds too, so that a
 * .Devel build and the released app share the same settings. */
#define SCMS_SCHEMA_ID "io.github.sonoranadmin.SonoranAdmin"

G_END_DECLS
