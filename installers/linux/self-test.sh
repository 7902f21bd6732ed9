#!/usr/bin/env bash
# CI check of the Linux installer: unpack the .deb into a temporary root (no root rights, nothing
# installed on the machine), then start the installed launcher in self-test mode under a virtual
# display: it opens the main window, loads the bundled sample data, runs one simulation and exits 0. The postinst's
# one step (the class-data-sharing archive for the install location) is run first, as an install runs it.
set -euo pipefail
source "$(cd "$(dirname "$0")/.." && pwd)/common.sh"
DEB=$(ls "$DIST_DIR"/switchyard_*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || { echo "self-test: no .deb in $DIST_DIR; run installers/build.sh first" >&2; exit 2; }
ROOTFS=$(mktemp -d)
trap 'rm -rf "$ROOTFS"' EXIT
dpkg-deb -x "$DEB" "$ROOTFS"
LAUNCHER=$(find "$ROOTFS" -path '*/bin/Switchyard' -type f | head -1)
[ -x "$LAUNCHER" ] || { echo "self-test: no launcher in $DEB" >&2; exit 1; }
echo "self-test: $(dpkg-deb -f "$DEB" Package) $(dpkg-deb -f "$DEB" Version), depends: $(dpkg-deb -f "$DEB" Depends)"
DESKTOP=$(find "$ROOTFS" -type f -name '*.desktop' | head -1)
[ -n "$DESKTOP" ] && grep -q '^Categories=' "$DESKTOP" || { echo "self-test: the package has no desktop entry with a menu group" >&2; exit 1; }
# what the package's postinst does on an install (dpkg-deb -x runs no maintainer script): the class-data-sharing
# archive for this location (decision 1110)
ARCHIVER=$(find "$ROOTFS" -path '*/lib/switchyard-class-archive' -type f | head -1)
[ -x "$ARCHIVER" ] || { echo "self-test: no lib/switchyard-class-archive in $DEB" >&2; exit 1; }
grep -q 'switchyard-class-archive' <(dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./postinst) \
  || { echo "self-test: the package's postinst does not write the class archive" >&2; exit 1; }
echo "self-test: postinst step: $("$ARCHIVER" "$(dirname "$(dirname "$ARCHIVER")")")"
echo "self-test: starting $LAUNCHER --self-test"
export HOME="$ROOTFS/home"   # the app writes preferences and JavaFX's native cache here, not in the real home
mkdir -p "$HOME"
xvfb-run -a -s '-screen 0 1280x800x24' timeout 180 "$LAUNCHER" --self-test
echo "self-test: passed"
