#!/usr/bin/env bash
# kafka-topics for the local broker, e.g.: kafka-topics.sh --list | --describe --topic T | --create --topic T
# --bootstrap-server defaults to $KAFKA_BROKERS or 127.0.0.1:9092.
set -euo pipefail
args=("$@")
[[ " $* " == *" --bootstrap-server "* ]] || args=(--bootstrap-server "${KAFKA_BROKERS:-127.0.0.1:9092}" "${args[@]}")
exec bash "$(dirname "$0")/kafka.sh" run-class org.apache.kafka.tools.TopicCommand "${args[@]}"
