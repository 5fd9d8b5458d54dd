-- automatic assignment and explainable scoring; numbered well after the lead tables so that their migrations can grow

-- the latest score of each lead and why; lead.score holds the same number for sorting and lists
create table lead_score (
    lead_id          uuid primary key references lead (id) on delete cascade,
    score            int         not null check (score between 0 and 100),
    rule_set_version varchar(64) not null,
    factors          jsonb       not null,
    computed_at      timestamptz not null
);

-- every change of a lead's score or of the rules it was computed under, newest first per lead
create table lead_score_history (
    id               bigint generated always as identity primary key,
    lead_id          uuid        not null references lead (id) on delete cascade,
    score            int         not null,
    rule_set_version varchar(64) not null,
    computed_at      timestamptz not null
);
create index lead_score_history_lead on lead_score_history (lead_id, computed_at desc, id desc);

-- leads whose facts changed since they were scored (a lead or customer event): scored within seconds, rows taken
-- with SKIP LOCKED so that replicas share the work and never wait for each other
create table lead_score_due (
    lead_id uuid primary key references lead (id) on delete cascade,
    since   timestamptz not null
);

-- what the service heard about a customer, per kind of event (customer, later activity, communication, payment)
create table customer_signal (
    customer_id uuid        not null,
    kind        varchar(32) not null,
    count       bigint      not null,
    last_at     timestamptz not null,
    primary key (customer_id, kind)
);

-- every assignment, automatic or manual; an automatic one is chosen before its new lead row is written (checked at commit)
create table lead_assignment (
    id          bigint generated always as identity primary key,
    lead_id     uuid         not null references lead (id) on delete cascade deferrable initially deferred,
    assignee    varchar(64)  not null,
    previous    varchar(64),
    -- the strategy of an automatic assignment, null for a manual one
    strategy    varchar(32),
    actor       varchar(200),
    assigned_at timestamptz  not null
);
create index lead_assignment_lead on lead_assignment (lead_id, assigned_at desc, id desc);

-- whose turn it is: one row, locked (FOR UPDATE) for the instant of one automatic assignment, shared by all replicas
create table lead_assignment_turn (
    id            int primary key check (id = 1),
    last_assignee varchar(64)
);
insert into lead_assignment_turn (id, last_assignee) values (1, null);

-- open leads waiting for an assignee (created while the user directory did not answer)
create index lead_unassigned_open on lead (created_at, id) where assigned_to is null and status in ('NEW', 'IN_PROGRESS');
-- open leads per assignee (fewest-open)
create index lead_assignee_open on lead (assigned_to) where status in ('NEW', 'IN_PROGRESS');

-- Kept by triggers, so that every path that writes a lead or a customer fact (the API, event handlers, demo data,
-- ./crm generate) marks scores due and records assignments, and scoring's own update of lead.score (that column
-- alone) marks nothing.

-- a lead's scored facts changed: score it again
create function lead_mark_score_due() returns trigger language plpgsql as $$
begin
    insert into lead_score_due (lead_id, since) values (new.id, now()) on conflict do nothing;
    return null;
end $$;
create trigger lead_score_due_on_change
    after insert or update of customer_id, source, value, currency, status, created_at on lead
    for each row execute function lead_mark_score_due();

-- an event about the customer arrived (its facts row was written): counted as a signal, its leads are due
create function customer_signal_on_change() returns trigger language plpgsql as $$
begin
    insert into customer_signal (customer_id, kind, count, last_at) values (new.id, 'customer', 1, new.changed_at)
    on conflict (customer_id, kind) do update
        set count = customer_signal.count + 1, last_at = greatest(customer_signal.last_at, excluded.last_at);
    insert into lead_score_due (lead_id, since) select id, now() from lead where customer_id = new.id
    on conflict do nothing;
    return null;
end $$;
create trigger customer_signal_on_change
    after insert or update on customer
    for each row execute function customer_signal_on_change();

-- every change of assignee; the strategy and actor come from the transaction's settings when the service set them
create function lead_record_assignment() returns trigger language plpgsql as $$
begin
    if new.assigned_to is not null and (tg_op = 'INSERT' or new.assigned_to is distinct from old.assigned_to) then
        insert into lead_assignment (lead_id, assignee, previous, strategy, actor, assigned_at)
        values (new.id, new.assigned_to, case when tg_op = 'UPDATE' then old.assigned_to end,
                nullif(current_setting('crm.assignment_strategy', true), ''),
                nullif(current_setting('crm.actor', true), ''), now());
    end if;
    return null;
end $$;
create trigger lead_assignment_on_change
    after insert or update of assigned_to on lead
    for each row execute function lead_record_assignment();
