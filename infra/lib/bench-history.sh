# shellcheck shell=bash
# ./crm bench history: the field history at 10M rows (figures, not a test), against the running stack.
#   read   the first page of one customer's history (GET /api/v1/customers/{id}/history, 50 entries): its SQL in
#          PostgreSQL (pgbench), customer-service directly and through the gateway (bearer), at 1 and 8 clients, for a
#          customer with a typical history and for one with 10,000 entries; p50 / p95 / p99
#   write  what recording the history adds to an update (name and phone changed: two entries). Since the rows travel in
#          the statement of the update's outbox event (platform DeferredInserts), they cost no round trip of their
#          own; what is left is measured in its two parts:
#          - in customer-service, over the same requests: the time FieldHistory spends preparing the rows (its timer
#            crm.history.writes) against the whole update's server time (http.server.requests, PUT
#            /api/v1/customers/{id}), both read from /actuator/metrics before and after 1 client's updates
#          - in PostgreSQL: the update's transaction with and without the rows (pgbench, A/B, interleaved)
# The rows are generated straight into crm_customer's field_change (like ./crm generate customers), spread over the
# customers (1M, generated if fewer); generated once, later runs reuse them.

BENCH_HISTORY_ROWS="${CRM_BENCH_HISTORY_ROWS:-10000000}"
BENCH_HISTORY_HOT_ROWS=10000
BENCH_HISTORY_BATCH=500000

declare -A HISTORY_RESULT=()

bench_history() {
  local started
  started="$(now)"
  bench_require_stack
  BENCH_TMP="$(mktemp -d)"
  trap 'rm -rf "$BENCH_TMP"' EXIT
  BENCH_RUN="$(date +%s)"
  bench_history_prepare
  bench_check_rate_limit
  info "each figure: ${BENCH_SECONDS}s of load after ${BENCH_WARMUP_SECONDS}s of warm-up; load now: $(bench_load)"

  local record path clients
  for record in typical hot; do
    for path in sql direct bearer; do
      bench_history_read "$record" "$path" 8 "$BENCH_WARMUP_SECONDS" >/dev/null
      for clients in 1 8; do
        HISTORY_RESULT["$record|$path|$clients"]="$(bench_history_read "$record" "$path" "$clients" "$BENCH_SECONDS")"
        printf '  %-8s %-7s %s client(s): %s\n' "$record" "$path" "$clients" \
          "$(bench_history_cell "$record|$path|$clients")"
      done
    done
  done
  bench_history_write
  bench_history_cleanup
  bench_history_report
  info "bench history done in $(elapsed_since "$started")s; load now: $(bench_load)"
}

# --- data --------------------------------------------------------------------------------------------------------

bench_history_prepare() {
  [[ $(bench_psql -c "select to_regclass('public.field_change') is not null") == t ]] ||
    die "crm_customer has no field_change table: start a customer-service with the field history (./crm up)"
  local customers have
  customers="$(bench_psql -c "select count(*) from customer")"
  if ((customers < BENCH_CUSTOMERS)); then
    info "crm_customer holds $customers customers, fewer than $BENCH_CUSTOMERS: generating $((BENCH_CUSTOMERS - customers))"
    generate_customers "$((BENCH_CUSTOMERS - customers))"
  fi
  # the two customers measured: one with a history like every generated one's, one with a long history
  BENCH_TYPICAL_ID="$(bench_history_marked typical)"
  BENCH_HOT_ID="$(bench_history_marked hot)"
  have="$(bench_psql -c "select count(*) from field_change")"
  if ((have < BENCH_HISTORY_ROWS)); then
    bench_history_generate "$((BENCH_HISTORY_ROWS - have))"
  fi
  info "data: $(bench_psql -c "select count(*) from field_change") history rows" \
    "($(bench_psql -c "select pg_size_pretty(pg_total_relation_size('field_change'))") with its index);" \
    "typical customer $BENCH_TYPICAL_ID ($(bench_history_count "$BENCH_TYPICAL_ID") entries)," \
    "hot customer $BENCH_HOT_ID ($(bench_history_count "$BENCH_HOT_ID") entries)"
}

# A customer of the bench's own, found again by its email (unique index): inserted once, like generated customers.
bench_history_marked() {
  bench_psql -c "insert into customer (id, name, email, phone, created_at, updated_at, version)
    values (gen_random_uuid(), 'Bench History ${1^}', 'bench.history.$1@bench.example', null, now(), now(), 0)
    on conflict do nothing" >/dev/null
  bench_psql -c "select id from customer where lower(email) = 'bench.history.$1@bench.example'"
}

