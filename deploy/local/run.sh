#!/usr/bin/env bash
# Starts PeelCases on a local PostgreSQL with demo data. Ctrl-C stops it.
#   ASPNETCORE_URLS        where to listen (default http://127.0.0.1:5080)
#   PEELCASES_POSTGRES     an existing server's connection string (skips the local cluster)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

server=$(./deploy/local/pg.sh ensure)
database=${PEELCASES_DATABASE:-peelcases}
if [[ -z "${PEELCASES_POSTGRES:-}" ]]; then
  port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$server")
  psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql
  if ! "$psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname = '$database'" | grep -q 1; then
    "$psql" -h 127.0.0.1 -p "$port" -U postgres -qc "create database \"$database\"" >/dev/null
  fi
fi
export ConnectionStrings__peelcases="${server/Database=postgres/Database=$database}"
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export PeelCases__DemoData=${PeelCases__DemoData:-true}

echo "Building…" >&2
dotnet build src/PeelCases -c Release -v quiet -nologo >&2
base=${ASPNETCORE_URLS%%;*}
cat >&2 <<MSG

PeelCases is starting on $base (demo data loads at start).
  API page:      $base/api
  OpenAPI:       $base/openapi/v1.json
  Health:        $base/health/ready
  A report:      $base/reports/cumbria/peel-2018-19/effectiveness
  A token:       ./deploy/local/token.sh --user lena.lead --role lead-inspector
Ctrl-C stops it.

MSG
cd src/PeelCases
exec dotnet run -c Release --no-build --no-launch-profile
