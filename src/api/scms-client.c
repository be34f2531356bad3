/* scms-client.c
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

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "scms-array-splitter.h"
#include "scms-client.h"
#include "scms-decode.h"
#include "scms-scheduler.h"

/*
 * Every call takes the same path:
 *
 *   public _async  → check the input (nothing is sent when it is bad)
 *   call()         → queue in the community's ScmsScheduler (rate, burst, 429 pause)
 *   scheduled_cb() → build the envelope, POST it (no redirects, TLS verified)
 *   send_cb()      → status line: a 429 pauses the scheduler and fails the call
 *   read_cb()      → read the body in chunks, refusing more than max-reply-size
 *   decode_thread  → §1.4 decoding and model building on a worker thread, so a
 *                    100,000-entry whitelist never stalls the main loop
 *   decoded_cb()   → back on the main context; a call whose cancellable fired
 *                    meanwhile finishes with SCMS_CLIENT_ERROR_CANCELLED
 *
 * A timer started when the request goes out bounds the exchange (the queue
 * wait does not count) and turns into SCMS_CLIENT_ERROR_TIMEOUT.
 *
 * FULL_WHITELIST replies can be tens of megabytes, so they stream: while
 * the body downloads, ScmsArraySplitter cuts it between array elements and
 * the pieces are decoded on worker threads, one per core at most; they
 * land in the caller's ScmsArrayStore in order, whatever is ready in one
 * splice, so the first rows show long before the last byte arrives (see
 * stream_land() and piece_decoded_cb()). Neither json-glib nor the
 * body ever holds the whole reply: bytes are dropped once they are cut.
 */

#define READ_CHUNK_SIZE (64 * 1024)
/* A body, counted in a guint, always has room for one more read. */
G_STATIC_ASSERT ((guint64) SCMS_CLIENT_MAX_MAX_REPLY_SIZE + READ_CHUNK_SIZE <= G_MAXUINT);

/* Work on a reply that gives way to drawing the window waits below the
 * priority GDK draws frames at (G_PRIORITY_HIGH_IDLE + 20): landing
 * streamed pieces, and the next read after READ_YIELD_INTERVAL µs of
 * reading. When every frame takes longer than the refresh interval
 * (software rendering, with no compositor to pace it), the main loop is
 * never idle at that priority, and a large reply stopped for good; such
 * work now runs at the default priority once it has waited BODY_WAIT_LIMIT
 * ms (see body_watchdog_cb()). */
#define BODY_PRIORITY       G_PRIORITY_DEFAULT_IDLE
#define BODY_WAIT_LIMIT     100
#define READ_YIELD_INTERVAL (8 * 1000)

/* The first FEW_AT_A_TIME_UNTIL items land a few per splice: as many as
 * have landed, from FEW_AT_A_TIME to FEW_AT_A_TIME_MAX. Each splice makes
 * a column view lay out all its rows again; in six splices instead of
 * sixteen of 16, the process used 5% less CPU time during the benchmark's
 * load (474 against 502 ms, medians of 15 runs), with the first rows
 * drawn as soon. */
#define FEW_AT_A_TIME       16
#define FEW_AT_A_TIME_MAX   64
#define FEW_AT_A_TIME_UNTIL 256

/* After them, what is decoded lands at most every LAND_INTERVAL ms (the
 * last piece at once): each splice costs every listener of the list a
 * pass (sort model, search, selection, column view). Landing each of the
 * 168 pieces of the benchmark's 100,000-entry whitelist on its own took
 * about 90 ms of the main thread during the load; with this, its CPU
 * there fell from 268 to 175 ms (medians of 5 runs). */
#define LAND_INTERVAL 50

/* Threads decoding pieces at once: one per core, up to this many. */
#define MAX_DECODING 4

/* Bytes already cut into pieces are dropped from the front of the body
 * once there are at least this many, so a streamed reply is never held
 * whole. */
#define DISCARD_SIZE (1024 * 1024)

/* The longest pause a 429 can ask for, in seconds: a day. */
#define MAX_PAUSE (24 * 60 * 60)

/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

/* No server address is this long: longer text was pasted by mistake. */
#define MAX_BASE_URL_LENGTH 2048

typedef gpointer (*DecodeFunc) (const ScmsRawReply  *reply,
                                guint               *total,
                                GError             **error);

typedef struct
{
  gpointer       value;
  GDestroyNotify value_free;
  guint          total;
} Result;

typedef struct
{
  ScmsEndpoint   endpoint;
  JsonNode      *data;
  DecodeFunc     decode;
  GDestroyNotify value_free;

  GCancellable  *caller_cancellable;
  gulong         caller_cancelled_id;
  char          *api_key;     /* as sent, to keep out of error messages */
  ScmsScheduler *lane_held;   /* while the call holds its endpoint's lane */
  GCancellable  *cancellable;
  GSource       *timeout_source;
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *body;
  guint          body_read;   /* bytes of body before the read under way */
  char          *content_type;
  guint          status;
  gint64         begin;
  gint64         reading_since;
  GSource       *read_source;    /* the next read, waiting for a frame */
  GSource       *body_watchdog;  /* see body_watchdog_cb() */
  gboolean       timed_out;
  gboolean       returned;

  /* Streaming (FULL_WHITELIST): see stream_*() */
  ScmsArrayStore    *into;
  ScmsArraySplitter  splitter;
  GPtrArray         *pieces;      /* per piece: GPtrArray of items once decoded */
  guint              n_landed;
  guint              n_landed_items; /* of the piece landing now */
  GSource           *land_source; /* the next landing, on the task's context */
  gint64             landed_at;
  guint              n_decoding;
  gsize              n_discarded; /* bytes dropped from the front of body */
  gboolean           streaming;
  gboolean           eof;
  GError            *stream_error;
} Request;

struct _ScmsClient
{
  GObject        parent_instance;

  SoupSession   *session;
  ScmsScheduler *scheduler;
  char          *base_url;
  char          *community_id;
  char          *api_key;

  double         timeout;
  guint          min_pause;
  gsize          max_reply_size;
  guint          n_sent;

  ScmsSubscription *subscription;
  GListModel    *departments;
  GHashTable    *rank_index;
  GPtrArray     *department_waiters;
};

