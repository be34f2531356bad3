/* scms-mock-server.h — a faithful loopback stand-in for the Sonoran CMS v1 API
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SCMS_MOCK_DEFAULT_COMMUNITY_ID "copperbasinrp"
/* The demo community's key: it protects nothing, it only lets the demo
 * exercise the same request path as a real community. */
#define SCMS_MOCK_DEFAULT_API_KEY      "demo-7c1e4a92-3b5f-4d08-a6c9-2e8f0b7d5a14"
#define SCMS_MOCK_DEFAULT_MEMBERS      160

/**
 * ScmsMockVariant:
 * @SCMS_MOCK_VARIANT_DOCS: replies shaped as the v1 pages document them
 * @SCMS_MOCK_VARIANT_LIVE: replies shaped as the live service sends them
 *   (reference §4: JSON clock records, account in a one-element array with
 *   flat `ranks`, JSON whitelist denials, servers labelled text/plain, 404s)
 */
typedef enum
{
  SCMS_MOCK_VARIANT_DOCS,
  SCMS_MOCK_VARIANT_LIVE,
} ScmsMockVariant;

/**
 * ScmsMockFault:
 *
 * Faults the mock injects into the next replies (see
 * scms_mock_server_inject_fault()).
 */
typedef enum
{
  SCMS_MOCK_FAULT_NONE,
  SCMS_MOCK_FAULT_RATE_LIMIT,          /* 429 with Retry-After (see retry-after) */
  SCMS_MOCK_FAULT_RATE_LIMIT_BARE,     /* 429 without Retry-After */
  SCMS_MOCK_FAULT_SERVER_ERROR,        /* 500, text body */
  SCMS_MOCK_FAULT_SLOW,                /* reply after slow-ms milliseconds */
  SCMS_MOCK_FAULT_DROP,                /* headers and half a body, then the connection closes */
  SCMS_MOCK_FAULT_TRUNCATED_JSON,      /* 200 application/json, body cut in half */
  SCMS_MOCK_FAULT_WRONG_CONTENT_TYPE,  /* the normal body labelled text/html */
  SCMS_MOCK_FAULT_HTML_ERROR,          /* 502 with an HTML error page from a proxy */
  SCMS_MOCK_FAULT_HUGE_BODY,           /* 200 application/json, a 100 MB body */
  SCMS_MOCK_FAULT_INVALID_UTF8,        /* 200, body with invalid UTF-8 */
  SCMS_MOCK_FAULT_WRONG_TYPES,         /* 200, valid JSON with members of the wrong types */
  SCMS_MOCK_FAULT_BACKEND_REACHED,     /* 200 "Sonoran CMS: Backend Service Reached" */
  SCMS_MOCK_FAULT_NOT_ENABLED,         /* 400 "API IS NOT ENABLED FOR THIS COMMUNITY" */
  SCMS_MOCK_FAULT_NOT_FOUND_HTML,      /* 404 with a web server's HTML page: a wrong address */
  SCMS_MOCK_FAULT_ECHO_REQUEST,        /* 400, text: the request body, key and all, as some
                                        * proxies and debugging servers answer */
  SCMS_MOCK_FAULT_REPEATED_MEMBER,     /* GET_ACCOUNTS: the page's last row repeats its first,
                                        * as when members join or leave between pages */
} ScmsMockFault;

#define SCMS_TYPE_MOCK_SERVER (scms_mock_server_get_type ())

G_DECLARE_FINAL_TYPE (ScmsMockServer, scms_mock_server, SCMS, MOCK_SERVER, GObject)

ScmsMockServer  *scms_mock_server_new                (void);
/* Settings: call before start. */
void             scms_mock_server_set_variant        (ScmsMockServer  *self,
                                                      ScmsMockVariant  variant);
void             scms_mock_server_set_members        (ScmsMockServer  *self,
                                                      guint            n_members);
void             scms_mock_server_set_whitelist_size (ScmsMockServer  *self,
                                                      guint            n_entries);
void             scms_mock_server_set_tier           (ScmsMockServer  *self,
                                                      int              tier);
void             scms_mock_server_set_credentials    (ScmsMockServer  *self,
                                                      const char      *community_id,
                                                      const char      *api_key);
/* The mock's own limiter: more than @per_minute requests in any minute get a
 * 429 with Retry-After @retry_after. 0 disables it (default). */
void             scms_mock_server_set_rate_limit     (ScmsMockServer  *self,
                                                      guint            per_minute,
                                                      guint            retry_after);

/* Starts serving on 127.0.0.1:@port (0 = any free port) from a thread of its
 * own, so a busy client main loop never slows the mock down, nor the reverse. */
gboolean         scms_mock_server_start              (ScmsMockServer  *self,
                                                      guint            port,
                                                      GError         **error);
void             scms_mock_server_stop               (ScmsMockServer  *self);
/* "http://127.0.0.1:PORT" without a trailing slash; NULL before start. */
const char      *scms_mock_server_get_url            (ScmsMockServer  *self);
guint            scms_mock_server_get_port           (ScmsMockServer  *self);

/* Thread-safe at any time. @count replies get the fault (G_MAXUINT = until
 * cleared); @path limits it to one endpoint path ("/servers/full_whitelist"),
 * NULL for any. */
void             scms_mock_server_inject_fault       (ScmsMockServer  *self,
                                                      ScmsMockFault    fault,
                                                      const char      *path,
                                                      guint            count);
void             scms_mock_server_clear_faults       (ScmsMockServer  *self);
void             scms_mock_server_set_slow_ms        (ScmsMockServer  *self,
                                                      guint            milliseconds);
void             scms_mock_server_set_retry_after    (ScmsMockServer  *self,
                                                      guint            seconds);
/* Requests received (all, or for one path), and the reset. */
guint            scms_mock_server_get_request_count  (ScmsMockServer  *self,
                                                      const char      *path);
void             scms_mock_server_reset_counts       (ScmsMockServer  *self);
/* What clients sent, for tests: off by default; kept until the reset. */
void             scms_mock_server_set_record_requests (ScmsMockServer *self,
                                                       gboolean        record);
char           **scms_mock_server_dup_request_bodies (ScmsMockServer  *self,
                                                      const char      *path);
/* The largest number of requests received within any one second so far. */
guint            scms_mock_server_get_peak_per_second (ScmsMockServer *self);

G_END_DECLS
