#!/usr/bin/env bash
# Schema-based fuzzing of the running platform's REST API (start it with `npm run up`): schemathesis
# generates requests from /api/v1/openapi.json and runs every check — among them that schema-valid
# requests are accepted and schema-invalid ones refused, that no answer is a 5xx, and that every
# status, header and body is one the document declares. Extra arguments go to `schemathesis run`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

venv=.local/venv-fuzz
if [[ ! -x $venv/bin/schemathesis ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'schemathesis>=4.3,<5'
fi
base=${OFM_API_URL:-http://localhost:8080}
token=$(node tools/cli/bin/ofm.js token --role ofm-admin)
exec "$venv/bin/schemathesis" --config-file scripts/schemathesis.toml run "$base/api/v1/openapi.json" --url "$base" \
  --checks all -H "Authorization: Bearer $token" \
  --max-examples "${MAX_EXAMPLES:-25}" --workers 1 --generation-deterministic "$@"