G_DEFINE_FINAL_TYPE (ScmsClient, scms_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_COMMUNITY_ID,
  PROP_RATE,
  PROP_BURST,
  PROP_TIMEOUT,
  PROP_MIN_PAUSE,
  PROP_MAX_REPLY_SIZE,
  PROP_PAUSED_UNTIL,
  PROP_N_QUEUED,
  PROP_SUBSCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wipe_string (char *str)
{
  if (str != NULL)
    explicit_bzero (str, strlen (str));
  g_free (str);
}

static void
wipe_bytes_free (gpointer data)
{
  GString *string = data;

  explicit_bzero (string->str, string->allocated_len);
  g_string_free (string, TRUE);
}

static void
result_free (gpointer data)
{
  Result *result = data;

  if (result->value != NULL && result->value_free != NULL)
    result->value_free (result->value);
  g_free (result);
}

typedef struct
{
  guint         index;
  char         *json;
  gsize         length;
  GCancellable *cancellable;  /* the request's */
} Piece;

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_free (piece->json);
  g_clear_object (&piece->cancellable);
  g_free (piece);
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* Drops whatever of the request waits on the main loop. */
static void
request_clear_sources (Request *request)
{
  clear_source (&request->timeout_source);
  clear_source (&request->read_source);
  clear_source (&request->land_source);
  clear_source (&request->body_watchdog);
}

/* Calls @func with a reference on @task @delay_ms from now, or when the
 * main loop is next idle, below the priority frames are drawn at, on the
 * context the call was made from. */
static GSource *
body_source_new (GTask       *task,
                 guint        delay_ms,
                 GSourceFunc  func,
                 const char  *name)
{
  GSource *source = delay_ms > 0 ? g_timeout_source_new (delay_ms) : g_idle_source_new ();

  g_source_set_priority (source, BODY_PRIORITY);
  g_source_set_callback (source, func, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, name);
  g_source_attach (source, g_task_get_context (task));

  return source;
}

/* Calls @func with @task's request every @interval_ms (or once, as @func
 * says), on the context the call was made from. The request owns the
 * source and drops it before it is freed (request_clear_sources()). */
static GSource *
request_timeout_new (GTask       *task,
                     guint        interval_ms,
                     GSourceFunc  func,
                     const char  *name)
{
  GSource *source = g_timeout_source_new (interval_ms);

  g_source_set_callback (source, func, g_task_get_task_data (task), NULL);
  g_source_set_static_name (source, name);
  g_source_attach (source, g_task_get_context (task));

  return source;
}

/* Work that waited for an idle main loop since the last turn of the
 * watchdog runs at the default priority, between two frames. */
static gboolean
body_watchdog_cb (gpointer data)
{
  Request *request = data;

  if (request->read_source != NULL)
    g_source_set_priority (request->read_source, G_PRIORITY_DEFAULT);
  if (request->land_source != NULL)
    g_source_set_priority (request->land_source, G_PRIORITY_DEFAULT);

  return G_SOURCE_CONTINUE;
}

/* Lets the next call to the same endpoint go (see scms-scheduler.c). */
static void
request_release_lane (Request *request)
{
  if (request->lane_held == NULL)
    return;

  scms_scheduler_release (request->lane_held, scms_endpoint_get_path (request->endpoint));
  g_clear_object (&request->lane_held);
}

static void
request_free (gpointer data)
{
  Request *request = data;

  request_release_lane (request);

  if (request->caller_cancelled_id != 0)
    g_cancellable_disconnect (request->caller_cancellable, request->caller_cancelled_id);
  request_clear_sources (request);

  g_clear_pointer (&request->data, json_node_unref);
  g_clear_pointer (&request->api_key, wipe_string);
  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_clear_pointer (&request->content_type, g_free);
  g_clear_pointer (&request->pieces, g_ptr_array_unref);
  g_clear_object (&request->into);
  g_clear_error (&request->stream_error);
  g_free (request);
}

static GError *
client_error_new (ScmsClientError code)
{
  return g_error_new_literal (SCMS_CLIENT_ERROR, code, scms_client_error_to_string (code));
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize len;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps the brackets of an IPv6 literal. */
  len = strlen (host);
  if (len > 2 && host[0] == '[' && host[len - 1] == ']')
    bare = g_strndup (host + 1, len - 2);
  else
    bare = g_strdup (host);

  address = g_inet_address_new_from_string (bare);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Whether @text holds white space, which no server address has. */
static gboolean
has_white_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

/**
 * scms_check_base_url:
 * @base_url: a server URL a person typed or chose
 * @error: return location for a #GError
 *
 * Checks that @base_url is an absolute https URL, or an http URL on a
 * loopback host (a local mock or proxy). Plain http elsewhere would send the
 * API key in the clear, so it is refused with %SCMS_CLIENT_ERROR_INSECURE.
 * Blanks, control characters and addresses of more than 2,048 characters
 * are refused as invalid input, before GUri would let some through.
 *
 * Returns: %TRUE if the client may use @base_url
 */
gboolean
scms_check_base_url (const char  *base_url,
                     GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (base_url == NULL || strlen (base_url) > MAX_BASE_URL_LENGTH ||
      !g_utf8_validate (base_url, -1, NULL) || scms_identifier_has_control_characters (base_url) ||
      has_white_space (base_url) ||
      !(uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL)))
    goto invalid;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (host == NULL || host[0] == '\0' ||
      g_uri_get_userinfo (uri) != NULL ||
      g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    goto invalid;

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (is_loopback_host (host))
        return TRUE;

      g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INSECURE,
                           scms_client_error_to_string (SCMS_CLIENT_ERROR_INSECURE));
      return FALSE;
    }

invalid:
  g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT,
                       _("Enter a server address that starts with https://, "
                         "for example https://api.sonorancms.com."));
  return FALSE;
}

static void
scheduler_notify_cb (ScmsClient *self,
                     GParamSpec *pspec,
                     gpointer    scheduler)
{
  if (g_strcmp0 (pspec->name, "paused-until") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED_UNTIL]);
  else if (g_strcmp0 (pspec->name, "n-queued") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUEUED]);
  else if (g_strcmp0 (pspec->name, "rate") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
  else if (g_strcmp0 (pspec->name, "burst") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BURST]);
}

static void
scms_client_constructed (GObject *object)
{
  ScmsClient *self = (ScmsClient *)object;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *key = NULL;

  G_OBJECT_CLASS (scms_client_parent_class)->constructed (object);

  /* No proxy can reach this machine's loopback: one set in the environment
   * (http_proxy) made the demo and any local server unreachable. Not asking
   * the system's proxy resolver also spares loading it (libproxy) on the
   * main thread before the demo's first frame. */
  uri = self->base_url != NULL ? g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL) : NULL;
  if (uri != NULL && is_loopback_host (g_uri_get_host (uri)))
    g_object_set (self->session, "proxy-resolver", NULL, NULL);

  key = g_strconcat (self->base_url ? self->base_url : "", "\n",
                     self->community_id ? self->community_id : "", NULL);
  self->scheduler = scms_scheduler_get_shared (key);
  g_signal_connect_object (self->scheduler, "notify",
                           G_CALLBACK (scheduler_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
scms_client_dispose (GObject *object)
{
  ScmsClient *self = (ScmsClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);

  g_clear_object (&self->session);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->subscription);
  g_clear_object (&self->departments);
  g_clear_pointer (&self->rank_index, g_hash_table_unref);

  G_OBJECT_CLASS (scms_client_parent_class)->dispose (object);
}

static void
scms_client_finalize (GObject *object)
{
  ScmsClient *self = (ScmsClient *)object;

  g_assert (self->department_waiters == NULL || self->department_waiters->len == 0);

  g_clear_pointer (&self->department_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->api_key, wipe_string);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->community_id, g_free);

  G_OBJECT_CLASS (scms_client_parent_class)->finalize (object);
}

