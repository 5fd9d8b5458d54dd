-- The responsible user (an id from the user directory) and the name people know them by, kept beside it so that
-- lists show it without asking the directory. Rows from before owners existed have none: a manager assigns one.
alter table customer add column owner_id   varchar(255);
alter table customer add column owner_name varchar(200);
alter table customer add column company    varchar(200);
-- short labels, lower case, each at most once (the service normalises them)
alter table customer add column tags       text[] not null default '{}';

-- "my customers" and ?owner=, newest first
create index customer_owner_created on customer (owner_id, created_at desc, id desc);
-- ?tag=: tags @> array[:tag]
create index customer_tags on customer using gin (tags) with (fastupdate = off);
-- substring search also matches company and phone, one trigram index per field as for name and email
create index customer_company_trgm on customer using gin (lower(company) gin_trgm_ops) with (fastupdate = off);
create index customer_phone_trgm on customer using gin (phone gin_trgm_ops) with (fastupdate = off);
