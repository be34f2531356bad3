/* scms-check-api-id-page.h
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

#include "scms-page.h"

G_BEGIN_DECLS

#define SCMS_TYPE_CHECK_API_ID_PAGE (scms_check_api_id_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsCheckApiIdPage, scms_check_api_id_page, SCMS, CHECK_API_ID_PAGE, ScmsPage)

void        scms_check_api_id_page_set_text        (ScmsCheckApiIdPage *self,
                                                    const char         *text);
gboolean    scms_check_api_id_page_check           (ScmsCheckApiIdPage *self);
const char *scms_check_api_id_page_get_message     (ScmsCheckApiIdPage *self);
gboolean    scms_check_api_id_page_get_checked     (ScmsCheckApiIdPage *self);
const char *scms_check_api_id_page_get_linked_name (ScmsCheckApiIdPage *self);

G_END_DECLS
