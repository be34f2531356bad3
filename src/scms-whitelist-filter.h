/* scms-whitelist-filter.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SCMS_TYPE_WHITELIST_FILTER (scms_whitelist_filter_get_type ())

G_DECLARE_FINAL_TYPE (ScmsWhitelistFilter, scms_whitelist_filter, SCMS, WHITELIST_FILTER, GtkFilter)

ScmsWhitelistFilter *scms_whitelist_filter_new        (void);
const char          *scms_whitelist_filter_get_search (ScmsWhitelistFilter *self);
void                 scms_whitelist_filter_set_search (ScmsWhitelistFilter *self,
                                                       const char          *search);

G_END_DECLS
