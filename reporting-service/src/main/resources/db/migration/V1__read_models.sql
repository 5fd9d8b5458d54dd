-- Read models built from the other services' events alone. One row per aggregate, upserted by every event of it;
-- each group of fields carries the time (the event's occurredAt) it was true at its source, so that a duplicate or a
-- late event never overwrites a newer state and any arrival order ends in the same rows. Who owns what is joined when
-- a statistic is asked for, never copied into the facts: an owner change counts at once everywhere.

create table customer_fact (
    id           uuid primary key,
    owner_id     varchar(255),
    owner_at     timestamptz not null default '-infinity',
    tags         jsonb       not null default '[]',
    tags_at      timestamptz not null default '-infinity',
    -- when it was created (customer.created); null until that event is here
    created_at   timestamptz,
    deleted      boolean     not null default false,
    existence_at timestamptz not null default '-infinity',
    -- final: nothing arriving later brings it back
    purged       boolean     not null default false
);
create index customer_fact_created on customer_fact (created_at) where created_at is not null;
create index customer_fact_owner on customer_fact (owner_id);

create table lead_fact (
    id          uuid primary key,
    customer_id uuid        not null,
    status      varchar(24),
    status_at   timestamptz not null default '-infinity',
    -- when the lead reached its current closed status (null while open)
    closed_at   timestamptz,
    source      varchar(64),
    value       numeric(19, 4),
    currency    varchar(3),
    fields_at   timestamptz not null default '-infinity',
    assignee    varchar(255),
    assignee_at timestamptz not null default '-infinity',
    created_at  timestamptz,
    -- final, like a purge
    deleted     boolean     not null default false
);
create index lead_fact_created on lead_fact (created_at);
create index lead_fact_closed on lead_fact (closed_at) where closed_at is not null;
create index lead_fact_assignee on lead_fact (assignee);
create index lead_fact_customer on lead_fact (customer_id);

create table payment_fact (
    id          uuid primary key,
    customer_id uuid           not null,
    lead_id     uuid,
    -- null while only a refund of it is known (a refund's event does not carry the payment's amount)
    amount      numeric(19, 4),
    currency    varchar(3)     not null,
    method      varchar(24),
    status      varchar(24)    not null,
    status_at   timestamptz    not null default '-infinity',
    recorded_at timestamptz,
    -- when the money moved (the payment became COMPLETED): the earliest time any event says so
    paid_at     timestamptz
);
create index payment_fact_paid on payment_fact (paid_at) where paid_at is not null;
create index payment_fact_customer on payment_fact (customer_id);
create index payment_fact_lead on payment_fact (lead_id) where lead_id is not null;

-- one row per refund: money going back on the day it went
create table refund_fact (
    id          uuid primary key,
    payment_id  uuid           not null,
    customer_id uuid           not null,
    lead_id     uuid,
    amount      numeric(19, 4) not null,
    currency    varchar(3)     not null,
    refunded_at timestamptz    not null
);
create index refund_fact_refunded on refund_fact (refunded_at);

create table follow_up_fact (
    id          uuid primary key,
    customer_id uuid         not null,
    lead_id     uuid,
    assignee    varchar(255),
    status      varchar(24)  not null,
    due_at      timestamptz  not null,
    changed_at  timestamptz  not null,
    created_at  timestamptz
);
create index follow_up_fact_due on follow_up_fact (due_at) where status = 'OPEN';
create index follow_up_fact_assignee on follow_up_fact (assignee);

-- what happened with a customer that counts as work done: notes, communications, documents, follow-ups made and done;
-- one row per event (the event id is the key: a duplicate is the same row)
create table activity_fact (
    event_id    uuid primary key,
    kind        varchar(32)  not null,
    customer_id uuid         not null,
    lead_id     uuid,
    actor_id    varchar(255),
    occurred_at timestamptz  not null
);
create index activity_fact_occurred on activity_fact (occurred_at);

-- dashboards: a user's own (owner_kind 'user', their id) and the defaults admins publish for a role ('role', its name)
create table dashboard_layout (
    owner_kind varchar(8)   not null,
    owner_id   varchar(255) not null,
    widgets    jsonb        not null,
    updated_at timestamptz  not null,
    updated_by varchar(255) not null,
    constraint dashboard_layout_pkey primary key (owner_kind, owner_id)
);
