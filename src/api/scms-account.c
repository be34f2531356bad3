/* scms-account.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "scms-account.h"
#include "scms-api-enums.h"
#include "scms-error.h"
#include "scms-identifier.h"
#include "scms-json-private.h"
#include "scms-timestamp.h"

/**
 * scms_member_status_get_label:
 * @status: a member status
 *
 * Returns: (transfer none): the translated name of @status
 */
const char *
scms_member_status_get_label (ScmsMemberStatus status)
{
  switch (status)
    {
    case SCMS_MEMBER_STATUS_ACTIVE:
      return _("Active");
    case SCMS_MEMBER_STATUS_PENDING:
      return _("Pending");
    case SCMS_MEMBER_STATUS_BANNED:
      return _("Banned");
    case SCMS_MEMBER_STATUS_ARCHIVED:
      return _("Archived");
    case SCMS_MEMBER_STATUS_OWNER:
      return _("Owner");
    default:
      return C_("member status", "Unknown");
    }
}

static ScmsMemberStatus
derive_status (gboolean owner,
               gboolean banned,
               gboolean archived,
               gboolean com_status)
{
  if (owner)
    return SCMS_MEMBER_STATUS_OWNER;
  if (banned)
    return SCMS_MEMBER_STATUS_BANNED;
  if (archived)
    return SCMS_MEMBER_STATUS_ARCHIVED;
  if (!com_status)
    return SCMS_MEMBER_STATUS_PENDING;

  return SCMS_MEMBER_STATUS_ACTIVE;
}

static const char *
pick_display_name (const char *com_name,
                   const char *acc_name)
{
  if (com_name != NULL && *com_name != '\0')
    return com_name;

  return acc_name;
}

/* The proper member wins; the Sonoran.js usage guide's draft names
 * (reference §2.3) are only read when it is absent. */
static gboolean
read_boolean_alias (ScmsJsonReader *reader,
                    JsonObject     *object,
                    const char     *member,
                    const char     *alias,
                    gboolean        default_value)
{
  if (!_scms_json_reader_has (object, member) && _scms_json_reader_has (object, alias))
    return _scms_json_reader_boolean (reader, object, alias, default_value);

  return _scms_json_reader_boolean (reader, object, member, default_value);
}

/* `uniqueId` is a number in the docs and sometimes a string in Sonoran.js;
 * -1 means the reply has none. */
static gint64
read_unique_id (ScmsJsonReader *reader,
                JsonObject     *object)
{
  g_autofree char *text = NULL;
  gint64 value = -1;

  if (!_scms_json_reader_has (object, "uniqueId"))
    return -1;

  text = _scms_json_reader_dup_id (reader, object, "uniqueId");
  if (text == NULL)
    return -1;

  if (!scms_parse_positive_integer (text, &value))
    {
      _scms_json_reader_fail (reader, "uniqueId");
      return -1;
    }

  return value;
}

static char *
dup_required_acc_id (ScmsJsonReader *reader,
                     JsonObject     *object)
{
  char *acc_id = _scms_json_reader_dup_id (reader, object, "accId");

  if (object != NULL && (acc_id == NULL || *acc_id == '\0'))
    _scms_json_reader_fail (reader, "accId");

  return acc_id;
}

/* ScmsProfileValue */

struct _ScmsProfileValue
{
  GObject parent_instance;

  char *field_id;
  char **values;
};

G_DEFINE_FINAL_TYPE (ScmsProfileValue, scms_profile_value, G_TYPE_OBJECT)

enum {
  VALUE_PROP_0,
  VALUE_PROP_FIELD_ID,
  VALUE_PROP_VALUES,
  VALUE_N_PROPS
};

static GParamSpec *value_properties[VALUE_N_PROPS];

static void
scms_profile_value_finalize (GObject *object)
{
  ScmsProfileValue *self = SCMS_PROFILE_VALUE (object);

  g_clear_pointer (&self->field_id, g_free);
  g_clear_pointer (&self->values, g_strfreev);

  G_OBJECT_CLASS (scms_profile_value_parent_class)->finalize (object);
}

