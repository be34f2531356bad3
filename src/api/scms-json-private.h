/* scms-json-private.h — tolerant, type-checked reads from json-glib trees
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * The reference says every shape grows over time: unknown members are
 * ignored and missing optional ones take a default. A member that is present
 * with the wrong JSON type, however, means the reply is not what we think it
 * is; the reader records the first such problem and the caller turns it into
 * SCMS_CLIENT_ERROR_BAD_RESPONSE. None of these functions ever emits a GLib
 * warning or critical, whatever the input.
 */
typedef struct
{
  const char *what;   /* "account", "department" … for the error detail */
  GError     *error;  /* first type error seen, or NULL */
} ScmsJsonReader;

/* A string that is valid UTF-8, or NULL for anything else. */
const char         *_scms_json_node_get_string    (JsonNode        *node);

void                _scms_json_reader_init        (ScmsJsonReader  *reader,
                                                   const char      *what);
gboolean            _scms_json_reader_finish      (ScmsJsonReader  *reader,
                                                   GError         **error);
JsonObject         *_scms_json_reader_object      (ScmsJsonReader  *reader,
                                                   JsonNode        *node);
/* Strings: NULL when absent or null. */
const char         *_scms_json_reader_string      (ScmsJsonReader  *reader,
                                                   JsonObject      *object,
                                                   const char      *member);
/* A string, or a number given as a string (ids that drifted types). */
char               *_scms_json_reader_dup_id      (ScmsJsonReader  *reader,
                                                   JsonObject      *object,
                                                   const char      *member);
gboolean            _scms_json_reader_boolean     (ScmsJsonReader  *reader,
                                                   JsonObject      *object,
                                                   const char      *member,
                                                   gboolean         default_value);
gint64              _scms_json_reader_integer     (ScmsJsonReader  *reader,
                                                   JsonObject      *object,
                                                   const char      *member,
                                                   gint64           default_value);
/* An array of strings; NULL members are skipped. Returns an empty vector
 * when absent. The strings belong to @object: free only the vector. */
const char        **_scms_json_reader_strings     (ScmsJsonReader  *reader,
                                                   JsonObject      *object,
                                                   const char      *member);
/* The same, copied into a strv. */
char              **_scms_json_reader_strv        (ScmsJsonReader  *reader,
                                                   JsonObject      *object,
                                                   const char      *member);
/* An array member; NULL when absent or null. */
JsonArray          *_scms_json_reader_array       (ScmsJsonReader  *reader,
                                                   JsonObject      *object,
                                                   const char      *member);
/* Records a problem the caller found itself (a required member missing…). */
void                _scms_json_reader_fail        (ScmsJsonReader  *reader,
                                                   const char      *member);
gboolean            _scms_json_reader_has         (JsonObject      *object,
                                                   const char      *member);

G_END_DECLS
