# shellcheck shell=bash
# The local infrastructure as one unit: PostgreSQL, Kafka, Redis, Keycloak and an S3-compatible server, for `./crm up` (the dev instance) and
# for the tests (`--test`: a work dir and free ports of its own, durability off). The integration tests run these same
# functions through `./crm infra … --test`, so there is one implementation of each component.

INFRA_COMPONENTS=(postgres kafka redis keycloak s3)
INFRA_PORT_VARIABLES=(CRM_PG_PORT CRM_KAFKA_PORT CRM_KAFKA_CONTROLLER_PORT CRM_REDIS_PORT CRM_KEYCLOAK_PORT
  CRM_KEYCLOAK_MGMT_PORT CRM_S3_PORT)

# Sourced before common.sh: with --test, the work dir (and through it every path the other libs derive) moves to the
# test instance's, and its ports, once chosen, come from its ports file.
infra_select_instance() {
  CRM_INFRA_PROFILE=dev
  [[ ${1:-} == infra || ${1:-} == test ]] || return 0
  [[ ${1:-} == test || " ${*:2} " == *" --test "* ]] || return 0
  CRM_INFRA_PROFILE=test
  local base="${CRM_WORK_DIR:-$CRM_ROOT/.crm}"
  [[ $base == /* ]] || base="$PWD/$base"
  export CRM_TEST_WORK_DIR="${CRM_TEST_WORK_DIR:-$base/test}"
  [[ ${1:-} == infra ]] || return 0
  export CRM_WORK_DIR="$CRM_TEST_WORK_DIR"
  # shellcheck source=/dev/null
  [[ -f $CRM_WORK_DIR/ports.env ]] && source "$CRM_WORK_DIR/ports.env"
  return 0
}

infra_usage() {
  cat <<EOF
Usage: ./crm infra <command> [--test]

  up [--no-wait]     start PostgreSQL, Kafka, Redis, Keycloak and S3 (S3Mock) and wait until each answers (a running one is kept);
                     --no-wait returns while Kafka and Keycloak still boot
  wait               wait until each answers
  down [--wipe]      stop them; --wipe deletes their data (installs and the Kafka classpath stay)
  stop <component>   stop one of: ${INFRA_COMPONENTS[*]} (outage tests); its port and data stay
  start <component>  start it again on the same port with the same data, and wait until it answers
  pause <component>  freeze its processes (SIGSTOP), as a paused container: connections hang instead of being refused
  resume <component> let them run again (SIGCONT)
  env                the endpoints, as CRM_TEST_* variables (what the integration tests read), and the ports

--test works on the test instance (./crm test starts it; the integration tests start or reuse it when run alone):
its own work dir (CRM_TEST_WORK_DIR, default <work dir>/test), free ports chosen at its first start, durability off.
EOF
}

cmd_infra() {
  local command="${1:-}" args=() option
  shift || true
  for option in "$@"; do [[ $option == --test ]] || args+=("$option"); done
  mkdir -p "$LOG_DIR" "$PID_DIR"
  case "$command" in
    up | down | stop | start | pause | resume) infra_lock "$command" "$@" ;;
  esac
  case "$command" in
    up) infra_up "${args[@]}" ;;
    wait) infra_wait ;;
    down) infra_down "${args[@]}" ;;
    stop) infra_stop "$(infra_component "${args[0]:-}")" ;;
    start) infra_start_one "$(infra_component "${args[0]:-}")" ;;
    pause) infra_signal STOP "$(infra_component "${args[0]:-}")" ;;
    resume) infra_signal CONT "$(infra_component "${args[0]:-}")" ;;
    env) infra_env ;;
    *) infra_usage; [[ -z $command ]] || exit 2 ;;
  esac
}

# One command at a time per instance (test JVMs of modules built in parallel may all ask for it at once): the command
# runs again under flock, which holds the lock until it ends; -o keeps the lock's file descriptor from the processes
# it starts, which would otherwise hold the lock for as long as they run.
infra_lock() {
  [[ -n ${CRM_INFRA_LOCKED:-} ]] && return 0
  CRM_INFRA_LOCKED=1 exec flock -o -w "$CRM_UP_TIMEOUT" "$CRM_WORK_DIR/infra.lock" "$CRM_ROOT/crm" infra "$@"
}

infra_component() {
  local name
  for name in "${INFRA_COMPONENTS[@]}"; do [[ $name == "$1" ]] && { echo "$1"; return 0; }; done
  die "unknown component '$1': one of ${INFRA_COMPONENTS[*]}"
}

infra_any_running() {
  local name
  for name in "${INFRA_COMPONENTS[@]}"; do is_running "$name" && return 0; done
  return 1
}

# Starts every component without waiting (Kafka and Keycloak boot while the caller does other work).
infra_start() {
  infra_profile_settings
  kafka_start
  keycloak_start
  s3_start
  postgres_start
  if [[ $CRM_INFRA_PROFILE == test ]]; then
    # the tests create a database per test JVM (PostgresEndpoint.createDatabase)
    [[ $(psql_admin -c "select 1 from pg_roles where rolname = 'crm'") == 1 ]] ||
      psql_admin -c "create role crm login superuser password 'crm'"
  else
    postgres_create_databases
  fi
  redis_start
}

infra_wait() {
  redis_wait
  kafka_wait
  s3_wait
  keycloak_wait
}

infra_up() {
  local started
  started="$(now)"
  [[ $CRM_INFRA_PROFILE == test ]] && ! infra_any_running && infra_choose_test_ports
  infra_start
  if [[ ${1:-} == --no-wait ]]; then
    info "infrastructure started in $(elapsed_since "$started") s; Kafka and Keycloak are still booting (./crm infra wait)"
    return 0
  fi
  infra_wait
  info "infrastructure is up in $(elapsed_since "$started") s"
}

infra_down() {
  stop_processes keycloak kafka redis s3
  postgres_stop
  if [[ ${1:-} == --wipe ]]; then
    pg_paths
    rm -rf "$PG_BASE" "$KAFKA_DIR/data" "$REDIS_DIR" "$KEYCLOAK_HOME/data/h2" "$S3_DIR/data"
  fi
}

infra_stop() {
  case "$1" in
    postgres) postgres_stop ;;
    *) stop_processes "$1" ;;
  esac
}

# Every process of a component at once: each was started in a session (and process group) of its own (start_process).
infra_signal() {
  [[ $2 != postgres ]] || die "PostgreSQL runs under pg_ctl: stop and start it instead"
  is_running "$2" || die "$2 is not running"
  kill "-$1" -- "-$(pid_of "$2")"
}

infra_start_one() {
  infra_profile_settings
  case "$1" in
    postgres) postgres_start ;;
    kafka) kafka_start; kafka_wait ;;
    redis) redis_start; redis_wait ;;
    keycloak) keycloak_start; keycloak_wait ;;
    s3) s3_start; s3_wait ;;
  esac
}

# The test instance trades durability for speed (a crash loses nothing a test needs).
infra_profile_settings() {
  [[ $CRM_INFRA_PROFILE == test ]] || return 0
  PG_SERVER_OPTS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  REDIS_PERSISTENCE_OPTS=(--save "" --appendonly no)
}

# Free ports for the test instance, kept in its ports file so that a restart (outage tests) and later commands
# (./crm infra env --test) find them.
infra_choose_test_ports() {
  local variable port taken=" "
  : >"$CRM_WORK_DIR/ports.env"
  for variable in "${INFRA_PORT_VARIABLES[@]}"; do
    while :; do
      # below Linux's ephemeral range (32768-60999): an outgoing connection took a port chosen there before Kafka's
      # controller bound it
      port=$((20000 + RANDOM % 12000))
      [[ $taken != *" $port "* ]] && ! port_open "$port" && break
    done
    taken+="$port "
    export "$variable=$port"
    echo "export $variable=$port" >>"$CRM_WORK_DIR/ports.env"
  done
}

# A stack on the test instance's infrastructure (`./crm up --test-infra`: the system tests under `./crm test`, which
# would otherwise start a second PostgreSQL, Kafka, Keycloak, Redis and S3 for the same run). The instance is started
# unless it runs, its ports become the stack's, and the stack's work dir remembers it: `./crm down` then stops the
# services only. The services' databases, topics and bucket are their plain names, next to the tests' crm_test_*.
infra_attached_file() { echo "$CRM_WORK_DIR/infra-attached"; }

infra_attach_test() {
  export CRM_TEST_WORK_DIR="${CRM_TEST_WORK_DIR:-$CRM_WORK_DIR/test}"
  "$CRM_ROOT/crm" infra up --test --no-wait
  echo "$CRM_TEST_WORK_DIR" >"$(infra_attached_file)"
  infra_load_attached || die "the test infrastructure in $CRM_TEST_WORK_DIR has no ports file"
  (CRM_WORK_DIR="$CRM_TEST_WORK_DIR" PG_BASE="" && postgres_create_databases)
}

# Takes the attached instance's ports (every command but up, which decides anew, works with them); false when the
# stack runs its own infrastructure or that instance is gone.
infra_load_attached() {
  infra_attached || return 1
  local instance
  instance="$(<"$(infra_attached_file)")"
  [[ -f $instance/ports.env ]] || return 1
  # shellcheck source=/dev/null
  source "$instance/ports.env"
}

infra_attached() { [[ -f $(infra_attached_file) ]]; }

# Waits for the attached instance as `./crm infra wait --test` does.
infra_wait_attached() { CRM_TEST_WORK_DIR="$(<"$(infra_attached_file)")" "$CRM_ROOT/crm" infra wait --test; }

# `./crm down` of an attached stack: the infrastructure keeps running (and the stack's data with it); --wipe drops the
# stack's databases there, when it runs, and forgets the instance.
infra_detach() {
  [[ ${1:-} == --wipe ]] || return 0
  local instance db
  instance="$(<"$(infra_attached_file)")"
  if infra_load_attached && port_open "$CRM_PG_PORT"; then
    for db in "${PG_DATABASES[@]}"; do
      (CRM_WORK_DIR="$instance" PG_BASE="" && psql_admin -c "drop database if exists $db with (force)")
    done
    info "dropped the services' databases on the test infrastructure"
  fi
  rm -f "$(infra_attached_file)"
}

infra_env() {
  cat <<EOF
CRM_TEST_WORK_DIR=$CRM_WORK_DIR
CRM_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$CRM_PG_PORT/postgres
CRM_TEST_POSTGRES_USER=crm
CRM_TEST_POSTGRES_PASSWORD=crm
CRM_TEST_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$CRM_KAFKA_PORT
CRM_TEST_REDIS_URL=redis://127.0.0.1:$CRM_REDIS_PORT
CRM_TEST_KEYCLOAK_URL=$(keycloak_url)
CRM_TEST_S3_ENDPOINT=$(s3_url)
EOF
  # the ports themselves, under the names every ./crm command reads (a stack on this instance: up --test-infra)
  local variable
  for variable in "${INFRA_PORT_VARIABLES[@]}"; do echo "$variable=${!variable}"; done
}
