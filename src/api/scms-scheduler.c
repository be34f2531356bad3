/* scms-scheduler.c
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

#include "config.h"

#include <math.h>

#include "scms-scheduler.h"

/*
 * A token bucket in front of a FIFO queue. Sonoran asks for about one call a
 * second sustained and blocks abusers for an hour, so every call of a
 * community waits here for a token; @burst tokens may be saved up so that a
 * click which needs three or four calls still answers at once. A 429 pauses
 * the whole queue (scms_scheduler_pause()) instead of retrying anything.
 *
 * Calls may also name a lane, their endpoint: as the reference asks, and as
 * Sonoran.js does, a lane has at most one call out at a time, and the next
 * one waits until scms_scheduler_release(). Calls of other lanes go past it
 * meanwhile, so a slow whitelist check does not hold up an account's page.
 *
 * Everything happens on the main context the calls are submitted from.
 */

typedef struct
{
  ScmsScheduler     *self;
  GCancellable      *cancellable;
  gulong             cancelled_id;
  ScmsSchedulerFunc  func;
  gpointer           user_data;
  const char        *lane;       /* interned, or NULL */
  gboolean           cancelled;
} Pending;

struct _ScmsScheduler
{
  GObject       parent_instance;

  char         *shared_key;
  GMainContext *context;
  GQueue        queue;
  GSource      *wakeup;
  GSource      *idle;
  GHashTable   *busy_lanes;      /* interned lanes with a call out */

  double        rate;
  double        tokens;
  gint64        last_refill;
  gint64        paused_until;
  guint         burst;
  guint         n_dispatched;
};

G_DEFINE_FINAL_TYPE (ScmsScheduler, scms_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RATE,
  PROP_BURST,
  PROP_PAUSED_UNTIL,
  PROP_N_QUEUED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GHashTable *shared_schedulers;

static void process (ScmsScheduler *self);

static void
pending_finish (Pending  *pending,
                gboolean  cancelled)
{
  ScmsSchedulerFunc func = pending->func;
  gpointer user_data = pending->user_data;

  /* Not from inside the cancellable's handler: see cancelled_cb(). */
  if (pending->cancelled_id != 0)
    g_cancellable_disconnect (pending->cancellable, pending->cancelled_id);
  g_clear_object (&pending->cancellable);
  g_free (pending);

  func (user_data, cancelled);
}

static void
refill (ScmsScheduler *self,
        gint64         now)
{
  double elapsed = (double)(now - self->last_refill) / G_USEC_PER_SEC;

  self->tokens = MIN ((double)self->burst, self->tokens + elapsed * self->rate);
  self->last_refill = now;
}

static gboolean
wakeup_cb (gpointer data)
{
  ScmsScheduler *self = data;

  self->wakeup = NULL;
  process (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_wakeup (ScmsScheduler *self,
                 gint64         when)
{
  gint64 now = g_get_monotonic_time ();
  guint delay_ms;

  /* The context owns the sources; we only keep a pointer while attached. */
  if (self->wakeup != NULL)
    {
      g_source_destroy (self->wakeup);
      self->wakeup = NULL;
    }

  delay_ms = when > now ? (guint) MIN ((when - now + 999) / 1000, G_MAXUINT) : 0;
  self->wakeup = g_timeout_source_new (delay_ms);
  g_source_set_priority (self->wakeup, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->wakeup, wakeup_cb, self, NULL);
  g_source_set_static_name (self->wakeup, "[scms] scheduler wakeup");
  g_source_attach (self->wakeup, self->context);
  g_source_unref (self->wakeup);
}

static void
process (ScmsScheduler *self)
{
  gint64 now = g_get_monotonic_time ();
  guint n_before = self->queue.length;

  g_object_ref (self);

  /* Calls cancelled while they waited leave the queue first. */
  for (GList *l = self->queue.head; l != NULL;)
    {
      GList *next = l->next;
      Pending *pending = l->data;

      if (pending->cancelled)
        {
          g_queue_delete_link (&self->queue, l);
          pending_finish (pending, TRUE);
        }

      l = next;
    }

  if (self->paused_until != 0 && now >= self->paused_until)
    {
      self->paused_until = 0;
      self->last_refill = now;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED_UNTIL]);
    }

  refill (self, now);

  /* In order, passing over calls whose lane has one out: their turn comes
   * with scms_scheduler_release(). */
  for (GList *l = self->queue.head; l != NULL;)
    {
      Pending *pending = l->data;

      if (pending->lane != NULL && g_hash_table_contains (self->busy_lanes, pending->lane))
        {
          l = l->next;
          continue;
        }

      if (self->paused_until != 0)
        {
          schedule_wakeup (self, self->paused_until);
          break;
        }

      if (self->tokens < 1.0)
        {
          double wait = (1.0 - self->tokens) / self->rate;

          schedule_wakeup (self, now + (gint64) ceil (wait * G_USEC_PER_SEC));
          break;
        }

      self->tokens -= 1.0;
      self->n_dispatched++;
      if (pending->lane != NULL)
        g_hash_table_add (self->busy_lanes, (gpointer) pending->lane);

      /* @func may queue more calls, at the tail: take the next link after. */
      g_queue_delete_link (&self->queue, l);
      pending_finish (pending, FALSE);
      l = self->queue.head;
    }

  /* An expired pause must be noticed even when nothing waits. */
  if (self->queue.length == 0 && self->paused_until != 0)
    schedule_wakeup (self, self->paused_until);

  if (n_before != self->queue.length)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUEUED]);

  g_object_unref (self);
}

