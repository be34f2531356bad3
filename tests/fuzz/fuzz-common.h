/* fuzz-common.h — what every libFuzzer target of Sonoran Admin shares
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* The entry points libFuzzer calls; declared here for -Wmissing-prototypes. */
int  LLVMFuzzerInitialize  (int            *argc,
                            char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

void fuzz_install_log_writer (void);
void fuzz_check              (gboolean        condition,
                              const char     *what);

G_END_DECLS
