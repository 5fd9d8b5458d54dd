# shellcheck shell=bash
# Bulk data for measurements: written straight into a service's tables in batches, far faster than through the
# API. Such rows publish no events (other services do not see them): they are for load and latency figures, and
# the demo data (CRM_DEMO_CUSTOMERS) is what exercises the whole event flow.

GENERATE_BATCH=50000

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
    psql_admin -d crm_customer -v from=$((done + 1)) -v to=$((done + batch)) -v total="$total" -v run="$run" <<'SQL'
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
               'woodgrove.example','trey-research.example'] as domains
), generated as (
  select g,
         firsts[1 + g % cardinality(firsts)] as first_name,
         lasts[1 + (g / cardinality(firsts)) % cardinality(lasts)] as last_name,
         domains[1 + (g / 7) % cardinality(domains)] as domain,
         -- one every ~95 s: a million spread over the last three years, the last generated newest
         now() - make_interval(secs => (:total - g) * 95 + random() * 60) as created_at
  from vocabulary, generate_series(:from, :to) as g
)
insert into customer (id, name, email, phone, created_at, updated_at, version)
select gen_random_uuid(), first_name || ' ' || last_name,
       lower(first_name || '.' || last_name) || '.' || :run || '-' || g || '@' || domain,
       case when g % 5 = 0 then null else '+1 555 ' || lpad((g % 10000)::text, 4, '0') end,
       created_at, created_at, 0
from generated
on conflict do nothing;
SQL
    done=$((done + batch))
    info "  $done / $total ($(elapsed_since "$started")s)"
  done
  psql_admin -d crm_customer -c "analyze customer"
  info "generated $total customers in $(elapsed_since "$started")s; crm_customer now holds" \
    "$(psql_admin -d crm_customer -c "select count(*) from customer") customers"
}
