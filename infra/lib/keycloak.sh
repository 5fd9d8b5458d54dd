# shellcheck shell=bash
# Keycloak with dev settings (H2 file database, local cache, plain HTTP, any hostname), unpacked once from the Maven
# Central distribution. It runs `start --optimized` on a build made once per install and build options: `start-dev`
# builds at every start, which made it the slowest part of `./crm up`.

KEYCLOAK_VERSION="${CRM_KEYCLOAK_VERSION:-26.4.7}"
KEYCLOAK_HOME="$CRM_WORK_DIR/keycloak"
KEYCLOAK_REALM_FILE="$CRM_ROOT/infra/keycloak/crm-realm.json"
KEYCLOAK_ARTIFACT="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"

# C1 only: Keycloak is on the critical path of every up (the last component ready, ~10 s of CPU to start alone with
# C2, 5.5-6.7 s with C1, out of two cores the whole stack shares while it starts); a token then takes ~85 ms instead of
# ~45 ms (the password hash), which a person signing in does not notice and a stack that starts does.
KEYCLOAK_JAVA_OPTS=-XX:TieredStopAtLevel=1

keycloak_url() { echo "http://127.0.0.1:$CRM_KEYCLOAK_PORT"; }

# A built install (no data) shared by every work dir of this user: the tests' infrastructure and the system tests' stack
# copy it in a second instead of unpacking and building (`kc.sh build` took a minute and more on a busy machine).
keycloak_template() {
  echo "$CRM_CACHE_DIR/keycloak-$(keycloak_build_wanted | sha256sum | cut -c1-12)"
}

