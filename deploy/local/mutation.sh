#!/usr/bin/env bash
# Mutation testing of the decision code: Stryker.NET (a local tool pinned in dotnet-tools.json)
# mutates the files listed in tests/PeelCases.UnitTests/stryker-config.json and runs only the
# unit tests against each mutant. No PostgreSQL. Exits non-zero when the mutation score is under
# the config's thresholds.break (or when Stryker fails). Reports: artifacts/mutation/reports/.
# Extra arguments go to Stryker, e.g. --concurrency 1 or --break-at 90.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore
out="$repo/artifacts/mutation"
rm -rf "$out"
cd tests/PeelCases.UnitTests
status=0
nice -n "${PEELCASES_NICE:-10}" dotnet stryker --config-file stryker-config.json --output "$out" "$@" || status=$?
case $status in
  0) ;;
  2) echo "mutation testing failed: the score is under thresholds.break of tests/PeelCases.UnitTests/stryker-config.json; see $out/reports/" >&2 ;;
  *) echo "mutation testing failed: Stryker could not run (exit $status)" >&2 ;;
esac
exit $status
