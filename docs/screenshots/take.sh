#!/usr/bin/env bash
# Takes the README's screenshots of the real window under Xvfb: every screen at 1280x800 and
# 1920x1080, light and dark, plus the F1 glossary. Needs xvfb, xdotool, imagemagick, x11-utils.
# Usage: docs/screenshots/take.sh   (from anywhere; builds the app first if needed)
# SCENARIO_WAIT / NEGOTIATE_WAIT (seconds) give the planner time on a busy machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/docs/screenshots"
DISPLAY_NO=${DISPLAY_NO:-:97}
SCENARIO_WAIT=${SCENARIO_WAIT:-40}
NEGOTIATE_WAIT=${NEGOTIATE_WAIT:-60}

shoot() { # name
  sleep "${SETTLE:-4}"
  DISPLAY=$DISPLAY_NO import -window root "$OUT/$1.png"
  /usr/bin/convert "$OUT/$1.png" -strip -define png:compression-level=9 "$OUT/$1.png"
  echo "  $1.png"
}

keys() { DISPLAY=$DISPLAY_NO xdotool search --sync --name "^Switchyard —" windowfocus --sync key --clearmodifiers "$@" || true; }

for size in 1280x800 1920x1080; do
  echo "screenshots at $size"
  Xvfb $DISPLAY_NO -screen 0 ${size}x24 >/dev/null 2>&1 &
  XVFB=$!
  sleep 2   # let the X server come up before anyone connects
  HOME_DIR=$(mktemp -d)   # a fresh user: no remembered window size, theme or files
  HOME="$HOME_DIR" DISPLAY=$DISPLAY_NO "$ROOT/switchyard" app >/dev/null 2>&1 &
  APP=$!
  DISPLAY=$DISPLAY_NO xdotool search --sync --name "Switchyard" >/dev/null
  # no window manager under Xvfb: the window fills the screen as a maximised one would
  DISPLAY=$DISPLAY_NO xdotool search --sync --name "^Switchyard —" windowmove 0 0 windowsize "${size%x*}" "${size#*x}" || true
  SETTLE=$SCENARIO_WAIT shoot "scenario-$size"
  keys ctrl+1; shoot "data-traffic-$size"
  keys ctrl+3; keys ctrl+shift+a; SETTLE=$NEGOTIATE_WAIT shoot "negotiate-$size"
  keys ctrl+2; keys ctrl+p; keys ctrl+minus ctrl+minus ctrl+minus ctrl+minus ctrl+minus; sleep 20; keys ctrl+p
  keys ctrl+4; shoot "compare-$size"
  keys F1; shoot "glossary-$size"
  DISPLAY=$DISPLAY_NO xdotool search --name "Switchyard glossary" windowfocus --sync key Escape || true
  keys ctrl+d
  keys ctrl+4; shoot "compare-dark-$size"
  keys ctrl+3; shoot "negotiate-dark-$size"
  keys ctrl+1; shoot "data-traffic-dark-$size"
  keys ctrl+2; shoot "scenario-dark-$size"
  kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true
  kill $XVFB 2>/dev/null || true; wait $XVFB 2>/dev/null || true
  rm -rf "$HOME_DIR"
done
