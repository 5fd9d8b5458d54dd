-- ShedLock's table (SchedulerLockConfiguration): one row per scheduled job that runs on one instance at a time.
-- Plain timestamps, as ShedLock's PostgreSQL provider writes them in UTC with the database's clock.
create table if not exists shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