static void
scms_client_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScmsClient *self = SCMS_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_COMMUNITY_ID:
      g_value_set_string (value, self->community_id);
      break;

    case PROP_RATE:
      g_value_set_double (value, scms_client_get_rate (self));
      break;

    case PROP_BURST:
      g_value_set_uint (value, scms_client_get_burst (self));
      break;

    case PROP_TIMEOUT:
      g_value_set_double (value, self->timeout);
      break;

    case PROP_MIN_PAUSE:
      g_value_set_uint (value, self->min_pause);
      break;

    case PROP_MAX_REPLY_SIZE:
      g_value_set_uint64 (value, self->max_reply_size);
      break;

    case PROP_PAUSED_UNTIL:
      g_value_set_int64 (value, scms_client_get_paused_until (self));
      break;

    case PROP_N_QUEUED:
      g_value_set_uint (value, scms_client_get_n_queued (self));
      break;

    case PROP_SUBSCRIPTION:
      g_value_set_object (value, self->subscription);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_client_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScmsClient *self = SCMS_CLIENT (object);
  g_autofree char *base_url = NULL;

  switch (prop_id)
    {
    case PROP_BASE_URL:
      /* Keep one spelling so "…/" and "…" share a scheduler and a keyring item. */
      base_url = g_value_dup_string (value);
      if (base_url != NULL)
        {
          gsize len = strlen (base_url);

          while (len > 0 && base_url[len - 1] == '/')
            base_url[--len] = '\0';
        }
      self->base_url = g_steal_pointer (&base_url);
      break;

    case PROP_COMMUNITY_ID:
      self->community_id = g_strstrip (g_value_dup_string (value));
      break;

    case PROP_RATE:
      scms_client_set_rate (self, g_value_get_double (value));
      break;

    case PROP_BURST:
      scms_client_set_burst (self, g_value_get_uint (value));
      break;

    case PROP_TIMEOUT:
      scms_client_set_timeout (self, g_value_get_double (value));
      break;

    case PROP_MIN_PAUSE:
      scms_client_set_min_pause (self, g_value_get_uint (value));
      break;

    case PROP_MAX_REPLY_SIZE:
      scms_client_set_max_reply_size (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scms_client_class_init (ScmsClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = scms_client_constructed;
  object_class->dispose = scms_client_dispose;
  object_class->finalize = scms_client_finalize;
  object_class->get_property = scms_client_get_property;
  object_class->set_property = scms_client_set_property;

  /**
   * ScmsClient:base-url:
   *
   * The server, e.g. %SCMS_PRODUCTION_URL. Checked by scms_client_new().
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         SCMS_PRODUCTION_URL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:community-id:
   *
   * The community ID sent in every envelope.
   */
  properties[PROP_COMMUNITY_ID] =
    g_param_spec_string ("community-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:rate:
   *
   * Sustained calls per second for this community.
   */
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL,
                         0.001, SCMS_SCHEDULER_MAX_RATE, SCMS_CLIENT_DEFAULT_RATE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:burst:
   *
   * Calls that may go out at once.
   */
  properties[PROP_BURST] =
    g_param_spec_uint ("burst", NULL, NULL,
                       1, 100, SCMS_CLIENT_DEFAULT_BURST,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:timeout:
   *
   * Seconds a request may take once sent, reply body included.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_double ("timeout", NULL, NULL,
                         0.01, 3600, SCMS_CLIENT_DEFAULT_TIMEOUT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:min-pause:
   *
   * The shortest pause, in seconds, after the server answers 429. The
   * reference asks for at least a minute, the default: a Retry-After can
   * make the pause longer, never shorter (reference §1.6).
   */
  properties[PROP_MIN_PAUSE] =
    g_param_spec_uint ("min-pause", NULL, NULL,
                       1, MAX_PAUSE, SCMS_CLIENT_DEFAULT_RETRY_AFTER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:max-reply-size:
   *
   * Replies larger than this many bytes are refused with
   * %SCMS_CLIENT_ERROR_TOO_LARGE, so a broken server cannot exhaust memory.
   * At most %SCMS_CLIENT_MAX_MAX_REPLY_SIZE.
   */
  properties[PROP_MAX_REPLY_SIZE] =
    g_param_spec_uint64 ("max-reply-size", NULL, NULL,
                         1024, SCMS_CLIENT_MAX_MAX_REPLY_SIZE, SCMS_CLIENT_DEFAULT_MAX_REPLY_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:paused-until:
   *
   * The monotonic time (g_get_monotonic_time(), µs) until which the
   * community's queue holds every call after a 429, or 0 when not paused.
   */
  properties[PROP_PAUSED_UNTIL] =
    g_param_spec_int64 ("paused-until", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:n-queued:
   *
   * Calls of this community waiting for their turn.
   */
  properties[PROP_N_QUEUED] =
    g_param_spec_uint ("n-queued", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ScmsClient:subscription:
   *
   * The community's plan, as last reported by GET_SUB_VERSION, or %NULL
   * before anyone asked.
   */
  properties[PROP_SUBSCRIPTION] =
    g_param_spec_object ("subscription", NULL, NULL,
                         SCMS_TYPE_SUBSCRIPTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scms_client_init (ScmsClient *self)
{
  self->timeout = SCMS_CLIENT_DEFAULT_TIMEOUT;
  self->min_pause = SCMS_CLIENT_DEFAULT_RETRY_AFTER;
  self->max_reply_size = SCMS_CLIENT_DEFAULT_MAX_REPLY_SIZE;
  self->session = soup_session_new_with_options ("user-agent", "sonoran-admin/" PACKAGE_VERSION,
                                                 "max-conns-per-host", 4,
                                                 NULL);
}

/**
 * scms_client_new:
 * @base_url: the server, e.g. %SCMS_PRODUCTION_URL or %SCMS_STAGING_URL
 * @community_id: the community ID
 * @error: return location for a #GError
 *
 * Creates a client for one community. The API key is set separately with
 * scms_client_set_api_key() and is never exposed as a property.
 *
 * Returns: (transfer full) (nullable): the client, or %NULL if @base_url is
 *   refused (see scms_check_base_url()) or @community_id is empty, overlong
 *   or holds control or invisible characters (white space and invisible
 *   characters around it are trimmed)
 */
ScmsClient *
scms_client_new (const char  *base_url,
                 const char  *community_id,
                 GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (!scms_check_base_url (base_url, error))
    return NULL;

  if (community_id == NULL || !g_utf8_validate (community_id, -1, NULL))
    community_id = "";

  trimmed = scms_identifier_trim (community_id);
  if (trimmed[0] == '\0' || strlen (trimmed) > SCMS_IDENTIFIER_MAX_LENGTH ||
      scms_identifier_has_control_characters (trimmed) ||
      scms_identifier_has_invisible_characters (trimmed))
    {
      g_set_error_literal (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT,
                           _("Enter the community ID shown under API Integration "
                             "in the community’s administrative panel."));
      return NULL;
    }

  return g_object_new (SCMS_TYPE_CLIENT,
                       "base-url", base_url,
                       "community-id", trimmed,
                       NULL);
}

const char *
scms_client_get_base_url (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), NULL);

  return self->base_url;
}

const char *
scms_client_get_community_id (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), NULL);

  return self->community_id;
}

/**
 * scms_client_set_api_key:
 * @self: a #ScmsClient
 * @api_key: (nullable): the community's API key
 *
 * Keeps a copy of the key in memory only; it is wiped when replaced and when
 * the client goes away.
 */
void
scms_client_set_api_key (ScmsClient *self,
                         const char *api_key)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  g_clear_pointer (&self->api_key, wipe_string);
  if (api_key != NULL)
    self->api_key = g_strstrip (g_strdup (api_key));
}

gboolean
scms_client_has_api_key (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), FALSE);

  return self->api_key != NULL && self->api_key[0] != '\0';
}

double
scms_client_get_rate (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), 0);

  return self->scheduler ? scms_scheduler_get_rate (self->scheduler) : SCMS_CLIENT_DEFAULT_RATE;
}

void
scms_client_set_rate (ScmsClient *self,
                      double      rate)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  if (self->scheduler != NULL)
    scms_scheduler_set_rate (self->scheduler, rate);
}

guint
scms_client_get_burst (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), 0);

  return self->scheduler ? scms_scheduler_get_burst (self->scheduler) : SCMS_CLIENT_DEFAULT_BURST;
}

void
scms_client_set_burst (ScmsClient *self,
                       guint       burst)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  if (self->scheduler != NULL)
    scms_scheduler_set_burst (self->scheduler, burst);
}

double
scms_client_get_timeout (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), 0);

  return self->timeout;
}

void
scms_client_set_timeout (ScmsClient *self,
                         double      seconds)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (seconds == self->timeout)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
scms_client_get_min_pause (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), 0);

  return self->min_pause;
}

void
scms_client_set_min_pause (ScmsClient *self,
                           guint       seconds)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));
  g_return_if_fail (seconds >= 1 && seconds <= MAX_PAUSE);

  if (seconds == self->min_pause)
    return;

  self->min_pause = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_PAUSE]);
}

gsize
scms_client_get_max_reply_size (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), 0);

  return self->max_reply_size;
}

void
scms_client_set_max_reply_size (ScmsClient *self,
                                gsize       bytes)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));
  g_return_if_fail (bytes >= 1024 && bytes <= SCMS_CLIENT_MAX_MAX_REPLY_SIZE);

  if (bytes == self->max_reply_size)
    return;

  self->max_reply_size = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_REPLY_SIZE]);
}

/**
 * scms_client_get_paused_until:
 * @self: a #ScmsClient
 *
 * Returns: the monotonic time (µs) until which calls wait after a 429, or 0
 */
gint64
scms_client_get_paused_until (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), 0);

  return self->scheduler ? scms_scheduler_get_paused_until (self->scheduler) : 0;
}

guint
scms_client_get_n_queued (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), 0);

  return self->scheduler ? scms_scheduler_get_n_queued (self->scheduler) : 0;
}

/**
 * scms_client_get_n_sent:
 * @self: a #ScmsClient
 *
 * Returns: how many requests this client has put on the wire
 */
guint
scms_client_get_n_sent (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), 0);

  return self->n_sent;
}

/* The request path. */

/* The shortest run of the API key taken for the key itself. */
#define MIN_KEY_RUN 8

/* An error may quote the server (an unknown code), and a proxy or a
 * debugging server may answer with the request, key and all: the key
 * never leaves the client, whole or cut short by the quote's length
 * limit. Replaces every run of at least MIN_KEY_RUN characters that starts
 * the key with "…". */
static void
error_hide_key (GError     *error,
                const char *api_key)
{
  gsize key_length = api_key != NULL ? strlen (api_key) : 0;
  GString *message;
  const char *p;

  if (error == NULL || key_length == 0)
    return;

  message = g_string_new (NULL);
  for (p = error->message; *p != '\0';)
    {
      gsize run = 0;

      while (run < key_length && p[run] == api_key[run])
        run++;

      if (run >= MIN (MIN_KEY_RUN, key_length))
        {
          g_string_append (message, "…");
          p += run;
        }
      else
        {
          g_string_append_c (message, *p++);
        }
    }

  /* A run may end inside a character of a key that is not ASCII. */
  g_free (error->message);
  error->message = g_utf8_make_valid (message->str, (gssize) message->len);
  g_string_free (message, TRUE);
}

static void
request_return (GTask  *task,
                Result *result,
                GError *error)
{
  Request *request = g_task_get_task_data (task);
  ScmsClient *self = g_task_get_source_object (task);

  /* A streamed call may still have pieces decoding when it fails. */
  if (request->returned)
    {
      g_clear_pointer (&result, result_free);
      g_clear_error (&error);
      return;
    }
  request->returned = TRUE;
  request_clear_sources (request);
  request_release_lane (request);

  /* Its pieces still waiting for a decoder are of no use now. */
  if (request->n_decoding > 0)
    g_cancellable_cancel (request->cancellable);

  /* Whatever happened, a call its owner cancelled ends as cancelled. */
  if (g_cancellable_is_cancelled (request->caller_cancellable))
    {
      g_clear_pointer (&result, result_free);
      g_clear_error (&error);
      error = client_error_new (SCMS_CLIENT_ERROR_CANCELLED);
    }

  /* Never leave half a list behind an error. */
  if (error != NULL && request->into != NULL)
    scms_array_store_remove_all (request->into);

  /* The key sent, and the key now, if another was set meanwhile. */
  error_hide_key (error, request->api_key);
  error_hide_key (error, self->api_key);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result_free);
}

