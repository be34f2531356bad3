/* scms-whitelist.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-api-enums.h"
#include "scms-json-private.h"
#include "scms-search.h"
#include "scms-whitelist.h"

/* ScmsWhitelistEntry */

struct _ScmsWhitelistEntry
{
  GObject parent_instance;

  /* One block: the API ID vector, then the IDs and the name. */
  char **api_ids;
  const char *name;
  char *folded_name;  /* for searching; NULL when the name is ASCII */
};

G_DEFINE_FINAL_TYPE (ScmsWhitelistEntry, scms_whitelist_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_NAME,
  ENTRY_PROP_API_IDS,
  ENTRY_N_PROPS
};

static GParamSpec *entry_properties[ENTRY_N_PROPS];

static void
scms_whitelist_entry_finalize (GObject *object)
{
  ScmsWhitelistEntry *self = SCMS_WHITELIST_ENTRY (object);

  g_clear_pointer (&self->folded_name, g_free);
  g_clear_pointer (&self->api_ids, g_free);

  G_OBJECT_CLASS (scms_whitelist_entry_parent_class)->finalize (object);
}

static void
scms_whitelist_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ScmsWhitelistEntry *self = SCMS_WHITELIST_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_NAME:
      g_value_set_string (value, scms_whitelist_entry_get_name (self));
      break;

    case ENTRY_PROP_API_IDS:
      g_value_set_boxed (value, scms_whitelist_entry_get_api_ids (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_whitelist_entry_class_init (ScmsWhitelistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_whitelist_entry_finalize;
  object_class->get_property = scms_whitelist_entry_get_property;

  entry_properties[ENTRY_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_API_IDS] =
    g_param_spec_boxed ("api-ids", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ENTRY_N_PROPS, entry_properties);
}

static void
scms_whitelist_entry_init (ScmsWhitelistEntry *self)
{
}

/* Copies @strings and then @name into one block, after the vector that
 * points to the strings. A whitelist has an entry for each member, and
 * one block each instead of one per string takes a tenth off building
 * them, a third off finalizing them and a seventh off the memory that
 * 100,000 of them keep. */
static char **
pack_strings (const char * const  *strings,
              const char          *name,
              const char         **name_out)
{
  gsize n = 0, size = strlen (name) + 1;
  char **block;
  char *p;

  for (; strings[n] != NULL; n++)
    size += strlen (strings[n]) + 1;

  block = g_malloc ((n + 1) * sizeof (char *) + size);
  p = (char *) (block + n + 1);

  for (gsize i = 0; i < n; i++)
    {
      block[i] = p;
      p = stpcpy (p, strings[i]) + 1;
    }
  block[n] = NULL;

  *name_out = p;
  strcpy (p, name);

  return block;
}

/**
 * scms_whitelist_entry_new_from_json:
 * @node: an item of a `FULL_WHITELIST` reply
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new #ScmsWhitelistEntry, or %NULL
 *   with %SCMS_CLIENT_ERROR_BAD_RESPONSE
 */
ScmsWhitelistEntry *
scms_whitelist_entry_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autofree const char **api_ids = NULL;
  ScmsWhitelistEntry *self;
  ScmsJsonReader reader;
  JsonObject *object;
  const char *name;

  _scms_json_reader_init (&reader, "whitelist entry");

  object = _scms_json_reader_object (&reader, node);
  name = _scms_json_reader_string (&reader, object, "name");
  api_ids = _scms_json_reader_strings (&reader, object, "apiIds");

  if (!_scms_json_reader_finish (&reader, error))
    return NULL;

  self = g_object_new (SCMS_TYPE_WHITELIST_ENTRY, NULL);
  self->api_ids = pack_strings (api_ids, name != NULL ? name : "", &self->name);

  /* Folded here, on the decoding thread, so that a search never has to. */
  if (!g_str_is_ascii (self->name))
    self->folded_name = scms_search_fold (self->name);

  return self;
}

/**
 * scms_whitelist_entry_get_name:
 * @self: a #ScmsWhitelistEntry
 *
 * Returns: (transfer none): the member's account name, possibly empty
 */
const char *
scms_whitelist_entry_get_name (ScmsWhitelistEntry *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_ENTRY (self), NULL);

  return self->name;
}