static void
scms_profile_value_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScmsProfileValue *self = SCMS_PROFILE_VALUE (object);

  switch (prop_id)
    {
    case VALUE_PROP_FIELD_ID:
      g_value_set_string (value, scms_profile_value_get_field_id (self));
      break;

    case VALUE_PROP_VALUES:
      g_value_set_boxed (value, scms_profile_value_get_values (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_profile_value_class_init (ScmsProfileValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_profile_value_finalize;
  object_class->get_property = scms_profile_value_get_property;

  value_properties[VALUE_PROP_FIELD_ID] =
    g_param_spec_string ("field-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  value_properties[VALUE_PROP_VALUES] =
    g_param_spec_boxed ("values", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, VALUE_N_PROPS, value_properties);
}

static void
scms_profile_value_init (ScmsProfileValue *self)
{
}

/* A scalar `value` as text; NULL for anything that is not one. */
static char *
scalar_to_text (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    {
      return g_strdup (_scms_json_node_get_string (node));
    }
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  return NULL;
}

/* `value` is "any" in the reference: a string, or a string array for
 * "text array" fields. Scalars are shown as text; values we cannot show
 * (objects, nested arrays) are left out rather than failing the account. */
static ScmsProfileValue *
profile_value_new_from_json (ScmsJsonReader *reader,
                             JsonNode       *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *field_id = NULL;
  ScmsProfileValue *self;
  JsonObject *object;
  JsonNode *value = NULL;

  object = _scms_json_reader_object (reader, node);
  field_id = _scms_json_reader_dup_id (reader, object, "id");

  if (object == NULL || field_id == NULL)
    {
      _scms_json_reader_fail (reader, "profileFields");
      return NULL;
    }

  if (json_object_has_member (object, "value"))
    value = json_object_get_member (object, "value");

  if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      guint length = json_array_get_length (array);

      for (guint i = 0; i < length; i++)
        {
          g_autofree char *text = scalar_to_text (json_array_get_element (array, i));

          if (text != NULL)
            g_strv_builder_add (builder, text);
        }
    }
  else
    {
      g_autofree char *text = scalar_to_text (value);

      if (text != NULL)
        g_strv_builder_add (builder, text);
    }

  self = g_object_new (SCMS_TYPE_PROFILE_VALUE, NULL);
  self->field_id = g_steal_pointer (&field_id);
  self->values = g_strv_builder_end (builder);

  return self;
}

/**
 * scms_profile_value_get_field_id:
 * @self: a #ScmsProfileValue
 *
 * Returns: (transfer none): the profile field UUID, see
 *   `GET_PROFILE_FIELDS`
 */
const char *
scms_profile_value_get_field_id (ScmsProfileValue *self)
{
  g_return_val_if_fail (SCMS_IS_PROFILE_VALUE (self), NULL);

  return self->field_id;
}

/**
 * scms_profile_value_get_values:
 * @self: a #ScmsProfileValue
 *
 * Returns: (transfer none): the value(s); one element for a plain field
 */
const char * const *
scms_profile_value_get_values (ScmsProfileValue *self)
{
  g_return_val_if_fail (SCMS_IS_PROFILE_VALUE (self), NULL);

  return (const char * const *) self->values;
}

/**
 * scms_profile_value_dup_text:
 * @self: a #ScmsProfileValue
 *
 * Returns: (transfer full): the values joined with ", "
 */
char *
scms_profile_value_dup_text (ScmsProfileValue *self)
{
  g_return_val_if_fail (SCMS_IS_PROFILE_VALUE (self), NULL);

  return g_strjoinv (", ", self->values);
}

/* ScmsAccount */

struct _ScmsAccount
{
  GObject parent_instance;

  char *acc_id;
  char *acc_name;
  char *com_name;
  char *discord_id;
  char *teamspeak_id;
  char *primary_identifier;
  char *join_date;
  char *last_login;
  GDateTime *join_date_time;
  GDateTime *last_login_time;
  char **api_ids;
  char **rank_ids;
  GListStore *profile_values;
  gint64 unique_id;
  guint com_status : 1;
  guint sys_status : 1;
  guint banned : 1;
  guint archived : 1;
  guint owner : 1;
};

G_DEFINE_FINAL_TYPE (ScmsAccount, scms_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACC_ID,
  PROP_ACC_NAME,
  PROP_COM_NAME,
  PROP_DISPLAY_NAME,
  PROP_COM_STATUS,
  PROP_SYS_STATUS,
  PROP_BANNED,
  PROP_ARCHIVED,
  PROP_OWNER,
  PROP_STATUS,
  PROP_UNIQUE_ID,
  PROP_DISCORD_ID,
  PROP_TEAMSPEAK_ID,
  PROP_PRIMARY_IDENTIFIER,
  PROP_JOIN_DATE,
  PROP_LAST_LOGIN,
  PROP_JOIN_DATE_TIME,
  PROP_LAST_LOGIN_TIME,
  PROP_API_IDS,
  PROP_RANK_IDS,
  PROP_PROFILE_VALUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scms_account_dispose (GObject *object)
{
  ScmsAccount *self = SCMS_ACCOUNT (object);

  g_clear_object (&self->profile_values);

  G_OBJECT_CLASS (scms_account_parent_class)->dispose (object);
}

static void
scms_account_finalize (GObject *object)
{
  ScmsAccount *self = SCMS_ACCOUNT (object);

  g_clear_pointer (&self->acc_id, g_free);
  g_clear_pointer (&self->acc_name, g_free);
  g_clear_pointer (&self->com_name, g_free);
  g_clear_pointer (&self->discord_id, g_free);
  g_clear_pointer (&self->teamspeak_id, g_free);
  g_clear_pointer (&self->primary_identifier, g_free);
  g_clear_pointer (&self->join_date, g_free);
  g_clear_pointer (&self->last_login, g_free);
  g_clear_pointer (&self->join_date_time, g_date_time_unref);
  g_clear_pointer (&self->last_login_time, g_date_time_unref);
  g_clear_pointer (&self->api_ids, g_strfreev);
  g_clear_pointer (&self->rank_ids, g_strfreev);

  G_OBJECT_CLASS (scms_account_parent_class)->finalize (object);
}

static void
scms_account_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ScmsAccount *self = SCMS_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ACC_ID:
      g_value_set_string (value, scms_account_get_acc_id (self));
      break;

    case PROP_ACC_NAME:
      g_value_set_string (value, scms_account_get_acc_name (self));
      break;

    case PROP_COM_NAME:
      g_value_set_string (value, scms_account_get_com_name (self));
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, scms_account_get_display_name (self));
      break;

    case PROP_COM_STATUS:
      g_value_set_boolean (value, scms_account_get_com_status (self));
      break;

    case PROP_SYS_STATUS:
      g_value_set_boolean (value, scms_account_get_sys_status (self));
      break;

    case PROP_BANNED:
      g_value_set_boolean (value, scms_account_get_banned (self));
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, scms_account_get_archived (self));
      break;

    case PROP_OWNER:
      g_value_set_boolean (value, scms_account_get_owner (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, scms_account_get_status (self));
      break;

    case PROP_UNIQUE_ID:
      g_value_set_int64 (value, scms_account_get_unique_id (self));
      break;

    case PROP_DISCORD_ID:
      g_value_set_string (value, scms_account_get_discord_id (self));
      break;

    case PROP_TEAMSPEAK_ID:
      g_value_set_string (value, scms_account_get_teamspeak_id (self));
      break;

    case PROP_PRIMARY_IDENTIFIER:
      g_value_set_string (value, scms_account_get_primary_identifier (self));
      break;

    case PROP_JOIN_DATE:
      g_value_set_string (value, scms_account_get_join_date (self));
      break;

    case PROP_LAST_LOGIN:
      g_value_set_string (value, scms_account_get_last_login (self));
      break;

    case PROP_JOIN_DATE_TIME:
      g_value_set_boxed (value, scms_account_get_join_date_time (self));
      break;

    case PROP_LAST_LOGIN_TIME:
      g_value_set_boxed (value, scms_account_get_last_login_time (self));
      break;

    case PROP_API_IDS:
      g_value_set_boxed (value, scms_account_get_api_ids (self));
      break;

    case PROP_RANK_IDS:
      g_value_set_boxed (value, scms_account_get_rank_ids (self));
      break;

    case PROP_PROFILE_VALUES:
      g_value_set_object (value, scms_account_get_profile_values (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_account_class_init (ScmsAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scms_account_dispose;
  object_class->finalize = scms_account_finalize;
  object_class->get_property = scms_account_get_property;

  properties[PROP_ACC_ID] = g_param_spec_string ("acc-id", NULL, NULL, NULL, flags);
  properties[PROP_ACC_NAME] = g_param_spec_string ("acc-name", NULL, NULL, NULL, flags);
  properties[PROP_COM_NAME] = g_param_spec_string ("com-name", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_COM_STATUS] = g_param_spec_boolean ("com-status", NULL, NULL, FALSE, flags);
  properties[PROP_SYS_STATUS] = g_param_spec_boolean ("sys-status", NULL, NULL, FALSE, flags);
  properties[PROP_BANNED] = g_param_spec_boolean ("banned", NULL, NULL, FALSE, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_OWNER] = g_param_spec_boolean ("owner", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SCMS_TYPE_MEMBER_STATUS, SCMS_MEMBER_STATUS_ACTIVE, flags);
  properties[PROP_UNIQUE_ID] =
    g_param_spec_int64 ("unique-id", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_DISCORD_ID] = g_param_spec_string ("discord-id", NULL, NULL, NULL, flags);
  properties[PROP_TEAMSPEAK_ID] = g_param_spec_string ("teamspeak-id", NULL, NULL, NULL, flags);
  properties[PROP_PRIMARY_IDENTIFIER] =
    g_param_spec_string ("primary-identifier", NULL, NULL, NULL, flags);
  properties[PROP_JOIN_DATE] = g_param_spec_string ("join-date", NULL, NULL, NULL, flags);
  properties[PROP_LAST_LOGIN] = g_param_spec_string ("last-login", NULL, NULL, NULL, flags);
  properties[PROP_JOIN_DATE_TIME] =
    g_param_spec_boxed ("join-date-time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_LAST_LOGIN_TIME] =
    g_param_spec_boxed ("last-login-time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_API_IDS] = g_param_spec_boxed ("api-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_RANK_IDS] = g_param_spec_boxed ("rank-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_PROFILE_VALUES] =
    g_param_spec_object ("profile-values", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_account_init (ScmsAccount *self)
{
  self->profile_values = g_list_store_new (SCMS_TYPE_PROFILE_VALUE);
  self->unique_id = -1;
}

static void
add_unique (GPtrArray  *ids,
            const char *id)
{
  if (id == NULL || *id == '\0')
    return;

  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return;

  g_ptr_array_add (ids, g_strdup (id));
}

/* `ranks` when present, else the legacy primaryRank + secondaryRanks
 * (reference §1.10), without nulls or repeats, in reply order. */
static char **
read_rank_ids (ScmsJsonReader *reader,
               JsonObject     *object)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) list = NULL;

  if (_scms_json_reader_has (object, "ranks"))
    {
      list = _scms_json_reader_strv (reader, object, "ranks");
    }
  else
    {
      g_autofree char *primary = _scms_json_reader_dup_id (reader, object, "primaryRank");

      add_unique (ids, primary);
      list = _scms_json_reader_strv (reader, object, "secondaryRanks");
    }

  for (guint i = 0; list[i] != NULL; i++)
    add_unique (ids, list[i]);

  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static void
read_profile_values (ScmsAccount    *self,
                     ScmsJsonReader *reader,
                     JsonObject     *object)
{
  JsonArray *data = NULL;
  guint length;

  if (!_scms_json_reader_has (object, "profileFields"))
    return;

  /* Documented as { "data": [...] }; a bare array is read the same way. */
  if (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "profileFields")))
    data = _scms_json_reader_array (reader, object, "profileFields");
  else
    {
      JsonObject *fields = _scms_json_reader_object (reader,
                                                     json_object_get_member (object,
                                                                             "profileFields"));

      data = _scms_json_reader_array (reader, fields, "data");
    }

  length = data != NULL ? json_array_get_length (data) : 0;
  for (guint i = 0; i < length && reader->error == NULL; i++)
    {
      g_autoptr(ScmsProfileValue) value = NULL;

      value = profile_value_new_from_json (reader, json_array_get_element (data, i));
      if (value != NULL)
        g_list_store_append (self->profile_values, value);
    }
}

static const char *
read_string_alias (ScmsJsonReader *reader,
                   JsonObject     *object,
                   const char     *member,
                   const char     *alias)
{
  if (!_scms_json_reader_has (object, member) && _scms_json_reader_has (object, alias))
    return _scms_json_reader_string (reader, object, alias);

  return _scms_json_reader_string (reader, object, member);
}

/**
 * scms_account_new_from_json:
 * @node: a `GET_COM_ACCOUNT` reply: an account object, or an array whose
 *   first element is one
 * @error: return location for a #GError
 *
 * Reads a full community account. An empty array means no member matched
 * and is reported as %SCMS_CLIENT_ERROR_NOT_FOUND (reference §2.3).
 *
 * Returns: (transfer full) (nullable): a new #ScmsAccount, or %NULL with
 *   %SCMS_CLIENT_ERROR_NOT_FOUND or %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsAccount *
scms_account_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(ScmsAccount) self = NULL;
  ScmsJsonReader reader;
  JsonObject *object;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (json_array_get_length (array) == 0)
        {
          g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_NOT_FOUND,
                               scms_client_error_to_string (SCMS_CLIENT_ERROR_NOT_FOUND));
          return NULL;
        }

      node = json_array_get_element (array, 0);
    }

  _scms_json_reader_init (&reader, "account");
  object = _scms_json_reader_object (&reader, node);

  self = g_object_new (SCMS_TYPE_ACCOUNT, NULL);
  self->acc_id = dup_required_acc_id (&reader, object);
  self->acc_name = g_strdup (read_string_alias (&reader, object, "accName", "username"));
  self->com_name = g_strdup (_scms_json_reader_string (&reader, object, "comName"));
  self->discord_id = _scms_json_reader_dup_id (&reader, object, "discordId");
  self->teamspeak_id = _scms_json_reader_dup_id (&reader, object, "teamspeakId");
  self->primary_identifier = g_strdup (_scms_json_reader_string (&reader, object,
                                                                 "primaryIdentifier"));
  self->join_date = g_strdup (_scms_json_reader_string (&reader, object, "joinDate"));
  self->last_login = g_strdup (_scms_json_reader_string (&reader, object, "lastLogin"));
  self->com_status = read_boolean_alias (&reader, object, "comStatus", "active", TRUE);
  self->sys_status = _scms_json_reader_boolean (&reader, object, "sysStatus", TRUE);
  self->owner = read_boolean_alias (&reader, object, "owner", "comOwner", FALSE);
  self->banned = read_boolean_alias (&reader, object, "banned", "isBanned", FALSE);
  self->archived = _scms_json_reader_boolean (&reader, object, "archived", FALSE);
  self->unique_id = read_unique_id (&reader, object);
  self->api_ids = _scms_json_reader_strv (&reader, object, "activeApiIds");
  self->rank_ids = read_rank_ids (&reader, object);
  read_profile_values (self, &reader, object);

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  self->join_date_time = scms_timestamp_parse (self->join_date);
  self->last_login_time = scms_timestamp_parse (self->last_login);

  return g_steal_pointer (&self);
}

/**
 * scms_account_get_acc_id:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none): the Sonoran account UUID
 */
const char *
scms_account_get_acc_id (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->acc_id;
}

/**
 * scms_account_get_acc_name:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): the Sonoran account name
 */
const char *
scms_account_get_acc_name (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->acc_name;
}

/**
 * scms_account_get_com_name:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): the name inside the community
 */
const char *
scms_account_get_com_name (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->com_name;
}

/**
 * scms_account_get_display_name:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none): the community name when set, else the account
 *   name, else the account id
 */
const char *
scms_account_get_display_name (ScmsAccount *self)
{
  const char *name;

  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  name = pick_display_name (self->com_name, self->acc_name);

  return name != NULL && *name != '\0' ? name : self->acc_id;
}

/**
 * scms_account_get_com_status:
 * @self: a #ScmsAccount
 *
 * Returns: %TRUE if the membership is active, %FALSE while pending
 */
gboolean
scms_account_get_com_status (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), FALSE);

  return self->com_status;
}

/**
 * scms_account_get_sys_status:
 * @self: a #ScmsAccount
 *
 * Returns: %TRUE if the member is (still) in the community
 */
gboolean
scms_account_get_sys_status (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), FALSE);

  return self->sys_status;
}

/**
 * scms_account_get_banned:
 * @self: a #ScmsAccount
 *
 * Returns: %TRUE if the member is banned
 */
gboolean
scms_account_get_banned (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), FALSE);

  return self->banned;
}

