-- The customers and leads activity-service has heard of (crm.customer, crm.lead events): follow-ups may name only
-- these, and a lead's assignee decides which sales user sees the lead's timeline entries and follow-ups.
create table known_customer (
    id         uuid primary key,
    name       varchar(200),
    deleted    boolean     not null default false,
    -- when the state held here was true at its source: an older event never overwrites a newer one
    changed_at timestamptz not null
);

create table known_lead (
    id          uuid primary key,
    customer_id uuid        not null,
    title       varchar(200),
    assignee    varchar(128),
    deleted     boolean     not null default false,
    changed_at  timestamptz not null
);
create index known_lead_assignee on known_lead (assignee) where not deleted;

-- the users a follow-up may be assigned to: lead assignees, and whoever created, changed or was given a follow-up
create table known_user (
    id      varchar(128) primary key,
    name    varchar(200) not null,
    seen_at timestamptz  not null
);

-- every timeline entry has a kind (filter; entries written without one are about the customer); an entry about a
-- lead names it (record-level rule)
alter table activity
    add column kind    varchar(32) not null default 'customer',
    add column lead_id uuid;
update activity set kind = 'lead' where action like 'lead.%';
create index activity_customer_kind_timeline on activity (customer_id, kind, occurred_at desc, id desc);
create index activity_lead on activity (lead_id) where lead_id is not null;

create table follow_up (
    id            uuid primary key,
    customer_id   uuid          not null,
    lead_id       uuid,
    title         varchar(200)  not null,
    notes         varchar(4000),
    due_at        timestamptz   not null,
    assignee      varchar(128)  not null,
    assignee_name varchar(200),
    status        varchar(16)   not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
    created_by    varchar(128)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    closed_at     timestamptz,
    version       bigint        not null,
    -- set by the due job in the statement that publishes follow-up.due (never by the entity): once per due time
    due_published_at timestamptz
);
-- lists: keyset on (due_at, id), per assignee and per customer
create index follow_up_assignee_due on follow_up (assignee, due_at, id);
create index follow_up_customer_due on follow_up (customer_id, due_at, id);
create index follow_up_lead on follow_up (lead_id) where lead_id is not null;
create index follow_up_due on follow_up (due_at, id);
-- the due job's work: open follow-ups whose due time came and went unannounced
create index follow_up_due_unannounced on follow_up (due_at) where status = 'OPEN' and due_published_at is null;
