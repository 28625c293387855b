#!/usr/bin/env bash
# Local PostgreSQL: the server at $DATABASE_URL when set, otherwise a private cluster in .local/pg
# listening on 127.0.0.1:5432 with admin URL postgres://postgres:postgres@127.0.0.1:5432/postgres.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LOG="$LOGS/postgres.log"
ADMIN_URL="$ADMIN_URL_DEFAULT"

# PostgreSQL refuses to run as root, so the Debian 'postgres' user runs it.
as_pg() { (cd / && runuser -u postgres -- "$@"); }

install_if_missing() {
  if [[ -z "$(pg_bin)" || ! -x "$(pg_bin)/initdb" ]]; then
    say "PostgreSQL is not installed: apt-get install postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    # The package may have started its own 'main' cluster on 5432, which would take our port.
    pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1, $2}' |
      while read -r v c; do say "stopping the package's own cluster $v/$c"; pg_ctlcluster "$v" "$c" stop || true; done
  fi
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

# The data dir and log must be reachable by 'postgres'; a clone under a private home (/root) is not,
# so then they live under /var/lib/postgresql, keyed by the clone's path, with links from .local/.
pick_datadir() {
  chmod 755 "$LOCAL"
  if (cd / && runuser -u postgres -- test -x "$LOGS"); then
    PGDATA="$LOCAL/pg"
  else
    local home; home="/var/lib/postgresql/ofm-$(printf %s "$ROOT" | cksum | cut -d' ' -f1)"
    mkdir -p "$home" && chown postgres: "$home"
    PGDATA="$home/pg" LOG="$home/postgres.log"
    [[ -e "$LOCAL/pg" || -L "$LOCAL/pg" ]] || ln -s "$PGDATA" "$LOCAL/pg"
    [[ -e "$LOGS/postgres.log" || -L "$LOGS/postgres.log" ]] || ln -s "$LOG" "$LOGS/postgres.log"
  fi
  BIN="$(pg_bin)"
  # A cluster made by an older major version must be run by that version's binaries.
  if [[ -s "$PGDATA/PG_VERSION" && -d "/usr/lib/postgresql/$(cat "$PGDATA/PG_VERSION")/bin" ]]; then
    BIN="/usr/lib/postgresql/$(cat "$PGDATA/PG_VERSION")/bin"
  fi
}

ours_running() { [[ -s "$PGDATA/PG_VERSION" ]] && as_pg "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

init_cluster() {
  say "initialising a new cluster in $PGDATA"
  mkdir -p "$PGDATA" && chown postgres: "$PGDATA" && chmod 700 "$PGDATA"
  local pw; pw="$(mktemp)"; echo postgres >"$pw"; chown postgres "$pw"
  # Password auth on TCP (not trust) so a wrong role/password in a URL fails here as it would in production.
  as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --pwfile="$pw" -E UTF8 --no-locale \
    --auth-host=scram-sha-256 --auth-local=peer >/dev/null
  rm -f "$pw"
  # No unix socket: everything connects by URL over TCP, and /var/run/postgresql may not exist or be shared.
  cat >>"$PGDATA/postgresql.conf" <<'CONF'
# --- OFM local settings (deploy/local/postgres.sh) ---
listen_addresses = '127.0.0.1'
port = 5432
unix_socket_directories = ''
max_connections = 300
CONF
}

start() {
  if [[ -n "${DATABASE_URL:-}" ]]; then
    pg_answers "$DATABASE_URL" || die "DATABASE_URL is set but does not answer"
    say "DATABASE_URL is set and answers: using it, starting nothing"; return
  fi
  install_if_missing
  pick_datadir
  if ours_running; then
    say "already running from $PGDATA: reusing it"
  elif port_open 127.0.0.1 5432; then
    pg_answers "$ADMIN_URL" || die "something else listens on 127.0.0.1:5432 and refuses $ADMIN_URL; stop it or set DATABASE_URL"
    say "another server on 127.0.0.1:5432 accepts $ADMIN_URL: reusing it"; return
  else
    [[ -s "$PGDATA/PG_VERSION" ]] || init_cluster
    touch "$LOG" && chown postgres: "$LOG"
    say "starting PostgreSQL $(cat "$PGDATA/PG_VERSION") on 127.0.0.1:5432 (log: ${LOG#"$ROOT"/})"
    as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$LOG" -w -t 60 start >/dev/null || { tail -n 20 "$LOG" >&2; die "PostgreSQL did not start"; }
  fi
  for _ in $(seq 60); do
    "$BIN/pg_isready" -q -h 127.0.0.1 -p 5432 && pg_answers "$ADMIN_URL" && { say "ready: $ADMIN_URL"; return; }
    sleep 0.5
  done
  die "PostgreSQL is up but $ADMIN_URL does not answer"
}

stop() {
  [[ -z "${DATABASE_URL:-}" ]] || { say "DATABASE_URL is set: nothing of ours to stop"; return; }
  if [[ -z "$(pg_bin)" ]] || ! id postgres >/dev/null 2>&1; then say "not installed: nothing to stop"; return; fi
  pick_datadir
  if ours_running; then
    say "stopping PostgreSQL ($PGDATA)"
    as_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null
    say "stopped"
  else
    say "not running (ours): nothing to stop"
  fi
}

# Exit 0 when the admin URL (or DATABASE_URL) answers, whoever runs the server.
status() {
  local url="${DATABASE_URL:-$ADMIN_URL}"
  if [[ -z "${DATABASE_URL:-}" && -n "$(pg_bin)" ]] && id postgres >/dev/null 2>&1; then
    pick_datadir
    ours_running && say "ours is running from $PGDATA"
  fi
  if pg_answers "$url"; then say "answering: ${url/:*@/://***@}"; else say "not answering"; return 1; fi
}

case "${1:-}" in
  start | stop | status) "$1" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