bench_history_count() {
  bench_psql -c "select count(*) from field_change where aggregate_type = 'customer' and aggregate_id = '$1'"
}

# Spreads the rows evenly over the customers in id order, one batch after another, so that each batch fills a
# contiguous range of the (aggregate_type, aggregate_id, changed_at, id) index; one customer gets a long history.
bench_history_generate() {
  local total="$1" customers per batch_customers from=1 done=0 started
  started="$(now)"
  customers="$(bench_psql -c "select count(*) from customer")"
  per=$(((total - BENCH_HISTORY_HOT_ROWS) / customers))
  ((per >= 1)) || per=1
  batch_customers=$((BENCH_HISTORY_BATCH / per))
  info "generating ~$total history rows into crm_customer.field_change: $per per customer over $customers" \
    "customers, $BENCH_HISTORY_HOT_ROWS for one of them"
  bench_psql -c "drop table if exists generate_pick;
    create table generate_pick as select id, row_number() over (order by id) as n from customer;
    create unique index on generate_pick (n); analyze generate_pick"
  while ((from <= customers)); do
    bench_psql -v from="$from" -v to="$((from + batch_customers - 1))" -v per="$per" -v ids="$GENERATE_SALES_IDS" \
      -v names="$GENERATE_SALES_NAMES" <<'SQL'
with users as (
  select string_to_array(:'ids', ',') as ids, string_to_array(:'names', ',') as names,
         array['name', 'email', 'phone'] as fields
)
insert into field_change (aggregate_type, aggregate_id, changed_at, actor_id, actor_name, actor_kind, trace_id, field,
                          old_value, new_value, id)
select 'customer', p.id,
       -- every ~3 days back from now, the creation first
       now() - make_interval(days => (:per - j) * 3) - random() * interval '1 day',
       ids[1 + (p.n + j) % cardinality(ids)], names[1 + (p.n + j) % cardinality(ids)], 'user', md5(random()::text),
       case when j = 1 then 'created' else fields[1 + j % 3] end,
       case when j = 1 then null else left(md5(p.id::text || (j - 1)), 12) end,
       case when j = 1 then null else left(md5(p.id::text || j), 12) end,
       gen_random_uuid()
from users, generate_pick p, generate_series(1, :per) as j
where p.n between :from and :to;
SQL
    done=$((done + (batch_customers < customers - from + 1 ? batch_customers : customers - from + 1) * per))
    from=$((from + batch_customers))
    info "  $done rows ($(elapsed_since "$started")s)"
  done
  bench_psql -v hot="$BENCH_HISTORY_HOT_ROWS" <<'SQL'
insert into field_change (aggregate_type, aggregate_id, changed_at, actor_id, actor_name, actor_kind, trace_id, field,
                          old_value, new_value, id)
select 'customer', p.id, now() - make_interval(mins => j * 90), '5e0c2a3b-0000-4000-8000-000000000007', 'Bench Mark', 'user',
       md5(random()::text), (array['name', 'email', 'phone'])[1 + j % 3], 'before ' || j, 'after ' || j,
       gen_random_uuid()
from (select id from customer where lower(email) = 'bench.history.hot@bench.example') p,
     generate_series(1, :hot) j;
SQL
  bench_psql -c "drop table generate_pick; analyze field_change"
  info "generated in $(elapsed_since "$started")s"
}

# --- one read measurement: prints "p50_ms p95_ms p99_ms req_per_s errors" ------------------------------------------

bench_history_id() { if [[ $1 == hot ]]; then echo "$BENCH_HOT_ID"; else echo "$BENCH_TYPICAL_ID"; fi; }

bench_history_read() {
  local record="$1" path="$2" clients="$3" seconds="$4" id base
  id="$(bench_history_id "$record")"
  case "$path" in
    sql) bench_quantiles_pgbench crm_customer history-page.sql "$clients" "$seconds" -D "id=$id"; return ;;
    direct) base="$BENCH_DIRECT" ;;
    bearer) base="$BENCH_GATEWAY" ;;
  esac
  bench_history_wrk "$base/api/v1/customers/$id/history" "$clients" "$seconds"
}

