-- Every kept count counted again from the facts (the statements of V4__rollups.sql's, V6's and V7's backfills): after a
-- replay that applied the facts alone (RebuildSchema.recountKeptCounts), and by ./crm bench reports after it wrote the
-- facts directly. In the schema the search_path names first.
truncate lead_rollup, lead_close_rollup, customer_rollup, customer_tag_rollup, revenue_rollup, follow_up_rollup;
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

insert into customer_tag_rollup (tag, day, owner_id, customers)
select t.tag, date_trunc('day', c.created_at, 'UTC'), c.owner_id, count(*)
from customer_fact c cross join lateral (select distinct value from jsonb_array_elements_text(c.tags)) t(tag)
where c.created_at is not null and not c.deleted and not c.purged and t.tag is not null
group by 1, 2, 3;

insert into revenue_rollup (day, currency, owner_id, assignee, movements, amount)
select date_trunc('day', m.at, 'UTC'), m.currency, c.owner_id, l.assignee, count(*), sum(m.amount)
from (select p.paid_at as at, p.currency, p.amount, p.customer_id, p.lead_id from payment_fact p
      where p.amount is not null and p.paid_at is not null
      union all select r.refunded_at, r.currency, -r.amount, r.customer_id, r.lead_id from refund_fact r) m
left join customer_fact c on c.id = m.customer_id left join lead_fact l on l.id = m.lead_id
group by 1, 2, 3, 4;

insert into follow_up_rollup (day, assignee, lead_assignee, follow_ups)
select date_trunc('day', f.due_at, 'UTC'), f.assignee, l.assignee, count(*)
from follow_up_fact f left join customer_fact c on c.id = f.customer_id left join lead_fact l on l.id = f.lead_id
where f.status = 'OPEN' and not coalesce(c.purged, false)
group by 1, 2, 3;
analyze lead_rollup, lead_close_rollup, customer_rollup, customer_tag_rollup, revenue_rollup, follow_up_rollup;
