#!/usr/bin/env bash
# Builds the native installers for the platform this runs on.
#   Linux:   installers/dist/Switchyard (app image) and installers/dist/switchyard_<version>_amd64.deb
#   Windows: see installers/windows/build.ps1      macOS: installers/macos/build.sh
set -euo pipefail
case "$(uname -s)" in
  Linux) exec "$(dirname "$0")/linux/build.sh" "$@" ;;
  Darwin) exec "$(dirname "$0")/macos/build.sh" "$@" ;;
  *) echo "On Windows run installers\\windows\\build.ps1 in PowerShell." >&2; exit 2 ;;
esac
