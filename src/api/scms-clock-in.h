/* scms-clock-in.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SCMS_TYPE_CLOCK_IN_NOTE (scms_clock_in_note_get_type ())

G_DECLARE_FINAL_TYPE (ScmsClockInNote, scms_clock_in_note, SCMS, CLOCK_IN_NOTE, GObject)

const char *scms_clock_in_note_get_timestamp (ScmsClockInNote *self);
const char *scms_clock_in_note_get_message   (ScmsClockInNote *self);

#define SCMS_TYPE_CLOCK_IN (scms_clock_in_get_type ())

G_DECLARE_FINAL_TYPE (ScmsClockIn, scms_clock_in, SCMS, CLOCK_IN, GObject)

ScmsClockIn *scms_clock_in_new_from_json      (JsonNode     *node,
                                               GError      **error);
ScmsClockIn *scms_clock_in_new_from_text      (const char   *text,
                                               GError      **error);
const char  *scms_clock_in_get_id             (ScmsClockIn  *self);
const char  *scms_clock_in_get_start_time     (ScmsClockIn  *self);
const char  *scms_clock_in_get_end_time       (ScmsClockIn  *self);
GDateTime   *scms_clock_in_get_start_date_time (ScmsClockIn *self);
GDateTime   *scms_clock_in_get_end_date_time  (ScmsClockIn  *self);
gboolean     scms_clock_in_get_completed      (ScmsClockIn  *self);
gboolean     scms_clock_in_get_clocked_in     (ScmsClockIn  *self);
gboolean     scms_clock_in_get_forced         (ScmsClockIn  *self);
gboolean     scms_clock_in_has_details        (ScmsClockIn  *self);
const char  *scms_clock_in_get_type_id        (ScmsClockIn  *self);
GListModel  *scms_clock_in_get_notes          (ScmsClockIn  *self);

#define SCMS_TYPE_CLOCK_IN_TYPE (scms_clock_in_type_get_type ())

G_DECLARE_FINAL_TYPE (ScmsClockInType, scms_clock_in_type, SCMS, CLOCK_IN_TYPE, GObject)

ScmsClockInType *scms_clock_in_type_new_from_json (JsonNode         *node,
                                                   GError          **error);
const char      *scms_clock_in_type_get_id        (ScmsClockInType  *self);
const char      *scms_clock_in_type_get_label     (ScmsClockInType  *self);

G_END_DECLS
