-- Customers counted per tag (./crm bench reports: a CSV export of customers grouped by tag unnested and grouped 2M
-- tag values from the facts, 9 to 20 s for a million customers). Each counted customer (created, neither deleted
-- nor purged) counts once under each of its tags, by its creation day and owner, kept in the same transaction as the
-- customer's change (CustomerRollups, as customer_rollup in V4). Keyed by the tag first, so that grouping by tag
-- reads the key's index in order and streams its groups without sorting or hashing them. A customer without tags is
-- in no row here (as it is in no tag group of the facts).
create table customer_tag_rollup (
    tag       text         not null,
    day       timestamptz  not null,
    owner_id  varchar(255),
    customers bigint       not null
);
create unique index customer_tag_rollup_key on customer_tag_rollup (tag, day, owner_id) include (customers)
    nulls not distinct;

insert into customer_tag_rollup (tag, day, owner_id, customers)
select t.tag, date_trunc('day', c.created_at, 'UTC'), c.owner_id, count(*)
from customer_fact c cross join lateral (select distinct value from jsonb_array_elements_text(c.tags)) t(tag)
where c.created_at is not null and not c.deleted and not c.purged and t.tag is not null
group by 1, 2, 3;
