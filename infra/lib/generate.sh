# shellcheck shell=bash
# Bulk data for measurements: written straight into a service's tables in batches, far faster than through the
# API. Such rows publish no events (other services do not see them): they are for load and latency figures, and
# the demo data (CRM_DEMO_CUSTOMERS) is what exercises the whole event flow.

GENERATE_BATCH=50000

# who owns generated customers: the dev realm's sales users and the manager (infra/keycloak/crm-realm.json)
GENERATE_OWNER_IDS="5e0c2a3b-0000-4000-8000-000000000003,5e0c2a3b-0000-4000-8000-000000000004,5e0c2a3b-0000-4000-8000-000000000002"
GENERATE_OWNER_NAMES="Sam Seller,Sara Seller,Max Manager"

generate_customers() {
  local total="$1" done=0 batch started run
  [[ $total =~ ^[0-9]+$ ]] && ((total > 0)) || die "usage: ./crm generate customers <count>"
  postgres_running || die "PostgreSQL is not running: ./crm up first"
  [[ $(psql_admin -c "select 1 from pg_database where datname = 'crm_customer'") == 1 ]] ||
    die "database crm_customer does not exist: ./crm up first"
  [[ $(psql_admin -d crm_customer -c "select to_regclass('public.customer') is not null") == t ]] ||
    die "table customer does not exist yet: start customer-service once (./crm up)"
  started="$(now)"
  # unique per run, so that generating twice adds rows instead of colliding on emails
  run="$(date +%s)"
  info "generating $total customers into crm_customer, $GENERATE_BATCH per transaction"
  while ((done < total)); do
    batch=$((total - done < GENERATE_BATCH ? total - done : GENERATE_BATCH))
    psql_admin -d crm_customer -v from=$((done + 1)) -v to=$((done + batch)) -v total="$total" -v run="$run" \
      -v ids="$GENERATE_OWNER_IDS" -v names="$GENERATE_OWNER_NAMES" <<'SQL'
with vocabulary as (
  select array['Ada','Alan','Amara','Ana','Arjun','Beatriz','Camille','Carlos','Chen','Chloe','Daniel','Elena',
               'Emeka','Fatima','Felix','Grace','Hannah','Hiro','Ines','Isaac','Jamal','Jana','Johan','Julia','Kai',
               'Lars','Leila','Lucas','Maya','Mateo','Mei','Nadia','Noah','Olga','Omar','Priya','Rafael','Rosa',
               'Sofia','Tariq','Thomas','Valentina','Wei','Yara','Yusuf','Zoe'] as firsts,
         array['Adeyemi','Andersson','Bauer','Bianchi','Chen','Costa','Dubois','Eriksen','Fernandes','Fischer',
               'Garcia','Hansen','Hoffmann','Ivanova','Jensen','Kim','Kowalski','Larsen','Lopez','Mueller',
               'Nakamura','Novak','OBrien','Okafor','Patel','Petrov','Rossi','Santos','Schmidt','Silva','Singh',
               'Tanaka','VanDijk','Wagner','Wang','Yilmaz','Zhang'] as lasts,
         array['northwind.example','contoso.example','fabrikam.example','tailspin.example','wideworld.example',
               'litware.example','proseware.example','fourthcoffee.example','blueyonder.example',
               'woodgrove.example','trey-research.example'] as domains,
         array['Northwind Traders','Contoso','Fabrikam','Tailspin Toys','Wide World Importers','Litware',
               'Proseware','Fourth Coffee','Blue Yonder Airlines','Woodgrove Bank','Trey Research'] as companies,
         array['Holding','Logistics','Retail','Labs','Services','Group','Digital','Energy','Media','Foods',
               'Systems','Partners','Consulting'] as branches,
         array['vip','newsletter','partner','prospect','key-account','churn-risk','enterprise','smb','event-2026',
               'referral'] as labels,
         string_to_array(:'ids', ',') as owner_ids, string_to_array(:'names', ',') as owner_names
), generated as (
  select g, vocabulary.*,
         firsts[1 + g % cardinality(firsts)] as first_name,
         lasts[1 + (g / cardinality(firsts)) % cardinality(lasts)] as last_name,
         1 + (g / 7) % cardinality(domains) as company_no,
         -- one every ~95 s: a million spread over the last three years, the last generated newest
         now() - make_interval(secs => (:total - g) * 95 + random() * 60) as created_at
  from vocabulary, generate_series(:from, :to) as g
)
insert into customer (id, name, email, phone, company, tags, owner_id, owner_name, created_at, updated_at, version)
select gen_random_uuid(), first_name || ' ' || last_name,
       lower(first_name || '.' || last_name) || '.' || :run || '-' || g || '@' || domains[company_no],
       case when g % 5 = 0 then null else '+1 555 ' || lpad((g % 10000)::text, 4, '0') end,
       -- one in eight without a company (private customers); the others at one of ~140 companies
       case when g % 8 = 0 then null
            else companies[company_no] || ' ' || branches[1 + (g / 77) % cardinality(branches)] end,
       -- zero to three labels, each once, sorted as the service stores them
       (select coalesce(array_agg(distinct label order by label), '{}')
        from unnest(array[labels[1 + g % 10], labels[1 + (g / 10) % 10], labels[1 + (g / 100) % 10]]) with ordinality
             as picked(label, n)
        where n <= g % 4),
       owner_ids[1 + g % cardinality(owner_ids)], owner_names[1 + g % cardinality(owner_ids)],
       created_at, created_at, 0
from generated
on conflict do nothing;
SQL
    done=$((done + batch))
    info "  $done / $total ($(elapsed_since "$started")s)"
  done
  # VACUUM as well as ANALYZE: the trigram (GIN) indexes' own statistics are refreshed only by VACUUM, and with stale
  # ones the planner walks the newest-first index for a rare search term (1.5 s at 1M rows instead of 10 ms).
  psql_admin -d crm_customer -c "vacuum analyze customer"
  info "generated $total customers in $(elapsed_since "$started")s; crm_customer now holds" \
    "$(psql_admin -d crm_customer -c "select count(*) from customer") customers"
}

