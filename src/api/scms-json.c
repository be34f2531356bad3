/* scms-json.c — tolerant, type-checked reads from json-glib trees
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scms-bytes-private.h"
#include "scms-error.h"
#include "scms-json-private.h"

/* Only json_node_get_value_type() and the typed getters guarded by it are
 * used below: the convenience getters of json-glib emit criticals when a
 * member has an unexpected type (TESTING.md gotcha 7). */

void
_scms_json_reader_fail (ScmsJsonReader *reader,
                        const char     *member)
{
  if (reader->error != NULL)
    return;

  /* The detail is for whoever reads a bug report: our own member and shape
   * names, never text from the reply. */
  reader->error = g_error_new (SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE,
                               "%s (%s%s%s)",
                               scms_client_error_to_string (SCMS_CLIENT_ERROR_BAD_RESPONSE),
                               reader->what,
                               member != NULL ? "." : "",
                               member != NULL ? member : "");
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL || member == NULL)
    return NULL;

  /* NULL, without a warning, when there is no such member. */
  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/**
 * _scms_json_node_get_string:
 * @node: (nullable): a node
 *
 * Returns: (nullable): the string @node holds, if it holds one that is
 *   valid UTF-8
 */
const char *
_scms_json_node_get_string (JsonNode *node)
{
  const char *str;

  if (node == NULL || !node_holds (node, G_TYPE_STRING))
    return NULL;

  str = json_node_get_string (node);
  if (str == NULL || !_scms_utf8_validate (str, strlen (str)))
    return NULL;

  return str;
}

void
_scms_json_reader_init (ScmsJsonReader *reader,
                        const char     *what)
{
  reader->what = what != NULL ? what : "reply";
  reader->error = NULL;
}

gboolean
_scms_json_reader_finish (ScmsJsonReader  *reader,
                          GError         **error)
{
  if (reader->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->error));
      return FALSE;
    }

  return TRUE;
}

JsonObject *
_scms_json_reader_object (ScmsJsonReader *reader,
                          JsonNode       *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _scms_json_reader_fail (reader, NULL);
      return NULL;
    }

  return json_node_get_object (node);
}

const char *
_scms_json_reader_string (ScmsJsonReader *reader,
                          JsonObject     *object,
                          const char     *member)
{
  JsonNode *node = get_member (object, member);
  const char *str;

  if (node == NULL)
    return NULL;

  str = _scms_json_node_get_string (node);
  if (str == NULL)
    _scms_json_reader_fail (reader, member);

  return str;
}

char *
_scms_json_reader_dup_id (ScmsJsonReader *reader,
                          JsonObject     *object,
                          const char     *member)
{
  JsonNode *node = get_member (object, member);
  const char *str;

  if (node == NULL)
    return NULL;

  if (node_holds (node, G_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  str = _scms_json_node_get_string (node);
  if (str == NULL)
    {
      _scms_json_reader_fail (reader, member);
      return NULL;
    }

  return g_strdup (str);
}

gboolean
_scms_json_reader_boolean (ScmsJsonReader *reader,
                           JsonObject     *object,
                           const char     *member,
                           gboolean        default_value)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return default_value;

  if (!node_holds (node, G_TYPE_BOOLEAN))
    {
      _scms_json_reader_fail (reader, member);
      return default_value;
    }

  return json_node_get_boolean (node);
}

gint64
_scms_json_reader_integer (ScmsJsonReader *reader,
                           JsonObject     *object,
                           const char     *member,
                           gint64          default_value)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return default_value;

  if (!node_holds (node, G_TYPE_INT64))
    {
      _scms_json_reader_fail (reader, member);
      return default_value;
    }

  return json_node_get_int (node);
}

const char **
_scms_json_reader_strings (ScmsJsonReader *reader,
                           JsonObject     *object,
                           const char     *member)
{
  JsonNode *node = get_member (object, member);
  JsonArray *array;
  const char **strings;
  guint length, n = 0;

  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    _scms_json_reader_fail (reader, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_new0 (const char *, 1);

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  strings = g_new (const char *, length + 1);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *str;

      if (element == NULL || JSON_NODE_HOLDS_NULL (element))
        continue;

      str = _scms_json_node_get_string (element);
      if (str == NULL)
        {
          _scms_json_reader_fail (reader, member);
          continue;
        }

      strings[n++] = str;
    }
  strings[n] = NULL;

  return strings;
}

char **
_scms_json_reader_strv (ScmsJsonReader *reader,
                        JsonObject     *object,
                        const char     *member)
{
  g_autofree const char **strings = _scms_json_reader_strings (reader, object, member);

  return g_strdupv ((char **) strings);
}

JsonArray *
_scms_json_reader_array (ScmsJsonReader *reader,
                         JsonObject     *object,
                         const char     *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _scms_json_reader_fail (reader, member);
      return NULL;
    }

  return json_node_get_array (node);
}

gboolean
_scms_json_reader_has (JsonObject *object,
                       const char *member)
{
  return get_member (object, member) != NULL;
}
