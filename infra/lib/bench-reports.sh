# shellcheck shell=bash
# ./crm bench reports: reporting-service over large read models (figures, not a test), in the style of
# ./crm bench leads (whose sign-in, pgbench and wrk helpers it uses).
#
# The read models are filled directly with SQL (generate_series), not through events: rebuilding them from events is
# a cost of its own (the consumers' throughput; 7M events take this machine about 20 minutes to replay), measured by
# `./crm bench reports rebuild` (infra/lib/bench-rebuild.sh).
# What is measured here is reading them. CRM_BENCH_SCALE (default 1) scales 1M customers, 1M leads and 5M
# activities (0.1: a tenth, for a quick look; CRM_BENCH_ACTIVITIES sets the activities alone: no figure here reads
# them, they make the database as large as it would be); rows are generated once and kept.
#
#   dashboard       GET /api/v1/reports/dashboard as an admin (counts everything) and as sales user `bench` (their own)
#   query-month     POST /api/v1/reports/query: leads counted per month over 24 months (admin)
# each as SQL (pgbench, infra/tools/bench/report-*.sql), reporting-service direct and the gateway (bearer), p50/p95/p99
# at 1 and 8 clients, and the SQL of the same figures counted from the facts rather than the kept counts
# (report-*-facts.sql: the floor before the kept counts) at 1 client; then a CSV export of one row per customer
# (customers grouped by a tag each carries alone, the export's worst case) timed through the service, with the
# service's heap before, at its peak and after: over whole days (read from the kept counts per tag) and over a period
# starting a second after midnight (counted from the facts, as before them). `./crm bench reports export` measures
# the exports alone.
#
#   live            event → dashboard: customer.created events produced to crm.customer at BENCH_LIVE_RATE (200/s)
#                   for BENCH_SECONDS, each timed from its send until an open dashboard stream (as admin) pushes figures
#                   counting it, beside the Kafka floor (send → a plain consumer of the topic receives it)
#                   (infra/tools/EventToDashboard.java); `./crm bench reports live` measures this alone (on the same
#                   read models, generated first if missing: CRM_BENCH_SCALE). The events make
#                   real customers in reporting-service's read models (and stay on the topic, like any event).

BENCH_SCALE="${CRM_BENCH_SCALE:-1}"
BENCH_REPORT_OPERATIONS=(dashboard dashboard-mine query-month)
BENCH_REPORT_PATHS=(sql direct bearer)
BENCH_ADMIN=admin
declare -gA BENCH_FACT_FLOOR=() BENCH_EXPORT=() BENCH_EXPORT_GOAL=() BENCH_HEAP=()
# sales user bench's id in the dev realm
BENCH_SALES_ID=5e0c2a3b-0000-4000-8000-000000000007
BENCH_LIVE_RATE="${CRM_BENCH_LIVE_RATE:-200}"

bench_reports() {
  local started
  started="$(now)"
  bench_reports_require_stack
  if [[ ${1:-} == export ]]; then
    BENCH_TMP="$(mktemp -d)"
    trap 'rm -rf "$BENCH_TMP"' EXIT
    bench_reports_prepare_data
    bench_reports_export
    bench_reports_export_report
    return
  fi
  if [[ ${1:-} == rebuild ]]; then
    bench_rebuild
    return
  fi
  if [[ ${1:-} == live ]]; then
    BENCH_TMP="$(mktemp -d)"
    trap 'rm -rf "$BENCH_TMP"' EXIT
    bench_reports_prepare_data
    bench_reports_live
    bench_reports_live_report
    return
  fi
  BENCH_TMP="$(mktemp -d)"
  trap 'rm -rf "$BENCH_TMP"' EXIT
  bench_reports_prepare_data
  info "each figure: ${BENCH_SECONDS}s of load after ${BENCH_WARMUP_SECONDS}s of warm-up per operation and path;" \
    "wrk --latency (HTTP/1.1 keep-alive), pgbench -M prepared; load now: $(bench_load)"
  bench_matrix bench_reports_one BENCH_REPORT_OPERATIONS BENCH_REPORT_PATHS
  bench_reports_fact_floors
  bench_reports_export
  bench_reports_live
  bench_reports_report
  bench_reports_live_report
  info "bench reports done in $(elapsed_since "$started")s; load now: $(bench_load)"
}

