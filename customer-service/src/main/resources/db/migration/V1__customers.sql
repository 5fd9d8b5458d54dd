create extension if not exists pg_trgm;

create table customer (
    id         uuid primary key,
    name       varchar(200) not null,
    email      varchar(320) not null,
    phone      varchar(40),
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null
);

create unique index customer_email_unique on customer (lower(email));
-- keyset pagination, newest first and by name
create index customer_created_keyset on customer (created_at desc, id desc);
create index customer_name_keyset on customer (lower(name), id);
-- substring search, one index per searched field
create index customer_name_trgm on customer using gin (lower(name) gin_trgm_ops);
create index customer_email_trgm on customer using gin (lower(email) gin_trgm_ops);
