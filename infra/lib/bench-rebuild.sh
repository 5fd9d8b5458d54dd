# shellcheck shell=bash
# ./crm bench reports rebuild: a rebuild by replay of a large history (figures, not a test).
#
# A history of CRM_BENCH_REBUILD_EVENTS events (default 7,000,000: 1M customers, 1M leads and 5M events on them; see
# infra/tools/EventHistory.java) is produced once to topics of their own (prefix history-<events>.), which no service of the
# stack consumes. A reporting-service instance of its own (database crm_reporting_history, the stack's jar, Kafka,
# Keycloak and config server; outside discovery, its live consumer starting at the topics' ends) rebuilds its read
# models from them through POST /api/v1/reports/admin/rebuild, as an admin would. Beside it, in the same run: the
# Kafka floor (the same records read from the beginning by a plain consumer, as the replay reads them) and the SQL
# floor (the rows the rebuild wrote, copied table by table in one statement each).

BENCH_REBUILD_EVENTS="${CRM_BENCH_REBUILD_EVENTS:-7000000}"
# the history of each size on topics of its own
BENCH_REBUILD_PREFIX="history-$BENCH_REBUILD_EVENTS."
BENCH_REBUILD_DATABASE=crm_reporting_history
BENCH_REBUILD_APP=reporting-history
BENCH_REBUILD_PORT="${CRM_BENCH_REBUILD_PORT:-18086}"

bench_rebuild() {
  local cp output
  bench_require_stack reporting-service
  cp="$(kafka_classpath)"
  info "a history of $BENCH_REBUILD_EVENTS events on ${BENCH_REBUILD_PREFIX}crm.* (written once)"
  output="$(bench_rebuild_java "$cp" write "$BENCH_REBUILD_EVENTS")" || die "EventHistory failed: $output"
  info "$(grep '^HISTORY' <<<"$output")"
  BENCH_REBUILD_FLOOR="$(bench_rebuild_java "$cp" read)" || die "EventHistory failed: $BENCH_REBUILD_FLOOR"
  BENCH_REBUILD_FLOOR="$(grep '^FLOOR' <<<"$BENCH_REBUILD_FLOOR")"
  bench_rebuild_start
  trap 'stop_processes "$BENCH_REBUILD_APP"' EXIT
  bench_rebuild_run
  bench_rebuild_sql_floor
  stop_processes "$BENCH_REBUILD_APP"
  trap - EXIT
  bench_rebuild_report
}

bench_rebuild_java() {
  local cp="$1"; shift
  "$(infra_java)" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" "$CRM_ROOT/infra/tools/EventHistory.java" \
    "$1" "127.0.0.1:$CRM_KAFKA_PORT" "$BENCH_REBUILD_PREFIX" "${@:2}" 2>&1
}

bench_rebuild_start() {
  local exists
  exists="$(psql_admin -tAc "select 1 from pg_database where datname = '$BENCH_REBUILD_DATABASE'")"
  [[ $exists == 1 ]] || psql_admin -qc "create database $BENCH_REBUILD_DATABASE owner crm" >/dev/null
  local opts jar="$APPS_DIR/$BENCH_REBUILD_APP.jar"
  [[ -f $(app_jar reporting-service) ]] || die "no reporting-service jar: ./crm up (which builds it) first"
  # a copy of the jar as built (the stack's may be older): a build during the run replaces the original, and the
  # running JVM would then load its remaining classes from the new file and fail
  mkdir -p "$APPS_DIR"
  cp "$(app_jar reporting-service)" "$jar"
  select_spring_java
  read -r -a opts <<<"$(app_java_opts reporting-service)"
  # its own name (consumer group, no registry entry), reporting-service's configuration, its own database and topics
  start_process "$BENCH_REBUILD_APP" env SPRING_PROFILES_ACTIVE="$(app_profiles reporting-service)" \
    "$SPRING_JAVA" "${opts[@]}" -jar "$jar" --server.port="$BENCH_REBUILD_PORT" \
    --spring.application.name="$BENCH_REBUILD_APP" --spring.cloud.config.name=reporting-service,services \
    --crm.database="$BENCH_REBUILD_DATABASE" --crm.events.topic-prefix="$BENCH_REBUILD_PREFIX" \
    --spring.kafka.consumer.auto-offset-reset=latest --eureka.client.enabled=false
  info "starting a reporting-service of its own on port $BENCH_REBUILD_PORT (log: $(log_file "$BENCH_REBUILD_APP"))"
  wait_for "$BENCH_REBUILD_APP" "health" health_up "$BENCH_REBUILD_PORT"
}

