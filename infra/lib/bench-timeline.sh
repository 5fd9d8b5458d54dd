# shellcheck shell=bash
# ./crm bench timeline: the first page of a customer's complete timeline (GET /api/v1/customers/{id}/timeline, 50
# entries) for a customer with 10,000 entries and for one with a typical 30 (figures, not a test), against the running
# stack: its SQL in PostgreSQL (pgbench), activity-service directly and through the gateway (bearer), as a sales user
# (entries about other users' leads filtered out) and as a manager (everything), at 1 and 8 clients; p50 / p95 / p99.
# The entries are generated straight into crm_activity once (a fifth of them about leads, half of those another
# user's), among 2M entries of 200k other customers over three years, as a busy CRM holds them; later runs reuse them.

BENCH_TIMELINE_HOT_ROWS=10000
BENCH_TIMELINE_TYPICAL_ROWS=30
BENCH_TIMELINE_BACKGROUND_ROWS="${CRM_BENCH_TIMELINE_BACKGROUND_ROWS:-2000000}"
# fixed ids: the runs find their customers again
BENCH_TIMELINE_HOT_ID=7e1e11e0-0000-4000-8000-000000010000
BENCH_TIMELINE_TYPICAL_ID=7e1e11e0-0000-4000-8000-000000000030
BENCH_TIMELINE_SALES_ID=5e0c2a3b-0000-4000-8000-000000000007 # user bench, a sales user
BENCH_TIMELINE_OTHER_ID=5e0c2a3b-0000-4000-8000-000000000003 # sales1

declare -A TIMELINE_RESULT=()

bench_timeline_page() {
  local started
  started="$(now)"
  bench_require_stack
  BENCH_TMP="$(mktemp -d)"
  trap 'rm -rf "$BENCH_TMP"' EXIT
  BENCH_ACTIVITY="http://127.0.0.1:$CRM_ACTIVITY_PORT"
  bench_timeline_prepare
  bench_check_rate_limit
  info "each figure: ${BENCH_SECONDS}s of load after ${BENCH_WARMUP_SECONDS}s of warm-up; load now: $(bench_load)"
  local record path clients
  for record in typical hot; do
    for path in sql direct bearer manager; do
      bench_timeline_read "$record" "$path" 8 "$BENCH_WARMUP_SECONDS" >/dev/null
      for clients in 1 8; do
        TIMELINE_RESULT["$record|$path|$clients"]="$(bench_timeline_read "$record" "$path" "$clients" "$BENCH_SECONDS")"
        printf '  %-8s %-8s %s client(s): %s\n' "$record" "$path" "$clients" \
          "$(bench_quantiles_cell "${TIMELINE_RESULT["$record|$path|$clients"]}")"
      done
    done
  done
  bench_timeline_report
  info "bench timeline done in $(elapsed_since "$started")s; load now: $(bench_load)"
}

bench_activity_psql() { psql_admin -d crm_activity "$@"; }

bench_timeline_prepare() {
  bench_timeline_background
  bench_timeline_generate "$BENCH_TIMELINE_HOT_ID" "$BENCH_TIMELINE_HOT_ROWS"
  bench_timeline_generate "$BENCH_TIMELINE_TYPICAL_ID" "$BENCH_TIMELINE_TYPICAL_ROWS"
  info "data: $(bench_activity_psql -c "select count(*) from activity") timeline entries in crm_activity; customer" \
    "$BENCH_TIMELINE_HOT_ID has $(bench_timeline_count "$BENCH_TIMELINE_HOT_ID"), customer" \
    "$BENCH_TIMELINE_TYPICAL_ID $(bench_timeline_count "$BENCH_TIMELINE_TYPICAL_ID")"
}

# Other customers' entries (customer ids from a fixed range), one batch of 500k at a time.
bench_timeline_background() {
  local have from started
  have="$(bench_activity_psql -c "select count(*) from activity where correlation_id like 'bench-background-%'")"
  ((have >= BENCH_TIMELINE_BACKGROUND_ROWS)) && return 0
  started="$(now)"
  info "generating $((BENCH_TIMELINE_BACKGROUND_ROWS - have)) timeline entries of 200k other customers (once)"
  for ((from = have + 1; from <= BENCH_TIMELINE_BACKGROUND_ROWS; from += 500000)); do
    bench_activity_psql -v from="$from" -v to="$((from + 499999 < BENCH_TIMELINE_BACKGROUND_ROWS ? from + 499999 :
      BENCH_TIMELINE_BACKGROUND_ROWS))" <<'SQL' >/dev/null
