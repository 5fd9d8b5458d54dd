-- Shipped by the platform library: ShedLock's lock per scheduled job (SchedulerLockConfiguration), so that a job
-- guarded by @SchedulerLock runs on one instance at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
