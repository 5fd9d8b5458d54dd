-- Kept counts (./crm bench reports: counting a million leads per widget call took 0.7 s): per UTC day, the counted
-- facts of each combination of the columns statistics group and filter by, kept in the same transaction as the facts
-- they count (LeadRollups, CustomerRollups: each change moves a fact from its old bucket to its new one, so any event
-- order ends in the same counts; a bucket counting nothing is deleted). Column names are the facts' own, so a widget's
-- filter SQL reads either. A null key is a key of its own (nulls not distinct): a lead nobody is assigned to, a lead
-- whose creation event is not here yet (day null: it counts in the open leads but in no period).

-- leads not deleted and with a status, by the day they were created
create table lead_rollup (
    day       timestamptz,
    status    varchar(24)    not null,
    source    varchar(64),
    assignee  varchar(255),
    currency  varchar(3),
    leads     bigint         not null,
    -- how many of them have a value, and its sum (0 when none: the sum of no value is then null)
    valued    bigint         not null,
    value_sum numeric(24, 4) not null
);
create unique index lead_rollup_key on lead_rollup (day, status, source, assignee, currency) nulls not distinct;
create index lead_rollup_open on lead_rollup (assignee) where status in ('NEW', 'IN_PROGRESS');

-- the same leads, closed (won or lost), by the day they reached their current closed status
create table lead_close_rollup (
    day      timestamptz  not null,
    status   varchar(24)  not null,
    assignee varchar(255),
    leads    bigint       not null
);
create unique index lead_close_rollup_key on lead_close_rollup (day, status, assignee) nulls not distinct;

-- customers counted (created, neither deleted nor purged), by the day they were created
create table customer_rollup (
    day       timestamptz  not null,
    owner_id  varchar(255),
    customers bigint       not null
);
create unique index customer_rollup_key on customer_rollup (day, owner_id) nulls not distinct;

insert into lead_rollup (day, status, source, assignee, currency, leads, valued, value_sum)
select date_trunc('day', created_at, 'UTC'), status, source, assignee, currency, count(*), count(value),
    coalesce(sum(value), 0)
from lead_fact where not deleted and status is not null group by 1, 2, 3, 4, 5;

insert into lead_close_rollup (day, status, assignee, leads)
select date_trunc('day', closed_at, 'UTC'), status, assignee, count(*)
from lead_fact where not deleted and status in ('CLOSED_WON', 'CLOSED_LOST') and closed_at is not null
group by 1, 2, 3;

insert into customer_rollup (day, owner_id, customers)
select date_trunc('day', created_at, 'UTC'), owner_id, count(*)
from customer_fact where created_at is not null and not deleted and not purged group by 1, 2;
