create extension if not exists pg_trgm;

-- lead-service's own copy of the customer facts it needs, kept from crm.customer events (no call to customer-service)
create table customer (
    id         uuid primary key,
    name       varchar(200) not null,
    deleted    boolean      not null default false,
    -- when the state held here was true at customer-service: an older event never overwrites a newer one
    changed_at timestamptz  not null
);
create index customer_name_trgm on customer using gin (lower(name) gin_trgm_ops);

create table lead (
    id            uuid primary key,
    customer_id   uuid           not null,
    title         varchar(200)   not null,
    source        varchar(16)    not null,
    value         numeric(19, 4) not null check (value >= 0),
    currency      char(3)        not null,
    status        varchar(16)    not null,
    lost_reason   varchar(500),
    assigned_to   varchar(64),
    assignee_name varchar(200),
    score         int check (score between 0 and 100),
    created_at    timestamptz    not null,
    updated_at    timestamptz    not null,
    closed_at     timestamptz,
    version       bigint         not null
);

-- keyset pagination for each sort, overall and per board column
create index lead_created_keyset on lead (created_at desc, id desc);
create index lead_value_keyset on lead (value desc, id desc);
create index lead_score_keyset on lead (coalesce(score, -1) desc, id desc);
create index lead_status_created_keyset on lead (status, created_at desc, id desc);
-- a sales user's own leads (record-level rule), newest first and per board column
create index lead_assignee_created_keyset on lead (assigned_to, created_at desc, id desc);
create index lead_assignee_status_created_keyset on lead (assigned_to, status, created_at desc, id desc);
create index lead_customer on lead (customer_id, created_at desc, id desc);
create index lead_title_trgm on lead using gin (lower(title) gin_trgm_ops);
alter index lead_title_trgm set (fastupdate = off);
