-- customer-service's create in one transaction: the email check, the row, the outbox event (CustomerService.create,
-- OutboxWriter). The event is written as already published, so the relay does not send these to Kafka.
\set n random(1, 1000000000000)
\set mix :n % 1000000
begin;
select count(*) > 0 from customer
 where lower(email) = lower('pgbench.' || :run || '-' || :client_id || '-' || :n || '@bench.example') and deleted_at is null;
-- a company and zero to three tags, mixed as the bench's creates through the API mix them (bench.lua)
insert into customer (id, name, email, phone, company, tags, created_at, updated_at, version)
 select gen_random_uuid(), 'Pgbench ' || :n, 'pgbench.' || :run || '-' || :client_id || '-' || :n || '@bench.example',
        '+1 555 0100',
        case when :mix % 8 <> 0 then companies[1 + (:mix / 7) % 11] || ' ' || branches[1 + (:mix / 77) % 13] end,
        (select coalesce(array_agg(distinct label order by label), '{}')
         from unnest(array[labels[1 + :mix % 10], labels[1 + (:mix / 10) % 10], labels[1 + (:mix / 100) % 10]])
              with ordinality as picked(label, k)
         where k <= :mix % 4),
        now(), now(), 0
 from (select array['Northwind Traders','Contoso','Fabrikam','Tailspin Toys','Wide World Importers','Litware',
                    'Proseware','Fourth Coffee','Blue Yonder Airlines','Woodgrove Bank','Trey Research'] as companies,
              array['Holding','Logistics','Retail','Labs','Services','Group','Digital','Energy','Media','Foods',
                    'Systems','Partners','Consulting'] as branches,
              array['vip','newsletter','partner','prospect','key-account','churn-risk','enterprise','smb',
                    'event-2026','referral'] as labels) vocabulary;
insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, headers, occurred_at, published_at)
 values (gen_random_uuid(), 'bench', gen_random_uuid()::text, 'bench.created', 1,
         jsonb_build_object('type', 'bench.created', 'producer', 'pgbench', 'payload',
                            jsonb_build_object('name', 'Pgbench ' || :n, 'email', 'pgbench@bench.example')),
         '{}'::jsonb, now(), now());
commit;
