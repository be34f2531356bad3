/* scms-verify-whitelist-page.h
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

#define SCMS_TYPE_VERIFY_WHITELIST_PAGE (scms_verify_whitelist_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsVerifyWhitelistPage, scms_verify_whitelist_page, SCMS, VERIFY_WHITELIST_PAGE, ScmsPage)

ScmsMemberFinder     *scms_verify_whitelist_page_get_finder    (ScmsVerifyWhitelistPage *self);
GListModel           *scms_verify_whitelist_page_get_servers   (ScmsVerifyWhitelistPage *self);
gint64                scms_verify_whitelist_page_get_server_id (ScmsVerifyWhitelistPage *self);
gboolean              scms_verify_whitelist_page_set_server_id (ScmsVerifyWhitelistPage *self,
                                                                gint64                   server_id);
ScmsWhitelistVerdict *scms_verify_whitelist_page_get_verdict   (ScmsVerifyWhitelistPage *self);

G_END_DECLS
