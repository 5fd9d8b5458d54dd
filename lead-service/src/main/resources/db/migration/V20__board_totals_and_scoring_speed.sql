-- The board's counts and value sums at a million leads without reading them: totals per status and currency, for
-- every lead (assignee '' and source ''), per assignee, per source and per both. A change of a lead appends signed
-- deltas (no row is shared between writers, so nothing waits and nothing deadlocks); the board adds the few deltas
-- not yet folded into the totals, and BoardTotalsJob folds them every few seconds.
create table lead_board_total (
    assignee varchar(64)    not null,
    source   varchar(16)    not null,
    status   varchar(16)    not null,
    currency char(3)        not null,
    count    bigint         not null,
    value    numeric(30, 4) not null,
    primary key (assignee, source, status, currency)
);

create table lead_board_delta (
    assignee varchar(64)    not null,
    source   varchar(16)    not null,
    status   varchar(16)    not null,
    currency char(3)        not null,
    count    bigint         not null,
    value    numeric(30, 4) not null
);
create index lead_board_delta_key on lead_board_delta (assignee, source);

create function lead_board_delta_on_change() returns trigger language plpgsql as $$
begin
    -- a bulk load (./crm generate leads) counts everything once at its end: lead_board_recount()
    if current_setting('crm.bulk_load', true) = 'on' then
        return null;
    end if;
    if tg_op = 'UPDATE' and (old.status, old.currency, old.value, old.assigned_to, old.source)
            is not distinct from (new.status, new.currency, new.value, new.assigned_to, new.source) then
        return null;
    end if;
    if tg_op <> 'INSERT' then
        insert into lead_board_delta (assignee, source, status, currency, count, value)
        select k.assignee, k.source, old.status, old.currency, -1, -old.value
        from (values ('', ''), ('', old.source), (old.assigned_to, ''), (old.assigned_to, old.source)) k (assignee, source)
        where k.assignee is not null;
    end if;
    if tg_op <> 'DELETE' then
        insert into lead_board_delta (assignee, source, status, currency, count, value)
        select k.assignee, k.source, new.status, new.currency, 1, new.value
        from (values ('', ''), ('', new.source), (new.assigned_to, ''), (new.assigned_to, new.source)) k (assignee, source)
        where k.assignee is not null;
    end if;
    return null;
end $$;
create trigger lead_board_delta_on_change
    after insert or delete or update of status, currency, value, assigned_to, source on lead
    for each row execute function lead_board_delta_on_change();

-- every total counted again from the leads; writers of leads wait for the moment it takes
create function lead_board_recount() returns void language plpgsql as $$
begin
    lock table lead_board_total, lead_board_delta in exclusive mode;
    delete from lead_board_delta;
    delete from lead_board_total;
    insert into lead_board_total (assignee, source, status, currency, count, value)
    select coalesce(assigned_to, ''), case when grouping(source) = 0 then source else '' end, status, currency,
           count(*), sum(value)
    from lead
    group by grouping sets ((status, currency), (source, status, currency), (assigned_to, status, currency),
                            (assigned_to, source, status, currency))
    having grouping(assigned_to) = 1 or assigned_to is not null;
end $$;
select lead_board_recount();

-- due leads are taken oldest first: without this, every batch sorted the whole queue (a million after a bulk load)
create index lead_score_due_since on lead_score_due (since, lead_id);

-- A bulk load's leads are scored without publishing lead.scored (such rows publish no events: a million timeline
-- entries would say nothing); every other change is published as before
alter table lead_score_due add column publish boolean not null default true;
create or replace function lead_mark_score_due() returns trigger language plpgsql as $$
begin
    insert into lead_score_due (lead_id, since, publish)
    values (new.id, now(), current_setting('crm.bulk_load', true) is distinct from 'on')
    on conflict do nothing;
    return null;
end $$;