static gboolean
idle_cb (gpointer data)
{
  ScmsScheduler *self = data;

  self->idle = NULL;
  process (self);

  return G_SOURCE_REMOVE;
}

static void
queue_process (ScmsScheduler *self)
{
  if (self->idle != NULL)
    return;

  self->idle = g_idle_source_new ();
  g_source_set_priority (self->idle, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->idle, idle_cb, self, NULL);
  g_source_set_static_name (self->idle, "[scms] scheduler");
  g_source_attach (self->idle, self->context);
  g_source_unref (self->idle);
}

static void
cancelled_cb (GCancellable *cancellable,
              Pending      *pending)
{
  /* We may not disconnect from within the handler, and the caller may be
   * deep in its own code: just mark it and let the main loop finish it. */
  pending->cancelled = TRUE;
  queue_process (pending->self);
}

static void
scms_scheduler_dispose (GObject *object)
{
  ScmsScheduler *self = (ScmsScheduler *)object;
  Pending *pending;

  while ((pending = g_queue_pop_head (&self->queue)))
    pending_finish (pending, TRUE);

  if (self->wakeup != NULL)
    g_source_destroy (self->wakeup);
  self->wakeup = NULL;
  if (self->idle != NULL)
    g_source_destroy (self->idle);
  self->idle = NULL;
  g_hash_table_remove_all (self->busy_lanes);

  G_OBJECT_CLASS (scms_scheduler_parent_class)->dispose (object);
}

static void
scms_scheduler_finalize (GObject *object)
{
  ScmsScheduler *self = (ScmsScheduler *)object;

  if (self->shared_key != NULL && shared_schedulers != NULL)
    g_hash_table_remove (shared_schedulers, self->shared_key);

  g_clear_pointer (&self->shared_key, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->busy_lanes, g_hash_table_unref);

  G_OBJECT_CLASS (scms_scheduler_parent_class)->finalize (object);
}

