#!/usr/bin/env bash
# Linux installers with jpackage from the project's JDK: an app image and a .deb built from it,
# so the runtime is linked once. Needs fakeroot and binutils (objcopy, for --strip-debug).
set -euo pipefail
source "$(cd "$(dirname "$0")/.." && pwd)/common.sh"
VERSION=$(project_version)
JPACKAGE="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
for tool in fakeroot objcopy; do
  command -v "$tool" >/dev/null || { echo "installers: '$tool' is missing (apt-get install fakeroot binutils)" >&2; exit 2; }
done

STAGE=$(stage_input)
rm -rf "$DIST_DIR" "$BUILD_DIR/image"
mkdir -p "$DIST_DIR" "$BUILD_DIR/image"

echo "installers: app image $APP_NAME $VERSION"
"$JPACKAGE" --type app-image \
  --name "$APP_NAME" --app-version "$VERSION" --vendor "$VENDOR" --description "$DESCRIPTION" \
  --copyright "Copyright Switchyard contributors" \
  --input "$STAGE" --main-jar switchyard-app.jar --main-class "$MAIN_CLASS" \
  --java-options '-Dswitchyard.sample.dir=$APPDIR/sample-data' \
  --java-options '-Xmx4g' \
  --icon "$INSTALLERS_DIR/icon/switchyard.png" \
  --add-modules "$JLINK_MODULES" --jlink-options "$JLINK_OPTIONS" \
  --dest "$BUILD_DIR/image"

echo "installers: .deb"
"$JPACKAGE" --type deb \
  --name "$APP_NAME" --app-version "$VERSION" --vendor "$VENDOR" --description "$DESCRIPTION" \
  --app-image "$BUILD_DIR/image/$APP_NAME" \
  --linux-package-name switchyard \
  --linux-deb-maintainer "maintainers@switchyard.invalid" \
  --linux-menu-group "Office;Finance;" \
  --linux-app-category misc \
  --linux-shortcut \
  --linux-package-deps "libgtk-3-0" \
  --icon "$INSTALLERS_DIR/icon/switchyard.png" \
  --dest "$DIST_DIR"

cp -r "$BUILD_DIR/image/$APP_NAME" "$DIST_DIR/"
echo "installers: built"
ls -la "$DIST_DIR"
du -sh "$DIST_DIR/$APP_NAME" "$DIST_DIR"/*.deb
