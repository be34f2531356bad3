#!/bin/sh
# build-aux/with-display.sh — run a command on a headless X server of its own
#
# Copyright 2026 The Sonoran Admin authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/with-display.sh COMMAND [ARG…]
#
# Starts Xvfb on the first free display number (Xvfb picks it itself, so
# that several of these can start at once), runs COMMAND with DISPLAY
# pointing there, stops the server and returns COMMAND's exit status.
# Without Xvfb it runs COMMAND as it is, on whatever display there is.
#
# tests/meson.build runs every GUI test through it. Tests that share one
# X server share its clipboard and primary selection, and meson runs them
# side by side: a test that copies could read what another one copied.
# And when one test process takes a selection, GDK in every other one
# asks the new owner for its formats (TARGETS). GTK 4.8 does not always
# free those requests when the owner is another test that is busy or
# exiting: LeakSanitizer reported GdkX11SelectionInputStreams and their
# buffers, allocated by GDK's X event handling, in test-connect,
# test-account-page and test-bad-input when they ran beside other GUI
# tests, and nothing when each ran alone (build-aux/sanitize.sh).
set -eu

me=with-display.sh

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG…]" >&2
  exit 2
fi

if ! command -v Xvfb >/dev/null 2>&1; then
  exec "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scms-display.XXXXXX")
xvfb_pid=""

cleanup ()
{
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -displayfd: Xvfb finds a free display number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!

i=0
until [ -s "$tmp/display" ]; do
  i=$((i + 1))
  if [ "$i" -ge 200 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "$me: Xvfb did not start within 10 s:" >&2
    cat "$tmp/xvfb.log" >&2
    exit 1
  fi
  sleep 0.05
done

DISPLAY=:$(cat "$tmp/display")
export DISPLAY
# The server has no access control: no cookie from an outer xvfb-run.
unset XAUTHORITY

status=0
"$@" || status=$?
exit "$status"
