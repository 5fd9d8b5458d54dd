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
    strategy    varchar(32),
    actor       varchar(200) not null,
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