static void
scms_scheduler_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScmsScheduler *self = SCMS_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_RATE:
      g_value_set_double (value, scms_scheduler_get_rate (self));
      break;

    case PROP_BURST:
      g_value_set_uint (value, scms_scheduler_get_burst (self));
      break;

    case PROP_PAUSED_UNTIL:
      g_value_set_int64 (value, scms_scheduler_get_paused_until (self));
      break;

    case PROP_N_QUEUED:
      g_value_set_uint (value, scms_scheduler_get_n_queued (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_scheduler_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScmsScheduler *self = SCMS_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_RATE:
      scms_scheduler_set_rate (self, g_value_get_double (value));
      break;

    case PROP_BURST:
      scms_scheduler_set_burst (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_scheduler_class_init (ScmsSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scms_scheduler_dispose;
  object_class->finalize = scms_scheduler_finalize;
  object_class->get_property = scms_scheduler_get_property;
  object_class->set_property = scms_scheduler_set_property;

  /**
   * ScmsScheduler:rate:
   *
   * Sustained calls per second, at most %SCMS_SCHEDULER_MAX_RATE.
   */
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL,
                         0.001, SCMS_SCHEDULER_MAX_RATE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsScheduler:burst:
   *
   * How many calls may go out at once after a quiet spell.
   */
  properties[PROP_BURST] =
    g_param_spec_uint ("burst", NULL, NULL,
                       1, 100, 4,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsScheduler:paused-until:
   *
   * The monotonic time (µs) until which nothing is sent after a 429, or 0.
   */
  properties[PROP_PAUSED_UNTIL] =
    g_param_spec_int64 ("paused-until", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsScheduler:n-queued:
   *
   * Calls waiting for their turn.
   */
  properties[PROP_N_QUEUED] =
    g_param_spec_uint ("n-queued", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_scheduler_init (ScmsScheduler *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->rate = 1.0;
  self->burst = 4;
  self->tokens = self->burst;
  self->last_refill = g_get_monotonic_time ();
  self->busy_lanes = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->queue);
}

/**
 * scms_scheduler_new:
 * @rate: sustained calls per second
 * @burst: calls that may go out at once
 *
 * Returns: (transfer full): a new scheduler, bound to the thread-default
 *   main context
 */
ScmsScheduler *
scms_scheduler_new (double rate,
                    guint  burst)
{
  g_return_val_if_fail (rate > 0, NULL);
  g_return_val_if_fail (burst > 0, NULL);

  return g_object_new (SCMS_TYPE_SCHEDULER,
                       "rate", MIN (rate, SCMS_SCHEDULER_MAX_RATE),
                       "burst", burst,
                       NULL);
}

/**
 * scms_scheduler_get_shared:
 * @key: what the limit applies to, e.g. the base URL and the community ID
 *
 * Gets the scheduler of @key, so that every client of one community shares
 * one rate and one pause. Main thread only.
 *
 * Returns: (transfer full): the scheduler, created with the defaults if none
 *   was alive
 */
ScmsScheduler *
scms_scheduler_get_shared (const char *key)
{
  ScmsScheduler *self;

  g_return_val_if_fail (key != NULL, NULL);

  if (shared_schedulers == NULL)
    shared_schedulers = g_hash_table_new (g_str_hash, g_str_equal);

  self = g_hash_table_lookup (shared_schedulers, key);
  if (self != NULL)
    return g_object_ref (self);

  self = scms_scheduler_new (1.0, 4);
  self->shared_key = g_strdup (key);
  g_hash_table_insert (shared_schedulers, self->shared_key, self);

  return self;
}

double
scms_scheduler_get_rate (ScmsScheduler *self)
{
  g_return_val_if_fail (SCMS_IS_SCHEDULER (self), 0);

  return self->rate;
}

void
scms_scheduler_set_rate (ScmsScheduler *self,
                         double         rate)
{
  g_return_if_fail (SCMS_IS_SCHEDULER (self));
  g_return_if_fail (rate > 0);

  rate = MIN (rate, SCMS_SCHEDULER_MAX_RATE);
  if (rate == self->rate)
    return;

  refill (self, g_get_monotonic_time ());
  self->rate = rate;
  queue_process (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

guint
scms_scheduler_get_burst (ScmsScheduler *self)
{
  g_return_val_if_fail (SCMS_IS_SCHEDULER (self), 0);

  return self->burst;
}

void
scms_scheduler_set_burst (ScmsScheduler *self,
                          guint          burst)
{
  g_return_if_fail (SCMS_IS_SCHEDULER (self));
  g_return_if_fail (burst > 0);

  if (burst == self->burst)
    return;

  self->burst = burst;
  self->tokens = MIN (self->tokens, (double)burst);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BURST]);
}

/**
 * scms_scheduler_submit:
 * @self: a #ScmsScheduler
 * @lane: (nullable): the call's endpoint, which has one call out at a time
 * @cancellable: (nullable): cancels the wait
 * @func: called exactly once, when the call may go or when it was cancelled
 * @user_data: for @func
 *
 * Queues a call. @func is never called from within this function. When it
 * is called to let a call with a @lane go, the lane stays taken until
 * scms_scheduler_release().
 */
void
scms_scheduler_submit (ScmsScheduler     *self,
                       const char        *lane,
                       GCancellable      *cancellable,
                       ScmsSchedulerFunc  func,
                       gpointer           user_data)
{
  Pending *pending;

  g_return_if_fail (SCMS_IS_SCHEDULER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (func != NULL);

  pending = g_new0 (Pending, 1);
  pending->self = self;
  pending->func = func;
  pending->user_data = user_data;
  pending->lane = g_intern_string (lane);
  g_queue_push_tail (&self->queue, pending);

  if (cancellable != NULL)
    {
      pending->cancellable = g_object_ref (cancellable);
      /* Runs cancelled_cb() at once when already cancelled. */
      pending->cancelled_id = g_cancellable_connect (cancellable,
                                                     G_CALLBACK (cancelled_cb),
                                                     pending, NULL);
    }

  queue_process (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUEUED]);
}

/**
 * scms_scheduler_release:
 * @self: a #ScmsScheduler
 * @lane: the lane of a call that was let go and is over
 *
 * Frees @lane for the next call queued in it.
 */
void
scms_scheduler_release (ScmsScheduler *self,
                        const char    *lane)
{
  g_return_if_fail (SCMS_IS_SCHEDULER (self));
  g_return_if_fail (lane != NULL);

  if (g_hash_table_remove (self->busy_lanes, g_intern_string (lane)) && self->queue.length > 0)
    queue_process (self);
}

/**
 * scms_scheduler_pause:
 * @self: a #ScmsScheduler
 * @seconds: how long nothing may be sent
 *
 * Holds every queued and future call for @seconds (after a 429).
 * A pause never shortens one already in force.
 */
void
scms_scheduler_pause (ScmsScheduler *self,
                      guint          seconds)
{
  gint64 until;

  g_return_if_fail (SCMS_IS_SCHEDULER (self));

  until = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;
  if (until <= self->paused_until)
    return;

  self->paused_until = until;
  self->tokens = 0;
  schedule_wakeup (self, until);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED_UNTIL]);
}

gint64
scms_scheduler_get_paused_until (ScmsScheduler *self)
{
  g_return_val_if_fail (SCMS_IS_SCHEDULER (self), 0);

  return self->paused_until;
}

guint
scms_scheduler_get_n_queued (ScmsScheduler *self)
{
  g_return_val_if_fail (SCMS_IS_SCHEDULER (self), 0);

  return self->queue.length;
}

guint
scms_scheduler_get_n_dispatched (ScmsScheduler *self)
{
  g_return_val_if_fail (SCMS_IS_SCHEDULER (self), 0);

  return self->n_dispatched;
}
