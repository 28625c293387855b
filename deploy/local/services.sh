#!/usr/bin/env bash
# Starts, stops and reports the platform's services as background processes on this machine,
# each with the environment it would get from the Helm chart. Idempotent: a running service is kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
NODE="$ROOT/node_modules/.bin/node"
mkdir -p .local/logs .local/pids

# name  grpc  http
SERVICES=(
  "accreditation 50051 9101"
  "vehicles 50053 9103"
  "gateway - 8080"
)

db_url() { echo "postgres://ofm_$1:ofm_$1@127.0.0.1:5432/ofm_$1"; }

service_env() {
  local name=$1 grpc=$2 http=$3
  echo "DATABASE_URL=${OFM_DATABASE_URL_OVERRIDE:-$(db_url "$name")}"
  echo "KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:9092}"
  echo "HTTP_PORT=$http"
  [[ $grpc != - ]] && echo "GRPC_PORT=$grpc"
  echo "LOG_LEVEL=${LOG_LEVEL:-info}"
  if [[ $name == gateway ]]; then
    echo "ACCREDITATION_GRPC_URL=127.0.0.1:50051"
    echo "VEHICLES_GRPC_URL=127.0.0.1:50053"
    # Local development trusts the CLI's key (`ofm token`); production sets AUTH_JWKS_URL instead.
    echo "AUTH_DEV_MODE=true"
    echo "AUTH_DEV_JWKS_PATH=$ROOT/.local/dev-auth/jwks.json"
    echo "AUTH_ISSUER=https://auth.ofm.local/dev"
    echo "AUTH_AUDIENCE=ofm-platform"
  fi
  return 0
}

is_running() { [[ -f .local/pids/$1.pid ]] && kill -0 "$(cat ".local/pids/$1.pid")" 2>/dev/null; }

wait_ready() {
  local name=$1 http=$2
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$http/health/ready" >/dev/null 2>&1; then return 0; fi
    is_running "$name" || { echo "!! $name exited; last log lines:"; tail -n 30 ".local/logs/$name.log"; return 1; }
    sleep 0.5
  done
  echo "!! $name not ready after 60 s; last log lines:"; tail -n 30 ".local/logs/$name.log"; return 1
}

start() {
  for entry in "${SERVICES[@]}"; do
    read -r name grpc http <<<"$entry"
    if is_running "$name"; then echo "   $name already running (pid $(cat ".local/pids/$name.pid"))"; continue; fi
    echo "-- starting $name (http $http${grpc:+, grpc $grpc})"
    # shellcheck disable=SC2046
    env $(service_env "$name" "$grpc" "$http" | xargs) setsid "$NODE" --enable-source-maps "services/$name/dist/main.js" \
      >>".local/logs/$name.log" 2>&1 </dev/null &
    echo $! >".local/pids/$name.pid"
  done
  for entry in "${SERVICES[@]}"; do
    read -r name _ http <<<"$entry"
    wait_ready "$name" "$http"
    echo "   $name ready"
  done
}

stop() {
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ <<<"$entry"
    if is_running "$name"; then
      kill "$(cat ".local/pids/$name.pid")" 2>/dev/null || true
      for _ in $(seq 1 40); do is_running "$name" || break; sleep 0.25; done
      is_running "$name" && kill -9 "$(cat ".local/pids/$name.pid")" 2>/dev/null || true
      echo "-- stopped $name"
    fi
    rm -f ".local/pids/$name.pid"
  done
}

status() {
  for entry in "${SERVICES[@]}"; do
    read -r name _ http <<<"$entry"
    if is_running "$name"; then
      ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/health/ready" || true)
      echo "$name: running (pid $(cat ".local/pids/$name.pid")), ready=$ready, log .local/logs/$name.log"
    else
      echo "$name: stopped"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) service_env "$2" "${3:--}" "${4:-0}" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