/**
 * scms_account_get_archived:
 * @self: a #ScmsAccount
 *
 * Returns: %TRUE if the member is archived
 */
gboolean
scms_account_get_archived (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), FALSE);

  return self->archived;
}

/**
 * scms_account_get_owner:
 * @self: a #ScmsAccount
 *
 * Returns: %TRUE if the member owns the community
 */
gboolean
scms_account_get_owner (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), FALSE);

  return self->owner;
}

/**
 * scms_account_get_status:
 * @self: a #ScmsAccount
 *
 * Returns: the one status to show: owner, banned, archived, pending or
 *   active, in that order of precedence
 */
ScmsMemberStatus
scms_account_get_status (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), SCMS_MEMBER_STATUS_ACTIVE);

  return derive_status (self->owner, self->banned, self->archived, self->com_status);
}

/**
 * scms_account_get_unique_id:
 * @self: a #ScmsAccount
 *
 * Returns: the community member number, or -1 when the reply has none
 */
gint64
scms_account_get_unique_id (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), -1);

  return self->unique_id;
}

/**
 * scms_account_get_discord_id:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): the linked Discord user id
 */
const char *
scms_account_get_discord_id (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->discord_id;
}

/**
 * scms_account_get_teamspeak_id:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): the linked TeamSpeak identity
 */
