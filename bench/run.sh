#!/usr/bin/env bash
# `npm run bench [gateway|verify|outbox…]`: install wrk if missing, build, make sure PostgreSQL and
# Kafka run, then the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
# Run as `bash bench/run.sh` too (not only `npm run bench`): Node 24 and the tools first on PATH.
export PATH="$PWD/node_modules/.bin:$PATH"
# The read benchmarks' load generator (bench/src/wrk.ts); Debian packages it.
if ! command -v wrk >/dev/null; then
  echo "[bench] wrk is not installed: apt-get install wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
# The services run as deployed: without source maps (libs/testing turns them on for tests only).
export OFM_SOURCE_MAPS="${OFM_SOURCE_MAPS:-0}"
bash deploy/local/infra.sh up >/dev/null
npx nx run-many -t build --output-style=stream >/dev/null
exec node bench/dist/main.js "$@"
