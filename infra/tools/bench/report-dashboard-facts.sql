-- ./crm bench reports, the floor before the kept counts (counting the facts): the statements of GET /api/v1/reports/dashboard for a viewer who counts everything (admin),
-- as reporting-service's Statistics.dashboard runs them (the current month, follow-ups due before the end of today)
select count(*), count(*) filter (where created_at >= date_trunc('month', now()) and created_at < date_trunc('month', now()) + interval '1 month')
  from customer_fact where created_at is not null and not deleted and not purged;
select count(*) filter (where l.status in ('NEW', 'IN_PROGRESS')),
  count(*) filter (where l.status = 'CLOSED_WON' and l.closed_at >= date_trunc('month', now()) and l.closed_at < date_trunc('month', now()) + interval '1 month'),
  count(*) filter (where l.status = 'CLOSED_LOST' and l.closed_at >= date_trunc('month', now()) and l.closed_at < date_trunc('month', now()) + interval '1 month')
  from lead_fact l where not l.deleted and l.status is not null;
select l.currency, sum(l.value) from lead_fact l where not l.deleted and l.status in ('NEW', 'IN_PROGRESS')
  and l.value is not null and l.currency is not null group by l.currency order by l.currency;
select count(*) from follow_up_fact f where f.status = 'OPEN' and f.due_at < date_trunc('day', now()) + interval '1 day'
  and not exists (select 1 from customer_fact pc where pc.id = f.customer_id and pc.purged);
select currency, sum(amount) from (
  select p.currency, p.amount, p.paid_at as at from payment_fact p where p.amount is not null
    and p.paid_at >= date_trunc('month', now()) and p.paid_at < date_trunc('month', now()) + interval '1 month'
  union all select r.currency, -r.amount, r.refunded_at from refund_fact r
    where r.refunded_at >= date_trunc('month', now()) and r.refunded_at < date_trunc('month', now()) + interval '1 month') m
  group by currency order by currency;
