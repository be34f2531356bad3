/* scms-clock-in-out-page.h
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

#define SCMS_TYPE_CLOCK_IN_OUT_PAGE (scms_clock_in_out_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsClockInOutPage, scms_clock_in_out_page, SCMS, CLOCK_IN_OUT_PAGE, ScmsPage)

ScmsMemberFinder *scms_clock_in_out_page_get_finder      (ScmsClockInOutPage *self);
const char       *scms_clock_in_out_page_get_member_name (ScmsClockInOutPage *self);
gboolean          scms_clock_in_out_page_get_clocked_in  (ScmsClockInOutPage *self);
ScmsClockIn      *scms_clock_in_out_page_get_clock_in    (ScmsClockInOutPage *self);
gboolean          scms_clock_in_out_page_get_busy        (ScmsClockInOutPage *self);

G_END_DECLS
