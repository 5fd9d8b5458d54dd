# shellcheck shell=bash
# Keycloak in dev mode (H2 file database), unpacked once from the Maven Central distribution.

KEYCLOAK_VERSION="${CRM_KEYCLOAK_VERSION:-26.4.7}"
KEYCLOAK_HOME="$CRM_WORK_DIR/keycloak"
KEYCLOAK_REALM_FILE="$CRM_ROOT/infra/keycloak/crm-realm.json"
KEYCLOAK_ARTIFACT="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"

keycloak_url() { echo "http://127.0.0.1:$CRM_KEYCLOAK_PORT"; }

keycloak_install() {
  [[ -f $KEYCLOAK_HOME/.crm-version && $(<"$KEYCLOAK_HOME/.crm-version") == "$KEYCLOAK_VERSION" ]] && return 0
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

# The dev realm (demo users, dev secrets); crm-realm-production.json is for production only (see README.md).
# --import-realm skips a realm that already exists: when the realm file changed since the last
# import, drop the dev database so that the new file is imported.
keycloak_stage_realm() {
  local import_dir="$KEYCLOAK_HOME/data/import" stamp="$KEYCLOAK_HOME/data/.crm-realm.sha256" sum
  sum="$(sha256sum "$KEYCLOAK_REALM_FILE" | cut -d' ' -f1)"
  if [[ -f $stamp && $(<"$stamp") != "$sum" ]]; then
    info "realm file changed: resetting Keycloak's dev database"
    rm -rf "$KEYCLOAK_HOME/data/h2"
  fi
  mkdir -p "$import_dir"
  cp "$KEYCLOAK_REALM_FILE" "$import_dir/crm-realm.json"
  echo "$sum" >"$stamp"
}

keycloak_start() {
  if is_running keycloak; then
    info "keycloak already running"
    return 0
  fi
  keycloak_install
  keycloak_stage_realm
  info "starting keycloak on $(keycloak_url) (management port $CRM_KEYCLOAK_MGMT_PORT)"
  # the realm file's ${CRM_GATEWAY_CLIENT_SECRET:...} placeholders resolve from this environment; dev only: with
  # brute-force detection on, Keycloak 26 otherwise refuses a login while the same user's previous one is accounted
  # (scripts and tests sign demo users in back to back); failures are still counted
  JAVA="$(infra_java)" \
    JAVA_OPTS_KC_HEAP="${CRM_KEYCLOAK_HEAP_OPTS:--Xms64m -Xmx512m}" \
    KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS=true \
    start_process keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm \
    --http-host=127.0.0.1 --http-port="$CRM_KEYCLOAK_PORT" \
    --http-management-host=127.0.0.1 --http-management-port="$CRM_KEYCLOAK_MGMT_PORT"
}

keycloak_wait() {
  wait_for keycloak "realm crm at $(keycloak_url)" \
    http_ok "$(keycloak_url)/realms/crm/.well-known/openid-configuration"
}
