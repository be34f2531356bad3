#!/bin/sh
# build-aux/valgrind.sh — the unit tests under valgrind memcheck
#
# Copyright 2026 The Sonoran Admin authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/valgrind.sh [MESON TEST OPTION…]
#   BUILDDIR=build   the (ordinary, unsanitized) build directory
#
# Runs the GTK-free unit tests (client, mock, decode, models, the search
# model, identifier, scheduler, array splitter) through valgrind: any
# memory error or definite leak fails the test. GLib's suppressions and
# tests/valgrind.supp (documented leaks inside system libraries only) are
# used; G_SLICE=always-malloc is set by tests/meson.build so that GLib's
# slice allocator hides nothing.
#
# Threads that live until exit (GTask's pool, the mock's server thread,
# the client's pool that decodes streamed pieces) show in the leak summary
# as "possibly lost" (their thread-local storage) or "still reachable":
# neither fails a test, and none needs a suppression. The "indirectly
# lost" blocks hang off libsoup's suppressed leaks (tests/valgrind.supp).
set -eu

cd "$(dirname "$0")/.."

BUILDDIR=${BUILDDIR:-build}

build-aux/install-deps.sh valgrind

if [ ! -f "$BUILDDIR/meson-private/coredata.dat" ]; then
  meson setup "$BUILDDIR"
fi
meson compile -C "$BUILDDIR"

vg="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite"
vg="$vg --num-callers=40"
vg="$vg --suppressions=/usr/share/glib-2.0/valgrind/glib.supp"
vg="$vg --suppressions=$PWD/tests/valgrind.supp"

# Tests skip their speed bounds (SCMS_TESTS_SLOW); and
# under valgrind everything runs 10 to 50 times slower: -t 4 (4 × 120 s).
SCMS_TESTS_SLOW=1 exec meson test -C "$BUILDDIR" --print-errorlogs --wrap="$vg" -t 4 \
  client mock decode models whitelist-search identifier scheduler array-splitter bytes array-store "$@"