static GError *
map_transport_error (Request      *request,
                     const GError *error)
{
  ScmsClientError code = SCMS_CLIENT_ERROR_NETWORK;

  if (request->timed_out)
    code = SCMS_CLIENT_ERROR_TIMEOUT;
  else if (g_cancellable_is_cancelled (request->caller_cancellable) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    code = SCMS_CLIENT_ERROR_CANCELLED;
  else if (error->domain == G_TLS_ERROR)
    code = SCMS_CLIENT_ERROR_TLS;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = SCMS_CLIENT_ERROR_TIMEOUT;
  else if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
           g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING))
    code = SCMS_CLIENT_ERROR_BAD_RESPONSE;

  g_debug ("%s failed: %s", scms_endpoint_get_path (request->endpoint), error->message);

  return client_error_new (code);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  ScmsRawReply reply = {
    .status = request->status,
    .content_type = request->content_type,
    .body = (const char *)request->body->data,
    .length = request->body->len,
  };
  Result *result = g_new0 (Result, 1);

  result->value_free = request->value_free;
  result->value = request->decode (&reply, &result->total, &error);

  if (error != NULL)
    {
      result_free (result);
      g_task_return_error (task, error);
    }
  else
    {
      g_task_return_pointer (task, result, result_free);
    }
}

static ScmsArrayStore *
request_into (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  return request->into;
}

/* Streaming. */

/* Runs in the decoding pool; takes the reference on @data. */
static void
piece_decode_thread (gpointer data,
                     gpointer user_data)
{
  g_autoptr(GTask) task = data;
  Piece *piece = g_task_get_task_data (task);
  GPtrArray *items;
  GError *error = NULL;
  ScmsRawReply reply = {
    .status = 200,
    .content_type = "application/json",
    .body = piece->json,
    .length = piece->length,
  };

  /* A request that ended needs none of its pieces that wait: with
   * 100,000 entries, they kept both cores busy for a while after it. */
  if (g_cancellable_set_error_if_cancelled (piece->cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The same decoder as a whole reply, with all its guards. */
  items = _scms_decode_full_whitelist_items (&reply, &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, items, (GDestroyNotify)g_ptr_array_unref);
}

/* Pieces of every streamed reply are decoded here, by at most one thread
 * per core: more would only take turns, each keeping its freed json-glib
 * trees in its own malloc arena. Threads take the next piece themselves,
 * without waiting for the main thread. */
static GThreadPool *
get_decode_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *new_pool;

      new_pool = g_thread_pool_new (piece_decode_thread, NULL,
                                    CLAMP (g_get_num_processors (), 1, MAX_DECODING),
                                    FALSE, NULL);
      g_once_init_leave (&pool, new_pool);
    }

  return pool;
}

static void stream_maybe_finish (GTask *task);
static void stream_land         (GTask *task);

static gboolean land_cb (gpointer data);

/* Lands what is ready @delay_ms from now, or when the main loop is next
 * idle. */
static void
stream_land_later (GTask *task,
                   guint  delay_ms)
{
  Request *request = g_task_get_task_data (task);

  g_assert (request->land_source == NULL);

  request->land_source = body_source_new (task, delay_ms, land_cb, "[scms] land whitelist pieces");
}

/* Once the whole body is read, nothing is in flight that the caller's
 * cancellable could stop, while pieces may still be decoding: check it
 * before landing more of the reply. */
static gboolean
stream_return_if_cancelled (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  if (request->returned || !g_cancellable_is_cancelled (request->caller_cancellable))
    return FALSE;

  request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_CANCELLED));

  return TRUE;
}

/* Lands every piece that is next in line, in reply order. The first rows
 * land a few at a time, one main-loop turn each, more each time: a list
 * view builds a row widget for each of the first couple of hundred items
 * it is given, and doing that for a whole first piece held the main loop
 * for 100 ms. */
static void
stream_land (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  guint position, few;

  if (stream_return_if_cancelled (task))
    return;

  if (request->returned || request->stream_error != NULL)
    {
      stream_maybe_finish (task);
      return;
    }

  position = g_list_model_get_n_items (G_LIST_MODEL (request->into));
  few = CLAMP (position, FEW_AT_A_TIME, FEW_AT_A_TIME_MAX);

  /* What is next in line, in reply order; the first rows a few at a time,
   * the rest in one splice: each splice costs its listeners a pass. */
  items = g_ptr_array_new ();
  while (request->n_landed < request->pieces->len &&
         g_ptr_array_index (request->pieces, request->n_landed) != NULL &&
         (position >= FEW_AT_A_TIME_UNTIL || items->len < few))
    {
      GPtrArray *piece = g_ptr_array_index (request->pieces, request->n_landed);
      guint n = piece->len - request->n_landed_items;

      if (position < FEW_AT_A_TIME_UNTIL)
        n = MIN (n, few - items->len);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_ptr_array_index (piece, request->n_landed_items + i));
      request->n_landed_items += n;

      if (request->n_landed_items == piece->len)
        {
          request->n_landed++;
          request->n_landed_items = 0;
        }
    }

  if (items->len > 0)
    {
      scms_array_store_append (request->into, items->pdata, items->len);
      request->landed_at = g_get_monotonic_time ();
    }

  /* More of the first rows wait for the next turn. */
  if (position < FEW_AT_A_TIME_UNTIL && items->len == few &&
      request->land_source == NULL)
    {
      stream_land_later (task, 0);
      return;
    }

  stream_maybe_finish (task);
}

static gboolean
land_cb (gpointer data)
{
  GTask *task = data;
  Request *request = g_task_get_task_data (task);

  g_clear_pointer (&request->land_source, g_source_unref);
  stream_land (task);

  return G_SOURCE_REMOVE;
}

static void
piece_decoded_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  Piece *piece = g_task_get_task_data (G_TASK (res));
  GError *error = NULL;
  GPtrArray *items;
  gboolean last;

  request->n_decoding--;

  items = g_task_propagate_pointer (G_TASK (res), &error);
  if (items == NULL)
    {
      if (request->stream_error == NULL)
        request->stream_error = error;
      else
        g_error_free (error);
      items = g_ptr_array_new ();
    }

  g_ptr_array_index (request->pieces, piece->index) = items;

  /* The last piece lands at once; the others when the landing already
   * due runs, or LAND_INTERVAL after the last one. */
  last = request->eof && request->n_decoding == 0;
  if (last)
    clear_source (&request->land_source);

  if (request->land_source == NULL)
    {
      gint64 wait = request->landed_at + LAND_INTERVAL * 1000 - g_get_monotonic_time ();

      if (!last && wait > 0 &&
          g_list_model_get_n_items (G_LIST_MODEL (request->into)) >= FEW_AT_A_TIME_UNTIL)
        stream_land_later (task, wait / 1000 + 1);
      else
        stream_land (task);
    }

  stream_maybe_finish (task);
}

/* Cuts the complete elements received so far into pieces. */
static void
stream_dispatch (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  const char *data = (const char *)request->body->data;
  gsize start, length;

  while (_scms_array_splitter_take (&request->splitter, data,
                                    request->eof ? 0 : SCMS_ARRAY_SPLITTER_PIECE_SIZE,
                                    &start, &length))
    {
      g_autoptr(GTask) piece_task = NULL;
      Piece *piece;

      if (_scms_array_splitter_is_blank (data + start, length))
        {
          /* Only "[ ]" may have nothing between its brackets. */
          if (request->splitter.n_separators > 0 && request->stream_error == NULL)
            request->stream_error = client_error_new (SCMS_CLIENT_ERROR_BAD_RESPONSE);
          continue;
        }

      piece = g_new0 (Piece, 1);
      piece->index = request->pieces->len;
      piece->cancellable = g_object_ref (request->cancellable);
      piece->json = _scms_array_splitter_dup_piece (data, start, length, &piece->length);
      g_ptr_array_add (request->pieces, NULL);

      request->n_decoding++;
      piece_task = g_task_new (NULL, NULL, piece_decoded_cb, g_object_ref (task));
      g_task_set_source_tag (piece_task, piece_decode_thread);
      /* At the default priority, unlike landing: a piece that cannot come
       * back while frames keep the main loop busy cannot land either. */
      g_task_set_task_data (piece_task, piece, piece_free);
      g_thread_pool_push (get_decode_pool (), g_steal_pointer (&piece_task), NULL);
    }

  /* What was cut is no longer needed in the body. */
  if (request->splitter.start >= DISCARD_SIZE)
    {
      gsize n = request->splitter.start;

      g_byte_array_remove_range (request->body, 0, n);
      _scms_array_splitter_discard (&request->splitter, n);
      request->n_discarded += n;
    }
}

static void
stream_maybe_finish (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  Result *result;

  if (stream_return_if_cancelled (task))
    return;

  if (!request->eof || request->n_decoding > 0 || request->returned ||
      request->land_source != NULL)
    return;

  if (request->stream_error != NULL)
    {
      g_debug ("%s: streamed reply unreadable: %s",
               scms_endpoint_get_path (request->endpoint), request->stream_error->message);
      g_clear_error (&request->stream_error);
      request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_BAD_RESPONSE));
      return;
    }

  result = g_new0 (Result, 1);
  result->value = g_object_ref (request->into);
  result->value_free = g_object_unref;
  request_return (task, result, NULL);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Result *result;

  result = g_task_propagate_pointer (G_TASK (res), &error);

  /* A reply that was not streamed still fills the caller's store: its
   * decoder gives the items, as for a streamed piece. */
  if (result != NULL && request_into (task) != NULL)
    {
      ScmsArrayStore *into = request_into (task);
      GPtrArray *items = result->value;

      scms_array_store_append (into, items->pdata, items->len);

      result->value_free (result->value);
      result->value = g_object_ref (into);
      result->value_free = g_object_unref;
    }

  request_return (task, result, error);
}

