# shellcheck shell=bash
# PostgreSQL 15: one cluster in $CRM_WORK_DIR/postgres, one database per service, owned by role crm.

PG_BIN="${CRM_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DATA="$CRM_WORK_DIR/postgres"
PG_DATABASES=(crm_customer crm_lead crm_activity crm_payment crm_notification crm_reporting)

# PostgreSQL refuses to run as root: as root, run its tools as the OS user `postgres`.
pg_run() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Unix sockets have a ~107 byte path limit; deep work dirs fall back to /tmp.
pg_socket_dir() {
  local dir="$CRM_WORK_DIR/run"
  ((${#dir} < 90)) || dir="/tmp/crm-pg-$CRM_PG_PORT"
  echo "$dir"
}

postgres_init() {
  [[ -x $PG_BIN/postgres ]] || die "PostgreSQL 15 not found in $PG_BIN (apt-get install postgresql-15, or set CRM_PG_BIN)"
  local sock log
  sock="$(pg_socket_dir)"
  log="$(log_file postgres)"
  mkdir -p "$PG_DATA" "$sock"
  touch "$log"
  if is_root; then
    chown postgres: "$PG_DATA" "$sock" "$log"
    chmod 700 "$PG_DATA"
    runuser -u postgres -- test -w "$PG_DATA" ||
      die "OS user postgres cannot reach $PG_DATA: make its parent directories world-searchable (chmod o+x) or set CRM_WORK_DIR"
  fi
  [[ -s $PG_DATA/PG_VERSION ]] && return 0
  info "initialising PostgreSQL in $PG_DATA"
  # local (socket) connections trust the OS user; TCP needs a password (crm/crm)
  pg_run "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >>"$log" 2>&1 ||
    fail_with_log "initdb failed" postgres
}

postgres_running() { pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

postgres_start() {
  postgres_init
  if postgres_running; then
    info "postgres already running"
  else
    info "starting postgres on 127.0.0.1:$CRM_PG_PORT"
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$(log_file postgres)" -w -t 60 \
      -o "-p $CRM_PG_PORT -k $(pg_socket_dir) -c listen_addresses=127.0.0.1 -c max_connections=200" \
      start >/dev/null || fail_with_log "postgres did not start" postgres
  fi
  head -n1 "$PG_DATA/postmaster.pid" >"$(pid_file postgres)"
}

psql_admin() {
  pg_run "$PG_BIN/psql" -h "$(pg_socket_dir)" -p "$CRM_PG_PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -qtAX "$@"
}

postgres_create_databases() {
  [[ $(psql_admin -c "select 1 from pg_roles where rolname = 'crm'") == 1 ]] ||
    psql_admin -c "create role crm login password 'crm'"
  local db
  for db in "${PG_DATABASES[@]}"; do
    [[ $(psql_admin -c "select 1 from pg_database where datname = '$db'") == 1 ]] ||
      psql_admin -c "create database $db owner crm"
  done
}

postgres_stop() {
  if [[ -f $PG_DATA/postmaster.pid ]] && postgres_running; then
    info "stopping postgres"
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$CRM_STOP_TIMEOUT" stop >/dev/null ||
      stop_processes postgres
  fi
  rm -f "$(pid_file postgres)"
}
