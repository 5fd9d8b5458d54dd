-- Customer documents: the bytes are objects in the S3 store under storage_key (never derived from the filename),
-- the metadata is here. A document goes with its customer (the cascade), and its object with it (the trigger below).
create table customer_document (
    id               uuid         primary key,
    customer_id      uuid         not null references customer (id) on delete cascade,
    filename         varchar(255) not null,
    content_type     varchar(255) not null,
    size_bytes       bigint       not null check (size_bytes > 0),
    sha256           char(64)     not null,
    storage_key      varchar(200) not null,
    uploaded_by      varchar(255) not null,
    uploaded_by_name varchar(255) not null,
    uploaded_at      timestamptz  not null,
    constraint customer_document_storage_key_unique unique (storage_key)
);

-- the same file twice for one customer is refused (409)
create unique index customer_document_content_unique on customer_document (customer_id, sha256);
-- keyset pagination of a customer's documents, newest first
create index customer_document_keyset on customer_document (customer_id, uploaded_at desc, id desc);

-- Objects to delete from the store: reserved before an upload (released when its row commits), and added for every
-- deleted row in the deleting transaction. The cleanup job deletes what is due and retries what the store refuses.
create table document_object_cleanup (
    storage_key varchar(200) primary key,
    not_before  timestamptz  not null,
    attempts    integer      not null default 0,
    last_error  text
);

create index document_object_cleanup_due on document_object_cleanup (not_before);

-- a trigger, not the application, so that no path that deletes rows (a document's removal, a customer's cascade,
-- an operator's SQL) can forget the object
create function customer_document_deleted() returns trigger language plpgsql as $$
begin
    insert into document_object_cleanup (storage_key, not_before) values (old.storage_key, now())
    on conflict (storage_key) do update set not_before = least(document_object_cleanup.not_before, excluded.not_before);
    return old;
end
$$;

create trigger customer_document_deleted after delete on customer_document
    for each row execute function customer_document_deleted();