static void read_cb (GObject      *object,
                     GAsyncResult *res,
                     gpointer      user_data);

/* Reads the next chunk straight into the end of the body, which counts
 * the room until read_cb() says how much came: a buffer of its own for
 * each read was allocated, shrunk, copied and freed, a tenth of the main
 * thread's work while a large whitelist streamed. Takes @task. */
static void
read_next (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  request->body_read = request->body->len;
  g_byte_array_set_size (request->body, request->body_read + READ_CHUNK_SIZE);
  g_input_stream_read_async (request->stream, request->body->data + request->body_read,
                             READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                             request->cancellable, read_cb, task);
}

static gboolean
read_later_cb (gpointer data)
{
  GTask *task = data;
  Request *request = g_task_get_task_data (task);

  g_clear_pointer (&request->read_source, g_source_unref);
  request->reading_since = g_get_monotonic_time ();
  read_next (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

/* A body is read as fast as it comes, except that every few milliseconds
 * the next read waits for the main loop to draw what is due: a long
 * download must not keep the rows that already arrived from being drawn.
 * Takes @task. */
static void
read_next_or_yield (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  if (g_get_monotonic_time () - request->reading_since < READ_YIELD_INTERVAL)
    {
      read_next (task);
      return;
    }

  request->read_source = body_source_new (task, 0, read_later_cb, "[scms] read reply body");
  g_object_unref (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  ScmsClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) decode_task = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), res, &error);
  g_byte_array_set_size (request->body, request->body_read + MAX (n_read, 0));
  if (n_read < 0)
    {
      request_return (task, NULL, map_transport_error (request, error));
      return;
    }

  if (n_read > 0)
    {
      if (request->n_discarded + request->body->len > self->max_reply_size)
        {
          g_debug ("%s: reply over %" G_GSIZE_FORMAT " bytes, refused",
                   scms_endpoint_get_path (request->endpoint), self->max_reply_size);
          g_cancellable_cancel (request->cancellable);
          request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_TOO_LARGE));
          return;
        }

      if (request->streaming)
        {
          _scms_array_splitter_scan (&request->splitter,
                                     (const char *)request->body->data, request->body->len);
          stream_dispatch (task);
        }

      read_next_or_yield (g_steal_pointer (&task));
      return;
    }

  g_debug ("POST %s → %u, %" G_GSIZE_FORMAT " bytes in %.0f ms",
           scms_endpoint_get_path (request->endpoint), request->status,
           request->n_discarded + request->body->len,
           (g_get_monotonic_time () - request->begin) / 1000.0);

  g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);

  /* The reply is complete: the timeout no longer applies. */
  clear_source (&request->timeout_source);

  /* A streamed array is finished by its pieces; anything else that came
   * (an error text, the wrong shape) takes the ordinary decoder below. */
  if (request->streaming && request->splitter.opened)
    {
      request->eof = TRUE;
      if (!request->splitter.closed || request->splitter.invalid)
        {
          if (request->stream_error == NULL)
            request->stream_error = client_error_new (SCMS_CLIENT_ERROR_BAD_RESPONSE);
        }
      else
        {
          stream_dispatch (task);
        }
      stream_maybe_finish (task);
      return;
    }

  decode_task = g_task_new (NULL, NULL, decoded_cb, g_steal_pointer (&task));
  g_task_set_source_tag (decode_task, decode_thread);
  g_task_set_task_data (decode_task, request, NULL);
  g_task_run_in_thread (decode_task, decode_thread);
}

/* The pause a 429 asks for: its Retry-After, in seconds or as a date,
 * or 0 when it names none. */
static guint
parse_retry_after (SoupMessage *message)
{
  const char *value;
  guint64 seconds;
  char *end = NULL;

  value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                        "Retry-After");
  if (value == NULL)
    return 0;

  seconds = g_ascii_strtoull (value, &end, 10);
  if (end != value && *end == '\0' && seconds > 0)
    return (guint) MIN (seconds, MAX_PAUSE);

  /* An HTTP date. */
  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    if (when != NULL)
      {
        GTimeSpan span = g_date_time_difference (when, now);

        if (span > 0)
          return (guint) MIN (span / G_USEC_PER_SEC + 1, MAX_PAUSE);
      }
  }

  return 0;
}

static void
send_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  ScmsClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  goffset content_length;
  SoupMessageHeaders *headers;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), res, &error);
  if (request->stream == NULL)
    {
      request_return (task, NULL, map_transport_error (request, error));
      return;
    }

  request->status = soup_message_get_status (request->message);
  headers = soup_message_get_response_headers (request->message);
  request->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));

  if (request->status == STATUS_TOO_MANY_REQUESTS)
    {
      /* At least the minute the reference asks for, whatever Retry-After
       * says: production blocks a key that keeps calling for an hour. */
      guint seconds = MAX (parse_retry_after (request->message), self->min_pause);

      /* Never retried: the whole community waits, the call fails. */
      g_debug ("POST %s → 429, pausing %u s", scms_endpoint_get_path (request->endpoint), seconds);
      scms_scheduler_pause (self->scheduler, seconds);
      g_cancellable_cancel (request->cancellable);
      request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_RATE_LIMITED));
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (request->status))
    {
      /* The key is in the body: following a redirect could hand it to
       * another host, so the client never does. */
      g_debug ("POST %s → %u redirect refused", scms_endpoint_get_path (request->endpoint),
               request->status);
      g_cancellable_cancel (request->cancellable);
      request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_BAD_RESPONSE));
      return;
    }

  content_length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      content_length > 0 && (guint64)content_length > self->max_reply_size)
    {
      g_debug ("POST %s: Content-Length %" G_GINT64_FORMAT " refused",
               scms_endpoint_get_path (request->endpoint), (gint64)content_length);
      g_cancellable_cancel (request->cancellable);
      request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_TOO_LARGE));
      return;
    }

  /* A streamed body is dropped as it is cut: it never needs its length. */
  request->streaming = request->into != NULL && SOUP_STATUS_IS_SUCCESSFUL (request->status);
  request->body = g_byte_array_sized_new (content_length > 0 && !request->streaming
                                          ? (guint) MIN (content_length, 1 << 24)
                                          : READ_CHUNK_SIZE);

  if (request->streaming)
    {
      request->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      _scms_array_splitter_init (&request->splitter);
    }
  request->body_watchdog = request_timeout_new (task, BODY_WAIT_LIMIT, body_watchdog_cb,
                                                 "[scms] body watchdog");

  request->reading_since = g_get_monotonic_time ();
  read_next (g_steal_pointer (&task));
}

static gboolean
timeout_cb (gpointer data)
{
  Request *request = data;

  request->timed_out = TRUE;
  g_clear_pointer (&request->timeout_source, g_source_unref);
  g_cancellable_cancel (request->cancellable);

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static GBytes *
build_envelope (ScmsClient *self,
                Request    *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *string;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->community_id);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, self->api_key ? self->api_key : "");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, scms_endpoint_get_type_name (request->endpoint));
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, json_node_ref (request->data));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  /* The envelope holds the key: it lives in a buffer we wipe when libsoup
   * lets go of it. */
  string = g_string_sized_new (256);
  json_generator_to_gstring (generator, string);

  return g_bytes_new_with_free_func (string->str, string->len, wipe_bytes_free, string);
}

static void
scheduled_cb (gpointer data,
              gboolean cancelled)
{
  g_autoptr(GTask) task = data;
  Request *request = g_task_get_task_data (task);
  ScmsClient *self = g_task_get_source_object (task);
  g_autofree char *url = NULL;
  g_autoptr(GBytes) envelope = NULL;
  SoupMessageHeaders *headers;

  /* Let go by the scheduler, the call holds its lane until it returns. */
  if (!cancelled)
    request->lane_held = g_object_ref (self->scheduler);

  if (cancelled || g_cancellable_is_cancelled (request->caller_cancellable))
    {
      request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_CANCELLED));
      return;
    }

  url = g_strconcat (self->base_url, scms_endpoint_get_path (request->endpoint), NULL);
  request->message = soup_message_new (SOUP_METHOD_POST, url);
  if (request->message == NULL)
    {
      request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_INVALID_INPUT));
      return;
    }

  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", "application/json, text/plain");

  envelope = build_envelope (self, request);
  soup_message_set_request_body_from_bytes (request->message, "application/json", envelope);
  request->api_key = g_strdup (self->api_key);

  request->cancellable = g_cancellable_new ();
  if (request->caller_cancellable != NULL)
    request->caller_cancelled_id = g_cancellable_connect (request->caller_cancellable,
                                                          G_CALLBACK (caller_cancelled_cb),
                                                          g_object_ref (request->cancellable),
                                                          g_object_unref);

  request->timeout_source = request_timeout_new (task, (guint)(self->timeout * 1000), timeout_cb,
                                                  "[scms] request timeout");

  request->begin = g_get_monotonic_time ();
  self->n_sent++;

  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           request->cancellable, send_cb, g_steal_pointer (&task));
}

