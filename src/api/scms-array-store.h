/* scms-array-store.h
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCMS_TYPE_ARRAY_STORE (scms_array_store_get_type ())

G_DECLARE_FINAL_TYPE (ScmsArrayStore, scms_array_store, SCMS, ARRAY_STORE, GObject)

ScmsArrayStore *scms_array_store_new        (GType            item_type);
void            scms_array_store_append     (ScmsArrayStore  *self,
                                             gpointer        *items,
                                             guint            n_items);
void            scms_array_store_remove_all (ScmsArrayStore  *self);

G_END_DECLS