const char *
scms_account_get_teamspeak_id (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->teamspeak_id;
}

/**
 * scms_account_get_primary_identifier:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): the legacy callsign, e.g. "1A-12"
 */
const char *
scms_account_get_primary_identifier (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->primary_identifier;
}

/**
 * scms_account_get_join_date:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): when the member joined, as sent
 */
const char *
scms_account_get_join_date (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->join_date;
}

/**
 * scms_account_get_last_login:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): the last login, as sent
 */
const char *
scms_account_get_last_login (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->last_login;
}

/**
 * scms_account_get_join_date_time:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): the parsed join date
 */
GDateTime *
scms_account_get_join_date_time (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->join_date_time;
}

/**
 * scms_account_get_last_login_time:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none) (nullable): the parsed last login
 */
GDateTime *
scms_account_get_last_login_time (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return self->last_login_time;
}

/**
 * scms_account_get_api_ids:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none): the member's effective API IDs
 */
const char * const *
scms_account_get_api_ids (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return (const char * const *) self->api_ids;
}

/**
 * scms_account_get_rank_ids:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none): the member's rank UUIDs, in reply order
 */
const char * const *
scms_account_get_rank_ids (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return (const char * const *) self->rank_ids;
}

/**
 * scms_account_get_profile_values:
 * @self: a #ScmsAccount
 *
 * Returns: (transfer none): a #GListModel of #ScmsProfileValue
 */
