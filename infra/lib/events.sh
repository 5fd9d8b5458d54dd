# shellcheck shell=bash
# ./crm events: the dead-letter topics, read and replayed with infra/tools/DeadLetters.java on the Kafka classpath.

events_usage() {
  cat <<EOF2
Usage: ./crm events dlt                              list every dead letter: topic, partition, offset, key,
                                                     event type, time, reason
       ./crm events dlt replay <topic> <offset…|--all>  republish records of <topic>.dlt to <topic>
                                                     (an offset is N, or P:N on a topic of several partitions)
EOF2
}

cmd_events() {
  case "${1:-}" in
    dlt)
      shift
      local cp
      cp="$(kafka_classpath)"
      # the JDK's source launcher runs the tool without a build; only warnings from the Kafka client
      "$(infra_java)" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
        "$CRM_ROOT/infra/tools/DeadLetters.java" --bootstrap "127.0.0.1:$CRM_KAFKA_PORT" "${@:-list}"
      ;;
    *) events_usage; [[ -z ${1:-} ]] || exit 2 ;;
  esac
}
