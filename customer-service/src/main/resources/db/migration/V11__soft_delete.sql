-- Soft delete: a deleted customer leaves lists, search and reads, and can be restored until the purge removes it
-- (crm.customers.purge.after, 30 days).
alter table customer add column deleted_at timestamptz;
alter table customer add column deleted_by varchar(255);
alter table customer add column deleted_by_name varchar(200);

-- the lists read only live customers: their keyset indexes hold only those
drop index customer_created_keyset;
create index customer_created_keyset on customer (created_at desc, id desc) where deleted_at is null;
drop index customer_name_keyset;
create index customer_name_keyset on customer (lower(name), id) where deleted_at is null;
drop index customer_owner_created;
create index customer_owner_created on customer (owner_id, created_at desc, id desc) where deleted_at is null;
-- "Recently deleted", newest first, and the purge (oldest first)
create index customer_deleted on customer (deleted_at desc, id desc) where deleted_at is not null;

-- a deleted customer's email is free for a new customer; restoring it then is a 409
drop index customer_email_unique;
create unique index customer_email_unique on customer (lower(email)) where deleted_at is null;
