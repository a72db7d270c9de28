#!/usr/bin/env bash
# Writes a stored-history dump of this version for the upgrade tests (docs/operations.md, "Stored history"):
# the service on a fresh database, the demo data, four 2021/22 inspections driven through the API,
# pg_dump → tests/PeelCases.Tests/StoredHistory/<commit>.sql.gz; then the answers this version gives
# on it (<commit>.answers.json.gz), which every later version must keep giving.
#   ./deploy/local/history-dump.sh [NAME]    (default: the short commit id; commit first)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
name=${1:-$(git rev-parse --short=7 HEAD)}
out="tests/PeelCases.Tests/StoredHistory/$name.sql.gz"
[[ -e "$out" ]] && { echo "$out exists already" >&2; exit 1; }
PEELCASES_BENCH_POSTGRES=${PEELCASES_BENCH_POSTGRES:-$(./deploy/local/pg.sh ensure)}
export PEELCASES_BENCH_POSTGRES
dotnet build src/PeelCases -c Release -v quiet -nologo >&2
dotnet publish src/PeelCases -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o tests/PeelCases.Benchmarks/bin/service -v quiet -nologo >&2
dotnet build tests/PeelCases.Benchmarks -c Release -v quiet -nologo >&2
dotnet tests/PeelCases.Benchmarks/bin/Release/net10.0/PeelCases.Benchmarks.dll history-dump "$repo/$out"
# The answers are written only for dumps that have none: earlier versions' answers stay as they were.
PEELCASES_CAPTURE_STORED_ANSWERS=1 ./deploy/local/test.sh --filter "FullyQualifiedName~StoredHistoryTests"
