/* scms-account-view.h
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

#include "scms-client.h"

G_BEGIN_DECLS

#define SCMS_TYPE_ACCOUNT_VIEW (scms_account_view_get_type ())

G_DECLARE_FINAL_TYPE (ScmsAccountView, scms_account_view, SCMS, ACCOUNT_VIEW, GtkWidget)

ScmsClient  *scms_account_view_get_client   (ScmsAccountView *self);
void         scms_account_view_set_client   (ScmsAccountView *self,
                                             ScmsClient      *client);
ScmsAccount *scms_account_view_get_account  (ScmsAccountView *self);
void         scms_account_view_set_account  (ScmsAccountView *self,
                                             ScmsAccount     *account);
gboolean     scms_account_view_get_loading  (ScmsAccountView *self);
gboolean     scms_account_view_get_show_ids (ScmsAccountView *self);
void         scms_account_view_set_show_ids (ScmsAccountView *self,
                                             gboolean         show_ids);

G_END_DECLS
