# shellcheck shell=bash
# Kafka 4.1.1, one KRaft node (broker + controller), run from Maven Central jars (infra/kafka/pom.xml).

KAFKA_DIR="$CRM_WORK_DIR/kafka"
KAFKA_POM="$CRM_ROOT/infra/kafka/pom.xml"

infra_java() { echo "${CRM_INFRA_JAVA:-java}"; }

kafka_classpath() { maven_classpath Kafka "$KAFKA_POM"; }

# Written on every start so that port changes apply; the static voter list lets the storage be
# formatted without --standalone (the format tool refuses to mix the two styles).
kafka_write_config() {
  cat >"$KAFKA_DIR/server.properties" <<EOF
node.id=1
process.roles=broker,controller
controller.quorum.voters=1@127.0.0.1:$CRM_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$CRM_KAFKA_PORT,CONTROLLER://127.0.0.1:$CRM_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$CRM_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
auto.create.topics.enable=true
num.partitions=3
# one broker: one offsets partition is plenty, and consumer groups join faster than with the default 50
offsets.topic.num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

# Sets KAFKA_JAVA to the java command line (up to the main class) for the broker and its tools.
kafka_java_command() {
  local cp
  cp="$(kafka_classpath)"
  KAFKA_JAVA=("$(infra_java)" -Xms256m -Xmx256m -XX:+UseG1GC -XX:MaxGCPauseMillis=20
    -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.showDateTime=true
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS"
    -cp "$cp")
}

kafka_start() {
  if is_running kafka; then
    info "kafka already running"
    return 0
  fi
  kafka_java_command
  mkdir -p "$KAFKA_DIR/data"
  kafka_write_config
  if [[ ! -f $KAFKA_DIR/data/meta.properties ]]; then
    local cluster_id
    cluster_id="$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-22)"
    # "=": an id may start with "-", which the tool's parser would take for an option
    "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format --cluster-id="$cluster_id" \
      -c "$KAFKA_DIR/server.properties" >"$LOG_DIR/kafka-format.log" 2>&1 ||
      fail_with_log "formatting the Kafka storage failed" kafka-format
  fi
  info "starting kafka on 127.0.0.1:$CRM_KAFKA_PORT (controller $CRM_KAFKA_CONTROLLER_PORT)"
  start_process kafka "${KAFKA_JAVA[@]}" kafka.Kafka "$KAFKA_DIR/server.properties"
}

kafka_wait() { wait_for kafka "listener on port $CRM_KAFKA_PORT" port_open "$CRM_KAFKA_PORT"; }
