/* scms-timestamp.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses "YYYY-MM-DD HH:mm:ss[.SSS] ±HHMM" (v1) and ISO 8601 (v2).
 * Returns NULL for anything else; never warns. */
GDateTime *scms_timestamp_parse (const char *text);

G_END_DECLS