# POST the rebuild, then its status every 2 s until it is done; a token lives 5 minutes, so one per poll
bench_rebuild_run() {
  local url="http://127.0.0.1:$BENCH_REBUILD_PORT/api/v1/reports/admin/rebuild" answer state
  answer="$(curl -sS -w '\n%{http_code}' -X POST -H "Authorization: Bearer $(bench_token "$BENCH_ADMIN")" "$url")"
  [[ ${answer##*$'\n'} == 202 ]] || die "the rebuild was refused: $answer"
  BENCH_REBUILD_LOAD=()
  while true; do
    sleep 2
    answer="$(curl -fsS -H "Authorization: Bearer $(bench_token "$BENCH_ADMIN")" "$url")" ||
      die "the rebuild's status did not answer (log: $(log_file "$BENCH_REBUILD_APP"))"
    state="$(reports_field state "$answer")"
    BENCH_REBUILD_LOAD+=("$(bench_load)")
    reports_progress "$state" "$answer" >&2
    [[ $state != switching || -n ${BENCH_REBUILD_SWITCHING:-} ]] || BENCH_REBUILD_SWITCHING="$(date +%s)"
    case "$state" in
      done) printf '\n' >&2; BENCH_REBUILD_STATUS="$answer"; return ;;
      failed) printf '\n' >&2; die "the rebuild failed: $(reports_field error "$answer")" ;;
    esac
  done
}

# the rows the rebuild wrote (read models and inbox), each table copied in one statement into a scratch schema
bench_rebuild_sql_floor() {
  local started tables rows
  tables="$(psql_admin -d "$BENCH_REBUILD_DATABASE" -tAc "select string_agg(table_name, ' ') from
    information_schema.tables where table_schema = 'public' and table_name not in ('flyway_schema_history',
    'rebuild_status', 'dashboard_layout', 'shedlock', 'outbox_event')")"
  rows="$(psql_admin -d "$BENCH_REBUILD_DATABASE" -tAc "select sum(n_live_tup) from pg_stat_user_tables
    where schemaname = 'public'")"
  started="$(date +%s.%N)"
  {
    echo "drop schema if exists bench_floor cascade; create schema bench_floor;"
    for table in $tables; do
      echo "create table bench_floor.$table (like public.$table including all);"
      echo "insert into bench_floor.$table select * from public.$table;"
    done
    echo "drop schema bench_floor cascade;"
  } | PGOPTIONS='-c client_min_messages=warning' psql_admin -d "$BENCH_REBUILD_DATABASE" -q -v ON_ERROR_STOP=1 >/dev/null
  BENCH_REBUILD_SQL="rows=$rows seconds=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
}

bench_rebuild_report() {
  local started finished seconds
  started="$(reports_field startedAt "$BENCH_REBUILD_STATUS")"
  finished="$(reports_field finishedAt "$BENCH_REBUILD_STATUS")"
  seconds=$(($(date -d "$finished" +%s) - $(date -d "$started" +%s)))
  printf '\nrebuild by replay of %s events (load at the start / end: %s / %s):\n' "$BENCH_REBUILD_EVENTS" \
    "${BENCH_REBUILD_LOAD[0]}" "${BENCH_REBUILD_LOAD[-1]}"
  awk -v line="$BENCH_REBUILD_FLOOR" 'BEGIN { n = split(line, p, " "); for (i = 2; i <= n; i++) { split(p[i], kv, "="); f[kv[1]] = kv[2] }
    printf "  Kafka floor (read every record)   %s records in %s s: %s records/s\n", f["records"], f["seconds"], f["per_second"] }'
  awk -v line="$BENCH_REBUILD_SQL" 'BEGIN { n = split(line, p, " "); for (i = 1; i <= n; i++) { split(p[i], kv, "="); f[kv[1]] = kv[2] }
    printf "  SQL floor (its rows copied)       %s rows in %s s\n", f["rows"], f["seconds"] }'
  printf '  the rebuild                       %s events in %s s: %s events/s (the switch from about %s s on)\n' \
    "$(reports_field eventsApplied "$BENCH_REBUILD_STATUS")" "$seconds" \
    "$(reports_field eventsPerSecond "$BENCH_REBUILD_STATUS")" \
    "$((${BENCH_REBUILD_SWITCHING:-$(date -d "$finished" +%s)} - $(date -d "$started" +%s)))"
}
