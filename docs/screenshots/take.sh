#!/usr/bin/env bash
# Takes the README's screenshots of the real window under Xvfb: every screen at 1280x800 and
# 1920x1080, and the scenario screen in the dark theme. Needs xvfb, xdotool, imagemagick, x11-utils.
# Usage: docs/screenshots/take.sh   (from anywhere; builds the app first if needed)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/docs/screenshots"
DISPLAY_NO=:91

shoot() { # name
  sleep "${SETTLE:-4}"
  DISPLAY=$DISPLAY_NO import -window root "$OUT/$1.png"
  /usr/bin/convert "$OUT/$1.png" -strip -define png:compression-level=9 "$OUT/$1.png"
  echo "  $1.png"
}

keys() { DISPLAY=$DISPLAY_NO xdotool search --sync --name "Switchyard" windowactivate --sync key --clearmodifiers "$@"; }

for size in 1280x800 1920x1080; do
  echo "screenshots at $size"
  Xvfb $DISPLAY_NO -screen 0 ${size}x24 >/dev/null 2>&1 &
  XVFB=$!
  HOME_DIR=$(mktemp -d)   # a fresh user: no remembered window size, theme or files
  HOME="$HOME_DIR" DISPLAY=$DISPLAY_NO "$ROOT/switchyard" app >/dev/null 2>&1 &
  APP=$!
  DISPLAY=$DISPLAY_NO xdotool search --sync --name "Switchyard" >/dev/null
  SETTLE=8 shoot "scenario-$size"
  keys ctrl+1; shoot "data-traffic-$size"
  keys ctrl+3; keys ctrl+shift+a; SETTLE=25 shoot "negotiate-$size"
  keys ctrl+2; keys ctrl+p; keys ctrl+minus ctrl+minus ctrl+minus ctrl+minus ctrl+minus; SETTLE=6 true; sleep 6; keys ctrl+p
  keys ctrl+4; shoot "compare-$size"
  if [ "$size" = 1280x800 ]; then keys ctrl+2 ctrl+d; shoot "scenario-dark-$size"; fi
  kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true
  kill $XVFB 2>/dev/null || true; wait $XVFB 2>/dev/null || true
  rm -rf "$HOME_DIR"
done
