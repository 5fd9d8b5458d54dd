-- Notes on a lead. body holds HTML already sanitised by the platform's rich-text policy (RichText) on write, so every
-- reader gets safe HTML. A lead's notes go with it (deleted, or purged with its customer).
create table lead_note (
    id          uuid primary key,
    lead_id     uuid         not null references lead (id) on delete cascade,
    author_id   varchar(128) not null,
    author_name varchar(200) not null,
    body        text         not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);

-- a lead's notes, newest first (keyset)
create index lead_note_newest on lead_note (lead_id, created_at desc, id desc);
