#!/usr/bin/env bash
# Prints the path of the Chromium the browser tests drive (Debian's package; Playwright's own browser
# download cannot reach its servers from here). Installs it with apt-get when missing and run as root.
set -euo pipefail
path="${PEELCASES_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$path" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Chromium not found at $path; install it: sudo apt-get install -y chromium" >&2; exit 1
  fi
  echo "installing Chromium (apt-get install -y chromium)…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi
echo "$path"