# GET url at the given clients for the given seconds, with a bearer token (the bench user's unless given)
bench_history_wrk() {
  local url="$1" clients="$2" seconds="$3" token="${4:-$(bench_token)}" output line
  output="$(BENCH_HEADERS="Authorization: Bearer $token" wrk -t "$((clients < 2 ? 1 : 2))" -c "$clients" \
    -d "${seconds}s" --timeout 5s --latency -s "$BENCH_DIR/history.lua" "$url" 2>&1)" || die "wrk $url failed: $output"
  line="$(grep '^BENCH ' <<<"$output")" || die "wrk printed no result for $url: $output"
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
         printf "%.2f %.2f %.2f %.0f %d\n", f["p50_us"] / 1000, f["p95_us"] / 1000, f["p99_us"] / 1000,
           f["requests"] / (f["duration_us"] / 1e6), f["errors"] }' <<<"$line"
}

# pgbench of one script file against a database: prints "p50_ms p95_ms p99_ms req_per_s 0"
bench_quantiles_pgbench() {
  local database="$1" file="$2" clients="$3" seconds="$4" logs output tps
  shift 4
  logs="$BENCH_TMP/pgbench-$file-$clients-$RANDOM"
  mkdir -p "$logs"
  output="$(PGPASSWORD=crm "$PG_BIN/pgbench" -h 127.0.0.1 -p "$CRM_PG_PORT" -U crm -n -M prepared \
    -c "$clients" -j "$clients" -T "$seconds" -l --log-prefix="$logs/tx" -f "$BENCH_DIR/$file" "$@" "$database" 2>&1)" ||
    die "pgbench $file failed: $output"
  tps="$(awk '/^tps = / { print $3; exit }' <<<"$output")"
  cat "$logs"/tx* | awk '{ print $3 }' | sort -n | awk -v tps="$tps" '
    function at(q) { i = int(NR * q); return v[i > 0 ? i : 1] / 1000 }
    { v[NR] = $1 }
    END { printf "%.2f %.2f %.2f %.0f 0\n", at(0.50), at(0.95), at(0.99), tps }'
}

# --- the write overhead ------------------------------------------------------------------------------------------

bench_history_customer() {
  local token="$1" email="bench.history.$BENCH_RUN.$2@bench.example" answer
  answer="$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench History $2\",\"email\":\"$email\",\"phone\":\"+1 555 0100\"}" \
    "$BENCH_DIRECT/api/v1/customers")" || die "creating the bench's customer failed"
  echo "$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$answer") $email"
}

bench_history_metric() {
  # prints "count total_seconds" of a timer in customer-service's /actuator/metrics
  curl -fsS -H "Authorization: Bearer $1" "$BENCH_DIRECT/actuator/metrics/$2" | tr '{' '\n' | awk -F'[:,}]' '
    /"statistic":"COUNT"/ { count = $4 } /"statistic":"TOTAL_TIME"/ { total = $4 }
    END { printf "%s %s\n", count + 0, total + 0 }'
}

bench_history_write() {
  local token id email mode puts="http.server.requests?tag=uri:/api/v1/customers/%7Bid%7D&tag=method:PUT&tag=status:200"
  local history_before history_after puts_before puts_after
  token="$(bench_token)"
  read -r id email <<<"$(bench_history_customer "$token" wrk)"
  info "write overhead: updates of customer $id (name and phone: two history entries each), 1 client, directly"
  bench_history_update "$token" "$id" "$email" "$BENCH_WARMUP_SECONDS" >/dev/null
  history_before="$(bench_history_metric "$token" crm.history.writes)"
  puts_before="$(bench_history_metric "$token" "$puts")"
  HISTORY_RESULT[update]="$(bench_history_update "$token" "$id" "$email" "$BENCH_SECONDS")"
  history_after="$(bench_history_metric "$token" crm.history.writes)"
  puts_after="$(bench_history_metric "$token" "$puts")"
  # count and mean milliseconds of each, over the measured updates only
  HISTORY_RESULT[share]="$(awk -v hb="$history_before" -v ha="$history_after" -v pb="$puts_before" -v pa="$puts_after" '
    BEGIN { split(hb, h0, " "); split(ha, h1, " "); split(pb, p0, " "); split(pa, p1, " ")
            hn = h1[1] - h0[1]; pn = p1[1] - p0[1]
            if (hn <= 0 || pn <= 0) { print "0 0 0 0"; exit }
            printf "%d %.3f %d %.3f\n", pn, 1000 * (p1[2] - p0[2]) / pn, hn, 1000 * (h1[2] - h0[2]) / hn }')"

  read -r id _ <<<"$(bench_history_customer "$token" sql)"
  for mode in 0 1 0 1; do # interleaved, so that a change in the machine's load hits both
    HISTORY_RESULT["sql-update|$mode"]+="$(bench_quantiles_pgbench crm_customer history-update.sql 1 "$BENCH_SECONDS" -D "id=$id" \
      -D "history=$mode")"$'\n'
  done
}

