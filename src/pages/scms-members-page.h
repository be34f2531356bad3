/* scms-members-page.h
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

#define SCMS_TYPE_MEMBERS_PAGE (scms_members_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsMembersPage, scms_members_page, SCMS, MEMBERS_PAGE, ScmsPage)

GListModel       *scms_members_page_get_members    (ScmsMembersPage  *self);
guint             scms_members_page_get_total      (ScmsMembersPage  *self);
gboolean          scms_members_page_get_loading_more (ScmsMembersPage *self);
gboolean          scms_members_page_load_more      (ScmsMembersPage  *self);
ScmsMemberFilter  scms_members_page_get_filter     (ScmsMembersPage  *self);
void              scms_members_page_set_filter     (ScmsMembersPage  *self,
                                                    ScmsMemberFilter  filter);
void              scms_members_page_set_search     (ScmsMembersPage  *self,
                                                    const char       *text);
GListModel       *scms_members_page_get_shown      (ScmsMembersPage  *self);
void              scms_members_page_open_member    (ScmsMembersPage  *self,
                                                    const char       *acc_id);
GtkWidget        *scms_members_page_get_account_view (ScmsMembersPage *self);

G_END_DECLS
