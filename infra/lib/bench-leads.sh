# shellcheck shell=bash
# ./crm bench leads and ./crm bench rescoring: lead-service at a million leads (figures, not a test), in the style of
# ./crm bench api (infra/lib/bench.sh, whose sign-in, pgbench and wrk helpers it uses).
#
# bench leads: list (first page newest first as a manager sees it; "my leads" of a sales user), board (a manager's
# and a sales user's) and score, at 1 and 8 clients, as
#   SQL      the statements lead-service runs, in PostgreSQL (pgbench, infra/tools/bench/lead-*.sql)
#   direct   lead-service's own port, bearer token
#   bearer   through the gateway, bearer token
# The manager's requests use user `manager`, the sales user's `bench` (sales role), both through client crm-bench (its
# high rate limit in the gateway's local profile).
#
# bench rescoring: a new rule version through a refresh, timed until every lead carries it, while users edit leads
# through the gateway (infra/tools/EditDuringRescoring.java): their latency, and that no edit was lost.

BENCH_LEADS="${CRM_BENCH_LEADS:-1000000}"
BENCH_LEAD_OPERATIONS=(list list-mine board board-mine score)
BENCH_LEAD_PATHS=(sql direct bearer)
BENCH_MANAGER=manager
BENCH_EDIT_CLIENTS="${CRM_BENCH_EDIT_CLIENTS:-4}"
# each user's pause after an edit: 1 s is already far busier than a person; 0 edits back to back (a stress figure)
BENCH_EDIT_PAUSE_MS="${CRM_BENCH_EDIT_PAUSE_MS:-1000}"
# a rescoring taking longer than this is reported as not finished
BENCH_RESCORING_TIMEOUT="${CRM_BENCH_RESCORING_TIMEOUT:-900}"

bench_leads() {
  local started
  started="$(now)"
  bench_leads_require_stack
  bench_leads_prepare_data
  BENCH_TMP="$(mktemp -d)"
  trap 'rm -rf "$BENCH_TMP"' EXIT
  info "each figure: ${BENCH_SECONDS}s of load after ${BENCH_WARMUP_SECONDS}s of warm-up per operation and path;" \
    "wrk --latency (HTTP/1.1 keep-alive), pgbench -M prepared; load now: $(bench_load)"
  bench_matrix bench_leads_one BENCH_LEAD_OPERATIONS BENCH_LEAD_PATHS
  bench_leads_report
  info "bench leads done in $(elapsed_since "$started")s; load now: $(bench_load)"
}

bench_leads_require_stack() {
  bench_require_stack gateway lead-service
  BENCH_LEAD_DIRECT="http://127.0.0.1:$CRM_LEAD_PORT"
}

bench_lead_psql() { psql_admin -d crm_lead "$@"; }

# At least $BENCH_LEADS leads, every one scored: the figures are for a settled service, not one busy scoring
bench_leads_prepare_data() {
  local count started
  count="$(bench_lead_psql -c "select count(*) from lead")"
  if ((count < BENCH_LEADS)); then
    info "crm_lead holds $count leads, fewer than $BENCH_LEADS: generating $((BENCH_LEADS - count))" \
      "(once; ./crm generate leads, straight into the database)"
    generate_leads "$((BENCH_LEADS - count))"
    count="$(bench_lead_psql -c "select count(*) from lead")"
  fi
  bench_leads_await_scored "$count"
  # user bench of the dev realm (infra/keycloak/crm-realm.json), one of the assignees of ./crm generate leads
  BENCH_SALES_ID=5e0c2a3b-0000-4000-8000-000000000007
  # a lead from the middle of the table for the score
  BENCH_LEAD_ID="$(bench_lead_psql -c "select id from lead order by created_at desc, id desc offset $((count / 2)) limit 1")"
  info "data: $count leads ($(bench_lead_psql -c "select count(*) from lead where assigned_to = '$BENCH_SALES_ID'")" \
    "assigned to sales user $BENCH_USER); score of lead $BENCH_LEAD_ID"
}

