/* scms-util.h — small helpers the widgets share
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  scms_button_set_mnemonic_label (GtkButton  *button,
                                      const char *label);
void  scms_name_buttons              (GtkWidget  *root);
char *scms_format_date_time          (GDateTime  *date_time);
void  scms_follow_clock_format       (gpointer    instance,
                                      GCallback   callback);

AdwToast *scms_toast_new             (const char *text);

void  scms_widget_set_css_class      (GtkWidget  *widget,
                                      const char *css_class,
                                      gboolean    set);
void  scms_mark_invalid              (GtkWidget  *widget,
                                      const char *message);

G_END_DECLS
