-- A change marks its lead due even while the scoring job holds the lead's mark (it scores the lead from facts read
-- before the change, and deletes the mark as it commits): "on conflict do nothing" took the held mark for the new one
-- and the change went unscored. "Do update" waits for the job's commit and then inserts the mark again. The earliest
-- since keeps the lead's place in the queue; a mark to publish wins over a bulk load's quiet one.
create or replace function lead_mark_score_due() returns trigger language plpgsql as $$
begin
    insert into lead_score_due (lead_id, since, publish)
    values (new.id, now(), current_setting('crm.bulk_load', true) is distinct from 'on')
    on conflict (lead_id) do update
        set since = least(lead_score_due.since, excluded.since), publish = lead_score_due.publish or excluded.publish;
    return null;
end $$;

create or replace function customer_signal_on_change() returns trigger language plpgsql as $$
begin
    insert into customer_signal (customer_id, kind, count, last_at) values (new.id, 'customer', 1, new.changed_at)
    on conflict (customer_id, kind) do update
        set count = customer_signal.count + 1, last_at = greatest(customer_signal.last_at, excluded.last_at);
    insert into lead_score_due (lead_id, since) select id, now() from lead where customer_id = new.id
    on conflict (lead_id) do update
        set since = least(lead_score_due.since, excluded.since), publish = lead_score_due.publish or excluded.publish;
    return null;
end $$;

create or replace function lead_note_mark_score_due() returns trigger language plpgsql as $$
declare
    noted uuid := case when tg_op = 'DELETE' then old.lead_id else new.lead_id end;
begin
    insert into lead_score_due (lead_id, since) select l.id, now() from lead l where l.id = noted
    on conflict (lead_id) do update
        set since = least(lead_score_due.since, excluded.since), publish = lead_score_due.publish or excluded.publish;
    return null;
end $$;
