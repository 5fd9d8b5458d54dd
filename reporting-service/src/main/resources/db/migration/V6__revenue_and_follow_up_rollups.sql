-- Kept counts of what the dashboard still counted from the facts (./crm bench reports: the follow-ups due took most of
-- the admin dashboard's floor, revenue the rest): money moved per UTC day and currency, and the open follow-ups per
-- day due, each keyed by the CURRENT owner of its customer and assignee of its lead, since who may see them (a sales
-- user: payments of their customers or leads, follow-ups assigned to them or on their leads) and to whom revenue is
-- attributed (the lead's assignee, else the customer's owner) is decided by them. So a customer's new owner, a lead's
-- new assignee, a purge move that customer's or lead's payments, refunds and follow-ups to their new buckets in the
-- transaction of the change (OwnedRollups, serialised with the payments' and follow-ups' own changes by advisory
-- locks per customer and lead: their rows may not exist yet). As in V4, a bucket counting nothing is deleted.

-- completed payments (+amount, the day the money moved) and refunds (-amount, the day it went back)
create table revenue_rollup (
    day       timestamptz    not null,
    currency  varchar(3)     not null,
    -- the payment's customer's owner, its lead's assignee (null: no lead, no lead heard of, nobody assigned)
    owner_id  varchar(255),
    assignee  varchar(255),
    movements bigint         not null,
    amount    numeric(24, 4) not null
);
create unique index revenue_rollup_key on revenue_rollup (day, currency, owner_id, assignee) nulls not distinct;

-- open follow-ups of customers not purged, by the day they are due
create table follow_up_rollup (
    day           timestamptz  not null,
    assignee      varchar(255),
    -- the assignee of the follow-up's lead (null: none)
    lead_assignee varchar(255),
    follow_ups    bigint       not null
);
create unique index follow_up_rollup_key on follow_up_rollup (day, assignee, lead_assignee) nulls not distinct;

-- what an owner's or assignee's change (or a purge) moves
create index refund_fact_customer on refund_fact (customer_id);
create index refund_fact_lead on refund_fact (lead_id) where lead_id is not null;
create index follow_up_fact_customer on follow_up_fact (customer_id);
create index follow_up_fact_lead on follow_up_fact (lead_id) where lead_id is not null;

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
