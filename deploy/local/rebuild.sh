#!/usr/bin/env bash
# Rebuilds read models from the events, with progress, on the local database run.sh uses.
#   ./deploy/local/rebuild.sh                       every projection
#   ./deploy/local/rebuild.sh -p ForceGradeHistory  one projection (names: ./deploy/local/rebuild.sh list)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server=$(./deploy/local/pg.sh ensure)
export ConnectionStrings__peelcases="${server/Database=postgres/Database=${PEELCASES_DATABASE:-peelcases}}"
action=rebuild
if [[ "${1:-}" == "list" ]]; then action=list; shift; fi
cd src/PeelCases
[[ -f bin/Release/net10.0/PeelCases.dll ]] || dotnet build -c Release -v quiet -nologo >&2
exec dotnet run -c Release --no-build --no-launch-profile -- projections "$action" "$@"