GListModel *
scms_account_get_profile_values (ScmsAccount *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT (self), NULL);

  return G_LIST_MODEL (self->profile_values);
}

/* ScmsAccountSummary */

struct _ScmsAccountSummary
{
  GObject parent_instance;

  char *acc_id;
  char *acc_name;
  char *com_name;
  char *discord_id;
  char **api_ids;
  gint64 unique_id;
  guint com_status : 1;
  guint sys_status : 1;
  guint banned : 1;
  guint archived : 1;
  guint owner : 1;
};

G_DEFINE_FINAL_TYPE (ScmsAccountSummary, scms_account_summary, G_TYPE_OBJECT)

enum {
  SUMMARY_PROP_0,
  SUMMARY_PROP_ACC_ID,
  SUMMARY_PROP_ACC_NAME,
  SUMMARY_PROP_COM_NAME,
  SUMMARY_PROP_DISPLAY_NAME,
  SUMMARY_PROP_DISCORD_ID,
  SUMMARY_PROP_UNIQUE_ID,
  SUMMARY_PROP_COM_STATUS,
  SUMMARY_PROP_SYS_STATUS,
  SUMMARY_PROP_BANNED,
  SUMMARY_PROP_ARCHIVED,
  SUMMARY_PROP_STATUS,
  SUMMARY_PROP_API_IDS,
  SUMMARY_N_PROPS
};

