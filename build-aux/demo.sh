#!/bin/sh
# build-aux/demo.sh — the README's demo command: install what is missing,
# build, and open Sonoran Admin on the built-in demo community (a loopback
# mock of the Sonoran CMS API; no credentials, no keyring writes).
set -eu

cd "$(dirname "$0")/.."
BUILDDIR=${BUILDDIR:-build}

build-aux/install-deps.sh build

if [ ! -f "$BUILDDIR/build.ninja" ]; then
  meson setup "$BUILDDIR"
fi
meson compile -C "$BUILDDIR"

# The schema is compiled into the build folder; run from there uninstalled.
GSETTINGS_SCHEMA_DIR="$PWD/$BUILDDIR/data" exec "$BUILDDIR/src/sonoran-admin" --demo "$@"