# Waits until no lead waits for its score (generated leads are all due at first) and reports how long that took
bench_leads_await_scored() {
  local total="$1" due started last=-1 since
  due="$(bench_lead_psql -c "select count(*) from lead_score_due")"
  ((due == 0)) && return 0
  started="$(now)"
  info "$due of $total leads wait for their first score (lead-service's ScoringJob): waiting"
  while ((due > 0)); do
    sleep 5
    due="$(bench_lead_psql -c "select count(*) from lead_score_due")"
    if ((due != last)); then
      last="$due"
      since="$(now)"
      info "  $due still due ($(elapsed_since "$started")s)"
    elif awk -v s="$since" -v e="$(now)" 'BEGIN { exit !(e - s > 120) }'; then
      die "lead-service scored nothing for 2 minutes ($due due): is it running? (./crm logs lead-service)"
    fi
  done
  info "every lead is scored: $(elapsed_since "$started")s after the wait began; load now: $(bench_load)"
}

bench_leads_one() {
  local op="$1" path="$2" clients="$3" seconds="$4"
  if [[ $path == sql ]]; then bench_leads_sql "$op" "$clients" "$seconds"
  else bench_leads_http "$op" "$path" "$clients" "$seconds"; fi
}

bench_leads_sql() {
  local figures p50 p95 p99 tps
  figures="$(bench_quantiles_pgbench crm_lead "lead-$1.sql" "$2" "$3" -D "owner=$BENCH_SALES_ID" \
    -D "id=$BENCH_LEAD_ID")" || exit 1
  read -r p50 p95 p99 tps _ <<<"$figures"
  # the order the cells of this bench read: p50 p99 tps errors p95
  echo "$p50 $p99 $tps 0 $p95"
}

bench_leads_http() {
  local op="$1" path="$2" clients="$3" seconds="$4" base url user output line
  if [[ $path == direct ]]; then base="$BENCH_LEAD_DIRECT"; else base="$BENCH_GATEWAY"; fi
  case "$op" in
    list) url="$base/api/v1/leads?size=50"; user="$BENCH_MANAGER" ;;
    list-mine) url="$base/api/v1/leads?size=50&assignee=me"; user="$BENCH_USER" ;;
    board) url="$base/api/v1/leads/board"; user="$BENCH_MANAGER" ;;
    board-mine) url="$base/api/v1/leads/board"; user="$BENCH_USER" ;;
    score) url="$base/api/v1/leads/$BENCH_LEAD_ID/score"; user="$BENCH_MANAGER" ;;
  esac
  output="$(BENCH_HEADERS="Authorization: Bearer $(bench_token "$user")" BENCH_CREATE=0 \
    wrk -t "$((clients < 2 ? 1 : 2))" -c "$clients" -d "${seconds}s" --timeout 5s --latency \
    -s "$BENCH_DIR/bench.lua" "$url" 2>&1)" || die "wrk $url failed: $output"
  line="$(grep '^BENCH ' <<<"$output")" || die "wrk printed no result for $url: $output"
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
         printf "%.2f %.2f %.0f %d %.2f\n", f["p50_us"] / 1000, f["p99_us"] / 1000,
           f["requests"] / (f["duration_us"] / 1e6), f["socket_errors"] + f["non2xx"], f["p95_us"] / 1000 }' <<<"$line"
}

bench_leads_cell() {
  local key="$1|$2|$3" problems
  [[ -n ${BENCH_RESULT[$key]:-} ]] || { echo "—"; return; }
  problems="$(bench_field "$key" 4)"
  printf '%s / %s / %s ms %s/s%s' "$(bench_field "$key" 1)" "$(bench_field "$key" 5)" "$(bench_field "$key" 2)" \
    "$(bench_field "$key" 3)" "$( ((problems > 0)) && echo " ($problems errors!)")"
}

