#!/usr/bin/env bash
# A local PostgreSQL for development and tests, without Docker.
#
#   pg.sh ensure          start (or reuse) the project's cluster; print its connection string
#   pg.sh throwaway DIR   create and start a disposable cluster in DIR; print its connection string
#   pg.sh stop [DIR]      stop the project's cluster (or the one in DIR)
#
# Only the connection string goes to stdout; progress goes to stderr.
# Installs the Debian postgresql package when no binaries are found (as root).
# initdb refuses root, so as root the cluster runs as the 'postgres' system user
# and lives where that user can enter (the repo, or /tmp keyed by the repo path).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
log() { echo "pg.sh: $*" >&2; }

find_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bindir=$(find_bindir)
if [[ -z "$bindir" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    log "PostgreSQL binaries not found; install them: sudo apt-get install -y postgresql"; exit 1
  fi
  log "installing PostgreSQL (apt-get install -y postgresql)…"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bindir=$(find_bindir)
fi

# Who runs the server: the current user, or (as root) a system user.
run_as=()
owner=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  owner=postgres
  id -u "$owner" >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$owner"
  run_as=(runuser -u "$owner" --)
fi

default_dir() {
  # Inside the repo when the server's user can reach it, else under /tmp keyed by the repo path.
  if "${run_as[@]}" test -x "$repo" 2>/dev/null; then
    echo "$repo/.local/pg"
  else
    echo "/tmp/peelcases-pg-$(echo -n "$repo" | md5sum | cut -c1-10)"
  fi
}

# A port derived from the cluster's folder: clones in different folders never collide.
port_for() { echo $(( 54000 + $(echo -n "$1" | cksum | cut -d' ' -f1) % 900 )); }

start_cluster() { # DIR EXTRA_SERVER_OPTIONS
  local dir=$1 extra=${2:-} port
  port=$(port_for "$dir")
  if [[ ! -d "$dir" ]]; then
    mkdir -p "$dir"
    if [[ ${#run_as[@]} -gt 0 ]]; then chown "$owner" "$dir"; fi
  fi
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    log "initialising a cluster in $dir"
    "${run_as[@]}" mkdir -p "$dir/data" "$dir/socket"
    "${run_as[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$port"
    "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c max_connections=300 $extra" start >/dev/null
  fi
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

cmd=${1:-ensure}
case "$cmd" in
  ensure)
    if [[ -n "${PEELCASES_POSTGRES:-}" ]]; then echo "$PEELCASES_POSTGRES"; exit 0; fi
    start_cluster "$(default_dir)" ;;
  throwaway)
    # Disposable: durability traded for speed.
    start_cluster "${2:?pg.sh throwaway DIR}" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off" ;;
  stop)
    dir=${2:-$(default_dir)}
    [[ -f "$dir/data/PG_VERSION" ]] && "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true ;;
  *) log "usage: pg.sh ensure | throwaway DIR | stop [DIR]"; exit 2 ;;
esac
