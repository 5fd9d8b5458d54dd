-- Where the last rebuild by replay stands, for every instance and across restarts: one row. The instance that runs a
-- rebuild holds a session-level advisory lock on a connection of its own for as long as it runs, and writes this row
-- through it; a row that says running while nobody holds the lock is a rebuild whose instance stopped.
create table rebuild_status (
    id                boolean      primary key default true check (id),
    state             varchar(16)  not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    partitions        jsonb        not null default '[]',
    events_applied    bigint       not null default 0,
    events_per_second bigint,
    error             text,
    instance          varchar(255)
);

insert into rebuild_status (state) values ('idle');
