-- ./crm bench reports: the statements of GET /api/v1/reports/dashboard for a viewer who counts everything (admin),
-- as reporting-service's Statistics.dashboard runs them for whole days (the current month): customers and leads from
-- the kept counts, follow-ups due before the end of today and revenue from the facts
select coalesce(sum(customers), 0), coalesce(sum(customers) filter (where day >= date_trunc('month', now()) and day < date_trunc('month', now()) + interval '1 month'), 0)
  from customer_rollup;
select coalesce(sum(l.leads), 0) from lead_rollup l where l.status in ('NEW', 'IN_PROGRESS');
select coalesce(sum(l.leads) filter (where l.status = 'CLOSED_WON'), 0), coalesce(sum(l.leads) filter (where l.status = 'CLOSED_LOST'), 0)
  from lead_close_rollup l where l.day >= date_trunc('month', now()) and l.day < date_trunc('month', now()) + interval '1 month';
select l.currency, sum(l.value_sum) from lead_rollup l where l.status in ('NEW', 'IN_PROGRESS') and l.currency is not null
  group by l.currency having sum(l.valued) > 0 order by l.currency;
select count(*) from follow_up_fact f where f.status = 'OPEN' and f.due_at < date_trunc('day', now()) + interval '1 day'
  and not exists (select 1 from customer_fact pc where pc.id = f.customer_id and pc.purged);
select currency, sum(amount) from (
  select p.currency, p.amount, p.paid_at as at from payment_fact p where p.amount is not null
    and p.paid_at >= date_trunc('month', now()) and p.paid_at < date_trunc('month', now()) + interval '1 month'
  union all select r.currency, -r.amount, r.refunded_at from refund_fact r
    where r.refunded_at >= date_trunc('month', now()) and r.refunded_at < date_trunc('month', now()) + interval '1 month') m
  group by currency order by currency;
