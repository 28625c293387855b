#!/usr/bin/env bash
# The whole test suite: build, bring up the real PostgreSQL and Kafka the tests need, then unit,
# integration and end-to-end tests. Idempotent: reuses infrastructure that is already running.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -x node_modules/.bin/node ]] || npm ci
# Run as `bash scripts/test.sh` too (not only `npm test`): Node 24 and the tools first on PATH.
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "build"
npx nx run-many -t build --output-style=stream
step "lint"
npx nx run-many -t lint --output-style=stream
npx --no-install prettier --check --log-level warn .
npx --no-install buf lint proto
# Compatibility of the contracts: against main when we are on another branch (on main it is itself).
if git rev-parse --verify -q main >/dev/null && [[ "$(git rev-parse HEAD)" != "$(git rev-parse main)" ]]; then
  npx --no-install buf breaking proto --against '.git#branch=main,subdir=proto'
fi

results=.local/test-results
mkdir -p "$results"
rm -f "$results"/*.json
# Deployment without a cluster or a Docker engine (issue 10): the image and compose file, then the
# Helm chart (lint, render, Kubernetes schemas, security scan, chart tests). Their tools are pinned and
# installed on first use into .local/ (docs/operations/helm.md "Validation").
step "deployment: images and compose"
bash scripts/deploy-images/check.sh
step "deployment: Helm chart"
OFM_TEST_RESULTS="$results" bash scripts/deploy/check.sh

step "infrastructure"
bash deploy/local/infra.sh up

step "unit tests"
npx jest --selectProjects unit --ci --json --outputFile="$results/unit.json"
# A tier's verdict is its report: on a fresh clone (no jest cache, so the smallest integration suite,
# bootstrap-exit, runs last) the jest process has exited 1 after writing a report of every suite and
# test passed, with nothing on its output to say why. A failed test, a suite that did not run or an
# interrupted run still fails the tier, from the report; an exit code the report does not explain is
# printed, not hidden.
tier() {
  local name=$1 code=0
  shift
  npx jest --selectProjects "$name" --ci --runInBand --json --outputFile="$results/$name.json" "$@" || code=$?
  [[ $code -eq 0 ]] && return 0
  node -e '
    const r = require(require("path").resolve(process.argv[1]));
    const ok = r.success && r.numFailedTests === 0 && r.numFailedTestSuites === 0 &&
      r.numRuntimeErrorTestSuites === 0 && !r.wasInterrupted && r.numTotalTests > 0;
    if (!ok) process.exit(1);
    console.error(`${process.argv[3]}: jest exited ${process.argv[2]} although its report says all ${r.numPassedTests} tests of ${r.numPassedTestSuites} suites passed; going on`);
  ' "$results/$name.json" "$code" "$name" || exit "$code"
}

step "integration tests"
# One suite at a time: each starts Kafka consumers and services, and the machine has two cores.
tier integration
step "end-to-end tests"
export OFM_API_ANSWERS="$results/api-answers.jsonl"
: >"$OFM_API_ANSWERS"
tier e2e
# Every status the e2e suite saw is one the route declares in the OpenAPI document.
node scripts/check-documented-statuses.js "$OFM_API_ANSWERS"

# One closing line for the tiers together.
node -e '
  const files = process.argv.slice(1).map((f) => require(require("path").resolve(f)));
  const sum = (k) => files.reduce((n, r) => n + r[k], 0);
  console.log(`\n${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
' "$results"/unit.json "$results"/deploy.json "$results"/integration.json "$results"/e2e.json
