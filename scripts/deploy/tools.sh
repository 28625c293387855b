#!/usr/bin/env bash
# Installs the pinned tools of the chart's validation into .local/ when they are missing (a fresh
# clone, CI) and does nothing when the pinned versions are there. Sourced by check.sh; run alone it
# just installs. Helm from the Go module proxy (go install); kubernetes-validate and checkov from PyPI,
# each in its own virtual environment (checkov pins old versions of common packages).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

HELM_VERSION=v3.22.0
KUBERNETES_VALIDATE_VERSION=1.37.0
CHECKOV_VERSION=3.3.30

TOOLS="$ROOT/.local/tools"
HELM="$TOOLS/bin/helm"
KUBEVAL_VENV="$ROOT/.local/venv-kubeval"
CHECKOV_VENV="$ROOT/.local/venv-checkov"
KUBERNETES_VALIDATE="$KUBEVAL_VENV/bin/kubernetes-validate"
CHECKOV="$CHECKOV_VENV/bin/checkov"

install_helm() {
  command -v go >/dev/null || { echo "!! go is needed to install helm $HELM_VERSION (go install)" >&2; return 1; }
  # A helm built by go install says only "v3.22" of itself; its module version is in the binary.
  if [[ -x $HELM ]] && [[ "$(go version -m "$HELM" | awk '$1 == "mod" && $2 == "helm.sh/helm/v3" { print $3 }')" == "$HELM_VERSION" ]]; then
    return 0
  fi
  echo "-- installing helm $HELM_VERSION (go install, about 90 s)"
  mkdir -p "$TOOLS/bin"
  GOBIN="$TOOLS/bin" GOFLAGS=-mod=mod go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
}

# A venv with exactly one pinned package; remade when the pin changed.
install_venv() {
  local venv=$1 package=$2 version=$3
  # importlib.metadata, not pip show: a tenth of the time, on every run.
  if [[ -x $venv/bin/python ]] &&
    [[ "$("$venv/bin/python" -c 'import importlib.metadata as m, sys; print(m.version(sys.argv[1]))' "$package" 2>/dev/null)" == "$version" ]]; then
    return 0
  fi
  echo "-- installing $package $version into ${venv#"$ROOT"/}"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$package==$version"
}

install_deploy_tools() {
  install_helm
  install_venv "$KUBEVAL_VENV" kubernetes-validate "$KUBERNETES_VALIDATE_VERSION"
  install_venv "$CHECKOV_VENV" checkov "$CHECKOV_VERSION"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then install_deploy_tools; fi
