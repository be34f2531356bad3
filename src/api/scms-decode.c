/* scms-decode.c — turning raw v1 replies into results or errors
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-bytes-private.h"
#include "scms-decode.h"
#include "scms-department.h"
#include "scms-game-server.h"
#include "scms-json-private.h"
#include "scms-profile-field.h"

/* json-glib 1.6 recurses once per nesting level and silently wraps integers
 * that do not fit 64 bits (99999999999999999999 reads as -1), so bodies are
 * screened for both before they reach the parser. No v1 reply nests deeper
 * than a handful of levels or carries integers near 2^63. */
#define MAX_JSON_DEPTH      64
#define MAX_NUMBER_DIGITS   18

/* The raw server code is shown to the user in parentheses; keep it short. */
#define MAX_CODE_CHARS      80

#define BACKEND_REACHED       "Backend Service Reached"
#define BACKEND_REACHED_FULL  "Sonoran CMS: Backend Service Reached"
#define BYPASSED_PREFIX       "BYPASSED WHITELIST"
#define NOT_CLOCKED_IN        "Not Clocked In"

typedef enum
{
  /* The body is text (a name); JSON only when the content type says so. */
  BODY_TEXT,
  /* Text or JSON: JSON when labelled or when it starts with { or [, and
   * text again when that does not parse. */
  BODY_AUTO,
  /* The endpoint always answers JSON, whatever the label says. */
  BODY_JSON,
} BodyMode;

typedef gpointer (*ItemFromJson) (JsonNode  *node,
                                  GError   **error);

/* Which part of the reply was wrong is for the debug log: people see the
 * sentence saying what to do, not "(JSON)". */
static void
set_bad_response (GError     **error,
                  const char  *what)
{
  g_debug ("Could not read the reply: %s", what);
  g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_BAD_RESPONSE,
                       scms_client_error_to_string (SCMS_CLIENT_ERROR_BAD_RESPONSE));
}

/* The translated sentence for @code, followed by the server's own code when
 * it adds something: made valid UTF-8, without control characters, at most
 * MAX_CODE_CHARS characters. */
static void
set_reply_error (GError          **error,
                 ScmsClientError   code,
                 const char       *raw)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) shown = NULL;
  const char *p;
  guint n_chars = 0;

  if (raw == NULL || *raw == '\0')
    {
      g_set_error_literal (error, SCMS_CLIENT_ERROR, code, scms_client_error_to_string (code));
      return;
    }

  valid = g_utf8_make_valid (raw, -1);
  shown = g_string_new (NULL);

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == MAX_CODE_CHARS)
        {
          g_string_append (shown, "…");
          break;
        }

      g_string_append_unichar (shown, g_unichar_iscntrl (c) ? ' ' : c);
      n_chars++;
    }

  g_set_error (error, SCMS_CLIENT_ERROR, code, "%s (%s)",
               scms_client_error_to_string (code), shown->str);
}

static gboolean
is_json_content_type (const char *content_type)
{
  if (content_type == NULL)
    return FALSE;

  while (g_ascii_isspace (*content_type))
    content_type++;

  return g_ascii_strncasecmp (content_type, "application/json", strlen ("application/json")) == 0;
}

static gboolean
body_is_valid_utf8 (const ScmsRawReply *reply)
{
  if (reply->length == 0)
    return TRUE;
  if (reply->body == NULL)
    return FALSE;

  /* Also rejects NUL bytes inside the body. */
  return _scms_utf8_validate (reply->body, reply->length);
}

/* The body as a nul-terminated string with surrounding whitespace removed,
 * or NULL when it is not valid UTF-8. */
static char *
dup_trimmed_text (const ScmsRawReply *reply)
{
  if (!body_is_valid_utf8 (reply))
    return NULL;

  if (reply->length == 0)
    return g_strdup ("");

  return g_strstrip (g_strndup (reply->body, reply->length));
}

static gboolean
json_is_screened (const char *data,
                  gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint digits = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          i = _scms_bytes_find_quote_or_backslash (data, i, length);
          if (i == length)
            break;

          if (data[i] == '\\')
            i++;
          else
            in_string = FALSE;
          continue;
        }

      if (g_ascii_isdigit (c))
        {
          if (++digits > MAX_NUMBER_DIGITS)
            return FALSE;
          continue;
        }
      digits = 0;

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* Parses a body already known to be valid UTF-8 as JSON; NULL (and no
 * error) when it is not JSON. */