static GParamSpec *summary_properties[SUMMARY_N_PROPS];

static void
scms_account_summary_finalize (GObject *object)
{
  ScmsAccountSummary *self = SCMS_ACCOUNT_SUMMARY (object);

  g_clear_pointer (&self->acc_id, g_free);
  g_clear_pointer (&self->acc_name, g_free);
  g_clear_pointer (&self->com_name, g_free);
  g_clear_pointer (&self->discord_id, g_free);
  g_clear_pointer (&self->api_ids, g_strfreev);

  G_OBJECT_CLASS (scms_account_summary_parent_class)->finalize (object);
}

static void
scms_account_summary_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ScmsAccountSummary *self = SCMS_ACCOUNT_SUMMARY (object);

  switch (prop_id)
    {
    case SUMMARY_PROP_ACC_ID:
      g_value_set_string (value, scms_account_summary_get_acc_id (self));
      break;

    case SUMMARY_PROP_ACC_NAME:
      g_value_set_string (value, scms_account_summary_get_acc_name (self));
      break;

    case SUMMARY_PROP_COM_NAME:
      g_value_set_string (value, scms_account_summary_get_com_name (self));
      break;

    case SUMMARY_PROP_DISPLAY_NAME:
      g_value_set_string (value, scms_account_summary_get_display_name (self));
      break;

    case SUMMARY_PROP_DISCORD_ID:
      g_value_set_string (value, scms_account_summary_get_discord_id (self));
      break;

    case SUMMARY_PROP_UNIQUE_ID:
      g_value_set_int64 (value, scms_account_summary_get_unique_id (self));
      break;

    case SUMMARY_PROP_COM_STATUS:
      g_value_set_boolean (value, scms_account_summary_get_com_status (self));
      break;

    case SUMMARY_PROP_SYS_STATUS:
      g_value_set_boolean (value, scms_account_summary_get_sys_status (self));
      break;

    case SUMMARY_PROP_BANNED:
      g_value_set_boolean (value, scms_account_summary_get_banned (self));
      break;

    case SUMMARY_PROP_ARCHIVED:
      g_value_set_boolean (value, scms_account_summary_get_archived (self));
      break;

    case SUMMARY_PROP_STATUS:
      g_value_set_enum (value, scms_account_summary_get_status (self));
      break;

    case SUMMARY_PROP_API_IDS:
      g_value_set_boxed (value, scms_account_summary_get_api_ids (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_account_summary_class_init (ScmsAccountSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scms_account_summary_finalize;
  object_class->get_property = scms_account_summary_get_property;

  summary_properties[SUMMARY_PROP_ACC_ID] =
    g_param_spec_string ("acc-id", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_ACC_NAME] =
    g_param_spec_string ("acc-name", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_COM_NAME] =
    g_param_spec_string ("com-name", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_DISCORD_ID] =
    g_param_spec_string ("discord-id", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_UNIQUE_ID] =
    g_param_spec_int64 ("unique-id", NULL, NULL, -1, G_MAXINT64, -1, flags);
  summary_properties[SUMMARY_PROP_COM_STATUS] =
    g_param_spec_boolean ("com-status", NULL, NULL, FALSE, flags);
  summary_properties[SUMMARY_PROP_SYS_STATUS] =
    g_param_spec_boolean ("sys-status", NULL, NULL, FALSE, flags);
  summary_properties[SUMMARY_PROP_BANNED] =
    g_param_spec_boolean ("banned", NULL, NULL, FALSE, flags);
  summary_properties[SUMMARY_PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  summary_properties[SUMMARY_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SCMS_TYPE_MEMBER_STATUS, SCMS_MEMBER_STATUS_ACTIVE, flags);
  summary_properties[SUMMARY_PROP_API_IDS] =
    g_param_spec_boxed ("api-ids", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, SUMMARY_N_PROPS, summary_properties);
}

static void
scms_account_summary_init (ScmsAccountSummary *self)
{
  self->unique_id = -1;
}

/**
 * scms_account_summary_new_from_json:
 * @node: an item of a `GET_ACCOUNTS` reply's `accounts`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new #ScmsAccountSummary, or %NULL
 *   with %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsAccountSummary *
scms_account_summary_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(ScmsAccountSummary) self = NULL;
  ScmsJsonReader reader;
  JsonObject *object;

  _scms_json_reader_init (&reader, "account summary");
  object = _scms_json_reader_object (&reader, node);

  self = g_object_new (SCMS_TYPE_ACCOUNT_SUMMARY, NULL);
  self->acc_id = dup_required_acc_id (&reader, object);
  self->acc_name = g_strdup (read_string_alias (&reader, object, "accName", "username"));
  self->com_name = g_strdup (_scms_json_reader_string (&reader, object, "comName"));
  self->discord_id = _scms_json_reader_dup_id (&reader, object, "discordId");
  self->unique_id = read_unique_id (&reader, object);
  self->com_status = read_boolean_alias (&reader, object, "comStatus", "active", TRUE);
  self->sys_status = _scms_json_reader_boolean (&reader, object, "sysStatus", TRUE);
  self->banned = read_boolean_alias (&reader, object, "banned", "isBanned", FALSE);
  self->archived = _scms_json_reader_boolean (&reader, object, "archived", FALSE);
  self->owner = read_boolean_alias (&reader, object, "owner", "comOwner", FALSE);
  self->api_ids = _scms_json_reader_strv (&reader, object, "activeApiIds");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * scms_account_summary_get_acc_id:
 * @self: a #ScmsAccountSummary
 *
 * Returns: (transfer none): the Sonoran account UUID
 */
const char *
scms_account_summary_get_acc_id (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), NULL);

  return self->acc_id;
}

/**
 * scms_account_summary_get_acc_name:
 * @self: a #ScmsAccountSummary
 *
 * Returns: (transfer none) (nullable): the Sonoran account name
 */
const char *
scms_account_summary_get_acc_name (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), NULL);

  return self->acc_name;
}

