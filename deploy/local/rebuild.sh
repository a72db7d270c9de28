#!/usr/bin/env bash
# Rebuilds read models from the events on the local database run.sh uses, with the service stopped.
#   ./deploy/local/rebuild.sh                       every read model in one pass (rebuild-read-models; add --force if a
#                                                   stopped node is still listed as alive)
#   ./deploy/local/rebuild.sh -p ForceGradeHistory  one projection, by Marten's daemon (names: ./deploy/local/rebuild.sh list)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server=$(./deploy/local/pg.sh ensure)
export ConnectionStrings__peelcases="${server/Database=postgres/Database=${PEELCASES_DATABASE:-peelcases}}"
cd src/PeelCases
[[ -f bin/Release/net10.0/PeelCases.dll ]] || dotnet build -c Release -v quiet -nologo >&2
case "${1:-}" in
  list) shift; exec dotnet run -c Release --no-build --no-launch-profile -- projections list "$@" ;;
  -p) exec dotnet run -c Release --no-build --no-launch-profile -- projections rebuild "$@" ;;
  *) exec dotnet run -c Release --no-build --no-launch-profile -- rebuild-read-models "$@" ;;
esac
