#!/usr/bin/env bash
# Rebuilds the console's styles and scripts from the pinned npm packages (WebConsole/Assets/package-lock.json):
# GOV.UK Frontend and the MOJ extension, compiled with Arial and no GDS Transport font face (a service not on
# GOV.UK), written to src/PeelCases/wwwroot/console, which is committed, so neither a build nor CI needs npm.
#   ./deploy/local/console-assets.sh          rebuild
#   ./deploy/local/console-assets.sh --check  fail if the committed files differ from a rebuild
set -euo pipefail
cd "$(dirname "$0")/../.."
src=src/PeelCases/WebConsole/Assets
out=src/PeelCases/wwwroot/console
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp "$src/package.json" "$src/package-lock.json" "$src/console.scss" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null \
  && npx sass --load-path=. --load-path=node_modules --style=compressed --no-source-map --quiet console.scss console.css)
target=$out
[[ "${1:-}" == "--check" ]] && target="$work/out"
rm -rf "$target"; mkdir -p "$target/assets/images"
cp "$work/console.css" "$src/console.js" "$target/"
# Source-map comments removed: the maps are not served.
sed 's|//# sourceMappingURL=.*$||' "$work/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js" > "$target/govuk-frontend.min.js"
sed 's|//# sourceMappingURL=.*$||' "$work/node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js" > "$target/moj-frontend.min.js"
# The images the stylesheet names (no crown, no GOV.UK logo), and the favicon.
for image in $(grep -o '/console/assets/images/[a-z0-9.-]*' "$work/console.css" | sort -u | xargs -n1 basename); do
  for from in "$work/node_modules/@ministryofjustice/frontend/moj/assets/images" "$work/node_modules/govuk-frontend/dist/govuk/assets/images"; do
    [[ -f "$from/$image" ]] && { cp "$from/$image" "$target/assets/images/"; break; }
  done
done
rm -f "$target/assets/images/govuk-crest.svg"
if [[ "${1:-}" == "--check" ]]; then
  diff -r "$out" "$target" && echo "console assets match the pinned packages"
else
  echo "console assets written to $out"
fi
