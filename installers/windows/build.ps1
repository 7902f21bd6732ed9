# Windows installer (.msi) with jpackage. Must run on Windows with a JDK 17 and the WiX Toolset 3.x
# on PATH (jpackage's requirement for .msi); not built or tested in this project's CI, which runs on Linux.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
$Installers = Resolve-Path "$PSScriptRoot\.."
[xml]$Pom = Get-Content "$Root\pom.xml"
$Version = ($Pom.project.version -replace '^(\d+(\.\d+){0,2}).*', '$1')
Push-Location $Root
mvn -B -q -DskipTests package
Pop-Location
$Stage = "$Installers\build\input"
Remove-Item -Recurse -Force $Stage -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $Stage | Out-Null
Copy-Item "$Root\app\target\switchyard-app.jar" $Stage
Copy-Item -Recurse "$Root\app\target\lib" "$Stage\lib"
Copy-Item -Recurse "$Root\sample-data" "$Stage\sample-data"
$Modules = "java.base,java.desktop,java.xml,java.logging,java.sql,java.naming,java.prefs,java.management,java.net.http,java.datatransfer,jdk.unsupported,jdk.unsupported.desktop,jdk.crypto.ec"
jpackage --type msi `
  --name Switchyard --app-version $Version --vendor Switchyard `
  --description "What-if planner for SLA-aware LLM routing" `
  --input $Stage --main-jar switchyard-app.jar --main-class dev.switchyard.app.Launcher `
  --java-options '-Dswitchyard.sample.dir=$APPDIR\sample-data' `
  --icon "$Installers\icon\switchyard.ico" `
  --win-menu --win-menu-group Switchyard --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid 6f0d3c62-8d1e-4c7e-9a55-2f4b7d6a1c30 `
  --add-modules $Modules --jlink-options "--strip-debug --compress=2 --no-man-pages --no-header-files" `
  --dest "$Installers\dist"
