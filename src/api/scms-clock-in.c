/* scms-clock-in.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-clock-in.h"
#include "scms-error.h"
#include "scms-json-private.h"
#include "scms-timestamp.h"

/* ScmsClockInNote */

struct _ScmsClockInNote
{
  GObject parent_instance;

  char *timestamp;
  char *message;
};

G_DEFINE_FINAL_TYPE (ScmsClockInNote, scms_clock_in_note, G_TYPE_OBJECT)

enum {
  NOTE_PROP_0,
  NOTE_PROP_TIMESTAMP,
  NOTE_PROP_MESSAGE,
  NOTE_N_PROPS
};

static GParamSpec *note_properties[NOTE_N_PROPS];

static void
scms_clock_in_note_finalize (GObject *object)
{
  ScmsClockInNote *self = SCMS_CLOCK_IN_NOTE (object);

  g_clear_pointer (&self->timestamp, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (scms_clock_in_note_parent_class)->finalize (object);
}

static void
scms_clock_in_note_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScmsClockInNote *self = SCMS_CLOCK_IN_NOTE (object);

  switch (prop_id)
    {
    case NOTE_PROP_TIMESTAMP:
      g_value_set_string (value, scms_clock_in_note_get_timestamp (self));
      break;

    case NOTE_PROP_MESSAGE:
      g_value_set_string (value, scms_clock_in_note_get_message (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_clock_in_note_class_init (ScmsClockInNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_clock_in_note_finalize;
  object_class->get_property = scms_clock_in_note_get_property;

  note_properties[NOTE_PROP_TIMESTAMP] =
    g_param_spec_string ("timestamp", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  note_properties[NOTE_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, NOTE_N_PROPS, note_properties);
}

static void
scms_clock_in_note_init (ScmsClockInNote *self)
{
}

/**
 * scms_clock_in_note_get_timestamp:
 * @self: a #ScmsClockInNote
 *
 * Returns: (transfer none) (nullable): when the note was added, as sent
 */
const char *
scms_clock_in_note_get_timestamp (ScmsClockInNote *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_NOTE (self), NULL);

  return self->timestamp;
}

/**
 * scms_clock_in_note_get_message:
 * @self: a #ScmsClockInNote
 *
 * Returns: (transfer none): the note text, possibly empty
 */
const char *
scms_clock_in_note_get_message (ScmsClockInNote *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_NOTE (self), NULL);

  return self->message;
}

/* ScmsClockIn */

struct _ScmsClockIn
{
  GObject parent_instance;

  char *id;
  char *start_time;
  char *end_time;
  GDateTime *start_date_time;
  GDateTime *end_date_time;
  char *type_id;
  GListStore *notes;
  guint completed : 1;
  guint forced : 1;
  guint has_details : 1;
};

G_DEFINE_FINAL_TYPE (ScmsClockIn, scms_clock_in, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_START_DATE_TIME,
  PROP_END_DATE_TIME,
  PROP_COMPLETED,
  PROP_CLOCKED_IN,
  PROP_FORCED,
  PROP_HAS_DETAILS,
  PROP_TYPE_ID,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scms_clock_in_dispose (GObject *object)
{
  ScmsClockIn *self = SCMS_CLOCK_IN (object);

  g_clear_object (&self->notes);

  G_OBJECT_CLASS (scms_clock_in_parent_class)->dispose (object);
}

static void
scms_clock_in_finalize (GObject *object)
{
  ScmsClockIn *self = SCMS_CLOCK_IN (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->start_time, g_free);
  g_clear_pointer (&self->end_time, g_free);
  g_clear_pointer (&self->start_date_time, g_date_time_unref);
  g_clear_pointer (&self->end_date_time, g_date_time_unref);
  g_clear_pointer (&self->type_id, g_free);

  G_OBJECT_CLASS (scms_clock_in_parent_class)->finalize (object);
}

static void
scms_clock_in_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScmsClockIn *self = SCMS_CLOCK_IN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, scms_clock_in_get_id (self));
      break;

    case PROP_START_TIME:
      g_value_set_string (value, scms_clock_in_get_start_time (self));
      break;

    case PROP_END_TIME:
      g_value_set_string (value, scms_clock_in_get_end_time (self));
      break;

    case PROP_START_DATE_TIME:
      g_value_set_boxed (value, scms_clock_in_get_start_date_time (self));
      break;

    case PROP_END_DATE_TIME:
      g_value_set_boxed (value, scms_clock_in_get_end_date_time (self));
      break;

    case PROP_COMPLETED:
      g_value_set_boolean (value, scms_clock_in_get_completed (self));
      break;

    case PROP_CLOCKED_IN:
      g_value_set_boolean (value, scms_clock_in_get_clocked_in (self));
      break;

    case PROP_FORCED:
      g_value_set_boolean (value, scms_clock_in_get_forced (self));
      break;

    case PROP_HAS_DETAILS:
      g_value_set_boolean (value, scms_clock_in_has_details (self));
      break;

    case PROP_TYPE_ID:
      g_value_set_string (value, scms_clock_in_get_type_id (self));
      break;

    case PROP_NOTES:
      g_value_set_object (value, scms_clock_in_get_notes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_clock_in_class_init (ScmsClockInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scms_clock_in_dispose;
  object_class->finalize = scms_clock_in_finalize;
  object_class->get_property = scms_clock_in_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_TIME] =
    g_param_spec_string ("start-time", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_TIME] =
    g_param_spec_string ("end-time", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_DATE_TIME] =
    g_param_spec_boxed ("start-date-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_DATE_TIME] =
    g_param_spec_boxed ("end-date-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETED] =
    g_param_spec_boolean ("completed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCKED_IN] =
    g_param_spec_boolean ("clocked-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORCED] =
    g_param_spec_boolean ("forced", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_DETAILS] =
    g_param_spec_boolean ("has-details", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_ID] =
    g_param_spec_string ("type-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_object ("notes", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_clock_in_init (ScmsClockIn *self)
{
  self->notes = g_list_store_new (SCMS_TYPE_CLOCK_IN_NOTE);
}

static gboolean
read_notes (ScmsClockIn    *self,
            ScmsJsonReader *reader,
            JsonArray      *notes)
{
  guint n_notes = notes != NULL ? json_array_get_length (notes) : 0;

  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(ScmsClockInNote) note = NULL;
      JsonObject *object;
      const char *timestamp;
      const char *message;

      object = _scms_json_reader_object (reader, json_array_get_element (notes, i));
      timestamp = _scms_json_reader_string (reader, object, "timestamp");
      message = _scms_json_reader_string (reader, object, "message");

      if (reader->error != NULL)
        return FALSE;

      note = g_object_new (SCMS_TYPE_CLOCK_IN_NOTE, NULL);
      note->timestamp = g_strdup (timestamp);
      note->message = g_strdup (message != NULL ? message : "");
      g_list_store_append (self->notes, note);
    }

  return TRUE;
}

/**
 * scms_clock_in_new_from_json:
 * @node: a clock-in record (`CLOCK_IN_OUT`, `GET_CURRENT_CLOCK_IN`)
 * @error: return location for a #GError
 *
 * Reads a clock-in record. A record without a boolean `completed` is
 * %SCMS_CLIENT_ERROR_BAD_RESPONSE: the production resource reads it as a
 * failure (reference §2.5).
 *
 * Returns: (transfer full) (nullable): a new #ScmsClockIn, or %NULL
 */
ScmsClockIn *
scms_clock_in_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(ScmsClockIn) self = NULL;
  g_autofree char *id = NULL;
  g_autofree char *type_id = NULL;
  ScmsJsonReader reader;
  JsonObject *object;
  JsonArray *notes;
  const char *start_time;
  const char *end_time;
  gboolean completed;

  _scms_json_reader_init (&reader, "clock-in");

  object = _scms_json_reader_object (&reader, node);
  id = _scms_json_reader_dup_id (&reader, object, "id");
  start_time = _scms_json_reader_string (&reader, object, "startTime");
  end_time = _scms_json_reader_string (&reader, object, "endTime");
  completed = _scms_json_reader_boolean (&reader, object, "completed", FALSE);
  type_id = _scms_json_reader_dup_id (&reader, object, "type");
  notes = _scms_json_reader_array (&reader, object, "notes");

  if (object != NULL && !_scms_json_reader_has (object, "completed"))
    _scms_json_reader_fail (&reader, "completed");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  self = g_object_new (SCMS_TYPE_CLOCK_IN, NULL);
  self->id = g_steal_pointer (&id);
  self->start_time = g_strdup (start_time);
  self->end_time = g_strdup (end_time);
  self->start_date_time = scms_timestamp_parse (start_time);
  self->end_date_time = scms_timestamp_parse (end_time);
  self->completed = !!completed;
  self->type_id = g_steal_pointer (&type_id);
  self->has_details = TRUE;

  if (!read_notes (self, &reader, notes))
    {
      _scms_json_reader_finish (&reader, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * scms_clock_in_new_from_text:
 * @text: a documented text reply of `CLOCK_IN_OUT`
 * @error: return location for a #GError
 *
 * Understands exactly `CLOCKED IN`, `FORCE CLOCKED IN` and `CLOCKED OUT`
 * (surrounding whitespace ignored). Such a result has no details: no id,
 * times or notes.
 *
 * Returns: (transfer full) (nullable): a new #ScmsClockIn, or %NULL with
 *   %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsClockIn *
scms_clock_in_new_from_text (const char  *text,
                             GError     **error)
{
  g_autofree char *trimmed = NULL;
  ScmsClockIn *self;
  gboolean completed;
  gboolean forced = FALSE;

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_str_equal (trimmed, "CLOCKED IN"))
    completed = FALSE;
  else if (g_str_equal (trimmed, "FORCE CLOCKED IN"))
    {
      completed = FALSE;
      forced = TRUE;
    }
  else if (g_str_equal (trimmed, "CLOCKED OUT"))
    completed = TRUE;
  else
    {
      g_set_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE,
                   "%s (clock-in)",
                   scms_client_error_to_string (SCMS_CLIENT_ERROR_BAD_RESPONSE));
      return NULL;
    }

  self = g_object_new (SCMS_TYPE_CLOCK_IN, NULL);
  self->completed = !!completed;
  self->forced = !!forced;
  self->has_details = FALSE;

  return self;
}

/**
 * scms_clock_in_get_id:
 * @self: a #ScmsClockIn
 *
 * Returns: (transfer none) (nullable): the record id (numbers are turned
 *   into text)
 */
const char *
scms_clock_in_get_id (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), NULL);

  return self->id;
}

/**
 * scms_clock_in_get_start_time:
 * @self: a #ScmsClockIn
 *
 * Returns: (transfer none) (nullable): the start of the shift, as sent
 */
const char *
scms_clock_in_get_start_time (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), NULL);

  return self->start_time;
}

/**
 * scms_clock_in_get_end_time:
 * @self: a #ScmsClockIn
 *
 * Returns: (transfer none) (nullable): the end of the shift, as sent;
 *   %NULL while it is open
 */
const char *
scms_clock_in_get_end_time (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), NULL);

  return self->end_time;
}

/**
 * scms_clock_in_get_start_date_time:
 * @self: a #ScmsClockIn
 *
 * Returns: (transfer none) (nullable): the parsed start time
 */
GDateTime *
scms_clock_in_get_start_date_time (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), NULL);

  return self->start_date_time;
}

