-- customer-service's create in one transaction: the email check, the row, the outbox event (CustomerService.create,
-- OutboxWriter). The event is written as already published, so the relay does not send these to Kafka.
\set n random(1, 1000000000000)
begin;
select count(*) > 0 from customer
 where lower(email) = lower('pgbench.' || :run || '-' || :client_id || '-' || :n || '@bench.example') and deleted_at is null;
insert into customer (id, name, email, phone, created_at, updated_at, version)
 values (gen_random_uuid(), 'Pgbench ' || :n, 'pgbench.' || :run || '-' || :client_id || '-' || :n || '@bench.example',
         '+1 555 0100', now(), now(), 0);
insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, headers, occurred_at, published_at)
 values (gen_random_uuid(), 'bench', gen_random_uuid()::text, 'bench.created', 1,
         jsonb_build_object('type', 'bench.created', 'producer', 'pgbench', 'payload',
                            jsonb_build_object('name', 'Pgbench ' || :n, 'email', 'pgbench@bench.example')),
         '{}'::jsonb, now(), now());
commit;
