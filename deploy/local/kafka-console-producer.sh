#!/usr/bin/env bash
# Writes stdin lines to a topic; with --property parse.key=true a line is "key<TAB>value", e.g.:
#   printf 'k1\t{"a":1}\n' | kafka-console-producer.sh --topic T --property parse.key=true
set -euo pipefail
args=("$@")
[[ " $* " == *" --bootstrap-server "* ]] || args=(--bootstrap-server "${KAFKA_BROKERS:-127.0.0.1:9092}" "${args[@]}")
exec bash "$(dirname "$0")/kafka.sh" run-class org.apache.kafka.tools.ConsoleProducer "${args[@]}"
