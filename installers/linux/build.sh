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

# Records lib/app/switchyard.classlist in the app image: the classes the app loads when it opens on the bundled sample
# and answers (its headless self-test under a virtual display, run by the image's own runtime and class path). Without
# xvfb-run the package goes without one, and the installed app writes its own archive at its first start.
record_class_list() {
  local image="$1" app="$1/lib/app" list="$1/lib/app/switchyard.classlist" cp home
  if ! command -v xvfb-run >/dev/null; then
    echo "installers: no xvfb-run: the package carries no class list (apt-get install xvfb)" >&2
    return 0
  fi
  cp=$("$image/lib/switchyard-class-archive" --class-path "$image") || return 0
  home=$(mktemp -d)
  echo "installers: recording the start-up's class list"
  if HOME="$home" xvfb-run -a -s '-screen 0 1280x800x24' timeout 300 "$image/lib/runtime/bin/java" -XX:TieredStopAtLevel=1 \
      -XX:DumpLoadedClassList="$list" -Dswitchyard.sample.dir="$app/sample-data" -cp "$cp" "$MAIN_CLASS" --self-test \
      >"$home/out" 2>&1 && [ -s "$list" ]; then
    echo "installers: class list of $(wc -l <"$list") classes"
  else
    echo "installers: recording the class list failed; the package carries none:" >&2
    tail -n 3 "$home/out" >&2
    rm -f "$list"
  fi
  rm -rf "$home"
}

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

IMAGE="$BUILD_DIR/image/$APP_NAME"
# Class-data sharing for the installed app (decision 1110): the package carries the list of classes a start-up loads
# and a script its postinst runs to write the archive for the install location (an archive is bound to its class path).
cp "$INSTALLERS_DIR/linux/class-archive.sh" "$IMAGE/lib/switchyard-class-archive"
chmod 0755 "$IMAGE/lib/switchyard-class-archive"
record_class_list "$IMAGE"

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
  --resource-dir "$INSTALLERS_DIR/linux/resources" \
  --dest "$DIST_DIR"

cp -r "$BUILD_DIR/image/$APP_NAME" "$DIST_DIR/"
echo "installers: built"
ls -la "$DIST_DIR"
du -sh "$DIST_DIR/$APP_NAME" "$DIST_DIR"/*.deb
