# shellcheck shell=bash
# PostgreSQL 15: one cluster for the stack, one database per service, owned by role crm.

PG_BIN="${CRM_PG_BIN:-/usr/lib/postgresql/15/bin}"
# one per service of config-repo/services.yml (infra/lib/services.sh)
PG_DATABASES=("${SERVICE_DATABASES[@]}")

# PostgreSQL refuses to run as root: as root, run its tools as the OS user `postgres`.
pg_run() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# The cluster lives in the work dir, unless the OS user postgres cannot reach it (a work dir under
# /root, say): then in /tmp, under a name derived from the work dir. Short enough for the socket
# path limit (~107 bytes) either way.
pg_paths() {
  [[ -n ${PG_BASE:-} ]] && return 0
  mkdir -p "$CRM_WORK_DIR"
  PG_BASE="$CRM_WORK_DIR/pg"
  if ((${#PG_BASE} > 80)) || { is_root && ! runuser -u postgres -- test -x "$CRM_WORK_DIR" 2>/dev/null; }; then
    PG_BASE="/tmp/crm-pg-$(cksum <<<"$CRM_WORK_DIR" | cut -d' ' -f1)"
  fi
  PG_DATA="$PG_BASE/data"
  PG_SOCKET_DIR="$PG_BASE/run"
}

postgres_init() {
  pg_paths
  [[ -x $PG_BIN/postgres ]] || die "PostgreSQL 15 not found in $PG_BIN (apt-get install postgresql-15, or set CRM_PG_BIN)"
  mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
  if is_root; then
    chown postgres: "$PG_BASE" "$PG_DATA" "$PG_SOCKET_DIR"
    chmod 700 "$PG_DATA"
  fi
  [[ -s $PG_DATA/PG_VERSION ]] && return 0
  info "initialising PostgreSQL in $PG_DATA"
  # local (socket) connections trust the OS user; TCP needs a password (crm/crm)
  pg_run "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >>"$(log_file postgres)" 2>&1 ||
    fail_with_log "initdb failed" postgres
}

postgres_running() { pg_paths && pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

postgres_start() {
  postgres_init
  if postgres_running; then
    info "postgres already running"
  else
    info "starting postgres on 127.0.0.1:$CRM_PG_PORT"
    # no -l: the server inherits this already opened log file, which user postgres need not reach
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 60 \
      -o "-p $CRM_PG_PORT -k $PG_SOCKET_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_SERVER_OPTS:-}" \
      start >>"$(log_file postgres)" 2>&1 || fail_with_log "postgres did not start" postgres
  fi
  head -n1 "$PG_DATA/postmaster.pid" >"$(pid_file postgres)"
}

psql_admin() {
  pg_paths
  pg_run "$PG_BIN/psql" -h "$PG_SOCKET_DIR" -p "$CRM_PG_PORT" -U postgres -d postgres \
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
  pg_paths
  if [[ -f $PG_DATA/postmaster.pid ]] && postgres_running; then
    info "stopping postgres"
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$CRM_STOP_TIMEOUT" stop >/dev/null ||
      stop_processes postgres
  fi
  rm -f "$(pid_file postgres)"
}