bench_leads_report() {
  local op clients goal row="%-11s %2s  %-34s %-34s %-34s %9s %8s %10s %s\n"
  printf '\n%s\n' "./crm bench leads — $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(bench_load)," \
    "$(bench_lead_psql -c "select count(*) from lead") leads"
  printf '%s\n' "cells: p50 / p95 / p99 latency, requests per second. gw/direct: gateway throughput as a share of" \
    "direct; +gw: gateway p50 minus direct p50 (ms); direct/SQL: p50 multiple; goal: gateway p95 ≤ 15 ms (list, board)"
  printf "$row" operation c "SQL (pgbench)" "lead-service direct" "gateway, bearer" gw/direct "+gw ms" direct/SQL goal
  for op in "${BENCH_LEAD_OPERATIONS[@]}"; do
    for clients in "${BENCH_CLIENT_COUNTS[@]}"; do
      goal=""
      if [[ $op != score && -n ${BENCH_RESULT[$op|bearer|$clients]:-} ]]; then
        goal="$(awk -v p95="$(bench_field "$op|bearer|$clients" 5)" 'BEGIN { print (p95 <= 15 ? "met" : "MISSED") }')"
      fi
      printf "$row" "$op" "$clients" "$(bench_leads_cell "$op" sql "$clients")" \
        "$(bench_leads_cell "$op" direct "$clients")" "$(bench_leads_cell "$op" bearer "$clients")" \
        "$(bench_ratio "$(bench_field "$op|bearer|$clients" 3)" "$(bench_field "$op|direct|$clients" 3)")" \
        "$(bench_diff "$(bench_field "$op|bearer|$clients" 1)" "$(bench_field "$op|direct|$clients" 1)")" \
        "$(bench_times "$(bench_field "$op|direct|$clients" 1)" "$(bench_field "$op|sql|$clients" 1)")" "$goal"
    done
  done
  printf '%s\n' "list: newest first, all leads (manager); list-mine: assignee=me of sales user $BENCH_USER;" \
    "board: GET /api/v1/leads/board (manager: every lead; board-mine: the sales user's own); score: GET …/{id}/score"
}

# --- rescoring ---------------------------------------------------------------------------------------------------

# The new rule version goes where the config server finds it beside lead-service.yml: lead-service's profile-specific
# file (the stack runs the `local` profile), which wins over lead-service.yml. At the end it is written again with the
# rules as they were, refreshed, and only then removed: a refresh does not take back a property whose source is gone
# (Spring Cloud's documented limit), so removing it first would leave lead-service on the bench's rules.
bench_rescoring_override() { echo "$CRM_CONFIG_REPO/lead-service-local.yml"; }

# A scoring property of lead-service as the config server serves it (the winning source), or $2 when it has none
bench_rescoring_property() {
  local value
  value="$(curl -fsS -u "$CRM_CONFIG_USER:$CRM_CONFIG_PASSWORD" "http://127.0.0.1:$CRM_CONFIG_PORT/lead-service/local" |
    grep -o "\"crm\.leads\.scoring\.$1\":\"\?[^,}\"]*" | head -1 | sed -E 's/^[^:]*:"?//')" ||
    die "the config server did not answer for lead-service"
  echo "${value:-$2}"
}

# writes the override: rule version $1, status weights NEW $2 and IN_PROGRESS $3
bench_rescoring_rules() {
  printf 'crm:\n  leads:\n    scoring:\n      version: "%s"\n      status: {NEW: %s, IN_PROGRESS: %s}\n' "$1" "$2" "$3" \
    >"$(bench_rescoring_override)"
}

