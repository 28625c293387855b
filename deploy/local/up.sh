#!/usr/bin/env bash
# `npm run up`: everything a fresh machine needs to run the platform locally, in order, idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "dependencies (Node.js 24 comes from the node package)"
[[ -x node_modules/.bin/node && -d node_modules/@nestjs/core ]] || npm ci
step "infrastructure: PostgreSQL and Kafka"
bash deploy/local/infra.sh up
step "build"
npx nx run-many -t build --output-style=stream
step "migrations and topics"
npx ofm migrate
npx ofm topics
step "services"
# The gateway trusts the CLI's development key: make sure it exists before the gateway starts.
npx ofm token --role ofm-admin >/dev/null
bash deploy/local/services.sh start
step "demo data"
npx ofm seed

cat <<MSG

OFM Mission Platform is up.
  API          http://localhost:8080/api/v1    (docs: http://localhost:8080/docs, OpenAPI: /api/v1/openapi.json)
  health       http://localhost:8080/health/ready   metrics: http://localhost:8080/metrics
  services     accreditation grpc 127.0.0.1:50051 http :9101 | vehicles grpc 127.0.0.1:50053 http :9103
  PostgreSQL   postgres://postgres:postgres@127.0.0.1:5432/postgres (one database per service)
  Kafka        127.0.0.1:9092 — read a topic: bash deploy/local/kafka-console-consumer.sh --topic ofm.accreditation.member.v1 --from-beginning
  logs         .local/logs/<service>.log

Try:  curl -s -H "Authorization: Bearer \$(npx ofm token --role ofm-officer)" http://localhost:8080/api/v1/missions?limit=3
Stop: npm run down
MSG
