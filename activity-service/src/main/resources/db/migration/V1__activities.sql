create table activity (
    id          uuid primary key,
    customer_id uuid         not null,
    user_id     varchar(128) not null,
    action      varchar(128) not null,
    summary     varchar(500) not null,
    occurred_at timestamptz  not null,
    event_id    uuid         not null unique,
    -- the trace id of the request that caused it, to find its logs and spans
    correlation_id varchar(64)
);

-- a customer's timeline and the recent-activity feed, newest first
create index activity_customer_timeline on activity (customer_id, occurred_at desc, id desc);
create index activity_feed on activity (occurred_at desc, id desc);
