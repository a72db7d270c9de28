#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL and ends with "N passed, N failed".
# PostgreSQL: $PEELCASES_TEST_POSTGRES if set, else the project's local cluster (started if needed).
# Chromium (browser tests): $PEELCASES_CHROMIUM if set, else Debian's, installed if needed (deploy/local/browser.sh).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -z "${PEELCASES_TEST_POSTGRES:-}" ]]; then
  PEELCASES_TEST_POSTGRES=$(./deploy/local/pg.sh ensure)
  export PEELCASES_TEST_POSTGRES
fi

# The browser tests drive Debian's Chromium.
PEELCASES_CHROMIUM=$(./deploy/local/browser.sh)
export PEELCASES_CHROMIUM

results="$repo/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test PeelCases.sln --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; echo "dotnet test failed before reporting results (build error?)" >&2; fi
echo "${passed} passed, ${failed} failed"
exit $status
