-- Notes on a customer. body holds HTML already sanitised by the platform's rich-text policy (RichText): it is
-- sanitised once on write, so every reader (the web UI, partners, exports) gets safe HTML without sanitising again.
create table customer_note (
    id          uuid primary key,
    customer_id uuid         not null references customer (id) on delete cascade,
    author_id   varchar(128) not null,
    author_name varchar(200) not null,
    body        text         not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);

-- a customer's notes, newest first (keyset)
create index customer_note_newest on customer_note (customer_id, created_at desc, id desc);
