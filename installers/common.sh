# Shared by the installer scripts: version from the pom, staging of the app's jars and sample data.
# shellcheck shell=bash
INSTALLERS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$INSTALLERS_DIR/.." && pwd)"
BUILD_DIR="$INSTALLERS_DIR/build"
DIST_DIR="$INSTALLERS_DIR/dist"
APP_NAME="Switchyard"
MAIN_CLASS="dev.switchyard.app.Launcher"
VENDOR="Switchyard"
DESCRIPTION="What-if planner for SLA-aware LLM routing"
# Modules the class-path app needs (see docs/decisions/0001-installers.md); nothing else goes in the runtime.
JLINK_MODULES="java.base,java.desktop,java.xml,java.logging,java.sql,java.naming,java.prefs,java.management,java.net.http,java.datatransfer,jdk.unsupported,jdk.unsupported.desktop,jdk.crypto.ec,jdk.random"
JLINK_OPTIONS="--strip-debug --compress=2 --no-man-pages --no-header-files --generate-cds-archive"

# The project version from the root pom; installers need a numeric one (Windows and macOS reject
# qualifiers such as -SNAPSHOT), so anything after the numeric part is dropped.
project_version() {
  local v
  v=$(sed -n '/<artifactId>switchyard-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
  [ -n "$v" ] || { echo "installers: cannot read the version from $ROOT/pom.xml" >&2; return 1; }
  echo "$v" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/'
}

# Builds the jars when needed and lays out what jpackage takes as --input: the app jar, its
# libraries, and the bundled sample data.
stage_input() {
  local stage="$BUILD_DIR/input"
  if [ ! -f "$ROOT/app/target/switchyard-app.jar" ] || [ "${SWITCHYARD_REBUILD:-0}" = 1 ]; then
    (cd "$ROOT" && mvn -B -q -DskipTests package)
  fi
  rm -rf "$stage"
  mkdir -p "$stage"
  cp "$ROOT/app/target/switchyard-app.jar" "$stage/"
  cp -r "$ROOT/app/target/lib" "$stage/lib"
  cp -r "$ROOT/sample-data" "$stage/sample-data"
  echo "$stage"
}
