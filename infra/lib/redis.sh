# shellcheck shell=bash
# Redis from the distribution's redis-server package, daemonised, data in $CRM_WORK_DIR/redis.

REDIS_DIR="$CRM_WORK_DIR/redis"
CRM_REDIS_MAXMEMORY="${CRM_REDIS_MAXMEMORY:-256mb}"
REDIS_PERSISTENCE_OPTS=()   # the test instance keeps nothing (infra.sh)

# Debian's redis-server is a one-time prerequisite: installed here when we are root.
ensure_redis_installed() {
  command -v redis-server >/dev/null && return 0
  is_root || die "redis-server is missing: install it once with 'sudo apt-get install -y redis-server'"
  info "installing redis-server (apt-get, once)"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq redis-server; } >"$LOG_DIR/apt-redis.log" 2>&1 ||
    fail_with_log "apt-get install redis-server failed" apt-redis
}

# CRM_REDIS_TLS_DIR (server.crt, server.key, ca.crt in PEM): the port speaks TLS only, as a managed Redis with
# in-transit encryption does; clients need no certificate of their own
redis_tls_opts() {
  [[ -n ${CRM_REDIS_TLS_DIR:-} ]] || return 0
  printf '%s\n' --port 0 --tls-port "$CRM_REDIS_PORT" --tls-auth-clients no \
    --tls-cert-file "$CRM_REDIS_TLS_DIR/server.crt" --tls-key-file "$CRM_REDIS_TLS_DIR/server.key" \
    --tls-ca-cert-file "$CRM_REDIS_TLS_DIR/ca.crt"
}

redis_ping() {
  local tls=()
  [[ -n ${CRM_REDIS_TLS_DIR:-} ]] && tls=(--tls --cacert "$CRM_REDIS_TLS_DIR/ca.crt")
  [[ $(redis-cli -h 127.0.0.1 -p "$CRM_REDIS_PORT" "${tls[@]}" ping 2>/dev/null) == PONG ]]
}

redis_start() {
  if is_running redis; then
    info "redis already running"
    return 0
  fi
  ensure_redis_installed
  mkdir -p "$REDIS_DIR"
  info "starting redis on 127.0.0.1:$CRM_REDIS_PORT (maxmemory $CRM_REDIS_MAXMEMORY, noeviction)"
  local log
  log="$(log_file redis)"
  local tls_opts
  mapfile -t tls_opts < <(redis_tls_opts)
  [[ -f $log ]] && mv -f "$log" "$LOG_DIR/redis.prev.log"
  # maxmemory with noeviction: when full, writes (new sessions, rate-limit buckets) fail loudly instead of Redis
  # silently evicting someone's session; see the README (Redis)
  redis-server --bind 127.0.0.1 --port "$CRM_REDIS_PORT" --daemonize yes --dir "$REDIS_DIR" \
    --maxmemory "$CRM_REDIS_MAXMEMORY" --maxmemory-policy noeviction "${REDIS_PERSISTENCE_OPTS[@]}" "${tls_opts[@]}" \
    --pidfile "$(pid_file redis)" --logfile "$log" </dev/null >/dev/null ||
    fail_with_log "redis-server did not start" redis
}

redis_wait() {
  local deadline=$((SECONDS + 30))
  until redis_ping; do
    ((SECONDS < deadline)) || fail_with_log "redis does not answer PING on port $CRM_REDIS_PORT" redis
    sleep 0.2
  done
}
