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
  "$venv/bin/pip" install --quiet 'schemathesis==4.32.5'
fi
base=${OFM_API_URL:-http://localhost:8080}
# A subject of its own per run: the deterministic generator sends the same Idempotency-Keys every
# run, and the gateway keys replays by (subject, method, path, key), so a run is never answered with
# what an earlier run (or an earlier build) stored.
token=$(node tools/cli/bin/ofm.js token --role ofm-admin --sub "fuzz-$(date +%s)")
# Python's re reads no \p{…}: the fuzzer reads a copy of the document whose Unicode classes are
# spelled as code point ranges (scripts/fuzz/python-patterns.js); the served one stays exact.
document=.local/fuzz/openapi.json
mkdir -p "$(dirname "$document")"
node scripts/fuzz/python-patterns.js "$base/api/v1/openapi.json" "$document"
# Every check runs (schemathesis' default); not `--checks all`, which would also override the
# one check scripts/schemathesis.toml turns off for one operation.
# Strategies for the document's own formats (scripts/fuzz/hooks.py: valid VINs, check digit included).
export PYTHONPATH="$PWD/scripts/fuzz${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=hooks
exec "$venv/bin/schemathesis" --config-file scripts/schemathesis.toml run "$document" --url "$base" \
  -H "Authorization: Bearer $token" \
  --max-examples "${MAX_EXAMPLES:-25}" --workers 1 --generation-deterministic "$@"