# the dev realm's sales users (infra/keycloak/crm-realm.json): sales1, sales2, bench
GENERATE_SALES_IDS="5e0c2a3b-0000-4000-8000-000000000003,5e0c2a3b-0000-4000-8000-000000000004,5e0c2a3b-0000-4000-8000-000000000007"
GENERATE_SALES_NAMES="Sam Seller,Sara Seller,Bench Mark"

generate_leads() {
  local total="$1" done=0 batch started run
  [[ $total =~ ^[0-9]+$ ]] && ((total > 0)) || die "usage: ./crm generate leads <count>"
  postgres_running || die "PostgreSQL is not running: ./crm up first"
  [[ $(psql_admin -d crm_lead -c "select to_regclass('public.lead') is not null") == t ]] ||
    die "table lead does not exist yet: start lead-service once (./crm up)"
  started="$(now)"
  # generated customers published no events: give lead-service the facts its events would have brought
  if [[ $(psql_admin -c "select 1 from pg_database where datname = 'crm_customer'") == 1 ]]; then
    psql_admin -d crm_lead -c "create table if not exists generate_customer (id uuid primary key, name text)"
    psql_admin -d crm_lead -c "truncate generate_customer"
    psql_admin -d crm_customer -c "copy (select id, name from customer) to stdout" |
      psql_admin -d crm_lead -c "copy generate_customer from stdin"
    psql_admin -d crm_lead -c "insert into customer (id, name, deleted, changed_at)
      select id, name, false, now() from generate_customer on conflict do nothing; drop table generate_customer"
  fi
  [[ $(psql_admin -d crm_lead -c "select count(*) > 0 from customer where not deleted") == t ]] ||
    die "lead-service knows no customers: ./crm generate customers <count> (or start the stack with demo data)"
  psql_admin -d crm_lead -c "drop table if exists generate_pick;
    create table generate_pick as select id, row_number() over (order by id) as n from customer where not deleted;
    create unique index on generate_pick (n); analyze generate_pick"
  run="$(date +%s)"
  info "generating $total leads into crm_lead, $GENERATE_BATCH per transaction"
  while ((done < total)); do
    batch=$((total - done < GENERATE_BATCH ? total - done : GENERATE_BATCH))
    psql_admin -d crm_lead -v from=$((done + 1)) -v to=$((done + batch)) -v total="$total" -v run="$run" \
      -v ids="$GENERATE_SALES_IDS" -v names="$GENERATE_SALES_NAMES" <<'SQL'
-- a bulk load: the board's totals are counted once at the end (lead_board_recount), not lead by lead, and the
-- leads' first scores are not published (lead-service's migration V20)
set crm.bulk_load = 'on';
with users as (
  select string_to_array(:'ids', ',') as ids, string_to_array(:'names', ',') as names,
         array['WEB','REFERRAL','EVENT','PARTNER','OUTBOUND','OTHER'] as sources,
         array['EUR','EUR','EUR','USD','GBP','JPY'] as currencies,
         array['Renewal','Upgrade','Rollout','Support contract','Pilot','Training','Expansion','Licence'] as titles,
         (select count(*) from generate_pick) as customers
), generated as (
  select g, users.*,
         -- 40 % new, 30 % in progress, 20 % won, 10 % lost
         case when g % 10 < 4 then 'NEW' when g % 10 < 7 then 'IN_PROGRESS' when g % 10 < 9 then 'CLOSED_WON'
              else 'CLOSED_LOST' end as status,
         -- one every ~95 s, the last generated newest
         now() - make_interval(secs => (:total - g) * 95 + random() * 60) as created_at
  from users, generate_series(:from, :to) as g
)
insert into lead (id, customer_id, title, source, value, currency, status, lost_reason, assigned_to, assignee_name,
                  created_at, updated_at, closed_at, version)
select gen_random_uuid(), p.id, titles[1 + g % cardinality(titles)] || ' ' || :run || '-' || g,
       sources[1 + g % cardinality(sources)], 500 + (g::bigint * 7919 % 200) * 250, currencies[1 + g % cardinality(currencies)],
       status, case when status = 'CLOSED_LOST' then 'Price too high' end,
       case when g % 9 = 8 then null else ids[1 + g % cardinality(ids)] end,
       case when g % 9 = 8 then null else names[1 + g % cardinality(ids)] end,
       created_at, created_at, case when status like 'CLOSED%' then created_at + interval '3 days' end, 0
from generated join generate_pick p on p.n = 1 + g % customers;
SQL
    done=$((done + batch))
    info "  $done / $total ($(elapsed_since "$started")s)"
  done
  psql_admin -d crm_lead -c "drop table generate_pick; select lead_board_recount()"
  psql_admin -d crm_lead -c "vacuum analyze lead"
  info "generated $total leads in $(elapsed_since "$started")s; crm_lead now holds" \
    "$(psql_admin -d crm_lead -c "select count(*) from lead") leads"
}
