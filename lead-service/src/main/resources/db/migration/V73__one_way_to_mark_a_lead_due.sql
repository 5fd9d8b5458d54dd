-- One way to mark leads due for scoring, for the triggers and the service alike (LeadScoring): a mark the scoring job
-- holds is waited for and made again once the job deleted it (V72), the earliest since keeps a lead's place in the
-- queue, and a mark to publish wins over a bulk load's quiet one.
create function lead_score_mark_due(leads uuid[], marked_at timestamptz, to_publish boolean default true)
returns void language plpgsql as $$
begin
    insert into lead_score_due as due (lead_id, since, publish)
    select lead, marked_at, to_publish from unnest(leads) as lead
    on conflict (lead_id) do update
        set since = least(due.since, excluded.since), publish = due.publish or excluded.publish;
end $$;

create or replace function lead_mark_score_due() returns trigger language plpgsql as $$
begin
    perform lead_score_mark_due(array[new.id], now(), current_setting('crm.bulk_load', true) is distinct from 'on');
    return null;
end $$;

create or replace function customer_signal_on_change() returns trigger language plpgsql as $$
begin
    insert into customer_signal (customer_id, kind, count, last_at) values (new.id, 'customer', 1, new.changed_at)
    on conflict (customer_id, kind) do update
        set count = customer_signal.count + 1, last_at = greatest(customer_signal.last_at, excluded.last_at);
    perform lead_score_mark_due(array(select id from lead where customer_id = new.id), now());
    return null;
end $$;

-- a note deleted with its lead marks nothing (the lead is gone)
create or replace function lead_note_mark_score_due() returns trigger language plpgsql as $$
begin
    perform lead_score_mark_due(
        array(select id from lead where id = case when tg_op = 'DELETE' then old.lead_id else new.lead_id end), now());
    return null;
end $$;
