-- customer-service's update of a customer's name and phone in one transaction (CustomerService.update): the row by
-- id, the update, and the outbox event (written as published: the relay leaves it) carrying, when :history is 1, the
-- two field_change rows FieldHistory defers to the event's statement (one round trip for both); :history 0 is the
-- same transaction without them.
\set n random(1, 1000000000)
begin;
select id, name, email, phone, created_at, updated_at, version from customer where id = :id;
update customer set name = 'Pgbench ' || :n, phone = '+1 555 0100', updated_at = now(), version = version + 1
 where id = :id;
\if :history
with history as (
  insert into field_change (aggregate_type, aggregate_id, changed_at, actor_id, actor_name, actor_kind, trace_id, field,
                            old_value, new_value, id)
  values ('bench', :id, now(), '5e0c2a3b-0000-4000-8000-000000000007', 'Bench Mark', 'user', md5(:n::text), 'name',
          'before ' || :n, 'after ' || :n, gen_random_uuid()),
         ('bench', :id, now(), '5e0c2a3b-0000-4000-8000-000000000007', 'Bench Mark', 'user', md5(:n::text), 'phone',
          'before ' || :n, 'after ' || :n, gen_random_uuid())
)
insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, headers, occurred_at, published_at)
 values (gen_random_uuid(), 'bench', :id, 'customer.updated', 1,
         jsonb_build_object('type', 'customer.updated', 'payload', jsonb_build_object('name', 'Pgbench ' || :n)),
         '{}'::jsonb, now(), now());
\else
insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, headers, occurred_at, published_at)
 values (gen_random_uuid(), 'bench', :id, 'customer.updated', 1,
         jsonb_build_object('type', 'customer.updated', 'payload', jsonb_build_object('name', 'Pgbench ' || :n)),
         '{}'::jsonb, now(), now());
\endif
commit;
