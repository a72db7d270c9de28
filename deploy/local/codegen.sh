#!/usr/bin/env bash
# Regenerates Wolverine's handler code (src/PeelCases/Internal/Generated). The service loads it
# statically (no Roslyn at start), so run this after adding or changing an endpoint or handler.
#   codegen.sh          write the code
#   codegen.sh --check  fail when the checked-in code differs from what the build generates
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo/src/PeelCases"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
[[ -d Internal/Generated ]] && cp -r Internal/Generated "$before/"
# Stale generated code may not even compile against changed endpoints: start from none.
rm -rf Internal/Generated
# The host is built but not started: no database is contacted.
ConnectionStrings__peelcases="${ConnectionStrings__peelcases:-Host=127.0.0.1;Database=codegen}" \
  dotnet run -- codegen write >/dev/null
# The binary built above lacks the generated types: build again so it matches the source.
dotnet build -v quiet -nologo >/dev/null
if [[ "${1:-}" == "--check" ]]; then
  if ! diff -r "$before/Generated" Internal/Generated >&2; then
    echo "Generated handler code is stale: run ./deploy/local/codegen.sh and commit the result." >&2
    exit 1
  fi
  echo "Generated handler code is current."
fi
