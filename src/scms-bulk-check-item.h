/* scms-bulk-check-item.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ScmsBulkStatus:
 * @SCMS_BULK_STATUS_CHECKING: waiting for, or in, a verify_whitelist call
 * @SCMS_BULK_STATUS_ALLOWED: on the whitelist
 * @SCMS_BULK_STATUS_BYPASSED: allowed through a whitelist bypass
 * @SCMS_BULK_STATUS_NOT_ALLOWED: not allowed, or blocked
 * @SCMS_BULK_STATUS_UNKNOWN: no member has it, or it could not be checked
 * @SCMS_BULK_STATUS_INVALID: not a usable identifier; nothing was sent
 * @SCMS_BULK_STATUS_NOT_CHECKED: the check was cancelled before this one
 *
 * Where one identifier of a bulk check stands.
 */
typedef enum
{
  SCMS_BULK_STATUS_CHECKING,
  SCMS_BULK_STATUS_ALLOWED,
  SCMS_BULK_STATUS_BYPASSED,
  SCMS_BULK_STATUS_NOT_ALLOWED,
  SCMS_BULK_STATUS_UNKNOWN,
  SCMS_BULK_STATUS_INVALID,
  SCMS_BULK_STATUS_NOT_CHECKED,
} ScmsBulkStatus;

#define SCMS_TYPE_BULK_CHECK_ITEM (scms_bulk_check_item_get_type ())

G_DECLARE_FINAL_TYPE (ScmsBulkCheckItem, scms_bulk_check_item, SCMS, BULK_CHECK_ITEM, GObject)

ScmsBulkCheckItem *scms_bulk_check_item_new             (const char        *identifier,
                                                         const char        *normalized);
const char        *scms_bulk_check_item_get_identifier  (ScmsBulkCheckItem *self);
const char        *scms_bulk_check_item_get_normalized  (ScmsBulkCheckItem *self);
ScmsBulkStatus     scms_bulk_check_item_get_status      (ScmsBulkCheckItem *self);
const char        *scms_bulk_check_item_get_status_text (ScmsBulkCheckItem *self);
const char        *scms_bulk_check_item_get_name        (ScmsBulkCheckItem *self);
const char        *scms_bulk_check_item_get_detail      (ScmsBulkCheckItem *self);
void               scms_bulk_check_item_set_result      (ScmsBulkCheckItem *self,
                                                         ScmsBulkStatus     status,
                                                         const char        *name,
                                                         const char        *detail);
const char        *scms_bulk_status_get_label           (ScmsBulkStatus     status);

G_END_DECLS