/**
 * scms_account_summary_get_com_name:
 * @self: a #ScmsAccountSummary
 *
 * Returns: (transfer none) (nullable): the community name (v2 replies only)
 */
const char *
scms_account_summary_get_com_name (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), NULL);

  return self->com_name;
}

/**
 * scms_account_summary_get_display_name:
 * @self: a #ScmsAccountSummary
 *
 * Returns: (transfer none): the community name when set, else the account
 *   name, else the account id
 */
const char *
scms_account_summary_get_display_name (ScmsAccountSummary *self)
{
  const char *name;

  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), NULL);

  name = pick_display_name (self->com_name, self->acc_name);

  return name != NULL && *name != '\0' ? name : self->acc_id;
}

/**
 * scms_account_summary_get_discord_id:
 * @self: a #ScmsAccountSummary
 *
 * Returns: (transfer none) (nullable): the linked Discord user id
 */
const char *
scms_account_summary_get_discord_id (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), NULL);

  return self->discord_id;
}

/**
 * scms_account_summary_get_unique_id:
 * @self: a #ScmsAccountSummary
 *
 * Returns: the community member number, or -1 when the reply has none
 */
gint64
scms_account_summary_get_unique_id (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), -1);

  return self->unique_id;
}

/**
 * scms_account_summary_get_com_status:
 * @self: a #ScmsAccountSummary
 *
 * Returns: %TRUE if the membership is active, %FALSE while pending
 */
