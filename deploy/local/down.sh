#!/usr/bin/env bash
# `npm run down`: stops what `npm run up` started (services, then Kafka and PostgreSQL). Data stays in .local/.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash deploy/local/services.sh stop
bash deploy/local/infra.sh down