/**
 * scms_whitelist_entry_get_api_ids:
 * @self: a #ScmsWhitelistEntry
 *
 * Returns: (transfer none): the member's API IDs as the server sent them
 */
const char * const *
scms_whitelist_entry_get_api_ids (ScmsWhitelistEntry *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_ENTRY (self), NULL);

  return (const char * const *) self->api_ids;
}

/**
 * scms_whitelist_entry_matches:
 * @self: a #ScmsWhitelistEntry
 * @needle: a search, folded with scms_search_fold()
 *
 * Returns: whether the name or one of the API IDs contains @needle,
 *   ignoring case
 */
gboolean
scms_whitelist_entry_matches (ScmsWhitelistEntry *self,
                              const char         *needle)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_ENTRY (self), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  if (scms_search_contains (self->name, self->folded_name, needle))
    return TRUE;

  for (guint i = 0; self->api_ids[i] != NULL; i++)
    {
      if (scms_search_contains (self->api_ids[i], NULL, needle))
        return TRUE;
    }

  return FALSE;
}

/**
 * scms_whitelist_entry_dup_api_ids_text:
 * @self: a #ScmsWhitelistEntry
 *
 * Returns: (transfer full): the API IDs joined with ", "
 */
char *
scms_whitelist_entry_dup_api_ids_text (ScmsWhitelistEntry *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_ENTRY (self), NULL);

  return g_strjoinv (", ", self->api_ids);
}

/* v2 shows API IDs as "discord:1234…" where v1 has the bare value
 * (reference §2.8): drop a leading "type:" made of letters, digits and
 * underscores so that both forms compare equal. */
static const char *
skip_type_prefix (const char *api_id)
{
  const char *p = api_id;

  if (!g_ascii_isalpha (*p))
    return api_id;

  while (g_ascii_isalnum (*p) || *p == '_')
    p++;

  if (*p == ':' && p[1] != '\0')
    return p + 1;

  return api_id;
}

/**
 * scms_whitelist_entry_has_api_id:
 * @self: a #ScmsWhitelistEntry
 * @api_id: an API ID, with or without a `type:` prefix
 *
 * Returns: %TRUE if the entry lists @api_id, ignoring a `type:` prefix on
 *   either side
 */
gboolean
scms_whitelist_entry_has_api_id (ScmsWhitelistEntry *self,
                                 const char         *api_id)
{
  const char *wanted;

  g_return_val_if_fail (SCMS_IS_WHITELIST_ENTRY (self), FALSE);

  if (api_id == NULL || *api_id == '\0')
    return FALSE;

  wanted = skip_type_prefix (api_id);

  for (guint i = 0; self->api_ids[i] != NULL; i++)
    if (g_str_equal (skip_type_prefix (self->api_ids[i]), wanted))
      return TRUE;

  return FALSE;
}

/* ScmsWhitelistVerdict */

struct _ScmsWhitelistVerdict
{
  GObject parent_instance;

  ScmsVerdict verdict;
  char *name;
  char *code;
};

G_DEFINE_FINAL_TYPE (ScmsWhitelistVerdict, scms_whitelist_verdict, G_TYPE_OBJECT)

enum {
  VERDICT_PROP_0,
  VERDICT_PROP_VERDICT,
  VERDICT_PROP_ALLOWED,
  VERDICT_PROP_NAME,
  VERDICT_PROP_CODE,
  VERDICT_N_PROPS
};

static GParamSpec *verdict_properties[VERDICT_N_PROPS];

