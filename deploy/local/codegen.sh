#!/usr/bin/env bash
# Regenerates Wolverine's handler code (src/PeelCases/Internal/Generated). The service loads it
# statically (no Roslyn at start), so run this after adding or changing an endpoint or handler.
#   codegen.sh          write the code
#   codegen.sh --check  fail when the checked-in code differs from what the build generates
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo/src/PeelCases"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Stale generated code may not even compile against changed endpoints: start from none.
rm -rf Internal/Generated
# The host is built but not started: no database is contacted.
ConnectionStrings__peelcases="${ConnectionStrings__peelcases:-Host=127.0.0.1;Database=codegen}" \
  dotnet run -- codegen write >/dev/null
if [[ "${1:-}" == "--check" ]]; then
  if [[ -n "$(git -C "$repo" status --porcelain -- src/PeelCases/Internal/Generated)" ]]; then
    git -C "$repo" status --short -- src/PeelCases/Internal/Generated >&2
    echo "Generated handler code is stale: run ./deploy/local/codegen.sh and commit the result." >&2
    exit 1
  fi
  echo "Generated handler code is current."
fi
