# shellcheck shell=bash
# The Spring Boot JVMs: extracted jars, an AOT cache (JDK 25) or CDS archive (older JDKs) per app.

SPRING_PLATFORM_APPS=(discovery config-server)
# the services of config-repo/services.yml (infra/lib/services.sh), then the gateway in front of them
SPRING_SERVICE_APPS=("${SERVICE_NAMES[@]}" gateway)
SPRING_APPS=("${SPRING_PLATFORM_APPS[@]}" "${SPRING_SERVICE_APPS[@]}")
# CRM_SERVICES="customer-service gateway" starts a subset (discovery and config-server always run)
read -r -a SELECTED_SERVICE_APPS <<<"${CRM_SERVICES:-${SPRING_SERVICE_APPS[*]}}"
APPS_DIR="$CRM_WORK_DIR/apps"
# demo customers that customer-service creates when its database is empty (config-repo/customer-service.yml)
export CRM_DEMO_CUSTOMERS="${CRM_DEMO_CUSTOMERS:-300}"
# Dev credentials of the registry (Eureka) and the config server, which both refuse anonymous callers. The services
# read CRM_CONFIG_* before they have any configuration, hence here; the local profiles of discovery, config-server
# and config-repo default to the same values. Set them to override.
export CRM_DISCOVERY_USER="${CRM_DISCOVERY_USER:-eureka}"
export CRM_DISCOVERY_PASSWORD="${CRM_DISCOVERY_PASSWORD:-eureka-dev-secret}"
export CRM_CONFIG_USER="${CRM_CONFIG_USER:-config}"
export CRM_CONFIG_PASSWORD="${CRM_CONFIG_PASSWORD:-config-dev-secret}"

app_port() {
  case "$1" in
    discovery) echo "$CRM_DISCOVERY_PORT" ;;
    config-server) echo "$CRM_CONFIG_PORT" ;;
    gateway) echo "$CRM_GATEWAY_PORT" ;;
    *-service)
      local variable
      variable="$(service_port_variable "$1")"
      [[ -n ${!variable:-} ]] || die "unknown app $1 (not in config-repo/services.yml)"
      echo "${!variable}"
      ;;
    *) die "unknown app $1" ;;
  esac
}

# where /actuator/health answers: the gateway keeps its actuator on a management port of its own
app_health_port() {
  if [[ $1 == gateway ]]; then echo "$CRM_GATEWAY_MANAGEMENT_PORT"; else app_port "$1"; fi
}

app_jar() { echo "$CRM_ROOT/$1/target/$1.jar"; }
app_dir() { echo "$APPS_DIR/$1"; }

# --- the JDK: CRM_JAVA_HOME, else the newest JDK under /usr/lib/jvm, else `java` on the PATH ---
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }'; }

