# shellcheck shell=bash
# ./crm bench import: customers in and out as CSV files, through the gateway with a bearer token. An import of
# 10,000 new customers (the most one file may hold), checked first (dryRun=true) and then created, beside the SQL floor
# of the same rows (one INSERT … SELECT each for the customers, their history and their outbox events, in one
# transaction rolled back); the same file with a new name and phone on each row imported again with existing=update,
# beside its SQL floor (one UPDATE … FROM, two history entries and an event each, rolled back); an export of every
# customer (1M once `./crm generate customers` or `bench api` made them) beside COPY of the same columns in the same
# order, with customer-service's resident memory before and after. Figures, not a test. The imported customers stay
# (emails @bench-import.example, each run's own).

BENCH_IMPORT_ROWS=10000

declare -A IMPORT_RESULT=()

bench_import() {
  local started run
  started="$(now)"
  bench_require_stack gateway customer-service
  BENCH_TMP="$(mktemp -d)"
  trap 'rm -rf "$BENCH_TMP"' EXIT
  run="$(date +%s)"
  bench_import_file "$run" "Bench Import" 0 >"$BENCH_TMP/import.csv"
  bench_import_file "$run" "Bench Updated" 1 >"$BENCH_TMP/update.csv"
  IMPORT_RESULT[customers]="$(bench_psql -c "select count(*) from customer where deleted_at is null")"
  info "load now: $(bench_load); ${IMPORT_RESULT[customers]} customers"
  IMPORT_RESULT[floor]="$(bench_import_floor "$run")"
  IMPORT_RESULT[check]="$(bench_import_post import true skip)"
  IMPORT_RESULT[import]="$(bench_import_post import false skip)"
  IMPORT_RESULT[update_floor]="$(bench_import_update_floor "$run")"
  IMPORT_RESULT[update]="$(bench_import_post update false update)"
  IMPORT_RESULT[copy]="$(bench_import_copy)"
  IMPORT_RESULT[rss_before]="$(bench_import_rss)"
  IMPORT_RESULT[export]="$(bench_import_export)"
  IMPORT_RESULT[rss_after]="$(bench_import_rss)"
  bench_import_report
  info "bench import done in $(elapsed_since "$started")s; load now: $(bench_load)"
}

# the rows an import reads: every column it knows, tags and a phone on each (the phone shifted by <shift>)
bench_import_file() {
  local run="$1" name="$2" shift="$3"
  awk -v run="$run" -v rows="$BENCH_IMPORT_ROWS" -v name="$name" -v shift="$shift" 'BEGIN {
    print "Name,Email,Phone,Company,Tags"
    for (i = 1; i <= rows; i++)
      printf "%s %d,bench.%s.%d@bench-import.example,+1 555 %04d,Importers %d,bench-import; t%d\n",
        name, i, run, i, (i + shift) % 10000, i % 50, i % 7
  }'
}

# POST <file>.csv with dryRun and existing; prints "<seconds> <accepted> <updated>"
bench_import_post() {
  local file="$1" dry_run="$2" existing="$3" answer seconds status
  answer="$(curl -sS -o "$BENCH_TMP/answer.json" -w '%{time_total} %{http_code}' \
    -H "Authorization: Bearer $(bench_token)" -F "file=@$BENCH_TMP/$file.csv;type=text/csv" \
    "$BENCH_GATEWAY/api/v1/customers/import?dryRun=$dry_run&existing=$existing")" || die "the import request failed"
  read -r seconds status <<<"$answer"
  [[ $status == 200 ]] || die "the import answered $status: $(head -c 300 "$BENCH_TMP/answer.json")"
  echo "$seconds $(sed -nE 's/.*"accepted":([0-9]+).*/\1/p' "$BENCH_TMP/answer.json") $(
    sed -nE 's/.*"updated":([0-9]+).*/\1/p' "$BENCH_TMP/answer.json")"
}

# the update's rows written straight into the tables in one transaction, rolled back: the customers the import
# created, by email, with the new name and phone, a history entry for each and an event; prints seconds
bench_import_update_floor() {
  local run="$1" started
  started="$(now)"
  bench_psql >/dev/null <<SQL
begin;
create temporary table floor_rows on commit drop as
  select 'Bench Updated ' || i as name, 'bench.$run.' || i || '@bench-import.example' as email,
         '+1 555 ' || lpad(((i + 1) % 10000)::text, 4, '0') as phone
  from generate_series(1, $BENCH_IMPORT_ROWS) i;
with updated as (
  update customer c set name = r.name, phone = r.phone, updated_at = now(), version = c.version + 1
  from (select r.*, o.id, o.name as old_name, o.phone as old_phone
        from floor_rows r join customer o on lower(o.email) = r.email and o.deleted_at is null) r
  where c.id = r.id
  returning c.id, c.name, c.email, c.phone, c.company, c.tags, r.old_name, r.old_phone
), history as (
  insert into field_change (id, aggregate_type, aggregate_id, changed_at, actor_id, actor_name, actor_kind, field,
                            old_value, new_value)
  select gen_random_uuid(), 'customer', id, now(), 'bench', 'Bench', 'user', 'name', old_name, name from updated
  union all
  select gen_random_uuid(), 'customer', id, now(), 'bench', 'Bench', 'user', 'phone', old_phone, phone from updated
)
insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, occurred_at)
  select gen_random_uuid(), 'customer', id::text, 'customer.updated', 1,
         jsonb_build_object('payload', jsonb_build_object('customerId', id, 'name', name, 'email', email,
           'phone', phone, 'company', company, 'tags', to_jsonb(tags))),
         now()
  from updated;
rollback;
SQL
  elapsed_since "$started"
}