keycloak_install() {
  [[ -f $KEYCLOAK_HOME/.crm-version && $(<"$KEYCLOAK_HOME/.crm-version") == "$KEYCLOAK_VERSION" ]] && return 0
  local template
  template="$(keycloak_template)"
  if [[ -f $template/.crm-build ]]; then
    info "copying the built Keycloak $KEYCLOAK_VERSION from $template into $KEYCLOAK_HOME (once)"
    rm -rf "$KEYCLOAK_HOME"
    mkdir -p "$(dirname "$KEYCLOAK_HOME")"
    cp -a "$template" "$KEYCLOAK_HOME" && return 0
    rm -rf "$KEYCLOAK_HOME"
  fi
  info "unpacking Keycloak $KEYCLOAK_VERSION into $KEYCLOAK_HOME (once)"
  local downloads="$CRM_WORK_DIR/downloads"
  rm -rf "$KEYCLOAK_HOME" "$downloads"
  mkdir -p "$downloads"
  "$CRM_ROOT/mvnw" -B -q -N dependency:copy -Dartifact="$KEYCLOAK_ARTIFACT" -DoutputDirectory="$downloads" ||
    die "could not fetch $KEYCLOAK_ARTIFACT"
  if command -v unzip >/dev/null; then
    unzip -q "$downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$downloads"
  else
    (cd "$downloads" && jar xf "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
    chmod +x "$downloads/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
  fi
  mv "$downloads/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rm -rf "$downloads"
  echo "$KEYCLOAK_VERSION" >"$KEYCLOAK_HOME/.crm-version"
}

# What `kc.sh build` fixes into the install (build options); a change rebuilds at the next start.
KEYCLOAK_BUILD_OPTIONS=(--db=dev-file)

# A start on a loaded machine (the tests' machine builds as it starts) may wait long for the H2 file: the default 5 s
# interrupts the read, which closes H2's file channel, and the server fails to start.
KEYCLOAK_QUARKUS_PROPERTIES="quarkus.datasource.jdbc.acquisition-timeout=120s"

KEYCLOAK_BUILD_STAMP="$KEYCLOAK_HOME/.crm-build"

# What the build stamp of a current build says.
keycloak_build_wanted() { echo "$KEYCLOAK_VERSION ${KEYCLOAK_BUILD_OPTIONS[*]} $KEYCLOAK_QUARKUS_PROPERTIES"; }

# Prints what the build stamp must say when the install needs a (new) build; nothing when it is current.
keycloak_build_needed() {
  local wanted
  wanted="$(keycloak_build_wanted)"
  [[ -f $KEYCLOAK_BUILD_STAMP && $(<"$KEYCLOAK_BUILD_STAMP") == "$wanted" ]] || echo "$wanted"
}

# The dev realm (demo users, dev secrets); crm-realm-production.json is for production only (see README.md).
# It is imported only into an empty database: at the first start, after a wipe, or when the realm file changed since
# the last import (the database is dropped then, since --import-realm skips a realm that exists). The stamp is written
# once the realm answers (keycloak_wait), so a start that ended before its import imports again.
KEYCLOAK_REALM_STAMP="$KEYCLOAK_HOME/data/.crm-realm.sha256"

keycloak_realm_sum() { sha256sum "$KEYCLOAK_REALM_FILE" | cut -d' ' -f1; }

# Prints --import-realm when the realm is to be imported at this start.
keycloak_stage_realm() {
  local import_dir="$KEYCLOAK_HOME/data/import" sum
  sum="$(keycloak_realm_sum)"
  if [[ -d $KEYCLOAK_HOME/data/h2 && -f $KEYCLOAK_REALM_STAMP && $(<"$KEYCLOAK_REALM_STAMP") == "$sum" ]]; then
    return 0
  fi
  if [[ -d $KEYCLOAK_HOME/data/h2 ]]; then
    info "realm file changed (or was never imported): resetting Keycloak's dev database" >&2
    rm -rf "$KEYCLOAK_HOME/data/h2"
  fi
  rm -f "$KEYCLOAK_REALM_STAMP"
  mkdir -p "$import_dir"
  cp "$KEYCLOAK_REALM_FILE" "$import_dir/crm-realm.json"
  echo --import-realm
}

keycloak_start() {
  if is_running keycloak; then
    info "keycloak already running"
    return 0
  fi
  keycloak_install
  local import=() build
  read -r -a import <<<"$(keycloak_stage_realm)"
  build="$(keycloak_build_needed)"
  if [[ -n $build ]]; then
    rm -f "$KEYCLOAK_BUILD_STAMP"
    echo "$KEYCLOAK_QUARKUS_PROPERTIES" >"$KEYCLOAK_HOME/conf/quarkus.properties"
    info "keycloak builds first (once per install): kc.sh build ${KEYCLOAK_BUILD_OPTIONS[*]}"
  fi
  info "starting keycloak on $(keycloak_url) (management port $CRM_KEYCLOAK_MGMT_PORT)"
  # the realm file's ${CRM_GATEWAY_CLIENT_SECRET:...} placeholders resolve from this environment; dev only: with
  # brute-force detection on, Keycloak 26 otherwise refuses a login while the same user's previous one is accounted
  # (scripts and tests sign demo users in back to back); failures are still counted
  JAVA="$(infra_java)" \
    JAVA_OPTS_KC_HEAP="${CRM_KEYCLOAK_HEAP_OPTS:--Xms64m -Xmx512m}" \
    JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:+$JAVA_OPTS_APPEND }$KEYCLOAK_JAVA_OPTS" \
    KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS=true \
    start_process keycloak bash -c '
      # the build runs in the process that becomes the server, so that it does not hold up the caller; the built
      # install (without its data) then becomes the template of the next work dirs
      if [[ -n $1 ]]; then
        "$0" build '"${KEYCLOAK_BUILD_OPTIONS[*]}"' && echo "$1" >"$2" || exit 1
        mkdir -p "$(dirname "$4")" && rm -rf "$4.tmp.$$" && cp -a "$3" "$4.tmp.$$" && rm -rf "$4.tmp.$$/data" &&
          { [[ -e $4 ]] || mv -T "$4.tmp.$$" "$4"; }
        rm -rf "$4.tmp.$$"
      fi
      shift 4
      exec "$0" "$@"' "$KEYCLOAK_HOME/bin/kc.sh" "$build" "$KEYCLOAK_BUILD_STAMP" "$KEYCLOAK_HOME" "$(keycloak_template)" \
    start --optimized "${import[@]}" --cache=local \
    --http-enabled=true --hostname-strict=false --http-host=127.0.0.1 --http-port="$CRM_KEYCLOAK_PORT" \
    --http-management-host=127.0.0.1 --http-management-port="$CRM_KEYCLOAK_MGMT_PORT"
}

keycloak_wait() {
  wait_for keycloak "realm crm at $(keycloak_url)" \
    http_ok "$(keycloak_url)/realms/crm/.well-known/openid-configuration"
  [[ -f $KEYCLOAK_REALM_STAMP ]] || keycloak_realm_sum >"$KEYCLOAK_REALM_STAMP"
}
