/* scms-page.h
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
#include "scms-types.h"

G_BEGIN_DECLS

/**
 * ScmsPageState:
 * @SCMS_PAGE_STATE_LOADING: a request is in flight
 * @SCMS_PAGE_STATE_RESULTS: the page shows what the server answered
 * @SCMS_PAGE_STATE_EMPTY: the server answered with nothing to show
 * @SCMS_PAGE_STATE_ERROR: loading failed; see #ScmsPage:error-message
 *
 * The states a page can be in. #ScmsPage:state carries the matching
 * name (`loading`, `results`, `empty`, `error`), which a page's template
 * binds to the `visible-child-name` of its state stack.
 */
typedef enum
{
  SCMS_PAGE_STATE_LOADING,
  SCMS_PAGE_STATE_RESULTS,
  SCMS_PAGE_STATE_EMPTY,
  SCMS_PAGE_STATE_ERROR,
} ScmsPageState;

#define SCMS_TYPE_PAGE (scms_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (ScmsPage, scms_page, SCMS, PAGE, GtkWidget)

/**
 * ScmsPageClass:
 * @parent_class: the parent class
 * @reload: start loading the page from #ScmsPage:client, which is never
 *   %NULL when this is called. Implementations set the loading state, call
 *   the client with scms_page_get_cancellable() and, in the callback, return
 *   quietly when cancelled, else show the results or call
 *   scms_page_show_error().
 * @client_changed: forget what belonged to the old community (results, a
 *   member looked up, a server chosen). Called by scms_page_set_client(),
 *   after the page's request was cancelled and before it loads again.
 */
struct _ScmsPageClass
{
  GtkWidgetClass parent_class;

  void (*reload)         (ScmsPage *self);
  void (*client_changed) (ScmsPage *self);

  /*< private >*/
  gpointer _reserved[7];
};

void           scms_page_class_set_endpoint  (ScmsPageClass *page_class,
                                              ScmsEndpoint   endpoint);
void           scms_page_type_set_title      (GType          page_type,
                                              const char    *title,
                                              const char    *icon_name);
const char    *scms_page_type_get_title      (GType          page_type);
const char    *scms_page_type_get_icon_name  (GType          page_type);
ScmsClient    *scms_page_get_client        (ScmsPage      *self);
void           scms_page_set_client        (ScmsPage      *self,
                                            ScmsClient    *client);
const char    *scms_page_get_title         (ScmsPage      *self);
void           scms_page_set_title         (ScmsPage      *self,
                                            const char    *title);
const char    *scms_page_get_icon_name     (ScmsPage      *self);
void           scms_page_set_icon_name     (ScmsPage      *self,
                                            const char    *icon_name);
ScmsPageState  scms_page_get_state         (ScmsPage      *self);
void           scms_page_set_state         (ScmsPage      *self,
                                            ScmsPageState  state);
void           scms_page_set_loading       (ScmsPage      *self);
gboolean       scms_page_get_refreshing    (ScmsPage      *self);
gboolean       scms_page_get_spinning      (ScmsPage      *self);
const char    *scms_page_get_stale_message (ScmsPage      *self);
void           scms_page_dismiss_stale_message (ScmsPage  *self);
const char    *scms_page_get_error_title   (ScmsPage      *self);
const char    *scms_page_get_error_message (ScmsPage      *self);
void           scms_page_set_error         (ScmsPage      *self,
                                            const char    *title,
                                            const char    *message);
void           scms_page_show_error        (ScmsPage      *self,
                                            const GError  *error);
void           scms_page_show_failure      (ScmsPage      *self,
                                            const GError  *error,
                                            const char    *failure_title);
void           scms_page_show_no_member    (ScmsPage      *self,
                                            const GError  *error);
gboolean       scms_page_get_retryable     (ScmsPage      *self);
GCancellable  *scms_page_get_cancellable   (ScmsPage      *self);
void           scms_page_cancel            (ScmsPage      *self);
void           scms_page_reload            (ScmsPage      *self);
void           scms_page_queue_reload      (ScmsPage      *self);
void           scms_page_add_toast         (ScmsPage      *self,
                                            AdwToast      *toast);

/**
 * ScmsPageBuiltFunc:
 * @self: the page
 * @widget: the widget just built
 *
 * Called by scms_page_build_when_shown() once @widget is built.
 */
typedef void (*ScmsPageBuiltFunc) (ScmsPage  *self,
                                   GtkWidget *widget);

void           scms_page_build_when_shown  (ScmsPage          *self,
                                            AdwBin            *slot,
                                            const char        *resource,
                                            const char        *object_id,
                                            ScmsPageBuiltFunc  built);

G_END_DECLS