bench_history_update() {
  local token="$1" id="$2" email="$3" seconds="$4" version output line
  version="$(curl -fsS -H "Authorization: Bearer $token" "$BENCH_DIRECT/api/v1/customers/$id" |
    sed -E 's/.*"version":([0-9]+).*/\1/')"
  output="$(BENCH_HEADERS="Authorization: Bearer $token" BENCH_UPDATE=1 BENCH_EMAIL="$email" BENCH_VERSION="$version" \
    wrk -t 1 -c 1 -d "${seconds}s" --timeout 5s --latency -s "$BENCH_DIR/history.lua" \
    "$BENCH_DIRECT/api/v1/customers/$id" 2>&1)" || die "wrk update failed: $output"
  line="$(grep '^BENCH ' <<<"$output")" || die "wrk printed no result for the update: $output"
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
         printf "%.2f %.2f %.2f %.0f %d\n", f["p50_us"] / 1000, f["p95_us"] / 1000, f["p99_us"] / 1000,
           f["requests"] / (f["duration_us"] / 1e6), f["errors"] }' <<<"$line"
}

bench_history_median() {
  grep -v '^$' <<<"${HISTORY_RESULT[$1]}" | awk -v c="$2" '{ print $c }' | sort -n |
    awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench_history_cleanup() {
  bench_psql -c "delete from field_change where aggregate_type = 'bench'" >/dev/null
  bench_psql -c "delete from outbox_event where aggregate_type = 'bench'" >/dev/null
}

# --- the report --------------------------------------------------------------------------------------------------

bench_history_cell() { bench_quantiles_cell "${HISTORY_RESULT[$1]:-}"; }

# one "p50 p95 p99 req_per_s errors" result as a table cell
bench_quantiles_cell() {
  local r="$1"
  [[ -n $r ]] || { echo "—"; return; }
  awk '{ printf "%s / %s / %s ms %s/s%s", $1, $2, $3, $4, ($5 > 0 ? " (" $5 " errors!)" : "") }' <<<"$r"
}

bench_history_report() {
  local record clients row="%-8s %2s  %-32s %-32s %-32s\n"
  printf '\n%s\n' "./crm bench history — $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(bench_load)"
  printf '%s\n' "first page of one customer's history (50 entries; the typical customer has fewer):" \
    "cells: p50 / p95 / p99 latency, requests per second"
  printf "$row" record c "SQL (pgbench, both statements)" "customer-service direct" "gateway, bearer"
  for record in typical hot; do
    for clients in 1 8; do
      printf "$row" "$record" "$clients" "$(bench_history_cell "$record|sql|$clients")" \
        "$(bench_history_cell "$record|direct|$clients")" "$(bench_history_cell "$record|bearer|$clients")"
    done
  done
  printf '\n%s\n' "write overhead of the history (an update changing name and phone: two entries):"
  printf '  %s\n' "update through customer-service, 1 client: $(bench_history_cell update)"
  local without with rows
  without="$(bench_history_median sql-update\|0 1)"
  with="$(bench_history_median sql-update\|1 1)"
  rows="$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.3f", a - b }')"
  printf '  %s\n' "the update's transaction in PostgreSQL, p50 (median of 2 interleaved runs each): without the rows" \
    "$without ms, with them (in the event's statement) $with ms: +$rows ms"
  awk -v db="$rows" '
    { if ($1 == 0) { print "  (no timer readings: is this customer-service built with the field history?)"; exit }
      cost = $4 + (db > 0 ? db : 0)
      printf "  in the service, %d updates: %.3f ms each on average (server time); the history: preparing its rows" \
        " %.3f ms (%d times) + the rows in PostgreSQL %.3f ms = %.3f ms, %.1f %% of the update, +%.1f %% over the" \
        " update without it\n", $1, $2, $4, $3, (db > 0 ? db : 0), cost, 100 * cost / $2, 100 * cost / ($2 - cost) }' \
    <<<"${HISTORY_RESULT[share]}"
  printf '%s\n' "goals (issue 13): first page p95 ≤ 20 ms per record at 10M rows; write overhead ≤ 5 %"
}