static void
call_into (ScmsClient          *self,
           ScmsEndpoint         endpoint,
           JsonNode            *data,
           DecodeFunc           decode,
           GDestroyNotify       value_free,
           ScmsArrayStore      *into,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* Cancellation is reported in our own domain, see request_return(). */
  g_task_set_check_cancellable (task, FALSE);

  request = g_new0 (Request, 1);
  request->endpoint = endpoint;
  request->data = data;
  request->decode = decode;
  request->value_free = value_free;
  request->into = into ? g_object_ref (into) : NULL;
  request->caller_cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  g_task_set_task_data (task, request, request_free);

  if (!scms_client_has_api_key (self))
    {
      request_return (task, NULL, client_error_new (SCMS_CLIENT_ERROR_INVALID_API_KEY));
      return;
    }

  scms_scheduler_submit (self->scheduler, scms_endpoint_get_path (endpoint), cancellable,
                         scheduled_cb, g_steal_pointer (&task));
}

static void
call (ScmsClient          *self,
      ScmsEndpoint         endpoint,
      JsonNode            *data,
      DecodeFunc           decode,
      GDestroyNotify       value_free,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data,
      gpointer             source_tag)
{
  call_into (self, endpoint, data, decode, value_free, NULL,
             cancellable, callback, user_data, source_tag);
}

static gpointer
finish (ScmsClient    *self,
        GAsyncResult  *result,
        gpointer       source_tag,
        guint         *total,
        GError       **error)
{
  Result *res;
  gpointer value;

  g_return_val_if_fail (SCMS_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  res = g_task_propagate_pointer (G_TASK (result), error);
  if (res == NULL)
    return NULL;

  if (total != NULL)
    *total = res->total;
  value = g_steal_pointer (&res->value);
  result_free (res);

  return value;
}

/* Request data. */

static JsonNode *
data_array (JsonBuilder *object_builder)
{
  JsonNode *array = json_node_new (JSON_NODE_ARRAY);
  JsonArray *items = json_array_new ();

  if (object_builder != NULL)
    json_array_add_element (items, json_builder_get_root (object_builder));
  json_node_take_array (array, items);

  return array;
}

static JsonBuilder *
begin_account (ScmsIdKind  kind,
               const char *normalized)
{
  JsonBuilder *builder = json_builder_new_immutable ();
  gint64 unique_id;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, scms_id_kind_get_key (kind));

  /* uniqueId is a JSON number; long ids stay strings (reference §1.3). */
  if (kind == SCMS_ID_KIND_UNIQUE_ID && scms_parse_positive_integer (normalized, &unique_id))
    json_builder_add_int_value (builder, unique_id);
  else
    json_builder_add_string_value (builder, normalized);

  return builder;
}

static JsonNode *
end_data (JsonBuilder *builder)
{
  g_autoptr(JsonBuilder) owned = builder;

  json_builder_end_object (owned);

  return data_array (owned);
}

static char *
normalize_or_report (ScmsClient          *self,
                     ScmsIdKind           kind,
                     const char          *identifier,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data,
                     gpointer             source_tag)
{
  GError *error = NULL;
  char *normalized;

  if ((guint)kind >= SCMS_N_ID_KINDS)
    {
      g_task_report_error (self, callback, user_data, source_tag,
                           client_error_new (SCMS_CLIENT_ERROR_INVALID_INPUT));
      return NULL;
    }

  normalized = scms_identifier_normalize (kind, identifier, &error);
  if (normalized == NULL)
    g_task_report_error (self, callback, user_data, source_tag, error);

  return normalized;
}

/* The shape of every call about one member and nothing else. */
static void
call_for_member (ScmsClient          *self,
                 ScmsEndpoint         endpoint,
                 ScmsIdKind           kind,
                 const char          *identifier,
                 DecodeFunc           decode,
                 GDestroyNotify       value_free,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  g_autofree char *normalized = NULL;

  if (!(normalized = normalize_or_report (self, kind, identifier, callback, user_data, source_tag)))
    return;

  call (self, endpoint, end_data (begin_account (kind, normalized)), decode, value_free,
        cancellable, callback, user_data, source_tag);
}

/* Decoders, adapted to one signature. */

#define DECODER(name)                                                  \
  static gpointer                                                      \
  decode_##name (const ScmsRawReply  *reply,                           \
                 guint               *total,                           \
                 GError             **error)                           \
  {                                                                    \
    return _scms_decode_##name (reply, error);                         \
  }

DECODER (sub_version)
DECODER (check_com_apiid)
DECODER (com_account)
DECODER (account_ranks)
DECODER (clock_in_out)
DECODER (game_servers)
DECODER (verify_whitelist)
DECODER (departments)
DECODER (profile_fields)
DECODER (current_clock_in)
DECODER (clockin_types)

#undef DECODER

static gpointer
decode_accounts (const ScmsRawReply  *reply,
                 guint               *total,
                 GError             **error)
{
  return _scms_decode_accounts (reply, total, error);
}

/* Endpoints. */

/**
 * scms_client_get_sub_version_async:
 * @self: a #ScmsClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Asks for the community's subscription tier (`GET_SUB_VERSION`), the
 * natural check of the credentials.
 */
void
scms_client_get_sub_version_async (ScmsClient          *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  call (self, SCMS_ENDPOINT_GET_SUB_VERSION, data_array (NULL),
        decode_sub_version, g_object_unref,
        cancellable, callback, user_data, scms_client_get_sub_version_async);
}

/**
 * scms_client_get_sub_version_finish:
 *
 * Returns: (transfer full) (nullable): the subscription
 */
ScmsSubscription *
scms_client_get_sub_version_finish (ScmsClient    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  ScmsSubscription *subscription;

  subscription = finish (self, result, scms_client_get_sub_version_async, NULL, error);

  /* Remembered, so pages can tell what the plan allows without asking. */
  if (subscription != NULL && g_set_object (&self->subscription, subscription))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBSCRIPTION]);

  return subscription;
}

/**
 * scms_client_get_subscription:
 * @self: a #ScmsClient
 *
 * Returns: (transfer none) (nullable): the plan from the last successful
 *   scms_client_get_sub_version_finish(), or %NULL
 */
ScmsSubscription *
scms_client_get_subscription (ScmsClient *self)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), NULL);

  return self->subscription;
}

/**
 * scms_client_check_com_apiid_async:
 * @self: a #ScmsClient
 * @api_id: an API ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Asks which member owns @api_id (`CHECK_COM_APIID`). A person who is not
 * linked finishes with %SCMS_CLIENT_ERROR_NOT_FOUND.
 */
void
scms_client_check_com_apiid_async (ScmsClient          *self,
                                   const char          *api_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  call_for_member (self, SCMS_ENDPOINT_CHECK_COM_APIID, SCMS_ID_KIND_API_ID, api_id,
                   decode_check_com_apiid, g_free,
                   cancellable, callback, user_data, scms_client_check_com_apiid_async);
}

/**
 * scms_client_check_com_apiid_finish:
 *
 * Returns: (transfer full) (nullable): the account name
 */
char *
scms_client_check_com_apiid_finish (ScmsClient    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish (self, result, scms_client_check_com_apiid_async, NULL, error);
}

/**
 * scms_client_get_com_account_async:
 * @self: a #ScmsClient
 * @kind: which key @identifier is
 * @identifier: the member's identifier, as typed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Fetches a member's full account (`GET_COM_ACCOUNT`), in either reply shape.
 */
void
scms_client_get_com_account_async (ScmsClient          *self,
                                   ScmsIdKind           kind,
                                   const char          *identifier,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  call_for_member (self, SCMS_ENDPOINT_GET_COM_ACCOUNT, kind, identifier,
                   decode_com_account, g_object_unref,
                   cancellable, callback, user_data, scms_client_get_com_account_async);
}

/**
 * scms_client_get_com_account_finish:
 *
 * Returns: (transfer full) (nullable): the account
 */
ScmsAccount *
scms_client_get_com_account_finish (ScmsClient    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish (self, result, scms_client_get_com_account_async, NULL, error);
}

/**
 * scms_client_clock_in_out_async:
 * @self: a #ScmsClient
 * @kind: which key @identifier is
 * @identifier: the member's identifier, as typed
 * @action: toggle, or force in or out
 * @type_id: (nullable): a clock-in type from scms_client_get_clockin_types_async()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Clocks a member in or out (`CLOCK_IN_OUT`). Never retried: it toggles.
 */
