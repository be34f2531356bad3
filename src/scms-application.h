/* scms-application.h
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

#include <adwaita.h>

#include "scms-types.h"

G_BEGIN_DECLS

#define SCMS_TYPE_APPLICATION (scms_application_get_type ())

G_DECLARE_FINAL_TYPE (ScmsApplication, scms_application, SCMS, APPLICATION, AdwApplication)

ScmsApplication *scms_application_new         (const char      *application_id,
                                               GApplicationFlags flags);
const char      *scms_application_get_api_url (ScmsApplication *self);

G_END_DECLS
