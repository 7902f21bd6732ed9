#!/usr/bin/env bash
# macOS installer (.dmg) with jpackage. Must run on a Mac with a JDK 17 (jpackage cannot cross-build);
# not built or tested in this project's CI, which runs on Linux.
set -euo pipefail
source "$(cd "$(dirname "$0")/.." && pwd)/common.sh"
VERSION=$(project_version)
STAGE=$(stage_input)
mkdir -p "$DIST_DIR"
jpackage --type dmg \
  --name "$APP_NAME" --app-version "$VERSION" --vendor "$VENDOR" --description "$DESCRIPTION" \
  --input "$STAGE" --main-jar switchyard-app.jar --main-class "$MAIN_CLASS" \
  --java-options '-Dswitchyard.sample.dir=$APPDIR/sample-data' \
  --icon "$INSTALLERS_DIR/icon/switchyard.icns" \
  --mac-package-identifier dev.switchyard.app --mac-package-name "$APP_NAME" \
  --add-modules "$JLINK_MODULES" --jlink-options "$JLINK_OPTIONS" \
  --dest "$DIST_DIR"
