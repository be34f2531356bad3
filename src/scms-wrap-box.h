/* scms-wrap-box.h — a row of widgets that becomes a column when narrow
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SCMS_TYPE_WRAP_BOX (scms_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (ScmsWrapBox, scms_wrap_box, SCMS, WRAP_BOX, GtkWidget)

GtkWidget *scms_wrap_box_new         (void);
void       scms_wrap_box_set_spacing (ScmsWrapBox *self,
                                      int          spacing);
gboolean   scms_wrap_box_get_in_row  (ScmsWrapBox *self);

G_END_DECLS