/**
 * scms_clock_in_get_end_date_time:
 * @self: a #ScmsClockIn
 *
 * Returns: (transfer none) (nullable): the parsed end time
 */
GDateTime *
scms_clock_in_get_end_date_time (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), NULL);

  return self->end_date_time;
}

/**
 * scms_clock_in_get_completed:
 * @self: a #ScmsClockIn
 *
 * Returns: %TRUE if the shift is closed (the member is clocked out)
 */
gboolean
scms_clock_in_get_completed (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), FALSE);

  return self->completed;
}

/**
 * scms_clock_in_get_clocked_in:
 * @self: a #ScmsClockIn
 *
 * Returns: %TRUE if the member is clocked in, the opposite of
 *   scms_clock_in_get_completed()
 */
gboolean
scms_clock_in_get_clocked_in (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), FALSE);

  return !self->completed;
}

/**
 * scms_clock_in_get_forced:
 * @self: a #ScmsClockIn
 *
 * Returns: %TRUE for the text reply `FORCE CLOCKED IN`
 */
gboolean
scms_clock_in_get_forced (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), FALSE);

  return self->forced;
}

/**
 * scms_clock_in_has_details:
 * @self: a #ScmsClockIn
 *
 * Returns: %TRUE if the result came from a JSON record (id, times, notes),
 *   %FALSE for the documented text replies
 */