void
scms_client_clock_in_out_async (ScmsClient          *self,
                                ScmsIdKind           kind,
                                const char          *identifier,
                                ScmsClockAction      action,
                                const char          *type_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *normalized = NULL;
  JsonBuilder *builder;

  g_return_if_fail (SCMS_IS_CLIENT (self));

  if (!(normalized = normalize_or_report (self, kind, identifier, callback, user_data,
                                          scms_client_clock_in_out_async)))
    return;

  builder = begin_account (kind, normalized);
  if (action == SCMS_CLOCK_ACTION_FORCE_IN)
    {
      json_builder_set_member_name (builder, "forceClockIn");
      json_builder_add_boolean_value (builder, TRUE);
    }
  else if (action == SCMS_CLOCK_ACTION_FORCE_OUT)
    {
      json_builder_set_member_name (builder, "forceClockOut");
      json_builder_add_boolean_value (builder, TRUE);
    }

  if (type_id != NULL && type_id[0] != '\0')
    {
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, type_id);
    }

  call (self, SCMS_ENDPOINT_CLOCK_IN_OUT, end_data (builder),
        decode_clock_in_out, g_object_unref,
        cancellable, callback, user_data, scms_client_clock_in_out_async);
}

/**
 * scms_client_clock_in_out_finish:
 *
 * Returns: (transfer full) (nullable): the record opened or closed; see
 *   scms_clock_in_get_clocked_in()
 */
ScmsClockIn *
scms_client_clock_in_out_finish (ScmsClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish (self, result, scms_client_clock_in_out_async, NULL, error);
}

/**
 * scms_client_get_game_servers_async:
 * @self: a #ScmsClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the community's game servers (`GET_GAME_SERVERS`).
 */
void
scms_client_get_game_servers_async (ScmsClient          *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  call (self, SCMS_ENDPOINT_GET_GAME_SERVERS, data_array (NULL),
        decode_game_servers, g_object_unref,
        cancellable, callback, user_data, scms_client_get_game_servers_async);
}

/**
 * scms_client_get_game_servers_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsGameServer
 */
GListModel *
scms_client_get_game_servers_finish (ScmsClient    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish (self, result, scms_client_get_game_servers_async, NULL, error);
}

/**
 * scms_client_verify_whitelist_async:
 * @self: a #ScmsClient
 * @kind: which key @identifier is
 * @identifier: the member's identifier, as typed
 * @server_id: the game server, or 0 to let the server choose
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Asks whether a member may join a game server (`VERIFY_WHITELIST`). A
 * denial is a verdict, not an error.
 */
void
scms_client_verify_whitelist_async (ScmsClient          *self,
                                    ScmsIdKind           kind,
                                    const char          *identifier,
                                    gint64               server_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *normalized = NULL;
  JsonBuilder *builder;

  g_return_if_fail (SCMS_IS_CLIENT (self));

  if (server_id < 0)
    {
      g_task_report_error (self, callback, user_data, scms_client_verify_whitelist_async,
                           client_error_new (SCMS_CLIENT_ERROR_INVALID_INPUT));
      return;
    }

  if (!(normalized = normalize_or_report (self, kind, identifier, callback, user_data,
                                          scms_client_verify_whitelist_async)))
    return;

  builder = begin_account (kind, normalized);
  if (server_id > 0)
    {
      json_builder_set_member_name (builder, "serverId");
      json_builder_add_int_value (builder, server_id);
    }

  call (self, SCMS_ENDPOINT_VERIFY_WHITELIST, end_data (builder),
        decode_verify_whitelist, g_object_unref,
        cancellable, callback, user_data, scms_client_verify_whitelist_async);
}

/**
 * scms_client_verify_whitelist_finish:
 *
 * Returns: (transfer full) (nullable): the verdict
 */
ScmsWhitelistVerdict *
scms_client_verify_whitelist_finish (ScmsClient    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish (self, result, scms_client_verify_whitelist_async, NULL, error);
}

/* Into the caller's store, which is what the call returns. */
static gpointer
decode_full_whitelist_items (const ScmsRawReply  *reply,
                             guint               *total,
                             GError             **error)
{
  return _scms_decode_full_whitelist_items (reply, error);
}

static void
full_whitelist (ScmsClient          *self,
                gint64               server_id,
                ScmsArrayStore      *into,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                gpointer             source_tag)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (server_id <= 0)
    {
      g_task_report_error (self, callback, user_data, source_tag,
                           g_error_new_literal (SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT,
                                                _("Choose a game server.")));
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "serverId");
  json_builder_add_int_value (builder, server_id);

  call_into (self, SCMS_ENDPOINT_FULL_WHITELIST, end_data (g_steal_pointer (&builder)),
             decode_full_whitelist_items, (GDestroyNotify) g_ptr_array_unref, into,
             cancellable, callback, user_data, source_tag);
}

/**
 * scms_client_full_whitelist_async:
 * @self: a #ScmsClient
 * @server_id: the game server, 1 or more
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Downloads everyone allowed on a game server (`FULL_WHITELIST`). The reply
 * is decoded on worker threads while it downloads, however large it is.
 * See scms_client_full_whitelist_into_async() to show rows as they arrive.
 */
void
scms_client_full_whitelist_async (ScmsClient          *self,
                                  gint64               server_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(ScmsArrayStore) store = NULL;

  g_return_if_fail (SCMS_IS_CLIENT (self));

  store = scms_array_store_new (SCMS_TYPE_WHITELIST_ENTRY);
  full_whitelist (self, server_id, store, cancellable, callback, user_data,
                  scms_client_full_whitelist_async);
}

/**
 * scms_client_full_whitelist_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsWhitelistEntry
 */
GListModel *
scms_client_full_whitelist_finish (ScmsClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish (self, result, scms_client_full_whitelist_async, NULL, error);
}

/**
 * scms_client_full_whitelist_into_async:
 * @self: a #ScmsClient
 * @server_id: the game server, 1 or more
 * @store: a #ScmsArrayStore of #ScmsWhitelistEntry to append to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the whole list has arrived, or on failure
 * @user_data: for @callback
 *
 * Like scms_client_full_whitelist_async(), but appends the entries to
 * @store as the reply streams in, in reply order, a few thousand per
 * #GListModel::items-changed, so a list view shows the first rows while the
 * rest downloads. On failure @store is emptied again.
 */
void
scms_client_full_whitelist_into_async (ScmsClient          *self,
                                       gint64               server_id,
                                       ScmsArrayStore      *store,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));
  g_return_if_fail (SCMS_IS_ARRAY_STORE (store));
  g_return_if_fail (g_type_is_a (g_list_model_get_item_type (G_LIST_MODEL (store)),
                                 SCMS_TYPE_WHITELIST_ENTRY));

  full_whitelist (self, server_id, store, cancellable, callback, user_data,
                  scms_client_full_whitelist_into_async);
}

/**
 * scms_client_full_whitelist_into_finish:
 *
 * Returns: %TRUE when the whole whitelist is in the store
 */
gboolean
scms_client_full_whitelist_into_finish (ScmsClient    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(GListModel) store = NULL;

  store = finish (self, result, scms_client_full_whitelist_into_async, NULL, error);

  return store != NULL;
}

/* Departments: fetched once per client and shared by every caller. */

static void
index_departments (ScmsClient *self,
                   GListModel *departments)
{
  guint n = g_list_model_get_n_items (departments);

  g_clear_pointer (&self->rank_index, g_hash_table_unref);
  self->rank_index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmsDepartment) department = g_list_model_get_item (departments, i);
      GListModel *ranks = scms_department_get_ranks (department);
      guint n_ranks = g_list_model_get_n_items (ranks);

      for (guint j = 0; j < n_ranks; j++)
        {
          ScmsRank *rank = g_list_model_get_item (ranks, j);
          const char *id = scms_rank_get_id (rank);

          if (id != NULL && !g_hash_table_contains (self->rank_index, id))
            g_hash_table_insert (self->rank_index, (gpointer)id, rank);
          else
            g_object_unref (rank);
        }
    }
}

static void
departments_fetched_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  ScmsClient *self = SCMS_CLIENT (object);
  g_autoptr(GPtrArray) waiters = NULL;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;

  departments = finish (self, result, departments_fetched_cb, NULL, &error);
  if (departments != NULL)
    {
      g_set_object (&self->departments, departments);
      index_departments (self, departments);
    }

  waiters = g_steal_pointer (&self->department_waiters);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiters, i);

      if (g_cancellable_is_cancelled (g_task_get_cancellable (waiter)))
        g_task_return_error (waiter, client_error_new (SCMS_CLIENT_ERROR_CANCELLED));
      else if (error != NULL)
        g_task_return_error (waiter, g_error_copy (error));
      else
        g_task_return_pointer (waiter, g_object_ref (departments), g_object_unref);
    }

  g_object_unref (self);
}

/**
 * scms_client_get_departments_async:
 * @self: a #ScmsClient
 * @refresh: fetch again even when cached
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets the departments and their ranks (`GET_DEPARTMENTS`). They are fetched
 * once per client and cached; concurrent callers share one request.
 */
