#!/usr/bin/env bash
# Reads a topic showing key and headers (the CloudEvents ce_* attributes travel as headers), e.g.:
#   kafka-console-consumer.sh --topic ofm.vehicles.vehicle.v1 --from-beginning [--max-messages 10]
set -euo pipefail
args=(--property print.key=true --property print.headers=true "$@")
[[ " $* " == *" --bootstrap-server "* ]] || args=(--bootstrap-server "${KAFKA_BROKERS:-127.0.0.1:9092}" "${args[@]}")
exec bash "$(dirname "$0")/kafka.sh" run-class org.apache.kafka.tools.consumer.ConsoleConsumer "${args[@]}"