gboolean
scms_clock_in_has_details (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), FALSE);

  return self->has_details;
}

/**
 * scms_clock_in_get_type_id:
 * @self: a #ScmsClockIn
 *
 * Returns: (transfer none) (nullable): the shift type id, see
 *   `GET_CLOCKIN_TYPES`
 */
const char *
scms_clock_in_get_type_id (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), NULL);

  return self->type_id;
}

/**
 * scms_clock_in_get_notes:
 * @self: a #ScmsClockIn
 *
 * Returns: (transfer none): a #GListModel of #ScmsClockInNote
 */
GListModel *
scms_clock_in_get_notes (ScmsClockIn *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN (self), NULL);

  return G_LIST_MODEL (self->notes);
}

/* ScmsClockInType */

struct _ScmsClockInType
{
  GObject parent_instance;

  char *id;
  char *label;
};

G_DEFINE_FINAL_TYPE (ScmsClockInType, scms_clock_in_type, G_TYPE_OBJECT)

enum {
  TYPE_PROP_0,
  TYPE_PROP_ID,
  TYPE_PROP_LABEL,
  TYPE_N_PROPS
};

static GParamSpec *type_properties[TYPE_N_PROPS];

static void
scms_clock_in_type_finalize (GObject *object)
{
  ScmsClockInType *self = SCMS_CLOCK_IN_TYPE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (scms_clock_in_type_parent_class)->finalize (object);
}

