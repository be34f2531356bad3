/* scms-departments-page.h
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

#define SCMS_TYPE_DEPARTMENTS_PAGE (scms_departments_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsDepartmentsPage, scms_departments_page, SCMS, DEPARTMENTS_PAGE, ScmsPage)

GListModel *scms_departments_page_get_departments (ScmsDepartmentsPage *self);
void        scms_departments_page_set_search      (ScmsDepartmentsPage *self,
                                                   const char          *text);
guint       scms_departments_page_get_n_shown     (ScmsDepartmentsPage *self);

G_END_DECLS
