#!/usr/bin/env bash
# Runs every benchmark against the local PostgreSQL and writes the table into docs/benchmarks.md.
#   ./deploy/local/bench.sh --quick   (under 3 minutes; CI runs it so the harness never rots)
#   ./deploy/local/bench.sh           (the full run)
#   PEELCASES_BENCH_OUT=/tmp/rows.md ./deploy/local/bench.sh --only 5   (only those rows: 1, 2, 3, 4, 5)
#   ./deploy/local/bench.sh --growth  (the store grown to 100k, 1M, 10M events, rows 1, 4, 5 at each size; resumable, never in CI;
#                                      --sizes 100000,1000000 for fewer, --keep to keep the grown store, --clean to drop it)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PEELCASES_BENCH_POSTGRES=${PEELCASES_BENCH_POSTGRES:-$(./deploy/local/pg.sh ensure)}
export PEELCASES_BENCH_POSTGRES
dotnet build src/PeelCases -c Release -v quiet -nologo >&2
# The service runs as the container image runs it: published ReadyToRun (framework-dependent here).
dotnet publish src/PeelCases -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o tests/PeelCases.Benchmarks/bin/service -v quiet -nologo >&2
dotnet build tests/PeelCases.Benchmarks -c Release -v quiet -nologo >&2
exec dotnet tests/PeelCases.Benchmarks/bin/Release/net10.0/PeelCases.Benchmarks.dll "$@" --out "${PEELCASES_BENCH_OUT:-docs/benchmarks.md}"
