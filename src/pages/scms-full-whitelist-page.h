/* scms-full-whitelist-page.h
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

/* Most identifiers one bulk check takes. */
#define SCMS_BULK_CHECK_MAX_ITEMS 10000

#define SCMS_TYPE_FULL_WHITELIST_PAGE (scms_full_whitelist_page_get_type ())

G_DECLARE_FINAL_TYPE (ScmsFullWhitelistPage, scms_full_whitelist_page, SCMS, FULL_WHITELIST_PAGE, ScmsPage)

gint64         scms_full_whitelist_page_get_server_id            (ScmsFullWhitelistPage  *self);
void           scms_full_whitelist_page_set_server_id            (ScmsFullWhitelistPage  *self,
                                                                  gint64                  server_id);
GListModel    *scms_full_whitelist_page_get_servers              (ScmsFullWhitelistPage  *self);
GListModel    *scms_full_whitelist_page_get_entries              (ScmsFullWhitelistPage  *self);
void           scms_full_whitelist_page_set_entries              (ScmsFullWhitelistPage  *self,
                                                                  GListModel             *entries);
GListModel    *scms_full_whitelist_page_get_shown                (ScmsFullWhitelistPage  *self);
GtkColumnView *scms_full_whitelist_page_get_column_view          (ScmsFullWhitelistPage  *self);
void           scms_full_whitelist_page_set_search_text          (ScmsFullWhitelistPage  *self,
                                                                  const char             *text);
gboolean       scms_full_whitelist_page_is_busy                  (ScmsFullWhitelistPage  *self);
const char    *scms_full_whitelist_page_get_count_text           (ScmsFullWhitelistPage  *self);
void           scms_full_whitelist_page_export_async             (ScmsFullWhitelistPage  *self,
                                                                  GFile                  *file,
                                                                  GCancellable           *cancellable,
                                                                  GAsyncReadyCallback     callback,
                                                                  gpointer                user_data);
gboolean       scms_full_whitelist_page_export_finish            (ScmsFullWhitelistPage  *self,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);

gboolean       scms_full_whitelist_page_start_bulk_check         (ScmsFullWhitelistPage  *self,
                                                                  const char             *data,
                                                                  gssize                  length,
                                                                  gboolean                csv);
void           scms_full_whitelist_page_open_bulk_file           (ScmsFullWhitelistPage  *self,
                                                                  GFile                  *file);
void           scms_full_whitelist_page_set_bulk_paused          (ScmsFullWhitelistPage  *self,
                                                                  gboolean                paused);
void           scms_full_whitelist_page_cancel_bulk_check        (ScmsFullWhitelistPage  *self);
gboolean       scms_full_whitelist_page_get_bulk_running         (ScmsFullWhitelistPage  *self);
GListModel    *scms_full_whitelist_page_get_bulk_items           (ScmsFullWhitelistPage  *self);
char          *scms_full_whitelist_page_dup_bulk_progress_text   (ScmsFullWhitelistPage  *self);
const char    *scms_full_whitelist_page_get_bulk_message         (ScmsFullWhitelistPage  *self);
void           scms_full_whitelist_page_export_bulk_async        (ScmsFullWhitelistPage  *self,
                                                                  GFile                  *file,
                                                                  GCancellable           *cancellable,
                                                                  GAsyncReadyCallback     callback,
                                                                  gpointer                user_data);
gboolean       scms_full_whitelist_page_export_bulk_finish       (ScmsFullWhitelistPage  *self,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);

G_END_DECLS
