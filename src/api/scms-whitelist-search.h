/* scms-whitelist-search.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCMS_TYPE_WHITELIST_SEARCH (scms_whitelist_search_get_type ())

G_DECLARE_FINAL_TYPE (ScmsWhitelistSearch, scms_whitelist_search, SCMS, WHITELIST_SEARCH, GObject)

ScmsWhitelistSearch *scms_whitelist_search_new         (GListModel          *model);
GListModel          *scms_whitelist_search_get_model   (ScmsWhitelistSearch *self);
void                 scms_whitelist_search_set_model   (ScmsWhitelistSearch *self,
                                                        GListModel          *model);
const char          *scms_whitelist_search_get_search  (ScmsWhitelistSearch *self);
void                 scms_whitelist_search_set_search  (ScmsWhitelistSearch *self,
                                                        const char          *search);
gboolean             scms_whitelist_search_get_pending (ScmsWhitelistSearch *self);

G_END_DECLS
