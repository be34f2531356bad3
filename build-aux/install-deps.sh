#!/bin/sh
# build-aux/install-deps.sh — install the Debian 12 packages Sonoran Admin needs
# to build, run and test. Idempotent: does nothing when everything is present.
#
# Usage: build-aux/install-deps.sh [build|test|all|bench|fuzz|valgrind]   (default: all)
#   fuzz: build + clang for the libFuzzer targets; valgrind: test + valgrind
set -eu

build_pkgs="meson ninja-build pkgconf gcc libc6-dev
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  gettext desktop-file-utils appstream libxml2-utils
  adwaita-icon-theme fonts-dejavu-core libgl1-mesa-dri libegl-mesa0
  gsettings-desktop-schemas"

test_pkgs="xvfb xauth x11-utils libxtst6 imagemagick libgtk-4-bin
  dbus dbus-bin gnome-keyring libsecret-tools
  at-spi2-core python3 python3-gi python3-pyatspi gir1.2-atspi-2.0"

fuzz_pkgs="clang libclang-rt-14-dev"

case "${1:-all}" in
  build) pkgs=$build_pkgs ;;
  test|all) pkgs="$build_pkgs $test_pkgs" ;;
  bench) pkgs="$build_pkgs $test_pkgs nodejs curl valgrind" ;;
  fuzz) pkgs="$build_pkgs $fuzz_pkgs" ;;
  valgrind) pkgs="$build_pkgs $test_pkgs valgrind" ;;
  *) echo "usage: $0 [build|test|all|bench|fuzz|valgrind]" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi

echo "Installing:$missing" >&2
$SUDO apt-get update -q
# dbus-x11 must never be pulled in (it autolaunches stray session buses).
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
