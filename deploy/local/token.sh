#!/usr/bin/env bash
# Mints a development token for a demo user, signed with the Development key that run.sh uses.
#   ./deploy/local/token.sh --user lena.lead --role lead-inspector
#   ./deploy/local/token.sh --user cumbria.liaison --role force-liaison --force cumbria
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo/src/PeelCases"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[[ -f bin/Release/net10.0/PeelCases.dll ]] || dotnet build -c Release -v quiet -nologo >&2
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__peelcases="${ConnectionStrings__peelcases:-Host=127.0.0.1;Database=token}" \
  dotnet run -c Release --no-build --no-launch-profile -- token "$@" | tail -n 1
