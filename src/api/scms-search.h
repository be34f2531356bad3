/* scms-search.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *scms_search_fold     (const char *text);
gboolean  scms_search_contains (const char *text,
                                const char *folded_text,
                                const char *needle);

G_END_DECLS
