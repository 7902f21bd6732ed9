#!/bin/sh
# Installed as lib/switchyard-class-archive and run by the package's postinst (decision 1110): writes the app's
# class-data-sharing archive, lib/app/switchyard.jsa, for the place the package was installed to, from the class list
# the installer build recorded (lib/app/switchyard.classlist, the classes a start-up loads). The JVM checks an archive
# against the exact class path it was written for, so it cannot be built before the install location is known; the
# relaunched app JVM (QuickJitRelaunch) uses it from the first start on.
#   switchyard-class-archive [ROOT]     ROOT: the install root (default: the directory above this script's lib/)
#   switchyard-class-archive --remove [ROOT]
#   switchyard-class-archive --class-path [ROOT]   prints the class path the launcher sets (the build records with it)
# Never fails an install: without a class list, a runtime, or on any error it says so and exits 0 (the app then
# writes an archive of its own in the user's cache at its first start, as before).
set -u
mode=write
case "${1:-}" in
  --remove) mode=remove; shift ;;
  --class-path) mode=class-path; shift ;;
esac
if [ -n "${1:-}" ]; then
  root=$(cd "$1" && pwd -P) || { echo "switchyard-class-archive: no directory $1" >&2; exit 0; }
else
  root=$(cd "$(dirname "$0")/.." && pwd -P)
fi
app="$root/lib/app"
archive="$app/switchyard.jsa"
if [ "$mode" = remove ]; then
  rm -f "$archive" "$archive".*.tmp
  exit 0
fi
java="$root/lib/runtime/bin/java"
list="$app/switchyard.classlist"
cfg=$(ls "$app"/*.cfg 2>/dev/null | head -1)
# the class path exactly as the launcher sets java.class.path: the cfg's entries in order, $APPDIR made absolute
# (no sed: an install path may hold any character; ENVIRON keeps awk from reading escapes in it)
cp=$([ -n "$cfg" ] && APP="$app" awk 'index($0, "app.classpath=") == 1 { s = substr($0, 15); i = index(s, "$APPDIR");
  if (i) s = substr(s, 1, i - 1) ENVIRON["APP"] substr(s, i + 7); printf "%s%s", (n++ ? ":" : ""), s }' "$cfg")
if [ "$mode" = class-path ]; then
  [ -n "$cp" ] || { echo "switchyard-class-archive: no launcher configuration in $app" >&2; exit 1; }
  echo "$cp"
  exit 0
fi
if [ ! -x "$java" ] || [ ! -f "$list" ] || [ -z "$cp" ]; then
  echo "switchyard-class-archive: no class list or runtime in $root; the app writes its own archive at first start"
  exit 0
fi
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
