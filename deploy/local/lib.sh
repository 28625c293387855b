# shellcheck shell=bash
# Shared by the deploy/local scripts (sourced, not run).
# Everything lives in the repo's git-ignored .local/ so that a clone is self-contained
# and two clones on one machine do not share state.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/.local"
LOGS="$LOCAL/logs"
PIDS="$LOCAL/pids"
# shellcheck disable=SC2034  # used by the scripts that source this file
ADMIN_URL_DEFAULT="postgres://postgres:postgres@127.0.0.1:5432/postgres"
mkdir -p "$LOGS" "$PIDS"

say() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*"; }
die() { say "ERROR: $*" >&2; exit 1; }

# True if something accepts TCP connections on host:port (no extra tools needed).
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# True if the pid in the given file is a live process.
pid_alive() { [[ -s "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Newest installed PostgreSQL bin dir (Debian keeps them versioned, off PATH).
# shellcheck disable=SC2012  # version dirs are plain numbers
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true; }

# A psql client; installs the client package when there is none (e.g. DATABASE_URL points elsewhere).
find_psql() {
  local bin; bin="$(pg_bin)"
  if [[ -n "$bin" && -x "$bin/psql" ]]; then echo "$bin/psql"; return; fi
  if command -v psql >/dev/null; then command -v psql; return; fi
  say "psql not found: installing postgresql-client" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >&2
  command -v psql
}

# True if the URL accepts a login and a query (not just a TCP connect).
pg_answers() { PGCONNECT_TIMEOUT=3 "$(find_psql)" "$1" -Atqc 'select 1' >/dev/null 2>&1; }
