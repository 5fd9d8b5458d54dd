# shellcheck shell=bash
# ./crm reports: reporting-service's operations through the gateway, as an admin of the dev realm.

reports_usage() {
  cat <<EOF2
Usage: ./crm reports rebuild          rebuild the read models from the topics, printing progress until done
       ./crm reports rebuild status   where the last rebuild stands (JSON)
Signs in as CRM_ADMIN_USER (default admin) with CRM_ADMIN_PASSWORD (default: the dev realm's demo password).
EOF2
}

reports_token() {
  local answer
  answer="$(curl -fsS "$(keycloak_url)/realms/crm/protocol/openid-connect/token" -d grant_type=password \
    -d client_id=crm-bench -d username="${CRM_ADMIN_USER:-admin}" -d password="${CRM_ADMIN_PASSWORD:-crm-demo}")" ||
    die "Keycloak refused a token for ${CRM_ADMIN_USER:-admin}: is the stack up (./crm up)?"
  sed -E 's/.*"access_token":"([^"]+)".*/\1/' <<<"$answer"
}

# one field of a flat JSON answer: a number or a string
reports_field() {
  sed -nE "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/p" <<<"$2" | head -n 1
}

# the sum of one number over the partitions
reports_sum() {
  grep -oE "\"$1\":[0-9]+" <<<"$2" | awk -F: '{ s += $2 } END { print s + 0 }'
}

# one line, rewritten in place: the rebuild's state, records read of all, events applied
reports_progress() {
  printf '\r[crm] %-9s %s/%s records read, %s events applied ' "$1" "$(reports_sum position "$2")" \
    "$(reports_sum end "$2")" "$(reports_field eventsApplied "$2")"
}

reports_rebuild() {
  local url="http://127.0.0.1:$CRM_GATEWAY_PORT/api/v1/reports/admin/rebuild" token answer code state
  token="$(reports_token)"
  if [[ ${1:-} == status ]]; then
    curl -fsS -H "Authorization: Bearer $token" "$url"; echo
    return
  fi
  answer="$(curl -sS -w '\n%{http_code}' -X POST -H "Authorization: Bearer $token" "$url")" ||
    die "reporting-service is not reachable through the gateway: is the stack up (./crm up)?"
  code="${answer##*$'\n'}"
  answer="${answer%$'\n'*}"
  [[ $code == 202 ]] || die "the rebuild was refused ($code): $answer"
  info "rebuilding the read models from the topics; the old ones answer until the switch"
  while true; do
    sleep 1
    # a token lives 5 minutes: a long rebuild needs a fresh one now and then
    answer="$(curl -fsS -H "Authorization: Bearer $token" "$url" || true)"
    [[ -n $answer ]] || { token="$(reports_token)"; continue; }
    state="$(reports_field state "$answer")"
    reports_progress "$state" "$answer"
    case "$state" in
      done)
        printf '\n'
        info "done: $(reports_field eventsApplied "$answer") events at $(reports_field eventsPerSecond "$answer")/s," \
          "from $(reports_field startedAt "$answer") to $(reports_field finishedAt "$answer")"
        return ;;
      failed) printf '\n'; die "the rebuild failed: $(reports_field error "$answer") (the old read models stay)" ;;
    esac
  done
}

cmd_reports() {
  case "${1:-}" in
    rebuild) shift; reports_rebuild "$@" ;;
    *) reports_usage; [[ -z ${1:-} ]] || exit 2 ;;
  esac
}
