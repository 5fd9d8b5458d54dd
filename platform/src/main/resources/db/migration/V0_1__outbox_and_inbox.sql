-- Shipped by the platform library so every service gets the same outbox and inbox (runs before the service's V1).
create table outbox_event (
    id             uuid primary key,
    aggregate_type varchar(64)  not null,
    aggregate_id   varchar(64)  not null,
    type           varchar(128) not null,
    version        int          not null,
    payload        jsonb        not null, -- the complete envelope, published as is
    headers        jsonb        not null default '{}'::jsonb, -- trace context of the writing request
    occurred_at    timestamptz  not null,
    published_at   timestamptz,
    attempts       int          not null default 0,
    last_error     text,
    position       bigserial    not null
);
-- the relay only ever looks at what is left to publish, oldest first
create index outbox_event_unpublished on outbox_event (position) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

create table inbox_event (
    consumer    varchar(128) not null,
    event_id    uuid         not null,
    type        varchar(128) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index inbox_event_received_at on inbox_event (received_at);
