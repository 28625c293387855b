#!/usr/bin/env bash
# Proves the Helm chart right without a cluster (docs/operations/helm.md "Validation"): installs the
# pinned tools when missing, then for each documented values file: helm lint --strict, helm template
# (with and without the Prometheus Operator's API), every rendered object against the Kubernetes
# schemas (kubernetes-validate --strict), a checkov scan with zero findings (exceptions, each with
# its reason, in helm/ofm-platform/.checkov.yaml), and last the chart's jest tests (project deploy).
# Every step fails the script.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:$PATH"
# shellcheck source=scripts/deploy/tools.sh
source scripts/deploy/tools.sh

CHART=helm/ofm-platform
KUBERNETES_VERSION=${KUBERNETES_VERSION:-1.37.0}
OUT=.local/deploy-check
VALUES_FILES=(values-production.yaml values-test-cluster.yaml)

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "tools"
install_deploy_tools
echo "   helm $HELM_VERSION, kubernetes-validate $KUBERNETES_VALIDATE_VERSION, checkov $CHECKOV_VERSION"

# The chart's services section is generated from the registry: stale, it would deploy another set.
step "registry → values.yaml"
node tools/cli/bin/ofm.js registry generate --check

rm -rf "$OUT" && mkdir -p "$OUT"
for values in "${VALUES_FILES[@]}"; do
  name=${values%.yaml}
  step "helm lint --strict ($values)"
  "$HELM" lint --strict "$CHART" -f "$CHART/$values"

  step "helm template ($values, with and without monitoring.coreos.com/v1)"
  "$HELM" template ofm "$CHART" -n ofm -f "$CHART/$values" --kube-version "$KUBERNETES_VERSION" >"$OUT/$name.yaml"
  "$HELM" template ofm "$CHART" -n ofm -f "$CHART/$values" --kube-version "$KUBERNETES_VERSION" \
    --api-versions monitoring.coreos.com/v1 >"$OUT/$name.monitoring.yaml"
  grep -q '^kind: ServiceMonitor$' "$OUT/$name.monitoring.yaml" || { echo "!! no ServiceMonitor with monitoring.coreos.com/v1" >&2; exit 1; }
  if grep -q '^kind: ServiceMonitor$' "$OUT/$name.yaml"; then echo "!! a ServiceMonitor without its CRD" >&2; exit 1; fi
  echo "   $(grep -c '^kind:' "$OUT/$name.yaml") objects"

  step "kubernetes-validate --strict, Kubernetes $KUBERNETES_VERSION ($values)"
  # Core objects only: the ServiceMonitor is a CRD, which the Kubernetes schemas do not carry.
  "$KUBERNETES_VALIDATE" --strict --quiet -k "$KUBERNETES_VERSION" "$OUT/$name.yaml"

  step "checkov ($values)"
  # --skip-download: no call to the vendor's API (guidelines, severities); the checks are in the package.
  "$CHECKOV" --quiet --compact --skip-download --config-file "$CHART/.checkov.yaml" \
    -f "$OUT/$name.monitoring.yaml"
done

step "chart tests (jest project deploy)"
# Under npm test (scripts/test.sh) the report joins the suite's closing count.
report=()
[[ -z ${OFM_TEST_RESULTS:-} ]] || report=(--json --outputFile="$OFM_TEST_RESULTS/deploy.json")
HELM_BIN="$HELM" npx jest --selectProjects deploy --ci "${report[@]}"

step "helm chart: all checks passed"
