#!/usr/bin/env bash
# Starts, stops and reports the platform's services as background processes on this machine,
# each with the environment it would get from the Helm chart. Idempotent: a running service is kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
NODE="$ROOT/node_modules/.bin/node"
mkdir -p .local/logs .local/pids

# The services and their wiring come from the service registry (libs/registry), through the CLI:
# one line per written service, each after the services it calls:
#   name  grpc-port|-  http-port  database  public-api(yes|no)  upstreams(a,b|-)
registry() { "$NODE" tools/cli/bin/ofm.js registry "$@"; }
SERVICES=()
load_registry() {
  local rows; rows="$(registry --format tsv)" || { echo "!! cannot read the service registry (build first: npm run build)" >&2; return 1; }
  mapfile -t SERVICES <<<"$rows"
}

service_env() {
  local name=$1 public=$2
  # DATABASE_URL, HTTP_PORT, GRPC_PORT and <SERVICE>_GRPC_URL of every service it calls.
  registry --format env --service "$name" |
    if [[ -n "${OFM_DATABASE_URL_OVERRIDE:-}" ]]; then sed "s|^DATABASE_URL=.*|DATABASE_URL=$OFM_DATABASE_URL_OVERRIDE|"; else cat; fi
  echo "KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:9092}"
  echo "LOG_LEVEL=${LOG_LEVEL:-info}"
  if [[ $public == yes ]]; then
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
  load_registry
  for entry in "${SERVICES[@]}"; do
    read -r name grpc http _ public _ <<<"$entry"
    if is_running "$name"; then echo "   $name already running (pid $(cat ".local/pids/$name.pid"))"; continue; fi
    local grpc_note="" env_lines
    [[ $grpc == - ]] || grpc_note=", grpc $grpc"
    echo "-- starting $name (http $http$grpc_note)"
    env_lines="$(service_env "$name" "$public")"
    # Source maps (TypeScript lines in stack traces) hold about 100 MB per service once loaded, more
    # than the service itself (docs/operations/write-path.md): on only with OFM_SOURCE_MAPS=1.
    local maps=()
    [[ ${OFM_SOURCE_MAPS:-0} == 1 ]] && maps=(--enable-source-maps)
    # shellcheck disable=SC2046
    env $(xargs <<<"$env_lines") setsid "$NODE" "${maps[@]}" "services/$name/dist/main.js" \
      >>".local/logs/$name.log" 2>&1 </dev/null &
    echo $! >".local/pids/$name.pid"
  done
  for entry in "${SERVICES[@]}"; do
    read -r name _ http _ <<<"$entry"
    wait_ready "$name" "$http"
    echo "   $name ready"
  done
}

# Callers first (the reverse of the start order). Without a built CLI nothing can have been started
# by start(), but a build may have been cleaned since: then every services/<name> with a pid file.
stop() {
  local names=()
  if load_registry 2>/dev/null; then
    for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do names+=("${SERVICES[i]%%$'\t'*}"); done
  else
    for dir in services/*/; do names+=("$(basename "$dir")"); done
  fi
  for name in "${names[@]}"; do
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
  load_registry
  for entry in "${SERVICES[@]}"; do
    read -r name _ http _ <<<"$entry"
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
  env) service_env "$2" "$(registry --format tsv --service "$2" | cut -f5)" ;;
  *) echo "usage: $0 start|stop|status|env <service>" >&2; exit 2 ;;
esac
