#!/usr/bin/env bash
# `npm run up`: everything a fresh machine needs to run the platform locally, in order, idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "dependencies (Node.js 24 comes from the node package)"
# node_modules/.bin/ofm is checked too: an install made before the CLI's bin was committed lacks it,
# and without it the README's `npx ofm …` would ask the registry for a package named `ofm`.
[[ -x node_modules/.bin/node && -d node_modules/@nestjs/core && -e node_modules/.bin/ofm ]] || npm ci
# Run as `bash deploy/local/up.sh` too (not only `npm run up`): Node 24 and the tools first on PATH.
export PATH="$PWD/node_modules/.bin:$PATH"
# The CLI by its path, not through npx: nothing here depends on how npm linked the bin.
ofm() { node tools/cli/bin/ofm.js "$@"; }
step "infrastructure: PostgreSQL and Kafka"
bash deploy/local/infra.sh up
step "build"
nx run-many -t build --output-style=stream
step "migrations and topics"
ofm migrate
ofm topics
step "services"
# The gateway trusts the CLI's development key: make sure it exists before the gateway starts.
ofm token --role ofm-admin >/dev/null
bash deploy/local/services.sh start
step "demo data"
ofm seed

# Where things are, from the service registry (libs/registry): the public API and every other service.
registry="$(ofm registry --format tsv)"
API_PORT="$(awk -F'\t' '$5 == "yes" {print $3; exit}' <<<"$registry")"
SERVICES_LINE="$(awk -F'\t' '$5 == "no" {printf "%s%s grpc 127.0.0.1:%s http :%s", sep, $1, $2, $3; sep = " | "}' <<<"$registry")"

cat <<MSG

OFM Mission Platform is up.
  API          http://localhost:$API_PORT/api/v1    (docs: http://localhost:$API_PORT/docs, OpenAPI: /api/v1/openapi.json)
  health       http://localhost:$API_PORT/health/ready   metrics: http://localhost:$API_PORT/metrics
  services     $SERVICES_LINE
  PostgreSQL   postgres://postgres:postgres@127.0.0.1:5432/postgres (one database per service)
  Kafka        127.0.0.1:9092 — read a topic: bash deploy/local/kafka-console-consumer.sh --topic ofm.accreditation.member.v1 --from-beginning
  logs         .local/logs/<service>.log

Try:  curl -s -H "Authorization: Bearer \$(npx ofm token --role ofm-officer)" http://localhost:$API_PORT/api/v1/missions?limit=3
Stop: npm run down
MSG