gboolean
scms_account_summary_get_com_status (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), FALSE);

  return self->com_status;
}

/**
 * scms_account_summary_get_sys_status:
 * @self: a #ScmsAccountSummary
 *
 * Returns: %TRUE if the member is (still) in the community
 */
gboolean
scms_account_summary_get_sys_status (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), FALSE);

  return self->sys_status;
}

/**
 * scms_account_summary_get_banned:
 * @self: a #ScmsAccountSummary
 *
 * Returns: %TRUE if the member is banned
 */
gboolean
scms_account_summary_get_banned (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), FALSE);

  return self->banned;
}

/**
 * scms_account_summary_get_archived:
 * @self: a #ScmsAccountSummary
 *
 * Returns: %TRUE if the member is archived
 */
gboolean
scms_account_summary_get_archived (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), FALSE);

  return self->archived;
}

/**
 * scms_account_summary_get_status:
 * @self: a #ScmsAccountSummary
 *
 * Returns: the one status to show (summaries only know the owner flag when
 *   the reply carries it)
 */
ScmsMemberStatus
scms_account_summary_get_status (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), SCMS_MEMBER_STATUS_ACTIVE);

  return derive_status (self->owner, self->banned, self->archived, self->com_status);
}

/**
 * scms_account_summary_get_api_ids:
 * @self: a #ScmsAccountSummary
 *
 * Returns: (transfer none): the member's effective API IDs
 */
const char * const *
scms_account_summary_get_api_ids (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), NULL);

  return (const char * const *) self->api_ids;
}

/**
 * scms_account_summary_dup_api_ids_text:
 * @self: a #ScmsAccountSummary
 *
 * Returns: (transfer full): the API IDs joined with ", "
 */
char *
scms_account_summary_dup_api_ids_text (ScmsAccountSummary *self)
{
  g_return_val_if_fail (SCMS_IS_ACCOUNT_SUMMARY (self), NULL);

  return g_strjoinv (", ", self->api_ids);
}
