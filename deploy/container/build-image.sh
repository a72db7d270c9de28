#!/usr/bin/env bash
# Builds the service's container image here, without a Docker engine or a registry:
#   1. the service published self-contained for linux-x64 (its .NET runtime comes from NuGet);
#   2. a Debian root file system from Debian's own packages (mmdebstrap; cached in artifacts/image);
#   3. `podman build --isolation=chroot` of deploy/container/Containerfile.
# With --check it then starts the service from the image's root file system (chroot: this sandbox cannot
# run containers) against the project's PostgreSQL, after `db-apply`, and fails unless /health/ready answers 200.
# Needs root (mmdebstrap's root mode, podman's storage, chroot); installs podman and mmdebstrap when missing.
#   build-image.sh [--check]        PEELCASES_IMAGE_TAG (default peelcases:<commit>), PEELCASES_DEBIAN_MIRROR
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
log() { echo "build-image: $*" >&2; }
[[ $(id -u) -eq 0 ]] || { log "run as root (mmdebstrap, podman storage and chroot need it)"; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v podman >/dev/null || ! command -v mmdebstrap >/dev/null; then
  log "installing podman and mmdebstrap (apt-get)…"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman mmdebstrap >&2
fi

tag=${PEELCASES_IMAGE_TAG:-peelcases:$(git rev-parse --short HEAD 2>/dev/null || echo local)}
context="$repo/artifacts/image"
mirror=${PEELCASES_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# What the runtime needs from Debian: TLS roots, ICU (globalization), OpenSSL, GSSAPI (loaded by .NET networking), time zones (Europe/London), C++ runtime.
packages="ca-certificates,libicu72,libssl3,libgssapi-krb5-2,tzdata,libgcc-s1,libstdc++6,zlib1g"
mkdir -p "$context"
started=$SECONDS

if [[ ! -f "$context/rootfs.tar" || "$(cat "$context/rootfs.packages" 2>/dev/null)" != "bookworm $packages" ]]; then
  log "Debian bookworm root file system from $mirror…"
  mmdebstrap --quiet --variant=essential --include="$packages" --mode=root bookworm "$context/rootfs.tar" "$mirror" >&2
  echo "bookworm $packages" > "$context/rootfs.packages"
fi

log "publishing the service self-contained…"
rm -rf "$context/app"
# ReadyToRun: compiled ahead of time, so a node starts without JIT-compiling the framework (docs/benchmarks.md, row 6).
dotnet publish src/PeelCases/PeelCases.csproj -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$context/app" -v quiet -nologo >&2
cp deploy/container/Containerfile "$context/Containerfile"

log "podman build --isolation=chroot -t $tag"
podman build --quiet --isolation=chroot -f "$context/Containerfile" -t "$tag" "$context" >&2
podman tag "$tag" peelcases:latest
size=$(podman image inspect "$tag" --format '{{.Size}}')
log "built $tag ($((size / 1024 / 1024)) MB) in $((SECONDS - started)) s"
[[ "${1:-}" == "--check" ]] || exit 0

# Start the service from the image's own files, as its entrypoint would, against a fresh database.
root=$(podman image mount "$tag")
cleanup() {
  # $service is the subshell that runs in_image (a function), not the service: stop its child, the service, then wait for
  # both. Killing only the subshell left the service running after the check (seen on 2026-12-03, still up an hour later).
  [[ -n "${service:-}" ]] && { pkill -TERM -P "$service" || kill "$service"; wait "$service"; } 2>/dev/null || true
  umount "$root/proc" "$root/dev" 2>/dev/null || true
  podman image unmount "$tag" >/dev/null 2>&1 || true
}
trap cleanup EXIT
mount --bind /proc "$root/proc"
mount --bind /dev "$root/dev"
server=$(./deploy/local/pg.sh ensure)
port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$server")
database="image_check_$$"
psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql
export PGOPTIONS="--client-min-messages=warning"
"$psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "drop database if exists $database" -c "create database $database" >&2
# The image's own environment (its Containerfile's ENV), then what this check needs.
mapfile -t image_env < <(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$tag" | sed '/^$/d')
in_image() { env -i "${image_env[@]}" PATH=/usr/bin:/bin HOME=/tmp ConnectionStrings__peelcases="Host=127.0.0.1;Port=$port;Username=postgres;Database=$database" \
  ASPNETCORE_ENVIRONMENT=Production Database__ApplyChangesOnStartup=false "$@"; }
in_image /usr/sbin/chroot --userspec=65534:65534 "$root" /usr/bin/env --chdir=/app /app/PeelCases db-apply >/dev/null
in_image /usr/sbin/chroot --userspec=65534:65534 "$root" /usr/bin/env --chdir=/app /app/PeelCases db-seed >/dev/null
http=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
in_image ASPNETCORE_URLS="http://127.0.0.1:$http" /usr/sbin/chroot --userspec=65534:65534 "$root" /usr/bin/env --chdir=/app /app/PeelCases \
  > "$context/check.log" 2>&1 &
service=$!
clock=$SECONDS
status=000
while (( SECONDS - clock < 60 )); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/health/ready" || true)
  [[ "$status" == 200 ]] && break
  kill -0 "$service" 2>/dev/null || break
  sleep 0.2 # polling another process: nothing to subscribe to
done
# The console's assets travel in the image: its stylesheet is served (checked while the service still runs).
assets=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/console/console.css" || true)
"$psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "drop database if exists $database with (force)" >&2 || true
if [[ "$status" != 200 ]]; then
  log "the service started from the image did not answer /health/ready 200 (last: $status); its log:"; tail -n 30 "$context/check.log" >&2
  exit 1
fi
if [[ "$assets" != 200 ]]; then
  log "the service started from the image did not serve the console's stylesheet (status $assets)"; exit 1
fi
echo "image $tag: built, and the service started from its root file system answered /health/ready 200 after $((SECONDS - clock)) s and served the console's stylesheet"
