#!/bin/sh
# build-aux/bench.sh — the performance benchmark (issue 4), outside the tests
#
# Copyright 2026 The Sonoran Admin authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/bench.sh [--runs N]
#
# Builds an optimised tree in build-bench/, starts the project's mock on
# loopback with a 100,000-entry whitelist and 10,000 members, and measures
# the real code path (client, models, list views in a real window under
# Xvfb) against a Node.js fetch + JSON.parse and a curl floor, all in the
# same run. Prints a table of medians with min and max, and writes
# build-bench/bench.json. It never fails on a figure: read them.
#
# The saved reply of (1) is also decoded on its own (json-glib, one thread
# per core, no download and no window): what (1) takes beyond that is the
# price of the rest of the path.
#
# Cold start is also counted in instructions the main thread runs until
# the first frame (callgrind, one run each): the time moves by tens of
# percent with the machine's load, the count by well under one, so it is
# what to compare when a change to startup is small.
set -eu

cd "$(dirname "$0")/.."
BUILDDIR=${BUILDDIR:-build-bench}

build-aux/install-deps.sh bench

if [ ! -f "$BUILDDIR/build.ninja" ]; then
  meson setup "$BUILDDIR" --buildtype=release -Db_ndebug=true -Dbenchmarks=true
fi
meson compile -C "$BUILDDIR"

exec env -u DISPLAY -u WAYLAND_DISPLAY dbus-run-session -- \
  xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' \
  /usr/bin/python3 tests/bench/run.py --build-dir "$BUILDDIR" --source-dir . "$@"
