/* scms-rank.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SCMS_TYPE_RANK (scms_rank_get_type ())

G_DECLARE_FINAL_TYPE (ScmsRank, scms_rank, SCMS, RANK, GObject)

ScmsRank   *scms_rank_new_unresolved        (const char  *id);
ScmsRank   *scms_rank_new_from_json         (JsonNode    *node,
                                             const char  *department_id,
                                             const char  *department_label,
                                             const char  *department_short,
                                             GError     **error);
const char *scms_rank_get_id                (ScmsRank    *self);
const char *scms_rank_get_label             (ScmsRank    *self);
int         scms_rank_get_power             (ScmsRank    *self);
const char *scms_rank_get_department_id     (ScmsRank    *self);
const char *scms_rank_get_department_label  (ScmsRank    *self);
const char *scms_rank_get_department_short  (ScmsRank    *self);
gboolean    scms_rank_is_resolved           (ScmsRank    *self);

G_END_DECLS