insert into activity (id, customer_id, user_id, user_name, action, summary, occurred_at, event_id, correlation_id, kind)
select gen_random_uuid(), md5('bench-background-' || (j % 200000))::uuid, 'bench', 'Bench Mark', 'customer.updated',
       'Background entry ' || j, now() - random() * interval '3 years', gen_random_uuid(), 'bench-background-' || j,
       'customer'
from generate_series(:from, :to) j;
SQL
    info "  $((from + 499999 < BENCH_TIMELINE_BACKGROUND_ROWS ? from + 499999 : BENCH_TIMELINE_BACKGROUND_ROWS)) ($(elapsed_since "$started")s)"
  done
  bench_activity_psql -c "vacuum analyze activity" >/dev/null
}

bench_timeline_count() { bench_activity_psql -c "select count(*) from activity where customer_id = '$1'"; }

# Entries of every kind, one every ~2 hours back from now; every fifth about one of ten leads of the customer, which
# alternate between the bench's sales user and another one.
bench_timeline_generate() {
  local customer="$1" rows="$2"
  (($(bench_timeline_count "$customer") >= rows)) && return 0
  info "generating $rows timeline entries for customer $customer into crm_activity"
  bench_activity_psql -v customer="$customer" -v rows="$rows" -v mine="$BENCH_TIMELINE_SALES_ID" \
    -v other="$BENCH_TIMELINE_OTHER_ID" <<'SQL' >/dev/null
delete from activity where customer_id = :'customer';
insert into known_customer (id, name, changed_at) values (:'customer', 'Bench Timeline', now())
on conflict (id) do nothing;
insert into known_lead (id, customer_id, title, assignee, changed_at)
select md5(:'customer' || n)::uuid, :'customer', 'Bench lead ' || n, case when n % 2 = 0 then :'mine' else :'other' end,
       now()
from generate_series(1, 10) n
on conflict (id) do nothing;
insert into activity (id, customer_id, user_id, user_name, action, summary, occurred_at, event_id, correlation_id, kind,
                      lead_id)
select gen_random_uuid(), :'customer', :'mine', 'Bench Mark',
       (array['customer.updated', 'customer.note-added', 'customer.communication-logged', 'customer.document-attached',
              'lead.status-changed', 'follow-up.created'])[1 + j % 6],
       'Bench entry ' || j, now() - make_interval(mins => j * 120), gen_random_uuid(), 'bench-' || j,
       (array['customer', 'note', 'communication', 'document', 'lead', 'follow-up'])[1 + j % 6],
       case when j % 6 = 4 then md5(:'customer' || (1 + j % 10))::uuid end
from generate_series(1, :rows) j;
analyze activity;
SQL
}

bench_timeline_id() { if [[ $1 == hot ]]; then echo "$BENCH_TIMELINE_HOT_ID"; else echo "$BENCH_TIMELINE_TYPICAL_ID"; fi; }

bench_timeline_read() {
  local record="$1" path="$2" clients="$3" seconds="$4" id url token
  id="$(bench_timeline_id "$record")"
  case "$path" in
    sql)
      bench_quantiles_pgbench crm_activity timeline-page.sql "$clients" "$seconds" -D "id=$id" \
        -D "owner=$BENCH_TIMELINE_SALES_ID"
      return ;;
    direct) url="$BENCH_ACTIVITY/api/v1/customers/$id/timeline?size=50"; token="$(bench_token)" ;;
    bearer) url="$BENCH_GATEWAY/api/v1/customers/$id/timeline?size=50"; token="$(bench_token)" ;;
    manager) url="$BENCH_GATEWAY/api/v1/customers/$id/timeline?size=50"; token="$(bench_token manager)" ;;
  esac
  bench_history_wrk "$url" "$clients" "$seconds" "$token"
}

bench_timeline_report() {
  local record clients row="%-8s %2s  %-30s %-30s %-30s %-30s\n"
  printf '\n%s\n' "./crm bench timeline — $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(bench_load)"
  printf '%s\n' "first page of one customer's timeline (50 entries): cells p50 / p95 / p99 latency, requests per second;" \
    "SQL, direct and bearer as a sales user (other users' lead entries filtered out), manager: everything"
  printf "$row" record c "SQL (pgbench, sales user)" "activity-service direct" "gateway, bearer" "gateway, manager"
  for record in typical hot; do
    for clients in 1 8; do
      printf "$row" "$record" "$clients" "$(bench_quantiles_cell "${TIMELINE_RESULT["$record|sql|$clients"]:-}")" \
        "$(bench_quantiles_cell "${TIMELINE_RESULT["$record|direct|$clients"]:-}")" \
        "$(bench_quantiles_cell "${TIMELINE_RESULT["$record|bearer|$clients"]:-}")" \
        "$(bench_quantiles_cell "${TIMELINE_RESULT["$record|manager|$clients"]:-}")"
    done
  done
}
