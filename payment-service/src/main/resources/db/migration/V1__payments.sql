-- Payments and their refunds. Amounts are exact decimals, never binary floating point; each carries at most its
-- currency's ISO 4217 minor units (checked by the application, which knows the currencies).
create table payment (
    id              uuid primary key,
    customer_id     uuid          not null,
    lead_id         uuid,
    amount          numeric(19, 4) not null check (amount > 0),
    currency        varchar(3)    not null,
    status          varchar(24)   not null,
    method          varchar(24)   not null,
    external_ref    varchar(200),
    refunded_amount numeric(19, 4) not null default 0,
    paid_at         timestamptz,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    created_by      varchar(255)  not null,
    created_by_name varchar(255)  not null,
    version         bigint        not null,
    -- never more refunded than paid, whatever the application does
    constraint payment_refunds_within_amount check (refunded_amount >= 0 and refunded_amount <= amount)
);
-- newest first, overall and per customer or lead (keyset on created_at, id)
create index payment_newest on payment (created_at desc, id desc);
create index payment_customer_newest on payment (customer_id, created_at desc, id desc);
create index payment_lead_newest on payment (lead_id, created_at desc, id desc) where lead_id is not null;
-- the provider's reference names one payment: its webhooks find the payment by it
create unique index payment_external_ref on payment (external_ref) where external_ref is not null;

create table refund (
    id              uuid primary key,
    payment_id      uuid           not null references payment (id),
    amount          numeric(19, 4) not null check (amount > 0),
    reason          varchar(500),
    created_at      timestamptz    not null,
    created_by      varchar(255)   not null,
    created_by_name varchar(255)   not null
);
create index refund_payment on refund (payment_id, created_at);

-- what this service knows of customers and leads from their events: who may pay, who may see a payment
create table known_customer (
    id               uuid primary key,
    name             varchar(200),
    owner_id         varchar(255),
    deleted          boolean     not null default false,
    -- when the state held here was true at its source: an older event never overwrites a newer one
    changed_at       timestamptz not null,
    owner_changed_at timestamptz
);
create index known_customer_owner on known_customer (owner_id) where not deleted;

create table known_lead (
    id          uuid primary key,
    customer_id uuid        not null,
    title       varchar(200),
    assignee    varchar(255),
    deleted     boolean     not null default false,
    changed_at  timestamptz not null
);
create index known_lead_assignee on known_lead (assignee) where not deleted;

-- provider webhook ids already applied: a replayed delivery changes nothing
create table provider_event (
    webhook_id  varchar(255) primary key,
    type        varchar(64)  not null,
    received_at timestamptz  not null
);
create index provider_event_received on provider_event (received_at);

-- Field history (the platform's FieldHistory), the same table in every service that keeps one.
create table field_change (
    aggregate_type varchar(64)  not null,
    aggregate_id   uuid         not null,
    changed_at     timestamptz  not null,
    actor_id       varchar(255) not null,
    actor_name     varchar(255) not null,
    actor_kind     varchar(16)  not null,
    trace_id       varchar(32),
    field          varchar(64)  not null,
    old_value      text,
    new_value      text,
    id             uuid         not null,
    constraint field_change_pkey primary key (aggregate_type, aggregate_id, changed_at, id)
);
