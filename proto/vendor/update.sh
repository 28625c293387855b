#!/usr/bin/env bash
# Refreshes buf/validate/validate.proto from the protovalidate jar on Maven Central.
set -euo pipefail
version=${1:?usage: update.sh <protovalidate version, e.g. 1.3.0>}
cd "$(dirname "$0")"
mvn -q dependency:get -Dartifact="build.buf:protovalidate:$version" -Dtransitive=false
unzip -o -q "$HOME/.m2/repository/build/buf/protovalidate/$version/protovalidate-$version.jar" \
  buf/validate/validate.proto -d .
echo "buf/validate/validate.proto is now protovalidate $version"
