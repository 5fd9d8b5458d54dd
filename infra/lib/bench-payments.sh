# shellcheck shell=bash
# ./crm bench payments: recording a payment (POST /api/v1/payments, a fresh Idempotency-Key per request) through the
# gateway (bearer) and directly at payment-service, beside the SQL floor of the same transaction in PostgreSQL
# (pgbench, infra/tools/bench/payment-record.sql), at 1 and 8 clients; then the provider webhook's verification
# throughput at payment-service: Standard Webhooks signatures checked (HMAC-SHA256 over id.timestamp.body) for events
# naming no payment (202: verify, parse, one lookup) and for badly signed ones (401: verify only). Figures, not a test.
# Provider events are measured at the service: through the gateway, anonymous callers are rate limited per IP
# (crm.gateway.anonymous-rate-limit, 10/s), which would be the figure. The bench records as user bench (a sales user)
# for a customer it owns, known to payment-service only (written into known_customer once).

BENCH_PAYMENT_CUSTOMER_ID=7e1e11e0-0000-4000-8000-0000000000aa
BENCH_PAYMENT_OWNER_ID=5e0c2a3b-0000-4000-8000-000000000007 # user bench of the dev realm
BENCH_PROVIDER_EVENTS=500

declare -A PAYMENT_RESULT=()

bench_payments() {
  local started path clients
  started="$(now)"
  bench_payments_require
  BENCH_TMP="$(mktemp -d)"
  trap 'rm -rf "$BENCH_TMP"' EXIT
  bench_payments_prepare
  bench_payments_rate_limit
  info "each figure: ${BENCH_SECONDS}s of load after ${BENCH_WARMUP_SECONDS}s of warm-up; load now: $(bench_load)"
  for path in sql direct bearer; do
    bench_payments_record "$path" 8 "$BENCH_WARMUP_SECONDS" >/dev/null
    for clients in 1 8; do
      PAYMENT_RESULT["record|$path|$clients"]="$(bench_payments_record "$path" "$clients" "$BENCH_SECONDS")"
      printf '  record   %-8s %s client(s): %s\n' "$path" "$clients" \
        "$(bench_quantiles_cell "${PAYMENT_RESULT["record|$path|$clients"]}")"
    done
  done
  for path in unknown badsig; do
    bench_payments_provider "$path" 8 "$BENCH_WARMUP_SECONDS" >/dev/null
    for clients in 1 8; do
      PAYMENT_RESULT["provider|$path|$clients"]="$(bench_payments_provider "$path" "$clients" "$BENCH_SECONDS")"
      printf '  provider %-8s %s client(s): %s\n' "$path" "$clients" \
        "$(bench_quantiles_cell "${PAYMENT_RESULT["provider|$path|$clients"]}")"
    done
  done
  bench_payments_report
  bench_payments_cleanup
  info "bench payments done in $(elapsed_since "$started")s; load now: $(bench_load)"
}

bench_payment_psql() { psql_admin -d crm_payment "$@"; }

# the gateway and payment-service are enough (CRM_SERVICES=payment-service ./crm up starts just them)
bench_payments_require() {
  command -v openssl >/dev/null && command -v xxd >/dev/null || die "openssl and xxd are needed to sign provider events"
  bench_require_stack gateway payment-service
  BENCH_PAYMENT="http://127.0.0.1:$CRM_PAYMENT_PORT"
}

bench_payments_rate_limit() {
  local headers replenish
  headers="$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $(bench_token)" \
    "$BENCH_GATEWAY/api/v1/payments?size=1")" || die "GET /api/v1/payments through the gateway failed"
  replenish="$(tr -d '\r' <<<"$headers" | awk -F': ' 'tolower($1) == "x-ratelimit-replenish-rate" { print $2 }')"
  ((${replenish:-0} >= 10000)) ||
    die "the gateway limits client $BENCH_CLIENT to ${replenish:-?} requests/s: it needs its own high limit" \
      "(crm.gateway.rate-limit.clients.$BENCH_CLIENT in config-repo/gateway.yml, local profile)"
}

bench_payments_prepare() {
  bench_payment_psql -c "insert into known_customer (id, name, owner_id, deleted, changed_at, owner_changed_at)
    values ('$BENCH_PAYMENT_CUSTOMER_ID', 'Bench Payments', '$BENCH_PAYMENT_OWNER_ID', false, now(), now())
    on conflict (id) do update set owner_id = excluded.owner_id, deleted = false" >/dev/null
  bench_payments_cleanup
  BENCH_PROVIDER_SECRET="${CRM_PAYMENTS_PROVIDER_SECRET:-whsec_Y3JtLXBheW1lbnRzLWxvY2FsLWRldi1zZWNyZXQ=}"
  bench_payments_events unknown "$BENCH_TMP/events-unknown.lua"
  bench_payments_events badsig "$BENCH_TMP/events-badsig.lua"
}