static JsonNode *
parse_valid_json (const ScmsRawReply *reply)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (reply->length == 0 || reply->length > G_MAXSSIZE ||
      !json_is_screened (reply->body, reply->length))
    return NULL;

  /* Not immutable: sealing every node costs a tenth of the parse, and a
   * tree never leaves the thread that parsed it. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, reply->body, (gssize) reply->length, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL)
    return NULL;

  return json_node_ref (root);
}

/* The same for any body. */
static JsonNode *
parse_json (const ScmsRawReply *reply)
{
  if (!body_is_valid_utf8 (reply))
    return NULL;

  return parse_valid_json (reply);
}

/* Whether the body is empty once white space is trimmed, as g_strstrip()
 * trims it. */
static gboolean
body_is_blank (const ScmsRawReply *reply)
{
  for (gsize i = 0; i < reply->length; i++)
    {
      if (!g_ascii_isspace (reply->body[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
starts_like_json (const char *text)
{
  return text[0] == '{' || text[0] == '[';
}

/* Reads a 2xx body. On success exactly one of @out_json and @out_text is
 * set; a JSON string becomes text (trimmed). Empty bodies, invalid UTF-8
 * and JSON that does not parse where JSON is required are
 * SCMS_CLIENT_ERROR_BAD_RESPONSE. */
static gboolean
decode_body (const ScmsRawReply  *reply,
             BodyMode             mode,
             JsonNode           **out_json,
             char               **out_text,
             GError             **error)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) json = NULL;
  gboolean labelled_json;

  *out_json = NULL;
  *out_text = NULL;

  /* Checked once, and the text copied only when it is used: a streamed
   * whitelist passes here for every piece. */
  if (!body_is_valid_utf8 (reply))
    {
      set_bad_response (error, "encoding");
      return FALSE;
    }

  if (body_is_blank (reply))
    {
      set_bad_response (error, "empty");
      return FALSE;
    }

  labelled_json = is_json_content_type (reply->content_type);

  if (mode == BODY_AUTO && !labelled_json)
    text = dup_trimmed_text (reply);

  if (labelled_json || mode == BODY_JSON || (text != NULL && starts_like_json (text)))
    {
      json = parse_valid_json (reply);

      if (json == NULL && (mode != BODY_AUTO))
        {
          set_bad_response (error, "JSON");
          return FALSE;
        }
    }

  if (json != NULL && JSON_NODE_HOLDS_VALUE (json) &&
      json_node_get_value_type (json) == G_TYPE_STRING)
    {
      const char *str = _scms_json_node_get_string (json);

      if (str == NULL)
        {
          set_bad_response (error, "encoding");
          return FALSE;
        }

      g_free (text);
      text = g_strstrip (g_strdup (str));
      g_clear_pointer (&json, json_node_unref);

      if (*text == '\0')
        {
          set_bad_response (error, "empty");
          return FALSE;
        }
    }

  if (json != NULL)
    *out_json = g_steal_pointer (&json);
  else if (text != NULL)
    *out_text = g_steal_pointer (&text);
  else
    *out_text = dup_trimmed_text (reply);

  return TRUE;
}

/* The error code of a non-2xx reply: the `message` of a JSON object, else
 * the trimmed text (reference §1.4 step 4). */
static char *
extract_code (const ScmsRawReply *reply)
{
  g_autofree char *text = NULL;

  if (reply->length == 0 || reply->body == NULL)
    return NULL;

  if (body_is_valid_utf8 (reply))
    text = dup_trimmed_text (reply);
  else
    text = g_strstrip (g_utf8_make_valid (reply->body, (gssize) MIN (reply->length, G_MAXSSIZE)));

  if (is_json_content_type (reply->content_type) || starts_like_json (text))
    {
      g_autoptr(JsonNode) json = parse_json (reply);

      if (json != NULL && JSON_NODE_HOLDS_OBJECT (json))
        {
          JsonObject *object = json_node_get_object (json);
          const char *message = NULL;

          if (json_object_has_member (object, "message"))
            message = _scms_json_node_get_string (json_object_get_member (object, "message"));

          if (message != NULL)
            return g_strstrip (g_strdup (message));
        }
    }

  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

/* Maps a v1 error code (reference §1.5). @known is set when the code is one
 * the translated sentence fully explains. */
static ScmsClientError
map_code (const char *code,
          gboolean   *known)
{
  static const struct
  {
    const char      *code;
    ScmsClientError  error;
  } codes[] = {
    { "INVALID API KEY", SCMS_CLIENT_ERROR_INVALID_API_KEY },
    { "INVALID COMMUNITY ID", SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID },
    { "API IS NOT ENABLED FOR THIS COMMUNITY", SCMS_CLIENT_ERROR_NOT_ENABLED },
    { "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "UNKNOWN_ACC_API_ID", SCMS_CLIENT_ERROR_NOT_FOUND },
    { "INVALID REQUEST TYPE", SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { "INVALID_SERVER_ID", SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER },
    { "NO_SERVER_ID", SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { "INVALID_SERVER", SCMS_CLIENT_ERROR_UNKNOWN_GAME_SERVER },
    { "SERVER_CONFIG_ERROR", SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS },
    { BACKEND_REACHED_FULL, SCMS_CLIENT_ERROR_INVALID_REQUEST },
    { BACKEND_REACHED, SCMS_CLIENT_ERROR_INVALID_REQUEST },
  };

  *known = FALSE;

  if (code == NULL)
    return SCMS_CLIENT_ERROR_INVALID_REQUEST;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      if (g_str_equal (code, codes[i].code))
        {
          *known = TRUE;
          return codes[i].error;
        }
    }

  /* sonorancms_core treats every variant of this as "API disabled". */
  if (strstr (code, "IS NOT ENABLED FOR THIS COMMUNITY") != NULL)
    return SCMS_CLIENT_ERROR_NOT_ENABLED;

  return SCMS_CLIENT_ERROR_INVALID_REQUEST;
}

static gboolean
is_success (guint status)
{
  return status >= 200 && status < 300;
}

static gboolean
is_backend_reached (const ScmsRawReply *reply)
{
  g_autofree char *text = NULL;

  /* Cheap test first: the catch-all is a short text. */
  if (reply->length == 0 || reply->length > 2 * strlen (BACKEND_REACHED_FULL))
    return FALSE;

  text = dup_trimmed_text (reply);

  return text != NULL &&
         (g_str_equal (text, BACKEND_REACHED_FULL) || g_str_equal (text, BACKEND_REACHED));
}

/* Whether @text, the trimmed body of a reply, is a web page rather than a
 * code. By the body alone: a server that answers with res.send() labels
 * its plain-text codes text/html too. */
static gboolean
is_web_page (const char *text)
{
  return text[0] == '<';
}

/* Errors of a reply that is not a 2xx success, with @code already
 * extracted. */
static void
set_status_error (const ScmsRawReply  *reply,
                  const char          *code,
                  GError             **error)
{
  g_autofree char *http = g_strdup_printf ("HTTP %u", reply->status);
  ScmsClientError mapped;
  gboolean known;

  if (reply->status == 429)
    {
      set_reply_error (error, SCMS_CLIENT_ERROR_RATE_LIMITED, NULL);
      return;
    }

  mapped = map_code (code, &known);

  /* SERVER_CONFIG_ERROR may come with a 5xx (reference §1.5): it is still
   * about the game server's settings, which trying again will not fix. */
  if (reply->status >= 500 && reply->status < 600)
    {
      set_reply_error (error, mapped == SCMS_CLIENT_ERROR_GAME_SERVER_SETTINGS
                              ? mapped : SCMS_CLIENT_ERROR_SERVER, NULL);
      return;
    }

  /* 400, 404 and (undocumented, handled alike by Sonoran.js) 401 are how v1
   * reports errors: every code there is the server's answer, and an unknown
   * one is quoted. A web page is not a code: a web server's "404 Not
   * Found" page means a wrong address, and its HTML says nothing to a
   * person. */
  if (reply->status == 400 || reply->status == 401 || reply->status == 404)
    {
      const char *quoted = code != NULL && !is_web_page (code) ? code : http;

      set_reply_error (error, mapped, known ? NULL : quoted);
      return;
    }

  /* Any other status (3xx, 403, 409…) is not part of v1: only a code we
   * recognise gets its meaning, everything else is unexpected. */
  if (known)
    set_reply_error (error, mapped, NULL);
  else
    set_reply_error (error, SCMS_CLIENT_ERROR_BAD_RESPONSE, http);
}

/**
 * _scms_decode_check_status:
 * @reply: a raw reply
 * @error: return location for a #GError
 *
 * Applies the common status rules of reference §1.4 and §1.5.
 *
 * Returns: %TRUE if @reply is a success whose body the endpoint decoder
 *   should read
 */
gboolean
_scms_decode_check_status (const ScmsRawReply  *reply,
                           GError             **error)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (reply != NULL, FALSE);
  g_return_val_if_fail (reply->body != NULL || reply->length == 0, FALSE);

  if (is_success (reply->status))
    {
      if (is_backend_reached (reply))
        {
          set_reply_error (error, SCMS_CLIENT_ERROR_INVALID_REQUEST, NULL);
          return FALSE;
        }

      return TRUE;
    }

  if (reply->status != 429)
    code = extract_code (reply);

  set_status_error (reply, code, error);

  return FALSE;
}

static GPtrArray *
items_from_array (JsonArray     *array,
                  ItemFromJson   item_from_json,
                  GError       **error)
{
  guint length = json_array_get_length (array);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (length, g_object_unref);

  for (guint i = 0; i < length; i++)
    {
      GObject *item = item_from_json (json_array_get_element (array, i), error);

      if (item == NULL)
        return NULL;

      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/* A list model of @item_type holding @items (consumed), made in one
 * splice rather than an append, and a signal, per item. */
static GListModel *
store_from_items (GType      item_type,
                  GPtrArray *items)
{
  GListStore *store;

  if (items == NULL)
    return NULL;

  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  g_ptr_array_unref (items);

  return G_LIST_MODEL (store);
}

/* A success body that must be a JSON array of items. */
static GPtrArray *
decode_array_items (const ScmsRawReply  *reply,
                    ItemFromJson         item_from_json,
                    const char          *what,
                    GError             **error)
{
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  if (!_scms_decode_check_status (reply, error))
    return NULL;

  if (!decode_body (reply, BODY_JSON, &json, &text, error))
    return NULL;

  if (json == NULL || !JSON_NODE_HOLDS_ARRAY (json))
    {
      set_bad_response (error, what);
      return NULL;
    }

  return items_from_array (json_node_get_array (json), item_from_json, error);
}

/* The same, as a list model of @item_type. */
static GListModel *
decode_array_reply (const ScmsRawReply  *reply,
                    GType                item_type,
                    ItemFromJson         item_from_json,
                    const char          *what,
                    GError             **error)
{
  return store_from_items (item_type, decode_array_items (reply, item_from_json, what, error));
}

/* Leading decimal digits of @text, as Sonoran.js reads the tier. */
static gboolean
parse_leading_integer (const char *text,
                       int        *out_value)
{
  int value = 0;
  guint n_digits = 0;

  for (const char *p = text; g_ascii_isdigit (*p); p++)
    {
      if (++n_digits > 9)
        return FALSE;
      value = value * 10 + (*p - '0');
    }

  if (n_digits == 0)
    return FALSE;

  *out_value = value;
  return TRUE;
}

/**
 * _scms_decode_sub_version:
 * @reply: the raw reply of `GET_SUB_VERSION`
 * @error: return location for a #GError
 *
 * Reads the leading integer of the text (`4`, `4 - PRO`) or a JSON number.
 *
 * Returns: (transfer full) (nullable): the subscription
 */
ScmsSubscription *
_scms_decode_sub_version (const ScmsRawReply  *reply,
                          GError             **error)
{
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  int tier = 0;

  if (!_scms_decode_check_status (reply, error))
    return NULL;

  if (!decode_body (reply, BODY_AUTO, &json, &text, error))
    return NULL;

  if (json != NULL)
    {
      gint64 value;

      if (!JSON_NODE_HOLDS_VALUE (json) || json_node_get_value_type (json) != G_TYPE_INT64)
        {
          set_bad_response (error, "tier");
          return NULL;
        }

      value = json_node_get_int (json);
      if (value < 0 || value > G_MAXINT)
        {
          set_bad_response (error, "tier");
          return NULL;
        }

      return scms_subscription_new ((int) value);
    }

  if (!parse_leading_integer (text, &tier))
    {
      set_bad_response (error, "tier");
      return NULL;
    }

  return scms_subscription_new (tier);
}

/* A success body that is a member's name. */
static char *
decode_name (const ScmsRawReply  *reply,
             GError             **error)
{
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  if (!decode_body (reply, BODY_TEXT, &json, &text, error))
    return NULL;

  if (json != NULL)
    {
      set_bad_response (error, "name");
      return NULL;
    }

  return g_steal_pointer (&text);
}

/**
 * _scms_decode_check_com_apiid:
 * @reply: the raw reply of `CHECK_COM_APIID`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the account name owning the API ID
 */
char *
_scms_decode_check_com_apiid (const ScmsRawReply  *reply,
                              GError             **error)
{
  if (!_scms_decode_check_status (reply, error))
    return NULL;

  return decode_name (reply, error);
}

/**
 * _scms_decode_com_account:
 * @reply: the raw reply of `GET_COM_ACCOUNT`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the account; an empty array is
 *   %SCMS_CLIENT_ERROR_NOT_FOUND
 */
ScmsAccount *
_scms_decode_com_account (const ScmsRawReply  *reply,
                          GError             **error)
{
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  if (!_scms_decode_check_status (reply, error))
    return NULL;

  if (!decode_body (reply, BODY_JSON, &json, &text, error))
    return NULL;

  if (json == NULL)
    {
      set_bad_response (error, "account");
      return NULL;
    }

  return scms_account_new_from_json (json, error);
}

/**
 * _scms_decode_account_ranks:
 * @reply: the raw reply of `GET_ACCOUNT_RANKS`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the rank UUIDs in reply order;
 *   empty for a member without ranks
 */
char **
_scms_decode_account_ranks (const ScmsRawReply  *reply,
                            GError             **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  JsonArray *array;
  guint length;

  if (!_scms_decode_check_status (reply, error))
    return NULL;

  if (!decode_body (reply, BODY_JSON, &json, &text, error))
    return NULL;

  if (json == NULL || !JSON_NODE_HOLDS_ARRAY (json))
    {
      set_bad_response (error, "ranks");
      return NULL;
    }

  builder = g_strv_builder_new ();
  array = json_node_get_array (json);
  length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id;

      if (JSON_NODE_HOLDS_NULL (element))
        continue;

      id = _scms_json_node_get_string (element);
      if (id == NULL)
        {
          set_bad_response (error, "ranks");
          return NULL;
        }

      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/**
 * _scms_decode_clock_in_out:
 * @reply: the raw reply of `CLOCK_IN_OUT`
 * @error: return location for a #GError
 *
 * Understands the JSON clock-in record servers send and the documented
 * texts (reference §2.5).
 *
 * Returns: (transfer full) (nullable): the resulting clock-in state
 */
ScmsClockIn *
_scms_decode_clock_in_out (const ScmsRawReply  *reply,
                           GError             **error)
{
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  if (!_scms_decode_check_status (reply, error))
    return NULL;

  if (!decode_body (reply, BODY_AUTO, &json, &text, error))
    return NULL;

  if (json != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json))
        {
          set_bad_response (error, "clock-in");
          return NULL;
        }

      return scms_clock_in_new_from_json (json, error);
    }

  return scms_clock_in_new_from_text (text, error);
}

static gpointer
game_server_from_json (JsonNode  *node,
                       GError   **error)
{
  return scms_game_server_new_from_json (node, error);
}

/**
 * _scms_decode_game_servers:
 * @reply: the raw reply of `GET_GAME_SERVERS`
 * @error: return location for a #GError
 *
 * Reads `{"servers": [...]}`, even when it is labelled as text.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsGameServer
 */
GListModel *
_scms_decode_game_servers (const ScmsRawReply  *reply,
                           GError             **error)
{
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonNode *servers = NULL;

  if (!_scms_decode_check_status (reply, error))
    return NULL;

  if (!decode_body (reply, BODY_JSON, &json, &text, error))
    return NULL;

  if (json != NULL && JSON_NODE_HOLDS_OBJECT (json))
    {
      object = json_node_get_object (json);
      if (json_object_has_member (object, "servers"))
        servers = json_object_get_member (object, "servers");
    }

  if (servers == NULL || !JSON_NODE_HOLDS_ARRAY (servers))
    {
      set_bad_response (error, "servers");
      return NULL;
    }

  return store_from_items (SCMS_TYPE_GAME_SERVER,
                           items_from_array (json_node_get_array (servers),
                                             game_server_from_json, error));
}

/**
 * _scms_decode_verify_whitelist:
 * @reply: the raw reply of `VERIFY_WHITELIST`
 * @error: return location for a #GError
 *
 * A 2xx text is the member's name (allowed, possibly through a bypass);
 * the denial codes are verdicts whatever their form (text or
 * `{status, message}`); everything else is an error as for other calls.
 *
 * Returns: (transfer full) (nullable): the verdict
 */
ScmsWhitelistVerdict *
_scms_decode_verify_whitelist (const ScmsRawReply  *reply,
                               GError             **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (reply != NULL, NULL);
  g_return_val_if_fail (reply->body != NULL || reply->length == 0, NULL);

  if (is_success (reply->status))
    {
      if (!_scms_decode_check_status (reply, error))
        return NULL;

      name = decode_name (reply, error);
      if (name == NULL)
        return NULL;

      /* "BYPASSED WHITELIST - <name>"; the body is trimmed, so a bare
       * prefix has lost its trailing space. */
      if (g_str_has_prefix (name, BYPASSED_PREFIX))
        {
          const char *bypassed = name + strlen (BYPASSED_PREFIX);

          while (g_ascii_isspace (*bypassed))
            bypassed++;
          if (*bypassed == '-')
            bypassed++;
          while (g_ascii_isspace (*bypassed))
            bypassed++;

          if (*bypassed == '\0')
            {
              set_bad_response (error, "name");
              return NULL;
            }

          return scms_whitelist_verdict_new (SCMS_VERDICT_BYPASSED, bypassed, NULL);
        }

      return scms_whitelist_verdict_new (SCMS_VERDICT_ALLOWED, name, NULL);
    }

  if (reply->status != 429)
    code = extract_code (reply);

  if (reply->status >= 400 && reply->status < 500 && reply->status != 429)
    {
      if (code != NULL)
        {
          if (g_str_equal (code, "NOT ALLOWED ON WHITELIST"))
            return scms_whitelist_verdict_new (SCMS_VERDICT_NOT_ALLOWED, NULL, code);
          if (g_str_equal (code, "BLOCKED FOR WHITELIST"))
            return scms_whitelist_verdict_new (SCMS_VERDICT_BLOCKED, NULL, code);
          if (g_str_equal (code, "UNKNOWN_ACC_API_ID") ||
              g_str_equal (code, "API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY") ||
              g_str_equal (code, "NO ACCOUNT FOUND UNDER GIVEN PARAMETERS IN THIS COMMUNITY"))
            return scms_whitelist_verdict_new (SCMS_VERDICT_UNKNOWN_MEMBER, NULL, code);
        }
    }

  set_status_error (reply, code, error);

  return NULL;
}

static gpointer
whitelist_entry_from_json (JsonNode  *node,
                           GError   **error)
{
  return scms_whitelist_entry_new_from_json (node, error);
}

/**
 * _scms_decode_full_whitelist:
 * @reply: the raw reply of `FULL_WHITELIST`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #ScmsWhitelistEntry
 */
GListModel *
_scms_decode_full_whitelist (const ScmsRawReply  *reply,
                             GError             **error)
{
  return decode_array_reply (reply, SCMS_TYPE_WHITELIST_ENTRY,
                             whitelist_entry_from_json, "whitelist", error);
}

/**
 * _scms_decode_full_whitelist_items:
 * @reply: a `FULL_WHITELIST` reply, or a piece of one as an array
 * @error: return location for a #GError
 *
 * Like _scms_decode_full_whitelist(), for the pieces of a streamed reply.
 *
 * Returns: (transfer full) (nullable): a #GPtrArray of
 *   #ScmsWhitelistEntry
 */
GPtrArray *
_scms_decode_full_whitelist_items (const ScmsRawReply  *reply,
                                   GError             **error)
{
  return decode_array_items (reply, whitelist_entry_from_json, "whitelist", error);
}

static gpointer
department_from_json (JsonNode  *node,
                      GError   **error)
{
  return scms_department_new_from_json (node, error);
}

/**
 * _scms_decode_departments:
 * @reply: the raw reply of `GET_DEPARTMENTS`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsDepartment
 */
GListModel *
_scms_decode_departments (const ScmsRawReply  *reply,
                          GError             **error)
{
  return decode_array_reply (reply, SCMS_TYPE_DEPARTMENT,
                             department_from_json, "departments", error);
}

static gpointer
profile_field_from_json (JsonNode  *node,
                         GError   **error)
{
  return scms_profile_field_new_from_json (node, error);
}

/**
 * _scms_decode_profile_fields:
 * @reply: the raw reply of `GET_PROFILE_FIELDS`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsProfileField
 */
GListModel *
_scms_decode_profile_fields (const ScmsRawReply  *reply,
                             GError             **error)
{
  return decode_array_reply (reply, SCMS_TYPE_PROFILE_FIELD,
                             profile_field_from_json, "profile fields", error);
}

/**
 * _scms_decode_accounts:
 * @reply: the raw reply of `GET_ACCOUNTS`
 * @total: (out) (optional): the number of matching accounts on all pages
 * @error: return location for a #GError
 *
 * Reads one page of account summaries, every row as sent, repeated `accId`s
 * (reference §2.11).
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #ScmsAccountSummary
 */
GListModel *
_scms_decode_accounts (const ScmsRawReply  *reply,
                       guint               *total,
                       GError             **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  ScmsJsonReader reader;
  JsonObject *object;
  JsonArray *accounts;
  gint64 count;
  guint length;

  if (!_scms_decode_check_status (reply, error))
    return NULL;

  if (!decode_body (reply, BODY_JSON, &json, &text, error))
    return NULL;

  _scms_json_reader_init (&reader, "accounts");
  object = _scms_json_reader_object (&reader, json);
  accounts = _scms_json_reader_array (&reader, object, "accounts");
  if (object != NULL && accounts == NULL)
    _scms_json_reader_fail (&reader, "accounts");

  length = accounts != NULL ? json_array_get_length (accounts) : 0;
  count = _scms_json_reader_integer (&reader, object, "total", length);
  if (count < 0 || count > G_MAXUINT)
    _scms_json_reader_fail (&reader, "total");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  /* Every row, repeats included: the caller pages by the rows the server
   * sent (a repeat dropped here made a full page look like the last). */
  store = g_list_store_new (SCMS_TYPE_ACCOUNT_SUMMARY);

  for (guint i = 0; i < length; i++)
    {
      g_autoptr(ScmsAccountSummary) summary = NULL;

      summary = scms_account_summary_new_from_json (json_array_get_element (accounts, i), error);
      if (summary == NULL)
        return NULL;

      g_list_store_append (store, summary);
    }

  if (total != NULL)
    *total = (guint) count;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * _scms_decode_current_clock_in:
 * @reply: the raw reply of `GET_CURRENT_CLOCK_IN`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the open shift, or %NULL without an
 *   error when the member is not clocked in
 */
ScmsClockIn *
_scms_decode_current_clock_in (const ScmsRawReply  *reply,
                               GError             **error)
{
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  if (!_scms_decode_check_status (reply, error))
    return NULL;

  if (!decode_body (reply, BODY_AUTO, &json, &text, error))
    return NULL;

  if (text != NULL)
    {
      if (g_ascii_strcasecmp (text, NOT_CLOCKED_IN) != 0)
        set_bad_response (error, "clock-in");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      set_bad_response (error, "clock-in");
      return NULL;
    }

  return scms_clock_in_new_from_json (json, error);
}

static gpointer
clock_in_type_from_json (JsonNode  *node,
                         GError   **error)
{
  return scms_clock_in_type_new_from_json (node, error);
}

/**
 * _scms_decode_clockin_types:
 * @reply: the raw reply of `GET_CLOCKIN_TYPES`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsClockInType
 */
GListModel *
_scms_decode_clockin_types (const ScmsRawReply  *reply,
                            GError             **error)
{
  return decode_array_reply (reply, SCMS_TYPE_CLOCK_IN_TYPE,
                             clock_in_type_from_json, "clock-in types", error);
}
