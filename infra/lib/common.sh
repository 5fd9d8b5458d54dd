# shellcheck shell=bash
# Shared settings and helpers for ./crm. Sourced, never run; expects CRM_ROOT to be set.

# --- settings: every port, the heap and the work dir can be overridden from the environment ---
export CRM_WORK_DIR="${CRM_WORK_DIR:-$CRM_ROOT/.crm}"
[[ $CRM_WORK_DIR == /* ]] || CRM_WORK_DIR="$PWD/$CRM_WORK_DIR"
export CRM_GATEWAY_PORT="${CRM_GATEWAY_PORT:-8080}"
# the gateway's actuator (metrics), 127.0.0.1 only; its public port has only the probes /livez and /readyz
export CRM_GATEWAY_MANAGEMENT_PORT="${CRM_GATEWAY_MANAGEMENT_PORT:-9080}"
export CRM_DISCOVERY_PORT="${CRM_DISCOVERY_PORT:-8761}"
export CRM_CONFIG_PORT="${CRM_CONFIG_PORT:-8888}"
# the services' ports (CRM_CUSTOMER_PORT, ...) come from config-repo/services.yml: infra/lib/services.sh
export CRM_KEYCLOAK_PORT="${CRM_KEYCLOAK_PORT:-8180}"
export CRM_KEYCLOAK_MGMT_PORT="${CRM_KEYCLOAK_MGMT_PORT:-9190}"
export CRM_PG_PORT="${CRM_PG_PORT:-15432}"
export CRM_KAFKA_PORT="${CRM_KAFKA_PORT:-19092}"
export CRM_KAFKA_CONTROLLER_PORT="${CRM_KAFKA_CONTROLLER_PORT:-19093}"
export CRM_REDIS_PORT="${CRM_REDIS_PORT:-16379}"
# the S3 API (S3Mock) for documents
export CRM_S3_PORT="${CRM_S3_PORT:-19090}"
export CRM_CONFIG_REPO="${CRM_CONFIG_REPO:-$CRM_ROOT/config-repo}"

CRM_UP_TIMEOUT="${CRM_UP_TIMEOUT:-300}"      # seconds `up` waits for everything to be healthy
CRM_STOP_TIMEOUT="${CRM_STOP_TIMEOUT:-20}"   # seconds `down` waits before it kills

LOG_DIR="$CRM_WORK_DIR/logs"
PID_DIR="$CRM_WORK_DIR/pids"
# what outlives a work dir (and a clone): Keycloak's build, the infrastructure's resolved classpaths
CRM_CACHE_DIR="${CRM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/opencrm}"

# --- output ---
info() { printf '\033[1;34m[crm]\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m[crm]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[crm] error:\033[0m %s\n' "$*" >&2; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

now() { date +%s.%N; }
elapsed_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# --- processes: one pid file and one log file per named process ---
log_file() { echo "$LOG_DIR/$1.log"; }
pid_file() { echo "$PID_DIR/$1.pid"; }

pid_of() {
  local file
  file="$(pid_file "$1")"
  [[ -s $file ]] && head -n1 "$file"
  return 0
}

# Alive and not a zombie (an exited child that nobody has reaped yet still answers kill -0).
is_running() {
  local pid
  pid="$(pid_of "$1")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && [[ $(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) != Z ]]
}

# Starts a long-running command in its own session, output to its log file, and records its pid.
# The previous log is kept as <name>.prev.log.
start_process() {
  local name="$1"; shift
  local log
  log="$(log_file "$name")"
  [[ -f $log ]] && mv -f "$log" "$LOG_DIR/$name.prev.log"
  setsid "$@" >"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# Sends SIGTERM to every named process, waits up to CRM_STOP_TIMEOUT seconds, then SIGKILLs the rest.
stop_processes() {
  local name pid deadline pending=()
  for name in "$@"; do
    if is_running "$name"; then
      kill -TERM "$(pid_of "$name")" 2>/dev/null || true
      pending+=("$name")
    else
      rm -f "$(pid_file "$name")"
    fi
  done
  ((${#pending[@]})) || return 0
  info "stopping ${pending[*]}"
  deadline=$((SECONDS + CRM_STOP_TIMEOUT))
  while ((SECONDS < deadline)); do
    local still=()
    for name in "${pending[@]}"; do is_running "$name" && still+=("$name"); done
    ((${#still[@]})) || break
    sleep 0.3
  done
  for name in "${pending[@]}"; do
    if is_running "$name"; then
      pid="$(pid_of "$name")"
      warn "$name (pid $pid) ignored SIGTERM for ${CRM_STOP_TIMEOUT}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$(pid_file "$name")"
  done
}

# Resident memory of a process in MB, plus the proportional share (PSS) of its children, so that
# PostgreSQL's shared buffers are not counted once per backend.
rss_mb() {
  local pid="$1" kb child
  kb="$(awk '/^VmRSS:/ { rss = $2 } END { print rss + 0 }' "/proc/$pid/status" 2>/dev/null || echo 0)"
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do
    kb=$((kb + $(awk '/^Pss:/ { pss = $2 } END { print pss + 0 }' "/proc/$child/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo $((kb / 1024))
}

# --- readiness probes ---
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }
health_up() { curl -fsS --max-time 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; }

# wait_for <name> <what> <command...>: polls the command until it succeeds, the process dies or
# CRM_UP_TIMEOUT passes; a failure names the log to read.
wait_for() {
  local name="$1" what="$2"; shift 2
  local deadline=$((SECONDS + CRM_UP_TIMEOUT))
  until "$@"; do
    if ! is_running "$name"; then
      fail_with_log "$name exited before $what" "$name"
    fi
    if ((SECONDS >= deadline)); then
      fail_with_log "$name: no $what after ${CRM_UP_TIMEOUT}s (CRM_UP_TIMEOUT)" "$name"
    fi
    sleep 0.3
  done
}

fail_with_log() {
  local message="$1" name="$2" log
  log="$(log_file "$name")"
  {
    printf '\n--- last lines of %s ---\n' "$log"
    tail -n 30 "$log" 2>/dev/null || true
    printf -- '---\n'
  } >&2
  die "$message; full log: $log"
}

# --- servers run from Maven Central jars (infra/<server>/pom.xml) ---
# The runtime classpath of such a pom, resolved by Maven once per version of the pom and kept in the cache: a fresh
# clone or work dir (every CI run) then starts the server without a Maven run of its own, as long as the local
# repository still holds every jar it names.
maven_classpath() {
  local server=$1 pom=$2 file
  file="$CRM_CACHE_DIR/${server,,}-classpath-$(sha256sum <"$pom" | cut -c1-12).txt"
  if ! all_files_exist "$file"; then
    info "resolving the $server classpath (once)" >&2
    mkdir -p "$CRM_CACHE_DIR"
    "$CRM_ROOT/mvnw" -B -q -f "$pom" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$file.$$" >&2 && mv "$file.$$" "$file" ||
      die "could not resolve the $server classpath from $pom"
  fi
  cat "$file"
}

# Whether a classpath file exists and every entry on it is a file.
all_files_exist() {
  local entries entry
  [[ -s $1 ]] || return 1
  IFS=: read -r -a entries <"$1"
  for entry in "${entries[@]}"; do [[ -f $entry ]] || return 1; done
}