bench_reports_require_stack() {
  bench_require_stack gateway reporting-service
  BENCH_REPORTING_DIRECT="http://127.0.0.1:$CRM_REPORTING_PORT"
}

bench_report_psql() { psql_admin -d crm_reporting "$@"; }

# Generated rows carry ids derived from md5('bench-…-n'), so a second run adds only what is missing and the sizes
# of several scales can follow each other. Everything is spread over the last two years; leads in every status,
# assigned across the dev realm's sales users (GENERATE_SALES_IDS, one in ten to nobody).
bench_reports_prepare_data() {
  local customers leads activities others have started
  customers="$(awk -v s="$BENCH_SCALE" 'BEGIN { printf "%d", 1000000 * s }')"
  leads="$(awk -v s="$BENCH_SCALE" 'BEGIN { printf "%d", 1000000 * s }')"
  activities="${CRM_BENCH_ACTIVITIES:-$(awk -v s="$BENCH_SCALE" 'BEGIN { printf "%d", 5000000 * s }')}"
  others="$(awk -v s="$BENCH_SCALE" 'BEGIN { printf "%d", 100000 * s }')"
  local owners="'{${GENERATE_SALES_IDS}}'::text[]"
  local have_leads have_activities have_others
  have="$(bench_report_psql -c "select count(*) from customer_fact where tags ? 'bench'")"
  have_leads="$(bench_report_psql -c "select count(*) from lead_fact")"
  have_activities="$(bench_report_psql -c "select count(*) from activity_fact")"
  have_others="$(bench_report_psql -c "select count(*) from follow_up_fact")"
  if ((have < customers || have_leads < leads || have_activities < activities)); then
    started="$(now)"
    info "generating up to $customers customers, $leads leads, $others payments and follow-ups and $activities" \
      "activities into crm_reporting's read models (SQL, once; $have customers, $have_leads leads and" \
      "$have_activities activities there)"
    bench_report_psql <<SQL
set synchronous_commit = off;
insert into customer_fact (id, owner_id, owner_at, tags, tags_at, created_at, existence_at)
select md5('bench-customer-' || n)::uuid, ($owners)[1 + n % 3], now(), jsonb_build_array('bench', 'b' || n), now(),
  now() - (n % 730) * interval '1 day' - (n % 86400) * interval '1 second', now()
from generate_series($have + 1, $customers) n on conflict do nothing;
insert into lead_fact (id, customer_id, status, status_at, closed_at, source, value, currency, fields_at, assignee,
  assignee_at, created_at)
select md5('bench-lead-' || n)::uuid, md5('bench-customer-' || (1 + n * 7919 % $customers))::uuid,
  (array['NEW', 'IN_PROGRESS', 'CLOSED_WON', 'CLOSED_LOST'])[1 + n % 4], now(),
  case when n % 4 >= 2 then now() - (n % 700) * interval '1 day' end,
  (array['WEB', 'REFERRAL', 'EVENT', 'PARTNER', 'OTHER'])[1 + n % 5], (n % 997) * 100 + 50,
  (array['EUR', 'EUR', 'EUR', 'USD', 'GBP'])[1 + n % 5], now(),
  case when n % 10 = 0 then null else ($owners)[1 + n % 3] end, now(),
  now() - (n % 730) * interval '1 day' - (n % 86400) * interval '1 second'
from generate_series(cast($have_leads + 1 as bigint), $leads) n on conflict do nothing;
insert into payment_fact (id, customer_id, lead_id, amount, currency, method, status, status_at, recorded_at, paid_at)
select md5('bench-payment-' || n)::uuid, md5('bench-customer-' || (1 + n * 31 % $customers))::uuid,
  md5('bench-lead-' || (1 + n * 13 % $leads))::uuid, (n % 500) * 10 + 5, (array['EUR', 'USD', 'GBP'])[1 + n % 3],
  'CARD', 'COMPLETED', now(), now() - (n % 730) * interval '1 day', now() - (n % 730) * interval '1 day'
from generate_series(cast($have_others + 1 as bigint), $others) n on conflict do nothing;
insert into follow_up_fact (id, customer_id, lead_id, assignee, status, due_at, changed_at, created_at)
select md5('bench-follow-up-' || n)::uuid, md5('bench-customer-' || (1 + n * 17 % $customers))::uuid,
  md5('bench-lead-' || (1 + n * 23 % $leads))::uuid, ($owners)[1 + n % 3],
  (array['OPEN', 'OPEN', 'COMPLETED', 'CANCELLED'])[1 + n % 4], now() + (n % 60 - 30) * interval '1 day', now(), now()
from generate_series(cast($have_others + 1 as bigint), $others) n on conflict do nothing;
insert into activity_fact (event_id, kind, customer_id, lead_id, actor_id, occurred_at)
select md5('bench-activity-' || n)::uuid, (array['note', 'communication', 'document', 'follow-up', 'follow-up-completed'])[1 + n % 5],
  md5('bench-customer-' || (1 + n % $customers))::uuid,
  case when n % 3 = 0 then md5('bench-lead-' || (1 + n % $leads))::uuid end, ($owners)[1 + n % 3],
  now() - (n % 730) * interval '1 day' - (n % 86400) * interval '1 second'
from generate_series(cast($have_activities + 1 as bigint), $activities) n on conflict do nothing;
SQL
    info "generated in $(elapsed_since "$started")s; analysing"
    bench_report_psql -c "vacuum analyze customer_fact, lead_fact, payment_fact, follow_up_fact, activity_fact" \
      >/dev/null
  fi
  bench_reports_recount
  info "data: $(bench_report_psql -c "select count(*) from customer_fact") customers," \
    "$(bench_report_psql -c "select count(*) from lead_fact") leads ($(bench_report_psql -c \
      "select count(*) from lead_fact where assignee = '$BENCH_SALES_ID'") assigned to sales user $BENCH_USER)," \
    "$(bench_report_psql -c "select count(*) from activity_fact") activities," \
    "$(bench_report_psql -c "select count(*) from payment_fact") payments," \
    "$(bench_report_psql -c "select count(*) from follow_up_fact") follow-ups"
}