# signed provider events as a Lua table for payments.lua: each a fresh webhook id naming no payment (or, for badsig,
# signed with another key); the timestamps are now, well within the 5-minute tolerance of a run
bench_payments_events() {
  local kind="$1" file="$2" key i id ts body signature
  key="$(printf '%s' "${BENCH_PROVIDER_SECRET#whsec_}" | base64 -d | xxd -p | tr -d '\n')"
  [[ $kind == badsig ]] && key="$(printf 'not-the-secret' | xxd -p | tr -d '\n')"
  ts="$(date +%s)"
  {
    echo "return {"
    for ((i = 0; i < BENCH_PROVIDER_EVENTS; i++)); do
      id="msg_bench_${BENCH_RUN:-$$}_${kind}_$i"
      body="{\"type\":\"payment.succeeded\",\"data\":{\"externalRef\":\"bench-unknown-$i\"}}"
      signature="$(printf '%s.%s.%s' "$id" "$ts" "$body" |
        openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | base64)"
      # the body holds no single quote: a Lua string in single quotes keeps it byte for byte
      printf "{\"%s\",\"%s\",\"v1,%s\",'%s'},\n" "$id" "$ts" "$signature" "$body"
    done
    echo "}"
  } >"$file"
}

bench_payments_record() {
  local path="$1" clients="$2" seconds="$3" base
  case "$path" in
    sql)
      bench_quantiles_pgbench crm_payment payment-record.sql "$clients" "$seconds" -D "customer=$BENCH_PAYMENT_CUSTOMER_ID"
      return ;;
    direct) base="$BENCH_PAYMENT" ;;
    bearer) base="$BENCH_GATEWAY" ;;
  esac
  BENCH_MODE=record BENCH_CUSTOMER_ID="$BENCH_PAYMENT_CUSTOMER_ID" \
    bench_payments_wrk "$base/api/v1/payments" "$clients" "$seconds" "Authorization: Bearer $(bench_token)"
}

bench_payments_provider() {
  local kind="$1" clients="$2" seconds="$3" result
  result="$(BENCH_MODE=provider BENCH_EVENTS="$BENCH_TMP/events-$kind.lua" \
    bench_payments_wrk "$BENCH_PAYMENT/api/v1/payments/provider-events" "$clients" "$seconds" "")"
  # every badly signed event is answered 401, which wrk counts as an error: that is the expected answer here
  if [[ $kind == badsig ]]; then awk '{ $5 = 0; print }' <<<"$result"; else echo "$result"; fi
}

bench_payments_wrk() {
  local url="$1" clients="$2" seconds="$3" headers="$4" output line
  output="$(BENCH_HEADERS="$headers" wrk -t "$((clients < 2 ? 1 : 2))" -c "$clients" -d "${seconds}s" --timeout 5s \
    --latency -s "$BENCH_DIR/payments.lua" "$url" 2>&1)" || die "wrk $url failed: $output"
  line="$(grep '^BENCH ' <<<"$output")" || die "wrk printed no result for $url: $output"
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
         printf "%.2f %.2f %.2f %.0f %d\n", f["p50_us"] / 1000, f["p95_us"] / 1000, f["p99_us"] / 1000,
           f["requests"] / (f["duration_us"] / 1e6), f["errors"] }' <<<"$line"
}

bench_payments_cleanup() {
  bench_payment_psql -c "delete from refund where payment_id in
    (select id from payment where customer_id = '$BENCH_PAYMENT_CUSTOMER_ID')" >/dev/null
  bench_payment_psql -c "delete from field_change where aggregate_type = 'bench' or aggregate_id in
    (select id from payment where customer_id = '$BENCH_PAYMENT_CUSTOMER_ID')" >/dev/null
  bench_payment_psql -c "delete from payment where customer_id = '$BENCH_PAYMENT_CUSTOMER_ID'" >/dev/null
  bench_payment_psql -c "delete from outbox_event where aggregate_type = 'bench'" >/dev/null
  bench_payment_psql -c "delete from idempotency_key where actor = 'pgbench'" >/dev/null
  bench_payment_psql -c "delete from provider_event where webhook_id like 'msg_bench_%'" >/dev/null
}

bench_payments_cell() { bench_quantiles_cell "${PAYMENT_RESULT[$1]:-}"; }

bench_payments_report() {
  local clients row="%2s  %-34s %-34s %-34s\n"
  printf '\n%s\n' "./crm bench payments — $(date -u '+%F %H:%M UTC'), $(nproc) cores, $(uptime)"
  printf '%s\n' "record a payment (POST /api/v1/payments, fresh Idempotency-Key each):" \
    "cells: p50 / p95 / p99 latency, requests per second"
  printf "$row" c "SQL floor (pgbench, one transaction)" "payment-service direct" "gateway, bearer"
  for clients in 1 8; do
    printf "$row" "$clients" "$(bench_payments_cell "record|sql|$clients")" \
      "$(bench_payments_cell "record|direct|$clients")" "$(bench_payments_cell "record|bearer|$clients")"
  done
  printf '\n%s\n' "provider events at payment-service (Standard Webhooks HMAC-SHA256 verification, no token):"
  printf "$row" c "signed, unknown payment (202)" "badly signed (401)" ""
  for clients in 1 8; do
    printf "$row" "$clients" "$(bench_payments_cell "provider|unknown|$clients")" \
      "$(bench_payments_cell "provider|badsig|$clients")" ""
  done
}