void
scms_client_get_departments_async (ScmsClient          *self,
                                   gboolean             refresh,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean in_flight;

  g_return_if_fail (SCMS_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scms_client_get_departments_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->departments != NULL && !refresh)
    {
      g_task_return_pointer (task, g_object_ref (self->departments), g_object_unref);
      return;
    }

  in_flight = self->department_waiters != NULL;
  if (!in_flight)
    self->department_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->department_waiters, g_steal_pointer (&task));

  if (!in_flight)
    call (self, SCMS_ENDPOINT_GET_DEPARTMENTS, data_array (NULL),
          decode_departments, g_object_unref,
          NULL, departments_fetched_cb, g_object_ref (self), departments_fetched_cb);
}

/**
 * scms_client_get_departments_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsDepartment;
 *   shared with the cache, do not modify it
 */
GListModel *
scms_client_get_departments_finish (ScmsClient    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scms_client_get_departments_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * scms_client_lookup_rank:
 * @self: a #ScmsClient
 * @rank_id: a rank UUID
 *
 * Resolves a rank from the cached departments.
 *
 * Returns: (transfer none) (nullable): the rank, or %NULL if the departments
 *   are not cached or do not know it
 */
ScmsRank *
scms_client_lookup_rank (ScmsClient *self,
                         const char *rank_id)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), NULL);

  if (self->rank_index == NULL || rank_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->rank_index, rank_id);
}

static GListModel *
resolve_ranks (ScmsClient         *self,
               const char * const *rank_ids)
{
  GListStore *store = g_list_store_new (SCMS_TYPE_RANK);

  for (guint i = 0; rank_ids != NULL && rank_ids[i] != NULL; i++)
    {
      ScmsRank *rank = scms_client_lookup_rank (self, rank_ids[i]);

      if (rank != NULL)
        g_list_store_append (store, rank);
      else
        {
          g_autoptr(ScmsRank) unresolved = scms_rank_new_unresolved (rank_ids[i]);

          g_list_store_append (store, unresolved);
        }
    }

  return G_LIST_MODEL (store);
}

static void
ranks_departments_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ScmsClient *self = SCMS_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;
  char **rank_ids = g_task_get_task_data (task);

  /* Without departments (plan, outage) the ranks still show, by ID. */
  departments = scms_client_get_departments_finish (self, result, &error);
  if (scms_client_error_is_cancelled (error) || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error (task, client_error_new (SCMS_CLIENT_ERROR_CANCELLED));
      return;
    }

  g_task_return_pointer (task, resolve_ranks (self, (const char * const *)rank_ids),
                         g_object_unref);
}

static void
ranks_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ScmsClient *self = SCMS_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable;
  GError *error = NULL;
  char **rank_ids;

  rank_ids = finish (self, result, ranks_fetched_cb, NULL, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, rank_ids, (GDestroyNotify)g_strfreev);

  if (self->departments != NULL)
    {
      g_task_return_pointer (task, resolve_ranks (self, (const char * const *)rank_ids),
                             g_object_unref);
      return;
    }

  /* Not in the argument list: g_steal_pointer() may be evaluated first. */
  cancellable = g_task_get_cancellable (task);
  scms_client_get_departments_async (self, FALSE, cancellable,
                                     ranks_departments_cb, g_steal_pointer (&task));
}

/**
 * scms_client_get_account_ranks_async:
 * @self: a #ScmsClient
 * @kind: which key @identifier is
 * @identifier: the member's identifier, as typed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets a member's ranks (`GET_ACCOUNT_RANKS`), resolved to names and
 * departments through the cached departments (fetched first if needed).
 */
void
scms_client_get_account_ranks_async (ScmsClient          *self,
                                     ScmsIdKind           kind,
                                     const char          *identifier,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *normalized = NULL;
  GTask *task;

  g_return_if_fail (SCMS_IS_CLIENT (self));

  if (!(normalized = normalize_or_report (self, kind, identifier, callback, user_data,
                                          scms_client_get_account_ranks_async)))
    return;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scms_client_get_account_ranks_async);
  g_task_set_check_cancellable (task, FALSE);

  call (self, SCMS_ENDPOINT_GET_ACCOUNT_RANKS, end_data (begin_account (kind, normalized)),
        decode_account_ranks, (GDestroyNotify)g_strfreev,
        cancellable, ranks_fetched_cb, task, ranks_fetched_cb);
}

/**
 * scms_client_get_account_ranks_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsRank, in reply
 *   order; ranks the departments do not know are unresolved
 */
GListModel *
scms_client_get_account_ranks_finish (ScmsClient    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (SCMS_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scms_client_get_account_ranks_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * scms_client_get_profile_fields_async:
 * @self: a #ScmsClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the community's profile field definitions (`GET_PROFILE_FIELDS`).
 */
void
scms_client_get_profile_fields_async (ScmsClient          *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  call (self, SCMS_ENDPOINT_GET_PROFILE_FIELDS, data_array (NULL),
        decode_profile_fields, g_object_unref,
        cancellable, callback, user_data, scms_client_get_profile_fields_async);
}

/**
 * scms_client_get_profile_fields_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsProfileField
 */
GListModel *
scms_client_get_profile_fields_finish (ScmsClient    *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish (self, result, scms_client_get_profile_fields_async, NULL, error);
}

/**
 * scms_client_get_accounts_async:
 * @self: a #ScmsClient
 * @skip: members to skip
 * @take: page size, clamped to what the API accepts (25–100)
 * @filter: which members
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets one page of the member list (`GET_ACCOUNTS`), every row the server
 * sent: a member can appear twice, on two pages when members join or leave
 * in between, or even on one. Count the next @skip in rows, and leave out
 * the members already shown.
 */
void
scms_client_get_accounts_async (ScmsClient          *self,
                                guint                skip,
                                guint                take,
                                ScmsMemberFilter     filter,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_if_fail (SCMS_IS_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "skip");
  json_builder_add_int_value (builder, skip);
  json_builder_set_member_name (builder, "take");
  json_builder_add_int_value (builder, CLAMP (take, 25, 100));

  switch (filter)
    {
    case SCMS_MEMBER_FILTER_ACTIVE:
      json_builder_set_member_name (builder, "comStatus");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "banned");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, FALSE);
      break;

    case SCMS_MEMBER_FILTER_PENDING:
      json_builder_set_member_name (builder, "comStatus");
      json_builder_add_boolean_value (builder, FALSE);
      break;

    case SCMS_MEMBER_FILTER_BANNED:
      json_builder_set_member_name (builder, "banned");
      json_builder_add_boolean_value (builder, TRUE);
      break;

    case SCMS_MEMBER_FILTER_ARCHIVED:
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, TRUE);
      break;

    case SCMS_MEMBER_FILTER_ALL:
    default:
      break;
    }

  call (self, SCMS_ENDPOINT_GET_ACCOUNTS, end_data (g_steal_pointer (&builder)),
        decode_accounts, g_object_unref,
        cancellable, callback, user_data, scms_client_get_accounts_async);
}

/**
 * scms_client_get_accounts_finish:
 * @self: a #ScmsClient
 * @result: the result
 * @total: (out) (optional): members matching the filter, on all pages
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsAccountSummary
 */
GListModel *
scms_client_get_accounts_finish (ScmsClient    *self,
                                 GAsyncResult  *result,
                                 guint         *total,
                                 GError       **error)
{
  return finish (self, result, scms_client_get_accounts_async, total, error);
}

/**
 * scms_client_get_current_clock_in_async:
 * @self: a #ScmsClient
 * @kind: which key @identifier is
 * @identifier: the member's identifier, as typed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets a member's open shift (`GET_CURRENT_CLOCK_IN`).
 */
void
scms_client_get_current_clock_in_async (ScmsClient          *self,
                                        ScmsIdKind           kind,
                                        const char          *identifier,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  call_for_member (self, SCMS_ENDPOINT_GET_CURRENT_CLOCK_IN, kind, identifier,
                   decode_current_clock_in, g_object_unref,
                   cancellable, callback, user_data, scms_client_get_current_clock_in_async);
}

/**
 * scms_client_get_current_clock_in_finish:
 *
 * Returns: (transfer full) (nullable): the open shift, or %NULL without an
 *   error when the member is not clocked in
 */
ScmsClockIn *
scms_client_get_current_clock_in_finish (ScmsClient    *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish (self, result, scms_client_get_current_clock_in_async, NULL, error);
}

/**
 * scms_client_get_clockin_types_async:
 * @self: a #ScmsClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the configured shift types (`GET_CLOCKIN_TYPES`).
 */
void
scms_client_get_clockin_types_async (ScmsClient          *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SCMS_IS_CLIENT (self));

  call (self, SCMS_ENDPOINT_GET_CLOCKIN_TYPES, data_array (NULL),
        decode_clockin_types, g_object_unref,
        cancellable, callback, user_data, scms_client_get_clockin_types_async);
}

/**
 * scms_client_get_clockin_types_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #ScmsClockInType
 */
GListModel *
scms_client_get_clockin_types_finish (ScmsClient    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish (self, result, scms_client_get_clockin_types_async, NULL, error);
}
