#!/usr/bin/env bash
# `npm run bench [gateway|outbox]`: build, make sure PostgreSQL and Kafka run, then the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
# Run as `bash bench/run.sh` too (not only `npm run bench`): Node 24 and the tools first on PATH.
export PATH="$PWD/node_modules/.bin:$PATH"
bash deploy/local/infra.sh up >/dev/null
npx nx run-many -t build --output-style=stream >/dev/null
exec node bench/dist/main.js "$@"