# The rows above are written straight into the facts, past the handlers that keep the counts: count them again
# (the backfills of V4__rollups.sql, V6__revenue_and_follow_up_rollups.sql and V7__customer_tag_rollup.sql) when they
# differ from the facts.
bench_reports_recount() {
  local kept facts started
  kept="$(bench_report_psql -c "select (select coalesce(sum(leads), 0) from lead_rollup)
    || ' ' || (select coalesce(sum(customers), 0) from customer_rollup)
    || ' ' || (select coalesce(sum(customers), 0) from customer_tag_rollup)
    || ' ' || (select coalesce(sum(movements), 0) from revenue_rollup)
    || ' ' || (select coalesce(sum(follow_ups), 0) from follow_up_rollup)")"
  facts="$(bench_report_psql -c "select (select count(*) from lead_fact where not deleted and status is not null)
    || ' ' || (select count(*) from customer_fact where created_at is not null and not deleted and not purged)
    || ' ' || (select count(*) from customer_fact c cross join lateral jsonb_array_elements_text(c.tags)
               where c.created_at is not null and not c.deleted and not c.purged)
    || ' ' || (select count(*) from payment_fact where amount is not null and paid_at is not null)
      + (select count(*) from refund_fact)
    || ' ' || (select count(*) from follow_up_fact f where status = 'OPEN'
      and not exists (select 1 from customer_fact c where c.id = f.customer_id and c.purged))")"
  if [[ $kept != "$facts" ]]; then
    started="$(now)"
    info "counting the kept counts again from the facts (leads, customers, customers per tag, money movements, open" \
      "follow-ups kept: $kept; in the facts: $facts)"
    bench_report_psql -f "$CRM_ROOT/reporting-service/src/main/resources/db/kept-counts.sql" >/dev/null
    info "counted in $(elapsed_since "$started")s"
  fi
  info "kept counts: $(bench_report_psql -c "select count(*) from lead_rollup") lead buckets," \
    "$(bench_report_psql -c "select count(*) from lead_close_rollup") closed-lead buckets," \
    "$(bench_report_psql -c "select count(*) from customer_rollup") customer buckets," \
    "$(bench_report_psql -c "select count(*) from customer_tag_rollup") customer-per-tag buckets," \
    "$(bench_report_psql -c "select count(*) from revenue_rollup") revenue buckets," \
    "$(bench_report_psql -c "select count(*) from follow_up_rollup") follow-up buckets"
}