# the same rows written straight into the tables in one transaction, rolled back; prints seconds
bench_import_floor() {
  local run="$1" started
  started="$(now)"
  bench_psql >/dev/null <<SQL
begin;
create temporary table floor_rows on commit drop as
  select gen_random_uuid() as id, 'Floor Import ' || i as name, 'floor.$run.' || i || '@bench-import.example' as email,
         '+1 555 ' || lpad((i % 10000)::text, 4, '0') as phone, 'Importers ' || (i % 50) as company,
         array['bench-import', 't' || (i % 7)] as tags
  from generate_series(1, $BENCH_IMPORT_ROWS) i;
insert into customer (id, name, email, phone, company, tags, owner_id, owner_name, created_at, updated_at, version)
  select id, name, email, phone, company, tags, 'bench', 'Bench', now(), now(), 0 from floor_rows;
insert into field_change (id, aggregate_type, aggregate_id, changed_at, actor_id, actor_name, actor_kind, field)
  select gen_random_uuid(), 'customer', id, now(), 'bench', 'Bench', 'user', 'created' from floor_rows;
insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, occurred_at)
  select gen_random_uuid(), 'customer', id::text, 'customer.created', 1,
         jsonb_build_object('payload', jsonb_build_object('customerId', id, 'name', name, 'email', email,
           'phone', phone, 'company', company, 'tags', to_jsonb(tags), 'ownerId', 'bench', 'ownerName', 'Bench')),
         now()
  from floor_rows;
rollback;
SQL
  elapsed_since "$started"
}

# COPY of what the export writes, in its order; prints "<seconds> <bytes>"
bench_import_copy() {
  local started
  started="$(now)"
  # one line: a psql meta-command ends at the line's end; to stdout, since psql may run as another OS user
  bench_psql -c "\\copy (select name, email, phone, company, array_to_string(tags, '; '), owner_name, created_at, id from customer where deleted_at is null order by created_at desc, id desc) to stdout with csv header" >"$BENCH_TMP/copy.csv"
  echo "$(elapsed_since "$started") $(stat -c %s "$BENCH_TMP/copy.csv")"
}

# GET the export as a manager (exports are managers' and admins'); prints "<seconds> <bytes> <rows>"
bench_import_export() {
  local answer seconds bytes status
  answer="$(curl -sS -o "$BENCH_TMP/export.csv" -w '%{time_total} %{size_download} %{http_code}' \
    -H "Authorization: Bearer $(bench_token manager)" "$BENCH_GATEWAY/api/v1/customers/export")" ||
    die "the export request failed"
  read -r seconds bytes status <<<"$answer"
  [[ $status == 200 ]] || die "the export answered $status: $(head -c 300 "$BENCH_TMP/export.csv")"
  echo "$seconds $bytes $(($(wc -l <"$BENCH_TMP/export.csv") - 1))"
}

bench_import_rss() {
  local pid
  pid="$(pid_of customer-service)" && [[ -n $pid ]] || { echo "?"; return; }
  awk '/^VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$pid/status"
}

bench_import_report() {
  local floor check import accepted update_floor update updated copy copy_bytes export export_bytes export_rows
  local rows="$BENCH_IMPORT_ROWS"
  floor="${IMPORT_RESULT[floor]}"
  update_floor="${IMPORT_RESULT[update_floor]}"
  read -r check _ _ <<<"${IMPORT_RESULT[check]}"
  read -r import accepted _ <<<"${IMPORT_RESULT[import]}"
  read -r update _ updated <<<"${IMPORT_RESULT[update]}"
  read -r copy copy_bytes <<<"${IMPORT_RESULT[copy]}"
  read -r export export_bytes export_rows <<<"${IMPORT_RESULT[export]}"
  printf '\n%s\n' "./crm bench import — $(date -u '+%F %H:%M UTC'), $(nproc) cores, $(uptime)"
  printf '%s\n' "import of $rows new customers (one CSV file, $(stat -c %s "$BENCH_TMP/import.csv") bytes), gateway with a bearer token:"
  awk -v f="$floor" -v c="$check" -v i="$import" -v n="$rows" -v a="$accepted" 'BEGIN {
    printf "  SQL floor (3 INSERT … SELECT, one transaction)  %7.2f s  %8.0f rows/s\n", f, n / f
    printf "  check (dryRun=true)                             %7.2f s  %8.0f rows/s\n", c, n / c
    printf "  import (%d created)                          %7.2f s  %8.0f rows/s  %.1f× the floor\n", a, i, n / i, i / f
  }'
  printf '%s\n' "the same customers again, a new name and phone on each row (existing=update):"
  awk -v f="$update_floor" -v u="$update" -v n="$rows" -v d="$updated" 'BEGIN {
    printf "  SQL floor (UPDATE … FROM, 2 history entries and an event each)  %7.2f s  %8.0f rows/s\n", f, n / f
    printf "  import (%d updated)                                          %7.2f s  %8.0f rows/s  %.1f× the floor\n",
      d, u, n / u, u / f
  }'
  printf '%s\n' "export of every customer (${IMPORT_RESULT[customers]}), as a manager:"
  awk -v c="$copy" -v cb="$copy_bytes" -v e="$export" -v eb="$export_bytes" -v r="$export_rows" 'BEGIN {
    printf "  SQL floor (COPY … TO a file, same columns and order)  %7.2f s  %6.1f MB  %9.0f rows/s\n", c, cb / 1e6, r / c
    printf "  export through the gateway                            %7.2f s  %6.1f MB  %9.0f rows/s  %.1f× the floor\n",
      e, eb / 1e6, r / e, e / c
  }'
  printf '  customer-service resident memory: %s before the export, %s after (heap limit: its JVM flags)\n' \
    "${IMPORT_RESULT[rss_before]}" "${IMPORT_RESULT[rss_after]}"
}
