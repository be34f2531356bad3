/* scms-department.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "scms-rank.h"

G_BEGIN_DECLS

#define SCMS_TYPE_DEPARTMENT (scms_department_get_type ())

G_DECLARE_FINAL_TYPE (ScmsDepartment, scms_department, SCMS, DEPARTMENT, GObject)

ScmsDepartment *scms_department_new_from_json    (JsonNode        *node,
                                                  GError         **error);
const char     *scms_department_get_id           (ScmsDepartment  *self);
const char     *scms_department_get_label        (ScmsDepartment  *self);
const char     *scms_department_get_short_label  (ScmsDepartment  *self);
GListModel     *scms_department_get_ranks        (ScmsDepartment  *self);

G_END_DECLS
