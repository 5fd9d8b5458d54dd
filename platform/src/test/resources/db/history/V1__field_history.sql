-- Field history (the platform's FieldHistory): who changed which field of a record, when, from what to what, through
-- which request. Written in the change's transaction. The same table in every service that keeps a history.
create table field_change (
    aggregate_type varchar(64)  not null,
    aggregate_id   uuid         not null,
    changed_at     timestamptz  not null,
    actor_id       varchar(255) not null, -- user id (token subject), partner client id, or 'system'
    actor_name     varchar(255) not null, -- how people knew the actor at the time
    actor_kind     varchar(16)  not null, -- user, client, system
    trace_id       varchar(32),           -- the request's trace, to find it in the logs
    field          varchar(64)  not null, -- a snapshot component's name, or created, deleted, restored
    old_value      text,
    new_value      text,
    id             uuid         not null,
    -- also the one index: a record's history newest first is a backward walk of it from the cursor, and a write
    -- maintains no second index
    constraint field_change_pkey primary key (aggregate_type, aggregate_id, changed_at, id)
);
