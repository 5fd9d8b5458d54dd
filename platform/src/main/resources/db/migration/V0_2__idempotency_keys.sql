-- Shipped by the platform library: remembers creates made with an Idempotency-Key so a retried request
-- returns the first result instead of creating twice.
create table idempotency_key (
    scope        varchar(64)  not null,
    actor        varchar(128) not null,
    key          varchar(200) not null,
    request_hash varchar(64)  not null,
    resource_id  varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    primary key (scope, actor, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
