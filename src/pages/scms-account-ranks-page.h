/* scms-account-ranks-page.h
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

#include "scms-member-finder.h"
#include "scms-page.h"

G_BEGIN_DECLS

#define SCMS_TYPE_ACCOUNT_RANKS_PAGE (scms_account_ranks_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsAccountRanksPage, scms_account_ranks_page, SCMS, ACCOUNT_RANKS_PAGE, ScmsPage)

ScmsMemberFinder *scms_account_ranks_page_get_finder (ScmsAccountRanksPage *self);
GListModel       *scms_account_ranks_page_get_ranks  (ScmsAccountRanksPage *self);

G_END_DECLS