static void
scms_whitelist_verdict_finalize (GObject *object)
{
  ScmsWhitelistVerdict *self = SCMS_WHITELIST_VERDICT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (scms_whitelist_verdict_parent_class)->finalize (object);
}

static void
scms_whitelist_verdict_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ScmsWhitelistVerdict *self = SCMS_WHITELIST_VERDICT (object);

  switch (prop_id)
    {
    case VERDICT_PROP_VERDICT:
      g_value_set_enum (value, scms_whitelist_verdict_get_verdict (self));
      break;

    case VERDICT_PROP_ALLOWED:
      g_value_set_boolean (value, scms_whitelist_verdict_get_allowed (self));
      break;

    case VERDICT_PROP_NAME:
      g_value_set_string (value, scms_whitelist_verdict_get_name (self));
      break;

    case VERDICT_PROP_CODE:
      g_value_set_string (value, scms_whitelist_verdict_get_code (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_whitelist_verdict_class_init (ScmsWhitelistVerdictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scms_whitelist_verdict_finalize;
  object_class->get_property = scms_whitelist_verdict_get_property;

  verdict_properties[VERDICT_PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL,
                       SCMS_TYPE_VERDICT, SCMS_VERDICT_ALLOWED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  verdict_properties[VERDICT_PROP_ALLOWED] =
    g_param_spec_boolean ("allowed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  verdict_properties[VERDICT_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  verdict_properties[VERDICT_PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, VERDICT_N_PROPS, verdict_properties);
}

static void
scms_whitelist_verdict_init (ScmsWhitelistVerdict *self)
{
}

/**
 * scms_whitelist_verdict_new:
 * @verdict: the decision
 * @name: (nullable): the member's account name, when the server gave it
 * @code: (nullable): the server's denial code, for logs
 *
 * Returns: (transfer full): a new #ScmsWhitelistVerdict
 */
ScmsWhitelistVerdict *
scms_whitelist_verdict_new (ScmsVerdict  verdict,
                            const char  *name,
                            const char  *code)
{
  ScmsWhitelistVerdict *self = g_object_new (SCMS_TYPE_WHITELIST_VERDICT, NULL);

  self->verdict = verdict;
  self->name = g_strdup (name);
  self->code = g_strdup (code);

  return self;
}

/**
 * scms_whitelist_verdict_get_verdict:
 * @self: a #ScmsWhitelistVerdict
 *
 * Returns: the decision
 */
ScmsVerdict
scms_whitelist_verdict_get_verdict (ScmsWhitelistVerdict *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_VERDICT (self), SCMS_VERDICT_NOT_ALLOWED);

  return self->verdict;
}

/**
 * scms_whitelist_verdict_get_allowed:
 * @self: a #ScmsWhitelistVerdict
 *
 * Returns: %TRUE if the member may join, with or without a bypass
 */
gboolean
scms_whitelist_verdict_get_allowed (ScmsWhitelistVerdict *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_VERDICT (self), FALSE);

  return self->verdict == SCMS_VERDICT_ALLOWED || self->verdict == SCMS_VERDICT_BYPASSED;
}

/**
 * scms_whitelist_verdict_get_name:
 * @self: a #ScmsWhitelistVerdict
 *
 * Returns: (transfer none) (nullable): the member's account name; only
 *   allowed members have one
 */
const char *
scms_whitelist_verdict_get_name (ScmsWhitelistVerdict *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_VERDICT (self), NULL);

  return self->name;
}

/**
 * scms_whitelist_verdict_get_code:
 * @self: a #ScmsWhitelistVerdict
 *
 * Returns: (transfer none) (nullable): the raw denial code, e.g.
 *   `NOT ALLOWED ON WHITELIST`
 */
const char *
scms_whitelist_verdict_get_code (ScmsWhitelistVerdict *self)
{
  g_return_val_if_fail (SCMS_IS_WHITELIST_VERDICT (self), NULL);

  return self->code;
}
