#!/bin/sh
# build-aux/sanitize.sh — run the whole test suite in an ASan + UBSan build
#
# Copyright 2026 The Sonoran Admin authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/sanitize.sh [MESON TEST OPTION…]
#   BUILDDIR=build-asan   the gcc build directory it configures
#
# Configures $BUILDDIR with -Db_sanitize=address,undefined (gcc) and runs
# build-aux/run-tests.sh on it, i.e. every suite headless exactly as CI
# does. tests/meson.build gives every test the sanitizer options: full
# stacks for LeakSanitizer (so that tests/lsan.supp can match the system
# library leaks it lists), stop at the first error, and G_SLICE off so
# that GLib's slice allocator does not hide leaks.
#
# Every report ends its process with an error, which fails the test (the
# end-to-end tests check how the app and the mock ended). As a last net
# for a process whose exit status no test reads, the whole test log is
# searched for reports too: any one makes the exit status non-zero.
set -eu

cd "$(dirname "$0")/.."

BUILDDIR=${BUILDDIR:-build-asan}

build-aux/install-deps.sh all

if [ ! -f "$BUILDDIR/meson-private/coredata.dat" ]; then
  meson setup "$BUILDDIR" -Db_sanitize=address,undefined -Dbuildtype=debug
fi

# Slow unwinding (needed for the suppressions) makes allocation-heavy tests
# several times slower: the mock's 100,000-entry whitelist takes over a minute.
# Every limit on waiting is stretched: test-client's wait for a reply
# (SCMS_TESTS_SLOW), meson's timeouts, and the limits the GUI and
# end-to-end tests put on waiting for the app (SCMS_TESTS_TIME_FACTOR).
factor=3
log="$BUILDDIR/meson-logs/testlog.txt"
rm -f "$log"
status=0
SCMS_TESTS_SLOW=1 SCMS_TESTS_TIME_FACTOR=$factor BUILDDIR=$BUILDDIR \
  build-aux/run-tests.sh --timeout-multiplier "$factor" "$@" || status=$?

# ASan and LSan say "ERROR: …Sanitizer", gcc's UBSan "file:line:col:
# runtime error: …". testlog.txt holds the output of every test.
reports='ERROR: (Address|Leak)Sanitizer|: runtime error: '
if [ ! -f "$log" ]; then
  echo "sanitize.sh: no test log ($log)" >&2
  status=1
elif grep -Eq "$reports" "$log"; then
  echo "sanitize.sh: sanitizer reports in $log:" >&2
  grep -En "$reports" "$log" >&2
  status=1
else
  echo "No ASan, LSan or UBSan report in $log"
fi
exit "$status"