select_spring_java() {
  if [[ -n ${CRM_JAVA_HOME:-} ]]; then
    SPRING_JAVA="$CRM_JAVA_HOME/bin/java"
  else
    SPRING_JAVA="$(command -v java || true)"
    local best=0 home version
    for home in /usr/lib/jvm/*/; do
      [[ -x $home/bin/java && -f $home/release ]] || continue
      version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
      if [[ -n $version ]] && ((version > best)); then
        best="$version"
        SPRING_JAVA="${home%/}/bin/java"
      fi
    done
  fi
  [[ -x $SPRING_JAVA ]] || die "no java found (set CRM_JAVA_HOME)"
  SPRING_JAVA_FEATURE="$(java_feature "$SPRING_JAVA")"
}

# JVM flags: CRM_JAVA_OPTS for all apps, CRM_JAVA_OPTS_<APP> (e.g. CRM_JAVA_OPTS_GATEWAY) for one.
# Services: C1 only (TieredStopAtLevel=1): C2 cost customer-service 2.4 times the CPU to start and 20-40 MB more
# memory, and made its list page barely faster when measured (the time went into the code path, not the compiler).
# The gateway: C2 (full tiered compilation). Every request passes it and its CPU per proxied request, not the
# service's, bounds throughput on two cores: 3.6-4.7 ms with C1, 2.2-2.4 ms with C2 once warm (about a minute of
# traffic), at 287 MB resident (list page through the gateway at one client, 1M customers). CRM_GATEWAY_C2=off: C1
# there too, for a stack that lives minutes (the system test): in two minutes of browser tests C2 compiled 7,800 of
# the gateway's methods, 43 % of its CPU: the same tests cost it 31 CPU-s with C2 and 20 with C1.
# The heap: a service's live set at idle is ~52 MB. The serial collector sizes the young generation at a third of the
# heap after each full collection and shrinks the old one only in steps, so a service that happened to collect fully
# during start-up idled with 125 MB of heap and one that did not with 75 MB (activity- against customer-service, same
# live set). A young generation of at most 12 MB (a young collection of it takes about a millisecond, so requests
# barely notice), no stepwise shrinking and at most 20 % free after a full collection keep it near the live set;
# collect_after_start runs that full collection once an app is up.
app_java_opts() {
  local var
  var="CRM_JAVA_OPTS_$(echo "${1//-/_}" | tr '[:lower:]' '[:upper:]')"
  local compiler=-XX:TieredStopAtLevel=1
  [[ $1 == gateway && ${CRM_GATEWAY_C2:-on} != off ]] && compiler=-XX:+TieredCompilation
  echo "${!var:-${CRM_JAVA_OPTS:--Xms24m -Xmx${CRM_HEAP:-128m} -XX:MaxNewSize=12m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -XX:+UseSerialGC $compiler -Xss512k -XX:ReservedCodeCacheSize=64m$(jdk_memory_opts)}}"
}

# One full collection per app once it is up: start-up leaves garbage promoted to the old generation, which the serial
# collector keeps (and its memory) until the old generation fills, which an idle service never does.
collect_after_start() {
  local jcmd app pid pids=()
  jcmd="$(dirname "$SPRING_JAVA")/jcmd"
  [[ -x $jcmd ]] || return 0
  for app in "$@"; do
    [[ -n $app ]] && is_running "$app" || continue
    pid="$(pid_of "$app")"
    "$jcmd" "$pid" GC.run >/dev/null 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" || true; done
}

# JDK 22+: memory that glibc keeps after a burst goes back to the system every 10 s; JDK 25: 8-byte object headers
# (smaller heap and class metadata)
jdk_memory_opts() {
  ((SPRING_JAVA_FEATURE >= 22)) && printf ' %s' -XX:TrimNativeHeapInterval=10000
  ((SPRING_JAVA_FEATURE >= 25)) && printf ' %s' -XX:+UseCompactObjectHeaders
  return 0
}

# --- start-up cache: CRM_AOT=off disables it ---
# JDK 19+: each JVM maps a dynamic CDS archive of its classes and writes it when it exits without one (at ./crm down;
# -XX:+AutoCreateSharedArchive), so no training run holds up an up: the first up after a build starts without it.
# A training run costs about one start per app (4.6 of the 9.5 minutes of a first up on 2 cores). JDK 25's AOT
# cache is not written that way: its one-step recording fails when the JVM ends on SIGTERM.
# JDK 13-18: one training run per app (-XX:ArchiveClassesAtExit) before its first start.
aot_enabled() { [[ ${CRM_AOT:-on} != off ]] && ((SPRING_JAVA_FEATURE >= 13)); }
aot_self_written() { ((SPRING_JAVA_FEATURE >= 19)); }
aot_file() { echo "$(app_dir "$1")/$1.jsa"; }

needs_training() { aot_enabled && ! aot_self_written && [[ ! -f $(aot_file "$1") ]]; }

aot_use_flags() {
  local cache
  cache="$(aot_file "$1")"
  aot_enabled || return 0
  if aot_self_written; then
    # the dump at exit warns of every class it cannot archive: to a file of its own, not the app's log
    echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$cache -Xlog:cds*=off -Xlog:cds*=warning:file=$cache.log"
  elif [[ -f $cache ]]; then
    echo "-XX:SharedArchiveFile=$cache"
  fi
}

# Unpacks the Boot jar (faster class loading, and the layout the AOT cache needs); a new jar
# replaces the directory, which drops the stale cache with it.
extract_app() {
  local app="$1" jar dir
  jar="$(app_jar "$app")"
  dir="$(app_dir "$app")"
  [[ -f $dir/.extracted && ! $jar -nt $dir/.extracted ]] && return 0
  rm -rf "$dir"
  # a short-lived JVM per app, all at once: C1 and the serial collector take the nine of them from 11.8 s to 8.8 s
  "$SPRING_JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null ||
    die "could not extract $jar"
  touch -r "$jar" "$dir/.extracted"
}

extract_apps() {
  local app pids=()
  for app in "$@"; do
    extract_app "$app" &
    pids+=($!)
  done
  local pid
  for pid in "${pids[@]}"; do wait "$pid" || die "extracting the jars failed"; done
}

# The config server serves config-repo through its `native` backend; an explicit profile list
# would otherwise switch that backend off.
app_profiles() {
  local profiles="${SPRING_PROFILES_ACTIVE:-local}"
  [[ $1 == config-server ]] && profiles="native,$profiles"
  echo "$profiles"
}

spring_command() {
  local app="$1" opts; shift
  read -r -a opts <<<"$(app_java_opts "$app")"
  # two malloc arenas instead of eight per core: the JVM allocates little natively after start-up
  SPRING_COMMAND=(env SPRING_PROFILES_ACTIVE="$(app_profiles "$app")" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
    "$SPRING_JAVA" "${opts[@]}" "$@" -jar "$(app_dir "$app")/$app.jar")
}

# One training run per app: the context refreshes (so its dependencies must be up) and exits.
train_app() {
  local app="$1" cache log
  cache="$(aot_file "$app")"
  log="$LOG_DIR/$app-training.log"
  spring_command "$app" "-XX:ArchiveClassesAtExit=$cache" -Dspring.context.exit=onRefresh
  if "${SPRING_COMMAND[@]}" --server.port=0 $([[ $app == gateway ]] && echo --management.server.port=0) \
    >"$log" 2>&1 </dev/null && [[ -f $cache ]]; then
    return 0
  fi
  rm -f "$cache"
  warn "training $app failed (see $log): it starts without a cache, and the next up trains again"
}

train_apps() {
  local app todo=()
  for app in "$@"; do
    is_running "$app" || ! needs_training "$app" || todo+=("$app")
  done
  ((${#todo[@]})) || return 0
  info "training start-up caches (once per build): ${todo[*]}"
  local started pids=() pid
  started="$(now)"
  for app in "${todo[@]}"; do
    train_app "$app" &
    pids+=($!)
  done
  # wait for these jobs only: the infrastructure processes are background jobs of this shell too
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  info "training took $(elapsed_since "$started")s"
}

start_app() {
  local app="$1" extra=()
  if is_running "$app"; then
    info "$app already running"
    return 0
  fi
  read -r -a extra <<<"$(aot_use_flags "$app")"
  spring_command "$app" "${extra[@]}"
  start_process "$app" "${SPRING_COMMAND[@]}" --server.port="$(app_port "$app")"
}

# Waits until every named app reports UP on /actuator/health.
wait_healthy() {
  local pending=("$@") deadline=$((SECONDS + CRM_UP_TIMEOUT)) started app
  started="$(now)"
  while ((${#pending[@]})); do
    local still=()
    for app in "${pending[@]}"; do
      if health_up "$(app_health_port "$app")"; then
        info "$app is UP on port $(app_port "$app") ($(elapsed_since "$started")s)"
      elif ! is_running "$app"; then
        fail_with_log "$app exited before it became healthy" "$app"
      else
        still+=("$app")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]})) || break
    if ((SECONDS >= deadline)); then
      for app in "${pending[@]}"; do warn "$app not healthy; log: $(log_file "$app")"; done
      fail_with_log "not healthy after ${CRM_UP_TIMEOUT}s (CRM_UP_TIMEOUT): ${pending[*]}" "${pending[0]}"
    fi
    sleep 0.5
  done
}

# Health UP does not mean routable: the gateway finds services through discovery's registry,
# which answers from a response cache. Waits until the registry lists every service.
wait_registered() {
  local deadline=$((SECONDS + CRM_UP_TIMEOUT)) started app apps missing
  started="$(now)"
  while true; do
    apps="$(curl -fsS --max-time 2 -H 'Accept: application/json' -u "$CRM_DISCOVERY_USER:$CRM_DISCOVERY_PASSWORD" \
      "http://127.0.0.1:$CRM_DISCOVERY_PORT/eureka/apps" 2>/dev/null || true)"
    missing=()
    for app in "$@"; do
      [[ -n $app ]] || continue
      grep -qi "\"name\":\"$app\"" <<<"$apps" || missing+=("$app")
    done
    ((${#missing[@]})) || break
    if ((SECONDS >= deadline)); then
      fail_with_log "not registered in discovery after ${CRM_UP_TIMEOUT}s: ${missing[*]}" "${missing[0]}"
    fi
    sleep 1
  done
  info "discovery lists every service ($(elapsed_since "$started")s)"
}

# Registered is not yet routable: the gateway reads the registry every few seconds and caches what it read. Waits
# until the gateway answers each service's OpenAPI document (a public route to every service), so that the first
# click after the welcome message reaches every service. Nothing to wait for when the gateway is not started.
wait_routed() {
  local deadline=$((SECONDS + CRM_UP_TIMEOUT)) started app missing
  [[ " ${SELECTED_SERVICE_APPS[*]} " == *" gateway "* ]] || return 0
  started="$(now)"
  while true; do
    missing=()
    for app in "$@"; do
      [[ -n $app ]] || continue
      curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$CRM_GATEWAY_PORT/v3/api-docs/$app" 2>/dev/null || missing+=("$app")
    done
    ((${#missing[@]})) || break
    if ((SECONDS >= deadline)); then
      fail_with_log "the gateway routes nothing to ${missing[*]} after ${CRM_UP_TIMEOUT}s" gateway
    fi
    sleep 1
  done
  info "the gateway routes to every service ($(elapsed_since "$started")s)"
}

require_jars() {
  local app missing=()
  for app in "${SPRING_PLATFORM_APPS[@]}" "${SELECTED_SERVICE_APPS[@]}"; do [[ -f $(app_jar "$app") ]] || missing+=("$app"); done
  ((${#missing[@]} == 0)) || die "no jar for: ${missing[*]} (run ./crm up without --no-build)"
}

# the gateway's jar carries the web UI's build
ui_sources_for() {
  [[ $1 == gateway ]] || return 0
  echo "$CRM_ROOT/web-ui/pom.xml $CRM_ROOT/web-ui/package.json $CRM_ROOT/web-ui/index.html $CRM_ROOT/web-ui/src"
}

# A gateway jar packaged with -DskipUi (as `./crm test -DskipUi` leaves it) serves no web UI: the build that made it
# wrote none into web-ui's classes.
lacks_ui() {
  [[ $1 == gateway && ! -f $CRM_ROOT/web-ui/target/classes/static/index.html ]]
}

# Builds when a jar is missing, older than any source or pom it is made from, or (the gateway) without the web UI.
build_if_needed() {
  local app stale=""
  for app in "${SPRING_APPS[@]}"; do
    local jar
    jar="$(app_jar "$app")"
    if [[ ! -f $jar ]] || lacks_ui "$app" || [[ -n $(find "$CRM_ROOT/pom.xml" "$CRM_ROOT/service-parent/pom.xml" "$CRM_ROOT/$app/pom.xml" "$CRM_ROOT/$app/src" \
      "$CRM_ROOT/platform/pom.xml" "$CRM_ROOT/platform/src" "$CRM_ROOT/platform-permissions/pom.xml" "$CRM_ROOT/platform-permissions/src" \
      "$CRM_ROOT/config-repo/permissions.yml" $(ui_sources_for "$app") -newer "$jar" -print -quit \
      2>/dev/null) ]]; then
      stale="$app"
      break
    fi
  done
  if [[ -z $stale ]]; then
    info "jars are up to date"
    return 0
  fi
  # only the apps and what they need, no test sources, one thread per core; npm ci only when package-lock.json
  # changed since node_modules was installed
  local started args
  args=(-B -q -T 1C -DskipTests -Dmaven.test.skip=true -pl "$(IFS=,; echo "${SPRING_APPS[*]}")" -am)
  [[ $CRM_ROOT/web-ui/node_modules/.package-lock.json -nt $CRM_ROOT/web-ui/package-lock.json ]] && args+=(-DskipNpmCi)
  info "building ($stale is out of date): ./mvnw ${args[*]} package"
  started="$(now)"
  (cd "$CRM_ROOT" && ./mvnw "${args[@]}" package) || die "the build failed"
  info "build took $(elapsed_since "$started")s"
}