# the same figures counted from the facts, as before the kept counts (1 client)
bench_reports_fact_floors() {
  local op
  for op in "${BENCH_REPORT_OPERATIONS[@]}"; do
    BENCH_FACT_FLOOR[$op]="$(bench_quantiles_pgbench crm_reporting "report-$op-facts.sql" 1 "$BENCH_SECONDS" \
      -D "viewer=$BENCH_SALES_ID" | awk '{ printf "%s / %s / %s ms (%s/s)", $1, $2, $3, $4 }')" || exit 1
    info "$op, SQL from the facts (before the kept counts), 1 client: ${BENCH_FACT_FLOOR[$op]}"
  done
}

bench_reports_one() {
  local op="$1" path="$2" clients="$3" seconds="$4"
  if [[ $path == sql ]]; then bench_reports_sql "$op" "$clients" "$seconds"
  else bench_reports_http "$op" "$path" "$clients" "$seconds"; fi
}

bench_reports_sql() {
  local figures p50 p95 p99 tps
  figures="$(bench_quantiles_pgbench crm_reporting "report-$1.sql" "$2" "$3" -D "viewer=$BENCH_SALES_ID")" || exit 1
  read -r p50 p95 p99 tps _ <<<"$figures"
  # the order the cells of this bench read: p50 p99 tps errors p95
  echo "$p50 $p99 $tps 0 $p95"
}

# the widget query's body: leads counted per month over the 24 months up to this one
bench_reports_month_query() {
  local from to
  from="$(date -u -d "$(date -u +%Y-%m-01) -23 months" +%F)"
  to="$(date -u -d "$(date -u +%Y-%m-01) +1 month" +%F)"
  printf '{"dataset":"leads","metric":{"function":"count"},"groupBy":"month","filters":[],"from":"%s","to":"%s"}' \
    "$from" "$to"
}

bench_reports_http() {
  local op="$1" path="$2" clients="$3" seconds="$4" base url user body="" output line
  if [[ $path == direct ]]; then base="$BENCH_REPORTING_DIRECT"; else base="$BENCH_GATEWAY"; fi
  case "$op" in
    dashboard) url="$base/api/v1/reports/dashboard"; user="$BENCH_ADMIN" ;;
    dashboard-mine) url="$base/api/v1/reports/dashboard"; user="$BENCH_USER" ;;
    query-month) url="$base/api/v1/reports/query"; user="$BENCH_ADMIN"; body="$(bench_reports_month_query)" ;;
  esac
  output="$(BENCH_HEADERS="Authorization: Bearer $(bench_token "$user")" BENCH_CREATE=0 BENCH_BODY="$body" \
    wrk -t "$((clients < 2 ? 1 : 2))" -c "$clients" -d "${seconds}s" --timeout 5s --latency \
    -s "$BENCH_DIR/bench.lua" "$url" 2>&1)" || die "wrk $url failed: $output"
  line="$(grep '^BENCH ' <<<"$output")" || die "wrk printed no result for $url: $output"
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
         printf "%.2f %.2f %.0f %d %.2f\n", f["p50_us"] / 1000, f["p99_us"] / 1000,
           f["requests"] / (f["duration_us"] / 1e6), f["socket_errors"] + f["non2xx"], f["p95_us"] / 1000 }' <<<"$line"
}

# one row per customer: customers grouped by tag (each generated one carries a tag of its own) over all time, read
# from the kept counts per tag (whole days), then counted from the facts (a period starting a second after midnight)
bench_reports_export() {
  local pid
  pid="$(cat "$(pid_file reporting-service)")"
  BENCH_JSTAT="$(dirname "$(readlink -f "/proc/$pid/exe")")/jstat"
  bench_reports_export_one kept "$pid" 1970-01-01 9999-01-01
  bench_reports_export_one facts "$pid" 1970-01-01T00:00:01Z 9999-01-01
}

