#!/usr/bin/env bash
# The project runs on the Node 24 that the 'node' devDependency installs into node_modules/.bin
# (the machine's own node may be older). Prints its path and version, or says to run npm ci.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
NODE="$ROOT/node_modules/.bin/node"
[[ -x "$NODE" ]] || die "$NODE is missing: run 'npm ci' at the repo root first"
say "$NODE $("$NODE" --version)"
