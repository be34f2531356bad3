/* scms-member-row.h
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

#include <gtk/gtk.h>

#include "scms-account.h"

G_BEGIN_DECLS

#define SCMS_TYPE_MEMBER_ROW (scms_member_row_get_type ())

G_DECLARE_FINAL_TYPE (ScmsMemberRow, scms_member_row, SCMS, MEMBER_ROW, GtkBox)

ScmsAccountSummary *scms_member_row_get_summary (ScmsMemberRow      *self);
void                scms_member_row_set_summary (ScmsMemberRow      *self,
                                                 ScmsAccountSummary *summary);

G_END_DECLS