bench_reports_export_one() {
  local name="$1" pid="$2" from="$3" to="$4" body output rows seconds bytes sampler load heap
  body="{\"dataset\":\"customers\",\"metric\":{\"function\":\"count\"},\"groupBy\":\"tag\",\"filters\":[],\"from\":\"$from\",\"to\":\"$to\"}"
  # one jstat sampling every 0.2 s (a jcmd per sample started a JVM each time, on the cores the export needs)
  "$BENCH_JSTAT" -gc "$pid" 200 >"$BENCH_TMP/heap" &
  sampler=$!
  sleep 2
  load="$(bench_load)"
  output="$(curl -sS -o "$BENCH_TMP/export.csv" -w '%{http_code} %{time_total} %{size_download}' -X POST \
    -H "Authorization: Bearer $(bench_token "$BENCH_ADMIN")" -H 'Content-Type: application/json' -d "$body" \
    "$BENCH_REPORTING_DIRECT/api/v1/reports/query/export?format=csv")" || die "the export failed: $output"
  sleep 1
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  [[ ${output%% *} == 200 ]] || die "the export answered ${output%% *}: $(head -c 500 "$BENCH_TMP/export.csv")"
  read -r _ seconds bytes <<<"$output"
  rows="$(($(wc -l <"$BENCH_TMP/export.csv") - 1))"
  # used: survivor spaces, eden and old generation (KB), by jstat's header; its first sample is before the export,
  # its last one after
  heap="$(awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { u = $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]; if (NR == 2) first = u; if (u > max) max = u; last = u }
    END { printf "heap used %.0f MB before, peak %.0f MB while it streamed (jstat every 0.2 s), %.0f MB after",
      first / 1024, max / 1024, last / 1024 }' "$BENCH_TMP/heap")"
  BENCH_EXPORT[$name]="$rows rows, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') in ${seconds} s (load before: $load)"
  BENCH_EXPORT_GOAL[$name]="$(awk -v s="$seconds" 'BEGIN { print (s <= 5 ? "met" : "MISSED") }')"
  BENCH_HEAP[$name]="$heap (max heap $(tr '\0' ' ' <"/proc/$pid/cmdline" | grep -o 'Xmx[^ ]*' || echo '?'))"
  info "export from the $name: ${BENCH_EXPORT[$name]}; ${BENCH_HEAP[$name]}"
}

bench_reports_export_report() {
  local name
  for name in kept facts; do
    printf '%s\n' "CSV export (customers by tag, one row each, reporting-service direct) from the $name: ${BENCH_EXPORT[$name]} (goal ≤ 5 s: ${BENCH_EXPORT_GOAL[$name]})" \
      "  ${BENCH_HEAP[$name]}"
  done
}

bench_reports_report() {
  local op clients goal limit row="%-14s %2s  %-34s %-34s %-34s %8s %10s %s\n"
  printf '\n%s\n' "./crm bench reports — $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(bench_load), scale" \
    "$BENCH_SCALE: $(bench_report_psql -c "select count(*) from customer_fact") customers, $(bench_report_psql -c \
      "select count(*) from lead_fact") leads, $(bench_report_psql -c "select count(*) from activity_fact") activities"
  printf '%s\n' "cells: p50 / p95 / p99 latency, requests per second. +gw: gateway p50 minus direct p50 (ms);" \
    "direct/SQL: p50 multiple; goal: direct p95 ≤ 30 ms (dashboard), ≤ 50 ms (query-month)"
  printf "$row" operation c "SQL (pgbench)" "reporting-service direct" "gateway, bearer" "+gw ms" direct/SQL goal
  for op in "${BENCH_REPORT_OPERATIONS[@]}"; do
    if [[ $op == query-month ]]; then limit=50; else limit=30; fi
    for clients in "${BENCH_CLIENT_COUNTS[@]}"; do
      goal=""
      if [[ -n ${BENCH_RESULT[$op|direct|$clients]:-} ]]; then
        goal="$(awk -v p95="$(bench_field "$op|direct|$clients" 5)" -v l="$limit" 'BEGIN { print (p95 <= l ? "met" : "MISSED") }')"
      fi
      printf "$row" "$op" "$clients" "$(bench_leads_cell "$op" sql "$clients")" \
        "$(bench_leads_cell "$op" direct "$clients")" "$(bench_leads_cell "$op" bearer "$clients")" \
        "$(bench_diff "$(bench_field "$op|bearer|$clients" 1)" "$(bench_field "$op|direct|$clients" 1)")" \
        "$(bench_times "$(bench_field "$op|direct|$clients" 1)" "$(bench_field "$op|sql|$clients" 1)")" "$goal"
    done
  done
  printf '%s\n' "dashboard: admin ($BENCH_ADMIN, counts everything); dashboard-mine: sales user $BENCH_USER;" \
    "query-month: leads counted per month, 24 months, admin" \
    "SQL from the facts (the floor before the kept counts), 1 client, p50 / p95 / p99:" \
    "  dashboard ${BENCH_FACT_FLOOR[dashboard]:-}; dashboard-mine ${BENCH_FACT_FLOOR[dashboard-mine]:-};" \
    "  query-month ${BENCH_FACT_FLOOR[query-month]:-}"
  bench_reports_export_report
}

