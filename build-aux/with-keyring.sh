#!/bin/sh
# build-aux/with-keyring.sh — run a command against a fresh, unlocked gnome-keyring
#
# Copyright 2026 The Sonoran Admin authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: dbus-run-session -- build-aux/with-keyring.sh COMMAND [ARG…]
#
# Starts gnome-keyring-daemon (secrets component only) on the current,
# private session bus with a throw-away keyring in temporary XDG folders,
# unlocked with a random password that is never printed, waits until
# org.freedesktop.secrets is owned, runs COMMAND and returns its exit
# status. The keyring and the temporary folders are removed afterwards.
#
# It refuses to run without DBUS_SESSION_BUS_ADDRESS: it must never touch
# the keyring of a real desktop session, so start it under
# dbus-run-session (with no DISPLAY, so that a keyring prompt that
# D-Bus activation might start has no display and fails at once).
set -eu

me=with-keyring.sh

if [ $# -eq 0 ]; then
  echo "usage: dbus-run-session -- $0 COMMAND [ARG…]" >&2
  exit 2
fi

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "$me: DBUS_SESSION_BUS_ADDRESS is not set; run me under dbus-run-session" >&2
  exit 2
fi

for tool in gnome-keyring-daemon gdbus; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$me: $tool not found (run build-aux/install-deps.sh test)" >&2
    exit 2
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scms-keyring.XXXXXX")
keyring_pid=""

cleanup ()
{
  # The daemon exits with the bus anyway; stop it first so that it does
  # not write into the folder being removed.
  if [ -n "$keyring_pid" ]; then
    kill "$keyring_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
# Keeps the control socket away from a real session's runtime folder.
export XDG_RUNTIME_DIR="$tmp/runtime"
# Never talk to (or unlock) a keyring daemon of an outer session.
unset GNOME_KEYRING_CONTROL GNOME_KEYRING_PID

password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
# printf is a shell builtin: the password is on no command line.
eval "$(printf %s "$password" | gnome-keyring-daemon --unlock --components=secrets)"
password=""
export GNOME_KEYRING_CONTROL

bus_call ()
{
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method "org.freedesktop.DBus.$1" org.freedesktop.secrets 2>/dev/null
}

i=0
until bus_call NameHasOwner | grep -q true; do
  i=$((i + 1))
  if [ "$i" -ge 100 ]; then
    echo "$me: org.freedesktop.secrets did not appear on the session bus within 10 s" >&2
    exit 1
  fi
  sleep 0.1
done

# "(uint32 1234,)" → 1234
keyring_pid=$(bus_call GetConnectionUnixProcessID | sed -n 's/.*uint32 \([0-9][0-9]*\).*/\1/p')

# at-spi-bus-launcher, which D-Bus activates for GTK and pyatspi, puts
# its socket in XDG_RUNTIME_DIR, else in ~/.cache/at-spi/bus, a path every
# other session of this user shares (and replaces): end-to-end tests run
# at the same time would talk to each other's accessibility bus. Give the
# activated services this session's private runtime folder.
if command -v dbus-update-activation-environment >/dev/null 2>&1; then
  dbus-update-activation-environment "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR" >/dev/null 2>&1 || true
fi

# Lets the keyring tests check that they run against this throw-away keyring.
export SCMS_TEST_KEYRING="$XDG_DATA_HOME"

status=0
"$@" || status=$?
exit "$status"
