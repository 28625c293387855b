#!/usr/bin/env bash
# PostgreSQL + Kafka + per-service databases for tests and local runs: infra.sh up|down|status
# Honours DATABASE_URL / KAFKA_BROKERS (then nothing is started, only checked).
set -euo pipefail
HERE="$(dirname "$0")"

case "${1:-}" in
  up)
    bash "$HERE/postgres.sh" start
    bash "$HERE/kafka.sh" start
    bash "$HERE/databases.sh"
    echo "DATABASE admin: ${DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
    echo "KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:9092}"
    ;;
  down)
    # Kafka first: nothing of ours depends on it, and it is the slower one to stop cleanly.
    rc=0
    bash "$HERE/kafka.sh" stop || rc=$?
    bash "$HERE/postgres.sh" stop || rc=$?
    exit "$rc"
    ;;
  status)
    rc=0
    bash "$HERE/postgres.sh" status || rc=$?
    bash "$HERE/kafka.sh" status || rc=$?
    exit "$rc"
    ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
