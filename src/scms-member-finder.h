/* scms-member-finder.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scms-client.h"

G_BEGIN_DECLS

#define SCMS_TYPE_MEMBER_FINDER (scms_member_finder_get_type ())

G_DECLARE_FINAL_TYPE (ScmsMemberFinder, scms_member_finder, SCMS, MEMBER_FINDER, GtkWidget)

ScmsIdKind  scms_member_finder_get_kind         (ScmsMemberFinder *self);
void        scms_member_finder_set_kind         (ScmsMemberFinder *self,
                                                 ScmsIdKind        kind);
const char *scms_member_finder_get_text         (ScmsMemberFinder *self);
void        scms_member_finder_set_text         (ScmsMemberFinder *self,
                                                 const char       *text);
const char *scms_member_finder_get_button_label (ScmsMemberFinder *self);
void        scms_member_finder_set_button_label (ScmsMemberFinder *self,
                                                 const char       *label);
gboolean    scms_member_finder_get_suggested    (ScmsMemberFinder *self);
void        scms_member_finder_set_suggested    (ScmsMemberFinder *self,
                                                 gboolean          suggested);
void        scms_member_finder_focus_entry      (ScmsMemberFinder *self);
gboolean    scms_member_finder_submit           (ScmsMemberFinder *self);
const char *scms_member_finder_get_message      (ScmsMemberFinder *self);

G_END_DECLS
