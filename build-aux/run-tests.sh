#!/bin/sh
# build-aux/run-tests.sh — install what is missing, build, and run every test
#
# Copyright 2026 The Sonoran Admin authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/run-tests.sh [MESON TEST OPTION…]   e.g. --suite keyring
#        BUILDDIR=build-asan build-aux/run-tests.sh
#
# The tests run on a private session bus (dbus-run-session, with no
# DISPLAY, so that nothing D-Bus activates can open a window), each on a
# headless X server of its own where it needs one (with-display.sh), with
# a throw-away unlocked gnome-keyring (with-keyring.sh).
# After meson's summary it prints one line counting individual test
# cases, "N passed, N failed[, N skipped]"; skipped cases are listed by
# name, as they are not passes. The exit status is non-zero when meson
# test failed or any case failed.
set -eu

cd "$(dirname "$0")/.."

BUILDDIR=${BUILDDIR:-build}

build-aux/install-deps.sh all

if [ ! -f "$BUILDDIR/meson-private/coredata.dat" ]; then
  meson setup "$BUILDDIR"
fi
meson compile -C "$BUILDDIR"

testlog="$BUILDDIR/meson-logs/testlog.json"
rm -f "$testlog"

# No DISPLAY for the bus: a keyring prompt that D-Bus activation might
# start must fail at once, not open a window (on Xvfb, or on the desktop
# of whoever runs this). Each test that needs a display starts an X
# server of its own (build-aux/with-display.sh, from tests/meson.build).
meson_status=0
env -u DISPLAY -u WAYLAND_DISPLAY dbus-run-session -- \
  build-aux/with-keyring.sh \
  meson test -C "$BUILDDIR" --print-errorlogs "$@" || meson_status=$?

count_status=0
/usr/bin/python3 - "$testlog" <<'EOF' || count_status=$?
# Counts test cases in meson's testlog.json: TAP results one by one,
# other tests by their result. Prints skipped cases by name, then the
# count line. Exits 1 when a case failed or nothing ran.
import json
import re
import sys

TAP_RESULT = re.compile(r"^(not ok|ok)\b\s*(.*)$")
TAP_SKIP_PLAN = re.compile(r"^1\.\.0\b.*#\s*skip\b\s*(.*)$", re.IGNORECASE)
DIRECTIVE = re.compile(r"#\s*(skip|todo)\b", re.IGNORECASE)

passed = failed = skipped = 0
skipped_names = []

try:
    with open(sys.argv[1], encoding="utf-8") as log:
        tests = [json.loads(line) for line in log if line.strip()]
except OSError as error:
    print(f"run-tests.sh: no test log ({error.strerror}): {sys.argv[1]}")
    tests = []

for test in tests:
    name = test.get("name", "?")
    result = test.get("result", "")
    tap_seen = False
    tap_failed = False

    for line in (test.get("stdout") or "").splitlines():
        match = TAP_RESULT.match(line)
        if match:
            tap_seen = True
            status, rest = match.groups()
            directive = DIRECTIVE.search(rest)
            kind = directive.group(1).lower() if directive else None
            if status == "ok" and kind == "skip":
                skipped += 1
                skipped_names.append(f"{name}: {rest}")
            elif status == "ok":
                passed += 1
            elif kind == "todo":
                pass  # an expected failure is neither a pass nor a failure
            else:
                failed += 1
                tap_failed = True
            continue
        match = TAP_SKIP_PLAN.match(line)
        if match:
            tap_seen = True
            skipped += 1
            skipped_names.append(f"{name}: whole test skipped ({match.group(1).strip()})")

    if not tap_seen:
        if result == "OK":
            passed += 1
        elif result == "SKIP":
            skipped += 1
            skipped_names.append(f"{name}: skipped")
        else:
            failed += 1
    elif result not in ("OK", "SKIP") and not tap_failed:
        # Crashed, timed out or exited non-zero after its last TAP line.
        failed += 1

for skipped_name in skipped_names:
    print(f"SKIPPED (not a pass): {skipped_name}")

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)

sys.exit(1 if failed or passed + skipped == 0 else 0)
EOF

if [ "$meson_status" -ne 0 ]; then
  exit "$meson_status"
fi
exit "$count_status"
