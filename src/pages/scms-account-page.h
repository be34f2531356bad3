/* scms-account-page.h
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

#define SCMS_TYPE_ACCOUNT_PAGE (scms_account_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsAccountPage, scms_account_page, SCMS, ACCOUNT_PAGE, ScmsPage)

void         scms_account_page_look_up     (ScmsAccountPage *self,
                                            ScmsIdKind       kind,
                                            const char      *identifier);
ScmsAccount *scms_account_page_get_account (ScmsAccountPage *self);

G_END_DECLS