static void
scms_clock_in_type_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScmsClockInType *self = SCMS_CLOCK_IN_TYPE (object);

  switch (prop_id)
    {
    case TYPE_PROP_ID:
      g_value_set_string (value, scms_clock_in_type_get_id (self));
      break;

    case TYPE_PROP_LABEL:
      g_value_set_string (value, scms_clock_in_type_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_clock_in_type_class_init (ScmsClockInTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_clock_in_type_finalize;
  object_class->get_property = scms_clock_in_type_get_property;

  type_properties[TYPE_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  type_properties[TYPE_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, TYPE_N_PROPS, type_properties);
}

static void
scms_clock_in_type_init (ScmsClockInType *self)
{
}

/**
 * scms_clock_in_type_new_from_json:
 * @node: an item of a `GET_CLOCKIN_TYPES` reply
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new #ScmsClockInType, or %NULL
 *   with %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsClockInType *
scms_clock_in_type_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autofree char *id = NULL;
  ScmsClockInType *self;
  ScmsJsonReader reader;
  JsonObject *object;
  const char *label;

  _scms_json_reader_init (&reader, "clock-in type");

  object = _scms_json_reader_object (&reader, node);
  id = _scms_json_reader_dup_id (&reader, object, "id");
  label = _scms_json_reader_string (&reader, object, "label");

  if (object != NULL && (id == NULL || *id == '\0'))
    _scms_json_reader_fail (&reader, "id");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  self = g_object_new (SCMS_TYPE_CLOCK_IN_TYPE, NULL);
  self->id = g_steal_pointer (&id);
  self->label = g_strdup (label != NULL && *label != '\0' ? label : self->id);

  return self;
}

/**
 * scms_clock_in_type_get_id:
 * @self: a #ScmsClockInType
 *
 * Returns: (transfer none): the opaque type id to send back as
 *   `CLOCK_IN_OUT.type`
 */
const char *
scms_clock_in_type_get_id (ScmsClockInType *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_TYPE (self), NULL);

  return self->id;
}

/**
 * scms_clock_in_type_get_label:
 * @self: a #ScmsClockInType
 *
 * Returns: (transfer none): the type's name (its id when nameless)
 */
const char *
scms_clock_in_type_get_label (ScmsClockInType *self)
{
  g_return_val_if_fail (SCMS_IS_CLOCK_IN_TYPE (self), NULL);

  return self->label;
}
