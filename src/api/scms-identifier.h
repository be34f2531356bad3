/* scms-identifier.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest identifier we accept from a person before sending anything. */
#define SCMS_IDENTIFIER_MAX_LENGTH 200

/**
 * ScmsIdKind:
 * @SCMS_ID_KIND_API_ID: one of the member's API IDs (`apiId`)
 * @SCMS_ID_KIND_USERNAME: the Sonoran account name (`username`)
 * @SCMS_ID_KIND_ACC_ID: the account UUID (`accId`), opaque
 * @SCMS_ID_KIND_DISCORD: the linked Discord user ID (`discord`), 17–20 digits
 * @SCMS_ID_KIND_UNIQUE_ID: the community member number (`uniqueId`), a positive integer
 *
 * The five interchangeable keys that locate a community member (reference §1.3).
 */
typedef enum
{
  SCMS_ID_KIND_API_ID,
  SCMS_ID_KIND_USERNAME,
  SCMS_ID_KIND_ACC_ID,
  SCMS_ID_KIND_DISCORD,
  SCMS_ID_KIND_UNIQUE_ID,
} ScmsIdKind;

#define SCMS_N_ID_KINDS (SCMS_ID_KIND_UNIQUE_ID + 1)

const char *scms_id_kind_get_key                     (ScmsIdKind   kind);
const char *scms_id_kind_get_label                   (ScmsIdKind   kind);
char       *scms_identifier_normalize                (ScmsIdKind   kind,
                                                      const char  *text,
                                                      GError     **error);
char       *scms_identifier_trim                     (const char  *text);
gboolean    scms_identifier_has_control_characters   (const char  *text);
gboolean    scms_identifier_has_invisible_characters (const char  *text);
gboolean    scms_parse_positive_integer              (const char  *text,
                                                      gint64      *out_value);

G_END_DECLS
