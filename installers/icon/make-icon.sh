#!/usr/bin/env bash
# Regenerates the Switchyard icon in every format the installers need (PNG for Linux, ICO for
# Windows, ICNS for macOS). Needs ImageMagick and, for ICNS, icnsutils (png2icns).
# The motif is a rail switch: one track that splits into three, i.e. routing.
set -euo pipefail
cd "$(dirname "$0")"
CONVERT=/usr/bin/convert
$CONVERT -size 512x512 xc:none \
  -fill '#1f3a5f' -draw 'roundrectangle 16,16 496,496 96,96' \
  -stroke '#f2b134' -strokewidth 34 -fill none \
  -draw 'line 256,440 256,300' \
  -draw 'bezier 256,300 256,200 140,170 120,84' \
  -draw 'line 256,300 256,84' \
  -draw 'bezier 256,300 256,200 372,170 392,84' \
  -stroke none -fill '#ffffff' \
  -draw 'circle 120,84 120,62' -draw 'circle 256,84 256,62' -draw 'circle 392,84 392,62' \
  -draw 'circle 256,440 256,418' \
  switchyard.png
$CONVERT switchyard.png -define icon:auto-resize=256,128,64,48,32,16 switchyard.ico
if command -v png2icns >/dev/null; then
  for s in 16 32 128 256 512; do $CONVERT switchyard.png -resize ${s}x${s} /tmp/switchyard-$s.png; done
  png2icns switchyard.icns /tmp/switchyard-{16,32,128,256,512}.png >/dev/null
fi
