#!/usr/bin/env bash
# `npm run bench [gateway|outbox]`: build, make sure PostgreSQL and Kafka run, then the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/local/infra.sh up >/dev/null
npx nx run-many -t build --output-style=stream >/dev/null
exec node bench/dist/main.js "$@"
