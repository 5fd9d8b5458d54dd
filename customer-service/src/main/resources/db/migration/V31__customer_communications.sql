-- Calls, emails, meetings and messages logged on a customer; append-only. body is sanitised HTML like a note's.
create table customer_communication (
    id               uuid primary key,
    customer_id      uuid         not null references customer (id) on delete cascade,
    type             varchar(16)  not null check (type in ('CALL', 'EMAIL', 'MEETING', 'MESSAGE')),
    direction        varchar(16)  not null check (direction in ('INBOUND', 'OUTBOUND')),
    subject          varchar(200) not null,
    body             text         not null,
    occurred_at      timestamptz  not null,
    participants     text[]       not null,
    duration_minutes integer check (duration_minutes between 0 and 1440),
    logged_by        varchar(128) not null,
    logged_by_name   varchar(200) not null,
    logged_at        timestamptz  not null
);

-- a customer's communications, latest first by when they happened (keyset)
create index customer_communication_latest on customer_communication (customer_id, occurred_at desc, id desc);