# event → dashboard at BENCH_LIVE_RATE events/s, next to the Kafka floor (produce → consume of the same events)
bench_reports_live() {
  local cp output
  info "event → dashboard: customer.created at $BENCH_LIVE_RATE/s to crm.customer for ${BENCH_SECONDS}s after" \
    "${BENCH_WARMUP_SECONDS}s of warm-up, an admin's dashboard stream (reporting-service direct) timing each"
  cp="$(kafka_classpath)"
  output="$(CRM_BENCH_TOKEN="$(bench_token "$BENCH_ADMIN")" CRM_BENCH_OWNER="$BENCH_SALES_ID" \
    "$(infra_java)" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" "$CRM_ROOT/infra/tools/EventToDashboard.java" \
    "$BENCH_REPORTING_DIRECT" "127.0.0.1:$CRM_KAFKA_PORT" crm.customer "$BENCH_LIVE_RATE" "$BENCH_SECONDS" \
    "$BENCH_WARMUP_SECONDS" 2>&1)" || die "EventToDashboard failed: $output"
  BENCH_LIVE="$(grep '^BENCH ' <<<"$output")" || die "EventToDashboard printed no result: $output"
  BENCH_LIVE_STAGES="$(grep '^STAGES ' <<<"$output" | cut -d' ' -f2-)"
}

bench_reports_live_report() {
  local f
  f="$(awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); printf "%s=%s ", kv[1], kv[2] } }' <<<"$BENCH_LIVE")"
  awk -v line="$f" -v load="$(bench_load)" 'BEGIN {
    n = split(line, parts, " "); for (i = 1; i <= n; i++) { split(parts[i], kv, "="); f[kv[1]] = kv[2] }
    printf "\nevent → dashboard at %s events/s (%s measured, %s seen, %s pushes; load %s):\n", f["rate"], f["sent"], f["seen"], f["pushes"], load
    printf "  Kafka floor (send → consumer)   p50 / p95 / p99 %s / %s / %s ms\n", f["kafka_p50_ms"], f["kafka_p95_ms"], f["kafka_p99_ms"]
    printf "  event → dashboard stream         p50 / p95 / p99 %s / %s / %s ms, max %s ms (goal p99 ≤ 100 ms: %s)\n",
      f["p50_ms"], f["p95_ms"], f["p99_ms"], f["max_ms"], (f["p99_ms"] + 0 <= 100 && f["seen"] == f["sent"] ? "met" : "MISSED")
  }'
  # reporting-service's own timers over the last minute: where the time between the two figures above goes
  awk -v line="${BENCH_LIVE_STAGES:-}" 'BEGIN {
    n = split(line, parts, " "); for (i = 1; i <= n; i++) { split(parts[i], kv, "="); f[kv[1]] = kv[2] }
    if (n == 0) { print "  (reporting-service published no stage timers)"; exit }
    printf "  in reporting-service, last minute p50 / p95 / p99:\n"
    printf "    sent → its poll committed         %s / %s / %s ms\n", f["applied_p50"], f["applied_p95"], f["applied_p99"]
    printf "    a poll applied (one transaction)  %s / %s / %s ms, %s / %s / %s events\n", f["batch_p50"], f["batch_p95"],
      f["batch_p99"], f["batch_size_p50"], f["batch_size_p95"], f["batch_size_p99"]
    printf "    commit → every stream written     %s / %s / %s ms\n", f["push_p50"], f["push_p95"], f["push_p99"]
    printf "    of which a dashboard computed     %s / %s / %s ms\n", f["dashboard_p50"], f["dashboard_p95"], f["dashboard_p99"]
  }'
}