bench_rescoring() {
  local started override total version previous new_weight progress_weight edits_pid stop result seconds open
  started="$(now)"
  bench_leads_require_stack
  override="$(bench_rescoring_override)"
  [[ ! -e $override ]] || die "$override exists: a bench rescoring did not finish cleanly? Remove it, then" \
    "POST /actuator/refresh to lead-service"
  bench_leads_prepare_data
  BENCH_TMP="$(mktemp -d)"
  trap 'rm -rf "$BENCH_TMP"; rm -f "$(bench_rescoring_override)"' EXIT
  total="$(bench_lead_psql -c "select count(*) from lead")"
  previous="$(bench_rescoring_property version)"
  new_weight="$(bench_rescoring_property status.NEW 0)"
  progress_weight="$(bench_rescoring_property status.IN_PROGRESS 0)"
  version="bench-$(date -u +%Y%m%dT%H%M%S)"

  # the leads users edit meanwhile: spread over the table, so that the pass meets them wherever it is
  bench_lead_psql -c "select id from lead tablesample system (1) limit 200" >"$BENCH_TMP/edited-leads"
  stop="$BENCH_TMP/stop"
  CRM_BENCH_PASSWORD="$BENCH_PASSWORD" "$(infra_java)" "$CRM_ROOT/infra/tools/EditDuringRescoring.java" \
    "$BENCH_GATEWAY" "$(keycloak_url)" "$BENCH_CLIENT" "$BENCH_MANAGER" "$BENCH_TMP/edited-leads" \
    "$BENCH_EDIT_CLIENTS" "$stop" "$BENCH_EDIT_PAUSE_MS" >"$BENCH_TMP/edits.out" 2>&1 &
  edits_pid=$!
  sleep 3 # the editors' warm-up: their figures before the rule change are part of the comparison

  open="$(bench_lead_psql -c "select count(*) from lead where status in ('NEW', 'IN_PROGRESS')")"
  info "rules $previous → $version for $total leads (a refresh of lead-service; NEW and IN_PROGRESS one point more:" \
    "$open open leads change their score), while $BENCH_EDIT_CLIENTS users edit 200 leads through the gateway" \
    "(${BENCH_EDIT_PAUSE_MS} ms between a user's edits);" \
    "load now: $(bench_load)"
  # a new version and new weights: every open lead's score changes, so its history grows too
  bench_rescoring_rules "$version" "$((new_weight + 1))" "$((progress_weight + 1))"
  touch "$stop-during"
  seconds="$(bench_rescoring_wait "$version" "$total")" || { touch "$stop"; exit 1; }
  touch "$stop"
  wait "$edits_pid" || die "EditDuringRescoring failed: $(cat "$BENCH_TMP/edits.out")"
  result="$(grep '^BENCH ' "$BENCH_TMP/edits.out")" || die "EditDuringRescoring printed no result: $(cat "$BENCH_TMP/edits.out")"

  bench_rescoring_rules "$previous" "$new_weight" "$progress_weight"
  bench_rescoring_refresh
  rm -f "$override"
  info "rules back to $previous: lead-service rescores every lead again in the background"

  printf '\n%s\n' "./crm bench rescoring — $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(bench_load)"
  printf '  %s\n' "$total leads rescored under rules $version ($open open leads' scores changed) in ${seconds} s," \
    "$(awk -v n="$total" -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f leads/s", n / s }') (goal: ≤ 120 s)"
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
         printf "  edits through the gateway meanwhile (%s users, GET then PUT of a lead, %s ms pause): %s edits, p50 %s ms, p95 %s" \
           " ms, p99 %s ms, max %s ms; before the rule change p50 %s ms, p95 %s ms; %s failed %s, %s conflicts (409)," \
           " %s edits lost\n", f["clients"], f["pause_ms"], f["edits"], f["p50_ms"], f["p95_ms"], f["p99_ms"], f["max_ms"],
           f["before_p50_ms"], f["before_p95_ms"], f["failed"], f["failures"], f["conflicts"], f["lost"] }' <<<"$result"
  info "bench rescoring done in $(elapsed_since "$started")s"
}

bench_rescoring_refresh() {
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $(bench_token "$BENCH_MANAGER")" \
    "$BENCH_LEAD_DIRECT/actuator/refresh" || die "POST /actuator/refresh to lead-service failed"
}

# refreshes, then prints the seconds until lead-service reports its pass under the version done (its log line) and
# every lead's score carries the version. Progress is counted every 30 s only: the count reads every score (1.4 s of
# both cores at 1M), and polled every second it slowed the rescoring it measured.
bench_rescoring_wait() {
  local version="$1" total="$2" started done=0 log next_count
  log="$CRM_WORK_DIR/logs/lead-service.log"
  started="$(now)"
  next_count=30
  bench_rescoring_refresh
  until grep -q "Rescored [0-9]* leads under rules $version in" "$log"; do
    sleep 1
    if awk -v s="$started" -v e="$(now)" -v n="$next_count" 'BEGIN { exit !(e - s > n) }'; then
      done="$(bench_lead_psql -c "select count(*) from lead_score where rule_set_version = '$version'")"
      info "  $done / $total rescored ($(elapsed_since "$started")s)" >&2
      next_count=$((next_count + 30))
    fi
    awk -v s="$started" -v e="$(now)" -v t="$BENCH_RESCORING_TIMEOUT" 'BEGIN { exit !(e - s > t) }' &&
      die "rescoring did not finish in ${BENCH_RESCORING_TIMEOUT}s ($done of $total): see ./crm logs lead-service"
  done
  elapsed_since "$started"
  done="$(bench_lead_psql -c "select count(*) from lead_score where rule_set_version = '$version'")"
  ((done == total)) || die "lead-service finished its pass under $version, but $done of $total scores carry it"
  info "  lead-service: $(grep -o "Rescored [0-9]* leads under rules $version in [0-9]* ms" "$log" | tail -1)" >&2
}
