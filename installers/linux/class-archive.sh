#!/bin/sh
# Installed as lib/switchyard-class-archive and run by the package's postinst (decision 1110): writes the app's
# class-data-sharing archive, lib/app/switchyard.jsa, for the place the package was installed to, from the class list
# the installer build recorded (lib/app/switchyard.classlist, the classes a start-up loads). The JVM checks an archive
# against the exact class path it was written for, so it cannot be built before the install location is known; the
# relaunched app JVM (QuickJitRelaunch) uses it from the first start on.
#   switchyard-class-archive [ROOT]     ROOT: the install root (default: the directory above this script's lib/)
#   switchyard-class-archive --remove [ROOT]
# Never fails an install: without a class list, a runtime, or on any error it says so and exits 0 (the app then
# writes an archive of its own in the user's cache at its first start, as before).
set -u
remove=0
if [ "${1:-}" = "--remove" ]; then
  remove=1
  shift
fi
if [ -n "${1:-}" ]; then
  root=$(cd "$1" && pwd -P) || { echo "switchyard-class-archive: no directory $1" >&2; exit 0; }
else
  root=$(cd "$(dirname "$0")/.." && pwd -P)
fi
app="$root/lib/app"
archive="$app/switchyard.jsa"
if [ "$remove" = 1 ]; then
  rm -f "$archive" "$archive".*.tmp
  exit 0
fi
java="$root/lib/runtime/bin/java"
list="$app/switchyard.classlist"
cfg=$(ls "$app"/*.cfg 2>/dev/null | head -1)
if [ ! -x "$java" ] || [ ! -f "$list" ] || [ -z "$cfg" ]; then
  echo "switchyard-class-archive: no class list or runtime in $root; the app writes its own archive at first start"
  exit 0
fi
# the class path exactly as the launcher sets java.class.path: the cfg's entries in order, $APPDIR made absolute
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$app|" | paste -sd: -)
tmp="$archive.$$.tmp"
rm -f "$archive"
if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -cp "$cp" >/dev/null 2>&1 \
    && "$java" -Xshare:on -XX:SharedArchiveFile="$tmp" -Xlog:cds=off -cp "$cp" -version >/dev/null 2>&1; then
  # checked above: this runtime maps it for this class path (-Xshare:on fails otherwise); put in place whole
  chmod 0644 "$tmp" && mv -f "$tmp" "$archive" \
    && echo "switchyard-class-archive: wrote $archive ($(($(wc -c <"$archive") / 1048576)) MB)" && exit 0
fi
rm -f "$tmp"
echo "switchyard-class-archive: could not write $archive; the app writes its own archive at first start"
exit 0
