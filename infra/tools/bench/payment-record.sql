-- payment-service's record in one transaction (PaymentService.record): the key lock and lookup, the known customer,
-- the row, the field history's created entry, the outbox event, the idempotency key. The event is written as already
-- published, so the relay does not send these to Kafka.
\set n random(1, 1000000000000)
begin;
select pg_advisory_xact_lock(hashtextextended('payment.create-bench-' || :client_id || '-' || :n, 0));
select request_hash, resource_id from idempotency_key
 where scope = 'payment.create' and actor = 'pgbench' and key = 'k-' || :client_id || '-' || :n;
select id, name, owner_id, deleted from known_customer where id = :customer;
insert into payment (id, customer_id, amount, currency, status, method, refunded_amount, paid_at, created_at,
                     updated_at, created_by, created_by_name, version)
 values (gen_random_uuid(), :customer, 12.50, 'EUR', 'COMPLETED', 'CARD', 0, now(), now(), now(), 'pgbench',
         'pgbench', 0);
insert into field_change (aggregate_type, aggregate_id, changed_at, actor_id, actor_name, actor_kind, field, id)
 values ('bench', gen_random_uuid(), now(), 'pgbench', 'pgbench', 'user', 'created', gen_random_uuid());
insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, headers, occurred_at, published_at)
 values (gen_random_uuid(), 'bench', gen_random_uuid()::text, 'payment.recorded', 1,
         jsonb_build_object('type', 'payment.recorded', 'producer', 'pgbench', 'payload',
                            jsonb_build_object('amount', '12.50', 'currency', 'EUR')),
         '{}'::jsonb, now(), now());
insert into idempotency_key (scope, actor, key, request_hash, resource_id)
 values ('payment.create', 'pgbench', 'k-' || :client_id || '-' || :n, 'hash', 'id');
commit;
