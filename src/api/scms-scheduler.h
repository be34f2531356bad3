/* scms-scheduler.h — the rate-aware queue every request goes through
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The fastest sustained rate anyone may configure, in calls per second. */
#define SCMS_SCHEDULER_MAX_RATE 10.0

/*
 * Called exactly once per submitted call, on the thread-default main context
 * of the submitter: with @cancelled FALSE when the call may go out now, or
 * with @cancelled TRUE when its cancellable fired while it waited (it is then
 * out of the queue and nothing was sent).
 */
typedef void (*ScmsSchedulerFunc) (gpointer user_data,
                                   gboolean cancelled);

#define SCMS_TYPE_SCHEDULER (scms_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (ScmsScheduler, scms_scheduler, SCMS, SCHEDULER, GObject)

ScmsScheduler *scms_scheduler_new              (double             rate,
                                                guint              burst);
ScmsScheduler *scms_scheduler_get_shared       (const char        *key);
double         scms_scheduler_get_rate         (ScmsScheduler     *self);
void           scms_scheduler_set_rate         (ScmsScheduler     *self,
                                                double             rate);
guint          scms_scheduler_get_burst        (ScmsScheduler     *self);
void           scms_scheduler_set_burst        (ScmsScheduler     *self,
                                                guint              burst);
void           scms_scheduler_submit           (ScmsScheduler     *self,
                                                const char        *lane,
                                                GCancellable      *cancellable,
                                                ScmsSchedulerFunc  func,
                                                gpointer           user_data);
void           scms_scheduler_release          (ScmsScheduler     *self,
                                                const char        *lane);
void           scms_scheduler_pause            (ScmsScheduler     *self,
                                                guint              seconds);
gint64         scms_scheduler_get_paused_until (ScmsScheduler     *self);
guint          scms_scheduler_get_n_queued     (ScmsScheduler     *self);
guint          scms_scheduler_get_n_dispatched (ScmsScheduler     *self);

G_END_DECLS
